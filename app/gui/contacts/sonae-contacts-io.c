/* sonae-contacts-io.c: the menu items "Import contacts…" and "Export
 * contacts…": a file chooser, then the import preview or the export. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-contacts-page.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-import-dialog.h"
#include "sonae-import.h"

typedef struct {
  GtkWindow *parent;   /* weak */
  SonaeStore *store;
} RunData;

static RunData *
run_data_new (GtkWindow  *parent,
              SonaeStore *store)
{
  RunData *data = g_new0 (RunData, 1);

  g_set_weak_pointer (&data->parent, parent);
  data->store = g_object_ref (store);
  return data;
}

static void
run_data_free (RunData *data)
{
  g_clear_weak_pointer (&data->parent);
  g_object_unref (data->store);
  g_free (data);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            const char     *pattern2)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (pattern2 != NULL)
    gtk_file_filter_add_pattern (filter, pattern2);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* --- import ------------------------------------------------------------------ */

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    RunData         *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  GtkWidget *dialog;
  GtkWidget *error_target = data->parent ? GTK_WIDGET (data->parent) : NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      run_data_free (data);
      return;
    }

  basename = g_file_get_basename (file);
  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  if (import == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be imported"), basename);
      sonae_show_error (error_target, heading, error);
      run_data_free (data);
      return;
    }

  dialog = sonae_import_dialog_new (data->parent, data->store, g_steal_pointer (&import), basename, &error);
  if (dialog == NULL)
    sonae_show_error (error_target, _("Could not compare the file with the contacts"), error);
  else
    gtk_window_present (GTK_WINDOW (dialog));
  run_data_free (data);
}

void
sonae_contacts_import_run (GtkWindow  *parent,
                           SonaeStore *store)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SONAE_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Import Contacts"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Contacts (vCard, CSV)"), "*.[vV][cC][fF]", "*.[cC][sS][vV]");
  add_filter (GTK_FILE_CHOOSER (native), _("vCard"), "*.[vV][cC][fF]", NULL);
  add_filter (GTK_FILE_CHOOSER (native), _("CSV"), "*.[cC][sS][vV]", NULL);
  add_filter (GTK_FILE_CHOOSER (native), _("All Files"), "*", NULL);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), run_data_new (parent, store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* --- export ------------------------------------------------------------------ */

static const struct {
  const char *id;
  SonaeContactsFormat format;
  const char *extension;
} export_formats[] = {
  { "vcard4", SONAE_CONTACTS_VCARD4, ".vcf" },
  { "vcard3", SONAE_CONTACTS_VCARD3, ".vcf" },
  { "csv", SONAE_CONTACTS_CSV, ".csv" },
};

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    RunData         *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  const char *choice = NULL;
  guint i = 0;
  guint n_contacts;
  GtkWidget *target = data->parent ? GTK_WIDGET (data->parent) : NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "format");
    }
  for (i = 0; choice && i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (choice, export_formats[i].id) == 0)
      break;
  if (i == G_N_ELEMENTS (export_formats))
    i = 0;

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      /* The chosen format decides the extension, so the file opens where it should. */
      if (!g_str_has_suffix (path, export_formats[i].extension))
        {
          char *dot = strrchr (path, '.');
          char *slash = strrchr (path, G_DIR_SEPARATOR);
          g_autofree char *stem = (dot && (!slash || dot > slash)) ? g_strndup (path, dot - path) : g_strdup (path);

          g_free (path);
          path = g_strconcat (stem, export_formats[i].extension, NULL);
        }
      basename = g_path_get_basename (path);

      if (!sonae_export_contacts (data->store, path, export_formats[i].format, &error))
        sonae_show_error (target, _("The contacts were not exported"), error);
      else
        {
          n_contacts = sonae_contacts_count (data->store);
          /* Translators: a toast; %u is a number of contacts, %s a file name */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u contact exported to “%s”",
                                                  "%u contacts exported to “%s”", n_contacts),
                                     n_contacts, basename);
          if (target != NULL)
            sonae_show_message (target, message);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  run_data_free (data);
}

void
sonae_contacts_export_run (GtkWindow  *parent,
                           SonaeStore *store)
{
  GtkFileChooserNative *native;
  const char *ids[] = { "vcard4", "vcard3", "csv", NULL };
  const char *labels[] = {
    _("vCard 4.0"),
    _("vCard 3.0, for older phones"),
    _("CSV, for Excel"),
    NULL
  };

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SONAE_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Export Contacts"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", "vcard4");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "sonae-contacts.vcf");
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), run_data_new (parent, store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
