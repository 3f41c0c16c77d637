/* test-pdf-fonts.c: the Japanese font of a PDF made as small as its text
 * needs (sonae-document-fonts.c): the same pages, the same text, a file a
 * clinic can send by e-mail */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "sonae-demo.h"
#include "sonae-document-builder.h"
#include "sonae-document-fonts-private.h"
#include "sonae-documents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

/* What a clinic can attach to an e-mail: the poster must stay under it. */
#define POSTER_MAX_BYTES (400 * 1024)

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF made by cairo alone, in the documents' font, regular and bold:
 * Latin capitals whose glyphs share subroutines with a kanji, the mix that
 * makes cairo 1.16 keep every subroutine of the font. */
static GBytes *
make_cairo_pdf (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (SONAE_PRINT_FONT_FAMILY " 14");

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "FIL 一二三 FL 初動対応ポスター 電話：03-6457-9849", -1);
  cairo_move_to (cr, 40, 40);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  cairo_move_to (cr, 40, 120);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* Page 1 of @pdf drawn at twice its size, and its text. */
static cairo_surface_t *
render (GBytes  *pdf,
        char   **text)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * 2), (int) (height * 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  *text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  gsize inked = 0;

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                         (gsize) stride * height) == 0);
  /* Something was drawn at all. */
  for (gsize i = 0; i < (gsize) stride * height; i += 4)
    if (cairo_image_surface_get_data (a)[i] != 0xff)
      inked++;
  g_assert_cmpuint (inked, >, 1000);
}

/* cairo's file, made smaller, draws the same pixels and holds the same
 * text. */
static void
test_shrink_same_pages (void)
{
  g_autoptr(GBytes) original = make_cairo_pdf ();
  g_autoptr(GBytes) smaller = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  cairo_surface_t *before, *after;

  smaller = sonae_pdf_shrink_fonts (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  if (g_bytes_get_size (original) < 200 * 1024)
    {
      /* A cairo that subsets the font well itself: nothing to do. */
      g_assert_null (smaller);
      g_test_skip ("this cairo keeps only the subroutines it needs");
      return;
    }
  g_assert_nonnull (smaller);
  /* Two weights of a few glyphs each: what cairo makes of a font it can
   * follow (the numbering of the subroutines, and those the glyphs call),
   * not two fonts' worth of subroutines. */
  g_assert_cmpuint (g_bytes_get_size (smaller), <, 160 * 1024);
  g_assert_cmpuint (g_bytes_get_size (smaller), <, g_bytes_get_size (original) / 5);

  before = render (original, &text_before);
  after = render (smaller, &text_after);
  assert_same_pixels (before, after);
  g_assert_cmpstr (text_before, ==, text_after);
  sonae_test_assert_contains (text_after, "初動対応ポスター");
  sonae_test_assert_contains (text_after, "03-6457-9849");
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  /* Done once, there is nothing left to do. */
  g_assert_null (sonae_pdf_shrink_fonts (g_bytes_get_data (smaller, NULL), g_bytes_get_size (smaller)));
}

/* What is not a PDF as cairo writes one, or a font as CFF has it, is left
 * alone, never read past its end. */
static void
test_shrink_leaves_the_rest (void)
{
  g_autoptr(GBytes) original = make_cairo_pdf ();
  const guint8 *data = g_bytes_get_data (original, NULL);
  gsize length = g_bytes_get_size (original);
  static const guint8 garbage[] = { 1, 0, 4, 3, 0, 1, 1, 1, 2, 'x', 0xff, 0xff, 0xff };

  g_assert_null (sonae_pdf_shrink_fonts ((const guint8 *) "not a pdf", 9));
  g_assert_null (sonae_pdf_shrink_fonts (data, 0));
  /* Cut short anywhere: no cross-reference table, nothing done. */
  for (gsize cut = 1; cut < 8; cut++)
    g_assert_null (sonae_pdf_shrink_fonts (data, length - cut * 97));
  g_assert_null (sonae_cff_shrink (garbage, sizeof garbage));
  for (gsize n = 0; n <= sizeof garbage; n++)
    g_assert_null (sonae_cff_shrink (garbage, n));
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

/* The demo clinic's poster, in Japanese and in English, on A4 and A3:
 * under 400 KB; and the binder, every document, far under what the fonts
 * alone took before (1.7 MB a document). */
static void
test_documents_small (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  const gboolean japanese[] = { FALSE, TRUE };

  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (japanese); l++)
    {
      const SonaePaper papers[] = { SONAE_PAPER_A4, SONAE_PAPER_A3 };

      if (japanese[l] && !sonae_test_use_japanese ())
        continue;
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "poster", papers[p], &error);
          g_autofree char *path = g_build_filename (dir, "poster.pdf", NULL);

          g_assert_no_error (error);
          g_assert_true (sonae_document_write_pdf (doc, path, &error));
          g_assert_no_error (error);
          g_test_message ("poster (%s, %s): %" G_GSIZE_FORMAT " bytes", japanese[l] ? "ja" : "en",
                          papers[p] == SONAE_PAPER_A3 ? "A3" : "A4", file_size (path));
          g_assert_cmpuint (file_size (path), <, POSTER_MAX_BYTES);
        }
      {
        g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "binder", SONAE_PAPER_A4, &error);
        g_autofree char *path = g_build_filename (dir, "binder.pdf", NULL);
        SonaeTestPdf pdf = { 0 };

        g_assert_no_error (error);
        sonae_test_pdf_write_and_read (doc, path, &pdf);
        g_test_message ("binder (%s): %u pages, %" G_GSIZE_FORMAT " bytes", japanese[l] ? "ja" : "en",
                        pdf.n_pages, file_size (path));
        g_assert_cmpuint (pdf.n_pages, >, 20);
        g_assert_cmpuint (file_size (path), <, 1024 * 1024);
        sonae_test_pdf_clear (&pdf);
      }
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-fonts/same-pages", test_shrink_same_pages);
  g_test_add_func ("/pdf-fonts/leaves-the-rest", test_shrink_leaves_the_rest);
  g_test_add_func ("/pdf-fonts/documents-small", test_documents_small);
  return g_test_run ();
}
