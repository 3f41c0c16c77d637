/* sonae-vcard-reader.c: a vCard file (2.1, 3.0 or 4.0) read into cards.
 *
 * Physical lines are joined into logical ones (folding, quoted-printable
 * soft breaks, 2.1 backslash continuations) and parsed into a property with
 * its parameters; values are decoded (quoted-printable, charsets, escapes,
 * structured parts); cards are begun and ended, nested ones too, and each
 * ended card becomes an entry through sonae-vcard.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-error.h"
#include "sonae-vcard-private.h"

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

gboolean
sonae_vcard_prop_has_type (Prop       *p,
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

char *
sonae_vcard_decode_value (Prop    *p,
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

char *
sonae_vcard_unescape (const char *s,
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

GPtrArray *
sonae_vcard_split_at (const char *s,
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
          g_ptr_array_add (parts, sonae_vcard_unescape (s + start, i - start));
          start = i + 1;
        }
    }
  return parts;
}

GPtrArray *
sonae_vcard_split_components (const char *s)
{
  return sonae_vcard_split_at (s, ";");
}

const char *
sonae_vcard_component (GPtrArray *parts,
                       guint      i)
{
  return i < parts->len ? g_ptr_array_index (parts, i) : "";
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

  if (!sonae_vcard_card_to_entry (card, &entry, error))
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
