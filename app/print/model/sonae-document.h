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

void           sonae_document_free       (SonaeDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeDocument, sonae_document_free)

const char    *sonae_document_get_doc_title (SonaeDocument *doc);
/* A name for a file of the document, without the extension: its title,
 * then what it is about (“Incident Report 2026-003”), with the characters
 * that a file name cannot hold on some disk (/ \ : * ? " < > | and
 * control characters) as “-”, and at most 200 bytes. */
char          *sonae_document_get_file_name (SonaeDocument *doc);
SonaePaper     sonae_document_get_paper  (SonaeDocument *doc);
/* Whether the pages are the paper turned sideways (landscape); the sizes
 * sonae_document_paginate() is given are then the sheet's as turned. */
gboolean       sonae_document_get_landscape (SonaeDocument *doc);
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

/* Asks the C library to keep memory it frees at the top of its heap (64
 * MB) rather than give it back at once, and to make blocks of up to 32 MB
 * in the heap rather than map each anew: laying out a long document (in
 * several threads) and writing its pages gave memory back and asked for
 * it again thousands of times, each time a fault a page and a pause for
 * the other thread, and cairo reads a font's whole table (16 MB) for each
 * PDF file it writes. For the whole program, once, at its start. */
void           sonae_document_keep_heap  (void);

/* Write the whole document to a PDF file (with the Japanese font embedded). */
gboolean       sonae_document_write_pdf  (SonaeDocument *doc,
                                          const char    *path,
                                          GError       **error);

/* Attributes that keep the phrases of Japanese @text whole where it
 * wraps (Pango breaks Japanese between any two characters): for a label
 * on screen, which the printed documents' rules then set as they set
 * paper. NULL when @text has nothing to keep. */
PangoAttrList *sonae_text_phrase_attributes (const char *text);

G_END_DECLS
