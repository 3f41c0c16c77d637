/* test-incidents.c: the incident record, its checklist run and the entries
 * each change writes. The chain itself is tested in test-timeline.c. */
#include "config.h"

#include <string.h>

#include "sonae-capa.h"
#include "sonae-closing.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-report-form.h"
#include "sonae-store.h"
#include "sonae-test-util.h"
#include "sonae-timeline.h"

#define NOW "2026-11-21T10:00:00"
#define AUTHOR "佐藤 由美"

static gint64
new_incident (SonaeStore *store,
              const char *title,
              const char *detected_at,
              gboolean    drill)
{
  return sonae_test_add_incident (store, title, detected_at, 2, drill, AUTHOR);
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

static guint
timeline_len (SonaeStore *store,
              gint64      id)
{
  g_autoptr(GPtrArray) list = timeline (store, id);
  return list->len;
}

static SonaeTimelineEntry *
last_entry (GPtrArray *list)
{
  g_assert_cmpuint (list->len, >, 0);
  return g_ptr_array_index (list, list->len - 1);
}

static SonaeIncident *
get (SonaeStore *store,
     gint64      id)
{
  g_autoptr(GError) error = NULL;
  SonaeIncident *incident = sonae_incidents_get (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (incident);
  return incident;
}

static void
count_cb (SonaeStore *store,
          const char *detail,
          gpointer    data)
{
  guint *count = data;

  g_assert_cmpstr (detail, ==, "incidents");
  (*count)++;
}

static void
assert_chain_ok (SonaeStore *store,
                 gint64      id)
{
  g_autoptr(GError) error = NULL;
  guint bad = 99;

  g_assert_true (sonae_incidents_verify_timeline (store, id, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bad, ==, 0);
}

/* --- creating --------------------------------------------------------- */

static void
test_create_with_proposal (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(SonaeIncident) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SonaeTimelineEntry *opened, *changed;
  int other_level;
  guint signals = 0;

  g_signal_connect (store, "changed::incidents", G_CALLBACK (count_cb), &signals);

  incident->title = g_strdup ("  受付PCに脅迫文  ");
  incident->answers.seen = SONAE_SEEN_RANSOM;
  incident->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  incident->answers.impact = SONAE_IMPACT_BUSINESS;
  proposal = sonae_triage_propose (&incident->answers, SONAE_ORG_CLINIC);
  g_assert_nonnull (proposal);
  /* The person keeps the type and event but chooses another level. */
  incident->type = proposal->type;
  incident->event = proposal->event;
  other_level = proposal->level == 3 ? 2 : 3;
  incident->level = other_level;

  g_assert_true (sonae_incidents_create (store, incident, proposal, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals, ==, 1);
  g_assert_cmpstr (incident->number, ==, "2026-001");
  g_assert_cmpstr (incident->title, ==, "受付PCに脅迫文");
  g_assert_cmpstr (incident->detected_at, ==, NOW);  /* defaults to now */
  g_assert_cmpstr (incident->created_at, ==, NOW);
  g_assert_cmpstr (incident->created_by, ==, AUTHOR);

  read = get (store, incident->id);
  g_assert_cmpstr (read->number, ==, "2026-001");
  g_assert_cmpstr (read->title, ==, "受付PCに脅迫文");
  g_assert_cmpint (read->status, ==, SONAE_STATUS_ACTIVE);
  g_assert_cmpint (read->type, ==, proposal->type);
  g_assert_cmpint (read->level, ==, other_level);
  g_assert_cmpint (read->event, ==, proposal->event);
  g_assert_cmpint (read->answers.seen, ==, SONAE_SEEN_RANSOM);
  g_assert_cmpint (read->answers.personal_data, ==, SONAE_ANSWER_UNKNOWN);
  g_assert_cmpint (read->answers.impact, ==, SONAE_IMPACT_BUSINESS);
  g_assert_false (read->drill);
  g_assert_null (read->closed_at);
  g_assert_cmpuint (g_hash_table_size (read->steps), ==, 0);

  /* OPENED with the answers and the proposal's reasons, then the level the
   * person changed; nothing for what was kept. */
  list = timeline (store, incident->id);
  g_assert_cmpuint (list->len, ==, 2);
  opened = g_ptr_array_index (list, 0);
  g_assert_cmpint (opened->kind, ==, SONAE_ENTRY_OPENED);
  g_assert_cmpuint (opened->seq, ==, 1);
  g_assert_cmpstr (opened->author, ==, AUTHOR);
  g_assert_cmpstr (opened->at, ==, NOW);
  g_assert_cmpstr (opened->recorded_at, ==, NOW);
  g_assert_false (opened->back_entered);
  g_assert_nonnull (opened->text);
  g_assert_nonnull (strstr (opened->text, proposal->level_reason));
  g_assert_nonnull (strstr (opened->text, proposal->type_reason));
  g_assert_nonnull (strstr (opened->text, sonae_triage_seen_get_label (SONAE_SEEN_RANSOM, SONAE_ORG_CLINIC)));
  changed = g_ptr_array_index (list, 1);
  g_assert_cmpint (changed->kind, ==, SONAE_ENTRY_LEVEL);
  g_assert_cmpint (atoi (changed->old_value), ==, proposal->level);
  g_assert_cmpint (atoi (changed->new_value), ==, other_level);
  assert_chain_ok (store, incident->id);

  /* Every part changed: three entries after OPENED. */
  {
    g_autoptr(SonaeIncident) second = sonae_incident_new ();
    g_autoptr(GPtrArray) entries = NULL;

    second->title = g_strdup ("別の件");
    second->type = proposal->type == SONAE_INCIDENT_LEAK ? SONAE_INCIDENT_TAMPER : SONAE_INCIDENT_LEAK;
    second->level = other_level;
    second->event = proposal->event == SONAE_EVENT_SIGN ? SONAE_EVENT_OTHER : SONAE_EVENT_SIGN;
    g_assert_true (sonae_incidents_create (store, second, proposal, AUTHOR, &error));
    g_assert_no_error (error);
    entries = timeline (store, second->id);
    g_assert_cmpuint (entries->len, ==, 4);
    g_assert_cmpint (((SonaeTimelineEntry *) g_ptr_array_index (entries, 1))->kind, ==, SONAE_ENTRY_TYPE);
    g_assert_cmpint (((SonaeTimelineEntry *) g_ptr_array_index (entries, 2))->kind, ==, SONAE_ENTRY_LEVEL);
    g_assert_cmpint (((SonaeTimelineEntry *) g_ptr_array_index (entries, 3))->kind, ==, SONAE_ENTRY_EVENT);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_create_without_proposal (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SonaeTimelineEntry *opened;

  incident->title = g_strdup ("電子カルテが止まった");
  incident->detected_at = g_strdup ("2026/11/21 9:05");
  incident->found_by = g_strdup ("加藤");
  incident->location = g_strdup ("受付");
  incident->type = SONAE_INCIDENT_TAMPER;
  incident->level = 2;
  incident->event = SONAE_EVENT_UNAVAILABLE;
  incident->drill = TRUE;
  g_assert_true (sonae_incidents_create (store, incident, NULL, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (incident->detected_at, ==, "2026-11-21T09:05:00");

  list = timeline (store, incident->id);
  g_assert_cmpuint (list->len, ==, 1);
  opened = g_ptr_array_index (list, 0);
  g_assert_cmpint (opened->kind, ==, SONAE_ENTRY_OPENED);
  g_assert_null (opened->old_value);
  {
    g_autofree char *line = sonae_timeline_entry_describe (opened, NULL);
    g_assert_nonnull (line);
    g_assert_cmpstr (line, !=, "");
  }
  {
    g_autoptr(SonaeIncident) read = get (store, incident->id);
    g_assert_true (read->drill);
    g_assert_cmpstr (read->found_by, ==, "加藤");
    g_assert_cmpstr (sonae_incident_get_detail (read, SONAE_INCIDENT_DETAIL_LOCATION), ==, "受付");
    g_assert_null (sonae_incident_get_detail (read, SONAE_INCIDENT_DETAIL_SYSTEM));
    g_assert_null (sonae_incident_get_detail (read, "no-such-detail"));
  }

  /* A paper start time: the OPENED entry is back-entered. */
  {
    g_autoptr(SonaeIncident) paper = sonae_incident_new ();
    g_autoptr(GPtrArray) entries = NULL;

    paper->title = g_strdup ("停電中に記録");
    paper->detected_at = g_strdup ("2026-11-20 08:00");
    paper->created_at = g_strdup ("2026-11-20 08:10");
    g_assert_true (sonae_incidents_create (store, paper, NULL, AUTHOR, &error));
    g_assert_no_error (error);
    entries = timeline (store, paper->id);
    opened = g_ptr_array_index (entries, 0);
    g_assert_cmpstr (opened->at, ==, "2026-11-20T08:10:00");
    g_assert_cmpstr (opened->recorded_at, ==, NOW);
    g_assert_true (opened->back_entered);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_numbering (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  struct {
    const char *detected;
    const char *number;
  } cases[] = {
    { "2025-12-31 23:50", "2025-001" },
    { "2026-01-01 00:10", "2026-001" },
    { "2026-03-01 12:00", "2026-002" },
    { "2025-06-01 08:00", "2025-002" },
    { NULL, "2026-003" },
    { "2024-02-29 10:00", "2024-001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = g_strdup_printf ("件 %u", i);
      gint64 id = new_incident (store, title, cases[i].detected, FALSE);
      g_autoptr(SonaeIncident) incident = get (store, id);
      g_autoptr(SonaeIncident) found = NULL;
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autoptr(SonaeIncident) by_id = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (incident->number, ==, cases[i].number);
      found = sonae_incidents_find (store, cases[i].number, &error);
      g_assert_no_error (error);
      g_assert_cmpint (found->id, ==, id);
      by_id = sonae_incidents_find (store, id_text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (by_id->number, ==, cases[i].number);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeIncident) none = sonae_incidents_find (store, "2026-999", &error);
    g_assert_null (none);
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeIncident) none = sonae_incidents_find (store, "'; DROP TABLE incidents; --", &error);
    g_assert_null (none);
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  }

  /* Detected in the future: refused, and no number is used up. */
  {
    g_autoptr(SonaeIncident) incident = sonae_incident_new ();
    g_autoptr(GError) error = NULL;

    incident->title = g_strdup ("未来");
    incident->detected_at = g_strdup ("2026-12-01 10:00");
    g_assert_false (sonae_incidents_create (store, incident, NULL, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_assert_cmpint (incident->id, ==, 0);
    g_assert_cmpint (new_incident (store, "次", NULL, FALSE), >, 0);
  }
  {
    g_autoptr(GPtrArray) all = sonae_incidents_list (store, NULL, NULL);
    g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (cases) + 1);
    g_assert_cmpstr (((SonaeIncident *) g_ptr_array_index (all, 0))->number, ==, "2026-004");
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* --- changing ------------------------------------------------------------ */

static void
test_setters_log_once (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  gint64 id = new_incident (store, "変更の記録", NULL, FALSE);
  g_autoptr(GError) error = NULL;
  guint signals = 0;
  guint n = timeline_len (store, id);

  g_signal_connect (store, "changed::incidents", G_CALLBACK (count_cb), &signals);

#define EXPECT_ONE(call, kind_)                                            \
  G_STMT_START {                                                           \
    g_autoptr(GPtrArray) l_ = NULL;                                        \
    g_assert_true (call);                                                  \
    g_assert_no_error (error);                                             \
    l_ = timeline (store, id);                                             \
    g_assert_cmpuint (l_->len, ==, n + 1);                                 \
    g_assert_cmpint (last_entry (l_)->kind, ==, kind_);                    \
    n++;                                                                   \
    g_assert_cmpuint (signals, ==, n - 1);                                 \
    g_assert_true (call); /* the same again: nothing more */               \
    g_assert_no_error (error);                                             \
    g_assert_cmpuint (timeline_len (store, id), ==, n);                    \
    g_assert_cmpuint (signals, ==, n - 1);                                 \
  } G_STMT_END

  EXPECT_ONE (sonae_incidents_set_status (store, id, SONAE_STATUS_CONTAINED, AUTHOR, NULL, &error),
              SONAE_ENTRY_STATUS);
  EXPECT_ONE (sonae_incidents_set_level (store, id, 3, AUTHOR, "患者情報が含まれる", &error),
              SONAE_ENTRY_LEVEL);
  EXPECT_ONE (sonae_incidents_set_type (store, id, SONAE_INCIDENT_LEAK, AUTHOR, NULL, &error),
              SONAE_ENTRY_TYPE);
  EXPECT_ONE (sonae_incidents_set_event (store, id, SONAE_EVENT_LEAK, AUTHOR, NULL, &error),
              SONAE_ENTRY_EVENT);
  EXPECT_ONE (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_SYSTEM, "電子カルテ", AUTHOR, &error),
              SONAE_ENTRY_DETAIL);
  EXPECT_ONE (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_TITLE, "新しい題", AUTHOR, &error),
              SONAE_ENTRY_DETAIL);
  EXPECT_ONE (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_DETECTED_AT, "2026-11-21 08:15", AUTHOR, &error),
              SONAE_ENTRY_DETAIL);
  EXPECT_ONE (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error),
              SONAE_ENTRY_STATUS);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);
    SonaeTimelineEntry *level = g_ptr_array_index (list, 2);

    g_assert_cmpint (incident->status, ==, SONAE_STATUS_CLOSED);
    g_assert_cmpstr (incident->closed_at, ==, NOW);
    g_assert_cmpint (incident->level, ==, 3);
    g_assert_cmpint (incident->type, ==, SONAE_INCIDENT_LEAK);
    g_assert_cmpint (incident->event, ==, SONAE_EVENT_LEAK);
    g_assert_cmpstr (incident->system, ==, "電子カルテ");
    g_assert_cmpstr (incident->title, ==, "新しい題");
    g_assert_cmpstr (incident->detected_at, ==, "2026-11-21T08:15:00");
    /* The number stays what it was. */
    g_assert_cmpstr (incident->number, ==, "2026-001");

    g_assert_cmpint (level->kind, ==, SONAE_ENTRY_LEVEL);
    g_assert_cmpstr (level->old_value, ==, "2");
    g_assert_cmpstr (level->new_value, ==, "3");
    g_assert_cmpstr (level->text, ==, "患者情報が含まれる");
  }
  /* Reopening clears closed_at. */
  EXPECT_ONE (sonae_incidents_set_status (store, id, SONAE_STATUS_RECOVERING, AUTHOR, NULL, &error),
              SONAE_ENTRY_STATUS);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_assert_null (incident->closed_at);
  }
  /* Clearing a detail is a change; clearing it again is not. */
  EXPECT_ONE (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_SYSTEM, "", AUTHOR, &error),
              SONAE_ENTRY_DETAIL);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);

    g_assert_null (incident->system);
    g_assert_cmpstr (last_entry (list)->old_value, ==, "電子カルテ");
    g_assert_null (last_entry (list)->new_value);
  }
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_SYSTEM, NULL, AUTHOR, &error));
  g_assert_cmpuint (timeline_len (store, id), ==, n);
  /* Only whitespace around the same value: no change. */
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_TITLE, "  新しい題 ", AUTHOR, &error));
  g_assert_cmpuint (timeline_len (store, id), ==, n);
#undef EXPECT_ONE

  assert_chain_ok (store, id);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_filters_and_search (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  gint64 a = new_incident (store, "受付PCのランサムウェア", "2026-11-01 10:00", FALSE);
  gint64 b = new_incident (store, "訓練: メール誤送信", "2026-10-01 10:00", TRUE);
  gint64 c = new_incident (store, "サーバー停止", "2025-05-01 10:00", FALSE);
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_incidents_set_status (store, c, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  /* Every incident is counted, drills and closed ones too. */
  g_assert_cmpuint (sonae_incidents_count (store), ==, 3);
  g_assert_true (sonae_incidents_set_detail (store, b, SONAE_INCIDENT_DETAIL_LOCATION, "医事課 ２番端末", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_type (store, b, SONAE_INCIDENT_LEAK, AUTHOR, NULL, &error));
  g_assert_no_error (error);

#define EXPECT(...)                                                        \
  G_STMT_START {                                                           \
    g_autoptr(GPtrArray) l_ = sonae_incidents_list (store, &filter, &error); \
    gint64 want_[] = { __VA_ARGS__ };                                      \
    g_assert_no_error (error);                                             \
    g_assert_cmpuint (l_->len, ==, G_N_ELEMENTS (want_) - 1);              \
    for (guint i_ = 0; i_ < l_->len; i_++)                                 \
      g_assert_cmpint (((SonaeIncident *) g_ptr_array_index (l_, i_))->id, ==, want_[i_]); \
  } G_STMT_END

  /* Newest first. */
  EXPECT (a, b, c, 0);
  filter.status = SONAE_STATUS_CLOSED;
  EXPECT (c, 0);
  filter.status = -1;
  filter.open_only = TRUE;
  EXPECT (a, b, 0);
  filter.open_only = FALSE;
  filter.drill = 1;
  EXPECT (b, 0);
  filter.drill = 0;
  EXPECT (a, c, 0);
  filter.drill = -1;
  filter.year = 2025;
  EXPECT (c, 0);
  filter.year = 0;

  /* Search: katakana/hiragana, width and case folded; every word must match. */
  filter.search = "らんさむうぇあ";
  EXPECT (a, 0);
  filter.search = "ＰＣ";
  EXPECT (a, 0);
  filter.search = "2番";
  EXPECT (b, 0);
  filter.search = "2025-001";
  EXPECT (c, 0);
  filter.search = "訓練 誤送信";
  EXPECT (b, 0);
  filter.search = "訓練 停止";
  EXPECT (0);
  filter.search = "drill";  /* every drill, whatever its title */
  EXPECT (b, 0);
  filter.search = sonae_incident_kind_get_title (SONAE_INCIDENT_LEAK);
  EXPECT (b, 0);
  filter.search = sonae_incident_status_get_title (SONAE_STATUS_CLOSED);
  EXPECT (c, 0);
  filter.search = "'; DROP TABLE incidents; --";
  EXPECT (0);
  filter.search = "  ";
  EXPECT (a, b, c, 0);
  filter.search = "受付";
  filter.open_only = TRUE;
  EXPECT (a, 0);
#undef EXPECT

  /* Listed incidents carry no run. */
  {
    g_autoptr(GPtrArray) all = sonae_incidents_list (store, NULL, &error);
    SonaeIncident *first = g_ptr_array_index (all, 0);
    g_assert_nonnull (first->steps);
    g_assert_cmpuint (g_hash_table_size (first->steps), ==, 0);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* --- the checklist run ---------------------------------------------------- */

static void
test_steps_and_fields (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "チェックリスト", NULL, FALSE);
  const SonaeChecklistStep *s11, *s14;
  const SonaeChecklistField *event_case, *network, *description, *when, *evidence;
  guint n = timeline_len (store, id);

  checklist = sonae_checklist_load (&error);
  g_assert_no_error (error);
  s11 = sonae_checklist_get_step (checklist, "1-1");
  s14 = sonae_checklist_get_step (checklist, "1-4");
  event_case = sonae_checklist_get_field (checklist, "1-1", "event-case");
  network = sonae_checklist_get_field (checklist, "1-1", "network");
  description = sonae_checklist_get_field (checklist, "1-1", "event-description");
  when = sonae_checklist_get_field (checklist, "1-4", "when");
  evidence = sonae_checklist_get_field (checklist, "1-4", "evidence");
  g_assert_nonnull (s11);
  g_assert_nonnull (s14);
  g_assert_nonnull (event_case);
  g_assert_nonnull (network);
  g_assert_cmpstr (network->bind, ==, SONAE_INCIDENT_DETAIL_NETWORK);
  g_assert_nonnull (description);
  g_assert_nonnull (when);
  g_assert_nonnull (evidence);

  /* Working notes before the step is done: stored, not in the timeline. */
  g_assert_true (sonae_incidents_set_step_field (store, id, s11, event_case, "ransomware", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_step_field (store, id, s11, description, "画面に英語の文章", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_assert_cmpstr (sonae_incident_get_field_value (incident, s11, event_case), ==, "ransomware");
    g_assert_cmpstr (g_hash_table_lookup (incident->fields, "1-1/event-description"), ==, "画面に英語の文章");
  }

  /* A bound field changes the incident's detail, and that is logged. */
  g_assert_true (sonae_incidents_set_step_field (store, id, s11, network, "medical", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);
    g_assert_cmpstr (incident->network, ==, "medical");
    g_assert_cmpstr (sonae_incident_get_field_value (incident, s11, network), ==, "medical");
    g_assert_null (g_hash_table_lookup (incident->fields, "1-1/network"));
    g_assert_cmpint (last_entry (list)->kind, ==, SONAE_ENTRY_DETAIL);
    g_assert_cmpstr (last_entry (list)->field, ==, SONAE_INCIDENT_DETAIL_NETWORK);
  }
  g_assert_true (sonae_incidents_set_step_field (store, id, s14, when, "2026-11-21 09:40", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_assert_cmpstr (incident->detected_at, ==, "2026-11-21T09:40:00");
  }

  /* Values the field does not offer are refused. */
  g_assert_false (sonae_incidents_set_step_field (store, id, s11, event_case, "no-such-case", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_set_step_field (store, id, s14, evidence, "photo,bogus", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_set_step_field (store, id, s11, network, "診療系かも", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_set_step_field (store, id, s14, when, "2026-02-30 10:00", AUTHOR, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (timeline_len (store, id), ==, n);
  g_assert_true (sonae_incidents_set_step_field (store, id, s14, evidence, "power-on,photo", AUTHOR, &error));
  g_assert_no_error (error);

  /* Checking the step records it with a snapshot of its fields. */
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, "田中 健一", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);
    const SonaeStepState *state = sonae_incident_get_step_state (incident, "1-1");
    SonaeTimelineEntry *check = last_entry (list);
    g_autofree char *case_label = sonae_checklist_field_format (event_case, "ransomware");
    g_autofree char *network_label = sonae_checklist_field_format (network, "medical");
    g_autofree char *line = sonae_timeline_entry_describe (check, checklist);

    g_assert_nonnull (state);
    g_assert_true (state->done);
    g_assert_cmpstr (state->done_at, ==, NOW);
    g_assert_cmpstr (state->done_by, ==, "田中 健一");
    g_assert_false (state->back_entered);
    g_assert_null (sonae_incident_get_step_state (incident, "1-4"));

    g_assert_cmpint (check->kind, ==, SONAE_ENTRY_CHECK);
    g_assert_cmpstr (check->step_id, ==, "1-1");
    g_assert_nonnull (check->text);
    g_assert_nonnull (strstr (check->text, event_case->label));
    g_assert_nonnull (strstr (check->text, case_label));
    g_assert_nonnull (strstr (check->text, network_label));
    g_assert_nonnull (strstr (check->text, "画面に英語の文章"));
    g_assert_nonnull (strstr (line, "1-1"));
    g_assert_nonnull (strstr (line, s11->title));
  }
  /* Checking again changes nothing. */
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, AUTHOR, NULL, &error));
  g_assert_cmpuint (timeline_len (store, id), ==, n);

  /* Now a field change is recorded, with the old and the new value. */
  g_assert_true (sonae_incidents_set_step_field (store, id, s11, description, "画面に日本語の文章", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(GPtrArray) list = timeline (store, id);
    SonaeTimelineEntry *field = last_entry (list);
    g_autofree char *line = sonae_timeline_entry_describe (field, checklist);

    g_assert_cmpint (field->kind, ==, SONAE_ENTRY_FIELD);
    g_assert_cmpstr (field->step_id, ==, "1-1");
    g_assert_cmpstr (field->field, ==, "event-description");
    g_assert_cmpstr (field->old_value, ==, "画面に英語の文章");
    g_assert_cmpstr (field->new_value, ==, "画面に日本語の文章");
    g_assert_nonnull (strstr (line, description->label));
    g_assert_nonnull (strstr (line, "画面に日本語の文章"));
  }
  /* The same value again: nothing. Clearing: recorded. */
  g_assert_true (sonae_incidents_set_step_field (store, id, s11, description, "画面に日本語の文章", AUTHOR, &error));
  g_assert_cmpuint (timeline_len (store, id), ==, n);
  g_assert_true (sonae_incidents_set_step_field (store, id, s11, description, NULL, AUTHOR, &error));
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_assert_null (sonae_incident_get_field_value (incident, s11, description));
  }

  /* Unchecking. */
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", FALSE, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);
    const SonaeStepState *state = sonae_incident_get_step_state (incident, "1-1");

    g_assert_false (state->done);
    g_assert_cmpint (last_entry (list)->kind, ==, SONAE_ENTRY_UNCHECK);
  }
  /* Unchecking a step never done: nothing. */
  g_assert_true (sonae_incidents_check_step (store, id, "2-1", FALSE, AUTHOR, NULL, &error));
  g_assert_cmpuint (timeline_len (store, id), ==, n);

  /* Progress per phase. */
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "2-1", TRUE, AUTHOR, NULL, &error));
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    GPtrArray *phases = sonae_checklist_get_phases (checklist);
    const SonaeChecklistPhase *detect = g_ptr_array_index (phases, 0);
    const SonaeChecklistPhase *respond = g_ptr_array_index (phases, 1);
    const SonaeChecklistPhase *recover = g_ptr_array_index (phases, 2);
    guint done, total;

    sonae_incident_get_progress (incident, detect, &done, &total);
    g_assert_cmpuint (done, ==, 1);
    g_assert_cmpuint (total, ==, detect->steps->len);
    sonae_incident_get_progress (incident, respond, &done, &total);
    g_assert_cmpuint (done, ==, 1);
    sonae_incident_get_progress (incident, recover, &done, &total);
    g_assert_cmpuint (done, ==, 0);
    g_assert_cmpuint (total, >, 0);
  }

  /* The checklist the incident is worked through: the medical one in a clinic. */
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(SonaeManual) manual = sonae_manual_load (&error);
    g_autoptr(SonaeChecklist) run = NULL;

    g_assert_no_error (error);
    run = sonae_incident_get_checklist (incident, store, manual, &error);
    g_assert_no_error (error);
    g_assert_true (sonae_checklist_is_medical (run));
  }

  assert_chain_ok (store, id);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_back_entry (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "停電中の記録", "2026-11-21 07:50", FALSE);
  guint n = timeline_len (store, id);

  /* A step checked on paper at 08:30, typed in at 10:00. */
  g_assert_true (sonae_incidents_check_step (store, id, "1-4", TRUE, "鈴木 恵子", "2026-11-21 08:30", &error));
  g_assert_no_error (error);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);
    const SonaeStepState *state = sonae_incident_get_step_state (incident, "1-4");
    SonaeTimelineEntry *e = last_entry (list);

    g_assert_cmpstr (state->done_at, ==, "2026-11-21T08:30:00");
    g_assert_true (state->back_entered);
    g_assert_cmpstr (e->at, ==, "2026-11-21T08:30:00");
    g_assert_cmpstr (e->recorded_at, ==, NOW);
    g_assert_true (e->back_entered);
  }

  /* Notes, calls and status with a paper time, in the formats people write. */
  g_assert_true (sonae_incidents_add_note (store, id, "院長へ報告", AUTHOR, "2026/11/21 8:05", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_add_note (store, id, "全角の時刻", AUTHOR, "２０２６－１１－２１　０８：４０", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CONTAINED, AUTHOR, "2026-11-21T09:00", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = timeline (store, id);
    SonaeTimelineEntry *note = g_ptr_array_index (list, n + 1);
    SonaeTimelineEntry *wide = g_ptr_array_index (list, n + 2);
    SonaeTimelineEntry *status = last_entry (list);

    g_assert_cmpstr (note->at, ==, "2026-11-21T08:05:00");
    g_assert_true (note->back_entered);
    g_assert_cmpstr (wide->at, ==, "2026-11-21T08:40:00");
    g_assert_cmpstr (status->at, ==, "2026-11-21T09:00:00");
    g_assert_true (status->back_entered);
    /* Entered in this order, whatever the times on paper. */
    for (guint i = 0; i < list->len; i++)
      g_assert_cmpuint (((SonaeTimelineEntry *) g_ptr_array_index (list, i))->seq, ==, i + 1);
  }
  /* Now, without a time: not back-entered. */
  g_assert_true (sonae_incidents_add_note (store, id, "今", AUTHOR, NULL, &error));
  {
    g_autoptr(GPtrArray) list = timeline (store, id);
    g_assert_false (last_entry (list)->back_entered);
    g_assert_cmpstr (last_entry (list)->at, ==, NOW);
  }
  n = timeline_len (store, id);

  /* The future and impossible times are refused, and change nothing. */
  g_assert_false (sonae_incidents_add_note (store, id, "未来", AUTHOR, "2026-11-21 10:30", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_check_step (store, id, "2-1", TRUE, AUTHOR, "2027-01-01 00:00", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, "2026-02-30 10:00", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_add_note (store, id, "朝", AUTHOR, "けさ", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (timeline_len (store, id), ==, n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_assert_null (sonae_incident_get_step_state (incident, "2-1"));
    g_assert_cmpint (incident->status, ==, SONAE_STATUS_CONTAINED);
  }

  assert_chain_ok (store, id);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A step that does not concern the incident is marked as not applicable:
 * kept with who and when, in the timeline, left out of the progress; it
 * cannot be both done and not applicable. */
static void
test_not_applicable (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "FAX の誤送信", "2026-11-21 07:50", FALSE);
  const SonaeChecklistPhase *respond = sonae_checklist_get_phase_of (checklist, "2-3");
  guint n = timeline_len (store, id);
  guint done = 99, total = 0, all;

  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    sonae_incident_get_progress (incident, respond, &done, &total);
    g_assert_cmpuint (done, ==, 0);
    g_assert_cmpuint (sonae_incident_count_not_applicable (incident, respond), ==, 0);
    all = total;
  }

  /* Marked on paper at 08:10, typed in at 10:00. */
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", TRUE, "鈴木 恵子", "2026-11-21 08:10", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);
    const SonaeStepState *state = sonae_incident_get_step_state (incident, "2-3");
    SonaeTimelineEntry *e = last_entry (list);
    g_autofree char *line = sonae_timeline_entry_describe (e, checklist);

    g_assert_nonnull (state);
    g_assert_true (state->not_applicable);
    g_assert_false (state->done);
    g_assert_cmpstr (state->done_by, ==, "鈴木 恵子");
    g_assert_cmpstr (state->done_at, ==, "2026-11-21T08:10:00");
    g_assert_true (state->back_entered);
    g_assert_cmpint (e->kind, ==, SONAE_ENTRY_NOT_APPLICABLE);
    g_assert_cmpstr (e->step_id, ==, "2-3");
    g_assert_true (e->back_entered);
    g_assert_nonnull (strstr (line, "not applicable"));
    sonae_incident_get_progress (incident, respond, &done, &total);
    g_assert_cmpuint (done, ==, 0);
    g_assert_cmpuint (total, ==, all - 1);
    g_assert_cmpuint (sonae_incident_count_not_applicable (incident, respond), ==, 1);
  }
  /* Again: nothing to record. Unticking it leaves it as it is. */
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", TRUE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "2-3", FALSE, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, n);

  /* Open again. */
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", FALSE, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, ++n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_autoptr(GPtrArray) list = timeline (store, id);
    const SonaeStepState *state = sonae_incident_get_step_state (incident, "2-3");

    g_assert_false (state->not_applicable);
    g_assert_false (state->done);
    g_assert_null (state->done_by);
    g_assert_cmpint (last_entry (list)->kind, ==, SONAE_ENTRY_APPLICABLE);
    sonae_incident_get_progress (incident, respond, &done, &total);
    g_assert_cmpuint (total, ==, all);
  }

  /* Ticking a step marked not applicable makes it done, and only done. */
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-4", TRUE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "2-4", TRUE, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    const SonaeStepState *state = sonae_incident_get_step_state (incident, "2-4");

    g_assert_true (state->done);
    g_assert_false (state->not_applicable);
    sonae_incident_get_progress (incident, respond, &done, &total);
    g_assert_cmpuint (done, ==, 1);
    g_assert_cmpuint (total, ==, all);
  }
  n = timeline_len (store, id);

  /* A step done is not marked; nothing changes. */
  g_assert_false (sonae_incidents_set_step_not_applicable (store, id, "2-4", TRUE, AUTHOR, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_set_step_not_applicable (store, id, "2-6", TRUE, "", NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_set_step_not_applicable (store, id, "2-6", TRUE, AUTHOR, "2027-01-01 00:00", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_set_step_not_applicable (store, id + 100, "2-6", TRUE, AUTHOR, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (timeline_len (store, id), ==, n);
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    g_assert_true (sonae_incident_get_step_state (incident, "2-4")->done);
    g_assert_null (sonae_incident_get_step_state (incident, "2-6"));
  }

  /* Every step done or not applicable: the checklist is complete, as the
   * check before closing counts it. */
  {
    g_autoptr(SonaeIncident) incident = NULL;
    SonaeClosingCheck check;
    GPtrArray *phases = sonae_checklist_get_phases (checklist);

    for (guint p = 0; p < phases->len; p++)
      {
        const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);

        for (guint i = 0; i < phase->steps->len; i++)
          {
            const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, i);

            if (g_str_equal (step->id, "2-4"))
              continue;
            if (p == 0)
              g_assert_true (sonae_incidents_check_step (store, id, step->id, TRUE, AUTHOR, NULL, &error));
            else
              g_assert_true (sonae_incidents_set_step_not_applicable (store, id, step->id, TRUE, AUTHOR, NULL, &error));
            g_assert_no_error (error);
          }
      }
    incident = get (store, id);
    g_assert_true (sonae_closing_check (store, incident, checklist, &check, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (check.steps_done, ==, 3);
    g_assert_cmpuint (check.steps_total, ==, 3);
  }

  assert_chain_ok (store, id);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_calls (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "連絡", NULL, FALSE);
  gint64 tanaka = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "田中 健一", "たなか けんいち", "090-0000-1105");
  gint64 sato = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "佐藤 由美", "さとう ゆみ", "090-0000-1103");
  guint n = timeline_len (store, id);

  g_assert_true (sonae_incidents_log_call (store, id, tanaka, "first", SONAE_CALL_NO_ANSWER, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_log_call (store, id, tanaka, "first", SONAE_CALL_LEFT_MESSAGE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_log_call (store, id, sato, NULL, SONAE_CALL_REACHED, AUTHOR, "2026-11-21 09:58", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = timeline (store, id);
    SonaeTimelineEntry *first = g_ptr_array_index (list, n);
    SonaeTimelineEntry *second = g_ptr_array_index (list, n + 1);
    SonaeTimelineEntry *third = g_ptr_array_index (list, n + 2);
    g_autofree char *line = sonae_timeline_entry_describe (first, NULL);
    g_autofree char *line3 = sonae_timeline_entry_describe (third, NULL);

    g_assert_cmpuint (list->len, ==, n + 3);
    g_assert_cmpint (first->kind, ==, SONAE_ENTRY_CALL);
    g_assert_cmpint (first->contact_id, ==, tanaka);
    g_assert_cmpstr (first->role_key, ==, "first");
    g_assert_cmpint (first->outcome, ==, SONAE_CALL_NO_ANSWER);
    g_assert_nonnull (strstr (first->text, "田中 健一"));
    g_assert_nonnull (strstr (first->text, "090-0000-1105"));
    g_assert_nonnull (strstr (line, "田中 健一"));
    g_assert_nonnull (strstr (line, sonae_call_outcome_get_title (SONAE_CALL_NO_ANSWER)));
    g_assert_cmpint (second->outcome, ==, SONAE_CALL_LEFT_MESSAGE);
    g_assert_null (third->role_key);
    g_assert_cmpint (third->outcome, ==, SONAE_CALL_REACHED);
    g_assert_true (third->back_entered);
    g_assert_nonnull (strstr (line3, "佐藤 由美"));
  }

  /* The contact changes or goes away: the entry keeps what was called. */
  {
    g_autoptr(SonaeContact) c = sonae_contacts_get (store, tanaka, &error);
    g_free (c->name);
    c->name = g_strdup ("田中 健一郎");
    g_assert_true (sonae_contacts_save (store, c, &error));
    g_assert_true (sonae_contacts_delete (store, tanaka, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);  /* purges the deleted contact */
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = timeline (store, id);
    SonaeTimelineEntry *first = g_ptr_array_index (list, n);
    g_assert_cmpstr (first->text, ==, "田中 健一 (090-0000-1105)");
  }
  assert_chain_ok (store, id);

  /* Unknown contact, unknown outcome: refused, nothing written. */
  n = timeline_len (store, id);
  g_assert_false (sonae_incidents_log_call (store, id, tanaka, NULL, SONAE_CALL_REACHED, AUTHOR, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sonae_incidents_log_call (store, id, sato, NULL, (SonaeCallOutcome) 17, AUTHOR, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (timeline_len (store, id), ==, n);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_corrections (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "訂正", NULL, FALSE);
  gint64 other = new_incident (store, "別件", NULL, FALSE);
  gint64 wrong_id, other_entry;
  guint wrong_seq;
  g_autofree char *wrong_text = NULL;
  g_autofree char *wrong_hash = NULL;

  g_assert_true (sonae_incidents_add_note (store, id, "3台を確認した", AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_add_note (store, id, "ほかの記録", AUTHOR, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = timeline (store, id);
    SonaeTimelineEntry *wrong = g_ptr_array_index (list, list->len - 2);
    wrong_id = wrong->id;
    wrong_seq = wrong->seq;
    wrong_text = g_strdup (wrong->text);
    wrong_hash = g_strdup (wrong->hash);
    g_assert_false (wrong->corrected);
  }
  {
    g_autoptr(GPtrArray) list = timeline (store, other);
    other_entry = last_entry (list)->id;
  }

  g_assert_true (sonae_incidents_correct_entry (store, id, wrong_id, "確認したのは2台", "鈴木 恵子", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = timeline (store, id);
    SonaeTimelineEntry *wrong = g_ptr_array_index (list, wrong_seq - 1);
    SonaeTimelineEntry *fix = last_entry (list);
    g_autofree char *line = sonae_timeline_entry_describe (fix, NULL);
    g_autofree char *expected = g_strdup_printf ("%u", wrong_seq);

    /* The old entry stays as it was, marked corrected. */
    g_assert_cmpint (wrong->id, ==, wrong_id);
    g_assert_cmpstr (wrong->text, ==, wrong_text);
    g_assert_cmpstr (wrong->hash, ==, wrong_hash);
    g_assert_true (wrong->corrected);
    g_assert_false (((SonaeTimelineEntry *) g_ptr_array_index (list, wrong_seq))->corrected);

    g_assert_cmpint (fix->kind, ==, SONAE_ENTRY_CORRECTION);
    g_assert_cmpint (fix->corrects, ==, wrong_id);
    g_assert_cmpstr (fix->text, ==, "確認したのは2台");
    g_assert_cmpstr (fix->author, ==, "鈴木 恵子");
    g_assert_false (fix->corrected);
    g_assert_nonnull (strstr (line, expected));
    g_assert_nonnull (strstr (line, "確認したのは2台"));
  }

  /* An entry of another incident, or none at all, cannot be corrected here. */
  {
    guint n = timeline_len (store, id);

    g_assert_false (sonae_incidents_correct_entry (store, id, other_entry, "違う", AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (sonae_incidents_correct_entry (store, id, 999999, "違う", AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (sonae_incidents_correct_entry (store, id, wrong_id, "   ", AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (timeline_len (store, id), ==, n);
  }

  assert_chain_ok (store, id);
  assert_chain_ok (store, other);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* --- bad input ----------------------------------------------------------- */

/* Everything about an incident that a change could touch. */
static char *
snapshot (SonaeStore *store,
          gint64      id)
{
  g_autoptr(SonaeIncident) i = get (store, id);
  g_autoptr(GPtrArray) list = timeline (store, id);
  g_autoptr(GPtrArray) all = sonae_incidents_list (store, NULL, NULL);

  return g_strdup_printf ("%s|%s|%d|%d|%d|%d|%s|%s|%s|%s|%s|%s|%u|%u|%u|%u",
                          i->number, i->title, i->status, i->level, i->type, i->event,
                          i->detected_at, i->found_by, i->location, i->system, i->network,
                          i->closed_at, g_hash_table_size (i->steps), g_hash_table_size (i->fields),
                          list->len, all->len);
}

static void
test_bad_input_changes_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "悪い入力", NULL, FALSE);
  gint64 contact = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "田中 健一", "たなか", "090");
  const SonaeChecklistStep *s11 = sonae_checklist_get_step (checklist, "1-1");
  const SonaeChecklistField *description = sonae_checklist_get_field (checklist, "1-1", "event-description");
  g_autofree char *huge = g_malloc (SONAE_INCIDENT_MAX_TEXT + 2);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const gint64 missing = 424242;
  guint signals = 0;

  memset (huge, 'a', SONAE_INCIDENT_MAX_TEXT + 1);
  huge[SONAE_INCIDENT_MAX_TEXT + 1] = '\0';
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  before = snapshot (store, id);
  g_signal_connect (store, "changed::incidents", G_CALLBACK (count_cb), &signals);

#define REFUSED(call, code)                                                \
  G_STMT_START {                                                           \
    g_assert_false (call);                                                 \
    g_assert_error (error, SONAE_ERROR, code);                             \
    g_assert_cmpstr (error->message, !=, "");                              \
    g_clear_error (&error);                                                \
  } G_STMT_END

  /* Unknown incident. */
  REFUSED (sonae_incidents_set_status (store, missing, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_set_level (store, missing, 1, AUTHOR, NULL, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_set_type (store, missing, SONAE_INCIDENT_LEAK, AUTHOR, NULL, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_set_event (store, missing, SONAE_EVENT_LEAK, AUTHOR, NULL, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_set_detail (store, missing, SONAE_INCIDENT_DETAIL_TITLE, "x", AUTHOR, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_check_step (store, missing, "1-1", TRUE, AUTHOR, NULL, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_set_step_field (store, missing, s11, description, "x", AUTHOR, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_log_call (store, missing, contact, NULL, SONAE_CALL_REACHED, AUTHOR, NULL, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_add_note (store, missing, "x", AUTHOR, NULL, &error), SONAE_ERROR_NOT_FOUND);
  REFUSED (sonae_incidents_correct_entry (store, missing, 1, "x", AUTHOR, &error), SONAE_ERROR_NOT_FOUND);
  g_assert_null (sonae_incidents_get (store, missing, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sonae_incidents_list_timeline (store, missing, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No author. */
  REFUSED (sonae_incidents_add_note (store, id, "x", "", NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_add_note (store, id, "x", NULL, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_add_note (store, id, "x", "  　 ", NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_level (store, id, 3, "", NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_check_step (store, id, "1-4", TRUE, "", NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_log_call (store, id, contact, NULL, SONAE_CALL_REACHED, "", NULL, &error), SONAE_ERROR_INVALID);

  /* Too long. */
  REFUSED (sonae_incidents_add_note (store, id, huge, AUTHOR, NULL, &error), SONAE_ERROR_TOO_LARGE);
  REFUSED (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_TITLE, huge, AUTHOR, &error), SONAE_ERROR_TOO_LARGE);
  REFUSED (sonae_incidents_set_step_field (store, id, s11, description, huge, AUTHOR, &error), SONAE_ERROR_TOO_LARGE);
  REFUSED (sonae_incidents_set_level (store, id, 3, AUTHOR, huge, &error), SONAE_ERROR_TOO_LARGE);
  REFUSED (sonae_incidents_correct_entry (store, id, 1, huge, AUTHOR, &error), SONAE_ERROR_TOO_LARGE);

  /* Impossible values. */
  REFUSED (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_DETECTED_AT, "2026-02-30 10:00", AUTHOR, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_DETECTED_AT, "2026-11-21 25:00", AUTHOR, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_TITLE, "   ", AUTHOR, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_detail (store, id, "number", "2026-999", AUTHOR, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_detail (store, id, "title = 'x' --", "x", AUTHOR, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_level (store, id, 4, AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_level (store, id, -1, AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_type (store, id, (SonaeIncidentType) 9, AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_event (store, id, SONAE_N_EVENT_TYPES, AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_set_status (store, id, SONAE_N_STATUSES, AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_check_step (store, id, "", TRUE, AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_add_note (store, id, "", AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_add_note (store, id, "x", AUTHOR, "2026-02-30 10:00", &error), SONAE_ERROR_INVALID);
  REFUSED (sonae_incidents_add_note (store, id, "\xff\xfe broken", AUTHOR, NULL, &error), SONAE_ERROR_INVALID);
#undef REFUSED

  g_assert_cmpuint (signals, ==, 0);
  after = snapshot (store, id);
  g_assert_cmpstr (before, ==, after);

  /* Text that looks like SQL is kept as it was typed. */
  {
    const char *evil = "'); DELETE FROM timeline; UPDATE incidents SET level = 0; --";
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(SonaeIncident) incident = NULL;

    g_assert_true (sonae_incidents_add_note (store, id, evil, "x'); DROP TABLE incidents; --", NULL, &error));
    g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_SYSTEM, evil, AUTHOR, &error));
    g_assert_no_error (error);
    list = timeline (store, id);
    g_assert_cmpstr (((SonaeTimelineEntry *) g_ptr_array_index (list, list->len - 2))->text, ==, evil);
    g_assert_cmpstr (((SonaeTimelineEntry *) g_ptr_array_index (list, list->len - 2))->author, ==, "x'); DROP TABLE incidents; --");
    incident = get (store, id);
    g_assert_cmpstr (incident->system, ==, evil);
    g_assert_cmpint (incident->level, ==, 2);
  }

  /* Creating with bad input makes nothing either. */
  {
    g_autoptr(SonaeIncident) bad = sonae_incident_new ();
    g_autoptr(GPtrArray) all = NULL;

    bad->title = g_strdup ("");
    g_assert_false (sonae_incidents_create (store, bad, NULL, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bad->title);
    bad->title = g_strdup ("題");
    g_assert_false (sonae_incidents_create (store, bad, NULL, "", &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->level = 7;
    g_assert_false (sonae_incidents_create (store, bad, NULL, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    bad->level = 1;
    bad->detected_at = g_strdup ("2026-02-30 10:00");
    g_assert_false (sonae_incidents_create (store, bad, NULL, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&bad->detected_at, g_free);
    bad->location = g_strdup (huge);
    g_assert_false (sonae_incidents_create (store, bad, NULL, AUTHOR, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE);
    g_clear_error (&error);
    g_assert_cmpint (bad->id, ==, 0);
    all = sonae_incidents_list (store, NULL, NULL);
    g_assert_cmpuint (all->len, ==, 1);
  }

  assert_chain_ok (store, id);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Inside a caller's transaction, a refused change leaves the transaction
 * usable, and the caller's rollback undoes the changes made in it. */
static void
test_nested_transaction (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "入れ子", NULL, FALSE);
  guint n = timeline_len (store, id);

  g_assert_true (sonae_store_begin (store, &error));
  g_assert_false (sonae_incidents_add_note (store, 99999, "x", AUTHOR, NULL, &error));
  g_clear_error (&error);
  g_assert_true (sonae_incidents_add_note (store, id, "一つ目", AUTHOR, NULL, &error));
  g_assert_true (sonae_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timeline_len (store, id), ==, n + 1);

  g_assert_true (sonae_store_begin (store, &error));
  g_assert_true (sonae_incidents_add_note (store, id, "取り消される", AUTHOR, NULL, &error));
  sonae_store_rollback (store);
  g_assert_cmpuint (timeline_len (store, id), ==, n + 1);
  assert_chain_ok (store, id);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* --- pure helpers ---------------------------------------------------------- */

static void
test_datetime (void)
{
  struct {
    const char *in;
    const char *out;
  } good[] = {
    { "2026-11-21 14:05", "2026-11-21T14:05:00" },
    { "2026-11-21T14:05", "2026-11-21T14:05:00" },
    { "2026-11-21T14:05:30", "2026-11-21T14:05:30" },
    { "2026/11/21 14:05", "2026-11-21T14:05:00" },
    { "2026/1/2 9:05", "2026-01-02T09:05:00" },
    { " 2024-02-29 00:00 ", "2024-02-29T00:00:00" },
    { "２０２６／１１／２１　１４：０５", "2026-11-21T14:05:00" },
  };
  const char *bad[] = {
    "", "2026-11-21", "14:05", "2026-02-30 10:00", "2025-02-29 10:00", "2026-13-01 10:00",
    "2026-11-21 24:00", "2026-11-21 10:60", "2026-11-21 10:05:61", "2026-11/21 10:00",
    "26-11-21 10:00", "2026-11-21 10:05 extra", "tomorrow", "2026-11-21 10:5x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *parsed = sonae_datetime_parse (good[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (parsed, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *parsed = sonae_datetime_parse (bad[i], &error);

      g_assert_null (parsed);
      g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
      g_test_message ("%s: %s", bad[i], error->message);
    }

  {
    g_autofree char *shown = sonae_datetime_format ("2026-11-21T14:05:00");
    g_autofree char *short_form = sonae_datetime_format ("2026-11-21T14:05");
    g_assert_cmpstr (shown, ==, "2026-11-21 14:05");
    g_assert_cmpstr (short_form, ==, "2026-11-21 14:05");
    g_assert_null (sonae_datetime_format (NULL));
  }
}

static void
test_enums (void)
{
  for (int s = 0; s < SONAE_N_STATUSES; s++)
    {
      SonaeIncidentStatus back;
      g_assert_true (sonae_incident_status_from_string (sonae_incident_status_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_cmpstr (sonae_incident_status_get_title (s), !=, "");
    }
  g_assert_cmpstr (sonae_incident_status_to_string (SONAE_STATUS_CLOSED), ==, "closed");
  g_assert_false (sonae_incident_status_from_string ("done", NULL));

  for (int k = 0; k < SONAE_N_ENTRY_KINDS; k++)
    {
      SonaeEntryKind back;
      g_assert_true (sonae_entry_kind_from_string (sonae_entry_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_cmpstr (sonae_entry_kind_to_string (SONAE_ENTRY_OPENED), ==, "opened");
  g_assert_false (sonae_entry_kind_from_string (NULL, NULL));

  for (int o = 0; o < SONAE_N_CALL_OUTCOMES; o++)
    {
      SonaeCallOutcome back;
      g_assert_true (sonae_call_outcome_from_string (sonae_call_outcome_to_string (o), &back));
      g_assert_cmpint (back, ==, o);
      g_assert_cmpstr (sonae_call_outcome_get_title (o), !=, "");
    }
  g_assert_cmpstr (sonae_call_outcome_to_string (SONAE_CALL_NO_ANSWER), ==, "no-answer");
  g_assert_cmpstr (sonae_call_outcome_to_string (SONAE_CALL_LEFT_MESSAGE), ==, "left-message");

  {
    g_autofree char *title = sonae_incident_level_get_title (3);
    g_assert_nonnull (strstr (title, "3"));
  }
}

/* Every kind reads as a line that names what changed. */
static void
test_describe (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (NULL);
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contact = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1111-2222");
  gboolean seen[SONAE_N_ENTRY_KINDS] = { FALSE };
  gint64 id;

  incident->title = g_strdup ("説明");
  incident->answers.seen = SONAE_SEEN_SYSTEM_DOWN;
  incident->answers.personal_data = SONAE_ANSWER_NO;
  incident->answers.impact = SONAE_IMPACT_BUSINESS;
  proposal = sonae_triage_propose (&incident->answers, SONAE_ORG_CLINIC);
  incident->type = proposal->type;
  incident->level = proposal->level;
  incident->event = proposal->event;
  g_assert_true (sonae_incidents_create (store, incident, proposal, AUTHOR, &error));
  g_assert_no_error (error);
  id = incident->id;

  g_assert_true (sonae_incidents_add_note (store, id, "メモの本文", AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_step_field (store, id, sonae_checklist_get_step (checklist, "1-1"),
                                                 sonae_checklist_get_field (checklist, "1-1", "event-case"),
                                                 "system-down", AUTHOR, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", FALSE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_log_call (store, id, contact, "lead", SONAE_CALL_LEFT_MESSAGE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_RECOVERING, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_level (store, id, proposal->level == 3 ? 2 : 3, AUTHOR, "理由", &error));
  g_assert_true (sonae_incidents_set_type (store, id, SONAE_INCIDENT_OTHER, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_event (store, id, SONAE_EVENT_INTRUSION, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_FOUND_BY, "加藤", AUTHOR, &error));
  g_assert_true (sonae_incidents_correct_entry (store, id, 2, "メモの訂正", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", TRUE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", FALSE, AUTHOR, NULL, &error));
  g_assert_no_error (error);

  list = timeline (store, id);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (list, i);
      g_autofree char *line = sonae_timeline_entry_describe (e, checklist);
      g_autofree char *bare = sonae_timeline_entry_describe (e, NULL);
      const char *must = NULL;

      g_test_message ("%u %s: %s", e->seq, sonae_entry_kind_to_string (e->kind), line);
      g_assert_nonnull (line);
      g_assert_cmpuint (strlen (line), >, 0);
      g_assert_nonnull (bare);
      seen[e->kind] = TRUE;
      switch (e->kind)
        {
        case SONAE_ENTRY_OPENED:
          must = sonae_incident_kind_get_title (proposal->type);
          break;
        case SONAE_ENTRY_NOTE:
          must = "メモの本文";
          break;
        case SONAE_ENTRY_CHECK:
        case SONAE_ENTRY_UNCHECK:
          must = sonae_checklist_get_step (checklist, "1-1")->title;
          break;
        case SONAE_ENTRY_FIELD:
          must = sonae_checklist_get_field (checklist, "1-1", "event-case")->label;
          break;
        case SONAE_ENTRY_CALL:
          must = sonae_call_outcome_get_title (SONAE_CALL_LEFT_MESSAGE);
          break;
        case SONAE_ENTRY_STATUS:
          must = sonae_incident_status_get_title (SONAE_STATUS_RECOVERING);
          break;
        case SONAE_ENTRY_LEVEL:
          must = "理由";
          break;
        case SONAE_ENTRY_TYPE:
          must = sonae_incident_kind_get_title (SONAE_INCIDENT_OTHER);
          break;
        case SONAE_ENTRY_EVENT:
          must = sonae_event_type_get_title (SONAE_EVENT_INTRUSION);
          break;
        case SONAE_ENTRY_DETAIL:
          must = "加藤";
          break;
        case SONAE_ENTRY_CORRECTION:
          must = "メモの訂正";
          break;
        case SONAE_ENTRY_NOT_APPLICABLE:
        case SONAE_ENTRY_APPLICABLE:
          must = sonae_checklist_get_step (checklist, "2-3")->title;
          break;
        case SONAE_ENTRY_REPORT:
        case SONAE_ENTRY_ACTION:
        case SONAE_N_ENTRY_KINDS:
        default:
          g_assert_not_reached ();
        }
      g_assert_nonnull (strstr (line, must));
    }
  /* Every kind this module writes (reports and actions are written by
   * sonae-ppc.c and sonae-capa.c, and tested there). */
  for (int k = 0; k < SONAE_N_ENTRY_KINDS; k++)
    if (k != SONAE_ENTRY_REPORT && k != SONAE_ENTRY_ACTION)
      g_assert_true (seen[k]);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* An ASCII colon where Japanese puts the full-width one: after a Japanese
 * word, or before a space or the end; text in 「」 (what someone typed, a
 * name) is left alone. NULL when there is none. */
static const char *
ascii_colon_in_japanese (const char *line)
{
  int quoted = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x300C)        /* 「 */
        quoted++;
      else if (c == 0x300D)   /* 」 */
        quoted--;
      else if (c == ':' && quoted == 0)
        {
          gunichar before = p > line ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;

          if (p[1] == '\0' || p[1] == ' ' || before > 0x7f)
            return p;
        }
    }
  return NULL;
}

/* In Japanese every kind of entry, those written by the reports and the
 * actions too, separates a label from its value with “：”, never “: ”
 * (「状態：対応中」, not 「状態: 対応中」), in the timeline on screen and on
 * paper alike. */
static void
test_describe_japanese (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(SonaeCapa) action = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen[SONAE_N_ENTRY_KINDS] = { FALSE };
  gint64 contact;
  gint64 id;

  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }
  store = sonae_test_open_store (&dir);
  checklist = sonae_checklist_load (NULL);
  contact = sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1111-2222");

  incident = sonae_incident_new ();
  incident->title = g_strdup ("電子カルテが開かない");
  incident->answers.seen = SONAE_SEEN_SYSTEM_DOWN;
  incident->answers.personal_data = SONAE_ANSWER_NO;
  incident->answers.impact = SONAE_IMPACT_BUSINESS;
  proposal = sonae_triage_propose (&incident->answers, SONAE_ORG_CLINIC);
  incident->type = proposal->type;
  incident->level = proposal->level;
  incident->event = proposal->event;
  g_assert_true (sonae_incidents_create (store, incident, proposal, AUTHOR, &error));
  g_assert_no_error (error);
  id = incident->id;

  g_assert_true (sonae_incidents_add_note (store, id, "受付の端末を切り離した", AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, AUTHOR, "2026-11-21 09:50", &error));
  g_assert_true (sonae_incidents_set_step_field (store, id, sonae_checklist_get_step (checklist, "1-1"),
                                                 sonae_checklist_get_field (checklist, "1-1", "event-case"),
                                                 "system-down", AUTHOR, &error));
  g_assert_true (sonae_incidents_check_step (store, id, "1-1", FALSE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_log_call (store, id, contact, "lead", SONAE_CALL_LEFT_MESSAGE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_log_call (store, id, contact, NULL, SONAE_CALL_REACHED, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CONTAINED, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_level (store, id, proposal->level == 3 ? 2 : 3, AUTHOR, "外部に影響なし", &error));
  g_assert_true (sonae_incidents_set_type (store, id, SONAE_INCIDENT_OTHER, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_event (store, id, SONAE_EVENT_INTRUSION, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_detail (store, id, SONAE_INCIDENT_DETAIL_FOUND_BY, "加藤", AUTHOR, &error));
  g_assert_true (sonae_incidents_correct_entry (store, id, 2, "受付の端末とプリンタを切り離した", AUTHOR, &error));
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", TRUE, AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_step_not_applicable (store, id, "2-3", FALSE, AUTHOR, NULL, &error));
  g_assert_true (sonae_report_save_field (store, id, SONAE_REPORT_FIRST_AID_BY, "田中 健一", AUTHOR, &error));
  action = sonae_capa_new ();
  action->incident_id = id;
  action->kind = SONAE_CAPA_CORRECTIVE;
  action->text = g_strdup ("ルーターの設定を見直す");
  g_assert_true (sonae_capa_save (store, action, AUTHOR, &error));
  g_assert_true (sonae_capa_drop (store, action->id, "機器を入れ替えるため", AUTHOR, &error));
  g_assert_no_error (error);

  list = timeline (store, id);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (list, i);
      g_autofree char *line = sonae_timeline_entry_describe (e, checklist);
      const char *colon = ascii_colon_in_japanese (line);

      g_test_message ("%u %s: %s", e->seq, sonae_entry_kind_to_string (e->kind), line);
      if (colon != NULL)
        g_error ("entry %u has an ASCII colon at “%s”: %s", e->seq, colon, line);
      seen[e->kind] = TRUE;
    }
  for (int k = 0; k < SONAE_N_ENTRY_KINDS; k++)
    g_assert_true (seen[k]);

  sonae_test_use_default_language ();
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_persistence (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 id = new_incident (store, "再起動後も残る", "2026-11-21 08:00", TRUE);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_true (sonae_incidents_check_step (store, id, "1-1", TRUE, AUTHOR, "2026-11-21 08:10", &error));
  g_assert_true (sonae_incidents_add_note (store, id, "メモ", AUTHOR, NULL, &error));
  g_assert_true (sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, AUTHOR, NULL, &error));
  g_assert_no_error (error);
  before = timeline (store, id);
  g_clear_object (&store);

  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_false (sonae_store_is_empty (store));
  after = timeline (store, id);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < after->len; i++)
    {
      SonaeTimelineEntry *a = g_ptr_array_index (before, i);
      SonaeTimelineEntry *b = g_ptr_array_index (after, i);
      g_assert_cmpstr (a->hash, ==, b->hash);
      g_assert_cmpstr (a->at, ==, b->at);
      g_assert_cmpstr (a->text, ==, b->text);
    }
  {
    g_autoptr(SonaeIncident) incident = get (store, id);
    const SonaeStepState *state = sonae_incident_get_step_state (incident, "1-1");

    g_assert_cmpstr (incident->title, ==, "再起動後も残る");
    g_assert_true (incident->drill);
    g_assert_cmpint (incident->status, ==, SONAE_STATUS_CLOSED);
    g_assert_cmpstr (incident->closed_at, ==, NOW);
    g_assert_true (state->done);
    g_assert_true (state->back_entered);
  }
  assert_chain_ok (store, id);
  /* Numbering goes on after a restart. */
  {
    gint64 next = new_incident (store, "次", NULL, FALSE);
    g_autoptr(SonaeIncident) incident = get (store, next);
    g_assert_cmpstr (incident->number, ==, "2026-002");
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("SONAE_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incidents/create-with-proposal", test_create_with_proposal);
  g_test_add_func ("/incidents/create-without-proposal", test_create_without_proposal);
  g_test_add_func ("/incidents/numbering", test_numbering);
  g_test_add_func ("/incidents/setters-log-once", test_setters_log_once);
  g_test_add_func ("/incidents/filters-and-search", test_filters_and_search);
  g_test_add_func ("/incidents/steps-and-fields", test_steps_and_fields);
  g_test_add_func ("/incidents/back-entry", test_back_entry);
  g_test_add_func ("/incidents/not-applicable", test_not_applicable);
  g_test_add_func ("/incidents/calls", test_calls);
  g_test_add_func ("/incidents/corrections", test_corrections);
  g_test_add_func ("/incidents/bad-input-changes-nothing", test_bad_input_changes_nothing);
  g_test_add_func ("/incidents/nested-transaction", test_nested_transaction);
  g_test_add_func ("/incidents/datetime", test_datetime);
  g_test_add_func ("/incidents/enums", test_enums);
  g_test_add_func ("/incidents/describe", test_describe);
  g_test_add_func ("/incidents/describe-japanese", test_describe_japanese);
  g_test_add_func ("/incidents/persistence", test_persistence);

  return g_test_run ();
}
