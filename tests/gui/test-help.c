/* test-help.c: F1 and the Help item open the user guide at the page for
 * where the person is; without a help viewer, a message says what to
 * install. Runs under a headless X server (xvfb-run -a).
 *
 * The URI is checked where it is made (sonae_help_uri_for, and the window's
 * sonae_window_get_help_uri that "win.help" hands to GTK); the help viewer
 * itself is never started: main() gives the process a data folder with no
 * application in it, so that GTK finds no handler for help: URIs, as on a
 * computer without yelp. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sonae-bcp-page.h"
#include "sonae-help.h"
#include "sonae-import.h"
#include "sonae-import-dialog.h"
#include "sonae-incident-view.h"
#include "sonae-incidents-page.h"
#include "sonae-problem-window.h"
#include "sonae-error.h"
#include "sonae-roles-dialog.h"
#include "sonae-setup-dialog.h"
#include "sonae-triage-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-window.h"

/* Where a person can be, and the page of the guide that F1 opens there. */
static const struct {
  const char *place;
  const char *uri;
} expected[] = {
  { "home", "help:sonae/home" },
  { "incidents", "help:sonae/incidents" },
  { "incidents/now", "help:sonae/incident-now" },
  { "incidents/checklist", "help:sonae/incident-checklist" },
  { "incidents/timeline", "help:sonae/incident-timeline" },
  { "incidents/report", "help:sonae/incident-report" },
  { "incidents/reporting", "help:sonae/reporting" },
  { "incidents/details", "help:sonae/incidents" },
  { "manual", "help:sonae/manual" },
  { "contacts", "help:sonae/contacts" },
  { "bcp", "help:sonae/bcp" },
  { "bcp/policy", "help:sonae/bcp" },
  { "bcp/events", "help:sonae/bcp" },
  { "bcp/systems", "help:sonae/bcp" },
  { "bcp/plans", "help:sonae/bcp" },
  { "bcp/risks", "help:sonae/bcp" },
  { "bcp/drills", "help:sonae/drills" },
  { "bcp/check", "help:sonae/readiness-check" },
  { "bcp/mhlw", "help:sonae/mhlw-checklist" },
  { "preferences", "help:sonae/preferences" },
  { "setup", "help:sonae/first-ten-minutes" },
  { "triage", "help:sonae/something-wrong" },
  { "roles", "help:sonae/roles" },
  { "import", "help:sonae/import-contacts" },
  { "problem", "help:sonae/problems" },
};

static const char *
expected_uri (const char *place)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].place, place))
      return expected[i].uri;
  g_assert_not_reached ();
}

/* --- helpers ------------------------------------------------------------- */

/* The shortcut bound to @accelerator on @widget: its named action, or "" for
 * a callback; NULL when there is none. */
static char *
find_shortcut (GtkWidget  *widget,
               const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (trigger, accelerator) != 0)
            continue;
          if (GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          return g_strdup ("");
        }
    }
  return NULL;
}

/* A menu's item (a GtkModelButton, which has no public type) showing
 * @data (its label without the mnemonic's underline). */
static gboolean
is_item_labelled (GtkWidget     *widget,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, data) == 0;
}

/* The main menu's Help item, as the open menu shows it: it exists, it is
 * "win.help", and it is sensitive only when that action exists and is
 * enabled here. */
static gboolean
help_item_sensitive (SonaeWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), SONAE_TYPE_WINDOW,
                                                                          "menu_button"));
  GtkWidget *item;
  gboolean sensitive;

  gtk_menu_button_popup (button);
  sonae_test_spin_for (50);
  item = sonae_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (button)), is_item_labelled, "Help");
  g_assert_nonnull (item);
  sensitive = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (button);
  sonae_test_spin_for (20);
  return sensitive;
}

/* The action of the main menu's item labelled @label, or NULL. */
static char *
menu_item_action (SonaeWindow *window,
                  const char  *label)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                                     SONAE_TYPE_WINDOW,
                                                                                                     "menu_button")));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *item_label = NULL;
          char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
              g_str_equal (item_label, label) &&
              g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            return action;
        }
    }
  return NULL;
}

static void
assert_help_at (SonaeWindow *window,
                const char  *place)
{
  g_autofree char *uri = sonae_window_get_help_uri (window);

  g_test_message ("F1 at %s: %s", place, uri);
  g_assert_cmpstr (uri, ==, expected_uri (place));
  g_assert_true (help_item_sensitive (window));
}

/* --- tests --------------------------------------------------------------- */

/* Each place has its page; a tab or worksheet without one of its own takes
 * its section's; anything else, the guide's first page. */
static void
test_uri_for (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *uri = sonae_help_uri_for (expected[i].place);

      g_assert_cmpstr (uri, ==, expected[i].uri);
    }
  {
    g_autofree char *none = sonae_help_uri_for (NULL);
    g_autofree char *unknown = sonae_help_uri_for ("nowhere");
    g_autofree char *unknown_tab = sonae_help_uri_for ("manual/nowhere");

    g_assert_cmpstr (none, ==, "help:sonae");
    g_assert_cmpstr (unknown, ==, "help:sonae");
    g_assert_cmpstr (unknown_tab, ==, "help:sonae/manual");
  }
}

/* Every page F1 can open is a page of the guide (help/C/PAGE.page). */
static void
test_pages_exist (void)
{
  const char *source_root = g_getenv ("SONAE_SOURCE_ROOT");

  g_assert_nonnull (source_root);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *page = expected[i].uri + strlen ("help:sonae/");
      g_autofree char *name = g_strconcat (page, ".page", NULL);
      g_autofree char *path = g_build_filename (source_root, "help", "C", name, NULL);

      g_assert_true (g_str_has_prefix (expected[i].uri, "help:" SONAE_HELP_ID "/"));
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("F1 at %s opens %s, but the guide has no %s", expected[i].place, expected[i].uri, path);
    }
}

/* F1 is "win.help" in every section, its tabs and worksheets included, and
 * asks for that place's page; the main menu's Help item is there and
 * enabled. */
static void
test_window (SonaeTestWindow *f,
             gconstpointer    data)
{
  g_autofree char *action = NULL;
  g_autofree char *item_action = NULL;
  SonaeWindow *window = sonae_test_window_open_main (f);
  const char *const *sections = sonae_window_get_sections (window);
  SonaeIncidentsPage *incidents;
  SonaeIncidentView *view;
  static const char *const tabs[] = { "now", "checklist", "timeline", "report", "reporting", "details" };
  static const char *const worksheets[] = { "policy", "events", "systems", "plans", "drills", "risks", "check",
                                            "mhlw" };

  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (100);

  action = find_shortcut (GTK_WIDGET (window), "F1");
  g_assert_cmpstr (action, ==, "win.help");
  item_action = menu_item_action (window, "_Help");
  g_assert_cmpstr (item_action, ==, "win.help");

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      sonae_test_spin_for (50);
      g_assert_cmpstr (sonae_window_get_section (window), ==, sections[i]);
      assert_help_at (window, sections[i]);
    }

  /* An incident beside the list: the page of the tab shown. */
  sonae_test_add_incident (f->store, "ファイルが開けず、金銭を要求された", NULL, 3, FALSE, "受付 花子");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "incidents"));
  incidents = SONAE_INCIDENTS_PAGE (sonae_window_get_page (window, "incidents"));
  sonae_test_spin_for (100);
  g_assert_true (sonae_incidents_page_show_incident (incidents, sonae_test_add_incident (f->store, "訓練", NULL, 1,
                                                                                           TRUE, "受付 花子")));
  sonae_test_spin_for (100);
  view = SONAE_INCIDENT_VIEW (sonae_test_of_type (GTK_WIDGET (incidents), SONAE_TYPE_INCIDENT_VIEW));
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *place = g_strconcat ("incidents/", tabs[i], NULL);

      sonae_incident_view_show_tab (view, tabs[i]);
      sonae_test_spin_for (50);
      g_assert_cmpstr (sonae_incident_view_get_tab (view), ==, tabs[i]);
      assert_help_at (window, place);
    }

  /* The continuity plan: the page of the worksheet shown. */
  for (guint i = 0; i < G_N_ELEMENTS (worksheets); i++)
    {
      g_autofree char *place = g_strconcat ("bcp/", worksheets[i], NULL);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bcp", "s", worksheets[i]));
      sonae_test_spin_for (50);
      g_assert_cmpstr (sonae_bcp_page_get_worksheet (SONAE_BCP_PAGE (sonae_window_get_page (window, "bcp"))), ==,
                       worksheets[i]);
      assert_help_at (window, place);
    }
}

static void
assert_f1_opens (GtkWidget  *window,
                 const char *place)
{
  g_autofree char *action = find_shortcut (window, "F1");

  g_assert_nonnull (action);
  g_assert_cmpstr (sonae_help_get_bound_place (GTK_WINDOW (window)), ==, place);
}

/* The windows of their own have F1 too, each for its page. */
static void
test_dialogs (SonaeTestWindow *f,
              gconstpointer    data)
{
  SonaeWindow *window = sonae_test_window_open_main (f);
  g_autoptr(GError) error = NULL;
  SonaeImport *import;
  static const char vcard[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:受付 花子\r\nTEL:03-0000-0001\r\nEND:VCARD\r\n";
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (50);

  assert_f1_opens (GTK_WIDGET (sonae_window_show_preferences (window)), "preferences");
  assert_f1_opens (sonae_setup_dialog_new (GTK_WINDOW (window), f->store), "setup");
  assert_f1_opens (GTK_WIDGET (sonae_triage_dialog_new (GTK_WINDOW (window), f->store)), "triage");
  assert_f1_opens (sonae_roles_dialog_new (GTK_WINDOW (window), f->store), "roles");

  import = sonae_import_new_from_data (vcard, strlen (vcard), "a.vcf", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  /* The dialog takes the import. */
  dialog = sonae_import_dialog_new (GTK_WINDOW (window), f->store, import, "a.vcf", &error);
  g_assert_no_error (error);
  assert_f1_opens (dialog, "import");

  g_set_error_literal (&error, SONAE_ERROR, SONAE_ERROR_CORRUPT, "damaged");
  dialog = sonae_problem_window_new (NULL, f->dir, error);
  assert_f1_opens (dialog, "problem");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The shortcuts window lists F1. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/sonae/Sonae/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  gboolean found = FALSE;

  g_assert_nonnull (overlay);
  sonae_test_collect_widgets (overlay, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_SHORTCUT), shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator, NULL);
      found = found || g_strcmp0 (accelerator, "F1") == 0;
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static gboolean
help_missing_shown (gpointer data)
{
  return sonae_test_find_dialog ("help-missing") != NULL;
}

/* With no help viewer installed, F1 says so, names the package to install
 * and where the guide's pages are, instead of doing nothing. */
static void
test_no_viewer (SonaeTestWindow *f,
                gconstpointer    data)
{
  SonaeWindow *window = sonae_test_window_open_main (f);
  g_autofree char *dir = sonae_help_get_dir ();
  GtkWidget *dialog;
  const char *body;

  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));
  sonae_test_spin_until (help_missing_shown, NULL, 5000, "the message that the guide cannot be opened");

  dialog = sonae_test_find_dialog ("help-missing");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The Guide Cannot Be Opened");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "“yelp”"));
  g_assert_nonnull (strstr (body, dir));
  g_assert_true (g_str_has_suffix (dir, G_DIR_SEPARATOR_S SONAE_HELP_ID));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Inside a Flatpak the host's viewer cannot read the sandbox's pages: the
 * runtime's yelp opens the guide; outside one, or with no yelp in the
 * sandbox, the portal (gtk_show_uri) is asked as before. */
static void
test_sandbox_viewer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sonae-help-sandbox-XXXXXX", NULL);
  g_autofree char *info = g_build_filename (dir, "flatpak-info", NULL);
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *yelp = g_build_filename (bin, "yelp", NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_auto(GStrv) argv = NULL;

  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  g_assert_true (g_file_set_contents (yelp, "#!/bin/sh\nexit 0\n", -1, NULL));
  g_assert_cmpint (g_chmod (yelp, 0700), ==, 0);
  g_setenv ("PATH", bin, TRUE);

  /* Not sandboxed: the portal's way. */
  g_assert_null (sonae_help_sandbox_viewer_argv (info, "help:sonae/backup"));

  /* Sandboxed, with the runtime's yelp: it opens the page itself. */
  g_assert_true (g_file_set_contents (info, "[Application]\nname=io.github.sonae.Sonae\n", -1, NULL));
  argv = sonae_help_sandbox_viewer_argv (info, "help:sonae/backup");
  g_assert_nonnull (argv);
  g_assert_cmpstr (argv[0], ==, yelp);
  g_assert_cmpstr (argv[1], ==, "help:sonae/backup");
  g_assert_null (argv[2]);

  /* Sandboxed with no yelp: the portal again. */
  g_assert_cmpint (g_unlink (yelp), ==, 0);
  g_assert_null (sonae_help_sandbox_viewer_argv (info, "help:sonae"));

  g_setenv ("PATH", old_path, TRUE);
  g_unlink (info);
  g_rmdir (bin);
  g_rmdir (dir);
}

/* A data folder for this process with the icons and the MIME database but
 * no application: no handler for help: URIs. */
static char *
make_data_dirs_without_applications (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sonae-help-XXXXXX", NULL);
  static const char *const kept[] = { "icons", "mime", "glib-2.0", "fonts", "themes" };
  const char *const *system = g_get_system_data_dirs ();

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    for (guint j = 0; system[j] != NULL; j++)
      {
        g_autofree char *from = g_build_filename (system[j], kept[i], NULL);
        g_autofree char *to = g_build_filename (dir, kept[i], NULL);

        if (g_file_test (from, G_FILE_TEST_IS_DIR) && !g_file_test (to, G_FILE_TEST_EXISTS))
          g_assert_cmpint (symlink (from, to), ==, 0);
      }
  return g_steal_pointer (&dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dirs = make_data_dirs_without_applications ();
  g_autofree char *data_home = g_build_filename (data_dirs, "home", NULL);
  int status;

  g_assert_cmpint (g_mkdir (data_home, 0700), ==, 0);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/help/uri-for", test_uri_for);
  g_test_add_func ("/help/sandbox-viewer", test_sandbox_viewer);
  g_test_add_func ("/help/pages-exist", test_pages_exist);
  g_test_add_func ("/help/shortcuts-window", test_shortcuts_window);
#define ADD(name, func) \
  g_test_add ("/help/" name, SonaeTestWindow, NULL, sonae_test_window_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("window", test_window);
  ADD ("dialogs", test_dialogs);
  ADD ("no-viewer", test_no_viewer);
#undef ADD

  status = g_test_run ();
  sonae_test_remove_dir (data_dirs);
  return status;
}
