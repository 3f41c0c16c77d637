/* sonae-test-pdf.h: PDFs read back with poppler, for the print tests */
#pragma once

#include <poppler.h>

#include "sonae-document.h"
#include "sonae-documents.h"

G_BEGIN_DECLS

typedef struct {
  PopplerDocument *pdf;
  guint n_pages;
  char **pages;   /* text of each page, white space removed */
  char *all;      /* every page, white space removed */
} SonaeTestPdf;

/* @text without white space, newly allocated. */
char     *sonae_test_squeeze            (const char   *text);
/* Read @path; every page must be A4 portrait (_landscape: A4 turned
 * sideways; _a4: A4 either way). */
void      sonae_test_pdf_read           (SonaeTestPdf *pdf,
                                         const char   *path);
void      sonae_test_pdf_read_landscape (SonaeTestPdf *pdf,
                                         const char   *path);
void      sonae_test_pdf_read_a4        (SonaeTestPdf *pdf,
                                         const char   *path);
void      sonae_test_pdf_clear          (SonaeTestPdf *pdf);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SonaeTestPdf, sonae_test_pdf_clear)
/* Write @doc to @path and read it back into @pdf: A4 portrait, or
 * landscape when the document is (sonae_document_get_landscape). */
void      sonae_test_pdf_write_and_read (SonaeDocument *doc,
                                         const char    *path,
                                         SonaeTestPdf  *pdf);

/* sonae_documents_build_request() of @name about @subject (@id an incident
 * or system, @year a year), on A4. */
SonaeDocument *sonae_test_build_document (SonaeStore           *store,
                                          const char           *name,
                                          SonaeDocumentSubject  subject,
                                          gint64                id,
                                          int                   year,
                                          GError              **error);

/* Page @index of @pdf drawn on white for printing, @scale pixels a point
 * (ARGB32; its alpha opaque). */
cairo_surface_t *sonae_test_pdf_render_page (PopplerDocument *pdf,
                                             guint            index,
                                             double           scale);

/* Whether squeezed @haystack holds @needle (squeezed too). */
gboolean  sonae_test_pdf_has            (const char   *haystack,
                                         const char   *needle);
void      sonae_test_assert_contains    (const char   *haystack,
                                         const char   *needle);
void      sonae_test_assert_not_contains (const char  *haystack,
                                         const char   *needle);
/* Where @needle starts in @haystack at or after @from; fails the test
 * when it is not there. */
gssize    sonae_test_offset_of          (const char   *haystack,
                                         const char   *needle,
                                         gssize        from);

/* The structure tree of the tagged PDF @path, an element a letter, its
 * children in brackets after it: D document, S section, 1 and 2
 * headings, P paragraph, T table, r its row, h a header cell, d a data
 * cell, ? anything else ("D(1P2T(r(hh)r(dd)))"); in @text (may be NULL)
 * the text of the first element of @kind. */
char     *sonae_test_pdf_structure      (const char                  *path,
                                         PopplerStructureElementKind  kind,
                                         char                       **text);

G_END_DECLS
