/* sonae-gui-util.h: small things every part of the window needs */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The window registers its AdwToastOverlay here once it is built. */
void  sonae_window_set_toast_overlay (GtkWindow       *window,
                                      AdwToastOverlay *overlay);
/* Show @toast (consumed) in the window @widget belongs to (or is). */
/* A toast saying @title with an "Undo" button that calls @undo (a
 * handler of AdwToast::button-clicked) with @data, freed by @destroy_data
 * when the toast goes; high priority, as a change just made. */
AdwToast *sonae_undo_toast_new       (const char      *title,
                                      GCallback        undo,
                                      gpointer         data,
                                      GClosureNotify   destroy_data);
void  sonae_show_toast               (GtkWidget       *widget,
                                      AdwToast        *toast);
/* A toast with a plain message, for a few seconds. */
void  sonae_show_message             (GtkWidget       *widget,
                                      const char      *message);
/* A modal message for an error a person must read (a refused file, a failed
 * backup): heading plus the GError's message. */
void  sonae_show_error               (GtkWidget       *widget,
                                      const char      *heading,
                                      const GError    *error);

/* Who is working at this computer, for an incident's timeline: the
 * "responder-name" setting (the name typed in Sonae), else a person's name
 * set for the account, else "Not given" (never the login: "root" says
 * nobody). Newly allocated, never empty. */
char *sonae_get_author               (void);
/* Remember @name as the "responder-name" setting. */
void  sonae_set_author               (const char      *name);

/* Load the style sheet @name of the resources (e.g. "sonae-bcp.css") on the
 * default display, once however often it is asked. */
void        sonae_load_style           (const char *name);

/* GTK 4.8 wraps a tooltip at as many average characters as the text has
 * characters; a Japanese character is two wide, so a Japanese tooltip
 * came out at half its width (「印刷」 a character a line). From this call
 * on, every tooltip of the process wraps at 50 characters' width, as GTK's
 * longer English ones do, and a short one is one line. Call once GTK is
 * initialised. */
void        sonae_tooltips_init        (void);

/* Keep the phrases of @label's Japanese text whole where it wraps (GTK
 * breaks Japanese between any two characters: 「ま／たは」). Call it again
 * after the text changes. */
void        sonae_label_keep_phrases   (GtkLabel   *label);
/* The same for every label of @row (its title and subtitle). */
void        sonae_row_keep_phrases     (GtkWidget  *row);

G_END_DECLS
