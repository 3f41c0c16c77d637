/* sonae-cli.h: the headless commands of `sonae`, which work with no display */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Register the command-line options on @app (call from the application's init). */
void sonae_cli_add_options (GApplication *app);

/* Run the headless command named by @options, from the application's
 * handle-local-options. Returns the exit status, or -1 when no headless
 * command was given and the GUI should start. In both cases *out_data_dir is
 * set to the data folder to use (from --data-dir, SONAE_DATA_DIR or the
 * default). */
int  sonae_cli_handle      (GVariantDict  *options,
                            char         **out_data_dir);

G_END_DECLS
