/* sonae-document-layout-private.h: what the files of the layout share.
 *
 *   sonae-document-layout.c  pagination: blocks flowed onto pages
 *   sonae-document-text.c    Pango layouts of markup, their measures, strokes
 *   sonae-document-inked.c   a layout's drawing noted, drawn later without Pango
 *   sonae-document-phrases.c Japanese lines broken between phrases only
 *   sonae-document-blocks.c  each kind of block (and table row) laid out and drawn
 *   sonae-document-slices.c  an item taller than a page, cut and drawn in slices
 *   sonae-document-page.c    a page drawn: header, drill band, footer, its items */
#pragma once

#include "sonae-document-private.h"

G_BEGIN_DECLS

/* The page, in points of an A4 sheet (larger sheets are scaled, see
 * sonae_document_set_scale_to_paper()). */
#define A4_WIDTH      (210.0 * 72.0 / 25.4)
#define MARGIN_X      (18.0 * 72.0 / 25.4)
#define HEADER_TOP    (11.0 * 72.0 / 25.4)
#define TEXT_TOP      (23.0 * 72.0 / 25.4)
#define TEXT_BOTTOM   (20.0 * 72.0 / 25.4)  /* from the bottom edge */
#define FOOTER_BOTTOM (10.0 * 72.0 / 25.4)  /* bottom of the footer line, from the bottom edge */
#define DRILL_BAND    20.0  /* the drill band under the page header */
#define DRILL_SPACE   26.0  /* what it adds above the text */

#define SIZE_NORMAL   10.0
#define SIZE_SMALL    8.5
#define SIZE_LARGE    13.0
#define SIZE_POSTER   24.0
#define SIZE_HUGE     40.0
#define SIZE_TITLE    20.0
#define SIZE_SUBTITLE 10.5
#define SIZE_HEADING  13.0
#define SIZE_PAGE     8.0   /* page header and footer */
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

/* Text (sonae-document-text.c) */

/* A layout's drawing, noted to be drawn later without Pango
 * (sonae-document-inked.c): NULL when it holds what the notes cannot (a
 * glyph no font has). Drawn at @x, @y as pango_cairo_show_layout() draws
 * the layout at the current point. */
typedef struct _Inked Inked;

Inked       *sonae_inked_new             (PangoLayout *layout);
void         sonae_inked_free            (Inked       *inked);
void         sonae_inked_show            (cairo_t     *cr,
                                          Inked       *inked,
                                          double       x,
                                          double       y);

/* A laid-out text, at @x, @y of the item it belongs to. */
typedef struct {
  PangoLayout *layout;  /* NULL once @inked holds its drawing */
  Inked *inked;
  double x, y;
  double height;      /* of its logical extents, from y */
} Piece;

/* Notes the drawing of each of @pieces and lets its layout go (but keeps
 * those it cannot note). */
void         sonae_layout_ink_pieces     (GArray *pieces);

void         sonae_layout_piece_clear    (gpointer data);
/* An empty array of Piece, that frees their layouts or notes. */
GArray      *sonae_layout_pieces_new     (void);
double       sonae_layout_text_size      (SonaeTextStyle style);
PangoLayout *sonae_layout_make           (SonaeDocument  *doc,
                                          const char     *markup,
                                          double          size,
                                          gboolean        bold,
                                          double          width,
                                          PangoAlignment  alignment);
double       sonae_layout_height         (PangoLayout *layout);
double       sonae_layout_add_piece      (GArray      *pieces,
                                          PangoLayout *layout,
                                          double       x,
                                          double       y);
/* Between begin and end (while pagination measures the blocks), a short
 * text that sonae_layout_add_paragraphs() gets again with the same style
 * and width (a column's “Never verified”, a date many rows share) takes
 * the layout made the first time: pieces share layouts, so nothing may
 * change one once it is made. */
void         sonae_layout_cache_begin    (SonaeDocument *doc);
void         sonae_layout_cache_end      (SonaeDocument *doc);
/* Lays out @markup from @x, @y; returns its height. */
double       sonae_layout_add_paragraphs (SonaeDocument  *doc,
                                          GArray         *pieces,
                                          const char     *markup,
                                          double          size,
                                          gboolean        bold,
                                          double          width,
                                          PangoAlignment  alignment,
                                          double          x,
                                          double          y);
/* sonae_layout_add_paragraphs() for a table cell, left aligned: in
 * smaller type (to three quarters of its size) when a word kept whole is
 * wider than the column. */
double       sonae_layout_add_cell       (SonaeDocument  *doc,
                                          GArray         *pieces,
                                          const char     *markup,
                                          double          size,
                                          gboolean        bold,
                                          double          width,
                                          double          x,
                                          double          y);
/* Height of the first line of @layout. */
double       sonae_layout_first_line_height (PangoLayout *layout);

void         sonae_layout_set_gray       (cairo_t *cr,
                                          double   gray);
void         sonae_layout_hline          (cairo_t *cr,
                                          double   x0,
                                          double   x1,
                                          double   y,
                                          double   width,
                                          double   gray);
void         sonae_layout_show_piece     (cairo_t *cr,
                                          Piece   *p);
void         sonae_layout_show_pieces    (cairo_t *cr,
                                          GArray  *pieces);

/* Phrases (sonae-document-phrases.c) */

/* Marks in @attrs the pieces of @text (@length bytes) that a line of
 * @line ems (of the text's size) must not break: its Japanese phrases and
 * each check box with its label, those that are at most @widest ems wide
 * (@line, or more when the type may be made smaller to fit them); appends
 * the start and end (bytes) of each to @ranges (of guint; may be NULL).
 * Nothing for a text that fits on one line. Returns whether it marked any. */
gboolean     sonae_layout_keep_words     (const char    *text,
                                          guint          length,
                                          double         line,
                                          double         widest,
                                          PangoAttrList *attrs,
                                          GArray        *ranges);

/* Blocks (sonae-document-blocks.c) */

/* Lays out one block, or one row of a table block, with its top-left corner
 * at 0,0. Returns its height; the layouts go to @pieces when it is not NULL. */
double       sonae_layout_item           (SonaeDocument *doc,
                                          Block         *b,
                                          guint          row,
                                          GArray        *pieces);
/* The column of table @b, @text_width wide, that holds @x. */
guint        sonae_layout_column_at      (Block         *b,
                                          double         text_width,
                                          double         x);
/* Draws one item with its top-left corner at 0,0 of @cr. */
/* Strokes @rules (noted in device space) in one path, in the user space
 * of @cr (a page's, at the scale its rules were drawn at), and empties
 * it. */
void         sonae_layout_stroke_rules   (cairo_t       *cr,
                                          GArray        *rules);
void         sonae_layout_draw_item      (SonaeDocument *doc,
                                          cairo_t       *cr,
                                          Block         *b,
                                          guint          row,
                                          GArray        *pieces,
                                          double         height);

/* A rule of a form table (sonae-document-blocks.c), in device space: a
 * rectangle's outline, or a line. */
typedef struct {
  gboolean rectangle;
  double x0, y0;
  double x1, y1;        /* the opposite corner, or the line's end */
} PageRule;

/* Pagination (sonae-document-layout.c) */

/* A context of @font_map as documents lay out text: in points (72 dpi),
 * unhinted metrics, positions not rounded, Japanese. */
PangoContext *sonae_layout_context_new   (PangoFontMap *font_map);

/* One block as pagination measured it: the heights of its items (the
 * block, or a table's header and rows) and the layouts made to measure
 * them (arrays of Piece), kept to draw them. The page that shows an item
 * takes its layouts; a table's header, repeated on each page of the table,
 * keeps them. */
struct _Measure {
  double height;        /* not tables */
  double header;        /* tables: the header row, 0 when none or not repeated */
  double *rows;         /* tables: each row */
  guint n_rows;
  GArray *pieces;       /* not tables; NULL once taken */
  GArray *header_pieces;
  GArray **row_pieces;  /* n_rows; each NULL once taken */
};

/* The layouts of the item @p is a part of, and its whole height in
 * @height: those made to measure it, or laid out again when a page drew it
 * before. Returns a reference. */
GArray      *sonae_layout_item_pieces    (SonaeDocument *doc,
                                          Placed        *p,
                                          double        *height);

/* Slices (sonae-document-slices.c) */

/* The lines of text of an item taller than a page, to cut it into slices
 * between two lines: found once for all its pages, in @pieces (of Piece),
 * its layouts. */
typedef struct _Lines Lines;

Lines       *sonae_layout_lines_new      (GArray *pieces);
void         sonae_layout_lines_free     (Lines *lines);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lines, sonae_layout_lines_free)
/* Where to end the visible part of an item that starts at @from, at
 * @limit at most, without cutting a line of text in two. Returns @from when
 * not even one line fits. */
double       sonae_layout_find_cut       (Lines  *lines,
                                          double  from,
                                          double  limit);

struct _SliceCache {
  guint block;
  guint row;
  double height;
  GArray *pieces;     /* of Piece, as sonae_layout_item() made them */
  guint *order;       /* indexes of @pieces in the order of their tops */
  double *tops;       /* their tops, in that order */
  double tallest;     /* the height of the tallest piece */
};

/* The layouts of the item @p is a slice of: those of the slice before it
 * when it is the same item, else those pagination made (or laid out now),
 * kept for the next. */
SliceCache  *sonae_layout_get_slice_cache (SonaeDocument *doc,
                                           Placed        *p);
/* Shows the pieces of a sliced item that reach into its part from @top to
 * @bottom: the others would be clipped away, at the cost of the whole item
 * on every page. */
void         sonae_layout_show_slice_pieces (cairo_t    *cr,
                                             SliceCache *cache,
                                             double      top,
                                             double      bottom);

G_END_DECLS
