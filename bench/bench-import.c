/* bench-import: how the time of a contact import grows with the number of
 * rows. Every row has the same name and a number of its own, the case that
 * used to make planning and writing quadratic. Prints figures, with the time
 * per 1,000 rows so that the growth shows as a ratio; it is not a test and
 * asserts nothing about time.
 *
 *   bench-import [SIZES]      SIZES: rows, comma-separated (10000,50000,100000)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "sonae-import.h"
#include "sonae-store.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A CSV of @n rows named alike, each with its own mobile number. */
static GString *
same_name_rows (guint n)
{
  GString *csv = g_string_new ("氏名,ふりがな,携帯電話,メールアドレス\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "山田 太郎,やまだ たろう,090-%04u-%04u,yamada%u@example.jp\r\n",
                            i / 10000, i % 10000, i);
  return csv;
}

typedef struct {
  double read;
  double plan;
  double apply;
  double replan;
} Timing;

static Timing
run (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = same_name_rows (n);
  g_autofree char *dir = g_dir_make_tmp ("sonae-bench-XXXXXX", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(SonaeImport) again = NULL;
  Timing t;
  gint64 start;

  store = sonae_store_open (dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  import = sonae_import_new_from_data (csv->str, csv->len, "bench.csv", SONAE_GROUP_STAFF, &error);
  if (import == NULL)
    g_error ("%s", error->message);
  t.read = seconds_since (start);

  start = g_get_monotonic_time ();
  if (!sonae_import_plan (import, store, &error))
    g_error ("%s", error->message);
  t.plan = seconds_since (start);
  if (sonae_import_count (import, SONAE_IMPORT_ADD) != n)
    g_error ("expected %u new contacts, the plan has %u", n, sonae_import_count (import, SONAE_IMPORT_ADD));

  /* apply plans again inside its transaction, then writes */
  start = g_get_monotonic_time ();
  if (!sonae_import_apply (import, store, &error))
    g_error ("%s", error->message);
  t.apply = seconds_since (start);

  /* the same file against the roster it made: every row is already there */
  start = g_get_monotonic_time ();
  again = sonae_import_new_from_data (csv->str, csv->len, "bench.csv", SONAE_GROUP_STAFF, &error);
  if (again == NULL || !sonae_import_plan (again, store, &error))
    g_error ("%s", error->message);
  t.replan = seconds_since (start);
  if (sonae_import_count (again, SONAE_IMPORT_SKIP) != n)
    g_error ("expected %u unchanged contacts, the plan has %u", n, sonae_import_count (again, SONAE_IMPORT_SKIP));

  g_clear_object (&store);
  remove_dir (dir);
  return t;
}

int
main (int argc, char *argv[])
{
  g_auto(GStrv) sizes = g_strsplit (argc > 1 ? argv[1] : "10000,50000,100000", ",", -1);
  double first_per_k = 0;

  printf ("%8s %9s %9s %9s %9s %9s %12s %7s\n",
          "rows", "read s", "plan s", "apply s", "again s", "total s", "s/1000 rows", "ratio");
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (sizes[i], NULL, 10);
      Timing t;
      double total, per_k;

      if (n == 0)
        continue;
      t = run (n);
      total = t.read + t.plan + t.apply + t.replan;
      per_k = total / n * 1000;
      if (first_per_k == 0)
        first_per_k = per_k;
      /* ratio 1.0 everywhere: linear; growing with the rows: worse */
      printf ("%8u %9.2f %9.2f %9.2f %9.2f %9.2f %12.4f %7.2f\n",
              n, t.read, t.plan, t.apply, t.replan, total, per_k, per_k / first_per_k);
      fflush (stdout);
    }
  return 0;
}
