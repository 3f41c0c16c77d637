/* sonae-import.c: reading a contact file, planning what it changes in the
 * roster, writing it in one transaction; and writing the roster out */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-codec-private.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-import.h"

struct _SonaeImport {
  GPtrArray *entries;     /* of SonaeCodecEntry (owned) */
  GPtrArray *left_out;    /* of SonaeImportLeftOut (owned) */
  char *format;
  SonaeGroup group;
  GPtrArray *targets;     /* of Target (owned), filled by plan */
  GPtrArray *roster;      /* of SonaeContact: the roster at the last plan */
  gboolean planned;
};

/* A contact the import writes or compares with: a roster entry (id != 0)
 * or a new one; @work is what it will be after the import. */
typedef struct {
  SonaeContact *roster;   /* borrowed from the roster list, or NULL */
  SonaeContact *work;     /* owned; NULL until a roster entry is touched */
  gboolean from_file;     /* added by this import */
  gboolean dirty;         /* must be saved */
  guint line;
  guint seq;              /* its place among the targets: the earlier one wins */
  char *name_key;         /* owned: fold_name () of its name */
  GHashTable *numbers;    /* owned, of number_key (): made on the first merge */
  GHashTable *addresses;  /* owned, of address_key (): made on the first merge */
} Target;

static void
target_free (Target *t)
{
  g_clear_object (&t->work);
  g_free (t->name_key);
  g_clear_pointer (&t->numbers, g_hash_table_unref);
  g_clear_pointer (&t->addresses, g_hash_table_unref);
  g_free (t);
}

/* --- reading ---------------------------------------------------------------- */

static gboolean
looks_like_vcard (const char *data,
                  gsize       length,
                  const char *name_hint)
{
  gsize i = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (length - i >= 11 && g_ascii_strncasecmp (data + i, "BEGIN:VCARD", 11) == 0)
    return TRUE;
  if (name_hint != NULL && (g_str_has_suffix (name_hint, ".vcf") || g_str_has_suffix (name_hint, ".VCF") ||
                            g_str_has_suffix (name_hint, ".vcard")))
    return TRUE;
  return FALSE;
}

SonaeImport *
sonae_import_new_from_data (const char  *data,
                            gsize        length,
                            const char  *name_hint,
                            SonaeGroup   group,
                            GError     **error)
{
  g_autoptr(SonaeImport) self = NULL;
  g_autofree char *utf16 = NULL;
  const char *nul;
  gboolean blank = TRUE;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (group < SONAE_N_GROUPS, NULL);

  if (length > SONAE_IMPORT_MAX_FILE)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                   _("The file is larger than 32 MB, more than Sonae accepts for contacts."));
      return NULL;
    }

  /* UTF-16 with a byte-order mark, as some Windows programs save */
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gsize written = 0;

      utf16 = g_convert (data, length, "UTF-8", "UTF-16", NULL, &written, NULL);
      if (utf16 == NULL)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                               _("The file says it is UTF-16 text, but it cannot be read as such."));
          return NULL;
        }
      data = utf16;
      length = written;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                   _("The file contains binary data (at line %u): it is not a vCard or CSV file."),
                   sonae_codec_line_at (data, nul - data));
      return NULL;
    }

  for (gsize i = (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The file is empty."));
      return NULL;
    }

  self = g_new0 (SonaeImport, 1);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_codec_entry_free);
  self->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_import_left_out_free);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  self->group = group;

  if (looks_like_vcard (data, length, name_hint))
    {
      gsize skip = (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
      ok = sonae_vcard_parse (data + skip, length - skip, self->entries, self->left_out, &self->format, error);
    }
  else
    ok = sonae_csv_parse (data, length, self->entries, self->left_out, &self->format, error);
  if (!ok)
    return NULL;
  if (self->entries->len == 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_PARSE,
                           _("No entry of the file has a name, phone number, e-mail address or anything else Sonae keeps, so there is nothing to import."));
      return NULL;
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      SonaeCodecEntry *e = g_ptr_array_index (self->entries, i);
      if (!e->group_from_file)
        e->pub.contact->group = group;
    }
  return g_steal_pointer (&self);
}

SonaeImport *
sonae_import_new_from_file (const char  *path,
                            SonaeGroup   group,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not read “%s”: %s"), path, local->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO, _("“%s” is not a file."), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > SONAE_IMPORT_MAX_FILE)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                           _("The file is larger than 32 MB, more than Sonae accepts for contacts."));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not read “%s”: %s"), path, local->message);
      return NULL;
    }
  basename = g_path_get_basename (path);
  return sonae_import_new_from_data (contents, length, basename, group, error);
}

void
sonae_import_free (SonaeImport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->left_out);
  g_ptr_array_unref (self->targets);
  g_clear_pointer (&self->roster, g_ptr_array_unref);
  g_free (self->format);
  g_free (self);
}

const char *
sonae_import_get_format (SonaeImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->format;
}

void
sonae_import_set_group (SonaeImport *self,
                        SonaeGroup   group)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (group < SONAE_N_GROUPS);

  self->group = group;
  for (guint i = 0; i < self->entries->len; i++)
    {
      SonaeCodecEntry *e = g_ptr_array_index (self->entries, i);
      if (!e->group_from_file)
        e->pub.contact->group = group;
    }
  self->planned = FALSE;
}

GPtrArray *
sonae_import_get_entries (SonaeImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->entries;
}

GPtrArray *
sonae_import_get_left_out (SonaeImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->left_out;
}

guint
sonae_import_count (SonaeImport       *self,
                    SonaeImportAction  action)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      SonaeImportEntry *e = g_ptr_array_index (self->entries, i);
      if (e->action == action)
        n++;
    }
  return n;
}

/* --- planning --------------------------------------------------------------- */

/* The same person is found through hash tables, never by comparing every
 * entry with every contact of the same name: a file of thousands of rows
 * that share a name plans in linear time. */

static char *
digits_of (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *norm = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);

  for (const char *p = norm; p && *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Two numbers are the same when their digits are (“090-1111-2222” and
 * “090 1111 2222”); a number without digits only when its text is. */
static char *
number_key (const char *value)
{
  g_autofree char *digits = digits_of (value);

  if (*digits)
    return g_strconcat ("d", digits, NULL);
  return g_strconcat ("t", value, NULL);
}

/* E-mail addresses are compared without regard to ASCII case. */
static char *
address_key (const char *value)
{
  return g_ascii_strdown (value, -1);
}

static gboolean
has_role (SonaeContact *c,
          const char   *key)
{
  for (guint i = 0; i < c->roles->len; i++)
    if (g_str_equal (g_ptr_array_index (c->roles, i), key))
      return TRUE;
  return FALSE;
}

static char *
fold_name (const char *name)
{
  g_autofree char *folded = sonae_text_fold (name);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x30FB && c != 0xB7)  /* ・ */
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static SonaeContact *
target_contact (Target *t)
{
  return t->work ? t->work : t->roster;
}

/* Where the plan looks for the same person. Each key leads to the earliest
 * target (roster first, then the file's new contacts in file order), as a
 * scan of the roster would find it. A folded name has no white space, so a
 * line break separates it from the rest of a key. */
typedef struct {
  GHashTable *by_builtin;     /* bundled key → Target */
  GHashTable *by_number;      /* name, number digits → Target */
  GHashTable *by_address;     /* name, e-mail address → Target */
  /* name, group → Target of the roster, by what it has that could say it
   * is someone else (see find_target()) */
  GHashTable *by_group_any;       /* any */
  GHashTable *by_group_no_phone;  /* no phone number */
  GHashTable *by_group_no_email;  /* no e-mail address */
  GHashTable *by_group_bare;      /* neither */
} Index;

static void
index_init (Index *idx)
{
  idx->by_builtin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  idx->by_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  idx->by_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  idx->by_group_any = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  idx->by_group_no_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  idx->by_group_no_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  idx->by_group_bare = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
index_clear (Index *idx)
{
  g_clear_pointer (&idx->by_builtin, g_hash_table_unref);
  g_clear_pointer (&idx->by_number, g_hash_table_unref);
  g_clear_pointer (&idx->by_address, g_hash_table_unref);
  g_clear_pointer (&idx->by_group_any, g_hash_table_unref);
  g_clear_pointer (&idx->by_group_no_phone, g_hash_table_unref);
  g_clear_pointer (&idx->by_group_no_email, g_hash_table_unref);
  g_clear_pointer (&idx->by_group_bare, g_hash_table_unref);
}

/* Takes @key. */
static void
index_put (GHashTable *table,
           char       *key,
           Target     *t)
{
  Target *known = g_hash_table_lookup (table, key);

  if (known == NULL || known->seq > t->seq)
    g_hash_table_replace (table, key, t);
  else
    g_free (key);
}

static Target *
index_get (GHashTable *table,
           const char *name_key,
           const char *rest)
{
  g_autofree char *key = g_strconcat (name_key, "\n", rest, NULL);

  return g_hash_table_lookup (table, key);
}

static Target *
earlier (Target *a,
         Target *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return a->seq <= b->seq ? a : b;
}

static void
index_number (Index      *idx,
              Target     *t,
              const char *value)
{
  g_autofree char *digits = digits_of (value);

  if (*digits)
    index_put (idx->by_number, g_strconcat (t->name_key, "\n", digits, NULL), t);
}

static void
index_address (Index      *idx,
               Target     *t,
               const char *value)
{
  g_autofree char *key = address_key (value);

  index_put (idx->by_address, g_strconcat (t->name_key, "\n", key, NULL), t);
}

static void
index_target (Index  *idx,
              Target *t)
{
  SonaeContact *c = target_contact (t);
  char group[16];

  t->name_key = fold_name (c->name);
  if (c->builtin_key != NULL && !g_hash_table_contains (idx->by_builtin, c->builtin_key))
    g_hash_table_insert (idx->by_builtin, g_strdup (c->builtin_key), t);
  for (guint i = 0; i < c->phones->len; i++)
    index_number (idx, t, ((SonaeLabeled *) g_ptr_array_index (c->phones, i))->value);
  for (guint i = 0; i < c->emails->len; i++)
    index_address (idx, t, ((SonaeLabeled *) g_ptr_array_index (c->emails, i))->value);

  g_snprintf (group, sizeof group, "%d", (int) c->group);
  if (t->from_file)
    return;
  index_put (idx->by_group_any, g_strconcat (t->name_key, "\n", group, NULL), t);
  if (c->phones->len == 0)
    index_put (idx->by_group_no_phone, g_strconcat (t->name_key, "\n", group, NULL), t);
  if (c->emails->len == 0)
    index_put (idx->by_group_no_email, g_strconcat (t->name_key, "\n", group, NULL), t);
  if (c->phones->len == 0 && c->emails->len == 0)
    index_put (idx->by_group_bare, g_strconcat (t->name_key, "\n", group, NULL), t);
}

/* The roster entry or earlier entry of the file that is the same person:
 * the same bundled key; or the same name and a shared phone number or
 * e-mail address; or the same name in the same group of the roster, when
 * the two have no phone numbers (or no addresses) that differ. Two people
 * of the same name are common enough (佐藤 花子 in one clinic, 田中 一郎
 * among the vendors): a name alone never joins two entries of one file,
 * nor an entry with numbers to a contact with other numbers, since a wrong
 * number in an emergency is worse than a contact listed twice. */
static Target *
find_target (Index           *idx,
             SonaeCodecEntry *e)
{
  SonaeContact *c = e->pub.contact;
  g_autofree char *name_key = NULL;
  Target *best = NULL;
  char group[16];

  if (c->builtin_key != NULL)
    {
      Target *t = g_hash_table_lookup (idx->by_builtin, c->builtin_key);
      if (t != NULL)
        return t;
    }

  name_key = fold_name (c->name);
  for (guint i = 0; i < c->phones->len; i++)
    {
      g_autofree char *digits = digits_of (((SonaeLabeled *) g_ptr_array_index (c->phones, i))->value);

      if (*digits)
        best = earlier (best, index_get (idx->by_number, name_key, digits));
    }
  for (guint i = 0; i < c->emails->len; i++)
    {
      g_autofree char *key = address_key (((SonaeLabeled *) g_ptr_array_index (c->emails, i))->value);

      best = earlier (best, index_get (idx->by_address, name_key, key));
    }
  if (best != NULL)
    return best;

  /* By name and group, a roster contact whose numbers and addresses say
   * nothing against it: none of the same kind as the entry's (a shared one
   * was found above). */
  g_snprintf (group, sizeof group, "%d", (int) c->group);
  if (c->phones->len > 0 && c->emails->len > 0)
    return index_get (idx->by_group_bare, name_key, group);
  if (c->phones->len > 0)
    return index_get (idx->by_group_no_phone, name_key, group);
  if (c->emails->len > 0)
    return index_get (idx->by_group_no_email, name_key, group);
  return index_get (idx->by_group_any, name_key, group);
}

static GHashTable *
keys_of (GPtrArray *labeled,
         char     *(*make_key) (const char *value))
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < labeled->len; i++)
    g_hash_table_add (keys, make_key (((SonaeLabeled *) g_ptr_array_index (labeled, i))->value));
  return keys;
}

/* Add what the entry brings to the target's work copy without overwriting
 * anything; TRUE when something was added. */
static gboolean
merge_into (Index           *idx,
            Target          *t,
            SonaeCodecEntry *entry)
{
  SonaeContact *dest = t->work;
  SonaeContact *src = entry->pub.contact;
  gboolean changed = FALSE;
  struct { char **dest; const char *src; } fields[] = {
    { &dest->reading, src->reading },
    { &dest->organization, src->organization },
    { &dest->department, src->department },
    { &dest->title, src->title },
    { &dest->system, src->system },
    { &dest->contract, src->contract },
    { &dest->hours, src->hours },
    { &dest->address, src->address },
    { &dest->url, src->url },
    { &dest->notes, src->notes },
    { &dest->verified_on, src->verified_on },
    { &dest->builtin_key, src->builtin_key },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if ((*fields[i].dest == NULL || **fields[i].dest == '\0') && fields[i].src && *fields[i].src)
      {
        sonae_contact_set_string (fields[i].dest, fields[i].src);
        changed = TRUE;
      }

  /* Confirmed in the file (verified, no longer to check): confirmed here. */
  if (dest->needs_check && !src->needs_check && src->verified_on != NULL &&
      g_strcmp0 (dest->verified_on, src->verified_on) == 0)
    {
      dest->needs_check = FALSE;
      changed = TRUE;
    }

  if (t->numbers == NULL)
    t->numbers = keys_of (dest->phones, number_key);
  if (t->addresses == NULL)
    t->addresses = keys_of (dest->emails, address_key);

  for (guint i = 0; i < src->phones->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (src->phones, i);

      if (g_hash_table_add (t->numbers, number_key (l->value)))
        {
          sonae_contact_add_phone (dest, l->label, l->value);
          index_number (idx, t, l->value);
          changed = TRUE;
        }
    }
  for (guint i = 0; i < src->emails->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (src->emails, i);

      if (g_hash_table_add (t->addresses, address_key (l->value)))
        {
          sonae_contact_add_email (dest, l->label, l->value);
          index_address (idx, t, l->value);
          changed = TRUE;
        }
    }
  for (guint i = 0; i < entry->roles->len; i++)
    {
      const char *key = g_array_index (entry->roles, SonaeCodecRole, i).key;
      if (!has_role (dest, key))
        {
          g_ptr_array_add (dest->roles, g_strdup (key));
          changed = TRUE;
        }
    }
  return changed;
}

static gboolean
plan (SonaeImport  *self,
      SonaeStore   *store,
      GError      **error)
{
  GPtrArray *roster;
  Index idx;

  roster = sonae_contacts_list (store, -1, error);
  if (roster == NULL)
    return FALSE;

  index_init (&idx);
  g_ptr_array_set_size (self->targets, 0);
  g_clear_pointer (&self->roster, g_ptr_array_unref);
  self->roster = roster;
  for (guint i = 0; i < roster->len; i++)
    {
      Target *t = g_new0 (Target, 1);

      t->roster = g_ptr_array_index (roster, i);
      t->seq = self->targets->len;
      g_ptr_array_add (self->targets, t);
      index_target (&idx, t);
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      SonaeCodecEntry *e = g_ptr_array_index (self->entries, i);
      Target *t = find_target (&idx, e);

      if (t == NULL)
        {
          t = g_new0 (Target, 1);
          t->from_file = TRUE;
          t->dirty = TRUE;
          t->line = e->line;
          t->seq = self->targets->len;
          t->work = sonae_contact_copy (e->pub.contact);
          t->work->id = 0;
          g_ptr_array_set_size (t->work->roles, 0);
          for (guint j = 0; j < e->roles->len; j++)
            g_ptr_array_add (t->work->roles, g_strdup (g_array_index (e->roles, SonaeCodecRole, j).key));
          g_ptr_array_add (self->targets, t);
          index_target (&idx, t);
          e->pub.action = SONAE_IMPORT_ADD;
          e->pub.existing_id = 0;
          e->target = t->work;
          continue;
        }

      if (t->work == NULL)
        t->work = sonae_contact_copy (t->roster);
      if (merge_into (&idx, t, e))
        {
          e->pub.action = SONAE_IMPORT_MERGE;
          if (!t->dirty)
            t->line = e->line;
          t->dirty = TRUE;
        }
      else
        e->pub.action = SONAE_IMPORT_SKIP;
      e->pub.existing_id = t->roster ? t->roster->id : 0;
      e->target = t->work;
    }

  index_clear (&idx);
  self->planned = TRUE;
  return TRUE;
}

gboolean
sonae_import_plan (SonaeImport  *self,
                   SonaeStore   *store,
                   GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  return plan (self, store, error);
}

/* --- applying --------------------------------------------------------------- */

typedef struct {
  int order;
  guint seq;
  gint64 id;
} Assignment;

static int
compare_assignments (gconstpointer a,
                     gconstpointer b)
{
  const Assignment *x = a, *y = b;
  /* an order the file gives first, then those without, in file order */
  int ox = x->order > 0 ? x->order : G_MAXINT;
  int oy = y->order > 0 ? y->order : G_MAXINT;

  if (ox != oy)
    return ox < oy ? -1 : 1;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

static void
free_array (gpointer data)
{
  g_array_unref (data);
}

static gboolean
apply_roles (SonaeImport  *self,
             SonaeStore   *store,
             GError      **error)
{
  g_autoptr(GHashTable) by_role = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_array);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  guint seq = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      SonaeCodecEntry *e = g_ptr_array_index (self->entries, i);

      for (guint j = 0; j < e->roles->len; j++)
        {
          SonaeCodecRole *r = &g_array_index (e->roles, SonaeCodecRole, j);
          GArray *list = g_hash_table_lookup (by_role, r->key);
          Assignment a = { r->order, seq++, e->target->id };

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (Assignment));
              g_hash_table_insert (by_role, r->key, list);
              g_ptr_array_add (keys, r->key);
            }
          g_array_append_val (list, a);
        }
    }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      GArray *list = g_hash_table_lookup (by_role, key);
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, key, error);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      guint before;

      if (holders == NULL)
        return FALSE;
      for (guint j = 0; j < holders->len; j++)
        {
          gint64 id = ((SonaeContact *) g_ptr_array_index (holders, j))->id;

          if (g_hash_table_add (present, g_memdup2 (&id, sizeof id)))
            g_array_append_val (ids, id);
        }
      before = ids->len;

      g_array_sort (list, compare_assignments);
      for (guint j = 0; j < list->len; j++)
        {
          gint64 id = g_array_index (list, Assignment, j).id;

          if (g_hash_table_add (present, g_memdup2 (&id, sizeof id)))
            g_array_append_val (ids, id);
        }
      if (ids->len != before &&
          !sonae_contacts_set_role_holders (store, key, (gint64 *) ids->data, ids->len, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sonae_import_apply (SonaeImport  *self,
                    SonaeStore   *store,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  if (!sonae_store_begin (store, error))
    return FALSE;

  /* Plan inside the transaction, so that nothing changes in between. */
  if (!plan (self, store, error))
    goto fail;

  /* Check everything before writing anything. */
  for (guint i = 0; i < self->targets->len; i++)
    {
      Target *t = g_ptr_array_index (self->targets, i);
      SonaeContact *c = t->work;

      if (!t->dirty)
        continue;
      if (c->name == NULL || *c->name == '\0' ||
          (c->verified_on != NULL && !sonae_date_is_valid (c->verified_on)))
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                       _("The contact at line %u cannot be saved: its name is missing or its verified date is not a date."),
                       t->line);
          goto fail;
        }
    }

  for (guint i = 0; i < self->targets->len; i++)
    {
      Target *t = g_ptr_array_index (self->targets, i);

      if (!t->dirty)
        continue;
      if (!sonae_contacts_save (store, t->work, error))
        {
          g_prefix_error (error, _("The contact at line %u could not be saved, so nothing was imported: "), t->line);
          goto fail;
        }
    }

  if (!apply_roles (self, store, error))
    {
      g_prefix_error (error, "%s", _("The roles could not be saved, so nothing was imported: "));
      goto fail;
    }

  return sonae_store_commit (store, error);

fail:
  sonae_store_rollback (store);
  self->planned = FALSE;
  return FALSE;
}

/* --- export ----------------------------------------------------------------- */

gboolean
sonae_contacts_format_from_path (const char          *path,
                                 SonaeContactsFormat *out_format)
{
  g_autofree char *lower = NULL;
  SonaeContactsFormat format;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    format = SONAE_CONTACTS_VCARD4;
  else if (g_str_has_suffix (lower, ".csv"))
    format = SONAE_CONTACTS_CSV;
  else
    return FALSE;
  if (out_format != NULL)
    *out_format = format;
  return TRUE;
}

static void
free_role_list (gpointer data)
{
  GArray *list = data;

  for (guint i = 0; i < list->len; i++)
    g_free (g_array_index (list, SonaeCodecRole, i).key);
  g_array_unref (list);
}

gboolean
sonae_export_contacts (SonaeStore           *store,
                       const char           *path,
                       SonaeContactsFormat   format,
                       GError              **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) key_list = g_ptr_array_new ();
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) local = NULL;
  const SonaeRoleInfo *builtin;
  guint n_builtin;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  contacts = sonae_contacts_list (store, -1, error);
  if (contacts == NULL)
    return FALSE;

  /* Every role held, the manual's first, with the order of its holders. */
  builtin = sonae_roles_get_builtin (&n_builtin);
  for (guint i = 0; i < n_builtin; i++)
    if (g_hash_table_add (keys, (gpointer) builtin[i].key))
      g_ptr_array_add (key_list, (gpointer) builtin[i].key);
  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);
      for (guint j = 0; j < c->roles->len; j++)
        if (g_hash_table_add (keys, g_ptr_array_index (c->roles, j)))
          g_ptr_array_add (key_list, g_ptr_array_index (c->roles, j));
    }

  roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_role_list);
  for (guint i = 0; i < key_list->len; i++)
    {
      const char *key = g_ptr_array_index (key_list, i);
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, key, error);

      if (holders == NULL)
        return FALSE;
      for (guint j = 0; j < holders->len; j++)
        {
          SonaeContact *h = g_ptr_array_index (holders, j);
          GArray *list = g_hash_table_lookup (roles, &h->id);
          SonaeCodecRole role = { g_strdup (key), (int) j + 1 };

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (SonaeCodecRole));
              g_hash_table_insert (roles, g_memdup2 (&h->id, sizeof h->id), list);
            }
          g_array_append_val (list, role);
        }
    }

  if (format == SONAE_CONTACTS_CSV)
    text = sonae_csv_write (contacts, roles);
  else
    text = sonae_vcard_write (contacts, roles, format);

  /* A temporary file renamed over the target; personal data: mode 0600. */
  if (!g_file_set_contents_full (path, text->str, text->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("Could not write the contacts to “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
