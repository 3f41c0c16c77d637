/* sonae-bcp-plans-view.c: step 4 of the plan: the prevention measures,
 * the training plan and the upkeep of the plan (its yearly review).
 *
 * The measures come from the store as it lists them: the stored ones and
 * one for each self-check question answered いいえ, which is changed there,
 * not here. A check mark closes a measure at once; the texts are stored a
 * moment after the last key. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-bcp-dialog.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"


typedef struct _SonaeBcpPlansView SonaeBcpPlansView;

typedef struct
{
  SonaeBcpPlansView *view;
  SonaeBcpText which;
  GtkTextView *text_view;
  GtkWidget *placeholder;
  SonaeAutosave autosave;
  gboolean dirty;
} TextField;

struct _SonaeBcpPlansView
{
  SonaeBcpWorksheet parent_instance;

  AdwPreferencesGroup *measures_group;
  GPtrArray *measure_rows;         /* borrowed rows in measures_group */
  TextField texts[2];              /* training, upkeep */
  AdwActionRow *review_row;
  AdwActionRow *next_review_row;
  GtkLabel *next_review_label;

  GPtrArray *measures;             /* of SonaeBcpMeasure, as shown */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (SonaeBcpPlansView, sonae_bcp_plans_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeBcpPlansView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

/* --- texts ------------------------------------------------------------------- */

static char *
field_text (TextField *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
field_save (TextField *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SonaeStore *store = get_store (f->view);

  sonae_autosave_cancel (&f->autosave);
  if (!f->dirty || store == NULL)
    return TRUE;
  f->dirty = FALSE;
  text = field_text (f);
  if (!sonae_bcp_set_text (store, f->which, text, &error))
    {
      sonae_show_error (GTK_WIDGET (f->view), _("Could not save the text"), error);
      return FALSE;
    }
  return TRUE;
}

static void
field_timeout_cb (gpointer data)
{
  field_save (data);
}

static void
field_changed_cb (GtkTextBuffer *buffer,
                  TextField     *f)
{
  gtk_widget_set_visible (f->placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  if (f->view->updating)
    return;
  f->dirty = TRUE;
  sonae_autosave_schedule (&f->autosave);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      TextField               *f)
{
  field_save (f);
}

static void
field_load (TextField *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;

  /* The example in the organisation's words. */
  gtk_label_set_text (GTK_LABEL (f->placeholder),
                      sonae_bcp_text_get_hint (f->which, sonae_store_get_org_kind (get_store (f->view))));
  /* What is being typed stays as it is. */
  if (f->dirty || gtk_widget_has_focus (GTK_WIDGET (f->text_view)))
    return;
  value = sonae_bcp_get_text (get_store (f->view), f->which, &error);
  if (value == NULL && error != NULL)
    {
      g_message ("Could not read the plan: %s", error->message);
      return;
    }
  shown = field_text (f);
  if (g_strcmp0 (shown, value != NULL ? value : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (f->text_view), value != NULL ? value : "", -1);
}

static GtkWidget *
field_build (SonaeBcpPlansView *self,
             TextField         *f,
             SonaeBcpText       which,
             const char        *name)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *placeholder = gtk_label_new (NULL);   /* set on each load */
  GtkEventController *focus = gtk_event_controller_focus_new ();

  f->view = self;
  sonae_autosave_init (&f->autosave, SONAE_AUTOSAVE_DELAY_MS, field_timeout_cb, f);
  f->which = which;
  f->text_view = GTK_TEXT_VIEW (text_view);
  f->placeholder = placeholder;

  gtk_widget_set_name (text_view, name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_widget_add_css_class (text_view, "bcp-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sonae_bcp_text_get_title (which), -1);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_xalign (GTK_LABEL (placeholder), 0);
  gtk_widget_set_valign (placeholder, GTK_ALIGN_START);
  gtk_widget_set_halign (placeholder, GTK_ALIGN_FILL);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_set_margin_top (placeholder, 8);
  gtk_widget_set_can_target (placeholder, FALSE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), text_view);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), placeholder);
  gtk_widget_add_css_class (overlay, "card");
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "changed",
                    G_CALLBACK (field_changed_cb), f);
  g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), f);
  gtk_widget_add_controller (text_view, focus);
  return overlay;
}

/* --- the measure dialog ------------------------------------------------------ */

typedef struct
{
  SonaeStore *store;
  SonaeBcpMeasure *measure;
  GtkWidget *text_row;
  GtkWidget *owner_row;
  GtkWidget *due_row;
  GtkWidget *risk_row;
  GArray *risk_ids;            /* gint64, index 0 is “none” */
} MeasureDialog;

static void
measure_dialog_free (gpointer p)
{
  MeasureDialog *d = p;

  g_clear_object (&d->store);
  g_clear_pointer (&d->measure, sonae_bcp_measure_free);
  g_clear_pointer (&d->risk_ids, g_array_unref);
  g_free (d);
}

static gboolean
measure_dialog_save (GtkWindow  *dialog,
                     gpointer    data,
                     GError    **error)
{
  MeasureDialog *d = data;
  g_autoptr(SonaeBcpMeasure) m = sonae_bcp_measure_new ();
  guint risk = adw_combo_row_get_selected (ADW_COMBO_ROW (d->risk_row));

  m->id = d->measure->id;
  m->text = sonae_bcp_editable_text (GTK_EDITABLE (d->text_row));
  m->owner_id = sonae_bcp_owner_row_get_id (d->owner_row);
  m->due_on = sonae_bcp_editable_text (GTK_EDITABLE (d->due_row));
  m->status = d->measure->status;
  m->done_on = g_strdup (d->measure->done_on);
  m->drill_id = d->measure->drill_id;
  m->risk_id = risk != GTK_INVALID_LIST_POSITION && risk < d->risk_ids->len
               ? g_array_index (d->risk_ids, gint64, risk) : 0;
  if (m->text == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("Write what is to be done."));
      return FALSE;
    }
  if (m->due_on != NULL && !sonae_date_check (m->due_on, error))
    return FALSE;
  return sonae_bcp_save_measure (d->store, m, error);
}

static SonaeBcpMeasure *
measure_copy (const SonaeBcpMeasure *m)
{
  SonaeBcpMeasure *c = sonae_bcp_measure_new ();

  c->id = m->id;
  c->text = g_strdup (m->text);
  c->owner_id = m->owner_id;
  c->owner_name = g_strdup (m->owner_name);
  c->due_on = g_strdup (m->due_on);
  c->status = m->status;
  c->done_on = g_strdup (m->done_on);
  c->drill_id = m->drill_id;
  c->risk_id = m->risk_id;
  c->check_key = g_strdup (m->check_key);
  c->mhlw_key = g_strdup (m->mhlw_key);
  return c;
}

static void
open_measure_dialog (SonaeBcpPlansView     *self,
                     const SonaeBcpMeasure *measure)
{
  MeasureDialog *d = g_new0 (MeasureDialog, 1);
  g_autoptr(GtkStringList) risks = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWindow *dialog;
  gint64 none = 0;
  guint selected = 0;

  d->store = g_object_ref (get_store (self));
  d->measure = measure != NULL ? measure_copy (measure) : sonae_bcp_measure_new ();
  d->risk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  dialog = sonae_bcp_dialog_new (GTK_WIDGET (self), "bcp-measure-dialog",
                                 d->measure->id == 0 ? _("Add Measure") : _("Edit Measure"),
                                 d->measure->id == 0 ? _("_Add") : _("_Save"),
                                 measure_dialog_save, d, measure_dialog_free);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What is to be done to prevent a crisis or soften it, who sees to it, and by when."));
  d->text_row = sonae_bcp_entry_row_new (_("What is to be done"), "text-row", d->measure->text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->text_row);

  d->owner_row = sonae_bcp_owner_row_new (get_store (self), _("Owner"), NULL, NULL);
  gtk_widget_set_name (d->owner_row, "owner-row");
  sonae_bcp_owner_row_set (d->owner_row, d->measure->owner_id, d->measure->owner_name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->owner_row);

  d->due_row = sonae_bcp_entry_row_new (_("Due date (YYYY-MM-DD)"), "due-row", d->measure->due_on);
  sonae_bcp_add_calendar (ADW_ENTRY_ROW (d->due_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->due_row);

  gtk_string_list_append (risks, _("None"));
  g_array_append_val (d->risk_ids, none);
  list = sonae_bcp_list_risks (get_store (self), &error);
  if (list == NULL)
    g_message ("Could not read the risks: %s", error->message);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SonaeBcpRisk *r = g_ptr_array_index (list, i);

      gtk_string_list_append (risks, r->risk);
      g_array_append_val (d->risk_ids, r->id);
      if (r->id == d->measure->risk_id)
        selected = d->risk_ids->len - 1;
    }
  d->risk_row = adw_combo_row_new ();
  gtk_widget_set_name (d->risk_row, "risk-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->risk_row), _("Risk it treats"));
  sonae_accessible_name_choices (d->risk_row);
  adw_combo_row_set_model (ADW_COMBO_ROW (d->risk_row), G_LIST_MODEL (risks));
  adw_combo_row_set_selected (ADW_COMBO_ROW (d->risk_row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->risk_row);

  gtk_box_append (sonae_bcp_dialog_get_box (dialog), group);
  gtk_window_present (dialog);
}

/* --- the review dialog ------------------------------------------------------- */

typedef struct
{
  SonaeStore *store;
  GtkWidget *by_row;
  GtkWidget *on_row;
} ReviewDialog;

static void
review_dialog_free (gpointer p)
{
  ReviewDialog *d = p;

  g_clear_object (&d->store);
  g_free (d);
}

static gboolean
review_dialog_save (GtkWindow  *dialog,
                    gpointer    data,
                    GError    **error)
{
  ReviewDialog *d = data;
  g_autofree char *by = sonae_bcp_editable_text (GTK_EDITABLE (d->by_row));
  g_autofree char *on = sonae_bcp_editable_text (GTK_EDITABLE (d->on_row));

  if (by == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("Write who reviewed the plan."));
      return FALSE;
    }
  if (on != NULL && !sonae_date_check (on, error))
    return FALSE;
  return sonae_bcp_mark_reviewed (d->store, on, by, error);
}

static void
review_clicked_cb (SonaeBcpPlansView *self)
{
  ReviewDialog *d = g_new0 (ReviewDialog, 1);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *author = sonae_get_author ();
  g_autofree char *today = sonae_clock_today ();
  GtkWindow *dialog;

  d->store = g_object_ref (get_store (self));
  dialog = sonae_bcp_dialog_new (GTK_WIDGET (self), "bcp-review-dialog", _("Mark as Reviewed"),
                                 _("_Mark Reviewed"), review_dialog_save, d, review_dialog_free);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The plan was read again and is still right, or was corrected. It is due again in a year."));
  d->by_row = sonae_bcp_entry_row_new (_("Reviewed by"), "reviewed-by-row", author);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->by_row);
  d->on_row = sonae_bcp_entry_row_new (_("Reviewed on (YYYY-MM-DD)"), "reviewed-on-row", today);
  sonae_bcp_add_calendar (ADW_ENTRY_ROW (d->on_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->on_row);
  gtk_box_append (sonae_bcp_dialog_get_box (dialog), group);
  gtk_window_present (dialog);
}

/* --- measure rows ------------------------------------------------------------ */

static SonaeBcpMeasure *
row_measure (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "sonae-bcp-measure");
}

static void
set_status (SonaeBcpPlansView *self,
            gint64             id,
            SonaeCapaStatus    status)
{
  g_autoptr(GError) error = NULL;

  if (!sonae_bcp_set_measure_status (get_store (self), id, status, NULL, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not change the measure"), error);
}

static void
done_toggled_cb (GtkCheckButton *check,
                 GtkWidget      *row)
{
  SonaeBcpPlansView *self = SONAE_BCP_PLANS_VIEW (gtk_widget_get_ancestor (row, SONAE_TYPE_BCP_PLANS_VIEW));
  SonaeBcpMeasure *m = row_measure (row);

  if (self == NULL || self->updating)
    return;
  set_status (self, m->id, gtk_check_button_get_active (check) ? SONAE_CAPA_DONE : SONAE_CAPA_OPEN);
}

static void
measure_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  GtkWidget *row = data;
  SonaeBcpPlansView *self = SONAE_BCP_PLANS_VIEW (gtk_widget_get_ancestor (row, SONAE_TYPE_BCP_PLANS_VIEW));
  SonaeBcpMeasure *m = row_measure (row);
  const char *name = g_action_get_name (G_ACTION (action));

  if (self == NULL)
    return;
  if (g_str_equal (name, "edit"))
    open_measure_dialog (self, m);
  else if (g_str_equal (name, "done"))
    set_status (self, m->id, SONAE_CAPA_DONE);
  else if (g_str_equal (name, "reopen"))
    set_status (self, m->id, SONAE_CAPA_OPEN);
  else if (g_str_equal (name, "drop"))
    set_status (self, m->id, SONAE_CAPA_DROPPED);
  else if (g_str_equal (name, "delete"))
    sonae_bcp_worksheet_confirm_delete (SONAE_BCP_WORKSHEET (self), _("Delete Measure?"), m->text,
                                        sonae_bcp_delete_measure, m->id, _("Could not delete the measure"));
}

static void
go_to_check (SonaeBcpPlansView *self)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-bcp", "s", "check"))
    sonae_show_message (GTK_WIDGET (self),
                        _("This measure comes from the self-check: change the answer there."));
}

static void
go_to_mhlw (SonaeBcpPlansView *self)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-bcp", "s", "mhlw"))
    sonae_show_message (GTK_WIDGET (self),
                        _("This measure comes from the MHLW checklist: change the answer there."));
}

/* A measure made from an answer (of the self-check or the MHLW
 * checklist): changed by changing the answer. */
static gboolean
is_derived (const SonaeBcpMeasure *m)
{
  return m->check_key != NULL || m->mhlw_key != NULL;
}

static void
row_activated_cb (AdwActionRow *row,
                  SonaeBcpPlansView *self)
{
  SonaeBcpMeasure *m = row_measure (GTK_WIDGET (row));

  if (m->check_key != NULL)
    go_to_check (self);
  else if (m->mhlw_key != NULL)
    go_to_mhlw (self);
  else
    open_measure_dialog (self, m);
}

static GtkWidget *
measure_row_new (SonaeBcpPlansView *self,
                 SonaeBcpMeasure   *m)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *name = NULL;
  gboolean overdue = m->status == SONAE_CAPA_OPEN && sonae_bcp_date_is_past (m->due_on);

  if (m->check_key != NULL)
    name = g_strdup_printf ("measure-check-%s", m->check_key);
  else if (m->mhlw_key != NULL)
    name = g_strdup_printf ("measure-mhlw-%s", m->mhlw_key);
  else
    name = g_strdup_printf ("measure-%" G_GINT64_FORMAT, m->id);
  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "sonae-bcp-measure", m);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  if (m->check_key != NULL)
    g_string_append (subtitle, _("From the self-check"));
  else if (m->mhlw_key != NULL)
    /* Translators: a measure made from an item of the MHLW checklist answered いいえ */
    g_string_append (subtitle, _("From the MHLW checklist"));
  if (m->owner_id != 0 && m->owner_name != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, m->owner_name);
    }
  else if (m->status == SONAE_CAPA_OPEN)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("No owner yet"));
    }
  if (m->status != SONAE_CAPA_OPEN && m->done_on != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: the status (done, dropped) and its date */
      g_string_append_printf (subtitle, _("%s on %s"), sonae_capa_status_get_title (m->status), m->done_on);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (!is_derived (m))
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (check, "done-check");
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, m->status == SONAE_CAPA_DONE ? _("Reopen") : _("Mark Done"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, m->text, -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), m->status == SONAE_CAPA_DONE);
      gtk_widget_set_sensitive (check, m->status != SONAE_CAPA_DROPPED);
      g_signal_connect (check, "toggled", G_CALLBACK (done_toggled_cb), row);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("view-list-bullet-symbolic");

      /* Where the check box of the stored measures is. */
      gtk_widget_set_size_request (icon, 22, -1);
      gtk_widget_set_tooltip_text (icon, m->check_key != NULL ? _("From the self-check") : _("From the MHLW checklist"));
      gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  if (m->due_on != NULL && m->status == SONAE_CAPA_OPEN)
    {
      g_autofree char *due = g_strdup_printf (_("Due %s"), m->due_on);

      sonae_bcp_row_add_date (ADW_ACTION_ROW (row), "due-label", due, overdue, _("Overdue"));
    }

  /* Open is what the check box and the due date already say. */
  if (m->status != SONAE_CAPA_OPEN)
    {
      GtkWidget *pill = sonae_bcp_pill_new (sonae_capa_status_get_title (m->status),
                                            sonae_capa_status_to_string (m->status));

      gtk_widget_set_name (pill, "status-pill");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }

  if (!is_derived (m))
    {
      static const GActionEntry entries[] = {
        { "edit", measure_action_cb, NULL, NULL, NULL, { 0 } },
        { "done", measure_action_cb, NULL, NULL, NULL, { 0 } },
        { "reopen", measure_action_cb, NULL, NULL, NULL, { 0 } },
        { "drop", measure_action_cb, NULL, NULL, NULL, { 0 } },
        { "delete", measure_action_cb, NULL, NULL, NULL, { 0 } },
      };
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) section = g_menu_new ();
      GtkWidget *button = gtk_menu_button_new ();

      g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
      gtk_widget_insert_action_group (row, "measure", G_ACTION_GROUP (group));
      g_menu_append (menu, _("_Edit…"), "measure.edit");
      if (m->status == SONAE_CAPA_OPEN)
        {
          g_menu_append (menu, _("_Mark Done"), "measure.done");
          g_menu_append (menu, _("D_rop"), "measure.drop");
        }
      else
        g_menu_append (menu, _("_Reopen"), "measure.reopen");
      g_menu_append (section, _("_Delete…"), "measure.delete");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
      gtk_widget_set_tooltip_text (button, _("More"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"), -1);
      gtk_widget_set_name (button, "measure-menu");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

/* --- loading ----------------------------------------------------------------- */

static void
load_measures (SonaeBcpPlansView *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *measures = sonae_bcp_list_measures (get_store (self), &error);

  if (measures == NULL)
    {
      g_message ("Could not read the measures: %s", error->message);
      return;
    }
  sonae_bcp_rows_clear (self->measures_group, self->measure_rows);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  self->measures = measures;

  if (measures->len == 0)
    sonae_bcp_rows_add (self->measures_group, self->measure_rows,
                        sonae_bcp_empty_row_new ("no-measures-row", _("No measures yet"),
                                                 _("Add what will be done, or answer the self-check: every “No” becomes a measure.")));
  for (guint i = 0; i < measures->len; i++)
    sonae_bcp_rows_add (self->measures_group, self->measure_rows, measure_row_new (self, g_ptr_array_index (measures, i)));
}

static void
load_review (SonaeBcpPlansView *self)
{
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->next_review_label), "bcp-overdue");
  gtk_widget_remove_css_class (GTK_WIDGET (self->next_review_label), "dim-label");
  if (sonae_bcp_get_last_review (get_store (self), &date, &by))
    {
      g_autofree char *text = g_strdup_printf ("%s (%s)", date, by);
      g_autoptr(GDate) next = g_date_new ();
      char buf[16];

      adw_action_row_set_subtitle (self->review_row, text);
      g_date_set_parse (next, date);
      if (g_date_valid (next))
        {
          g_date_add_days (next, SONAE_BCP_REVIEW_DAYS);
          g_date_strftime (buf, sizeof buf, "%Y-%m-%d", next);
          gtk_label_set_text (self->next_review_label, buf);
          gtk_widget_add_css_class (GTK_WIDGET (self->next_review_label),
                                    sonae_bcp_date_is_past (buf) ? "bcp-overdue" : "dim-label");
        }
    }
  else
    {
      adw_action_row_set_subtitle (self->review_row, _("Not reviewed yet"));
      gtk_label_set_text (self->next_review_label, _("Now"));
      gtk_widget_add_css_class (GTK_WIDGET (self->next_review_label), "bcp-overdue");
    }
}

static void
sonae_bcp_plans_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpPlansView *self = SONAE_BCP_PLANS_VIEW (worksheet);

  self->updating = TRUE;
  load_measures (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    field_load (&self->texts[i]);
  load_review (self);
  self->updating = FALSE;
}

static void
add_clicked_cb (SonaeBcpPlansView *self)
{
  open_measure_dialog (self, NULL);
}

static void
build (SonaeBcpPlansView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group;
  GtkWidget *button;
  GtkWidget *label;

  /* Prevention measures */
  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "measures-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Prevention Measures"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What is done so that a crisis is less likely or does less harm, with who sees to it and by when."));
  button = sonae_bcp_header_button_new (_("_Add Measure"), "add-measure-button");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->measures_group = ADW_PREFERENCES_GROUP (group);
  gtk_box_append (GTK_BOX (box), group);

  /* Training plan */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sonae_bcp_text_get_title (SONAE_BCP_TEXT_TRAINING));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             field_build (self, &self->texts[0], SONAE_BCP_TEXT_TRAINING, "training-text"));
  gtk_box_append (GTK_BOX (box), group);

  /* Upkeep */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sonae_bcp_text_get_title (SONAE_BCP_TEXT_UPKEEP));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             field_build (self, &self->texts[1], SONAE_BCP_TEXT_UPKEEP, "upkeep-text"));
  gtk_box_append (GTK_BOX (box), group);

  group = adw_preferences_group_new ();
  self->review_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->review_row), "last-review-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), _("Last review"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->review_row), FALSE);
  button = gtk_button_new_with_mnemonic (_("Mark as _Reviewed…"));
  gtk_widget_set_name (button, "review-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (review_clicked_cb), self);
  adw_action_row_add_suffix (self->review_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->review_row));

  self->next_review_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->next_review_row), _("Next review due"));
  adw_action_row_set_subtitle (self->next_review_row, _("The plan is read again and confirmed at least once a year."));
  label = gtk_label_new (NULL);
  gtk_widget_set_name (label, "next-review-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  self->next_review_label = GTK_LABEL (label);
  adw_action_row_add_suffix (self->next_review_row, label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->next_review_row));
  gtk_box_append (GTK_BOX (box), group);

  sonae_bcp_worksheet_set_content (SONAE_BCP_WORKSHEET (self), sonae_bcp_clamp_new (box));
}

/* --- GObject ----------------------------------------------------------------- */

static void
sonae_bcp_plans_view_save_now_vfunc (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpPlansView *self = SONAE_BCP_PLANS_VIEW (worksheet);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    field_save (&self->texts[i]);
}

void
sonae_bcp_plans_view_save_now (SonaeBcpPlansView *self)
{
  g_return_if_fail (SONAE_IS_BCP_PLANS_VIEW (self));

  sonae_bcp_worksheet_save_now (SONAE_BCP_WORKSHEET (self));
}

static void
sonae_bcp_plans_view_dispose (GObject *object)
{
  SonaeBcpPlansView *self = SONAE_BCP_PLANS_VIEW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    sonae_autosave_cancel (&self->texts[i].autosave);
  G_OBJECT_CLASS (sonae_bcp_plans_view_parent_class)->dispose (object);
}

/* After the rows (gone with the content), which point to the measures. */
static void
sonae_bcp_plans_view_finalize (GObject *object)
{
  SonaeBcpPlansView *self = SONAE_BCP_PLANS_VIEW (object);

  g_clear_pointer (&self->measure_rows, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  G_OBJECT_CLASS (sonae_bcp_plans_view_parent_class)->finalize (object);
}

static void
sonae_bcp_plans_view_class_init (SonaeBcpPlansViewClass *klass)
{
  static const char *const follows[] = { SONAE_CHANGED_CONTACTS, NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->dispose = sonae_bcp_plans_view_dispose;
  object_class->finalize = sonae_bcp_plans_view_finalize;
  worksheet_class->follows = follows;
  worksheet_class->reload = sonae_bcp_plans_view_reload;
  worksheet_class->save_now = sonae_bcp_plans_view_save_now_vfunc;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "bcp-plans-view");
}

static void
sonae_bcp_plans_view_init (SonaeBcpPlansView *self)
{
  self->measure_rows = g_ptr_array_new ();
  build (self);
}

GtkWidget *
sonae_bcp_plans_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_PLANS_VIEW, "store", store, NULL);
}
