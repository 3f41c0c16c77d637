/* sonae-bcp-check-view.c: the readiness self-check.
 *
 * Every bundled question is a row with a linked はい / いいえ pair, in
 * groups by IT-BCP step. いいえ opens the row on when it will be put right
 * and by whom; that answer is a measure of the plan (the plans worksheet
 * lists it). Answers and owners are stored at once, the date a moment
 * after the last key. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-bcp-dialog.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-gui-util.h"


typedef struct _SonaeBcpCheckView SonaeBcpCheckView;

typedef struct
{
  SonaeBcpCheckView *view;
  char *key;
  AdwExpanderRow *row;
  GtkToggleButton *yes;
  GtkToggleButton *no;
  AdwEntryRow *target_row;
  GtkWidget *owner_row;
  SonaeAutosave autosave;
  gboolean dirty;
} Question;

struct _SonaeBcpCheckView
{
  SonaeBcpWorksheet parent_instance;

  AdwPreferencesGroup *intro;
  GtkLabel *progress_label;
  GtkLevelBar *progress_bar;
  GPtrArray *questions;        /* of Question */
  gboolean updating;
  SonaeOrgKind kind;           /* the wording of the questions */
};

G_DEFINE_FINAL_TYPE (SonaeBcpCheckView, sonae_bcp_check_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeBcpCheckView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

static void
question_free (gpointer p)
{
  Question *q = p;

  sonae_autosave_cancel (&q->autosave);
  g_free (q->key);
  g_free (q);
}

static const char *
step_title (const char *step)
{
  switch (step != NULL ? step[0] : '0')
    {
    case '1': return _("1. Policy and Team");
    case '2': return _("2. Crisis Events and Damage");
    case '3': return _("3. Systems and Recovery Priority");
    case '4': return _("4. Plans: Prevention, Training, Upkeep");
    case '5': return _("5. Drills and Review");
    default:  return _("Other");
    }
}

static SonaeBcpAnswer
question_answer (Question *q)
{
  if (gtk_toggle_button_get_active (q->yes))
    return SONAE_BCP_YES;
  if (gtk_toggle_button_get_active (q->no))
    return SONAE_BCP_NO;
  return SONAE_BCP_UNKNOWN;
}

static void
show_progress (SonaeBcpCheckView *self)
{
  guint yes = 0, no = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->questions->len; i++)
    {
      SonaeBcpAnswer a = question_answer (g_ptr_array_index (self->questions, i));

      yes += a == SONAE_BCP_YES;
      no += a == SONAE_BCP_NO;
    }
  /* Translators: "14 問中 10 問が はい"; the first %u is how many were answered yes */
  text = g_strdup_printf (_("%u of %u questions answered Yes"), yes, self->questions->len);
  if (no > 0)
    {
      g_autofree char *more = g_strdup_printf (_("%u to put right"), no);
      g_autofree char *all = g_strdup_printf ("%s · %s", text, more);

      g_free (text);
      text = g_steal_pointer (&all);
    }
  gtk_label_set_text (self->progress_label, text);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (self->questions->len, 1));
  gtk_level_bar_set_value (self->progress_bar, yes);
}

static void
show_answer_state (Question *q)
{
  SonaeBcpAnswer a = question_answer (q);

  adw_expander_row_set_enable_expansion (q->row, a == SONAE_BCP_NO);
  if (a == SONAE_BCP_NO)
    adw_expander_row_set_subtitle (q->row, sonae_bcp_check_get_measure (q->key, q->view->kind));
  else
    adw_expander_row_set_subtitle (q->row, "");
}

/* Store what @q shows. The date only when it is a real one (else it is
 * marked and kept to be corrected). */
static gboolean
question_save (Question *q)
{
  SonaeBcpCheckView *self = q->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  SonaeBcpAnswer answer = question_answer (q);

  sonae_autosave_cancel (&q->autosave);
  q->dirty = FALSE;
  target = sonae_bcp_editable_text (GTK_EDITABLE (q->target_row));
  if (target != NULL && !sonae_date_is_valid (target))
    {
      gtk_widget_add_css_class (GTK_WIDGET (q->target_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (q->target_row),
                                   _("Write the date as YYYY-MM-DD, e.g. 2026-09-30."));
      g_clear_pointer (&target, g_free);
      if (answer == SONAE_BCP_NO)
        return FALSE;
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (q->target_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (q->target_row), NULL);
    }
  if (!sonae_bcp_set_check (get_store (self), q->key, answer, target,
                            sonae_bcp_owner_row_get_id (q->owner_row), &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save the answer"), error);
      return FALSE;
    }
  return TRUE;
}

static void
toggled_cb (GtkToggleButton *button,
            Question        *q)
{
  if (q->view->updating || !gtk_toggle_button_get_active (button))
    return;
  show_answer_state (q);
  adw_expander_row_set_expanded (q->row, question_answer (q) == SONAE_BCP_NO);
  show_progress (q->view);
  question_save (q);
}

static void
save_timeout_cb (gpointer data)
{
  question_save (data);
}

static void
target_changed_cb (GtkEditable *editable,
                   Question    *q)
{
  if (q->view->updating)
    return;
  q->dirty = TRUE;
  sonae_autosave_schedule (&q->autosave);
}

static void
target_apply_cb (AdwEntryRow *row,
                 Question    *q)
{
  question_save (q);
}

static void
owner_changed_cb (gpointer data)
{
  Question *q = data;

  if (!q->view->updating)
    question_save (q);
}

/* --- loading ----------------------------------------------------------------- */

static void
sonae_bcp_check_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpCheckView *self = SONAE_BCP_CHECK_VIEW (worksheet);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = sonae_bcp_list_checks (get_store (self), &error);

  if (answers == NULL)
    {
      g_message ("Could not read the self-check: %s", error->message);
      return;
    }
  /* In the organisation's words. */
  self->kind = sonae_store_get_org_kind (get_store (self));
  adw_preferences_group_set_description (self->intro,
                                         sonae_org_kind_is_medical (self->kind)
                                         ? _("Answer each question for the clinic as it is today. "
                                             "Every “No” becomes a measure of the plan: say by when it will be put right and who sees to it.")
                                         : _("Answer each question for the company as it is today. "
                                             "Every “No” becomes a measure of the plan: say by when it will be put right and who sees to it."));
  for (guint j = 0; j < self->questions->len; j++)
    {
      Question *q = g_ptr_array_index (self->questions, j);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->row), sonae_bcp_check_get_question (q->key, self->kind));
    }
  self->updating = TRUE;
  for (guint i = 0; i < answers->len; i++)
    {
      SonaeBcpCheckAnswer *a = g_ptr_array_index (answers, i);

      for (guint j = 0; j < self->questions->len; j++)
        {
          Question *q = g_ptr_array_index (self->questions, j);

          if (!g_str_equal (q->key, a->key))
            continue;
          if (a->answer == SONAE_BCP_YES)
            gtk_toggle_button_set_active (q->yes, TRUE);
          else if (a->answer == SONAE_BCP_NO)
            gtk_toggle_button_set_active (q->no, TRUE);
          else
            {
              gtk_toggle_button_set_active (q->yes, FALSE);
              gtk_toggle_button_set_active (q->no, FALSE);
            }
          /* What is being typed stays as it is. */
          if (!q->dirty && !gtk_widget_has_focus (GTK_WIDGET (q->target_row))
              && !gtk_widget_has_css_class (GTK_WIDGET (q->target_row), "error"))
            gtk_editable_set_text (GTK_EDITABLE (q->target_row), a->target_on ? a->target_on : "");
          sonae_bcp_owner_row_set (q->owner_row, a->owner_id, a->owner_name);
          show_answer_state (q);
        }
    }
  self->updating = FALSE;
  show_progress (self);
}

/* The owner rows offer the roster: made once the store is there. */
static void
sonae_bcp_check_view_build (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpCheckView *self = SONAE_BCP_CHECK_VIEW (worksheet);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *intro = adw_preferences_group_new ();
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new ();
  AdwPreferencesGroup *group = NULL;
  const char *group_step = NULL;
  const SonaeBcpCheckInfo *checks;
  guint n_checks = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (intro), _("Readiness Self-Check"));
  self->intro = ADW_PREFERENCES_GROUP (intro);
  gtk_widget_set_name (label, "progress-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "bcp-progress-label");
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_box_append (GTK_BOX (progress_box), label);
  gtk_box_append (GTK_BOX (progress_box), bar);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (intro), progress_box);
  gtk_box_append (GTK_BOX (box), intro);
  self->progress_label = GTK_LABEL (label);
  self->progress_bar = GTK_LEVEL_BAR (bar);

  checks = sonae_bcp_checks_get (&n_checks);
  for (guint i = 0; i < n_checks; i++)
    {
      const SonaeBcpCheckInfo *info = &checks[i];
      Question *q = g_new0 (Question, 1);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *yes = gtk_toggle_button_new_with_label (_("Yes"));
      GtkWidget *no = gtk_toggle_button_new_with_label (_("No"));
      GtkWidget *target = adw_entry_row_new ();
      g_autofree char *name = NULL;

      sonae_autosave_init (&q->autosave, SONAE_AUTOSAVE_DELAY_MS, save_timeout_cb, q);
      if (group == NULL || g_strcmp0 (group_step, info->step) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, step_title (info->step));
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
          group_step = info->step;
        }

      q->view = self;
      q->key = g_strdup (info->key);
      q->row = ADW_EXPANDER_ROW (row);
      q->yes = GTK_TOGGLE_BUTTON (yes);
      q->no = GTK_TOGGLE_BUTTON (no);
      q->target_row = ADW_ENTRY_ROW (target);
      g_ptr_array_add (self->questions, q);

      name = g_strdup_printf ("check-%s", info->key);
      gtk_widget_set_name (row, name);
      g_free (name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_enable_expansion (q->row, FALSE);

      name = g_strdup_printf ("yes-%s", info->key);
      gtk_widget_set_name (yes, name);
      g_free (name);
      name = g_strdup_printf ("no-%s", info->key);
      gtk_widget_set_name (no, name);
      g_free (name);
      gtk_toggle_button_set_group (q->no, q->yes);
      gtk_widget_add_css_class (pair, "linked");
      gtk_widget_set_valign (pair, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (pair), yes);
      gtk_box_append (GTK_BOX (pair), no);
      adw_expander_row_add_action (q->row, pair);
      g_signal_connect (yes, "toggled", G_CALLBACK (toggled_cb), q);
      g_signal_connect (no, "toggled", G_CALLBACK (toggled_cb), q);

      name = g_strdup_printf ("target-%s", info->key);
      gtk_widget_set_name (target, name);
      g_free (name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (target), _("Put right by (YYYY-MM-DD)"));
      adw_entry_row_set_show_apply_button (q->target_row, FALSE);
      sonae_bcp_add_calendar (q->target_row);
      g_signal_connect (target, "changed", G_CALLBACK (target_changed_cb), q);
      g_signal_connect (target, "entry-activated", G_CALLBACK (target_apply_cb), q);
      adw_expander_row_add_row (q->row, target);

      q->owner_row = sonae_bcp_owner_row_new (get_store (self), _("Who sees to it"),
                                              G_CALLBACK (owner_changed_cb), q);
      name = g_strdup_printf ("owner-%s", info->key);
      gtk_widget_set_name (q->owner_row, name);
      adw_expander_row_add_row (q->row, q->owner_row);
      sonae_accessible_name_titled_row (row);

      adw_preferences_group_add (group, row);
    }

  sonae_bcp_worksheet_set_content (SONAE_BCP_WORKSHEET (self), sonae_bcp_clamp_new (box));
}

/* --- GObject ----------------------------------------------------------------- */

static void
sonae_bcp_check_view_save_now (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpCheckView *self = SONAE_BCP_CHECK_VIEW (worksheet);

  /* Nothing typed is lost: a pending date is stored now. */
  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = g_ptr_array_index (self->questions, i);

      if (q->dirty)
        question_save (q);
    }
}

static void
sonae_bcp_check_view_dispose (GObject *object)
{
  SonaeBcpCheckView *self = SONAE_BCP_CHECK_VIEW (object);

  for (guint i = 0; i < self->questions->len; i++)
    sonae_autosave_cancel (&((Question *) g_ptr_array_index (self->questions, i))->autosave);
  G_OBJECT_CLASS (sonae_bcp_check_view_parent_class)->dispose (object);
}

/* After the rows (gone with the content), whose signals point to these. */
static void
sonae_bcp_check_view_finalize (GObject *object)
{
  SonaeBcpCheckView *self = SONAE_BCP_CHECK_VIEW (object);

  g_ptr_array_unref (self->questions);
  G_OBJECT_CLASS (sonae_bcp_check_view_parent_class)->finalize (object);
}

static void
sonae_bcp_check_view_class_init (SonaeBcpCheckViewClass *klass)
{
  static const char *const follows[] = { SONAE_CHANGED_CONTACTS, NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->dispose = sonae_bcp_check_view_dispose;
  object_class->finalize = sonae_bcp_check_view_finalize;
  worksheet_class->follows = follows;
  worksheet_class->build = sonae_bcp_check_view_build;
  worksheet_class->reload = sonae_bcp_check_view_reload;
  worksheet_class->save_now = sonae_bcp_check_view_save_now;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "bcp-check-view");
}

static void
sonae_bcp_check_view_init (SonaeBcpCheckView *self)
{
  self->questions = g_ptr_array_new_with_free_func (question_free);
}

GtkWidget *
sonae_bcp_check_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_CHECK_VIEW, "store", store, NULL);
}
