#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sonae-clock.h"
#include "sonae-error.h"

static GDateTime *override_now;

void
sonae_clock_set_override (const char *now)
{
  g_clear_pointer (&override_now, g_date_time_unref);
  if (now != NULL)
    {
      int y, mo, d, h, mi;

      if (sscanf (now, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) == 5)
        override_now = g_date_time_new_local (y, mo, d, h, mi, 0);
      g_return_if_fail (override_now != NULL);
    }
}

GDateTime *
sonae_clock_now (void)
{
  const char *fixed = g_getenv ("SONAE_NOW");

  if (override_now != NULL)
    return g_date_time_ref (override_now);

  if (fixed != NULL && g_strcmp0 (g_getenv ("SONAE_TESTING"), "1") == 0)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      GDateTime *dt = g_date_time_new_from_iso8601 (fixed, tz);

      if (dt != NULL)
        return dt;
      g_warning ("SONAE_NOW=%s is not an ISO 8601 date and time", fixed);
    }
  return g_date_time_new_now_local ();
}

char *
sonae_clock_today (void)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
sonae_date_is_valid (const char *text)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (text[4] != '-' || text[7] != '-')
    return FALSE;
  return y >= 1900 && y <= 9999 && g_date_valid_dmy (d, m, y);
}

gboolean
sonae_date_check (const char  *text,
                  GError     **error)
{
  if (sonae_date_is_valid (text))
    return TRUE;
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD."), text ? text : "");
  return FALSE;
}

void
sonae_clock_get_today (GDate *out)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();

  g_return_if_fail (out != NULL);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

int
sonae_date_days_to (const char  *date,
                    const GDate *today)
{
  GDate then;
  unsigned y, m, d;

  g_return_val_if_fail (today != NULL, -1);

  if (!sonae_date_is_valid (date))
    return -1;
  sscanf (date, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (&then, 1);
  g_date_set_dmy (&then, d, m, y);
  return g_date_days_between (&then, today);
}

int
sonae_clock_days_since (const char *date)
{
  GDate today;

  if (!sonae_date_is_valid (date))
    return -1;
  sonae_clock_get_today (&today);
  return sonae_date_days_to (date, &today);
}
