/* sonae-incidents-page.h: the Incidents section of the window */
#pragma once

#include <adwaita.h>

#include "sonae-section.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_INCIDENTS_PAGE (sonae_incidents_page_get_type ())
G_DECLARE_FINAL_TYPE (SonaeIncidentsPage, sonae_incidents_page, SONAE, INCIDENTS_PAGE, SonaeSection)

/* A list of incidents (search, filters, paper forms) and the page of the
 * incident chosen. Like the Contacts page, it brings its own header bars:
 * the window binds its sidebar leaflet's "folded" to "sidebar-folded". */
GtkWidget *sonae_incidents_page_new           (SonaeStore         *store);
/* Open incident @incident_id (from win.show-incident), with the keyboard
 * focus where its next call is logged when it is in progress; FALSE when
 * there is no such incident. */
gboolean   sonae_incidents_page_show_incident (SonaeIncidentsPage *self,
                                               gint64              incident_id);
/* The incident shown, or 0. */
gint64     sonae_incidents_page_get_incident  (SonaeIncidentsPage *self);
/* Put the keyboard focus in the search entry (Ctrl+F). */
void       sonae_incidents_page_focus_search  (SonaeIncidentsPage *self);
/* Write the field values being typed now (also done when hidden). */
void       sonae_incidents_page_save_now      (SonaeIncidentsPage *self);

G_END_DECLS
