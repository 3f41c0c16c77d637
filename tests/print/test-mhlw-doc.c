/* The MHLW checklist on paper, read back with poppler: every item in the
 * form's order with the form's columns, each answer where it belongs (a
 * いいえ with its target and owner, an answer from Sonae's data with what
 * was read, boxes for one not answered), the 令和7年度版's additions marked,
 * the vendors' lists; refused for a pharmacy and a business, and in the
 * binder of a clinic only; Japanese lines broken between phrases. */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-contacts.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-mhlw.h"
#include "sonae-role.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

#define ORG_NAME    "さくら内科クリニック"
#define MANAGER     "桜井 一郎"
#define OWNER       "佐藤 由美"
#define VENDOR      "メディシス株式会社"
#define NOTE        "次回の保守点検で設定する"

typedef struct {
  char *dir;
  SonaeStore *store;
} Fixture;

static void
set_kind (SonaeStore   *store,
          SonaeOrgKind  kind)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) ORG_NAME, kind, (char *) "Tokyo", NULL, NULL };

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 manager, owner, vendor;

  g_setenv ("SONAE_NOW", "2026-06-15T09:00:00", TRUE);
  f->store = sonae_test_open_store (&f->dir);
  set_kind (f->store, SONAE_ORG_CLINIC);

  manager = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, MANAGER, "さくらい", "090-3333-4444");
  owner = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, OWNER, "さとう", "090-5555-6666");
  vendor = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, VENDOR, "めでぃしす", "0120-555-777");
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_MEDINFO, &manager, 1, &error));
  g_assert_no_error (error);

  g_assert_true (sonae_mhlw_set_answer (f->store, "2-2-1", SONAE_BCP_YES, "2026-06-01", NULL, 0, &error));
  g_assert_true (sonae_mhlw_set_answer (f->store, "2-4-2", SONAE_BCP_NO, "2026-06-02", "2026-09-30", owner, &error));
  g_assert_true (sonae_mhlw_set_note (f->store, "2-4-2", NOTE, &error));
  g_assert_true (sonae_mhlw_set_answer (f->store, "r7-3", SONAE_BCP_NO, "2026-06-03", NULL, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->store, vendor, &error);

    g_assert_no_error (error);
    v->list_sent_on = g_strdup ("2026-05-07");
    v->list_returned_on = g_strdup ("2026-05-28");
    v->all_yes = SONAE_BCP_YES;
    v->mds_received_on = g_strdup ("2026-05-29");
    g_assert_true (sonae_mhlw_save_vendor (f->store, v, &error));
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
  g_unsetenv ("SONAE_NOW");
  sonae_test_use_default_language ();
}

static void
export (Fixture      *f,
        const char   *file,
        SonaeTestPdf *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_test_build_document (f->store, "mhlw-checklist", SONAE_DOCUMENT_FOR_ALL,
                                                            0, 0, &error);
  g_autofree char *path = g_build_filename (f->dir, file, NULL);

  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

/* --- rows of the form, as poppler lays out the page ----------------------- */

typedef struct {
  guint page;
  double y;          /* of the row's first line, from the top of the page */
  char *line;        /* that line across every column, left to right, squeezed */
} Row;

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->line, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

typedef struct {
  double x;
  gunichar c;
} Glyph;

static int
compare_glyphs (gconstpointer pa,
                gconstpointer pb)
{
  const Glyph *a = pa, *b = pb;

  return a->x < b->x ? -1 : a->x > b->x;
}

/* The row whose first column reads @number, on page @from or after: the
 * characters of its page on the number's line, left to right. */
static gboolean
find_row (const char *path,
          const char *number,
          guint       from,
          Row        *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (int p = from; !found && p < poppler_document_get_n_pages (pdf); p++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, p);
      g_autofree char *text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (const char *at = strstr (text, number); !found && at != NULL; at = strstr (at + 1, number))
        {
          glong index = g_utf8_pointer_to_offset (text, at);
          PopplerRectangle *r = &rects[index];
          g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
          g_autoptr(GString) line = g_string_new (NULL);
          guint i = 0;

          /* In the first column only. */
          if (index >= (glong) n_rects || r->x1 > width * 0.12)
            continue;
          for (const char *c = text; *c != '\0' && i < n_rects; c = g_utf8_next_char (c), i++)
            {
              double mid = (rects[i].y1 + rects[i].y2) / 2;
              Glyph g = { rects[i].x1, g_utf8_get_char (c) };

              if (mid > r->y1 && mid < r->y2 && !g_unichar_isspace (g.c))
                g_array_append_val (glyphs, g);
            }
          g_array_sort (glyphs, compare_glyphs);
          for (guint j = 0; j < glyphs->len; j++)
            g_string_append_unichar (line, g_array_index (glyphs, Glyph, j).c);
          out->page = p;
          out->y = r->y1;
          out->line = g_string_free (g_steal_pointer (&line), FALSE);
          found = TRUE;
        }
      g_free (rects);
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return found;
}

/* @line holds each of @parts (squeezed), in their order. */
static void
assert_in_order (const char        *line,
                 const char *const *parts)
{
  gssize at = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = sonae_test_squeeze (parts[i]);
      const char *found = strstr (line + at, part);

      if (found == NULL)
        g_error ("“%s” is not in the row “%s” after offset %" G_GSSIZE_FORMAT, part, line, at);
      at = found - line + strlen (part);
    }
}

/* The first @n characters of @text. */
static char *
start_of (const char *text,
          glong       n)
{
  return g_utf8_substring (text, 0, MIN (n, g_utf8_strlen (text, -1)));
}

/* Every item, in the form's order: a row each, its number in the first
 * column and its text beside it; the columns of the form over every
 * table. */
static void
test_items_in_order (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(SonaeTestPdf) pdf = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "mhlw.pdf", NULL);
  const SonaeMhlwItemInfo *items;
  guint n, page = 0;
  double y = 0;
  gssize at = 0;
  /* Their first lines (a narrow column's title wraps). */
  static const char *const columns[] = { "No.", "Item", "Yes / No", "Checked", "Target", "Notes", NULL };

  export (f, "mhlw.pdf", &pdf);
  sonae_test_assert_contains (pdf.pages[0], sonae_documents_get_title ("mhlw-checklist"));
  sonae_test_assert_contains (pdf.all, "FY2026 (Reiwa 8)");
  /* Item 1(1)'s person, named at the top. */
  sonae_test_assert_contains (pdf.pages[0], MANAGER);

  items = sonae_mhlw_items_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(Row) row = { 0 };
      g_autofree char *text = start_of (sonae_mhlw_item_get_text (items[i].key), 12);
      const char *parts[] = { items[i].number, text, NULL };

      if (!find_row (path, items[i].number, page, &row))
        g_error ("No row for item %s", items[i].number);
      assert_in_order (row.line, parts);
      /* Below the one before, or on a later page. */
      g_assert_true (row.page > page || (row.page == page && row.y > y));
      page = row.page;
      y = row.y;
      at = sonae_test_offset_of (pdf.all, sonae_mhlw_item_get_text (items[i].key), at);
    }
  /* The sections and parts, in order too. */
  at = 0;
  for (SonaeMhlwPart part = 0; part < SONAE_MHLW_N_PARTS; part++)
    {
      if (sonae_mhlw_part_starts_section (part))
        at = sonae_test_offset_of (pdf.all, sonae_mhlw_part_get_section_title (part), at);
      if (sonae_mhlw_part_get_title (part) != NULL)
        at = sonae_test_offset_of (pdf.all, sonae_mhlw_part_get_title (part), at);
    }
  /* The form's columns, left to right, over the first table and the last. */
  {
    g_auto(Row) first = { 0 };
    g_auto(Row) last = { 0 };

    g_assert_true (find_row (path, "No.", 0, &first));
    assert_in_order (first.line, columns);
    for (guint p = pdf.n_pages; p > 0 && last.line == NULL; p--)
      find_row (path, "No.", p - 1, &last);
    g_assert_nonnull (last.line);
    assert_in_order (last.line, columns);
    sonae_test_assert_contains (pdf.all, "Checked on");
    sonae_test_assert_contains (pdf.all, "Target for No");
  }
}

/* Each answer in its column, on its item's row: 2(4)② no, the day
 * checked, the target, the note; 2(2)① yes and its day; 1(1) from the
 * roles, today; 2(2)③ boxes to tick; R7-3 the MHLW's own target. */
static void
test_answers_in_columns (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(SonaeTestPdf) pdf = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "answers.pdf", NULL);
  g_autofree char *no_text = start_of (sonae_mhlw_item_get_text ("2-4-2"), 12);
  g_autofree char *yes_text = start_of (sonae_mhlw_item_get_text ("2-2-1"), 12);
  g_autofree char *data_text = start_of (sonae_mhlw_item_get_text ("1-1"), 12);
  g_autofree char *blank_text = start_of (sonae_mhlw_item_get_text ("2-2-3"), 12);
  g_autofree char *limit_text = start_of (sonae_mhlw_item_get_text ("r7-3"), 12);
  const char *no_row[] = { "2(4)\u2461", no_text, "No", "2026-06-02", "2026-09-30", "次回の", NULL };
  const char *yes_row[] = { "2(2)\u2460", yes_text, "Yes", "2026-06-01", NULL };
  const char *data_row[] = { "1(1)", data_text, "Yes", "2026-06-15", "From the roles:", NULL };
  const char *blank_row[] = { "2(2)\u2462", blank_text, "\u25a1Yes", NULL };
  const char *limit_row[] = { "R7-3", limit_text, "No", "2026-06-03", "MHLW's", NULL };
  struct { const char *number; const char *const *parts; } rows[] = {
    { "2(4)\u2461", no_row }, { "2(2)\u2460", yes_row }, { "1(1)", data_row }, { "2(2)\u2462", blank_row },
    { "R7-3", limit_row },
  };

  export (f, "answers.pdf", &pdf);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_auto(Row) row = { 0 };

      g_assert_true (find_row (path, rows[i].number, 0, &row));
      assert_in_order (row.line, rows[i].parts);
    }
  /* And under them, in the same cells: who puts 2(4)② right, what Sonae
   * read for 1(1). */
  {
    g_autofree char *owner = g_strconcat (NOTE, "By:", OWNER, NULL);
    g_autofree char *data_cell = g_strconcat ("From the roles: ", MANAGER, NULL);

    sonae_test_assert_contains (pdf.all, owner);
    sonae_test_assert_contains (pdf.all, data_cell);
    sonae_test_assert_contains (pdf.all, "from Sonae's data");
    sonae_test_assert_contains (pdf.all, "MHLW's target: by 2028-03-31");
  }
  /* The 令和7年度版's additions are marked as still to be checked. */
  {
    gssize mark = sonae_test_offset_of (pdf.all, "Check before relying on it", 0);

    g_assert_cmpint (mark, >, sonae_test_offset_of (pdf.all, sonae_mhlw_item_get_text ("3-3"), 0));
    g_assert_cmpint (mark, <, sonae_test_offset_of (pdf.all, sonae_mhlw_item_get_text ("r7-1"), 0));
  }
}

static void
test_vendors (Fixture       *f,
              gconstpointer  data)
{
  g_auto(SonaeTestPdf) pdf = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "vendors.pdf", NULL);
  static const char *const header[] = { "Vendor", "List sent", "Returned", "Its answers", "MDS/SDS", NULL };
  static const char *const cells[] = { VENDOR, "2026-05-07", "2026-05-28", "All answered Yes", "2026-05-29", NULL };
  g_auto(Row) header_row = { 0 };
  g_auto(Row) vendor_row = { 0 };

  export (f, "vendors.pdf", &pdf);
  sonae_test_assert_contains (pdf.all, "The Vendors' Checklist and Their MDS/SDS");
  g_assert_true (find_row (path, "Vendor", 0, &header_row));
  assert_in_order (header_row.line, header);
  g_assert_true (find_row (path, VENDOR, 0, &vendor_row));
  assert_in_order (vendor_row.line, cells);
}

/* Only clinics and hospitals have it: a pharmacy is told its own list is
 * not in Sonae yet, a business that the list is not for it. */
static void
test_refused_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = NULL;

  set_kind (f->store, SONAE_ORG_HOSPITAL);
  doc = sonae_test_build_document (f->store, "mhlw-checklist", SONAE_DOCUMENT_FOR_ALL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_clear_pointer (&doc, sonae_document_free);

  set_kind (f->store, SONAE_ORG_PHARMACY);
  doc = sonae_test_build_document (f->store, "mhlw-checklist", SONAE_DOCUMENT_FOR_ALL, 0, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "薬局確認用"));
  g_clear_error (&error);

  set_kind (f->store, SONAE_ORG_BUSINESS);
  doc = sonae_test_build_document (f->store, "mhlw-checklist", SONAE_DOCUMENT_FOR_ALL, 0, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "clinics and hospitals"));
}

/* The binder of a clinic holds it, after the BCP; a business's does not. */
static void
test_binder (Fixture       *f,
             gconstpointer  data)
{
  const char *title = sonae_documents_get_title ("mhlw-checklist");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeDocument) doc = sonae_documents_build (f->store, "binder", SONAE_PAPER_A4, &error);
    g_autofree char *path = g_build_filename (f->dir, "binder-clinic.pdf", NULL);
    g_auto(SonaeTestPdf) pdf = { 0 };
    gssize contents;

    g_assert_no_error (error);
    sonae_test_pdf_write_and_read (doc, path, &pdf);
    /* Listed in the contents, after the BCP; then there, with its items. */
    contents = sonae_test_offset_of (pdf.pages[1], sonae_documents_get_title ("bcp"), 0);
    sonae_test_offset_of (pdf.pages[1], title, contents);
    sonae_test_assert_contains (pdf.all, sonae_mhlw_item_get_text ("2-4-2"));
    sonae_test_assert_contains (pdf.all, "The Vendors' Checklist and Their MDS/SDS");
  }

  /* A business (nobody holds the clinic's role there). */
  set_kind (f->store, SONAE_ORG_BUSINESS);
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_MEDINFO, NULL, 0, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeDocument) doc = sonae_documents_build (f->store, "binder", SONAE_PAPER_A4, &error);
    g_autofree char *path = g_build_filename (f->dir, "binder-business.pdf", NULL);
    g_auto(SonaeTestPdf) pdf = { 0 };

    g_assert_no_error (error);
    sonae_test_pdf_write_and_read (doc, path, &pdf);
    sonae_test_assert_not_contains (pdf.all, title);
    sonae_test_assert_not_contains (pdf.all, sonae_mhlw_item_get_text ("2-4-2"));
    /* Nor the role only healthcare providers have. */
    sonae_test_assert_not_contains (pdf.all, sonae_role_get_name (SONAE_ROLE_MEDINFO));
  }
}

/* --- Japanese words kept whole ------------------------------------------ */

static char *
piece (const char *text,
       GArray     *starts,
       guint       i)
{
  int from = i == 0 ? 0 : g_array_index (starts, int, i - 1);
  int to = i < starts->len ? g_array_index (starts, int, i) : (int) strlen (text);

  return g_strndup (text + from, to - from);
}

static void
test_phrases (void)
{
  static const struct {
    const char *text;
    guint max_chars;
    const char *phrases;   /* joined by | */
  } cases[] = {
    { "医療情報システム安全管理責任者を決めている。", 30, "医療情報システム安全管理責任者を|決めている。" },
    /* Longer than a line: cut where the script changes. */
    { "医療情報システム安全管理責任者を決めている。", 8, "医療情報|システム|安全管理責任者を|決めている。" },
    { "サーバ・端末PC・ネットワーク機器の台帳がある。", 30, "サーバ・|端末PC・|ネットワーク機器の|台帳がある。" },
    { "事業者から医療情報セキュリティ開示書（MDS/SDS）を受け取っている。", 40,
      "事業者から|医療情報セキュリティ開示書|（MDS/SDS）を|受け取っている。" },
    { "令和9年度までの導入", 30, "令和9年度までの|導入" },
    /* Okurigana inside a word, a mark between kanji. */
    { "受け取っている、院内と外部（事業者、厚生労働省）", 30, "受け取っている、|院内と|外部|（事業者、|厚生労働省）" },
    { "Plain English words stay as they are.", 30, "Plain |English |words |stay |as |they |are." },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) starts = sonae_document_phrase_starts (cases[c].text, cases[c].max_chars);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i <= starts->len; i++)
        {
          g_autofree char *p = piece (cases[c].text, starts, i);

          if (i > 0)
            g_string_append_c (joined, '|');
          g_string_append (joined, p);
        }
      g_assert_cmpstr (joined->str, ==, cases[c].phrases);
    }
}

/* The lines of every page, as poppler reads them. */
static GPtrArray *
pdf_lines (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto(GStrv) split = g_strsplit (text, "\n", -1);

      for (guint i = 0; split[i] != NULL; i++)
        g_ptr_array_add (lines, sonae_test_squeeze (split[i]));
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return lines;
}

/* Whether @text's phrase @phrase is on one line of @lines. */
static gboolean
phrase_on_one_line (GPtrArray  *lines,
                    const char *phrase)
{
  g_autofree char *squeezed = sonae_test_squeeze (phrase);

  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), squeezed) != NULL)
      return TRUE;
  return FALSE;
}

/* A narrow column: with words kept whole, every phrase of a long sentence
 * stays on one line; without, some word is cut in two. */
static void
test_keep_words_layout (Fixture       *f,
                        gconstpointer  data)
{
  /* No phrase longer than the column's line of about nine characters. */
  static const char *const text = "診療を継続するために必要な情報を検討し、データやシステムのバックアップの実施と復旧手順を確認している。";
  static const double widths[] = { 0.22, 0.78 };

  for (int keep = 0; keep < 2; keep++)
    {
      g_autoptr(SonaeDocument) doc = sonae_document_new_blank ("keep-words", "Keep words", SONAE_PAPER_A4, NULL, NULL);
      g_autofree char *path = g_strdup_printf ("%s/keep-%d.pdf", f->dir, keep);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) starts = sonae_document_phrase_starts (text, 100);
      g_autoptr(GPtrArray) lines = NULL;
      guint cut = 0;
      const char *cells[] = { text, "" };

      sonae_document_set_keep_words (doc, keep);
      sonae_document_add_table (doc, 2, widths, NULL);
      sonae_document_add_row (doc, cells);
      g_assert_true (sonae_document_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      lines = pdf_lines (path);
      for (guint i = 0; i <= starts->len; i++)
        {
          g_autofree char *p = piece (text, starts, i);

          if (!phrase_on_one_line (lines, p))
            {
              g_test_message ("keep %d: “%s” cut", keep, p);
              cut++;
            }
        }
      if (keep)
        g_assert_cmpuint (cut, ==, 0);
      else
        g_assert_cmpuint (cut, >, 0);
    }
}

/* The checklist in Japanese: every item's phrases on one line each. */
static void
test_japanese_lines (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ja.pdf", NULL);
  g_autoptr(GPtrArray) lines = NULL;
  const SonaeMhlwItemInfo *items;
  guint n;

  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("no Japanese locale");
      return;
    }
  doc = sonae_test_build_document (f->store, "mhlw-checklist", SONAE_DOCUMENT_FOR_ALL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  lines = pdf_lines (path);
  g_assert_true (phrase_on_one_line (lines, "医療情報システム安全管理責任者を"));

  items = sonae_mhlw_items_get (&n);
  for (guint i = 0; i < n; i++)
    {
      const char *text = sonae_mhlw_item_get_text (items[i].key);
      /* The item column holds about 20 characters of small type. */
      g_autoptr(GArray) starts = sonae_document_phrase_starts (text, 20);

      g_assert_nonnull (strstr (text, "。"));   /* translated */
      for (guint j = 0; j <= starts->len; j++)
        {
          g_autofree char *p = piece (text, starts, j);

          if (!phrase_on_one_line (lines, p))
            g_error ("“%s” of item %s is cut across two lines", p, items[i].number);
        }
    }
  /* The columns, in the form's words. */
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    sonae_test_pdf_read (&pdf, path);
    sonae_test_assert_contains (pdf.all, "はい／いいえ");
    sonae_test_assert_contains (pdf.all, "令和8年度");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mhlw-doc/phrases", test_phrases);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/mhlw-doc/items-in-order", test_items_in_order);
  ADD ("/mhlw-doc/answers-in-columns", test_answers_in_columns);
  ADD ("/mhlw-doc/vendors", test_vendors);
  ADD ("/mhlw-doc/refused-elsewhere", test_refused_elsewhere);
  ADD ("/mhlw-doc/binder", test_binder);
  ADD ("/mhlw-doc/keep-words-layout", test_keep_words_layout);
  ADD ("/mhlw-doc/japanese-lines", test_japanese_lines);
#undef ADD

  return g_test_run ();
}
