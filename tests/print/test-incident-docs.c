/* test-incident-docs.c: the incident documents (the blank and the filled
 * checklist, the timeline, the paper log sheets) exported to PDF and read
 * back with poppler */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <sqlite3.h>
#include <string.h>

#include "sonae-checklist.h"
#include "sonae-contacts.h"
#include "sonae-manual-edits.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

#define ORG_NAME "さくら内科クリニック"
#define DRILL_BAND "DRILL — an exercise, not a real incident"

/* Every step number of the medical checklist (seed 001), in order. */
static const char *const medical_steps[] = {
  "1-1", "1-4",
  "2-1", "2-2", "2-3", "2-4", "2-6", "2-7", "2-10", "2-13", "2-14", "2-18",
  "3-3", "3-4",
  "4-5", "4-6",
};

static void
export_pdf (SonaeStore *store,
            const char *name,
            gint64      incident_id,
            const char *path,
            SonaeTestPdf        *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = NULL;

  if (incident_id > 0)
    doc = sonae_test_build_document (store, name, SONAE_DOCUMENT_FOR_INCIDENT, incident_id, 0, &error);
  else
    doc = sonae_documents_build (store, name, SONAE_PAPER_A4, &error);
  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

static SonaeStore *
open_store (char         **out_dir,
            SonaeOrgKind   kind)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) ORG_NAME, kind, (char *) "東京都", NULL, (char *) "03-0000-0000" };
  SonaeStore *store = sonae_test_open_store (out_dir);

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
create_incident (SonaeStore *store,
                 const char *title,
                 gboolean    drill)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  SonaeTriageAnswers answers = { SONAE_SEEN_RANSOM, SONAE_ANSWER_UNKNOWN, SONAE_IMPACT_BUSINESS };
  g_autoptr(SonaeTriageProposal) proposal = sonae_triage_propose (&answers, SONAE_ORG_CLINIC);

  incident->title = g_strdup (title);
  incident->drill = drill;
  incident->answers = answers;
  incident->type = proposal->type;
  incident->level = proposal->level;
  incident->event = proposal->event;
  incident->detected_at = g_strdup ("2026-11-30T08:40:00");
  incident->found_by = g_strdup ("受付 高橋");
  g_assert_true (sonae_incidents_create (store, incident, proposal, "山田 太郎", &error));
  g_assert_no_error (error);
  g_assert_cmpint (incident->id, >, 0);
  return incident->id;
}

static void
set_field (SonaeStore     *store,
           SonaeChecklist *checklist,
           gint64          id,
           const char     *step_id,
           const char     *field_id,
           const char     *value)
{
  g_autoptr(GError) error = NULL;
  const SonaeChecklistStep *step = sonae_checklist_get_step (checklist, step_id);
  const SonaeChecklistField *field = sonae_checklist_get_field (checklist, step_id, field_id);

  g_assert_nonnull (step);
  g_assert_nonnull (field);
  g_assert_true (sonae_incidents_set_step_field (store, id, step, field, value, "山田 太郎", &error));
  g_assert_no_error (error);
}

static void
check_step (SonaeStore *store,
            gint64      id,
            const char *step_id,
            const char *author,
            const char *at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_incidents_check_step (store, id, step_id, TRUE, author, at, &error));
  g_assert_no_error (error);
}

static const char *
incident_number (SonaeStore *store,
                 gint64      id,
                 char      **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, id, &error);

  g_assert_no_error (error);
  *out = g_strdup (incident->number);
  return *out;
}

/* How many times @needle (squeezed) is in @haystack (squeezed). */
static guint
count_of (const char *haystack,
          const char *needle)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);
  guint n = 0;

  for (const char *p = strstr (haystack, squeezed); p != NULL; p = strstr (p + 1, squeezed))
    n++;
  return n;
}

/* Each body a step names, with its numbers from the contact list, or a
 * line to write one on; nothing that needs the network to look up. */
static void
assert_bodies_printed (SonaeStore     *store,
                       SonaeChecklist *checklist,
                       const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) authorities = sonae_contacts_list_authorities (store, &error);
  const char *steps[] = { "2-7", "2-13", "2-18" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const SonaeChecklistStep *step = sonae_checklist_get_step (checklist, steps[i]);

      g_assert_cmpuint (step->bodies->len, >, 0);
      for (guint b = 0; b < step->bodies->len; b++)
        {
          SonaeContact *contact = NULL;

          for (guint c = 0; c < authorities->len; c++)
            if (g_strcmp0 (((SonaeContact *) g_ptr_array_index (authorities, c))->builtin_key,
                           g_ptr_array_index (step->bodies, b)) == 0)
              contact = g_ptr_array_index (authorities, c);
          g_assert_nonnull (contact);
          sonae_test_assert_contains (text, sonae_contact_get_display_name (contact));
          if (contact->phones->len > 0)
            sonae_test_assert_contains (text, ((SonaeLabeled *) g_ptr_array_index (contact->phones, 0))->value);
          else
            sonae_test_assert_contains (text, "No telephone number in the contact list: write it here");
        }
    }
  sonae_test_assert_contains (text, "Whom to call (numbers from the contact list):");
  sonae_test_assert_not_contains (text, "publishes on its website");
  sonae_test_assert_not_contains (text, "homepage");
}

/* ---- tests ---------------------------------------------------------- */

static void
test_names (void)
{
  const char *const *names = sonae_documents_get_names ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  gint64 id;

  g_assert_true (g_strv_contains (names, "checklist"));
  g_assert_true (g_strv_contains (names, "timeline"));
  g_assert_true (g_strv_contains (names, "logsheet"));
  g_assert_cmpstr (sonae_documents_get_title ("checklist"), ==, "Incident Checklist");
  g_assert_cmpstr (sonae_documents_get_title ("timeline"), ==, "Incident Timeline");
  g_assert_cmpstr (sonae_documents_get_title ("logsheet"), ==, "Paper Log Sheets");

  g_assert_true (sonae_documents_takes_incident ("checklist"));
  g_assert_false (sonae_documents_needs_incident ("checklist"));
  g_assert_true (sonae_documents_takes_incident ("timeline"));
  g_assert_true (sonae_documents_needs_incident ("timeline"));
  for (const char *const *n = (const char *const[]) { "roster", "calltree", "poster", "manual", "logsheet", "nonsense", NULL }; *n; n++)
    {
      g_assert_false (sonae_documents_takes_incident (*n));
      g_assert_false (sonae_documents_needs_incident (*n));
    }

  /* The timeline is about one incident, and says how to choose it. */
  g_assert_null (sonae_documents_build (store, "timeline", SONAE_PAPER_A4, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--incident"));
  g_clear_error (&error);
  g_assert_null (sonae_test_build_document (store, "timeline", SONAE_DOCUMENT_FOR_INCIDENT, 0, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  id = create_incident (store, "電子カルテが開かない", FALSE);
  /* A document about no incident refuses one. */
  g_assert_null (sonae_test_build_document (store, "roster", SONAE_DOCUMENT_FOR_INCIDENT, id, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sonae_test_build_document (store, "logsheet", SONAE_DOCUMENT_FOR_INCIDENT, id, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  /* An incident that does not exist. */
  g_assert_null (sonae_test_build_document (store, "checklist", SONAE_DOCUMENT_FOR_INCIDENT, id + 100, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sonae_test_build_document (store, "timeline", SONAE_DOCUMENT_FOR_INCIDENT, id + 100, 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_blank_checklist (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (&error);
  g_autofree char *path = NULL;
  g_auto(SonaeTestPdf) pdf;
  GPtrArray *phases;
  gssize at = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "checklist.pdf", NULL);
  export_pdf (store, "checklist", 0, path, &pdf);

  g_assert_cmpuint (pdf.n_pages, >=, 3);
  sonae_test_assert_contains (pdf.all, "Incident Checklist");
  sonae_test_assert_contains (pdf.all, "Medical Incident Checklist");

  /* The phases in order, each with its steps in order. */
  phases = sonae_checklist_get_phases (checklist);
  g_assert_cmpuint (phases->len, ==, 4);
  g_assert_cmpuint (sonae_checklist_count_steps (checklist), ==, G_N_ELEMENTS (medical_steps));
  for (guint p = 0, n = 0; p < phases->len; p++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);

      at = sonae_test_offset_of (pdf.all, phase->title, at);
      for (guint s = 0; s < phase->steps->len; s++, n++)
        {
          const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, s);
          g_autofree char *line = g_strdup_printf ("%s%s", medical_steps[n], step->title);

          g_assert_cmpstr (step->number, ==, medical_steps[n]);
          at = sonae_test_offset_of (pdf.all, line, at);
        }
    }
  sonae_test_assert_contains (pdf.all, "Detection");
  sonae_test_assert_contains (pdf.all, "Initial response");
  sonae_test_assert_contains (pdf.all, "Recovery");
  sonae_test_assert_contains (pdf.all, "Follow-up and prevention");

  /* Choices as options to tick, fields as boxes, time and who. */
  sonae_test_assert_contains (pdf.all, "Files are encrypted and a ransom note appears");
  sonae_test_assert_contains (pdf.all, "Medical-care network");
  sonae_test_assert_contains (pdf.all, "When it happened");
  sonae_test_assert_contains (pdf.all, "Recovery work done");
  sonae_test_assert_contains (pdf.all, "(tick one)");
  for (guint i = 0; i < pdf.n_pages; i++)
    {
      sonae_test_assert_contains (pdf.pages[i], ORG_NAME);
      sonae_test_assert_contains (pdf.pages[i], "Time");
      sonae_test_assert_contains (pdf.pages[i], "Who");
      sonae_test_assert_not_contains (pdf.pages[i], DRILL_BAND);
    }
  /* The first sheet, for the wall, starts with detection and how to use it. */
  sonae_test_assert_contains (pdf.pages[0], "Tick each step when it is done");
  sonae_test_assert_contains (pdf.pages[0], "1-1");

  /* Every step has a box for “not applicable”. */
  g_assert_cmpuint (count_of (pdf.all, "\u25a1 Not applicable"), ==, G_N_ELEMENTS (medical_steps));
  /* Several ways in may be ticked (2-1); 2-10 asks whether the PPC and the
   * local authority must be told; 2-7 has the MHLW's desk, and says it
   * changes each year; 2-13 gives numbers to call, not a website. */
  {
    gssize at = sonae_test_offset_of (pdf.all, "2-1Investigating the cause", 0);

    at = sonae_test_offset_of (pdf.all, "Likely ways in", at);
    sonae_test_offset_of (pdf.all, "(tick all that apply)", at);
  }
  {
    gssize at = sonae_test_offset_of (pdf.all, "2-10Surveying the damage", 0);

    at = sonae_test_offset_of (pdf.all, "Must the Personal Information Protection Commission be told?", at);
    at = sonae_test_offset_of (pdf.all, "Must the local authority be told?", at);
    sonae_test_offset_of (pdf.all, "2-13", at);
  }
  sonae_test_assert_contains (pdf.all, "first-response support desk");
  sonae_test_assert_contains (pdf.all, "check its current number each April");
  sonae_test_assert_contains (pdf.all, "With the network down, telephone");
  sonae_test_assert_contains (pdf.all, "Local authority (prefecture, or city or ward with its own health centre)");
  assert_bodies_printed (store, checklist, pdf.all);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_blank_checklist_business (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_BUSINESS);
  g_autofree char *path = g_build_filename (dir, "checklist.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  g_autofree char *added = NULL;
  g_auto(SonaeTestPdf) pdf;
  gssize at = 0;

  /* A step of the organisation's own. */
  g_assert_true (sonae_manual_edits_add_step (store, "leak-3", "Call the data-centre operator", SONAE_ROLE_SYSADMIN,
                                              0.5, "Yamada", &added, &error));
  g_assert_no_error (error);
  view = sonae_manual_view_new (store, NULL, &error);
  g_assert_no_error (error);
  export_pdf (store, "checklist", 0, path, &pdf);

  /* A business gets its manual's level-3 procedure of each type, in order,
   * each on its own sheet, its own steps included; for malware both paths,
   * each under its title; not the medical steps. */
  sonae_test_assert_not_contains (pdf.all, "Medical Incident Checklist");
  g_assert_cmpuint (pdf.n_pages, >=, SONAE_N_INCIDENT_TYPES);
  for (SonaeIncidentType type = 0; type < SONAE_N_INCIDENT_TYPES; type++)
    {
      g_autoptr(SonaeChecklist) checklist = sonae_checklist_for_incident (view, SONAE_ORG_BUSINESS, type, 3, &error);
      GPtrArray *phases;

      g_assert_no_error (error);
      phases = sonae_checklist_get_phases (checklist);
      at = sonae_test_offset_of (pdf.all, sonae_checklist_get_title (checklist), at);
      for (guint p = 0; p < phases->len; p++)
        {
          const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);

          if (phases->len > 1)
            at = sonae_test_offset_of (pdf.all, phase->title, at);
          for (guint s = 0; s < phase->steps->len; s++)
            {
              const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, s);

              at = sonae_test_offset_of (pdf.all, step->number, at);
            }
        }
    }
  sonae_test_assert_contains (pdf.all, "Call the data-centre operator");
  sonae_test_assert_contains (pdf.all, "When employees cannot deal with it");
  sonae_test_assert_contains (pdf.all, "Time");
  sonae_test_assert_contains (pdf.all, "Who");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_filled_checklist (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (&error);
  g_autofree char *path = NULL;
  g_autofree char *number = NULL;
  g_auto(SonaeTestPdf) pdf;
  gint64 id;

  g_assert_no_error (error);
  id = create_incident (store, "電子カルテに身代金要求画面", FALSE);
  set_field (store, checklist, id, "1-1", "event-case", "ransomware");
  set_field (store, checklist, id, "1-1", "network", "medical");
  check_step (store, id, "1-1", "山田 太郎", NULL);
  /* Written on paper during the outage, entered afterwards. */
  check_step (store, id, "1-4", "佐藤 花子", "2026-11-30T09:15:00");
  set_field (store, checklist, id, "2-14", "logs-kept", "vpn,firewall");
  check_step (store, id, "2-14", "田中 美咲", NULL);

  path = g_build_filename (dir, "filled.pdf", NULL);
  export_pdf (store, "checklist", id, path, &pdf);

  /* The header. */
  sonae_test_assert_contains (pdf.all, incident_number (store, id, &number));
  sonae_test_assert_contains (pdf.all, "電子カルテに身代金要求画面");
  sonae_test_assert_contains (pdf.all, "受付 高橋");
  sonae_test_assert_contains (pdf.all, "2026-11-30 08:40");
  sonae_test_assert_contains (pdf.all, "Level 3");
  sonae_test_assert_contains (pdf.all, "Medical-care network (electronic medical records, ordering)");
  sonae_test_assert_contains (pdf.all, "3 of 16 steps done");

  /* Progress per phase; ticks with time and who; field values. */
  sonae_test_assert_contains (pdf.all, "Detection — 2 of 2 done");
  sonae_test_assert_contains (pdf.all, "Initial response — 1 of 10 done");
  sonae_test_assert_contains (pdf.all, "Recovery — 0 of 2 done");
  sonae_test_assert_contains (pdf.all, "Done 2026-12-01 09:00 by 山田 太郎");
  sonae_test_assert_contains (pdf.all, "Done 2026-11-30 09:15 by 佐藤 花子");
  sonae_test_assert_contains (pdf.all, "Entered afterwards from paper (entered on 2026-12-01 09:00)");
  sonae_test_assert_contains (pdf.all, "Files are encrypted and a ransom note appears (treat it as ransomware)");
  sonae_test_assert_contains (pdf.all, "VPN device, Firewall");
  sonae_test_assert_contains (pdf.all, "Not done");
  /* The step numbers in order, the steps not done too. */
  {
    gssize at = 0;

    for (guint i = 0; i < G_N_ELEMENTS (medical_steps); i++)
      at = sonae_test_offset_of (pdf.all, medical_steps[i], at);
  }

  /* A real incident carries no drill marking. */
  sonae_test_assert_not_contains (pdf.all, DRILL_BAND);
  sonae_test_assert_not_contains (pdf.all, "Drill");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A filled checklist leaves room to go on by hand: each step still open
 * has its box, lines for the time and who, a box for “not applicable” and
 * its empty fields; a step marked not applicable says so, with who and
 * when, and counts in no total. */
static void
test_filled_checklist_open_steps (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (&error);
  g_autofree char *path = NULL;
  g_auto(SonaeTestPdf) pdf;
  gint64 id;
  guint open;

  g_assert_no_error (error);
  id = create_incident (store, "FAX の誤送信", FALSE);
  check_step (store, id, "1-1", "山田 太郎", NULL);
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", TRUE, "佐藤 花子", "2026-11-30T10:05:00", &error));
  g_assert_no_error (error);
  /* What was noted so far in a step still open. */
  set_field (store, checklist, id, "2-10", "fault-where", "FAX の短縮ダイヤル");
  set_field (store, checklist, id, "2-1", "entry-route", "email,unknown");

  path = g_build_filename (dir, "open.pdf", NULL);
  export_pdf (store, "checklist", id, path, &pdf);

  open = G_N_ELEMENTS (medical_steps) - 2;
  sonae_test_assert_contains (pdf.all, "1 of 15 steps done (1 not applicable)");
  sonae_test_assert_contains (pdf.all, "Initial response — 0 of 9 done");
  sonae_test_assert_contains (pdf.all, "go on by hand if the computers stop");
  /* The step marked: with who and when, and no box left to tick. */
  sonae_test_assert_contains (pdf.all, "2-3Checking network equipment and cables");
  sonae_test_assert_contains (pdf.all, "\u2612 Not applicable Marked 2026-11-30 10:05 by 佐藤 花子 Entered afterwards from paper");
  g_assert_cmpuint (count_of (pdf.all, "\u2612 Not applicable"), ==, 1);
  /* Every step open: its box for “not applicable”, with the lines for the
   * time and who. */
  g_assert_cmpuint (count_of (pdf.all, "\u25a1 Not applicable"), ==, open);
  g_assert_cmpuint (count_of (pdf.all, "Not done"), ==, open);
  g_assert_cmpuint (count_of (pdf.all, "Time"), >=, open);
  g_assert_cmpuint (count_of (pdf.all, "Who"), >=, open);
  /* What was entered is printed; what was not is a field to fill in. */
  {
    gssize at = sonae_test_offset_of (pdf.all, "2-10Surveying the damage", 0);

    at = sonae_test_offset_of (pdf.all, "FAX の短縮ダイヤル", at);
    at = sonae_test_offset_of (pdf.all, "Effect on patient care", at);
    sonae_test_offset_of (pdf.all, "Must the local authority be told?", at);
  }
  g_assert_cmpuint (count_of (pdf.all, "Where the fault is"), ==, 1);
  sonae_test_assert_contains (pdf.all, "E-mail, Not known");
  sonae_test_assert_contains (pdf.all, "When it happened");
  assert_bodies_printed (store, checklist, pdf.all);
  /* An open step says what to do, as on the blank checklist. */
  sonae_test_assert_contains (pdf.all, sonae_checklist_get_step (checklist, "2-14")->text);

  /* Once the incident is closed, a step not done is only that. */
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, "山田 太郎", NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *closed_path = g_build_filename (dir, "closed.pdf", NULL);
    g_auto(SonaeTestPdf) closed;

    export_pdf (store, "checklist", id, closed_path, &closed);
    g_assert_cmpuint (count_of (closed.all, "\u25a1 Not applicable"), ==, 0);
    g_assert_cmpuint (count_of (closed.all, "Not done"), ==, open);
    g_assert_cmpuint (count_of (closed.all, "\u2612 Not applicable"), ==, 1);
    sonae_test_assert_not_contains (closed.all, "go on by hand");
    sonae_test_assert_not_contains (closed.all, sonae_checklist_get_step (checklist, "2-14")->text);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_drill_every_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  g_autofree char *checklist_path = NULL;
  g_autofree char *timeline_path = NULL;
  g_autofree char *blank_path = NULL;
  g_auto(SonaeTestPdf) checklist;
  g_auto(SonaeTestPdf) timeline;
  g_auto(SonaeTestPdf) blank;
  gint64 id;

  id = create_incident (store, "ランサムウェア訓練", TRUE);
  /* Enough entries for the timeline to run over a page. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *note = g_strdup_printf ("訓練メモ %u: 各部署に状況を確認した。", i + 1);

      g_assert_true (sonae_incidents_add_note (store, id, note, "山田 太郎", NULL, &error));
      g_assert_no_error (error);
    }

  checklist_path = g_build_filename (dir, "drill-checklist.pdf", NULL);
  export_pdf (store, "checklist", id, checklist_path, &checklist);
  g_assert_cmpuint (checklist.n_pages, >=, 2);
  for (guint i = 0; i < checklist.n_pages; i++)
    sonae_test_assert_contains (checklist.pages[i], DRILL_BAND);

  timeline_path = g_build_filename (dir, "drill-timeline.pdf", NULL);
  export_pdf (store, "timeline", id, timeline_path, &timeline);
  g_assert_cmpuint (timeline.n_pages, >=, 2);
  for (guint i = 0; i < timeline.n_pages; i++)
    sonae_test_assert_contains (timeline.pages[i], DRILL_BAND);

  /* The blank checklist is about no incident, drill or not. */
  blank_path = g_build_filename (dir, "blank.pdf", NULL);
  export_pdf (store, "checklist", 0, blank_path, &blank);
  sonae_test_assert_not_contains (blank.all, DRILL_BAND);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static gint64
find_entry (SonaeStore     *store,
            gint64          id,
            SonaeEntryKind  kind,
            const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = sonae_incidents_list_timeline (store, id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (timeline, i);

      if (e->kind == kind && (text == NULL || g_strcmp0 (e->text, text) == 0))
        return e->id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
tamper (const char *dir,
        const char *sql)
{
  g_autofree char *db_path = g_build_filename (dir, "sonae.db", NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("could not tamper with the database: %s", message);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

static void
test_timeline (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  g_autofree char *path = NULL;
  g_autofree char *tampered_path = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(SonaeTestPdf) pdf;
  g_auto(SonaeTestPdf) tampered;
  gint64 id, wrong;
  guint n;

  id = create_incident (store, "電子カルテが開かない", FALSE);
  g_assert_true (sonae_incidents_add_note (store, id, "事務長に電話で報告した。", "山田 太郎", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_add_note (store, id, "受付の端末3番のLANケーブルを抜いた。", "佐藤 花子", "2026-11-30T08:55:00", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_add_note (store, id, "バックアップは金曜日のものが最新。", "田中 美咲", NULL, &error));
  g_assert_no_error (error);
  wrong = find_entry (store, id, SONAE_ENTRY_NOTE, "バックアップは金曜日のものが最新。");
  g_assert_true (sonae_incidents_correct_entry (store, id, wrong, "バックアップは木曜日のものが最新。", "田中 美咲", &error));
  g_assert_no_error (error);

  entries = sonae_incidents_list_timeline (store, id, &error);
  g_assert_no_error (error);
  n = entries->len;

  path = g_build_filename (dir, "timeline.pdf", NULL);
  export_pdf (store, "timeline", id, path, &pdf);

  sonae_test_assert_contains (pdf.all, "Incident Timeline");
  sonae_test_assert_contains (pdf.all, incident_number (store, id, &number));
  {
    g_autofree char *verified = g_strdup_printf ("Timeline verified: %u entries, unbroken chain", n);

    sonae_test_assert_contains (pdf.all, verified);
  }
  sonae_test_assert_not_contains (pdf.all, "altered");
  /* Entries with their author, in order. */
  {
    gssize at = sonae_test_offset_of (pdf.all, "事務長に電話で報告した。", 0);

    at = sonae_test_offset_of (pdf.all, "受付の端末3番のLANケーブルを抜いた。", at);
    at = sonae_test_offset_of (pdf.all, "バックアップは金曜日のものが最新。", at);
    sonae_test_offset_of (pdf.all, "バックアップは木曜日のものが最新。", at);
  }
  sonae_test_assert_contains (pdf.all, "佐藤 花子");
  /* Back-entered: the time on paper and the time typed in. */
  sonae_test_assert_contains (pdf.all, "2026-11-30 08:55");
  sonae_test_assert_contains (pdf.all, "from paper; entered 2026-12-01 09:00");
  /* The corrected entry stays, struck through, and the two refer to each other. */
  {
    SonaeTimelineEntry *last = g_ptr_array_index (entries, n - 1);
    g_autofree char *corrected_by = g_strdup_printf ("Corrected by entry %u", last->seq);

    g_assert_cmpint (last->kind, ==, SONAE_ENTRY_CORRECTION);
    g_assert_cmpint (last->corrects, ==, wrong);
    sonae_test_assert_contains (pdf.all, corrected_by);
    /* The fingerprint of the last entry, for evidence. */
    sonae_test_assert_contains (pdf.all, last->hash);
    sonae_test_assert_contains (pdf.all, "vouches for the whole timeline");
  }

  /* Someone changes an entry behind Sonae's back. */
  g_clear_object (&store);
  tamper (dir, "UPDATE timeline SET text = '事務長に報告した（改ざん）' WHERE text = '事務長に電話で報告した。'");
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);

  tampered_path = g_build_filename (dir, "tampered.pdf", NULL);
  export_pdf (store, "timeline", id, tampered_path, &tampered);
  sonae_test_assert_contains (tampered.pages[0], "Warning: this timeline was altered outside Sonae.");
  sonae_test_assert_contains (tampered.pages[0], "cannot be relied on as evidence");
  sonae_test_assert_not_contains (tampered.all, "Timeline verified");
  sonae_test_assert_not_contains (tampered.all, "vouches for the whole timeline");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A status or drill mark changed directly in the database leaves the chain
 * intact: the page must not claim the check covers it, and says what it
 * covers. */
static void
test_timeline_check_scope (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  g_autofree char *path = NULL;
  g_auto(SonaeTestPdf) pdf;
  gint64 id;

  id = create_incident (store, "電子カルテが開かない", FALSE);
  g_assert_true (sonae_incidents_add_note (store, id, "事務長に電話で報告した。", "山田 太郎", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE incidents SET status = 'closed', drill = 1 WHERE id = %" G_GINT64_FORMAT, id);

    tamper (dir, sql);
  }
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_verify_timeline (store, id, NULL, &error));
  g_assert_no_error (error);

  path = g_build_filename (dir, "scope.pdf", NULL);
  export_pdf (store, "timeline", id, path, &pdf);
  /* The changed values are printed as the database holds them… */
  sonae_test_assert_contains (pdf.all, "Closed");
  /* …and the check says it does not vouch for them. */
  sonae_test_assert_contains (pdf.all, "unbroken chain");
  sonae_test_assert_contains (pdf.all, "The check covers the timeline’s entries only.");
  sonae_test_assert_contains (pdf.all, "such as the status and whether this is a drill");
  sonae_test_assert_contains (pdf.all, "a change made to them outside Sonae would not be detected");
  sonae_test_assert_not_contains (pdf.all, "No entry was changed");
  sonae_test_assert_not_contains (pdf.all, "Nothing was changed");
  sonae_test_assert_not_contains (pdf.all, "nothing was changed");

  if (sonae_test_use_japanese ())
    {
      g_auto(SonaeTestPdf) ja;
      g_autofree char *ja_path = g_build_filename (dir, "scope-ja.pdf", NULL);

      export_pdf (store, "timeline", id, ja_path, &ja);
      sonae_test_assert_contains (ja.all, "この検証の対象は経過記録の各項目だけです。");
      sonae_test_assert_contains (ja.all, "Sonae の外で変更されても検出できません");
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_logsheet (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (&dir, SONAE_ORG_CLINIC);
  g_autofree char *path = g_build_filename (dir, "logsheet.pdf", NULL);
  g_auto(SonaeTestPdf) pdf;
  const char *message = NULL;
  const char *second = NULL;

  export_pdf (store, "logsheet", 0, path, &pdf);

  /* Page 1: the activity log; page 2: two message forms to cut apart. */
  g_assert_cmpuint (pdf.n_pages, ==, 2);
  sonae_test_assert_contains (pdf.pages[0], "Activity Log");
  sonae_test_assert_contains (pdf.pages[0], "Time");
  sonae_test_assert_contains (pdf.pages[0], "Who");
  sonae_test_assert_contains (pdf.pages[0], "What was done or seen");
  sonae_test_assert_contains (pdf.pages[0], "Incident number or title");
  sonae_test_assert_not_contains (pdf.pages[0], "Message Form");

  message = strstr (pdf.pages[1], "MessageForm");
  g_assert_nonnull (message);
  second = strstr (message + 1, "MessageForm");
  g_assert_nonnull (second);
  g_assert_null (strstr (second + 1, "MessageForm"));
  sonae_test_assert_contains (pdf.pages[1], "Cut here");
  for (const char *const *label = (const char *const[]) { "To (name, role)", "From (name, role)", "Date and time",
                                                         "Message", "Reply", "Reply by (name, role)", NULL };
       *label; label++)
    sonae_test_assert_contains (second, *label);

  /* Every sheet says to enter it afterwards with the time written on it. */
  for (guint i = 0; i < pdf.n_pages; i++)
    {
      sonae_test_assert_contains (pdf.pages[i], "enter what is written here into the incident, with the time written here");
      sonae_test_assert_contains (pdf.pages[i], ORG_NAME);
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("SONAE_NOW", "2026-12-01T09:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incident-docs/names", test_names);
  g_test_add_func ("/incident-docs/blank-checklist", test_blank_checklist);
  g_test_add_func ("/incident-docs/blank-checklist-business", test_blank_checklist_business);
  g_test_add_func ("/incident-docs/filled-checklist", test_filled_checklist);
  g_test_add_func ("/incident-docs/filled-checklist-open-steps", test_filled_checklist_open_steps);
  g_test_add_func ("/incident-docs/drill-every-page", test_drill_every_page);
  g_test_add_func ("/incident-docs/timeline", test_timeline);
  g_test_add_func ("/incident-docs/timeline-check-scope", test_timeline_check_scope);
  g_test_add_func ("/incident-docs/logsheet", test_logsheet);

  return g_test_run ();
}
