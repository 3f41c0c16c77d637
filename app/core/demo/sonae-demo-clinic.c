/* sonae-demo-clinic.c: みどり台ファミリークリニック, a clinic that does not
 * exist. Names, numbers and addresses are invented; e-mail addresses use the
 * reserved .example domain. */
#include "config.h"

#include "sonae-bcp.h"
#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-demo-private.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-edits.h"
#include "sonae-mhlw.h"
#include "sonae-report-form.h"
#include "sonae-timeline.h"

#define CLINIC "みどり台ファミリークリニック"

static const SonaeDemoContact demo_contacts[] = {
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
  { "pacs-vendor", SONAE_GROUP_VENDOR, "ひかり画像システム 保守受付", "ひかりがぞうしすてむ",
    "ひかり画像システム株式会社", "保守受付", NULL,
    NULL, "0120-000-501", "service@hikari-pacs.example", "画像管理システム（PACS）", "HGS-7781", 250 },
  { "pc-vendor", SONAE_GROUP_VENDOR, "なぎさPCサポート", "なぎさぴーしーさぽーと",
    "有限会社なぎさPCサポート", NULL, NULL,
    "090-0000-2601", "088-000-2600", "desk@nagisa-pc.example", "事務用パソコン・プリンター", "NPC-0112", 60 },
};

static const SonaeDemoRole demo_roles[] = {
  { SONAE_ROLE_TOP, { "director", "vice", NULL } },
  { SONAE_ROLE_LEAD, { "manager", "headnurse", NULL } },
  { SONAE_ROLE_FIRST, { "it", "medical-affairs", NULL } },
  { SONAE_ROLE_SYSADMIN, { "it", "medical-affairs", "network-vendor", NULL } },
  { SONAE_ROLE_PRIVACY, { "manager", "director", NULL } },
  { SONAE_ROLE_SECURITY, { "it", "manager", NULL } },
  { SONAE_ROLE_PRESS, { "general", "manager", NULL } },
  { SONAE_ROLE_MEDINFO, { "director", "it", NULL } },
};

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
  return sonae_incidents_set_step_field (store, id, step, field, value, author, error);
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
  return sonae_report_save_field (store, id, key, value, "佐藤 由美", error);
}

static gboolean
add_drill (SonaeStore  *store,
           GHashTable  *ids,
           gint64      *out_id,
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

  drill->title = g_strdup ("訓練：受付PCのランサムウェア");
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
  ok = sonae_incidents_create (store, drill, proposal, ito, error);
  id = drill->id;
  ok = ok && sonae_demo_at (t1009) && sonae_incidents_log_call (store, id, it_id, SONAE_ROLE_FIRST, SONAE_CALL_NO_ANSWER, ito, NULL, error);
  ok = ok && sonae_demo_at (t1010) && set_field (store, checklist, id, "1-1", "event-case", "ransomware", ito, error);
  ok = ok && sonae_incidents_check_step (store, id, "1-1", TRUE, ito, NULL, error);
  ok = ok && sonae_demo_at (t1011) && sonae_incidents_log_call (store, id, vendor_id, SONAE_ROLE_SYSADMIN, SONAE_CALL_REACHED, ito, NULL, error);
  ok = ok && sonae_demo_at (t1014) && sonae_incidents_log_call (store, id, manager_id, SONAE_ROLE_LEAD, SONAE_CALL_REACHED, ito, NULL, error);
  ok = ok && sonae_demo_at (t1015) && sonae_incidents_add_note (store, id,
                                                     "受付PCの画面に英語の脅迫文（訓練用の掲示）。LANケーブルを抜き、電源は入れたまま。「使用禁止」の貼り紙をして画面を撮影した。",
                                                     ito, NULL, error);
  ok = ok && sonae_demo_at (t1020) && set_field (store, checklist, id, "1-4", "isolated", "confirmed", ito, error);
  ok = ok && set_field (store, checklist, id, "1-4", "evidence", "power-on,sign,photo", ito, error);
  ok = ok && set_field (store, checklist, id, "1-4", "others-asked",
                        "受付の2名と会計に確認。同じメールや表示はなし。", ito, error);
  ok = ok && set_field (store, checklist, id, "1-4", "what-operation",
                        "予約確認のメールに付いていた請求書ファイルを開き、マクロを有効にした（という想定）。", ito, error);
  ok = ok && sonae_incidents_check_step (store, id, "1-4", TRUE, ito, NULL, error);
  ok = ok && sonae_demo_at (t1030) && sonae_incidents_add_note (store, id,
                                                     "診察室1・2と会計の端末に同じ表示がないことを確認した。",
                                                     ito, NULL, error);
  /* The director was told by word of mouth; the office manager wrote it on
   * the paper log and entered it later with the time written there. */
  ok = ok && sonae_demo_at (t1035) && sonae_incidents_add_note (store, id,
                                                     "事務長から院長へ口頭で報告。院長より訓練を続けるよう指示。",
                                                     "佐藤 由美", t1025, error);
  if (ok)
    {
      timeline = sonae_incidents_list_timeline (store, id, error);
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
  ok = ok && sonae_demo_at (t1040) && sonae_incidents_log_call (store, id, it_id, SONAE_ROLE_SYSADMIN, SONAE_CALL_REACHED, ito, NULL, error);
  ok = ok && sonae_demo_at (t1050) && set_field (store, checklist, id, "2-6", "measures",
                        "staff-told,systems-stopped,backups-checked,backups-offline", tanaka, error);
  ok = ok && sonae_incidents_check_step (store, id, "2-6", TRUE, tanaka, NULL, error);
  ok = ok && sonae_demo_at (t1100) && sonae_incidents_set_status (store, id, SONAE_STATUS_CONTAINED, tanaka, NULL, error);
  ok = ok && sonae_demo_at (t1130) && sonae_incidents_set_status (store, id, SONAE_STATUS_RECOVERING, tanaka, NULL, error);
  ok = ok && sonae_demo_at (t1140) && sonae_incidents_correct_entry (store, id, corrected_id,
                                                          "確認したのは診察室1・2と会計の3台。処置室の端末は確認していなかった（次回の訓練で確認する）。",
                                                          "佐藤 由美", error);
  /* What the drill leads to, decided at its debrief, and followed to the
   * end: the drill is closed once none is open. */
  ok = ok && sonae_demo_at (t1145) && sonae_demo_add_action (store, id, SONAE_CAPA_CORRECTIVE,
                                       "受付PCのマクロ実行を既定で禁止する（グループポリシーで設定し、全端末で確認する）",
                                       it_id, d10, "佐藤 由美", &corrective_id, error);
  ok = ok && sonae_demo_add_action (store, id, SONAE_CAPA_PREVENTIVE,
                         "全職員に不審メールの見分け方と「開いてしまったら」の手順を研修する",
                         manager_id, d30, "佐藤 由美", &preventive_id, error);
  ok = ok && sonae_demo_at (t10) && sonae_capa_complete (store, corrective_id, d10, tanaka, "高橋 誠", tanaka, error);
  ok = ok && sonae_demo_at (t28) && sonae_capa_complete (store, preventive_id, d28, "佐藤 由美", "高橋 誠", "佐藤 由美", error);
  /* The report, written at the debrief and signed when the drill closed;
   * the rest of it is what the incident record proposes. */
  ok = ok && sonae_demo_at (t1145) && report (store, id, SONAE_REPORT_DEPARTMENT, "医事課（受付）", error);
  ok = ok && report (store, id, SONAE_REPORT_STOP_TIME, "1:40", error);
  ok = ok && report (store, id, SONAE_REPORT_HANDLING, "stopped", error);
  ok = ok && report (store, id, SONAE_REPORT_CAUSE_TYPE, "suspicious-mail", error);
  ok = ok && report (store, id, SONAE_REPORT_CAUSE,
                     "予約確認を装ったメールの添付ファイルを開き、マクロを有効にした（訓練の想定）。"
                     "受付PCでマクロの実行が許可されていた。", error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_RESULT,
                     "感染の想定は受付PC 1台にとどまり、他の端末への広がりはなかった。11:30 に紙運用へ切り替えた。", error);
  ok = ok && sonae_demo_at (t28close) && report (store, id, SONAE_REPORT_WRITTEN_ON, d28, error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_BY, "高橋 誠", error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_ON, d28, error);
  ok = ok && sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, "佐藤 由美", NULL, error);
  sonae_clock_set_override (NULL);
  *out_id = id;
  return ok;
}

/* ---- the business-continuity plan -------------------------------------- */

static const SonaeDemoEvent demo_events[] = {
  { "ランサムウェアでサーバーとパソコンが暗号化される",
    "電子カルテ・レセコンが使えず、過去の診療記録も見られない。",
    "復旧まで3日から2週間。紙カルテで1日あたり約80人の診療を続ける。予約の確認は電話で行う。" },
  { "電子カルテが止まる",
    "診療記録の入力と参照、オーダー、処方、会計への連携が止まる。",
    "半日から1日。紙カルテと紙の処方箋で診療を続け、復旧後に入力する。" },
  { "院内ネットワークが止まる",
    "端末からサーバー、インターネット、オンライン資格確認、メールに届かない。",
    "数時間から1日。保険証の目視確認と紙カルテで対応する。" },
  { "停電",
    "すべてのパソコン、サーバー、ネットワーク機器が止まる。冷蔵庫や医療機器の電源も落ちる。",
    "数時間。サーバーのデータが壊れるおそれ。明るいうちは紙で診療を続ける。" },
  { "地震・火災・水害",
    "建物、サーバー、紙の記録が損なわれるおそれ。職員が出勤できないこともある。",
    "数日から数週間。災害対応計画に従い、院外に保管したバックアップから復旧する。" },
  { "ベンダーに連絡がつかない",
    "システムを直す人も、バックアップから戻す人もいない。止まっている時間が長くなる。",
    "夜間・休日で最大2日。緊急窓口と担当SEの携帯番号を連絡網に載せておく。" },
  { "職員同士で連絡がとれない",
    "何が起きたか、何をすべきかが伝わらず、判断が遅れる。",
    "半日。紙の連絡網と集合場所（1階待合室）を決めておく。" },
  { "機器が誤作動する",
    "スキャナー、プリンター、検査機器、自動受付機が誤った結果を出すか止まる。",
    "数時間。機器を止めて手作業に切り替え、結果は紙で確認する。" },
};

/* Not the reception and billing system: the user adds that one. */
static const SonaeDemoSystem demo_systems[] = {
  { "電子カルテ", "診療記録、オーダー、処方、会計への連携", "emr-vendor", "MMS-2021-0457", "it",
    1, 4, 24,
    "院内サーバーから外付けディスクへ自動でコピーし、ベンダーのクラウドにも送る",
    "毎晩 22:00", 7, SONAE_BCP_YES,
    "外付けディスク2台を交互に使い、使っていない1台は事務長室の金庫に保管。クラウドはベンダーのデータセンター。",
    200, 180,
    "紙カルテ運用に切り替え、紙の処方箋と伝票で診療を続ける。過去の記録は参照用PC（読み取り専用の複製、毎晩更新）で見る。復旧後に紙の記録を入力する。",
    "受付カウンター下の赤い箱（紙カルテ様式・処方箋・検査伝票・紙伝票マニュアル）。参照用PCは事務室の奥の机。",
    "1. 画面を撮影し、LANケーブルを抜く（電源は切らない）。\n"
    "2. システム担当 田中（090-0000-1105）に連絡する。\n"
    "3. 受付で紙カルテ運用に切り替え、赤い箱の様式を配る。\n"
    "4. 30分で戻らなければ、みどりメディカルシステム サポートセンター（0120-000-201、契約番号 MMS-2021-0457）に連絡する。" },
  { "院内ネットワーク", "端末とサーバーをつなぐ院内LAN、インターネット接続、VPN、ファイアウォール",
    "network-vendor", "SKN-M-0932", "it",
    2, 8, -1,
    "ルーターとファイアウォールの設定を保守会社が保管する", "設定を変えるたび", 3, SONAE_BCP_YES,
    "しおかぜネットサービスの保守センター", -1, 0,
    "電子カルテは紙カルテ運用に切り替える。オンライン資格確認は保険証の目視確認で代える。",
    "受付カウンター下の赤い箱。ネットワーク構成図は事務室のファイル「IT-BCP」。",
    "1. ルーターとスイッチのランプを見て、電源が入っているか確かめる。\n"
    "2. システム担当 田中に連絡する。\n"
    "3. 戻らなければ、しおかぜネットワーク保守窓口（088-000-2400）に連絡する。" },
  { "画像システム", "レントゲン画像の保存と表示（PACS）", "pacs-vendor", "HGS-7781", "it",
    3, 24, 24,
    "画像サーバー内の二重化ディスクと、外付けディスクへのコピー", "毎週金曜 19:00", 4, SONAE_BCP_YES,
    "外付けディスクは放射線室の鍵付き棚", 40, 365,
    "撮影装置のモニターで画像を見て、所見は紙に書く。紹介先へはCDに書き出して渡す。",
    "放射線室の棚（所見用紙とCD）",
    "1. 撮影を止めずに、撮影装置側に画像を残す。\n"
    "2. 診療放射線技師 佐々木からひかり画像システム 保守受付（0120-000-501）に連絡する。" },
  { "事務用PC", "経理、給与、院内文書、メール", "pc-vendor", "NPC-0112", "manager",
    4, 48, 168,
    "共有フォルダをUSBディスクへコピーする", "毎月末", 3, SONAE_BCP_YES,
    "事務長室の金庫", -1, 0,
    "手書きと予備のノートPCで代える。急ぎの支払いは銀行窓口で行う。",
    "事務室の書庫",
    "1. 使用をやめ、LANケーブルを抜く。\n"
    "2. なぎさPCサポート（088-000-2600）に連絡する。" },
};

static gboolean
add_bcp (SonaeStore  *store,
         GHashTable  *ids,
         gint64       drill_incident_id,
         GError     **error)
{
  static const char *const texts[SONAE_BCP_N_TEXTS] = {
    "当院は、電子カルテなどのITが使えない間も診療を止めない。紙カルテと紙の伝票に切り替え、"
    "急ぎの患者さんと予約の患者さんを優先して診る。記録は復旧後に電子カルテへ入力し、診療記録は必ず残す。",
    "当院の災害対応計画（地震・火災・停電）と同じ体制で動く。院長が本部長、事務長が事務局を務める。"
    "連絡網と参集の基準は災害対応計画のものを使い、IT特有のこと（ベンダーへの連絡、バックアップからの復旧）をこの計画で補う。",
    "毎年4月に全職員で紙カルテ運用の研修を行う（障害時マニュアルと紙伝票マニュアル）。"
    "新しく入った職員には最初の1か月のうちに同じ内容を説明する。年に1回、ランサムウェアを想定した訓練を行う。",
    "毎年4月と訓練のあとに、事務長とシステム担当で計画を読み直し、連絡先・システム一覧・バックアップの状況を更新する。"
    "変えたところは院長が確認する。",
  };
  /* The self-check: every question answered, two いいえ (one target passed). */
  static const char *const no[] = { "inventory", "training", NULL };
  static const int no_target_days_ago[] = { 5, -45 };
  static const char *const no_owners[] = { "it", "manager" };
  g_autoptr(SonaeBcpDrill) drill = sonae_bcp_drill_new ();
  g_autofree char *review_day = sonae_demo_date_days_ago (200);
  gint64 it_id = sonae_demo_id (ids, "it");
  gint64 manager_id = sonae_demo_id (ids, "manager");
  gint64 power_risk = 0;

  for (guint i = 0; i < SONAE_BCP_N_TEXTS; i++)
    if (!sonae_bcp_set_text (store, (SonaeBcpText) i, texts[i], error))
      return FALSE;
  if (!sonae_bcp_set_decider (store, SONAE_BCP_DECIDE_DECLARE, SONAE_ROLE_TOP, error) ||
      !sonae_bcp_set_decider (store, SONAE_BCP_DECIDE_RETURN, SONAE_ROLE_LEAD, error))
    return FALSE;

  if (!sonae_demo_add_events (store, demo_events, G_N_ELEMENTS (demo_events), error) ||
      !sonae_demo_add_systems (store, demo_systems, G_N_ELEMENTS (demo_systems), ids, error))
    return FALSE;

  /* The risk register: five risks, levels high to low, one accepted. */
  if (!sonae_demo_add_risk (store, "ランサムウェアで電子カルテと院内サーバーが暗号化され、診療記録が見られなくなる（不審メールの添付ファイル、VPN機器の脆弱性）",
                  2, 3, SONAE_RISK_REDUCE,
                  "ネットワークから外したバックアップ、マクロの禁止、VPN機器の更新を保守契約に入れる、職員研修。",
                  it_id, NULL, 0, -90, NULL, error) ||
      !sonae_demo_add_risk (store, "職員がUSBメモリで患者情報を持ち出し、なくす",
                  3, 2, SONAE_RISK_AVOID,
                  "USBメモリの使用をやめ、端末のUSBポートを使えないように設定する。",
                  it_id, NULL, 0, -120, NULL, error) ||
      !sonae_demo_add_risk (store, "停電でサーバーが急に止まり、データが壊れる",
                  2, 2, SONAE_RISK_REDUCE,
                  "サーバーに無停電電源装置（UPS）を付け、停電時の手順を決める。",
                  manager_id, NULL, 0, 15, &power_risk, error) ||
      !sonae_demo_add_risk (store, "電子カルテのベンダーが事業をやめ、保守が受けられなくなる",
                  1, 3, SONAE_RISK_TRANSFER,
                  "契約にデータの引き渡し形式を書き入れ、標準の形式で書き出せることを確かめておく。",
                  manager_id, NULL, 0, -200, NULL, error) ||
      !sonae_demo_add_risk (store, "待合室の患者さん向けWi-Fiが止まる",
                  2, 1, SONAE_RISK_ACCEPT,
                  "診療には関わらないため、止まっても復旧を急がない。掲示でお知らせする。",
                  0, "高橋 誠", 200, -165, NULL, error))
    return FALSE;

  /* Prevention measures: two done, one overdue, one ahead. */
  if (!sonae_demo_add_measure (store, "外付けディスクを2台にして、1台は常にネットワークから外して保管する",
                     it_id, 150, 160, 0, 0, error) ||
      !sonae_demo_add_measure (store, "紙カルテ様式と処方箋・伝票を印刷し、受付の赤い箱に入れる",
                     manager_id, 120, 125, 0, 0, error) ||
      !sonae_demo_add_measure (store, "院内ネットワークの構成図を保守会社と作る",
                     it_id, 10, -1, 0, 0, error) ||
      !sonae_demo_add_measure (store, "サーバーに無停電電源装置（UPS）を付ける",
                     manager_id, -60, -1, 0, power_risk, error))
    return FALSE;

  /* The drill of 72 days ago, with what it found. */
  drill->held_on = sonae_demo_date_days_ago (72);
  drill->scenario = g_strdup ("受付PCのランサムウェア感染を想定し、LANケーブルを抜く初動、連絡網での連絡、紙カルテ運用への切り替えを練習した。");
  drill->participants = g_strdup ("院長 高橋、事務長 佐藤、看護師長 鈴木、システム担当 田中、医事課 伊藤、受付 加藤・吉田");
  drill->findings = g_strdup ("良かった点：10分で端末を切り離し、30分以内に紙運用へ切り替えられた。\n"
                              "課題：処置室の端末を確かめ忘れた。夜間の連絡先が古い職員がいた。");
  drill->incident_id = drill_incident_id;
  if (!sonae_bcp_save_drill (store, drill, error) ||
      !sonae_demo_add_measure (store, "処置室の端末も確かめる手順を訓練の台本に入れる",
                     it_id, -20, -1, drill->id, 0, error) ||
      !sonae_demo_add_measure (store, "連絡網に夜間・休日の携帯番号を加えて印刷し直す",
                     sonae_demo_id (ids, "general"), 55, 50, drill->id, 0, error))
    return FALSE;

  if (!sonae_demo_answer_checks (store, no, no_target_days_ago, no_owners, ids, error))
    return FALSE;

  return sonae_bcp_mark_reviewed (store, review_day, "佐藤 由美", error);
}

/* The MHLW checklist half done for this fiscal year: what Sonae's data
 * answers, a few items checked by hand ten days ago, two いいえ with their
 * targets; the electronic records' vendor has sent its list back and its
 * MDS/SDS, the network's vendor not yet. */
static gboolean
add_mhlw (SonaeStore  *store,
          GHashTable  *ids,
          GError     **error)
{
  static const char *const yes[] = { "2-1-2", "2-2-1", "2-2-2", "2-2-4", "2-3-1", "2-3-3", "2-4-1" };
  g_autofree char *checked = sonae_demo_date_days_ago (10);
  g_autofree char *sent = sonae_demo_date_days_ago (40);
  g_autofree char *returned = sonae_demo_date_days_ago (20);
  g_autofree char *network_target = sonae_demo_date_days_ago (-60);
  g_autofree char *usb_target = sonae_demo_date_days_ago (-90);
  g_autoptr(SonaeMhlwVendor) emr = NULL;
  g_autoptr(SonaeMhlwVendor) network = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (!sonae_mhlw_set_answer (store, yes[i], SONAE_BCP_YES, checked, NULL, 0, error))
      return FALSE;
  if (!sonae_mhlw_set_answer (store, "2-4-2", SONAE_BCP_NO, checked, network_target,
                              sonae_demo_id (ids, "it"), error) ||
      !sonae_mhlw_set_note (store, "2-4-2", "VPN の接続元制限を、しおかぜネットサービスの次回点検で設定してもらう。", error) ||
      !sonae_mhlw_set_answer (store, "r7-2", SONAE_BCP_NO, checked, usb_target, sonae_demo_id (ids, "manager"), error))
    return FALSE;

  emr = sonae_mhlw_get_vendor (store, sonae_demo_id (ids, "emr-vendor"), error);
  if (emr == NULL)
    return FALSE;
  emr->list_sent_on = g_strdup (sent);
  emr->list_returned_on = g_strdup (returned);
  emr->all_yes = SONAE_BCP_YES;
  emr->answers_note = g_strdup ("すべて「はい」。リモート保守は VPN 経由で、接続のたびに院内の許可を取る。");
  emr->mds_received_on = g_strdup (returned);
  network = sonae_mhlw_get_vendor (store, sonae_demo_id (ids, "network-vendor"), error);
  if (network == NULL)
    return FALSE;
  network->list_sent_on = g_strdup (sent);
  if (!sonae_mhlw_save_vendor (store, emr, error) || !sonae_mhlw_save_vendor (store, network, error))
    return FALSE;

  /* The electronic records' engineer is a second contact of the same
   * company: its list goes to the support centre. */
  {
    g_autoptr(GPtrArray) vendors = sonae_mhlw_list_vendors (store, error);

    if (vendors == NULL)
      return FALSE;
    for (guint i = 0; i < vendors->len; i++)
      {
        SonaeMhlwVendor *v = g_ptr_array_index (vendors, i);

        if (g_strcmp0 (v->name, "木村 拓也") != 0)
          continue;
        v->concerned = FALSE;
        if (!sonae_mhlw_save_vendor (store, v, error))
          return FALSE;
      }
  }
  return TRUE;
}

gboolean
sonae_demo_fill_clinic (SonaeStore  *store,
                        GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 drill_id = 0;

  if (!sonae_demo_set_profile (store, CLINIC, SONAE_ORG_CLINIC, "徳島県みどり台市中央町1-2-3（架空）",
                               "088-000-1100", error) ||
      !sonae_demo_add_contacts (store, demo_contacts, G_N_ELEMENTS (demo_contacts),
                                "平日 9:00–18:00",
                                "時間外は保守契約の緊急窓口へ（契約番号を伝える）。",
                                ids, error) ||
      !sonae_demo_set_roles (store, demo_roles, G_N_ELEMENTS (demo_roles), ids, error))
    return FALSE;

  /* The clinic has made the manual its own: a step of its own, and a review. */
  {
    g_autofree char *reviewed = sonae_demo_date_days_ago (200);

    if (!sonae_manual_edits_add_step (store, "malware-staff",
                                      "電子カルテに関わる端末なら、みどりメディカルシステム サポートセンター（0120-000-201、契約番号 MMS-2021-0457）にも連絡する。",
                                      SONAE_ROLE_SYSADMIN, 2, "佐藤 由美", NULL, error) ||
        !sonae_manual_edits_mark_reviewed (store, reviewed, "佐藤 由美", error))
      return FALSE;
  }

  /* A past drill, with part of the checklist done. */
  if (!add_drill (store, ids, &drill_id, error))
    return FALSE;

  /* The business-continuity plan, with the drill's record. */
  if (!add_bcp (store, ids, drill_id, error))
    return FALSE;

  /* The MHLW checklist the health centre will look at. */
  if (!add_mhlw (store, ids, error))
    return FALSE;

  return TRUE;
}
