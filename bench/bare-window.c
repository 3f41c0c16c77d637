/* bench-bare-window: the least a libadwaita application can show, as the
 * yardstick for Sonae's start: an AdwApplication whose activate presents
 * an AdwApplicationWindow of Sonae's default size (1100 × 760, the
 * window-width and window-height defaults of data/io.github.sonae.Sonae.gschema.xml)
 * with a header bar and one label. Run by bench-startup with
 * libbench-first-frame.so preloaded, which ends it at its first frame;
 * run alone, it stays open until closed. */
#include "config.h"

#include <adwaita.h>

#define BARE_WIDTH 1100
#define BARE_HEIGHT 760

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("備える — a bare window");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), BARE_WIDTH, BARE_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.sonae.BenchBareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
