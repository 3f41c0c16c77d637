/* sonae-contacts-io.c: the menu items "Import contacts…" and "Export
 * contacts…": a file chooser, then the import preview or the export. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contacts-page.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
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

void
sonae_contacts_import_file (GtkWindow  *parent,
                            SonaeStore *store,
                            GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  GtkWidget *dialog;
  GtkWidget *error_target = parent ? GTK_WIDGET (parent) : NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SONAE_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be imported"), basename);

      g_set_error_literal (&error, SONAE_ERROR, SONAE_ERROR_IO,
                           _("Sonae imports files that are on this computer or a disk attached to it. "
                             "Save the file there first."));
      sonae_show_error (error_target, heading, error);
      return;
    }

  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  if (import == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be imported"), basename);
      sonae_show_error (error_target, heading, error);
      return;
    }

  dialog = sonae_import_dialog_new (parent, store, g_steal_pointer (&import), basename, &error);
  if (dialog == NULL)
    sonae_show_error (error_target, _("Could not compare the file with the contacts"), error);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    RunData         *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file != NULL)
    sonae_contacts_import_file (data->parent, data->store, file);
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

/* One filter a format: the portal returns the name the user saw with the
 * filter they picked, and grants that name alone. */
static const struct {
  SonaeContactsFormat format;
  const char *name;
  const char *pattern;
} export_formats[] = {
  { SONAE_CONTACTS_VCARD4, N_("vCard 4.0"), "*.[vV][cC][fF]" },
  { SONAE_CONTACTS_VCARD3, N_("vCard 3.0, for older phones"), "*.[vV][cC][fF]" },
  { SONAE_CONTACTS_CSV, N_("CSV, for Excel"), "*.[cC][sS][vV]" },
};

SonaeContactsFormat
sonae_contacts_export_format_for (const char          *path,
                                  SonaeContactsFormat  picked)
{
  SonaeContactsFormat by_name;

  g_return_val_if_fail (path != NULL, picked);

  /* A name Sonae knows the kind of says what the file holds, so that it
   * opens where its name says; the filter says which vCard. A name with no
   * such ending is written as it is, in the filter's format. */
  if (!sonae_contacts_format_from_path (path, &by_name))
    return picked;
  if (by_name == SONAE_CONTACTS_VCARD4 && picked == SONAE_CONTACTS_VCARD3)
    return SONAE_CONTACTS_VCARD3;
  return by_name;
}

static SonaeContactsFormat
picked_format (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const char *name = filter ? gtk_file_filter_get_name (filter) : NULL;

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (name, _(export_formats[i].name)) == 0)
      return export_formats[i].format;
  return SONAE_CONTACTS_VCARD4;
}

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
  SonaeContactsFormat format = SONAE_CONTACTS_VCARD4;
  guint n_contacts;
  GtkWidget *target = data->parent ? GTK_WIDGET (data->parent) : NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      format = picked_format (GTK_FILE_CHOOSER (native));
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  /* Exactly the file the dialog returned: inside a sandbox it is the only
   * one Sonae may write. */
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      basename = g_file_get_basename (file);
      format = sonae_contacts_export_format_for (path, format);

      if (!sonae_export_contacts (data->store, path, format, &error))
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

  run_data_free (data);
}

void
sonae_contacts_export_run (GtkWindow  *parent,
                           SonaeStore *store)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SONAE_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Export Contacts"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_formats[i].name));
      gtk_file_filter_add_pattern (filter, export_formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
    }
  /* The name already ends as the first filter's files do. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "sonae-contacts.vcf");
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), run_data_new (parent, store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
