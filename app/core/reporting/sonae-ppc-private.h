/* sonae-ppc-private.h: the checks the PPC's dates and the other bodies'
 * dates share (sonae-ppc.c, sonae-ppc-bodies.c) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL for NULL or blank, else the date without spaces around it. */
char     *sonae_ppc_normalize_date (const char  *date);
/* TRUE for NULL; else the date must be real, not after @today, and not
 * before @learned_on when given (@what names it in the message). */
gboolean  sonae_ppc_check_date     (const char  *date,
                                    const char  *today,
                                    const char  *learned_on,
                                    const char  *what,
                                    GError     **error);

G_END_DECLS
