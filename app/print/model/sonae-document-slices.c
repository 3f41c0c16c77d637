/* sonae-document-slices.c: an item taller than what is left of a page,
 * shown in slices over several pages. Pagination cuts it between two lines
 * of its text (the lines of the layouts that measured it, found once for
 * all its pages); drawing keeps the layouts of the item drawn last for its
 * next slices, and shows only the pieces that reach into the slice. */
#include "config.h"

#include "sonae-document-layout-private.h"

struct _Lines {
  guint n;
  double *top;         /* of each line, the lines in the order of their tops */
  double *bottom;
  double *max_bottom;  /* [i]: the lowest bottom of lines 0 to i - 1 */
  double *min_bottom;  /* [i]: the highest bottom of lines i to n - 1 */
};

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

Lines *
sonae_layout_lines_new (GArray *pieces)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Lines *lines = g_new0 (Lines, 1);

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

void
sonae_layout_lines_free (Lines *lines)
{
  if (lines == NULL)
    return;
  g_free (lines->top);
  g_free (lines->bottom);
  g_free (lines->max_bottom);
  g_free (lines->min_bottom);
  g_free (lines);
}

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

double
sonae_layout_find_cut (Lines  *lines,
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

/* Drawing the slices */

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

SliceCache *
sonae_layout_get_slice_cache (SonaeDocument *doc,
                              Placed        *p)
{
  SliceCache *cache = doc->slice_cache;

  if (cache != NULL && cache->block == p->block && cache->row == p->row)
    return cache;

  sonae_document_clear_slice_cache (doc);
  cache = g_new0 (SliceCache, 1);
  cache->block = p->block;
  cache->row = p->row;
  cache->pieces = sonae_layout_item_pieces (doc, p, &cache->height);
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

void
sonae_layout_show_slice_pieces (cairo_t    *cr,
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
        sonae_layout_show_piece (cr, p);
    }
}
