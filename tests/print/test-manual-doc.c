/* test-manual-doc.c: the customised emergency manual, exported to PDF and
 * read back with poppler */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "sonae-contacts.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-view.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

#define ORG_NAME "みどり台内科クリニック"
#define AUTHOR   "佐藤 由美"

typedef struct {
  guint n_pages;
  GPtrArray *pages;      /* of char *: each page's text, whitespace removed */
  char *text;            /* every page */
  gboolean fonts_embedded;
  guint n_fonts;
  PopplerDocument *doc;
} Pdf;

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x2003 && c != 0x2002 && c != 0x00a0)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
pdf_clear (Pdf *pdf)
{
  g_clear_pointer (&pdf->pages, g_ptr_array_unref);
  g_clear_pointer (&pdf->text, g_free);
  g_clear_object (&pdf->doc);
}

static void
export_manual (SonaeStore *store,
               const char *dir,
               Pdf        *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "manual", SONAE_PAPER_A4, &error);
  g_autofree char *path = g_build_filename (dir, "manual.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *pdf_doc;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (sonae_document_get_doc_title (doc), ==, "Emergency Manual");
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  pdf_doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf->n_pages = poppler_document_get_n_pages (pdf_doc);
  pdf->pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf_doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      char *squeezed = squeeze (text);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
      g_string_append (all, squeezed);
      g_ptr_array_add (pdf->pages, squeezed);
      g_object_unref (page);
    }
  pdf->text = g_string_free (all, FALSE);

  pdf->fonts_embedded = TRUE;
  info = poppler_font_info_new (pdf_doc);
  while (poppler_font_info_scan (info, pdf->n_pages, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          pdf->n_fonts++;
          pdf->fonts_embedded = pdf->fonts_embedded && poppler_fonts_iter_is_embedded (iter);
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
    }
  poppler_font_info_free (info);
  pdf->doc = pdf_doc;
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static gboolean
has (const char *haystack,
     const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  return strstr (haystack, squeezed) != NULL;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (!has (haystack, needle))
    g_error ("“%s” is not in the manual: %s", needle, haystack);
}

/* The first page (1-based) after the contents that holds @text, or 0. */
static guint
page_of (Pdf        *pdf,
         const char *text)
{
  for (guint i = 1; i < pdf->pages->len; i++)
    if (has (g_ptr_array_index (pdf->pages, i), text))
      return i + 1;
  return 0;
}

/* TRUE when some page has @left and, on the same line to its right, @right:
 * two cells of one table row. */
static gboolean
on_one_row (Pdf        *pdf,
            const char *left,
            const char *right)
{
  gboolean found = FALSE;

  for (guint i = 0; i < pdf->n_pages && !found; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->doc, i);
      GList *lefts = poppler_page_find_text_with_options (page, left, POPPLER_FIND_CASE_SENSITIVE);
      GList *rights = poppler_page_find_text_with_options (page, right, POPPLER_FIND_CASE_SENSITIVE);

      for (GList *l = lefts; l != NULL && !found; l = l->next)
        for (GList *r = rights; r != NULL && !found; r = r->next)
          {
            PopplerRectangle *a = l->data;
            PopplerRectangle *b = r->data;

            /* The first lines of two cells of a row share a top. */
            found = b->x1 > a->x2 && ABS (a->y2 - b->y2) < 4.0;
          }
      g_list_free_full (lefts, (GDestroyNotify) poppler_rectangle_free);
      g_list_free_full (rights, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }
  return found;
}

static void
assert_row (Pdf        *pdf,
            const char *left,
            const char *right)
{
  if (!on_one_row (pdf, left, right))
    g_error ("“%s” and “%s” are not on one row", left, right);
}

static void
set_profile (SonaeStore   *store,
             const char   *name,
             SonaeOrgKind  kind)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) name, kind, (char *) "東京都", NULL, NULL };

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  g_assert_no_error (error);
}

static gint64
add_staff (SonaeStore *store,
           const char *name,
           const char *mobile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) c = sonae_contact_new ();

  c->group = SONAE_GROUP_STAFF;
  sonae_contact_set_string (&c->name, name);
  sonae_contact_add_phone (c, "mobile", mobile);
  g_assert_true (sonae_contacts_save (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static void
set_holders (SonaeStore   *store,
             const char   *role,
             const gint64 *ids,
             guint         n_ids)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_contacts_set_role_holders (store, role, ids, n_ids, &error));
  g_assert_no_error (error);
}

/* A clinic where everyone but the press officer and the management has a
 * holder. */
static SonaeStore *
open_roster (char **dir)
{
  SonaeStore *store = sonae_test_open_store (dir);
  gint64 top = 0, lead[2], first = 0, sysadmin = 0, security = 0, privacy = 0;

  set_profile (store, ORG_NAME, SONAE_ORG_CLINIC);
  top = add_staff (store, "山本 院長", "090-1000-0001");
  lead[0] = add_staff (store, "佐藤 由美", "090-1234-5678");
  lead[1] = add_staff (store, "高橋 誠", "080-2222-3333");
  first = add_staff (store, "田中 美咲", "070-7777-8888");
  sysadmin = add_staff (store, "伊藤 翔太", "090-4444-5555");
  security = add_staff (store, "渡辺 直子", "090-6666-7777");
  privacy = add_staff (store, "小林 健", "090-8888-9999");
  set_holders (store, SONAE_ROLE_TOP, &top, 1);
  set_holders (store, SONAE_ROLE_LEAD, lead, 2);
  set_holders (store, SONAE_ROLE_FIRST, &first, 1);
  set_holders (store, SONAE_ROLE_SYSADMIN, &sysadmin, 1);
  set_holders (store, SONAE_ROLE_SECURITY, &security, 1);
  set_holders (store, SONAE_ROLE_PRIVACY, &privacy, 1);
  return store;
}

static SonaeManualView *
view_new (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  SonaeManualView *view = sonae_manual_view_new (store, NULL, &error);

  g_assert_no_error (error);
  return view;
}

static void
test_manual_doc_listed (void)
{
  const char *const *names = sonae_documents_get_names ();

  g_assert_true (g_strv_contains (names, "manual"));
  g_assert_cmpstr (sonae_documents_get_title ("manual"), ==, "Emergency Manual");
}

/* Every section, level, procedure type and holder, the contents with the
 * right pages, the fonts embedded. */
static void
test_manual_doc_complete (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_roster (&dir);
  g_autoptr(SonaeManualView) view = view_new (store);
  GPtrArray *sections = sonae_manual_view_get_sections (view);
  Pdf pdf = { 0 };

  export_manual (store, dir, &pdf);
  g_assert_cmpuint (pdf.n_pages, >, 1);
  g_assert_true (pdf.fonts_embedded);
  g_assert_cmpuint (pdf.n_fonts, >, 0);

  /* The cover: the organisation, its kind, the title, the content
   * revision, no review yet. */
  {
    const char *cover = g_ptr_array_index (pdf.pages, 0);
    g_autofree char *revision = g_strdup_printf ("The manual bundled with Sonae, revision %d",
                                                 sonae_manual_get_version (sonae_manual_view_get_manual (view)));

    assert_contains (cover, ORG_NAME);
    assert_contains (cover, "Clinic");
    assert_contains (cover, "Emergency Manual");
    assert_contains (cover, revision);
    assert_contains (cover, "Not reviewed yet");
    assert_contains (cover, "Contents");
  }

  /* Every section, numbered, in the contents with the page it starts on. */
  for (guint i = 0; i < sections->len; i++)
    {
      SonaeManualViewItem *s = g_ptr_array_index (sections, i);
      /* poppler may read a large section number apart from its title */
      guint page = page_of (&pdf, s->title);
      g_autofree char *toc_row = NULL;

      g_assert_cmpuint (page, >, 1);
      toc_row = g_strdup_printf ("%u %s %u", s->number, s->title, page);
      if (!has (g_ptr_array_index (pdf.pages, 0), toc_row))
        g_error ("the contents do not say “%s”: %s", toc_row, (char *) g_ptr_array_index (pdf.pages, 0));
    }
  g_assert_cmpuint (page_of (&pdf, "Review record"), ==, pdf.n_pages);

  /* Every level, its meaning and who responds, with the holder's number. */
  for (int level = 0; level < SONAE_MANUAL_N_LEVELS; level++)
    {
      g_autofree char *id = g_strdup_printf ("level-%d", level);
      const SonaeManualViewItem *item = sonae_manual_view_lookup (view, id);

      assert_contains (pdf.text, item->title);
      assert_contains (pdf.text, item->text);
    }
  assert_contains (pdf.text, "Chief Executive — 山本 院長 090-1000-0001");
  assert_contains (pdf.text, "System Administrator — 伊藤 翔太 090-4444-5555");

  /* Every kind of incident, and its steps with the role and its holder. */
  {
    const SonaeManualViewItem *procedures = sonae_manual_view_get_section (view, "procedures");

    g_assert_cmpuint (procedures->children->len, ==, SONAE_N_INCIDENT_TYPES);
    for (guint i = 0; i < procedures->children->len; i++)
      assert_contains (pdf.text, ((SonaeManualViewItem *) g_ptr_array_index (procedures->children, i))->title);
  }
  assert_contains (pdf.text, "Take it off the network");
  assert_contains (pdf.text, "Incident Response Lead — 佐藤 由美 090-1234-5678");
  assert_contains (pdf.text, "First Responder — 田中 美咲 070-7777-8888");

  /* The roles with all their holders, deputies included. */
  assert_contains (pdf.text, "佐藤 由美 090-1234-5678");
  assert_contains (pdf.text, "Deputy 1 高橋 誠 080-2222-3333");
  assert_contains (pdf.text, "渡辺 直子");
  assert_contains (pdf.text, "小林 健");
  /* Nobody is the press officer: 未設定, visibly. */
  /* (the role's name may wrap in its cell) */
  assert_row (&pdf, "General Affairs", "Not assigned");
  assert_row (&pdf, "Chief Executive", "山本 院長");

  /* The reporting chain at level 2 in order, and the outside bodies. */
  assert_row (&pdf, "First Responder", "田中 美咲");
  assert_row (&pdf, "System Administrator", "伊藤 翔太");
  assert_row (&pdf, "Incident Response Lead", "佐藤 由美");
  assert_contains (pdf.text, "Responds at this level");
  assert_contains (pdf.text, "Outside bodies to report to");
  assert_contains (pdf.text, "Personal Information Protection Commission");

  /* The clinic wording, the IT-BCP steps, the principles. */
  assert_contains (pdf.text, "how to keep seeing patients on paper");
  g_assert_false (has (pdf.text, "customers’ data"));
  assert_contains (pdf.text, "Ministry of Health, Labour and Welfare");
  assert_contains (pdf.text, "Draw up the plans");
  assert_contains (pdf.text, "Report it, even a mistake of your own");
  g_assert_false (has (pdf.text, "(local)"));

  pdf_clear (&pdf);
  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The organisation's own manual: an edit instead of the bundled text, a
 * removed step gone, an added one, a chosen responder, the review date. */
static void
test_manual_doc_customised (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_roster (&dir);
  g_autoptr(SonaeManualView) view = view_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  const SonaeManualViewItem *item = sonae_manual_view_lookup (view, "malware-staff-update");
  g_autofree char *bundled = g_strdup (item->text);
  Pdf pdf = { 0 };

  g_assert_true (sonae_manual_edits_edit_item (store, "malware-staff-update",
                                               "Ask the vendor, Shiokaze Network, to update the antivirus software.",
                                               NULL, item->source_text, AUTHOR, &error));
  g_assert_true (sonae_manual_edits_remove_item (store, "malware-staff-rescan", AUTHOR, &error));
  g_assert_true (sonae_manual_edits_add_step (store, "leak-2", "Write the leak into the incident log.",
                                              SONAE_ROLE_FIRST, 99, AUTHOR, &added, &error));
  g_assert_true (sonae_manual_edits_set_level_role (store, 1, SONAE_ROLE_LEAD, AUTHOR, &error));
  g_assert_true (sonae_manual_edits_mark_reviewed (store, "2026-04-01", "山本 院長", &error));
  g_assert_no_error (error);
  /* Nobody is the first responder any more. */
  set_holders (store, SONAE_ROLE_FIRST, NULL, 0);

  export_manual (store, dir, &pdf);
  assert_contains (pdf.text, "Update the antivirus software (local) "
                  "Ask the vendor, Shiokaze Network, to update the antivirus software.");
  g_assert_false (has (pdf.text, bundled));
  g_assert_false (has (pdf.text, "Scan again"));
  g_assert_false (has (pdf.text, "confirm that the malware is gone"));
  assert_contains (pdf.text, "Write the leak into the incident log. (local)");
  /* Level 1 now answered by the lead, in the levels and in the chain. */
  assert_contains (pdf.text, "Incident Response Lead — 佐藤 由美 090-1234-5678 (chosen here)");
  assert_row (&pdf, "Last reviewed", "2026-04-01 by 山本 院長");
  g_assert_false (has (pdf.text, "Not reviewed yet"));
  /* The empty role in a step and on the chain. */
  assert_contains (pdf.text, "First Responder — Not assigned");
  assert_row (&pdf, "First Responder", "Not assigned");
  g_assert_false (has (pdf.text, "田中 美咲"));

  pdf_clear (&pdf);
  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_manual_doc_business (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_roster (&dir);
  Pdf pdf = { 0 };

  set_profile (store, "株式会社さくら商事", SONAE_ORG_BUSINESS);
  export_manual (store, dir, &pdf);
  assert_contains (pdf.text, "株式会社さくら商事");
  assert_contains (pdf.text, "Other business");
  assert_contains (pdf.text, "how to keep the business running without the system");
  g_assert_false (has (pdf.text, "seeing patients on paper"));
  g_assert_false (has (pdf.text, "Ministry of Health, Labour and Welfare"));
  pdf_clear (&pdf);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The poster's call columns come from the escalation rule at level 2:
 * the chain's first role and the role that responds there. */
static void
test_manual_doc_poster_follows_rule (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_roster (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_autofree char *path = g_build_filename (dir, "poster.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  PopplerDocument *pdf;
  PopplerPage *page;

  g_assert_true (sonae_manual_edits_set_level_role (store, 2, SONAE_ROLE_TOP, AUTHOR, &error));
  doc = sonae_documents_build (store, "poster", SONAE_PAPER_A4, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  squeezed = squeeze (text);
  assert_contains (squeezed, "田中 美咲");
  assert_contains (squeezed, "Chief Executive");
  assert_contains (squeezed, "山本 院長");
  g_assert_false (has (squeezed, "佐藤 由美"));
  g_object_unref (page);
  g_object_unref (pdf);
  g_unlink (path);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SONAE_NOW", "2026-12-01T09:00:00", TRUE);

  g_test_add_func ("/manual-doc/listed", test_manual_doc_listed);
  g_test_add_func ("/manual-doc/complete", test_manual_doc_complete);
  g_test_add_func ("/manual-doc/customised", test_manual_doc_customised);
  g_test_add_func ("/manual-doc/business", test_manual_doc_business);
  g_test_add_func ("/manual-doc/poster-follows-rule", test_manual_doc_poster_follows_rule);

  return g_test_run ();
}
