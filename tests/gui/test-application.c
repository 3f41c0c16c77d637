/* test-application.c: the application as the desktop starts it: a vCard or
 * CSV file opened from the file manager shows the import preview, and
 * nothing is imported until the user confirms. (One GApplication a process:
 * this file holds the tests that need it registered.) */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-application.h"
#include "sonae-contacts.h"
#include "sonae-import.h"
#include "sonae-import-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-window.h"

static gboolean
has_import_dialog (gpointer data)
{
  return sonae_test_find_dialog_of_type (SONAE_TYPE_IMPORT_DIALOG) != NULL;
}

static GtkWidget *
wait_for_preview (void)
{
  sonae_test_spin_until (has_import_dialog, NULL, 5000, "the import preview");
  return sonae_test_find_dialog_of_type (SONAE_TYPE_IMPORT_DIALOG);
}

static const char *
preview_count (GtkWidget  *dialog,
               const char *name)
{
  return gtk_label_get_label (GTK_LABEL (sonae_test_template_child (dialog, SONAE_TYPE_IMPORT_DIALOG, name)));
}

static gboolean
names_contact (SonaeStore *store,
               const char *part)
{
  g_autoptr(GPtrArray) all = sonae_contacts_list (store, SONAE_GROUP_STAFF, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (all, i);

      if (c->name != NULL && strstr (c->name, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_open_files (void)
{
  g_autofree char *vcf = sonae_test_corpus_path ("vcard/ez-vcard/John_Doe_IPHONE.vcf");
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[1];
  GtkWindow *window;
  GtkWidget *dialog;
  SonaeStore *store;
  guint before;

  if (vcf == NULL)
    {
      g_test_skip ("the corpus is not there");
      return;
    }
  dir = sonae_test_make_dir ();

  app = sonae_application_new ();
  g_assert_true (g_application_get_flags (app) & G_APPLICATION_HANDLES_OPEN);
  g_application_set_flags (app, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  sonae_application_set_data_dir (SONAE_APPLICATION (app), dir);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  /* A phone's vCard, double-clicked in the file manager. */
  files[0] = g_file_new_for_path (vcf);
  g_application_open (app, files, 1, "");
  g_object_unref (files[0]);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SONAE_IS_WINDOW (window));
  g_assert_cmpstr (sonae_window_get_section (SONAE_WINDOW (window)), ==, "contacts");
  store = sonae_application_get_store (SONAE_APPLICATION (app));
  g_assert_nonnull (store);
  before = sonae_contacts_count (store);

  dialog = wait_for_preview ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_cmpstr (preview_count (dialog, "added_label"), ==, "1");
  /* Shown, not imported. */
  sonae_test_spin_for (100);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before);
  g_assert_false (names_contact (store, "Doe"));

  /* Confirmed: imported. */
  g_object_ref (dialog);
  gtk_widget_activate_action (dialog, "import.apply", NULL);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before + 1);
  g_assert_true (names_contact (store, "Doe"));

  /* A CSV for Excel, opened and then cancelled: nothing. */
  csv = g_build_filename (dir, "staff.csv", NULL);
  g_assert_true (g_file_set_contents (csv, "名前,電話番号\n開く 花子,03-5555-0000\n", -1, NULL));
  files[0] = g_file_new_for_path (csv);
  g_application_open (app, files, 1, "");
  g_object_unref (files[0]);
  dialog = wait_for_preview ();
  g_assert_cmpstr (preview_count (dialog, "added_label"), ==, "1");
  g_object_ref (dialog);
  gtk_widget_activate_action (dialog, "import.cancel", NULL);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before + 1);
  g_assert_false (names_contact (store, "花子"));

  /* The same window took both: no second one. */
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);

  {
    GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

    for (GList *l = windows; l != NULL; l = l->next)
      gtk_window_destroy (l->data);
    g_list_free (windows);
  }
  g_clear_object (&app);
  sonae_test_remove_dir (dir);
}

/* The desktop file promises what the application does: it takes files
 * (%U) of the kinds the import reads. */
static void
test_desktop_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SONAE_BUILD_ROOT"), "data", "io.github.sonae.Sonae.desktop", NULL);
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_auto(GStrv) types = NULL;

  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "sonae %U");
  types = g_key_file_get_string_list (entry, "Desktop Entry", "MimeType", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) types, "text/vcard"));
  g_assert_true (g_strv_contains ((const char * const *) types, "text/x-vcard"));
  g_assert_true (g_strv_contains ((const char * const *) types, "text/csv"));
  for (guint i = 0; types[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("contacts.%s", g_str_has_suffix (types[i], "csv") ? "csv" : "vcf");
      SonaeContactsFormat format;

      /* Each kind is one the import reads. */
      g_assert_true (sonae_contacts_format_from_path (name, &format));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  sonae_test_gui_prepare ();

  g_test_add_func ("/application/open-files", test_open_files);
  g_test_add_func ("/application/desktop-file", test_desktop_file);

  return g_test_run ();
}
