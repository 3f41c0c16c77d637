/* sonae-autostart.c: the reminders' autostart entry */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sonae-autostart.h"
#include "sonae-error.h"

#define ENTRY_NAME "io.github.sonae.Sonae-reminders.desktop"

char *
sonae_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", ENTRY_NAME, NULL);
}

gboolean
sonae_autostart_is_installed (void)
{
  g_autofree char *path = sonae_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* One argument of an Exec line: in double quotes when it holds anything
 * but plain characters, with ", `, $ and \ escaped, and % doubled (the
 * session would read %U or %f in a folder's name as a field code). */
static void
append_argument (GString    *line,
                 const char *arg)
{
  gboolean plain = *arg != '\0';

  for (const char *p = arg; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || strchr ("/-_.+,:@", *p) != NULL || (guchar) *p >= 0x80))
      plain = FALSE;
  if (line->len > 0)
    g_string_append_c (line, ' ');
  if (plain)
    {
      g_string_append (line, arg);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = arg; *p != '\0'; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (line, '\\');
      else if (*p == '%')
        g_string_append_c (line, '%');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

char *
sonae_autostart_exec_line (const char *program,
                           const char *data_dir)
{
  GString *line = g_string_new (NULL);

  g_return_val_if_fail (program != NULL, NULL);

  append_argument (line, program);
  if (data_dir != NULL)
    {
      append_argument (line, "--data-dir");
      append_argument (line, data_dir);
    }
  append_argument (line, "--check-reminders");
  append_argument (line, "--notify");
  return g_string_free (line, FALSE);
}

gboolean
sonae_autostart_install (const char  *program,
                         const char  *data_dir,
                         GError     **error)
{
  g_autofree char *path = sonae_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *exec = NULL;
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *contents = NULL;

  g_return_val_if_fail (program != NULL && g_path_is_absolute (program), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  exec = sonae_autostart_exec_line (program, data_dir);
  /* The session reads the entry, not Sonae: it carries its name in both
   * of Sonae's languages, whatever language wrote it. */
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                         "Sonae reminders");
  g_key_file_set_locale_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                                "ja", "備え リマインダー");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Show what is due in Sonae when you log in");
  g_key_file_set_locale_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                                "ja", "ログイン時に、備えの期限が来ている項目を表示します");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON,
                         "io.github.sonae.Sonae");
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  contents = g_key_file_to_data (entry, NULL, NULL);

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    {
      g_prefix_error (error, _("Could not write the autostart entry: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_autostart_remove (GError **error)
{
  g_autofree char *path = sonae_autostart_get_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not remove the autostart entry %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
