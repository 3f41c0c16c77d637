/* sonae-store-private.h: helpers shared by the core modules that talk SQL */
#pragma once

#include <sqlite3.h>

#include "sonae-incident.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* Sets @error from the connection's last error, with a sentence a person
 * understands in front. Always returns FALSE. */
gboolean  sonae_store_set_sql_error  (SonaeStore  *self,
                                      GError     **error,
                                      const char  *what);
sqlite3_stmt *sonae_store_prepare    (SonaeStore  *self,
                                      const char  *sql,
                                      GError     **error);
gboolean  sonae_store_exec           (SonaeStore  *self,
                                      const char  *sql,
                                      GError     **error);
/* Queue a "changed" emission with @detail for when the outermost
 * transaction commits (at once when none is open). */
void      sonae_store_emit_changed   (SonaeStore  *self,
                                      const char  *detail);
/* Bind a string, NULL for empty. */
void      sonae_bind_text            (sqlite3_stmt *stmt,
                                      int           index,
                                      const char   *text);
char     *sonae_column_dup           (sqlite3_stmt *stmt,
                                      int           index);

/* The bundled authorities (sonae-authorities.c), added when a database is made. */
gboolean  sonae_authorities_install  (SonaeStore  *store,
                                      GError     **error);
void      sonae_authorities_localize (SonaeContact *contact);
/* TRUE when @key names one of the bundled authorities. */
gboolean  sonae_authorities_is_builtin_key (const char *key);

/* Append one timeline entry of @kind with @text to @incident_id's hash
 * chain (sonae-store-incidents.c). Call it inside an open transaction
 * (sonae_store_begin), together with the change it records; the caller
 * commits or rolls back. @at: when it happened as stored
 * ("YYYY-MM-DDTHH:MM:SS", then marked back-entered), or NULL for now.
 * @author must not be blank. */
gboolean  sonae_store_append_timeline_entry (SonaeStore      *store,
                                             gint64           incident_id,
                                             SonaeEntryKind   kind,
                                             const char      *at,
                                             const char      *author,
                                             const char      *text,
                                             GError         **error);

/* The checks every incident record shares (sonae-store-incidents.c), so
 * that the timeline, the PPC reporting and the actions refuse the same
 * input with the same words. */
/* Now as every record stores it: "YYYY-MM-DDTHH:MM:SS", local time. */
char     *sonae_store_now_string      (void);
/* TRUE when incident @id exists; else FALSE with SONAE_ERROR_NOT_FOUND
 * (or the database's error). Cheaper than reading the incident. */
gboolean  sonae_store_check_incident  (SonaeStore  *store,
                                       gint64       id,
                                       GError     **error);
/* TRUE for NULL, "" or only white space. */
gboolean  sonae_text_is_blank         (const char  *text);
/* Not longer than SONAE_INCIDENT_MAX_TEXT, valid UTF-8; NULL passes. */
gboolean  sonae_incident_check_text   (const char  *text,
                                       GError     **error);
/* Not blank, then as sonae_incident_check_text(). */
gboolean  sonae_incident_check_author (const char  *author,
                                       GError     **error);
/* As sonae_incident_check_text(), then not blank: @message (translated)
 * says what is missing. */
gboolean  sonae_store_check_required  (const char  *text,
                                       const char  *message,
                                       GError     **error);
/* A date a person typed, stripped of white space, in *@out_date: NULL for
 * none (NULL or blank). Refused as sonae_incident_check_text() and
 * sonae_date_check() refuse. */
gboolean  sonae_store_normalize_date  (const char  *text,
                                       char       **out_date,
                                       GError     **error);

#define SONAE_APPLICATION_ID 0x534f4e41 /* "SONA" */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
