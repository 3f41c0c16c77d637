/* sonae-document-blocks.c: each kind of block laid out and drawn, an item
 * at a time (a block, or one row of a table): titles, headings, paragraphs
 * (plain, in a warning box or on a banner), the header and rows of the
 * three kinds of table, check items, check boxes with their right column,
 * options, steps, write-in lines and cut lines. */
#include "config.h"

#include <string.h>

#include "sonae-document-layout-private.h"

#define CELL_PAD_X    5.0
#define CELL_PAD_Y    4.5
#define KV_PAD_Y      1.5
#define BOX_PAD       7.0
#define BOX_BAR       3.0
#define WRITE_IN_LINE 24.0
#define BANNER_PAD_X  12.0
#define BANNER_PAD_Y  8.0
#define STEP_DISC     1.5   /* the disc of a step, in times its text size */
#define STEP_GAP      0.5   /* between the disc and the text, likewise */
#define CHECK_BOX     12.0  /* a checklist entry's box */
#define CHECK_TEXT_X  20.0  /* where its text starts */
#define SIDE_WIDTH    0.27  /* its right column, of the width */
#define SIDE_GAP      10.0
#define SIDE_LINE     21.0  /* between two write-in lines of the right column */
#define OPTION_BOX    9.0   /* an option's box */
#define OPTION_GAP    4.0   /* between the box and its label */
#define OPTION_SPACE  16.0  /* between two options */
#define OPTION_LINE   5.0   /* between two lines of options */
#define CUT_HEIGHT    16.0

/* The rules of a form table: grey, 0.6 points wide. */
#define FORM_RULE_GRAY  0.3
#define FORM_RULE_WIDTH 0.6

static double
column_x (Block *b,
          double text_width,
          guint  column)
{
  double x = 0;

  for (guint i = 0; i < column; i++)
    x += b->widths[i] * text_width;
  return x;
}

guint
sonae_layout_column_at (Block  *b,
                        double  text_width,
                        double  x)
{
  guint c = 0;

  while (c + 1 < b->n_columns && x >= column_x (b, text_width, c + 1) - EPSILON)
    c++;
  return c;
}

/* A step: the disc, and where it and the text start so that the disc is
 * centred on the first line of text. */
static void
step_geometry (Block       *b,
               PangoLayout *text,
               double      *disc,
               double      *disc_y,
               double      *text_y)
{
  double line = sonae_layout_first_line_height (text);

  *disc = sonae_layout_text_size (b->style) * STEP_DISC;
  *disc_y = MAX (0.0, (line - *disc) / 2);
  *text_y = MAX (0.0, (*disc - line) / 2);
}

/* Notes a rule from (@x0, @y0) to (@x1, @y1) of the user space of @cr: a
 * rectangle's outline (@rectangle; the points are opposite corners) or a
 * line. */
static void
add_rule (GArray   *rules,
          cairo_t  *cr,
          gboolean  rectangle,
          double    x0,
          double    y0,
          double    x1,
          double    y1)
{
  PageRule rule = { rectangle, x0, y0, x1, y1 };

  cairo_user_to_device (cr, &rule.x0, &rule.y0);
  cairo_user_to_device (cr, &rule.x1, &rule.y1);
  g_array_append_val (rules, rule);
}

/* A straight rule: from @from to @to along the line at @at (a y for a
 * horizontal one, an x for a vertical one), in device space. */
typedef struct {
  double at;
  double from, to;
} Segment;

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const Segment *x = a;
  const Segment *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return 0;
}

static void
add_segment (GArray *segments,
             double  at,
             double  from,
             double  to)
{
  Segment segment = { at, MIN (from, to), MAX (from, to) };

  g_array_append_val (segments, segment);
}

/* @segments sorted, and those on one line that meet or overlap made one. */
static void
join_segments (GArray *segments)
{
  guint kept = 0;

  g_array_sort (segments, compare_segments);
  for (guint i = 0; i < segments->len; i++)
    {
      Segment *s = &g_array_index (segments, Segment, i);
      Segment *last = kept > 0 ? &g_array_index (segments, Segment, kept - 1) : NULL;

      if (last != NULL && G_APPROX_VALUE (last->at, s->at, 1e-6) && s->from <= last->to + 1e-6)
        last->to = MAX (last->to, s->to);
      else
        g_array_index (segments, Segment, kept++) = *s;
    }
  g_array_set_size (segments, kept);
}

static void
path_segments (cairo_t  *cr,
               GArray   *segments,
               gboolean  horizontal)
{
  for (guint i = 0; i < segments->len; i++)
    {
      Segment *s = &g_array_index (segments, Segment, i);
      double x0 = horizontal ? s->from : s->at, y0 = horizontal ? s->at : s->from;
      double x1 = horizontal ? s->to : s->at, y1 = horizontal ? s->at : s->to;

      cairo_device_to_user (cr, &x0, &y0);
      cairo_device_to_user (cr, &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }
}

void
sonae_layout_stroke_rules (cairo_t *cr,
                           GArray  *rules)
{
  g_autoptr(GArray) across = NULL;
  g_autoptr(GArray) down = NULL;

  if (rules->len == 0)
    return;

  /* The rows of a form share their edges, and their sides and columns
   * run on from row to row: each line once, as long as it runs. With
   * square ends, the lines cover what the rows' outlines (mitred at their
   * corners) covered. */
  across = g_array_new (FALSE, FALSE, sizeof (Segment));
  down = g_array_new (FALSE, FALSE, sizeof (Segment));
  for (guint i = 0; i < rules->len; i++)
    {
      PageRule *r = &g_array_index (rules, PageRule, i);

      if (r->rectangle)
        {
          add_segment (across, r->y0, r->x0, r->x1);
          add_segment (across, r->y1, r->x0, r->x1);
          add_segment (down, r->x0, r->y0, r->y1);
          add_segment (down, r->x1, r->y0, r->y1);
        }
      else if (r->x0 == r->x1)
        add_segment (down, r->x0, r->y0, r->y1);
      else
        add_segment (across, r->y0, r->x0, r->x1);
    }
  join_segments (across);
  join_segments (down);

  cairo_save (cr);
  sonae_layout_set_gray (cr, FORM_RULE_GRAY);
  cairo_set_line_width (cr, FORM_RULE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  path_segments (cr, across, TRUE);
  path_segments (cr, down, FALSE);
  cairo_stroke (cr);
  cairo_restore (cr);
  g_array_set_size (rules, 0);
}

double
sonae_layout_item (SonaeDocument *doc,
                   Block         *b,
                   guint          row,
                   GArray        *pieces)
{
  double w = doc->text_width - b->indent;
  double h = 0;

  switch (b->kind)
    {
    case BLOCK_TITLE:
      h = sonae_layout_add_piece (pieces,
                                  sonae_layout_make (doc, b->markup, SIZE_TITLE, TRUE, w, PANGO_ALIGN_LEFT),
                                  0, 0);
      if (b->markup2)
        {
          g_autofree char *sub = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                  b->markup2);
          h += 1;
          h += sonae_layout_add_piece (pieces,
                                       sonae_layout_make (doc, sub, SIZE_SUBTITLE, FALSE, w, PANGO_ALIGN_LEFT),
                                       0, h);
        }
      return h + 7.0;  /* the rule under the title and its space */

    case BLOCK_HEADING:
      h = sonae_layout_add_piece (pieces,
                                  sonae_layout_make (doc, b->markup, SIZE_HEADING, TRUE, w, PANGO_ALIGN_LEFT),
                                  0, 0);
      return h + 4.0;  /* the rule under the heading */

    case BLOCK_PARAGRAPH:
      {
        PangoAlignment align = (b->style & SONAE_STYLE_CENTER) ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
        g_autofree char *markup = NULL;
        const char *text = b->markup;

        if (b->style & SONAE_STYLE_BANNER)
          {
            markup = g_strdup_printf ("<span foreground=\"#ffffff\">%s</span>", b->markup);
            h = sonae_layout_add_paragraphs (doc, pieces, markup, sonae_layout_text_size (b->style),
                                             (b->style & SONAE_STYLE_BOLD) != 0,
                                             w - 2 * BANNER_PAD_X, align, BANNER_PAD_X, BANNER_PAD_Y);
            return h + 2 * BANNER_PAD_Y;
          }
        if (b->style & SONAE_STYLE_MUTED)
          text = markup = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", b->markup);
        if (b->style & SONAE_STYLE_WARNING)
          {
            double inner = w - BOX_BAR - 2 * BOX_PAD;
            h = sonae_layout_add_paragraphs (doc, pieces, text, sonae_layout_text_size (b->style),
                                             (b->style & SONAE_STYLE_BOLD) != 0,
                                             inner, align, BOX_BAR + BOX_PAD, BOX_PAD);
            return h + 2 * BOX_PAD;
          }
        return sonae_layout_add_paragraphs (doc, pieces, text, sonae_layout_text_size (b->style),
                                            (b->style & SONAE_STYLE_BOLD) != 0,
                                            w, align, 0, 0);
      }

    case BLOCK_TABLE:
      {
        gboolean header = row == ROW_HEADER;
        gboolean kv = b->table_kind == TABLE_KEY_VALUE;
        gboolean form = b->table_kind == TABLE_FORM;
        double pad_y = kv ? KV_PAD_Y : CELL_PAD_Y;
        double size = header ? SIZE_SMALL : SIZE_NORMAL;

        for (guint c = 0; c < b->n_columns; c++)
          {
            const char *cell = header ? b->header[c] : g_ptr_array_index (b->cells, row * b->n_columns + c);
            g_autofree char *page = NULL;
            double pad_x = (kv && c == 0) ? 0 : CELL_PAD_X;
            double x = column_x (b, w, c);
            double cw = b->widths[c] * w - (kv ? pad_x + CELL_PAD_X : 2 * pad_x);
            double ch;

            if (cell == NULL || *cell == '\0')
              continue;
            if (!header && b->page_column == c + 1 && doc->page_offset > 0 && strspn (cell, "0123456789") == strlen (cell))
              {
                /* A page of this document, as the whole numbers it. */
                page = g_strdup_printf ("%" G_GUINT64_FORMAT, g_ascii_strtoull (cell, NULL, 10) + doc->page_offset);
                cell = page;
              }
            ch = sonae_layout_add_cell (doc, pieces, cell, size, header, cw,
                                        x + (kv && c == 0 ? 0 : pad_x), pad_y);
            h = MAX (h, ch);
          }
        if (h == 0)
          h = SIZE_NORMAL;
        if (form && !header)
          return MAX (h + 2 * pad_y, b->amount);
        return h + 2 * pad_y;
      }

    case BLOCK_CHECK_BOX:
      {
        gboolean side = b->markup2 != NULL || b->labels != NULL;
        double side_w = side ? w * SIDE_WIDTH : 0;
        double text_w = w - CHECK_TEXT_X - (side ? side_w + SIDE_GAP : 0);
        double side_x = w - side_w;
        double side_h = 0;
        double base;

        h = sonae_layout_add_piece (pieces,
                                    sonae_layout_make (doc, b->markup, SIZE_NORMAL, FALSE, text_w,
                                                       PANGO_ALIGN_LEFT),
                                    CHECK_TEXT_X, 0);
        if (b->markup2 != NULL)
          side_h = sonae_layout_add_piece (pieces,
                                           sonae_layout_make (doc, b->markup2, SIZE_SMALL, FALSE, side_w,
                                                              PANGO_ALIGN_LEFT),
                                           side_x, 0);
        /* Room to write above each line, the label on the line. */
        base = b->markup2 != NULL ? side_h + 4.0 : 0;
        for (guint i = 0; b->labels != NULL && b->labels[i] != NULL; i++)
          {
            g_autofree char *label = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                      b->labels[i]);
            PangoLayout *layout = sonae_layout_make (doc, label, SIZE_SMALL, FALSE, side_w, PANGO_ALIGN_LEFT);
            double lh = sonae_layout_height (layout);
            double y = base + (i + 1) * SIDE_LINE - lh;

            side_h = y + sonae_layout_add_piece (pieces, layout, side_x, y);
          }
        return MAX (MAX (h, side_h), CHECK_BOX + 2.0);
      }

    case BLOCK_OPTIONS:
      {
        double x = 0, y = 0, line = 0;

        if (b->markup != NULL && *b->markup != '\0')
          {
            g_autofree char *label = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                      b->markup);
            y = sonae_layout_add_piece (pieces,
                                        sonae_layout_make (doc, label, SIZE_SMALL, FALSE, w, PANGO_ALIGN_LEFT),
                                        0, 0) + 2.0;
          }
        for (guint i = 0; b->labels != NULL && b->labels[i] != NULL; i++)
          {
            double room = w - OPTION_BOX - OPTION_GAP;
            PangoLayout *layout = sonae_layout_make (doc, b->labels[i], SIZE_NORMAL, FALSE, room,
                                                     PANGO_ALIGN_LEFT);
            PangoRectangle logical;
            double item_w, item_h;

            pango_layout_get_extents (layout, NULL, &logical);
            item_w = OPTION_BOX + OPTION_GAP + pango_units_to_double (logical.width);
            item_h = sonae_layout_height (layout);
            if (x > 0 && x + item_w > w)
              {
                y += line + OPTION_LINE;
                x = 0;
                line = 0;
              }
            sonae_layout_add_piece (pieces, layout, x + OPTION_BOX + OPTION_GAP, y);
            line = MAX (line, item_h);
            x += item_w + OPTION_SPACE;
          }
        return y + line;
      }

    case BLOCK_CUT_LINE:
      if (b->markup != NULL && *b->markup != '\0')
        {
          g_autofree char *label = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">\u2702 %s</span>",
                                                    b->markup);
          PangoLayout *layout = sonae_layout_make (doc, label, SIZE_SMALL, FALSE, w, PANGO_ALIGN_CENTER);

          sonae_layout_add_piece (pieces, layout, 0, (CUT_HEIGHT - sonae_layout_height (layout)) / 2);
        }
      return CUT_HEIGHT;

    case BLOCK_CHECK_ITEM:
      return sonae_layout_add_piece (pieces,
                                     sonae_layout_make (doc, b->markup, SIZE_NORMAL, FALSE, w - 18.0,
                                                        PANGO_ALIGN_LEFT),
                                     18.0, 0);

    case BLOCK_STEP:
      {
        double size = sonae_layout_text_size (b->style);
        double indent = size * (STEP_DISC + STEP_GAP);
        PangoLayout *text = sonae_layout_make (doc, b->markup, size, (b->style & SONAE_STYLE_BOLD) != 0,
                                               w - indent, PANGO_ALIGN_LEFT);
        g_autofree char *number_markup = g_strdup_printf ("<span foreground=\"#ffffff\">%s</span>", b->markup2);
        PangoLayout *number = sonae_layout_make (doc, number_markup, size * 1.05, TRUE, size * STEP_DISC,
                                                 PANGO_ALIGN_CENTER);
        PangoRectangle ink;
        double disc, disc_y, text_y, number_y;

        step_geometry (b, text, &disc, &disc_y, &text_y);
        /* The digits' ink, not their line, centred in the disc. */
        pango_layout_get_extents (number, &ink, NULL);
        number_y = disc_y + disc / 2 - pango_units_to_double (ink.y + ink.height / 2);
        h = sonae_layout_add_piece (pieces, text, indent, text_y) + text_y;
        sonae_layout_add_piece (pieces, number, 0, number_y);
        return MAX (h, disc_y + disc);
      }

    case BLOCK_WRITE_IN:
      {
        g_autofree char *label = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                  b->markup);
        h = sonae_layout_add_piece (pieces,
                                    sonae_layout_make (doc, label, SIZE_SMALL, FALSE, w, PANGO_ALIGN_LEFT),
                                    0, 0);
        return h + b->amount * WRITE_IN_LINE;
      }

    case BLOCK_SPACER:
      return b->amount;

    case BLOCK_PAGE_BREAK:
    case BLOCK_GROUP_BEGIN:
    case BLOCK_GROUP_END:
    default:
      return 0;
    }
}

void
sonae_layout_draw_item (SonaeDocument *doc,
                        cairo_t       *cr,
                        Block         *b,
                        guint          row,
                        GArray        *pieces,
                        double         height)
{
  double w = doc->text_width - b->indent;

  switch (b->kind)
    {
    case BLOCK_TITLE:
      sonae_layout_hline (cr, 0, w, height - 3.0, 1.2, 0.1);
      break;

    case BLOCK_HEADING:
      sonae_layout_hline (cr, 0, w, height - 1.0, 0.6, 0.35);
      break;

    case BLOCK_PARAGRAPH:
      if (b->style & SONAE_STYLE_BANNER)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, RED_R, RED_G, RED_B);
          cairo_rectangle (cr, 0, 0, w, height);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      else if (b->style & SONAE_STYLE_WARNING)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, BOX_FILL_R, BOX_FILL_G, BOX_FILL_B);
          cairo_rectangle (cr, 0, 0, w, height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, RED_R, RED_G, RED_B);
          cairo_rectangle (cr, 0, 0, BOX_BAR, height);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      break;

    case BLOCK_TABLE:
      if (b->table_kind == TABLE_KEY_VALUE)
        break;
      if (b->table_kind == TABLE_FORM)
        {
          if (row == ROW_HEADER)
            {
              cairo_save (cr);
              sonae_layout_set_gray (cr, HEADER_FILL);
              cairo_rectangle (cr, 0, 0, w, height);
              cairo_fill (cr);
              cairo_restore (cr);
            }
          {
            /* Noted for the page to stroke with its other rows' rules, or
             * (in a slice, clipped to it) stroked at once. */
            g_autoptr(GArray) own = doc->page_rules == NULL ? g_array_new (FALSE, FALSE, sizeof (PageRule)) : NULL;
            GArray *rules = own != NULL ? own : doc->page_rules;

            add_rule (rules, cr, TRUE, 0, 0, w, height);
            for (guint c = 1; c < b->n_columns; c++)
              add_rule (rules, cr, FALSE, column_x (b, w, c), 0, column_x (b, w, c), height);
            if (own != NULL)
              sonae_layout_stroke_rules (cr, own);
          }
          break;
        }
      if (row == ROW_HEADER)
        {
          cairo_save (cr);
          sonae_layout_set_gray (cr, HEADER_FILL);
          cairo_rectangle (cr, 0, 0, w, height);
          cairo_fill (cr);
          cairo_restore (cr);
          sonae_layout_hline (cr, 0, w, height - 0.4, 0.8, 0.25);
        }
      else
        sonae_layout_hline (cr, 0, w, height - 0.2, 0.4, RULE_COLOR);
      break;

    case BLOCK_CHECK_ITEM:
      {
        double box = SIZE_NORMAL * 0.95;
        double top = 0;

        if (pieces->len > 0)
          {
            Piece *p = &g_array_index (pieces, Piece, 0);
            PangoLayoutIter *iter = pango_layout_get_iter (p->layout);
            int y0, y1;

            pango_layout_iter_get_line_yrange (iter, &y0, &y1);
            top = (pango_units_to_double (y0) + pango_units_to_double (y1) - box) / 2;
            pango_layout_iter_free (iter);
          }
        cairo_save (cr);
        sonae_layout_set_gray (cr, 0.15);
        cairo_set_line_width (cr, 0.8);
        cairo_rectangle (cr, 1.5, top, box, box);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;

    case BLOCK_STEP:
      if (pieces->len > 0)
        {
          Piece *text = &g_array_index (pieces, Piece, 0);
          double disc, disc_y, text_y;

          step_geometry (b, text->layout, &disc, &disc_y, &text_y);
          cairo_save (cr);
          cairo_set_source_rgb (cr, RED_R, RED_G, RED_B);
          cairo_new_path (cr);
          cairo_arc (cr, disc / 2, disc_y + disc / 2, disc / 2, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      break;

    case BLOCK_CHECK_BOX:
      {
        double top = 0;
        guint first_label = b->markup2 != NULL ? 2 : 1;

        if (pieces->len > 0)
          {
            Piece *p = &g_array_index (pieces, Piece, 0);

            top = MAX (0.0, (sonae_layout_first_line_height (p->layout) - CHECK_BOX) / 2);
          }
        cairo_save (cr);
        sonae_layout_set_gray (cr, 0.1);
        cairo_set_line_width (cr, 1.1);
        cairo_rectangle (cr, 0.6, top, CHECK_BOX, CHECK_BOX);
        cairo_stroke (cr);
        if (b->amount > 0)
          {
            /* A tick, overflowing the box a little as a pen's would. */
            cairo_set_line_width (cr, 2.0);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
            cairo_move_to (cr, 0.6 + CHECK_BOX * 0.18, top + CHECK_BOX * 0.52);
            cairo_line_to (cr, 0.6 + CHECK_BOX * 0.42, top + CHECK_BOX * 0.8);
            cairo_line_to (cr, 0.6 + CHECK_BOX * 1.05, top - CHECK_BOX * 0.12);
            cairo_stroke (cr);
          }
        cairo_restore (cr);

        for (guint i = first_label; i < pieces->len; i++)
          {
            Piece *p = &g_array_index (pieces, Piece, i);
            PangoRectangle logical;
            double baseline = pango_units_to_double (pango_layout_get_baseline (p->layout));

            pango_layout_get_extents (p->layout, NULL, &logical);
            sonae_layout_hline (cr, p->x + pango_units_to_double (logical.x + logical.width) + 3.0, w,
                                p->y + baseline + 1.5, 0.5, 0.45);
          }
      }
      break;

    case BLOCK_OPTIONS:
      {
        guint first_option = (b->markup != NULL && *b->markup != '\0') ? 1 : 0;

        cairo_save (cr);
        sonae_layout_set_gray (cr, 0.15);
        cairo_set_line_width (cr, 0.8);
        for (guint i = first_option; i < pieces->len; i++)
          {
            Piece *p = &g_array_index (pieces, Piece, i);
            double top = p->y + (sonae_layout_first_line_height (p->layout) - OPTION_BOX) / 2;

            cairo_rectangle (cr, p->x - OPTION_GAP - OPTION_BOX, top, OPTION_BOX, OPTION_BOX);
          }
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;

    case BLOCK_CUT_LINE:
      {
        double left = w, right = w;
        double y = CUT_HEIGHT / 2;
        const double dashes[] = { 4.0, 3.0 };

        if (pieces->len > 0)
          {
            Piece *p = &g_array_index (pieces, Piece, 0);
            PangoRectangle logical;

            pango_layout_get_extents (p->layout, NULL, &logical);
            left = p->x + pango_units_to_double (logical.x) - 6.0;
            right = p->x + pango_units_to_double (logical.x + logical.width) + 6.0;
          }
        cairo_save (cr);
        sonae_layout_set_gray (cr, 0.45);
        cairo_set_line_width (cr, 0.6);
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        /* From the sheet's edges, not the margins: the whole sheet is cut. */
        cairo_move_to (cr, -MARGIN_X - b->indent, y);
        cairo_line_to (cr, left, y);
        if (right < w)
          {
            cairo_move_to (cr, right, y);
            cairo_line_to (cr, w + MARGIN_X, y);
          }
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;

    case BLOCK_WRITE_IN:
      for (guint i = 1; i <= (guint) b->amount; i++)
        sonae_layout_hline (cr, 0, w, height - (b->amount - i) * WRITE_IN_LINE - 0.5, 0.5, 0.55);
      break;

    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    case BLOCK_GROUP_BEGIN:
    case BLOCK_GROUP_END:
    default:
      break;
    }
}
