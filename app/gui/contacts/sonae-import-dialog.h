/* sonae-import-dialog.h: the preview of a contacts import, before anything
 * is written */
#pragma once

#include <adwaita.h>

#include "sonae-import.h"

G_BEGIN_DECLS

#define SONAE_TYPE_IMPORT_DIALOG (sonae_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SonaeImportDialog, sonae_import_dialog, SONAE, IMPORT_DIALOG, AdwWindow)

/* Takes @import (already read from a file) and plans it against @store.
 * FALSE and @error when planning failed. Actions: import.apply (writes in one
 * transaction, shows a toast on @parent and closes), import.cancel. */
GtkWidget *sonae_import_dialog_new (GtkWindow    *parent,
                                    SonaeStore   *store,
                                    SonaeImport  *import,
                                    const char   *file_name,
                                    GError      **error);

G_END_DECLS
