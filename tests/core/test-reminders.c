/* The reminder service against a fixed clock: the PPC's deadlines at their
 * boundaries, actions, bodies to report to, and the kit's upkeep. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-body-conditions.h"
#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-edits.h"
#include "sonae-ppc-bodies.h"
#include "sonae-ppc.h"
#include "sonae-reminders.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

#define AUTHOR "佐藤 由美"

typedef struct {
  char *dir;
  SonaeStore *store;
} Fixture;

static void
set_today (const char *date)
{
  g_autofree char *now = g_strdup_printf ("%sT09:00:00", date);

  g_setenv ("SONAE_NOW", now, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  set_today ("2026-12-01");
  f->store = sonae_test_open_store (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
  g_unsetenv ("SONAE_NOW");
}

static GPtrArray *
collect (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = sonae_reminders_collect (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      g_assert_nonnull (r->key);
      g_assert_nonnull (r->title);
      g_test_message ("%u %s [%d] %s %d: %s", i, r->key, r->urgency,
                      r->due_on ? r->due_on : "-", r->days_left, r->title);
    }
  return reminders;
}

static int
index_of (GPtrArray  *reminders,
          const char *key)
{
  for (guint i = 0; i < reminders->len; i++)
    if (g_strcmp0 (((SonaeReminder *) g_ptr_array_index (reminders, i))->key, key) == 0)
      return (int) i;
  return -1;
}

static SonaeReminder *
find (GPtrArray  *reminders,
      const char *key)
{
  int i = index_of (reminders, key);

  return i < 0 ? NULL : g_ptr_array_index (reminders, i);
}

static gboolean
has_incident (GPtrArray *reminders,
              gint64     incident_id)
{
  for (guint i = 0; i < reminders->len; i++)
    if (((SonaeReminder *) g_ptr_array_index (reminders, i))->incident_id == incident_id)
      return TRUE;
  return FALSE;
}

static gint64
new_incident (SonaeStore        *store,
              gboolean           drill,
              int                level,
              SonaeTriageAnswer  personal_data)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (drill ? "訓練: ランサムウェア" : "受付PCに脅迫文");
  incident->drill = drill;
  incident->type = SONAE_INCIDENT_MALWARE;
  incident->level = level;
  incident->event = SONAE_EVENT_MALWARE;
  /* Not a ransom demand: that would answer one of the PPC's conditions
   * (test_triage_carried). */
  incident->answers.seen = SONAE_SEEN_OTHER;
  incident->answers.personal_data = personal_data;
  g_assert_true (sonae_incidents_create (store, incident, NULL, AUTHOR, &error));
  g_assert_no_error (error);
  return incident->id;
}

/* Patient data leaked (sensitive), learned on @learned_on; @unlawful
 * makes the final deadline 60 days. */
static void
set_leak (SonaeStore *store,
          gint64      id,
          const char *learned_on,
          gboolean    unlawful)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (store, id, &error);

  g_assert_no_error (error);
  ppc->personal_data = SONAE_ANSWER_YES;
  ppc->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
  ppc->conditions[SONAE_PPC_CONDITION_FINANCIAL] = SONAE_ANSWER_NO;
  ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = unlawful ? SONAE_ANSWER_YES : SONAE_ANSWER_NO;
  ppc->conditions[SONAE_PPC_CONDITION_OVER_1000] = SONAE_ANSWER_NO;
  ppc->processor = FALSE;
  g_free (ppc->learned_on);
  ppc->learned_on = g_strdup (learned_on);
  g_assert_true (sonae_ppc_set (store, id, ppc, AUTHOR, &error));
  g_assert_no_error (error);
}

static void
assert_reminder (GPtrArray         *reminders,
                 const char        *key,
                 SonaeReminderKind  kind,
                 SonaeUrgency       urgency,
                 const char        *due_on,
                 int                days_left,
                 const char        *title)
{
  SonaeReminder *r = find (reminders, key);

  g_assert_nonnull (r);
  g_assert_cmpint (r->kind, ==, kind);
  g_assert_cmpint (r->urgency, ==, urgency);
  g_assert_cmpstr (r->due_on, ==, due_on);
  g_assert_cmpint (r->days_left, ==, days_left);
  if (title != NULL)
    g_assert_cmpstr (r->title, ==, title);
}

/* What triage was told carries into the PPC's questions: patient data and
 * a ransom demand (an unlawful purpose) make the report required at once,
 * with its preliminary deadline; "no personal data" needs none. */
static void
test_triage_carried (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(SonaeIncident) other = sonae_incident_new ();
  g_autoptr(SonaePpcAssessment) ppc = NULL;
  g_autoptr(GPtrArray) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pre = NULL;
  g_autofree char *undecided = NULL;

  incident->title = g_strdup ("受付PCに脅迫文");
  incident->type = SONAE_INCIDENT_MALWARE;
  incident->level = 3;
  incident->event = SONAE_EVENT_MALWARE;
  incident->answers.seen = SONAE_SEEN_RANSOM;
  incident->answers.personal_data = SONAE_ANSWER_YES;
  g_assert_true (sonae_incidents_create (f->store, incident, NULL, AUTHOR, &error));
  g_assert_no_error (error);

  ppc = sonae_ppc_get (f->store, incident->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ppc->personal_data, ==, SONAE_ANSWER_YES);
  g_assert_cmpint (ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL], ==, SONAE_ANSWER_YES);
  pre = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, incident->id);
  undecided = g_strdup_printf ("ppc-undecided:%" G_GINT64_FORMAT, incident->id);
  r = collect (f->store);
  g_assert_nonnull (find (r, pre));
  g_assert_null (find (r, undecided));

  /* A lost device without personal data: nothing for the PPC. */
  other->title = g_strdup ("USB メモリの紛失");
  other->type = SONAE_INCIDENT_LEAK;
  other->level = 1;
  other->event = SONAE_EVENT_LEAK;
  other->answers.seen = SONAE_SEEN_MISSENT_OR_LOST;
  other->answers.personal_data = SONAE_ANSWER_NO;
  g_assert_true (sonae_incidents_create (f->store, other, NULL, AUTHOR, &error));
  g_clear_pointer (&ppc, sonae_ppc_assessment_free);
  ppc = sonae_ppc_get (f->store, other->id, &error);
  g_assert_cmpint (ppc->personal_data, ==, SONAE_ANSWER_NO);
  g_assert_cmpint (ppc->conditions[SONAE_PPC_CONDITION_UNLAWFUL], ==, SONAE_ANSWER_UNKNOWN);
}

static void
test_ppc_boundaries (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = new_incident (f->store, FALSE, 3, SONAE_ANSWER_YES);
  g_autofree char *pre = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, id);
  g_autofree char *fin = g_strdup_printf ("ppc-final:%" G_GINT64_FORMAT, id);
  g_autofree char *undecided = g_strdup_printf ("ppc-undecided:%" G_GINT64_FORMAT, id);
  g_autofree char *persons = g_strdup_printf ("ppc-persons:%" G_GINT64_FORMAT, id);

  {
    g_autoptr(SonaeIncident) incident = sonae_incidents_get (f->store, id, NULL);
    g_assert_cmpstr (incident->number, ==, "2026-001");
  }
  /* Personal data involved, nothing else answered yet: decide. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (f->store, id, &error);
    g_autoptr(GPtrArray) r = NULL;

    ppc->personal_data = SONAE_ANSWER_YES;
    g_assert_true (sonae_ppc_set (f->store, id, ppc, AUTHOR, &error));
    r = collect (f->store);
    assert_reminder (r, undecided, SONAE_REMINDER_PPC_UNDECIDED, SONAE_URGENCY_SOON, "2026-12-05", 4,
                     "Decide now whether 2026-001 must be reported to the PPC: if it must, the preliminary report is due promptly (the guide of about 3 to 5 days ends on 2026-12-05).");
    g_assert_null (find (r, pre));
    g_assert_null (find (r, fin));
    g_assert_null (find (r, persons));
  }

  set_leak (f->store, id, "2026-12-01", FALSE);

  /* The day learned (day 1): the preliminary report is due promptly, now;
   * the date is only where the guide of about 3 to 5 days ends. */
  {
    g_autoptr(GPtrArray) r = collect (f->store);

    g_assert_null (find (r, undecided));
    assert_reminder (r, pre, SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_SOON, "2026-12-05", 4,
                     "Send the preliminary report to the PPC for 2026-001 now: it is due promptly, and the guide of about 3 to 5 days ends on 2026-12-05.");
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_UPCOMING, "2026-12-30", 29,
                     "The final report to the PPC for 2026-001 is due in 29 days (2026-12-30).");
    g_assert_cmpint (find (r, pre)->incident_id, ==, id);
    g_assert_cmpint (index_of (r, pre), <, index_of (r, fin));
    /* Day 30 is 30 December, when the offices are closed: said. */
    g_assert_nonnull (strstr (find (r, fin)->detail, "New Year holidays"));
    /* The persons are to be told as well, promptly, with no date. */
    assert_reminder (r, persons, SONAE_REMINDER_PPC_PERSONS, SONAE_URGENCY_SOON, NULL, 0,
                     "2026-001: notify the persons whose data is concerned, promptly.");
    g_assert_nonnull (strstr (find (r, persons)->detail, "publish a notice"));
  }
  /* Once they are notified, that reminder goes. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (f->store, id, &error);
    g_autoptr(GPtrArray) r = NULL;

    ppc->persons_notified_on = g_strdup ("2026-12-01");
    g_assert_true (sonae_ppc_set (f->store, id, ppc, AUTHOR, &error));
    g_assert_no_error (error);
    r = collect (f->store);
    g_assert_null (find (r, persons));
    g_assert_nonnull (find (r, pre));
  }
  /* Day 3: nothing opens on day 3; it is still "now", and no day 3 is
   * named anywhere. */
  set_today ("2026-12-03");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, pre, SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_SOON, "2026-12-05", 2,
                     "Send the preliminary report to the PPC for 2026-001 now: it is due promptly, and the guide of about 3 to 5 days ends on 2026-12-05.");
    for (guint i = 0; i < r->len; i++)
      {
        SonaeReminder *x = g_ptr_array_index (r, i);

        g_assert_null (strstr (x->title, "2026-12-03"));
        g_assert_true (x->detail == NULL || strstr (x->detail, "2026-12-03") == NULL);
      }
  }
  /* Day 5: the guide ends today. */
  set_today ("2026-12-05");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, pre, SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_SOON, "2026-12-05", 0,
                     "Send the preliminary report to the PPC for 2026-001 now: the guide of about 3 to 5 days ends today (2026-12-05).");
  }
  /* Day 6: past the guide, and first. */
  set_today ("2026-12-06");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, pre, SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_OVERDUE, "2026-12-05", -1,
                     "The preliminary report to the PPC for 2026-001 is 1 day past the guide of about 3 to 5 days (2026-12-05): send it now.");
    g_assert_cmpint (index_of (r, pre), ==, 0);
  }
  /* A week before the final deadline it is soon; eight days before, not yet. */
  set_today ("2026-12-22");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_UPCOMING, "2026-12-30", 8, NULL);
  }
  set_today ("2026-12-23");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_SOON, "2026-12-30", 7,
                     "The final report to the PPC for 2026-001 is due in 7 days (2026-12-30).");
  }
  /* Day 30: the final report is due today. */
  set_today ("2026-12-30");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_SOON, "2026-12-30", 0,
                     "The final report to the PPC for 2026-001 is due today (2026-12-30).");
    assert_reminder (r, pre, SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_OVERDUE, "2026-12-05", -25,
                     "The preliminary report to the PPC for 2026-001 is 25 days past the guide of about 3 to 5 days (2026-12-05): send it now.");
  }
  /* Day 31: overdue. */
  set_today ("2026-12-31");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_OVERDUE, "2026-12-30", -1,
                     "The final report to the PPC for 2026-001 was due 1 day ago (2026-12-30).");
    /* The longer overdue comes first. */
    g_assert_cmpint (index_of (r, pre), <, index_of (r, fin));
  }
}

static void
test_ppc_unlawful (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = new_incident (f->store, FALSE, 3, SONAE_ANSWER_YES);
  g_autofree char *fin = g_strdup_printf ("ppc-final:%" G_GINT64_FORMAT, id);

  set_leak (f->store, id, "2026-12-01", TRUE);
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_UPCOMING, "2027-01-29", 59,
                     "The final report to the PPC for 2026-001 is due in 59 days (2027-01-29).");
  }
  /* Day 60. */
  set_today ("2027-01-29");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_SOON, "2027-01-29", 0,
                     "The final report to the PPC for 2026-001 is due today (2027-01-29).");
  }
  /* Day 61. */
  set_today ("2027-01-30");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, fin, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_OVERDUE, "2027-01-29", -1,
                     "The final report to the PPC for 2026-001 was due 1 day ago (2027-01-29).");
  }
}

static void
test_ppc_sent (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = new_incident (f->store, FALSE, 3, SONAE_ANSWER_YES);
  g_autofree char *pre = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, id);
  g_autofree char *fin = g_strdup_printf ("ppc-final:%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;

  set_leak (f->store, id, "2026-12-01", FALSE);

  /* The preliminary report sent: only the final one is left. */
  set_today ("2026-12-03");
  {
    g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (f->store, id, &error);
    g_autoptr(GPtrArray) r = NULL;

    ppc->preliminary_sent_on = g_strdup ("2026-12-03");
    g_assert_true (sonae_ppc_set (f->store, id, ppc, AUTHOR, &error));
    g_assert_no_error (error);
    set_today ("2026-12-10");
    r = collect (f->store);
    g_assert_null (find (r, pre));
    g_assert_nonnull (find (r, fin));
  }
  /* The final report sent: nothing, even long after. */
  set_today ("2026-12-20");
  {
    g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (f->store, id, &error);

    ppc->final_sent_on = g_strdup ("2026-12-20");
    g_assert_true (sonae_ppc_set (f->store, id, ppc, AUTHOR, &error));
    g_assert_no_error (error);
  }
  set_today ("2027-03-01");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_assert_null (find (r, pre));
    g_assert_null (find (r, fin));
    for (guint i = 0; i < r->len; i++)
      {
        SonaeReminder *x = g_ptr_array_index (r, i);
        g_assert_false (x->incident_id == id && x->kind <= SONAE_REMINDER_PPC_PERSONS);
      }
  }
}

static void
test_ppc_not_personal (Fixture       *f,
                       gconstpointer  data)
{
  /* Triage said no personal data: nothing to decide. */
  gint64 no = new_incident (f->store, FALSE, 1, SONAE_ANSWER_NO);
  /* Not known: asked while the incident is open. */
  gint64 unknown = new_incident (f->store, FALSE, 1, SONAE_ANSWER_UNKNOWN);
  g_autofree char *key = g_strdup_printf ("ppc-undecided:%" G_GINT64_FORMAT, unknown);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_assert_false (has_incident (r, no));
    g_assert_nonnull (find (r, key));
  }
  /* Answered "no": the question goes. */
  {
    g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (f->store, unknown, &error);
    g_autoptr(GPtrArray) r = NULL;

    ppc->personal_data = SONAE_ANSWER_NO;
    g_assert_true (sonae_ppc_set (f->store, unknown, ppc, AUTHOR, &error));
    g_assert_no_error (error);
    r = collect (f->store);
    g_assert_null (find (r, key));
  }
}

static void
test_drills (Fixture       *f,
             gconstpointer  data)
{
  gint64 drill = new_incident (f->store, TRUE, 3, SONAE_ANSWER_YES);
  g_autoptr(SonaeCapa) action = sonae_capa_new ();
  g_autoptr(GError) error = NULL;

  set_leak (f->store, drill, "2026-12-01", TRUE);
  action->incident_id = drill;
  action->kind = SONAE_CAPA_CORRECTIVE;
  action->text = g_strdup ("バックアップの復元手順を見直す");
  action->due_on = g_strdup ("2026-11-30");
  g_assert_true (sonae_capa_save (f->store, action, AUTHOR, &error));
  g_assert_no_error (error);

  /* A real incident's action, overdue by fewer days than the drill's. */
  {
    gint64 real = new_incident (f->store, FALSE, 1, SONAE_ANSWER_NO);
    g_autoptr(SonaeCapa) real_action = sonae_capa_new ();

    real_action->incident_id = real;
    real_action->kind = SONAE_CAPA_CORRECTIVE;
    real_action->text = g_strdup ("ルーターの更新");
    real_action->due_on = g_strdup ("2026-12-10");
    g_assert_true (sonae_capa_save (f->store, real_action, AUTHOR, &error));
    g_assert_no_error (error);

    set_today ("2026-12-20");
    {
      g_autoptr(GPtrArray) r = collect (f->store);
      g_autofree char *akey = g_strdup_printf ("action:%" G_GINT64_FORMAT, action->id);
      g_autofree char *rkey = g_strdup_printf ("action:%" G_GINT64_FORMAT, real_action->id);
      const SonaeReminder *drill_action = find (r, akey);
      const SonaeReminder *real_one = find (r, rkey);
      int drill_pos = -1, real_pos = -1;

      /* The drill is practised to the end, but never passes for real: its
       * reminders say so and come after the real ones of the same urgency,
       * although its date is earlier. */
      g_assert_true (has_incident (r, drill));
      g_assert_nonnull (drill_action);
      g_assert_nonnull (real_one);
      g_assert_true (drill_action->drill);
      g_assert_false (real_one->drill);
      g_assert_true (g_str_has_prefix (drill_action->title, "Drill: "));
      g_assert_false (g_str_has_prefix (real_one->title, "Drill: "));
      g_assert_cmpint (drill_action->urgency, ==, real_one->urgency);
      for (guint i = 0; i < r->len; i++)
        {
          if (g_ptr_array_index (r, i) == drill_action)
            drill_pos = (int) i;
          if (g_ptr_array_index (r, i) == real_one)
            real_pos = (int) i;
          if (((SonaeReminder *) g_ptr_array_index (r, i))->incident_id == drill)
            g_assert_true (((SonaeReminder *) g_ptr_array_index (r, i))->drill);
        }
      g_assert_cmpint (real_pos, <, drill_pos);
    }
  }
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = new_incident (f->store, FALSE, 1, SONAE_ANSWER_NO);
  const char *dues[] = { "2026-12-09", "2026-12-17", "2026-12-18", "2026-12-01", NULL };
  gint64 ids[4];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SonaeCapa) action = sonae_capa_new ();

      action->incident_id = id;
      action->kind = SONAE_CAPA_CORRECTIVE;
      action->text = g_strdup_printf ("対策 %u", i + 1);
      action->due_on = g_strdup (dues[i]);
      g_assert_true (sonae_capa_save (f->store, action, AUTHOR, &error));
      g_assert_no_error (error);
      ids[i] = action->id;
    }
  /* The fourth is done: it never reminds. */
  g_assert_true (sonae_capa_complete (f->store, ids[3], "2026-12-01", AUTHOR, NULL, AUTHOR, &error));
  g_assert_no_error (error);

  set_today ("2026-12-10");
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_autofree char *yesterday = g_strdup_printf ("action:%" G_GINT64_FORMAT, ids[0]);
    g_autofree char *week = g_strdup_printf ("action:%" G_GINT64_FORMAT, ids[1]);
    g_autofree char *later = g_strdup_printf ("action:%" G_GINT64_FORMAT, ids[2]);
    g_autofree char *done = g_strdup_printf ("action:%" G_GINT64_FORMAT, ids[3]);
    int first_upkeep = -1;

    assert_reminder (r, yesterday, SONAE_REMINDER_ACTION_OVERDUE, SONAE_URGENCY_OVERDUE, "2026-12-09", -1,
                     "2026-001: the action “対策 1” was due 1 day ago (2026-12-09).");
    g_assert_cmpint (find (r, yesterday)->action_id, ==, ids[0]);
    g_assert_cmpint (find (r, yesterday)->incident_id, ==, id);
    assert_reminder (r, week, SONAE_REMINDER_ACTION_DUE, SONAE_URGENCY_SOON, "2026-12-17", 7,
                     "2026-001: the action “対策 2” is due in 7 days (2026-12-17).");
    g_assert_null (find (r, later));
    g_assert_null (find (r, done));

    /* Overdue first; the kit's upkeep after what has a date. */
    g_assert_cmpint (index_of (r, yesterday), ==, 0);
    for (guint i = 0; i < r->len; i++)
      if (((SonaeReminder *) g_ptr_array_index (r, i))->urgency == SONAE_URGENCY_UPKEEP)
        {
          first_upkeep = (int) i;
          break;
        }
    g_assert_cmpint (first_upkeep, >, index_of (r, week));
  }

  /* Dropping it with a reason ends the reminder. */
  g_assert_true (sonae_capa_drop (f->store, ids[0], "別の対策で対応", AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_autofree char *yesterday = g_strdup_printf ("action:%" G_GINT64_FORMAT, ids[0]);
    g_assert_null (find (r, yesterday));
  }
}

static void
test_body_reports (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = new_incident (f->store, FALSE, 3, SONAE_ANSWER_NO);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bodies = sonae_ppc_list_body_reports (f->store, id, &error);
  g_autofree char *required = NULL;

  g_assert_no_error (error);
  g_autofree char *undecided = NULL;

  /* A virus at level 3: the bodies whose condition applies are reminded
   * of, those still to decide asked; the police (a crime is not known from
   * a virus alone) among these. */
  for (guint i = 0; i < bodies->len; i++)
    {
      SonaeBodyReport *b = g_ptr_array_index (bodies, i);
      g_autofree char *key = g_strdup_printf ("body:%" G_GINT64_FORMAT ":%s", id, b->authority_key);
      g_autofree char *decide = g_strdup_printf ("body-undecided:%" G_GINT64_FORMAT ":%s", id, b->authority_key);
      g_autoptr(GPtrArray) r = collect (f->store);

      g_assert_nonnull (b->reason);
      if (b->optional || g_strcmp0 (b->authority_key, "ppc") == 0 || b->applies == SONAE_ANSWER_NO)
        {
          g_assert_null (find (r, key));
          g_assert_null (find (r, decide));
        }
      else if (b->applies == SONAE_ANSWER_YES)
        {
          assert_reminder (r, key, SONAE_REMINDER_BODY_REPORT, SONAE_URGENCY_SOON, NULL, 0, NULL);
          g_assert_null (find (r, decide));
          g_assert_nonnull (strstr (find (r, key)->title, "2026-001"));
          g_assert_nonnull (strstr (find (r, key)->detail, b->reason));
          if (required == NULL)
            required = g_strdup (b->authority_key);
        }
      else
        {
          assert_reminder (r, decide, SONAE_REMINDER_BODY_UNDECIDED, SONAE_URGENCY_SOON, NULL, 0, NULL);
          g_assert_null (find (r, key));
          g_assert_true (g_str_has_prefix (find (r, decide)->title, "Decide whether 2026-001 must be reported to "));
          g_assert_nonnull (strstr (find (r, decide)->detail, b->reason));
          if (undecided == NULL)
            undecided = g_strdup (b->authority_key);
        }
    }
  g_assert_nonnull (required);
  g_assert_cmpstr (undecided, ==, "police-cyber");

  /* Answered: a crime after all — now a report is due; then "no" — none. */
  g_assert_true (sonae_body_conditions_set_answer (f->store, id, undecided, SONAE_ANSWER_YES, AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_autofree char *key = g_strdup_printf ("body:%" G_GINT64_FORMAT ":%s", id, undecided);
    g_autofree char *decide = g_strdup_printf ("body-undecided:%" G_GINT64_FORMAT ":%s", id, undecided);
    g_autoptr(GPtrArray) r = collect (f->store);

    g_assert_nonnull (find (r, key));
    g_assert_null (find (r, decide));
  }
  g_assert_true (sonae_body_conditions_set_answer (f->store, id, undecided, SONAE_ANSWER_NO, AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_autofree char *key = g_strdup_printf ("body:%" G_GINT64_FORMAT ":%s", id, undecided);
    g_autofree char *decide = g_strdup_printf ("body-undecided:%" G_GINT64_FORMAT ":%s", id, undecided);
    g_autoptr(GPtrArray) r = collect (f->store);

    g_assert_null (find (r, key));
    g_assert_null (find (r, decide));
  }

  /* Done: it goes. */
  g_assert_true (sonae_ppc_set_body_report (f->store, id, required, "2026-12-01", AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_autofree char *key = g_strdup_printf ("body:%" G_GINT64_FORMAT ":%s", id, required);
    g_autoptr(GPtrArray) r = collect (f->store);
    g_assert_null (find (r, key));
  }

  /* A closed incident asks for no more reports. */
  g_assert_true (sonae_incidents_set_status (f->store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_assert_false (has_incident (r, id));
  }
}

static void
test_upkeep (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_roles;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  gint64 contact;
  guint n_unchecked = 0;

  /* A new organisation: every role empty, the manual never reviewed. */
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_autoptr(GPtrArray) contacts = sonae_contacts_list (f->store, -1, NULL);

    for (guint i = 0; i < n_roles; i++)
      {
        g_autofree char *key = g_strdup_printf ("role:%s", roles[i].key);
        assert_reminder (r, key, SONAE_REMINDER_ROLE_EMPTY, SONAE_URGENCY_UPKEEP, NULL, 0, NULL);
        g_assert_cmpstr (find (r, key)->role_key, ==, roles[i].key);
      }
    assert_reminder (r, "manual-review", SONAE_REMINDER_MANUAL_REVIEW, SONAE_URGENCY_UPKEEP, NULL, 0,
                     "The emergency manual has never been reviewed.");
    for (guint i = 0; i < contacts->len; i++)
      if (((SonaeContact *) g_ptr_array_index (contacts, i))->needs_check)
        n_unchecked++;
    if (n_unchecked > 0)
      assert_reminder (r, "contacts-unchecked", SONAE_REMINDER_CONTACT_UNCHECKED, SONAE_URGENCY_UPKEEP, NULL, 0, NULL);
    else
      g_assert_null (find (r, "contacts-unchecked"));
    /* The offices with no number to call (the local authority, the police
     * cyber desk, the ministry's): one reminder, opening the first. */
    assert_reminder (r, "authorities-phone", SONAE_REMINDER_AUTHORITY_PHONE, SONAE_URGENCY_UPKEEP, NULL, 0,
                     "Enter the phone numbers of 4 offices");
    {
      g_autoptr(SonaeContact) first = sonae_contacts_get (f->store, find (r, "authorities-phone")->contact_id, NULL);

      g_assert_nonnull (first);
      g_assert_cmpint (first->group, ==, SONAE_GROUP_AUTHORITY);
      g_assert_cmpuint (first->phones->len, ==, 0);
    }
  }

  /* A contact verified 200 days ago is stale; verified today, it is not. */
  contact = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  g_assert_true (sonae_contacts_mark_verified (f->store, contact, "2026-05-15", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_contacts_set_role_holders (f->store, roles[0].key, &contact, 1, &error));
  {
    g_autofree char *key = g_strdup_printf ("contact:%" G_GINT64_FORMAT, contact);
    g_autofree char *role = g_strdup_printf ("role:%s", roles[0].key);
    g_autoptr(GPtrArray) r = collect (f->store);

    assert_reminder (r, key, SONAE_REMINDER_CONTACT_STALE, SONAE_URGENCY_UPKEEP, NULL, 0, NULL);
    g_assert_cmpint (find (r, key)->contact_id, ==, contact);
    g_assert_null (find (r, role));
  }
  g_assert_true (sonae_contacts_mark_verified (f->store, contact, NULL, &error));
  {
    g_autofree char *key = g_strdup_printf ("contact:%" G_GINT64_FORMAT, contact);
    g_autoptr(GPtrArray) r = collect (f->store);
    g_assert_null (find (r, key));
  }

  /* Reviewed more than a year ago: due again, with the date. */
  g_assert_true (sonae_manual_edits_mark_reviewed (f->store, "2025-11-30", AUTHOR, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    assert_reminder (r, "manual-review", SONAE_REMINDER_MANUAL_REVIEW, SONAE_URGENCY_UPKEEP, NULL, 0,
                     "The emergency manual is due for its yearly review.");
    g_assert_nonnull (strstr (find (r, "manual-review")->detail, "2025-11-30"));
  }
  /* Exactly a year ago is still within the year. */
  g_assert_true (sonae_manual_edits_mark_reviewed (f->store, "2025-12-01", AUTHOR, &error));
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_assert_null (find (r, "manual-review"));
  }
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  gint64 a = new_incident (f->store, FALSE, 3, SONAE_ANSWER_YES);
  gint64 b = new_incident (f->store, FALSE, 2, SONAE_ANSWER_YES);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  set_leak (f->store, a, "2026-12-01", FALSE);
  set_leak (f->store, b, "2026-12-01", TRUE);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SonaeCapa) action = sonae_capa_new ();

      action->incident_id = i == 1 ? b : a;
      action->kind = SONAE_CAPA_PREVENTIVE;
      action->text = g_strdup_printf ("予防 %u", i);
      action->due_on = g_strdup (i == 2 ? "2026-12-12" : "2026-12-08");
      g_assert_true (sonae_capa_save (f->store, action, AUTHOR, &error));
      g_assert_no_error (error);
    }

  set_today ("2026-12-09");
  first = collect (f->store);
  second = collect (f->store);
  g_assert_cmpuint (first->len, ==, second->len);
  g_assert_cmpuint (first->len, >, 6);
  for (guint i = 0; i < first->len; i++)
    {
      SonaeReminder *x = g_ptr_array_index (first, i);
      SonaeReminder *y = g_ptr_array_index (second, i);

      g_assert_cmpstr (x->key, ==, y->key);
      if (i > 0)
        {
          SonaeReminder *prev = g_ptr_array_index (first, i - 1);

          /* By urgency, then by date (none last), then by kind. */
          g_assert_cmpint (prev->urgency, <=, x->urgency);
          if (prev->urgency == x->urgency)
            {
              if (prev->due_on != NULL && x->due_on != NULL)
                {
                  g_assert_cmpint (strcmp (prev->due_on, x->due_on), <=, 0);
                  if (g_strcmp0 (prev->due_on, x->due_on) == 0)
                    g_assert_cmpint (prev->kind, <=, x->kind);
                }
              else
                g_assert_true (prev->due_on != NULL || x->due_on == NULL);
            }
        }
    }
  /* The PPC's preliminary reports (due 2026-12-05) before the actions due
   * 2026-12-08, then what is due this week. */
  {
    g_autofree char *pa = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, a);
    g_autofree char *pb = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, b);

    g_assert_cmpint (index_of (first, pa), ==, 0);
    g_assert_cmpint (index_of (first, pb), ==, 1);
    g_assert_cmpint (((SonaeReminder *) g_ptr_array_index (first, 2))->kind, ==, SONAE_REMINDER_ACTION_OVERDUE);
    g_assert_cmpint (((SonaeReminder *) g_ptr_array_index (first, 3))->kind, ==, SONAE_REMINDER_ACTION_OVERDUE);
    g_assert_cmpint (((SonaeReminder *) g_ptr_array_index (first, 4))->kind, ==, SONAE_REMINDER_ACTION_DUE);
  }
}

/* ---- the business-continuity plan ---------------------------------------- */

static void
test_bcp_measures (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(SonaeBcpMeasure) late = sonae_bcp_measure_new ();
  g_autoptr(SonaeBcpMeasure) soon = sonae_bcp_measure_new ();
  g_autoptr(SonaeBcpMeasure) later = sonae_bcp_measure_new ();
  g_autoptr(SonaeBcpMeasure) done = sonae_bcp_measure_new ();
  SonaeReminder *r;
  gint64 owner = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090-0000-1105");

  late->text = g_strdup ("構成図を作る");
  late->due_on = g_strdup ("2026-11-30");
  late->owner_id = owner;
  soon->text = g_strdup ("UPSを付ける");
  soon->due_on = g_strdup ("2026-12-08");
  later->text = g_strdup ("later");
  later->due_on = g_strdup ("2026-12-09");
  done->text = g_strdup ("done");
  done->due_on = g_strdup ("2026-11-01");
  g_assert_true (sonae_bcp_save_measure (f->store, late, &error));
  g_assert_true (sonae_bcp_save_measure (f->store, soon, &error));
  g_assert_true (sonae_bcp_save_measure (f->store, later, &error));
  g_assert_true (sonae_bcp_save_measure (f->store, done, &error));
  g_assert_true (sonae_bcp_set_measure_status (f->store, done->id, SONAE_CAPA_DONE, NULL, &error));
  g_assert_true (sonae_bcp_set_check (f->store, "offline-backup", SONAE_BCP_NO, "2026-11-15", 0, &error));
  g_assert_true (sonae_bcp_set_check (f->store, "inventory", SONAE_BCP_NO, "2027-01-15", 0, &error));
  g_assert_no_error (error);

  reminders = collect (f->store);
  r = find (reminders, "bcp-measure:" G_STRINGIFY (1));
  g_assert_nonnull (r);
  g_assert_cmpint (r->kind, ==, SONAE_REMINDER_BCP_MEASURE);
  g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_OVERDUE);
  g_assert_cmpint (r->bcp_id, ==, late->id);
  g_assert_cmpint (r->days_left, ==, -1);
  g_assert_nonnull (strstr (r->title, "構成図を作る"));
  g_assert_nonnull (strstr (r->detail, "田中 健一"));
  r = find (reminders, "bcp-measure:" G_STRINGIFY (2));
  g_assert_nonnull (r);
  g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_SOON);
  g_assert_cmpint (r->days_left, ==, 7);
  g_assert_null (find (reminders, "bcp-measure:" G_STRINGIFY (3)));   /* 8 days away */
  g_assert_null (find (reminders, "bcp-measure:" G_STRINGIFY (4)));   /* done */
  r = find (reminders, "bcp-check:offline-backup");
  g_assert_nonnull (r);
  g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_OVERDUE);
  g_assert_cmpint (r->bcp_id, ==, 0);
  g_assert_cmpstr (r->check_key, ==, "offline-backup");
  g_assert_null (find (reminders, "bcp-check:inventory"));
  /* The older one first. */
  g_assert_cmpint (index_of (reminders, "bcp-check:offline-backup"), <, index_of (reminders, "bcp-measure:1"));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Answered はい: gone. */
  g_assert_true (sonae_bcp_set_check (f->store, "offline-backup", SONAE_BCP_YES, NULL, 0, &error));
  reminders = collect (f->store);
  g_assert_null (find (reminders, "bcp-check:offline-backup"));
}

static void
test_restore_tests (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  const struct { const char *name; const char *tested; int days; } systems[] = {
    { "late", "2026-05-01", 180 },      /* due 2026-10-28: overdue */
    { "soon", "2026-06-10", 180 },      /* due 2026-12-07: soon */
    { "fine", "2026-11-01", 180 },
    { "never", NULL, 90 },
    { "no plan", NULL, 0 },
  };
  gint64 ids[G_N_ELEMENTS (systems)];
  SonaeReminder *r;

  for (guint i = 0; i < G_N_ELEMENTS (systems); i++)
    {
      g_autoptr(SonaeBcpSystem) s = sonae_bcp_system_new ();

      s->name = g_strdup (systems[i].name);
      s->restore_tested_on = g_strdup (systems[i].tested);
      s->restore_test_days = systems[i].days;
      g_assert_true (sonae_bcp_save_system (f->store, s, &error));
      g_assert_no_error (error);
      ids[i] = s->id;
    }
  reminders = collect (f->store);
  {
    g_autofree char *key = g_strdup_printf ("restore:%" G_GINT64_FORMAT, ids[0]);
    r = find (reminders, key);
    g_assert_nonnull (r);
    g_assert_cmpint (r->kind, ==, SONAE_REMINDER_RESTORE_TEST);
    g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_OVERDUE);
    g_assert_cmpstr (r->due_on, ==, "2026-10-28");
    g_assert_cmpint (r->bcp_id, ==, ids[0]);
    g_assert_nonnull (strstr (r->title, "late"));
  }
  {
    g_autofree char *key = g_strdup_printf ("restore:%" G_GINT64_FORMAT, ids[1]);
    r = find (reminders, key);
    g_assert_nonnull (r);
    g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_SOON);
    g_assert_cmpstr (r->due_on, ==, "2026-12-07");
  }
  {
    g_autofree char *key = g_strdup_printf ("restore:%" G_GINT64_FORMAT, ids[2]);
    g_assert_null (find (reminders, key));
  }
  {
    g_autofree char *key = g_strdup_printf ("restore:%" G_GINT64_FORMAT, ids[3]);
    r = find (reminders, key);
    g_assert_nonnull (r);
    g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_UPKEEP);
    g_assert_null (r->due_on);
  }
  {
    g_autofree char *key = g_strdup_printf ("restore:%" G_GINT64_FORMAT, ids[4]);
    g_assert_null (find (reminders, key));
  }
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A restore tried today clears it. */
  g_assert_true (sonae_bcp_record_restore_test (f->store, ids[0], NULL, &error));
  reminders = collect (f->store);
  {
    g_autofree char *key = g_strdup_printf ("restore:%" G_GINT64_FORMAT, ids[0]);
    g_assert_null (find (reminders, key));
  }
}

static void
test_drill_and_review (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(SonaeBcpDrill) drill = sonae_bcp_drill_new ();
  SonaeReminder *r;

  /* Nothing of the plan: the drill is asked for, not the review. */
  reminders = collect (f->store);
  r = find (reminders, "bcp-drill");
  g_assert_nonnull (r);
  g_assert_cmpint (r->kind, ==, SONAE_REMINDER_DRILL);
  g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_UPKEEP);
  g_assert_null (find (reminders, "bcp-review"));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A drill 366 days ago: due, with the day it was due. */
  drill->held_on = g_strdup ("2025-11-30");
  drill->scenario = g_strdup ("停電");
  g_assert_true (sonae_bcp_save_drill (f->store, drill, &error));
  g_assert_no_error (error);
  reminders = collect (f->store);
  r = find (reminders, "bcp-drill");
  g_assert_nonnull (r);
  g_assert_nonnull (strstr (r->detail, "2025-11-30"));
  g_assert_nonnull (strstr (r->detail, "2026-11-30"));
  /* The plan is started now: never reviewed. */
  r = find (reminders, "bcp-review");
  g_assert_nonnull (r);
  g_assert_cmpint (r->kind, ==, SONAE_REMINDER_BCP_REVIEW);
  g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_UPKEEP);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Exactly a year: fine. */
  g_free (drill->held_on);
  drill->held_on = g_strdup ("2025-12-01");
  g_assert_true (sonae_bcp_save_drill (f->store, drill, &error));
  g_assert_true (sonae_bcp_mark_reviewed (f->store, "2025-11-30", AUTHOR, &error));
  g_assert_no_error (error);
  reminders = collect (f->store);
  g_assert_null (find (reminders, "bcp-drill"));
  r = find (reminders, "bcp-review");
  g_assert_nonnull (r);
  g_assert_nonnull (strstr (r->detail, "2025-11-30"));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  g_assert_true (sonae_bcp_mark_reviewed (f->store, NULL, AUTHOR, &error));
  reminders = collect (f->store);
  g_assert_null (find (reminders, "bcp-review"));
}

static void
test_risk_reviews (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(SonaeBcpRisk) past = sonae_bcp_risk_new ();
  g_autoptr(SonaeBcpRisk) today = sonae_bcp_risk_new ();
  g_autoptr(SonaeBcpRisk) none = sonae_bcp_risk_new ();
  g_autofree char *key_past = NULL;
  g_autofree char *key_today = NULL;
  SonaeReminder *r;

  past->risk = g_strdup ("停電でサーバーが止まる");
  past->next_review_on = g_strdup ("2026-11-20");
  today->risk = g_strdup ("today");
  today->next_review_on = g_strdup ("2026-12-01");
  none->risk = g_strdup ("none");
  g_assert_true (sonae_bcp_save_risk (f->store, past, &error));
  g_assert_true (sonae_bcp_save_risk (f->store, today, &error));
  g_assert_true (sonae_bcp_save_risk (f->store, none, &error));
  g_assert_no_error (error);
  key_past = g_strdup_printf ("risk:%" G_GINT64_FORMAT, past->id);
  key_today = g_strdup_printf ("risk:%" G_GINT64_FORMAT, today->id);

  reminders = collect (f->store);
  r = find (reminders, key_past);
  g_assert_nonnull (r);
  g_assert_cmpint (r->kind, ==, SONAE_REMINDER_RISK_REVIEW);
  g_assert_cmpint (r->urgency, ==, SONAE_URGENCY_OVERDUE);
  g_assert_cmpint (r->bcp_id, ==, past->id);
  g_assert_cmpint (r->days_left, ==, -11);
  g_assert_nonnull (strstr (r->title, "停電"));
  g_assert_null (find (reminders, key_today));
  for (guint i = 0; i < reminders->len; i++)
    g_assert_cmpint (((SonaeReminder *) g_ptr_array_index (reminders, i))->bcp_id == none->id &&
                     ((SonaeReminder *) g_ptr_array_index (reminders, i))->kind == SONAE_REMINDER_RISK_REVIEW, ==, FALSE);
}

/* Many contacts to verify are one reminder, that opens them all; a few are
 * named one by one. */
static void
test_contacts_grouped (Fixture       *f,
                       gconstpointer  data)
{
  guint n = SONAE_ATTENTION_MAX_CONTACTS + 20;
  g_autoptr(GPtrArray) r = NULL;
  guint n_single = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("職員 %u", i);
      sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, name, "しょくいん", "03-0000-0000");
    }
  r = collect (f->store);
  assert_reminder (r, "contacts-stale", SONAE_REMINDER_CONTACTS_STALE, SONAE_URGENCY_UPKEEP, NULL, 0,
                   "Confirm the details of 23 contacts");
  g_assert_cmpint (find (r, "contacts-stale")->contact_id, ==, 0);
  for (guint i = 0; i < r->len; i++)
    if (((SonaeReminder *) g_ptr_array_index (r, i))->kind == SONAE_REMINDER_CONTACT_STALE)
      n_single++;
  g_assert_cmpuint (n_single, ==, 0);
}

/* The reminders of @reminders that are about incident @id, of @kind. */
static guint
count_for (GPtrArray         *reminders,
           gint64             id,
           SonaeReminderKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      if (r->incident_id == id && r->kind == kind)
        n++;
    }
  return n;
}

/* Incident @id's reminders to report to bodies are those its own list says
 * are required and not done and whose condition applies (or is still to be
 * decided: those are asked), each kind in that list's order, and say its
 * number. */
static void
assert_body_reminders (SonaeStore *store,
                       GPtrArray  *reminders,
                       gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = sonae_incidents_get (store, id, &error);
  g_autoptr(GPtrArray) bodies = sonae_ppc_list_body_reports (store, id, &error);
  guint n = 0;
  int last[2] = { -1, -1 };   /* reports due, bodies to decide */

  g_assert_no_error (error);
  for (guint i = 0; i < bodies->len; i++)
    {
      SonaeBodyReport *b = g_ptr_array_index (bodies, i);
      int *kind_last = &last[b->applies == SONAE_ANSWER_UNKNOWN];
      g_autofree char *key = g_strdup_printf (b->applies == SONAE_ANSWER_UNKNOWN ? "body-undecided:%" G_GINT64_FORMAT ":%s"
                                                                                 : "body:%" G_GINT64_FORMAT ":%s",
                                              id, b->authority_key);
      SonaeReminder *r = find (reminders, key);

      if (b->optional || b->done_on != NULL || incident->status == SONAE_STATUS_CLOSED ||
          b->applies == SONAE_ANSWER_NO)
        {
          g_assert_null (r);
          continue;
        }
      g_assert_nonnull (r);
      g_assert_cmpint (r->incident_id, ==, id);
      g_assert_cmpint (r->drill, ==, incident->drill);
      g_assert_nonnull (strstr (r->title, incident->number));
      g_assert_cmpint (r->kind, ==, b->applies == SONAE_ANSWER_UNKNOWN ? SONAE_REMINDER_BODY_UNDECIDED
                                                                        : SONAE_REMINDER_BODY_REPORT);
      g_assert_cmpint (index_of (reminders, key), >, *kind_last);
      *kind_last = index_of (reminders, key);
      n++;
    }
  g_assert_cmpuint (count_for (reminders, id, SONAE_REMINDER_BODY_REPORT) +
                    count_for (reminders, id, SONAE_REMINDER_BODY_UNDECIDED), ==, n);
}

static void
close_incident (SonaeStore *store,
                gint64      id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
}

static void
test_several_incidents (Fixture       *f,
                        gconstpointer  data)
{
  /* Open incidents at every level, a drill among them, each with its own
   * reports done and its own answers about personal data. */
  gint64 level3 = new_incident (f->store, FALSE, 3, SONAE_ANSWER_YES);
  gint64 level2 = new_incident (f->store, FALSE, 2, SONAE_ANSWER_UNKNOWN);
  gint64 level1 = new_incident (f->store, FALSE, 1, SONAE_ANSWER_NO);
  gint64 level0 = new_incident (f->store, FALSE, 0, SONAE_ANSWER_NO);
  gint64 drill = new_incident (f->store, TRUE, 3, SONAE_ANSWER_UNKNOWN);
  /* Closed: one whose final report to the PPC is still due, one whose
   * final report was sent, one that never involved personal data. */
  gint64 pending = new_incident (f->store, FALSE, 3, SONAE_ANSWER_YES);
  gint64 sent = new_incident (f->store, FALSE, 3, SONAE_ANSWER_YES);
  gint64 quiet = new_incident (f->store, FALSE, 2, SONAE_ANSWER_UNKNOWN);
  const gint64 all[] = { level3, level2, level1, level0, drill, pending, sent, quiet };
  g_autoptr(GError) error = NULL;

  set_leak (f->store, level3, "2026-11-30", FALSE);
  set_leak (f->store, pending, "2026-11-20", TRUE);
  set_leak (f->store, sent, "2026-11-20", FALSE);
  {
    g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (f->store, sent, &error);

    ppc->preliminary_sent_on = g_strdup ("2026-11-22");
    ppc->final_sent_on = g_strdup ("2026-11-30");
    g_assert_true (sonae_ppc_set (f->store, sent, ppc, AUTHOR, &error));
    g_assert_no_error (error);
  }
  g_assert_true (sonae_ppc_set_body_report (f->store, level3, "police-cyber", "2026-12-01", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (f->store, level2, "mhlw", "2026-12-01", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (f->store, drill, "jpcert", "2026-12-01", AUTHOR, &error));
  g_assert_true (sonae_ppc_set_body_report (f->store, level0, "police-cyber", "2026-12-01", AUTHOR, &error));
  g_assert_no_error (error);
  close_incident (f->store, pending);
  close_incident (f->store, sent);
  close_incident (f->store, quiet);

  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_autofree char *pre3 = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, level3);
    g_autofree char *fin3 = g_strdup_printf ("ppc-final:%" G_GINT64_FORMAT, level3);
    g_autofree char *und2 = g_strdup_printf ("ppc-undecided:%" G_GINT64_FORMAT, level2);
    g_autofree char *und_drill = g_strdup_printf ("ppc-undecided:%" G_GINT64_FORMAT, drill);
    g_autofree char *pre_pending = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, pending);
    g_autofree char *fin_pending = g_strdup_printf ("ppc-final:%" G_GINT64_FORMAT, pending);

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      assert_body_reminders (f->store, r, all[i]);
    g_assert_cmpuint (count_for (r, level3, SONAE_REMINDER_BODY_REPORT), >, 0);
    g_assert_cmpuint (count_for (r, drill, SONAE_REMINDER_BODY_REPORT), >, 0);

    /* Each incident has its own deadlines to the PPC, and only its own. */
    assert_reminder (r, pre3, SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_SOON, "2026-12-04", 3, NULL);
    assert_reminder (r, fin3, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_UPCOMING, "2026-12-29", 28, NULL);
    g_assert_nonnull (find (r, und2));
    g_assert_nonnull (find (r, und_drill));
    g_assert_true (find (r, und_drill)->drill);
    g_assert_true (g_str_has_prefix (find (r, und_drill)->title, "Drill: "));
    g_assert_cmpuint (count_for (r, level1, SONAE_REMINDER_PPC_UNDECIDED), ==, 0);
    g_assert_cmpuint (count_for (r, level0, SONAE_REMINDER_PPC_UNDECIDED), ==, 0);

    /* Closed, a leak still owes its reports to the PPC (60 days: unlawful),
     * and nothing else; the others are done with. */
    assert_reminder (r, pre_pending, SONAE_REMINDER_PPC_PRELIMINARY, SONAE_URGENCY_OVERDUE, "2026-11-24", -7, NULL);
    assert_reminder (r, fin_pending, SONAE_REMINDER_PPC_FINAL, SONAE_URGENCY_UPCOMING, "2027-01-18", 48, NULL);
    g_assert_false (has_incident (r, sent));
    g_assert_false (has_incident (r, quiet));
  }

  /* Once every incident is closed, the leak still owes its reports. */
  close_incident (f->store, level3);
  close_incident (f->store, level2);
  close_incident (f->store, level1);
  close_incident (f->store, level0);
  close_incident (f->store, drill);
  {
    g_autoptr(GPtrArray) r = collect (f->store);
    g_autofree char *pre3 = g_strdup_printf ("ppc-preliminary:%" G_GINT64_FORMAT, level3);
    g_autofree char *fin_pending = g_strdup_printf ("ppc-final:%" G_GINT64_FORMAT, pending);

    g_assert_nonnull (find (r, pre3));
    g_assert_nonnull (find (r, fin_pending));
    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        g_assert_cmpuint (count_for (r, all[i], SONAE_REMINDER_BODY_REPORT), ==, 0);
        g_assert_cmpuint (count_for (r, all[i], SONAE_REMINDER_BODY_UNDECIDED), ==, 0);
      }
    g_assert_false (has_incident (r, level2));
    g_assert_false (has_incident (r, drill));
    g_assert_false (has_incident (r, sent));
  }
}

/* An action left open on a closed incident (as an older database may hold:
 * closing is refused while one is open) is still reminded of. */
static void
test_closed_incident_action (Fixture       *f,
                             gconstpointer  data)
{
  gint64 open = new_incident (f->store, FALSE, 1, SONAE_ANSWER_NO);
  gint64 closed = new_incident (f->store, FALSE, 1, SONAE_ANSWER_NO);
  g_autoptr(SonaeCapa) action = sonae_capa_new ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *key = NULL;

  action->incident_id = closed;
  action->kind = SONAE_CAPA_CORRECTIVE;
  action->text = g_strdup ("端末のパスワードを変更する");
  action->due_on = g_strdup ("2026-11-30");
  g_assert_true (sonae_capa_save (f->store, action, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (sonae_store_get_db (f->store),
                                       "UPDATE incidents SET status = ?1 WHERE id = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, "closed", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, closed);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  key = g_strdup_printf ("action:%" G_GINT64_FORMAT, action->id);
  {
    g_autoptr(GPtrArray) r = collect (f->store);

    assert_reminder (r, key, SONAE_REMINDER_ACTION_OVERDUE, SONAE_URGENCY_OVERDUE, "2026-11-30", -1, NULL);
    g_assert_cmpint (find (r, key)->incident_id, ==, closed);
    g_assert_cmpuint (count_for (r, closed, SONAE_REMINDER_BODY_REPORT), ==, 0);
    g_assert_cmpuint (count_for (r, closed, SONAE_REMINDER_BODY_UNDECIDED), ==, 0);
    /* The open incident, at level 1 without personal data, owes nothing. */
    g_assert_false (has_incident (r, open));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reminders/ppc-boundaries", test_ppc_boundaries);
  ADD ("/reminders/triage-carried", test_triage_carried);
  ADD ("/reminders/ppc-unlawful", test_ppc_unlawful);
  ADD ("/reminders/ppc-sent", test_ppc_sent);
  ADD ("/reminders/ppc-not-personal", test_ppc_not_personal);
  ADD ("/reminders/drills", test_drills);
  ADD ("/reminders/actions", test_actions);
  ADD ("/reminders/body-reports", test_body_reports);
  ADD ("/reminders/upkeep", test_upkeep);
  ADD ("/reminders/order", test_order);
  ADD ("/reminders/bcp-measures", test_bcp_measures);
  ADD ("/reminders/restore-tests", test_restore_tests);
  ADD ("/reminders/drill-and-review", test_drill_and_review);
  ADD ("/reminders/risk-reviews", test_risk_reviews);
  ADD ("/reminders/contacts-grouped", test_contacts_grouped);
  ADD ("/reminders/several-incidents", test_several_incidents);
  ADD ("/reminders/closed-incident-action", test_closed_incident_action);

  return g_test_run ();
}
