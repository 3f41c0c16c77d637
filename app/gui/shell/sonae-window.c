/* sonae-window.c: the main window: a sidebar of sections and their pages */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-application.h"
#include "sonae-backup.h"
#include "sonae-bcp-page.h"
#include "sonae-clock.h"
#include "sonae-contacts-page.h"
#include "sonae-gui-util.h"
#include "sonae-help.h"
#include "sonae-home-page.h"
#include "sonae-incidents-page.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-page.h"
#include "sonae-preferences-window.h"
#include "sonae-print-operation.h"
#include "sonae-resources.h"
#include "sonae-setup-dialog.h"
#include "sonae-triage-dialog.h"
#include "sonae-window.h"

typedef struct {
  const char *name;
  const char *title;       /* untranslated */
  const char *icon_name;
  GtkWidget *(*new_page) (SonaeStore *store);
  gboolean own_header;     /* brings its own header bars (a list and a page) */
} Section;

/* Only the sections that work. Their pages are made the first time they are
 * needed, so that opening the window makes only the first one. */
static const Section sections[] = {
  { "home", N_("Home"), "go-home-symbolic", sonae_home_page_new, FALSE },
  { "incidents", N_("Incidents"), "dialog-warning-symbolic", sonae_incidents_page_new, TRUE },
  { "manual", N_("Manual"), "accessories-dictionary-symbolic", sonae_manual_page_new, TRUE },
  { "contacts", N_("Contacts"), "x-office-address-book-symbolic", sonae_contacts_page_new, TRUE },
  /* Business continuity (BCP): the power stays on. */
  { "bcp", N_("Continuity"), "uninterruptible-power-supply-symbolic", sonae_bcp_page_new, TRUE },
};

static const char *const section_names[] = { "home", "incidents", "manual", "contacts", "bcp", NULL };

struct _SonaeWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *content_box;
  GtkListBox *sidebar_list;
  GtkMenuButton *menu_button;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  GtkWidget *content_header;

  /* owned */
  SonaeStore *store;
  GSettings *settings;     /* NULL when the schema is not installed */

  /* borrowed (children of content_stack) */

  /* state */
  const char *section;     /* one of sections[].name */
};

G_DEFINE_FINAL_TYPE (SonaeWindow, sonae_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Section *
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return &sections[i];
  return NULL;
}

SonaeStore *
sonae_window_get_store (SonaeWindow *self)
{
  g_return_val_if_fail (SONAE_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
sonae_window_get_section (SonaeWindow *self)
{
  g_return_val_if_fail (SONAE_IS_WINDOW (self), NULL);
  return self->section;
}

const char *const *
sonae_window_get_sections (SonaeWindow *self)
{
  return section_names;
}

/* The page of @section, made now if it was not yet; NULL for no section. */
static GtkWidget *
page_of (SonaeWindow *self,
         const char  *name)
{
  const Section *section = find_section (name);
  GtkWidget *page;

  if (section == NULL)
    return NULL;
  page = gtk_stack_get_child_by_name (self->content_stack, section->name);
  if (page != NULL)
    return page;
  page = section->new_page (self->store);
  gtk_stack_add_named (self->content_stack, page, section->name);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "sidebar-folded") != NULL)
    g_object_bind_property (self->leaflet, "folded", page, "sidebar-folded", G_BINDING_SYNC_CREATE);
  return page;
}

GtkWidget *
sonae_window_get_page (SonaeWindow *self,
                       const char  *section)
{
  g_return_val_if_fail (SONAE_IS_WINDOW (self), NULL);
  return page_of (self, section);
}

/* Save what is typed but not saved yet in every section. */
static void
save_sections (SonaeWindow *self)
{
  if (self->content_stack == NULL)
    return;
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (SONAE_IS_SECTION (page))
      sonae_section_save_now (SONAE_SECTION (page));
}

static void
select_sidebar_row (SonaeWindow *self,
                    const char  *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      {
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void show_section (SonaeWindow   *self,
                          const Section *section);

void
sonae_window_set_section (SonaeWindow *self,
                          const char  *name)
{
  const Section *section;

  g_return_if_fail (SONAE_IS_WINDOW (self));

  section = find_section (name);
  if (section == NULL || g_strcmp0 (self->section, section->name) == 0)
    return;

  show_section (self, section);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
show_section (SonaeWindow   *self,
              const Section *section)
{
  GtkWidget *page = page_of (self, section->name);

  self->section = section->name;
  /* A section builds its content the first time it is shown. */
  if (SONAE_IS_SECTION (page))
    sonae_section_ensure_built (SONAE_SECTION (page));
  gtk_stack_set_visible_child (self->content_stack, page);
  /* Contacts (a list and an editor), the Manual (its contents and a page),
   * Incidents (a list and an incident) and the BCP (its worksheets) bring
   * their own header bars. */
  gtk_widget_set_visible (self->content_header, !section->own_header);
  adw_window_title_set_title (self->content_title, _(section->title));
  select_sidebar_row (self, section->name);
}

static void
show_content (SonaeWindow *self)
{
  /* On a narrow window, go from the list of sections to the page. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
sidebar_row_activated_cb (SonaeWindow   *self,
                          GtkListBoxRow *row)
{
  sonae_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  show_content (self);
}

static GtkWidget *
new_sidebar_row (const Section *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_widget_set_name (row, section->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (section->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  sonae_accessible_name_row (row, label, NULL);
  return row;
}

/* --- preferences and setup ---------------------------------------------- */

GtkWindow *
sonae_window_show_preferences (SonaeWindow *self)
{
  GtkWidget *prefs;

  g_return_val_if_fail (SONAE_IS_WINDOW (self), NULL);

  prefs = sonae_preferences_window_new (GTK_WINDOW (self), self->store);
  sonae_help_bind_f1 (GTK_WINDOW (prefs), "preferences");
  gtk_window_present (GTK_WINDOW (prefs));
  /* Do not open with the organisation's name selected: the first key a
   * person presses would replace it. */
  gtk_window_set_focus (GTK_WINDOW (prefs), NULL);
  return GTK_WINDOW (prefs);
}

GtkWindow *
sonae_window_show_setup_if_needed (SonaeWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SONAE_IS_WINDOW (self), NULL);

  if (sonae_store_get_setup_done (self->store))
    return NULL;
  dialog = sonae_setup_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* --- backup and restore ------------------------------------------------- */

gboolean
sonae_window_back_up_to (SonaeWindow *self,
                         const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SONAE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sonae_backup_to_file (self->store, path, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not back up"), error);
      return FALSE;
    }
  /* Translators: %s is the file the backup was written to */
  message = g_strdup_printf (_("Backed up to %s"), path);
  sonae_show_message (GTK_WIDGET (self), message);
  return TRUE;
}

static void
backup_response_cb (GtkNativeDialog *native,
                    int              response,
                    SonaeWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sonae_window_back_up_to (self, path);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
backup_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *name = g_strdup_printf ("sonae-backup-%s.db", today);

  native = gtk_file_chooser_native_new (_("Back Up To"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Back Up"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (backup_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct {
  SonaeApplication *app;
  char *file;
} RestoreData;

static gboolean
restore_idle_cb (gpointer user_data)
{
  RestoreData *data = user_data;

  sonae_application_restore (data->app, data->file);
  g_object_unref (data->app);
  g_free (data->file);
  g_free (data);
  return G_SOURCE_REMOVE;
}

static void
restore_confirm_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SonaeWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  RestoreData *data;

  if (g_strcmp0 (response, "restore") != 0 || !SONAE_IS_APPLICATION (app))
    return;

  /* The restore closes this window: do it once the dialog is gone. */
  data = g_new0 (RestoreData, 1);
  data->app = g_object_ref (SONAE_APPLICATION (app));
  data->file = g_strdup (g_object_get_data (G_OBJECT (dialog), "sonae-restore-file"));
  g_idle_add (restore_idle_cb, data);
}

void
sonae_window_confirm_restore (SonaeWindow *self,
                              const char  *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SONAE_IS_WINDOW (self));
  g_return_if_fail (file != NULL);

  if (!sonae_backup_check_file (file, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("This file cannot be restored"), error);
      return;
    }

  name = g_path_get_basename (file);
  /* Translators: the first %s is a file name, the second a folder */
  body = g_strdup_printf (_("Everything now in Sonae will be replaced by the backup “%s”. "
                            "The current data is kept as a copy in the folder %s, so nothing is lost."),
                          name, sonae_store_get_dir (self->store));
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Replace the Current Data with This Backup?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sonae-restore-file", g_strdup (file), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirm_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (GtkNativeDialog *native,
                     int              response,
                     SonaeWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sonae_window_confirm_restore (self, path);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
restore_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Restore from Backup"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Sonae backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (restore_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* --- actions ------------------------------------------------------------ */

static void
preferences_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sonae_window_show_preferences (SONAE_WINDOW (widget));
}

/* The guide's page for where the person is: the section shown, and its tab
 * or worksheet. */
char *
sonae_window_get_help_uri (SonaeWindow *self)
{
  GtkWidget *page;
  const char *place = NULL;
  g_autofree char *full = NULL;

  g_return_val_if_fail (SONAE_IS_WINDOW (self), NULL);

  page = gtk_stack_get_child_by_name (self->content_stack, self->section);
  if (SONAE_IS_SECTION (page))
    place = sonae_section_get_place (SONAE_SECTION (page));
  full = place != NULL ? g_strdup_printf ("%s/%s", self->section, place) : g_strdup (self->section);
  return sonae_help_uri_for (full);
}

static void
help_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  g_autofree char *uri = sonae_window_get_help_uri (SONAE_WINDOW (widget));

  sonae_help_show_uri (widget, uri);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static SonaeContactsPage *
open_contacts (SonaeWindow *self)
{
  sonae_window_set_section (self, "contacts");
  show_content (self);
  return SONAE_CONTACTS_PAGE (page_of (self, "contacts"));
}

static void
show_role_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  sonae_contacts_page_show_role (open_contacts (self), g_variant_get_string (parameter, NULL));
}

static void
show_contact_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  sonae_contacts_page_show_contact (open_contacts (self), g_variant_get_int64 (parameter));
}

static void
show_contacts_to_verify_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  sonae_contacts_page_show_to_verify (open_contacts (SONAE_WINDOW (widget)));
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  /* The Manual searches its own text, Incidents its incidents; elsewhere,
   * Ctrl+F finds a contact. */
  if (SONAE_IS_SECTION (page) && SONAE_SECTION_GET_CLASS (page)->focus_search != NULL &&
      !SONAE_IS_CONTACTS_PAGE (page))
    {
      show_content (self);
      sonae_section_focus_search (SONAE_SECTION (page));
      return;
    }
  sonae_contacts_page_focus_search (open_contacts (self));
}

static void
new_contact_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sonae_contacts_page_new_contact (open_contacts (SONAE_WINDOW (widget)));
}

static void
print_document_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  sonae_print_document (widget, self->store, g_variant_get_string (parameter, NULL));
}

static void
print_incident_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT (NULL);

  g_variant_get (parameter, "(&sx)", &request.name, &request.id);
  request.subject = SONAE_DOCUMENT_FOR_INCIDENT;
  save_sections (self);
  sonae_print_request (widget, self->store, &request);
}

static void show_incident (SonaeWindow *self,
                           gint64       incident_id);

static void
incident_open_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           SonaeWindow      *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "sonae-incident-id"));

  if (g_strcmp0 (response, "continue") == 0)
    show_incident (self, id);
  else if (g_strcmp0 (response, "new") == 0)
    gtk_window_present (GTK_WINDOW (sonae_triage_dialog_new (GTK_WINDOW (self), self->store)));
}

/* The red button. With a real incident in progress, the same problem is
 * most likely still that one: continuing it comes first, so that its
 * records and deadlines stay together; a new one is a choice. */
static void
start_incident_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *body = NULL;
  g_autofree char *level = NULL;
  g_autofree char *continue_label = NULL;
  SonaeIncident *newest;
  GtkWidget *dialog;

  filter.open_only = TRUE;
  filter.drill = 0;
  open = sonae_incidents_list (self->store, &filter, NULL);
  if (open == NULL || open->len == 0)
    {
      gtk_window_present (GTK_WINDOW (sonae_triage_dialog_new (GTK_WINDOW (self), self->store)));
      return;
    }

  newest = g_ptr_array_index (open, 0);
  level = sonae_incident_level_get_title (newest->level);
  /* Translators: the incident's number, its title, its level and its status */
  body = g_strdup_printf (_("Incident %s, “%s” (%s, %s), is still open. If this is the same problem, continue it: its record and its deadlines stay in one place."),
                          newest->number, newest->title, level, sonae_incident_status_get_title (newest->status));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("An Incident Is Already Open"), body);
  gtk_widget_set_name (dialog, "incident-open");
  /* Translators: a button; %s is the incident's number */
  continue_label = g_strdup_printf (_("C_ontinue %s"), newest->number);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("Start a _New Incident"),
                                    "continue", continue_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sonae-incident-id", GSIZE_TO_POINTER ((gsize) newest->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (incident_open_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_incident (SonaeWindow *self,
               gint64       incident_id)
{
  sonae_window_set_section (self, "incidents");
  show_content (self);
  sonae_incidents_page_show_incident (SONAE_INCIDENTS_PAGE (page_of (self, "incidents")), incident_id);
}

static void
show_incident_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_incident (SONAE_WINDOW (widget), g_variant_get_int64 (parameter));
}

static SonaeBcpPage *
open_bcp (SonaeWindow *self)
{
  sonae_window_set_section (self, "bcp");
  show_content (self);
  return SONAE_BCP_PAGE (page_of (self, "bcp"));
}

static void
show_bcp_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  sonae_bcp_page_show_worksheet (open_bcp (self), g_variant_get_string (parameter, NULL));
}

static void
show_bcp_system_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);
  SonaeBcpPage *page = open_bcp (self);

  if (!sonae_bcp_page_show_system (page, g_variant_get_int64 (parameter)))
    sonae_bcp_page_show_worksheet (page, "systems");
}


static void
print_binder_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  /* Everything typed so far goes on paper. */
  save_sections (self);
  sonae_print_document (widget, self->store, "binder");
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  /* Contacts prints its roster, the Manual the manual, Incidents the
   * filled checklist of the incident shown (else the blank one); Home
   * offers the choice of documents. */
  if (g_strcmp0 (self->section, "incidents") == 0)
    {
      SonaeIncidentsPage *page = SONAE_INCIDENTS_PAGE (page_of (self, "incidents"));
      SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT ("checklist");

      sonae_incidents_page_save_now (page);
      request.subject = SONAE_DOCUMENT_FOR_INCIDENT;
      request.id = sonae_incidents_page_get_incident (page);
      sonae_print_request (widget, self->store, &request);
    }
  else if (g_strcmp0 (self->section, "contacts") == 0)
    sonae_print_document (widget, self->store, "roster");
  else if (g_strcmp0 (self->section, "bcp") == 0)
    {
      sonae_bcp_page_save_now (SONAE_BCP_PAGE (page_of (self, "bcp")));
      sonae_print_document (widget, self->store, "bcp");
    }
  else if (g_strcmp0 (self->section, "manual") == 0)
    {
      sonae_manual_page_save_now (SONAE_MANUAL_PAGE (page_of (self, "manual")));
      sonae_print_document (widget, self->store, "manual");
    }
  else
    {
      show_content (self);
      sonae_home_page_focus_print (SONAE_HOME_PAGE (page_of (self, "home")));
    }
}

static void
import_contacts_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  sonae_contacts_import_run (GTK_WINDOW (self), self->store);
}

static void
export_contacts_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SonaeWindow *self = SONAE_WINDOW (widget);

  sonae_contacts_export_run (GTK_WINDOW (self), self->store);
}

/* --- window ------------------------------------------------------------- */

/* Whether a real incident (not a drill) is in progress. */
static gboolean
has_open_incident (SonaeWindow *self)
{
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) open = NULL;

  filter.open_only = TRUE;
  filter.drill = 0;
  open = sonae_incidents_list (self->store, &filter, NULL);
  return open != NULL && open->len > 0;
}

/* Sonae opens where help is, whoever used it last and for whatever: on
 * the incident in progress (the Incidents section opens it on its "Now"
 * tab), else on Home with its red button; the page itself, not the list
 * of sections, on a narrow window. */
static void
load_window_state (SonaeWindow *self)
{
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  show_section (self, find_section (self->store != NULL && has_open_incident (self) ? "incidents" : "home"));
  show_content (self);
}

static gboolean
sonae_window_close_request (GtkWindow *window)
{
  SonaeWindow *self = SONAE_WINDOW (window);

  save_sections (self);
  if (self->settings != NULL)
    {
      int width;
      int height;
      gboolean maximized = gtk_window_is_maximized (window);

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          if (width > 0 && height > 0)
            {
              g_settings_set_int (self->settings, "window-width", width);
              g_settings_set_int (self->settings, "window-height", height);
            }
        }
    }

  return GTK_WINDOW_CLASS (sonae_window_parent_class)->close_request (window);
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build tree without the compiled schema, Sonae still works;
   * it just does not remember the window. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The GSettings schema %s is not installed", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
sonae_window_constructed (GObject *object)
{
  SonaeWindow *self = SONAE_WINDOW (object);

  G_OBJECT_CLASS (sonae_window_parent_class)->constructed (object);

  g_assert (SONAE_IS_STORE (self->store));


  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar_list, new_sidebar_row (&sections[i]));

  self->settings = new_settings ();
  load_window_state (self);
}

static void
sonae_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SonaeWindow *self = SONAE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SonaeWindow *self = SONAE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      sonae_window_set_section (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_window_dispose (GObject *object)
{
  SonaeWindow *self = SONAE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_window_parent_class)->dispose (object);
}

static void
sonae_window_class_init (SonaeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sonae_window_constructed;
  object_class->get_property = sonae_window_get_property;
  object_class->set_property = sonae_window_set_property;
  object_class->dispose = sonae_window_dispose;
  window_class->close_request = sonae_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SONAE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         "home",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in the static library; naming them here makes the
   * linker keep them (their constructor registers them at start). */
  g_assert (sonae_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeWindow, content_header);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_cb);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_cb);
  gtk_widget_class_install_action (widget_class, "win.show-role", "s", show_role_cb);
  gtk_widget_class_install_action (widget_class, "win.show-contact", "x", show_contact_cb);
  gtk_widget_class_install_action (widget_class, "win.show-contacts-to-verify", NULL, show_contacts_to_verify_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "win.print-document", "s", print_document_cb);
  gtk_widget_class_install_action (widget_class, "win.print-incident", "(sx)", print_incident_cb);
  gtk_widget_class_install_action (widget_class, "win.start-incident", NULL, start_incident_cb);
  gtk_widget_class_install_action (widget_class, "win.show-incident", "x", show_incident_cb);
  gtk_widget_class_install_action (widget_class, "win.show-bcp", "s", show_bcp_cb);
  gtk_widget_class_install_action (widget_class, "win.show-bcp-system", "x", show_bcp_system_cb);
  gtk_widget_class_install_action (widget_class, "win.print-binder", NULL, print_binder_cb);
  gtk_widget_class_install_action (widget_class, "win.import-contacts", NULL, import_contacts_cb);
  gtk_widget_class_install_action (widget_class, "win.export-contacts", NULL, export_contacts_cb);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_cb);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-contact", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.start-incident", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.section", "s", "home");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.section", "s", "incidents");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.section", "s", "manual");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.section", "s", "contacts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.section", "s", "bcp");
}

static void
sonae_window_init (SonaeWindow *self)
{
  /* Numbers and texts one may copy are selectable labels; the focus
   * landing on one (a tab shown, a dialog closed) must not select its
   * whole text, which reads as something highlighted for a reason. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  self->section = sections[0].name;
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_window_set_toast_overlay (GTK_WINDOW (self), self->toast_overlay);
}

SonaeWindow *
sonae_window_new (AdwApplication *app,
                  SonaeStore     *store)
{
  g_return_val_if_fail (app == NULL || ADW_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}
