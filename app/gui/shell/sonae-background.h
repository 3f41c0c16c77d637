/* sonae-background.h: reminders at login inside a Flatpak, asked of the
 * Background portal (the session never reads the sandbox's own autostart
 * folder; the portal writes the entry that starts the app's command). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether this build can ask the portal (it was built with libportal). */
gboolean sonae_background_available            (void);
/* Ask the portal to start `sonae --check-reminders --notify` (with
 * --data-dir @data_dir when not NULL) at each login, or, when @autostart is
 * FALSE, to start nothing. @parent is the window the portal's question is
 * attached to. */
void     sonae_background_request_autostart    (GtkWindow           *parent,
                                                gboolean             autostart,
                                                const char          *data_dir,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* TRUE when the portal did what was asked; FALSE and @error when the user
 * refused, there is no portal, or this build has no libportal. */
gboolean sonae_background_request_autostart_finish (GAsyncResult  *result,
                                                    GError       **error);

G_END_DECLS
