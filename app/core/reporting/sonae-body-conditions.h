/* sonae-body-conditions.h: whether an outside body must be told of an
 * incident, by the body's own condition rather than by the damage level
 * alone (CONTENT.md, "Other bodies, and when each applies").
 *
 * The level's list in the manual (sonae-escalation.h) names the bodies that
 * may be concerned; each of them applies only when its condition holds:
 *
 * - the police ("police-cyber"): a crime — unauthorised access, ransomware,
 *   theft, fraud;
 * - IPA ("ipa-report"): a computer virus, unauthorised access or a software
 *   vulnerability (its three reporting schemes);
 * - the ministry ("mhlw", medical institutions): a cyber attack that
 *   disrupts care or lets patient data out, or may; its first-response desk
 *   ("mhlw-support", optional) while an attack is not ruled out;
 * - the PPC ("ppc"): its four conditions (sonae-ppc.h);
 * - JPCERT/CC ("jpcert"): a cyber attack. Sonae's reading of "serious" is
 *   the manual's: required at level 3 (major), optional at level 2;
 * - the local authority that oversees a clinic ("prefecture-medical": the
 *   prefecture, or the city with its own health centre, or the special
 *   ward): a serious incident. It applies with the ministry (seed 001, step
 *   2-13); otherwise the organisation decides, and is asked.
 *
 * Each condition is worked out from what the incident records — its type,
 * its event category (事象の分類), what triage was told (a ransom note, personal
 * data, who is affected) and the answers about the PPC — or, when that
 * cannot tell, left undecided and asked. An answer the organisation gives
 * (sonae_body_conditions_set_answer) always wins over Sonae's reading. */
#pragma once

#include <glib.h>

#include "sonae-incident.h"
#include "sonae-manual.h"
#include "sonae-ppc.h"
#include "sonae-store.h"

G_BEGIN_DECLS

typedef struct {
  char *authority_key;
  SonaeTriageAnswer applies;   /* YES: report; NO: not needed; UNKNOWN: still to decide */
  gboolean answered;           /* the organisation's own answer, not Sonae's reading */
  char *reason;                /* translated sentence: why it applies or not, or what to decide */
} SonaeBodyCondition;

void sonae_body_condition_free (SonaeBodyCondition *condition);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBodyCondition, sonae_body_condition_free)

/* Whether the organisation can answer @authority_key's condition itself
 * (the PPC's has its own questions, sonae-ppc.h; a consultation desk has
 * none). */
gboolean            sonae_body_condition_is_asked     (const char   *authority_key);
/* The question, translated and worded for @kind; NULL when not asked. */
const char         *sonae_body_condition_get_question (const char   *authority_key,
                                                       SonaeOrgKind  kind);

/* The condition of @authority_key for @incident, whose PPC assessment is
 * @ppc (as sonae_ppc_get() gives it). @answer is the organisation's own
 * answer, or NULL when it gave none. A body without a condition (a
 * consultation desk) applies. Pure. */
SonaeBodyCondition *sonae_body_condition_decide (const char              *authority_key,
                                                 const SonaeIncident      *incident,
                                                 const SonaePpcAssessment *ppc,
                                                 SonaeOrgKind              kind,
                                                 const SonaeTriageAnswer  *answer);

/* The store. The organisation's answers for one incident: authority key →
 * SonaeTriageAnswer (as GINT_TO_POINTER (answer + 1)); and for every
 * incident at once, incident id (gint64 *) → such a table. */
GHashTable *sonae_body_conditions_list_answers     (SonaeStore  *self,
                                                    gint64       incident_id,
                                                    GError     **error);
GHashTable *sonae_body_conditions_list_all_answers (SonaeStore  *self,
                                                    GError     **error);
/* The answer stored for @authority_key in @answers (a table above), or
 * FALSE when none is. */
gboolean    sonae_body_conditions_lookup           (GHashTable        *answers,
                                                    const char        *authority_key,
                                                    SonaeTriageAnswer *out_answer);
/* What a body's condition is decided from, for one incident: the
 * incident, its PPC assessment, the answers given, the organisation's
 * kind and the bodies the manual's escalation names at its level
 * (sonae_escalation_list_bodies). */
typedef struct {
  SonaeIncident      *incident;
  SonaePpcAssessment *ppc;
  GHashTable         *answers;    /* as sonae_body_conditions_list_answers */
  SonaeOrgKind        kind;
  SonaeManual        *manual;     /* the bundled manual, which owns... */
  GPtrArray          *bodies;     /* ...these, of const SonaeManualBody */
} SonaeBodyFacts;

/* Fill @out for @incident_id; FALSE with @error set when it cannot be
 * read (then @out holds nothing to clear). */
gboolean    sonae_body_facts_load                  (SonaeStore      *self,
                                                    gint64           incident_id,
                                                    SonaeBodyFacts  *out,
                                                    GError         **error);
void        sonae_body_facts_clear                 (SonaeBodyFacts  *facts);

/* Every body of the incident's level (sonae_escalation_list_bodies) with
 * its condition, in the level's order, and then the PPC when the level does
 * not name it (its report is owed by law, whatever the level): a new
 * GPtrArray of SonaeBodyCondition. */
GPtrArray  *sonae_body_conditions_list             (SonaeStore  *self,
                                                    gint64       incident_id,
                                                    GError     **error);
/* Record the organisation's answer to @authority_key's condition (one it
 * is asked, sonae_body_condition_is_asked), in the incident's timeline. */
gboolean    sonae_body_conditions_set_answer       (SonaeStore        *self,
                                                    gint64             incident_id,
                                                    const char        *authority_key,
                                                    SonaeTriageAnswer  answer,
                                                    const char        *author,
                                                    GError           **error);

G_END_DECLS
