#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "sonae-backup.h"
#include "sonae-clock.h"
#include "sonae-db-file.h"
#include "sonae-error.h"
#include "sonae-store-private.h"

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *what,
                  const char  *path)
{
  int sys = db ? sqlite3_system_errno (db) : 0;

  if ((rc & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
    sonae_error_set_from_errno (error, ENOSPC, what, path);
  else
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO, _("%s (%s): %s."), what, path,
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* Copy the open database @src into the new empty file @path with the
 * online backup API, and leave the copy as @journal_mode ("delete": one
 * file for a stick; "wal": ready to be Sonae's database). */
static gboolean
copy_database (sqlite3     *src,
               const char  *path,
               const char  *journal_mode,
               const char  *dest_name,
               GError     **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA journal_mode = %s", journal_mode);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto fail;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  rc = sqlite3_exec (dest, pragma, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  /* Closing the only connection leaves no -wal or -shm behind. */
  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto fail;
  return sonae_db_file_sync (path, dest_name, error);

fail:
  set_sqlite_error (error, dest, rc, _("Could not write the copy of the database"), dest_name);
  sqlite3_close (dest);
  return FALSE;
}

/* The writable folder of @dest, or an error that says why not. */
static gboolean
check_target_folder (const char  *dir,
                     GError     **error)
{
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("The folder %s does not exist. Is the USB stick plugged in?"), dir);
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_backup_to_file (SonaeStore  *store,
                      const char  *dest,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (sonae_store_get_db (store) == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_FAILED, _("The database is closed."));
      return FALSE;
    }

  {
    g_autoptr(GFile) a = g_file_new_for_path (dest);
    g_autoptr(GFile) b = g_file_new_for_path (sonae_store_get_path (store));
    if (g_file_equal (a, b))
      {
        g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                             _("A backup cannot be written over the database itself. Choose another file."));
        return FALSE;
      }
  }
  if (g_file_test (dest, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s is a folder. Give the name of the backup file to write in it."), dest);
      return FALSE;
    }

  dir = g_path_get_dirname (dest);
  if (!check_target_folder (dir, error))
    return FALSE;

  /* A folder of our own (mode 0700, a random name made exclusively) holds
   * the copy and its journal while it is written: in a shared folder,
   * nobody can plant a link where Sonae writes. */
  sonae_db_file_tidy_temp (dir);
  name = g_strdup_printf (SONAE_DB_TEMP_PREFIX "%ld-XXXXXX", (long) getpid ());
  tmp_dir = g_build_filename (dir, name, NULL);
  if (g_mkdtemp_full (tmp_dir, 0700) == NULL)
    {
      int saved = errno;

      /* A folder that takes files but no folder, in a folder that can be
       * written (checked above): the document portal's, where a Flatpak
       * writes the file its chooser returned, seen by nobody else. The
       * copy is made beside the backup, under a random name made
       * exclusively, and renamed over it as before. */
      if (saved != EPERM && saved != EACCES)
        {
          sonae_error_set_from_errno (error, saved, _("Could not write the backup"), dest);
          return FALSE;
        }
      g_clear_pointer (&tmp_dir, g_free);
    }
  tmp = sonae_db_file_create_temp (tmp_dir != NULL ? tmp_dir : dir, error);
  ok = tmp != NULL && copy_database (sonae_store_get_db (store), tmp, "delete", dest, error);
  if (ok && g_rename (tmp, dest) != 0)
    {
      sonae_error_set_from_errno (error, errno, _("Could not write the backup"), dest);
      ok = FALSE;
    }
  if (tmp_dir != NULL)
    sonae_db_file_remove_dir (tmp_dir);
  else if (!ok && tmp != NULL)
    sonae_db_file_remove (tmp);
  if (ok)
    sonae_db_file_sync_dir (dir);
  return ok;
}

static char *
backups_dir (const char *data_dir)
{
  return g_build_filename (data_dir, "backups", NULL);
}

static gint
compare_desc (gconstpointer a,
              gconstpointer b)
{
  return -g_strcmp0 (*(const char **) a, *(const char **) b);
}

GPtrArray *
sonae_backup_list_auto (const char *data_dir)
{
  g_autofree char *dir = backups_dir (data_dir);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return paths;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      /* sonae-YYYY-MM-DD.db */
      if (strlen (name) == 19 && g_str_has_prefix (name, "sonae-") && g_str_has_suffix (name, ".db"))
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (paths, compare_desc);
  return paths;
}

char *
sonae_backup_auto (SonaeStore  *store,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  dir = backups_dir (sonae_store_get_dir (store));
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not create the backup folder %s: %s."), dir, g_strerror (saved));
      return NULL;
    }

  today = sonae_clock_today ();
  name = g_strdup_printf ("sonae-%s.db", today);
  path = g_build_filename (dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  if (!sonae_backup_to_file (store, path, error))
    return NULL;

  existing = sonae_backup_list_auto (sonae_store_get_dir (store));
  for (guint i = SONAE_AUTO_BACKUPS_KEPT; i < existing->len; i++)
    g_unlink (g_ptr_array_index (existing, i));

  return g_steal_pointer (&path);
}

gboolean
sonae_backup_check_file (const char  *file,
                         GError     **error)
{
  int version = 0;

  g_return_val_if_fail (file != NULL, FALSE);

  if (!sonae_db_file_check (file, &version, error))
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s is not a Sonae backup: it holds no Sonae data."), file);
      return FALSE;
    }
  return TRUE;
}

char *
sonae_backup_newest_good (const char *data_dir)
{
  g_autoptr(GPtrArray) paths = sonae_backup_list_auto (data_dir);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      if (sonae_backup_check_file (path, NULL))
        return g_strdup (path);
    }
  return NULL;
}

/* Fold a lingering -wal into a sound database it belongs to, so that the
 * kept file is whole by itself; a damaged one is left byte for byte, and
 * its side files go with it. */
static void
checkpoint_if_sound (const char *db_path)
{
  g_autofree char *problem = NULL;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      problem = sonae_db_file_quick_check (db);
      if (problem == NULL)
        sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    }
  sqlite3_close (db);
}

/* Keep the database at @db_path under a free name: a second name of the
 * same file, byte for byte, with whatever sqlite keeps beside it. */
static char *
keep_replaced (const char  *data_dir,
               const char  *db_path,
               GError     **error)
{
  g_autofree char *kept = sonae_db_file_free_name (data_dir, "replaced");

  if (link (db_path, kept) != 0)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Nothing was restored: could not keep the current database as %s: %s."),
                   kept, g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; sonae_db_side_suffixes[i]; i++)
    {
      g_autofree char *from = g_strconcat (db_path, sonae_db_side_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (kept, sonae_db_side_suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      /* The shared-memory index is rebuilt from the WAL; the journal and
       * the WAL belong to the old file and go with it. */
      if (g_str_equal (sonae_db_side_suffixes[i], "-shm"))
        g_unlink (from);
      else if (g_rename (from, to) != 0)
        g_unlink (from);
    }
  sonae_db_file_sync_dir (data_dir);
  return g_steal_pointer (&kept);
}

gboolean
sonae_backup_restore_locked (SonaeDataLock  *lock,
                             const char     *file,
                             char          **out_kept,
                             GError        **error)
{
  const char *data_dir;
  g_autofree char *db_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *kept = NULL;
  sqlite3 *src = NULL;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (SONAE_IS_DATA_LOCK (lock), FALSE);
  g_return_val_if_fail (sonae_data_lock_is_writer (lock), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  data_dir = sonae_data_lock_get_dir (lock);
  db_path = g_build_filename (data_dir, SONAE_DB_NAME, NULL);

  if (!sonae_backup_check_file (file, error))
    {
      g_prefix_error (error, _("Nothing was restored. "));
      return FALSE;
    }
  {
    g_autoptr(GFile) a = g_file_new_for_path (file);
    g_autoptr(GFile) b = g_file_new_for_path (db_path);
    if (g_file_equal (a, b))
      {
        g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                             _("Nothing was restored: that file is the database itself. Choose a backup."));
        return FALSE;
      }
  }

  /* A whole, checked copy in WAL mode beside the database first; only it is
   * ever renamed into place. */
  sonae_db_file_tidy (data_dir);
  tmp = sonae_db_file_create_temp (data_dir, error);
  if (tmp == NULL)
    {
      g_prefix_error (error, _("Nothing was restored. "));
      return FALSE;
    }
  if (sqlite3_open_v2 (file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Nothing was restored: could not open %s: %s."), file, sqlite3_errmsg (src));
      sqlite3_close (src);
      sonae_db_file_remove (tmp);
      return FALSE;
    }
  sqlite3_busy_timeout (src, 5000);
  ok = copy_database (src, tmp, "wal", db_path, error);
  sqlite3_close (src);
  /* The copy is what goes into place: check it as the file was checked. */
  ok = ok && sonae_db_file_check (tmp, &version, error);
  if (!ok)
    {
      sonae_db_file_remove (tmp);
      g_prefix_error (error, _("Nothing was restored. "));
      return FALSE;
    }

  /* Nobody may have the database open while it is replaced. */
  if (!sonae_data_lock_take_database (lock, error))
    {
      sonae_db_file_remove (tmp);
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      checkpoint_if_sound (db_path);
      kept = keep_replaced (data_dir, db_path, error);
      if (kept == NULL)
        {
          sonae_db_file_remove (tmp);
          sonae_data_lock_release_database (lock);
          return FALSE;
        }
    }
  else
    for (guint i = 0; sonae_db_side_suffixes[i]; i++)
      {
        g_autofree char *side = g_strconcat (db_path, sonae_db_side_suffixes[i], NULL);
        g_unlink (side);
      }

  if (g_rename (tmp, db_path) != 0)
    {
      int saved = errno;

      sonae_db_file_remove (tmp);
      /* The kept name is a second name of the database still in place. */
      if (kept != NULL)
        g_unlink (kept);
      sonae_data_lock_release_database (lock);
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Nothing was restored: %s."), g_strerror (saved));
      return FALSE;
    }
  sonae_db_file_sync_dir (data_dir);
  sonae_data_lock_release_database (lock);

  if (out_kept)
    *out_kept = g_steal_pointer (&kept);
  return TRUE;
}

gboolean
sonae_backup_restore (const char  *data_dir,
                      const char  *file,
                      char       **out_kept,
                      GError     **error)
{
  g_autoptr(SonaeDataLock) lock = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  lock = sonae_data_lock_new (data_dir, TRUE, error);
  if (lock == NULL || !sonae_data_lock_take_writer (lock, SONAE_DATA_LOCK_COMMAND, error))
    {
      g_prefix_error (error, _("Nothing was restored. "));
      return FALSE;
    }
  return sonae_backup_restore_locked (lock, file, out_kept, error);
}
