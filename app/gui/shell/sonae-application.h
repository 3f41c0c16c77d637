/* sonae-application.h: the application, which opens the store and the window */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_APPLICATION (sonae_application_get_type ())
G_DECLARE_FINAL_TYPE (SonaeApplication, sonae_application, SONAE, APPLICATION, AdwApplication)

/* A GApplication, so that main() can run it as such. */
GApplication *sonae_application_new            (void);

/* The data folder (from --data-dir, SONAE_DATA_DIR or the default). */
const char   *sonae_application_get_data_dir   (SonaeApplication *self);
void          sonae_application_set_data_dir   (SonaeApplication *self,
                                                const char       *data_dir);
/* The open store, or NULL when it could not be opened. */
SonaeStore   *sonae_application_get_store      (SonaeApplication *self);

/* Open the store and show the main window, or the window that explains why
 * the database cannot be opened. Returns that window (borrowed). The
 * application must be registered. */
GtkWindow    *sonae_application_open_window    (SonaeApplication *self);

/* Replace the data with the backup @file (already checked): close the window
 * and the store, restore, reopen, and show a new window with a toast that
 * says where the previous data was kept. On failure the previous data stays
 * and an error is shown. */
void          sonae_application_restore        (SonaeApplication *self,
                                                const char       *file);

G_END_DECLS
