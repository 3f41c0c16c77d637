/* sonae-vcard.c: between a vCard and a contact.
 *
 * A card read by sonae-vcard-reader.c becomes an import entry (its name and
 * reading, organisation, address, phones, e-mails, notes, roles and Sonae's
 * own fields), and contacts are written as vCard 3.0 or 4.0. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-error.h"
#include "sonae-vcard-private.h"

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
  const char *family = sonae_vcard_component (n, 0);
  const char *given = sonae_vcard_component (n, 1);

  if (sonae_codec_is_japanese (family) || sonae_codec_is_japanese (given))
    {
      const char *words[] = { family, given };
      return join_words (words, 2, " ");
    }
  else
    {
      const char *words[] = { sonae_vcard_component (n, 3), given, sonae_vcard_component (n, 2), family,
                              sonae_vcard_component (n, 4) };
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
  g_autoptr(GPtrArray) parts = sonae_vcard_split_at (text, separators);

  return reading_from_words ((const char *const *) parts->pdata, parts->len);
}

static char *
address_from_adr (GPtrArray *adr)
{
  const char *pobox = sonae_vcard_component (adr, 0);
  const char *ext = sonae_vcard_component (adr, 1);
  const char *street = sonae_vcard_component (adr, 2);
  const char *city = sonae_vcard_component (adr, 3);
  const char *region = sonae_vcard_component (adr, 4);
  const char *postal = sonae_vcard_component (adr, 5);
  const char *country = sonae_vcard_component (adr, 6);
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
    if (sonae_vcard_prop_has_type (p, words[i]))
      return sonae_codec_label_from_text (words[i]);
  return NULL;
}

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
      v = sonae_vcard_decode_value (p, error);
      if (v == NULL)
        return FALSE;
      text = sonae_vcard_unescape (v, strlen (v));
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
  *out = v != NULL ? sonae_vcard_unescape (v, strlen (v)) : NULL;
  return TRUE;
}

gboolean
sonae_vcard_card_to_entry (Card             *card,
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
      if ((v = sonae_vcard_decode_value (p, error)) == NULL)
        goto fail;
      g_hash_table_replace (ab_labels, g_strdup (p->group), sonae_vcard_unescape (v, strlen (v)));
    }

  if (!first_text (card, "FN", &c->name, error) ||
      !first_text (card, "NICKNAME", &nickname, error) ||
      !first_text (card, "TITLE", &c->title, error) ||
      !first_text (card, "URL", &c->url, error) ||
      !first_text (card, "X-SONAE-SYSTEM", &c->system, error) ||
      !first_text (card, "X-SONAE-CONTRACT", &c->contract, error) ||
      !first_text (card, "X-SONAE-HOURS", &c->hours, error) ||
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
      g_autofree char *v = sonae_vcard_decode_value (n_prop, error);
      g_autoptr(GPtrArray) parts = NULL;

      if (v == NULL)
        goto fail;
      parts = sonae_vcard_split_components (v);
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
          if (g_str_equal (p->name, "SOUND") && sonae_vcard_prop_has_type (p, "x-irmc-n"))
            {
              g_autofree char *v = sonae_vcard_decode_value (p, error);
              g_autoptr(GPtrArray) parts = NULL;

              if (v == NULL)
                goto fail;
              parts = sonae_vcard_split_components (v);
              c->reading = reading_from_parts (sonae_vcard_component (parts, 0),
                                               sonae_vcard_component (parts, 1));
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
      g_autofree char *v = sonae_vcard_decode_value (p, error);
      g_autoptr(GPtrArray) parts = NULL;

      if (v == NULL)
        goto fail;
      parts = sonae_vcard_split_components (v);
      sonae_contact_set_string (&c->organization, sonae_vcard_component (parts, 0));
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
        if (adr == NULL ||
            (sonae_vcard_prop_has_type (p, "pref") && !sonae_vcard_prop_has_type (adr, "pref")))
          adr = p;
      }
    if (adr != NULL)
      {
        g_autofree char *v = sonae_vcard_decode_value (adr, error);
        g_autoptr(GPtrArray) parts = NULL;
        g_autofree char *text = NULL;

        if (v == NULL)
          goto fail;
        parts = sonae_vcard_split_components (v);
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
      if ((v = sonae_vcard_decode_value (p, error)) == NULL)
        goto fail;
      text = sonae_vcard_unescape (v, strlen (v));
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
      add_text_line (out, "X-SONAE-HOURS", c->hours);
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
