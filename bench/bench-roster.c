/* bench-roster: how Sonae copes with a roster of 10,000 contacts, and with
 * one contact that has thousands of phone numbers (a row taller than many
 * pages). Prints figures; it is not a test and asserts nothing about time.
 *
 *   bench-roster [N_CONTACTS [N_PHONES,N_PHONES,...]]
 *
 * The defaults are 10000 contacts and 1000,2500,10000 phone numbers; the
 * time per thousand numbers stays about the same when printing grows
 * linearly with them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sonae-contacts.h"
#include "sonae-document.h"
#include "sonae-documents.h"
#include "sonae-store.h"

static const char *family[] = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤" };
static const char *family_kana[] = { "さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "やまもと", "なかむら", "こばやし", "かとう" };
static const char *given[] = { "太郎", "花子", "一郎", "美咲", "健一", "由美", "翔太", "恵子", "大輔", "舞" };
static const char *given_kana[] = { "たろう", "はなこ", "いちろう", "みさき", "けんいち", "ゆみ", "しょうた", "けいこ", "だいすけ", "まい" };

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_dir (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", dir);
}

/* The roster PDF of one contact with @n_phones phone numbers; returns the
 * milliseconds it took to build and write. */
static double
time_one_tall_contact (guint n_phones)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sonae-bench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "roster.pdf", NULL);
  g_autoptr(SonaeStore) store = sonae_store_open (dir, &error);
  g_autoptr(SonaeContact) c = sonae_contact_new ();
  g_autoptr(SonaeDocument) doc = NULL;
  gint64 start;
  double ms;

  if (store == NULL)
    g_error ("%s", error->message);
  c->group = SONAE_GROUP_VENDOR;
  c->name = g_strdup ("代表番号の多い取引先");
  c->reading = g_strdup ("だいひょうばんごうのおおいとりひきさき");
  for (guint i = 0; i < n_phones; i++)
    {
      g_autofree char *number = g_strdup_printf ("03-%04u-%04u", i / 10000, i % 10000);

      sonae_contact_add_phone (c, i % 3 == 0 ? "mobile" : "work", number);
    }
  if (!sonae_contacts_save (store, c, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  doc = sonae_documents_build (store, "roster", SONAE_PAPER_A4, &error);
  if (doc == NULL || !sonae_document_write_pdf (doc, pdf, &error))
    g_error ("%s", error->message);
  ms = ms_since (start);

  g_clear_pointer (&doc, sonae_document_free);
  g_clear_object (&store);
  remove_dir (dir);
  return ms;
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_auto(GStrv) phone_counts = g_strsplit (argc > 2 ? argv[2] : "1000,2500,10000", ",", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sonae-bench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "roster.pdf", NULL);
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *query = "やまもと けい";
  gint64 start;
  double total = 0, worst = 0;
  glong n_chars;

  /* As Sonae's main() does. */
  sonae_document_keep_heap ();
  store = sonae_store_open (dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  sonae_store_begin (store, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();
      c->group = i % 10 == 0 ? SONAE_GROUP_VENDOR : SONAE_GROUP_STAFF;
      c->name = g_strdup_printf ("%s %s %u", family[i % 10], given[(i / 10) % 10], i);
      c->reading = g_strdup_printf ("%s %s", family_kana[i % 10], given_kana[(i / 10) % 10]);
      c->organization = g_strdup ("ベンチマーク病院");
      sonae_contact_add_phone (c, "mobile", "090-1234-5678");
      sonae_contact_add_email (c, "work", "bench@example.jp");
      if (!sonae_contacts_save (store, c, &error))
        g_error ("%s", error->message);
    }
  sonae_store_commit (store, NULL);
  printf ("insert %u contacts (one transaction): %.1f ms\n", n, ms_since (start));
  g_clear_object (&store);

  start = g_get_monotonic_time ();
  store = sonae_store_open (dir, &error);
  printf ("open the database (integrity check, migrations): %.1f ms\n", ms_since (start));

  start = g_get_monotonic_time ();
  list = sonae_contacts_list (store, -1, &error);
  printf ("load the whole roster (%u contacts): %.1f ms\n", list->len, ms_since (start));
  /* As the Contacts section does when idle, once the list shows. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < list->len; i++)
    sonae_contact_prepare_search (g_ptr_array_index (list, i));
  printf ("prepare the search (idle, after the list shows): %.1f ms\n", ms_since (start));

  n_chars = g_utf8_strlen (query, -1);
  for (glong k = 1; k <= n_chars; k++)
    {
      g_autofree char *prefix = g_utf8_substring (query, 0, k);
      g_autoptr(SonaeContactQuery) q = NULL;
      guint hits = 0;
      double ms;

      /* As the Contacts section and the contact chooser filter: the query
       * folded once a keystroke, every contact compared with it. */
      start = g_get_monotonic_time ();
      q = sonae_contact_query_new (prefix);
      for (guint i = 0; i < list->len; i++)
        if (sonae_contact_query_matches (q, g_ptr_array_index (list, i)))
          hits++;
      ms = ms_since (start);
      total += ms;
      worst = MAX (worst, ms);
      printf ("  search keystroke %-14s %5u hits  %.1f ms\n", prefix, hits, ms);
    }
  printf ("search per keystroke: mean %.1f ms, worst %.1f ms\n", total / n_chars, worst);
  printf ("  worst keystroke at %u contacts ≤ 16 ms: %s (%.1f ms)\n", list->len, worst <= 16.0 ? "met" : "NOT met", worst);

  {
    g_autoptr(SonaeDocument) doc = NULL;
    double ms;

    start = g_get_monotonic_time ();
    doc = sonae_documents_build (store, "roster", SONAE_PAPER_A4, &error);
    if (doc == NULL || !sonae_document_write_pdf (doc, pdf, &error))
      g_error ("%s", error->message);
    ms = ms_since (start);

    printf ("export the roster PDF: %.1f ms\n", ms);
    /* The big folder's roster, checked against a yardstick, is in
     * bench-reminders; this one has a third in hand. */
    printf ("  roster of %u contacts ≤ 2 s: %s (%.2f s)\n", list->len, ms <= 2000 ? "met" : "NOT met", ms / 1000);
  }

  g_clear_object (&store);
  remove_dir (dir);

  /* One contact, many numbers: one table row over many pages. */
  for (guint i = 0; phone_counts[i] != NULL; i++)
    {
      guint n_phones = (guint) g_ascii_strtoull (phone_counts[i], NULL, 10);
      double ms;

      if (n_phones == 0)
        continue;
      ms = time_one_tall_contact (n_phones);
      printf ("export the roster PDF of one contact with %u numbers: %.1f ms (%.1f ms per 1,000 numbers)\n",
              n_phones, ms, ms * 1000.0 / n_phones);
    }
  return 0;
}
