/* test-triage-dialog.c: starting an incident as a person would: the Home
 * action, the three questions and the proposal, Start, and "do now / call
 * now" with calls logged in one click; the database checked afterwards.
 * Runs under a headless X server (xvfb-run -a). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-body-conditions.h"
#include "sonae-contacts.h"
#include "sonae-escalation.h"
#include "sonae-gui-util.h"
#include "sonae-home-page.h"
#include "sonae-incident-now.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"
#include "sonae-triage-dialog.h"
#include "sonae-triage.h"
#include "sonae-window.h"

/* --- helpers --------------------------------------------------------------- */

/* A presented window with the "win" actions the dialog and the views use,
 * recorded. */
static void
fixture_set_up (SonaeTestWindow *f,
                gconstpointer    data)
{
  sonae_test_window_set_up (f, data);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 800);
  sonae_test_window_record_action (f, "show-incident", G_VARIANT_TYPE_INT64);
  sonae_test_window_record_action (f, "show-role", G_VARIANT_TYPE_STRING);
  sonae_test_window_record_action (f, "start-incident", NULL);
  gtk_window_present (GTK_WINDOW (f->window));
}

static GPtrArray *
list_incidents (SonaeTestWindow *f)
{
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GError) error = NULL;
  GPtrArray *incidents = sonae_incidents_list (f->store, &filter, &error);

  g_assert_no_error (error);
  return incidents;
}

static SonaeTriageDialog *
open_dialog (SonaeTestWindow *f)
{
  SonaeTriageDialog *dialog = sonae_triage_dialog_new (GTK_WINDOW (f->window), f->store);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  sonae_test_spin_for (30);
  return dialog;
}

static GObject *
dialog_child (SonaeTriageDialog *dialog,
              const char        *name)
{
  return sonae_test_template_child (GTK_WIDGET (dialog), SONAE_TYPE_TRIAGE_DIALOG, name);
}

static const char *
visible_page (SonaeTriageDialog *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (dialog_child (dialog, "stack")));
}

/* Click the answer row named @name (one click: the next question shows). */
static void
answer (SonaeTriageDialog *dialog,
        const char        *name)
{
  GtkWidget *row = sonae_test_named (GTK_WIDGET (dialog), name);

  g_assert_true (gtk_widget_is_visible (row));
  g_signal_emit_by_name (row, "activate");
}

static void
answer_ransom (SonaeTriageDialog *dialog)
{
  g_assert_cmpstr (visible_page (dialog), ==, "seen");
  answer (dialog, "seen-ransom");
  g_assert_cmpstr (visible_page (dialog), ==, "data");
  answer (dialog, "data-yes");
  g_assert_cmpstr (visible_page (dialog), ==, "impact");
  answer (dialog, "impact-outside");
  g_assert_cmpstr (visible_page (dialog), ==, "proposal");
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gint64
create_incident (SonaeTestWindow *f,
                 int              level,
                 gboolean         drill)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup ("電子カルテが開けない");
  incident->type = SONAE_INCIDENT_MALWARE;
  incident->level = level;
  incident->event = SONAE_EVENT_MALWARE;
  incident->drill = drill;
  incident->answers.seen = SONAE_SEEN_RANSOM;
  incident->answers.personal_data = SONAE_ANSWER_YES;
  incident->answers.impact = SONAE_IMPACT_OUTSIDE;
  g_assert_true (sonae_incidents_create (f->store, incident, NULL, "テスト 担当", &error));
  g_assert_no_error (error);
  g_assert_cmpint (incident->id, >, 0);
  return incident->id;
}

/* A roster like the demo's: two people for the first responder, the lead
 * and the system administrator; nobody as chief executive. */
typedef struct {
  gint64 yamada;
  gint64 suzuki;
  gint64 sato;
  gint64 takahashi;
} Roster;

static Roster
add_roster (SonaeTestWindow *f)
{
  Roster r;
  gint64 first[2];
  gint64 lead[2];
  gint64 sysadmin[1];

  r.yamada = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  r.suzuki = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "鈴木 恵子", "すずき けいこ", "090-0000-1104");
  r.sato = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "佐藤 由美", "さとう ゆみ", "090-0000-1103");
  r.takahashi = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "高橋 誠", "たかはし まこと", "088-000-2600");
  first[0] = r.yamada;
  first[1] = r.suzuki;
  lead[0] = r.sato;
  lead[1] = r.suzuki;
  sysadmin[0] = r.takahashi;
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_FIRST, first, 2, NULL));
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_LEAD, lead, 2, NULL));
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_SYSADMIN, sysadmin, 1, NULL));
  return r;
}

/* --- the dialog -------------------------------------------------------------- */

/* The last page's start button is in view at 1366×768 and 1280×720 (a
 * dialog no taller than the screen's work area), with the focus on it;
 * the recorder's name is only one typed in Sonae before, never the
 * computer account's. */
static void
test_start_in_view (SonaeTestWindow *f,
                    gconstpointer    data)
{
  const int heights[] = { 768 - 48, 720 - 48 };

  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    {
      SonaeTriageDialog *dialog = open_dialog (f);
      GtkWidget *button = GTK_WIDGET (dialog_child (dialog, "start_button"));
      graphene_rect_t bounds;

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "author_row"))), ==, "");
      gtk_window_set_default_size (GTK_WINDOW (dialog), 560, heights[i]);
      answer_ransom (dialog);
      sonae_test_spin_for (100);
      g_assert_cmpstr (visible_page (dialog), ==, "proposal");
      g_assert_true (gtk_widget_has_focus (button));
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (dialog), &bounds));
      g_assert_cmpfloat (bounds.origin.y, >, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (dialog)));
      gtk_window_destroy (GTK_WINDOW (dialog));
      sonae_test_spin_for (20);
    }
}

static void
test_proposal (SonaeTestWindow *f,
               gconstpointer    data)
{
  SonaeTriageDialog *dialog = open_dialog (f);
  SonaeTriageAnswers answers = { SONAE_SEEN_RANSOM, SONAE_ANSWER_YES, SONAE_IMPACT_OUTSIDE };
  g_autoptr(SonaeTriageProposal) expected = sonae_triage_propose (&answers, SONAE_ORG_CLINIC);
  AdwComboRow *level_row = ADW_COMBO_ROW (dialog_child (dialog, "level_row"));
  AdwComboRow *type_row = ADW_COMBO_ROW (dialog_child (dialog, "type_row"));
  AdwComboRow *event_row = ADW_COMBO_ROW (dialog_child (dialog, "event_row"));
  GtkWidget *badge = GTK_WIDGET (dialog_child (dialog, "level_badge"));
  g_autofree char *summary = NULL;

  /* The first question offers the seven things a person may see, in the
   * clinic's words, and nothing can be started yet. */
  for (int seen = 0; seen < SONAE_N_SEEN; seen++)
    {
      g_autofree char *name = g_strconcat ("seen-", sonae_triage_seen_to_string (seen), NULL);
      GtkWidget *row = sonae_test_named (GTK_WIDGET (dialog), name);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       sonae_triage_seen_get_label (seen, SONAE_ORG_CLINIC));
    }
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (dialog_child (dialog, "back_button"))));

  answer_ransom (dialog);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (dialog_child (dialog, "back_button"))));

  /* Level 3, malware infection, with the reasons under each. */
  g_assert_cmpint (expected->level, ==, 3);
  g_assert_cmpint (expected->type, ==, SONAE_INCIDENT_MALWARE);
  g_assert_cmpint (expected->event, ==, SONAE_EVENT_MALWARE);
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (type_row), ==, SONAE_INCIDENT_MALWARE);
  g_assert_cmpuint (adw_combo_row_get_selected (event_row), ==, SONAE_EVENT_MALWARE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (level_row)), ==, expected->level_reason);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (type_row)), ==, expected->type_reason);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (event_row)), ==, expected->event_reason);
  g_assert_nonnull (strstr (expected->level_reason, "Level 3"));

  /* The level is the first thing the person reads, in large type. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "3");
  g_assert_true (gtk_widget_has_css_class (badge, "level-3"));
  summary = sonae_test_label_texts (sonae_test_named (GTK_WIDGET (dialog), "level-summary"));
  g_assert_nonnull (strstr (summary, "Level 3"));
  g_assert_nonnull (strstr (summary, sonae_incident_kind_get_title (SONAE_INCIDENT_MALWARE)));

  /* A title is suggested from the answer. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "title_row"))), ==,
                   "Files locked and a ransom demanded");

  /* Going back and answering differently proposes again. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "triage.back", NULL);
  g_assert_cmpstr (visible_page (dialog), ==, "impact");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "triage.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "triage.back", NULL);
  g_assert_cmpstr (visible_page (dialog), ==, "seen");
  answer (dialog, "seen-system-down");
  answer (dialog, "data-no");
  answer (dialog, "impact-business");
  {
    SonaeTriageAnswers other = { SONAE_SEEN_SYSTEM_DOWN, SONAE_ANSWER_NO, SONAE_IMPACT_BUSINESS };
    g_autoptr(SonaeTriageProposal) again = sonae_triage_propose (&other, SONAE_ORG_CLINIC);

    g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, again->level);
    g_assert_cmpuint (adw_combo_row_get_selected (event_row), ==, SONAE_EVENT_UNAVAILABLE);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (level_row)), ==, again->level_reason);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "title_row"))), ==,
                     "System down or very slow");
  }
  g_assert_cmpuint (f->activated->len, ==, 0);
}

static void
test_change_and_start (SonaeTestWindow *f,
                       gconstpointer    data)
{
  SonaeTriageDialog *dialog = open_dialog (f);
  AdwComboRow *level_row = ADW_COMBO_ROW (dialog_child (dialog, "level_row"));
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  SonaeIncident *incident;
  gboolean gone = FALSE;
  gboolean opened = FALSE;
  gboolean level_logged = FALSE;

  g_object_weak_ref (G_OBJECT (dialog), weak_notify_cb, &gone);
  answer_ransom (dialog);

  /* The person knows better: level 2. The row says the proposal was changed. */
  adw_combo_row_set_selected (level_row, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "level_badge"))), ==, "2");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (level_row)), "Changed by you"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (level_row), "changed"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "  受付PCに脅迫画面  ");
  gtk_switch_set_active (GTK_SWITCH (dialog_child (dialog, "drill_switch")), TRUE);
  /* Whoever is at the reception PC says who they are. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "author_row")), " 受付 加藤 ");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "triage.start", NULL));
  sonae_test_spin_until (flag_is_set, &gone, 5000, "the dialog to close");

  /* One incident, as chosen, and the window was asked to show it. */
  incidents = list_incidents (f);
  g_assert_cmpuint (incidents->len, ==, 1);
  incident = g_ptr_array_index (incidents, 0);
  g_assert_cmpint (incident->level, ==, 2);
  g_assert_cmpint (incident->type, ==, SONAE_INCIDENT_MALWARE);
  g_assert_cmpint (incident->event, ==, SONAE_EVENT_MALWARE);
  g_assert_cmpstr (incident->title, ==, "受付PCに脅迫画面");
  g_assert_true (incident->drill);
  g_assert_cmpint (incident->answers.seen, ==, SONAE_SEEN_RANSOM);
  g_assert_cmpint (incident->answers.personal_data, ==, SONAE_ANSWER_YES);
  g_assert_cmpint (incident->answers.impact, ==, SONAE_IMPACT_OUTSIDE);
  g_assert_cmpstr (incident->created_by, ==, "受付 加藤");
  {
    g_autofree char *remembered = sonae_get_author ();

    g_assert_cmpstr (remembered, ==, "受付 加藤");   /* and is remembered */
  }
  {
    g_autofree char *shown = g_strdup_printf ("show-incident:%" G_GINT64_FORMAT, incident->id);

    g_assert_cmpuint (f->activated->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, shown);
  }

  /* The timeline says it was opened, and that the level was changed from
   * the proposed 3 to 2. */
  timeline = sonae_incidents_list_timeline (f->store, incident->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      SonaeTimelineEntry *entry = g_ptr_array_index (timeline, i);

      if (entry->kind == SONAE_ENTRY_OPENED)
        opened = TRUE;
      if (entry->kind == SONAE_ENTRY_LEVEL)
        {
          g_assert_cmpstr (entry->old_value, ==, "3");
          g_assert_cmpstr (entry->new_value, ==, "2");
          level_logged = TRUE;
        }
      g_assert_true (entry->kind != SONAE_ENTRY_TYPE && entry->kind != SONAE_ENTRY_EVENT);
    }
  g_assert_true (opened);
  g_assert_true (level_logged);
  g_assert_cmpint (((SonaeTimelineEntry *) g_ptr_array_index (timeline, 0))->kind, ==, SONAE_ENTRY_OPENED);
}

static void
test_close_records_nothing (SonaeTestWindow *f,
                            gconstpointer    data)
{
  SonaeTriageDialog *dialog;
  SonaeTriageDialog *early;
  g_autoptr(GPtrArray) incidents = NULL;
  gboolean gone = FALSE;

  /* Start cannot be pressed before the questions are answered. */
  early = open_dialog (f);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog_child (early, "start_button"))));
  gtk_widget_activate_action (GTK_WIDGET (early), "triage.start", NULL);
  g_assert_cmpstr (visible_page (early), ==, "seen");
  {
    g_autoptr(GPtrArray) none = list_incidents (f);

    g_assert_cmpuint (none->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (early));

  /* Answered, then Escape: the dialog goes without a trace. */
  dialog = open_dialog (f);
  g_object_weak_ref (G_OBJECT (dialog), weak_notify_cb, &gone);
  answer_ransom (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  sonae_test_spin_until (flag_is_set, &gone, 5000, "the dialog to close");

  incidents = list_incidents (f);
  g_assert_cmpuint (incidents->len, ==, 0);
  g_assert_cmpuint (f->activated->len, ==, 0);
}

/* --- Home ---------------------------------------------------------------------- */

typedef struct {
  GtkWidget *root;
  const char *name;
  gboolean visible;
} VisibleWait;

static gboolean
named_visible_is (gpointer data)
{
  VisibleWait *wait = data;
  GtkWidget *widget = sonae_test_find_widget (wait->root, sonae_test_is_named, wait->name);

  return (widget != NULL && gtk_widget_is_visible (widget)) == wait->visible;
}

static void
test_home (SonaeTestWindow *f,
           gconstpointer    data)
{
  GtkWidget *home = sonae_home_page_new (f->store);
  GtkWidget *button;
  GtkWidget *group;
  GtkWidget *row;
  VisibleWait wait;
  gint64 id;
  g_autofree char *texts = NULL;
  g_autofree char *shown = NULL;

  sonae_test_window_show_scrolled (f, home);

  /* The one prominent action, at the very top, in red. */
  button = sonae_test_named (home, "start-incident-button");
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_has_css_class (button, "destructive-action"));
  texts = sonae_test_label_texts (button);
  g_assert_nonnull (strstr (texts, "Something Is Wrong"));
  g_assert_nonnull (strstr (texts, "whom to call"));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "start-incident");

  /* No incident open: no list. */
  group = sonae_test_named (home, "open-incidents-group");
  g_assert_false (gtk_widget_is_visible (group));
  /* ... at the very top of Home. */
  g_assert_true (gtk_widget_get_first_child (gtk_widget_get_parent (button)) == button);
  g_assert_true (gtk_widget_get_parent (sonae_test_named (home, "calls-group")) == gtk_widget_get_parent (button));

  /* Someone comes back to Home: the incident in progress is there. */
  id = create_incident (f, 3, FALSE);
  wait = (VisibleWait) { home, "open-incident-row", TRUE };
  sonae_test_spin_until (named_visible_is, &wait, 5000, "the open incident row");
  g_assert_true (gtk_widget_is_visible (group));
  row = sonae_test_named (home, "open-incident-row");
  {
    g_autoptr(SonaeIncident) incident = sonae_incidents_get (f->store, id, NULL);
    const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

    g_assert_nonnull (incident);
    g_assert_true (g_str_has_prefix (title, incident->number));
    g_assert_nonnull (strstr (title, "Level 3"));
    g_assert_nonnull (strstr (title, sonae_incident_status_get_title (SONAE_STATUS_ACTIVE)));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "電子カルテが開けない");
  }
  g_signal_emit_by_name (row, "activate");
  shown = g_strdup_printf ("show-incident:%" G_GINT64_FORMAT, id);
  g_assert_cmpuint (f->activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 1), ==, shown);

  /* Closed, it leaves Home. */
  g_assert_true (sonae_incidents_set_status (f->store, id, SONAE_STATUS_CLOSED, "テスト 担当", NULL, NULL));
  wait = (VisibleWait) { home, "open-incident-row", FALSE };
  sonae_test_spin_until (named_visible_is, &wait, 5000, "the closed incident to go");
  g_assert_false (gtk_widget_is_visible (group));
}

/* The real window opens the dialog from Home's action (once the incidents
 * section provides win.start-incident). */
static void
test_window_action (SonaeTestWindow *f,
                    gconstpointer    data)
{
  SonaeWindow *window = sonae_test_window_open_main (f);
  SonaeTriageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (50);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.start-incident", NULL))
    {
      g_test_skip ("the window has no win.start-incident yet");
      return;
    }
  sonae_test_spin_for (50);
  dialog = SONAE_TRIAGE_DIALOG (sonae_test_find_dialog_of_type (SONAE_TYPE_TRIAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  answer_ransom (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "triage.start", NULL));
  sonae_test_spin_for (100);
  {
    SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
    g_autoptr(GPtrArray) incidents = sonae_incidents_list (f->store, &filter, NULL);

    g_assert_cmpuint (incidents->len, ==, 1);
  }
}

/* --- do now, call now ------------------------------------------------------------ */

static GPtrArray *
role_block_names (GtkWidget *now)
{
  GtkWidget *box = sonae_test_named (now, "call-box");
  GPtrArray *names = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (names, (gpointer) gtk_widget_get_name (child));
  return names;
}

/* A row of a body to report to whose title holds @text. */
static gboolean
body_row_titled (GtkWidget     *widget,
                 gconstpointer  text)
{
  return ADW_IS_PREFERENCES_ROW (widget) && g_str_equal (gtk_widget_get_name (widget), "body-row") &&
         strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) != NULL;
}

static gboolean
has_role_block (gpointer data)
{
  GtkWidget *now = ((gpointer *) data)[0];
  const char *role = ((gpointer *) data)[1];
  gboolean want = GPOINTER_TO_INT (((gpointer *) data)[2]);
  g_autoptr(GPtrArray) names = role_block_names (now);

  return (sonae_test_index_of (names, role) >= 0) == want;
}

/* Whether the chief executive's block names wait[1]. */
static gboolean
top_names (gpointer data)
{
  GtkWidget *now = ((gpointer *) data)[0];
  GtkWidget *top = sonae_test_find_widget (sonae_test_named (now, "call-box"), sonae_test_is_named, SONAE_ROLE_TOP);
  g_autofree char *texts = top ? sonae_test_label_texts (top) : NULL;

  return texts != NULL && strstr (texts, ((gpointer *) data)[1]) != NULL;
}

static gboolean
outcome_shown (gpointer data)
{
  GtkWidget *label = sonae_test_find_widget (data, sonae_test_is_named, "call-outcome");

  return label != NULL && gtk_widget_get_visible (label);
}

static void
test_now (SonaeTestWindow *f,
          gconstpointer    data)
{
  Roster roster = add_roster (f);
  gint64 id = create_incident (f, 3, FALSE);
  GtkWidget *now = sonae_incident_now_new (f->store);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first;
  GtkWidget *top;
  GtkWidget *button;
  GtkWidget *list;
  g_autofree char *first_texts = NULL;
  g_autofree char *top_texts = NULL;
  g_autofree char *outcome = NULL;
  SonaeTimelineEntry *call = NULL;
  guint n_steps = 0;

  sonae_test_window_show_scrolled (f, now);
  sonae_incident_now_set_incident (SONAE_INCIDENT_NOW (now), id);

  /* Do now: the first steps for a virus infection, numbered. */
  list = sonae_test_named (now, "do-now-list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n_steps++;
  g_assert_cmpuint (n_steps, >=, 2);
  {
    g_autofree char *steps = sonae_test_label_texts (list);

    g_assert_true (g_str_has_prefix (steps, "|1|"));
  }

  /* Call now at level 3: the chain up to the chief executive, in order. */
  names = role_block_names (now);
  g_assert_cmpint (sonae_test_index_of (names, SONAE_ROLE_FIRST), ==, 0);
  g_assert_cmpint (sonae_test_index_of (names, SONAE_ROLE_LEAD), >,
                   sonae_test_index_of (names, SONAE_ROLE_FIRST));
  g_assert_cmpint (sonae_test_index_of (names, SONAE_ROLE_TOP), >,
                   sonae_test_index_of (names, SONAE_ROLE_LEAD));

  /* The first responder: the primary, then the deputy, with large numbers. */
  first = sonae_test_named (sonae_test_named (now, "call-box"), SONAE_ROLE_FIRST);
  first_texts = sonae_test_label_texts (first);
  g_assert_nonnull (strstr (first_texts, "山田 太郎"));
  g_assert_nonnull (strstr (first_texts, "|090-1234-5678"));
  g_assert_nonnull (strstr (first_texts, "Primary"));
  g_assert_nonnull (strstr (first_texts, "鈴木 恵子"));
  g_assert_nonnull (strstr (first_texts, "Deputy 1"));
  g_assert_cmpint (strstr (first_texts, "山田 太郎") - first_texts, <, strstr (first_texts, "鈴木 恵子") - first_texts);
  g_assert_null (strstr (first_texts, "Responds at this level"));
  {
    GtkWidget *phone = sonae_test_named (first, "call-phone");

    g_assert_true (gtk_label_get_selectable (GTK_LABEL (phone)));
    g_assert_true (gtk_widget_has_css_class (phone, "call-phone"));
  }

  /* Nobody is chief executive: it says so, and leads to the roster. */
  top = sonae_test_named (sonae_test_named (now, "call-box"), SONAE_ROLE_TOP);
  top_texts = sonae_test_label_texts (top);
  g_assert_nonnull (strstr (top_texts, "Not assigned"));
  g_assert_nonnull (strstr (top_texts, "Responds at this level"));
  button = sonae_test_named (top, "assign-role");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "show-role:" SONAE_ROLE_TOP);

  /* Outside bodies to report to at level 3, each by its condition: a
   * ransomware leak is a crime, an attack on care and a leak to the PPC;
   * the persons are to be notified right after the PPC. */
  {
    GtkWidget *report = sonae_test_named (now, "report-list");
    GtkWidget *police = sonae_test_find_widget (report, body_row_titled, "police cyber-crime desk");
    GtkWidget *ppc = sonae_test_find_widget (report, body_row_titled, "Personal Information Protection Commission");
    GtkWidget *persons = sonae_test_find_widget (report, sonae_test_is_named, "persons-row");

    g_assert_nonnull (police);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (police)), "That is a crime"));
    g_assert_nonnull (ppc);
    g_assert_nonnull (persons);
    g_assert_true (gtk_widget_get_next_sibling (ppc) == persons);
    g_assert_null (sonae_test_find_widget (report, sonae_test_is_named, "not-needed-row"));
  }

  /* One click: no answer from the primary. */
  g_assert_false (outcome_shown (first));
  button = sonae_test_named (first, "call-no-answer");
  g_signal_emit_by_name (button, "clicked");
  timeline = sonae_incidents_list_timeline (f->store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    if (((SonaeTimelineEntry *) g_ptr_array_index (timeline, i))->kind == SONAE_ENTRY_CALL)
      call = g_ptr_array_index (timeline, i);
  g_assert_nonnull (call);
  g_assert_cmpint (call->contact_id, ==, roster.yamada);
  g_assert_cmpstr (call->role_key, ==, SONAE_ROLE_FIRST);
  g_assert_cmpint (call->outcome, ==, SONAE_CALL_NO_ANSWER);
  g_assert_cmpstr (call->author, !=, "");

  /* It shows next to the person: “No answer at 10:42”. */
  sonae_test_spin_until (outcome_shown, first, 5000, "the call's outcome to show");
  outcome = g_strdup (gtk_label_get_text (GTK_LABEL (sonae_test_named (first, "call-outcome"))));
  g_assert_true (g_str_has_prefix (outcome, sonae_call_outcome_get_title (SONAE_CALL_NO_ANSWER)));
  {
    g_autofree char *hhmm = g_strndup (call->at + 11, 5);

    g_assert_nonnull (strstr (outcome, hhmm));
  }
  g_assert_true (gtk_widget_has_css_class (sonae_test_named (first, "call-outcome"), "warning"));
  /* The same person as lead's deputy shows nothing: only 山田 was called. */
  {
    GtkWidget *lead = sonae_test_named (sonae_test_named (now, "call-box"), SONAE_ROLE_LEAD);

    g_assert_false (outcome_shown (lead));
  }

  /* The roster changes: a chief executive is named, and shows at once. */
  {
    gint64 director = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "中村 院長", "なかむら いんちょう", "090-0000-1101");
    g_autofree char *texts = NULL;

    g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_TOP, &director, 1, NULL));
    gpointer wait[3] = { now, (gpointer) "中村 院長", NULL };

    sonae_test_spin_until (top_names, wait, 5000, "the role to be filled");
    texts = sonae_test_label_texts (sonae_test_named (sonae_test_named (now, "call-box"), SONAE_ROLE_TOP));
    g_assert_nonnull (strstr (texts, "中村 院長"));
    /* The call logged before still shows after the rebuild. */
    g_assert_true (outcome_shown (sonae_test_named (sonae_test_named (now, "call-box"), SONAE_ROLE_FIRST)));
  }

  /* The level goes down to 1: the chain stops before the chief executive. */
  {
    gpointer wait[3] = { now, (gpointer) SONAE_ROLE_TOP, GINT_TO_POINTER (FALSE) };

    g_assert_true (sonae_incidents_set_level (f->store, id, 1, "テスト 担当", NULL, NULL));
    sonae_test_spin_until (has_role_block, wait, 5000, "the chain for level 1");
  }

  /* Nothing shown for no incident. */
  sonae_incident_now_set_incident (SONAE_INCIDENT_NOW (now), 0);
  g_assert_false (gtk_widget_get_visible (sonae_test_named (now, "call-section")));
  g_assert_false (gtk_widget_get_visible (sonae_test_named (now, "do-now-section")));
}

static gboolean
report_lists (gpointer data)
{
  GtkWidget *now = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];
  GtkWidget *row = sonae_test_find_widget (sonae_test_named (now, "report-list"), sonae_test_is_named, "not-needed-row");

  return row != NULL && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) != NULL;
}

/* A level-3 disk failure, no leak, no crime: neither the police nor the
 * PPC is listed to report to, and the line that says what is not needed
 * names them; the local authority is to decide. An answer given elsewhere
 * shows at once. */
static void
test_now_disk_failure (SonaeTestWindow *f,
                       gconstpointer    data)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *now = sonae_incident_now_new (f->store);
  GtkWidget *report;
  GtkWidget *local;
  GtkWidget *not_needed;
  const char *title;

  incident->title = g_strdup ("サーバーのディスク故障");
  incident->type = SONAE_INCIDENT_TAMPER;
  incident->level = 3;
  incident->event = SONAE_EVENT_UNAVAILABLE;
  incident->answers.seen = SONAE_SEEN_SYSTEM_DOWN;
  incident->answers.personal_data = SONAE_ANSWER_NO;
  incident->answers.impact = SONAE_IMPACT_OUTSIDE;
  g_assert_true (sonae_incidents_create (f->store, incident, NULL, "テスト 担当", &error));
  g_assert_no_error (error);

  sonae_test_window_show_scrolled (f, now);
  sonae_incident_now_set_incident (SONAE_INCIDENT_NOW (now), incident->id);
  report = sonae_test_named (now, "report-list");

  g_assert_null (sonae_test_find_widget (report, body_row_titled, "police cyber-crime desk"));
  g_assert_null (sonae_test_find_widget (report, body_row_titled, "Personal Information Protection Commission"));
  g_assert_null (sonae_test_find_widget (report, sonae_test_is_named, "persons-row"));
  not_needed = sonae_test_find_widget (report, sonae_test_is_named, "not-needed-row");
  g_assert_nonnull (not_needed);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (not_needed));
  g_assert_nonnull (strstr (title, "police cyber-crime desk"));
  g_assert_nonnull (strstr (title, "Personal Information Protection Commission"));
  g_assert_nonnull (strstr (title, "JPCERT/CC"));
  local = sonae_test_find_widget (report, body_row_titled, "Local authority overseeing medical institutions");
  g_assert_nonnull (local);
  g_assert_nonnull (sonae_test_find_widget (local, sonae_test_is_named, "body-to-decide"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (local)), "Decide: "));

  /* The clinic decides it is not serious enough: the row goes. */
  g_assert_true (sonae_body_conditions_set_answer (f->store, incident->id, "prefecture-medical", SONAE_ANSWER_NO,
                                                   "テスト 担当", &error));
  g_assert_no_error (error);
  {
    gpointer wait[2] = { now, (gpointer) "Local authority overseeing medical institutions" };

    sonae_test_spin_until (report_lists, wait, 5000, "the local authority among those not needed");
  }
  g_assert_null (sonae_test_find_widget (sonae_test_named (now, "report-list"), body_row_titled,
                                         "Local authority overseeing medical institutions"));
  g_assert_null (sonae_test_find_widget (sonae_test_named (now, "report-list"), sonae_test_is_named, "body-to-decide"));
  g_assert_nonnull (sonae_test_find_widget (sonae_test_named (now, "report-list"), sonae_test_is_named,
                                            "not-needed-row"));
}

/* A phishing mail opened, staff's work only (level 1: the manual names
 * no outside body), personal data not known: the PPC is still to decide,
 * and the Now tab says so whatever the level. */
static void
test_now_ppc_any_level (SonaeTestWindow *f,
                        gconstpointer    data)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *now = sonae_incident_now_new (f->store);
  GtkWidget *report;
  GtkWidget *ppc;

  incident->title = g_strdup ("不審なメールを開いた");
  incident->type = SONAE_INCIDENT_MALWARE;
  incident->level = 1;
  incident->event = SONAE_EVENT_MALWARE;
  incident->answers.seen = SONAE_SEEN_SUSPICIOUS_MAIL;
  incident->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  incident->answers.impact = SONAE_IMPACT_STAFF;
  g_assert_true (sonae_incidents_create (f->store, incident, NULL, "テスト 担当", &error));
  g_assert_no_error (error);

  sonae_test_window_show_scrolled (f, now);
  sonae_incident_now_set_incident (SONAE_INCIDENT_NOW (now), incident->id);
  report = sonae_test_named (now, "report-list");
  ppc = sonae_test_find_widget (report, body_row_titled, "Personal Information Protection Commission");
  g_assert_nonnull (ppc);
  g_assert_nonnull (sonae_test_find_widget (ppc, sonae_test_is_named, "body-to-decide"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ppc)), "not known yet whether personal data"));
}

/* The first screen in a crisis reads as Japanese is read: its wrapped
 * lines break between phrases, never inside a word (GTK alone broke
 * 「ま／たは」, 「な／くした」, 「ロックされ／た」, 「すべきこ／と」). */
static void
test_phrases_whole (SonaeTestWindow *f,
                    gconstpointer    data)
{
  static const char *const words[] = {
    "または", "なくした", "ロックされた", "すべきこと", "メッセージ", "あります", "とても遅い", NULL,
  };
  SonaeTriageDialog *dialog;

  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }
  dialog = open_dialog (f);
  /* The test sees wrapped lines: the intro and four answers wrap at this
   * width. */
  g_assert_cmpuint (sonae_test_assert_phrases_whole (GTK_WIDGET (dialog), words), >=, 4);

  /* The last page too, with its reasons. */
  answer_ransom (dialog);
  sonae_test_spin_for (50);
  sonae_test_assert_phrases_whole (GTK_WIDGET (dialog), words);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sonae_test_use_default_language ();
}

/* The "Now" screen that follows wraps its Japanese between phrases too
 * (GTK alone broke 「記／録が消える」 in its first step). */
static void
test_now_phrases_whole (SonaeTestWindow *f,
                        gconstpointer    data)
{
  static const char *const words[] = { "記録", "ください", "ケーブル", "あります", "とき", NULL };
  GtkWidget *now;
  gint64 id;

  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }
  add_roster (f);
  id = create_incident (f, 3, FALSE);
  now = sonae_incident_now_new (f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 800);
  sonae_test_window_show_scrolled (f, now);
  sonae_incident_now_set_incident (SONAE_INCIDENT_NOW (now), id);
  sonae_test_spin_for (100);

  g_assert_cmpuint (sonae_test_assert_phrases_whole (now, words), >=, 3);
  sonae_test_use_default_language ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/triage-dialog/" name, SonaeTestWindow, NULL, fixture_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("proposal", test_proposal);
  ADD ("start-in-view", test_start_in_view);
  ADD ("change-and-start", test_change_and_start);
  ADD ("close-records-nothing", test_close_records_nothing);
  ADD ("home", test_home);
  ADD ("now", test_now);
  ADD ("now-disk-failure", test_now_disk_failure);
  ADD ("now-ppc-any-level", test_now_ppc_any_level);
  ADD ("phrases-whole", test_phrases_whole);
  ADD ("now-phrases-whole", test_now_phrases_whole);
#undef ADD
  g_test_add ("/triage-dialog/window-action", SonaeTestWindow, NULL,
              sonae_test_window_set_up, test_window_action, sonae_test_window_tear_down);

  return g_test_run ();
}
