/* A kill at any moment loses nothing that was committed and never locks
 * anyone out. A child does what a user does — starts Sonae on an empty
 * folder, restores a backup, opens a database an older Sonae wrote, imports
 * contacts, writes contacts — and reports each commit through a pipe; the
 * parent kills it with SIGKILL at a random moment, more than a hundred
 * times, and after each kill starts Sonae on the folder and checks it.
 *
 * The moments come from GTest's random numbers: the seed is printed at the
 * top ("# random seed: …"); run again with --seed=… to replay a failure. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sonae-backup.h"
#include "sonae-contacts.h"
#include "sonae-import.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

gboolean sonae_store_migrate_file_to (const char *path, int target, GError **error);

#define N_KILLS 120
#define IMPORT_SIZE 25

typedef enum {
  WORK_WRITES,       /* write contacts into the folder as it is */
  WORK_FIRST_START,  /* a first start on an empty folder, then writes */
  WORK_RESTORE,      /* restore a backup, then writes */
  WORK_MIGRATION,    /* open a database of data version 3, then writes */
  WORK_IMPORT,       /* import files of IMPORT_SIZE contacts, one after another */
  N_WORKS
} Work;

static const char *work_names[] = { "writes", "first start", "restore", "migration", "import" };

/* A commit the child reports: a contact's id, or an import's number as -n. */
static void
report (int    fd,
        gint64 value)
{
  if (write (fd, &value, sizeof value) != sizeof value)
    _exit (5);
}

/* A vCard file of IMPORT_SIZE contacts whose names carry the round @n. */
static char *
import_file_text (gint64 n)
{
  GString *vcf = g_string_new (NULL);

  for (guint i = 0; i < IMPORT_SIZE; i++)
    g_string_append_printf (vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:取込 %" G_GINT64_FORMAT " %02u\r\n"
                                 "N:取込;%" G_GINT64_FORMAT " %02u;;;\r\n"
                                 "TEL;TYPE=CELL:090-1111-%04u\r\nEND:VCARD\r\n", n, i, n, i, i);
  return g_string_free (vcf, FALSE);
}

static G_NORETURN void
child_main (const char *dir,
            Work        work,
            const char *file,
            int         fd)
{
  g_autoptr(SonaeStore) store = NULL;

  if (work == WORK_RESTORE && !sonae_backup_restore (dir, file, NULL, NULL))
    _exit (6);
  if (work == WORK_IMPORT)
    {
      store = sonae_store_open (dir, NULL);
      if (store == NULL)
        _exit (7);
      for (gint64 n = 1;; n++)
        {
          g_autofree char *vcf = import_file_text (n);
          g_autoptr(SonaeImport) import =
            sonae_import_new_from_data (vcf, strlen (vcf), "import.vcf", SONAE_GROUP_STAFF, NULL);

          if (import == NULL || !sonae_import_apply (import, store, NULL))
            _exit (8);
          report (fd, -n);
        }
    }

  store = sonae_store_open (dir, NULL);
  if (store == NULL)
    _exit (3);
  for (guint i = 0;; i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      c->name = g_strdup_printf ("書き込み %u", i);
      c->reading = g_strdup ("かきこみ");
      sonae_contact_add_phone (c, "mobile", "090-0000-0000");
      sonae_contact_add_email (c, "work", "kill@example.jp");
      if (!sonae_contacts_save (store, c, NULL))
        _exit (4);
      /* Only now is it committed: report it. */
      report (fd, c->id);
    }
}

static int
query_int (sqlite3    *db,
           const char *sql,
           gint64      param)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Start Sonae on the folder as a user would, then look at the file. */
static void
check_folder (const char *dir,
              GArray     *committed,
              int         expect_backup_contacts)
{
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* It opens as Sonae would open it: never refused after a kill. */
  store = sonae_store_open (dir, &error);
  if (store == NULL)
    g_error ("locked out after a kill: %s", error->message);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* The emergency contacts are never missing. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts WHERE builtin_key = 'police-110'", 0), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts WHERE builtin_key = 'ppc'", 0), ==, 1);

  for (guint i = 0; i < committed->len; i++)
    {
      gint64 value = g_array_index (committed, gint64, i);

      if (value > 0)
        {
          if (query_int (db, "SELECT count(*) FROM contacts c WHERE c.id = ?1 AND "
                             "(SELECT count(*) FROM contact_phones WHERE contact_id = c.id) = 1 AND "
                             "(SELECT count(*) FROM contact_emails WHERE contact_id = c.id) = 1", value) != 1)
            g_error ("committed contact %" G_GINT64_FORMAT " is lost or incomplete after a kill", value);
        }
      else
        {
          g_autofree char *like = g_strdup_printf ("取込 %" G_GINT64_FORMAT " %%", -value);
          sqlite3_stmt *s = NULL;

          g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM contacts WHERE name LIKE ?1", -1, &s, NULL), ==, SQLITE_OK);
          sqlite3_bind_text (s, 1, like, -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
          if (sqlite3_column_int (s, 0) != IMPORT_SIZE)
            g_error ("committed import %" G_GINT64_FORMAT " has %d of its %d contacts after a kill",
                     -value, sqlite3_column_int (s, 0), IMPORT_SIZE);
          sqlite3_finalize (s);
        }
    }
  /* An import is one transaction: never part of one. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts WHERE name LIKE '取込 %'", 0) % IMPORT_SIZE, ==, 0);

  /* A restore happened whole or not at all. */
  if (expect_backup_contacts >= 0)
    {
      int n = query_int (db, "SELECT count(*) FROM contacts WHERE name LIKE '控え %'", 0);
      g_assert_true (n == 0 || n == expect_backup_contacts);
    }
  sqlite3_close (db);
}

static char *
make_backup (const char *work)
{
  g_autofree char *dir = g_build_filename (work, "backup-source", NULL);
  char *file = g_build_filename (work, "backup.db", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("控え %u", i);
      sonae_test_add_contact (store, SONAE_GROUP_STAFF, name, "ひかえ", "03-0000-0000");
    }
  g_assert_true (sonae_backup_to_file (store, file, &error));
  return file;
}

static void
test_kill_loses_nothing (void)
{
  g_autofree char *work = sonae_test_make_dir ();
  g_autofree char *dir = g_build_filename (work, "data", NULL);
  g_autofree char *backup = make_backup (work);
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint kills[N_WORKS] = { 0 };
  guint n_committed = 0;

  for (int round = 0; round < N_KILLS; round++)
    {
      Work work_kind = g_test_rand_int_range (0, N_WORKS);
      int fds[2];
      pid_t pid;
      int status;
      gint64 value;
      ssize_t n;

      /* A first start, a restore and a migration begin from a new folder
       * (the restore from one with data in it). */
      if (work_kind == WORK_FIRST_START || work_kind == WORK_MIGRATION || work_kind == WORK_RESTORE)
        {
          sonae_test_remove_dir (dir);
          g_array_set_size (committed, 0);
        }
      if (work_kind == WORK_MIGRATION)
        {
          g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
          g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
          g_assert_true (sonae_store_migrate_file_to (path, 3, NULL));
        }
      if (work_kind == WORK_RESTORE)
        {
          g_autoptr(SonaeStore) before = sonae_store_open (dir, NULL);
          g_assert_nonnull (before);
          sonae_test_add_contact (before, SONAE_GROUP_STAFF, "前から 人", "まえから", "1");
        }

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (dir, work_kind, backup, fds[1]);
        }
      close (fds[1]);

      /* Most of what happens at a start is over in 40 ms: kill there
       * often, and sometimes later, in the middle of the writes. */
      if (g_test_rand_int_range (0, 4) == 0)
        g_usleep (g_test_rand_int_range (40000, 150000));
      else
        g_usleep (g_test_rand_int_range (0, 40000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL))
        g_error ("round %d (%s): the child ended by itself with status %d", round,
                 work_names[work_kind], WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      kills[work_kind]++;

      while ((n = read (fds[0], &value, sizeof value)) == sizeof value)
        {
          g_array_append_val (committed, value);
          n_committed++;
        }
      close (fds[0]);

      check_folder (dir, committed, work_kind == WORK_RESTORE ? 40 : -1);
    }

  for (int w = 0; w < N_WORKS; w++)
    g_test_message ("%s: killed %u times", work_names[w], kills[w]);
  g_test_message ("%u commits reported, none lost, in %d kills", n_committed, N_KILLS);
  g_assert_cmpuint (n_committed, >, 0);
  sonae_test_remove_dir (work);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kill/loses-nothing", test_kill_loses_nothing);

  return g_test_run ();
}
