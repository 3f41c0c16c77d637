/* bench-window: how long the window takes to open on a roster of 10,000
 * contacts, and to show the Contacts section. Needs a display (run it under
 * xvfb-run). Prints figures; asserts nothing. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "sonae-contacts.h"
#include "sonae-store.h"
#include "sonae-window.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
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

  start = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();
  printf ("start GTK and libadwaita: %.1f ms\n", ms_since (start));

  start = g_get_monotonic_time ();
  window = GTK_WIDGET (sonae_window_new (NULL, store));
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  printf ("open the window on %u contacts (Home shown): %.1f ms\n", n, ms_since (start));

  /* The first visit of each section: blocking until it shows (the call),
   * then until everything is laid out and drawn. */
  {
    const char *const names[] = { "contacts", "incidents", "manual", "bcp", "home" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        double blocked;

        start = g_get_monotonic_time ();
        sonae_window_set_section (SONAE_WINDOW (window), names[i]);
        blocked = ms_since (start);
        settle ();
        printf ("first visit of %-9s blocked %6.1f ms, settled %6.1f ms\n", names[i], blocked, ms_since (start));
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
