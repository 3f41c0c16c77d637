/* sonae-test-pdf.c: PDFs read back with poppler, for the print tests */
#include "config.h"

#include <string.h>

#include "sonae-test-pdf.h"

char *
sonae_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
sonae_test_pdf_clear (SonaeTestPdf *pdf)
{
  g_clear_object (&pdf->pdf);
  g_clear_pointer (&pdf->pages, g_strfreev);
  g_clear_pointer (&pdf->all, g_free);
}

typedef enum {
  PORTRAIT,
  LANDSCAPE,
  EITHER,
} Orientation;

static void
pdf_read (SonaeTestPdf *pdf,
          const char   *path,
          Orientation   orientation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  memset (pdf, 0, sizeof *pdf);
  pdf->pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf->pdf);
  pdf->n_pages = poppler_document_get_n_pages (pdf->pdf);
  pdf->pages = g_new0 (char *, pdf->n_pages + 1);
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      double w, h;

      /* A4, every page, upright or turned as asked. */
      poppler_page_get_size (page, &w, &h);
      if (orientation == LANDSCAPE || (orientation == EITHER && w > h))
        {
          g_assert_cmpfloat_with_epsilon (w, 841.89, 0.5);
          g_assert_cmpfloat_with_epsilon (h, 595.28, 0.5);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (w, 595.28, 0.5);
          g_assert_cmpfloat_with_epsilon (h, 841.89, 0.5);
        }
      g_object_unref (page);
      pdf->pages[i] = sonae_test_squeeze (text);
      g_string_append (all, pdf->pages[i]);
    }
  pdf->all = g_string_free (all, FALSE);
}

void
sonae_test_pdf_read (SonaeTestPdf *pdf,
                     const char   *path)
{
  pdf_read (pdf, path, PORTRAIT);
}

void
sonae_test_pdf_read_landscape (SonaeTestPdf *pdf,
                               const char   *path)
{
  pdf_read (pdf, path, LANDSCAPE);
}

void
sonae_test_pdf_read_a4 (SonaeTestPdf *pdf,
                        const char   *path)
{
  pdf_read (pdf, path, EITHER);
}

void
sonae_test_pdf_write_and_read (SonaeDocument *doc,
                               const char    *path,
                               SonaeTestPdf  *pdf)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (doc);
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  pdf_read (pdf, path, sonae_document_get_landscape (doc) ? LANDSCAPE : PORTRAIT);
}

gboolean
sonae_test_pdf_has (const char *haystack,
                    const char *needle)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);

  return strstr (haystack, squeezed) != NULL;
}

void
sonae_test_assert_contains (const char *haystack,
                            const char *needle)
{
  if (!sonae_test_pdf_has (haystack, needle))
    g_error ("“%s” is not in the PDF text: %s", needle, haystack);
}

void
sonae_test_assert_not_contains (const char *haystack,
                                const char *needle)
{
  if (sonae_test_pdf_has (haystack, needle))
    g_error ("“%s” should not be in the PDF text: %s", needle, haystack);
}

gssize
sonae_test_offset_of (const char *haystack,
                      const char *needle,
                      gssize      from)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);
  const char *found = strstr (haystack + from, squeezed);

  if (found == NULL)
    g_error ("“%s” is not in the PDF text after offset %" G_GSSIZE_FORMAT ": %s", needle, from, haystack);
  return found - haystack;
}

SonaeDocument *
sonae_test_build_document (SonaeStore           *store,
                           const char           *name,
                           SonaeDocumentSubject  subject,
                           gint64                id,
                           int                   year,
                           GError              **error)
{
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT (name);

  request.subject = subject;
  request.id = id;
  request.year = year;
  return sonae_documents_build_request (store, &request, error);
}

/* The kinds of the children of @iter's element, each a letter, and the
 * text of the first element of @kind found on the way, in @text. */
static void
structure_kinds (PopplerStructureElementIter *iter,
                 GString                     *kinds,
                 PopplerStructureElementKind  kind,
                 char                       **text)
{
  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);
      PopplerStructureElementKind k = poppler_structure_element_get_kind (element);

      switch (k)
        {
        case POPPLER_STRUCTURE_ELEMENT_DOCUMENT: g_string_append_c (kinds, 'D'); break;
        case POPPLER_STRUCTURE_ELEMENT_SECTION: g_string_append_c (kinds, 'S'); break;
        case POPPLER_STRUCTURE_ELEMENT_HEADING_1: g_string_append_c (kinds, '1'); break;
        case POPPLER_STRUCTURE_ELEMENT_HEADING_2: g_string_append_c (kinds, '2'); break;
        case POPPLER_STRUCTURE_ELEMENT_PARAGRAPH: g_string_append_c (kinds, 'P'); break;
        case POPPLER_STRUCTURE_ELEMENT_TABLE: g_string_append_c (kinds, 'T'); break;
        case POPPLER_STRUCTURE_ELEMENT_TABLE_ROW: g_string_append_c (kinds, 'r'); break;
        case POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING: g_string_append_c (kinds, 'h'); break;
        case POPPLER_STRUCTURE_ELEMENT_TABLE_DATA: g_string_append_c (kinds, 'd'); break;
        case POPPLER_STRUCTURE_ELEMENT_CONTENT: break;
        default: g_string_append_c (kinds, '?'); break;
        }
      if (k == kind && *text == NULL)
        *text = poppler_structure_element_get_text (element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
      if (child != NULL && k != POPPLER_STRUCTURE_ELEMENT_CONTENT)
        {
          gsize before = kinds->len;

          g_string_append_c (kinds, '(');
          structure_kinds (child, kinds, kind, text);
          /* No brackets around the text alone. */
          if (kinds->len == before + 1)
            g_string_truncate (kinds, before);
          else
            g_string_append_c (kinds, ')');
        }
      if (child != NULL)
        poppler_structure_element_iter_free (child);
      g_object_unref (element);
    }
  while (poppler_structure_element_iter_next (iter));
}

char *
sonae_test_pdf_structure (const char                  *path,
                PopplerStructureElementKind  kind,
                char                       **text)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  PopplerStructureElementIter *iter;
  GString *kinds = g_string_new (NULL);

  g_assert_no_error (error);
  iter = poppler_structure_element_iter_new (pdf);
  g_assert_nonnull (iter);
  structure_kinds (iter, kinds, kind, text);
  poppler_structure_element_iter_free (iter);
  g_object_unref (pdf);
  return g_string_free (kinds, FALSE);
}

cairo_surface_t *
sonae_test_pdf_render_page (PopplerDocument *pdf,
                            guint            index,
                            double           scale)
{
  PopplerPage *page = poppler_document_get_page (pdf, (int) index);
  cairo_surface_t *image;
  cairo_t *cr;
  double w, h;

  g_assert_nonnull (page);
  poppler_page_get_size (page, &w, &h);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * scale), (int) (h * scale));
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);
  cairo_surface_flush (image);
  return image;
}
