/* sonae-document-text.c: the text of the layout: Pango layouts in the
 * document's font made from markup, at the size of a text style, and
 * their heights; a text of many paragraphs laid out a paragraph a layout;
 * and the strokes every drawing uses (a grey, a rule, the pieces of text). */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "sonae-document-layout-private.h"

void
sonae_layout_piece_clear (gpointer data)
{
  Piece *p = data;

  g_clear_object (&p->layout);
  g_clear_pointer (&p->inked, sonae_inked_free);
}

void
sonae_layout_ink_pieces (GArray *pieces)
{
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *p = &g_array_index (pieces, Piece, i);

      if (p->layout != NULL && p->inked == NULL)
        {
          p->inked = sonae_inked_new (p->layout);
          if (p->inked != NULL)
            g_clear_object (&p->layout);
        }
    }
}

GArray *
sonae_layout_pieces_new (void)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_array_set_clear_func (pieces, sonae_layout_piece_clear);
  return pieces;
}

double
sonae_layout_text_size (SonaeTextStyle style)
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

/* The text and attributes of @markup, its dates written in the
 * document's style; on bad markup (a bug of ours) the markup itself as
 * text, so that nothing the user typed goes missing. */
static void
parse_markup (SonaeDocument  *doc,
              const char     *markup,
              char          **text,
              PangoAttrList **attrs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dated = NULL;

  if (doc->date_style != SONAE_DATE_STYLE_ISO && strchr (markup, '-') != NULL)
    markup = dated = sonae_document_format_dates (doc, markup);

  if (!pango_parse_markup (markup, -1, 0, attrs, text, NULL, &error))
    {
      g_critical ("Bad markup in a printed document (%s): %s", error->message, markup);
      *text = g_strdup (markup);
      *attrs = pango_attr_list_new ();
    }
}

static gboolean
is_allow_breaks (PangoAttribute *attribute,
                 gpointer        user_data)
{
  return attribute->klass->type == PANGO_ATTR_ALLOW_BREAKS;
}

/* Whether @layout breaks a line inside one of the pieces @ranges (pairs
 * of byte offsets) says to keep whole, or runs past its width: Pango cuts
 * what does not fit on a line of its own anywhere. */
static gboolean
breaks_a_piece (PangoLayout *layout,
                GArray      *ranges)
{
  GSList *lines = pango_layout_get_lines_readonly (layout);
  guint next = 0;

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      guint at = (guint) ((PangoLayoutLine *) l->data)->start_index;

      /* The pieces and the lines both come in the order of the text. */
      while (next + 1 < ranges->len && g_array_index (ranges, guint, next + 1) <= at)
        next += 2;
      if (next + 1 < ranges->len && g_array_index (ranges, guint, next) < at)
        return TRUE;
    }
  {
    PangoRectangle logical;

    pango_layout_get_extents (layout, NULL, &logical);
    return logical.width > pango_layout_get_width (layout) + PANGO_SCALE / 4;
  }
}

/* Visits the attributes of a list (and keeps them all): the smallest
 * size of type they set, in points, in the double @data points to (the
 * layout's own size to begin with). */
static gboolean
smallest_size_cb (PangoAttribute *attribute,
                  gpointer        data)
{
  double *smallest = data;

  switch ((int) attribute->klass->type)
    {
    case PANGO_ATTR_SIZE:
      *smallest = MIN (*smallest, ((PangoAttrSize *) attribute)->size / (double) PANGO_SCALE);
      break;
    case PANGO_ATTR_ABSOLUTE_SIZE:
      *smallest = MIN (*smallest, ((PangoAttrSize *) attribute)->size / (double) PANGO_SCALE);
      break;
    case PANGO_ATTR_SCALE:
      *smallest = MIN (*smallest, *smallest * ((PangoAttrFloat *) attribute)->value);
      break;
    default:
      break;
    }
  return FALSE;
}

/* How wide the widest of the pieces @ranges says to keep whole is, in
 * Pango units, in @layout laid out without a width. */
static int
longest_piece (PangoLayout *layout,
               GArray      *ranges)
{
  int longest = 0;

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      PangoRectangle start, end;

      pango_layout_index_to_pos (layout, (int) g_array_index (ranges, guint, i), &start);
      pango_layout_index_to_pos (layout, (int) g_array_index (ranges, guint, i + 1), &end);
      if (start.y == end.y)
        longest = MAX (longest, end.x - start.x);
    }
  return longest;
}

/* A table cell's type is made smaller, down to this part of its size, for
 * its widest word to fit the column. */
#define FIT_SMALLEST 0.75

/* @attrs (taken) and the font of @layout @factor times their size: a new
 * list. */
static PangoAttrList *
scale_text (PangoLayout   *layout,
            PangoAttrList *attrs,
            double         factor)
{
  PangoFontDescription *desc = pango_font_description_copy (pango_layout_get_font_description (layout));
  PangoAttrList *scaled = pango_attr_list_new ();
  GSList *all = pango_attr_list_get_attributes (attrs);

  pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * factor));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  for (GSList *l = all; l != NULL; l = l->next)
    {
      PangoAttribute *a = l->data;

      if (a->klass->type == PANGO_ATTR_SIZE || a->klass->type == PANGO_ATTR_ABSOLUTE_SIZE)
        ((PangoAttrSize *) a)->size = (int) (((PangoAttrSize *) a)->size * factor);
      pango_attr_list_insert (scaled, a);
    }
  g_slist_free (all);
  pango_attr_list_unref (attrs);
  return scaled;
}

/* Sets @text (@length bytes) and @attrs (taken) on @layout, which is
 * @width wide for text of @size points. A document that keeps words whole
 * (sonae_document_set_keep_words()) gets its phrases kept together; when
 * one proves wider than its line after all, a table cell (@fit) is set in
 * smaller type, to three quarters of its size; what still does not fit is
 * cut into shorter pieces, and then left to Pango, rather than print past
 * the edge. */
static void
set_text (SonaeDocument *doc,
          PangoLayout   *layout,
          const char    *text,
          int            length,
          PangoAttrList *attrs,
          double         size,
          gboolean       bold,
          double         width,
          gboolean       fit)
{
  g_autoptr(GArray) ranges = NULL;
  double smallest = size;
  double line;
  gboolean kept;

  if (!doc->keep_words || size <= 0)
    {
      pango_layout_set_text (layout, text, length);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      return;
    }
  /* How many characters a line holds, in the text's smallest type (a
   * piece in larger type that does not fit after all is found below);
   * bold type is a little wider. */
  pango_attr_list_filter (attrs, smallest_size_cb, &smallest);
  line = MAX (width / MAX (smallest, 1.0) / (bold ? 1.06 : 1.0), 1.0);
  ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  /* A cell's type can be made smaller for a piece a little too wide. */
  kept = sonae_layout_keep_words (text, (guint) length, line, fit ? line / FIT_SMALLEST : line, attrs, ranges);
  pango_layout_set_text (layout, text, length);
  pango_layout_set_attributes (layout, attrs);
  if (kept && fit && breaks_a_piece (layout, ranges))
    {
      double factor;
      int longest;

      /* How much smaller the widest piece would have to be: Pango breaks
       * one that does not fit, so lay them out on one line to see. */
      pango_layout_set_width (layout, -1);
      longest = longest_piece (layout, ranges);
      factor = longest > 0 ? CLAMP (width * PANGO_SCALE / longest, FIT_SMALLEST, 1.0) : 1.0;
      pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
      if (factor < 1.0)
        {
          attrs = scale_text (layout, attrs, factor);
          pango_layout_set_attributes (layout, attrs);
        }
      line /= factor;
    }
  for (guint attempt = 0; kept && breaks_a_piece (layout, ranges); attempt++)
    {
      PangoAttrList *removed = pango_attr_list_filter (attrs, is_allow_breaks, NULL);

      if (removed != NULL)
        pango_attr_list_unref (removed);
      g_array_set_size (ranges, 0);
      kept = attempt == 0 && sonae_layout_keep_words (text, (guint) length, line * 0.8, line * 0.8, attrs, ranges);
      /* The same list again would be taken for no change. */
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_attributes (layout, attrs);
    }
  pango_attr_list_unref (attrs);
}

PangoLayout *
sonae_layout_make (SonaeDocument  *doc,
                   const char     *markup,
                   double          size,
                   gboolean        bold,
                   double          width,
                   PangoAlignment  alignment)
{
  PangoLayout *layout = new_layout (doc, size, bold, width, alignment);
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;

  parse_markup (doc, markup, &text, &attrs);
  set_text (doc, layout, text, (int) strlen (text), attrs, size, bold, width, FALSE);
  return layout;
}

double
sonae_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.y + logical.height);
}

double
sonae_layout_add_piece (GArray      *pieces,
                        PangoLayout *layout,
                        double       x,
                        double       y)
{
  double height = sonae_layout_height (layout);

  if (pieces != NULL)
    {
      Piece p = { layout, NULL, x, y, height };
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

/* What makes two layouts of sonae_layout_add_paragraphs() the same. */
typedef struct {
  char *markup;
  double size;
  double width;
  gboolean bold;
  PangoAlignment alignment;
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->markup) ^ g_double_hash (&key->width);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a;
  const LayoutKey *y = b;

  return x->size == y->size && x->width == y->width && x->bold == y->bold &&
         x->alignment == y->alignment && strcmp (x->markup, y->markup) == 0;
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free (key->markup);
  g_free (key);
}

static void
layout_unref (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

void
sonae_layout_cache_begin (SonaeDocument *doc)
{
  sonae_layout_cache_end (doc);
  doc->layout_cache = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, layout_unref);
}

void
sonae_layout_cache_end (SonaeDocument *doc)
{
  g_clear_pointer (&doc->layout_cache, g_hash_table_unref);
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

/* A text of many paragraphs (lines of the markup) gets a layout for each,
 * one under the other: the same lines as one layout would have (to a
 * thousandth of a point), but Pango lays out a text of many paragraphs in
 * a time that grows with the square of their number (each paragraph
 * counts its characters and walks the attributes from the start of the
 * text), and a contact with thousands of phone numbers took minutes.
 * Apart, they take a time in proportion, and a page of a row taller than
 * the page draws only the layouts it shows. A short text keeps its one
 * layout. */
static double
add_paragraphs (SonaeDocument  *doc,
                GArray         *pieces,
                const char     *markup,
                double          size,
                gboolean        bold,
                double          width,
                PangoAlignment  alignment,
                double          x,
                double          y,
                gboolean        fit)
{
  g_autofree char *text = NULL;
  PangoAttrList *attrs = NULL;
  GSList *all;
  GSList *next;
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  guint length;
  guint start = 0;
  double h = 0;
  LayoutKey key = { (char *) markup, size, width, bold, alignment };
  gboolean seen = FALSE;

  if (doc->layout_cache != NULL)
    {
      PangoLayout *same = NULL;

      /* The same markup, style and width make the same layout. The cache
       * keeps a layout from the second time its markup comes, not the
       * first: most texts come once (a name, a number), and their layouts
       * would stay in memory, through the cache, until the last one is
       * measured. */
      seen = g_hash_table_lookup_extended (doc->layout_cache, &key, NULL, (gpointer *) &same);
      if (same != NULL)
        return sonae_layout_add_piece (pieces, g_object_ref (same), x, y);
    }

  parse_markup (doc, markup, &text, &attrs);
  if (count_paragraphs (text, MANY_PARAGRAPHS) < MANY_PARAGRAPHS)
    {
      PangoLayout *layout = new_layout (doc, size, bold, width, alignment);

      set_text (doc, layout, text, (int) strlen (text), attrs, size, bold, width, fit);
      if (doc->layout_cache != NULL)
        {
          LayoutKey *copy = g_memdup2 (&key, sizeof key);

          copy->markup = g_strdup (markup);
          g_hash_table_insert (doc->layout_cache, copy, seen ? g_object_ref (layout) : NULL);
        }
      return sonae_layout_add_piece (pieces, layout, x, y);
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
      set_text (doc, layout, text + start, (int) (end - start), list, size, bold, width, fit);
      h += sonae_layout_add_piece (pieces, layout, x, y + h);

      if (newline == NULL)
        break;
      start = end + 1;
    }
  g_slist_free_full (all, (GDestroyNotify) pango_attribute_destroy);
  return h;
}

double
sonae_layout_add_paragraphs (SonaeDocument  *doc,
                             GArray         *pieces,
                             const char     *markup,
                             double          size,
                             gboolean        bold,
                             double          width,
                             PangoAlignment  alignment,
                             double          x,
                             double          y)
{
  return add_paragraphs (doc, pieces, markup, size, bold, width, alignment, x, y, FALSE);
}

double
sonae_layout_add_cell (SonaeDocument *doc,
                       GArray        *pieces,
                       const char    *markup,
                       double         size,
                       gboolean       bold,
                       double         width,
                       double         x,
                       double         y)
{
  return add_paragraphs (doc, pieces, markup, size, bold, width, PANGO_ALIGN_LEFT, x, y, TRUE);
}

double
sonae_layout_first_line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;

  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return pango_units_to_double (y1 - y0);
}

/* Drawing */

void
sonae_layout_set_gray (cairo_t *cr,
                       double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
}

void
sonae_layout_hline (cairo_t *cr,
                    double   x0,
                    double   x1,
                    double   y,
                    double   width,
                    double   gray)
{
  cairo_save (cr);
  sonae_layout_set_gray (cr, gray);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
sonae_layout_show_piece (cairo_t *cr,
                         Piece   *p)
{
  if (p->inked != NULL)
    {
      sonae_inked_show (cr, p->inked, p->x, p->y);
      return;
    }
  cairo_move_to (cr, p->x, p->y);
  pango_cairo_show_layout (cr, p->layout);
}

void
sonae_layout_show_pieces (cairo_t *cr,
                          GArray  *pieces)
{
  for (guint i = 0; i < pieces->len; i++)
    sonae_layout_show_piece (cr, &g_array_index (pieces, Piece, i));
}
