/* sonae-problem-window.c: what is shown when the database cannot be opened */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sonae-backup.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-help.h"
#include "sonae-problem-window.h"

struct _SonaeProblemWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwStatusPage *status_page;
  GtkWidget *restore_button;
  GtkWidget *restore_file_button;

  /* owned */
  char *backup;       /* the newest good automatic backup, or NULL */
};

G_DEFINE_FINAL_TYPE (SonaeProblemWindow, sonae_problem_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  RESTORE_BACKUP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
sonae_problem_window_get_backup (SonaeProblemWindow *self)
{
  g_return_val_if_fail (SONAE_IS_PROBLEM_WINDOW (self), NULL);
  return self->backup;
}

/* The date of an automatic backup, from its name sonae-YYYY-MM-DD.db, in
 * the words of the user's language. */
static char *
backup_date (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (sscanf (name, "sonae-%4d-%2d-%2d.db", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_steal_pointer (&name);
  /* Translators: a date as strftime writes it; Japanese: %Y年%-m月%-d日 */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

static void
restore_auto_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SonaeProblemWindow *self = SONAE_PROBLEM_WINDOW (widget);

  if (self->backup != NULL)
    g_signal_emit (self, signals[RESTORE_BACKUP], 0, self->backup);
}

static void
file_response_cb (GtkNativeDialog    *native,
                  int                 response,
                  SonaeProblemWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !sonae_backup_check_file (path, &error))
        sonae_show_error (GTK_WIDGET (self), _("This file cannot be restored"), error);
      else if (path != NULL)
        g_signal_emit (self, signals[RESTORE_BACKUP], 0, path);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
restore_file_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Restore from Backup"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (file_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
describe (SonaeProblemWindow *self,
          const char         *data_dir,
          const GError       *error)
{
  g_autofree char *message = g_markup_escape_text (error ? error->message : _("Unknown error."), -1);
  g_autofree char *description = NULL;
  const char *title;
  const char *advice;
  gboolean damaged = g_error_matches (error, SONAE_ERROR, SONAE_ERROR_CORRUPT) ||
                     g_error_matches (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE);

  if (damaged)
    {
      title = _("The database is damaged");
      self->backup = sonae_backup_newest_good (data_dir);
      if (self->backup != NULL)
        {
          g_autofree char *date = backup_date (self->backup);
          g_autofree char *label = NULL;

          /* Translators: %s is a date */
          label = g_strdup_printf (_("_Restore the Backup of %s"), date);
          gtk_button_set_label (GTK_BUTTON (self->restore_button), label);
          gtk_widget_set_visible (self->restore_button, TRUE);
          advice = _("The damaged file has not been changed or deleted. Restoring the newest good automatic backup keeps it beside the restored data, so nothing is thrown away.");
        }
      else
        advice = _("The damaged file has not been changed or deleted. There is no good automatic backup; if you have a backup on a USB stick or another disk, restore it from there.");
      gtk_widget_set_visible (self->restore_file_button, TRUE);
    }
  else if (g_error_matches (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY))
    {
      title = _("The database cannot be written");
      advice = _("Sonae does not open its data read-only, so that nothing you type is lost. Make the file and its folder writable for your user account, or check that the disk is not mounted read-only, then start Sonae again.");
    }
  else if (g_error_matches (error, SONAE_ERROR, SONAE_ERROR_DISK_FULL))
    {
      title = _("The disk is full");
      advice = _("Nothing was lost and the data was not changed. Delete or move files you do not need to free some space, then start Sonae again. Exports and backups to another disk still work from the command line.");
    }
  else if (g_error_matches (error, SONAE_ERROR, SONAE_ERROR_BUSY))
    {
      title = _("Another Sonae is using this data");
      /* The error already says who has it and what to do. */
      advice = _("Nothing was changed.");
    }
  else if (g_error_matches (error, SONAE_ERROR, SONAE_ERROR_NEWER_SCHEMA))
    {
      title = _("This data needs a newer version of Sonae");
      advice = _("The data was not changed. Install the version of Sonae that wrote it, or a newer one.");
    }
  else
    {
      title = _("The data cannot be opened");
      advice = _("The data was not changed. Check that the disk is connected and readable, then start Sonae again.");
    }

  description = g_strdup_printf ("%s\n\n%s", message, advice);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
}

static void
sonae_problem_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SONAE_TYPE_PROBLEM_WINDOW);

  G_OBJECT_CLASS (sonae_problem_window_parent_class)->dispose (object);
}

static void
sonae_problem_window_finalize (GObject *object)
{
  SonaeProblemWindow *self = SONAE_PROBLEM_WINDOW (object);

  g_free (self->backup);

  G_OBJECT_CLASS (sonae_problem_window_parent_class)->finalize (object);
}

static void
sonae_problem_window_class_init (SonaeProblemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_problem_window_dispose;
  object_class->finalize = sonae_problem_window_finalize;

  /**
   * SonaeProblemWindow::restore-backup:
   * @file: the backup to restore (already checked)
   */
  signals[RESTORE_BACKUP] = g_signal_new ("restore-backup",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-problem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeProblemWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, SonaeProblemWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeProblemWindow, restore_file_button);

  gtk_widget_class_install_action (widget_class, "problem.restore-auto", NULL, restore_auto_cb);
  gtk_widget_class_install_action (widget_class, "problem.restore-file", NULL, restore_file_cb);
}

static void
sonae_problem_window_init (SonaeProblemWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_help_bind_f1 (GTK_WINDOW (self), "problem");
}

GtkWidget *
sonae_problem_window_new (AdwApplication *app,
                          const char     *data_dir,
                          const GError   *error)
{
  SonaeProblemWindow *self;

  g_return_val_if_fail (app == NULL || ADW_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (SONAE_TYPE_PROBLEM_WINDOW, "application", app, NULL);
  describe (self, data_dir, error);
  return GTK_WIDGET (self);
}
