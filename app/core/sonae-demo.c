/* sonae-demo.c: みどり台ファミリークリニック, a clinic that does not exist.
 * Names, numbers and addresses are invented; e-mail addresses use the
 * reserved .example domain. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-actions.h"
#include "sonae-clock.h"
#include "sonae-demo.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-manual-store.h"
#include "sonae-report.h"
#include "sonae-store-private.h"

typedef struct {
  const char *key;           /* to assign roles below */
  SonaeGroup group;
  const char *name;
  const char *reading;
  const char *organization;
  const char *department;
  const char *title;
  const char *mobile;
  const char *work;
  const char *email;
  const char *system;
  const char *contract;
  int verified_days_ago;     /* < 0: never verified */
} DemoContact;

#define CLINIC "みどり台ファミリークリニック"

static const DemoContact demo_contacts[] = {
  { "director", SONAE_GROUP_STAFF, "高橋 誠", "たかはし まこと", CLINIC, "診療部", "院長",
    "090-0000-1101", "088-000-1100", "takahashi@midoridai-clinic.example", NULL, NULL, 40 },
  { "vice", SONAE_GROUP_STAFF, "渡辺 直子", "わたなべ なおこ", CLINIC, "診療部", "副院長",
    "090-0000-1102", NULL, "watanabe@midoridai-clinic.example", NULL, NULL, 40 },
  { "manager", SONAE_GROUP_STAFF, "佐藤 由美", "さとう ゆみ", CLINIC, "事務部", "事務長",
    "090-0000-1103", "088-000-1101", "sato@midoridai-clinic.example", NULL, NULL, 12 },
  { "headnurse", SONAE_GROUP_STAFF, "鈴木 恵子", "すずき けいこ", CLINIC, "看護部", "看護師長",
    "090-0000-1104", NULL, "suzuki@midoridai-clinic.example", NULL, NULL, 12 },
  { "it", SONAE_GROUP_STAFF, "田中 健一", "たなか けんいち", CLINIC, "事務部", "システム担当",
    "090-0000-1105", "088-000-1102", "tanaka@midoridai-clinic.example", NULL, NULL, 5 },
  { "medical-affairs", SONAE_GROUP_STAFF, "伊藤 翔太", "いとう しょうた", CLINIC, "医事課", "主任",
    "090-0000-1106", NULL, "ito@midoridai-clinic.example", NULL, NULL, 5 },
  { "general", SONAE_GROUP_STAFF, "山本 美穂", "やまもと みほ", CLINIC, "事務部", "総務担当",
    "090-0000-1107", NULL, "yamamoto@midoridai-clinic.example", NULL, NULL, 90 },
  { NULL, SONAE_GROUP_STAFF, "井上 大輔", "いのうえ だいすけ", CLINIC, "診療部", "医師",
    "090-0000-1108", NULL, "inoue@midoridai-clinic.example", NULL, NULL, 90 },
  { NULL, SONAE_GROUP_STAFF, "中村 さやか", "なかむら さやか", CLINIC, "看護部", "看護師",
    "090-0000-1109", NULL, NULL, NULL, NULL, 90 },
  { NULL, SONAE_GROUP_STAFF, "小林 明日香", "こばやし あすか", CLINIC, "看護部", "看護師",
    "090-0000-1110", NULL, NULL, NULL, NULL, 90 },
  { NULL, SONAE_GROUP_STAFF, "加藤 優子", "かとう ゆうこ", CLINIC, "医事課", "受付",
    "090-0000-1111", NULL, NULL, NULL, NULL, 150 },
  { NULL, SONAE_GROUP_STAFF, "吉田 舞", "よしだ まい", CLINIC, "医事課", "受付",
    "090-0000-1112", NULL, NULL, NULL, NULL, 150 },
  { NULL, SONAE_GROUP_STAFF, "山田 隆", "やまだ たかし", CLINIC, "検査部", "臨床検査技師",
    "090-0000-1113", NULL, NULL, NULL, NULL, 150 },
  { NULL, SONAE_GROUP_STAFF, "佐々木 浩二", "ささき こうじ", CLINIC, "放射線部", "診療放射線技師",
    "090-0000-1114", NULL, "sasaki@midoridai-clinic.example", NULL, NULL, 210 },
  { NULL, SONAE_GROUP_STAFF, "松本 亜紀", "まつもと あき", CLINIC, "事務部", "経理",
    "090-0000-1115", NULL, NULL, NULL, NULL, -1 },

  { "emr-vendor", SONAE_GROUP_VENDOR, "みどりメディカルシステム サポートセンター", "みどりめでぃかるしすてむ",
    "株式会社みどりメディカルシステム", "カスタマーサポート部", NULL,
    NULL, "0120-000-201", "support@midori-medical.example", "電子カルテ", "MMS-2021-0457", 30 },
  { NULL, SONAE_GROUP_VENDOR, "木村 拓也", "きむら たくや",
    "株式会社みどりメディカルシステム", "四国営業所", "担当SE",
    "090-0000-2202", "088-000-2201", "kimura@midori-medical.example", "電子カルテ", "MMS-2021-0457", 30 },
  { "receipt-vendor", SONAE_GROUP_VENDOR, "あおば医事システム ヘルプデスク", "あおばいじしすてむ",
    "あおば医事システム株式会社", "ヘルプデスク", NULL,
    NULL, "0120-000-301", "help@aoba-iji.example", "レセプトコンピュータ・予約受付", "AOB-55120", 60 },
  { "network-vendor", SONAE_GROUP_VENDOR, "しおかぜネットワーク保守窓口", "しおかぜねっとわーく",
    "しおかぜネットサービス株式会社", "保守センター", NULL,
    "090-0000-2401", "088-000-2400", "noc@shiokaze-net.example", "院内ネットワーク・VPN・ファイアウォール", "SKN-M-0932", 60 },
  { NULL, SONAE_GROUP_VENDOR, "ひかり画像システム 保守受付", "ひかりがぞうしすてむ",
    "ひかり画像システム株式会社", "保守受付", NULL,
    NULL, "0120-000-501", "service@hikari-pacs.example", "画像管理システム（PACS）", "HGS-7781", 250 },
  { NULL, SONAE_GROUP_VENDOR, "なぎさPCサポート", "なぎさぴーしーさぽーと",
    "有限会社なぎさPCサポート", NULL, NULL,
    "090-0000-2601", "088-000-2600", "desk@nagisa-pc.example", "事務用パソコン・プリンター", "NPC-0112", 60 },
};

static const struct {
  const char *role;
  const char *holders[4];
} demo_roles[] = {
  { SONAE_ROLE_TOP, { "director", "vice", NULL } },
  { SONAE_ROLE_LEAD, { "manager", "headnurse", NULL } },
  { SONAE_ROLE_FIRST, { "it", "medical-affairs", NULL } },
  { SONAE_ROLE_SYSADMIN, { "it", "medical-affairs", "network-vendor", NULL } },
  { SONAE_ROLE_PRIVACY, { "manager", "director", NULL } },
  { SONAE_ROLE_SECURITY, { "it", "manager", NULL } },
  { SONAE_ROLE_PRESS, { "general", "manager", NULL } },
};

static char *
date_days_ago (int days)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A field of the bundled checklist, filled in for the demo drill. */
static gboolean
set_field (SonaeStore      *store,
           SonaeChecklist  *checklist,
           gint64           id,
           const char      *step_id,
           const char      *field_id,
           const char      *value,
           const char      *author,
           GError         **error)
{
  const SonaeChecklistStep *step = sonae_checklist_get_step (checklist, step_id);
  const SonaeChecklistField *field = sonae_checklist_get_field (checklist, step_id, field_id);

  g_assert (step != NULL && field != NULL);
  return sonae_store_set_step_field (store, id, step, field, value, author, error);
}

/* Move the demo's clock to @time; always TRUE, to chain with the calls. */
static gboolean
at (const char *time)
{
  sonae_clock_set_override (time);
  return TRUE;
}

/* An action of the demo drill; its id in @out_id. */
static gboolean
add_action (SonaeStore       *store,
            gint64            incident_id,
            SonaeActionKind   kind,
            const char       *text,
            gint64            owner_id,
            const char       *due_on,
            const char       *author,
            gint64           *out_id,
            GError          **error)
{
  g_autoptr(SonaeAction) action = sonae_action_new ();

  action->incident_id = incident_id;
  action->kind = kind;
  action->text = g_strdup (text);
  action->owner_id = owner_id;
  action->due_on = g_strdup (due_on);
  if (!sonae_store_save_action (store, action, author, error))
    return FALSE;
  *out_id = action->id;
  return TRUE;
}

/* A ransomware drill held some weeks ago, entered with the times of the
 * day: part of the checklist done, calls, notes, one note entered later
 * from the paper log, one correction, and a corrective and a preventive
 * action done in the weeks after. Everything goes through the store's
 * functions, so its timeline chain is sound. */
/* One field of the drill's report, by the office manager. */
static gboolean
report (SonaeStore  *store,
        gint64       id,
        const char  *key,
        const char  *value,
        GError     **error)
{
  return sonae_store_set_report_field (store, id, key, value, "佐藤 由美", error);
}

static gboolean
add_drill (SonaeStore  *store,
           GHashTable  *ids,
           GError     **error)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -72);
  g_autofree char *day = g_date_time_format (then, "%Y-%m-%d");
  g_autoptr(SonaeIncident) drill = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  const char *ito = "伊藤 翔太";
  const char *tanaka = "田中 健一";
  gint64 it_id = *(gint64 *) g_hash_table_lookup (ids, "it");
  gint64 vendor_id = *(gint64 *) g_hash_table_lookup (ids, "network-vendor");
  gint64 manager_id = *(gint64 *) g_hash_table_lookup (ids, "manager");
  gint64 id;
  gint64 corrected_id = 0;
  gboolean ok;

  g_autofree char *t1005 = g_strdup_printf ("%s 10:05", day);
  g_autofree char *t1008 = g_strdup_printf ("%s 10:08", day);
  g_autofree char *t1009 = g_strdup_printf ("%s 10:09", day);
  g_autofree char *t1010 = g_strdup_printf ("%s 10:10", day);
  g_autofree char *t1011 = g_strdup_printf ("%s 10:11", day);
  g_autofree char *t1014 = g_strdup_printf ("%s 10:14", day);
  g_autofree char *t1015 = g_strdup_printf ("%s 10:15", day);
  g_autofree char *t1020 = g_strdup_printf ("%s 10:20", day);
  g_autofree char *t1025 = g_strdup_printf ("%s 10:25", day);
  g_autofree char *t1030 = g_strdup_printf ("%s 10:30", day);
  g_autofree char *t1035 = g_strdup_printf ("%s 10:35", day);
  g_autofree char *t1040 = g_strdup_printf ("%s 10:40", day);
  g_autofree char *t1050 = g_strdup_printf ("%s 10:50", day);
  g_autofree char *t1100 = g_strdup_printf ("%s 11:00", day);
  g_autofree char *t1130 = g_strdup_printf ("%s 11:30", day);
  g_autofree char *t1140 = g_strdup_printf ("%s 11:40", day);
  g_autofree char *t1145 = g_strdup_printf ("%s 11:45", day);
  /* The actions: done 10 and 28 days after the drill. */
  g_autoptr(GDateTime) then10 = g_date_time_add_days (then, 10);
  g_autoptr(GDateTime) then28 = g_date_time_add_days (then, 28);
  g_autoptr(GDateTime) then30 = g_date_time_add_days (then, 30);
  g_autofree char *d10 = g_date_time_format (then10, "%Y-%m-%d");
  g_autofree char *d28 = g_date_time_format (then28, "%Y-%m-%d");
  g_autofree char *d30 = g_date_time_format (then30, "%Y-%m-%d");
  g_autofree char *t10 = g_strdup_printf ("%s 16:00", d10);
  g_autofree char *t28 = g_strdup_printf ("%s 17:00", d28);
  g_autofree char *t28close = g_strdup_printf ("%s 17:10", d28);
  gint64 corrective_id = 0, preventive_id = 0;

  checklist = sonae_checklist_load (error);
  if (checklist == NULL)
    return FALSE;

  drill->title = g_strdup ("訓練: 受付PCのランサムウェア");
  drill->drill = TRUE;
  drill->detected_at = g_strdup (t1005);
  drill->found_by = g_strdup ("加藤 優子（医事課 受付）");
  drill->location = g_strdup ("医事課 受付 事務用PC 2番");
  drill->system = g_strdup ("レセプトコンピュータ・予約受付");
  drill->network = g_strdup ("medical");
  drill->answers.seen = SONAE_SEEN_RANSOM;
  drill->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  drill->answers.impact = SONAE_IMPACT_BUSINESS;
  proposal = sonae_triage_propose (&drill->answers, SONAE_ORG_CLINIC);
  drill->type = SONAE_INCIDENT_MALWARE;
  drill->level = 3;
  drill->event = SONAE_EVENT_MALWARE;

  /* Recorded as it happened: each step at the time of the day. */
  sonae_clock_set_override (t1008);
  ok = sonae_store_create_incident (store, drill, proposal, ito, error);
  id = drill->id;
  ok = ok && at (t1009) && sonae_store_log_call (store, id, it_id, SONAE_ROLE_FIRST, SONAE_CALL_NO_ANSWER, ito, NULL, error);
  ok = ok && at (t1010) && set_field (store, checklist, id, "1-1", "event-case", "ransomware", ito, error);
  ok = ok && sonae_store_check_step (store, id, "1-1", TRUE, ito, NULL, error);
  ok = ok && at (t1011) && sonae_store_log_call (store, id, vendor_id, SONAE_ROLE_SYSADMIN, SONAE_CALL_REACHED, ito, NULL, error);
  ok = ok && at (t1014) && sonae_store_log_call (store, id, manager_id, SONAE_ROLE_LEAD, SONAE_CALL_REACHED, ito, NULL, error);
  ok = ok && at (t1015) && sonae_store_add_note (store, id,
                             "受付PCの画面に英語の脅迫文（訓練用の掲示）。LANケーブルを抜き、電源は入れたまま。「使用禁止」の貼り紙をして画面を撮影した。",
                             ito, NULL, error);
  ok = ok && at (t1020) && set_field (store, checklist, id, "1-4", "isolated", "confirmed", ito, error);
  ok = ok && set_field (store, checklist, id, "1-4", "evidence", "power-on,sign,photo", ito, error);
  ok = ok && set_field (store, checklist, id, "1-4", "others-asked",
                        "受付の2名と会計に確認。同じメールや表示はなし。", ito, error);
  ok = ok && set_field (store, checklist, id, "1-4", "what-operation",
                        "予約確認のメールに付いていた請求書ファイルを開き、マクロを有効にした（という想定）。", ito, error);
  ok = ok && sonae_store_check_step (store, id, "1-4", TRUE, ito, NULL, error);
  ok = ok && at (t1030) && sonae_store_add_note (store, id,
                             "診察室1・2と会計の端末に同じ表示がないことを確認した。",
                             ito, NULL, error);
  /* The director was told by word of mouth; the office manager wrote it on
   * the paper log and entered it later with the time written there. */
  ok = ok && at (t1035) && sonae_store_add_note (store, id,
                             "事務長から院長へ口頭で報告。院長より訓練を続けるよう指示。",
                             "佐藤 由美", t1025, error);
  if (ok)
    {
      timeline = sonae_store_list_timeline (store, id, error);
      ok = timeline != NULL;
    }
  if (ok)
    {
      for (guint i = 0; i < timeline->len; i++)
        {
          SonaeTimelineEntry *e = g_ptr_array_index (timeline, i);

          if (e->kind == SONAE_ENTRY_NOTE && g_str_has_prefix (e->text, "診察室"))
            corrected_id = e->id;
        }
      g_assert (corrected_id != 0);
    }
  ok = ok && at (t1040) && sonae_store_log_call (store, id, it_id, SONAE_ROLE_SYSADMIN, SONAE_CALL_REACHED, ito, NULL, error);
  ok = ok && at (t1050) && set_field (store, checklist, id, "2-6", "measures",
                        "staff-told,systems-stopped,backups-checked,backups-offline", tanaka, error);
  ok = ok && sonae_store_check_step (store, id, "2-6", TRUE, tanaka, NULL, error);
  ok = ok && at (t1100) && sonae_store_set_incident_status (store, id, SONAE_STATUS_CONTAINED, tanaka, NULL, error);
  ok = ok && at (t1130) && sonae_store_set_incident_status (store, id, SONAE_STATUS_RECOVERING, tanaka, NULL, error);
  ok = ok && at (t1140) && sonae_store_correct_entry (store, id, corrected_id,
                                  "確認したのは診察室1・2と会計の3台。処置室の端末は確認していなかった（次回の訓練で確認する）。",
                                  "佐藤 由美", error);
  /* What the drill leads to, decided at its debrief, and followed to the
   * end: the drill is closed once none is open. */
  ok = ok && at (t1145) && add_action (store, id, SONAE_ACTION_CORRECTIVE,
                                       "受付PCのマクロ実行を既定で禁止する（グループポリシーで設定し、全端末で確認する）",
                                       it_id, d10, "佐藤 由美", &corrective_id, error);
  ok = ok && add_action (store, id, SONAE_ACTION_PREVENTIVE,
                         "全職員に不審メールの見分け方と「開いてしまったら」の手順を研修する",
                         manager_id, d30, "佐藤 由美", &preventive_id, error);
  ok = ok && at (t10) && sonae_store_complete_action (store, corrective_id, d10, tanaka, "高橋 誠", tanaka, error);
  ok = ok && at (t28) && sonae_store_complete_action (store, preventive_id, d28, "佐藤 由美", "高橋 誠", "佐藤 由美", error);
  /* The report, written at the debrief and signed when the drill closed;
   * the rest of it is what the incident record proposes. */
  ok = ok && at (t1145) && report (store, id, SONAE_REPORT_DEPARTMENT, "医事課（受付）", error);
  ok = ok && report (store, id, SONAE_REPORT_STOP_TIME, "1:40", error);
  ok = ok && report (store, id, SONAE_REPORT_HANDLING, "stopped", error);
  ok = ok && report (store, id, SONAE_REPORT_CAUSE_TYPE, "suspicious-mail", error);
  ok = ok && report (store, id, SONAE_REPORT_CAUSE,
                     "予約確認を装ったメールの添付ファイルを開き、マクロを有効にした（訓練の想定）。"
                     "受付PCでマクロの実行が許可されていた。", error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_RESULT,
                     "感染の想定は受付PC 1台にとどまり、他の端末への広がりはなかった。11:30 に紙運用へ切り替えた。", error);
  ok = ok && at (t28close) && report (store, id, SONAE_REPORT_WRITTEN_ON, d28, error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_BY, "高橋 誠", error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_ON, d28, error);
  ok = ok && sonae_store_set_incident_status (store, id, SONAE_STATUS_CLOSED, "佐藤 由美", NULL, error);
  sonae_clock_set_override (NULL);
  return ok;
}

static gboolean
fill (SonaeStore  *store,
      GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(SonaeProfile) profile = g_new0 (SonaeProfile, 1);

  profile->name = g_strdup (CLINIC);
  profile->kind = SONAE_ORG_CLINIC;
  profile->prefecture = g_strdup ("Tokushima");
  profile->address = g_strdup ("徳島県みどり台市中央町1-2-3（架空）");
  profile->phone = g_strdup ("088-000-1100");
  if (!sonae_store_set_profile (store, profile, error) ||
      !sonae_store_set_setup_done (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_contacts); i++)
    {
      const DemoContact *d = &demo_contacts[i];
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      c->group = d->group;
      c->name = g_strdup (d->name);
      c->reading = g_strdup (d->reading);
      c->organization = g_strdup (d->organization);
      c->department = g_strdup (d->department);
      c->title = g_strdup (d->title);
      c->system = g_strdup (d->system);
      c->contract = g_strdup (d->contract);
      if (d->verified_days_ago >= 0)
        c->verified_on = date_days_ago (d->verified_days_ago);
      sonae_contact_add_phone (c, "mobile", d->mobile);
      sonae_contact_add_phone (c, "work", d->work);
      sonae_contact_add_email (c, "work", d->email);
      if (d->group == SONAE_GROUP_VENDOR)
        c->notes = g_strdup ("受付時間 平日 9:00–18:00。時間外は保守契約の緊急窓口へ（契約番号を伝える）。");

      if (!sonae_store_save_contact (store, c, error))
        return FALSE;
      if (d->key != NULL)
        g_hash_table_insert (ids, (gpointer) d->key, g_memdup2 (&c->id, sizeof c->id));
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_roles); i++)
    {
      gint64 holders[4];
      guint n = 0;

      for (guint j = 0; demo_roles[i].holders[j] != NULL; j++)
        {
          gint64 *id = g_hash_table_lookup (ids, demo_roles[i].holders[j]);
          g_assert (id != NULL);
          holders[n++] = *id;
        }
      if (!sonae_store_set_role_holders (store, demo_roles[i].role, holders, n, error))
        return FALSE;
    }

  /* The clinic has made the manual its own: a step of its own, and a review. */
  {
    g_autofree char *reviewed = date_days_ago (200);

    if (!sonae_store_add_manual_step (store, "malware-staff",
                                      "電子カルテに関わる端末なら、みどりメディカルシステム サポートセンター（0120-000-201、契約番号 MMS-2021-0457）にも連絡する。",
                                      SONAE_ROLE_SYSADMIN, 2, "佐藤 由美", NULL, error) ||
        !sonae_store_mark_manual_reviewed (store, reviewed, "佐藤 由美", error))
      return FALSE;
  }

  /* A past drill, with part of the checklist done. */
  if (!add_drill (store, ids, error))
    return FALSE;

  return TRUE;
}

gboolean
sonae_demo_fill (SonaeStore  *store,
                 GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  if (!sonae_store_is_empty (store))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS,
                   _("The data folder %s already holds data. The demo is only made in an empty folder, so that nothing of yours is overwritten."),
                   sonae_store_get_dir (store));
      return FALSE;
    }

  if (!sonae_store_begin (store, error))
    return FALSE;
  if (!fill (store, error))
    {
      sonae_store_rollback (store);
      return FALSE;
    }
  return sonae_store_commit (store, error);
}
