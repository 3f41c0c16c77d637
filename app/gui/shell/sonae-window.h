/* sonae-window.h: the main window: a sidebar of sections and their pages */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_WINDOW (sonae_window_get_type ())
G_DECLARE_FINAL_TYPE (SonaeWindow, sonae_window, SONAE, WINDOW, AdwApplicationWindow)

/* @app may be NULL (tests build the window without a running application). */
SonaeWindow *sonae_window_new              (AdwApplication *app,
                                            SonaeStore     *store);
SonaeStore  *sonae_window_get_store        (SonaeWindow *self);

/* Sections: "home", "incidents", "manual", "contacts". Unknown names are
 * ignored. */
const char  *sonae_window_get_section      (SonaeWindow *self);
void         sonae_window_set_section      (SonaeWindow *self,
                                            const char  *section);
/* The names of the sections in the sidebar, in order; NULL-terminated. */
const char *const *sonae_window_get_sections (SonaeWindow *self);
GtkWidget   *sonae_window_get_page         (SonaeWindow *self,
                                            const char  *section);

/* The URI of the guide's page for where the person is (F1, "win.help"). */
char        *sonae_window_get_help_uri     (SonaeWindow *self);

/* Preferences (the organisation profile). */
GtkWindow   *sonae_window_show_preferences (SonaeWindow *self);
/* The first-start setup, when the store says it was not done yet. */
GtkWindow   *sonae_window_show_setup_if_needed (SonaeWindow *self);

/* Back up the open database to @path; shows a toast or an error dialog. */
gboolean     sonae_window_back_up_to       (SonaeWindow *self,
                                            const char  *path);
/* Ask whether to replace the data with @file (after checking it), then let
 * the application restore it. */
void         sonae_window_confirm_restore  (SonaeWindow *self,
                                            const char  *file);

G_END_DECLS
