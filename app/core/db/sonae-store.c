#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sonae-clock.h"
#include "sonae-data-lock.h"
#include "sonae-db-file.h"
#include "sonae-error.h"
#include "sonae-migrations.h"
#include "sonae-store-private.h"

struct _SonaeStore
{
  GObject parent_instance;

  /* owned */
  sqlite3 *db;
  char *dir;
  char *path;
  GHashTable *pending_changes;  /* detail strings to emit after commit */
  SonaeDataLock *lock;
  char *notice;                 /* to show once after opening, or NULL */

  guint tx_depth;
  gboolean tx_failed;
};

G_DEFINE_TYPE (SonaeStore, sonae_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char     *meta_get (SonaeStore *self, const char *key);
static gboolean  meta_set (SonaeStore *self, const char *key, const char *value, GError **error);


static void
sonae_store_finalize (GObject *object)
{
  SonaeStore *self = SONAE_STORE (object);

  sonae_store_close (self);
  g_free (self->dir);
  g_free (self->path);
  g_free (self->notice);
  g_clear_object (&self->lock);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);

  G_OBJECT_CLASS (sonae_store_parent_class)->finalize (object);
}

static void
sonae_store_class_init (SonaeStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sonae_store_finalize;

  /**
   * SonaeStore::changed:
   * @detail: what the change touched: one of the SONAE_CHANGED_* names
   *   (sonae-store.h)
   *
   * Emitted after a change is committed, once for each detail it touched.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sonae_store_init (SonaeStore *self)
{
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* --- small SQL helpers ------------------------------------------------- */

gboolean
sonae_store_set_sql_error (SonaeStore  *self,
                           GError     **error,
                           const char  *what)
{
  int code = self->db ? sqlite3_errcode (self->db) : SQLITE_MISUSE;
  int sys = self->db ? sqlite3_system_errno (self->db) : 0;
  const char *detail = self->db ? sqlite3_errmsg (self->db) : "closed";

  /* A full disk is no damage and loses nothing: say so, whatever sqlite
   * calls it ("database or disk is full", "disk I/O error"). */
  if ((code & 0xff) == SQLITE_FULL ||
      ((code & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT)))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_DISK_FULL,
                   _("%s: %s"), what, sonae_error_disk_full_sentence ());
      return FALSE;
    }

  switch (code & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY,
                   _("%s: the database file cannot be written (%s). Check that the disk is not full or read-only."),
                   what, detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT,
                   _("%s: the database file is damaged (%s)."), what, detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("%s: the disk could not be written (%s). Check that it is not full."),
                   what, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s: a value is missing or not allowed (%s)."), what, detail);
      break;
    default:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_FAILED,
                   _("%s: %s."), what, detail);
      break;
    }
  return FALSE;
}

sqlite3_stmt *
sonae_store_prepare (SonaeStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_FAILED,
                           _("The database is closed."));
      return NULL;
    }
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the database"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
sonae_store_exec (SonaeStore  *self,
                  const char  *sql,
                  GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_FAILED,
                           _("The database is closed."));
      return FALSE;
    }
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sonae_store_set_sql_error (self, error, _("Could not update the database"));
  return TRUE;
}

void
sonae_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
sonae_column_dup (sqlite3_stmt *stmt,
                  int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  if (text == NULL || *text == '\0')
    return NULL;
  return g_strdup ((const char *) text);
}


/* --- transactions and change notification ---------------------------- */

void
sonae_store_emit_changed (SonaeStore *self,
                          const char *detail)
{
  if (self->tx_depth > 0)
    {
      g_hash_table_add (self->pending_changes, g_strdup (detail));
      return;
    }
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (detail), detail);
}

static void
flush_changes (SonaeStore *self)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (self->pending_changes);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

  for (GList *l = keys; l; l = l->next)
    g_ptr_array_add (details, g_strdup (l->data));
  g_hash_table_remove_all (self->pending_changes);

  for (guint i = 0; i < details->len; i++)
    {
      const char *detail = g_ptr_array_index (details, i);
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (detail), detail);
    }
}

gboolean
sonae_store_begin (SonaeStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (self->tx_depth == 0)
    {
      if (!sonae_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->tx_failed = FALSE;
    }
  self->tx_depth++;
  return TRUE;
}

gboolean
sonae_store_commit (SonaeStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (--self->tx_depth > 0)
    return TRUE;

  if (self->tx_failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->pending_changes);
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_FAILED,
                           _("The change was undone because a part of it failed."));
      return FALSE;
    }

  if (!sonae_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->pending_changes);
      return FALSE;
    }
  flush_changes (self);
  return TRUE;
}

void
sonae_store_rollback (SonaeStore *self)
{
  g_return_if_fail (SONAE_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  self->tx_failed = TRUE;
  if (--self->tx_depth > 0)
    return;

  if (self->db)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all (self->pending_changes);
}

/* --- opening ------------------------------------------------------------ */

char *
sonae_store_default_dir (void)
{
  const char *env = g_getenv ("SONAE_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "sonae", NULL);
}

static gboolean
is_disk_full (sqlite3 *db)
{
  int code = sqlite3_extended_errcode (db);
  int sys = sqlite3_system_errno (db);

  return (code & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT;
}

/* Open @path and read its first page. On a full disk sqlite cannot make
 * the shared-memory index of a WAL database: read it then with the index
 * in the process's own memory (exclusive locking), which needs no disk. */
static gboolean
open_connection (SonaeStore  *self,
                 const char  *path,
                 int          flags,
                 GError     **error)
{
  for (int attempt = 0; attempt < 2; attempt++)
    {
      int rc = sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

      if (rc == SQLITE_OK)
        {
          sqlite3_extended_result_codes (self->db, 0);
          sqlite3_busy_timeout (self->db, 5000);
          if (attempt == 1)
            rc = sqlite3_exec (self->db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
          if (rc == SQLITE_OK)
            rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
          if (rc == SQLITE_OK)
            return TRUE;
        }
      if (attempt == 1 || self->db == NULL || !is_disk_full (self->db))
        break;
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  sonae_store_set_sql_error (self, error, _("Could not open the database"));
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  return FALSE;
}

static gboolean
apply_settings (SonaeStore  *self,
                GError     **error)
{
  /* WAL and a full sync: a kill or a power cut loses nothing committed.
   * A page cache of 16 MB (SQLite's default is 2 MB) holds the whole of a
   * big folder's contacts and open incidents: the reminders of a folder of
   * 10,000 contacts read their pages again from the file each time. */
  return sonae_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         sonae_store_exec (self, "PRAGMA synchronous = FULL", error) &&
         sonae_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         sonae_store_exec (self, "PRAGMA cache_size = -16384", error);
}

static gboolean
migrate (SonaeStore  *self,
         int          from,
         GError     **error)
{
  g_autofree char *set_version = NULL;

  if (from == SONAE_SCHEMA_VERSION)
    return TRUE;

  /* Every step in one transaction: a kill leaves the old version whole,
   * or the new one. */
  if (!sonae_store_begin (self, error))
    return FALSE;
  for (int v = from; v < SONAE_SCHEMA_VERSION; v++)
    if (!sonae_store_exec (self, sonae_migration_get (v), error))
      {
        sonae_store_rollback (self);
        g_prefix_error (error, _("Could not update the database to data version %d: "), v + 1);
        return FALSE;
      }
  set_version = g_strdup_printf ("PRAGMA user_version = %d", SONAE_SCHEMA_VERSION);
  if (!sonae_store_exec (self, set_version, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  return sonae_store_commit (self, error);
}

/* The bundled authorities came with the schema since this version; a
 * database an earlier Sonae made may lack them if it was killed at its
 * first start. Once there, they are the organisation's to delete. */
static gboolean
repair_authorities (SonaeStore  *self,
                    GError     **error)
{
  g_autofree char *done = meta_get (self, "authorities.installed");
  g_autofree char *version = meta_get (self, "authorities.version");
  g_autofree char *current = g_strdup_printf ("%d", SONAE_AUTHORITIES_VERSION);
  gboolean installed = FALSE;
  guint64 from = 1;

  if (done != NULL && g_strcmp0 (version, current) == 0)
    return TRUE;
  if (version != NULL && !g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &from, NULL))
    from = 1;
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (done == NULL &&
      sonae_db_query_int (self->db, "SELECT count(*) FROM contacts WHERE builtin_key IS NOT NULL", 0) == 0)
    {
      g_autoptr(SonaeProfile) profile = sonae_store_get_profile (self);

      if (!sonae_authorities_install (self, error) ||
          !sonae_authorities_apply_kind (self, profile->kind, error))
        goto fail;
      installed = TRUE;
    }
  /* Made by an earlier Sonae: its bundled facts brought up to date, and
   * the bodies not for its kind put out of sight. A later Sonae's
   * database is left as it is. */
  if (!installed && from < SONAE_AUTHORITIES_VERSION)
    {
      g_autoptr(SonaeProfile) profile = sonae_store_get_profile (self);

      if (!sonae_authorities_update (self, (guint) from, error) ||
          !sonae_authorities_apply_kind (self, profile->kind, error))
        goto fail;
    }
  if (!meta_set (self, "authorities.installed", "1", error) ||
      (from <= SONAE_AUTHORITIES_VERSION && !meta_set (self, "authorities.version", current, error)))
    goto fail;
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

/* Build a whole new database in a temporary file beside @self->path —
 * schema, bundled authorities, WAL — and only then give it its name: a kill
 * at any moment leaves no database, or a complete one. */
static gboolean
create_whole (SonaeStore  *self,
              GError     **error)
{
  g_autofree char *tmp = sonae_db_file_create_temp (self->dir, error);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", SONAE_APPLICATION_ID);
  gboolean ok;

  if (tmp == NULL)
    return FALSE;

  ok = open_connection (self, tmp, SQLITE_OPEN_READWRITE, error) &&
       sonae_store_exec (self, "PRAGMA synchronous = FULL", error) &&
       sonae_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
       sonae_store_begin (self, error);
  if (ok)
    {
      ok = sonae_store_exec (self, set_id, error) &&
           migrate (self, 0, error) &&
           repair_authorities (self, error);
      if (ok)
        ok = sonae_store_commit (self, error);
      else
        sonae_store_rollback (self);
    }
  ok = ok && sonae_store_exec (self, "PRAGMA journal_mode = WAL", error);
  /* Closing the only connection folds and removes the -wal and -shm. */
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK && ok)
    {
      sonae_store_set_sql_error (self, error, _("Could not create the database"));
      ok = FALSE;
    }
  self->db = NULL;
  self->tx_depth = 0;
  g_hash_table_remove_all (self->pending_changes);

  ok = ok && sonae_db_file_sync (tmp, self->path, error) &&
       sonae_data_lock_take_database (self->lock, error);
  if (ok)
    {
      /* Whatever a journal or WAL beside the name belonged to, it is not
       * this database: sqlite would play it into the new one. */
      for (guint i = 0; sonae_db_side_suffixes[i]; i++)
        {
          g_autofree char *side = g_strconcat (self->path, sonae_db_side_suffixes[i], NULL);
          if (g_file_test (side, G_FILE_TEST_EXISTS))
            {
              g_autofree char *kept = sonae_db_file_free_name (self->dir, "orphaned");
              g_autofree char *kept_side = g_strconcat (kept, sonae_db_side_suffixes[i], NULL);
              if (g_rename (side, kept_side) != 0)
                g_unlink (side);
            }
        }
      if (g_rename (tmp, self->path) != 0)
        {
          sonae_error_set_from_errno (error, errno, _("Could not create the database"), self->path);
          ok = FALSE;
        }
      sonae_db_file_sync_dir (self->dir);
    }
  sonae_data_lock_share_database (self->lock, NULL);
  if (!ok)
    sonae_db_file_remove (tmp);
  return ok;
}

/* Copy the database and what sqlite keeps beside it into a folder of its
 * own before sqlite plays a journal back or recovers a WAL: if that ever
 * went wrong, the files are still as the interruption left them. */
static char *
copy_aside (SonaeStore *self)
{
  g_autofree char *aside = sonae_db_file_free_name (self->dir, "before-recovery");
  g_autofree char *aside_dir = g_strndup (aside, strlen (aside) - 3);

  if (g_mkdir (aside_dir, 0700) != 0)
    return NULL;
  for (int i = -1; i < 0 || sonae_db_side_suffixes[i]; i++)
    {
      const char *suffix = i < 0 ? "" : sonae_db_side_suffixes[i];
      g_autofree char *from = g_strconcat (self->path, suffix, NULL);
      g_autofree char *to = g_strconcat (aside_dir, G_DIR_SEPARATOR_S SONAE_DB_NAME, suffix, NULL);
      g_autoptr(GFile) src = g_file_new_for_path (from);
      g_autoptr(GFile) dest = g_file_new_for_path (to);
      g_autoptr(GError) local = NULL;

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_copy (src, dest, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local))
        {
          g_warning ("Could not keep a copy of %s before recovering it: %s", from, local->message);
          sonae_db_file_remove_dir (aside_dir);
          return NULL;
        }
    }
  return g_steal_pointer (&aside_dir);
}

/* Sides that sqlite made with the database's permissions (0400 when the
 * database was read-only at the time) go back to 0600 with it. */
static void
fix_side_modes (SonaeStore *self)
{
  for (guint i = 0; sonae_db_side_suffixes[i]; i++)
    {
      g_autofree char *side = g_strconcat (self->path, sonae_db_side_suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (side, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          (st.st_mode & 0777) != 0600)
        g_chmod (side, 0600);
    }
}

static gboolean
has_hot_side (SonaeStore *self)
{
  const char *hot[] = { "-journal", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (hot); i++)
    {
      g_autofree char *side = g_strconcat (self->path, hot[i], NULL);
      GStatBuf st;

      if (g_stat (side, &st) == 0 && st.st_size > 0)
        return TRUE;
    }
  return FALSE;
}

/* Put a file that cannot be ours aside under a name that says so, and start
 * a new database in its place. */
static gboolean
replace_empty_file (SonaeStore  *self,
                    GError     **error)
{
  g_autofree char *kept = sonae_db_file_free_name (self->dir, "empty");

  if (!sonae_data_lock_take_database (self->lock, error))
    return FALSE;
  if (g_rename (self->path, kept) != 0)
    {
      sonae_error_set_from_errno (error, errno, _("Could not put the empty database aside"), self->path);
      sonae_data_lock_share_database (self->lock, NULL);
      return FALSE;
    }
  sonae_db_file_sync_dir (self->dir);
  g_free (self->notice);
  self->notice = g_strdup_printf (_("The database file was empty (0 bytes), so Sonae started a new one. The empty file was kept as %s. If you have a backup, restore it from the menu."),
                                  kept);
  return create_whole (self, error);
}

/* Bring the database into a state Sonae works with, as the one process
 * that may write it: tidy what a kill left, create a missing database
 * whole, roll back or recover an interrupted write, migrate, repair. */
static gboolean
prepare_database (SonaeStore  *self,
                  GError     **error)
{
  g_autofree char *aside = NULL;
  g_autofree char *problem = NULL;
  char header[16] = { 0 };
  GStatBuf st;
  int version, n_tables;
  ssize_t n = -1;
  int fd;

  sonae_db_file_tidy (self->dir);

  if (g_lstat (self->path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          sonae_error_set_from_errno (error, errno, _("Could not open the database"), self->path);
          return FALSE;
        }
      if (!create_whole (self, error))
        return FALSE;
      return open_connection (self, self->path, SQLITE_OPEN_READWRITE, error) &&
             apply_settings (self, error);
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s is not a plain file (it is a link or a folder), so Sonae will not open it."),
                   self->path);
      return FALSE;
    }

  fd = g_open (self->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      n = read (fd, header, sizeof header);
      close (fd);
    }
  if (n < 0)
    {
      sonae_error_set_from_errno (error, errno, _("Could not read the database"), self->path);
      return FALSE;
    }
  if (n == 0 && st.st_size == 0)
    return replace_empty_file (self, error) &&
           open_connection (self, self->path, SQLITE_OPEN_READWRITE, error) &&
           apply_settings (self, error);
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s is not a Sonae database: it is not an SQLite file at all, or its beginning is damaged."),
                   self->path);
      return FALSE;
    }

  /* The owner's write bit counts too: root could write anyway, but a file
   * someone made read-only is not ours to change. */
  if ((st.st_mode & S_IWUSR) == 0 || g_access (self->path, W_OK) != 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY,
                   _("The database %s cannot be written: the file or its folder is read-only. Sonae will not open it, so that nothing you type is lost."),
                   self->path);
      return FALSE;
    }
  if ((st.st_mode & 0777) != 0600)
    g_chmod (self->path, 0600);
  fix_side_modes (self);

  if (has_hot_side (self))
    aside = copy_aside (self);

  /* The first read plays back a hot journal or recovers a WAL. */
  if (!open_connection (self, self->path, SQLITE_OPEN_READWRITE, error))
    return FALSE;
  problem = sonae_db_file_quick_check (self->db);
  if (problem != NULL)
    {
      if (aside != NULL)
        g_set_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT,
                     _("The database %s is damaged (%s). The files as they were found are kept in %s."),
                     self->path, problem, aside);
      else
        g_set_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT,
                     _("The database %s is damaged (%s)."), self->path, problem);
      return FALSE;
    }
  if (aside != NULL)
    sonae_db_file_remove_dir (aside);

  if (!sonae_db_file_read_stamp (self->db, self->path, &version, &n_tables, error))
    return FALSE;
  if (n_tables == 0)
    {
      /* An SQLite file with nothing in it (an earlier Sonae killed at its
       * first start): nothing to keep. */
      sqlite3_close (self->db);
      self->db = NULL;
      return create_whole (self, error) &&
             open_connection (self, self->path, SQLITE_OPEN_READWRITE, error) &&
             apply_settings (self, error);
    }

  if (!apply_settings (self, error) ||
      !migrate (self, version, error) ||
      !repair_authorities (self, error))
    return FALSE;
  return TRUE;
}

static SonaeStore *
store_new (SonaeDataLock *lock)
{
  SonaeStore *self = g_object_new (SONAE_TYPE_STORE, NULL);

  self->lock = g_object_ref (lock);
  self->dir = g_strdup (sonae_data_lock_get_dir (lock));
  self->path = g_build_filename (self->dir, SONAE_DB_NAME, NULL);
  return self;
}

SonaeStore *
sonae_store_open_with_lock (SonaeDataLock  *lock,
                            GError        **error)
{
  g_autoptr(SonaeStore) self = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (SONAE_IS_DATA_LOCK (lock), NULL);
  g_return_val_if_fail (sonae_data_lock_is_writer (lock), NULL);

  self = store_new (lock);
  if (!sonae_data_lock_share_database (lock, error) ||
      !prepare_database (self, error))
    {
      sonae_store_close (self);
      return NULL;
    }

  /* Deletions are undoable only until the next start. Tidying, not a
   * change: on a full disk it waits for another day. */
  if (!sonae_store_exec (self, "DELETE FROM contacts WHERE deleted = 1", &local))
    g_debug ("deleted contacts not purged: %s", local->message);

  return g_steal_pointer (&self);
}

SonaeStore *
sonae_store_open (const char  *data_dir,
                  GError     **error)
{
  g_autoptr(SonaeDataLock) lock = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  lock = sonae_data_lock_new (data_dir, TRUE, error);
  if (lock == NULL || !sonae_data_lock_take_writer (lock, SONAE_DATA_LOCK_COMMAND, error))
    return NULL;
  return sonae_store_open_with_lock (lock, error);
}

SonaeStore *
sonae_store_open_for_reading (const char  *data_dir,
                              GError     **error)
{
  g_autoptr(SonaeDataLock) lock = NULL;
  g_autoptr(SonaeStore) self = NULL;
  g_autofree char *problem = NULL;
  int version;

  g_return_val_if_fail (data_dir != NULL, NULL);

  lock = sonae_data_lock_new (data_dir, FALSE, error);
  if (lock == NULL)
    return NULL;

  /* Nobody writes: make the database ready as a writer would, then let
   * the writer's lock go, so that the window may start meanwhile. */
  if (sonae_data_lock_try_writer (lock, SONAE_DATA_LOCK_COMMAND))
    {
      g_autoptr(GError) local = NULL;

      self = store_new (lock);
      if (sonae_data_lock_share_database (lock, &local) &&
          prepare_database (self, &local) &&
          sonae_store_exec (self, "PRAGMA query_only = ON", &local))
        {
          sonae_data_lock_drop_writer (lock);
          return g_steal_pointer (&self);
        }
      sonae_store_close (self);
      g_clear_object (&self);
      sonae_data_lock_drop_writer (lock);
      /* A folder or file that cannot be written can still be read. */
      if (!g_error_matches (local, SONAE_ERROR, SONAE_ERROR_READ_ONLY) &&
          !g_error_matches (local, SONAE_ERROR, SONAE_ERROR_DISK_FULL))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }

  /* Someone else writes (and so made it ready), or nobody can: read it
   * as it is. */
  self = store_new (lock);
  if (!sonae_data_lock_share_database (lock, error) ||
      !open_connection (self, self->path, SQLITE_OPEN_READONLY, error))
    return NULL;
  problem = sonae_db_file_quick_check (self->db);
  if (problem != NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT,
                   _("The database %s is damaged (%s)."), self->path, problem);
      return NULL;
    }
  version = sonae_db_query_int (self->db, "PRAGMA user_version", -1);
  if (sonae_db_query_int (self->db, "PRAGMA application_id", -1) != SONAE_APPLICATION_ID ||
      version != SONAE_SCHEMA_VERSION)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_BUSY,
                   _("The database %s is not ready to be read (data version %d): start Sonae once to bring it up to date."),
                   self->path, version);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
sonae_store_get_notice (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  return self->notice;
}

SonaeDataLock *
sonae_store_get_lock (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  return self->lock;
}

/* Exposed for the migration tests: make @path a database at version
 * @target with the migrations alone (no authorities), as an earlier Sonae
 * would have left it, in rollback-journal mode. */
gboolean sonae_store_migrate_file_to (const char *path, int target, GError **error);

gboolean
sonae_store_migrate_file_to (const char  *path,
                             int          target,
                             GError     **error)
{
  sqlite3 *db = NULL;
  int version;

  g_return_val_if_fail (target >= 0 && target <= SONAE_SCHEMA_VERSION, FALSE);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO, "%s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  version = sonae_db_query_int (db, "PRAGMA user_version", 0);
  for (int v = version; v < target; v++)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN; %s; PRAGMA user_version = %d; PRAGMA application_id = %d; COMMIT;",
                                              sonae_migration_get (v), v + 1, SONAE_APPLICATION_ID);
      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          sqlite3_close (db);
          return FALSE;
        }
    }
  sqlite3_close (db);
  return TRUE;
}

void
sonae_store_close (SonaeStore *self)
{
  g_return_if_fail (SONAE_IS_STORE (self));

  if (self->db != NULL)
    {
      if (self->tx_depth > 0)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          self->tx_depth = 0;
        }
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  /* Only now may a restore replace the file. */
  if (self->lock != NULL)
    sonae_data_lock_release_database (self->lock);
}

const char *
sonae_store_get_path (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  return self->path;
}

const char *
sonae_store_get_dir (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  return self->dir;
}

sqlite3 *
sonae_store_get_db (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  return self->db;
}

gboolean
sonae_store_is_empty (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), TRUE);

  return sonae_db_query_int (self->db, "SELECT count(*) FROM contacts WHERE builtin_key IS NULL", 0) == 0 &&
         sonae_db_query_int (self->db, "SELECT count(*) FROM meta WHERE key LIKE 'org.%' AND value IS NOT NULL AND value != ''", 0) == 0 &&
         sonae_db_query_int (self->db, "SELECT count(*) FROM incidents", 0) == 0;
}

/* --- organisation profile ------------------------------------------------ */

static const char *org_kind_keys[] = { "clinic", "hospital", "pharmacy", "business" };

const char *
sonae_org_kind_to_string (SonaeOrgKind kind)
{
  g_return_val_if_fail (kind <= SONAE_ORG_BUSINESS, "clinic");
  return org_kind_keys[kind];
}

gboolean
sonae_org_kind_from_string (const char   *text,
                            SonaeOrgKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (org_kind_keys); i++)
    if (g_strcmp0 (text, org_kind_keys[i]) == 0)
      {
        if (out_kind)
          *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_org_kind_get_title (SonaeOrgKind kind)
{
  switch (kind)
    {
    case SONAE_ORG_CLINIC:
      return _("Clinic");
    case SONAE_ORG_HOSPITAL:
      return _("Hospital");
    case SONAE_ORG_PHARMACY:
      return _("Pharmacy");
    case SONAE_ORG_BUSINESS:
      return _("Other business");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
sonae_org_kind_is_care (SonaeOrgKind kind)
{
  return kind == SONAE_ORG_CLINIC || kind == SONAE_ORG_HOSPITAL || kind == SONAE_ORG_PHARMACY;
}

static const char *prefecture_names[] = {
  N_("Hokkaido"), N_("Aomori"), N_("Iwate"), N_("Miyagi"), N_("Akita"),
  N_("Yamagata"), N_("Fukushima"), N_("Ibaraki"), N_("Tochigi"), N_("Gunma"),
  N_("Saitama"), N_("Chiba"), N_("Tokyo"), N_("Kanagawa"), N_("Niigata"),
  N_("Toyama"), N_("Ishikawa"), N_("Fukui"), N_("Yamanashi"), N_("Nagano"),
  N_("Gifu"), N_("Shizuoka"), N_("Aichi"), N_("Mie"), N_("Shiga"),
  N_("Kyoto"), N_("Osaka"), N_("Hyogo"), N_("Nara"), N_("Wakayama"),
  N_("Tottori"), N_("Shimane"), N_("Okayama"), N_("Hiroshima"), N_("Yamaguchi"),
  N_("Tokushima"), N_("Kagawa"), N_("Ehime"), N_("Kochi"), N_("Fukuoka"),
  N_("Saga"), N_("Nagasaki"), N_("Kumamoto"), N_("Oita"), N_("Miyazaki"),
  N_("Kagoshima"), N_("Okinawa"), NULL,
};

const char *const *
sonae_prefecture_keys (void)
{
  return prefecture_names;
}

const char *const *
sonae_prefectures (void)
{
  static const char *translated[G_N_ELEMENTS (prefecture_names)];

  if (translated[0] == NULL)
    for (guint i = 0; prefecture_names[i]; i++)
      translated[i] = _(prefecture_names[i]);
  return translated;
}

void
sonae_profile_free (SonaeProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->prefecture);
  g_free (profile->address);
  g_free (profile->phone);
  g_free (profile);
}

static char *
meta_get (SonaeStore *self,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sonae_column_dup (stmt, 0);
  return NULL;
}

static gboolean
meta_set (SonaeStore  *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sonae_store_prepare (self, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sonae_bind_text (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save the organisation profile"));
  return TRUE;
}

SonaeProfile *
sonae_store_get_profile (SonaeStore *self)
{
  SonaeProfile *profile;
  g_autofree char *kind = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  profile = g_new0 (SonaeProfile, 1);
  profile->name = meta_get (self, "org.name");
  profile->prefecture = meta_get (self, "org.prefecture");
  profile->address = meta_get (self, "org.address");
  profile->phone = meta_get (self, "org.phone");
  kind = meta_get (self, "org.kind");
  if (!sonae_org_kind_from_string (kind, &profile->kind))
    profile->kind = SONAE_ORG_CLINIC;
  return profile;
}

SonaeOrgKind
sonae_store_get_org_kind (SonaeStore *self)
{
  g_autofree char *text = NULL;
  SonaeOrgKind kind;

  g_return_val_if_fail (SONAE_IS_STORE (self), SONAE_ORG_CLINIC);

  text = meta_get (self, "org.kind");
  return sonae_org_kind_from_string (text, &kind) ? kind : SONAE_ORG_CLINIC;
}

gboolean
sonae_store_is_care (SonaeStore *self)
{
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  profile = sonae_store_get_profile (self);
  return sonae_org_kind_is_care (profile->kind);
}

gboolean
sonae_store_set_profile (SonaeStore          *self,
                         const SonaeProfile  *profile,
                         GError             **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!meta_set (self, "org.name", profile->name, error) ||
      !meta_set (self, "org.kind", sonae_org_kind_to_string (profile->kind), error) ||
      !meta_set (self, "org.prefecture", profile->prefecture, error) ||
      !meta_set (self, "org.address", profile->address, error) ||
      !meta_set (self, "org.phone", profile->phone, error) ||
      !sonae_authorities_apply_kind (self, profile->kind, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_PROFILE);
  return sonae_store_commit (self, error);
}

gboolean
sonae_store_get_setup_done (SonaeStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  value = meta_get (self, "setup.done");
  return g_strcmp0 (value, "1") == 0;
}

gboolean
sonae_store_set_setup_done (SonaeStore  *self,
                            GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  if (!meta_set (self, "setup.done", "1", error))
    return FALSE;
  sonae_store_emit_changed (self, SONAE_CHANGED_PROFILE);
  return TRUE;
}

SonaeDateStyle
sonae_store_get_date_style (SonaeStore *self)
{
  g_autofree char *value = NULL;
  SonaeDateStyle style;

  g_return_val_if_fail (SONAE_IS_STORE (self), SONAE_DATE_STYLE_JAPANESE);

  value = meta_get (self, "print.date_style");
  return sonae_date_style_from_string (value, &style) ? style : SONAE_DATE_STYLE_JAPANESE;
}

gboolean
sonae_store_set_date_style (SonaeStore      *self,
                            SonaeDateStyle   style,
                            GError         **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) style < SONAE_N_DATE_STYLES, FALSE);

  if (style == sonae_store_get_date_style (self))
    return TRUE;
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!meta_set (self, "print.date_style", sonae_date_style_to_string (style), error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_PROFILE);
  return sonae_store_commit (self, error);
}
