/* sonae-application.c: the application, which opens the store and the window */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-about.h"
#include "sonae-application.h"
#include "sonae-backup.h"
#include "sonae-cli.h"
#include "sonae-contacts-page.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-problem-window.h"
#include "sonae-window.h"

struct _SonaeApplication
{
  AdwApplication parent_instance;

  /* owned */
  char *data_dir;
  SonaeDataLock *lock;   /* the writer's lock of data_dir, while the window is open */
  SonaeStore *store;

  /* borrowed: the main window, or the window that explains a problem */
  GtkWindow *window;

  guint backup_source;
};

G_DEFINE_FINAL_TYPE (SonaeApplication, sonae_application, ADW_TYPE_APPLICATION)

const char *
sonae_application_get_data_dir (SonaeApplication *self)
{
  g_return_val_if_fail (SONAE_IS_APPLICATION (self), NULL);

  if (self->data_dir == NULL)
    self->data_dir = sonae_store_default_dir ();
  return self->data_dir;
}

void
sonae_application_set_data_dir (SonaeApplication *self,
                                const char       *data_dir)
{
  g_return_if_fail (SONAE_IS_APPLICATION (self));

  if (g_strcmp0 (self->data_dir, data_dir) == 0)
    return;
  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
  g_clear_object (&self->lock);
}

SonaeStore *
sonae_application_get_store (SonaeApplication *self)
{
  g_return_val_if_fail (SONAE_IS_APPLICATION (self), NULL);
  return self->store;
}

static void
set_window (SonaeApplication *self,
            GtkWindow        *window)
{
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = window;
  if (self->window != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
}

/* --- the daily backup ----------------------------------------------------- */

static void
backup_details_cb (AdwToast *toast,
                   GError   *error)
{
  GApplication *app = g_application_get_default ();
  GtkWindow *window = app ? gtk_application_get_active_window (GTK_APPLICATION (app)) : NULL;

  if (window != NULL)
    sonae_show_error (GTK_WIDGET (window), _("The daily automatic backup failed"), error);
}

static gboolean
auto_backup_cb (gpointer user_data)
{
  SonaeApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  self->backup_source = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  path = sonae_backup_auto (self->store, &error);
  if (path == NULL && error != NULL && self->window != NULL)
    {
      /* A toast has room for a line: the reason is one click away. */
      AdwToast *toast = adw_toast_new (g_error_matches (error, SONAE_ERROR, SONAE_ERROR_DISK_FULL)
                                       ? _("The daily automatic backup failed: the disk is full")
                                       : _("The daily automatic backup failed"));

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (backup_details_cb),
                             g_error_copy (error), (GClosureNotify) (void (*) (void)) g_error_free, 0);
      sonae_show_toast (GTK_WIDGET (self->window), toast);
    }
  return G_SOURCE_REMOVE;
}

/* --- opening the store and the window ------------------------------------ */

static void restore_backup_cb (SonaeProblemWindow *problem,
                               const char         *file,
                               SonaeApplication   *self);

GtkWindow *
sonae_application_open_window (SonaeApplication *self)
{
  g_autoptr(GError) error = NULL;
  SonaeWindow *window;

  g_return_val_if_fail (SONAE_IS_APPLICATION (self), NULL);

  if (self->window != NULL)
    {
      gtk_window_present (self->window);
      return self->window;
    }

  g_clear_object (&self->store);
  /* The window is the one Sonae that changes the folder while it is open;
   * it keeps the folder across a restore. */
  if (self->lock == NULL)
    {
      self->lock = sonae_data_lock_new (sonae_application_get_data_dir (self), TRUE, &error);
      if (self->lock != NULL &&
          !sonae_data_lock_take_writer (self->lock, SONAE_DATA_LOCK_WINDOW, &error))
        g_clear_object (&self->lock);
    }
  if (self->lock != NULL)
    self->store = sonae_store_open_with_lock (self->lock, &error);
  if (self->store == NULL)
    {
      GtkWidget *problem = sonae_problem_window_new (ADW_APPLICATION (self),
                                                     sonae_application_get_data_dir (self),
                                                     error);

      g_signal_connect_object (problem, "restore-backup", G_CALLBACK (restore_backup_cb), self, 0);
      set_window (self, GTK_WINDOW (problem));
      gtk_window_present (GTK_WINDOW (problem));
      return self->window;
    }

  window = sonae_window_new (ADW_APPLICATION (self), self->store);
  set_window (self, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));

  /* After the window is up: the backup must never delay the first look. */
  if (self->backup_source == 0)
    self->backup_source = g_idle_add_full (G_PRIORITY_LOW, auto_backup_cb, self, NULL);

  if (sonae_store_get_notice (self->store) != NULL)
    sonae_show_message (GTK_WIDGET (window), sonae_store_get_notice (self->store));
  sonae_window_show_setup_if_needed (window);
  return self->window;
}

static void
restore_backup_cb (SonaeProblemWindow *problem,
                   const char         *file,
                   SonaeApplication   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;
  GtkWindow *window;

  if (self->lock == NULL ||
      !sonae_backup_restore_locked (self->lock, file, &kept, &error))
    {
      sonae_show_error (GTK_WIDGET (problem), _("Could not restore the backup"), error);
      return;
    }

  g_application_hold (G_APPLICATION (self));
  set_window (self, NULL);
  gtk_window_destroy (GTK_WINDOW (problem));
  window = sonae_application_open_window (self);
  if (kept != NULL)
    message = g_strdup_printf (_("Restored. The damaged data was kept as %s"), kept);
  else
    message = g_strdup (_("Restored."));
  sonae_show_message (GTK_WIDGET (window), message);
  g_application_release (G_APPLICATION (self));
}

void
sonae_application_restore (SonaeApplication *self,
                           const char       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  GtkWindow *old_window;
  GtkWindow *window;
  gboolean restored;

  g_return_if_fail (SONAE_IS_APPLICATION (self));
  g_return_if_fail (file != NULL);

  /* Closing the old window must not end the application. */
  g_application_hold (G_APPLICATION (self));

  old_window = self->window;
  set_window (self, NULL);
  if (old_window != NULL)
    gtk_window_destroy (old_window);
  g_clear_handle_id (&self->backup_source, g_source_remove);

  if (self->store != NULL)
    sonae_store_close (self->store);
  g_clear_object (&self->store);

  if (self->lock != NULL)
    restored = sonae_backup_restore_locked (self->lock, file, &kept, &error);
  else
    restored = sonae_backup_restore (sonae_application_get_data_dir (self), file, &kept, &error);

  /* Whether or not it worked, there is a database to open again: the
   * restored one, or the previous one, left in place. */
  window = sonae_application_open_window (self);
  if (restored)
    {
      g_autofree char *message = NULL;

      if (kept != NULL)
        /* Translators: %s is the path of the file that holds the data as it was before */
        message = g_strdup_printf (_("Restored. The previous data was kept as %s"), kept);
      else
        message = g_strdup (_("Restored."));
      sonae_show_message (GTK_WIDGET (window), message);
    }
  else
    sonae_show_error (GTK_WIDGET (window), _("Nothing was restored"), error);

  g_application_release (G_APPLICATION (self));
}

/* --- application actions ------------------------------------------------- */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Close rather than destroy, so that each window saves its state and
   * pending edits. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SonaeApplication *self = SONAE_APPLICATION (user_data);

  if (SONAE_IS_WINDOW (self->window))
    sonae_window_show_preferences (SONAE_WINDOW (self->window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SonaeApplication *self = SONAE_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (sonae_about_window_new (self->window)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

/* --- GApplication -------------------------------------------------------- */

static int
sonae_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  SonaeApplication *self = SONAE_APPLICATION (app);
  g_autofree char *data_dir = NULL;
  int status;

  /* Nothing here touches the display: a headless command runs and exits. */
  status = sonae_cli_handle (options, &data_dir);
  if (status >= 0)
    return status;

  if (data_dir != NULL)
    sonae_application_set_data_dir (self, data_dir);
  return -1;
}

static void
sonae_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (sonae_application_parent_class)->startup (app);
  sonae_tooltips_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
sonae_application_activate (GApplication *app)
{
  sonae_application_open_window (SONAE_APPLICATION (app));
}

/* A .vcf or .csv opened from the file manager (the desktop file declares
 * them): the window, on Contacts, with the import preview of each file.
 * Nothing is written until the user confirms. */
static void
sonae_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  SonaeApplication *self = SONAE_APPLICATION (app);
  GtkWindow *window = sonae_application_open_window (self);

  /* The window that explains why the data cannot be opened has nowhere to
   * import into: it is what the user sees. */
  if (!SONAE_IS_WINDOW (window))
    return;
  sonae_window_set_section (SONAE_WINDOW (window), "contacts");
  for (int i = 0; i < n_files; i++)
    sonae_contacts_import_file (window, self->store, files[i]);
}

static void
sonae_application_shutdown (GApplication *app)
{
  SonaeApplication *self = SONAE_APPLICATION (app);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  G_APPLICATION_CLASS (sonae_application_parent_class)->shutdown (app);
}

static void
sonae_application_finalize (GObject *object)
{
  SonaeApplication *self = SONAE_APPLICATION (object);

  set_window (self, NULL);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->lock);
  g_free (self->data_dir);

  G_OBJECT_CLASS (sonae_application_parent_class)->finalize (object);
}

static void
sonae_application_class_init (SonaeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sonae_application_finalize;
  app_class->handle_local_options = sonae_application_handle_local_options;
  app_class->startup = sonae_application_startup;
  app_class->activate = sonae_application_activate;
  app_class->open = sonae_application_open;
  app_class->shutdown = sonae_application_shutdown;
}

static void
sonae_application_init (SonaeApplication *self)
{
  sonae_cli_add_options (G_APPLICATION (self));
}

GApplication *
sonae_application_new (void)
{
  return g_object_new (SONAE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/sonae/Sonae",
                       NULL);
}
