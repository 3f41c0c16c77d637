#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sonae-clock.h"
#include "sonae-db-file.h"
#include "sonae-error.h"
#include "sonae-migrations.h"
#include "sonae-migrations.h"

const char *const sonae_db_side_suffixes[] = { "-journal", "-wal", "-shm", NULL };

char *
sonae_db_file_create_temp (const char  *dir,
                           GError     **error)
{
  g_autofree char *name = g_strdup_printf (SONAE_DB_TEMP_PREFIX "%ld-XXXXXX", (long) getpid ());
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int fd;

  /* g_mkstemp_full() adds O_EXCL and picks the random part. */
  fd = g_mkstemp_full (path, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      sonae_error_set_from_errno (error, errno, _("Could not create a temporary file"), dir);
      return NULL;
    }
  /* The umask may only have taken bits away; make sure of 0600. */
  if (fchmod (fd, 0600) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (path);
      sonae_error_set_from_errno (error, saved, _("Could not create a temporary file"), dir);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&path);
}

void
sonae_db_file_remove (const char *path)
{
  g_unlink (path);
  for (guint i = 0; sonae_db_side_suffixes[i]; i++)
    {
      g_autofree char *side = g_strconcat (path, sonae_db_side_suffixes[i], NULL);
      g_unlink (side);
    }
}

gboolean
sonae_db_file_sync (const char  *path,
                    const char  *name,
                    GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      sonae_error_set_from_errno (error, saved, _("Could not write the file to the disk"), name);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

void
sonae_db_file_sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

char *
sonae_db_file_free_name (const char *dir,
                         const char *kind)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *path = NULL;

  for (int n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("sonae-%s-%s.db", kind, stamp)
                                     : g_strdup_printf ("sonae-%s-%s-%d.db", kind, stamp, n);
      GStatBuf st;

      g_free (path);
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 && errno == ENOENT)
        return path;
    }
}

/* ".sonae-tmp-PID-XXXXXX…": TRUE when process PID is still at work on it. */
static gboolean
temp_owner_alive (const char *name)
{
  const char *p = name + strlen (SONAE_DB_TEMP_PREFIX);
  char *end = NULL;
  long pid = strtol (p, &end, 10);

  if (end == p || *end != '-' || pid <= 0)
    return FALSE;
  if (pid == (long) getpid ())
    return TRUE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

void
sonae_db_file_remove_dir (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (file, &st) == 0 && !S_ISDIR (st.st_mode))
        g_unlink (file);
    }
  g_rmdir (path);
}

void
sonae_db_file_tidy_temp (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, SONAE_DB_TEMP_PREFIX) || temp_owner_alive (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        sonae_db_file_remove_dir (path);
      else
        g_unlink (path);
    }
}

void
sonae_db_file_tidy (const char *dir)
{
  g_autofree char *db_path = g_build_filename (dir, SONAE_DB_NAME, NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *restoring = g_build_filename (dir, SONAE_DB_NAME ".restoring", NULL);
  g_autoptr(GDir) d = NULL;
  GStatBuf db_st;
  gboolean have_db;
  const char *name;

  g_return_if_fail (dir != NULL);

  sonae_db_file_tidy_temp (dir);
  sonae_db_file_tidy_temp (backups);
  /* What earlier versions of Sonae named their temporary copies. */
  sonae_db_file_remove (restoring);

  have_db = g_lstat (db_path, &db_st) == 0;
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      /* A kill between keeping the replaced database and putting the
       * restored one in place leaves a second name of the same file: it
       * is not a copy of anything, and would change with every edit. */
      if (!have_db || !g_str_has_prefix (name, "sonae-replaced-") || !g_str_has_suffix (name, ".db"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && st.st_ino == db_st.st_ino && st.st_dev == db_st.st_dev)
        g_unlink (path);
    }

  g_clear_pointer (&d, g_dir_close);
  d = g_dir_open (backups, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      /* Earlier versions wrote backups as NAME.partial beside NAME. */
      if (g_str_has_suffix (name, ".partial") || g_str_has_suffix (name, ".partial-journal"))
        {
          g_autofree char *path = g_build_filename (backups, name, NULL);
          g_unlink (path);
        }
    }
}

int
sonae_db_query_int (sqlite3    *db,
                    const char *sql,
                    int         fallback)
{
  sqlite3_stmt *stmt = NULL;
  int value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
sonae_db_file_quick_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  /* The first line that names a problem is enough for a message. */
  while (rc == SQLITE_ROW && result == NULL)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      /* "*** in database main ***" heads the list, sometimes in the same row. */
      if (line != NULL && g_str_has_prefix (line, "***") && strchr (line, '\n') != NULL)
        line = strchr (line, '\n') + 1;
      if (line != NULL && !g_str_has_prefix (line, "***"))
        result = g_strndup (line, strcspn (line, "\n"));
      else
        rc = sqlite3_step (stmt);
    }
  if (result == NULL)
    result = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  if (g_strcmp0 (result, "ok") == 0)
    g_clear_pointer (&result, g_free);
  return result;
}

/* --- the schema ---------------------------------------------------------- */

/* "table contacts" → its columns; "index x" / "trigger y" / "view z" → its SQL. */
static GHashTable *
describe_schema (sqlite3 *db)
{
  GHashTable *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *columns = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info (?1)",
                          -1, &columns, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      sqlite3_finalize (columns);
      g_hash_table_unref (objects);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);
      GString *what = g_string_new (NULL);

      /* sqlite's own (autoindexes, sqlite_sequence) follow from the rest. */
      if (name == NULL || type == NULL || g_str_has_prefix (name, "sqlite_"))
        {
          g_string_free (what, TRUE);
          continue;
        }
      if (g_str_equal (type, "table"))
        {
          sqlite3_reset (columns);
          sqlite3_bind_text (columns, 1, name, -1, SQLITE_TRANSIENT);
          while (sqlite3_step (columns) == SQLITE_ROW)
            g_string_append_printf (what, "%s %s %d %s %d;",
                                    sqlite3_column_text (columns, 0),
                                    sqlite3_column_text (columns, 1),
                                    sqlite3_column_int (columns, 2),
                                    sqlite3_column_text (columns, 3) ? (const char *) sqlite3_column_text (columns, 3) : "-",
                                    sqlite3_column_int (columns, 4));
        }
      else
        g_string_append (what, sql ? sql : "");
      g_hash_table_insert (objects, g_strdup_printf ("%s %s", type, name), g_string_free (what, FALSE));
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (columns);
  return objects;
}

static GHashTable *
reference_schema (int version)
{
  sqlite3 *db = NULL;
  GHashTable *objects = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  for (int v = 0; v < version; v++)
    if (sqlite3_exec (db, sonae_migration_get (v), NULL, NULL, NULL) != SQLITE_OK)
      {
        g_critical ("migration %d does not run on an empty database: %s", v, sqlite3_errmsg (db));
        sqlite3_close (db);
        return NULL;
      }
  objects = describe_schema (db);
  sqlite3_close (db);
  return objects;
}

gboolean
sonae_db_file_check_schema (sqlite3     *db,
                            int          version,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autofree char *problem = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (version >= 0 && version <= SONAE_SCHEMA_VERSION, FALSE);

  expected = reference_schema (version);
  actual = describe_schema (db);
  if (expected == NULL || actual == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not read the tables of %s: %s."), path, sqlite3_errmsg (db));
      return FALSE;
    }

  /* Tables first: a missing table says more than its missing index. */
  for (int pass = 0; pass < 2; pass++)
    {
  g_hash_table_iter_init (&iter, expected);
  while (problem == NULL && g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *found = g_hash_table_lookup (actual, key);

      if (g_str_has_prefix (key, "table ") != (pass == 0))
        continue;
      if (found == NULL)
        /* Translators: %s is like "table contacts" */
        problem = g_strdup_printf (_("%s is missing"), (const char *) key);
      else if (!g_str_equal (found, value))
        problem = g_strdup_printf (_("%s is not as Sonae makes it"), (const char *) key);
    }
    }
  g_hash_table_iter_init (&iter, actual);
  while (problem == NULL && g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected, key))
      problem = g_strdup_printf (_("%s was added by another program"), (const char *) key);

  if (problem != NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s cannot be used as Sonae data: its tables are not those of Sonae (%s)."),
                   path, problem);
      return FALSE;
    }
  return TRUE;
}

/* --- checking a file ------------------------------------------------------- */

gboolean
sonae_db_file_read_stamp (sqlite3     *db,
                          const char  *path,
                          int         *out_version,
                          int         *out_n_tables,
                          GError     **error)
{
  int app_id = sonae_db_query_int (db, "PRAGMA application_id", -1);
  int version = sonae_db_query_int (db, "PRAGMA user_version", -1);
  int n_tables = sonae_db_query_int (db, "SELECT count(*) FROM sqlite_schema", -1);

  *out_version = version;
  *out_n_tables = n_tables;
  if (n_tables == 0)
    return TRUE;
  if (app_id != SONAE_APPLICATION_ID)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s is a database of another program, not of Sonae."), path);
      return FALSE;
    }
  if (version > SONAE_SCHEMA_VERSION)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Sonae (data version %d; this version reads up to %d). Update Sonae to open it."),
                   path, version, SONAE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* A URI that opens @path as it is: "immutable" when nothing beside it could
 * change it (no journal, no WAL), so that a read-only stick still reads. */
static char *
file_uri (const char *path)
{
  GString *uri = g_string_new ("file:");
  gboolean alone = TRUE;

  for (const char *p = path; *p; p++)
    {
      if (*p == '%' || *p == '?' || *p == '#')
        g_string_append_printf (uri, "%%%02X", (guchar) *p);
      else
        g_string_append_c (uri, *p);
    }
  for (guint i = 0; sonae_db_side_suffixes[i]; i++)
    {
      g_autofree char *side = g_strconcat (path, sonae_db_side_suffixes[i], NULL);
      if (g_file_test (side, G_FILE_TEST_EXISTS))
        alone = FALSE;
    }
  if (alone)
    g_string_append (uri, "?immutable=1");
  return g_string_free (uri, FALSE);
}

gboolean
sonae_db_file_check (const char  *path,
                     int         *out_version,
                     GError     **error)
{
  sqlite3 *db = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *problem = NULL;
  char header[16] = { 0 };
  GStatBuf st;
  int fd;
  ssize_t n;
  int rc;
  int version;
  int n_tables;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      if (saved == ENOENT)
        g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO, _("The file %s does not exist."), path);
      else
        sonae_error_set_from_errno (error, saved, _("Could not read the file"), path);
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("%s is a folder, not a Sonae database file. Choose the file itself."), path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("%s is not a plain file, so it cannot be a Sonae database."), path);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      sonae_error_set_from_errno (error, errno, _("Could not read the file"), path);
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  if (n == 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s is empty (0 bytes): it holds no Sonae data."), path);
      return FALSE;
    }
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s is not a Sonae database: it is not an SQLite file at all, or its beginning is damaged."),
                   path);
      return FALSE;
    }

  /* Read-only: a check must never change the file it checks. */
  uri = file_uri (path);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not open %s: %s."), path, db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);

  problem = sonae_db_file_quick_check (db);
  if (problem != NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT,
                   _("The database %s is damaged (%s)."), path, problem);
      sqlite3_close (db);
      return FALSE;
    }

  if (!sonae_db_file_read_stamp (db, path, &version, &n_tables, error))
    {
      sqlite3_close (db);
      return FALSE;
    }
  if (version < 0 || (n_tables != 0 && !sonae_db_file_check_schema (db, version, path, error)))
    {
      if (version < 0)
        g_set_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT,
                     _("The database %s is damaged (%s)."), path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_close (db);

  if (out_version)
    *out_version = n_tables == 0 ? 0 : version;
  return TRUE;
}
