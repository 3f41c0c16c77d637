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

  parse_markup (markup, &text, &attrs);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
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

void
sonae_layout_cache_begin (SonaeDocument *doc)
{
  sonae_layout_cache_end (doc);
  doc->layout_cache = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
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
  g_autofree char *text = NULL;
  PangoAttrList *attrs = NULL;
  GSList *all;
  GSList *next;
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  guint length;
  guint start = 0;
  double h = 0;
  LayoutKey key = { (char *) markup, size, width, bold, alignment };

  if (doc->layout_cache != NULL)
    {
      PangoLayout *same = g_hash_table_lookup (doc->layout_cache, &key);

      /* The same markup, style and width make the same layout. */
      if (same != NULL)
        return sonae_layout_add_piece (pieces, g_object_ref (same), x, y);
    }

  parse_markup (markup, &text, &attrs);
  if (count_paragraphs (text, MANY_PARAGRAPHS) < MANY_PARAGRAPHS)
    {
      PangoLayout *layout = new_layout (doc, size, bold, width, alignment);

      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      if (doc->layout_cache != NULL)
        {
          LayoutKey *copy = g_memdup2 (&key, sizeof key);

          copy->markup = g_strdup (markup);
          g_hash_table_insert (doc->layout_cache, copy, g_object_ref (layout));
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
      pango_layout_set_text (layout, text + start, (int) (end - start));
      pango_layout_set_attributes (layout, list);
      pango_attr_list_unref (list);
      h += sonae_layout_add_piece (pieces, layout, x, y + h);

      if (newline == NULL)
        break;
      start = end + 1;
    }
  g_slist_free_full (all, (GDestroyNotify) pango_attribute_destroy);
  return h;
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
