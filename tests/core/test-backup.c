#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sonae-backup.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

static gboolean
files_equal (const char *a,
             const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  gsize la, lb;

  if (!g_file_get_contents (a, &ca, &la, NULL) || !g_file_get_contents (b, &cb, &lb, NULL))
    return FALSE;
  return la == lb && memcmp (ca, cb, la) == 0;
}

static gboolean
files_equal_text (const char *path,
                  const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_str_equal (contents, text);
}

static void
test_backup_to_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *usb = sonae_test_make_dir ();
  g_autofree char *dest = g_build_filename (usb, "sonae-backup.db", NULL);
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "バックアップ 太郎", "ばっくあっぷ", "090-0000-0001");
  g_assert_true (sonae_backup_to_file (store, dest, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_backup_check_file (dest, &error));
  g_assert_no_error (error);
  /* One self-contained, private file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Not onto the database itself, not into a missing folder. */
  g_assert_false (sonae_backup_to_file (store, sonae_store_get_path (store), &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (usb, "no-such-stick", "x.db", NULL);
    g_assert_false (sonae_backup_to_file (store, missing, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_IO);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (usb);
}

static void
test_backup_auto_rotates (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  /* One a day for twenty days: the newest fourteen are kept. */
  for (int day = 1; day <= 20; day++)
    {
      g_autofree char *now = g_strdup_printf ("2026-10-%02dT08:00:00", day);
      g_autofree char *path = NULL;

      g_setenv ("SONAE_NOW", now, TRUE);
      path = sonae_backup_auto (store, &error);
      g_assert_no_error (error);
      g_assert_nonnull (path);
      /* At most once a day. */
      g_assert_null (sonae_backup_auto (store, &error));
      g_assert_no_error (error);
    }
  g_unsetenv ("SONAE_NOW");

  list = sonae_backup_list_auto (dir);
  g_assert_cmpuint (list->len, ==, SONAE_AUTO_BACKUPS_KEPT);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (list, 0), "sonae-2026-10-20.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (list, list->len - 1), "sonae-2026-10-07.db"));

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_restore_keeps_replaced (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *usb = sonae_test_make_dir ();
  g_autofree char *backup = g_build_filename (usb, "b.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *kept_copy = NULL;
  g_autoptr(GError) error = NULL;
  guint n_in_backup;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "残る 人", "のこる", "1");
  n_in_backup = sonae_contacts_count (store);
  g_assert_true (sonae_backup_to_file (store, backup, &error));

  /* Work goes on after the backup ... */
  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "後から 人", "あとから", "2");
  g_assert_cmpuint (sonae_contacts_count (store), ==, n_in_backup + 1);
  sonae_store_close (store);
  g_clear_object (&store);

  /* ... and the backup is put back; what it replaces is kept beside it. */
  g_assert_true (sonae_backup_restore (dir, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_contacts_count (store), ==, n_in_backup);
  g_clear_object (&store);

  /* The kept file still holds the newer data. */
  {
    g_autofree char *other = sonae_test_make_dir ();
    g_autofree char *other_db = g_build_filename (other, "sonae.db", NULL);
    g_autoptr(SonaeStore) old = NULL;

    kept_copy = g_strdup (kept);
    {
      g_autofree char *contents = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (kept, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (other_db, contents, len, NULL));
    }
    old = sonae_store_open (other, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sonae_contacts_count (old), ==, n_in_backup + 1);
    g_clear_object (&old);
    sonae_test_remove_dir (other);
  }

  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (usb);
}

static void
test_restore_refuses_bad_files (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *db_path = g_strdup (sonae_store_get_path (store));
  g_autofree char *work = sonae_test_make_dir ();
  g_autofree char *snapshot = g_build_filename (work, "before.db", NULL);
  g_autofree char *text = g_build_filename (work, "notes.txt", NULL);
  g_autofree char *newer = g_build_filename (work, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (work, "damaged.db", NULL);
  const char *bad[] = { text, newer, damaged, "/nonexistent/backup.db" };
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 200; i++)
    sonae_test_add_contact (store, SONAE_GROUP_STAFF, "大勢 の 人", "おおぜい", "1");
  g_assert_true (sonae_backup_to_file (store, newer, &error));
  g_assert_true (sonae_backup_to_file (store, damaged, &error));
  sonae_store_close (store);
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (text, "just some text", -1, NULL));
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close (db);
  }
  {
    g_autofree char *contents = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (damaged, &contents, &len, NULL));
    for (gsize i = 5000; i < len; i += 11)
      contents[i] ^= 0x5a;
    g_assert_true (g_file_set_contents (damaged, contents, len, NULL));
  }

  {
    g_autofree char *contents = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (db_path, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (snapshot, contents, len, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *kept = NULL;
      g_assert_false (sonae_backup_restore (dir, bad[i], &kept, &error));
      g_assert_nonnull (error);
      g_test_message ("%s: %s", bad[i], error->message);
      g_clear_error (&error);
      g_assert_null (kept);
      /* Nothing was touched. */
      g_assert_true (files_equal (db_path, snapshot));
    }

  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (work);
}

static void
test_newest_good_skips_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *newest = NULL;

  for (int i = 0; i < 200; i++)
    sonae_test_add_contact (store, SONAE_GROUP_STAFF, "人", "ひと", "1");

  g_setenv ("SONAE_NOW", "2026-11-01T08:00:00", TRUE);
  good = sonae_backup_auto (store, &error);
  g_setenv ("SONAE_NOW", "2026-11-02T08:00:00", TRUE);
  bad = sonae_backup_auto (store, &error);
  g_unsetenv ("SONAE_NOW");
  g_assert_no_error (error);

  {
    g_autofree char *contents = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (bad, &contents, &len, NULL));
    for (gsize i = 4200; i < len; i += 13)
      contents[i] ^= 0x33;
    g_assert_true (g_file_set_contents (bad, contents, len, NULL));
  }

  newest = sonae_backup_newest_good (dir);
  g_assert_cmpstr (newest, ==, good);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* In a shared folder, links planted where an earlier Sonae wrote its
 * temporary file (FILE.partial), and at FILE itself, are never followed:
 * the files they point to stay as they were. */
static void
test_backup_follows_no_link (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *shared = sonae_test_make_dir ();
  g_autofree char *victims = sonae_test_make_dir ();
  g_autofree char *victim = g_build_filename (victims, "passwd", NULL);
  g_autofree char *victim2 = g_build_filename (victims, "other", NULL);
  g_autofree char *dest = g_build_filename (shared, "b.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *planted[] = { "b.db.partial", "b.db.partial-journal" };
  GStatBuf st;

  g_chmod (shared, 01777);
  g_assert_true (g_file_set_contents (victim, "root:x:0:0", -1, NULL));
  g_assert_true (g_file_set_contents (victim2, "keep me", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *link = g_build_filename (shared, planted[i], NULL);
      g_assert_cmpint (symlink (victim, link), ==, 0);
    }

  g_assert_true (sonae_backup_to_file (store, dest, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_backup_check_file (dest, &error));
  g_assert_no_error (error);
  g_assert_true (files_equal_text (victim, "root:x:0:0"));

  /* FILE itself a link: the backup replaces the link, not what it names. */
  g_assert_cmpint (g_unlink (dest), ==, 0);
  g_assert_cmpint (symlink (victim2, dest), ==, 0);
  g_assert_true (sonae_backup_to_file (store, dest, &error));
  g_assert_no_error (error);
  g_assert_true (files_equal_text (victim2, "keep me"));
  g_assert_cmpint (g_lstat (dest, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));

  /* Nothing of ours is left in the shared folder but the backup. */
  {
    g_autoptr(GDir) d = g_dir_open (shared, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".sonae-tmp-"));
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (shared);
  sonae_test_remove_dir (victims);
}

/* Personal data: a backup is 0600 whatever the umask. */
static void
test_backup_private_under_any_umask (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *usb = sonae_test_make_dir ();
  const mode_t masks[] = { 0, 022, 077 };

  for (guint i = 0; i < G_N_ELEMENTS (masks); i++)
    {
      g_autofree char *dest = g_strdup_printf ("%s/b%u.db", usb, i);
      g_autoptr(GError) error = NULL;
      mode_t old = umask (masks[i]);
      GStatBuf st;

      g_assert_true (sonae_backup_to_file (store, dest, &error));
      umask (old);
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (dest, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  sonae_test_remove_dir (usb);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/to-file", test_backup_to_file);
  g_test_add_func ("/backup/auto-rotates", test_backup_auto_rotates);
  g_test_add_func ("/backup/restore-keeps-replaced", test_restore_keeps_replaced);
  g_test_add_func ("/backup/restore-refuses-bad-files", test_restore_refuses_bad_files);
  g_test_add_func ("/backup/newest-good-skips-damaged", test_newest_good_skips_damaged);
  g_test_add_func ("/backup/follows-no-link", test_backup_follows_no_link);
  g_test_add_func ("/backup/private-under-any-umask", test_backup_private_under_any_umask);

  return g_test_run ();
}
