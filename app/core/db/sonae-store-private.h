/* sonae-store-private.h: helpers shared by the core modules that talk SQL */
#pragma once

#include <sqlite3.h>

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
/* FALSE for a bundled body reached on its web page or by e-mail, whose
 * phone number Sonae does not ask for; TRUE for the others (the offices
 * that depend on where the organisation is, the ministry). */
gboolean  sonae_authorities_asks_number (const char *key);
/* TRUE when @key names one of the bundled authorities. */
gboolean  sonae_authorities_is_builtin_key (const char *key);
/* The bundled authorities' version: raised whenever their facts change, so
 * that a database made by an earlier Sonae is brought up to date. */
#define SONAE_AUTHORITIES_VERSION 3
/* contacts.deleted of a bundled body that is not for the organisation's
 * kind (the ministry of health for a business): out of sight, not deleted,
 * back when the kind changes. */
#define SONAE_AUTHORITY_NOT_FOR_KIND 2
/* Bring the bundled entries of a database at @from_version up to date:
 * every fact Sonae put there and nobody edited takes the current text,
 * bodies new since are added, the ones the organisation deleted stay
 * deleted. In the caller's transaction. */
gboolean  sonae_authorities_update (SonaeStore  *store,
                                    guint        from_version,
                                    GError     **error);
/* FALSE when the bundled body @key is not for an organisation of @kind
 * (TRUE for any other key). */
gboolean  sonae_authorities_applies (const char   *key,
                                     SonaeOrgKind  kind);
/* Show the bundled bodies that are for @kind, hide the others. */
gboolean  sonae_authorities_apply_kind (SonaeStore    *store,
                                        SonaeOrgKind   kind,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
