/* Each outside body by its own condition: the table of incident × body
 * that says which reminders an incident raises (exactly those), the
 * reading of each condition from the record, and the organisation's own
 * answers. */
#include "config.h"

#include <string.h>

#include "sonae-body-conditions.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-ppc-bodies.h"
#include "sonae-ppc.h"
#include "sonae-reminders.h"
#include "sonae-store.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

#define AUTHOR "事務長"
#define DETECTED "2026-12-01T09:00:00"

#define Y SONAE_ANSWER_YES
#define N SONAE_ANSWER_NO
#define U SONAE_ANSWER_UNKNOWN

#define CLINIC SONAE_ORG_CLINIC
#define BUSINESS SONAE_ORG_BUSINESS

/* One incident as triage records it, what was answered since, and every
 * reminder it must raise — no more, no fewer — by key without the incident
 * id: "ppc-preliminary", "body:police-cyber" (report: it applies),
 * "body-undecided:mhlw" (decide whether it applies) … */
typedef struct {
  const char *name;
  SonaeOrgKind kind;
  SonaeTriageSeen seen;
  SonaeTriageAnswer personal_data;
  SonaeTriageImpact impact;
  /* The PPC's answers when someone gave them, else NULL (as triage left
   * them): personal data, sensitive, financial, unlawful, over 1,000 as
   * y/n/u, then "+a" when information was taken while being collected. */
  const char *ppc;
  /* The organisation's own answers: "police-cyber=yes,prefecture-medical=no". */
  const char *answers;
  const char *expected;
} Row;

static const Row table[] = {
  /* Ransomware: a crime and a cyber attack; whether patient data is
   * concerned is not known yet, so the PPC is still to decide. */
  { "ransomware, patient data unknown", CLINIC, SONAE_SEEN_RANSOM, U, SONAE_IMPACT_BUSINESS, NULL, NULL,
    "ppc-undecided body:police-cyber body:mhlw body:prefecture-medical body:jpcert body:ipa-report" },
  { "ransomware, customer data unknown", BUSINESS, SONAE_SEEN_RANSOM, U, SONAE_IMPACT_BUSINESS, NULL, NULL,
    "ppc-undecided body:police-cyber body:jpcert body:ipa-report" },
  /* A ransomware leak: every body, and the PPC's dates and the persons'
   * notice (the ransom note answers "unlawful purpose"). */
  { "ransomware, patient data leaked", CLINIC, SONAE_SEEN_RANSOM, Y, SONAE_IMPACT_OUTSIDE, NULL, NULL,
    "ppc-preliminary ppc-final ppc-persons "
    "body:police-cyber body:mhlw body:prefecture-medical body:jpcert body:ipa-report" },
  { "ransomware, customer data leaked", BUSINESS, SONAE_SEEN_RANSOM, Y, SONAE_IMPACT_OUTSIDE, NULL, NULL,
    "ppc-preliminary ppc-final ppc-persons body:police-cyber body:jpcert body:ipa-report" },
  /* A disk failure at level 3, no leak, no crime: no police, no PPC, no
   * ministry, IPA or JPCERT/CC; the clinic decides whether to tell its
   * local authority. */
  { "level-3 disk failure", CLINIC, SONAE_SEEN_SYSTEM_DOWN, N, SONAE_IMPACT_OUTSIDE, NULL, NULL,
    "body-undecided:prefecture-medical" },
  { "level-3 disk failure", BUSINESS, SONAE_SEEN_SYSTEM_DOWN, N, SONAE_IMPACT_OUTSIDE, NULL, NULL,
    "" },
  /* Sabotage comes to light: the organisation's answer wins. */
  { "disk failure, then sabotage", CLINIC, SONAE_SEEN_SYSTEM_DOWN, N, SONAE_IMPACT_OUTSIDE, NULL,
    "police-cyber=yes,prefecture-medical=no", "body:police-cyber" },
  { "disk failure, crime not known", CLINIC, SONAE_SEEN_SYSTEM_DOWN, N, SONAE_IMPACT_OUTSIDE, NULL,
    "police-cyber=unknown", "body-undecided:police-cyber body-undecided:prefecture-medical" },
  /* A fax to the wrong number with patient data: the PPC (medical data is
   * sensitive, from one person) and the persons' notice; no crime, no
   * cyber attack. */
  { "mis-sent fax, patient data, not answered yet", CLINIC, SONAE_SEEN_MISSENT_OR_LOST, Y, SONAE_IMPACT_OUTSIDE,
    NULL, NULL, "ppc-undecided body-undecided:prefecture-medical" },
  { "mis-sent fax, patient data", CLINIC, SONAE_SEEN_MISSENT_OR_LOST, Y, SONAE_IMPACT_OUTSIDE,
    "yynnn", NULL, "ppc-preliminary ppc-final ppc-persons body-undecided:prefecture-medical" },
  { "mis-sent e-mail, card numbers", BUSINESS, SONAE_SEEN_MISSENT_OR_LOST, Y, SONAE_IMPACT_OUTSIDE,
    "ynynn", NULL, "ppc-preliminary ppc-final ppc-persons" },
  /* Sent to the wrong person, but encrypted with the key kept apart: not
   * reportable, and nobody else is owed anything. */
  { "mis-sent encrypted file", BUSINESS, SONAE_SEEN_MISSENT_OR_LOST, Y, SONAE_IMPACT_OUTSIDE,
    "ynynn+e", NULL, "" },
  /* A stolen laptop: a crime (the police), no cyber attack. */
  { "stolen laptop with patient data", CLINIC, SONAE_SEEN_MISSENT_OR_LOST, Y, SONAE_IMPACT_OUTSIDE,
    "yynyn", NULL, "ppc-preliminary ppc-final ppc-persons body:police-cyber body-undecided:prefecture-medical" },
  /* Unauthorised access, no personal data: the police, and for a clinic the
   * ministry and its local authority (level 2: JPCERT/CC and IPA optional). */
  { "unauthorised access, no data", CLINIC, SONAE_SEEN_LOGIN, N, SONAE_IMPACT_BUSINESS, NULL, NULL,
    "body:police-cyber body:mhlw body:prefecture-medical" },
  { "unauthorised access, no data", BUSINESS, SONAE_SEEN_LOGIN, N, SONAE_IMPACT_BUSINESS, NULL, NULL,
    "body:police-cyber" },
  /* A phishing mail opened: staff's work only (level 1, every body
   * optional), personal data not known: the PPC asks. */
  { "phishing mail opened", CLINIC, SONAE_SEEN_SUSPICIOUS_MAIL, U, SONAE_IMPACT_STAFF, NULL, NULL,
    "ppc-undecided" },
  { "phishing mail opened", BUSINESS, SONAE_SEEN_SUSPICIOUS_MAIL, U, SONAE_IMPACT_STAFF, NULL, NULL,
    "ppc-undecided" },
  { "phishing mail, nobody affected", CLINIC, SONAE_SEEN_SUSPICIOUS_MAIL, N, SONAE_IMPACT_NONE, NULL, NULL,
    "" },
  /* A virus that stops the business: an attack, but whether a crime was
   * committed is for the organisation to say. */
  { "phishing mail, care stopped", CLINIC, SONAE_SEEN_SUSPICIOUS_MAIL, N, SONAE_IMPACT_BUSINESS, NULL, NULL,
    "body-undecided:police-cyber body:mhlw body:prefecture-medical" },
  { "phishing mail, business stopped", BUSINESS, SONAE_SEEN_SUSPICIOUS_MAIL, N, SONAE_IMPACT_BUSINESS, NULL, NULL,
    "body-undecided:police-cyber" },
  /* A website changed: nothing recorded says whether it was an attack. */
  { "website changed", CLINIC, SONAE_SEEN_DATA_CHANGED, N, SONAE_IMPACT_OUTSIDE, NULL, NULL,
    "body-undecided:police-cyber body-undecided:mhlw body-undecided:prefecture-medical "
    "body-undecided:jpcert body-undecided:ipa-report" },
  /* The order form skimmed (2024 amendment): reported although no file of
   * the business leaked; a crime and an attack. */
  { "order form skimmed", BUSINESS, SONAE_SEEN_DATA_CHANGED, N, SONAE_IMPACT_OUTSIDE, "nuuuu+a", NULL,
    "ppc-preliminary ppc-final ppc-persons body:police-cyber body:jpcert body:ipa-report" },
};

static SonaeTriageAnswer
answer_of (char c)
{
  switch (c)
    {
    case 'y':
      return Y;
    case 'n':
      return N;
    default:
      return U;
    }
}

static void
apply_ppc (SonaeStore *store,
           gint64      id,
           const char *ppc_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (ppc_text), >=, 5);
  ppc->personal_data = answer_of (ppc_text[0]);
  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    ppc->conditions[i] = answer_of (ppc_text[1 + i]);
  ppc->acquiring = strstr (ppc_text, "+a") != NULL;
  ppc->encrypted = strstr (ppc_text, "+e") != NULL;
  g_assert_true (sonae_ppc_set (store, id, ppc, AUTHOR, &error));
  g_assert_no_error (error);
}

static void
apply_answers (SonaeStore *store,
               gint64      id,
               const char *answers)
{
  g_auto(GStrv) pairs = g_strsplit (answers, ",", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      g_autoptr(GError) error = NULL;
      SonaeTriageAnswer answer;

      g_assert_true (sonae_triage_answer_from_string (kv[1], &answer));
      g_assert_true (sonae_body_conditions_set_answer (store, id, kv[0], answer, AUTHOR, &error));
      g_assert_no_error (error);
    }
}

/* A new store for an organisation of @kind. */
static SonaeStore *
open_store (SonaeOrgKind   kind,
            char         **out_dir)
{
  SonaeStore *store = sonae_test_open_store (out_dir);
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);
  g_autoptr(GError) error = NULL;

  profile->kind = kind;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  return store;
}

/* The incident of @row, as triage proposes it. */
static gint64
add_incident (SonaeStore *store,
              const Row  *row)
{
  SonaeTriageAnswers answers = { row->seen, row->personal_data, row->impact };
  g_autoptr(SonaeTriageProposal) proposal = sonae_triage_propose (&answers, row->kind);
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (row->name);
  incident->detected_at = g_strdup (DETECTED);
  incident->type = proposal->type;
  incident->level = proposal->level;
  incident->event = proposal->event;
  incident->answers = answers;
  g_assert_true (sonae_incidents_create (store, incident, NULL, AUTHOR, &error));
  g_assert_no_error (error);
  return incident->id;
}

/* A reminder's key without the incident id: "ppc-final:7" → "ppc-final",
 * "body:7:police-cyber" → "body:police-cyber". */
static char *
key_without_id (const SonaeReminder *r)
{
  g_auto(GStrv) parts = g_strsplit (r->key, ":", 3);

  if (parts[1] == NULL || parts[2] == NULL)
    return g_strdup (parts[0]);
  return g_strdup_printf ("%s:%s", parts[0], parts[2]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
collect (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = sonae_reminders_collect (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  return reminders;
}

/* The keys of @incident_id's reminders, sorted, space-separated. */
static char *
incident_keys (GPtrArray *reminders,
               gint64     incident_id)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      if (r->incident_id == incident_id)
        g_ptr_array_add (keys, key_without_id (r));
    }
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (" ", (char **) keys->pdata);
}

static char *
sorted (const char *expected)
{
  g_auto(GStrv) keys = g_strsplit (expected, " ", -1);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    if (*keys[i] != '\0')
      g_ptr_array_add (list, keys[i]);
  g_ptr_array_sort (list, compare_strings);
  g_ptr_array_add (list, NULL);
  return g_strjoinv (" ", (char **) list->pdata);
}

/* Every row: exactly the reminders the table says, each saying which body
 * and why (it applies, or what to decide). */
static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      const Row *row = &table[i];
      g_autofree char *dir = NULL;
      g_autoptr(SonaeStore) store = NULL;
      g_autoptr(GPtrArray) reminders = NULL;
      g_autofree char *got = NULL;
      g_autofree char *want = sorted (row->expected);
      gint64 id;

      g_test_message ("row %u: %s (%s)", i, row->name, sonae_org_kind_to_string (row->kind));
      g_setenv ("SONAE_NOW", "2026-12-02T10:00:00", TRUE);
      store = open_store (row->kind, &dir);
      id = add_incident (store, row);
      if (row->ppc != NULL)
        apply_ppc (store, id, row->ppc);
      if (row->answers != NULL)
        apply_answers (store, id, row->answers);

      reminders = collect (store);
      got = incident_keys (reminders, id);
      g_assert_cmpstr (got, ==, want);

      for (guint j = 0; j < reminders->len; j++)
        {
          SonaeReminder *r = g_ptr_array_index (reminders, j);

          if (r->kind == SONAE_REMINDER_BODY_REPORT)
            {
              g_assert_nonnull (strstr (r->title, "is not yet reported to"));
              g_assert_nonnull (r->detail);
            }
          else if (r->kind == SONAE_REMINDER_BODY_UNDECIDED)
            {
              g_assert_true (g_str_has_prefix (r->title, "Decide whether "));
              g_assert_nonnull (strstr (r->detail, "?"));
            }
          else if (r->kind == SONAE_REMINDER_PPC_PERSONS)
            g_assert_nonnull (strstr (r->detail, sonae_ppc_get_persons_note ()));
        }

      /* The list the Now tab shows says the same of every body. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) conditions = sonae_body_conditions_list (store, id, &error);
        g_autoptr(GPtrArray) reports = sonae_ppc_list_body_reports (store, id, &error);

        g_assert_no_error (error);
        for (guint j = 0; j < reports->len; j++)
          {
            SonaeBodyReport *b = g_ptr_array_index (reports, j);
            gboolean found = FALSE;

            for (guint k = 0; k < conditions->len; k++)
              {
                SonaeBodyCondition *c = g_ptr_array_index (conditions, k);

                if (g_str_equal (c->authority_key, b->authority_key))
                  {
                    g_assert_cmpint (c->applies, ==, b->applies);
                    g_assert_cmpstr (c->reason, ==, b->reason);
                    found = TRUE;
                  }
              }
            g_assert_true (found);
          }
      }

      g_clear_object (&store);
      sonae_test_remove_dir (dir);
    }
  g_unsetenv ("SONAE_NOW");
}

/* The issue's own words: a level-3 disk failure with no leak and no crime
 * raises no police and no PPC reminder; a ransomware leak raises the right
 * ones. */
static void
test_done_when (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  const Row *disk = &table[4];
  const Row *leak = &table[2];
  gint64 disk_id, leak_id;

  g_assert_cmpstr (disk->name, ==, "level-3 disk failure");
  g_assert_cmpstr (leak->name, ==, "ransomware, patient data leaked");
  g_setenv ("SONAE_NOW", "2026-12-02T10:00:00", TRUE);
  store = open_store (CLINIC, &dir);
  disk_id = add_incident (store, disk);
  leak_id = add_incident (store, leak);
  {
    g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, disk_id, NULL);

    g_assert_cmpint (incident->level, ==, 3);
  }

  reminders = collect (store);
  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      if (r->incident_id != disk_id)
        continue;
      g_assert_null (strstr (r->key, "police"));
      g_assert_null (strstr (r->key, "ppc"));
      g_assert_cmpint (r->kind, !=, SONAE_REMINDER_PPC_UNDECIDED);
    }
  {
    g_autofree char *got = incident_keys (reminders, leak_id);

    g_assert_nonnull (strstr (got, "body:police-cyber"));
    g_assert_nonnull (strstr (got, "ppc-preliminary"));
    g_assert_nonnull (strstr (got, "ppc-final"));
    g_assert_nonnull (strstr (got, "ppc-persons"));
  }
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  g_unsetenv ("SONAE_NOW");
}

/* The reading of one condition, pure: every body for a few records, with
 * its reason; and an answer wins over the reading. */
static void
test_decide (void)
{
  g_autoptr(SonaeIncident) ransom = sonae_incident_new ();
  g_autoptr(SonaeIncident) failure = sonae_incident_new ();
  g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_assessment_new ();
  struct {
    const SonaeIncident *incident;
    const char *key;
    SonaeTriageAnswer applies;
    const char *in_reason;
  } cases[] = {
    { ransom, "police-cyber", Y, "ransomware" },
    { ransom, "ipa-report", Y, "IPA" },
    { ransom, "mhlw", Y, "ministry" },
    { ransom, "mhlw-support", Y, "first response" },
    { ransom, "jpcert", Y, "JPCERT/CC" },
    { ransom, "prefecture-medical", Y, "local authority" },
    { ransom, "ipa-consult", Y, NULL },
    { failure, "police-cyber", N, "nothing recorded points to an attack" },
    { failure, "ipa-report", N, "none is needed" },
    { failure, "mhlw", N, "none is needed" },
    { failure, "mhlw-support", N, "not needed here" },
    { failure, "jpcert", N, "none is needed" },
    { failure, "prefecture-medical", U, "Decide: Is it serious enough" },
    { failure, "police-consult", Y, NULL },
  };

  ransom->type = SONAE_INCIDENT_MALWARE;
  ransom->level = 3;
  ransom->event = SONAE_EVENT_MALWARE;
  ransom->answers.seen = SONAE_SEEN_RANSOM;
  ransom->answers.personal_data = U;
  failure->type = SONAE_INCIDENT_TAMPER;
  failure->level = 3;
  failure->event = SONAE_EVENT_UNAVAILABLE;
  failure->answers.seen = SONAE_SEEN_SYSTEM_DOWN;
  failure->answers.personal_data = N;
  failure->answers.impact = SONAE_IMPACT_OUTSIDE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SonaeBodyCondition) c = sonae_body_condition_decide (cases[i].key, cases[i].incident, ppc,
                                                                     CLINIC, NULL);

      g_test_message ("%u %s: %s", i, cases[i].key, c->reason ? c->reason : "(none)");
      g_assert_cmpstr (c->authority_key, ==, cases[i].key);
      g_assert_cmpint (c->applies, ==, cases[i].applies);
      g_assert_false (c->answered);
      if (cases[i].in_reason != NULL)
        g_assert_nonnull (strstr (c->reason, cases[i].in_reason));
      else
        g_assert_null (c->reason);
    }

  /* The event category is followed: the same failure, once it is found to
   * be an intrusion, is a crime. */
  failure->event = SONAE_EVENT_INTRUSION;
  {
    g_autoptr(SonaeBodyCondition) c = sonae_body_condition_decide ("police-cyber", failure, ppc, CLINIC, NULL);

    g_assert_cmpint (c->applies, ==, Y);
    g_assert_nonnull (strstr (c->reason, "unauthorised access"));
  }
  failure->event = SONAE_EVENT_UNAVAILABLE;

  /* The PPC's answer "done on purpose" makes it a crime; "nobody did it on
   * purpose" rules it out where nothing else tells. */
  {
    g_autoptr(SonaeIncident) other = sonae_incident_new ();
    g_autoptr(SonaeBodyCondition) before = NULL;
    g_autoptr(SonaeBodyCondition) yes = NULL;
    g_autoptr(SonaeBodyCondition) no = NULL;

    other->type = SONAE_INCIDENT_OTHER;
    other->level = 2;
    other->event = SONAE_EVENT_OTHER;
    other->answers.seen = SONAE_SEEN_OTHER;
    before = sonae_body_condition_decide ("police-cyber", other, ppc, CLINIC, NULL);
    g_assert_cmpint (before->applies, ==, U);
    g_assert_true (g_str_has_prefix (before->reason, "Decide: Was a crime committed"));
    ppc->personal_data = Y;
    ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = Y;
    yes = sonae_body_condition_decide ("police-cyber", other, ppc, CLINIC, NULL);
    g_assert_cmpint (yes->applies, ==, Y);
    ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = N;
    no = sonae_body_condition_decide ("police-cyber", other, ppc, CLINIC, NULL);
    g_assert_cmpint (no->applies, ==, N);
    /* Not read where no personal data is concerned (not asked then). */
    ppc->personal_data = N;
    ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = Y;
    g_clear_pointer (&yes, sonae_body_condition_free);
    yes = sonae_body_condition_decide ("police-cyber", other, ppc, CLINIC, NULL);
    g_assert_cmpint (yes->applies, ==, U);
    ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = U;
  }

  /* An answer wins, whichever way; the PPC and the desks are not asked. */
  {
    SonaeTriageAnswer no = N, yes = Y, unknown = U;
    g_autoptr(SonaeBodyCondition) a = sonae_body_condition_decide ("police-cyber", ransom, ppc, CLINIC, &no);
    g_autoptr(SonaeBodyCondition) b = sonae_body_condition_decide ("jpcert", failure, ppc, CLINIC, &yes);
    g_autoptr(SonaeBodyCondition) c = sonae_body_condition_decide ("mhlw", ransom, ppc, CLINIC, &unknown);
    g_autoptr(SonaeBodyCondition) d = sonae_body_condition_decide ("ipa-consult", ransom, ppc, CLINIC, &no);

    g_assert_cmpint (a->applies, ==, N);
    g_assert_true (a->answered);
    g_assert_cmpint (b->applies, ==, Y);
    g_assert_true (b->answered);
    g_assert_cmpint (c->applies, ==, U);
    g_assert_true (c->answered);
    g_assert_cmpint (d->applies, ==, Y);
    g_assert_false (d->answered);
  }

  /* Which are asked, and the questions, worded for the kind. */
  g_assert_true (sonae_body_condition_is_asked ("police-cyber"));
  g_assert_true (sonae_body_condition_is_asked ("prefecture-medical"));
  g_assert_false (sonae_body_condition_is_asked ("ppc"));
  g_assert_false (sonae_body_condition_is_asked ("ipa-consult"));
  g_assert_false (sonae_body_condition_is_asked (NULL));
  g_assert_null (sonae_body_condition_get_question ("ppc", CLINIC));
  g_assert_nonnull (strstr (sonae_body_condition_get_question ("police-cyber", BUSINESS), "theft or fraud"));
  g_assert_nonnull (strstr (sonae_body_condition_get_question ("prefecture-medical", CLINIC), "health centre"));
  g_assert_nonnull (strstr (sonae_body_condition_get_question ("prefecture-medical", SONAE_ORG_PHARMACY), "pharmacy"));
}

/* The organisation's answers: stored, written in the timeline, refused
 * where Sonae does not ask. */
static void
test_answers_stored (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = open_store (CLINIC, &dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  const Row *disk = &table[4];
  SonaeTriageAnswer answer;
  SonaeTimelineEntry *last;
  gint64 id = add_incident (store, disk);
  guint before;

  timeline = sonae_incidents_list_timeline (store, id, &error);
  before = timeline->len;
  g_clear_pointer (&timeline, g_ptr_array_unref);

  g_assert_true (sonae_body_conditions_set_answer (store, id, "police-cyber", Y, AUTHOR, &error));
  g_assert_no_error (error);
  /* The same answer again changes nothing. */
  g_assert_true (sonae_body_conditions_set_answer (store, id, "police-cyber", Y, AUTHOR, &error));
  timeline = sonae_incidents_list_timeline (store, id, &error);
  g_assert_cmpuint (timeline->len, ==, before + 1);
  last = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpint (last->kind, ==, SONAE_ENTRY_REPORT);
  g_assert_cmpstr (last->author, ==, AUTHOR);
  g_assert_nonnull (strstr (last->text, "answered that it applies"));
  g_assert_nonnull (strstr (last->text, "police"));

  answers = sonae_body_conditions_list_answers (store, id, &error);
  g_assert_true (sonae_body_conditions_lookup (answers, "police-cyber", &answer));
  g_assert_cmpint (answer, ==, Y);
  g_assert_false (sonae_body_conditions_lookup (answers, "mhlw", NULL));
  all = sonae_body_conditions_list_all_answers (store, &error);
  g_assert_true (sonae_body_conditions_lookup (g_hash_table_lookup (all, &id), "police-cyber", NULL));

  /* Refused: the PPC (its own questions), a desk, no such body, no author. */
  g_assert_false (sonae_body_conditions_set_answer (store, id, "ppc", Y, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_body_conditions_set_answer (store, id, "ipa-consult", Y, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_body_conditions_set_answer (store, id, "fire-brigade", Y, AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_body_conditions_set_answer (store, id, "mhlw", Y, "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sonae_body_conditions_set_answer (store, 9999, "mhlw", Y, AUTHOR, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) again = sonae_incidents_list_timeline (store, id, &error);

    g_assert_cmpuint (again->len, ==, before + 1);
  }

  /* An answer follows the incident's list: the body report says so. */
  {
    g_autoptr(GPtrArray) reports = sonae_ppc_list_body_reports (store, id, &error);

    for (guint i = 0; i < reports->len; i++)
      {
        SonaeBodyReport *b = g_ptr_array_index (reports, i);

        if (g_str_equal (b->authority_key, "police-cyber"))
          {
            g_assert_cmpint (b->applies, ==, Y);
            g_assert_true (b->answered);
          }
        else
          g_assert_false (b->answered);
      }
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/body-conditions/table", test_table);
  g_test_add_func ("/body-conditions/done-when", test_done_when);
  g_test_add_func ("/body-conditions/decide", test_decide);
  g_test_add_func ("/body-conditions/answers-stored", test_answers_stored);

  return g_test_run ();
}
