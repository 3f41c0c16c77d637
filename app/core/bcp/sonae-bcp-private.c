/* sonae-bcp-private.c: the helpers the SQL of the plan shares between its
 * files (sonae-bcp-private.h): the checks of what a person typed, refused
 * as the plan refuses, and the reading, saving and deleting of rows. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-bcp-private.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-input.h"

/* --- checks of input ----------------------------------------------------- */

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

gboolean
sonae_bcp_validate_text (const char *text,
                         GError    **error)
{
  GError *local = NULL;

  return sonae_input_check_text (text, &local) || as_invalid (local, error);
}

gboolean
sonae_bcp_validate_required (const char *text,
                             const char *message,
                             GError    **error)
{
  GError *local = NULL;

  return sonae_input_check_required (text, message, &local) || as_invalid (local, error);
}

gboolean
sonae_bcp_normalize_date (const char  *text,
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

gboolean
sonae_bcp_past_date_or_today (const char  *date,
                              char       **out_date,
                              GError     **error)
{
  if (!sonae_bcp_normalize_date (date, TRUE, out_date, error))
    return FALSE;
  if (*out_date == NULL)
    *out_date = sonae_clock_today ();
  return TRUE;
}

gboolean
sonae_bcp_validate_person (gint64   id,
                           GError **error)
{
  if (id >= 0)
    return TRUE;
  g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                       _("The person chosen is not in the contact list."));
  return FALSE;
}

gboolean
sonae_bcp_validate_answer (SonaeBcpAnswer answer,
                           GError       **error)
{
  if ((guint) answer <= SONAE_BCP_NO)
    return TRUE;
  g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                       _("Answer yes, no or not known."));
  return FALSE;
}

/* --- rows ---------------------------------------------------------------- */

void
sonae_bcp_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
sonae_bcp_step_done (SonaeStore   *self,
                     sqlite3_stmt *stmt,
                     const char   *what,
                     GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, what);
  return TRUE;
}

gboolean
sonae_bcp_run_change (SonaeStore   *self,
                      sqlite3_stmt *stmt,
                      const char   *what,
                      const char   *not_found,
                      GError      **error)
{
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!sonae_bcp_step_done (self, stmt, what, error))
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

int
sonae_bcp_count_rows (SonaeStore *self,
                      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

GPtrArray *
sonae_bcp_read_rows (SonaeStore         *self,
                     sqlite3_stmt       *stmt,
                     SonaeBcpRowReader   read_row,
                     GDestroyNotify      free_row,
                     const char         *read_error,
                     GError            **error)
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

GPtrArray *
sonae_bcp_list_rows (SonaeStore         *self,
                     const char         *sql,
                     SonaeBcpRowReader   read_row,
                     GDestroyNotify      free_row,
                     const char         *read_error,
                     GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  return sonae_bcp_read_rows (self, stmt, read_row, free_row, read_error, error);
}

gpointer
sonae_bcp_get_row (SonaeStore         *self,
                   const char         *sql,
                   gint64              id,
                   SonaeBcpRowReader   read_row,
                   const char         *read_error,
                   const char         *not_found,
                   GError            **error)
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

sqlite3_stmt *
sonae_bcp_prepare_save (SonaeStore  *self,
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

gboolean
sonae_bcp_run_save (SonaeStore    *self,
                    sqlite3_stmt  *stmt,
                    gint64        *inout_id,
                    const char    *what,
                    const char    *not_found,
                    GError       **error)
{
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!sonae_bcp_step_done (self, stmt, what, error))
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

gboolean
sonae_bcp_delete_row (SonaeStore  *self,
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
  return sonae_bcp_run_change (self, stmt, what, not_found, error);
}

gboolean
sonae_bcp_delete_linked_row (SonaeStore  *self,
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
  if (!sonae_bcp_step_done (self, unlink, what, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  if (!sonae_bcp_run_change (self, stmt, what, not_found, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  return sonae_store_commit (self, error);
}

void
sonae_bcp_replace_string (char **field,
                          char  *value)
{
  g_free (*field);
  *field = value;
}
