/* sonae-reporting-duties-view.h: an incident's reporting duties: must the leak be
 * reported to the Personal Information Protection Commission (the
 * questions asked plainly, the answer with the condition that applies, the
 * preliminary and final dates with days left, the dates reports were sent
 * and the persons notified), the draft of the nine report items to copy
 * into the regulator's form and print, and the other bodies to report to at
 * the incident's level, each with its done date. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_REPORTING_DUTIES_VIEW (sonae_reporting_duties_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeReportingDutiesView, sonae_reporting_duties_view, SONAE, REPORTING_DUTIES_VIEW, GtkWidget)

GtkWidget *sonae_reporting_duties_view_new          (SonaeStore         *store);
/* Show the reporting of @incident_id (0: nothing). The view follows the
 * store's "changed::incidents" itself. */
void       sonae_reporting_duties_view_set_incident (SonaeReportingDutiesView *self,
                                                     gint64                    incident_id);
/* Save text typed but not saved yet. TRUE when everything was saved. */
gboolean   sonae_reporting_duties_view_flush        (SonaeReportingDutiesView *self);

G_END_DECLS
