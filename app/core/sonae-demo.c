/* sonae-demo.c: みどり台ファミリークリニック, a clinic that does not exist.
 * Names, numbers and addresses are invented; e-mail addresses use the
 * reserved .example domain. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-clock.h"
#include "sonae-demo.h"
#include "sonae-error.h"
#include "sonae-manual-store.h"
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
