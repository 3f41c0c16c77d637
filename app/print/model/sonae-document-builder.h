/* sonae-document-builder.h: how a document describes itself, block by block.
 *
 * Every printed document (the roster, the call tree, and later the poster,
 * the manual, checklists, forms and the binder) is a flat list of blocks
 * appended by a builder function. Layout, pagination, the page header and
 * footer, the font and the PDF file are the pipeline's business
 * (sonae-document.c), never the builder's. */
#pragma once

#include "sonae-document.h"

G_BEGIN_DECLS

/* The one font family of every document: a Japanese font that the PDF
 * embeds as a subset. Latin text uses its Latin glyphs. */
#define SONAE_PRINT_FONT_FAMILY "Noto Sans CJK JP"

/* Colours, for builders writing Pango markup. */
#define SONAE_PRINT_COLOR_TEXT    "#1a1a1a"
#define SONAE_PRINT_COLOR_MUTED   "#5c5c5c"
#define SONAE_PRINT_COLOR_WARNING "#b3261e"
#define SONAE_PRINT_COLOR_CAUTION "#a35200"

/* The style of a paragraph: a size (at most one of SMALL, LARGE, POSTER,
 * HUGE) combined with any of the other flags. */
typedef enum {
  SONAE_STYLE_NORMAL  = 0,
  SONAE_STYLE_SMALL   = 1 << 0,  /* 8.5 pt: notes, legends */
  SONAE_STYLE_LARGE   = 1 << 1,  /* 13 pt */
  SONAE_STYLE_POSTER  = 1 << 2,  /* 24 pt: readable from two metres */
  SONAE_STYLE_HUGE    = 1 << 3,  /* 40 pt: a poster's headline */
  SONAE_STYLE_BOLD    = 1 << 4,
  SONAE_STYLE_MUTED   = 1 << 5,  /* grey */
  SONAE_STYLE_WARNING = 1 << 6,  /* in a tinted box with a red bar */
  SONAE_STYLE_CENTER  = 1 << 7,
  SONAE_STYLE_BANNER  = 1 << 8,  /* white on a red band: a poster's headline */
} SonaeTextStyle;

/* A coloured label inside a line of text, as Pango markup. */
typedef enum {
  SONAE_BADGE_WARNING,  /* red: check before relying on it */
  SONAE_BADGE_CAUTION,  /* amber: out of date */
  SONAE_BADGE_INFO,     /* grey */
} SonaeBadge;

/* A document with no blocks yet. @organisation (may be NULL) and @printed
 * (may be NULL for now) appear in every page's header. */
SonaeDocument *sonae_document_new_blank     (const char *name,
                                             const char *title,
                                             SonaePaper  paper,
                                             const char *organisation,
                                             GDateTime  *printed);
/* The organisation's name shown in the page header, or NULL. */
const char    *sonae_document_get_organisation (SonaeDocument *doc);

/* When TRUE (the default) a larger sheet than A4 shows the A4 layout
 * enlarged, so an A3 print of a list or a poster is the same pages in
 * bigger type. When FALSE the text keeps its size and more fits a page. */
void sonae_document_set_scale_to_paper (SonaeDocument *doc,
                                        gboolean       scale);

/* When TRUE (default FALSE) a document that would take more than one page
 * is shown smaller, as a whole, until it fits on one: a poster, whatever
 * the roster holds. */
void sonae_document_set_fit_one_page   (SonaeDocument *doc,
                                        gboolean       fit);

/* When TRUE (the default) Japanese lines break between phrases (文節)
 * and never inside a word: after a particle, an ending or a mark such as
 * 、。・, before a bracket, where a word in kanji, katakana or Latin letters
 * begins after kana; and a check box (□ ■) stays with its label, up to the
 * white space before the next one. A phrase longer than its line is cut
 * where its script changes (医療情報｜システム, but 2026年｜12月), and
 * only then anywhere. Text without Japanese or check boxes breaks as
 * Pango breaks it. FALSE only to compare. */
void sonae_document_set_keep_words     (SonaeDocument *doc,
                                        gboolean       keep);
/* When TRUE (the default) the rules of a form's rows are drawn once for
 * the page, each line as long as it runs, rather than each row's outline
 * in turn: the same page, in a fraction of the time a PDF file takes to
 * write it. FALSE only to compare. */
void sonae_document_set_join_rules     (SonaeDocument *doc,
                                        gboolean       join);
/* How many threads lay out the text of a long document (of a thousand
 * blocks and table rows or more), at most four: 0 (the default) for one
 * a processor. The pages are the same whatever the number; 1 only to
 * compare. */
void sonae_document_set_layout_threads (SonaeDocument *doc,
                                        guint          n_threads);
/* Where a phrase of @text begins, for a line of @max_chars full-width
 * characters (the first one, at 0, left out): byte offsets in a new GArray
 * of int. What sonae_document_set_keep_words() keeps together lies between
 * two of them. */
GArray *sonae_document_phrase_starts   (const char *text,
                                        guint       max_chars);

/* When TRUE (default FALSE) the pages are the paper turned sideways, for a
 * wide table: A4 landscape is 297 mm wide. The text keeps the size it has
 * on the paper upright. */
void sonae_document_set_landscape      (SonaeDocument *doc,
                                        gboolean       landscape);

/* How the dates in the document's text are written (default
 * SONAE_DATE_STYLE_ISO, 2026-12-07): every date that stands alone in a
 * text, title, cell or bookmark, “2026-12-07” or “2026-12-07T10:05:00”,
 * in @style when it is laid out (sonae_date_format_text()), the time of
 * printing in the page header too. */
void sonae_document_set_date_style     (SonaeDocument  *doc,
                                        SonaeDateStyle  style);
SonaeDateStyle sonae_document_get_date_style (SonaeDocument *doc);
/* @text (plain or markup) with its dates written as the document writes
 * them; newly allocated. */
char *sonae_document_format_dates      (SonaeDocument *doc,
                                        const char    *text);

/* When TRUE (default FALSE) every page carries a red band under its header
 * saying that the document is about a drill (訓練), not a real incident. */
void sonae_document_set_drill          (SonaeDocument *doc,
                                        gboolean       drill);
gboolean sonae_document_get_drill      (SonaeDocument *doc);

/* What the document is about, when it is one thing of several: an
 * incident's number, a year, a system's name; its file name says it after
 * the title (sonae_document_get_file_name). NULL (the default) for the
 * whole organisation. */
void sonae_document_set_subject        (SonaeDocument *doc,
                                        const char    *subject);

/* The blocks added after this start @points from the left edge of the text
 * (0, the default, for none), e.g. what belongs to a checklist step under
 * its text. */
void sonae_document_set_indent         (SonaeDocument *doc,
                                        double         points);

/* The blocks. Texts called "text" are plain; "markup" is Pango markup
 * (escape user data with g_markup_printf_escaped()). */
void sonae_document_add_title       (SonaeDocument *doc,
                                     const char    *text,
                                     const char    *subtitle);
/* A section heading, kept with what follows it. @number ("1", "2.3") may be
 * NULL. Headings become the PDF's bookmarks. */
void sonae_document_add_heading     (SonaeDocument *doc,
                                     const char    *number,
                                     const char    *text);
void sonae_document_add_paragraph   (SonaeDocument  *doc,
                                     SonaeTextStyle  style,
                                     const char     *markup);
/* "Key: value" lines; consecutive ones line up in two columns. */
void sonae_document_add_key_value   (SonaeDocument *doc,
                                     const char    *key,
                                     const char    *value_markup);
/* A table of @n_columns whose widths are the relative @widths (they need
 * not add up to 1). @header (n_columns markups, or NULL for no header row)
 * is repeated on every page the table continues on. Rows are added with
 * sonae_document_add_row() and never split across pages unless a single
 * row is taller than a page. */
void sonae_document_add_table       (SonaeDocument      *doc,
                                     guint               n_columns,
                                     const double       *widths,
                                     const char *const  *header);
/* The cells of @column (0-based) of the table added last are page numbers
 * of this document, 1-based, written in digits alone: in a composed
 * document (the manual in the binder) they show the pages of the whole,
 * as its page footers do. */
void sonae_document_set_page_column (SonaeDocument      *doc,
                                     guint               column);
/* A row of the table added last: n_columns markups (NULL is empty). */
void sonae_document_add_row         (SonaeDocument      *doc,
                                     const char *const  *cells);
/* What lies between begin and end stays on one page when it fits on one. */
void sonae_document_begin_group     (SonaeDocument *doc);
void sonae_document_end_group       (SonaeDocument *doc);
/* Vertical space in points; dropped at the top of a page. */
void sonae_document_add_spacer      (SonaeDocument *doc,
                                     double         points);
void sonae_document_add_page_break  (SonaeDocument *doc);
/* A numbered step: @number (“1”) in white on a red disc, @markup beside
 * it. The size in @style (e.g. SONAE_STYLE_POSTER) sets the text and the
 * disc; spans in @markup may make parts of the text smaller. */
void sonae_document_add_step        (SonaeDocument  *doc,
                                     SonaeTextStyle  style,
                                     const char     *number,
                                     const char     *markup);
/* A line with an empty check box in front, for checklists. */
void sonae_document_add_check_item  (SonaeDocument *doc,
                                     const char    *markup);
/* A label followed by @n_lines ruled lines to write on, for forms. */
void sonae_document_add_write_in    (SonaeDocument *doc,
                                     const char    *label,
                                     guint          n_lines);

/* A checklist entry: a large check box, ticked when @ticked, @markup beside
 * it, and a column at the right holding @side_markup (may be NULL) and, for
 * each of the NULL-terminated @side_write_ins (may be NULL), its label
 * followed by a ruled line to write on (“Time ____”, “Who ____”). */
void sonae_document_add_check_box   (SonaeDocument     *doc,
                                     gboolean           ticked,
                                     const char        *markup,
                                     const char        *side_markup,
                                     const char *const *side_write_ins);
/* @label (markup; may be NULL) in small type, then the NULL-terminated
 * @options (markups), each after an empty check box, side by side on as
 * many lines as they need: a choice on a paper form. */
void sonae_document_add_options     (SonaeDocument     *doc,
                                     const char        *label,
                                     const char *const *options);
/* A form to write in by hand: a table like sonae_document_add_table() but
 * ruled on every side, its rows at least @row_height points tall. Form
 * tables that follow each other directly join into one form. */
void sonae_document_add_form_table  (SonaeDocument     *doc,
                                     guint              n_columns,
                                     const double      *widths,
                                     const char *const *header,
                                     double             row_height);
/* @n_rows empty rows of the table added last, to write in. */
void sonae_document_add_empty_rows  (SonaeDocument     *doc,
                                     guint              n_rows);
/* Nothing printed: a bookmark (a top-level entry of the PDF's outline,
 * and of a binder's contents) named @text (plain) where it falls, for a
 * part whose headline is not a title, e.g. each outage card. */
void sonae_document_add_bookmark    (SonaeDocument     *doc,
                                     const char        *text);
/* A dashed line across the page with @label (plain; may be NULL) on it:
 * where to cut a sheet into two forms. */
void sonae_document_add_cut_line    (SonaeDocument     *doc,
                                     const char        *label);

/* Newly allocated markup of @text as a badge. */
char *sonae_markup_badge (SonaeBadge  badge,
                          const char *text);

G_END_DECLS
