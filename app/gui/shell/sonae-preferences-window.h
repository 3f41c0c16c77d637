/* sonae-preferences-window.h: the organisation profile, saved as typed */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_PREFERENCES_WINDOW (sonae_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SonaePreferencesWindow, sonae_preferences_window, SONAE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Milliseconds between the last keystroke and the save. */
#define SONAE_PREFERENCES_SAVE_DELAY 300

GtkWidget *sonae_preferences_window_new   (GtkWindow  *parent,
                                           SonaeStore *store);
/* Save a pending edit now (also done when the window closes). */
void       sonae_preferences_window_flush (SonaePreferencesWindow *self);

G_END_DECLS
