/* sonae-vcard.c: reading vCard 2.1, 3.0 and 4.0 and writing 3.0 and 4.0 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-codec-private.h"
#include "sonae-error.h"

/* --- physical and logical lines ------------------------------------------- */

typedef struct {
  const char *data;
  gsize length;
  gsize pos;
  guint line;         /* number of the next physical line */
  /* one line of look-ahead */
  gboolean peeked;
  gboolean peek_ok;
  const char *peek_start;
  gsize peek_len;
  guint peek_line;
} Reader;

/* A physical line ends with LF, CR LF, CR CR LF (some iPhone exports) or a
 * lone CR. */
static gboolean
read_physical (Reader      *r,
               const char **start,
               gsize       *len,
               guint       *line,
               GError     **error)
{
  gsize i;

  if (r->peeked)
    {
      r->peeked = FALSE;
      *start = r->peek_start;
      *len = r->peek_len;
      *line = r->peek_line;
      return r->peek_ok;
    }

  if (r->pos >= r->length)
    return FALSE;

  for (i = r->pos; i < r->length && r->data[i] != '\n' && r->data[i] != '\r'; i++)
    ;
  if (i - r->pos > SONAE_IMPORT_MAX_LINE)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                   _("Line %u is longer than 1 MB. This is not a contact file Sonae can read."),
                   r->line);
      return FALSE;
    }
  *start = r->data + r->pos;
  *len = i - r->pos;
  *line = r->line++;
  while (i < r->length && r->data[i] == '\r')
    i++;
  if (i < r->length && r->data[i] == '\n')
    i++;
  r->pos = i;
  return TRUE;
}

static gboolean
peek_physical (Reader      *r,
               const char **start,
               gsize       *len,
               GError     **error)
{
  if (!r->peeked)
    {
      g_autoptr(GError) local = NULL;

      r->peek_ok = read_physical (r, &r->peek_start, &r->peek_len, &r->peek_line, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!r->peek_ok)
        return FALSE;
      r->peeked = TRUE;
    }
  *start = r->peek_start;
  *len = r->peek_len;
  return TRUE;
}

static gboolean
ascii_has_casefold (const char *hay,
                    gsize       len,
                    const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (hay + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The name and parameters part of a line, before the first colon that is
 * not inside quotes; its length, or @len when there is no colon. */
static gsize
head_length (const char *s,
             gsize       len)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '"')
        quoted = !quoted;
      else if (s[i] == ':' && !quoted)
        return i;
    }
  return len;
}

/* Where the head of a growing logical line ends: a logical line only grows
 * at its end, so each byte is looked at once however many lines it joins. */
typedef struct {
  gsize scanned;
  gboolean quoted;
  gboolean found;
} HeadScan;

/* TRUE once the line has a colon outside quotes. */
static gboolean
head_complete (HeadScan      *h,
               const GString *out)
{
  for (; !h->found && h->scanned < out->len; h->scanned++)
    {
      if (out->str[h->scanned] == '"')
        h->quoted = !h->quoted;
      else if (out->str[h->scanned] == ':' && !h->quoted)
        h->found = TRUE;
    }
  return h->found;
}

/* The value ends with a backslash that escapes nothing but the line break. */
static gboolean
ends_with_lone_backslash (const GString *out)
{
  gsize n = 0;

  while (n < out->len && out->str[out->len - 1 - n] == '\\')
    n++;
  return n % 2 == 1;
}

/* A physical line that begins a property: a name (letters, digits, “-”,
 * “.”, “_”) followed by “:” or “;”, and a colon outside quotes. */
static gboolean
starts_property (const char *s,
                 gsize       len)
{
  gsize i = 0;

  while (i < len && (g_ascii_isalnum (s[i]) || s[i] == '-' || s[i] == '.' || s[i] == '_'))
    i++;
  if (i == 0 || i >= len || (s[i] != ':' && s[i] != ';'))
    return FALSE;
  return head_length (s, len) < len;
}

typedef enum {
  JOIN_NONE,
  JOIN_SOFT_BREAK,   /* quoted-printable “=” at the end of the line */
  JOIN_FOLDED,       /* the next line begins with a blank */
  JOIN_BACKSLASH,    /* vCard 2.1: a “\” at the end of the line */
} Join;

/* One logical line: folded lines joined (vCard 3.0/4.0 drop the first
 * blank of a continuation line, 2.1 keeps it), quoted-printable soft line
 * breaks joined. Some phones continue a vCard 2.1 value (an address) on
 * the next line after a backslash; the line break is kept as “\n” when
 * that next line is not a property of its own. FALSE at the end of the
 * data or on error. */
static gboolean
read_logical (Reader    *r,
              gboolean   v21,
              GString   *out,
              guint     *line,
              GError   **error)
{
  const char *start;
  gsize len;
  gboolean qp;
  HeadScan head = { 0, FALSE, FALSE };

  g_string_truncate (out, 0);
  if (!read_physical (r, &start, &len, line, error))
    return FALSE;
  g_string_append_len (out, start, len);
  qp = ascii_has_casefold (out->str, head_length (out->str, out->len), "QUOTED-PRINTABLE");

  for (;;)
    {
      Join join = JOIN_NONE;
      guint ignored;

      if (!peek_physical (r, &start, &len, error))
        break;
      if (qp && out->len > 0 && out->str[out->len - 1] == '=' && head_complete (&head, out))
        join = JOIN_SOFT_BREAK;
      else if (len > 0 && (start[0] == ' ' || start[0] == '\t'))
        join = JOIN_FOLDED;
      else if (v21 && !qp && len > 0 && ends_with_lone_backslash (out) &&
               head_complete (&head, out) && !starts_property (start, len))
        join = JOIN_BACKSLASH;
      if (join == JOIN_NONE)
        break;

      read_physical (r, &start, &len, &ignored, error);
      switch (join)
        {
        case JOIN_SOFT_BREAK:
          g_string_truncate (out, out->len - 1);
          g_string_append_len (out, start, len);
          break;
        case JOIN_FOLDED:
          if (v21)
            g_string_append_len (out, start, len);
          else
            g_string_append_len (out, start + 1, len - 1);
          break;
        case JOIN_BACKSLASH:
          g_string_append_c (out, 'n');
          g_string_append_len (out, start, len);
          break;
        case JOIN_NONE:
        default:
          g_assert_not_reached ();
        }
      if (out->len > SONAE_IMPORT_MAX_PROPERTY)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                       _("The entry at line %u is larger than 8 MB. This is not a contact file Sonae can read."),
                       *line);
          return FALSE;
        }
    }
  if (error && *error)
    return FALSE;
  return TRUE;
}

/* --- properties ------------------------------------------------------------ */

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

typedef struct {
  char *group;       /* "item1" of "item1.TEL", or NULL */
  char *name;        /* upper case */
  GPtrArray *types;  /* lower case */
  char *charset;
  char *encoding;    /* upper case */
  char *sort_as;
  int order;         /* X-SONAE-ORDER */
  char *raw;         /* the value as in the file */
  gsize raw_len;
  guint line;
} Prop;

static void
prop_free (Prop *p)
{
  g_free (p->group);
  g_free (p->name);
  g_ptr_array_unref (p->types);
  g_free (p->charset);
  g_free (p->encoding);
  g_free (p->sort_as);
  g_free (p->raw);
  g_free (p);
}

static gboolean
prop_has_type (Prop       *p,
               const char *type)
{
  for (guint i = 0; i < p->types->len; i++)
    if (g_str_equal (g_ptr_array_index (p->types, i), type))
      return TRUE;
  return FALSE;
}

static char *
unquote_param (const char *s,
               gsize       len)
{
  while (len > 0 && (*s == ' ' || *s == '\t'))
    s++, len--;
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  if (len >= 2 && s[0] == '"' && s[len - 1] == '"')
    return g_strndup (s + 1, len - 2);
  return g_strndup (s, len);
}

static void
add_types (Prop       *p,
           const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *t = unquote_param (parts[i], strlen (parts[i]));
      if (*t)
        g_ptr_array_add (p->types, g_ascii_strdown (t, -1));
    }
}

static void
add_param (Prop       *p,
           const char *param,
           gsize       len)
{
  const char *eq = memchr (param, '=', len);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (len == 0)
    return;
  if (eq == NULL)
    {
      /* vCard 2.1 writes bare parameters: TEL;CELL;PREF, NOTE;QUOTED-PRINTABLE */
      g_autofree char *bare = unquote_param (param, len);

      if (g_ascii_strcasecmp (bare, "QUOTED-PRINTABLE") == 0 ||
          g_ascii_strcasecmp (bare, "BASE64") == 0 ||
          g_ascii_strcasecmp (bare, "8BIT") == 0 ||
          g_ascii_strcasecmp (bare, "7BIT") == 0)
        {
          g_free (p->encoding);
          p->encoding = g_ascii_strup (bare, -1);
        }
      else
        add_types (p, bare);
      return;
    }

  key = unquote_param (param, eq - param);
  value = unquote_param (eq + 1, len - (eq + 1 - param));
  if (g_ascii_strcasecmp (key, "TYPE") == 0)
    add_types (p, value);
  else if (g_ascii_strcasecmp (key, "CHARSET") == 0)
    set_str (&p->charset, value);
  else if (g_ascii_strcasecmp (key, "ENCODING") == 0)
    {
      g_free (p->encoding);
      p->encoding = g_ascii_strup (value, -1);
    }
  else if (g_ascii_strcasecmp (key, "SORT-AS") == 0)
    set_str (&p->sort_as, value);
  else if (g_ascii_strcasecmp (key, "X-SONAE-ORDER") == 0)
    p->order = (int) CLAMP (g_ascii_strtoll (value, NULL, 10), 0, 100000);
}

/* NULL when the line has no colon. */
static Prop *
parse_prop (GString *logical,
            guint    line)
{
  const char *s = logical->str;
  gsize head = head_length (s, logical->len);
  gsize i, name_end;
  gboolean quoted = FALSE;
  Prop *p;

  if (head >= logical->len)
    return NULL;

  p = g_new0 (Prop, 1);
  p->types = g_ptr_array_new_with_free_func (g_free);
  p->line = line;

  for (name_end = 0; name_end < head && s[name_end] != ';'; name_end++)
    ;
  {
    g_autofree char *full = g_strndup (s, name_end);
    char *dot = strrchr (full, '.');

    g_strstrip (full);
    if (dot != NULL)
      {
        p->group = g_strndup (full, dot - full);
        p->name = g_ascii_strup (dot + 1, -1);
      }
    else
      p->name = g_ascii_strup (full, -1);
  }

  /* parameters */
  i = name_end;
  while (i < head)
    {
      gsize start = ++i;

      for (; i < head; i++)
        {
          if (s[i] == '"')
            quoted = !quoted;
          else if (s[i] == ';' && !quoted)
            break;
        }
      add_param (p, s + start, i - start);
    }

  p->raw_len = logical->len - head - 1;
  p->raw = g_strndup (s + head + 1, p->raw_len);
  return p;
}

/* --- values ---------------------------------------------------------------- */

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

static GString *
qp_decode (const char  *s,
           gsize        len,
           guint        line,
           GError     **error)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      int hi, lo;

      if (s[i] != '=')
        {
          g_string_append_c (out, s[i]);
          continue;
        }
      if (i + 1 >= len)
        break;  /* a soft line break at the very end */
      hi = hex_value (s[i + 1]);
      lo = i + 2 < len ? hex_value (s[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                       _("Line %u has broken quoted-printable text: “=” must be followed by two hexadecimal digits."),
                       line);
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, (char) (hi * 16 + lo));
      i += 2;
    }
  return out;
}

/* The value in UTF-8, still with its vCard escapes. */
static char *
decode_value (Prop    *p,
              GError **error)
{
  g_autoptr(GString) bytes = NULL;

  if (p->encoding && g_str_equal (p->encoding, "QUOTED-PRINTABLE"))
    {
      bytes = qp_decode (p->raw, p->raw_len, p->line, error);
      if (bytes == NULL)
        return NULL;
    }
  else
    bytes = g_string_new_len (p->raw, p->raw_len);

  if (bytes->len > SONAE_IMPORT_MAX_FIELD)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                   _("The value at line %u is longer than 64 KB."), p->line);
      return NULL;
    }
  if (memchr (bytes->str, '\0', bytes->len) != NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                   _("Line %u contains binary data, not text."), p->line);
      return NULL;
    }
  return sonae_codec_to_utf8 (bytes->str, bytes->len, p->charset, p->line, error);
}

/* Undo the backslash escapes of vCard text: \n, \, \; \: \\ */
static char *
unescape (const char *s,
          gsize       len)
{
  GString *out = g_string_sized_new (len);
  g_autofree char *clean = NULL;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\\' && i + 1 < len)
        {
          char c = s[i + 1];

          if (c == 'n' || c == 'N')
            g_string_append_c (out, '\n');
          else if (c == '\\' || c == ',' || c == ';' || c == ':')
            g_string_append_c (out, c);
          else
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, c);
            }
          i++;
        }
      else
        g_string_append_c (out, s[i]);
    }
  clean = sonae_codec_clean_text (out->str);
  g_string_free (out, TRUE);
  return g_strdup (g_strstrip (clean));
}

/* Split at the @separators that are not escaped, and unescape each part. */
static GPtrArray *
split_at (const char *s,
          const char *separators)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  gsize len = strlen (s);
  gsize start = 0;

  for (gsize i = 0; i <= len; i++)
    {
      /* a backslash at the very end escapes nothing: the last part keeps it */
      if (i + 1 < len && s[i] == '\\')
        {
          i++;
          continue;
        }
      if (i == len || strchr (separators, s[i]) != NULL)
        {
          g_ptr_array_add (parts, unescape (s + start, i - start));
          start = i + 1;
        }
    }
  return parts;
}

/* Split at the semicolons that are not escaped, and unescape each part. */
static GPtrArray *
split_components (const char *s)
{
  return split_at (s, ";");
}

static const char *
component (GPtrArray *parts,
           guint      i)
{
  return i < parts->len ? g_ptr_array_index (parts, i) : "";
}

/* --- from a card to a contact --------------------------------------------- */

static char *
join_words (const char *const *words,
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

/* N: family;given;additional;prefix;suffix → a display name. Japanese
 * names are written family name first. */
static char *
name_from_n (GPtrArray *n)
{
  const char *family = component (n, 0);
  const char *given = component (n, 1);

  if (sonae_codec_is_japanese (family) || sonae_codec_is_japanese (given))
    {
      const char *words[] = { family, given };
      return join_words (words, 2, " ");
    }
  else
    {
      const char *words[] = { component (n, 3), given, component (n, 2), family, component (n, 4) };
      return join_words (words, 5, " ");
    }
}

/* The words of a reading (family, given…) joined with a space, as the
 * contact keeps its one reading. */
static char *
reading_from_words (const char *const *words,
                    guint              n)
{
  g_autofree char *joined = join_words (words, n, " ");
  gboolean halfwidth = FALSE;

  /* Japanese phones write the reading in half-width katakana (ﾔﾏﾀﾞ). */
  for (const char *p = joined; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0xFF61 && c <= 0xFF9F)
        halfwidth = TRUE;
    }
  if (halfwidth)
    return g_utf8_normalize (joined, -1, G_NORMALIZE_NFKC);
  return g_steal_pointer (&joined);
}

static char *
reading_from_parts (const char *family,
                    const char *given)
{
  const char *words[] = { family, given };

  return reading_from_words (words, 2);
}

/* A reading written in parts, “あんどう;ろいど” or, as SORT-AS has it,
 * “あんどう,ろいど”: every part, family first, joined with a space. */
static char *
reading_from_structured (const char *text,
                         const char *separators)
{
  g_autoptr(GPtrArray) parts = split_at (text, separators);

  return reading_from_words ((const char *const *) parts->pdata, parts->len);
}

static char *
address_from_adr (GPtrArray *adr)
{
  const char *pobox = component (adr, 0);
  const char *ext = component (adr, 1);
  const char *street = component (adr, 2);
  const char *city = component (adr, 3);
  const char *region = component (adr, 4);
  const char *postal = component (adr, 5);
  const char *country = component (adr, 6);
  gboolean japanese = FALSE;

  /* Sonae writes the whole address as the street. */
  if (!*pobox && !*ext && !*city && !*region && !*postal && !*country)
    return g_strdup (street);

  for (guint i = 0; i < adr->len; i++)
    japanese = japanese || sonae_codec_is_japanese (g_ptr_array_index (adr, i));

  if (japanese)
    {
      g_autofree char *zip = *postal ? g_strconcat ("〒", postal, NULL) : NULL;
      const char *words[] = { zip, region, city, street, ext, pobox, country };
      return join_words (words, G_N_ELEMENTS (words), " ");
    }
  else
    {
      const char *line1[] = { pobox, ext, street };
      const char *line3[] = { region, postal };
      g_autofree char *first = join_words (line1, 3, ", ");
      g_autofree char *third = join_words (line3, 2, " ");
      const char *lines[] = { first, city, third, country };
      return join_words (lines, 4, ", ");
    }
}

static char *
phone_from_value (const char *value)
{
  g_autoptr(GString) out = NULL;
  const char *semi;

  if (g_ascii_strncasecmp (value, "tel:", 4) != 0)
    return g_strdup (value);

  /* A vCard 4.0 URI: tel:+1-418-656-9254;ext=102 */
  out = g_string_new (value + 4);
  semi = strchr (out->str, ';');
  if (semi != NULL)
    {
      g_autofree char *params = g_strdup (semi + 1);
      g_auto(GStrv) parts = g_strsplit (params, ";", -1);

      g_string_truncate (out, semi - out->str);
      for (guint i = 0; parts[i]; i++)
        if (g_ascii_strncasecmp (parts[i], "ext=", 4) == 0 && parts[i][4])
          g_string_append_printf (out, " ext. %s", parts[i] + 4);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
label_for (Prop       *p,
           GHashTable *ab_labels)
{
  static const char *words[] = { "fax", "cell", "mobile", "iphone", "pager", "main", "work", "home", "other" };
  const char *ab = p->group ? g_hash_table_lookup (ab_labels, p->group) : NULL;

  if (ab != NULL && *ab)
    return sonae_codec_label_from_text (ab);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (prop_has_type (p, words[i]))
      return sonae_codec_label_from_text (words[i]);
  return NULL;
}

typedef struct {
  GPtrArray *props;        /* of Prop */
  guint line;
  char *version;
  gboolean v21;            /* its lines are read the vCard 2.1 way */
} Card;

static Prop *
first_prop (Card       *card,
            const char *name)
{
  for (guint i = 0; i < card->props->len; i++)
    {
      Prop *p = g_ptr_array_index (card->props, i);
      if (g_str_equal (p->name, name))
        return p;
    }
  return NULL;
}

/* The first value of a property whose text is not empty, in UTF-8 but
 * still escaped; NULL when absent. */
static gboolean
first_value (Card        *card,
             const char  *name,
             char       **out,
             GError     **error)
{
  for (guint i = 0; i < card->props->len; i++)
    {
      Prop *p = g_ptr_array_index (card->props, i);
      g_autofree char *v = NULL;
      g_autofree char *text = NULL;

      if (!g_str_equal (p->name, name))
        continue;
      v = decode_value (p, error);
      if (v == NULL)
        return FALSE;
      text = unescape (v, strlen (v));
      if (*text)
        {
          *out = g_steal_pointer (&v);
          return TRUE;
        }
    }
  *out = NULL;
  return TRUE;
}

/* The first non-empty text of a property, unescaped; NULL when absent. */
static gboolean
first_text (Card        *card,
            const char  *name,
            char       **out,
            GError     **error)
{
  g_autofree char *v = NULL;

  if (!first_value (card, name, &v, error))
    return FALSE;
  *out = v != NULL ? unescape (v, strlen (v)) : NULL;
  return TRUE;
}

/* @out_entry is NULL when the card holds nothing Sonae keeps. */
static gboolean
card_to_entry (Card             *card,
               SonaeCodecEntry **out_entry,
               GError          **error)
{
  g_autoptr(GHashTable) ab_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SonaeCodecEntry *entry = sonae_codec_entry_new (card->line);
  SonaeContact *c = entry->pub.contact;
  g_autofree char *nickname = NULL;
  g_autofree char *phon_first = NULL;
  g_autofree char *phon_last = NULL;
  g_autofree char *group = NULL;
  g_autofree char *needs_check = NULL;
  Prop *n_prop, *p;

  /* Apple's labels of grouped properties: item1.X-ABLabel */
  for (guint i = 0; i < card->props->len; i++)
    {
      g_autofree char *v = NULL;

      p = g_ptr_array_index (card->props, i);
      if (p->group == NULL || !g_str_equal (p->name, "X-ABLABEL"))
        continue;
      if ((v = decode_value (p, error)) == NULL)
        goto fail;
      g_hash_table_replace (ab_labels, g_strdup (p->group), unescape (v, strlen (v)));
    }

  if (!first_text (card, "FN", &c->name, error) ||
      !first_text (card, "NICKNAME", &nickname, error) ||
      !first_text (card, "TITLE", &c->title, error) ||
      !first_text (card, "URL", &c->url, error) ||
      !first_text (card, "X-SONAE-SYSTEM", &c->system, error) ||
      !first_text (card, "X-SONAE-CONTRACT", &c->contract, error) ||
      !first_text (card, "X-SONAE-VERIFIED", &c->verified_on, error) ||
      !first_text (card, "X-SONAE-BUILTIN", &c->builtin_key, error) ||
      !first_text (card, "X-SONAE-NEEDS-CHECK", &needs_check, error) ||
      !first_text (card, "X-SONAE-GROUP", &group, error) ||
      !first_text (card, "X-PHONETIC-FIRST-NAME", &phon_first, error) ||
      !first_text (card, "X-PHONETIC-LAST-NAME", &phon_last, error))
    goto fail;

  /* N */
  n_prop = first_prop (card, "N");
  if (n_prop != NULL)
    {
      g_autofree char *v = decode_value (n_prop, error);
      g_autoptr(GPtrArray) parts = NULL;

      if (v == NULL)
        goto fail;
      parts = split_components (v);
      if (c->name == NULL)
        {
          c->name = name_from_n (parts);
          sonae_contact_set_string (&c->name, c->name);
        }
      if (n_prop->sort_as != NULL && c->reading == NULL)
        {
          /* A parameter is read like the value: it may not be UTF-8. */
          g_autofree char *sort = sonae_codec_to_utf8 (n_prop->sort_as, strlen (n_prop->sort_as),
                                                       n_prop->charset, n_prop->line, error);

          if (sort == NULL)
            goto fail;
          /* RFC 6350 separates the parts with commas; Android writes
           * SORT-AS="あんどう;ろいど" */
          c->reading = reading_from_structured (sort, ",;");
        }
    }

  /* The reading (よみ): iPhone and Android, Japanese phones, vCard 4.0 */
  if (phon_first != NULL || phon_last != NULL)
    {
      g_free (c->reading);
      c->reading = reading_from_parts (phon_last, phon_first);
    }
  if (c->reading == NULL)
    {
      static const char *kana_props[] = { "X-KANA", "X-FURIGANA", "X-YOMI", "X-PHONETIC-NAME" };

      for (guint i = 0; i < card->props->len && c->reading == NULL; i++)
        {
          p = g_ptr_array_index (card->props, i);
          if (g_str_equal (p->name, "SOUND") && prop_has_type (p, "x-irmc-n"))
            {
              g_autofree char *v = decode_value (p, error);
              g_autoptr(GPtrArray) parts = NULL;

              if (v == NULL)
                goto fail;
              parts = split_components (v);
              c->reading = reading_from_parts (component (parts, 0), component (parts, 1));
            }
        }
      for (guint i = 0; i < G_N_ELEMENTS (kana_props) && c->reading == NULL; i++)
        {
          g_autofree char *kana = NULL;

          if (!first_value (card, kana_props[i], &kana, error))
            goto fail;
          /* “やまだ;たろう” as some phones write it */
          if (kana != NULL)
            c->reading = reading_from_structured (kana, ";");
        }
      if (c->reading == NULL && !first_text (card, "SORT-STRING", &c->reading, error))
        goto fail;
    }
  sonae_contact_set_string (&c->reading, c->reading);

  /* ORG: organisation;department;unit… */
  p = first_prop (card, "ORG");
  if (p != NULL)
    {
      g_autofree char *v = decode_value (p, error);
      g_autoptr(GPtrArray) parts = NULL;

      if (v == NULL)
        goto fail;
      parts = split_components (v);
      sonae_contact_set_string (&c->organization, component (parts, 0));
      if (parts->len > 1)
        {
          g_autofree char *dept = join_words ((const char *const *) parts->pdata + 1, parts->len - 1, " ");
          sonae_contact_set_string (&c->department, dept);
        }
    }

  /* The first address, or the preferred one. */
  {
    Prop *adr = NULL;

    for (guint i = 0; i < card->props->len; i++)
      {
        p = g_ptr_array_index (card->props, i);
        if (!g_str_equal (p->name, "ADR"))
          continue;
        if (adr == NULL || (prop_has_type (p, "pref") && !prop_has_type (adr, "pref")))
          adr = p;
      }
    if (adr != NULL)
      {
        g_autofree char *v = decode_value (adr, error);
        g_autoptr(GPtrArray) parts = NULL;
        g_autofree char *text = NULL;

        if (v == NULL)
          goto fail;
        parts = split_components (v);
        text = address_from_adr (parts);
        sonae_contact_set_string (&c->address, text);
      }
  }

  /* Phones, e-mails, notes, roles: all of them, in order. */
  for (guint i = 0; i < card->props->len; i++)
    {
      g_autofree char *v = NULL;
      g_autofree char *text = NULL;

      p = g_ptr_array_index (card->props, i);
      if (!g_str_equal (p->name, "TEL") && !g_str_equal (p->name, "EMAIL") &&
          !g_str_equal (p->name, "NOTE") && !g_str_equal (p->name, "X-SONAE-ROLE"))
        continue;
      if ((v = decode_value (p, error)) == NULL)
        goto fail;
      text = unescape (v, strlen (v));
      if (*text == '\0')
        continue;

      if (g_str_equal (p->name, "TEL"))
        {
          g_autofree char *number = phone_from_value (text);
          g_autofree char *label = label_for (p, ab_labels);

          sonae_contact_add_phone (c, label, number);
        }
      else if (g_str_equal (p->name, "EMAIL"))
        {
          g_autofree char *label = label_for (p, ab_labels);
          const char *address = text;

          if (g_ascii_strncasecmp (address, "mailto:", 7) == 0)
            address += 7;
          sonae_contact_add_email (c, label, address);
        }
      else if (g_str_equal (p->name, "NOTE"))
        {
          if (c->notes == NULL)
            c->notes = g_steal_pointer (&text);
          else
            {
              char *joined = g_strconcat (c->notes, "\n", text, NULL);
              g_free (c->notes);
              c->notes = joined;
            }
        }
      else
        sonae_codec_entry_add_role (entry, text, p->order);
    }

  if (group != NULL)
    {
      SonaeGroup g;

      if (!sonae_group_from_string (group, &g))
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                       _("The group “%s” of the contact at line %u is unknown."), group, card->line);
          goto fail;
        }
      c->group = g;
      entry->group_from_file = TRUE;
    }
  if (needs_check != NULL)
    c->needs_check = g_ascii_strcasecmp (needs_check, "1") == 0 ||
                     g_ascii_strcasecmp (needs_check, "true") == 0 ||
                     g_ascii_strcasecmp (needs_check, "yes") == 0;

  /* Only a chat address, a birthday, a program's private fields…: left out
   * by the caller, the rest of the file is read. */
  if (sonae_codec_entry_is_empty (entry, nickname))
    {
      sonae_codec_entry_free (entry);
      *out_entry = NULL;
      return TRUE;
    }
  if (!sonae_codec_entry_finish (entry, nickname, error))
    goto fail;

  *out_entry = entry;
  return TRUE;

fail:
  sonae_codec_entry_free (entry);
  return FALSE;
}

/* --- the reader ------------------------------------------------------------- */

static gboolean
is_line (GString    *line,
         const char *name,
         const char *value)
{
  gsize n = strlen (name);
  const char *v;

  if (line->len < n + 1 || g_ascii_strncasecmp (line->str, name, n) != 0 || line->str[n] != ':')
    return FALSE;
  v = line->str + n + 1;
  while (*v == ' ' || *v == '\t')
    v++;
  return g_ascii_strncasecmp (v, value, strlen (value)) == 0;
}

static gboolean
is_blank (GString *line)
{
  for (gsize i = 0; i < line->len; i++)
    if (line->str[i] != ' ' && line->str[i] != '\t')
      return FALSE;
  return TRUE;
}

static void
card_free (Card *card)
{
  if (card == NULL)
    return;
  g_ptr_array_unref (card->props);
  g_free (card->version);
  g_free (card);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Card, card_free)

static int
compare_entry_lines (gconstpointer a,
                     gconstpointer b)
{
  const SonaeCodecEntry *x = *(SonaeCodecEntry **) a;
  const SonaeCodecEntry *y = *(SonaeCodecEntry **) b;

  return (x->line > y->line) - (x->line < y->line);
}

static int
compare_left_out_lines (gconstpointer a,
                        gconstpointer b)
{
  const SonaeImportLeftOut *x = *(SonaeImportLeftOut **) a;
  const SonaeImportLeftOut *y = *(SonaeImportLeftOut **) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* At END:VCARD: @card becomes an entry, or one more left out. */
static gboolean
end_card (Card       *card,
          GPtrArray  *entries,
          GPtrArray  *left_out,
          GPtrArray  *versions,
          GError    **error)
{
  SonaeCodecEntry *entry = NULL;

  if (!card_to_entry (card, &entry, error))
    return FALSE;
  if (entry == NULL)
    {
      if (!sonae_codec_leave_out_empty (left_out, entries->len, card->line, error))
        return FALSE;
    }
  else if (entries->len + left_out->len >= SONAE_IMPORT_MAX_CONTACTS)
    {
      sonae_codec_entry_free (entry);
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                   _("The file holds more than %d contacts, more than Sonae accepts at once."),
                   SONAE_IMPORT_MAX_CONTACTS);
      return FALSE;
    }
  else
    g_ptr_array_add (entries, entry);

  if (card->version != NULL)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < versions->len; i++)
        seen = seen || g_str_equal (g_ptr_array_index (versions, i), card->version);
      if (!seen)
        g_ptr_array_add (versions, g_strdup (card->version));
    }
  return TRUE;
}

gboolean
sonae_vcard_parse (const char  *data,
                   gsize        length,
                   GPtrArray   *entries,
                   GPtrArray   *left_out,
                   char       **out_format,
                   GError     **error)
{
  Reader r = { data, length, 0, 1, };
  g_autoptr(GString) logical = g_string_new (NULL);
  /* Android nests a card inside another: each is a contact of its own */
  g_autoptr(GPtrArray) open_cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  guint first_entry = entries->len;
  guint first_left_out = left_out->len;
  gboolean nested = FALSE;
  gboolean in_base64 = FALSE;  /* vCard 2.1 base64 runs until a blank line */
  guint line = 0;
  guint n_found = 0;

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      Card *card = open_cards->len > 0 ? g_ptr_array_index (open_cards, open_cards->len - 1) : NULL;
      Prop *prop;

      if (!read_logical (&r, card != NULL && card->v21, logical, &line, &local))
        {
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          break;
        }

      if (is_blank (logical))
        {
          in_base64 = FALSE;
          continue;
        }
      /* a comment some programs write */
      if (logical->str[0] == '#')
        continue;

      if (is_line (logical, "BEGIN", "VCARD"))
        {
          nested = nested || card != NULL;
          card = g_new0 (Card, 1);
          card->props = g_ptr_array_new_with_free_func ((GDestroyNotify) prop_free);
          card->line = line;
          g_ptr_array_add (open_cards, card);
          in_base64 = FALSE;
          continue;
        }

      if (is_line (logical, "END", "VCARD"))
        {
          g_autoptr(Card) ended = NULL;

          if (card == NULL)
            {
              g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                           _("Line %u ends a vCard that was never begun (BEGIN:VCARD is missing)."), line);
              return FALSE;
            }
          ended = g_ptr_array_steal_index (open_cards, open_cards->len - 1);
          if (!end_card (ended, entries, left_out, versions, error))
            return FALSE;
          n_found++;
          in_base64 = FALSE;
          continue;
        }

      if (card == NULL)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                       _("Line %u is outside of a vCard (between BEGIN:VCARD and END:VCARD). The file is damaged or is not a vCard file."),
                       line);
          return FALSE;
        }

      prop = parse_prop (logical, line);
      if (prop == NULL)
        {
          if (in_base64)
            continue;
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                       _("Line %u of the vCard is not of the form NAME:value."), line);
          return FALSE;
        }
      if (g_str_equal (prop->name, "VERSION"))
        {
          g_autofree char *v = g_strndup (prop->raw, prop->raw_len);

          g_strstrip (v);
          if (!g_str_equal (v, "2.1") && !g_str_equal (v, "3.0") && !g_str_equal (v, "4.0"))
            {
              /* the message is shown: whatever the file holds, it must be text */
              g_autofree char *shown = g_utf8_make_valid (v, -1);

              g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                           _("Line %u: vCard version “%s” is not supported (2.1, 3.0 and 4.0 are)."),
                           line, shown);
              prop_free (prop);
              return FALSE;
            }
          set_str (&card->version, v);
          card->v21 = g_str_equal (v, "2.1");
        }
      in_base64 = card->v21 && prop->encoding != NULL && g_str_equal (prop->encoding, "BASE64");
      g_ptr_array_add (card->props, prop);
    }

  if (open_cards->len > 0)
    {
      Card *card = g_ptr_array_index (open_cards, open_cards->len - 1);

      g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                   _("The vCard that starts at line %u has no END:VCARD: the file is cut short."),
                   card->line);
      return FALSE;
    }
  if (n_found == 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                           _("The file holds no vCard (no BEGIN:VCARD line)."));
      return FALSE;
    }

  /* An inner card ends first; the entries follow the file's order of cards. */
  if (nested)
    {
      g_autoptr(GPtrArray) read = g_ptr_array_new ();

      for (guint i = first_entry; i < entries->len; i++)
        g_ptr_array_add (read, g_ptr_array_index (entries, i));
      g_ptr_array_sort (read, compare_entry_lines);
      for (guint i = 0; i < read->len; i++)
        entries->pdata[first_entry + i] = read->pdata[i];
      g_ptr_array_set_size (read, 0);
      for (guint i = first_left_out; i < left_out->len; i++)
        g_ptr_array_add (read, g_ptr_array_index (left_out, i));
      g_ptr_array_sort (read, compare_left_out_lines);
      for (guint i = 0; i < read->len; i++)
        left_out->pdata[first_left_out + i] = read->pdata[i];
    }

  if (out_format != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < versions->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (versions, i));
      if (list->len == 0)
        *out_format = g_strdup (_("vCard"));
      else
        /* Translators: %s is a vCard version, such as “3.0” or “2.1, 3.0” */
        *out_format = g_strdup_printf (_("vCard %s"), list->str);
    }
  return TRUE;
}

/* --- the writer ------------------------------------------------------------- */

/* Escape text for a vCard value (RFC 6350 3.4). */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Write one content line, folded at 75 octets without splitting a UTF-8
 * character, ended by CR LF. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize limit = 75;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      /* back off to the start of a character */
      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = 74;  /* the leading blank counts */
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
add_text_line (GString    *out,
               const char *name,
               const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = g_string_new (name);
  g_string_append_c (line, ':');
  append_escaped (line, value);
  append_folded (out, line->str);
}

/* "山田 太郎" → family 山田, given 太郎; "John Doe" → family Doe, given John. */
static void
split_name (const char  *name,
            char       **family,
            char       **given)
{
  g_autofree char *normalized = g_strdup (name ? name : "");
  const char *space;

  /* the ideographic space too */
  g_strstrip (normalized);
  {
    g_auto(GStrv) parts = g_strsplit (normalized, "　", 2);
    g_free (normalized);
    normalized = g_strjoinv (" ", parts);
  }

  if (sonae_codec_is_japanese (normalized))
    {
      space = strchr (normalized, ' ');
      *family = space ? g_strndup (normalized, space - normalized) : g_strdup (normalized);
      *given = space ? g_strdup (space + 1) : g_strdup ("");
    }
  else
    {
      space = strrchr (normalized, ' ');
      *family = space ? g_strdup (space + 1) : g_strdup (normalized);
      *given = space ? g_strndup (normalized, space - normalized) : g_strdup ("");
    }
}

static void
add_labeled (GString             *out,
             const char          *name,
             SonaeLabeled        *l,
             SonaeContactsFormat  format,
             guint               *item)
{
  const char *type = sonae_codec_label_to_vcard_type (l->label);
  g_autoptr(GString) line = g_string_new (NULL);

  if (l->value == NULL || *l->value == '\0')
    return;

  if (l->label != NULL && type == NULL)
    {
      /* A label of the user's own: Apple's grouped form, which phones read. */
      g_autofree char *group = g_strdup_printf ("item%u", ++*item);
      g_autofree char *label_name = g_strconcat (group, ".X-ABLabel", NULL);

      g_string_append_printf (line, "%s.%s:", group, name);
      append_escaped (line, l->value);
      append_folded (out, line->str);
      add_text_line (out, label_name, l->label);
      return;
    }

  g_string_append (line, name);
  if (type != NULL)
    {
      g_autofree char *t = format == SONAE_CONTACTS_VCARD3 ? g_ascii_strup (type, -1) : g_strdup (type);
      g_string_append_printf (line, ";TYPE=%s", t);
    }
  g_string_append_c (line, ':');
  append_escaped (line, l->value);
  append_folded (out, line->str);
}

GString *
sonae_vcard_write (GPtrArray           *contacts,
                   GHashTable          *roles,
                   SonaeContactsFormat  format)
{
  GString *out = g_string_new (NULL);
  gboolean v3 = format == SONAE_CONTACTS_VCARD3;

  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);
      GArray *held = g_hash_table_lookup (roles, &c->id);
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;
      g_autofree char *r_family = NULL;
      g_autofree char *r_given = NULL;
      g_autoptr(GString) line = g_string_new (NULL);
      guint item = 0;

      g_string_append (out, "BEGIN:VCARD\r\n");
      g_string_append (out, v3 ? "VERSION:3.0\r\n" : "VERSION:4.0\r\n");
      g_string_append (out, "PRODID:-//Sonae//Sonae " PACKAGE_VERSION "//EN\r\n");
      add_text_line (out, "FN", c->name);

      split_name (c->name, &family, &given);
      if (c->reading != NULL && *c->reading)
        {
          const char *space = strchr (c->reading, ' ');
          r_family = space ? g_strndup (c->reading, space - c->reading) : g_strdup (c->reading);
          r_given = space ? g_strdup (space + 1) : g_strdup ("");
        }

      g_string_assign (line, "N");
      if (!v3 && r_family != NULL)
        {
          /* SORT-AS is a parameter: no quote, no line break may appear in it */
          g_autoptr(GString) sort = g_string_new (NULL);

          for (const char *p = r_family; *p; p++)
            if (*p != '"' && *p != '\n' && *p != '\r' && *p != ',' && *p != ';' && *p != ':')
              g_string_append_c (sort, *p);
          if (*r_given)
            {
              g_string_append_c (sort, ',');
              for (const char *p = r_given; *p; p++)
                if (*p != '"' && *p != '\n' && *p != '\r' && *p != ',' && *p != ';' && *p != ':')
                  g_string_append_c (sort, *p);
            }
          g_string_append_printf (line, ";SORT-AS=\"%s\"", sort->str);
        }
      g_string_append_c (line, ':');
      append_escaped (line, family);
      g_string_append_c (line, ';');
      append_escaped (line, given);
      g_string_append (line, ";;;");
      append_folded (out, line->str);

      add_text_line (out, "X-PHONETIC-LAST-NAME", r_family);
      add_text_line (out, "X-PHONETIC-FIRST-NAME", r_given);

      if ((c->organization && *c->organization) || (c->department && *c->department))
        {
          g_string_assign (line, "ORG:");
          append_escaped (line, c->organization);
          if (c->department && *c->department)
            {
              g_string_append_c (line, ';');
              append_escaped (line, c->department);
            }
          append_folded (out, line->str);
        }
      add_text_line (out, "TITLE", c->title);

      for (guint j = 0; j < c->phones->len; j++)
        add_labeled (out, "TEL", g_ptr_array_index (c->phones, j), format, &item);
      for (guint j = 0; j < c->emails->len; j++)
        add_labeled (out, "EMAIL", g_ptr_array_index (c->emails, j), format, &item);

      if (c->address && *c->address)
        {
          g_string_assign (line, "ADR:;;");
          append_escaped (line, c->address);
          g_string_append (line, ";;;;");
          append_folded (out, line->str);
        }
      add_text_line (out, "URL", c->url);
      add_text_line (out, "NOTE", c->notes);

      add_text_line (out, "X-SONAE-GROUP", sonae_group_to_string (c->group));
      add_text_line (out, "X-SONAE-SYSTEM", c->system);
      add_text_line (out, "X-SONAE-CONTRACT", c->contract);
      add_text_line (out, "X-SONAE-VERIFIED", c->verified_on);
      add_text_line (out, "X-SONAE-BUILTIN", c->builtin_key);
      if (c->needs_check)
        g_string_append (out, "X-SONAE-NEEDS-CHECK:1\r\n");
      for (guint j = 0; held && j < held->len; j++)
        {
          SonaeCodecRole *role = &g_array_index (held, SonaeCodecRole, j);

          g_string_printf (line, "X-SONAE-ROLE;X-SONAE-ORDER=%d:", role->order);
          append_escaped (line, role->key);
          append_folded (out, line->str);
        }
      g_string_append (out, "END:VCARD\r\n");
    }
  return out;
}
