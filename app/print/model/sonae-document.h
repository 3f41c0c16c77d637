/* sonae-document.h: a printable document, laid out once with Pango and cairo
 * for both a PDF file and a page of the system print dialog */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sonae-store.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_PAPER_A4,
  SONAE_PAPER_A3,
} SonaePaper;

typedef struct _SonaeDocument SonaeDocument;

/* The documents Sonae can print, by the name the command line uses
 * ("roster", "calltree", …), in menu order; NULL-terminated. */
const char *const *sonae_document_get_names (void);
/* Translated title of a document name, e.g. “Contact Roster”; NULL when unknown. */
const char        *sonae_document_get_title (const char *name);

/* Build the document @name from the store's current data. A document that
 * needs an incident ("timeline") fails here with SONAE_ERROR_INVALID. */
SonaeDocument *sonae_document_new        (SonaeStore  *store,
                                          const char  *name,
                                          SonaePaper   paper,
                                          GError     **error);

/* Documents about one incident. "checklist" takes one (the filled checklist)
 * or none (the blank one); "timeline" needs one; the others take none. */
gboolean       sonae_document_takes_incident (const char *name);
gboolean       sonae_document_needs_incident (const char *name);
/* Build @name for incident @incident_id (0: none, as sonae_document_new).
 * A drill (訓練) is marked as such on every page. Fails with
 * SONAE_ERROR_INVALID for a document that takes no incident, or
 * SONAE_ERROR_NOT_FOUND. */
SonaeDocument *sonae_document_new_for_incident (SonaeStore  *store,
                                                const char  *name,
                                                gint64       incident_id,
                                                SonaePaper   paper,
                                                GError     **error);
/* Documents about one year ("register"): @year 0 is this year
 * (sonae_clock_today()). Fails with SONAE_ERROR_INVALID for a document
 * that takes no year or a year outside 1970–9999, or SONAE_ERROR_NOT_FOUND.
 * sonae_document_new() builds such a document for this year. */
gboolean       sonae_document_takes_year   (const char *name);
SonaeDocument *sonae_document_new_for_year (SonaeStore  *store,
                                            const char  *name,
                                            int          year,
                                            SonaePaper   paper,
                                            GError     **error);
/* Documents about one system of the BCP ("outage-card"), by its id
 * (sonae-bcp.h). sonae_document_new() builds such a document for every
 * system, one after the other. Fails with SONAE_ERROR_INVALID for a
 * document that takes no system, or SONAE_ERROR_NOT_FOUND. */
gboolean       sonae_document_takes_system   (const char *name);
SonaeDocument *sonae_document_new_for_system (SonaeStore  *store,
                                              const char  *name,
                                              gint64       system_id,
                                              SonaePaper   paper,
                                              GError     **error);
void           sonae_document_free       (SonaeDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeDocument, sonae_document_free)

const char    *sonae_document_get_doc_title (SonaeDocument *doc);
SonaePaper     sonae_document_get_paper  (SonaeDocument *doc);
/* Paper size in points (1/72 inch), portrait. */
void           sonae_paper_get_size      (SonaePaper paper,
                                          double    *width,
                                          double    *height);
gboolean       sonae_paper_from_string   (const char *text,
                                          SonaePaper *out_paper);

/* Lay out the document on pages of @width × @height points with @context
 * (from pango_cairo_create_context() for PDF, or the GtkPrintContext's).
 * Returns the number of pages. Must be called before draw_page. */
guint          sonae_document_paginate   (SonaeDocument *doc,
                                          PangoContext  *context,
                                          double         width,
                                          double         height);
/* Draw page @page_nr (0-based) on @cr, whose origin is the page's top-left
 * corner and whose unit is the point. */
void           sonae_document_draw_page  (SonaeDocument *doc,
                                          cairo_t       *cr,
                                          guint          page_nr);

/* Write the whole document to a PDF file (with the Japanese font embedded). */
gboolean       sonae_document_write_pdf  (SonaeDocument *doc,
                                          const char    *path,
                                          GError       **error);

G_END_DECLS
