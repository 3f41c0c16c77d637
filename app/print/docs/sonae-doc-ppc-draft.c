/* sonae-doc-ppc-draft.c: the draft of a leak report to the Personal
 * Information Protection Commission (個人情報保護委員会): first the answer
 * to "must we report, and by when" with the dates (an overdue preliminary
 * report in red at the top), while it is not decided the questions that
 * decide it as tick boxes, then the nine items of the Commission's web
 * form, numbered, each with what is known or a box to write in, ready to
 * copy into the form, and how to send it.
 *
 * Without an incident it is the blank sheet: every question to tick, the
 * days to write in, and the nine items with room to write. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-doc-ppc-parts.h"
#include "sonae-docs.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"

#define ITEM_HEIGHT 64.0         /* an item not known yet: room to write */
#define BLANK_ITEM_HEIGHT 84.0   /* an item of the blank sheet */
#define DATE_HEIGHT 44.0         /* a day to write in */

static const double full[] = { 1.0 };

/* “2026-12-04 (3 days left)”, “… (2 days overdue)”, “… (today)”. */
static char *
date_with_days (const char *date,
                int         days_left)
{
  g_autofree char *days = NULL;

  if (days_left > 0)
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days_left), days_left);
  else if (days_left == 0)
    days = g_strdup (_("today"));
  else
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days_left), -days_left);
  /* Translators: a deadline and how far away it is, e.g. “2026-12-04 (3 days left)” */
  return g_strdup_printf (_("%s (%s)"), date, days);
}

static void
add_date (SonaeDocument *doc,
          const char    *key,
          const char    *text,
          gboolean       bold)
{
  g_autofree char *markup = NULL;

  if (text == NULL)
    markup = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", _("not yet"));
  else if (bold)
    markup = g_markup_printf_escaped ("<b>%s</b>", text);
  else
    markup = g_markup_escape_text (text, -1);
  sonae_document_add_key_value (doc, key, markup);
}

/* The preliminary report is past its guide and not sent: said first, in
 * white on red, so that nobody reads past it. */
static void
add_overdue (SonaeDocument        *doc,
             const SonaePpcResult *result)
{
  /* Translators: at the top of the PPC draft; %s is the day the guide of about 3 to 5 days ended */
  g_autofree char *text = g_strdup_printf (_("The preliminary report is overdue: the guide of about 3 to 5 days ended on %s, "
                                             "and no preliminary report is recorded as sent. Send it now, with what is known so far."),
                                           result->preliminary_guide);
  g_autofree char *markup = g_markup_escape_text (text, -1);

  sonae_document_add_paragraph (doc, SONAE_STYLE_BANNER | SONAE_STYLE_LARGE | SONAE_STYLE_BOLD, markup);
}

static void
add_verdict (SonaeDocument            *doc,
             const SonaePpcAssessment *assessment,
             const SonaePpcResult     *result)
{
  gboolean overdue = sonae_ppc_preliminary_is_overdue (assessment, result);
  g_autofree char *markup = NULL;

  /* The verdict once: the sentence says what and why. */
  markup = g_markup_printf_escaped ("<b>%s</b>", result->reason ? result->reason : "");
  sonae_document_add_paragraph (doc, result->verdict == SONAE_PPC_NOT_REQUIRED ? SONAE_STYLE_NORMAL : SONAE_STYLE_WARNING,
                                markup);

  if (result->verdict == SONAE_PPC_UNDECIDED && result->final_by != NULL && result->preliminary_days_left < 0)
    {
      /* Undecided past the guide: said in amber, not in small grey. */
      g_autofree char *note = g_markup_printf_escaped ("<b><span foreground=\"" SONAE_PRINT_COLOR_CAUTION "\">%s</span></b>",
                                                       _("The guide for a preliminary report has passed while this is undecided: "
                                                         "find the answers now. If in doubt, report. "
                                                         "If it turns out that it must be reported, these are the dates."));

      sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, note);
    }
  else if (result->verdict == SONAE_PPC_UNDECIDED && result->final_by != NULL)
    {
      g_autofree char *note = g_markup_escape_text (_("If it turns out that it must be reported, these are the dates."), -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, note);
    }
  add_date (doc, _("Learned of it on (day 1)"), assessment->learned_on, FALSE);
  if (result->preliminary_guide != NULL)
    {
      g_autofree char *text = NULL;
      g_autofree char *value = NULL;

      /* Due promptly: only where the guide ends is given, never a start. */
      if (assessment->preliminary_sent_on == NULL && result->preliminary_days_left < 0)
        /* Translators: the preliminary report (速報); %s is where the guide of about 3 to 5 days ended */
        text = g_strdup_printf (_("promptly — past the guide of about 3 to 5 days, which ended on %s: send it now"),
                                result->preliminary_guide);
      else
        /* Translators: the preliminary report (速報); %s is where the guide of about 3 to 5 days ends */
        text = g_strdup_printf (_("promptly — the guide of about 3 to 5 days ends on %s"), result->preliminary_guide);
      if (overdue)
        {
          value = g_markup_printf_escaped ("<b><span foreground=\"" SONAE_PRINT_COLOR_WARNING "\">%s</span></b>", text);
          sonae_document_add_key_value (doc, _("Preliminary report"), value);
        }
      else
        add_date (doc, _("Preliminary report"), text, assessment->preliminary_sent_on == NULL);
    }
  if (result->final_by != NULL)
    {
      g_autofree char *text = NULL;

      if (assessment->final_sent_on == NULL)
        text = date_with_days (result->final_by, result->final_days_left);
      else
        text = g_strdup (result->final_by);
      add_date (doc, result->unlawful ? _("Final report deadline (60 days)") : _("Final report deadline (30 days)"),
                text, TRUE);
    }
  add_date (doc, _("Preliminary report sent on"), assessment->preliminary_sent_on, FALSE);
  add_date (doc, _("Final report sent on"), assessment->final_sent_on, FALSE);
  add_date (doc, _("Persons notified on"), assessment->persons_notified_on, FALSE);
  if (assessment->processor)
    add_date (doc, _("Principal notified on"), assessment->principal_notified_on, FALSE);

  if (result->verdict == SONAE_PPC_REQUIRED)
    {
      g_autofree char *note = g_markup_escape_text (sonae_ppc_get_persons_note (), -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, note);
    }
  if (result->final_by != NULL || result->preliminary_guide != NULL)
    {
      g_autofree char *line = sonae_doc_ppc_check_markup (_("Sonae counts the day you learned of it as day 1. Check this day-counting rule "
                                                            "with the Commission’s current guidance before relying on these dates."));
      g_autofree char *preliminary = g_markup_escape_text (sonae_ppc_get_preliminary_note (), -1);
      g_autofree char *deadline = g_markup_escape_text (sonae_ppc_get_deadline_note (), -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, preliminary);
      if (result->final_moves)
        {
          g_autofree char *moves = g_markup_escape_text (_("The final deadline shown falls on a weekend or in the New Year holidays."), -1);

          sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, moves);
        }
      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, deadline);
      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, line);
    }
}

/* The nine items, each with what is known or room to write. */
static void
add_items (SonaeDocument       *doc,
           const SonaePpcDraft *draft)
{
  sonae_document_add_heading (doc, NULL, _("The nine report items"));
  {
    g_autofree char *note = g_markup_escape_text (_("Copy each item into the Commission’s web form. "
                                                    "What is not known yet has a box: find it out and write it in."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, note);
  }
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      const SonaePpcDraftItem *item = draft != NULL ? &draft->items[i] : NULL;
      g_autofree char *header = g_markup_printf_escaped ("%u. %s", i + 1, sonae_ppc_draft_item_get_title (i));
      const char *head[] = { header };
      g_autofree char *text = NULL;
      gboolean known = item != NULL && item->text != NULL && *item->text != '\0';
      double height = draft == NULL ? BLANK_ITEM_HEIGHT : known ? 0 : ITEM_HEIGHT;

      if (known)
        text = g_markup_escape_text (item->text, -1);
      else if (draft != NULL)
        text = g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                        (int) (8 * PANGO_SCALE), _("(to be filled in)"));
      {
        const char *cells[] = { text };

        sonae_document_add_form_table (doc, 1, full, head, height);
        sonae_document_add_row (doc, cells);
      }
    }
}

/* How to send it, and the rules reported apart. */
static void
add_sending (SonaeDocument *doc,
             SonaeStore    *store)
{
  SonaeOrgKind kind = sonae_store_get_org_kind (store);

  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, NULL, _("How to send it"));
  sonae_doc_add_ppc_submission (doc, store, kind);
  sonae_document_end_group (doc);
  sonae_doc_add_ppc_my_number (doc);
}

/* A box of the blank sheet's days: its label, then room to write. */
static char *
day_box (const char *label,
         const char *hint)
{
  if (hint == NULL)
    return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                    (int) (8 * PANGO_SCALE), label);
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s\n%s</span>",
                                  (int) (8 * PANGO_SCALE), label, hint);
}

/* The blank sheet's answer and its days, to fill in once the questions
 * are answered. */
static void
add_blank_answer (SonaeDocument *doc)
{
  static const double halves[] = { 0.5, 0.5 };
  static const double thirds[] = { 1.0, 1.0, 1.0 };

  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, NULL, _("The answer"));
  {
    g_autofree char *required = g_markup_printf_escaped ("<b>%s</b>\u2002%s", _("It must be reported, and the persons notified:"),
                                                         _("question 1 is Yes; or question 2 is Yes, question 3 is No "
                                                           "and at least one of questions 4 to 7 is Yes."));
    g_autofree char *not_required = g_markup_printf_escaped ("<b>%s</b>\u2002%s", _("No report is required:"),
                                                             _("question 1 is No, and either question 2 is No, question 3 is Yes or questions 4 to 7 "
                                                               "are all No. Write down why, and keep this sheet."));
    g_autofree char *undecided = g_markup_printf_escaped ("<b>%s</b>\u2002%s", _("Not decided yet:"),
                                                          _("an answer that decides it is “Don’t know yet”. Find it out now; if in doubt, report."));
    g_autofree char *processor = g_markup_escape_text (_("If question 8 is Yes, tell the organisation you process the data for at once: "
                                                         "once it is told, it reports and notifies the persons instead of you."), -1);

    sonae_document_add_check_item (doc, required);
    sonae_document_add_check_item (doc, not_required);
    sonae_document_add_check_item (doc, undecided);
    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, processor);
  }
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, NULL, _("By when"));
  {
    g_autofree char *learned = day_box (_("Learned of it on (day 1)"), NULL);
    g_autofree char *notified = day_box (_("Persons notified on"), NULL);
    const char *cells[] = { learned, notified };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (halves), halves, NULL, DATE_HEIGHT);
    sonae_document_add_row (doc, cells);
  }
  {
    g_autofree char *preliminary = day_box (_("Preliminary report: promptly"),
                                            _("The guide of about 3 to 5 days ends on day 5:"));
    g_autofree char *final = day_box (_("Final report deadline (30 days)"),
                                      _("Day 60 instead when question 1 or 6 is Yes (done on purpose):"));
    g_autofree char *principal = day_box (_("Principal notified on"), NULL);
    const char *cells[] = { preliminary, final, principal };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (thirds), thirds, NULL, DATE_HEIGHT + 12.0);
    sonae_document_add_row (doc, cells);
  }
  {
    g_autofree char *preliminary = day_box (_("Preliminary report sent on"), NULL);
    g_autofree char *final = day_box (_("Final report sent on"), NULL);
    const char *cells[] = { preliminary, final };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (halves), halves, NULL, DATE_HEIGHT);
    sonae_document_add_row (doc, cells);
  }
  {
    g_autofree char *learned = g_markup_escape_text (sonae_ppc_get_learned_note (), -1);
    g_autofree char *preliminary = g_markup_escape_text (sonae_ppc_get_preliminary_note (), -1);
    g_autofree char *deadline = g_markup_escape_text (sonae_ppc_get_deadline_note (), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, learned);
    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, preliminary);
    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, deadline);
  }
  sonae_document_end_group (doc);
}

SonaeDocument *
sonae_doc_ppc_draft_build (SonaeStore  *store,
                           SonaePaper   paper,
                           GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  doc = sonae_doc_new (store, "ppc-draft", paper);
  sonae_document_set_keep_words (doc, TRUE);
  /* Translators: the subtitle of the blank PPC report sheet */
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc),
                            _("Blank sheet: decide whether it must be reported, then draft the nine items"));
  {
    static const double widths[] = { 0.6, 0.4 };
    g_autofree char *incident = day_box (_("Incident number or title"), NULL);
    g_autofree char *writer = day_box (_("Written by"), NULL);
    const char *cells[] = { incident, writer };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, DATE_HEIGHT);
    sonae_document_add_row (doc, cells);
  }

  sonae_document_add_heading (doc, NULL, _("Must it be reported?"));
  {
    g_autofree char *note = g_markup_escape_text (_("Answer each question by ticking a box. “Yes” also means “it may have happened”."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, note);
  }
  sonae_doc_add_ppc_questions (doc, sonae_store_get_org_kind (store), NULL);
  add_blank_answer (doc);
  add_items (doc, NULL);
  add_sending (doc, store);
  return g_steal_pointer (&doc);
}

SonaeDocument *
sonae_doc_ppc_draft_build_for_incident (SonaeStore  *store,
                                        gint64       incident_id,
                                        SonaePaper   paper,
                                        GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_autoptr(SonaePpcResult) result = NULL;
  g_autoptr(SonaePpcDraft) draft = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  incident = sonae_incidents_get (store, incident_id, error);
  if (incident == NULL)
    return NULL;
  assessment = sonae_ppc_get (store, incident->id, error);
  if (assessment == NULL)
    return NULL;
  draft = sonae_ppc_get_draft (store, incident->id, error);
  if (draft == NULL)
    return NULL;
  result = sonae_ppc_assess (assessment, NULL);

  doc = sonae_doc_new_for_incident_doc (store, "ppc-draft", incident, paper);
  subtitle = g_strdup_printf ("%s\u2003%s", incident->number, incident->title ? incident->title : "");
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc), subtitle);

  if (sonae_ppc_preliminary_is_overdue (assessment, result))
    add_overdue (doc, result);
  add_verdict (doc, assessment, result);
  if (result->verdict == SONAE_PPC_UNDECIDED)
    {
      g_autofree char *note = g_markup_escape_text (_("Answer these by ticking a box, then enter the answers in Sonae "
                                                      "(or decide with the reporting rules page of the binder)."), -1);

      sonae_document_begin_group (doc);
      sonae_document_add_heading (doc, NULL, _("Questions that decide it"));
      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, note);
      sonae_document_end_group (doc);
      sonae_doc_add_ppc_questions (doc, sonae_store_get_org_kind (store), assessment);
    }

  add_items (doc, draft);
  add_sending (doc, store);

  return g_steal_pointer (&doc);
}
