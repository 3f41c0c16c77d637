/* A power cut loses nothing committed and never leaves a database that
 * fails its integrity check. As sqlite's own crash tests do, a test VFS
 * stands between sqlite and the disk: it remembers, sector by sector, what
 * was on the disk at the last sync of each file, and at the cut keeps or
 * throws away each sector written since — at random, as a disk's cache
 * would. A child writes through it (a first start, a migration, contacts,
 * an import) and is cut off at a random write; the parent then starts
 * Sonae on what the "disk" holds.
 *
 * The cuts come from GTest's random numbers: the seed is printed at the
 * top; run again with --seed=… to replay. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sonae-contacts.h"
#include "sonae-import.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

gboolean sonae_store_migrate_file_to (const char *path, int target, GError **error);

#define N_CUTS 120
#define SECTOR 512

/* --- the crash VFS ---------------------------------------------------------- */

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;        /* the unix VFS's file, allocated after this struct */
  char *path;                /* NULL for sqlite's own temporary files */
  GHashTable *saved;         /* sector number → GBytes: its content at the last sync */
  sqlite3_int64 synced_size; /* the size at the last sync */
} CrashFile;

static sqlite3_vfs *real_vfs;
static GPtrArray *open_files;   /* CrashFile * */
static guint ops_left;          /* writes and syncs until the cut */
static guint32 cut_seed;

static void power_cut (void);

static sqlite3_int64
file_size (CrashFile *f)
{
  sqlite3_int64 size = 0;
  f->real->pMethods->xFileSize (f->real, &size);
  return size;
}

/* Remember what the sectors of [offset, offset + amount) held at the last
 * sync, before they change. */
static void
save_sectors (CrashFile     *f,
              sqlite3_int64  offset,
              sqlite3_int64  amount)
{
  sqlite3_int64 size = file_size (f);

  for (sqlite3_int64 s = offset / SECTOR; s * SECTOR < offset + amount; s++)
    {
      guchar buf[SECTOR] = { 0 };
      sqlite3_int64 start = s * SECTOR;
      int n = 0;

      if (g_hash_table_contains (f->saved, GINT_TO_POINTER ((gint) s)))
        continue;
      if (start < size)
        {
          n = (int) MIN (SECTOR, size - start);
          f->real->pMethods->xRead (f->real, buf, n, start);
        }
      g_hash_table_insert (f->saved, GINT_TO_POINTER ((gint) s), g_bytes_new (buf, n));
    }
}

static void
count_op (void)
{
  if (ops_left > 0 && --ops_left == 0)
    power_cut ();
}

static int
crash_close (sqlite3_file *file)
{
  CrashFile *f = (CrashFile *) file;
  int rc = f->real->pMethods->xClose (f->real);

  g_ptr_array_remove (open_files, f);
  g_clear_pointer (&f->saved, g_hash_table_unref);
  g_free (f->path);
  return rc;
}

static int
crash_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  CrashFile *f = (CrashFile *) file;
  return f->real->pMethods->xRead (f->real, buf, amount, offset);
}

static int
crash_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  CrashFile *f = (CrashFile *) file;

  count_op ();
  if (f->path != NULL)
    save_sectors (f, offset, amount);
  return f->real->pMethods->xWrite (f->real, buf, amount, offset);
}

static int
crash_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  CrashFile *f = (CrashFile *) file;
  sqlite3_int64 old = file_size (f);

  count_op ();
  if (f->path != NULL && size < old)
    save_sectors (f, size, old - size);
  return f->real->pMethods->xTruncate (f->real, size);
}

static int
crash_sync (sqlite3_file *file, int flags)
{
  CrashFile *f = (CrashFile *) file;
  int rc;

  count_op ();
  rc = f->real->pMethods->xSync (f->real, flags);
  if (rc == SQLITE_OK && f->path != NULL)
    {
      g_hash_table_remove_all (f->saved);
      f->synced_size = file_size (f);
    }
  return rc;
}

static int crash_file_size (sqlite3_file *file, sqlite3_int64 *size) { return ((CrashFile *) file)->real->pMethods->xFileSize (((CrashFile *) file)->real, size); }
static int crash_lock (sqlite3_file *file, int lock) { return ((CrashFile *) file)->real->pMethods->xLock (((CrashFile *) file)->real, lock); }
static int crash_unlock (sqlite3_file *file, int lock) { return ((CrashFile *) file)->real->pMethods->xUnlock (((CrashFile *) file)->real, lock); }
static int crash_check_reserved (sqlite3_file *file, int *out) { return ((CrashFile *) file)->real->pMethods->xCheckReservedLock (((CrashFile *) file)->real, out); }
static int crash_file_control (sqlite3_file *file, int op, void *arg) { return ((CrashFile *) file)->real->pMethods->xFileControl (((CrashFile *) file)->real, op, arg); }
static int crash_sector_size (sqlite3_file *file) { return SECTOR; }
static int crash_device (sqlite3_file *file) { return 0; }
static int crash_shm_map (sqlite3_file *file, int pg, int pgsz, int extend, void volatile **out) { return ((CrashFile *) file)->real->pMethods->xShmMap (((CrashFile *) file)->real, pg, pgsz, extend, out); }
static int crash_shm_lock (sqlite3_file *file, int offset, int n, int flags) { return ((CrashFile *) file)->real->pMethods->xShmLock (((CrashFile *) file)->real, offset, n, flags); }
static void crash_shm_barrier (sqlite3_file *file) { ((CrashFile *) file)->real->pMethods->xShmBarrier (((CrashFile *) file)->real); }
static int crash_shm_unmap (sqlite3_file *file, int del) { return ((CrashFile *) file)->real->pMethods->xShmUnmap (((CrashFile *) file)->real, del); }

static const sqlite3_io_methods crash_methods = {
  .iVersion = 2,
  .xClose = crash_close,
  .xRead = crash_read,
  .xWrite = crash_write,
  .xTruncate = crash_truncate,
  .xSync = crash_sync,
  .xFileSize = crash_file_size,
  .xLock = crash_lock,
  .xUnlock = crash_unlock,
  .xCheckReservedLock = crash_check_reserved,
  .xFileControl = crash_file_control,
  .xSectorSize = crash_sector_size,
  .xDeviceCharacteristics = crash_device,
  .xShmMap = crash_shm_map,
  .xShmLock = crash_shm_lock,
  .xShmBarrier = crash_shm_barrier,
  .xShmUnmap = crash_shm_unmap,
};

static int
crash_open (sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
  CrashFile *f = (CrashFile *) file;
  int rc;

  memset (f, 0, sizeof *f);
  f->real = (sqlite3_file *) (f + 1);
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      f->base.pMethods = NULL;
      return rc;
    }
  f->base.pMethods = &crash_methods;
  f->path = name ? g_strdup (name) : NULL;
  f->saved = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);
  f->synced_size = file_size (f);
  g_ptr_array_add (open_files, f);
  return SQLITE_OK;
}

static int crash_delete (sqlite3_vfs *vfs, const char *name, int sync) { return real_vfs->xDelete (real_vfs, name, sync); }
static int crash_access (sqlite3_vfs *vfs, const char *name, int flags, int *out) { return real_vfs->xAccess (real_vfs, name, flags, out); }
static int crash_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out) { return real_vfs->xFullPathname (real_vfs, name, n, out); }
static int crash_randomness (sqlite3_vfs *vfs, int n, char *out) { return real_vfs->xRandomness (real_vfs, n, out); }
static int crash_sleep (sqlite3_vfs *vfs, int us) { return real_vfs->xSleep (real_vfs, us); }
static int crash_current_time (sqlite3_vfs *vfs, double *out) { return real_vfs->xCurrentTime (real_vfs, out); }
static int crash_last_error (sqlite3_vfs *vfs, int n, char *out) { return real_vfs->xGetLastError (real_vfs, n, out); }
static int crash_current_time64 (sqlite3_vfs *vfs, sqlite3_int64 *out) { return real_vfs->xCurrentTimeInt64 (real_vfs, out); }

static sqlite3_vfs crash_vfs = {
  .iVersion = 2,
  .zName = "sonae-crash",
  .xOpen = crash_open,
  .xDelete = crash_delete,
  .xAccess = crash_access,
  .xFullPathname = crash_full_pathname,
  .xRandomness = crash_randomness,
  .xSleep = crash_sleep,
  .xCurrentTime = crash_current_time,
  .xGetLastError = crash_last_error,
  .xCurrentTimeInt64 = crash_current_time64,
};

/* The power goes: each sector written since its file's last sync reached
 * the disk or not, at random; so did a change of size. Then nothing more. */
static G_NORETURN void
power_cut (void)
{
  GRand *rand = g_rand_new_with_seed (cut_seed);

  for (guint i = 0; i < open_files->len; i++)
    {
      CrashFile *f = g_ptr_array_index (open_files, i);
      GHashTableIter iter;
      gpointer key, value;
      sqlite3_int64 size = file_size (f);
      gboolean keep_size = g_rand_boolean (rand);

      if (f->path == NULL)
        continue;
      g_hash_table_iter_init (&iter, f->saved);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gsize n;
          const guchar *old = g_bytes_get_data (value, &n);

          sqlite3_int64 start = (sqlite3_int64) GPOINTER_TO_INT (key) * SECTOR;
          guchar sector[SECTOR] = { 0 };

          if (g_rand_boolean (rand))
            continue;   /* this sector reached the disk */
          /* It did not: the old bytes, and zeros where the file grew. */
          if (n > 0)
            memcpy (sector, old, n);
          if (start < size)
            f->real->pMethods->xWrite (f->real, sector, (int) MIN (SECTOR, size - start), start);
        }
      if (!keep_size && size != f->synced_size)
        f->real->pMethods->xTruncate (f->real, f->synced_size);
    }
  /* The shared-memory index lives in memory: it does not outlast a power cut. */
  for (guint i = 0; i < open_files->len; i++)
    {
      CrashFile *f = g_ptr_array_index (open_files, i);
      if (f->path != NULL && g_str_has_suffix (f->path, ".db"))
        {
          g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
          unlink (shm);
        }
    }
  _exit (0);
}

/* --- the test ------------------------------------------------------------------ */

typedef enum { CUT_WRITES, CUT_FIRST_START, CUT_MIGRATION, CUT_IMPORT, N_CUT_KINDS } CutKind;
static const char *cut_names[] = { "writes", "first start", "migration", "import" };

static void
report (int fd, gint64 value)
{
  if (write (fd, &value, sizeof value) != sizeof value)
    _exit (5);
}

static G_NORETURN void
child_main (const char *dir,
            CutKind     kind,
            int         fd)
{
  g_autoptr(SonaeStore) store = NULL;

  real_vfs = sqlite3_vfs_find ("unix");
  crash_vfs.szOsFile = (int) sizeof (CrashFile) + real_vfs->szOsFile;
  crash_vfs.mxPathname = real_vfs->mxPathname;
  open_files = g_ptr_array_new ();
  if (sqlite3_vfs_register (&crash_vfs, 1) != SQLITE_OK)
    _exit (6);

  store = sonae_store_open (dir, NULL);
  if (store == NULL)
    _exit (3);
  for (gint64 n = 1;; n++)
    {
      if (kind == CUT_IMPORT)
        {
          g_autoptr(GString) vcf = g_string_new (NULL);
          g_autoptr(SonaeImport) import = NULL;

          for (guint i = 0; i < 10; i++)
            g_string_append_printf (vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:取込 %" G_GINT64_FORMAT " %u\r\n"
                                         "TEL:090-0000-%04u\r\nEND:VCARD\r\n", n, i, i);
          import = sonae_import_new_from_data (vcf->str, vcf->len, "a.vcf", SONAE_GROUP_STAFF, NULL);
          if (import == NULL || !sonae_import_apply (import, store, NULL))
            _exit (8);
          report (fd, -n);
        }
      else
        {
          g_autoptr(SonaeContact) c = sonae_contact_new ();

          c->name = g_strdup_printf ("停電前 %" G_GINT64_FORMAT, n);
          sonae_contact_add_phone (c, "mobile", "090-0000-0000");
          if (!sonae_contacts_save (store, c, NULL))
            _exit (4);
          report (fd, c->id);
        }
    }
}

static int
query_int (sqlite3 *db, const char *sql, gint64 param, const char *text)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
check_after_cut (const char *dir,
                 GArray     *committed)
{
  g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = sonae_store_open (dir, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (store == NULL)
    g_error ("locked out after a power cut: %s", error->message);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    g_error ("integrity check after a power cut: %s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts WHERE builtin_key = 'police-110'", 0, NULL), ==, 1);

  for (guint i = 0; i < committed->len; i++)
    {
      gint64 v = g_array_index (committed, gint64, i);

      if (v > 0 && query_int (db, "SELECT count(*) FROM contacts WHERE id = ?1", v, NULL) != 1)
        g_error ("committed contact %" G_GINT64_FORMAT " lost in a power cut", v);
      if (v < 0)
        {
          g_autofree char *like = g_strdup_printf ("取込 %" G_GINT64_FORMAT " %%", -v);
          if (query_int (db, "SELECT count(*) FROM contacts WHERE name LIKE ?1", 0, like) != 10)
            g_error ("committed import %" G_GINT64_FORMAT " not whole after a power cut", -v);
        }
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts WHERE name LIKE '取込 %'", 0, NULL) % 10, ==, 0);
  sqlite3_close (db);
}

static void
test_power_cut_loses_nothing (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint cuts[N_CUT_KINDS] = { 0 };
  guint n_committed = 0;

  for (int round = 0; round < N_CUTS; round++)
    {
      CutKind kind = g_test_rand_int_range (0, N_CUT_KINDS);
      int fds[2];
      pid_t pid;
      int status;
      gint64 value;

      if (kind == CUT_FIRST_START || kind == CUT_MIGRATION)
        {
          sonae_test_remove_dir (dir);
          g_array_set_size (committed, 0);
          g_mkdir (dir, 0700);
        }
      if (kind == CUT_MIGRATION)
        {
          g_autofree char *path = g_build_filename (dir, "sonae.db", NULL);
          g_assert_true (sonae_store_migrate_file_to (path, 3, NULL));
        }

      /* The cut comes at the n-th write or sync: early ones fall in the
       * start, later ones among the writes. */
      ops_left = g_test_rand_int_range (1, g_test_rand_int_range (0, 2) ? 60 : 400);
      cut_seed = g_test_rand_int ();

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (dir, kind, fds[1]);
        }
      close (fds[1]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("round %d (%s): the child failed before the cut (status %d)", round,
                 cut_names[kind], WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      cuts[kind]++;
      while (read (fds[0], &value, sizeof value) == sizeof value)
        {
          g_array_append_val (committed, value);
          n_committed++;
        }
      close (fds[0]);

      check_after_cut (dir, committed);
    }

  for (int k = 0; k < N_CUT_KINDS; k++)
    g_test_message ("%s: %u power cuts", cut_names[k], cuts[k]);
  g_test_message ("%u commits reported, none lost, in %d power cuts", n_committed, N_CUTS);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/power-cut/loses-nothing", test_power_cut_loses_nothing);

  return g_test_run ();
}
