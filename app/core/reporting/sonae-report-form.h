/* sonae-report-form.h: the incident report that management signs
 * (セキュリティ事故報告書, seed 004), and the draft of the nine items of a
 * leak report to the Personal Information Protection Commission.
 *
 * The report is a set of fields, each with a key, a kind and a title. What
 * the incident record already knows is proposed ("prefilled"): times,
 * place, system, who found it, the phenomenon, first aid from the
 * checklist's containment and recovery steps, the evidence kept, the cause.
 * The user completes and corrects it; a field the user has set, even to
 * nothing, keeps the user's value, and forgetting it brings the proposal
 * back. Every change is committed as it is made. Sign-offs (担当 and 承認 of
 * the first aid) are also recorded in the incident's timeline.
 *
 * The corrective and preventive actions of the report, with their owners,
 * due dates and confirmations, are the incident's actions (sonae-capa.h).
 *
 * The 5W1H hearing of seed 001 is the same data seen another way:
 * sonae_report_get_5w1h() gathers it; nothing is typed twice. */
#pragma once

#include <glib.h>

#include "sonae-incident.h"
#include "sonae-store.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_REPORT_LINE,       /* one line of text */
  SONAE_REPORT_TEXT,       /* several lines */
  SONAE_REPORT_DATE,       /* YYYY-MM-DD, not in the future */
  SONAE_REPORT_DATETIME,   /* as sonae_datetime_parse() stores it */
  SONAE_REPORT_CHOICE,     /* one option key */
  SONAE_REPORT_MULTI,      /* option keys joined by ',' in the field's order */
  SONAE_REPORT_DURATION,   /* "H:MM": hours 0–9999, minutes 00–59 */
} SonaeReportFieldKind;

/* Where a field belongs: the paper form's parts, and the PPC draft's own
 * fields (not on the paper form). */
typedef enum {
  SONAE_REPORT_SECTION_HEADER,      /* report number, date written */
  SONAE_REPORT_SECTION_OCCURRENCE,  /* place, system, when, department, name, phenomenon */
  SONAE_REPORT_SECTION_IMPACT,      /* impact, stop time, handling, category */
  SONAE_REPORT_SECTION_DETAIL,      /* detailed report, before, evidence kept */
  SONAE_REPORT_SECTION_FIRST_AID,   /* first aid and result, 担当 / 承認 */
  SONAE_REPORT_SECTION_CAUSE,       /* cause, cause type (seed 003) */
  SONAE_REPORT_SECTION_PREVENTION,  /* preventive action needed or not */
  SONAE_REPORT_SECTION_PPC,         /* the PPC draft's own items */
  SONAE_N_REPORT_SECTIONS,
} SonaeReportSection;

const char *sonae_report_section_get_title (SonaeReportSection section);  /* translated */

/* Field keys. */
#define SONAE_REPORT_NUMBER            "report-number"        /* LINE; proposed: the incident number */
#define SONAE_REPORT_WRITTEN_ON        "written-on"           /* DATE; proposed: today */
#define SONAE_REPORT_PLACE             "place"                /* LINE; the incident's location */
#define SONAE_REPORT_SYSTEM            "system"               /* LINE; the incident's system */
#define SONAE_REPORT_OCCURRED_AT       "occurred-at"          /* DATETIME; detected_at */
#define SONAE_REPORT_DEPARTMENT        "department"           /* LINE; department that found it */
#define SONAE_REPORT_NAME              "name"                 /* LINE; found_by */
#define SONAE_REPORT_PHENOMENON        "phenomenon"           /* TEXT; title and step 1-1 */
#define SONAE_REPORT_IMPACT            "impact"               /* CHOICE severe/major/moderate/minor; from the level */
#define SONAE_REPORT_STOP_TIME         "stop-time"            /* DURATION */
#define SONAE_REPORT_HANDLING          "handling"             /* CHOICE none/continued/rerun/stopped */
#define SONAE_REPORT_CATEGORY          "category"             /* MULTI; from the incident type and step 1-1 */
#define SONAE_REPORT_CATEGORY_OTHER    "category-other"       /* LINE; "other" spelled out */
#define SONAE_REPORT_DETAIL            "detail"               /* TEXT; steps 2-3, 2-4, 2-10 */
#define SONAE_REPORT_BEFORE            "before"               /* TEXT; step 1-4 what was done on the device */
#define SONAE_REPORT_EVIDENCE          "evidence"             /* MULTI; steps 1-4 and 2-14 */
#define SONAE_REPORT_EVIDENCE_OTHER    "evidence-other"       /* LINE; step 2-14 notes */
#define SONAE_REPORT_FIRST_AID         "first-aid"            /* TEXT; steps 1-4, 2-6, 3-3 */
#define SONAE_REPORT_FIRST_AID_RESULT  "first-aid-result"     /* TEXT; step 3-4 */
#define SONAE_REPORT_FIRST_AID_BY      "first-aid-by"         /* LINE 担当; who checked step 3-3 (or 2-6) */
#define SONAE_REPORT_FIRST_AID_BY_ON   "first-aid-by-on"      /* DATE; when that step was done */
#define SONAE_REPORT_FIRST_AID_APPROVED_BY "first-aid-approved-by" /* LINE 承認 */
#define SONAE_REPORT_FIRST_AID_APPROVED_ON "first-aid-approved-on" /* DATE */
#define SONAE_REPORT_CAUSE             "cause"                /* TEXT; step 2-1 */
#define SONAE_REPORT_CAUSE_TYPE        "cause-type"           /* CHOICE of seed 003's causes */
#define SONAE_REPORT_PREVENTIVE_NEEDED "preventive-needed"    /* CHOICE needed/not-needed; "needed" when a preventive action exists */
#define SONAE_REPORT_PPC_DATA_ITEMS    "ppc-data-items"       /* TEXT: which personal data items */
#define SONAE_REPORT_PPC_PERSONS       "ppc-persons"          /* LINE: number of persons (may be "about 1,200") */
#define SONAE_REPORT_PPC_SECONDARY     "ppc-secondary"        /* TEXT: secondary damage or its risk */
#define SONAE_REPORT_PPC_RESPONSE      "ppc-response"         /* TEXT: response to the persons */
#define SONAE_REPORT_PPC_PUBLICATION   "ppc-publication"      /* TEXT: publication */
#define SONAE_REPORT_PPC_OTHER         "ppc-other"            /* TEXT: other */

/* The fields, in the paper form's order (PPC items last). */
typedef struct _SonaeReportField SonaeReportField;

guint                   sonae_report_n_fields            (void);
const SonaeReportField *sonae_report_get_field           (guint i);
const SonaeReportField *sonae_report_find_field          (const char *key);   /* NULL if unknown */
const char             *sonae_report_field_get_key       (const SonaeReportField *field);
SonaeReportFieldKind    sonae_report_field_get_kind      (const SonaeReportField *field);
SonaeReportSection      sonae_report_field_get_section   (const SonaeReportField *field);
const char             *sonae_report_field_get_title     (const SonaeReportField *field);  /* translated */
const char             *sonae_report_field_get_hint      (const SonaeReportField *field);  /* translated or NULL */
/* CHOICE and MULTI: the options in order. */
guint                   sonae_report_field_get_n_options (const SonaeReportField *field);
const char             *sonae_report_field_get_option_key   (const SonaeReportField *field,
                                                             guint                   i);
const char             *sonae_report_field_get_option_title (const SonaeReportField *field,
                                                             guint                   i);  /* translated */
/* The option's title by key, NULL if @key is not one of @field's options. */
const char             *sonae_report_field_find_option_title (const SonaeReportField *field,
                                                              const char             *key);
/* Seed 003 groups the cause types: "intentional", "accidental",
 * "environmental", "other". The group's translated title for a cause-type
 * option key, NULL for an unknown key. */
const char             *sonae_report_cause_get_group_title (const char *cause_key);

/* The event category of seed 003 (sonae_event_type_get_title) as a phrase
 * that stands on its own, without the list of categories around it, e.g.
 * “A malware infection, which may lead to damage”; translated. */
const char             *sonae_report_event_get_phrase (SonaeEventType event);

/* One incident's report. */
typedef struct {
  gint64 incident_id;
  GHashTable *values;     /* key → what the user set (may be ""); only the keys set */
  GHashTable *proposed;   /* key → what the incident record suggests; only the keys it knows */
  char *updated_at;       /* the last change of any field, or NULL */
  char *updated_by;
} SonaeReport;

/* A report with no value and no proposal: the blank paper form. */
SonaeReport *sonae_report_new_blank  (void);
void        sonae_report_free        (SonaeReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeReport, sonae_report_free)

/* The user's value, else the proposal, else NULL. "" (set to nothing)
 * reads as NULL. */
const char *sonae_report_get         (const SonaeReport *report,
                                      const char        *key);
/* TRUE when the value shown comes from the incident record (the user has
 * not set it). */
gboolean    sonae_report_is_proposed (const SonaeReport *report,
                                      const char        *key);

/* The report of @incident_id, proposals computed from the incident as it
 * is now (its details, checklist fields and step states, and its actions). */
SonaeReport *sonae_report_load       (SonaeStore *self,
                                      gint64      incident_id,
                                      GError    **error);
/* Set one field. @value NULL forgets the user's value (the proposal shows
 * again); "" sets it to nothing. The value is checked against the field's
 * kind (dates real and not in the future, option keys known, text within
 * SONAE_INCIDENT_MAX_TEXT and valid UTF-8, a single line for LINE) and
 * normalised (MULTI in the field's order, DATETIME as stored); a mistake
 * changes nothing (SONAE_ERROR_INVALID, a sentence naming the field).
 * Unknown key: SONAE_ERROR_INVALID. Setting a sign-off field (担当 or 承認
 * of the first aid, or their dates) also adds a REPORT timeline entry. */
gboolean     sonae_report_save_field (SonaeStore *self,
                                      gint64      incident_id,
                                      const char *key,
                                      const char *value,
                                      const char *author,
                                      GError    **error);

/* The 5W1H hearing (seed 001), gathered from the report: translated labels
 * (When, Where, Who, What happened, What was done on the device, Why) and the values
 * (NULL when not known). */
typedef struct {
  const char *label;
  const char *value;      /* points into the report; do not free */
} SonaeReport5w1h;
#define SONAE_REPORT_N_5W1H 6
void         sonae_report_get_5w1h        (const SonaeReport *report,
                                           SonaeReport5w1h    out[SONAE_REPORT_N_5W1H]);

/* The nine items of a leak report to the PPC (both stages, as far as
 * known), gathered from the incident, its report, its PPC assessment and
 * its actions: outline; personal data items; number of persons; cause;
 * secondary damage; response to the persons; publication; prevention;
 * other. Each text is ready to copy into the regulator's form (NULL when
 * nothing is known yet: the GUI and the paper show it as to be filled). */
#define SONAE_PPC_N_DRAFT_ITEMS 9
typedef struct {
  const char *title;      /* translated, static */
  char *text;             /* may be NULL */
  const char *report_key; /* the report field that holds it, or NULL when gathered from elsewhere */
} SonaePpcDraftItem;

typedef struct {
  SonaePpcDraftItem items[SONAE_PPC_N_DRAFT_ITEMS];
} SonaePpcDraft;

/* The title of item @i (0–8), translated. */
const char    *sonae_ppc_draft_item_get_title (guint i);
void           sonae_ppc_draft_free    (SonaePpcDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaePpcDraft, sonae_ppc_draft_free)
SonaePpcDraft *sonae_ppc_get_draft (SonaeStore *self,
                                    gint64      incident_id,
                                    GError    **error);

G_END_DECLS
