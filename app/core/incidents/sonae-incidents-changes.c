/* sonae-incidents-changes.c: what happens to an incident after it is
 * started: its status, level and classification, its details, its
 * checklist steps and fields, each recorded in the timeline */
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

/* --- changes ------------------------------------------------------------ */

gboolean
sonae_incidents_set_status (SonaeStore         *self,
                            gint64              id,
                            SonaeIncidentStatus status,
                            const char         *author,
                            const char         *at,
                            GError            **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *when = NULL;
  gboolean back_entered;
  const char *values[2];

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if ((guint) status >= SONAE_N_STATUSES)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The incident's status is unknown."));
      return FALSE;
    }
  if (!sonae_input_check_author (author, error) ||
      !sonae_incidents_resolve_at (at, now, &when, &back_entered, error))
    return FALSE;
  incident = sonae_incidents_get (self, id, error);
  if (incident == NULL)
    return FALSE;
  if (incident->status == status)
    return TRUE;
  /* Not complete while a corrective action is open (sonae-capa.h). */
  if (status == SONAE_STATUS_CLOSED)
    {
      guint open = sonae_incidents_count_open_actions (self, id);

      if (open > 0)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u action of this incident is still open: finish it, or close it with a reason, first.",
                                    "%u actions of this incident are still open: finish them, or close them with a reason, first.",
                                    open),
                       open);
          return FALSE;
        }
    }

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_STATUS, when, back_entered, author);

    e.old_value = sonae_incident_status_to_string (incident->status);
    e.new_value = sonae_incident_status_to_string (status);
    values[0] = e.new_value;
    /* Closing records when; reopening clears it. */
    values[1] = status == SONAE_STATUS_CLOSED ? when : NULL;
    return sonae_incidents_commit_change (self, id, "UPDATE incidents SET status = ?2, closed_at = ?3 WHERE id = ?1",
                                          values, 2, &e, now, error);
  }
}

guint
sonae_incidents_count_open_actions (SonaeStore *store,
                                    gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (store,
                                                      "SELECT count(*) FROM actions"
                                                      " WHERE incident_id = ?1 AND status = 'open'",
                                                      NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

gboolean
sonae_incidents_reopen_if_closed (SonaeStore *store,
                                  gint64      id,
                                  const char *author,
                                  GError    **error)
{
  g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, id, error);

  if (incident == NULL)
    return FALSE;
  if (incident->status != SONAE_STATUS_CLOSED)
    return TRUE;
  return sonae_incidents_set_status (store, id, SONAE_STATUS_RECOVERING, author, NULL, error);
}

/* How an incident's level, type or event type is stored, for the timeline's
 * old and new values. Newly allocated. */
static char *
classification_key (const SonaeIncident *incident,
                    SonaeEntryKind       kind)
{
  switch (kind)
    {
    case SONAE_ENTRY_LEVEL:
      return g_strdup_printf ("%d", incident->level);
    case SONAE_ENTRY_TYPE:
      return g_strdup (sonae_incident_kind_to_string (incident->type));
    case SONAE_ENTRY_EVENT:
      return g_strdup (sonae_event_type_to_string (incident->event));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Change the level, type or event type (@kind) to @new_key with @sql, and
 * record it with the person's @comment; a change to the value already
 * there records nothing. The caller has checked @new_key. */
static gboolean
set_classification (SonaeStore     *self,
                    gint64          id,
                    SonaeEntryKind  kind,
                    const char     *sql,
                    const char     *new_key,
                    const char     *author,
                    const char     *comment,
                    GError        **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *old_key = NULL;
  const char *values[1] = { new_key };

  if (!sonae_input_check_author (author, error) ||
      !sonae_input_check_text (comment, error))
    return FALSE;
  incident = sonae_incidents_get (self, id, error);
  if (incident == NULL)
    return FALSE;
  old_key = classification_key (incident, kind);
  if (g_strcmp0 (old_key, new_key) == 0)
    return TRUE;

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (kind, now, FALSE, author);

    e.old_value = old_key;
    e.new_value = new_key;
    e.text = comment;
    return sonae_incidents_commit_change (self, id, sql, values, 1, &e, now, error);
  }
}

gboolean
sonae_incidents_set_level (SonaeStore *self,
                           gint64      id,
                           int         level,
                           const char *author,
                           const char *comment,
                           GError    **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_incidents_check_level (level, error))
    return FALSE;
  key = g_strdup_printf ("%d", level);
  return set_classification (self, id, SONAE_ENTRY_LEVEL,
                             "UPDATE incidents SET level = CAST (?2 AS INTEGER) WHERE id = ?1",
                             key, author, comment, error);
}

gboolean
sonae_incidents_set_type (SonaeStore       *self,
                          gint64            id,
                          SonaeIncidentType type,
                          const char       *author,
                          const char       *comment,
                          GError          **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_incidents_check_kinds (type, SONAE_EVENT_OTHER, error))
    return FALSE;
  return set_classification (self, id, SONAE_ENTRY_TYPE,
                             "UPDATE incidents SET type = ?2 WHERE id = ?1",
                             sonae_incident_kind_to_string (type), author, comment, error);
}

gboolean
sonae_incidents_set_event (SonaeStore    *self,
                           gint64         id,
                           SonaeEventType event,
                           const char    *author,
                           const char    *comment,
                           GError       **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_incidents_check_kinds (SONAE_INCIDENT_OTHER, event, error))
    return FALSE;
  return set_classification (self, id, SONAE_ENTRY_EVENT,
                             "UPDATE incidents SET event = ?2 WHERE id = ?1",
                             sonae_event_type_to_string (event), author, comment, error);
}

/* The SQL of each detail: fixed strings, never built from input. */
static const struct {
  const char *detail;
  const char *sql;
} detail_sql[] = {
  { SONAE_INCIDENT_DETAIL_TITLE, "UPDATE incidents SET title = ?2 WHERE id = ?1" },
  { SONAE_INCIDENT_DETAIL_DETECTED_AT, "UPDATE incidents SET detected_at = ?2 WHERE id = ?1" },
  { SONAE_INCIDENT_DETAIL_FOUND_BY, "UPDATE incidents SET found_by = ?2 WHERE id = ?1" },
  { SONAE_INCIDENT_DETAIL_LOCATION, "UPDATE incidents SET location = ?2 WHERE id = ?1" },
  { SONAE_INCIDENT_DETAIL_SYSTEM, "UPDATE incidents SET system = ?2 WHERE id = ?1" },
  { SONAE_INCIDENT_DETAIL_NETWORK, "UPDATE incidents SET network = ?2 WHERE id = ?1" },
};

/* Check a new value of @detail; *@out_value is what is stored (NULL to
 * clear). */
static gboolean
normalize_detail (const char  *detail,
                  const char  *value,
                  const char  *now,
                  char       **out_value,
                  GError     **error)
{
  g_autofree char *copy = NULL;

  if (!sonae_input_check_text (value, error))
    return FALSE;
  copy = g_strstrip (g_strdup (value != NULL ? value : ""));
  if (*copy == '\0')
    {
      if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_TITLE) == 0)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                               _("An incident needs a title, a few words saying what happened."));
          return FALSE;
        }
      *out_value = NULL;
      return TRUE;
    }
  if (g_strcmp0 (detail, SONAE_INCIDENT_DETAIL_DETECTED_AT) == 0)
    {
      gboolean unused;
      return sonae_incidents_resolve_at (copy, now, out_value, &unused, error);
    }
  *out_value = g_steal_pointer (&copy);
  return TRUE;
}

static const char *
find_detail_sql (const char *detail)
{
  for (guint i = 0; i < G_N_ELEMENTS (detail_sql); i++)
    if (g_strcmp0 (detail, detail_sql[i].detail) == 0)
      return detail_sql[i].sql;
  return NULL;
}

gboolean
sonae_incidents_set_detail (SonaeStore *self,
                            gint64      id,
                            const char *detail,
                            const char *value,
                            const char *author,
                            GError    **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *stored = NULL;
  const char *sql;
  const char *values[1];

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  sql = find_detail_sql (detail);
  if (sql == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("That detail of an incident is unknown."));
      return FALSE;
    }
  if (!sonae_input_check_author (author, error) ||
      !normalize_detail (detail, value, now, &stored, error))
    return FALSE;
  incident = sonae_incidents_get (self, id, error);
  if (incident == NULL)
    return FALSE;
  if (g_strcmp0 (sonae_incident_get_detail (incident, detail), stored) == 0)
    return TRUE;

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_DETAIL, now, FALSE, author);

    e.field = detail;
    e.old_value = sonae_incident_get_detail (incident, detail);
    e.new_value = stored;
    values[0] = stored;
    return sonae_incidents_commit_change (self, id, sql, values, 1, &e, now, error);
  }
}

/* "label: value" lines of the step's fields, as they are when it is
 * checked, named as in the bundled checklist. */
static char *
step_snapshot (const SonaeIncident *incident,
               const char          *step_id)
{
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (NULL);
  const SonaeChecklistStep *step;
  GString *text;

  if (checklist == NULL)
    return NULL;
  step = sonae_checklist_get_step (checklist, step_id);
  if (step == NULL || step->fields == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < step->fields->len; i++)
    {
      const SonaeChecklistField *field = g_ptr_array_index (step->fields, i);
      const char *value = sonae_incident_get_field_value (incident, step, field);
      g_autofree char *shown = NULL;

      if (value == NULL)
        continue;
      if (field->kind == SONAE_FIELD_DATETIME)
        shown = sonae_datetime_format (value);
      else
        shown = sonae_checklist_field_format (field, value);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a field of a checklist step and its value */
      g_string_append_printf (text, _("%s: %s"), field->label, shown != NULL ? shown : value);
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* What a change to a checklist step starts with: its key, who changes it
 * and when (*@when, *@back_entered, from @at or @now), and the incident as
 * it is; NULL on an error. */
static SonaeIncident *
begin_step_change (SonaeStore  *self,
                   gint64       id,
                   const char  *step_id,
                   const char  *author,
                   const char  *at,
                   const char  *now,
                   char       **when,
                   gboolean    *back_entered,
                   GError     **error)
{
  if (!sonae_incidents_check_key (step_id, error) ||
      !sonae_input_check_author (author, error) ||
      !sonae_incidents_resolve_at (at, now, when, back_entered, error))
    return NULL;
  return sonae_incidents_get (self, id, error);
}

/* Stores step @step_id of incident @id, done or not, marked at @when by
 * @author (both NULL: not marked), and the timeline's entry @e that says
 * so, in one transaction. */
static gboolean
save_step (SonaeStore    *self,
           gint64         id,
           const char    *step_id,
           gboolean       done,
           const char    *when,
           const char    *author,
           gboolean       back_entered,
           SonaeNewEntry *e,
           const char    *now,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self,
                              "INSERT INTO incident_steps (incident_id, step_id, done, done_at, done_by, back_entered) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                              "ON CONFLICT (incident_id, step_id) DO UPDATE SET done = excluded.done, "
                              "done_at = excluded.done_at, done_by = excluded.done_by, "
                              "back_entered = excluded.back_entered", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, step_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, done ? 1 : 0);
  sonae_bind_text (stmt, 4, when);
  sonae_bind_text (stmt, 5, author);
  sqlite3_bind_int (stmt, 6, when != NULL && back_entered ? 1 : 0);
  if (!sonae_incidents_step_sql (self, stmt, _("Could not save the checklist"), error))
    goto fail;

  e->step_id = step_id;
  if (!sonae_incidents_append_entry (self, id, e, now, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

gboolean
sonae_incidents_check_step (SonaeStore *self,
                            gint64      id,
                            const char *step_id,
                            gboolean    done,
                            const char *author,
                            const char *at,
                            GError    **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *when = NULL;
  g_autofree char *snapshot = NULL;
  const SonaeStepState *state;
  gboolean back_entered;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  incident = begin_step_change (self, id, step_id, author, at, now, &when, &back_entered, error);
  if (incident == NULL)
    return FALSE;
  state = sonae_incident_get_step_state (incident, step_id);
  if ((state != NULL && state->done) == (done != FALSE))
    return TRUE;
  if (done)
    snapshot = step_snapshot (incident, step_id);

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (done ? SONAE_ENTRY_CHECK : SONAE_ENTRY_UNCHECK, when, back_entered, author);

    e.text = snapshot;
    return save_step (self, id, step_id, done, done ? when : NULL, done ? author : NULL, back_entered, &e, now,
                      error);
  }
}

gboolean
sonae_incidents_set_step_not_applicable (SonaeStore *self,
                                         gint64      id,
                                         const char *step_id,
                                         gboolean    not_applicable,
                                         const char *author,
                                         const char *at,
                                         GError    **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *when = NULL;
  const SonaeStepState *state;
  gboolean back_entered;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  incident = begin_step_change (self, id, step_id, author, at, now, &when, &back_entered, error);
  if (incident == NULL)
    return FALSE;
  state = sonae_incident_get_step_state (incident, step_id);
  if ((state != NULL && state->not_applicable) == (not_applicable != FALSE))
    return TRUE;
  if (state != NULL && state->done)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("This step is done: untick it first to mark it as not applicable."));
      return FALSE;
    }

  /* Not done either way; when and by whom it was marked stay with it while
   * it is marked (that is what tells it from an open step). */
  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (not_applicable ? SONAE_ENTRY_NOT_APPLICABLE : SONAE_ENTRY_APPLICABLE,
                                       when, back_entered, author);

    return save_step (self, id, step_id, FALSE, not_applicable ? when : NULL, not_applicable ? author : NULL,
                      back_entered, &e, now, error);
  }
}

/* Check a field's value against its kind; *@out_value is what is stored. */
static gboolean
normalize_field (const SonaeChecklistField  *field,
                 const char                 *value,
                 char                      **out_value,
                 GError                    **error)
{
  g_autofree char *copy = NULL;

  if (!sonae_input_check_text (value, error))
    return FALSE;
  copy = g_strdup (value != NULL ? value : "");
  if (field->kind != SONAE_FIELD_TEXT)
    g_strstrip (copy);
  if (sonae_input_is_blank (copy))
    {
      *out_value = NULL;
      return TRUE;
    }

  switch (field->kind)
    {
    case SONAE_FIELD_CHOICE:
    case SONAE_FIELD_MULTI:
      {
        g_auto(GStrv) ids = g_strsplit (copy, ",", -1);
        g_autoptr(GPtrArray) kept = g_ptr_array_new ();

        if (field->kind == SONAE_FIELD_CHOICE && g_strv_length (ids) != 1)
          goto not_an_option;
        for (guint i = 0; ids[i]; i++)
          {
            gboolean known = FALSE;

            g_strstrip (ids[i]);
            for (guint j = 0; field->options != NULL && j < field->options->len; j++)
              if (g_strcmp0 (((SonaeChecklistOption *) g_ptr_array_index (field->options, j))->id, ids[i]) == 0)
                known = TRUE;
            if (!known)
              goto not_an_option;
            g_ptr_array_add (kept, ids[i]);
          }
        g_ptr_array_add (kept, NULL);
        *out_value = g_strjoinv (",", (char **) kept->pdata);
        return TRUE;

      not_an_option:
        g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                     _("“%s” is not one of the choices for “%s”."), copy, field->label);
        return FALSE;
      }

    case SONAE_FIELD_DATETIME:
      {
        g_autofree char *parsed = sonae_datetime_parse (copy, error);

        if (parsed == NULL)
          return FALSE;
        /* A bound time (detected_at) keeps the seconds like the incident's
         * own times; a field's own value is "YYYY-MM-DDTHH:MM". */
        *out_value = field->bind != NULL ? g_steal_pointer (&parsed) : g_strndup (parsed, 16);
        return TRUE;
      }

    case SONAE_FIELD_LINE:
    case SONAE_FIELD_TEXT:
    default:
      *out_value = g_steal_pointer (&copy);
      return TRUE;
    }
}

gboolean
sonae_incidents_set_step_field (SonaeStore                *self,
                                gint64                     id,
                                const SonaeChecklistStep  *step,
                                const SonaeChecklistField *field,
                                const char                *value,
                                const char                *author,
                                GError                   **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *stored = NULL;
  const SonaeStepState *state;
  const char *old_value;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!sonae_incidents_check_key (step->id, error) || !sonae_incidents_check_key (field->id, error) ||
      !sonae_input_check_author (author, error) ||
      !normalize_field (field, value, &stored, error))
    return FALSE;

  /* A field that stands for a detail of the incident changes the detail. */
  if (field->bind != NULL)
    return sonae_incidents_set_detail (self, id, field->bind, stored, author, error);

  incident = sonae_incidents_get (self, id, error);
  if (incident == NULL)
    return FALSE;
  old_value = sonae_incident_get_field_value (incident, step, field);
  if (g_strcmp0 (old_value, stored) == 0)
    return TRUE;
  state = sonae_incident_get_step_state (incident, step->id);

  if (!sonae_store_begin (self, error))
    return FALSE;
  if (stored != NULL)
    stmt = sonae_store_prepare (self,
                                "INSERT INTO incident_fields (incident_id, step_id, field_id, value) "
                                "VALUES (?1, ?2, ?3, ?4) "
                                "ON CONFLICT (incident_id, step_id, field_id) DO UPDATE SET value = excluded.value",
                                error);
  else
    stmt = sonae_store_prepare (self,
                                "DELETE FROM incident_fields WHERE incident_id = ?1 AND step_id = ?2 AND field_id = ?3",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, step->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field->id, -1, SQLITE_STATIC);
  if (stored != NULL)
    sqlite3_bind_text (stmt, 4, stored, -1, SQLITE_STATIC);
  if (!sonae_incidents_step_sql (self, stmt, _("Could not save the checklist"), error))
    goto fail;

  /* Until the step is done its fields are working notes; checking the step
   * records them. */
  if (state != NULL && state->done)
    {
      SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_FIELD, now, FALSE, author);

      e.step_id = step->id;
      e.field = field->id;
      e.old_value = old_value;
      e.new_value = stored;
      if (!sonae_incidents_append_entry (self, id, &e, now, error))
        goto fail;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}
