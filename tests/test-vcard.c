/* test-vcard.c: reading vCard 2.1, 3.0 and 4.0 */
#include "config.h"

#include <string.h>

#include "sonae-error.h"
#include "sonae-import.h"
#include "sonae-test-util.h"

static GPtrArray *
contacts_of (SonaeImport *import)
{
  GPtrArray *entries = sonae_import_get_entries (import);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (out, ((SonaeImportEntry *) g_ptr_array_index (entries, i))->contact);
  return out;
}

static char *
join_values (GPtrArray *labeled,
             gboolean   with_labels)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < labeled->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (labeled, i);
      if (i > 0)
        g_string_append_c (out, '|');
      if (with_labels)
        g_string_append_printf (out, "%s=", l->label ? l->label : "");
      g_string_append (out, l->value);
    }
  return g_string_free (out, FALSE);
}

static SonaeImport *
parse_ok (const char *text,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  SonaeImport *import = sonae_import_new_from_data (text, length < 0 ? strlen (text) : (gsize) length,
                                                    "test.vcf", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
parse_fails (const char *text,
             gssize      length,
             int         code,
             const char *must_contain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import =
    sonae_import_new_from_data (text, length < 0 ? strlen (text) : (gsize) length, "test.vcf",
                                SONAE_GROUP_STAFF, &error);

  g_assert_null (import);
  g_assert_error (error, SONAE_ERROR, code);
  if (must_contain != NULL && strstr (error->message, must_contain) == NULL)
    g_error ("“%s” does not say “%s”", error->message, must_contain);
}

/* --- the corpus ------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *phones;   /* values joined with | */
  const char *emails;
} Expected;

typedef struct {
  const char *file;
  const char *format;
  Expected contacts[8];
} CorpusFile;

static const CorpusFile corpus[] = {
  { "John_Doe_ANDROID.vcf", "vCard 2.1", {
      { "john.doe@company.com", "", "john.doe@company.com" },
      { "jane.doe@company.com", "", "jane.doe@company.com" },
      { "Ñ Ñ Ñ Ñ Ñ", "123456789", "" },
      { "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", "123456|234567|3456789|45678901", "" },
      { "Ñ Ñ Ñ Ñ", "123456|123456|123456", "bob@company.com|ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ" },
      { "ÑÑÑÑ", "55556666", "henry@company.com" },
    } },
  { "John_Doe_BLACK_BERRY.vcf", "vCard 2.1", {
      { "John Doe", "+96123456789", "" },
    } },
  { "John_Doe_EVOLUTION.vcf", "vCard 3.0", {
      { "Mr. John Richter, James Doe Sr.", "905-666-1234|905-555-1234", "john.doe@ibm.com" },
    } },
  { "John_Doe_GMAIL.vcf", "vCard 3.0", {
      { "Mr. John Richter, James Doe Sr.", "905-555-1234|905-666-1234", "john.doe@ibm.com" },
    } },
  { "John_Doe_IPHONE.vcf", "vCard 3.0", {
      { "Mr. John Richter James Doe Sr.",
        "905-555-1234|905-666-1234|905-777-1234|905-888-1234|905-999-1234|905-111-1234|905-222-1234",
        "john.doe@ibm.com" },
    } },
  { "John_Doe_LOTUS_NOTES.vcf", "vCard 3.0", {
      { "Mr. Doe John I Johny", "+1 (212) 204-34456|00-1-212-555-7777", "john.doe@ibm.com|billy_bob@gmail.com" },
    } },
  { "John_Doe_MAC_ADDRESS_BOOK.vcf", "vCard 3.0", {
      { "Mr. John Richter,James Doe Sr.",
        "905-777-1234|905-666-1234|905-555-1234|905-888-1234|905-999-1234|905-111-1234|905-222-1234",
        "john.doe@ibm.com" },
    } },
  { "John_Doe_MS_OUTLOOK.vcf", "vCard 2.1", {
      { "Mr. John Richter James Doe Sr.", "(905) 555-1234|(905) 666-1234", "john.doe@ibm.cm" },
    } },
  { "fullcontact.vcf", "vCard 4.0", {
      { "Prefix FirstName MiddleName LastName Suffix",
        "555-555-1111|555-555-1112|555-555-1113|555-555-1114|555-555-1115|555-555-1116|555-555-1117|555-555-1118|555-555-1119",
        "home@example.com|work@example.com|school@example.com|other@example.com|custom@example.com" },
    } },
  { "gmail-list.vcf", "vCard 3.0", {
      { "Arnold Smith", "", "asmithk@gmail.com" },
      { "Chris Beatle", "", "chrisy55d@yahoo.com" },
      { "Doug White", "", "dwhite@gmail.com" },
    } },
  { "gmail-single.vcf", "vCard 3.0", {
      { "Greg Dartmouth", "555 555 1111|555 555 2222", "gdartmouth@hotmail.com" },
    } },
  { "gmail-single2.vcf", "vCard 3.0", {
      { "VCard Test",
        "5555551111|5555551112|5555551113|5555551114|5555551115|5555551116|5555551117|5555551118|5555551119|5555551120|5555551121",
        "email@example.com|homeemail@example.com|workemail@example.com|otheremail@example.com|customcategory@example.com" },
    } },
  { "outlook-2003.vcf", "vCard 2.1", {
      { "John Doe III", "BusinessPhone|HomePhone|MobilePhone|BusinessFaxPhone", "jdoe@hotmail.com" },
    } },
  { "outlook-2007.vcf", "vCard 2.1", {
      { "Mr. Michael Angstadt Jr.", "(111) 555-1111|(111) 555-2222|(111) 555-4444|(111) 555-3333", "mike.angstadt@gmail.com" },
    } },
  { "rfc2426-example.vcf", "vCard 3.0", {
      { "Frank Dawson", "+1-919-676-9515|+1-919-676-9564", "Frank_Dawson@Lotus.com|fdawson@earthlink.net" },
      { "Tim Howes", "+1-415-937-3419|+1-415-528-4164", "howes@netscape.com" },
    } },
  { "rfc6350-example.vcf", "vCard 4.0", {
      { "Simon Perreault", "+1-418-656-9254 ext. 102|+1-418-262-6501", "simon.perreault@viagenie.ca" },
    } },
  { "thunderbird-MoreFunctionsForAddressBook-extension.vcf", "vCard 3.0", {
      { "John Doe", "555-555-1111|555-555-2222|555-555-5555|555-555-3333|555-555-4444",
        "doe.john@hotmail.com|additional-email@company.com|additional-email1@company.com|additional-email2@company.com|additional-email3@company.com" },
    } },
};

static void
test_corpus_every_file (void)
{
  g_autofree char *dir = sonae_test_corpus_path ("vcard/ez-vcard");
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint checked = 0;

  if (dir == NULL)
    {
      g_test_skip ("../shared/corpus is not there");
      return;
    }

  /* Every .vcf of the corpus has its expectations here. */
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      gboolean known = FALSE;

      if (!g_str_has_suffix (name, ".vcf"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
        known = known || g_str_equal (corpus[i].file, name);
      if (!known)
        g_error ("the corpus file %s has no expectations in test-vcard.c", name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *rel = g_build_filename ("vcard/ez-vcard", corpus[i].file, NULL);
      g_autofree char *path = sonae_test_corpus_path (rel);
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeImport) import = NULL;
      g_autoptr(GPtrArray) contacts = NULL;
      guint n_expected = 0;

      g_assert_nonnull (path);
      import = sonae_import_new_from_file (path, SONAE_GROUP_VENDOR, &error);
      if (error != NULL)
        g_error ("%s: %s", corpus[i].file, error->message);
      g_assert_cmpstr (sonae_import_get_format (import), ==, corpus[i].format);

      while (n_expected < G_N_ELEMENTS (corpus[i].contacts) && corpus[i].contacts[n_expected].name)
        n_expected++;
      contacts = contacts_of (import);
      g_assert_cmpuint (contacts->len, ==, n_expected);
      for (guint j = 0; j < n_expected; j++)
        {
          SonaeContact *c = g_ptr_array_index (contacts, j);
          g_autofree char *phones = join_values (c->phones, FALSE);
          g_autofree char *emails = join_values (c->emails, FALSE);

          g_assert_cmpstr (c->name, ==, corpus[i].contacts[j].name);
          g_assert_cmpstr (phones, ==, corpus[i].contacts[j].phones);
          g_assert_cmpstr (emails, ==, corpus[i].contacts[j].emails);
          g_assert_cmpint (c->group, ==, SONAE_GROUP_VENDOR);
        }
      checked++;
    }
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (corpus));
}

/* Some fields of the corpus, beyond names, phones and e-mails. */
static void
test_corpus_fields (void)
{
  g_autofree char *path = sonae_test_corpus_path ("vcard/ez-vcard/gmail-single2.vcf");
  g_autofree char *path2 = sonae_test_corpus_path ("vcard/ez-vcard/John_Doe_EVOLUTION.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(SonaeImport) import2 = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) contacts2 = NULL;
  g_autofree char *phones = NULL;
  g_autofree char *emails = NULL;
  SonaeContact *c;

  if (path == NULL || path2 == NULL)
    {
      g_test_skip ("../shared/corpus is not there");
      return;
    }
  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  contacts = contacts_of (import);
  c = g_ptr_array_index (contacts, 0);
  phones = join_values (c->phones, TRUE);
  emails = join_values (c->emails, TRUE);
  /* TYPE parameters become labels; X-ABLabel of grouped properties is kept */
  g_assert_cmpstr (phones, ==,
                   "=5555551111|home=5555551112|work=5555551113|=5555551114|mobile=5555551115|"
                   "main=5555551116|fax=5555551117|fax=5555551118|GRAND_CENTRAL=5555551119|"
                   "other=5555551120|CustomePhoneCategory=5555551121");
  g_assert_cmpstr (emails, ==,
                   "=email@example.com|home=homeemail@example.com|work=workemail@example.com|"
                   "=otheremail@example.com|CustomEmailCategory=customcategory@example.com");
  g_assert_cmpstr (c->reading, ==, "ThePhoneticLastName ThePhoneticFirstName");
  g_assert_cmpstr (c->organization, ==, "TheCompany");
  g_assert_cmpstr (c->title, ==, "TheJobTitle");
  g_assert_cmpstr (c->url, ==, "http://www.example1.com");
  g_assert_cmpstr (c->notes, ==, "note line 1\nnote line 2\nCustomField: field value");

  import2 = sonae_import_new_from_file (path2, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  contacts2 = contacts_of (import2);
  c = g_ptr_array_index (contacts2, 0);
  /* ORG organisation;department;unit, folded URL */
  g_assert_cmpstr (c->organization, ==, "IBM");
  g_assert_cmpstr (c->department, ==, "Accounting Dungeon");
  g_assert_cmpstr (c->url, ==, "http://www.ibm.com");
  g_assert_true (g_str_has_prefix (c->notes, "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY"));
  g_assert_true (g_str_has_suffix (c->notes, "EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."));
}

/* --- features --------------------------------------------------------------- */

static void
test_folding_styles (void)
{
  /* 3.0: the first blank of a continuation is dropped; 2.1: kept. */
  g_autoptr(SonaeImport) v3 = parse_ok ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Yamada\r\n  Taro\r\nNOTE:ab\r\n\tcd\r\nEND:VCARD\r\n", -1);
  g_autoptr(SonaeImport) v21 = parse_ok ("BEGIN:VCARD\nVERSION:2.1\nFN:Yamada\n Taro\nEND:VCARD\n", -1);
  g_autoptr(GPtrArray) c3 = contacts_of (v3);
  g_autoptr(GPtrArray) c21 = contacts_of (v21);

  g_assert_cmpstr (((SonaeContact *) c3->pdata[0])->name, ==, "Yamada Taro");
  g_assert_cmpstr (((SonaeContact *) c3->pdata[0])->notes, ==, "abcd");
  g_assert_cmpstr (((SonaeContact *) c21->pdata[0])->name, ==, "Yamada Taro");
  g_assert_cmpstr (sonae_import_get_format (v21), ==, "vCard 2.1");
}

static void
test_quoted_printable (void)
{
  /* 山田 太郎 in UTF-8, with a soft line break in the middle of a character */
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0;=E5=A4=AA=E9=83=\r\n=8E;;;\r\n"
    "NOTE;QUOTED-PRINTABLE:line one=0D=0Aline=\r\n two\r\n"
    "TEL;CELL:090-1111-2222\r\n"
    "END:VCARD\r\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);
  SonaeContact *contact = c->pdata[0];

  /* only N: family name, a space, given name */
  g_assert_cmpstr (contact->name, ==, "山田 太郎");
  g_assert_cmpstr (contact->notes, ==, "line one\nline two");
  g_assert_cmpstr (sonae_contact_get_first_phone (contact), ==, "090-1111-2222");
}

static char *
qp_encode (const char *bytes)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) bytes; *p; p++)
    {
      if (*p >= 0x80 || *p == '=')
        g_string_append_printf (out, "=%02X", *p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_shift_jis_phone (void)
{
  /* As a Japanese feature phone writes it: Shift_JIS, half-width kana
   * reading in SOUND;X-IRMC-N, one field quoted-printable. */
  const char *utf8_card =
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=SHIFT_JIS:高橋;一郎;;;\r\n"
    "SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:ﾀｶﾊｼ;ｲﾁﾛｳ;;;\r\n"
    "ORG;CHARSET=SHIFT_JIS:ソニー診療所;事務部\r\n"
    "TEL;CELL:090-1234-5678\r\n"
    "TEL;HOME;FAX:03-1111-2222\r\n"
    "EMAIL;INTERNET:ichiro@example.jp\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *sjis = g_convert (utf8_card, -1, "CP932", "UTF-8", NULL, NULL, &error);
  g_autofree char *note_sjis = g_convert ("表示テスト", -1, "CP932", "UTF-8", NULL, NULL, &error);
  g_autofree char *note_qp = NULL;
  g_autofree char *card = NULL;
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autofree char *phones = NULL;
  SonaeContact *contact;

  g_assert_no_error (error);
  note_qp = qp_encode (note_sjis);
  card = g_strconcat (sjis, "NOTE;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:", note_qp, "\r\nEND:VCARD\r\n", NULL);
  import = parse_ok (card, -1);
  c = contacts_of (import);
  contact = c->pdata[0];
  g_assert_cmpstr (contact->name, ==, "高橋 一郎");
  /* half-width katakana made full-width */
  g_assert_cmpstr (contact->reading, ==, "タカハシ イチロウ");
  /* ソ is 0x83 0x5C in Shift_JIS: the 0x5C is not a backslash */
  g_assert_cmpstr (contact->organization, ==, "ソニー診療所");
  g_assert_cmpstr (contact->department, ==, "事務部");
  g_assert_cmpstr (contact->notes, ==, "表示テスト");
  phones = join_values (contact->phones, TRUE);
  g_assert_cmpstr (phones, ==, "mobile=090-1234-5678|fax=03-1111-2222");
  g_assert_cmpstr (sonae_contact_get_first_email (contact), ==, "ichiro@example.jp");
}

static void
test_phonetic_fields (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    /* iPhone */
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:佐藤;花子;;;\r\nFN:佐藤 花子\r\n"
    "X-PHONETIC-LAST-NAME:さとう\r\nX-PHONETIC-FIRST-NAME:はなこ\r\nEND:VCARD\r\n"
    /* vCard 4.0 SORT-AS */
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:鈴木 次郎\r\nN;SORT-AS=\"すずき,じろう\":鈴木;次郎;;;\r\nEND:VCARD\r\n"
    /* X-KANA */
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:田中 三郎\r\nX-KANA:たなか さぶろう\r\nEND:VCARD\r\n"
    /* Android, only the family name */
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:伊藤;;;;\r\nX-PHONETIC-LAST-NAME:イトウ\r\nEND:VCARD\r\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);

  g_assert_cmpuint (c->len, ==, 4);
  g_assert_cmpstr (((SonaeContact *) c->pdata[0])->reading, ==, "さとう はなこ");
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->reading, ==, "すずき じろう");
  g_assert_cmpstr (((SonaeContact *) c->pdata[2])->reading, ==, "たなか さぶろう");
  g_assert_cmpstr (((SonaeContact *) c->pdata[3])->name, ==, "伊藤");
  g_assert_cmpstr (((SonaeContact *) c->pdata[3])->reading, ==, "イトウ");
}

static void
test_grouped_and_types (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "begin:vcard\nversion:3.0\nfn:Grouped\n"
    "item1.TEL:03-0000-0001\nitem1.X-ABLabel:_$!<Main>!$_\n"
    "item2.TEL:03-0000-0002\nitem2.X-ABLabel:夜間窓口\n"
    "TEL;TYPE=\"work,voice\":03-0000-0003\n"
    "TEL;type=HOME;type=FAX:03-0000-0004\n"
    "TEL;TYPE=PAGER:03-0000-0005\n"
    "EMAIL;TYPE=INTERNET,WORK:a@example.jp\n"
    "item3.EMAIL:b@example.jp\nitem3.X-ABLabel:_$!<Other>!$_\n"
    "X-UNKNOWN;FOO=bar:ignored\nPHOTO;ENCODING=b:AAAA\n"
    "end:vcard\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);
  g_autofree char *phones = join_values (((SonaeContact *) c->pdata[0])->phones, TRUE);
  g_autofree char *emails = join_values (((SonaeContact *) c->pdata[0])->emails, TRUE);

  g_assert_cmpstr (phones, ==, "main=03-0000-0001|夜間窓口=03-0000-0002|work=03-0000-0003|fax=03-0000-0004|other=03-0000-0005");
  g_assert_cmpstr (emails, ==, "work=a@example.jp|other=b@example.jp");
}

static void
test_sonae_extensions (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:山田 一郎\r\nX-SONAE-GROUP:vendor\r\n"
    "X-SONAE-SYSTEM:電子カルテ\r\nX-SONAE-CONTRACT:C-1234\r\nX-SONAE-VERIFIED:2026-04-01\r\n"
    "X-SONAE-ROLE;X-SONAE-ORDER=2:sysadmin\r\nX-SONAE-ROLE;X-SONAE-ORDER=1:no-such-role\r\n"
    "END:VCARD\r\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);
  SonaeContact *contact = c->pdata[0];

  g_assert_cmpint (contact->group, ==, SONAE_GROUP_VENDOR);
  g_assert_cmpstr (contact->system, ==, "電子カルテ");
  g_assert_cmpstr (contact->contract, ==, "C-1234");
  g_assert_cmpstr (contact->verified_on, ==, "2026-04-01");

  /* the file's group wins over the one chosen for the import */
  sonae_import_set_group (import, SONAE_GROUP_STAFF);
  g_assert_cmpint (contact->group, ==, SONAE_GROUP_VENDOR);
}

static void
test_name_fallbacks (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\nVERSION:3.0\nN:Doe;John;;;\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nORG:東京医療機器株式会社;保守部\nTEL:0120-000-000\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nNICKNAME:Jun\nEND:VCARD\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);

  g_assert_cmpstr (((SonaeContact *) c->pdata[0])->name, ==, "John Doe");
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->name, ==, "東京医療機器株式会社");
  g_assert_cmpstr (((SonaeContact *) c->pdata[2])->name, ==, "Jun");

  /* nothing to call the contact by: refused, naming the line */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nNOTE:who?\nEND:VCARD\n",
               -1, SONAE_ERROR_PARSE, "line 5");
}

static void
test_malformed (void)
{
  g_autofree char *long_line = NULL;
  GString *big;

  parse_fails ("", 0, SONAE_ERROR_PARSE, NULL);
  parse_fails ("  \r\n\r\n", -1, SONAE_ERROR_PARSE, NULL);
  /* truncated */
  parse_fails ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut\r\nTEL:03", -1, SONAE_ERROR_PARSE, "line 1");
  /* nested */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\nEND:VCARD\n",
               -1, SONAE_ERROR_PARSE, "Line 4");
  /* END without BEGIN, text outside a card */
  parse_fails ("BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n", -1, SONAE_ERROR_PARSE, "Line 4");
  parse_fails ("BEGIN:VCARD\nFN:A\nEND:VCARD\nhello\n", -1, SONAE_ERROR_PARSE, "Line 4");
  /* a line that is no property */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:A\ngarbage\nEND:VCARD\n", -1, SONAE_ERROR_PARSE, "Line 4");
  /* broken quoted-printable */
  parse_fails ("BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:=E5=B1=ZZ\nEND:VCARD\n",
               -1, SONAE_ERROR_PARSE, "Line 3");
  /* a declared character set that does not decode */
  parse_fails ("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=SHIFT_JIS:\x81\x20\xff\xff\nEND:VCARD\n",
               -1, SONAE_ERROR_ENCODING, "Line 3");
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=UTF-8:\xff\xfe\xfd\nEND:VCARD\n",
               -1, SONAE_ERROR_ENCODING, "Line 3");
  /* undeclared bytes that are neither UTF-8 nor Shift_JIS */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:\x81\x20\xff\nEND:VCARD\n", -1, SONAE_ERROR_ENCODING, "Line 3");
  /* an unknown character set */
  parse_fails ("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=X-NO-SUCH-SET:abc\x90\nEND:VCARD\n",
               -1, SONAE_ERROR_ENCODING, "Line 3");
  /* binary */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:A\0B\nEND:VCARD\n", 40, SONAE_ERROR_PARSE, "line 3");
  parse_fails ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, SONAE_ERROR_PARSE, NULL);
  /* an unknown version */
  parse_fails ("BEGIN:VCARD\nVERSION:5.0\nFN:A\nEND:VCARD\n", -1, SONAE_ERROR_PARSE, "5.0");
  /* a bad verified date */
  parse_fails ("BEGIN:VCARD\nVERSION:4.0\nFN:A\nX-SONAE-VERIFIED:2026-02-30\nEND:VCARD\n",
               -1, SONAE_ERROR_PARSE, "line 1");

  /* a 3 MB line */
  big = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:");
  for (guint i = 0; i < 3 * 1024 * 1024; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\nEND:VCARD\n");
  parse_fails (big->str, big->len, SONAE_ERROR_TOO_LARGE, "Line 4");
  g_string_free (big, TRUE);

  /* a value over 64 KB, folded in short lines */
  big = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:");
  for (guint i = 0; i < 2000; i++)
    g_string_append (big, "\n xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (big, "\nEND:VCARD\n");
  parse_fails (big->str, big->len, SONAE_ERROR_TOO_LARGE, "line 4");
  g_string_free (big, TRUE);
}

static void
test_many_cards_limit (void)
{
  GString *big = g_string_new (NULL);

  for (guint i = 0; i <= 100000; i++)
    g_string_append (big, "BEGIN:VCARD\nFN:a\nEND:VCARD\n");
  parse_fails (big->str, big->len, SONAE_ERROR_TOO_LARGE, NULL);
  g_string_free (big, TRUE);
}

static void
test_line_endings (void)
{
  /* CR CR LF (old iPhone exports), LF and lone CR */
  g_autoptr(SonaeImport) a = parse_ok ("BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:A\r\r\n B\r\r\nEND:VCARD\r\r\n", -1);
  g_autoptr(SonaeImport) b = parse_ok ("BEGIN:VCARD\rVERSION:3.0\rFN:C\rEND:VCARD\r", -1);
  g_autoptr(GPtrArray) ca = contacts_of (a);
  g_autoptr(GPtrArray) cb = contacts_of (b);

  g_assert_cmpstr (((SonaeContact *) ca->pdata[0])->name, ==, "AB");
  g_assert_cmpstr (((SonaeContact *) cb->pdata[0])->name, ==, "C");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/corpus/every-file", test_corpus_every_file);
  g_test_add_func ("/vcard/corpus/fields", test_corpus_fields);
  g_test_add_func ("/vcard/folding", test_folding_styles);
  g_test_add_func ("/vcard/quoted-printable", test_quoted_printable);
  g_test_add_func ("/vcard/shift-jis", test_shift_jis_phone);
  g_test_add_func ("/vcard/phonetic", test_phonetic_fields);
  g_test_add_func ("/vcard/grouped-and-types", test_grouped_and_types);
  g_test_add_func ("/vcard/sonae-extensions", test_sonae_extensions);
  g_test_add_func ("/vcard/name-fallbacks", test_name_fallbacks);
  g_test_add_func ("/vcard/malformed", test_malformed);
  g_test_add_func ("/vcard/too-many", test_many_cards_limit);
  g_test_add_func ("/vcard/line-endings", test_line_endings);

  return g_test_run ();
}
