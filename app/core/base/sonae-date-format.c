/* sonae-date-format.c: dates as a document in its language writes them */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-date-format.h"

static const char *const style_names[SONAE_N_DATE_STYLES] = { "iso", "japanese", "era" };

const char *
sonae_date_style_to_string (SonaeDateStyle style)
{
  g_return_val_if_fail ((guint) style < SONAE_N_DATE_STYLES, "iso");
  return style_names[style];
}

gboolean
sonae_date_style_from_string (const char     *text,
                              SonaeDateStyle *out_style)
{
  for (guint i = 0; text != NULL && i < SONAE_N_DATE_STYLES; i++)
    if (g_str_equal (text, style_names[i]))
      {
        if (out_style != NULL)
          *out_style = (SonaeDateStyle) i;
        return TRUE;
      }
  return FALSE;
}

/* The eras since Japan took the Gregorian calendar (明治6年, 1873), newest
 * first, each from its first day. */
static const struct {
  const char *name;
  int year, month, day;
} eras[] = {
  { "令和", 2019, 5, 1 },
  { "平成", 1989, 1, 8 },
  { "昭和", 1926, 12, 25 },
  { "大正", 1912, 7, 30 },
  { "明治", 1868, 1, 25 },
};

static gboolean
on_or_after (int year, int month, int day,
             int y, int m, int d)
{
  if (year != y)
    return year > y;
  if (month != m)
    return month > m;
  return day >= d;
}

char *
sonae_date_format_dmy (int            year,
                       int            month,
                       int            day,
                       SonaeDateStyle style)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  switch (style)
    {
    case SONAE_DATE_STYLE_JAPANESE_ERA:
      if (on_or_after (year, month, day, 1873, 1, 1))
        for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
          if (on_or_after (year, month, day, eras[i].year, eras[i].month, eras[i].day))
            {
              int n = year - eras[i].year + 1;

              if (n == 1)
                return g_strdup_printf ("%s元年%d月%d日", eras[i].name, month, day);
              return g_strdup_printf ("%s%d年%d月%d日", eras[i].name, n, month, day);
            }
      G_GNUC_FALLTHROUGH;
    case SONAE_DATE_STYLE_JAPANESE:
      return g_strdup_printf ("%d年%d月%d日", year, month, day);
    case SONAE_DATE_STYLE_ISO:
    default:
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }
}

static int
digits (const char *p,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* The date "YYYY-MM-DD" at @p, in @year, @month and @day; FALSE when
 * there is none (or no such day). */
static gboolean
read_date (const char *p,
           int        *year,
           int        *month,
           int        *day)
{
  *year = digits (p, 4);
  if (*year < 0 || p[4] != '-')
    return FALSE;
  *month = digits (p + 5, 2);
  if (*month < 0 || p[7] != '-')
    return FALSE;
  *day = digits (p + 8, 2);
  return *day >= 0 && *year >= 1 && *month >= 1 && *month <= 12 && *day >= 1 &&
         g_date_valid_dmy (*day, *month, *year);
}

/* The time "HH:MM" at @p, with an optional ":SS" after it: its length in
 * bytes (5 or 8), or 0 when there is none. */
static guint
read_time (const char *p)
{
  int h = digits (p, 2), m;

  if (h < 0 || h > 23 || p[2] != ':')
    return 0;
  m = digits (p + 3, 2);
  if (m < 0 || m > 59)
    return 0;
  if (p[5] == ':' && digits (p + 6, 2) >= 0 && digits (p + 6, 2) <= 60)
    return 8;
  return 5;
}

char *
sonae_date_format (const char     *stored,
                   SonaeDateStyle  style)
{
  int year, month, day;
  guint length, time = 0;
  g_autofree char *date = NULL;

  if (stored == NULL)
    return NULL;
  length = strlen (stored);
  if (length < 10 || !read_date (stored, &year, &month, &day))
    return g_strdup (stored);
  if (length > 10)
    {
      if ((stored[10] != 'T' && stored[10] != ' ') || length < 16)
        return g_strdup (stored);
      time = read_time (stored + 11);
      if (time == 0 || 11 + time != length)
        return g_strdup (stored);
    }
  date = sonae_date_format_dmy (year, month, day, style);
  if (time > 0)
    return g_strdup_printf ("%s %.5s", date, stored + 11);
  return g_steal_pointer (&date);
}

/* What may not touch a date that stands alone: it would be a part of a
 * longer number, a code, a word or a path. */
static gboolean
joins_date (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '/' || c == '+';
}

char *
sonae_date_format_text (const char     *text,
                        SonaeDateStyle  style)
{
  GString *out;
  const char *copied;
  const char *p;

  if (text == NULL)
    return NULL;
  if (style == SONAE_DATE_STYLE_ISO)
    return g_strdup (text);

  out = NULL;
  copied = text;
  /* A date has a '-' after four digits. */
  for (p = strchr (text, '-'); p != NULL; p = strchr (p + 1, '-'))
    {
      const char *start = p - 4;
      const char *end;
      int year, month, day;
      g_autofree char *date = NULL;

      if (p - text < 4 || start < copied || !read_date (start, &year, &month, &day))
        continue;
      if (start > text && (joins_date (start[-1]) || start[-1] == '.'))
        continue;
      end = start + 10;
      if (*end == 'T' && read_time (end + 1) > 0)
        {
          g_autofree char *day_text = sonae_date_format_dmy (year, month, day, style);
          guint time = read_time (end + 1);

          date = g_strdup_printf ("%s %.5s", day_text, end + 1);
          end += 1 + time;
        }
      else
        date = sonae_date_format_dmy (year, month, day, style);
      if (joins_date (*end) || (*end == '.' && g_ascii_isalnum (end[1])))
        continue;

      if (out == NULL)
        out = g_string_sized_new (strlen (text) + 16);
      g_string_append_len (out, copied, start - copied);
      g_string_append (out, date);
      copied = end;
      p = end - 1;
    }
  if (out == NULL)
    return g_strdup (text);
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

SonaeDateStyle
sonae_date_style_for_print (SonaeDateStyle japanese)
{
  /* The header of the catalogue in use names its language. */
  const char *header = dgettext (GETTEXT_PACKAGE, "");
  const char *language = header != NULL ? strstr (header, "Language: ") : NULL;

  if (language != NULL && strncmp (language + strlen ("Language: "), "ja", 2) == 0)
    return japanese;
  return SONAE_DATE_STYLE_ISO;
}
