/* sonae-about.c: the About window */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-about.h"

/* What libadwaita's About window says itself. The libadwaita 1.2 of
 * Debian 12 has no Japanese for it, so the labels it leaves in English
 * are given Sonae's own translation; a libadwaita that translates them
 * keeps its own. */
static const char *const library_strings[] = {
  NC_("about window", "_What’s New"),
  NC_("about window", "What’s New"),
  NC_("about window", "_Details"),
  NC_("about window", "Details"),
  NC_("about window", "_Website"),
  NC_("about window", "_Support Questions"),
  NC_("about window", "_Report an Issue"),
  NC_("about window", "_Troubleshooting"),
  NC_("about window", "Troubleshooting"),
  NC_("about window", "To assist in troubleshooting, you can view your debugging information. Providing this information to the application developers can help diagnose any problems you encounter when you report an issue."),
  NC_("about window", "_Debugging Information"),
  NC_("about window", "Debugging Information"),
  NC_("about window", "_Copy Text"),
  NC_("about window", "_Save as…"),
  NC_("about window", "_Credits"),
  NC_("about window", "Credits"),
  NC_("about window", "_Legal"),
  NC_("about window", "Legal"),
  NC_("about window", "_Acknowledgements"),
  NC_("about window", "Acknowledgements"),
  NC_("about window", "Code by"),
  NC_("about window", "Design by"),
  NC_("about window", "Artwork by"),
  NC_("about window", "Documentation by"),
  NC_("about window", "Translated by"),
  NC_("about window", "Back"),
};

/* Sonae's translation of @text when it is one of libadwaita's strings
 * above, or NULL. */
static const char *
library_translation (const char *text)
{
  if (text == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (library_strings); i++)
    if (g_str_equal (text, library_strings[i]))
      {
        const char *ours = g_dpgettext2 (GETTEXT_PACKAGE, "about window", library_strings[i]);

        return ours != library_strings[i] ? ours : NULL;
      }
  return NULL;
}

static void
translate_left_in_english (GtkWidget *widget)
{
  const char *ours;

  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      if ((ours = library_translation (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)))) != NULL)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), ours);
    }
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      if ((ours = library_translation (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)))) != NULL)
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), ours);
    }
  else if (ADW_IS_WINDOW_TITLE (widget))
    {
      if ((ours = library_translation (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)))) != NULL)
        adw_window_title_set_title (ADW_WINDOW_TITLE (widget), ours);
    }
  else if (GTK_IS_BUTTON (widget))
    {
      if ((ours = library_translation (gtk_button_get_label (GTK_BUTTON (widget)))) != NULL)
        gtk_button_set_label (GTK_BUTTON (widget), ours);
    }
  else if (GTK_IS_LABEL (widget))
    {
      if ((ours = library_translation (gtk_label_get_label (GTK_LABEL (widget)))) != NULL)
        gtk_label_set_label (GTK_LABEL (widget), ours);
    }
  if ((ours = library_translation (gtk_widget_get_tooltip_text (widget))) != NULL)
    gtk_widget_set_tooltip_text (widget, ours);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    translate_left_in_english (child);
}

GtkWidget *
sonae_about_window_new (GtkWindow *parent)
{
  const char *developers[] = { _("The Sonae developers"), NULL };
  GtkWidget *about;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "title", _("About Sonae"),
                        "application-icon", APP_ID,
                        /* The name is the same in every language. */
                        "application-name", "Sonae",
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Sonae developers"),
                        "developers", developers,
                        /* Translators: Japanese may explain the name here: Sonae is 「備え」 */
                        "comments", _("Be prepared for a cyber incident or an IT outage. Sonae (備え) is Japanese for “preparedness”."),
                        /* Translators: the year, then the authors as in “The Sonae developers” */
                        "copyright", _("© 2026 The Sonae developers"),
                        /* The GPL's sentence, in the user's language (libadwaita's own
                         * may not be translated). */
                        "license-type", GTK_LICENSE_CUSTOM,
                        "license", _("This application comes with absolutely no warranty. See the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public License, version 3 or later</a> for details."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  translate_left_in_english (about);
  return about;
}
