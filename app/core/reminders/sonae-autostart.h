/* sonae-autostart.h: the autostart entry that runs
 * `sonae --check-reminders --notify` when the user logs in, so that what
 * is due reaches them even when Sonae is not open (XDG autostart: a desktop
 * file in $XDG_CONFIG_HOME/autostart). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the entry lives. Newly allocated. */
char     *sonae_autostart_get_path     (void);
gboolean  sonae_autostart_is_installed (void);
/* Write the entry (atomically, creating the folder). @program is the
 * absolute path of the sonae executable to run; @data_dir the data folder
 * to check, or NULL for the default one. */
gboolean  sonae_autostart_install      (const char  *program,
                                        const char  *data_dir,
                                        GError     **error);
/* Remove the entry; TRUE when it is not there afterwards. */
gboolean  sonae_autostart_remove       (GError     **error);
/* The Exec line of an entry for @program and @data_dir, quoted as the
 * desktop entry specification asks. */
char     *sonae_autostart_exec_line    (const char  *program,
                                        const char  *data_dir);

G_END_DECLS
