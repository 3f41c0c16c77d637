/* The MHLW cyber-security checklist's store: the items in the official
 * order, answers with their dates and refusals, every いいえ a measure of the
 * plan, what Sonae's own data answers (and a person overrules), the
 * vendors' lists and MDS/SDS, the fiscal year, and the yearly reminder. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-mhlw.h"
#include "sonae-reminders.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

typedef struct {
  char *dir;
  SonaeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_setenv ("SONAE_NOW", "2026-06-15T09:00:00", TRUE);
  f->store = sonae_test_open_store (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
  g_unsetenv ("SONAE_NOW");
}

static void
set_kind (SonaeStore   *store,
          SonaeOrgKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);

  profile->kind = kind;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
}

static SonaeMhlwAnswer *
get_answer (SonaeStore *store,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  SonaeMhlwAnswer *a = sonae_mhlw_get_answer (store, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static void
answer (SonaeStore    *store,
        const char    *key,
        SonaeBcpAnswer value,
        const char    *checked_on,
        const char    *target_on,
        gint64         owner_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_mhlw_set_answer (store, key, value, checked_on, target_on, owner_id, &error));
  g_assert_no_error (error);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "sonae.db", NULL);

  return sonae_test_db_int (path, sql);
}

/* --- the items ----------------------------------------------------------- */

/* Every 医療機関確認用 item of the 令和6年度版 in the form's order, then the
 * 令和7年度版's four additions, marked to be checked. */
static void
test_items (void)
{
  static const char *const expected[] = {
    "1(1)",
    "2(1)\u2460", "2(1)\u2461", "2(1)\u2462",
    "2(2)\u2460", "2(2)\u2461", "2(2)\u2462", "2(2)\u2463", "2(2)\u2464",
    "2(3)\u2460", "2(3)\u2461", "2(3)\u2462", "2(3)\u2463",
    "2(4)\u2460", "2(4)\u2461",
    "3(1)", "3(2)", "3(3)",
    "R7-1", "R7-2", "R7-3", "R7-4",
  };
  guint n = 0;
  const SonaeMhlwItemInfo *items = sonae_mhlw_items_get (&n);
  SonaeMhlwPart last = SONAE_MHLW_PART_ORGANISATION;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (items[i].number, ==, expected[i]);
      /* Parts only go forward: the form's order. */
      g_assert_cmpint (items[i].part, >=, last);
      last = items[i].part;
      g_assert_true (g_hash_table_add (keys, (gpointer) items[i].key));
      g_assert_true (sonae_mhlw_item_lookup (items[i].key) == &items[i]);
      g_assert_cmpstr (sonae_mhlw_item_get_text (items[i].key), !=, "");
      g_assert_cmpstr (sonae_mhlw_item_get_measure (items[i].key), !=, "");
      /* Only the 令和7年度版's additions wait for their final text. */
      g_assert_cmpint (items[i].verify, ==, items[i].part == SONAE_MHLW_PART_ADDED_2025);
      g_assert_nonnull (sonae_mhlw_part_get_section_title (items[i].part));
    }
  g_assert_null (sonae_mhlw_item_lookup ("9-9"));
  /* What the form asks, by its facts (CONTENT.md). */
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("1-1"), "医療情報システム安全管理責任者"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("2-1-3"), "MDS/SDS"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("2-2-3"), "access logs"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("2-4-2"), "VPN"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("3-1"), "police"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("3-3"), "cyber attack"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("r7-1"), "factory password"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("r7-2"), "USB"));
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("r7-3"), "令和9年度"));
  g_assert_cmpstr (sonae_mhlw_item_lookup ("r7-3")->target_limit, ==, "2028-03-31");
  g_assert_nonnull (strstr (sonae_mhlw_item_get_text ("r7-4"), "rules"));
  /* Section 2's parts carry their own titles, the others none. */
  g_assert_nonnull (sonae_mhlw_part_get_title (SONAE_MHLW_PART_SERVERS));
  g_assert_null (sonae_mhlw_part_get_title (SONAE_MHLW_PART_INCIDENT));
  g_assert_true (sonae_mhlw_part_starts_section (SONAE_MHLW_PART_SYSTEMS));
  g_assert_false (sonae_mhlw_part_starts_section (SONAE_MHLW_PART_PCS));
}

static void
test_fiscal_year (void)
{
  g_autofree char *start = sonae_mhlw_fiscal_year_start (2026);
  g_autofree char *title = sonae_mhlw_fiscal_year_get_title (2026);

  g_assert_cmpint (sonae_mhlw_fiscal_year ("2026-03-31"), ==, 2025);
  g_assert_cmpint (sonae_mhlw_fiscal_year ("2026-04-01"), ==, 2026);
  g_assert_cmpint (sonae_mhlw_fiscal_year ("2027-01-10"), ==, 2026);
  g_assert_cmpint (sonae_mhlw_fiscal_year (NULL), ==, 0);
  g_assert_cmpint (sonae_mhlw_fiscal_year ("someday"), ==, 0);
  g_assert_cmpstr (start, ==, "2026-04-01");
  g_assert_cmpstr (title, ==, "FY2026 (Reiwa 8)");
}

static void
test_who_keeps_it (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (sonae_mhlw_is_for (SONAE_ORG_CLINIC));
  g_assert_true (sonae_mhlw_is_for (SONAE_ORG_HOSPITAL));
  g_assert_false (sonae_mhlw_is_for (SONAE_ORG_PHARMACY));
  g_assert_false (sonae_mhlw_is_for (SONAE_ORG_BUSINESS));

  g_assert_true (sonae_mhlw_applies (f->store));
  g_assert_null (sonae_mhlw_get_unavailable_reason (f->store));
  set_kind (f->store, SONAE_ORG_PHARMACY);
  g_assert_false (sonae_mhlw_applies (f->store));
  /* A pharmacy is told plainly that its own list is not in Sonae yet. */
  g_assert_nonnull (strstr (sonae_mhlw_get_unavailable_reason (f->store), "薬局確認用"));
  g_assert_nonnull (strstr (sonae_mhlw_get_unavailable_reason (f->store), "does not carry"));
  set_kind (f->store, SONAE_ORG_BUSINESS);
  g_assert_false (sonae_mhlw_applies (f->store));
  g_assert_nonnull (strstr (sonae_mhlw_get_unavailable_reason (f->store), "clinics and hospitals"));
}

/* --- answers ------------------------------------------------------------- */

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 owner = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");
  g_autofree char *db = g_build_filename (f->dir, "sonae.db", NULL);
  GStatBuf st;

  all = sonae_mhlw_list_answers (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 22);
  /* In the form's order, none answered by a person yet. */
  for (guint i = 0; i < all->len; i++)
    {
      SonaeMhlwAnswer *a = g_ptr_array_index (all, i);

      g_assert_cmpstr (a->key, ==, sonae_mhlw_items_get (NULL)[i].key);
      g_assert_cmpint (a->stored, ==, SONAE_BCP_UNKNOWN);
      g_assert_null (a->updated_at);
    }

  /* はい, checked today unless a day is given. */
  answer (f->store, "2-2-1", SONAE_BCP_YES, NULL, "2026-09-30", owner);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "2-2-1");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_YES);
    g_assert_false (a->from_data);
    g_assert_cmpstr (a->checked_on, ==, "2026-06-15");
    /* A target and an owner belong to a いいえ only. */
    g_assert_null (a->target_on);
    g_assert_cmpint (a->owner_id, ==, 0);
  }
  answer (f->store, "2-2-3", SONAE_BCP_NO, "2026-06-01", "2026-09-30", owner);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "2-2-3");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_NO);
    g_assert_cmpstr (a->checked_on, ==, "2026-06-01");
    g_assert_cmpstr (a->target_on, ==, "2026-09-30");
    g_assert_cmpint (a->owner_id, ==, owner);
    g_assert_cmpstr (a->owner_name, ==, "田中 健一");
  }

  /* Refusals change nothing. */
  g_assert_false (sonae_mhlw_set_answer (f->store, "2-2-3", SONAE_BCP_YES, "2026-06-16", NULL, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_mhlw_set_answer (f->store, "2-2-3", SONAE_BCP_NO, NULL, "2026-02-30", 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_mhlw_set_answer (f->store, "no-such-item", SONAE_BCP_YES, NULL, NULL, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_mhlw_set_answer (f->store, "2-2-3", (SonaeBcpAnswer) 7, NULL, NULL, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "2-2-3");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_NO);
    g_assert_cmpstr (a->checked_on, ==, "2026-06-01");
    g_assert_cmpstr (a->target_on, ==, "2026-09-30");
  }

  /* The notes column, kept when the answer is taken back. */
  g_assert_true (sonae_mhlw_set_note (f->store, "2-2-3", "  ベンダーに確認中  ", &error));
  g_assert_no_error (error);
  answer (f->store, "2-2-3", SONAE_BCP_UNKNOWN, NULL, NULL, 0);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "2-2-3");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_null (a->checked_on);
    g_assert_null (a->target_on);
    g_assert_cmpstr (a->note, ==, "ベンダーに確認中");
  }
  /* Nothing left to keep: no row. */
  g_assert_true (sonae_mhlw_set_note (f->store, "2-2-3", "  ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM mhlw_answers WHERE key = '2-2-3'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM mhlw_answers"), ==, 1);

  /* It holds personal data's neighbours: the file stays private. */
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* And it survives reopening. */
  g_clear_object (&f->store);
  f->store = sonae_store_open (f->dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "2-2-1");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_YES);
    g_assert_cmpstr (a->checked_on, ==, "2026-06-15");
  }
}

/* Each change is one transaction, announced as a change of the plan. */
static void
count_changes_cb (SonaeStore *store,
                  const char *detail,
                  guint      *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  guint count = 0;
  gulong id = g_signal_connect (f->store, "changed::bcp", G_CALLBACK (count_changes_cb), &count);

  answer (f->store, "1-1", SONAE_BCP_YES, NULL, NULL, 0);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sonae_mhlw_set_note (f->store, "1-1", "院長", NULL));
  g_assert_cmpuint (count, ==, 2);
  g_assert_false (sonae_mhlw_set_answer (f->store, "1-1", SONAE_BCP_YES, "2099-01-01", NULL, 0, NULL));
  g_assert_cmpuint (count, ==, 2);
  g_signal_handler_disconnect (f->store, id);
}

/* --- measures ------------------------------------------------------------ */

static SonaeBcpMeasure *
find_measure (GPtrArray  *measures,
              const char *mhlw_key)
{
  for (guint i = 0; i < measures->len; i++)
    {
      SonaeBcpMeasure *m = g_ptr_array_index (measures, i);

      if (g_strcmp0 (m->mhlw_key, mhlw_key) == 0)
        return m;
    }
  return NULL;
}

static void
test_measures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 owner = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");

  answer (f->store, "r7-2", SONAE_BCP_NO, NULL, "2026-12-01", owner);
  answer (f->store, "2-4-2", SONAE_BCP_NO, NULL, "2026-08-01", 0);
  answer (f->store, "2-4-1", SONAE_BCP_YES, NULL, NULL, 0);
  g_assert_true (sonae_bcp_set_check (f->store, "offline-backup", SONAE_BCP_NO, "2026-07-01", 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) measures = sonae_bcp_list_measures (f->store, &error);
    SonaeBcpMeasure *usb, *network;

    g_assert_no_error (error);
    /* The self-check's いいえ and the checklist's, side by side. */
    g_assert_cmpuint (measures->len, ==, 3);
    usb = find_measure (measures, "r7-2");
    network = find_measure (measures, "2-4-2");
    g_assert_nonnull (usb);
    g_assert_nonnull (network);
    g_assert_null (find_measure (measures, "2-4-1"));
    g_assert_cmpstr (usb->text, ==, sonae_mhlw_item_get_measure ("r7-2"));
    g_assert_cmpstr (usb->due_on, ==, "2026-12-01");
    g_assert_cmpint (usb->owner_id, ==, owner);
    g_assert_cmpstr (usb->owner_name, ==, "田中 健一");
    g_assert_null (usb->check_key);
    g_assert_cmpint (usb->status, ==, SONAE_CAPA_OPEN);
    /* Open ones by due date. */
    g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (measures, 0))->check_key, ==, "offline-backup");
    g_assert_true (g_ptr_array_index (measures, 1) == network);
    g_assert_true (g_ptr_array_index (measures, 2) == usb);

    /* Changed by changing the answer, not as a measure. */
    g_assert_false (sonae_bcp_save_measure (f->store, usb, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) own = sonae_mhlw_list_measures (f->store, &error);

    g_assert_no_error (error);
    /* In the form's order. */
    g_assert_cmpuint (own->len, ==, 2);
    g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (own, 0))->mhlw_key, ==, "2-4-2");
    g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (own, 1))->mhlw_key, ==, "r7-2");
  }

  /* Put right: はい, and the measure is gone. */
  answer (f->store, "2-4-2", SONAE_BCP_YES, NULL, NULL, 0);
  {
    g_autoptr(GPtrArray) measures = sonae_bcp_list_measures (f->store, &error);

    g_assert_null (find_measure (measures, "2-4-2"));
    g_assert_nonnull (find_measure (measures, "r7-2"));
  }

  /* A business has no checklist, and no measure from one. */
  set_kind (f->store, SONAE_ORG_BUSINESS);
  {
    g_autoptr(GPtrArray) measures = sonae_bcp_list_measures (f->store, &error);

    g_assert_no_error (error);
    g_assert_null (find_measure (measures, "r7-2"));
    g_assert_cmpuint (measures->len, ==, 1);
  }
}

/* --- what Sonae's data answers ------------------------------------------- */

static void
test_from_role (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 manager = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "山本 恵子", "やまもと", "090-0000-1101");

  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "1-1");

    /* Nobody holds it: Sonae says so, and leaves the answer open. */
    g_assert_cmpint (a->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_false (a->from_data);
    g_assert_nonnull (strstr (a->basis, "Nobody holds"));
  }
  g_assert_true (sonae_contacts_add_role_holder (f->store, "medinfo", manager, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "1-1");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_YES);
    g_assert_cmpint (a->derived, ==, SONAE_BCP_YES);
    g_assert_true (a->from_data);
    g_assert_cmpstr (a->checked_on, ==, "2026-06-15");
    g_assert_cmpstr (a->basis, ==, "From the roles: 山本 恵子");
  }
  /* A person overrules it... */
  answer (f->store, "1-1", SONAE_BCP_NO, "2026-06-10", "2026-07-01", 0);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "1-1");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_NO);
    g_assert_cmpint (a->derived, ==, SONAE_BCP_YES);
    g_assert_false (a->from_data);
    g_assert_cmpstr (a->checked_on, ==, "2026-06-10");
  }
  /* ...and takes it back. */
  answer (f->store, "1-1", SONAE_BCP_UNKNOWN, NULL, NULL, 0);
  {
    g_autoptr(SonaeMhlwAnswer) a = get_answer (f->store, "1-1");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_YES);
    g_assert_true (a->from_data);
  }
}

static void
add_system (SonaeStore *store,
            const char *name,
            const char *backup,
            const char *restore_tested_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();

  system->name = g_strdup (name);
  system->backup_method = g_strdup (backup);
  system->restore_tested_on = g_strdup (restore_tested_on);
  g_assert_true (sonae_bcp_save_system (store, system, &error));
  g_assert_no_error (error);
}

static void
test_from_systems_and_bcp (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpEvent) event = sonae_bcp_event_new ();

  {
    g_autoptr(SonaeMhlwAnswer) inventory = get_answer (f->store, "2-1-1");
    g_autoptr(SonaeMhlwAnswer) backups = get_answer (f->store, "3-2");
    g_autoptr(SonaeMhlwAnswer) bcp = get_answer (f->store, "3-3");

    g_assert_cmpint (inventory->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpint (backups->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpint (bcp->answer, ==, SONAE_BCP_UNKNOWN);
  }

  add_system (f->store, "電子カルテ", "毎晩 外付けディスクへ", "2026-05-20");
  add_system (f->store, "レセコン", "毎晩 NAS へ", NULL);
  {
    g_autoptr(SonaeMhlwAnswer) inventory = get_answer (f->store, "2-1-1");
    g_autoptr(SonaeMhlwAnswer) backups = get_answer (f->store, "3-2");

    g_assert_cmpint (inventory->answer, ==, SONAE_BCP_YES);
    g_assert_true (inventory->from_data);
    g_assert_cmpstr (inventory->basis, ==, "From the systems list: 2 systems");
    /* One restore never tried: not yet. */
    g_assert_cmpint (backups->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpstr (backups->basis, ==, "From the systems list: 2 of 2 systems backed up, a restore tried on 1");
  }
  g_assert_true (sonae_bcp_record_restore_test (f->store, 2, "2026-06-01", &error));
  g_assert_no_error (error);
  {
    g_autoptr(SonaeMhlwAnswer) backups = get_answer (f->store, "3-2");

    g_assert_cmpint (backups->answer, ==, SONAE_BCP_YES);
    g_assert_true (backups->from_data);
  }

  /* The BCP: a policy, events and systems. */
  {
    g_autoptr(SonaeMhlwAnswer) bcp = get_answer (f->store, "3-3");

    g_assert_cmpint (bcp->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpstr (bcp->basis, ==, "From the BCP: no basic policy yet, 0 crisis events, 2 systems");
  }
  g_assert_true (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, "紙カルテで診療を続ける", &error));
  event->title = g_strdup ("ランサムウェア");
  g_assert_true (sonae_bcp_save_event (f->store, event, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SonaeMhlwAnswer) bcp = get_answer (f->store, "3-3");

    g_assert_cmpint (bcp->answer, ==, SONAE_BCP_YES);
    g_assert_cmpstr (bcp->basis, ==, "From the BCP: basic policy written, 1 crisis event, 2 systems");
  }
}

static void
test_from_roster (Fixture       *f,
                  gconstpointer  data)
{
  /* A new folder holds the bundled MHLW and police entries. */
  {
    g_autoptr(SonaeMhlwAnswer) chart = get_answer (f->store, "3-1");

    g_assert_cmpint (chart->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpstr (chart->basis, ==, "From the roster: the MHLW, the police; nothing yet for the staff, the vendors");
  }
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "山本 恵子", "やまもと", "090-0000-1101");
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");
  sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "みどりサポート", "みどり", "0120-000-201");
  {
    g_autoptr(SonaeMhlwAnswer) chart = get_answer (f->store, "3-1");

    g_assert_cmpint (chart->answer, ==, SONAE_BCP_YES);
    g_assert_true (chart->from_data);
    g_assert_cmpstr (chart->basis, ==, "From the roster: 2 staff, 1 vendor, the MHLW, the police");
  }
}

/* --- vendors --------------------------------------------------------------- */

static void
test_vendors (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 emr = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "みどりメディカル", "みどり", "0120-000-201");
  gint64 copier = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "あさひ複合機", "あさひ", "0120-000-301");
  gint64 staff = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");
  g_autoptr(GPtrArray) vendors = NULL;

  vendors = sonae_mhlw_list_vendors (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vendors->len, ==, 2);
  /* In the roster's order (by reading), nothing recorded yet. */
  g_assert_cmpint (((SonaeMhlwVendor *) g_ptr_array_index (vendors, 0))->contact_id, ==, copier);
  g_assert_true (((SonaeMhlwVendor *) g_ptr_array_index (vendors, 0))->concerned);
  g_assert_null (((SonaeMhlwVendor *) g_ptr_array_index (vendors, 1))->list_sent_on);
  {
    g_autoptr(SonaeMhlwAnswer) mds = get_answer (f->store, "2-1-3");

    g_assert_cmpint (mds->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpstr (mds->basis, ==, "From the vendors: MDS/SDS received from 0 of 2 vendors");
  }

  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->store, emr, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (v->name, ==, "みどりメディカル");
    v->list_sent_on = g_strdup ("2026-05-10");
    v->list_returned_on = g_strdup ("2026-05-30");
    v->all_yes = SONAE_BCP_NO;
    v->answers_note = g_strdup ("2(2)③ アクセスログは来年度対応");
    v->mds_received_on = g_strdup ("2026-05-30");
    g_assert_true (sonae_mhlw_save_vendor (f->store, v, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->store, emr, &error);

    g_assert_cmpstr (v->list_sent_on, ==, "2026-05-10");
    g_assert_cmpstr (v->list_returned_on, ==, "2026-05-30");
    g_assert_cmpint (v->all_yes, ==, SONAE_BCP_NO);
    g_assert_cmpstr (v->answers_note, ==, "2(2)③ アクセスログは来年度対応");
    g_assert_cmpstr (v->mds_received_on, ==, "2026-05-30");
    g_assert_nonnull (v->updated_at);

    /* Refused, and nothing changes: back before sent, back never sent, a
     * day to come, a contact that is no vendor. */
    g_free (v->list_returned_on);
    v->list_returned_on = g_strdup ("2026-05-01");
    g_assert_false (sonae_mhlw_save_vendor (f->store, v, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&v->list_sent_on, g_free);
    g_assert_false (sonae_mhlw_save_vendor (f->store, v, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    v->list_sent_on = g_strdup ("2026-05-10");
    g_free (v->list_returned_on);
    v->list_returned_on = g_strdup ("2026-05-30");
    g_free (v->mds_received_on);
    v->mds_received_on = g_strdup ("2026-07-01");
    g_assert_false (sonae_mhlw_save_vendor (f->store, v, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    v->contact_id = staff;
    g_assert_false (sonae_mhlw_save_vendor (f->store, v, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->store, emr, &error);

    g_assert_cmpstr (v->mds_received_on, ==, "2026-05-30");
    g_assert_cmpstr (v->list_returned_on, ==, "2026-05-30");
  }
  g_assert_null (sonae_mhlw_get_vendor (f->store, staff, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(SonaeMhlwAnswer) mds = get_answer (f->store, "2-1-3");

    g_assert_cmpint (mds->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpstr (mds->basis, ==, "From the vendors: MDS/SDS received from 1 of 2 vendors");
  }
  /* The copier's company looks after no medical information system. */
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->store, copier, &error);

    v->concerned = FALSE;
    g_assert_true (sonae_mhlw_save_vendor (f->store, v, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SonaeMhlwAnswer) mds = get_answer (f->store, "2-1-3");

    g_assert_cmpint (mds->answer, ==, SONAE_BCP_YES);
    g_assert_true (mds->from_data);
    g_assert_cmpstr (mds->basis, ==, "From the vendors: MDS/SDS received from 1 of 1 vendor");
  }
  /* A vendor deleted from the roster leaves the list. */
  g_assert_true (sonae_contacts_delete (f->store, emr, &error));
  g_clear_pointer (&vendors, g_ptr_array_unref);
  vendors = sonae_mhlw_list_vendors (f->store, &error);
  g_assert_cmpuint (vendors->len, ==, 1);
  /* ...and the count: the one left is not concerned. */
  {
    g_autoptr(SonaeMhlwAnswer) mds = get_answer (f->store, "2-1-3");
    guint concerned = 99, received = 99;

    g_assert_true (sonae_mhlw_count_vendors (f->store, &concerned, &received, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (concerned, ==, 0);
    g_assert_cmpuint (received, ==, 0);
    g_assert_cmpint (mds->answer, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpstr (mds->basis, ==, "No vendor of a medical information system is in the roster yet.");
  }
}

/* --- the year and its reminder ------------------------------------------- */

static void
test_progress_and_status (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  SonaeMhlwProgress progress;

  status = sonae_mhlw_get_status (f->store);
  g_assert_cmpstr (status, ==, "Not answered yet");
  g_clear_pointer (&status, g_free);

  /* Checked last fiscal year, and this one. */
  answer (f->store, "2-2-1", SONAE_BCP_YES, "2026-03-20", NULL, 0);
  answer (f->store, "2-2-2", SONAE_BCP_NO, "2026-04-02", "2026-10-01", 0);
  answer (f->store, "2-2-3", SONAE_BCP_YES, "2026-06-15", NULL, 0);
  g_assert_true (sonae_mhlw_get_progress (f->store, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (progress.fiscal_year, ==, 2026);
  g_assert_cmpuint (progress.n_items, ==, 22);
  /* The bundled MHLW and police entries alone answer nothing. */
  g_assert_cmpuint (progress.yes, ==, 2);
  g_assert_cmpuint (progress.no, ==, 1);
  g_assert_cmpuint (progress.from_data, ==, 0);
  g_assert_cmpuint (progress.checked, ==, 2);
  status = sonae_mhlw_get_status (f->store);
  g_assert_cmpstr (status, ==, "2 of 22 checked · 1 No");
  g_clear_pointer (&status, g_free);

  set_kind (f->store, SONAE_ORG_PHARMACY);
  status = sonae_mhlw_get_status (f->store);
  g_assert_cmpstr (status, ==, "Not in Sonae for pharmacies yet");
}

static SonaeReminder *
find_reminder (SonaeStore        *store,
               SonaeReminderKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sonae_reminders_collect (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (all, i);

      if (r->kind == kind)
        return g_ptr_array_steal_index (all, i);
    }
  return NULL;
}

static void
test_reminder (Fixture       *f,
               gconstpointer  data)
{
  const SonaeMhlwItemInfo *items;
  guint n;

  /* April: the year's form is not out yet; no reminder. */
  g_setenv ("SONAE_NOW", "2026-04-30T18:00:00", TRUE);
  g_assert_null (find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST));

  /* From May 1, until every item is checked in the fiscal year. */
  g_setenv ("SONAE_NOW", "2026-05-01T08:00:00", TRUE);
  {
    g_autoptr(SonaeReminder) r = find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST);

    g_assert_nonnull (r);
    g_assert_cmpstr (r->key, ==, "mhlw-checklist:2026");
    g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_UPKEEP);
    g_assert_nonnull (strstr (r->title, "FY2026 (Reiwa 8)"));
    g_assert_nonnull (strstr (r->detail, "2026-04-01"));
  }
  answer (f->store, "1-1", SONAE_BCP_YES, NULL, NULL, 0);
  {
    g_autoptr(SonaeReminder) r = find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST);

    g_assert_cmpstr (r->detail, ==, "1 of 22 items checked since 2026-04-01.");
  }

  /* Every item checked this year (one of them last March does not count). */
  items = sonae_mhlw_items_get (&n);
  for (guint i = 0; i < n; i++)
    answer (f->store, items[i].key, SONAE_BCP_YES, i == 3 ? "2026-03-31" : "2026-04-15", NULL, 0);
  {
    g_autoptr(SonaeReminder) r = find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST);

    g_assert_nonnull (r);
    g_assert_cmpstr (r->detail, ==, "21 of 22 items checked since 2026-04-01.");
  }
  answer (f->store, items[3].key, SONAE_BCP_YES, "2026-05-01", NULL, 0);
  g_assert_null (find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST));

  /* Into the winter of the same fiscal year: still done. The next year, due
   * again from May 1. */
  g_setenv ("SONAE_NOW", "2027-03-31T08:00:00", TRUE);
  g_assert_null (find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST));
  g_setenv ("SONAE_NOW", "2027-04-10T08:00:00", TRUE);
  g_assert_null (find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST));
  g_setenv ("SONAE_NOW", "2027-05-01T08:00:00", TRUE);
  {
    g_autoptr(SonaeReminder) r = find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST);

    g_assert_nonnull (r);
    g_assert_cmpstr (r->key, ==, "mhlw-checklist:2027");
  }

  /* Not for a pharmacy or a business. */
  set_kind (f->store, SONAE_ORG_PHARMACY);
  g_assert_null (find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST));
  set_kind (f->store, SONAE_ORG_BUSINESS);
  g_assert_null (find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST));
  set_kind (f->store, SONAE_ORG_HOSPITAL);
  {
    g_autoptr(SonaeReminder) r = find_reminder (f->store, SONAE_REMINDER_MHLW_CHECKLIST);

    g_assert_nonnull (r);
  }
}

/* A いいえ past its target date is due as the plan's other measures are,
 * and says where it comes from. */
static void
test_measure_reminder (Fixture       *f,
                       gconstpointer  data)
{
  answer (f->store, "r7-1", SONAE_BCP_NO, NULL, "2026-06-10", 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) all = sonae_reminders_collect (f->store, &error);
    SonaeReminder *found = NULL;

    for (guint i = 0; i < all->len; i++)
      {
        SonaeReminder *r = g_ptr_array_index (all, i);

        if (r->kind == SONAE_REMINDER_BCP_MEASURE && g_strcmp0 (r->mhlw_key, "r7-1") == 0)
          found = r;
      }
    g_assert_nonnull (found);
    g_assert_cmpstr (found->key, ==, "mhlw:r7-1");
    g_assert_null (found->check_key);
    g_assert_cmpint (found->urgency, ==, SONAE_URGENCY_OVERDUE);
    g_assert_cmpstr (found->detail, ==, "MHLW checklist, nobody named to do it");
  }
}

/* The role the checklist asks for is a role of the manual, for healthcare
 * providers only: a business is never told that nobody holds it. */
static void
test_role (Fixture       *f,
           gconstpointer  data)
{
  guint n_all = 0, n_care = 0, n_business = 0;
  const SonaeRoleInfo *all = sonae_roles_get_builtin (&n_all);
  const SonaeRoleInfo *care = sonae_roles_get_for (TRUE, &n_care);
  const SonaeRoleInfo *business = sonae_roles_get_for (FALSE, &n_business);
  gboolean nagged = FALSE;
  g_autoptr(GPtrArray) items = NULL;

  g_assert_true (care == all && business == all);
  g_assert_cmpuint (n_care, ==, n_all);
  g_assert_cmpuint (n_business, ==, n_all - 1);
  g_assert_cmpstr (all[n_all - 1].key, ==, SONAE_ROLE_MEDINFO);
  g_assert_true (sonae_role_lookup (SONAE_ROLE_MEDINFO)->care_only);
  for (guint i = 0; i < n_business; i++)
    g_assert_false (all[i].care_only);

  items = sonae_contacts_get_attention (f->store);
  for (guint i = 0; i < items->len; i++)
    nagged = nagged || g_strcmp0 (((SonaeAttention *) g_ptr_array_index (items, i))->role_key, SONAE_ROLE_MEDINFO) == 0;
  g_assert_true (nagged);
  g_clear_pointer (&items, g_ptr_array_unref);

  set_kind (f->store, SONAE_ORG_BUSINESS);
  items = sonae_contacts_get_attention (f->store);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((SonaeAttention *) g_ptr_array_index (items, i))->role_key, !=, SONAE_ROLE_MEDINFO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mhlw/items", test_items);
  g_test_add_func ("/mhlw/fiscal-year", test_fiscal_year);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/mhlw/who-keeps-it", test_who_keeps_it);
  ADD ("/mhlw/answers", test_answers);
  ADD ("/mhlw/changed-signal", test_changed_signal);
  ADD ("/mhlw/measures", test_measures);
  ADD ("/mhlw/from-role", test_from_role);
  ADD ("/mhlw/from-systems-and-bcp", test_from_systems_and_bcp);
  ADD ("/mhlw/from-roster", test_from_roster);
  ADD ("/mhlw/vendors", test_vendors);
  ADD ("/mhlw/progress-and-status", test_progress_and_status);
  ADD ("/mhlw/reminder", test_reminder);
  ADD ("/mhlw/measure-reminder", test_measure_reminder);
  ADD ("/mhlw/role", test_role);
#undef ADD

  return g_test_run ();
}
