/* The headless commands, run as a script or a clinic's backup job runs them:
 * the real `sonae` binary, with no display at all. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sonae-bcp.h"
#include "sonae-capa.h"
#include "sonae-contacts.h"
#include "sonae-data-lock.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-edits.h"
#include "sonae-mhlw.h"
#include "sonae-reminders.h"
#include "sonae-report-form.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Extra "NAME", "VALUE" pairs for the next runs (the fault shim), or NULL. */
static const char **extra_env;

static void
run_sonae (Run        *r,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("SONAE_BIN");
  va_list ap;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  /* No display of any kind. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "SONAE_DATA_DIR");
  env = g_environ_setenv (env, "G_DEBUG", "", TRUE);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);

  memset (r, 0, sizeof *r);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &r->status, &error);
  g_assert_no_error (error);
  g_test_message ("sonae %s → %d\n%s%s", first, r->status, r->out, r->err);
}

static gboolean
exited_ok (Run *r)
{
  return g_spawn_check_wait_status (r->status, NULL);
}

static gboolean
is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  return g_file_get_contents (path, &contents, &len, NULL) && len > 1000 &&
         memcmp (contents, "%PDF-", 5) == 0;
}

static guint
count_contacts (const char *dir)
{
  g_autoptr(SonaeStore) store = sonae_store_open (dir, NULL);

  return store ? sonae_contacts_count (store) : 0;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
test_cli_version (void)
{
  g_auto(Run) r;

  run_sonae (&r, "--version", NULL);
  g_assert_true (exited_ok (&r));
  g_assert_nonnull (strstr (r.out, PACKAGE_VERSION));
}

static void
test_cli_demo (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_auto(Run) r;
  g_auto(Run) again;
  guint n;

  run_sonae (&r, "--data-dir", data, "--demo", NULL);
  g_assert_true (exited_ok (&r));
  n = count_contacts (data);
  g_assert_cmpuint (n, >=, 25);

  /* A folder that already holds data is refused, and left as it was. */
  run_sonae (&again, "--data-dir", data, "--demo", NULL);
  g_assert_false (exited_ok (&again));
  g_assert_nonnull (strstr (again.err, data));
  g_assert_cmpuint (count_contacts (data), ==, n);

  sonae_test_remove_dir (dir);
}

/* --kind business makes the fictional business; a kind with no demo is
 * refused with a sentence naming the kinds, and no folder is made. */
static void
test_cli_demo_kinds (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *business = g_build_filename (dir, "business", NULL);
  g_autofree char *clinic = g_build_filename (dir, "clinic", NULL);
  const char *bad[] = { "hospital", "pharmacy", "shop", "" };
  g_auto(Run) r;
  g_auto(Run) c;
  g_auto(Run) lone;

  run_sonae (&r, "--data-dir", business, "--demo", "--kind", "business", NULL);
  g_assert_true (exited_ok (&r));
  g_assert_nonnull (strstr (r.out, "business"));
  g_assert_cmpuint (count_contacts (business), >=, 15);
  {
    g_autoptr(SonaeStore) store = sonae_store_open (business, NULL);
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);

    g_assert_cmpint (profile->kind, ==, SONAE_ORG_BUSINESS);
  }

  run_sonae (&c, "--data-dir", clinic, "--demo", "--kind", "clinic", NULL);
  g_assert_true (exited_ok (&c));
  {
    g_autoptr(SonaeStore) store = sonae_store_open (clinic, NULL);
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);

    g_assert_cmpint (profile->kind, ==, SONAE_ORG_CLINIC);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *data = g_build_filename (dir, "bad", NULL);
      g_auto(Run) b;

      run_sonae (&b, "--data-dir", data, "--demo", "--kind", bad[i], NULL);
      g_assert_false (exited_ok (&b));
      g_assert_nonnull (strstr (b.err, "--kind clinic or --kind business"));
      g_assert_false (g_file_test (data, G_FILE_TEST_EXISTS));
    }

  /* --kind alone is a mistake, said so. */
  run_sonae (&lone, "--data-dir", clinic, "--kind", "business", NULL);
  g_assert_false (exited_ok (&lone));
  g_assert_nonnull (strstr (lone.err, "--kind goes with --demo"));

  sonae_test_remove_dir (dir);
}

static void
test_cli_export_documents (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *roster = g_build_filename (dir, "roster.pdf", NULL);
  g_autofree char *calltree = g_build_filename (dir, "calltree.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "folder", "x.pdf", NULL);
  g_auto(Run) demo;
  g_auto(Run) r1;
  g_auto(Run) r2;
  g_auto(Run) bad_doc;
  g_auto(Run) no_output;
  g_auto(Run) bad_paper;
  g_auto(Run) bad_dir;
  g_auto(Run) list;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  g_assert_true (exited_ok (&demo));

  run_sonae (&r1, "--data-dir", data, "--export", "roster", "--output", roster, NULL);
  g_assert_true (exited_ok (&r1));
  g_assert_true (is_pdf (roster));

  run_sonae (&r2, "--data-dir", data, "--export", "calltree", "--output", calltree, "--paper", "a3", NULL);
  g_assert_true (exited_ok (&r2));
  g_assert_true (is_pdf (calltree));

  {
    g_autofree char *poster = g_build_filename (dir, "poster.pdf", NULL);
    g_auto(Run) rp;

    run_sonae (&rp, "--data-dir", data, "--export", "poster", "--output", poster, "--paper", "a3", NULL);
    g_assert_true (exited_ok (&rp));
    g_assert_true (is_pdf (poster));
  }
  {
    g_autofree char *manual = g_build_filename (dir, "manual.pdf", NULL);
    g_auto(Run) rm;

    run_sonae (&rm, "--data-dir", data, "--export", "manual", "--output", manual, NULL);
    g_assert_true (exited_ok (&rm));
    g_assert_true (is_pdf (manual));
  }

  run_sonae (&list, "--list-documents", NULL);
  g_assert_true (exited_ok (&list));
  g_assert_nonnull (strstr (list.out, "roster"));
  g_assert_nonnull (strstr (list.out, "calltree"));

  run_sonae (&bad_doc, "--data-dir", data, "--export", "nonsense", "--output", roster, NULL);
  g_assert_false (exited_ok (&bad_doc));
  g_assert_nonnull (strstr (bad_doc.err, "nonsense"));

  run_sonae (&no_output, "--data-dir", data, "--export", "roster", NULL);
  g_assert_false (exited_ok (&no_output));
  g_assert_nonnull (strstr (no_output.err, "--output"));

  run_sonae (&bad_paper, "--data-dir", data, "--export", "roster", "--output", roster, "--paper", "b5", NULL);
  g_assert_false (exited_ok (&bad_paper));

  run_sonae (&bad_dir, "--data-dir", data, "--export", "roster", "--output", nowhere, NULL);
  g_assert_false (exited_ok (&bad_dir));
  g_assert_cmpstr (bad_dir.err, !=, "");

  sonae_test_remove_dir (dir);
}

static void
test_cli_contacts_round_trip (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *other = g_build_filename (dir, "other", NULL);
  g_autofree char *vcf = g_build_filename (dir, "contacts.vcf", NULL);
  g_autofree char *csv = g_build_filename (dir, "contacts.csv", NULL);
  g_autofree char *txt = g_build_filename (dir, "contacts.txt", NULL);
  g_autofree char *corpus = sonae_test_corpus_path ("vcard/ez-vcard/John_Doe_IPHONE.vcf");
  g_auto(Run) demo;
  g_auto(Run) ev;
  g_auto(Run) ec;
  g_auto(Run) bad_ext;
  g_auto(Run) iv;
  g_auto(Run) ic;
  guint n;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  n = count_contacts (data);

  run_sonae (&ev, "--data-dir", data, "--export-contacts", vcf, NULL);
  g_assert_true (exited_ok (&ev));
  run_sonae (&ec, "--data-dir", data, "--export-contacts", csv, NULL);
  g_assert_true (exited_ok (&ec));
  {
    g_autofree char *contents = read_file (csv);
    g_assert_nonnull (contents);
    g_assert_true (memcmp (contents, "\xEF\xBB\xBF", 3) == 0); /* BOM for Excel */
  }
  run_sonae (&bad_ext, "--data-dir", data, "--export-contacts", txt, NULL);
  g_assert_false (exited_ok (&bad_ext));

  /* Our own export gives back the same roster. */
  run_sonae (&iv, "--data-dir", other, "--import-contacts", vcf, NULL);
  g_assert_true (exited_ok (&iv));
  g_assert_nonnull (strstr (iv.out, "added"));
  g_assert_cmpuint (count_contacts (other), ==, n);

  /* Importing it again adds nothing. */
  run_sonae (&ic, "--data-dir", other, "--import-contacts", csv, NULL);
  g_assert_true (exited_ok (&ic));
  g_assert_cmpuint (count_contacts (other), ==, n);

  if (corpus != NULL)
    {
      g_auto(Run) phone;
      run_sonae (&phone, "--data-dir", other, "--import-contacts", corpus, "--group", "vendor", NULL);
      g_assert_true (exited_ok (&phone));
      g_assert_cmpuint (count_contacts (other), ==, n + 1);
    }

  sonae_test_remove_dir (dir);
}

static void
test_cli_import_refuses_bad_files (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *db = g_build_filename (data, "sonae.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.vcf", NULL);
  g_autofree char *quote = g_build_filename (dir, "quote.csv", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.vcf", NULL);
  g_autofree char *before = NULL;
  const char *files[] = { truncated, quote, binary };
  g_auto(Run) demo;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  g_assert_true (g_file_set_contents (truncated, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:途中 で 切れた\r\nTEL:090-0000-0000\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (quote, "名前,電話番号\r\n\"閉じない引用,090-0000-0000\r\n山田,03-0000-0000\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (binary, "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\xff\xfe\x00\x01", 17, NULL));
  before = read_file (db);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(Run) r;
      g_autofree char *after = NULL;

      run_sonae (&r, "--data-dir", data, "--import-contacts", files[i], NULL);
      g_assert_false (exited_ok (&r));
      g_assert_cmpstr (r.err, !=, "");
      after = read_file (db);
      g_assert_true (before != NULL && after != NULL && strcmp (before, after) == 0);
    }

  sonae_test_remove_dir (dir);
}

static void
test_cli_backup_restore (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *backup = g_build_filename (dir, "usb-backup.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_auto(Run) demo;
  g_auto(Run) b;
  g_auto(Run) r;
  g_auto(Run) bad;
  guint n;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  n = count_contacts (data);

  run_sonae (&b, "--data-dir", data, "--backup", backup, NULL);
  g_assert_true (exited_ok (&b));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  {
    g_autoptr(SonaeStore) store = sonae_store_open (data, NULL);
    sonae_test_add_contact (store, SONAE_GROUP_STAFF, "後から 追加", "あとから", "1");
  }
  g_assert_cmpuint (count_contacts (data), ==, n + 1);

  run_sonae (&r, "--data-dir", data, "--restore", backup, NULL);
  g_assert_true (exited_ok (&r));
  g_assert_nonnull (strstr (r.out, "sonae-replaced-"));
  g_assert_cmpuint (count_contacts (data), ==, n);

  g_assert_true (g_file_set_contents (garbage, "SQLite format 3\0 but then nothing useful at all", 48, NULL));
  run_sonae (&bad, "--data-dir", data, "--restore", garbage, NULL);
  g_assert_false (exited_ok (&bad));
  g_assert_cmpuint (count_contacts (data), ==, n);

  sonae_test_remove_dir (dir);
}

static void
test_cli_damaged_database (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *db = g_build_filename (data, "sonae.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize len, len_after;
  g_auto(Run) demo;
  g_auto(Run) r;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  g_assert_true (g_file_get_contents (db, &contents, &len, NULL));
  for (gsize i = 4096 + 64; i < len; i += 5)
    contents[i] = (char) ~contents[i];
  g_assert_true (g_file_set_contents (db, contents, len, NULL));

  run_sonae (&r, "--data-dir", data, "--export", "roster", "--output", pdf, NULL);
  g_assert_false (exited_ok (&r));
  g_assert_nonnull (strstr (r.err, "damaged"));
  g_assert_true (g_file_get_contents (db, &after, &len_after, NULL));
  g_assert_cmpuint (len, ==, len_after);
  g_assert_true (memcmp (contents, after, len) == 0);

  sonae_test_remove_dir (dir);
}

/* The incident documents and the incident list, on the demo's drill. */
static void
test_cli_incidents (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *checklist = g_build_filename (dir, "checklist.pdf", NULL);
  g_autofree char *blank = g_build_filename (dir, "blank.pdf", NULL);
  g_autofree char *timeline = g_build_filename (dir, "timeline.pdf", NULL);
  g_autofree char *logsheet = g_build_filename (dir, "logsheet.pdf", NULL);
  g_autofree char *number = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) line_re = g_regex_new ("^(\\d{4}-\\d{3}) +(\\[drill\\] +)?\\S.*$", 0, 0, NULL);
  g_auto(Run) demo;
  g_auto(Run) list;
  g_auto(Run) none;
  g_auto(Run) docs;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  g_assert_true (exited_ok (&demo));

  /* One incident a line, its number first; the demo's drill is marked. */
  run_sonae (&list, "--data-dir", data, "--list-incidents", NULL);
  g_assert_true (exited_ok (&list));
  lines = g_strsplit (g_strchomp (list.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_regex_match (line_re, lines[i], 0, &match))
        g_error ("not an incident line: “%s”", lines[i]);
      if (number == NULL && strstr (lines[i], "[drill]") != NULL)
        number = g_match_info_fetch (match, 1);
    }
  g_assert_nonnull (number);

  /* An empty data folder lists nothing, and that is no error. */
  run_sonae (&none, "--data-dir", empty, "--list-incidents", NULL);
  g_assert_true (exited_ok (&none));
  g_assert_cmpstr (none.out, ==, "");

  run_sonae (&docs, "--list-documents", NULL);
  g_assert_nonnull (strstr (docs.out, "checklist"));
  g_assert_nonnull (strstr (docs.out, "timeline"));
  g_assert_nonnull (strstr (docs.out, "logsheet"));

  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "checklist", "--incident", number, "--output", checklist, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (checklist));
  }
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "timeline", "--incident", number, "--output", timeline, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (timeline));
  }
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "checklist", "--output", blank, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (blank));
  }
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "logsheet", "--output", logsheet, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (logsheet));
  }

  /* The timeline needs an incident, and says how to give one. */
  {
    g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "timeline", "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--incident"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  /* A document about no incident refuses one. */
  {
    g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "roster", "--incident", number, "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--incident"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  /* An incident that does not exist. */
  {
    g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "checklist", "--incident", "2099-999", "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "2099-999"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  /* --incident alone is not a command. */
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--incident", number, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--export"));
  }

  sonae_test_remove_dir (dir);
}

/* Reminders: what the service says is due, one a line, most urgent first. */
static void
assert_reminders_printed (const char *data,
                          const char *out)
{
  g_autoptr(SonaeStore) store = sonae_store_open (data, NULL);
  g_autoptr(GPtrArray) reminders = NULL;
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_nonnull (store);
  reminders = sonae_reminders_collect (store, NULL);
  g_assert_nonnull (reminders);
  g_assert_cmpuint (reminders->len, >, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, reminders->len + 1);
  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      g_assert_nonnull (strstr (lines[i], r->title));
      g_assert_true ((strstr (lines[i], "[overdue]") != NULL) == (r->urgency == SONAE_URGENCY_OVERDUE));
    }
}

static void
test_cli_check_reminders_demo (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_auto(Run) demo;
  g_auto(Run) r;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  g_assert_true (exited_ok (&demo));

  /* The demo clinic keeps its incident kit in order: a few contacts to
   * confirm, the bundled authorities to check, no deadline (its only
   * incident is a drill). What is overdue is the upkeep of its BCP: a
   * restore test, a measure, a risk to review. */
  run_sonae (&r, "--data-dir", data, "--check-reminders", NULL);
  g_assert_true (exited_ok (&r));
  g_assert_nonnull (strstr (r.out, "Confirm the details of"));
  g_assert_nonnull (strstr (r.out, "bundled contacts before relying on them"));
  g_assert_nonnull (strstr (r.out, "[overdue]"));
  g_assert_null (strstr (r.out, "PPC"));
  assert_reminders_printed (data, r.out);
  {
    g_autoptr(SonaeStore) store = sonae_store_open (data, NULL);
    g_autoptr(GPtrArray) reminders = sonae_reminders_collect (store, NULL);

    g_assert_nonnull (reminders);
    for (guint i = 0; i < reminders->len; i++)
      {
        SonaeReminder *rem = g_ptr_array_index (reminders, i);

        if (rem->urgency == SONAE_URGENCY_OVERDUE)
          g_assert_true (rem->kind == SONAE_REMINDER_BCP_MEASURE ||
                         rem->kind == SONAE_REMINDER_RESTORE_TEST ||
                         rem->kind == SONAE_REMINDER_RISK_REVIEW);
      }
  }

  /* --notify alone is not a command. */
  {
    g_auto(Run) bad;

    run_sonae (&bad, "--data-dir", data, "--notify", NULL);
    g_assert_false (exited_ok (&bad));
    g_assert_nonnull (strstr (bad.err, "--check-reminders"));
  }

  sonae_test_remove_dir (dir);
}

static void
test_cli_check_reminders_notify (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autoptr(SonaeStore) store = sonae_store_open (dir, NULL);
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(SonaeCapa) action = sonae_capa_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

  g_assert_nonnull (store);

  /* A real incident with a corrective action due yesterday. */
  incident->title = g_strdup ("受付PCが動かない");
  incident->type = SONAE_INCIDENT_MALWARE;
  incident->level = 1;
  incident->event = SONAE_EVENT_UNAVAILABLE;
  incident->answers.seen = SONAE_SEEN_SYSTEM_DOWN;
  incident->answers.personal_data = SONAE_ANSWER_NO;
  g_assert_true (sonae_incidents_create (store, incident, NULL, "佐藤 由美", &error));
  g_assert_no_error (error);
  action->incident_id = incident->id;
  action->kind = SONAE_CAPA_CORRECTIVE;
  action->text = g_strdup ("バックアップの復元を試す");
  action->due_on = g_date_time_format (then, "%Y-%m-%d");
  g_assert_true (sonae_capa_save (store, action, "佐藤 由美", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  {
    g_auto(Run) r;
    g_auto(GStrv) lines = NULL;

    run_sonae (&r, "--data-dir", dir, "--check-reminders", NULL);
    g_assert_true (exited_ok (&r));
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_nonnull (strstr (lines[0], "[overdue]"));
    g_assert_nonnull (strstr (lines[0], "バックアップの復元を試す"));
    g_assert_nonnull (strstr (lines[0], "was due 1 day ago"));
    assert_reminders_printed (dir, r.out);
  }

  /* No notification service: everything is still printed, a line on
   * stderr says why there was no notification, and it is a success. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", dir, "--check-reminders", "--notify", NULL);
    g_assert_true (exited_ok (&r));
    g_assert_nonnull (strstr (r.out, "[overdue]"));
    assert_reminders_printed (dir, r.out);
    g_assert_nonnull (strstr (r.err, "notifications could not be shown"));
    g_assert_null (strstr (r.err, "WARNING"));
    g_assert_null (strstr (r.err, "CRITICAL"));
  }
  if (old_bus != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", old_bus, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  sonae_test_remove_dir (dir);
}

static gint64
add_incident (SonaeStore        *store,
              const char        *title,
              SonaeIncidentType  type,
              SonaeEventType     event,
              SonaeTriageSeen    seen,
              SonaeTriageAnswer  personal_data)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (title);
  incident->detected_at = g_strdup ("2026-12-01T09:00:00");
  incident->type = type;
  incident->level = 3;
  incident->event = event;
  incident->answers.seen = seen;
  incident->answers.personal_data = personal_data;
  incident->answers.impact = SONAE_IMPACT_OUTSIDE;
  g_assert_true (sonae_incidents_create (store, incident, NULL, "山田 太郎", &error));
  g_assert_no_error (error);
  return incident->id;
}

/* Each body by its condition, as --check-reminders prints it: a level-3
 * disk failure with no leak and no crime asks nothing of the police or the
 * PPC; a ransomware leak names each body, the PPC's reports (the
 * preliminary one promptly) and the persons' notice. */
static void
test_cli_check_reminders_conditions (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autoptr(SonaeStore) store = NULL;
  g_auto(Run) r;
  g_auto(GStrv) lines = NULL;
  const char *expected[] = {
    "Send the preliminary report to the PPC for 2026-002 now: it is due promptly, and the guide of about 3 to 5 days ends on 2026-12-05.",
    "2026-002: notify the persons whose data is concerned, promptly.",
    "2026-002 is not yet reported to “Prefectural police cyber-crime desk”.",
    "2026-002 is not yet reported to “Ministry of Health, Labour and Welfare: contact after a cyber attack”.",
    "2026-002 is not yet reported to “JPCERT/CC incident report”.",
    "2026-002 is not yet reported to “IPA: reports of viruses, unauthorised access and software vulnerabilities”.",
    "Decide whether 2026-001 must be reported to “Local authority overseeing medical institutions”.",
    "2026-002 is not yet reported to “Local authority overseeing medical institutions”.",
    "The final report to the PPC for 2026-002 is due in 58 days (2027-01-29).",
  };

  g_setenv ("SONAE_NOW", "2026-12-02T10:00:00", TRUE);
  store = sonae_store_open (dir, NULL);
  g_assert_nonnull (store);
  add_incident (store, "サーバーのディスク故障", SONAE_INCIDENT_TAMPER, SONAE_EVENT_UNAVAILABLE,
                SONAE_SEEN_SYSTEM_DOWN, SONAE_ANSWER_NO);
  add_incident (store, "受付PCに脅迫文", SONAE_INCIDENT_MALWARE, SONAE_EVENT_MALWARE, SONAE_SEEN_RANSOM,
                SONAE_ANSWER_YES);
  g_clear_object (&store);

  run_sonae (&r, "--data-dir", dir, "--check-reminders", NULL);
  g_assert_true (exited_ok (&r));
  assert_reminders_printed (dir, r.out);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (strstr (r.out, expected[i]));
  /* The disk failure: only the local authority, to decide. */
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "2026-001") != NULL)
      g_assert_nonnull (strstr (lines[i], "Decide whether 2026-001 must be reported to “Local authority overseeing medical institutions”."));
  /* Nothing names day 3 (2026-12-03) as a date to wait for. */
  g_assert_null (strstr (r.out, "2026-12-03"));

  g_unsetenv ("SONAE_NOW");
  sonae_test_remove_dir (dir);
}

static void
test_cli_check_reminders_nothing (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autoptr(SonaeStore) store = sonae_store_open (dir, NULL);
  g_autoptr(GPtrArray) contacts = NULL;
  guint n_roles;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  gint64 id;
  g_auto(Run) r;

  /* Every role held, every contact confirmed, the manual reviewed. */
  g_assert_nonnull (store);
  id = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  for (guint i = 0; i < n_roles; i++)
    g_assert_true (sonae_contacts_set_role_holders (store, roles[i].key, &id, 1, NULL));
  contacts = sonae_contacts_list (store, -1, NULL);
  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);

      c->needs_check = FALSE;
      /* An office to call whose number depends on where one is: entered. */
      if (c->phones->len == 0)
        g_ptr_array_add (c->phones, sonae_labeled_new ("work", "03-0000-0000"));
      g_assert_true (sonae_contacts_save (store, c, NULL));
      g_assert_true (sonae_contacts_mark_verified (store, c->id, NULL, NULL));
    }
  g_assert_true (sonae_manual_edits_mark_reviewed (store, NULL, "山田 太郎", NULL));
  /* A drill held and the BCP reviewed today: neither is due. */
  {
    g_autoptr(SonaeBcpDrill) drill = sonae_bcp_drill_new ();
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();

    drill->held_on = g_date_time_format (today, "%Y-%m-%d");
    drill->scenario = g_strdup ("電子カルテが止まったときの紙運用");
    g_assert_true (sonae_bcp_save_drill (store, drill, NULL));
    g_assert_true (sonae_bcp_mark_reviewed (store, NULL, "山田 太郎", NULL));
  }
  /* The MHLW checklist gone through today. */
  {
    guint n_items;
    const SonaeMhlwItemInfo *items = sonae_mhlw_items_get (&n_items);

    for (guint i = 0; i < n_items; i++)
      g_assert_true (sonae_mhlw_set_answer (store, items[i].key, SONAE_BCP_YES, NULL, NULL, 0, NULL));
  }
  g_clear_object (&store);

  run_sonae (&r, "--data-dir", dir, "--check-reminders", "--notify", NULL);
  g_assert_true (exited_ok (&r));
  g_assert_cmpstr (r.out, ==, "Nothing is due.\n");

  sonae_test_remove_dir (dir);
}

/* The text of a PDF as poppler's pdftotext reads it, whitespace removed;
 * NULL when pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  GString *squeezed;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  squeezed = g_string_new (NULL);
  for (const char *p = out; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  return g_string_free (squeezed, FALSE);
}

static void
assert_pdf_says (const char *text,
                 const char *what)
{
  GString *squeezed = g_string_new (NULL);

  if (text == NULL)
    {
      g_test_message ("pdftotext is not installed: not reading back “%s”", what);
      g_string_free (squeezed, TRUE);
      return;
    }
  for (const char *p = what; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  if (strstr (text, squeezed->str) == NULL)
    g_error ("“%s” is not in the PDF: %s", what, text);
  g_string_free (squeezed, TRUE);
}

/* The reporting documents: the incident report, the PPC draft and the
 * year's register, and the mistakes a person can make asking for them. */
static void
test_cli_reporting_docs (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *draft = g_build_filename (dir, "ppc-draft.pdf", NULL);
  g_autofree char *reg = g_build_filename (dir, "register.pdf", NULL);
  g_autofree char *reg_old = g_build_filename (dir, "register-2025.pdf", NULL);
  g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);
  g_autofree char *place = NULL;
  g_autofree char *item9 = NULL;
  g_autofree char *number = NULL;
  g_auto(Run) demo;
  g_auto(Run) docs;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  g_assert_true (exited_ok (&demo));
  {
    g_autoptr(SonaeStore) store = sonae_store_open (data, NULL);
    g_autoptr(SonaeIncident) drill = NULL;
    g_autoptr(SonaeReport) r = NULL;
    g_autoptr(SonaePpcDraft) d = NULL;

    g_assert_nonnull (store);
    drill = sonae_incidents_find (store, "2026-001", NULL);
    g_assert_nonnull (drill);
    g_assert_true (drill->drill);
    number = g_strdup (drill->number);
    r = sonae_report_load (store, drill->id, NULL);
    g_assert_nonnull (r);
    g_assert_nonnull (sonae_report_get (r, SONAE_REPORT_PLACE));
    place = g_strdup (sonae_report_get (r, SONAE_REPORT_PLACE));
    d = sonae_ppc_get_draft (store, drill->id, NULL);
    g_assert_nonnull (d);
    item9 = g_strdup_printf ("9. %s", d->items[8].title);
  }

  run_sonae (&docs, "--list-documents", NULL);
  g_assert_nonnull (strstr (docs.out, "report"));
  g_assert_nonnull (strstr (docs.out, "ppc-draft"));
  g_assert_nonnull (strstr (docs.out, "register"));

  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "report", "--incident", number, "--output", report, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (report));
    text = pdf_text (report);
    assert_pdf_says (text, "Incident Report");
    assert_pdf_says (text, place);
    assert_pdf_says (text, "DRILL");
  }
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "ppc-draft", "--incident", number, "--output", draft, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (draft));
    text = pdf_text (draft);
    assert_pdf_says (text, "PPC Report Draft");
    assert_pdf_says (text, item9);
  }
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "register", "--year", "2026", "--output", reg, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (reg));
    text = pdf_text (reg);
    assert_pdf_says (text, "Incidents detected in 2026");
    assert_pdf_says (text, number);
    assert_pdf_says (text, "DRILL");
  }
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "register", "--year", "2025", "--output", reg_old, NULL);
    g_assert_true (exited_ok (&r));
    text = pdf_text (reg_old);
    assert_pdf_says (text, "No incident was recorded in 2025.");
    if (text != NULL)
      g_assert_null (strstr (text, number));
  }

  /* The timeline is about one incident, and says how to give it. */
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "timeline", "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--incident"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  /* A year only with the register. */
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "roster", "--year", "2026", "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--year"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "report", "--incident", number, "--year", "2026",
               "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--year"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  /* A year that is not one. */
  for (const char *const *bad = (const char *const[]) { "20x6", "12", "-2026", "99999", "", NULL }; *bad; bad++)
    {
      g_auto(Run) r;

      run_sonae (&r, "--data-dir", data, "--export", "register", "--year", *bad, "--output", nothing, NULL);
      g_assert_false (exited_ok (&r));
      g_assert_nonnull (strstr (r.err, "year"));
      g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
    }
  /* --year alone is not a command. */
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--year", "2026", NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--export register"));
  }

  sonae_test_remove_dir (dir);
}

/* The blank forms and the sheets to put up, from a data folder nobody has
 * set up (no incident, no roster), in English and in Japanese: the report
 * and the PPC sheet without --incident, the PPC's rules, the “Do not use”
 * sign and the notice for the desk. */
static void
test_cli_blank_forms (void)
{
  static const struct {
    const char *name;
    const char *english[3];
    const char *japanese[3];
  } forms[] = {
    { "report", { "Incident Report", "(corrective action)", "Reporting route" },
      { "セキュリティ事故報告書", "（是正処置）", "報告経路" } },
    { "ppc-draft", { "PPC Report Draft", "Must it be reported?", "9. Other" },
      { "個人情報保護委員会への報告（下書き）", "報告が必要か", "9.その他" } },
    { "ppc-rules", { "PPC Reporting Rules", "Follow this with a pen", "My Number" },
      { "個人情報の漏えい等の報告ルール", "ペンでたどって判定します", "マイナンバー" } },
    { "do-not-use", { "DO NOT USE", "Do not switch it off", "Do not unplug the power" },
      { "使用禁止", "電源を切らないでください", "電源プラグを抜かないでください" } },
    { "desk-notice", { "To our patients", "on paper", "thank you for your patience" },
      { "患者の皆さまへ", "紙での記録により", "ご迷惑をおかけいたしますが" } },
  };
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "empty", NULL);
  const char *japanese_env[] = { "LC_ALL", "ja_JP.UTF-8", "LANGUAGE", "ja", NULL };
  gboolean have_japanese = setlocale (LC_ALL, "ja_JP.UTF-8") != NULL;

  setlocale (LC_ALL, "");
  for (guint language = 0; language < 2; language++)
    {
      if (language == 1 && !have_japanese)
        {
          g_test_message ("no ja_JP.UTF-8 locale: English only");
          break;
        }
      extra_env = language == 1 ? japanese_env : NULL;
      for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
        {
          g_autofree char *file = g_strdup_printf ("%s-%u.pdf", forms[i].name, language);
          g_autofree char *path = g_build_filename (dir, file, NULL);
          g_autofree char *text = NULL;
          const char *const *words = language == 1 ? forms[i].japanese : forms[i].english;
          g_auto(Run) r;

          run_sonae (&r, "--data-dir", data, "--export", forms[i].name, "--output", path, NULL);
          g_assert_true (exited_ok (&r));
          g_assert_true (is_pdf (path));
          text = pdf_text (path);
          for (guint w = 0; w < G_N_ELEMENTS (forms[i].english); w++)
            assert_pdf_says (text, words[w]);
        }
    }
  extra_env = NULL;

  /* Nothing was recorded: the form is blank, not some incident's. */
  {
    g_autoptr(SonaeStore) store = sonae_store_open (data, NULL);
    const SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
    g_autoptr(GPtrArray) incidents = NULL;

    g_assert_nonnull (store);
    incidents = sonae_incidents_list (store, &all, NULL);
    g_assert_nonnull (incidents);
    g_assert_cmpuint (incidents->len, ==, 0);
  }
  /* They are listed, and take --incident where an incident's version exists. */
  {
    g_auto(Run) r;
    g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);

    run_sonae (&r, "--list-documents", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      g_assert_nonnull (strstr (r.out, forms[i].name));
    run_clear (&r);
    run_sonae (&r, "--data-dir", data, "--export", "ppc-rules", "--incident", "2026-001", "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--incident"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }

  sonae_test_remove_dir (dir);
}

/* The pages of a PDF as cairo writes them: one “/Type /Page” object each. */
static guint
pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint n = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return 0;
  /* The file holds binary streams: memcmp, not strstr. */
  for (gsize i = 0; i + 12 <= len; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      n++;
  return n;
}

/* The BCP worksheets and the outage cards: every card, one system's card
 * by name, and the mistakes a person can make asking for them. */
static void
test_cli_bcp_docs (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *bcp = g_build_filename (dir, "bcp.pdf", NULL);
  g_autofree char *cards = g_build_filename (dir, "cards.pdf", NULL);
  g_autofree char *card = g_build_filename (dir, "card.pdf", NULL);
  g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeStore) store = sonae_store_open (data, &error);
    g_autoptr(SonaeContact) vendor = sonae_contact_new ();
    const char *names[] = { "電子カルテ", "受付・会計システム" };

    g_assert_no_error (error);
    vendor->group = SONAE_GROUP_VENDOR;
    vendor->name = g_strdup ("メディシス株式会社");
    sonae_contact_add_phone (vendor, "work", "0120-555-777");
    g_assert_true (sonae_contacts_save (store, vendor, &error));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(SonaeBcpSystem) s = sonae_bcp_system_new ();

        s->name = g_strdup (names[i]);
        s->recovery_order = (int) i + 1;
        s->vendor_id = vendor->id;
        s->contract_no = g_strdup_printf ("MS-%u", 100 + i);
        s->fallback = g_strdup_printf ("紙運用%u", i + 1);
        g_assert_true (sonae_bcp_save_system (store, s, &error));
        g_assert_no_error (error);
      }
  }

  {
    g_auto(Run) r;

    run_sonae (&r, "--list-documents", NULL);
    g_assert_nonnull (strstr (r.out, "bcp"));
    g_assert_nonnull (strstr (r.out, "outage-card"));
  }
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "bcp", "--output", bcp, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (bcp));
    text = pdf_text (bcp);
    assert_pdf_says (text, "BCP Worksheets");
    assert_pdf_says (text, "Systems and recovery priority");
    assert_pdf_says (text, "受付・会計システム");
    assert_pdf_says (text, "MS-101");
  }
  /* Without --system: every system's card, one a page, in recovery order. */
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "outage-card", "--output", cards, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_cmpuint (pdf_pages (cards), ==, 2);
    text = pdf_text (cards);
    assert_pdf_says (text, "When “電子カルテ” is not working");
    assert_pdf_says (text, "When “受付・会計システム” is not working");
    if (text != NULL)
      g_assert_cmpint (strstr (text, "MS-100") - text, <, strstr (text, "MS-101") - text);
  }
  /* One system, by its name (case and spaces around it do not matter). */
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "outage-card", "--system", " 受付・会計システム ",
               "--output", card, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_cmpuint (pdf_pages (card), ==, 1);
    text = pdf_text (card);
    assert_pdf_says (text, "0120-555-777");
    assert_pdf_says (text, "MS-101");
    assert_pdf_says (text, "紙運用2");
    if (text != NULL)
      g_assert_null (strstr (text, "MS-100"));
  }
  /* A system that is not in the plan. */
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "outage-card", "--system", "レセコン",
               "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "レセコン"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  /* A document about no system refuses one. */
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "bcp", "--system", "電子カルテ", "--output", nothing, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--system"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
  /* --system alone is not a command. */
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--system", "電子カルテ", NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "--export outage-card"));
  }

  sonae_test_remove_dir (dir);
}

/* On a full disk every command says so in its own words, never "damaged";
 * reading, exporting and backing up to another disk still work; nothing
 * is changed. */
static void
test_cli_full_disk (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *db = g_build_filename (data, "sonae.db", NULL);
  g_autofree char *usb = g_build_filename (dir, "usb", NULL);
  g_autofree char *pdf = g_build_filename (usb, "poster.pdf", NULL);
  g_autofree char *pdf_on_full = g_build_filename (data, "poster.pdf", NULL);
  g_autofree char *backup = g_build_filename (usb, "b.db", NULL);
  g_autofree char *vcf = g_build_filename (usb, "roster.vcf", NULL);
  g_autofree char *in = g_build_filename (dir, "in.vcf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  const char *full[] = {
    "LD_PRELOAD", g_getenv ("SONAE_FAULT_SHIM"),
    "SONAE_FAULT_DIR", data,
    "SONAE_FAULT_FULL_AFTER", "0",
    NULL,
  };
  struct {
    const char *what;
    const char *args[6];
    gboolean works;
  } cases[] = {
    { "list the incidents", { "--list-incidents" }, TRUE },
    { "check the reminders", { "--check-reminders" }, TRUE },
    { "export the poster to another disk", { "--export", "poster", "--output", pdf }, TRUE },
    { "back up to another disk", { "--backup", backup }, TRUE },
    { "export the roster to another disk", { "--export-contacts", vcf }, TRUE },
    { "import contacts", { "--import-contacts", in }, FALSE },
    { "export the poster to the full disk", { "--export", "poster", "--output", pdf_on_full }, FALSE },
  };
  g_auto(Run) demo;

  if (g_getenv ("SONAE_FAULT_SHIM") == NULL)
    {
      g_test_skip ("the fault shim is not built (a sanitizer build)");
      return;
    }

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  g_assert_true (exited_ok (&demo));
  g_mkdir (usb, 0700);
  g_assert_true (g_file_set_contents (in, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:満杯 の日\r\nTEL:03-0000-0000\r\nEND:VCARD\r\n", -1, NULL));
  g_assert_true (g_file_get_contents (db, &before, &len_before, NULL));

  extra_env = full;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r;

      run_sonae (&r, "--data-dir", data, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3], NULL);
      if (cases[i].works && !exited_ok (&r))
        g_error ("on a full disk, could not %s: %s", cases[i].what, r.err);
      if (!cases[i].works)
        {
          g_assert_false (exited_ok (&r));
          if (strstr (r.err, "The disk is full") == NULL)
            g_error ("on a full disk, %s said: %s", cases[i].what, r.err);
        }
      g_assert_null (strstr (r.err, "damaged"));
    }
  extra_env = NULL;

  g_assert_true (is_pdf (pdf));
  g_assert_false (g_file_test (pdf_on_full, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (db, &after, &len_after, NULL));
  g_assert_cmpuint (len_before, ==, len_after);
  g_assert_true (memcmp (before, after, len_after) == 0);
  sonae_test_remove_dir (dir);
}

/* A restore (or an import) while the window is open is refused, naming the
 * window; the window's data stays as it is; reading goes on. */
static void
test_cli_refused_while_window_open (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *backup = g_build_filename (dir, "b.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "p.pdf", NULL);
  g_auto(Run) demo;
  g_auto(Run) b;
  g_auto(Run) r;
  g_auto(Run) e;
  int fds[2];
  pid_t window;
  char c;

  run_sonae (&demo, "--data-dir", data, "--demo", NULL);
  run_sonae (&b, "--data-dir", data, "--backup", backup, NULL);
  g_assert_true (exited_ok (&b));

  /* The window: the writer's lock, held as the application holds it. */
  g_assert_cmpint (pipe (fds), ==, 0);
  window = fork ();
  g_assert_cmpint (window, >=, 0);
  if (window == 0)
    {
      g_autoptr(SonaeDataLock) lock = sonae_data_lock_new (data, TRUE, NULL);
      g_autoptr(SonaeStore) store = NULL;

      if (lock == NULL || !sonae_data_lock_take_writer (lock, SONAE_DATA_LOCK_WINDOW, NULL) ||
          (store = sonae_store_open_with_lock (lock, NULL)) == NULL || write (fds[1], "x", 1) != 1)
        _exit (3);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);

  run_sonae (&r, "--data-dir", data, "--restore", backup, NULL);
  g_assert_false (exited_ok (&r));
  g_assert_nonnull (strstr (r.err, "window"));
  g_assert_nonnull (strstr (r.err, "Nothing was restored"));

  run_sonae (&e, "--data-dir", data, "--export", "poster", "--output", pdf, NULL);
  g_assert_true (exited_ok (&e));
  g_assert_true (is_pdf (pdf));

  kill (window, SIGKILL);
  waitpid (window, NULL, 0);
  sonae_test_remove_dir (dir);
}

/* An entry with nothing to keep is named with its line, and the rest of
 * the file imported. */
static void
test_cli_import_names_left_out (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *vcf = g_build_filename (dir, "phone.vcf", NULL);
  g_auto(Run) r;

  g_assert_true (g_file_set_contents (vcf,
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:残す 人\r\nTEL:03-1111-2222\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nX-CUSTOM:only this\r\nEND:VCARD\r\n", -1, NULL));
  run_sonae (&r, "--data-dir", data, "--import-contacts", vcf, NULL);
  g_assert_true (exited_ok (&r));
  g_assert_nonnull (strstr (r.out, "1 added"));
  g_assert_nonnull (strstr (r.out, "Line 6: This entry"));
  sonae_test_remove_dir (dir);
}

/* The MHLW checklist from the command line: a clinic exports it and is
 * reminded of it from May 1; a business is told why there is none, and
 * is not reminded. */
static void
test_cli_mhlw_checklist (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *pdf = g_build_filename (dir, "mhlw.pdf", NULL);
  g_autofree char *refused = g_build_filename (dir, "refused.pdf", NULL);
  static const char *env[] = { "SONAE_NOW", "2026-05-07T09:00:00", NULL };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeStore) store = sonae_store_open (data, &error);

    g_assert_no_error (error);
    g_assert_true (sonae_mhlw_set_answer (store, "2-4-2", SONAE_BCP_NO, "2026-05-01", "2026-09-30", 0, &error));
    g_assert_no_error (error);
  }
  extra_env = env;
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", data, "--export", "mhlw-checklist", "--output", pdf, NULL);
    g_assert_true (exited_ok (&r));
    g_assert_true (is_pdf (pdf));
    text = pdf_text (pdf);
    assert_pdf_says (text, "MHLW Cyber-Security Checklist");
    assert_pdf_says (text, "2026-09-30");
    assert_pdf_says (text, "R7-4");
  }
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--check-reminders", NULL);
    g_assert_true (exited_ok (&r));
    g_assert_nonnull (strstr (r.out, "Go through the MHLW cyber-security checklist for FY2026 (Reiwa 8)"));
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeStore) store = sonae_store_open (data, &error);
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);

    profile->kind = SONAE_ORG_BUSINESS;
    g_assert_true (sonae_store_set_profile (store, profile, &error));
    g_assert_no_error (error);
  }
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--export", "mhlw-checklist", "--output", refused, NULL);
    g_assert_false (exited_ok (&r));
    g_assert_nonnull (strstr (r.err, "for clinics and hospitals"));
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r;

    run_sonae (&r, "--data-dir", data, "--check-reminders", NULL);
    g_assert_true (exited_ok (&r));
    g_assert_null (strstr (r.out, "MHLW"));
  }
  extra_env = NULL;
  sonae_test_remove_dir (dir);
}

/* The command line's exports write dates as Preferences say: in Japanese
 * 令和8年12月7日 when chosen (in every page's header), in English ISO. */
static void
test_cli_dates (void)
{
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *ja_pdf = g_build_filename (dir, "ja.pdf", NULL);
  g_autofree char *en_pdf = g_build_filename (dir, "en.pdf", NULL);
  g_autofree char *localedir = g_build_filename (g_getenv ("SONAE_BUILD_ROOT"), "po", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *era = sonae_date_format_dmy (g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), SONAE_DATE_STYLE_JAPANESE_ERA);
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  const char *japanese[] = { "LC_ALL", "ja_JP.UTF-8", "LANG", "ja_JP.UTF-8", "LANGUAGE", "ja",
                             "SONAE_LOCALEDIR", localedir, NULL };
  char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean have_japanese = setlocale (LC_ALL, "ja_JP.UTF-8") != NULL;

  setlocale (LC_ALL, saved);
  g_free (saved);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeStore) store = sonae_store_open (dir, &error);

    g_assert_no_error (error);
    g_assert_true (sonae_store_set_date_style (store, SONAE_DATE_STYLE_JAPANESE_ERA, &error));
    g_assert_no_error (error);
  }
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    run_sonae (&r, "--data-dir", dir, "--export", "roster", "--output", en_pdf, NULL);
    g_assert_true (exited_ok (&r));
    text = pdf_text (en_pdf);
    if (text != NULL)
      {
        g_autofree char *printed = g_strdup_printf ("Printed%s", iso);

        assert_pdf_says (text, printed);
        g_assert_null (strstr (text, "令和"));
      }
  }
  if (!have_japanese)
    {
      g_test_skip ("no Japanese locale");
      sonae_test_remove_dir (dir);
      return;
    }
  {
    g_auto(Run) r;
    g_autofree char *text = NULL;

    extra_env = japanese;
    run_sonae (&r, "--data-dir", dir, "--export", "roster", "--output", ja_pdf, NULL);
    extra_env = NULL;
    g_assert_true (exited_ok (&r));
    text = pdf_text (ja_pdf);
    if (text != NULL)
      {
        g_autofree char *printed = g_strdup_printf ("印刷日時%s", era);

        assert_pdf_says (text, printed);
      }
  }
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/demo", test_cli_demo);
  g_test_add_func ("/cli/demo-kinds", test_cli_demo_kinds);
  g_test_add_func ("/cli/export-documents", test_cli_export_documents);
  g_test_add_func ("/cli/contacts-round-trip", test_cli_contacts_round_trip);
  g_test_add_func ("/cli/import-refuses-bad-files", test_cli_import_refuses_bad_files);
  g_test_add_func ("/cli/backup-restore", test_cli_backup_restore);
  g_test_add_func ("/cli/full-disk", test_cli_full_disk);
  g_test_add_func ("/cli/import-names-left-out", test_cli_import_names_left_out);
  g_test_add_func ("/cli/refused-while-window-open", test_cli_refused_while_window_open);
  g_test_add_func ("/cli/damaged-database", test_cli_damaged_database);
  g_test_add_func ("/cli/incidents", test_cli_incidents);
  g_test_add_func ("/cli/check-reminders-demo", test_cli_check_reminders_demo);
  g_test_add_func ("/cli/check-reminders-notify", test_cli_check_reminders_notify);
  g_test_add_func ("/cli/check-reminders-nothing", test_cli_check_reminders_nothing);
  g_test_add_func ("/cli/check-reminders-conditions", test_cli_check_reminders_conditions);
  g_test_add_func ("/cli/reporting-docs", test_cli_reporting_docs);
  g_test_add_func ("/cli/blank-forms", test_cli_blank_forms);
  g_test_add_func ("/cli/bcp-docs", test_cli_bcp_docs);
  g_test_add_func ("/cli/mhlw-checklist", test_cli_mhlw_checklist);
  g_test_add_func ("/cli/dates", test_cli_dates);

  return g_test_run ();
}
