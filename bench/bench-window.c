/* bench-window: how long the window takes to open on a roster of 10,000
 * contacts (or on a copy of a data folder), and how long the first visit
 * of each section blocks. Needs a display (run it under xvfb-run).
 * Prints figures; asserts nothing.
 *
 *   bench-window [N | DIR] [ROUNDS]   */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sonae-contacts.h"
#include "sonae-store.h"
#include "sonae-window.h"

/* The processor time this process has used, in µs: what it costs,
 * without the time other programs of a shared machine take, nor the wait
 * for the next frame. */
static gint64
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
ms_since (gint64 start)
{
  return (now () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return times->len % 2 ? g_array_index (times, double, times->len / 2)
                        : (g_array_index (times, double, times->len / 2 - 1) +
                           g_array_index (times, double, times->len / 2)) / 2;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Show @name and return how long until the next frame is painted. */
static double
visit (GtkWidget  *window,
       const char *name,
       double     *blocked)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gint64 start = now ();

  sonae_window_set_section (SONAE_WINDOW (window), name);
  *blocked = ms_since (start);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return ms_since (start);
}

static void
settle (void)
{
  /* Let layout, drawing and idle work finish. */
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

int
main (int argc, char *argv[])
{
  /* N contacts made here, or a copy of a data folder (bench-make-db's). */
  const char *folder = argc > 1 && g_file_test (argv[1], G_FILE_TEST_IS_DIR) ? argv[1] : NULL;
  guint n = argc > 1 && folder == NULL ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint rounds = argc > 2 ? MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10)) : 5;
  g_autofree char *dir = g_dir_make_tmp ("sonae-bench-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  GtkWidget *window;
  gint64 start;

  if (folder != NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("cp '%s'/sonae.db '%s'/", folder, dir);

      if (system (cmd) != 0)
        g_error ("could not copy %s", folder);
      n = 0;
    }
  store = sonae_store_open (dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (folder != NULL)
    n = sonae_contacts_count (store);
  sonae_store_begin (store, NULL);
  for (guint i = 0; folder == NULL && i < n; i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();
      c->name = g_strdup_printf ("職員 %05u", i);
      c->reading = g_strdup_printf ("しょくいん %05u", i);
      sonae_contact_add_phone (c, "mobile", "090-1234-5678");
      sonae_contacts_save (store, c, NULL);
    }
  sonae_store_commit (store, NULL);
  sonae_store_set_setup_done (store, NULL);

  start = now ();
  gtk_init ();
  adw_init ();
  printf ("start GTK and libadwaita: %.1f ms\n", ms_since (start));

  /* Each round opens a new window and visits every section once: the
   * medians of the rounds are printed (the machines are shared). */
  {
    const char *const names[] = { "contacts", "incidents", "manual", "bcp", "home" };
    g_autoptr(GArray) opened = g_array_new (FALSE, FALSE, sizeof (double));
    GArray *blocked[G_N_ELEMENTS (names)], *settled[G_N_ELEMENTS (names)];
    GArray *painted[G_N_ELEMENTS (names)], *again[G_N_ELEMENTS (names)];

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        blocked[i] = g_array_new (FALSE, FALSE, sizeof (double));
        settled[i] = g_array_new (FALSE, FALSE, sizeof (double));
        painted[i] = g_array_new (FALSE, FALSE, sizeof (double));
        again[i] = g_array_new (FALSE, FALSE, sizeof (double));
      }
    for (guint round = 0; round < rounds; round++)
      {
        double t;

        start = now ();
        window = GTK_WIDGET (sonae_window_new (NULL, store));
        gtk_window_present (GTK_WINDOW (window));
        settle ();
        t = ms_since (start);
        g_array_append_val (opened, t);

        /* The first visit of each section: blocking until it shows (the
         * call), until its first frame is painted, and until everything
         * is laid out and drawn; then a second visit, for reference. */
        for (guint i = 0; i < G_N_ELEMENTS (names); i++)
          {
            double b;

            start = now ();
            t = visit (window, names[i], &b);
            g_array_append_val (blocked[i], b);
            g_array_append_val (painted[i], t);
            settle ();
            t = ms_since (start);
            g_array_append_val (settled[i], t);
          }
        for (guint i = 0; i < G_N_ELEMENTS (names); i++)
          {
            double b;

            sonae_window_set_section (SONAE_WINDOW (window), i ? names[i - 1] : "home");
            settle ();
            t = visit (window, names[i], &b);
            g_array_append_val (again[i], t);
            settle ();
          }
        gtk_window_destroy (GTK_WINDOW (window));
        settle ();
      }

    printf ("open the window on %u contacts (Home shown): median %.1f ms of %u\n",
            n, median (opened), rounds);
    printf ("medians of %u rounds, in ms of processor time. \"blocked\": the section's own work\n"
            "before GTK can lay it out and paint it (target: one frame, 16 ms); \"painted\": until\n"
            "its first frame is painted; \"again\": the same for a second visit, when GTK has\n"
            "styled and shaped it once already; \"settled\": until all idle work is done.\n", rounds);
    printf ("%-10s %8s %8s %8s %8s\n", "section", "blocked", "painted", "again", "settled");
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        double b = median (blocked[i]);

        printf ("%-10s %8.1f %8.1f %8.1f %8.1f %s\n", names[i], b, median (painted[i]),
                median (again[i]), median (settled[i]), b <= 16 ? "met" : "NOT MET");
        g_array_unref (blocked[i]);
        g_array_unref (settled[i]);
        g_array_unref (painted[i]);
        g_array_unref (again[i]);
      }
  }

  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
