/* sonae-autostart.h: the autostart entry that runs
 * `sonae --check-reminders --notify` when the user logs in, so that what
 * is due reaches them even when Sonae is not open (XDG autostart: a desktop
 * file in $XDG_CONFIG_HOME/autostart). Inside a Flatpak the session never
 * reads the sandbox's own folder: the Background portal writes the entry
 * instead (the GUI asks it), and this file only decides which way to go. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How reminders at login are set up. */
typedef enum {
  SONAE_AUTOSTART_ENTRY,         /* write the autostart entry ourselves */
  SONAE_AUTOSTART_PORTAL,        /* sandboxed: ask the Background portal */
  SONAE_AUTOSTART_BUILD_FOLDER,  /* a program in its build folder: nothing to start at login */
} SonaeAutostartRoute;

/* The file Flatpak puts at the root of every sandbox. */
#define SONAE_AUTOSTART_FLATPAK_INFO "/.flatpak-info"

/* The absolute path of the program that runs now (/proc/self/exe), or NULL.
 * Under SONAE_TESTING=1, SONAE_TEST_PROGRAM stands for it. Newly allocated. */
char     *sonae_autostart_current_program (void);
/* Whether @program (an absolute path) lies in a meson build folder: a
 * folder at or above it holds meson-private/coredata.dat. */
gboolean  sonae_autostart_in_build_folder (const char *program);
/* The way for @program: the portal when @flatpak_info (normally
 * SONAE_AUTOSTART_FLATPAK_INFO) exists, else none for a build folder's
 * program, else the entry. */
SonaeAutostartRoute sonae_autostart_route (const char *flatpak_info,
                                           const char *program);
/* The program an entry names for @program: "sonae" when the search path
 * finds this very file under that name (an installed Sonae, found as any
 * other command is), else @program itself. Newly allocated. */
char     *sonae_autostart_program_name    (const char *program);

/* Where the entry lives. Newly allocated. */
char     *sonae_autostart_get_path     (void);
gboolean  sonae_autostart_is_installed (void);
/* Write the entry (atomically, creating the folder). @program is the
 * sonae executable to run: "sonae" or an absolute path (see
 * sonae_autostart_program_name()), never one in a build folder (refused
 * with SONAE_ERROR_INVALID); @data_dir the data folder to check, or NULL
 * for the default one. The entry sets no environment: the check speaks the
 * language of the session it runs in. */
gboolean  sonae_autostart_install      (const char  *program,
                                        const char  *data_dir,
                                        GError     **error);
/* When the entry runs a program in a build folder (as entries that
 * uninstalled builds wrote did), write it again for @program, with the same
 * data folder. TRUE when nothing had to be done or it was done. */
gboolean  sonae_autostart_repair       (const char  *program,
                                        GError     **error);
/* The command line of the entry as it is, or NULL when there is none or it
 * cannot be read. */
GStrv     sonae_autostart_read_argv    (void);
/* Remove the entry; TRUE when it is not there afterwards. */
gboolean  sonae_autostart_remove       (GError     **error);
/* The Exec line of an entry for @program and @data_dir, quoted as the
 * desktop entry specification asks. */
char     *sonae_autostart_exec_line    (const char  *program,
                                        const char  *data_dir);
/* The command line itself, one argument an element: @program, then
 * --data-dir @data_dir when not NULL, --check-reminders and --notify (what
 * the Background portal is given). Newly allocated. */
GStrv     sonae_autostart_argv         (const char  *program,
                                        const char  *data_dir);

G_END_DECLS
