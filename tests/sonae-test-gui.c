/* sonae-test-gui.c: the window every GUI test runs in, and finding widgets
 * and dialogs in it */
#include "config.h"

#include <string.h>

#include "sonae-gui-util.h"
#include "sonae-section.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* --- the fixture --------------------------------------------------------- */

/* A section shown whose second step has not run yet (it waits for the
 * frame that shows the section). */
static gboolean
sections_busy (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  gboolean busy = FALSE;

  for (GList *l = toplevels; l != NULL && !busy; l = l->next)
    {
      g_autoptr(GPtrArray) sections = g_ptr_array_new ();

      if (!gtk_widget_get_visible (l->data))
        continue;
      sonae_test_collect_widgets (l->data, sonae_test_is_type, GSIZE_TO_POINTER (SONAE_TYPE_SECTION), sections);
      for (guint i = 0; i < sections->len && !busy; i++)
        busy = !sonae_section_is_filled (g_ptr_array_index (sections, i));
    }
  return busy;
}

/* GTK 4.8 starts a tooltip's timeout on any pointer event a popover gets
 * (a popover grabs the pointer, so it gets them wherever the pointer is)
 * and keeps it when the popover is gone; the timeout then asks the gone
 * popover's surface where the pointer is and what lies there, and GTK
 * warns twice from inside its own timeout. The tests make warnings fatal;
 * these two, GTK's own and harmless (no tooltip is shown), are let
 * through, word for word and nothing else. */
static const char * const gtk_tooltip_bug[] = {
  "gdk_surface_get_device_position: assertion 'GDK_IS_SURFACE (surface)' failed",
  "_gtk_widget_find_at_coords: assertion 'GDK_IS_SURFACE (surface)' failed",
};

static gboolean
is_gtk_tooltip_bug (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message)
{
  if ((log_level & G_LOG_LEVEL_CRITICAL) == 0 ||
      (g_strcmp0 (log_domain, "Gdk") != 0 && g_strcmp0 (log_domain, "Gtk") != 0))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (gtk_tooltip_bug); i++)
    if (g_strcmp0 (message, gtk_tooltip_bug[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
log_unless_gtk_tooltip_bug (const char     *log_domain,
                            GLogLevelFlags  log_level,
                            const char     *message,
                            gpointer        user_data)
{
  if (!is_gtk_tooltip_bug (log_domain, log_level, message))
    g_log_default_handler (log_domain, log_level, message, user_data);
}

static gboolean
fatal_unless_gtk_tooltip_bug (const char     *log_domain,
                              GLogLevelFlags  log_level,
                              const char     *message,
                              gpointer        user_data)
{
  return !is_gtk_tooltip_bug (log_domain, log_level, message);
}

/* The headless X server starts with its pointer in the middle of the
 * screen, over the test's windows, where it would start tooltips at
 * random; a person's pointer rests somewhere, the tests' in the screen's
 * corner, away from every window they open (the tooltip test moves it
 * where it wants). */
void
sonae_test_gui_prepare (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();

  if (GDK_IS_X11_DISPLAY (display))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (display);
      Screen *screen = DefaultScreenOfDisplay (xdisplay);

      XWarpPointer (xdisplay, None, RootWindowOfScreen (screen), 0, 0, 0, 0,
                    WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1);
      XFlush (xdisplay);
    }
#endif
  g_log_set_handler ("Gdk", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL, log_unless_gtk_tooltip_bug, NULL);
  g_log_set_handler ("Gtk", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL, log_unless_gtk_tooltip_bug, NULL);
  g_test_log_set_fatal_handler (fatal_unless_gtk_tooltip_bug, NULL);
}

void
sonae_test_window_set_up (SonaeTestWindow *f,
                          gconstpointer    data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  sonae_test_set_busy (sections_busy);
  sonae_test_gui_prepare ();
  f->store = sonae_test_open_store (&f->dir);
  f->activated = g_ptr_array_new_with_free_func (g_free);
  f->window = g_object_ref (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  sonae_window_set_toast_overlay (GTK_WINDOW (f->window), ADW_TOAST_OVERLAY (overlay));
}

void
sonae_test_window_close (SonaeTestWindow *f)
{
  /* Held while destroying: destroying one window may finalize another of
   * the list (a dialog destroyed with its parent), which must not be
   * destroyed a second time from freed memory. */
  GList *toplevels = gtk_window_list_toplevels ();

  g_list_foreach (toplevels, (GFunc) (void (*) (void)) g_object_ref, NULL);

  /* The dialogs the test opened. */
  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  sonae_test_spin_for (20);
  if (f->window != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->window));
  if (f->page != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->page));
  g_clear_object (&f->actions);
}

void
sonae_test_window_tear_down (SonaeTestWindow *f,
                             gconstpointer    data)
{
  sonae_test_window_close (f);
  sonae_test_use_default_language ();
  g_ptr_array_unref (f->activated);
  g_clear_object (&f->store);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
record_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  SonaeTestWindow *f = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  g_autofree char *printed = NULL;

  if (parameter == NULL)
    g_ptr_array_add (f->activated, g_strdup (name));
  else if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_STRING))
    g_ptr_array_add (f->activated, g_strconcat (name, ":", g_variant_get_string (parameter, NULL), NULL));
  else
    {
      printed = g_variant_print (parameter, FALSE);
      g_ptr_array_add (f->activated, g_strconcat (name, ":", printed, NULL));
    }
}

void
sonae_test_window_record_action (SonaeTestWindow    *f,
                                 const char         *name,
                                 const GVariantType *type)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, type);

  if (f->actions == NULL)
    {
      f->actions = g_simple_action_group_new ();
      gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (f->actions));
    }
  g_signal_connect (action, "activate", G_CALLBACK (record_cb), f);
  g_action_map_add_action (G_ACTION_MAP (f->actions), G_ACTION (action));
}

static void
show (SonaeTestWindow *f,
      GtkWidget       *content,
      GtkWidget       *page)
{
  GtkWidget *overlay = gtk_window_get_child (GTK_WINDOW (f->window));

  g_assert_true (ADW_IS_TOAST_OVERLAY (overlay));
  g_assert_null (f->page);
  f->page = g_object_ref (page);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), content);
  gtk_window_present (GTK_WINDOW (f->window));
  sonae_test_spin_for (50);
}

void
sonae_test_window_show (SonaeTestWindow *f,
                        GtkWidget       *page)
{
  show (f, page, page);
}

void
sonae_test_window_show_scrolled (SonaeTestWindow *f,
                                 GtkWidget       *page)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
  show (f, scrolled, page);
}

SonaeWindow *
sonae_test_window_open_main (SonaeTestWindow *f)
{
  sonae_test_window_close (f);
  f->window = g_object_ref (GTK_WIDGET (sonae_window_new (NULL, f->store)));
  return SONAE_WINDOW (f->window);
}

/* --- widgets ------------------------------------------------------------- */

GtkWidget *
sonae_test_find_widget (GtkWidget                *root,
                        SonaeTestWidgetPredicate  predicate,
                        gconstpointer             data)
{
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sonae_test_find_widget (child, predicate, data);
      if (found)
        return found;
    }
  return NULL;
}

void
sonae_test_collect_widgets (GtkWidget                *root,
                            SonaeTestWidgetPredicate  predicate,
                            gconstpointer             data,
                            GPtrArray                *out)
{
  if (predicate (root, data))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    sonae_test_collect_widgets (child, predicate, data, out);
}

gboolean
sonae_test_is_named (GtkWidget     *widget,
                     gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

gboolean
sonae_test_is_type (GtkWidget     *widget,
                    gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
sonae_test_is_button_labelled (GtkWidget     *widget,
                               gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
sonae_test_is_row_titled (GtkWidget     *widget,
                          gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
sonae_test_named (GtkWidget  *root,
                  const char *name)
{
  GtkWidget *found = sonae_test_find_widget (root, sonae_test_is_named, name);

  if (found == NULL)
    g_error ("no widget named %s", name);
  return found;
}

GtkWidget *
sonae_test_of_type (GtkWidget *root,
                    GType      type)
{
  GtkWidget *found = sonae_test_find_widget (root, sonae_test_is_type, GSIZE_TO_POINTER (type));

  if (found == NULL)
    g_error ("no widget of type %s", g_type_name (type));
  return found;
}

GObject *
sonae_test_template_child (GtkWidget  *widget,
                           GType       type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  if (child == NULL)
    g_error ("no template child %s in %s", name, g_type_name (type));
  return child;
}

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget);
}

char *
sonae_test_label_texts (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  sonae_test_collect_widgets (root, is_visible_label, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (out, "|%s", gtk_label_get_text (g_ptr_array_index (labels, i)));
  return g_string_free (out, FALSE);
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget);
}

char *
sonae_test_shown_texts (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  sonae_test_collect_widgets (root, is_shown_label, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (out, "|%s", gtk_label_get_text (g_ptr_array_index (labels, i)));
  return g_string_free (out, FALSE);
}

void
sonae_test_set_text (GtkWidget  *root,
                     const char *name,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (root, name)), text);
}

void
sonae_test_click (GtkWidget  *root,
                  const char *name)
{
  GtkWidget *button = sonae_test_named (root, name);

  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  sonae_test_spin_for (50);
}

/* --- dialogs ------------------------------------------------------------- */

static gboolean
is_named_or_headed (GtkWidget     *widget,
                    gconstpointer  name_or_heading)
{
  return sonae_test_is_named (widget, name_or_heading) ||
         (ADW_IS_MESSAGE_DIALOG (widget) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (widget)), name_or_heading) == 0);
}

static GtkWidget *
find_toplevel (SonaeTestWidgetPredicate predicate,
               gconstpointer            data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (gtk_widget_get_visible (l->data) && predicate (l->data, data))
      found = l->data;
  return found;
}

GtkWidget *
sonae_test_find_dialog (const char *name_or_heading)
{
  return find_toplevel (is_named_or_headed, name_or_heading);
}

GtkWidget *
sonae_test_find_dialog_of_type (GType type)
{
  return find_toplevel (sonae_test_is_type, GSIZE_TO_POINTER (type));
}

static gboolean
no_dialog_of_type (gpointer type)
{
  return find_toplevel (sonae_test_is_type, type) == NULL;
}

void
sonae_test_wait_no_dialog (GType type,
                           guint timeout_ms)
{
  g_autofree char *what = g_strdup_printf ("the %s to close", g_type_name (type));

  sonae_test_spin_until (no_dialog_of_type, GSIZE_TO_POINTER (type), timeout_ms, what);
}

gboolean
sonae_test_label_breaks_inside (GtkLabel   *label,
                                const char *word)
{
  const char *text = gtk_label_get_text (label);
  const char *at = strstr (text, word);
  PangoLayout *layout = gtk_label_get_layout (label);
  int start, end;

  if (at == NULL)
    return FALSE;
  start = (int) (at - text);
  end = start + (int) strlen (word);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      int line_start = ((PangoLayoutLine *) l->data)->start_index;

      if (line_start > start && line_start < end)
        return TRUE;
    }
  return FALSE;
}

guint
sonae_test_assert_phrases_whole (GtkWidget         *root,
                                 const char *const *words)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint wrapped = 0;

  sonae_test_collect_widgets (root, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_is_visible (GTK_WIDGET (label)))
        continue;
      if (pango_layout_get_line_count (gtk_label_get_layout (label)) > 1)
        wrapped++;
      for (guint w = 0; words[w] != NULL; w++)
        if (sonae_test_label_breaks_inside (label, words[w]))
          g_error ("“%s” is broken inside “%s”", gtk_label_get_text (label), words[w]);
    }
  return wrapped;
}
