/* sonae-reminders.c: what is due, derived from the data each time.
 *
 * Nothing here is stored: every call reads the incidents, their PPC
 * assessments, body reports and actions, the manual's last review and the
 * roster (through sonae_contacts_get_attention()) and the business-continuity
 * plan, and says what is due as of sonae_clock_now(). Drills never produce
 * a reminder of the real thing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-reminders.h"
#include "sonae-bcp.h"
#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-view.h"
#include "sonae-mhlw.h"
#include "sonae-ppc-bodies.h"
#include "sonae-ppc.h"

/* An action is worth a reminder this many days before it is due. */
#define SOON_DAYS 7
/* A text quoted in a title is cut after this many characters. */
#define MAX_QUOTED_CHARS 60

void
sonae_reminder_free (SonaeReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->due_on);
  g_free (reminder->title);
  g_free (reminder->detail);
  g_free (reminder->key);
  g_free (reminder->role_key);
  g_free (reminder->check_key);
  g_free (reminder->mhlw_key);
  g_free (reminder);
}

static SonaeUrgency
urgency_for_days (int days_left)
{
  if (days_left < 0)
    return SONAE_URGENCY_OVERDUE;
  if (days_left <= SOON_DAYS)
    return SONAE_URGENCY_SOON;
  return SONAE_URGENCY_UPCOMING;
}

/* A reminder with a date (@due_on valid: counted from @today) or without
 * (@due_on NULL, then @urgency is used as given). Takes @key. */
static SonaeReminder *
reminder_new (SonaeReminderKind  kind,
              SonaeUrgency       urgency,
              const char        *due_on,
              const GDate       *today,
              char              *key)
{
  SonaeReminder *r = g_new0 (SonaeReminder, 1);

  r->kind = kind;
  r->key = key;
  if (due_on != NULL && sonae_date_is_valid (due_on))
    {
      r->due_on = g_strdup (due_on);
      r->days_left = -sonae_date_days_to (due_on, today);
      r->urgency = urgency_for_days (r->days_left);
    }
  else
    r->urgency = urgency;
  return r;
}

/* What one deadline sentence says, in its three tenses. */
typedef enum {
  SUBJECT_PRELIMINARY,
  SUBJECT_FINAL,
  SUBJECT_UNDECIDED,
  SUBJECT_ACTION,
} Subject;

/* The title of a dated reminder: @first is the incident number, @text the
 * action's text (SUBJECT_ACTION only). The formats are whole sentences so
 * that a translation can order them as its language needs. */
static char *
dated_title (Subject     subject,
             const char *number,
             const char *text,
             const char *due_on,
             int         days_left)
{
  int days = ABS (days_left);

  switch (subject)
    {
    case SUBJECT_PRELIMINARY:
      /* Due promptly: the date is only where the guide of about 3 to 5
       * days ends, never a day to wait for. */
      if (days_left > 0)
        /* Translators: %s is an incident number, then a date; 速報 */
        return g_strdup_printf (_("Send the preliminary report to the PPC for %s now: it is due promptly, and the guide of about 3 to 5 days ends on %s."),
                                number, due_on);
      if (days_left == 0)
        /* Translators: %s is an incident number, then a date; 速報 */
        return g_strdup_printf (_("Send the preliminary report to the PPC for %s now: the guide of about 3 to 5 days ends today (%s)."),
                                number, due_on);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The preliminary report to the PPC for %s is %d day past the guide of about 3 to 5 days (%s): send it now.",
                                           "The preliminary report to the PPC for %s is %d days past the guide of about 3 to 5 days (%s): send it now.", days),
                              number, days, due_on);
    case SUBJECT_FINAL:
      if (days_left == 0)
        /* Translators: %s is an incident number, then a date; 確報 */
        return g_strdup_printf (_("The final report to the PPC for %s is due today (%s)."), number, due_on);
      if (days_left > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The final report to the PPC for %s is due in %d day (%s).",
                                             "The final report to the PPC for %s is due in %d days (%s).", days),
                                number, days, due_on);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The final report to the PPC for %s was due %d day ago (%s).",
                                           "The final report to the PPC for %s was due %d days ago (%s).", days),
                              number, days, due_on);
    case SUBJECT_UNDECIDED:
      if (days_left > 0)
        /* Translators: %s is an incident number, then a date */
        return g_strdup_printf (_("Decide now whether %s must be reported to the PPC: if it must, the preliminary report is due promptly (the guide of about 3 to 5 days ends on %s)."),
                                number, due_on);
      if (days_left == 0)
        /* Translators: %s is an incident number, then a date */
        return g_strdup_printf (_("Decide now whether %s must be reported to the PPC: if it must, the guide of about 3 to 5 days for the preliminary report ends today (%s)."),
                                number, due_on);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Decide now whether %s must be reported to the PPC: if it must, the preliminary report is %d day past the guide of about 3 to 5 days (%s).",
                                           "Decide now whether %s must be reported to the PPC: if it must, the preliminary report is %d days past the guide of about 3 to 5 days (%s).", days),
                              number, days, due_on);
    case SUBJECT_ACTION:
    default:
      if (days_left == 0)
        /* Translators: an incident number, what is to be done, then a date */
        return g_strdup_printf (_("%s: the action “%s” is due today (%s)."), number, text, due_on);
      if (days_left > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s: the action “%s” is due in %d day (%s).",
                                             "%s: the action “%s” is due in %d days (%s).", days),
                                number, text, days, due_on);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: the action “%s” was due %d day ago (%s).",
                                           "%s: the action “%s” was due %d days ago (%s).", days),
                              number, text, days, due_on);
    }
}

/* @text on one line, cut to a length a title can carry. */
static char *
quote_text (const char *text)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");
  glong len;

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  len = g_utf8_strlen (line, -1);
  if (len <= MAX_QUOTED_CHARS)
    return g_steal_pointer (&line);
  {
    g_autofree char *cut = g_utf8_substring (line, 0, MAX_QUOTED_CHARS - 1);
    return g_strconcat (cut, "…", NULL);
  }
}

/* ---- PPC ---------------------------------------------------------------- */

/* Whether the PPC can still be due something for a closed incident whose
 * stored assessment is @ppc (NULL when none is stored): only a "yes" to
 * personal data (or information taken while being collected) can still
 * ask for a report or an answer once an incident is closed (see
 * add_ppc()), and nothing once the final report is sent. A new assessment
 * answers "not known". */
static gboolean
closed_ppc_pending (const SonaePpcAssessment *ppc)
{
  return ppc != NULL && (ppc->personal_data == SONAE_ANSWER_YES || ppc->acquiring) && ppc->final_sent_on == NULL;
}

/* @today_text is @today as YYYY-MM-DD. */
static void
add_ppc (GPtrArray           *out,
         GHashTable          *stored,
         const SonaeIncident *incident,
         const GDate         *today,
         const char          *today_text)
{
  g_autoptr(SonaePpcAssessment) fresh = NULL;
  g_autoptr(SonaePpcResult) result = NULL;
  gboolean open = incident->status != SONAE_STATUS_CLOSED;
  SonaePpcAssessment *ppc = g_hash_table_lookup (stored, &incident->id);

  /* Most of a long history is closed and asks nothing more: passed over
   * before anything is worked out. */
  if (!open && !closed_ppc_pending (ppc))
    return;
  if (ppc == NULL)
    ppc = fresh = sonae_ppc_assessment_new_for_incident (incident);
  /* Information taken while it was being collected (2024) is reported
   * whatever the organisation's own files hold. */
  if (ppc->personal_data == SONAE_ANSWER_NO && !ppc->acquiring)
    return;
  /* Triage's "no personal data" holds until someone answers otherwise. */
  if (ppc->personal_data == SONAE_ANSWER_UNKNOWN && !ppc->acquiring &&
      incident->answers.personal_data == SONAE_ANSWER_NO)
    return;
  /* Once the final report is sent, nothing more is due to the PPC. */
  if (ppc->final_sent_on != NULL)
    return;

  result = sonae_ppc_assess (ppc, today_text);
  if (result == NULL)
    return;

  switch (result->verdict)
    {
    case SONAE_PPC_REQUIRED:
      if (ppc->preliminary_sent_on == NULL && result->preliminary_guide != NULL)
        {
          SonaeReminder *r = reminder_new (SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_SOON,
                                           result->preliminary_guide, today,
                                           g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, incident->id));
          r->incident_id = incident->id;
          r->title = dated_title (SUBJECT_PRELIMINARY, incident->number, NULL, r->due_on, r->days_left);
          r->detail = g_strdup (result->reason);
          g_ptr_array_add (out, r);
        }
      if (result->final_by != NULL)
        {
          SonaeReminder *r = reminder_new (SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_UPCOMING,
                                           result->final_by, today,
                                           g_strdup_printf ("ppc-final:%" G_GINT64_FORMAT, incident->id));
          r->incident_id = incident->id;
          r->title = dated_title (SUBJECT_FINAL, incident->number, NULL, r->due_on, r->days_left);
          if (result->final_moves)
            /* Translators: why the final report is due, then that its day is a weekend or in the New Year holidays */
            r->detail = g_strdup_printf (C_("two sentences", "%s %s"), result->reason,
                                         _("That day falls on a weekend or in the New Year holidays: the guideline moves the deadline to the next open day, but plan for the date shown."));
          else
            r->detail = g_strdup (result->reason);
          g_ptr_array_add (out, r);
        }
      if (ppc->persons_notified_on == NULL)
        {
          SonaeReminder *r = reminder_new (SONAE_REMINDER_PPC_PERSONS, SONAE_URGENCY_SOON, NULL, today,
                                           g_strdup_printf ("ppc-persons:%" G_GINT64_FORMAT, incident->id));
          r->incident_id = incident->id;
          /* Translators: %s is an incident number; 本人通知 */
          r->title = g_strdup_printf (_("%s: notify the persons whose data is concerned, promptly."), incident->number);
          r->detail = g_strdup_printf (C_("two sentences", "%s %s"), sonae_ppc_get_persons_note (),
                                       _("Record the date in the Authorities tab."));
          g_ptr_array_add (out, r);
        }
      break;

    case SONAE_PPC_UNDECIDED:
      /* A report already sent says someone decided. "Not known" whether
       * personal data is involved at all is asked while the incident is
       * open; "yes" stays asked until it is answered. */
      if (ppc->preliminary_sent_on != NULL)
        break;
      if (ppc->personal_data != SONAE_ANSWER_YES && !open)
        break;
      {
        SonaeReminder *r = reminder_new (SONAE_REMINDER_PPC_UNDECIDED, SONAE_URGENCY_SOON,
                                         result->preliminary_guide, today,
                                         g_strdup_printf ("ppc-undecided:%" G_GINT64_FORMAT, incident->id));
        r->incident_id = incident->id;
        if (r->due_on != NULL)
          r->title = dated_title (SUBJECT_UNDECIDED, incident->number, NULL, r->due_on, r->days_left);
        else
          /* Translators: %s is an incident number */
          r->title = g_strdup_printf (_("Decide whether %s must be reported to the PPC."), incident->number);
        if (ppc->personal_data == SONAE_ANSWER_YES)
          r->detail = g_strdup (_("Personal data is involved. Answer the questions about it to know whether it must be reported."));
        else
          r->detail = g_strdup (_("Nobody has said yet whether personal data leaked, was lost or damaged."));
        g_ptr_array_add (out, r);
      }
      break;

    case SONAE_PPC_NOT_REQUIRED:
    case SONAE_PPC_PRINCIPAL_REPORTS:
    default:
      break;
    }
}

/* ---- other bodies --------------------------------------------------------- */

/* The roster's name of the bundled authority @key, or @key. */
static const char *
authority_name (GPtrArray  *contacts,
                const char *key)
{
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);

      if (g_strcmp0 (c->builtin_key, key) == 0)
        return sonae_contact_get_display_name (c);
    }
  return key;
}

/* @body_reports: sonae_ppc_list_open_body_reports(). */
static void
add_body_reports (GPtrArray            *out,
                  SonaeStore           *store,
                  GHashTable           *body_reports,
                  const SonaeIncident  *incident,
                  const GDate          *today,
                  GPtrArray           **contacts)
{
  GPtrArray *reports;

  if (incident->status == SONAE_STATUS_CLOSED)
    return;
  reports = g_hash_table_lookup (body_reports, &incident->id);
  if (reports == NULL)
    return;   /* closed since the incidents were read */

  for (guint i = 0; i < reports->len; i++)
    {
      SonaeBodyReport *report = g_ptr_array_index (reports, i);
      SonaeReminder *r;

      /* The PPC has its own rule and deadlines (above); a body whose
       * condition does not hold for this incident is owed nothing. */
      if (report->optional || report->done_on != NULL || report->applies == SONAE_ANSWER_NO ||
          g_strcmp0 (report->authority_key, "ppc") == 0)
        continue;
      if (*contacts == NULL)
        *contacts = sonae_contacts_list_bundled (store, NULL);

      /* Reporting to the police or the ministry during a live incident is
       * not upkeep: it comes with the things due this week. */
      if (report->applies == SONAE_ANSWER_YES)
        {
          r = reminder_new (SONAE_REMINDER_BODY_REPORT, SONAE_URGENCY_SOON, NULL, today,
                            g_strdup_printf ("body:%" G_GINT64_FORMAT ":%s", incident->id, report->authority_key));
          /* Translators: an incident number, then a body such as the police */
          r->title = g_strdup_printf (_("%s is not yet reported to “%s”."), incident->number,
                                      authority_name (*contacts, report->authority_key));
          r->detail = g_strdup_printf (C_("two sentences", "%s %s"), report->reason,
                                       _("Record the date in the Authorities tab once it is done."));
        }
      else
        {
          r = reminder_new (SONAE_REMINDER_BODY_UNDECIDED, SONAE_URGENCY_SOON, NULL, today,
                            g_strdup_printf ("body-undecided:%" G_GINT64_FORMAT ":%s", incident->id,
                                             report->authority_key));
          /* Translators: an incident number, then a body such as the police */
          r->title = g_strdup_printf (_("Decide whether %s must be reported to “%s”."), incident->number,
                                      authority_name (*contacts, report->authority_key));
          r->detail = g_strdup_printf (C_("two sentences", "%s %s"), report->reason,
                                       _("Answer it in the Authorities tab."));
        }
      r->incident_id = incident->id;
      g_ptr_array_add (out, r);
    }
}

/* ---- actions ------------------------------------------------------------- */

/* @actions: sonae_capa_list_open(); @incidents: by id. */
static void
add_actions (GPtrArray   *out,
             GPtrArray   *actions,
             GHashTable  *incidents,
             const GDate *today)
{
  for (guint i = 0; i < actions->len; i++)
    {
      SonaeCapa *action = g_ptr_array_index (actions, i);
      SonaeIncident *incident = g_hash_table_lookup (incidents, &action->incident_id);
      g_autofree char *text = NULL;
      SonaeReminder *r;
      int days_left;

      if (incident == NULL || action->status != SONAE_CAPA_OPEN)
        continue;
      if (!sonae_date_is_valid (action->due_on))
        continue;
      days_left = -sonae_date_days_to (action->due_on, today);
      if (days_left > SOON_DAYS)
        continue;

      r = reminder_new (days_left < 0 ? SONAE_REMINDER_ACTION_OVERDUE : SONAE_REMINDER_ACTION_DUE,
                        SONAE_URGENCY_SOON, action->due_on, today,
                        g_strdup_printf ("action:%" G_GINT64_FORMAT, action->id));
      r->incident_id = action->incident_id;
      r->drill = incident->drill;
      r->action_id = action->id;
      text = quote_text (action->text);
      r->title = dated_title (SUBJECT_ACTION, incident->number, text, r->due_on, r->days_left);
      if (action->owner_name != NULL)
        /* Translators: the kind of an action (Corrective action …), then who is to do it */
        r->detail = g_strdup_printf (_("%s, by %s"), sonae_capa_kind_get_title (action->kind), action->owner_name);
      else
        /* Translators: the kind of an action (Corrective action …) */
        r->detail = g_strdup_printf (_("%s, nobody named to do it"), sonae_capa_kind_get_title (action->kind));
      g_ptr_array_add (out, r);
    }
}

/* ---- upkeep ------------------------------------------------------------ */

static void
add_manual_review (GPtrArray   *out,
                   SonaeStore  *store,
                   const GDate *today)
{
  g_autofree char *date = NULL;
  gboolean reviewed = sonae_manual_edits_get_review (store, &date, NULL) && sonae_date_is_valid (date);
  SonaeReminder *r;

  if (reviewed && sonae_date_days_to (date, today) <= SONAE_MANUAL_REVIEW_DAYS)
    return;

  r = reminder_new (SONAE_REMINDER_MANUAL_REVIEW, SONAE_URGENCY_UPKEEP, NULL, today, g_strdup ("manual-review"));
  if (reviewed)
    {
      r->title = g_strdup (_("The emergency manual is due for its yearly review."));
      /* Translators: %s is a date */
      r->detail = g_strdup_printf (_("Last reviewed on %s, more than a year ago. Read it again with the people named in it."), date);
    }
  else
    {
      r->title = g_strdup (_("The emergency manual has never been reviewed."));
      r->detail = g_strdup (_("Read it with the people named in it, adapt what does not fit, then mark it as reviewed."));
    }
  g_ptr_array_add (out, r);
}

static void
add_attention (GPtrArray   *out,
               SonaeStore  *store,
               const GDate *today)
{
  g_autoptr(GPtrArray) items = sonae_contacts_get_attention (store);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      SonaeAttention *item = g_ptr_array_index (items, i);
      SonaeReminder *r;

      switch (item->kind)
        {
        case SONAE_ATTENTION_ROLE_EMPTY:
          r = reminder_new (SONAE_REMINDER_ROLE_EMPTY, SONAE_URGENCY_UPKEEP, NULL, today,
                            g_strdup_printf ("role:%s", item->role_key));
          r->role_key = g_strdup (item->role_key);
          break;
        case SONAE_ATTENTION_CONTACT_STALE:
          r = reminder_new (SONAE_REMINDER_CONTACT_STALE, SONAE_URGENCY_UPKEEP, NULL, today,
                            g_strdup_printf ("contact:%" G_GINT64_FORMAT, item->contact_id));
          r->contact_id = item->contact_id;
          break;
        case SONAE_ATTENTION_CONTACTS_STALE:
          r = reminder_new (SONAE_REMINDER_CONTACTS_STALE, SONAE_URGENCY_UPKEEP, NULL, today,
                            g_strdup ("contacts-stale"));
          r->contact_id = item->contact_id;
          break;
        case SONAE_ATTENTION_AUTHORITY_NO_PHONE:
          r = reminder_new (SONAE_REMINDER_AUTHORITY_PHONE, SONAE_URGENCY_UPKEEP, NULL, today,
                            g_strdup ("authorities-phone"));
          r->contact_id = item->contact_id;
          break;
        case SONAE_ATTENTION_CONTACT_UNCHECKED:
        default:
          r = reminder_new (SONAE_REMINDER_CONTACT_UNCHECKED, SONAE_URGENCY_UPKEEP, NULL, today,
                            g_strdup ("contacts-unchecked"));
          r->contact_id = item->contact_id;
          break;
        }
      r->title = g_strdup (item->title);
      r->detail = g_strdup (item->detail);
      g_ptr_array_add (out, r);
    }
}

/* ---- the business-continuity plan ------------------------------------- */

static char *
measure_title (const char *text,
               const char *due_on,
               int         days_left)
{
  int days = ABS (days_left);

  if (days_left == 0)
    /* Translators: a prevention measure of the BCP, then a date */
    return g_strdup_printf (_("The measure “%s” is due today (%s)."), text, due_on);
  if (days_left > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The measure “%s” is due in %d day (%s).",
                                         "The measure “%s” is due in %d days (%s).", days),
                            text, days, due_on);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The measure “%s” was due %d day ago (%s).",
                                       "The measure “%s” was due %d days ago (%s).", days),
                          text, days, due_on);
}

static gboolean
add_bcp_measures (GPtrArray    *out,
                  SonaeStore   *store,
                  const GDate  *today,
                  GError      **error)
{
  g_autoptr(GPtrArray) measures = sonae_bcp_list_measures (store, error);

  if (measures == NULL)
    return FALSE;
  for (guint i = 0; i < measures->len; i++)
    {
      SonaeBcpMeasure *measure = g_ptr_array_index (measures, i);
      g_autofree char *text = NULL;
      SonaeReminder *r;
      int days_left;

      if (measure->status != SONAE_CAPA_OPEN || !sonae_date_is_valid (measure->due_on))
        continue;
      days_left = -sonae_date_days_to (measure->due_on, today);
      if (days_left > SOON_DAYS)
        continue;
      if (measure->check_key != NULL)
        r = reminder_new (SONAE_REMINDER_BCP_MEASURE, SONAE_URGENCY_SOON, measure->due_on, today,
                          g_strdup_printf ("bcp-check:%s", measure->check_key));
      else if (measure->mhlw_key != NULL)
        r = reminder_new (SONAE_REMINDER_BCP_MEASURE, SONAE_URGENCY_SOON, measure->due_on, today,
                          g_strdup_printf ("mhlw:%s", measure->mhlw_key));
      else
        r = reminder_new (SONAE_REMINDER_BCP_MEASURE, SONAE_URGENCY_SOON, measure->due_on, today,
                          g_strdup_printf ("bcp-measure:%" G_GINT64_FORMAT, measure->id));
      r->bcp_id = measure->id;
      r->check_key = g_strdup (measure->check_key);
      r->mhlw_key = g_strdup (measure->mhlw_key);
      text = quote_text (measure->text);
      r->title = measure_title (text, r->due_on, r->days_left);
      if (measure->mhlw_key != NULL && measure->owner_name != NULL)
        /* Translators: %s is who is to put right an item of the MHLW checklist answered いいえ */
        r->detail = g_strdup_printf (_("MHLW checklist, by %s"), measure->owner_name);
      else if (measure->mhlw_key != NULL)
        r->detail = g_strdup (_("MHLW checklist, nobody named to do it"));
      else if (measure->owner_name != NULL)
        /* Translators: %s is who is to do a measure of the business-continuity plan */
        r->detail = g_strdup_printf (_("Business-continuity plan, by %s"), measure->owner_name);
      else
        r->detail = g_strdup (_("Business-continuity plan, nobody named to do it"));
      g_ptr_array_add (out, r);
    }
  return TRUE;
}

static gboolean
add_restore_tests (GPtrArray    *out,
                   SonaeStore   *store,
                   const GDate  *today,
                   GError      **error)
{
  g_autoptr(GPtrArray) systems = sonae_bcp_list_systems (store, error);

  if (systems == NULL)
    return FALSE;
  for (guint i = 0; i < systems->len; i++)
    {
      SonaeBcpSystem *system = g_ptr_array_index (systems, i);
      g_autofree char *next = NULL;
      g_autofree char *name = NULL;
      SonaeReminder *r;
      int days;

      if (system->restore_test_days <= 0)
        continue;
      name = quote_text (system->name);
      next = sonae_bcp_system_next_restore_test (system);
      if (next == NULL)
        {
          r = reminder_new (SONAE_REMINDER_RESTORE_TEST, SONAE_URGENCY_UPKEEP, NULL, today,
                            g_strdup_printf ("restore:%" G_GINT64_FORMAT, system->id));
          /* Translators: %s is a system, e.g. 電子カルテ */
          r->title = g_strdup_printf (_("No restore of “%s” has been tried yet."), name);
          r->detail = g_strdup (_("Try restoring its backup with the vendor, then record the day in the plan."));
          r->bcp_id = system->id;
          g_ptr_array_add (out, r);
          continue;
        }
      if (-sonae_date_days_to (next, today) > SOON_DAYS)
        continue;
      r = reminder_new (SONAE_REMINDER_RESTORE_TEST, SONAE_URGENCY_SOON, next, today,
                        g_strdup_printf ("restore:%" G_GINT64_FORMAT, system->id));
      r->bcp_id = system->id;
      days = ABS (r->days_left);
      if (r->days_left == 0)
        /* Translators: a system, then a date */
        r->title = g_strdup_printf (_("A restore test of “%s” is due today (%s)."), name, next);
      else if (r->days_left > 0)
        r->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "A restore test of “%s” is due in %d day (%s).",
                                                 "A restore test of “%s” is due in %d days (%s).", days),
                                    name, days, next);
      else
        r->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "A restore test of “%s” was due %d day ago (%s).",
                                                 "A restore test of “%s” was due %d days ago (%s).", days),
                                    name, days, next);
      r->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: a date, then a number of days */
                                                "Last tried on %s; the plan says every %d day.",
                                                "Last tried on %s; the plan says every %d days.",
                                                system->restore_test_days),
                                   system->restore_tested_on, system->restore_test_days);
      g_ptr_array_add (out, r);
    }
  return TRUE;
}

/* @date plus @days, as YYYY-MM-DD; NULL when @date is not a date. */
static char *
date_add_days (const char *date,
               int         days)
{
  g_autoptr(SonaeBcpSystem) probe = sonae_bcp_system_new ();

  probe->restore_tested_on = g_strdup (date);
  probe->restore_test_days = days;
  return sonae_bcp_system_next_restore_test (probe);
}

static void
add_drill (GPtrArray   *out,
           SonaeStore  *store,
           const GDate *today)
{
  g_autofree char *last = sonae_bcp_get_last_drill_date (store);
  g_autofree char *due = NULL;
  SonaeReminder *r;

  if (sonae_date_is_valid (last) && sonae_date_days_to (last, today) <= SONAE_BCP_DRILL_DAYS)
    return;
  r = reminder_new (SONAE_REMINDER_DRILL, SONAE_URGENCY_UPKEEP, NULL, today, g_strdup ("bcp-drill"));
  r->title = g_strdup (_("Hold a business-continuity drill: one is due every year."));
  due = sonae_date_is_valid (last) ? date_add_days (last, SONAE_BCP_DRILL_DAYS) : NULL;
  if (due != NULL)
    /* Translators: two dates */
    r->detail = g_strdup_printf (_("The last drill was on %s; the next one was due on %s."), last, due);
  else
    r->detail = g_strdup (_("No drill has been recorded yet."));
  g_ptr_array_add (out, r);
}

static void
add_bcp_review (GPtrArray   *out,
                SonaeStore  *store,
                const GDate *today)
{
  g_autofree char *date = NULL;
  gboolean reviewed;
  SonaeReminder *r;

  if (!sonae_bcp_is_started (store))
    return;
  reviewed = sonae_bcp_get_last_review (store, &date, NULL) && sonae_date_is_valid (date);
  if (reviewed && sonae_date_days_to (date, today) <= SONAE_BCP_REVIEW_DAYS)
    return;
  r = reminder_new (SONAE_REMINDER_BCP_REVIEW, SONAE_URGENCY_UPKEEP, NULL, today, g_strdup ("bcp-review"));
  if (reviewed)
    {
      r->title = g_strdup (_("The business-continuity plan is due for its yearly review."));
      /* Translators: %s is a date */
      r->detail = g_strdup_printf (_("Last reviewed on %s, more than a year ago. Read it again with the team."), date);
    }
  else
    {
      r->title = g_strdup (_("The business-continuity plan has never been reviewed."));
      r->detail = g_strdup (_("Read it with the team, bring it up to date, then mark it as reviewed."));
    }
  g_ptr_array_add (out, r);
}

static gboolean
add_risk_reviews (GPtrArray    *out,
                  SonaeStore   *store,
                  const GDate  *today,
                  GError      **error)
{
  g_autoptr(GPtrArray) risks = sonae_bcp_list_risks (store, error);

  if (risks == NULL)
    return FALSE;
  for (guint i = 0; i < risks->len; i++)
    {
      SonaeBcpRisk *risk = g_ptr_array_index (risks, i);
      g_autofree char *text = NULL;
      SonaeReminder *r;
      int days;

      if (!sonae_date_is_valid (risk->next_review_on) ||
          sonae_date_days_to (risk->next_review_on, today) <= 0)
        continue;
      r = reminder_new (SONAE_REMINDER_RISK_REVIEW, SONAE_URGENCY_OVERDUE, risk->next_review_on, today,
                        g_strdup_printf ("risk:%" G_GINT64_FORMAT, risk->id));
      r->bcp_id = risk->id;
      text = quote_text (risk->risk);
      days = ABS (r->days_left);
      r->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: a risk, a number of days, a date */
                                               "The risk “%s” was due to be looked at again %d day ago (%s).",
                                               "The risk “%s” was due to be looked at again %d days ago (%s).", days),
                                  text, days, risk->next_review_on);
      /* Translators: %s is a risk level: High, Medium or Low */
      r->detail = g_strdup_printf (_("Risk level: %s. Check whether it changed and whether its treatment works."),
                                   sonae_risk_level_get_title (sonae_risk_level (risk->likelihood, risk->impact)));
      g_ptr_array_add (out, r);
    }
  return TRUE;
}

/* ---- the MHLW checklist ------------------------------------------------- */

/* Each fiscal year, from May 1 until every item has been checked in it: by
 * then the year's edition of the form is out, and the health centre's
 * on-site inspection may come at any time of the year. */
static gboolean
add_mhlw_checklist (GPtrArray    *out,
                    SonaeStore   *store,
                    const GDate  *today,
                    const char   *today_text,
                    GError      **error)
{
  SonaeMhlwProgress progress;
  g_autofree char *starts = NULL;
  g_autofree char *year = NULL;
  g_autofree char *since = NULL;
  int fiscal_year;
  SonaeReminder *r;

  if (!sonae_mhlw_applies (store))
    return TRUE;
  fiscal_year = sonae_mhlw_fiscal_year (today_text);
  starts = g_strdup_printf ("%04d-%02d-%02d", fiscal_year, SONAE_MHLW_REMINDER_MONTH, SONAE_MHLW_REMINDER_DAY);
  if (strcmp (today_text, starts) < 0)
    return TRUE;
  if (!sonae_mhlw_get_progress (store, &progress, error))
    return FALSE;
  if (progress.checked >= progress.n_items)
    return TRUE;

  r = reminder_new (SONAE_REMINDER_MHLW_CHECKLIST, SONAE_URGENCY_UPKEEP, NULL, today,
                    g_strdup_printf ("mhlw-checklist:%d", fiscal_year));
  year = sonae_mhlw_fiscal_year_get_title (fiscal_year);
  since = sonae_mhlw_fiscal_year_start (fiscal_year);
  /* Translators: %s is a fiscal year, e.g. “FY2026 (Reiwa 8)” */
  r->title = g_strdup_printf (_("Go through the MHLW cyber-security checklist for %s before the health centre's inspection."),
                              year);
  if (progress.checked == 0)
    /* Translators: %s is the first day of the fiscal year */
    r->detail = g_strdup_printf (_("No item has been checked since %s. Sonae answers some from its own data."), since);
  else
    r->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: how many of the checklist's items were checked since a date */
                                              "%u of %u item checked since %s.",
                                              "%u of %u items checked since %s.", progress.n_items),
                                 progress.checked, progress.n_items, since);
  g_ptr_array_add (out, r);
  return TRUE;
}

/* ---- the incidents ----------------------------------------------------- */

/* The incidents that can be due something, in any order: those not closed,
 * and a closed one whose report to the PPC is still pending (@stored, as
 * sonae_ppc_list_stored() gives it) or that has an action still open
 * (@actions, sonae_capa_list_open(); closing is refused while one is, so
 * hardly ever). A long history is mostly closed incidents: the open ones
 * are read alone, and all of them only when such a closed one is there.
 * Either way one query reads them all at once. */
static GPtrArray *
list_incidents (SonaeStore  *store,
                GHashTable  *stored,
                GPtrArray   *actions,
                GError     **error)
{
  const SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  SonaeIncidentFilter open_only = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GHashTable) open_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean closed_due = FALSE;
  GHashTableIter iter;
  gpointer id, ppc;

  open_only.open_only = TRUE;
  open = sonae_incidents_list (store, &open_only, error);
  if (open == NULL)
    return NULL;
  for (guint i = 0; i < open->len; i++)
    g_hash_table_add (open_ids, &((SonaeIncident *) g_ptr_array_index (open, i))->id);

  g_hash_table_iter_init (&iter, stored);
  while (!closed_due && g_hash_table_iter_next (&iter, &id, &ppc))
    closed_due = closed_ppc_pending (ppc) && !g_hash_table_contains (open_ids, id);
  for (guint i = 0; !closed_due && i < actions->len; i++)
    closed_due = !g_hash_table_contains (open_ids, &((SonaeCapa *) g_ptr_array_index (actions, i))->incident_id);

  if (closed_due)
    return sonae_incidents_list (store, &all, error);
  return g_steal_pointer (&open);
}

/* ---- order ------------------------------------------------------------- */

static int
compare_id (gint64 a,
            gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* By urgency, real before drill, then date (earliest first, none last), then kind; then by
 * incident and action. The sort is stable: the rest keep the order they
 * were read in (roles in the manual's order, contacts by name). */
static int
compare_reminders (gconstpointer pa,
                   gconstpointer pb)
{
  const SonaeReminder *a = *(const SonaeReminder *const *) pa;
  const SonaeReminder *b = *(const SonaeReminder *const *) pb;
  int c;

  if (a->urgency != b->urgency)
    return a->urgency < b->urgency ? -1 : 1;
  if (a->drill != b->drill)
    return a->drill ? 1 : -1;   /* the real thing first */
  if ((a->due_on == NULL) != (b->due_on == NULL))
    return a->due_on == NULL ? 1 : -1;
  if (a->due_on != NULL && (c = strcmp (a->due_on, b->due_on)) != 0)
    return c;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if ((c = compare_id (a->incident_id, b->incident_id)) != 0)
    return c;
  return compare_id (a->action_id, b->action_id);
}

GPtrArray *
sonae_reminders_collect (SonaeStore  *store,
                         GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_reminder_free);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GHashTable) body_reports = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) authorities = NULL;
  char today_text[sizeof "YYYY-MM-DD"];
  GDate today;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One reading of the clock for every date, so that all of them count
   * from the same day even at midnight. */
  sonae_clock_get_today (&today);
  g_snprintf (today_text, sizeof today_text, "%04u-%02u-%02u", g_date_get_year (&today),
              (guint) g_date_get_month (&today), g_date_get_day (&today));

  /* Each table read at once, however many incidents there are. */
  stored = sonae_ppc_list_stored (store, error);
  if (stored == NULL)
    return NULL;
  actions = sonae_capa_list_open (store, error);
  if (actions == NULL)
    return NULL;
  incidents = list_incidents (store, stored, actions, error);
  if (incidents == NULL)
    return NULL;
  body_reports = sonae_ppc_list_open_body_reports (store, error);
  if (body_reports == NULL)
    return NULL;

  for (guint i = 0; i < incidents->len; i++)
    {
      SonaeIncident *incident = g_ptr_array_index (incidents, i);

      guint first = out->len;

      g_hash_table_insert (by_id, &incident->id, incident);
      add_ppc (out, stored, incident, &today, today_text);
      add_body_reports (out, store, body_reports, incident, &today, &authorities);
      for (guint j = first; j < out->len; j++)
        ((SonaeReminder *) g_ptr_array_index (out, j))->drill = incident->drill;
    }
  add_actions (out, actions, by_id, &today);
  for (guint i = 0; i < out->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (out, i);

      if (r->drill)
        {
          /* Translators: a reminder that comes from a drill (訓練), e.g.
           * “Drill: 2026-001: the action … was due 1 day ago” */
          char *title = g_strdup_printf (_("Drill: %s"), r->title);

          g_free (r->title);
          r->title = title;
        }
    }

  add_manual_review (out, store, &today);
  add_attention (out, store, &today);
  if (!add_bcp_measures (out, store, &today, error) ||
      !add_restore_tests (out, store, &today, error) ||
      !add_risk_reviews (out, store, &today, error))
    return NULL;
  add_drill (out, store, &today);
  add_bcp_review (out, store, &today);
  if (!add_mhlw_checklist (out, store, &today, today_text, error))
    return NULL;

  g_ptr_array_sort (out, compare_reminders);
  return g_steal_pointer (&out);
}
