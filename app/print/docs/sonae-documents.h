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

/* Build the document @name for the whole organisation, on @paper: the
 * request SONAE_DOCUMENT_REQUEST_INIT (@name) with that paper. */
SonaeDocument *sonae_documents_build        (SonaeStore  *store,
                                             const char  *name,
                                             SonaePaper   paper,
                                             GError     **error);

/* What a document is about. */
typedef enum {
  SONAE_DOCUMENT_FOR_ALL,       /* the organisation; a system's document for
                                 * every system, a year's for this year */
  SONAE_DOCUMENT_FOR_INCIDENT,  /* one incident, by id */
  SONAE_DOCUMENT_FOR_YEAR,      /* one year */
  SONAE_DOCUMENT_FOR_SYSTEM,    /* one system of the BCP, by id */
} SonaeDocumentSubject;

/* One document to build, as the print menu, a page's Print button and the
 * command line's --export all ask for it. */
typedef struct {
  const char *name;             /* "roster", "checklist", … */
  SonaeDocumentSubject subject;
  gint64 id;                    /* FOR_INCIDENT, FOR_SYSTEM: the incident or
                                 * system; 0 is as FOR_ALL (the blank
                                 * checklist, every system) */
  int year;                     /* FOR_YEAR: 1970–9999, 0 for this year */
  SonaePaper paper;
} SonaeDocumentRequest;

#define SONAE_DOCUMENT_REQUEST_INIT(doc_name) \
  { .name = (doc_name), .subject = SONAE_DOCUMENT_FOR_ALL, .paper = SONAE_PAPER_A4 }

/* What the documents can be about. "checklist", "report" and "ppc-draft"
 * take an incident (filled in) or none (the blank form); "timeline" needs
 * one; "register" takes a year, "outage-card" a system. */
gboolean       sonae_documents_takes_incident (const char *name);
gboolean       sonae_documents_needs_incident (const char *name);
gboolean       sonae_documents_takes_year     (const char *name);
gboolean       sonae_documents_takes_system   (const char *name);

/* Why the document @name is not for the store's organisation, as a
 * translated sentence (the MHLW checklist is a clinic's or a hospital's),
 * or NULL when it is (or @name is unknown). */
const char    *sonae_documents_get_unavailable_reason (SonaeStore *store,
                                                       const char *name);

/* Build what @request asks for from the store's current data. A drill
 * (訓練) is marked as such on every page. Fails with SONAE_ERROR_NOT_FOUND
 * for an unknown document, incident or system, or SONAE_ERROR_INVALID with
 * a sentence saying how to ask when the document is not about what the
 * request names, or why it is not for this organisation (a timeline without an incident, a roster for a year, a
 * year outside 1970–9999). */
SonaeDocument *sonae_documents_build_request  (SonaeStore                 *store,
                                               const SonaeDocumentRequest *request,
                                               GError                    **error);

G_END_DECLS
