/* sonae-document.c: a printable document: its blocks, its pages, and the PDF file */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "sonae-clock.h"
#include "sonae-document-fonts-private.h"
#include "sonae-document-private.h"
#include "sonae-error.h"

/* Paper */

void
sonae_paper_get_size (SonaePaper paper,
                      double    *width,
                      double    *height)
{
  /* ISO 216 in points: millimetres × 72 / 25.4 */
  double w = 210.0, h = 297.0;

  if (paper == SONAE_PAPER_A3)
    {
      w = 297.0;
      h = 420.0;
    }
  if (width)
    *width = w * 72.0 / 25.4;
  if (height)
    *height = h * 72.0 / 25.4;
}

gboolean
sonae_paper_from_string (const char *text,
                         SonaePaper *out_paper)
{
  SonaePaper paper;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "a4") == 0)
    paper = SONAE_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "a3") == 0)
    paper = SONAE_PAPER_A3;
  else
    return FALSE;
  if (out_paper)
    *out_paper = paper;
  return TRUE;
}

/* The document and its blocks */

static void
block_free (gpointer data)
{
  Block *b = data;

  g_free (b->markup);
  g_free (b->markup2);
  g_free (b->plain);
  g_free (b->widths);
  g_strfreev (b->header);
  g_strfreev (b->labels);
  g_clear_pointer (&b->cells, g_ptr_array_unref);
  g_free (b);
}

static void
outline_entry_clear (gpointer data)
{
  OutlineEntry *e = data;

  g_free (e->text);
}

SonaeDocument *
sonae_document_new_blank (const char *name,
                          const char *title,
                          SonaePaper  paper,
                          const char *organisation,
                          GDateTime  *printed)
{
  SonaeDocument *doc = g_new0 (SonaeDocument, 1);

  doc->name = g_strdup (name);
  doc->title = g_strdup (title ? title : "");
  doc->paper = paper;
  doc->organisation = g_strdup (organisation);
  doc->printed = printed ? g_date_time_ref (printed) : sonae_clock_now ();
  doc->scale_to_paper = TRUE;
  doc->keep_words = TRUE;
  doc->join_rules = TRUE;
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->open_groups = g_array_new (FALSE, FALSE, sizeof (guint));
  doc->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  doc->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  doc->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));
  g_array_set_clear_func (doc->outline, outline_entry_clear);
  doc->contents_part = -1;
  return doc;
}

void
sonae_document_free (SonaeDocument *doc)
{
  if (doc == NULL)
    return;
  sonae_document_clear_layout (doc);
  g_free (doc->name);
  g_free (doc->title);
  g_free (doc->subject);
  g_free (doc->organisation);
  g_date_time_unref (doc->printed);
  g_ptr_array_unref (doc->blocks);
  g_array_unref (doc->open_groups);
  g_array_unref (doc->placed);
  g_array_unref (doc->page_starts);
  g_array_unref (doc->outline);
  g_clear_pointer (&doc->parts, g_ptr_array_unref);
  g_strfreev (doc->part_bookmarks);
  g_clear_pointer (&doc->part_first_page, g_array_unref);
  g_clear_pointer (&doc->part_n_pages, g_array_unref);
  g_clear_pointer (&doc->blank_page, sonae_document_free);
  g_free (doc);
}

void
sonae_document_clear_layout (SonaeDocument *doc)
{
  sonae_document_clear_slice_cache (doc);
  sonae_document_clear_measures (doc);
  g_clear_object (&doc->header_left);
  g_clear_object (&doc->header_right);
  g_clear_object (&doc->drill_band);
  g_clear_object (&doc->context);
  g_clear_pointer (&doc->page_rules, g_array_unref);
  g_array_set_size (doc->placed, 0);
  g_array_set_size (doc->page_starts, 0);
  g_array_set_size (doc->outline, 0);
}

/* Composed documents */

void
sonae_document_add_part (SonaeDocument *doc,
                         SonaeDocument *part,
                         const char    *bookmark)
{
  guint n;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (part != NULL && part != doc);
  g_return_if_fail (doc->blocks->len == 0);

  if (doc->parts == NULL)
    {
      doc->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_document_free);
      doc->part_first_page = g_array_new (FALSE, FALSE, sizeof (guint));
      doc->part_n_pages = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  g_ptr_array_add (doc->parts, part);
  n = doc->parts->len;
  doc->part_bookmarks = g_renew (char *, doc->part_bookmarks, n + 1);
  doc->part_bookmarks[n - 1] = g_strdup (bookmark);
  doc->part_bookmarks[n] = NULL;
}

void
sonae_document_set_contents (SonaeDocument     *doc,
                             SonaeContentsFunc  func,
                             gpointer           user_data)
{
  g_return_if_fail (doc != NULL && doc->parts != NULL && doc->parts->len > 0);
  g_return_if_fail (func != NULL);

  doc->contents_part = (int) doc->parts->len - 1;
  doc->contents_func = func;
  doc->contents_data = user_data;
}

void
sonae_document_set_parts_start_right (SonaeDocument *doc,
                                      guint          from)
{
  g_return_if_fail (doc != NULL);
  doc->right_hand_from = from;
}

gboolean
sonae_document_is_blank_page (SonaeDocument *doc,
                              guint          page)
{
  g_return_val_if_fail (doc != NULL, FALSE);

  if (doc->parts == NULL || doc->part_n_pages == NULL || doc->part_n_pages->len != doc->parts->len)
    return FALSE;
  for (guint i = doc->parts->len; i-- > 0;)
    {
      guint first = g_array_index (doc->part_first_page, guint, i);

      if (page >= first)
        return page - first >= g_array_index (doc->part_n_pages, guint, i);
    }
  return FALSE;
}

void
sonae_document_clear_blocks (SonaeDocument *doc)
{
  g_return_if_fail (doc != NULL);

  sonae_document_clear_layout (doc);
  g_ptr_array_set_size (doc->blocks, 0);
  g_array_set_size (doc->open_groups, 0);
  doc->indent = 0;
}

guint
sonae_document_get_n_parts (SonaeDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->parts ? doc->parts->len : 0;
}

SonaeDocument *
sonae_document_get_part (SonaeDocument *doc,
                         guint          index)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (doc->parts != NULL && index < doc->parts->len, NULL);
  return g_ptr_array_index (doc->parts, index);
}

guint
sonae_document_get_part_first_page (SonaeDocument *doc,
                                    guint          index)
{
  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (doc->part_first_page != NULL && index < doc->part_first_page->len, 0);
  return g_array_index (doc->part_first_page, guint, index);
}

const char *
sonae_document_get_doc_title (SonaeDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->title;
}

void
sonae_document_set_subject (SonaeDocument *doc,
                            const char    *subject)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->subject);
  doc->subject = g_strdup (subject);
}

/* Longest file name, in bytes: most file systems take 255, and the
 * extension and a “ (2)” may follow. */
#define FILE_NAME_MAX 200

char *
sonae_document_get_file_name (SonaeDocument *doc)
{
  g_autoptr(GString) name = NULL;
  const char *end;

  g_return_val_if_fail (doc != NULL, NULL);

  name = g_string_new (doc->title);
  if (doc->subject != NULL && *doc->subject != '\0')
    g_string_append_printf (name, " %s", doc->subject);
  for (char *p = name->str; *p != '\0'; p++)
    if (strchr ("/\\:*?\"<>|", *p) != NULL || g_ascii_iscntrl (*p))
      *p = '-';
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  /* A leading dot would hide the file. */
  while (name->str[0] == '.')
    g_string_erase (name, 0, 1);
  if (name->len > FILE_NAME_MAX)
    {
      g_utf8_validate (name->str, FILE_NAME_MAX, &end);
      g_string_truncate (name, end - name->str);
    }
  if (name->len == 0)
    g_string_assign (name, "Sonae");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

const char *
sonae_document_get_organisation (SonaeDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->organisation;
}

SonaePaper
sonae_document_get_paper (SonaeDocument *doc)
{
  g_return_val_if_fail (doc != NULL, SONAE_PAPER_A4);
  return doc->paper;
}

void
sonae_document_set_scale_to_paper (SonaeDocument *doc,
                                   gboolean       scale)
{
  g_return_if_fail (doc != NULL);
  doc->scale_to_paper = !!scale;
}

void
sonae_document_set_fit_one_page (SonaeDocument *doc,
                                 gboolean       fit)
{
  g_return_if_fail (doc != NULL);
  doc->fit_one_page = !!fit;
}

void
sonae_document_set_keep_words (SonaeDocument *doc,
                               gboolean       keep)
{
  g_return_if_fail (doc != NULL);
  doc->keep_words = !!keep;
}

void
sonae_document_keep_heap (void)
{
#if defined(__GLIBC__) && defined(M_TOP_PAD)
  mallopt (M_TOP_PAD, 64 * 1024 * 1024);
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}

void
sonae_document_set_join_rules (SonaeDocument *doc,
                               gboolean       join)
{
  g_return_if_fail (doc != NULL);
  doc->join_rules = !!join;
}

void
sonae_document_set_layout_threads (SonaeDocument *doc,
                                   guint          n_threads)
{
  g_return_if_fail (doc != NULL);

  doc->layout_threads = n_threads;
}

void
sonae_document_set_date_style (SonaeDocument  *doc,
                               SonaeDateStyle  style)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail ((guint) style < SONAE_N_DATE_STYLES);
  doc->date_style = style;
}

SonaeDateStyle
sonae_document_get_date_style (SonaeDocument *doc)
{
  g_return_val_if_fail (doc != NULL, SONAE_DATE_STYLE_ISO);
  return doc->date_style;
}

/* Whether @text may hold a date: four digits, then '-'. */
static gboolean
may_hold_date (const char *text)
{
  for (const char *p = strchr (text, '-'); p != NULL; p = strchr (p + 1, '-'))
    if (p - text >= 4 && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[-4]))
      return TRUE;
  return FALSE;
}

char *
sonae_document_format_dates (SonaeDocument *doc,
                             const char    *text)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (doc->date_style == SONAE_DATE_STYLE_ISO || !may_hold_date (text))
    return g_strdup (text);
  return sonae_date_format_text (text, doc->date_style);
}

/* A bookmark names a part: a few words, not a sentence. */
#define BOOKMARK_MAX_CHARS 40

char *
sonae_document_bookmark_text (SonaeDocument *doc,
                              const char    *plain)
{
  g_autofree char *dated = sonae_document_format_dates (doc, plain);
  GString *text = g_string_new (NULL);
  const char *end = dated + strlen (dated);
  const char *stop;
  glong n;

  /* A heading that goes on after its first sentence (a user's own text)
   * is named by that sentence alone, without its full stop. */
  stop = strstr (dated, "\u3002");
  if (stop != NULL && stop > dated)
    end = stop;
  for (const char *p = dated; p + 1 < end; p++)
    if (*p == '.' && p[1] == ' ' && p > dated && g_ascii_isalpha (p[-1]))
      {
        end = p;
        break;
      }
  g_string_append_len (text, dated, end - dated);
  n = g_utf8_strlen (text->str, -1);
  if (n > BOOKMARK_MAX_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (text->str, BOOKMARK_MAX_CHARS - 1);

      g_string_truncate (text, cut - text->str);
      g_string_append (text, "\u2026");
    }
  return g_string_free (text, FALSE);
}

void
sonae_document_set_drill (SonaeDocument *doc,
                          gboolean       drill)
{
  g_return_if_fail (doc != NULL);
  doc->drill = !!drill;
}

gboolean
sonae_document_get_drill (SonaeDocument *doc)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  return doc->drill;
}

void
sonae_document_set_landscape (SonaeDocument *doc,
                              gboolean       landscape)
{
  g_return_if_fail (doc != NULL);
  doc->landscape = !!landscape;
}

gboolean
sonae_document_get_landscape (SonaeDocument *doc)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  return doc->landscape;
}

void
sonae_document_set_indent (SonaeDocument *doc,
                           double         points)
{
  g_return_if_fail (doc != NULL);
  doc->indent = MAX (points, 0.0);
}

Block *
sonae_document_last_block (SonaeDocument *doc)
{
  if (doc->blocks->len == 0)
    return NULL;
  return g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
}

static Block *
add_block (SonaeDocument *doc,
           BlockKind      kind)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->indent = doc->indent;
  g_ptr_array_add (doc->blocks, b);
  return b;
}

void
sonae_document_add_title (SonaeDocument *doc,
                          const char    *text,
                          const char    *subtitle)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  b = add_block (doc, BLOCK_TITLE);
  b->plain = g_strdup (text);
  b->markup = g_markup_escape_text (text, -1);
  if (subtitle != NULL && *subtitle != '\0')
    b->markup2 = g_markup_escape_text (subtitle, -1);
}

void
sonae_document_add_heading (SonaeDocument *doc,
                            const char    *number,
                            const char    *text)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  b = add_block (doc, BLOCK_HEADING);
  if (number != NULL && *number != '\0')
    {
      b->plain = g_strdup_printf ("%s %s", number, text);
      b->markup = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>\u2003%s",
                                           number, text);
    }
  else
    {
      b->plain = g_strdup (text);
      b->markup = g_markup_escape_text (text, -1);
    }
}

void
sonae_document_add_paragraph (SonaeDocument  *doc,
                              SonaeTextStyle  style,
                              const char     *markup)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (markup != NULL);

  b = add_block (doc, BLOCK_PARAGRAPH);
  b->style = style;
  b->markup = g_strdup (markup);
}

static Block *
new_table (SonaeDocument     *doc,
           TableKind          kind,
           guint              n_columns,
           const double      *widths,
           const char *const *header)
{
  Block *b = add_block (doc, BLOCK_TABLE);
  double total = 0;

  b->table_kind = kind;
  b->n_columns = n_columns;
  b->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    total += widths ? MAX (widths[i], 0.0) : 1.0;
  for (guint i = 0; i < n_columns; i++)
    {
      double w = widths ? MAX (widths[i], 0.0) : 1.0;
      b->widths[i] = total > 0 ? w / total : 1.0 / n_columns;
    }
  if (header != NULL)
    {
      b->header = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        b->header[i] = g_strdup (header[i] ? header[i] : "");
    }
  b->cells = g_ptr_array_new_with_free_func (g_free);
  return b;
}

void
sonae_document_add_table (SonaeDocument      *doc,
                          guint               n_columns,
                          const double       *widths,
                          const char *const  *header)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (n_columns > 0);

  new_table (doc, TABLE_GRID, n_columns, widths, header);
}

void
sonae_document_add_row (SonaeDocument     *doc,
                        const char *const *cells)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cells != NULL);
  b = sonae_document_last_block (doc);
  g_return_if_fail (b != NULL && b->kind == BLOCK_TABLE);

  for (guint i = 0; i < b->n_columns; i++)
    g_ptr_array_add (b->cells, g_strdup (cells[i] ? cells[i] : ""));
}

void
sonae_document_set_page_column (SonaeDocument *doc,
                                guint          column)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  b = sonae_document_last_block (doc);
  g_return_if_fail (b != NULL && b->kind == BLOCK_TABLE);
  g_return_if_fail (column < b->n_columns);

  b->page_column = column + 1;
  doc->has_page_refs = TRUE;
}

void
sonae_document_add_key_value (SonaeDocument *doc,
                              const char    *key,
                              const char    *value_markup)
{
  static const double widths[] = { 0.3, 0.7 };
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (key != NULL);

  b = sonae_document_last_block (doc);
  if (b == NULL || b->kind != BLOCK_TABLE || b->table_kind != TABLE_KEY_VALUE)
    b = new_table (doc, TABLE_KEY_VALUE, 2, widths, NULL);
  g_ptr_array_add (b->cells, g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", key));
  g_ptr_array_add (b->cells, g_strdup (value_markup ? value_markup : ""));
}

void
sonae_document_begin_group (SonaeDocument *doc)
{
  guint index;

  g_return_if_fail (doc != NULL);

  index = doc->blocks->len;
  add_block (doc, BLOCK_GROUP_BEGIN);
  g_array_append_val (doc->open_groups, index);
}

void
sonae_document_end_group (SonaeDocument *doc)
{
  Block *begin;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (doc->open_groups->len > 0);

  begin = g_ptr_array_index (doc->blocks, g_array_index (doc->open_groups, guint, doc->open_groups->len - 1));
  g_array_set_size (doc->open_groups, doc->open_groups->len - 1);
  begin->group_end = doc->blocks->len;
  add_block (doc, BLOCK_GROUP_END);
}

void
sonae_document_add_spacer (SonaeDocument *doc,
                           double         points)
{
  g_return_if_fail (doc != NULL);

  add_block (doc, BLOCK_SPACER)->amount = MAX (points, 0.0);
}

void
sonae_document_add_page_break (SonaeDocument *doc)
{
  g_return_if_fail (doc != NULL);

  add_block (doc, BLOCK_PAGE_BREAK);
}

void
sonae_document_add_check_item (SonaeDocument *doc,
                               const char    *markup)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (markup != NULL);

  add_block (doc, BLOCK_CHECK_ITEM)->markup = g_strdup (markup);
}

void
sonae_document_add_step (SonaeDocument  *doc,
                         SonaeTextStyle  style,
                         const char     *number,
                         const char     *markup)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (markup != NULL);

  b = add_block (doc, BLOCK_STEP);
  b->style = style;
  b->markup = g_strdup (markup);
  b->markup2 = g_markup_escape_text (number ? number : "", -1);
}

void
sonae_document_add_write_in (SonaeDocument *doc,
                             const char    *label,
                             guint          n_lines)
{
  Block *b;

  g_return_if_fail (doc != NULL);

  b = add_block (doc, BLOCK_WRITE_IN);
  b->markup = g_markup_escape_text (label ? label : "", -1);
  b->amount = MAX (n_lines, 1);
}

void
sonae_document_add_check_box (SonaeDocument     *doc,
                              gboolean           ticked,
                              const char        *markup,
                              const char        *side_markup,
                              const char *const *side_write_ins)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (markup != NULL);

  b = add_block (doc, BLOCK_CHECK_BOX);
  b->markup = g_strdup (markup);
  b->amount = ticked ? 1 : 0;
  if (side_markup != NULL && *side_markup != '\0')
    b->markup2 = g_strdup (side_markup);
  if (side_write_ins != NULL && side_write_ins[0] != NULL)
    {
      guint n = g_strv_length ((char **) side_write_ins);

      b->labels = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        b->labels[i] = g_markup_escape_text (side_write_ins[i], -1);
    }
}

void
sonae_document_add_options (SonaeDocument     *doc,
                            const char        *label,
                            const char *const *options)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (options != NULL);

  b = add_block (doc, BLOCK_OPTIONS);
  b->markup = g_strdup (label ? label : "");
  b->labels = g_strdupv ((char **) options);
}

void
sonae_document_add_form_table (SonaeDocument     *doc,
                               guint              n_columns,
                               const double      *widths,
                               const char *const *header,
                               double             row_height)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (n_columns > 0);

  new_table (doc, TABLE_FORM, n_columns, widths, header)->amount = MAX (row_height, 0.0);
}

void
sonae_document_add_empty_rows (SonaeDocument *doc,
                               guint          n_rows)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  b = sonae_document_last_block (doc);
  g_return_if_fail (b != NULL && b->kind == BLOCK_TABLE);

  for (guint r = 0; r < n_rows; r++)
    for (guint i = 0; i < b->n_columns; i++)
      g_ptr_array_add (b->cells, g_strdup (""));
}

void
sonae_document_add_bookmark (SonaeDocument *doc,
                             const char    *text)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  add_block (doc, BLOCK_BOOKMARK)->plain = g_strdup (text);
}

void
sonae_document_add_cut_line (SonaeDocument *doc,
                             const char    *label)
{
  g_return_if_fail (doc != NULL);

  add_block (doc, BLOCK_CUT_LINE)->markup = g_markup_escape_text (label ? label : "", -1);
}

char *
sonae_markup_badge (SonaeBadge  badge,
                    const char *text)
{
  const char *background;

  switch (badge)
    {
    case SONAE_BADGE_WARNING:
      background = SONAE_PRINT_COLOR_WARNING;
      break;
    case SONAE_BADGE_CAUTION:
      background = SONAE_PRINT_COLOR_CAUTION;
      break;
    case SONAE_BADGE_INFO:
    default:
      background = SONAE_PRINT_COLOR_MUTED;
      break;
    }
  /* No-break spaces pad the coloured box. */
  return g_markup_printf_escaped ("<span background=\"%s\" foreground=\"#ffffff\" weight=\"bold\">\u00a0%s\u00a0</span>",
                                  background, text);
}

/* The PDF file */

typedef struct {
  int fd;
  int saved_errno;
  GByteArray *whole;  /* the file as cairo hands it over, in pieces */
} PdfStream;

/* Writes @length bytes of @data to the file; FALSE (with the reason in
 * @stream->saved_errno) when that failed. */
static gboolean
pdf_write_all (PdfStream    *stream,
               const guint8 *data,
               gsize         length)
{
  while (length > 0)
    {
      ssize_t n = write (stream->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          stream->saved_errno = errno;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Kept whole in memory (a few megabytes at most): its fonts are made
 * smaller before it is written (sonae-document-fonts.c). */
static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = closure;

  g_byte_array_append (stream->whole, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Writes the finished file, its fonts made smaller when they can be. */
static gboolean
pdf_write_file (PdfStream *stream)
{
  g_autoptr(GBytes) smaller = sonae_pdf_shrink_fonts (stream->whole->data, stream->whole->len);

  if (smaller != NULL)
    return pdf_write_all (stream, g_bytes_get_data (smaller, NULL), g_bytes_get_size (smaller));
  return pdf_write_all (stream, stream->whole->data, stream->whole->len);
}

/* The sentence for a PDF that could not be saved because of @saved_errno:
 * a full disk says so, and that nothing saved before was lost. */
static gboolean
set_save_error (GError    **error,
                const char *path,
                int         saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  sonae_error_set_from_errno (error, saved_errno, _("Could not save the PDF file"), display);
  return FALSE;
}

/* Close and remove the temporary file of a PDF that was not finished. */
static void
discard_temporary (PdfStream  *stream,
                   const char *tmp_path)
{
  if (stream->fd >= 0)
    close (stream->fd);
  stream->fd = -1;
  g_unlink (tmp_path);
}

/* The rename of a finished PDF survives a power cut only once its folder
 * is on the disk too. The file itself is complete either way, so a folder
 * that cannot be synced is no reason to report a failure. */
static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

#define OUTLINE_DEPTH 4

static void
add_outline (SonaeDocument   *doc,
             cairo_surface_t *surface)
{
  /* The last bookmark of each level: a bookmark goes under the last one of
   * the level above it (or the root when there is none). */
  int last[OUTLINE_DEPTH];

  for (guint l = 0; l < OUTLINE_DEPTH; l++)
    last[l] = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < doc->outline->len; i++)
    {
      OutlineEntry *e = &g_array_index (doc->outline, OutlineEntry, i);
      g_autofree char *link = NULL;
      guint level = MIN (e->level, OUTLINE_DEPTH - 1);
      int parent = CAIRO_PDF_OUTLINE_ROOT;
      int id;

      for (guint l = level; l > 0; l--)
        if (last[l - 1] != CAIRO_PDF_OUTLINE_ROOT)
          {
            parent = last[l - 1];
            break;
          }
      /* Whole points: a decimal comma of the user's locale would break the link. */
      link = g_strdup_printf ("page=%u pos=[0 %d]", e->page + 1, (int) MAX (e->y - 12.0, 0.0));
      id = cairo_pdf_surface_add_outline (surface, parent, e->text, link, 0);
      last[level] = id;
      for (guint l = level + 1; l < OUTLINE_DEPTH; l++)
        last[l] = CAIRO_PDF_OUTLINE_ROOT;
    }
}

/* The part of composed @doc that page @page (0-based) shows, or -1 (an
 * ordinary document, a page left blank). */
static int
part_at (SonaeDocument *doc,
         guint          page)
{
  if (doc->parts == NULL || sonae_document_is_blank_page (doc, page))
    return -1;
  for (guint i = doc->parts->len; i-- > 0;)
    if (page >= g_array_index (doc->part_first_page, guint, i))
      return (int) i;
  return -1;
}

gboolean
sonae_document_write_pdf (SonaeDocument *doc,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *created = NULL;
  PangoContext *context;
  g_autoptr(GByteArray) whole = g_byte_array_new ();
  PdfStream stream = { -1, 0, whole };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Written beside the target and renamed over it at the end, so a failure
   * never leaves half a file where the old one was. The file holds names,
   * phone numbers and incidents: it is created new (never through a link
   * someone left under that name) and readable by its owner alone,
   * whatever the umask. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  stream.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (stream.fd < 0)
    return set_save_error (error, path, errno);
  if (fchmod (stream.fd, 0600) != 0)
    {
      int saved = errno;

      discard_temporary (&stream, tmp_path);
      return set_save_error (error, path, saved);
    }

  sonae_paper_get_size (doc->paper, &width, &height);
  if (doc->landscape)
    {
      double portrait_width = width;

      width = height;
      height = portrait_width;
    }
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &stream, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sonae " PACKAGE_VERSION);
  if (doc->organisation != NULL && *doc->organisation != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->organisation);
  created = g_date_time_format (doc->printed, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  n_pages = sonae_document_paginate (doc, context, width, height);
  /* The structure for screen readers: the document, each part of a
   * composed one a section, and what each page tags. */
  cairo_tag_begin (cr, "Document", NULL);
  for (guint i = 0; i < n_pages; i++)
    {
      int part = part_at (doc, i);

      if (part >= 0 && i == sonae_document_get_part_first_page (doc, part))
        cairo_tag_begin (cr, "Sect", NULL);
      sonae_document_draw_page (doc, cr, i);
      if (part >= 0 && i + 1 == sonae_document_get_part_first_page (doc, part) +
                                g_array_index (doc->part_n_pages, guint, part))
        cairo_tag_end (cr, "Sect");
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");
  add_outline (doc, surface);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    pdf_write_file (&stream);

  /* A write that fails while cairo finishes the file (a full disk, most
   * likely) does not always reach the surface's status: the stream's own
   * errno is what tells, and it gives the system's reason. */
  if (status != CAIRO_STATUS_SUCCESS || stream.saved_errno != 0)
    {
      int saved = stream.saved_errno;

      discard_temporary (&stream, tmp_path);
      if (saved != 0)
        return set_save_error (error, path, saved);
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_FAILED,
                   _("Could not make the PDF file: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  /* Some file systems report a full disk only here. */
  if (fsync (stream.fd) != 0)
    {
      int saved = errno;

      discard_temporary (&stream, tmp_path);
      return set_save_error (error, path, saved);
    }
  if (close (stream.fd) != 0)
    {
      int saved = errno;

      stream.fd = -1;
      discard_temporary (&stream, tmp_path);
      return set_save_error (error, path, saved);
    }
  stream.fd = -1;
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      discard_temporary (&stream, tmp_path);
      return set_save_error (error, path, saved);
    }
  sync_folder (path);
  return TRUE;
}
