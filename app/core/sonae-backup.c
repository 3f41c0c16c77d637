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
#include "sonae-error.h"
#include "sonae-store-private.h"

gboolean sonae_store_check_file_readonly (const char *path, int *out_version, GError **error);

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not write %s to the disk: %s."), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Copy the open database @src into a new file @path with the online backup
 * API, and make the copy a self-contained rollback-journal database. */
static gboolean
copy_database (sqlite3     *src,
               const char  *path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not write the backup %s: %s."), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    goto fail;
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

  /* A copy on a USB stick must be one file, without a -wal beside it. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  sqlite3_close (dest);
  return sync_file (path, error);

fail:
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
               _("Could not write the backup %s: %s."), path,
               dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  sqlite3_close (dest);
  g_unlink (path);
  return FALSE;
}

gboolean
sonae_backup_to_file (SonaeStore  *store,
                      const char  *dest,
                      GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;

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

  dir = g_path_get_dirname (dest);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("The folder %s does not exist. Is the USB stick plugged in?"), dir);
      return FALSE;
    }

  tmp = g_strconcat (dest, ".partial", NULL);
  if (!copy_database (sonae_store_get_db (store), tmp, error))
    return FALSE;
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not write the backup %s: %s."), dest, g_strerror (saved));
      return FALSE;
    }
  sync_dir (dir);
  return TRUE;
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

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("The file %s does not exist."), file);
      return FALSE;
    }
  if (!sonae_store_check_file_readonly (file, &version, error))
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

/* Fold a lingering -wal into the database it belongs to, when the database
 * is sound; otherwise leave every byte of it alone. */
static void
checkpoint_if_sound (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  sqlite3 *db = NULL;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    return;
  if (!sonae_store_check_file_readonly (db_path, NULL, NULL))
    return;
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
}

gboolean
sonae_backup_restore (const char  *data_dir,
                      const char  *file,
                      char       **out_kept,
                      GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *kept_name = NULL;
  sqlite3 *src = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (!sonae_backup_check_file (file, error))
    {
      g_prefix_error (error, _("Nothing was restored. "));
      return FALSE;
    }

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not create the data folder %s: %s."), data_dir, g_strerror (saved));
      return FALSE;
    }

  db_path = g_build_filename (data_dir, SONAE_DB_NAME, NULL);
  tmp = g_build_filename (data_dir, SONAE_DB_NAME ".restoring", NULL);

  /* Copy the backup beside the database first; only a whole, synced copy is
   * ever renamed into place. */
  if (sqlite3_open_v2 (file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not open %s: %s."), file, sqlite3_errmsg (src));
      sqlite3_close (src);
      return FALSE;
    }
  if (!copy_database (src, tmp, error))
    {
      sqlite3_close (src);
      g_prefix_error (error, _("Nothing was restored. "));
      return FALSE;
    }
  sqlite3_close (src);

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      const char *suffixes[] = { "-wal", "-shm" };

      checkpoint_if_sound (db_path);
      now = sonae_clock_now ();
      stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      kept_name = g_strdup_printf ("sonae-replaced-%s.db", stamp);
      kept = g_build_filename (data_dir, kept_name, NULL);
      for (int n = 2; g_file_test (kept, G_FILE_TEST_EXISTS); n++)
        {
          g_free (kept);
          g_free (kept_name);
          kept_name = g_strdup_printf ("sonae-replaced-%s-%d.db", stamp, n);
          kept = g_build_filename (data_dir, kept_name, NULL);
        }

      /* A hard link keeps the replaced file untouched, byte for byte. */
      if (link (db_path, kept) != 0)
        {
          int saved = errno;
          g_unlink (tmp);
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                       _("Nothing was restored: could not keep the current database as %s: %s."),
                       kept, g_strerror (saved));
          return FALSE;
        }
      /* A -wal left beside the old file belongs to it, never to the restored one. */
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
          g_autofree char *to = g_strconcat (kept, suffixes[i], NULL);
          if (g_file_test (from, G_FILE_TEST_EXISTS))
            g_rename (from, to);
        }
    }

  if (g_rename (tmp, db_path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Nothing was restored: %s."), g_strerror (saved));
      return FALSE;
    }
  g_chmod (db_path, 0600);
  sync_dir (data_dir);

  if (out_kept)
    *out_kept = g_steal_pointer (&kept);
  return TRUE;
}
