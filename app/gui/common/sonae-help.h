/* sonae-help.h: the user guide (help/, read with yelp), opened at the page
 * for where the person is */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The guide's id, SONAE_HELP_ID ("sonae", config.h): its pages are
 * installed in SONAE_HELPDIR/LANG/sonae. */

/* The guide's URI for @place, where the person is: a section of the window
 * ("home", "incidents", "manual", "contacts", "bcp"), a tab or worksheet of
 * it ("incidents/report", "bcp/mhlw"), or a window of its own
 * ("preferences", "setup", "triage", "roles", "import", "problem").
 * "help:sonae/PAGE"; a place the guide has no page for takes its section's
 * page; NULL or an unknown section the guide's first page, "help:sonae". */
char       *sonae_help_uri_for        (const char *place);

/* Open @uri in the help viewer. When it cannot be opened (yelp is not
 * installed), a dialog over @parent says what to install and where the
 * guide's files are. */
void        sonae_help_show_uri       (GtkWidget  *parent,
                                       const char *uri);

/* Inside a Flatpak (@flatpak_info exists: normally
 * SONAE_AUTOSTART_FLATPAK_INFO) the guide's pages are in the sandbox, out
 * of sight of the host's viewer that the portal would start: the command
 * that opens @uri in the runtime's own yelp. NULL outside a sandbox, or
 * when the sandbox has no yelp (then the portal is asked). */
char      **sonae_help_sandbox_viewer_argv (const char *flatpak_info,
                                            const char *uri);

/* F1 in @window opens the guide at @place's page (a static string). */
void        sonae_help_bind_f1        (GtkWindow  *window,
                                       const char *place);
/* The place sonae_help_bind_f1() gave @window, or NULL. */
const char *sonae_help_get_bound_place (GtkWindow *window);

/* The folder of the guide's pages in the person's language (else in
 * English), where they are installed. */
char       *sonae_help_get_dir        (void);

G_END_DECLS
