/* sonae-mhlw-private.h: what the SQL of the MHLW checklist (sonae-mhlw.h)
 * shares between its files, sonae-mhlw-answers.c and sonae-mhlw-vendors.c.
 *
 * Every change checks everything first, so that a mistake changes nothing,
 * then writes in one transaction and emits "changed::bcp". */
#pragma once

#include "sonae-mhlw.h"
#include "sonae-store-private.h"

G_BEGIN_DECLS

/* A date a person typed, stripped, in *@out_date (NULL for none); a date
 * that is not real, or (with @past_only) lies after today, is refused with
 * SONAE_ERROR_INVALID. */
gboolean sonae_mhlw_normalize_date (const char  *text,
                                    gboolean     past_only,
                                    char       **out_date,
                                    GError     **error);
/* Run the prepared statements of @stmts (NULL-terminated) in one
 * transaction, then emit "changed::bcp"; @what says what failed. */
gboolean sonae_mhlw_run_changes    (SonaeStore    *store,
                                    sqlite3_stmt **stmts,
                                    const char    *what,
                                    GError       **error);

G_END_DECLS
