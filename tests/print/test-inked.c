/* test-inked.c: a layout drawn from the notes the layout threads take of
 * it (sonae-document-inked.c) looks exactly as Pango draws it, pixel for
 * pixel, and reads the same in a PDF; what the notes cannot hold (a glyph
 * the font lacks) is left to Pango. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "sonae-document-layout-private.h"
#include "sonae-test-util.h"

#define WIDTH  420
#define HEIGHT 160

/* Texts as the documents make them: colours, a badge's background, bold
 * and small type, struck-through text, a ligature, no-break spaces, lines
 * that wrap, and a run from right to left. */
static const char *const markups[] = {
  "<b>山田 太郎</b>\n<span size=\"small\" foreground=\"#5c5c5c\">やまだ たろう</span>",
  "<span size=\"small\" foreground=\"#a35200\">◆</span><span size=\"small\">\u2009システム管理者（代理 1）</span>",
  "<span size=\"small\">Verified 2026-05-01</span>\n<span size=\"small\"><span background=\"#a35200\" foreground=\"#ffffff\" weight=\"bold\">\u00a0Out of date\u00a0</span></span>",
  "<s>患者さんの受付を紙に切り替えた</s> 10:05 <span foreground=\"#b22222\">電子カルテが使えない</span>",
  "office@example.com\n<span size=\"small\" foreground=\"#5c5c5c\">System</span> 電子カルテ ver. 2.1 — fine print, affinity, office",
  "インシデントが発生したときはシステム管理者に報告し、ランサムウェアの疑いがあればネットワークから切り離します。",
  "Arabic: مرحبا بالعالم — and back",
};

static PangoLayout *
make_layout (PangoContext *context,
             const char   *markup)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string ("Noto Sans CJK JP 10");

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, 200 * PANGO_SCALE);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* @layout at (12.5, 9.25) on a white page, in grey, on @cr: by Pango, or
 * from @inked. */
static void
draw (cairo_t     *cr,
      PangoLayout *layout,
      Inked       *inked)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (inked != NULL)
    sonae_inked_show (cr, inked, 12.5, 9.25);
  else
    {
      cairo_move_to (cr, 12.5, 9.25);
      pango_cairo_show_layout (cr, layout);
    }
}

static cairo_surface_t *
draw_image (PangoLayout *layout,
            Inked       *inked)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  /* Not whole pixels, as on paper at another resolution. */
  cairo_scale (cr, 1.5, 1.5);
  draw (cr, layout, inked);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The text of a one-page PDF of @layout drawn one way or the other, and
 * where each character sits. */
static char *
draw_pdf_text (const char  *path,
               PangoLayout *layout,
               Inked       *inked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf;
  PopplerPage *page;
  g_autofree char *text = NULL;
  PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  GString *out;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  draw (cr, layout, inked);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  out = g_string_new (text);
  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  for (guint i = 0; i < n_boxes; i++)
    g_string_append_printf (out, "\n%.2f %.2f %.2f %.2f", boxes[i].x1, boxes[i].y1, boxes[i].x2, boxes[i].y2);
  g_free (boxes);
  g_object_unref (page);
  g_object_unref (pdf);
  return g_string_free (out, FALSE);
}

static void
test_same_as_pango (void)
{
  PangoContext *context = sonae_layout_context_new (pango_cairo_font_map_get_default ());
  g_autofree char *dir = sonae_test_make_dir ();
  guint inked_ones = 0;

  for (guint i = 0; i < G_N_ELEMENTS (markups); i++)
    {
      PangoLayout *layout = make_layout (context, markups[i]);
      Inked *inked = sonae_inked_new (layout);
      g_autofree char *pango_pdf = g_strdup_printf ("%s/pango-%u.pdf", dir, i);
      g_autofree char *inked_pdf = g_strdup_printf ("%s/inked-%u.pdf", dir, i);
      g_autofree char *pango_text = NULL;
      g_autofree char *inked_text = NULL;
      cairo_surface_t *by_pango;
      cairo_surface_t *by_notes;
      int stride;

      if (inked == NULL)
        {
          /* Only a text with a glyph the fonts lack is left to Pango. */
          g_test_message ("not inked: %s", markups[i]);
          g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), >, 0);
          g_object_unref (layout);
          continue;
        }
      inked_ones++;

      by_pango = draw_image (layout, NULL);
      by_notes = draw_image (layout, inked);
      stride = cairo_image_surface_get_stride (by_pango);
      g_assert_cmpmem (cairo_image_surface_get_data (by_notes), stride * HEIGHT,
                       cairo_image_surface_get_data (by_pango), stride * HEIGHT);
      cairo_surface_destroy (by_pango);
      cairo_surface_destroy (by_notes);

      pango_text = draw_pdf_text (pango_pdf, layout, NULL);
      inked_text = draw_pdf_text (inked_pdf, layout, inked);
      g_assert_cmpstr (inked_text, ==, pango_text);
      sonae_inked_free (inked);
      g_object_unref (layout);
    }
  /* All but the right-to-left one at most. */
  g_assert_cmpuint (inked_ones, >=, G_N_ELEMENTS (markups) - 1);
  g_object_unref (context);
  sonae_test_remove_dir (dir);
}

/* A glyph no font has (a character of the private use area) is drawn by
 * Pango as a box with its code: the notes leave that text to Pango. */
static void
test_missing_glyph (void)
{
  PangoContext *context = sonae_layout_context_new (pango_cairo_font_map_get_default ());
  PangoLayout *layout = make_layout (context, "電話 \U000F0041 03-1234-5678");

  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), >, 0);
  g_assert_null (sonae_inked_new (layout));
  g_object_unref (layout);
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inked/same-as-pango", test_same_as_pango);
  g_test_add_func ("/inked/missing-glyph", test_missing_glyph);

  return g_test_run ();
}
