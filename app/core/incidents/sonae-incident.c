/* sonae-incident.c: the incident record, its enums, times typed by people,
 * and how a timeline entry reads. The SQL is in sonae-incidents.c and
 * sonae-timeline.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-incident.h"
#include "sonae-error.h"
#include "sonae-role.h"

/* --- enums ------------------------------------------------------------ */

static const char *status_keys[SONAE_N_STATUSES] = {
  "active", "contained", "recovering", "closed",
};

const char *
sonae_incident_status_to_string (SonaeIncidentStatus status)
{
  g_return_val_if_fail (status < SONAE_N_STATUSES, "active");
  return status_keys[status];
}

gboolean
sonae_incident_status_from_string (const char          *text,
                                   SonaeIncidentStatus *out_status)
{
  for (guint i = 0; i < SONAE_N_STATUSES; i++)
    if (g_strcmp0 (text, status_keys[i]) == 0)
      {
        if (out_status)
          *out_status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_incident_status_get_title (SonaeIncidentStatus status)
{
  switch (status)
    {
    case SONAE_STATUS_ACTIVE:
      return _("Responding");
    case SONAE_STATUS_CONTAINED:
      return _("Contained");
    case SONAE_STATUS_RECOVERING:
      return _("Recovering");
    case SONAE_STATUS_CLOSED:
      return _("Closed");
    case SONAE_N_STATUSES:
    default:
      g_return_val_if_reached ("");
    }
}

char *
sonae_incident_level_get_title (int level)
{
  return g_strdup_printf (_("Level %d"), level);
}

static const char *entry_kind_keys[SONAE_N_ENTRY_KINDS] = {
  "opened", "note", "check", "uncheck", "field", "call",
  "status", "level", "type", "event", "detail", "correction",
  "report", "action", "not-applicable", "applicable",
};

const char *
sonae_entry_kind_to_string (SonaeEntryKind kind)
{
  g_return_val_if_fail (kind < SONAE_N_ENTRY_KINDS, "note");
  return entry_kind_keys[kind];
}

gboolean
sonae_entry_kind_from_string (const char     *text,
                              SonaeEntryKind *out_kind)
{
  for (guint i = 0; i < SONAE_N_ENTRY_KINDS; i++)
    if (g_strcmp0 (text, entry_kind_keys[i]) == 0)
      {
        if (out_kind)
          *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

static const char *call_outcome_keys[SONAE_N_CALL_OUTCOMES] = {
  "reached", "no-answer", "left-message",
};

const char *
sonae_call_outcome_to_string (SonaeCallOutcome outcome)
{
  g_return_val_if_fail (outcome < SONAE_N_CALL_OUTCOMES, "reached");
  return call_outcome_keys[outcome];
}

gboolean
sonae_call_outcome_from_string (const char       *text,
                                SonaeCallOutcome *out_outcome)
{
  for (guint i = 0; i < SONAE_N_CALL_OUTCOMES; i++)
    if (g_strcmp0 (text, call_outcome_keys[i]) == 0)
      {
        if (out_outcome)
          *out_outcome = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_call_outcome_get_title (SonaeCallOutcome outcome)
{
  switch (outcome)
    {
    case SONAE_CALL_REACHED:
      return _("Reached");
    case SONAE_CALL_NO_ANSWER:
      return _("No answer");
    case SONAE_CALL_LEFT_MESSAGE:
      return _("Left a message");
    case SONAE_N_CALL_OUTCOMES:
    default:
      g_return_val_if_reached ("");
    }
}

/* --- the record ------------------------------------------------------- */

static void
step_state_free (gpointer data)
{
  SonaeStepState *state = data;

  g_free (state->step_id);
  g_free (state->done_at);
  g_free (state->done_by);
  g_free (state);
}

SonaeIncident *
sonae_incident_new (void)
{
  SonaeIncident *incident = g_new0 (SonaeIncident, 1);

  incident->status = SONAE_STATUS_ACTIVE;
  incident->type = SONAE_INCIDENT_OTHER;
  incident->event = SONAE_EVENT_OTHER;
  incident->answers.seen = SONAE_SEEN_OTHER;
  incident->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  incident->answers.impact = SONAE_IMPACT_UNKNOWN;
  incident->steps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, step_state_free);
  incident->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return incident;
}

void
sonae_incident_free (SonaeIncident *incident)
{
  if (incident == NULL)
    return;
  g_free (incident->number);
  g_free (incident->title);
  g_free (incident->detected_at);
  g_free (incident->found_by);
  g_free (incident->location);
  g_free (incident->system);
  g_free (incident->network);
  g_free (incident->created_at);
  g_free (incident->created_by);
  g_free (incident->closed_at);
  g_clear_pointer (&incident->steps, g_hash_table_unref);
  g_clear_pointer (&incident->fields, g_hash_table_unref);
  g_free (incident);
}

const char *
sonae_incident_get_detail (const SonaeIncident *incident,
                           const char          *detail)
{
  const char *value = NULL;

  g_return_val_if_fail (incident != NULL, NULL);

  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_TITLE) == 0)
    value = incident->title;
  else if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_DETECTED_AT) == 0)
    value = incident->detected_at;
  else if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_FOUND_BY) == 0)
    value = incident->found_by;
  else if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_LOCATION) == 0)
    value = incident->location;
  else if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_SYSTEM) == 0)
    value = incident->system;
  else if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_NETWORK) == 0)
    value = incident->network;

  return (value != NULL && *value != '\0') ? value : NULL;
}

const char *
sonae_incident_get_field_value (const SonaeIncident       *incident,
                                const SonaeChecklistStep  *step,
                                const SonaeChecklistField *field)
{
  g_autofree char *key = NULL;
  const char *value;

  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (field->bind != NULL)
    return sonae_incident_get_detail (incident, field->bind);

  key = g_strdup_printf ("%s/%s", step->id, field->id);
  value = g_hash_table_lookup (incident->fields, key);
  return (value != NULL && *value != '\0') ? value : NULL;
}

const SonaeStepState *
sonae_incident_get_step_state (const SonaeIncident *incident,
                               const char          *step_id)
{
  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  return g_hash_table_lookup (incident->steps, step_id);
}

void
sonae_incident_get_progress (const SonaeIncident       *incident,
                             const SonaeChecklistPhase *phase,
                             guint                     *out_done,
                             guint                     *out_total)
{
  guint done = 0;

  g_return_if_fail (incident != NULL);
  g_return_if_fail (phase != NULL);

  for (guint i = 0; i < phase->steps->len; i++)
    {
      const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, i);
      const SonaeStepState *state = g_hash_table_lookup (incident->steps, step->id);

      if (state != NULL && state->done)
        done++;
    }
  if (out_done)
    *out_done = done;
  if (out_total)
    *out_total = phase->steps->len - sonae_incident_count_not_applicable (incident, phase);
}

guint
sonae_incident_count_not_applicable (const SonaeIncident       *incident,
                                     const SonaeChecklistPhase *phase)
{
  guint n = 0;

  g_return_val_if_fail (incident != NULL, 0);
  g_return_val_if_fail (phase != NULL, 0);

  for (guint i = 0; i < phase->steps->len; i++)
    {
      const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, i);
      const SonaeStepState *state = g_hash_table_lookup (incident->steps, step->id);

      if (state != NULL && state->not_applicable)
        n++;
    }
  return n;
}

SonaeChecklist *
sonae_incident_get_checklist (const SonaeIncident  *incident,
                              SonaeStore           *store,
                              SonaeManual          *manual,
                              GError              **error)
{
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  profile = sonae_store_get_profile (store);
  if (!sonae_org_kind_is_medical (profile->kind))
    {
      /* The organisation's own manual: its edits and added steps. */
      g_autoptr(SonaeManualView) view = sonae_manual_view_new (store, manual, error);

      if (view == NULL)
        return NULL;
      return sonae_checklist_for_incident (view, profile->kind, incident->type, incident->level, error);
    }
  return sonae_checklist_for_incident (NULL, profile->kind, incident->type, incident->level, error);
}

/* --- times typed by people --------------------------------------------- */

/* Read 1 to @max_digits ASCII digits. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *out)
{
  guint n = 0, value = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || g_ascii_isdigit (**p))
    return FALSE;
  *out = value;
  return TRUE;
}

char *
sonae_datetime_parse (const char  *text,
                      GError     **error)
{
  g_autofree char *normalized = NULL;
  const char *p;
  guint year, month, day, hour, minute, second = 0;
  char date_sep;

  g_return_val_if_fail (text != NULL, NULL);

  /* Full-width digits and punctuation, as a Japanese input method types
   * them, become ASCII. */
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    goto malformed;
  g_strstrip (normalized);
  p = normalized;

  if (!read_number (&p, 4, &year) || p - normalized != 4)
    goto malformed;
  date_sep = *p;
  if (date_sep != '-' && date_sep != '/')
    goto malformed;
  p++;
  if (!read_number (&p, 2, &month) || *p != date_sep)
    goto malformed;
  p++;
  if (!read_number (&p, 2, &day))
    goto malformed;
  if (*p != 'T' && *p != ' ')
    goto malformed;
  while (*p == ' ' || *p == 'T')
    p++;
  if (!read_number (&p, 2, &hour) || *p != ':')
    goto malformed;
  p++;
  if (!read_number (&p, 2, &minute))
    goto malformed;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, &second))
        goto malformed;
    }
  if (*p != '\0')
    goto malformed;

  if (year < 1900 || month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("“%s” is not a date that exists. Check the month and the day."),
                   text);
      return NULL;
    }
  if (hour > 23 || minute > 59 || second > 59)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("“%s” is not a time of day: hours run from 0 to 23 and minutes from 0 to 59."),
                   text);
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:%02u",
                          year, month, day, hour, minute, second);

malformed:
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
               _("“%s” is not a date and time. Write it like 2026-11-21 14:05."),
               text);
  return NULL;
}

char *
sonae_datetime_format (const char *stored)
{
  if (stored == NULL)
    return NULL;
  /* "YYYY-MM-DDTHH:MM[:SS]" */
  if (strlen (stored) >= 16 && stored[10] == 'T')
    return g_strdup_printf ("%.10s %.5s", stored, stored + 11);
  return g_strdup (stored);
}

/* --- the timeline ------------------------------------------------------ */

void
sonae_timeline_entry_free (SonaeTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->recorded_at);
  g_free (entry->author);
  g_free (entry->step_id);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->role_key);
  g_free (entry->text);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

static const char *
detail_get_title (const char *detail)
{
  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_TITLE) == 0)
    return _("Title");
  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_DETECTED_AT) == 0)
    return _("Detected at");
  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_FOUND_BY) == 0)
    return _("Found by");
  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_LOCATION) == 0)
    return _("Where");
  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_SYSTEM) == 0)
    return _("System");
  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_NETWORK) == 0)
    return _("Network");
  return detail != NULL ? detail : "";
}

static const char *
kind_title (const char *key)
{
  SonaeIncidentType type;

  if (sonae_incident_kind_from_string (key, &type))
    return sonae_incident_kind_get_title (type);
  return key != NULL ? key : "";
}

static const char *
event_title (const char *key)
{
  SonaeEventType event;

  if (sonae_event_type_from_string (key, &event))
    return sonae_event_type_get_title (event);
  return key != NULL ? key : "";
}

static const char *
status_title (const char *key)
{
  SonaeIncidentStatus status;

  if (sonae_incident_status_from_string (key, &status))
    return sonae_incident_status_get_title (status);
  return key != NULL ? key : "";
}

static char *
level_title (const char *key)
{
  gint64 level;

  if (key != NULL && g_ascii_string_to_signed (key, 10, 0, 3, &level, NULL))
    return sonae_incident_level_get_title ((int) level);
  return g_strdup (key != NULL ? key : "");
}

/* "Checked 1-1 Detecting something wrong": the step's number and title
 * when the checklist knows it, else its id. */
static char *
step_name (const char     *step_id,
           SonaeChecklist *checklist)
{
  const SonaeChecklistStep *step = NULL;
  const char *do_now = NULL;

  if (checklist != NULL && step_id != NULL)
    {
      step = sonae_checklist_get_step (checklist, step_id);
      do_now = sonae_checklist_get_do_now_text (checklist, step_id);
    }
  if (step != NULL && step->title != NULL)
    return g_strdup_printf ("%s %s", step->number, step->title);
  if (do_now != NULL)
    /* Translators: a "do now" step of the Now tab, in the timeline as
     * “Checked “Unplug its LAN cable…” (Do Now)”, after the title of the
     * section of the Now tab */
    return g_strdup_printf (_("“%s” (Do Now)"), do_now);
  return g_strdup (step_id != NULL ? step_id : "");
}

/* Look up one value of the "type=…;level=…;event=…" list an OPENED entry
 * keeps of triage's proposal. */
static char *
proposal_value (const char *list,
                const char *key)
{
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return NULL;
  parts = g_strsplit (list, ";", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *eq = strchr (parts[i], '=');

      if (eq != NULL && strncmp (parts[i], key, (gsize) (eq - parts[i])) == 0 &&
          strlen (key) == (gsize) (eq - parts[i]))
        return g_strdup (eq + 1);
    }
  return NULL;
}

static char *
describe_change (const char *what,
                 const char *old_value,
                 const char *new_value)
{
  if (old_value == NULL || *old_value == '\0')
    /* Translators: “Found by set to “Sato Yumi”” */
    return g_strdup_printf (_("%s set to “%s”"), what, new_value);
  if (new_value == NULL || *new_value == '\0')
    return g_strdup_printf (_("%s cleared (was “%s”)"), what, old_value);
  return g_strdup_printf (_("%s changed from “%s” to “%s”"), what, old_value, new_value);
}

static char *
describe (const SonaeTimelineEntry *entry,
          SonaeChecklist           *checklist)
{
  switch (entry->kind)
    {
    case SONAE_ENTRY_OPENED:
      {
        g_autofree char *type = proposal_value (entry->old_value, "type");
        g_autofree char *level = proposal_value (entry->old_value, "level");
        g_autofree char *event = proposal_value (entry->old_value, "event");

        if (type != NULL && level != NULL && event != NULL)
          {
            g_autofree char *level_text = level_title (level);
            /* Translators: the proposed type, level and event type */
            return g_strdup_printf (_("Incident started; triage proposed: %s, %s, %s"),
                                    kind_title (type), level_text, event_title (event));
          }
        return g_strdup (_("Incident started"));
      }

    case SONAE_ENTRY_NOTE:
      return g_strdup_printf (_("Note: %s"), entry->text != NULL ? entry->text : "");

    case SONAE_ENTRY_CHECK:
      {
        g_autofree char *name = step_name (entry->step_id, checklist);
        return g_strdup_printf (_("Checked %s"), name);
      }

    case SONAE_ENTRY_UNCHECK:
      {
        g_autofree char *name = step_name (entry->step_id, checklist);
        return g_strdup_printf (_("Marked %s as not done"), name);
      }

    case SONAE_ENTRY_NOT_APPLICABLE:
      {
        g_autofree char *name = step_name (entry->step_id, checklist);
        /* Translators: %s is a checklist step, e.g. “2-3 Checking network equipment and cables” */
        return g_strdup_printf (_("Marked %s as not applicable"), name);
      }

    case SONAE_ENTRY_APPLICABLE:
      {
        g_autofree char *name = step_name (entry->step_id, checklist);
        /* Translators: a step marked not applicable before is open again */
        return g_strdup_printf (_("Marked %s as applicable again"), name);
      }

    case SONAE_ENTRY_FIELD:
      {
        const SonaeChecklistField *field = NULL;
        const SonaeChecklistStep *step = NULL;
        g_autofree char *old_text = NULL;
        g_autofree char *new_text = NULL;
        g_autofree char *what = NULL;

        if (checklist != NULL && entry->step_id != NULL)
          {
            step = sonae_checklist_get_step (checklist, entry->step_id);
            field = sonae_checklist_get_field (checklist, entry->step_id, entry->field);
          }
        if (field != NULL)
          {
            old_text = sonae_checklist_field_format (field, entry->old_value);
            new_text = sonae_checklist_field_format (field, entry->new_value);
          }
        else
          {
            old_text = g_strdup (entry->old_value);
            new_text = g_strdup (entry->new_value);
          }
        what = g_strdup_printf ("%s %s", step != NULL ? step->number : (entry->step_id ? entry->step_id : ""),
                                field != NULL ? field->label : (entry->field ? entry->field : ""));
        return describe_change (what, old_text, new_text);
      }

    case SONAE_ENTRY_CALL:
      {
        const char *outcome = entry->outcome < SONAE_N_CALL_OUTCOMES
                              ? sonae_call_outcome_get_title (entry->outcome) : "";
        const char *who = entry->text != NULL ? entry->text : "";

        if (entry->role_key != NULL)
          /* Translators: “Called Tanaka Kenichi (090-…) as First responder: no answer” */
          return g_strdup_printf (_("Called %s as %s: %s"), who,
                                  sonae_role_get_name (entry->role_key), outcome);
        /* Translators: “Called Tanaka Kenichi (090-…): no answer” */
        return g_strdup_printf (_("Called %s: %s"), who, outcome);
      }

    case SONAE_ENTRY_STATUS:
      return g_strdup_printf (_("Status changed from %s to %s"),
                              status_title (entry->old_value), status_title (entry->new_value));

    case SONAE_ENTRY_LEVEL:
      return g_strdup_printf (_("Level changed from %s to %s"),
                              entry->old_value ? entry->old_value : "",
                              entry->new_value ? entry->new_value : "");

    case SONAE_ENTRY_TYPE:
      return g_strdup_printf (_("Type changed from %s to %s"),
                              kind_title (entry->old_value), kind_title (entry->new_value));

    case SONAE_ENTRY_EVENT:
      return g_strdup_printf (_("Event category changed from %s to %s"),
                              event_title (entry->old_value), event_title (entry->new_value));

    case SONAE_ENTRY_DETAIL:
      {
        gboolean is_time = g_strcmp0 (entry->field, SONAE_INCIDENT_DETAIL_DETECTED_AT) == 0;
        g_autofree char *old_text = is_time ? sonae_datetime_format (entry->old_value) : g_strdup (entry->old_value);
        g_autofree char *new_text = is_time ? sonae_datetime_format (entry->new_value) : g_strdup (entry->new_value);

        return describe_change (detail_get_title (entry->field), old_text, new_text);
      }

    case SONAE_ENTRY_CORRECTION:
      /* old_value holds the number of the entry corrected. */
      return g_strdup_printf (_("Correction of entry %s: %s"),
                              entry->old_value ? entry->old_value : "?",
                              entry->text ? entry->text : "");

    case SONAE_ENTRY_REPORT:
    case SONAE_ENTRY_ACTION:
      /* Written, translated, when it was recorded. */
      return g_strdup (entry->text ? entry->text : "");

    case SONAE_N_ENTRY_KINDS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

char *
sonae_timeline_entry_describe (const SonaeTimelineEntry *entry,
                               SonaeChecklist           *checklist)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  line = describe (entry, checklist);

  /* A change of status, level, type, event or detail may say why. */
  switch (entry->kind)
    {
    case SONAE_ENTRY_STATUS:
    case SONAE_ENTRY_LEVEL:
    case SONAE_ENTRY_TYPE:
    case SONAE_ENTRY_EVENT:
    case SONAE_ENTRY_DETAIL:
      if (entry->text != NULL && *entry->text != '\0')
        /* Translators: a change, then the reason given for it */
        return g_strdup_printf (_("%s (%s)"), line, entry->text);
      break;
    default:
      break;
    }
  return g_steal_pointer (&line);
}
