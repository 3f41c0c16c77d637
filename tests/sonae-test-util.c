#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "sonae-test-util.h"
#include "sonae-contacts.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"

char *
sonae_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sonae-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
sonae_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (path, 0700);
          sonae_test_remove_dir (path);
        }
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

SonaeStore *
sonae_test_open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  char *dir = sonae_test_make_dir ();
  SonaeStore *store = sonae_store_open (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  *out_dir = dir;
  return store;
}

char *
sonae_test_corpus_path (const char *relative)
{
  const char *root = g_getenv ("SONAE_CORPUS_DIR");
  char *path;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

gint64
sonae_test_add_contact (SonaeStore *store,
                        SonaeGroup  group,
                        const char *name,
                        const char *reading,
                        const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) c = sonae_contact_new ();

  c->group = group;
  c->name = g_strdup (name);
  c->reading = g_strdup (reading);
  sonae_contact_add_phone (c, "mobile", phone);
  sonae_contacts_save (store, c, &error);
  g_assert_no_error (error);
  return c->id;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sonae_test_spin_until (SonaeTestCondition  cond,
                       gpointer            data,
                       guint               timeout_ms,
                       const char         *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  if (timed_out && !cond (data))
    g_error ("timed out waiting for %s", what);
}

static SonaeTestBusy test_busy;

void
sonae_test_set_busy (SonaeTestBusy busy)
{
  test_busy = busy;
}

void
sonae_test_spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  if (test_busy != NULL && test_busy ())
    {
      gboolean timed_out = FALSE;
      guint id = g_timeout_add (10000, timeout_cb, &timed_out);

      while (test_busy () && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (id);
    }
}

gint64
sonae_test_add_incident (SonaeStore *store,
                         const char *title,
                         const char *detected_at,
                         int         level,
                         gboolean    drill,
                         const char *author)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (title);
  incident->detected_at = g_strdup (detected_at);
  incident->drill = drill;
  incident->type = SONAE_INCIDENT_MALWARE;
  incident->level = level;
  incident->event = SONAE_EVENT_MALWARE;
  incident->answers.seen = SONAE_SEEN_RANSOM;
  g_assert_true (sonae_incidents_create (store, incident, NULL, author, &error));
  g_assert_no_error (error);
  g_assert_cmpint (incident->id, >, 0);
  return incident->id;
}

int
sonae_test_db_int (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
sonae_test_db_text (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
sonae_test_db_exec (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

void
sonae_test_db_assert_intact (const char *path)
{
  g_autofree char *check = sonae_test_db_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

guint
sonae_test_count_names (const char *dir,
                        const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

int
sonae_test_index_of (GPtrArray  *strings,
                     const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), string) == 0)
      return (int) i;
  return -1;
}

gboolean
sonae_test_use_japanese (void)
{
  const char *build_root = g_getenv ("SONAE_BUILD_ROOT");
  g_autofree char *localedir = NULL;

  g_assert_nonnull (build_root);
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL && setlocale (LC_ALL, "ja_JP.utf8") == NULL)
    return FALSE;
  localedir = g_build_filename (build_root, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* The interface files that name no domain are read in the default one,
   * as main() sets it. */
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

void
sonae_test_use_default_language (void)
{
  setlocale (LC_ALL, "");
}
