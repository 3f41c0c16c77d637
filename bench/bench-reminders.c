/* bench-reminders: what Home and `sonae --check-reminders` ask for at every
 * start, sonae_reminders_collect, on the demo clinic and on a big folder,
 * and two exports: the emergency binder of the demo and the contact roster
 * of the big folder. Prints the median and the fastest of RUNS runs, and
 * the big folder's time as a multiple of the demo's (the machines are
 * shared: the ratio means more than the milliseconds). The exports run in
 * turn with a yardstick, the bare roster (bare-roster.c: the same
 * contacts set and written the plain way), and their targets in seconds
 * are checked against it (BARE_USUAL). Not a test: it asserts nothing
 * about time.
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

#include "bare-roster.h"
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

/* The median and the fastest of @times, left in their order. */
static Figure
summarise (GArray *times)
{
  g_autoptr(GArray) sorted = g_array_copy (times);
  Figure f;

  g_array_sort (sorted, compare_doubles);
  f.min = g_array_index (sorted, double, 0);
  f.median = sorted->len % 2 ? g_array_index (sorted, double, sorted->len / 2)
                             : (g_array_index (sorted, double, sorted->len / 2 - 1) +
                                g_array_index (sorted, double, sorted->len / 2)) / 2;
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

/* The times of one export, each run's added. */
typedef struct {
  GArray *totals;
  GArray *builds;
  GArray *cpus;
  goffset size;
  guint pages;
} Runs;

static void
runs_init (Runs *runs)
{
  runs->totals = g_array_new (FALSE, FALSE, sizeof (double));
  runs->builds = g_array_new (FALSE, FALSE, sizeof (double));
  runs->cpus = g_array_new (FALSE, FALSE, sizeof (double));
  runs->size = 0;
  runs->pages = 0;
}

static void
runs_clear (Runs *runs)
{
  g_array_unref (runs->totals);
  g_array_unref (runs->builds);
  g_array_unref (runs->cpus);
}

static goffset
file_size (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

  return info ? g_file_info_get_size (info) : 0;
}

/* Builds the document @name and writes it as a PDF into @tmpdir once,
 * the times added to @runs: the build alone, build and write, and the
 * processor time of both. */
static void
export_once (SonaeStore *store,
             const char *name,
             const char *tmpdir,
             Runs       *runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", tmpdir, name);
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
  g_array_append_val (runs->builds, build);
  g_array_append_val (runs->totals, total);
  g_array_append_val (runs->cpus, cpu);
  runs->size = file_size (pdf);
  g_unlink (pdf);
}

/* The reference of the roster (bare-roster.c) once, added to @runs. */
static void
bare_once (SonaeStore *store,
           const char *tmpdir,
           Runs       *runs)
{
  g_autofree char *pdf = g_strdup_printf ("%s/bare.pdf", tmpdir);
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  double total, cpu;

  runs->pages = bench_bare_roster (store, pdf);
  if (runs->pages == 0)
    {
      g_printerr ("bench-reminders: could not write %s\n", pdf);
      exit (1);
    }
  total = ms_since (start);
  cpu = cpu_ms () - cpu_start;
  g_array_append_val (runs->totals, total);
  g_array_append_val (runs->cpus, cpu);
  runs->size = file_size (pdf);
  g_unlink (pdf);
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

static void
print_export (const char *what,
              Runs       *runs)
{
  Figure total = summarise (runs->totals);
  Figure cpu = summarise (runs->cpus);

  printf ("  %-14s %8.1f ms (%8.1f); processor %.1f ms (%.1f)", what, total.median, total.min, cpu.median, cpu.min);
  if (runs->builds->len > 0)
    printf ("; build alone %.1f ms", summarise (runs->builds).median);
  printf ("; %" G_GOFFSET_FORMAT " KiB\n", runs->size / 1024);
}

/* The fastest time of the bare roster of the big folder on this machine
 * (2 cores of a shared host) at its usual speed, in seconds. Its speed
 * changes from one minute to the next, by half in its slowest ones, and
 * the bare roster's with it; so the exports' targets, given in seconds
 * for this machine, are checked as multiples of the bare roster measured
 * in the same run, in turn with them: the fastest of each, as the
 * machine's neighbours only ever add time. */
#define BARE_USUAL 1.8

/* Whether @ms, the fastest time of @what, is within @most seconds at this
 * machine's usual speed: @most / BARE_USUAL times the bare roster's
 * fastest, @yardstick ms, of the same run. */
static void
verdict_at_speed (const char *what,
                  double      ms,
                  double      most,
                  double      yardstick)
{
  double ratio = ms / yardstick;
  double most_ratio = most / BARE_USUAL;

  printf ("  %s ≤ %g s at this machine's usual speed, ≤ %.2f× the bare roster: %s (%.2f×: %.2f s)\n",
          what, most, most_ratio, ratio <= most_ratio ? "met" : "NOT met", ratio, ms / 1000);
}

int
main (int argc, char *argv[])
{
  int runs = 5;
  gboolean reminders_only = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measurement (5)", "N" },
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
  Figure demo_rem, big_rem;
  Runs binder, roster, bare;
  guint demo_count = 0, big_count = 0, demo_stale = 0, big_stale = 0;
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
  runs_init (&binder);
  runs_init (&roster);
  runs_init (&bare);
  /* The exports and their yardstick in turn, in the same minutes. */
  for (int r = 0; r < runs; r++)
    {
      export_once (demo, "binder", tmpdir, &binder);
      export_once (big, "roster", tmpdir, &roster);
      bare_once (big, tmpdir, &bare);
    }
  printf ("export (sonae_documents_build + sonae_document_write_pdf), and the yardstick\n");
  print_export ("binder, demo", &binder);
  print_export ("roster, big", &roster);
  print_export ("bare roster", &bare);
  {
    Figure b = summarise (binder.totals);
    Figure r = summarise (roster.totals);
    Figure y = summarise (bare.totals);
    g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < roster.totals->len; i++)
      {
        double pair = g_array_index (roster.totals, double, i) / g_array_index (bare.totals, double, i);

        g_array_append_val (pairs, pair);
      }
    printf ("  the bare roster (bare-roster.c): the same %u contacts set and written the plain way\n"
            "  (%u pages), the yardstick: %.2f× its fastest at this machine's usual speed (%.1f s);\n"
            "  roster / bare roster: %.2f× the fastest, %.2f× the median of the runs side by side\n",
            sonae_contacts_count (big), bare.pages, y.min / (BARE_USUAL * 1000), BARE_USUAL,
            r.min / y.min, summarise (pairs).median);
    verdict_at_speed ("binder of the demo", b.min, 1.0, y.min);
    verdict_at_speed ("roster of the big folder", r.min, 2.0, y.min);
  }
  runs_clear (&binder);
  runs_clear (&roster);
  runs_clear (&bare);

  g_clear_object (&demo);
  g_clear_object (&big);
  g_rmdir (tmpdir);
  return 0;
}
