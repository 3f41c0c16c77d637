/* make-incident.c: start a fictional incident in a demo data folder for the
 * screenshots of the crisis screen (DATA_DIR TITLE): detected 18 minutes
 * ago, its first step ticked and a note. Built and run by take.sh. */
#include "config.h"
#include <glib.h>
#include "sonae-store.h"
#include "sonae-incidents.h"
#include "sonae-timeline.h"
#include "sonae-triage.h"
#include "sonae-clock.h"

int main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  SonaeStore *store = sonae_store_open (argv[1], &error);
  g_autoptr(SonaeIncident) inc = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) t0 = g_date_time_add_minutes (now, -18);
  g_autoptr(GDateTime) t1 = g_date_time_add_minutes (now, -15);
  g_autoptr(GDateTime) t2 = g_date_time_add_minutes (now, -12);
  g_autofree char *s0 = g_date_time_format (t0, "%Y-%m-%d %H:%M");
  g_autofree char *s1 = g_date_time_format (t1, "%Y-%m-%d %H:%M");
  g_autofree char *s2 = g_date_time_format (t2, "%Y-%m-%d %H:%M");
  const char *who = "佐藤 由美";
  gboolean ok;

  if (store == NULL) g_error ("%s", error->message);
  inc->title = g_strdup (argv[2]);
  inc->detected_at = g_strdup (s0);
  inc->found_by = g_strdup ("加藤 優子（医事課 受付）");
  inc->location = g_strdup ("医事課 受付 事務用PC 2番");
  inc->system = g_strdup ("レセプトコンピュータ・予約受付");
  inc->network = g_strdup ("medical");
  inc->answers.seen = SONAE_SEEN_RANSOM;
  inc->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  inc->answers.impact = SONAE_IMPACT_BUSINESS;
  proposal = sonae_triage_propose (&inc->answers, SONAE_ORG_CLINIC);
  inc->type = SONAE_INCIDENT_MALWARE;
  inc->level = 3;
  inc->event = SONAE_EVENT_MALWARE;
  sonae_clock_set_override (s0);
  ok = sonae_incidents_create (store, inc, proposal, who, &error);
  sonae_clock_set_override (s1);
  ok = ok && sonae_incidents_check_step (store, inc->id, "1-1", TRUE, who, NULL, &error);
  sonae_clock_set_override (s2);
  ok = ok && sonae_incidents_add_note (store, inc->id, "受付PCの画面に英語の脅迫文。LANケーブルを抜き、電源は入れたまま。画面を撮影した。", who, NULL, &error);
  if (!ok) g_error ("%s", error->message);
  sonae_store_close (store);
  g_object_unref (store);
  return 0;
}
