/* sonae-reporting-view.h: an incident's reporting duties: must the leak be
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

#define SONAE_TYPE_REPORTING_VIEW (sonae_reporting_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeReportingView, sonae_reporting_view, SONAE, REPORTING_VIEW, GtkWidget)

GtkWidget *sonae_reporting_view_new          (SonaeStore         *store);
/* Show the reporting of @incident_id (0: nothing). The view follows the
 * store's "changed::incidents" itself. */
void       sonae_reporting_view_set_incident (SonaeReportingView *self,
                                              gint64              incident_id);
/* Save text typed but not saved yet. TRUE when everything was saved. */
gboolean   sonae_reporting_view_flush        (SonaeReportingView *self);

G_END_DECLS
