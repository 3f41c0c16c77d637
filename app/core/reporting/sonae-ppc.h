/* sonae-ppc.h: must a personal-data leak be reported to the Personal
 * Information Protection Commission (個人情報保護委員会), and by when; and
 * the other bodies to report to (sonae-ppc-bodies.h).
 *
 * The rule (CONTENT.md, "Reporting to the PPC"; APPI rules art. 7–10): a
 * leak, loss or damage (漏えい・滅失・毀損) of personal data that happened or
 * may have happened must be reported, and the persons notified, when any of
 * four conditions holds: sensitive data (要配慮個人情報 — medical data is),
 * data whose misuse could cause financial damage, an unlawful purpose
 * (不正の目的: unauthorised access, ransomware, theft), or more than 1,000
 * persons (exactly 1,000 is not enough). The first three apply from one
 * person. Since 2024-04-01 the unlawful-purpose case also covers personal
 * information the organisation was collecting, or about to collect, taken on
 * purpose before it reached its files (a skimmed web form): that alone makes
 * the report required. Data protected by strong encryption whose key did
 * not leak is exempt; unsure counts as not protected. A processor (委託先)
 * that notifies its principal is released; the principal reports. My Number
 * (特定個人情報) has its own rule, pointed to separately
 * (sonae_ppc_get_my_number_note) and never folded into these four.
 *
 * Deadlines count from the day the organisation learned of it, that day
 * being day 1 (PPC practice; VERIFY, shown to the user as "check before
 * relying on it"). The preliminary report (速報) is due promptly (速やかに):
 * about 3 to 5 days is a guide, never a window to wait for, so no start date
 * is given, only the end of the guide. The final report (確報) is due by day
 * 30, or day 60 when an unlawful purpose is involved; when that day falls on
 * a weekend, a holiday or 29 December–3 January, the guideline moves it to
 * the next open day: Sonae shows the earlier date and says so. */
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

/* A few words more under a condition's question (e.g. that exactly 1,000
 * persons is not enough), translated; NULL when there is nothing to add. */
const char *sonae_ppc_condition_get_hint     (SonaePpcCondition condition);

/* What the organisation answered and recorded for one incident. Dates are
 * YYYY-MM-DD or NULL. */
typedef struct {
  SonaeTriageAnswer personal_data;          /* did personal data leak, get lost or damaged (or may it have)? */
  SonaeTriageAnswer conditions[SONAE_PPC_N_CONDITIONS];
  gboolean acquiring;                       /* personal information being collected was (or may have been)
                                             * taken on purpose before it reached us (2024 amendment) */
  gboolean encrypted;                       /* all of it was protected by strong encryption and the key
                                             * did not leak (exempt); FALSE when unsure */
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
   * have), else NULL. The preliminary report is due promptly: its date is
   * only where the guide of about 3 to 5 days ends, never a start. */
  char *preliminary_guide;       /* day 5 */
  char *final_by;                /* day 30 or 60, as counted (before any move) */
  int preliminary_days_left;     /* to preliminary_guide from @today; negative once past it */
  int final_days_left;
  gboolean final_moves;          /* final_by is a Saturday, a Sunday or in 29 Dec–3 Jan: the
                                  * guideline moves it to the next open day (holidays are not
                                  * known to Sonae: sonae_ppc_get_deadline_note says so) */
} SonaePpcResult;

void            sonae_ppc_result_free (SonaePpcResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaePpcResult, sonae_ppc_result_free)

/* The answer for @assessment as of @today (YYYY-MM-DD; NULL for
 * sonae_clock_today()). Pure. */
SonaePpcResult *sonae_ppc_assess      (const SonaePpcAssessment *assessment,
                                       const char               *today);
/* Whether the preliminary report (速報) is overdue: the report is
 * required, the guide of about 3 to 5 days has passed and no preliminary
 * report is recorded as sent. */
gboolean        sonae_ppc_preliminary_is_overdue (const SonaePpcAssessment *assessment,
                                                  const SonaePpcResult     *result);
/* Day @n (1 = @learned_on itself) as YYYY-MM-DD. */
char           *sonae_ppc_day         (const char *learned_on,
                                       guint       n);
/* Whether @date (YYYY-MM-DD) is a Saturday, a Sunday or in 29 December–3
 * January, when the PPC is closed. Public holidays are not known. */
gboolean        sonae_ppc_is_closed_day (const char *date);

/* Sentences shown where the questions are answered and the dates shown,
 * translated. What counts as a leak, a loss and damage, with the
 * exceptions; */
const char     *sonae_ppc_get_definitions   (void);
/* the notice to the persons (本人通知) and when; */
const char     *sonae_ppc_get_persons_note  (void);
/* how the final deadline moves off weekends, holidays and the New Year; */
const char     *sonae_ppc_get_deadline_note (void);
/* the preliminary report: promptly, and what the guide of days is; */
const char     *sonae_ppc_get_preliminary_note (void);
/* My Number's own rule (VERIFY); */
const char     *sonae_ppc_get_my_number_note (void);
/* for a business, that its ministry may take the report instead
 * (権限の委任); NULL for clinics, hospitals and pharmacies. */
const char     *sonae_ppc_get_delegation_note (SonaeOrgKind kind);
/* how a report is sent: the PPC's web form (its phone is a consultation
 * line, not a way to report); */
const char     *sonae_ppc_get_submission_note (void);
/* that "learned of it" means any part of the organisation learned of it. */
const char     *sonae_ppc_get_learned_note (void);

/* The questions asked besides the four conditions, translated, as the
 * window asks them and the paper prints them: whether personal data
 * leaked, was lost or damaged, or may have; */
const char     *sonae_ppc_get_personal_data_question (void);
/* whether personal information being collected was taken on purpose
 * before it reached the organisation (2024 amendment), and an example; */
const char     *sonae_ppc_get_acquiring_question     (void);
const char     *sonae_ppc_get_acquiring_hint         (void);
/* the encryption exemption, as a statement to switch on when sure and
 * as a question; */
const char     *sonae_ppc_get_encrypted_statement    (void);
const char     *sonae_ppc_get_encrypted_question     (void);
/* the processor (委託先), as a statement and as a question, and what it
 * then does, worded for @kind. */
const char     *sonae_ppc_get_processor_statement    (void);
const char     *sonae_ppc_get_processor_question     (void);
const char     *sonae_ppc_get_processor_hint         (SonaeOrgKind kind);

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

/* The PPC's key among the bundled authorities. The other bodies, and the
 * dates they were told, are sonae-ppc-bodies.h's. */
#define SONAE_PPC_AUTHORITY_KEY "ppc"

G_END_DECLS
