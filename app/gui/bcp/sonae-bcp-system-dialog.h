/* sonae-bcp-system-dialog.h: one system of the BCP (sonae-bcp.h), added or
 * edited: what it is for, its vendor and contract, its place in the order
 * of recovery, its backups, and how work goes on without it. A dialog with
 * Save and Cancel: the store checks everything on Save, and a refusal is
 * shown in the dialog, which stays open with everything typed. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_BCP_SYSTEM_DIALOG (sonae_bcp_system_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpSystemDialog, sonae_bcp_system_dialog, SONAE, BCP_SYSTEM_DIALOG, AdwWindow)

/* A dialog over @parent for system @system_id, or a new one with 0; NULL
 * when there is no such system. Signal "saved" (gint64 system_id, gboolean
 * added) after each successful save. Actions (for the buttons and tests):
 * system-dialog.save, .delete (asks first), .print-outage-card,
 * .restore-today. */
GtkWidget *sonae_bcp_system_dialog_new        (GtkWindow            *parent,
                                               SonaeStore           *store,
                                               gint64                system_id);
/* The system edited; 0 until a new one is saved. */
gint64     sonae_bcp_system_dialog_get_system (SonaeBcpSystemDialog *self);
/* Hand what was typed to the store; on success close the dialog (when
 * @close) and return TRUE, else show why in the dialog and return FALSE. */
gboolean   sonae_bcp_system_dialog_save       (SonaeBcpSystemDialog *self,
                                               gboolean              close);
/* Delete the system without asking (the Delete button asks first). */
gboolean   sonae_bcp_system_dialog_delete     (SonaeBcpSystemDialog *self);

G_END_DECLS
