/* sonae-doc-ppc-rules.c: the rules for reporting a leak of personal data
 * to the Personal Information Protection Commission, on paper, for when no
 * computer works (個人情報の漏えい等の報告ルール): a decision to follow by
 * pen, five steps ending in the days to write in; then what counts as a
 * leak, loss or damage, how the days are counted, the notice to the
 * persons, the processor's rule, how to send the report and My Number's
 * own rule. The sentences are core's (sonae-ppc.h), as the window shows
 * them; the facts are CONTENT.md's ("Reporting to the PPC"). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-doc-ppc-parts.h"
#include "sonae-docs.h"
#include "sonae-report-form.h"

/* The example of the day count: a Wednesday, whose day 60 is a Saturday. */
#define EXAMPLE_LEARNED_ON "2026-04-01"
/* A day to write in, under its label. */
#define DAY_BOX_HEIGHT 40.0

static void
add_text (SonaeDocument  *doc,
          SonaeTextStyle  style,
          const char     *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  sonae_document_add_paragraph (doc, style, markup);
}

/* A box's label: small and grey, in its top-left corner. */
static char *
box_label (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                  (int) (8 * PANGO_SCALE), text);
}

/* What to tick under a step: each a line with a box, indented under the
 * step's text. */
static void
add_branches (SonaeDocument     *doc,
              const char *const *branches)
{
  sonae_document_set_indent (doc, 30.0);
  for (guint i = 0; branches[i] != NULL; i++)
    {
      g_autofree char *markup = g_markup_escape_text (branches[i], -1);

      sonae_document_add_check_item (doc, markup);
    }
  sonae_document_set_indent (doc, 0);
  sonae_document_add_spacer (doc, 2.0);
}

static void
add_step (SonaeDocument *doc,
          guint          number,
          const char    *question,
          const char    *hint)
{
  g_autofree char *n = g_strdup_printf ("%u", number);
  g_autofree char *markup = NULL;

  if (hint != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                      question, (int) (8.5 * PANGO_SCALE), hint);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", question);
  sonae_document_add_step (doc, SONAE_STYLE_NORMAL, n, markup);
}

/* The decision, by pen: five steps, the last the days to write in. */
static void
add_decision (SonaeDocument *doc,
              SonaeOrgKind   kind)
{
  sonae_document_add_heading (doc, "1", _("Must it be reported? Follow this with a pen"));
  add_text (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED,
            _("Tick a box at each step and go where it says. “Yes” also means “it may have happened”: "
              "what cannot be ruled out counts."));

  sonae_document_begin_group (doc);
  add_step (doc, 1, sonae_ppc_get_acquiring_question (), sonae_ppc_get_acquiring_hint ());
  {
    const char *branches[] = {
      _("Yes → it must be reported, and it counts as done on purpose: go to step 5."),
      _("No → go to step 2."),
      NULL,
    };

    add_branches (doc, branches);
  }
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  add_step (doc, 2, sonae_ppc_get_personal_data_question (),
            _("What counts as leaked, lost or damaged is explained in section 2."));
  {
    const char *branches[] = {
      _("Yes, or not known yet → go to step 3."),
      _("No → no report is required. Write down why, and keep it with the incident’s records."),
      NULL,
    };

    add_branches (doc, branches);
  }
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  add_step (doc, 3, sonae_ppc_get_encrypted_question (), NULL);
  {
    const char *branches[] = {
      _("Yes, and we are sure → no report is required. Write down why, and keep it with the incident’s records."),
      _("No, or not sure → go to step 4."),
      NULL,
    };

    add_branches (doc, branches);
  }
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  add_step (doc, 4, _("Does any of these apply, or may it? Tick each one that does."), NULL);
  sonae_document_set_indent (doc, 30.0);
  for (guint c = 0; c < SONAE_PPC_N_CONDITIONS; c++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                         sonae_ppc_condition_get_question (c, kind),
                                                         (int) (8.5 * PANGO_SCALE), sonae_ppc_condition_get_hint (c));

      sonae_document_add_check_item (doc, markup);
    }
  add_text (doc, SONAE_STYLE_SMALL | SONAE_STYLE_BOLD, _("Then:"));
  sonae_document_set_indent (doc, 0);
  {
    const char *branches[] = {
      _("At least one is ticked → it must be reported, and the persons notified: go to step 5."),
      _("None applies → no report is required. Write down why, and keep it with the incident’s records."),
      NULL,
    };

    add_branches (doc, branches);
  }
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  add_step (doc, 5, _("Write down the days, and send the reports"),
            _("Day 1 is the day the organisation learned of it. Section 3 explains how the days are counted. "
              "If you only process the data for another organisation, see section 5 first."));
  sonae_document_set_indent (doc, 30.0);
  {
    static const double halves[] = { 0.5, 0.5 };
    g_autofree char *day1 = box_label (_("Day 1: the day we learned of it"));
    g_autofree char *persons = box_label (_("The persons concerned notified on (promptly)"));
    g_autofree char *preliminary = box_label (_("Preliminary report (速報): promptly, as soon as the main facts are known; "
                                                "the guide of about 3 to 5 days ends on day 5"));
    g_autofree char *final = box_label (_("Final report (確報): by day 30; by day 60 when it was done on purpose "
                                          "(step 1 Yes, or the third question of step 4 ticked)"));
    const char *first[] = { day1, persons };
    const char *second[] = { preliminary, final };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (halves), halves, NULL, DAY_BOX_HEIGHT);
    sonae_document_add_row (doc, first);
    sonae_document_add_row (doc, second);
  }
  sonae_document_set_indent (doc, 0);
  sonae_document_end_group (doc);
}

static void
add_definitions (SonaeDocument *doc)
{
  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "2", _("What counts as leaked, lost or damaged"));
  add_text (doc, SONAE_STYLE_NORMAL, sonae_ppc_get_definitions ());
  add_text (doc, SONAE_STYLE_NORMAL,
            _("An e-mail or a fax sent to the wrong person: ask the recipient to delete it unread, "
              "get their confirmation, and write down what was done."));
  sonae_document_end_group (doc);
}

/* The example of the day count, from a fixed day 1; and, as its day 60
 * falls on a Saturday, where the guideline moves it. */
static char *
example_text (void)
{
  g_autofree char *day5 = sonae_ppc_day (EXAMPLE_LEARNED_ON, 5);
  g_autofree char *day30 = sonae_ppc_day (EXAMPLE_LEARNED_ON, 30);
  g_autofree char *day60 = sonae_ppc_day (EXAMPLE_LEARNED_ON, 60);
  g_autofree char *text = NULL;
  guint open = 60;

  /* Translators: an example of the day count: day 1, then day 5, day 30 and day 60 */
  text = g_strdup_printf (_("For example, learned of it on %s (day 1): the guide for the preliminary report ends on %s (day 5); "
                            "the final report is due by %s (day 30), or by %s (day 60)."),
                          EXAMPLE_LEARNED_ON, day5, day30, day60);
  while (open < 70)
    {
      g_autofree char *day = sonae_ppc_day (EXAMPLE_LEARNED_ON, open);

      if (!sonae_ppc_is_closed_day (day))
        break;
      open++;
    }
  if (open > 60)
    {
      g_autofree char *moved = sonae_ppc_day (EXAMPLE_LEARNED_ON, open);
      /* Translators: after the example of the day count: %s is day 60, then the next open day */
      g_autofree char *more = g_strdup_printf (_("%s is a Saturday: the guideline moves that deadline to %s, the next day "
                                                 "the offices are open. Aim for the earlier day all the same."),
                                               day60, moved);

      return g_strdup_printf ("%s %s", text, more);
    }
  return g_steal_pointer (&text);
}

static void
add_deadlines (SonaeDocument *doc)
{
  g_autofree char *example = example_text ();
  g_autofree char *check = sonae_doc_ppc_check_markup (_("Sonae counts the day you learned of it as day 1. Check this day-counting rule "
                                                         "with the Commission’s current guidance before relying on these dates."));

  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "3", _("The preliminary and the final report, and how the days are counted"));
  add_text (doc, SONAE_STYLE_NORMAL, sonae_ppc_get_preliminary_note ());
  sonae_document_end_group (doc);
  add_text (doc, SONAE_STYLE_NORMAL,
            _("The final report is due within 30 days, or within 60 days when it was done on purpose "
              "(unauthorised access, ransomware, theft, or collected data taken). It gives all nine items of section 6."));
  add_text (doc, SONAE_STYLE_NORMAL,
            _("Day 1 is the day the organisation learned of it, not the day after: day 30 is 29 days later."));
  add_text (doc, SONAE_STYLE_NORMAL, sonae_ppc_get_learned_note ());
  add_text (doc, SONAE_STYLE_NORMAL, example);
  add_text (doc, SONAE_STYLE_NORMAL, sonae_ppc_get_deadline_note ());
  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, check);
}

static void
add_persons (SonaeDocument *doc,
             SonaeOrgKind   kind)
{
  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "4", _("Telling the persons concerned"));
  add_text (doc, SONAE_STYLE_NORMAL, sonae_ppc_get_persons_note ());
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "5", _("Who reports: data processed for another organisation"));
  add_text (doc, SONAE_STYLE_NORMAL,
            _("An organisation that only processes the data for another one (委託先) tells that one promptly. "
              "Once it has, it need neither report to the PPC nor notify the persons: the organisation it works for does both."));
  add_text (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, sonae_ppc_get_processor_hint (kind));
  sonae_document_end_group (doc);
}

static void
add_sending (SonaeDocument *doc,
             SonaeStore    *store,
             SonaeOrgKind   kind)
{
  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "6", _("How to send the report, and what it asks"));
  sonae_doc_add_ppc_submission (doc, store, kind);
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  add_text (doc, SONAE_STYLE_NORMAL,
            _("Both reports ask the same nine items, as far as they are known. The preliminary report may leave some open; "
              "the final report answers all of them. The blank PPC report sheet has room to draft them by hand."));
  {
    g_autoptr(GString) items = g_string_new (NULL);

    for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
      {
        g_autofree char *item = g_markup_printf_escaped ("%s%u. %s", i > 0 ? "\n" : "", i + 1,
                                                         sonae_ppc_draft_item_get_title (i));

        g_string_append (items, item);
      }
    sonae_document_set_indent (doc, 18.0);
    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, items->str);
    sonae_document_set_indent (doc, 0);
  }
  sonae_document_end_group (doc);
}

static void
add_my_number (SonaeDocument *doc)
{
  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "7", _("My Number"));
  sonae_doc_add_ppc_my_number (doc);
  sonae_document_end_group (doc);
}

SonaeDocument *
sonae_doc_ppc_rules_build (SonaeStore  *store,
                           SonaePaper   paper,
                           GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  SonaeOrgKind kind;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  kind = sonae_store_get_org_kind (store);
  doc = sonae_doc_new (store, "ppc-rules", paper);
  sonae_document_set_keep_words (doc, TRUE);
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc),
                            /* Translators: the subtitle of the PPC reporting rules page */
                            _("When a leak, loss or damage of personal data must be reported to the "
                              "Personal Information Protection Commission (個人情報保護委員会), and by when"));
  add_decision (doc, kind);
  add_definitions (doc);
  add_deadlines (doc);
  add_persons (doc, kind);
  add_sending (doc, store, kind);
  add_my_number (doc);
  {
    g_autofree char *sources = sonae_doc_ppc_check_markup (_("As checked in December 2026 against the Act on the Protection of "
                                                           "Personal Information (art. 26), the PPC’s rules (art. 7 to 10) and its "
                                                           "general guideline (3-5). Check the PPC’s current guidance before relying on it."));

    sonae_document_add_spacer (doc, 12.0);
    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, sources);
  }
  return g_steal_pointer (&doc);
}
