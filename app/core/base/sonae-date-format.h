/* sonae-date-format.h: dates as a document in its language writes them:
 * 2026-12-07 in English (and in every file a program reads), 2026年12月7日
 * or 令和8年12月7日 in Japanese */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SONAE_DATE_STYLE_ISO,           /* 2026-12-07 */
  SONAE_DATE_STYLE_JAPANESE,      /* 2026年12月7日 */
  SONAE_DATE_STYLE_JAPANESE_ERA,  /* 令和8年12月7日 */
} SonaeDateStyle;

#define SONAE_N_DATE_STYLES 3

/* "iso", "japanese", "era": how a setting stores a style. */
const char    *sonae_date_style_to_string   (SonaeDateStyle  style);
gboolean       sonae_date_style_from_string (const char     *text,
                                             SonaeDateStyle *out_style);

/* The day @year-@month-@day in @style: "2026年12月7日", "令和8年12月7日"
 * (the first year of an era is 元年: 令和元年5月1日, the day before it
 * 平成31年4月30日), "2026-12-07". A day before the Meiji era's calendar
 * (1873) has no era year and is written 1872年12月31日. NULL when the day
 * does not exist. */
char          *sonae_date_format_dmy        (int             year,
                                             int             month,
                                             int             day,
                                             SonaeDateStyle  style);
/* A stored date "YYYY-MM-DD", or date and time "YYYY-MM-DDTHH:MM[:SS]" or
 * "YYYY-MM-DD HH:MM", in @style; a time is kept as HH:MM after the date
 * ("2026年12月7日 10:05"). Anything else is returned as it is. NULL for
 * NULL. */
char          *sonae_date_format            (const char     *stored,
                                             SonaeDateStyle  style);
/* @text with every date in it (as sonae_date_format() reads one, standing
 * alone: not inside a longer number, a word or a path) written in @style.
 * Newly allocated; @text itself for SONAE_DATE_STYLE_ISO. */
char          *sonae_date_format_text       (const char     *text,
                                             SonaeDateStyle  style);

/* The style of dates in what Sonae prints now: @japanese (the choice for
 * Japanese documents) when its messages are in Japanese, else ISO. */
SonaeDateStyle sonae_date_style_for_print   (SonaeDateStyle  japanese);

G_END_DECLS
