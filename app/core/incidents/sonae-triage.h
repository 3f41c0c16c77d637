/* sonae-triage.h: from three plain answers to a proposed incident type,
 * damage level and event type, each with the reason in words.
 *
 * The questions are asked the way a receptionist would understand them; the
 * proposal is only a proposal: the person may change any part, and the
 * incident records both (sonae-incident.h). Pure logic, no store. */
#pragma once

#include <glib.h>

#include "sonae-checklist.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* What do you see? */
typedef enum {
  SONAE_SEEN_RANSOM,          /* files will not open and a demand for money appears */
  SONAE_SEEN_LOGIN,           /* cannot log in (account locked, password refused) */
  SONAE_SEEN_SUSPICIOUS_MAIL, /* opened a strange e-mail or attachment */
  SONAE_SEEN_MISSENT_OR_LOST, /* sent data to the wrong person, or lost a device or papers */
  SONAE_SEEN_SYSTEM_DOWN,     /* a system is down or very slow */
  SONAE_SEEN_DATA_CHANGED,    /* a website or data was changed */
  SONAE_SEEN_OTHER,
  SONAE_N_SEEN,
} SonaeTriageSeen;

/* Is personal or patient data involved? */
typedef enum {
  SONAE_ANSWER_UNKNOWN,
  SONAE_ANSWER_YES,
  SONAE_ANSWER_NO,
} SonaeTriageAnswer;

/* Who is affected? (the damage levels of the manual, in plain words) */
typedef enum {
  SONAE_IMPACT_UNKNOWN,       /* not known yet */
  SONAE_IMPACT_NONE,          /* nobody yet: only a sign */
  SONAE_IMPACT_STAFF,         /* staff's own work */
  SONAE_IMPACT_BUSINESS,      /* care / the business is stopped or slowed */
  SONAE_IMPACT_OUTSIDE,       /* patients / customers or partners */
} SonaeTriageImpact;

typedef struct {
  SonaeTriageSeen seen;
  SonaeTriageAnswer personal_data;
  SonaeTriageImpact impact;
} SonaeTriageAnswers;

/* Seed 003's event types (別紙3). */
typedef enum {
  SONAE_EVENT_SIGN,            /* not occurred: a sign or near miss (予兆・ヒヤリハット) */
  SONAE_EVENT_LEAK,            /* confidentiality: information leaked (機密性) */
  SONAE_EVENT_TAMPERING,       /* integrity: destroyed or tampered with (完全性) */
  SONAE_EVENT_UNAVAILABLE,     /* availability: systems cannot be used (可用性) */
  SONAE_EVENT_MALWARE,         /* leading to those: malware infection */
  SONAE_EVENT_MALICIOUS_CODE,  /* leading to those: malicious code run */
  SONAE_EVENT_INTRUSION,       /* leading to those: intrusion into a system */
  SONAE_EVENT_OTHER,
  SONAE_N_EVENT_TYPES,
} SonaeEventType;

/* "sign", "leak", "tampering", "unavailable", "malware", "malicious-code",
 * "intrusion", "other". */
const char *sonae_event_type_to_string   (SonaeEventType  event);
gboolean    sonae_event_type_from_string (const char     *text,
                                          SonaeEventType *out_event);
/* Translated, e.g. “Availability: systems or services cannot be used”. */
const char *sonae_event_type_get_title   (SonaeEventType  event);

/* Translated question texts and answer labels, for the GUI and the paper
 * triage; @kind picks patient or customer wording. */
const char *sonae_triage_seen_get_label    (SonaeTriageSeen   seen,
                                            SonaeOrgKind      kind);
const char *sonae_triage_answer_get_label  (SonaeTriageAnswer answer);
const char *sonae_triage_impact_get_label  (SonaeTriageImpact impact,
                                            SonaeOrgKind      kind);
/* Stable keys for storing answers: "ransom", "login", "suspicious-mail",
 * "missent-or-lost", "system-down", "data-changed", "other"; "unknown",
 * "yes", "no"; "unknown", "none", "staff", "business", "outside". */
const char *sonae_triage_seen_to_string    (SonaeTriageSeen seen);
gboolean    sonae_triage_seen_from_string  (const char *text, SonaeTriageSeen *out);
const char *sonae_triage_answer_to_string  (SonaeTriageAnswer answer);
gboolean    sonae_triage_answer_from_string (const char *text, SonaeTriageAnswer *out);
const char *sonae_triage_impact_to_string  (SonaeTriageImpact impact);
gboolean    sonae_triage_impact_from_string (const char *text, SonaeTriageImpact *out);

typedef struct {
  SonaeIncidentType type;
  char *type_reason;          /* translated sentence */
  int level;                  /* 0..3 */
  char *level_reason;
  SonaeEventType event;
  char *event_reason;
} SonaeTriageProposal;

void sonae_triage_proposal_free (SonaeTriageProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeTriageProposal, sonae_triage_proposal_free)

/* The proposal for @answers in an organisation of @kind. The rules:
 *
 * type: ransom, suspicious mail → virus infection; missent or lost →
 *   leak; system down, data changed, login → tampering/outage; other →
 *   leak when personal data is involved, else other;
 * level (the manual's): personal data involved (yes) in a leak, or in a
 *   ransom or data-changed event (it may have been taken or damaged), or
 *   patients / customers / partners affected → 3; care or the business
 *   stopped or slowed → 2; staff's work → 1; nobody yet → 0; "not known"
 *   answers count towards the higher level where the event itself is
 *   serious (ransom, missent or lost: level 3 while personal data is not
 *   ruled out) and otherwise as level 1, and the reason says so;
 * event (seed 003): ransom → malware infection (leading to unavailable and
 *   possibly leaked data); suspicious mail → malware, or a sign when nobody
 *   is affected yet; missent or lost → leak; system down → unavailable;
 *   data changed → tampering; login → intrusion when data is involved or
 *   anyone is affected, else a sign; other → other.
 *
 * Reasons name the answer they follow from, e.g. “Level 3: patient data
 * may have been taken or damaged.” */
SonaeTriageProposal *sonae_triage_propose (const SonaeTriageAnswers *answers,
                                           SonaeOrgKind              kind);

G_END_DECLS
