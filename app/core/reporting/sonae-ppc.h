/* sonae-ppc.h: must a personal-data leak be reported to the Personal
 * Information Protection Commission (個人情報保護委員会), and by when; and
 * the other bodies to report to at the incident's level, each with the date
 * it was done.
 *
 * The rule (CONTENT.md, "Personal-data leak reporting"): a leak, loss or
 * damage of personal data that happened or may have happened must be
 * reported, and the persons notified, when any of four conditions holds:
 * sensitive data (要配慮個人情報 — medical data is), data whose misuse could
 * cause financial damage, an unlawful purpose (不正の目的: unauthorised
 * access, ransomware, theft), or more than 1,000 persons. A processor
 * (委託先) that notifies its principal is released; the principal reports.
 *
 * Deadlines count from the day the organisation learned of it, that day
 * being day 1 (the conservative reading; VERIFY, shown to the user as
 * "check before relying on it"): the preliminary report (速報) is due
 * promptly, with a target of days 3 to 5; the final report (確報) by day 30,
 * or day 60 when an unlawful purpose is involved. */
#pragma once

#include <glib.h>

#include "sonae-incident.h"
#include "sonae-store.h"
#include "sonae-triage.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_PPC_CONDITION_SENSITIVE,   /* 要配慮個人情報 (medical data) */
  SONAE_PPC_CONDITION_FINANCIAL,   /* misuse could cause financial damage */
  SONAE_PPC_CONDITION_UNLAWFUL,    /* unlawful purpose */
  SONAE_PPC_CONDITION_OVER_1000,   /* more than 1,000 persons */
  SONAE_PPC_N_CONDITIONS,
} SonaePpcCondition;

/* "sensitive", "financial", "unlawful", "over-1000". */
const char *sonae_ppc_condition_to_string    (SonaePpcCondition condition);
/* Translated: the question as a person is asked it, and a short name. */
const char *sonae_ppc_condition_get_question (SonaePpcCondition condition,
                                              SonaeOrgKind      kind);
const char *sonae_ppc_condition_get_title    (SonaePpcCondition condition);

/* What the organisation answered and recorded for one incident. Dates are
 * YYYY-MM-DD or NULL. */
typedef struct {
  SonaeTriageAnswer personal_data;          /* did personal data leak, get lost or damaged (or may it have)? */
  SonaeTriageAnswer conditions[SONAE_PPC_N_CONDITIONS];
  gboolean processor;                       /* the data is processed for someone else (委託先) */
  char *learned_on;                         /* the day the organisation learned of it */
  char *principal_notified_on;              /* processor: the day the principal was told */
  char *preliminary_sent_on;                /* 速報 */
  char *final_sent_on;                      /* 確報 */
  char *persons_notified_on;                /* 本人への通知 */
  char *updated_at;
  char *updated_by;
} SonaePpcAssessment;

SonaePpcAssessment *sonae_ppc_assessment_new  (void);   /* everything unknown */
void                sonae_ppc_assessment_free (SonaePpcAssessment *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaePpcAssessment, sonae_ppc_assessment_free)

typedef enum {
  SONAE_PPC_NOT_REQUIRED,        /* no personal data, or none of the conditions */
  SONAE_PPC_REQUIRED,            /* report and notify the persons */
  SONAE_PPC_UNDECIDED,           /* an answer that decides it is still "not known" */
  SONAE_PPC_PRINCIPAL_REPORTS,   /* a processor that notified its principal */
} SonaePpcVerdict;

typedef struct {
  SonaePpcVerdict verdict;
  char *reason;                  /* translated sentence naming the condition(s) that apply */
  gboolean unlawful;             /* the 60-day final deadline applies */
  /* When REQUIRED (or UNDECIDED with learned_on set: the dates it would
   * have), else NULL: */
  char *preliminary_from;        /* day 3 */
  char *preliminary_by;          /* day 5 */
  char *final_by;                /* day 30 or 60 */
  int preliminary_days_left;     /* to preliminary_by from @today; negative when overdue */
  int final_days_left;
} SonaePpcResult;

void            sonae_ppc_result_free (SonaePpcResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaePpcResult, sonae_ppc_result_free)

/* The answer for @assessment as of @today (YYYY-MM-DD; NULL for
 * sonae_clock_today()). Pure. */
SonaePpcResult *sonae_ppc_assess      (const SonaePpcAssessment *assessment,
                                       const char               *today);
/* Day @n (1 = @learned_on itself) as YYYY-MM-DD. */
char           *sonae_ppc_day         (const char *learned_on,
                                       guint       n);

/* The store. An incident without an assessment gets a new one (all
 * unknown, learned_on the day it was detected). Saving checks the dates
 * (real dates, not in the future, sent not before learned) and records a
 * REPORT entry in the incident's timeline that says what changed. */
SonaePpcAssessment *sonae_ppc_get (SonaeStore *self,
                                   gint64      incident_id,
                                   GError    **error);
/* For many incidents at once (the reminders): every stored assessment in
 * one query, by incident id (a gint64 *); an incident not in it has the
 * assessment sonae_ppc_assessment_new_for_incident() makes, as
 * sonae_ppc_get() gives it. */
GHashTable         *sonae_ppc_list_stored                 (SonaeStore          *self,
                                                           GError             **error);
/* An incident's first assessment: learned on the day it was detected, and
 * what triage was told (personal data; a ransom demand answers the
 * "unlawful purpose" condition when personal data is involved). */
SonaePpcAssessment *sonae_ppc_assessment_new_for_incident (const SonaeIncident *incident);
gboolean            sonae_ppc_set (SonaeStore               *self,
                                   gint64                    incident_id,
                                   const SonaePpcAssessment *assessment,
                                   const char               *author,
                                   GError                  **error);

/* The other bodies to report to at the incident's level (the escalation
 * rule's bodies: police, MHLW, IPA, the prefecture, JPCERT/CC …), each with
 * the date it was done. */
typedef struct {
  char *authority_key;
  gboolean optional;
  char *done_on;                 /* YYYY-MM-DD or NULL */
  char *done_by;
} SonaeBodyReport;

void       sonae_body_report_free     (SonaeBodyReport *report);
/* The PPC's key among the bundled authorities. */
#define SONAE_PPC_AUTHORITY_KEY "ppc"

/* Of SonaeBodyReport, in the escalation rule's order for the incident's
 * current level and the organisation's kind. The PPC is not among them: its
 * reports are the assessment's dates (sonae_ppc_set). */
GPtrArray *sonae_ppc_list_body_reports (SonaeStore *self,
                                        gint64      incident_id,
                                        GError    **error);
/* For many incidents at once (the reminders): the body reports of every
 * incident not closed, by incident id (a gint64 *), each a GPtrArray as
 * sonae_ppc_list_body_reports() gives it. One query reads the incidents'
 * levels and the reports done; the manual and the profile are read once. */
GHashTable *sonae_ppc_list_open_body_reports (SonaeStore  *self,
                                              GError     **error);
/* @done_on NULL clears it. Recorded in the timeline (REPORT). */
gboolean   sonae_ppc_set_body_report   (SonaeStore *self,
                                        gint64      incident_id,
                                        const char *authority_key,
                                        const char *done_on,
                                        const char *author,
                                        GError    **error);

G_END_DECLS
