/* sonae-doc-binder.c: the binder for the shelf — a cover, a table of
 * contents, then every document an organisation needs when its computers
 * are down, in one A4 PDF. The cover speaks the organisation's words (a
 * clinic's medical records, a company's business systems).
 *
 * The binder is a composed document: each part is built by its own builder
 * and laid out on its own (the poster on one page, the manual with its
 * bookmarks…); the pipeline numbers the pages of the whole, starts each
 * document on a right-hand page for a binder printed on both sides, and
 * nests each part's bookmarks under the part's. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-docs.h"
#include "sonae-document-private.h"
#include "sonae-documents.h"
#include "sonae-error.h"

/* The parts after the cover and the contents, in order, by document name.
 * A name the documents table does not know (yet) is left out. */
static const char *const binder_parts[] = {
  "poster",
  "calltree",
  "roster",
  "manual",
  "checklist",
  "logsheet",
  "report",           /* the blank forms and the rules for reporting */
  "ppc-rules",
  "ppc-draft",
  "do-not-use",
  "desk-notice",
  "bcp",
  "mhlw-checklist",   /* a clinic's or a hospital's only */
  "outage-card",
};

#define FIRST_LISTED_PART 2   /* after the cover and the contents */

static void
add_cover (SonaeDocument *cover,
           SonaeDocument *binder,
           gboolean       medical)
{
  g_autofree char *markup = NULL;
  g_autofree char *date = g_date_time_format (binder->printed, "%Y-%m-%d");

  sonae_document_add_spacer (cover, 24.0);
  markup = g_markup_escape_text (_("Emergency Binder"), -1);
  sonae_document_add_paragraph (cover, SONAE_STYLE_BANNER | SONAE_STYLE_HUGE | SONAE_STYLE_BOLD | SONAE_STYLE_CENTER, markup);
  g_clear_pointer (&markup, g_free);

  sonae_document_add_spacer (cover, 18.0);
  if (binder->organisation != NULL && *binder->organisation != '\0')
    {
      markup = g_markup_escape_text (binder->organisation, -1);
      sonae_document_add_paragraph (cover, SONAE_STYLE_POSTER | SONAE_STYLE_BOLD | SONAE_STYLE_CENTER, markup);
      g_clear_pointer (&markup, g_free);
    }
  {
    /* Translators: on the binder's cover; %s is a date such as 2026-04-01 */
    g_autofree char *printed = g_strdup_printf (_("Printed on %s"), date);

    markup = g_markup_escape_text (printed, -1);
    sonae_document_add_paragraph (cover, SONAE_STYLE_LARGE | SONAE_STYLE_CENTER, markup);
    g_clear_pointer (&markup, g_free);
  }

  sonae_document_add_spacer (cover, 24.0);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s",
                                    _("Keep this copy on paper, away from the network."),
                                    medical
                                    ? _("Do not scan it or keep it as a file on the clinic’s computers: when they are down or locked by ransomware, this binder must still be readable.")
                                    : _("Do not scan it or keep it as a file on the company’s computers: when they are down or locked by ransomware, this binder must still be readable."));
  sonae_document_add_paragraph (cover, SONAE_STYLE_WARNING | SONAE_STYLE_LARGE, markup);
  g_clear_pointer (&markup, g_free);

  sonae_document_add_spacer (cover, 14.0);
  markup = g_markup_escape_text (_("When to use it"), -1);
  sonae_document_add_paragraph (cover, SONAE_STYLE_LARGE | SONAE_STYLE_BOLD, markup);
  g_clear_pointer (&markup, g_free);
  markup = g_markup_escape_text (medical
                                 ? _("When the computers, the network or the electronic medical records stop working: a power cut, a disaster, a system failure or a cyber attack. Start with the poster, then follow the manual and the checklist.")
                                 : _("When the computers, the network or the business systems stop working: a power cut, a disaster, a system failure or a cyber attack. Start with the poster, then follow the manual and the checklist."), -1);
  sonae_document_add_paragraph (cover, SONAE_STYLE_LARGE, markup);
  g_clear_pointer (&markup, g_free);

  sonae_document_add_spacer (cover, 8.0);
  markup = g_markup_escape_text (_("What is inside"), -1);
  sonae_document_add_paragraph (cover, SONAE_STYLE_LARGE | SONAE_STYLE_BOLD, markup);
  g_clear_pointer (&markup, g_free);
  markup = g_markup_escape_text (medical
                                 ? _("Who to call and what to do first, the contact lists, the emergency manual, the checklist and the paper forms (the log sheets, the blank incident report and report to the PPC with the PPC’s rules, a “Do not use” sign, a notice for the front desk), the business-continuity plan with the MHLW checklist, and a card for each system. The next page lists every part with its page number.")
                                 : _("Who to call and what to do first, the contact lists, the emergency manual, the checklist and the paper forms (the log sheets, the blank incident report and report to the PPC with the PPC’s rules, a “Do not use” sign, a notice for the front desk), the business-continuity plan and a card for each system. The next page lists every part with its page number."), -1);
  sonae_document_add_paragraph (cover, SONAE_STYLE_LARGE, markup);
  g_clear_pointer (&markup, g_free);

  sonae_document_add_spacer (cover, 28.0);
  sonae_document_add_write_in (cover, _("Where this binder is kept"), 1);
  sonae_document_add_write_in (cover,
                               medical
                               ? _("Next reprint due (after any change of staff, contacts or systems, and at least once a year)")
                               /* Translators: a business's words: 従業員 */
                               : C_("business", "Next reprint due (after any change of staff, contacts or systems, and at least once a year)"),
                               1);
}

/* The table of contents: every part after it with the page it starts on,
 * and under a part made of several documents (an outage card for each
 * system) each of them. */
static void
fill_contents (SonaeDocument *binder,
               SonaeDocument *contents,
               gpointer       user_data)
{
  static const double widths[] = { 0.08, 0.74, 0.18 };
  const char *header[3];
  g_autofree char *note = NULL;
  guint n = sonae_document_get_n_parts (binder);
  guint number = 1;

  header[0] = "";
  header[1] = _("Part");
  header[2] = _("Page");

  sonae_document_add_title (contents, _("Contents"), NULL);
  note = g_markup_escape_text (_("The page numbers are those at the foot of every page of this binder."), -1);
  sonae_document_add_paragraph (contents, SONAE_STYLE_MUTED, note);

  sonae_document_add_table (contents, 3, widths, header);
  for (guint i = FIRST_LISTED_PART; i < n; i++)
    {
      SonaeDocument *part = sonae_document_get_part (binder, i);
      guint first = sonae_document_get_part_first_page (binder, i);
      g_autofree char *num = g_strdup_printf ("%u", number++);
      g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", part->title);
      g_autofree char *page = g_strdup_printf ("<b>%u</b>", first + 1);
      guint n_titles = 0;
      const char *cells[3] = { num, title, page };

      sonae_document_add_row (contents, cells);

      for (guint j = 0; j < part->outline->len; j++)
        if (g_array_index (part->outline, OutlineEntry, j).level == 0)
          n_titles++;
      if (n_titles < 2)
        continue;
      for (guint j = 0; j < part->outline->len; j++)
        {
          OutlineEntry *e = &g_array_index (part->outline, OutlineEntry, j);
          g_autofree char *sub = NULL;
          g_autofree char *sub_page = NULL;
          const char *sub_cells[3];

          if (e->level != 0 || g_strcmp0 (e->text, part->title) == 0)
            continue;
          sub = g_markup_printf_escaped ("\u3000%s", e->text);
          sub_page = g_strdup_printf ("%u", first + e->page + 1);
          sub_cells[0] = "";
          sub_cells[1] = sub;
          sub_cells[2] = sub_page;
          sonae_document_add_row (contents, sub_cells);
        }
    }
}

SonaeDocument *
sonae_doc_binder_build (SonaeStore  *store,
                        SonaePaper   paper,
                        GError     **error)
{
  g_autoptr(SonaeDocument) binder = NULL;
  SonaeDocument *cover;
  SonaeDocument *contents;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The binder is one A4 PDF: its parts were made for A4 (a poster on A3
   * is a poster of its own). */
  if (paper != SONAE_PAPER_A4)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The emergency binder is printed on A4 paper only: choose A4 (on the command line, leave out --paper or use --paper a4)."));
      return NULL;
    }

  binder = sonae_doc_new (store, "binder", paper);

  cover = sonae_document_new_blank ("binder-cover", binder->title, paper,
                                    binder->organisation, binder->printed);
  sonae_document_set_date_style (cover, sonae_document_get_date_style (binder));
  add_cover (cover, binder, sonae_org_kind_is_medical (sonae_store_get_org_kind (store)));
  /* Translators: the bookmark of the binder's cover page */
  sonae_document_add_part (binder, cover, _("Cover"));

  contents = sonae_document_new_blank ("binder-contents", _("Contents"), paper,
                                       binder->organisation, binder->printed);
  sonae_document_set_date_style (contents, sonae_document_get_date_style (binder));
  sonae_document_add_part (binder, contents, NULL);
  sonae_document_set_contents (binder, fill_contents, NULL);
  /* Printed on both sides, each document begins on a sheet of its own,
   * on the right-hand page (a poster can be taken out for the wall); the
   * contents face the first of them, on the back of the cover. */
  sonae_document_set_parts_start_right (binder, FIRST_LISTED_PART);

  for (guint i = 0; i < G_N_ELEMENTS (binder_parts); i++)
    {
      SonaeDocument *part;

      if (sonae_documents_get_title (binder_parts[i]) == NULL)
        continue;  /* not in this build (yet) */
      if (sonae_documents_get_unavailable_reason (store, binder_parts[i]) != NULL)
        continue;  /* not for this organisation */
      part = sonae_documents_build (store, binder_parts[i], paper, error);
      if (part == NULL)
        return NULL;
      sonae_document_add_part (binder, part, NULL);
    }
  return g_steal_pointer (&binder);
}
