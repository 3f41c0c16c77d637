/* sonae-input.c: the checks every record shares for what a person typed */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-input.h"

char *
sonae_input_now_string (void)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

gboolean
sonae_input_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
sonae_input_check_text (const char  *text,
                        GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (strlen (text) > SONAE_INPUT_MAX_TEXT)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                   _("The text is too long: Sonae keeps up to %d bytes (about %d Japanese characters) in one entry."),
                   SONAE_INPUT_MAX_TEXT, SONAE_INPUT_MAX_TEXT / 3);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The text contains broken characters."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_input_check_author (const char  *author,
                          GError     **error)
{
  if (sonae_input_is_blank (author))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Every entry of the timeline needs the name of who made it."));
      return FALSE;
    }
  return sonae_input_check_text (author, error);
}

gboolean
sonae_input_check_required (const char  *text,
                            const char  *message,
                            GError     **error)
{
  if (!sonae_input_check_text (text, error))
    return FALSE;
  if (sonae_input_is_blank (text))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_input_normalize_date (const char  *text,
                            char       **out_date,
                            GError     **error)
{
  g_autofree char *copy = NULL;

  *out_date = NULL;
  if (text == NULL)
    return TRUE;
  if (!sonae_input_check_text (text, error))
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return TRUE;
  if (!sonae_date_check (copy, error))
    return FALSE;
  *out_date = g_steal_pointer (&copy);
  return TRUE;
}
