/* sonae-document-private.h: the document model shared by the builder
 * (sonae-document.c) and the layout (sonae-document-layout.c and the files
 * sonae-document-layout-private.h lists) */
#pragma once

#include "sonae-document-builder.h"

G_BEGIN_DECLS

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_SPACER,
  BLOCK_PAGE_BREAK,
  BLOCK_GROUP_BEGIN,
  BLOCK_GROUP_END,
  BLOCK_CHECK_ITEM,
  BLOCK_WRITE_IN,
  BLOCK_STEP,
  BLOCK_CHECK_BOX,     /* a check box, its text, and a column at the right */
  BLOCK_OPTIONS,       /* a label, then options each after a check box */
  BLOCK_CUT_LINE,
  BLOCK_BOOKMARK,      /* nothing printed: an outline entry where it falls */
} BlockKind;

typedef enum {
  TABLE_GRID = 0,       /* rules between rows, header on grey */
  TABLE_KEY_VALUE = 1,  /* two columns, no rules */
  TABLE_FORM = 2,       /* ruled on every side, rows at least @amount tall */
} TableKind;

typedef struct {
  BlockKind kind;
  SonaeTextStyle style;
  char *markup;       /* title, heading, paragraph, check item, step; write-in label */
  char *markup2;      /* title: subtitle; step: the number; check box: the right column */
  char *plain;        /* title, heading: for bookmarks */
  double amount;      /* spacer: points; write-in: lines; form table: row height;
                       * check box: 1 when ticked */
  double indent;      /* from the left of the text area, in points */
  char **labels;      /* check box: write-in labels of the right column;
                       * options: the options' markups */

  /* BLOCK_TABLE */
  TableKind table_kind;
  guint n_columns;
  double *widths;     /* fractions of the text width, adding up to 1 */
  char **header;      /* n_columns markups, or NULL */
  GPtrArray *cells;   /* of char *: n_columns per row */

  /* BLOCK_GROUP_BEGIN: index of its end */
  guint group_end;

  /* BLOCK_TABLE: 1 + the column of page numbers of the document's own
   * (sonae_document_set_page_column()), 0 when none */
  guint page_column;
} Block;

#define ROW_NONE   G_MAXUINT
#define ROW_HEADER (G_MAXUINT - 1)

/* One block (or one table row) on one page. A part too tall for a page is
 * shown in slices: @offset is where the visible part starts inside it. */
typedef struct {
  guint block;
  guint row;          /* table row, ROW_HEADER, or ROW_NONE */
  double y;           /* top of the visible part, from the top of the text area */
  double offset;
  double height;      /* visible height */
  gboolean sliced;    /* one of the slices of a part shown over several pages */
} Placed;

typedef struct {
  guint page;         /* 0-based */
  double y;           /* on the page, in points of the sheet */
  guint level;        /* 0 title, 1 heading; in a composed document 0 part,
                       * then its titles and headings one level deeper */
  char *text;
} OutlineEntry;

/* A composed document (the binder) fills its part @contents (the table of
 * contents) once the pages of every part are known: doc->part_first_page
 * holds the 0-based first page of each part, and @contents has no blocks. */
typedef void (*SonaeContentsFunc) (SonaeDocument *doc,
                                   SonaeDocument *contents,
                                   gpointer       user_data);

typedef struct _SliceCache SliceCache;
typedef struct _Measure Measure;

struct _SonaeDocument {
  char *name;
  char *title;
  char *subject;         /* what it is about, for its file name; or NULL */
  SonaePaper paper;
  char *organisation;
  GDateTime *printed;
  gboolean scale_to_paper;
  gboolean fit_one_page;
  gboolean drill;        /* a red band on every page: not a real incident */
  gboolean keep_words;   /* Japanese lines break between phrases only */
  gboolean landscape;    /* the sheet turned sideways */
  SonaeDateStyle date_style; /* of the dates in its text */
  guint layout_threads;  /* that lay out a long document; 0: one a processor */
  gboolean join_rules;   /* the rules of a page's form rows drawn together */
  double indent;         /* of the blocks added next */

  GPtrArray *blocks;     /* of Block */
  GArray *open_groups;   /* of guint: indexes of unclosed GROUP_BEGINs */

  /* Filled by sonae_document_paginate() */
  PangoContext *context; /* ours: 72 dpi, unhinted metrics */
  double sheet_width, sheet_height;  /* as given, in points */
  double scale;          /* sheet points per layout point */
  double page_width, page_height;    /* in layout points */
  double text_width, text_height;
  double text_top;       /* from the top of the page, in layout points */
  GArray *placed;        /* of Placed */
  GArray *page_starts;   /* of guint: first Placed of each page, then placed->len */
  GArray *outline;       /* of OutlineEntry */

  /* The heights of the items of each block, and the layouts made to
   * measure them, each kept until the page that shows it is drawn: laying
   * out every table cell again to draw it cost as much as measuring it.
   * Several threads measure a long document, each through a copy of this
   * structure with a context and a cache of its own: measuring writes
   * nothing else of it. */
  Measure *measures;     /* n_measures, one a block */
  guint n_measures;

  /* While the blocks are measured: the layouts of the short texts laid
   * out so far, by their markup and style (sonae-document-text.c), for
   * the cells that repeat one another. */
  GHashTable *layout_cache;

  /* The page header and the drill band, the same on every page: laid out
   * for the first page drawn, kept for the others. */
  PangoLayout *header_left;
  PangoLayout *header_right;
  PangoLayout *drill_band;

  /* The layouts of the part shown in slices that was drawn last, kept for
   * its next slices: laying out a row thousands of lines tall again for
   * each of its pages would cost the whole row on every page. */
  SliceCache *slice_cache;

  /* While a page is drawn: the rules of its form tables' rows, in device
   * space, stroked together once its items are drawn (NULL: each row
   * strokes its own). A stroke costs cairo's PDF surface far more than
   * its length: a roster's page of rows stroked one by one took an eighth
   * of the time spent writing it. */
  GArray *page_rules;    /* of PageRule */

  /* The page footer: a part of a composed document shows the page number
   * of the whole (its pages from @page_offset + 1, of @page_total). */
  guint page_offset;
  guint page_total;      /* 0: the document's own number of pages */

  /* A composed document: its pages are those of its parts, one after the
   * other, each part laid out on its own (NULL: an ordinary document). */
  GPtrArray *parts;      /* of SonaeDocument */
  char **part_bookmarks; /* the top bookmark of each part (NULL: its title) */
  int contents_part;     /* index of the table of contents, or -1 */
  SonaeContentsFunc contents_func;
  gpointer contents_data;
  GArray *part_first_page; /* of guint: first page of each part, then the total */
  GArray *part_n_pages;    /* of guint: the pages of each part */
  guint right_hand_from;   /* parts from this index on start on a right-hand
                            * (odd) page; 0 when none must */
  SonaeDocument *blank_page;  /* the page left blank before such a part */

  /* A page column (sonae_document_set_page_column()): its numbers depend
   * on @page_offset. */
  gboolean has_page_refs;
};

Block *sonae_document_last_block (SonaeDocument *doc);
/* The text of the bookmark of a title or heading @plain: its dates as the
 * document writes them, its first sentence alone, at most 40 characters
 * (cut with …). */
char  *sonae_document_bookmark_text (SonaeDocument *doc,
                                     const char    *plain);
void   sonae_document_clear_layout (SonaeDocument *doc);
/* Drop the layouts kept for the slices of a part (sonae-document-slices.c). */
void   sonae_document_clear_slice_cache (SonaeDocument *doc);
/* Drop the measures of the blocks and the layouts kept with them
 * (sonae-document-layout.c). */
void   sonae_document_clear_measures (SonaeDocument *doc);

/* Composed documents (sonae-document.c, sonae-document-layout.c) */

/* Make @doc (with no blocks) a composed document and append @part (taken)
 * to it; @bookmark (may be NULL for the part's title) is its top bookmark. */
void   sonae_document_add_part        (SonaeDocument *doc,
                                       SonaeDocument *part,
                                       const char    *bookmark);
/* Mark the part added last as the table of contents, refilled by @func on
 * every pagination. */
void   sonae_document_set_contents    (SonaeDocument     *doc,
                                       SonaeContentsFunc  func,
                                       gpointer           user_data);
/* Every part of the composed document @doc from the one of index @from
 * on (1 or more; 0, the default, for none) starts on a right-hand page of
 * a book printed on both sides: an odd page. A page marked as left blank
 * on purpose goes before a part that would start on an even page. */
void   sonae_document_set_parts_start_right (SonaeDocument *doc,
                                             guint          from);
/* After pagination: whether page @page (0-based) of the composed document
 * @doc is a page left blank between two parts. */
gboolean sonae_document_is_blank_page (SonaeDocument *doc,
                                       guint          page);
/* Remove every block of @doc (the table of contents before a refill). */
void   sonae_document_clear_blocks    (SonaeDocument *doc);
guint  sonae_document_get_n_parts     (SonaeDocument *doc);
SonaeDocument *sonae_document_get_part (SonaeDocument *doc,
                                        guint          index);
/* After pagination: the 0-based first page of part @index in the whole. */
guint  sonae_document_get_part_first_page (SonaeDocument *doc,
                                           guint          index);

G_END_DECLS
