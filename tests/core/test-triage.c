#include "config.h"

#include <locale.h>
#include <string.h>

#include "sonae-triage.h"
#include "sonae-test-util.h"

/* The expected proposal for every answer. Per "seen": the incident type for
 * personal data unknown / yes / no (L leak, T tampering or outage, M virus,
 * O other); then, for each of those three answers, one character per impact
 * answer (unknown, none, staff, business, outside): the level, and the event
 * (S sign, L leak, T tampering, U unavailable, M malware, I intrusion,
 * O other). */
static const struct {
  SonaeTriageSeen seen;
  const char *types;
  const char *levels[3];
  const char *events[3];
} expected[] = {
  /* Ransom: serious in itself; personal data means it may have been taken. */
  { SONAE_SEEN_RANSOM, "MMM",
    { "33333", "33333", "30123" },
    { "MMMMM", "MMMMM", "MMMMM" } },
  /* Login: intrusion unless nobody is affected and no data is involved. */
  { SONAE_SEEN_LOGIN, "TTT",
    { "11123", "10123", "10123" },
    { "ISIII", "IIIII", "ISIII" } },
  /* A strange e-mail: a sign only while nobody is affected. */
  { SONAE_SEEN_SUSPICIOUS_MAIL, "MMM",
    { "11123", "10123", "10123" },
    { "MSMMM", "MSMMM", "MSMMM" } },
  /* Missent or lost: a leak, serious in itself. */
  { SONAE_SEEN_MISSENT_OR_LOST, "LLL",
    { "33333", "33333", "30123" },
    { "LLLLL", "LLLLL", "LLLLL" } },
  { SONAE_SEEN_SYSTEM_DOWN, "TTT",
    { "11123", "10123", "10123" },
    { "UUUUU", "UUUUU", "UUUUU" } },
  /* Data changed: personal data may have been damaged. */
  { SONAE_SEEN_DATA_CHANGED, "TTT",
    { "11123", "33333", "10123" },
    { "TTTTT", "TTTTT", "TTTTT" } },
  /* Other: a leak when personal data is involved. */
  { SONAE_SEEN_OTHER, "OLO",
    { "11123", "33333", "10123" },
    { "OOOOO", "OOOOO", "OOOOO" } },
};

static SonaeIncidentType
type_of (char c)
{
  switch (c)
    {
    case 'L': return SONAE_INCIDENT_LEAK;
    case 'T': return SONAE_INCIDENT_TAMPER;
    case 'M': return SONAE_INCIDENT_MALWARE;
    case 'O': return SONAE_INCIDENT_OTHER;
    default: g_assert_not_reached ();
    }
}

static SonaeEventType
event_of (char c)
{
  switch (c)
    {
    case 'S': return SONAE_EVENT_SIGN;
    case 'L': return SONAE_EVENT_LEAK;
    case 'T': return SONAE_EVENT_TAMPERING;
    case 'U': return SONAE_EVENT_UNAVAILABLE;
    case 'M': return SONAE_EVENT_MALWARE;
    case 'I': return SONAE_EVENT_INTRUSION;
    case 'O': return SONAE_EVENT_OTHER;
    default: g_assert_not_reached ();
    }
}

static void
assert_sentence (const char   *reason,
                 SonaeOrgKind  kind)
{
  g_assert_nonnull (reason);
  g_assert_cmpuint (strlen (reason), >, 20);
  g_assert_true (g_str_has_suffix (reason, "."));
  /* Patients for clinics and hospitals, customers for businesses and
   * pharmacies. */
  if (!sonae_org_kind_is_medical (kind))
    g_assert_null (strstr (reason, "atient"));
  else
    g_assert_null (strstr (reason, "ustomer"));
}

/* Every combination of the three answers, in each kind of organisation. */
static void
test_every_combination (void)
{
  static const SonaeOrgKind kinds[] = { SONAE_ORG_CLINIC, SONAE_ORG_HOSPITAL, SONAE_ORG_PHARMACY, SONAE_ORG_BUSINESS };
  guint n = 0;

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, SONAE_N_SEEN);
  for (guint s = 0; s < G_N_ELEMENTS (expected); s++)
    for (guint pd = SONAE_ANSWER_UNKNOWN; pd <= SONAE_ANSWER_NO; pd++)
      for (guint impact = SONAE_IMPACT_UNKNOWN; impact <= SONAE_IMPACT_OUTSIDE; impact++)
        for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
          {
            SonaeTriageAnswers answers = { expected[s].seen, pd, impact };
            g_autoptr(SonaeTriageProposal) p = sonae_triage_propose (&answers, kinds[k]);
            g_autofree char *level_prefix = NULL;

            if (p->type != type_of (expected[s].types[pd]) ||
                p->level != expected[s].levels[pd][impact] - '0' ||
                p->event != event_of (expected[s].events[pd][impact]))
              g_error ("%s / personal data %s / impact %s: got type %d, level %d, event %s",
                       sonae_triage_seen_to_string (answers.seen), sonae_triage_answer_to_string (pd),
                       sonae_triage_impact_to_string (impact), p->type, p->level,
                       sonae_event_type_to_string (p->event));

            assert_sentence (p->type_reason, kinds[k]);
            assert_sentence (p->level_reason, kinds[k]);
            assert_sentence (p->event_reason, kinds[k]);
            level_prefix = g_strdup_printf ("Level %d: ", p->level);
            g_assert_true (g_str_has_prefix (p->level_reason, level_prefix));
            n++;
          }
  g_assert_cmpuint (n, ==, SONAE_N_SEEN * 3 * 5 * 4);
}

/* The reasons name the answer they follow from. */
static void
test_reasons (void)
{
  SonaeTriageAnswers ransom = { SONAE_SEEN_RANSOM, SONAE_ANSWER_YES, SONAE_IMPACT_BUSINESS };
  SonaeTriageAnswers outside = { SONAE_SEEN_SYSTEM_DOWN, SONAE_ANSWER_NO, SONAE_IMPACT_OUTSIDE };
  SonaeTriageAnswers lost_unknown = { SONAE_SEEN_MISSENT_OR_LOST, SONAE_ANSWER_UNKNOWN, SONAE_IMPACT_NONE };
  SonaeTriageAnswers ransom_who = { SONAE_SEEN_RANSOM, SONAE_ANSWER_NO, SONAE_IMPACT_UNKNOWN };
  SonaeTriageAnswers slow = { SONAE_SEEN_SYSTEM_DOWN, SONAE_ANSWER_NO, SONAE_IMPACT_BUSINESS };
  SonaeTriageAnswers mail_unknown = { SONAE_SEEN_SUSPICIOUS_MAIL, SONAE_ANSWER_NO, SONAE_IMPACT_UNKNOWN };
  SonaeTriageAnswers mail_sign = { SONAE_SEEN_SUSPICIOUS_MAIL, SONAE_ANSWER_NO, SONAE_IMPACT_NONE };
  SonaeTriageAnswers other_data = { SONAE_SEEN_OTHER, SONAE_ANSWER_YES, SONAE_IMPACT_NONE };
  SonaeTriageProposal *p;

  p = sonae_triage_propose (&ransom, SONAE_ORG_CLINIC);
  g_assert_cmpstr (p->level_reason, ==, "Level 3: patient or other personal data is involved and may have been taken or damaged.");
  g_assert_nonnull (strstr (p->type_reason, "ransomware"));
  g_assert_nonnull (strstr (p->event_reason, "malware"));
  sonae_triage_proposal_free (p);
  p = sonae_triage_propose (&ransom, SONAE_ORG_BUSINESS);
  g_assert_cmpstr (p->level_reason, ==, "Level 3: customer or other personal data is involved and may have been taken or damaged.");
  sonae_triage_proposal_free (p);

  p = sonae_triage_propose (&outside, SONAE_ORG_HOSPITAL);
  g_assert_cmpstr (p->level_reason, ==, "Level 3: patients or partner institutions are affected.");
  sonae_triage_proposal_free (p);
  p = sonae_triage_propose (&outside, SONAE_ORG_BUSINESS);
  g_assert_cmpstr (p->level_reason, ==, "Level 3: customers or business partners are affected.");
  sonae_triage_proposal_free (p);

  /* "Don't know" in a serious event: the reason says it is assumed. */
  p = sonae_triage_propose (&lost_unknown, SONAE_ORG_CLINIC);
  g_assert_nonnull (strstr (p->level_reason, "not yet known whether patient data is involved"));
  g_assert_nonnull (strstr (p->level_reason, "assumed"));
  sonae_triage_proposal_free (p);
  p = sonae_triage_propose (&ransom_who, SONAE_ORG_BUSINESS);
  g_assert_nonnull (strstr (p->level_reason, "not yet known who is affected"));
  g_assert_nonnull (strstr (p->level_reason, "customers are assumed"));
  sonae_triage_proposal_free (p);

  p = sonae_triage_propose (&slow, SONAE_ORG_HOSPITAL);
  g_assert_cmpstr (p->level_reason, ==, "Level 2: patient care is stopped or slowed down.");
  g_assert_nonnull (strstr (p->event_reason, "availability"));
  sonae_triage_proposal_free (p);
  p = sonae_triage_propose (&slow, SONAE_ORG_BUSINESS);
  g_assert_cmpstr (p->level_reason, ==, "Level 2: the business is stopped or slowed down.");
  sonae_triage_proposal_free (p);
  /* A pharmacy reads a business's words (sonae_org_kind_is_medical()). */
  p = sonae_triage_propose (&slow, SONAE_ORG_PHARMACY);
  g_assert_cmpstr (p->level_reason, ==, "Level 2: the business is stopped or slowed down.");
  sonae_triage_proposal_free (p);

  /* "Don't know" elsewhere: level 1, and the reason says why. */
  p = sonae_triage_propose (&mail_unknown, SONAE_ORG_CLINIC);
  g_assert_cmpint (p->level, ==, 1);
  g_assert_nonnull (strstr (p->level_reason, "not yet known who is affected"));
  sonae_triage_proposal_free (p);

  p = sonae_triage_propose (&mail_sign, SONAE_ORG_CLINIC);
  g_assert_cmpstr (p->level_reason, ==, "Level 0: nobody is affected yet; it is a warning sign.");
  g_assert_nonnull (strstr (p->event_reason, "warning sign"));
  sonae_triage_proposal_free (p);

  p = sonae_triage_propose (&other_data, SONAE_ORG_CLINIC);
  g_assert_nonnull (strstr (p->type_reason, "patient or other personal data is involved"));
  sonae_triage_proposal_free (p);
  p = sonae_triage_propose (&other_data, SONAE_ORG_BUSINESS);
  g_assert_nonnull (strstr (p->type_reason, "customer or other personal data is involved"));
  sonae_triage_proposal_free (p);

  sonae_triage_proposal_free (NULL);
}

static void
test_keys_round_trip (void)
{
  static const char *const seen[] = { "ransom", "login", "suspicious-mail", "missent-or-lost",
                                      "system-down", "data-changed", "other" };
  static const char *const answers[] = { "unknown", "yes", "no" };
  static const char *const impacts[] = { "unknown", "none", "staff", "business", "outside" };
  static const char *const events[] = { "sign", "leak", "tampering", "unavailable", "malware",
                                        "malicious-code", "intrusion", "other" };

  g_assert_cmpuint (G_N_ELEMENTS (seen), ==, SONAE_N_SEEN);
  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    {
      SonaeTriageSeen back = SONAE_N_SEEN;

      g_assert_cmpstr (sonae_triage_seen_to_string (i), ==, seen[i]);
      g_assert_true (sonae_triage_seen_from_string (seen[i], &back));
      g_assert_cmpint (back, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      SonaeTriageAnswer back = 99;

      g_assert_cmpstr (sonae_triage_answer_to_string (i), ==, answers[i]);
      g_assert_true (sonae_triage_answer_from_string (answers[i], &back));
      g_assert_cmpint (back, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (impacts); i++)
    {
      SonaeTriageImpact back = 99;

      g_assert_cmpstr (sonae_triage_impact_to_string (i), ==, impacts[i]);
      g_assert_true (sonae_triage_impact_from_string (impacts[i], &back));
      g_assert_cmpint (back, ==, i);
    }
  g_assert_cmpuint (G_N_ELEMENTS (events), ==, SONAE_N_EVENT_TYPES);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      SonaeEventType back = SONAE_N_EVENT_TYPES;

      g_assert_cmpstr (sonae_event_type_to_string (i), ==, events[i]);
      g_assert_true (sonae_event_type_from_string (events[i], &back));
      g_assert_cmpint (back, ==, i);
    }

  g_assert_false (sonae_triage_seen_from_string ("fire", NULL));
  g_assert_false (sonae_triage_seen_from_string (NULL, NULL));
  g_assert_false (sonae_triage_answer_from_string ("maybe", NULL));
  g_assert_false (sonae_triage_impact_from_string ("everyone", NULL));
  g_assert_false (sonae_event_type_from_string ("Leak", NULL));
  g_assert_true (sonae_triage_seen_from_string ("other", NULL));
}

static void
test_labels (void)
{
  g_autoptr(GHashTable) seen_labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) event_titles = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < SONAE_N_SEEN; i++)
    {
      const char *clinic = sonae_triage_seen_get_label (i, SONAE_ORG_CLINIC);

      g_assert_cmpstr (clinic, !=, "");
      g_assert_cmpstr (sonae_triage_seen_get_label (i, SONAE_ORG_BUSINESS), !=, "");
      g_assert_false (g_hash_table_contains (seen_labels, clinic));
      g_hash_table_add (seen_labels, (gpointer) clinic);
    }
  g_assert_cmpstr (sonae_triage_seen_get_label (SONAE_SEEN_RANSOM, SONAE_ORG_CLINIC), ==,
                   "Files won’t open and a message demands money");

  for (guint i = 0; i <= SONAE_ANSWER_NO; i++)
    g_assert_cmpstr (sonae_triage_answer_get_label (i), !=, "");
  for (guint i = 0; i <= SONAE_IMPACT_OUTSIDE; i++)
    {
      g_assert_cmpstr (sonae_triage_impact_get_label (i, SONAE_ORG_CLINIC), !=, "");
      g_assert_cmpstr (sonae_triage_impact_get_label (i, SONAE_ORG_BUSINESS), !=, "");
    }
  g_assert_nonnull (strstr (sonae_triage_impact_get_label (SONAE_IMPACT_OUTSIDE, SONAE_ORG_CLINIC), "Patients"));
  g_assert_nonnull (strstr (sonae_triage_impact_get_label (SONAE_IMPACT_OUTSIDE, SONAE_ORG_BUSINESS), "Customers"));
  g_assert_nonnull (strstr (sonae_triage_impact_get_label (SONAE_IMPACT_BUSINESS, SONAE_ORG_HOSPITAL), "Patient care"));
  g_assert_nonnull (strstr (sonae_triage_impact_get_label (SONAE_IMPACT_BUSINESS, SONAE_ORG_BUSINESS), "business"));

  for (guint i = 0; i < SONAE_N_EVENT_TYPES; i++)
    {
      const char *title = sonae_event_type_get_title (i);

      g_assert_cmpstr (title, !=, "");
      g_assert_false (g_hash_table_contains (event_titles, title));
      g_hash_table_add (event_titles, (gpointer) title);
    }
  g_assert_cmpstr (sonae_event_type_get_title (SONAE_EVENT_UNAVAILABLE), ==, "Availability: systems or services cannot be used");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/triage/every-combination", test_every_combination);
  g_test_add_func ("/triage/reasons", test_reasons);
  g_test_add_func ("/triage/keys-round-trip", test_keys_round_trip);
  g_test_add_func ("/triage/labels", test_labels);

  return g_test_run ();
}
