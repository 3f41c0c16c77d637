/* test-binder.c: the binder for the shelf, written to PDF and read back
 * with poppler: cover, contents, every part where the contents says,
 * continuous page numbers, nested bookmarks, and the print dialog's path */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-demo.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-incidents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

/* The parts after the cover and the contents, in the binder's order. */
static const char *const part_names[] = {
  "poster", "calltree", "roster", "manual", "checklist", "logsheet",
  "report", "ppc-rules", "ppc-draft", "do-not-use", "desk-notice",
  "bcp",
  "mhlw-checklist",   /* the demo is a clinic */
  "outage-card",
};

typedef struct {
  char *dir;
  SonaeStore *store;
  char *organisation;
  SonaeTestPdf pdf;
  GPtrArray *parts;     /* of const char *: the names of the parts this build has */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autofree char *path = NULL;

  f->store = sonae_test_open_store (&f->dir);
  g_assert_true (sonae_demo_fill (f->store, &error));
  g_assert_no_error (error);
  profile = sonae_store_get_profile (f->store);
  g_assert_nonnull (profile);
  f->organisation = g_strdup (profile->name);

  f->parts = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    if (sonae_documents_get_title (part_names[i]) != NULL)
      g_ptr_array_add (f->parts, (gpointer) part_names[i]);

  doc = sonae_documents_build (f->store, "binder", SONAE_PAPER_A4, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  path = g_build_filename (f->dir, "binder.pdf", NULL);
  sonae_test_pdf_write_and_read (doc, path, &f->pdf);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sonae_test_pdf_clear (&f->pdf);
  g_ptr_array_unref (f->parts);
  g_free (f->organisation);
  g_object_unref (f->store);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A context of the fonts the PDF uses, as the print dialog would give. */
static PangoContext *
new_context (cairo_surface_t **out_surface,
             cairo_t         **out_cr)
{
  *out_surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  *out_cr = cairo_create (*out_surface);
  return pango_cairo_create_context (*out_cr);
}

static guint
count_pages (SonaeDocument *doc)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context = new_context (&surface, &cr);
  double width, height;
  guint n;

  sonae_paper_get_size (SONAE_PAPER_A4, &width, &height);
  n = sonae_document_paginate (doc, context, width, height);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

/* The page number the contents gives for @title: the last word of the
 * line that names it. 0 when it is not there. */
static guint
contents_page_of (Fixture    *f,
                  guint       contents_page,
                  const char *title)
{
  PopplerPage *page = poppler_document_get_page (f->pdf.pdf, contents_page);
  g_autofree char *text = poppler_page_get_text (page);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint result = 0;

  g_object_unref (page);
  for (guint i = 0; lines[i] != NULL && result == 0; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *found = strstr (line, title);
      const char *digits;
      guint64 number;

      if (found == NULL)
        continue;
      /* the cells come out run together: "4Emergency Manual12" */
      digits = line + strlen (line);
      while (digits > found + strlen (title) && g_ascii_isdigit (digits[-1]))
        digits--;
      if (g_ascii_string_to_unsigned (digits, 10, 1, 9999, &number, NULL))
        result = (guint) number;
    }
  return result;
}

static void
test_binder_cover (Fixture       *f,
                   gconstpointer  data)
{
  const char *cover = f->pdf.pages[0];
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpuint (f->pdf.n_pages, >, 10);
  sonae_test_assert_contains (cover, "Emergency Binder");
  sonae_test_assert_contains (cover, f->organisation);
  sonae_test_assert_contains (cover, "Keep this copy on paper, away from the network.");
  sonae_test_assert_contains (cover, today);
  sonae_test_assert_contains (cover, "When to use it");
  sonae_test_assert_contains (cover, "Where this binder is kept");
  /* The cover is a page of its own. */
  sonae_test_assert_not_contains (cover, "Contents");
}

/* Every part is in the contents, and the page it names shows the part. */
static void
test_binder_contents (Fixture       *f,
                      gconstpointer  data)
{
  guint previous = 2;

  sonae_test_assert_contains (f->pdf.pages[1], "Contents");
  g_assert_cmpuint (f->parts->len, >=, 6);
  for (guint i = 0; i < f->parts->len; i++)
    {
      const char *title = sonae_documents_get_title (g_ptr_array_index (f->parts, i));
      guint page = contents_page_of (f, 1, title);

      g_test_message ("%s: page %u", title, page);
      g_assert_cmpuint (page, >, previous);
      g_assert_cmpuint (page, <=, f->pdf.n_pages);
      sonae_test_assert_contains (f->pdf.pages[page - 1], title);
      /* and it starts there: the page before belongs to the part before */
      if (i > 0)
        sonae_test_assert_not_contains (f->pdf.pages[page - 2], title);
      previous = page;
    }
}

/* The footer numbers the pages of the whole binder, 1 to N. */
static void
test_binder_page_numbers (Fixture       *f,
                          gconstpointer  data)
{
  for (guint i = 0; i < f->pdf.n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, f->pdf.n_pages);

      sonae_test_assert_contains (f->pdf.pages[i], footer);
    }
}

#define BLANK_PAGE "This page is intentionally left blank."

static gboolean
is_blank (Fixture *f,
          guint    page)
{
  return sonae_test_pdf_has (f->pdf.pages[page - 1], BLANK_PAGE);
}

/* As many pages as the parts printed on their own, plus the cover and the
 * contents, and the pages left blank so that each part starts on a
 * right-hand page: at most one before each part. */
static void
test_binder_page_count (Fixture       *f,
                        gconstpointer  data)
{
  guint sum = 2;
  guint blank = 0;

  for (guint page = 1; page <= f->pdf.n_pages; page++)
    blank += is_blank (f, page);
  g_assert_cmpuint (blank, <=, f->parts->len);
  sum += blank;

  for (guint i = 0; i < f->parts->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeDocument) part = sonae_documents_build (f->store, g_ptr_array_index (f->parts, i),
                                                             SONAE_PAPER_A4, &error);

      g_assert_no_error (error);
      sum += count_pages (part);
    }
  g_assert_cmpuint (f->pdf.n_pages, ==, sum);
}

static char *
index_title (PopplerIndexIter *iter)
{
  PopplerAction *action = poppler_index_iter_get_action (iter);
  char *title = g_strdup (action->any.title);

  poppler_action_free (action);
  return title;
}

/* 1-based page of a bookmark. */
static int
index_page (PopplerDocument  *pdf,
            PopplerIndexIter *iter)
{
  PopplerAction *action = poppler_index_iter_get_action (iter);
  int page = -1;

  g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
  if (action->goto_dest.dest->type == POPPLER_DEST_NAMED)
    {
      PopplerDest *dest = poppler_document_find_dest (pdf, action->goto_dest.dest->named_dest);

      page = dest->page_num;
      poppler_dest_free (dest);
    }
  else
    page = action->goto_dest.dest->page_num;
  poppler_action_free (action);
  return page;
}

static GPtrArray *
child_titles (PopplerIndexIter *iter)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  PopplerIndexIter *child = poppler_index_iter_get_child (iter);

  if (child == NULL)
    return titles;
  do
    g_ptr_array_add (titles, index_title (child));
  while (poppler_index_iter_next (child));
  poppler_index_iter_free (child);
  return titles;
}

/* Printed on both sides, each part starts on a right-hand page: an odd
 * one, where the contents says. A page before it that the part before
 * does not fill is marked as left blank, and holds nothing else; no page
 * is left blank elsewhere. The contents stand on the back of the cover,
 * facing the first part. */
static void
test_binder_duplex (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_false (is_blank (f, 1));
  sonae_test_assert_contains (f->pdf.pages[1], "Contents");
  for (guint i = 0; i < f->parts->len; i++)
    {
      guint page = contents_page_of (f, 1, sonae_documents_get_title (g_ptr_array_index (f->parts, i)));

      g_test_message ("%s: page %u", (char *) g_ptr_array_index (f->parts, i), page);
      g_assert_cmpuint (page % 2, ==, 1);
      g_assert_false (is_blank (f, page));
      g_array_append_val (starts, page);
    }
  for (guint page = 1; page <= f->pdf.n_pages; page++)
    {
      g_autofree char *footer = NULL;
      g_autofree char *only = NULL;
      gboolean before_part = FALSE;

      if (!is_blank (f, page))
        continue;
      for (guint i = 0; i < starts->len; i++)
        before_part = before_part || g_array_index (starts, guint, i) == page + 1;
      g_assert_true (before_part);
      g_assert_cmpuint (page % 2, ==, 0);
      /* the page header and footer, and the words that it is blank */
      footer = g_strdup_printf ("Page %u of %u", page, f->pdf.n_pages);
      only = sonae_test_squeeze (BLANK_PAGE);
      sonae_test_assert_contains (f->pdf.pages[page - 1], footer);
      sonae_test_assert_contains (f->pdf.pages[page - 1], "Emergency Binder");
      g_assert_cmpuint (strlen (f->pdf.pages[page - 1]), <, strlen (only) + 200);
    }
}

/* Tagged for screen readers: a section for each part, none for a page
 * left blank (only its words), the parts' headings inside. */
static void
test_binder_tagged (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "binder.pdf", NULL);
  g_autofree char *title = NULL;
  g_autofree char *kinds = sonae_test_pdf_structure (path, POPPLER_STRUCTURE_ELEMENT_SECTION, &title);
  guint sections = 0, blank = 0, depth = 0;

  g_assert_true (g_str_has_prefix (kinds, "D(S("));
  for (const char *p = kinds; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      else if (depth == 1 && *p == 'S')
        sections++;
      else if (depth == 1 && *p == 'P')
        blank++;
      else if (depth == 1)
        g_error ("not in a section: %c", *p);
    }
  g_assert_cmpuint (sections, ==, f->parts->len + 2);
  for (guint page = 1; page <= f->pdf.n_pages; page++)
    blank -= is_blank (f, page);
  g_assert_cmpuint (blank, ==, 0);
  /* the cover first */
  g_assert_nonnull (strstr (title, "Emergency Binder"));
}

/* The manual's own contents, inside the binder, give the binder's pages:
 * each section is on the page it names. */
static void
test_binder_manual_contents (Fixture       *f,
                             gconstpointer  data)
{
  guint manual = contents_page_of (f, 1, "Emergency Manual");
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) alone = sonae_documents_build (f->store, "manual", SONAE_PAPER_A4, &error);
  g_autofree char *path = g_build_filename (f->dir, "manual-alone.pdf", NULL);
  Fixture own = { 0 };
  PopplerIndexIter *iter;
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (manual, >, 2);
  sonae_test_pdf_write_and_read (alone, path, &own.pdf);
  /* The manual's numbered sections and its review record, by the
   * bookmarks of the manual on its own ("3 Organisation"; the contents
   * show the number and the title in cells of their own). */
  iter = poppler_index_iter_new (own.pdf.pdf);
  g_assert_nonnull (iter);
  do
    {
      g_autofree char *title = index_title (iter);
      const char *name = title;
      guint in_binder, on_its_own;

      if (g_ascii_isdigit (title[0]))
        {
          while (*name != '\0' && !g_unichar_isspace (g_utf8_get_char (name)))
            name = g_utf8_next_char (name);
          while (*name != '\0' && g_unichar_isspace (g_utf8_get_char (name)))
            name = g_utf8_next_char (name);
        }
      else if (!g_str_equal (title, "Review record"))
        continue;
      in_binder = contents_page_of (f, manual - 1, name);
      on_its_own = contents_page_of (&own, 0, name);
      g_test_message ("%s: page %u of the binder, %u of the manual", name, in_binder, on_its_own);
      g_assert_cmpuint (on_its_own, >, 0);
      /* the binder's page, where the section really is */
      g_assert_cmpuint (in_binder, ==, on_its_own + manual - 1);
      sonae_test_assert_contains (f->pdf.pages[in_binder - 1], name);
      checked++;
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  sonae_test_pdf_clear (&own.pdf);
  g_assert_cmpuint (checked, >=, 5);
}

/* A bookmark for every part, at its first page, the part's own bookmarks
 * under it: the manual's sections under the manual. */
static void
test_binder_bookmarks (Fixture       *f,
                       gconstpointer  data)
{
  PopplerIndexIter *iter = poppler_index_iter_new (f->pdf.pdf);
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) manual_children = NULL;
  g_autoptr(GPtrArray) standalone_sections = NULL;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (int));

  g_assert_nonnull (iter);
  do
    {
      char *title = index_title (iter);
      int page = index_page (f->pdf.pdf, iter);

      g_ptr_array_add (top, title);
      g_array_append_val (pages, page);
      if (g_str_equal (title, "Emergency Manual"))
        manual_children = child_titles (iter);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);

  g_assert_cmpuint (top->len, ==, f->parts->len + 2);
  g_assert_cmpstr (g_ptr_array_index (top, 0), ==, "Cover");
  g_assert_cmpint (g_array_index (pages, int, 0), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (top, 1), ==, "Contents");
  g_assert_cmpint (g_array_index (pages, int, 1), ==, 2);
  for (guint i = 0; i < f->parts->len; i++)
    {
      const char *title = sonae_documents_get_title (g_ptr_array_index (f->parts, i));

      g_assert_cmpstr (g_ptr_array_index (top, i + 2), ==, title);
      /* where the contents says the part starts */
      g_assert_cmpint (g_array_index (pages, int, i + 2), ==, (int) contents_page_of (f, 1, title));
    }

  /* The manual's sections, exactly as in the manual printed on its own. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeDocument) manual = sonae_documents_build (f->store, "manual", SONAE_PAPER_A4, &error);
    g_autofree char *path = g_build_filename (f->dir, "manual.pdf", NULL);
    g_auto(SonaeTestPdf) pdf = { 0 };
    PopplerIndexIter *m;

    g_assert_no_error (error);
    sonae_test_pdf_write_and_read (manual, path, &pdf);
    /* the manual's top level: its sections */
    standalone_sections = g_ptr_array_new_with_free_func (g_free);
    m = poppler_index_iter_new (pdf.pdf);
    g_assert_nonnull (m);
    do
      g_ptr_array_add (standalone_sections, index_title (m));
    while (poppler_index_iter_next (m));
    poppler_index_iter_free (m);
  }
  g_assert_nonnull (manual_children);
  g_assert_cmpuint (standalone_sections->len, >=, 3);
  g_assert_cmpuint (manual_children->len, ==, standalone_sections->len);
  for (guint i = 0; i < manual_children->len; i++)
    g_assert_cmpstr (g_ptr_array_index (manual_children, i), ==, g_ptr_array_index (standalone_sections, i));
}

/* The BCP worksheets and one outage card for every system of the plan. */
static void
test_binder_bcp (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_auto(SonaeTestPdf) pdf = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "binder-bcp.pdf", NULL);
  guint cards_first, bcp_first;
  guint n_parts = f->parts->len;
  SonaeTestPdf saved;

  g_assert_nonnull (sonae_documents_get_title ("bcp"));
  g_assert_nonnull (sonae_documents_get_title ("outage-card"));
  g_assert_cmpstr (g_ptr_array_index (f->parts, n_parts - 3), ==, "bcp");
  g_assert_cmpstr (g_ptr_array_index (f->parts, n_parts - 2), ==, "mhlw-checklist");
  g_assert_cmpstr (g_ptr_array_index (f->parts, n_parts - 1), ==, "outage-card");

  systems = sonae_bcp_list_systems (f->store, &error);
  g_assert_no_error (error);
  if (systems->len < 2)
    {
      /* a plan with systems, whatever the demo holds */
      static const char *const names[] = { "電子カルテ", "レセコン" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();

          system->name = g_strdup (names[i]);
          system->recovery_order = (int) i + 1;
          g_assert_true (sonae_bcp_save_system (f->store, system, &error));
          g_assert_no_error (error);
        }
      g_ptr_array_unref (systems);
      systems = sonae_bcp_list_systems (f->store, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (systems->len, >=, 2);

  doc = sonae_documents_build (f->store, "binder", SONAE_PAPER_A4, &error);
  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, &pdf);
  /* contents_page_of() reads the fixture's PDF */
  saved = f->pdf;
  f->pdf = pdf;
  bcp_first = contents_page_of (f, 1, sonae_documents_get_title ("bcp"));
  cards_first = contents_page_of (f, 1, sonae_documents_get_title ("outage-card"));
  /* each system's card is a line of the contents, with its own page */
  for (guint i = 0; i < systems->len; i++)
    {
      SonaeBcpSystem *system = g_ptr_array_index (systems, i);

      g_assert_cmpuint (contents_page_of (f, 1, system->name), ==, cards_first + i);
    }
  f->pdf = saved;

  g_assert_cmpuint (bcp_first, >, 2);
  g_assert_cmpuint (cards_first, >, bcp_first);
  sonae_test_assert_contains (pdf.pages[bcp_first - 1], sonae_documents_get_title ("bcp"));
  /* one A4 page for each system, in recovery order, each naming its system */
  g_assert_cmpuint (pdf.n_pages + 1 - cards_first, ==, systems->len);
  for (guint i = 0; i < systems->len; i++)
    {
      SonaeBcpSystem *system = g_ptr_array_index (systems, i);

      sonae_test_assert_contains (pdf.pages[cards_first - 1 + i], system->name);
    }
}

/* The paper for carrying on by hand: the blank incident report (no
 * incident's, although the demo has one), the PPC's reporting rules, the
 * blank PPC sheet, the sign and the notice, each where the contents says. */
static void
test_binder_paper_forms (Fixture       *f,
                         gconstpointer  data)
{
  guint report = contents_page_of (f, 1, sonae_documents_get_title ("report"));
  guint rules = contents_page_of (f, 1, sonae_documents_get_title ("ppc-rules"));
  guint draft = contents_page_of (f, 1, sonae_documents_get_title ("ppc-draft"));
  guint sign = contents_page_of (f, 1, sonae_documents_get_title ("do-not-use"));
  guint notice = contents_page_of (f, 1, sonae_documents_get_title ("desk-notice"));
  guint logsheet = contents_page_of (f, 1, sonae_documents_get_title ("logsheet"));
  const SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = sonae_incidents_list (f->store, &all, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, >, 0);
  /* After the log sheets, in this order. */
  g_assert_cmpuint (logsheet, <, report);
  g_assert_cmpuint (report, <, rules);
  g_assert_cmpuint (rules, <, draft);
  g_assert_cmpuint (draft, <, sign);
  g_assert_cmpuint (sign, <, notice);

  /* The blank report: room to write, no incident's values. */
  sonae_test_assert_contains (f->pdf.pages[report - 1], "Whoever found the problem");
  for (guint p = report; p < rules; p++)
    for (guint i = 0; i < incidents->len; i++)
      sonae_test_assert_not_contains (f->pdf.pages[p - 1], ((SonaeIncident *) g_ptr_array_index (incidents, i))->number);
  {
    /* The report's last page (a blank page may stand between the parts:
     * each starts on a right-hand page). */
    guint last = rules - 2;

    while (last > report - 1 && strstr (f->pdf.pages[last], "intentionallyleftblank") != NULL)
      last--;
    sonae_test_assert_contains (f->pdf.pages[last], "Reporting route");
  }

  /* The rules: whether, then by when. */
  sonae_test_assert_contains (f->pdf.pages[rules - 1], "Follow this with a pen");
  sonae_test_assert_contains (f->pdf.pages[rules - 1], "more than 1,000");
  {
    gboolean days = FALSE, send = FALSE;

    for (guint p = rules; p < draft; p++)
      {
        days |= sonae_test_pdf_has (f->pdf.pages[p - 1], "Final report (確報): by day 30; by day 60");
        send |= sonae_test_pdf_has (f->pdf.pages[p - 1], "How to send the report");
      }
    g_assert_true (days);
    g_assert_true (send);
  }

  /* The blank PPC sheet, the sign, the notice. */
  sonae_test_assert_contains (f->pdf.pages[draft - 1], "Blank sheet");
  sonae_test_assert_contains (f->pdf.pages[sign - 1], "DO NOT USE");
  /* One page each, each on a right-hand page: a blank page between. */
  g_assert_cmpuint (notice, ==, sign + 2);
  sonae_test_assert_contains (f->pdf.pages[sign], "intentionallyleftblank");
  sonae_test_assert_contains (f->pdf.pages[notice - 1], "To our patients");
}

/* The print dialog's path: paginate, then draw any page on its surface. */
static void
test_binder_draw (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (f->store, "binder", SONAE_PAPER_A4, &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context = new_context (&surface, &cr);
  double width, height;
  guint n;

  g_assert_no_error (error);
  sonae_paper_get_size (SONAE_PAPER_A4, &width, &height);
  n = sonae_document_paginate (doc, context, width, height);
  g_assert_cmpuint (n, ==, f->pdf.n_pages);

  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *page_cr = cairo_create (recording);
      double x, y, w, h;

      sonae_document_draw_page (doc, page_cr, i);
      g_assert_cmpint (cairo_status (page_cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
      /* something drawn, and inside the sheet */
      g_assert_cmpfloat (w, >, 100.0);
      g_assert_cmpfloat (x, >=, 0.0);
      g_assert_cmpfloat (x + w, <=, width + 1.0);
      g_assert_cmpfloat (y + h, <=, height + 1.0);
      cairo_destroy (page_cr);
      cairo_surface_destroy (recording);
    }

  /* The cover on an image, as a printer would get it: red banner ink. */
  {
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
    cairo_t *image_cr = cairo_create (image);
    const unsigned char *pixels;
    int stride;
    gboolean red = FALSE;

    cairo_set_source_rgb (image_cr, 1, 1, 1);
    cairo_paint (image_cr);
    sonae_document_draw_page (doc, image_cr, 0);
    cairo_surface_flush (image);
    pixels = cairo_image_surface_get_data (image);
    stride = cairo_image_surface_get_stride (image);
    for (int y = 0; y < (int) height && !red; y += 2)
      for (int x = 0; x < (int) width && !red; x += 2)
        {
          guint32 p = *(const guint32 *) (pixels + y * stride + x * 4);
          int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          red = r > 150 && g < 80 && b < 80;
        }
    g_assert_true (red);
    cairo_destroy (image_cr);
    cairo_surface_destroy (image);
  }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The binder is A4: A3 is refused with a reason. */
static void
test_binder_a3 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "binder", SONAE_PAPER_A3, &error);

  g_assert_null (doc);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "A4"));
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* An empty store still makes a binder: cover, contents and the blank
 * forms, without an organisation. */
static void
test_binder_empty (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "binder", SONAE_PAPER_A4, &error);
  g_autofree char *path = NULL;
  g_auto(SonaeTestPdf) pdf = { 0 };

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  path = g_build_filename (dir, "binder.pdf", NULL);
  sonae_test_pdf_write_and_read (doc, path, &pdf);
  sonae_test_assert_contains (pdf.pages[0], "Keep this copy on paper");
  sonae_test_assert_contains (pdf.pages[1], "Contents");
  sonae_test_assert_contains (pdf.all, "Paper Log Sheets");
  g_clear_pointer (&doc, sonae_document_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/binder/cover", test_binder_cover);
  ADD ("/binder/contents", test_binder_contents);
  ADD ("/binder/page-numbers", test_binder_page_numbers);
  ADD ("/binder/page-count", test_binder_page_count);
  ADD ("/binder/duplex", test_binder_duplex);
  ADD ("/binder/manual-contents", test_binder_manual_contents);
  ADD ("/binder/tagged", test_binder_tagged);
  ADD ("/binder/bookmarks", test_binder_bookmarks);
  ADD ("/binder/bcp", test_binder_bcp);
  ADD ("/binder/paper-forms", test_binder_paper_forms);
  ADD ("/binder/draw", test_binder_draw);
#undef ADD
  g_test_add_func ("/binder/a3", test_binder_a3);
  g_test_add_func ("/binder/empty", test_binder_empty);

  return g_test_run ();
}
