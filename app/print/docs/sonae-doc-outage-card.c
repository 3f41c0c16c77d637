/* sonae-doc-outage-card.c: the outage card, one A4 page for each system of
 * the BCP, kept by the system and in the binder, to be read in a hurry
 * when it stops: which system, the vendor's support line and the contract
 * number, who decides what, the first steps, how work goes on on paper and
 * where the paper forms are, how soon it should be back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-docs.h"
#include "sonae-error.h"
#include "sonae-role.h"

/* Sizes in points, at scale 1; a card that does not fit one page is made
 * again smaller (see fits_one_page). */
#define PT_ORGANISATION 14.0
#define PT_HEADLINE     28.0
#define PT_LABEL        9.0
#define PT_VENDOR       16.0
#define PT_PHONE        20.0
#define PT_CONTRACT     16.0
#define PT_ROLE         9.5
#define PT_NAME         12.0
#define PT_NAME_PHONE   12.0
#define PT_DETAIL       10.0
#define PT_BODY         12.0

/* People shown for each decision; the roster has the rest. */
#define MAX_HOLDERS 2

typedef struct {
  double scale;
} Sizes;

static char *
sized (const Sizes *z,
       const char  *text,
       double       points,
       gboolean     bold,
       const char  *color)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  return g_strdup_printf ("<span size=\"%d\" weight=\"%s\"%s%s%s>%s</span>",
                          (int) (points * z->scale * PANGO_SCALE), bold ? "bold" : "normal",
                          color ? " foreground=\"" : "", color ? color : "", color ? "\"" : "",
                          escaped);
}

/* Markup already made, in @points. */
static char *
sized_markup (const Sizes *z,
              const char  *markup,
              double       points)
{
  return g_strdup_printf ("<span size=\"%d\">%s</span>", (int) (points * z->scale * PANGO_SCALE), markup);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* A line to write on by hand. */
static char *
write_in_line (const Sizes *z,
               double       points,
               guint        length)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append (line, "\uff3f");
  return sized (z, line->str, points, FALSE, SONAE_PRINT_COLOR_MUTED);
}

static char *
label (const Sizes *z,
       const char  *text)
{
  return sized (z, text, PT_LABEL, FALSE, SONAE_PRINT_COLOR_MUTED);
}

/* The banner: the organisation, then “When “X” is not working”. */
static void
add_banner (SonaeDocument        *doc,
            const Sizes          *z,
            const SonaeBcpSystem *system)
{
  const char *organisation = sonae_document_get_organisation (doc);
  g_autofree char *headline_text = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *markup = NULL;

  if (system != NULL)
    /* Translators: the headline of an outage card; %s is a system such as
     * “Electronic medical records” (「%s」が使えないとき) */
    headline_text = g_strdup_printf (_("When “%s” is not working"), system->name);
  else
    /* Translators: the headline of a blank outage card, whose system is
     * written by hand in the field under it */
    headline_text = g_strdup (_("When this system is not working"));
  headline = sized (z, headline_text, PT_HEADLINE, TRUE, NULL);
  if (!is_blank (organisation))
    {
      g_autofree char *org = sized (z, organisation, PT_ORGANISATION, TRUE, NULL);

      markup = g_strdup_printf ("%s\n%s", org, headline);
    }
  else
    markup = g_steal_pointer (&headline);
  sonae_document_add_paragraph (doc, SONAE_STYLE_BANNER | SONAE_STYLE_POSTER | SONAE_STYLE_CENTER, markup);

  /* A blank card: the system's name is written by hand, on white paper
   * (a pen does not show on the red band). */
  if (system == NULL)
    {
      static const double widths[] = { 0.26, 0.74 };
      g_autofree char *l = sized (z, _("Name of the system"), PT_BODY, TRUE, NULL);
      const char *cells[] = { l, NULL };

      sonae_document_add_spacer (doc, 4.0 * z->scale);
      sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, 40.0 * z->scale);
      sonae_document_add_row (doc, cells);
      sonae_document_add_spacer (doc, 4.0 * z->scale);
    }

  if (system != NULL && !is_blank (system->purpose))
    {
      g_autofree char *purpose = sized (z, system->purpose, PT_DETAIL, FALSE, SONAE_PRINT_COLOR_MUTED);

      sonae_document_add_paragraph (doc, SONAE_STYLE_CENTER, purpose);
    }
}

/* The vendor's support line, big, and the contract number. */
static void
add_support (SonaeDocument        *doc,
             SonaeStore           *store,
             const Sizes          *z,
             const SonaeBcpSystem *system)
{
  static const double widths[] = { 0.62, 0.38 };
  g_autoptr(SonaeContact) vendor = NULL;
  GString *left = g_string_new (NULL);
  GString *right = g_string_new (NULL);
  const char *contract = NULL;

  if (system != NULL && system->vendor_id > 0)
    vendor = sonae_contacts_get (store, system->vendor_id, NULL);

  {
    g_autofree char *l = label (z, _("Call the vendor's support line"));

    g_string_append (left, l);
  }
  if (vendor != NULL)
    {
      g_autofree char *name = sized (z, sonae_contact_get_display_name (vendor), PT_VENDOR, TRUE, NULL);
      g_autofree char *phones = sonae_doc_phones_markup (vendor, TRUE);

      g_string_append_printf (left, "\n%s", name);
      if (*phones != '\0')
        {
          g_autofree char *big = sized_markup (z, phones, PT_PHONE);

          g_string_append_printf (left, "\n%s", big);
        }
      else
        {
          g_autofree char *none = sized (z, _("No phone number in the roster"), PT_DETAIL, TRUE, SONAE_PRINT_COLOR_WARNING);
          g_autofree char *line = write_in_line (z, PT_PHONE, 12);

          g_string_append_printf (left, "\n%s\n%s", none, line);
        }
    }
  else
    {
      g_autofree char *line = write_in_line (z, PT_PHONE, 14);
      g_autofree char *hint = NULL;

      if (system != NULL)
        {
          g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("No vendor chosen — write it here by hand"));

          hint = sized_markup (z, badge, PT_DETAIL);
        }
      else
        hint = sized (z, _("Vendor and phone number:"), PT_DETAIL, FALSE, SONAE_PRINT_COLOR_MUTED);
      g_string_append_printf (left, "\n%s\n%s\n%s", hint, line, line);
    }

  if (system != NULL)
    contract = !is_blank (system->contract_no) ? system->contract_no : vendor ? vendor->contract : NULL;
  {
    g_autofree char *l = label (z, _("Contract number"));
    g_autofree char *value = !is_blank (contract) ? sized (z, contract, PT_CONTRACT, TRUE, NULL)
                                                  : write_in_line (z, PT_CONTRACT, 9);
    g_autofree char *tell = sized (z, sonae_org_kind_is_medical (sonae_store_get_org_kind (store))
                                      ? _("Tell them the contract number, the clinic's name, what stopped and since when.")
                                      : _("Tell them the contract number, the company's name, what stopped and since when."),
                                   PT_DETAIL, FALSE, SONAE_PRINT_COLOR_MUTED);

    g_string_append_printf (right, "%s\n%s\n%s", l, value, tell);
  }
  {
    g_autofree char *l = g_string_free (left, FALSE);
    g_autofree char *r = g_string_free (right, FALSE);
    const char *cells[] = { l, r };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, 0.0);
    sonae_document_add_row (doc, cells);
  }
}

/* The first number to dial: a mobile one when there is one. */
static const char *
first_phone (SonaeContact *contact)
{
  g_autoptr(GPtrArray) phones = sonae_doc_phones_mobile_first (contact);

  for (guint i = 0; i < phones->len; i++)
    {
      SonaeLabeled *p = g_ptr_array_index (phones, i);

      if (!is_blank (p->value))
        return p->value;
    }
  return NULL;
}

static void
append_person (GString      *out,
               const Sizes  *z,
               SonaeContact *contact)
{
  g_autofree char *name = sized (z, sonae_contact_get_display_name (contact), PT_NAME, TRUE, NULL);
  const char *phone = first_phone (contact);

  g_string_append_printf (out, "\n%s", name);
  if (phone != NULL)
    {
      g_autofree char *p = sized (z, phone, PT_NAME_PHONE, FALSE, NULL);

      g_string_append_printf (out, "\n%s", p);
    }
}

/* A cell of who decides: its label, the role, its holders. */
static char *
decider_cell (SonaeStore       *store,
              const Sizes      *z,
              SonaeBcpDecision  decision)
{
  g_autofree char *role_key = sonae_bcp_get_decider (store, decision);
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, role_key, NULL);
  g_autofree char *l = label (z, sonae_bcp_decision_get_title (decision));
  g_autofree char *role = sized (z, sonae_role_get_name (role_key), PT_ROLE, TRUE, NULL);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n%s", l, role);
  for (guint i = 0; holders != NULL && i < MIN (holders->len, MAX_HOLDERS); i++)
    append_person (out, z, g_ptr_array_index (holders, i));
  if (holders == NULL || holders->len == 0)
    {
      g_autofree char *line = write_in_line (z, PT_NAME, 8);

      g_string_append_printf (out, "\n%s\n%s", line, line);
    }
  return g_string_free (out, FALSE);
}

static void
add_deciders (SonaeDocument        *doc,
              SonaeStore           *store,
              const Sizes          *z,
              const SonaeBcpSystem *system)
{
  static const double widths[] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
  g_autofree char *declare = decider_cell (store, z, SONAE_BCP_DECIDE_DECLARE);
  g_autofree char *back = decider_cell (store, z, SONAE_BCP_DECIDE_RETURN);
  g_autoptr(SonaeContact) owner = NULL;
  GString *owner_cell = g_string_new (NULL);

  if (system != NULL && system->owner_id > 0)
    owner = sonae_contacts_get (store, system->owner_id, NULL);
  {
    /* Translators: a business's person who looks after the system (社内の担当者) */
    g_autofree char *l = label (z, sonae_org_kind_is_medical (sonae_store_get_org_kind (store))
                                   ? _("Looks after this system here")
                                   : C_("business", "Looks after this system here"));

    g_string_append (owner_cell, l);
  }
  if (owner != NULL)
    append_person (owner_cell, z, owner);
  else
    {
      g_autofree char *line = write_in_line (z, PT_NAME, 8);

      g_string_append_printf (owner_cell, "\n%s\n%s", line, line);
    }
  {
    g_autofree char *o = g_string_free (owner_cell, FALSE);
    const char *cells[] = { declare, back, o };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, 0.0);
    sonae_document_add_row (doc, cells);
  }
}

static void
add_heading_line (SonaeDocument *doc,
                  const Sizes   *z,
                  const char    *text)
{
  g_autofree char *markup = sized (z, text, PT_BODY + 1, TRUE, NULL);

  sonae_document_add_spacer (doc, 4.0 * z->scale);
  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, markup);
}

static void
add_step (SonaeDocument *doc,
          const Sizes   *z,
          guint          number,
          const char    *title,
          const char    *detail)
{
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *t = sized (z, title, PT_BODY, TRUE, NULL);
  g_autofree char *markup = NULL;

  if (detail != NULL)
    {
      g_autofree char *d = sized (z, detail, PT_DETAIL, FALSE, NULL);

      markup = g_strdup_printf ("%s\n%s", t, d);
    }
  else
    markup = g_steal_pointer (&t);
  sonae_document_add_step (doc, z->scale < 0.95 ? SONAE_STYLE_NORMAL : SONAE_STYLE_LARGE, number_text, markup);
}

/* A line of the written first steps without the number or bullet it was
 * written with (“1.”, “2)”, “①”, “・”, “-”). */
static char *
strip_step_number (const char *line)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '.' || *q == ')' || *q == ':')
        p = q + 1;
    }
  else
    {
      gunichar c = g_utf8_get_char (p);

      /* ① … ⑳, ・, •, -, * */
      if ((c >= 0x2460 && c <= 0x2473) || c == 0x30fb || c == 0x2022 || c == '-' || c == '*')
        p = g_utf8_next_char (p);
    }
  {
    char *out = g_strdup (p);

    return g_strstrip (out);
  }
}

static void
add_first_steps (SonaeDocument        *doc,
                 SonaeStore           *store,
                 const Sizes          *z,
                 const SonaeBcpSystem *system)
{
  add_heading_line (doc, z, _("First steps"));
  if (system != NULL && !is_blank (system->first_steps))
    {
      g_auto(GStrv) lines = g_strsplit (system->first_steps, "\n", -1);
      guint n = 0;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *text = strip_step_number (lines[i]);

          if (*text == '\0')
            continue;
          add_step (doc, z, ++n, text, NULL);
        }
      return;
    }
  /* The one first response of the poster, the manual and the checklist
   * (1-4): evidence first, and the network cable out, never the power. */
  add_step (doc, z, 1, _("Do not switch anything off"),
            _("Leave the computers and the server on. Photograph the screen and note the time; "
              "do not try to fix it, and delete, remove or reinstall nothing until the logs are kept."));
  add_step (doc, z, 2, _("Unplug the LAN cable, not the power"),
            _("Unplug the LAN cable of the computer where it showed and turn its Wi-Fi off, so that nothing can spread. "
              "The system administrator decides when it goes back on the network."));
  add_step (doc, z, 3, _("Tell the person who decides, then call the support line"),
            sonae_org_kind_is_medical (sonae_store_get_org_kind (store))
            ? _("Have the contract number at hand. Tell the staff that the system is not to be used.")
            /* Translators: a business's words: 従業員 */
            : C_("business", "Have the contract number at hand. Tell the staff that the system is not to be used."));
  add_step (doc, z, 4, _("Carry on on paper"),
            _("As written below. Write down every step with the time on the paper log sheet."));
}

static void
add_paper (SonaeDocument        *doc,
           const Sizes          *z,
           const SonaeBcpSystem *system)
{
  GString *out = g_string_new (NULL);

  {
    g_autofree char *title = sized (z, _("Keep working on paper"), PT_BODY + 1, TRUE, NULL);

    g_string_append (out, title);
  }
  if (system != NULL && !is_blank (system->fallback))
    {
      g_autofree char *text = sized (z, system->fallback, PT_BODY, FALSE, NULL);

      g_string_append_printf (out, "\n%s", text);
    }
  else
    {
      g_autofree char *line = write_in_line (z, PT_BODY, 30);

      g_string_append_printf (out, "\n%s\n%s", line, line);
    }
  {
    g_autofree char *l = sized (z, _("Where the paper forms are:"), PT_DETAIL, TRUE, NULL);
    g_autofree char *where = system != NULL && !is_blank (system->forms_location)
                             ? sized (z, system->forms_location, PT_BODY, TRUE, NULL)
                             : write_in_line (z, PT_BODY, 18);

    g_string_append_printf (out, "\n%s %s", l, where);
  }
  {
    g_autofree char *markup = g_string_free (out, FALSE);

    sonae_document_add_spacer (doc, 4.0 * z->scale);
    sonae_document_add_paragraph (doc, SONAE_STYLE_WARNING, markup);
  }
}

static char *
hours_text (int hours)
{
  if (hours < 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), hours);
}

/* How soon it should be back, where it stands in the order, and the last
 * restore test. */
static void
add_recovery (SonaeDocument        *doc,
              const Sizes          *z,
              const SonaeBcpSystem *system)
{
  static const double widths[] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
  g_autofree char *rto_text = system ? hours_text (system->rto_hours) : NULL;
  g_autofree char *order_text = system && system->recovery_order > 0
                                /* Translators: the place of a system in the recovery order, e.g. “No. 1” */
                                ? g_strdup_printf (_("No. %d"), system->recovery_order) : NULL;
  g_autofree char *next = system ? sonae_bcp_system_next_restore_test (system) : NULL;
  g_autofree char *l1 = label (z, _("Target time to recover"));
  g_autofree char *l2 = label (z, _("Recovery order"));
  g_autofree char *l3 = label (z, _("Last restore test"));
  g_autofree char *v1 = rto_text ? sized (z, rto_text, PT_BODY, TRUE, NULL) : write_in_line (z, PT_BODY, 6);
  g_autofree char *v2 = order_text ? sized (z, order_text, PT_BODY, TRUE, NULL) : write_in_line (z, PT_BODY, 6);
  g_autofree char *v3 = NULL;
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  g_autofree char *c3 = NULL;

  if (system != NULL && !is_blank (system->restore_tested_on))
    {
      g_autofree char *today = sonae_clock_today ();

      v3 = sized (z, system->restore_tested_on, PT_BODY, TRUE, NULL);
      if (next != NULL && g_strcmp0 (next, today) < 0)
        {
          g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Overdue"));
          g_autofree char *base = g_steal_pointer (&v3);

          v3 = g_strdup_printf ("%s %s", base, badge);
        }
    }
  else if (system != NULL && system->restore_test_days > 0)
    {
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Never tested"));

      v3 = sized_markup (z, badge, PT_BODY);
    }
  else
    v3 = write_in_line (z, PT_BODY, 6);

  c1 = g_strdup_printf ("%s\n%s", l1, v1);
  c2 = g_strdup_printf ("%s\n%s", l2, v2);
  c3 = g_strdup_printf ("%s\n%s", l3, v3);
  {
    const char *cells[] = { c1, c2, c3 };

    sonae_document_add_spacer (doc, 4.0 * z->scale);
    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, 0.0);
    sonae_document_add_row (doc, cells);
  }
}

static void
add_footer (SonaeDocument *doc,
            const Sizes   *z)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: %s is a date such as 2026-04-01 */
  g_autofree char *text = g_strdup_printf (_("As of %s. Keep this card by the system and in the binder; print it again when the vendor, the people or the plan change."),
                                           date);
  g_autofree char *markup = sized (z, text, PT_LABEL, FALSE, SONAE_PRINT_COLOR_MUTED);

  sonae_document_add_spacer (doc, 4.0 * z->scale);
  sonae_document_add_paragraph (doc, SONAE_STYLE_CENTER, markup);
}

/* One card (@system NULL: blank) at the end of @doc. */
static void
add_card (SonaeDocument        *doc,
          SonaeStore           *store,
          const SonaeBcpSystem *system,
          double                scale)
{
  Sizes z = { scale };

  /* Each card a bookmark, and a line of the binder's contents. */
  if (system != NULL)
    sonae_document_add_bookmark (doc, system->name);
  add_banner (doc, &z, system);
  add_support (doc, store, &z, system);
  add_heading_line (doc, &z, _("Who decides"));
  add_deciders (doc, store, &z, system);
  add_first_steps (doc, store, &z, system);
  add_paper (doc, &z, system);
  add_recovery (doc, &z, system);
  add_footer (doc, &z);
}

/* Whether a card at @scale fits one A4 page without being shrunk. */
static gboolean
fits_one_page (SonaeStore           *store,
               const SonaeBcpSystem *system,
               double                scale)
{
  g_autoptr(SonaeDocument) doc = sonae_doc_new (store, "outage-card", SONAE_PAPER_A4);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  double width, height;
  guint n_pages;

  add_card (doc, store, system, scale);
  sonae_paper_get_size (SONAE_PAPER_A4, &width, &height);
  n_pages = sonae_document_paginate (doc, context, width, height);
  g_object_unref (context);
  return n_pages <= 1;
}

/* The largest of a few sizes at which the card fits one page. */
static double
card_scale (SonaeStore           *store,
            const SonaeBcpSystem *system)
{
  static const double scales[] = { 1.0, 0.9, 0.8, 0.7 };

  for (guint i = 0; i < G_N_ELEMENTS (scales) - 1; i++)
    if (fits_one_page (store, system, scales[i]))
      return scales[i];
  return scales[G_N_ELEMENTS (scales) - 1];
}

SonaeDocument *
sonae_doc_outage_card_build_for_system (SonaeStore  *store,
                                        gint64       system_id,
                                        SonaePaper   paper,
                                        GError     **error)
{
  g_autoptr(SonaeBcpSystem) system = NULL;
  g_autoptr(SonaeDocument) doc = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  system = sonae_bcp_get_system (store, system_id, error);
  if (system == NULL)
    return NULL;

  doc = sonae_doc_new (store, "outage-card", paper);
  sonae_document_set_subject (doc, system->name);
  /* One sheet, whatever it holds. */
  sonae_document_set_fit_one_page (doc, TRUE);
  add_card (doc, store, system, card_scale (store, system));
  return g_steal_pointer (&doc);
}

SonaeDocument *
sonae_doc_outage_card_build (SonaeStore  *store,
                             SonaePaper   paper,
                             GError     **error)
{
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(SonaeDocument) doc = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  systems = sonae_bcp_list_systems (store, error);
  if (systems == NULL)
    return NULL;

  doc = sonae_doc_new (store, "outage-card", paper);
  if (systems->len == 0)
    {
      /* A blank card to fill in by hand. */
      sonae_document_set_fit_one_page (doc, TRUE);
      add_card (doc, store, NULL, card_scale (store, NULL));
      return g_steal_pointer (&doc);
    }
  /* One page each, in recovery order: each card is made small enough to
   * fit its page, since a document of several pages cannot be shrunk as
   * a whole. */
  for (guint i = 0; i < systems->len; i++)
    {
      SonaeBcpSystem *system = g_ptr_array_index (systems, i);

      if (i > 0)
        sonae_document_add_page_break (doc);
      add_card (doc, store, system, card_scale (store, system));
    }
  return g_steal_pointer (&doc);
}
