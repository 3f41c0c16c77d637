/* sonae-bcp-page.h: the BCP section of the window: the worksheets of the
 * IT business-continuity plan (sonae-bcp.h), one at a time, chosen from a
 * list in IT-BCP order, with a print menu (the worksheets, the outage
 * cards, the binder). */
#pragma once

#include <adwaita.h>

#include "sonae-section.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_BCP_PAGE (sonae_bcp_page_get_type ())
G_DECLARE_FINAL_TYPE (SonaeBcpPage, sonae_bcp_page, SONAE, BCP_PAGE, SonaeSection)

/* The worksheets, by name, in order: "policy" (1 policy and team),
 * "events" (2 crisis events), "systems" (3 systems and priorities),
 * "plans" (4 measures, training, upkeep), "drills" (5 drills and review),
 * "risks" (the risk register), "check" (the readiness self-check), and
 * for a healthcare provider "mhlw" (the MHLW checklist, sonae-mhlw-view.h). Like
 * the Incidents page it brings its own header bars: the window binds its
 * sidebar leaflet's "folded" to "sidebar-folded". */
GtkWidget  *sonae_bcp_page_new            (SonaeStore   *store);
/* Show worksheet @name; FALSE when there is none of that name, or none
 * for this organisation. */
gboolean    sonae_bcp_page_show_worksheet (SonaeBcpPage *self,
                                           const char   *name);
const char *sonae_bcp_page_get_worksheet  (SonaeBcpPage *self);
/* Show the systems worksheet and open the editor of system @system_id;
 * FALSE when there is no such system. */
gboolean    sonae_bcp_page_show_system    (SonaeBcpPage *self,
                                           gint64        system_id);
/* Write the texts being typed now (also done when hidden). */
void        sonae_bcp_page_save_now       (SonaeBcpPage *self);

G_END_DECLS
