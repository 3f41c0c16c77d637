/* Faults at exact moments, in a real process: a kill at each moment that
 * makes data durable (every fsync, rename, link and unlink) of a first
 * start, a restore, a migration, the switch of a restored file to WAL and an
 * import, just before and just after it; and a full disk under every
 * operation. After each, the next start opens the folder with everything
 * that was committed — never "damaged", never locked out.
 *
 * The faults come from sonae-fault-shim.so, preloaded into
 * sonae-fault-helper (SONAE_FAULT_SHIM, SONAE_FAULT_HELPER). */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sonae-backup.h"
#include "sonae-error.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

gboolean sonae_store_migrate_file_to (const char *path, int target, GError **error);

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Run the helper with @args, the shim preloaded and @fault (NULL-terminated
 * "NAME=VALUE" pairs) in its environment. */
static void
run_helper (Run         *r,
            const char  *fault_dir,
            const char **fault,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  va_list ap;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SONAE_FAULT_HELPER"));
  va_start (ap, fault);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LD_PRELOAD", g_getenv ("SONAE_FAULT_SHIM"), TRUE);
  env = g_environ_setenv (env, "SONAE_FAULT_DIR", fault_dir, TRUE);
  for (guint i = 0; fault != NULL && fault[i] != NULL; i += 2)
    env = g_environ_setenv (env, fault[i], fault[i + 1], TRUE);

  run_clear (r);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &r->status, &error);
  g_assert_no_error (error);
}

static gboolean
run_killed (const Run *r)
{
  return WIFSIGNALED (r->status) && WTERMSIG (r->status) == SIGKILL;
}

static gboolean
run_ok (const Run *r)
{
  return WIFEXITED (r->status) && WEXITSTATUS (r->status) == 0;
}

/* The next start, as a user makes it: it opens; the file is whole; the
 * bundled authorities are there; nothing temporary is left. Returns the
 * names of the organisation's own contacts, sorted, joined by "|". */
static char *
start_again (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  store = sonae_store_open (dir, &error);
  if (store == NULL)
    g_error ("locked out after a kill: %s", error->message);
  g_clear_object (&store);

  check = sonae_test_db_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sonae_test_db_int (path, "SELECT count(*) FROM contacts WHERE builtin_key = 'police-110'"), ==, 1);
  g_assert_cmpint (sonae_test_db_int (path, "PRAGMA user_version"), ==, SONAE_SCHEMA_VERSION);
  g_assert_cmpuint (sonae_test_count_names (dir, ".sonae-tmp-"), ==, 0);
  g_assert_cmpuint (sonae_test_count_names (dir, "sonae.db.restoring"), ==, 0);
  return sonae_test_db_text (path, "SELECT group_concat (name, '|') FROM "
                           "(SELECT name FROM contacts WHERE builtin_key IS NULL ORDER BY name)");
}

/* --- the scenarios ------------------------------------------------------- */

typedef struct {
  const char *name;
  /* Make the folder as it is before; fill @file when the helper needs one. */
  void (*setup) (const char *dir, const char *work, char **file);
  const char *helper;  /* the helper's command */
  /* What the organisation's contacts may be after a kill ("|"-joined). */
  const char *before;
  const char *after;
} Scenario;

static void
add_contacts (const char *dir,
              const char *prefix,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = sonae_store_open (dir, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", prefix, i);
      sonae_test_add_contact (store, SONAE_GROUP_STAFF, name, "よみ", "03-0000-0000");
    }
}

/* Commit @name in a process that ends without closing the database: the
 * change is in the -wal beside it, not yet in the file. */
static void
leave_in_wal (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (db, "INSERT INTO contacts (name, sort_key) VALUES (?1, 'よみ')", -1, &stmt, NULL) != SQLITE_OK)
        _exit (3);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      _exit (sqlite3_step (stmt) == SQLITE_DONE ? 0 : 4);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf st;
    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 0);
  }
}

static void
setup_empty (const char *dir,
             const char *work,
             char      **file)
{
}

static void
setup_restore (const char *dir,
               const char *work,
               char      **file)
{
  g_autofree char *other = g_build_filename (work, "other", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  add_contacts (dir, "現在", 1);
  leave_in_wal (dir, "現在 1");
  sonae_test_remove_dir (other);
  g_mkdir (other, 0700);
  add_contacts (other, "控え", 3);
  *file = g_build_filename (work, "backup.db", NULL);
  g_unlink (*file);
  store = sonae_store_open (other, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_backup_to_file (store, *file, &error));
}

/* A backup copied by hand over the database: rollback-journal mode, as
 * every backup is, switched to WAL at the first start. */
static void
setup_rollback_file (const char *dir,
                     const char *work,
                     char      **file)
{
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);

  add_contacts (dir, "控え", 3);
  sonae_test_db_exec (path, "PRAGMA journal_mode = DELETE");
}

static void
setup_migration (const char *dir,
                 const char *work,
                 char      **file)
{
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_store_migrate_file_to (path, 3, &error));
  sonae_test_db_exec (path, "INSERT INTO contacts (name, sort_key) VALUES ('移行前 0', 'いこう');"
                  "INSERT INTO contacts (name, sort_key) VALUES ('移行前 1', 'いこう');");
}

static void
setup_import (const char *dir,
              const char *work,
              char      **file)
{
  g_autoptr(GString) vcf = g_string_new (NULL);

  add_contacts (dir, "現在", 1);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:取込 %02u\r\nN:取込;%02u;;;\r\n"
                                 "TEL;TYPE=CELL:090-0000-%04u\r\nEND:VCARD\r\n", i, i, i);
  *file = g_build_filename (work, "import.vcf", NULL);
  g_assert_true (g_file_set_contents (*file, vcf->str, vcf->len, NULL));
}

static char *
names (const char *prefix,
       guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append_printf (s, "%s %u", prefix, i);
    }
  return g_string_free (s, FALSE);
}

static char *
import_names (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (s, "取込 %02u|", i);
  g_string_append (s, "現在 0");
  return g_string_free (s, FALSE);
}

static void
run_scenario (const Scenario *sc,
              guint          *out_moments)
{
  g_autofree char *work = sonae_test_make_dir ();
  g_autofree char *count_file = g_build_filename (work, "count", NULL);
  g_autofree char *count_text = NULL;
  guint n_moments;
  guint n_before = 0, n_after = 0;
  Run r = { 0 };

  /* First without a fault: how many moments there are, and that it works. */
  {
    g_autofree char *dir = g_build_filename (work, "data", NULL);
    g_autofree char *file = NULL;
    const char *fault[] = { "SONAE_FAULT_COUNT_FILE", count_file, NULL };
    g_autofree char *result = NULL;

    g_mkdir (dir, 0700);
    sc->setup (dir, work, &file);
    run_helper (&r, dir, fault, sc->helper, dir, file, NULL);
    if (!run_ok (&r))
      g_error ("%s without a fault: %s", sc->name, r.err);
    result = start_again (dir);
    g_assert_cmpstr (result, ==, sc->after);
    sonae_test_remove_dir (dir);
    g_assert_true (g_file_get_contents (count_file, &count_text, NULL, NULL));
    n_moments = (guint) g_ascii_strtoull (count_text, NULL, 10);
    g_assert_cmpuint (n_moments, >, 0);
  }

  for (guint k = 1; k <= n_moments; k++)
    for (int after = 0; after < 2; after++)
      {
        g_autofree char *dir = g_build_filename (work, "data", NULL);
        g_autofree char *file = NULL;
        g_autofree char *k_text = g_strdup_printf ("%u", k);
        const char *fault[] = { after ? "SONAE_FAULT_KILL_AFTER" : "SONAE_FAULT_KILL_AT", k_text, NULL };
        g_autofree char *result = NULL;

        g_mkdir (dir, 0700);
        sc->setup (dir, work, &file);
        run_helper (&r, dir, fault, sc->helper, dir, file, NULL);
        if (!run_killed (&r))
          g_error ("%s: not killed at moment %u (%s): %s", sc->name, k, after ? "after" : "before", r.err);

        result = start_again (dir);
        /* Whole or not at all: the data as before, or as after. */
        if (g_strcmp0 (result, sc->before) == 0)
          n_before++;
        else if (g_strcmp0 (result, sc->after) == 0)
          n_after++;
        else
          g_error ("%s: a kill %s moment %u left %s", sc->name, after ? "after" : "before", k, result);
        sonae_test_remove_dir (dir);
        g_clear_pointer (&file, g_free);
      }

  g_test_message ("%s: %u moments, killed %u times: %u found the data as before, %u as after",
                  sc->name, n_moments, 2 * n_moments, n_before, n_after);
  *out_moments += n_moments;
  run_clear (&r);
  sonae_test_remove_dir (work);
}

static void
test_kill_at_every_moment (void)
{
  g_autofree char *two_now = names ("現在", 2);
  g_autofree char *three_kept = names ("控え", 3);
  g_autofree char *two_old = names ("移行前", 2);
  g_autofree char *one_now = names ("現在", 1);
  g_autofree char *imported = import_names ();
  const Scenario scenarios[] = {
    { "first start", setup_empty, "open", NULL, NULL },
    { "restore", setup_restore, "restore", two_now, three_kept },
    { "first start of a rollback-journal file", setup_rollback_file, "open", three_kept, three_kept },
    { "migration", setup_migration, "open", two_old, two_old },
    { "import", setup_import, "import", one_now, imported },
  };
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    run_scenario (&scenarios[i], &total);
  g_test_message ("%u exact moments, %u kills in all", total, 2 * total);
}

/* --- a full disk ------------------------------------------------------------ */

static void
assert_disk_full_error (const Run *r)
{
  g_assert_true (WIFEXITED (r->status));
  g_assert_cmpint (WEXITSTATUS (r->status), ==, 1);
  g_assert_nonnull (strstr (r->err, "The disk is full"));
  g_assert_null (strstr (r->err, "damaged"));
}

/* A folder that takes files but no folder, as the document portal shows
 * a Flatpak the file it chose to back up to: the backup is written there
 * all the same, checked whole, and nothing else is left beside it. */
static void
test_backup_folder_takes_no_folder (void)
{
  g_autofree char *work = sonae_test_make_dir ();
  g_autofree char *dir = g_build_filename (work, "data", NULL);
  g_autofree char *doc = g_build_filename (work, "doc", NULL);
  g_autofree char *backup = g_build_filename (doc, "sonae-backup.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *no_mkdir[] = { "SONAE_FAULT_NO_MKDIR", "1", NULL };
  Run r = { 0 };

  g_mkdir (dir, 0700);
  g_mkdir (doc, 0700);
  add_contacts (dir, "文書", 3);

  /* The shim does refuse a folder there. */
  run_helper (&r, doc, no_mkdir, "backup", dir, backup, NULL);
  if (!run_ok (&r))
    g_error ("backing up into a folder that takes no folder: %s", r.err);
  g_assert_true (sonae_backup_check_file (backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_test_count_names (doc, ""), ==, 1);

  /* Again, over the first: replaced whole. */
  run_helper (&r, doc, no_mkdir, "backup", dir, backup, NULL);
  if (!run_ok (&r))
    g_error ("backing up again into a folder that takes no folder: %s", r.err);
  g_assert_true (sonae_backup_check_file (backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_test_count_names (doc, ""), ==, 1);

  run_clear (&r);
  sonae_test_remove_dir (work);
}

/* On a full disk, reading and backing up to another disk work; a change is
 * refused with the full disk's own sentence, and nothing is changed. */
static void
test_full_disk (void)
{
  g_autofree char *work = sonae_test_make_dir ();
  g_autofree char *dir = g_build_filename (work, "data", NULL);
  g_autofree char *usb = g_build_filename (work, "usb", NULL);
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autofree char *backup = g_build_filename (usb, "b.db", NULL);
  g_autofree char *vcf = g_build_filename (work, "many.vcf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  g_autoptr(GString) cards = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;
  const char *full[] = { "SONAE_FAULT_FULL_AFTER", "0", NULL };
  Run r = { 0 };

  g_mkdir (dir, 0700);
  g_mkdir (usb, 0700);
  add_contacts (dir, "満杯前", 3);
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (cards, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:大量 %03u\r\nN:大量;%03u;;;\r\n"
                                   "NOTE:%0400u\r\nEND:VCARD\r\n", i, i, i);
  g_assert_true (g_file_set_contents (vcf, cards->str, cards->len, NULL));
  names_before = start_again (dir);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  run_helper (&r, dir, full, "read", dir, NULL);
  if (!run_ok (&r))
    g_error ("reading on a full disk: %s", r.err);
  g_assert_cmpint (atoi (r.out), >=, 3);

  run_helper (&r, dir, full, "backup", dir, backup, NULL);
  if (!run_ok (&r))
    g_error ("backing up to another disk from a full one: %s", r.err);
  g_assert_true (sonae_backup_check_file (backup, &error));
  g_assert_no_error (error);

  run_helper (&r, dir, full, "edit", dir, NULL);
  assert_disk_full_error (&r);
  g_test_message ("an edit on a full disk: %s", r.err);

  /* The disk fills in the middle of an import, at many points. */
  for (guint bytes = 0; bytes < 100000; bytes = bytes * 3 + 1000)
    {
      g_autofree char *budget = g_strdup_printf ("%u", bytes);
      const char *filling[] = { "SONAE_FAULT_FULL_AFTER", budget, NULL };

      run_helper (&r, dir, filling, "import", dir, vcf, NULL);
      if (run_ok (&r))
        g_error ("an import of 300 contacts fitted in %u bytes", bytes);
      assert_disk_full_error (&r);
    }

  /* The backup's disk is the full one: nothing is left there. */
  {
    const char *usb_full[] = { "SONAE_FAULT_FULL_AFTER", "20000", NULL };
    g_autofree char *other = g_build_filename (usb, "c.db", NULL);

    run_helper (&r, usb, usb_full, "backup", dir, other, NULL);
    assert_disk_full_error (&r);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (sonae_test_count_names (usb, ".sonae-tmp-"), ==, 0);
  }

  /* Space again: everything as it was, nothing half-imported. */
  names_after = start_again (dir);
  g_assert_cmpstr (names_after, ==, names_before);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpuint (sonae_test_count_names (dir, "sonae-before-recovery-"), ==, 0);

  run_clear (&r);
  sonae_test_remove_dir (work);
}

static void
test_skipped (void)
{
  g_test_skip ("the fault shim is not built (a sanitizer build)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("SONAE_FAULT_SHIM") == NULL || g_getenv ("SONAE_FAULT_HELPER") == NULL)
    {
      g_test_add_func ("/faults/skipped", test_skipped);
      return g_test_run ();
    }

  g_test_add_func ("/faults/kill-at-every-moment", test_kill_at_every_moment);
  g_test_add_func ("/faults/full-disk", test_full_disk);
  g_test_add_func ("/faults/backup-folder-takes-no-folder", test_backup_folder_takes_no_folder);

  return g_test_run ();
}
