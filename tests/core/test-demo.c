#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-capa.h"
#include "sonae-checklist.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-edits.h"
#include "sonae-mhlw.h"
#include "sonae-manual.h"
#include "sonae-reminders.h"
#include "sonae-report-form.h"
#include "sonae-store.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

static void
test_demo_fills_empty (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) vendors = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  const SonaeRoleInfo *roles;
  guint n_roles;

  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);

  profile = sonae_store_get_profile (store);
  g_assert_nonnull (profile->name);
  g_assert_cmpint (profile->kind, ==, SONAE_ORG_CLINIC);
  g_assert_true (sonae_store_get_setup_done (store));

  staff = sonae_contacts_list (store, SONAE_GROUP_STAFF, NULL);
  vendors = sonae_contacts_list (store, SONAE_GROUP_VENDOR, NULL);
  g_assert_cmpuint (staff->len, >=, 14);
  g_assert_cmpuint (staff->len, <=, 16);
  g_assert_cmpuint (vendors->len, >=, 3);
  for (guint i = 0; i < vendors->len; i++)
    g_assert_nonnull (((SonaeContact *) g_ptr_array_index (vendors, i))->system);

  /* Every role is held, the main ones with a deputy. */
  /* Every role a business has (not the care providers' own). */
  roles = sonae_roles_get_for (FALSE, &n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, roles[i].key, NULL);
      g_assert_cmpuint (holders->len, >=, 2);
    }

  /* The manual is the clinic's own: one added step, and a review on record. */
  {
    g_autoptr(GPtrArray) edits = sonae_manual_edits_list (store, NULL);
    g_autofree char *date = NULL;
    g_autofree char *by = NULL;

    g_assert_cmpuint (edits->len, ==, 1);
    g_assert_cmpstr (((SonaeManualEdit *) g_ptr_array_index (edits, 0))->parent_id, ==, "malware-staff");
    g_assert_true (sonae_manual_edits_get_review (store, &date, &by));
    g_assert_cmpstr (by, ==, "佐藤 由美");
  }

  /* One past drill, part of its checklist done, with a sound timeline. */
  {
    g_autoptr(GPtrArray) incidents = sonae_incidents_list (store, NULL, &error);
    g_autoptr(SonaeIncident) drill = NULL;
    g_autoptr(GPtrArray) entries = NULL;
    guint calls = 0, no_answer = 0, notes = 0, back_entered_notes = 0, corrections = 0;
    const SonaeStepState *state;

    g_assert_no_error (error);
    g_assert_cmpuint (incidents->len, ==, 1);
    drill = sonae_incidents_get (store, ((SonaeIncident *) g_ptr_array_index (incidents, 0))->id, &error);
    g_assert_no_error (error);
    g_assert_true (drill->drill);
    g_assert_nonnull (strstr (drill->title, "訓練"));
    g_assert_cmpint (drill->type, ==, SONAE_INCIDENT_MALWARE);
    g_assert_cmpint (drill->level, ==, 3);
    g_assert_cmpint (drill->status, ==, SONAE_STATUS_CLOSED);
    g_assert_nonnull (drill->closed_at);
    g_assert_cmpstr (drill->network, ==, "medical");
    g_assert_cmpstr (g_hash_table_lookup (drill->fields, "1-1/event-case"), ==, "ransomware");
    g_assert_nonnull (g_hash_table_lookup (drill->fields, "2-6/measures"));
    for (guint i = 0; i < 3; i++)
      {
        const char *done[] = { "1-1", "1-4", "2-6" };
        state = sonae_incident_get_step_state (drill, done[i]);
        g_assert_nonnull (state);
        g_assert_true (state->done);
      }
    g_assert_null (sonae_incident_get_step_state (drill, "2-1"));
    /* In the past, before the demo was made. */
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
      g_assert_cmpstr (drill->detected_at, <, today);
    }

    entries = sonae_incidents_list_timeline (store, drill->id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < entries->len; i++)
      {
        SonaeTimelineEntry *e = g_ptr_array_index (entries, i);

        if (e->kind != SONAE_ENTRY_NOTE)
          g_assert_false (e->back_entered);   /* recorded as it happened */
        if (e->kind == SONAE_ENTRY_CALL)
          {
            calls++;
            if (e->outcome == SONAE_CALL_NO_ANSWER)
              no_answer++;
          }
        else if (e->kind == SONAE_ENTRY_NOTE)
          {
            notes++;
            if (e->back_entered)
              {
                /* Entered later from the paper log, with both times. */
                back_entered_notes++;
                g_assert_cmpstr (e->at, <, e->recorded_at);
              }
          }
        else if (e->kind == SONAE_ENTRY_CORRECTION)
          {
            corrections++;
            g_assert_true (((SonaeTimelineEntry *) g_ptr_array_index (entries, 0))->id != e->corrects);
          }
      }
    g_assert_cmpuint (calls, >=, 3);
    g_assert_cmpuint (no_answer, ==, 1);
    g_assert_cmpuint (notes, >=, 3);
    g_assert_cmpuint (back_entered_notes, ==, 1);
    g_assert_cmpuint (corrections, ==, 1);
    g_assert_true (sonae_incidents_verify_timeline (store, drill->id, NULL, &error));
    g_assert_no_error (error);

    /* Its report: written at the debrief, the first aid approved, the
     * rest proposed from the record. */
    {
      g_autoptr(SonaeReport) report = sonae_report_load (store, drill->id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_HANDLING), ==, "stopped");
      g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_STOP_TIME), ==, "1:40");
      g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_BY), ==, "高橋 誠");
      g_assert_nonnull (sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_ON));
      g_assert_true (sonae_report_is_proposed (report, SONAE_REPORT_PLACE));
      g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PLACE), ==, drill->location);
      g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_CATEGORY), ==, "system-down,malware");
    }

    /* Its corrective and preventive actions, followed to the end. */
    {
      g_autoptr(GPtrArray) actions = sonae_capa_list (store, drill->id, &error);
      SonaeCapa *corrective, *preventive;
      guint action_entries = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (actions->len, ==, 2);
      corrective = g_ptr_array_index (actions, 0);
      preventive = g_ptr_array_index (actions, 1);
      g_assert_cmpint (corrective->kind, ==, SONAE_CAPA_CORRECTIVE);
      g_assert_nonnull (strstr (corrective->text, "マクロ"));
      g_assert_cmpstr (corrective->owner_name, ==, "田中 健一");
      g_assert_cmpint (corrective->status, ==, SONAE_CAPA_DONE);
      g_assert_nonnull (corrective->due_on);
      g_assert_nonnull (corrective->confirmed_on);
      g_assert_cmpstr (corrective->confirmed_on, <=, corrective->due_on);
      g_assert_cmpstr (corrective->confirmed_by, ==, "田中 健一");
      g_assert_cmpstr (corrective->approved_by, ==, "高橋 誠");
      g_assert_cmpint (preventive->kind, ==, SONAE_CAPA_PREVENTIVE);
      g_assert_nonnull (preventive->owner_name);
      g_assert_true (preventive->status == SONAE_CAPA_DONE || preventive->status == SONAE_CAPA_DROPPED);
      if (preventive->status == SONAE_CAPA_DONE)
        g_assert_nonnull (preventive->confirmed_by);
      else
        g_assert_nonnull (preventive->reason);
      /* Added before the drill was closed, and none left open. */
      g_assert_cmpstr (corrective->created_at, <, drill->closed_at);
      g_assert_cmpstr (preventive->updated_at, <=, drill->closed_at);
      g_assert_cmpuint (sonae_capa_count_open (store, drill->id), ==, 0);

      for (guint i = 0; i < entries->len; i++)
        if (((SonaeTimelineEntry *) g_ptr_array_index (entries, i))->kind == SONAE_ENTRY_ACTION)
          action_entries++;
      /* Two added, two done. */
      g_assert_cmpuint (action_entries, ==, 4);
      /* The last entry closes the drill. */
      {
        SonaeTimelineEntry *last = g_ptr_array_index (entries, entries->len - 1);
        g_assert_cmpint (last->kind, ==, SONAE_ENTRY_STATUS);
        g_assert_cmpstr (last->new_value, ==, "closed");
      }
    }
  }

  /* A second demo into the same folder is refused, and changes nothing. */
  {
    guint before = sonae_contacts_count (store);
    g_assert_false (sonae_demo_fill (store, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS);
    g_assert_cmpuint (sonae_contacts_count (store), ==, before);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The demo's business-continuity plan: filled, its drill linked to the
 * drill incident, a restore test overdue — and no reception system, which
 * the user adds. */
static void
test_demo_bcp (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) drills = NULL;
  g_autoptr(GPtrArray) drill_measures = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(SonaeBcpSystem) emr = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *declare = NULL;
  g_autofree char *review = NULL;
  guint no = 0, overdue = 0, done = 0, accepted = 0;
  gboolean levels[3] = { FALSE, FALSE, FALSE };
  SonaeBcpDrill *drill;

  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_bcp_is_started (store));

  for (guint i = 0; i < SONAE_BCP_N_TEXTS; i++)
    {
      g_autofree char *text = sonae_bcp_get_text (store, i, NULL);
      g_assert_nonnull (text);
    }
  policy = sonae_bcp_get_text (store, SONAE_BCP_TEXT_POLICY, NULL);
  g_assert_nonnull (strstr (policy, "紙カルテ"));
  declare = sonae_bcp_get_decider (store, SONAE_BCP_DECIDE_DECLARE);
  g_assert_cmpstr (declare, ==, SONAE_ROLE_TOP);

  events = sonae_bcp_list_events (store, &error);
  g_assert_cmpuint (events->len, ==, 8);
  for (guint i = 0; i < events->len; i++)
    g_assert_nonnull (((SonaeBcpEvent *) g_ptr_array_index (events, i))->damage);

  systems = sonae_bcp_list_systems (store, &error);
  g_assert_cmpuint (systems->len, ==, 4);
  emr = sonae_bcp_find_system (store, "電子カルテ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (emr->recovery_order, ==, 1);
  g_assert_cmpint (emr->rto_hours, ==, 4);
  g_assert_cmpint (emr->rpo_hours, ==, 24);
  g_assert_cmpint (emr->backup_generations, ==, 7);
  g_assert_cmpint (emr->backup_offline, ==, SONAE_BCP_YES);
  g_assert_cmpstr (emr->contract_no, ==, "MMS-2021-0457");
  g_assert_nonnull (strstr (emr->vendor_name, "みどりメディカルシステム"));
  g_assert_nonnull (strstr (emr->fallback, "紙カルテ"));
  g_assert_nonnull (emr->forms_location);
  g_assert_nonnull (emr->first_steps);
  g_assert_cmpstr (((SonaeBcpSystem *) g_ptr_array_index (systems, 0))->name, ==, "電子カルテ");
  /* The reception and billing system is left for the user to add. */
  for (guint i = 0; i < systems->len; i++)
    {
      const char *name = ((SonaeBcpSystem *) g_ptr_array_index (systems, i))->name;
      g_assert_null (strstr (name, "レセ"));
      g_assert_null (strstr (name, "受付"));
    }

  measures = sonae_bcp_list_measures (store, &error);
  for (guint i = 0; i < measures->len; i++)
    {
      SonaeBcpMeasure *m = g_ptr_array_index (measures, i);

      if (m->status == SONAE_CAPA_DONE)
        done++;
      else if (m->due_on != NULL && sonae_clock_days_since (m->due_on) > 0 && m->check_key == NULL)
        overdue++;
    }
  g_assert_cmpuint (done, >=, 2);
  g_assert_cmpuint (overdue, ==, 1);

  drills = sonae_bcp_list_drills (store, &error);
  g_assert_cmpuint (drills->len, ==, 1);
  drill = g_ptr_array_index (drills, 0);
  g_assert_cmpint (sonae_clock_days_since (drill->held_on), ==, 72);
  g_assert_nonnull (drill->incident_number);
  g_assert_nonnull (drill->participants);
  g_assert_nonnull (drill->findings);
  {
    g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, drill->incident_id, &error);
    g_assert_no_error (error);
    g_assert_true (incident->drill);
  }
  drill_measures = sonae_bcp_list_drill_measures (store, drill->id, &error);
  g_assert_cmpuint (drill_measures->len, ==, 2);

  risks = sonae_bcp_list_risks (store, &error);
  g_assert_cmpuint (risks->len, ==, 5);
  for (guint i = 0; i < risks->len; i++)
    {
      SonaeBcpRisk *r = g_ptr_array_index (risks, i);

      levels[sonae_risk_level (r->likelihood, r->impact)] = TRUE;
      if (r->accepted_by != NULL)
        accepted++;
    }
  g_assert_true (levels[0] && levels[1] && levels[2]);
  g_assert_cmpuint (accepted, ==, 1);

  checks = sonae_bcp_list_checks (store, &error);
  for (guint i = 0; i < checks->len; i++)
    {
      SonaeBcpCheckAnswer *a = g_ptr_array_index (checks, i);

      g_assert_cmpint (a->answer, !=, SONAE_BCP_UNKNOWN);
      if (a->answer == SONAE_BCP_NO)
        {
          no++;
          g_assert_nonnull (a->target_on);
        }
    }
  g_assert_cmpuint (no, ==, 2);
  g_assert_true (sonae_bcp_get_last_review (store, &review, NULL));
  g_assert_cmpint (sonae_clock_days_since (review), ==, 200);

  /* The reminders: the restore test of the medical records is overdue. */
  reminders = sonae_reminders_collect (store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *key = g_strdup_printf ("restore:%" G_GINT64_FORMAT, emr->id);
    gboolean found = FALSE;

    for (guint i = 0; i < reminders->len; i++)
      {
        SonaeReminder *r = g_ptr_array_index (reminders, i);

        if (g_strcmp0 (r->key, key) == 0)
          {
            found = TRUE;
            g_assert_cmpint (r->kind, ==, SONAE_REMINDER_RESTORE_TEST);
            g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_OVERDUE);
          }
        g_assert_cmpint (r->kind, !=, SONAE_REMINDER_DRILL);
        g_assert_cmpint (r->kind, !=, SONAE_REMINDER_BCP_REVIEW);
      }
    g_assert_true (found);
  }
}

static void
test_demo_refuses_user_data (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;

  guint n;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "本物 の 職員", "ほんもの", "1");
  n = sonae_contacts_count (store);
  g_assert_false (sonae_demo_fill (store, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS);
  g_assert_cmpuint (sonae_contacts_count (store), ==, n);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Words of a clinic that a business must not read in its own data. */
static const char *const clinic_words[] = {
  "患者", "診療", "医療", "医院", "カルテ", "厚生労働省", "保健所", "院長", "クリニック",
  "院内", "当院", "職員", "看護", "処方", "受診",
};

/* Every text the store holds that the demo wrote, i.e. all but the
 * bundled authorities (another task makes those follow the kind), must be
 * free of @words. */
static void
assert_store_free_of (SonaeStore        *store,
                      const char *const *words,
                      guint              n_words)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  guint n_texts = 0;

  g_assert_cmpint (sqlite3_open_v2 (sonae_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = NULL;
      sqlite3_stmt *rows = NULL;
      gboolean is_contacts = g_str_equal (table, "contacts");

      sql = is_contacts ? g_strdup ("SELECT * FROM contacts WHERE builtin_key IS NULL")
                        : g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const char *text = (const char *) sqlite3_column_text (rows, c);

            if (sqlite3_column_type (rows, c) != SQLITE_TEXT)
              continue;
            n_texts++;
            for (guint w = 0; w < n_words; w++)
              if (strstr (text, words[w]) != NULL)
                g_error ("%s.%s holds “%s”: %s", table, sqlite3_column_name (rows, c), words[w], text);
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  g_assert_cmpuint (n_texts, >, 300);
}

/* `--demo --kind business`: a small building firm of its own, as lived in
 * as the clinic, and no word of a clinic in it. */
static void
test_demo_business (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) vendors = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(SonaeIncident) drill = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) drills = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  const SonaeRoleInfo *roles;
  guint n_roles, calls = 0, no_answer = 0, back_entered = 0, corrections = 0, steps_done = 0, no = 0;
  gboolean restore_overdue = FALSE;
  gboolean levels[3] = { FALSE, FALSE, FALSE };

  g_assert_true (sonae_demo_fill_kind (store, SONAE_ORG_BUSINESS, &error));
  g_assert_no_error (error);

  profile = sonae_store_get_profile (store);
  g_assert_cmpint (profile->kind, ==, SONAE_ORG_BUSINESS);
  g_assert_cmpstr (profile->name, ==, "株式会社ひばり野工務店");
  g_assert_true (sonae_store_get_setup_done (store));

  /* Its own people, each with a reading, and its own vendors. */
  staff = sonae_contacts_list (store, SONAE_GROUP_STAFF, NULL);
  vendors = sonae_contacts_list (store, SONAE_GROUP_VENDOR, NULL);
  g_assert_cmpuint (staff->len, >=, 10);
  g_assert_cmpuint (vendors->len, >=, 4);
  for (guint i = 0; i < staff->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (staff, i);

      g_assert_nonnull (c->reading);
      g_assert_cmpstr (c->organization, ==, "株式会社ひばり野工務店");
    }
  for (guint i = 0; i < vendors->len; i++)
    g_assert_nonnull (((SonaeContact *) g_ptr_array_index (vendors, i))->system);
  /* Every role a business has (not the care providers' own). */
  roles = sonae_roles_get_for (FALSE, &n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, roles[i].key, NULL);
      g_assert_cmpuint (holders->len, >=, 2);
    }

  /* The manual made its own: a step in the outage procedure, a review. */
  edits = sonae_manual_edits_list (store, NULL);
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpstr (((SonaeManualEdit *) g_ptr_array_index (edits, 0))->parent_id, ==, "tamper-2");

  /* Its drill: an outage, worked through the manual's procedure, as a
   * business's incidents are; calls, notes, a correction, a sound
   * timeline, its actions done and the drill closed. */
  incidents = sonae_incidents_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, ==, 1);
  drill = sonae_incidents_get (store, ((SonaeIncident *) g_ptr_array_index (incidents, 0))->id, &error);
  g_assert_no_error (error);
  g_assert_true (drill->drill);
  g_assert_cmpint (drill->type, ==, SONAE_INCIDENT_TAMPER);
  g_assert_cmpint (drill->level, ==, 2);
  g_assert_cmpint (drill->status, ==, SONAE_STATUS_CLOSED);
  manual = sonae_manual_get_bundled (&error);
  g_assert_no_error (error);
  checklist = sonae_incident_get_checklist (drill, store, manual, &error);
  g_assert_no_error (error);
  g_assert_false (sonae_checklist_is_medical (checklist));
  {
    GPtrArray *phases = sonae_checklist_get_phases (checklist);

    for (guint p = 0; p < phases->len; p++)
      {
        SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);

        for (guint i = 0; i < phase->steps->len; i++)
          {
            const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, i);
            const SonaeStepState *state = sonae_incident_get_step_state (drill, step->id);

            if (state != NULL && state->done)
              steps_done++;
          }
      }
  }
  g_assert_cmpuint (steps_done, >=, 3);
  entries = sonae_incidents_list_timeline (store, drill->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (entries, i);

      if (e->kind == SONAE_ENTRY_CALL && ++calls && e->outcome == SONAE_CALL_NO_ANSWER)
        no_answer++;
      if (e->kind == SONAE_ENTRY_NOTE && e->back_entered)
        {
          back_entered++;
          g_assert_cmpstr (e->at, <, e->recorded_at);
        }
      if (e->kind == SONAE_ENTRY_CORRECTION)
        corrections++;
    }
  g_assert_cmpuint (calls, >=, 3);
  g_assert_cmpuint (no_answer, ==, 1);
  g_assert_cmpuint (back_entered, ==, 1);
  g_assert_cmpuint (corrections, ==, 1);
  g_assert_true (sonae_incidents_verify_timeline (store, drill->id, NULL, &error));
  g_assert_no_error (error);
  actions = sonae_capa_list (store, drill->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpuint (sonae_capa_count_open (store, drill->id), ==, 0);

  /* Its plan: texts, events, systems, risks of every level, a drill
   * linked to the incident, two いいえ, and a restore test overdue. */
  for (guint i = 0; i < SONAE_BCP_N_TEXTS; i++)
    {
      g_autofree char *text = sonae_bcp_get_text (store, i, NULL);
      g_assert_nonnull (text);
    }
  systems = sonae_bcp_list_systems (store, &error);
  g_assert_cmpuint (systems->len, ==, 4);
  risks = sonae_bcp_list_risks (store, &error);
  g_assert_cmpuint (risks->len, ==, 5);
  for (guint i = 0; i < risks->len; i++)
    {
      SonaeBcpRisk *r = g_ptr_array_index (risks, i);
      levels[sonae_risk_level (r->likelihood, r->impact)] = TRUE;
    }
  g_assert_true (levels[0] && levels[1] && levels[2]);
  drills = sonae_bcp_list_drills (store, &error);
  g_assert_cmpuint (drills->len, ==, 1);
  g_assert_cmpint (((SonaeBcpDrill *) g_ptr_array_index (drills, 0))->incident_id, ==, drill->id);
  checks = sonae_bcp_list_checks (store, &error);
  for (guint i = 0; i < checks->len; i++)
    {
      SonaeBcpCheckAnswer *a = g_ptr_array_index (checks, i);

      g_assert_cmpint (a->answer, !=, SONAE_BCP_UNKNOWN);
      if (a->answer == SONAE_BCP_NO)
        no++;
    }
  g_assert_cmpuint (no, ==, 2);
  reminders = sonae_reminders_collect (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      if (r->kind == SONAE_REMINDER_RESTORE_TEST && r->urgency == SONAE_URGENCY_OVERDUE)
        restore_overdue = TRUE;
      g_assert_cmpint (r->kind, !=, SONAE_REMINDER_DRILL);
    }
  g_assert_true (restore_overdue);

  /* Nothing it wrote is a clinic's. */
  assert_store_free_of (store, clinic_words, G_N_ELEMENTS (clinic_words));

  /* A second demo into the same folder is refused, and changes nothing. */
  {
    guint before = sonae_contacts_count (store);
    g_assert_false (sonae_demo_fill_kind (store, SONAE_ORG_BUSINESS, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS);
    g_assert_cmpuint (sonae_contacts_count (store), ==, before);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A clinic and a business have a demo; a hospital and a pharmacy do not. */
static void
test_demo_kinds (void)
{
  g_assert_true (sonae_demo_has_kind (SONAE_ORG_CLINIC));
  g_assert_true (sonae_demo_has_kind (SONAE_ORG_BUSINESS));
  g_assert_false (sonae_demo_has_kind (SONAE_ORG_HOSPITAL));
  g_assert_false (sonae_demo_has_kind (SONAE_ORG_PHARMACY));
}

/* The demo's MHLW checklist: the manager role held, some items answered
 * from the BCP and the roster, two いいえ that are measures of the plan,
 * one vendor's list back with its MDS/SDS and one still out. */
static void
test_demo_mhlw (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) vendors = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  guint from_data = 0, no = 0, mhlw_measures = 0, returned = 0, out = 0;

  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);

  answers = sonae_mhlw_list_answers (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < answers->len; i++)
    {
      SonaeMhlwAnswer *a = g_ptr_array_index (answers, i);

      from_data += a->from_data;
      if (a->answer == SONAE_BCP_NO)
        {
          no++;
          g_assert_nonnull (a->target_on);
          g_assert_nonnull (a->owner_name);
        }
      if (g_str_equal (a->key, "1-1") || g_str_equal (a->key, "2-1-1") || g_str_equal (a->key, "3-1") ||
          g_str_equal (a->key, "3-3"))
        {
          g_assert_true (a->from_data);
          g_assert_nonnull (a->basis);
        }
    }
  g_assert_cmpuint (from_data, >=, 4);
  g_assert_cmpuint (no, ==, 2);

  measures = sonae_bcp_list_measures (store, &error);
  for (guint i = 0; i < measures->len; i++)
    mhlw_measures += ((SonaeBcpMeasure *) g_ptr_array_index (measures, i))->mhlw_key != NULL;
  g_assert_cmpuint (mhlw_measures, ==, 2);

  vendors = sonae_mhlw_list_vendors (store, &error);
  for (guint i = 0; i < vendors->len; i++)
    {
      SonaeMhlwVendor *v = g_ptr_array_index (vendors, i);

      if (v->list_returned_on != NULL)
        {
          returned++;
          g_assert_nonnull (v->mds_received_on);
        }
      else if (v->list_sent_on != NULL)
        out++;
    }
  g_assert_cmpuint (returned, ==, 1);
  g_assert_cmpuint (out, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/fills-empty", test_demo_fills_empty);
  g_test_add_func ("/demo/refuses-user-data", test_demo_refuses_user_data);
  g_test_add_func ("/demo/bcp", test_demo_bcp);
  g_test_add_func ("/demo/business", test_demo_business);
  g_test_add_func ("/demo/kinds", test_demo_kinds);
  g_test_add_func ("/demo/mhlw", test_demo_mhlw);

  return g_test_run ();
}
