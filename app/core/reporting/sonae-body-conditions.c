/* sonae-body-conditions.c: whether each outside body applies to an
 * incident, worked out from its record or asked.
 *
 * What the record says is read as a few facts — a ransom note, the event
 * category, a mistake or a failure, the answers given for the PPC — and
 * each body's condition from them. Nothing here is stored but the
 * organisation's own answers; the reading is made each time, so that a
 * changed event category or a new answer about the PPC is followed at once. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-body-conditions.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-escalation.h"
#include "sonae-incidents-private.h"
#include "sonae-incidents.h"
#include "sonae-input.h"
#include "sonae-store-private.h"

/* What the record says about how it came about, and the sentence saying so. */
typedef enum {
  FACT_NONE,            /* nothing that tells */
  FACT_RANSOM,          /* a ransom note: ransomware */
  FACT_INTRUSION,       /* event category: intrusion (unauthorised access) */
  FACT_MALICIOUS_CODE,  /* event category: malicious code run */
  FACT_MALWARE,         /* event category or type: a virus */
  FACT_ACQUIRING,       /* the PPC: information taken while being collected */
  FACT_UNLAWFUL,        /* the PPC: done on purpose */
  FACT_FAILURE,         /* a system down, nothing pointing to an attack */
  FACT_MISTAKE,         /* sent to the wrong person or lost, nothing pointing to an attack */
  FACT_NOT_ON_PURPOSE,  /* the PPC: nobody did it on purpose */
} Fact;

static const char *
fact_sentence (Fact fact)
{
  switch (fact)
    {
    case FACT_RANSOM:
      return _("A ransom note on the screen means ransomware.");
    case FACT_INTRUSION:
      return _("Its event category is an intrusion into a system, that is, unauthorised access.");
    case FACT_MALICIOUS_CODE:
      return _("Its event category is malicious code run on a system.");
    case FACT_MALWARE:
      return _("It is recorded as a virus infection.");
    case FACT_ACQUIRING:
      return _("Personal information may have been taken on purpose while it was being collected.");
    case FACT_UNLAWFUL:
      return _("Someone may have done it on purpose (the answer given for the PPC).");
    case FACT_FAILURE:
      return _("A system is down, and nothing recorded points to an attack.");
    case FACT_MISTAKE:
      return _("Data went to the wrong person, or a device or papers went missing: that is no cyber attack.");
    case FACT_NOT_ON_PURPOSE:
      return _("Nobody did it on purpose (the answer given for the PPC).");
    case FACT_NONE:
    default:
      return NULL;
    }
}

/* The PPC's conditions are read only where personal data is concerned:
 * they are not asked otherwise. */
static SonaeTriageAnswer
ppc_unlawful (const SonaePpcAssessment *ppc)
{
  if (ppc == NULL || ppc->personal_data == SONAE_ANSWER_NO)
    return SONAE_ANSWER_UNKNOWN;
  return ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL];
}

/* Was it a cyber attack: a virus, unauthorised access, malicious code? */
static SonaeTriageAnswer
attack (const SonaeIncident      *incident,
        const SonaePpcAssessment *ppc,
        Fact                     *out_fact)
{
  SonaeTriageSeen seen = incident->answers.seen;
  SonaeEventType event = incident->event;

  *out_fact = FACT_NONE;
  if (seen == SONAE_SEEN_RANSOM)
    *out_fact = FACT_RANSOM;
  else if (event == SONAE_EVENT_INTRUSION)
    *out_fact = FACT_INTRUSION;
  else if (event == SONAE_EVENT_MALICIOUS_CODE)
    *out_fact = FACT_MALICIOUS_CODE;
  else if (event == SONAE_EVENT_MALWARE || incident->type == SONAE_INCIDENT_MALWARE)
    *out_fact = FACT_MALWARE;
  else if (ppc != NULL && ppc->acquiring)
    *out_fact = FACT_ACQUIRING;
  if (*out_fact != FACT_NONE)
    return SONAE_ANSWER_YES;

  /* A mistake or a loss, or a failure, as long as the event category
   * still says what was seen. Data gone astray is no cyber attack even when
   * it was stolen (that is the police's, below); a system down that
   * someone may have brought down on purpose is not known to be a failure. */
  if (event != SONAE_EVENT_UNAVAILABLE && event != SONAE_EVENT_LEAK && event != SONAE_EVENT_SIGN)
    return SONAE_ANSWER_UNKNOWN;
  if (seen == SONAE_SEEN_MISSENT_OR_LOST)
    *out_fact = FACT_MISTAKE;
  else if (seen == SONAE_SEEN_SYSTEM_DOWN && ppc_unlawful (ppc) != SONAE_ANSWER_YES)
    *out_fact = FACT_FAILURE;
  return *out_fact != FACT_NONE ? SONAE_ANSWER_NO : SONAE_ANSWER_UNKNOWN;
}

/* Was it a crime: unauthorised access, ransomware, theft, fraud? */
static SonaeTriageAnswer
crime (const SonaeIncident      *incident,
       const SonaePpcAssessment *ppc,
       Fact                     *out_fact)
{
  SonaeTriageAnswer is_attack = attack (incident, ppc, out_fact);

  if (*out_fact == FACT_RANSOM || *out_fact == FACT_INTRUSION || *out_fact == FACT_ACQUIRING)
    return SONAE_ANSWER_YES;
  if (ppc_unlawful (ppc) == SONAE_ANSWER_YES)
    {
      *out_fact = FACT_UNLAWFUL;
      return SONAE_ANSWER_YES;
    }
  if (is_attack == SONAE_ANSWER_NO)
    return SONAE_ANSWER_NO;
  if (is_attack != SONAE_ANSWER_YES && ppc_unlawful (ppc) == SONAE_ANSWER_NO)
    {
      *out_fact = FACT_NOT_ON_PURPOSE;
      return SONAE_ANSWER_NO;
    }
  /* A virus, or nothing that tells: asked. */
  return SONAE_ANSWER_UNKNOWN;
}

/* Does care stop, or may patient data have got out? */
static gboolean
care_or_data_touched (const SonaeIncident      *incident,
                      const SonaePpcAssessment *ppc)
{
  return incident->level >= 2 ||
         incident->answers.impact == SONAE_IMPACT_BUSINESS ||
         incident->answers.impact == SONAE_IMPACT_OUTSIDE ||
         incident->answers.personal_data != SONAE_ANSWER_NO ||
         (ppc != NULL && ppc->personal_data != SONAE_ANSWER_NO);
}

/* The ministry: a cyber attack that disrupts care or lets patient data
 * out, or may. */
static SonaeTriageAnswer
ministry (const SonaeIncident      *incident,
          const SonaePpcAssessment *ppc,
          Fact                     *out_fact)
{
  SonaeTriageAnswer is_attack = attack (incident, ppc, out_fact);

  if (is_attack == SONAE_ANSWER_YES && !care_or_data_touched (incident, ppc))
    return SONAE_ANSWER_NO;
  return is_attack;
}

/* --- the sentences --------------------------------------------------------- */

gboolean
sonae_body_condition_is_asked (const char *authority_key)
{
  static const char *const asked[] = { "police-cyber", "ipa-report", "mhlw", "jpcert", "prefecture-medical",
                                       "prefecture-pharmacy" };

  for (guint i = 0; authority_key != NULL && i < G_N_ELEMENTS (asked); i++)
    if (g_str_equal (authority_key, asked[i]))
      return TRUE;
  return FALSE;
}

const char *
sonae_body_condition_get_question (const char   *authority_key,
                                   SonaeOrgKind  kind)
{
  if (!sonae_body_condition_is_asked (authority_key))
    return NULL;
  if (g_str_equal (authority_key, "police-cyber"))
    return _("Was a crime committed, such as unauthorised access, ransomware, theft or fraud?");
  if (g_str_equal (authority_key, "ipa-report"))
    return _("Was there a computer virus, unauthorised access, or a flaw in software that could hit others too?");
  if (g_str_equal (authority_key, "mhlw"))
    return _("Was it a cyber attack that disrupts care, or that let patient data out or may have?");
  if (g_str_equal (authority_key, "jpcert"))
    return _("Was it a cyber attack, one that others should be warned of?");
  /* "prefecture-medical", "prefecture-pharmacy" */
  return kind == SONAE_ORG_PHARMACY || g_str_equal (authority_key, "prefecture-pharmacy")
    ? _("Is it serious enough to tell the authority that oversees the pharmacy, for example the service stopped for long, or patients’ data got out?")
    : _("Is it serious enough to tell the local authority that oversees medical institutions (the prefecture, or the city or ward that runs its own health centre), for example care stopped for long, or patients’ data got out?");
}

/* @fact's sentence, then @conclusion. */
static char *
two_sentences (Fact        fact,
               const char *conclusion)
{
  const char *first = fact_sentence (fact);

  if (first == NULL)
    return g_strdup (conclusion);
  /* Translators: two sentences one after the other (in Japanese, with no space between them) */
  return g_strdup_printf (C_("two sentences", "%s %s"), first, conclusion);
}

/* "Decide: <the question>" */
static char *
to_decide (Fact          fact,
           const char   *authority_key,
           SonaeOrgKind  kind)
{
  /* Translators: %s is a question, e.g. “Was a crime committed …?” */
  g_autofree char *decide = g_strdup_printf (_("Decide: %s"), sonae_body_condition_get_question (authority_key, kind));

  return two_sentences (fact, decide);
}

void
sonae_body_condition_free (SonaeBodyCondition *condition)
{
  if (condition == NULL)
    return;
  g_free (condition->authority_key);
  g_free (condition->reason);
  g_free (condition);
}

/* The PPC, by its verdict. Triage's "no personal data" holds until
 * someone answers otherwise (as the reminders read it). */
static void
decide_ppc (SonaeBodyCondition       *out,
            const SonaeIncident      *incident,
            const SonaePpcAssessment *ppc)
{
  g_autoptr(SonaePpcAssessment) fresh = NULL;
  g_autoptr(SonaePpcResult) result = NULL;

  if (ppc == NULL)
    ppc = fresh = sonae_ppc_assessment_new_for_incident (incident);
  if (ppc->personal_data == SONAE_ANSWER_UNKNOWN && !ppc->acquiring &&
      incident->answers.personal_data == SONAE_ANSWER_NO)
    {
      out->applies = SONAE_ANSWER_NO;
      out->reason = g_strdup (_("No personal data is concerned, as triage was told."));
      return;
    }
  result = sonae_ppc_assess (ppc, NULL);
  switch (result->verdict)
    {
    case SONAE_PPC_REQUIRED:
      out->applies = SONAE_ANSWER_YES;
      break;
    case SONAE_PPC_UNDECIDED:
      out->applies = SONAE_ANSWER_UNKNOWN;
      break;
    case SONAE_PPC_NOT_REQUIRED:
    case SONAE_PPC_PRINCIPAL_REPORTS:
    default:
      out->applies = SONAE_ANSWER_NO;
      break;
    }
  out->reason = g_strdup (result->reason);
}

SonaeBodyCondition *
sonae_body_condition_decide (const char               *authority_key,
                             const SonaeIncident      *incident,
                             const SonaePpcAssessment *ppc,
                             SonaeOrgKind              kind,
                             const SonaeTriageAnswer  *answer)
{
  g_autoptr(SonaeBodyCondition) out = NULL;
  Fact fact = FACT_NONE;

  g_return_val_if_fail (authority_key != NULL, NULL);
  g_return_val_if_fail (incident != NULL, NULL);

  out = g_new0 (SonaeBodyCondition, 1);
  out->authority_key = g_strdup (authority_key);
  out->applies = SONAE_ANSWER_YES;

  if (answer != NULL && sonae_body_condition_is_asked (authority_key))
    {
      out->answered = TRUE;
      out->applies = *answer;
      switch (*answer)
        {
        case SONAE_ANSWER_YES:
          out->reason = g_strdup (_("You answered that it applies: report it."));
          break;
        case SONAE_ANSWER_NO:
          out->reason = g_strdup (_("You answered that it does not apply."));
          break;
        case SONAE_ANSWER_UNKNOWN:
        default:
          {
            g_autofree char *decide = to_decide (FACT_NONE, authority_key, kind);

            out->applies = SONAE_ANSWER_UNKNOWN;
            /* Translators: two sentences one after the other (in Japanese, with no space between them) */
            out->reason = g_strdup_printf (C_("two sentences", "%s %s"), _("You answered that it is not known yet."), decide);
          }
          break;
        }
      return g_steal_pointer (&out);
    }

  if (g_str_equal (authority_key, SONAE_PPC_AUTHORITY_KEY))
    decide_ppc (out, incident, ppc);
  else if (g_str_equal (authority_key, "police-cyber"))
    {
      out->applies = crime (incident, ppc, &fact);
      if (out->applies == SONAE_ANSWER_YES)
        out->reason = two_sentences (fact, _("That is a crime: report it to the police."));
      else if (out->applies == SONAE_ANSWER_NO)
        out->reason = two_sentences (fact, _("No report to the police is needed unless a crime comes to light."));
      else
        out->reason = to_decide (fact, authority_key, kind);
    }
  else if (g_str_equal (authority_key, "ipa-report"))
    {
      out->applies = attack (incident, ppc, &fact);
      if (out->applies == SONAE_ANSWER_YES)
        out->reason = two_sentences (fact, _("Report it to IPA, so that others can be warned."));
      else if (out->applies == SONAE_ANSWER_NO)
        out->reason = two_sentences (fact, _("IPA takes reports of viruses, unauthorised access and software flaws: none is needed."));
      else
        out->reason = to_decide (fact, authority_key, kind);
    }
  else if (g_str_equal (authority_key, "mhlw"))
    {
      out->applies = ministry (incident, ppc, &fact);
      if (out->applies == SONAE_ANSWER_YES)
        out->reason = two_sentences (fact, _("A cyber attack that disrupts care or may let patient data out is reported to the ministry promptly."));
      else if (out->applies == SONAE_ANSWER_NO && (fact == FACT_FAILURE || fact == FACT_MISTAKE))
        out->reason = two_sentences (fact, _("The ministry takes reports of cyber attacks: none is needed."));
      else if (out->applies == SONAE_ANSWER_NO)
        out->reason = two_sentences (fact, _("Care is not disrupted and no patient data is concerned: no report to the ministry is needed."));
      else
        out->reason = to_decide (fact, authority_key, kind);
    }
  else if (g_str_equal (authority_key, "mhlw-support"))
    {
      /* Help with the first response while an attack is not ruled out. */
      out->applies = attack (incident, ppc, &fact) == SONAE_ANSWER_NO ? SONAE_ANSWER_NO : SONAE_ANSWER_YES;
      if (out->applies == SONAE_ANSWER_YES)
        out->reason = g_strdup (_("For help with the first response to a cyber attack."));
      else
        out->reason = two_sentences (fact, _("Its desk helps with cyber attacks: not needed here."));
    }
  else if (g_str_equal (authority_key, "jpcert"))
    {
      out->applies = attack (incident, ppc, &fact);
      if (out->applies == SONAE_ANSWER_YES)
        out->reason = two_sentences (fact, _("Report the attack to JPCERT/CC, which helps coordinate the response and warns others."));
      else if (out->applies == SONAE_ANSWER_NO)
        out->reason = two_sentences (fact, _("JPCERT/CC takes reports of cyber attacks: none is needed."));
      else
        out->reason = to_decide (fact, authority_key, kind);
    }
  else if (g_str_equal (authority_key, "prefecture-medical") || g_str_equal (authority_key, "prefecture-pharmacy"))
    {
      if (ministry (incident, ppc, &fact) == SONAE_ANSWER_YES)
        out->reason = two_sentences (fact, _("It is reported to the ministry: tell the local authority as well."));
      else
        {
          out->applies = SONAE_ANSWER_UNKNOWN;
          out->reason = to_decide (FACT_NONE, authority_key, kind);
        }
    }
  else if (g_str_equal (authority_key, "jipdec"))
    {
      /* For Privacy Mark holders: whenever personal information is
       * concerned, as the PPC's question reads it. */
      g_autoptr(SonaeBodyCondition) ppc_condition = g_new0 (SonaeBodyCondition, 1);

      decide_ppc (ppc_condition, incident, ppc);
      out->applies = ppc_condition->applies == SONAE_ANSWER_NO ? SONAE_ANSWER_NO : SONAE_ANSWER_YES;
      out->reason = g_strdup (out->applies == SONAE_ANSWER_YES
                              ? _("If the organisation holds the Privacy Mark, tell JIPDEC too.")
                              : _("No personal information is concerned: JIPDEC need not be told."));
    }
  /* Any other body (a consultation desk) has no condition. */
  return g_steal_pointer (&out);
}

/* --- the store ----------------------------------------------------------------- */

gboolean
sonae_body_conditions_lookup (GHashTable        *answers,
                              const char        *authority_key,
                              SonaeTriageAnswer *out_answer)
{
  gpointer value;

  if (answers == NULL || authority_key == NULL ||
      !g_hash_table_lookup_extended (answers, authority_key, NULL, &value))
    return FALSE;
  if (out_answer != NULL)
    *out_answer = (SonaeTriageAnswer) (GPOINTER_TO_INT (value) - 1);
  return TRUE;
}

static GHashTable *
new_answers (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
add_answer (GHashTable *answers,
            const char *key,
            const char *text)
{
  SonaeTriageAnswer answer;

  if (key == NULL || !sonae_triage_answer_from_string (text, &answer))
    return;
  g_hash_table_replace (answers, g_strdup (key), GINT_TO_POINTER ((int) answer + 1));
}

GHashTable *
sonae_body_conditions_list_answers (SonaeStore  *self,
                                    gint64       incident_id,
                                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) answers = new_answers ();
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT authority_key, answer FROM body_answers WHERE incident_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_answer (answers, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the reports"));
      return NULL;
    }
  return g_steal_pointer (&answers);
}

GHashTable *
sonae_body_conditions_list_all_answers (SonaeStore  *self,
                                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) all = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT incident_id, authority_key, answer FROM body_answers", error);
  if (stmt == NULL)
    return NULL;
  all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GHashTable *answers = g_hash_table_lookup (all, &id);

      if (answers == NULL)
        {
          answers = new_answers ();
          g_hash_table_insert (all, g_memdup2 (&id, sizeof id), answers);
        }
      add_answer (answers, (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the reports"));
      return NULL;
    }
  return g_steal_pointer (&all);
}

gboolean
sonae_body_facts_load (SonaeStore      *self,
                       gint64           incident_id,
                       SonaeBodyFacts  *out,
                       GError         **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaePpcAssessment) ppc = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  incident = sonae_incidents_get (self, incident_id, error);
  if (incident == NULL)
    return FALSE;
  ppc = sonae_ppc_get (self, incident_id, error);
  if (ppc == NULL)
    return FALSE;
  answers = sonae_body_conditions_list_answers (self, incident_id, error);
  if (answers == NULL)
    return FALSE;
  manual = sonae_manual_get_bundled (error);
  if (manual == NULL)
    return FALSE;
  profile = sonae_store_get_profile (self);

  out->kind = profile->kind;
  out->bodies = sonae_escalation_list_bodies (manual, incident->level, profile->kind);
  out->manual = g_steal_pointer (&manual);
  out->incident = g_steal_pointer (&incident);
  out->ppc = g_steal_pointer (&ppc);
  out->answers = g_steal_pointer (&answers);
  return TRUE;
}

void
sonae_body_facts_clear (SonaeBodyFacts *facts)
{
  g_clear_pointer (&facts->incident, sonae_incident_free);
  g_clear_pointer (&facts->ppc, sonae_ppc_assessment_free);
  g_clear_pointer (&facts->answers, g_hash_table_unref);
  g_clear_pointer (&facts->bodies, g_ptr_array_unref);
  g_clear_pointer (&facts->manual, sonae_manual_unref);
}

GPtrArray *
sonae_body_conditions_list (SonaeStore  *self,
                            gint64       incident_id,
                            GError     **error)
{
  SonaeBodyFacts facts = { 0 };
  GPtrArray *list;
  gboolean has_ppc = FALSE;

  if (!sonae_body_facts_load (self, incident_id, &facts, error))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_body_condition_free);
  for (guint i = 0; i < facts.bodies->len; i++)
    {
      const SonaeManualBody *body = g_ptr_array_index (facts.bodies, i);
      SonaeTriageAnswer answer;
      gboolean answered = sonae_body_conditions_lookup (facts.answers, body->authority_key, &answer);

      g_ptr_array_add (list, sonae_body_condition_decide (body->authority_key, facts.incident, facts.ppc, facts.kind,
                                                          answered ? &answer : NULL));
      has_ppc |= g_str_equal (body->authority_key, SONAE_PPC_AUTHORITY_KEY);
    }
  /* The PPC is owed its report by law, whatever the damage level. */
  if (!has_ppc)
    g_ptr_array_add (list, sonae_body_condition_decide (SONAE_PPC_AUTHORITY_KEY, facts.incident, facts.ppc,
                                                        facts.kind, NULL));
  sonae_body_facts_clear (&facts);
  return list;
}

/* The roster's name of the bundled authority @key, else @key. */
static char *
authority_name (SonaeStore *self,
                const char *key)
{
  g_autoptr(GPtrArray) contacts = sonae_contacts_list_bundled (self, NULL);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);

      if (g_strcmp0 (c->builtin_key, key) == 0)
        return g_strdup (sonae_contact_get_display_name (c));
    }
  return g_strdup (key);
}

gboolean
sonae_body_conditions_set_answer (SonaeStore        *self,
                                  gint64             incident_id,
                                  const char        *authority_key,
                                  SonaeTriageAnswer  answer,
                                  const char        *author,
                                  GError           **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  SonaeTriageAnswer old;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_body_condition_is_asked (authority_key))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("Whether to report to “%s” is not a question Sonae asks."),
                   authority_key != NULL ? authority_key : "");
      return FALSE;
    }
  if ((guint) answer > SONAE_ANSWER_NO)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("An answer about reporting is unknown."));
      return FALSE;
    }
  if (!sonae_input_check_author (author, error))
    return FALSE;
  incident = sonae_incidents_get (self, incident_id, error);
  if (incident == NULL)
    return FALSE;
  answers = sonae_body_conditions_list_answers (self, incident_id, error);
  if (answers == NULL)
    return FALSE;
  if (sonae_body_conditions_lookup (answers, authority_key, &old) && old == answer)
    return TRUE;   /* nothing changed */

  name = authority_name (self, authority_key);
  switch (answer)
    {
    case SONAE_ANSWER_YES:
      /* Translators: %s is a body, e.g. the police */
      text = g_strdup_printf (_("Reporting to %s: answered that it applies"), name);
      break;
    case SONAE_ANSWER_NO:
      /* Translators: %s is a body, e.g. the police */
      text = g_strdup_printf (_("Reporting to %s: answered that it does not apply"), name);
      break;
    case SONAE_ANSWER_UNKNOWN:
    default:
      /* Translators: %s is a body, e.g. the police */
      text = g_strdup_printf (_("Reporting to %s: answered that it is not known yet"), name);
      break;
    }

  now = sonae_input_now_string ();
  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self,
                              "INSERT INTO body_answers (incident_id, authority_key, answer, updated_at, updated_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT (incident_id, authority_key) DO UPDATE SET answer = excluded.answer, "
                              "updated_at = excluded.updated_at, updated_by = excluded.updated_by", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_text (stmt, 2, authority_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sonae_triage_answer_to_string (answer), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, author, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the report"));
      goto fail;
    }
  if (!sonae_incidents_append_timeline_entry (self, incident_id, SONAE_ENTRY_REPORT, NULL, author, text, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}
