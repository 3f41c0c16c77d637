/* sonae-doc-mhlw-checklist.c: the MHLW cyber-security checklist
 * (sonae-mhlw.h) as it is handed over at the health centre's on-site
 * inspection: the items in the order and numbering of the MHLW's form,
 * each with the columns of the form — はい / いいえ, the day checked, the
 * target day of a いいえ, notes — then the vendors' lists and MDS/SDS. An
 * item nobody answered prints boxes to tick by hand. Japanese lines break
 * between phrases, never inside a word. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-docs.h"
#include "sonae-mhlw.h"
#include "sonae-role.h"

#define SMALL_SIZE ((int) (8.5 * PANGO_SCALE))

/* A row of the form, in points: room for a date written by hand. */
#define ROW_HEIGHT 30.0
/* Empty rows under the vendors, to add one by hand. */
#define SPARE_ROWS 2

/* The columns of the official form, and Sonae's number of each item. */
static const double item_widths[] = { 0.08, 0.37, 0.12, 0.11, 0.11, 0.21 };

static char *
small (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\">%s</span>", SMALL_SIZE, text ? text : "");
}

static char *
muted_small (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                  SMALL_SIZE, text ? text : "");
}

static gboolean
is_past (const char *date)
{
  g_autofree char *today = NULL;

  if (date == NULL)
    return FALSE;
  today = sonae_clock_today ();
  return strcmp (date, today) < 0;
}

static const char *
answer_title (SonaeBcpAnswer answer)
{
  switch (answer)
    {
    case SONAE_BCP_YES:
      /* Translators: an answer of the MHLW checklist (はい) */
      return C_("mhlw answer", "Yes");
    case SONAE_BCP_NO:
      /* Translators: an answer of the MHLW checklist (いいえ) */
      return C_("mhlw answer", "No");
    case SONAE_BCP_UNKNOWN:
    default:
      /* Translators: an item of the MHLW checklist not answered yet (未回答) */
      return C_("mhlw answer", "Not answered");
    }
}

static void
add_item_table (SonaeDocument *doc)
{
  g_autofree char *h0 = g_markup_escape_text (C_("mhlw column", "No."), -1);
  g_autofree char *h1 = g_markup_escape_text (C_("mhlw column", "Item"), -1);
  g_autofree char *h2 = g_markup_escape_text (C_("mhlw column", "Yes / No"), -1);
  g_autofree char *h3 = g_markup_escape_text (C_("mhlw column", "Checked on"), -1);
  g_autofree char *h4 = g_markup_escape_text (C_("mhlw column", "Target for No"), -1);
  g_autofree char *h5 = g_markup_escape_text (C_("mhlw column", "Notes"), -1);
  const char *header[] = { h0, h1, h2, h3, h4, h5 };

  sonae_document_add_form_table (doc, G_N_ELEMENTS (item_widths), item_widths, header, ROW_HEIGHT);
}

/* The answer column: the answer, or boxes to tick by hand. */
static char *
answer_cell (const SonaeMhlwAnswer *a)
{
  switch (a->answer)
    {
    case SONAE_BCP_YES:
      if (a->from_data)
        {
          g_autofree char *yes = g_markup_printf_escaped ("<b>%s</b>", answer_title (SONAE_BCP_YES));
          g_autofree char *from = muted_small (_("from Sonae's data"));

          return g_strdup_printf ("%s\n%s", yes, from);
        }
      return g_markup_printf_escaped ("<b>%s</b>", answer_title (SONAE_BCP_YES));
    case SONAE_BCP_NO:
      return sonae_markup_badge (SONAE_BADGE_CAUTION, answer_title (SONAE_BCP_NO));
    case SONAE_BCP_UNKNOWN:
    default:
      return g_markup_printf_escaped ("\u25a1\u00a0%s\n\u25a1\u00a0%s", answer_title (SONAE_BCP_YES),
                                      answer_title (SONAE_BCP_NO));
    }
}

static char *
target_cell (const SonaeMhlwAnswer   *a,
             const SonaeMhlwItemInfo *info)
{
  if (a->answer != SONAE_BCP_NO)
    return g_strdup ("");
  if (a->target_on == NULL)
    {
      if (info->target_limit != NULL)
        {
          /* Translators: the MHLW's own deadline for an item, e.g. two-factor authentication */
          g_autofree char *limit = g_strdup_printf (_("MHLW's target: by %s"), info->target_limit);

          return muted_small (limit);
        }
      return g_strdup ("");
    }
  if (is_past (a->target_on))
    {
      /* Translators: a mark on a target date that has passed */
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Overdue"));
      g_autofree char *date = small (a->target_on);

      return g_strdup_printf ("%s\n%s", date, badge);
    }
  return small (a->target_on);
}

/* The notes column: what a person wrote, who puts a いいえ right, and what
 * Sonae read. */
static char *
notes_cell (const SonaeMhlwAnswer *a)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (a->note != NULL)
    {
      g_autofree char *note = small (a->note);

      g_string_append (out, note);
    }
  if (a->answer == SONAE_BCP_NO && a->owner_name != NULL)
    {
      /* Translators: who puts right an item answered いいえ */
      g_autofree char *text = g_strdup_printf (_("By: %s"), a->owner_name);
      g_autofree char *owner = small (text);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, owner);
    }
  if (a->basis != NULL && (a->from_data || a->answer == SONAE_BCP_UNKNOWN))
    {
      g_autofree char *basis = muted_small (a->basis);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, basis);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_item_row (SonaeDocument         *doc,
              const SonaeMhlwAnswer *a)
{
  const SonaeMhlwItemInfo *info = sonae_mhlw_item_lookup (a->key);
  g_autofree char *number = g_markup_escape_text (info->number, -1);
  g_autofree char *text = small (sonae_mhlw_item_get_text (a->key));
  g_autofree char *answer = answer_cell (a);
  g_autofree char *checked = small (a->checked_on);
  g_autofree char *target = target_cell (a, info);
  g_autofree char *notes = notes_cell (a);
  const char *cells[] = { number, text, answer, checked, target, notes };

  sonae_document_add_row (doc, cells);
}

/* The items, part by part: a heading for each section and each part of
 * section 2, and the form's columns. */
static void
add_items (SonaeDocument *doc,
           GPtrArray     *answers)
{
  int part = -1;

  for (guint i = 0; i < answers->len; i++)
    {
      SonaeMhlwAnswer *a = g_ptr_array_index (answers, i);
      const SonaeMhlwItemInfo *info = sonae_mhlw_item_lookup (a->key);

      if ((int) info->part != part)
        {
          part = info->part;
          if (sonae_mhlw_part_starts_section (info->part))
            sonae_document_add_heading (doc, NULL, sonae_mhlw_part_get_section_title (info->part));
          if (sonae_mhlw_part_get_title (info->part) != NULL)
            {
              g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", sonae_mhlw_part_get_title (info->part));

              sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
            }
          if (info->verify)
            {
              g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check before relying on it"));
              g_autofree char *text = g_markup_escape_text (_("These items are what the FY2025 edition (令和7年度版) adds as Sonae knows it. "
                                                              "Check their final wording and their place in the form against the MHLW's own form."), -1);
              g_autofree char *markup = g_strdup_printf ("%s %s", badge, text);

              sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, markup);
            }
          add_item_table (doc);
        }
      add_item_row (doc, a);
    }
}

static char *
date_or_blank (const char *date)
{
  return date != NULL ? small (date) : g_strdup ("");
}

/* Each vendor of a medical information system: its list (事業者確認用)
 * sent and returned, its answers, its MDS/SDS. */
static gboolean
add_vendors (SonaeDocument *doc,
             SonaeStore    *store,
             GError       **error)
{
  static const double widths[] = { 0.28, 0.13, 0.13, 0.31, 0.15 };
  g_autoptr(GPtrArray) vendors = sonae_mhlw_list_vendors (store, error);
  guint listed = 0;

  if (vendors == NULL)
    return FALSE;

  sonae_document_add_heading (doc, NULL, _("The Vendors' Checklist and Their MDS/SDS"));
  {
    g_autofree char *intro = g_markup_escape_text (_("Each vendor of a medical information system gets the vendors' checklist (事業者確認用) "
                                                     "and sends it back answered; its security disclosure (MDS/SDS) is kept with the contract."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, intro);
  }
  {
    g_autofree char *h0 = g_markup_escape_text (C_("mhlw vendor column", "Vendor"), -1);
    g_autofree char *h1 = g_markup_escape_text (C_("mhlw vendor column", "List sent"), -1);
    g_autofree char *h2 = g_markup_escape_text (C_("mhlw vendor column", "Returned"), -1);
    g_autofree char *h3 = g_markup_escape_text (C_("mhlw vendor column", "Its answers"), -1);
    g_autofree char *h4 = g_markup_escape_text (C_("mhlw vendor column", "MDS/SDS received"), -1);
    const char *header[] = { h0, h1, h2, h3, h4 };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, ROW_HEIGHT);
  }
  for (guint i = 0; i < vendors->len; i++)
    {
      SonaeMhlwVendor *v = g_ptr_array_index (vendors, i);
      g_autofree char *name = NULL;
      g_autofree char *sent = date_or_blank (v->list_sent_on);
      g_autofree char *returned = date_or_blank (v->list_returned_on);
      g_autofree char *mds = date_or_blank (v->mds_received_on);
      g_autoptr(GString) answers = g_string_new (NULL);

      if (!v->concerned)
        continue;
      listed++;
      if (v->system != NULL)
        {
          g_autofree char *system = muted_small (v->system);
          g_autofree char *escaped = g_markup_escape_text (v->name, -1);

          name = g_strdup_printf ("%s\n%s", escaped, system);
        }
      else
        name = g_markup_escape_text (v->name, -1);
      if (v->all_yes == SONAE_BCP_YES)
        {
          g_autofree char *text = small (_("All answered Yes"));

          g_string_append (answers, text);
        }
      else if (v->all_yes == SONAE_BCP_NO)
        {
          g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Some answered No"));

          g_string_append (answers, badge);
        }
      if (v->answers_note != NULL)
        {
          g_autofree char *note = small (v->answers_note);

          if (answers->len > 0)
            g_string_append_c (answers, '\n');
          g_string_append (answers, note);
        }
      {
        const char *cells[] = { name, sent, returned, answers->str, mds };

        sonae_document_add_row (doc, cells);
      }
    }
  sonae_document_add_empty_rows (doc, listed > 0 ? SPARE_ROWS : SPARE_ROWS + 3);
  return TRUE;
}

/* Who the checklist names for item 1(1), as a key-value line. */
static gboolean
add_manager (SonaeDocument *doc,
             SonaeStore    *store,
             GError       **error)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, SONAE_ROLE_MEDINFO, error);
  g_autoptr(GString) names = g_string_new (NULL);

  if (holders == NULL)
    return FALSE;
  for (guint i = 0; i < holders->len; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, sonae_contact_get_display_name (g_ptr_array_index (holders, i)));
    }
  if (names->len > 0)
    {
      g_autofree char *value = g_markup_escape_text (names->str, -1);

      sonae_document_add_key_value (doc, sonae_role_get_name (SONAE_ROLE_MEDINFO), value);
    }
  else
    sonae_document_add_key_value (doc, sonae_role_get_name (SONAE_ROLE_MEDINFO),
                                  "<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">"
                                  "\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f</span>");
  return TRUE;
}

SonaeDocument *
sonae_doc_mhlw_checklist_build (SonaeStore  *store,
                                SonaePaper   paper,
                                GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *year = NULL;
  g_autofree char *progress_text = NULL;
  SonaeMhlwProgress progress;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  answers = sonae_mhlw_list_answers (store, error);
  if (answers == NULL || !sonae_mhlw_get_progress (store, &progress, error))
    return NULL;

  doc = sonae_doc_new (store, "mhlw-checklist", paper);
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc),
                            _("The items the MHLW's checklist asks of a clinic or hospital itself (医療機関確認用, 令和6年度版), "
                              "in the form's order and numbering and in Sonae's words, for the health centre's on-site inspection"));

  year = sonae_mhlw_fiscal_year_get_title (progress.fiscal_year);
  {
    g_autofree char *value = g_markup_escape_text (year, -1);

    /* Translators: the fiscal year the checklist is answered for */
    sonae_document_add_key_value (doc, _("Fiscal year"), value);
  }
  if (!add_manager (doc, store, error))
    return NULL;
  /* Translators: how many items were checked in the fiscal year, and how many answered No */
  progress_text = g_strdup_printf (_("%u of %u items checked this fiscal year; %u answered No"),
                                   progress.checked, progress.n_items, progress.no);
  {
    g_autofree char *value = g_markup_escape_text (progress_text, -1);

    sonae_document_add_key_value (doc, _("Where it stands"), value);
  }
  {
    g_autofree char *how = g_markup_escape_text (_("Yes: in place. No: not yet, and the target says by when it will be; each No is also a measure of the BCP. "
                                                   "“From Sonae's data” is an answer read from Sonae's own records on the day this was printed, as the notes say. "
                                                   "The form lists the items of a part with bullets; Sonae numbers them ①②③ in the same order."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, how);
  }

  add_items (doc, answers);
  if (!add_vendors (doc, store, error))
    return NULL;
  return g_steal_pointer (&doc);
}
