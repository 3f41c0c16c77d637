/* Never locked out: what a kill, a stale file or another program leaves in
 * the data folder is recovered or tidied at the next start, never called
 * damage; and what is truly not Sonae's is refused with nothing changed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sonae-backup.h"
#include "sonae-contacts.h"
#include "sonae-data-lock.h"
#include "sonae-error.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

gboolean sonae_store_migrate_file_to (const char *path, int target, GError **error);

#define N_AUTHORITIES_MIN 8

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* The names in @dir that start with @prefix. */
static char *
make_store_with_contacts (guint n)
{
  char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("元の 名前 %u", i);
      sonae_test_add_contact (store, SONAE_GROUP_STAFF, name, "もとの", "03-0000-0000");
    }
  return dir;
}

/* A child changes every contact in a rollback-journal transaction so large
 * that sqlite writes into the database before the commit, and is killed
 * there: the journal beside the database is hot. */
static void
leave_hot_journal (const char *path)
{
  pid_t pid;
  int status;
  int fds[2];
  char c;

  sonae_test_db_exec (path, "PRAGMA journal_mode = DELETE");
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      close (fds[0]);
      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN; "
                            "UPDATE contacts SET name = 'CHANGED ' || id, notes = hex (randomblob (400));",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (3);
      if (write (fds[1], "x", 1) != 1)
        _exit (4);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
}

/* A kill in the middle of a write to a database in rollback-journal mode
 * (a restored backup, a database an older Sonae made, the switch to WAL):
 * the next start rolls the journal back and opens it, with what was
 * committed before, instead of calling it damaged. */
static void
test_hot_journal_is_rolled_back (void)
{
  g_autofree char *dir = make_store_with_contacts (300);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autofree char *journal = g_build_filename (dir, "sonae.db-journal", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  leave_hot_journal (path);
  g_assert_cmpint (g_stat (journal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (sonae_contacts_count (store), >=, 300);
  g_clear_object (&store);

  g_assert_false (exists (dir, "sonae.db-journal"));
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE name LIKE 'CHANGED%'"), ==, 0);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE name LIKE '元の 名前 %'"), ==, 300);
  sonae_test_db_assert_intact (path);
  /* The copy kept while recovering goes once the recovery worked. */
  g_assert_cmpuint (sonae_test_count_names (dir, "sonae-before-recovery-"), ==, 0);

  /* And a reader that comes first (the login reminder) recovers it too. */
  leave_hot_journal (path);
  store = sonae_store_open_for_reading (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_contacts_count (store), >=, 300);
  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE name LIKE 'CHANGED%'"), ==, 0);

  sonae_test_remove_dir (dir);
}

/* A journal that does not belong to the database (left by a damaged file
 * that a restore replaced) is never played into the restored one. */
static void
test_restore_clears_stale_sides (void)
{
  g_autofree char *dir = make_store_with_contacts (300);
  g_autofree char *other = make_store_with_contacts (3);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autofree char *backup = g_build_filename (other, "b.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* The backup to restore: three contacts. */
  store = sonae_store_open (other, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_backup_to_file (store, backup, &error));
  g_clear_object (&store);

  /* The database to replace was left with a hot journal (the problem
   * window offers a restore whatever the cause). */
  leave_hot_journal (path);

  g_assert_true (sonae_backup_restore (dir, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  /* The journal was played back into the file it belongs to, the kept
   * one, and nothing of it stays beside the restored database. */
  g_assert_false (exists (dir, "sonae.db-journal"));
  g_assert_false (exists (dir, "sonae.db-wal"));
  g_assert_cmpint (sonae_test_db_int (kept, "SELECT count(*) FROM contacts WHERE name LIKE 'CHANGED%'"), ==, 0);
  g_assert_cmpint (sonae_test_db_int (kept, "SELECT count(*) FROM contacts WHERE name LIKE '元の 名前 %'"), ==, 300);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  sonae_test_db_assert_intact (path);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE builtin_key IS NULL"), ==, 3);

  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (other);
}

/* A database that an earlier Sonae left without the bundled authorities
 * (killed between the schema and the authorities) gets them at the next
 * start; one whose organisation deleted one keeps it deleted. */
static void
test_authorities_repaired (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) police = NULL;
  int n_builtin;

  g_assert_true (sonae_store_migrate_file_to (path, SONAE_SCHEMA_VERSION, &error));
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts"), ==, 0);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  n_builtin = sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE builtin_key IS NOT NULL");
  g_assert_cmpint (n_builtin, >=, N_AUTHORITIES_MIN);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE builtin_key = 'police-110'"), ==, 1);

  /* The organisation deletes one; it stays deleted. */
  store = sonae_store_open (dir, &error);
  g_assert_true (sonae_contacts_delete (store,
                                        sonae_test_db_int (path, "SELECT id FROM contacts WHERE builtin_key = 'ipa-report'"),
                                        &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE builtin_key IS NOT NULL"), ==, n_builtin - 1);

  sonae_test_remove_dir (dir);
}

/* A new database comes into place whole: with its authorities, in WAL
 * mode, and nothing temporary beside it. */
static void
test_new_database_is_whole (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_strdup (sonae_store_get_path (store));
  GStatBuf st;

  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE builtin_key IS NOT NULL"), >=, N_AUTHORITIES_MIN);
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM meta WHERE key = 'authorities.installed'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  g_clear_object (&store);
  g_assert_cmpuint (sonae_test_count_names (dir, ".sonae-tmp-"), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Bytes 18 and 19 of the header: 2 is WAL. */
  {
    g_autofree char *contents = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpint (contents[18], ==, 2);
    g_assert_cmpint (contents[19], ==, 2);
  }
  sonae_test_remove_dir (dir);
}

/* What kills left behind is removed at the next start: temporary files of
 * a process that is gone, a restore's copy under its old name, a backup's
 * partial file and journal, a kept copy that is only a second name of the
 * database. What belongs to someone is kept. */
static void
test_leftovers_tidied (void)
{
  g_autofree char *dir = make_store_with_contacts (2);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *second_name = g_build_filename (dir, "sonae-replaced-20261201-101010.db", NULL);
  g_autofree char *real_kept = g_build_filename (dir, "sonae-replaced-20261101-101010.db", NULL);
  g_autofree char *alive = g_strdup_printf (".sonae-tmp-%ld-alive", (long) getppid ());
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *leftovers[] = {
    ".sonae-tmp-999999999-a1b2c3", ".sonae-tmp-999999999-a1b2c3-journal",
    "sonae.db.restoring", "sonae.db.restoring-journal",
  };

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *p = g_build_filename (dir, leftovers[i], NULL);
      g_assert_true (g_file_set_contents (p, "personal data", -1, NULL));
    }
  {
    g_autofree char *p = g_build_filename (dir, alive, NULL);
    g_assert_true (g_file_set_contents (p, "still being written", -1, NULL));
  }
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  {
    g_autofree char *a = g_build_filename (backups, "sonae-2026-12-01.db.partial", NULL);
    g_autofree char *b = g_build_filename (backups, "sonae-2026-12-01.db.partial-journal", NULL);
    g_autofree char *d = g_build_filename (backups, ".sonae-tmp-999999999-zzzzzz", NULL);
    g_autofree char *f = g_build_filename (d, "copy", NULL);
    g_assert_true (g_file_set_contents (a, "x", -1, NULL));
    g_assert_true (g_file_set_contents (b, "x", -1, NULL));
    g_assert_cmpint (g_mkdir (d, 0700), ==, 0);
    g_assert_true (g_file_set_contents (f, "x", -1, NULL));
  }
  g_assert_cmpint (link (path, second_name), ==, 0);
  g_assert_true (g_file_set_contents (real_kept, "an older database", -1, NULL));

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    g_assert_false (exists (dir, leftovers[i]));
  g_assert_true (exists (dir, alive));
  g_assert_cmpuint (sonae_test_count_names (backups, ""), ==, 0);
  g_assert_false (g_file_test (second_name, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (real_kept, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A 0-byte sonae.db is not started afresh in silence: it is kept aside
 * under a name the user is told. */
static void
test_empty_file_kept_aside (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *notice;
  g_autofree char *kept = NULL;
  const char *start, *end;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_chmod (path, 0600);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  notice = sonae_store_get_notice (store);
  g_assert_nonnull (notice);
  start = strstr (notice, dir);
  g_assert_nonnull (start);
  end = strstr (start, ".db");
  g_assert_nonnull (end);
  kept = g_strndup (start, end + 3 - start);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (kept + strlen (dir) + 1, "sonae-empty-"));
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE builtin_key IS NOT NULL"), >=, N_AUTHORITIES_MIN);
  g_clear_object (&store);

  /* Only once: the next start has nothing to say. */
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_null (sonae_store_get_notice (store));
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* sqlite makes the -shm with the database's permissions: a start refused
 * while the file was read-only must not block the start once it is fixed. */
static void
test_read_only_shm_does_not_block (void)
{
  g_autofree char *dir = make_store_with_contacts (1);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autofree char *shm = g_build_filename (dir, "sonae.db-shm", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_chmod (path, 0400);
  store = sonae_store_open (dir, &error);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* As an earlier Sonae's check of the read-only file left it. */
  if (!g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_true (g_file_set_contents (shm, "", 0, NULL));
  g_chmod (shm, 0400);

  g_chmod (path, 0600);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "直った 後", "なおった", "1");
  g_clear_object (&store);
  if (g_stat (shm, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  sonae_test_remove_dir (dir);
}

/* A data folder someone made read-only stays read-only: refused for
 * writing, as a read-only file is, never chmodded back; still readable. */
static void
test_read_only_folder_refused (void)
{
  g_autofree char *dir = make_store_with_contacts (1);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  store = sonae_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0500);

  /* Exports and backups still read it. */
  store = sonae_store_open_for_reading (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_contacts_count (store), >=, 1);
  g_clear_object (&store);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0500);

  g_chmod (dir, 0700);
  sonae_test_remove_dir (dir);
}

/* A restore checks the whole file before it replaces anything: a file
 * stamped as Sonae's with no tables, one without the contacts, one with a
 * trigger of another program's. */
static void
test_restore_checks_schema (void)
{
  g_autofree char *dir = make_store_with_contacts (2);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autofree char *usb = sonae_test_make_dir ();
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  struct {
    const char *name;
    const char *sql;   /* run on a good backup */
  } cases[] = {
    { "no-tables.db", NULL },
    { "no-contacts.db", "DROP TABLE contact_phones; DROP TABLE contact_emails; DROP TABLE role_holders; DROP TABLE contacts;" },
    { "foreign-trigger.db", "CREATE TRIGGER evil AFTER INSERT ON contacts BEGIN DELETE FROM contacts; END;" },
    { "foreign-table.db", "CREATE TABLE extra (x);" },
    { "other-columns.db", "ALTER TABLE contacts ADD COLUMN extra TEXT;" },
  };

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = g_build_filename (usb, cases[i].name, NULL);
      g_autofree char *sql = NULL;

      if (cases[i].sql == NULL)
        {
          sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 0x534f4e41, SONAE_SCHEMA_VERSION);
          sonae_test_db_exec (file, sql);
        }
      else
        {
          store = sonae_store_open (dir, &error);
          g_assert_no_error (error);
          g_assert_true (sonae_backup_to_file (store, file, &error));
          g_clear_object (&store);
          sonae_test_db_exec (file, cases[i].sql);
        }

      g_assert_false (sonae_backup_restore (dir, file, NULL, &error));
      g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE);
      g_test_message ("%s: %s", cases[i].name, error->message);
      g_clear_error (&error);
      g_assert_cmpuint (sonae_test_count_names (dir, "sonae-replaced-"), ==, 0);
    }
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_true (memcmp (before, after, before_len) == 0);

  /* A folder given as the backup is named as a folder. */
  g_assert_false (sonae_backup_restore (dir, usb, NULL, &error));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_assert_null (strstr (error->message, "does not exist"));

  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (usb);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/hot-journal-rolled-back", test_hot_journal_is_rolled_back);
  g_test_add_func ("/recovery/restore-clears-stale-sides", test_restore_clears_stale_sides);
  g_test_add_func ("/recovery/authorities-repaired", test_authorities_repaired);
  g_test_add_func ("/recovery/new-database-whole", test_new_database_is_whole);
  g_test_add_func ("/recovery/leftovers-tidied", test_leftovers_tidied);
  g_test_add_func ("/recovery/empty-file-kept-aside", test_empty_file_kept_aside);
  g_test_add_func ("/recovery/read-only-shm", test_read_only_shm_does_not_block);
  g_test_add_func ("/recovery/read-only-folder", test_read_only_folder_refused);
  g_test_add_func ("/recovery/restore-checks-schema", test_restore_checks_schema);

  return g_test_run ();
}
