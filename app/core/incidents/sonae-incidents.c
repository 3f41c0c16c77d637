/* sonae-incidents.c: incidents and their checklist run in the database:
 * starting one, reading and listing them, and changing what they record
 * (status, level, type, event, details, checklist steps). The timeline
 * that records each change is in sonae-timeline.c.
 *
 * Every change reads and checks first, outside the transaction, so that a
 * mistake of the caller changes nothing (and never spoils a transaction the
 * caller has open); then the change and its timeline entry are written in
 * one transaction. The changes after the start are in
 * sonae-incidents-changes.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-incidents.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents-private.h"
#include "sonae-input.h"
#include "sonae-store-private.h"

#define MAX_KEY_LEN 200

#define INCIDENT_COLUMNS \
  "id, number, title, status, drill, detected_at, found_by, location, system, network, " \
  "type, level, event, seen, personal_data, impact, created_at, created_by, closed_at"

/* --- small helpers ------------------------------------------------------ */

gboolean
sonae_incidents_check_key (const char  *key,
                           GError     **error)
{
  if (sonae_input_is_blank (key) || strlen (key) > MAX_KEY_LEN || !g_utf8_validate (key, -1, NULL))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The checklist step or field is unknown."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_incidents_step_sql (SonaeStore   *self,
                          sqlite3_stmt *stmt,
                          const char   *what,
                          GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, what);
  return TRUE;
}

static void
not_found (GError **error)
{
  g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                       _("The incident does not exist."));
}

/* --- reading ----------------------------------------------------------- */

static SonaeIncident *
incident_from_row (sqlite3_stmt *stmt)
{
  SonaeIncident *incident = sonae_incident_new ();
  const char *text;
  int level;

  incident->id = sqlite3_column_int64 (stmt, 0);
  incident->number = sonae_column_dup (stmt, 1);
  incident->title = sonae_column_dup (stmt, 2);
  if (!sonae_incident_status_from_string ((const char *) sqlite3_column_text (stmt, 3), &incident->status))
    incident->status = SONAE_STATUS_ACTIVE;
  incident->drill = sqlite3_column_int (stmt, 4) != 0;
  incident->detected_at = sonae_column_dup (stmt, 5);
  incident->found_by = sonae_column_dup (stmt, 6);
  incident->location = sonae_column_dup (stmt, 7);
  incident->system = sonae_column_dup (stmt, 8);
  incident->network = sonae_column_dup (stmt, 9);
  text = (const char *) sqlite3_column_text (stmt, 10);
  if (!sonae_incident_kind_from_string (text, &incident->type))
    incident->type = SONAE_INCIDENT_OTHER;
  level = sqlite3_column_int (stmt, 11);
  incident->level = CLAMP (level, 0, 3);
  if (!sonae_event_type_from_string ((const char *) sqlite3_column_text (stmt, 12), &incident->event))
    incident->event = SONAE_EVENT_OTHER;
  if (!sonae_triage_seen_from_string ((const char *) sqlite3_column_text (stmt, 13), &incident->answers.seen))
    incident->answers.seen = SONAE_SEEN_OTHER;
  if (!sonae_triage_answer_from_string ((const char *) sqlite3_column_text (stmt, 14), &incident->answers.personal_data))
    incident->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  if (!sonae_triage_impact_from_string ((const char *) sqlite3_column_text (stmt, 15), &incident->answers.impact))
    incident->answers.impact = SONAE_IMPACT_UNKNOWN;
  incident->created_at = sonae_column_dup (stmt, 16);
  incident->created_by = sonae_column_dup (stmt, 17);
  incident->closed_at = sonae_column_dup (stmt, 18);
  return incident;
}

static gboolean
fill_run (SonaeStore     *self,
          SonaeIncident  *incident,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) steps = NULL;
  g_autoptr(sqlite3_stmt) fields = NULL;
  int rc;

  steps = sonae_store_prepare (self,
                               "SELECT step_id, done, done_at, done_by, back_entered "
                               "FROM incident_steps WHERE incident_id = ?1", error);
  if (steps == NULL)
    return FALSE;
  sqlite3_bind_int64 (steps, 1, incident->id);
  while ((rc = sqlite3_step (steps)) == SQLITE_ROW)
    {
      SonaeStepState *state = g_new0 (SonaeStepState, 1);

      state->step_id = sonae_column_dup (steps, 0);
      state->done = sqlite3_column_int (steps, 1) != 0;
      state->done_at = sonae_column_dup (steps, 2);
      /* A step not done that still says when and by whom it was settled
       * was marked not applicable (sonae_incidents_set_step_not_applicable):
       * unticking a step clears both. */
      state->not_applicable = !state->done && state->done_at != NULL;
      state->done_by = sonae_column_dup (steps, 3);
      state->back_entered = sqlite3_column_int (steps, 4) != 0;
      if (state->step_id == NULL)
        state->step_id = g_strdup ("");
      g_hash_table_replace (incident->steps, state->step_id, state);
    }
  if (rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the incident"));

  fields = sonae_store_prepare (self,
                                "SELECT step_id, field_id, value FROM incident_fields WHERE incident_id = ?1",
                                error);
  if (fields == NULL)
    return FALSE;
  sqlite3_bind_int64 (fields, 1, incident->id);
  while ((rc = sqlite3_step (fields)) == SQLITE_ROW)
    {
      const char *step_id = (const char *) sqlite3_column_text (fields, 0);
      const char *field_id = (const char *) sqlite3_column_text (fields, 1);
      char *value = sonae_column_dup (fields, 2);

      if (value == NULL)
        continue;
      g_hash_table_replace (incident->fields, g_strdup_printf ("%s/%s", step_id, field_id), value);
    }
  if (rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the incident"));
  return TRUE;
}

SonaeIncident *
sonae_incidents_get (SonaeStore *self,
                     gint64      id,
                     GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT " INCIDENT_COLUMNS " FROM incidents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      not_found (error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the incident"));
      return NULL;
    }
  incident = incident_from_row (stmt);
  if (!fill_run (self, incident, error))
    return NULL;
  return g_steal_pointer (&incident);
}

SonaeIncident *
sonae_incidents_find (SonaeStore *self,
                      const char *number_or_id,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;
  guint64 parsed;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (number_or_id == NULL)
    number_or_id = "";

  stmt = sonae_store_prepare (self, "SELECT id FROM incidents WHERE number = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number_or_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the incident"));
      return NULL;
    }
  else if (g_ascii_string_to_unsigned (number_or_id, 10, 1, G_MAXINT64, &parsed, NULL))
    id = (gint64) parsed;

  if (id == 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                   _("There is no incident “%s”. Give its number, like 2026-001."),
                   number_or_id);
      return NULL;
    }
  return sonae_incidents_get (self, id, error);
}

static gboolean
incident_matches (SonaeIncident *incident,
                  char         **words)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *level = sonae_incident_level_get_title (incident->level);
  g_autofree char *folded = NULL;
  const char *parts[] = {
    incident->number, incident->title, incident->found_by, incident->location,
    incident->system, incident->network, incident->detected_at,
    sonae_incident_kind_get_title (incident->type),
    sonae_incident_status_get_title (incident->status),
    sonae_event_type_get_title (incident->event),
    level,
    /* Translators: searched for, so that “drill” finds every drill */
    incident->drill ? _("Drill") : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        g_string_append (all, parts[i]);
        g_string_append_c (all, '\n');
      }
  folded = sonae_text_fold (all->str);
  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

guint
sonae_incidents_count (SonaeStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), 0);

  stmt = sonae_store_prepare (self, "SELECT count(*) FROM incidents", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

GArray *
sonae_incidents_list_years (SonaeStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (SONAE_IS_STORE (self), years);

  stmt = sonae_store_prepare (self, "SELECT DISTINCT year FROM incidents WHERE year > 0 ORDER BY year DESC", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  return years;
}

GPtrArray *
sonae_incidents_list (SonaeStore                *self,
                      const SonaeIncidentFilter *filter,
                      GError                   **error)
{
  static const SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) words = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &all;

  stmt = sonae_store_prepare (self,
                              "SELECT " INCIDENT_COLUMNS " FROM incidents "
                              "WHERE (?1 IS NULL OR status = ?1) "
                              "AND (?2 < 0 OR drill = ?2) "
                              "AND (?3 = 0 OR year = ?3) "
                              "AND (?4 = 0 OR status != 'closed') "
                              "ORDER BY coalesce (detected_at, created_at) DESC, number DESC", error);
  if (stmt == NULL)
    return NULL;
  if (filter->status >= 0 && filter->status < SONAE_N_STATUSES)
    sqlite3_bind_text (stmt, 1, sonae_incident_status_to_string (filter->status), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int (stmt, 2, filter->drill < 0 ? -1 : (filter->drill ? 1 : 0));
  sqlite3_bind_int (stmt, 3, filter->year);
  sqlite3_bind_int (stmt, 4, filter->open_only ? 1 : 0);

  if (!sonae_input_is_blank (filter->search))
    {
      g_autofree char *folded = sonae_text_fold (filter->search);
      words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
    }

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_incident_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SonaeIncident *incident = incident_from_row (stmt);

      if (words != NULL && !incident_matches (incident, words))
        sonae_incident_free (incident);
      else
        g_ptr_array_add (list, incident);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the incidents"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
sonae_incidents_read_head (SonaeStore  *self,
                           gint64       id,
                           gint64      *out_head_seq,
                           char       **out_head_hash,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, "SELECT head_seq, head_hash FROM incidents WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      not_found (error);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sonae_store_set_sql_error (self, error, _("Could not read the incident"));
  if (out_head_seq)
    *out_head_seq = sqlite3_column_int64 (stmt, 0);
  if (out_head_hash)
    *out_head_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}

gboolean
sonae_incidents_check_exists (SonaeStore *store,
                              gint64      id,
                              GError    **error)
{
  return sonae_incidents_read_head (store, id, NULL, NULL, error);
}

/* --- starting an incident ------------------------------------------------ */

static gboolean
check_detail_texts (SonaeIncident  *incident,
                    GError        **error)
{
  char **texts[] = {
    &incident->title, &incident->found_by, &incident->location,
    &incident->system, &incident->network,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (!sonae_input_check_text (*texts[i], error))
        return FALSE;
      if (*texts[i] != NULL)
        g_strstrip (*texts[i]);
      if (*texts[i] != NULL && **texts[i] == '\0')
        g_clear_pointer (texts[i], g_free);
    }
  return TRUE;
}

gboolean
sonae_incidents_check_level (int       level,
                             GError  **error)
{
  if (level < 0 || level > 3)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("Damage level %d does not exist: the levels are 0 to 3."), level);
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_incidents_check_kinds (SonaeIncidentType  type,
                             SonaeEventType     event,
                             GError           **error)
{
  if ((guint) type >= SONAE_N_INCIDENT_KINDS || (guint) event >= SONAE_N_EVENT_TYPES)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The incident type or event type is unknown."));
      return FALSE;
    }
  return TRUE;
}

static char *
opened_text (const SonaeIncident       *incident,
             const SonaeTriageProposal *proposal,
             SonaeOrgKind               kind)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("What was seen: %s"),
                          sonae_triage_seen_get_label (incident->answers.seen, kind));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Personal data involved: %s"),
                          sonae_triage_answer_get_label (incident->answers.personal_data));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Who is affected: %s"),
                          sonae_triage_impact_get_label (incident->answers.impact, kind));
  if (proposal != NULL)
    {
      const char *reasons[] = { proposal->type_reason, proposal->level_reason, proposal->event_reason };

      for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
        if (reasons[i] != NULL && *reasons[i] != '\0')
          {
            g_string_append_c (text, '\n');
            g_string_append (text, reasons[i]);
          }
    }
  return g_string_free (text, FALSE);
}

gboolean
sonae_incidents_create (SonaeStore                *self,
                        SonaeIncident             *incident,
                        const SonaeTriageProposal *proposal,
                        const char                *author,
                        GError                   **error)
{
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(sqlite3_stmt) next = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *detected_at = NULL;
  g_autofree char *opened_at = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  g_autofree char *proposed = NULL;
  g_autofree char *closed_at = NULL;
  gboolean back_entered = FALSE;
  gboolean unused;
  gint64 year, seq, id;
  const char *what = _("Could not save the incident");

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (incident != NULL, FALSE);
  g_return_val_if_fail (incident->id == 0, FALSE);

  /* Check everything first. */
  if (!sonae_input_check_author (author, error) ||
      !check_detail_texts (incident, error))
    return FALSE;
  if (incident->title == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("An incident needs a title, a few words saying what happened."));
      return FALSE;
    }
  if (!sonae_incidents_check_level (incident->level, error) ||
      !sonae_incidents_check_kinds (incident->type, incident->event, error))
    return FALSE;
  if ((guint) incident->status >= SONAE_N_STATUSES ||
      (guint) incident->answers.seen >= SONAE_N_SEEN ||
      (guint) incident->answers.personal_data > SONAE_ANSWER_NO ||
      (guint) incident->answers.impact > SONAE_IMPACT_OUTSIDE)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The incident's status or triage answers are unknown."));
      return FALSE;
    }
  if (proposal != NULL &&
      (!sonae_incidents_check_level (proposal->level, error) || !sonae_incidents_check_kinds (proposal->type, proposal->event, error)))
    return FALSE;
  if (!sonae_incidents_resolve_at (incident->detected_at, now, &detected_at, &unused, error))
    return FALSE;
  /* A created_at given by the caller is when the incident was started on
   * paper: the OPENED entry is then back-entered with that time. */
  if (!sonae_incidents_resolve_at (incident->created_at, now, &opened_at, &back_entered, error))
    return FALSE;

  profile = sonae_store_get_profile (self);
  text = opened_text (incident, proposal, profile->kind);
  if (proposal != NULL)
    proposed = g_strdup_printf ("type=%s;level=%d;event=%s",
                                sonae_incident_kind_to_string (proposal->type), proposal->level,
                                sonae_event_type_to_string (proposal->event));
  if (incident->status == SONAE_STATUS_CLOSED)
    closed_at = g_strdup (opened_at);
  year = g_ascii_strtoll (detected_at, NULL, 10);

  if (!sonae_store_begin (self, error))
    return FALSE;

  /* The number is taken inside the transaction, so two never get the same. */
  next = sonae_store_prepare (self, "SELECT coalesce (max (seq), 0) + 1 FROM incidents WHERE year = ?1", error);
  if (next == NULL)
    goto fail;
  sqlite3_bind_int64 (next, 1, year);
  if (sqlite3_step (next) != SQLITE_ROW)
    {
      sonae_store_set_sql_error (self, error, what);
      goto fail;
    }
  seq = sqlite3_column_int64 (next, 0);
  number = g_strdup_printf ("%04" G_GINT64_FORMAT "-%03" G_GINT64_FORMAT, year, seq);

  insert = sonae_store_prepare (self,
                                "INSERT INTO incidents (number, year, seq, title, status, drill, detected_at, "
                                "found_by, location, system, network, type, level, event, seen, personal_data, "
                                "impact, created_at, created_by, closed_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                                error);
  if (insert == NULL)
    goto fail;
  sqlite3_bind_text (insert, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, year);
  sqlite3_bind_int64 (insert, 3, seq);
  sqlite3_bind_text (insert, 4, incident->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, sonae_incident_status_to_string (incident->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 6, incident->drill ? 1 : 0);
  sqlite3_bind_text (insert, 7, detected_at, -1, SQLITE_STATIC);
  sonae_bind_text (insert, 8, incident->found_by);
  sonae_bind_text (insert, 9, incident->location);
  sonae_bind_text (insert, 10, incident->system);
  sonae_bind_text (insert, 11, incident->network);
  sqlite3_bind_text (insert, 12, sonae_incident_kind_to_string (incident->type), -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 13, incident->level);
  sqlite3_bind_text (insert, 14, sonae_event_type_to_string (incident->event), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 15, sonae_triage_seen_to_string (incident->answers.seen), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 16, sonae_triage_answer_to_string (incident->answers.personal_data), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 17, sonae_triage_impact_to_string (incident->answers.impact), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 18, opened_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 19, author, -1, SQLITE_STATIC);
  sonae_bind_text (insert, 20, closed_at);
  if (!sonae_incidents_step_sql (self, insert, what, error))
    goto fail;
  id = sqlite3_last_insert_rowid (sonae_store_get_db (self));

  {
    SonaeNewEntry opened = SONAE_NEW_ENTRY (SONAE_ENTRY_OPENED, opened_at, back_entered, author);

    opened.old_value = proposed;
    opened.text = text;
    if (!sonae_incidents_append_entry (self, id, &opened, now, error))
      goto fail;
  }

  /* What the person changed from the proposal. */
  if (proposal != NULL)
    {
      const char *why = _("Changed from triage's proposal");

      if (proposal->type != incident->type)
        {
          SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_TYPE, opened_at, back_entered, author);
          e.old_value = sonae_incident_kind_to_string (proposal->type);
          e.new_value = sonae_incident_kind_to_string (incident->type);
          e.text = why;
          if (!sonae_incidents_append_entry (self, id, &e, now, error))
            goto fail;
        }
      if (proposal->level != incident->level)
        {
          g_autofree char *old_level = g_strdup_printf ("%d", proposal->level);
          g_autofree char *new_level = g_strdup_printf ("%d", incident->level);
          SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_LEVEL, opened_at, back_entered, author);
          e.old_value = old_level;
          e.new_value = new_level;
          e.text = why;
          if (!sonae_incidents_append_entry (self, id, &e, now, error))
            goto fail;
        }
      if (proposal->event != incident->event)
        {
          SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_EVENT, opened_at, back_entered, author);
          e.old_value = sonae_event_type_to_string (proposal->event);
          e.new_value = sonae_event_type_to_string (incident->event);
          e.text = why;
          if (!sonae_incidents_append_entry (self, id, &e, now, error))
            goto fail;
        }
    }

  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  if (!sonae_store_commit (self, error))
    return FALSE;

  incident->id = id;
  g_free (incident->number);
  incident->number = g_steal_pointer (&number);
  g_free (incident->detected_at);
  incident->detected_at = g_steal_pointer (&detected_at);
  g_free (incident->created_at);
  incident->created_at = g_steal_pointer (&opened_at);
  g_free (incident->created_by);
  incident->created_by = g_strdup (author);
  g_free (incident->closed_at);
  incident->closed_at = g_steal_pointer (&closed_at);
  return TRUE;

fail:
  sonae_store_rollback (self);
  return FALSE;
}
