/* sonae-checklist-view.c: an incident's checklist run.
 *
 * Built once per incident and checklist: per phase an AdwPreferencesGroup
 * with its progress, per step an AdwExpanderRow with the check as its
 * prefix and a menu (done on paper earlier; not applicable, or applicable
 * again), and inside it the step's text, points, fields and the outside
 * bodies it tells to contact, with their numbers from the contact list. Later changes
 * of the incident only update the checks, the subtitles, the progress and
 * the fields nobody is typing in, so nothing being typed is replaced.
 *
 * Typed text is saved about a second after the last key (and when the view
 * is hidden or destroyed); choices are saved at once. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-checklist-view.h"
#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-back-entry-dialog.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-incidents.h"
#include "sonae-role.h"
#include "sonae-timeline.h"


typedef struct {
  const SonaeChecklistPhase *phase;   /* owned by the checklist */
  GtkLabel *progress_label;           /* borrowed */
  GtkLevelBar *level_bar;
} PhaseWidgets;

typedef struct {
  const SonaeChecklistStep *step;
  AdwExpanderRow *row;
  GtkCheckButton *check;
  GtkMenuButton *menu_button;
  int menu_state;                     /* what the menu offers: -1 not built, else 0 open, 1 done, 2 not applicable */
} StepWidgets;

typedef struct {
  SonaeChecklistView *view;           /* borrowed */
  const SonaeChecklistStep *step;
  const SonaeChecklistField *field;
  GtkWidget *widget;                  /* AdwEntryRow, GtkTextView, AdwComboRow, GtkBox */
  GPtrArray *checks;                  /* MULTI: GtkCheckButton, borrowed */
  char *pending;                      /* typed, not saved yet */
  gboolean has_pending;
} FieldWidgets;

struct _SonaeChecklistView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkScrolledWindow *scrolled;
  GtkBox *phase_box;
  GtkLabel *title_label;
  GtkLabel *numbering_note;

  /* owned */
  SonaeStore *store;
  SonaeChecklist *checklist;
  GPtrArray *groups;                  /* the AdwPreferencesGroups, borrowed */
  GPtrArray *phases;                  /* of PhaseWidgets */
  GHashTable *steps;                  /* step id → StepWidgets */
  GPtrArray *fields;                  /* of FieldWidgets */
  gint64 incident_id;
  SonaeAutosave autosave;
  gboolean updating;                  /* setting widgets from the store */
};

G_DEFINE_FINAL_TYPE (SonaeChecklistView, sonae_checklist_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sonae_checklist_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SonaeChecklistView *self = SONAE_CHECKLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_checklist_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SonaeChecklistView *self = SONAE_CHECKLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* Set once, by the incident view that holds this one. */
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
field_widgets_free (FieldWidgets *fw)
{
  g_clear_pointer (&fw->checks, g_ptr_array_unref);
  g_free (fw->pending);
  g_free (fw);
}

/* --- saving fields ------------------------------------------------------- */

static gboolean
save_field (SonaeChecklistView *self,
            FieldWidgets       *fw,
            const char         *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();
  g_autofree char *parsed = NULL;

  if (self->incident_id == 0)
    return TRUE;

  if (fw->field->kind == SONAE_FIELD_DATETIME && value != NULL && *value != '\0')
    {
      parsed = sonae_datetime_parse (value, &error);
      if (parsed == NULL)
        {
          /* A time that cannot be read is shown, not saved. */
          gtk_widget_add_css_class (fw->widget, "error");
          gtk_widget_set_tooltip_text (fw->widget, error->message);
          return FALSE;
        }
      /* Fields keep "YYYY-MM-DDTHH:MM". */
      parsed[16] = '\0';
      value = parsed;
    }
  gtk_widget_remove_css_class (fw->widget, "error");
  gtk_widget_set_tooltip_text (fw->widget, fw->field->hint);

  if (!sonae_incidents_set_step_field (self->store, self->incident_id, fw->step, fw->field,
                                       value, author, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save what was typed"), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
flush_field (SonaeChecklistView *self,
             FieldWidgets       *fw)
{
  g_autofree char *value = NULL;

  if (!fw->has_pending)
    return TRUE;
  value = g_steal_pointer (&fw->pending);
  fw->has_pending = FALSE;
  return save_field (self, fw, value);
}

gboolean
sonae_checklist_view_flush (SonaeChecklistView *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (SONAE_IS_CHECKLIST_VIEW (self), FALSE);

  sonae_autosave_cancel (&self->autosave);
  for (guint i = 0; self->fields && i < self->fields->len; i++)
    ok = flush_field (self, g_ptr_array_index (self->fields, i)) && ok;
  return ok;
}

static void
autosave_cb (gpointer data)
{
  sonae_checklist_view_flush (data);
}

static void
set_pending (FieldWidgets *fw,
             char         *value)   /* takes */
{
  SonaeChecklistView *self = fw->view;

  if (self->updating)
    {
      g_free (value);
      return;
    }
  g_free (fw->pending);
  fw->pending = value;
  fw->has_pending = TRUE;
  sonae_autosave_schedule (&self->autosave);
}

static void
entry_changed_cb (GtkEditable  *editable,
                  FieldWidgets *fw)
{
  set_pending (fw, g_strdup (gtk_editable_get_text (editable)));
}

static void
entry_apply_cb (AdwEntryRow  *row,
                FieldWidgets *fw)
{
  flush_field (fw->view, fw);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   FieldWidgets  *fw)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  set_pending (fw, gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
combo_selected_cb (AdwComboRow  *row,
                   GParamSpec   *pspec,
                   FieldWidgets *fw)
{
  guint selected = adw_combo_row_get_selected (row);
  const SonaeChecklistOption *option = NULL;

  if (fw->view->updating)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= fw->field->options->len)
    option = g_ptr_array_index (fw->field->options, selected - 1);
  g_clear_pointer (&fw->pending, g_free);
  fw->has_pending = FALSE;
  save_field (fw->view, fw, option ? option->id : NULL);
}

static void
multi_toggled_cb (GtkCheckButton *button,
                  FieldWidgets   *fw)
{
  g_autoptr(GString) value = g_string_new (NULL);

  if (fw->view->updating)
    return;
  for (guint i = 0; i < fw->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (fw->checks, i)))
      {
        const SonaeChecklistOption *option = g_ptr_array_index (fw->field->options, i);

        g_string_append_printf (value, "%s%s", value->len ? "," : "", option->id);
      }
  save_field (fw->view, fw, value->str);
}

/* --- showing values ------------------------------------------------------- */

static void
show_field_value (SonaeChecklistView  *self,
                  FieldWidgets        *fw,
                  const SonaeIncident *incident)
{
  const char *value = sonae_incident_get_field_value (incident, fw->step, fw->field);

  /* Never replace what someone is typing. */
  if (fw->has_pending)
    return;

  switch (fw->field->kind)
    {
    case SONAE_FIELD_LINE:
    case SONAE_FIELD_DATETIME:
      {
        g_autofree char *shown = NULL;

        if (gtk_widget_has_focus (fw->widget) || gtk_widget_get_focus_child (fw->widget) != NULL)
          return;
        if (fw->field->kind == SONAE_FIELD_DATETIME && value != NULL)
          shown = sonae_datetime_format (value);
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (fw->widget)), shown ? shown : value ? value : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (fw->widget), shown ? shown : value ? value : "");
      }
      break;
    case SONAE_FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fw->widget));
        GtkTextIter start, end;
        g_autofree char *now = NULL;

        if (gtk_widget_has_focus (fw->widget))
          return;
        gtk_text_buffer_get_bounds (buffer, &start, &end);
        now = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        if (g_strcmp0 (now, value ? value : "") != 0)
          gtk_text_buffer_set_text (buffer, value ? value : "", -1);
      }
      break;
    case SONAE_FIELD_CHOICE:
      {
        guint position = 0;

        for (guint i = 0; value && i < fw->field->options->len; i++)
          if (g_strcmp0 (((SonaeChecklistOption *) g_ptr_array_index (fw->field->options, i))->id, value) == 0)
            position = i + 1;
        if (adw_combo_row_get_selected (ADW_COMBO_ROW (fw->widget)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (fw->widget), position);
      }
      break;
    case SONAE_FIELD_MULTI:
      {
        g_auto(GStrv) ids = g_strsplit (value ? value : "", ",", -1);

        for (guint i = 0; i < fw->checks->len; i++)
          {
            const SonaeChecklistOption *option = g_ptr_array_index (fw->field->options, i);

            gtk_check_button_set_active (g_ptr_array_index (fw->checks, i),
                                         g_strv_contains ((const char *const *) ids, option->id));
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* "10:42" today, "2026-11-20 10:42" on another day. */
static char *
short_time (const char *stored)
{
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *shown = sonae_datetime_format (stored);

  if (shown != NULL && g_str_has_prefix (shown, today) && strlen (shown) >= 16)
    return g_strdup (shown + 11);
  return g_steal_pointer (&shown);
}

static char *
step_subtitle (const SonaeStepState *state,
               GHashTable           *recorded)
{
  g_autofree char *at = NULL;

  if (state == NULL || (!state->done && !state->not_applicable))
    return NULL;
  at = short_time (state->done_at);
  if (state->not_applicable)
    /* Translators: %1$s a time, %2$s a person */
    return g_strdup_printf (_("Not applicable: marked %1$s by %2$s"), at, state->done_by);
  if (state->back_entered)
    {
      const char *recorded_at = g_hash_table_lookup (recorded, state->step_id);
      g_autofree char *entered = recorded_at ? short_time (recorded_at) : NULL;

      if (entered != NULL)
        /* Translators: %1$s the time written on paper, %2$s who, %3$s when it was typed in */
        return g_strdup_printf (_("Entered afterwards from paper: %1$s by %2$s (entered %3$s)"),
                                at, state->done_by, entered);
      /* Translators: %1$s the time written on paper, %2$s who */
      return g_strdup_printf (_("Entered afterwards from paper: %1$s by %2$s"), at, state->done_by);
    }
  /* Translators: %1$s a time, %2$s a person */
  return g_strdup_printf (_("Done %1$s by %2$s"), at, state->done_by);
}

/* The step's menu: done on paper earlier, and marking it as not applicable
 * (a step open) or applicable again (a step so marked); a step done offers
 * the first only. */
static void
update_menu (StepWidgets          *sw,
             const SonaeStepState *state)
{
  int menu_state = state == NULL ? 0 : state->done ? 1 : state->not_applicable ? 2 : 0;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) back = NULL;

  if (sw->menu_state == menu_state)
    return;
  sw->menu_state = menu_state;
  menu = g_menu_new ();
  back = g_menu_item_new (_("Done on Paper Earlier…"), NULL);
  g_menu_item_set_action_and_target_value (back, "checklist.back-enter", g_variant_new_string (sw->step->id));
  g_menu_append_item (menu, back);
  if (menu_state != 1)
    {
      g_autoptr(GMenuItem) na = g_menu_item_new (menu_state == 2 ? _("Mark as Applicable") : _("Mark as Not Applicable"),
                                                 NULL);

      g_menu_item_set_action_and_target_value (na, "checklist.not-applicable",
                                               g_variant_new ("(sb)", sw->step->id, menu_state != 2));
      g_menu_append_item (menu, na);
    }
  gtk_menu_button_set_menu_model (sw->menu_button, G_MENU_MODEL (menu));
}

/* When each step's check from paper was typed in: from the timeline. */
static GHashTable *
recorded_times (SonaeChecklistView *self)
{
  GHashTable *recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) entries = sonae_incidents_list_timeline (self->store, self->incident_id, NULL);

  for (guint i = 0; entries && i < entries->len; i++)
    {
      SonaeTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == SONAE_ENTRY_CHECK && entry->back_entered && entry->step_id != NULL)
        g_hash_table_replace (recorded, g_strdup (entry->step_id), g_strdup (entry->recorded_at));
    }
  return recorded;
}

static void
refresh (SonaeChecklistView  *self,
         const SonaeIncident *incident)
{
  g_autoptr(GHashTable) recorded = recorded_times (self);
  GHashTableIter iter;
  StepWidgets *sw;

  self->updating = TRUE;

  g_hash_table_iter_init (&iter, self->steps);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &sw))
    {
      const SonaeStepState *state = sonae_incident_get_step_state (incident, sw->step->id);
      g_autofree char *subtitle = step_subtitle (state, recorded);
      gboolean done = state != NULL && state->done;
      gboolean not_applicable = state != NULL && state->not_applicable;

      gtk_check_button_set_active (sw->check, done);
      adw_expander_row_set_subtitle (sw->row, subtitle ? subtitle : "");
      update_menu (sw, state);
      if (done)
        gtk_widget_add_css_class (GTK_WIDGET (sw->row), "done");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (sw->row), "done");
      if (not_applicable)
        gtk_widget_add_css_class (GTK_WIDGET (sw->row), "not-applicable");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (sw->row), "not-applicable");
      if (state != NULL && state->back_entered)
        gtk_widget_add_css_class (GTK_WIDGET (sw->row), "back-entered");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (sw->row), "back-entered");
    }

  for (guint i = 0; i < self->phases->len; i++)
    {
      PhaseWidgets *pw = g_ptr_array_index (self->phases, i);
      g_autofree char *text = NULL;
      guint done = 0;
      guint total = 0;

      sonae_incident_get_progress (incident, pw->phase, &done, &total);
      /* Translators: progress of a phase, e.g. “2 / 5” */
      text = g_strdup_printf (_("%u / %u"), done, total);
      gtk_label_set_text (pw->progress_label, text);
      gtk_level_bar_set_max_value (pw->level_bar, MAX (total, 1));
      gtk_level_bar_set_value (pw->level_bar, done);
      if (total > 0 && done == total)
        gtk_widget_add_css_class (GTK_WIDGET (pw->progress_label), "success");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (pw->progress_label), "success");
    }

  for (guint i = 0; i < self->fields->len; i++)
    show_field_value (self, g_ptr_array_index (self->fields, i), incident);

  self->updating = FALSE;
}

/* --- checking --------------------------------------------------------------- */

static void
check_toggled_cb (GtkCheckButton *check,
                  StepWidgets    *sw)
{
  SonaeChecklistView *self = g_object_get_data (G_OBJECT (check), "sonae-view");
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  gboolean done = gtk_check_button_get_active (check);

  if (self->updating || self->incident_id == 0)
    return;

  /* What was typed into this step's fields goes in with the check. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldWidgets *fw = g_ptr_array_index (self->fields, i);

      if (fw->step == sw->step)
        flush_field (self, fw);
    }

  author = sonae_get_author ();
  if (!sonae_incidents_check_step (self->store, self->incident_id, sw->step->id, done, author, NULL, &error))
    {
      self->updating = TRUE;
      gtk_check_button_set_active (check, !done);
      self->updating = FALSE;
      sonae_show_error (GTK_WIDGET (self), _("Could not record the step"), error);
    }
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
back_enter_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeChecklistView *self = SONAE_CHECKLIST_VIEW (widget);
  const SonaeChecklistStep *step;
  SonaeBackEntryDialog *dialog;

  if (self->checklist == NULL || self->incident_id == 0)
    return;
  step = sonae_checklist_get_step (self->checklist, g_variant_get_string (parameter, NULL));
  if (step == NULL)
    return;
  sonae_checklist_view_flush (self);
  dialog = sonae_back_entry_dialog_new (parent_window (widget), self->store, self->incident_id, step);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A step that does not concern this incident, or does after all. */
static void
not_applicable_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SonaeChecklistView *self = SONAE_CHECKLIST_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  const char *step_id = NULL;
  gboolean not_applicable = FALSE;

  if (self->checklist == NULL || self->incident_id == 0)
    return;
  g_variant_get (parameter, "(&sb)", &step_id, &not_applicable);
  if (sonae_checklist_get_step (self->checklist, step_id) == NULL)
    return;
  sonae_checklist_view_flush (self);
  author = sonae_get_author ();
  if (!sonae_incidents_set_step_not_applicable (self->store, self->incident_id, step_id, not_applicable,
                                                author, NULL, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not record the step"), error);
}

/* --- building ------------------------------------------------------------ */

static char *
field_name (const SonaeChecklistStep  *step,
            const SonaeChecklistField *field)
{
  return g_strdup_printf ("field-%s/%s", step->id, field->id);
}

static GtkWidget *
labelled_row (const char *label_text,
              const char *hint,
              GtkWidget  *child)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (label_text);

  sonae_accessible_name_row (row, label, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_box_append (GTK_BOX (box), hint_label);
      sonae_accessible_describe_row (row, hint_label, NULL);
    }
  gtk_box_append (GTK_BOX (box), child);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
build_field (SonaeChecklistView        *self,
             const SonaeChecklistStep  *step,
             const SonaeChecklistField *field)
{
  FieldWidgets *fw = g_new0 (FieldWidgets, 1);
  g_autofree char *name = field_name (step, field);
  GtkWidget *row = NULL;

  fw->view = self;
  fw->step = step;
  fw->field = field;
  g_ptr_array_add (self->fields, fw);

  switch (field->kind)
    {
    case SONAE_FIELD_LINE:
    case SONAE_FIELD_DATETIME:
      {
        g_autofree char *title = NULL;

        if (field->kind == SONAE_FIELD_DATETIME)
          /* Translators: a field's label, then the format of a date and time */
          title = g_strdup_printf (_("%s (YYYY-MM-DD HH:MM)"), field->label);
        row = adw_entry_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : field->label);
        adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
        gtk_widget_set_tooltip_text (row, field->hint);
        g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), fw);
        g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), fw);
        fw->widget = row;
      }
      break;
    case SONAE_FIELD_TEXT:
      {
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkWidget *view = gtk_text_view_new ();

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
        gtk_widget_set_size_request (view, -1, 72);
        gtk_frame_set_child (GTK_FRAME (frame), view);
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, field->label, -1);
        g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                          G_CALLBACK (buffer_changed_cb), fw);
        row = labelled_row (field->label, field->hint, frame);
        fw->widget = view;
      }
      break;
    case SONAE_FIELD_CHOICE:
      {
        g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

        /* Translators: a choice left empty */
        gtk_string_list_append (list, _("Not chosen"));
        for (guint i = 0; i < field->options->len; i++)
          gtk_string_list_append (list, ((SonaeChecklistOption *) g_ptr_array_index (field->options, i))->label);
        row = adw_combo_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->label);
        sonae_accessible_name_choices (row);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
        if (field->hint != NULL)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), field->hint);
        g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), fw);
        fw->widget = row;
      }
      break;
    case SONAE_FIELD_MULTI:
      {
        GtkWidget *flow = gtk_flow_box_new ();

        gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
        gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
        gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
        fw->checks = g_ptr_array_new ();
        for (guint i = 0; i < field->options->len; i++)
          {
            const SonaeChecklistOption *option = g_ptr_array_index (field->options, i);
            GtkWidget *check = gtk_check_button_new_with_label (option->label);

            gtk_widget_set_name (check, option->id);
            g_signal_connect (check, "toggled", G_CALLBACK (multi_toggled_cb), fw);
            gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
            g_ptr_array_add (fw->checks, check);
          }
        row = labelled_row (field->label, field->hint, flow);
        fw->widget = flow;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_name (fw->widget, name);
  g_object_set_data (G_OBJECT (fw->widget), "sonae-field", fw);
  return row;
}

static GtkWidget *
build_step_text (const SonaeChecklistStep *step)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  if (step->text != NULL)
    g_string_append (text, step->text);
  for (guint i = 0; step->points && i < step->points->len; i++)
    g_string_append_printf (text, "%s✓ %s", text->len ? "\n" : "",
                            (const char *) g_ptr_array_index (step->points, i));
  if (step->role_key != NULL && sonae_role_get_name (step->role_key) != NULL)
    {
      if (text->len)
        g_string_append (text, "\n\n");
      /* Translators: %s is a role, e.g. “Incident response lead” */
      g_string_append_printf (text, _("Who: %s"), sonae_role_get_name (step->role_key));
    }
  if (text->len == 0)
    {
      g_object_ref_sink (row);
      g_object_unref (row);
      return NULL;
    }

  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "step-text");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  sonae_accessible_name_row (row, label, NULL);
  return row;
}

/* An outside body the step tells to contact, with the number to call. */
static GtkWidget *
build_body (SonaeChecklistView *self,
            const char         *authority_key,
            GPtrArray          *authorities)
{
  const char *key = sonae_contacts_authority_for_kind (authority_key, sonae_store_get_org_kind (self->store));
  SonaeContact *contact = NULL;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("body-%s", authority_key);
  const char *phone;

  for (guint i = 0; authorities != NULL && i < authorities->len; i++)
    if (g_strcmp0 (((SonaeContact *) g_ptr_array_index (authorities, i))->builtin_key, key) == 0)
      contact = g_ptr_array_index (authorities, i);
  phone = contact != NULL ? sonae_contact_get_first_phone (contact) : NULL;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contact ? sonae_contact_get_display_name (contact) : authority_key);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), phone != NULL ? phone : _("No phone number"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("call-start-symbolic"));
  return row;
}

static GtkWidget *
build_step (SonaeChecklistView       *self,
            const SonaeChecklistStep *step,
            GPtrArray                *authorities)
{
  StepWidgets *sw = g_new0 (StepWidgets, 1);
  g_autofree char *title = g_strdup_printf ("%s  %s", step->number, step->title);
  g_autofree char *name = g_strdup_printf ("step-%s", step->id);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *text;

  sw->step = step;
  sw->row = ADW_EXPANDER_ROW (row);
  sw->check = GTK_CHECK_BUTTON (check);
  sw->menu_button = GTK_MENU_BUTTON (menu_button);
  sw->menu_state = -1;
  g_hash_table_replace (self->steps, step->id, sw);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), "");

  gtk_widget_set_name (check, "check");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_add_css_class (check, "step-check");
  g_object_set_data (G_OBJECT (check), "sonae-view", self);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), sw);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

  gtk_widget_set_name (menu_button, "step-menu");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  update_menu (sw, NULL);
  gtk_widget_set_tooltip_text (menu_button, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"), -1);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), menu_button);

  text = build_step_text (step);
  if (text != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text);
  for (guint i = 0; step->fields && i < step->fields->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              build_field (self, step, g_ptr_array_index (step->fields, i)));
  for (guint i = 0; step->bodies && i < step->bodies->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              build_body (self, g_ptr_array_index (step->bodies, i), authorities));
  return row;
}

static void
build_phase (SonaeChecklistView        *self,
             const SonaeChecklistPhase *phase,
             GPtrArray                 *authorities)
{
  PhaseWidgets *pw = g_new0 (PhaseWidgets, 1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new ();
  g_autofree char *name = g_strdup_printf ("phase-%s", phase->id);

  pw->phase = phase;
  pw->progress_label = GTK_LABEL (label);
  pw->level_bar = GTK_LEVEL_BAR (bar);
  g_ptr_array_add (self->phases, pw);

  gtk_widget_set_name (group, name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), phase->title);
  /* A business's malware checklist has two paths: when each applies. */
  if (phase->text != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), phase->text);

  gtk_widget_set_name (label, "progress");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_box_append (GTK_BOX (suffix), bar);
  gtk_box_append (GTK_BOX (suffix), label);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);

  for (guint i = 0; i < phase->steps->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               build_step (self, g_ptr_array_index (phase->steps, i), authorities));
  /* Each step by its number and title (the "done" line under it as its
   * description), and the rows it reveals. */
  sonae_accessible_name_rows (group);

  gtk_box_append (self->phase_box, group);
  g_ptr_array_add (self->groups, group);
}

static void
clear (SonaeChecklistView *self)
{
  sonae_checklist_view_flush (self);
  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldWidgets *fw = g_ptr_array_index (self->fields, i);

      if (fw->field->kind == SONAE_FIELD_TEXT)
        g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fw->widget)), fw);
      else if (fw->checks != NULL)
        for (guint j = 0; j < fw->checks->len; j++)
          g_signal_handlers_disconnect_by_data (g_ptr_array_index (fw->checks, j), fw);
      else
        g_signal_handlers_disconnect_by_data (fw->widget, fw);
    }
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->phase_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->phases, 0);
  g_ptr_array_set_size (self->fields, 0);
  g_hash_table_remove_all (self->steps);
  g_clear_pointer (&self->checklist, sonae_checklist_unref);
  self->incident_id = 0;
}

void
sonae_checklist_view_set_incident (SonaeChecklistView  *self,
                                   const SonaeIncident *incident,
                                   SonaeChecklist      *checklist)
{
  g_return_if_fail (SONAE_IS_CHECKLIST_VIEW (self));

  if (incident == NULL || checklist == NULL)
    {
      clear (self);
      gtk_label_set_text (self->title_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->numbering_note), FALSE);
      return;
    }

  if (incident->id != self->incident_id || checklist != self->checklist)
    {
      g_autoptr(GPtrArray) authorities = sonae_contacts_list_authorities (self->store, NULL);
      GPtrArray *phases;

      clear (self);
      self->incident_id = incident->id;
      self->checklist = sonae_checklist_ref (checklist);
      gtk_label_set_text (self->title_label, sonae_checklist_get_title (checklist));
      /* The medical checklist keeps the flowchart's numbers, with gaps:
       * say why, once, under its title. */
      gtk_widget_set_visible (GTK_WIDGET (self->numbering_note), sonae_checklist_is_medical (checklist));
      phases = sonae_checklist_get_phases (checklist);
      for (guint i = 0; i < phases->len; i++)
        build_phase (self, g_ptr_array_index (phases, i), authorities);
    }
  refresh (self, incident);
}

/* --- GObject -------------------------------------------------------------- */

static void
sonae_checklist_view_unmap (GtkWidget *widget)
{
  sonae_checklist_view_flush (SONAE_CHECKLIST_VIEW (widget));
  GTK_WIDGET_CLASS (sonae_checklist_view_parent_class)->unmap (widget);
}

static void
sonae_checklist_view_dispose (GObject *object)
{
  SonaeChecklistView *self = SONAE_CHECKLIST_VIEW (object);

  if (self->fields != NULL)
    sonae_checklist_view_flush (self);
  sonae_autosave_cancel (&self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_CHECKLIST_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_hash_table_unref);
  g_clear_pointer (&self->checklist, sonae_checklist_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_checklist_view_parent_class)->dispose (object);
}

static void
sonae_checklist_view_class_init (SonaeChecklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_checklist_view_dispose;
  object_class->get_property = sonae_checklist_view_get_property;
  object_class->set_property = sonae_checklist_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SONAE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->unmap = sonae_checklist_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-checklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeChecklistView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SonaeChecklistView, phase_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeChecklistView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeChecklistView, numbering_note);

  gtk_widget_class_install_action (widget_class, "checklist.back-enter", "s", back_enter_action);
  gtk_widget_class_install_action (widget_class, "checklist.not-applicable", "(sb)", not_applicable_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklistview");
}

static void
sonae_checklist_view_init (SonaeChecklistView *self)
{
  sonae_autosave_init (&self->autosave, SONAE_AUTOSAVE_DELAY_MS, autosave_cb, self);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->phases = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_widgets_free);
  self->steps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

GtkWidget *
sonae_checklist_view_new (SonaeStore *store)
{
  SonaeChecklistView *self;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_CHECKLIST_VIEW, "store", store, NULL);
  return GTK_WIDGET (self);
}
