/* sonae-document-inked.c: a layout's drawing, written down once and drawn
 * later without Pango.
 *
 * The threads that measure a long document (sonae-document-layout.c) also
 * walk each short table row's layouts as pango_cairo_show_layout() would,
 * through a PangoRenderer of ours that notes each run of glyphs (their
 * cairo font, positions, text and clusters, for the PDF's text) and each
 * rectangle (a badge's background, a struck-through line) with its
 * colour. The layouts are then let go: the notes take a fraction of their
 * memory, and the thread that draws the pages makes the same cairo calls
 * as Pango's renderer from them, without walking the layouts again.
 *
 * What this renderer does not know how to note (a glyph the font lacks,
 * drawn by Pango as a box with its code; a wavy underline; a shape) leaves
 * the layout as it was, for Pango to draw. */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "sonae-document-layout-private.h"

typedef enum {
  INK_GLYPHS,
  INK_RECTANGLE,
} InkKind;

/* One run of glyphs, or one rectangle, with its colour. */
typedef struct {
  guint8 kind;            /* InkKind */
  guint8 has_color;
  guint8 backward;        /* the clusters run from right to left */
  guint16 alpha;          /* 0: as the colour says, or the source's */
  guint16 red, green, blue;
  double x, y;            /* from the layout's origin, in points */
  union {
    struct {
      double width, height;
    } rectangle;
    struct {
      cairo_scaled_font_t *font;
      guint32 *index;     /* n_glyphs */
      double *x;          /* n_glyphs: from @x */
      double *y;          /* n_glyphs, from @y; NULL when all are 0 */
      char *text;         /* NULL: glyphs alone */
      cairo_text_cluster_t *clusters;
      int n_glyphs;
      int text_length;
      int n_clusters;
    } glyphs;
  } u;
} Ink;

/* The inks of a layout and everything they point to, in one block: a
 * roster holds tens of thousands until their pages are drawn. */
struct _Inked {
  guint n_inks;
  Ink inks[];
};

void
sonae_inked_free (Inked *inked)
{
  if (inked == NULL)
    return;
  for (guint i = 0; i < inked->n_inks; i++)
    if (inked->inks[i].kind == INK_GLYPHS)
      cairo_scaled_font_destroy (inked->inks[i].u.glyphs.font);
  g_free (inked);
}

/* The renderer that notes what it is asked to draw. */

typedef struct {
  PangoRenderer parent_instance;
  GArray *inks;           /* of Ink, pointing into @data by offsets */
  GByteArray *data;       /* their glyphs, positions, clusters and text */
  gboolean unsupported;   /* something was asked that it cannot note */
  /* What the runs shown in one call are gathered in, when the thread
   * draws (sonae_inked_show()). */
  GArray *glyphs;         /* of cairo_glyph_t */
  GByteArray *text;
  GArray *clusters;       /* of cairo_text_cluster_t */
} InkRenderer;

typedef PangoRendererClass InkRendererClass;

static GType ink_renderer_get_type (void);
G_DEFINE_TYPE (InkRenderer, ink_renderer, PANGO_TYPE_RENDERER)

static void
note_color (PangoRenderer   *renderer,
            PangoRenderPart  part,
            Ink             *ink)
{
  PangoColor *color = pango_renderer_get_color (renderer, part);

  ink->has_color = color != NULL;
  if (color != NULL)
    {
      ink->red = color->red;
      ink->green = color->green;
      ink->blue = color->blue;
    }
  ink->alpha = pango_renderer_get_alpha (renderer, part);
}

/* Appends @length bytes of @data to the renderer's data, aligned for a
 * double; returns their offset (as a pointer, made real when packed). */
static gpointer
add_data (InkRenderer   *self,
          gconstpointer  data,
          gsize          length)
{
  gsize at = (self->data->len + 7) & ~(gsize) 7;

  g_byte_array_set_size (self->data, (guint) (at + length));
  if (data != NULL)
    memcpy (self->data->data + at, data, length);
  return GSIZE_TO_POINTER (at);
}

static void
note_glyphs (PangoRenderer        *renderer,
             const char           *text,
             int                   text_length,
             PangoGlyphString     *glyphs,
             cairo_text_cluster_t *clusters,
             int                   n_clusters,
             gboolean              backward,
             PangoFont            *font,
             int                   x,
             int                   y)
{
  InkRenderer *self = (InkRenderer *) renderer;
  cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  Ink ink = { INK_GLYPHS };
  gsize index_at, x_at, y_at;
  gboolean any_y = FALSE;
  int x_position = 0;
  int n = 0;

  if (self->unsupported)
    return;
  /* Pango draws boxes for a font it could not load and for a glyph the
   * font lacks (but none for a space). */
  if (scaled == NULL || cairo_scaled_font_status (scaled) != CAIRO_STATUS_SUCCESS)
    {
      self->unsupported = TRUE;
      return;
    }
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyph glyph = glyphs->glyphs[i].glyph;

      if (glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
          glyph != (0x20 | PANGO_GLYPH_UNKNOWN_FLAG))
        {
          self->unsupported = TRUE;
          return;
        }
      any_y = any_y || glyphs->glyphs[i].geometry.y_offset != 0;
    }

  note_color (renderer, PANGO_RENDER_PART_FOREGROUND, &ink);
  ink.x = (double) x / PANGO_SCALE;
  ink.y = (double) y / PANGO_SCALE;
  index_at = GPOINTER_TO_SIZE (add_data (self, NULL, sizeof (guint32) * (gsize) glyphs->num_glyphs));
  x_at = GPOINTER_TO_SIZE (add_data (self, NULL, sizeof (double) * (gsize) glyphs->num_glyphs));
  y_at = any_y ? GPOINTER_TO_SIZE (add_data (self, NULL, sizeof (double) * (gsize) glyphs->num_glyphs)) : 0;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *gi = &glyphs->glyphs[i];

      /* Empty glyphs and spaces the font lacks draw nothing. */
      if (gi->glyph != PANGO_GLYPH_EMPTY && !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        {
          ((guint32 *) (self->data->data + index_at))[n] = gi->glyph;
          ((double *) (self->data->data + x_at))[n] = (double) (x_position + gi->geometry.x_offset) / PANGO_SCALE;
          if (any_y)
            ((double *) (self->data->data + y_at))[n] = (double) gi->geometry.y_offset / PANGO_SCALE;
          n++;
        }
      x_position += gi->geometry.width;
    }
  ink.u.glyphs.font = cairo_scaled_font_reference (scaled);
  ink.u.glyphs.n_glyphs = n;
  ink.u.glyphs.index = GSIZE_TO_POINTER (index_at);
  ink.u.glyphs.x = GSIZE_TO_POINTER (x_at);
  ink.u.glyphs.y = any_y ? GSIZE_TO_POINTER (y_at) : NULL;
  if (clusters != NULL)
    {
      ink.u.glyphs.clusters = add_data (self, clusters, sizeof (cairo_text_cluster_t) * (gsize) n_clusters);
      ink.u.glyphs.n_clusters = n_clusters;
      ink.u.glyphs.text = add_data (self, text, (gsize) text_length);
      ink.u.glyphs.text_length = text_length;
      ink.backward = backward;
    }
  g_array_append_val (self->inks, ink);
}

static void
ink_renderer_draw_glyphs (PangoRenderer    *renderer,
                          PangoFont        *font,
                          PangoGlyphString *glyphs,
                          int               x,
                          int               y)
{
  note_glyphs (renderer, NULL, 0, glyphs, NULL, 0, FALSE, font, x, y);
}

/* The glyphs of @glyph_item and the text they stand for, cluster by
 * cluster, as a PDF keeps them: its text is found, copied and read aloud
 * as the characters that were typed. */
static void
ink_renderer_draw_glyph_item (PangoRenderer  *renderer,
                              const char     *text,
                              PangoGlyphItem *glyph_item,
                              int             x,
                              int             y)
{
  PangoItem *item = glyph_item->item;
  PangoGlyphString *glyphs = glyph_item->glyphs;
  gboolean backward = (item->analysis.level & 1) != 0;
  g_autofree cairo_text_cluster_t *clusters = g_new (cairo_text_cluster_t, MAX (glyphs->num_glyphs, 1));
  PangoGlyphItemIter iter;
  int n_clusters = 0;

  if (pango_glyph_item_iter_init_start (&iter, glyph_item, text))
    do
      {
        int n_glyphs = backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph;

        /* Empty glyphs and missing ones draw nothing. */
        for (int i = MIN (iter.start_glyph, iter.end_glyph + 1); i < MAX (iter.start_glyph + 1, iter.end_glyph); i++)
          {
            PangoGlyph glyph = glyphs->glyphs[i].glyph;

            if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG))
              n_glyphs--;
          }
        clusters[n_clusters].num_bytes = iter.end_index - iter.start_index;
        clusters[n_clusters].num_glyphs = n_glyphs;
        n_clusters++;
      }
    while (pango_glyph_item_iter_next_cluster (&iter));

  note_glyphs (renderer, text + item->offset, item->length, glyphs, clusters, n_clusters, backward,
               item->analysis.font, x, y);
}

static void
ink_renderer_draw_rectangle (PangoRenderer   *renderer,
                             PangoRenderPart  part,
                             int              x,
                             int              y,
                             int              width,
                             int              height)
{
  InkRenderer *self = (InkRenderer *) renderer;
  Ink ink = { INK_RECTANGLE };

  note_color (renderer, part, &ink);
  ink.x = (double) x / PANGO_SCALE;
  ink.y = (double) y / PANGO_SCALE;
  ink.u.rectangle.width = (double) width / PANGO_SCALE;
  ink.u.rectangle.height = (double) height / PANGO_SCALE;
  g_array_append_val (self->inks, ink);
}

static void
ink_renderer_draw_trapezoid (PangoRenderer   *renderer,
                             PangoRenderPart  part,
                             double           y1,
                             double           x11,
                             double           x21,
                             double           y2,
                             double           x12,
                             double           x22)
{
  ((InkRenderer *) renderer)->unsupported = TRUE;
}

static void
ink_renderer_draw_error_underline (PangoRenderer *renderer,
                                   int            x,
                                   int            y,
                                   int            width,
                                   int            height)
{
  ((InkRenderer *) renderer)->unsupported = TRUE;
}

static void
ink_renderer_draw_shape (PangoRenderer  *renderer,
                         PangoAttrShape *attr,
                         int             x,
                         int             y)
{
  ((InkRenderer *) renderer)->unsupported = TRUE;
}

static void ink_renderer_finalize (GObject *object);

static void
ink_renderer_class_init (InkRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ink_renderer_finalize;
  klass->draw_glyphs = ink_renderer_draw_glyphs;
  klass->draw_glyph_item = ink_renderer_draw_glyph_item;
  klass->draw_rectangle = ink_renderer_draw_rectangle;
  klass->draw_trapezoid = ink_renderer_draw_trapezoid;
  klass->draw_error_underline = ink_renderer_draw_error_underline;
  klass->draw_shape = ink_renderer_draw_shape;
}

static void
ink_renderer_init (InkRenderer *self)
{
  self->inks = g_array_new (FALSE, FALSE, sizeof (Ink));
  self->data = g_byte_array_new ();
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  self->text = g_byte_array_new ();
  self->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
}

/* The same pointer in the packed block for an offset into the data. */
#define PACKED(base, offset) ((gpointer) ((guint8 *) (base) + GPOINTER_TO_SIZE (offset)))

static void
ink_renderer_finalize (GObject *object)
{
  InkRenderer *self = (InkRenderer *) object;

  g_array_unref (self->inks);
  g_byte_array_unref (self->data);
  g_array_unref (self->glyphs);
  g_byte_array_unref (self->text);
  g_array_unref (self->clusters);
  G_OBJECT_CLASS (ink_renderer_parent_class)->finalize (object);
}

/* Each thread that lays out text notes it through a renderer of its own,
 * kept for the next layout; a thread that draws gathers runs in it. */
static GPrivate thread_renderer = G_PRIVATE_INIT (g_object_unref);

static InkRenderer *
get_thread_renderer (void)
{
  InkRenderer *renderer = g_private_get (&thread_renderer);

  if (renderer == NULL)
    {
      renderer = g_object_new (ink_renderer_get_type (), NULL);
      g_private_set (&thread_renderer, renderer);
    }
  return renderer;
}

Inked *
sonae_inked_new (PangoLayout *layout)
{
  InkRenderer *renderer = get_thread_renderer ();
  Inked *inked = NULL;

  g_array_set_size (renderer->inks, 0);
  g_byte_array_set_size (renderer->data, 0);
  renderer->unsupported = FALSE;
  pango_renderer_draw_layout (PANGO_RENDERER (renderer), layout, 0, 0);
  if (!renderer->unsupported)
    {
      gsize head = sizeof (Inked) + sizeof (Ink) * renderer->inks->len;
      guint8 *data;

      head = (head + 7) & ~(gsize) 7;
      inked = g_malloc (head + renderer->data->len);
      inked->n_inks = renderer->inks->len;
      if (renderer->inks->len > 0)
        memcpy (inked->inks, renderer->inks->data, sizeof (Ink) * renderer->inks->len);
      data = (guint8 *) inked + head;
      if (renderer->data->len > 0)
        memcpy (data, renderer->data->data, renderer->data->len);
      for (guint i = 0; i < inked->n_inks; i++)
        {
          Ink *ink = &inked->inks[i];

          if (ink->kind != INK_GLYPHS)
            continue;
          ink->u.glyphs.index = PACKED (data, ink->u.glyphs.index);
          ink->u.glyphs.x = PACKED (data, ink->u.glyphs.x);
          if (ink->u.glyphs.y != NULL)
            ink->u.glyphs.y = PACKED (data, ink->u.glyphs.y);
          if (ink->u.glyphs.clusters != NULL)
            {
              ink->u.glyphs.clusters = PACKED (data, ink->u.glyphs.clusters);
              ink->u.glyphs.text = PACKED (data, ink->u.glyphs.text);
            }
        }
    }
  else
    for (guint i = 0; i < renderer->inks->len; i++)
      {
        Ink *ink = &g_array_index (renderer->inks, Ink, i);

        if (ink->kind == INK_GLYPHS)
          cairo_scaled_font_destroy (ink->u.glyphs.font);
      }
  return inked;
}

/* As Pango's cairo renderer sets the colour of a run or a rectangle: the
 * colour of the text's attributes, or else the colour @source (what the
 * layout was shown in), at their alpha. */
static void
set_color (cairo_t         *cr,
           const Ink       *ink,
           cairo_pattern_t *source)
{
  double red = 0, green = 0, blue = 0, alpha = 1;

  if (!ink->has_color && ink->alpha == 0)
    {
      if (cairo_get_source (cr) != source)
        cairo_set_source (cr, source);
      return;
    }
  if (ink->has_color)
    {
      red = ink->red / 65535.;
      green = ink->green / 65535.;
      blue = ink->blue / 65535.;
    }
  else if (cairo_pattern_get_type (source) == CAIRO_PATTERN_TYPE_SOLID)
    cairo_pattern_get_rgba (source, &red, &green, &blue, &alpha);
  if (ink->alpha != 0)
    alpha = ink->alpha / 65535.;
  cairo_set_source_rgba (cr, red, green, blue, alpha);
}

/* Whether the run @b can be shown in one call with the run @a before it:
 * the same font and colour, both with their text or neither, left to
 * right. */
static gboolean
same_call (const Ink *a,
           const Ink *b)
{
  return b->kind == INK_GLYPHS && a->u.glyphs.font == b->u.glyphs.font &&
         a->has_color == b->has_color && a->alpha == b->alpha &&
         a->red == b->red && a->green == b->green && a->blue == b->blue &&
         !a->backward && !b->backward &&
         (a->u.glyphs.text == NULL) == (b->u.glyphs.text == NULL);
}

/* The glyphs of the runs @first to @last (not included) of @inked at
 * @x, @y, their text and clusters, in the thread's renderer. */
static InkRenderer *
gather_runs (Inked  *inked,
             guint   first,
             guint   last,
             double  x,
             double  y)
{
  InkRenderer *runs = get_thread_renderer ();
  guint n_glyphs = 0, n_text = 0, n_clusters = 0;

  for (guint i = first; i < last; i++)
    {
      const Ink *run = &inked->inks[i];

      n_glyphs += (guint) run->u.glyphs.n_glyphs;
      if (run->u.glyphs.text != NULL)
        {
          n_text += (guint) run->u.glyphs.text_length;
          n_clusters += (guint) run->u.glyphs.n_clusters;
        }
    }
  g_array_set_size (runs->glyphs, n_glyphs);
  g_byte_array_set_size (runs->text, n_text);
  g_array_set_size (runs->clusters, n_clusters);

  n_glyphs = n_text = n_clusters = 0;
  for (guint i = first; i < last; i++)
    {
      const Ink *run = &inked->inks[i];
      cairo_glyph_t *glyph = &g_array_index (runs->glyphs, cairo_glyph_t, n_glyphs);
      double base_x = x + run->x;
      double base_y = y + run->y;

      for (int k = 0; k < run->u.glyphs.n_glyphs; k++)
        {
          glyph[k].index = run->u.glyphs.index[k];
          glyph[k].x = base_x + run->u.glyphs.x[k];
          glyph[k].y = run->u.glyphs.y == NULL || run->u.glyphs.y[k] == 0 ? base_y : base_y + run->u.glyphs.y[k];
        }
      n_glyphs += (guint) run->u.glyphs.n_glyphs;
      if (run->u.glyphs.text != NULL)
        {
          memcpy (runs->text->data + n_text, run->u.glyphs.text, (gsize) run->u.glyphs.text_length);
          memcpy (&g_array_index (runs->clusters, cairo_text_cluster_t, n_clusters), run->u.glyphs.clusters,
                  sizeof (cairo_text_cluster_t) * (gsize) run->u.glyphs.n_clusters);
          n_text += (guint) run->u.glyphs.text_length;
          n_clusters += (guint) run->u.glyphs.n_clusters;
        }
    }
  return runs;
}

void
sonae_inked_show (cairo_t *cr,
                  Inked   *inked,
                  double   x,
                  double   y)
{
  gboolean with_text = cairo_surface_has_show_text_glyphs (cairo_get_target (cr));
  cairo_pattern_t *source = cairo_pattern_reference (cairo_get_source (cr));
  cairo_scaled_font_t *font = NULL;

  /* Pango saves and restores the context around each run; setting each
   * run's colour and putting the source back after them all gives the
   * same pages. */
  for (guint i = 0; i < inked->n_inks;)
    {
      const Ink *ink = &inked->inks[i];
      guint next = i + 1;
      InkRenderer *runs;

      set_color (cr, ink, source);
      if (ink->kind == INK_RECTANGLE)
        {
          cairo_rectangle (cr, x + ink->x, y + ink->y, ink->u.rectangle.width, ink->u.rectangle.height);
          cairo_fill (cr);
          i = next;
          continue;
        }

      /* The run and those after it in the same font and colour (the
       * lines of a cell, mostly) in one call: cairo's PDF surface spends
       * more on each call than on each glyph. */
      while (next < inked->n_inks && same_call (ink, &inked->inks[next]))
        next++;
      runs = gather_runs (inked, i, next, x, y);
      if (ink->u.glyphs.font != font)
        {
          font = ink->u.glyphs.font;
          cairo_set_scaled_font (cr, font);
        }
      if (ink->u.glyphs.text != NULL && with_text)
        cairo_show_text_glyphs (cr, (const char *) runs->text->data, (int) runs->text->len,
                                (cairo_glyph_t *) (void *) runs->glyphs->data, (int) runs->glyphs->len,
                                (cairo_text_cluster_t *) (void *) runs->clusters->data, (int) runs->clusters->len,
                                ink->backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
      else
        cairo_show_glyphs (cr, (cairo_glyph_t *) (void *) runs->glyphs->data, (int) runs->glyphs->len);
      i = next;
    }
  cairo_set_source (cr, source);
  cairo_pattern_destroy (source);
  cairo_move_to (cr, x, y);
}
