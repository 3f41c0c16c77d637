/* sonae-setup-dialog.h: the short, skippable setup of the first start */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_SETUP_DIALOG (sonae_setup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SonaeSetupDialog, sonae_setup_dialog, SONAE, SETUP_DIALOG, AdwWindow)

/* Done saves the profile; Skip and Done both mark the setup as done. */
GtkWidget *sonae_setup_dialog_new (GtkWindow  *parent,
                                   SonaeStore *store);

G_END_DECLS
