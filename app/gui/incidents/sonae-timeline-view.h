/* sonae-timeline-view.h: an incident's timeline, oldest first, with notes,
 * corrections and entries from paper */
#pragma once

#include <adwaita.h>

#include "sonae-checklist.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_TIMELINE_VIEW (sonae_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeTimelineView, sonae_timeline_view, SONAE, TIMELINE_VIEW, GtkWidget)

GtkWidget *sonae_timeline_view_new          (SonaeStore        *store);
/* Show the timeline of incident @incident_id (0: none); @checklist (may be
 * NULL) names the steps. Reloads the entries. */
void       sonae_timeline_view_set_incident (SonaeTimelineView *self,
                                             gint64             incident_id,
                                             SonaeChecklist    *checklist);
/* Read the entries again. */
void       sonae_timeline_view_reload       (SonaeTimelineView *self);
/* Ask for the correction of entry @entry_id; returns the dialog shown. */
GtkWindow *sonae_timeline_view_correct      (SonaeTimelineView *self,
                                             gint64             entry_id);

G_END_DECLS
