/* test-reporting-duties-view.c: an incident's reporting duties in the GUI, with a
 * real store and real widgets (xvfb-run -a), against a fixed clock; and
 * Home's "Needs Attention" listing an overdue action. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-ppc-bodies.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"
#include "sonae-reporting-duties-view.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"
#include "sonae-window.h"

#define AUTHOR "事務長 テスト"
#define DETECTED "2026-11-21T08:30:00"   /* a Saturday: learned on day 1 */
#define TODAY "2026-11-22"

/* The incident's reporting duties view is the fixture's page. */
typedef struct {
  SonaeTestWindow w;
  gint64 id;
} Fixture;

/* --- helpers --------------------------------------------------------------- */

static gboolean
row_title_contains (GtkWidget     *widget,
                    gconstpointer  text)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) != NULL;
}

static GtkWidget *
view_named (Fixture    *f,
            const char *name)
{
  return sonae_test_named (f->w.page, name);
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (view_named (f, name)));
}

static void
press (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  else
    g_signal_emit_by_name (button, "clicked");
  sonae_test_spin_for (20);
}

static void
set_now (const char *now)
{
  g_setenv ("SONAE_NOW", now, TRUE);
}

static SonaePpcAssessment *
stored_ppc (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SonaePpcAssessment *a = sonae_ppc_get (f->w.store, f->id, &error);

  g_assert_no_error (error);
  return a;
}

/* The clock at TODAY, a fresh store and who is recording. */
static void
clock_set_up (Fixture       *f,
              gconstpointer  data)
{
  set_now (TODAY "T10:00:00");
  sonae_test_window_set_up (&f->w, data);
  sonae_set_author (AUTHOR);
}

/* A clinic's incident, its duties shown. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SonaeProfile) profile = NULL;

  clock_set_up (f, data);
  profile = sonae_store_get_profile (f->w.store);
  profile->kind = SONAE_ORG_CLINIC;
  g_free (profile->name);
  profile->name = g_strdup ("そなえ内科クリニック");
  g_assert_true (sonae_store_set_profile (f->w.store, profile, NULL));
  f->id = sonae_test_add_incident (f->w.store, "電子カルテの暗号化", DETECTED, 3, FALSE, "受付 花子");

  gtk_window_set_default_size (GTK_WINDOW (f->w.window), 900, 800);
  sonae_test_window_show (&f->w, sonae_reporting_duties_view_new (f->w.store));
  sonae_reporting_duties_view_set_incident (SONAE_REPORTING_DUTIES_VIEW (f->w.page), f->id);
  sonae_test_spin_for (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Error dialogs would mean a test went wrong: the window is alone. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  sonae_test_window_tear_down (&f->w, data);
  g_unsetenv ("SONAE_NOW");
}

/* --- the answer --------------------------------------------------------------- */

static void
test_required (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SonaePpcAssessment) before = stored_ppc (f);
  g_autoptr(SonaePpcAssessment) after = NULL;
  g_autofree char *day3 = sonae_ppc_day ("2026-11-21", 3);
  g_autofree char *day5 = sonae_ppc_day ("2026-11-21", 5);
  g_autofree char *day30 = sonae_ppc_day ("2026-11-21", 30);
  g_autofree char *day60 = sonae_ppc_day ("2026-11-21", 60);

  /* Nothing answered: not decided, and the learned day is the detection day. */
  g_assert_cmpstr (before->learned_on, ==, "2026-11-21");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view_named (f, "ppc-learned-on"))), ==, "2026-11-21");
  g_assert_nonnull (strstr (label_text (f, "verdict-title"), "Not decided"));
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "undecided"));

  press (view_named (f, "ppc-personal-data-yes"));
  press (view_named (f, "ppc-sensitive-yes"));

  after = stored_ppc (f);
  g_assert_cmpint (after->personal_data, ==, SONAE_ANSWER_YES);
  g_assert_cmpint (after->conditions[SONAE_PPC_CONDITION_SENSITIVE], ==, SONAE_ANSWER_YES);
  g_assert_cmpstr (label_text (f, "verdict-title"), ==, "A report to the PPC is required");
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "required"));
  g_assert_nonnull (strstr (label_text (f, "verdict-reason"), "sensitive personal data"));
  g_assert_true (gtk_widget_get_visible (view_named (f, "deadlines")));
  g_assert_true (gtk_widget_get_visible (view_named (f, "verify-note")));

  /* The preliminary report is due promptly, now: where the guide of about
   * 3 to 5 days ends (day 5) is shown, never day 3 as a start; day 30 for
   * the final report, counted from the day learned (day 1). */
  g_assert_cmpstr (day3, ==, "2026-11-23");
  g_assert_null (strstr (label_text (f, "preliminary-dates"), day3));
  g_assert_true (g_str_has_prefix (label_text (f, "preliminary-dates"), "Promptly"));
  g_assert_nonnull (strstr (label_text (f, "preliminary-dates"), day5));
  g_assert_nonnull (strstr (label_text (f, "final-dates"), day30));
  g_assert_cmpstr (label_text (f, "preliminary-left"), ==, "Now");
  g_assert_cmpstr (label_text (f, "final-left"), ==, "28 days left");
  g_assert_false (gtk_widget_has_css_class (view_named (f, "preliminary-left"), "overdue"));
  g_assert_cmpstr (label_text (f, "preliminary-note"), ==, sonae_ppc_get_preliminary_note ());
  g_assert_cmpstr (label_text (f, "deadline-note"), ==, sonae_ppc_get_deadline_note ());
  /* Day 30 is a Sunday: the guideline moves it, and the view says so. */
  g_assert_true (gtk_widget_get_visible (view_named (f, "final-moves-note")));
  /* The persons are to be notified, promptly. */
  g_assert_true (gtk_widget_get_visible (view_named (f, "persons")));
  g_assert_cmpstr (label_text (f, "persons-left"), ==, "Now");
  g_assert_cmpstr (label_text (f, "persons-note"), ==, sonae_ppc_get_persons_note ());

  /* Unlawful purpose: 60 days for the final report (a Tuesday). */
  press (view_named (f, "ppc-unlawful-yes"));
  g_assert_nonnull (strstr (label_text (f, "final-dates"), day60));
  g_assert_false (gtk_widget_get_visible (view_named (f, "final-moves-note")));

  /* Later, the preliminary report is past its guide, in red. */
  set_now ("2026-11-27T09:00:00");
  sonae_reporting_duties_view_set_incident (SONAE_REPORTING_DUTIES_VIEW (f->w.page), f->id);
  g_assert_cmpstr (label_text (f, "preliminary-left"), ==, "2 days past the guide");
  g_assert_true (gtk_widget_has_css_class (view_named (f, "preliminary-left"), "overdue"));

  /* The persons notified: said with the date. */
  press (view_named (f, "sent-persons-today"));
  g_assert_nonnull (strstr (label_text (f, "persons-left"), "Notified on 2026-11-27"));

  /* No personal data: not required, no dates, the conditions hidden. */
  press (view_named (f, "ppc-personal-data-no"));
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "not-required"));
  g_assert_false (gtk_widget_get_visible (view_named (f, "deadlines")));
  g_assert_false (gtk_widget_get_visible (view_named (f, "ppc-sensitive")));
}

/* What counts, the 2024 case, the exemption, and the rules pointed to. */
static void
test_new_questions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SonaePpcAssessment) after = NULL;
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (view_named (f, "ppc-personal-data")));

  /* The three words and their exceptions, where the question is answered. */
  g_assert_cmpstr (subtitle, ==, sonae_ppc_get_definitions ());
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (view_named (f, "ppc-over-1000"))),
                            "Exactly 1,000 is not enough"));
  g_assert_nonnull (strstr (label_text (f, "ppc-my-number"), sonae_ppc_get_my_number_note ()));
  g_assert_true (g_str_has_prefix (label_text (f, "ppc-my-number"), "Check: "));
  /* A clinic's report is not handed to a ministry. */
  g_assert_null (sonae_test_find_widget (f->w.page, sonae_test_is_named, "ppc-delegation"));

  /* No data of ours leaked, but the web form was skimmed: required. */
  press (view_named (f, "ppc-personal-data-no"));
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "not-required"));
  g_assert_false (gtk_widget_get_visible (view_named (f, "ppc-encrypted")));
  gtk_switch_set_active (GTK_SWITCH (view_named (f, "ppc-acquiring-switch")), TRUE);
  sonae_test_spin_for (20);
  after = stored_ppc (f);
  g_assert_true (after->acquiring);
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "required"));
  g_assert_nonnull (strstr (label_text (f, "verdict-reason"), "taken on purpose"));
  g_assert_nonnull (strstr (label_text (f, "final-dates"), "day 60"));
  gtk_switch_set_active (GTK_SWITCH (view_named (f, "ppc-acquiring-switch")), FALSE);
  sonae_test_spin_for (20);

  /* Our own medical data, strongly encrypted with the key safe: exempt. */
  press (view_named (f, "ppc-personal-data-yes"));
  press (view_named (f, "ppc-sensitive-yes"));
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "required"));
  g_assert_true (gtk_widget_get_visible (view_named (f, "ppc-encrypted")));
  gtk_switch_set_active (GTK_SWITCH (view_named (f, "ppc-encrypted-switch")), TRUE);
  sonae_test_spin_for (20);
  g_clear_pointer (&after, sonae_ppc_assessment_free);
  after = stored_ppc (f);
  g_assert_true (after->encrypted);
  g_assert_false (after->acquiring);
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "not-required"));
  g_assert_nonnull (strstr (label_text (f, "verdict-reason"), "strong encryption"));
}

/* A business: its ministry may take the report; checked by the view. */
static void
test_business_delegation (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (f->w.store);
  GtkWidget *view;

  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (f->w.store, profile, NULL));
  view = sonae_reporting_duties_view_new (f->w.store);
  g_object_ref_sink (view);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sonae_test_named (view, "ppc-delegation"))), ==,
                   sonae_ppc_get_delegation_note (SONAE_ORG_BUSINESS));
  g_object_unref (view);
}

static void
test_processor (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SonaePpcAssessment) after = NULL;

  g_assert_false (gtk_widget_get_visible (view_named (f, "sent-principal")));
  press (view_named (f, "ppc-personal-data-yes"));
  press (view_named (f, "ppc-sensitive-yes"));
  gtk_switch_set_active (GTK_SWITCH (view_named (f, "ppc-processor-switch")), TRUE);
  sonae_test_spin_for (20);
  g_assert_true (gtk_widget_get_visible (view_named (f, "sent-principal")));
  press (view_named (f, "sent-principal-today"));

  after = stored_ppc (f);
  g_assert_true (after->processor);
  g_assert_cmpstr (after->principal_notified_on, ==, TODAY);
  g_assert_true (gtk_widget_has_css_class (view_named (f, "verdict"), "principal"));
  g_assert_false (gtk_widget_get_visible (view_named (f, "deadlines")));
}

/* --- the dates ------------------------------------------------------------------ */

static void
test_sent_today (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) after = NULL;
  g_autoptr(SonaePpcAssessment) unchanged = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  SonaeTimelineEntry *last;
  GtkWidget *final_row;

  press (view_named (f, "ppc-personal-data-yes"));
  press (view_named (f, "ppc-sensitive-yes"));
  press (view_named (f, "sent-preliminary-today"));

  after = stored_ppc (f);
  g_assert_cmpstr (after->preliminary_sent_on, ==, TODAY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view_named (f, "sent-preliminary"))), ==, TODAY);
  g_assert_nonnull (strstr (label_text (f, "preliminary-left"), "Sent on " TODAY));

  entries = sonae_incidents_list_timeline (f->w.store, f->id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpint (last->kind, ==, SONAE_ENTRY_REPORT);
  g_assert_cmpstr (last->author, ==, AUTHOR);

  /* A date before the day learned is refused: the message shows, the text
   * stays to be corrected, nothing is stored. */
  final_row = view_named (f, "sent-final");
  gtk_editable_set_text (GTK_EDITABLE (final_row), "2026-11-01");
  g_signal_emit_by_name (final_row, "apply");
  sonae_test_spin_for (20);
  g_assert_true (gtk_widget_get_visible (view_named (f, "ppc-error")));
  g_assert_nonnull (strstr (label_text (f, "ppc-error"), "2026-11-01"));
  g_assert_true (gtk_widget_has_css_class (final_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (final_row)), ==, "2026-11-01");
  unchanged = stored_ppc (f);
  g_assert_null (unchanged->final_sent_on);

  /* Cleared and applied: the preliminary date goes. */
  gtk_editable_set_text (GTK_EDITABLE (view_named (f, "sent-preliminary")), "");
  g_signal_emit_by_name (view_named (f, "sent-preliminary"), "apply");
  sonae_test_spin_for (20);
  {
    g_autoptr(SonaePpcAssessment) cleared = stored_ppc (f);
    g_assert_null (cleared->preliminary_sent_on);
  }
}

/* --- the draft ------------------------------------------------------------------- */

typedef struct {
  Fixture *f;
  const char *key;
  const char *text;
} ReportWait;

static gboolean
report_field_is (gpointer data)
{
  ReportWait *w = data;
  g_autoptr(SonaeReport) report = sonae_report_load (w->f->w.store, w->f->id, NULL);

  return report != NULL && g_strcmp0 (sonae_report_get (report, w->key), w->text) == 0;
}

static void
test_draft_typing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcDraft) draft = sonae_ppc_get_draft (f->w.store, f->id, &error);
  ReportWait wait = { f, NULL, "氏名、住所、診療記録（約 1,200 名分）" };
  g_autofree char *name = NULL;
  GtkWidget *row;
  GtkWidget *text_view;
  guint editable = G_MAXUINT;
  guint gathered = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      if (draft->items[i].report_key != NULL && editable == G_MAXUINT)
        editable = i;
      if (draft->items[i].report_key == NULL && gathered == G_MAXUINT)
        gathered = i;
      /* Every item is shown, in order, with its title. */
      name = g_strdup_printf ("draft-item-%u", i);
      g_assert_nonnull (sonae_test_find_widget (view_named (f, name), sonae_test_is_named, "draft-text"));
      g_clear_pointer (&name, g_free);
    }
  g_assert_cmpuint (editable, <, SONAE_PPC_N_DRAFT_ITEMS);
  wait.key = draft->items[editable].report_key;

  name = g_strdup_printf ("draft-item-%u", editable);
  row = view_named (f, name);
  text_view = sonae_test_named (row, "draft-text");
  g_assert_true (GTK_IS_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), wait.text, -1);
  /* Not at once: about a second after the last key. */
  g_assert_false (report_field_is (&wait));
  sonae_test_spin_until (report_field_is, &wait, 3000, "the draft item to be saved");

  /* An item gathered from elsewhere is shown, not edited. */
  if (gathered < SONAE_PPC_N_DRAFT_ITEMS)
    {
      g_autofree char *other = g_strdup_printf ("draft-item-%u", gathered);
      g_assert_true (GTK_IS_LABEL (sonae_test_named (view_named (f, other), "draft-text")));
    }

  /* Typed and flushed at once (as when the tab is hidden). */
  wait.text = "電子カルテの患者情報";
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), wait.text, -1);
  g_assert_true (sonae_reporting_duties_view_flush (SONAE_REPORTING_DUTIES_VIEW (f->w.page)));
  g_assert_true (report_field_is (&wait));

  /* Copy all puts the nine items on the clipboard. */
  g_signal_emit_by_name (view_named (f, "draft-copy-all"), "clicked");
  sonae_test_spin_for (20);
}

/* --- the other bodies ----------------------------------------------------------- */

/* The text of the label named @name in a body's row. */
static const char *
row_label (GtkWidget  *row,
           const char *name)
{
  GtkWidget *label = sonae_test_find_widget (row, sonae_test_is_named, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static SonaeBodyReport *
body (Fixture    *f,
      GPtrArray **out_list,
      guint       i)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (out_list, g_ptr_array_unref);
  *out_list = sonae_ppc_list_body_reports (f->w.store, f->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*out_list)->len, >, i);
  return g_ptr_array_index (*out_list, i);
}

static void
test_body_done (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  SonaeBodyReport *first = body (f, &list, 0);
  g_autofree char *key = g_strdup (first->authority_key);
  g_autofree char *row_name = g_strdup_printf ("body-%s", key);
  g_autofree char *done_name = g_strdup_printf ("body-%s-done", key);
  g_autofree char *clear_name = g_strdup_printf ("body-%s-clear", key);
  GtkWidget *row;

  g_assert_null (first->done_on);
  /* The authority's name from the roster, not its key. */
  row = view_named (f, row_name);
  g_assert_cmpstr (row_label (row, "body-title"), !=, key);
  g_assert_cmpstr (row_label (row, "body-title"), !=, "");

  press (view_named (f, done_name));
  g_assert_cmpstr (body (f, &list, 0)->done_on, ==, TODAY);
  g_assert_nonnull (strstr (row_label (view_named (f, row_name), "body-status"), TODAY));

  /* Cleared again. */
  press (view_named (f, clear_name));
  g_assert_null (body (f, &list, 0)->done_on);
  g_assert_nonnull (sonae_test_find_widget (f->w.page, sonae_test_is_named, done_name));
}

/* Each body by its own condition: ransomware (the fixture's incident) is a
 * crime, so the police apply; answered "no", they do not, and the answer
 * is in the timeline. */
static void
test_body_conditions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *row = view_named (f, "body-police-cyber");
  SonaeTimelineEntry *last;

  g_assert_nonnull (sonae_test_find_widget (row, sonae_test_is_named, "body-applies"));
  g_assert_nonnull (strstr (row_label (row, "body-reason"), "That is a crime"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (view_named (f, "body-police-cyber-yes"))));
  /* The local authority is told with the ministry (an attack on a clinic). */
  g_assert_nonnull (sonae_test_find_widget (view_named (f, "body-prefecture-medical"), sonae_test_is_named,
                                            "body-applies"));
  /* A desk for advice has nothing to answer. */
  g_assert_null (sonae_test_find_widget (f->w.page, sonae_test_is_named, "body-mhlw-support-yes"));

  press (view_named (f, "body-police-cyber-no"));
  row = view_named (f, "body-police-cyber");
  g_assert_nonnull (sonae_test_find_widget (row, sonae_test_is_named, "body-not-needed"));
  g_assert_nonnull (strstr (row_label (row, "body-reason"), "You answered that it does not apply"));
  g_assert_true (g_str_has_prefix (row_label (row, "body-status"), "Not needed for this incident as it stands"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (view_named (f, "body-police-cyber-no"))));
  entries = sonae_incidents_list_timeline (f->w.store, f->id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpint (last->kind, ==, SONAE_ENTRY_REPORT);
  g_assert_cmpstr (last->author, ==, AUTHOR);
  g_assert_nonnull (strstr (last->text, "answered that it does not apply"));

  /* Not known yet: to decide. */
  press (view_named (f, "body-police-cyber-unknown"));
  g_assert_nonnull (sonae_test_find_widget (view_named (f, "body-police-cyber"), sonae_test_is_named, "body-undecided"));
}

/* --- Home -------------------------------------------------------------------------- */

static void
test_home_overdue_action (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SonaeCapa) action = sonae_capa_new ();
  g_autoptr(GError) error = NULL;
  SonaeWindow *window;
  GtkWidget *home;
  GtkWidget *group;
  GtkWidget *row;
  gint64 id;

  id = sonae_test_add_incident (f->w.store, "電子カルテの暗号化", DETECTED, 2, FALSE, "受付 花子");
  action->incident_id = id;
  action->kind = SONAE_CAPA_CORRECTIVE;
  action->text = g_strdup ("VPN 機器の更新手順を保守契約に入れる");
  action->due_on = g_strdup ("2026-11-21");
  g_assert_true (sonae_capa_save (f->w.store, action, AUTHOR, &error));
  g_assert_no_error (error);

  /* Sonae opens on the incident in progress; Home lists the action. */
  window = sonae_test_window_open_main (&f->w);
  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (50);
  g_assert_cmpstr (sonae_window_get_section (window), ==, "incidents");
  sonae_window_set_section (window, "home");
  sonae_test_spin_for (50);
  home = sonae_window_get_page (window, "home");
  group = sonae_test_named (home, "attention-group");
  row = sonae_test_find_widget (group, row_title_contains, action->text);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "overdue-row");

  /* It opens the incident. */
  g_signal_emit_by_name (row, "activate");
  sonae_test_spin_for (20);
  g_assert_cmpstr (sonae_window_get_section (window), ==, "incidents");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/reporting-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("required", test_required);
  ADD ("processor", test_processor);
  ADD ("sent-today", test_sent_today);
  ADD ("draft-typing", test_draft_typing);
  ADD ("body-done", test_body_done);
  ADD ("body-conditions", test_body_conditions);
  ADD ("new-questions", test_new_questions);
  ADD ("business-delegation", test_business_delegation);
#undef ADD
  g_test_add ("/reporting-view/home-overdue-action", Fixture, NULL, clock_set_up, test_home_overdue_action,
              fixture_tear_down);

  return g_test_run ();
}
