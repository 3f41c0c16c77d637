/* sonae-checklist.h: the checklist an incident is worked through.
 *
 * For clinics and hospitals it is the medical-incident checklist
 * of seed 001 (data/content/checklist.xml): the phases 検知, 初動対応,
 * 復旧処理 and 事後対応・再発防止 with the step numbers of the MHLW flowchart
 * (1-1, 1-4, 2-1 … 4-6; steps the seed skips are not invented), each with
 * the points it asks about and the fields it asks to fill in.
 *
 * For other organisations (businesses and pharmacies: see
 * sonae_org_kind_is_medical()) the manual's procedure for the incident's type and
 * level is the checklist: one phase, titled like the procedure, whose steps
 * are the procedure's steps (numbered 1, 2, …; their ids are the manual's
 * step ids, and they carry no fields).
 *
 * The same file holds the "do now" steps per incident type: what the first
 * person should do in the first minutes (keep the power on, disconnect the
 * network, …), shown by triage before anything else. */
#pragma once

#include <glib.h>

#include "sonae-manual.h"
#include "sonae-manual-view.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_CHECKLIST_RESOURCE SONAE_CONTENT_RESOURCE_PATH "/checklist.xml"

/* An incident's type: the manual's three (sonae-manual.h), or "other". */
#define SONAE_INCIDENT_OTHER ((SonaeIncidentType) SONAE_N_INCIDENT_TYPES)
#define SONAE_N_INCIDENT_KINDS (SONAE_N_INCIDENT_TYPES + 1)

/* "leak", "tamper", "malware", "other". */
const char *sonae_incident_kind_to_string   (SonaeIncidentType  type);
gboolean    sonae_incident_kind_from_string (const char        *text,
                                             SonaeIncidentType *out_type);
/* Translated: “Leak or loss” (漏えい・流出), “Tampering, loss, destruction or
 * outage” (改ざん・消失・破壊・サービス停止), “Virus infection”
 * (ウイルス感染), “Other” (その他). */
const char *sonae_incident_kind_get_title   (SonaeIncidentType  type);

typedef enum {
  SONAE_FIELD_LINE,      /* one line of text */
  SONAE_FIELD_TEXT,      /* several lines of text */
  SONAE_FIELD_CHOICE,    /* one of the options (value: the option id) */
  SONAE_FIELD_MULTI,     /* any of the options (value: option ids joined by ",") */
  SONAE_FIELD_DATETIME,  /* a date and time (value: "YYYY-MM-DDTHH:MM") */
} SonaeChecklistFieldKind;

/* Everything below is owned by the SonaeChecklist and read-only. */

typedef struct {
  char *id;              /* unique within its field */
  char *label;           /* translated */
} SonaeChecklistOption;

/* Incident details a field may stand for: then the field shows and changes
 * that detail of the incident (sonae-incident.h) instead of a value of its
 * own, so that nothing is typed twice. */
#define SONAE_INCIDENT_DETAIL_TITLE       "title"
#define SONAE_INCIDENT_DETAIL_DETECTED_AT "detected_at"
#define SONAE_INCIDENT_DETAIL_FOUND_BY    "found_by"
#define SONAE_INCIDENT_DETAIL_LOCATION    "location"
#define SONAE_INCIDENT_DETAIL_SYSTEM      "system"
#define SONAE_INCIDENT_DETAIL_NETWORK     "network"

typedef struct {
  char *id;              /* unique within its step, e.g. "event-case" */
  SonaeChecklistFieldKind kind;
  char *label;           /* translated */
  char *hint;            /* translated example or advice; may be NULL */
  GPtrArray *options;    /* of SonaeChecklistOption (CHOICE, MULTI); empty otherwise */
  char *bind;            /* a SONAE_INCIDENT_DETAIL_* or NULL */
} SonaeChecklistField;

typedef struct {
  char *id;              /* "1-1" (medical), or the manual's step id */
  char *number;          /* "1-1"; "1", "2", … for a manual procedure */
  char *title;           /* translated: “Detecting something wrong” */
  char *text;            /* translated: what to do; may be NULL */
  GPtrArray *points;     /* of char *, translated: the ✓ points; may be empty */
  char *role_key;        /* who does it; may be NULL */
  GPtrArray *fields;     /* of SonaeChecklistField; may be empty */
  GPtrArray *bodies;     /* of char *: the builtin authority keys of the outside
                          * bodies the step tells to contact ("mhlw", "ppc", …),
                          * whose numbers the paper checklist prints; may be empty */
} SonaeChecklistStep;

typedef struct {
  char *id;              /* "detect", "respond", "recover", "after"; "procedure" */
  char *title;           /* translated: 検知, 初動対応, 復旧処理, 事後対応・再発防止 */
  char *text;            /* translated: when this part applies; may be NULL */
  GPtrArray *steps;      /* of SonaeChecklistStep, in order */
} SonaeChecklistPhase;

typedef struct _SonaeChecklist SonaeChecklist;

/* The bundled medical checklist from the GResource. Fails (SONAE_ERROR_PARSE,
 * with the line) only if the bundled file is broken, which tests prevent. */
SonaeChecklist *sonae_checklist_load           (GError     **error);
/* The same from any text: well-formed XML, known elements and attributes,
 * unique ids, known role keys and details, options for CHOICE and MULTI,
 * "do now" steps for every incident kind. */
SonaeChecklist *sonae_checklist_load_from_data (const char  *xml,
                                                gssize       len,
                                                GError     **error);
/* The checklist an incident of @type at @level is worked through in an
 * organisation of @kind: the bundled medical checklist for clinics and
 * hospitals; for the others (businesses, and pharmacies, which read a
 * business's words: sonae_org_kind_is_medical) the procedure for @type at
 * @level of the organisation's own manual @view (its edits and added steps
 * included; sonae_manual_view_get_procedure), and when the manual has none
 * for that pair (a leak below level 2, "other") the procedure of the
 * nearest level of the same type, else the tampering/outage procedure of
 * @level. Where the manual writes procedures for any level (malware), all
 * of them, a phase each. @view may be NULL for a clinic or a hospital. */
SonaeChecklist *sonae_checklist_for_incident   (SonaeManualView   *view,
                                                SonaeOrgKind       kind,
                                                SonaeIncidentType  type,
                                                int                level,
                                                GError           **error);
SonaeChecklist *sonae_checklist_ref            (SonaeChecklist *self);
void            sonae_checklist_unref          (SonaeChecklist *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeChecklist, sonae_checklist_unref)

/* Translated title: “Medical Incident Checklist” (医療機関向けインシデント
 * チェックリスト), or the procedure's title. */
const char     *sonae_checklist_get_title      (SonaeChecklist *self);
/* TRUE for the medical checklist, FALSE for a manual procedure. */
gboolean        sonae_checklist_is_medical     (SonaeChecklist *self);
GPtrArray      *sonae_checklist_get_phases     (SonaeChecklist *self);  /* of SonaeChecklistPhase */
/* By id, in any phase; NULL when absent. */
const SonaeChecklistStep  *sonae_checklist_get_step  (SonaeChecklist *self,
                                                      const char     *step_id);
const SonaeChecklistPhase *sonae_checklist_get_phase_of (SonaeChecklist *self,
                                                      const char     *step_id);
const SonaeChecklistField *sonae_checklist_get_field (SonaeChecklist *self,
                                                      const char     *step_id,
                                                      const char     *field_id);
guint           sonae_checklist_count_steps    (SonaeChecklist *self);

/* The "do now" steps for an incident of @type in an organisation of @kind
 * (clinic or business wording), translated, in order; a NULL-terminated
 * array owned by the checklist. The bundled checklist has them for every
 * kind; a checklist made from a procedure answers with the bundled ones. */
const char *const *sonae_checklist_get_do_now  (SonaeChecklist    *self,
                                                SonaeIncidentType  type,
                                                SonaeOrgKind       kind);
/* The role the "do now" step @index tells to call now (so that the screen
 * names who holds it and the number), or NULL. */
const char         *sonae_checklist_get_do_now_role (SonaeChecklist    *self,
                                                     SonaeIncidentType  type,
                                                     SonaeOrgKind       kind,
                                                     guint              index);
/* The id of the "do now" step @index: ticking it is recorded under this id
 * as a checklist step is (sonae_incidents_check_step()). */
const char         *sonae_checklist_get_do_now_id   (SonaeChecklist    *self,
                                                     SonaeIncidentType  type,
                                                     SonaeOrgKind       kind,
                                                     guint              index);
/* The text of the "do now" step with @id, in whichever list it is, or NULL
 * when no list has it. */
const char         *sonae_checklist_get_do_now_text (SonaeChecklist    *self,
                                                     const char        *id);

/* The translated label of option @value of a CHOICE or MULTI field (for a
 * MULTI value, the labels joined by "、" in Japanese or ", " in English);
 * for other kinds @value itself. Newly allocated; NULL for a NULL value. */
char           *sonae_checklist_field_format   (const SonaeChecklistField *field,
                                                const char                *value);

G_END_DECLS
