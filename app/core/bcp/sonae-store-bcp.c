/* sonae-store-bcp.c: the SQL of the business-continuity plan (sonae-bcp.h).
 *
 * Every change checks everything first, outside the transaction, so that a
 * mistake changes nothing, then writes and emits "changed::bcp". People are
 * roster contacts kept by id; a deleted or purged contact reads as none. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-input.h"
#include "sonae-role.h"
#include "sonae-store-private.h"

#define SYSTEM_NAME_MAX 200
#define NUMBER_MAX 9999
#define GENERATIONS_MAX 999
#define RESTORE_DAYS_MAX 3650

/* --- small helpers ------------------------------------------------------- */

/* Every refusal of the plan is SONAE_ERROR_INVALID (sonae-bcp.h), a
 * text too long included: turn @local into one and pass it on. */
static gboolean
as_invalid (GError  *local,
            GError **error)
{
  local->code = SONAE_ERROR_INVALID;
  g_propagate_error (error, local);
  return FALSE;
}

/* As sonae_input_check_text(), refusing as the plan refuses. */
static gboolean
check_text (const char  *text,
            GError     **error)
{
  GError *local = NULL;

  return sonae_input_check_text (text, &local) || as_invalid (local, error);
}

static gboolean
check_required (const char  *text,
                const char  *message,
                GError     **error)
{
  GError *local = NULL;

  return sonae_input_check_required (text, message, &local) || as_invalid (local, error);
}

/* A date a person typed, stripped; NULL for none. With @past_only, a date
 * after today is refused. */
static gboolean
normalize_date (const char  *text,
                gboolean     past_only,
                char       **out_date,
                GError     **error)
{
  GError *local = NULL;

  if (!sonae_input_normalize_date (text, out_date, &local))
    return as_invalid (local, error);
  if (past_only && *out_date != NULL && sonae_clock_days_since (*out_date) < 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s is in the future: give the day it happened."), *out_date);
      g_clear_pointer (out_date, g_free);
      return FALSE;
    }
  return TRUE;
}

/* @date, or today when NULL; must be real and not in the future. */
static gboolean
past_date_or_today (const char  *date,
                    char       **out_date,
                    GError     **error)
{
  if (!normalize_date (date, TRUE, out_date, error))
    return FALSE;
  if (*out_date == NULL)
    *out_date = sonae_clock_today ();
  return TRUE;
}

static gboolean
check_number (int          value,
              int          min,
              int          max,
              const char  *what,
              GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
               /* Translators: “The recovery time must be a number from 0 to 9999.” */
               _("%s must be a number from 0 to %d."), what, max);
  return FALSE;
}

static gboolean
check_person (gint64    id,
              GError  **error)
{
  if (id >= 0)
    return TRUE;
  g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                       _("The person chosen is not in the contact list."));
  return FALSE;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (SonaeStore   *self,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, what);
  return TRUE;
}

/* Run one statement that changes one row in its own transaction; with
 * @not_found, no row changed is SONAE_ERROR_NOT_FOUND. */
static gboolean
run_change (SonaeStore   *self,
            sqlite3_stmt *stmt,
            const char   *what,
            const char   *not_found,
            GError      **error)
{
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!step_done (self, stmt, what, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  if (not_found != NULL && sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    {
      sonae_store_rollback (self);
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_BCP);
  return sonae_store_commit (self, error);
}

/* TRUE when @sql (one ?1 bound to @id) finds a row. */
static gboolean
row_exists (SonaeStore  *self,
            const char  *sql,
            gint64       id,
            gboolean    *out_exists,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the plan"));
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static int
count_rows (SonaeStore *self,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
check_answer (SonaeBcpAnswer   answer,
              GError         **error)
{
  if ((guint) answer <= SONAE_BCP_NO)
    return TRUE;
  g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                       _("Answer yes, no or not known."));
  return FALSE;
}

/* Reads the current row of a statement into a newly allocated struct. */
typedef gpointer (*RowReader) (sqlite3_stmt *stmt);

/* Every row @stmt (prepared and bound) finds, read with @read_row, in an
 * array that frees them with @free_row; NULL with @read_error when the
 * database fails. */
static GPtrArray *
read_rows (SonaeStore      *self,
           sqlite3_stmt    *stmt,
           RowReader        read_row,
           GDestroyNotify   free_row,
           const char      *read_error,
           GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_row);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, read_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* As read_rows(), for @sql with nothing to bind. */
static GPtrArray *
list_rows (SonaeStore      *self,
           const char      *sql,
           RowReader        read_row,
           GDestroyNotify   free_row,
           const char      *read_error,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  return read_rows (self, stmt, read_row, free_row, read_error, error);
}

/* The row @sql (one ?1 bound to @id) finds, read with @read_row; NULL with
 * @read_error when the database fails, or with @not_found
 * (SONAE_ERROR_NOT_FOUND) when there is no such row. */
static gpointer
get_row (SonaeStore  *self,
         const char  *sql,
         gint64       id,
         RowReader    read_row,
         const char  *read_error,
         const char  *not_found,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_row (stmt);
  if (rc != SQLITE_DONE)
    sonae_store_set_sql_error (self, error, read_error);
  else
    g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND, not_found);
  return NULL;
}

/* The INSERT of a new row (@id 0) or the UPDATE of row @id (bound to ?1),
 * prepared for the caller to bind ?2 and on. */
static sqlite3_stmt *
prepare_save (SonaeStore  *self,
              gint64       id,
              const char  *insert_sql,
              const char  *update_sql,
              GError     **error)
{
  sqlite3_stmt *stmt = sonae_store_prepare (self, id == 0 ? insert_sql : update_sql, error);

  if (stmt != NULL && id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

/* Run a statement of prepare_save() in its own transaction. After an
 * INSERT (*@inout_id 0) *@inout_id is the new row's; an UPDATE that
 * changes no row is @not_found (SONAE_ERROR_NOT_FOUND). */
static gboolean
run_save (SonaeStore    *self,
          sqlite3_stmt  *stmt,
          gint64        *inout_id,
          const char    *what,
          const char    *not_found,
          GError       **error)
{
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!step_done (self, stmt, what, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  if (*inout_id == 0)
    *inout_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  else if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    {
      sonae_store_rollback (self);
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_BCP);
  return sonae_store_commit (self, error);
}

/* Delete row @id with @sql (one ?1) in its own transaction; no such row
 * is @not_found. */
static gboolean
delete_row (SonaeStore  *self,
            const char  *sql,
            gint64       id,
            const char  *what,
            const char  *not_found,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return run_change (self, stmt, what, not_found, error);
}

/* As delete_row(), with @unlink_sql (one ?1) run first in the same
 * transaction: the measures linked to the row keep, without the link. */
static gboolean
delete_linked_row (SonaeStore  *self,
                   const char  *unlink_sql,
                   const char  *sql,
                   gint64       id,
                   const char  *what,
                   const char  *not_found,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) unlink = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  unlink = sonae_store_prepare (self, unlink_sql, error);
  if (unlink == NULL)
    return FALSE;
  stmt = sonae_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (unlink, 1, id);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!step_done (self, unlink, what, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  if (!run_change (self, stmt, what, not_found, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  return sonae_store_commit (self, error);
}

/* --- texts, deciders, reviews -------------------------------------------- */

static char *
get_text_row (SonaeStore  *self,
              const char  *key,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sonae_store_prepare (self, "SELECT value FROM bcp_texts WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sonae_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sonae_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    sonae_store_set_sql_error (self, error, _("Could not read the plan"));
  return NULL;
}

static gboolean
set_text_row (SonaeStore  *self,
              const char  *key,
              const char  *value,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sonae_input_is_blank (value))
    {
      stmt = sonae_store_prepare (self, "DELETE FROM bcp_texts WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
    }
  else
    {
      g_autofree char *now = sonae_input_now_string ();

      stmt = sonae_store_prepare (self,
                                  "INSERT INTO bcp_texts (key, value, updated_at) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
      sonae_bind_text (stmt, 2, value);
      sonae_bind_text (stmt, 3, now);
    }
  return run_change (self, stmt, _("Could not save the plan"), NULL, error);
}

char *
sonae_bcp_get_text (SonaeStore  *self,
                    SonaeBcpText text,
                    GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) text < SONAE_BCP_N_TEXTS, NULL);

  return get_text_row (self, sonae_bcp_text_to_string (text), error);
}

gboolean
sonae_bcp_set_text (SonaeStore  *self,
                    SonaeBcpText text,
                    const char  *value,
                    GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) text < SONAE_BCP_N_TEXTS, FALSE);

  if (!check_text (value, error))
    return FALSE;
  return set_text_row (self, sonae_bcp_text_to_string (text), value, error);
}

char *
sonae_bcp_get_decider (SonaeStore      *self,
                       SonaeBcpDecision decision)
{
  g_autofree char *key = NULL;
  g_autofree char *role = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) decision < SONAE_BCP_N_DECISIONS, NULL);

  key = g_strconcat ("decider:", sonae_bcp_decision_to_string (decision), NULL);
  role = get_text_row (self, key, NULL);
  if (role == NULL || sonae_role_lookup (role) == NULL)
    return g_strdup (SONAE_ROLE_TOP);
  return g_steal_pointer (&role);
}

gboolean
sonae_bcp_set_decider (SonaeStore      *self,
                       SonaeBcpDecision decision,
                       const char      *role_key,
                       GError         **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) decision < SONAE_BCP_N_DECISIONS, FALSE);

  if (role_key == NULL || sonae_role_lookup (role_key) == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Choose one of the roles of the manual."));
      return FALSE;
    }
  key = g_strconcat ("decider:", sonae_bcp_decision_to_string (decision), NULL);
  return set_text_row (self, key, role_key, error);
}

gboolean
sonae_bcp_mark_reviewed (SonaeStore *self,
                         const char *date,
                         const char *by,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *who = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_required (by, _("Say who reviewed the plan."), error))
    return FALSE;
  if (!past_date_or_today (date, &day, error))
    return FALSE;
  who = g_strstrip (g_strdup (by));
  now = sonae_input_now_string ();
  stmt = sonae_store_prepare (self,
                              "INSERT INTO bcp_reviews (reviewed_on, reviewed_by, created_at) "
                              "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 1, day);
  sonae_bind_text (stmt, 2, who);
  sonae_bind_text (stmt, 3, now);
  return run_change (self, stmt, _("Could not record the review"), NULL, error);
}

gboolean
sonae_bcp_get_last_review (SonaeStore *self,
                           char      **out_date,
                           char      **out_by)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (out_date)
    *out_date = NULL;
  if (out_by)
    *out_by = NULL;
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  stmt = sonae_store_prepare (self,
                              "SELECT reviewed_on, reviewed_by FROM bcp_reviews "
                              "ORDER BY reviewed_on DESC, id DESC LIMIT 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (out_date)
    *out_date = sonae_column_dup (stmt, 0);
  if (out_by)
    *out_by = sonae_column_dup (stmt, 1);
  return TRUE;
}

gboolean
sonae_bcp_is_started (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return count_rows (self,
                     "SELECT (SELECT count(*) FROM bcp_texts WHERE key NOT LIKE 'decider:%')"
                     " + (SELECT count(*) FROM bcp_events)"
                     " + (SELECT count(*) FROM bcp_systems)"
                     " + (SELECT count(*) FROM bcp_measures)"
                     " + (SELECT count(*) FROM bcp_drills)"
                     " + (SELECT count(*) FROM bcp_risks)"
                     " + (SELECT count(*) FROM bcp_reviews)"
                     " + (SELECT count(*) FROM bcp_checks WHERE answer != 'unknown')") > 0;
}

/* --- events -------------------------------------------------------------- */

static SonaeBcpEvent *
event_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpEvent *event = sonae_bcp_event_new ();

  event->id = sqlite3_column_int64 (stmt, 0);
  event->title = sonae_column_dup (stmt, 1);
  event->stops = sonae_column_dup (stmt, 2);
  event->damage = sonae_column_dup (stmt, 3);
  event->position = sqlite3_column_int (stmt, 4);
  if (event->title == NULL)
    event->title = g_strdup ("");
  return event;
}

GPtrArray *
sonae_bcp_list_events (SonaeStore *self,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return list_rows (self,
                    "SELECT id, title, stops, damage, position FROM bcp_events "
                    "ORDER BY position, id",
                    (RowReader) event_from_row, (GDestroyNotify) sonae_bcp_event_free,
                    _("Could not read the crisis events"), error);
}

gboolean
sonae_bcp_save_event (SonaeStore    *self,
                      SonaeBcpEvent *event,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!check_required (event->title, _("The event needs a title."), error) ||
      !check_text (event->stops, error) ||
      !check_text (event->damage, error))
    return FALSE;
  title = g_strstrip (g_strdup (event->title));

  if (event->id == 0)
    {
      gint64 id;
      int position;

      if (!sonae_store_begin (self, error))
        return FALSE;
      position = count_rows (self, "SELECT coalesce (max (position) + 1, 0) FROM bcp_events");
      stmt = sonae_store_prepare (self,
                                  "INSERT INTO bcp_events (title, stops, damage, position) "
                                  "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        {
          sonae_store_rollback (self);
          return FALSE;
        }
      sonae_bind_text (stmt, 1, title);
      sonae_bind_text (stmt, 2, event->stops);
      sonae_bind_text (stmt, 3, event->damage);
      sqlite3_bind_int (stmt, 4, position);
      if (!step_done (self, stmt, _("Could not save the event"), error))
        {
          sonae_store_rollback (self);
          return FALSE;
        }
      id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
      sonae_store_emit_changed (self, SONAE_CHANGED_BCP);
      if (!sonae_store_commit (self, error))
        return FALSE;
      event->id = id;
      event->position = position;
    }
  else
    {
      stmt = sonae_store_prepare (self,
                                  "UPDATE bcp_events SET title = ?2, stops = ?3, damage = ?4, position = ?5 "
                                  "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event->id);
      sonae_bind_text (stmt, 2, title);
      sonae_bind_text (stmt, 3, event->stops);
      sonae_bind_text (stmt, 4, event->damage);
      sqlite3_bind_int (stmt, 5, MAX (event->position, 0));
      if (!run_change (self, stmt, _("Could not save the event"),
                       _("The event does not exist."), error))
        return FALSE;
    }
  g_free (event->title);
  event->title = g_steal_pointer (&title);
  return TRUE;
}

gboolean
sonae_bcp_delete_event (SonaeStore *self,
                        gint64      id,
                        GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM bcp_events WHERE id = ?1", id,
                     _("Could not delete the event"), _("The event does not exist."), error);
}

static const struct {
  const char *title;
  const char *stops;
} usual_events[] = {
  { N_("Ransomware encrypts the server and the PCs"),
    N_("The medical records and the billing system cannot be used, and past records cannot be looked at.") },
  { N_("The medical-record system stops"),
    N_("Records cannot be written or read; orders, prescriptions and billing wait.") },
  { N_("The network is down"),
    N_("The PCs cannot reach the server, the internet, online eligibility checks or e-mail.") },
  { N_("A power cut"),
    N_("Every PC, the server and the network stop; the fridge and the devices lose power.") },
  { N_("An earthquake, a fire or a flood"),
    N_("The building, the server and the paper records may be damaged; staff may not be able to come.") },
  { N_("The vendor cannot be reached"),
    N_("Nobody can repair or restore the system; the outage lasts longer.") },
  { N_("Staff cannot reach each other"),
    N_("Nobody is told what happened or what to do; decisions wait.") },
  { N_("A device misbehaves"),
    N_("A scanner, printer, imaging device or reception machine gives wrong results or stops.") },
};

int
sonae_bcp_add_usual_events (SonaeStore *self,
                            GError    **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  int added = 0;

  g_return_val_if_fail (SONAE_IS_STORE (self), -1);

  existing = sonae_bcp_list_events (self, error);
  if (existing == NULL)
    return -1;
  if (!sonae_store_begin (self, error))
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (usual_events); i++)
    {
      g_autoptr(SonaeBcpEvent) event = sonae_bcp_event_new ();
      const char *title = _(usual_events[i].title);
      gboolean present = FALSE;

      for (guint j = 0; j < existing->len && !present; j++)
        {
          SonaeBcpEvent *other = g_ptr_array_index (existing, j);
          g_autofree char *a = g_utf8_casefold (other->title, -1);
          g_autofree char *b = g_utf8_casefold (title, -1);

          present = g_strcmp0 (a, b) == 0;
        }
      if (present)
        continue;
      event->title = g_strdup (title);
      event->stops = g_strdup (_(usual_events[i].stops));
      if (!sonae_bcp_save_event (self, event, error))
        {
          sonae_store_rollback (self);
          return -1;
        }
      added++;
    }
  if (!sonae_store_commit (self, error))
    return -1;
  return added;
}

/* --- systems ------------------------------------------------------------- */

#define SYSTEM_COLUMNS \
  "s.id, s.name, s.purpose, s.vendor_id, v.name, s.contract_no, s.owner_id, o.name, " \
  "s.recovery_order, s.rto_hours, s.rpo_hours, s.backup_method, s.backup_frequency, " \
  "s.backup_generations, s.backup_offline, s.backup_location, s.restore_tested_on, " \
  "s.restore_test_days, s.fallback, s.forms_location, s.first_steps, s.created_at, s.updated_at"

#define SYSTEM_FROM \
  " FROM bcp_systems s" \
  " LEFT JOIN contacts v ON v.id = s.vendor_id AND v.deleted = 0" \
  " LEFT JOIN contacts o ON o.id = s.owner_id AND o.deleted = 0 "

static SonaeBcpSystem *
system_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpSystem *system = sonae_bcp_system_new ();

  system->id = sqlite3_column_int64 (stmt, 0);
  system->name = sonae_column_dup (stmt, 1);
  system->purpose = sonae_column_dup (stmt, 2);
  system->vendor_id = sqlite3_column_int64 (stmt, 3);
  system->vendor_name = sonae_column_dup (stmt, 4);
  system->contract_no = sonae_column_dup (stmt, 5);
  system->owner_id = sqlite3_column_int64 (stmt, 6);
  system->owner_name = sonae_column_dup (stmt, 7);
  system->recovery_order = sqlite3_column_int (stmt, 8);
  system->rto_hours = sqlite3_column_int (stmt, 9);
  system->rpo_hours = sqlite3_column_int (stmt, 10);
  system->backup_method = sonae_column_dup (stmt, 11);
  system->backup_frequency = sonae_column_dup (stmt, 12);
  system->backup_generations = sqlite3_column_int (stmt, 13);
  if (!sonae_bcp_answer_from_string ((const char *) sqlite3_column_text (stmt, 14),
                                     &system->backup_offline))
    system->backup_offline = SONAE_BCP_UNKNOWN;
  system->backup_location = sonae_column_dup (stmt, 15);
  system->restore_tested_on = sonae_column_dup (stmt, 16);
  system->restore_test_days = sqlite3_column_int (stmt, 17);
  system->fallback = sonae_column_dup (stmt, 18);
  system->forms_location = sonae_column_dup (stmt, 19);
  system->first_steps = sonae_column_dup (stmt, 20);
  system->created_at = sonae_column_dup (stmt, 21);
  system->updated_at = sonae_column_dup (stmt, 22);
  if (system->name == NULL)
    system->name = g_strdup ("");
  return system;
}

GPtrArray *
sonae_bcp_list_systems (SonaeStore *self,
                        GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return list_rows (self,
                    "SELECT " SYSTEM_COLUMNS SYSTEM_FROM
                    "ORDER BY s.recovery_order = 0, s.recovery_order, s.name COLLATE NOCASE, s.id",
                    (RowReader) system_from_row, (GDestroyNotify) sonae_bcp_system_free,
                    _("Could not read the systems"), error);
}

static SonaeBcpSystem *
get_system (SonaeStore  *self,
            const char  *where,
            gint64       id,
            const char  *name,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " SYSTEM_COLUMNS SYSTEM_FROM, where, NULL);
  int rc;

  stmt = sonae_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    sonae_bind_text (stmt, 1, name);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return system_from_row (stmt);
  if (rc != SQLITE_DONE)
    sonae_store_set_sql_error (self, error, _("Could not read the system"));
  else if (name != NULL)
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                 _("There is no system called “%s”."), name);
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                   _("There is no system number %s."), number);
    }
  return NULL;
}

SonaeBcpSystem *
sonae_bcp_get_system (SonaeStore *self,
                      gint64      id,
                      GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return get_system (self, "WHERE s.id = ?1", id, NULL, error);
}

SonaeBcpSystem *
sonae_bcp_find_system (SonaeStore *self,
                       const char *name_or_id,
                       GError    **error)
{
  g_autofree char *wanted = NULL;
  SonaeBcpSystem *system;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (name_or_id == NULL || !g_utf8_validate (name_or_id, -1, NULL))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("Give the name of a system."));
      return NULL;
    }
  wanted = g_strstrip (g_strdup (name_or_id));
  if (*wanted == '\0')
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("Give the name of a system."));
      return NULL;
    }
  /* A name first: a system may well be called “2”. */
  system = get_system (self, "WHERE s.name = ?1 COLLATE NOCASE", 0, wanted, NULL);
  if (system != NULL)
    return system;
  if (strspn (wanted, "0123456789") == strlen (wanted) && strlen (wanted) <= 18)
    {
      system = get_system (self, "WHERE s.id = ?1", g_ascii_strtoll (wanted, NULL, 10), NULL, NULL);
      if (system != NULL)
        return system;
    }
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
               _("There is no system called “%s”."), wanted);
  return NULL;
}

static gboolean
check_system (SonaeBcpSystem  *system,
              char           **out_name,
              char           **out_tested,
              GError         **error)
{
  g_autofree char *name = NULL;
  const char *texts[] = {
    system->purpose, system->contract_no, system->backup_method, system->backup_frequency,
    system->backup_location, system->fallback, system->forms_location, system->first_steps,
  };

  if (!check_required (system->name, _("The system needs a name."), error))
    return FALSE;
  name = g_strstrip (g_strdup (system->name));
  if (strlen (name) > SYSTEM_NAME_MAX)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("The system's name is too long: at most %d bytes."), SYSTEM_NAME_MAX);
      return FALSE;
    }
  if (strpbrk (name, "\r\n") != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The system's name must fit on one line."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!check_text (texts[i], error))
      return FALSE;
  if (!check_number (system->recovery_order, 0, NUMBER_MAX, _("The recovery order"), error) ||
      !check_number (system->rto_hours, -1, NUMBER_MAX, _("The target time to recover"), error) ||
      !check_number (system->rpo_hours, -1, NUMBER_MAX, _("The data that may be lost"), error) ||
      !check_number (system->backup_generations, -1, GENERATIONS_MAX, _("The number of backup generations"), error) ||
      !check_number (system->restore_test_days, 0, RESTORE_DAYS_MAX, _("The days between restore tests"), error) ||
      !check_person (system->vendor_id, error) ||
      !check_person (system->owner_id, error))
    return FALSE;
  if (!check_answer (system->backup_offline, error) ||
      !normalize_date (system->restore_tested_on, TRUE, out_tested, error))
    return FALSE;
  *out_name = g_steal_pointer (&name);
  return TRUE;
}

static void
replace_string (char **field,
                char  *value)
{
  g_free (*field);
  *field = value;
}

gboolean
sonae_bcp_save_system (SonaeStore     *self,
                       SonaeBcpSystem *system,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) dup = NULL;
  g_autoptr(SonaeBcpSystem) saved = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tested = NULL;
  g_autofree char *now = NULL;
  gint64 id = system ? system->id : 0;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (system != NULL, FALSE);

  if (!check_system (system, &name, &tested, error))
    return FALSE;

  dup = sonae_store_prepare (self,
                             "SELECT name FROM bcp_systems WHERE name = ?1 COLLATE NOCASE AND id != ?2",
                             error);
  if (dup == NULL)
    return FALSE;
  sonae_bind_text (dup, 1, name);
  sqlite3_bind_int64 (dup, 2, id);
  rc = sqlite3_step (dup);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS,
                   _("Another system is already called “%s”."),
                   (const char *) sqlite3_column_text (dup, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the systems"));

  now = sonae_input_now_string ();
  stmt = prepare_save (self, id,
                       "INSERT INTO bcp_systems (name, purpose, vendor_id, contract_no, owner_id, "
                       "recovery_order, rto_hours, rpo_hours, backup_method, backup_frequency, "
                       "backup_generations, backup_offline, backup_location, restore_tested_on, "
                       "restore_test_days, fallback, forms_location, first_steps, created_at, updated_at) "
                       "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                       "?17, ?18, ?19, ?20, ?20)",
                       "UPDATE bcp_systems SET name = ?2, purpose = ?3, vendor_id = ?4, "
                       "contract_no = ?5, owner_id = ?6, recovery_order = ?7, rto_hours = ?8, "
                       "rpo_hours = ?9, backup_method = ?10, backup_frequency = ?11, "
                       "backup_generations = ?12, backup_offline = ?13, backup_location = ?14, "
                       "restore_tested_on = ?15, restore_test_days = ?16, fallback = ?17, "
                       "forms_location = ?18, first_steps = ?19, updated_at = ?20 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, name);
  sonae_bind_text (stmt, 3, system->purpose);
  bind_id (stmt, 4, system->vendor_id);
  sonae_bind_text (stmt, 5, system->contract_no);
  bind_id (stmt, 6, system->owner_id);
  sqlite3_bind_int (stmt, 7, system->recovery_order);
  sqlite3_bind_int (stmt, 8, system->rto_hours);
  sqlite3_bind_int (stmt, 9, system->rpo_hours);
  sonae_bind_text (stmt, 10, system->backup_method);
  sonae_bind_text (stmt, 11, system->backup_frequency);
  sqlite3_bind_int (stmt, 12, system->backup_generations);
  sonae_bind_text (stmt, 13, sonae_bcp_answer_to_string (system->backup_offline));
  sonae_bind_text (stmt, 14, system->backup_location);
  sonae_bind_text (stmt, 15, tested);
  sqlite3_bind_int (stmt, 16, system->restore_test_days);
  sonae_bind_text (stmt, 17, system->fallback);
  sonae_bind_text (stmt, 18, system->forms_location);
  sonae_bind_text (stmt, 19, system->first_steps);
  sonae_bind_text (stmt, 20, now);

  if (!run_save (self, stmt, &id, _("Could not save the system"), _("The system does not exist."), error))
    return FALSE;

  system->id = id;
  replace_string (&system->name, g_steal_pointer (&name));
  replace_string (&system->restore_tested_on, g_steal_pointer (&tested));
  saved = sonae_bcp_get_system (self, id, NULL);
  if (saved != NULL)
    {
      replace_string (&system->vendor_name, g_steal_pointer (&saved->vendor_name));
      replace_string (&system->owner_name, g_steal_pointer (&saved->owner_name));
      replace_string (&system->created_at, g_steal_pointer (&saved->created_at));
      replace_string (&system->updated_at, g_steal_pointer (&saved->updated_at));
    }
  return TRUE;
}

gboolean
sonae_bcp_delete_system (SonaeStore *self,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM bcp_systems WHERE id = ?1", id,
                     _("Could not delete the system"), _("The system does not exist."), error);
}

gboolean
sonae_bcp_record_restore_test (SonaeStore *self,
                               gint64      system_id,
                               const char *date,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!past_date_or_today (date, &day, error))
    return FALSE;
  now = sonae_input_now_string ();
  stmt = sonae_store_prepare (self,
                              "UPDATE bcp_systems SET restore_tested_on = ?2, updated_at = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, system_id);
  sonae_bind_text (stmt, 2, day);
  sonae_bind_text (stmt, 3, now);
  return run_change (self, stmt, _("Could not record the restore test"),
                     _("The system does not exist."), error);
}

/* --- the self-check ------------------------------------------------------ */

static GPtrArray *
read_checks (SonaeStore  *self,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SonaeBcpCheckInfo *infos;
  guint n;

  stmt = sonae_store_prepare (self,
                              "SELECT k.answer, k.target_on, k.owner_id, c.name, k.updated_at "
                              "FROM bcp_checks k LEFT JOIN contacts c ON c.id = k.owner_id AND c.deleted = 0 "
                              "WHERE k.key = ?1", error);
  if (stmt == NULL)
    return NULL;
  infos = sonae_bcp_checks_get (&n);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_bcp_check_answer_free);
  for (guint i = 0; i < n; i++)
    {
      SonaeBcpCheckAnswer *answer = g_new0 (SonaeBcpCheckAnswer, 1);
      int rc;

      answer->key = g_strdup (infos[i].key);
      answer->answer = SONAE_BCP_UNKNOWN;
      g_ptr_array_add (list, answer);
      sqlite3_reset (stmt);
      sonae_bind_text (stmt, 1, infos[i].key);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (!sonae_bcp_answer_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                             &answer->answer))
            answer->answer = SONAE_BCP_UNKNOWN;
          answer->target_on = sonae_column_dup (stmt, 1);
          answer->owner_id = sqlite3_column_int64 (stmt, 2);
          answer->owner_name = sonae_column_dup (stmt, 3);
          answer->updated_at = sonae_column_dup (stmt, 4);
        }
      else if (rc != SQLITE_DONE)
        {
          sonae_store_set_sql_error (self, error, _("Could not read the self-check"));
          return NULL;
        }
    }
  return g_steal_pointer (&list);
}

GPtrArray *
sonae_bcp_list_checks (SonaeStore *self,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return read_checks (self, error);
}

gboolean
sonae_bcp_set_check (SonaeStore    *self,
                     const char    *key,
                     SonaeBcpAnswer answer,
                     const char    *target_on,
                     gint64         owner_id,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *target = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (sonae_bcp_check_lookup (key) == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("“%s” is not a question of the self-check."),
                   key && g_utf8_validate (key, -1, NULL) ? key : "");
      return FALSE;
    }
  if (!check_answer (answer, error))
    return FALSE;
  if (answer == SONAE_BCP_NO)
    {
      if (!normalize_date (target_on, FALSE, &target, error) ||
          !check_person (owner_id, error))
        return FALSE;
    }

  if (answer == SONAE_BCP_UNKNOWN)
    {
      stmt = sonae_store_prepare (self, "DELETE FROM bcp_checks WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
    }
  else
    {
      now = sonae_input_now_string ();
      stmt = sonae_store_prepare (self,
                                  "INSERT INTO bcp_checks (key, answer, target_on, owner_id, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET "
                                  "answer = ?2, target_on = ?3, owner_id = ?4, updated_at = ?5",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
      sonae_bind_text (stmt, 2, sonae_bcp_answer_to_string (answer));
      sonae_bind_text (stmt, 3, target);
      bind_id (stmt, 4, answer == SONAE_BCP_NO ? owner_id : 0);
      sonae_bind_text (stmt, 5, now);
    }
  return run_change (self, stmt, _("Could not save the answer"), NULL, error);
}

/* --- measures ------------------------------------------------------------ */

#define MEASURE_COLUMNS \
  "m.id, m.text, m.owner_id, c.name, m.due_on, m.status, m.done_on, m.drill_id, m.risk_id, " \
  "m.created_at, m.updated_at"

#define MEASURE_FROM \
  " FROM bcp_measures m LEFT JOIN contacts c ON c.id = m.owner_id AND c.deleted = 0 "

static SonaeBcpMeasure *
measure_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpMeasure *measure = sonae_bcp_measure_new ();

  measure->id = sqlite3_column_int64 (stmt, 0);
  measure->text = sonae_column_dup (stmt, 1);
  measure->owner_id = sqlite3_column_int64 (stmt, 2);
  measure->owner_name = sonae_column_dup (stmt, 3);
  measure->due_on = sonae_column_dup (stmt, 4);
  if (!sonae_capa_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &measure->status))
    measure->status = SONAE_CAPA_OPEN;
  measure->done_on = sonae_column_dup (stmt, 6);
  measure->drill_id = sqlite3_column_int64 (stmt, 7);
  measure->risk_id = sqlite3_column_int64 (stmt, 8);
  measure->created_at = sonae_column_dup (stmt, 9);
  measure->updated_at = sonae_column_dup (stmt, 10);
  if (measure->text == NULL)
    measure->text = g_strdup ("");
  return measure;
}

static GPtrArray *
list_measures (SonaeStore  *self,
               const char  *sql,
               gint64       id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return read_rows (self, stmt, (RowReader) measure_from_row, (GDestroyNotify) sonae_bcp_measure_free,
                    _("Could not read the measures"), error);
}

static guint
check_index (const char *key)
{
  const SonaeBcpCheckInfo *infos;
  guint n;

  infos = sonae_bcp_checks_get (&n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (infos[i].key, key) == 0)
      return i;
  return n;
}

static int
compare_measures (gconstpointer pa,
                  gconstpointer pb)
{
  const SonaeBcpMeasure *a = *(SonaeBcpMeasure *const *) pa;
  const SonaeBcpMeasure *b = *(SonaeBcpMeasure *const *) pb;
  gboolean a_open = a->status == SONAE_CAPA_OPEN;
  gboolean b_open = b->status == SONAE_CAPA_OPEN;
  int cmp;

  if (a_open != b_open)
    return a_open ? -1 : 1;
  if (a_open)
    {
      if ((a->due_on == NULL) != (b->due_on == NULL))
        return a->due_on == NULL ? 1 : -1;
      if ((cmp = g_strcmp0 (a->due_on, b->due_on)) != 0)
        return cmp;
    }
  else
    {
      /* Newest first. */
      if ((cmp = g_strcmp0 (b->done_on, a->done_on)) != 0)
        return cmp;
      if ((cmp = g_strcmp0 (b->updated_at, a->updated_at)) != 0)
        return cmp;
      return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
    }
  /* Stored ones before derived ones, then in the order they were made. */
  if ((a->check_key == NULL) != (b->check_key == NULL))
    return a->check_key == NULL ? -1 : 1;
  if (a->check_key != NULL)
    {
      guint ia = check_index (a->check_key), ib = check_index (b->check_key);

      return ia < ib ? -1 : ia > ib ? 1 : 0;
    }
  return a->id < b->id ? -1 : a->id > b->id ? 1 : 0;
}

GPtrArray *
sonae_bcp_list_measures (SonaeStore *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) checks = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  list = list_measures (self, "SELECT " MEASURE_COLUMNS MEASURE_FROM "ORDER BY m.id", 0, error);
  if (list == NULL)
    return NULL;
  checks = read_checks (self, error);
  if (checks == NULL)
    return NULL;
  for (guint i = 0; i < checks->len; i++)
    {
      SonaeBcpCheckAnswer *answer = g_ptr_array_index (checks, i);
      SonaeBcpMeasure *measure;

      if (answer->answer != SONAE_BCP_NO)
        continue;
      measure = sonae_bcp_measure_new ();
      measure->check_key = g_strdup (answer->key);
      measure->text = g_strdup (sonae_bcp_check_get_measure (answer->key));
      measure->due_on = g_strdup (answer->target_on);
      measure->owner_id = answer->owner_id;
      measure->owner_name = g_strdup (answer->owner_name);
      measure->created_at = g_strdup (answer->updated_at);
      measure->updated_at = g_strdup (answer->updated_at);
      g_ptr_array_add (list, measure);
    }
  g_ptr_array_sort (list, compare_measures);
  return g_steal_pointer (&list);
}

GPtrArray *
sonae_bcp_list_drill_measures (SonaeStore *self,
                               gint64      drill_id,
                               GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (drill_id <= 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_bcp_measure_free);
  return list_measures (self,
                        "SELECT " MEASURE_COLUMNS MEASURE_FROM "WHERE m.drill_id = ?1 ORDER BY m.id",
                        drill_id, error);
}

static gboolean
check_link (SonaeStore  *self,
            const char  *sql,
            gint64       id,
            const char  *message,
            GError     **error)
{
  gboolean exists = FALSE;

  if (id == 0)
    return TRUE;
  if (!row_exists (self, sql, id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_bcp_save_measure (SonaeStore      *self,
                        SonaeBcpMeasure *measure,
                        GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  if (measure->check_key != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("This measure comes from an answer of the self-check: change the answer instead."));
      return FALSE;
    }
  if (!check_required (measure->text, _("Write what is to be done."), error) ||
      !normalize_date (measure->due_on, FALSE, &due, error) ||
      !check_person (measure->owner_id, error) ||
      !check_link (self, "SELECT 1 FROM bcp_drills WHERE id = ?1", measure->drill_id,
                   _("The drill this measure belongs to does not exist."), error) ||
      !check_link (self, "SELECT 1 FROM bcp_risks WHERE id = ?1", measure->risk_id,
                   _("The risk this measure treats does not exist."), error))
    return FALSE;
  text = g_strstrip (g_strdup (measure->text));
  now = sonae_input_now_string ();
  id = measure->id;

  stmt = prepare_save (self, id,
                       "INSERT INTO bcp_measures (text, owner_id, due_on, drill_id, risk_id, "
                       "created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                       "UPDATE bcp_measures SET text = ?2, owner_id = ?3, due_on = ?4, drill_id = ?5, "
                       "risk_id = ?6, updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, text);
  bind_id (stmt, 3, measure->owner_id);
  sonae_bind_text (stmt, 4, due);
  bind_id (stmt, 5, measure->drill_id);
  bind_id (stmt, 6, measure->risk_id);
  sonae_bind_text (stmt, 7, now);

  if (!run_save (self, stmt, &id, _("Could not save the measure"), _("The measure does not exist."), error))
    return FALSE;

  if (measure->id == 0)
    {
      measure->id = id;
      measure->status = SONAE_CAPA_OPEN;
      replace_string (&measure->done_on, NULL);
      replace_string (&measure->created_at, g_strdup (now));
    }
  replace_string (&measure->text, g_steal_pointer (&text));
  replace_string (&measure->due_on, g_steal_pointer (&due));
  replace_string (&measure->updated_at, g_strdup (now));
  {
    g_autoptr(GPtrArray) one = list_measures (self, "SELECT " MEASURE_COLUMNS MEASURE_FROM "WHERE m.id = ?1",
                                              id, NULL);

    if (one != NULL && one->len == 1)
      {
        SonaeBcpMeasure *saved = g_ptr_array_index (one, 0);

        replace_string (&measure->owner_name, g_steal_pointer (&saved->owner_name));
      }
  }
  return TRUE;
}

gboolean
sonae_bcp_set_measure_status (SonaeStore     *self,
                              gint64          id,
                              SonaeCapaStatus status,
                              const char     *date,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if ((guint) status >= SONAE_N_CAPA_STATUSES)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("A measure is open, done or dropped."));
      return FALSE;
    }
  if (status != SONAE_CAPA_OPEN && !past_date_or_today (date, &day, error))
    return FALSE;
  now = sonae_input_now_string ();
  stmt = sonae_store_prepare (self,
                              "UPDATE bcp_measures SET status = ?2, done_on = ?3, updated_at = ?4 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sonae_bind_text (stmt, 2, sonae_capa_status_to_string (status));
  sonae_bind_text (stmt, 3, day);
  sonae_bind_text (stmt, 4, now);
  return run_change (self, stmt, _("Could not save the measure"),
                     _("The measure does not exist."), error);
}

gboolean
sonae_bcp_delete_measure (SonaeStore *self,
                          gint64      id,
                          GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM bcp_measures WHERE id = ?1", id,
                     _("Could not delete the measure"), _("The measure does not exist."), error);
}

/* --- drills -------------------------------------------------------------- */

#define DRILL_COLUMNS \
  "d.id, d.held_on, d.scenario, d.participants, d.findings, d.incident_id, i.number, " \
  "d.created_at, d.updated_at"

#define DRILL_FROM \
  " FROM bcp_drills d LEFT JOIN incidents i ON i.id = d.incident_id "

static SonaeBcpDrill *
drill_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpDrill *drill = sonae_bcp_drill_new ();

  drill->id = sqlite3_column_int64 (stmt, 0);
  drill->held_on = sonae_column_dup (stmt, 1);
  drill->scenario = sonae_column_dup (stmt, 2);
  drill->participants = sonae_column_dup (stmt, 3);
  drill->findings = sonae_column_dup (stmt, 4);
  drill->incident_id = sqlite3_column_int64 (stmt, 5);
  drill->incident_number = sonae_column_dup (stmt, 6);
  drill->created_at = sonae_column_dup (stmt, 7);
  drill->updated_at = sonae_column_dup (stmt, 8);
  if (drill->scenario == NULL)
    drill->scenario = g_strdup ("");
  return drill;
}

GPtrArray *
sonae_bcp_list_drills (SonaeStore *self,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return list_rows (self,
                    "SELECT " DRILL_COLUMNS DRILL_FROM "ORDER BY d.held_on DESC, d.id DESC",
                    (RowReader) drill_from_row, (GDestroyNotify) sonae_bcp_drill_free,
                    _("Could not read the drills"), error);
}

SonaeBcpDrill *
sonae_bcp_get_drill (SonaeStore *self,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return get_row (self, "SELECT " DRILL_COLUMNS DRILL_FROM "WHERE d.id = ?1", id, (RowReader) drill_from_row,
                  _("Could not read the drill"), _("The drill does not exist."), error);
}

gboolean
sonae_bcp_save_drill (SonaeStore    *self,
                      SonaeBcpDrill *drill,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *held = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (drill != NULL, FALSE);

  if (sonae_input_is_blank (drill->held_on))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Give the day the drill was held."));
      return FALSE;
    }
  if (!normalize_date (drill->held_on, TRUE, &held, error) ||
      !check_required (drill->scenario, _("Write what the drill practised."), error) ||
      !check_text (drill->participants, error) ||
      !check_text (drill->findings, error))
    return FALSE;
  if (drill->incident_id != 0)
    {
      g_autoptr(sqlite3_stmt) inc = NULL;
      int rc;

      inc = sonae_store_prepare (self, "SELECT drill FROM incidents WHERE id = ?1", error);
      if (inc == NULL)
        return FALSE;
      sqlite3_bind_int64 (inc, 1, drill->incident_id);
      rc = sqlite3_step (inc);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                               _("The incident does not exist."));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return sonae_store_set_sql_error (self, error, _("Could not read the incident"));
      if (sqlite3_column_int (inc, 0) != 1)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                               _("A drill can only be linked to an incident recorded as a drill, never to a real one."));
          return FALSE;
        }
    }

  now = sonae_input_now_string ();
  id = drill->id;
  stmt = prepare_save (self, id,
                       "INSERT INTO bcp_drills (held_on, scenario, participants, findings, incident_id, "
                       "created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                       "UPDATE bcp_drills SET held_on = ?2, scenario = ?3, participants = ?4, "
                       "findings = ?5, incident_id = ?6, updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, held);
  sonae_bind_text (stmt, 3, drill->scenario);
  sonae_bind_text (stmt, 4, drill->participants);
  sonae_bind_text (stmt, 5, drill->findings);
  bind_id (stmt, 6, drill->incident_id);
  sonae_bind_text (stmt, 7, now);

  if (!run_save (self, stmt, &id, _("Could not save the drill"), _("The drill does not exist."), error))
    return FALSE;

  if (drill->id == 0)
    {
      drill->id = id;
      replace_string (&drill->created_at, g_strdup (now));
    }
  replace_string (&drill->held_on, g_steal_pointer (&held));
  replace_string (&drill->updated_at, g_strdup (now));
  {
    g_autoptr(SonaeBcpDrill) saved = sonae_bcp_get_drill (self, id, NULL);

    if (saved != NULL)
      replace_string (&drill->incident_number, g_steal_pointer (&saved->incident_number));
  }
  return TRUE;
}

gboolean
sonae_bcp_delete_drill (SonaeStore *self,
                        gint64      id,
                        GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return delete_linked_row (self, "UPDATE bcp_measures SET drill_id = NULL WHERE drill_id = ?1",
                            "DELETE FROM bcp_drills WHERE id = ?1", id,
                            _("Could not delete the drill"), _("The drill does not exist."), error);
}

char *
sonae_bcp_get_last_drill_date (SonaeStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT max (held_on) FROM bcp_drills", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return sonae_column_dup (stmt, 0);
}

/* --- risks --------------------------------------------------------------- */

#define RISK_COLUMNS \
  "r.id, r.risk, r.likelihood, r.impact, r.treatment, r.treatment_text, r.owner_id, c.name, " \
  "r.accepted_by, r.accepted_on, r.next_review_on, r.created_at, r.updated_at"

#define RISK_FROM \
  " FROM bcp_risks r LEFT JOIN contacts c ON c.id = r.owner_id AND c.deleted = 0 "

static SonaeBcpRisk *
risk_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpRisk *risk = sonae_bcp_risk_new ();

  risk->id = sqlite3_column_int64 (stmt, 0);
  risk->risk = sonae_column_dup (stmt, 1);
  risk->likelihood = sqlite3_column_int (stmt, 2);
  risk->impact = sqlite3_column_int (stmt, 3);
  if (!sonae_risk_treatment_from_string ((const char *) sqlite3_column_text (stmt, 4), &risk->treatment))
    risk->treatment = SONAE_RISK_REDUCE;
  risk->treatment_text = sonae_column_dup (stmt, 5);
  risk->owner_id = sqlite3_column_int64 (stmt, 6);
  risk->owner_name = sonae_column_dup (stmt, 7);
  risk->accepted_by = sonae_column_dup (stmt, 8);
  risk->accepted_on = sonae_column_dup (stmt, 9);
  risk->next_review_on = sonae_column_dup (stmt, 10);
  risk->created_at = sonae_column_dup (stmt, 11);
  risk->updated_at = sonae_column_dup (stmt, 12);
  if (risk->risk == NULL)
    risk->risk = g_strdup ("");
  return risk;
}

GPtrArray *
sonae_bcp_list_risks (SonaeStore *self,
                      GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  /* Level groups: high 6–9, medium 3–4, low 1–2. */
  return list_rows (self,
                    "SELECT " RISK_COLUMNS RISK_FROM
                    "ORDER BY CASE WHEN r.likelihood * r.impact >= 6 THEN 0 "
                    "WHEN r.likelihood * r.impact >= 3 THEN 1 ELSE 2 END, "
                    "r.next_review_on IS NULL, r.next_review_on, r.id",
                    (RowReader) risk_from_row, (GDestroyNotify) sonae_bcp_risk_free,
                    _("Could not read the risks"), error);
}

SonaeBcpRisk *
sonae_bcp_get_risk (SonaeStore *self,
                    gint64      id,
                    GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return get_row (self, "SELECT " RISK_COLUMNS RISK_FROM "WHERE r.id = ?1", id, (RowReader) risk_from_row,
                  _("Could not read the risk"), _("The risk does not exist."), error);
}

gboolean
sonae_bcp_save_risk (SonaeStore   *self,
                     SonaeBcpRisk *risk,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accepted_by = NULL;
  g_autofree char *accepted_on = NULL;
  g_autofree char *review = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);

  if (!check_required (risk->risk, _("Write what could happen and why."), error) ||
      !check_text (risk->treatment_text, error) ||
      !check_text (risk->accepted_by, error))
    return FALSE;
  if (risk->likelihood < 1 || risk->likelihood > 3)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The likelihood must be 1, 2 or 3."));
      return FALSE;
    }
  if (risk->impact < 1 || risk->impact > 3)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The impact must be 1, 2 or 3."));
      return FALSE;
    }
  if ((guint) risk->treatment >= SONAE_N_RISK_TREATMENTS)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Choose how the risk is treated: reduce, avoid, transfer or accept."));
      return FALSE;
    }
  if (!check_person (risk->owner_id, error) ||
      !normalize_date (risk->accepted_on, TRUE, &accepted_on, error) ||
      !normalize_date (risk->next_review_on, FALSE, &review, error))
    return FALSE;
  if (!sonae_input_is_blank (risk->accepted_by))
    {
      accepted_by = g_strstrip (g_strdup (risk->accepted_by));
      if (accepted_on == NULL)
        accepted_on = sonae_clock_today ();
    }
  else if (accepted_on != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Say who accepted the risk."));
      return FALSE;
    }
  text = g_strstrip (g_strdup (risk->risk));
  now = sonae_input_now_string ();
  id = risk->id;

  stmt = prepare_save (self, id,
                       "INSERT INTO bcp_risks (risk, likelihood, impact, treatment, treatment_text, "
                       "owner_id, accepted_by, accepted_on, next_review_on, created_at, updated_at) "
                       "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                       "UPDATE bcp_risks SET risk = ?2, likelihood = ?3, impact = ?4, treatment = ?5, "
                       "treatment_text = ?6, owner_id = ?7, accepted_by = ?8, accepted_on = ?9, "
                       "next_review_on = ?10, updated_at = ?11 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, text);
  sqlite3_bind_int (stmt, 3, risk->likelihood);
  sqlite3_bind_int (stmt, 4, risk->impact);
  sonae_bind_text (stmt, 5, sonae_risk_treatment_to_string (risk->treatment));
  sonae_bind_text (stmt, 6, risk->treatment_text);
  bind_id (stmt, 7, risk->owner_id);
  sonae_bind_text (stmt, 8, accepted_by);
  sonae_bind_text (stmt, 9, accepted_on);
  sonae_bind_text (stmt, 10, review);
  sonae_bind_text (stmt, 11, now);

  if (!run_save (self, stmt, &id, _("Could not save the risk"), _("The risk does not exist."), error))
    return FALSE;

  if (risk->id == 0)
    {
      risk->id = id;
      replace_string (&risk->created_at, g_strdup (now));
    }
  replace_string (&risk->risk, g_steal_pointer (&text));
  replace_string (&risk->accepted_by, g_steal_pointer (&accepted_by));
  replace_string (&risk->accepted_on, g_steal_pointer (&accepted_on));
  replace_string (&risk->next_review_on, g_steal_pointer (&review));
  replace_string (&risk->updated_at, g_strdup (now));
  {
    g_autoptr(SonaeBcpRisk) saved = sonae_bcp_get_risk (self, id, NULL);

    if (saved != NULL)
      replace_string (&risk->owner_name, g_steal_pointer (&saved->owner_name));
  }
  return TRUE;
}

gboolean
sonae_bcp_delete_risk (SonaeStore *self,
                       gint64      id,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return delete_linked_row (self, "UPDATE bcp_measures SET risk_id = NULL WHERE risk_id = ?1",
                            "DELETE FROM bcp_risks WHERE id = ?1", id,
                            _("Could not delete the risk"), _("The risk does not exist."), error);
}

/* --- the worksheets -------------------------------------------------------- */

const char *const *
sonae_bcp_get_worksheets (void)
{
  static const char *const names[] = { "policy", "events", "systems", "plans", "drills", "risks", "check", NULL };

  return names;
}

char *
sonae_bcp_get_worksheet_status (SonaeStore *store,
                                const char *name)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "policy"))
    {
      g_autofree char *policy = sonae_bcp_get_text (store, SONAE_BCP_TEXT_POLICY, NULL);

      return g_strdup (policy != NULL ? _("Written") : _("Not written yet"));
    }
  if (g_str_equal (name, "events"))
    {
      g_autoptr(GPtrArray) events = sonae_bcp_list_events (store, NULL);
      guint n = events ? events->len : 0;

      if (n == 0)
        return g_strdup (_("Not written yet"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
    }
  if (g_str_equal (name, "systems"))
    {
      g_autoptr(GPtrArray) systems = sonae_bcp_list_systems (store, NULL);
      g_autofree char *count = NULL;
      guint n = systems ? systems->len : 0;
      guint due = 0;

      if (n == 0)
        return g_strdup (_("Not written yet"));
      for (guint i = 0; i < n; i++)
        if (sonae_bcp_system_restore_test_overdue (g_ptr_array_index (systems, i), NULL))
          due++;
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system", "%u systems", n), n);
      if (due == 0)
        return g_steal_pointer (&count);
      return g_strdup_printf ("%s · %s", count,
                              g_dngettext (GETTEXT_PACKAGE, "restore test due", "restore tests due", due));
    }
  if (g_str_equal (name, "plans"))
    {
      g_autoptr(GPtrArray) measures = sonae_bcp_list_measures (store, NULL);
      guint open = 0;

      if (measures == NULL || measures->len == 0)
        return g_strdup (_("Not written yet"));
      for (guint i = 0; i < measures->len; i++)
        if (((SonaeBcpMeasure *) g_ptr_array_index (measures, i))->status == SONAE_CAPA_OPEN)
          open++;
      if (open == 0)
        return g_strdup (_("All measures done"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open measure", "%u open measures", open), open);
    }
  if (g_str_equal (name, "drills"))
    {
      g_autofree char *last = sonae_bcp_get_last_drill_date (store);

      if (last == NULL)
        return g_strdup (_("No drill yet"));
      /* Translators: %s is a date (YYYY-MM-DD) */
      return g_strdup_printf (_("Last drill %s"), last);
    }
  if (g_str_equal (name, "risks"))
    {
      g_autoptr(GPtrArray) risks = sonae_bcp_list_risks (store, NULL);
      guint n = risks ? risks->len : 0;

      if (n == 0)
        return g_strdup (_("Not written yet"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", n), n);
    }
  if (g_str_equal (name, "check"))
    {
      g_autoptr(GPtrArray) checks = sonae_bcp_list_checks (store, NULL);
      guint answered = 0;
      guint n = checks ? checks->len : 0;

      for (guint i = 0; i < n; i++)
        if (((SonaeBcpCheckAnswer *) g_ptr_array_index (checks, i))->answer != SONAE_BCP_UNKNOWN)
          answered++;
      if (answered == 0)
        return g_strdup (_("Not answered yet"));
      /* Translators: how many questions of the self-check are answered */
      return g_strdup_printf (_("%u of %u answered"), answered, n);
    }
  return NULL;
}
