/* test-import.c: planning and applying an import, exporting, round trips */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-import.h"
#include "sonae-test-util.h"

/* Everything the database holds about contacts and roles, as text. */
static char *
snapshot (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sonae_contacts_list (store, -1, &error);
  GString *out = g_string_new (NULL);
  const SonaeRoleInfo *roles;
  guint n_roles;

  g_assert_no_error (error);
  g_string_append_printf (out, "count=%u\n", sonae_contacts_count (store));
  for (guint i = 0; i < list->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (list, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%d|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%s\n",
                              c->id, c->group, c->name, c->reading, c->organization, c->department,
                              c->title, c->system, c->contract, c->address, c->url, c->notes,
                              c->verified_on, c->needs_check, c->builtin_key);
      for (guint j = 0; j < c->phones->len; j++)
        {
          SonaeLabeled *l = g_ptr_array_index (c->phones, j);
          g_string_append_printf (out, "  tel %s %s\n", l->label, l->value);
        }
      for (guint j = 0; j < c->emails->len; j++)
        {
          SonaeLabeled *l = g_ptr_array_index (c->emails, j);
          g_string_append_printf (out, "  mail %s %s\n", l->label, l->value);
        }
    }
  roles = sonae_roles_get_builtin (&n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, roles[i].key, &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "role %s:", roles[i].key);
      for (guint j = 0; j < holders->len; j++)
        g_string_append_printf (out, " %s", ((SonaeContact *) g_ptr_array_index (holders, j))->name);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static SonaeContact *
new_contact (SonaeGroup  group,
             const char *name,
             const char *reading)
{
  SonaeContact *c = sonae_contact_new ();

  c->group = group;
  c->name = g_strdup (name);
  c->reading = g_strdup (reading);
  return c;
}

static gint64
save (SonaeStore   *store,
      SonaeContact *c)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_contacts_save (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static void
set_holders (SonaeStore *store,
             const char *role,
             gint64      a,
             gint64      b,
             gint64      c)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { a, b, c };
  guint n = c ? 3 : b ? 2 : 1;

  g_assert_true (sonae_contacts_set_role_holders (store, role, ids, n, &error));
  g_assert_no_error (error);
}

/* A lived-in roster: groups, Japanese names, several phones and e-mails,
 * roles with deputies, verified dates, text that needs escaping. */
static void
fill_roster (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) director = new_contact (SONAE_GROUP_STAFF, "佐藤 一郎", "さとう いちろう");
  g_autoptr(SonaeContact) manager = new_contact (SONAE_GROUP_STAFF, "鈴木 花子", "すずき はなこ");
  g_autoptr(SonaeContact) nurse = new_contact (SONAE_GROUP_STAFF, "高橋 美咲", "たかはし みさき");
  g_autoptr(SonaeContact) vendor = new_contact (SONAE_GROUP_VENDOR, "田中 健", "たなか けん");
  g_autoptr(SonaeContact) vendor2 = new_contact (SONAE_GROUP_VENDOR, "ネットワーク保守窓口", NULL);
  g_autoptr(SonaeContact) english = new_contact (SONAE_GROUP_STAFF, "Jane Q. Public", NULL);
  g_autoptr(GPtrArray) all = NULL;
  gint64 authority_id = 0;

  director->organization = g_strdup ("さくら内科クリニック");
  director->title = g_strdup ("院長");
  sonae_contact_add_phone (director, "mobile", "090-1111-2222");
  sonae_contact_add_phone (director, "home", "03-3333-4444");
  sonae_contact_add_phone (director, "夜間・休日", "+81-80-5555-6666");
  sonae_contact_add_email (director, "work", "sato@sakura.example.jp");
  sonae_contact_add_email (director, NULL, "ichiro.sato@example.com");
  director->verified_on = g_strdup ("2026-04-01");
  director->address = g_strdup ("〒100-0001\n東京都千代田区千代田1-1, さくらビル; 2階");
  director->notes = g_strdup ("携帯が通じないときは自宅へ。\n\"緊急\" の場合は、; \\ も気にせず =SUM(A1) 電話");
  save (store, director);

  manager->department = g_strdup ("事務");
  manager->title = g_strdup ("事務長");
  sonae_contact_add_phone (manager, "work", "03-1234-5678");
  sonae_contact_add_phone (manager, "fax", "03-1234-5679");
  sonae_contact_add_email (manager, "other", "suzuki@sakura.example.jp");
  manager->verified_on = g_strdup ("2025-10-31");
  save (store, manager);

  sonae_contact_add_phone (nurse, "main", "03-1234-0000");
  save (store, nurse);

  vendor->organization = g_strdup ("株式会社カルテシステムズ");
  vendor->department = g_strdup ("サポートセンター");
  vendor->system = g_strdup ("電子カルテ (MedicalRecord 5)");
  vendor->contract = g_strdup ("契約 No. 12345-AB");
  vendor->hours = g_strdup ("平日 9:00〜18:00, 土曜 9:00〜12:00");
  vendor->url = g_strdup ("https://support.example.jp/karte?a=1&b=2");
  sonae_contact_add_phone (vendor, "work", "0120-123-456");
  sonae_contact_add_phone (vendor, "mobile", "070-9999-8888");
  sonae_contact_add_email (vendor, "work", "support@karte.example.jp");
  vendor->verified_on = g_strdup ("2026-03-15");
  save (store, vendor);

  vendor2->organization = g_strdup ("ネットワーク保守株式会社");
  vendor2->system = g_strdup ("院内LAN・UTM");
  sonae_contact_add_phone (vendor2, NULL, "050-0000-1111");
  save (store, vendor2);

  english->organization = g_strdup ("Public, Inc.");
  sonae_contact_add_email (english, "home", "jane@public.example");
  english->notes = g_strdup ("Robert'); DROP TABLE contacts;--");
  save (store, english);

  /* roles with deputies */
  set_holders (store, SONAE_ROLE_TOP, director->id, 0, 0);
  set_holders (store, SONAE_ROLE_LEAD, manager->id, director->id, nurse->id);
  set_holders (store, SONAE_ROLE_FIRST, nurse->id, manager->id, 0);
  set_holders (store, SONAE_ROLE_SYSADMIN, vendor->id, vendor2->id, 0);

  /* a bundled authority, confirmed by a person */
  all = sonae_contacts_list (store, SONAE_GROUP_AUTHORITY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (all, i);
      if (g_strcmp0 (c->builtin_key, "police-consult") == 0)
        authority_id = c->id;
    }
  g_assert_cmpint (authority_id, !=, 0);
  g_assert_true (sonae_contacts_mark_verified (store, authority_id, "2026-05-01", &error));
  g_assert_no_error (error);
}

static void
assert_same_roster (SonaeStore *a,
                    SonaeStore *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) la = sonae_contacts_list (a, -1, &error);
  g_autoptr(GPtrArray) lb = sonae_contacts_list (b, -1, &error);
  const SonaeRoleInfo *roles;
  guint n_roles;

  g_assert_no_error (error);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      SonaeContact *ca = g_ptr_array_index (la, i);
      SonaeContact *cb = g_ptr_array_index (lb, i);

      if (!sonae_contact_equal (ca, cb))
        g_error ("contact %u differs: %s / %s", i, ca->name, cb->name);
      g_assert_cmpstr (ca->builtin_key, ==, cb->builtin_key);
      g_assert_cmpint (ca->needs_check, ==, cb->needs_check);
    }

  roles = sonae_roles_get_builtin (&n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(GPtrArray) ha = sonae_contacts_get_role_holders (a, roles[i].key, &error);
      g_autoptr(GPtrArray) hb = sonae_contacts_get_role_holders (b, roles[i].key, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (ha->len, ==, hb->len);
      for (guint j = 0; j < ha->len; j++)
        g_assert_cmpstr (((SonaeContact *) ha->pdata[j])->name, ==, ((SonaeContact *) hb->pdata[j])->name);
    }
}

static void
check_vcard_file (const char *path)
{
  g_autofree char *text = NULL;
  gsize len;
  const char *p;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_true (g_utf8_validate (text, len, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\n"));
  /* CR LF only, lines of at most 75 octets, each a whole UTF-8 text */
  p = text;
  while (*p)
    {
      const char *eol = strstr (p, "\r\n");

      g_assert_nonnull (eol);
      g_assert_cmpuint (eol - p, <=, 75);
      g_assert_null (memchr (p, '\n', eol - p));
      g_assert_true (g_utf8_validate (p, eol - p, NULL));
      p = eol + 2;
    }
}

static void
round_trip (SonaeContactsFormat format,
            const char         *file_name)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr(SonaeStore) a = sonae_test_open_store (&dir_a);
  g_autoptr(SonaeStore) b = sonae_test_open_store (&dir_b);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(SonaeImport) again = NULL;
  g_autofree char *before_again = NULL;
  g_autofree char *after_again = NULL;
  guint n_authorities;
  GStatBuf st;

  fill_roster (a);
  n_authorities = sonae_contacts_count (b);
  g_assert_cmpuint (n_authorities, >, 0);

  path = g_build_filename (dir_a, file_name, NULL);
  g_assert_true (sonae_export_contacts (a, path, format, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  if (format == SONAE_CONTACTS_CSV)
    {
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Name,"));
      g_assert_nonnull (strstr (text, "\r\n"));
    }
  else
    check_vcard_file (path);

  /* The new store already holds the bundled authorities: they match. */
  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_plan (import, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_ADD), ==, 6);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_MERGE), ==, 1);  /* the confirmed authority */
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_SKIP), ==, n_authorities - 1);
  g_assert_true (sonae_import_apply (import, b, &error));
  g_assert_no_error (error);

  assert_same_roster (a, b);

  /* Importing it once more changes nothing. */
  before_again = snapshot (b);
  again = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_apply (again, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_import_count (again, SONAE_IMPORT_SKIP), ==, 6 + n_authorities);
  after_again = snapshot (b);
  g_assert_cmpstr (before_again, ==, after_again);

  g_clear_object (&a);
  g_clear_object (&b);
  sonae_test_remove_dir (dir_a);
  sonae_test_remove_dir (dir_b);
}

static void
test_round_trip_vcard4 (void)
{
  round_trip (SONAE_CONTACTS_VCARD4, "roster.vcf");
}

static void
test_round_trip_vcard3 (void)
{
  round_trip (SONAE_CONTACTS_VCARD3, "roster-v3.vcf");
}

static void
test_round_trip_csv (void)
{
  round_trip (SONAE_CONTACTS_CSV, "roster.csv");
}

static SonaeImport *
import_text (const char *text,
             const char *hint)
{
  g_autoptr(GError) error = NULL;
  SonaeImport *import = sonae_import_new_from_data (text, strlen (text), hint, SONAE_GROUP_STAFF, &error);

  g_assert_no_error (error);
  return import;
}

static SonaeImportEntry *
entry_at (SonaeImport *import,
          guint        i)
{
  return g_ptr_array_index (sonae_import_get_entries (import), i);
}

static void
test_plan_and_merge (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeContact) yamada = new_contact (SONAE_GROUP_STAFF, "山田 太郎", NULL);
  g_autoptr(SonaeContact) suzuki = new_contact (SONAE_GROUP_STAFF, "鈴木 花子", "すずき はなこ");
  g_autoptr(SonaeContact) merged = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint before;

  yamada->organization = g_strdup ("さくら内科");
  sonae_contact_add_phone (yamada, "mobile", "090-1111-2222");
  save (store, yamada);
  sonae_contact_add_phone (suzuki, "work", "03-0000-0000");
  save (store, suzuki);
  before = sonae_contacts_count (store);

  import = import_text (
    "氏名,ふりがな,会社名,携帯電話,メールアドレス,区分\n"
    /* the same person: full-width space, other organisation, a new e-mail */
    "山田　太郎,やまだ たろう,別の会社,090 1111 2222,yamada@example.jp,\n"
    /* the same, nothing new */
    "鈴木花子,,,,,\n"
    /* new, twice in the file with a shared number */
    "新人 一郎,しんじん いちろう,,080-0000-1111,a@example.jp,\n"
    "新人 一郎,,,080-0000-1111,b@example.jp,\n"
    /* same name as a roster entry but in another group, nothing shared: another person */
    "鈴木 花子,,,,,委託先\n", "list.csv");

  g_assert_true (sonae_import_plan (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry_at (import, 0)->action, ==, SONAE_IMPORT_MERGE);
  g_assert_cmpint (entry_at (import, 0)->existing_id, ==, yamada->id);
  g_assert_cmpint (entry_at (import, 1)->action, ==, SONAE_IMPORT_SKIP);
  g_assert_cmpint (entry_at (import, 1)->existing_id, ==, suzuki->id);
  g_assert_cmpint (entry_at (import, 2)->action, ==, SONAE_IMPORT_ADD);
  g_assert_cmpint (entry_at (import, 3)->action, ==, SONAE_IMPORT_MERGE);
  g_assert_cmpint (entry_at (import, 3)->existing_id, ==, 0);
  g_assert_cmpint (entry_at (import, 4)->action, ==, SONAE_IMPORT_ADD);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_ADD), ==, 2);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_MERGE), ==, 2);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_SKIP), ==, 1);
  /* planning writes nothing */
  g_assert_cmpuint (sonae_contacts_count (store), ==, before);

  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before + 2);

  merged = sonae_contacts_get (store, yamada->id, &error);
  g_assert_no_error (error);
  /* merge adds, never overwrites */
  g_assert_cmpstr (merged->organization, ==, "さくら内科");
  g_assert_cmpstr (merged->reading, ==, "やまだ たろう");
  g_assert_cmpuint (merged->phones->len, ==, 1);
  g_assert_cmpstr (sonae_contact_get_first_email (merged), ==, "yamada@example.jp");

  list = sonae_contacts_list (store, SONAE_GROUP_STAFF, &error);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (list, i);
      if (g_str_equal (c->name, "新人 一郎"))
        {
          g_assert_cmpuint (c->phones->len, ==, 1);
          g_assert_cmpuint (c->emails->len, ==, 2);
        }
    }
  g_ptr_array_unref (list);
  list = sonae_contacts_list (store, SONAE_GROUP_VENDOR, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_set_group (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeImport) import = import_text ("BEGIN:VCARD\nVERSION:3.0\nFN:保守窓口\nEND:VCARD\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vendors = NULL;

  g_assert_cmpstr (sonae_import_get_format (import), ==, "vCard 3.0");
  sonae_import_set_group (import, SONAE_GROUP_VENDOR);
  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  vendors = sonae_contacts_list (store, SONAE_GROUP_VENDOR, &error);
  g_assert_cmpuint (vendors->len, ==, 1);
  g_assert_cmpstr (((SonaeContact *) vendors->pdata[0])->name, ==, "保守窓口");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_roles_from_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  gint64 existing = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "院長 先生", "いんちょう", "03-0000-0001");

  g_assert_true (sonae_contacts_add_role_holder (store, SONAE_ROLE_LEAD, existing, &error));
  import = import_text ("氏名,役割\n"
                        "第二 代理,lead:3\n"
                        "第一 代理,対応責任者:2; first\n", "roles.csv");
  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);

  /* the holders already there stay first; the file's follow in its order */
  holders = sonae_contacts_get_role_holders (store, SONAE_ROLE_LEAD, &error);
  g_assert_cmpuint (holders->len, ==, 3);
  g_assert_cmpstr (((SonaeContact *) holders->pdata[0])->name, ==, "院長 先生");
  g_assert_cmpstr (((SonaeContact *) holders->pdata[1])->name, ==, "第一 代理");
  g_assert_cmpstr (((SonaeContact *) holders->pdata[2])->name, ==, "第二 代理");
  g_ptr_array_unref (holders);
  holders = sonae_contacts_get_role_holders (store, SONAE_ROLE_FIRST, &error);
  g_assert_cmpuint (holders->len, ==, 1);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A failure in the middle of the writing undoes everything. */
static void
test_failure_rolls_back (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *msg = NULL;
  guint count;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "既存 太郎", NULL, "03-0000-0001");
  count = sonae_contacts_count (store);
  before = snapshot (store);
  /* the second of three saves fails inside sqlite */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "CREATE TEMP TRIGGER fail_second BEFORE INSERT ON contacts "
                                 "WHEN NEW.name = '二番 目' BEGIN SELECT RAISE(ABORT, 'disk says no'); END;",
                                 NULL, NULL, &msg), ==, SQLITE_OK);
  import = import_text ("氏名,電話番号,役割,メールアドレス\n"
                        "一番 目,03-1111-1111,lead:1,\n"
                        "二番 目,03-2222-2222,lead:2,\n"
                        "三番 目,03-3333-3333,,\n"
                        "既存 太郎,03-0000-0001,,new@example.jp\n", "x.csv");
  g_assert_false (sonae_import_apply (import, store, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line 3"));
  after = snapshot (store);
  g_assert_cmpstr (before, ==, after);

  /* the store still works */
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store), "DROP TRIGGER fail_second", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_contacts_count (store), ==, count + 3);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Malformed files are refused and change nothing. */
static void
test_malformed_changes_nothing (void)
{
  static const struct { const char *text; gsize len; int code; } bad[] = {
    { "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut short\r\n", 0, SONAE_ERROR_PARSE },
    { "BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", 0, SONAE_ERROR_PARSE },
    { "BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n", 0, SONAE_ERROR_PARSE },
    { "BEGIN:VCARD\nVERSION:2.1\nN:A;B;;;\nADR:;;street\\\nmore", 0, SONAE_ERROR_PARSE },
    { "BEGIN:VCARD\nX-AIM:a\nEND:VCARD\nBEGIN:VCARD\nFN;CHARSET=UTF-8:\xff\nEND:VCARD\n", 0, SONAE_ERROR_ENCODING },
    { "BEGIN:VCARD\nVERSION:4.0\nN;SORT-AS=\xe3:a;;;;\nEND:VCARD\n", 0, SONAE_ERROR_ENCODING },
    { "BEGIN:VCARD\nIMPP:xmpp:a@chat.example\nEND:VCARD\n", 0, SONAE_ERROR_PARSE },
    { "氏名,誕生日\n,2000/1/1\n", 0, SONAE_ERROR_PARSE },
    { "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:=G1\nEND:VCARD\n", 0, SONAE_ERROR_PARSE },
    { "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=SHIFT_JIS:\xff\xff\nEND:VCARD\n", 0, SONAE_ERROR_ENCODING },
    { "BEGIN:VCARD\nVERSION:3.0\nFN:A\0\nEND:VCARD\n", 37, SONAE_ERROR_PARSE },
    { "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nNOTE:x\nEND:VCARD\n", 0, SONAE_ERROR_PARSE },
    { "氏名,メモ\n山田,\"open\n", 0, SONAE_ERROR_PARSE },
    { "電話,メモ\n1,2\n", 0, SONAE_ERROR_PARSE },
    { "氏名\n\x81\x20\xff\n", 0, SONAE_ERROR_ENCODING },
    { "", 0, SONAE_ERROR_PARSE },
  };
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *before = NULL;

  fill_roster (store);
  before = snapshot (store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeImport) import = NULL;
      g_autofree char *after = NULL;
      gsize len = bad[i].len ? bad[i].len : strlen (bad[i].text);
      g_autofree char *file = g_build_filename (dir, g_str_has_prefix (bad[i].text, "BEGIN") ? "bad.vcf" : "bad.csv", NULL);

      /* through a file, as the command line and the GUI do */
      g_assert_true (g_file_set_contents (file, bad[i].text, len, NULL));
      import = sonae_import_new_from_file (file, SONAE_GROUP_STAFF, &error);
      g_assert_null (import);
      g_assert_error (error, SONAE_ERROR, bad[i].code);
      after = snapshot (store);
      g_assert_cmpstr (before, ==, after);
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_sql_text_survives (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeImport) import = import_text (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x'); DROP TABLE contacts;--\r\n"
    "NOTE:\" OR 1=1; DELETE FROM contacts WHERE '1'='1\r\nEMAIL:a@b.c'--\r\nEND:VCARD\r\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint before = sonae_contacts_count (store);
  gboolean found = FALSE;

  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before + 1);
  list = sonae_contacts_list (store, -1, &error);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (list, i);
      if (g_strcmp0 (c->name, "x'); DROP TABLE contacts;--") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (c->notes, ==, "\" OR 1=1; DELETE FROM contacts WHERE '1'='1");
          g_assert_cmpstr (sonae_contact_get_first_email (c), ==, "a@b.c'--");
        }
    }
  g_assert_true (found);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_format_from_path (void)
{
  SonaeContactsFormat f;

  g_assert_true (sonae_contacts_format_from_path ("a/b/名簿.VCF", &f));
  g_assert_cmpint (f, ==, SONAE_CONTACTS_VCARD4);
  g_assert_true (sonae_contacts_format_from_path ("roster.csv", &f));
  g_assert_cmpint (f, ==, SONAE_CONTACTS_CSV);
  g_assert_false (sonae_contacts_format_from_path ("roster.pdf", &f));
  g_assert_false (sonae_contacts_format_from_path ("csv", &f));
}

static void
test_export_errors (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "x.vcf", NULL);

  g_assert_false (sonae_export_contacts (store, path, SONAE_CONTACTS_VCARD4, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_IO);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* 10,000 contacts read, planned and written promptly. */
static void
test_ten_thousand (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(SonaeImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double parse_plan, apply, replan;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:職員 %05u\r\nX-PHONETIC-LAST-NAME:しょくいん\r\n"
                            "TEL;TYPE=CELL:090-%04u-%04u\r\nEMAIL:staff%u@example.jp\r\nEND:VCARD\r\n",
                            i, i / 100, i, i);

  g_timer_start (timer);
  import = sonae_import_new_from_data (text->str, text->len, "big.vcf", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_plan (import, store, &error));
  g_assert_no_error (error);
  parse_plan = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_ADD), ==, 10000);

  g_timer_start (timer);
  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  apply = g_timer_elapsed (timer, NULL);

  /* against a roster of 10,000: all the same */
  g_timer_start (timer);
  again = sonae_import_new_from_data (text->str, text->len, "big.vcf", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_plan (again, store, &error));
  g_assert_no_error (error);
  replan = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (sonae_import_count (again, SONAE_IMPORT_SKIP), ==, 10000);

  /* Figures for the log only: speed is for the benchmark (bench-import),
   * never a test on a shared machine. */
  g_test_message ("10,000 contacts: read and plan %.2f s, write %.2f s, plan against 10,000 %.2f s",
                  parse_plan, apply, replan);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Thousands of rows that share a name: each its own contact, planned and
 * written in linear time (the plan used to compare every row with every
 * earlier one of the same name), and all found again on a second import. */
static void
test_same_name_rows (void)
{
  const guint n = 20000;
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GString) text = g_string_new ("氏名,携帯電話,メールアドレス\r\n");
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(SonaeImport) again = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sonae_contacts_count (store);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "山田 太郎,090-%04u-%04u,yamada%u@example.jp\r\n", i / 10000, i % 10000, i);
  /* the same person twice more: a shared number, a shared address in another case */
  g_string_append (text, "山田　太郎,090 0000 0007,new@example.jp\r\n");
  g_string_append (text, "山田 太郎,,YAMADA9@EXAMPLE.JP\r\n");

  import = sonae_import_new_from_data (text->str, text->len, "same.csv", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_ADD), ==, n);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_MERGE), ==, 1);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_SKIP), ==, 1);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before + n);

  again = sonae_import_new_from_data (text->str, text->len, "same.csv", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_plan (again, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_import_count (again, SONAE_IMPORT_SKIP), ==, n + 2);
  for (guint i = 0; i < n; i += 997)
    {
      SonaeImportEntry *e = g_ptr_array_index (sonae_import_get_entries (again), i);
      g_autoptr(SonaeContact) c = sonae_contacts_get (store, e->existing_id, &error);
      g_autofree char *email = g_strdup_printf ("yamada%u@example.jp", i);

      g_assert_no_error (error);
      g_assert_cmpstr (sonae_contact_get_first_email (c), ==, email);
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Which contact an entry goes into, when several have its name: a shared
 * number or address first, then the roster's earliest contact of the same
 * group whose numbers (or addresses) do not differ from the entry's; two
 * entries of the file never by their name alone. */
static void
test_plan_same_name_choice (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "佐藤 一郎", NULL, "03-0000-0001");
  gint64 second = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "佐藤 一郎", NULL, "03-0000-0002");
  gint64 vendor = sonae_test_add_contact (store, SONAE_GROUP_VENDOR, "佐藤 一郎", NULL, "03-0000-0003");

  import = import_text ("氏名,電話番号,メールアドレス,区分\n"
                        /* 0: the second by its number, though the first has the name and group */
                        "佐藤 一郎,03 0000 0002,a@example.jp,\n"
                        /* 1: an address only: the first of the same group, which has none */
                        "佐藤一郎,,b@example.jp,\n"
                        /* 2: the vendor by its number, though the group differs */
                        "佐藤 一郎,03-0000-0003,,\n"
                        /* 3: by the address the first row gave the second */
                        "佐藤 一郎,,A@EXAMPLE.JP,\n"
                        /* 4: a group of its own in the file: new */
                        "佐藤 一郎,,,関係機関\n"
                        /* 5: the same name and group as row 4: still another person */
                        "佐藤 一郎,03-9999-0000,,関係機関\n"
                        /* 6: the file's new contact by the number row 5 added */
                        "佐藤 一郎,03-9999-0000,c@example.jp,\n", "choice.csv");
  g_assert_true (sonae_import_plan (import, store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (entry_at (import, 0)->action, ==, SONAE_IMPORT_MERGE);
  g_assert_cmpint (entry_at (import, 0)->existing_id, ==, second);
  g_assert_cmpint (entry_at (import, 1)->action, ==, SONAE_IMPORT_MERGE);
  g_assert_cmpint (entry_at (import, 1)->existing_id, ==, first);
  g_assert_cmpint (entry_at (import, 2)->action, ==, SONAE_IMPORT_SKIP);
  g_assert_cmpint (entry_at (import, 2)->existing_id, ==, vendor);
  g_assert_cmpint (entry_at (import, 3)->action, ==, SONAE_IMPORT_SKIP);
  g_assert_cmpint (entry_at (import, 3)->existing_id, ==, second);
  g_assert_cmpint (entry_at (import, 4)->action, ==, SONAE_IMPORT_ADD);
  g_assert_cmpint (entry_at (import, 5)->action, ==, SONAE_IMPORT_ADD);
  g_assert_cmpint (entry_at (import, 6)->action, ==, SONAE_IMPORT_MERGE);
  g_assert_cmpint (entry_at (import, 6)->existing_id, ==, 0);
  g_assert_true (entry_at (import, 6)->contact != NULL);

  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) authorities = sonae_contacts_list (store, SONAE_GROUP_AUTHORITY, &error);
    guint bare = 0, complete = 0;

    /* Rows 4 and 5, two people; row 6 completed row 5's. */
    for (guint i = 0; i < authorities->len; i++)
      {
        SonaeContact *c = g_ptr_array_index (authorities, i);

        if (!g_str_equal (c->name, "佐藤 一郎"))
          continue;
        if (c->phones->len == 0 && c->emails->len == 0)
          bare++;
        else if (c->phones->len == 1 && g_strcmp0 (sonae_contact_get_first_email (c), "c@example.jp") == 0)
          complete++;
      }
    g_assert_cmpuint (bare, ==, 1);
    g_assert_cmpuint (complete, ==, 1);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Entries with nothing to keep are left out of the plan and of what is
 * written; the rest of the file is imported. */
static void
test_left_out_applied (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "codecs", "phone-quirks.vcf", NULL);
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sonae_contacts_count (store);
  GPtrArray *left_out;

  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_ADD), ==, 6);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before + 6);
  left_out = sonae_import_get_left_out (import);
  g_assert_cmpuint (left_out->len, ==, 2);
  g_assert_cmpuint (((SonaeImportLeftOut *) left_out->pdata[0])->line, ==, 7);
  g_assert_cmpuint (((SonaeImportLeftOut *) left_out->pdata[1])->line, ==, 12);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
assert_roster_is_text (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sonae_contacts_list (store, -1, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (list, i);
      const char *fields[] = {
        c->name, c->reading, c->organization, c->department, c->title, c->system,
        c->contract, c->address, c->url, c->notes, c->verified_on, c->builtin_key,
      };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        if (fields[j] != NULL && !g_utf8_validate (fields[j], -1, NULL))
          g_error ("field %u of “%s” is not UTF-8", j, c->name);
      for (guint j = 0; j < c->phones->len; j++)
        {
          SonaeLabeled *l = g_ptr_array_index (c->phones, j);
          g_assert_true (g_utf8_validate (l->value, -1, NULL));
          g_assert_true (l->label == NULL || g_utf8_validate (l->label, -1, NULL));
        }
      for (guint j = 0; j < c->emails->len; j++)
        g_assert_true (g_utf8_validate (((SonaeLabeled *) g_ptr_array_index (c->emails, j))->value, -1, NULL));
    }
}

/* Export the roster of @store in every format and import each file into a
 * new store: Sonae reads every contact it writes, as valid text, and each
 * as its own contact, people of the same name too. */
static void
assert_exports_read_back (SonaeStore *store,
                          const char *dir)
{
  static const struct { SonaeContactsFormat format; const char *name; } formats[] = {
    { SONAE_CONTACTS_CSV, "out.csv" }, { SONAE_CONTACTS_VCARD4, "out.vcf" }, { SONAE_CONTACTS_VCARD3, "out3.vcf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
      g_autofree char *dir_b = NULL;
      g_autoptr(SonaeStore) b = sonae_test_open_store (&dir_b);
      g_autoptr(SonaeImport) import = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (sonae_export_contacts (store, path, formats[i].format, &error));
      g_assert_no_error (error);
      import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
      if (import == NULL)
        g_error ("our own %s is refused: %s", formats[i].name, error->message);
      g_assert_cmpuint (sonae_import_get_entries (import)->len, ==, sonae_contacts_count (store));
      g_assert_cmpuint (sonae_import_get_left_out (import)->len, ==, 0);
      g_assert_true (sonae_import_apply (import, b, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (sonae_contacts_count (b), ==, sonae_contacts_count (store));
      assert_roster_is_text (b);

      g_clear_object (&b);
      sonae_test_remove_dir (dir_b);
    }
}

/* Two people of the same name in the same group, each with a number of
 * their own: a round trip through every format keeps them two, and a file
 * that brings the second to a roster holding the first adds her, never
 * gives her numbers to the first. */
static void
test_homonyms_stay_apart (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autofree char *work = sonae_test_make_dir ();
  const char *second = "氏名,携帯電話,区分\r\n佐藤 花子,090-2222-2222,院内\r\n";
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id;
  guint before;

  first_id = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "佐藤 花子", "さとう はなこ", "090-1111-1111");
  before = sonae_contacts_count (store);

  import = sonae_import_new_from_data (second, strlen (second), "b.csv", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_apply (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_import_count (import, SONAE_IMPORT_ADD), ==, 1);
  g_assert_cmpuint (sonae_contacts_count (store), ==, before + 1);
  {
    g_autoptr(SonaeContact) first = sonae_contacts_get (store, first_id, &error);
    g_assert_cmpuint (first->phones->len, ==, 1);
    g_assert_cmpstr (sonae_contact_get_first_phone (first), ==, "090-1111-1111");
  }

  assert_exports_read_back (store, work);
  sonae_test_remove_dir (work);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The fuzzer's find: a SORT-AS cut in a UTF-8 character. A release build
 * kept the broken byte, and then refused its own CSV export. */
static void
test_sort_as_byte_never_stored (void)
{
  static const char card[] = "BEGIN:VCARD\nN;SORT-AS=\xe3\x81:a\nEND:VCARD\n";
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import =
    sonae_import_new_from_data (card, sizeof card - 1, "crash.vcf", SONAE_GROUP_STAFF, &error);

  if (import != NULL)
    {
      g_assert_true (sonae_import_apply (import, store, &error));
      g_assert_no_error (error);
    }
  else
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING);
  assert_roster_is_text (store);
  assert_exports_read_back (store, dir);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A database where an earlier Sonae kept broken bytes is still shown,
 * exported and read back; nothing broken is written again. */
static void
test_broken_bytes_in_database (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) c = NULL;
  g_autoptr(SonaeContact) broken = sonae_contact_new ();
  gint64 id = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "壊れ 太郎", "こわれ", "03-0000-0001");
  g_autofree char *sql = g_strdup_printf ("UPDATE contacts SET reading = 'こわれ' || x'e381', notes = x'ff' || 'memo' "
                                          "WHERE id = %" G_GINT64_FORMAT ";"
                                          "UPDATE contact_phones SET label = x'c0af' WHERE contact_id = %" G_GINT64_FORMAT,
                                          id, id);

  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  assert_roster_is_text (store);
  c = sonae_contacts_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (c->reading, "こわれ"));
  g_assert_cmpstr (c->notes, ==, "\xef\xbf\xbd" "memo");
  assert_exports_read_back (store, dir);

  /* saving never writes a broken byte */
  broken->name = g_strdup ("名前\xe3");
  g_assert_false (sonae_contacts_save (store, broken, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING);
  g_clear_error (&error);
  g_clear_pointer (&broken->name, g_free);
  broken->name = g_strdup ("名前");
  sonae_contact_add_phone (broken, "\xff", "03-0000-0002");
  g_assert_false (sonae_contacts_save (store, broken, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Every input that once crashed a reader (tests/data/codecs/regressions):
 * refused with our error, or read into valid text that Sonae exports and
 * reads back. */
static void
test_regressions (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "codecs", "regressions", NULL);
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *dir = NULL;
      g_autoptr(SonaeStore) store = NULL;
      g_autoptr(SonaeImport) import = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".vcf") && !g_str_has_suffix (name, ".csv"))
        continue;
      n++;
      store = sonae_test_open_store (&dir);
      import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
      if (import == NULL)
        {
          if (error->domain != SONAE_ERROR)
            g_error ("%s: %s", name, error->message);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      else
        {
          if (!sonae_import_apply (import, store, &error))
            g_error ("%s: %s", name, error->message);
          assert_roster_is_text (store);
          assert_exports_read_back (store, dir);
        }
      g_clear_object (&store);
      sonae_test_remove_dir (dir);
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/round-trip/vcard4", test_round_trip_vcard4);
  g_test_add_func ("/import/round-trip/vcard3", test_round_trip_vcard3);
  g_test_add_func ("/import/round-trip/csv", test_round_trip_csv);
  g_test_add_func ("/import/plan-and-merge", test_plan_and_merge);
  g_test_add_func ("/import/set-group", test_set_group);
  g_test_add_func ("/import/roles", test_roles_from_file);
  g_test_add_func ("/import/failure-rolls-back", test_failure_rolls_back);
  g_test_add_func ("/import/malformed-changes-nothing", test_malformed_changes_nothing);
  g_test_add_func ("/import/sql-text", test_sql_text_survives);
  g_test_add_func ("/import/format-from-path", test_format_from_path);
  g_test_add_func ("/import/export-errors", test_export_errors);
  g_test_add_func ("/import/ten-thousand", test_ten_thousand);
  g_test_add_func ("/import/same-name-rows", test_same_name_rows);
  g_test_add_func ("/import/plan-same-name-choice", test_plan_same_name_choice);
  g_test_add_func ("/import/left-out-applied", test_left_out_applied);
  g_test_add_func ("/import/homonyms-stay-apart", test_homonyms_stay_apart);
  g_test_add_func ("/import/sort-as-byte-never-stored", test_sort_as_byte_never_stored);
  g_test_add_func ("/import/broken-bytes-in-database", test_broken_bytes_in_database);
  g_test_add_func ("/import/regressions", test_regressions);

  return g_test_run ();
}
