/* sonae-report-form-view.c: an incident's report as a form.
 *
 * The form is built once from the core's field table, grouped by the
 * paper form's parts; the PPC draft's own fields belong to another view.
 * What the incident record proposes is marked until someone changes it, and
 * can be brought back. Choices, checks and durations are saved at once,
 * text about a second after the last key (and when the view is hidden);
 * the store checks every value and a refusal is shown under its field with
 * the typed text kept (a field's widgets: sonae-report-form-field.c). The
 * 5W1H hearing is shown as gathered, and the incident's actions are listed
 * by kind with what can be done to them (sonae-report-form-capa.c). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-report-form-view-private.h"
#include "sonae-accessible.h"
#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"

G_DEFINE_FINAL_TYPE (SonaeReportFormView, sonae_report_form_view, GTK_TYPE_WIDGET)

static void load (SonaeReportFormView *self);

static gboolean
is_signoff (const char *key)
{
  return g_str_equal (key, SONAE_REPORT_FIRST_AID_BY) ||
         g_str_equal (key, SONAE_REPORT_FIRST_AID_BY_ON) ||
         g_str_equal (key, SONAE_REPORT_FIRST_AID_APPROVED_BY) ||
         g_str_equal (key, SONAE_REPORT_FIRST_AID_APPROVED_ON);
}

static Field *
find_field (SonaeReportFormView *self,
            const char          *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);

      if (g_str_equal (f->key, key))
        return f;
    }
  return NULL;
}

/* --- showing ------------------------------------------------------------------ */

static void
show_hearing (SonaeReportFormView *self)
{
  SonaeReport5w1h hearing[SONAE_REPORT_N_5W1H];

  sonae_report_get_5w1h (self->report, hearing);
  for (guint i = 0; i < SONAE_REPORT_N_5W1H; i++)
    {
      AdwActionRow *row = self->hearing_rows[i];
      gboolean known = hearing[i].value != NULL && *hearing[i].value != '\0';
      g_autofree char *when = NULL;

      /* A stored time reads as the rest of the form shows times. */
      if (known && g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}", hearing[i].value, 0, 0))
        when = sonae_datetime_format (hearing[i].value);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hearing[i].label);
      adw_action_row_set_subtitle (row, when ? when : known ? hearing[i].value : _("Not known yet"));
      if (known)
        gtk_widget_remove_css_class (GTK_WIDGET (row), "report-unknown");
      else
        gtk_widget_add_css_class (GTK_WIDGET (row), "report-unknown");
    }
}

static void
show_updated (SonaeReportFormView *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->report->updated_at == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->updated_label), FALSE);
      return;
    }
  when = sonae_datetime_format (self->report->updated_at);
  /* Translators: the report's last change: a date and time, and a name */
  text = g_strdup_printf (_("Last changed %s by %s"), when ? when : self->report->updated_at,
                          self->report->updated_by ? self->report->updated_by : "—");
  gtk_label_set_text (self->updated_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->updated_label), TRUE);
}

/* --- loading ------------------------------------------------------------------- */

static void
load (SonaeReportFormView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(GPtrArray) actions = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->incident_id == 0)
    return;
  report = sonae_report_load (self->store, self->incident_id, &error);
  if (report == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the incident report"), error);
      return;
    }
  actions = sonae_capa_list (self->store, self->incident_id, &error);
  if (actions == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the actions"), error);
      return;
    }
  g_clear_pointer (&self->report, sonae_report_free);
  self->report = g_steal_pointer (&report);
  g_clear_pointer (&self->capa.actions, g_ptr_array_unref);
  self->capa.actions = g_steal_pointer (&actions);

  self->updating = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    sonae_report_form_field_show (g_ptr_array_index (self->fields, i), FALSE);
  show_hearing (self);
  show_updated (self);
  sonae_report_form_capa_show (&self->capa);
  self->updating = FALSE;
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeReportFormView *self = data;

  self->reload_source = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeStore          *store,
                  const char          *detail,
                  SonaeReportFormView *self)
{
  if (g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0 || self->incident_id == 0)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* --- saving ------------------------------------------------------------------ */

gboolean
sonae_report_form_view_save_field (Field *f)
{
  SonaeReportFormView *self = f->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;

  sonae_autosave_cancel (&f->autosave);
  if (self->store == NULL || self->incident_id == 0 || self->report == NULL)
    return TRUE;
  value = sonae_report_form_field_get_text (f);
  shown = sonae_report_form_field_get_shown_value (f);
  if (g_strcmp0 (value, shown) == 0)
    {
      /* Typed back to what was there: nothing to store. */
      f->dirty = FALSE;
      f->failed = FALSE;
      sonae_report_form_field_show_note (f, NULL);
      sonae_report_form_field_show_marks (f);
      return TRUE;
    }

  author = sonae_get_author ();
  if (!sonae_report_save_field (self->store, self->incident_id, f->key, value, author, &error))
    {
      f->dirty = FALSE;
      f->failed = TRUE;
      sonae_report_form_field_show_note (f, error->message);
      sonae_report_form_field_show_marks (f);
      return FALSE;
    }
  f->dirty = FALSE;
  f->failed = FALSE;
  sonae_report_form_field_show_note (f, NULL);
  load (self);
  return TRUE;
}

static void
save_timeout_cb (gpointer data)
{
  sonae_report_form_view_save_field (data);
}

void
sonae_report_form_view_revert_clicked (GtkButton *button,
                                       Field     *f)
{
  SonaeReportFormView *self = f->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();

  sonae_autosave_cancel (&f->autosave);
  if (!sonae_report_save_field (self->store, self->incident_id, f->key, NULL, author, &error))
    {
      sonae_report_form_field_show_note (f, error->message);
      return;
    }
  f->dirty = FALSE;
  f->failed = FALSE;
  load (self);
  self->updating = TRUE;
  sonae_report_form_field_show (f, TRUE);
  self->updating = FALSE;
}

/* 担当 or 承認 signed by the person at this computer, today. */
static void
sign_today_cb (GtkButton           *button,
               SonaeReportFormView *self)
{
  const char *name_key = g_object_get_data (G_OBJECT (button), "sonae-name-key");
  const char *date_key = g_object_get_data (G_OBJECT (button), "sonae-date-key");
  Field *name = find_field (self, name_key);
  Field *date = find_field (self, date_key);
  g_autofree char *author = sonae_get_author ();
  g_autofree char *today = sonae_clock_today ();

  if (name == NULL || date == NULL)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (name->row), author);
  gtk_editable_set_text (GTK_EDITABLE (date->row), today);
  self->updating = FALSE;
  /* Both wait to be saved: showing the first one saved leaves the other. */
  name->dirty = date->dirty = TRUE;
  if (sonae_report_form_view_save_field (name))
    sonae_report_form_view_save_field (date);
}

/* --- building the form ----------------------------------------------------------- */

static AdwPreferencesGroup *
add_group (SonaeReportFormView *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->form_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
sign_today_button (SonaeReportFormView *self,
                   const char          *name_key,
                   const char          *date_key)
{
  GtkWidget *button = gtk_button_new_with_label (_("Sign Today"));
  g_autofree char *name = g_strdup_printf ("%s-sign", name_key);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Fill in your name and today's date"));
  g_object_set_data (G_OBJECT (button), "sonae-name-key", (gpointer) name_key);
  g_object_set_data (G_OBJECT (button), "sonae-date-key", (gpointer) date_key);
  g_signal_connect (button, "clicked", G_CALLBACK (sign_today_cb), self);
  return button;
}

static void
add_field (SonaeReportFormView    *self,
           AdwPreferencesGroup    *group,
           const SonaeReportField *field)
{
  Field *f = g_new0 (Field, 1);
  GtkWidget *note;

  sonae_autosave_init (&f->autosave, SONAE_AUTOSAVE_DELAY_MS, save_timeout_cb, f);
  f->view = self;
  f->field = field;
  f->key = sonae_report_field_get_key (field);
  f->kind = sonae_report_field_get_kind (field);
  sonae_report_form_field_build (f);
  gtk_widget_set_name (f->row, f->key);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (f->row), FALSE);
  if (g_str_equal (f->key, SONAE_REPORT_FIRST_AID_BY))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (f->row),
                              sign_today_button (self, SONAE_REPORT_FIRST_AID_BY, SONAE_REPORT_FIRST_AID_BY_ON));
  else if (g_str_equal (f->key, SONAE_REPORT_FIRST_AID_APPROVED_BY))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (f->row),
                              sign_today_button (self, SONAE_REPORT_FIRST_AID_APPROVED_BY,
                                                 SONAE_REPORT_FIRST_AID_APPROVED_ON));
  adw_preferences_group_add (group, f->row);

  /* A refusal shows right under its field. */
  note = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (note), FALSE);
  f->note_label = GTK_LABEL (gtk_label_new (NULL));
  {
    g_autofree char *name = g_strdup_printf ("%s-error", f->key);
    gtk_widget_set_name (GTK_WIDGET (f->note_label), name);
  }
  gtk_label_set_xalign (f->note_label, 0);
  gtk_label_set_wrap (f->note_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (f->note_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (f->note_label), "report-note");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (note), GTK_WIDGET (f->note_label));
  sonae_accessible_name_row (note, GTK_WIDGET (f->note_label), NULL);
  gtk_widget_set_visible (note, FALSE);
  adw_preferences_group_add (group, note);
  f->note_row = note;

  g_ptr_array_add (self->fields, f);
}

static AdwPreferencesGroup *
add_action_group (SonaeReportFormView *self,
                  SonaeCapaKind        kind)
{
  AdwPreferencesGroup *group = add_group (self, sonae_capa_kind_get_title (kind), NULL);

  sonae_report_form_capa_set_group (&self->capa, kind, group);
  return group;
}

static void
build_form (SonaeReportFormView *self)
{
  guint n = sonae_report_n_fields ();

  for (guint section = 0; section < SONAE_REPORT_SECTION_PPC; section++)
    {
      gboolean has_fields = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const SonaeReportField *field = sonae_report_get_field (i);

          if (sonae_report_field_get_section (field) != section)
            continue;
          if (!has_fields)
            {
              has_fields = TRUE;
              if (section == SONAE_REPORT_SECTION_PREVENTION)
                self->section_groups[section] = add_action_group (self, SONAE_CAPA_PREVENTIVE);
              else
                self->section_groups[section] = add_group (self, sonae_report_section_get_title (section), NULL);
            }
          if (is_signoff (sonae_report_field_get_key (field)))
            {
              if (self->signoff_group == NULL)
                self->signoff_group =
                  add_group (self, _("Sign-off of the First Aid"),
                             _("担当: who carried out the first aid. 承認: who approved it. Each with the date."));
              add_field (self, self->signoff_group, field);
            }
          else
            add_field (self, self->section_groups[section], field);
        }

      /* The hearing follows what happened; the actions follow what they
       * answer: the first aid's result, the cause. */
      if (section == SONAE_REPORT_SECTION_DETAIL)
        {
          self->hearing_group =
            add_group (self, _("Hearing (5W1H)"),
                       _("Gathered from the fields above: change those to change these."));
          for (guint i = 0; i < SONAE_REPORT_N_5W1H; i++)
            {
              GtkWidget *row = adw_action_row_new ();
              g_autofree char *name = g_strdup_printf ("5w1h-%u", i);

              gtk_widget_set_name (row, name);
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
              adw_preferences_group_add (self->hearing_group, row);
              self->hearing_rows[i] = ADW_ACTION_ROW (row);
            }
        }
      else if (section == SONAE_REPORT_SECTION_FIRST_AID)
        add_action_group (self, SONAE_CAPA_HANDLING);
      else if (section == SONAE_REPORT_SECTION_CAUSE)
        add_action_group (self, SONAE_CAPA_CORRECTIVE);
    }
  if (self->capa.groups[SONAE_CAPA_HANDLING] == NULL)
    add_action_group (self, SONAE_CAPA_HANDLING);
  if (self->capa.groups[SONAE_CAPA_CORRECTIVE] == NULL)
    add_action_group (self, SONAE_CAPA_CORRECTIVE);
  if (self->capa.groups[SONAE_CAPA_PREVENTIVE] == NULL)
    add_action_group (self, SONAE_CAPA_PREVENTIVE);
}

/* --- actions of the widget ------------------------------------------------------- */

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (widget);

  sonae_report_form_capa_add (&self->capa, self->store, self->incident_id, g_variant_get_int32 (parameter));
}

static void
action_dialog_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (widget);

  sonae_report_form_capa_open (&self->capa, self->store, action_name, g_variant_get_int64 (parameter));
}

static void
reopen_action_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (widget);

  sonae_report_form_capa_reopen (&self->capa, self->store, g_variant_get_int64 (parameter));
  load (self);
}

/* --- public ------------------------------------------------------------------------ */

void
sonae_report_form_view_set_incident (SonaeReportFormView *self,
                                     gint64               incident_id)
{
  g_return_if_fail (SONAE_IS_REPORT_FORM_VIEW (self));

  if (incident_id != self->incident_id)
    {
      sonae_report_form_view_flush (self);
      /* Another incident: nothing typed for the last one stays. */
      for (guint i = 0; i < self->fields->len; i++)
        {
          Field *f = g_ptr_array_index (self->fields, i);

          sonae_autosave_cancel (&f->autosave);
          f->dirty = FALSE;
          f->failed = FALSE;
        }
      self->incident_id = incident_id;
      g_clear_pointer (&self->report, sonae_report_free);
      g_clear_pointer (&self->capa.actions, g_ptr_array_unref);
      if (incident_id == 0)
        {
          g_clear_handle_id (&self->reload_source, g_source_remove);
          gtk_stack_set_visible_child_name (self->stack, "empty");
          return;
        }
      gtk_stack_set_visible_child_name (self->stack, "form");
      load (self);
      self->updating = TRUE;
      for (guint i = 0; i < self->fields->len; i++)
        sonae_report_form_field_show (g_ptr_array_index (self->fields, i), TRUE);
      self->updating = FALSE;
      return;
    }
  load (self);
}

gboolean
sonae_report_form_view_flush (SonaeReportFormView *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (SONAE_IS_REPORT_FORM_VIEW (self), FALSE);

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);

      if (f->dirty)
        ok = sonae_report_form_view_save_field (f) && ok;
      else if (f->failed)
        ok = FALSE;
    }
  return ok;
}

/* --- GObject -------------------------------------------------------------------- */

static void
sonae_report_form_view_unmap (GtkWidget *widget)
{
  sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (widget));
  GTK_WIDGET_CLASS (sonae_report_form_view_parent_class)->unmap (widget);
}

static void
sonae_report_form_view_dispose (GObject *object)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (object);

  if (self->fields != NULL && self->store != NULL)
    sonae_report_form_view_flush (self);
  /* Nothing more is saved or shown: the widgets go next. */
  self->incident_id = 0;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_REPORT_FORM_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  /* After the widgets, whose signals point to the fields. */
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  sonae_report_form_capa_clear (&self->capa);
  g_clear_pointer (&self->report, sonae_report_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_report_form_view_parent_class)->dispose (object);
}

static void
sonae_report_form_view_class_init (SonaeReportFormViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_report_form_view_dispose;
  widget_class->unmap = sonae_report_form_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-report-form-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeReportFormView, stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportFormView, form_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportFormView, updated_label);

  gtk_widget_class_install_action (widget_class, "report.add-action", "i", add_action_activated);
  gtk_widget_class_install_action (widget_class, "report.edit-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.complete-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.approve-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.drop-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.reopen-action", "x", reopen_action_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportview");
}

static void
sonae_report_form_view_init (SonaeReportFormView *self)
{
  sonae_load_style ("sonae-report-form.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (sonae_report_form_field_free);
  sonae_report_form_capa_init (&self->capa, GTK_WIDGET (self));
  self->updating = TRUE;
  build_form (self);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
sonae_report_form_view_new (SonaeStore *store)
{
  SonaeReportFormView *self;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_REPORT_FORM_VIEW, NULL);
  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  return GTK_WIDGET (self);
}
