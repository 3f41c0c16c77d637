/* sonae-manual.h: the bundled emergency manual (data/content/manual.xml),
 * loaded into a read-only model */
#pragma once

#include <glib.h>

#include "sonae-store.h"

G_BEGIN_DECLS

/* Where the compiled content lives in the GResource. */
#define SONAE_CONTENT_RESOURCE_PATH "/io/github/sonae/Sonae/content"
#define SONAE_MANUAL_RESOURCE       SONAE_CONTENT_RESOURCE_PATH "/manual.xml"

#define SONAE_MANUAL_N_LEVELS 4   /* damage levels 0..3 */
#define SONAE_MANUAL_ANY_LEVEL (-1)

/* Which wording of a text: for everyone, for medical institutions, or for
 * other businesses (org="clinic" / org="business" in the XML). */
typedef enum {
  SONAE_MANUAL_VARIANT_ALL,
  SONAE_MANUAL_VARIANT_CLINIC,
  SONAE_MANUAL_VARIANT_BUSINESS,
  SONAE_MANUAL_N_VARIANTS,
} SonaeManualVariant;

/* Clinics and hospitals read the clinic wording (patients); businesses and
 * pharmacies the business wording (customers): sonae_org_kind_is_medical(). */
SonaeManualVariant sonae_manual_variant_for_org (SonaeOrgKind kind);

/* The kinds of incident the manual has procedures for. */
typedef enum {
  SONAE_INCIDENT_LEAK,      /* 漏えい・流出 */
  SONAE_INCIDENT_TAMPER,    /* 改ざん・消失・破壊・サービス停止 */
  SONAE_INCIDENT_MALWARE,   /* ウイルス感染 */
  SONAE_N_INCIDENT_TYPES,
} SonaeIncidentType;

const char *sonae_incident_type_to_string   (SonaeIncidentType type);  /* "leak", "tamper", "malware" */
gboolean    sonae_incident_type_from_string (const char        *text,
                                             SonaeIncidentType *out_type);

/* Everything below is owned by the SonaeManual and read-only: the fields
 * are public so that the manual, the poster and the GUI can walk them. */

/* One text in up to three wordings. text[] is translated (at load time, with
 * the locale then in effect); source[] is the English of the bundled file,
 * kept so that a later version can tell a changed bundled text from a local
 * edit. A slot is NULL when the file has no such wording; either [ALL] or
 * both [CLINIC] and [BUSINESS] are set. */
typedef struct {
  char *text[SONAE_MANUAL_N_VARIANTS];
  char *source[SONAE_MANUAL_N_VARIANTS];
} SonaeManualText;

/* The wording for @kind: the org-specific one, else the common one. NULL
 * only when @text is NULL. */
const char *sonae_manual_text_get        (const SonaeManualText *text,
                                          SonaeOrgKind           kind);
const char *sonae_manual_text_get_source (const SonaeManualText *text,
                                          SonaeOrgKind           kind);

typedef struct {
  char *id;
  SonaeManualText *text;
} SonaeManualPara;

/* 対応体制: a role and what it does in an incident. */
typedef struct {
  char *id;
  char *role_key;            /* a key of sonae-role.h */
  gboolean response_role;    /* one of the three response roles (top, lead, first) */
  SonaeManualText *text;
} SonaeManualRole;

/* 被害レベルと対応者 */
typedef struct {
  char *id;
  int level;                 /* 0..3 */
  char *responder_key;       /* bundled responding role; see sonae_manual_get_responder() */
  SonaeManualText *title;
  SonaeManualText *text;
} SonaeManualLevel;

/* An outside body (a bundled authority of the roster). */
typedef struct {
  char *id;
  char *authority_key;       /* builtin key of sonae-authorities.c */
  gboolean optional;         /* 任意: may be told, need not be */
  SonaeManualVariant org;    /* ALL, or only for CLINIC / BUSINESS organisations */
  SonaeManualText *text;     /* when or why; may be NULL */
} SonaeManualBody;

/* 連絡・報告体制 for one level. */
typedef struct {
  char *id;
  int level;
  char *severity;            /* seed 004's scale: "major", "medium", "minor", or NULL */
  SonaeManualText *text;
  GPtrArray *inform_keys;    /* of char *: roles told besides the contact chain */
  GPtrArray *bodies;         /* of SonaeManualBody, in order */
} SonaeManualReport;

/* A numbered step. role_key is always set in a procedure; continuity
 * (IT-BCP) steps have none. */
typedef struct {
  char *id;
  char *role_key;
  SonaeManualText *title;    /* short name; may be NULL */
  SonaeManualText *text;
} SonaeManualStep;

typedef struct {
  char *id;
  SonaeIncidentType type;
  int level;                 /* 0..3, or SONAE_MANUAL_ANY_LEVEL */
  SonaeManualText *title;    /* may be NULL */
  SonaeManualText *text;     /* may be NULL */
  GPtrArray *steps;          /* of SonaeManualStep, in order */
} SonaeManualProcedure;

typedef struct {
  char *id;
  SonaeIncidentType type;
  SonaeManualText *title;
  SonaeManualText *text;
  GPtrArray *procedures;     /* of SonaeManualProcedure, in order */
} SonaeManualIncident;

/* A principle (title and text). */
typedef struct {
  char *id;
  SonaeManualText *title;
  SonaeManualText *text;
} SonaeManualPrinciple;

typedef enum {
  SONAE_MANUAL_SECTION_GENERIC,        /* title and paragraphs only */
  SONAE_MANUAL_SECTION_PRINCIPLES,     /* "principles": + principles */
  SONAE_MANUAL_SECTION_ORGANISATION,   /* "organisation": 対応体制, + roles */
  SONAE_MANUAL_SECTION_LEVELS,         /* "levels": 被害レベルと対応者, + levels */
  SONAE_MANUAL_SECTION_REPORTING,      /* "reporting": 連絡・報告体制, + chain and reports */
  SONAE_MANUAL_SECTION_PROCEDURES,     /* "procedures": 対応手順, + incidents */
  SONAE_MANUAL_SECTION_AUTHORITIES,    /* "authorities": 届け出・相談先, + bodies */
  SONAE_MANUAL_SECTION_CONTINUITY,     /* "continuity": 事業継続, + continuity steps */
} SonaeManualSectionKind;

/* A section: its own paragraphs (shown first), then the items of its kind,
 * which the manual keeps in the lists below. */
typedef struct {
  char *id;
  SonaeManualSectionKind kind;
  SonaeManualText *title;
  GPtrArray *paras;          /* of SonaeManualPara */
} SonaeManualSection;

typedef struct _SonaeManual SonaeManual;

/* The bundled manual from the GResource. Fails (SONAE_ERROR_PARSE, with the
 * line) only if the bundled file is broken, which the tests prevent. */
SonaeManual *sonae_manual_load           (GError     **error);
/* A reference to the bundled manual read once for the whole process, for
 * reading only: sonae_manual_set_responder() refuses it. Load a manual of
 * your own (sonae_manual_load) to set the organisation's responders. */
SonaeManual *sonae_manual_get_bundled    (GError     **error);
/* The same from any text; @len may be -1 for a NUL-terminated one. The file
 * is checked completely: well-formed XML, known elements and attributes,
 * unique ids, known role and authority keys, every required section and
 * every level 0..3. */
SonaeManual *sonae_manual_load_from_data (const char  *xml,
                                          gssize       len,
                                          GError     **error);
SonaeManual *sonae_manual_ref            (SonaeManual *self);
void         sonae_manual_unref          (SonaeManual *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeManual, sonae_manual_unref)

int          sonae_manual_get_version    (SonaeManual *self);   /* content revision */
const SonaeManualText *sonae_manual_get_title (SonaeManual *self);

/* The lists, in the order of the file (transfer none). */
GPtrArray   *sonae_manual_get_sections   (SonaeManual *self);   /* of SonaeManualSection */
GPtrArray   *sonae_manual_get_principles (SonaeManual *self);   /* of SonaeManualPrinciple */
GPtrArray   *sonae_manual_get_roles      (SonaeManual *self);   /* of SonaeManualRole */
GPtrArray   *sonae_manual_get_chain      (SonaeManual *self);   /* of char *: the contact chain, finder's side first */
GPtrArray   *sonae_manual_get_incidents  (SonaeManual *self);   /* of SonaeManualIncident */
GPtrArray   *sonae_manual_get_authorities (SonaeManual *self);  /* of SonaeManualBody */
GPtrArray   *sonae_manual_get_continuity (SonaeManual *self);   /* of SonaeManualStep */

/* Lookups; NULL when absent. */
const SonaeManualSection   *sonae_manual_get_section   (SonaeManual       *self,
                                                        const char        *id);
const SonaeManualLevel     *sonae_manual_get_level     (SonaeManual       *self,
                                                        int                level);
const SonaeManualReport    *sonae_manual_get_report    (SonaeManual       *self,
                                                        int                level);
const SonaeManualIncident  *sonae_manual_get_incident  (SonaeManual       *self,
                                                        SonaeIncidentType  type);
/* The procedure written for exactly @level, else the first one for any
 * level (malware); NULL when the manual has none (a leak at level 1). */
const SonaeManualProcedure *sonae_manual_get_procedure (SonaeManual       *self,
                                                        SonaeIncidentType  type,
                                                        int                level);
/* A step, procedure, section, … by its id (for edits stored against ids). */
gboolean     sonae_manual_has_id         (SonaeManual *self,
                                          const char  *id);
const SonaeManualStep *sonae_manual_get_step (SonaeManual *self,
                                          const char  *id);

/* The role that responds at @level: the organisation's choice when one is
 * set, else the bundled one. The escalation rule and the levels section
 * both read this. */
const char  *sonae_manual_get_responder  (SonaeManual *self,
                                          int          level);
/* Change (or with @role_key NULL, reset to the bundled one) the responding
 * role of a level. Fails with SONAE_ERROR_INVALID for an unknown role or a
 * level outside 0..3. */
gboolean     sonae_manual_set_responder  (SonaeManual  *self,
                                          int           level,
                                          const char   *role_key,
                                          GError      **error);
gboolean     sonae_manual_responder_is_overridden (SonaeManual *self,
                                          int          level);

G_END_DECLS
