/* sonae-preferences-window.c: the organisation profile, saved as typed,
 * how Japanese documents write dates, and the autostart entry that shows
 * due reminders at login */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-autostart.h"
#include "sonae-background.h"
#include "sonae-clock.h"
#include "sonae-preferences-window.h"
#include "sonae-profile-group.h"

struct _SonaePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  SonaeProfileGroup *profile_group;
  AdwComboRow *date_style_row;
  AdwActionRow *autostart_row;
  GtkSwitch *autostart_switch;
  GtkLabel *build_folder_label;
  GtkLabel *command_intro_label;
  GtkLabel *command_label;
  GtkLabel *entry_label;

  /* owned */
  SonaeStore *store;

  /* state */
  SonaeAutosave autosave;
  gboolean syncing;             /* setting the switch or the row from the data, not the user */
  SonaeAutostartRoute route;    /* how reminders at login are set up for this program */
  gboolean portal_busy;         /* a request to the Background portal is under way */
  gboolean portal_wanted;       /* what it asks for */
};

G_DEFINE_FINAL_TYPE (SonaePreferencesWindow, sonae_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_toast (SonaePreferencesWindow *self,
            const char             *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
save (SonaePreferencesWindow *self)
{
  g_autoptr(SonaeProfile) profile = sonae_profile_group_get_profile (self->profile_group);
  g_autoptr(GError) error = NULL;

  if (!sonae_store_set_profile (self->store, profile, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      show_toast (self, message);
    }
}

static void
autosave_cb (gpointer data)
{
  save (data);
}

static void
profile_changed_cb (SonaePreferencesWindow *self)
{
  sonae_autosave_schedule (&self->autosave);
}

/* The styles the row offers, in its order. */
static const SonaeDateStyle date_styles[] = {
  SONAE_DATE_STYLE_JAPANESE,
  SONAE_DATE_STYLE_JAPANESE_ERA,
  SONAE_DATE_STYLE_ISO,
};

/* Each style shown as today's date written in it. */
static void
fill_date_styles (SonaePreferencesWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = sonae_clock_now ();
  SonaeDateStyle current = sonae_store_get_date_style (self->store);
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (date_styles); i++)
    {
      g_autofree char *text = sonae_date_format_dmy (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), date_styles[i]);

      gtk_string_list_append (list, text);
      if (date_styles[i] == current)
        selected = i;
    }
  self->syncing = TRUE;
  adw_combo_row_set_model (self->date_style_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->date_style_row, selected);
  self->syncing = FALSE;
}

static void
date_style_changed_cb (SonaePreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->date_style_row);
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->store == NULL || selected >= G_N_ELEMENTS (date_styles))
    return;
  if (!sonae_store_set_date_style (self->store, date_styles[selected], &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      show_toast (self, message);
    }
}

/* The data folder the entry names: NULL for the default one. */
static const char *
entry_data_dir (SonaePreferencesWindow *self)
{
  g_autofree char *default_dir = sonae_store_default_dir ();
  const char *dir = sonae_store_get_dir (self->store);

  return g_strcmp0 (dir, default_dir) == 0 ? NULL : dir;
}

/* Inside a Flatpak the entry is the portal's, out of the sandbox's sight:
 * what was last asked stands for it. */
static gboolean
portal_requested (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_boolean (settings, "login-reminders");
}

static void
sync_autostart (SonaePreferencesWindow *self)
{
  g_autofree char *program = sonae_autostart_current_program ();
  g_autofree char *name = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *where = NULL;
  gboolean active;

  self->route = sonae_autostart_route (SONAE_AUTOSTART_FLATPAK_INFO, program);
  switch (self->route)
    {
    case SONAE_AUTOSTART_PORTAL:
      name = g_strdup ("sonae");
      active = portal_requested ();
      where = g_strdup (_("The desktop keeps this entry for Sonae, outside its sandbox."));
      break;
    case SONAE_AUTOSTART_BUILD_FOLDER:
      name = g_strdup (program != NULL ? program : "sonae");
      active = sonae_autostart_is_installed ();
      where = sonae_autostart_get_path ();
      break;
    case SONAE_AUTOSTART_ENTRY:
    default:
      {
        g_autoptr(GError) error = NULL;

        name = sonae_autostart_program_name (program);
        /* An entry an uninstalled build wrote runs the installed Sonae from now on. */
        if (!sonae_autostart_repair (name, &error))
          g_warning ("%s", error->message);
        active = sonae_autostart_is_installed ();
        where = sonae_autostart_get_path ();
      }
      break;
    }
  exec = sonae_autostart_exec_line (name, entry_data_dir (self));

  self->syncing = TRUE;
  gtk_switch_set_active (self->autostart_switch, active);
  /* A build folder's program can still switch off an entry it wrote before. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_row),
                            self->route != SONAE_AUTOSTART_BUILD_FOLDER || active);
  gtk_widget_set_visible (GTK_WIDGET (self->build_folder_label), self->route == SONAE_AUTOSTART_BUILD_FOLDER);
  self->syncing = FALSE;
  /* For an administrator, behind the closed row: what the switch writes. */
  gtk_label_set_text (self->command_label, exec);
  gtk_label_set_text (self->entry_label, where);
}

static void
show_not_changed (SonaePreferencesWindow *self,
                  const GError           *error)
{
  g_autofree char *message = g_strdup_printf (_("Not changed: %s"), error->message);

  show_toast (self, message);
}

static void
portal_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SonaePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean wanted = self->portal_wanted;

  self->portal_busy = FALSE;
  if (sonae_background_request_autostart_finish (result, &error))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_settings_set_boolean (settings, "login-reminders", wanted);
    }
  else
    show_not_changed (self, error);
  sync_autostart (self);
}

static void
autostart_toggled_cb (SonaePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean on = gtk_switch_get_active (self->autostart_switch);
  g_autofree char *program = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  if (self->syncing)
    return;

  if (self->route == SONAE_AUTOSTART_PORTAL)
    {
      if (self->portal_busy)
        return;
      self->portal_busy = TRUE;
      self->portal_wanted = on;
      sonae_background_request_autostart (GTK_WINDOW (self), on, entry_data_dir (self), NULL,
                                          portal_answered_cb, g_object_ref (self));
      return;
    }

  program = sonae_autostart_current_program ();
  if (!on)
    ok = sonae_autostart_remove (&error);
  else if (program == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Sonae’s program file was not found."));
      ok = FALSE;
    }
  else
    {
      /* Refused for a build folder's program, with the reason. */
      name = self->route == SONAE_AUTOSTART_ENTRY ? sonae_autostart_program_name (program) : g_strdup (program);
      ok = sonae_autostart_install (name, entry_data_dir (self), &error);
    }

  if (!ok)
    show_not_changed (self, error);
  sync_autostart (self);
}

void
sonae_preferences_window_flush (SonaePreferencesWindow *self)
{
  g_return_if_fail (SONAE_IS_PREFERENCES_WINDOW (self));

  if (sonae_autosave_cancel (&self->autosave))
    save (self);
}

static gboolean
sonae_preferences_window_close_request (GtkWindow *window)
{
  sonae_preferences_window_flush (SONAE_PREFERENCES_WINDOW (window));
  return GTK_WINDOW_CLASS (sonae_preferences_window_parent_class)->close_request (window);
}

static void
sonae_preferences_window_dispose (GObject *object)
{
  SonaePreferencesWindow *self = SONAE_PREFERENCES_WINDOW (object);

  /* An edit typed just before the window went away is still saved. */
  if (self->store != NULL)
    sonae_preferences_window_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_preferences_window_parent_class)->dispose (object);
}

static void
sonae_preferences_window_class_init (SonaePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sonae_preferences_window_dispose;
  window_class->close_request = sonae_preferences_window_close_request;

  g_type_ensure (SONAE_TYPE_PROFILE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, date_style_row);
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, autostart_row);
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, build_folder_label);
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, command_intro_label);
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, command_label);
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, entry_label);
  gtk_widget_class_bind_template_callback (widget_class, profile_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_style_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, autostart_toggled_cb);
}

static void
sonae_preferences_window_init (SonaePreferencesWindow *self)
{
  GtkWidget *command_row;

  sonae_autosave_init (&self->autosave, SONAE_PREFERENCES_SAVE_DELAY, autosave_cb, self);
  gtk_widget_init_template (GTK_WIDGET (self));

  sonae_accessible_name_preferences_search (ADW_PREFERENCES_WINDOW (self));
  sonae_accessible_name_choices (GTK_WIDGET (self->date_style_row));
  /* The expander row "For Administrators", beside the switch's row. */
  sonae_accessible_name_rows (gtk_widget_get_parent (GTK_WIDGET (self->autostart_row)));
  /* The row the expander wraps around the command: what it says, then the
   * command and the file. */
  command_row = gtk_widget_get_ancestor (GTK_WIDGET (self->command_label), GTK_TYPE_LIST_BOX_ROW);
  sonae_accessible_name_row (command_row, GTK_WIDGET (self->command_intro_label), NULL);
  sonae_accessible_describe_row (command_row, GTK_WIDGET (self->command_label), GTK_WIDGET (self->entry_label), NULL);
}

GtkWidget *
sonae_preferences_window_new (GtkWindow  *parent,
                              SonaeStore *store)
{
  SonaePreferencesWindow *self;
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  profile = sonae_store_get_profile (store);
  sonae_profile_group_set_profile (self->profile_group, profile);
  fill_date_styles (self);
  sync_autostart (self);
  return GTK_WIDGET (self);
}
