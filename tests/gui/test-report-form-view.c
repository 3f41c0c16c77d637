/* test-report-form-view.c: the incident report form and its actions, in a
 * window of its own, driven through its widgets, with the database checked
 * afterwards. Runs under a headless X server (xvfb-run -a). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-capa-dialog.h"
#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-contact-chooser.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-report-form-view.h"
#include "sonae-report-form.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

#define AUTHOR "テスト 担当"

/* The view is the fixture's page. */
typedef struct {
  SonaeTestWindow w;
  gint64 incident_id;
} Fixture;

/* --- helpers --------------------------------------------------------------- */

/* A widget shown on screen: visible with all its ancestors. */
static gboolean
shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  return TRUE;
}

static SonaeReport *
stored_report (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SonaeReport *report = sonae_report_load (f->w.store, f->incident_id, &error);

  g_assert_no_error (error);
  return report;
}

static GPtrArray *
stored_actions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *actions = sonae_capa_list (f->w.store, f->incident_id, &error);

  g_assert_no_error (error);
  return actions;
}

/* The action dialog the view opened (there is only one at a time here). */
static SonaeCapaDialog *
open_dialog (void)
{
  GtkWidget *dialog = sonae_test_find_dialog_of_type (SONAE_TYPE_CAPA_DIALOG);

  g_assert_nonnull (dialog);
  return SONAE_CAPA_DIALOG (dialog);
}

static GtkWidget *
dialog_child (SonaeCapaDialog *dialog,
              const char      *name)
{
  return GTK_WIDGET (sonae_test_template_child (GTK_WIDGET (dialog), SONAE_TYPE_CAPA_DIALOG, name));
}

static void
click_save (SonaeCapaDialog *dialog)
{
  g_signal_emit_by_name (dialog_child (dialog, "save_button"), "clicked");
  sonae_test_spin_for (50);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sonae_test_window_set_up (&f->w, data);
  sonae_set_author (AUTHOR);
  f->incident_id = sonae_test_add_incident (f->w.store, "電子カルテが開かない", NULL, 2, FALSE, "受付 花子");
  g_assert_true (sonae_incidents_set_detail (f->w.store, f->incident_id, SONAE_INCIDENT_DETAIL_LOCATION,
                                             "受付", AUTHOR, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (f->w.window), 900, 800);
  sonae_test_window_show (&f->w, sonae_report_form_view_new (f->w.store));
  sonae_report_form_view_set_incident (SONAE_REPORT_FORM_VIEW (f->w.page), f->incident_id);
  sonae_test_spin_for (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sonae_test_window_tear_down (&f->w, data);
}

/* --- tests ------------------------------------------------------------------- */

/* What the incident record knows is shown, marked, and can be brought back
 * after a change. */
static void
test_proposed (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *place = sonae_test_named (f->w.page, SONAE_REPORT_PLACE);
  g_autoptr(SonaeReport) report = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "受付");
  g_assert_true (shown (sonae_test_named (f->w.page, "place-mark")));
  g_assert_false (shown (sonae_test_named (f->w.page, "place-revert")));
  /* A field the record does not know has no mark. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (f->w.page, SONAE_REPORT_DEPARTMENT))), ==, "");
  g_assert_false (shown (sonae_test_named (f->w.page, "department-mark")));

  /* Typing takes the mark away at once. */
  gtk_editable_set_text (GTK_EDITABLE (place), "受付 (2階)");
  g_assert_false (shown (sonae_test_named (f->w.page, "place-mark")));
  g_assert_true (sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (f->w.page)));
  g_assert_false (shown (sonae_test_named (f->w.page, "place-mark")));
  g_assert_true (shown (sonae_test_named (f->w.page, "place-revert")));

  /* Back to the incident record's value. */
  g_signal_emit_by_name (sonae_test_named (f->w.page, "place-revert"), "clicked");
  sonae_test_spin_for (50);
  report = stored_report (f);
  g_assert_true (sonae_report_is_proposed (report, SONAE_REPORT_PLACE));
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_PLACE), ==, "受付");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "受付");
  g_assert_true (shown (sonae_test_named (f->w.page, "place-mark")));
}

static void
test_place_saved (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *place = sonae_test_named (f->w.page, SONAE_REPORT_PLACE);
  g_autoptr(SonaeReport) before = NULL;
  g_autoptr(SonaeReport) after = NULL;

  gtk_editable_set_text (GTK_EDITABLE (place), "第2診察室");
  /* Not saved on every key... */
  before = stored_report (f);
  g_assert_cmpstr (sonae_report_get (before, SONAE_REPORT_PLACE), ==, "受付");
  /* ...but when flushed (the view hidden, another incident shown). */
  g_assert_true (sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (f->w.page)));
  after = stored_report (f);
  g_assert_cmpstr (sonae_report_get (after, SONAE_REPORT_PLACE), ==, "第2診察室");
  g_assert_false (sonae_report_is_proposed (after, SONAE_REPORT_PLACE));
  g_assert_cmpstr (after->updated_by, ==, AUTHOR);

  /* And about a second after the last key, without a flush. */
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (f->w.page, SONAE_REPORT_DEPARTMENT)), "医事課");
  sonae_test_spin_for (1500);
  {
    g_autoptr(SonaeReport) later = stored_report (f);
    g_assert_cmpstr (sonae_report_get (later, SONAE_REPORT_DEPARTMENT), ==, "医事課");
  }

  /* The hearing shows it, gathered. */
  {
    g_autoptr(SonaeReport) report = stored_report (f);
    SonaeReport5w1h hearing[SONAE_REPORT_N_5W1H];
    gboolean found = FALSE;

    sonae_report_get_5w1h (report, hearing);
    for (guint i = 0; i < SONAE_REPORT_N_5W1H; i++)
      {
        g_autofree char *name = g_strdup_printf ("5w1h-%u", i);
        GtkWidget *row = sonae_test_named (f->w.page, name);

        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, hearing[i].label);
        if (g_strcmp0 (hearing[i].value, "第2診察室") == 0)
          {
            found = TRUE;
            g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "第2診察室");
          }
      }
    g_assert_true (found);
  }
}

static void
test_choice (Fixture       *f,
             gconstpointer  data)
{
  const SonaeReportField *field = sonae_report_find_field (SONAE_REPORT_IMPACT);
  GtkWidget *row = sonae_test_named (f->w.page, SONAE_REPORT_IMPACT);
  guint minor = G_MAXUINT;

  for (guint i = 0; i < sonae_report_field_get_n_options (field); i++)
    if (g_str_equal (sonae_report_field_get_option_key (field, i), "minor"))
      minor = i;
  g_assert_cmpuint (minor, !=, G_MAXUINT);
  /* The first entry is "not set". */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==,
                    sonae_report_field_get_n_options (field) + 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), minor + 1);
  sonae_test_spin_for (50);
  {
    g_autoptr(SonaeReport) report = stored_report (f);
    g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_IMPACT), ==, "minor");
    g_assert_false (sonae_report_is_proposed (report, SONAE_REPORT_IMPACT));
  }
  g_assert_false (shown (sonae_test_named (f->w.page, "impact-mark")));

  /* A check of a MULTI field is stored at once too. */
  {
    const SonaeReportField *evidence = sonae_report_find_field (SONAE_REPORT_EVIDENCE);
    const char *key = sonae_report_field_get_option_key (evidence, 0);
    g_autofree char *name = g_strdup_printf ("%s:%s", SONAE_REPORT_EVIDENCE, key);
    GtkWidget *check = sonae_test_named (f->w.page, name);
    g_autoptr(SonaeReport) report = NULL;

    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    sonae_test_spin_for (50);
    report = stored_report (f);
    g_assert_false (sonae_report_is_proposed (report, SONAE_REPORT_EVIDENCE));
    g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==,
                     sonae_report_get (report, SONAE_REPORT_EVIDENCE) != NULL &&
                     strstr (sonae_report_get (report, SONAE_REPORT_EVIDENCE), key) != NULL);
  }

  /* A duration from its two spin buttons. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sonae_test_named (f->w.page, "stop-time-minutes")), 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sonae_test_named (f->w.page, "stop-time-hours")), 2);
  sonae_test_spin_for (50);
  {
    g_autoptr(SonaeReport) report = stored_report (f);
    g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_STOP_TIME), ==, "2:30");
  }
}

static void
test_bad_date (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *row = sonae_test_named (f->w.page, SONAE_REPORT_WRITTEN_ON);
  GtkWidget *error = sonae_test_named (f->w.page, "written-on-error");
  g_autoptr(SonaeReport) before = stored_report (f);
  g_autofree char *proposed = g_strdup (sonae_report_get (before, SONAE_REPORT_WRITTEN_ON));

  g_assert_false (shown (error));
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-02-30");
  g_assert_false (sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (f->w.page)));
  g_assert_true (shown (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), !=, "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* The typed text stays to be corrected, even when the store changes. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-02-30");
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (f->w.page, SONAE_REPORT_SYSTEM)), "電子カルテ");
  g_assert_true (sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (f->w.page)) == FALSE);
  sonae_test_spin_for (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-02-30");
  {
    g_autoptr(SonaeReport) after = stored_report (f);
    g_assert_true (sonae_report_is_proposed (after, SONAE_REPORT_WRITTEN_ON));
    g_assert_cmpstr (sonae_report_get (after, SONAE_REPORT_WRITTEN_ON), ==, proposed);
    g_assert_cmpstr (sonae_report_get (after, SONAE_REPORT_SYSTEM), ==, "電子カルテ");
  }

  /* Corrected, it is stored and the message goes. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-02-28");
  g_assert_true (sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (f->w.page)));
  g_assert_false (shown (error));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  {
    g_autoptr(SonaeReport) after = stored_report (f);
    g_assert_cmpstr (sonae_report_get (after, SONAE_REPORT_WRITTEN_ON), ==, "2025-02-28");
  }
}

static void
test_sign_today (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *today = sonae_clock_today ();
  g_autoptr(SonaeReport) report = NULL;

  g_signal_emit_by_name (sonae_test_named (f->w.page, "first-aid-approved-by-sign"), "clicked");
  sonae_test_spin_for (50);
  report = stored_report (f);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_BY), ==, AUTHOR);
  g_assert_cmpstr (sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_ON), ==, today);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (f->w.page, SONAE_REPORT_FIRST_AID_APPROVED_BY))), ==, AUTHOR);
}

static void
test_add_action (Fixture       *f,
                 gconstpointer  data)
{
  gint64 owner = sonae_test_add_contact (f->w.store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "03-0000-0001");
  SonaeCapaDialog *dialog;
  GtkWidget *chooser;
  g_autoptr(GPtrArray) actions = NULL;
  SonaeCapa *action;
  g_autofree char *row_name = NULL;

  sonae_test_add_contact (f->w.store, SONAE_GROUP_STAFF, "佐藤 花子", "さとう はなこ", "03-0000-0002");
  g_assert_true (gtk_widget_activate_action (f->w.page, "report.add-action", "i", SONAE_CAPA_CORRECTIVE));
  sonae_test_spin_for (50);
  dialog = open_dialog ();
  g_assert_cmpint (sonae_capa_dialog_get_mode (dialog), ==, SONAE_CAPA_DIALOG_EDIT);

  /* Nothing to be done: refused, the dialog stays. */
  click_save (dialog);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "error_label")));
  g_assert_true (open_dialog () == dialog);

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "text_row")), "バックアップを毎日確認する");
  chooser = sonae_test_named (GTK_WIDGET (dialog), "owner-chooser");
  sonae_contact_chooser_set_query (SONAE_CONTACT_CHOOSER (chooser), "山田");
  sonae_contact_chooser_activate (SONAE_CONTACT_CHOOSER (chooser), 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dialog_child (dialog, "owner_row"))), ==, "山田 太郎");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "due_row")), "2020-01-31");
  click_save (dialog);
  sonae_test_wait_no_dialog (SONAE_TYPE_CAPA_DIALOG, 2000);

  actions = stored_actions (f);
  g_assert_cmpuint (actions->len, ==, 1);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpint (action->kind, ==, SONAE_CAPA_CORRECTIVE);
  g_assert_cmpstr (action->text, ==, "バックアップを毎日確認する");
  g_assert_cmpint (action->owner_id, ==, owner);
  g_assert_cmpstr (action->due_on, ==, "2020-01-31");
  g_assert_cmpint (action->status, ==, SONAE_CAPA_OPEN);

  /* Listed in its group, past due. */
  sonae_test_spin_for (50);
  row_name = g_strdup_printf ("action-%" G_GINT64_FORMAT, action->id);
  {
    GtkWidget *row = sonae_test_named (f->w.page, row_name);
    GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                     sonae_capa_kind_get_title (SONAE_CAPA_CORRECTIVE));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "山田 太郎"));
    g_assert_nonnull (sonae_test_find_widget (row, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL)));
  }
}

static void
test_complete_approve (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeCapa) action = sonae_capa_new ();
  g_autofree char *today = sonae_clock_today ();
  SonaeCapaDialog *dialog;

  action->incident_id = f->incident_id;
  action->kind = SONAE_CAPA_HANDLING;
  action->text = g_strdup ("感染した端末を初期化する");
  g_assert_true (sonae_capa_save (f->w.store, action, AUTHOR, &error));
  g_assert_no_error (error);
  sonae_test_spin_for (50);

  g_assert_true (gtk_widget_activate_action (f->w.page, "report.complete-action", "x", action->id));
  sonae_test_spin_for (50);
  dialog = open_dialog ();
  g_assert_cmpint (sonae_capa_dialog_get_mode (dialog), ==, SONAE_CAPA_DIALOG_COMPLETE);
  /* The author confirms, today, unless told otherwise. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "done_by_row"))), ==, AUTHOR);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "done_on_row"))), ==, today);
  click_save (dialog);
  sonae_test_wait_no_dialog (SONAE_TYPE_CAPA_DIALOG, 2000);
  {
    g_autoptr(SonaeCapa) done = sonae_capa_get (f->w.store, action->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (done->status, ==, SONAE_CAPA_DONE);
    g_assert_cmpstr (done->confirmed_by, ==, AUTHOR);
    g_assert_cmpstr (done->confirmed_on, ==, today);
    g_assert_null (done->approved_by);
  }

  sonae_test_spin_for (50);
  g_assert_true (gtk_widget_activate_action (f->w.page, "report.approve-action", "x", action->id));
  sonae_test_spin_for (50);
  dialog = open_dialog ();
  g_assert_cmpint (sonae_capa_dialog_get_mode (dialog), ==, SONAE_CAPA_DIALOG_APPROVE);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "approved_by_row")), "院長 鈴木");
  click_save (dialog);
  sonae_test_wait_no_dialog (SONAE_TYPE_CAPA_DIALOG, 2000);
  {
    g_autoptr(SonaeCapa) approved = sonae_capa_get (f->w.store, action->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (approved->approved_by, ==, "院長 鈴木");
    g_assert_cmpstr (approved->approved_on, ==, today);
  }

  /* Reopened from its menu's action. */
  sonae_test_spin_for (50);
  g_assert_true (gtk_widget_activate_action (f->w.page, "report.reopen-action", "x", action->id));
  {
    g_autoptr(SonaeCapa) reopened = sonae_capa_get (f->w.store, action->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (reopened->status, ==, SONAE_CAPA_OPEN);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/report-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("proposed", test_proposed);
  ADD ("place-saved", test_place_saved);
  ADD ("choice", test_choice);
  ADD ("bad-date", test_bad_date);
  ADD ("sign-today", test_sign_today);
  ADD ("add-action", test_add_action);
  ADD ("complete-approve", test_complete_approve);
#undef ADD

  return g_test_run ();
}
