/* sonae-cli.c: `sonae --export`, `--backup` and the other commands that run
 * without a window, for scripts, tests and an organisation's own backup job */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>
#include <stdio.h>
#include <string.h>

#include "sonae-cli.h"
#include "sonae-backup.h"
#include "sonae-bcp.h"
#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-document.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-import.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-reminders.h"
#include "sonae-store.h"

void
sonae_cli_add_options (GApplication *app)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the data in DIR instead of the default folder"), N_("DIR") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Fill an empty data folder with a fictional organisation to try Sonae, and exit"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --demo: business for a fictional small business instead of the default"), N_("KIND") },
    { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the document DOC as a PDF file (with --output); --list-documents names them"), N_("DOC") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The file to write with --export"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Paper size for --export: a4 (default) or a3"), N_("SIZE") },
    { "list-documents", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List the documents --export can write"), NULL },
    { "incident", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: the incident to print, by its number (2026-001) or id"), N_("NUMBER") },
    { "year", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export register: the year of the incidents (default: this year)"), N_("YEAR") },
    { "system", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export outage-card: the system of the BCP, by its name or id (default: every system)"), N_("NAME") },
    { "list-incidents", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List the incidents, newest first, one a line with its number first"), NULL },
    { "import-contacts", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Import contacts from a vCard (.vcf) or CSV file"), N_("FILE") },
    { "group", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Group of the imported contacts: staff (default), vendor or authority"), N_("GROUP") },
    { "export-contacts", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export all contacts to a vCard 4.0 (.vcf) or CSV (.csv) file"), N_("FILE") },
    { "vcard3", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export-contacts: write vCard 3.0 for older phones"), NULL },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a backup copy of the database to FILE"), N_("FILE") },
    { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Replace the database with the backup FILE (the current one is kept beside it)"), N_("FILE") },
    { "check-reminders", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print what is due (reports, actions, upkeep), most urgent first, and exit"), NULL },
    { "notify", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --check-reminders: also show each as a desktop notification"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_summary (app, _("Sonae keeps an organisation's emergency manual, contacts and checklists ready for a cyber incident or an IT outage."));
}

static char *
lookup_path (GVariantDict *options,
             const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value) || value == NULL || *value == '\0')
    return NULL;
  return g_strdup (value);
}

static char *
lookup_string (GVariantDict *options,
               const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "&s", &value))
    return NULL;
  return g_strdup (value);
}

static int
fail (const char   *what,
      const GError *error)
{
  if (error != NULL)
    g_printerr ("sonae: %s: %s\n", what, error->message);
  else
    g_printerr ("sonae: %s\n", what);
  return 1;
}

/* Commands that change data hold the folder as its one writer (refused
 * while the window is open); the others read beside it. */
static SonaeStore *
open_store (const char  *data_dir,
            gboolean     for_writing,
            GError     **error)
{
  SonaeStore *store = for_writing ? sonae_store_open (data_dir, error)
                                  : sonae_store_open_for_reading (data_dir, error);

  if (store != NULL && sonae_store_get_notice (store) != NULL)
    g_printerr ("sonae: %s\n", sonae_store_get_notice (store));
  return store;
}

static int
run_demo (const char *data_dir,
          const char *kind_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  SonaeOrgKind kind = SONAE_ORG_CLINIC;

  /* Checked before the folder is opened, which would make it. */
  if (kind_name != NULL &&
      (!sonae_org_kind_from_string (kind_name, &kind) || !sonae_demo_has_kind (kind)))
    {
      g_autofree char *msg = g_strdup_printf (_("There is no demo of the kind “%s”; use --kind clinic or --kind business."), kind_name);
      return fail (msg, NULL);
    }
  store = open_store (data_dir, TRUE, &error);
  if (store == NULL)
    return fail (_("Could not open the data folder"), error);
  if (!sonae_demo_fill_kind (store, kind, &error))
    return fail (_("No demo was made"), error);
  if (kind == SONAE_ORG_BUSINESS)
    g_print (_("A fictional business was added to %s. Start Sonae with --data-dir %s to look around.\n"),
             data_dir, data_dir);
  else
    g_print (_("A fictional clinic was added to %s. Start Sonae with --data-dir %s to look around.\n"),
             data_dir, data_dir);
  return 0;
}

static int
run_list_documents (void)
{
  const char *const *names = sonae_documents_get_names ();

  for (guint i = 0; names[i]; i++)
    g_print ("%-12s %s\n", names[i], sonae_documents_get_title (names[i]));
  return 0;
}

/* Columns on a terminal: a Japanese character takes two. */
static guint
display_width (const char *text)
{
  guint columns = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        columns += g_unichar_iswide (c) ? 2 : 1;
    }
  return columns;
}

/* @text padded with spaces to @width columns, so that the lines align. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  g_string_append (out, text);
  for (guint columns = display_width (text); columns < width; columns++)
    g_string_append_c (out, ' ');
}

static int
run_list_incidents (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
  const SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  /* Translators: marks a drill (an exercise) in the list of incidents */
  const char *drill = _("[drill]");
  guint w_number = 0, w_status = 0, w_level = 0;

  store = open_store (data_dir, FALSE, &error);
  if (store == NULL)
    return fail (_("Could not open the data folder"), error);
  incidents = sonae_incidents_list (store, &all, &error);
  if (incidents == NULL)
    return fail (_("Could not read the incidents"), error);
  if (incidents->len == 0)
    {
      g_printerr ("%s\n", _("No incident has been recorded."));
      return 0;
    }

  for (guint i = 0; i < incidents->len; i++)
    {
      SonaeIncident *inc = g_ptr_array_index (incidents, i);
      char *level = sonae_incident_level_get_title (inc->level);

      g_ptr_array_add (levels, level);
      w_number = MAX (w_number, display_width (inc->number));
      w_status = MAX (w_status, display_width (sonae_incident_status_get_title (inc->status)));
      w_level = MAX (w_level, display_width (level));
    }
  for (guint i = 0; i < incidents->len; i++)
    {
      SonaeIncident *inc = g_ptr_array_index (incidents, i);
      g_autoptr(GString) line = g_string_new (NULL);

      /* number, drill mark, status, level, title */
      append_padded (line, inc->number, w_number + 2);
      append_padded (line, inc->drill ? drill : "", display_width (drill) + 2);
      append_padded (line, sonae_incident_status_get_title (inc->status), w_status + 2);
      append_padded (line, g_ptr_array_index (levels, i), w_level + 2);
      g_string_append (line, inc->title ? inc->title : "");
      g_print ("%s\n", line->str);
    }
  return 0;
}

static int
run_export (const char   *data_dir,
            const char   *name,
            const char   *output,
            const char   *paper_name,
            const char   *incident_ref,
            const char   *year_text,
            const char   *system_ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeBcpSystem) system = NULL;
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT (name);
  SonaePaper paper = SONAE_PAPER_A4;
  gint64 year = 0;

  if (sonae_documents_get_title (name) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) sonae_documents_get_names ());
      g_autofree char *msg = g_strdup_printf (_("There is no document called “%s”. These are: %s"),
                                              name, known);
      return fail (msg, NULL);
    }
  if (incident_ref != NULL && !sonae_documents_takes_incident (name))
    {
      g_autofree char *msg = g_strdup_printf (_("The document “%s” is not about one incident: leave out --incident."), name);
      return fail (msg, NULL);
    }
  if (incident_ref == NULL && sonae_documents_needs_incident (name))
    {
      g_autofree char *msg = g_strdup_printf (_("The document “%s” is about one incident: add --incident NUMBER (--list-incidents shows the numbers)."), name);
      return fail (msg, NULL);
    }
  if (year_text != NULL && !sonae_documents_takes_year (name))
    {
      g_autofree char *msg = g_strdup_printf (_("The document “%s” is not about one year: leave out --year."), name);
      return fail (msg, NULL);
    }
  if (system_ref != NULL && !sonae_documents_takes_system (name))
    {
      g_autofree char *msg = g_strdup_printf (_("The document “%s” is not about one system: leave out --system."), name);
      return fail (msg, NULL);
    }
  if (year_text != NULL &&
      (!g_ascii_string_to_signed (year_text, 10, 1970, 9999, &year, NULL) || strlen (year_text) != 4))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a year: give --year as four digits, e.g. 2026."), year_text);
      return fail (msg, NULL);
    }
  if (output == NULL)
    return fail (_("--export needs --output FILE.pdf"), NULL);
  if (paper_name != NULL && !sonae_paper_from_string (paper_name, &paper))
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown paper size “%s”; use a4 or a3."), paper_name);
      return fail (msg, NULL);
    }

  store = open_store (data_dir, FALSE, &error);
  if (store == NULL)
    return fail (_("Could not open the data folder"), error);
  /* The same request as the window's Print makes, named from the options. */
  request.paper = paper;
  if (incident_ref != NULL)
    {
      incident = sonae_incidents_find (store, incident_ref, &error);
      if (incident == NULL)
        return fail (_("Could not write the document"), error);
      request.subject = SONAE_DOCUMENT_FOR_INCIDENT;
      request.id = incident->id;
    }
  else if (system_ref != NULL)
    {
      system = sonae_bcp_find_system (store, system_ref, &error);
      if (system == NULL)
        return fail (_("Could not write the document"), error);
      request.subject = SONAE_DOCUMENT_FOR_SYSTEM;
      request.id = system->id;
    }
  else if (year != 0)
    {
      request.subject = SONAE_DOCUMENT_FOR_YEAR;
      request.year = (int) year;
    }
  doc = sonae_documents_build_request (store, &request, &error);
  if (doc == NULL || !sonae_document_write_pdf (doc, output, &error))
    return fail (_("Could not write the document"), error);
  g_print (_("Wrote %s to %s\n"), sonae_documents_get_title (name), output);
  return 0;
}

static int
run_import (const char *data_dir,
            const char *file,
            const char *group_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeImport) import = NULL;
  SonaeGroup group = SONAE_GROUP_STAFF;

  if (group_name != NULL && !sonae_group_from_string (group_name, &group))
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown group “%s”; use staff, vendor or authority."), group_name);
      return fail (msg, NULL);
    }

  import = sonae_import_new_from_file (file, group, &error);
  if (import == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("Nothing was imported from %s"), file);
      return fail (what, error);
    }
  store = open_store (data_dir, TRUE, &error);
  if (store == NULL)
    return fail (_("Could not open the data folder"), error);
  if (!sonae_import_apply (import, store, &error))
    {
      g_autofree char *what = g_strdup_printf (_("Nothing was imported from %s"), file);
      return fail (what, error);
    }
  /* Translators: the counts of an import, e.g. “12 added, 3 merged, 1 skipped” */
  g_print (_("%u added, %u merged, %u skipped (%s)\n"),
           sonae_import_count (import, SONAE_IMPORT_ADD),
           sonae_import_count (import, SONAE_IMPORT_MERGE),
           sonae_import_count (import, SONAE_IMPORT_SKIP),
           sonae_import_get_format (import));
  {
    GPtrArray *left_out = sonae_import_get_left_out (import);

    for (guint i = 0; left_out != NULL && i < left_out->len; i++)
      {
        SonaeImportLeftOut *entry = g_ptr_array_index (left_out, i);
        /* Translators: an entry of an imported file that was not imported: its line, and why */
        g_print (_("Line %u: %s\n"), entry->line, entry->reason);
      }
  }
  return 0;
}

static int
run_export_contacts (const char *data_dir,
                     const char *file,
                     gboolean    vcard3)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  SonaeContactsFormat format;

  if (!sonae_contacts_format_from_path (file, &format))
    return fail (_("The file name must end in .vcf (vCard) or .csv (CSV)."), NULL);
  if (vcard3 && format == SONAE_CONTACTS_VCARD4)
    format = SONAE_CONTACTS_VCARD3;

  store = open_store (data_dir, FALSE, &error);
  if (store == NULL)
    return fail (_("Could not open the data folder"), error);
  if (!sonae_export_contacts (store, file, format, &error))
    return fail (_("Could not export the contacts"), error);
  g_print (_("Exported %u contacts to %s\n"), sonae_contacts_count (store), file);
  return 0;
}

static int
run_backup (const char *data_dir,
            const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = open_store (data_dir, FALSE, &error);

  if (store == NULL)
    return fail (_("Could not open the data folder"), error);
  if (!sonae_backup_to_file (store, file, &error))
    return fail (_("The backup failed"), error);
  g_print (_("Backed up to %s\n"), file);
  return 0;
}

static int
run_restore (const char *data_dir,
             const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (!sonae_backup_restore (data_dir, file, &kept, &error))
    return fail (_("The restore failed"), error);
  if (kept != NULL)
    g_print (_("Restored %s; the replaced database was kept as %s\n"), file, kept);
  else
    g_print (_("Restored %s\n"), file);
  return 0;
}

/* ---- reminders ---------------------------------------------------------- */

/* More than this many notifications at once are one too many: the rest are
 * summed up in one more. */
#define MAX_NOTIFICATIONS 5
#define APP_ICON "io.github.sonae.Sonae"

static NotifyUrgency
notify_urgency (SonaeUrgency urgency)
{
  switch (urgency)
    {
    case SONAE_URGENCY_OVERDUE:
      return NOTIFY_URGENCY_CRITICAL;
    case SONAE_URGENCY_SOON:
      return NOTIFY_URGENCY_NORMAL;
    case SONAE_URGENCY_UPCOMING:
    case SONAE_URGENCY_UPKEEP:
    default:
      return NOTIFY_URGENCY_LOW;
    }
}

static gboolean
show_notification (const char     *summary,
                   const char     *body,
                   NotifyUrgency   urgency,
                   GError        **error)
{
  NotifyNotification *n = notify_notification_new (summary, body, APP_ICON);
  gboolean ok;

  notify_notification_set_urgency (n, urgency);
  notify_notification_set_hint_string (n, "desktop-entry", APP_ICON);
  ok = notify_notification_show (n, error);
  g_object_unref (n);
  return ok;
}

/* Each reminder as a desktop notification, most urgent first. FALSE with
 * @error when no notification service answered. */
static gboolean
notify_reminders (GPtrArray  *reminders,
                  GError    **error)
{
  gboolean ok = TRUE;

  if (!notify_init ("Sonae"))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_FAILED,
                           _("The notification library could not start."));
      return FALSE;
    }
  for (guint i = 0; ok && i < reminders->len && i < MAX_NOTIFICATIONS; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      ok = show_notification (r->title, r->detail, notify_urgency (r->urgency), error);
    }
  if (ok && reminders->len > MAX_NOTIFICATIONS)
    {
      guint rest = reminders->len - MAX_NOTIFICATIONS;
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "And %u more reminder",
                                                               "And %u more reminders", rest), rest);

      ok = show_notification (summary, _("Open Sonae to see them all on Home."), NOTIFY_URGENCY_LOW, error);
    }
  notify_uninit ();
  return ok;
}

static int
run_check_reminders (const char *data_dir,
                     gboolean    notify)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = open_store (data_dir, FALSE, &error);
  g_autoptr(GPtrArray) reminders = NULL;
  /* Translators: marks a reminder whose date has passed, at the start of its line */
  const char *overdue = _("[overdue]");
  gboolean any_overdue;

  if (store == NULL)
    return fail (_("Could not open the data folder"), error);
  reminders = sonae_reminders_collect (store, &error);
  if (reminders == NULL)
    return fail (_("Could not work out what is due"), error);
  if (reminders->len == 0)
    {
      g_print ("%s\n", _("Nothing is due."));
      return 0;
    }

  /* Sorted: when anything is overdue, the first one is. */
  any_overdue = ((SonaeReminder *) g_ptr_array_index (reminders, 0))->urgency == SONAE_URGENCY_OVERDUE;
  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);
      g_autoptr(GString) line = g_string_new (NULL);

      if (any_overdue)
        append_padded (line, r->urgency == SONAE_URGENCY_OVERDUE ? overdue : "", display_width (overdue) + 1);
      g_string_append (line, r->title);
      g_print ("%s\n", line->str);
    }

  if (notify && !notify_reminders (reminders, &error))
    /* Without a notification service the printed list is what there is:
     * still a success. */
    g_printerr (_("sonae: the notifications could not be shown (%s); the reminders are printed above.\n"),
                error->message);
  return 0;
}

int
sonae_cli_handle (GVariantDict  *options,
                  char         **out_data_dir)
{
  g_autofree char *data_dir = lookup_path (options, "data-dir");
  g_autofree char *export_name = lookup_string (options, "export");
  g_autofree char *output = lookup_path (options, "output");
  g_autofree char *paper = lookup_string (options, "paper");
  g_autofree char *import_file = lookup_path (options, "import-contacts");
  g_autofree char *group = lookup_string (options, "group");
  g_autofree char *export_contacts = lookup_path (options, "export-contacts");
  g_autofree char *backup = lookup_path (options, "backup");
  g_autofree char *restore = lookup_path (options, "restore");
  g_autofree char *incident = lookup_string (options, "incident");
  g_autofree char *year = lookup_string (options, "year");
  g_autofree char *system = lookup_string (options, "system");
  g_autofree char *kind = lookup_string (options, "kind");

  g_return_val_if_fail (options != NULL, 1);

  if (data_dir == NULL)
    data_dir = sonae_store_default_dir ();
  if (out_data_dir != NULL)
    *out_data_dir = g_strdup (data_dir);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("sonae %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "list-documents"))
    return run_list_documents ();
  if (g_variant_dict_contains (options, "demo"))
    return run_demo (data_dir, kind);
  if (g_variant_dict_contains (options, "list-incidents"))
    return run_list_incidents (data_dir);
  if (export_name != NULL)
    return run_export (data_dir, export_name, output, paper, incident, year, system);
  if (import_file != NULL)
    return run_import (data_dir, import_file, group);
  if (export_contacts != NULL)
    return run_export_contacts (data_dir, export_contacts, g_variant_dict_contains (options, "vcard3"));
  if (backup != NULL)
    return run_backup (data_dir, backup);
  if (restore != NULL)
    return run_restore (data_dir, restore);
  if (g_variant_dict_contains (options, "check-reminders"))
    return run_check_reminders (data_dir, g_variant_dict_contains (options, "notify"));

  if (output != NULL || paper != NULL)
    return fail (_("--output and --paper go with --export DOC"), NULL);
  if (group != NULL)
    return fail (_("--group goes with --import-contacts FILE"), NULL);
  if (incident != NULL)
    return fail (_("--incident goes with --export DOC"), NULL);
  if (year != NULL)
    return fail (_("--year goes with --export register"), NULL);
  if (system != NULL)
    return fail (_("--system goes with --export outage-card"), NULL);
  if (g_variant_dict_contains (options, "notify"))
    return fail (_("--notify goes with --check-reminders"), NULL);
  if (kind != NULL)
    return fail (_("--kind goes with --demo"), NULL);

  return -1;
}
