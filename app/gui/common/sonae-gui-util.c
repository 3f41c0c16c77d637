#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-document.h"
#include "sonae-gui-util.h"
#include "sonae-resources.h"

#define TOAST_OVERLAY_KEY "sonae-toast-overlay"

void
sonae_window_set_toast_overlay (GtkWindow       *window,
                                AdwToastOverlay *overlay)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_object_set_data (G_OBJECT (window), TOAST_OVERLAY_KEY, overlay);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root;

  if (widget == NULL)
    return NULL;
  if (GTK_IS_WINDOW (widget))
    return GTK_WINDOW (widget);
  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
sonae_show_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay = NULL;
  GtkWindow *window;

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (widget != NULL && !GTK_IS_WINDOW (widget))
    overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && (window = window_of (widget)) != NULL)
    {
      overlay = g_object_get_data (G_OBJECT (window), TOAST_OVERLAY_KEY);
      /* A dialog on top of the main window shows its toasts there. */
      if (overlay == NULL && gtk_window_get_transient_for (window) != NULL)
        overlay = g_object_get_data (G_OBJECT (gtk_window_get_transient_for (window)), TOAST_OVERLAY_KEY);
    }

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_ref_sink (toast);
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
sonae_show_message (GtkWidget  *widget,
                    const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  sonae_show_toast (widget, toast);
}

void
sonae_show_error (GtkWidget    *widget,
                  const char   *heading,
                  const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (window_of (widget), heading,
                                   error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
sonae_get_author (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_settings_get_string (settings, "responder-name");
  const char *real;

  g_strstrip (name);
  if (*name != '\0')
    return g_steal_pointer (&name);
  /* A person's name set for the account, not the account's own name: on a
   * shared PC that is "root" or "reception", which tells nobody who wrote
   * an entry. Then the record says so, and the person can name themselves
   * from the incident. */
  real = g_get_real_name ();
  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 &&
      g_strcmp0 (real, g_get_user_name ()) != 0 && g_strcmp0 (real, "root") != 0)
    return g_strdup (real);
  return g_strdup (C_("recorder", "Not given"));
}

void
sonae_set_author (const char *name)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_settings_set_string (settings, "responder-name", stripped);
}

void
sonae_load_style (const char *name)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  GtkCssProvider *provider;

  g_return_if_fail (name != NULL);

  /* Referencing the resource bundle links it in (and so registers it) in
   * every program that uses the widgets, the tests included. */
  g_assert (sonae_get_resource () != NULL);

  if (display == NULL)
    return;
  key = g_strconcat ("sonae-style-", name, NULL);
  if (g_object_get_data (G_OBJECT (display), key) != NULL)
    return;
  path = g_strconcat ("/io/github/sonae/Sonae/", name, NULL);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), key, provider, g_object_unref);
}

/* --- tooltips -------------------------------------------------------------- */

/* GTK's tooltip gives its label max-width-chars = the number of characters
 * of the text (up to 50) each time it shows one; this width applies
 * instead. Wrapping labels are no wider than their text, so a short
 * tooltip keeps its own width. */
#define TOOLTIP_WIDTH_CHARS 50

static void
tooltip_label_width_cb (GtkLabel   *label,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  if (gtk_label_get_max_width_chars (label) != TOOLTIP_WIDTH_CHARS)
    gtk_label_set_max_width_chars (label, TOOLTIP_WIDTH_CHARS);
}

/* A tooltip being shown: GTK's window of it (a native of its own, named
 * "tooltip" in CSS) holds a box with an image and the text's label. */
static gboolean
tooltip_shown_cb (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *box;

  if (!GTK_IS_NATIVE (widget) || GTK_IS_WINDOW (widget) ||
      g_strcmp0 (gtk_widget_get_css_name (widget), "tooltip") != 0)
    return TRUE;
  box = gtk_widget_get_first_child (widget);
  for (GtkWidget *child = box ? gtk_widget_get_first_child (box) : NULL; child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_object_get_data (G_OBJECT (child), "sonae-tooltip-width") == NULL)
      {
        /* The same window shows every tooltip: watch its label once. */
        g_object_set_data (G_OBJECT (child), "sonae-tooltip-width", GINT_TO_POINTER (TRUE));
        g_signal_connect (child, "notify::max-width-chars", G_CALLBACK (tooltip_label_width_cb), NULL);
        tooltip_label_width_cb (GTK_LABEL (child), NULL, NULL);
      }
  return TRUE;
}

void
sonae_tooltips_init (void)
{
  static gboolean done = FALSE;

  if (done)
    return;
  done = TRUE;
  /* "show" is made with the class; a widget class lives as long as the
   * process anyway. */
  g_type_class_ref (GTK_TYPE_WIDGET);
  g_signal_add_emission_hook (g_signal_lookup ("show", GTK_TYPE_WIDGET), 0,
                              tooltip_shown_cb, NULL, NULL);
}

AdwToast *
sonae_undo_toast_new (const char     *title,
                      GCallback       undo,
                      gpointer        data,
                      GClosureNotify  destroy_data)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", undo, data, destroy_data, 0);
  return toast;
}

static gboolean
is_allow_breaks (PangoAttribute *attribute,
                 gpointer        user_data)
{
  return attribute->klass->type == PANGO_ATTR_ALLOW_BREAKS;
}

void
sonae_label_keep_phrases (GtkLabel *label)
{
  PangoAttrList *given = gtk_label_get_attributes (label);
  PangoAttrList *attrs;
  PangoAttrList *phrases;

  g_return_if_fail (GTK_IS_LABEL (label));

  /* The label's own attributes stay; the phrases of an earlier text go. */
  attrs = given != NULL ? pango_attr_list_copy (given) : pango_attr_list_new ();
  {
    PangoAttrList *old = pango_attr_list_filter (attrs, is_allow_breaks, NULL);

    if (old != NULL)
      pango_attr_list_unref (old);
  }
  phrases = sonae_text_phrase_attributes (gtk_label_get_text (label));
  if (phrases != NULL)
    {
      GSList *all = pango_attr_list_get_attributes (phrases);

      for (GSList *l = all; l != NULL; l = l->next)
        pango_attr_list_insert (attrs, l->data);
      g_slist_free (all);
      pango_attr_list_unref (phrases);
    }
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

void
sonae_row_keep_phrases (GtkWidget *row)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (GTK_IS_LABEL (row))
    sonae_label_keep_phrases (GTK_LABEL (row));
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sonae_row_keep_phrases (child);
}
