/* The business-continuity plan's store: every entity round-trips, lists
 * come in their documented order, every refusal leaves the data as it was,
 * self-check answers become measures, and everything survives reopening. */
#include "config.h"

#include <string.h>

#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

#define AUTHOR "佐藤 由美"

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

static SonaeBcpSystem *
make_system (const char *name)
{
  SonaeBcpSystem *system = sonae_bcp_system_new ();

  system->name = g_strdup (name);
  return system;
}

static SonaeBcpSystem *
add_system (SonaeStore *store,
            const char *name,
            int         order)
{
  g_autoptr(GError) error = NULL;
  SonaeBcpSystem *system = make_system (name);

  system->recovery_order = order;
  g_assert_true (sonae_bcp_save_system (store, system, &error));
  g_assert_no_error (error);
  return system;
}

static guint
count_systems (SonaeStore *store)
{
  g_autoptr(GPtrArray) list = sonae_bcp_list_systems (store, NULL);

  g_assert_nonnull (list);
  return list->len;
}

/* --- texts, deciders, reviews ------------------------------------------ */

static void
test_texts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *decider = NULL;
  g_autofree char *big = g_strnfill (SONAE_INCIDENT_MAX_TEXT + 1, 'a');
  const char *sql = "'); DROP TABLE bcp_texts; --";

  g_assert_false (sonae_bcp_is_started (f->store));
  for (guint i = 0; i < SONAE_BCP_N_TEXTS; i++)
    {
      g_assert_nonnull (sonae_bcp_text_to_string (i));
      g_assert_cmpstr (sonae_bcp_text_get_title (i), !=, "");
      g_assert_cmpstr (sonae_bcp_text_get_hint (i, SONAE_ORG_CLINIC), !=, "");
      g_assert_cmpstr (sonae_bcp_text_get_hint (i, SONAE_ORG_BUSINESS), !=, "");
      g_assert_null (sonae_bcp_get_text (f->store, i, &error));
      g_assert_no_error (error);
    }

  g_assert_true (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, sql, &error));
  g_assert_no_error (error);
  policy = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_POLICY, &error);
  g_assert_cmpstr (policy, ==, sql);
  g_assert_true (sonae_bcp_is_started (f->store));

  /* Too long, or not UTF-8: refused, the old text stays. */
  g_assert_false (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, big, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, "\xff\xfe", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (policy);
  policy = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_POLICY, NULL);
  g_assert_cmpstr (policy, ==, sql);

  /* Blank forgets it. */
  g_assert_true (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, "  \n", &error));
  g_clear_pointer (&policy, g_free);
  policy = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_POLICY, NULL);
  g_assert_null (policy);
  g_assert_false (sonae_bcp_is_started (f->store));

  /* Deciders: top until set; only bundled roles; not “started” by them. */
  decider = sonae_bcp_get_decider (f->store, SONAE_BCP_DECIDE_RETURN);
  g_assert_cmpstr (decider, ==, SONAE_ROLE_TOP);
  g_clear_pointer (&decider, g_free);
  g_assert_true (sonae_bcp_set_decider (f->store, SONAE_BCP_DECIDE_RETURN, SONAE_ROLE_LEAD, &error));
  g_assert_no_error (error);
  g_assert_false (sonae_bcp_set_decider (f->store, SONAE_BCP_DECIDE_RETURN, "janitor", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  decider = sonae_bcp_get_decider (f->store, SONAE_BCP_DECIDE_RETURN);
  g_assert_cmpstr (decider, ==, SONAE_ROLE_LEAD);
  g_clear_pointer (&decider, g_free);
  decider = sonae_bcp_get_decider (f->store, SONAE_BCP_DECIDE_DECLARE);
  g_assert_cmpstr (decider, ==, SONAE_ROLE_TOP);
  g_assert_cmpstr (sonae_bcp_decision_to_string (SONAE_BCP_DECIDE_RETURN), ==, "return");
  g_assert_false (sonae_bcp_is_started (f->store));
}

static void
test_reviews (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;

  g_assert_false (sonae_bcp_get_last_review (f->store, &date, &by));
  g_assert_null (date);
  g_assert_false (sonae_bcp_mark_reviewed (f->store, "2026-06-16", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_bcp_mark_reviewed (f->store, "2026-02-30", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (sonae_bcp_mark_reviewed (f->store, NULL, " ", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_bcp_get_last_review (f->store, NULL, NULL));

  g_assert_true (sonae_bcp_mark_reviewed (f->store, "2025-04-01", "高橋 誠", &error));
  g_assert_true (sonae_bcp_mark_reviewed (f->store, NULL, AUTHOR, &error));
  g_assert_true (sonae_bcp_mark_reviewed (f->store, "2026-01-10", "高橋 誠", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_bcp_get_last_review (f->store, &date, &by));
  g_assert_cmpstr (date, ==, "2026-06-15");
  g_assert_cmpstr (by, ==, AUTHOR);
}

/* --- events -------------------------------------------------------------- */

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpEvent) a = sonae_bcp_event_new ();
  g_autoptr(SonaeBcpEvent) b = sonae_bcp_event_new ();
  g_autoptr(SonaeBcpEvent) blank = sonae_bcp_event_new ();
  g_autoptr(GPtrArray) list = NULL;
  int added;

  a->title = g_strdup ("停電");
  a->stops = g_strdup ("全部");
  a->damage = g_strdup ("半日");
  g_assert_true (sonae_bcp_save_event (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  g_assert_cmpint (a->position, ==, 0);
  b->title = g_strdup ("'; DELETE FROM bcp_events; --");
  g_assert_true (sonae_bcp_save_event (f->store, b, &error));
  g_assert_cmpint (b->position, ==, 1);

  blank->title = g_strdup ("   ");
  g_assert_false (sonae_bcp_save_event (f->store, blank, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  /* Move the second first. */
  b->position = 0;
  a->position = 1;
  g_assert_true (sonae_bcp_save_event (f->store, b, &error));
  g_assert_true (sonae_bcp_save_event (f->store, a, &error));
  list = sonae_bcp_list_events (f->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SonaeBcpEvent *) g_ptr_array_index (list, 0))->title, ==, "'; DELETE FROM bcp_events; --");
  g_assert_cmpstr (((SonaeBcpEvent *) g_ptr_array_index (list, 1))->damage, ==, "半日");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The usual ones: eight, then none more. */
  added = sonae_bcp_add_usual_events (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, 8);
  g_assert_cmpint (sonae_bcp_add_usual_events (f->store, &error), ==, 0);
  list = sonae_bcp_list_events (f->store, &error);
  g_assert_cmpuint (list->len, ==, 10);
  for (guint i = 2; i < list->len; i++)
    g_assert_nonnull (((SonaeBcpEvent *) g_ptr_array_index (list, i))->stops);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (sonae_bcp_delete_event (f->store, a->id, &error));
  g_assert_false (sonae_bcp_delete_event (f->store, a->id, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  list = sonae_bcp_list_events (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 9);
}

/* --- systems ------------------------------------------------------------- */

/* --- a business's words -------------------------------------------------- */

static const char *const clinic_words[] = {
  "patient", "clinic", "medical", "MHLW", "health ministry", "paper chart", "care ",
  "患者", "診療", "カルテ", "医療", "厚生労働省", "医院", "院内", "院長", "職員",
};

static void
assert_no_clinic_word (const char *text)
{
  g_assert_nonnull (text);
  for (guint i = 0; i < G_N_ELEMENTS (clinic_words); i++)
    if (strstr (text, clinic_words[i]) != NULL)
      g_error ("“%s” in “%s”", clinic_words[i], text);
}

static void
set_kind (SonaeStore   *store,
          SonaeOrgKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = g_new0 (SonaeProfile, 1);

  profile->name = g_strdup ("株式会社さくら商事");
  profile->kind = kind;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
}

/* The hints, the self-check and the usual events speak of care, paper
 * charts and the health ministry to a clinic or a hospital only; a
 * business and a pharmacy read their own words. */
static void
test_business_words (Fixture       *f,
                     gconstpointer  data)
{
  const SonaeOrgKind others[] = { SONAE_ORG_BUSINESS, SONAE_ORG_PHARMACY };
  const SonaeOrgKind medical[] = { SONAE_ORG_CLINIC, SONAE_ORG_HOSPITAL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  const SonaeBcpCheckInfo *infos;
  guint n;

  infos = sonae_bcp_checks_get (&n);
  for (guint k = 0; k < G_N_ELEMENTS (others); k++)
    {
      for (guint i = 0; i < SONAE_BCP_N_TEXTS; i++)
        assert_no_clinic_word (sonae_bcp_text_get_hint (i, others[k]));
      for (guint i = 0; i < n; i++)
        {
          assert_no_clinic_word (sonae_bcp_check_get_question (infos[i].key, others[k]));
          assert_no_clinic_word (sonae_bcp_check_get_measure (infos[i].key, others[k]));
        }
    }
  /* A clinic keeps its own. */
  for (guint k = 0; k < G_N_ELEMENTS (medical); k++)
    {
      g_assert_nonnull (strstr (sonae_bcp_check_get_question ("paper-operation", medical[k]), "paper charts"));
      g_assert_nonnull (strstr (sonae_bcp_check_get_question ("contact-chart", medical[k]), "MHLW"));
      g_assert_nonnull (strstr (sonae_bcp_text_get_hint (SONAE_BCP_TEXT_POLICY, medical[k]), "patients"));
    }

  /* A business's usual events, and the measure a No of the self-check
   * makes, in its words. */
  set_kind (f->store, SONAE_ORG_BUSINESS);
  g_assert_cmpint (sonae_bcp_add_usual_events (f->store, &error), ==, 8);
  g_assert_no_error (error);
  events = sonae_bcp_list_events (f->store, &error);
  for (guint i = 0; i < events->len; i++)
    {
      SonaeBcpEvent *e = g_ptr_array_index (events, i);

      assert_no_clinic_word (e->title);
      assert_no_clinic_word (e->stops);
    }
  g_assert_true (sonae_bcp_set_check (f->store, "paper-operation", SONAE_BCP_NO, NULL, 0, &error));
  measures = sonae_bcp_list_measures (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, ==, 1);
  assert_no_clinic_word (((SonaeBcpMeasure *) g_ptr_array_index (measures, 0))->text);
  g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (measures, 0))->text, ==,
                   sonae_bcp_check_get_measure ("paper-operation", SONAE_ORG_BUSINESS));
}

static void
test_system_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = make_system ("  電子カルテ  ");
  g_autoptr(SonaeBcpSystem) read = NULL;
  g_autoptr(SonaeBcpSystem) found = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *next = NULL;
  gint64 vendor = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "みどりサポート", "みどり", "0120-000-201");
  gint64 owner = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");

  system->purpose = g_strdup ("診療記録");
  system->vendor_id = vendor;
  system->contract_no = g_strdup ("MMS-2021-0457");
  system->owner_id = owner;
  system->recovery_order = 1;
  system->rto_hours = 4;
  system->rpo_hours = 24;
  system->backup_method = g_strdup ("外付けディスク");
  system->backup_frequency = g_strdup ("毎晩");
  system->backup_generations = 7;
  system->backup_offline = SONAE_BCP_YES;
  system->backup_location = g_strdup ("金庫");
  system->restore_tested_on = g_strdup ("2026-01-10");
  system->restore_test_days = 180;
  system->fallback = g_strdup ("紙カルテ");
  system->forms_location = g_strdup ("受付の赤い箱");
  system->first_steps = g_strdup ("1. LANケーブルを抜く\n2. 連絡");
  g_assert_true (sonae_bcp_save_system (f->store, system, &error));
  g_assert_no_error (error);
  g_assert_cmpint (system->id, >, 0);
  g_assert_cmpstr (system->name, ==, "電子カルテ");
  g_assert_cmpstr (system->vendor_name, ==, "みどりサポート");
  g_assert_nonnull (system->created_at);

  read = sonae_bcp_get_system (f->store, system->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "電子カルテ");
  g_assert_cmpstr (read->purpose, ==, "診療記録");
  g_assert_cmpint (read->vendor_id, ==, vendor);
  g_assert_cmpstr (read->vendor_name, ==, "みどりサポート");
  g_assert_cmpstr (read->owner_name, ==, "田中 健一");
  g_assert_cmpstr (read->contract_no, ==, "MMS-2021-0457");
  g_assert_cmpint (read->recovery_order, ==, 1);
  g_assert_cmpint (read->rto_hours, ==, 4);
  g_assert_cmpint (read->rpo_hours, ==, 24);
  g_assert_cmpstr (read->backup_method, ==, "外付けディスク");
  g_assert_cmpstr (read->backup_frequency, ==, "毎晩");
  g_assert_cmpint (read->backup_generations, ==, 7);
  g_assert_cmpint (read->backup_offline, ==, SONAE_BCP_YES);
  g_assert_cmpstr (read->backup_location, ==, "金庫");
  g_assert_cmpstr (read->restore_tested_on, ==, "2026-01-10");
  g_assert_cmpint (read->restore_test_days, ==, 180);
  g_assert_cmpstr (read->fallback, ==, "紙カルテ");
  g_assert_cmpstr (read->forms_location, ==, "受付の赤い箱");
  g_assert_cmpstr (read->first_steps, ==, "1. LANケーブルを抜く\n2. 連絡");

  next = sonae_bcp_system_next_restore_test (read);
  g_assert_cmpstr (next, ==, "2026-07-09");

  /* Found by name, any case and spaces, or by id. */
  found = sonae_bcp_find_system (f->store, " 電子カルテ ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, system->id);
  g_clear_pointer (&found, sonae_bcp_system_free);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, system->id);
  found = sonae_bcp_find_system (f->store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, system->id);
  g_clear_pointer (&found, sonae_bcp_system_free);
  found = sonae_bcp_find_system (f->store, "レセコン", &error);
  g_assert_null (found);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "レセコン"));
  g_clear_error (&error);

  /* A deleted vendor reads as none. */
  g_assert_true (sonae_contacts_delete (f->store, vendor, NULL));
  g_clear_pointer (&read, sonae_bcp_system_free);
  read = sonae_bcp_get_system (f->store, system->id, &error);
  g_assert_null (read->vendor_name);
  g_assert_cmpint (read->vendor_id, ==, vendor);

  /* Restore test recorded. */
  g_assert_true (sonae_bcp_record_restore_test (f->store, system->id, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, sonae_bcp_system_free);
  read = sonae_bcp_get_system (f->store, system->id, &error);
  g_assert_cmpstr (read->restore_tested_on, ==, "2026-06-15");
  g_assert_false (sonae_bcp_record_restore_test (f->store, system->id, "2026-06-16", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_bcp_record_restore_test (f->store, 9999, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sonae_bcp_delete_system (f->store, system->id, &error));
  g_assert_cmpuint (count_systems (f->store), ==, 0);
}

static void
test_system_next_restore (void)
{
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_cmpint (system->rto_hours, ==, -1);
  g_assert_cmpint (system->backup_generations, ==, -1);
  g_assert_null (sonae_bcp_system_next_restore_test (system));
  system->restore_test_days = 30;
  g_assert_null (sonae_bcp_system_next_restore_test (system));   /* never tried */
  system->restore_tested_on = g_strdup ("2024-02-10");
  a = sonae_bcp_system_next_restore_test (system);
  g_assert_cmpstr (a, ==, "2024-03-11");   /* a leap year */
  system->restore_test_days = 0;
  g_assert_null (sonae_bcp_system_next_restore_test (system));
  system->restore_test_days = 365;
  b = sonae_bcp_system_next_restore_test (system);
  g_assert_cmpstr (b, ==, "2025-02-09");
}

/* Overdue: the next test was due before today, or one is planned and none
 * was done; due today is not overdue yet; no plan, never overdue. */
static void
test_system_restore_overdue (void)
{
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();
  g_autofree char *due = NULL;

  g_setenv ("SONAE_NOW", "2026-06-15T09:00:00", TRUE);
  g_assert_false (sonae_bcp_system_restore_test_overdue (system, &due));   /* no plan */
  system->restore_test_days = 30;
  g_assert_true (sonae_bcp_system_restore_test_overdue (system, &due));    /* planned, never done */
  g_assert_null (due);
  system->restore_tested_on = g_strdup ("2026-05-16");                       /* due 2026-06-15: today */
  g_assert_false (sonae_bcp_system_restore_test_overdue (system, &due));
  g_free (system->restore_tested_on);
  system->restore_tested_on = g_strdup ("2026-05-15");                       /* due yesterday */
  g_assert_true (sonae_bcp_system_restore_test_overdue (system, &due));
  g_assert_cmpstr (due, ==, "2026-06-14");
  g_unsetenv ("SONAE_NOW");
}

/* What each worksheet's place in the list says, from core. */
static void
test_worksheet_status (Fixture       *f,
                       gconstpointer  data)
{
  const char *const *names = sonae_bcp_get_worksheets ();
  g_autoptr(SonaeBcpSystem) system = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *systems = NULL;
  g_autofree char *policy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 7);
  empty = sonae_bcp_get_worksheet_status (f->store, "systems");
  g_assert_cmpstr (empty, ==, "Not written yet");
  g_assert_null (sonae_bcp_get_worksheet_status (f->store, "no-such-sheet"));

  g_setenv ("SONAE_NOW", "2026-06-15T09:00:00", TRUE);
  system = add_system (f->store, "電子カルテ", 1);
  system->restore_test_days = 30;
  system->restore_tested_on = g_strdup ("2026-01-10");
  g_assert_true (sonae_bcp_save_system (f->store, system, &error));
  g_assert_no_error (error);
  systems = sonae_bcp_get_worksheet_status (f->store, "systems");
  g_assert_cmpstr (systems, ==, "1 system · restore test due");
  g_unsetenv ("SONAE_NOW");

  g_assert_true (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, "患者の安全を最優先にする", &error));
  policy = sonae_bcp_get_worksheet_status (f->store, "policy");
  g_assert_cmpstr (policy, ==, "Written");
}

static void
test_system_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SonaeBcpSystem) a = add_system (f->store, "b-system", 0);
  g_autoptr(SonaeBcpSystem) b = add_system (f->store, "A-system", 0);
  g_autoptr(SonaeBcpSystem) c = add_system (f->store, "Z", 2);
  g_autoptr(SonaeBcpSystem) d = add_system (f->store, "Y", 1);
  g_autoptr(GPtrArray) list = sonae_bcp_list_systems (f->store, NULL);
  const char *expected[] = { "Y", "Z", "A-system", "b-system" };

  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (((SonaeBcpSystem *) g_ptr_array_index (list, i))->name, ==, expected[i]);
}

typedef void (*Spoil) (SonaeBcpSystem *system);

static void spoil_blank (SonaeBcpSystem *s) { g_free (s->name); s->name = g_strdup (" \t"); }
static void spoil_dup (SonaeBcpSystem *s) { g_free (s->name); s->name = g_strdup ("DENSHI KARUTE"); }
static void spoil_two_lines (SonaeBcpSystem *s) { g_free (s->name); s->name = g_strdup ("a\nb"); }
static void spoil_long_name (SonaeBcpSystem *s) { g_free (s->name); s->name = g_strnfill (201, 'x'); }
static void spoil_long_text (SonaeBcpSystem *s) { s->fallback = g_strnfill (20001, 'x'); }
static void spoil_utf8 (SonaeBcpSystem *s) { s->purpose = g_strdup ("ok \xc3\x28"); }
static void spoil_date (SonaeBcpSystem *s) { s->restore_tested_on = g_strdup ("2026-02-30"); }
static void spoil_future (SonaeBcpSystem *s) { s->restore_tested_on = g_strdup ("2026-06-16"); }
static void spoil_order (SonaeBcpSystem *s) { s->recovery_order = 10000; }
static void spoil_rto (SonaeBcpSystem *s) { s->rto_hours = -2; }
static void spoil_rpo (SonaeBcpSystem *s) { s->rpo_hours = 10000; }
static void spoil_generations (SonaeBcpSystem *s) { s->backup_generations = 1000; }
static void spoil_days (SonaeBcpSystem *s) { s->restore_test_days = 3651; }
static void spoil_negative_days (SonaeBcpSystem *s) { s->restore_test_days = -1; }

static void
test_system_refusals (Fixture       *f,
                      gconstpointer  data)
{
  static const Spoil spoils[] = {
    spoil_blank, spoil_dup, spoil_two_lines, spoil_long_name, spoil_long_text, spoil_utf8,
    spoil_date, spoil_future, spoil_order, spoil_rto, spoil_rpo, spoil_generations,
    spoil_days, spoil_negative_days,
  };
  g_autoptr(SonaeBcpSystem) first = add_system (f->store, "Denshi Karute", 1);
  g_autoptr(SonaeBcpSystem) second = add_system (f->store, "画像", 2);

  for (guint i = 0; i < G_N_ELEMENTS (spoils); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeBcpSystem) fresh = make_system ("新しいシステム");
      g_autoptr(SonaeBcpSystem) update = sonae_bcp_get_system (f->store, second->id, NULL);
      g_autoptr(SonaeBcpSystem) after = NULL;

      g_test_message ("spoil %u", i);
      spoils[i] (fresh);
      g_assert_false (sonae_bcp_save_system (f->store, fresh, &error));
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, SONAE_ERROR, SONAE_ERROR_INVALID) ||
                     g_error_matches (error, SONAE_ERROR, SONAE_ERROR_EXISTS));
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (fresh->id, ==, 0);
      g_clear_error (&error);

      spoils[i] (update);
      g_assert_false (sonae_bcp_save_system (f->store, update, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      g_assert_cmpuint (count_systems (f->store), ==, 2);
      after = sonae_bcp_get_system (f->store, second->id, NULL);
      g_assert_cmpstr (after->name, ==, "画像");
      g_assert_cmpint (after->recovery_order, ==, 2);
      g_assert_null (after->restore_tested_on);
      g_assert_null (after->purpose);
    }

  /* The duplicate message names the other system; renaming to itself in
   * another case is fine. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeBcpSystem) dup = make_system ("denshi karute");

    g_assert_false (sonae_bcp_save_system (f->store, dup, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, "Denshi Karute"));
    g_clear_error (&error);
    g_free (first->name);
    first->name = g_strdup ("DENSHI KARUTE");
    g_assert_true (sonae_bcp_save_system (f->store, first, &error));
    g_assert_no_error (error);
  }
}

/* --- the self-check and the measures ------------------------------------- */

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  const SonaeBcpCheckInfo *infos;
  guint n;
  gint64 owner = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");

  infos = sonae_bcp_checks_get (&n);
  g_assert_cmpuint (n, >=, 12);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (sonae_bcp_check_lookup (infos[i].key) == &infos[i]);
      g_assert_true (infos[i].step[0] >= '1' && infos[i].step[0] <= '5' && infos[i].step[1] == '\0');
      g_assert_nonnull (sonae_bcp_check_get_question (infos[i].key, SONAE_ORG_CLINIC));
      g_assert_nonnull (sonae_bcp_check_get_measure (infos[i].key, SONAE_ORG_CLINIC));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (infos[i].key, !=, infos[j].key);
    }
  g_assert_nonnull (sonae_bcp_check_lookup ("offline-backup"));
  g_assert_null (sonae_bcp_check_lookup ("nope"));

  answers = sonae_bcp_list_checks (f->store, &error);
  g_assert_cmpuint (answers->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      SonaeBcpCheckAnswer *a = g_ptr_array_index (answers, i);
      g_assert_cmpstr (a->key, ==, infos[i].key);
      g_assert_cmpint (a->answer, ==, SONAE_BCP_UNKNOWN);
      g_assert_null (a->updated_at);
    }
  g_clear_pointer (&answers, g_ptr_array_unref);

  /* Refusals. */
  g_assert_false (sonae_bcp_set_check (f->store, "nope", SONAE_BCP_YES, NULL, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_bcp_set_check (f->store, "offline-backup", SONAE_BCP_NO, "2026-13-01", owner, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_bcp_is_started (f->store));

  /* いいえ: a derived measure, with target date and owner. */
  g_assert_true (sonae_bcp_set_check (f->store, "offline-backup", SONAE_BCP_NO, "2026-01-31", owner, &error));
  g_assert_true (sonae_bcp_set_check (f->store, "drill", SONAE_BCP_YES, "2026-01-31", owner, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_bcp_is_started (f->store));
  answers = sonae_bcp_list_checks (f->store, &error);
  for (guint i = 0; i < n; i++)
    {
      SonaeBcpCheckAnswer *a = g_ptr_array_index (answers, i);

      if (g_str_equal (a->key, "offline-backup"))
        {
          g_assert_cmpint (a->answer, ==, SONAE_BCP_NO);
          g_assert_cmpstr (a->target_on, ==, "2026-01-31");
          g_assert_cmpint (a->owner_id, ==, owner);
          g_assert_cmpstr (a->owner_name, ==, "田中 健一");
          g_assert_nonnull (a->updated_at);
        }
      else if (g_str_equal (a->key, "drill"))
        {
          /* Kept only with いいえ. */
          g_assert_cmpint (a->answer, ==, SONAE_BCP_YES);
          g_assert_null (a->target_on);
          g_assert_cmpint (a->owner_id, ==, 0);
        }
    }
  measures = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpuint (measures->len, ==, 1);
  {
    SonaeBcpMeasure *m = g_ptr_array_index (measures, 0);

    g_assert_cmpint (m->id, ==, 0);
    g_assert_cmpstr (m->check_key, ==, "offline-backup");
    g_assert_cmpstr (m->text, ==, sonae_bcp_check_get_measure ("offline-backup", SONAE_ORG_CLINIC));
    g_assert_cmpstr (m->due_on, ==, "2026-01-31");
    g_assert_cmpstr (m->owner_name, ==, "田中 健一");
    g_assert_cmpint (m->status, ==, SONAE_CAPA_OPEN);

    /* It cannot be saved as it is. */
    g_assert_false (sonae_bcp_save_measure (f->store, m, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_clear_pointer (&measures, g_ptr_array_unref);

  /* はい: it goes away. */
  g_assert_true (sonae_bcp_set_check (f->store, "offline-backup", SONAE_BCP_YES, NULL, 0, &error));
  measures = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpuint (measures->len, ==, 0);

  /* Unknown again: never answered. */
  g_assert_true (sonae_bcp_set_check (f->store, "offline-backup", SONAE_BCP_UNKNOWN, NULL, 0, &error));
  g_assert_true (sonae_bcp_set_check (f->store, "drill", SONAE_BCP_UNKNOWN, NULL, 0, &error));
  g_assert_false (sonae_bcp_is_started (f->store));
}

static SonaeBcpMeasure *
add_measure (SonaeStore *store,
             const char *text,
             const char *due_on)
{
  g_autoptr(GError) error = NULL;
  SonaeBcpMeasure *m = sonae_bcp_measure_new ();

  m->text = g_strdup (text);
  m->due_on = g_strdup (due_on);
  g_assert_true (sonae_bcp_save_measure (store, m, &error));
  g_assert_no_error (error);
  return m;
}

static void
test_measures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpMeasure) late = add_measure (f->store, "late", "2026-07-01");
  g_autoptr(SonaeBcpMeasure) none = add_measure (f->store, "no date", NULL);
  g_autoptr(SonaeBcpMeasure) early = add_measure (f->store, "early", "2026-05-01");
  g_autoptr(SonaeBcpMeasure) done1 = add_measure (f->store, "done in March", "2026-03-01");
  g_autoptr(SonaeBcpMeasure) done2 = add_measure (f->store, "dropped in May", NULL);
  g_autoptr(SonaeBcpMeasure) bad = sonae_bcp_measure_new ();
  g_autoptr(GPtrArray) list = NULL;
  const char *expected[] = { "early", "2026-06-01 check", "late", "no date", "dropped in May", "done in March" };

  g_assert_cmpint (late->status, ==, SONAE_CAPA_OPEN);
  g_assert_nonnull (late->created_at);
  g_assert_true (sonae_bcp_set_measure_status (f->store, done1->id, SONAE_CAPA_DONE, "2026-03-10", &error));
  g_assert_true (sonae_bcp_set_measure_status (f->store, done2->id, SONAE_CAPA_DROPPED, "2026-05-10", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_bcp_set_check (f->store, "inventory", SONAE_BCP_NO, "2026-06-01", 0, &error));
  g_assert_no_error (error);

  list = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      SonaeBcpMeasure *m = g_ptr_array_index (list, i);

      if (i == 1)
        g_assert_cmpstr (m->check_key, ==, "inventory");
      else
        g_assert_cmpstr (m->text, ==, expected[i]);
    }
  g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (list, 5))->done_on, ==, "2026-03-10");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Back to open clears the date. */
  g_assert_true (sonae_bcp_set_measure_status (f->store, done1->id, SONAE_CAPA_OPEN, NULL, &error));
  list = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (list, 0))->text, ==, "done in March");
  g_assert_null (((SonaeBcpMeasure *) g_ptr_array_index (list, 0))->done_on);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Refusals: nothing changes. */
  g_assert_false (sonae_bcp_set_measure_status (f->store, late->id, SONAE_CAPA_DONE, "2026-06-16", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_bcp_set_measure_status (f->store, 9999, SONAE_CAPA_DONE, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  bad->text = g_strdup (" ");
  g_assert_false (sonae_bcp_save_measure (f->store, bad, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (bad->text);
  bad->text = g_strdup ("ok");
  bad->due_on = g_strdup ("2026-02-30");
  g_assert_false (sonae_bcp_save_measure (f->store, bad, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&bad->due_on, g_free);
  bad->drill_id = 77;
  g_assert_false (sonae_bcp_save_measure (f->store, bad, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  bad->drill_id = 0;
  bad->risk_id = 78;
  g_assert_false (sonae_bcp_save_measure (f->store, bad, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);
  {
    g_autoptr(SonaeBcpMeasure) change = sonae_bcp_measure_new ();

    change->id = late->id;
    change->text = g_strdup ("late");
    change->due_on = g_strdup ("31/12/2026");
    g_assert_false (sonae_bcp_save_measure (f->store, change, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
  }
  list = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    if (((SonaeBcpMeasure *) g_ptr_array_index (list, i))->id == late->id)
      g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (list, i))->due_on, ==, "2026-07-01");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Update, then delete. */
  g_free (late->text);
  late->text = g_strdup ("'); DROP TABLE bcp_measures; --");
  g_assert_true (sonae_bcp_save_measure (f->store, late, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_bcp_delete_measure (f->store, none->id, &error));
  g_assert_false (sonae_bcp_delete_measure (f->store, none->id, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected) - 1);
  {
    gboolean seen = FALSE;
    for (guint i = 0; i < list->len; i++)
      seen |= g_strcmp0 (((SonaeBcpMeasure *) g_ptr_array_index (list, i))->text,
                         "'); DROP TABLE bcp_measures; --") == 0;
    g_assert_true (seen);
  }
}

/* --- drills -------------------------------------------------------------- */

static void
test_drills (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpDrill) old = sonae_bcp_drill_new ();
  g_autoptr(SonaeBcpDrill) drill = sonae_bcp_drill_new ();
  g_autoptr(SonaeBcpDrill) read = NULL;
  g_autoptr(SonaeBcpMeasure) m1 = NULL;
  g_autoptr(SonaeBcpMeasure) m2 = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *last = NULL;
  gint64 drill_incident = sonae_test_add_incident (f->store, "訓練", NULL, 2, TRUE, AUTHOR);
  gint64 real_incident = sonae_test_add_incident (f->store, "本物", NULL, 2, FALSE, AUTHOR);

  g_assert_null (sonae_bcp_get_last_drill_date (f->store));

  old->held_on = g_strdup ("2025-03-01");
  old->scenario = g_strdup ("停電");
  g_assert_true (sonae_bcp_save_drill (f->store, old, &error));
  g_assert_no_error (error);

  drill->held_on = g_strdup ("2026-04-02");
  drill->scenario = g_strdup ("ランサムウェア");
  drill->participants = g_strdup ("全員");
  drill->findings = g_strdup ("処置室を忘れた");
  drill->incident_id = drill_incident;
  g_assert_true (sonae_bcp_save_drill (f->store, drill, &error));
  g_assert_no_error (error);
  g_assert_nonnull (drill->incident_number);

  read = sonae_bcp_get_drill (f->store, drill->id, &error);
  g_assert_cmpstr (read->held_on, ==, "2026-04-02");
  g_assert_cmpstr (read->scenario, ==, "ランサムウェア");
  g_assert_cmpstr (read->participants, ==, "全員");
  g_assert_cmpstr (read->findings, ==, "処置室を忘れた");
  g_assert_cmpint (read->incident_id, ==, drill_incident);
  g_assert_cmpstr (read->incident_number, ==, drill->incident_number);

  list = sonae_bcp_list_drills (f->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SonaeBcpDrill *) g_ptr_array_index (list, 0))->id, ==, drill->id);
  g_clear_pointer (&list, g_ptr_array_unref);
  last = sonae_bcp_get_last_drill_date (f->store);
  g_assert_cmpstr (last, ==, "2026-04-02");

  /* Refusals. */
  {
    g_autoptr(SonaeBcpDrill) bad = sonae_bcp_drill_new ();

    bad->scenario = g_strdup ("x");
    g_assert_false (sonae_bcp_save_drill (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->held_on = g_strdup ("2026-06-16");
    g_assert_false (sonae_bcp_save_drill (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bad->held_on);
    bad->held_on = g_strdup ("2026-02-30");
    g_assert_false (sonae_bcp_save_drill (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bad->held_on);
    bad->held_on = g_strdup ("2026-02-20");
    g_free (bad->scenario);
    bad->scenario = NULL;
    g_assert_false (sonae_bcp_save_drill (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->scenario = g_strdup ("x");
    bad->incident_id = real_incident;
    g_assert_false (sonae_bcp_save_drill (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->incident_id = 9999;
    g_assert_false (sonae_bcp_save_drill (f->store, bad, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    /* Re-linking the good drill to the real thing is refused too. */
    drill->incident_id = real_incident;
    g_assert_false (sonae_bcp_save_drill (f->store, drill, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    drill->incident_id = drill_incident;
  }
  list = sonae_bcp_list_drills (f->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SonaeBcpDrill *) g_ptr_array_index (list, 0))->incident_id, ==, drill_incident);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Its measures, in the order they were added; they outlive it. */
  m1 = sonae_bcp_measure_new ();
  m1->text = g_strdup ("second thing");
  m1->drill_id = drill->id;
  m1->due_on = g_strdup ("2026-01-01");
  g_assert_true (sonae_bcp_save_measure (f->store, m1, &error));
  m2 = sonae_bcp_measure_new ();
  m2->text = g_strdup ("third thing");
  m2->drill_id = drill->id;
  g_assert_true (sonae_bcp_save_measure (f->store, m2, &error));
  g_assert_no_error (error);
  list = sonae_bcp_list_drill_measures (f->store, drill->id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SonaeBcpMeasure *) g_ptr_array_index (list, 0))->id, ==, m1->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (sonae_bcp_delete_drill (f->store, drill->id, &error));
  g_assert_no_error (error);
  g_assert_false (sonae_bcp_delete_drill (f->store, drill->id, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((SonaeBcpMeasure *) g_ptr_array_index (list, i))->drill_id, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_free (last);
  last = sonae_bcp_get_last_drill_date (f->store);
  g_assert_cmpstr (last, ==, "2025-03-01");
}

/* --- risks --------------------------------------------------------------- */

static void
test_risk_levels (void)
{
  g_assert_cmpint (sonae_risk_level (1, 1), ==, SONAE_RISK_LOW);
  g_assert_cmpint (sonae_risk_level (1, 2), ==, SONAE_RISK_LOW);
  g_assert_cmpint (sonae_risk_level (3, 1), ==, SONAE_RISK_MEDIUM);
  g_assert_cmpint (sonae_risk_level (2, 2), ==, SONAE_RISK_MEDIUM);
  g_assert_cmpint (sonae_risk_level (2, 3), ==, SONAE_RISK_HIGH);
  g_assert_cmpint (sonae_risk_level (3, 3), ==, SONAE_RISK_HIGH);
  for (int i = 1; i <= 3; i++)
    {
      g_assert_cmpstr (sonae_risk_likelihood_get_title (i), !=, "");
      g_assert_cmpstr (sonae_risk_impact_get_title (i), !=, "");
    }
  for (guint t = 0; t < SONAE_N_RISK_TREATMENTS; t++)
    {
      SonaeRiskTreatment back;

      g_assert_true (sonae_risk_treatment_from_string (sonae_risk_treatment_to_string (t), &back));
      g_assert_cmpint (back, ==, t);
      g_assert_cmpstr (sonae_risk_treatment_get_title (t), !=, "");
    }
  g_assert_false (sonae_risk_treatment_from_string ("ignore", NULL));
  {
    SonaeBcpAnswer a;
    g_assert_true (sonae_bcp_answer_from_string ("no", &a));
    g_assert_cmpint (a, ==, SONAE_BCP_NO);
    g_assert_cmpstr (sonae_bcp_answer_to_string (SONAE_BCP_YES), ==, "yes");
    g_assert_false (sonae_bcp_answer_from_string ("maybe", &a));
  }
}

static SonaeBcpRisk *
add_risk (SonaeStore *store,
          const char *text,
          int         likelihood,
          int         impact,
          const char *review)
{
  g_autoptr(GError) error = NULL;
  SonaeBcpRisk *risk = sonae_bcp_risk_new ();

  risk->risk = g_strdup (text);
  risk->likelihood = likelihood;
  risk->impact = impact;
  risk->next_review_on = g_strdup (review);
  g_assert_true (sonae_bcp_save_risk (store, risk, &error));
  g_assert_no_error (error);
  return risk;
}

static void
test_risks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpRisk) low = add_risk (f->store, "low", 1, 2, NULL);
  g_autoptr(SonaeBcpRisk) high_late = add_risk (f->store, "high late", 3, 2, "2026-12-01");
  g_autoptr(SonaeBcpRisk) medium = add_risk (f->store, "medium", 2, 2, NULL);
  g_autoptr(SonaeBcpRisk) high_soon = add_risk (f->store, "high soon", 2, 3, "2026-07-01");
  g_autoptr(SonaeBcpRisk) read = NULL;
  g_autoptr(SonaeBcpMeasure) m = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *expected[] = { "high soon", "high late", "medium", "low" };
  gint64 owner = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");

  list = sonae_bcp_list_risks (f->store, &error);
  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (((SonaeBcpRisk *) g_ptr_array_index (list, i))->risk, ==, expected[i]);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Accepted: the date defaults to today; the round trip. */
  low->treatment = SONAE_RISK_ACCEPT;
  low->treatment_text = g_strdup ("受け入れる");
  low->owner_id = owner;
  low->accepted_by = g_strdup ("高橋 誠");
  g_assert_true (sonae_bcp_save_risk (f->store, low, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (low->accepted_on, ==, "2026-06-15");
  read = sonae_bcp_get_risk (f->store, low->id, &error);
  g_assert_cmpint (read->treatment, ==, SONAE_RISK_ACCEPT);
  g_assert_cmpstr (read->treatment_text, ==, "受け入れる");
  g_assert_cmpstr (read->owner_name, ==, "田中 健一");
  g_assert_cmpstr (read->accepted_by, ==, "高橋 誠");
  g_assert_cmpstr (read->accepted_on, ==, "2026-06-15");
  g_assert_cmpint (read->likelihood, ==, 1);
  g_assert_cmpint (read->impact, ==, 2);

  /* Refusals, nothing changed. */
  {
    g_autoptr(SonaeBcpRisk) bad = sonae_bcp_get_risk (f->store, medium->id, NULL);
    g_autoptr(SonaeBcpRisk) after = NULL;

    bad->likelihood = 4;
    g_assert_false (sonae_bcp_save_risk (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->likelihood = 2;
    bad->impact = 0;
    g_assert_false (sonae_bcp_save_risk (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->impact = 3;
    bad->next_review_on = g_strdup ("2026-02-30");
    g_assert_false (sonae_bcp_save_risk (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&bad->next_review_on, g_free);
    bad->accepted_on = g_strdup ("2026-06-01");
    g_assert_false (sonae_bcp_save_risk (f->store, bad, &error));   /* without a name */
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->accepted_by = g_strdup ("高橋 誠");
    g_free (bad->accepted_on);
    bad->accepted_on = g_strdup ("2026-07-01");
    g_assert_false (sonae_bcp_save_risk (f->store, bad, &error));   /* in the future */
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&bad->accepted_on, g_free);
    g_clear_pointer (&bad->accepted_by, g_free);
    g_free (bad->risk);
    bad->risk = g_strdup ("");
    g_assert_false (sonae_bcp_save_risk (f->store, bad, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);

    after = sonae_bcp_get_risk (f->store, medium->id, NULL);
    g_assert_cmpstr (after->risk, ==, "medium");
    g_assert_cmpint (after->impact, ==, 2);
    g_assert_null (after->accepted_by);
  }

  /* A measure treating it stays when it goes. */
  m = sonae_bcp_measure_new ();
  m->text = g_strdup ("UPS");
  m->risk_id = high_soon->id;
  g_assert_true (sonae_bcp_save_measure (f->store, m, &error));
  g_assert_true (sonae_bcp_delete_risk (f->store, high_soon->id, &error));
  g_assert_no_error (error);
  g_assert_null (sonae_bcp_get_risk (f->store, high_soon->id, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = sonae_bcp_list_measures (f->store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SonaeBcpMeasure *) g_ptr_array_index (list, 0))->risk_id, ==, 0);
  g_assert_false (sonae_bcp_delete_risk (f->store, high_soon->id, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
}

/* --- signal and persistence ----------------------------------------------- */

static void
on_changed (SonaeStore *store,
            const char *detail,
            gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_signal (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = NULL;
  g_autoptr(SonaeBcpSystem) bad = make_system ("");
  guint count = 0;
  gulong id = g_signal_connect (f->store, "changed::bcp", G_CALLBACK (on_changed), &count);

  system = add_system (f->store, "電子カルテ", 1);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_TRAINING, "年1回", &error));
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (sonae_bcp_set_check (f->store, "drill", SONAE_BCP_YES, NULL, 0, &error));
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (sonae_bcp_add_usual_events (f->store, &error), ==, 8);
  g_assert_cmpuint (count, ==, 4);   /* once for all eight */
  g_assert_false (sonae_bcp_save_system (f->store, bad, NULL));
  g_assert_cmpuint (count, ==, 4);
  g_assert_true (sonae_bcp_delete_system (f->store, system->id, &error));
  g_assert_cmpuint (count, ==, 5);
  g_signal_handler_disconnect (f->store, id);
}

static void
test_persistence (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = add_system (f->store, "電子カルテ", 1);
  g_autoptr(SonaeBcpRisk) risk = add_risk (f->store, "停電", 2, 2, "2026-09-01");
  g_autoptr(SonaeBcpMeasure) measure = add_measure (f->store, "UPS", "2026-08-01");
  g_autoptr(SonaeBcpDrill) drill = sonae_bcp_drill_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *decider = NULL;
  g_autofree char *date = NULL;

  drill->held_on = g_strdup ("2026-05-01");
  drill->scenario = g_strdup ("停電");
  g_assert_true (sonae_bcp_save_drill (f->store, drill, &error));
  g_assert_true (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, "診療を続ける", &error));
  g_assert_true (sonae_bcp_set_decider (f->store, SONAE_BCP_DECIDE_DECLARE, SONAE_ROLE_LEAD, &error));
  g_assert_true (sonae_bcp_set_check (f->store, "review", SONAE_BCP_NO, "2026-07-01", 0, &error));
  g_assert_true (sonae_bcp_mark_reviewed (f->store, "2026-01-05", AUTHOR, &error));
  g_assert_cmpint (sonae_bcp_add_usual_events (f->store, &error), ==, 8);
  g_assert_no_error (error);

  g_clear_object (&f->store);
  f->store = sonae_store_open (f->dir, &error);
  g_assert_no_error (error);

  policy = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_POLICY, NULL);
  g_assert_cmpstr (policy, ==, "診療を続ける");
  decider = sonae_bcp_get_decider (f->store, SONAE_BCP_DECIDE_DECLARE);
  g_assert_cmpstr (decider, ==, SONAE_ROLE_LEAD);
  g_assert_true (sonae_bcp_get_last_review (f->store, &date, NULL));
  g_assert_cmpstr (date, ==, "2026-01-05");
  g_assert_cmpuint (count_systems (f->store), ==, 1);
  list = sonae_bcp_list_events (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 8);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sonae_bcp_list_risks (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sonae_bcp_list_drills (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sonae_bcp_list_measures (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 2);   /* one stored, one from the self-check */
  g_assert_true (sonae_bcp_is_started (f->store));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("SONAE_TESTING", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/bcp/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("texts", test_texts);
  ADD ("reviews", test_reviews);
  ADD ("events", test_events);
  ADD ("business-words", test_business_words);
  ADD ("system/round-trip", test_system_round_trip);
  ADD ("system/order", test_system_order);
  ADD ("system/refusals", test_system_refusals);
  ADD ("checks", test_checks);
  ADD ("measures", test_measures);
  ADD ("drills", test_drills);
  ADD ("risks", test_risks);
  ADD ("signal", test_signal);
  ADD ("persistence", test_persistence);
  ADD ("worksheet-status", test_worksheet_status);
#undef ADD
  g_test_add_func ("/bcp/system/next-restore", test_system_next_restore);
  g_test_add_func ("/bcp/system/restore-overdue", test_system_restore_overdue);
  g_test_add_func ("/bcp/risk-levels", test_risk_levels);

  return g_test_run ();
}
