/* sonae-ppc-bodies.c: the other bodies to report an incident to, each
 * with its condition and the date it was told.
 *
 * The bodies are the manual's for the incident's level and the
 * organisation's kind; what was done is read from the store, and each
 * body's condition is worked out as it is read (sonae-body-conditions.c).
 * A report recorded or cleared is one transaction with its REPORT entry in
 * the incident's timeline. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-ppc-bodies.h"
#include "sonae-body-conditions.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-escalation.h"
#include "sonae-incident.h"
#include "sonae-incidents-private.h"
#include "sonae-incidents.h"
#include "sonae-input.h"
#include "sonae-manual.h"
#include "sonae-ppc-private.h"
#include "sonae-ppc.h"
#include "sonae-store-private.h"

static gboolean
step_done (SonaeStore   *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save the report"));
  return TRUE;
}

void
sonae_body_report_free (SonaeBodyReport *report)
{
  if (report == NULL)
    return;
  g_free (report->authority_key);
  g_free (report->done_on);
  g_free (report->done_by);
  g_free (report->reason);
  g_free (report);
}

/* @report's condition for @incident (sonae-body-conditions.h): @ppc its
 * assessment, @answers the organisation's own (NULL: none). */
static void
set_condition (SonaeBodyReport          *report,
               const SonaeIncident      *incident,
               const SonaePpcAssessment *ppc,
               SonaeOrgKind              kind,
               GHashTable               *answers)
{
  g_autoptr(SonaeBodyCondition) condition = NULL;
  SonaeTriageAnswer answer;
  gboolean answered = sonae_body_conditions_lookup (answers, report->authority_key, &answer);

  condition = sonae_body_condition_decide (report->authority_key, incident, ppc, kind, answered ? &answer : NULL);
  report->applies = condition->applies;
  report->answered = condition->answered;
  report->reason = g_steal_pointer (&condition->reason);
}

/* The body reports of one incident: each of @bodies (of const
 * SonaeManualBody, the escalation's at its level) in their order, with the
 * date it was done when @done (of SonaeBodyReport, in the order recorded)
 * has it; then the rest of @done, as optional. Each with its condition for
 * @incident (@ppc, @kind, @answers: see set_condition()). Empties @done. */
static GPtrArray *
merge_body_reports (GPtrArray                *bodies,
                    GPtrArray                *done,
                    const SonaeIncident      *incident,
                    const SonaePpcAssessment *ppc,
                    SonaeOrgKind              kind,
                    GHashTable               *answers)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_body_report_free);

  for (guint i = 0; i < bodies->len; i++)
    {
      const SonaeManualBody *body = g_ptr_array_index (bodies, i);
      SonaeBodyReport *report;

      /* The PPC has its own dates (the assessment): one place to record them. */
      if (g_strcmp0 (body->authority_key, SONAE_PPC_AUTHORITY_KEY) == 0)
        continue;
      report = g_new0 (SonaeBodyReport, 1);

      report->authority_key = g_strdup (body->authority_key);
      report->optional = body->optional;
      for (guint j = 0; j < done->len; j++)
        {
          SonaeBodyReport *d = g_ptr_array_index (done, j);

          if (g_strcmp0 (d->authority_key, body->authority_key) == 0)
            {
              report->done_on = g_steal_pointer (&d->done_on);
              report->done_by = g_steal_pointer (&d->done_by);
              g_ptr_array_remove_index (done, j);
              break;
            }
        }
      g_ptr_array_add (list, report);
    }

  /* A body told that the level no longer names (the level was lowered, or
   * a body told of one's own accord) stays in the list, as optional. */
  for (guint j = 0; j < done->len; j++)
    {
      SonaeBodyReport *d = g_ptr_array_index (done, j);

      d->optional = TRUE;
      g_ptr_array_add (list, g_steal_pointer (&done->pdata[j]));
    }
  g_ptr_array_set_size (done, 0);
  for (guint i = 0; i < list->len; i++)
    set_condition (g_ptr_array_index (list, i), incident, ppc, kind, answers);
  return g_steal_pointer (&list);
}

/* A report done, from a row of "authority_key, done_on, done_by" starting
 * at column @first. */
static SonaeBodyReport *
body_report_from_row (sqlite3_stmt *stmt,
                      int           first)
{
  SonaeBodyReport *report = g_new0 (SonaeBodyReport, 1);

  report->authority_key = sonae_column_dup (stmt, first);
  report->done_on = sonae_column_dup (stmt, first + 1);
  report->done_by = sonae_column_dup (stmt, first + 2);
  if (report->authority_key == NULL)
    report->authority_key = g_strdup ("");
  return report;
}

GPtrArray *
sonae_ppc_list_body_reports (SonaeStore *self,
                             gint64      incident_id,
                             GError    **error)
{
  SonaeBodyFacts facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) done = NULL;
  GPtrArray *merged = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  /* What the manual's escalation names at the incident's level. */
  if (!sonae_body_facts_load (self, incident_id, &facts, error))
    return NULL;

  /* What was done, in the order it was recorded. */
  stmt = sonae_store_prepare (self,
                              "SELECT authority_key, done_on, done_by FROM body_reports "
                              "WHERE incident_id = ?1 AND done_on IS NOT NULL ORDER BY rowid", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, incident_id);
      done = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_body_report_free);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (done, body_report_from_row (stmt, 0));
      if (rc != SQLITE_DONE)
        sonae_store_set_sql_error (self, error, _("Could not read the reports"));
      else
        merged = merge_body_reports (facts.bodies, done, facts.incident, facts.ppc, facts.kind, facts.answers);
    }
  sonae_body_facts_clear (&facts);
  return merged;
}

/* What a body's condition is read from (sonae-body-conditions.h), from a
 * row of "level, type, event, seen, personal_data, impact" starting at
 * column @first: an incident with only these. */
static SonaeIncident *
incident_facts_from_row (sqlite3_stmt *stmt,
                         int           first,
                         gint64        id)
{
  SonaeIncident *incident = sonae_incident_new ();

  incident->id = id;
  incident->level = CLAMP (sqlite3_column_int (stmt, first), 0, SONAE_MANUAL_N_LEVELS - 1);
  if (!sonae_incident_kind_from_string ((const char *) sqlite3_column_text (stmt, first + 1), &incident->type))
    incident->type = SONAE_INCIDENT_OTHER;
  if (!sonae_event_type_from_string ((const char *) sqlite3_column_text (stmt, first + 2), &incident->event))
    incident->event = SONAE_EVENT_OTHER;
  if (!sonae_triage_seen_from_string ((const char *) sqlite3_column_text (stmt, first + 3), &incident->answers.seen))
    incident->answers.seen = SONAE_SEEN_OTHER;
  if (!sonae_triage_answer_from_string ((const char *) sqlite3_column_text (stmt, first + 4),
                                        &incident->answers.personal_data))
    incident->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  if (!sonae_triage_impact_from_string ((const char *) sqlite3_column_text (stmt, first + 5), &incident->answers.impact))
    incident->answers.impact = SONAE_IMPACT_UNKNOWN;
  return incident;
}

/* One incident's reports into @by_incident: @done (emptied) merged with the
 * bodies of its level, each with its condition. */
static void
insert_open_body_reports (GHashTable          *by_incident,
                          GPtrArray           *bodies,
                          const SonaeIncident *incident,
                          GPtrArray           *done,
                          GHashTable          *stored,
                          GHashTable          *all_answers,
                          SonaeOrgKind         kind)
{
  g_autoptr(SonaePpcAssessment) fresh = NULL;
  const SonaePpcAssessment *ppc = g_hash_table_lookup (stored, &incident->id);

  if (ppc == NULL)
    ppc = fresh = sonae_ppc_assessment_new_for_incident (incident);
  g_hash_table_insert (by_incident, g_memdup2 (&incident->id, sizeof incident->id),
                       merge_body_reports (g_ptr_array_index (bodies, incident->level), done, incident, ppc, kind,
                                           g_hash_table_lookup (all_answers, &incident->id)));
}

GHashTable *
sonae_ppc_list_open_body_reports (SonaeStore  *self,
                                  GError     **error)
{
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GHashTable) by_incident = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What the manual's escalation names at each level, for this kind of
   * organisation: read once for all the incidents; so are the answers the
   * conditions are read from. */
  manual = sonae_manual_get_bundled (error);
  if (manual == NULL)
    return NULL;
  profile = sonae_store_get_profile (self);
  bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (int l = 0; l < SONAE_MANUAL_N_LEVELS; l++)
    g_ptr_array_add (bodies, sonae_escalation_list_bodies (manual, l, profile->kind));
  stored = sonae_ppc_list_stored (self, error);
  if (stored == NULL)
    return NULL;
  answers = sonae_body_conditions_list_all_answers (self, error);
  if (answers == NULL)
    return NULL;

  /* Every incident not closed with its level and what its conditions are
   * read from, each on as many rows as it has reports done, in the order
   * they were recorded (none: one row without a report). */
  stmt = sonae_store_prepare (self,
                              "SELECT i.id, i.level, i.type, i.event, i.seen, i.personal_data, i.impact, "
                              "b.authority_key, b.done_on, b.done_by "
                              "FROM incidents i LEFT JOIN body_reports b "
                              "ON b.incident_id = i.id AND b.done_on IS NOT NULL "
                              "WHERE i.status IS NOT ?1 ORDER BY i.id, b.rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sonae_incident_status_to_string (SONAE_STATUS_CLOSED), -1, SQLITE_STATIC);
  by_incident = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (stmt, 0);

      if (incident == NULL || row_id != incident->id)
        {
          if (incident != NULL)
            insert_open_body_reports (by_incident, bodies, incident, done, stored, answers, profile->kind);
          g_clear_pointer (&done, g_ptr_array_unref);
          g_clear_pointer (&incident, sonae_incident_free);
          done = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_body_report_free);
          incident = incident_facts_from_row (stmt, 1, row_id);
        }
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        g_ptr_array_add (done, body_report_from_row (stmt, 7));
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the reports"));
      return NULL;
    }
  if (incident != NULL)
    insert_open_body_reports (by_incident, bodies, incident, done, stored, answers, profile->kind);
  return g_steal_pointer (&by_incident);
}

/* The authority's name as the roster shows it, else its key. */
static char *
authority_name (SonaeStore *self,
                const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SonaeContact) contact = NULL;

  stmt = sonae_store_prepare (self, "SELECT id FROM contacts WHERE builtin_key = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (key);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    contact = sonae_contacts_get (self, sqlite3_column_int64 (stmt, 0), NULL);
  if (contact == NULL)
    return g_strdup (key);
  return g_strdup (sonae_contact_get_display_name (contact));
}

gboolean
sonae_ppc_set_body_report (SonaeStore *self,
                           gint64      incident_id,
                           const char *authority_key,
                           const char *done_on,
                           const char *author,
                           GError    **error)
{
  g_autoptr(SonaePpcAssessment) ppc = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *date = sonae_ppc_normalize_date (done_on);
  g_autofree char *old = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_authorities_is_builtin_key (authority_key))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("“%s” is not one of the bodies Sonae knows to report to."),
                   authority_key != NULL ? authority_key : "");
      return FALSE;
    }
  if (g_strcmp0 (authority_key, SONAE_PPC_AUTHORITY_KEY) == 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Record the reports to the PPC as the dates the preliminary and final reports were sent."));
      return FALSE;
    }
  if (!sonae_input_check_author (author, error))
    return FALSE;
  ppc = sonae_ppc_get (self, incident_id, error);
  if (ppc == NULL)
    return FALSE;
  if (!sonae_ppc_check_date (date, today, ppc->learned_on, _("The report"), error))
    return FALSE;

  read = sonae_store_prepare (self,
                              "SELECT done_on FROM body_reports WHERE incident_id = ?1 AND authority_key = ?2",
                              error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, incident_id);
  sqlite3_bind_text (read, 2, authority_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (read);
  if (rc == SQLITE_ROW)
    old = sonae_column_dup (read, 0);
  else if (rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the reports"));
  if (g_strcmp0 (old, date) == 0)
    return TRUE;   /* nothing changed */

  name = authority_name (self, authority_key);
  if (date != NULL)
    /* Translators: the body (e.g. the police), then the date */
    text = g_strdup_printf (_("Reported to %s on %s"), name, date);
  else
    /* Translators: %s is the body, e.g. the police */
    text = g_strdup_printf (_("The date of the report to %s was removed"), name);

  if (!sonae_store_begin (self, error))
    return FALSE;
  if (date != NULL)
    write = sonae_store_prepare (self,
                                 "INSERT INTO body_reports (incident_id, authority_key, done_on, done_by) "
                                 "VALUES (?1, ?2, ?3, ?4) "
                                 "ON CONFLICT (incident_id, authority_key) DO UPDATE SET "
                                 "done_on = excluded.done_on, done_by = excluded.done_by", error);
  else
    write = sonae_store_prepare (self,
                                 "DELETE FROM body_reports WHERE incident_id = ?1 AND authority_key = ?2",
                                 error);
  if (write == NULL)
    goto fail;
  sqlite3_bind_int64 (write, 1, incident_id);
  sqlite3_bind_text (write, 2, authority_key, -1, SQLITE_STATIC);
  if (date != NULL)
    {
      sqlite3_bind_text (write, 3, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 4, author, -1, SQLITE_STATIC);
    }
  if (!step_done (self, write, error))
    goto fail;
  if (!sonae_incidents_append_timeline_entry (self, incident_id, SONAE_ENTRY_REPORT, NULL, author, text, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}
