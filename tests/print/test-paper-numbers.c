/* test-paper-numbers.c: numbers to call and room to write, on paper: from an
 * empty data folder every role leaves lines for a name and a number and
 * every office shows its number or a line for it; on the demo clinic the
 * numbers are there, a vendor's is its support line with its hours, and the
 * poster shows the number each role chose for the wall */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

/* The line a number is written on: a label, then full-width low lines. */
#define WRITE_IN_PHONE "Phone:\uff3f\uff3f\uff3f\uff3f"
#define WRITE_IN_NAME "Name:\uff3f\uff3f\uff3f\uff3f"

static void
export (SonaeStore   *store,
        const char   *dir,
        const char   *name,
        SonaeTestPdf *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, name, SONAE_PAPER_A4, &error);
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);
  guint n = 0;

  for (const char *p = strstr (haystack, squeezed); p != NULL; p = strstr (p + strlen (squeezed), squeezed))
    n++;
  return n;
}

/* The text of @all from @from up to the first of @ends found after it (or
 * the end), newly allocated. */
static char *
segment (const char *all,
         gssize      from,
         const char *end)
{
  g_autofree char *squeezed = end ? sonae_test_squeeze (end) : NULL;
  const char *stop = squeezed ? strstr (all + from + 1, squeezed) : NULL;

  return g_strndup (all + from, stop ? (gsize) (stop - all - from) : strlen (all + from));
}

/* Each office of the roster, in the call tree's order, is followed by its
 * first number or, when it has none, by a line to write one on: never a
 * web address alone. Returns how many had a line. */
static guint
assert_offices_have_numbers (SonaeStore *store,
                             const char *text,
                             gssize      from,
                             const char *write_in)
{
  g_autoptr(GPtrArray) offices = sonae_contacts_list (store, SONAE_GROUP_AUTHORITY, NULL);
  guint lines = 0;

  g_assert_cmpuint (offices->len, >=, 10);
  for (guint i = 0; i < offices->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (offices, i);
      SonaeContact *next = i + 1 < offices->len ? g_ptr_array_index (offices, i + 1) : NULL;
      gssize at = sonae_test_offset_of (text, c->name, from);
      g_autofree char *part = segment (text, at, next ? next->name : NULL);
      const char *phone = sonae_contact_get_first_phone (c);

      if (phone != NULL)
        sonae_test_assert_contains (part, phone);
      else
        {
          sonae_test_assert_contains (part, write_in);
          lines++;
        }
      from = at;
    }
  return lines;
}

/* An empty data folder's call tree: each role leaves rows to write who is
 * called first and a deputy; each office has its number or a line for it. */
static void
test_empty_calltree (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  const SonaeRoleInfo *roles;
  guint n_roles;
  SonaeTestPdf pdf = { 0 };
  gssize at = 0, offices;
  guint lines;

  export (store, dir, "calltree", &pdf);
  roles = sonae_roles_get_for (sonae_store_is_care (store), &n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autofree char *part = NULL;

      at = sonae_test_offset_of (pdf.all, sonae_role_get_name (roles[i].key), at);
      part = segment (pdf.all, at, i + 1 < n_roles ? sonae_role_get_name (roles[i + 1].key) : "Authorities to report to");
      sonae_test_assert_contains (part, "Not assigned");
      sonae_test_assert_contains (part, "write who is called first and a deputy here by hand");
      /* The rows to write in, under the table's header: the first to
       * call, then a deputy. */
      sonae_test_assert_contains (part, "OrderNamePhone");
      sonae_test_assert_contains (part, "1Primary2Deputy");
    }

  offices = sonae_test_offset_of (pdf.all, "Authorities to report to", at);
  lines = assert_offices_have_numbers (store, pdf.all, offices, WRITE_IN_PHONE);
  /* The local authority, the police cyber desk, the ministry's two:
   * numbers only the organisation can enter. */
  g_assert_cmpuint (lines, >=, 4);
  g_assert_cmpuint (count_of (pdf.all, "No number entered yet: look it up while the network works"), ==, 4);
  /* Real numbers, with the hours they answer. */
  sonae_test_assert_contains (pdf.all, "03-6457-9849");
  sonae_test_assert_contains (pdf.all, "Hours:Weekdays,daytime");
  g_assert_cmpuint (count_of (pdf.all, "Hours:Weekdays"), ==, 2);
  sonae_test_assert_contains (pdf.all, "0120-179-066");
  sonae_test_pdf_clear (&pdf);

  /* In Japanese: 電話：＿＿＿ and 受付時間. */
  if (sonae_test_use_japanese ())
    {
      export (store, dir, "calltree", &pdf);
      offices = sonae_test_offset_of (pdf.all, "報告先の関係機関", 0);
      g_assert_cmpuint (assert_offices_have_numbers (store, pdf.all, offices, "電話：\uff3f\uff3f\uff3f"), >=, 4);
      sonae_test_assert_contains (pdf.all, "受付時間：平日の日中");
      sonae_test_assert_contains (pdf.all, "受付時間：24時間");
      sonae_test_assert_contains (pdf.all, "1正2代理");
      sonae_test_assert_not_contains (pdf.all, "勤務先");
      sonae_test_pdf_clear (&pdf);
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Where @text is on @page: the top of its first occurrence, from the top
 * of the page; FALSE when it is not there. */
static gboolean
top_of (PopplerPage *page,
        const char  *text,
        double      *y)
{
  GList *found = poppler_page_find_text (page, text);
  double width, height;

  if (found == NULL)
    return FALSE;
  poppler_page_get_size (page, &width, &height);
  *y = height - ((PopplerRectangle *) found->data)->y2;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return TRUE;
}

/* An empty roster has rows to fill in each group; a group with contacts
 * has a few more after them. */
static void
test_roster_rows (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  SonaeTestPdf pdf = { 0 };
  PopplerPage *page = NULL;
  double staff = 0, vendors = 0, person = 0;

  export (store, dir, "roster", &pdf);
  g_assert_cmpuint (count_of (pdf.all, "No contacts in this group yet: write them here by hand"), ==, 2);
  page = poppler_document_get_page (pdf.pdf, 0);
  g_assert_true (top_of (page, "Staff", &staff));
  g_assert_true (top_of (page, "Vendors and Service Providers", &vendors));
  /* The heading, the hint, the table's header and five rows to write in. */
  g_assert_cmpfloat (vendors - staff, >, 5 * 30.0 + 30.0);
  g_clear_object (&page);
  /* The offices: a number or a line for one, each. */
  {
    g_autoptr(GPtrArray) offices = sonae_contacts_list (store, SONAE_GROUP_AUTHORITY, NULL);
    guint without = 0;

    for (guint i = 0; i < offices->len; i++)
      {
        const char *phone = sonae_contact_get_first_phone (g_ptr_array_index (offices, i));

        if (phone != NULL)
          sonae_test_assert_contains (pdf.all, phone);
        else
          without++;
      }
    g_assert_cmpuint (without, >=, 4);
    g_assert_cmpuint (count_of (pdf.all, WRITE_IN_PHONE), ==, without);
  }
  sonae_test_pdf_clear (&pdf);

  /* One person: after the row, two more to write in before the vendors. */
  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  export (store, dir, "roster", &pdf);
  page = poppler_document_get_page (pdf.pdf, 0);
  g_assert_true (top_of (page, "090-1234-5678", &person));
  g_assert_true (top_of (page, "Vendors and Service Providers", &vendors));
  g_assert_cmpfloat (vendors - person, >, 3 * 30.0);
  g_assert_cmpuint (count_of (pdf.all, "No contacts in this group yet"), ==, 1);
  g_clear_object (&page);
  sonae_test_pdf_clear (&pdf);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The manual of an empty folder: each role, and each level's responder,
 * has lines for a name and a number; not under every step. */
static void
test_empty_manual (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  SonaeTestPdf pdf = { 0 };
  guint n_roles;
  guint names;

  sonae_roles_get_for (sonae_store_is_care (store), &n_roles);
  export (store, dir, "manual", &pdf);
  names = count_of (pdf.all, WRITE_IN_NAME);
  /* The roles' table, the four levels, and the contact chain of each level
   * (one line each for its roles, whoever they are). */
  g_assert_cmpuint (names, >=, n_roles + 4);
  g_assert_cmpuint (count_of (pdf.all, WRITE_IN_PHONE), >=, names);
  sonae_test_assert_contains (pdf.all, "Until a person is chosen in Sonae’s contacts, write a name and a number here.");
  /* The offices of the reporting section: a number or a line each. */
  sonae_test_assert_contains (pdf.all, "03-6457-9849");
  g_assert_cmpuint (count_of (pdf.all, "No number entered yet: look it up while the network works"), >=, 4);
  sonae_test_pdf_clear (&pdf);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static SonaeStore *
open_demo (char **dir)
{
  g_autoptr(GError) error = NULL;
  SonaeStore *store = sonae_test_open_store (dir);

  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);
  return store;
}

/* The demo clinic: every holder's number on the call tree; a vendor's
 * number reads as its support line, with the hours it answers. */
static void
test_demo_numbers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_demo (&dir);
  SonaeTestPdf pdf = { 0 };
  const SonaeRoleInfo *roles;
  guint n_roles;

  export (store, dir, "calltree", &pdf);
  roles = sonae_roles_get_for (TRUE, &n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, roles[i].key, NULL);

      for (guint h = 0; h < holders->len; h++)
        sonae_test_assert_contains (pdf.all, sonae_contact_get_first_phone (g_ptr_array_index (holders, h)));
    }
  sonae_test_assert_not_contains (pdf.all, "Not assigned");
  sonae_test_pdf_clear (&pdf);

  export (store, dir, "roster", &pdf);
  sonae_test_assert_contains (pdf.all, "0120-000-201Supportline");
  sonae_test_assert_contains (pdf.all, "Hours:平日9:00–18:00");
  sonae_test_assert_not_contains (pdf.all, "0120-000-201Work");
  /* A person's work number keeps its word. */
  sonae_test_assert_contains (pdf.all, "088-000-1102Work");
  sonae_test_pdf_clear (&pdf);

  export (store, dir, "outage-card", &pdf);
  sonae_test_assert_contains (pdf.all, "0120-000-201Supportline");
  sonae_test_assert_contains (pdf.all, "Hours:平日9:00–18:00");
  sonae_test_pdf_clear (&pdf);

  if (sonae_test_use_japanese ())
    {
      export (store, dir, "outage-card", &pdf);
      sonae_test_assert_contains (pdf.all, "0120-000-201サポート窓口");
      sonae_test_assert_contains (pdf.all, "受付時間：平日9:00–18:00");
      sonae_test_pdf_clear (&pdf);
      sonae_test_use_default_language ();
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The poster shows the number each role chose for the wall: a role that
 * hides its mobiles shows none of them; with no number chosen, lines to
 * write one on. */
static void
test_demo_poster_choice (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = sonae_contacts_get_role_holders (store, SONAE_ROLE_FIRST, NULL);
  SonaeContact *primary;
  g_autofree char *mobile = NULL;
  g_autofree char *work = NULL;
  SonaeTestPdf pdf = { 0 };

  /* The demo's first responder has a mobile and a work number. */
  g_assert_cmpuint (first->len, >=, 2);
  primary = g_ptr_array_index (first, 0);
  mobile = g_strdup (sonae_contact_get_poster_phone (primary, SONAE_POSTER_PHONE_MOBILE));
  work = g_strdup (sonae_contact_get_poster_phone (primary, SONAE_POSTER_PHONE_WORK));
  g_assert_nonnull (mobile);
  g_assert_nonnull (work);

  /* As before: the mobile first. */
  export (store, dir, "poster", &pdf);
  g_assert_cmpuint (pdf.n_pages, ==, 1);
  sonae_test_assert_contains (pdf.all, mobile);
  sonae_test_assert_not_contains (pdf.all, work);
  sonae_test_assert_contains (pdf.all, "For the wall, A3 is recommended");
  sonae_test_pdf_clear (&pdf);

  /* Work numbers only: no mobile of the role on the wall; a deputy with
   * none says so and leaves a line. */
  g_assert_true (sonae_contacts_set_poster_phone (store, SONAE_ROLE_FIRST, SONAE_POSTER_PHONE_WORK, &error));
  g_assert_no_error (error);
  export (store, dir, "poster", &pdf);
  g_assert_cmpuint (pdf.n_pages, ==, 1);
  sonae_test_assert_contains (pdf.all, work);
  for (guint i = 0; i < first->len && i < 3; i++)
    {
      SonaeContact *c = g_ptr_array_index (first, i);
      const char *m = sonae_contact_get_poster_phone (c, SONAE_POSTER_PHONE_MOBILE);

      sonae_test_assert_contains (pdf.all, sonae_contact_get_display_name (c));
      if (m != NULL)
        sonae_test_assert_not_contains (pdf.all, m);
      if (sonae_contact_get_poster_phone (c, SONAE_POSTER_PHONE_WORK) == NULL)
        sonae_test_assert_contains (pdf.all, "No work number in the roster: write one here");
    }
  sonae_test_pdf_clear (&pdf);

  /* No number at all: names, and lines for the numbers. */
  g_assert_true (sonae_contacts_set_poster_phone (store, SONAE_ROLE_FIRST, SONAE_POSTER_PHONE_NONE, &error));
  export (store, dir, "poster", &pdf);
  sonae_test_assert_contains (pdf.all, sonae_contact_get_display_name (primary));
  sonae_test_assert_not_contains (pdf.all, mobile);
  sonae_test_assert_not_contains (pdf.all, work);
  sonae_test_assert_contains (pdf.all, "\uff3f\uff3f\uff3f\uff3f\uff3f");
  sonae_test_assert_not_contains (pdf.all, "No work number");
  sonae_test_pdf_clear (&pdf);

  /* The other column keeps its own choice: the lead's mobile is there. */
  {
    g_autoptr(GPtrArray) lead = sonae_contacts_get_role_holders (store, SONAE_ROLE_LEAD, NULL);

    export (store, dir, "poster", &pdf);
    sonae_test_assert_contains (pdf.all,
                                sonae_contact_get_poster_phone (g_ptr_array_index (lead, 0), SONAE_POSTER_PHONE_ANY));
    sonae_test_pdf_clear (&pdf);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* On A3 the poster is the same page, larger, and does not recommend A3. */
static void
test_poster_a3 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "poster", SONAE_PAPER_A3, &error);
  g_autofree char *path = g_build_filename (dir, "poster-a3.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *pdf = NULL;
  PopplerPage *page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  double width, height, y = 0;

  g_assert_no_error (error);
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, NULL);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 1190.55, 0.5);
  text = poppler_page_get_text (page);
  squeezed = sonae_test_squeeze (text);
  sonae_test_assert_contains (squeezed, "090-0000-1105");
  sonae_test_assert_not_contains (squeezed, "A3 is recommended");
  /* The page filled, as an A4 one is: the last line near the bottom. */
  g_assert_true (top_of (page, "Print this poster again", &y));
  g_assert_cmpfloat (y, >, height * 0.8);
  g_object_unref (page);
  g_object_unref (pdf);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paper-numbers/empty/calltree", test_empty_calltree);
  g_test_add_func ("/paper-numbers/empty/roster-rows", test_roster_rows);
  g_test_add_func ("/paper-numbers/empty/manual", test_empty_manual);
  g_test_add_func ("/paper-numbers/demo/numbers", test_demo_numbers);
  g_test_add_func ("/paper-numbers/demo/poster-choice", test_demo_poster_choice);
  g_test_add_func ("/paper-numbers/demo/poster-a3", test_poster_a3);
  return g_test_run ();
}
