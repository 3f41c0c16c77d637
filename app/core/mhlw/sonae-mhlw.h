/* sonae-mhlw.h: the MHLW cyber-security checklist for medical institutions
 * (医療機関におけるサイバーセキュリティ対策チェックリスト), which the health
 * centre looks at in its on-site inspection (医療法25条1項; 医療法施行規則
 * 14条2項, since 2023-04-01).
 *
 * The items are those of the 令和6年度版 (2024-05) for the institution
 * itself (医療機関確認用), in the official order and numbering, written in
 * Sonae's own words; then the additions of the 令和7年度版, whose final text
 * is still to be checked against the MHLW's form (VERIFY). The form's
 * bullets carry no numbers: Sonae numbers them ①②… in their order, after
 * the form's own "2(1)".
 *
 * Each item is answered はい / いいえ (or not yet), with the day it was
 * checked, and for a いいえ the day it will be put right and who sees to it:
 * each いいえ is then a measure of the business-continuity plan, as the
 * readiness self-check's are (sonae_bcp_list_measures). What Sonae already
 * knows answers some items by itself — the role of the manual for 1(1), the
 * BCP's systems for the inventory, the backups and restore tests, the roster
 * for the contact chart, the BCP itself, the vendors' MDS/SDS — as a はい a
 * person may overrule, and says what it read.
 *
 * Only clinics and hospitals keep it (sonae_mhlw_is_for): a pharmacy checks a
 * list of its own (薬局確認用), which Sonae does not carry yet.
 *
 * Each vendor of the roster is followed too: the vendors' own list
 * (事業者確認用) sent and returned with its answers, and its security
 * disclosure (MDS/SDS) received.
 *
 * The checklist is a worksheet of the BCP section and its いいえ are
 * measures of the plan: every change is one transaction and emits the
 * store's "changed" signal with the detail "bcp". */
#pragma once

#include <glib.h>

#include "sonae-bcp.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* TRUE for the kinds of organisation that keep the checklist: a clinic
 * and a hospital. */
gboolean    sonae_mhlw_is_for               (SonaeOrgKind kind);
/* The same for the store's organisation. */
gboolean    sonae_mhlw_applies              (SonaeStore  *store);
/* Why the store's organisation has no checklist in Sonae, translated: for
 * a pharmacy, that Sonae does not carry its own list yet; for a business,
 * that the checklist is for clinics and hospitals. NULL when it has one. */
const char *sonae_mhlw_get_unavailable_reason (SonaeStore *store);

/* ---- the items ------------------------------------------------------------ */

/* The parts of the form, in order. */
typedef enum {
  SONAE_MHLW_PART_ORGANISATION,   /* 1 体制構築 */
  SONAE_MHLW_PART_SYSTEMS,        /* 2(1) 医療情報システム全般 */
  SONAE_MHLW_PART_SERVERS,        /* 2(2) サーバ */
  SONAE_MHLW_PART_PCS,            /* 2(3) 端末PC */
  SONAE_MHLW_PART_NETWORK,        /* 2(4) ネットワーク機器 */
  SONAE_MHLW_PART_INCIDENT,       /* 3 インシデント発生に備えた対応 */
  SONAE_MHLW_PART_ADDED_2025,     /* the 令和7年度版's additions (VERIFY) */
  SONAE_MHLW_N_PARTS,
} SonaeMhlwPart;

/* Translated: the section the part is in with its number (“1 Organisation”,
 * “2 Managing the medical information systems”…), and the part's own title
 * within section 2 (“(2) Servers”), NULL for the others. */
const char *sonae_mhlw_part_get_section_title (SonaeMhlwPart part);
const char *sonae_mhlw_part_get_title         (SonaeMhlwPart part);
/* TRUE for the first part of a section (the section title is shown). */
gboolean    sonae_mhlw_part_starts_section    (SonaeMhlwPart part);

/* What Sonae reads to answer an item by itself. */
typedef enum {
  SONAE_MHLW_FROM_NOTHING,
  SONAE_MHLW_FROM_ROLE,       /* someone holds SONAE_ROLE_MEDINFO */
  SONAE_MHLW_FROM_SYSTEMS,    /* the BCP lists the systems */
  SONAE_MHLW_FROM_VENDORS,    /* every vendor concerned sent its MDS/SDS */
  SONAE_MHLW_FROM_ROSTER,     /* staff, vendors, the MHLW and the police in the roster */
  SONAE_MHLW_FROM_BACKUPS,    /* every system backed up, and its restore tried */
  SONAE_MHLW_FROM_BCP,        /* the BCP's policy, crisis events and systems */
} SonaeMhlwSource;

/* One item, in the form's order (untranslated English source; use the
 * getters for the translated text). */
typedef struct {
  const char *key;           /* stable, e.g. "2-2-3" */
  const char *number;        /* as printed beside the official form: "2(2)③" */
  SonaeMhlwPart part;
  const char *text;          /* the item, as a statement to answer はい / いいえ */
  const char *measure;       /* what to do when the answer is いいえ */
  SonaeMhlwSource source;    /* what Sonae reads to answer it, if anything */
  gboolean verify;           /* a 令和7年度版 addition: the final text is to be checked */
  const char *target_limit;  /* the MHLW's own deadline for it (YYYY-MM-DD), or NULL */
} SonaeMhlwItemInfo;

const SonaeMhlwItemInfo *sonae_mhlw_items_get         (guint      *n_items);
const SonaeMhlwItemInfo *sonae_mhlw_item_lookup       (const char *key);
const char              *sonae_mhlw_item_get_text     (const char *key);  /* translated */
const char              *sonae_mhlw_item_get_measure  (const char *key);  /* translated */

/* ---- the fiscal year ------------------------------------------------------ */

/* The fiscal year (April to March) @date (YYYY-MM-DD) falls in, named by
 * the year it starts: 2026 for 2026-04-01 to 2027-03-31; 0 for no date. */
int    sonae_mhlw_fiscal_year           (const char *date);
/* Its first day, newly allocated: "2026-04-01". */
char  *sonae_mhlw_fiscal_year_start     (int fiscal_year);
/* Translated: “FY2026 (令和8年度)” in Japanese as 「令和8年度（2026年度）」. */
char  *sonae_mhlw_fiscal_year_get_title (int fiscal_year);

/* The yearly reminder starts on this day of each year (May 1: the MHLW
 * has put out the year's edition of the form by then, and the health
 * centres' inspections follow through the year) and lasts until every
 * item has been checked in the fiscal year. */
#define SONAE_MHLW_REMINDER_MONTH 5
#define SONAE_MHLW_REMINDER_DAY 1

/* ---- answers ------------------------------------------------------------- */

typedef struct {
  char *key;
  SonaeBcpAnswer answer;     /* what counts: the person's answer, else Sonae's */
  SonaeBcpAnswer stored;     /* what a person answered (UNKNOWN: nobody yet) */
  SonaeBcpAnswer derived;    /* what Sonae's data says: YES, or UNKNOWN */
  gboolean from_data;        /* the answer is Sonae's (nobody answered) */
  char *basis;               /* translated: what Sonae read (“From the systems
                              * list: 5 systems”), NULL when it reads nothing */
  char *checked_on;          /* the day it was checked; today for an answer
                              * from the data; NULL while unanswered */
  char *target_on;           /* for いいえ: when it will be put right, or NULL */
  gint64 owner_id;           /* for いいえ: who puts it right, 0 for none */
  char *owner_name;          /* read */
  char *note;                /* the form's notes column */
  char *updated_at;          /* NULL when nobody wrote anything */
} SonaeMhlwAnswer;

void sonae_mhlw_answer_free (SonaeMhlwAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeMhlwAnswer, sonae_mhlw_answer_free)

/* One SonaeMhlwAnswer for every item, in the form's order. */
GPtrArray *sonae_mhlw_list_answers (SonaeStore  *store,
                                    GError     **error);
SonaeMhlwAnswer *sonae_mhlw_get_answer (SonaeStore  *store,
                                        const char  *key,
                                        GError     **error);
/* Answer item @key (UNKNOWN takes a person's answer back: Sonae's own
 * shows again, if it has one). @checked_on: the day it was checked, NULL
 * for today; a real date, not in the future. @target_on (a real date) and
 * @owner_id are kept only with SONAE_BCP_NO. An unknown key, a bad date
 * or an unknown person is refused with SONAE_ERROR_INVALID and nothing
 * changes. The note stays. */
gboolean   sonae_mhlw_set_answer   (SonaeStore    *store,
                                    const char    *key,
                                    SonaeBcpAnswer answer,
                                    const char    *checked_on,
                                    const char    *target_on,
                                    gint64         owner_id,
                                    GError       **error);
/* The note of item @key; NULL or blank forgets it. At most
 * SONAE_INPUT_MAX_TEXT bytes of UTF-8. */
gboolean   sonae_mhlw_set_note     (SonaeStore    *store,
                                    const char    *key,
                                    const char    *note,
                                    GError       **error);

/* Where the checklist stands for the fiscal year of today. */
typedef struct {
  int fiscal_year;
  guint n_items;
  guint yes;                 /* answered はい (by a person or from the data) */
  guint no;                  /* answered いいえ */
  guint from_data;           /* of those, answered from the data */
  guint checked;             /* answered and checked in this fiscal year */
} SonaeMhlwProgress;

gboolean   sonae_mhlw_get_progress (SonaeStore        *store,
                                    SonaeMhlwProgress *out,
                                    GError           **error);

/* The measures of the plan the checklist's いいえ make, one for each item
 * answered いいえ, in the form's order: text, the item's measure; due, its
 * target date; owner, its owner; mhlw_key, the item. Empty for an
 * organisation that does not keep the checklist. */
GPtrArray *sonae_mhlw_list_measures (SonaeStore  *store,
                                     GError     **error);

/* ---- vendors -------------------------------------------------------------- */

typedef struct {
  gint64 contact_id;         /* a contact of the vendors group */
  char *name;                /* read: the contact's name */
  char *system;              /* read: the system it supports, or NULL */
  gboolean concerned;        /* the checklist goes to it: a company that looks
                              * after a medical information system, not a second
                              * contact of one (TRUE until a person says otherwise) */
  char *list_sent_on;        /* 事業者確認用 sent, YYYY-MM-DD or NULL */
  char *list_returned_on;    /* and returned */
  SonaeBcpAnswer all_yes;    /* every answer on its list was はい */
  char *answers_note;        /* its answers, as noted */
  char *mds_received_on;     /* its MDS/SDS received */
  char *updated_at;          /* NULL when nothing was recorded */
} SonaeMhlwVendor;

SonaeMhlwVendor *sonae_mhlw_vendor_new  (void);
void             sonae_mhlw_vendor_free (SonaeMhlwVendor *vendor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeMhlwVendor, sonae_mhlw_vendor_free)

/* Every contact of the vendors group with what was recorded for it, in
 * the roster's order. */
GPtrArray       *sonae_mhlw_list_vendors (SonaeStore  *store,
                                          GError     **error);
/* How many vendors the checklist goes to (concerned), and how many of
 * them sent their MDS/SDS, without reading the roster: what
 * sonae_mhlw_list_vendors() would list, counted. */
gboolean         sonae_mhlw_count_vendors (SonaeStore  *store,
                                           guint       *out_concerned,
                                           guint       *out_mds_received,
                                           GError     **error);
SonaeMhlwVendor *sonae_mhlw_get_vendor   (SonaeStore  *store,
                                          gint64       contact_id,
                                          GError     **error);
/* Record what @vendor holds for its contact. Refused with
 * SONAE_ERROR_NOT_FOUND for a contact that is not a vendor of the roster,
 * SONAE_ERROR_INVALID for a date that is not real or lies in the future, a
 * list returned before it was sent (or never sent), a note too long. */
gboolean         sonae_mhlw_save_vendor  (SonaeStore            *store,
                                          const SonaeMhlwVendor *vendor,
                                          GError               **error);

/* Where the worksheet stands in this fiscal year, as a short translated
 * phrase for the BCP's list of worksheets (“Not answered yet”, “12 of 22
 * checked · 2 No”). */
char      *sonae_mhlw_get_status    (SonaeStore *store);

G_END_DECLS
