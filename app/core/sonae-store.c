#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-store-private.h"

struct _SonaeStore
{
  GObject parent_instance;

  /* owned */
  sqlite3 *db;
  char *dir;
  char *path;
  GHashTable *pending_changes;  /* detail strings to emit after commit */

  guint tx_depth;
  gboolean tx_failed;
};

G_DEFINE_TYPE (SonaeStore, sonae_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One migration a step: migrations[i] takes a database from version i to
 * version i + 1. Never edit a released step; add a new one. */
static const char *const migrations[] = {
  /* 0 -> 1: the organisation profile, the contact roster and its roles */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");"
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  grp INTEGER NOT NULL DEFAULT 0 CHECK (grp BETWEEN 0 AND 2),"
  "  name TEXT NOT NULL CHECK (length(name) > 0),"
  "  reading TEXT,"
  "  sort_key TEXT NOT NULL DEFAULT '',"
  "  organization TEXT,"
  "  department TEXT,"
  "  title TEXT,"
  "  system TEXT,"
  "  contract TEXT,"
  "  address TEXT,"
  "  url TEXT,"
  "  notes TEXT,"
  "  verified_on TEXT,"
  "  needs_check INTEGER NOT NULL DEFAULT 0,"
  "  builtin_key TEXT UNIQUE,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),"
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))"
  ");"
  "CREATE INDEX contacts_sort ON contacts (deleted, sort_key);"
  "CREATE TABLE contact_phones ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ");"
  "CREATE TABLE contact_emails ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ");"
  "CREATE TABLE role_holders ("
  "  role_key TEXT NOT NULL,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (role_key, contact_id)"
  ");"
  "CREATE INDEX role_holders_contact ON role_holders (contact_id);",

  /* 1 -> 2: the organisation's own emergency manual */
  "CREATE TABLE manual_items ("
  "  item_id TEXT PRIMARY KEY NOT NULL,"
  "  parent_id TEXT,"
  "  text TEXT,"
  "  role_key TEXT,"
  "  position REAL,"
  "  removed INTEGER NOT NULL DEFAULT 0,"
  "  added INTEGER NOT NULL DEFAULT 0,"
  "  base_text TEXT,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE manual_level_roles ("
  "  level INTEGER PRIMARY KEY CHECK (level BETWEEN 0 AND 3),"
  "  role_key TEXT NOT NULL"
  ");"
  "CREATE TABLE manual_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  old_text TEXT,"
  "  new_text TEXT,"
  "  author TEXT,"
  "  at TEXT NOT NULL"
  ");"
  "CREATE TABLE manual_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  reviewed_on TEXT NOT NULL,"
  "  reviewed_by TEXT NOT NULL"
  ");",

  /* 2 -> 3: incidents, their checklist run and their timeline. The
   * timeline is append-only by rule and hash-chained (each row's hash
   * covers its columns and the hash before it; the incident keeps the last
   * one), so a change behind Sonae's back is found by
   * sonae_store_verify_timeline. contact_id has no foreign key: a contact
   * may be removed later, and the entry keeps the name and number called. */
  "CREATE TABLE incidents ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  year INTEGER NOT NULL,"
  "  seq INTEGER NOT NULL CHECK (seq > 0),"
  "  title TEXT NOT NULL CHECK (length(title) > 0),"
  "  status TEXT NOT NULL DEFAULT 'active'"
  "    CHECK (status IN ('active', 'contained', 'recovering', 'closed')),"
  "  drill INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),"
  "  detected_at TEXT,"
  "  found_by TEXT,"
  "  location TEXT,"
  "  system TEXT,"
  "  network TEXT,"
  "  type TEXT NOT NULL CHECK (type IN ('leak', 'tamper', 'malware', 'other')),"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),"
  "  event TEXT NOT NULL,"
  "  seen TEXT NOT NULL,"
  "  personal_data TEXT NOT NULL,"
  "  impact TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  created_by TEXT NOT NULL CHECK (length(created_by) > 0),"
  "  closed_at TEXT,"
  "  head_seq INTEGER NOT NULL DEFAULT 0,"
  "  head_hash TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, seq)"
  ");"
  "CREATE TABLE incident_steps ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  step_id TEXT NOT NULL,"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  done_at TEXT,"
  "  done_by TEXT,"
  "  back_entered INTEGER NOT NULL DEFAULT 0 CHECK (back_entered IN (0, 1)),"
  "  PRIMARY KEY (incident_id, step_id)"
  ");"
  "CREATE TABLE incident_fields ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  step_id TEXT NOT NULL,"
  "  field_id TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (incident_id, step_id, field_id)"
  ");"
  "CREATE TABLE timeline ("
  "  id INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  seq INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  back_entered INTEGER NOT NULL DEFAULT 0,"
  "  author TEXT NOT NULL,"
  "  step_id TEXT,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  contact_id INTEGER,"
  "  role_key TEXT,"
  "  outcome TEXT,"
  "  text TEXT,"
  "  corrects INTEGER REFERENCES timeline (id),"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  UNIQUE (incident_id, seq)"
  ");"
  "CREATE INDEX timeline_corrects ON timeline (corrects);",

  /* 3 -> 4: after the first hour: whether and when the leak was reported
   * to the PPC, the other bodies reported to, and the actions an incident
   * leads to (sonae-ppc.h, sonae-actions.h). Owners are roster contacts
   * without a foreign key: a purged contact leaves the action readable. */
  "CREATE TABLE ppc_assessments ("
  "  incident_id INTEGER PRIMARY KEY NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  personal_data TEXT NOT NULL DEFAULT 'unknown' CHECK (personal_data IN ('unknown', 'yes', 'no')),"
  "  sensitive TEXT NOT NULL DEFAULT 'unknown' CHECK (sensitive IN ('unknown', 'yes', 'no')),"
  "  financial TEXT NOT NULL DEFAULT 'unknown' CHECK (financial IN ('unknown', 'yes', 'no')),"
  "  unlawful TEXT NOT NULL DEFAULT 'unknown' CHECK (unlawful IN ('unknown', 'yes', 'no')),"
  "  over_1000 TEXT NOT NULL DEFAULT 'unknown' CHECK (over_1000 IN ('unknown', 'yes', 'no')),"
  "  processor INTEGER NOT NULL DEFAULT 0 CHECK (processor IN (0, 1)),"
  "  learned_on TEXT,"
  "  principal_notified_on TEXT,"
  "  preliminary_sent_on TEXT,"
  "  final_sent_on TEXT,"
  "  persons_notified_on TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL"
  ");"
  "CREATE TABLE body_reports ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  authority_key TEXT NOT NULL,"
  "  done_on TEXT,"
  "  done_by TEXT,"
  "  PRIMARY KEY (incident_id, authority_key)"
  ");"
  "CREATE TABLE actions ("
  "  id INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('handling', 'corrective', 'preventive')),"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  owner_id INTEGER,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),"
  "  confirmed_on TEXT,"
  "  confirmed_by TEXT,"
  "  approved_by TEXT,"
  "  reason TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX actions_incident ON actions (incident_id);"
  "CREATE INDEX actions_open ON actions (status, due_on);",

  /* 4 → 5: the incident report (sonae-report.h): one row a field the
   * user set, the proposals are computed; and the day an action was
   * approved. */
  "CREATE TABLE report_fields ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  PRIMARY KEY (incident_id, key)"
  ");"
  "ALTER TABLE actions ADD COLUMN approved_on TEXT;"
  "UPDATE actions SET approved_on = confirmed_on WHERE approved_by IS NOT NULL;",

  /* 5 → 6: the IT business-continuity plan (sonae-bcp.h): its texts and
   * deciders, reviews, crisis events, systems, prevention measures,
   * drills, the risk register and the readiness self-check. People are
   * roster contacts without a foreign key, as for actions. */
  "CREATE TABLE bcp_texts ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  reviewed_on TEXT NOT NULL,"
  "  reviewed_by TEXT NOT NULL CHECK (length (reviewed_by) > 0),"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_events ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  stops TEXT,"
  "  damage TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE bcp_systems ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (name) > 0),"
  "  purpose TEXT,"
  "  vendor_id INTEGER,"
  "  contract_no TEXT,"
  "  owner_id INTEGER,"
  "  recovery_order INTEGER NOT NULL DEFAULT 0 CHECK (recovery_order BETWEEN 0 AND 9999),"
  "  rto_hours INTEGER NOT NULL DEFAULT -1 CHECK (rto_hours BETWEEN -1 AND 9999),"
  "  rpo_hours INTEGER NOT NULL DEFAULT -1 CHECK (rpo_hours BETWEEN -1 AND 9999),"
  "  backup_method TEXT,"
  "  backup_frequency TEXT,"
  "  backup_generations INTEGER NOT NULL DEFAULT -1 CHECK (backup_generations BETWEEN -1 AND 999),"
  "  backup_offline TEXT NOT NULL DEFAULT 'unknown' CHECK (backup_offline IN ('unknown', 'yes', 'no')),"
  "  backup_location TEXT,"
  "  restore_tested_on TEXT,"
  "  restore_test_days INTEGER NOT NULL DEFAULT 0 CHECK (restore_test_days BETWEEN 0 AND 3650),"
  "  fallback TEXT,"
  "  forms_location TEXT,"
  "  first_steps TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_drills ("
  "  id INTEGER PRIMARY KEY,"
  "  held_on TEXT NOT NULL,"
  "  scenario TEXT NOT NULL CHECK (length (scenario) > 0),"
  "  participants TEXT,"
  "  findings TEXT,"
  "  incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_risks ("
  "  id INTEGER PRIMARY KEY,"
  "  risk TEXT NOT NULL CHECK (length (risk) > 0),"
  "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 3),"
  "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 3),"
  "  treatment TEXT NOT NULL DEFAULT 'reduce' CHECK (treatment IN ('reduce', 'avoid', 'transfer', 'accept')),"
  "  treatment_text TEXT,"
  "  owner_id INTEGER,"
  "  accepted_by TEXT,"
  "  accepted_on TEXT,"
  "  next_review_on TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_measures ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  owner_id INTEGER,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),"
  "  done_on TEXT,"
  "  drill_id INTEGER REFERENCES bcp_drills (id) ON DELETE SET NULL,"
  "  risk_id INTEGER REFERENCES bcp_risks (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX bcp_measures_drill ON bcp_measures (drill_id);"
  "CREATE INDEX bcp_measures_risk ON bcp_measures (risk_id);"
  "CREATE TABLE bcp_checks ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  answer TEXT NOT NULL CHECK (answer IN ('unknown', 'yes', 'no')),"
  "  target_on TEXT,"
  "  owner_id INTEGER,"
  "  updated_at TEXT NOT NULL"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SONAE_SCHEMA_VERSION);

static void
sonae_store_finalize (GObject *object)
{
  SonaeStore *self = SONAE_STORE (object);

  sonae_store_close (self);
  g_free (self->dir);
  g_free (self->path);
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
   * @detail: "contacts", "roles", "profile" or "incidents"
   *
   * Emitted after a change is committed.
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
  const char *detail = self->db ? sqlite3_errmsg (self->db) : "closed";

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
    case SQLITE_FULL:
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

static int
query_int (sqlite3    *db,
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
prepare_dir (const char  *dir,
             GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not create the data folder %s: %s."),
                   dir, g_strerror (saved));
      return FALSE;
    }
  /* The folder holds personal data: nobody else may list it. */
  if (g_chmod (dir, 0700) != 0 && errno != EPERM)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not protect the data folder %s: %s."),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, saved == EACCES || saved == EROFS ? SONAE_ERROR_READ_ONLY : SONAE_ERROR_IO,
                   _("Could not create the database %s: %s."),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Look at an existing file without writing to it: is it a sound Sonae
 * database of a version we understand? */
gboolean
sonae_store_check_file_readonly (const char  *path,
                                 int         *out_version,
                                 GError     **error);

gboolean
sonae_store_check_file_readonly (const char  *path,
                                 int         *out_version,
                                 GError     **error)
{
  sqlite3 *db = NULL;
  g_autofree char *result = NULL;
  char header[16] = { 0 };
  int fd;
  ssize_t n;
  int rc;
  int app_id;
  int version;
  int n_tables;
  sqlite3_stmt *stmt = NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not read %s: %s."), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  if (n == 0)
    {
      if (out_version)
        *out_version = 0;
      return TRUE;
    }
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_SONAE,
                   _("%s is not a Sonae database: it is not an SQLite file at all, or its beginning is damaged."),
                   path);
      return FALSE;
    }

  /* Read-only: a check must never change the file it checks. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not open %s: %s."), path, db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);

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

  if (result == NULL || g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_CORRUPT,
                   _("The database %s is damaged (%s)."), path, result);
      sqlite3_close (db);
      return FALSE;
    }

  app_id = query_int (db, "PRAGMA application_id", -1);
  version = query_int (db, "PRAGMA user_version", -1);
  n_tables = query_int (db, "SELECT count(*) FROM sqlite_schema", -1);
  sqlite3_close (db);

  if (app_id != SONAE_APPLICATION_ID && n_tables != 0)
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
  if (out_version)
    *out_version = version;
  return TRUE;
}

static gboolean
migrate (SonaeStore  *self,
         int          from,
         GError     **error)
{
  for (int v = from; v < SONAE_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = NULL;

      if (!sonae_store_begin (self, error))
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      if (!sonae_store_exec (self, migrations[v], error) ||
          !sonae_store_exec (self, set_version, error))
        {
          sonae_store_rollback (self);
          g_prefix_error (error, _("Could not update the database to data version %d: "), v + 1);
          return FALSE;
        }
      if (!sonae_store_commit (self, error))
        return FALSE;
    }
  return TRUE;
}

/* Exposed for the migration tests: open @path and migrate it only up to
 * @target. */
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
  version = query_int (db, "PRAGMA user_version", 0);
  for (int v = version; v < target; v++)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN; %s; PRAGMA user_version = %d; PRAGMA application_id = %d; COMMIT;",
                                              migrations[v], v + 1, SONAE_APPLICATION_ID);
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

SonaeStore *
sonae_store_open (const char  *data_dir,
                  GError     **error)
{
  g_autoptr(SonaeStore) self = NULL;
  int version = 0;
  gboolean created = FALSE;
  int rc;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (SONAE_TYPE_STORE, NULL);
  self->dir = g_strdup (data_dir);
  self->path = g_build_filename (data_dir, SONAE_DB_NAME, NULL);

  if (!prepare_dir (data_dir, error))
    return NULL;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (!create_private_file (self->path, error))
        return NULL;
      created = TRUE;
    }
  else
    {
      if (!sonae_store_check_file_readonly (self->path, &version, error))
        return NULL;
      GStatBuf st;

      /* The owner's write bit counts too: root could write anyway, but a
       * file someone made read-only is not ours to change. */
      if (g_access (self->path, W_OK) != 0 || g_access (data_dir, W_OK) != 0 ||
          g_stat (self->path, &st) != 0 || (st.st_mode & S_IWUSR) == 0)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY,
                       _("The database %s cannot be written: the file or its folder is read-only. Sonae will not open it, so that nothing you type is lost."),
                       self->path);
          return NULL;
        }
      if ((st.st_mode & 0777) != 0600)
        g_chmod (self->path, 0600);
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      sonae_store_set_sql_error (self, error, _("Could not open the database"));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, 5000);

  /* WAL and a full sync: a kill or a power cut loses nothing committed. */
  if (!sonae_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !sonae_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !sonae_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (created || version == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", SONAE_APPLICATION_ID);
      if (!sonae_store_exec (self, sql, error))
        return NULL;
    }

  if (!migrate (self, version, error))
    return NULL;

  if (version == 0 && !sonae_authorities_install (self, error))
    return NULL;

  /* Deletions are undoable only until the next start. */
  if (!sonae_store_exec (self, "DELETE FROM contacts WHERE deleted = 1", error))
    return NULL;

  return g_steal_pointer (&self);
}

void
sonae_store_close (SonaeStore *self)
{
  g_return_if_fail (SONAE_IS_STORE (self));

  if (self->db == NULL)
    return;
  if (self->tx_depth > 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->tx_depth = 0;
    }
  sqlite3_close_v2 (self->db);
  self->db = NULL;
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

  return query_int (self->db, "SELECT count(*) FROM contacts WHERE builtin_key IS NULL", 0) == 0 &&
         query_int (self->db, "SELECT count(*) FROM meta WHERE key LIKE 'org.%' AND value IS NOT NULL AND value != ''", 0) == 0 &&
         query_int (self->db, "SELECT count(*) FROM incidents", 0) == 0;
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
      !meta_set (self, "org.phone", profile->phone, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sonae_store_emit_changed (self, "profile");
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
  sonae_store_emit_changed (self, "profile");
  return TRUE;
}
