/* test-csv.c: reading contact lists saved as CSV */
#include "config.h"

#include <string.h>

#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-import.h"
#include "sonae-test-util.h"

static char *
join_values (GPtrArray *labeled)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < labeled->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (labeled, i);
      g_string_append_printf (out, "%s%s=%s", i ? "|" : "", l->label ? l->label : "", l->value);
    }
  return g_string_free (out, FALSE);
}

static SonaeImport *
parse_ok (const char *text,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  SonaeImport *import = sonae_import_new_from_data (text, length < 0 ? strlen (text) : (gsize) length,
                                                    "contacts.csv", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static SonaeContact *
contact_at (SonaeImport *import,
            guint        i)
{
  GPtrArray *entries = sonae_import_get_entries (import);

  g_assert_cmpuint (i, <, entries->len);
  return ((SonaeImportEntry *) g_ptr_array_index (entries, i))->contact;
}

static void
parse_fails (const char *text,
             gssize      length,
             int         code,
             const char *must_contain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import =
    sonae_import_new_from_data (text, length < 0 ? strlen (text) : (gsize) length, "contacts.csv",
                                SONAE_GROUP_STAFF, &error);

  g_assert_null (import);
  g_assert_error (error, SONAE_ERROR, code);
  if (must_contain != NULL && strstr (error->message, must_contain) == NULL)
    g_error ("“%s” does not say “%s”", error->message, must_contain);
}

static const char *japanese_csv =
  "氏名,ふりがな,会社名,部署,役職,電話番号,携帯電話,メールアドレス,住所,メモ,区分,役割,確認日\r\n"
  "山田 太郎,やまだ たろう,さくら内科クリニック,事務,事務長,03-1234-5678,090-1111-2222,yamada@example.jp,"
  "\"東京都千代田区1-1\r\nさくらビル2階\",\"「至急」は \"\"携帯\"\" へ\",院内,対応責任者,2026/4/1\r\n"
  "鈴木 花子,すずき はなこ,,,看護師長,,080-3333-4444,,,,staff,\"lead:2; first:1\",\r\n"
  ",,,,,,,,,,,,\r\n"
  "ベンダー株式会社,べんだー,ベンダー株式会社,保守,,0120-000-111,,support@vendor.example,,,委託先,,2026-01-15\r\n";

static void
check_japanese (SonaeImport *import)
{
  SonaeContact *c = contact_at (import, 0);
  g_autofree char *phones = join_values (c->phones);
  g_autofree char *emails = join_values (c->emails);

  g_assert_cmpuint (sonae_import_get_entries (import)->len, ==, 3);
  g_assert_cmpstr (c->name, ==, "山田 太郎");
  g_assert_cmpstr (c->reading, ==, "やまだ たろう");
  g_assert_cmpstr (c->organization, ==, "さくら内科クリニック");
  g_assert_cmpstr (c->department, ==, "事務");
  g_assert_cmpstr (c->title, ==, "事務長");
  g_assert_cmpstr (phones, ==, "=03-1234-5678|mobile=090-1111-2222");
  g_assert_cmpstr (emails, ==, "=yamada@example.jp");
  /* a quoted line break, doubled quotes */
  g_assert_cmpstr (c->address, ==, "東京都千代田区1-1\nさくらビル2階");
  g_assert_cmpstr (c->notes, ==, "「至急」は \"携帯\" へ");
  g_assert_cmpint (c->group, ==, SONAE_GROUP_STAFF);
  /* the date as Excel rewrites it */
  g_assert_cmpstr (c->verified_on, ==, "2026-04-01");

  c = contact_at (import, 1);
  g_assert_cmpstr (c->title, ==, "看護師長");
  g_assert_null (c->verified_on);

  c = contact_at (import, 2);
  g_assert_cmpint (c->group, ==, SONAE_GROUP_VENDOR);
  g_assert_cmpstr (c->verified_on, ==, "2026-01-15");
}

static void
test_utf8_with_and_without_bom (void)
{
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", japanese_csv, NULL);
  g_autoptr(SonaeImport) a = parse_ok (japanese_csv, -1);
  g_autoptr(SonaeImport) b = parse_ok (with_bom, -1);

  check_japanese (a);
  check_japanese (b);
  g_assert_cmpstr (sonae_import_get_format (a), ==, "CSV (UTF-8)");
}

static void
test_shift_jis (void)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  /* CP932 as Excel writes it in Japan, with a NEC special character */
  g_autofree char *utf8 = g_strconcat (japanese_csv, "①番窓口,いちばん,,,,03-9999-0000,,,,,,,\r\n", NULL);
  g_autofree char *sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_autoptr(SonaeImport) import = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (sjis, len, NULL));
  import = parse_ok (sjis, len);
  g_assert_cmpstr (sonae_import_get_format (import), ==, "CSV (Shift_JIS)");
  g_assert_cmpstr (contact_at (import, 0)->notes, ==, "「至急」は \"携帯\" へ");
  g_assert_cmpstr (contact_at (import, 3)->name, ==, "①番窓口");
  g_assert_cmpstr (contact_at (import, 0)->address, ==, "東京都千代田区1-1\nさくらビル2階");
}

static void
test_tab_separated (void)
{
  g_autoptr(SonaeImport) import = parse_ok ("姓\t名\tセイ\tメイ\t携帯\n高橋\t一郎\tタカハシ\tイチロウ\t090-0000-1111\n", -1);
  SonaeContact *c = contact_at (import, 0);

  /* family name first for Japanese names */
  g_assert_cmpstr (c->name, ==, "高橋 一郎");
  g_assert_cmpstr (c->reading, ==, "タカハシ イチロウ");
  g_assert_cmpstr (sonae_contact_get_first_phone (c), ==, "090-0000-1111");
}

static void
test_google_new (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,"
    "Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,"
    "Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,"
    "Website 1 - Label,Website 1 - Value\n"
    "太郎,,山田,たろう,,やまだ,,,,,さくら病院,医師,内科,,メモ,,* myContacts,* Work,taro@example.jp,Home,t@home.example,"
    "Mobile,090-1111-2222 ::: 090-3333-4444,Work Fax,03-5555-6666,Work,東京都,Profile,https://example.jp\n"
    "John,Q,Public,,,,,,,,,,,,,,,,,,,,,,,,,,\n", -1);
  SonaeContact *c = contact_at (import, 0);
  g_autofree char *phones = join_values (c->phones);
  g_autofree char *emails = join_values (c->emails);

  g_assert_cmpstr (sonae_import_get_format (import), ==, "CSV (UTF-8, Google layout)");
  g_assert_cmpstr (c->name, ==, "山田 太郎");
  g_assert_cmpstr (c->reading, ==, "やまだ たろう");
  g_assert_cmpstr (c->organization, ==, "さくら病院");
  g_assert_cmpstr (c->title, ==, "医師");
  g_assert_cmpstr (c->department, ==, "内科");
  g_assert_cmpstr (c->address, ==, "東京都");
  g_assert_cmpstr (c->url, ==, "https://example.jp");
  g_assert_cmpstr (phones, ==, "mobile=090-1111-2222|mobile=090-3333-4444|fax=03-5555-6666");
  g_assert_cmpstr (emails, ==, "work=taro@example.jp|home=t@home.example");
  g_assert_cmpstr (contact_at (import, 1)->name, ==, "John Q Public");
}

static void
test_google_old (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,"
    "Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department\n"
    "佐藤 健,健,,佐藤,,けん,,さとう,* My Contacts,* Other,ken@example.jp,Main,03-1111-0000,Custom desk,03-2222-0000,"
    ",県医師会,,事務局長,総務課\n", -1);
  SonaeContact *c = contact_at (import, 0);
  g_autofree char *phones = join_values (c->phones);
  g_autofree char *emails = join_values (c->emails);

  g_assert_cmpstr (sonae_import_get_format (import), ==, "CSV (UTF-8, Google layout)");
  g_assert_cmpstr (c->name, ==, "佐藤 健");
  g_assert_cmpstr (c->reading, ==, "さとう けん");
  g_assert_cmpstr (c->organization, ==, "県医師会");
  g_assert_cmpstr (c->title, ==, "事務局長");
  g_assert_cmpstr (c->department, ==, "総務課");
  g_assert_cmpstr (phones, ==, "main=03-1111-0000|Custom desk=03-2222-0000");
  g_assert_cmpstr (emails, ==, "other=ken@example.jp");
}

static void
test_outlook (void)
{
  g_autoptr(SonaeImport) en = parse_ok (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business City,"
    "Business State,Business Postal Code,Business Country/Region,Business Fax,Business Phone,Mobile Phone,"
    "E-mail Address,E-mail Display Name,E-mail 2 Address,Notes\n"
    "Mr.,John,,Smith,,Acme,IT,Engineer,1 Main St,Springfield,IL,62701,USA,555-0100,555-0101,555-0102,"
    "john@acme.example,John Smith (john@acme.example),js@home.example,note\n", -1);
  g_autoptr(SonaeImport) ja = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ja_sjis = NULL;
  gsize len = 0;
  SonaeContact *c = contact_at (en, 0);
  g_autofree char *phones = join_values (c->phones);
  g_autofree char *emails = join_values (c->emails);
  g_autofree char *phones_ja = NULL;

  g_assert_cmpstr (sonae_import_get_format (en), ==, "CSV (UTF-8, Outlook layout)");
  g_assert_cmpstr (c->name, ==, "John Smith");
  /* Outlook's “Title” is Mr.: the job title wins */
  g_assert_cmpstr (c->title, ==, "Engineer");
  g_assert_cmpstr (c->organization, ==, "Acme");
  g_assert_cmpstr (c->address, ==, "1 Main St, Springfield, IL 62701, USA");
  g_assert_cmpstr (phones, ==, "fax=555-0100|work=555-0101|mobile=555-0102");
  g_assert_cmpstr (emails, ==, "=john@acme.example|=js@home.example");

  ja_sjis = g_convert ("敬称,名,ミドル ネーム,姓,会社名,部署,役職,勤務先郵便番号,勤務先都道府県,勤務先市区町村,勤務先番地,"
                       "勤務先 FAX,会社電話,携帯電話,電子メール アドレス,電子メール 2 アドレス\r\n"
                       ",花子,,鈴木,鈴木歯科,受付,主任,100-0001,東京都,千代田区,千代田1-1,03-0000-0002,03-0000-0001,"
                       "090-0000-0003,hanako@example.jp,\r\n", -1, "CP932", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  ja = parse_ok (ja_sjis, len);
  c = contact_at (ja, 0);
  phones_ja = join_values (c->phones);
  g_assert_cmpstr (sonae_import_get_format (ja), ==, "CSV (Shift_JIS, Outlook layout)");
  g_assert_cmpstr (c->name, ==, "鈴木 花子");
  g_assert_cmpstr (c->organization, ==, "鈴木歯科");
  g_assert_cmpstr (c->title, ==, "主任");
  g_assert_cmpstr (c->address, ==, "〒100-0001 東京都 千代田区 千代田1-1");
  g_assert_cmpstr (phones_ja, ==, "fax=03-0000-0002|work=03-0000-0001|mobile=090-0000-0003");
  g_assert_cmpstr (sonae_contact_get_first_email (c), ==, "hanako@example.jp");
}

static void
test_sql_is_text (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "Name,Notes\n\"Robert'); DROP TABLE contacts;--\",\"' OR 1=1 --\"\n", -1);
  SonaeContact *c = contact_at (import, 0);

  g_assert_cmpstr (c->name, ==, "Robert'); DROP TABLE contacts;--");
  g_assert_cmpstr (c->notes, ==, "' OR 1=1 --");
}

static void
test_malformed (void)
{
  GString *big;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  parse_fails ("", 0, SONAE_ERROR_PARSE, NULL);
  parse_fails ("\xEF\xBB\xBF\r\n", -1, SONAE_ERROR_PARSE, NULL);
  /* an unbalanced quote: where it opens */
  parse_fails ("氏名,メモ\n山田,ok\n鈴木,\"never closed\n佐藤,x\n", -1, SONAE_ERROR_PARSE, "line 3");
  /* no column for a name */
  parse_fails ("電話番号,メモ\n03-0000-0000,x\n", -1, SONAE_ERROR_PARSE, "line 1");
  parse_fails ("foo,bar\n1,2\n", -1, SONAE_ERROR_PARSE, "氏名");
  /* a header and nothing else */
  parse_fails ("氏名,電話番号\r\n", -1, SONAE_ERROR_PARSE, NULL);
  /* neither UTF-8 nor CP932 */
  parse_fails ("氏名\n山田\n\x81\x20\xff\n", -1, SONAE_ERROR_ENCODING, "Line 3");
  /* binary */
  parse_fails ("氏名\nA\0B\n", 11, SONAE_ERROR_PARSE, "line 2");
  /* a row with nothing to call the contact by */
  parse_fails ("氏名,メモ\n山田,a\n,only a note\n", -1, SONAE_ERROR_PARSE, "line 3");
  /* a bad verified date */
  parse_fails ("氏名,確認日\n山田,2026-13-01\n", -1, SONAE_ERROR_PARSE, "line 2");

  /* a 3 MB line */
  big = g_string_new ("氏名,メモ\n山田,");
  for (guint i = 0; i < 3 * 1024 * 1024; i++)
    g_string_append_c (big, i % 1000 == 999 ? ',' : 'x');
  g_string_append_c (big, '\n');
  parse_fails (big->str, big->len, SONAE_ERROR_TOO_LARGE, "Line 2");
  g_string_free (big, TRUE);

  /* one value over 64 KB */
  big = g_string_new ("氏名,メモ\n山田,\"");
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (big, i % 50 == 49 ? '\n' : 'x');
  g_string_append (big, "\"\n");
  parse_fails (big->str, big->len, SONAE_ERROR_TOO_LARGE, "line 2");
  g_string_free (big, TRUE);

  /* a file over 32 MB is refused before it is read */
  bad = g_malloc0 (33 * 1024 * 1024);
  memset (bad, 'a', 33 * 1024 * 1024);
  parse_fails (bad, 33 * 1024 * 1024, SONAE_ERROR_TOO_LARGE, NULL);
}

static SonaeContact *
find_by_name (GPtrArray  *contacts,
              const char *name)
{
  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);
      if (g_strcmp0 (c->name, name) == 0)
        return c;
    }
  g_error ("no contact named “%s”", name);
  return NULL;
}

/* A cell a spreadsheet would take for a formula is guarded with an
 * apostrophe on export; what a person typed comes back exactly, even when
 * it begins with that apostrophe itself. */
static void
test_formula_guard_round_trip (void)
{
  static const char *texts[] = {
    "'=x", "=x", "''=x", "'''+1", "+81 3 0000 0000", "-", "@home", "'plain", "'", "''", "=", "'=",
  };
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr(SonaeStore) a = sonae_test_open_store (&dir_a);
  g_autoptr(SonaeStore) b = sonae_test_open_store (&dir_b);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      c->name = g_strdup_printf ("%s #%u", texts[i], i);
      c->reading = g_strdup (texts[i]);
      c->organization = g_strdup (texts[i]);
      c->title = g_strdup (texts[i]);
      c->notes = g_strdup (texts[i]);
      sonae_contact_add_phone (c, texts[i], texts[i]);
      sonae_contact_add_email (c, NULL, texts[i]);
      g_assert_true (sonae_contacts_save (a, c, &error));
      g_assert_no_error (error);
    }
  /* a name that is only a guarded formula */
  {
    g_autoptr(SonaeContact) c = sonae_contact_new ();

    c->name = g_strdup ("'=x");
    g_assert_true (sonae_contacts_save (a, c, &error));
    g_assert_no_error (error);
  }

  path = g_build_filename (dir_a, "roster.csv", NULL);
  g_assert_true (sonae_export_contacts (a, path, SONAE_CONTACTS_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* guarded on export: one apostrophe more than typed */
  g_assert_nonnull (strstr (text, "\r\n'=x #1,"));
  g_assert_nonnull (strstr (text, "\r\n''=x #0,"));
  g_assert_nonnull (strstr (text, "\r\n'''=x #2,"));
  g_assert_nonnull (strstr (text, "\r\n''=x,"));
  g_assert_null (strstr (text, "\r\n=x"));
  g_assert_null (strstr (text, ",=x"));
  g_assert_nonnull (strstr (text, ",'+81 3 0000 0000"));

  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_import_apply (import, b, &error));
  g_assert_no_error (error);

  before = sonae_contacts_list (a, SONAE_GROUP_STAFF, &error);
  after = sonae_contacts_list (b, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      SonaeContact *x = g_ptr_array_index (before, i);
      SonaeContact *y = find_by_name (after, x->name);

      if (!sonae_contact_equal (x, y))
        g_error ("“%s” did not come back as it was: reading “%s”, phone “%s”", x->name, y->reading,
                 sonae_contact_get_first_phone (y));
      g_assert_cmpstr (x->notes, ==, y->notes);
    }

  g_clear_object (&a);
  g_clear_object (&b);
  sonae_test_remove_dir (dir_a);
  sonae_test_remove_dir (dir_b);
}

/* Files from other programs: their own apostrophe before a formula character
 * is a spreadsheet's guard too. */
static void
test_foreign_guard (void)
{
  g_autoptr(SonaeImport) import = parse_ok ("氏名,電話番号,メモ\n山田 太郎,'+81-3-0000-0000,'=not a formula\n", -1);
  SonaeContact *c = contact_at (import, 0);

  g_assert_cmpstr (sonae_contact_get_first_phone (c), ==, "+81-3-0000-0000");
  g_assert_cmpstr (c->notes, ==, "=not a formula");
}

/* A row that has nothing Sonae keeps (only columns it does not know) is
 * left out and reported; the rest of the file is read. */
static void
test_left_out (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "氏名,誕生日,携帯電話,区分\n"
    "山田 太郎,1980/1/1,090-0000-0000,\n"
    ",1990/2/2,,\n"
    ",,,院内\n"
    "鈴木 花子,,,\n", -1);
  GPtrArray *left_out = sonae_import_get_left_out (import);

  g_assert_cmpuint (sonae_import_get_entries (import)->len, ==, 2);
  g_assert_cmpuint (left_out->len, ==, 2);
  g_assert_cmpuint (((SonaeImportLeftOut *) left_out->pdata[0])->line, ==, 3);
  g_assert_cmpuint (((SonaeImportLeftOut *) left_out->pdata[1])->line, ==, 4);
  g_assert_true (g_utf8_validate (((SonaeImportLeftOut *) left_out->pdata[0])->reason, -1, NULL));

  parse_fails ("氏名,誕生日\n,1980/1/1\n", -1, SONAE_ERROR_PARSE, "nothing to import");
}

static void
assert_labeled_text (GPtrArray *labeled)
{
  for (guint i = 0; i < labeled->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (labeled, i);

      g_assert_true (g_utf8_validate (l->value, -1, NULL));
      g_assert_true (l->label == NULL || g_utf8_validate (l->label, -1, NULL));
    }
}

/* A broken byte in any column: read as Shift_JIS or refused, never kept. */
static void
test_invalid_utf8 (void)
{
  static const char *bad[] = { "\xe3", "x\xe3\x81", "\x80", "\xed\xa0\x80", "\xff\xfe", "\xc0\xaf", "\x82" };
  static const char *header =
    "氏名,ふりがな,会社名,部署,役職,電話番号,携帯電話,メールアドレス,住所,メモ,区分,役割,システム,契約番号,URL,"
    "Phone 1 - Label,Phone 1 - Value,E-mail 1 - Label,E-mail 1 - Value,郵便番号,都道府県\n";

  for (guint column = 0; column < 21; column++)
    for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
      {
        g_autoptr(GString) text = g_string_new (header);
        g_autoptr(GError) error = NULL;
        g_autoptr(SonaeImport) import = NULL;

        for (guint i = 0; i < 21; i++)
          g_string_append_printf (text, "%s%s%s", i == 0 ? "名前" : "", i == column ? bad[j] : "a", i < 20 ? "," : "\n");
        import = sonae_import_new_from_data (text->str, text->len, "x.csv", SONAE_GROUP_STAFF, &error);
        if (import == NULL)
          {
            g_assert_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING);
            continue;
          }
        for (guint i = 0; i < sonae_import_get_entries (import)->len; i++)
          {
            SonaeContact *c = contact_at (import, i);
            const char *fields[] = { c->name, c->reading, c->organization, c->department, c->title,
                                     c->system, c->contract, c->address, c->url, c->notes };

            for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
              g_assert_true (fields[k] == NULL || g_utf8_validate (fields[k], -1, NULL));
            assert_labeled_text (c->phones);
            assert_labeled_text (c->emails);
          }
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/utf8", test_utf8_with_and_without_bom);
  g_test_add_func ("/csv/shift-jis", test_shift_jis);
  g_test_add_func ("/csv/tab", test_tab_separated);
  g_test_add_func ("/csv/google-new", test_google_new);
  g_test_add_func ("/csv/google-old", test_google_old);
  g_test_add_func ("/csv/outlook", test_outlook);
  g_test_add_func ("/csv/sql-is-text", test_sql_is_text);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/formula-guard-round-trip", test_formula_guard_round_trip);
  g_test_add_func ("/csv/foreign-guard", test_foreign_guard);
  g_test_add_func ("/csv/left-out", test_left_out);
  g_test_add_func ("/csv/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
