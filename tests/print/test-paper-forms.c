/* test-paper-forms.c: the paper for when the computers are down, written to
 * PDF from an empty data folder and read back with poppler, in English and
 * in Japanese: the blank incident report (seed 004's form), the blank PPC
 * sheet, the PPC's reporting rules, the “Do not use” sign and the notice
 * for the desk; an overdue preliminary report on an incident's draft and
 * in the register, and what the report form and the draft must say. */
#include "config.h"

#include <string.h>

#include "sonae-capa.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

#define AUTHOR "山田 太郎"

/* The blank forms: what a person takes off the shelf. */
static const char *const blank_forms[] = { "report", "ppc-draft", "ppc-rules", "do-not-use", "desk-notice" };

static void
export_blank (SonaeStore   *store,
              const char   *dir,
              const char   *name,
              SonaeTestPdf *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, name, SONAE_PAPER_A4, &error);
  g_autofree char *file = g_strdup_printf ("%s.pdf", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

static void
export_incident_doc (SonaeStore   *store,
                     const char   *dir,
                     const char   *name,
                     gint64        id,
                     SonaeTestPdf *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_test_build_document (store, name, SONAE_DOCUMENT_FOR_INCIDENT, id, 0, &error);
  g_autofree char *file = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".pdf", name, id);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

static void
set_kind (SonaeStore   *store,
          SonaeOrgKind  kind)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) "テスト商会", kind, (char *) "東京都", NULL, (char *) "03-0000-0000" };

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  g_assert_no_error (error);
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);
  guint n = 0;

  for (const char *p = strstr (haystack, squeezed); p != NULL; p = strstr (p + strlen (squeezed), squeezed))
    n++;
  return n;
}

/* An incident whose PPC report is required (sensitive data), learned on
 * @learned_on, the preliminary report sent on @sent_on (may be NULL). */
static gint64
add_reportable (SonaeStore *store,
                const char *title,
                const char *learned_on,
                const char *sent_on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *detected = g_strdup_printf ("%sT09:00:00", learned_on);
  gint64 id = sonae_test_add_incident (store, title, detected, 3, FALSE, AUTHOR);
  g_autoptr(SonaePpcAssessment) assessment = sonae_ppc_get (store, id, &error);

  g_assert_no_error (error);
  assessment->personal_data = SONAE_ANSWER_YES;
  assessment->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
  g_free (assessment->learned_on);
  assessment->learned_on = g_strdup (learned_on);
  g_free (assessment->preliminary_sent_on);
  assessment->preliminary_sent_on = g_strdup (sent_on);
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  return id;
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

/* ---- every blank form from an empty folder --------------------------- */

/* Each prints from a folder nobody has set up, on A4, without an incident
 * and without an error, in the language of now. */
static void
assert_blank_forms_print (SonaeStore *store,
                          const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (blank_forms); i++)
    {
      g_auto(SonaeTestPdf) pdf = { 0 };

      g_assert_false (sonae_documents_needs_incident (blank_forms[i]));
      export_blank (store, dir, blank_forms[i], &pdf);
      g_assert_cmpuint (pdf.n_pages, >=, 1);
      sonae_test_assert_contains (pdf.pages[0], sonae_documents_get_title (blank_forms[i]));
    }
}

static void
test_blank_forms_empty_folder (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);

  assert_blank_forms_print (store, dir);
  if (sonae_test_use_japanese ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeDocument) binder = NULL;
      g_autofree char *path = g_build_filename (dir, "binder.pdf", NULL);
      g_auto(SonaeTestPdf) pdf = { 0 };

      assert_blank_forms_print (store, dir);
      /* The binder from an empty folder holds them, in Japanese too. */
      binder = sonae_documents_build (store, "binder", SONAE_PAPER_A4, &error);
      g_assert_no_error (error);
      sonae_test_pdf_write_and_read (binder, path, &pdf);
      for (const char *const *w = (const char *const[]) { "発見した人と関係者が手書きで記入します", "事故原因の再発防止策（是正処置）",
                                                          "報告が必要か：ペンでたどって判定します", "記入用：報告が必要かを判定し",
                                                          "使用禁止", "患者の皆さまへ", NULL }; *w; w++)
        sonae_test_assert_contains (pdf.all, *w);
      sonae_test_use_default_language ();
    }
  else
    g_test_message ("no ja_JP.UTF-8 locale: English only");

  /* The report and the PPC sheet still take an incident. */
  g_assert_true (sonae_documents_takes_incident ("report"));
  g_assert_true (sonae_documents_takes_incident ("ppc-draft"));
  for (const char *const *n = (const char *const[]) { "ppc-rules", "do-not-use", "desk-notice", NULL }; *n; n++)
    g_assert_false (sonae_documents_takes_incident (*n));

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* ---- the blank incident report --------------------------------------- */

static void
test_blank_report (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  const SonaeReportField *before = sonae_report_find_field (SONAE_REPORT_BEFORE);
  const SonaeReportField *place = sonae_report_find_field (SONAE_REPORT_PLACE);
  g_auto(SonaeTestPdf) pdf = { 0 };
  gssize at = 0;

  export_blank (store, dir, "report", &pdf);
  g_assert_cmpuint (pdf.n_pages, <=, 3);

  /* Who fills it in, and how. */
  sonae_test_assert_contains (pdf.pages[0], "Whoever found the problem");
  /* Every box of seed 004's form, with what to write in an empty one;
   * nothing ticked. The boxes of one row may come out of the PDF in any
   * order; the rows come in the form's. */
  for (const char *const *w = (const char *const[]) { "Report number", "Date written", "______ / ____ / ____",
                                                      "Date and time of occurrence", "____ : ____",
                                                      "Name of the person who found it", "Business impact",
                                                      "Evidence kept", "First aid", "Type of cause", NULL }; *w; w++)
    sonae_test_assert_contains (pdf.all, *w);
  {
    g_autofree char *with_hint = g_strdup_printf ("%s (%s)", sonae_report_field_get_title (place),
                                                  sonae_report_field_get_hint (place));

    sonae_test_assert_contains (pdf.all, with_hint);
  }
  at = sonae_test_offset_of (pdf.all, "Report number", at);
  at = sonae_test_offset_of (pdf.all, "Event category", at);
  for (guint e = 0; e < SONAE_N_EVENT_TYPES; e++)
    {
      g_autofree char *off = g_strdup_printf ("□%s", sonae_report_event_get_phrase ((SonaeEventType) e));

      at = sonae_test_offset_of (pdf.all, off, at);
    }
  at = sonae_test_offset_of (pdf.all, "Detailed report", at);
  /* What happened before, with seed 004's prompt. */
  {
    g_autofree char *prompt = g_strdup_printf ("%s (%s)", sonae_report_field_get_title (before),
                                               sonae_report_field_get_hint (before));

    at = sonae_test_offset_of (pdf.all, prompt, at);
  }
  at = sonae_test_offset_of (pdf.all, "Type of cause", at);
  /* The actions, the corrective one named as such, the columns saying
   * who does what. */
  at = sonae_test_offset_of (pdf.all, "Person responsible: who carries the action out.", at);
  at = sonae_test_offset_of (pdf.all, "Handling of what the incident caused", at);
  at = sonae_test_offset_of (pdf.all, "(corrective action)", at);
  at = sonae_test_offset_of (pdf.all, "Reporting route", at);
  g_assert_cmpuint (count_of (pdf.all, "Checked by (担当)"), ==, 4);   /* three tables, and the legend */
  g_assert_cmpuint (count_of (pdf.all, "Person responsible"), ==, 4);
  sonae_test_assert_not_contains (pdf.all, "Owner");
  sonae_test_assert_not_contains (pdf.all, "In charge");
  sonae_test_assert_not_contains (pdf.all, "■");
  /* The hearing would ask the boxes above again: not on the blank form. */
  sonae_test_assert_not_contains (pdf.all, "Hearing (5W1H)");

  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) ja = { 0 };

      export_blank (store, dir, "report", &ja);
      sonae_test_assert_contains (ja.pages[0], "セキュリティ事故報告書");
      sonae_test_assert_contains (ja.all, "事故原因の再発防止策（是正処置）");
      sonae_test_assert_contains (ja.all, "事故の前にあった事象（オペレーション、環境の変更、状況の変化、いつもと違うことなど）");
      sonae_test_assert_contains (ja.all, "実施責任者");
      sonae_test_assert_contains (ja.all, "確認者（担当）");
      sonae_test_assert_contains (ja.all, "承認者（承認）");
      sonae_test_assert_not_contains (ja.all, "担当者");
      /* The date and the time to write in are Japanese ones (年　月　日　時　分). */
      sonae_test_assert_not_contains (ja.all, "____");
      /* Nothing refers to a list that is not on the page. */
      sonae_test_assert_not_contains (ja.all, "上記");
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* An incident's report: the same fixes, with values filled in. */
static void
test_report_form_fixes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_auto(SonaeTestPdf) pdf = { 0 };
  const SonaeReportField *before = sonae_report_find_field (SONAE_REPORT_BEFORE);
  g_autofree char *prompt = NULL;

  incident->title = g_strdup ("不審な画面");
  incident->detected_at = g_strdup ("2026-11-30T08:40:00");
  incident->type = SONAE_INCIDENT_MALWARE;
  incident->level = 2;
  incident->event = SONAE_EVENT_OTHER;
  g_assert_true (sonae_incidents_create (store, incident, NULL, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_report_save_field (store, incident->id, SONAE_REPORT_BEFORE,
                                          "朝、プリンタのドライバを更新した", AUTHOR, &error));
  g_assert_no_error (error);

  export_incident_doc (store, dir, "report", incident->id, &pdf);
  /* The prompt stays with the box it asks about, filled in or not. */
  prompt = g_strdup_printf ("%s (%s)", sonae_report_field_get_title (before), sonae_report_field_get_hint (before));
  sonae_test_offset_of (pdf.all, "朝、プリンタのドライバを更新した", sonae_test_offset_of (pdf.all, prompt, 0));
  sonae_test_assert_contains (pdf.all, "(corrective action)");
  sonae_test_assert_contains (pdf.all, "Checked by (担当)");
  /* The event stands on its own: “other” needs no list above it. */
  {
    g_autofree char *on = g_strdup_printf ("■%s", sonae_report_event_get_phrase (SONAE_EVENT_OTHER));

    sonae_test_assert_contains (pdf.all, on);
    sonae_test_assert_not_contains (pdf.all, "none of the above");
  }
  /* The hearing is on an incident's report. */
  sonae_test_assert_contains (pdf.all, "Hearing (5W1H)");

  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) ja = { 0 };
      g_auto(SonaeTestPdf) draft = { 0 };

      export_incident_doc (store, dir, "report", incident->id, &ja);
      sonae_test_assert_contains (ja.all, "（是正処置）");
      sonae_test_assert_contains (ja.all, "事故の前にあった事象（オペレーション");
      sonae_test_assert_not_contains (ja.all, "上記");
      sonae_test_assert_not_contains (ja.all, "担当者");
      export_incident_doc (store, dir, "ppc-draft", incident->id, &draft);
      sonae_test_assert_contains (draft.all, "事象：その他の事象");
      sonae_test_assert_not_contains (draft.all, "上記");
      sonae_test_assert_not_contains (draft.all, "につながる事象");
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* ---- the blank PPC sheet --------------------------------------------- */

static void
test_blank_ppc_draft (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_auto(SonaeTestPdf) pdf = { 0 };
  gssize at = 0;

  export_blank (store, dir, "ppc-draft", &pdf);
  sonae_test_assert_contains (pdf.pages[0], "Blank sheet");
  /* The questions that decide, numbered, each with its answers to tick
   * (the boxes are drawn, not text: the answers read as one line). */
  at = sonae_test_offset_of (pdf.all, "Must it be reported?", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_acquiring_question (), at);
  at = sonae_test_offset_of (pdf.all, "Yes No Don’t know yet", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_personal_data_question (), at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_encrypted_question (), at);
  at = sonae_test_offset_of (pdf.all, "Yes, and we are sure No, or not sure", at);
  for (guint c = 0; c < SONAE_PPC_N_CONDITIONS; c++)
    {
      at = sonae_test_offset_of (pdf.all, sonae_ppc_condition_get_question (c, SONAE_ORG_CLINIC), at);
      at = sonae_test_offset_of (pdf.all, "Yes No Don’t know yet", at);
    }
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_processor_question (), at);
  /* The answer, the days to write in, the nine items with room, how to
   * send it. */
  at = sonae_test_offset_of (pdf.all, "The answer", at);
  at = sonae_test_offset_of (pdf.all, "It must be reported, and the persons notified:", at);
  at = sonae_test_offset_of (pdf.all, "By when", at);
  at = sonae_test_offset_of (pdf.all, "Learned of it on (day 1)", at);
  at = sonae_test_offset_of (pdf.all, "The guide of about 3 to 5 days ends on day 5", at);
  at = sonae_test_offset_of (pdf.all, "Final report deadline (30 days)", at);
  at = sonae_test_offset_of (pdf.all, "Day 60 instead", at);
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      g_autofree char *item = g_strdup_printf ("%u. %s", i + 1, sonae_ppc_draft_item_get_title (i));

      at = sonae_test_offset_of (pdf.all, item, at);
    }
  sonae_test_assert_not_contains (pdf.all, "(to be filled in)");
  at = sonae_test_offset_of (pdf.all, "How to send it", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_submission_note (), at);
  at = sonae_test_offset_of (pdf.all, "https://www.ppc.go.jp/", at);
  at = sonae_test_offset_of (pdf.all, "Phone (advice only)", at);
  at = sonae_test_offset_of (pdf.all, "03-6457-9849", at);
  sonae_test_assert_contains (pdf.all, sonae_ppc_get_my_number_note ());

  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) ja = { 0 };

      export_blank (store, dir, "ppc-draft", &ja);
      sonae_test_assert_contains (ja.pages[0], "個人情報保護委員会への報告（下書き）");
      sonae_test_assert_contains (ja.all, "はい いいえ まだわからない");
      sonae_test_assert_contains (ja.all, "報告事項（9項目）");
      sonae_test_assert_contains (ja.all, "相談ダイヤル");
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* ---- the PPC's reporting rules --------------------------------------- */

static void
test_ppc_rules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_auto(SonaeTestPdf) pdf = { 0 };
  gssize at = 0;

  export_blank (store, dir, "ppc-rules", &pdf);
  g_assert_cmpuint (pdf.n_pages, <=, 4);
  sonae_test_assert_contains (pdf.pages[0], "PPC Reporting Rules");
  /* The whole decision on the first page. */
  sonae_test_assert_contains (pdf.pages[0], "Final report (確報): by day 30; by day 60");
  /* The sources, and to check them, at the end. */
  sonae_test_assert_contains (pdf.pages[pdf.n_pages - 1], "Check the PPC’s current guidance before relying on it.");

  /* The decision by pen: the 2024 case first, whether data leaked, the
   * encryption exemption, the four conditions with their thresholds, then
   * the days to write in. */
  at = sonae_test_offset_of (pdf.all, "Follow this with a pen", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_acquiring_question (), at);
  at = sonae_test_offset_of (pdf.all, "Since April 2024", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_personal_data_question (), at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_encrypted_question (), at);
  for (guint c = 0; c < SONAE_PPC_N_CONDITIONS; c++)
    {
      at = sonae_test_offset_of (pdf.all, sonae_ppc_condition_get_question (c, SONAE_ORG_CLINIC), at);
      at = sonae_test_offset_of (pdf.all, sonae_ppc_condition_get_hint (c), at);
    }
  sonae_test_assert_contains (pdf.all, "Exactly 1,000 is not enough");
  at = sonae_test_offset_of (pdf.all, "Day 1: the day we learned of it", at);
  at = sonae_test_offset_of (pdf.all, "Preliminary report (速報): promptly", at);
  at = sonae_test_offset_of (pdf.all, "Final report (確報): by day 30; by day 60", at);

  /* The definitions with their exceptions; the days; the persons; the
   * processor; how to send; My Number apart, with a mark to check. */
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_definitions (), at);
  at = sonae_test_offset_of (pdf.all, "sent to the wrong person: ask the recipient to delete it unread", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_preliminary_note (), at);
  at = sonae_test_offset_of (pdf.all, "within 30 days, or within 60 days", at);
  at = sonae_test_offset_of (pdf.all, "not the day after", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_learned_note (), at);
  /* The example counts from 2026-04-01 (day 1): day 5, 30 and 60. */
  at = sonae_test_offset_of (pdf.all, "learned of it on 2026-04-01 (day 1)", at);
  at = sonae_test_offset_of (pdf.all, "2026-04-05 (day 5)", at);
  at = sonae_test_offset_of (pdf.all, "2026-04-30 (day 30)", at);
  at = sonae_test_offset_of (pdf.all, "2026-05-30 (day 60)", at);
  /* A Saturday: the guideline moves it to Monday. */
  at = sonae_test_offset_of (pdf.all, "the guideline moves that deadline to 2026-06-01", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_deadline_note (), at);
  at = sonae_test_offset_of (pdf.all, "Check this day-counting rule", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_persons_note (), at);
  at = sonae_test_offset_of (pdf.all, "need neither report to the PPC nor notify the persons", at);
  at = sonae_test_offset_of (pdf.all, sonae_ppc_get_submission_note (), at);
  at = sonae_test_offset_of (pdf.all, "https://www.ppc.go.jp/", at);
  at = sonae_test_offset_of (pdf.all, "03-6457-9849", at);
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      g_autofree char *item = g_strdup_printf ("%u. %s", i + 1, sonae_ppc_draft_item_get_title (i));

      at = sonae_test_offset_of (pdf.all, item, at);
    }
  {
    g_autofree char *marked = g_strdup_printf ("Check %s", sonae_ppc_get_my_number_note ());

    at = sonae_test_offset_of (pdf.all, marked, at);
  }
  /* A clinic's report is not delegated to a ministry. */
  sonae_test_assert_not_contains (pdf.all, "handed these reports to the ministry");

  /* A business: its ministry may take the report, and the page has no
   * clinic's words (tests/gui/test-business-words.c reads every page). */
  set_kind (store, SONAE_ORG_BUSINESS);
  {
    g_auto(SonaeTestPdf) business = { 0 };

    export_blank (store, dir, "ppc-rules", &business);
    sonae_test_assert_contains (business.pages[0], "Final report (確報): by day 30; by day 60");
    sonae_test_assert_contains (business.all, sonae_ppc_get_delegation_note (SONAE_ORG_BUSINESS));
    sonae_test_assert_contains (business.all, "Where our report goes, if not to the PPC");
    sonae_test_assert_contains (business.all, sonae_ppc_condition_get_question (SONAE_PPC_CONDITION_SENSITIVE,
                                                                                SONAE_ORG_BUSINESS));
    sonae_test_assert_not_contains (business.all, "patient");
    sonae_test_assert_not_contains (business.all, "clinic");
  }

  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) ja = { 0 };

      set_kind (store, SONAE_ORG_CLINIC);
      export_blank (store, dir, "ppc-rules", &ja);
      sonae_test_assert_contains (ja.pages[0], "個人情報の漏えい等の報告ルール");
      /* The whole decision on the first page in Japanese too. */
      sonae_test_assert_contains (ja.pages[0], "故意による場合（手順1が「はい」、または手順4の3つ目に印）は60日目まで");
      for (const char *const *w = (const char *const[]) { "速報", "確報", "1,000", "2024年4月", "高度な暗号化",
                                                          "漏えい", "滅失", "毀損", "委託先", "マイナンバー",
                                                          "要確認", "相談ダイヤル", "12月29日から1月3日", NULL }; *w; w++)
        sonae_test_assert_contains (ja.all, *w);
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* ---- the sign and the notice ----------------------------------------- */

static void
test_signs (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);

  {
    g_auto(SonaeTestPdf) pdf = { 0 };
    gssize at = 0;

    export_blank (store, dir, "do-not-use", &pdf);
    g_assert_cmpuint (pdf.n_pages, ==, 1);
    /* The poster's rules: do not use it, leave it on, keep the power and
     * keep it off the network; then whom to call, written in by hand. */
    at = sonae_test_offset_of (pdf.all, "DO NOT USE", at);
    at = sonae_test_offset_of (pdf.all, "Do not use it", at);
    at = sonae_test_offset_of (pdf.all, "Do not switch it off", at);
    at = sonae_test_offset_of (pdf.all, "Leave the power on:", at);
    at = sonae_test_offset_of (pdf.all, "Do not unplug the power", at);
    at = sonae_test_offset_of (pdf.all, "Do not connect it to the network again", at);
    at = sonae_test_offset_of (pdf.all, "call:", at);
    at = sonae_test_offset_of (pdf.all, "Name", at);
    at = sonae_test_offset_of (pdf.all, "Phone number", at);
    at = sonae_test_offset_of (pdf.all, "Put up on (date and time)", at);
    at = sonae_test_offset_of (pdf.all, "Put up by", at);
  }
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_blank (store, dir, "desk-notice", &pdf);
    g_assert_cmpuint (pdf.n_pages, ==, 1);
    sonae_test_assert_contains (pdf.all, "To our patients");
    sonae_test_assert_contains (pdf.all, "keeping records on paper");
    sonae_test_assert_contains (pdf.all, "thank you for your patience");
    /* Nothing of the cause: what is said outside is the lead's to decide. */
    sonae_test_assert_not_contains (pdf.all, "attack");
    sonae_test_assert_not_contains (pdf.all, "virus");
    sonae_test_assert_not_contains (pdf.all, "ransom");
  }
  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) sign = { 0 };
      g_auto(SonaeTestPdf) notice = { 0 };

      export_blank (store, dir, "do-not-use", &sign);
      export_blank (store, dir, "desk-notice", &notice);
      for (const char *const *w = (const char *const[]) { "使用禁止", "電源を切らないでください",
                                                          "電源プラグを抜かないでください", "電話番号", NULL }; *w; w++)
        sonae_test_assert_contains (sign.all, *w);
      for (const char *const *w = (const char *const[]) { "患者の皆さまへ", "ご迷惑をおかけいたしますが",
                                                          "お願い申し上げます。", NULL }; *w; w++)
        sonae_test_assert_contains (notice.all, *w);
      sonae_test_use_default_language ();
    }

  /* A business's notice speaks to customers. */
  set_kind (store, SONAE_ORG_BUSINESS);
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_blank (store, dir, "desk-notice", &pdf);
    sonae_test_assert_contains (pdf.all, "To our customers");
    sonae_test_assert_contains (pdf.all, "テスト商会");
    sonae_test_assert_not_contains (pdf.all, "patient");
    if (sonae_test_use_japanese ())
      {
        g_auto(SonaeTestPdf) ja = { 0 };

        export_blank (store, dir, "desk-notice", &ja);
        sonae_test_assert_contains (ja.all, "お客さまへ");
        sonae_test_assert_not_contains (ja.all, "患者");
        sonae_test_assert_not_contains (ja.all, "診療");
        sonae_test_use_default_language ();
      }
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* ---- an overdue preliminary report ------------------------------------ */

/* SONAE_NOW is 2026-12-01: learned on 2026-11-20, the guide ended on
 * 2026-11-24. */
static void
test_draft_overdue (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  gint64 overdue = add_reportable (store, "患者情報の流出", "2026-11-20", NULL);
  gint64 sent = add_reportable (store, "名簿の誤送信", "2026-11-20", "2026-11-22");
  gint64 fresh = add_reportable (store, "USBメモリの紛失", "2026-11-30", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) assessment = sonae_ppc_get (store, overdue, &error);
  g_autoptr(SonaePpcResult) result = sonae_ppc_assess (assessment, NULL);

  g_assert_no_error (error);
  g_assert_true (sonae_ppc_preliminary_is_overdue (assessment, result));
  {
    g_auto(SonaeTestPdf) pdf = { 0 };
    gssize banner;

    export_incident_doc (store, dir, "ppc-draft", overdue, &pdf);
    /* Said first, before the verdict, on the first page. */
    banner = sonae_test_offset_of (pdf.pages[0], "The preliminary report is overdue: the guide of about 3 to 5 days ended on 2026-11-24", 0);
    g_assert_cmpint (banner, <, sonae_test_offset_of (pdf.pages[0], result->reason, 0));
    /* The verdict once. */
    g_assert_cmpuint (count_of (pdf.all, result->reason), ==, 1);
    sonae_test_assert_not_contains (pdf.all, "This leak must be reported");
    /* How to send it. */
    sonae_test_assert_contains (pdf.all, "How to send it");
    sonae_test_assert_contains (pdf.all, sonae_ppc_get_submission_note ());
    sonae_test_assert_contains (pdf.all, "https://www.ppc.go.jp/");
  }
  for (const gint64 *id = (const gint64[]) { sent, fresh, 0 }; *id != 0; id++)
    {
      g_auto(SonaeTestPdf) pdf = { 0 };

      export_incident_doc (store, dir, "ppc-draft", *id, &pdf);
      sonae_test_assert_not_contains (pdf.all, "The preliminary report is overdue");
    }
  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) ja = { 0 };

      export_incident_doc (store, dir, "ppc-draft", overdue, &ja);
      sonae_test_assert_contains (ja.pages[0], "速報が遅れています");
      sonae_test_assert_not_contains (ja.all, "上記");
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* While it is undecided, the draft lists the questions still open, as
 * tick boxes; once decided, none. */
static void
test_draft_undecided_questions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  gint64 id = sonae_test_add_incident (store, "不審なログイン", "2026-11-30T08:40:00", 2, FALSE, AUTHOR);
  g_autoptr(SonaePpcAssessment) assessment = sonae_ppc_get (store, id, &error);

  g_assert_no_error (error);
  assessment->personal_data = SONAE_ANSWER_YES;
  assessment->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_NO;
  assessment->conditions[SONAE_PPC_CONDITION_FINANCIAL] = SONAE_ANSWER_NO;
  assessment->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = SONAE_ANSWER_UNKNOWN;
  assessment->conditions[SONAE_PPC_CONDITION_OVER_1000] = SONAE_ANSWER_UNKNOWN;
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_auto(SonaeTestPdf) pdf = { 0 };
    gssize at;

    export_incident_doc (store, dir, "ppc-draft", id, &pdf);
    at = sonae_test_offset_of (pdf.all, "Questions that decide it", 0);
    at = sonae_test_offset_of (pdf.all, sonae_ppc_condition_get_question (SONAE_PPC_CONDITION_UNLAWFUL, SONAE_ORG_CLINIC), at);
    at = sonae_test_offset_of (pdf.all, "Yes No Don’t know yet", at);
    at = sonae_test_offset_of (pdf.all, sonae_ppc_condition_get_question (SONAE_PPC_CONDITION_OVER_1000, SONAE_ORG_CLINIC), at);
    at = sonae_test_offset_of (pdf.all, "The nine report items", at);
    /* What is answered is not asked again. */
    sonae_test_assert_not_contains (pdf.all, sonae_ppc_condition_get_question (SONAE_PPC_CONDITION_SENSITIVE, SONAE_ORG_CLINIC));
    sonae_test_assert_not_contains (pdf.all, sonae_ppc_get_personal_data_question ());
    /* Learned yesterday: the guide has not passed. */
    sonae_test_assert_contains (pdf.all, "If it turns out that it must be reported, these are the dates.");
    sonae_test_assert_not_contains (pdf.all, "has passed while this is undecided");
  }

  /* Learned on 2026-11-20: still undecided past the guide, said plainly. */
  g_free (assessment->learned_on);
  assessment->learned_on = g_strdup ("2026-11-20");
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_incident_doc (store, dir, "ppc-draft", id, &pdf);
    sonae_test_assert_contains (pdf.pages[0], "The guide for a preliminary report has passed while this is undecided");
    /* Not the overdue banner: nobody knows yet that it is owed. */
    sonae_test_assert_not_contains (pdf.all, "The preliminary report is overdue");
  }

  assessment->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = SONAE_ANSWER_YES;
  g_assert_true (sonae_ppc_set (store, id, assessment, AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_incident_doc (store, dir, "ppc-draft", id, &pdf);
    sonae_test_assert_not_contains (pdf.all, "Questions that decide it");
    sonae_test_assert_not_contains (pdf.all, "Yes No Don’t know yet");
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The register: A4 turned sideways, an overdue preliminary report flagged
 * on its own row and counted. */
static void
test_register_overdue (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  gint64 overdue = add_reportable (store, "患者情報の流出", "2026-11-20", NULL);
  gint64 sent = add_reportable (store, "名簿の誤送信", "2026-11-20", "2026-11-22");
  g_autofree char *n_overdue = number_of (store, overdue);
  g_autofree char *n_sent = number_of (store, sent);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_test_build_document (store, "register", SONAE_DOCUMENT_FOR_YEAR, 0, 2026, &error);
  g_autofree char *path = g_build_filename (dir, "register.pdf", NULL);
  g_auto(SonaeTestPdf) pdf = { 0 };
  gssize first, second, flag;

  g_assert_no_error (error);
  g_assert_true (sonae_document_get_landscape (doc));
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  sonae_test_pdf_read_landscape (&pdf, path);

  /* Oldest first: the overdue one's row carries the flag, the other's not. */
  first = sonae_test_offset_of (pdf.all, n_overdue, 0);
  second = sonae_test_offset_of (pdf.all, n_sent, first);
  flag = sonae_test_offset_of (pdf.all, "Preliminary report overdue", first);
  g_assert_cmpint (flag, <, second);
  g_assert_cmpuint (count_of (pdf.all, "Preliminary report overdue"), ==, 1);
  sonae_test_offset_of (pdf.all, "Preliminary reports overdue 1", second);

  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) ja = { 0 };
      g_autoptr(SonaeDocument) ja_doc = sonae_test_build_document (store, "register", SONAE_DOCUMENT_FOR_YEAR, 0, 2026, &error);

      g_assert_no_error (error);
      sonae_test_pdf_write_and_read (ja_doc, path, &ja);
      sonae_test_assert_contains (ja.all, "速報未提出（目安超過）");
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* How many pixels are inked in one of @a and @b (darker than light grey)
 * and white in the other: a line or a letter that one has and the other
 * has not, or has elsewhere. (The shade of a line's soft edge may differ:
 * where two rows' outlines met, their edge was drawn twice, darker.) */
static guint
count_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *ca = pa + y * stride + x * 4;
        const guint8 *cb = pb + y * stride + x * 4;
        guint darkest_a = MIN (MIN (ca[0], ca[1]), ca[2]);
        guint darkest_b = MIN (MIN (cb[0], cb[1]), cb[2]);
        guint lightest_a = MAX (MAX (ca[0], ca[1]), ca[2]);
        guint lightest_b = MAX (MAX (cb[0], cb[1]), cb[2]);

        if ((darkest_a < 200 && lightest_b > 250) || (darkest_b < 200 && lightest_a > 250))
          n++;
      }
  return n;
}

/* The rules of a form's rows, drawn once for the page, each line as long
 * as it runs, make the same pages as each row's outline drawn in turn (as
 * a person sees them: rendered by poppler), with fewer lines to write. */
static void
test_joined_rules (void)
{
  static const char *const names[] = { "roster", "report", "logsheet", "ppc-draft" };
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SonaeTestPdf pdfs[2] = { { 0 } };
      goffset sizes[2] = { 0, 0 };

      for (guint joined = 0; joined < 2; joined++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SonaeDocument) doc = sonae_documents_build (store, names[i], SONAE_PAPER_A4, &error);
          g_autofree char *file = g_strdup_printf ("%s-%u.pdf", names[i], joined);
          g_autofree char *path = g_build_filename (dir, file, NULL);
          g_autoptr(GFileInfo) info = NULL;
          g_autoptr(GFile) gfile = g_file_new_for_path (path);

          g_assert_no_error (error);
          sonae_document_set_join_rules (doc, joined);
          sonae_test_pdf_write_and_read (doc, path, &pdfs[joined]);
          info = g_file_query_info (gfile, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
          g_assert_no_error (error);
          sizes[joined] = g_file_info_get_size (info);
        }
      g_test_message ("%s: %" G_GOFFSET_FORMAT " bytes with each row's outline, %" G_GOFFSET_FORMAT " joined",
                      names[i], sizes[0], sizes[1]);
      g_assert_cmpuint (pdfs[1].n_pages, ==, pdfs[0].n_pages);
      /* Fewer lines to write (the roster has rows enough to tell). */
      if (i == 0)
        g_assert_cmpint (sizes[1], <, sizes[0]);
      for (guint p = 0; p < pdfs[0].n_pages; p++)
        {
          cairo_surface_t *rows = sonae_test_pdf_render_page (pdfs[0].pdf, p, 2.0);
          cairo_surface_t *joined = sonae_test_pdf_render_page (pdfs[1].pdf, p, 2.0);

          g_assert_cmpuint (count_different (rows, joined), ==, 0);
          cairo_surface_destroy (rows);
          cairo_surface_destroy (joined);
        }
      sonae_test_pdf_clear (&pdfs[0]);
      sonae_test_pdf_clear (&pdfs[1]);
    }
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("SONAE_NOW", "2026-12-01T09:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paper-forms/empty-folder", test_blank_forms_empty_folder);
  g_test_add_func ("/paper-forms/blank-report", test_blank_report);
  g_test_add_func ("/paper-forms/report-fixes", test_report_form_fixes);
  g_test_add_func ("/paper-forms/blank-ppc-draft", test_blank_ppc_draft);
  g_test_add_func ("/paper-forms/ppc-rules", test_ppc_rules);
  g_test_add_func ("/paper-forms/signs", test_signs);
  g_test_add_func ("/paper-forms/draft-overdue", test_draft_overdue);
  g_test_add_func ("/paper-forms/draft-undecided-questions", test_draft_undecided_questions);
  g_test_add_func ("/paper-forms/register-overdue", test_register_overdue);
  g_test_add_func ("/paper-forms/joined-rules", test_joined_rules);
  return g_test_run ();
}
