/* sonae-doc-calltree.c: whom to call for each role, in order, and which
 * authorities to report to */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contacts.h"
#include "sonae-docs.h"

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char *
order_markup (guint position)
{
  g_autofree char *what = escape (position == 0 ? _("Primary") : _("Deputy"));

  return g_strdup_printf ("<span size=\"x-large\" weight=\"bold\">%u</span>\n<span size=\"small\" foreground=\""
                          SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                          position + 1, what);
}

/* The height of a row to write a name and a number in by hand. */
#define WRITE_IN_ROW 30.0

static void
add_role (SonaeDocument        *doc,
          SonaeOrgKind          kind,
          guint                 number,
          const SonaeRoleInfo  *role,
          GPtrArray            *holders,
          const char *const    *header)
{
  static const double widths[] = { 0.09, 0.33, 0.27, 0.31 };
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *description = escape (sonae_role_get_description (role->key, kind));

  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, number_text, sonae_role_get_name (role->key));
  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, description);

  if (holders->len == 0)
    {
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Not assigned"));
      g_autofree char *text = escape (_("Nobody holds this role yet. Until someone is chosen in Sonae’s contacts, write who is called first and a deputy here by hand."));
      g_autofree char *markup = g_strdup_printf ("%s\u2003%s", badge, text);

      sonae_document_add_paragraph (doc, SONAE_STYLE_WARNING, markup);
      /* Rows to write in, as the roster's holders would fill them. */
      sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, WRITE_IN_ROW);
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *order = order_markup (i);
          const char *cells[] = { order, "", "", "" };

          sonae_document_add_row (doc, cells);
        }
      sonae_document_end_group (doc);
      return;
    }

  sonae_document_add_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < holders->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (holders, i);
      g_autofree char *order = order_markup (i);
      g_autofree char *name = sonae_doc_name_markup (c, sonae_document_get_organisation (doc), TRUE);
      g_autofree char *phones = sonae_doc_phones_or_write_in (c, TRUE);
      g_autofree char *emails = sonae_doc_emails_markup (c);
      g_autofree char *name_cell = NULL;
      const char *cells[4];

      if (i + 1 < holders->len)
        {
          g_autofree char *next = escape (_("If no answer, call next ↓"));

          name_cell = g_strdup_printf ("%s\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_WARNING "\">%s</span>",
                                       name, next);
        }
      else
        name_cell = g_strdup (name);

      cells[0] = order;
      cells[1] = name_cell;
      cells[2] = phones;
      cells[3] = emails;
      sonae_document_add_row (doc, cells);
    }
  sonae_document_end_group (doc);
}

static gboolean
add_authorities (SonaeDocument  *doc,
                 SonaeStore     *store,
                 GError        **error)
{
  static const double widths[] = { 0.36, 0.30, 0.34 };
  g_autoptr(GPtrArray) authorities = sonae_contacts_list (store, SONAE_GROUP_AUTHORITY, error);
  g_autofree char *h0 = NULL;
  g_autofree char *h1 = NULL;
  g_autofree char *h2 = NULL;
  g_autofree char *intro = NULL;

  if (authorities == NULL)
    return FALSE;

  sonae_document_add_heading (doc, NULL, _("Authorities to report to"));
  intro = escape (_("Report the incident to these offices when the manual says so, and ask them for advice."));
  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, intro);
  if (authorities->len == 0)
    {
      g_autofree char *none = escape (_("No authorities in the contact list."));

      sonae_document_add_paragraph (doc, SONAE_STYLE_MUTED, none);
      return TRUE;
    }

  h0 = escape (_("Office"));
  h1 = escape (_("Phone"));
  h2 = escape (_("Website and e-mail"));
  {
    const char *header[] = { h0, h1, h2 };

    sonae_document_add_table (doc, G_N_ELEMENTS (widths), widths, header);
  }
  for (guint i = 0; i < authorities->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (authorities, i);
      g_autofree char *name = sonae_doc_name_markup (c, NULL, FALSE);
      g_autofree char *phones = sonae_doc_phones_or_write_in (c, TRUE);
      g_autofree char *emails = sonae_doc_emails_markup (c);
      g_autofree char *url = escape (c->url);
      g_autofree char *web = NULL;
      g_autofree char *name_cell = NULL;
      const char *cells[3];

      if (*url && *emails)
        web = g_strconcat (url, "\n", emails, NULL);
      else
        web = g_strconcat (url, emails, NULL);
      if (c->needs_check)
        {
          g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check first"));

          name_cell = g_strdup_printf ("%s\n<span size=\"small\">%s</span>", name, badge);
        }
      else
        name_cell = g_strdup (name);
      cells[0] = name_cell;
      cells[1] = phones;
      cells[2] = web;
      sonae_document_add_row (doc, cells);
    }
  return TRUE;
}

SonaeDocument *
sonae_doc_calltree_build (SonaeStore  *store,
                          SonaePaper   paper,
                          GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *h0 = escape (_("Order"));
  g_autofree char *h1 = escape (_("Name"));
  g_autofree char *h2 = escape (_("Phone"));
  g_autofree char *h3 = escape (_("E-mail"));
  const char *header[] = { h0, h1, h2, h3 };
  const SonaeRoleInfo *roles;
  guint n_roles;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  doc = sonae_doc_new (store, "calltree", paper);
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc), NULL);
  intro = escape (_("For each role, call the people in order, starting with 1. If nobody answers, call the next one on the list."));
  sonae_document_add_paragraph (doc, SONAE_STYLE_BOLD, intro);

  roles = sonae_roles_get_for (sonae_store_is_care (store), &n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, roles[i].key, error);

      if (holders == NULL)
        return NULL;
      add_role (doc, sonae_store_get_org_kind (store), i + 1, &roles[i], holders, header);
    }

  if (!add_authorities (doc, store, error))
    return NULL;
  return g_steal_pointer (&doc);
}
