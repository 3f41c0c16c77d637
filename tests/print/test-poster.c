/* test-poster.c: the first-response poster, exported to PDF and read back
 * with poppler */
#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <math.h>
#include <string.h>

#include "sonae-contacts.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

#define ORG_NAME "さくら内科クリニック"

/* The steps, in the order the poster gives them. */
static const char *const steps[] = {
  "Do NOT switch the computer off",
  "Unplug the LAN cable, turn Wi-Fi off",
  "Stop, and put up a “Do not use” sign",
  "Call now",
  "Write down what happened",
};

typedef struct {
  guint n_pages;
  double width, height;  /* of the first page */
  char *text;            /* every page, whitespace removed */
  PopplerPage *page;     /* the first page */
} Pdf;

/* Whitespace removed: poppler puts spaces and line breaks where the layout
 * had gaps, which is not what these tests are about. */

static void
pdf_clear (Pdf *pdf)
{
  g_clear_pointer (&pdf->text, g_free);
  g_clear_object (&pdf->page);
}

/* Where @text is on the first page: the centre of its first occurrence,
 * from the top-left corner. */
static void
position_of (Pdf        *pdf,
             const char *text,
             double     *x,
             double     *y)
{
  GList *found = poppler_page_find_text_with_options (pdf->page, text, POPPLER_FIND_CASE_SENSITIVE);
  PopplerRectangle *r;

  if (found == NULL)
    g_error ("“%s” is not on the poster: %s", text, pdf->text);
  r = found->data;
  *x = (r->x1 + r->x2) / 2;
  /* poppler counts from the bottom of the page */
  *y = pdf->height - (r->y1 + r->y2) / 2;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
}

/* @texts in reading order (top to bottom, or left to right on one line)
 * in one column: the left half of the page when @left, else the right half. */
static void
assert_column (Pdf               *pdf,
               gboolean           left,
               const char *const *texts)
{
  double previous_x = 0, previous_y = 0;

  for (guint i = 0; texts[i] != NULL; i++)
    {
      double x, y;
      gboolean same_line;

      position_of (pdf, texts[i], &x, &y);
      if ((x < pdf->width / 2) != left)
        g_error ("“%s” is in the wrong column", texts[i]);
      same_line = fabs (y - previous_y) < 3.0;
      if (i > 0 && !(same_line ? x > previous_x : y > previous_y))
        g_error ("“%s” does not come after “%s”", texts[i], texts[i - 1]);
      previous_x = x;
      previous_y = y;
    }
}

/* Exports the poster of @store on @paper and reads it back. */
static void
export_poster (SonaeStore *store,
               SonaePaper  paper,
               const char *dir,
               Pdf        *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "poster", paper, &error);
  g_autofree char *path = g_build_filename (dir, paper == SONAE_PAPER_A3 ? "poster-a3.pdf" : "poster-a4.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *pdf_doc = NULL;
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf_doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf->n_pages = poppler_document_get_n_pages (pdf_doc);
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf_doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *squeezed = sonae_test_squeeze (text);

      if (i == 0)
        {
          poppler_page_get_size (page, &pdf->width, &pdf->height);
          pdf->page = g_object_ref (page);
        }
      g_object_unref (page);
      g_string_append (all, squeezed);
    }
  g_object_unref (pdf_doc);
  pdf->text = g_string_free (all, FALSE);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
assert_one_page (Pdf        *pdf,
                 SonaePaper  paper)
{
  double width, height;

  sonae_paper_get_size (paper, &width, &height);
  g_assert_cmpuint (pdf->n_pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (pdf->width, width, 0.01);
  g_assert_cmpfloat_with_epsilon (pdf->height, height, 0.01);
}

static gboolean
has (const char *haystack,
     const char *needle)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);

  return strstr (haystack, squeezed) != NULL;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (!has (haystack, needle))
    g_error ("“%s” is not on the poster: %s", needle, haystack);
}

static gssize
offset_of (const char *haystack,
           const char *needle,
           gssize      from)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);
  const char *found = strstr (haystack + from, squeezed);

  if (found == NULL)
    g_error ("“%s” is not on the poster after offset %" G_GSSIZE_FORMAT ": %s", needle, from, haystack);
  return found - haystack;
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);
  guint n = 0;

  for (const char *p = strstr (haystack, squeezed); p != NULL; p = strstr (p + 1, squeezed))
    n++;
  return n;
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
add_staff (SonaeStore        *store,
           const char        *name,
           const char *const *phones)  /* label, value, … NULL */
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) c = sonae_contact_new ();

  c->group = SONAE_GROUP_STAFF;
  sonae_contact_set_string (&c->name, name);
  for (guint i = 0; phones && phones[i]; i += 2)
    sonae_contact_add_phone (c, phones[i], phones[i + 1]);
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

/* The test roster: the first responder with two deputies, the lead with one. */
static SonaeStore *
open_roster (char **dir)
{
  SonaeStore *store = sonae_test_open_store (dir);
  const char *tanaka_phones[] = { "mobile", "070-7777-8888", NULL };
  /* The work number first: the poster must still show the mobile one. */
  const char *yamada_phones[] = { "work", "03-1234-5678", "mobile", "090-1111-2222", NULL };
  const char *sato_phones[] = { "mobile", "080-3333-4444", NULL };
  const char *suzuki_phones[] = { "work", "03-5555-6666", NULL };
  const char *takahashi_phones[] = { "mobile", "090-2222-3333", NULL };
  gint64 first[3], lead[2];

  set_profile (store, ORG_NAME, SONAE_ORG_CLINIC);
  first[0] = add_staff (store, "田中 美咲", tanaka_phones);
  first[1] = add_staff (store, "山田 太郎", yamada_phones);
  first[2] = add_staff (store, "佐藤 花子", sato_phones);
  lead[0] = add_staff (store, "鈴木 一郎", suzuki_phones);
  lead[1] = add_staff (store, "高橋 誠", takahashi_phones);
  set_holders (store, SONAE_ROLE_FIRST, first, G_N_ELEMENTS (first));
  set_holders (store, SONAE_ROLE_LEAD, lead, G_N_ELEMENTS (lead));
  return store;
}

static void
assert_steps_in_order (const char *text)
{
  gssize previous = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    previous = offset_of (text, steps[i], previous);
}

static void
test_poster_names (void)
{
  const char *const *names = sonae_documents_get_names ();

  g_assert_true (g_strv_contains (names, "poster"));
  g_assert_cmpstr (sonae_documents_get_title ("poster"), ==, "First-Response Poster");
}

static void
test_poster_roster (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_roster (&dir);
  SonaePaper papers[] = { SONAE_PAPER_A4, SONAE_PAPER_A3 };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      Pdf pdf = { 0 };

      export_poster (store, papers[p], dir, &pdf);
      assert_one_page (&pdf, papers[p]);

      /* The organisation and the date, on the poster itself and in the page header. */
      g_assert_cmpuint (count_of (pdf.text, ORG_NAME), >=, 2);
      assert_contains (pdf.text, "Contacts as of 2026-12-01");
      assert_contains (pdf.text, "Computer trouble?");

      /* Every step, in order. */
      assert_steps_in_order (pdf.text);
      assert_contains (pdf.text, "Leave the power on");
      assert_contains (pdf.text, "what the screen showed");

      /* Whom to call, under “Call now”: the first responder on the left,
       * the lead on the right, each primary first, each with the number to
       * dial under the name. */
      {
        const char *first[] = { "Call now", "First Responder", "田中 美咲", "070-7777-8888", "Deputy 1",
                                "山田 太郎", "090-1111-2222", "Deputy 2", "佐藤 花子", "080-3333-4444",
                                "Write down what happened", NULL };
        const char *lead[] = { "Incident Response Lead", "鈴木 一郎", "03-5555-6666",
                               "高橋 誠", "090-2222-3333", NULL };
        double x, y, lead_y;

        assert_column (&pdf, TRUE, first);
        assert_column (&pdf, FALSE, lead);
        /* The two roles side by side, under “Call now”. */
        position_of (&pdf, "Incident Response Lead", &x, &lead_y);
        position_of (&pdf, "First Responder", &x, &y);
        g_assert_cmpfloat (fabs (lead_y - y), <, 2.0);
        position_of (&pdf, "Call now", &x, &y);
        g_assert_cmpfloat (y, <, lead_y);
        position_of (&pdf, "Write down what happened", &x, &y);
        g_assert_cmpfloat (y, >, lead_y);
      }
      /* One number each, the mobile one: no room for the rest on the wall. */
      g_assert_false (has (pdf.text, "03-1234-5678"));

      /* Both roles are held. */
      g_assert_false (has (pdf.text, "Not assigned"));
      g_assert_false (has (pdf.text, "see the call tree"));
      pdf_clear (&pdf);
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_poster_not_assigned (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_roster (&dir);
  Pdf pdf = { 0 };

  /* Nobody leads the response any more. */
  set_holders (store, SONAE_ROLE_LEAD, NULL, 0);
  export_poster (store, SONAE_PAPER_A4, dir, &pdf);
  assert_one_page (&pdf, SONAE_PAPER_A4);
  assert_steps_in_order (pdf.text);

  /* The first responder is still there; the lead's column says, quietly,
   * that nobody is chosen yet and leaves a line for a name and one for a
   * number: the poster hangs on the wall, where a red "fill in the
   * roster" would still shout after the lines were filled by hand. */
  {
    const char *first[] = { "First Responder", "田中 美咲", "070-7777-8888", "佐藤 花子", NULL };
    const char *lead[] = { "Incident Response Lead", "Nobody is chosen in Sonae yet", "Name", "Phone", NULL };

    assert_column (&pdf, TRUE, first);
    assert_column (&pdf, FALSE, lead);
  }
  g_assert_cmpuint (count_of (pdf.text, "write a name and a phone number here by hand"), ==, 1);
  g_assert_cmpuint (count_of (pdf.text, "Not assigned"), ==, 0);
  g_assert_cmpuint (count_of (pdf.text, "Name\u2002\uff3f\uff3f\uff3f"), ==, 1);
  g_assert_cmpuint (count_of (pdf.text, "Phone\u2002\uff3f\uff3f\uff3f"), ==, 1);
  g_assert_false (has (pdf.text, "鈴木 一郎"));
  pdf_clear (&pdf);

  /* Nobody holds either role: lines in both columns, still one page. */
  set_holders (store, SONAE_ROLE_FIRST, NULL, 0);
  export_poster (store, SONAE_PAPER_A4, dir, &pdf);
  assert_one_page (&pdf, SONAE_PAPER_A4);
  g_assert_cmpuint (count_of (pdf.text, "Name\u2002\uff3f\uff3f\uff3f"), ==, 2);
  g_assert_cmpuint (count_of (pdf.text, "Phone\u2002\uff3f\uff3f\uff3f"), ==, 2);
  {
    const char *first[] = { "First Responder", "Nobody is chosen in Sonae yet", "Name", "Phone", NULL };

    assert_column (&pdf, TRUE, first);
  }
  g_assert_false (has (pdf.text, "田中 美咲"));
  pdf_clear (&pdf);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_poster_wording (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_roster (&dir);
  const SonaeOrgKind care[] = { SONAE_ORG_CLINIC, SONAE_ORG_HOSPITAL };
  const SonaeOrgKind others[] = { SONAE_ORG_BUSINESS, SONAE_ORG_PHARMACY };
  Pdf pdf = { 0 };

  /* Care providers: patients, the electronic medical record, care on paper. */
  for (guint i = 0; i < G_N_ELEMENTS (care); i++)
    {
      set_profile (store, ORG_NAME, care[i]);
      export_poster (store, SONAE_PAPER_A4, dir, &pdf);
      assert_one_page (&pdf, SONAE_PAPER_A4);
      assert_contains (pdf.text, "spread to the electronic medical record.");
      assert_contains (pdf.text, "Patient care goes on, on paper");
      g_assert_false (has (pdf.text, "business system"));
      g_assert_false (has (pdf.text, "customers"));
      assert_contains (pdf.text, "Report at once, even a mistake of your own");
      assert_steps_in_order (pdf.text);
      pdf_clear (&pdf);
    }

  /* Other businesses, and pharmacies (sonae_org_kind_is_medical()):
   * customers and business systems. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      set_profile (store, "株式会社さくら商事", others[i]);
      export_poster (store, SONAE_PAPER_A4, dir, &pdf);
      assert_one_page (&pdf, SONAE_PAPER_A4);
      assert_contains (pdf.text, "株式会社さくら商事");
      assert_contains (pdf.text, "spread to the business systems.");
      assert_contains (pdf.text, "Tell customers nothing");
      g_assert_false (has (pdf.text, "medical record"));
      g_assert_false (has (pdf.text, "Patient"));
      assert_contains (pdf.text, "Report at once, even a mistake of your own");
      assert_steps_in_order (pdf.text);
      pdf_clear (&pdf);
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Five deputies each, names of a hundred characters, a very long
 * organisation name: still one page, at A4 and at A3. */
static void
test_poster_crowded (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GString) org = g_string_new (NULL);
  SonaePaper papers[] = { SONAE_PAPER_A4, SONAE_PAPER_A3 };
  const char *roles[] = { SONAE_ROLE_FIRST, SONAE_ROLE_LEAD };

  while (g_utf8_strlen (org->str, -1) < 150)
    g_string_append (org, "医療法人社団さくら会さくら内科クリニック附属");
  set_profile (store, org->str, SONAE_ORG_CLINIC);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      gint64 ids[6];

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autoptr(GString) name = g_string_new (NULL);
          g_autofree char *mobile = g_strdup_printf ("090-%04u-%04u", r, i);
          const char *phones[] = { "mobile", mobile, "work", "03-0000-0000", NULL };

          g_string_printf (name, "役割%u番%u", r, i);
          while (g_utf8_strlen (name->str, -1) < 100)
            g_string_append (name, "長い名前");
          ids[i] = add_staff (store, name->str, phones);
        }
      set_holders (store, roles[r], ids, G_N_ELEMENTS (ids));
    }

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      Pdf pdf = { 0 };

      export_poster (store, papers[p], dir, &pdf);
      assert_one_page (&pdf, papers[p]);
      assert_steps_in_order (pdf.text);
      assert_contains (pdf.text, "さくら内科クリニック");

      /* The primary and two deputies of each role, in order; the rest are
       * in the call tree. */
      {
        const char *first[] = { "First Responder", "役割0番0", "090-0000-0000", "役割0番1", "090-0000-0001",
                                "役割0番2", "090-0000-0002", "and 3 more: see the call tree", NULL };
        const char *lead[] = { "Incident Response Lead", "役割1番0", "090-0001-0000", "役割1番1", "090-0001-0001",
                               "役割1番2", "090-0001-0002", NULL };

        assert_column (&pdf, TRUE, first);
        assert_column (&pdf, FALSE, lead);
      }
      g_assert_false (has (pdf.text, "090-0000-0003"));
      g_assert_false (has (pdf.text, "090-0001-0005"));
      g_assert_cmpuint (count_of (pdf.text, "and 3 more: see the call tree"), ==, 2);
      /* Names are cut, not the page. */
      g_assert_false (has (pdf.text, "長い名前長い名前長い名前長い名前長い名前長い名前長い名前長い名前"));
      pdf_clear (&pdf);
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The pipeline's part: a document asked to fit one page shrinks as a
 * whole; others keep their size and take the pages they need. */
static void
test_poster_fit_one_page (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  g_autoptr(SonaeDocument) doc = sonae_document_new_blank ("test", "Test", SONAE_PAPER_A4, NULL, NULL);
  double width, height;

  sonae_paper_get_size (SONAE_PAPER_A4, &width, &height);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      sonae_document_add_step (doc, SONAE_STYLE_POSTER | SONAE_STYLE_BOLD, number, "一行の手順");
    }
  g_assert_cmpuint (sonae_document_paginate (doc, context, width, height), >, 3);

  sonae_document_set_fit_one_page (doc, TRUE);
  g_assert_cmpuint (sonae_document_paginate (doc, context, width, height), ==, 1);
  sonae_paper_get_size (SONAE_PAPER_A3, &width, &height);
  g_assert_cmpuint (sonae_document_paginate (doc, context, width, height), ==, 1);
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SONAE_NOW", "2026-12-01T09:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/poster/names", test_poster_names);
  g_test_add_func ("/poster/roster", test_poster_roster);
  g_test_add_func ("/poster/not-assigned", test_poster_not_assigned);
  g_test_add_func ("/poster/wording", test_poster_wording);
  g_test_add_func ("/poster/crowded", test_poster_crowded);
  g_test_add_func ("/poster/fit-one-page", test_poster_fit_one_page);

  return g_test_run ();
}
