/* test-print.c: documents exported to PDF and read back with poppler */
#define _GNU_SOURCE /* unshare, CLONE_NEWNS */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

#define ORG_NAME "さくら内科クリニック"

typedef struct {
  char *dir;
  SonaeStore *store;
  gint64 yamada, sato, suzuki, tanaka, vendor;
} Fixture;

typedef struct {
  PopplerDocument *pdf;
  guint n_pages;
  char **pages;   /* text of each page, whitespace removed */
  char *all;      /* every page, whitespace removed */
} Pdf;

/* Whitespace removed: poppler puts spaces and line breaks where the layout
 * had gaps, which is not what these tests are about. */

static gint64
add_contact (SonaeStore  *store,
             SonaeGroup   group,
             const char  *name,
             const char  *reading,
             const char  *verified_on,
             const char  *const *phones)  /* label, value, … NULL */
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) c = sonae_contact_new ();

  c->group = group;
  sonae_contact_set_string (&c->name, name);
  sonae_contact_set_string (&c->reading, reading);
  sonae_contact_set_string (&c->verified_on, verified_on);
  for (guint i = 0; phones && phones[i]; i += 2)
    sonae_contact_add_phone (c, phones[i], phones[i + 1]);
  g_assert_true (sonae_contacts_save (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) ORG_NAME, SONAE_ORG_CLINIC, (char *) "東京都", NULL, (char *) "03-0000-0000" };
  g_autoptr(SonaeContact) c = NULL;

  f->store = sonae_test_open_store (&f->dir);
  g_assert_true (sonae_store_set_profile (f->store, &profile, &error));
  g_assert_no_error (error);

  {
    const char *phones[] = { "work", "03-1234-5678", "mobile", "090-1111-2222", NULL };
    f->yamada = add_contact (f->store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "2026-11-01", phones);
  }
  {
    const char *phones[] = { "mobile", "080-3333-4444", "home", "045-555-0101", NULL };
    f->sato = add_contact (f->store, SONAE_GROUP_STAFF, "佐藤 花子", "さとう はなこ", "2025-01-10", phones);
  }
  {
    const char *phones[] = { "work", "03-5555-6666", NULL };
    f->suzuki = add_contact (f->store, SONAE_GROUP_STAFF, "鈴木 一郎", "すずき いちろう", NULL, phones);
  }
  {
    const char *phones[] = { "mobile", "070-7777-8888", NULL };
    f->tanaka = add_contact (f->store, SONAE_GROUP_STAFF, "田中 美咲", "たなか みさき", "2026-10-01", phones);
  }

  /* A vendor with its system and contract number, and an e-mail address. */
  c = sonae_contact_new ();
  c->group = SONAE_GROUP_VENDOR;
  sonae_contact_set_string (&c->name, "株式会社メディカルシステムズ");
  sonae_contact_set_string (&c->reading, "めでぃかるしすてむず");
  sonae_contact_set_string (&c->department, "サポートセンター");
  sonae_contact_set_string (&c->system, "電子カルテ");
  sonae_contact_set_string (&c->contract, "MC-2024-0815");
  sonae_contact_add_phone (c, "work", "0120-000-111");
  sonae_contact_add_email (c, "work", "support@medical-systems.example.jp");
  g_assert_true (sonae_contacts_save (f->store, c, &error));
  g_assert_no_error (error);
  f->vendor = c->id;

  /* Incident Response Lead: Yamada, then Sato, then Suzuki. */
  {
    gint64 ids[] = { f->yamada, f->sato, f->suzuki };
    g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_LEAD, ids, G_N_ELEMENTS (ids), &error));
    g_assert_no_error (error);
  }
  /* System Administrator: Tanaka, then the vendor. Press stays empty. */
  {
    gint64 ids[] = { f->tanaka, f->vendor };
    g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_SYSADMIN, ids, G_N_ELEMENTS (ids), &error));
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
}

static void
pdf_clear (Pdf *pdf)
{
  g_clear_object (&pdf->pdf);
  g_strfreev (pdf->pages);
  g_free (pdf->all);
}

static void
pdf_read (Pdf        *pdf,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  pdf->pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf->pdf);
  pdf->n_pages = poppler_document_get_n_pages (pdf->pdf);
  pdf->pages = g_new0 (char *, pdf->n_pages + 1);
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_object_unref (page);
      pdf->pages[i] = sonae_test_squeeze (text);
      g_string_append (all, pdf->pages[i]);
    }
  pdf->all = g_string_free (all, FALSE);
}

static void
export (SonaeStore *store,
        const char *name,
        SonaePaper  paper,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, name, paper, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);

  if (strstr (haystack, squeezed) == NULL)
    g_error ("“%s” is not in the PDF text: %s", needle, haystack);
}

static gssize
offset_of (const char *haystack,
           const char *needle,
           gssize      from)
{
  g_autofree char *squeezed = sonae_test_squeeze (needle);
  const char *found = strstr (haystack + from, squeezed);

  if (found == NULL)
    g_error ("“%s” is not in the PDF text after offset %" G_GSSIZE_FORMAT, needle, from);
  return found - haystack;
}

static void
assert_every_page_framed (Pdf *pdf)
{
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, pdf->n_pages);

      assert_contains (pdf->pages[i], ORG_NAME);
      assert_contains (pdf->pages[i], footer);
      /* SONAE_NOW */
      assert_contains (pdf->pages[i], "Printed 2026-12-01 09:00");
    }
}

static void
test_print_names (void)
{
  const char *const *names = sonae_documents_get_names ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  SonaePaper paper = SONAE_PAPER_A4;
  double w, h;

  g_assert_cmpstr (names[0], ==, "roster");
  g_assert_cmpstr (names[1], ==, "calltree");
  /* The documents added later (the poster, …) follow, each with a title. */
  for (guint i = 2; names[i] != NULL; i++)
    g_assert_nonnull (sonae_documents_get_title (names[i]));
  g_assert_cmpstr (sonae_documents_get_title ("roster"), ==, "Contact Roster");
  g_assert_cmpstr (sonae_documents_get_title ("calltree"), ==, "Call Tree");
  g_assert_null (sonae_documents_get_title ("nonsense"));

  g_assert_null (sonae_documents_build (store, "nonsense", SONAE_PAPER_A4, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);

  g_assert_true (sonae_paper_from_string ("A3", &paper));
  g_assert_cmpint (paper, ==, SONAE_PAPER_A3);
  g_assert_true (sonae_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, SONAE_PAPER_A4);
  g_assert_false (sonae_paper_from_string ("letter", &paper));
  sonae_paper_get_size (SONAE_PAPER_A4, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);

  sonae_test_remove_dir (dir);
}

static char *
file_name_of (SonaeStore                 *store,
              const SonaeDocumentRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build_request (store, request, &error);

  g_assert_no_error (error);
  return sonae_document_get_file_name (doc);
}

/* A document saved to a file is offered a name made from its title and what
 * it is about, in the user's language, that any disk can hold. */
static void
test_print_file_names (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();
  g_autoptr(GError) error = NULL;
  SonaeDocumentRequest manual = SONAE_DOCUMENT_REQUEST_INIT ("manual");
  SonaeDocumentRequest report = SONAE_DOCUMENT_REQUEST_INIT ("report");
  SonaeDocumentRequest blank = SONAE_DOCUMENT_REQUEST_INIT ("checklist");
  SonaeDocumentRequest year = SONAE_DOCUMENT_REQUEST_INIT ("register");
  SonaeDocumentRequest card = SONAE_DOCUMENT_REQUEST_INIT ("outage-card");
  gint64 id = sonae_test_add_incident (store, "電子カルテが開かない", NULL, 2, FALSE, "佐藤 由美");

  incident = sonae_incidents_get (store, id, &error);
  g_assert_no_error (error);
  system->name = g_strdup ("受付/会計: 1階");
  g_assert_true (sonae_bcp_save_system (store, system, &error));
  g_assert_no_error (error);
  report.subject = SONAE_DOCUMENT_FOR_INCIDENT;
  report.id = id;
  year.subject = SONAE_DOCUMENT_FOR_YEAR;
  year.year = 2025;
  card.subject = SONAE_DOCUMENT_FOR_SYSTEM;
  card.id = system->id;

  {
    g_autofree char *name = file_name_of (store, &manual);
    g_assert_cmpstr (name, ==, "Emergency Manual");
  }
  {
    g_autofree char *name = file_name_of (store, &report);
    g_autofree char *want = g_strdup_printf ("Incident Report %s", incident->number);
    g_assert_cmpstr (name, ==, want);
  }
  {
    g_autofree char *name = file_name_of (store, &blank);
    g_assert_cmpstr (name, ==, "Incident Checklist");
  }
  {
    g_autofree char *name = file_name_of (store, &year);
    g_assert_cmpstr (name, ==, "Incident Register 2025");
  }
  {
    /* Nothing a file name on a USB stick cannot hold. */
    g_autofree char *name = file_name_of (store, &card);
    g_assert_cmpstr (name, ==, "Outage Cards 受付-会計- 1階");
  }

  if (sonae_test_use_japanese ())
    {
      g_autofree char *name = file_name_of (store, &manual);
      g_autofree char *report_name = file_name_of (store, &report);
      g_autofree char *want = g_strdup_printf ("セキュリティ事故報告書 %s", incident->number);

      sonae_test_use_default_language ();
      g_assert_cmpstr (name, ==, "緊急時対応マニュアル");
      g_assert_cmpstr (report_name, ==, want);
    }
  else
    g_test_message ("no ja_JP.UTF-8 locale: English only");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_print_roster (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "roster.pdf", NULL);
  Pdf pdf = { 0 };
  gssize staff, vendors, authorities;

  export (f->store, "roster", SONAE_PAPER_A4, path);
  pdf_read (&pdf, path);

  g_assert_cmpuint (pdf.n_pages, >=, 1);
  g_assert_cmpuint (pdf.n_pages, <=, 3);
  assert_every_page_framed (&pdf);
  assert_contains (pdf.all, "Contact Roster");

  /* The three groups, in order. */
  staff = offset_of (pdf.all, "Staff", 0);
  vendors = offset_of (pdf.all, "Vendors and Service Providers", staff);
  authorities = offset_of (pdf.all, "Authorities", vendors);

  /* Every staff contact with reading and every phone, sorted by reading:
   * さとう, すずき, たなか, やまだ. */
  {
    gssize sato = offset_of (pdf.all, "佐藤 花子", staff);
    gssize suzuki = offset_of (pdf.all, "鈴木 一郎", staff);
    gssize tanaka = offset_of (pdf.all, "田中 美咲", staff);
    gssize yamada = offset_of (pdf.all, "山田 太郎", staff);

    g_assert_cmpint (sato, <, suzuki);
    g_assert_cmpint (suzuki, <, tanaka);
    g_assert_cmpint (tanaka, <, yamada);
    g_assert_cmpint (yamada, <, vendors);
  }
  assert_contains (pdf.all, "やまだ たろう");
  assert_contains (pdf.all, "03-1234-5678");
  assert_contains (pdf.all, "090-1111-2222");
  assert_contains (pdf.all, "080-3333-4444");
  assert_contains (pdf.all, "045-555-0101");
  assert_contains (pdf.all, "03-5555-6666");
  assert_contains (pdf.all, "070-7777-8888");
  /* Labels, mobile first. */
  g_assert_cmpint (offset_of (pdf.all, "090-1111-2222 Mobile", 0), <, offset_of (pdf.all, "03-1234-5678 Work", 0));

  /* Roles, with the deputies' positions. */
  assert_contains (pdf.all, "Incident Response Lead (deputy 1)");
  assert_contains (pdf.all, "Incident Response Lead (deputy 2)");
  assert_contains (pdf.all, "System Administrator");

  /* The vendor, between its heading and the authorities. */
  {
    gssize vendor = offset_of (pdf.all, "株式会社メディカルシステムズ", vendors);

    g_assert_cmpint (vendor, <, authorities);
    offset_of (pdf.all, "電子カルテ", vendor);
    offset_of (pdf.all, "MC-2024-0815", vendor);
    offset_of (pdf.all, "0120-000-111", vendor);
    offset_of (pdf.all, "support@medical-systems.example.jp", vendor);
  }

  /* The bundled authorities, marked to check first, with their URLs. */
  offset_of (pdf.all, "#9110", authorities);
  offset_of (pdf.all, "https://www.ppc.go.jp", authorities);
  offset_of (pdf.all, "Check first", authorities);

  /* Verification: recent, stale, never. */
  assert_contains (pdf.all, "Verified 2026-11-01");
  assert_contains (pdf.all, "Verified 2025-01-10");
  assert_contains (pdf.all, "Never verified");
  {
    /* Sato (2025) and Suzuki (never) are out of date, Tanaka and Yamada not. */
    gssize sato = offset_of (pdf.all, "佐藤 花子", staff);
    gssize suzuki = offset_of (pdf.all, "鈴木 一郎", staff);
    gssize tanaka = offset_of (pdf.all, "田中 美咲", staff);
    gssize stale = offset_of (pdf.all, "Out of date", sato);

    g_assert_cmpint (stale, <, suzuki);
    stale = offset_of (pdf.all, "Out of date", suzuki);
    g_assert_cmpint (stale, <, tanaka);
    g_assert_null (g_strstr_len (pdf.all + tanaka, vendors - tanaka, "Outofdate"));
  }

  pdf_clear (&pdf);
}

static void
test_print_calltree (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "calltree.pdf", NULL);
  Pdf pdf = { 0 };
  const SonaeRoleInfo *roles;
  guint n_roles;
  gssize previous = 0;

  export (f->store, "calltree", SONAE_PAPER_A4, path);
  pdf_read (&pdf, path);

  g_assert_cmpuint (pdf.n_pages, >=, 1);
  assert_every_page_framed (&pdf);
  assert_contains (pdf.all, "Call Tree");
  assert_contains (pdf.all, "If nobody answers, call the next one");

  /* Every role in the manual's order. */
  roles = sonae_roles_get_builtin (&n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      gssize at = offset_of (pdf.all, sonae_role_get_name (roles[i].key), previous);

      g_assert_cmpint (at, >=, previous);
      previous = at;
    }

  /* The lead's holders in call order, with their numbers, mobile first. */
  {
    gssize lead = offset_of (pdf.all, "Incident Response Lead", 0);
    gssize next_role = offset_of (pdf.all, "First Responder", lead);
    gssize yamada = offset_of (pdf.all, "山田 太郎", lead);
    gssize sato = offset_of (pdf.all, "佐藤 花子", lead);
    gssize suzuki = offset_of (pdf.all, "鈴木 一郎", lead);

    g_assert_cmpint (yamada, <, sato);
    g_assert_cmpint (sato, <, suzuki);
    g_assert_cmpint (suzuki, <, next_role);
    g_assert_cmpint (offset_of (pdf.all, "Primary", lead), <, sato);
    g_assert_cmpint (offset_of (pdf.all, "Deputy", sato - 40), <, suzuki);
    g_assert_cmpint (offset_of (pdf.all, "If no answer, call next", yamada), <, sato);
    g_assert_cmpint (offset_of (pdf.all, "090-1111-2222", yamada), <, offset_of (pdf.all, "03-1234-5678", yamada));
    g_assert_cmpint (offset_of (pdf.all, "03-1234-5678", yamada), <, sato);
    g_assert_cmpint (offset_of (pdf.all, "080-3333-4444", sato), <, suzuki);
    g_assert_cmpint (offset_of (pdf.all, "03-5555-6666", suzuki), <, next_role);
  }

  /* A role nobody holds says so, and a held one does not. */
  {
    gssize first = offset_of (pdf.all, "First Responder", 0);
    gssize sysadmin = offset_of (pdf.all, "System Administrator", first);
    gssize privacy = offset_of (pdf.all, "Personal Data Manager", sysadmin);
    gssize press = offset_of (pdf.all, "General Affairs and Press", privacy);

    g_assert_cmpint (offset_of (pdf.all, "Not assigned", first), <, sysadmin);
    g_assert_null (g_strstr_len (pdf.all + sysadmin, privacy - sysadmin, "Notassigned"));
    g_assert_cmpint (offset_of (pdf.all, "田中 美咲", sysadmin), <, offset_of (pdf.all, "株式会社メディカルシステムズ", sysadmin));
    g_assert_cmpint (offset_of (pdf.all, "株式会社メディカルシステムズ", sysadmin), <, privacy);
    offset_of (pdf.all, "Not assigned", press);
  }

  /* Then the authorities, with numbers and web pages. */
  {
    gssize authorities = offset_of (pdf.all, "Authorities to report to", previous);

    offset_of (pdf.all, "#9110", authorities);
    offset_of (pdf.all, "03-6457-9849", authorities);
    offset_of (pdf.all, "https://www.jpcert.or.jp", authorities);
  }

  pdf_clear (&pdf);
}

static void
test_print_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_build_filename (dir, "roster.pdf", NULL);
  Pdf pdf = { 0 };
  SonaeProfile profile = { (char *) ORG_NAME, SONAE_ORG_CLINIC, NULL, NULL, NULL };
  gssize previous = 0;

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  g_assert_true (sonae_store_begin (store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("職員%03u 名前", i);
      g_autofree char *reading = g_strdup_printf ("しょくいん%03u", i);
      g_autofree char *mobile = g_strdup_printf ("090-0000-%04u", i);
      g_autofree char *work = g_strdup_printf ("03-9999-%04u", i);
      const char *phones[] = { "mobile", mobile, "work", work, NULL };

      add_contact (store, SONAE_GROUP_STAFF, name, reading, "2026-11-20", phones);
    }
  g_assert_true (sonae_store_commit (store, &error));
  g_assert_no_error (error);

  export (store, "roster", SONAE_PAPER_A4, path);
  pdf_read (&pdf, path);

  g_assert_cmpuint (pdf.n_pages, >, 5);
  assert_every_page_framed (&pdf);
  /* No contact lost, none twice, in order. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("職員%03u名前", i);
      g_autofree char *mobile = g_strdup_printf ("090-0000-%04u", i);
      g_autofree char *work = g_strdup_printf ("03-9999-%04u", i);
      gssize at = offset_of (pdf.all, name, previous);

      g_assert_null (strstr (pdf.all + at + 1, name));
      g_assert_cmpint (offset_of (pdf.all, mobile, at), <, offset_of (pdf.all, work, at));
      previous = at;
    }
  /* The table's header row is repeated on every page it continues on. */
  for (guint i = 0; i < pdf.n_pages; i++)
    {
      if (strstr (pdf.pages[i], "職員") == NULL)
        continue;
      assert_contains (pdf.pages[i], "Name");
      assert_contains (pdf.pages[i], "E-mail and details");
    }

  pdf_clear (&pdf);
  sonae_test_remove_dir (dir);
}

static int
compare_bytes (const void *a,
               const void *b)
{
  return *(const unsigned char *) a - *(const unsigned char *) b;
}

static char *
sorted_bytes (const char *text)
{
  char *copy = g_strdup (text);

  qsort (copy, strlen (copy), 1, compare_bytes);
  return copy;
}

static void
test_print_a3 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *a4_path = g_build_filename (f->dir, "a4.pdf", NULL);
  g_autofree char *a3_path = g_build_filename (f->dir, "a3.pdf", NULL);
  Pdf a4 = { 0 }, a3 = { 0 };
  double w, h;

  export (f->store, "calltree", SONAE_PAPER_A4, a4_path);
  export (f->store, "calltree", SONAE_PAPER_A3, a3_path);
  pdf_read (&a4, a4_path);
  pdf_read (&a3, a3_path);

  for (guint i = 0; i < a3.n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (a3.pdf, i);

      poppler_page_get_size (page, &w, &h);
      g_object_unref (page);
      g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
      g_assert_cmpfloat_with_epsilon (h, 1190.55, 0.01);
    }
  {
    PopplerPage *page = poppler_document_get_page (a4.pdf, 0);

    poppler_page_get_size (page, &w, &h);
    g_object_unref (page);
    g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
    g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  }
  /* A3 is the A4 layout, enlarged: same pages with the same text (poppler
   * may read it in another order, so the characters are compared). */
  g_assert_cmpuint (a3.n_pages, ==, a4.n_pages);
  for (guint i = 0; i < a3.n_pages; i++)
    {
      g_autofree char *chars3 = sorted_bytes (a3.pages[i]);
      g_autofree char *chars4 = sorted_bytes (a4.pages[i]);

      g_assert_cmpstr (chars3, ==, chars4);
    }

  pdf_clear (&a4);
  pdf_clear (&a3);
}

static void
test_print_fonts (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "roster.pdf", NULL);
  Pdf pdf = { 0 };
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  gboolean cjk = FALSE;
  guint n_fonts = 0;

  export (f->store, "roster", SONAE_PAPER_A4, path);
  pdf_read (&pdf, path);

  info = poppler_font_info_new (pdf.pdf);
  while (poppler_font_info_scan (info, pdf.n_pages, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);

          n_fonts++;
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          if (name && strstr (name, "CJK") != NULL)
            cjk = TRUE;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_true (cjk);

  /* The metadata names the document. */
  {
    g_autofree char *title = poppler_document_get_title (pdf.pdf);
    g_autofree char *creator = poppler_document_get_creator (pdf.pdf);

    g_assert_cmpstr (title, ==, "Contact Roster");
    g_assert_true (g_str_has_prefix (creator, "Sonae"));
  }
  pdf_clear (&pdf);
}

static char *
index_title (PopplerIndexIter *iter)
{
  PopplerAction *action = poppler_index_iter_get_action (iter);
  char *title = g_strdup (action->any.title);

  poppler_action_free (action);
  return title;
}

/* Title and headings become the PDF's bookmarks. */
static void
test_print_outline (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "roster.pdf", NULL);
  Pdf pdf = { 0 };
  PopplerIndexIter *iter;
  PopplerIndexIter *child;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);

  export (f->store, "roster", SONAE_PAPER_A4, path);
  pdf_read (&pdf, path);

  iter = poppler_index_iter_new (pdf.pdf);
  g_assert_nonnull (iter);
  title = index_title (iter);
  g_assert_cmpstr (title, ==, "Contact Roster");
  child = poppler_index_iter_get_child (iter);
  g_assert_nonnull (child);
  do
    g_ptr_array_add (headings, index_title (child));
  while (poppler_index_iter_next (child));
  poppler_index_iter_free (child);
  poppler_index_iter_free (iter);

  g_assert_cmpuint (headings->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (headings, 0), ==, "Staff");
  g_assert_cmpstr (g_ptr_array_index (headings, 1), ==, "Vendors and Service Providers");
  g_assert_cmpstr (g_ptr_array_index (headings, 2), ==, "Authorities");
  pdf_clear (&pdf);
}

/* The print dialog hands us its own context, at the printer's resolution:
 * the pages must not change with it. */
static void
test_print_contexts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (f->store, "roster", SONAE_PAPER_A4, &error);
  double w, h;
  guint pages_72, pages_300, pages_96;

  g_assert_no_error (error);
  sonae_paper_get_size (SONAE_PAPER_A4, &w, &h);

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
    cairo_t *cr = cairo_create (surface);
    PangoContext *context = pango_cairo_create_context (cr);

    pages_72 = sonae_document_paginate (doc, context, w, h);
    for (guint i = 0; i < pages_72; i++)
      sonae_document_draw_page (doc, cr, i);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    g_object_unref (context);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  {
    PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

    pango_cairo_context_set_resolution (context, 300);
    pages_300 = sonae_document_paginate (doc, context, w, h);
    pango_cairo_context_set_resolution (context, 96);
    pages_96 = sonae_document_paginate (doc, context, w, h);
    g_object_unref (context);
  }
  g_assert_cmpuint (pages_72, >=, 1);
  g_assert_cmpuint (pages_300, ==, pages_72);
  g_assert_cmpuint (pages_96, ==, pages_72);
}

/* The names in @dir other than @keep, newly allocated, sorted. */
static char *
other_entries (const char *dir,
               const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (entry, keep) != 0)
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_print_write_error (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (f->store, "roster", SONAE_PAPER_A4, &error);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "roster.pdf", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *target = g_build_filename (out, "keep.pdf", NULL);
  g_autofree char *folder = g_build_filename (out, "folder.pdf", NULL);
  g_autofree char *others = NULL;

  g_assert_no_error (error);
  g_assert_false (sonae_document_write_pdf (doc, missing, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "roster.pdf"));
  g_clear_error (&error);

  /* Written twice over the same file: the second replaces the first and
   * leaves no temporary file behind. */
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (sonae_document_write_pdf (doc, target, &error));
  g_assert_true (sonae_document_write_pdf (doc, target, &error));
  g_assert_no_error (error);
  others = other_entries (out, "keep.pdf");
  g_assert_cmpstr (others, ==, "");
  g_clear_pointer (&others, g_free);

  /* A failure after the whole PDF was written (here the rename over a
   * folder of that name, a failure root gets too): the temporary file
   * goes with it. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (sonae_document_write_pdf (doc, folder, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder.pdf"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  others = other_entries (out, "keep.pdf");
  g_assert_cmpstr (others, ==, "folder.pdf");
}

/* The mode of @path, permission bits only. */
static mode_t
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* A PDF holds names, phone numbers and incidents: only its owner may read
 * it, whatever the umask, also when it replaces a file anyone could read. */
static void
test_print_private_file (Fixture       *f,
                         gconstpointer  data)
{
  const mode_t umasks[] = { 0, 022, 0277 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (f->store, "roster", SONAE_PAPER_A4, &error);
  g_autofree char *old = g_build_filename (f->dir, "old.pdf", NULL);
  mode_t saved = umask (022);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (umasks); i++)
    {
      g_autofree char *name = g_strdup_printf ("umask-%03o.pdf", (guint) umasks[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      gboolean written;

      umask (umasks[i]);
      written = sonae_document_write_pdf (doc, path, &error);
      umask (022);
      g_assert_no_error (error);
      g_assert_true (written);
      g_assert_cmpint (file_mode (path), ==, 0600);
    }

  umask (0);
  g_assert_true (g_file_set_contents (old, "an earlier roster", -1, NULL));
  g_assert_cmpint (g_chmod (old, 0666), ==, 0);
  g_assert_true (sonae_document_write_pdf (doc, old, &error));
  umask (saved);
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (old), ==, 0600);
}

/* A disk that fills up while the PDF is written: the sentence that says
 * so, the earlier file as it was, no temporary file left. The full disk is
 * a real one: a small tmpfs, mounted in a mount namespace of the test's
 * own (which root can make; CI runs as root). */
static void
test_print_disk_full (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (f->store, "roster", SONAE_PAPER_A4, &error);
  g_autofree char *small = g_build_filename (f->dir, "small", NULL);
  g_autofree char *target = g_build_filename (small, "roster.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *others = NULL;

  g_assert_no_error (error);
  if (geteuid () != 0)
    {
      g_test_skip ("Making a full disk needs root (a mount namespace and a tmpfs)");
      return;
    }
  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *why = g_strdup_printf ("No mount namespace: %s", g_strerror (errno));

      g_test_skip (why);
      return;
    }
  /* Mounts of this namespace stay in it. */
  g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
  g_assert_cmpint (g_mkdir (small, 0700), ==, 0);
  g_assert_cmpint (mount ("tmpfs", small, "tmpfs", MS_NOSUID | MS_NODEV, "size=16k,mode=0700"), ==, 0);

  g_assert_true (g_file_set_contents (target, "an earlier roster", -1, NULL));
  g_assert_false (sonae_document_write_pdf (doc, target, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, sonae_error_disk_full_sentence ()));
  g_assert_nonnull (strstr (error->message, "roster.pdf"));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an earlier roster");
  others = other_entries (small, "roster.pdf");
  g_assert_cmpstr (others, ==, "");

  g_assert_cmpint (umount (small), ==, 0);
}

#define N_TALL 6000
#define TALL_LABEL "夜間直通"

/* How many times @needle is in @haystack, without overlaps. */
static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;
  size_t length = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + length, needle))
    n++;
  return n;
}

/* One contact with thousands of phone numbers is one table row taller
 * than many pages: every number is printed, once, in order, under the
 * header repeated on each page. Laying that row out took a time growing
 * with the cube of the numbers (3,000 took a minute and a half, 6,000
 * longer than this test's timeout); now it grows with them. */
static void
test_print_tall_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_build_filename (dir, "roster.pdf", NULL);
  g_autoptr(SonaeContact) c = sonae_contact_new ();
  g_autoptr(SonaeDocument) doc = NULL;
  g_auto(SonaeTestPdf) pdf = { 0 };
  gssize at;
  guint pages_with_numbers = 0;

  c->group = SONAE_GROUP_VENDOR;
  sonae_contact_set_string (&c->name, "番号の多い取引先");
  sonae_contact_set_string (&c->reading, "ばんごうのおおいとりひきさき");
  for (guint i = 0; i < N_TALL; i++)
    {
      g_autofree char *number = g_strdup_printf ("03-%04u-%04u", 2000 + i, i);

      sonae_contact_add_phone (c, TALL_LABEL, number);
    }
  g_assert_true (sonae_contacts_save (store, c, &error));
  g_assert_no_error (error);

  doc = sonae_documents_build (store, "roster", SONAE_PAPER_A4, &error);
  g_assert_no_error (error);
  sonae_test_pdf_write_and_read (doc, path, &pdf);

  /* About sixty numbers a page. */
  g_assert_cmpuint (pdf.n_pages, >, N_TALL / 80);
  g_assert_cmpuint (count_of (pdf.all, "番号の多い取引先"), ==, 1);
  /* Every number in order, each with its label: neither lost at the foot
   * of a page nor shown again at the top of the next. */
  at = sonae_test_offset_of (pdf.all, "番号の多い取引先", 0);
  for (guint i = 0; i < N_TALL; i++)
    {
      g_autofree char *line = g_strdup_printf ("03-%04u-%04u" TALL_LABEL, 2000 + i, i);

      at = sonae_test_offset_of (pdf.all, line, at);
    }
  g_assert_cmpuint (count_of (pdf.all, TALL_LABEL), ==, N_TALL);
  for (guint i = 0; i < pdf.n_pages; i++)
    {
      if (strstr (pdf.pages[i], TALL_LABEL) == NULL)
        continue;
      pages_with_numbers++;
      sonae_test_assert_contains (pdf.pages[i], "Phone");
      sonae_test_assert_contains (pdf.pages[i], "E-mail and details");
    }
  g_assert_cmpuint (pages_with_numbers, >, N_TALL / 80);

  sonae_test_remove_dir (dir);
}

/* The blocks later documents need: long text across pages, groups kept
 * together, page breaks, check boxes and write-in lines. */
static void
test_print_blocks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "blocks.pdf", NULL);
  g_autoptr(GDateTime) when = sonae_clock_now ();
  g_autoptr(SonaeDocument) doc = sonae_document_new_blank ("test", "Blocks", SONAE_PAPER_A4, ORG_NAME, when);
  GString *long_text = g_string_new (NULL);
  Pdf pdf = { 0 };
  gssize at;

  /* About five pages of Japanese without a single space. */
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (long_text, "第%u文は日本語の長い段落です。", i);

  sonae_document_add_title (doc, "Blocks", "Subtitle");
  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, long_text->str);
  sonae_document_add_page_break (doc);
  sonae_document_add_heading (doc, "2", "After the break");
  sonae_document_add_key_value (doc, "Key one", "Value one");
  sonae_document_add_key_value (doc, "Key two", "Value two");
  sonae_document_add_check_item (doc, "Unplug the network cable");
  sonae_document_add_write_in (doc, "Who noticed it", 2);
  sonae_document_add_paragraph (doc, SONAE_STYLE_WARNING | SONAE_STYLE_BOLD, "Do not switch it off");
  sonae_document_add_spacer (doc, 600);
  /* This group does not fit after the spacer: it moves whole to a new page. */
  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "3", "Kept together");
  for (guint i = 0; i < 8; i++)
    sonae_document_add_paragraph (doc, SONAE_STYLE_LARGE, "A line of the group");
  sonae_document_add_paragraph (doc, SONAE_STYLE_POSTER, "End of group");
  sonae_document_end_group (doc);
  sonae_document_add_page_break (doc);

  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  pdf_read (&pdf, path);

  assert_every_page_framed (&pdf);
  g_assert_cmpuint (pdf.n_pages, >=, 5);
  /* All of the long paragraph, in order, over several pages: the text of
   * the pages without their headers and footers, joined. */
  {
    GString *body = g_string_new (NULL);
    g_autofree char *joined = NULL;

    for (guint i = 0; i < pdf.n_pages; i++)
      {
        g_autofree char *footer = g_strdup_printf ("Page%uof%u", i + 1, pdf.n_pages);
        const char *frame[] = { ORG_NAME, "Blocks", "Printed2026-12-0109:00", footer };
        GString *text = g_string_new (pdf.pages[i]);

        for (guint k = 0; k < G_N_ELEMENTS (frame); k++)
          {
            const char *found = strstr (text->str, frame[k]);

            g_assert_nonnull (found);
            g_string_erase (text, found - text->str, strlen (frame[k]));
          }
        g_string_append (body, text->str);
        g_string_free (text, TRUE);
      }
    joined = g_string_free (body, FALSE);
    at = 0;
    for (guint i = 0; i < 600; i++)
      {
        g_autofree char *sentence = g_strdup_printf ("第%u文は日本語の長い段落です。", i);

        at = offset_of (joined, sentence, at);
      }
  }
  /* The page break: the heading starts a page. */
  for (guint i = 0; i < pdf.n_pages; i++)
    if (strstr (pdf.pages[i], "Afterthebreak"))
      {
        g_assert_null (strstr (pdf.pages[i], "段落"));
        assert_contains (pdf.pages[i], "Key one");
        assert_contains (pdf.pages[i], "Value two");
        assert_contains (pdf.pages[i], "Unplug the network cable");
        assert_contains (pdf.pages[i], "Who noticed it");
        assert_contains (pdf.pages[i], "Do not switch it off");
        g_assert_null (strstr (pdf.pages[i], "Kepttogether"));
      }
  /* The group on one page, which is the last one (the final break adds none). */
  assert_contains (pdf.pages[pdf.n_pages - 1], "Kept together");
  assert_contains (pdf.pages[pdf.n_pages - 1], "End of group");
  assert_contains (pdf.pages[pdf.n_pages - 1], "Blocks");

  pdf_clear (&pdf);
  g_string_free (long_text, TRUE);
  sonae_test_remove_dir (dir);
}

/* Tagged for screen readers, as far as cairo 1.16 writes it: a structure
 * tree (StructTreeRoot, the document marked as tagged) with the headings
 * and the text in reading order, a table's rows and cells (a long table
 * is one Table a page); the page header and footer outside it. */
static void
test_print_tagged (Fixture       *f,
                   gconstpointer  data)
{
  static const double widths[] = { 1, 2 };
  const char *header[] = { "Name", "Phone" };
  const char *row1[] = { "Tanaka", "090-0000-0001" };
  const char *row2[] = { "Sato", "090-0000-0002" };
  const char *const options[] = { "Yes", "No", NULL };
  g_autoptr(SonaeDocument) doc = sonae_document_new_blank ("tagged", "Tagged", SONAE_PAPER_A4, "Org", NULL);
  g_autofree char *path = g_build_filename (f->dir, "tagged.pdf", NULL);
  g_autofree char *kinds = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  sonae_document_add_title (doc, "The title", NULL);
  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, "First paragraph.");
  sonae_document_add_heading (doc, "1", "A heading");
  sonae_document_add_table (doc, 2, widths, header);
  sonae_document_add_row (doc, row1);
  sonae_document_add_row (doc, row2);
  sonae_document_add_check_box (doc, FALSE, "A step", NULL, NULL);
  sonae_document_add_options (doc, "Choose", options);
  sonae_document_add_table (doc, 2, widths, header);
  for (guint i = 0; i < 500; i++)
    sonae_document_add_row (doc, row1);
  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, "Last paragraph.");
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_nonnull (memmem (bytes, length, "/StructTreeRoot", strlen ("/StructTreeRoot")));
  g_assert_nonnull (memmem (bytes, length, "/MarkInfo << /Marked true >>", strlen ("/MarkInfo << /Marked true >>")));

  kinds = sonae_test_pdf_structure (path, POPPLER_STRUCTURE_ELEMENT_HEADING_2, &heading);
  g_test_message ("%s", kinds);
  /* The document: its title, a paragraph, a heading, the table (its header
   * row of TH, then rows of TD), the check box and the options, then the
   * long table a Table on each page, and the last paragraph. */
  g_assert_true (g_str_has_prefix (kinds, "D(1P2T(r(hh)r(dd)r(dd))PPT"));
  g_assert_true (g_str_has_suffix (kinds, "TP)"));
  g_assert_null (strchr (kinds + strlen ("D(1P2T(r(hh)r(dd)r(dd))PP"), 'r'));
  g_assert_nonnull (heading);
  g_assert_nonnull (strstr (heading, "A heading"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SONAE_NOW", "2026-12-01T09:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/names", test_print_names);
  g_test_add_func ("/print/file-names", test_print_file_names);
  g_test_add ("/print/roster", Fixture, NULL, fixture_set_up, test_print_roster, fixture_tear_down);
  g_test_add ("/print/calltree", Fixture, NULL, fixture_set_up, test_print_calltree, fixture_tear_down);
  g_test_add_func ("/print/many", test_print_many);
  g_test_add ("/print/a3", Fixture, NULL, fixture_set_up, test_print_a3, fixture_tear_down);
  g_test_add ("/print/fonts", Fixture, NULL, fixture_set_up, test_print_fonts, fixture_tear_down);
  g_test_add ("/print/outline", Fixture, NULL, fixture_set_up, test_print_outline, fixture_tear_down);
  g_test_add ("/print/contexts", Fixture, NULL, fixture_set_up, test_print_contexts, fixture_tear_down);
  g_test_add ("/print/write-error", Fixture, NULL, fixture_set_up, test_print_write_error, fixture_tear_down);
  g_test_add ("/print/private-file", Fixture, NULL, fixture_set_up, test_print_private_file, fixture_tear_down);
  g_test_add ("/print/disk-full", Fixture, NULL, fixture_set_up, test_print_disk_full, fixture_tear_down);
  g_test_add_func ("/print/blocks", test_print_blocks);
  g_test_add_func ("/print/tall-row", test_print_tall_row);
  g_test_add ("/print/tagged", Fixture, NULL, fixture_set_up, test_print_tagged, fixture_tear_down);

  return g_test_run ();
}
