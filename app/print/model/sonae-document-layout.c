/* sonae-document-layout.c: pages from blocks, with Pango, for any cairo target.
 *
 * Layout happens once, in points, on a context of our own (72 dpi, unhinted
 * metrics), so a PDF file and the print dialog get the same pages whatever
 * resolution their context has. Pagination lays out each block and table
 * row once, to measure it, and keeps the layouts for the page that shows
 * it, which takes them when it is drawn: the text of a roster of ten
 * thousand contacts is shaped once, not once to measure and once to draw.
 * A long document is measured by a thread a processor, each with a Pango
 * context of its own, while the pages are drawn by one thread.
 *
 * This file breaks the pages: the space between blocks, the height of every
 * block and table row, their flow onto pages (a heading kept with what
 * follows it, a group kept together, a table's header row repeated on each
 * of its pages), a document shrunk to fit one page, and the pages of a
 * composed document from its parts. The other files of the layout are
 * listed in sonae-document-layout-private.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sonae-document-layout-private.h"

#define MIN_ZOOM      0.25  /* fit_one_page shrinks no further */

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
      return sonae_layout_text_size (b->style) * 0.35;
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

void
sonae_document_clear_measures (SonaeDocument *doc)
{
  for (guint i = 0; i < doc->n_measures; i++)
    {
      Measure *m = &doc->measures[i];

      g_clear_pointer (&m->pieces, g_array_unref);
      g_clear_pointer (&m->header_pieces, g_array_unref);
      for (guint r = 0; m->row_pieces != NULL && r < m->n_rows; r++)
        g_clear_pointer (&m->row_pieces[r], g_array_unref);
      g_free (m->row_pieces);
      g_free (m->rows);
    }
  g_clear_pointer (&doc->measures, g_free);
  doc->n_measures = 0;
}

/* Lays out item @row of @b (ROW_NONE: the block) into @pieces (made
 * new); returns its height. */
static double
measure_item (SonaeDocument  *doc,
              Block          *b,
              guint           row,
              GArray        **pieces)
{
  *pieces = sonae_layout_pieces_new ();
  return sonae_layout_item (doc, b, row, *pieces);
}

/* Lays out items @from to @to (counted over the blocks: a block, or a
 * table's header and then each of its rows, is an item) into
 * doc->measures, whose tables have their arrays of rows already. */
static void
measure_items (SonaeDocument *doc,
               guint          from,
               guint          to)
{
  Measure *m = doc->measures;
  guint item = 0;

  for (guint i = 0; i < doc->blocks->len && item < to; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);
      guint first_row;

      if (b->kind != BLOCK_TABLE)
        {
          if (item >= from)
            m[i].height = measure_item (doc, b, ROW_NONE, &m[i].pieces);
          item++;
          continue;
        }
      if (item >= from && b->header != NULL)
        m[i].header = measure_item (doc, b, ROW_HEADER, &m[i].header_pieces);
      item++;
      first_row = from > item ? MIN (from - item, m[i].n_rows) : 0;
      for (guint r = first_row; r < m[i].n_rows && item + r < to; r++)
        {
          m[i].rows[r] = measure_item (doc, b, r, &m[i].row_pieces[r]);
          /* A row that never needs cutting between pages (not taller than
           * half a page, as the header is at most) is drawn from notes:
           * noted here, by the thread that laid it out, it costs the
           * thread that draws the pages less, and it holds much less
           * memory until its page is drawn than its layouts did. */
          if (m[i].rows[r] <= doc->text_height / 2)
            sonae_layout_ink_pieces (m[i].row_pieces[r]);
        }
      item += m[i].n_rows;
    }
}

/* A document of this many items or more is laid out by as many threads
 * as there are processors (up to MOST_THREADS), each taking the next
 * CHUNK_ITEMS items in turn. */
#define SHARED_ITEMS 1000
#define MOST_THREADS 4
#define CHUNK_ITEMS  128

typedef struct {
  SonaeDocument *doc;
  guint n_items;
  guint next;         /* the first item nobody took yet; atomic */
} Sharing;

typedef struct {
  Sharing *sharing;
  /* A copy of the document that differs in its Pango context, of a font
   * map of its own (Pango's objects are not for two threads at once), and
   * in its cache of layouts. */
  SonaeDocument doc;
  GThread *thread;
} Share;

static gpointer
measure_share (gpointer data)
{
  Share *share = data;
  Sharing *sharing = share->sharing;

  sonae_layout_cache_begin (&share->doc);
  for (;;)
    {
      guint from = (guint) g_atomic_int_add ((int *) &sharing->next, CHUNK_ITEMS);

      if (from >= sharing->n_items)
        break;
      measure_items (&share->doc, from, MIN (from + CHUNK_ITEMS, sharing->n_items));
    }
  sonae_layout_cache_end (&share->doc);
  return NULL;
}

/* Lays out the @n_items items of @doc in @n_threads threads (this one
 * too). The layouts of each are drawn later by the thread that draws the
 * pages, when no other thread uses them: cairo makes one font of the PDF
 * file from the same font file whichever font map asked for it. */
static void
measure_shared (SonaeDocument *doc,
                guint          n_items,
                guint          n_threads)
{
  Sharing sharing = { doc, n_items, 0 };
  Share shares[MOST_THREADS] = { { NULL } };

  for (guint t = 0; t < n_threads; t++)
    {
      shares[t].sharing = &sharing;
      shares[t].doc = *doc;
      if (t == 0)
        continue;
      {
        g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();

        shares[t].doc.context = sonae_layout_context_new (font_map);
      }
      shares[t].doc.layout_cache = NULL;
      shares[t].thread = g_thread_new ("sonae-layout", measure_share, &shares[t]);
    }
  measure_share (&shares[0]);
  for (guint t = 1; t < n_threads; t++)
    {
      g_thread_join (shares[t].thread);
      /* The layouts made there keep it as long as they need it. */
      g_object_unref (shares[t].doc.context);
    }
}

/* Every block and row laid out once, their heights and layouts kept in
 * doc->measures. */
static void
measure_all (SonaeDocument *doc)
{
  Measure *m;
  guint n_items = 0;
  guint n_threads;

  sonae_document_clear_measures (doc);
  doc->n_measures = doc->blocks->len;
  doc->measures = m = g_new0 (Measure, doc->n_measures);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      n_items++;
      if (b->kind != BLOCK_TABLE)
        continue;
      m[i].n_rows = b->cells->len / b->n_columns;
      m[i].rows = g_new (double, m[i].n_rows);
      m[i].row_pieces = g_new0 (GArray *, m[i].n_rows);
      n_items += m[i].n_rows;
    }

  n_threads = n_items < SHARED_ITEMS ? 1 : doc->layout_threads > 0 ? doc->layout_threads : g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MOST_THREADS);
  if (n_threads > 1)
    measure_shared (doc, n_items, n_threads);
  else
    {
      sonae_layout_cache_begin (doc);
      measure_items (doc, 0, n_items);
      sonae_layout_cache_end (doc);
    }

  /* A header taller than half a page would leave no room for rows. */
  for (guint i = 0; i < doc->n_measures; i++)
    if (m[i].header > doc->text_height / 2)
      {
        m[i].header = 0;
        g_clear_pointer (&m[i].header_pieces, g_array_unref);
      }
}

/* Where the layouts of item @row (ROW_NONE, ROW_HEADER or a row) of block
 * @block are kept. */
static GArray **
measured_pieces (SonaeDocument *doc,
                 guint          block,
                 guint          row)
{
  Measure *m;

  if (block >= doc->n_measures)
    return NULL;
  m = &doc->measures[block];
  if (row == ROW_NONE)
    return &m->pieces;
  if (row == ROW_HEADER)
    return &m->header_pieces;
  if (row < m->n_rows)
    return &m->row_pieces[row];
  return NULL;
}

GArray *
sonae_layout_item_pieces (SonaeDocument *doc,
                          Placed        *p,
                          double        *height)
{
  GArray **kept = measured_pieces (doc, p->block, p->row);
  Measure *m;
  GArray *pieces;

  if (kept == NULL || *kept == NULL)
    {
      pieces = sonae_layout_pieces_new ();
      *height = sonae_layout_item (doc, g_ptr_array_index (doc->blocks, p->block), p->row, pieces);
      return pieces;
    }

  m = &doc->measures[p->block];
  if (p->row == ROW_NONE)
    *height = m->height;
  else if (p->row == ROW_HEADER)
    *height = m->header;
  else
    *height = m->rows[p->row];
  /* Each item is drawn on one page (or its slices, from one cache), but a
   * table's header on every page of the table. Dropping the others as
   * they are drawn keeps a document written page after page from holding
   * every layout until its end; a page drawn again lays them out again. */
  if (p->row == ROW_HEADER)
    return g_array_ref (*kept);
  return g_steal_pointer (kept);
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
            {
              GArray **kept = measured_pieces (doc, block, row);

              g_assert (kept != NULL && *kept != NULL);
              lines = sonae_layout_lines_new (*kept);
            }
          cut = sonae_layout_find_cut (lines, offset, offset + avail);
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
  e.text = sonae_document_bookmark_text (f->doc, b->plain);
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
            e.text = sonae_document_bookmark_text (doc, b->plain);
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

PangoContext *
sonae_layout_context_new (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
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
  Flow flow = { 0 };
  guint start = 0;

  g_array_set_size (doc->placed, 0);
  g_array_set_size (doc->page_starts, 0);
  g_array_set_size (doc->outline, 0);

  /* The shorter side is A4's width whichever way the sheet is turned. */
  doc->scale = (doc->scale_to_paper ? MAX (1.0, MIN (doc->sheet_width, doc->sheet_height) / A4_WIDTH) : 1.0) * zoom;
  doc->page_width = doc->sheet_width / doc->scale;
  doc->page_height = doc->sheet_height / doc->scale;
  doc->text_width = MAX (doc->page_width - 2 * MARGIN_X, 72.0);
  doc->text_top = TEXT_TOP + (doc->drill ? DRILL_SPACE : 0);
  doc->text_height = MAX (doc->page_height - doc->text_top - TEXT_BOTTOM, 72.0);

  measure_all (doc);

  g_array_append_val (doc->page_starts, start);
  flow.doc = doc;
  flow.m = doc->measures;
  flow_blocks (&flow);
  /* A page break or a spacer at the end leaves an empty last page. */
  if (!flow.content && doc->page_starts->len > 1)
    g_array_set_size (doc->page_starts, doc->page_starts->len - 1);
  start = doc->placed->len;
  g_array_append_val (doc->page_starts, start);

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

/* The first page of each part from the pages of each, @counts: a part
 * that must start on a right-hand page and would not gets a blank page
 * before it. */
static void
set_part_pages (SonaeDocument *doc,
                const guint   *counts)
{
  guint page = 0;

  g_array_set_size (doc->part_first_page, 0);
  g_array_set_size (doc->part_n_pages, 0);
  for (guint i = 0; i < doc->parts->len; i++)
    {
      if (doc->right_hand_from > 0 && i >= doc->right_hand_from && page % 2 == 1)
        page++;
      g_array_append_val (doc->part_first_page, page);
      g_array_append_val (doc->part_n_pages, counts[i]);
      page += counts[i];
    }
  g_array_append_val (doc->part_first_page, page);
}

/* The page marked as left blank before a part on a right-hand page. */
static void
paginate_blank_page (SonaeDocument *doc,
                     PangoContext  *context,
                     double         width,
                     double         height)
{
  if (doc->blank_page == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (_("This page is intentionally left blank."), -1);

      doc->blank_page = sonae_document_new_blank ("blank-page", doc->title, doc->paper, doc->organisation,
                                                  doc->printed);
      sonae_document_set_date_style (doc->blank_page, doc->date_style);
      /* In the middle of the page: a spacer at the top of one is dropped. */
      sonae_document_add_paragraph (doc->blank_page, SONAE_STYLE_NORMAL, "\u00a0");
      sonae_document_add_spacer (doc->blank_page, 320.0);
      sonae_document_add_paragraph (doc->blank_page, SONAE_STYLE_LARGE | SONAE_STYLE_MUTED | SONAE_STYLE_CENTER,
                                    markup);
    }
  sonae_document_paginate (doc->blank_page, context, width, height);
  doc->blank_page->page_total = g_array_index (doc->part_first_page, guint, doc->parts->len);
}

/* Every part laid out on its own, then the table of contents filled with
 * their first pages and laid out again until its own length no longer
 * moves the pages after it. A part that shows its own page numbers (the
 * manual's contents) is laid out knowing where it starts, and again when
 * the contents moved it. */
static guint
paginate_parts (SonaeDocument *doc,
                PangoContext  *context,
                double         width,
                double         height)
{
  g_autofree guint *counts = g_new0 (guint, doc->parts->len);
  int contents = doc->contents_part;
  guint total;

  if (contents >= 0)
    counts[contents] = 1;
  for (guint i = 0; i < doc->parts->len; i++)
    if ((int) i != contents)
      {
        SonaeDocument *part = g_ptr_array_index (doc->parts, i);

        /* Where it starts, as far as the parts before it are known. */
        set_part_pages (doc, counts);
        part->page_offset = g_array_index (doc->part_first_page, guint, i);
        counts[i] = sonae_document_paginate (part, context, width, height);
      }

  if (contents >= 0 && doc->contents_func != NULL)
    {
      SonaeDocument *part = g_ptr_array_index (doc->parts, contents);

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

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      gboolean moved = FALSE;

      set_part_pages (doc, counts);
      for (guint i = 0; i < doc->parts->len; i++)
        {
          SonaeDocument *part = g_ptr_array_index (doc->parts, i);
          guint first = g_array_index (doc->part_first_page, guint, i);

          if (!part->has_page_refs || part->page_offset == first)
            continue;
          part->page_offset = first;
          counts[i] = sonae_document_paginate (part, context, width, height);
          moved = TRUE;
        }
      if (!moved)
        break;
    }
  set_part_pages (doc, counts);

  total = g_array_index (doc->part_first_page, guint, doc->parts->len);
  for (guint i = 0; i < doc->parts->len; i++)
    {
      SonaeDocument *part = g_ptr_array_index (doc->parts, i);

      part->page_offset = g_array_index (doc->part_first_page, guint, i);
      part->page_total = total;
    }
  if (doc->right_hand_from > 0)
    paginate_blank_page (doc, context, width, height);
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
  doc->context = sonae_layout_context_new (pango_context_get_font_map (context));
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
