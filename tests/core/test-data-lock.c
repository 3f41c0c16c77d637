/* One Sonae changes a data folder at a time: while the window has it, a
 * command that would write (a restore, an import, a demo) is refused with
 * a sentence that names the window, and changes nothing; readers (exports,
 * backups, reminders) go on beside it; a holder that dies lets go. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sonae-backup.h"
#include "sonae-contacts.h"
#include "sonae-data-lock.h"
#include "sonae-error.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

typedef enum {
  HOLD_WINDOW,      /* as the window: the writer's lock and the store, until killed */
  HOLD_COMMAND,     /* as a command: the writer's lock for a moment, then exit */
  HOLD_READER,      /* as an export: the store open to read for a moment, then exit */
} Hold;

/* A child that holds @dir as @hold; returns once it holds it. */
static pid_t
spawn_holder (const char *dir,
              Hold        hold)
{
  int fds[2];
  pid_t pid;
  char c;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(SonaeDataLock) lock = NULL;
      g_autoptr(SonaeStore) store = NULL;

      close (fds[0]);
      if (hold == HOLD_READER)
        store = sonae_store_open_for_reading (dir, NULL);
      else
        {
          lock = sonae_data_lock_new (dir, TRUE, NULL);
          if (lock == NULL ||
              !sonae_data_lock_take_writer (lock, hold == HOLD_WINDOW ? SONAE_DATA_LOCK_WINDOW
                                                                      : SONAE_DATA_LOCK_COMMAND, NULL))
            _exit (3);
          store = sonae_store_open_with_lock (lock, NULL);
        }
      if (store == NULL || write (fds[1], "x", 1) != 1)
        _exit (4);
      if (hold == HOLD_WINDOW)
        for (;;)
          pause ();
      g_usleep (400 * 1000);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);
  return pid;
}

static void
reap (pid_t pid,
      gboolean kill_it)
{
  int status;

  if (kill_it)
    kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

static void
test_window_refuses_writers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *usb = sonae_test_make_dir ();
  g_autofree char *backup = g_build_filename (usb, "b.db", NULL);
  g_autofree char *pid_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  pid_t window;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "窓 の前", "まど", "1");
  g_assert_true (sonae_backup_to_file (store, backup, &error));
  g_clear_object (&store);

  window = spawn_holder (dir, HOLD_WINDOW);
  pid_text = g_strdup_printf ("%ld", (long) window);

  /* A restore: refused at once, naming the window; nothing replaced. */
  start = g_get_monotonic_time ();
  g_assert_false (sonae_backup_restore (dir, backup, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "window"));
  g_assert_nonnull (strstr (error->message, pid_text));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
  g_clear_error (&error);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, "sonae-replaced-"));
  }

  /* Any other writer: the same. */
  store = sonae_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_BUSY);
  g_clear_error (&error);

  /* Readers go on beside the window. */
  store = sonae_store_open_for_reading (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_contacts_count (store), >, 1);
  /* ... and cannot change anything through it. */
  {
    g_autoptr(SonaeContact) c = sonae_contact_new ();
    c->name = g_strdup ("読むだけ");
    g_assert_false (sonae_contacts_save (store, c, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_clear_object (&store);

  /* The window's end lets go, however it ends. */
  reap (window, TRUE);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (usb);
}

/* A reader that found nobody writing (and so made the folder ready) still
 * changes nothing, and lets a writer in at once. */
static void
test_reader_alone_writes_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeStore) writer = NULL;
  g_autoptr(SonaeContact) c = sonae_contact_new ();
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  store = sonae_store_open_for_reading (dir, &error);
  g_assert_no_error (error);
  c->name = g_strdup ("読むだけ");
  g_assert_false (sonae_contacts_save (store, c, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY);
  g_clear_error (&error);

  writer = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&writer);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A command that holds the folder for a moment is waited for. */
static void
test_command_is_waited_for (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  pid_t command;

  g_clear_object (&store);
  command = spawn_holder (dir, HOLD_COMMAND);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  reap (command, FALSE);
  sonae_test_remove_dir (dir);
}

/* A restore waits for a reader (a backup job, an export) to finish
 * before it replaces the file under it. */
static void
test_restore_waits_for_readers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *usb = sonae_test_make_dir ();
  g_autofree char *backup = g_build_filename (usb, "b.db", NULL);
  g_autoptr(GError) error = NULL;
  pid_t reader;
  int status;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "控え の人", "ひかえ", "1");
  g_assert_true (sonae_backup_to_file (store, backup, &error));
  g_clear_object (&store);

  reader = spawn_holder (dir, HOLD_READER);
  g_assert_true (sonae_backup_restore (dir, backup, NULL, &error));
  g_assert_no_error (error);
  /* The reader had finished by then. */
  g_assert_cmpint (waitpid (reader, &status, WNOHANG), ==, reader);

  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (usb);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data-lock/window-refuses-writers", test_window_refuses_writers);
  g_test_add_func ("/data-lock/reader-alone-writes-nothing", test_reader_alone_writes_nothing);
  g_test_add_func ("/data-lock/command-is-waited-for", test_command_is_waited_for);
  g_test_add_func ("/data-lock/restore-waits-for-readers", test_restore_waits_for_readers);

  return g_test_run ();
}
