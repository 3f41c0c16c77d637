/* sonae-document-page.c: a page drawn. Around the text, the page's
 * furniture: the header (the organisation, the document's title, when it
 * was printed), the red band of a drill, and the footer with the page
 * number (of the whole binder, for one of its parts); then each item
 * placed on the page, with the layouts pagination made to measure it, or a
 * slice of one. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sonae-document-layout-private.h"

/* The layouts of the page header (the organisation and the title at the
 * left, when it was printed at the right) and of the drill band, made for
 * the first page drawn after pagination. */
static void
ensure_frame_layouts (SonaeDocument *doc)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *date = NULL;
  g_autofree char *printed = NULL;
  double w = doc->page_width - 2 * MARGIN_X;

  if (doc->header_left != NULL)
    return;

  if (doc->organisation != NULL && *doc->organisation != '\0')
    left = g_markup_printf_escaped ("<b>%s</b>\u2003<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                    doc->organisation, doc->title);
  else
    left = g_markup_printf_escaped ("<b>%s</b>", doc->title);
  date = g_date_time_format (doc->printed, "%Y-%m-%d %H:%M");
  /* Translators: %s is a date and time such as 2026-04-01 09:00 */
  printed = g_strdup_printf (_("Printed %s"), date);
  right = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", printed);

  doc->header_right = sonae_layout_make (doc, right, SIZE_PAGE, FALSE, w * 0.3, PANGO_ALIGN_RIGHT);
  doc->header_left = sonae_layout_make (doc, left, SIZE_PAGE, FALSE, w * 0.68, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (doc->header_left, PANGO_ELLIPSIZE_END);

  if (doc->drill)
    {
      /* Translators: the band across the top of every page of a drill's
       * documents (in Japanese marked 【訓練】, without English) */
      const char *text = C_("drill band", "DRILL — an exercise, not a real incident");
      g_autofree char *band = g_markup_printf_escaped ("<span foreground=\"#ffffff\">%s</span>", text);

      doc->drill_band = sonae_layout_make (doc, band, SIZE_DRILL, TRUE, w, PANGO_ALIGN_CENTER);
      pango_layout_set_ellipsize (doc->drill_band, PANGO_ELLIPSIZE_END);
    }
}

static void
draw_page_frame (SonaeDocument *doc,
                 cairo_t       *cr,
                 guint          page_nr,
                 guint          n_pages)
{
  g_autofree char *footer = NULL;
  PangoLayout *footer_layout;
  double w = doc->page_width - 2 * MARGIN_X;
  double h;

  ensure_frame_layouts (doc);
  sonae_layout_set_gray (cr, 0.1);
  cairo_move_to (cr, MARGIN_X, HEADER_TOP);
  pango_cairo_show_layout (cr, doc->header_left);
  cairo_move_to (cr, MARGIN_X + w * 0.7, HEADER_TOP);
  pango_cairo_show_layout (cr, doc->header_right);
  h = MAX (sonae_layout_height (doc->header_left), sonae_layout_height (doc->header_right));
  sonae_layout_hline (cr, MARGIN_X, MARGIN_X + w, HEADER_TOP + h + 3.0, 0.5, 0.45);

  if (doc->drill_band != NULL)
    {
      PangoLayout *band_layout = doc->drill_band;
      double top = HEADER_TOP + h + 7.0;

      cairo_save (cr);
      cairo_set_source_rgb (cr, RED_R, RED_G, RED_B);
      cairo_rectangle (cr, MARGIN_X, top, w, DRILL_BAND);
      cairo_fill (cr);
      cairo_restore (cr);
      cairo_move_to (cr, MARGIN_X, top + (DRILL_BAND - sonae_layout_height (band_layout)) / 2);
      pango_cairo_show_layout (cr, band_layout);
      sonae_layout_set_gray (cr, 0.1);
    }

  /* Translators: the footer of every printed page, e.g. “Page 2 of 5” */
  footer = g_strdup_printf (_("Page %u of %u"), page_nr + 1 + doc->page_offset,
                            doc->page_total > 0 ? doc->page_total : n_pages);
  if (doc->page_total > 0 && n_pages > 1)
    {
      /* A part of a composed document (the binder) with pages of its own,
       * which its own contents may refer to (the manual's). */
      g_autofree char *whole = g_steal_pointer (&footer);
      /* Translators: in the footer of a page of the binder after “Page 13
       * of 35”: a document of the binder, and its own page number, e.g.
       * “(Emergency Manual: page 2 of 16)” */
      g_autofree char *own = g_strdup_printf (_("(%s: page %u of %u)"), doc->title, page_nr + 1, n_pages);

      footer = g_strconcat (whole, "\u2003", own, NULL);
    }
  {
    g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                       footer);
    footer_layout = sonae_layout_make (doc, markup, SIZE_PAGE, FALSE, w, PANGO_ALIGN_CENTER);
  }
  cairo_move_to (cr, MARGIN_X, doc->page_height - FOOTER_BOTTOM - sonae_layout_height (footer_layout));
  pango_cairo_show_layout (cr, footer_layout);
  g_object_unref (footer_layout);
}

/* Tagged PDF: the structure a screen reader follows, in reading order.
 * cairo writes it for a PDF surface (and ignores it elsewhere); a tag
 * begun on a page ends on it, so that any page can be drawn alone (the
 * print dialog's page ranges). The page header and footer stay outside
 * the structure. */

/* A table of more rows than this is one Table on each page, its text in
 * reading order but without a tag for each row and cell: cairo writes
 * every tag as an object of its own, and a roster of ten thousand
 * contacts tagged cell by cell was twice the size. */
#define TAGGED_ROWS 200

static gboolean
cells_tagged (Block *b)
{
  return b->kind == BLOCK_TABLE && b->cells->len / b->n_columns <= TAGGED_ROWS;
}

/* Whether @markup is white space alone (a paragraph that holds the place
 * of something). */
static gboolean
is_white (const char *markup)
{
  for (const char *p = markup; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The structure tag of an item: NULL for none (a table's row has its
 * own, in a Table; white space has nothing to read). */
static const char *
item_tag (Block *b)
{
  if (b->kind == BLOCK_PARAGRAPH && is_white (b->markup))
    return NULL;

  switch (b->kind)
    {
    case BLOCK_TITLE:
      return "H1";
    case BLOCK_HEADING:
      return "H2";
    case BLOCK_TABLE:
      return cells_tagged (b) ? "TR" : NULL;
    case BLOCK_PARAGRAPH:
    case BLOCK_CHECK_ITEM:
    case BLOCK_CHECK_BOX:
    case BLOCK_OPTIONS:
    case BLOCK_STEP:
    case BLOCK_WRITE_IN:
    case BLOCK_CUT_LINE:
      return "P";
    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    case BLOCK_GROUP_BEGIN:
    case BLOCK_GROUP_END:
    case BLOCK_BOOKMARK:
    default:
      return NULL;
    }
}

/* The text of a table row, a cell (TD, or TH in the header) after the
 * other: its pieces come in the order of the columns. */
static void
show_row_pieces (SonaeDocument *doc,
                 cairo_t       *cr,
                 Block         *b,
                 guint          row,
                 GArray        *pieces)
{
  const char *cell = row == ROW_HEADER ? "TH" : "TD";
  double w = doc->text_width - b->indent;
  guint column = G_MAXUINT;

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *p = &g_array_index (pieces, Piece, i);
      guint c = sonae_layout_column_at (b, w, p->x);

      if (c != column)
        {
          if (column != G_MAXUINT)
            cairo_tag_end (cr, cell);
          cairo_tag_begin (cr, cell, NULL);
          column = c;
        }
      sonae_layout_show_piece (cr, p);
    }
  if (column != G_MAXUINT)
    cairo_tag_end (cr, cell);
}

void
sonae_document_draw_page (SonaeDocument *doc,
                          cairo_t       *cr,
                          guint          page_nr)
{
  guint table = G_MAXUINT;   /* the table block whose Table tag is open */
  GArray *rules;
  guint n_pages;
  guint first, last;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (doc->context != NULL);  /* paginate first */

  if (doc->parts != NULL)
    {
      guint n = doc->parts->len;

      g_return_if_fail (page_nr < g_array_index (doc->part_first_page, guint, n));
      /* The part the page belongs to, and its own page; or the page left
       * blank after it. */
      for (guint i = n; i-- > 0;)
        {
          guint first = g_array_index (doc->part_first_page, guint, i);

          if (page_nr < first)
            continue;
          if (page_nr - first < g_array_index (doc->part_n_pages, guint, i))
            sonae_document_draw_page (g_ptr_array_index (doc->parts, i), cr, page_nr - first);
          else if (doc->blank_page != NULL)
            {
              doc->blank_page->page_offset = page_nr;
              sonae_document_draw_page (doc->blank_page, cr, 0);
            }
          return;
        }
      return;
    }

  n_pages = doc->page_starts->len - 1;
  g_return_if_fail (page_nr < n_pages);

  first = g_array_index (doc->page_starts, guint, page_nr);
  last = g_array_index (doc->page_starts, guint, page_nr + 1);

  cairo_save (cr);
  /* The paper, white, first: cairo's PDF surface adds the box of each
   * thing drawn to the region of the page it covers, which takes a time
   * that grows with the parts that region has (tens of thousands of glyph
   * runs in a long roster) unless the first thing drawn covers it all. */
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_rectangle (cr, 0, 0, doc->sheet_width, doc->sheet_height);
  cairo_fill (cr);
  cairo_scale (cr, doc->scale, doc->scale);
  draw_page_frame (doc, cr, page_nr, n_pages);
  if (doc->page_rules == NULL)
    doc->page_rules = g_array_new (FALSE, FALSE, sizeof (PageRule));
  rules = g_steal_pointer (&doc->page_rules);

  for (guint i = first; i < last; i++)
    {
      Placed *p = &g_array_index (doc->placed, Placed, i);
      Block *b = g_ptr_array_index (doc->blocks, p->block);
      const char *tag = item_tag (b);

      if (table != G_MAXUINT && table != p->block)
        {
          cairo_tag_end (cr, "Table");
          table = G_MAXUINT;
        }
      if (b->kind == BLOCK_TABLE && table == G_MAXUINT)
        {
          cairo_tag_begin (cr, "Table", NULL);
          table = p->block;
        }
      if (tag != NULL)
        cairo_tag_begin (cr, tag, NULL);
      cairo_save (cr);
      /* A slice is clipped to its part of the page, its rules with it. */
      doc->page_rules = p->sliced || !doc->join_rules ? NULL : rules;
      if (p->sliced)
        {
          SliceCache *cache = sonae_layout_get_slice_cache (doc, p);

          /* A slice of something taller than what was left of the page. */
          cairo_rectangle (cr, 0, doc->text_top + p->y, doc->page_width, p->height);
          cairo_clip (cr);
          cairo_translate (cr, MARGIN_X + b->indent, doc->text_top + p->y - p->offset);
          sonae_layout_draw_item (doc, cr, b, p->row, cache->pieces, cache->height);
          sonae_layout_set_gray (cr, 0.1);
          if (cells_tagged (b))
            cairo_tag_begin (cr, p->row == ROW_HEADER ? "TH" : "TD", NULL);
          sonae_layout_show_slice_pieces (cr, cache, p->offset, p->offset + p->height);
          if (cells_tagged (b))
            cairo_tag_end (cr, p->row == ROW_HEADER ? "TH" : "TD");
        }
      else
        {
          double height;
          g_autoptr(GArray) pieces = sonae_layout_item_pieces (doc, p, &height);

          cairo_translate (cr, MARGIN_X + b->indent, doc->text_top + p->y);
          sonae_layout_draw_item (doc, cr, b, p->row, pieces, height);
          sonae_layout_set_gray (cr, 0.1);
          if (cells_tagged (b))
            show_row_pieces (doc, cr, b, p->row, pieces);
          else
            sonae_layout_show_pieces (cr, pieces);
        }
      cairo_restore (cr);
      if (tag != NULL)
        cairo_tag_end (cr, tag);
    }
  if (table != G_MAXUINT)
    cairo_tag_end (cr, "Table");
  /* The rows' rules, outside the structure: they are not text. */
  sonae_layout_stroke_rules (cr, rules);
  doc->page_rules = rules;
  cairo_restore (cr);
}
