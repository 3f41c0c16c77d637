/* A kill at any moment loses nothing that was committed: a child writes
 * contacts in a loop and reports each committed id through a pipe; the
 * parent kills it with SIGKILL at random moments, many times, and checks the
 * database after each kill. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sonae-store.h"
#include "sonae-test-util.h"

#define N_KILLS 25

static G_NORETURN void
child_main (const char *dir,
            int         fd)
{
  g_autoptr(SonaeStore) store = sonae_store_open (dir, NULL);

  if (store == NULL)
    _exit (3);
  for (guint i = 0;; i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      c->name = g_strdup_printf ("書き込み %u", i);
      c->reading = g_strdup ("かきこみ");
      sonae_contact_add_phone (c, "mobile", "090-0000-0000");
      sonae_contact_add_email (c, "work", "kill@example.jp");
      if (!sonae_store_save_contact (store, c, NULL))
        _exit (4);
      /* Only now is it committed: report it. */
      if (write (fd, &c->id, sizeof c->id) != sizeof c->id)
        _exit (5);
    }
}

static void
check_database (const char *dir,
                GArray     *committed)
{
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;

  /* It opens as Sonae would open it. */
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM contacts c WHERE c.id = ?1 AND "
                                       "(SELECT count(*) FROM contact_phones WHERE contact_id = c.id) = 1 AND "
                                       "(SELECT count(*) FROM contact_emails WHERE contact_id = c.id) = 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < committed->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (committed, gint64, i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) != 1)
        g_error ("committed contact %" G_GINT64_FORMAT " is lost or incomplete after a kill",
                 g_array_index (committed, gint64, i));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_kill_loses_nothing (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new ();

  g_test_message ("seed for the kill moments: %u", g_test_rand_int ());

  for (int round = 0; round < N_KILLS; round++)
    {
      int fds[2];
      pid_t pid;
      int status;
      gint64 id;
      ssize_t n;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (dir, fds[1]);
        }
      close (fds[1]);

      /* Kill at a random moment: during open, a migration, or a write. */
      g_usleep (g_test_rand_int_range (1000, 120000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      while ((n = read (fds[0], &id, sizeof id)) == sizeof id)
        g_array_append_val (committed, id);
      close (fds[0]);

      check_database (dir, committed);
    }

  g_test_message ("%u committed contacts survived %d kills", committed->len, N_KILLS);
  g_assert_cmpuint (committed->len, >, 0);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kill/loses-nothing", test_kill_loses_nothing);

  return g_test_run ();
}
