/* sonae-bcp-drills-view.c: step 5 of the plan: the drills, newest first,
 * each with who took part, what was found, the drill incident recorded
 * during it and the measures it produced.
 *
 * One dialog records or edits a drill; the new measures typed there are
 * stored with it as measures of the plan (they show in step 4 too). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-bcp-dialog.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"

struct _SonaeBcpDrillsView
{
  SonaeBcpWorksheet parent_instance;

  AdwPreferencesGroup *drills_group;
  GPtrArray *rows;                 /* borrowed rows in drills_group */
  GPtrArray *drills;               /* of SonaeBcpDrill, as shown */
};

G_DEFINE_FINAL_TYPE (SonaeBcpDrillsView, sonae_bcp_drills_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeBcpDrillsView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

/* --- the drill dialog -------------------------------------------------------- */

typedef struct
{
  SonaeStore *store;
  SonaeBcpDrill *drill;
  GtkWidget *held_on_row;
  GtkWidget *scenario_row;
  GtkWidget *participants_row;
  GtkTextView *findings;
  GtkWidget *incident_row;
  GArray *incident_ids;        /* gint64, index 0 is “none” */
  AdwPreferencesGroup *measures_group;
  GtkWidget *new_measure_row;
  GPtrArray *new_measures;     /* char *, typed in this dialog */
  GPtrArray *new_rows;         /* borrowed rows showing them */
} DrillDialog;

static void
drill_dialog_free (gpointer p)
{
  DrillDialog *d = p;

  g_clear_object (&d->store);
  g_clear_pointer (&d->drill, sonae_bcp_drill_free);
  g_clear_pointer (&d->incident_ids, g_array_unref);
  g_clear_pointer (&d->new_measures, g_ptr_array_unref);
  g_clear_pointer (&d->new_rows, g_ptr_array_unref);
  g_free (d);
}

static gboolean
drill_dialog_save (GtkWindow  *dialog,
                   gpointer    data,
                   GError    **error)
{
  DrillDialog *d = data;
  g_autoptr(SonaeBcpDrill) drill = sonae_bcp_drill_new ();
  guint incident = adw_combo_row_get_selected (ADW_COMBO_ROW (d->incident_row));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (d->findings);
  GtkTextIter start, end;
  g_autofree char *findings = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  findings = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  drill->id = d->drill->id;
  drill->held_on = sonae_bcp_editable_text (GTK_EDITABLE (d->held_on_row));
  drill->scenario = sonae_bcp_editable_text (GTK_EDITABLE (d->scenario_row));
  drill->participants = sonae_bcp_editable_text (GTK_EDITABLE (d->participants_row));
  drill->findings = *findings != '\0' ? g_strdup (findings) : NULL;
  drill->incident_id = incident != GTK_INVALID_LIST_POSITION && incident < d->incident_ids->len
                       ? g_array_index (d->incident_ids, gint64, incident) : 0;

  if (drill->held_on == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("Write the day the drill was held."));
      return FALSE;
    }
  if (!sonae_date_check (drill->held_on, error))
    return FALSE;
  if (drill->scenario == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("Write what was practised."));
      return FALSE;
    }
  if (!sonae_bcp_save_drill (d->store, drill, error))
    return FALSE;
  d->drill->id = drill->id;

  while (d->new_measures->len > 0)
    {
      g_autoptr(SonaeBcpMeasure) m = sonae_bcp_measure_new ();

      m->text = g_strdup (g_ptr_array_index (d->new_measures, 0));
      m->drill_id = drill->id;
      if (!sonae_bcp_save_measure (d->store, m, error))
        return FALSE;
      /* Stored: not again if the dialog stays open. */
      g_ptr_array_remove_index (d->new_measures, 0);
      adw_preferences_group_remove (d->measures_group, g_ptr_array_index (d->new_rows, 0));
      g_ptr_array_remove_index (d->new_rows, 0);
    }
  return TRUE;
}

static void
remove_measure_cb (GtkButton   *button,
                   DrillDialog *d)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index;

  if (row == NULL || !g_ptr_array_find (d->new_rows, row, &index))
    return;
  g_ptr_array_remove_index (d->new_measures, index);
  g_ptr_array_remove_index (d->new_rows, index);
  adw_preferences_group_remove (d->measures_group, row);
}

static void
add_measure_cb (AdwEntryRow *entry,
                DrillDialog *d)
{
  g_autofree char *text = sonae_bcp_editable_text (GTK_EDITABLE (entry));
  GtkWidget *row;
  GtkWidget *remove;

  if (text == NULL)
    return;
  row = adw_action_row_new ();
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("New measure, stored with the drill"));
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_measure_cb), d);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (d->measures_group, row);
  g_ptr_array_add (d->new_measures, g_steal_pointer (&text));
  g_ptr_array_add (d->new_rows, row);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
held_on_changed_cb (GtkEditable *editable,
                    gpointer     data)
{
  g_autofree char *text = sonae_bcp_editable_text (editable);

  if (text != NULL && !sonae_date_is_valid (text))
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static SonaeBcpDrill *
drill_copy (const SonaeBcpDrill *drill)
{
  SonaeBcpDrill *c = sonae_bcp_drill_new ();

  c->id = drill->id;
  c->held_on = g_strdup (drill->held_on);
  c->scenario = g_strdup (drill->scenario);
  c->participants = g_strdup (drill->participants);
  c->findings = g_strdup (drill->findings);
  c->incident_id = drill->incident_id;
  c->incident_number = g_strdup (drill->incident_number);
  return c;
}

static void
open_drill_dialog (SonaeBcpDrillsView  *self,
                   const SonaeBcpDrill *drill)
{
  DrillDialog *d = g_new0 (DrillDialog, 1);
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GtkStringList) incidents = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = sonae_clock_today ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *findings_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *measures = adw_preferences_group_new ();
  GtkWindow *dialog;
  GtkBox *box;
  gint64 none = 0;
  guint selected = 0;

  d->store = g_object_ref (get_store (self));
  d->drill = drill != NULL ? drill_copy (drill) : sonae_bcp_drill_new ();
  d->incident_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->new_measures = g_ptr_array_new_with_free_func (g_free);
  d->new_rows = g_ptr_array_new ();
  dialog = sonae_bcp_dialog_new (GTK_WIDGET (self), "bcp-drill-dialog",
                                 d->drill->id == 0 ? _("Record a Drill") : _("Edit Drill"),
                                 d->drill->id == 0 ? _("_Record") : _("_Save"),
                                 drill_dialog_save, d, drill_dialog_free);
  box = sonae_bcp_dialog_get_box (dialog);

  d->held_on_row = sonae_bcp_entry_row_new (_("Held on (YYYY-MM-DD)"), "held-on-row",
                              d->drill->held_on != NULL ? d->drill->held_on : today);
  sonae_bcp_add_calendar (ADW_ENTRY_ROW (d->held_on_row));
  g_signal_connect (d->held_on_row, "changed", G_CALLBACK (held_on_changed_cb), NULL);
  d->scenario_row = sonae_bcp_entry_row_new (_("What was practised"), "scenario-row", d->drill->scenario);
  d->participants_row = sonae_bcp_entry_row_new (_("Who took part"), "participants-row", d->drill->participants);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->held_on_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->scenario_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->participants_row);

  gtk_string_list_append (incidents, _("None"));
  g_array_append_val (d->incident_ids, none);
  filter.drill = 1;
  list = sonae_incidents_list (get_store (self), &filter, &error);
  if (list == NULL)
    g_message ("Could not read the drill incidents: %s", error->message);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SonaeIncident *incident = g_ptr_array_index (list, i);
      g_autofree char *label = g_strdup_printf ("%s %s", incident->number,
                                                incident->title != NULL ? incident->title : "");

      gtk_string_list_append (incidents, label);
      g_array_append_val (d->incident_ids, incident->id);
      if (incident->id == d->drill->incident_id)
        selected = d->incident_ids->len - 1;
    }
  d->incident_row = adw_combo_row_new ();
  gtk_widget_set_name (d->incident_row, "incident-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->incident_row), _("Drill incident"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (d->incident_row),
                               _("The incident recorded as a drill during it, if one was."));
  sonae_accessible_name_choices (d->incident_row);
  adw_combo_row_set_model (ADW_COMBO_ROW (d->incident_row), G_LIST_MODEL (incidents));
  adw_combo_row_set_selected (ADW_COMBO_ROW (d->incident_row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->incident_row);
  gtk_box_append (box, group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (findings_group), C_("drill", "Findings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (findings_group),
                                         _("What went well, and what did not."));
  gtk_widget_set_name (text_view, "findings-text");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_widget_add_css_class (text_view, "bcp-text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            d->drill->findings != NULL ? d->drill->findings : "", -1);
  gtk_frame_set_child (GTK_FRAME (frame), text_view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (findings_group), frame);
  d->findings = GTK_TEXT_VIEW (text_view);
  gtk_box_append (box, findings_group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (measures), _("Measures It Produced"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (measures),
                                         _("Each becomes a prevention measure of the plan; give it an owner and a due date there."));
  d->measures_group = ADW_PREFERENCES_GROUP (measures);
  if (d->drill->id != 0)
    {
      g_autoptr(GPtrArray) existing = sonae_bcp_list_drill_measures (get_store (self), d->drill->id, NULL);

      for (guint i = 0; existing != NULL && i < existing->len; i++)
        {
          SonaeBcpMeasure *m = g_ptr_array_index (existing, i);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sonae_capa_status_get_title (m->status));
          adw_preferences_group_add (d->measures_group, row);
        }
    }
  d->new_measure_row = adw_entry_row_new ();
  gtk_widget_set_name (d->new_measure_row, "new-measure-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->new_measure_row), _("Add a measure"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (d->new_measure_row), TRUE);
  g_signal_connect (d->new_measure_row, "apply", G_CALLBACK (add_measure_cb), d);
  g_signal_connect (d->new_measure_row, "entry-activated", G_CALLBACK (add_measure_cb), d);
  adw_preferences_group_add (d->measures_group, d->new_measure_row);
  gtk_box_append (box, measures);

  gtk_window_set_default_size (dialog, 560, 760);
  gtk_window_present (dialog);
}

/* --- rows -------------------------------------------------------------------- */

static void
delete_clicked_cb (GtkButton          *button,
                   SonaeBcpDrillsView *self)
{
  SonaeBcpDrill *drill = g_object_get_data (G_OBJECT (button), "sonae-bcp-drill");

  sonae_bcp_worksheet_confirm_delete (SONAE_BCP_WORKSHEET (self), _("Delete Drill?"),
                                      _("Its measures stay in the plan."),
                                      sonae_bcp_delete_drill, drill->id, _("Could not delete the drill"));
}

static void
row_activated_cb (AdwActionRow       *row,
                  SonaeBcpDrillsView *self)
{
  open_drill_dialog (self, g_object_get_data (G_OBJECT (row), "sonae-bcp-drill"));
}

static GtkWidget *
drill_row_new (SonaeBcpDrillsView *self,
               SonaeBcpDrill      *drill)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = sonae_bcp_delete_button_new (_("Delete Drill"));
  g_autoptr(GString) subtitle = g_string_new (drill->held_on);
  g_autofree char *name = g_strdup_printf ("drill-%" G_GINT64_FORMAT, drill->id);
  g_autoptr(GPtrArray) measures = sonae_bcp_list_drill_measures (get_store (self), drill->id, NULL);
  guint n_open = 0;

  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "sonae-bcp-drill", drill);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), drill->scenario);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (drill->participants != NULL)
    g_string_append_printf (subtitle, " · %s", drill->participants);
  if (drill->incident_number != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: the number of the drill incident */
      g_string_append_printf (subtitle, _("Incident %s"), drill->incident_number);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  for (guint i = 0; measures != NULL && i < measures->len; i++)
    n_open += ((SonaeBcpMeasure *) g_ptr_array_index (measures, i))->status == SONAE_CAPA_OPEN;
  if (measures != NULL && measures->len > 0)
    {
      g_autofree char *text = NULL;
      GtkWidget *pill;

      if (n_open > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure open", "%u measures open", n_open), n_open);
      else
        text = g_strdup (_("Measures done"));
      pill = sonae_bcp_pill_new (text, n_open > 0 ? "open" : "done");
      gtk_widget_set_name (pill, "measures-pill");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }

  g_object_set_data (G_OBJECT (delete), "sonae-bcp-drill", drill);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static void
sonae_bcp_drills_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpDrillsView *self = SONAE_BCP_DRILLS_VIEW (worksheet);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_autofree char *description = NULL;
  GPtrArray *drills = sonae_bcp_list_drills (get_store (self), &error);

  if (drills == NULL)
    {
      g_message ("Could not read the drills: %s", error->message);
      return;
    }
  sonae_bcp_rows_clear (self->drills_group, self->rows);
  g_clear_pointer (&self->drills, g_ptr_array_unref);
  self->drills = drills;

  last = sonae_bcp_get_last_drill_date (get_store (self));
  if (last == NULL)
    description = g_strdup (_("Practise the plan at least once a year: stop a system on purpose, work on paper, "
                              "call the vendor. No drill recorded yet."));
  else if (sonae_clock_days_since (last) > SONAE_BCP_DRILL_DAYS)
    description = g_strdup_printf (_("Practise the plan at least once a year. The last drill was on %s: "
                                     "another one is due."), last);
  else
    description = g_strdup_printf (_("Practise the plan at least once a year. The last drill was on %s."), last);
  adw_preferences_group_set_description (self->drills_group, description);

  if (drills->len == 0)
    sonae_bcp_rows_add (self->drills_group, self->rows,
                        sonae_bcp_empty_row_new ("no-drills-row", _("No drills yet"),
                                                 sonae_org_kind_is_medical (sonae_store_get_org_kind (get_store (self)))
                                                 ? _("A drill can be small: one morning on paper charts is enough to learn a lot.")
                                                 : _("A drill can be small: one morning on paper forms is enough to learn a lot.")));
  for (guint i = 0; i < drills->len; i++)
    sonae_bcp_rows_add (self->drills_group, self->rows, drill_row_new (self, g_ptr_array_index (drills, i)));
}

static void
sonae_bcp_drills_view_add (SonaeBcpWorksheet *worksheet)
{
  open_drill_dialog (SONAE_BCP_DRILLS_VIEW (worksheet), NULL);
}

void
sonae_bcp_drills_view_add_drill (SonaeBcpDrillsView *self)
{
  g_return_if_fail (SONAE_IS_BCP_DRILLS_VIEW (self));

  sonae_bcp_worksheet_add (SONAE_BCP_WORKSHEET (self));
}

static void
build (SonaeBcpDrillsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = sonae_bcp_header_button_new (_("_Record a Drill"), "add-drill-button");

  gtk_widget_set_name (group, "drills-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Drills"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (sonae_bcp_drills_view_add_drill), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->drills_group = ADW_PREFERENCES_GROUP (group);
  gtk_box_append (GTK_BOX (box), group);

  sonae_bcp_worksheet_set_content (SONAE_BCP_WORKSHEET (self), sonae_bcp_clamp_new (box));
}

/* --- GObject ----------------------------------------------------------------- */

/* After the rows (gone with the content), which point to the drills. */
static void
sonae_bcp_drills_view_finalize (GObject *object)
{
  SonaeBcpDrillsView *self = SONAE_BCP_DRILLS_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->drills, g_ptr_array_unref);
  G_OBJECT_CLASS (sonae_bcp_drills_view_parent_class)->finalize (object);
}

static void
sonae_bcp_drills_view_class_init (SonaeBcpDrillsViewClass *klass)
{
  static const char *const follows[] = { SONAE_CHANGED_INCIDENTS, NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->finalize = sonae_bcp_drills_view_finalize;
  worksheet_class->follows = follows;
  worksheet_class->reload = sonae_bcp_drills_view_reload;
  worksheet_class->add = sonae_bcp_drills_view_add;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "bcp-drills-view");
}

static void
sonae_bcp_drills_view_init (SonaeBcpDrillsView *self)
{
  self->rows = g_ptr_array_new ();
  build (self);
}

GtkWidget *
sonae_bcp_drills_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_DRILLS_VIEW, "store", store, NULL);
}
