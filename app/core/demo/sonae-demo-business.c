/* sonae-demo-business.c: 株式会社ひばり野工務店, a small building firm that
 * does not exist: twelve people, an office, building sites, customers'
 * drawings and contracts on a NAS. Names, numbers and addresses are
 * invented; e-mail addresses use the reserved .example domain. Nothing in
 * it is about patients or care: it is what a newcomer from a business
 * sees with `sonae --demo --kind business`. */
#include "config.h"

#include "sonae-bcp.h"
#include "sonae-capa.h"
#include "sonae-checklist.h"
#include "sonae-contacts.h"
#include "sonae-demo-private.h"
#include "sonae-manual-view.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-edits.h"
#include "sonae-manual.h"
#include "sonae-report-form.h"
#include "sonae-timeline.h"

#define FIRM "株式会社ひばり野工務店"
#define MAIL(name) name "@hibarino-koumuten.example"

static const SonaeDemoContact demo_contacts[] = {
  { "president", SONAE_GROUP_STAFF, "森田 幸雄", "もりた ゆきお", FIRM, "役員", "代表取締役",
    "090-0000-3101", "088-000-3100", MAIL ("morita"), NULL, NULL, 40 },
  { "vice", SONAE_GROUP_STAFF, "森田 久美子", "もりた くみこ", FIRM, "役員", "専務取締役",
    "090-0000-3102", NULL, MAIL ("kumiko"), NULL, NULL, 40 },
  { "manager", SONAE_GROUP_STAFF, "岡本 直樹", "おかもと なおき", FIRM, "総務部", "総務部長",
    "090-0000-3103", "088-000-3101", MAIL ("okamoto"), NULL, NULL, 12 },
  { "works", SONAE_GROUP_STAFF, "村上 健二", "むらかみ けんじ", FIRM, "工事部", "工事部長",
    "090-0000-3104", NULL, MAIL ("murakami"), NULL, NULL, 12 },
  { "it", SONAE_GROUP_STAFF, "石川 亮", "いしかわ りょう", FIRM, "総務部", "情報システム担当",
    "090-0000-3105", "088-000-3102", MAIL ("ishikawa"), NULL, NULL, 5 },
  { "sales", SONAE_GROUP_STAFF, "前田 彩", "まえだ あや", FIRM, "営業部", "主任",
    "090-0000-3106", NULL, MAIL ("maeda"), NULL, NULL, 5 },
  { "general", SONAE_GROUP_STAFF, "長谷川 真由美", "はせがわ まゆみ", FIRM, "総務部", "総務・広報担当",
    "090-0000-3107", NULL, MAIL ("hasegawa"), NULL, NULL, 90 },
  { NULL, SONAE_GROUP_STAFF, "藤井 拓海", "ふじい たくみ", FIRM, "営業部", "営業",
    "090-0000-3108", NULL, MAIL ("fujii"), NULL, NULL, 90 },
  { NULL, SONAE_GROUP_STAFF, "清水 恵", "しみず めぐみ", FIRM, "設計部", "設計士",
    "090-0000-3109", NULL, MAIL ("shimizu"), NULL, NULL, 90 },
  { "site", SONAE_GROUP_STAFF, "山口 大樹", "やまぐち だいき", FIRM, "工事部", "現場監督",
    "090-0000-3110", NULL, NULL, NULL, NULL, 150 },
  { NULL, SONAE_GROUP_STAFF, "西村 翔", "にしむら しょう", FIRM, "工事部", "大工",
    "090-0000-3111", NULL, NULL, NULL, NULL, 150 },
  { NULL, SONAE_GROUP_STAFF, "池田 由紀", "いけだ ゆき", FIRM, "総務部", "経理",
    "090-0000-3112", NULL, NULL, NULL, NULL, -1 },

  { "system-vendor", SONAE_GROUP_VENDOR, "ひなたソフト サポートデスク", "ひなたそふと",
    "株式会社ひなたソフト", "サポートデスク", NULL,
    NULL, "0120-000-601", "support@hinata-soft.example", "顧客・工事管理システム", "HNT-2022-0318", 30 },
  { NULL, SONAE_GROUP_VENDOR, "大西 亮介", "おおにし りょうすけ",
    "株式会社ひなたソフト", "徳島営業所", "担当SE",
    "090-0000-4602", "088-000-4601", "onishi@hinata-soft.example", "顧客・工事管理システム", "HNT-2022-0318", 30 },
  { "network-vendor", SONAE_GROUP_VENDOR, "うずしおネット 保守センター", "うずしおねっと",
    "うずしおネット株式会社", "保守センター", NULL,
    "090-0000-4701", "088-000-4700", "noc@uzushio-net.example", "社内ネットワーク・VPN・UTM", "UZN-M-1204", 60 },
  { "pc-vendor", SONAE_GROUP_VENDOR, "こまちPCサービス", "こまちぴーしーさーびす",
    "有限会社こまちPCサービス", NULL, NULL,
    "090-0000-4801", "088-000-4800", "desk@komachi-pc.example", "パソコン・NAS・複合機", "KPC-0207", 60 },
  { "accounting-vendor", SONAE_GROUP_VENDOR, "ふたば会計クラウド サポート窓口", "ふたばかいけいくらうど",
    "ふたばクラウド株式会社", "カスタマーサポート", NULL,
    NULL, "0120-000-901", "support@futaba-cloud.example", "会計・給与クラウド", "FTB-88120", 120 },
  { "web-vendor", SONAE_GROUP_VENDOR, "つばめウェブ制作", "つばめうぇぶせいさく",
    "株式会社つばめウェブ制作", "制作部", NULL,
    NULL, "088-000-4900", "web@tsubame-web.example", "ホームページ・問い合わせフォーム", "TWB-3310", 250 },
};

static const SonaeDemoRole demo_roles[] = {
  { SONAE_ROLE_TOP, { "president", "vice", NULL } },
  { SONAE_ROLE_LEAD, { "manager", "works", NULL } },
  { SONAE_ROLE_FIRST, { "it", "sales", NULL } },
  { SONAE_ROLE_SYSADMIN, { "it", "network-vendor", "pc-vendor", NULL } },
  { SONAE_ROLE_PRIVACY, { "manager", "president", NULL } },
  { SONAE_ROLE_SECURITY, { "it", "manager", NULL } },
  { SONAE_ROLE_PRESS, { "general", "manager", NULL } },
};

/* ---- the drill ----------------------------------------------------------- */

/* One field of the drill's report, by the general manager. */
static gboolean
report (SonaeStore  *store,
        gint64       id,
        const char  *key,
        const char  *value,
        GError     **error)
{
  return sonae_report_save_field (store, id, key, value, "岡本 直樹", error);
}

/* A step of the drill's checklist (the manual's procedure for an outage at
 * level 2) ticked by @author. */
static gboolean
tick (SonaeStore      *store,
      SonaeChecklist  *checklist,
      gint64           id,
      const char      *step_id,
      const char      *author,
      GError         **error)
{
  g_assert (sonae_checklist_get_step (checklist, step_id) != NULL);
  return sonae_incidents_check_step (store, id, step_id, TRUE, author, NULL, error);
}

/* Day @d's @time ("HH:MM"), in the demo's clock format. */
static char *
at_time (const char *d,
         const char *time)
{
  return g_strdup_printf ("%s %s", d, time);
}

/* An outage drill held some weeks ago: the firewall (UTM) fails one
 * morning, the office loses the network and the internet, and work goes
 * on by phone while the maintenance company brings a spare. Recorded with
 * the times of the day: part of the checklist done, calls (one not
 * answered), notes, one entered later from the paper log, one correction;
 * a corrective and a preventive action done in the weeks after. */
static gboolean
add_drill (SonaeStore  *store,
           GHashTable  *ids,
           gint64      *out_id,
           GError     **error)
{
  g_autofree char *day = sonae_demo_date_days_ago (64);
  g_autofree char *d10 = sonae_demo_date_days_ago (54);
  g_autofree char *d28 = sonae_demo_date_days_ago (36);
  g_autofree char *d30 = sonae_demo_date_days_ago (34);
  g_autoptr(SonaeIncident) drill = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  const char *maeda = "前田 彩";
  const char *ishikawa = "石川 亮";
  const char *okamoto = "岡本 直樹";
  gint64 it_id = sonae_demo_id (ids, "it");
  gint64 vendor_id = sonae_demo_id (ids, "network-vendor");
  gint64 manager_id = sonae_demo_id (ids, "manager");
  gint64 site_id = sonae_demo_id (ids, "site");
  gint64 corrected_id = 0, corrective_id = 0, preventive_id = 0;
  gint64 id;
  gboolean ok;

  g_autofree char *t0902 = at_time (day, "09:02");
  g_autofree char *t0904 = at_time (day, "09:04");
  g_autofree char *t0906 = at_time (day, "09:06");
  g_autofree char *t0908 = at_time (day, "09:08");
  g_autofree char *t0910 = at_time (day, "09:10");
  g_autofree char *t0912 = at_time (day, "09:12");
  g_autofree char *t0915 = at_time (day, "09:15");
  g_autofree char *t0918 = at_time (day, "09:18");
  g_autofree char *t0925 = at_time (day, "09:25");
  g_autofree char *t0935 = at_time (day, "09:35");
  g_autofree char *t0940 = at_time (day, "09:40");
  g_autofree char *t1000 = at_time (day, "10:00");
  g_autofree char *t1030 = at_time (day, "10:30");
  g_autofree char *t1050 = at_time (day, "10:50");
  g_autofree char *t1110 = at_time (day, "11:10");
  g_autofree char *t1115 = at_time (day, "11:15");
  g_autofree char *t1130 = at_time (day, "11:30");
  g_autofree char *t1140 = at_time (day, "11:40");
  g_autofree char *t10 = at_time (d10, "16:00");
  g_autofree char *t28 = at_time (d28, "17:00");
  g_autofree char *t28close = at_time (d28, "17:10");

  manual = sonae_manual_get_bundled (error);
  if (manual == NULL)
    return FALSE;
  /* The view sets the organisation's responders on its manual: its own
   * copy, not the shared bundled one. */
  view = sonae_manual_view_new (store, NULL, error);
  if (view == NULL)
    return FALSE;
  checklist = sonae_checklist_for_incident (view, SONAE_ORG_BUSINESS, SONAE_INCIDENT_TAMPER, 2, error);
  if (checklist == NULL)
    return FALSE;

  drill->title = g_strdup ("訓練：UTMの故障で社内ネットワークが止まる");
  drill->drill = TRUE;
  drill->detected_at = g_strdup (t0902);
  drill->found_by = g_strdup ("前田 彩（営業部）");
  drill->location = g_strdup ("本社事務所 2階 ネットワーク機器の棚");
  drill->system = g_strdup ("社内ネットワーク・VPN・UTM");
  drill->answers.seen = SONAE_SEEN_SYSTEM_DOWN;
  drill->answers.personal_data = SONAE_ANSWER_NO;
  drill->answers.impact = SONAE_IMPACT_BUSINESS;
  proposal = sonae_triage_propose (&drill->answers, SONAE_ORG_BUSINESS);
  drill->type = SONAE_INCIDENT_TAMPER;
  drill->level = 2;
  drill->event = SONAE_EVENT_UNAVAILABLE;

  sonae_demo_at (t0904);
  ok = sonae_incidents_create (store, drill, proposal, maeda, error);
  id = drill->id;
  ok = ok && sonae_demo_at (t0906) && sonae_incidents_log_call (store, id, it_id, SONAE_ROLE_FIRST, SONAE_CALL_NO_ANSWER, maeda, NULL, error);
  ok = ok && sonae_demo_at (t0908) && sonae_incidents_log_call (store, id, vendor_id, SONAE_ROLE_SYSADMIN, SONAE_CALL_REACHED, maeda, NULL, error);
  ok = ok && sonae_demo_at (t0910) && sonae_incidents_log_call (store, id, manager_id, SONAE_ROLE_LEAD, SONAE_CALL_REACHED, maeda, NULL, error);
  ok = ok && tick (store, checklist, id, "tamper-2-report", maeda, error);
  ok = ok && sonae_demo_at (t0912) && sonae_incidents_add_note (store, id,
                                                               "どのパソコンからも、インターネット、メール、NAS、顧客・工事管理システムにつながらない。UTMのランプが赤く点灯している（訓練用の表示）。",
                                                               maeda, NULL, error);
  ok = ok && sonae_demo_at (t0915) && sonae_incidents_log_call (store, id, it_id, SONAE_ROLE_SYSADMIN, SONAE_CALL_REACHED, maeda, NULL, error);
  ok = ok && sonae_demo_at (t0925) && tick (store, checklist, id, "tamper-2-first-aid", ishikawa, error);
  ok = ok && sonae_incidents_add_note (store, id,
                                       "UTMを再起動しても戻らず、故障と判断した。保守センターが代わりの機器を持ってくる。",
                                       ishikawa, NULL, error);
  ok = ok && sonae_demo_at (t0935) && sonae_incidents_add_note (store, id,
                                                               "現場の3班にスマートフォンで連絡した。",
                                                               okamoto, NULL, error);
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

          if (e->kind == SONAE_ENTRY_NOTE && g_str_has_prefix (e->text, "現場の3班"))
            corrected_id = e->id;
        }
      g_assert (corrected_id != 0);
    }
  /* The general manager told the president by phone, wrote it on the
   * paper log and entered it later with the time written there. */
  ok = ok && sonae_demo_at (t0940) && sonae_incidents_add_note (store, id,
                                                               "総務部長から代表取締役へ電話で報告。代表取締役より、午前中はスマートフォンで客先と現場への連絡を続けるよう指示。",
                                                               okamoto, t0918, error);
  ok = ok && tick (store, checklist, id, "tamper-2-inform", okamoto, error);
  ok = ok && sonae_demo_at (t1000) && sonae_incidents_set_status (store, id, SONAE_STATUS_CONTAINED, ishikawa, NULL, error);
  ok = ok && sonae_demo_at (t1030) && sonae_incidents_log_call (store, id, site_id, SONAE_ROLE_LEAD, SONAE_CALL_REACHED, okamoto, NULL, error);
  ok = ok && sonae_demo_at (t1050) && sonae_incidents_add_note (store, id,
                                                               "保守センターが代わりのUTMを持ってきて、預けてあった設定を入れた。設定が半年前のもので、VPNの設定は手で直した。",
                                                               ishikawa, NULL, error);
  ok = ok && sonae_demo_at (t1110) && tick (store, checklist, id, "tamper-2-equipment", ishikawa, error);
  ok = ok && sonae_demo_at (t1115) && sonae_incidents_set_status (store, id, SONAE_STATUS_RECOVERING, ishikawa, NULL, error);
  ok = ok && sonae_demo_at (t1130) && sonae_incidents_correct_entry (store, id, corrected_id,
                                                                    "連絡がついたのは2班だけだった。山口班は地下の現場で電話がつながらず、10:30 に連絡がついた（次の訓練で現場事務所の固定電話も試す）。",
                                                                    okamoto, error);
  /* What the drill leads to, decided at its debrief and followed to the
   * end: the drill is closed once none is open. */
  ok = ok && sonae_demo_at (t1140) && sonae_demo_add_action (store, id, SONAE_CAPA_CORRECTIVE,
                                                            "UTMの設定を変えるたびに、保守センターから設定の控えを受け取り、NASと金庫に保管する",
                                                            it_id, d10, okamoto, &corrective_id, error);
  ok = ok && sonae_demo_add_action (store, id, SONAE_CAPA_PREVENTIVE,
                                    "回線の契約番号と保守センターの電話番号を障害時カードに書き、各部署に貼る",
                                    manager_id, d30, okamoto, &preventive_id, error);
  ok = ok && sonae_demo_at (t10) && sonae_capa_complete (store, corrective_id, d10, ishikawa, "森田 幸雄", ishikawa, error);
  ok = ok && sonae_demo_at (t28) && sonae_capa_complete (store, preventive_id, d28, okamoto, "森田 幸雄", okamoto, error);
  /* The report, written at the debrief and signed when the drill closed. */
  ok = ok && sonae_demo_at (t1140) && report (store, id, SONAE_REPORT_DEPARTMENT, "営業部", error);
  ok = ok && report (store, id, SONAE_REPORT_STOP_TIME, "2:10", error);
  ok = ok && report (store, id, SONAE_REPORT_HANDLING, "continued", error);
  ok = ok && report (store, id, SONAE_REPORT_CAUSE_TYPE, "equipment-failure", error);
  ok = ok && report (store, id, SONAE_REPORT_CAUSE,
                     "UTM（ファイアウォール）の故障（訓練の想定）。設定の控えが半年前のものだった。", error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID,
                     "スマートフォンで客先と現場への連絡を続け、保守センターが代わりのUTMを設置した。", error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_RESULT,
                     "11:10 に代わりのUTMでネットワークとインターネットが戻った。VPNの設定は手で直した。", error);
  ok = ok && sonae_demo_at (t28close) && report (store, id, SONAE_REPORT_WRITTEN_ON, d28, error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_BY, "森田 幸雄", error);
  ok = ok && report (store, id, SONAE_REPORT_FIRST_AID_APPROVED_ON, d28, error);
  ok = ok && sonae_incidents_set_status (store, id, SONAE_STATUS_CLOSED, okamoto, NULL, error);
  sonae_demo_at (NULL);
  *out_id = id;
  return ok;
}

/* ---- the business-continuity plan -------------------------------------- */

static const SonaeDemoEvent demo_events[] = {
  { "ランサムウェアでNASとパソコンが暗号化される",
    "図面、見積書、契約書、現場写真が開けず、顧客・工事管理システムも使えない。",
    "復旧まで3日から2週間。工事中の約20件は紙の控えと現場の図面で続け、新しい見積は手書きで出す。" },
  { "顧客・工事管理システムが止まる",
    "見積の作成、工程表、顧客台帳の参照、請求が止まる。",
    "半日から1日。毎週金曜に印刷する工程表の控えで現場を進め、見積は戻ってから作る。" },
  { "社内ネットワークとインターネットが止まる",
    "パソコンからNAS、顧客・工事管理システム、メール、会計クラウドに届かない。",
    "数時間から1日。スマートフォンで電話とメールを続け、保守センターに連絡する。" },
  { "停電",
    "パソコン、NAS、ネットワーク機器、複合機が止まる。",
    "数時間。NASのデータが壊れるおそれ。現場の作業は続ける。" },
  { "地震・台風・水害",
    "事務所、NAS、紙の書類が損なわれるおそれ。従業員が出社できないこともある。",
    "数日から数週間。災害時対応計画に従い、社外に保管したバックアップから戻す。" },
  { "保守会社に連絡がつかない",
    "ネットワークやパソコンを直す人がいない。止まっている時間が長くなる。",
    "夜間・休日で最大2日。緊急窓口と担当者の携帯番号を連絡網に載せておく。" },
  { "従業員同士で連絡がとれない",
    "事務所と現場で、何が起きたか、何をすべきかが伝わらず、判断が遅れる。",
    "半日。紙の連絡網と、現場事務所の固定電話の番号を用意しておく。" },
  { "ホームページが書き換えられる、または問い合わせフォームが止まる",
    "お客様からの問い合わせが届かない。偽の画面で個人情報を入力させられるおそれもある。",
    "数日。制作会社にページを止めてもらい、電話番号を掲示して問い合わせを受ける。" },
};

/* Not the home page and its inquiry form: the user adds that one. */
static const SonaeDemoSystem demo_systems[] = {
  { "顧客・工事管理システム", "見積、工程表、顧客台帳、請求", "system-vendor", "HNT-2022-0318", "it",
    1, 8, 24,
    "事務所のサーバーから外付けディスクへ毎晩コピーし、ひなたソフトのクラウドにも送る",
    "毎晩 21:00", 7, SONAE_BCP_YES,
    "外付けディスク2台を交互に使い、使っていない1台は総務部の金庫に保管。クラウドはひなたソフトのデータセンター。",
    150, 180,
    "毎週金曜に印刷する工程表と顧客一覧で仕事を進める。見積は紙の様式に手書きし、戻ってからシステムに入力する。",
    "総務部の棚の青いファイル（見積書と工程表の紙の様式、最新の工程表の控え）",
    "1. 画面を撮影し、LANケーブルを抜く（電源は切らない）。\n"
    "2. 情報システム担当 石川（090-0000-3105）に連絡する。\n"
    "3. 30分で戻らなければ、ひなたソフト サポートデスク（0120-000-601、契約番号 HNT-2022-0318）に連絡する。\n"
    "4. 見積と工程表は、青いファイルの紙の様式に切り替える。" },
  { "社内ネットワーク", "事務所のLAN、インターネット回線、現場からのVPN、UTM（ファイアウォール）",
    "network-vendor", "UZN-M-1204", "it",
    2, 4, -1,
    "UTMとルーターの設定を保守会社が預かる", "設定を変えるたび", 3, SONAE_BCP_YES,
    "うずしおネットの保守センター", -1, 0,
    "スマートフォンで電話とメールを続ける。NASとシステムは、戻るまで使わない。",
    "ネットワーク構成図と回線の契約番号は、総務部の棚のファイル「IT-BCP」",
    "1. UTMとルーターのランプを見て、電源が入っているか確かめる。\n"
    "2. 情報システム担当 石川に連絡する。\n"
    "3. 戻らなければ、うずしおネット 保守センター（088-000-4700、契約番号 UZN-M-1204）に連絡する。" },
  { "ファイルサーバー（NAS）", "図面、見積書、契約書、現場写真の保存", "pc-vendor", "KPC-0207", "it",
    3, 24, 24,
    "NAS内の二重化したディスクと、外付けディスクへの毎晩のコピー", "毎晩 22:00", 14, SONAE_BCP_YES,
    "外付けディスクは総務部の金庫。月に1回、もう1台を代表取締役の自宅に保管する。", 400, 365,
    "現場には印刷した図面で進めてもらう。急ぎの図面は、設計士のノートパソコンにある控えを使う。",
    "設計部の図面棚",
    "1. NASのランプと画面を見る。脅迫文が出ていたらLANケーブルを抜く（電源は切らない）。\n"
    "2. 情報システム担当 石川に連絡する。\n"
    "3. こまちPCサービス（088-000-4800）に連絡する。" },
  { "会計・給与ソフト", "経理、給与計算、請求書の発行（クラウドサービス）", "accounting-vendor", "FTB-88120", "manager",
    4, 72, 24,
    "クラウドの事業者が毎日バックアップをとる。月末に帳簿と給与のデータを書き出してNASに保存する",
    "毎日（事業者）、毎月末（書き出し）", 12, SONAE_BCP_NO,
    "ふたばクラウドのデータセンターと、事務所のNAS", -1, 0,
    "急ぎの支払いはネットバンキングか銀行の窓口で行う。請求書は紙の様式で出す。",
    "経理の机の引き出し（請求書の紙の様式）",
    "1. ふたば会計クラウドの障害情報のページを、スマートフォンで確かめる。\n"
    "2. 経理から総務部長 岡本に知らせる。\n"
    "3. 続くようなら、ふたば会計クラウド サポート窓口（0120-000-901）に連絡する。" },
};

static gboolean
add_bcp (SonaeStore  *store,
         GHashTable  *ids,
         gint64       drill_incident_id,
         GError     **error)
{
  static const char *const texts[SONAE_BCP_N_TEXTS] = {
    "当社は、ITが使えない間もお客様との約束（工期と、問い合わせへの返事）を守る。見積と工程は紙の控えと電話で続け、"
    "現場は印刷した最新の図面で進める。お客様の個人情報は、紙になっても鍵のかかる棚で管理する。",
    "当社の災害時対応計画（地震・台風・停電）と同じ体制で動く。代表取締役が本部長、総務部長が事務局を務める。"
    "連絡網と集合の基準は災害時対応計画のものを使い、IT特有のこと（保守会社への連絡、バックアップからの復元）をこの計画で補う。",
    "毎年5月に全従業員で、障害時カードの使い方と、紙の見積書・工程表への切り替えを確かめる。"
    "新しく入った従業員には、最初の1か月のうちに同じ内容を説明する。年に1回、ネットワークやシステムが止まったと想定した訓練を行う。",
    "毎年5月と訓練のあとに、総務部長と情報システム担当で計画を読み直し、連絡先・システム一覧・バックアップの状況を更新する。"
    "変えたところは代表取締役が確認する。",
  };
  /* The self-check: every question answered, two いいえ. */
  static const char *const no[] = { "restore-procedure", "training", NULL };
  static const int no_target_days_ago[] = { 10, -45 };
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
      !sonae_bcp_set_decider (store, SONAE_BCP_DECIDE_RETURN, SONAE_ROLE_LEAD, error) ||
      !sonae_demo_add_events (store, demo_events, G_N_ELEMENTS (demo_events), error) ||
      !sonae_demo_add_systems (store, demo_systems, G_N_ELEMENTS (demo_systems), ids, error))
    return FALSE;

  /* The risk register: five risks, levels high to low, one accepted. */
  if (!sonae_demo_add_risk (store, "ランサムウェアでNASとパソコンが暗号化され、図面や契約書が開けなくなる（不審なメールの添付ファイル、VPN機器の脆弱性）",
                            2, 3, SONAE_RISK_REDUCE,
                            "ネットワークから外したバックアップ、マクロの禁止、UTMとVPN機器の更新を保守契約に入れる、従業員の研修。",
                            it_id, NULL, 0, -90, NULL, error) ||
      !sonae_demo_add_risk (store, "従業員がお客様の図面や契約書をUSBメモリで持ち出し、なくす",
                            3, 2, SONAE_RISK_AVOID,
                            "USBメモリの使用をやめ、現場へは閲覧だけのタブレットで図面を持っていく。",
                            it_id, NULL, 0, -120, NULL, error) ||
      !sonae_demo_add_risk (store, "停電でNASが急に止まり、データが壊れる",
                            2, 2, SONAE_RISK_REDUCE,
                            "NASに無停電電源装置（UPS）を付け、停電時の手順を決める。",
                            manager_id, NULL, 0, 15, &power_risk, error) ||
      !sonae_demo_add_risk (store, "顧客・工事管理システムの提供会社が事業をやめ、保守が受けられなくなる",
                            1, 3, SONAE_RISK_TRANSFER,
                            "契約にデータの引き渡し形式を書き入れ、CSVで書き出せることを確かめておく。",
                            manager_id, NULL, 0, -200, NULL, error) ||
      !sonae_demo_add_risk (store, "打ち合わせコーナーの来客用Wi-Fiが止まる",
                            2, 1, SONAE_RISK_ACCEPT,
                            "仕事には関わらないため、止まっても復旧を急がない。打ち合わせコーナーに掲示でお知らせする。",
                            0, "森田 幸雄", 200, -165, NULL, error))
    return FALSE;

  /* Prevention measures: two done, one overdue, one ahead. */
  if (!sonae_demo_add_measure (store, "外付けディスクを2台にして、1台は常にネットワークから外して金庫に保管する",
                               it_id, 150, 160, 0, 0, error) ||
      !sonae_demo_add_measure (store, "見積書と工程表の紙の様式を印刷し、総務部の青いファイルに入れる",
                               manager_id, 120, 125, 0, 0, error) ||
      !sonae_demo_add_measure (store, "社内ネットワークの構成図を保守会社と作る",
                               it_id, 10, -1, 0, 0, error) ||
      !sonae_demo_add_measure (store, "NASに無停電電源装置（UPS）を付ける",
                               manager_id, -60, -1, 0, power_risk, error))
    return FALSE;

  /* The drill of 64 days ago, with what it found. */
  drill->held_on = sonae_demo_date_days_ago (64);
  drill->scenario = g_strdup ("UTMの故障で社内ネットワークとインターネットが止まったと想定し、連絡網での連絡、スマートフォンでの客先対応、保守会社による機器の交換を練習した。");
  drill->participants = g_strdup ("代表取締役 森田、総務部長 岡本、工事部長 村上、情報システム担当 石川、営業部 前田・藤井、現場の3班");
  drill->findings = g_strdup ("良かった点：6分で保守センターに連絡がつき、2時間で代わりの機器に切り替えられた。\n"
                              "課題：UTMの設定の控えが半年前のもので、VPNを手で直した。地下の現場の班に連絡がつかなかった。");
  drill->incident_id = drill_incident_id;
  if (!sonae_bcp_save_drill (store, drill, error) ||
      !sonae_demo_add_measure (store, "UTMの設定の控えを受け取る手順を保守契約に書き入れる",
                               it_id, -20, -1, drill->id, 0, error) ||
      !sonae_demo_add_measure (store, "現場の班の連絡先に現場事務所の固定電話を加え、連絡網を印刷し直す",
                               sonae_demo_id (ids, "general"), 50, 45, drill->id, 0, error))
    return FALSE;

  if (!sonae_demo_answer_checks (store, no, no_target_days_ago, no_owners, ids, error))
    return FALSE;

  return sonae_bcp_mark_reviewed (store, review_day, "岡本 直樹", error);
}

gboolean
sonae_demo_fill_business (SonaeStore  *store,
                          GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *reviewed = sonae_demo_date_days_ago (200);
  gint64 drill_id = 0;

  if (!sonae_demo_set_profile (store, FIRM, SONAE_ORG_BUSINESS, "徳島県みどり台市港町4-5-6（架空）",
                               "088-000-3100", error) ||
      !sonae_demo_add_contacts (store, demo_contacts, G_N_ELEMENTS (demo_contacts),
                                "平日 9:00–18:00",
                                "時間外は保守契約の緊急窓口へ（契約番号を伝える）。",
                                ids, error) ||
      !sonae_demo_set_roles (store, demo_roles, G_N_ELEMENTS (demo_roles), ids, error))
    return FALSE;

  /* The firm has made the manual its own: a step of its own in the outage
   * procedure, and a review. */
  if (!sonae_manual_edits_add_step (store, "tamper-2",
                                    "ネットワークが止まったら、UTMとルーターのランプを確かめてから、うずしおネット 保守センター（088-000-4700、契約番号 UZN-M-1204）に連絡する。",
                                    SONAE_ROLE_SYSADMIN, 2, "岡本 直樹", NULL, error) ||
      !sonae_manual_edits_mark_reviewed (store, reviewed, "岡本 直樹", error))
    return FALSE;

  return add_drill (store, ids, &drill_id, error) &&
         add_bcp (store, ids, drill_id, error);
}
