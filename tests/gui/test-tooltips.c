/* test-tooltips.c: a tooltip wraps at a sensible width whatever its
 * language. GTK 4.8 wraps one at as many average characters as it has
 * characters, which is half the width of a Japanese text: 「印刷」 came out a
 * character a line. The pointer is moved over the widget as a person's
 * would be, so that GTK shows the tooltip itself.
 * Runs under a headless X server (xvfb-run -a). */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "sonae-gui-util.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

/* The tooltip shown over @f's window, as a native of its own inside it. */
static gboolean
is_tooltip (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_NATIVE (widget) && !GTK_IS_WINDOW (widget) &&
         g_strcmp0 (gtk_widget_get_css_name (widget), "tooltip") == 0;
}

typedef struct {
  GtkWidget *window;
  const char *text;
} Wanted;

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
shown_tooltip_label (Wanted *wanted)
{
  GtkWidget *tooltip = sonae_test_find_widget (wanted->window, is_tooltip, NULL);
  GtkWidget *label;

  if (tooltip == NULL || !gtk_widget_get_mapped (tooltip))
    return NULL;
  label = sonae_test_find_widget (tooltip, is_label_saying, wanted->text);
  if (label == NULL || gtk_widget_get_width (label) == 0)
    return NULL;
  return label;
}

static gboolean
tooltip_shown (gpointer data)
{
  return shown_tooltip_label (data) != NULL;
}

/* Move the pointer onto @widget, wiggle it, and wait for its tooltip. */
static GtkWidget *
hover (GtkWidget  *window,
       GtkWidget  *widget,
       const char *text)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  Window xwindow = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  Wanted wanted = { window, text };
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (4, 4), &at));
  for (int i = 0; i < 3; i++)
    {
      XWarpPointer (xdisplay, None, xwindow, 0, 0, 0, 0, (int) at.x + i, (int) at.y + i);
      XFlush (xdisplay);
      sonae_test_spin_for (30);
    }
  sonae_test_spin_until (tooltip_shown, &wanted, 5000, text);
  return shown_tooltip_label (&wanted);
}

/* The width @text takes on one line, in @widget's font. */
static int
one_line_width (GtkWidget  *widget,
                const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
n_lines (GtkWidget *label)
{
  return pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
}

static void
test_wrap_width (SonaeTestWindow *f,
                 gconstpointer    data)
{
  static const char *shorts[] = { "印刷", "閉じる", "メインメニュー", "見直しと変更履歴", "Print" };
  const char *long_japanese = "インシデント対応を始めます。身代金を要求する画面が出た、電子カルテが止まった、"
                              "患者さんの情報を誤って送ったなど、いつもと違うことが起きたらここから始めてください。";
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons[G_N_ELEMENTS (shorts)];
  GtkWidget *long_button;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("moves the pointer with X11");
      return;
    }
  sonae_tooltips_init ();
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (shorts); i++)
    {
      buttons[i] = gtk_button_new_with_label ("?");
      gtk_widget_set_tooltip_text (buttons[i], shorts[i]);
      gtk_box_append (GTK_BOX (box), buttons[i]);
    }
  long_button = gtk_button_new_with_label ("!");
  gtk_widget_set_tooltip_text (long_button, long_japanese);
  gtk_box_append (GTK_BOX (box), long_button);
  sonae_test_window_show (f, box);

  /* A short tooltip is one line, as wide as its text. */
  for (guint i = 0; i < G_N_ELEMENTS (shorts); i++)
    {
      GtkWidget *label = hover (f->window, buttons[i], shorts[i]);

      g_test_message ("“%s”: %d px wide, %d lines", shorts[i], gtk_widget_get_width (label), n_lines (label));
      g_assert_cmpint (n_lines (label), ==, 1);
      g_assert_cmpint (gtk_widget_get_width (label), >=, one_line_width (label, shorts[i]));
    }

  /* A long one wraps, at a width that holds a phrase: twenty Japanese
   * characters or more a line, not the whole screen. */
  {
    GtkWidget *label = hover (f->window, long_button, long_japanese);
    int character = one_line_width (label, "国");

    g_test_message ("long: %d px wide, %d lines", gtk_widget_get_width (label), n_lines (label));
    g_assert_cmpint (n_lines (label), >, 1);
    g_assert_cmpint (gtk_widget_get_width (label), >=, 20 * character);
    g_assert_cmpint (gtk_widget_get_width (label), <=, 40 * character);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/tooltips/wrap-width", SonaeTestWindow, NULL, sonae_test_window_set_up, test_wrap_width,
              sonae_test_window_tear_down);

  return g_test_run ();
}
