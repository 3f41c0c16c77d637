/* sonae-doc-roster.c: the contact roster, by group, for the wall */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-docs.h"

/* Rows to write in by hand: a few after a group's contacts, more when the
 * group has none yet (as the BCP's worksheets leave them). */
#define ROW_HEIGHT 30.0
#define SPARE_ROWS 2
#define BLANK_ROWS 5

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* "role key:contact id" → position + 1 among the role's holders. */
static GHashTable *
role_positions (SonaeStore  *store,
                GError     **error)
{
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const SonaeRoleInfo *roles;
  guint n_roles;

  roles = sonae_roles_get_builtin (&n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, roles[i].key, error);

      if (holders == NULL)
        return NULL;
      for (guint p = 0; p < holders->len; p++)
        {
          SonaeContact *c = g_ptr_array_index (holders, p);

          g_hash_table_insert (positions,
                               g_strdup_printf ("%s:%" G_GINT64_FORMAT, roles[i].key, c->id),
                               GUINT_TO_POINTER (p + 1));
        }
    }
  return g_steal_pointer (&positions);
}

static char *
roles_markup (SonaeContact *c,
              GHashTable   *positions)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *escaped = NULL;

  if (c->roles == NULL || c->roles->len == 0)
    return NULL;

  for (guint i = 0; i < c->roles->len; i++)
    {
      const char *key = g_ptr_array_index (c->roles, i);
      g_autofree char *lookup = g_strdup_printf ("%s:%" G_GINT64_FORMAT, key, c->id);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, lookup));

      if (position > 1)
        /* Translators: a role held as a deputy, e.g. “System Administrator (deputy 1)”:
         * the same word for a deputy everywhere (代理) */
        g_ptr_array_add (names, g_strdup_printf (C_("role held", "%s (deputy %u)"), sonae_role_get_name (key),
                                                 position - 1));
      else
        g_ptr_array_add (names, g_strdup (sonae_role_get_name (key)));
    }
  g_ptr_array_add (names, NULL);
  /* Translators: separates the items of a list, e.g. of roles */
  joined = g_strjoinv (_(", "), (char **) names->pdata);
  escaped = g_markup_escape_text (joined, -1);
  return g_strdup_printf ("<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_WARNING "\">◆</span>"
                          "<span size=\"small\">\u2009%s</span>", escaped);
}

static void
append_detail (GString    *out,
               const char *key,
               const char *value)
{
  g_autofree char *line = NULL;

  if (is_empty (value))
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  if (key != NULL)
    line = g_markup_printf_escaped ("<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span> %s",
                                    key, value);
  else
    line = g_markup_escape_text (value, -1);
  g_string_append (out, line);
}

static char *
details_markup (SonaeContact *c)
{
  g_autofree char *emails = sonae_doc_emails_markup (c);
  GString *out = g_string_new (emails);

  if (c->group == SONAE_GROUP_VENDOR)
    {
      append_detail (out, _("System"), c->system);
      append_detail (out, _("Contract No."), c->contract);
    }
  append_detail (out, NULL, c->url);
  return g_string_free (out, FALSE);
}

/* When @c was verified, and whether it is out of date on @today. */
static char *
verified_markup (SonaeContact *c,
                 const GDate  *today)
{
  GString *out = g_string_new (NULL);
  SonaeFreshness freshness = sonae_freshness_of (c->needs_check, c->verified_on, today, NULL);

  if (sonae_date_is_valid (c->verified_on))
    {
      /* Translators: %s is a date written 2026-05-01 */
      g_autofree char *text = g_strdup_printf (_("Verified %s"), c->verified_on);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append_printf (out, "<span size=\"small\">%s</span>", escaped);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (_("Never verified"), -1);

      g_string_append_printf (out, "<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                              escaped);
    }

  if (freshness == SONAE_FRESHNESS_NEEDS_CHECK)
    {
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check first"));

      g_string_append_printf (out, "\n<span size=\"small\">%s</span>", badge);
    }
  else if (freshness == SONAE_FRESHNESS_NEVER || freshness == SONAE_FRESHNESS_STALE)
    {
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Out of date"));

      g_string_append_printf (out, "\n<span size=\"small\">%s</span>", badge);
    }
  return g_string_free (out, FALSE);
}

static void
add_legend (SonaeDocument *doc)
{
  g_autofree char *check = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check first"));
  g_autofree char *stale = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Out of date"));
  g_autofree char *check_text = g_markup_escape_text (_("came with Sonae and nobody has confirmed it yet."), -1);
  g_autofree char *stale_text = NULL;
  g_autofree char *roles_text = g_markup_escape_text (_("roles held in an emergency."), -1);
  g_autofree char *markup = NULL;

  {
    /* Translators: %d is a number of days (180) */
    g_autofree char *text = g_strdup_printf (_("not verified in the last %d days, or never."), SONAE_STALE_DAYS);
    stale_text = g_markup_escape_text (text, -1);
  }
  markup = g_strdup_printf ("%s %s\u2003%s %s\u2003<span foreground=\"" SONAE_PRINT_COLOR_WARNING "\">◆</span>\u00a0%s",
                            check, check_text, stale, stale_text, roles_text);
  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, markup);
}

SonaeDocument *
sonae_doc_roster_build (SonaeStore  *store,
                        SonaePaper   paper,
                        GError     **error)
{
  static const double widths[] = { 0.30, 0.23, 0.31, 0.16 };
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(GHashTable) positions = NULL;
  GPtrArray *lists[SONAE_N_GROUPS] = { NULL };
  const char *header[4];
  const char *own;
  guint total = 0;
  GDate today;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  positions = role_positions (store, error);
  if (positions == NULL)
    return NULL;

  {
    /* One read for every group (0.7 of the time of a read a group), then
     * each contact to its group, in the order read. */
    g_autoptr(GPtrArray) all = sonae_contacts_list (store, -1, error);

    if (all == NULL)
      return NULL;
    for (int group = 0; group < SONAE_N_GROUPS; group++)
      lists[group] = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < all->len; i++)
      {
        SonaeContact *c = g_ptr_array_index (all, i);

        g_ptr_array_add (lists[CLAMP ((int) c->group, 0, SONAE_N_GROUPS - 1)], g_object_ref (c));
      }
    total = all->len;
  }

  /* Once for the whole roster: reading the clock for each contact cost
   * more than making the rest of its row's markup. */
  sonae_clock_get_today (&today);
  doc = sonae_doc_new (store, "roster", paper);
  {
    /* Translators: the subtitle of the printed contact roster */
    g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", total),
                                                 total);
    sonae_document_add_title (doc, sonae_document_get_doc_title (doc), subtitle);
  }
  add_legend (doc);

  own = sonae_document_get_organisation (doc);
  header[0] = _("Name");
  header[1] = _("Phone");
  header[2] = _("E-mail and details");
  header[3] = _("Verified");
  {
    g_autofree char *h0 = g_markup_escape_text (header[0], -1);
    g_autofree char *h1 = g_markup_escape_text (header[1], -1);
    g_autofree char *h2 = g_markup_escape_text (header[2], -1);
    g_autofree char *h3 = g_markup_escape_text (header[3], -1);
    const char *header_markup[] = { h0, h1, h2, h3 };

    for (int group = 0; group < SONAE_N_GROUPS; group++)
      {
        g_autoptr(GPtrArray) contacts = g_steal_pointer (&lists[group]);

        sonae_document_add_heading (doc, NULL, sonae_group_get_title (group, sonae_store_get_org_kind (store)));
        if (contacts->len == 0)
          {
            g_autofree char *none = g_markup_escape_text (_("No contacts in this group yet: write them here by hand, then enter them in Sonae."), -1);

            sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, none);
          }

        sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header_markup, ROW_HEIGHT);
        for (guint i = 0; i < contacts->len; i++)
          {
            SonaeContact *c = g_ptr_array_index (contacts, i);
            g_autofree char *name = sonae_doc_name_markup (c, own, TRUE);
            g_autofree char *roles = roles_markup (c, positions);
            g_autofree char *name_cell = roles ? g_strconcat (name, "\n", roles, NULL) : g_strdup (name);
            g_autofree char *phones = sonae_doc_phones_or_write_in (c, FALSE);
            g_autofree char *details = details_markup (c);
            g_autofree char *verified = verified_markup (c, &today);
            const char *cells[] = { name_cell, phones, details, verified };

            sonae_document_add_row (doc, cells);
          }
        sonae_document_add_empty_rows (doc, contacts->len > 0 ? SPARE_ROWS : BLANK_ROWS);
      }
  }
  return g_steal_pointer (&doc);
}
