/* sonae-checklist-view.h: an incident's checklist run: the phases with
 * their progress, each step with its check, who did it and when, and the
 * fields it asks for */
#pragma once

#include <adwaita.h>

#include "sonae-checklist.h"
#include "sonae-incident.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_CHECKLIST_VIEW (sonae_checklist_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeChecklistView, sonae_checklist_view, SONAE, CHECKLIST_VIEW, GtkWidget)

GtkWidget *sonae_checklist_view_new      (SonaeStore          *store);
/* Show @incident (read during the call, not kept) worked through
 * @checklist; both may be NULL. The same incident and checklist again only
 * refreshes the checks, the progress and the fields nobody is typing in. */
void       sonae_checklist_view_set_incident (SonaeChecklistView  *self,
                                              const SonaeIncident *incident,
                                              SonaeChecklist      *checklist);
/* Save the field values typed but not saved yet (they are saved about a
 * second after the last key, and when the view is hidden). TRUE when
 * everything was saved. */
gboolean   sonae_checklist_view_flush    (SonaeChecklistView  *self);

G_END_DECLS
