/* sonae-document-layout.c: pages from blocks, with Pango, for any cairo target.
 *
 * Layout happens once, in points, on a context of our own (72 dpi, unhinted
 * metrics), so a PDF file and the print dialog get the same pages whatever
 * resolution their context has. Pagination keeps only the height of each
 * block and table row; drawing a page lays out again just what is on it, so
 * a roster of ten thousand contacts costs two passes, not one per page. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sonae-document-private.h"

/* The page, in points of an A4 sheet (larger sheets are scaled, see
 * sonae_document_set_scale_to_paper()). */
#define A4_WIDTH      (210.0 * 72.0 / 25.4)
#define MARGIN_X      (18.0 * 72.0 / 25.4)
#define HEADER_TOP    (11.0 * 72.0 / 25.4)
#define TEXT_TOP      (23.0 * 72.0 / 25.4)
#define TEXT_BOTTOM   (20.0 * 72.0 / 25.4)  /* from the bottom edge */
#define FOOTER_BOTTOM (10.0 * 72.0 / 25.4)  /* bottom of the footer line, from the bottom edge */

#define SIZE_NORMAL   10.0
#define SIZE_SMALL    8.5
#define SIZE_LARGE    13.0
#define SIZE_POSTER   24.0
#define SIZE_HUGE     40.0
#define SIZE_TITLE    20.0
#define SIZE_SUBTITLE 10.5
#define SIZE_HEADING  13.0
#define SIZE_PAGE     8.0   /* page header and footer */

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
#define MIN_ZOOM      0.25  /* fit_one_page shrinks no further */
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
#define DRILL_BAND    20.0  /* the drill band under the page header */
#define DRILL_SPACE   26.0  /* what it adds above the text */
#define SIZE_DRILL    10.5

#define RULE_COLOR    0.74
#define HEADER_FILL   0.925
#define BOX_FILL_R    0.996
#define BOX_FILL_G    0.953
#define BOX_FILL_B    0.929
#define RED_R         0.70
#define RED_G         0.15
#define RED_B         0.12

#define EPSILON 0.01

typedef struct {
  PangoLayout *layout;
  double x, y;
  double height;      /* of its logical extents, from y */
} Piece;

static void
piece_clear (gpointer data)
{
  Piece *p = data;

  g_clear_object (&p->layout);
}

static double
text_size (SonaeTextStyle style)
{
  if (style & SONAE_STYLE_HUGE)
    return SIZE_HUGE;
  if (style & SONAE_STYLE_POSTER)
    return SIZE_POSTER;
  if (style & SONAE_STYLE_LARGE)
    return SIZE_LARGE;
  if (style & SONAE_STYLE_SMALL)
    return SIZE_SMALL;
  return SIZE_NORMAL;
}

/* A layout without text in the document's font, @size points. */
static PangoLayout *
new_layout (SonaeDocument  *doc,
            double          size,
            gboolean        bold,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family_static (desc, SONAE_PRINT_FONT_FAMILY);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* Japanese has no spaces between words: break anywhere a word does not fit. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* The text and attributes of @markup; on bad markup (a bug of ours) the
 * markup itself as text, so that nothing the user typed goes missing. */
static void
parse_markup (const char     *markup,
              char          **text,
              PangoAttrList **attrs)
{
  g_autoptr(GError) error = NULL;

  if (!pango_parse_markup (markup, -1, 0, attrs, text, NULL, &error))
    {
      g_critical ("Bad markup in a printed document (%s): %s", error->message, markup);
      *text = g_strdup (markup);
      *attrs = pango_attr_list_new ();
    }
}

static PangoLayout *
make_layout (SonaeDocument  *doc,
             const char     *markup,
             double          size,
             gboolean        bold,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = new_layout (doc, size, bold, width, alignment);
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;

  parse_markup (markup, &text, &attrs);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.y + logical.height);
}

static double
add_piece (GArray      *pieces,
           PangoLayout *layout,
           double       x,
           double       y)
{
  double height = layout_height (layout);

  if (pieces != NULL)
    {
      Piece p = { layout, x, y, height };
      g_array_append_val (pieces, p);
    }
  else
    g_object_unref (layout);
  return height;
}

/* The attributes of @active that apply to the paragraph from byte @start
 * to @end of the text (not an empty one: the attributes at @start), in
 * the paragraph's own byte offsets. */
static PangoAttrList *
paragraph_attributes (GPtrArray *active,
                      guint      start,
                      guint      end)
{
  PangoAttrList *list = pango_attr_list_new ();

  for (guint i = 0; i < active->len; i++)
    {
      PangoAttribute *a = g_ptr_array_index (active, i);
      PangoAttribute *copy;

      if (a->end_index <= start || (a->start_index >= end && a->start_index > start))
        continue;
      copy = pango_attribute_copy (a);
      copy->start_index = MAX (a->start_index, start) - start;
      copy->end_index = a->end_index > end ? PANGO_ATTR_INDEX_TO_TEXT_END : a->end_index - start;
      /* In the order of @active: a later attribute of a kind wins. */
      pango_attr_list_insert (list, copy);
    }
  return list;
}

/* A text of this many paragraphs or more is laid out a paragraph a layout. */
#define MANY_PARAGRAPHS 24

static guint
count_paragraphs (const char *text,
                  guint       at_most)
{
  guint n = 1;

  for (const char *p = strchr (text, '\n'); p != NULL && n < at_most; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

/* Lays out @markup from @x, @y; returns its height. A text of many
 * paragraphs (lines of the markup) gets a layout for each, one under the
 * other: the same lines as one layout would have (to a thousandth of a
 * point), but Pango lays out a text of many paragraphs in a time that
 * grows with the square of their number (each paragraph counts its
 * characters and walks the attributes from the start of the text), and a
 * contact with thousands of phone numbers took minutes. Apart, they take
 * a time in proportion, and a page of a row taller than the page draws
 * only the layouts it shows. A short text keeps its one layout. */
static double
add_paragraphs (SonaeDocument  *doc,
                GArray         *pieces,
                const char     *markup,
                double          size,
                gboolean        bold,
                double          width,
                PangoAlignment  alignment,
                double          x,
                double          y)
{
  g_autofree char *text = NULL;
  PangoAttrList *attrs = NULL;
  GSList *all;
  GSList *next;
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  guint length;
  guint start = 0;
  double h = 0;

  parse_markup (markup, &text, &attrs);
  if (count_paragraphs (text, MANY_PARAGRAPHS) < MANY_PARAGRAPHS)
    {
      PangoLayout *layout = new_layout (doc, size, bold, width, alignment);

      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      return add_piece (pieces, layout, x, y);
    }

  /* One sweep over the attributes, in the order they start: @active holds
   * those that started and may still apply to the paragraphs to come. */
  all = pango_attr_list_get_attributes (attrs);
  pango_attr_list_unref (attrs);
  next = all;
  length = strlen (text);
  for (;;)
    {
      const char *newline = memchr (text + start, '\n', length - start);
      guint end = newline != NULL ? (guint) (newline - text) : length;
      PangoLayout *layout = new_layout (doc, size, bold, width, alignment);
      PangoAttrList *list;

      for (; next != NULL && ((PangoAttribute *) next->data)->start_index <= end; next = next->next)
        g_ptr_array_add (active, next->data);
      for (guint i = 0; i < active->len;)
        {
          PangoAttribute *a = g_ptr_array_index (active, i);

          if (a->end_index <= start)
            g_ptr_array_remove_index (active, i);
          else
            i++;
        }
      list = paragraph_attributes (active, start, end);
      pango_layout_set_text (layout, text + start, (int) (end - start));
      pango_layout_set_attributes (layout, list);
      pango_attr_list_unref (list);
      h += add_piece (pieces, layout, x, y + h);

      if (newline == NULL)
        break;
      start = end + 1;
    }
  g_slist_free_full (all, (GDestroyNotify) pango_attribute_destroy);
  return h;
}

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

/* Height of the first line of @layout. */
static double
first_line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;

  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return pango_units_to_double (y1 - y0);
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
  double line = first_line_height (text);

  *disc = text_size (b->style) * STEP_DISC;
  *disc_y = MAX (0.0, (line - *disc) / 2);
  *text_y = MAX (0.0, (*disc - line) / 2);
}

/* Lays out one block, or one row of a table block, with its top-left corner
 * at 0,0. Returns its height; the layouts go to @pieces when it is not NULL. */
static double
layout_item (SonaeDocument *doc,
             Block         *b,
             guint          row,
             GArray        *pieces)
{
  double w = doc->text_width - b->indent;
  double h = 0;

  switch (b->kind)
    {
    case BLOCK_TITLE:
      h = add_piece (pieces, make_layout (doc, b->markup, SIZE_TITLE, TRUE, w, PANGO_ALIGN_LEFT), 0, 0);
      if (b->markup2)
        {
          g_autofree char *sub = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                  b->markup2);
          h += 1;
          h += add_piece (pieces, make_layout (doc, sub, SIZE_SUBTITLE, FALSE, w, PANGO_ALIGN_LEFT), 0, h);
        }
      return h + 7.0;  /* the rule under the title and its space */

    case BLOCK_HEADING:
      h = add_piece (pieces, make_layout (doc, b->markup, SIZE_HEADING, TRUE, w, PANGO_ALIGN_LEFT), 0, 0);
      return h + 4.0;  /* the rule under the heading */

    case BLOCK_PARAGRAPH:
      {
        PangoAlignment align = (b->style & SONAE_STYLE_CENTER) ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
        g_autofree char *markup = NULL;
        const char *text = b->markup;

        if (b->style & SONAE_STYLE_BANNER)
          {
            markup = g_strdup_printf ("<span foreground=\"#ffffff\">%s</span>", b->markup);
            h = add_paragraphs (doc, pieces, markup, text_size (b->style), (b->style & SONAE_STYLE_BOLD) != 0,
                                w - 2 * BANNER_PAD_X, align, BANNER_PAD_X, BANNER_PAD_Y);
            return h + 2 * BANNER_PAD_Y;
          }
        if (b->style & SONAE_STYLE_MUTED)
          text = markup = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", b->markup);
        if (b->style & SONAE_STYLE_WARNING)
          {
            double inner = w - BOX_BAR - 2 * BOX_PAD;
            h = add_paragraphs (doc, pieces, text, text_size (b->style), (b->style & SONAE_STYLE_BOLD) != 0,
                                inner, align, BOX_BAR + BOX_PAD, BOX_PAD);
            return h + 2 * BOX_PAD;
          }
        return add_paragraphs (doc, pieces, text, text_size (b->style), (b->style & SONAE_STYLE_BOLD) != 0,
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
            double pad_x = (kv && c == 0) ? 0 : CELL_PAD_X;
            double x = column_x (b, w, c);
            double cw = b->widths[c] * w - (kv ? pad_x + CELL_PAD_X : 2 * pad_x);
            double ch;

            if (cell == NULL || *cell == '\0')
              continue;
            ch = add_paragraphs (doc, pieces, cell, size, header, cw, PANGO_ALIGN_LEFT,
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

        h = add_piece (pieces, make_layout (doc, b->markup, SIZE_NORMAL, FALSE, text_w, PANGO_ALIGN_LEFT),
                       CHECK_TEXT_X, 0);
        if (b->markup2 != NULL)
          side_h = add_piece (pieces, make_layout (doc, b->markup2, SIZE_SMALL, FALSE, side_w, PANGO_ALIGN_LEFT),
                              side_x, 0);
        /* Room to write above each line, the label on the line. */
        base = b->markup2 != NULL ? side_h + 4.0 : 0;
        for (guint i = 0; b->labels != NULL && b->labels[i] != NULL; i++)
          {
            g_autofree char *label = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                      b->labels[i]);
            PangoLayout *layout = make_layout (doc, label, SIZE_SMALL, FALSE, side_w, PANGO_ALIGN_LEFT);
            double lh = layout_height (layout);
            double y = base + (i + 1) * SIDE_LINE - lh;

            side_h = y + add_piece (pieces, layout, side_x, y);
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
            y = add_piece (pieces, make_layout (doc, label, SIZE_SMALL, FALSE, w, PANGO_ALIGN_LEFT), 0, 0) + 2.0;
          }
        for (guint i = 0; b->labels != NULL && b->labels[i] != NULL; i++)
          {
            double room = w - OPTION_BOX - OPTION_GAP;
            PangoLayout *layout = make_layout (doc, b->labels[i], SIZE_NORMAL, FALSE, room, PANGO_ALIGN_LEFT);
            PangoRectangle logical;
            double item_w, item_h;

            pango_layout_get_extents (layout, NULL, &logical);
            item_w = OPTION_BOX + OPTION_GAP + pango_units_to_double (logical.width);
            item_h = layout_height (layout);
            if (x > 0 && x + item_w > w)
              {
                y += line + OPTION_LINE;
                x = 0;
                line = 0;
              }
            add_piece (pieces, layout, x + OPTION_BOX + OPTION_GAP, y);
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
          PangoLayout *layout = make_layout (doc, label, SIZE_SMALL, FALSE, w, PANGO_ALIGN_CENTER);

          add_piece (pieces, layout, 0, (CUT_HEIGHT - layout_height (layout)) / 2);
        }
      return CUT_HEIGHT;

    case BLOCK_CHECK_ITEM:
      return add_piece (pieces, make_layout (doc, b->markup, SIZE_NORMAL, FALSE, w - 18.0, PANGO_ALIGN_LEFT), 18.0, 0);

    case BLOCK_STEP:
      {
        double size = text_size (b->style);
        double indent = size * (STEP_DISC + STEP_GAP);
        PangoLayout *text = make_layout (doc, b->markup, size, (b->style & SONAE_STYLE_BOLD) != 0,
                                         w - indent, PANGO_ALIGN_LEFT);
        g_autofree char *number_markup = g_strdup_printf ("<span foreground=\"#ffffff\">%s</span>", b->markup2);
        PangoLayout *number = make_layout (doc, number_markup, size * 1.05, TRUE, size * STEP_DISC,
                                           PANGO_ALIGN_CENTER);
        PangoRectangle ink;
        double disc, disc_y, text_y, number_y;

        step_geometry (b, text, &disc, &disc_y, &text_y);
        /* The digits' ink, not their line, centred in the disc. */
        pango_layout_get_extents (number, &ink, NULL);
        number_y = disc_y + disc / 2 - pango_units_to_double (ink.y + ink.height / 2);
        h = add_piece (pieces, text, indent, text_y) + text_y;
        add_piece (pieces, number, 0, number_y);
        return MAX (h, disc_y + disc);
      }

    case BLOCK_WRITE_IN:
      {
        g_autofree char *label = g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                  b->markup);
        h = add_piece (pieces, make_layout (doc, label, SIZE_SMALL, FALSE, w, PANGO_ALIGN_LEFT), 0, 0);
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

static double
spacing_before (Block *b)
{
  switch (b->kind)
    {
    case BLOCK_CHECK_BOX:
      return 9.0;
    case BLOCK_OPTIONS:
      return 6.0;
    case BLOCK_CUT_LINE:
      return 10.0;
    case BLOCK_HEADING:
      return 16.0;
    case BLOCK_PARAGRAPH:
      return 6.0;
    case BLOCK_TABLE:
      return b->table_kind == TABLE_KEY_VALUE ? 4.0 : 8.0;
    case BLOCK_CHECK_ITEM:
      return 4.0;
    case BLOCK_WRITE_IN:
      return 8.0;
    case BLOCK_STEP:
      return text_size (b->style) * 0.35;
    case BLOCK_TITLE:
    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    case BLOCK_GROUP_BEGIN:
    case BLOCK_GROUP_END:
    default:
      return 0;
    }
}

/* The space above block @i: none between two form tables, which join. */
static double
block_spacing (SonaeDocument *doc,
               guint          i)
{
  Block *b = g_ptr_array_index (doc->blocks, i);

  if (b->kind == BLOCK_TABLE && b->table_kind == TABLE_FORM && i > 0)
    {
      Block *prev = g_ptr_array_index (doc->blocks, i - 1);

      if (prev->kind == BLOCK_TABLE && prev->table_kind == TABLE_FORM)
        return 0;
    }
  return spacing_before (b);
}

/* Heights of every block and row, measured once. */
typedef struct {
  double height;   /* not tables */
  double header;   /* tables: the header row, 0 when none */
  double *rows;    /* tables: each row */
  guint n_rows;
} Measure;

static void
measure_all (SonaeDocument *doc,
             Measure       *m)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind != BLOCK_TABLE)
        {
          m[i].height = layout_item (doc, b, ROW_NONE, NULL);
          continue;
        }
      m[i].header = b->header ? layout_item (doc, b, ROW_HEADER, NULL) : 0;
      /* A header taller than half a page would leave no room for rows. */
      if (m[i].header > doc->text_height / 2)
        m[i].header = 0;
      m[i].n_rows = b->cells->len / b->n_columns;
      m[i].rows = g_new (double, m[i].n_rows);
      for (guint r = 0; r < m[i].n_rows; r++)
        m[i].rows[r] = layout_item (doc, b, r, NULL);
    }
}

/* The height a block needs at least on the page where it starts: what a
 * heading must be kept with. */
static double
first_part_height (SonaeDocument *doc,
                   Measure       *m,
                   guint          i)
{
  for (; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      switch (b->kind)
        {
        case BLOCK_GROUP_BEGIN:
        case BLOCK_GROUP_END:
          continue;
        case BLOCK_PAGE_BREAK:
          return 0;
        case BLOCK_TABLE:
          return block_spacing (doc, i) + m[i].header + (m[i].n_rows > 0 ? m[i].rows[0] : 0);
        case BLOCK_PARAGRAPH:
        case BLOCK_WRITE_IN:
          return block_spacing (doc, i) + MIN (m[i].height, 40.0);
        default:
          return block_spacing (doc, i) + m[i].height;
        }
    }
  return 0;
}

static double
range_height (SonaeDocument *doc,
              Measure       *m,
              guint          from,
              guint          to)
{
  double total = 0;

  for (guint i = from; i < to && i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      total += block_spacing (doc, i);
      if (b->kind == BLOCK_TABLE)
        {
          total += m[i].header;
          for (guint r = 0; r < m[i].n_rows; r++)
            total += m[i].rows[r];
        }
      else
        total += m[i].height;
    }
  return total;
}

/* The lines of text of an item taller than a page, to cut it into slices
 * between two lines: laid out once for all its pages. */
typedef struct {
  guint n;
  double *top;         /* of each line, the lines in the order of their tops */
  double *bottom;
  double *max_bottom;  /* [i]: the lowest bottom of lines 0 to i - 1 */
  double *min_bottom;  /* [i]: the highest bottom of lines i to n - 1 */
} Lines;

typedef struct {
  double top, bottom;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  return (x->top > y->top) - (x->top < y->top);
}

static Lines *
lines_new (SonaeDocument *doc,
           Block         *b,
           guint          row)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Lines *lines = g_new0 (Lines, 1);

  g_array_set_clear_func (pieces, piece_clear);
  layout_item (doc, b, row, pieces);
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *p = &g_array_index (pieces, Piece, i);
      PangoLayoutIter *iter = pango_layout_get_iter (p->layout);

      do
        {
          int y0, y1;
          Span span;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          span.top = p->y + pango_units_to_double (y0);
          span.bottom = p->y + pango_units_to_double (y1);
          g_array_append_val (spans, span);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  g_array_sort (spans, compare_spans);

  lines->n = spans->len;
  lines->top = g_new (double, lines->n);
  lines->bottom = g_new (double, lines->n);
  lines->max_bottom = g_new (double, lines->n + 1);
  lines->min_bottom = g_new (double, lines->n + 1);
  lines->max_bottom[0] = -G_MAXDOUBLE;
  for (guint i = 0; i < lines->n; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      lines->top[i] = span->top;
      lines->bottom[i] = span->bottom;
      lines->max_bottom[i + 1] = MAX (lines->max_bottom[i], span->bottom);
    }
  lines->min_bottom[lines->n] = G_MAXDOUBLE;
  for (guint i = lines->n; i-- > 0;)
    lines->min_bottom[i] = MIN (lines->min_bottom[i + 1], lines->bottom[i]);
  return lines;
}

static void
lines_free (Lines *lines)
{
  if (lines == NULL)
    return;
  g_free (lines->top);
  g_free (lines->bottom);
  g_free (lines->max_bottom);
  g_free (lines->min_bottom);
  g_free (lines);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lines, lines_free)

/* The first @i in 0 to @n for which @values[i] > @x (@values rising), or @n. */
static guint
first_above (const double *values,
             guint         n,
             double        x)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (values[middle] > x)
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

/* Where to end the visible part of an item that starts at @from, at
 * @limit at most, without cutting a line of text in two. Returns @from when
 * not even one line fits. */
static double
find_cut (Lines  *lines,
          double  from,
          double  limit)
{
  double cut = limit;
  guint i;

  /* While the cut falls inside a line, move it up to the top of that line
   * (of the one that starts highest, when it falls inside several: columns
   * side by side have lines of their own). That line is the first, in the
   * order of tops, to end below the cut. */
  for (;;)
    {
      i = first_above (lines->max_bottom + 1, lines->n, cut + EPSILON);
      if (i == lines->n || lines->top[i] >= cut - EPSILON)
        break;
      cut = lines->top[i];
    }
  /* Nothing but padding would be shown: no line fits. */
  i = first_above (lines->top, lines->n, from - EPSILON);
  while (i > 0 && lines->top[i - 1] >= from - EPSILON)
    i--;
  if (i < lines->n && lines->min_bottom[i] <= cut + EPSILON)
    return cut;
  return from;
}

typedef struct {
  SonaeDocument *doc;
  Measure *m;
  double y;          /* next free position from the top of the text area */
  gboolean content;  /* something other than a repeated table header is on this page */
  gboolean after_heading;
} Flow;

static void
place (Flow   *f,
       guint   block,
       guint   row,
       double  y,
       double  offset,
       double  height)
{
  Placed p = { block, row, y, offset, height, FALSE };

  g_array_append_val (f->doc->placed, p);
}

/* One slice of an item shown over several pages. */
static void
place_slice (Flow   *f,
             guint   block,
             guint   row,
             double  y,
             double  offset,
             double  height)
{
  Placed p = { block, row, y, offset, height, TRUE };

  g_array_append_val (f->doc->placed, p);
}

static guint
current_page (Flow *f)
{
  return f->doc->page_starts->len - 1;
}

static void
next_page (Flow  *f,
           guint  header_block)
{
  guint start = f->doc->placed->len;

  g_array_append_val (f->doc->page_starts, start);
  f->y = 0;
  f->content = FALSE;
  f->after_heading = FALSE;
  if (header_block != ROW_NONE && f->m[header_block].header > 0)
    {
      place (f, header_block, ROW_HEADER, 0, 0, f->m[header_block].header);
      f->y = f->m[header_block].header;
    }
}

/* Places an item of height @h, in slices over several pages when it does
 * not fit on one (always when @splittable, else only when it is taller
 * than a page). @header_block, unless ROW_NONE, is a table whose header
 * row starts every new page. */
static void
flow_item (Flow     *f,
           guint     block,
           guint     row,
           double    h,
           double    spacing,
           gboolean  splittable,
           guint     header_block)
{
  SonaeDocument *doc = f->doc;
  Block *b = g_ptr_array_index (doc->blocks, block);
  double header = header_block != ROW_NONE ? f->m[header_block].header : 0;
  double offset = 0;
  g_autoptr(Lines) lines = NULL;

  for (;;)
    {
      double sp = f->content ? spacing : 0;
      double avail = doc->text_height - f->y - sp;
      double rest = h - offset;

      if (rest <= avail + EPSILON)
        {
          if (offset > 0)
            place_slice (f, block, row, f->y + sp, offset, rest);
          else
            place (f, block, row, f->y + sp, offset, rest);
          f->y += sp + rest;
          f->content = TRUE;
          return;
        }
      if (avail > 1.0 && (splittable || rest > doc->text_height - header + EPSILON))
        {
          double cut;

          if (lines == NULL)
            lines = lines_new (doc, b, row);
          cut = find_cut (lines, offset, offset + avail);
          if (cut > offset + EPSILON)
            {
              place_slice (f, block, row, f->y + sp, offset, cut - offset);
              offset = cut;
              next_page (f, header_block);
              continue;
            }
        }
      if (f->content || avail <= 1.0)
        {
          next_page (f, header_block);
          continue;
        }
      /* Not even one line fits on an empty page: cut it anyway. */
      place_slice (f, block, row, f->y + sp, offset, avail);
      offset += avail;
      f->content = TRUE;
      next_page (f, header_block);
    }
}

static void
add_outline_entry (Flow  *f,
                   Block *b)
{
  OutlineEntry e;
  Placed *p = &g_array_index (f->doc->placed, Placed, f->doc->placed->len - 1);

  e.page = current_page (f);
  e.y = (f->doc->text_top + p->y) * f->doc->scale;
  e.level = b->kind == BLOCK_TITLE ? 0 : 1;
  e.text = g_strdup (b->plain);
  g_array_append_val (f->doc->outline, e);
}

static void
flow_blocks (Flow *f)
{
  SonaeDocument *doc = f->doc;
  Measure *m = f->m;
  double text_height = doc->text_height;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);
      double sp = block_spacing (doc, i);

      if (f->after_heading && b->kind != BLOCK_GROUP_BEGIN && b->kind != BLOCK_GROUP_END)
        sp = MIN (sp, 5.0);

      switch (b->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (f->content)
            next_page (f, ROW_NONE);
          break;

        case BLOCK_SPACER:
          if (f->content)
            {
              if (f->y + b->amount > text_height)
                next_page (f, ROW_NONE);
              else
                f->y += b->amount;
            }
          break;

        case BLOCK_GROUP_BEGIN:
          {
            double total = range_height (doc, m, i + 1, b->group_end);

            if (f->content && f->y + total > text_height && total <= text_height)
              next_page (f, ROW_NONE);
          }
          break;

        case BLOCK_GROUP_END:
          break;

        case BLOCK_TITLE:
        case BLOCK_HEADING:
          {
            double need = (f->content ? sp : 0) + m[i].height + first_part_height (doc, m, i + 1);

            if (f->content && f->y + need > text_height && need <= text_height)
              next_page (f, ROW_NONE);
            flow_item (f, i, ROW_NONE, m[i].height, sp, FALSE, ROW_NONE);
            add_outline_entry (f, b);
            f->after_heading = TRUE;
            continue;
          }

        case BLOCK_BOOKMARK:
          {
            OutlineEntry e;

            e.page = current_page (f);
            e.y = (doc->text_top + f->y) * doc->scale;
            e.level = 0;
            e.text = g_strdup (b->plain);
            g_array_append_val (doc->outline, e);
          }
          continue;

        case BLOCK_PARAGRAPH:
          flow_item (f, i, ROW_NONE, m[i].height, sp, TRUE, ROW_NONE);
          break;

        case BLOCK_TABLE:
          {
            double header = m[i].header;
            double first = m[i].n_rows > 0 ? m[i].rows[0] : 0;
            guint header_block = header > 0 ? i : ROW_NONE;

            if (f->content && f->y + sp + header + first > text_height && header + first <= text_height)
              next_page (f, ROW_NONE);
            if (header > 0)
              {
                double y = f->y + (f->content ? sp : 0);

                place (f, i, ROW_HEADER, y, 0, header);
                f->y = y + header;
                f->content = TRUE;
                sp = 0;
              }
            for (guint r = 0; r < m[i].n_rows; r++)
              flow_item (f, i, r, m[i].rows[r], r == 0 ? sp : 0, FALSE, header_block);
          }
          break;

        case BLOCK_CHECK_ITEM:
        case BLOCK_WRITE_IN:
        default:
          flow_item (f, i, ROW_NONE, m[i].height, sp, FALSE, ROW_NONE);
          break;
        }
      if (b->kind != BLOCK_GROUP_BEGIN && b->kind != BLOCK_GROUP_END)
        f->after_heading = FALSE;
    }
}

static PangoContext *
make_context (PangoContext *given)
{
  PangoContext *context = pango_font_map_create_context (pango_context_get_font_map (given));
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics that do not depend on the device, and points as the unit. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
  return context;
}

/* Lays out the blocks on pages of the sheet, shown at @zoom times their
 * size. Returns the number of pages. */
static guint
flow_at_zoom (SonaeDocument *doc,
              double         zoom)
{
  g_autofree Measure *m = NULL;
  Flow flow = { 0 };
  guint start = 0;

  g_array_set_size (doc->placed, 0);
  g_array_set_size (doc->page_starts, 0);
  g_array_set_size (doc->outline, 0);

  doc->scale = (doc->scale_to_paper ? MAX (1.0, doc->sheet_width / A4_WIDTH) : 1.0) * zoom;
  doc->page_width = doc->sheet_width / doc->scale;
  doc->page_height = doc->sheet_height / doc->scale;
  doc->text_width = MAX (doc->page_width - 2 * MARGIN_X, 72.0);
  doc->text_top = TEXT_TOP + (doc->drill ? DRILL_SPACE : 0);
  doc->text_height = MAX (doc->page_height - doc->text_top - TEXT_BOTTOM, 72.0);

  m = g_new0 (Measure, doc->blocks->len);
  measure_all (doc, m);

  g_array_append_val (doc->page_starts, start);
  flow.doc = doc;
  flow.m = m;
  flow_blocks (&flow);
  /* A page break or a spacer at the end leaves an empty last page. */
  if (!flow.content && doc->page_starts->len > 1)
    g_array_set_size (doc->page_starts, doc->page_starts->len - 1);
  start = doc->placed->len;
  g_array_append_val (doc->page_starts, start);

  for (guint i = 0; i < doc->blocks->len; i++)
    g_free (m[i].rows);

  return doc->page_starts->len - 1;
}

/* A composed document: the parts' bookmarks one level under the part's
 * own. A part's title that only repeats the part's bookmark is left out,
 * its headings coming straight under the part. */
static void
compose_outline (SonaeDocument *doc)
{
  for (guint i = 0; i < doc->parts->len; i++)
    {
      SonaeDocument *part = g_ptr_array_index (doc->parts, i);
      guint first = g_array_index (doc->part_first_page, guint, i);
      const char *label = doc->part_bookmarks[i] ? doc->part_bookmarks[i] : part->title;
      gboolean skipped_title = FALSE;
      OutlineEntry top = { first, 0, 0, g_strdup (label) };

      g_array_append_val (doc->outline, top);
      for (guint j = 0; j < part->outline->len; j++)
        {
          OutlineEntry *e = &g_array_index (part->outline, OutlineEntry, j);
          OutlineEntry copy = { e->page + first, e->y, e->level + 1, NULL };

          if (e->level == 0)
            {
              skipped_title = g_strcmp0 (e->text, label) == 0;
              if (skipped_title)
                continue;
            }
          else if (skipped_title)
            copy.level = e->level;
          copy.text = g_strdup (e->text);
          g_array_append_val (doc->outline, copy);
        }
    }
}

static void
set_part_pages (SonaeDocument *doc,
                const guint   *counts)
{
  guint page = 0;

  g_array_set_size (doc->part_first_page, 0);
  for (guint i = 0; i < doc->parts->len; i++)
    {
      g_array_append_val (doc->part_first_page, page);
      page += counts[i];
    }
  g_array_append_val (doc->part_first_page, page);
}

/* Every part laid out on its own, then the table of contents filled with
 * their first pages and laid out again until its own length no longer
 * moves the pages after it. */
static guint
paginate_parts (SonaeDocument *doc,
                PangoContext  *context,
                double         width,
                double         height)
{
  g_autofree guint *counts = g_new0 (guint, doc->parts->len);
  int contents = doc->contents_part;
  guint total;

  for (guint i = 0; i < doc->parts->len; i++)
    if ((int) i != contents)
      counts[i] = sonae_document_paginate (g_ptr_array_index (doc->parts, i), context, width, height);

  if (contents >= 0 && doc->contents_func != NULL)
    {
      SonaeDocument *part = g_ptr_array_index (doc->parts, contents);

      counts[contents] = 1;
      for (guint attempt = 0; attempt < 8; attempt++)
        {
          guint n;

          set_part_pages (doc, counts);
          sonae_document_clear_blocks (part);
          doc->contents_func (doc, part, doc->contents_data);
          n = sonae_document_paginate (part, context, width, height);
          if (n == counts[contents])
            break;
          counts[contents] = n;
        }
    }
  else if (contents >= 0)
    counts[contents] = sonae_document_paginate (g_ptr_array_index (doc->parts, contents), context, width, height);
  set_part_pages (doc, counts);

  total = g_array_index (doc->part_first_page, guint, doc->parts->len);
  for (guint i = 0; i < doc->parts->len; i++)
    {
      SonaeDocument *part = g_ptr_array_index (doc->parts, i);

      part->page_offset = g_array_index (doc->part_first_page, guint, i);
      part->page_total = total;
    }
  compose_outline (doc);
  return total;
}

guint
sonae_document_paginate (SonaeDocument *doc,
                         PangoContext  *context,
                         double         width,
                         double         height)
{
  double zoom = 1.0;
  guint n_pages;

  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);
  g_return_val_if_fail (doc->open_groups->len == 0, 0);

  sonae_document_clear_layout (doc);
  doc->context = make_context (context);
  doc->sheet_width = width;
  doc->sheet_height = height;

  if (doc->parts != NULL)
    return paginate_parts (doc, context, width, height);

  n_pages = flow_at_zoom (doc, zoom);
  if (doc->fit_one_page && n_pages > 1)
    {
      double too_big = zoom;

      /* Smaller until it fits (text wraps less as the lines grow longer),
       * then as large as still fits, to a few percent. */
      while (n_pages > 1 && zoom > MIN_ZOOM)
        {
          too_big = zoom;
          zoom = MAX (zoom * 0.85, MIN_ZOOM);
          n_pages = flow_at_zoom (doc, zoom);
        }
      if (n_pages == 1)
        {
          double fits = zoom;

          for (guint i = 0; i < 5; i++)
            {
              double middle = (fits + too_big) / 2;

              if (flow_at_zoom (doc, middle) == 1)
                fits = middle;
              else
                too_big = middle;
            }
          n_pages = flow_at_zoom (doc, fits);
        }
    }
  return n_pages;
}

/* Drawing */

static void
set_gray (cairo_t *cr,
          double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       double   gray)
{
  cairo_save (cr);
  set_gray (cr, gray);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
show_piece (cairo_t *cr,
            Piece   *p)
{
  cairo_move_to (cr, p->x, p->y);
  pango_cairo_show_layout (cr, p->layout);
}

static void
show_pieces (cairo_t *cr,
             GArray  *pieces)
{
  for (guint i = 0; i < pieces->len; i++)
    show_piece (cr, &g_array_index (pieces, Piece, i));
}

/* Slices */

struct _SliceCache {
  guint block;
  guint row;
  double height;
  GArray *pieces;     /* of Piece, as layout_item() made them */
  guint *order;       /* indexes of @pieces in the order of their tops */
  double *tops;       /* their tops, in that order */
  double tallest;     /* the height of the tallest piece */
};

static void
slice_cache_free (SliceCache *cache)
{
  g_array_unref (cache->pieces);
  g_free (cache->order);
  g_free (cache->tops);
  g_free (cache);
}

void
sonae_document_clear_slice_cache (SonaeDocument *doc)
{
  g_clear_pointer (&doc->slice_cache, slice_cache_free);
}

static int
compare_piece_tops (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GArray *pieces = user_data;
  double x = g_array_index (pieces, Piece, *(const guint *) a).y;
  double y = g_array_index (pieces, Piece, *(const guint *) b).y;

  return (x > y) - (x < y);
}

/* The layouts of the item @p is a slice of: those of the slice before it
 * when it is the same item, else laid out now (and kept for the next). */
static SliceCache *
get_slice_cache (SonaeDocument *doc,
                 Placed        *p)
{
  SliceCache *cache = doc->slice_cache;

  if (cache != NULL && cache->block == p->block && cache->row == p->row)
    return cache;

  sonae_document_clear_slice_cache (doc);
  cache = g_new0 (SliceCache, 1);
  cache->block = p->block;
  cache->row = p->row;
  cache->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_array_set_clear_func (cache->pieces, piece_clear);
  cache->height = layout_item (doc, g_ptr_array_index (doc->blocks, p->block), p->row, cache->pieces);
  cache->order = g_new (guint, cache->pieces->len);
  cache->tops = g_new (double, cache->pieces->len);
  for (guint i = 0; i < cache->pieces->len; i++)
    {
      cache->order[i] = i;
      cache->tallest = MAX (cache->tallest, g_array_index (cache->pieces, Piece, i).height);
    }
  g_qsort_with_data (cache->order, cache->pieces->len, sizeof (guint), compare_piece_tops, cache->pieces);
  for (guint i = 0; i < cache->pieces->len; i++)
    cache->tops[i] = g_array_index (cache->pieces, Piece, cache->order[i]).y;
  doc->slice_cache = cache;
  return cache;
}

/* Shows the pieces of a sliced item that reach into its part from @top to
 * @bottom: the others would be clipped away, at the cost of the whole item
 * on every page. */
static void
show_slice_pieces (cairo_t    *cr,
                   SliceCache *cache,
                   double      top,
                   double      bottom)
{
  guint n = cache->pieces->len;

  for (guint k = first_above (cache->tops, n, top - cache->tallest - EPSILON);
       k < n && cache->tops[k] < bottom + EPSILON;
       k++)
    {
      Piece *p = &g_array_index (cache->pieces, Piece, cache->order[k]);

      if (p->y + p->height > top - EPSILON)
        show_piece (cr, p);
    }
}

/* Draws one item with its top-left corner at 0,0 of @cr. */
static void
draw_item (SonaeDocument *doc,
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
      hline (cr, 0, w, height - 3.0, 1.2, 0.1);
      break;

    case BLOCK_HEADING:
      hline (cr, 0, w, height - 1.0, 0.6, 0.35);
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
              set_gray (cr, HEADER_FILL);
              cairo_rectangle (cr, 0, 0, w, height);
              cairo_fill (cr);
              cairo_restore (cr);
            }
          cairo_save (cr);
          set_gray (cr, 0.3);
          cairo_set_line_width (cr, 0.6);
          cairo_rectangle (cr, 0, 0, w, height);
          for (guint c = 1; c < b->n_columns; c++)
            {
              double x = column_x (b, w, c);

              cairo_move_to (cr, x, 0);
              cairo_line_to (cr, x, height);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
          break;
        }
      if (row == ROW_HEADER)
        {
          cairo_save (cr);
          set_gray (cr, HEADER_FILL);
          cairo_rectangle (cr, 0, 0, w, height);
          cairo_fill (cr);
          cairo_restore (cr);
          hline (cr, 0, w, height - 0.4, 0.8, 0.25);
        }
      else
        hline (cr, 0, w, height - 0.2, 0.4, RULE_COLOR);
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
        set_gray (cr, 0.15);
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

            top = MAX (0.0, (first_line_height (p->layout) - CHECK_BOX) / 2);
          }
        cairo_save (cr);
        set_gray (cr, 0.1);
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
            hline (cr, p->x + pango_units_to_double (logical.x + logical.width) + 3.0, w,
                   p->y + baseline + 1.5, 0.5, 0.45);
          }
      }
      break;

    case BLOCK_OPTIONS:
      {
        guint first_option = (b->markup != NULL && *b->markup != '\0') ? 1 : 0;

        cairo_save (cr);
        set_gray (cr, 0.15);
        cairo_set_line_width (cr, 0.8);
        for (guint i = first_option; i < pieces->len; i++)
          {
            Piece *p = &g_array_index (pieces, Piece, i);
            double top = p->y + (first_line_height (p->layout) - OPTION_BOX) / 2;

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
        set_gray (cr, 0.45);
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
        hline (cr, 0, w, height - (b->amount - i) * WRITE_IN_LINE - 0.5, 0.5, 0.55);
      break;

    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    case BLOCK_GROUP_BEGIN:
    case BLOCK_GROUP_END:
    default:
      break;
    }
}

static void
draw_page_frame (SonaeDocument *doc,
                 cairo_t       *cr,
                 guint          page_nr,
                 guint          n_pages)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *date = NULL;
  g_autofree char *printed = NULL;
  PangoLayout *left_layout;
  PangoLayout *right_layout;
  PangoLayout *footer_layout;
  double w = doc->page_width - 2 * MARGIN_X;
  double h;

  if (doc->organisation != NULL && *doc->organisation != '\0')
    left = g_markup_printf_escaped ("<b>%s</b>\u2003<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                    doc->organisation, doc->title);
  else
    left = g_markup_printf_escaped ("<b>%s</b>", doc->title);
  date = g_date_time_format (doc->printed, "%Y-%m-%d %H:%M");
  /* Translators: %s is a date and time such as 2026-04-01 09:00 */
  printed = g_strdup_printf (_("Printed %s"), date);
  right = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", printed);

  right_layout = make_layout (doc, right, SIZE_PAGE, FALSE, w * 0.3, PANGO_ALIGN_RIGHT);
  left_layout = make_layout (doc, left, SIZE_PAGE, FALSE, w * 0.68, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (left_layout, PANGO_ELLIPSIZE_END);

  set_gray (cr, 0.1);
  cairo_move_to (cr, MARGIN_X, HEADER_TOP);
  pango_cairo_show_layout (cr, left_layout);
  cairo_move_to (cr, MARGIN_X + w * 0.7, HEADER_TOP);
  pango_cairo_show_layout (cr, right_layout);
  h = MAX (layout_height (left_layout), layout_height (right_layout));
  hline (cr, MARGIN_X, MARGIN_X + w, HEADER_TOP + h + 3.0, 0.5, 0.45);

  if (doc->drill)
    {
      g_autofree char *band = g_markup_printf_escaped ("<span foreground=\"#ffffff\">%s</span>",
                                                       _("DRILL — an exercise, not a real incident"));
      PangoLayout *band_layout = make_layout (doc, band, SIZE_DRILL, TRUE, w, PANGO_ALIGN_CENTER);
      double top = HEADER_TOP + h + 7.0;

      pango_layout_set_ellipsize (band_layout, PANGO_ELLIPSIZE_END);
      cairo_save (cr);
      cairo_set_source_rgb (cr, RED_R, RED_G, RED_B);
      cairo_rectangle (cr, MARGIN_X, top, w, DRILL_BAND);
      cairo_fill (cr);
      cairo_restore (cr);
      cairo_move_to (cr, MARGIN_X, top + (DRILL_BAND - layout_height (band_layout)) / 2);
      pango_cairo_show_layout (cr, band_layout);
      g_object_unref (band_layout);
      set_gray (cr, 0.1);
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
    footer_layout = make_layout (doc, markup, SIZE_PAGE, FALSE, w, PANGO_ALIGN_CENTER);
  }
  cairo_move_to (cr, MARGIN_X, doc->page_height - FOOTER_BOTTOM - layout_height (footer_layout));
  pango_cairo_show_layout (cr, footer_layout);

  g_object_unref (left_layout);
  g_object_unref (right_layout);
  g_object_unref (footer_layout);
}

void
sonae_document_draw_page (SonaeDocument *doc,
                          cairo_t       *cr,
                          guint          page_nr)
{
  guint n_pages;
  guint first, last;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (doc->context != NULL);  /* paginate first */

  if (doc->parts != NULL)
    {
      guint n = doc->parts->len;

      g_return_if_fail (page_nr < g_array_index (doc->part_first_page, guint, n));
      /* The part the page belongs to, and its own page. */
      for (guint i = n; i-- > 0;)
        {
          guint first = g_array_index (doc->part_first_page, guint, i);

          if (page_nr >= first)
            {
              sonae_document_draw_page (g_ptr_array_index (doc->parts, i), cr, page_nr - first);
              return;
            }
        }
      return;
    }

  n_pages = doc->page_starts->len - 1;
  g_return_if_fail (page_nr < n_pages);

  first = g_array_index (doc->page_starts, guint, page_nr);
  last = g_array_index (doc->page_starts, guint, page_nr + 1);

  cairo_save (cr);
  cairo_scale (cr, doc->scale, doc->scale);
  draw_page_frame (doc, cr, page_nr, n_pages);

  for (guint i = first; i < last; i++)
    {
      Placed *p = &g_array_index (doc->placed, Placed, i);
      Block *b = g_ptr_array_index (doc->blocks, p->block);

      cairo_save (cr);
      if (p->sliced)
        {
          SliceCache *cache = get_slice_cache (doc, p);

          /* A slice of something taller than what was left of the page. */
          cairo_rectangle (cr, 0, doc->text_top + p->y, doc->page_width, p->height);
          cairo_clip (cr);
          cairo_translate (cr, MARGIN_X + b->indent, doc->text_top + p->y - p->offset);
          draw_item (doc, cr, b, p->row, cache->pieces, cache->height);
          set_gray (cr, 0.1);
          show_slice_pieces (cr, cache, p->offset, p->offset + p->height);
        }
      else
        {
          g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
          double height;

          g_array_set_clear_func (pieces, piece_clear);
          height = layout_item (doc, b, p->row, pieces);
          cairo_translate (cr, MARGIN_X + b->indent, doc->text_top + p->y);
          draw_item (doc, cr, b, p->row, pieces, height);
          set_gray (cr, 0.1);
          show_pieces (cr, pieces);
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);
}
