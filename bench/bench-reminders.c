/* bench-reminders: what Home and `sonae --check-reminders` ask for at every
 * start, sonae_reminders_collect, on the demo clinic and on a big folder,
 * and two exports: the emergency binder of the demo and the contact roster
 * of the big folder. Prints the median and the fastest of RUNS runs, and
 * the big folder's time as a multiple of the demo's (the machines are
 * shared: the ratio means more than the milliseconds). Not a test: it
 * asserts nothing about time.
 *
 *   bench-reminders [--runs N] [DEMO_DIR BIG_DIR]
 *
 * The folders are opened to read and left unchanged. By default they are
 * those bench-startup keeps in $SONAE_BENCH_CACHE (else
 * $XDG_CACHE_HOME/sonae-bench): "demo" and "demo+10000+1000x20", made with
 * bench-make-db (beside this program) when absent. The documents are in
 * the language of the environment, as `sonae --export` writes them
 * (LANGUAGE=ja SONAE_LOCALEDIR=build/po for Japanese from a build tree). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sonae-contacts.h"
#include "sonae-document.h"
#include "sonae-documents.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-reminders.h"
#include "sonae-store.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time this process has used, in ms: on a shared machine
 * it moves less than the time on the clock. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1.0e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct {
  double median;
  double min;
} Figure;

static Figure
summarise (GArray *times)
{
  Figure f;

  g_array_sort (times, compare_doubles);
  f.min = g_array_index (times, double, 0);
  f.median = times->len % 2 ? g_array_index (times, double, times->len / 2)
                            : (g_array_index (times, double, times->len / 2 - 1) +
                               g_array_index (times, double, times->len / 2)) / 2;
  return f;
}

static char *
default_cache_dir (void)
{
  const char *env = g_getenv ("SONAE_BENCH_CACHE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_cache_dir (), "sonae-bench", NULL);
}

/* Make @dir with bench-make-db (beside this program) and @args, in a
 * folder beside it renamed when whole; what it printed in @dir.txt. */
static void
ensure_folder (const char *dir,
               const char *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *here = self ? g_path_get_dirname (self) : g_strdup (".");
  g_autofree char *maker = g_build_filename (here, "bench-make-db", NULL);
  g_autofree char *tmp = g_strdup_printf ("%s.tmp", dir);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *cmd = NULL;
  g_autofree char *q_maker = g_shell_quote (maker);
  g_autofree char *q_tmp = g_shell_quote (tmp);
  g_autofree char *q_dir = g_shell_quote (dir);
  g_autofree char *summary = g_strdup_printf ("%s.txt", dir);
  g_autofree char *q_summary = g_shell_quote (summary);
  const char *sh[] = { "/bin/sh", "-c", NULL, NULL };
  int status;

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return;
  printf ("making %s (bench-make-db %s) …\n", dir, args);
  fflush (stdout);
  g_mkdir_with_parents (parent, 0700);
  /* What it made beside, as bench-startup keeps it. */
  cmd = g_strdup_printf ("rm -rf %s && %s %s %s >%s && mv %s %s",
                         q_tmp, q_maker, q_tmp, args, q_summary, q_tmp, q_dir);
  sh[2] = cmd;
  if (!g_spawn_sync (NULL, (char **) sh, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-reminders: could not make %s: %s\n", dir, error->message);
      exit (1);
    }
}

static SonaeStore *
open_folder (const char *dir)
{
  g_autoptr(GError) error = NULL;
  SonaeStore *store = sonae_store_open_for_reading (dir, &error);

  if (store == NULL)
    {
      g_printerr ("bench-reminders: %s: %s\n", dir, error->message);
      exit (1);
    }
  return store;
}

/* sonae_reminders_collect @runs times; the number of reminders in
 * @out_count, and of the stale contacts among them in @out_stale. */
static Figure
time_reminders (SonaeStore *store,
                guint       runs,
                guint      *out_count,
                guint      *out_stale)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) reminders = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      reminders = sonae_reminders_collect (store, &error);
      ms = ms_since (start);
      if (reminders == NULL)
        {
          g_printerr ("bench-reminders: %s\n", error->message);
          exit (1);
        }
      g_array_append_val (times, ms);
      *out_count = reminders->len;
      *out_stale = 0;
      for (guint i = 0; i < reminders->len; i++)
        if (((SonaeReminder *) g_ptr_array_index (reminders, i))->kind == SONAE_REMINDER_CONTACT_STALE)
          (*out_stale)++;
    }
  return summarise (times);
}

/* Build the document @name and write it as a PDF into @tmpdir, @runs times:
 * the build alone in @out_build, build and write in the result, and the
 * processor time of build and write in @out_cpu. */
static Figure
time_export (SonaeStore *store,
             const char *name,
             const char *tmpdir,
             guint       runs,
             Figure     *out_build,
             Figure     *out_cpu,
             goffset    *out_size)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) builds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", tmpdir, name);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeDocument) doc = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (pdf);
      g_autoptr(GFileInfo) info = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      double build, total, cpu;

      doc = sonae_documents_build (store, name, SONAE_PAPER_A4, &error);
      build = ms_since (start);
      if (doc == NULL || !sonae_document_write_pdf (doc, pdf, &error))
        {
          g_printerr ("bench-reminders: %s: %s\n", name, error->message);
          exit (1);
        }
      total = ms_since (start);
      cpu = cpu_ms () - cpu_start;
      g_array_append_val (builds, build);
      g_array_append_val (totals, total);
      g_array_append_val (cpus, cpu);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
      *out_size = info ? g_file_info_get_size (info) : 0;
      g_unlink (pdf);
    }
  *out_build = summarise (builds);
  *out_cpu = summarise (cpus);
  return summarise (totals);
}

static guint
count_incidents (SonaeStore *store)
{
  SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) list = sonae_incidents_list (store, &all, NULL);

  return list ? list->len : 0;
}

/* Whether the figure @value of @what is within its target @most. */
static void
verdict (const char *what,
         double      value,
         double      most,
         const char *unit)
{
  printf ("  %s ≤ %g%s: %s (%.2f%s)\n", what, most, unit, value <= most ? "met" : "NOT met", value, unit);
}

int
main (int argc, char *argv[])
{
  int runs = 3;
  gboolean reminders_only = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measurement (3)", "N" },
    { "reminders-only", 0, 0, G_OPTION_ARG_NONE, &reminders_only, "Skip the exports (to profile the reminders)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[DEMO_DIR BIG_DIR] - time the reminders and two exports");
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = default_cache_dir ();
  g_autofree char *demo_dir = NULL;
  g_autofree char *big_dir = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("sonae-bench-XXXXXX", NULL);
  g_autoptr(SonaeStore) demo = NULL;
  g_autoptr(SonaeStore) big = NULL;
  Figure demo_rem, big_rem, binder, binder_build, binder_cpu, roster, roster_build, roster_cpu;
  guint demo_count = 0, big_count = 0, demo_stale = 0, big_stale = 0;
  goffset binder_size = 0, roster_size = 0;
  gint64 start;
  double demo_open, big_open;

  /* As Sonae's main() does. */
  sonae_document_keep_heap ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SONAE_LOCALEDIR") ? g_getenv ("SONAE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || (argc != 1 && argc != 3))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s%s", error ? error->message : "", help);
      return 2;
    }
  if (argc == 3)
    {
      demo_dir = g_strdup (argv[1]);
      big_dir = g_strdup (argv[2]);
    }
  else
    {
      demo_dir = g_build_filename (cache, "demo", NULL);
      big_dir = g_build_filename (cache, "demo+10000+1000x20", NULL);
      ensure_folder (demo_dir, "--demo");
      ensure_folder (big_dir, "--demo --contacts 10000 --incidents 1000 --entries 20");
    }

  start = g_get_monotonic_time ();
  demo = open_folder (demo_dir);
  demo_open = ms_since (start);
  start = g_get_monotonic_time ();
  big = open_folder (big_dir);
  big_open = ms_since (start);

  printf ("demo: %s (%u contacts, %u incidents; opened in %.1f ms)\n",
          demo_dir, sonae_contacts_count (demo), count_incidents (demo), demo_open);
  printf ("big:  %s (%u contacts, %u incidents; opened in %.1f ms)\n",
          big_dir, sonae_contacts_count (big), count_incidents (big), big_open);
  printf ("median (fastest) of %d runs\n\n", runs);

  demo_rem = time_reminders (demo, (guint) runs, &demo_count, &demo_stale);
  big_rem = time_reminders (big, (guint) runs, &big_count, &big_stale);
  printf ("sonae_reminders_collect\n");
  printf ("  demo  %9.1f ms (%9.1f)  %6u reminders (%u stale contacts)\n",
          demo_rem.median, demo_rem.min, demo_count, demo_stale);
  printf ("  big   %9.1f ms (%9.1f)  %6u reminders (%u stale contacts)\n",
          big_rem.median, big_rem.min, big_count, big_stale);
  printf ("  big / demo: %.1f× the time for %.1f× the reminders; %.3f ms a reminder on big\n",
          big_rem.median / demo_rem.median, (double) big_count / MAX (demo_count, 1),
          big_rem.median / MAX (big_count, 1));
  verdict ("reminders, big / demo", big_rem.median / demo_rem.median, 10.0, "×");
  printf ("\n");

  if (reminders_only)
    return 0;
  binder = time_export (demo, "binder", tmpdir, (guint) runs, &binder_build, &binder_cpu, &binder_size);
  roster = time_export (big, "roster", tmpdir, (guint) runs, &roster_build, &roster_cpu, &roster_size);
  printf ("export (sonae_documents_build + sonae_document_write_pdf)\n");
  printf ("  binder, demo  %9.1f ms (%9.1f); processor %.1f ms (%.1f); build alone %.1f ms; %" G_GOFFSET_FORMAT " KiB\n",
          binder.median, binder.min, binder_cpu.median, binder_cpu.min, binder_build.median, binder_size / 1024);
  printf ("  roster, big   %9.1f ms (%9.1f); processor %.1f ms (%.1f); build alone %.1f ms; %" G_GOFFSET_FORMAT " KiB (%u contacts)\n",
          roster.median, roster.min, roster_cpu.median, roster_cpu.min, roster_build.median, roster_size / 1024,
          sonae_contacts_count (big));
  verdict ("binder of the demo", binder.median / 1000, 1.0, " s");
  verdict ("roster of the big folder", roster.median / 1000, 2.0, " s");

  g_clear_object (&demo);
  g_clear_object (&big);
  g_rmdir (tmpdir);
  return 0;
}
