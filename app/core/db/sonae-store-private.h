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
/* TRUE when @key names one of the bundled authorities. */
gboolean  sonae_authorities_is_builtin_key (const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
