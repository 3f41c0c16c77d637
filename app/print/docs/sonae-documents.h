/* sonae-documents.h: the catalogue of the documents Sonae prints, by the
 * name the command line uses, for the whole organisation or for one
 * incident, year or BCP system. The GUI, the command line and the binder
 * ask it; each document's builder is in sonae-docs.h. */
#pragma once

#include "sonae-document.h"

G_BEGIN_DECLS

/* The documents Sonae can print, by the name the command line uses
 * ("roster", "calltree", …), in menu order; NULL-terminated. */
const char *const *sonae_documents_get_names (void);
/* Translated title of a document name, e.g. “Contact Roster”; NULL when unknown. */
const char        *sonae_documents_get_title (const char *name);

/* Build the document @name from the store's current data. A document that
 * needs an incident ("timeline") fails here with SONAE_ERROR_INVALID. */
SonaeDocument *sonae_documents_build        (SonaeStore  *store,
                                             const char  *name,
                                             SonaePaper   paper,
                                             GError     **error);

/* Documents about one incident. "checklist" takes one (the filled checklist)
 * or none (the blank one); "timeline" needs one; the others take none. */
gboolean       sonae_documents_takes_incident (const char *name);
gboolean       sonae_documents_needs_incident (const char *name);
/* Build @name for incident @incident_id (0: none, as sonae_documents_build).
 * A drill (訓練) is marked as such on every page. Fails with
 * SONAE_ERROR_INVALID for a document that takes no incident, or
 * SONAE_ERROR_NOT_FOUND. */
SonaeDocument *sonae_documents_build_for_incident (SonaeStore  *store,
                                                   const char  *name,
                                                   gint64       incident_id,
                                                   SonaePaper   paper,
                                                   GError     **error);
/* Documents about one year ("register"): @year 0 is this year
 * (sonae_clock_today()). Fails with SONAE_ERROR_INVALID for a document
 * that takes no year or a year outside 1970–9999, or SONAE_ERROR_NOT_FOUND.
 * sonae_documents_build() builds such a document for this year. */
gboolean       sonae_documents_takes_year   (const char *name);
SonaeDocument *sonae_documents_build_for_year (SonaeStore  *store,
                                               const char  *name,
                                               int          year,
                                               SonaePaper   paper,
                                               GError     **error);
/* Documents about one system of the BCP ("outage-card"), by its id
 * (sonae-bcp.h). sonae_documents_build() builds such a document for every
 * system, one after the other. Fails with SONAE_ERROR_INVALID for a
 * document that takes no system, or SONAE_ERROR_NOT_FOUND. */
gboolean       sonae_documents_takes_system   (const char *name);
SonaeDocument *sonae_documents_build_for_system (SonaeStore  *store,
                                                 const char  *name,
                                                 gint64       system_id,
                                                 SonaePaper   paper,
                                                 GError     **error);

G_END_DECLS
