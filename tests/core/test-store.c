#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sonae-bcp.h"
#include "sonae-capa.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-mhlw.h"
#include "sonae-ppc-bodies.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"
#include "sonae-store.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

gboolean sonae_store_migrate_file_to (const char *path, int target, GError **error);

static void
test_store_create (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  struct stat st;

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (sonae_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (sonae_test_db_int (sonae_store_get_path (store), "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (sonae_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (sonae_store_get_db (store), "PRAGMA foreign_keys", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }

  /* The bundled authorities are there, marked to check. */
  {
    g_autoptr(GPtrArray) list = sonae_contacts_list (store, SONAE_GROUP_AUTHORITY, NULL);
    gboolean found_9110 = FALSE, found_110 = FALSE, found_ppc = FALSE;

    g_assert_cmpuint (list->len, >=, 8);
    for (guint i = 0; i < list->len; i++)
      {
        SonaeContact *c = g_ptr_array_index (list, i);
        g_assert_true (c->needs_check);
        g_assert_nonnull (c->notes);
        g_assert_nonnull (strstr (c->notes, "2026-"));
        if (g_strcmp0 (sonae_contact_get_first_phone (c), "#9110") == 0)
          found_9110 = TRUE;
        if (g_strcmp0 (sonae_contact_get_first_phone (c), "110") == 0)
          found_110 = TRUE;
        if (c->url && strstr (c->url, "ppc.go.jp"))
          found_ppc = TRUE;
      }
    g_assert_true (found_9110 && found_110 && found_ppc);
  }
  g_assert_true (sonae_store_is_empty (store));

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_store_reopen_keeps_data (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = g_new0 (SonaeProfile, 1);
  g_autoptr(SonaeProfile) read = NULL;
  guint n_authorities;

  profile->name = g_strdup ("さくら内科クリニック");
  profile->kind = SONAE_ORG_CLINIC;
  profile->prefecture = g_strdup ("Tokushima");
  profile->phone = g_strdup ("088-000-0000");
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1111-2222");
  n_authorities = sonae_contacts_count (store) - 1;
  g_assert_false (sonae_store_is_empty (store));
  g_clear_object (&store);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  read = sonae_store_get_profile (store);
  g_assert_cmpstr (read->name, ==, "さくら内科クリニック");
  g_assert_cmpstr (read->phone, ==, "088-000-0000");
  g_assert_cmpint (read->kind, ==, SONAE_ORG_CLINIC);
  /* Authorities are added once, not at every start. */
  g_assert_cmpuint (sonae_contacts_count (store), ==, n_authorities + 1);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_store_migrations (void)
{
  /* Each step from the version before: build a database at version v with
   * the migrations up to v, then let the store take it to the newest. */
  for (int v = 0; v < SONAE_SCHEMA_VERSION; v++)
    {
      g_autofree char *dir = sonae_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeStore) store = NULL;

      if (v > 0)
        {
          sqlite3 *db = NULL;

          g_assert_true (sonae_store_migrate_file_to (path, v, &error));
          g_assert_no_error (error);
          /* Data written at version v is still there after the migrations. */
          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts (id, name, sort_key) VALUES (4242, '移行 前の人', '0いこう');"
                                             "INSERT INTO contact_phones (contact_id, position, value) VALUES (4242, 0, '090-0000-0000');"
                                             "INSERT INTO role_holders (role_key, contact_id, position) VALUES ('lead', 4242, 0);",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
          sqlite3_close (db);
        }
      store = sonae_store_open (dir, &error);
      g_assert_no_error (error);
      if (v > 0)
        {
          g_autoptr(SonaeContact) c = sonae_contacts_get (store, 4242, &error);
          g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, "lead", &error);
          g_assert_no_error (error);
          g_assert_cmpstr (c->name, ==, "移行 前の人");
          g_assert_cmpstr (sonae_contact_get_first_phone (c), ==, "090-0000-0000");
          g_assert_cmpuint (holders->len, ==, 1);
        }
      g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
      g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check") , ==, 0 /* "ok" reads as 0 */);
      g_clear_object (&store);
      sonae_test_remove_dir (dir);
    }
}

/* Version 2 to 3 adds the incidents: what version 2 held (the manual's
 * changes) stays, and incidents can be written at once. */
static void
test_store_migration_from_2 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (sonae_store_migrate_file_to (path, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO manual_items (item_id, text, added, updated_at) "
                                     "VALUES ('own-step', '自院の手順', 1, '2026-01-01T00:00:00');"
                                     "INSERT INTO manual_reviews (reviewed_on, reviewed_by) VALUES ('2026-01-02', '院長');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM manual_items WHERE item_id = 'own-step'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM manual_reviews"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM incidents"), ==, 0);

  /* The new tables take an incident with its timeline and checklist run. */
  g_assert_cmpint (sqlite3_prepare_v2 (sonae_store_get_db (store),
                                       "INSERT INTO incidents (number, year, seq, title, type, level, event, seen, "
                                       "personal_data, impact, created_at, created_by) VALUES "
                                       "('2026-001', 2026, 1, '移行後', 'malware', 3, 'malware', 'ransom', 'unknown', "
                                       "'business', '2026-01-03T10:00:00', '院長')", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "INSERT INTO incident_steps (incident_id, step_id, done) VALUES (1, '1-1', 1);"
                                 "INSERT INTO incident_fields (incident_id, step_id, field_id, value) VALUES (1, '1-1', 'event-case', 'ransomware');"
                                 "INSERT INTO timeline (incident_id, seq, kind, at, recorded_at, author, prev_hash, hash) "
                                 "VALUES (1, 1, 'opened', '2026-01-03T10:00:00', '2026-01-03T10:00:00', '院長', '', '');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* Its constraints hold: a level out of range, a step of no incident. */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "UPDATE incidents SET level = 4", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "INSERT INTO incident_steps (incident_id, step_id, done) VALUES (99, '1-1', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_false (sonae_store_is_empty (store));

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  sonae_test_remove_dir (dir);
}

/* Version 3 to 4 adds the regulators' reports and the actions: an incident
 * of version 3 stays, and its reports can be written and read at once. */
static void
test_store_migration_from_3 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaePpcAssessment) ppc = NULL;
  g_autoptr(SonaePpcAssessment) read = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  sqlite3 *db = NULL;
  gboolean police = FALSE;

  g_setenv ("SONAE_NOW", "2026-11-22T10:00:00", TRUE);
  g_assert_true (sonae_store_migrate_file_to (path, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO incidents (id, number, year, seq, title, type, level, event, seen, "
                                     "personal_data, impact, detected_at, created_at, created_by) VALUES "
                                     "(1, '2026-001', 2026, 1, '移行前の事案', 'malware', 3, 'malware', 'ransom', 'yes', "
                                     "'business', '2026-11-21T08:30:00', '2026-11-21T08:40:00', '院長');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM incidents WHERE title = '移行前の事案'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM ppc_assessments"), ==, 0);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM body_reports"), ==, 0);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM actions"), ==, 0);

  /* The new tables work for the old incident. */
  ppc = sonae_ppc_get (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ppc->learned_on, ==, "2026-11-21");
  ppc->personal_data = SONAE_ANSWER_YES;
  ppc->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
  ppc->preliminary_sent_on = g_strdup ("2026-11-22");
  g_assert_true (sonae_ppc_set (store, 1, ppc, "院長", &error));
  g_assert_no_error (error);
  read = sonae_ppc_get (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->preliminary_sent_on, ==, "2026-11-22");
  g_assert_true (sonae_ppc_set_body_report (store, 1, "police-cyber", "2026-11-21", "院長", &error));
  g_assert_no_error (error);
  reports = sonae_ppc_list_body_reports (store, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      SonaeBodyReport *r = g_ptr_array_index (reports, i);

      if (g_strcmp0 (r->authority_key, "police-cyber") == 0)
        police = g_strcmp0 (r->done_on, "2026-11-21") == 0;
    }
  g_assert_true (police);
  g_assert_true (sonae_incidents_verify_timeline (store, 1, NULL, &error));
  g_assert_no_error (error);

  /* Their constraints hold: a report of no incident, an answer not known. */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "INSERT INTO body_reports (incident_id, authority_key) VALUES (99, 'ppc')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "UPDATE ppc_assessments SET sensitive = 'maybe'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  g_unsetenv ("SONAE_NOW");
  sonae_test_remove_dir (dir);
}

/* Data version 4 (actions without an approval date) moves to 5: an action
 * approved before keeps its approval, dated the day it was confirmed, and
 * the report fields table works for an old incident. */
static void
test_store_migration_from_4 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeCapa) approved = NULL;
  g_autoptr(SonaeCapa) unapproved = NULL;
  g_autoptr(SonaeReport) report = NULL;
  sqlite3 *db = NULL;

  g_setenv ("SONAE_NOW", "2026-11-22T10:00:00", TRUE);
  g_assert_true (sonae_store_migrate_file_to (path, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO incidents (id, number, year, seq, title, type, level, event, seen, "
                                     "personal_data, impact, detected_at, location, created_at, created_by) VALUES "
                                     "(1, '2026-001', 2026, 1, '移行前の事案', 'malware', 3, 'malware', 'ransom', 'yes', "
                                     "'business', '2026-11-21T08:30:00', '受付', '2026-11-21T08:40:00', '院長');"
                                     "INSERT INTO actions (id, incident_id, kind, text, status, confirmed_on, confirmed_by, "
                                     "approved_by, created_at, updated_at) VALUES "
                                     "(1, 1, 'corrective', '更新する', 'done', '2026-11-21', '田中', '院長', "
                                     "'2026-11-21T09:00:00', '2026-11-21T09:00:00'),"
                                     "(2, 1, 'preventive', '訓練する', 'done', '2026-11-21', '田中', NULL, "
                                     "'2026-11-21T09:00:00', '2026-11-21T09:00:00');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  approved = sonae_capa_get (store, 1, &error);
  g_assert_cmpstr (approved->approved_by, ==, "院長");
  g_assert_cmpstr (approved->approved_on, ==, "2026-11-21");
  unapproved = sonae_capa_get (store, 2, &error);
  g_assert_null (unapproved->approved_on);

  report = sonae_report_load (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PLACE), ==, "受付");
  g_assert_true (sonae_report_save_field (store, 1, SONAE_REPORT_DEPARTMENT, "受付", "院長", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM report_fields"), ==, 1);
  /* A field of no incident is refused by the database itself. */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "INSERT INTO report_fields (incident_id, key, value, updated_at, updated_by) "
                                 "VALUES (99, 'place', 'x', 'now', 'me')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  g_unsetenv ("SONAE_NOW");
  sonae_test_remove_dir (dir);
}

/* 5 → 6: the business-continuity plan's tables appear, the incidents and
 * their actions stay as they were, and a drill record can point at an
 * incident made before the migration. */
static void
test_store_migration_from_5 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeCapa) action = NULL;
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();
  g_autoptr(SonaeBcpDrill) drill = sonae_bcp_drill_new ();
  g_autoptr(GPtrArray) checks = NULL;
  sqlite3 *db = NULL;

  g_setenv ("SONAE_NOW", "2026-11-22T10:00:00", TRUE);
  g_assert_true (sonae_store_migrate_file_to (path, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO incidents (id, number, year, seq, title, drill, type, level, event, seen, "
                                     "personal_data, impact, detected_at, location, created_at, created_by) VALUES "
                                     "(1, '2026-001', 2026, 1, '移行前の訓練', 1, 'malware', 3, 'malware', 'ransom', 'yes', "
                                     "'business', '2026-11-21T08:30:00', '受付', '2026-11-21T08:40:00', '院長');"
                                     "INSERT INTO actions (id, incident_id, kind, text, status, confirmed_on, confirmed_by, "
                                     "approved_by, approved_on, created_at, updated_at) VALUES "
                                     "(1, 1, 'corrective', '更新する', 'done', '2026-11-21', '田中', '院長', '2026-11-21', "
                                     "'2026-11-21T09:00:00', '2026-11-21T09:00:00');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  action = sonae_capa_get (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action->text, ==, "更新する");
  g_assert_cmpstr (action->approved_on, ==, "2026-11-21");
  g_assert_false (sonae_bcp_is_started (store));

  system->name = g_strdup ("電子カルテ");
  system->restore_tested_on = g_strdup ("2026-11-01");
  system->restore_test_days = 180;
  g_assert_true (sonae_bcp_save_system (store, system, &error));
  g_assert_no_error (error);
  drill->held_on = g_strdup ("2026-11-21");
  drill->scenario = g_strdup ("ランサムウェア");
  drill->incident_id = 1;
  g_assert_true (sonae_bcp_save_drill (store, drill, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (drill->incident_number, ==, "2026-001");
  g_assert_true (sonae_bcp_set_check (store, "offline-backup", SONAE_BCP_NO, "2026-12-01", 0, &error));
  g_assert_no_error (error);
  checks = sonae_bcp_list_checks (store, &error);
  g_assert_nonnull (checks);
  g_assert_true (sonae_bcp_is_started (store));
  /* The database itself refuses a value outside the enum. */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "UPDATE bcp_systems SET backup_offline = 'maybe'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM bcp_systems"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM bcp_drills WHERE incident_id = 1"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  g_unsetenv ("SONAE_NOW");
  sonae_test_remove_dir (dir);
}

/* 6 → 7 → 8: the contacts keep what they hold, and the indexes the
 * attention list and the list of authorities read exist and are used. */
static void
test_store_migration_from_6 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeContact) contact = NULL;
  g_autoptr(GPtrArray) items = NULL;
  sqlite3 *db = NULL;
  gboolean listed = FALSE;

  g_setenv ("SONAE_NOW", "2026-12-07T10:00:00", TRUE);
  g_assert_true (sonae_store_migrate_file_to (path, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts (id, grp, name, reading, sort_key, verified_on) VALUES "
                                     "(1, 0, '移行 前子', 'いこう まえこ', '0いこうまえこ', '2026-01-05');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'contacts_freshness'"),
                   ==, 0);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'contacts_freshness'"),
                   ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'contacts_group'"),
                   ==, 1);
  contact = sonae_contacts_get (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contact->verified_on, ==, "2026-01-05");
  items = sonae_contacts_get_attention (store);
  for (guint i = 0; i < items->len; i++)
    if (((SonaeAttention *) g_ptr_array_index (items, i))->contact_id == 1)
      listed = TRUE;
  g_assert_true (listed);

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  g_unsetenv ("SONAE_NOW");
  sonae_test_remove_dir (dir);
}

/* 8 → 9: a leak's PPC answers and the reports done stay; the 2024 case
 * and the encryption exemption read "no" until answered, and the
 * organisation's answers to each body's condition can be kept. */
static void
test_store_migration_from_8 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaePpcAssessment) ppc = NULL;
  g_autoptr(SonaePpcResult) result = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  sqlite3 *db = NULL;
  gboolean police_done = FALSE;

  g_setenv ("SONAE_NOW", "2026-11-22T10:00:00", TRUE);
  g_assert_true (sonae_store_migrate_file_to (path, 8, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO incidents (id, number, year, seq, title, drill, type, level, event, seen, "
                                     "personal_data, impact, detected_at, created_at, created_by) VALUES "
                                     "(1, '2026-001', 2026, 1, '脅迫文', 0, 'malware', 3, 'malware', 'ransom', 'yes', "
                                     "'outside', '2026-11-21T08:30:00', '2026-11-21T08:40:00', '院長');"
                                     "INSERT INTO ppc_assessments (incident_id, personal_data, sensitive, unlawful, learned_on, "
                                     "preliminary_sent_on, updated_at, updated_by) VALUES "
                                     "(1, 'yes', 'yes', 'yes', '2026-11-21', '2026-11-22', '2026-11-22T09:00:00', '院長');"
                                     "INSERT INTO body_reports (incident_id, authority_key, done_on, done_by) VALUES "
                                     "(1, 'police-cyber', '2026-11-22', '院長');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  ppc = sonae_ppc_get (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ppc->personal_data, ==, SONAE_ANSWER_YES);
  g_assert_cmpstr (ppc->preliminary_sent_on, ==, "2026-11-22");
  g_assert_false (ppc->acquiring);
  g_assert_false (ppc->encrypted);
  result = sonae_ppc_assess (ppc, NULL);
  g_assert_cmpint (result->verdict, ==, SONAE_PPC_REQUIRED);
  reports = sonae_ppc_list_body_reports (store, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      SonaeBodyReport *b = g_ptr_array_index (reports, i);

      if (g_str_equal (b->authority_key, "police-cyber"))
        {
          police_done = g_strcmp0 (b->done_on, "2026-11-22") == 0;
          g_assert_cmpint (b->applies, ==, SONAE_ANSWER_YES);   /* ransomware */
          g_assert_false (b->answered);
        }
    }
  g_assert_true (police_done);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM body_answers"), ==, 0);
  /* The database itself refuses what is not an answer. */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "INSERT INTO body_answers VALUES (1, 'mhlw', 'maybe', 'x', 'y')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "UPDATE ppc_assessments SET encrypted = 2",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  g_unsetenv ("SONAE_NOW");
  sonae_test_remove_dir (dir);
}

/* 9 → 10: the MHLW checklist's tables appear; the roster made before keeps
 * its vendors, who can be followed at once, and the checklist can be
 * answered. */
static void
test_store_migration_from_9 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeMhlwVendor) vendor = NULL;
  g_autoptr(SonaeMhlwAnswer) answer = NULL;
  g_autoptr(SonaeMhlwAnswer) role = NULL;
  sqlite3 *db = NULL;

  g_setenv ("SONAE_NOW", "2026-06-15T10:00:00", TRUE);
  g_assert_true (sonae_store_migrate_file_to (path, 9, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts (id, grp, name, reading, sort_key) VALUES "
                                     "(1, 1, '移行前メディカル', 'いこうまえ', '0いこうまえ'),"
                                     "(2, 0, '移行 前子', 'いこう まえこ', '0いこうまえこ');"
                                     "INSERT INTO role_holders (role_key, contact_id, position) VALUES ('medinfo', 2, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'mhlw_answers'"), ==, 0);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  vendor = sonae_mhlw_get_vendor (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vendor->name, ==, "移行前メディカル");
  g_assert_null (vendor->list_sent_on);
  vendor->list_sent_on = g_strdup ("2026-06-01");
  vendor->mds_received_on = g_strdup ("2026-06-10");
  g_assert_true (sonae_mhlw_save_vendor (store, vendor, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_mhlw_set_answer (store, "2-2-3", SONAE_BCP_NO, NULL, "2026-09-30", 2, &error));
  g_assert_no_error (error);
  answer = sonae_mhlw_get_answer (store, "2-2-3", &error);
  g_assert_cmpstr (answer->owner_name, ==, "移行 前子");
  /* The role given before the migration answers item 1(1). */
  role = sonae_mhlw_get_answer (store, "1-1", &error);
  g_assert_cmpint (role->answer, ==, SONAE_BCP_YES);
  g_assert_true (role->from_data);
  /* The database itself refuses a value outside the enum. */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "UPDATE mhlw_answers SET answer = 'maybe'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM mhlw_vendors WHERE list_sent_on = '2026-06-01'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM mhlw_answers WHERE answer = 'no'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  g_unsetenv ("SONAE_NOW");
  sonae_test_remove_dir (dir);
}

/* 10 → 11: contacts keep everything and get their hours; each role can be
 * told which number the poster shows; the database refuses any other
 * choice. */
static void
test_store_migration_from_10 (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeContact) vendor = NULL;
  sqlite3 *db = NULL;

  g_assert_true (sonae_store_migrate_file_to (path, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts (id, grp, name, reading, sort_key, contract) VALUES "
                                     "(1, 1, '移行前システムズ', 'いこうまえ', '0いこうまえ', 'C-10'),"
                                     "(2, 0, '移行 前子', 'いこう まえこ', '0いこうまえこ', NULL);"
                                     "INSERT INTO contact_phones (contact_id, position, label, value) VALUES "
                                     "(2, 0, 'mobile', '090-1111-2222'), (2, 1, 'work', '03-1111-2222');"
                                     "INSERT INTO role_holders (role_key, contact_id, position) VALUES ('first', 2, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'role_settings'"), ==, 0);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  vendor = sonae_contacts_get (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vendor->contract, ==, "C-10");
  g_assert_null (vendor->hours);
  vendor->hours = g_strdup ("平日 9:00〜18:00");
  g_assert_true (sonae_contacts_save (store, vendor, &error));
  g_assert_no_error (error);
  /* Nobody chose: mobile first, as before. */
  g_assert_cmpint (sonae_contacts_get_poster_phone (store, SONAE_ROLE_FIRST), ==, SONAE_POSTER_PHONE_ANY);
  g_assert_true (sonae_contacts_set_poster_phone (store, SONAE_ROLE_FIRST, SONAE_POSTER_PHONE_WORK, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "UPDATE role_settings SET poster_phone = 'home'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE hours = '平日 9:00〜18:00'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM role_settings WHERE role_key = 'first'"
                                            " AND poster_phone = 'work'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA integrity_check"), ==, 0);
  sonae_test_remove_dir (dir);
}

static void
assert_refused (const char *dir,
                const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;

  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));
  store = sonae_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, SONAE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  /* The refused file is never modified. */
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpuint (len_before, ==, len_after);
  g_assert_true (memcmp (before, after, len_before) == 0);
}

static SonaeContact *
bundled (SonaeStore *store,
         const char *key)
{
  g_autoptr(GPtrArray) all = sonae_contacts_list_bundled (store, NULL);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((SonaeContact *) g_ptr_array_index (all, i))->builtin_key, key) == 0)
      return g_object_ref (g_ptr_array_index (all, i));
  return NULL;
}

/* A database a Sonae of 2026-11 made: the bundled bodies it holds as that
 * Sonae wrote them take today's facts, unless the organisation edited
 * them; the ones it deleted stay deleted; the new ones come. */
static void
test_store_authorities_update (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) ipa = NULL;
  g_autoptr(SonaeContact) ppc = NULL;
  g_autoptr(SonaeContact) office = NULL;
  g_autoptr(SonaeContact) police = NULL;
  g_autoptr(SonaeContact) jipdec = NULL;

  g_clear_object (&store);
  sonae_test_db_exec (path,
                      "DELETE FROM meta WHERE key = 'authorities.version';"
                      "DELETE FROM contacts WHERE builtin_key IN ('jipdec', 'prefecture-pharmacy', 'police-110');"
                      "UPDATE contacts SET deleted = 0;"
                      "UPDATE contacts SET name = 'IPA Information Security Consultation Desk',"
                      " url = 'https://www.ipa.go.jp/security/anshin/',"
                      " notes = 'Advice by phone or e-mail on viruses, unauthorised access and other security troubles.'"
                      " || char(10) || 'Checked against the public page on 2026-11-21; check before relying on it.'"
                      " WHERE builtin_key = 'ipa-consult';"
                      "DELETE FROM contact_emails WHERE contact_id = (SELECT id FROM contacts WHERE builtin_key = 'ipa-consult');"
                      "INSERT INTO contact_phones (contact_id, position, label, value)"
                      " SELECT id, 0, 'work', '03-5978-7509' FROM contacts WHERE builtin_key = 'ipa-consult';"
                      "UPDATE contacts SET notes = '報告は担当の山田が行う' WHERE builtin_key = 'ppc';"
                      "UPDATE contacts SET name = 'Prefectural medical-safety office',"
                      " organization = 'Prefectural government' WHERE builtin_key = 'prefecture-medical';");

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);

  /* As that Sonae wrote it: today's facts, to be checked. */
  ipa = bundled (store, "ipa-consult");
  g_assert_cmpstr (ipa->name, ==, "IPA cyber-security consultation desk for organisations");
  g_assert_cmpstr (ipa->url, ==, "https://www.ipa.go.jp/security/support/soudan.html");
  g_assert_cmpuint (ipa->phones->len, ==, 0);
  g_assert_cmpuint (ipa->emails->len, ==, 1);
  g_assert_cmpstr (((SonaeLabeled *) g_ptr_array_index (ipa->emails, 0))->value, ==, "cs-support@ipa.go.jp");
  g_assert_true (ipa->needs_check);
  g_assert_nonnull (strstr (ipa->notes, "by e-mail"));
  office = bundled (store, "prefecture-medical");
  g_assert_cmpstr (office->name, ==, "Local authority overseeing medical institutions");
  /* Edited by the organisation: kept. */
  ppc = bundled (store, "ppc");
  g_assert_cmpstr (ppc->notes, ==, "報告は担当の山田が行う");
  /* Deleted by the organisation: stays deleted. */
  police = bundled (store, "police-110");
  g_assert_null (police);
  /* New: added; for pharmacies only: out of a clinic's sight. */
  jipdec = bundled (store, "jipdec");
  g_assert_nonnull (jipdec);
  g_assert_null (bundled (store, "prefecture-pharmacy"));
  {
    g_autofree char *version = sonae_test_db_text (path, "SELECT value FROM meta WHERE key = 'authorities.version'");

    g_assert_cmpstr (version, ==, "3");
  }

  /* Once only: an edit made after the update stays. */
  g_free (ipa->url);
  ipa->url = g_strdup ("https://example.invalid/");
  g_assert_true (sonae_contacts_save (store, ipa, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&ipa);
  ipa = bundled (store, "ipa-consult");
  g_assert_cmpstr (ipa->url, ==, "https://example.invalid/");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A database of 2026-12 (bundled version 2): the offices get the hours
 * their numbers answer, the ministry's entries ask for their number, the
 * medical association's helpline comes; what the organisation edited
 * stays as it is. */
static void
test_store_authorities_update_from_2 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) ppc = NULL;
  g_autoptr(SonaeContact) mhlw = NULL;
  g_autoptr(SonaeContact) support = NULL;
  g_autoptr(SonaeContact) police = NULL;
  g_autoptr(SonaeContact) jma = NULL;

  g_clear_object (&store);
  sonae_test_db_exec (path,
                      "UPDATE meta SET value = '2' WHERE key = 'authorities.version';"
                      "UPDATE contacts SET hours = NULL, needs_check = 0, verified_on = '2026-12-01';"
                      "DELETE FROM contacts WHERE builtin_key = 'jma-cyber';"
                      "UPDATE contacts SET notes = 'Medical institutions report a cyber attack that disrupts care"
                      " or leaks data, or may, to the ministry; its page lists the current contact.'"
                      " || char(10) || 'Checked against the public pages in 2026-12; check before relying on it.'"
                      " WHERE builtin_key = 'mhlw';"
                      "UPDATE contacts SET notes = '4月に窓口を確認する（事務長）' WHERE builtin_key = 'mhlw-support';"
                      "UPDATE contacts SET hours = '平日 8:30〜17:15' WHERE builtin_key = 'police-consult';");

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);

  /* As that Sonae wrote it: today's facts, to be checked again. */
  ppc = bundled (store, "ppc");
  g_assert_cmpstr (ppc->hours, ==, "Weekdays");
  g_assert_cmpstr (sonae_contact_get_first_phone (ppc), ==, "03-6457-9849");
  g_assert_true (ppc->needs_check);
  mhlw = bundled (store, "mhlw");
  g_assert_nonnull (strstr (mhlw->notes, "write its phone number here"));
  g_assert_true (mhlw->needs_check);
  /* Edited by the organisation: its own words stay. */
  support = bundled (store, "mhlw-support");
  g_assert_cmpstr (support->notes, ==, "4月に窓口を確認する（事務長）");
  police = bundled (store, "police-consult");
  g_assert_cmpstr (police->hours, ==, "平日 8:30〜17:15");
  /* New: a number a clinic's doctors can call, still to be checked. */
  jma = bundled (store, "jma-cyber");
  g_assert_nonnull (jma);
  g_assert_cmpstr (sonae_contact_get_first_phone (jma), ==, "0120-179-066");
  g_assert_true (jma->needs_check);
  {
    g_autofree char *version = sonae_test_db_text (path, "SELECT value FROM meta WHERE key = 'authorities.version'");

    g_assert_cmpstr (version, ==, "3");
  }

  /* Once only: deleted after the update, the helpline stays deleted. */
  g_assert_true (sonae_contacts_delete (store, jma->id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_null (bundled (store, "jma-cyber"));

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Each kind of organisation sees the bodies that are for it, and a change
 * of kind brings the others back. */
static void
test_store_authorities_for_kind (void)
{
  static const struct {
    SonaeOrgKind kind;
    const char *shown;
    const char *hidden;
  } cases[] = {
    { SONAE_ORG_CLINIC, "mhlw,mhlw-support,prefecture-medical,jipdec,ppc", "prefecture-pharmacy" },
    { SONAE_ORG_BUSINESS, "ppc,jipdec,police-cyber,ipa-report", "mhlw,mhlw-support,prefecture-medical,prefecture-pharmacy" },
    { SONAE_ORG_PHARMACY, "mhlw,prefecture-pharmacy,ppc", "prefecture-medical" },
    { SONAE_ORG_HOSPITAL, "mhlw,prefecture-medical", "prefecture-pharmacy" },
  };
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);
      g_auto(GStrv) shown = g_strsplit (cases[i].shown, ",", -1);
      g_auto(GStrv) hidden = g_strsplit (cases[i].hidden, ",", -1);
      g_autoptr(GPtrArray) authorities = NULL;

      profile->kind = cases[i].kind;
      g_assert_true (sonae_store_set_profile (store, profile, NULL));
      for (guint k = 0; shown[k]; k++)
        {
          g_autoptr(SonaeContact) c = bundled (store, shown[k]);

          if (c == NULL)
            g_error ("%s is not shown to kind %d", shown[k], cases[i].kind);
        }
      for (guint k = 0; hidden[k]; k++)
        {
          g_autoptr(SonaeContact) c = bundled (store, hidden[k]);

          if (c != NULL)
            g_error ("%s is shown to kind %d", hidden[k], cases[i].kind);
        }
      /* Out of the roster and the manual's authorities too. */
      authorities = sonae_contacts_list_authorities (store, NULL);
      for (guint k = 0; k < authorities->len; k++)
        g_assert_false (g_strv_contains ((const char *const *) hidden,
                                         ((SonaeContact *) g_ptr_array_index (authorities, k))->builtin_key
                                         ? ((SonaeContact *) g_ptr_array_index (authorities, k))->builtin_key : ""));
    }

  /* Out of sight is not deleted: a restart does not purge them. */
  g_clear_object (&store);
  store = sonae_store_open (dir, NULL);
  {
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);
    g_autoptr(SonaeContact) office = NULL;

    profile->kind = SONAE_ORG_CLINIC;
    g_assert_true (sonae_store_set_profile (store, profile, NULL));
    office = bundled (store, "prefecture-medical");
    g_assert_nonnull (office);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_store_refuses_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_strdup (sonae_store_get_path (store));
  g_autofree char *contents = NULL;
  gsize len;

  for (int i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("患者 %d", i);
      sonae_test_add_contact (store, SONAE_GROUP_STAFF, name, "かんじゃ", "03-0000-0000");
    }
  g_clear_object (&store);

  /* Overwrite the middle of the file with garbage. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096 + 100; i < len - 100; i += 7)
    contents[i] = (char) (i * 31);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  g_chmod (path, 0600);

  assert_refused (dir, path, SONAE_ERROR_CORRUPT);
  sonae_test_remove_dir (dir);
}

static void
test_store_refuses_foreign_and_newer (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  sqlite3 *db = NULL;

  /* Not SQLite at all. */
  g_assert_true (g_file_set_contents (path, "hello, this is a text file and not a database at all", -1, NULL));
  assert_refused (dir, path, SONAE_ERROR_NOT_SONAE);
  g_unlink (path);

  /* Another program's database. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_refused (dir, path, SONAE_ERROR_NOT_SONAE);
  g_unlink (path);

  /* A newer Sonae's database. */
  g_assert_true (sonae_store_migrate_file_to (path, SONAE_SCHEMA_VERSION, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_refused (dir, path, SONAE_ERROR_NEWER_SCHEMA);

  sonae_test_remove_dir (dir);
}

static void
test_store_refuses_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_strdup (sonae_store_get_path (store));
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  if (geteuid () == 0)
    {
      /* root writes anything; a read-only file still must be refused. */
    }
  g_chmod (path, 0400);
  store = sonae_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY);
  g_chmod (path, 0600);
  sonae_test_remove_dir (dir);
}

static void
test_store_sql_text_is_data (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  const char *evil = "Robert'); DROP TABLE contacts; --";
  gint64 id = sonae_test_add_contact (store, SONAE_GROUP_STAFF, evil, "' OR 1=1 --", "\"; DELETE FROM contacts;");
  g_autoptr(SonaeContact) c = sonae_contacts_get (store, id, NULL);
  g_autoptr(SonaeProfile) profile = g_new0 (SonaeProfile, 1);
  g_autoptr(SonaeProfile) read = NULL;

  g_assert_cmpstr (c->name, ==, evil);
  g_assert_cmpuint (sonae_contacts_count (store), >, 1);
  profile->name = g_strdup ("x'; DROP TABLE meta; --");
  g_assert_true (sonae_store_set_profile (store, profile, NULL));
  read = sonae_store_get_profile (store);
  g_assert_cmpstr (read->name, ==, profile->name);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create", test_store_create);
  g_test_add_func ("/store/reopen-keeps-data", test_store_reopen_keeps_data);
  g_test_add_func ("/store/migrations", test_store_migrations);
  g_test_add_func ("/store/migration-from-2", test_store_migration_from_2);
  g_test_add_func ("/store/migration-from-3", test_store_migration_from_3);
  g_test_add_func ("/store/migration-from-4", test_store_migration_from_4);
  g_test_add_func ("/store/migration-from-5", test_store_migration_from_5);
  g_test_add_func ("/store/migration-from-6", test_store_migration_from_6);
  g_test_add_func ("/store/migration-from-8", test_store_migration_from_8);
  g_test_add_func ("/store/migration-from-9", test_store_migration_from_9);
  g_test_add_func ("/store/migration-from-10", test_store_migration_from_10);
  g_test_add_func ("/store/authorities-update", test_store_authorities_update);
  g_test_add_func ("/store/authorities-update-from-2", test_store_authorities_update_from_2);
  g_test_add_func ("/store/authorities-for-kind", test_store_authorities_for_kind);
  g_test_add_func ("/store/refuses-damaged", test_store_refuses_damaged);
  g_test_add_func ("/store/refuses-foreign-and-newer", test_store_refuses_foreign_and_newer);
  g_test_add_func ("/store/refuses-read-only", test_store_refuses_read_only);
  g_test_add_func ("/store/sql-text-is-data", test_store_sql_text_is_data);

  return g_test_run ();
}
