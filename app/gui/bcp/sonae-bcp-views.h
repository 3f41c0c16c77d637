/* sonae-bcp-views.h: the worksheets of the BCP page, in IT-BCP order:
 * 1 policy and team (the basic policy, its place in the business plan, who
 * decides), 2 crisis events (what each would stop, the damage), 3 systems
 * (in recovery order, with their restore tests), 4 plans (prevention
 * measures with owner, due date and status, the training plan, upkeep and
 * its reviews), 5 drills (each with its measures and the drill incident it
 * may link to), the risk register, and the readiness self-check. Each is a
 * SonaeBcpWorksheet: a scrolled page of AdwPreferencesGroups that saves
 * every change as it is made and follows the store's "changed::bcp"
 * signal. SonaeBcpPage puts them in its stack.
 *
 * Their actions, for their buttons (SonaeBcpPage passes them on too):
 * policy: bcp.edit-roles; events: bcp.add-event, bcp.add-usual-events,
 * bcp.delete-event (x, the event); systems: bcp.add-system,
 * bcp.open-system (x, the system). */
#pragma once

#include <adwaita.h>

#include "sonae-bcp-worksheet.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_BCP_POLICY_VIEW (sonae_bcp_policy_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpPolicyView, sonae_bcp_policy_view, SONAE, BCP_POLICY_VIEW, SonaeBcpWorksheet)
GtkWidget *sonae_bcp_policy_view_new  (SonaeStore *store);

#define SONAE_TYPE_BCP_EVENTS_VIEW (sonae_bcp_events_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpEventsView, sonae_bcp_events_view, SONAE, BCP_EVENTS_VIEW, SonaeBcpWorksheet)
GtkWidget *sonae_bcp_events_view_new  (SonaeStore *store);

#define SONAE_TYPE_BCP_SYSTEMS_VIEW (sonae_bcp_systems_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpSystemsView, sonae_bcp_systems_view, SONAE, BCP_SYSTEMS_VIEW, SonaeBcpWorksheet)
GtkWidget *sonae_bcp_systems_view_new (SonaeStore *store);
/* Open the editor of system @system_id, or of a new one with 0; FALSE when
 * there is no such system. */
gboolean   sonae_bcp_systems_view_open_system (SonaeBcpSystemsView *self,
                                               gint64               system_id);

#define SONAE_TYPE_BCP_PLANS_VIEW (sonae_bcp_plans_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpPlansView, sonae_bcp_plans_view, SONAE, BCP_PLANS_VIEW, SonaeBcpWorksheet)
GtkWidget *sonae_bcp_plans_view_new  (SonaeStore *store);
/* Write the texts being typed now (sonae_bcp_worksheet_save_now). */
void       sonae_bcp_plans_view_save_now (SonaeBcpPlansView *self);

#define SONAE_TYPE_BCP_DRILLS_VIEW (sonae_bcp_drills_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpDrillsView, sonae_bcp_drills_view, SONAE, BCP_DRILLS_VIEW, SonaeBcpWorksheet)
GtkWidget *sonae_bcp_drills_view_new (SonaeStore *store);
/* Open the dialog that records a new drill (the page's “Record a Drill”,
 * sonae_bcp_worksheet_add). */
void       sonae_bcp_drills_view_add_drill (SonaeBcpDrillsView *self);

#define SONAE_TYPE_BCP_RISKS_VIEW (sonae_bcp_risks_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpRisksView, sonae_bcp_risks_view, SONAE, BCP_RISKS_VIEW, SonaeBcpWorksheet)
GtkWidget *sonae_bcp_risks_view_new  (SonaeStore *store);

#define SONAE_TYPE_BCP_CHECK_VIEW (sonae_bcp_check_view_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpCheckView, sonae_bcp_check_view, SONAE, BCP_CHECK_VIEW, SonaeBcpWorksheet)
GtkWidget *sonae_bcp_check_view_new  (SonaeStore *store);

G_END_DECLS
