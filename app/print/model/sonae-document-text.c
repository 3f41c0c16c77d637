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

/* --- Japanese words kept whole ------------------------------------------ */

typedef enum {
  CHAR_OTHER,
  CHAR_SPACE,      /* white space, a line's end */
  CHAR_HIRAGANA,
  CHAR_KATAKANA,   /* with ー */
  CHAR_KANJI,      /* with 々 〆 〇 */
  CHAR_LATIN,      /* letters and digits, half or full width */
  CHAR_OPEN,       /* （「『【… */
  CHAR_CLOSE,      /* ）」』】… */
  CHAR_TRAIL,      /* 、。・：／… that end a phrase */
} CharClass;

static CharClass
char_class (gunichar c)
{
  if (g_unichar_isspace (c))
    return CHAR_SPACE;
  if (c < 0x80)
    {
      if (g_ascii_isalnum ((char) c))
        return CHAR_LATIN;
      if (c == '(' || c == '[' || c == '{')
        return CHAR_OPEN;
      if (c == ')' || c == ']' || c == '}')
        return CHAR_CLOSE;
      if (c == ',' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
        return CHAR_TRAIL;
      return CHAR_OTHER;
    }
  if (c >= 0x3041 && c <= 0x309F)
    return CHAR_HIRAGANA;
  if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FD || c == 0x30FE)
    return CHAR_KATAKANA;
  if (c == 0x3005 || c == 0x3006 || c == 0x3007 || g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
    return CHAR_KANJI;
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
      g_unichar_isalnum (c))
    return CHAR_LATIN;
  switch (c)
    {
    case 0xFF08: case 0x300C: case 0x300E: case 0x3010: case 0x3014: case 0xFF3B: case 0xFF5B:
    case 0x3008: case 0x300A: case 0x201C: case 0x2018:
      return CHAR_OPEN;
    case 0xFF09: case 0x300D: case 0x300F: case 0x3011: case 0x3015: case 0xFF3D: case 0xFF5D:
    case 0x3009: case 0x300B: case 0x201D: case 0x2019:
      return CHAR_CLOSE;
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0x30FB: case 0xFF1A: case 0xFF1B:
    case 0xFF01: case 0xFF1F: case 0x2026: case 0xFF0F:
      return CHAR_TRAIL;
    default:
      return CHAR_OTHER;
    }
}

/* A kana that may be a particle on its own: を が は に で と の へ も や か. */
static gboolean
is_particle (gunichar c)
{
  static const gunichar particles[] = { 0x3092, 0x304C, 0x306F, 0x306B, 0x3067, 0x3068, 0x306E, 0x3078, 0x3082,
                                        0x3084, 0x304B };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (particles[i] == c)
      return TRUE;
  return FALSE;
}

static gboolean
is_content (CharClass k)
{
  return k == CHAR_KANJI || k == CHAR_KATAKANA || k == CHAR_LATIN;
}

/* Whether a phrase (文節) may end between @prev and @cur: after white
 * space (which ends the phrase before it) or a mark that ends one (、。・), before an opening bracket, after
 * a closing one unless a particle follows, and where a word in kanji,
 * katakana or Latin letters follows kana (a particle or an ending). */
static gboolean
phrase_ends_between (CharClass prev,
                     CharClass cur)
{
  if (prev == CHAR_SPACE)
    return TRUE;
  if (cur == CHAR_SPACE || cur == CHAR_CLOSE || cur == CHAR_TRAIL || prev == CHAR_OPEN)
    return FALSE;
  if (prev == CHAR_TRAIL || cur == CHAR_OPEN)
    return TRUE;
  if (prev == CHAR_CLOSE)
    return cur != CHAR_HIRAGANA;
  return prev == CHAR_HIRAGANA && is_content (cur);
}

/* Keep @text[@start, @end) (bytes; @n characters) on one line. */
static void
keep_together (PangoAttrList *attrs,
               guint          start,
               guint          end)
{
  PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

GArray *
sonae_document_phrase_starts (const char *text,
                              guint       max_chars)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) classes = g_array_new (FALSE, FALSE, sizeof (CharClass));
  guint n, phrase = 0;

  g_return_val_if_fail (text != NULL, starts);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int offset = (int) (p - text);
      CharClass k = char_class (g_utf8_get_char (p));

      g_array_append_val (offsets, offset);
      g_array_append_val (classes, k);
    }
  n = offsets->len;
  for (guint i = 1; i <= n; i++)
    {
      guint length;

      if (i < n && !phrase_ends_between (g_array_index (classes, CharClass, i - 1),
                                         g_array_index (classes, CharClass, i)))
        continue;
      /* One kana that is no particle between two kanji is the okurigana
       * inside a word (受け取る, 使い回す): no end there. */
      if (i < n && i >= 2 &&
          g_array_index (classes, CharClass, i) == CHAR_KANJI &&
          g_array_index (classes, CharClass, i - 1) == CHAR_HIRAGANA &&
          g_array_index (classes, CharClass, i - 2) == CHAR_KANJI &&
          !is_particle (g_utf8_get_char (text + g_array_index (offsets, int, i - 1))))
        continue;
      /* A phrase longer than a line is cut where its script changes
       * (医療情報｜システム), and only then wherever Pango breaks. */
      length = i - phrase;
      if (length > max_chars)
        for (guint j = phrase + 1; j < i; j++)
          {
            CharClass a = g_array_index (classes, CharClass, j - 1);
            CharClass b = g_array_index (classes, CharClass, j);

            if (a != b && is_content (a) && is_content (b))
              g_array_append_val (starts, g_array_index (offsets, int, j));
          }
      if (i < n)
        g_array_append_val (starts, g_array_index (offsets, int, i));
      phrase = i;
    }
  return starts;
}

/* Line breaks of @text only between its phrases, for a line of
 * @max_chars full-width characters: each piece of two characters or more
 * with Japanese in it is kept together, unless it is longer than a line. */
static void
keep_words (const char    *text,
            guint          max_chars,
            PangoAttrList *attrs)
{
  g_autoptr(GArray) starts = sonae_document_phrase_starts (text, max_chars);
  guint length = strlen (text);
  guint start = 0;

  for (guint i = 0; i <= starts->len; i++)
    {
      guint end = i < starts->len ? (guint) g_array_index (starts, int, i) : length;
      const char *piece = text + start;
      glong n = g_utf8_strlen (piece, end - start);
      gboolean japanese = FALSE;

      for (const char *p = piece; p < text + end; p = g_utf8_next_char (p))
        {
          CharClass k = char_class (g_utf8_get_char (p));

          japanese = japanese || k == CHAR_HIRAGANA || k == CHAR_KATAKANA || k == CHAR_KANJI;
        }
      if (japanese && n >= 2 && (guint) n <= max_chars)
        keep_together (attrs, start, end);
      start = end;
    }
}

/* The text and attributes of @markup; on bad markup (a bug of ours) the
 * markup itself as text, so that nothing the user typed goes missing.
 * A document that keeps words whole gets its phrases kept together for a
 * line of @width at @size. */
static void
parse_markup (SonaeDocument  *doc,
              const char     *markup,
              double          size,
              double          width,
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
  if (doc->keep_words && size > 0)
    keep_words (*text, (guint) MAX (width / size, 1.0), *attrs);
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

  parse_markup (doc, markup, size, width, &text, &attrs);
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

  parse_markup (doc, markup, size, width, &text, &attrs);
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
