/* sonae-help.c: the user guide (help/, read with yelp), opened at the page
 * for where the person is */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-autostart.h"
#include "sonae-help.h"

/* Where a person can be, and the guide's page that explains it: the
 * sections of the window and their tabs or worksheets, then the windows of
 * their own. The pages are help/C/PAGE.page; tests/gui/test-help.c checks
 * that each one exists. */
static const struct {
  const char *place;
  const char *page;
} pages[] = {
  { "home", "home" },
  { "incidents", "incidents" },
  { "incidents/now", "incident-now" },
  { "incidents/checklist", "incident-checklist" },
  { "incidents/timeline", "incident-timeline" },
  { "incidents/report", "incident-report" },
  { "incidents/reporting", "reporting" },
  { "incidents/details", "incidents" },
  { "manual", "manual" },
  { "contacts", "contacts" },
  { "bcp", "bcp" },
  { "bcp/drills", "drills" },
  { "bcp/check", "readiness-check" },
  { "bcp/mhlw", "mhlw-checklist" },
  { "preferences", "preferences" },
  { "setup", "first-ten-minutes" },
  { "triage", "something-wrong" },
  { "roles", "roles" },
  { "import", "import-contacts" },
  { "problem", "problems" },
};

static const char *
page_for (const char *place)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].place, place) == 0)
      return pages[i].page;
  return NULL;
}

char *
sonae_help_uri_for (const char *place)
{
  const char *page = place != NULL ? page_for (place) : NULL;

  /* A tab or worksheet with no page of its own: its section's page. */
  if (page == NULL && place != NULL && strchr (place, '/') != NULL)
    {
      g_autofree char *section = g_strndup (place, strchr (place, '/') - place);

      page = page_for (section);
    }
  if (page == NULL)
    return g_strdup ("help:" SONAE_HELP_ID);
  return g_strdup_printf ("help:%s/%s", SONAE_HELP_ID, page);
}

char *
sonae_help_get_dir (void)
{
  const char *const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (SONAE_HELPDIR, languages[i], SONAE_HELP_ID, NULL);
      g_autofree char *index = g_build_filename (dir, "index.page", NULL);

      if (g_file_test (index, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&dir);
    }
  return g_build_filename (SONAE_HELPDIR, "C", SONAE_HELP_ID, NULL);
}

/* --- opening it ----------------------------------------------------------- */

static void
show_cannot_open (GtkWidget    *parent,
                  const GError *error)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  g_autofree char *dir = sonae_help_get_dir ();
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the first %s is the reason given by the system, the second
   * a folder. “yelp” is the name of a Debian package: do not translate it. */
  body = g_strdup_printf (_("Sonae’s guide is read with Yelp, the help viewer, which is not installed on this computer or could not start (%s). "
                            "Whoever looks after this computer can install it: on Debian or Ubuntu it is the package “yelp”. "
                            "Until then, the guide’s pages are in the folder %s."),
                          error != NULL ? error->message : _("no reason was given"), dir);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Guide Cannot Be Opened"), body);
  gtk_widget_set_name (dialog, "help-missing");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_uri_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWidget) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("The guide could not be opened: %s", error->message);
      show_cannot_open (parent, error);
    }
}

char **
sonae_help_sandbox_viewer_argv (const char *flatpak_info,
                                const char *uri)
{
  g_autofree char *yelp = NULL;

  g_return_val_if_fail (flatpak_info != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_file_test (flatpak_info, G_FILE_TEST_EXISTS))
    return NULL;
  yelp = g_find_program_in_path ("yelp");
  if (yelp == NULL)
    return NULL;
  {
    const char *argv[] = { yelp, uri, NULL };

    return g_strdupv ((char **) argv);
  }
}

void
sonae_help_show_uri (GtkWidget  *parent,
                     const char *uri)
{
  g_auto(GStrv) sandboxed = NULL;
  GtkRoot *root;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (uri != NULL);

  sandboxed = sonae_help_sandbox_viewer_argv (SONAE_AUTOSTART_FLATPAK_INFO, uri);
  if (sandboxed != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) viewer = g_subprocess_newv ((const char *const *) sandboxed, G_SUBPROCESS_FLAGS_NONE,
                                                         &error);

      if (viewer == NULL)
        {
          g_message ("The guide could not be opened: %s", error->message);
          show_cannot_open (parent, error);
        }
      return;
    }

  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  /* The parent is kept until the answer comes, to put the message over it. */
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME, NULL,
                     show_uri_done_cb, parent != NULL ? g_object_ref (parent) : NULL);
}

/* --- F1 in a window of its own -------------------------------------------- */

static gboolean
f1_cb (GtkWidget *widget,
       GVariant  *args,
       gpointer   user_data)
{
  g_autofree char *uri = sonae_help_uri_for (sonae_help_get_bound_place (GTK_WINDOW (widget)));

  sonae_help_show_uri (widget, uri);
  return TRUE;
}

void
sonae_help_bind_f1 (GtkWindow  *window,
                    const char *place)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WINDOW (window));

  g_object_set_data (G_OBJECT (window), "sonae-help-place", (gpointer) place);
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F1, 0),
                                                          gtk_callback_action_new (f1_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

const char *
sonae_help_get_bound_place (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), "sonae-help-place");
}
