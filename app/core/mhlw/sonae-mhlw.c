/* sonae-mhlw.c: the MHLW checklist without SQL: which organisations keep
 * it, its items and parts, the fiscal year, the records' constructors (the
 * SQL is in sonae-mhlw-answers.c and sonae-mhlw-vendors.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sonae-mhlw.h"

gboolean
sonae_mhlw_is_for (SonaeOrgKind kind)
{
  return kind == SONAE_ORG_CLINIC || kind == SONAE_ORG_HOSPITAL;
}

gboolean
sonae_mhlw_applies (SonaeStore *store)
{
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  profile = sonae_store_get_profile (store);
  return sonae_mhlw_is_for (profile->kind);
}

const char *
sonae_mhlw_get_unavailable_reason (SonaeStore *store)
{
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  profile = sonae_store_get_profile (store);
  switch (profile->kind)
    {
    case SONAE_ORG_PHARMACY:
      return _("Pharmacies check a list of their own, the MHLW checklist for pharmacies (薬局確認用). "
               "Sonae does not carry that list yet: use the MHLW's form for it.");
    case SONAE_ORG_BUSINESS:
      return _("The MHLW cyber-security checklist is for clinics and hospitals: "
               "choose the kind of organisation in Preferences if yours is one.");
    case SONAE_ORG_CLINIC:
    case SONAE_ORG_HOSPITAL:
    default:
      return NULL;
    }
}

/* --- parts --------------------------------------------------------------- */

const char *
sonae_mhlw_part_get_section_title (SonaeMhlwPart part)
{
  switch (part)
    {
    case SONAE_MHLW_PART_ORGANISATION:
      /* Translators: section 1 of the MHLW checklist, 体制構築 */
      return _("1 Organisation");
    case SONAE_MHLW_PART_SYSTEMS:
    case SONAE_MHLW_PART_SERVERS:
    case SONAE_MHLW_PART_PCS:
    case SONAE_MHLW_PART_NETWORK:
      /* Translators: section 2 of the MHLW checklist, 医療情報システムの管理・運用 */
      return _("2 Managing and Running the Medical Information Systems");
    case SONAE_MHLW_PART_INCIDENT:
      /* Translators: section 3 of the MHLW checklist, インシデント発生に備えた対応 */
      return _("3 Being Ready for an Incident");
    case SONAE_MHLW_PART_ADDED_2025:
      /* Translators: the items the MHLW checklist's 令和7年度版 adds */
      return _("Added in the FY2025 Edition");
    case SONAE_MHLW_N_PARTS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_mhlw_part_get_title (SonaeMhlwPart part)
{
  switch (part)
    {
    case SONAE_MHLW_PART_SYSTEMS:
      /* Translators: 2(1) of the MHLW checklist, 医療情報システム全般 */
      return _("(1) All Medical Information Systems");
    case SONAE_MHLW_PART_SERVERS:
      /* Translators: 2(2) of the MHLW checklist, サーバ */
      return _("(2) Servers");
    case SONAE_MHLW_PART_PCS:
      /* Translators: 2(3) of the MHLW checklist, 端末PC */
      return _("(3) PCs");
    case SONAE_MHLW_PART_NETWORK:
      /* Translators: 2(4) of the MHLW checklist, ネットワーク機器 */
      return _("(4) Network Devices");
    case SONAE_MHLW_PART_ORGANISATION:
    case SONAE_MHLW_PART_INCIDENT:
    case SONAE_MHLW_PART_ADDED_2025:
      return NULL;
    case SONAE_MHLW_N_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sonae_mhlw_part_starts_section (SonaeMhlwPart part)
{
  return part != SONAE_MHLW_PART_SERVERS && part != SONAE_MHLW_PART_PCS &&
         part != SONAE_MHLW_PART_NETWORK;
}

/* --- items --------------------------------------------------------------- */

/* The 令和6年度版's 医療機関確認用 items in the form's order (CONTENT.md,
 * "The MHLW cyber-security checklist"), then the 令和7年度版's additions.
 * VERIFY: the additions' final wording and place in the 令和7年度版 form are
 * to be checked against the MHLW's published form; until then they are
 * shown apart, marked as such. */
static const SonaeMhlwItemInfo items[] = {
  /* 1 体制構築 */
  { "1-1", "1(1)", SONAE_MHLW_PART_ORGANISATION,
    N_("A security manager for the medical information systems (医療情報システム安全管理責任者) has been named."),
    N_("Name the security manager for the medical information systems and give the role to that person in Sonae's contacts."),
    SONAE_MHLW_FROM_ROLE, FALSE, NULL },

  /* 2(1) 医療情報システム全般 */
  { "2-1-1", "2(1)\u2460", SONAE_MHLW_PART_SYSTEMS,
    N_("A register of the servers, PCs and network devices is kept up to date."),
    N_("List every server, PC and network device (what it is, where it stands, who looks after it), with the vendors' help."),
    SONAE_MHLW_FROM_SYSTEMS, FALSE, NULL },
  { "2-1-2", "2(1)\u2461", SONAE_MHLW_PART_SYSTEMS,
    N_("The vendors were asked which devices they maintain remotely."),
    N_("Ask each vendor which devices it reaches by remote maintenance, and how that connection is protected."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-1-3", "2(1)\u2462", SONAE_MHLW_PART_SYSTEMS,
    N_("Each vendor has handed over its security disclosure (MDS/SDS)."),
    N_("Ask each vendor for its security disclosure (MDS/SDS) and keep it with the contract."),
    SONAE_MHLW_FROM_VENDORS, FALSE, NULL },

  /* 2(2) サーバ */
  { "2-2-1", "2(2)\u2460", SONAE_MHLW_PART_SERVERS,
    N_("Access rights on the servers are set by job and by kind of information."),
    N_("Set who may see and change what on the servers, by job and by kind of information, and look at it again when staff change."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-2-2", "2(2)\u2461", SONAE_MHLW_PART_SERVERS,
    N_("Accounts nobody needs any more, such as those of staff who left, are deleted from the servers."),
    N_("Delete the servers' accounts of staff who left and of nobody, and go through the list of accounts regularly."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-2-3", "2(2)\u2462", SONAE_MHLW_PART_SERVERS,
    N_("The servers' access logs are kept."),
    N_("Have the servers keep access logs, and decide where and for how long."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-2-4", "2(2)\u2463", SONAE_MHLW_PART_SERVERS,
    N_("Security patches (the latest firmware and updates) are applied to the servers."),
    N_("Agree with the vendor how and when the servers' security patches are applied, then apply them."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-2-5", "2(2)\u2464", SONAE_MHLW_PART_SERVERS,
    N_("Software and services the servers do not need are not left running in the background."),
    N_("Ask the vendor to stop the software and services the servers do not need."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },

  /* 2(3) 端末PC */
  { "2-3-1", "2(3)\u2460", SONAE_MHLW_PART_PCS,
    N_("Access rights on the PCs are set by job and by kind of information."),
    N_("Set who may use what on each PC, by job and by kind of information."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-3-2", "2(3)\u2461", SONAE_MHLW_PART_PCS,
    N_("Accounts nobody needs any more, such as those of staff who left, are deleted from the PCs."),
    N_("Delete the PCs' accounts of staff who left and of nobody, and go through them regularly."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-3-3", "2(3)\u2462", SONAE_MHLW_PART_PCS,
    N_("Security patches (the latest firmware and updates) are applied to the PCs."),
    N_("Decide how the PCs get their security updates, with the vendor where the medical system needs it, and apply them."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-3-4", "2(3)\u2463", SONAE_MHLW_PART_PCS,
    N_("Software and services the PCs do not need are not left running in the background."),
    N_("Remove or stop the software and services the PCs do not need."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },

  /* 2(4) ネットワーク機器 */
  { "2-4-1", "2(4)\u2460", SONAE_MHLW_PART_NETWORK,
    N_("Security patches (the latest firmware and updates) are applied to the network devices."),
    N_("Have the network devices' firmware brought up to date, and agree with the vendor who does it from now on."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },
  { "2-4-2", "2(4)\u2461", SONAE_MHLW_PART_NETWORK,
    N_("The network devices accept connections only from known places (the VPN, remote maintenance)."),
    N_("Limit the connections the network devices accept (the VPN, remote maintenance) to the places that need them."),
    SONAE_MHLW_FROM_NOTHING, FALSE, NULL },

  /* 3 インシデント発生に備えた対応 */
  { "3-1", "3(1)", SONAE_MHLW_PART_INCIDENT,
    N_("A contact chart for an incident names whom to call inside and outside: the vendors, the MHLW, the police."),
    N_("Make a contact chart of the staff, the vendors, the MHLW and the police; Sonae prints one as the call tree."),
    SONAE_MHLW_FROM_ROSTER, FALSE, NULL },
  { "3-2", "3(2)", SONAE_MHLW_PART_INCIDENT,
    N_("What care cannot do without in an incident is known; its data and systems are backed up and the restore procedure is confirmed."),
    N_("Decide which information care needs to go on, back it up (one copy off the network) and confirm the restore procedure with the vendor."),
    SONAE_MHLW_FROM_BACKUPS, FALSE, NULL },
  { "3-3", "3(3)", SONAE_MHLW_PART_INCIDENT,
    N_("A business-continuity plan (BCP) that assumes a cyber attack has been written."),
    N_("Write a business-continuity plan that assumes a cyber attack: Sonae's BCP worksheets walk through it."),
    SONAE_MHLW_FROM_BCP, FALSE, NULL },

  /* 令和7年度版の追加 (VERIFY the final text) */
  { "r7-1", "R7-1", SONAE_MHLW_PART_ADDED_2025,
    N_("Passwords are hard to guess and never reused, and no device keeps its factory password."),
    N_("Change every factory password, stop reusing passwords, and agree on rules for strong ones."),
    SONAE_MHLW_FROM_NOTHING, TRUE, NULL },
  { "r7-2", "R7-2", SONAE_MHLW_PART_ADDED_2025,
    N_("The use of USB memory and other external media is controlled."),
    N_("Decide which USB memory and external media may be used, by whom and for what, and block the rest."),
    SONAE_MHLW_FROM_NOTHING, TRUE, NULL },
  { "r7-3", "R7-3", SONAE_MHLW_PART_ADDED_2025,
    N_("Two-factor authentication is in use (the MHLW's target: by the end of FY2027, 令和9年度)."),
    N_("Plan two-factor authentication with the vendors, to be in place by the end of FY2027 (令和9年度)."),
    SONAE_MHLW_FROM_NOTHING, TRUE, "2028-03-31" },
  { "r7-4", "R7-4", SONAE_MHLW_PART_ADDED_2025,
    N_("Written internal rules for information security are in place."),
    N_("Write internal rules for information security: who may use what, passwords, external media, what to do in an incident."),
    SONAE_MHLW_FROM_NOTHING, TRUE, NULL },
};

const SonaeMhlwItemInfo *
sonae_mhlw_items_get (guint *n_items)
{
  if (n_items)
    *n_items = G_N_ELEMENTS (items);
  return items;
}

const SonaeMhlwItemInfo *
sonae_mhlw_item_lookup (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (strcmp (items[i].key, key) == 0)
      return &items[i];
  return NULL;
}

const char *
sonae_mhlw_item_get_text (const char *key)
{
  const SonaeMhlwItemInfo *info = sonae_mhlw_item_lookup (key);

  return info ? _(info->text) : NULL;
}

const char *
sonae_mhlw_item_get_measure (const char *key)
{
  const SonaeMhlwItemInfo *info = sonae_mhlw_item_lookup (key);

  return info ? _(info->measure) : NULL;
}

/* --- the fiscal year ----------------------------------------------------- */

int
sonae_mhlw_fiscal_year (const char *date)
{
  unsigned y, m, d;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3 || y < 1 || m < 1 || m > 12)
    return 0;
  return m >= 4 ? (int) y : (int) y - 1;
}

char *
sonae_mhlw_fiscal_year_start (int fiscal_year)
{
  return g_strdup_printf ("%04d-04-01", fiscal_year);
}

char *
sonae_mhlw_fiscal_year_get_title (int fiscal_year)
{
  /* Translators: a fiscal year (April to March): the year it starts, then
   * its year of the Reiwa era, e.g. 「2026年度（令和8年度）」 */
  return g_strdup_printf (_("FY%d (Reiwa %d)"), fiscal_year, fiscal_year - 2018);
}

/* --- records ------------------------------------------------------------- */

void
sonae_mhlw_answer_free (SonaeMhlwAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->key);
  g_free (answer->basis);
  g_free (answer->checked_on);
  g_free (answer->target_on);
  g_free (answer->owner_name);
  g_free (answer->note);
  g_free (answer->updated_at);
  g_free (answer);
}

SonaeMhlwVendor *
sonae_mhlw_vendor_new (void)
{
  SonaeMhlwVendor *vendor = g_new0 (SonaeMhlwVendor, 1);

  vendor->concerned = TRUE;
  vendor->all_yes = SONAE_BCP_UNKNOWN;
  return vendor;
}

void
sonae_mhlw_vendor_free (SonaeMhlwVendor *vendor)
{
  if (vendor == NULL)
    return;
  g_free (vendor->name);
  g_free (vendor->system);
  g_free (vendor->list_sent_on);
  g_free (vendor->list_returned_on);
  g_free (vendor->answers_note);
  g_free (vendor->mds_received_on);
  g_free (vendor->updated_at);
  g_free (vendor);
}
