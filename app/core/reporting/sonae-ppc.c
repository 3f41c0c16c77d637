/* sonae-ppc.c: must a personal-data leak be reported to the PPC, and by
 * when (the other bodies are sonae-ppc-bodies.c's).
 *
 * The verdict and the dates are worked out from the answers each time
 * (sonae_ppc_assess), never stored: only the answers and the dates things
 * were done are. Every save is one transaction with one REPORT entry in the
 * incident's hash-chained timeline saying what changed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sonae-ppc.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents-private.h"
#include "sonae-incidents.h"
#include "sonae-input.h"
#include "sonae-ppc-private.h"
#include "sonae-store-private.h"

/* The preliminary report is due promptly; the guide of about 3 to 5 days
 * ends on day 5. It has no start. */
#define PRELIMINARY_GUIDE_DAY 5
#define FINAL_DAY 30
#define FINAL_UNLAWFUL_DAY 60

/* --- the conditions ----------------------------------------------------- */

const char *
sonae_ppc_condition_to_string (SonaePpcCondition condition)
{
  switch (condition)
    {
    case SONAE_PPC_CONDITION_SENSITIVE:
      return "sensitive";
    case SONAE_PPC_CONDITION_FINANCIAL:
      return "financial";
    case SONAE_PPC_CONDITION_UNLAWFUL:
      return "unlawful";
    case SONAE_PPC_CONDITION_OVER_1000:
      return "over-1000";
    case SONAE_PPC_N_CONDITIONS:
    default:
      g_return_val_if_reached ("");
    }
}

static gboolean
is_care (SonaeOrgKind kind)
{
  return sonae_org_kind_is_medical (kind);
}

const char *
sonae_ppc_condition_get_question (SonaePpcCondition condition,
                                  SonaeOrgKind      kind)
{
  gboolean care = is_care (kind);

  switch (condition)
    {
    case SONAE_PPC_CONDITION_SENSITIVE:
      return care
        ? _("Could patients’ medical data be among it, such as records, prescriptions or test results?")
        : _("Could sensitive data be among it, such as the health, past illnesses or criminal record of customers or staff?");
    case SONAE_PPC_CONDITION_FINANCIAL:
      return care
        ? _("Could it be misused to cause patients financial damage, such as credit card or bank account numbers, or logins for online payment?")
        : _("Could it be misused to cause customers financial damage, such as credit card or bank account numbers, or logins for online payment?");
    case SONAE_PPC_CONDITION_UNLAWFUL:
      return _("Could someone have done it on purpose, such as unauthorised access, ransomware or theft?");
    case SONAE_PPC_CONDITION_OVER_1000:
      return care
        ? _("Could more than 1,000 patients or other persons be affected?")
        : _("Could more than 1,000 customers or other persons be affected?");
    case SONAE_PPC_N_CONDITIONS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_ppc_condition_get_title (SonaePpcCondition condition)
{
  switch (condition)
    {
    case SONAE_PPC_CONDITION_SENSITIVE:
      return _("Sensitive personal data");
    case SONAE_PPC_CONDITION_FINANCIAL:
      return _("Possible financial damage");
    case SONAE_PPC_CONDITION_UNLAWFUL:
      return _("Unlawful purpose");
    case SONAE_PPC_CONDITION_OVER_1000:
      return _("More than 1,000 persons");
    case SONAE_PPC_N_CONDITIONS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_ppc_condition_get_hint (SonaePpcCondition condition)
{
  switch (condition)
    {
    case SONAE_PPC_CONDITION_SENSITIVE:
    case SONAE_PPC_CONDITION_FINANCIAL:
      return _("One person is enough.");
    case SONAE_PPC_CONDITION_UNLAWFUL:
      return _("One person is enough. Someone inside the organisation taking data out on purpose counts too.");
    case SONAE_PPC_CONDITION_OVER_1000:
      return _("Exactly 1,000 is not enough: it takes 1,001 or more. Count everyone whose data may be concerned.");
    case SONAE_PPC_N_CONDITIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sonae_ppc_get_definitions (void)
{
  return _("Leaked (漏えい): the data left your control, for example sent to the wrong person or seen by an outsider — "
           "not if you got it back before anyone saw it. "
           "Lost (滅失): the data is gone — not if a copy or a backup still holds it. "
           "Damaged (毀損): the data was altered or made unusable, for example encrypted by ransomware — "
           "not if an intact copy exists.");
}

const char *
sonae_ppc_get_persons_note (void)
{
  return _("Notify the persons concerned promptly, as far as the situation allows. "
           "If they cannot be reached, publish a notice instead, for example on your website, and say where to ask.");
}

const char *
sonae_ppc_get_deadline_note (void)
{
  return _("If day 30 or 60 falls on a Saturday, a Sunday, a public holiday or 29 December to 3 January, "
           "the guideline moves the deadline to the next day the offices are open. "
           "Sonae shows the earlier date, to be on the safe side.");
}

const char *
sonae_ppc_get_preliminary_note (void)
{
  return _("The preliminary report is due promptly: send it as soon as you know the main facts, even if much is "
           "still unknown. About 3 to 5 days from the day you learned of it is a guide, not a time to wait for.");
}

const char *
sonae_ppc_get_my_number_note (void)
{
  return _("If My Number data (特定個人情報) is involved, the My Number Act has its own reporting rule with its own "
           "conditions: see the PPC’s guidance on My Number. Check its thresholds before relying on this.");
}

const char *
sonae_ppc_get_delegation_note (SonaeOrgKind kind)
{
  if (is_care (kind))
    return NULL;
  return _("In some sectors the PPC has handed these reports to the ministry that oversees the business. "
           "Check on the PPC’s website whether yours is one, and where to send the report.");
}

const char *
sonae_ppc_get_submission_note (void)
{
  return _("Send the preliminary and the final report through the web form on the PPC’s website. "
           "The PPC’s phone number is its consultation line (weekdays): it does not take reports.");
}

const char *
sonae_ppc_get_learned_note (void)
{
  return _("“Learned of it” means the day anyone in the organisation learned of it, in any department, "
           "not the day the news reached the management.");
}

const char *
sonae_ppc_get_personal_data_question (void)
{
  return _("Did personal data leak, get lost or get damaged, or may it have?");
}

const char *
sonae_ppc_get_acquiring_question (void)
{
  return _("Could personal information you were collecting have been taken on purpose before it reached you?");
}

const char *
sonae_ppc_get_acquiring_hint (void)
{
  return _("For example, a web form or an order page altered to copy what people type into it. "
           "Since April 2024 this must be reported too, even when your own files are untouched.");
}

const char *
sonae_ppc_get_encrypted_statement (void)
{
  return _("All of it was protected by strong encryption, and the key did not leak");
}

const char *
sonae_ppc_get_encrypted_question (void)
{
  return _("Was all of it protected by strong encryption, and did the key not leak?");
}

const char *
sonae_ppc_get_processor_statement (void)
{
  return _("We only process this data for another organisation (委託先)");
}

const char *
sonae_ppc_get_processor_question (void)
{
  return _("Do you only process this data for another organisation (委託先)?");
}

const char *
sonae_ppc_get_processor_hint (SonaeOrgKind kind)
{
  return is_care (kind)
    ? _("For example, a vendor that runs a system for a clinic or a hospital. Then tell that organisation at once: it reports.")
    : _("For example, a vendor that runs a system for another company. Then tell that company at once: it reports.");
}

/* Why the condition applies, to follow "required —". */
static const char *
condition_phrase (SonaePpcCondition condition)
{
  switch (condition)
    {
    case SONAE_PPC_CONDITION_SENSITIVE:
      return _("sensitive personal data, such as data on health or illness, is involved");
    case SONAE_PPC_CONDITION_FINANCIAL:
      return _("the data could be misused to cause financial damage");
    case SONAE_PPC_CONDITION_UNLAWFUL:
      return _("it may have been done with an unlawful purpose");
    case SONAE_PPC_CONDITION_OVER_1000:
      return _("more than 1,000 persons may be affected");
    case SONAE_PPC_N_CONDITIONS:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
verdict_title (SonaePpcVerdict verdict)
{
  switch (verdict)
    {
    case SONAE_PPC_NOT_REQUIRED:
      return _("not required");
    case SONAE_PPC_REQUIRED:
      return _("required");
    case SONAE_PPC_UNDECIDED:
      return _("not decided yet");
    case SONAE_PPC_PRINCIPAL_REPORTS:
      return _("the principal reports");
    default:
      g_return_val_if_reached ("");
    }
}

/* --- the assessment ------------------------------------------------------ */

SonaePpcAssessment *
sonae_ppc_assessment_new (void)
{
  SonaePpcAssessment *assessment = g_new0 (SonaePpcAssessment, 1);

  assessment->personal_data = SONAE_ANSWER_UNKNOWN;
  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    assessment->conditions[i] = SONAE_ANSWER_UNKNOWN;
  return assessment;
}

void
sonae_ppc_assessment_free (SonaePpcAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->learned_on);
  g_free (assessment->principal_notified_on);
  g_free (assessment->preliminary_sent_on);
  g_free (assessment->final_sent_on);
  g_free (assessment->persons_notified_on);
  g_free (assessment->updated_at);
  g_free (assessment->updated_by);
  g_free (assessment);
}

void
sonae_ppc_result_free (SonaePpcResult *result)
{
  if (result == NULL)
    return;
  g_free (result->reason);
  g_free (result->preliminary_guide);
  g_free (result->final_by);
  g_free (result);
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  unsigned y, m, d;

  if (!sonae_date_is_valid (text))
    return FALSE;
  sscanf (text, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

char *
sonae_ppc_day (const char *learned_on,
               guint       n)
{
  GDate date;

  if (n == 0 || !parse_date (learned_on, &date))
    return NULL;
  g_date_add_days (&date, n - 1);
  if (!g_date_valid (&date))
    return NULL;
  return format_date (&date);
}

gboolean
sonae_ppc_is_closed_day (const char *date)
{
  GDate d;
  GDateMonth month;
  GDateDay day;

  if (!parse_date (date, &d))
    return FALSE;
  month = g_date_get_month (&d);
  day = g_date_get_day (&d);
  if ((month == G_DATE_DECEMBER && day >= 29) || (month == G_DATE_JANUARY && day <= 3))
    return TRUE;
  return g_date_get_weekday (&d) == G_DATE_SATURDAY || g_date_get_weekday (&d) == G_DATE_SUNDAY;
}

static int
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

/* The conditions answered @answer, as "a; b" phrases or titles. */
static char *
join_conditions (const SonaePpcAssessment *assessment,
                 SonaeTriageAnswer         answer,
                 gboolean                  titles)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    if (assessment->conditions[i] == answer)
      {
        if (text->len > 0)
          /* Translators: between the conditions of a list */
          g_string_append (text, _("; "));
        g_string_append (text, titles ? sonae_ppc_condition_get_title (i) : condition_phrase (i));
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Required, with @because (owned): a processor that told its principal
 * is released. */
static SonaePpcVerdict
required (const SonaePpcAssessment  *assessment,
          char                      *because,
          char                     **out_because)
{
  *out_because = because;
  if (assessment->processor && assessment->principal_notified_on != NULL)
    return SONAE_PPC_PRINCIPAL_REPORTS;
  return SONAE_PPC_REQUIRED;
}

/* The verdict, and why in a few words (to follow "required —"). In this
 * order: information taken on purpose while it was being collected decides
 * it alone (2024 amendment); then whether the organisation's own personal
 * data leaked, was lost or damaged; strong encryption with the key safe
 * exempts that; then the four conditions. */
static SonaePpcVerdict
decide (const SonaePpcAssessment  *assessment,
        char                     **out_because)
{
  gboolean any_yes = FALSE, any_unknown = FALSE;

  if (assessment->acquiring)
    {
      g_autoptr(GString) because = g_string_new (_("personal information being collected may have been taken on purpose"));
      g_autofree char *others = NULL;

      if (assessment->personal_data == SONAE_ANSWER_YES && !assessment->encrypted)
        {
          SonaePpcAssessment copy = *assessment;

          /* The unlawful purpose is said already. */
          copy.conditions[SONAE_PPC_CONDITION_UNLAWFUL] = SONAE_ANSWER_NO;
          others = join_conditions (&copy, SONAE_ANSWER_YES, FALSE);
        }
      if (others != NULL && *others != '\0')
        {
          /* Translators: between the conditions of a list */
          g_string_append (because, _("; "));
          g_string_append (because, others);
        }
      return required (assessment, g_string_free (g_steal_pointer (&because), FALSE), out_because);
    }
  if (assessment->personal_data == SONAE_ANSWER_NO)
    {
      *out_because = g_strdup (_("no personal data leaked, was lost or was damaged"));
      return SONAE_PPC_NOT_REQUIRED;
    }
  if (assessment->personal_data != SONAE_ANSWER_YES)
    {
      *out_because = g_strdup (_("it is not known yet whether personal data leaked, was lost or was damaged"));
      return SONAE_PPC_UNDECIDED;
    }
  if (assessment->encrypted)
    {
      *out_because = g_strdup (_("all of it was protected by strong encryption and the key did not leak"));
      return SONAE_PPC_NOT_REQUIRED;
    }

  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    {
      any_yes |= assessment->conditions[i] == SONAE_ANSWER_YES;
      any_unknown |= assessment->conditions[i] != SONAE_ANSWER_YES &&
                     assessment->conditions[i] != SONAE_ANSWER_NO;
    }

  if (any_yes)
    return required (assessment, join_conditions (assessment, SONAE_ANSWER_YES, FALSE), out_because);
  if (any_unknown)
    {
      g_autofree char *open = join_conditions (assessment, SONAE_ANSWER_UNKNOWN, TRUE);

      /* Translators: %s lists the conditions still answered "don't know yet" */
      *out_because = g_strdup_printf (_("still to be answered: %s"), open);
      return SONAE_PPC_UNDECIDED;
    }
  *out_because = g_strdup (_("personal data is involved, but none of the four conditions applies"));
  return SONAE_PPC_NOT_REQUIRED;
}

SonaePpcResult *
sonae_ppc_assess (const SonaePpcAssessment *assessment,
                  const char               *today)
{
  g_autoptr(SonaePpcResult) result = NULL;
  g_autofree char *because = NULL;
  g_autofree char *clock_today = NULL;

  g_return_val_if_fail (assessment != NULL, NULL);

  if (!sonae_date_is_valid (today))
    today = clock_today = sonae_clock_today ();

  result = g_new0 (SonaePpcResult, 1);
  result->verdict = decide (assessment, &because);
  result->unlawful = assessment->acquiring ||
                     assessment->conditions[SONAE_PPC_CONDITION_UNLAWFUL] == SONAE_ANSWER_YES;

  switch (result->verdict)
    {
    case SONAE_PPC_NOT_REQUIRED:
      /* Translators: %s says why, e.g. “no personal data leaked, was lost or was damaged” */
      result->reason = g_strdup_printf (_("Reporting to the PPC is not required: %s."), because);
      break;
    case SONAE_PPC_UNDECIDED:
      /* Translators: %s says what is not known yet */
      result->reason = g_strdup_printf (_("Whether to report to the PPC is not decided yet (%s)."), because);
      break;
    case SONAE_PPC_REQUIRED:
      if (assessment->processor)
        /* Translators: %s names the conditions that apply */
        result->reason = g_strdup_printf (_("Report to the PPC and notify the persons: %s. "
                                            "You process the data for another organisation: tell it at once. "
                                            "Once it is told, it reports instead of you."), because);
      else
        /* Translators: %s names the conditions that apply */
        result->reason = g_strdup_printf (_("Report to the PPC and notify the persons: %s."), because);
      break;
    case SONAE_PPC_PRINCIPAL_REPORTS:
      /* Translators: %s names the conditions that apply, then a date */
      result->reason = g_strdup_printf (_("Reporting to the PPC is needed (%s). The organisation you process "
                                          "the data for reports it: you told it on %s."),
                                        because, assessment->principal_notified_on);
      break;
    default:
      g_assert_not_reached ();
    }

  if ((result->verdict == SONAE_PPC_REQUIRED || result->verdict == SONAE_PPC_UNDECIDED) &&
      sonae_date_is_valid (assessment->learned_on))
    {
      const char *learned = assessment->learned_on;

      result->preliminary_guide = sonae_ppc_day (learned, PRELIMINARY_GUIDE_DAY);
      result->final_by = sonae_ppc_day (learned, result->unlawful ? FINAL_UNLAWFUL_DAY : FINAL_DAY);
      if (result->preliminary_guide != NULL)
        result->preliminary_days_left = days_between (today, result->preliminary_guide);
      if (result->final_by != NULL)
        {
          result->final_days_left = days_between (today, result->final_by);
          result->final_moves = sonae_ppc_is_closed_day (result->final_by);
        }
    }
  return g_steal_pointer (&result);
}

gboolean
sonae_ppc_preliminary_is_overdue (const SonaePpcAssessment *assessment,
                                  const SonaePpcResult     *result)
{
  g_return_val_if_fail (assessment != NULL && result != NULL, FALSE);

  return result->verdict == SONAE_PPC_REQUIRED && result->preliminary_guide != NULL &&
         assessment->preliminary_sent_on == NULL && result->preliminary_days_left < 0;
}

/* --- the store: shared checks -------------------------------------------- */

/* NULL for NULL or blank, else the date, checked: real, not after @today,
 * not before @learned_on (when given; @what names it for the message). */
gboolean
sonae_ppc_check_date (const char  *date,
            const char  *today,
            const char  *learned_on,
            const char  *what,
            GError     **error)
{
  if (date == NULL)
    return TRUE;
  if (!sonae_date_check (date, error))
    return FALSE;
  if (strcmp (date, today) > 0)
    {
      /* Translators: the first %s names the date, e.g. “The preliminary report”, the second is the date */
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s: %s is in the future. Enter today or an earlier day."), what, date);
      return FALSE;
    }
  if (learned_on != NULL && strcmp (date, learned_on) < 0)
    {
      /* Translators: the first %s names the date, then the date and the day the organisation learned of it */
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s: %s is before the day the organisation learned of it (%s)."),
                   what, date, learned_on);
      return FALSE;
    }
  return TRUE;
}

char *
sonae_ppc_normalize_date (const char *date)
{
  g_autofree char *copy = NULL;

  if (date == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (date));
  if (*copy == '\0')
    return NULL;
  return g_steal_pointer (&copy);
}

static gboolean
step_done (SonaeStore   *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save the report"));
  return TRUE;
}

/* --- the store: the PPC assessment ---------------------------------------- */

static SonaeTriageAnswer
answer_from_column (sqlite3_stmt *stmt,
                    int           index)
{
  SonaeTriageAnswer answer;

  if (!sonae_triage_answer_from_string ((const char *) sqlite3_column_text (stmt, index), &answer))
    answer = SONAE_ANSWER_UNKNOWN;
  return answer;
}

#define PPC_COLUMNS \
  "personal_data, sensitive, financial, unlawful, over_1000, processor, learned_on, principal_notified_on, " \
  "preliminary_sent_on, final_sent_on, persons_notified_on, updated_at, updated_by, acquiring, encrypted"

/* An assessment from a row of PPC_COLUMNS starting at column @first. */
static SonaePpcAssessment *
assessment_from_row (sqlite3_stmt *stmt,
                     int           first)
{
  SonaePpcAssessment *assessment = sonae_ppc_assessment_new ();

  assessment->personal_data = answer_from_column (stmt, first);
  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    assessment->conditions[i] = answer_from_column (stmt, first + 1 + (int) i);
  assessment->processor = sqlite3_column_int (stmt, first + 5) != 0;
  assessment->learned_on = sonae_column_dup (stmt, first + 6);
  assessment->principal_notified_on = sonae_column_dup (stmt, first + 7);
  assessment->preliminary_sent_on = sonae_column_dup (stmt, first + 8);
  assessment->final_sent_on = sonae_column_dup (stmt, first + 9);
  assessment->persons_notified_on = sonae_column_dup (stmt, first + 10);
  assessment->updated_at = sonae_column_dup (stmt, first + 11);
  assessment->updated_by = sonae_column_dup (stmt, first + 12);
  assessment->acquiring = sqlite3_column_int (stmt, first + 13) != 0;
  assessment->encrypted = sqlite3_column_int (stmt, first + 14) != 0;
  return assessment;
}

SonaePpcAssessment *
sonae_ppc_assessment_new_for_incident (const SonaeIncident *incident)
{
  SonaePpcAssessment *assessment = sonae_ppc_assessment_new ();
  const char *since;

  g_return_val_if_fail (incident != NULL, assessment);

  /* What the person at the PC already said is not asked again: whether
   * personal data is involved, and a ransom demand is an attack, made for
   * an unlawful purpose (one of the four conditions). */
  assessment->personal_data = incident->answers.personal_data;
  if (incident->answers.seen == SONAE_SEEN_RANSOM && incident->answers.personal_data == SONAE_ANSWER_YES)
    assessment->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = SONAE_ANSWER_YES;

  since = incident->detected_at != NULL ? incident->detected_at : incident->created_at;
  if (since != NULL && strlen (since) >= 10)
    {
      g_autofree char *day = g_strndup (since, 10);

      if (sonae_date_is_valid (day))
        assessment->learned_on = g_steal_pointer (&day);
    }
  return assessment;
}

/* The stored assessment, or a new one; *@out_stored tells which. */
static SonaePpcAssessment *
load_ppc (SonaeStore  *self,
          gint64       incident_id,
          gboolean    *out_stored,
          GError     **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  incident = sonae_incidents_get (self, incident_id, error);
  if (incident == NULL)
    return NULL;

  stmt = sonae_store_prepare (self, "SELECT " PPC_COLUMNS " FROM ppc_assessments WHERE incident_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_stored = TRUE;
      return assessment_from_row (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the report"));
      return NULL;
    }
  *out_stored = FALSE;
  return sonae_ppc_assessment_new_for_incident (incident);
}

GHashTable *
sonae_ppc_list_stored (SonaeStore  *self,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) stored = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT incident_id, " PPC_COLUMNS " FROM ppc_assessments", error);
  if (stmt == NULL)
    return NULL;
  stored = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                  (GDestroyNotify) sonae_ppc_assessment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (stored, g_memdup2 (&id, sizeof id), assessment_from_row (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the report"));
      return NULL;
    }
  return g_steal_pointer (&stored);
}

SonaePpcAssessment *
sonae_ppc_get (SonaeStore *self,
               gint64      incident_id,
               GError    **error)
{
  gboolean stored;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return load_ppc (self, incident_id, &stored, error);
}

static gboolean
answers_valid (const SonaePpcAssessment *a)
{
  if ((guint) a->personal_data > SONAE_ANSWER_NO)
    return FALSE;
  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    if ((guint) a->conditions[i] > SONAE_ANSWER_NO)
      return FALSE;
  return TRUE;
}

static void
add_line (GString *text,
          char    *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
  g_free (line);
}

/* A line when the date changed: @set_line (owned) when it is set, else
 * @cleared. */
static void
describe_date (GString    *text,
               const char *old_value,
               const char *new_value,
               char       *set_line,
               const char *cleared)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    g_free (set_line);
  else if (new_value != NULL)
    add_line (text, set_line);
  else
    {
      g_free (set_line);
      add_line (text, g_strdup (cleared));
    }
}

#define OR_EMPTY(s) ((s) != NULL ? (s) : "")

/* What changed from @old to @new, one line each, in the timeline's words. */
static char *
describe_ppc_change (const SonaePpcAssessment *old,
                     const SonaePpcAssessment *new)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean answers_changed = old->personal_data != new->personal_data ||
                             old->processor != new->processor ||
                             old->acquiring != new->acquiring ||
                             old->encrypted != new->encrypted;

  if (old->personal_data != new->personal_data)
    /* Translators: %s is the answer: Yes, No, Don’t know yet */
    add_line (text, g_strdup_printf (_("Personal data leaked, lost or damaged: %s"),
                                     sonae_triage_answer_get_label (new->personal_data)));
  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    if (old->conditions[i] != new->conditions[i])
      {
        answers_changed = TRUE;
        /* Translators: a condition and its answer, e.g. “Unlawful purpose: Yes” */
        add_line (text, g_strdup_printf (_("%s: %s"), sonae_ppc_condition_get_title (i),
                                         sonae_triage_answer_get_label (new->conditions[i])));
      }
  if (old->acquiring != new->acquiring)
    add_line (text, g_strdup (new->acquiring
                              ? _("Personal information being collected may have been taken on purpose before it reached us")
                              : _("No personal information was taken on purpose while it was being collected")));
  if (old->encrypted != new->encrypted)
    add_line (text, g_strdup (new->encrypted
                              ? _("All of the data was protected by strong encryption and the key did not leak")
                              : _("Not sure that all of the data was protected by strong encryption with the key kept safe")));
  if (old->processor != new->processor)
    add_line (text, g_strdup (new->processor
                              ? _("The data is processed for another organisation (as its processor)")
                              : _("The data is not processed for another organisation")));

  describe_date (text, old->learned_on, new->learned_on,
                 g_strdup_printf (_("Day the organisation learned of it: %s"), OR_EMPTY (new->learned_on)),
                 _("The day the organisation learned of it was removed"));
  describe_date (text, old->principal_notified_on, new->principal_notified_on,
                 g_strdup_printf (_("The organisation the data is processed for was told on %s"), OR_EMPTY (new->principal_notified_on)),
                 _("The date the organisation the data is processed for was told was removed"));
  answers_changed |= g_strcmp0 (old->principal_notified_on, new->principal_notified_on) != 0;
  describe_date (text, old->preliminary_sent_on, new->preliminary_sent_on,
                 g_strdup_printf (_("Preliminary report to the PPC recorded as sent on %s"), OR_EMPTY (new->preliminary_sent_on)),
                 _("The date the preliminary report to the PPC was sent was removed"));
  describe_date (text, old->final_sent_on, new->final_sent_on,
                 g_strdup_printf (_("Final report to the PPC recorded as sent on %s"), OR_EMPTY (new->final_sent_on)),
                 _("The date the final report to the PPC was sent was removed"));
  describe_date (text, old->persons_notified_on, new->persons_notified_on,
                 g_strdup_printf (_("The persons were notified on %s"), OR_EMPTY (new->persons_notified_on)),
                 _("The date the persons were notified was removed"));

  if (answers_changed)
    {
      g_autofree char *because = NULL;
      SonaePpcVerdict verdict = decide (new, &because);

      /* Translators: the verdict (required, not required …), then why */
      add_line (text, g_strdup_printf (_("Reporting to the PPC: %s — %s"), verdict_title (verdict), because));
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
sonae_ppc_set (SonaeStore               *self,
               gint64                    incident_id,
               const SonaePpcAssessment *assessment,
               const char               *author,
               GError                  **error)
{
  g_autoptr(SonaePpcAssessment) old = NULL;
  g_autoptr(SonaePpcAssessment) new = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *text = NULL;
  gboolean stored;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);

  /* Check everything first: a mistake changes nothing. */
  if (!answers_valid (assessment))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("An answer about reporting to the PPC is unknown."));
      return FALSE;
    }
  if (!sonae_input_check_author (author, error))
    return FALSE;

  new = sonae_ppc_assessment_new ();
  new->personal_data = assessment->personal_data;
  memcpy (new->conditions, assessment->conditions, sizeof new->conditions);
  new->processor = assessment->processor != FALSE;
  new->acquiring = assessment->acquiring != FALSE;
  new->encrypted = assessment->encrypted != FALSE;
  new->learned_on = sonae_ppc_normalize_date (assessment->learned_on);
  new->principal_notified_on = sonae_ppc_normalize_date (assessment->principal_notified_on);
  new->preliminary_sent_on = sonae_ppc_normalize_date (assessment->preliminary_sent_on);
  new->final_sent_on = sonae_ppc_normalize_date (assessment->final_sent_on);
  new->persons_notified_on = sonae_ppc_normalize_date (assessment->persons_notified_on);
  new->updated_at = g_strdup (now);
  new->updated_by = g_strdup (author);

  if (!sonae_ppc_check_date (new->learned_on, today, NULL,
                   _("The day the organisation learned of it"), error) ||
      !sonae_ppc_check_date (new->principal_notified_on, today, new->learned_on,
                   _("The day the organisation the data is processed for was told"), error) ||
      !sonae_ppc_check_date (new->preliminary_sent_on, today, new->learned_on,
                   _("The preliminary report"), error) ||
      !sonae_ppc_check_date (new->final_sent_on, today, new->learned_on,
                   _("The final report"), error) ||
      !sonae_ppc_check_date (new->persons_notified_on, today, new->learned_on,
                   _("The notification of the persons"), error))
    return FALSE;

  old = load_ppc (self, incident_id, &stored, error);
  if (old == NULL)
    return FALSE;
  text = describe_ppc_change (old, new);
  if (text == NULL)
    return TRUE;   /* nothing changed */

  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self,
                              "INSERT INTO ppc_assessments (incident_id, personal_data, sensitive, financial, "
                              "unlawful, over_1000, processor, learned_on, principal_notified_on, "
                              "preliminary_sent_on, final_sent_on, persons_notified_on, updated_at, updated_by, "
                              "acquiring, encrypted) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
                              "ON CONFLICT (incident_id) DO UPDATE SET personal_data = excluded.personal_data, "
                              "sensitive = excluded.sensitive, financial = excluded.financial, "
                              "unlawful = excluded.unlawful, over_1000 = excluded.over_1000, "
                              "processor = excluded.processor, learned_on = excluded.learned_on, "
                              "principal_notified_on = excluded.principal_notified_on, "
                              "preliminary_sent_on = excluded.preliminary_sent_on, "
                              "final_sent_on = excluded.final_sent_on, "
                              "persons_notified_on = excluded.persons_notified_on, "
                              "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
                              "acquiring = excluded.acquiring, encrypted = excluded.encrypted", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_text (stmt, 2, sonae_triage_answer_to_string (new->personal_data), -1, SQLITE_STATIC);
  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    sqlite3_bind_text (stmt, 3 + (int) i, sonae_triage_answer_to_string (new->conditions[i]), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, new->processor ? 1 : 0);
  sonae_bind_text (stmt, 8, new->learned_on);
  sonae_bind_text (stmt, 9, new->principal_notified_on);
  sonae_bind_text (stmt, 10, new->preliminary_sent_on);
  sonae_bind_text (stmt, 11, new->final_sent_on);
  sonae_bind_text (stmt, 12, new->persons_notified_on);
  sqlite3_bind_text (stmt, 13, new->updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, new->updated_by, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 15, new->acquiring ? 1 : 0);
  sqlite3_bind_int (stmt, 16, new->encrypted ? 1 : 0);
  if (!step_done (self, stmt, error))
    goto fail;
  if (!sonae_incidents_append_timeline_entry (self, incident_id, SONAE_ENTRY_REPORT, NULL, author, text, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}
