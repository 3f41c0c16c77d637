/* sonae-triage.c: three plain answers → incident type, damage level and
 * event type, each with the reason in a sentence */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-triage.h"

/* The wording for @kind: patients for clinics and hospitals, customers for
 * businesses and pharmacies (sonae_org_kind_is_medical() says why). Both
 * strings are N_() marked. */
static const char *
worded (SonaeOrgKind  kind,
        const char   *patients,
        const char   *customers)
{
  return _(sonae_org_kind_is_medical (kind) ? patients : customers);
}

/* ------------------------------------------------------------------ */
/* Stable keys */

static const char *const seen_keys[SONAE_N_SEEN] = {
  "ransom", "login", "suspicious-mail", "missent-or-lost", "system-down", "data-changed", "other",
};
static const char *const answer_keys[] = { "unknown", "yes", "no" };
static const char *const impact_keys[] = { "unknown", "none", "staff", "business", "outside" };
static const char *const event_keys[SONAE_N_EVENT_TYPES] = {
  "sign", "leak", "tampering", "unavailable", "malware", "malicious-code", "intrusion", "other",
};

static gboolean
key_lookup (const char *const *keys,
            guint              n_keys,
            const char        *text,
            guint             *out)
{
  for (guint i = 0; text != NULL && i < n_keys; i++)
    if (g_str_equal (keys[i], text))
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_triage_seen_to_string (SonaeTriageSeen seen)
{
  g_return_val_if_fail (seen < SONAE_N_SEEN, NULL);
  return seen_keys[seen];
}

gboolean
sonae_triage_seen_from_string (const char      *text,
                               SonaeTriageSeen *out)
{
  guint i;

  if (!key_lookup (seen_keys, G_N_ELEMENTS (seen_keys), text, &i))
    return FALSE;
  if (out != NULL)
    *out = i;
  return TRUE;
}

const char *
sonae_triage_answer_to_string (SonaeTriageAnswer answer)
{
  g_return_val_if_fail (answer < G_N_ELEMENTS (answer_keys), NULL);
  return answer_keys[answer];
}

gboolean
sonae_triage_answer_from_string (const char        *text,
                                 SonaeTriageAnswer *out)
{
  guint i;

  if (!key_lookup (answer_keys, G_N_ELEMENTS (answer_keys), text, &i))
    return FALSE;
  if (out != NULL)
    *out = i;
  return TRUE;
}

const char *
sonae_triage_impact_to_string (SonaeTriageImpact impact)
{
  g_return_val_if_fail (impact < G_N_ELEMENTS (impact_keys), NULL);
  return impact_keys[impact];
}

gboolean
sonae_triage_impact_from_string (const char        *text,
                                 SonaeTriageImpact *out)
{
  guint i;

  if (!key_lookup (impact_keys, G_N_ELEMENTS (impact_keys), text, &i))
    return FALSE;
  if (out != NULL)
    *out = i;
  return TRUE;
}

const char *
sonae_event_type_to_string (SonaeEventType event)
{
  g_return_val_if_fail (event < SONAE_N_EVENT_TYPES, NULL);
  return event_keys[event];
}

gboolean
sonae_event_type_from_string (const char     *text,
                              SonaeEventType *out_event)
{
  guint i;

  if (!key_lookup (event_keys, G_N_ELEMENTS (event_keys), text, &i))
    return FALSE;
  if (out_event != NULL)
    *out_event = i;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Words */

const char *
sonae_event_type_get_title (SonaeEventType event)
{
  /* Seed 003's event types (別紙3): the group, then the event. */
  static const char *const titles[SONAE_N_EVENT_TYPES] = {
    N_("Not occurred: a sign or near miss"),
    N_("Confidentiality: information leaked"),
    N_("Integrity: information destroyed or tampered with"),
    N_("Availability: systems or services cannot be used"),
    N_("Can lead to harm: malware infection"),
    N_("Can lead to harm: malicious code run"),
    N_("Can lead to harm: intrusion into a system"),
    N_("Other: none of the above"),
  };

  g_return_val_if_fail (event < SONAE_N_EVENT_TYPES, NULL);
  return _(titles[event]);
}

const char *
sonae_triage_seen_get_label (SonaeTriageSeen seen,
                             SonaeOrgKind    kind)
{
  switch (seen)
    {
    case SONAE_SEEN_RANSOM:
      return _("Files won’t open and a message demands money");
    case SONAE_SEEN_LOGIN:
      return _("Can’t log in: the account is locked or the password is refused");
    case SONAE_SEEN_SUSPICIOUS_MAIL:
      return _("Someone opened a strange e-mail or attachment");
    case SONAE_SEEN_MISSENT_OR_LOST:
      return _("Data went to the wrong person, or a device or papers are lost");
    case SONAE_SEEN_SYSTEM_DOWN:
      return worded (kind, N_("The medical records or another system is down or very slow"),
                     N_("A system is down or very slow"));
    case SONAE_SEEN_DATA_CHANGED:
      return _("The website or some data has been changed");
    case SONAE_SEEN_OTHER:
      return _("Something else");
    case SONAE_N_SEEN:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_triage_answer_get_label (SonaeTriageAnswer answer)
{
  switch (answer)
    {
    case SONAE_ANSWER_UNKNOWN:
      return _("Don’t know yet");
    case SONAE_ANSWER_YES:
      return _("Yes");
    case SONAE_ANSWER_NO:
      return _("No");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_triage_impact_get_label (SonaeTriageImpact impact,
                               SonaeOrgKind      kind)
{
  switch (impact)
    {
    case SONAE_IMPACT_UNKNOWN:
      return _("Don’t know yet");
    case SONAE_IMPACT_NONE:
      return _("Nobody yet: it is only a warning sign");
    case SONAE_IMPACT_STAFF:
      return worded (kind, N_("Only the staff’s own work"), N_("Only the employees’ own work"));
    case SONAE_IMPACT_BUSINESS:
      return worded (kind, N_("Patient care is stopped or slowed down"),
                     N_("The business is stopped or slowed down"));
    case SONAE_IMPACT_OUTSIDE:
      return worded (kind, N_("Patients or partner institutions"), N_("Customers or business partners"));
    default:
      g_return_val_if_reached ("");
    }
}

/* ------------------------------------------------------------------ */
/* The rules */

static SonaeIncidentType
propose_type (const SonaeTriageAnswers  *a,
              SonaeOrgKind               kind,
              const char               **reason)
{
  switch (a->seen)
    {
    case SONAE_SEEN_RANSOM:
      *reason = _("Files that will not open, with a demand for money, are the mark of ransomware, a kind of virus.");
      return SONAE_INCIDENT_MALWARE;
    case SONAE_SEEN_SUSPICIOUS_MAIL:
      *reason = _("A strange e-mail or attachment that was opened may have brought a virus in.");
      return SONAE_INCIDENT_MALWARE;
    case SONAE_SEEN_MISSENT_OR_LOST:
      *reason = _("Data sent to the wrong person, or a lost device or papers, means information may have got out: a leak or loss.");
      return SONAE_INCIDENT_LEAK;
    case SONAE_SEEN_SYSTEM_DOWN:
      *reason = _("A system that is down or very slow is an outage.");
      return SONAE_INCIDENT_TAMPER;
    case SONAE_SEEN_DATA_CHANGED:
      *reason = _("A website or data that was changed without anyone meaning to is tampering.");
      return SONAE_INCIDENT_TAMPER;
    case SONAE_SEEN_LOGIN:
      *reason = _("Being unable to log in can mean that someone else locked the account or changed its password: it is treated as tampering or an outage.");
      return SONAE_INCIDENT_TAMPER;
    case SONAE_SEEN_OTHER:
    case SONAE_N_SEEN:
    default:
      if (a->personal_data == SONAE_ANSWER_YES)
        {
          *reason = worded (kind,
                            N_("Something else happened and patient or other personal data is involved, so it is treated as a leak or loss until that is ruled out."),
                            N_("Something else happened and customer or other personal data is involved, so it is treated as a leak or loss until that is ruled out."));
          return SONAE_INCIDENT_LEAK;
        }
      *reason = worded (kind,
                        N_("It fits none of the listed cases and patient data is not known to be involved, so its type is “Other” for now."),
                        N_("It fits none of the listed cases and customer data is not known to be involved, so its type is “Other” for now."));
      return SONAE_INCIDENT_OTHER;
    }
}

/* The rules from the highest level down: the first that applies gives
 * both the level and its reason. Ransom and data gone astray are serious
 * in themselves, so a "don't know" there counts as the worst case; any
 * other "don't know" counts as level 1. */
static int
propose_level (const SonaeTriageAnswers  *a,
               SonaeIncidentType          type,
               SonaeOrgKind               kind,
               const char               **reason)
{
  gboolean serious = a->seen == SONAE_SEEN_RANSOM || a->seen == SONAE_SEEN_MISSENT_OR_LOST;
  gboolean data = a->personal_data == SONAE_ANSWER_YES;
  gboolean data_unknown = a->personal_data == SONAE_ANSWER_UNKNOWN;

  /* Level 3 */
  if (data && type == SONAE_INCIDENT_LEAK)
    *reason = worded (kind, N_("Level 3: patient or other personal data is involved and may have got out."),
                      N_("Level 3: customer or other personal data is involved and may have got out."));
  else if (data && (a->seen == SONAE_SEEN_RANSOM || a->seen == SONAE_SEEN_DATA_CHANGED))
    *reason = worded (kind, N_("Level 3: patient or other personal data is involved and may have been taken or damaged."),
                      N_("Level 3: customer or other personal data is involved and may have been taken or damaged."));
  else if (a->impact == SONAE_IMPACT_OUTSIDE)
    *reason = worded (kind, N_("Level 3: patients or partner institutions are affected."),
                      N_("Level 3: customers or business partners are affected."));
  else if (serious && data_unknown)
    *reason = worded (kind,
                      N_("Level 3: it is not yet known whether patient data is involved, and with an event this serious it is assumed to be until that is ruled out."),
                      N_("Level 3: it is not yet known whether customer data is involved, and with an event this serious it is assumed to be until that is ruled out."));
  else if (serious && a->impact == SONAE_IMPACT_UNKNOWN)
    *reason = worded (kind,
                      N_("Level 3: it is not yet known who is affected, and with an event this serious patients are assumed to be until that is ruled out."),
                      N_("Level 3: it is not yet known who is affected, and with an event this serious customers are assumed to be until that is ruled out."));
  else
    *reason = NULL;
  if (*reason != NULL)
    return 3;

  switch (a->impact)
    {
    case SONAE_IMPACT_BUSINESS:
      *reason = worded (kind, N_("Level 2: patient care is stopped or slowed down."),
                        N_("Level 2: the business is stopped or slowed down."));
      return 2;
    case SONAE_IMPACT_STAFF:
      *reason = worded (kind, N_("Level 1: only the staff’s own work is affected."),
                        N_("Level 1: only the employees’ own work is affected."));
      return 1;
    case SONAE_IMPACT_UNKNOWN:
      *reason = _("Level 1: it is not yet known who is affected, so the response starts at level 1; raise it as soon as more is known.");
      return 1;
    case SONAE_IMPACT_NONE:
    case SONAE_IMPACT_OUTSIDE:
    default:
      break;
    }
  if (data_unknown)
    {
      *reason = worded (kind,
                        N_("Level 1: nobody is affected yet, but it is not known whether patient data is involved, so the response starts at level 1."),
                        N_("Level 1: nobody is affected yet, but it is not known whether customer data is involved, so the response starts at level 1."));
      return 1;
    }
  *reason = _("Level 0: nobody is affected yet; it is a warning sign.");
  return 0;
}

static SonaeEventType
propose_event (const SonaeTriageAnswers  *a,
               SonaeOrgKind               kind,
               const char               **reason)
{
  switch (a->seen)
    {
    case SONAE_SEEN_RANSOM:
      *reason = _("Files held for ransom are a malware infection: systems cannot be used, and data may have been taken as well.");
      return SONAE_EVENT_MALWARE;
    case SONAE_SEEN_SUSPICIOUS_MAIL:
      if (a->impact == SONAE_IMPACT_NONE)
        {
          *reason = _("A strange e-mail or attachment with nobody affected yet is a warning sign, a near miss.");
          return SONAE_EVENT_SIGN;
        }
      *reason = _("A strange e-mail or attachment that was opened is treated as a malware infection, because someone is affected or it is not yet known who is.");
      return SONAE_EVENT_MALWARE;
    case SONAE_SEEN_MISSENT_OR_LOST:
      *reason = _("Data sent to the wrong person, or a lost device or papers, threatens confidentiality: information has leaked.");
      return SONAE_EVENT_LEAK;
    case SONAE_SEEN_SYSTEM_DOWN:
      *reason = _("A system that is down or very slow threatens availability: systems cannot be used.");
      return SONAE_EVENT_UNAVAILABLE;
    case SONAE_SEEN_DATA_CHANGED:
      *reason = _("A website or data that was changed threatens integrity: information was destroyed or tampered with.");
      return SONAE_EVENT_TAMPERING;
    case SONAE_SEEN_LOGIN:
      if (a->personal_data == SONAE_ANSWER_YES)
        {
          *reason = worded (kind, N_("Being unable to log in while patient data is involved points to an intrusion into a system."),
                            N_("Being unable to log in while customer data is involved points to an intrusion into a system."));
          return SONAE_EVENT_INTRUSION;
        }
      if (a->impact != SONAE_IMPACT_NONE)
        {
          *reason = _("Being unable to log in while someone is affected, or while it is not known who is, points to an intrusion into a system.");
          return SONAE_EVENT_INTRUSION;
        }
      *reason = _("Being unable to log in with nobody affected yet is treated as a warning sign.");
      return SONAE_EVENT_SIGN;
    case SONAE_SEEN_OTHER:
    case SONAE_N_SEEN:
    default:
      *reason = _("It fits none of the listed cases, so its event type is “Other” for now.");
      return SONAE_EVENT_OTHER;
    }
}

SonaeTriageProposal *
sonae_triage_propose (const SonaeTriageAnswers *answers,
                      SonaeOrgKind              kind)
{
  SonaeTriageProposal *proposal;
  const char *reason = NULL;

  g_return_val_if_fail (answers != NULL, NULL);
  g_return_val_if_fail (answers->seen < SONAE_N_SEEN, NULL);
  g_return_val_if_fail (answers->personal_data <= SONAE_ANSWER_NO, NULL);
  g_return_val_if_fail (answers->impact <= SONAE_IMPACT_OUTSIDE, NULL);

  proposal = g_new0 (SonaeTriageProposal, 1);
  proposal->type = propose_type (answers, kind, &reason);
  proposal->type_reason = g_strdup (reason);
  proposal->level = propose_level (answers, proposal->type, kind, &reason);
  proposal->level_reason = g_strdup (reason);
  proposal->event = propose_event (answers, kind, &reason);
  proposal->event_reason = g_strdup (reason);
  return proposal;
}

void
sonae_triage_proposal_free (SonaeTriageProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->type_reason);
  g_free (proposal->level_reason);
  g_free (proposal->event_reason);
  g_free (proposal);
}
