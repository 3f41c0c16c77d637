/* sonae-bcp.h: the IT business-continuity plan (IT-BCP), in the five steps
 * of seed 000 (NISC's model): 1 policy and team, 2 crisis events and the
 * damage they would do, 3 the systems and their recovery priority, 4 the
 * plans (prevention measures, training, upkeep), 5 drills and review — with
 * a risk register following seed 003's process (identify, analyse,
 * evaluate, treat, accept; monitor and review) and a readiness self-check
 * drawn from CONTENT.md's BCP facts, whose いいえ answers are measures.
 *
 * Everything is committed as it is saved; people (the vendor of a system,
 * the owner of a measure or a risk) are roster contacts, kept by id without
 * a foreign key, so that purging a contact leaves the plan readable. Every
 * change emits the store's "changed" signal with the detail "bcp". */
#pragma once

#include <glib.h>

#include "sonae-capa.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* A yes / no answer that may not be known yet. */
typedef enum {
  SONAE_BCP_UNKNOWN,
  SONAE_BCP_YES,
  SONAE_BCP_NO,
} SonaeBcpAnswer;

const char *sonae_bcp_answer_to_string   (SonaeBcpAnswer answer);  /* "unknown", "yes", "no" */
gboolean    sonae_bcp_answer_from_string (const char     *text,
                                          SonaeBcpAnswer *out_answer);

/* ---- 1. Policy and team, 4. the written plans ---------------------- */

typedef enum {
  SONAE_BCP_TEXT_POLICY,      /* 基本方針: what the organisation keeps doing whatever the IT state */
  SONAE_BCP_TEXT_ALIGNMENT,   /* how this fits the organisation's existing business BCP */
  SONAE_BCP_TEXT_TRAINING,    /* 教育訓練計画: who is trained on what, how often */
  SONAE_BCP_TEXT_UPKEEP,      /* 維持改善計画: when and how the plan is reviewed */
  SONAE_BCP_N_TEXTS,
} SonaeBcpText;

const char *sonae_bcp_text_to_string  (SonaeBcpText text);    /* "policy", "alignment", "training", "upkeep" */
const char *sonae_bcp_text_get_title  (SonaeBcpText text);    /* translated, e.g. “Basic policy” */
/* A translated sentence saying what to write there (a placeholder), with
 * an example in the words of an organisation of @kind. */
const char *sonae_bcp_text_get_hint   (SonaeBcpText text,
                                       SonaeOrgKind kind);

/* Newly allocated; NULL when never written. */
char     *sonae_bcp_get_text (SonaeStore  *self,
                              SonaeBcpText text,
                              GError     **error);
/* @value NULL or blank forgets it. At most SONAE_INCIDENT_MAX_TEXT bytes,
 * valid UTF-8. */
gboolean  sonae_bcp_set_text (SonaeStore  *self,
                              SonaeBcpText text,
                              const char  *value,
                              GError     **error);

/* Who decides: a role of the manual (sonae-role.h), whose holders are
 * looked up in the roster when shown or printed. */
typedef enum {
  SONAE_BCP_DECIDE_DECLARE,   /* to declare an emergency (IT-BCP発動) */
  SONAE_BCP_DECIDE_RETURN,    /* to return to normal work (平常復帰) */
  SONAE_BCP_N_DECISIONS,
} SonaeBcpDecision;

const char *sonae_bcp_decision_to_string (SonaeBcpDecision decision);  /* "declare", "return" */
const char *sonae_bcp_decision_get_title (SonaeBcpDecision decision);  /* translated */
/* The role key; SONAE_ROLE_TOP until set. Newly allocated. */
char       *sonae_bcp_get_decider        (SonaeStore      *self,
                                          SonaeBcpDecision decision);
/* @role_key must be one of the bundled roles (SONAE_ERROR_INVALID otherwise). */
gboolean    sonae_bcp_set_decider        (SonaeStore      *self,
                                          SonaeBcpDecision decision,
                                          const char      *role_key,
                                          GError         **error);

/* Upkeep: the plan is read again and confirmed at least once a year. */
#define SONAE_BCP_REVIEW_DAYS 365
/* Record a review on @date (YYYY-MM-DD, not in the future; NULL for today)
 * by @by (required). */
gboolean sonae_bcp_mark_reviewed   (SonaeStore *self,
                                    const char *date,
                                    const char *by,
                                    GError    **error);
/* The last review: TRUE with newly allocated date and name, FALSE (both
 * NULL) when the plan was never reviewed. */
gboolean sonae_bcp_get_last_review (SonaeStore *self,
                                    char      **out_date,
                                    char      **out_by);
/* TRUE when anything of the plan was written (a text, an event, a system,
 * a measure, a drill, a risk or a self-check answer). */
gboolean sonae_bcp_is_started      (SonaeStore  *self);

/* ---- 2. Crisis events and the damage they would do ------------------ */

typedef struct {
  gint64 id;
  char *title;          /* e.g. “Ransomware encrypts the server” (required) */
  char *stops;          /* what it would stop: work, systems */
  char *damage;         /* the damage assumed (how long, how many patients) */
  int position;         /* order in the worksheet, from 0 */
} SonaeBcpEvent;

SonaeBcpEvent *sonae_bcp_event_new  (void);
void           sonae_bcp_event_free (SonaeBcpEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBcpEvent, sonae_bcp_event_free)

/* Of SonaeBcpEvent, by position. */
GPtrArray *sonae_bcp_list_events      (SonaeStore *self,
                                       GError    **error);
/* Insert (id == 0: at the end, id and position set) or update. */
gboolean   sonae_bcp_save_event       (SonaeStore    *self,
                                       SonaeBcpEvent *event,
                                       GError       **error);
gboolean   sonae_bcp_delete_event     (SonaeStore *self,
                                       gint64      id,
                                       GError    **error);
/* Add the usual events of an organisation of the store's kind, translated,
 * each with what it stops: for a clinic or a hospital ransomware, the
 * medical-record system down, network down, a power cut, an earthquake /
 * fire / flood, a vendor out of reach, staff unable to reach each other, a
 * device that misbehaves; for a business the same with its business
 * systems, shared files and web site. Those whose title is already there
 * are skipped. Returns how many were added, -1 on error. */
int        sonae_bcp_add_usual_events (SonaeStore *self,
                                       GError    **error);

/* ---- 3. Systems and their recovery ---------------------------------- */

typedef struct {
  gint64 id;
  char *name;                 /* required, unique (case-insensitive) */
  char *purpose;              /* what it is for */
  gint64 vendor_id;           /* the vendor: a roster contact, 0 for none */
  char *vendor_name;          /* read: the contact's name, NULL if none or deleted */
  char *contract_no;          /* the support contract's number */
  gint64 owner_id;            /* who looks after it here (担当), 0 for none */
  char *owner_name;           /* read */
  int recovery_order;         /* 1 comes back first; 0 not set */
  int rto_hours;              /* target time to recover; -1 not set */
  int rpo_hours;              /* data that may be lost, in hours of work; -1 not set */
  char *backup_method;        /* e.g. “nightly copy to an external disk” */
  char *backup_frequency;     /* e.g. “every night at 22:00” */
  int backup_generations;     /* how many copies back; -1 not set */
  SonaeBcpAnswer backup_offline;  /* one copy kept off the network */
  char *backup_location;      /* where the copies are */
  char *restore_tested_on;    /* the last restore test, YYYY-MM-DD, or NULL */
  int restore_test_days;      /* the plan: a restore test every N days; 0 none planned */
  char *fallback;             /* how work goes on without it (paper charts, slips, a read-only copy) */
  char *forms_location;       /* where the paper forms and the read-only copy are */
  char *first_steps;          /* what to do first when it stops (the outage card) */
  char *created_at;
  char *updated_at;
} SonaeBcpSystem;

SonaeBcpSystem *sonae_bcp_system_new  (void);   /* numbers not set, answer unknown */
void            sonae_bcp_system_free (SonaeBcpSystem *system);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBcpSystem, sonae_bcp_system_free)

/* Of SonaeBcpSystem, by recovery order (not set last), then name. */
GPtrArray      *sonae_bcp_list_systems                (SonaeStore *self,
                                                       GError    **error);
SonaeBcpSystem *sonae_bcp_get_system                  (SonaeStore *self,
                                                       gint64      id,
                                                       GError    **error);
/* By name, ignoring case and the white space around it, or by id written
 * in digits; SONAE_ERROR_NOT_FOUND naming what was asked for. */
SonaeBcpSystem *sonae_bcp_find_system                 (SonaeStore *self,
                                                       const char *name_or_id,
                                                       GError    **error);
/* Insert (id == 0; id and created_at are set) or update. Refused with
 * SONAE_ERROR_INVALID (and nothing changed): a blank name or one another
 * system has (SONAE_ERROR_EXISTS), a name over 200 bytes or on two lines,
 * texts over SONAE_INCIDENT_MAX_TEXT or not UTF-8, a recovery order, RTO
 * or RPO outside 0–9999 (or -1), generations outside 0–999 (or -1), a
 * restore-test plan outside 0–3650 days, a restore test date that is not
 * a real date or lies in the future. */
gboolean        sonae_bcp_save_system                 (SonaeStore     *self,
                                                       SonaeBcpSystem *system,
                                                       GError        **error);
gboolean        sonae_bcp_delete_system               (SonaeStore *self,
                                                       gint64      id,
                                                       GError    **error);
/* A restore was tried and worked on @date (NULL for today). */
gboolean        sonae_bcp_record_restore_test         (SonaeStore *self,
                                                       gint64      system_id,
                                                       const char *date,
                                                       GError    **error);
/* The day the next restore test is due (newly allocated YYYY-MM-DD), or
 * NULL when none is planned or none was ever done. */
char           *sonae_bcp_system_next_restore_test    (const SonaeBcpSystem *system);
/* TRUE when @system's restore test is overdue: its next one was due before
 * today, or one is planned and none was ever done. The day it was due, when
 * there is one, in *@out_due (newly allocated; may be NULL). */
gboolean        sonae_bcp_system_restore_test_overdue (const SonaeBcpSystem *system,
                                                       char                **out_due);

/* ---- 4. Prevention measures ----------------------------------------- */

typedef struct {
  gint64 id;                 /* 0 for one derived from a self-check answer */
  char *text;                /* what is to be done (required) */
  gint64 owner_id;           /* a roster contact, 0 for none */
  char *owner_name;          /* read */
  char *due_on;              /* YYYY-MM-DD or NULL */
  SonaeCapaStatus status;  /* open, done, dropped (as an incident's actions) */
  char *done_on;             /* DONE or DROPPED: when */
  gint64 drill_id;           /* found by this drill, 0 for none */
  gint64 risk_id;            /* treats this risk, 0 for none */
  char *check_key;           /* derived: the self-check question answered いいえ (read-only) */
  char *mhlw_key;            /* derived: the MHLW checklist's item answered いいえ (read-only,
                              * sonae-mhlw.h) */
  char *created_at;
  char *updated_at;
} SonaeBcpMeasure;

SonaeBcpMeasure *sonae_bcp_measure_new  (void);
void             sonae_bcp_measure_free (SonaeBcpMeasure *measure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBcpMeasure, sonae_bcp_measure_free)

/* Every measure of the plan, the stored ones and one for each self-check
 * question answered いいえ (text: the check's measure, due: its target
 * date, owner: its owner), and likewise one for each item of the MHLW
 * checklist answered いいえ (sonae_mhlw_list_measures): open ones first by
 * due date (none last), then done and dropped ones, newest first. */
GPtrArray *sonae_bcp_list_measures       (SonaeStore *self,
                                          GError    **error);
/* The stored measures found by one drill, in the order they were added. */
GPtrArray *sonae_bcp_list_drill_measures (SonaeStore *self,
                                          gint64      drill_id,
                                          GError    **error);
/* Insert (id == 0) or update text, owner, due date, drill and risk.
 * Refused: a blank text, a due date that is not a real date, an unknown
 * drill or risk. A derived measure (check_key or mhlw_key set) cannot be
 * saved: answer its question instead (SONAE_ERROR_INVALID). */
gboolean   sonae_bcp_save_measure        (SonaeStore      *self,
                                          SonaeBcpMeasure *measure,
                                          GError         **error);
/* Open, done or dropped on @date (NULL for today; not in the future). */
gboolean   sonae_bcp_set_measure_status  (SonaeStore     *self,
                                          gint64          id,
                                          SonaeCapaStatus status,
                                          const char     *date,
                                          GError        **error);
gboolean   sonae_bcp_delete_measure      (SonaeStore *self,
                                          gint64      id,
                                          GError    **error);

/* ---- 5. Drills ------------------------------------------------------ */

/* A drill is due once a year. */
#define SONAE_BCP_DRILL_DAYS 365

typedef struct {
  gint64 id;
  char *held_on;             /* YYYY-MM-DD (required, not in the future) */
  char *scenario;            /* what was practised (required) */
  char *participants;        /* who took part */
  char *findings;            /* what went well, what did not */
  gint64 incident_id;        /* the drill incident recorded during it, 0 for none */
  char *incident_number;     /* read: its number (“2026-001”), NULL if none */
  char *created_at;
  char *updated_at;
} SonaeBcpDrill;

SonaeBcpDrill *sonae_bcp_drill_new  (void);
void           sonae_bcp_drill_free (SonaeBcpDrill *drill);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBcpDrill, sonae_bcp_drill_free)

/* Of SonaeBcpDrill, newest first. */
GPtrArray     *sonae_bcp_list_drills         (SonaeStore *self,
                                              GError    **error);
SonaeBcpDrill *sonae_bcp_get_drill           (SonaeStore *self,
                                              gint64      id,
                                              GError    **error);
/* Insert (id == 0) or update. The linked incident must exist and be a
 * drill (SONAE_ERROR_INVALID for a real incident: a drill record never
 * points at the real thing). */
gboolean       sonae_bcp_save_drill          (SonaeStore    *self,
                                              SonaeBcpDrill *drill,
                                              GError       **error);
/* Its measures stay, no longer linked to it. */
gboolean       sonae_bcp_delete_drill        (SonaeStore *self,
                                              gint64      id,
                                              GError    **error);
/* The date of the last drill (newly allocated), NULL when none. */
char          *sonae_bcp_get_last_drill_date (SonaeStore *self);

/* ---- Risk register (seed 003, JIS Q 31000) -------------------------- */

typedef enum {
  SONAE_RISK_REDUCE,     /* 低減: measures make it less likely or less harmful */
  SONAE_RISK_AVOID,      /* 回避: stop doing what causes it */
  SONAE_RISK_TRANSFER,   /* 移転: insurance, a contract */
  SONAE_RISK_ACCEPT,     /* 保有: accept it as it is */
  SONAE_N_RISK_TREATMENTS,
} SonaeRiskTreatment;

const char *sonae_risk_treatment_to_string   (SonaeRiskTreatment t);  /* "reduce", "avoid", "transfer", "accept" */
gboolean    sonae_risk_treatment_from_string (const char         *text,
                                              SonaeRiskTreatment *out);
const char *sonae_risk_treatment_get_title   (SonaeRiskTreatment t);  /* translated */

/* Likelihood and impact are 1 (low) to 3 (high); the level is their
 * product, 1–9: low 1–2, medium 3–4, high 6–9. */
typedef enum {
  SONAE_RISK_LOW,
  SONAE_RISK_MEDIUM,
  SONAE_RISK_HIGH,
} SonaeRiskLevel;

SonaeRiskLevel sonae_risk_level          (int likelihood,
                                          int impact);
const char    *sonae_risk_level_get_title (SonaeRiskLevel level);       /* translated: 高 / 中 / 低 */
/* Translated name of a likelihood or impact of 1–3 (“Rare”, “Possible”,
 * “Likely”; “Minor”, “Serious”, “Severe”). */
const char    *sonae_risk_likelihood_get_title (int likelihood);
const char    *sonae_risk_impact_get_title     (int impact);

typedef struct {
  gint64 id;
  char *risk;                /* identified: what could happen and why (required) */
  int likelihood;            /* analysed: 1–3 */
  int impact;                /* analysed: 1–3 */
  SonaeRiskTreatment treatment;
  char *treatment_text;      /* how it is treated */
  gint64 owner_id;           /* a roster contact, 0 for none */
  char *owner_name;          /* read */
  char *accepted_by;         /* who accepted what remains, NULL until accepted */
  char *accepted_on;         /* YYYY-MM-DD */
  char *next_review_on;      /* monitoring and review: YYYY-MM-DD or NULL */
  char *created_at;
  char *updated_at;
} SonaeBcpRisk;

SonaeBcpRisk *sonae_bcp_risk_new  (void);   /* likelihood and impact 2, reduce */
void          sonae_bcp_risk_free (SonaeBcpRisk *risk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBcpRisk, sonae_bcp_risk_free)

/* Of SonaeBcpRisk, highest level first, then by next review. */
GPtrArray    *sonae_bcp_list_risks  (SonaeStore *self,
                                     GError    **error);
SonaeBcpRisk *sonae_bcp_get_risk    (SonaeStore *self,
                                     gint64      id,
                                     GError    **error);
/* Insert (id == 0) or update. Refused: a blank risk, likelihood or impact
 * outside 1–3, a date that is not real, an acceptance date in the future
 * or one without a name. */
gboolean      sonae_bcp_save_risk   (SonaeStore   *self,
                                     SonaeBcpRisk *risk,
                                     GError      **error);
/* Measures treating it stay, no longer linked. */
gboolean      sonae_bcp_delete_risk (SonaeStore *self,
                                     gint64      id,
                                     GError    **error);

/* ---- Readiness self-check ------------------------------------------- */

/* The bundled questions, in order (untranslated English source; use the
 * getters below for the translated text in an organisation's words). */
typedef struct {
  const char *key;           /* stable, e.g. "offline-backup" */
  const char *step;          /* the IT-BCP step it belongs to: "1"–"5" */
  const char *question;      /* “Is one backup copy kept off the network?” */
  const char *measure;       /* what to do when the answer is いいえ */
  const char *business_question;  /* a business's (and a pharmacy's) words, */
  const char *business_measure;   /* or NULL when they are the same */
} SonaeBcpCheckInfo;

const SonaeBcpCheckInfo *sonae_bcp_checks_get         (guint        *n_checks);
const SonaeBcpCheckInfo *sonae_bcp_check_lookup       (const char   *key);
/* Translated, in the words of an organisation of @kind. */
const char              *sonae_bcp_check_get_question (const char   *key,
                                                       SonaeOrgKind  kind);
const char              *sonae_bcp_check_get_measure  (const char   *key,
                                                       SonaeOrgKind  kind);

typedef struct {
  char *key;
  SonaeBcpAnswer answer;
  char *target_on;           /* for いいえ: when it will be put right, or NULL */
  gint64 owner_id;           /* for いいえ: who puts it right, 0 for none */
  char *owner_name;          /* read */
  char *updated_at;          /* NULL when never answered */
} SonaeBcpCheckAnswer;

void sonae_bcp_check_answer_free (SonaeBcpCheckAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBcpCheckAnswer, sonae_bcp_check_answer_free)

/* One SonaeBcpCheckAnswer for every bundled question, in order
 * (unanswered ones are UNKNOWN). */
GPtrArray *sonae_bcp_list_checks (SonaeStore *self,
                                  GError    **error);
/* Answer a question. @target_on (a real date, may be in the past) and
 * @owner_id are kept only with SONAE_BCP_NO. An unknown key is refused. */
gboolean   sonae_bcp_set_check   (SonaeStore    *self,
                                  const char    *key,
                                  SonaeBcpAnswer answer,
                                  const char    *target_on,
                                  gint64         owner_id,
                                  GError       **error);

/* ---- The worksheets ----------------------------------------------------- */

/* The worksheets in the order of the plan: "policy", "events", "systems",
 * "plans", "drills", "risks", "check"; NULL-terminated. */
const char *const *sonae_bcp_get_worksheets (void);
/* Where worksheet @name stands, as a short translated phrase for its place
 * in a list (“Not written yet”, “5 systems · restore tests due”), or NULL for
 * an unknown name. */
char      *sonae_bcp_get_worksheet_status (SonaeStore  *store,
                                           const char  *name);

G_END_DECLS
