/* sonae-csv.c: reading contact lists saved as CSV (Excel in Japan, Google
 * Contacts, Outlook, Sonae itself) and writing Sonae's own CSV */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-codec-private.h"
#include "sonae-error.h"

typedef enum {
  F_NONE,
  F_NAME,
  F_FAMILY,
  F_GIVEN,
  F_MIDDLE,
  F_READING,
  F_READING_FAMILY,
  F_READING_GIVEN,
  F_ORG,
  F_DEPT,
  F_TITLE,
  F_TITLE_WEAK,   /* Outlook's “Title” is Mr./Ms.; used only without a job title */
  F_SYSTEM,
  F_CONTRACT,
  F_HOURS,
  F_ADDRESS,
  F_URL,
  F_NOTES,
  F_GROUP,
  F_ROLES,
  F_VERIFIED,
  F_BUILTIN,
  F_NEEDS_CHECK,
  F_NICKNAME,
  F_PHONE,        /* a phone column with a fixed label */
  F_EMAIL,        /* an e-mail column with a fixed label */
  F_PHONE_VALUE,  /* Google: Phone n - Value */
  F_PHONE_LABEL,  /* Google: Phone n - Type / Label */
  F_EMAIL_VALUE,
  F_EMAIL_LABEL,
  F_ADDR_PART,
  N_FIELDS
} Field;

typedef enum {
  LAYOUT_NONE,
  LAYOUT_GOOGLE,
  LAYOUT_OUTLOOK,
  LAYOUT_SONAE,
} Layout;

/* Address parts, in Japanese order */
enum { A_POSTAL, A_REGION, A_CITY, A_STREET, A_STREET2, A_COUNTRY, N_ADDR_PARTS };
/* Address sets */
enum { S_GENERIC, S_BUSINESS, S_HOME, S_OTHER, N_ADDR_SETS };

typedef struct {
  const char *header;   /* compared after fold_header() */
  Field field;
  const char *label;    /* F_PHONE / F_EMAIL */
  Layout layout;
  int set;              /* F_ADDR_PART */
  int part;
} Alias;

static const Alias aliases[] = {
  { "氏名", F_NAME }, { "名前", F_NAME }, { "お名前", F_NAME }, { "氏名(漢字)", F_NAME },
  { "名前(漢字)", F_NAME }, { "担当者名", F_NAME }, { "表示名", F_NAME },
  { "name", F_NAME, NULL, LAYOUT_GOOGLE }, { "fullname", F_NAME }, { "displayname", F_NAME },
  { "姓", F_FAMILY }, { "苗字", F_FAMILY }, { "名字", F_FAMILY },
  { "lastname", F_FAMILY }, { "familyname", F_FAMILY, NULL, LAYOUT_GOOGLE }, { "surname", F_FAMILY },
  { "名", F_GIVEN }, { "firstname", F_GIVEN }, { "givenname", F_GIVEN, NULL, LAYOUT_GOOGLE },
  { "middlename", F_MIDDLE }, { "additionalname", F_MIDDLE }, { "ミドルネーム", F_MIDDLE },
  { "よみ", F_READING }, { "よみがな", F_READING }, { "ふりがな", F_READING }, { "フリガナ", F_READING },
  { "読み", F_READING }, { "読みがな", F_READING }, { "かな", F_READING }, { "カナ", F_READING },
  { "氏名(カナ)", F_READING }, { "氏名(フリガナ)", F_READING }, { "氏名(ふりがな)", F_READING },
  { "名前(フリガナ)", F_READING }, { "名前(ふりがな)", F_READING }, { "reading", F_READING },
  { "yomi", F_READING }, { "yominame", F_READING, NULL, LAYOUT_GOOGLE }, { "phoneticname", F_READING },
  { "姓(ふりがな)", F_READING_FAMILY }, { "姓(フリガナ)", F_READING_FAMILY }, { "姓(よみ)", F_READING_FAMILY },
  { "ふりがな(姓)", F_READING_FAMILY }, { "フリガナ(姓)", F_READING_FAMILY }, { "よみ(姓)", F_READING_FAMILY },
  { "セイ", F_READING_FAMILY }, { "せい", F_READING_FAMILY },
  { "phoneticlastname", F_READING_FAMILY, NULL, LAYOUT_GOOGLE }, { "familynameyomi", F_READING_FAMILY, NULL, LAYOUT_GOOGLE },
  { "名(ふりがな)", F_READING_GIVEN }, { "名(フリガナ)", F_READING_GIVEN }, { "名(よみ)", F_READING_GIVEN },
  { "ふりがな(名)", F_READING_GIVEN }, { "フリガナ(名)", F_READING_GIVEN }, { "よみ(名)", F_READING_GIVEN },
  { "メイ", F_READING_GIVEN }, { "めい", F_READING_GIVEN },
  { "phoneticfirstname", F_READING_GIVEN, NULL, LAYOUT_GOOGLE }, { "givennameyomi", F_READING_GIVEN, NULL, LAYOUT_GOOGLE },
  { "会社名", F_ORG }, { "会社", F_ORG }, { "所属", F_ORG }, { "勤務先", F_ORG }, { "勤務先名", F_ORG },
  { "組織", F_ORG }, { "組織名", F_ORG }, { "法人名", F_ORG }, { "事業者名", F_ORG }, { "機関名", F_ORG },
  { "company", F_ORG }, { "organization", F_ORG }, { "organisation", F_ORG },
  { "organizationname", F_ORG, NULL, LAYOUT_GOOGLE }, { "organization1-name", F_ORG, NULL, LAYOUT_GOOGLE },
  { "部署", F_DEPT }, { "部署名", F_DEPT }, { "部門", F_DEPT }, { "所属部署", F_DEPT }, { "department", F_DEPT },
  { "organizationdepartment", F_DEPT, NULL, LAYOUT_GOOGLE }, { "organization1-department", F_DEPT, NULL, LAYOUT_GOOGLE },
  { "役職", F_TITLE }, { "肩書", F_TITLE }, { "肩書き", F_TITLE }, { "職名", F_TITLE },
  { "jobtitle", F_TITLE, NULL, LAYOUT_OUTLOOK }, { "organizationtitle", F_TITLE, NULL, LAYOUT_GOOGLE },
  { "organization1-title", F_TITLE, NULL, LAYOUT_GOOGLE }, { "title", F_TITLE_WEAK },
  { "システム", F_SYSTEM }, { "担当システム", F_SYSTEM }, { "対象システム", F_SYSTEM }, { "system", F_SYSTEM },
  { "契約番号", F_CONTRACT }, { "顧客番号", F_CONTRACT }, { "契約・顧客番号", F_CONTRACT }, { "お客様番号", F_CONTRACT },
  { "contract", F_CONTRACT }, { "contractnumber", F_CONTRACT }, { "customernumber", F_CONTRACT },
  { "受付時間", F_HOURS }, { "対応時間", F_HOURS }, { "サポート時間", F_HOURS }, { "営業時間", F_HOURS },
  { "hours", F_HOURS }, { "supporthours", F_HOURS }, { "openinghours", F_HOURS },
  { "住所", F_ADDRESS }, { "所在地", F_ADDRESS }, { "address", F_ADDRESS }, { "address1-formatted", F_ADDRESS, NULL, LAYOUT_GOOGLE },
  { "url", F_URL }, { "ウェブサイト", F_URL }, { "ホームページ", F_URL }, { "webpage", F_URL, NULL, LAYOUT_OUTLOOK },
  { "website", F_URL }, { "website1-value", F_URL, NULL, LAYOUT_GOOGLE }, { "webページ", F_URL },
  { "メモ", F_NOTES }, { "備考", F_NOTES }, { "コメント", F_NOTES }, { "notes", F_NOTES }, { "note", F_NOTES },
  { "区分", F_GROUP }, { "グループ", F_GROUP }, { "種別", F_GROUP }, { "group", F_GROUP },
  { "役割", F_ROLES }, { "担当役割", F_ROLES }, { "roles", F_ROLES }, { "role", F_ROLES },
  { "確認日", F_VERIFIED }, { "最終確認日", F_VERIFIED }, { "verified", F_VERIFIED }, { "verifiedon", F_VERIFIED },
  { "lastverified", F_VERIFIED },
  { "builtinkey", F_BUILTIN, NULL, LAYOUT_SONAE }, { "needscheck", F_NEEDS_CHECK }, { "要確認", F_NEEDS_CHECK },
  { "nickname", F_NICKNAME }, { "ニックネーム", F_NICKNAME },
  /* phones */
  { "電話番号", F_PHONE }, { "電話", F_PHONE }, { "tel", F_PHONE }, { "phone", F_PHONE }, { "phonenumber", F_PHONE },
  { "telephone", F_PHONE },
  { "代表電話", F_PHONE, "main" }, { "代表電話番号", F_PHONE, "main" }, { "代表番号", F_PHONE, "main" },
  { "会社代表電話", F_PHONE, "main", LAYOUT_OUTLOOK }, { "primaryphone", F_PHONE, "main", LAYOUT_OUTLOOK },
  { "companymainphone", F_PHONE, "main", LAYOUT_OUTLOOK },
  { "携帯電話", F_PHONE, "mobile" }, { "携帯", F_PHONE, "mobile" }, { "携帯番号", F_PHONE, "mobile" },
  { "携帯電話番号", F_PHONE, "mobile" }, { "mobilephone", F_PHONE, "mobile", LAYOUT_OUTLOOK },
  { "mobile", F_PHONE, "mobile" }, { "cellphone", F_PHONE, "mobile" },
  { "会社電話", F_PHONE, "work", LAYOUT_OUTLOOK }, { "勤務先電話", F_PHONE, "work", LAYOUT_OUTLOOK },
  { "勤務先電話2", F_PHONE, "work", LAYOUT_OUTLOOK }, { "勤務先電話番号", F_PHONE, "work" }, { "直通電話", F_PHONE, "work" },
  { "businessphone", F_PHONE, "work", LAYOUT_OUTLOOK }, { "businessphone2", F_PHONE, "work", LAYOUT_OUTLOOK },
  { "workphone", F_PHONE, "work" },
  { "自宅電話", F_PHONE, "home", LAYOUT_OUTLOOK }, { "自宅電話2", F_PHONE, "home", LAYOUT_OUTLOOK },
  { "自宅電話番号", F_PHONE, "home" }, { "homephone", F_PHONE, "home", LAYOUT_OUTLOOK },
  { "homephone2", F_PHONE, "home", LAYOUT_OUTLOOK },
  { "fax", F_PHONE, "fax" }, { "ファックス", F_PHONE, "fax" }, { "ファクス", F_PHONE, "fax" }, { "fax番号", F_PHONE, "fax" },
  { "勤務先fax", F_PHONE, "fax", LAYOUT_OUTLOOK }, { "自宅fax", F_PHONE, "fax", LAYOUT_OUTLOOK },
  { "businessfax", F_PHONE, "fax", LAYOUT_OUTLOOK }, { "homefax", F_PHONE, "fax", LAYOUT_OUTLOOK },
  { "otherfax", F_PHONE, "fax", LAYOUT_OUTLOOK },
  { "その他の電話", F_PHONE, "other", LAYOUT_OUTLOOK }, { "otherphone", F_PHONE, "other", LAYOUT_OUTLOOK },
  /* e-mail */
  { "メールアドレス", F_EMAIL }, { "メール", F_EMAIL }, { "eメール", F_EMAIL }, { "eメールアドレス", F_EMAIL },
  { "e-mail", F_EMAIL }, { "email", F_EMAIL }, { "emailaddress", F_EMAIL }, { "mail", F_EMAIL },
  { "mailaddress", F_EMAIL }, { "電子メール", F_EMAIL },
  { "e-mailaddress", F_EMAIL, NULL, LAYOUT_OUTLOOK }, { "e-mail2address", F_EMAIL, NULL, LAYOUT_OUTLOOK },
  { "e-mail3address", F_EMAIL, NULL, LAYOUT_OUTLOOK }, { "電子メールアドレス", F_EMAIL, NULL, LAYOUT_OUTLOOK },
  { "電子メール2アドレス", F_EMAIL, NULL, LAYOUT_OUTLOOK }, { "電子メール3アドレス", F_EMAIL, NULL, LAYOUT_OUTLOOK },
  { "会社メール", F_EMAIL, "work" }, { "勤務先メール", F_EMAIL, "work" }, { "自宅メール", F_EMAIL, "home" },
  { "携帯メール", F_EMAIL, "mobile" }, { "携帯メールアドレス", F_EMAIL, "mobile" },
  /* address parts */
  { "郵便番号", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_POSTAL },
  { "〒", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_POSTAL },
  { "都道府県", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_REGION },
  { "市区町村", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_CITY },
  { "番地", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_STREET },
  { "住所1", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_STREET },
  { "住所2", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_STREET2 },
  { "建物名", F_ADDR_PART, NULL, LAYOUT_NONE, S_GENERIC, A_STREET2 },
  { "勤務先郵便番号", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_POSTAL },
  { "勤務先都道府県", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_REGION },
  { "勤務先市区町村", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_CITY },
  { "勤務先番地", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_STREET },
  { "勤務先番地2", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_STREET2 },
  { "勤務先国/地域", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_COUNTRY },
  { "自宅郵便番号", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_POSTAL },
  { "自宅都道府県", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_REGION },
  { "自宅市区町村", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_CITY },
  { "自宅番地", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_STREET },
  { "自宅番地2", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_STREET2 },
  { "自宅国/地域", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_COUNTRY },
  { "businessstreet", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_STREET },
  { "businessstreet2", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_STREET2 },
  { "businesscity", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_CITY },
  { "businessstate", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_REGION },
  { "businesspostalcode", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_POSTAL },
  { "businesscountry/region", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_BUSINESS, A_COUNTRY },
  { "homestreet", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_STREET },
  { "homestreet2", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_STREET2 },
  { "homecity", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_CITY },
  { "homestate", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_REGION },
  { "homepostalcode", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_POSTAL },
  { "homecountry/region", F_ADDR_PART, NULL, LAYOUT_OUTLOOK, S_HOME, A_COUNTRY },
  { "address1-street", F_ADDR_PART, NULL, LAYOUT_GOOGLE, S_OTHER, A_STREET },
  { "address1-city", F_ADDR_PART, NULL, LAYOUT_GOOGLE, S_OTHER, A_CITY },
  { "address1-region", F_ADDR_PART, NULL, LAYOUT_GOOGLE, S_OTHER, A_REGION },
  { "address1-postalcode", F_ADDR_PART, NULL, LAYOUT_GOOGLE, S_OTHER, A_POSTAL },
  { "address1-country", F_ADDR_PART, NULL, LAYOUT_GOOGLE, S_OTHER, A_COUNTRY },
};

typedef struct {
  Field field;
  const char *label;
  int n;          /* Google's Phone n / E-mail n */
  int set, part;
} Column;

/* NFKC, case-folded, without blanks: “E-mail 2 Address” → “e-mail2address”,
 * “勤務先 ＦＡＸ” → “勤務先fax”. */
static char *
fold_header (const char *text)
{
  g_autofree char *norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (norm ? norm : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != '"' && c != '*')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* “phone3-value” → kind phone, n 3, sub value */
static gboolean
parse_numbered (const char *h,
                Column     *col)
{
  static const struct { const char *prefix; Field value; Field label; } kinds[] = {
    { "phone", F_PHONE_VALUE, F_PHONE_LABEL },
    { "e-mail", F_EMAIL_VALUE, F_EMAIL_LABEL },
    { "email", F_EMAIL_VALUE, F_EMAIL_LABEL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize n = strlen (kinds[i].prefix);
      const char *p = h + n;
      char *end;
      gint64 num;

      if (strncmp (h, kinds[i].prefix, n) != 0 || !g_ascii_isdigit (*p))
        continue;
      num = g_ascii_strtoll (p, &end, 10);
      if (*end != '-' || num < 1 || num > 100)
        continue;
      col->n = (int) num;
      if (g_str_equal (end + 1, "value"))
        col->field = kinds[i].value;
      else if (g_str_equal (end + 1, "type") || g_str_equal (end + 1, "label"))
        col->field = kinds[i].label;
      else
        continue;
      return TRUE;
    }
  return FALSE;
}

/* The folded aliases → the first alias of that header, made once: a header
 * line of thousands of columns is read in linear time. */
static GHashTable *
folded_aliases (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
        {
          char *folded = fold_header (aliases[i].header);

          if (g_hash_table_contains (t, folded))
            g_free (folded);
          else
            g_hash_table_insert (t, folded, (gpointer) &aliases[i]);
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

static Layout
map_header (const char *header,
            Column     *col)
{
  g_autofree char *h = fold_header (header);
  const Alias *alias;

  memset (col, 0, sizeof *col);
  if (parse_numbered (h, col))
    return LAYOUT_GOOGLE;
  alias = g_hash_table_lookup (folded_aliases (), h);
  if (alias == NULL)
    return LAYOUT_NONE;
  col->field = alias->field;
  col->label = alias->label;
  col->set = alias->set;
  col->part = alias->part;
  return alias->layout;
}

/* --- RFC 4180 records ------------------------------------------------------ */

typedef struct {
  const char *text;
  gsize length;
  gsize pos;
  guint line;
  char sep;
} Csv;

/* One record into @fields; FALSE at the end or on error. */
static gboolean
read_record (Csv        *csv,
             GPtrArray  *fields,
             guint      *out_line,
             GError    **error)
{
  GString *field = g_string_new (NULL);
  gsize record_start = csv->pos;
  gboolean done = FALSE;

  g_ptr_array_set_size (fields, 0);
  if (csv->pos >= csv->length)
    {
      g_string_free (field, TRUE);
      return FALSE;
    }
  *out_line = csv->line;

  while (!done)
    {
      gboolean quoted = FALSE;
      guint quote_line = csv->line;

      g_string_truncate (field, 0);
      if (csv->pos < csv->length && csv->text[csv->pos] == '"')
        {
          quoted = TRUE;
          csv->pos++;
        }

      for (;;)
        {
          char ch;

          if (field->len > SONAE_IMPORT_MAX_FIELD)
            {
              if (quoted)
                g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                             _("The value that starts at line %u is longer than 64 KB. Perhaps a quotation mark there is never closed."),
                             quote_line);
              else
                g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                             _("The value at line %u is longer than 64 KB."), quote_line);
              g_string_free (field, TRUE);
              return FALSE;
            }
          if (csv->pos - record_start > SONAE_IMPORT_MAX_LINE)
            {
              g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                           _("Line %u is longer than 1 MB. This is not a contact file Sonae can read."),
                           *out_line);
              g_string_free (field, TRUE);
              return FALSE;
            }
          if (csv->pos >= csv->length)
            {
              if (quoted)
                {
                  g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                               _("A quotation mark opened at line %u is never closed."), quote_line);
                  g_string_free (field, TRUE);
                  return FALSE;
                }
              done = TRUE;
              break;
            }

          ch = csv->text[csv->pos];
          if (quoted)
            {
              if (ch == '"')
                {
                  if (csv->pos + 1 < csv->length && csv->text[csv->pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      csv->pos += 2;
                    }
                  else
                    {
                      quoted = FALSE;  /* closing quote; what follows is taken as is */
                      csv->pos++;
                    }
                  continue;
                }
              if (ch == '\r' || ch == '\n')
                {
                  /* a line break inside a value: keep it as LF */
                  csv->pos++;
                  if (ch == '\r' && csv->pos < csv->length && csv->text[csv->pos] == '\n')
                    csv->pos++;
                  csv->line++;
                  g_string_append_c (field, '\n');
                  continue;
                }
              g_string_append_c (field, ch);
              csv->pos++;
              continue;
            }

          if (ch == csv->sep)
            {
              csv->pos++;
              break;
            }
          if (ch == '\r' || ch == '\n')
            {
              csv->pos++;
              if (ch == '\r' && csv->pos < csv->length && csv->text[csv->pos] == '\n')
                csv->pos++;
              csv->line++;
              done = TRUE;
              break;
            }
          g_string_append_c (field, ch);
          csv->pos++;
        }
      g_ptr_array_add (fields, g_strdup (field->str));
    }

  g_string_free (field, TRUE);
  return TRUE;
}

/* --- rows to contacts ------------------------------------------------------ */

/* TRUE when @text begins, after any apostrophes, with a character a
 * spreadsheet takes for a formula: “=”, “+”, “-” or “@”. @with_guard: only
 * when at least one apostrophe (the guard) comes first. */
static gboolean
looks_like_formula (const char *text,
                    gboolean    with_guard)
{
  const char *p = text;

  while (*p == '\'')
    p++;
  if (with_guard && p == text)
    return FALSE;
  return *p != '\0' && strchr ("=+-@", *p) != NULL;
}

static char *
clean_cell (const char *text)
{
  g_autofree char *clean = sonae_codec_clean_text (text);

  g_strstrip (clean);
  /* Sonae's export guards cells Excel would take for a formula with one
   * more apostrophe: '+81… is +81…, and ''=x is '=x as a person typed it. */
  if (looks_like_formula (clean, TRUE))
    return g_strdup (clean + 1);
  return g_steal_pointer (&clean);
}

static char *
join_parts (const char *const *words,
            guint              n,
            const char        *sep)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (words[i] == NULL || *words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, sep);
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static void
add_values (SonaeContact *c,
            gboolean      phone,
            const char   *label,
            const char   *value)
{
  /* Google writes several values in one cell: “090… ::: 03…” */
  g_auto(GStrv) parts = g_strsplit (value, " ::: ", -1);
  g_autofree char *mapped = label && *label ? sonae_codec_label_from_text (label) : NULL;

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (phone)
        sonae_contact_add_phone (c, mapped, parts[i]);
      else
        sonae_contact_add_email (c, mapped, parts[i]);
    }
}

static gboolean
group_from_text (const char *text,
                 SonaeGroup *out)
{
  if (sonae_group_from_string (text, out))
    return TRUE;
  /* A clinic's titles and a business's: a file may come from either. */
  for (int g = 0; g < SONAE_N_GROUPS; g++)
    if (g_strcmp0 (text, sonae_group_get_title (g, SONAE_ORG_CLINIC)) == 0 ||
        g_strcmp0 (text, sonae_group_get_title (g, SONAE_ORG_BUSINESS)) == 0)
      {
        *out = g;
        return TRUE;
      }
  if (g_ascii_strcasecmp (text, "Vendors and Service Providers") == 0)
    {
      *out = SONAE_GROUP_VENDOR;
      return TRUE;
    }
  return FALSE;
}

static void
add_roles (SonaeCodecEntry *entry,
           const char      *text)
{
  g_auto(GStrv) ideographic = g_strsplit (text, "、", -1);
  g_autofree char *ascii = g_strjoinv (";", ideographic);
  g_auto(GStrv) items = g_strsplit_set (ascii, ";,/\n", -1);

  for (guint i = 0; items[i]; i++)
    {
      char *item = g_strstrip (items[i]);
      char *colon = strrchr (item, ':');
      int order = 0;

      if (*item == '\0')
        continue;
      if (colon != NULL && g_ascii_isdigit (colon[1]))
        {
          order = (int) CLAMP (g_ascii_strtoll (colon + 1, NULL, 10), 0, 100000);
          *colon = '\0';
          g_strstrip (item);
        }
      sonae_codec_entry_add_role (entry, item, order);
    }
}

/* @has_job_title: a column holds the job title. @out_entry is NULL when
 * the row holds nothing Sonae keeps. */
static gboolean
row_to_entry (GPtrArray        *row,
              Column           *columns,
              guint             n_columns,
              gboolean          has_job_title,
              guint             line,
              SonaeCodecEntry **out_entry,
              GError          **error)
{
  SonaeCodecEntry *entry = sonae_codec_entry_new (line);
  SonaeContact *c = entry->pub.contact;
  const char *single[N_FIELDS] = { NULL, };
  const char *addr[N_ADDR_SETS][N_ADDR_PARTS] = { { NULL, }, };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *numbered_label[2][101] = { { NULL, }, };
  const char *numbered_value[2][101] = { { NULL, }, };

  for (guint i = 0; i < n_columns && i < row->len; i++)
    {
      char *cell = clean_cell (g_ptr_array_index (row, i));
      Column *col = &columns[i];

      g_ptr_array_add (cells, cell);
      if (*cell == '\0')
        continue;
      switch (col->field)
        {
        case F_NONE:
          break;
        case F_PHONE:
          add_values (c, TRUE, col->label, cell);
          break;
        case F_EMAIL:
          add_values (c, FALSE, col->label, cell);
          break;
        case F_PHONE_VALUE:
        case F_EMAIL_VALUE:
          numbered_value[col->field == F_EMAIL_VALUE][col->n] = cell;
          break;
        case F_PHONE_LABEL:
        case F_EMAIL_LABEL:
          numbered_label[col->field == F_EMAIL_LABEL][col->n] = cell;
          break;
        case F_ADDR_PART:
          if (addr[col->set][col->part] == NULL)
            addr[col->set][col->part] = cell;
          break;
        case F_TITLE_WEAK:
          if (!has_job_title && single[F_TITLE] == NULL)
            single[F_TITLE] = cell;
          break;
        default:
          if (single[col->field] == NULL)
            single[col->field] = cell;
          break;
        }
    }

  for (int kind = 0; kind < 2; kind++)
    for (int n = 1; n <= 100; n++)
      if (numbered_value[kind][n] != NULL)
        {
          const char *label = numbered_label[kind][n];

          /* Google marks the primary value with “* ” */
          while (label && (*label == '*' || *label == ' '))
            label++;
          add_values (c, kind == 0, label, numbered_value[kind][n]);
        }

  /* the name */
  if (single[F_NAME] != NULL)
    c->name = g_strdup (single[F_NAME]);
  else if (single[F_FAMILY] || single[F_GIVEN])
    {
      if (sonae_codec_is_japanese (single[F_FAMILY]) || sonae_codec_is_japanese (single[F_GIVEN]))
        {
          const char *words[] = { single[F_FAMILY], single[F_GIVEN] };
          c->name = join_parts (words, 2, " ");
        }
      else
        {
          const char *words[] = { single[F_GIVEN], single[F_MIDDLE], single[F_FAMILY] };
          c->name = join_parts (words, 3, " ");
        }
    }
  if (single[F_READING] != NULL)
    c->reading = g_strdup (single[F_READING]);
  else if (single[F_READING_FAMILY] || single[F_READING_GIVEN])
    {
      const char *words[] = { single[F_READING_FAMILY], single[F_READING_GIVEN] };
      c->reading = join_parts (words, 2, " ");
    }

  sonae_contact_set_string (&c->organization, single[F_ORG]);
  sonae_contact_set_string (&c->department, single[F_DEPT]);
  sonae_contact_set_string (&c->title, single[F_TITLE]);
  sonae_contact_set_string (&c->system, single[F_SYSTEM]);
  sonae_contact_set_string (&c->contract, single[F_CONTRACT]);
  sonae_contact_set_string (&c->hours, single[F_HOURS]);
  sonae_contact_set_string (&c->url, single[F_URL]);
  sonae_contact_set_string (&c->notes, single[F_NOTES]);
  sonae_contact_set_string (&c->verified_on, single[F_VERIFIED]);
  sonae_contact_set_string (&c->builtin_key, single[F_BUILTIN]);
  if (single[F_NEEDS_CHECK] != NULL)
    c->needs_check = g_ascii_strcasecmp (single[F_NEEDS_CHECK], "yes") == 0 ||
                     g_ascii_strcasecmp (single[F_NEEDS_CHECK], "true") == 0 ||
                     g_str_equal (single[F_NEEDS_CHECK], "1") ||
                     g_str_equal (single[F_NEEDS_CHECK], "○") ||
                     g_str_equal (single[F_NEEDS_CHECK], "要");

  if (single[F_ADDRESS] != NULL)
    c->address = g_strdup (single[F_ADDRESS]);
  else
    for (int s = 0; s < N_ADDR_SETS && c->address == NULL; s++)
      {
        const char **a = addr[s];
        gboolean japanese = FALSE;
        gboolean any = FALSE;

        for (int p = 0; p < N_ADDR_PARTS; p++)
          {
            any = any || a[p] != NULL;
            japanese = japanese || sonae_codec_is_japanese (a[p]);
          }
        if (!any)
          continue;
        if (japanese)
          {
            g_autofree char *zip = a[A_POSTAL] ? g_strconcat ("〒", a[A_POSTAL], NULL) : NULL;
            const char *words[] = { zip, a[A_REGION], a[A_CITY], a[A_STREET], a[A_STREET2], a[A_COUNTRY] };
            c->address = join_parts (words, G_N_ELEMENTS (words), " ");
          }
        else
          {
            const char *l3[] = { a[A_REGION], a[A_POSTAL] };
            g_autofree char *third = join_parts (l3, 2, " ");
            const char *words[] = { a[A_STREET], a[A_STREET2], a[A_CITY], third, a[A_COUNTRY] };
            c->address = join_parts (words, G_N_ELEMENTS (words), ", ");
          }
      }

  if (single[F_GROUP] != NULL)
    {
      SonaeGroup g;

      if (group_from_text (single[F_GROUP], &g))
        {
          c->group = g;
          entry->group_from_file = TRUE;
        }
    }
  if (single[F_ROLES] != NULL)
    add_roles (entry, single[F_ROLES]);

  /* only columns Sonae does not know (a birthday, a photo…): left out by
   * the caller, the rest of the file is read */
  if (sonae_codec_entry_is_empty (entry, single[F_NICKNAME]))
    {
      sonae_codec_entry_free (entry);
      *out_entry = NULL;
      return TRUE;
    }
  if (!sonae_codec_entry_finish (entry, single[F_NICKNAME], error))
    {
      sonae_codec_entry_free (entry);
      return FALSE;
    }
  *out_entry = entry;
  return TRUE;
}

static gboolean
row_is_empty (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    {
      const char *cell = g_ptr_array_index (row, i);
      for (; *cell; cell++)
        if (*cell != ' ' && *cell != '\t')
          return FALSE;
    }
  return TRUE;
}

gboolean
sonae_csv_parse (const char  *data,
                 gsize        length,
                 GPtrArray   *entries,
                 GPtrArray   *left_out,
                 char       **out_format,
                 GError     **error)
{
  g_autofree char *converted = NULL;
  const char *encoding = "UTF-8";
  const char *text = data;
  gsize text_len = length;
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autofree Column *columns = NULL;
  guint n_columns;
  guint line = 0;
  guint tabs = 0, commas = 0;
  Layout layout = LAYOUT_NONE;
  gboolean has_name = FALSE;
  gboolean has_job_title = FALSE;
  Csv csv;

  /* The encoding: UTF-8 (with or without a BOM), else CP932 as Excel
   * writes it in Japan. */
  if (text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      text_len -= 3;
    }
  if (!g_utf8_validate_len (text, text_len, NULL))
    {
      g_autoptr(GError) local = NULL;

      converted = sonae_codec_to_utf8 (text, text_len, "CP932", 0, &local);
      if (converted == NULL)
        {
          const char *end;

          g_utf8_validate_len (text, text_len, &end);
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                       _("Line %u has characters that are neither UTF-8 nor Shift_JIS. Save the file as “CSV UTF-8” and try again."),
                       sonae_codec_line_at (text, end - text));
          return FALSE;
        }
      encoding = "Shift_JIS";
      text = converted;
      text_len = strlen (converted);
    }

  /* Comma or tab: whichever the first line has more of. */
  for (gsize i = 0; i < text_len && text[i] != '\n' && text[i] != '\r'; i++)
    {
      if (text[i] == '\t')
        tabs++;
      else if (text[i] == ',')
        commas++;
    }
  csv = (Csv) { text, text_len, 0, 1, tabs > commas ? '\t' : ',' };

  /* The header */
  do
    {
      if (!read_record (&csv, row, &line, error))
        {
          if (error && *error)
            return FALSE;
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The file is empty."));
          return FALSE;
        }
    }
  while (row_is_empty (row));

  n_columns = row->len;
  columns = g_new0 (Column, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *header = clean_cell (g_ptr_array_index (row, i));
      Layout l = map_header (header, &columns[i]);

      if (l != LAYOUT_NONE && (layout == LAYOUT_NONE || l == LAYOUT_SONAE))
        layout = l;
      if (columns[i].field == F_NAME || columns[i].field == F_FAMILY ||
          columns[i].field == F_GIVEN || columns[i].field == F_ORG)
        has_name = TRUE;
      if (columns[i].field == F_TITLE)
        has_job_title = TRUE;
    }
  if (!has_name)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                   _("The first line of the file (line %u) names no column for the contact's name, such as “氏名”, “名前”, “姓” or “Name”."),
                   line);
      return FALSE;
    }

  for (;;)
    {
      SonaeCodecEntry *entry = NULL;

      if (!read_record (&csv, row, &line, error))
        {
          if (error && *error)
            return FALSE;
          break;
        }
      if (row_is_empty (row))
        continue;
      if (!row_to_entry (row, columns, n_columns, has_job_title, line, &entry, error))
        return FALSE;
      if (entry == NULL)
        {
          if (!sonae_codec_leave_out_empty (left_out, entries->len, line, error))
            return FALSE;
          continue;
        }
      if (entries->len + left_out->len >= SONAE_IMPORT_MAX_CONTACTS)
        {
          sonae_codec_entry_free (entry);
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                       _("The file holds more than %d contacts, more than Sonae accepts at once."),
                       SONAE_IMPORT_MAX_CONTACTS);
          return FALSE;
        }
      g_ptr_array_add (entries, entry);
    }

  if (entries->len == 0 && left_out->len == 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                           _("The file has a header line but no contacts."));
      return FALSE;
    }

  if (out_format != NULL)
    {
      const char *layout_name = NULL;

      switch (layout)
        {
        case LAYOUT_GOOGLE:
          layout_name = _("Google layout");
          break;
        case LAYOUT_OUTLOOK:
          layout_name = _("Outlook layout");
          break;
        case LAYOUT_SONAE:
          layout_name = _("Sonae layout");
          break;
        case LAYOUT_NONE:
        default:
          break;
        }
      if (layout_name != NULL)
        /* Translators: “CSV (Shift_JIS, Google layout)” */
        *out_format = g_strdup_printf (_("CSV (%s, %s)"), encoding, layout_name);
      else
        /* Translators: “CSV (UTF-8)” */
        *out_format = g_strdup_printf (_("CSV (%s)"), encoding);
    }
  return TRUE;
}

/* --- the writer ------------------------------------------------------------- */

static void
append_cell (GString    *out,
             const char *text,
             gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL || *text == '\0')
    return;

  quote = strpbrk (text, ",\"\r\n") != NULL || text[0] == ' ' || text[strlen (text) - 1] == ' ';
  if (quote)
    g_string_append_c (out, '"');
  /* a cell Excel would take for a formula (=, +, -, @), and one that
   * already begins with the apostrophe of that guard, so that reading
   * the file gives back exactly the text */
  if (looks_like_formula (text, FALSE))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append (out, "\"\"");
      else
        g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

GString *
sonae_csv_write (GPtrArray  *contacts,
                 GHashTable *roles)
{
  static const char *headers[] = {
    "Name", "Reading", "Group", "Organization", "Department", "Job Title", "System",
    "Contract", "Hours", "Address", "URL", "Notes", "Roles", "Verified", "Needs Check", "Builtin Key",
  };
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint max_phones = 1, max_emails = 1;

  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);
      max_phones = MAX (max_phones, c->phones->len);
      max_emails = MAX (max_emails, c->emails->len);
    }

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    append_cell (out, headers[i], i == 0);
  for (guint i = 1; i <= max_phones; i++)
    g_string_append_printf (out, ",Phone %u - Label,Phone %u - Value", i, i);
  for (guint i = 1; i <= max_emails; i++)
    g_string_append_printf (out, ",E-mail %u - Label,E-mail %u - Value", i, i);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);
      GArray *held = g_hash_table_lookup (roles, &c->id);
      g_autoptr(GString) role_text = g_string_new (NULL);

      for (guint j = 0; held && j < held->len; j++)
        {
          SonaeCodecRole *r = &g_array_index (held, SonaeCodecRole, j);
          g_string_append_printf (role_text, "%s%s:%d", j ? "; " : "", r->key, r->order);
        }

      append_cell (out, c->name, TRUE);
      append_cell (out, c->reading, FALSE);
      append_cell (out, sonae_group_to_string (c->group), FALSE);
      append_cell (out, c->organization, FALSE);
      append_cell (out, c->department, FALSE);
      append_cell (out, c->title, FALSE);
      append_cell (out, c->system, FALSE);
      append_cell (out, c->contract, FALSE);
      append_cell (out, c->hours, FALSE);
      append_cell (out, c->address, FALSE);
      append_cell (out, c->url, FALSE);
      append_cell (out, c->notes, FALSE);
      append_cell (out, role_text->str, FALSE);
      append_cell (out, c->verified_on, FALSE);
      append_cell (out, c->needs_check ? "yes" : NULL, FALSE);
      append_cell (out, c->builtin_key, FALSE);
      for (guint j = 0; j < max_phones; j++)
        {
          SonaeLabeled *l = j < c->phones->len ? g_ptr_array_index (c->phones, j) : NULL;
          append_cell (out, l ? l->label : NULL, FALSE);
          append_cell (out, l ? l->value : NULL, FALSE);
        }
      for (guint j = 0; j < max_emails; j++)
        {
          SonaeLabeled *l = j < c->emails->len ? g_ptr_array_index (c->emails, j) : NULL;
          append_cell (out, l ? l->label : NULL, FALSE);
          append_cell (out, l ? l->value : NULL, FALSE);
        }
      g_string_append (out, "\r\n");
    }
  return out;
}
