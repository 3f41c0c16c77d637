/* sonae-report-form.c: the incident report (seed 004) and the PPC draft.
 *
 * The fields are a table; the user's values are rows of report_fields, one
 * a field set; the proposals are computed from the incident each time the
 * report is read, so they follow the incident and are never stored twice. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-report-form.h"
#include "sonae-capa.h"
#include "sonae-checklist.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-incidents-private.h"
#include "sonae-incidents.h"
#include "sonae-input.h"
#include "sonae-ppc.h"
#include "sonae-store-private.h"

/* --- the field table ----------------------------------------------------- */

typedef struct {
  const char *key;
  const char *context;  /* of the title, NULL for none */
  const char *title;
} Option;

struct _SonaeReportField {
  const char *key;
  SonaeReportFieldKind kind;
  SonaeReportSection section;
  const char *title;
  const char *hint;
  const Option *options;
  guint n_options;
  gboolean sign_off;    /* recorded in the timeline too */
};

static const Option impact_options[] = {
  { "severe", "business impact", NC_("business impact", "Severe") },
  { "major", "business impact", NC_("business impact", "Major") },
  { "moderate", "business impact", NC_("business impact", "Moderate") },
  { "minor", "business impact", NC_("business impact", "Minor or none") },
};

static const Option handling_options[] = {
  { "none", "handling", NC_("handling", "No operation") },
  { "continued", "handling", NC_("handling", "Continued") },
  { "rerun", "handling", NC_("handling", "Run again") },
  { "stopped", "handling", NC_("handling", "Stopped and held") },
};

static const Option category_options[] = {
  { "system-down", NULL, N_("System down") },
  { "service-stopped", NULL, N_("Service stopped") },
  { "slowdown", NULL, N_("Slowdown") },
  { "wrong-output", NULL, N_("Wrong file or output") },
  { "malware", NULL, N_("Virus detected") },
  { "error", NULL, N_("Abnormal behaviour or error") },
  { "network-failure", NULL, N_("Network failure") },
  { "equipment-failure", NULL, N_("Equipment failure") },
  { "lost-device", NULL, N_("Lost device or media") },
  { "suspicious-person", NULL, N_("Suspicious person") },
  { "other", NULL, N_("Other security problem") },
};

static const Option evidence_options[] = {
  { "business-log", NULL, N_("Business log") },
  { "package-log", NULL, N_("Application package log") },
  { "os-log", NULL, N_("Operating system log") },
  { "network-log", NULL, N_("Network log") },
  { "monitoring-log", NULL, N_("Monitoring log") },
  { "status-display", NULL, N_("Status display") },
  { "screenshot", NULL, N_("Screenshot or photo of the screen") },
  { "message", NULL, N_("Messages") },
  { "input-data", NULL, N_("Input data") },
  { "output-data", NULL, N_("Output data") },
  { "printout", NULL, N_("Printouts") },
  { "other", NULL, N_("Other material") },
};

/* Seed 003, 別紙3: the causes, in four groups (cause_groups below). */
static const Option cause_options[] = {
  { "suspicious-mail", NULL, N_("Suspicious e-mail") },
  { "spoofing", NULL, N_("Spoofed identity or stolen ID") },
  { "dos", NULL, N_("Denial-of-service attack") },
  { "unlawful-acquisition", NULL, N_("Unlawful acquisition of information") },
  { "insider", NULL, N_("Wrongdoing by an insider") },
  { "operations-not-done", NULL, N_("Required operations deliberately not done") },
  { "user-mistake", NULL, N_("A user's mistake") },
  { "mismanagement", NULL, N_("Mismanagement") },
  { "suspicious-file", NULL, N_("Running a suspicious file") },
  { "suspicious-site", NULL, N_("Browsing a suspicious website") },
  { "contractor", NULL, N_("Mismanagement by a contractor") },
  { "equipment-failure", NULL, N_("Equipment failure") },
  { "spill-over", NULL, N_("Spill-over from another sector") },
  { "disaster", NULL, N_("Natural disaster") },
  { "illness", NULL, N_("Illness (e.g. an epidemic)") },
  { "vulnerability", NULL, N_("Vulnerability") },
  { "unknown", NULL, N_("Unknown") },
};

static const struct {
  const char *first_key;   /* the group runs from this key to the next group's */
  const char *title;
} cause_groups[] = {
  { "suspicious-mail", N_("Intentional") },
  { "user-mistake", N_("Accidental") },
  { "disaster", N_("Environmental") },
  { "vulnerability", N_("Other") },
};

static const Option preventive_options[] = {
  { "not-needed", "preventive action", NC_("preventive action", "Not needed") },
  { "needed", "preventive action", NC_("preventive action", "Needed") },
};

#define OPTIONS(a) a, G_N_ELEMENTS (a)

static const SonaeReportField fields[] = {
  { SONAE_REPORT_NUMBER, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_HEADER,
    N_("Report number"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_WRITTEN_ON, SONAE_REPORT_DATE, SONAE_REPORT_SECTION_HEADER,
    N_("Date written"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_PLACE, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_OCCURRENCE,
    N_("Place"), N_("Department and device number, e.g. reception, PC no. 3."), NULL, 0, FALSE },
  { SONAE_REPORT_SYSTEM, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_OCCURRENCE,
    N_("System"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_OCCURRED_AT, SONAE_REPORT_DATETIME, SONAE_REPORT_SECTION_OCCURRENCE,
    N_("Date and time of occurrence"), N_("As exact as possible, e.g. 2026-01-10 14:00."), NULL, 0, FALSE },
  { SONAE_REPORT_DEPARTMENT, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_OCCURRENCE,
    N_("Department that found it"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_NAME, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_OCCURRENCE,
    N_("Name of the person who found it"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_PHENOMENON, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_OCCURRENCE,
    N_("What happened"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_IMPACT, SONAE_REPORT_CHOICE, SONAE_REPORT_SECTION_IMPACT,
    N_("Business impact"), NULL, OPTIONS (impact_options), FALSE },
  { SONAE_REPORT_STOP_TIME, SONAE_REPORT_DURATION, SONAE_REPORT_SECTION_IMPACT,
    N_("Business stopped for"), N_("Hours and minutes."), NULL, 0, FALSE },
  { SONAE_REPORT_HANDLING, SONAE_REPORT_CHOICE, SONAE_REPORT_SECTION_IMPACT,
    N_("Handling of the work"), NULL, OPTIONS (handling_options), FALSE },
  { SONAE_REPORT_CATEGORY, SONAE_REPORT_MULTI, SONAE_REPORT_SECTION_IMPACT,
    N_("Category"), NULL, OPTIONS (category_options), FALSE },
  { SONAE_REPORT_CATEGORY_OTHER, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_IMPACT,
    N_("Other category"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_DETAIL, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_DETAIL,
    N_("Detailed report"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_BEFORE, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_DETAIL,
    N_("What happened before"),
    N_("Operations, changes to the environment or the situation, anything unusual."), NULL, 0, FALSE },
  { SONAE_REPORT_EVIDENCE, SONAE_REPORT_MULTI, SONAE_REPORT_SECTION_DETAIL,
    N_("Evidence kept"), NULL, OPTIONS (evidence_options), FALSE },
  { SONAE_REPORT_EVIDENCE_OTHER, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_DETAIL,
    N_("Other evidence, and where it is kept"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_FIRST_AID, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_FIRST_AID,
    N_("First aid"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_FIRST_AID_RESULT, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_FIRST_AID,
    N_("Result of the first aid"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_FIRST_AID_BY, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_FIRST_AID,
    N_("Done by (担当)"), NULL, NULL, 0, TRUE },
  { SONAE_REPORT_FIRST_AID_BY_ON, SONAE_REPORT_DATE, SONAE_REPORT_SECTION_FIRST_AID,
    N_("Done on"), NULL, NULL, 0, TRUE },
  { SONAE_REPORT_FIRST_AID_APPROVED_BY, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_FIRST_AID,
    N_("Approved by (承認)"), NULL, NULL, 0, TRUE },
  { SONAE_REPORT_FIRST_AID_APPROVED_ON, SONAE_REPORT_DATE, SONAE_REPORT_SECTION_FIRST_AID,
    N_("Approved on"), NULL, NULL, 0, TRUE },
  { SONAE_REPORT_CAUSE, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_CAUSE,
    N_("Cause"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_CAUSE_TYPE, SONAE_REPORT_CHOICE, SONAE_REPORT_SECTION_CAUSE,
    N_("Type of cause"), NULL, OPTIONS (cause_options), FALSE },
  { SONAE_REPORT_PREVENTIVE_NEEDED, SONAE_REPORT_CHOICE, SONAE_REPORT_SECTION_PREVENTION,
    N_("Preventive action"), NULL, OPTIONS (preventive_options), FALSE },
  { SONAE_REPORT_PPC_DATA_ITEMS, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_PPC,
    N_("Personal data concerned"), N_("Which items, e.g. names, addresses, medical records, insurance numbers."), NULL, 0, FALSE },
  { SONAE_REPORT_PPC_PERSONS, SONAE_REPORT_LINE, SONAE_REPORT_SECTION_PPC,
    N_("Number of persons"), N_("As far as known, e.g. “about 1,200 patients”."), NULL, 0, FALSE },
  { SONAE_REPORT_PPC_SECONDARY, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_PPC,
    N_("Secondary damage"), N_("Damage that followed or may follow, and its risk."), NULL, 0, FALSE },
  { SONAE_REPORT_PPC_RESPONSE, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_PPC,
    N_("Response to the persons concerned"), NULL, NULL, 0, FALSE },
  { SONAE_REPORT_PPC_PUBLICATION, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_PPC,
    N_("Publication"), N_("Whether and how the incident was made public."), NULL, 0, FALSE },
  { SONAE_REPORT_PPC_OTHER, SONAE_REPORT_TEXT, SONAE_REPORT_SECTION_PPC,
    N_("Other"), NULL, NULL, 0, FALSE },
};

const char *
sonae_report_section_get_title (SonaeReportSection section)
{
  switch (section)
    {
    case SONAE_REPORT_SECTION_HEADER:
      return _("Report");
    case SONAE_REPORT_SECTION_OCCURRENCE:
      return _("Occurrence");
    case SONAE_REPORT_SECTION_IMPACT:
      return _("Impact on the business");
    case SONAE_REPORT_SECTION_DETAIL:
      return _("Details and evidence");
    case SONAE_REPORT_SECTION_FIRST_AID:
      return _("First aid and its result");
    case SONAE_REPORT_SECTION_CAUSE:
      return _("Cause");
    case SONAE_REPORT_SECTION_PREVENTION:
      return _("Prevention");
    case SONAE_REPORT_SECTION_PPC:
      /* Translators: the items of a leak report to the Personal Information Protection Commission */
      return _("Report to the PPC");
    case SONAE_N_REPORT_SECTIONS:
    default:
      g_return_val_if_reached ("");
    }
}

guint
sonae_report_n_fields (void)
{
  return G_N_ELEMENTS (fields);
}

const SonaeReportField *
sonae_report_get_field (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (fields), NULL);
  return &fields[i];
}

const SonaeReportField *
sonae_report_find_field (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].key, key) == 0)
      return &fields[i];
  return NULL;
}

const char *
sonae_report_field_get_key (const SonaeReportField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->key;
}

SonaeReportFieldKind
sonae_report_field_get_kind (const SonaeReportField *field)
{
  g_return_val_if_fail (field != NULL, SONAE_REPORT_LINE);
  return field->kind;
}

SonaeReportSection
sonae_report_field_get_section (const SonaeReportField *field)
{
  g_return_val_if_fail (field != NULL, SONAE_REPORT_SECTION_HEADER);
  return field->section;
}

const char *
sonae_report_field_get_title (const SonaeReportField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return _(field->title);
}

const char *
sonae_report_field_get_hint (const SonaeReportField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->hint != NULL ? _(field->hint) : NULL;
}

guint
sonae_report_field_get_n_options (const SonaeReportField *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->n_options;
}

const char *
sonae_report_field_get_option_key (const SonaeReportField *field,
                                   guint                   i)
{
  g_return_val_if_fail (field != NULL && i < field->n_options, NULL);
  return field->options[i].key;
}

static const char *
option_title (const Option *option)
{
  if (option->context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, option->context, option->title);
  return _(option->title);
}

const char *
sonae_report_field_get_option_title (const SonaeReportField *field,
                                     guint                   i)
{
  g_return_val_if_fail (field != NULL && i < field->n_options, NULL);
  return option_title (&field->options[i]);
}

static int
find_option (const SonaeReportField *field,
             const char             *key)
{
  for (guint i = 0; key != NULL && i < field->n_options; i++)
    if (strcmp (field->options[i].key, key) == 0)
      return (int) i;
  return -1;
}

const char *
sonae_report_field_find_option_title (const SonaeReportField *field,
                                      const char             *key)
{
  int i;

  g_return_val_if_fail (field != NULL, NULL);
  i = find_option (field, key);
  return i < 0 ? NULL : option_title (&field->options[i]);
}

const char *
sonae_report_cause_get_group_title (const char *cause_key)
{
  const SonaeReportField *field = sonae_report_find_field (SONAE_REPORT_CAUSE_TYPE);
  int index = find_option (field, cause_key);
  const char *title = NULL;

  if (index < 0)
    return NULL;
  for (guint g = 0; g < G_N_ELEMENTS (cause_groups); g++)
    if (find_option (field, cause_groups[g].first_key) <= index)
      title = _(cause_groups[g].title);
  return title;
}

const char *
sonae_report_event_get_phrase (SonaeEventType event)
{
  /* Seed 003's event types (別紙3), each whole without the list around
   * it: a report or a draft shows one of them alone. */
  switch (event)
    {
    case SONAE_EVENT_SIGN:
      /* Translators: an event category standing alone on a report */
      return _("A sign of an attack or a near miss, with no damage yet");
    case SONAE_EVENT_LEAK:
      return _("Information leaked (confidentiality)");
    case SONAE_EVENT_TAMPERING:
      return _("Information destroyed or tampered with (integrity)");
    case SONAE_EVENT_UNAVAILABLE:
      return _("Systems or services could not be used (availability)");
    case SONAE_EVENT_MALWARE:
      return _("A malware infection, which may lead to damage");
    case SONAE_EVENT_MALICIOUS_CODE:
      return _("Malicious code was run, which may lead to damage");
    case SONAE_EVENT_INTRUSION:
      return _("An intrusion into a system, which may lead to damage");
    case SONAE_EVENT_OTHER:
      return _("Another kind of event");
    case SONAE_N_EVENT_TYPES:
    default:
      g_return_val_if_reached ("");
    }
}

/* --- the report ---------------------------------------------------------- */

void
sonae_report_free (SonaeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->values, g_hash_table_unref);
  g_clear_pointer (&report->proposed, g_hash_table_unref);
  g_free (report->updated_at);
  g_free (report->updated_by);
  g_free (report);
}

const char *
sonae_report_get (const SonaeReport *report,
                  const char        *key)
{
  const char *value;

  g_return_val_if_fail (report != NULL, NULL);

  if (g_hash_table_lookup_extended (report->values, key, NULL, (gpointer *) &value))
    return value != NULL && *value != '\0' ? value : NULL;
  value = g_hash_table_lookup (report->proposed, key);
  return value != NULL && *value != '\0' ? value : NULL;
}

gboolean
sonae_report_is_proposed (const SonaeReport *report,
                          const char        *key)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return !g_hash_table_contains (report->values, key) &&
         g_hash_table_lookup (report->proposed, key) != NULL;
}

void
sonae_report_get_5w1h (const SonaeReport *report,
                       SonaeReport5w1h    out[SONAE_REPORT_N_5W1H])
{
  g_return_if_fail (report != NULL);

  /* Translators: the 5W1H hearing of an incident report */
  out[0].label = C_("5W1H", "When");
  out[0].value = sonae_report_get (report, SONAE_REPORT_OCCURRED_AT);
  out[1].label = C_("5W1H", "Where");
  out[1].value = sonae_report_get (report, SONAE_REPORT_PLACE);
  out[2].label = C_("5W1H", "Who");
  out[2].value = sonae_report_get (report, SONAE_REPORT_NAME);
  out[3].label = C_("5W1H", "What happened");
  out[3].value = sonae_report_get (report, SONAE_REPORT_PHENOMENON);
  out[4].label = C_("5W1H", "What was done on the device");
  out[4].value = sonae_report_get (report, SONAE_REPORT_BEFORE);
  out[5].label = C_("5W1H", "Why");
  out[5].value = sonae_report_get (report, SONAE_REPORT_CAUSE);
}

/* --- proposals from the incident ----------------------------------------- */

/* The checklist field @step_id/@field_id of the bundled medical checklist
 * (the only checklist with fields), or NULL. */
static const SonaeChecklistField *
medical_field (SonaeChecklist *checklist,
               const char     *step_id,
               const char     *field_id)
{
  return checklist != NULL ? sonae_checklist_get_field (checklist, step_id, field_id) : NULL;
}

static const char *
raw_field (const SonaeIncident *incident,
           const char          *step_id,
           const char          *field_id)
{
  g_autofree char *key = g_strconcat (step_id, "/", field_id, NULL);
  const char *value = g_hash_table_lookup (incident->fields, key);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* The field's value as a person reads it (option labels), or NULL. */
static char *
field_text (SonaeChecklist      *checklist,
            const SonaeIncident *incident,
            const char          *step_id,
            const char          *field_id)
{
  const SonaeChecklistField *field = medical_field (checklist, step_id, field_id);
  const char *value = raw_field (incident, step_id, field_id);

  if (field == NULL || value == NULL)
    return NULL;
  return sonae_checklist_field_format (field, value);
}

/* Append “Label: text” as a line when there is text. */
static void
append_labelled (GString             *out,
                 SonaeChecklist      *checklist,
                 const SonaeIncident *incident,
                 const char          *step_id,
                 const char          *field_id)
{
  const SonaeChecklistField *field = medical_field (checklist, step_id, field_id);
  g_autofree char *text = field_text (checklist, incident, step_id, field_id);

  if (field == NULL || text == NULL || *text == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  /* Translators: a checklist field's label and what was written in it */
  g_string_append_printf (out, _("%s: %s"), field->label, text);
}

static void
propose (GHashTable *proposed,
         const char *key,
         char       *value)   /* consumed */
{
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  g_hash_table_insert (proposed, (gpointer) key, value);
}

static char *
string_or_null (GString *out)
{
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Add @key to a set of option keys kept in @field's order. */
static void
add_option (gboolean   *chosen,
            const char *field_key,
            const char *option_key)
{
  int i = find_option (sonae_report_find_field (field_key), option_key);

  if (i >= 0)
    chosen[i] = TRUE;
}

static char *
join_options (const char     *field_key,
              const gboolean *chosen)
{
  const SonaeReportField *field = sonae_report_find_field (field_key);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < field->n_options; i++)
    if (chosen[i])
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, field->options[i].key);
      }
  return string_or_null (out);
}

static gboolean
multi_has (const char *value,
           const char *key)
{
  g_auto(GStrv) keys = NULL;

  if (value == NULL)
    return FALSE;
  keys = g_strsplit (value, ",", -1);
  return g_strv_contains ((const char *const *) keys, key);
}

static char *
propose_category (const SonaeIncident *incident)
{
  gboolean chosen[G_N_ELEMENTS (category_options)] = { FALSE };
  const char *event_case = raw_field (incident, "1-1", "event-case");

  if (g_strcmp0 (event_case, "ransomware") == 0)
    {
      add_option (chosen, SONAE_REPORT_CATEGORY, "malware");
      add_option (chosen, SONAE_REPORT_CATEGORY, "system-down");
    }
  else if (g_strcmp0 (event_case, "account-locked") == 0)
    add_option (chosen, SONAE_REPORT_CATEGORY, "error");
  else if (g_strcmp0 (event_case, "missent-or-lost") == 0)
    add_option (chosen, SONAE_REPORT_CATEGORY, "lost-device");
  else if (g_strcmp0 (event_case, "system-down") == 0)
    add_option (chosen, SONAE_REPORT_CATEGORY, "system-down");
  else if (g_strcmp0 (event_case, "suspicious-mail") == 0 ||
           g_strcmp0 (event_case, "data-changed") == 0)
    add_option (chosen, SONAE_REPORT_CATEGORY, "other");
  else if (incident->type == SONAE_INCIDENT_MALWARE)
    add_option (chosen, SONAE_REPORT_CATEGORY, "malware");
  else if (incident->type == SONAE_INCIDENT_TAMPER)
    add_option (chosen, SONAE_REPORT_CATEGORY, "service-stopped");
  return join_options (SONAE_REPORT_CATEGORY, chosen);
}

static char *
propose_evidence (const SonaeIncident *incident)
{
  gboolean chosen[G_N_ELEMENTS (evidence_options)] = { FALSE };
  const char *kept = raw_field (incident, "1-4", "evidence");
  const char *logs = raw_field (incident, "2-14", "logs-kept");

  if (multi_has (kept, "photo"))
    add_option (chosen, SONAE_REPORT_EVIDENCE, "screenshot");
  if (multi_has (logs, "vpn") || multi_has (logs, "firewall"))
    add_option (chosen, SONAE_REPORT_EVIDENCE, "network-log");
  if (multi_has (logs, "pc"))
    add_option (chosen, SONAE_REPORT_EVIDENCE, "os-log");
  if (multi_has (logs, "security-software"))
    add_option (chosen, SONAE_REPORT_EVIDENCE, "monitoring-log");
  if (multi_has (logs, "other"))
    add_option (chosen, SONAE_REPORT_EVIDENCE, "other");
  return join_options (SONAE_REPORT_EVIDENCE, chosen);
}

static char *
propose_phenomenon (SonaeChecklist      *checklist,
                    const SonaeIncident *incident)
{
  GString *out = g_string_new (incident->title);
  const char *event_case = raw_field (incident, "1-1", "event-case");
  const char *description = raw_field (incident, "1-1", "event-description");

  if (event_case != NULL && strcmp (event_case, "other") != 0)
    {
      g_autofree char *text = field_text (checklist, incident, "1-1", "event-case");

      if (text != NULL && *text != '\0')
        g_string_append_printf (out, "\n%s", text);
    }
  if (description != NULL)
    g_string_append_printf (out, "\n%s", description);
  return string_or_null (out);
}

/* Step @step_id's doer and day, when it is done. */
static gboolean
step_done_by (const SonaeIncident  *incident,
              const char           *step_id,
              char                **out_by,
              char                **out_on)
{
  const SonaeStepState *state = sonae_incident_get_step_state (incident, step_id);

  if (state == NULL || !state->done || state->done_by == NULL)
    return FALSE;
  *out_by = g_strdup (state->done_by);
  *out_on = state->done_at != NULL ? g_strndup (state->done_at, 10) : NULL;
  return TRUE;
}

static const char *
impact_for_level (int level)
{
  switch (level)
    {
    case 3:
      return "severe";
    case 2:
      return "major";
    case 1:
      return "moderate";
    default:
      return "minor";
    }
}

static void
compute_proposals (SonaeStore          *store,
                   const SonaeIncident *incident,
                   GHashTable          *proposed)
{
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (NULL);
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(SonaePpcAssessment) ppc = NULL;
  GString *out;
  char *by = NULL;
  char *on = NULL;

  propose (proposed, SONAE_REPORT_NUMBER, g_strdup (incident->number));
  propose (proposed, SONAE_REPORT_WRITTEN_ON, sonae_clock_today ());
  propose (proposed, SONAE_REPORT_PLACE, g_strdup (incident->location));
  propose (proposed, SONAE_REPORT_SYSTEM, g_strdup (incident->system));
  propose (proposed, SONAE_REPORT_OCCURRED_AT, g_strdup (incident->detected_at));
  propose (proposed, SONAE_REPORT_NAME, g_strdup (incident->found_by));
  propose (proposed, SONAE_REPORT_PHENOMENON, propose_phenomenon (checklist, incident));
  propose (proposed, SONAE_REPORT_IMPACT, g_strdup (impact_for_level (incident->level)));
  propose (proposed, SONAE_REPORT_CATEGORY, propose_category (incident));

  out = g_string_new (NULL);
  append_labelled (out, checklist, incident, "2-10", "fault-where");
  append_labelled (out, checklist, incident, "2-10", "care-impact");
  append_labelled (out, checklist, incident, "2-10", "leak-possible");
  append_labelled (out, checklist, incident, "2-10", "could-spread");
  append_labelled (out, checklist, incident, "2-3", "findings");
  append_labelled (out, checklist, incident, "2-4", "findings");
  append_labelled (out, checklist, incident, "1-4", "others-asked");
  propose (proposed, SONAE_REPORT_DETAIL, string_or_null (out));

  propose (proposed, SONAE_REPORT_BEFORE, g_strdup (raw_field (incident, "1-4", "what-operation")));
  propose (proposed, SONAE_REPORT_EVIDENCE, propose_evidence (incident));
  propose (proposed, SONAE_REPORT_EVIDENCE_OTHER, g_strdup (raw_field (incident, "2-14", "log-notes")));

  out = g_string_new (NULL);
  append_labelled (out, checklist, incident, "1-4", "isolated");
  append_labelled (out, checklist, incident, "2-6", "measures");
  append_labelled (out, checklist, incident, "3-3", "recovery-actions");
  propose (proposed, SONAE_REPORT_FIRST_AID, string_or_null (out));
  propose (proposed, SONAE_REPORT_FIRST_AID_RESULT, g_strdup (raw_field (incident, "3-4", "confirmed")));
  if (step_done_by (incident, "3-3", &by, &on) ||
      step_done_by (incident, "2-6", &by, &on) ||
      step_done_by (incident, "1-4", &by, &on))
    {
      propose (proposed, SONAE_REPORT_FIRST_AID_BY, by);
      propose (proposed, SONAE_REPORT_FIRST_AID_BY_ON, on);
    }

  out = g_string_new (NULL);
  append_labelled (out, checklist, incident, "2-1", "entry-route");
  {
    const char *notes = raw_field (incident, "2-1", "entry-notes");

    if (notes != NULL)
      g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", notes);
  }
  propose (proposed, SONAE_REPORT_CAUSE, string_or_null (out));

  actions = sonae_capa_list (store, incident->id, NULL);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      SonaeCapa *action = g_ptr_array_index (actions, i);

      if (action->kind == SONAE_CAPA_PREVENTIVE && action->status != SONAE_CAPA_DROPPED)
        {
          propose (proposed, SONAE_REPORT_PREVENTIVE_NEEDED, g_strdup ("needed"));
          break;
        }
    }

  ppc = sonae_ppc_get (store, incident->id, NULL);
  if (ppc != NULL && ppc->persons_notified_on != NULL)
    /* Translators: proposed for the PPC report's “response to the persons” */
    propose (proposed, SONAE_REPORT_PPC_RESPONSE,
             g_strdup_printf (_("The persons concerned were notified on %s."), ppc->persons_notified_on));
}

SonaeReport *
sonae_report_new_blank (void)
{
  SonaeReport *report = g_new0 (SonaeReport, 1);

  report->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  report->proposed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  return report;
}

/* The report of @incident, read once by the caller. */
static SonaeReport *
read_report (SonaeStore          *self,
             const SonaeIncident *incident,
             GError             **error)
{
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 incident_id = incident->id;
  int rc;

  report = sonae_report_new_blank ();
  report->incident_id = incident_id;

  stmt = sonae_store_prepare (self,
                              "SELECT key, value, updated_at, updated_by FROM report_fields "
                              "WHERE incident_id = ?1 ORDER BY updated_at",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const SonaeReportField *field = sonae_report_find_field ((const char *) sqlite3_column_text (stmt, 0));

      /* A key a later version added is kept in the file, not shown. */
      if (field == NULL)
        continue;
      g_hash_table_insert (report->values, (gpointer) field->key, sonae_column_dup (stmt, 1));
      if (!g_hash_table_lookup (report->values, field->key))
        g_hash_table_insert (report->values, (gpointer) field->key, g_strdup (""));
      g_free (report->updated_at);
      report->updated_at = sonae_column_dup (stmt, 2);
      g_free (report->updated_by);
      report->updated_by = sonae_column_dup (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the incident report"));
      return NULL;
    }

  compute_proposals (self, incident, report->proposed);
  return g_steal_pointer (&report);
}

SonaeReport *
sonae_report_load (SonaeStore *self,
                   gint64      incident_id,
                   GError    **error)
{
  g_autoptr(SonaeIncident) incident = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  incident = sonae_incidents_get (self, incident_id, error);
  if (incident == NULL)
    return NULL;
  return read_report (self, incident, error);
}

/* --- setting a field ----------------------------------------------------- */

static gboolean
invalid (GError                 **error,
         const SonaeReportField  *field,
         const char              *what)
{
  /* Translators: “<field title>: <what is wrong>” */
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("%s: %s"), _(field->title), what);
  return FALSE;
}

static gboolean
normalize_duration (const char  *text,
                    char       **out_value)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 hours = 0;
  guint64 minutes = 0;

  if (g_strv_length (parts) > 2 ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 9999, &hours, NULL) ||
      (parts[1] != NULL &&
       !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 0, 59, &minutes, NULL)))
    return FALSE;
  *out_value = g_strdup_printf ("%u:%02u", (guint) hours, (guint) minutes);
  return TRUE;
}

/* Check @value against @field's kind; the stored form in @out_value. */
static gboolean
normalize_value (const SonaeReportField  *field,
                 const char              *value,
                 char                   **out_value,
                 GError                 **error)
{
  g_autofree char *stripped = NULL;

  *out_value = NULL;
  if (!sonae_input_check_text (value, error))
    {
      /* Translators: a field's name before what is wrong with it */
      g_prefix_error (error, C_("error prefix", "%s: "), _(field->title));
      return FALSE;
    }
  if (field->kind == SONAE_REPORT_TEXT)
    {
      *out_value = sonae_input_is_blank (value) ? g_strdup ("") : g_strdup (value);
      return TRUE;
    }
  stripped = g_strstrip (g_strdup (value));
  if (*stripped == '\0')
    {
      *out_value = g_steal_pointer (&stripped);
      return TRUE;
    }

  switch (field->kind)
    {
    case SONAE_REPORT_LINE:
      if (strpbrk (stripped, "\r\n") != NULL)
        return invalid (error, field, _("Write it on one line."));
      break;

    case SONAE_REPORT_DATE:
      {
        g_autofree char *today = sonae_clock_today ();
        g_autoptr(GError) date_error = NULL;

        if (!sonae_date_check (stripped, &date_error))
          return invalid (error, field, date_error->message);
        if (strcmp (stripped, today) > 0)
          return invalid (error, field, _("The date is in the future."));
      }
      break;

    case SONAE_REPORT_DATETIME:
      {
        g_autoptr(GError) time_error = NULL;
        char *parsed = sonae_datetime_parse (stripped, &time_error);

        if (parsed == NULL)
          return invalid (error, field, time_error->message);
        g_free (stripped);
        stripped = parsed;
      }
      break;

    case SONAE_REPORT_CHOICE:
      if (find_option (field, stripped) < 0)
        return invalid (error, field, _("That answer is not one of the choices."));
      break;

    case SONAE_REPORT_MULTI:
      {
        g_autofree gboolean *chosen = g_new0 (gboolean, field->n_options);
        g_auto(GStrv) keys = g_strsplit (stripped, ",", -1);
        GString *out = g_string_new (NULL);

        for (guint i = 0; keys[i] != NULL; i++)
          {
            int index;

            g_strstrip (keys[i]);
            if (keys[i][0] == '\0')
              continue;
            index = find_option (field, keys[i]);
            if (index < 0)
              {
                g_string_free (out, TRUE);
                return invalid (error, field, _("That answer is not one of the choices."));
              }
            chosen[index] = TRUE;
          }
        for (guint i = 0; i < field->n_options; i++)
          if (chosen[i])
            g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", field->options[i].key);
        g_free (stripped);
        stripped = g_string_free (out, FALSE);
      }
      break;

    case SONAE_REPORT_DURATION:
      {
        char *duration = NULL;

        if (!normalize_duration (stripped, &duration))
          return invalid (error, field, _("Enter hours and minutes, e.g. 2:30."));
        g_free (stripped);
        stripped = duration;
      }
      break;

    case SONAE_REPORT_TEXT:
    default:
      break;
    }
  *out_value = g_steal_pointer (&stripped);
  return TRUE;
}

static gboolean
stored_value (SonaeStore  *self,
              gint64       incident_id,
              const char  *key,
              gboolean    *out_stored,
              char       **out_value,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_stored = FALSE;
  *out_value = NULL;
  stmt = sonae_store_prepare (self, "SELECT value FROM report_fields WHERE incident_id = ?1 AND key = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_stored = TRUE;
      *out_value = sonae_column_dup (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the incident report"));
  return TRUE;
}

gboolean
sonae_report_save_field (SonaeStore *self,
                         gint64      incident_id,
                         const char *key,
                         const char *value,
                         const char *author,
                         GError    **error)
{
  const SonaeReportField *field;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = sonae_input_now_string ();
  gboolean stored;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  field = sonae_report_find_field (key);
  if (field == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The incident report has no such field."));
      return FALSE;
    }
  if (!sonae_input_check_author (author, error))
    return FALSE;
  if (value != NULL && !normalize_value (field, value, &normalized, error))
    return FALSE;

  if (!sonae_incidents_check_exists (self, incident_id, error))
    return FALSE;
  if (!stored_value (self, incident_id, field->key, &stored, &old, error))
    return FALSE;
  if (normalized == NULL ? !stored : (stored && g_strcmp0 (old ? old : "", normalized) == 0))
    return TRUE;   /* nothing changes */

  if (!sonae_store_begin (self, error))
    return FALSE;
  if (normalized == NULL)
    stmt = sonae_store_prepare (self, "DELETE FROM report_fields WHERE incident_id = ?1 AND key = ?2", error);
  else
    stmt = sonae_store_prepare (self,
                                "INSERT INTO report_fields (incident_id, key, value, updated_at, updated_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (incident_id, key) DO UPDATE SET "
                                "value = excluded.value, updated_at = excluded.updated_at, "
                                "updated_by = excluded.updated_by",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_text (stmt, 2, field->key, -1, SQLITE_STATIC);
  if (normalized != NULL)
    {
      sqlite3_bind_text (stmt, 3, normalized, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, author, -1, SQLITE_STATIC);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the incident report"));
      goto fail;
    }

  if (field->sign_off)
    {
      g_autofree char *text = NULL;

      if (normalized != NULL && *normalized != '\0')
        /* Translators: “Incident report: Approved by (承認) set to 高橋 誠” */
        text = g_strdup_printf (_("Incident report: %s set to %s"), _(field->title), normalized);
      else
        /* Translators: “Incident report: Approved by (承認) cleared” */
        text = g_strdup_printf (_("Incident report: %s cleared"), _(field->title));
      if (!sonae_incidents_append_timeline_entry (self, incident_id, SONAE_ENTRY_REPORT, NULL, author, text, error))
        goto fail;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

/* --- the PPC draft ------------------------------------------------------- */

void
sonae_ppc_draft_free (SonaePpcDraft *draft)
{
  if (draft == NULL)
    return;
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    g_free (draft->items[i].text);
  g_free (draft);
}

static char *
draft_outline (SonaeStore          *store,
               const SonaeIncident *incident,
               const SonaeReport   *report)
{
  g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (store, incident->id, NULL);
  GString *out = g_string_new (NULL);
  const char *occurred = sonae_report_get (report, SONAE_REPORT_OCCURRED_AT);
  const char *phenomenon = sonae_report_get (report, SONAE_REPORT_PHENOMENON);
  const char *place = sonae_report_get (report, SONAE_REPORT_PLACE);

  if (occurred != NULL)
    {
      g_autofree char *shown = sonae_datetime_format (occurred);

      /* Translators: in the outline of a PPC report */
      g_string_append_printf (out, _("Occurred or found: %s"), shown);
      g_string_append_c (out, '\n');
    }
  if (ppc != NULL && ppc->learned_on != NULL)
    {
      /* Translators: in the outline of a PPC report */
      g_string_append_printf (out, _("The organisation learned of it on: %s"), ppc->learned_on);
      g_string_append_c (out, '\n');
    }
  if (place != NULL)
    {
      /* Translators: in the outline of a PPC report */
      g_string_append_printf (out, _("Where: %s"), place);
      g_string_append_c (out, '\n');
    }
  /* Translators: in the outline of a PPC report: the kind of event (seed 003) */
  g_string_append_printf (out, _("Event: %s"), sonae_report_event_get_phrase (incident->event));
  if (phenomenon != NULL)
    g_string_append_printf (out, "\n%s", phenomenon);
  return string_or_null (out);
}

static char *
draft_prevention (SonaeStore          *store,
                  const SonaeIncident *incident)
{
  g_autoptr(GPtrArray) actions = sonae_capa_list (store, incident->id, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      SonaeCapa *action = g_ptr_array_index (actions, i);

      if (action->kind == SONAE_CAPA_HANDLING || action->status == SONAE_CAPA_DROPPED)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "・%s", action->text);
      if (action->status == SONAE_CAPA_DONE && action->confirmed_on != NULL)
        /* Translators: after a measure in the PPC draft */
        g_string_append_printf (out, _(" (done on %s)"), action->confirmed_on);
      else if (action->due_on != NULL)
        /* Translators: after a measure in the PPC draft */
        g_string_append_printf (out, _(" (planned by %s)"), action->due_on);
    }
  return string_or_null (out);
}

/* The nine items of the PPC's form, and the report field that holds each. */
static const struct {
  const char *title;
  const char *report_key;
} draft_items[SONAE_PPC_N_DRAFT_ITEMS] = {
  { N_("Outline"), NULL },
  { N_("Personal data items concerned"), SONAE_REPORT_PPC_DATA_ITEMS },
  { N_("Number of persons concerned"), SONAE_REPORT_PPC_PERSONS },
  { N_("Cause"), SONAE_REPORT_CAUSE },
  { N_("Secondary damage or its risk"), SONAE_REPORT_PPC_SECONDARY },
  { N_("Response to the persons concerned"), SONAE_REPORT_PPC_RESPONSE },
  { N_("Publication"), SONAE_REPORT_PPC_PUBLICATION },
  { N_("Measures against a recurrence"), NULL },
  { N_("Other"), SONAE_REPORT_PPC_OTHER },
};

const char *
sonae_ppc_draft_item_get_title (guint i)
{
  g_return_val_if_fail (i < SONAE_PPC_N_DRAFT_ITEMS, NULL);
  return _(draft_items[i].title);
}

SonaePpcDraft *
sonae_ppc_get_draft (SonaeStore *self,
                     gint64      incident_id,
                     GError    **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(SonaePpcDraft) draft = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  incident = sonae_incidents_get (self, incident_id, error);
  if (incident == NULL)
    return NULL;
  report = read_report (self, incident, error);
  if (report == NULL)
    return NULL;

  draft = g_new0 (SonaePpcDraft, 1);
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      draft->items[i].title = _(draft_items[i].title);
      draft->items[i].report_key = draft_items[i].report_key;
      if (draft_items[i].report_key != NULL)
        draft->items[i].text = g_strdup (sonae_report_get (report, draft_items[i].report_key));
    }
  draft->items[0].text = draft_outline (self, incident, report);
  draft->items[7].text = draft_prevention (self, incident);
  return g_steal_pointer (&draft);
}
