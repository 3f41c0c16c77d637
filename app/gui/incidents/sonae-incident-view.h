/* sonae-incident-view.h: one incident: its state, what to do now, the
 * checklist run, the timeline and the details */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_INCIDENT_VIEW (sonae_incident_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeIncidentView, sonae_incident_view, SONAE, INCIDENT_VIEW, GtkWidget)

/* The view has its own header bar (number and title, the tabs, printing);
 * its Back button activates "incidents.back" and is shown when the boolean
 * property "folded" is TRUE. */
GtkWidget *sonae_incident_view_new          (SonaeStore        *store);
/* Show incident @incident_id (0: nothing). Checks the timeline's chain.
 * FALSE when it cannot be read. */
gboolean   sonae_incident_view_set_incident (SonaeIncidentView *self,
                                             gint64             incident_id);
gint64     sonae_incident_view_get_incident (SonaeIncidentView *self);
/* Show a tab: "now", "checklist", "timeline", "report", "reporting" or
 * "details". */
void       sonae_incident_view_show_tab     (SonaeIncidentView *self,
                                             const char        *tab);
/* On the Now tab of an incident in progress, put the focus where the next
 * call is logged (sonae_incident_now_focus_call); FALSE on another tab. */
gboolean   sonae_incident_view_focus_call   (SonaeIncidentView *self);
/* The tab shown (a name as for _show_tab), or NULL when no incident is
 * shown. */
const char *sonae_incident_view_get_tab     (SonaeIncidentView *self);
/* Write what is being typed now. */
void       sonae_incident_view_flush        (SonaeIncidentView *self);

G_END_DECLS
