#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-ppc-bodies.h"
#include "sonae-ppc.h"
#include "sonae-store.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

#define AUTHOR "事務長"
#define LEARNED "2026-11-21"

static void
set_now (const char *now)
{
  g_setenv ("SONAE_NOW", now, TRUE);
}

static SonaePpcAssessment *
assessment_with (SonaeTriageAnswer personal_data,
                 SonaeTriageAnswer sensitive,
                 SonaeTriageAnswer financial,
                 SonaeTriageAnswer unlawful,
                 SonaeTriageAnswer over_1000)
{
  SonaePpcAssessment *a = sonae_ppc_assessment_new ();

  a->personal_data = personal_data;
  a->conditions[SONAE_PPC_CONDITION_SENSITIVE] = sensitive;
  a->conditions[SONAE_PPC_CONDITION_FINANCIAL] = financial;
  a->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = unlawful;
  a->conditions[SONAE_PPC_CONDITION_OVER_1000] = over_1000;
  a->learned_on = g_strdup (LEARNED);
  return a;
}

#define Y SONAE_ANSWER_YES
#define N SONAE_ANSWER_NO
#define U SONAE_ANSWER_UNKNOWN

static void
test_ppc_strings (void)
{
  const char *keys[] = { "sensitive", "financial", "unlawful", "over-1000" };

  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    {
      const char *care = sonae_ppc_condition_get_question (i, SONAE_ORG_CLINIC);
      const char *shop = sonae_ppc_condition_get_question (i, SONAE_ORG_BUSINESS);

      g_assert_cmpstr (sonae_ppc_condition_to_string (i), ==, keys[i]);
      g_assert_cmpuint (strlen (sonae_ppc_condition_get_title (i)), >, 0);
      g_assert_nonnull (strchr (care, '?'));
      g_assert_nonnull (strchr (shop, '?'));
      g_assert_nonnull (sonae_ppc_condition_get_hint (i));
      g_assert_cmpstr (care, ==, sonae_ppc_condition_get_question (i, SONAE_ORG_HOSPITAL));
      /* A pharmacy reads a business's words (sonae_org_kind_is_medical()). */
      g_assert_cmpstr (shop, ==, sonae_ppc_condition_get_question (i, SONAE_ORG_PHARMACY));
      if (i != SONAE_PPC_CONDITION_UNLAWFUL)
        {
          g_assert_nonnull (strstr (care, "patient"));
          g_assert_null (strstr (shop, "patient"));
          g_assert_nonnull (strstr (shop, "customer"));
        }
    }
}

/* What is shown where the questions are answered. */
static void
test_ppc_notes (void)
{
  const char *defs = sonae_ppc_get_definitions ();

  /* More than 1,000: exactly 1,000 is not enough; one person is enough
   * for the other three. */
  g_assert_nonnull (strstr (sonae_ppc_condition_get_hint (SONAE_PPC_CONDITION_OVER_1000), "Exactly 1,000 is not enough"));
  g_assert_nonnull (strstr (sonae_ppc_condition_get_hint (SONAE_PPC_CONDITION_SENSITIVE), "One person"));
  g_assert_nonnull (strstr (sonae_ppc_condition_get_hint (SONAE_PPC_CONDITION_FINANCIAL), "One person"));
  g_assert_nonnull (strstr (sonae_ppc_condition_get_hint (SONAE_PPC_CONDITION_UNLAWFUL), "One person"));
  /* The three words, each with its exception. */
  g_assert_nonnull (strstr (defs, "Leaked (漏えい)"));
  g_assert_nonnull (strstr (defs, "not if you got it back before anyone saw it"));
  g_assert_nonnull (strstr (defs, "Lost (滅失)"));
  g_assert_nonnull (strstr (defs, "not if a copy or a backup still holds it"));
  g_assert_nonnull (strstr (defs, "Damaged (毀損)"));
  g_assert_nonnull (strstr (defs, "not if an intact copy exists"));
  /* The persons: promptly, and a public notice when they cannot be reached. */
  g_assert_nonnull (strstr (sonae_ppc_get_persons_note (), "promptly"));
  g_assert_nonnull (strstr (sonae_ppc_get_persons_note (), "cannot be reached, publish a notice"));
  /* The preliminary report is promptly, the days only a guide. */
  g_assert_nonnull (strstr (sonae_ppc_get_preliminary_note (), "promptly"));
  g_assert_nonnull (strstr (sonae_ppc_get_preliminary_note (), "a guide, not a time to wait for"));
  /* Weekends, holidays and the New Year move the final deadline. */
  g_assert_nonnull (strstr (sonae_ppc_get_deadline_note (), "29 December to 3 January"));
  g_assert_nonnull (strstr (sonae_ppc_get_deadline_note (), "next day the offices are open"));
  /* My Number apart, to check; a business's ministry, for businesses only. */
  g_assert_nonnull (strstr (sonae_ppc_get_my_number_note (), "own reporting rule"));
  g_assert_nonnull (strstr (sonae_ppc_get_my_number_note (), "Check"));
  g_assert_nonnull (sonae_ppc_get_delegation_note (SONAE_ORG_BUSINESS));
  g_assert_null (sonae_ppc_get_delegation_note (SONAE_ORG_CLINIC));
  g_assert_null (sonae_ppc_get_delegation_note (SONAE_ORG_HOSPITAL));
  /* A pharmacy reads a business's words (sonae_org_kind_is_medical). */
  g_assert_nonnull (sonae_ppc_get_delegation_note (SONAE_ORG_PHARMACY));

  /* The days the PPC is closed (public holidays are not known). */
  g_assert_true (sonae_ppc_is_closed_day ("2026-12-05"));   /* Saturday */
  g_assert_true (sonae_ppc_is_closed_day ("2026-12-06"));   /* Sunday */
  g_assert_false (sonae_ppc_is_closed_day ("2026-12-07"));  /* Monday */
  g_assert_false (sonae_ppc_is_closed_day ("2026-12-28"));  /* Monday */
  g_assert_true (sonae_ppc_is_closed_day ("2026-12-29"));   /* Tuesday, year end */
  g_assert_true (sonae_ppc_is_closed_day ("2026-12-31"));
  g_assert_true (sonae_ppc_is_closed_day ("2027-01-01"));
  g_assert_true (sonae_ppc_is_closed_day ("2027-01-03"));
  g_assert_false (sonae_ppc_is_closed_day ("2027-01-04"));
  g_assert_false (sonae_ppc_is_closed_day ("not a date"));
  g_assert_false (sonae_ppc_is_closed_day (NULL));
}

/* The rule, as the law says it, for one set of answers: what
 * sonae_ppc_assess() must conclude. Written apart from the code on purpose. */
static SonaePpcVerdict
expected_verdict (SonaeTriageAnswer        personal,
                  gboolean                 acquiring,
                  gboolean                 encrypted,
                  const SonaeTriageAnswer *conditions,
                  gboolean                 principal_told)
{
  gboolean any_yes = FALSE, any_unknown = FALSE;
  SonaePpcVerdict verdict;

  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    {
      any_yes |= conditions[i] == Y;
      any_unknown |= conditions[i] == U;
    }
  if (acquiring)
    verdict = SONAE_PPC_REQUIRED;             /* 2024: taken while being collected */
  else if (personal == N)
    verdict = SONAE_PPC_NOT_REQUIRED;
  else if (personal == U)
    verdict = SONAE_PPC_UNDECIDED;
  else if (encrypted)
    verdict = SONAE_PPC_NOT_REQUIRED;         /* strong encryption, key safe */
  else if (any_yes)
    verdict = SONAE_PPC_REQUIRED;
  else if (any_unknown)
    verdict = SONAE_PPC_UNDECIDED;
  else
    verdict = SONAE_PPC_NOT_REQUIRED;
  if (verdict == SONAE_PPC_REQUIRED && principal_told)
    verdict = SONAE_PPC_PRINCIPAL_REPORTS;
  return verdict;
}

/* Every combination of answers: personal data (3), information taken
 * while being collected (2), encryption (2), the four conditions (3⁴), and
 * a processor that has told its principal or not (3): 2,916 in all. */
static void
test_ppc_every_combination (void)
{
  static const SonaeTriageAnswer answers[] = { Y, N, U };
  guint n = 0;

  for (guint pd = 0; pd < 3; pd++)
    for (guint acq = 0; acq < 2; acq++)
      for (guint enc = 0; enc < 2; enc++)
        for (guint combo = 0; combo < 81; combo++)
          for (guint proc = 0; proc < 3; proc++)
            {
              g_autoptr(SonaePpcAssessment) a = sonae_ppc_assessment_new ();
              g_autoptr(SonaePpcResult) r = NULL;
              SonaePpcVerdict want;
              gboolean dates;
              guint rest = combo;

              a->personal_data = answers[pd];
              for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++, rest /= 3)
                a->conditions[i] = answers[rest % 3];
              a->acquiring = acq == 1;
              a->encrypted = enc == 1;
              a->processor = proc > 0;
              if (proc == 2)
                a->principal_notified_on = g_strdup ("2026-11-22");
              a->learned_on = g_strdup (LEARNED);

              r = sonae_ppc_assess (a, LEARNED);
              want = expected_verdict (a->personal_data, a->acquiring, a->encrypted, a->conditions, proc == 2);
              if (r->verdict != want)
                g_error ("personal %s, acquiring %d, encrypted %d, conditions %u, processor %u: verdict %d, not %d (%s)",
                         sonae_triage_answer_to_string (a->personal_data), acq, enc, combo, proc,
                         r->verdict, want, r->reason);
              g_assert_nonnull (r->reason);

              /* The 60-day deadline with an unlawful purpose, the 2024 case
               * included; dates only when they can matter. */
              g_assert_cmpint (r->unlawful, ==, a->acquiring || a->conditions[SONAE_PPC_CONDITION_UNLAWFUL] == Y);
              dates = want == SONAE_PPC_REQUIRED || want == SONAE_PPC_UNDECIDED;
              g_assert_cmpint (r->final_by != NULL, ==, dates);
              g_assert_cmpint (r->preliminary_guide != NULL, ==, dates);
              if (dates)
                {
                  g_assert_cmpstr (r->preliminary_guide, ==, "2026-11-25");
                  g_assert_cmpstr (r->final_by, ==, r->unlawful ? "2027-01-19" : "2026-12-20");
                }

              /* Why, in words: the 2024 case, the exemption, each condition. */
              if (a->acquiring)
                g_assert_nonnull (strstr (r->reason, "being collected may have been taken on purpose"));
              else if (a->personal_data == Y && a->encrypted)
                g_assert_nonnull (strstr (r->reason, "strong encryption"));
              else if (want == SONAE_PPC_REQUIRED || want == SONAE_PPC_PRINCIPAL_REPORTS)
                {
                  if (a->conditions[SONAE_PPC_CONDITION_SENSITIVE] == Y)
                    g_assert_nonnull (strstr (r->reason, "sensitive personal data"));
                  if (a->conditions[SONAE_PPC_CONDITION_OVER_1000] == Y)
                    g_assert_nonnull (strstr (r->reason, "more than 1,000 persons"));
                  if (a->conditions[SONAE_PPC_CONDITION_OVER_1000] != Y)
                    g_assert_null (strstr (r->reason, "1,000"));
                }
              n++;
            }
  g_assert_cmpuint (n, ==, 2916);
}

static void
test_ppc_verdicts (void)
{
  struct {
    SonaeTriageAnswer pd, s, f, u, o;
    SonaePpcVerdict verdict;
    const char *in_reason;
    gboolean dates;
  } cases[] = {
    { N, U, U, U, U, SONAE_PPC_NOT_REQUIRED, "no personal data", FALSE },
    { N, Y, Y, Y, Y, SONAE_PPC_NOT_REQUIRED, "no personal data", FALSE },
    { Y, N, N, N, N, SONAE_PPC_NOT_REQUIRED, "none of the four conditions", FALSE },
    { Y, Y, N, N, N, SONAE_PPC_REQUIRED, "sensitive personal data", TRUE },
    { Y, N, Y, N, N, SONAE_PPC_REQUIRED, "financial damage", TRUE },
    { Y, N, N, Y, N, SONAE_PPC_REQUIRED, "unlawful purpose", TRUE },
    { Y, N, N, N, Y, SONAE_PPC_REQUIRED, "more than 1,000 persons", TRUE },
    { U, N, N, N, N, SONAE_PPC_UNDECIDED, "not known yet whether personal data", TRUE },
    { Y, U, N, N, N, SONAE_PPC_UNDECIDED, "Sensitive personal data", TRUE },
    { Y, N, N, N, U, SONAE_PPC_UNDECIDED, "More than 1,000 persons", TRUE },
    /* A condition that holds decides it, whatever is not known yet. */
    { Y, U, U, Y, U, SONAE_PPC_REQUIRED, "unlawful purpose", TRUE },
  };
  /* The 2024 amendment and the encryption exemption. */
  struct {
    SonaeTriageAnswer pd, s, f, u, o;
    gboolean acquiring, encrypted;
    SonaePpcVerdict verdict;
    const char *in_reason;
    gboolean sixty;
  } more[] = {
    /* A skimmed web form: reported although no file of ours leaked, with
     * the 60-day deadline of an unlawful purpose. */
    { N, U, U, U, U, TRUE, FALSE, SONAE_PPC_REQUIRED, "being collected may have been taken on purpose", TRUE },
    { U, U, U, U, U, TRUE, FALSE, SONAE_PPC_REQUIRED, "being collected may have been taken on purpose", TRUE },
    /* … with our own files leaked too: every condition named once. */
    { Y, Y, N, Y, N, TRUE, FALSE, SONAE_PPC_REQUIRED, "taken on purpose; sensitive personal data", TRUE },
    /* Strong encryption, key safe: exempt, whatever else holds. */
    { Y, Y, Y, Y, Y, FALSE, TRUE, SONAE_PPC_NOT_REQUIRED, "strong encryption", TRUE },
    { Y, U, U, U, U, FALSE, TRUE, SONAE_PPC_NOT_REQUIRED, "strong encryption", FALSE },
    /* … but not for information skimmed on its way in. */
    { Y, Y, N, N, N, TRUE, TRUE, SONAE_PPC_REQUIRED, "taken on purpose", TRUE },
    /* Encryption does not settle whether anything leaked at all. */
    { U, N, N, N, N, FALSE, TRUE, SONAE_PPC_UNDECIDED, "not known yet whether personal data", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autoptr(SonaePpcAssessment) a = assessment_with (more[i].pd, more[i].s, more[i].f, more[i].u, more[i].o);
      g_autoptr(SonaePpcResult) r = NULL;

      a->acquiring = more[i].acquiring;
      a->encrypted = more[i].encrypted;
      r = sonae_ppc_assess (a, LEARNED);
      g_test_message ("more %u: %s", i, r->reason);
      g_assert_cmpint (r->verdict, ==, more[i].verdict);
      g_assert_nonnull (strstr (r->reason, more[i].in_reason));
      g_assert_cmpint (r->unlawful, ==, more[i].sixty);
    }
  /* Named once: the 2024 case says the unlawful purpose already. */
  {
    g_autoptr(SonaePpcAssessment) a = assessment_with (Y, N, N, Y, N);
    g_autoptr(SonaePpcResult) r = NULL;

    a->acquiring = TRUE;
    r = sonae_ppc_assess (a, LEARNED);
    g_assert_null (strstr (r->reason, "unlawful purpose"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SonaePpcAssessment) a = assessment_with (cases[i].pd, cases[i].s, cases[i].f,
                                                         cases[i].u, cases[i].o);
      g_autoptr(SonaePpcResult) r = sonae_ppc_assess (a, LEARNED);

      g_test_message ("case %u: %s", i, r->reason);
      g_assert_cmpint (r->verdict, ==, cases[i].verdict);
      g_assert_nonnull (strstr (r->reason, cases[i].in_reason));
      g_assert_true ((r->final_by != NULL) == cases[i].dates);
      g_assert_true ((r->preliminary_guide != NULL) == cases[i].dates);
    }

  /* Every condition that applies is named. */
  {
    g_autoptr(SonaePpcAssessment) a = assessment_with (Y, Y, N, Y, N);
    g_autoptr(SonaePpcResult) r = sonae_ppc_assess (a, LEARNED);

    g_assert_cmpint (r->verdict, ==, SONAE_PPC_REQUIRED);
    g_assert_nonnull (strstr (r->reason, "sensitive personal data"));
    g_assert_nonnull (strstr (r->reason, "unlawful purpose"));
    g_assert_null (strstr (r->reason, "financial"));
    g_assert_true (r->unlawful);
  }

  /* A processor: released once it told its principal. */
  {
    g_autoptr(SonaePpcAssessment) a = assessment_with (Y, Y, N, N, N);
    g_autoptr(SonaePpcResult) before = NULL;
    g_autoptr(SonaePpcResult) after = NULL;

    a->processor = TRUE;
    before = sonae_ppc_assess (a, LEARNED);
    g_assert_cmpint (before->verdict, ==, SONAE_PPC_REQUIRED);
    g_assert_nonnull (strstr (before->reason, "tell it at once"));
    g_assert_nonnull (before->final_by);

    a->principal_notified_on = g_strdup ("2026-11-22");
    after = sonae_ppc_assess (a, LEARNED);
    g_assert_cmpint (after->verdict, ==, SONAE_PPC_PRINCIPAL_REPORTS);
    g_assert_nonnull (strstr (after->reason, "2026-11-22"));
    g_assert_null (after->final_by);

    /* Told, but not a processor: still the organisation's own report. */
    a->processor = FALSE;
    g_clear_pointer (&after, sonae_ppc_result_free);
    after = sonae_ppc_assess (a, LEARNED);
    g_assert_cmpint (after->verdict, ==, SONAE_PPC_REQUIRED);
    g_assert_null (strstr (after->reason, "tell it at once"));
  }

  /* Undecided without the day learned: no dates to show. */
  {
    g_autoptr(SonaePpcAssessment) a = sonae_ppc_assessment_new ();
    g_autoptr(SonaePpcResult) r = sonae_ppc_assess (a, LEARNED);

    g_assert_cmpint (r->verdict, ==, SONAE_PPC_UNDECIDED);
    g_assert_null (r->preliminary_guide);
    g_assert_null (r->final_by);
  }
}

static void
test_ppc_dates (void)
{
  g_autoptr(SonaePpcAssessment) a = assessment_with (Y, Y, N, N, N);
  g_autoptr(SonaePpcAssessment) b = assessment_with (Y, N, N, Y, N);
  struct {
    const char *today;
    int preliminary_left;
    int final_left;          /* 30 days */
    int final_unlawful_left; /* 60 days */
  } days[] = {
    { "2026-11-21", 4, 29, 59 },     /* day 1, the day learned */
    { "2026-11-22", 3, 28, 58 },
    { "2026-11-23", 2, 27, 57 },     /* day 3 */
    { "2026-11-24", 1, 26, 56 },
    { "2026-11-25", 0, 25, 55 },     /* day 5 */
    { "2026-11-26", -1, 24, 54 },    /* the day after */
    { "2026-12-20", -25, 0, 30 },    /* day 30 */
    { "2026-12-21", -26, -1, 29 },   /* the day after */
    { "2027-01-19", -55, -30, 0 },   /* day 60 */
    { "2027-01-20", -56, -31, -1 },  /* the day after */
  };

  g_autofree char *day1 = sonae_ppc_day (LEARNED, 1);
  g_autofree char *day3 = sonae_ppc_day (LEARNED, 3);
  g_autofree char *day11 = sonae_ppc_day (LEARNED, 11);
  g_autofree char *day60 = sonae_ppc_day (LEARNED, 60);
  g_autofree char *leap = sonae_ppc_day ("2028-02-01", 30);
  g_autofree char *not_leap = sonae_ppc_day ("2027-02-01", 30);
  g_autofree char *leap_day = sonae_ppc_day ("2028-02-28", 2);
  g_autofree char *year_end = sonae_ppc_day ("2026-12-31", 2);
  g_autofree char *month_end = sonae_ppc_day ("2026-01-31", 30);
  g_autofree char *bad = sonae_ppc_day ("2026-02-30", 3);
  g_autofree char *zero = sonae_ppc_day (LEARNED, 0);

  g_assert_cmpstr (day1, ==, LEARNED);
  g_assert_cmpstr (day3, ==, "2026-11-23");
  g_assert_cmpstr (day11, ==, "2026-12-01");
  g_assert_cmpstr (day60, ==, "2027-01-19");
  g_assert_cmpstr (leap, ==, "2028-03-01");
  g_assert_cmpstr (not_leap, ==, "2027-03-02");
  g_assert_cmpstr (leap_day, ==, "2028-02-29");
  g_assert_cmpstr (year_end, ==, "2027-01-01");
  g_assert_cmpstr (month_end, ==, "2026-03-01");
  g_assert_null (bad);
  g_assert_null (zero);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(SonaePpcResult) r = sonae_ppc_assess (a, days[i].today);
      g_autoptr(SonaePpcResult) u = sonae_ppc_assess (b, days[i].today);

      g_test_message ("today %s", days[i].today);
      g_assert_cmpstr (r->preliminary_guide, ==, "2026-11-25");
      g_assert_cmpstr (r->final_by, ==, "2026-12-20");
      g_assert_true (r->final_moves);    /* a Sunday */
      g_assert_false (r->unlawful);
      g_assert_cmpint (r->preliminary_days_left, ==, days[i].preliminary_left);
      g_assert_cmpint (r->final_days_left, ==, days[i].final_left);

      g_assert_cmpstr (u->preliminary_guide, ==, "2026-11-25");
      g_assert_cmpstr (u->final_by, ==, "2027-01-19");
      g_assert_false (u->final_moves);   /* a Tuesday */
      g_assert_true (u->unlawful);
      g_assert_cmpint (u->preliminary_days_left, ==, days[i].preliminary_left);
      g_assert_cmpint (u->final_days_left, ==, days[i].final_unlawful_left);
    }

  /* Leap year: learned 2028-02-01, day 30 is 1 March. */
  {
    g_autoptr(SonaePpcAssessment) l = assessment_with (Y, Y, N, N, N);
    g_autoptr(SonaePpcResult) r = NULL;

    g_free (l->learned_on);
    l->learned_on = g_strdup ("2028-02-01");
    r = sonae_ppc_assess (l, "2028-02-29");
    g_assert_cmpstr (r->preliminary_guide, ==, "2028-02-05");
    g_assert_cmpstr (r->final_by, ==, "2028-03-01");
    g_assert_cmpint (r->final_days_left, ==, 1);
  }

  /* Today from the clock when not given. */
  {
    g_autoptr(SonaePpcResult) r = NULL;

    set_now ("2026-11-24T09:00:00");
    r = sonae_ppc_assess (a, NULL);
    g_assert_cmpint (r->preliminary_days_left, ==, 1);
    g_assert_cmpint (r->final_days_left, ==, 26);
  }
}

/* --- the store ------------------------------------------------------------ */

static gint64
new_incident (SonaeStore *store,
              const char *detected_at,
              int         level)
{
  return sonae_test_add_incident (store, "電子カルテの暗号化", detected_at, level, FALSE, AUTHOR);
}

static GPtrArray *
timeline (SonaeStore *store,
          gint64      id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sonae_incidents_list_timeline (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
assert_chain_sound (SonaeStore *store,
                    gint64      id)
{
  g_autoptr(GError) error = NULL;
  guint bad = 99;

  g_assert_true (sonae_incidents_verify_timeline (store, id, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bad, ==, 0);
}

/* Exactly one entry more than @before, of kind REPORT, by @author; returns
 * its text. */
static char *
last_report (SonaeStore *store,
             gint64      id,
             guint       before)
{
  g_autoptr(GPtrArray) list = timeline (store, id);
  SonaeTimelineEntry *last;

  g_assert_cmpuint (list->len, ==, before + 1);
  last = g_ptr_array_index (list, list->len - 1);
  g_assert_cmpint (last->kind, ==, SONAE_ENTRY_REPORT);
  g_assert_cmpstr (last->author, ==, AUTHOR);
  assert_chain_sound (store, id);
  return g_strdup (last->text);
}

static guint
timeline_len (SonaeStore *store,
              gint64      id)
{
  g_autoptr(GPtrArray) list = timeline (store, id);

  return list->len;
}

static void
changed_cb (SonaeStore *store,
            const char *detail,
            gpointer    data)
{
  if (g_strcmp0 (detail, "incidents") == 0)
    (*(guint *) data)++;
}

static void
test_ppc_store_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) fresh = NULL;
  g_autoptr(SonaePpcAssessment) a = NULL;
  g_autoptr(SonaePpcAssessment) read = NULL;
  g_autoptr(SonaePpcResult) r = NULL;
  g_autofree char *text = NULL;
  guint changed = 0;
  guint len;
  gint64 id;

  set_now ("2026-11-22T10:00:00");
  store = sonae_test_open_store (&dir);
  id = new_incident (store, "2026-11-21T08:30:00", 3);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changed);

  /* No assessment yet: all unknown, learned the day it was detected. */
  fresh = sonae_ppc_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fresh->personal_data, ==, SONAE_ANSWER_UNKNOWN);
  for (guint i = 0; i < SONAE_PPC_N_CONDITIONS; i++)
    g_assert_cmpint (fresh->conditions[i], ==, SONAE_ANSWER_UNKNOWN);
  g_assert_false (fresh->processor);
  g_assert_cmpstr (fresh->learned_on, ==, LEARNED);
  g_assert_null (fresh->preliminary_sent_on);
  g_assert_null (fresh->updated_by);

  /* Answers: medical data, unlawful access. */
  len = timeline_len (store, id);
  a = assessment_with (Y, Y, N, Y, U);
  g_assert_true (sonae_ppc_set (store, id, a, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  text = last_report (store, id, len);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Reporting to the PPC: required — "));
  g_assert_nonnull (strstr (text, "sensitive personal data"));
  g_assert_nonnull (strstr (text, "Unlawful purpose: Yes"));

  read = sonae_ppc_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->personal_data, ==, Y);
  g_assert_cmpint (read->conditions[SONAE_PPC_CONDITION_SENSITIVE], ==, Y);
  g_assert_cmpint (read->conditions[SONAE_PPC_CONDITION_FINANCIAL], ==, N);
  g_assert_cmpint (read->conditions[SONAE_PPC_CONDITION_UNLAWFUL], ==, Y);
  g_assert_cmpint (read->conditions[SONAE_PPC_CONDITION_OVER_1000], ==, U);
  g_assert_cmpstr (read->learned_on, ==, LEARNED);
  g_assert_cmpstr (read->updated_by, ==, AUTHOR);
  g_assert_cmpstr (read->updated_at, ==, "2026-11-22T10:00:00");
  r = sonae_ppc_assess (read, NULL);
  g_assert_cmpint (r->verdict, ==, SONAE_PPC_REQUIRED);
  g_assert_cmpstr (r->final_by, ==, "2027-01-19");

  /* The preliminary report sent: one entry saying so. */
  set_now ("2026-11-23T17:00:00");
  len = timeline_len (store, id);
  g_free (read->preliminary_sent_on);
  read->preliminary_sent_on = g_strdup ("2026-11-23");
  g_assert_true (sonae_ppc_set (store, id, read, AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = last_report (store, id, len);
  g_assert_cmpstr (text, ==, "Preliminary report to the PPC recorded as sent on 2026-11-23");
  g_assert_cmpuint (changed, ==, 2);

  /* The rest of the dates, and processor. */
  len = timeline_len (store, id);
  read->processor = TRUE;
  read->final_sent_on = g_strdup ("2026-11-23");
  read->persons_notified_on = g_strdup ("2026-11-22");
  g_assert_true (sonae_ppc_set (store, id, read, AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = last_report (store, id, len);
  g_assert_nonnull (strstr (text, "Final report to the PPC recorded as sent on 2026-11-23"));
  g_assert_nonnull (strstr (text, "The persons were notified on 2026-11-22"));
  g_assert_nonnull (strstr (text, "processed for another organisation"));

  {
    g_autoptr(SonaePpcAssessment) again = sonae_ppc_get (store, id, &error);

    g_assert_no_error (error);
    g_assert_true (again->processor);
    g_assert_cmpstr (again->preliminary_sent_on, ==, "2026-11-23");
    g_assert_cmpstr (again->final_sent_on, ==, "2026-11-23");
    g_assert_cmpstr (again->persons_notified_on, ==, "2026-11-22");
    g_assert_null (again->principal_notified_on);

    /* Saving the same again records nothing. */
    len = timeline_len (store, id);
    g_assert_true (sonae_ppc_set (store, id, again, AUTHOR, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (timeline_len (store, id), ==, len);

    /* Clearing a date says so. */
    g_clear_pointer (&again->final_sent_on, g_free);
    g_assert_true (sonae_ppc_set (store, id, again, AUTHOR, &error));
    g_assert_no_error (error);
    g_clear_pointer (&text, g_free);
    text = last_report (store, id, len);
    g_assert_cmpstr (text, ==, "The date the final report to the PPC was sent was removed");
  }

  /* It survives reopening. */
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SonaePpcAssessment) reopened = sonae_ppc_get (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (reopened->preliminary_sent_on, ==, "2026-11-23");
    g_assert_null (reopened->final_sent_on);
    g_assert_cmpint (reopened->conditions[SONAE_PPC_CONDITION_UNLAWFUL], ==, Y);
  }
  assert_chain_sound (store, id);

  /* An incident that does not exist. */
  {
    g_autoptr(SonaePpcAssessment) none = sonae_ppc_get (store, id + 100, &error);

    g_assert_null (none);
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (sonae_ppc_set (store, id + 100, a, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (sonae_ppc_list_body_reports (store, id + 100, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (sonae_ppc_set_body_report (store, id + 100, "police-cyber", "2026-11-22", AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  g_unsetenv ("SONAE_NOW");
}

/* The 2024 case and the encryption exemption are kept, and the timeline
 * says what changed and the verdict it gives. */
static void
test_ppc_store_new_answers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) a = NULL;
  g_autoptr(SonaePpcAssessment) read = NULL;
  g_autofree char *text = NULL;
  gint64 id;
  guint len;

  set_now ("2026-11-22T10:00:00");
  store = sonae_test_open_store (&dir);
  id = new_incident (store, "2026-11-21T08:30:00", 3);

  len = timeline_len (store, id);
  a = assessment_with (N, U, U, U, U);
  a->acquiring = TRUE;
  g_assert_true (sonae_ppc_set (store, id, a, AUTHOR, &error));
  g_assert_no_error (error);
  text = last_report (store, id, len);
  g_assert_nonnull (strstr (text, "may have been taken on purpose before it reached us"));
  g_assert_nonnull (strstr (text, "Reporting to the PPC: required — "));
  read = sonae_ppc_get (store, id, &error);
  g_assert_true (read->acquiring);
  g_assert_false (read->encrypted);

  len = timeline_len (store, id);
  read->acquiring = FALSE;
  read->encrypted = TRUE;
  read->personal_data = Y;
  read->conditions[SONAE_PPC_CONDITION_SENSITIVE] = Y;
  g_assert_true (sonae_ppc_set (store, id, read, AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = last_report (store, id, len);
  g_assert_nonnull (strstr (text, "protected by strong encryption and the key did not leak"));
  g_assert_nonnull (strstr (text, "Reporting to the PPC: not required — "));
  g_clear_pointer (&read, sonae_ppc_assessment_free);
  read = sonae_ppc_get (store, id, &error);
  g_assert_false (read->acquiring);
  g_assert_true (read->encrypted);

  /* The same again: nothing written. */
  len = timeline_len (store, id);
  g_assert_true (sonae_ppc_set (store, id, read, AUTHOR, &error));
  g_assert_cmpuint (timeline_len (store, id), ==, len);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  g_unsetenv ("SONAE_NOW");
}

static void
test_ppc_learned_from_created (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) a = NULL;
  gint64 id;

  set_now ("2026-11-25T10:00:00");
  store = sonae_test_open_store (&dir);
  id = new_incident (store, "2026-11-20T23:50:00", 1);
  a = sonae_ppc_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->learned_on, ==, "2026-11-20");
  g_clear_pointer (&a, sonae_ppc_assessment_free);

  /* No time of detection: the day the incident was recorded. */
  g_assert_cmpint (sqlite3_exec (sonae_store_get_db (store),
                                 "UPDATE incidents SET detected_at = NULL", NULL, NULL, NULL), ==, SQLITE_OK);
  a = sonae_ppc_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->learned_on, ==, "2026-11-25");
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  g_unsetenv ("SONAE_NOW");
}

static char *
ppc_row (SonaeStore *store,
         gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *row = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sonae_store_get_db (store),
                                       "SELECT quote (personal_data) || quote (sensitive) || quote (learned_on) "
                                       "|| quote (preliminary_sent_on) || quote (final_sent_on) || quote (updated_by) "
                                       "FROM ppc_assessments WHERE incident_id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return row != NULL ? row : g_strdup ("(none)");
}

static void
test_ppc_bad_input (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) good = NULL;
  g_autofree char *row = NULL;
  guint len;
  gint64 id;
  struct {
    const char *field;
    const char *value;
  } bad[] = {
    { "learned_on", "2026-02-30" },        /* no such day */
    { "learned_on", "21/11/2026" },
    { "learned_on", "2026-11-23" },        /* in the future */
    { "preliminary_sent_on", "2026-02-30" },
    { "preliminary_sent_on", "2026-11-23" },   /* in the future */
    { "preliminary_sent_on", "2026-11-20" },   /* before it was learned */
    { "final_sent_on", "2026-11-19" },
    { "persons_notified_on", "2026-11-01" },
    { "principal_notified_on", "2026-11-20" },
  };

  set_now ("2026-11-22T10:00:00");
  store = sonae_test_open_store (&dir);
  id = new_incident (store, "2026-11-21T08:30:00", 3);
  good = assessment_with (Y, Y, N, N, N);
  g_assert_true (sonae_ppc_set (store, id, good, AUTHOR, &error));
  g_assert_no_error (error);
  row = ppc_row (store, id);
  len = timeline_len (store, id);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SonaePpcAssessment) a = assessment_with (Y, N, N, N, N);
      g_autofree char *after = NULL;
      char **field = NULL;

      if (g_str_equal (bad[i].field, "learned_on"))
        field = &a->learned_on;
      else if (g_str_equal (bad[i].field, "preliminary_sent_on"))
        field = &a->preliminary_sent_on;
      else if (g_str_equal (bad[i].field, "final_sent_on"))
        field = &a->final_sent_on;
      else if (g_str_equal (bad[i].field, "persons_notified_on"))
        field = &a->persons_notified_on;
      else
        field = &a->principal_notified_on;
      g_free (*field);
      *field = g_strdup (bad[i].value);

      g_test_message ("%s = %s", bad[i].field, bad[i].value);
      g_assert_false (sonae_ppc_set (store, id, a, AUTHOR, &error));
      g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      after = ppc_row (store, id);
      g_assert_cmpstr (after, ==, row);
      g_assert_cmpuint (timeline_len (store, id), ==, len);
    }

  /* No author, a blank one; an answer out of range. */
  {
    g_autoptr(SonaePpcAssessment) a = assessment_with (Y, N, N, N, N);
    g_autofree char *after = NULL;

    g_assert_false (sonae_ppc_set (store, id, a, NULL, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sonae_ppc_set (store, id, a, " \t", &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    a->conditions[SONAE_PPC_CONDITION_FINANCIAL] = 7;
    g_assert_false (sonae_ppc_set (store, id, a, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    after = ppc_row (store, id);
    g_assert_cmpstr (after, ==, row);
    g_assert_cmpuint (timeline_len (store, id), ==, len);
  }

  /* The same for the other bodies. */
  {
    g_autoptr(GPtrArray) reports = NULL;
    const char *dates[] = { "2026-02-30", "2026-11-23", "2026-11-20", "yesterday" };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_assert_false (sonae_ppc_set_body_report (store, id, "police-cyber", dates[i], AUTHOR, &error));
        g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_false (sonae_ppc_set_body_report (store, id, "police-cyber", "2026-11-22", "", &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sonae_ppc_set_body_report (store, id, "no-such-body'; --", "2026-11-22", AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (timeline_len (store, id), ==, len);
    reports = sonae_ppc_list_body_reports (store, id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < reports->len; i++)
      g_assert_null (((SonaeBodyReport *) g_ptr_array_index (reports, i))->done_on);
  }
  assert_chain_sound (store, id);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  g_unsetenv ("SONAE_NOW");
}

static const SonaeBodyReport *
find_report (GPtrArray  *reports,
             const char *key)
{
  for (guint i = 0; i < reports->len; i++)
    {
      const SonaeBodyReport *r = g_ptr_array_index (reports, i);

      if (g_strcmp0 (r->authority_key, key) == 0)
        return r;
    }
  return NULL;
}

static gboolean
has_prefix_key (GPtrArray  *reports,
                const char *prefix)
{
  for (guint i = 0; i < reports->len; i++)
    if (g_str_has_prefix (((SonaeBodyReport *) g_ptr_array_index (reports, i))->authority_key, prefix))
      return TRUE;
  return FALSE;
}

static void
test_ppc_body_reports (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree char *text = NULL;
  const SonaeBodyReport *r;
  guint len, n;
  gint64 id;

  set_now ("2026-11-22T10:00:00");
  store = sonae_test_open_store (&dir);
  profile = sonae_store_get_profile (store);
  profile->kind = SONAE_ORG_CLINIC;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  id = new_incident (store, "2026-11-21T08:30:00", 3);

  reports = sonae_ppc_list_body_reports (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      r = g_ptr_array_index (reports, i);
      g_test_message ("%s%s", r->authority_key, r->optional ? " (optional)" : "");
      g_assert_null (r->done_on);
    }
  g_assert_true (has_prefix_key (reports, "police"));
  /* The PPC's reports are the assessment's dates, recorded in one place. */
  g_assert_null (find_report (reports, "ppc"));
  g_assert_false (sonae_ppc_set_body_report (store, id, "ppc", "2026-11-21", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (find_report (reports, "mhlw"));
  g_assert_nonnull (find_report (reports, "prefecture-medical"));
  g_assert_true (has_prefix_key (reports, "ipa"));
  g_assert_nonnull (find_report (reports, "jpcert"));
  n = reports->len;
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* Reported to the police: one entry, the date kept. */
  len = timeline_len (store, id);
  g_assert_true (sonae_ppc_set_body_report (store, id, "police-cyber", "2026-11-21", AUTHOR, &error));
  g_assert_no_error (error);
  text = last_report (store, id, len);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Reported to "));
  g_assert_true (g_str_has_suffix (text, " on 2026-11-21"));

  len = timeline_len (store, id);
  g_assert_true (sonae_ppc_set_body_report (store, id, "mhlw", "2026-11-22", AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = last_report (store, id, len);

  /* The same date again records nothing. */
  len = timeline_len (store, id);
  g_assert_true (sonae_ppc_set_body_report (store, id, "mhlw", "2026-11-22", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, len);

  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  reports = sonae_ppc_list_body_reports (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, n);
  r = find_report (reports, "mhlw");
  g_assert_cmpstr (r->done_on, ==, "2026-11-22");
  g_assert_cmpstr (r->done_by, ==, AUTHOR);
  g_assert_null (find_report (reports, "ppc"));
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* Cleared again. */
  len = timeline_len (store, id);
  g_assert_true (sonae_ppc_set_body_report (store, id, "mhlw", NULL, AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = last_report (store, id, len);
  g_assert_true (g_str_has_suffix (text, " was removed"));
  reports = sonae_ppc_list_body_reports (store, id, &error);
  g_assert_no_error (error);
  g_assert_null (find_report (reports, "mhlw")->done_on);
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* A body the level does not name, once told, stays in the list. */
  g_assert_true (sonae_ppc_set_body_report (store, id, "ipa-consult", "2026-11-22", AUTHOR, &error));
  g_assert_no_error (error);
  reports = sonae_ppc_list_body_reports (store, id, &error);
  g_assert_no_error (error);
  r = find_report (reports, "ipa-consult");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->done_on, ==, "2026-11-22");
  g_clear_pointer (&reports, g_ptr_array_unref);

  assert_chain_sound (store, id);

  /* A business at level 3 has no MHLW or prefecture. */
  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  reports = sonae_ppc_list_body_reports (store, id, &error);
  g_assert_no_error (error);
  g_assert_null (find_report (reports, "mhlw"));
  g_assert_null (find_report (reports, "prefecture-medical"));
  g_assert_null (find_report (reports, "ppc"));
  r = find_report (reports, "police-cyber");
  if (r != NULL)
    g_assert_cmpstr (r->done_on, ==, "2026-11-21");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  g_unsetenv ("SONAE_NOW");
}

/* Each open incident's list from sonae_ppc_list_open_body_reports() is the
 * one sonae_ppc_list_body_reports() gives for it alone. */
static void
assert_open_body_reports (SonaeStore   *store,
                          const gint64 *open,
                          guint         n_open)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = sonae_ppc_list_open_body_reports (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  g_assert_cmpuint (g_hash_table_size (all), ==, n_open);
  for (guint i = 0; i < n_open; i++)
    {
      g_autoptr(GPtrArray) one = sonae_ppc_list_body_reports (store, open[i], &error);
      GPtrArray *listed = g_hash_table_lookup (all, &open[i]);

      g_assert_no_error (error);
      g_assert_nonnull (listed);
      g_assert_cmpuint (listed->len, ==, one->len);
      for (guint j = 0; j < one->len; j++)
        {
          const SonaeBodyReport *a = g_ptr_array_index (one, j);
          const SonaeBodyReport *b = g_ptr_array_index (listed, j);

          g_test_message ("%" G_GINT64_FORMAT ": %s%s %s", open[i], a->authority_key,
                          a->optional ? " (optional)" : "", a->done_on ? a->done_on : "-");
          g_assert_cmpstr (b->authority_key, ==, a->authority_key);
          g_assert_cmpint (b->optional, ==, a->optional);
          g_assert_cmpstr (b->done_on, ==, a->done_on);
          g_assert_cmpstr (b->done_by, ==, a->done_by);
        }
    }
}

static void
test_ppc_open_body_reports (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(GHashTable) none = NULL;
  gint64 open[4];
  gint64 closed;

  set_now ("2026-11-22T10:00:00");
  store = sonae_test_open_store (&dir);
  profile = sonae_store_get_profile (store);
  profile->kind = SONAE_ORG_CLINIC;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);

  /* No incident: an empty table, not an error. */
  none = sonae_ppc_list_open_body_reports (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);

  /* Incidents at every level, each with reports of its own. */
  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    open[i] = new_incident (store, "2026-11-21T08:30:00", 3 - (int) i);
  closed = new_incident (store, "2026-11-20T08:30:00", 3);
  g_assert_true (sonae_ppc_set_body_report (store, open[0], "police-cyber", "2026-11-21", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (store, open[0], "ipa-consult", "2026-11-22", "情報担当", &error));
  g_assert_true (sonae_ppc_set_body_report (store, open[1], "mhlw", "2026-11-22", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (store, open[1], "jpcert", "2026-11-21", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (store, open[3], "police-cyber", "2026-11-22", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (store, closed, "police-cyber", "2026-11-21", AUTHOR, &error));
  g_assert_no_error (error);
  /* A report cleared is not done. */
  g_assert_true (sonae_ppc_set_body_report (store, open[2], "ipa-consult", "2026-11-21", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (store, open[2], "ipa-consult", NULL, AUTHOR, &error));
  g_assert_true (sonae_incidents_set_status (store, closed, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  assert_open_body_reports (store, open, G_N_ELEMENTS (open));

  /* A level lowered keeps the bodies told, as optional. */
  g_assert_true (sonae_incidents_set_level (store, open[0], 1, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  assert_open_body_reports (store, open, G_N_ELEMENTS (open));

  /* Another kind of organisation reports to other bodies. */
  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  assert_open_body_reports (store, open, G_N_ELEMENTS (open));

  /* Closed, an incident is no longer among them. */
  g_assert_true (sonae_incidents_set_status (store, open[3], SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  assert_open_body_reports (store, open, G_N_ELEMENTS (open) - 1);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
  g_unsetenv ("SONAE_NOW");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ppc/strings", test_ppc_strings);
  g_test_add_func ("/ppc/verdicts", test_ppc_verdicts);
  g_test_add_func ("/ppc/every-combination", test_ppc_every_combination);
  g_test_add_func ("/ppc/notes", test_ppc_notes);
  g_test_add_func ("/ppc/dates", test_ppc_dates);
  g_test_add_func ("/ppc/store-round-trip", test_ppc_store_round_trip);
  g_test_add_func ("/ppc/store-new-answers", test_ppc_store_new_answers);
  g_test_add_func ("/ppc/learned-from-created", test_ppc_learned_from_created);
  g_test_add_func ("/ppc/bad-input", test_ppc_bad_input);
  g_test_add_func ("/ppc/body-reports", test_ppc_body_reports);
  g_test_add_func ("/ppc/open-body-reports", test_ppc_open_body_reports);

  return g_test_run ();
}
