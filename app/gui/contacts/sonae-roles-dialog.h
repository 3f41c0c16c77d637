/* sonae-roles-dialog.h: who holds each role of the manual, and in which
 * order to call them */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_ROLES_DIALOG (sonae_roles_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SonaeRolesDialog, sonae_roles_dialog, SONAE, ROLES_DIALOG, AdwPreferencesWindow)

/* Actions (parameter "(sx)": role key, contact id), for the buttons and tests:
 * roles.add-holder, roles.remove-holder, roles.move-up, roles.move-down. */
GtkWidget *sonae_roles_dialog_new       (GtkWindow        *parent,
                                         SonaeStore       *store);
/* Bring @role_key's group into view and focus it. */
void       sonae_roles_dialog_show_role (SonaeRolesDialog *self,
                                         const char       *role_key);

G_END_DECLS
