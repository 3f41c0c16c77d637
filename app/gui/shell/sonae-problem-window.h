/* sonae-problem-window.h: what is shown instead of the main window when the
 * database cannot be opened (damaged, read-only, written by a newer Sonae) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SONAE_TYPE_PROBLEM_WINDOW (sonae_problem_window_get_type ())
G_DECLARE_FINAL_TYPE (SonaeProblemWindow, sonae_problem_window, SONAE, PROBLEM_WINDOW, AdwApplicationWindow)

/* @error is what sonae_store_open() said. For a damaged database the newest
 * good automatic backup of @data_dir is offered; choosing it emits
 * "restore-backup" with the backup's path. */
GtkWidget  *sonae_problem_window_new         (AdwApplication *app,
                                              const char     *data_dir,
                                              const GError   *error);
/* The path of the backup offered, or NULL. */
const char *sonae_problem_window_get_backup  (SonaeProblemWindow *self);

G_END_DECLS
