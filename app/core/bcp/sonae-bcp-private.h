/* sonae-bcp-private.h: what the SQL of the business-continuity plan
 * (sonae-bcp.h) shares between its files: sonae-bcp-plan.c,
 * sonae-bcp-systems.c, sonae-bcp-risks.c and sonae-bcp-drills.c. The
 * helpers are in sonae-bcp-private.c.
 *
 * Every change checks everything first, outside the transaction, so that a
 * mistake changes nothing, then writes and emits "changed::bcp". People are
 * roster contacts kept by id; a deleted or purged contact reads as none. */
#pragma once

#include "sonae-bcp.h"
#include "sonae-store-private.h"

G_BEGIN_DECLS

/* --- checks of input ----------------------------------------------------- */

/* Every refusal is SONAE_ERROR_INVALID, a text too long included. */

/* As sonae_input_check_text(), refusing as the plan refuses. */
gboolean sonae_bcp_validate_text      (const char *text,
                                       GError    **error);
/* As sonae_input_check_required(). */
gboolean sonae_bcp_validate_required  (const char *text,
                                       const char *message,
                                       GError    **error);
/* A date a person typed, stripped; NULL for none. With @past_only, a date
 * after today is refused. */
gboolean sonae_bcp_normalize_date     (const char *text,
                                       gboolean    past_only,
                                       char      **out_date,
                                       GError    **error);
/* @date, or today when NULL; must be real and not in the future. */
gboolean sonae_bcp_past_date_or_today (const char *date,
                                       char      **out_date,
                                       GError    **error);
/* A contact's id, or 0 for nobody. */
gboolean sonae_bcp_validate_person    (gint64   id,
                                       GError **error);
gboolean sonae_bcp_validate_answer    (SonaeBcpAnswer answer,
                                       GError       **error);

/* --- rows ---------------------------------------------------------------- */

/* Bind contact or row @id, or NULL for 0. */
void     sonae_bcp_bind_id            (sqlite3_stmt *stmt,
                                       int           index,
                                       gint64        id);
/* Step @stmt once; anything but SQLITE_DONE fails with @what. */
gboolean sonae_bcp_step_done          (SonaeStore   *self,
                                       sqlite3_stmt *stmt,
                                       const char   *what,
                                       GError      **error);
/* Run one statement that changes one row in its own transaction; with
 * @not_found, no row changed is SONAE_ERROR_NOT_FOUND. */
gboolean sonae_bcp_run_change         (SonaeStore   *self,
                                       sqlite3_stmt *stmt,
                                       const char   *what,
                                       const char   *not_found,
                                       GError      **error);
/* The integer the first row of @sql finds; 0 when none or on failure. */
int      sonae_bcp_count_rows         (SonaeStore *self,
                                       const char *sql);

/* Reads the current row of a statement into a newly allocated struct. */
typedef gpointer (*SonaeBcpRowReader) (sqlite3_stmt *stmt);

/* Every row @stmt (prepared and bound) finds, read with @read_row, in an
 * array that frees them with @free_row; NULL with @read_error when the
 * database fails. */
GPtrArray *sonae_bcp_read_rows        (SonaeStore         *self,
                                       sqlite3_stmt       *stmt,
                                       SonaeBcpRowReader   read_row,
                                       GDestroyNotify      free_row,
                                       const char         *read_error,
                                       GError            **error);
/* As sonae_bcp_read_rows(), for @sql with nothing to bind. */
GPtrArray *sonae_bcp_list_rows        (SonaeStore         *self,
                                       const char         *sql,
                                       SonaeBcpRowReader   read_row,
                                       GDestroyNotify      free_row,
                                       const char         *read_error,
                                       GError            **error);
/* The row @sql (one ?1 bound to @id) finds, read with @read_row; NULL with
 * @read_error when the database fails, or with @not_found
 * (SONAE_ERROR_NOT_FOUND) when there is no such row. */
gpointer sonae_bcp_get_row            (SonaeStore         *self,
                                       const char         *sql,
                                       gint64              id,
                                       SonaeBcpRowReader   read_row,
                                       const char         *read_error,
                                       const char         *not_found,
                                       GError            **error);
/* The INSERT of a new row (@id 0) or the UPDATE of row @id (bound to ?1),
 * prepared for the caller to bind ?2 and on. */
sqlite3_stmt *sonae_bcp_prepare_save  (SonaeStore  *self,
                                       gint64       id,
                                       const char  *insert_sql,
                                       const char  *update_sql,
                                       GError     **error);
/* Run a statement of sonae_bcp_prepare_save() in its own transaction.
 * After an INSERT (*@inout_id 0) *@inout_id is the new row's; an UPDATE
 * that changes no row is @not_found (SONAE_ERROR_NOT_FOUND). */
gboolean sonae_bcp_run_save           (SonaeStore    *self,
                                       sqlite3_stmt  *stmt,
                                       gint64        *inout_id,
                                       const char    *what,
                                       const char    *not_found,
                                       GError       **error);
/* Delete row @id with @sql (one ?1) in its own transaction; no such row
 * is @not_found. */
gboolean sonae_bcp_delete_row         (SonaeStore  *self,
                                       const char  *sql,
                                       gint64       id,
                                       const char  *what,
                                       const char  *not_found,
                                       GError     **error);
/* As sonae_bcp_delete_row(), with @unlink_sql (one ?1) run first in the
 * same transaction: the measures linked to the row keep, without the link. */
gboolean sonae_bcp_delete_linked_row  (SonaeStore  *self,
                                       const char  *unlink_sql,
                                       const char  *sql,
                                       gint64       id,
                                       const char  *what,
                                       const char  *not_found,
                                       GError     **error);
/* Free *@field and put @value (taken) in its place. */
void     sonae_bcp_replace_string     (char **field,
                                       char  *value);

/* --- the self-check (sonae-bcp-plan.c) ----------------------------------- */

/* The answer to every question of sonae_bcp_checks_get(), in its order, an
 * unanswered one as SONAE_BCP_UNKNOWN; the measures are derived from the
 * "no" answers. */
GPtrArray *sonae_bcp_read_checks      (SonaeStore  *self,
                                       GError     **error);

G_END_DECLS
