/* sonae-incident.h: an incident, its checklist run and its timeline.
 *
 * An incident is numbered YYYY-NNN (the year it was detected, then the next
 * number of that year). Its state (details, status, type, level, event type,
 * which checklist steps are done, the values of the steps' fields) is kept
 * in the database and changed only through the functions below; every
 * change is one transaction together with the timeline entry that records
 * it, so the timeline always tells how the state came about.
 *
 * The timeline is append-only: an entry is never edited or deleted; a
 * correction is a new entry that refers to the old one, which is then shown
 * struck through. Each entry stores the SHA-256 of the entry before it and
 * its own hash over its content (sonae_incidents_verify_timeline says whether
                                  * anything was changed, removed or added behind Sonae's back).
 *
 * Times are local ISO 8601 strings "YYYY-MM-DDTHH:MM:SS" (seconds may be
 * "00" when a person typed the time). An entry entered later from paper
 * keeps the time written on paper in "at" and the time it was typed in, in
 * "recorded_at", and is marked back_entered.
 *
 * The store emits "changed" with the detail "incidents" after each change. */
#pragma once

#include <glib.h>

#include "sonae-checklist.h"
#include "sonae-input.h"
#include "sonae-store.h"
#include "sonae-triage.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_STATUS_ACTIVE,      /* 対応中 */
  SONAE_STATUS_CONTAINED,   /* 封じ込め */
  SONAE_STATUS_RECOVERING,  /* 復旧 */
  SONAE_STATUS_CLOSED,      /* 完了 */
  SONAE_N_STATUSES,
} SonaeIncidentStatus;

/* "active", "contained", "recovering", "closed". */
const char *sonae_incident_status_to_string   (SonaeIncidentStatus  status);
gboolean    sonae_incident_status_from_string (const char          *text,
                                               SonaeIncidentStatus *out_status);
const char *sonae_incident_status_get_title   (SonaeIncidentStatus  status);  /* translated */
/* Translated “Level 3”, … */
char       *sonae_incident_level_get_title    (int level);

/* A checklist step's state in one incident: open, done, or found not to
 * apply (a cable check after a fax went to the wrong number). Settled
 * either way, done_at and done_by say when and by whom. */
typedef struct {
  char *step_id;
  gboolean done;
  gboolean not_applicable;  /* marked as not applicable (never also done) */
  char *done_at;         /* when it was done or marked (the paper time when back-entered) */
  char *done_by;
  gboolean back_entered;
} SonaeStepState;

typedef struct {
  gint64 id;
  char *number;                  /* "2026-001" */
  char *title;
  SonaeIncidentStatus status;
  gboolean drill;                /* 訓練: shown as such everywhere, no real reminders */
  char *detected_at;             /* may be NULL */
  char *found_by;                /* may be NULL, as the details below */
  char *location;                /* where: department, device number */
  char *system;
  char *network;
  SonaeIncidentType type;        /* SONAE_INCIDENT_OTHER too */
  int level;                     /* 0..3 */
  SonaeEventType event;
  SonaeTriageAnswers answers;    /* what triage was told */
  char *created_at;
  char *created_by;
  char *closed_at;               /* NULL unless closed */
  GHashTable *steps;             /* step id → SonaeStepState */
  GHashTable *fields;            /* "step-id/field-id" → value (char *) */
} SonaeIncident;

SonaeIncident *sonae_incident_new  (void);   /* empty, for sonae_incidents_create */
void           sonae_incident_free (SonaeIncident *incident);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeIncident, sonae_incident_free)

/* A detail by its SONAE_INCIDENT_DETAIL_* name; NULL when unset or unknown. */
const char *sonae_incident_get_detail      (const SonaeIncident *incident,
                                            const char          *detail);
/* The value of a checklist field: the incident's detail when the field is
 * bound to one, else the stored value; NULL when empty. */
const char *sonae_incident_get_field_value (const SonaeIncident       *incident,
                                            const SonaeChecklistStep  *step,
                                            const SonaeChecklistField *field);
/* Whether @step_id is done, and its state (NULL when never touched). */
const SonaeStepState *sonae_incident_get_step_state (const SonaeIncident *incident,
                                                     const char          *step_id);
/* Done and total steps of @phase for this incident; a step marked not
 * applicable counts in neither. */
void        sonae_incident_get_progress    (const SonaeIncident       *incident,
                                            const SonaeChecklistPhase *phase,
                                            guint                     *out_done,
                                            guint                     *out_total);
/* How many steps of @phase are marked not applicable. */
guint       sonae_incident_count_not_applicable (const SonaeIncident       *incident,
                                                 const SonaeChecklistPhase *phase);

/* The checklist @incident is worked through (sonae_checklist_for_incident
 * with the store's organisation kind, the incident's type and level, and
 * for a business the organisation's manual: @manual, the bundled one or
 * NULL to load it, with the edits kept in @store). */
SonaeChecklist *sonae_incident_get_checklist (const SonaeIncident *incident,
                                              SonaeStore          *store,
                                              SonaeManual         *manual,
                                              GError             **error);

/* Parse a time a person typed ("2026-11-21 14:05", "2026-11-21T14:05",
 * "2026/11/21 14:05", with or without seconds) into "YYYY-MM-DDTHH:MM:SS".
 * Impossible dates and times are refused with SONAE_ERROR_INVALID and a
 * sentence saying what is wrong. */
char       *sonae_datetime_parse           (const char  *text,
                                            GError     **error);
/* How a stored time is shown: "2026-11-21 14:05" (no seconds). */
char       *sonae_datetime_format          (const char  *stored);

/* ---- timeline ---------------------------------------------------------- */

typedef enum {
  SONAE_ENTRY_OPENED,      /* the incident was started: triage's answers and proposal */
  SONAE_ENTRY_NOTE,        /* a free note */
  SONAE_ENTRY_CHECK,       /* a checklist step done */
  SONAE_ENTRY_UNCHECK,     /* a step marked not done again */
  SONAE_ENTRY_FIELD,       /* a field of a step that was already done, changed */
  SONAE_ENTRY_CALL,        /* a call, with its outcome */
  SONAE_ENTRY_STATUS,      /* old_value → new_value: status keys */
  SONAE_ENTRY_LEVEL,       /* "0".."3" */
  SONAE_ENTRY_TYPE,        /* incident kind keys */
  SONAE_ENTRY_EVENT,       /* event type keys */
  SONAE_ENTRY_DETAIL,      /* field: a SONAE_INCIDENT_DETAIL_* */
  SONAE_ENTRY_CORRECTION,  /* corrects: the entry it corrects; text: the correction */
  SONAE_ENTRY_REPORT,      /* reporting to the PPC or another body (sonae-ppc.h); text says what */
  SONAE_ENTRY_ACTION,      /* an action added, changed, done, dropped (sonae-capa.h); text says what */
  SONAE_ENTRY_NOT_APPLICABLE, /* a checklist step marked as not applicable */
  SONAE_ENTRY_APPLICABLE,  /* a step marked not applicable, open again */
  SONAE_N_ENTRY_KINDS,
} SonaeEntryKind;

const char *sonae_entry_kind_to_string   (SonaeEntryKind  kind);   /* "opened", "note", … */
gboolean    sonae_entry_kind_from_string (const char     *text,
                                          SonaeEntryKind *out_kind);

typedef enum {
  SONAE_CALL_REACHED,      /* 連絡がついた */
  SONAE_CALL_NO_ANSWER,    /* 応答なし */
  SONAE_CALL_LEFT_MESSAGE, /* 伝言を残した */
  SONAE_N_CALL_OUTCOMES,
} SonaeCallOutcome;

const char *sonae_call_outcome_to_string   (SonaeCallOutcome  outcome);  /* "reached", "no-answer", "left-message" */
gboolean    sonae_call_outcome_from_string (const char       *text,
                                            SonaeCallOutcome *out_outcome);
const char *sonae_call_outcome_get_title   (SonaeCallOutcome  outcome);  /* translated */

typedef struct {
  gint64 id;
  gint64 incident_id;
  guint seq;                 /* 1, 2, … within the incident, in the order entered */
  SonaeEntryKind kind;
  char *at;                  /* when it happened */
  char *recorded_at;         /* when it was entered into Sonae */
  gboolean back_entered;     /* entered afterwards from paper */
  char *author;
  char *step_id;             /* CHECK, UNCHECK, FIELD, NOT_APPLICABLE, APPLICABLE */
  char *field;               /* FIELD: the field id; DETAIL: the detail */
  char *old_value;           /* STATUS, LEVEL, TYPE, EVENT, DETAIL, FIELD */
  char *new_value;
  gint64 contact_id;         /* CALL; 0 otherwise */
  char *role_key;            /* CALL: the role the person was called as; may be NULL */
  SonaeCallOutcome outcome;  /* CALL */
  char *text;                /* NOTE, CORRECTION, OPENED: the text; CALL: name and number
                              * as they were when called; others: an optional comment */
  gint64 corrects;           /* CORRECTION: the id of the corrected entry; 0 otherwise */
  gboolean corrected;        /* a later correction refers to this entry */
  char *prev_hash;           /* hex SHA-256 of the entry before ("" for the first) */
  char *hash;                /* hex SHA-256 of this entry */
} SonaeTimelineEntry;

void sonae_timeline_entry_free (SonaeTimelineEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeTimelineEntry, sonae_timeline_entry_free)

/* One translated line saying what the entry records, e.g. “Checked 1-1
 * Detecting something wrong”, “Called Yamada Taro (090-…): no answer”,
 * “Level changed from 2 to 3”. @checklist (may be NULL) names the steps. */
char *sonae_timeline_entry_describe (const SonaeTimelineEntry *entry,
                                     SonaeChecklist           *checklist);

/* Longest note, title or field value accepted, in bytes. */
#define SONAE_INCIDENT_MAX_TEXT SONAE_INPUT_MAX_TEXT

G_END_DECLS
