/* test-timeline.c: the timeline is append-only and hash-chained; a change
 * made to the file behind Sonae's back is found, with the entry it hit. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-store.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

#define NOW "2026-11-21T10:00:00"
#define AUTHOR "田中 健一"

/* An incident with a timeline of every kind: returns its id; the number of
 * entries in @out_len. */
static gint64
make_incident (SonaeStore *store,
               const char *title,
               guint      *out_len)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contact = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "佐藤 由美", "さとう ゆみ", "090-0000-1103");
  gint64 id;

  g_assert_nonnull (checklist);
  incident->title = g_strdup (title);
  incident->answers.seen = SONAE_SEEN_RANSOM;
  incident->answers.personal_data = SONAE_ANSWER_YES;
  incident->answers.impact = SONAE_IMPACT_BUSINESS;
  proposal = sonae_triage_propose (&incident->answers, SONAE_ORG_CLINIC);
  incident->type = proposal->type;
  incident->level = proposal->level;
  incident->event = SONAE_EVENT_UNAVAILABLE == proposal->event ? SONAE_EVENT_MALWARE : SONAE_EVENT_UNAVAILABLE;
  g_assert_true (sonae_incidents_create (store, incident, proposal, AUTHOR, &error));
  g_assert_no_error (error);
  id = incident->id;

  g_assert_true (sonae_incidents_set_step_field (store, id, sonae_checklist_get_step (checklist, "1-1"),
                                                 sonae_checklist_get_field (checklist, "1-1", "event-case"),
                                                 "ransomware", AUTHOR, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, AUTHOR, "2026-11-21 09:10", &error));
  g_assert_true (sonae_incidents_log_call (store, id, contact, "lead", SONAE_CALL_NO_ANSWER, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_log_call (store, id, contact, "lead", SONAE_CALL_REACHED, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_add_note (store, id, "LANケーブルを抜いた", AUTHOR, "2026-11-21 09:12", &error));
  g_assert_true (sonae_incidents_add_note (store, id, "画面を撮影した", AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_level (store, id, 2, AUTHOR, "影響は限定的", &error));
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CONTAINED, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_LOCATION, "受付", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_step_field (store, id, sonae_checklist_get_step (checklist, "1-1"),
                                                 sonae_checklist_get_field (checklist, "1-1", "event-description"),
                                                 "英語の脅迫文", AUTHOR, &error));
  g_assert_no_error (error);
  list = sonae_incidents_list_timeline (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_correct_entry (store, id, ((SonaeTimelineEntry *) g_ptr_array_index (list, 5))->id,
                                                "撮影したのは2枚", AUTHOR, &error));
  g_assert_true (sonae_incidents_add_note (store, id, "最後のメモ", AUTHOR, NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = sonae_incidents_list_timeline (store, id, &error);
  g_assert_cmpuint (list->len, >=, 12);
  if (out_len)
    *out_len = list->len;
  return id;
}

static void
assert_chain_ok (SonaeStore *store,
                 gint64      id)
{
  g_autoptr(GError) error = NULL;
  guint bad = 99;

  g_assert_true (sonae_incidents_verify_timeline (store, id, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bad, ==, 0);
}

static void
assert_chain_broken (SonaeStore *store,
                     gint64      id,
                     guint       expected_seq,
                     const char *expected_words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%u", expected_seq);
  guint bad = 0;

  g_assert_false (sonae_incidents_verify_timeline (store, id, &bad, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT);
  g_test_message ("detected: %s", error->message);
  g_assert_cmpuint (bad, ==, expected_seq);
  g_assert_nonnull (strstr (error->message, expected_words));
  /* Also without asking for the number. */
  g_clear_error (&error);
  g_assert_false (sonae_incidents_verify_timeline (store, id, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT);
}

/* Run @sql on the database file with plain sqlite3, as someone editing it
 * behind Sonae's back would; the store is closed meanwhile. */
static void
tamper (SonaeStore **store,
        const char  *dir,
        const char  *sql)
{
  g_autofree char *path = g_build_filename (dir, SONAE_DB_NAME, NULL);
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;

  g_clear_object (store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("tampering failed: %s", message);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);

  *store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
}

static void
test_chain_valid (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) hashes = g_hash_table_new (g_str_hash, g_str_equal);
  guint len;
  gint64 a = make_incident (store, "一件目", &len);
  gint64 b = make_incident (store, "二件目", NULL);

  assert_chain_ok (store, a);
  assert_chain_ok (store, b);

  list = sonae_incidents_list_timeline (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, len);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (list, i);

      g_assert_cmpuint (e->seq, ==, i + 1);
      g_assert_cmpint (e->incident_id, ==, a);
      g_assert_cmpuint (strlen (e->hash), ==, 64);
      if (i == 0)
        g_assert_cmpstr (e->prev_hash, ==, "");
      else
        g_assert_cmpstr (e->prev_hash, ==, ((SonaeTimelineEntry *) g_ptr_array_index (list, i - 1))->hash);
      /* No two entries hash alike. */
      g_assert_false (g_hash_table_contains (hashes, e->hash));
      g_hash_table_add (hashes, e->hash);
      g_assert_cmpstr (e->recorded_at, !=, NULL);
      g_assert_cmpstr (e->author, ==, AUTHOR);
    }

  /* A new entry continues the chain, across a restart too. */
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_add_note (store, a, "再起動後", AUTHOR, NULL, &error));
  g_assert_no_error (error);
  assert_chain_ok (store, a);

  /* An incident with nothing but its OPENED entry is sound as well. */
  {
    g_autoptr(SonaeIncident) small = sonae_incident_new ();
    small->title = g_strdup ("小さい");
    g_assert_true (sonae_incidents_create (store, small, NULL, AUTHOR, &error));
    assert_chain_ok (store, small->id);
  }

  /* Unknown incident. */
  g_assert_false (sonae_incidents_verify_timeline (store, 777, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_tamper_edit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  gint64 a = make_incident (store, "改ざん", NULL);
  gint64 b = make_incident (store, "無関係", NULL);
  g_autofree char *sql = NULL;

  /* (a) one entry's text changed. */
  sql = g_strdup_printf ("UPDATE timeline SET text = 'ケーブルは抜いていない' WHERE incident_id = %" G_GINT64_FORMAT " AND seq = 6", a);
  tamper (&store, dir, sql);
  assert_chain_broken (store, a, 6, "Entry 6");
  assert_chain_broken (store, a, 6, "changed");
  /* The other incident is not affected. */
  assert_chain_ok (store, b);

  /* Sonae still writes on, and the break stays visible. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (sonae_incidents_add_note (store, a, "その後", AUTHOR, NULL, &error));
    g_assert_no_error (error);
    assert_chain_broken (store, a, 6, "Entry 6");
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_tamper_other_columns (void)
{
  /* Any stored column counts, not only the text; a NULL made "" too. */
  const char *changes[] = {
    "UPDATE timeline SET at = '2026-11-21T08:00:00' WHERE seq = 3",
    "UPDATE timeline SET author = '院長' WHERE seq = 3",
    "UPDATE timeline SET back_entered = 0 WHERE seq = 3",
    "UPDATE timeline SET outcome = 'reached' WHERE seq = 4",
    "UPDATE timeline SET kind = 'uncheck' WHERE seq = 3",
    "UPDATE timeline SET field = '' WHERE seq = 3",
    "UPDATE timeline SET recorded_at = '2026-11-20T10:00:00' WHERE seq = 3",
    "UPDATE timeline SET contact_id = contact_id + 1 WHERE seq = 4",
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(SonaeStore) store = NULL;
      guint seq;
      gint64 id;

      store = sonae_test_open_store (&dir);
      id = make_incident (store, "列", NULL);
      tamper (&store, dir, changes[i]);
      seq = strstr (changes[i], "seq = 4") != NULL ? 4 : 3;
      assert_chain_broken (store, id, seq, "changed");
      g_clear_object (&store);
      sonae_test_remove_dir (dir);
    }

  /* The head the incident keeps. */
  {
    g_autofree char *dir = NULL;
    g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
    guint len;
    gint64 id = make_incident (store, "頭", &len);

    tamper (&store, dir, "UPDATE incidents SET head_hash = 'x'");
    assert_chain_broken (store, id, len, "changed");
    g_clear_object (&store);
    sonae_test_remove_dir (dir);
  }
}

static void
test_tamper_delete_middle (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  gint64 a = make_incident (store, "削除", NULL);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM timeline WHERE incident_id = %" G_GINT64_FORMAT " AND seq = 4", a);

  /* (b) a middle entry removed. */
  tamper (&store, dir, sql);
  assert_chain_broken (store, a, 4, "Entry 4");
  assert_chain_broken (store, a, 4, "missing");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_tamper_delete_last (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  guint len;
  gint64 a = make_incident (store, "末尾の削除", &len);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM timeline WHERE incident_id = %" G_GINT64_FORMAT " AND seq = %u", a, len);

  /* (c) the last entry removed: every remaining entry is sound, but the
   * incident remembers how far its timeline went. */
  tamper (&store, dir, sql);
  assert_chain_broken (store, a, len, "ends before its last recorded entry");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_tamper_insert (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  SonaeTimelineEntry *last;
  guint len;
  gint64 a = make_incident (store, "偽の記録", &len);

  list = sonae_incidents_list_timeline (store, a, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (list, list->len - 1);

  /* (d) a forged entry, made to look like the next one. */
  sql = g_strdup_printf ("INSERT INTO timeline (incident_id, seq, kind, at, recorded_at, back_entered, author, "
                         "text, prev_hash, hash) VALUES (%" G_GINT64_FORMAT ", %u, 'note', '2026-11-21T09:00:00', "
                         "'2026-11-21T09:00:00', 0, '院長', '全て指示通りに対応した', '%s', "
                         "'0000000000000000000000000000000000000000000000000000000000000000')",
                         a, len + 1, last->hash);
  tamper (&store, dir, sql);
  assert_chain_broken (store, a, len + 1, "Entry");
  {
    g_autofree char *number = g_strdup_printf ("Entry %u ", len + 1);
    assert_chain_broken (store, a, len + 1, number);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A middle entry removed and the later ones renumbered to close the gap:
 * the renumbered entries no longer match their hashes. */
static void
test_tamper_renumber (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  guint len;
  gint64 a = make_incident (store, "番号の詰め", &len);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM timeline WHERE incident_id = %" G_GINT64_FORMAT " AND seq = 5;"
                                          "UPDATE timeline SET seq = -seq WHERE incident_id = %" G_GINT64_FORMAT " AND seq > 5;"
                                          "UPDATE timeline SET seq = -seq - 1 WHERE incident_id = %" G_GINT64_FORMAT " AND seq < 0;"
                                          "UPDATE incidents SET head_seq = head_seq - 1 WHERE id = %" G_GINT64_FORMAT ";",
                                          a, a, a, a);

  tamper (&store, dir, sql);
  assert_chain_broken (store, a, 5, "Entry 5");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The store offers no way to change or remove an entry: a correction is a
 * new entry, and the old one stays byte for byte. */
static void
test_append_only (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  guint len;
  gint64 a = make_incident (store, "追記のみ", &len);

  before = sonae_incidents_list_timeline (store, a, &error);
  g_assert_true (sonae_incidents_correct_entry (store, a, ((SonaeTimelineEntry *) g_ptr_array_index (before, 2))->id,
                                                "訂正", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_level (store, a, 0, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_check_step (store, a, "1-1", FALSE, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  after = sonae_incidents_list_timeline (store, a, &error);
  g_assert_cmpuint (after->len, ==, before->len + 3);
  for (guint i = 0; i < before->len; i++)
    {
      SonaeTimelineEntry *x = g_ptr_array_index (before, i);
      SonaeTimelineEntry *y = g_ptr_array_index (after, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->hash, ==, y->hash);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->at, ==, y->at);
    }
  assert_chain_ok (store, a);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("SONAE_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/chain-valid", test_chain_valid);
  g_test_add_func ("/timeline/tamper-edit", test_tamper_edit);
  g_test_add_func ("/timeline/tamper-other-columns", test_tamper_other_columns);
  g_test_add_func ("/timeline/tamper-delete-middle", test_tamper_delete_middle);
  g_test_add_func ("/timeline/tamper-delete-last", test_tamper_delete_last);
  g_test_add_func ("/timeline/tamper-insert", test_tamper_insert);
  g_test_add_func ("/timeline/tamper-renumber", test_tamper_renumber);
  g_test_add_func ("/timeline/append-only", test_append_only);

  return g_test_run ();
}
