/* sonae-codec.c: what the vCard and CSV readers share: entries, their
 * checks, labels, and text in the file's encoding */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-codec-private.h"
#include "sonae-error.h"
#include "sonae-role.h"

SonaeCodecEntry *
sonae_codec_entry_new (guint line)
{
  SonaeCodecEntry *entry = g_new0 (SonaeCodecEntry, 1);

  entry->pub.contact = sonae_contact_new ();
  entry->pub.action = SONAE_IMPORT_ADD;
  entry->line = line;
  entry->roles = g_array_new (FALSE, TRUE, sizeof (SonaeCodecRole));
  return entry;
}

void
sonae_codec_entry_free (SonaeCodecEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->pub.contact);
  for (guint i = 0; i < entry->roles->len; i++)
    g_free (g_array_index (entry->roles, SonaeCodecRole, i).key);
  g_array_unref (entry->roles);
  g_free (entry);
}

void
sonae_codec_entry_add_role (SonaeCodecEntry *entry,
                            const char      *key_or_name,
                            int              order)
{
  const char *key = NULL;
  SonaeCodecRole role;

  static const struct { const char *name; const char *key; } japanese[] = {
    /* the manual's names, whatever the language of the session */
    { "最高責任者", SONAE_ROLE_TOP }, { "対応責任者", SONAE_ROLE_LEAD },
    { "一次対応者", SONAE_ROLE_FIRST }, { "システム管理者", SONAE_ROLE_SYSADMIN },
    { "個人情報管理責任者", SONAE_ROLE_PRIVACY }, { "情報セキュリティ部門責任者", SONAE_ROLE_SECURITY },
    { "総務・広報", SONAE_ROLE_PRESS }, { "経営層", SONAE_ROLE_MANAGEMENT },
  };

  if (key_or_name == NULL || *key_or_name == '\0')
    return;
  if (sonae_role_lookup (key_or_name) != NULL)
    key = sonae_role_lookup (key_or_name)->key;
  else
    key = sonae_role_find_by_name (key_or_name);
  for (guint i = 0; key == NULL && i < G_N_ELEMENTS (japanese); i++)
    if (g_str_equal (key_or_name, japanese[i].name))
      key = japanese[i].key;
  /* not a role of the manual: ignored like any unknown field */
  if (key == NULL || sonae_role_lookup (key) == NULL)
    return;

  for (guint i = 0; i < entry->roles->len; i++)
    if (g_str_equal (g_array_index (entry->roles, SonaeCodecRole, i).key, key))
      return;
  role.key = g_strdup (key);
  role.order = order;
  g_array_append_val (entry->roles, role);
}

static void
tidy (char **field)
{
  if (*field == NULL)
    return;
  g_strstrip (*field);
  if (**field == '\0')
    g_clear_pointer (field, g_free);
}

/* 2026/4/1 (as Excel writes dates) → 2026-04-01; NULL when not a date. */
static char *
normalize_date (const char *text)
{
  unsigned y, m, d;
  char s1, s2, rest;
  g_autofree char *iso = NULL;

  if (sscanf (text, "%4u%c%2u%c%2u%c", &y, &s1, &m, &s2, &d, &rest) != 5)
    return NULL;
  if (s1 != s2 || (s1 != '-' && s1 != '/' && s1 != '.'))
    return NULL;
  iso = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  if (!sonae_date_is_valid (iso))
    return NULL;
  return g_steal_pointer (&iso);
}

static gboolean
labeled_are_valid (GPtrArray *labeled)
{
  for (guint i = 0; i < labeled->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (labeled, i);

      if ((l->label != NULL && !g_utf8_validate (l->label, -1, NULL)) ||
          (l->value != NULL && !g_utf8_validate (l->value, -1, NULL)))
        return FALSE;
    }
  return TRUE;
}

/* Every text of the entry is UTF-8: the readers convert what they read, and
 * this is the last guard before anything can reach the database. */
static gboolean
entry_is_valid_text (SonaeCodecEntry *entry,
                     const char      *nickname)
{
  SonaeContact *c = entry->pub.contact;
  const char *fields[] = {
    c->name, c->reading, c->organization, c->department, c->title, c->system,
    c->contract, c->hours, c->address, c->url, c->notes, c->verified_on, c->builtin_key, nickname,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && !g_utf8_validate (fields[i], -1, NULL))
      return FALSE;
  for (guint i = 0; i < entry->roles->len; i++)
    if (!g_utf8_validate (g_array_index (entry->roles, SonaeCodecRole, i).key, -1, NULL))
      return FALSE;
  return labeled_are_valid (c->phones) && labeled_are_valid (c->emails);
}

static gboolean
is_blank_text (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
sonae_codec_entry_is_empty (SonaeCodecEntry *entry,
                            const char      *nickname)
{
  SonaeContact *c = entry->pub.contact;
  const char *fields[] = {
    c->name, c->reading, c->organization, c->department, c->title, c->system,
    c->contract, c->hours, c->address, c->url, c->notes, c->verified_on, c->builtin_key, nickname,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!is_blank_text (fields[i]))
      return FALSE;
  return c->phones->len == 0 && c->emails->len == 0 && entry->roles->len == 0;
}

void
sonae_import_left_out_free (SonaeImportLeftOut *left_out)
{
  if (left_out == NULL)
    return;
  g_free (left_out->reason);
  g_free (left_out);
}

gboolean
sonae_codec_leave_out_empty (GPtrArray *left_out,
                             guint      n_entries,
                             guint      line,
                             GError   **error)
{
  SonaeImportLeftOut *item;

  if (n_entries + left_out->len >= SONAE_IMPORT_MAX_CONTACTS)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                   _("The file holds more than %d contacts, more than Sonae accepts at once."),
                   SONAE_IMPORT_MAX_CONTACTS);
      return FALSE;
    }
  item = g_new0 (SonaeImportLeftOut, 1);
  item->line = line;
  item->reason = g_strdup (_("This entry has no name, phone number, e-mail address or anything else Sonae keeps (for example, only a chat address), so it was left out."));
  g_ptr_array_add (left_out, item);
  return TRUE;
}

gboolean
sonae_codec_entry_finish (SonaeCodecEntry *entry,
                          const char      *nickname,
                          GError         **error)
{
  SonaeContact *c = entry->pub.contact;
  char **fields[] = {
    &c->name, &c->reading, &c->organization, &c->department, &c->title, &c->system,
    &c->contract, &c->hours, &c->address, &c->url, &c->notes, &c->verified_on, &c->builtin_key,
  };

  if (!entry_is_valid_text (entry, nickname))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                   _("Line %u has characters that are neither UTF-8 nor Shift_JIS."), entry->line);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      tidy (fields[i]);
      if (*fields[i] != NULL && strlen (*fields[i]) > SONAE_IMPORT_MAX_FIELD)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                       _("A value of the contact at line %u is longer than 64 KB."), entry->line);
          return FALSE;
        }
    }

  if (c->name == NULL)
    {
      if (c->organization != NULL)
        c->name = g_strdup (c->organization);
      else if (nickname != NULL && *nickname)
        c->name = g_strstrip (g_strdup (nickname));
      else if (c->emails->len > 0)
        c->name = g_strdup (sonae_contact_get_first_email (c));
      else if (c->phones->len > 0)
        c->name = g_strdup (sonae_contact_get_first_phone (c));
      tidy (&c->name);
    }
  if (c->name == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                   _("The contact at line %u has no name, organisation, phone number or e-mail address."),
                   entry->line);
      return FALSE;
    }

  if (c->verified_on != NULL)
    {
      char *iso = normalize_date (c->verified_on);

      if (iso == NULL)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                       _("The verified date “%s” of the contact at line %u is not a date; write it as YYYY-MM-DD."),
                       c->verified_on, entry->line);
          return FALSE;
        }
      g_free (c->verified_on);
      c->verified_on = iso;
    }
  return TRUE;
}

static char *
fold_word (const char *text)
{
  g_autofree char *norm = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (norm ? norm : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != '-' && c != '_')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
sonae_codec_label_from_text (const char *text)
{
  static const struct { const char *word; const char *label; } words[] = {
    { "mobile", "mobile" }, { "cell", "mobile" }, { "cellular", "mobile" }, { "iphone", "mobile" },
    { "mobilephone", "mobile" }, { "携帯", "mobile" }, { "携帯電話", "mobile" },
    { "work", "work" }, { "business", "work" }, { "office", "work" }, { "勤務先", "work" },
    { "会社", "work" }, { "仕事", "work" }, { "職場", "work" },
    { "home", "home" }, { "自宅", "home" },
    { "fax", "fax" }, { "workfax", "fax" }, { "homefax", "fax" }, { "otherfax", "fax" },
    { "businessfax", "fax" }, { "ファックス", "fax" }, { "ファクス", "fax" },
    { "main", "main" }, { "companymain", "main" }, { "代表", "main" },
    { "other", "other" }, { "pager", "other" }, { "その他", "other" },
  };
  g_autofree char *unwrapped = NULL;
  g_autofree char *folded = NULL;
  gsize len;

  if (text == NULL)
    return NULL;
  unwrapped = g_strstrip (g_strdup (text));
  len = strlen (unwrapped);
  /* Apple: _$!<Mobile>!$_ */
  if (len > 8 && g_str_has_prefix (unwrapped, "_$!<") && g_str_has_suffix (unwrapped, ">!$_"))
    {
      char *inner = g_strndup (unwrapped + 4, len - 8);
      g_free (unwrapped);
      unwrapped = inner;
    }
  if (*unwrapped == '\0')
    return NULL;

  folded = fold_word (unwrapped);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].word))
      return g_strdup (words[i].label);
  return g_steal_pointer (&unwrapped);
}

const char *
sonae_codec_label_to_vcard_type (const char *label)
{
  static const struct { const char *label; const char *type; } types[] = {
    { "mobile", "cell" }, { "work", "work" }, { "home", "home" },
    { "fax", "fax" }, { "main", "main" }, { "other", "other" },
  };

  if (label == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (label, types[i].label))
      return types[i].type;
  return NULL;
}

gboolean
sonae_codec_is_japanese (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x3040 && c <= 0x30FF) ||   /* hiragana, katakana */
          (c >= 0x3400 && c <= 0x4DBF) ||   /* CJK extension A */
          (c >= 0x4E00 && c <= 0x9FFF) ||   /* CJK ideographs */
          (c >= 0xF900 && c <= 0xFAFF) ||
          (c >= 0xFF66 && c <= 0xFF9F) ||   /* half-width katakana */
          c == 0x3005)                      /* 々 */
        return TRUE;
    }
  return FALSE;
}

char *
sonae_codec_clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      guchar ch = (guchar) *p;

      if (ch == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7F)
        continue;
      g_string_append_c (out, (char) ch);
    }
  return g_string_free (out, FALSE);
}

guint
sonae_codec_line_at (const char *data,
                     gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static const char *
charset_for_iconv (const char *charset)
{
  static const char *sjis[] = { "SHIFT_JIS", "SHIFT-JIS", "SJIS", "X-SJIS", "CP932", "WINDOWS-31J", "MS932", "MS_KANJI" };

  for (guint i = 0; i < G_N_ELEMENTS (sjis); i++)
    if (g_ascii_strcasecmp (charset, sjis[i]) == 0)
      return "CP932";
  return charset;
}

char *
sonae_codec_to_utf8 (const char *bytes,
                     gsize       length,
                     const char *charset,
                     guint       line,
                     GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *converted = NULL;
  gsize written = 0;
  gboolean utf8_ok = g_utf8_validate_len (bytes, length, NULL);
  gboolean guessed = FALSE;

  if (charset == NULL || g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0)
    {
      if (utf8_ok)
        return g_strndup (bytes, length);
      if (charset != NULL)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                       _("Line %u is marked as UTF-8, but its text is not valid UTF-8."), line);
          return NULL;
        }
      charset = "CP932";
      guessed = TRUE;
    }

  for (const char *p = charset; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.' && *p != ':')
      {
        g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                     _("Line %u names a character set Sonae cannot read."), line);
        return NULL;
      }
  if (strlen (charset) > 40)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                   _("Line %u names a character set Sonae cannot read."), line);
      return NULL;
    }

  converted = g_convert (bytes, length, "UTF-8", charset_for_iconv (charset), NULL, &written, &local);
  if (converted != NULL && memchr (converted, '\0', written) == NULL)
    return g_steal_pointer (&converted);

  /* Some phones declare Shift_JIS and write UTF-8. */
  if (utf8_ok && local != NULL && !g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    return g_strndup (bytes, length);

  if (local != NULL && g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                 _("Line %u uses the character set “%s”, which Sonae cannot read."), line, charset);
  else if (line == 0)
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                 _("The text cannot be read as %s."), charset);
  else if (guessed)
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                 _("Line %u has characters that are neither UTF-8 nor Shift_JIS."), line);
  else
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                 _("Line %u is marked as %s, but its text cannot be read in that character set."),
                 line, charset);
  return NULL;
}

