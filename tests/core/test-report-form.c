/* test-report-form.c: the incident report (seed 004), its proposals from the
 * incident, its checks, the approval of actions and the PPC draft. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sonae-capa.h"
#include "sonae-checklist.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

#define NOW "2026-11-21T10:00:00"
#define TODAY "2026-11-21"
#define AUTHOR "山田 花子"

static void
test_fields (void)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint ppc = 0;

  g_assert_cmpuint (sonae_report_n_fields (), >=, 25);
  for (guint i = 0; i < sonae_report_n_fields (); i++)
    {
      const SonaeReportField *field = sonae_report_get_field (i);
      const char *key = sonae_report_field_get_key (field);
      SonaeReportFieldKind kind = sonae_report_field_get_kind (field);

      g_assert_true (g_hash_table_add (keys, (gpointer) key));
      g_assert_true (sonae_report_find_field (key) == field);
      g_assert_cmpstr (sonae_report_field_get_title (field), !=, "");
      if (kind == SONAE_REPORT_CHOICE || kind == SONAE_REPORT_MULTI)
        g_assert_cmpuint (sonae_report_field_get_n_options (field), >=, 2);
      else
        g_assert_cmpuint (sonae_report_field_get_n_options (field), ==, 0);
      if (sonae_report_field_get_section (field) == SONAE_REPORT_SECTION_PPC)
        ppc++;
      g_assert_cmpstr (sonae_report_section_get_title (sonae_report_field_get_section (field)), !=, "");
    }
  g_assert_cmpuint (ppc, ==, 6);
  g_assert_null (sonae_report_find_field ("no-such-field"));

  /* Seed 004's choices. */
  g_assert_cmpuint (sonae_report_field_get_n_options (sonae_report_find_field (SONAE_REPORT_IMPACT)), ==, 4);
  g_assert_cmpuint (sonae_report_field_get_n_options (sonae_report_find_field (SONAE_REPORT_HANDLING)), ==, 4);
  g_assert_cmpuint (sonae_report_field_get_n_options (sonae_report_find_field (SONAE_REPORT_CATEGORY)), ==, 11);
  g_assert_cmpuint (sonae_report_field_get_n_options (sonae_report_find_field (SONAE_REPORT_EVIDENCE)), ==, 12);

  /* Seed 003's cause groups. */
  g_assert_cmpstr (sonae_report_cause_get_group_title ("suspicious-mail"), ==, "Intentional");
  g_assert_cmpstr (sonae_report_cause_get_group_title ("operations-not-done"), ==, "Intentional");
  g_assert_cmpstr (sonae_report_cause_get_group_title ("user-mistake"), ==, "Accidental");
  g_assert_cmpstr (sonae_report_cause_get_group_title ("spill-over"), ==, "Accidental");
  g_assert_cmpstr (sonae_report_cause_get_group_title ("illness"), ==, "Environmental");
  g_assert_cmpstr (sonae_report_cause_get_group_title ("unknown"), ==, "Other");
  g_assert_null (sonae_report_cause_get_group_title ("nonsense"));
  g_assert_cmpstr (sonae_report_field_find_option_title (sonae_report_find_field (SONAE_REPORT_IMPACT), "severe"),
                   ==, "Severe");
  g_assert_null (sonae_report_field_find_option_title (sonae_report_find_field (SONAE_REPORT_IMPACT), "huge"));
}

/* Set checklist field @step_id/@field_id of @id. */
static void
set_field (SonaeStore *store,
           gint64      id,
           const char *step_id,
           const char *field_id,
           const char *value)
{
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_incidents_set_step_field (store, id, sonae_checklist_get_step (checklist, step_id),
                                                 sonae_checklist_get_field (checklist, step_id, field_id),
                                                 value, AUTHOR, &error));
  g_assert_no_error (error);
}

/* An incident with details, checklist fields and a done recovery step. */
static gint64
add_worked_incident (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sonae_test_add_incident (store, "電子カルテが開けない", "2026-11-20 09:15", 3, FALSE, AUTHOR);

  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_LOCATION, "受付 PC-3", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_SYSTEM, "電子カルテ", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_FOUND_BY, "佐藤 一郎", AUTHOR, &error));
  g_assert_no_error (error);
  set_field (store, id, "1-1", "event-case", "ransomware");
  set_field (store, id, "1-4", "what-operation", "不審なメールの添付ファイルを開いた");
  set_field (store, id, "1-4", "evidence", "power-on,photo");
  set_field (store, id, "2-14", "logs-kept", "vpn,pc");
  set_field (store, id, "2-6", "measures", "staff-told,backups-offline");
  set_field (store, id, "3-3", "recovery-actions", "バックアップから復元した");
  set_field (store, id, "2-1", "entry-notes", "VPN 機器の脆弱性");
  g_assert_true (sonae_incidents_check_step (store, id, "3-3", TRUE, "田中 健一", "2026-11-20 15:00", &error));
  g_assert_no_error (error);
  return id;
}

static void
test_proposals (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SonaeReport5w1h hearing[SONAE_REPORT_N_5W1H];
  gint64 id = add_worked_incident (store);

  report = sonae_report_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_NUMBER), ==, "2026-001");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_WRITTEN_ON), ==, TODAY);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PLACE), ==, "受付 PC-3");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_SYSTEM), ==, "電子カルテ");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_OCCURRED_AT), ==, "2026-11-20T09:15:00");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_NAME), ==, "佐藤 一郎");
  g_assert_true (g_str_has_prefix (sonae_report_get (report, SONAE_REPORT_PHENOMENON), "電子カルテが開けない\n"));
  g_assert_nonnull (strstr (sonae_report_get (report, SONAE_REPORT_PHENOMENON), "ransomware"));
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_IMPACT), ==, "severe");
  /* In the field's order, not the order they were found in. */
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_CATEGORY), ==, "system-down,malware");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_BEFORE), ==, "不審なメールの添付ファイルを開いた");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_EVIDENCE), ==, "os-log,network-log,screenshot");
  g_assert_nonnull (strstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID), "バックアップから復元した"));
  g_assert_nonnull (strstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID), "Backups taken off the network"));
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID_BY), ==, "田中 健一");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID_BY_ON), ==, "2026-11-20");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_CAUSE), ==, "VPN 機器の脆弱性");
  g_assert_null (sonae_report_get (report, SONAE_REPORT_DEPARTMENT));
  g_assert_null (sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_BY));
  g_assert_null (sonae_report_get (report, SONAE_REPORT_PREVENTIVE_NEEDED));
  g_assert_true (sonae_report_is_proposed (report, SONAE_REPORT_PLACE));
  g_assert_false (sonae_report_is_proposed (report, SONAE_REPORT_DEPARTMENT));
  g_assert_null (report->updated_at);

  sonae_report_get_5w1h (report, hearing);
  g_assert_cmpstr (hearing[0].label, ==, "When");
  g_assert_cmpstr (hearing[0].value, ==, "2026-11-20T09:15:00");
  g_assert_cmpstr (hearing[1].value, ==, "受付 PC-3");
  g_assert_cmpstr (hearing[2].value, ==, "佐藤 一郎");
  g_assert_cmpstr (hearing[4].value, ==, "不審なメールの添付ファイルを開いた");
  g_assert_cmpstr (hearing[5].value, ==, "VPN 機器の脆弱性");

  /* A proposal follows the incident. */
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_LOCATION, "診察室 2", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_level (store, id, 1, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, sonae_report_free);
  report = sonae_report_load (store, id, &error);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PLACE), ==, "診察室 2");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_IMPACT), ==, "moderate");

  g_assert_null (sonae_report_load (store, 999, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static guint
count_entries (SonaeStore *store,
               gint64      id)
{
  g_autoptr(GPtrArray) entries = sonae_incidents_list_timeline (store, id, NULL);

  return entries->len;
}

static void
test_set_fields (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_worked_incident (store);
  guint entries = count_entries (store, id);
  static const char *const refused[][2] = {
    { SONAE_REPORT_WRITTEN_ON, "2026-02-30" },
    { SONAE_REPORT_WRITTEN_ON, "2026-11-22" },           /* tomorrow */
    { SONAE_REPORT_WRITTEN_ON, "yesterday" },
    { SONAE_REPORT_OCCURRED_AT, "2026-13-01 10:00" },
    { SONAE_REPORT_PLACE, "two\nlines" },
    { SONAE_REPORT_IMPACT, "catastrophic" },
    { SONAE_REPORT_CATEGORY, "malware,meteor" },
    { SONAE_REPORT_STOP_TIME, "2:75" },
    { SONAE_REPORT_STOP_TIME, "two hours" },
    { SONAE_REPORT_STOP_TIME, "1:2:3" },
    { SONAE_REPORT_FIRST_AID_APPROVED_ON, "2026-11-31" },
  };

  /* The user's value wins, is kept, and can be forgotten again. */
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_PLACE, "  受付 PC-3（待合側） ", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_DEPARTMENT, "受付", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_CATEGORY, " malware , system-down,malware", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_STOP_TIME, "3:5", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_OCCURRED_AT, "2026/11/20 09:05", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_SYSTEM, "", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_DETAIL,
                                          "'); DROP TABLE incidents; --\n二行目", AUTHOR, &error));
  g_assert_no_error (error);
  /* Plain fields stay out of the timeline: it is the incident's record. */
  g_assert_cmpuint (count_entries (store, id), ==, entries);

  report = sonae_report_load (store, id, &error);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PLACE), ==, "受付 PC-3（待合側）");
  g_assert_false (sonae_report_is_proposed (report, SONAE_REPORT_PLACE));
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_DEPARTMENT), ==, "受付");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_CATEGORY), ==, "system-down,malware");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_STOP_TIME), ==, "3:05");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_OCCURRED_AT), ==, "2026-11-20T09:05:00");
  /* Set to nothing: not the proposal. */
  g_assert_null (sonae_report_get (report, SONAE_REPORT_SYSTEM));
  g_assert_false (sonae_report_is_proposed (report, SONAE_REPORT_SYSTEM));
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_DETAIL), ==, "'); DROP TABLE incidents; --\n二行目");
  g_assert_cmpstr (report->updated_by, ==, AUTHOR);
  g_clear_pointer (&report, sonae_report_free);

  /* Every refusal says which field and changes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) refusal = NULL;
      g_autoptr(SonaeReport) before = sonae_report_load (store, id, NULL);
      g_autoptr(SonaeReport) after = NULL;

      g_assert_false (sonae_report_save_field (store, id, refused[i][0], refused[i][1], AUTHOR, &refusal));
      g_assert_error (refusal, SONAE_ERROR, SONAE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (refusal->message,
                                       sonae_report_field_get_title (sonae_report_find_field (refused[i][0]))));
      after = sonae_report_load (store, id, NULL);
      g_assert_cmpstr (sonae_report_get (before, refused[i][0]), ==, sonae_report_get (after, refused[i][0]));
    }
  {
    g_autofree char *huge = g_strnfill (SONAE_INCIDENT_MAX_TEXT + 1, 'x');
    g_autoptr(GError) refusal = NULL;

    g_assert_false (sonae_report_save_field (store, id, SONAE_REPORT_DETAIL, huge, AUTHOR, &refusal));
    g_assert_error (refusal, SONAE_ERROR, SONAE_ERROR_TOO_LARGE);
  }
  {
    g_autoptr(GError) refusal = NULL;

    g_assert_false (sonae_report_save_field (store, id, SONAE_REPORT_DETAIL, "\xff\xfe", AUTHOR, &refusal));
    g_assert_nonnull (refusal);
    g_assert_true (refusal->domain == SONAE_ERROR);
  }
  {
    g_autoptr(GError) refusal = NULL;

    g_assert_false (sonae_report_save_field (store, id, "report-number; DROP", "x", AUTHOR, &refusal));
    g_assert_error (refusal, SONAE_ERROR, SONAE_ERROR_INVALID);
  }
  {
    g_autoptr(GError) refusal = NULL;

    g_assert_false (sonae_report_save_field (store, id, SONAE_REPORT_PLACE, "x", "  ", &refusal));
    g_assert_error (refusal, SONAE_ERROR, SONAE_ERROR_INVALID);
  }
  {
    g_autoptr(GError) refusal = NULL;

    g_assert_false (sonae_report_save_field (store, 999, SONAE_REPORT_PLACE, "x", AUTHOR, &refusal));
    g_assert_error (refusal, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  }

  /* Sign-offs are recorded in the timeline, once per change. */
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_FIRST_AID_APPROVED_BY, "院長 高橋 誠", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_FIRST_AID_APPROVED_ON, "2026-11-21", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_FIRST_AID_APPROVED_ON, "2026-11-21", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (store, id), ==, entries + 2);
  {
    g_autoptr(GPtrArray) timeline = sonae_incidents_list_timeline (store, id, NULL);
    SonaeTimelineEntry *last = g_ptr_array_index (timeline, timeline->len - 1);

    g_assert_cmpint (last->kind, ==, SONAE_ENTRY_REPORT);
    g_assert_nonnull (strstr (last->text, "2026-11-21"));
    g_assert_true (sonae_incidents_verify_timeline (store, id, NULL, &error));
    g_assert_no_error (error);
  }

  /* Forget: the proposal shows again. */
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_PLACE, NULL, AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_SYSTEM, NULL, AUTHOR, &error));
  report = sonae_report_load (store, id, &error);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PLACE), ==, "受付 PC-3");
  g_assert_true (sonae_report_is_proposed (report, SONAE_REPORT_PLACE));
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_SYSTEM), ==, "電子カルテ");
  g_clear_pointer (&report, sonae_report_free);

  /* It is all in the file. */
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  report = sonae_report_load (store, id, &error);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_DEPARTMENT), ==, "受付");
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_BY), ==, "院長 高橋 誠");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_approve_action (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeCapa) action = sonae_capa_new ();
  g_autoptr(SonaeCapa) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = sonae_test_add_incident (store, "test", "2026-11-01 09:00", 2, FALSE, AUTHOR);

  action->incident_id = id;
  action->kind = SONAE_CAPA_CORRECTIVE;
  action->text = g_strdup ("VPN 機器を更新する");
  g_assert_true (sonae_capa_save (store, action, AUTHOR, &error));
  g_assert_no_error (error);

  /* Not done yet: nothing to approve. */
  g_assert_false (sonae_capa_approve (store, action->id, NULL, "院長", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sonae_capa_complete (store, action->id, "2026-11-10", "田中", NULL, AUTHOR, &error));
  g_assert_no_error (error);
  read = sonae_capa_get (store, action->id, &error);
  g_assert_null (read->approved_by);
  g_assert_null (read->approved_on);
  g_clear_pointer (&read, sonae_capa_free);

  /* Not before it was confirmed, not in the future. */
  g_assert_false (sonae_capa_approve (store, action->id, "2026-11-09", "院長", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_capa_approve (store, action->id, "2026-11-22", "院長", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sonae_capa_approve (store, action->id, "2026-11-12", " 院長 高橋 ", AUTHOR, &error));
  g_assert_no_error (error);
  read = sonae_capa_get (store, action->id, &error);
  g_assert_cmpstr (read->approved_by, ==, "院長 高橋");
  g_assert_cmpstr (read->approved_on, ==, "2026-11-12");
  g_clear_pointer (&read, sonae_capa_free);

  /* Without a date: today. Withdrawn: both gone. */
  g_assert_true (sonae_capa_approve (store, action->id, NULL, "副院長", AUTHOR, &error));
  read = sonae_capa_get (store, action->id, &error);
  g_assert_cmpstr (read->approved_on, ==, TODAY);
  g_clear_pointer (&read, sonae_capa_free);
  g_assert_true (sonae_capa_approve (store, action->id, "2026-11-12", NULL, AUTHOR, &error));
  read = sonae_capa_get (store, action->id, &error);
  g_assert_null (read->approved_by);
  g_assert_null (read->approved_on);
  g_clear_pointer (&read, sonae_capa_free);

  /* Approved when completed: on the day it was confirmed; reopening clears it. */
  g_assert_true (sonae_capa_reopen (store, action->id, AUTHOR, &error));
  g_assert_true (sonae_capa_complete (store, action->id, "2026-11-15", "田中", "院長", AUTHOR, &error));
  read = sonae_capa_get (store, action->id, &error);
  g_assert_cmpstr (read->approved_on, ==, "2026-11-15");
  g_clear_pointer (&read, sonae_capa_free);
  g_assert_true (sonae_capa_reopen (store, action->id, AUTHOR, &error));
  read = sonae_capa_get (store, action->id, &error);
  g_assert_null (read->approved_on);
  g_assert_no_error (error);

  g_assert_true (sonae_incidents_verify_timeline (store, id, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_ppc_draft (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaePpcDraft) draft = NULL;
  g_autoptr(SonaePpcAssessment) ppc = NULL;
  g_autoptr(SonaeCapa) corrective = sonae_capa_new ();
  g_autoptr(SonaeCapa) handling = sonae_capa_new ();
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_worked_incident (store);

  draft = sonae_ppc_get_draft (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->items[0].title, ==, "Outline");
  g_assert_cmpstr (draft->items[8].title, ==, "Other");
  g_assert_nonnull (strstr (draft->items[0].text, "2026-11-20 09:15"));
  g_assert_nonnull (strstr (draft->items[0].text, "受付 PC-3"));
  g_assert_nonnull (strstr (draft->items[0].text, "電子カルテが開けない"));
  g_assert_null (draft->items[0].report_key);
  g_assert_cmpstr (draft->items[1].report_key, ==, SONAE_REPORT_PPC_DATA_ITEMS);
  g_assert_null (draft->items[1].text);
  g_assert_cmpstr (draft->items[3].text, ==, "VPN 機器の脆弱性");
  g_assert_null (draft->items[5].text);
  g_assert_null (draft->items[7].text);
  g_clear_pointer (&draft, sonae_ppc_draft_free);

  /* Filled in: the report's PPC fields, the PPC dates, the measures. */
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_PPC_DATA_ITEMS, "氏名、病名", AUTHOR, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_PPC_PERSONS, "約 1,200 名", AUTHOR, &error));
  ppc = sonae_ppc_get (store, id, &error);
  ppc->personal_data = SONAE_ANSWER_YES;
  ppc->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
  ppc->persons_notified_on = g_strdup ("2026-11-21");
  g_assert_true (sonae_ppc_set (store, id, ppc, AUTHOR, &error));
  corrective->incident_id = id;
  corrective->kind = SONAE_CAPA_CORRECTIVE;
  corrective->text = g_strdup ("VPN 機器を更新する");
  corrective->due_on = g_strdup ("2026-12-15");
  g_assert_true (sonae_capa_save (store, corrective, AUTHOR, &error));
  handling->incident_id = id;
  handling->kind = SONAE_CAPA_HANDLING;
  handling->text = g_strdup ("端末を初期化する");
  g_assert_true (sonae_capa_save (store, handling, AUTHOR, &error));
  g_assert_no_error (error);

  draft = sonae_ppc_get_draft (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->items[1].text, ==, "氏名、病名");
  g_assert_cmpstr (draft->items[2].text, ==, "約 1,200 名");
  g_assert_nonnull (strstr (draft->items[0].text, "2026-11-20"));
  g_assert_nonnull (strstr (draft->items[5].text, "2026-11-21"));
  g_assert_nonnull (strstr (draft->items[7].text, "VPN 機器を更新する"));
  g_assert_nonnull (strstr (draft->items[7].text, "2026-12-15"));
  /* The handling of the result is not a measure against a recurrence. */
  g_assert_null (strstr (draft->items[7].text, "端末を初期化する"));

  /* A preventive action makes "needed" the proposal. */
  {
    g_autoptr(SonaeCapa) preventive = sonae_capa_new ();

    preventive->incident_id = id;
    preventive->kind = SONAE_CAPA_PREVENTIVE;
    preventive->text = g_strdup ("訓練を年 2 回にする");
    g_assert_true (sonae_capa_save (store, preventive, AUTHOR, &error));
  }
  report = sonae_report_load (store, id, &error);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PREVENTIVE_NEEDED), ==, "needed");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("SONAE_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/fields", test_fields);
  g_test_add_func ("/report/proposals", test_proposals);
  g_test_add_func ("/report/set-fields", test_set_fields);
  g_test_add_func ("/report/approve-action", test_approve_action);
  g_test_add_func ("/report/ppc-draft", test_ppc_draft);

  return g_test_run ();
}
