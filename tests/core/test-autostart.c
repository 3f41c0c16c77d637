/* test-autostart.c: the autostart entry that checks the reminders at login:
 * which way it is set up (the Background portal in a Flatpak, none for a
 * build folder's program, the entry otherwise), the program it names, and
 * what the entry holds. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sonae-autostart.h"
#include "sonae-error.h"
#include "sonae-test-util.h"

/* An executable file at @dir/@relative, its folders made. */
static char *
make_program (const char *dir,
              const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "#!/bin/sh\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  return g_steal_pointer (&path);
}

/* A meson build folder at @dir/@relative, as meson leaves it. */
static void
make_build_folder (const char *dir,
                   const char *relative)
{
  g_autofree char *coredata = g_build_filename (dir, relative, "meson-private", "coredata.dat", NULL);
  g_autofree char *parent = g_path_get_dirname (coredata);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (coredata, "", 0, NULL));
}

static char *
entry_value (const char *key)
{
  g_autofree char *path = sonae_autostart_get_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *value;

  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error));
  g_assert_no_error (error);
  value = g_key_file_get_string (entry, "Desktop Entry", key, NULL);
  return value;
}

/* The sandbox is told by the file Flatpak puts at its root: whatever the
 * program, the portal's way; outside, a program in a meson build folder
 * gets none, an installed one the entry. */
static void
test_route (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *flatpak_info = g_build_filename (dir, "flatpak-info", NULL);
  g_autofree char *built = NULL;
  g_autofree char *test_built = NULL;
  g_autofree char *installed = NULL;

  make_build_folder (dir, "src/sonae/build");
  built = make_program (dir, "src/sonae/build/app/sonae");
  test_built = make_program (dir, "src/sonae/build/tests/gui/test-window");
  installed = make_program (dir, "usr/bin/sonae");

  g_assert_true (sonae_autostart_in_build_folder (built));
  g_assert_true (sonae_autostart_in_build_folder (test_built));
  g_assert_false (sonae_autostart_in_build_folder (installed));

  g_assert_cmpint (sonae_autostart_route (flatpak_info, installed), ==, SONAE_AUTOSTART_ENTRY);
  g_assert_cmpint (sonae_autostart_route (flatpak_info, built), ==, SONAE_AUTOSTART_BUILD_FOLDER);
  g_assert_cmpint (sonae_autostart_route (flatpak_info, NULL), ==, SONAE_AUTOSTART_BUILD_FOLDER);

  g_assert_true (g_file_set_contents (flatpak_info, "[Application]\nname=io.github.sonae.Sonae\n", -1, NULL));
  g_assert_cmpint (sonae_autostart_route (flatpak_info, "/app/bin/sonae"), ==, SONAE_AUTOSTART_PORTAL);
  g_assert_cmpint (sonae_autostart_route (flatpak_info, installed), ==, SONAE_AUTOSTART_PORTAL);
  g_assert_cmpint (sonae_autostart_route (flatpak_info, built), ==, SONAE_AUTOSTART_PORTAL);

  /* This very test runs from the build folder. */
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

    g_assert_true (sonae_autostart_in_build_folder (self));
  }
  sonae_test_remove_dir (dir);
}

/* The program that runs now, unless a test stands one in for it (and only
 * a test can). */
static void
test_current_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *now = NULL;
  g_autofree char *stood_in = NULL;
  g_autofree char *not_testing = NULL;

  g_setenv ("SONAE_TESTING", "1", TRUE);
  now = sonae_autostart_current_program ();
  g_assert_cmpstr (now, ==, self);

  g_setenv ("SONAE_TEST_PROGRAM", "/usr/bin/sonae", TRUE);
  stood_in = sonae_autostart_current_program ();
  g_assert_cmpstr (stood_in, ==, "/usr/bin/sonae");
  g_setenv ("SONAE_TESTING", "0", TRUE);
  not_testing = sonae_autostart_current_program ();
  g_assert_cmpstr (not_testing, ==, self);
  g_setenv ("SONAE_TESTING", "1", TRUE);
  g_unsetenv ("SONAE_TEST_PROGRAM");
}

/* An installed Sonae that the search path finds is named "sonae", as any
 * command; one the path does not find (or finds another) keeps its path. */
static void
test_program_name (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *installed = make_program (dir, "usr/bin/sonae");
  g_autofree char *elsewhere = make_program (dir, "opt/sonae/bin/sonae");
  g_autofree char *bin = g_build_filename (dir, "usr", "bin", NULL);
  g_autofree char *local_bin = g_build_filename (dir, "usr", "local", "bin", NULL);
  g_autofree char *link = g_build_filename (local_bin, "sonae", NULL);
  g_autofree char *search = NULL;
  g_autofree char *name = NULL;

  search = g_strconcat (bin, ":/nonexistent", NULL);
  g_setenv ("PATH", search, TRUE);
  name = sonae_autostart_program_name (installed);
  g_assert_cmpstr (name, ==, "sonae");
  g_clear_pointer (&name, g_free);
  name = sonae_autostart_program_name (elsewhere);
  g_assert_cmpstr (name, ==, elsewhere);
  g_clear_pointer (&name, g_free);

  /* Found through a link, it is the same program. */
  g_assert_cmpint (g_mkdir_with_parents (local_bin, 0700), ==, 0);
  g_assert_cmpint (symlink (elsewhere, link), ==, 0);
  g_clear_pointer (&search, g_free);
  search = g_strconcat (local_bin, ":", bin, NULL);
  g_setenv ("PATH", search, TRUE);
  name = sonae_autostart_program_name (elsewhere);
  g_assert_cmpstr (name, ==, "sonae");
  g_clear_pointer (&name, g_free);
  /* And /usr/bin/sonae is then not the one a login would find. */
  name = sonae_autostart_program_name (installed);
  g_assert_cmpstr (name, ==, installed);

  g_setenv ("PATH", old_path, TRUE);
  sonae_test_remove_dir (dir);
}

/* The entry runs the installed program by its name, sets no environment (no
 * LANG=C, no env, nothing of the build), so the check speaks the session's
 * language; it names Sonae in both languages. */
static void
test_entry_content (void)
{
  g_autofree char *path = sonae_autostart_get_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *name_ja = NULL;
  g_autofree char *comment_ja = NULL;
  g_autofree char *build_root = g_strdup (g_getenv ("SONAE_BUILD_ROOT"));

  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_CONFIG_HOME")));
  g_assert_true (sonae_autostart_install ("sonae", NULL, &error));
  g_assert_no_error (error);

  exec = entry_value ("Exec");
  g_assert_cmpstr (exec, ==, "sonae --check-reminders --notify");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", contents);
  g_assert_null (strstr (contents, "LANG"));
  g_assert_null (strstr (contents, "LC_"));
  g_assert_null (strstr (contents, "env "));
  g_assert_null (strstr (contents, "SONAE_"));
  if (build_root != NULL)
    g_assert_null (strstr (contents, build_root));

  name_ja = entry_value ("Name[ja]");
  comment_ja = entry_value ("Comment[ja]");
  g_assert_nonnull (strstr (name_ja, "Sonae"));
  g_assert_nonnull (strstr (comment_ja, "Sonae"));
  g_assert_null (strstr (name_ja, "備え"));

  g_assert_true (sonae_autostart_remove (&error));
  g_assert_false (sonae_autostart_is_installed ());
}

/* A program in a build folder is refused, with the reason, and nothing is
 * written. */
static void
test_build_folder_refused (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *built = NULL;
  g_autoptr(GError) error = NULL;

  make_build_folder (dir, "build");
  built = make_program (dir, "build/app/sonae");
  g_assert_false (sonae_autostart_install (built, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "install"));
  g_assert_false (sonae_autostart_is_installed ());
  sonae_test_remove_dir (dir);
}

/* An entry that an uninstalled build wrote is written again for the
 * installed program, for the same data folder; one that runs an installed
 * program is left as it is. */
static void
test_repair (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *built = NULL;
  g_autofree char *exec = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  const char *data_dir = "/home/clinic/Sonae data";

  g_assert_null (sonae_autostart_read_argv ());
  g_assert_true (sonae_autostart_repair ("sonae", &error));   /* nothing there: nothing to do */
  g_assert_false (sonae_autostart_is_installed ());

  make_build_folder (dir, "build");
  built = make_program (dir, "build/app/sonae");
  {
    /* As an older Sonae wrote it, before build folders were refused. */
    g_autofree char *path = sonae_autostart_get_path ();
    g_autofree char *folder = g_path_get_dirname (path);
    g_autofree char *line = sonae_autostart_exec_line (built, data_dir);
    g_autofree char *entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Sonae reminders\nExec=%s\n", line);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, entry, -1, NULL));
  }
  argv = sonae_autostart_read_argv ();
  g_assert_cmpstr (argv[0], ==, built);
  g_clear_pointer (&argv, g_strfreev);

  g_assert_true (sonae_autostart_repair ("sonae", &error));
  g_assert_no_error (error);
  argv = sonae_autostart_read_argv ();
  g_assert_cmpuint (g_strv_length (argv), ==, 5);
  g_assert_cmpstr (argv[0], ==, "sonae");
  g_assert_cmpstr (argv[1], ==, "--data-dir");
  g_assert_cmpstr (argv[2], ==, data_dir);
  g_assert_cmpstr (argv[3], ==, "--check-reminders");
  g_assert_cmpstr (argv[4], ==, "--notify");

  /* Already right: untouched. */
  g_assert_true (sonae_autostart_install ("/opt/sonae/bin/sonae", NULL, &error));
  g_assert_true (sonae_autostart_repair ("sonae", &error));
  exec = entry_value ("Exec");
  g_assert_cmpstr (exec, ==, "/opt/sonae/bin/sonae --check-reminders --notify");

  g_assert_true (sonae_autostart_remove (&error));
  sonae_test_remove_dir (dir);
}

/* What the Background portal is given: the same command, one argument an
 * element. */
static void
test_argv (void)
{
  g_auto(GStrv) plain = sonae_autostart_argv ("sonae", NULL);
  g_auto(GStrv) with_dir = sonae_autostart_argv ("sonae", "/var/sonae data");
  const char *expected_plain[] = { "sonae", "--check-reminders", "--notify", NULL };
  const char *expected_dir[] = { "sonae", "--data-dir", "/var/sonae data", "--check-reminders", "--notify", NULL };

  g_assert_true (g_strv_equal ((const char * const *) plain, expected_plain));
  g_assert_true (g_strv_equal ((const char * const *) with_dir, expected_dir));
}

static void
test_autostart (void)
{
  g_autofree char *path = sonae_autostart_get_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *type = NULL;
  g_auto(GStrv) argv = NULL;
  int argc;

  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_CONFIG_HOME")));
  g_assert_false (sonae_autostart_is_installed ());
  g_assert_true (sonae_autostart_remove (&error));   /* not there: fine */

  g_assert_true (sonae_autostart_install ("/opt/Sonae App/bin/sonae", "/home/clinic/My \"data\" $HOME", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_autostart_is_installed ());

  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  type = g_key_file_get_string (entry, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "NoDisplay", NULL));
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  /* The spec's quoting reads back as the shell's. */
  g_assert_true (g_shell_parse_argv (exec, &argc, &argv, &error));
  g_assert_cmpint (argc, ==, 5);
  g_assert_cmpstr (argv[0], ==, "/opt/Sonae App/bin/sonae");
  g_assert_cmpstr (argv[1], ==, "--data-dir");
  g_assert_cmpstr (argv[2], ==, "/home/clinic/My \"data\" $HOME");
  g_assert_cmpstr (argv[3], ==, "--check-reminders");
  g_assert_cmpstr (argv[4], ==, "--notify");
  g_clear_pointer (&exec, g_free);
  exec = sonae_autostart_exec_line ("/usr/bin/sonae", NULL);
  g_assert_cmpstr (exec, ==, "/usr/bin/sonae --check-reminders --notify");

  /* A % in a folder's name is no field code: the session reads %% as %. */
  g_clear_pointer (&exec, g_free);
  g_clear_pointer (&argv, g_strfreev);
  exec = sonae_autostart_exec_line ("/usr/bin/sonae", "/home/clinic/100% %U data");
  for (const char *p = strchr (exec, '%'); p != NULL; p = strchr (p + 2, '%'))
    g_assert_cmpint (p[1], ==, '%');
  {
    g_autoptr(GString) unescaped = g_string_new (exec);
    g_string_replace (unescaped, "%%", "%", 0);
    g_assert_true (g_shell_parse_argv (unescaped->str, &argc, &argv, &error));
  }
  g_assert_cmpint (argc, ==, 5);
  g_assert_cmpstr (argv[2], ==, "/home/clinic/100% %U data");

  g_assert_true (sonae_autostart_remove (&error));
  g_assert_no_error (error);
  g_assert_false (sonae_autostart_is_installed ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = NULL;
  int status;

  /* Before anything asks GLib for the user's folders. */
  config = g_dir_make_tmp ("sonae-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autostart/quoting", test_autostart);
  g_test_add_func ("/autostart/route", test_route);
  g_test_add_func ("/autostart/current-program", test_current_program);
  g_test_add_func ("/autostart/program-name", test_program_name);
  g_test_add_func ("/autostart/entry-content", test_entry_content);
  g_test_add_func ("/autostart/build-folder-refused", test_build_folder_refused);
  g_test_add_func ("/autostart/repair", test_repair);
  g_test_add_func ("/autostart/argv", test_argv);

  status = g_test_run ();
  sonae_test_remove_dir (config);
  return status;
}
