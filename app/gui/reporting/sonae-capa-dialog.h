/* sonae-capa-dialog.h: add or edit one action of an incident (text, owner
 * from the roster, due date), mark it done (date, 担当, 承認), approve it
 * (承認 and date), or close it with a reason. The dialog stores what it is
 * given through the store and closes; a refusal is shown in the dialog and
 * nothing typed is lost. */
#pragma once

#include <adwaita.h>

#include "sonae-capa.h"
#include "sonae-store.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_CAPA_DIALOG_EDIT,       /* add (id 0) or edit text, owner, due date */
  SONAE_CAPA_DIALOG_COMPLETE,   /* mark done: date, 担当, optional 承認 */
  SONAE_CAPA_DIALOG_APPROVE,    /* 承認: name and date */
  SONAE_CAPA_DIALOG_DROP,       /* close without doing it: reason */
} SonaeCapaDialogMode;

#define SONAE_TYPE_CAPA_DIALOG (sonae_capa_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SonaeCapaDialog, sonae_capa_dialog, SONAE, CAPA_DIALOG, AdwWindow)

/* A dialog to add an action of @kind to @incident_id. */
GtkWidget           *sonae_capa_dialog_new_add  (GtkWindow    *parent,
                                                 SonaeStore   *store,
                                                 gint64        incident_id,
                                                 SonaeCapaKind kind);
/* A dialog to edit, complete, approve or drop @action (copied). */
GtkWidget           *sonae_capa_dialog_new      (GtkWindow          *parent,
                                                 SonaeStore         *store,
                                                 SonaeCapaDialogMode mode,
                                                 const SonaeCapa    *action);
SonaeCapaDialogMode  sonae_capa_dialog_get_mode (SonaeCapaDialog *self);
/* What the primary button does: store, and close when stored. FALSE (and
 * the reason shown in the dialog) when the store refused it. */
gboolean             sonae_capa_dialog_save     (SonaeCapaDialog *self);

G_END_DECLS
