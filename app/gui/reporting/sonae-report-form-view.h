/* sonae-report-form-view.h: an incident's report (セキュリティ事故報告書, seed
 * 004) as a form: the fields in the paper form's order, what the incident
 * record proposes marked as such, the 5W1H hearing, the sign-offs of the
 * first aid, and the actions (handling of the result, corrective and
 * preventive actions) with owner, due date, confirmation and approval. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_REPORT_FORM_VIEW (sonae_report_form_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeReportFormView, sonae_report_form_view, SONAE, REPORT_FORM_VIEW, GtkWidget)

GtkWidget *sonae_report_form_view_new          (SonaeStore      *store);
/* Show the report of @incident_id (0: nothing). The same incident again
 * only refreshes what nobody is typing in. The view follows the store's
 * "changed::incidents" itself. */
void       sonae_report_form_view_set_incident (SonaeReportFormView *self,
                                                gint64               incident_id);
/* Save text typed but not saved yet (saved about a second after the last
 * key, and when the view is hidden). TRUE when everything was saved. */
gboolean   sonae_report_form_view_flush        (SonaeReportFormView *self);

G_END_DECLS
