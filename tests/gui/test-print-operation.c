/* test-print-operation.c: documents printed through GTK, to a file. The file
 * GTK writes holds the same names and numbers as Sonae's own PDFs and must
 * be as private: readable by its owner alone, whatever the umask.
 * Runs under a headless X server (xvfb-run -a). */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#include <sys/stat.h>

#include "sonae-documents.h"
#include "sonae-incidents.h"
#include "sonae-print-operation.h"
#include "sonae-test-util.h"

static mode_t
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static SonaePrintOperation *
new_roster_operation (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  SonaeDocument *doc;

  doc = sonae_documents_build (store, "roster", SONAE_PAPER_A4, &error);
  g_assert_no_error (error);
  return sonae_print_operation_new (doc);
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
}

/* Exported with an export file name: a new file, and one that was there
 * before and that anyone could read. */
static void
test_export_private (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = g_build_filename (dir, "fresh.pdf", NULL);
  g_autofree char *old = g_build_filename (dir, "old.pdf", NULL);
  const char *paths[] = { fresh, old };
  mode_t saved = umask (0);

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  g_assert_true (g_file_set_contents (old, "an earlier roster", -1, NULL));
  g_assert_cmpint (g_chmod (old, 0644), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SonaePrintOperation) operation = new_roster_operation (store);
      GtkPrintOperationResult result;

      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), paths[i]);
      result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                        GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      assert_is_pdf (paths[i]);
      g_assert_cmpint (file_mode (paths[i]), ==, 0600);
    }
  umask (saved);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The print dialog, once it shows "Print to File" chosen: the person
 * presses Print. After ten seconds without it, the test gives up: Cancel
 * (and then fails). */
typedef struct {
  GtkPrintOperation *operation;
  guint ticks;
  gboolean printed;
} DialogDriver;

static gboolean
press_print_cb (gpointer user_data)
{
  DialogDriver *driver = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;
  g_autoptr(GObject) printer = NULL;
  g_autofree char *name = NULL;

  /* Through its properties: the tests do not build with the headers of
   * GTK's Unix printing. */
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
        dialog = window;
    }
  if (dialog != NULL)
    g_object_get (dialog, "selected-printer", &printer, NULL);
  if (printer != NULL)
    g_object_get (printer, "name", &name, NULL);
  /* GTK's own name for the printer, in the test's language. */
  if (g_strcmp0 (name, g_dgettext ("gtk40", "Print to File")) == 0)
    {
      driver->printed = TRUE;
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
      return G_SOURCE_REMOVE;
    }
  if (++driver->ticks > 200)
    {
      if (dialog != NULL)
        gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      else
        gtk_print_operation_cancel (driver->operation);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* "Print to File" in the print dialog: GTK's file printer writes the file,
 * which is made private once written. */
static void
test_print_to_file_private (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePrintOperation) operation = new_roster_operation (store);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  DialogDriver driver = { GTK_PRINT_OPERATION (operation), 0, FALSE };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkPrintOperationResult result;
  mode_t saved;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  /* Only the file backend: a test machine has no printing service to list
   * printers, and the dialog would wait for it. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  /* The dialog opens on the printer and the file of these settings, as it
   * would on those chosen last time (GTK's English name: LC_ALL=C.UTF-8). */
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);

  saved = umask (0);
  g_timeout_add (50, press_print_cb, &driver);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  umask (saved);
  gtk_window_destroy (parent);
  g_assert_no_error (error);
  g_assert_true (driver.printed);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_is_pdf (path);
  g_assert_cmpint (file_mode (path), ==, 0600);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* What “Print to File” writes when the person only presses Print: a file
 * named after the document and what it is about (its incident's number),
 * in the person's language, not GTK's “output.pdf” (「出力.pdf」). */
static void
print_to_file_named (SonaeStore *store,
                     gint64      incident_id,
                     const char *dir,
                     const char *want)
{
  g_autoptr(GError) error = NULL;
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT ("report");
  g_autoptr(SonaePrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (dir, want, NULL);
  GtkPrintSettings *settings;
  DialogDriver driver = { NULL, 0, FALSE };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkPrintOperationResult result;
  SonaeDocument *doc;

  request.subject = SONAE_DOCUMENT_FOR_INCIDENT;
  request.id = incident_id;
  doc = sonae_documents_build_request (store, &request, &error);
  g_assert_no_error (error);
  operation = sonae_print_operation_new (doc);
  driver.operation = GTK_PRINT_OPERATION (operation);
  /* The printer chosen, and a folder of the test's in place of Documents;
   * the file's name is the operation's. */
  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  g_assert_nonnull (settings);
  gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, dir);

  g_timeout_add (50, press_print_cb, &driver);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  gtk_window_destroy (parent);
  g_assert_no_error (error);
  g_assert_true (driver.printed);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_is_pdf (path);
}

static void
test_print_to_file_name (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = sonae_test_add_incident (store, "電子カルテが開かない", NULL, 2, FALSE, "佐藤 由美");
  g_autofree char *english = NULL;
  g_autofree char *japanese = NULL;

  incident = sonae_incidents_get (store, id, &error);
  g_assert_no_error (error);
  english = g_strdup_printf ("Incident Report %s.pdf", incident->number);
  japanese = g_strdup_printf ("セキュリティ事故報告書 %s.pdf", incident->number);
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);

  print_to_file_named (store, id, dir, english);
  if (sonae_test_use_japanese ())
    {
      print_to_file_named (store, id, dir, japanese);
      sonae_test_use_default_language ();
    }
  else
    g_test_message ("no ja_JP.UTF-8 locale: English only");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A document turned sideways (the register) is offered to the print
 * dialog in landscape, and what it writes has its pages wider than tall;
 * the others stay upright. */
static void
test_landscape (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *names[] = { "register", "roster" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SonaeDocument *doc = sonae_documents_build (store, names[i], SONAE_PAPER_A4, &error);
      g_autoptr(SonaePrintOperation) operation = NULL;
      GtkPageSetup *setup;
      GtkPrintOperationResult result;
      gboolean landscape;

      g_assert_no_error (error);
      landscape = sonae_document_get_landscape (doc);
      g_assert_true (landscape == (i == 0));
      operation = sonae_print_operation_new (doc);
      setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
      g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==,
                       landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
      g_assert_true ((gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS) >
                      gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS)) == landscape);

      g_free (path);
      path = g_build_filename (dir, landscape ? "register.pdf" : "roster.pdf", NULL);
      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
      result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                        GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      assert_is_pdf (path);
      /* The sheet as written: 297 mm wide, or 210. */
      {
        static const char media[] = "/MediaBox [ 0 0 ";
        g_autofree char *contents = NULL;
        const char *box = NULL;
        gsize length;

        /* The file holds binary streams: memcmp, not strstr. */
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        for (gsize at = 0; box == NULL && at + sizeof media + 4 < length; at++)
          if (memcmp (contents + at, media, sizeof media - 1) == 0)
            box = contents + at + sizeof media - 1;
        g_assert_nonnull (box);
        g_assert_true (memcmp (box, landscape ? "841." : "595.", 4) == 0);
      }
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print-operation/export-private", test_export_private);
  g_test_add_func ("/print-operation/print-to-file-private", test_print_to_file_private);
  g_test_add_func ("/print-operation/print-to-file-name", test_print_to_file_name);
  g_test_add_func ("/print-operation/landscape", test_landscape);

  return g_test_run ();
}
