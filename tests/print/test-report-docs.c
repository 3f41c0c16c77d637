/* test-report-docs.c: the reporting documents (the incident report of seed
 * 004, the draft of the PPC's nine items, the year's register) exported to
 * PDF and read back with poppler */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "sonae-capa.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

#define ORG_NAME "さくら内科クリニック"
#define DRILL_BAND "DRILL — an exercise, not a real incident"
#define AUTHOR "山田 太郎"

static void
export_incident_doc (SonaeStore *store,
                     const char *name,
                     gint64      id,
                     const char *path,
                     SonaeTestPdf        *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_test_build_document (store, name, SONAE_DOCUMENT_FOR_INCIDENT, id, 0, &error);

  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

static void
export_register (SonaeStore *store,
                 int         year,
                 const char *path,
                 SonaeTestPdf        *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_test_build_document (store, "register", SONAE_DOCUMENT_FOR_YEAR, 0, year, &error);

  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

static SonaeStore *
open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) ORG_NAME, SONAE_ORG_CLINIC, (char *) "東京都", NULL, (char *) "03-0000-0000" };
  SonaeStore *store = sonae_test_open_store (out_dir);

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  g_assert_no_error (error);
  return store;
}

static void
set_report (SonaeStore *store,
            gint64      id,
            const char *key,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_report_save_field (store, id, key, value, AUTHOR, &error));
  g_assert_no_error (error);
}

static gint64
add_action (SonaeStore   *store,
            gint64        id,
            SonaeCapaKind kind,
            const char   *text,
            gint64        owner_id,
            const char   *due_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeCapa) action = sonae_capa_new ();

  action->incident_id = id;
  action->kind = kind;
  action->text = g_strdup (text);
  action->owner_id = owner_id;
  action->due_on = g_strdup (due_on);
  g_assert_true (sonae_capa_save (store, action, AUTHOR, &error));
  g_assert_no_error (error);
  return action->id;
}

static char *
number_of (SonaeStore *store,
           gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, id, &error);

  g_assert_no_error (error);
  return g_strdup (incident->number);
}

static const char *
option_title (const char *key,
              const char *option)
{
  const SonaeReportField *field = sonae_report_find_field (key);
  const char *title;

  g_assert_nonnull (field);
  title = sonae_report_field_find_option_title (field, option);
  g_assert_nonnull (title);
  return title;
}

static const char *
title_of (const char *key)
{
  const SonaeReportField *field = sonae_report_find_field (key);

  g_assert_nonnull (field);
  return sonae_report_field_get_title (field);
}

/* ---- tests ---------------------------------------------------------- */

static void
test_names (void)
{
  const char *const *names = sonae_documents_get_names ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir);
  gint64 id;

  g_assert_true (g_strv_contains (names, "report"));
  g_assert_true (g_strv_contains (names, "ppc-draft"));
  g_assert_true (g_strv_contains (names, "register"));
  g_assert_cmpstr (sonae_documents_get_title ("report"), ==, "Incident Report");
  g_assert_cmpstr (sonae_documents_get_title ("ppc-draft"), ==, "PPC Report Draft");
  g_assert_cmpstr (sonae_documents_get_title ("register"), ==, "Incident Register");

  /* Without an incident, the blank forms (tests/print/test-paper-forms.c). */
  g_assert_false (sonae_documents_needs_incident ("report"));
  g_assert_false (sonae_documents_needs_incident ("ppc-draft"));
  g_assert_true (sonae_documents_takes_incident ("report"));
  g_assert_true (sonae_documents_takes_incident ("ppc-draft"));
  g_assert_false (sonae_documents_takes_incident ("register"));
  g_assert_false (sonae_documents_needs_incident ("register"));
  g_assert_true (sonae_documents_takes_year ("register"));
  for (const char *const *n = (const char *const[]) { "report", "ppc-draft", "roster", "checklist", "timeline", "nonsense", NULL }; *n; n++)
    g_assert_false (sonae_documents_takes_year (*n));

  /* Without an incident: the blank form, not an error. */
  for (const char *const *n = (const char *const[]) { "report", "ppc-draft", NULL }; *n; n++)
    {
      g_autoptr(SonaeDocument) blank = sonae_documents_build (store, *n, SONAE_PAPER_A4, &error);

      g_assert_no_error (error);
      g_assert_nonnull (blank);
    }

  id = sonae_test_add_incident (store, "電子カルテが開かない", "2026-11-30T08:40:00", 2, FALSE, AUTHOR);
  g_assert_null (sonae_test_build_document (store, "register", SONAE_DOCUMENT_FOR_INCIDENT, id, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sonae_test_build_document (store, "report", SONAE_DOCUMENT_FOR_INCIDENT, id + 100, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sonae_test_build_document (store, "ppc-draft", SONAE_DOCUMENT_FOR_INCIDENT, id + 100, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A year only for the register, and a real one. */
  g_assert_null (sonae_test_build_document (store, "roster", SONAE_DOCUMENT_FOR_YEAR, 0, 2026, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sonae_test_build_document (store, "nonsense", SONAE_DOCUMENT_FOR_YEAR, 0, 2026, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  for (const int *y = (const int[]) { 12, -2026, 10000, 0x7fffffff, 1 }; *y != 1; y++)
    {
      g_assert_null (sonae_test_build_document (store, "register", SONAE_DOCUMENT_FOR_YEAR, 0, *y, &error));
      g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir);
  g_autofree char *path = NULL;
  g_autofree char *number = NULL;
  g_autofree char *before_then_evidence = NULL;
  g_autoptr(SonaeReport) report = NULL;
  SonaeReport5w1h hearing[SONAE_REPORT_N_5W1H];
  g_auto(SonaeTestPdf) pdf;
  gint64 id, owner, corrective;
  gssize at = 0;

  id = sonae_test_add_incident (store, "受付PCに身代金要求の画面", "2026-11-30T08:40:00", 2, FALSE, AUTHOR);
  number = number_of (store, id);
  owner = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "高橋 誠", "たかはし まこと", "090-1111-2222");

  set_report (store, id, SONAE_REPORT_PLACE, "受付 PC-3");
  set_report (store, id, SONAE_REPORT_SYSTEM, "レセプトコンピュータ");
  set_report (store, id, SONAE_REPORT_DEPARTMENT, "医事課");
  set_report (store, id, SONAE_REPORT_IMPACT, "major");
  set_report (store, id, SONAE_REPORT_STOP_TIME, "2:30");
  set_report (store, id, SONAE_REPORT_HANDLING, "stopped");
  set_report (store, id, SONAE_REPORT_CATEGORY, "malware,other");
  set_report (store, id, SONAE_REPORT_CATEGORY_OTHER, "画面に脅迫文");
  set_report (store, id, SONAE_REPORT_BEFORE, "");
  set_report (store, id, SONAE_REPORT_EVIDENCE, "screenshot");
  set_report (store, id, SONAE_REPORT_FIRST_AID, "LANケーブルを抜いた");
  set_report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_BY, "院長 鈴木一郎");
  set_report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_ON, "2026-11-30");
  set_report (store, id, SONAE_REPORT_CAUSE, "添付ファイルを開いた");
  set_report (store, id, SONAE_REPORT_CAUSE_TYPE, "suspicious-mail");

  corrective = add_action (store, id, SONAE_CAPA_CORRECTIVE, "メール添付ファイルの実行を禁止する", owner, "2026-12-20");
  g_assert_true (sonae_capa_complete (store, corrective, "2026-12-01", "田中 花子", "佐藤 由美", AUTHOR, &error));
  g_assert_no_error (error);
  add_action (store, id, SONAE_CAPA_HANDLING, "受付PCを初期化して復元する", owner, "2026-12-05");

  path = g_build_filename (dir, "report.pdf", NULL);
  export_incident_doc (store, "report", id, path, &pdf);

  g_assert_cmpuint (pdf.n_pages, >=, 2);
  for (guint i = 0; i < pdf.n_pages; i++)
    {
      sonae_test_assert_contains (pdf.pages[i], ORG_NAME);
      sonae_test_assert_not_contains (pdf.pages[i], DRILL_BAND);
    }
  sonae_test_assert_contains (pdf.pages[0], "Incident Report");
  sonae_test_assert_contains (pdf.pages[0], number);

  /* The top of the form, with the values typed in. */
  at = sonae_test_offset_of (pdf.all, title_of (SONAE_REPORT_PLACE), 0);
  at = sonae_test_offset_of (pdf.all, "受付 PC-3", at);
  sonae_test_assert_contains (pdf.all, "レセプトコンピュータ");
  sonae_test_assert_contains (pdf.all, "医事課");
  sonae_test_assert_contains (pdf.all, "2026-11-30 08:40");

  /* The chosen options ticked, the others not. */
  {
    g_autofree char *major = g_strdup_printf ("■%s", option_title (SONAE_REPORT_IMPACT, "major"));
    g_autofree char *severe = g_strdup_printf ("□%s", option_title (SONAE_REPORT_IMPACT, "severe"));
    g_autofree char *severe_on = g_strdup_printf ("■%s", option_title (SONAE_REPORT_IMPACT, "severe"));
    g_autofree char *stopped = g_strdup_printf ("■%s", option_title (SONAE_REPORT_HANDLING, "stopped"));
    g_autofree char *malware = g_strdup_printf ("■%s", option_title (SONAE_REPORT_CATEGORY, "malware"));
    g_autofree char *other = g_strdup_printf ("■%s (画面に脅迫文)", option_title (SONAE_REPORT_CATEGORY, "other"));
    g_autofree char *slowdown = g_strdup_printf ("□%s", option_title (SONAE_REPORT_CATEGORY, "slowdown"));
    g_autofree char *screenshot = g_strdup_printf ("■%s", option_title (SONAE_REPORT_EVIDENCE, "screenshot"));
    g_autofree char *os_log = g_strdup_printf ("□%s", option_title (SONAE_REPORT_EVIDENCE, "os-log"));
    g_autofree char *mail = g_strdup_printf ("■%s", option_title (SONAE_REPORT_CAUSE_TYPE, "suspicious-mail"));

    sonae_test_assert_contains (pdf.all, major);
    sonae_test_assert_contains (pdf.all, severe);
    sonae_test_assert_not_contains (pdf.all, severe_on);
    sonae_test_assert_contains (pdf.all, stopped);
    sonae_test_assert_contains (pdf.all, malware);
    sonae_test_assert_contains (pdf.all, other);
    sonae_test_assert_contains (pdf.all, slowdown);
    sonae_test_assert_contains (pdf.all, screenshot);
    sonae_test_assert_contains (pdf.all, os_log);
    sonae_test_assert_contains (pdf.all, mail);
    sonae_test_assert_contains (pdf.all, sonae_report_cause_get_group_title ("suspicious-mail"));
  }
  /* Stopped for 2 h 30 min. */
  sonae_test_assert_contains (pdf.all, "■Stopped (2 h 30 min)");
  sonae_test_assert_contains (pdf.all, sonae_report_event_get_phrase (SONAE_EVENT_MALWARE));

  /* A field set to nothing is a blank box to write in. */
  before_then_evidence = g_strdup_printf ("%s (%s)%s", title_of (SONAE_REPORT_BEFORE),
                                          sonae_report_field_get_hint (sonae_report_find_field (SONAE_REPORT_BEFORE)),
                                          title_of (SONAE_REPORT_EVIDENCE));
  sonae_test_assert_contains (pdf.all, before_then_evidence);

  /* First aid with its sign-offs. */
  at = sonae_test_offset_of (pdf.all, title_of (SONAE_REPORT_FIRST_AID), 0);
  at = sonae_test_offset_of (pdf.all, "LANケーブルを抜いた", at);
  at = sonae_test_offset_of (pdf.all, title_of (SONAE_REPORT_FIRST_AID_APPROVED_BY), at);
  at = sonae_test_offset_of (pdf.all, "院長 鈴木一郎", at);
  sonae_test_assert_contains (pdf.all, "添付ファイルを開いた");

  /* The actions: the handling of the result, then the corrective action
   * with its owner, due date and confirmation (the columns of a row may
   * come out of the PDF in any order). */
  at = sonae_test_offset_of (pdf.all, "Handling of what the incident caused", 0);
  at = sonae_test_offset_of (pdf.all, "受付PCを初期化して復元する", at);
  at = sonae_test_offset_of (pdf.all, "Measures against the cause, so that it does not happen again (corrective action)", at);
  at = sonae_test_offset_of (pdf.all, "メール添付ファイルの実行を禁止する", at);
  for (const char *const *v = (const char *const[]) { "2026-12-20", "高橋 誠", "2026-12-01", "田中 花子", "佐藤 由美", NULL }; *v; v++)
    sonae_test_offset_of (pdf.all, *v, at);
  sonae_test_assert_contains (pdf.all, sonae_capa_status_get_title (SONAE_CAPA_DONE));
  sonae_test_assert_contains (pdf.all, sonae_capa_status_get_title (SONAE_CAPA_OPEN));
  at = sonae_test_offset_of (pdf.all, sonae_capa_kind_get_title (SONAE_CAPA_PREVENTIVE), at);

  /* The 5W1H hearing, and the route to sign at the end. */
  report = sonae_report_load (store, id, &error);
  g_assert_no_error (error);
  sonae_report_get_5w1h (report, hearing);
  at = sonae_test_offset_of (pdf.all, "Hearing (5W1H)", at);
  for (guint i = 0; i < SONAE_REPORT_N_5W1H; i++)
    {
      at = sonae_test_offset_of (pdf.all, hearing[i].label, at);
      if (hearing[i].value != NULL && strchr (hearing[i].value, 'T') != NULL && g_ascii_isdigit (hearing[i].value[0]))
        {
          g_autofree char *when = sonae_datetime_format (hearing[i].value);

          at = sonae_test_offset_of (pdf.all, when, at);
        }
      else if (hearing[i].value != NULL)
        at = sonae_test_offset_of (pdf.all, hearing[i].value, at);
    }
  at = sonae_test_offset_of (pdf.all, "Department head", at);
  at = sonae_test_offset_of (pdf.all, "Information systems department", at);
  at = sonae_test_offset_of (pdf.all, "Personal information committee", at);
  sonae_test_assert_contains (pdf.pages[pdf.n_pages - 1], "Personal information committee");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_report_drill_blank (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir);
  g_autofree char *path = NULL;
  g_auto(SonaeTestPdf) pdf;
  gint64 id;

  id = sonae_test_add_incident (store, "訓練：ランサムウェア", "2026-11-30T08:40:00", 3, TRUE, AUTHOR);
  path = g_build_filename (dir, "drill.pdf", NULL);
  export_incident_doc (store, "report", id, path, &pdf);

  /* A drill is marked on every page. */
  for (guint i = 0; i < pdf.n_pages; i++)
    sonae_test_assert_contains (pdf.pages[i], DRILL_BAND);
  /* Nothing of the actions yet: rows to write in, nothing ticked in the
   * handling and the evidence; the stop time is left to fill in. */
  sonae_test_assert_contains (pdf.all, "(corrective action)");
  sonae_test_assert_contains (pdf.all, "□None");
  sonae_test_assert_contains (pdf.all, "□Stopped");
  sonae_test_assert_not_contains (pdf.all, "■Stopped");
  sonae_test_assert_not_contains (pdf.all, "■None");
  {
    const SonaeReportField *field = sonae_report_find_field (SONAE_REPORT_HANDLING);

    for (guint i = 0; i < sonae_report_field_get_n_options (field); i++)
      {
        g_autofree char *off = g_strdup_printf ("□%s", sonae_report_field_get_option_title (field, i));

        sonae_test_assert_contains (pdf.all, off);
      }
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_ppc_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir);
  g_autofree char *path = NULL;
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_autoptr(SonaePpcResult) result = NULL;
  g_autoptr(SonaePpcDraft) draft = NULL;
  g_auto(SonaeTestPdf) pdf;
  gint64 id;
  gssize at = 0;
  guint unknown = 0;

  id = sonae_test_add_incident (store, "患者データの持ち出し", "2026-11-30T08:40:00", 3, FALSE, AUTHOR);
  assessment = sonae_ppc_get (store, id, &error);
  g_assert_no_error (error);
  assessment->personal_data = SONAE_ANSWER_YES;
  assessment->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
  assessment->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = SONAE_ANSWER_NO;
  g_free (assessment->learned_on);
  assessment->learned_on = g_strdup ("2026-11-30");
  g_free (assessment->preliminary_sent_on);
  assessment->preliminary_sent_on = g_strdup ("2026-12-01");
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  set_report (store, id, SONAE_REPORT_PPC_PERSONS, "約1,200人");

  result = sonae_ppc_assess (assessment, NULL);
  g_assert_cmpint (result->verdict, ==, SONAE_PPC_REQUIRED);
  g_assert_nonnull (result->final_by);
  draft = sonae_ppc_get_draft (store, id, &error);
  g_assert_no_error (error);

  path = g_build_filename (dir, "ppc.pdf", NULL);
  export_incident_doc (store, "ppc-draft", id, path, &pdf);

  sonae_test_assert_contains (pdf.pages[0], "PPC Report Draft");
  /* The verdict first, with the dates and the rule to check. The
   * preliminary report is due promptly: where its guide ends (day 5) is
   * shown, never a start (day 3) to wait for. Day 30 is 29 December: the
   * draft says that the guideline moves it. */
  at = sonae_test_offset_of (pdf.all, result->reason, 0);
  at = sonae_test_offset_of (pdf.all, "Learned of it on (day 1)", at);
  at = sonae_test_offset_of (pdf.all, "promptly", at);
  g_assert_cmpstr (result->preliminary_guide, ==, "2026-12-04");
  at = sonae_test_offset_of (pdf.all, "guide of about 3 to 5 days ends on 2026-12-04", at);
  sonae_test_assert_not_contains (pdf.all, "2026-12-02");
  g_assert_cmpstr (result->final_by, ==, "2026-12-29");
  g_assert_true (result->final_moves);
  at = sonae_test_offset_of (pdf.all, result->final_by, at);
  at = sonae_test_offset_of (pdf.all, "2026-12-01", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_persons_note (), at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_preliminary_note (), at);
  at = sonae_test_offset_of (pdf.all, "falls on a weekend or in the New Year holidays", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_deadline_note (), at);
  at = sonae_test_offset_of (pdf.all, "day-counting rule", at);
  /* After the nine items: how to send it, then My Number's own rule,
   * pointed to with a mark to check; a clinic's report is not delegated. */
  sonae_test_offset_of (pdf.all, sonae_ppc_get_my_number_note (),
                        sonae_test_offset_of (pdf.all, "How to send it", at));
  g_assert_null (sonae_ppc_get_delegation_note (SONAE_ORG_CLINIC));

  /* The nine items, numbered, in order, each with its text or a box. */
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, draft->items[i].title);

      at = sonae_test_offset_of (pdf.all, heading, at);
      if (draft->items[i].text != NULL && *draft->items[i].text != '\0')
        {
          g_autofree char *first_line = g_strndup (draft->items[i].text, strcspn (draft->items[i].text, "\n"));

          at = sonae_test_offset_of (pdf.all, first_line, at);
        }
      else
        {
          at = sonae_test_offset_of (pdf.all, "(to be filled in)", at);
          unknown++;
        }
    }
  g_assert_cmpuint (unknown, >, 0);
  sonae_test_assert_contains (pdf.all, "約1,200人");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_ppc_draft_not_required (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir);
  g_autofree char *path = NULL;
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_auto(SonaeTestPdf) pdf;
  gint64 id;

  id = sonae_test_add_incident (store, "プリンタ故障", "2026-11-30T08:40:00", 1, TRUE, AUTHOR);
  assessment = sonae_ppc_get (store, id, &error);
  g_assert_no_error (error);
  assessment->personal_data = SONAE_ANSWER_NO;
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);

  path = g_build_filename (dir, "ppc.pdf", NULL);
  export_incident_doc (store, "ppc-draft", id, path, &pdf);
  sonae_test_assert_contains (pdf.all, "Reporting to the PPC is not required: no personal data leaked, was lost or was damaged.");
  /* Said once. */
  sonae_test_assert_not_contains (pdf.all, "No report to the Personal Information Protection Commission is required.");
  sonae_test_assert_not_contains (pdf.all, "deadline");
  sonae_test_assert_not_contains (pdf.all, "day-counting rule");
  for (guint i = 0; i < pdf.n_pages; i++)
    sonae_test_assert_contains (pdf.pages[i], DRILL_BAND);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_register (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir);
  g_autofree char *path = NULL;
  g_autofree char *n_old = NULL;
  g_autofree char *n_real = NULL;
  g_autofree char *n_drill = NULL;
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_autoptr(SonaeIncident) closed = NULL;
  gint64 old, real, drill;

  old = sonae_test_add_incident (store, "去年の誤送信", "2025-06-01T10:00:00", 1, FALSE, AUTHOR);
  real = sonae_test_add_incident (store, "電子カルテのランサムウェア", "2026-02-03T09:15:00", 3, FALSE, AUTHOR);
  drill = sonae_test_add_incident (store, "訓練：サーバ停止", "2026-11-30T08:40:00", 2, TRUE, AUTHOR);
  n_old = number_of (store, old);
  n_real = number_of (store, real);
  n_drill = number_of (store, drill);

  /* The real one: reportable, the preliminary report sent, closed. */
  assessment = sonae_ppc_get (store, real, &error);
  g_assert_no_error (error);
  assessment->personal_data = SONAE_ANSWER_YES;
  assessment->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = SONAE_ANSWER_YES;
  g_free (assessment->preliminary_sent_on);
  assessment->preliminary_sent_on = g_strdup ("2026-02-05");
  g_assert_true (sonae_ppc_set (store, real, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_set_status (store, real, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  closed = sonae_incidents_get (store, real, &error);
  g_assert_no_error (error);
  g_assert_nonnull (closed->closed_at);
  /* The drill: two actions still open. */
  add_action (store, drill, SONAE_CAPA_CORRECTIVE, "バックアップの復元手順を見直す", 0, "2026-12-20");
  add_action (store, drill, SONAE_CAPA_PREVENTIVE, "年2回の訓練", 0, NULL);

  {
    g_auto(SonaeTestPdf) pdf;
    gssize at;
    g_autofree char *closed_on = g_strndup (closed->closed_at, 10);

    path = g_build_filename (dir, "register-2026.pdf", NULL);
    export_register (store, 2026, path, &pdf);
    sonae_test_assert_contains (pdf.pages[0], "Incident Register");
    sonae_test_assert_contains (pdf.pages[0], "Incidents detected in 2026");

    /* This year's, oldest first; not last year's. The cells of a row may
     * come out of the PDF in any order. */
    at = sonae_test_offset_of (pdf.all, n_real, 0);
    at = sonae_test_offset_of (pdf.all, n_drill, at);
    for (const char *const *v = (const char *const[]) { "2026-02-03", "電子カルテのランサムウェア", "Report required",
                                                        "Preliminary sent 2026-02-05", closed_on, "2026-11-30",
                                                        "訓練：サーバ停止", NULL }; *v; v++)
      sonae_test_assert_contains (pdf.all, *v);
    /* The drill is marked in its row, and only the drill. */
    {
      g_autofree char *marked = g_strdup_printf ("%sDRILL", n_drill);
      g_autofree char *not_marked = g_strdup_printf ("%sDRILL", n_real);

      sonae_test_assert_contains (pdf.all, marked);
      sonae_test_assert_not_contains (pdf.all, not_marked);
    }
    sonae_test_assert_not_contains (pdf.all, n_old);
    sonae_test_assert_not_contains (pdf.all, "去年の誤送信");

    /* The totals. */
    at = sonae_test_offset_of (pdf.all, "Totals", at);
    at = sonae_test_offset_of (pdf.all, "Incidents, drills included 2", at);
    at = sonae_test_offset_of (pdf.all, "Real incidents 1", at);
    at = sonae_test_offset_of (pdf.all, "Drills 1", at);
    at = sonae_test_offset_of (pdf.all, "Still open (not closed) 1", at);
    at = sonae_test_offset_of (pdf.all, "To be reported to the PPC 1", at);
    at = sonae_test_offset_of (pdf.all, "Actions still open 2", at);
  }
  {
    g_auto(SonaeTestPdf) pdf;
    g_autofree char *path_old = g_build_filename (dir, "register-2025.pdf", NULL);

    export_register (store, 2025, path_old, &pdf);
    sonae_test_assert_contains (pdf.all, n_old);
    sonae_test_assert_contains (pdf.all, "去年の誤送信");
    sonae_test_assert_not_contains (pdf.all, n_real);
    sonae_test_assert_not_contains (pdf.all, n_drill);
    sonae_test_assert_not_contains (pdf.all, "DRILL");
  }
  {
    g_auto(SonaeTestPdf) pdf;
    g_autofree char *path_none = g_build_filename (dir, "register-2024.pdf", NULL);

    export_register (store, 2024, path_none, &pdf);
    sonae_test_assert_contains (pdf.all, "No incident was recorded in 2024.");
  }
  /* Without a year: this year (SONAE_NOW is in 2026). */
  {
    g_auto(SonaeTestPdf) pdf;
    g_autofree char *path_now = g_build_filename (dir, "register-now.pdf", NULL);
    g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "register", SONAE_PAPER_A4, &error);

    g_assert_no_error (error);
    sonae_test_pdf_write_and_read (doc, path_now, &pdf);
    sonae_test_assert_contains (pdf.all, "Incidents detected in 2026");
    sonae_test_assert_contains (pdf.all, n_real);
    sonae_test_assert_not_contains (pdf.all, n_old);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The register says the preliminary report is due promptly, with where
 * its guide ends, never a start date; a business's draft says its ministry
 * may take the report. */
static void
test_register_promptly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir);
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autofree char *path = NULL;
  g_autofree char *draft_path = NULL;
  gint64 id;

  id = sonae_test_add_incident (store, "受付PCに脅迫文", "2026-11-30T08:40:00", 3, FALSE, AUTHOR);
  assessment = sonae_ppc_get (store, id, &error);
  g_assert_no_error (error);
  assessment->personal_data = SONAE_ANSWER_YES;
  assessment->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = SONAE_ANSWER_YES;
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_auto(SonaeTestPdf) pdf;

    path = g_build_filename (dir, "register.pdf", NULL);
    export_register (store, 2026, path, &pdf);
    sonae_test_assert_contains (pdf.all, "Preliminary promptly (guide ends 2026-12-04)");
    sonae_test_assert_not_contains (pdf.all, "2026-12-02");   /* day 3 */
  }

  profile = sonae_store_get_profile (store);
  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  {
    g_auto(SonaeTestPdf) pdf;

    draft_path = g_build_filename (dir, "ppc.pdf", NULL);
    export_incident_doc (store, "ppc-draft", id, draft_path, &pdf);
    sonae_test_assert_contains (pdf.all, sonae_ppc_get_delegation_note (SONAE_ORG_BUSINESS));
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("SONAE_NOW", "2026-12-01T09:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-docs/names", test_names);
  g_test_add_func ("/report-docs/report", test_report);
  g_test_add_func ("/report-docs/report-drill-blank", test_report_drill_blank);
  g_test_add_func ("/report-docs/ppc-draft", test_ppc_draft);
  g_test_add_func ("/report-docs/ppc-draft-not-required", test_ppc_draft_not_required);
  g_test_add_func ("/report-docs/register", test_register);
  g_test_add_func ("/report-docs/register-promptly", test_register_promptly);
  return g_test_run ();
}
