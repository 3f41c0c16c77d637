/* bench-make-db: a big, lived-in data folder for the benchmarks, made
 * through core's functions only, the calls the window makes: contacts with
 * Japanese names and readings, the people who hold the response roles,
 * vendors and authorities; incidents of every type and level, open and
 * closed, some of them drills, each with its timeline of notes, calls,
 * checked steps and status changes, a few corrective actions and, where
 * personal data is involved, the PPC's assessment. The data is the same on
 * every run (a fixed seed); only the dates follow today.
 *
 *   bench-make-db DIR [--demo] [--contacts N] [--incidents M] [--entries K]
 *
 * --demo puts the fictional clinic of `sonae --demo` in first (DIR must then
 * be empty); without it the organisation is a clinic of its own. K is the
 * number of timeline entries an incident gets with its opening entry; its
 * actions and reports add theirs. Prints what it made. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sonae-capa.h"
#include "sonae-checklist.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"
#include "sonae-role.h"
#include "sonae-store.h"
#include "sonae-timeline.h"

/* Rows a transaction: large enough for speed, small enough for memory. */
#define CONTACTS_A_BATCH 500
#define INCIDENTS_A_BATCH 20

typedef struct {
  const char *kanji;
  const char *kana;
  const char *romaji;
} Name;

static const Name family_names[] = {
  { "佐藤", "さとう", "sato" }, { "鈴木", "すずき", "suzuki" }, { "高橋", "たかはし", "takahashi" },
  { "田中", "たなか", "tanaka" }, { "伊藤", "いとう", "ito" }, { "渡辺", "わたなべ", "watanabe" },
  { "山本", "やまもと", "yamamoto" }, { "中村", "なかむら", "nakamura" }, { "小林", "こばやし", "kobayashi" },
  { "加藤", "かとう", "kato" }, { "吉田", "よしだ", "yoshida" }, { "山田", "やまだ", "yamada" },
  { "佐々木", "ささき", "sasaki" }, { "山口", "やまぐち", "yamaguchi" }, { "松本", "まつもと", "matsumoto" },
  { "井上", "いのうえ", "inoue" }, { "木村", "きむら", "kimura" }, { "林", "はやし", "hayashi" },
  { "斎藤", "さいとう", "saito" }, { "清水", "しみず", "shimizu" }, { "山崎", "やまざき", "yamazaki" },
  { "森", "もり", "mori" }, { "池田", "いけだ", "ikeda" }, { "橋本", "はしもと", "hashimoto" },
  { "阿部", "あべ", "abe" }, { "石川", "いしかわ", "ishikawa" }, { "山下", "やました", "yamashita" },
  { "中島", "なかじま", "nakajima" }, { "石井", "いしい", "ishii" }, { "小川", "おがわ", "ogawa" },
};

static const Name given_names[] = {
  { "太郎", "たろう", "taro" }, { "花子", "はなこ", "hanako" }, { "一郎", "いちろう", "ichiro" },
  { "美咲", "みさき", "misaki" }, { "健一", "けんいち", "kenichi" }, { "由美", "ゆみ", "yumi" },
  { "翔太", "しょうた", "shota" }, { "恵子", "けいこ", "keiko" }, { "大輔", "だいすけ", "daisuke" },
  { "舞", "まい", "mai" }, { "誠", "まこと", "makoto" }, { "直子", "なおこ", "naoko" },
  { "拓也", "たくや", "takuya" }, { "陽子", "ようこ", "yoko" }, { "浩二", "こうじ", "koji" },
  { "亜紀", "あき", "aki" }, { "隆", "たかし", "takashi" }, { "さやか", "さやか", "sayaka" },
  { "和也", "かずや", "kazuya" }, { "明日香", "あすか", "asuka" }, { "雄一", "ゆういち", "yuichi" },
  { "優子", "ゆうこ", "yuko" }, { "剛", "つよし", "tsuyoshi" }, { "真由美", "まゆみ", "mayumi" },
  { "悠斗", "ゆうと", "yuto" }, { "愛", "あい", "ai" }, { "修", "おさむ", "osamu" },
  { "千尋", "ちひろ", "chihiro" }, { "蓮", "れん", "ren" }, { "結衣", "ゆい", "yui" },
};

static const struct {
  const char *department;
  const char *titles[3];
} departments[] = {
  { "診療部", { "医師", "医師", "副院長" } },
  { "看護部", { "看護師", "看護師", "看護師長" } },
  { "看護部", { "准看護師", "看護師", "主任看護師" } },
  { "事務部", { "事務員", "総務担当", "経理" } },
  { "医事課", { "受付", "医療事務", "主任" } },
  { "検査部", { "臨床検査技師", "臨床検査技師", "技師長" } },
  { "放射線部", { "診療放射線技師", "診療放射線技師", "技師長" } },
  { "薬剤部", { "薬剤師", "薬剤師", "薬局長" } },
  { "リハビリテーション科", { "理学療法士", "作業療法士", "言語聴覚士" } },
  { "情報システム室", { "システム担当", "システム担当", "室長" } },
};

static const struct {
  const char *name;
  const char *reading;
  const char *domain;
  const char *system;
} vendors[] = {
  { "株式会社さくらメディカル", "さくらめでぃかる", "sakura-medical", "電子カルテ" },
  { "あさひ医療情報システム株式会社", "あさひいりょうじょうほうしすてむ", "asahi-mis", "オーダリングシステム" },
  { "有限会社みなとネットワーク", "みなとねっとわーく", "minato-net", "院内ネットワーク・VPN" },
  { "株式会社ひまわり検査システム", "ひまわりけんさしすてむ", "himawari-lab", "臨床検査システム" },
  { "つばさ薬局システム株式会社", "つばさやっきょくしすてむ", "tsubasa-rx", "調剤システム" },
  { "株式会社かもめ画像", "かもめがぞう", "kamome-pacs", "画像管理システム（PACS）" },
  { "やまびこクラウド株式会社", "やまびこくらうど", "yamabiko-cloud", "バックアップ・クラウド" },
  { "株式会社こだまOA", "こだまおーえー", "kodama-oa", "複合機・プリンター" },
  { "しらさぎ医事システム株式会社", "しらさぎいじしすてむ", "shirasagi-iji", "レセプトコンピュータ" },
  { "株式会社はやぶさセキュリティ", "はやぶさせきゅりてぃ", "hayabusa-sec", "ウイルス対策・UTM" },
};

static const Name places[] = {
  { "みどり台", "みどりだい", NULL }, { "港", "みなと", NULL }, { "桜川", "さくらがわ", NULL },
  { "青葉", "あおば", NULL }, { "東町", "ひがしまち", NULL }, { "北浜", "きたはま", NULL },
};

static const Name authorities[] = {
  { "警察署 生活安全課", "けいさつしょ", NULL },
  { "保健所", "ほけんじょ", NULL },
  { "市医師会", "しいしかい", NULL },
  { "消防署", "しょうぼうしょ", NULL },
  { "市役所 健康福祉課", "しやくしょ", NULL },
};

static const char *notes[] = {
  "画面に見慣れない表示。電源は入れたまま、LANケーブルを抜いた。",
  "受付の端末2台で同じ症状がないことを確認した。",
  "ベンダーの保守窓口に連絡。折り返しを待つ。",
  "院長に口頭で報告。紙運用への切り替えを指示された。",
  "電子カルテの参照のみ可能。入力は紙カルテで行う。",
  "ウイルス対策ソフトのログを保存し、USBメモリに退避した。",
  "患者さんへの説明文を受付に掲示した。",
  "ファイアウォールのログで不審な通信先を確認中。",
  "バックアップの最終取得日時を確認した（前日 22:00）。",
  "関係する職員から経緯を聞き取った。",
  "送信先に連絡し、誤って届いた書類の削除を依頼した。",
  "サーバー室の入退室記録を確認した。",
  "復旧手順の確認のため、ベンダーの担当SEが来院予定。",
  "午後の予約患者に電話で状況を連絡した。",
  "パスワードを変更し、該当アカウントを一時停止した。",
};

static const char *corrections[] = {
  "確認した端末は3台（受付2台と会計）。処置室の端末は未確認だった。",
  "時刻の記載誤り。正しくは10分後。",
  "連絡したのは保守窓口ではなく担当SEの携帯。",
};

static const char *titles_by_type[SONAE_N_INCIDENT_KINDS][5] = {
  [SONAE_INCIDENT_LEAK] = { "患者情報を含むFAXの誤送信", "USBメモリの紛失", "紹介状の誤送付",
                            "メールの宛先間違い（患者情報）", "ノートPCの置き忘れ" },
  [SONAE_INCIDENT_TAMPER] = { "電子カルテサーバーの停止", "院内ネットワークの障害", "レセコンのデータ破損",
                              "ホームページの改ざん", "予約システムに接続できない" },
  [SONAE_INCIDENT_MALWARE] = { "受付PCのランサムウェア感染", "不審メールの添付ファイルを開いた",
                               "ウイルス対策ソフトが検知", "Emotet感染の疑い", "USBメモリ経由のマルウェア検知" },
  [SONAE_INCIDENT_OTHER] = { "不審な電話による問い合わせ", "停電によるシステム停止", "アカウントのロックが多発",
                             "サーバー室の空調故障", "委託先からの障害連絡" },
};

static const char *networks[] = { "medical", "office", "information", "standalone" };

static const char *actions_text[SONAE_N_CAPA_KINDS] = {
  "影響を受けた端末を初期化し、バックアップから復元する",
  "マクロの実行を既定で禁止し、全端末で設定を確認する",
  "全職員に不審メールの見分け方と初動の手順を研修する",
};

typedef struct {
  SonaeStore *store;
  GRand *rand;
  SonaeChecklist *checklist;
  GPtrArray *step_ids;       /* of const char *, owned by the checklist */
  GArray *staff_ids;         /* gint64 */
  guint first_new_staff;     /* staff_ids from here on were added here */
  GArray *vendor_ids;
  GDateTime *now;            /* the real time, when the program started */
  const char *author;

  guint contacts, staff, vendor_contacts, authority_contacts;
  guint verified_recently, verified_stale, never_verified;
  guint role_holders;
  guint incidents, open, closed, drills;
  guint actions, actions_open;
  guint ppc_assessments;
} Maker;

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-make-db: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static gconstpointer
pick (Maker         *m,
      gconstpointer  array,
      gsize          element_size,
      guint          n)
{
  return (const char *) array + element_size * (gsize) g_rand_int_range (m->rand, 0, (gint32) n);
}

#define PICK(m, array) ((__typeof__ (&(array)[0])) pick ((m), (array), sizeof ((array)[0]), G_N_ELEMENTS (array)))

static gboolean
chance (Maker *m,
        int    percent)
{
  return g_rand_int_range (m->rand, 0, 100) < percent;
}

static char *
days_ago (Maker *m,
          int    days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (m->now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Make the store's clock say @time, or the real time when @time is later. */
static void
clock_at (Maker     *m,
          GDateTime *time)
{
  g_autofree char *text = NULL;

  if (g_date_time_compare (time, m->now) > 0)
    time = m->now;
  text = g_date_time_format (time, "%Y-%m-%d %H:%M");
  sonae_clock_set_override (text);
}

/* ---- contacts ------------------------------------------------------------ */

static void
set_verified (Maker        *m,
              SonaeContact *c)
{
  int r = g_rand_int_range (m->rand, 0, 100);

  if (r < 20)
    {
      c->verified_on = days_ago (m, g_rand_int_range (m->rand, 1, SONAE_STALE_DAYS - 10));
      m->verified_recently++;
    }
  else if (r < 90)
    {
      c->verified_on = days_ago (m, g_rand_int_range (m->rand, SONAE_STALE_DAYS + 1, 1000));
      m->verified_stale++;
    }
  else
    m->never_verified++;
}

static char *
phone (Maker      *m,
       const char *prefix)
{
  return g_strdup_printf ("%s-%04d-%04d", prefix,
                          g_rand_int_range (m->rand, 0, 10000), g_rand_int_range (m->rand, 0, 10000));
}

static SonaeContact *
make_staff (Maker      *m,
            const char *organization,
            guint       i)
{
  SonaeContact *c = sonae_contact_new ();
  const Name *family = PICK (m, family_names);
  const Name *given = PICK (m, given_names);
  guint dept = g_rand_int_range (m->rand, 0, G_N_ELEMENTS (departments));
  g_autofree char *mobile = phone (m, chance (m, 50) ? "090" : "080");

  c->group = SONAE_GROUP_STAFF;
  c->name = g_strdup_printf ("%s %s", family->kanji, given->kanji);
  c->reading = g_strdup_printf ("%s %s", family->kana, given->kana);
  c->organization = g_strdup (organization);
  c->department = g_strdup (departments[dept].department);
  c->title = g_strdup (departments[dept].titles[g_rand_int_range (m->rand, 0, 3)]);
  sonae_contact_add_phone (c, "mobile", mobile);
  if (chance (m, 30))
    {
      g_autofree char *work = g_strdup_printf ("088-000-%04u", 1000 + i % 9000);
      sonae_contact_add_phone (c, "work", work);
    }
  if (chance (m, 70))
    {
      g_autofree char *email = g_strdup_printf ("%s.%s.%u@bench-hospital.example",
                                                family->romaji, given->romaji, i);
      sonae_contact_add_email (c, "work", email);
    }
  if (chance (m, 10))
    c->notes = g_strdup (chance (m, 50) ? "夜間・休日は携帯へ。" : "火曜・木曜は非常勤。");
  set_verified (m, c);
  return c;
}

static SonaeContact *
make_vendor (Maker *m,
             guint  i)
{
  SonaeContact *c = sonae_contact_new ();
  guint v = g_rand_int_range (m->rand, 0, G_N_ELEMENTS (vendors));
  g_autofree char *work = g_strdup_printf ("0120-%03u-%03u", 100 + v, i % 1000);

  c->group = SONAE_GROUP_VENDOR;
  c->organization = g_strdup (vendors[v].name);
  c->system = g_strdup (vendors[v].system);
  c->contract = g_strdup_printf ("CT-%02u-%05u", v, i);
  if (chance (m, 30))
    {
      /* The vendor's desk */
      g_autofree char *email = g_strdup_printf ("support%u@%s.example", i, vendors[v].domain);

      c->name = g_strdup_printf ("%s サポート窓口", vendors[v].name);
      c->reading = g_strdup (vendors[v].reading);
      c->department = g_strdup ("カスタマーサポート");
      sonae_contact_add_phone (c, "work", work);
      sonae_contact_add_email (c, "work", email);
    }
  else
    {
      /* A person there */
      const Name *family = PICK (m, family_names);
      const Name *given = PICK (m, given_names);
      g_autofree char *mobile = phone (m, "090");
      g_autofree char *email = g_strdup_printf ("%s.%u@%s.example", family->romaji, i, vendors[v].domain);

      c->name = g_strdup_printf ("%s %s", family->kanji, given->kanji);
      c->reading = g_strdup_printf ("%s %s", family->kana, given->kana);
      c->department = g_strdup (chance (m, 50) ? "保守部" : "営業部");
      c->title = g_strdup (chance (m, 50) ? "担当SE" : "営業担当");
      sonae_contact_add_phone (c, "mobile", mobile);
      sonae_contact_add_phone (c, "work", work);
      sonae_contact_add_email (c, "work", email);
    }
  set_verified (m, c);
  return c;
}

static SonaeContact *
make_authority (Maker *m,
                guint  i)
{
  SonaeContact *c = sonae_contact_new ();
  const Name *place = PICK (m, places);
  const Name *kind = PICK (m, authorities);
  g_autofree char *work = g_strdup_printf ("088-%03u-%04u", 100 + i % 900, i % 10000);

  c->group = SONAE_GROUP_AUTHORITY;
  c->name = g_strdup_printf ("%s%s", place->kanji, kind->kanji);
  c->reading = g_strdup_printf ("%s%s", place->kana, kind->kana);
  c->organization = g_strdup_printf ("%s%s", place->kanji, kind->kanji);
  sonae_contact_add_phone (c, "main", work);
  set_verified (m, c);
  return c;
}

static void
make_contacts (Maker *m,
               guint  n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (m->store);
  const char *organization = profile->name != NULL && *profile->name ? profile->name : "ベンチマーク記念病院";

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SonaeContact) c = NULL;
      int r = g_rand_int_range (m->rand, 0, 100);

      if (i % CONTACTS_A_BATCH == 0 && !sonae_store_begin (m->store, &error))
        die ("begin", error);
      if (r < 85)
        c = make_staff (m, organization, i);
      else if (r < 97)
        c = make_vendor (m, i);
      else
        c = make_authority (m, i);
      if (!sonae_contacts_save (m->store, c, &error))
        die ("save a contact", error);
      switch (c->group)
        {
        case SONAE_GROUP_STAFF:
          g_array_append_val (m->staff_ids, c->id);
          m->staff++;
          break;
        case SONAE_GROUP_VENDOR:
          g_array_append_val (m->vendor_ids, c->id);
          m->vendor_contacts++;
          break;
        case SONAE_GROUP_AUTHORITY:
          m->authority_contacts++;
          break;
        }
      m->contacts++;
      if ((i + 1) % CONTACTS_A_BATCH == 0 || i + 1 == n)
        if (!sonae_store_commit (m->store, &error))
          die ("commit", error);
    }
}

/* Two more of the new staff for every role, behind those who hold it;
 * a vendor too for the system administrator. */
static void
assign_roles (Maker *m)
{
  g_autoptr(GError) error = NULL;
  const SonaeRoleInfo *roles;
  guint n_roles;
  guint n_new = m->staff_ids->len - m->first_new_staff;

  if (n_new == 0)
    return;
  roles = sonae_roles_get_builtin (&n_roles);
  if (!sonae_store_begin (m->store, &error))
    die ("begin", error);
  for (guint r = 0; r < n_roles; r++)
    {
      for (guint k = 0; k < 2; k++)
        {
          gint64 id = g_array_index (m->staff_ids, gint64, m->first_new_staff + (r * 37 + k * 11) % n_new);

          if (!sonae_contacts_add_role_holder (m->store, roles[r].key, id, &error))
            die ("assign a role", error);
          m->role_holders++;
        }
      if (g_str_equal (roles[r].key, SONAE_ROLE_SYSADMIN) && m->vendor_ids->len > 0)
        {
          if (!sonae_contacts_add_role_holder (m->store, roles[r].key,
                                               g_array_index (m->vendor_ids, gint64, m->vendor_ids->len - 1), &error))
            die ("assign a role", error);
          m->role_holders++;
        }
    }
  if (!sonae_store_commit (m->store, &error))
    die ("commit", error);
}

/* ---- incidents ----------------------------------------------------------- */

static gint64
someone_to_call (Maker       *m,
                 const char **out_role)
{
  static const char *roles[] = { SONAE_ROLE_FIRST, SONAE_ROLE_LEAD, SONAE_ROLE_SYSADMIN, SONAE_ROLE_TOP };

  *out_role = *PICK (m, roles);
  if (g_str_equal (*out_role, SONAE_ROLE_SYSADMIN) && m->vendor_ids->len > 0 && chance (m, 50))
    return g_array_index (m->vendor_ids, gint64, g_rand_int_range (m->rand, 0, m->vendor_ids->len));
  return g_array_index (m->staff_ids, gint64, g_rand_int_range (m->rand, 0, m->staff_ids->len));
}

static SonaeCallOutcome
call_outcome (Maker *m)
{
  int r = g_rand_int_range (m->rand, 0, 100);

  return r < 60 ? SONAE_CALL_REACHED : r < 90 ? SONAE_CALL_NO_ANSWER : SONAE_CALL_LEFT_MESSAGE;
}

/* The status an incident ends at: the newest are still being handled. */
static SonaeIncidentStatus
final_status (guint j,
              guint n)
{
  guint n_open = MAX (1, n / 20);

  if (j + n_open < n)
    return SONAE_STATUS_CLOSED;
  return (SonaeIncidentStatus) ((n - j) % 3);   /* active, contained, recovering */
}

/* @error is read after @ok is known: an argument list has no order. */
static void
check (gboolean     ok,
       const char  *what,
       GError     **error)
{
  if (!ok)
    die (what, *error);
}

static void
add_ppc (Maker      *m,
         gint64      id,
         GDateTime  *detected,
         gboolean    reported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcAssessment) a = sonae_ppc_get (m->store, id, &error);

  check (a != NULL, "read the PPC assessment", &error);
  a->personal_data = SONAE_ANSWER_YES;
  a->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
  a->conditions[SONAE_PPC_CONDITION_FINANCIAL] = SONAE_ANSWER_NO;
  a->conditions[SONAE_PPC_CONDITION_UNLAWFUL] = chance (m, 30) ? SONAE_ANSWER_YES : SONAE_ANSWER_NO;
  a->conditions[SONAE_PPC_CONDITION_OVER_1000] = SONAE_ANSWER_NO;
  if (reported)
    {
      g_autoptr(GDateTime) d3 = g_date_time_add_days (detected, 3);
      g_autoptr(GDateTime) d25 = g_date_time_add_days (detected, 25);

      a->preliminary_sent_on = g_date_time_format (d3, "%Y-%m-%d");
      a->final_sent_on = g_date_time_format (d25, "%Y-%m-%d");
      a->persons_notified_on = g_date_time_format (d25, "%Y-%m-%d");
    }
  check (sonae_ppc_set (m->store, id, a, m->author, &error), "save the PPC assessment", &error);
  m->ppc_assessments++;
}

static gint64
add_action (Maker        *m,
            gint64        incident_id,
            SonaeCapaKind kind,
            GDateTime    *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeCapa) action = sonae_capa_new ();

  action->incident_id = incident_id;
  action->kind = kind;
  action->text = g_strdup (actions_text[kind]);
  action->owner_id = g_array_index (m->staff_ids, gint64, g_rand_int_range (m->rand, 0, m->staff_ids->len));
  action->due_on = g_date_time_format (due, "%Y-%m-%d");
  check (sonae_capa_save (m->store, action, m->author, &error), "save an action", &error);
  m->actions++;
  return action->id;
}

/* Incident @j of @n (0 the oldest), spread over the last three years. */
static void
make_incident (Maker *m,
               guint  j,
               guint  n,
               guint  n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autoptr(GDateTime) detected = NULL;
  g_autoptr(GDateTime) closing = NULL;
  g_autoptr(GArray) action_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SonaeIncidentStatus status = final_status (j, n);
  guint days = 1 + (guint) ((guint64) (n - 1 - j) * 1095 / MAX (n, 1));
  guint next_step = 0;
  guint n_status_changes;
  gint64 id;
  const char *author = m->author;

  detected = g_date_time_add_full (m->now, 0, 0, -(int) days,
                                   8 + g_rand_int_range (m->rand, 0, 9) - g_date_time_get_hour (m->now),
                                   g_rand_int_range (m->rand, 0, 60) - g_date_time_get_minute (m->now), 0);

  incident->answers.seen = g_rand_int_range (m->rand, 0, SONAE_N_SEEN);
  incident->answers.personal_data = g_rand_int_range (m->rand, 0, 3);
  incident->answers.impact = g_rand_int_range (m->rand, 0, SONAE_IMPACT_OUTSIDE + 1);
  proposal = sonae_triage_propose (&incident->answers, SONAE_ORG_CLINIC);
  incident->type = proposal->type;
  incident->level = proposal->level;
  incident->event = proposal->event;
  if (chance (m, 10))   /* the person thought otherwise */
    {
      int level = proposal->level + (chance (m, 50) ? 1 : -1);

      incident->level = CLAMP (level, 0, 3);
    }
  incident->drill = j % 8 == 3;
  incident->title = g_strdup_printf ("%s%s", incident->drill ? "訓練: " : "",
                                     titles_by_type[incident->type][g_rand_int_range (m->rand, 0, 5)]);
  incident->detected_at = g_date_time_format (detected, "%Y-%m-%dT%H:%M:00");
  incident->found_by = g_strdup_printf ("%s %s", PICK (m, family_names)->kanji, PICK (m, given_names)->kanji);
  incident->location = g_strdup_printf ("%s 端末 %d番", departments[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (departments))].department,
                                        g_rand_int_range (m->rand, 1, 20));
  incident->system = g_strdup (PICK (m, vendors)->system);
  incident->network = g_strdup (*PICK (m, networks));

  /* Recorded as it happened: a few minutes after it was found. */
  {
    g_autoptr(GDateTime) t = g_date_time_add_minutes (detected, 3);
    clock_at (m, t);
  }
  check (sonae_incidents_create (m->store, incident, proposal, author, &error), "start an incident", &error);
  id = incident->id;
  m->incidents++;
  m->drills += incident->drill;

  /* The entries of the day, a few minutes apart; the status changes
   * among the last of them. */
  n_status_changes = status == SONAE_STATUS_CLOSED ? 2 : (guint) status;
  for (guint e = 1; e < n_entries; e++)
    {
      g_autoptr(GDateTime) t = g_date_time_add_minutes (detected, 3 + 4 * (int) e);
      guint left = n_entries - e;
      int r = g_rand_int_range (m->rand, 0, 100);
      gboolean ok;

      clock_at (m, t);
      if (left <= n_status_changes)
        ok = sonae_incidents_set_status (m->store, id, (SonaeIncidentStatus) (n_status_changes - left + 1),
                                         author, NULL, &error);
      else if (r < 40)
        ok = sonae_incidents_add_note (m->store, id, *PICK (m, notes), author, NULL, &error);
      else if (r < 75)
        {
          const char *role;
          gint64 contact = someone_to_call (m, &role);

          ok = sonae_incidents_log_call (m->store, id, contact, role, call_outcome (m), author, NULL, &error);
        }
      else if (r < 95 && next_step < m->step_ids->len)
        ok = sonae_incidents_check_step (m->store, id, g_ptr_array_index (m->step_ids, next_step++),
                                         TRUE, author, NULL, &error);
      else
        /* written on the paper log first, entered a little later */
        {
          g_autoptr(GDateTime) earlier = g_date_time_add_minutes (t, -2);
          g_autofree char *on_paper = g_date_time_format (earlier, "%Y-%m-%dT%H:%M:00");

          ok = sonae_incidents_add_note (m->store, id, *PICK (m, notes), "受付 紙の記録", on_paper, &error);
        }
      check (ok, "add a timeline entry", &error);
    }

  /* Now and then a note corrected afterwards. */
  if (j % 10 == 7)
    {
      g_autoptr(GPtrArray) timeline = sonae_incidents_list_timeline (m->store, id, &error);

      check (timeline != NULL, "read a timeline", &error);
      for (guint i = 0; i < timeline->len; i++)
        {
          SonaeTimelineEntry *entry = g_ptr_array_index (timeline, i);

          if (entry->kind == SONAE_ENTRY_NOTE)
            {
              check (sonae_incidents_correct_entry (m->store, id, entry->id, *PICK (m, corrections), author, &error),
                     "correct an entry", &error);
              break;
            }
        }
    }

  /* What it leads to, decided at the end of the day. */
  if (j % 4 == 1 || status != SONAE_STATUS_CLOSED)
    {
      g_autoptr(GDateTime) evening = g_date_time_add_hours (detected, 8);
      g_autoptr(GDateTime) due1 = g_date_time_add_days (detected, 7);
      g_autoptr(GDateTime) due2 = g_date_time_add_days (detected, 30);
      gint64 action_id;

      clock_at (m, evening);
      action_id = add_action (m, id, SONAE_CAPA_CORRECTIVE, due1);
      g_array_append_val (action_ids, action_id);
      if (chance (m, 50))
        {
          action_id = add_action (m, id, chance (m, 50) ? SONAE_CAPA_PREVENTIVE : SONAE_CAPA_HANDLING, due2);
          g_array_append_val (action_ids, action_id);
        }
    }

  if (status != SONAE_STATUS_CLOSED)
    {
      if (incident->answers.personal_data == SONAE_ANSWER_YES)
        add_ppc (m, id, detected, FALSE);
      m->open++;
      m->actions_open += action_ids->len;
      return;
    }

  /* Closed some weeks later, once everything is done and reported. */
  closing = g_date_time_add_days (detected, 28);
  if (g_date_time_compare (closing, m->now) > 0)
    {
      g_date_time_unref (closing);
      closing = g_date_time_ref (m->now);
    }
  clock_at (m, closing);
  if (incident->answers.personal_data == SONAE_ANSWER_YES)
    add_ppc (m, id, detected, days >= 28);
  for (guint a = 0; a < action_ids->len; a++)
    {
      g_autofree char *today = g_date_time_format (closing, "%Y-%m-%d");
      const char *who = PICK (m, family_names)->kanji;

      check (sonae_capa_complete (m->store, g_array_index (action_ids, gint64, a), today, who,
                                  chance (m, 70) ? "院長" : NULL, author, &error),
             "complete an action", &error);
    }
  check (sonae_incidents_set_status (m->store, id, SONAE_STATUS_CLOSED, author, NULL, &error),
         "close an incident", &error);
  m->closed++;
}

static void
make_incidents (Maker *m,
                guint  n,
                guint  n_entries)
{
  g_autoptr(GError) error = NULL;

  if (n > 0 && m->staff_ids->len == 0)
    {
      g_printerr ("bench-make-db: incidents need staff to call: add --contacts or --demo\n");
      exit (1);
    }
  for (guint j = 0; j < n; j++)
    {
      if (j % INCIDENTS_A_BATCH == 0 && !sonae_store_begin (m->store, &error))
        die ("begin", error);
      make_incident (m, j, n, n_entries);
      if ((j + 1) % INCIDENTS_A_BATCH == 0 || j + 1 == n)
        {
          sonae_clock_set_override (NULL);
          if (!sonae_store_commit (m->store, &error))
            die ("commit", error);
        }
    }
  sonae_clock_set_override (NULL);
}

/* ---- main ---------------------------------------------------------------- */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The staff and vendors already in the store (the demo's), to call and to
 * give actions to. */
static void
collect_existing (Maker *m)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sonae_contacts_list (m->store, -1, &error);

  if (list == NULL)
    die ("list the contacts", error);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (list, i);

      if (c->group == SONAE_GROUP_STAFF)
        g_array_append_val (m->staff_ids, c->id);
      else if (c->group == SONAE_GROUP_VENDOR)
        g_array_append_val (m->vendor_ids, c->id);
    }
}

/* The entries of every incident, each chain checked. */
static guint
count_entries (Maker *m)
{
  SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = sonae_incidents_list (m->store, &all, &error);
  guint n = 0;

  if (incidents == NULL)
    die ("list the incidents", error);
  for (guint i = 0; i < incidents->len; i++)
    {
      SonaeIncident *incident = g_ptr_array_index (incidents, i);
      g_autoptr(GPtrArray) timeline = sonae_incidents_list_timeline (m->store, incident->id, &error);

      if (timeline == NULL)
        die ("read a timeline", error);
      if (!sonae_incidents_verify_timeline (m->store, incident->id, NULL, &error))
        die (incident->number, error);
      n += timeline->len;
    }
  return n;
}

int
main (int argc, char *argv[])
{
  gboolean demo = FALSE;
  int n_contacts = 0, n_incidents = 0, n_entries = 20;
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "Put the demo clinic in first (DIR must be empty)", NULL },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &n_contacts, "Contacts to add (0)", "N" },
    { "incidents", 0, 0, G_OPTION_ARG_INT, &n_incidents, "Incidents to add (0)", "M" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &n_entries, "Timeline entries an incident, with its opening (20)", "K" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR - make a big Sonae data folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GPtrArray) step_ids = g_ptr_array_new ();
  g_autoptr(GArray) staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) vendor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);
  GPtrArray *phases;
  Maker m = { 0 };
  gint64 start = g_get_monotonic_time ();
  double t_demo = 0, t_contacts = 0, t_incidents = 0;   /* seconds */

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (argc != 2 || n_contacts < 0 || n_incidents < 0 || n_entries < 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  store = sonae_store_open (argv[1], &error);
  if (store == NULL)
    die (argv[1], error);

  if (demo)
    {
      if (!sonae_demo_fill (store, &error))
        die ("the demo clinic", error);
      t_demo = seconds_since (start);
    }
  else if (!sonae_store_get_setup_done (store))
    {
      SonaeProfile profile = { "ベンチマーク記念病院", SONAE_ORG_CLINIC, "Kochi", "高知市桜川1-2-3", "088-000-0000" };

      if (!sonae_store_set_profile (store, &profile, &error) || !sonae_store_set_setup_done (store, &error))
        die ("the organisation's profile", error);
    }

  checklist = sonae_checklist_load (&error);
  if (checklist == NULL)
    die ("the checklist", error);
  phases = sonae_checklist_get_phases (checklist);
  for (guint p = 0; p < phases->len; p++)
    {
      SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);

      for (guint s = 0; s < phase->steps->len; s++)
        g_ptr_array_add (step_ids, ((SonaeChecklistStep *) g_ptr_array_index (phase->steps, s))->id);
    }

  m.store = store;
  m.rand = rand;
  m.checklist = checklist;
  m.step_ids = step_ids;
  m.staff_ids = staff_ids;
  m.vendor_ids = vendor_ids;
  m.now = now;
  m.author = "ベンチ 記録係";
  collect_existing (&m);
  m.first_new_staff = m.staff_ids->len;

  start = g_get_monotonic_time ();
  make_contacts (&m, (guint) n_contacts);
  assign_roles (&m);
  t_contacts = seconds_since (start);

  start = g_get_monotonic_time ();
  make_incidents (&m, (guint) n_incidents, (guint) n_entries);
  t_incidents = seconds_since (start);

  printf ("data folder: %s\n", argv[1]);
  if (demo)
    printf ("demo clinic: %.0f ms\n", t_demo * 1000);
  printf ("contacts added: %u (staff %u, vendors %u, authorities %u) in %.1f s\n",
          m.contacts, m.staff, m.vendor_contacts, m.authority_contacts, t_contacts);
  printf ("  verified in the last %d days: %u; %d days ago or more: %u; never: %u\n",
          SONAE_STALE_DAYS, m.verified_recently, SONAE_STALE_DAYS, m.verified_stale, m.never_verified);
  printf ("  role holders added: %u\n", m.role_holders);
  printf ("incidents added: %u (open %u, closed %u, drills %u) in %.1f s\n",
          m.incidents, m.open, m.closed, m.drills, t_incidents);
  printf ("  actions: %u (open %u); PPC assessments: %u\n", m.actions, m.actions_open, m.ppc_assessments);
  printf ("in the folder now: %u contacts, %u timeline entries\n",
          sonae_contacts_count (store), count_entries (&m));
  return 0;
}
