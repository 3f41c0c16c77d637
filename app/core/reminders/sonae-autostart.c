/* sonae-autostart.c: the reminders' autostart entry */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sonae-autostart.h"
#include "sonae-error.h"

#define ENTRY_NAME "io.github.sonae.Sonae-reminders.desktop"

char *
sonae_autostart_current_program (void)
{
  const char *stand_in = g_getenv ("SONAE_TEST_PROGRAM");

  if (stand_in != NULL && g_strcmp0 (g_getenv ("SONAE_TESTING"), "1") == 0)
    return g_strdup (stand_in);
  return g_file_read_link ("/proc/self/exe", NULL);
}

gboolean
sonae_autostart_in_build_folder (const char *program)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (program != NULL, FALSE);

  dir = g_path_get_dirname (program);
  for (;;)
    {
      g_autofree char *marker = g_build_filename (dir, "meson-private", "coredata.dat", NULL);
      g_autofree char *parent = NULL;

      if (g_file_test (marker, G_FILE_TEST_IS_REGULAR))
        return TRUE;
      parent = g_path_get_dirname (dir);
      if (strcmp (parent, dir) == 0)
        return FALSE;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

SonaeAutostartRoute
sonae_autostart_route (const char *flatpak_info,
                       const char *program)
{
  g_return_val_if_fail (flatpak_info != NULL, SONAE_AUTOSTART_ENTRY);

  /* In the sandbox, the program's path is the sandbox's own (/app/bin):
   * only the portal can name it to the session. */
  if (g_file_test (flatpak_info, G_FILE_TEST_EXISTS))
    return SONAE_AUTOSTART_PORTAL;
  /* An entry that runs a build folder's program breaks when the folder is
   * cleaned or rebuilt, and that program finds no translations. */
  if (program == NULL || sonae_autostart_in_build_folder (program))
    return SONAE_AUTOSTART_BUILD_FOLDER;
  return SONAE_AUTOSTART_ENTRY;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

char *
sonae_autostart_program_name (const char *program)
{
  g_autofree char *found = NULL;

  g_return_val_if_fail (program != NULL, NULL);

  found = g_find_program_in_path ("sonae");
  if (found != NULL && same_file (found, program))
    return g_strdup ("sonae");
  return g_strdup (program);
}

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

GStrv
sonae_autostart_argv (const char *program,
                      const char *data_dir)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();

  g_return_val_if_fail (program != NULL, NULL);

  g_strv_builder_add (argv, program);
  if (data_dir != NULL)
    g_strv_builder_add_many (argv, "--data-dir", data_dir, NULL);
  g_strv_builder_add_many (argv, "--check-reminders", "--notify", NULL);
  return g_strv_builder_end (argv);
}

char *
sonae_autostart_exec_line (const char *program,
                           const char *data_dir)
{
  g_auto(GStrv) argv = NULL;
  GString *line = g_string_new (NULL);

  g_return_val_if_fail (program != NULL, NULL);

  argv = sonae_autostart_argv (program, data_dir);
  for (guint i = 0; argv[i] != NULL; i++)
    append_argument (line, argv[i]);
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

  g_return_val_if_fail (program != NULL, FALSE);

  if (g_path_is_absolute (program) && sonae_autostart_in_build_folder (program))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("This Sonae runs from the folder it was built in (%s): install it first, so that the "
                     "check at login runs the installed program."), program);
      return FALSE;
    }

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
                                "ja", "Sonae のリマインダー");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Show what is due in Sonae when you log in");
  g_key_file_set_locale_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                                "ja", "ログイン時に、Sonae で期限が来ている項目を表示します");
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

GStrv
sonae_autostart_read_argv (void)
{
  g_autofree char *path = sonae_autostart_get_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autoptr(GString) unescaped = NULL;
  char **argv = NULL;

  if (!g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  if (exec == NULL)
    return NULL;
  /* Our entries hold no field codes: %% is a %. */
  unescaped = g_string_new (exec);
  g_string_replace (unescaped, "%%", "%", 0);
  if (!g_shell_parse_argv (unescaped->str, NULL, &argv, NULL))
    return NULL;
  return argv;
}

gboolean
sonae_autostart_repair (const char  *program,
                        GError     **error)
{
  g_auto(GStrv) argv = sonae_autostart_read_argv ();
  const char *data_dir = NULL;

  g_return_val_if_fail (program != NULL, FALSE);

  if (argv == NULL || !g_path_is_absolute (argv[0]) || !sonae_autostart_in_build_folder (argv[0]))
    return TRUE;
  for (guint i = 1; argv[i] != NULL; i++)
    if (strcmp (argv[i], "--data-dir") == 0 && argv[i + 1] != NULL)
      data_dir = argv[i + 1];
  return sonae_autostart_install (program, data_dir, error);
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
