#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-contact.h"
#include "sonae-role.h"

/* What a search reads, folded once: typing a letter into the search of a
 * roster of thousands must not fold every field of every contact again.
 * @signature tells whether the fields changed since (they are public and
 * are written directly). */
typedef struct {
  guint signature;
  char *text;      /* every searchable field folded, one per line */
  char *digits;    /* the digits of each phone number, one per line */
} SonaeContactPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SonaeContact, sonae_contact, G_TYPE_OBJECT)

SonaeLabeled *
sonae_labeled_new (const char *label,
                   const char *value)
{
  SonaeLabeled *self = g_new0 (SonaeLabeled, 1);

  self->label = g_strdup (label && *label ? label : NULL);
  self->value = g_strdup (value ? value : "");
  return self;
}

void
sonae_labeled_free (SonaeLabeled *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->value);
  g_free (self);
}

static void
sonae_contact_finalize (GObject *object)
{
  SonaeContact *self = SONAE_CONTACT (object);

  g_free (self->name);
  g_free (self->reading);
  g_free (self->organization);
  g_free (self->department);
  g_free (self->title);
  g_free (self->system);
  g_free (self->contract);
  g_free (self->hours);
  g_free (self->address);
  g_free (self->url);
  g_free (self->notes);
  g_clear_pointer (&self->phones, g_ptr_array_unref);
  g_clear_pointer (&self->emails, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_free (self->verified_on);
  g_free (self->builtin_key);
  g_free (((SonaeContactPrivate *) sonae_contact_get_instance_private (self))->text);
  g_free (((SonaeContactPrivate *) sonae_contact_get_instance_private (self))->digits);

  G_OBJECT_CLASS (sonae_contact_parent_class)->finalize (object);
}

static void
sonae_contact_class_init (SonaeContactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sonae_contact_finalize;
}

static void
sonae_contact_init (SonaeContact *self)
{
  self->group = SONAE_GROUP_STAFF;
  self->phones = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_labeled_free);
  self->emails = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_labeled_free);
  self->roles = g_ptr_array_new_with_free_func (g_free);
}

SonaeContact *
sonae_contact_new (void)
{
  return g_object_new (SONAE_TYPE_CONTACT, NULL);
}

void
sonae_contact_set_string (char       **field,
                          const char  *value)
{
  char *copy;

  g_return_if_fail (field != NULL);

  copy = (value && *value) ? g_strdup (value) : NULL;
  g_free (*field);
  *field = copy;
}

static void
copy_labeled (GPtrArray *dest,
              GPtrArray *src)
{
  for (guint i = 0; i < src->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (src, i);
      g_ptr_array_add (dest, sonae_labeled_new (l->label, l->value));
    }
}

SonaeContact *
sonae_contact_copy (SonaeContact *self)
{
  SonaeContact *copy;

  g_return_val_if_fail (SONAE_IS_CONTACT (self), NULL);

  copy = sonae_contact_new ();
  copy->id = self->id;
  copy->group = self->group;
  copy->name = g_strdup (self->name);
  copy->reading = g_strdup (self->reading);
  copy->organization = g_strdup (self->organization);
  copy->department = g_strdup (self->department);
  copy->title = g_strdup (self->title);
  copy->system = g_strdup (self->system);
  copy->contract = g_strdup (self->contract);
  copy->hours = g_strdup (self->hours);
  copy->address = g_strdup (self->address);
  copy->url = g_strdup (self->url);
  copy->notes = g_strdup (self->notes);
  copy_labeled (copy->phones, self->phones);
  copy_labeled (copy->emails, self->emails);
  copy->verified_on = g_strdup (self->verified_on);
  copy->needs_check = self->needs_check;
  copy->builtin_key = g_strdup (self->builtin_key);
  for (guint i = 0; i < self->roles->len; i++)
    g_ptr_array_add (copy->roles, g_strdup (g_ptr_array_index (self->roles, i)));
  return copy;
}

void
sonae_contact_add_phone (SonaeContact *self,
                         const char   *label,
                         const char   *value)
{
  g_return_if_fail (SONAE_IS_CONTACT (self));
  if (value == NULL || *value == '\0')
    return;
  g_ptr_array_add (self->phones, sonae_labeled_new (label, value));
}

void
sonae_contact_add_email (SonaeContact *self,
                         const char   *label,
                         const char   *value)
{
  g_return_if_fail (SONAE_IS_CONTACT (self));
  if (value == NULL || *value == '\0')
    return;
  g_ptr_array_add (self->emails, sonae_labeled_new (label, value));
}

const char *
sonae_contact_get_first_phone (SonaeContact *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (self), NULL);
  if (self->phones->len == 0)
    return NULL;
  return ((SonaeLabeled *) g_ptr_array_index (self->phones, 0))->value;
}

static const char *const poster_phone_names[] = { "any", "work", "mobile", "none" };

G_STATIC_ASSERT (G_N_ELEMENTS (poster_phone_names) == SONAE_N_POSTER_PHONES);

const char *
sonae_poster_phone_to_string (SonaePosterPhone choice)
{
  g_return_val_if_fail (choice < SONAE_N_POSTER_PHONES, "any");
  return poster_phone_names[choice];
}

gboolean
sonae_poster_phone_from_string (const char       *text,
                                SonaePosterPhone *out_choice)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (poster_phone_names); i++)
    if (g_str_equal (text, poster_phone_names[i]))
      {
        *out_choice = (SonaePosterPhone) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_poster_phone_get_title (SonaePosterPhone choice)
{
  switch (choice)
    {
    case SONAE_POSTER_PHONE_ANY:
      /* Translators: which number the poster shows for a role */
      return _("Mobile First");
    case SONAE_POSTER_PHONE_WORK:
      return _("Work Number Only");
    case SONAE_POSTER_PHONE_MOBILE:
      return _("Mobile Number Only");
    case SONAE_POSTER_PHONE_NONE:
      return _("No Number: Write It In");
    default:
      g_return_val_if_reached ("");
    }
}

/* A number's kind: its label, or for one without (or with a word of the
 * user's own) what the number itself looks like. */
static gboolean
is_mobile (SonaeLabeled *p)
{
  if (p->label != NULL && *p->label != '\0')
    return g_str_equal (p->label, "mobile") ||
           (!g_str_equal (p->label, "work") && !g_str_equal (p->label, "main") &&
            !g_str_equal (p->label, "home") && !g_str_equal (p->label, "fax") &&
            g_strcmp0 (sonae_phone_label_for_number (p->value), "mobile") == 0);
  return g_strcmp0 (sonae_phone_label_for_number (p->value), "mobile") == 0;
}

static gboolean
is_work (SonaeLabeled *p)
{
  if (p->label != NULL && (g_str_equal (p->label, "home") || g_str_equal (p->label, "fax")))
    return FALSE;
  return !is_mobile (p);
}

const char *
sonae_contact_get_poster_phone (SonaeContact     *self,
                                SonaePosterPhone  choice)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (self), NULL);

  if (choice == SONAE_POSTER_PHONE_NONE)
    return NULL;
  /* Mobile first (in an emergency the person is rarely at the desk), then
   * the numbers at work, in their order. */
  if (choice == SONAE_POSTER_PHONE_ANY || choice == SONAE_POSTER_PHONE_MOBILE)
    for (guint i = 0; i < self->phones->len; i++)
      {
        SonaeLabeled *p = g_ptr_array_index (self->phones, i);

        if (p->value != NULL && *p->value != '\0' && is_mobile (p))
          return p->value;
      }
  if (choice == SONAE_POSTER_PHONE_MOBILE)
    return NULL;
  for (guint i = 0; i < self->phones->len; i++)
    {
      SonaeLabeled *p = g_ptr_array_index (self->phones, i);

      if (p->value != NULL && *p->value != '\0' && is_work (p))
        return p->value;
    }
  if (choice == SONAE_POSTER_PHONE_WORK)
    return NULL;
  return sonae_contact_get_first_phone (self);
}

const char *
sonae_contact_get_first_email (SonaeContact *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (self), NULL);
  if (self->emails->len == 0)
    return NULL;
  return ((SonaeLabeled *) g_ptr_array_index (self->emails, 0))->value;
}

const char *
sonae_contact_get_display_name (SonaeContact *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (self), "");
  if (self->name && *self->name)
    return self->name;
  if (self->organization && *self->organization)
    return self->organization;
  return _("Unnamed contact");
}

static gboolean
str_equal0 (const char *a,
            const char *b)
{
  return g_strcmp0 ((a && *a) ? a : NULL, (b && *b) ? b : NULL) == 0;
}

static gboolean
labeled_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      SonaeLabeled *la = g_ptr_array_index (a, i);
      SonaeLabeled *lb = g_ptr_array_index (b, i);
      if (!str_equal0 (la->label, lb->label) || !str_equal0 (la->value, lb->value))
        return FALSE;
    }
  return TRUE;
}

/* Equal in everything a user entered (not the id). */
gboolean
sonae_contact_equal (SonaeContact *a,
                     SonaeContact *b)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (a) && SONAE_IS_CONTACT (b), FALSE);

  return a->group == b->group &&
         str_equal0 (a->name, b->name) &&
         str_equal0 (a->reading, b->reading) &&
         str_equal0 (a->organization, b->organization) &&
         str_equal0 (a->department, b->department) &&
         str_equal0 (a->title, b->title) &&
         str_equal0 (a->system, b->system) &&
         str_equal0 (a->contract, b->contract) &&
         str_equal0 (a->hours, b->hours) &&
         str_equal0 (a->address, b->address) &&
         str_equal0 (a->url, b->url) &&
         str_equal0 (a->notes, b->notes) &&
         str_equal0 (a->verified_on, b->verified_on) &&
         labeled_equal (a->phones, b->phones) &&
         labeled_equal (a->emails, b->emails);
}

char *
sonae_text_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normalized, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Katakana ァ..ヶ to hiragana ぁ..ゖ, so いとう and イトウ sort and match alike. */
      if (c >= 0x30A1 && c <= 0x30F6)
        c -= 0x60;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Kana first (あ…ん), then Latin letters and digits, then the rest, as the
 * address book of a Japanese phone orders them. */
static int
script_rank (const char *key)
{
  gunichar c;

  if (key == NULL || *key == '\0')
    return 3;
  c = g_utf8_get_char (key);
  if (c >= 0x3041 && c <= 0x309F)
    return 0;
  if (g_unichar_isalnum (c) && c < 0x0250)
    return 1;
  return 2;
}

/* The key starts with the script's rank, so that a plain byte comparison
 * (sqlite's ORDER BY, strcmp) gives the address-book order. */
char *
sonae_contact_sort_key (SonaeContact *self)
{
  const char *basis;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (SONAE_IS_CONTACT (self), g_strdup (""));

  basis = (self->reading && *self->reading) ? self->reading : sonae_contact_get_display_name (self);
  folded = sonae_text_fold (basis);
  return g_strdup_printf ("%d%s", script_rank (folded), folded);
}

int
sonae_contact_compare (SonaeContact *a,
                       SonaeContact *b)
{
  g_autofree char *ka = sonae_contact_sort_key (a);
  g_autofree char *kb = sonae_contact_sort_key (b);
  int cmp;

  /* Folded kana and ASCII compare correctly by code point. */
  cmp = strcmp (ka, kb);
  if (cmp != 0)
    return cmp;
  cmp = g_strcmp0 (a->name, b->name);
  if (cmp != 0)
    return cmp;
  return (a->id > b->id) - (a->id < b->id);
}

static char *
digits_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The fields a search reads, in the order it reads them. */
static const char *
text_field (SonaeContact *self,
            guint         i)
{
  const char *fields[] = {
    self->name, self->reading, self->organization, self->department,
    self->title, self->system, self->contract, self->notes,
  };

  return i < G_N_ELEMENTS (fields) ? fields[i] : NULL;
}

#define N_TEXT_FIELDS 8

static guint
mix (guint       hash,
     const char *text)
{
  /* NULL and "" differ from each other and from the next field's start. */
  return hash * 31 + (text != NULL ? g_str_hash (text) : 7);
}

/* Everything a search compares, folded; made again only when a field
 * changed. */
static SonaeContactPrivate *
search_cache (SonaeContact *self)
{
  SonaeContactPrivate *priv = sonae_contact_get_instance_private (self);
  guint signature = 17;
  GString *text;
  GString *digits;

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    signature = mix (signature, text_field (self, i));
  for (guint i = 0; i < self->phones->len; i++)
    signature = mix (signature, ((SonaeLabeled *) g_ptr_array_index (self->phones, i))->value);
  signature = mix (signature, "@");
  for (guint i = 0; i < self->emails->len; i++)
    signature = mix (signature, ((SonaeLabeled *) g_ptr_array_index (self->emails, i))->value);
  signature = mix (signature, "#");
  for (guint i = 0; i < self->roles->len; i++)
    signature = mix (signature, g_ptr_array_index (self->roles, i));
  if (priv->text != NULL && priv->signature == signature)
    return priv;

  text = g_string_new (NULL);
  digits = g_string_new (NULL);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (text_field (self, i) != NULL)
      {
        g_autofree char *folded = sonae_text_fold (text_field (self, i));
        g_string_append_printf (text, "%s\n", folded);
      }
  for (guint i = 0; i < self->phones->len; i++)
    {
      g_autofree char *folded = sonae_text_fold (((SonaeLabeled *) g_ptr_array_index (self->phones, i))->value);
      g_autofree char *d = digits_only (folded);

      g_string_append_printf (text, "%s\n", folded);
      g_string_append_printf (digits, "%s\n", d);
    }
  for (guint i = 0; i < self->emails->len; i++)
    {
      g_autofree char *folded = sonae_text_fold (((SonaeLabeled *) g_ptr_array_index (self->emails, i))->value);
      g_string_append_printf (text, "%s\n", folded);
    }
  for (guint i = 0; i < self->roles->len; i++)
    {
      const char *key = g_ptr_array_index (self->roles, i);
      const SonaeRoleInfo *info = sonae_role_lookup (key);
      g_autofree char *name = sonae_text_fold (sonae_role_get_name (key));
      g_autofree char *english = sonae_text_fold (info ? info->name : key);

      g_string_append_printf (text, "%s\n%s\n", name, english);
    }
  g_free (priv->text);
  g_free (priv->digits);
  priv->text = g_string_free (text, FALSE);
  priv->digits = g_string_free (digits, FALSE);
  priv->signature = signature;
  return priv;
}

void
sonae_contact_prepare_search (SonaeContact *self)
{
  g_return_if_fail (SONAE_IS_CONTACT (self));
  search_cache (self);
}

/* A query's words, folded, and the digits of those written as numbers. */
struct _SonaeContactQuery {
  GStrv words;
  GStrv digits;            /* one a word: "" when not a number */
};

SonaeContactQuery *
sonae_contact_query_new (const char *text)
{
  SonaeContactQuery *self = g_new0 (SonaeContactQuery, 1);
  g_autofree char *folded = NULL;
  g_auto(GStrv) split = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GPtrArray) digits = g_ptr_array_new ();

  if (text != NULL && *text != '\0')
    {
      folded = sonae_text_fold (text);
      /* NFKC has turned the ideographic space into an ASCII one. */
      split = g_strsplit_set (folded, " \t", -1);
      for (guint i = 0; split[i] != NULL; i++)
        {
          char *d;

          if (*split[i] == '\0')
            continue;
          /* A number matches whatever way it was written: 03-1234 finds
           * 0312345678. */
          d = digits_only (split[i]);
          if (*d == '\0' || strlen (d) * 2 < strlen (split[i]))
            d[0] = '\0';
          g_ptr_array_add (words, g_strdup (split[i]));
          g_ptr_array_add (digits, d);
        }
    }
  g_ptr_array_add (words, NULL);
  g_ptr_array_add (digits, NULL);
  self->words = (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
  self->digits = (GStrv) g_ptr_array_free (g_steal_pointer (&digits), FALSE);
  return self;
}

void
sonae_contact_query_free (SonaeContactQuery *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->words);
  g_strfreev (self->digits);
  g_free (self);
}

gboolean
sonae_contact_query_is_empty (const SonaeContactQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->words[0] == NULL;
}

gboolean
sonae_contact_query_matches (const SonaeContactQuery *self,
                             SonaeContact            *contact)
{
  SonaeContactPrivate *cache;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SONAE_IS_CONTACT (contact), FALSE);

  if (self->words[0] == NULL)
    return TRUE;
  /* The words are folded and have no line break: none can match across
   * fields. */
  cache = search_cache (contact);
  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (cache->text, self->words[i]) == NULL &&
        (self->digits[i][0] == '\0' || strstr (cache->digits, self->digits[i]) == NULL))
      return FALSE;
  return TRUE;
}

gboolean
sonae_contact_matches (SonaeContact *self,
                       const char   *query)
{
  g_autoptr(SonaeContactQuery) q = NULL;

  g_return_val_if_fail (SONAE_IS_CONTACT (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;
  q = sonae_contact_query_new (query);
  return sonae_contact_query_matches (q, self);
}

static const char *group_keys[] = { "staff", "vendor", "authority" };

const char *
sonae_group_to_string (SonaeGroup group)
{
  g_return_val_if_fail (group < SONAE_N_GROUPS, "staff");
  return group_keys[group];
}

gboolean
sonae_group_from_string (const char *text,
                         SonaeGroup *out_group)
{
  g_autofree char *folded = NULL;
  static const struct { const char *word; SonaeGroup group; } aliases[] = {
    { "staff", SONAE_GROUP_STAFF },
    { "院内", SONAE_GROUP_STAFF },
    { "職員", SONAE_GROUP_STAFF },
    { "vendor", SONAE_GROUP_VENDOR },
    { "vendors", SONAE_GROUP_VENDOR },
    { "委託先・ベンダー", SONAE_GROUP_VENDOR },
    { "委託先", SONAE_GROUP_VENDOR },
    { "ベンダー", SONAE_GROUP_VENDOR },
    /* as files of Sonae 0.1 named the group */
    { "委託先・ベンダ", SONAE_GROUP_VENDOR },
    { "ベンダ", SONAE_GROUP_VENDOR },
    { "authority", SONAE_GROUP_AUTHORITY },
    { "authorities", SONAE_GROUP_AUTHORITY },
    { "関係機関", SONAE_GROUP_AUTHORITY },
  };

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_strcmp0 (folded, aliases[i].word) == 0)
      {
        if (out_group)
          *out_group = aliases[i].group;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_group_get_title (SonaeGroup   group,
                       SonaeOrgKind kind)
{
  switch (group)
    {
    case SONAE_GROUP_STAFF:
      /* Translators: a business's own people, as a group of contacts (社内) */
      return sonae_org_kind_is_medical (kind) ? _("Staff") : C_("business", "Staff");
    case SONAE_GROUP_VENDOR:
      return _("Vendors and Service Providers");
    case SONAE_GROUP_AUTHORITY:
      return _("Authorities");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_phone_label_get_title (const char *label)
{
  if (label == NULL || *label == '\0')
    return C_("phone label", "Phone");
  if (g_str_equal (label, "mobile"))
    return C_("phone label", "Mobile");
  if (g_str_equal (label, "work"))
    return C_("phone label", "Work");
  if (g_str_equal (label, "home"))
    return C_("phone label", "Home");
  if (g_str_equal (label, "fax"))
    return C_("phone label", "Fax");
  if (g_str_equal (label, "main"))
    return C_("phone label", "Main");
  if (g_str_equal (label, "other"))
    return C_("phone label", "Other");
  return label;
}

const char *
sonae_phone_label_get_title_for_group (const char *label,
                                       SonaeGroup  group)
{
  gboolean office = label == NULL || *label == '\0' || g_str_equal (label, "work") || g_str_equal (label, "main");

  if (group == SONAE_GROUP_VENDOR && (label == NULL || *label == '\0' || g_str_equal (label, "work")))
    /* Translators: a vendor's number at work: the line that takes its customers' calls (サポート窓口) */
    return C_("phone label", "Support line");
  if (group == SONAE_GROUP_AUTHORITY && office)
    return NULL;
  return sonae_phone_label_get_title (label);
}

const char *
sonae_phone_label_for_number (const char *number)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) digits = NULL;
  gboolean international = FALSE;
  const char *national;
  g_autofree char *with_zero = NULL;

  if (number == NULL)
    return NULL;
  /* Full-width digits, as a Japanese input method types them, become ASCII. */
  folded = g_utf8_normalize (number, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return NULL;
  digits = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0)
        international = TRUE;
    }

  /* +81, or Japan dialled from abroad (00 81) or from Japan (010 81). */
  national = digits->str;
  if (!international && g_str_has_prefix (national, "0081"))
    national += 2, international = TRUE;
  else if (!international && g_str_has_prefix (national, "01081"))
    national += 3, international = TRUE;
  if (international)
    {
      if (!g_str_has_prefix (national, "81"))
        return NULL;
      national += 2;
      /* "+81 (0)90 …" keeps the trunk 0; "+81 90 …" drops it. */
      if (*national != '0')
        national = with_zero = g_strconcat ("0", national, NULL);
    }

  /* 110, #7119 and the like have no trunk 0: nothing to say. */
  if (national[0] != '0' || strlen (national) < 3)
    return NULL;
  /* 060, 070, 080, 090, but not 0800 (toll-free), whose fourth digit is 0. */
  if (strchr ("6789", national[1]) != NULL && national[2] == '0' && national[3] != '0')
    return "mobile";
  return "work";
}

SonaeFreshness
sonae_freshness_of (gboolean     needs_check,
                    const char  *verified_on,
                    const GDate *today,
                    int         *out_days)
{
  GDate now;
  int days;

  if (out_days)
    *out_days = 0;
  if (needs_check)
    return SONAE_FRESHNESS_NEEDS_CHECK;
  if (!sonae_date_is_valid (verified_on))
    return SONAE_FRESHNESS_NEVER;
  if (today == NULL)
    {
      sonae_clock_get_today (&now);
      today = &now;
    }
  /* A date in the future (a wrong clock) counts as today, not as never. */
  days = MAX (sonae_date_days_to (verified_on, today), 0);
  if (out_days)
    *out_days = days;
  return days >= SONAE_STALE_DAYS ? SONAE_FRESHNESS_STALE : SONAE_FRESHNESS_CURRENT;
}

char *
sonae_freshness_stale_since (const GDate *today)
{
  GDate day = *today;

  g_date_subtract_days (&day, SONAE_STALE_DAYS);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
}

SonaeFreshness
sonae_contact_get_freshness (SonaeContact *self,
                             int          *out_days)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (self), SONAE_FRESHNESS_NEVER);

  return sonae_freshness_of (self->needs_check, self->verified_on, NULL, out_days);
}
