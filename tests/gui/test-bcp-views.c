/* test-bcp-views.c: the BCP worksheets (plans, drills, risks, self-check)
 * in a window of their own, driven through their widgets and dialogs, with
 * the database checked afterwards. Runs under a headless X server. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-bcp-dialog.h"
#include "sonae-contacts.h"
#include "sonae-contact-chooser.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-gui-util.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

#define AUTHOR "テスト 担当"

/* The four worksheets side by side, in a box: the fixture's page. */
typedef struct {
  SonaeTestWindow w;
  GtkWidget *plans;
  GtkWidget *drills;
  GtkWidget *risks;
  GtkWidget *check;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  sonae_test_window_set_up (&f->w, data);
  sonae_set_author (AUTHOR);
  gtk_window_set_default_size (GTK_WINDOW (f->w.window), 1200, 800);
  f->plans = sonae_bcp_plans_view_new (f->w.store);
  f->drills = sonae_bcp_drills_view_new (f->w.store);
  f->risks = sonae_bcp_risks_view_new (f->w.store);
  f->check = sonae_bcp_check_view_new (f->w.store);
  gtk_box_append (GTK_BOX (box), f->plans);
  gtk_box_append (GTK_BOX (box), f->drills);
  gtk_box_append (GTK_BOX (box), f->risks);
  gtk_box_append (GTK_BOX (box), f->check);
  sonae_test_window_show (&f->w, box);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sonae_test_window_tear_down (&f->w, data);
}

static GPtrArray *
stored_measures (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *measures = sonae_bcp_list_measures (f->w.store, &error);

  g_assert_no_error (error);
  return measures;
}

static gint64
add_measure (Fixture    *f,
             const char *text,
             const char *due_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpMeasure) m = sonae_bcp_measure_new ();

  m->text = g_strdup (text);
  m->due_on = g_strdup (due_on);
  g_assert_true (sonae_bcp_save_measure (f->w.store, m, &error));
  g_assert_no_error (error);
  sonae_test_spin_for (50);
  return m->id;
}

static GtkWidget *
measure_row (Fixture *f,
             gint64   id)
{
  g_autofree char *name = g_strdup_printf ("measure-%" G_GINT64_FORMAT, id);

  return sonae_test_named (f->plans, name);
}

/* --- plans ------------------------------------------------------------------- */

static void
test_add_measure (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) measures = NULL;
  GtkWindow *dialog;
  SonaeBcpMeasure *m;

  sonae_test_click (f->plans, "add-measure-button");
  dialog = GTK_WINDOW (sonae_test_find_dialog ("bcp-measure-dialog"));
  g_assert_nonnull (dialog);

  /* A due date that is not a date: refused, the dialog stays. */
  sonae_test_set_text (GTK_WIDGET (dialog), "text-row", "外付けディスクを1台追加し、週1回オフラインで保管する");
  sonae_test_set_text (GTK_WIDGET (dialog), "due-row", "2026-13-40");
  g_assert_false (sonae_bcp_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (sonae_test_named (GTK_WIDGET (dialog), "error-label")));
  measures = stored_measures (f);
  g_assert_cmpuint (measures->len, ==, 0);
  g_clear_pointer (&measures, g_ptr_array_unref);

  sonae_test_set_text (GTK_WIDGET (dialog), "due-row", "2026-09-30");
  g_assert_true (sonae_bcp_dialog_save (dialog));
  sonae_test_spin_for (50);
  measures = stored_measures (f);
  g_assert_cmpuint (measures->len, ==, 1);
  m = g_ptr_array_index (measures, 0);
  g_assert_cmpstr (m->text, ==, "外付けディスクを1台追加し、週1回オフラインで保管する");
  g_assert_cmpstr (m->due_on, ==, "2026-09-30");
  g_assert_cmpint (m->status, ==, SONAE_CAPA_OPEN);
  /* And the view shows it. */
  g_assert_nonnull (measure_row (f, m->id));
}

static void
test_mark_done (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_measure (f, "バックアップの復元手順を書く", NULL);
  GtkWidget *check = sonae_test_named (measure_row (f, id), "done-check");
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *today = sonae_clock_today ();
  SonaeBcpMeasure *m;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  sonae_test_spin_for (50);
  measures = stored_measures (f);
  m = g_ptr_array_index (measures, 0);
  g_assert_cmpint (m->status, ==, SONAE_CAPA_DONE);
  g_assert_cmpstr (m->done_on, ==, today);

  /* Reopened by unticking it (in the new row). */
  check = sonae_test_named (measure_row (f, id), "done-check");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  sonae_test_spin_for (50);
  g_clear_pointer (&measures, g_ptr_array_unref);
  measures = stored_measures (f);
  m = g_ptr_array_index (measures, 0);
  g_assert_cmpint (m->status, ==, SONAE_CAPA_OPEN);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  gint64 late = add_measure (f, "UPSを点検する", "2020-01-31");
  gint64 later = add_measure (f, "紙カルテの様式を印刷しておく", "2099-12-31");
  GtkWidget *row = measure_row (f, late);

  g_assert_nonnull (sonae_test_find_widget (row, sonae_test_is_named, "overdue-icon"));
  g_assert_true (gtk_widget_has_css_class (sonae_test_named (row, "due-label"), "bcp-overdue"));
  row = measure_row (f, later);
  g_assert_null (sonae_test_find_widget (row, sonae_test_is_named, "overdue-icon"));
  g_assert_false (gtk_widget_has_css_class (sonae_test_named (row, "due-label"), "bcp-overdue"));
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;
  g_autofree char *today = sonae_clock_today ();
  GtkWindow *dialog;

  g_assert_false (sonae_bcp_get_last_review (f->w.store, &date, &by));
  sonae_test_click (f->plans, "review-button");
  dialog = GTK_WINDOW (sonae_test_find_dialog ("bcp-review-dialog"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (dialog), "reviewed-by-row"))),
                   ==, AUTHOR);
  sonae_test_set_text (GTK_WIDGET (dialog), "reviewed-by-row", "院長 鈴木");
  g_assert_true (sonae_bcp_dialog_save (dialog));
  sonae_test_spin_for (50);
  g_assert_true (sonae_bcp_get_last_review (f->w.store, &date, &by));
  g_assert_cmpstr (date, ==, today);
  g_assert_cmpstr (by, ==, "院長 鈴木");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sonae_test_named (f->plans, "last-review-row"))),
                            "院長 鈴木"));
}

static void
test_training_text (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *view = GTK_TEXT_VIEW (sonae_test_named (f->plans, "training-text"));
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "年1回、全職員で紙カルテ運用を練習する", -1);
  /* Not yet: it is stored a moment after the last key, or now. */
  stored = sonae_bcp_get_text (f->w.store, SONAE_BCP_TEXT_TRAINING, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  sonae_bcp_plans_view_save_now (SONAE_BCP_PLANS_VIEW (f->plans));
  stored = sonae_bcp_get_text (f->w.store, SONAE_BCP_TEXT_TRAINING, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, "年1回、全職員で紙カルテ運用を練習する");

  /* A reload does not undo what is being typed. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "年2回", -1);
  add_measure (f, "何か", NULL);
  sonae_test_spin_for (50);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &s, &e);
    shown = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    g_assert_cmpstr (shown, ==, "年2回");
  }
  sonae_test_spin_for (1200);
  g_free (stored);
  stored = sonae_bcp_get_text (f->w.store, SONAE_BCP_TEXT_TRAINING, NULL);
  g_assert_cmpstr (stored, ==, "年2回");
}

/* --- self-check -------------------------------------------------------------- */

static SonaeBcpCheckAnswer *
stored_answer (Fixture    *f,
               const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = sonae_bcp_list_checks (f->w.store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < answers->len; i++)
    {
      SonaeBcpCheckAnswer *a = g_ptr_array_index (answers, i);

      if (g_str_equal (a->key, key))
        return g_ptr_array_steal_index (answers, i);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  guint n_checks = 0;
  const SonaeBcpCheckInfo *checks = sonae_bcp_checks_get (&n_checks);
  const char *key;
  g_autofree char *yes_name = NULL;
  g_autofree char *no_name = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *measure_name = NULL;

  g_assert_cmpuint (n_checks, >, 0);
  key = checks[0].key;
  yes_name = g_strdup_printf ("yes-%s", key);
  no_name = g_strdup_printf ("no-%s", key);
  target_name = g_strdup_printf ("target-%s", key);
  measure_name = g_strdup_printf ("measure-check-%s", key);

  /* いいえ: stored at once, and a measure of the plan. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sonae_test_named (f->check, no_name)), TRUE);
  sonae_test_spin_for (50);
  {
    g_autoptr(SonaeBcpCheckAnswer) a = stored_answer (f, key);

    g_assert_cmpint (a->answer, ==, SONAE_BCP_NO);
  }
  g_assert_nonnull (sonae_test_find_widget (f->plans, sonae_test_is_named, measure_name));
  {
    g_autofree char *row_name = g_strdup_printf ("check-%s", key);

    g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (sonae_test_named (f->check, row_name))));
  }

  /* A target date, stored a moment after typing. */
  sonae_test_set_text (f->check, target_name, "2026-10-31");
  sonae_test_spin_for (1300);
  {
    g_autoptr(SonaeBcpCheckAnswer) a = stored_answer (f, key);

    g_assert_cmpint (a->answer, ==, SONAE_BCP_NO);
    g_assert_cmpstr (a->target_on, ==, "2026-10-31");
  }

  /* はい: the measure goes. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sonae_test_named (f->check, yes_name)), TRUE);
  sonae_test_spin_for (50);
  {
    g_autoptr(SonaeBcpCheckAnswer) a = stored_answer (f, key);

    g_assert_cmpint (a->answer, ==, SONAE_BCP_YES);
  }
  g_assert_null (sonae_test_find_widget (f->plans, sonae_test_is_named, measure_name));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (sonae_test_named (f->check, "progress-label"))), "1"));
}

/* --- drills ------------------------------------------------------------------ */

static void
test_drill (Fixture       *f,
            gconstpointer  data)
{
  gint64 incident = sonae_test_add_incident (f->w.store, "訓練: ランサムウェア", NULL, 2, TRUE, AUTHOR);
  g_autoptr(GPtrArray) drills = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *entry;
  SonaeBcpDrill *drill;

  sonae_bcp_drills_view_add_drill (SONAE_BCP_DRILLS_VIEW (f->drills));
  dialog = GTK_WINDOW (sonae_test_find_dialog ("bcp-drill-dialog"));
  g_assert_nonnull (dialog);
  sonae_test_set_text (GTK_WIDGET (dialog), "held-on-row", "2026-03-15");
  sonae_test_set_text (GTK_WIDGET (dialog), "scenario-row", "電子カルテ停止、紙カルテで午前の診療");
  sonae_test_set_text (GTK_WIDGET (dialog), "participants-row", "院長、受付2名、看護師3名");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sonae_test_named (GTK_WIDGET (dialog), "incident-row")), 1);
  entry = sonae_test_named (GTK_WIDGET (dialog), "new-measure-row");
  gtk_editable_set_text (GTK_EDITABLE (entry), "紙の受付票を50部用意する");
  g_signal_emit_by_name (entry, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (entry), "ベンダーの夜間連絡先を確認する");
  g_signal_emit_by_name (entry, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (sonae_bcp_dialog_save (dialog));
  sonae_test_spin_for (50);

  drills = sonae_bcp_list_drills (f->w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drills->len, ==, 1);
  drill = g_ptr_array_index (drills, 0);
  g_assert_cmpstr (drill->held_on, ==, "2026-03-15");
  g_assert_cmpstr (drill->participants, ==, "院長、受付2名、看護師3名");
  g_assert_cmpint (drill->incident_id, ==, incident);
  measures = sonae_bcp_list_drill_measures (f->w.store, drill->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, ==, 2);
  g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (measures, 0))->text, ==, "紙の受付票を50部用意する");
  g_assert_cmpstr (((SonaeBcpMeasure *) g_ptr_array_index (measures, 1))->text, ==, "ベンダーの夜間連絡先を確認する");
  {
    g_autofree char *name = g_strdup_printf ("drill-%" G_GINT64_FORMAT, drill->id);
    GtkWidget *row = sonae_test_named (f->drills, name);

    g_assert_nonnull (sonae_test_find_widget (row, sonae_test_is_named, "measures-pill"));
  }
  /* They are measures of the plan too. */
  {
    g_autofree char *name = g_strdup_printf ("measure-%" G_GINT64_FORMAT,
                                             ((SonaeBcpMeasure *) g_ptr_array_index (measures, 0))->id);

    g_assert_nonnull (sonae_test_find_widget (f->plans, sonae_test_is_named, name));
  }
}

static void
test_drill_bad_date (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) drills = NULL;
  GtkWindow *dialog;

  sonae_bcp_drills_view_add_drill (SONAE_BCP_DRILLS_VIEW (f->drills));
  dialog = GTK_WINDOW (sonae_test_find_dialog ("bcp-drill-dialog"));
  g_assert_nonnull (dialog);
  sonae_test_set_text (GTK_WIDGET (dialog), "held-on-row", "3月15日");
  sonae_test_set_text (GTK_WIDGET (dialog), "scenario-row", "停電");
  g_assert_true (gtk_widget_has_css_class (sonae_test_named (GTK_WIDGET (dialog), "held-on-row"), "error"));
  g_assert_false (sonae_bcp_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  drills = sonae_bcp_list_drills (f->w.store, NULL);
  g_assert_cmpuint (drills->len, ==, 0);
}

/* --- risks ------------------------------------------------------------------- */

static void
test_risk_high (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GError) error = NULL;
  const char *high = sonae_risk_level_get_title (SONAE_RISK_HIGH);
  GtkWindow *dialog;
  GtkWidget *level;
  SonaeBcpRisk *r;

  /* The process as the seeds draw it: the organisation's context first,
   * and talking with the people concerned all along. */
  {
    const char *intro = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (sonae_test_named (f->risks, "risks-group")));

    g_assert_nonnull (strstr (intro, "Start from what the organisation does"));
    g_assert_nonnull (strstr (intro, "Talk it over with the people concerned"));
  }

  sonae_test_click (f->risks, "add-risk-button");
  dialog = GTK_WINDOW (sonae_test_find_dialog ("bcp-risk-dialog"));
  g_assert_nonnull (dialog);
  level = sonae_test_named (GTK_WIDGET (dialog), "level-label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (level)), !=, high);
  sonae_test_set_text (GTK_WIDGET (dialog), "risk-text-row", "ランサムウェアでサーバーが暗号化される");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sonae_test_named (GTK_WIDGET (dialog), "likelihood-row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sonae_test_named (GTK_WIDGET (dialog), "impact-row")), 2);
  /* The level follows at once. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (level)), ==, high);
  g_assert_true (gtk_widget_has_css_class (level, "high"));
  sonae_test_set_text (GTK_WIDGET (dialog), "next-review-row", "2020-04-01");
  g_assert_true (sonae_bcp_dialog_save (dialog));
  sonae_test_spin_for (50);

  risks = sonae_bcp_list_risks (f->w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, ==, 1);
  r = g_ptr_array_index (risks, 0);
  g_assert_cmpint (r->likelihood, ==, 3);
  g_assert_cmpint (r->impact, ==, 3);
  {
    g_autofree char *name = g_strdup_printf ("risk-%" G_GINT64_FORMAT, r->id);
    GtkWidget *row = sonae_test_named (f->risks, name);
    GtkWidget *pill = sonae_test_named (row, "level-pill");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pill)), ==, high);
    g_assert_true (gtk_widget_has_css_class (pill, "high"));
    /* Its review is overdue. */
    g_assert_nonnull (sonae_test_find_widget (row, sonae_test_is_named, "overdue-icon"));
  }
}

/* An owner row reads the roster only when its list is opened, and then
 * offers every contact; picking one names it. */
static gboolean
chooser_made (gpointer data)
{
  return gtk_popover_get_child (gtk_menu_button_get_popover (data)) != NULL;
}

static void
test_owner_row_lazy (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *chooser;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  gint64 id = sonae_test_add_contact (f->w.store, SONAE_GROUP_STAFF, "担当 花子", "たんとう はなこ", "03-0000-0001");

  row = sonae_bcp_owner_row_new (f->w.store, "Owner", NULL, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  button = sonae_test_named (row, "owner-button");
  g_assert_null (sonae_test_find_widget (row, sonae_test_is_named, "owner-chooser"));
  g_assert_null (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  sonae_test_spin_until (chooser_made, button, 5000, "the chooser to be made");
  chooser = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_cmpstr (gtk_widget_get_name (chooser), ==, "owner-chooser");
  g_assert_cmpuint (g_list_model_get_n_items (sonae_contact_chooser_get_model (SONAE_CONTACT_CHOOSER (chooser))), ==,
                    sonae_contacts_count (f->w.store));

  sonae_contact_chooser_set_query (SONAE_CONTACT_CHOOSER (chooser), "担当 花子");
  sonae_contact_chooser_activate (SONAE_CONTACT_CHOOSER (chooser), 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "担当 花子");
  g_assert_cmpint (sonae_bcp_owner_row_get_id (row), ==, id);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/bcp-views/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-measure", test_add_measure);
  ADD ("mark-done", test_mark_done);
  ADD ("overdue", test_overdue);
  ADD ("review", test_review);
  ADD ("training-text", test_training_text);
  ADD ("check", test_check);
  ADD ("drill", test_drill);
  ADD ("drill-bad-date", test_drill_bad_date);
  ADD ("risk-high", test_risk_high);
  ADD ("owner-row-lazy", test_owner_row_lazy);
#undef ADD

  return g_test_run ();
}
