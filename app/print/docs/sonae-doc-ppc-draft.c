/* sonae-doc-ppc-draft.c: the draft of a leak report to the Personal
 * Information Protection Commission (個人情報保護委員会): first the answer
 * to "must we report, and by when" with the dates, then the nine items of
 * the Commission's web form, numbered, each with what is known or a box to
 * write in, ready to copy into the form. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-docs.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"

#define ITEM_HEIGHT 64.0   /* an item not known yet: room to write */

static const double full[] = { 1.0 };

static const char *
verdict_title (SonaePpcVerdict verdict)
{
  switch (verdict)
    {
    case SONAE_PPC_REQUIRED:
      return _("This leak must be reported to the Personal Information Protection Commission, and the persons notified.");
    case SONAE_PPC_NOT_REQUIRED:
      return _("No report to the Personal Information Protection Commission is required.");
    case SONAE_PPC_PRINCIPAL_REPORTS:
      return _("The organisation that entrusted the data reports it to the Commission.");
    case SONAE_PPC_UNDECIDED:
    default:
      return _("Not decided yet: an answer that decides it is still “not known”.");
    }
}

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

static void
add_verdict (SonaeDocument            *doc,
             const SonaePpcAssessment *assessment,
             const SonaePpcResult     *result)
{
  g_autofree char *markup = NULL;

  if (result->reason != NULL && *result->reason != '\0')
    markup = g_markup_printf_escaped ("<b>%s</b>\n%s", verdict_title (result->verdict), result->reason);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", verdict_title (result->verdict));
  sonae_document_add_paragraph (doc, result->verdict == SONAE_PPC_NOT_REQUIRED ? SONAE_STYLE_NORMAL : SONAE_STYLE_WARNING,
                                markup);

  if (result->verdict == SONAE_PPC_UNDECIDED && result->final_by != NULL)
    {
      g_autofree char *note = g_markup_escape_text (_("If it turns out that it must be reported, these are the dates."), -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, note);
    }
  add_date (doc, _("Learned of it on (day 1)"), assessment->learned_on, FALSE);
  if (result->preliminary_guide != NULL)
    {
      g_autofree char *text = NULL;

      /* Due promptly: only where the guide ends is given, never a start. */
      if (assessment->preliminary_sent_on == NULL && result->preliminary_days_left < 0)
        /* Translators: the preliminary report (速報); %s is where the guide of about 3 to 5 days ended */
        text = g_strdup_printf (_("promptly — past the guide of about 3 to 5 days, which ended on %s: send it now"),
                                result->preliminary_guide);
      else
        /* Translators: the preliminary report (速報); %s is where the guide of about 3 to 5 days ends */
        text = g_strdup_printf (_("promptly — the guide of about 3 to 5 days ends on %s"), result->preliminary_guide);
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
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check"));
      g_autofree char *text = g_markup_escape_text (_("Sonae counts the day you learned of it as day 1. Check this day-counting rule "
                                                      "with the Commission’s current guidance before relying on these dates."), -1);
      g_autofree char *line = g_strdup_printf ("%s %s", badge, text);
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

/* The rules reported separately: My Number; a business's ministry. */
static void
add_pointers (SonaeDocument *doc,
              SonaeOrgKind   kind)
{
  const char *delegation = sonae_ppc_get_delegation_note (kind);
  g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check"));
  g_autofree char *my_number = g_markup_escape_text (sonae_ppc_get_my_number_note (), -1);
  g_autofree char *line = g_strdup_printf ("%s %s", badge, my_number);

  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, line);
  if (delegation != NULL)
    {
      g_autofree char *text = g_markup_escape_text (delegation, -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, text);
    }
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

  add_verdict (doc, assessment, result);
  {
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);

    add_pointers (doc, profile->kind);
  }

  sonae_document_add_heading (doc, NULL, _("The nine report items"));
  {
    g_autofree char *note = g_markup_escape_text (_("Copy each item into the Commission’s web form. "
                                                    "What is not known yet has a box: find it out and write it in."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, note);
  }
  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      const SonaePpcDraftItem *item = &draft->items[i];
      g_autofree char *header = g_markup_printf_escaped ("%u. %s", i + 1, item->title ? item->title : "");
      const char *head[] = { header };
      g_autofree char *text = NULL;
      gboolean known = item->text != NULL && *item->text != '\0';

      if (known)
        text = g_markup_escape_text (item->text, -1);
      else
        text = g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                        (int) (8 * PANGO_SCALE), _("(to be filled in)"));
      {
        const char *cells[] = { text };

        sonae_document_add_form_table (doc, 1, full, head, known ? 0 : ITEM_HEIGHT);
        sonae_document_add_row (doc, cells);
      }
    }

  return g_steal_pointer (&doc);
}
