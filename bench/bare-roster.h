/* bare-roster.h: the plain roster bench-reminders times Sonae's against. */
#pragma once

#include "sonae-store.h"

/* Writes the contacts of @store to the PDF file @pdf the plain way; the
 * number of pages, 0 when the file could not be written. */
guint bench_bare_roster (SonaeStore *store,
                         const char *pdf);
