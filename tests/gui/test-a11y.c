/* test-a11y.c: every control of the window and its main dialogs has a name
 * a screen reader can speak.
 *
 * The window opens on the demo clinic; the test goes to each section (an
 * incident with each of its tabs, a contact, each BCP worksheet) and opens
 * the dialogs, and at each stop a helper process, sonae-a11y-walk,
 * reads this process's accessibility tree through AT-SPI, as Orca would,
 * and lists the controls with no name or only a class name
 * ("GtkCheckButton"). Runs under a headless X server and a D-Bus session
 * (xvfb-run -a dbus-run-session), which starts the accessibility bus. */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "sonae-back-entry-dialog.h"
#include "sonae-bcp-page.h"
#include "sonae-bcp-system-dialog.h"
#include "sonae-capa-dialog.h"
#include "sonae-contacts-page.h"
#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-import-dialog.h"
#include "sonae-import.h"
#include "sonae-incident-view.h"
#include "sonae-incidents-page.h"
#include "sonae-manual-history.h"
#include "sonae-preferences-window.h"
#include "sonae-roles-dialog.h"
#include "sonae-setup-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-triage-dialog.h"
#include "sonae-window.h"

typedef struct {
  gboolean  done;
  char     *out;
  char     *err;
  GError   *error;
} Walk;

static void
walked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Walk *walk = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &walk->out, &walk->err, &walk->error);
  walk->done = TRUE;
}

/* Read the tree as it is now (@where), and add each unnamed control to
 * @unnamed: its line, and how many such controls there are. */
static void
read_tree (const char *where,
           const char *skip,
           GHashTable *unnamed)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) walker = NULL;
  g_auto(GStrv) lines = NULL;
  Walk walk = { 0 };

  /* Let what was just shown reach the bus. */
  sonae_test_spin_for (300);

  walker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             SONAE_A11Y_WALK, pid, skip, NULL);
  g_assert_no_error (error);
  /* This process answers the walker's questions while it asks them. */
  g_subprocess_communicate_utf8_async (walker, NULL, NULL, walked_cb, &walk);
  while (!walk.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (walk.error);
  if (!g_subprocess_get_if_exited (walker) || g_subprocess_get_exit_status (walker) != 0)
    g_error ("The accessibility tree could not be read (%s): %s", where, walk.err);
  g_test_message ("%s: %s", where, walk.err);

  /* The same line twice is two controls alike (the rows of a list): keep
   * the most seen at one stop. */
  lines = g_strsplit (walk.out, "\n", -1);
  g_hash_table_remove_all (seen);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint n;

      if (*lines[i] == '\0')
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, lines[i])) + 1;
      g_hash_table_insert (seen, g_strdup (lines[i]), GUINT_TO_POINTER (n));
      if (n > GPOINTER_TO_UINT (g_hash_table_lookup (unnamed, lines[i])))
        g_hash_table_insert (unnamed, g_strdup (lines[i]), GUINT_TO_POINTER (n));
    }
  g_free (walk.out);
  g_free (walk.err);
}

static void
read_dialog (GtkWidget  *dialog,
             const char *where,
             GHashTable *unnamed)
{
  gtk_window_present (GTK_WINDOW (dialog));
  read_tree (where, "Sonae", unnamed);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sonae_test_spin_for (50);
}

static void
test_every_control_named (SonaeTestWindow *f,
                          gconstpointer    data)
{
  static const char *const tabs[] = { "now", "checklist", "timeline", "report", "reporting", "details" };
  static const char *const worksheets[] = { "policy", "events", "systems", "plans", "drills", "risks", "check" };
  /* A contact to import, and one with nothing to keep: left out, in a row
   * of its own. */
  static const char vcard[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:取込 太郎\r\nTEL:03-1111-2222\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nIMPP:xmpp:someone@example.org\r\nEND:VCARD\r\n";
  g_autoptr(GHashTable) unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  guint total = 0;
  g_autoptr(GList) lines = NULL;
  SonaeImport *import;
  SonaeWindow *window;
  GtkWidget *page;
  GtkWidget *dialog;
  gint64 incident;

  g_assert_true (sonae_demo_fill (f->store, &error));
  g_assert_no_error (error);
  /* The demo's incident is a closed drill: one in progress too, for the
   * Now tab and a checklist to tick. */
  incident = sonae_test_add_incident (f->store, "電子カルテが開かない", NULL, 2, FALSE, "受付 花子");

  window = sonae_test_window_open_main (f);
  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (100);

  sonae_window_set_section (window, "incidents");
  page = sonae_window_get_page (window, "incidents");
  g_assert_true (sonae_incidents_page_show_incident (SONAE_INCIDENTS_PAGE (page), incident));
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *view = sonae_test_of_type (page, SONAE_TYPE_INCIDENT_VIEW);

      sonae_incident_view_show_tab (SONAE_INCIDENT_VIEW (view), tabs[i]);
      sonae_test_spin_for (50);
    }

  sonae_window_set_section (window, "manual");

  sonae_window_set_section (window, "contacts");
  page = sonae_window_get_page (window, "contacts");
  contacts = sonae_contacts_list (f->store, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, >, 0);
  sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (page),
                                    ((SonaeContact *) g_ptr_array_index (contacts, 0))->id);

  sonae_window_set_section (window, "bcp");
  page = sonae_window_get_page (window, "bcp");
  for (guint i = 0; i < G_N_ELEMENTS (worksheets); i++)
    {
      g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (page), worksheets[i]));
      sonae_test_spin_for (50);
    }

  /* What a section or a tab builds stays, shown or not: the whole window
   * is read once. */
  sonae_window_set_section (window, "home");
  read_tree ("the window", NULL, unnamed);
  read_dialog (GTK_WIDGET (sonae_triage_dialog_new (GTK_WINDOW (window), f->store)), "the triage dialog", unnamed);
  read_dialog (sonae_preferences_window_new (GTK_WINDOW (window), f->store), "preferences", unnamed);
  read_dialog (sonae_roles_dialog_new (GTK_WINDOW (window), f->store), "the roles dialog", unnamed);
  read_dialog (sonae_setup_dialog_new (GTK_WINDOW (window), f->store), "the setup dialog", unnamed);
  read_dialog (sonae_manual_history_new (GTK_WINDOW (window), f->store), "the manual's history", unnamed);
  read_dialog (GTK_WIDGET (sonae_back_entry_dialog_new (GTK_WINDOW (window), f->store, incident, NULL)),
               "a note entered afterwards", unnamed);
  read_dialog (sonae_capa_dialog_new_add (GTK_WINDOW (window), f->store, incident, SONAE_CAPA_CORRECTIVE),
               "a corrective action", unnamed);
  read_dialog (sonae_bcp_system_dialog_new (GTK_WINDOW (window), f->store, 0), "a system of the BCP", unnamed);
  import = sonae_import_new_from_data (vcard, strlen (vcard), "phone.vcf", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  dialog = sonae_import_dialog_new (GTK_WINDOW (window), f->store, import, "phone.vcf", &error);
  g_assert_no_error (error);
  read_dialog (dialog, "an import", unnamed);

  lines = g_list_sort (g_hash_table_get_keys (unnamed), (GCompareFunc) g_strcmp0);
  for (GList *l = lines; l != NULL; l = l->next)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (unnamed, l->data));

      g_test_message ("unnamed: %u × %s", n, (char *) l->data);
      total += n;
    }
  /* Every one counts: a row of a list or an item of a drop-down as much
   * as a button. */
  if (total > 0)
    g_test_fail_printf ("%u controls have no name a screen reader can speak (listed above)", total);
}

static void
skip_without_bus (void)
{
  g_test_skip ("No D-Bus session to carry the accessibility bus (run under dbus-run-session)");
}

int
main (int   argc,
      char *argv[])
{
  /* The other GUI tests run without the accessibility bridge; this one is
   * about what it shows. */
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  g_unsetenv ("NO_AT_BRIDGE");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    g_test_add ("/a11y/every-control-named", SonaeTestWindow, NULL, sonae_test_window_set_up,
                test_every_control_named, sonae_test_window_tear_down);
  else
    g_test_add_func ("/a11y/every-control-named", skip_without_bus);
  return g_test_run ();
}
