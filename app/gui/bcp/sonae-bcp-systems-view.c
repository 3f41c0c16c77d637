/* sonae-bcp-systems-view.c: step 3 of the plan: the systems the clinic
 * depends on, in the order they must come back, each with its target
 * time, its vendor and a warning when its restore test is overdue. Each
 * opens SonaeBcpSystemDialog; a new one offers its outage card at once. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-bcp-system-dialog.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-gui-util.h"
#include "sonae-print-operation.h"

struct _SonaeBcpSystemsView
{
  SonaeBcpWorksheet parent_instance;

  /* template widgets */
  AdwStatusPage *empty_status;
  AdwPreferencesGroup *systems_group;

  GPtrArray *system_rows;      /* of GtkWidget, children of systems_group */
};

G_DEFINE_FINAL_TYPE (SonaeBcpSystemsView, sonae_bcp_systems_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeBcpSystemsView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

/* --- rows in recovery order -------------------------------------------------- */

static char *
system_summary (const SonaeBcpSystem *system)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (system->recovery_order > 0)
    /* Translators: where a system comes in the order of recovery */
    g_string_append_printf (line, _("Recovery order %d"), system->recovery_order);
  else
    g_string_append (line, _("Recovery order not set"));
  if (system->rto_hours >= 0)
    {
      g_string_append (line, " · ");
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "Target %d hour", "Target %d hours",
                                                 system->rto_hours),
                              system->rto_hours);
    }
  if (system->vendor_name != NULL)
    {
      g_string_append (line, " · ");
      g_string_append (line, system->vendor_name);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static GtkWidget *
new_system_row (const SonaeBcpSystem *system)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *order = gtk_label_new (NULL);
  g_autofree char *name = g_strdup_printf ("system-%" G_GINT64_FORMAT, system->id);
  g_autofree char *summary = system_summary (system);
  g_autofree char *subtitle = NULL;
  g_autofree char *order_text = NULL;
  g_autofree char *due = NULL;

  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "sonae-system-id", GINT_TO_POINTER ((int) system->id));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), system->name);
  if (system->purpose != NULL && *system->purpose != '\0')
    subtitle = g_strdup_printf ("%s\n%s", system->purpose, summary);
  else
    subtitle = g_strdup (summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  order_text = system->recovery_order > 0 ? g_strdup_printf ("%d", system->recovery_order) : g_strdup ("–");
  gtk_label_set_text (GTK_LABEL (order), order_text);
  gtk_widget_set_valign (order, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (order, "bcp-order");
  gtk_widget_add_css_class (order, "numeric");
  if (system->recovery_order <= 0)
    gtk_widget_add_css_class (order, "unset");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), order);

  if (sonae_bcp_system_restore_test_overdue (system, &due))
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *tip = NULL;

      if (due != NULL)
        /* Translators: %s is a date (YYYY-MM-DD) */
        tip = g_strdup_printf (_("The restore test is overdue: it was due on %s"), due);
      else
        tip = g_strdup (_("No restore test recorded yet"));
      gtk_widget_set_name (warning, "restore-overdue");
      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_tooltip_text (warning, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "bcp.open-system");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", system->id);
  return row;
}

static void
systems_load (SonaeBcpSystemsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = sonae_bcp_list_systems (get_store (self), &error);

  if (systems == NULL)
    {
      g_message ("Could not read the systems: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->system_rows->len; i++)
    adw_preferences_group_remove (self->systems_group, g_ptr_array_index (self->system_rows, i));
  g_ptr_array_set_size (self->system_rows, 0);
  for (guint i = 0; i < systems->len; i++)
    {
      GtkWidget *row = new_system_row (g_ptr_array_index (systems, i));

      adw_preferences_group_add (self->systems_group, row);
      g_ptr_array_add (self->system_rows, row);
    }
  sonae_bcp_worksheet_show_empty (SONAE_BCP_WORKSHEET (self), systems->len == 0);
}

/* --- the system dialog ------------------------------------------------------- */

static void
print_outage_card_cb (AdwToast            *toast,
                      SonaeBcpSystemsView *self)
{
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT ("outage-card");

  request.subject = SONAE_DOCUMENT_FOR_SYSTEM;
  request.id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "sonae-system-id"));
  if (get_store (self) != NULL)
    sonae_print_request (GTK_WIDGET (self), get_store (self), &request);
}

static void
system_saved_cb (SonaeBcpSystemDialog *dialog,
                 gint64                system_id,
                 gboolean              added,
                 SonaeBcpSystemsView  *self)
{
  g_autoptr(SonaeBcpSystem) system = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  systems_load (self);
  if (!added)
    return;
  system = sonae_bcp_get_system (get_store (self), system_id, NULL);
  if (system == NULL)
    return;
  /* Translators: %s is a system, e.g. "Reception and billing" */
  title = g_strdup_printf (_("“%s” added"), system->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Print _Outage Card"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data (G_OBJECT (toast), "sonae-system-id", GINT_TO_POINTER ((int) system_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (print_outage_card_cb), self, 0);
  sonae_show_toast (GTK_WIDGET (self), toast);
}

gboolean
sonae_bcp_systems_view_open_system (SonaeBcpSystemsView *self,
                                    gint64               system_id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SONAE_IS_BCP_SYSTEMS_VIEW (self), FALSE);

  dialog = sonae_bcp_system_dialog_new (sonae_bcp_worksheet_get_window (SONAE_BCP_WORKSHEET (self)),
                                        get_store (self), system_id);
  if (dialog == NULL)
    return FALSE;
  g_signal_connect_object (dialog, "saved", G_CALLBACK (system_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
open_system_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sonae_bcp_systems_view_open_system (SONAE_BCP_SYSTEMS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
add_system_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sonae_bcp_systems_view_open_system (SONAE_BCP_SYSTEMS_VIEW (widget), 0);
}

/* --- GObject ----------------------------------------------------------------- */

static void
sonae_bcp_systems_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpSystemsView *self = SONAE_BCP_SYSTEMS_VIEW (worksheet);

  /* Examples of the organisation's own systems. */
  adw_status_page_set_description (self->empty_status,
                                   sonae_org_kind_is_medical (sonae_store_get_org_kind (get_store (self)))
                                   ? _("Add each system the clinic depends on — medical records, reception and billing, imaging, the network — "
                                       "with its vendor, its backups, and how work goes on without it.")
                                   : _("Add each system the company depends on — orders and sales, accounting, the shared files, the network — "
                                       "with its vendor, its backups, and how work goes on without it."));
  systems_load (self);
}

static void
sonae_bcp_systems_view_add (SonaeBcpWorksheet *worksheet)
{
  sonae_bcp_systems_view_open_system (SONAE_BCP_SYSTEMS_VIEW (worksheet), 0);
}

static void
sonae_bcp_systems_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SONAE_TYPE_BCP_SYSTEMS_VIEW);
  G_OBJECT_CLASS (sonae_bcp_systems_view_parent_class)->dispose (object);
}

static void
sonae_bcp_systems_view_finalize (GObject *object)
{
  SonaeBcpSystemsView *self = SONAE_BCP_SYSTEMS_VIEW (object);

  g_ptr_array_unref (self->system_rows);
  G_OBJECT_CLASS (sonae_bcp_systems_view_parent_class)->finalize (object);
}

static void
sonae_bcp_systems_view_class_init (SonaeBcpSystemsViewClass *klass)
{
  /* The vendors' names come from the roster. */
  static const char *const follows[] = { SONAE_CHANGED_CONTACTS, NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->dispose = sonae_bcp_systems_view_dispose;
  object_class->finalize = sonae_bcp_systems_view_finalize;
  worksheet_class->follows = follows;
  worksheet_class->reload = sonae_bcp_systems_view_reload;
  worksheet_class->add = sonae_bcp_systems_view_add;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-bcp-systems-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpSystemsView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpSystemsView, systems_group);

  gtk_widget_class_install_action (widget_class, "bcp.add-system", NULL, add_system_action);
  gtk_widget_class_install_action (widget_class, "bcp.open-system", "x", open_system_action);

  gtk_widget_class_set_css_name (widget_class, "bcp-systems-view");
}

static void
sonae_bcp_systems_view_init (SonaeBcpSystemsView *self)
{
  self->system_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sonae_bcp_systems_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_SYSTEMS_VIEW, "store", store, NULL);
}
