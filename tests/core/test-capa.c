/* test-capa.c: corrective and preventive actions, their timeline
 * entries, and the rule that an incident with an open action cannot be
 * closed. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sonae-capa.h"
#include "sonae-closing.h"
#include "sonae-manual.h"
#include "sonae-ppc.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-store.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

#define NOW "2026-11-21T10:00:00"
#define TODAY "2026-11-21"
#define AUTHOR "佐藤 由美"

static gint64
new_incident (SonaeStore *store,
              const char *title)
{
  return sonae_test_add_incident (store, title, "2026-11-20T09:00:00", 2, FALSE, AUTHOR);
}

static gint64
add_action (SonaeStore   *store,
            gint64        incident_id,
            SonaeCapaKind kind,
            const char   *text,
            gint64        owner_id,
            const char   *due_on)
{
  g_autoptr(SonaeCapa) action = sonae_capa_new ();
  g_autoptr(GError) error = NULL;

  action->incident_id = incident_id;
  action->kind = kind;
  action->text = g_strdup (text);
  action->owner_id = owner_id;
  action->due_on = g_strdup (due_on);
  g_assert_true (sonae_capa_save (store, action, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (action->id, >, 0);
  g_assert_cmpint (action->status, ==, SONAE_CAPA_OPEN);
  g_assert_cmpstr (action->created_at, ==, NOW);
  return action->id;
}

static SonaeCapa *
get_action (SonaeStore *store,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  SonaeCapa *action = sonae_capa_get (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (action);
  return action;
}

static GPtrArray *
timeline (SonaeStore *store,
          gint64      id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sonae_incidents_list_timeline (store, id, &error);

  g_assert_no_error (error);
  return list;
}

/* Everything stored about actions and timelines, to compare before and
 * after a refused change. */
static char *
snapshot (SonaeStore *store)
{
  sqlite3 *db = sonae_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);
  const char *queries[] = {
    "SELECT * FROM actions ORDER BY id",
    "SELECT * FROM timeline ORDER BY id",
    "SELECT id, status, closed_at, head_seq, head_hash FROM incidents ORDER BY id",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, i);
              g_string_append_printf (out, "%s|", v != NULL ? v : "<null>");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (out, FALSE);
}

static guint
count_actions (SonaeStore *store)
{
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (sonae_store_get_db (store), "SELECT count(*) FROM actions", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
assert_chain_ok (SonaeStore *store,
                 gint64      id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_incidents_verify_timeline (store, id, NULL, &error));
  g_assert_no_error (error);
}

/* The last entry is an ACTION whose text contains every one of @parts. */
static void
assert_last_action_entry (SonaeStore  *store,
                          gint64       id,
                          guint        expected_len,
                          const char  *author,
                          const char **parts)
{
  g_autoptr(GPtrArray) list = timeline (store, id);
  SonaeTimelineEntry *e;

  g_assert_cmpuint (list->len, ==, expected_len);
  e = g_ptr_array_index (list, list->len - 1);
  g_assert_cmpint (e->kind, ==, SONAE_ENTRY_ACTION);
  g_assert_cmpstr (e->author, ==, author);
  g_assert_false (e->back_entered);
  g_assert_cmpstr (e->at, ==, NOW);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (e->text, parts[i]) == NULL)
      g_error ("“%s” not in the entry “%s”", parts[i], e->text);
  /* The entry describes itself with its text. */
  {
    g_autofree char *line = sonae_timeline_entry_describe (e, NULL);
    g_assert_nonnull (strstr (line, parts[0]));
  }
  assert_chain_ok (store, id);
}

static void
changed_cb (SonaeStore *store,
            const char *detail,
            gpointer    data)
{
  if (g_strcmp0 (detail, "incidents") == 0)
    (*(guint *) data)++;
}

static void
test_kinds_and_statuses (void)
{
  for (guint i = 0; i < SONAE_N_CAPA_KINDS; i++)
    {
      SonaeCapaKind kind;
      g_assert_true (sonae_capa_kind_from_string (sonae_capa_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (sonae_capa_kind_get_title (i), !=, "");
    }
  for (guint i = 0; i < SONAE_N_CAPA_STATUSES; i++)
    {
      SonaeCapaStatus status;
      g_assert_true (sonae_capa_status_from_string (sonae_capa_status_to_string (i), &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (sonae_capa_status_get_title (i), !=, "");
    }
  g_assert_cmpstr (sonae_capa_kind_to_string (SONAE_CAPA_CORRECTIVE), ==, "corrective");
  g_assert_cmpstr (sonae_capa_status_to_string (SONAE_CAPA_DROPPED), ==, "dropped");
  g_assert_false (sonae_capa_kind_from_string ("fix", NULL));
  g_assert_false (sonae_capa_kind_from_string (NULL, NULL));
  g_assert_false (sonae_capa_status_from_string ("closed", NULL));
}

static void
test_add_update_list (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 tanaka = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "田中 健一", "たなか けんいち", "090-0000-1105");
  gint64 sato = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "佐藤 由美", "さとう ゆみ", "090-0000-1103");
  gint64 id = new_incident (store, "受付PCのランサムウェア");
  guint len = 1, changes = 0;
  gint64 a, b, c, d, e;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  a = add_action (store, id, SONAE_CAPA_PREVENTIVE, "全職員に不審メールの研修を行う", sato, NULL);
  g_assert_cmpuint (changes, ==, 1);
  assert_last_action_entry (store, id, ++len, AUTHOR,
                            (const char *[]) { "Preventive action added: 全職員に不審メールの研修を行う (owner 佐藤 由美)", NULL });
  b = add_action (store, id, SONAE_CAPA_CORRECTIVE, "受付PCのマクロ実行を既定で禁止する", tanaka, "2026-12-01");
  assert_last_action_entry (store, id, ++len, AUTHOR,
                            (const char *[]) { "Corrective action added: 受付PCのマクロ実行を既定で禁止する (owner 田中 健一, due 2026-12-01)", NULL });
  c = add_action (store, id, SONAE_CAPA_CORRECTIVE, "バックアップを毎日オフラインにする", 0, "2026-11-25");
  assert_last_action_entry (store, id, ++len, AUTHOR,
                            (const char *[]) { "Corrective action added: バックアップを毎日オフラインにする (due 2026-11-25)", NULL });
  d = add_action (store, id, SONAE_CAPA_HANDLING, "受付PCを初期化して復旧した", 0, NULL);
  assert_last_action_entry (store, id, ++len, AUTHOR,
                            (const char *[]) { "Handling of the result added: 受付PCを初期化して復旧した", NULL });
  e = add_action (store, id, SONAE_CAPA_CORRECTIVE, "事務用PCのOSを更新する", 0, NULL);
  len++;
  g_assert_cmpuint (changes, ==, 5);

  /* By kind, then due date with none last, then id. */
  list = sonae_capa_list (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  {
    gint64 order[] = { d, c, b, e, a };
    for (guint i = 0; i < 5; i++)
      g_assert_cmpint (((SonaeCapa *) g_ptr_array_index (list, i))->id, ==, order[i]);
  }
  {
    SonaeCapa *first_corrective = g_ptr_array_index (list, 1);
    SonaeCapa *second = g_ptr_array_index (list, 2);
    g_assert_cmpstr (first_corrective->due_on, ==, "2026-11-25");
    g_assert_null (first_corrective->owner_name);
    g_assert_cmpint (first_corrective->owner_id, ==, 0);
    g_assert_cmpstr (second->owner_name, ==, "田中 健一");
    g_assert_cmpint (second->owner_id, ==, tanaka);
    g_assert_cmpint (second->status, ==, SONAE_CAPA_OPEN);
    g_assert_cmpint (second->incident_id, ==, id);
    g_assert_cmpstr (second->created_at, ==, NOW);
    g_assert_cmpstr (second->updated_at, ==, NOW);
  }
  g_assert_cmpuint (sonae_capa_count_open (store, id), ==, 5);

  /* Update: kind, text, owner, due date. */
  {
    g_autoptr(SonaeCapa) action = get_action (store, e);

    g_free (action->text);
    action->text = g_strdup ("事務用PCのOSとOfficeを更新する");
    action->kind = SONAE_CAPA_PREVENTIVE;
    action->owner_id = tanaka;
    g_free (action->due_on);
    action->due_on = g_strdup (" 2026-11-30 ");
    g_assert_true (sonae_capa_save (store, action, "田中 健一", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (action->due_on, ==, "2026-11-30");
    g_assert_cmpstr (action->owner_name, ==, "田中 健一");
    assert_last_action_entry (store, id, ++len, "田中 健一",
                              (const char *[]) { "Preventive action changed: 事務用PCのOSとOfficeを更新する (owner 田中 健一, due 2026-11-30)", NULL });
  }
  {
    g_autoptr(SonaeCapa) action = get_action (store, e);

    g_assert_cmpint (action->kind, ==, SONAE_CAPA_PREVENTIVE);
    g_assert_cmpstr (action->text, ==, "事務用PCのOSとOfficeを更新する");
    g_assert_cmpstr (action->due_on, ==, "2026-11-30");
    g_assert_cmpint (action->owner_id, ==, tanaka);

    /* Saving it unchanged records nothing. */
    g_assert_true (sonae_capa_save (store, action, AUTHOR, &error));
    g_assert_no_error (error);
    {
      g_autoptr(GPtrArray) t = timeline (store, id);
      g_assert_cmpuint (t->len, ==, len);
    }

    /* Clearing the owner and the due date. */
    action->owner_id = 0;
    g_free (action->due_on);
    action->due_on = g_strdup ("");
    g_assert_true (sonae_capa_save (store, action, AUTHOR, &error));
    g_assert_no_error (error);
    len++;
  }
  {
    g_autoptr(SonaeCapa) action = get_action (store, e);
    g_assert_null (action->due_on);
    g_assert_cmpint (action->owner_id, ==, 0);
    g_assert_null (action->owner_name);
  }

  /* The preventive ones: due first, then none by id. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sonae_capa_list (store, id, &error);
  g_assert_cmpint (((SonaeCapa *) g_ptr_array_index (list, 3))->id, ==, a);
  g_assert_cmpint (((SonaeCapa *) g_ptr_array_index (list, 4))->id, ==, e);

  /* An unknown action or incident. */
  g_assert_null (sonae_capa_get (store, 9999, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sonae_capa_list (store, 9999, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_chain_ok (store, id);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_complete_drop_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 tanaka = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "田中 健一", "たなか けんいち", "090-0000-1105");
  gint64 id = new_incident (store, "受付PCのランサムウェア");
  gint64 a = add_action (store, id, SONAE_CAPA_CORRECTIVE, "受付PCのマクロ実行を既定で禁止する", tanaka, "2026-12-01");
  gint64 b = add_action (store, id, SONAE_CAPA_PREVENTIVE, "USBメモリの持ち込みを禁止する", 0, NULL);
  guint len = 3;

  /* Done, confirmed, then approved later after reopening. */
  g_assert_true (sonae_capa_complete (store, a, "2026-11-20", "田中 健一", NULL, AUTHOR, &error));
  g_assert_no_error (error);
  assert_last_action_entry (store, id, ++len, AUTHOR,
                            (const char *[]) { "Corrective action “受付PCのマクロ実行を既定で禁止する” done, confirmed on 2026-11-20 by 田中 健一", NULL });
  {
    g_autoptr(SonaeCapa) action = get_action (store, a);
    g_assert_cmpint (action->status, ==, SONAE_CAPA_DONE);
    g_assert_cmpstr (action->confirmed_on, ==, "2026-11-20");
    g_assert_cmpstr (action->confirmed_by, ==, "田中 健一");
    g_assert_null (action->approved_by);
    g_assert_null (action->reason);
  }
  g_assert_cmpuint (sonae_capa_count_open (store, id), ==, 1);

  /* Done twice, or dropped when done: refused. */
  g_assert_false (sonae_capa_complete (store, a, TODAY, "田中 健一", "高橋 誠", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_capa_drop (store, a, "不要になった", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sonae_capa_reopen (store, a, "高橋 誠", &error));
  g_assert_no_error (error);
  assert_last_action_entry (store, id, ++len, "高橋 誠",
                            (const char *[]) { "Corrective action “受付PCのマクロ実行を既定で禁止する” reopened", NULL });
  {
    g_autoptr(SonaeCapa) action = get_action (store, a);
    g_assert_cmpint (action->status, ==, SONAE_CAPA_OPEN);
    g_assert_null (action->confirmed_on);
    g_assert_null (action->confirmed_by);
  }
  /* Reopening an open action records nothing. */
  g_assert_true (sonae_capa_reopen (store, a, AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) t = timeline (store, id);
    g_assert_cmpuint (t->len, ==, len);
  }

  /* No date: today. With 承認. */
  g_assert_true (sonae_capa_complete (store, a, NULL, "田中 健一", "高橋 誠", AUTHOR, &error));
  g_assert_no_error (error);
  assert_last_action_entry (store, id, ++len, AUTHOR,
                            (const char *[]) { "done, confirmed on " TODAY " by 田中 健一, approved by 高橋 誠", NULL });
  {
    g_autoptr(SonaeCapa) action = get_action (store, a);
    g_assert_cmpstr (action->confirmed_on, ==, TODAY);
    g_assert_cmpstr (action->approved_by, ==, "高橋 誠");
  }

  /* 担当 is required; a reason is required. */
  g_assert_false (sonae_capa_complete (store, b, TODAY, "  ", NULL, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_capa_complete (store, b, TODAY, NULL, NULL, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_capa_drop (store, b, "", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_capa_drop (store, b, NULL, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  /* And an author. */
  g_assert_false (sonae_capa_drop (store, b, "理由", "", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sonae_capa_drop (store, b, "院内規程で既に禁止されていた", AUTHOR, &error));
  g_assert_no_error (error);
  assert_last_action_entry (store, id, ++len, AUTHOR,
                            (const char *[]) { "Preventive action “USBメモリの持ち込みを禁止する” closed without doing it: 院内規程で既に禁止されていた", NULL });
  {
    g_autoptr(SonaeCapa) action = get_action (store, b);
    g_assert_cmpint (action->status, ==, SONAE_CAPA_DROPPED);
    g_assert_cmpstr (action->reason, ==, "院内規程で既に禁止されていた");
  }
  g_assert_false (sonae_capa_complete (store, b, TODAY, "田中 健一", NULL, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_capa_drop (store, b, "again", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sonae_capa_reopen (store, b, AUTHOR, &error));
  g_assert_no_error (error);
  len++;
  {
    g_autoptr(SonaeCapa) action = get_action (store, b);
    g_assert_cmpint (action->status, ==, SONAE_CAPA_OPEN);
    g_assert_null (action->reason);
  }
  g_assert_cmpuint (sonae_capa_count_open (store, id), ==, 1);

  /* Unknown actions. */
  g_assert_false (sonae_capa_complete (store, 9999, TODAY, "田中 健一", NULL, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sonae_capa_drop (store, 9999, "理由", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sonae_capa_reopen (store, 9999, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(GPtrArray) t = timeline (store, id);
    g_assert_cmpuint (t->len, ==, len);
  }
  assert_chain_ok (store, id);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_bad_input_changes_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 tanaka = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "田中 健一", "たなか けんいち", "090-0000-1105");
  gint64 id = new_incident (store, "受付PCのランサムウェア");
  gint64 a = add_action (store, id, SONAE_CAPA_CORRECTIVE, "受付PCのマクロ実行を既定で禁止する", tanaka, "2026-12-01");
  g_autofree char *huge = g_strnfill (SONAE_INCIDENT_MAX_TEXT + 1, 'x');
  g_autofree char *before = snapshot (store);
  guint changes = 0;
  struct {
    const char *text;
    gint64 owner_id;
    const char *due_on;
    SonaeCapaKind kind;
    gint64 incident_id;
    gint code;
  } bad[] = {
    { "", 0, NULL, SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_INVALID },
    { " \n\t　", 0, NULL, SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_INVALID },
    { NULL, 0, NULL, SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_INVALID },
    { huge, 0, NULL, SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_TOO_LARGE },
    { "\xff\xfe", 0, NULL, SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_INVALID },
    { "ok", 0, "2026-02-30", SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_INVALID },
    { "ok", 0, "来週", SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_INVALID },
    { "ok", 0, "2026/12/01", SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_INVALID },
    { "ok", 4242, NULL, SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_NOT_FOUND },
    { "ok", -1, NULL, SONAE_CAPA_CORRECTIVE, 0, SONAE_ERROR_NOT_FOUND },
    { "ok", 0, NULL, SONAE_N_CAPA_KINDS, 0, SONAE_ERROR_INVALID },
    { "ok", 0, NULL, SONAE_CAPA_CORRECTIVE, 9999, SONAE_ERROR_NOT_FOUND },
  };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      /* As a new action, and as an update of the existing one. */
      for (guint update = 0; update < 2; update++)
        {
          g_autoptr(SonaeCapa) action = sonae_capa_new ();
          g_autofree char *after = NULL;

          if (update && bad[i].incident_id != 0)
            continue;
          action->id = update ? a : 0;
          action->incident_id = bad[i].incident_id != 0 ? bad[i].incident_id : id;
          action->kind = bad[i].kind;
          action->text = g_strdup (bad[i].text);
          action->owner_id = bad[i].owner_id;
          action->due_on = g_strdup (bad[i].due_on);
          g_assert_false (sonae_capa_save (store, action, AUTHOR, &error));
          g_assert_error (error, SONAE_ERROR, bad[i].code);
          /* A sentence, not SQL. */
          g_assert_null (strstr (error->message, "SQL"));
          g_clear_error (&error);
          after = snapshot (store);
          g_assert_cmpstr (after, ==, before);
        }
    }

  /* An update of an unknown action, or moved to another incident. */
  {
    g_autoptr(SonaeCapa) action = get_action (store, a);
    gint64 other = new_incident (store, "別の件");

    g_free (before);
    before = snapshot (store);
    changes = 0;
    action->id = 9999;
    g_assert_false (sonae_capa_save (store, action, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    action->id = a;
    action->incident_id = other;
    g_assert_false (sonae_capa_save (store, action, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    /* No author. */
    action->incident_id = id;
    g_free (action->text);
    action->text = g_strdup ("changed");
    g_assert_false (sonae_capa_save (store, action, "", &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sonae_capa_save (store, action, NULL, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Confirmation dates: a real date, not in the future. */
  {
    const char *dates[] = { "2026-11-22", "2027-01-01", "2026-02-30", "yesterday", "2026-11-21T09:00" };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_autofree char *after = NULL;

        g_assert_false (sonae_capa_complete (store, a, dates[i], "田中 健一", "高橋 誠", AUTHOR, &error));
        g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
        g_clear_error (&error);
        after = snapshot (store);
        g_assert_cmpstr (after, ==, before);
      }
    /* Huge names and reasons. */
    g_assert_false (sonae_capa_complete (store, a, TODAY, huge, NULL, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE);
    g_clear_error (&error);
    g_assert_false (sonae_capa_complete (store, a, TODAY, "田中 健一", huge, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE);
    g_clear_error (&error);
    g_assert_false (sonae_capa_drop (store, a, huge, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE);
    g_clear_error (&error);
    {
      g_autofree char *after = snapshot (store);
      g_assert_cmpstr (after, ==, before);
    }
  }
  g_assert_cmpuint (changes, ==, 0);

  /* A past due date is accepted: actions are often recorded late. */
  add_action (store, id, SONAE_CAPA_CORRECTIVE, "遅れて記録した対策", 0, "2020-01-31");

  /* Text that looks like SQL is kept as typed, and harms nothing. */
  {
    const char *sql = "'); DROP TABLE actions; -- \" OR 1=1 %s %n";
    gint64 x = add_action (store, id, SONAE_CAPA_PREVENTIVE, sql, 0, NULL);
    g_autoptr(SonaeCapa) action = get_action (store, x);

    g_assert_cmpstr (action->text, ==, sql);
    g_assert_true (sonae_capa_drop (store, x, "'; DELETE FROM timeline; --", AUTHOR, &error));
    g_assert_no_error (error);
    g_clear_pointer (&action, sonae_capa_free);
    action = get_action (store, x);
    g_assert_cmpstr (action->reason, ==, "'; DELETE FROM timeline; --");
    g_assert_cmpuint (count_actions (store), ==, 3);
  }

  /* A text of exactly the largest size is accepted, and the timeline entry
   * quotes it shortened. */
  {
    g_autofree char *largest = g_strnfill (SONAE_INCIDENT_MAX_TEXT, 'y');
    gint64 x = add_action (store, id, SONAE_CAPA_PREVENTIVE, largest, 0, NULL);
    g_autoptr(SonaeCapa) action = get_action (store, x);
    g_autoptr(GPtrArray) t = timeline (store, id);
    SonaeTimelineEntry *e = g_ptr_array_index (t, t->len - 1);

    g_assert_cmpuint (strlen (action->text), ==, SONAE_INCIDENT_MAX_TEXT);
    g_assert_cmpuint (strlen (e->text), <, SONAE_INCIDENT_MAX_TEXT);
    g_assert_true (g_str_has_suffix (e->text, "…"));
    g_assert_true (sonae_capa_complete (store, x, TODAY, largest, largest, largest, &error));
    g_assert_no_error (error);
  }
  assert_chain_ok (store, id);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* What is still open in an incident about to be closed: its checklist,
 * the PPC questions, a PPC report to send, its actions. */
static void
test_closing_check (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "受付PCのランサムウェア");
  g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, id, &error);
  SonaeManual *manual = sonae_manual_get_bundled (&error);
  g_autoptr(SonaeChecklist) checklist = sonae_incident_get_checklist (incident, store, manual, &error);
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  SonaeClosingCheck check;
  GPtrArray *phases;

  g_assert_no_error (error);
  g_assert_true (sonae_closing_check (store, incident, checklist, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.steps_done, ==, 0);
  g_assert_cmpuint (check.steps_total, >, 0);
  g_assert_true (check.ppc_undecided);
  g_assert_false (check.ppc_report_due);
  g_assert_cmpuint (check.open_actions, ==, 0);
  g_assert_false (sonae_closing_check_is_clear (&check));

  /* Every step done, no personal data, one action open. */
  phases = sonae_checklist_get_phases (checklist);
  for (guint i = 0; i < phases->len; i++)
    {
      SonaeChecklistPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        g_assert_true (sonae_incidents_check_step (store, id, ((SonaeChecklistStep *) g_ptr_array_index (phase->steps, j))->id,
                                                   TRUE, AUTHOR, NULL, &error));
    }
  assessment = sonae_ppc_get (store, id, &error);
  assessment->personal_data = SONAE_ANSWER_NO;
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  add_action (store, id, SONAE_CAPA_CORRECTIVE, "マクロを禁止する", 0, NULL);
  g_clear_pointer (&incident, sonae_incident_free);
  incident = sonae_incidents_get (store, id, &error);
  g_assert_true (sonae_closing_check (store, incident, checklist, &check, &error));
  g_assert_cmpuint (check.steps_done, ==, check.steps_total);
  g_assert_false (check.ppc_undecided);
  g_assert_false (check.ppc_report_due);
  g_assert_cmpuint (check.open_actions, ==, 1);
  g_assert_false (sonae_closing_check_is_clear (&check));

  /* Patient data that may leak: a report is due until its final is sent. */
  assessment->personal_data = SONAE_ANSWER_YES;
  assessment->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_closing_check (store, incident, checklist, &check, &error));
  g_assert_true (check.ppc_report_due);
  g_assert_false (check.ppc_undecided);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_close_incident_rule (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "受付PCのランサムウェア");
  gint64 a = add_action (store, id, SONAE_CAPA_CORRECTIVE, "マクロを禁止する", 0, "2026-12-01");
  gint64 b = add_action (store, id, SONAE_CAPA_PREVENTIVE, "研修を行う", 0, NULL);
  g_autofree char *before = snapshot (store);

  /* Two open: refused, with a sentence, and nothing changes. */
  g_assert_false (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "2 actions of this incident are still open: finish them, or close them with a reason, first.");
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (store);
    g_assert_cmpstr (after, ==, before);
  }
  /* Other statuses are not affected. */
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_RECOVERING, AUTHOR, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (sonae_capa_complete (store, a, TODAY, "田中 健一", NULL, AUTHOR, &error));
  g_assert_no_error (error);
  g_free (before);
  before = snapshot (store);
  g_assert_false (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "1 action of this incident is still open: finish it, or close it with a reason, first.");
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (store);
    g_assert_cmpstr (after, ==, before);
  }

  /* Closed with a reason: the incident may be closed. */
  g_assert_true (sonae_capa_drop (store, b, "来年度の計画に含める", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, id, &error);
    g_assert_cmpint (incident->status, ==, SONAE_STATUS_CLOSED);
    g_assert_nonnull (incident->closed_at);
  }

  /* Reopen the incident, add an action, and closing is refused again. */
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_ACTIVE, AUTHOR, NULL, &error));
  g_assert_true (sonae_capa_reopen (store, a, AUTHOR, &error));
  g_assert_false (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sonae_capa_complete (store, a, TODAY, "田中 健一", "高橋 誠", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  assert_chain_ok (store, id);

  /* A follow-up found after closing: the incident goes back to recovery
   * by itself, and the same for an action reopened after closing. */
  {
    g_autoptr(SonaeIncident) incident = NULL;
    gint64 c = add_action (store, id, SONAE_CAPA_PREVENTIVE, "手順書を見直す", 0, NULL);

    incident = sonae_incidents_get (store, id, &error);
    g_assert_cmpint (incident->status, ==, SONAE_STATUS_RECOVERING);
    g_assert_null (incident->closed_at);
    g_clear_pointer (&incident, sonae_incident_free);
    g_assert_true (sonae_capa_drop (store, c, "不要になった", AUTHOR, &error));
    g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
    g_assert_true (sonae_capa_reopen (store, a, AUTHOR, &error));
    g_assert_no_error (error);
    incident = sonae_incidents_get (store, id, &error);
    g_assert_cmpint (incident->status, ==, SONAE_STATUS_RECOVERING);
    assert_chain_ok (store, id);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_open_actions_across_incidents (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  gint64 one = new_incident (store, "一件目");
  gint64 two = new_incident (store, "二件目");
  gint64 a = add_action (store, one, SONAE_CAPA_CORRECTIVE, "A", 0, "2026-12-10");
  gint64 b = add_action (store, two, SONAE_CAPA_PREVENTIVE, "B", 0, NULL);
  gint64 c = add_action (store, two, SONAE_CAPA_CORRECTIVE, "C", 0, "2026-11-01");
  gint64 d = add_action (store, one, SONAE_CAPA_HANDLING, "D", 0, "2026-11-30");
  gint64 e = add_action (store, one, SONAE_CAPA_PREVENTIVE, "E", 0, "2026-11-15");

  g_assert_true (sonae_capa_complete (store, e, TODAY, "田中 健一", NULL, AUTHOR, &error));
  g_assert_no_error (error);

  open = sonae_capa_list_open (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 4);
  {
    gint64 order[] = { c, d, a, b };
    gint64 incidents[] = { two, one, one, two };
    for (guint i = 0; i < 4; i++)
      {
        SonaeCapa *action = g_ptr_array_index (open, i);
        g_assert_cmpint (action->id, ==, order[i]);
        g_assert_cmpint (action->incident_id, ==, incidents[i]);
        g_assert_cmpint (action->status, ==, SONAE_CAPA_OPEN);
      }
  }
  g_assert_cmpuint (sonae_capa_count_open (store, one), ==, 2);
  g_assert_cmpuint (sonae_capa_count_open (store, two), ==, 2);
  g_assert_cmpuint (sonae_capa_count_open (store, 9999), ==, 0);

  g_assert_true (sonae_capa_drop (store, c, "不要", AUTHOR, &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = sonae_capa_list_open (store, &error);
  g_assert_cmpuint (open->len, ==, 3);
  g_assert_cmpint (((SonaeCapa *) g_ptr_array_index (open, 0))->id, ==, d);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_owner_deleted (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 tanaka = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "田中 健一", "たなか けんいち", "090-0000-1105");
  gint64 id = new_incident (store, "受付PCのランサムウェア");
  gint64 a = add_action (store, id, SONAE_CAPA_CORRECTIVE, "マクロを禁止する", tanaka, "2026-12-01");

  g_assert_true (sonae_contacts_delete (store, tanaka, &error));
  g_assert_no_error (error);

  {
    g_autoptr(SonaeCapa) action = get_action (store, a);
    g_autoptr(GPtrArray) list = sonae_capa_list (store, id, &error);
    g_autoptr(GPtrArray) open = sonae_capa_list_open (store, &error);

    g_assert_cmpint (action->owner_id, ==, tanaka);
    g_assert_null (action->owner_name);
    g_assert_cmpstr (action->text, ==, "マクロを禁止する");
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_null (((SonaeCapa *) g_ptr_array_index (list, 0))->owner_name);
    g_assert_cmpuint (open->len, ==, 1);

    /* The action can still be edited for something else … */
    g_free (action->due_on);
    action->due_on = g_strdup ("2026-12-15");
    g_assert_true (sonae_capa_save (store, action, AUTHOR, &error));
    g_assert_no_error (error);
  }
  /* … but a deleted contact cannot be made the owner of another. */
  {
    g_autoptr(SonaeCapa) action = sonae_capa_new ();

    action->incident_id = id;
    action->text = g_strdup ("別の対策");
    action->owner_id = tanaka;
    g_assert_false (sonae_capa_save (store, action, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Undeleted, the name is back. */
  g_assert_true (sonae_contacts_undelete (store, tanaka, &error));
  {
    g_autoptr(SonaeCapa) action = get_action (store, a);
    g_assert_cmpstr (action->owner_name, ==, "田中 健一");
  }
  assert_chain_ok (store, id);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("SONAE_NOW", NOW, TRUE);
  g_setenv ("SONAE_TESTING", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/actions/kinds-and-statuses", test_kinds_and_statuses);
  g_test_add_func ("/actions/add-update-list", test_add_update_list);
  g_test_add_func ("/actions/complete-drop-reopen", test_complete_drop_reopen);
  g_test_add_func ("/actions/bad-input-changes-nothing", test_bad_input_changes_nothing);
  g_test_add_func ("/actions/close-incident-rule", test_close_incident_rule);
  g_test_add_func ("/actions/closing-check", test_closing_check);
  g_test_add_func ("/actions/open-actions-across-incidents", test_open_actions_across_incidents);
  g_test_add_func ("/actions/owner-deleted", test_owner_deleted);

  return g_test_run ();
}
