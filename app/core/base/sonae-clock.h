/* sonae-clock.h: what time it is, fixed for tests */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Now, in local time. Honours SONAE_NOW (ISO 8601, e.g. 2026-04-01T09:00:00)
 * only when SONAE_TESTING=1 is also set, so a stray variable cannot move a
 * clinic's deadlines. */
GDateTime *sonae_clock_now        (void);
/* For the demo only: make sonae_clock_now() answer @now (a local
 * "YYYY-MM-DD HH:MM" time) until it is called again with NULL, so that a
 * fictional past drill is recorded as it would have been on the day. */
void       sonae_clock_set_override (const char *now);
/* Today as YYYY-MM-DD; newly allocated. */
char      *sonae_clock_today      (void);
/* Days from the ISO date @date (YYYY-MM-DD) to today: negative for a date in
 * the future, and -1 also when @date is not a valid date (check that with
 * sonae_date_is_valid() where it matters). */
int        sonae_clock_days_since (const char *date);
/* Today as a GDate, to count many dates from one reading of the clock. */
void       sonae_clock_get_today  (GDate      *out);
/* sonae_clock_days_since() counted to @today instead of the clock. */
int        sonae_date_days_to     (const char  *date,
                                   const GDate *today);
/* TRUE when @text is a real calendar date written YYYY-MM-DD. */
gboolean   sonae_date_is_valid    (const char *text);
/* The same, with a GError a person can read when it is not. */
gboolean   sonae_date_check       (const char  *text,
                                   GError     **error);

G_END_DECLS
