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

static void
assert_labeled_text (GPtrArray *labeled)
{
  for (guint i = 0; i < labeled->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (labeled, i);

      g_assert_true (l->label == NULL || g_utf8_validate (l->label, -1, NULL));
      g_assert_true (g_utf8_validate (l->value, -1, NULL));
    }
}

/* Every text an import produced is valid UTF-8. */
static void
assert_valid_text (SonaeImport *import)
{
  GPtrArray *entries = sonae_import_get_entries (import);
  GPtrArray *left_out = sonae_import_get_left_out (import);

  for (guint i = 0; i < entries->len; i++)
    {
      SonaeContact *c = ((SonaeImportEntry *) g_ptr_array_index (entries, i))->contact;
      const char *fields[] = {
        c->name, c->reading, c->organization, c->department, c->title, c->system,
        c->contract, c->address, c->url, c->notes, c->verified_on, c->builtin_key,
      };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        if (fields[j] != NULL && !g_utf8_validate (fields[j], -1, NULL))
          g_error ("field %u of contact %u is not UTF-8", j, i);
      assert_labeled_text (c->phones);
      assert_labeled_text (c->emails);
    }
  for (guint i = 0; i < left_out->len; i++)
    g_assert_true (g_utf8_validate (((SonaeImportLeftOut *) g_ptr_array_index (left_out, i))->reason, -1, NULL));
  g_assert_true (g_utf8_validate (sonae_import_get_format (import), -1, NULL));
}

/* @form with its “%s” replaced by @bad. */
static char *
fill (const char *form,
      const char *bad)
{
  g_auto(GStrv) parts = g_strsplit (form, "%s", -1);

  return g_strjoinv (bad, parts);
}

/* Read @text: refused with SONAE_ERROR_ENCODING, or read into valid text. */
static void
assert_refused_or_valid (const char *text,
                         gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import =
    sonae_import_new_from_data (text, length, "test.vcf", SONAE_GROUP_STAFF, &error);

  if (import == NULL)
    {
      g_assert_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  assert_valid_text (import);
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
  /* nested without its END (a well-formed nested card is read, see /vcard/nested) */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n",
               -1, SONAE_ERROR_PARSE, "line 1");
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

/* Found by the fuzzer: a SORT-AS cut in the middle of a UTF-8 character was
 * read past its end (a heap overflow), and a release build kept the broken
 * byte in the roster. */
static void
test_sort_as_invalid_utf8 (void)
{
  /* the crash inputs, 36 and 37 bytes */
  parse_fails ("BEGIN:VCARD\nN;SORT-AS=\xe3:a\nEND:VCARD\n", 36, SONAE_ERROR_ENCODING, "Line 2");
  assert_refused_or_valid ("BEGIN:VCARD\nN;SORT-AS=\xe3\x81:a\nEND:VCARD\n", 37);
  /* a SORT-AS marked as UTF-8 that is not */
  parse_fails ("BEGIN:VCARD\nVERSION:4.0\nFN:a\nN;CHARSET=UTF-8;SORT-AS=\"\xe3\x81,x\":a;b;;;\nEND:VCARD\n", -1,
               SONAE_ERROR_ENCODING, "Line 4");
  /* stray bytes that are neither UTF-8 nor Shift_JIS */
  parse_fails ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nN;SORT-AS=\"y\x9f\x92\x9e====\xc2\xc2\xc2" "da,taro\":\r\n x;;;;\r\nEND:VCARD\r\n",
               -1, SONAE_ERROR_ENCODING, "Line 4");

  /* the same byte at every place of the parameter */
  {
    static const char *bad[] = {
      "\xe3", "\xe3\x81", "\x80", "\xc0\xaf", "\xed\xa0\x80", "\xf8\x88\x80\x80\x80", "\xff", "\xfe\xff",
    };
    static const char *forms[] = {
      "BEGIN:VCARD\nVERSION:4.0\nN;SORT-AS=%s:Yamada;Taro;;;\nEND:VCARD\n",
      "BEGIN:VCARD\nVERSION:4.0\nN;SORT-AS=\"%s\":Yamada;Taro;;;\nEND:VCARD\n",
      "BEGIN:VCARD\nVERSION:4.0\nN;SORT-AS=\"やまだ,%s\":Yamada;Taro;;;\nEND:VCARD\n",
      "BEGIN:VCARD\nVERSION:4.0\nN;SORT-AS=\"%s;たろう\":山田;太郎;;;\nEND:VCARD\n",
      "BEGIN:VCARD\nVERSION:4.0\nFN:A\nN;SORT-AS=\"a%sb\":A;;;;\nEND:VCARD\n",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      for (guint j = 0; j < G_N_ELEMENTS (forms); j++)
        {
          g_autofree char *text = fill (forms[j], bad[i]);

          assert_refused_or_valid (text, strlen (text));
        }
  }
}

/* Whatever the property, a broken byte never comes out of the reader. */
static void
test_every_field_invalid_utf8 (void)
{
  static const char *props[] = {
    "FN:%s", "N:%s;b;;;", "N:a;%s;;;", "NICKNAME:%s", "ORG:%s;dept", "ORG:org;%s", "TITLE:%s",
    "NOTE:%s", "TEL:%s", "TEL;TYPE=%s:03-0000-0000", "EMAIL:%s@example.jp", "ADR:;;%s;;;;",
    "URL:%s", "item1.TEL:03-0000-0000\nitem1.X-ABLabel:%s", "X-PHONETIC-LAST-NAME:%s",
    "X-PHONETIC-FIRST-NAME:%s", "SOUND;X-IRMC-N:%s;a;;;", "X-KANA:%s", "X-YOMI:a;%s",
    "SORT-STRING:%s", "X-SONAE-SYSTEM:%s", "X-SONAE-CONTRACT:%s", "X-SONAE-ROLE:%s",
    "NOTE;ENCODING=QUOTED-PRINTABLE:=E3=81%s", "FN;CHARSET=UTF-8:%s", "FN;CHARSET=ISO-8859-1:%s",
  };
  static const char *bad[] = { "\xe3", "x\xe3\x81", "\x80y", "\xed\xa0\x80", "\xff\xfe", "\xc0\xaf" };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
      {
        g_autofree char *prop = fill (props[i], bad[j]);
        g_autofree char *text = g_strdup_printf ("BEGIN:VCARD\nVERSION:3.0\nFN:Name\n%s\nEND:VCARD\n", prop);
        g_autofree char *v21 = g_strdup_printf ("BEGIN:VCARD\nVERSION:2.1\n%s\nTEL:1\nEND:VCARD\n", prop);

        assert_refused_or_valid (text, strlen (text));
        assert_refused_or_valid (v21, strlen (v21));
      }
}

/* Android's reading of a structured name: SORT-AS="family;given". */
static void
test_sort_as_structured (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:安藤 ロイド\r\nN;SORT-AS=\"あんどう;ろいど\":安藤;ロイド;;;\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:鈴木 次郎\r\nN;SORT-AS=\"すずき,じろう\":鈴木;次郎;;;\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:東 一\r\nN;SORT-AS=\"ひがし;\":東;一;;;\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:西 二\r\nX-YOMI:にし;じろう\r\nEND:VCARD\r\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);

  g_assert_cmpuint (c->len, ==, 4);
  g_assert_cmpstr (((SonaeContact *) c->pdata[0])->reading, ==, "あんどう ろいど");
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->reading, ==, "すずき じろう");
  g_assert_cmpstr (((SonaeContact *) c->pdata[2])->reading, ==, "ひがし");
  g_assert_cmpstr (((SonaeContact *) c->pdata[3])->reading, ==, "にし じろう");
}

/* What phones write that Sonae used to refuse whole, in one file of our own:
 * an entry with nothing to keep, a comment, an address continued after a
 * backslash, a card inside a card, a structured SORT-AS. */
static void
test_phone_quirks (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "codecs", "phone-quirks.vcf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_autoptr(GPtrArray) c = NULL;
  GPtrArray *left_out;
  SonaeImportLeftOut *lo;
  struct { const char *name; const char *phone; const char *reading; } expected[] = {
    { "山本 一郎", "090-1000-0001", NULL },
    { "Anna Berg", "03-1000-0002", NULL },
    { "Per Lindqvist", "03-1000-0003", NULL },
    { "Card Outer", "03-1000-0005", NULL },
    { "Card Inner", "03-1000-0004", NULL },
    { "安藤 ロイド", NULL, "あんどう ろいど" },
  };

  g_assert_no_error (error);
  g_assert_nonnull (import);
  assert_valid_text (import);
  g_assert_cmpstr (sonae_import_get_format (import), ==, "vCard 2.1, 3.0, 4.0");

  c = contacts_of (import);
  g_assert_cmpuint (c->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SonaeContact *contact = g_ptr_array_index (c, i);

      g_assert_cmpstr (contact->name, ==, expected[i].name);
      g_assert_cmpstr (sonae_contact_get_first_phone (contact), ==, expected[i].phone);
      g_assert_cmpstr (contact->reading, ==, expected[i].reading);
      /* each card has its own numbers: the inner card's stay in it */
      g_assert_cmpuint (contact->phones->len, <=, 1);
    }
  /* the backslash kept the line break of the street */
  g_assert_cmpstr (((SonaeContact *) c->pdata[2])->address, ==,
                   "1-2-3 Example Street\nBuilding 4, Springfield, 12345");

  /* the two entries without anything to keep: where and why */
  left_out = sonae_import_get_left_out (import);
  g_assert_cmpuint (left_out->len, ==, 2);
  lo = g_ptr_array_index (left_out, 0);
  g_assert_cmpuint (lo->line, ==, 7);
  g_assert_nonnull (strstr (lo->reason, "left out"));
  lo = g_ptr_array_index (left_out, 1);
  g_assert_cmpuint (lo->line, ==, 12);
}

static void
test_left_out (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nX-JABBER:a@chat.example\nX-MSN:b\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nBDAY:2000-01-01\nPHOTO;ENCODING=b:AAAA\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nTEL:03-0000-0000\nEND:VCARD\n", -1);
  GPtrArray *left_out = sonae_import_get_left_out (import);

  g_assert_cmpuint (sonae_import_get_entries (import)->len, ==, 2);
  g_assert_cmpuint (left_out->len, ==, 3);
  g_assert_cmpuint (((SonaeImportLeftOut *) left_out->pdata[0])->line, ==, 5);
  g_assert_cmpuint (((SonaeImportLeftOut *) left_out->pdata[1])->line, ==, 10);
  g_assert_cmpuint (((SonaeImportLeftOut *) left_out->pdata[2])->line, ==, 15);

  /* nothing at all to import: refused, saying so */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nIMPP:xmpp:a@chat.example\nEND:VCARD\n", -1,
               SONAE_ERROR_PARSE, "nothing to import");
}

static void
test_comments (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\nVERSION:2.1\n#comment\nN:Doe;Jane;;;\n# TEL:not a phone\nTEL:1\nEND:VCARD\n"
    "# between the cards\n"
    "BEGIN:VCARD\nVERSION:3.0\n#X-AIM:a\nFN:B\nEND:VCARD\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);
  SonaeContact *jane = c->pdata[0];

  g_assert_cmpuint (c->len, ==, 2);
  g_assert_cmpstr (jane->name, ==, "Jane Doe");
  g_assert_cmpuint (jane->phones->len, ==, 1);
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->name, ==, "B");
}

static void
test_backslash_continuation (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\nVERSION:2.1\nN:Doe;Jane;;;\nTEL:1\n"
    /* an address continued twice, then a property */
    "ADR;HOME:;;Line 1\\\nLine 2\\\nLine 3;Town;;;\nNOTE:kept\n"
    /* an escaped backslash at the end is a backslash */
    "URL:C:\\\\\nEND:VCARD\n"
    /* Shift_JIS, as Japanese phones write 2.1: the address goes on after the backslash */
    "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=SHIFT_JIS:\x8e\x52\x93\x63;\x89\xd4\x8e\x71;;;\n"
    "ADR;HOME;CHARSET=SHIFT_JIS:;;\x93\x8c\x8b\x9e\x93\x73\\\n\x8d\x60\x8b\xe6;;;;\nEND:VCARD\n"
    /* 3.0 continues nothing after a backslash: the next line is its own */
    "BEGIN:VCARD\nVERSION:3.0\nFN:B\nNOTE:end\\\nEND:VCARD\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);
  SonaeContact *jane = c->pdata[0];

  g_assert_cmpuint (c->len, ==, 3);
  g_assert_cmpstr (jane->name, ==, "Jane Doe");
  g_assert_cmpstr (jane->address, ==, "Line 1\nLine 2\nLine 3, Town");
  g_assert_cmpstr (jane->notes, ==, "kept");
  g_assert_cmpstr (jane->url, ==, "C:\\");
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->name, ==, "山田 花子");
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->address, ==, "東京都\n港区");
  g_assert_cmpstr (((SonaeContact *) c->pdata[2])->notes, ==, "end\\");
}

static void
test_nested_cards (void)
{
  g_autoptr(SonaeImport) import = parse_ok (
    "BEGIN:VCARD\nVERSION:2.1\nN:Outer;A;;;\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Inner B\nEMAIL:b@example.jp\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN:Innermost C\nEND:VCARD\n"
    "NOTE:folded\n  note\nEND:VCARD\n"
    "TEL:03-0000-0001\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nFN:After D\nEND:VCARD\n", -1);
  g_autoptr(GPtrArray) c = contacts_of (import);

  /* in the order the cards begin */
  g_assert_cmpuint (c->len, ==, 4);
  g_assert_cmpstr (((SonaeContact *) c->pdata[0])->name, ==, "A Outer");
  g_assert_cmpstr (sonae_contact_get_first_phone (c->pdata[0]), ==, "03-0000-0001");
  g_assert_null (sonae_contact_get_first_email (c->pdata[0]));
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->name, ==, "Inner B");
  g_assert_cmpstr (sonae_contact_get_first_email (c->pdata[1]), ==, "b@example.jp");
  /* the inner card is 3.0: its folding drops the first blank */
  g_assert_cmpstr (((SonaeContact *) c->pdata[1])->notes, ==, "folded note");
  g_assert_cmpstr (((SonaeContact *) c->pdata[2])->name, ==, "Innermost C");
  g_assert_cmpstr (((SonaeContact *) c->pdata[3])->name, ==, "After D");
}

/* Still refused whole: what is truly broken. */
static void
test_broken_still_refused (void)
{
  /* a card inside a card that never ends, and its outer card */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", -1, SONAE_ERROR_PARSE, "line 1");
  parse_fails ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\nFN:C\n", -1, SONAE_ERROR_PARSE, "line 1");
  parse_fails ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\n", -1, SONAE_ERROR_PARSE, "line 3");
  /* one END too many */
  parse_fails ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\nEND:VCARD\nEND:VCARD\n", -1, SONAE_ERROR_PARSE, "Line 7");
  /* cut short in a continued address */
  parse_fails ("BEGIN:VCARD\nVERSION:2.1\nN:A;B;;;\nADR:;;street\\\nmore", -1, SONAE_ERROR_PARSE, "line 1");
  /* a line of no property after a card with something to keep */
  parse_fails ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nIMPP:x\nnot a property\nEND:VCARD\n", -1, SONAE_ERROR_PARSE, "Line 5");
  /* binary and a wrong encoding, in a file that also has entries to leave out */
  {
    static const char binary[] = "BEGIN:VCARD\nX-AIM:a\nEND:VCARD\nBEGIN:VCARD\nFN:A\0B\nEND:VCARD\n";

    parse_fails (binary, sizeof binary - 1, SONAE_ERROR_PARSE, "line 5");
  }
  parse_fails ("BEGIN:VCARD\nX-AIM:a\nEND:VCARD\nBEGIN:VCARD\nFN;CHARSET=UTF-8:\xff\nEND:VCARD\n", -1,
               SONAE_ERROR_ENCODING, "Line 5");
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
  g_test_add_func ("/vcard/invalid-utf8/sort-as", test_sort_as_invalid_utf8);
  g_test_add_func ("/vcard/invalid-utf8/every-field", test_every_field_invalid_utf8);
  g_test_add_func ("/vcard/sort-as-structured", test_sort_as_structured);
  g_test_add_func ("/vcard/phone-quirks", test_phone_quirks);
  g_test_add_func ("/vcard/left-out", test_left_out);
  g_test_add_func ("/vcard/comments", test_comments);
  g_test_add_func ("/vcard/backslash-continuation", test_backslash_continuation);
  g_test_add_func ("/vcard/nested", test_nested_cards);
  g_test_add_func ("/vcard/broken-still-refused", test_broken_still_refused);
  g_test_add_func ("/vcard/line-endings", test_line_endings);

  return g_test_run ();
}
