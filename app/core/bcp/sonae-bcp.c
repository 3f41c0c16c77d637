/* sonae-bcp.c: the IT business-continuity plan without SQL: the names of
 * its enums, their titles, the readiness self-check's questions, the risk
 * levels and the records' constructors (the SQL is in sonae-bcp-plan.c,
 * sonae-bcp-systems.c, sonae-bcp-risks.c and sonae-bcp-drills.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-clock.h"

/* --- answers ------------------------------------------------------------- */

static const char *const answer_keys[] = { "unknown", "yes", "no" };

const char *
sonae_bcp_answer_to_string (SonaeBcpAnswer answer)
{
  g_return_val_if_fail ((guint) answer < G_N_ELEMENTS (answer_keys), NULL);
  return answer_keys[answer];
}

gboolean
sonae_bcp_answer_from_string (const char     *text,
                              SonaeBcpAnswer *out_answer)
{
  for (guint i = 0; i < G_N_ELEMENTS (answer_keys); i++)
    if (g_strcmp0 (text, answer_keys[i]) == 0)
      {
        if (out_answer)
          *out_answer = (SonaeBcpAnswer) i;
        return TRUE;
      }
  return FALSE;
}

/* --- texts and deciders -------------------------------------------------- */

static const char *const text_keys[SONAE_BCP_N_TEXTS] = {
  "policy", "alignment", "training", "upkeep",
};

const char *
sonae_bcp_text_to_string (SonaeBcpText text)
{
  g_return_val_if_fail ((guint) text < SONAE_BCP_N_TEXTS, NULL);
  return text_keys[text];
}

const char *
sonae_bcp_text_get_title (SonaeBcpText text)
{
  switch (text)
    {
    case SONAE_BCP_TEXT_POLICY:
      /* Translators: 基本方針 of the IT-BCP */
      return _("Basic policy");
    case SONAE_BCP_TEXT_ALIGNMENT:
      /* Translators: how the IT-BCP fits the organisation's business BCP */
      return _("Alignment with the business BCP");
    case SONAE_BCP_TEXT_TRAINING:
      /* Translators: 教育訓練計画 */
      return _("Training plan");
    case SONAE_BCP_TEXT_UPKEEP:
      /* Translators: 維持改善計画 */
      return _("Upkeep plan");
    case SONAE_BCP_N_TEXTS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_bcp_text_get_hint (SonaeBcpText text,
                         SonaeOrgKind kind)
{
  gboolean medical = sonae_org_kind_is_medical (kind);

  switch (text)
    {
    case SONAE_BCP_TEXT_POLICY:
      return medical
        ? _("What the clinic keeps doing whatever the state of its IT, e.g. “We keep seeing patients on paper charts; records are entered later.”")
        : _("What the business keeps doing whatever the state of its IT, e.g. “We keep taking orders by phone and on paper forms; they are entered later.”");
    case SONAE_BCP_TEXT_ALIGNMENT:
      return medical
        ? _("How this plan fits the clinic's disaster plan: the same team, contacts and priorities.")
        : _("How this plan fits the company's disaster plan: the same team, contacts and priorities.");
    case SONAE_BCP_TEXT_TRAINING:
      return medical
        ? _("Who is trained on what and how often, e.g. paper-chart operation for all staff once a year.")
        : _("Who is trained on what and how often, e.g. working on paper forms, for all staff once a year.");
    case SONAE_BCP_TEXT_UPKEEP:
      return _("When and how the plan is read again and brought up to date, e.g. every April and after each drill.");
    case SONAE_BCP_N_TEXTS:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *const decision_keys[SONAE_BCP_N_DECISIONS] = {
  "declare", "return",
};

const char *
sonae_bcp_decision_to_string (SonaeBcpDecision decision)
{
  g_return_val_if_fail ((guint) decision < SONAE_BCP_N_DECISIONS, NULL);
  return decision_keys[decision];
}

const char *
sonae_bcp_decision_get_title (SonaeBcpDecision decision)
{
  switch (decision)
    {
    case SONAE_BCP_DECIDE_DECLARE:
      /* Translators: IT-BCP発動, who decides it */
      return _("Declares an emergency");
    case SONAE_BCP_DECIDE_RETURN:
      /* Translators: 平常復帰, who decides it */
      return _("Decides the return to normal work");
    case SONAE_BCP_N_DECISIONS:
    default:
      g_return_val_if_reached ("");
    }
}

/* --- events -------------------------------------------------------------- */

SonaeBcpEvent *
sonae_bcp_event_new (void)
{
  return g_new0 (SonaeBcpEvent, 1);
}

void
sonae_bcp_event_free (SonaeBcpEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->title);
  g_free (event->stops);
  g_free (event->damage);
  g_free (event);
}

/* --- systems ------------------------------------------------------------- */

SonaeBcpSystem *
sonae_bcp_system_new (void)
{
  SonaeBcpSystem *system = g_new0 (SonaeBcpSystem, 1);

  system->rto_hours = -1;
  system->rpo_hours = -1;
  system->backup_generations = -1;
  system->backup_offline = SONAE_BCP_UNKNOWN;
  return system;
}

void
sonae_bcp_system_free (SonaeBcpSystem *system)
{
  if (system == NULL)
    return;
  g_free (system->name);
  g_free (system->purpose);
  g_free (system->vendor_name);
  g_free (system->contract_no);
  g_free (system->owner_name);
  g_free (system->backup_method);
  g_free (system->backup_frequency);
  g_free (system->backup_location);
  g_free (system->restore_tested_on);
  g_free (system->fallback);
  g_free (system->forms_location);
  g_free (system->first_steps);
  g_free (system->created_at);
  g_free (system->updated_at);
  g_free (system);
}

char *
sonae_bcp_system_next_restore_test (const SonaeBcpSystem *system)
{
  unsigned y, m, d;
  GDate date;

  g_return_val_if_fail (system != NULL, NULL);

  if (system->restore_test_days <= 0 || !sonae_date_is_valid (system->restore_tested_on))
    return NULL;
  if (sscanf (system->restore_tested_on, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_date_add_days (&date, (guint) system->restore_test_days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

gboolean
sonae_bcp_system_restore_test_overdue (const SonaeBcpSystem  *system,
                                       char                 **out_due)
{
  g_autofree char *next = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (system != NULL, FALSE);

  if (out_due != NULL)
    *out_due = NULL;
  if (system->restore_test_days <= 0)
    return FALSE;
  next = sonae_bcp_system_next_restore_test (system);
  if (next == NULL)
    return system->restore_tested_on == NULL;
  today = sonae_clock_today ();
  if (strcmp (next, today) >= 0)
    return FALSE;
  if (out_due != NULL)
    *out_due = g_steal_pointer (&next);
  return TRUE;
}

/* --- measures ------------------------------------------------------------ */

SonaeBcpMeasure *
sonae_bcp_measure_new (void)
{
  SonaeBcpMeasure *measure = g_new0 (SonaeBcpMeasure, 1);

  measure->status = SONAE_CAPA_OPEN;
  return measure;
}

void
sonae_bcp_measure_free (SonaeBcpMeasure *measure)
{
  if (measure == NULL)
    return;
  g_free (measure->text);
  g_free (measure->owner_name);
  g_free (measure->due_on);
  g_free (measure->done_on);
  g_free (measure->check_key);
  g_free (measure->mhlw_key);
  g_free (measure->created_at);
  g_free (measure->updated_at);
  g_free (measure);
}

/* --- drills -------------------------------------------------------------- */

SonaeBcpDrill *
sonae_bcp_drill_new (void)
{
  return g_new0 (SonaeBcpDrill, 1);
}

void
sonae_bcp_drill_free (SonaeBcpDrill *drill)
{
  if (drill == NULL)
    return;
  g_free (drill->held_on);
  g_free (drill->scenario);
  g_free (drill->participants);
  g_free (drill->findings);
  g_free (drill->incident_number);
  g_free (drill->created_at);
  g_free (drill->updated_at);
  g_free (drill);
}

/* --- risks --------------------------------------------------------------- */

static const char *const treatment_keys[SONAE_N_RISK_TREATMENTS] = {
  "reduce", "avoid", "transfer", "accept",
};

const char *
sonae_risk_treatment_to_string (SonaeRiskTreatment t)
{
  g_return_val_if_fail ((guint) t < SONAE_N_RISK_TREATMENTS, NULL);
  return treatment_keys[t];
}

gboolean
sonae_risk_treatment_from_string (const char         *text,
                                  SonaeRiskTreatment *out)
{
  for (guint i = 0; i < SONAE_N_RISK_TREATMENTS; i++)
    if (g_strcmp0 (text, treatment_keys[i]) == 0)
      {
        if (out)
          *out = (SonaeRiskTreatment) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_risk_treatment_get_title (SonaeRiskTreatment t)
{
  switch (t)
    {
    case SONAE_RISK_REDUCE:
      /* Translators: risk treatment 低減 */
      return C_("risk treatment", "Reduce");
    case SONAE_RISK_AVOID:
      /* Translators: risk treatment 回避 */
      return C_("risk treatment", "Avoid");
    case SONAE_RISK_TRANSFER:
      /* Translators: risk treatment 移転 (insurance, a contract) */
      return C_("risk treatment", "Transfer");
    case SONAE_RISK_ACCEPT:
      /* Translators: risk treatment 保有 (accept it as it is) */
      return C_("risk treatment", "Accept");
    case SONAE_N_RISK_TREATMENTS:
    default:
      g_return_val_if_reached ("");
    }
}

SonaeRiskLevel
sonae_risk_level (int likelihood,
                  int impact)
{
  int score = CLAMP (likelihood, 1, 3) * CLAMP (impact, 1, 3);

  if (score >= 6)
    return SONAE_RISK_HIGH;
  if (score >= 3)
    return SONAE_RISK_MEDIUM;
  return SONAE_RISK_LOW;
}

const char *
sonae_risk_level_get_title (SonaeRiskLevel level)
{
  switch (level)
    {
    case SONAE_RISK_LOW:
      return C_("risk level", "Low");
    case SONAE_RISK_MEDIUM:
      return C_("risk level", "Medium");
    case SONAE_RISK_HIGH:
      return C_("risk level", "High");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_risk_likelihood_get_title (int likelihood)
{
  switch (likelihood)
    {
    case 1:
      return C_("risk likelihood", "Rare");
    case 2:
      return C_("risk likelihood", "Possible");
    case 3:
      return C_("risk likelihood", "Likely");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_risk_impact_get_title (int impact)
{
  switch (impact)
    {
    case 1:
      return C_("risk impact", "Minor");
    case 2:
      return C_("risk impact", "Serious");
    case 3:
      return C_("risk impact", "Severe");
    default:
      g_return_val_if_reached ("");
    }
}

SonaeBcpRisk *
sonae_bcp_risk_new (void)
{
  SonaeBcpRisk *risk = g_new0 (SonaeBcpRisk, 1);

  risk->likelihood = 2;
  risk->impact = 2;
  risk->treatment = SONAE_RISK_REDUCE;
  return risk;
}

void
sonae_bcp_risk_free (SonaeBcpRisk *risk)
{
  if (risk == NULL)
    return;
  g_free (risk->risk);
  g_free (risk->treatment_text);
  g_free (risk->owner_name);
  g_free (risk->accepted_by);
  g_free (risk->accepted_on);
  g_free (risk->next_review_on);
  g_free (risk->created_at);
  g_free (risk->updated_at);
  g_free (risk);
}

/* --- the readiness self-check -------------------------------------------- */

/* Drawn from CONTENT.md's BCP facts (the MHLW checklist assuming a cyber
 * attack) and seed 000's five IT-BCP steps. A business (and a pharmacy:
 * sonae_org_kind_is_medical()) reads its own words where a clinic's speak
 * of care, paper charts or the health ministry. */
static const SonaeBcpCheckInfo checks[] = {
  { "policy-team", "1",
    N_("Is the basic policy written, and is it decided who declares an emergency and who decides the return to normal work?"),
    N_("Write the basic policy and choose who declares an emergency and who decides the return to normal work."),
    NULL, NULL },
  { "business-bcp", "1",
    N_("Does this plan fit the clinic's business BCP (its disaster plan)?"),
    N_("Read the business BCP and align this plan with it: the same team, the same contacts, the same priorities."),
    N_("Does this plan fit the company's own BCP (its disaster plan)?"), NULL },
  { "contact-chart", "1",
    N_("Is a contact chart of the staff, the vendors, the health ministry (MHLW) and the police ready on paper?"),
    N_("Print a contact chart of the staff, the vendors, the MHLW and the police, and keep it where everyone can find it."),
    N_("Is a contact chart of the staff, the vendors and the police ready on paper?"),
    N_("Print a contact chart of the staff, the vendors and the police, and keep it where everyone can find it.") },
  { "events", "2",
    N_("Have the events that could stop the systems been listed, with the damage each would do?"),
    N_("List the events that could stop the systems (ransomware, a power cut, an earthquake…) and what each would stop."),
    NULL, NULL },
  { "inventory", "3",
    N_("Is there a list of the servers, PCs and network devices, with a network diagram?"),
    N_("List the servers, PCs and network devices and draw a network diagram; ask the vendors to help."),
    NULL, NULL },
  { "recovery-order", "3",
    N_("Is the order in which the systems are brought back decided?"),
    N_("Decide with the vendors the order in which the systems come back and how long each may be down."),
    NULL, NULL },
  { "backup-generations", "4",
    N_("Are backups made in more than one way and kept in several generations?"),
    N_("Make backups in more than one way (for example a disk and the vendor's service) and keep several generations."),
    NULL, NULL },
  { "offline-backup", "4",
    N_("Is one backup copy kept off the network?"),
    N_("Keep one backup copy off the network: a disk that is unplugged after each copy, or stored away."),
    NULL, NULL },
  { "restore-procedure", "4",
    N_("Is the restore procedure written down, and has a restore been tried as the plan says?"),
    N_("Write the restore procedure with the vendor, try a restore and record the day."),
    NULL, NULL },
  { "paper-operation", "4",
    N_("Are paper charts (紙カルテ運用) and paper slips ready, so that care goes on without the systems?"),
    N_("Prepare paper chart forms and paper slips, and decide how they are entered into the system afterwards."),
    N_("Are paper forms (orders, slips and the like) ready, so that the work goes on without the systems?"),
    N_("Prepare paper forms for what the systems do (orders, slips, invoices), and decide how they are entered into the system afterwards.") },
  { "reference-copy", "4",
    N_("Can the records be looked at from a read-only copy while the system is down?"),
    N_("Ask the vendor for a read-only copy of the records (a reference PC or printouts) to use during an outage."),
    NULL, NULL },
  { "forms-printed", "4",
    N_("Are the paper forms printed and kept where people will find them?"),
    N_("Print the paper forms and the outage cards and keep them at reception and in each room."),
    NULL, NULL },
  { "training", "4",
    N_("Have the staff been trained with the failure manual and the paper-slip manual?"),
    N_("Train the staff with the failure manual and the paper-slip manual."),
    N_("Have the staff been trained with the failure manual and on the paper forms?"),
    N_("Train the staff with the failure manual and on the paper forms.") },
  { "drill", "5",
    N_("Was a drill held within the last year?"),
    N_("Hold a drill, for example a morning on paper charts as if the system were down, and record what was learned."),
    NULL,
    N_("Hold a drill, for example a morning on paper forms as if the system were down, and record what was learned.") },
  { "review", "5",
    N_("Was the plan read again and confirmed within the last year?"),
    N_("Read the plan again with the team, bring it up to date and record the review."),
    NULL, NULL },
};

const SonaeBcpCheckInfo *
sonae_bcp_checks_get (guint *n_checks)
{
  if (n_checks)
    *n_checks = G_N_ELEMENTS (checks);
  return checks;
}

const SonaeBcpCheckInfo *
sonae_bcp_check_lookup (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (strcmp (checks[i].key, key) == 0)
      return &checks[i];
  return NULL;
}

const char *
sonae_bcp_check_get_question (const char   *key,
                              SonaeOrgKind  kind)
{
  const SonaeBcpCheckInfo *info = sonae_bcp_check_lookup (key);

  if (info == NULL)
    return NULL;
  if (!sonae_org_kind_is_medical (kind) && info->business_question != NULL)
    return _(info->business_question);
  return _(info->question);
}

const char *
sonae_bcp_check_get_measure (const char   *key,
                             SonaeOrgKind  kind)
{
  const SonaeBcpCheckInfo *info = sonae_bcp_check_lookup (key);

  if (info == NULL)
    return NULL;
  if (!sonae_org_kind_is_medical (kind) && info->business_measure != NULL)
    return _(info->business_measure);
  return _(info->measure);
}

void
sonae_bcp_check_answer_free (SonaeBcpCheckAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->key);
  g_free (answer->target_on);
  g_free (answer->owner_name);
  g_free (answer->updated_at);
  g_free (answer);
}
