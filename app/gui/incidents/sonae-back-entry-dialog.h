/* sonae-back-entry-dialog.h: entering afterwards what was written on paper
 * during an outage: a note, or a checklist step done, with the time written
 * on paper and who did it */
#pragma once

#include <adwaita.h>

#include "sonae-checklist.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_BACK_ENTRY_DIALOG (sonae_back_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBackEntryDialog, sonae_back_entry_dialog, SONAE, BACK_ENTRY_DIALOG, AdwWindow)

/* A modal dialog over @parent for incident @incident_id. With @step, Save
 * checks that step with the paper time (sonae_incidents_check_step); without,
 * Save adds the note typed (sonae_incidents_add_note). A time that cannot be
 * read, or one in the future, is shown next to the field and nothing is
 * saved. */
SonaeBackEntryDialog *sonae_back_entry_dialog_new  (GtkWindow                *parent,
                                                    SonaeStore               *store,
                                                    gint64                    incident_id,
                                                    const SonaeChecklistStep *step);
/* What the Save button does; TRUE when it was saved (the dialog closes). */
gboolean              sonae_back_entry_dialog_save (SonaeBackEntryDialog     *self);

G_END_DECLS
