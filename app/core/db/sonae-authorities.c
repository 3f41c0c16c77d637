/* sonae-authorities.c: the public bodies every clinic reports to, added to a
 * new database. Their numbers and addresses are facts from outside Sonae: they
 * stay marked "check before relying on it" until a person confirms them. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contacts.h"
#include "sonae-store-private.h"

/* When the Sonae authors last compared these entries with the public pages
 * and the rules (see CONTENT.md, "Corrections and additions"). */
#define AUTHORITIES_CHECKED_ON "2026-12"

/* Which organisations a body is for. */
typedef enum {
  FOR_MEDICAL  = 1 << 0,   /* clinics and hospitals */
  FOR_PHARMACY = 1 << 1,
  FOR_BUSINESS = 1 << 2,
  FOR_ALL      = FOR_MEDICAL | FOR_PHARMACY | FOR_BUSINESS,
} ForKinds;

typedef struct {
  const char *key;
  const char *name;
  const char *reading;
  const char *organization;
  const char *phone_label;
  const char *phone;
  const char *hours;        /* when the number answers */
  const char *email;
  const char *url;
  const char *notes;
  ForKinds kinds;
} Authority;

/* Where a body has no number to bundle (the office depends on where the
 * organisation is, or no public number for it is known to Sonae's
 * sources), it has none: the printed lists leave a line to write it on,
 * and Home asks for it (sonae_contacts_get_attention). Never a number
 * that CONTENT.md or the seeds do not give. */
static const Authority authorities[] = {
  { "ipa-report", N_("IPA: reports of viruses, unauthorised access and software vulnerabilities"), "あいぴーえー",
    N_("Information-technology Promotion Agency, Japan (IPA)"),
    NULL, NULL, NULL, NULL,
    "https://www.ipa.go.jp/security/todokede/index.html",
    N_("IPA takes three kinds of report: a computer virus, unauthorised access, and a vulnerability found in software or a website. Report after the first response, so that others are warned."),
    FOR_ALL },
  { "ipa-consult", N_("IPA cyber-security consultation desk for organisations"), "あいぴーえーそうだん",
    N_("Information-technology Promotion Agency, Japan (IPA)"),
    NULL, NULL, NULL, "cs-support@ipa.go.jp",
    "https://www.ipa.go.jp/security/support/soudan.html",
    N_("Advice for companies and other organisations on an attack or a security trouble, by e-mail (since April 2025). IPA’s phone desk is for individuals."),
    FOR_ALL },
  { "ppc", N_("Personal Information Protection Commission: leak reports"), "こじんじょうほうほごいいんかい",
    N_("Personal Information Protection Commission (PPC)"),
    "work", "03-6457-9849", N_("Weekdays"), NULL,
    "https://www.ppc.go.jp/personalinfo/legal/leakAction/",
    N_("Reports go through the web form on this page; the number is the PPC’s consultation line (weekdays), not a way to report. A leak of sensitive data (such as a person’s medical history), of data open to financial misuse, or one done on purpose must be reported even for one person; otherwise from more than 1,000 persons."),
    FOR_ALL },
  { "mhlw", N_("Ministry of Health, Labour and Welfare: contact after a cyber attack"), "こうせいろうどうしょう",
    N_("Ministry of Health, Labour and Welfare (MHLW)"),
    NULL, NULL, NULL, NULL,
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/johoka/cyber-security.html",
    N_("Medical institutions report a cyber attack that disrupts care or leaks data, or may, to the ministry. Its page lists the current contact: write its phone number here while the network works, so that it is on paper when the network is down."),
    FOR_MEDICAL | FOR_PHARMACY },
  { "mhlw-support", N_("MHLW first-response support desk for medical institutions"), "こうせいろうどうしょうしょどう",
    N_("Ministry of Health, Labour and Welfare (MHLW)"),
    NULL, NULL, NULL, NULL,
    "https://mhlw-training.saj.or.jp/",
    N_("Helps a medical institution with the first response when an incident happens. The desk is run under a contract renewed every year: each April, check its page and write its current phone number here."),
    FOR_MEDICAL | FOR_PHARMACY },
  { "jpcert", N_("JPCERT/CC incident report"), "じぇいぴーさーと",
    N_("JPCERT Coordination Center"),
    NULL, NULL, NULL, NULL,
    "https://www.jpcert.or.jp/form/",
    N_("Report a serious incident so that the attack can be coordinated and others warned."),
    FOR_ALL },
  { "police-consult", N_("Police consultation line #9110"), "けいさつそうだん",
    N_("Police"),
    "main", "#9110", N_("Weekdays, daytime"), NULL,
    NULL,
    N_("For advice that is not an emergency (weekdays, daytime). It connects to your prefecture's police consultation desk."),
    FOR_ALL },
  { "police-110", N_("Police emergency 110"), "けいさつ110",
    N_("Police"),
    "main", "110", N_("24 hours"), NULL,
    NULL,
    N_("In an emergency only: a crime in progress, a threat, or danger to people."),
    FOR_ALL },
  { "police-cyber", N_("Prefectural police cyber-crime desk"), "けいさつさいばー",
    N_("Prefectural police"),
    NULL, NULL, NULL, NULL,
    "https://www.npa.go.jp/bureau/cyber/soudan.html",
    N_("Fill in your prefecture's cyber-crime desk (the page lists them). A damage report (被害届) for unauthorised access or ransomware is filed there or at the nearest police station; the National Police Agency’s online window takes reports and questions, not damage reports."),
    FOR_ALL },
  { "prefecture-medical", N_("Local authority overseeing medical institutions"), "ちほうじちたいいりょう",
    N_("Prefecture, or city or ward with its own health centre"),
    NULL, NULL, NULL, NULL,
    NULL,
    N_("Fill in the office that oversees your institution: the prefecture's, or your city's or special ward's where it runs its own health centre. Report serious incidents to it."),
    FOR_MEDICAL },
  { "prefecture-pharmacy", N_("Prefectural pharmaceutical affairs section"), "とどうふけんやくむ",
    N_("Prefectural government"),
    NULL, NULL, NULL, NULL,
    NULL,
    N_("Fill in the section of your prefecture that oversees pharmacies (薬務課); report serious incidents to it."),
    FOR_PHARMACY },
  { "jipdec", N_("JIPDEC Privacy Mark office: incident reports"), "じっぷでっく",
    N_("JIPDEC"),
    NULL, NULL, NULL, NULL,
    "https://privacymark.jp/",
    N_("For Privacy Mark holders only: an incident with personal information is also reported to JIPDEC or to the body that examined you."),
    FOR_ALL },
  { "jma-cyber", N_("Japan Medical Association cyber-security helpline (members)"), "にほんいしかい",
    N_("Japan Medical Association"),
    "work", "0120-179-066", NULL, NULL,
    NULL,
    N_("Advice by phone for members of the Japan Medical Association when a cyber attack is suspected. Only for members: check that your doctors are members, and that the number is still in service."),
    FOR_MEDICAL },
};

/* The bundled entries as earlier Sonaes wrote them, to recognise what
 * nobody has edited since (sonae_authorities_update). Never translated. */

/* Until 2026-11. */
#define AUTHORITIES_V1_CHECKED_ON "2026-11-21"

static const Authority authorities_v1[] = {
  { "ipa-report", "IPA Security Center: virus and unauthorised-access reports", NULL,
    "Information-technology Promotion Agency, Japan (IPA)", NULL, NULL, NULL, NULL,
    "https://www.ipa.go.jp/security/outline/todokede-j.html",
    "Report a computer virus or unauthorised access after the first response, so that others are warned.", 0 },
  { "ipa-consult", "IPA Information Security Consultation Desk", NULL,
    "Information-technology Promotion Agency, Japan (IPA)", "work", "03-5978-7509", NULL, NULL,
    "https://www.ipa.go.jp/security/anshin/",
    "Advice by phone or e-mail on viruses, unauthorised access and other security troubles.", 0 },
  { "ppc", "Personal Information Protection Commission: leak reports", NULL,
    "Personal Information Protection Commission (PPC)", "work", "03-6457-9849", NULL, NULL,
    "https://www.ppc.go.jp/personalinfo/legal/leakAction/",
    "Report leaks, loss or damage of personal data (including My Number) through the web form. Patient data is sensitive: even one person must be reported.", 0 },
  { "mhlw", "Ministry of Health, Labour and Welfare: contact after a cyber attack", NULL,
    "Ministry of Health, Labour and Welfare (MHLW)", NULL, NULL, NULL, NULL,
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/johoka/cyber-security.html",
    "Medical institutions report a cyber attack to the ministry; its page lists the current contact.", 0 },
  { "mhlw-support", "MHLW first-response support desk for medical institutions", NULL,
    "Ministry of Health, Labour and Welfare (MHLW)", NULL, NULL, NULL, NULL,
    "https://mhlw-training.saj.or.jp/",
    "Helps a medical institution with the first response when an incident happens.", 0 },
  { "jpcert", "JPCERT/CC incident report", NULL,
    "JPCERT Coordination Center", NULL, NULL, NULL, NULL,
    "https://www.jpcert.or.jp/form/",
    "Report a serious incident so that the attack can be coordinated and others warned.", 0 },
  { "police-consult", "Police consultation line #9110", NULL,
    "Police", "main", "#9110", NULL, NULL,
    NULL,
    "For advice that is not an emergency. It connects to your prefecture's police consultation desk.", 0 },
  { "police-110", "Police emergency 110", NULL,
    "Police", "main", "110", NULL, NULL,
    NULL,
    "In an emergency only: a crime in progress, a threat, or danger to people.", 0 },
  { "police-cyber", "Prefectural police cyber-crime desk", NULL,
    "Prefectural police", NULL, NULL, NULL, NULL,
    "https://www.npa.go.jp/bureau/cyber/soudan.html",
    "Fill in your prefecture's cyber-crime desk. Report unauthorised access or ransomware here to file a damage report.", 0 },
  { "prefecture-medical", "Prefectural medical-safety office", NULL,
    "Prefectural government", NULL, NULL, NULL, NULL,
    NULL,
    "Fill in the office of your prefecture that oversees medical institutions; report serious incidents to it.", 0 },
};

/* 2026-12, before the bodies had hours and the ministry's entries asked for
 * their number. */
static const Authority authorities_v2[] = {
  { "ipa-report", "IPA: reports of viruses, unauthorised access and software vulnerabilities", NULL,
    "Information-technology Promotion Agency, Japan (IPA)", NULL, NULL, NULL, NULL,
    "https://www.ipa.go.jp/security/todokede/index.html",
    "IPA takes three kinds of report: a computer virus, unauthorised access, and a vulnerability found in software or a website. Report after the first response, so that others are warned.", 0 },
  { "ipa-consult", "IPA cyber-security consultation desk for organisations", NULL,
    "Information-technology Promotion Agency, Japan (IPA)", NULL, NULL, NULL, "cs-support@ipa.go.jp",
    "https://www.ipa.go.jp/security/support/soudan.html",
    "Advice for companies and other organisations on an attack or a security trouble, by e-mail (since April 2025). IPA’s phone desk is for individuals.", 0 },
  { "ppc", "Personal Information Protection Commission: leak reports", NULL,
    "Personal Information Protection Commission (PPC)", "work", "03-6457-9849", NULL, NULL,
    "https://www.ppc.go.jp/personalinfo/legal/leakAction/",
    "Reports go through the web form on this page; the number is the PPC’s consultation line (weekdays), not a way to report. A leak of sensitive data (such as a person’s medical history), of data open to financial misuse, or one done on purpose must be reported even for one person; otherwise from more than 1,000 persons.", 0 },
  { "mhlw", "Ministry of Health, Labour and Welfare: contact after a cyber attack", NULL,
    "Ministry of Health, Labour and Welfare (MHLW)", NULL, NULL, NULL, NULL,
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/johoka/cyber-security.html",
    "Medical institutions report a cyber attack that disrupts care or leaks data, or may, to the ministry; its page lists the current contact.", 0 },
  { "mhlw-support", "MHLW first-response support desk for medical institutions", NULL,
    "Ministry of Health, Labour and Welfare (MHLW)", NULL, NULL, NULL, NULL,
    "https://mhlw-training.saj.or.jp/",
    "Helps a medical institution with the first response when an incident happens. The desk is run under a contract renewed every year: check its address each April.", 0 },
  { "jpcert", "JPCERT/CC incident report", NULL,
    "JPCERT Coordination Center", NULL, NULL, NULL, NULL,
    "https://www.jpcert.or.jp/form/",
    "Report a serious incident so that the attack can be coordinated and others warned.", 0 },
  { "police-consult", "Police consultation line #9110", NULL,
    "Police", "main", "#9110", NULL, NULL,
    NULL,
    "For advice that is not an emergency (weekdays, daytime). It connects to your prefecture's police consultation desk.", 0 },
  { "police-110", "Police emergency 110", NULL,
    "Police", "main", "110", NULL, NULL,
    NULL,
    "In an emergency only: a crime in progress, a threat, or danger to people.", 0 },
  { "police-cyber", "Prefectural police cyber-crime desk", NULL,
    "Prefectural police", NULL, NULL, NULL, NULL,
    "https://www.npa.go.jp/bureau/cyber/soudan.html",
    "Fill in your prefecture's cyber-crime desk (the page lists them). A damage report (被害届) for unauthorised access or ransomware is filed there or at the nearest police station; the National Police Agency’s online window takes reports and questions, not damage reports.", 0 },
  { "prefecture-medical", "Local authority overseeing medical institutions", NULL,
    "Prefecture, or city or ward with its own health centre", NULL, NULL, NULL, NULL,
    NULL,
    "Fill in the office that oversees your institution: the prefecture's, or your city's or special ward's where it runs its own health centre. Report serious incidents to it.", 0 },
  { "prefecture-pharmacy", "Prefectural pharmaceutical affairs section", NULL,
    "Prefectural government", NULL, NULL, NULL, NULL,
    NULL,
    "Fill in the section of your prefecture that oversees pharmacies (薬務課); report serious incidents to it.", 0 },
  { "jipdec", "JIPDEC Privacy Mark office: incident reports", NULL,
    "JIPDEC", NULL, NULL, NULL, NULL,
    "https://privacymark.jp/",
    "For Privacy Mark holders only: an incident with personal information is also reported to JIPDEC or to the body that examined you.", 0 },
};

/* One earlier version of the bundled entries. */
typedef struct {
  const Authority *entries;
  guint n_entries;
  gboolean one_page;          /* its notes say “the public page on” a day */
  const char *checked_on;
} Snapshot;

static const Snapshot snapshots[] = {
  /* 1 */ { authorities_v1, G_N_ELEMENTS (authorities_v1), TRUE, AUTHORITIES_V1_CHECKED_ON },
  /* 2 */ { authorities_v2, G_N_ELEMENTS (authorities_v2), FALSE, AUTHORITIES_CHECKED_ON },
};

G_STATIC_ASSERT (G_N_ELEMENTS (snapshots) == SONAE_AUTHORITIES_VERSION - 1);

static const Authority *
lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (authorities); i++)
    if (g_str_equal (authorities[i].key, key))
      return &authorities[i];
  return NULL;
}

gboolean
sonae_authorities_is_builtin_key (const char *key)
{
  return lookup (key) != NULL;
}

gboolean
sonae_authorities_asks_number (const char *key)
{
  /* Reports and questions go through a web form or e-mail: the number
   * would be a nice-to-have, not what the response waits for. */
  static const char *const online[] = { "ipa-report", "ipa-consult", "jpcert", "jipdec", NULL };

  return key == NULL || !g_strv_contains (online, key);
}

static char *
format_notes (const Authority *a,
              gboolean         translated)
{
  if (!translated)
    return g_strdup_printf ("%s\nChecked against the public pages in %s; check before relying on it.",
                            a->notes, AUTHORITIES_CHECKED_ON);
  /* Translators: %s is a note on the authority, then a year and month (2026-12) */
  return g_strdup_printf (_("%s\nChecked against the public pages in %s; check before relying on it."),
                          _(a->notes), AUTHORITIES_CHECKED_ON);
}

/* The notes a database of @version (1 to SONAE_AUTHORITIES_VERSION - 1)
 * holds for @a of that version. */
static char *
format_notes_then (const Authority *a,
                   guint            version)
{
  const Snapshot *snapshot = &snapshots[version - 1];

  if (snapshot->one_page)
    return g_strdup_printf ("%s\nChecked against the public page on %s; check before relying on it.",
                            a->notes, snapshot->checked_on);
  return g_strdup_printf ("%s\nChecked against the public pages in %s; check before relying on it.",
                          a->notes, snapshot->checked_on);
}

static void
localize_field (char       **field,
                const char  *source)
{
  if (*field != NULL && source != NULL && g_str_equal (*field, source))
    {
      g_free (*field);
      *field = g_strdup (_(source));
    }
}

/* The bundled entries are stored in the source language; shown in the
 * user's, for as long as nobody has edited them. */
void
sonae_authorities_localize (SonaeContact *c)
{
  const Authority *a = lookup (c->builtin_key);
  g_autofree char *notes = NULL;

  if (a == NULL)
    return;
  localize_field (&c->name, a->name);
  localize_field (&c->organization, a->organization);
  localize_field (&c->hours, a->hours);
  notes = format_notes (a, FALSE);
  if (g_strcmp0 (c->notes, notes) == 0)
    {
      g_free (c->notes);
      c->notes = format_notes (a, TRUE);
    }
}

static gboolean add_authority (SonaeStore       *store,
                               const Authority  *a,
                               GError          **error);

gboolean
sonae_authorities_install (SonaeStore  *store,
                           GError     **error)
{
  if (!sonae_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    if (!add_authority (store, &authorities[i], error))
      {
        sonae_store_rollback (store);
        return FALSE;
      }

  return sonae_store_commit (store, error);
}

/* --- later Sonae, earlier databases ------------------------------------- */

/* @key as a database of @version holds it, or NULL when that Sonae did
 * not have it. */
static const Authority *
lookup_then (const char *key,
             guint       version)
{
  const Snapshot *snapshot = &snapshots[version - 1];

  for (guint i = 0; i < snapshot->n_entries; i++)
    if (g_str_equal (snapshot->entries[i].key, key))
      return &snapshot->entries[i];
  return NULL;
}

/* @field takes @now where it still holds @then, the text Sonae put there:
 * an edit of the organisation's own is kept. */
static gboolean
refresh_field (char       **field,
               const char  *then,
               const char  *now)
{
  if (g_strcmp0 (*field, then) != 0 || g_strcmp0 (then, now) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (now);
  return TRUE;
}

/* The phone numbers: the one Sonae put there, and nothing else, becomes
 * the current one (or none). */
static gboolean
refresh_phones (SonaeContact    *c,
                const Authority *then,
                const Authority *now)
{
  gboolean as_bundled;

  if (g_strcmp0 (then->phone, now->phone) == 0)
    return FALSE;
  as_bundled = then->phone == NULL
               ? c->phones->len == 0
               : c->phones->len == 1 &&
                 g_strcmp0 (((SonaeLabeled *) g_ptr_array_index (c->phones, 0))->value, then->phone) == 0;
  if (!as_bundled)
    return FALSE;
  g_ptr_array_set_size (c->phones, 0);
  if (now->phone != NULL)
    sonae_contact_add_phone (c, now->phone_label, now->phone);
  return TRUE;
}

static gboolean
add_authority (SonaeStore       *store,
               const Authority  *a,
               GError          **error)
{
  g_autoptr(SonaeContact) c = sonae_contact_new ();

  c->group = SONAE_GROUP_AUTHORITY;
  c->name = g_strdup (a->name);
  c->reading = g_strdup (a->reading);
  c->organization = g_strdup (a->organization);
  c->hours = g_strdup (a->hours);
  c->url = g_strdup (a->url);
  c->notes = format_notes (a, FALSE);
  c->needs_check = TRUE;
  c->builtin_key = g_strdup (a->key);
  if (a->phone)
    sonae_contact_add_phone (c, a->phone_label, a->phone);
  if (a->email)
    sonae_contact_add_email (c, "work", a->email);
  return sonae_contacts_save (store, c, error);
}

gboolean
sonae_authorities_update (SonaeStore  *store,
                          guint        from_version,
                          GError     **error)
{
  g_return_val_if_fail (from_version >= 1, FALSE);

  if (from_version >= SONAE_AUTHORITIES_VERSION)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    {
      const Authority *a = &authorities[i];
      const Authority *then = lookup_then (a->key, from_version);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(SonaeContact) c = NULL;
      g_autofree char *notes_then = NULL;
      g_autofree char *notes_now = NULL;
      gboolean changed = FALSE;
      gint64 id = 0;

      /* A body new since that Sonae (unless it is there already). */
      if (then == NULL)
        {
          g_autoptr(sqlite3_stmt) known = sonae_store_prepare (store, "SELECT 1 FROM contacts WHERE builtin_key = ?1",
                                                               error);

          if (known == NULL)
            return FALSE;
          sqlite3_bind_text (known, 1, a->key, -1, SQLITE_STATIC);
          if (sqlite3_step (known) == SQLITE_ROW)
            continue;
          if (!add_authority (store, a, error))
            return FALSE;
          continue;
        }
      /* Deleted by the organisation: it stays deleted. */
      stmt = sonae_store_prepare (store, "SELECT id FROM contacts WHERE builtin_key = ?1 AND deleted = 0", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, a->key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      if (id == 0)
        continue;
      c = sonae_contacts_get (store, id, error);
      if (c == NULL)
        return FALSE;
      /* Read back as stored, not as shown. */
      g_free (c->name);
      g_free (c->organization);
      g_free (c->notes);
      g_free (c->hours);
      {
        g_autoptr(sqlite3_stmt) raw = sonae_store_prepare (store,
                                                           "SELECT name, organization, notes, hours FROM contacts WHERE id = ?1",
                                                           error);

        if (raw == NULL)
          return FALSE;
        sqlite3_bind_int64 (raw, 1, id);
        if (sqlite3_step (raw) != SQLITE_ROW)
          return sonae_store_set_sql_error (store, error, _("Could not update the bundled authorities"));
        c->name = sonae_column_dup (raw, 0);
        c->organization = sonae_column_dup (raw, 1);
        c->notes = sonae_column_dup (raw, 2);
        c->hours = sonae_column_dup (raw, 3);
      }
      notes_then = format_notes_then (then, from_version);
      notes_now = format_notes (a, FALSE);
      changed |= refresh_field (&c->name, then->name, a->name);
      changed |= refresh_field (&c->organization, then->organization, a->organization);
      changed |= refresh_field (&c->url, then->url, a->url);
      changed |= refresh_field (&c->hours, then->hours, a->hours);
      changed |= refresh_field (&c->notes, notes_then, notes_now);
      changed |= refresh_phones (c, then, a);
      if (a->email != NULL && c->emails->len == 0)
        {
          sonae_contact_add_email (c, "work", a->email);
          changed = TRUE;
        }
      if (changed)
        {
          /* Facts Sonae changed: to be checked again. */
          c->needs_check = TRUE;
          if (!sonae_contacts_save (store, c, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
applies (const Authority *a,
         SonaeOrgKind     kind)
{
  switch (kind)
    {
    case SONAE_ORG_CLINIC:
    case SONAE_ORG_HOSPITAL:
      return (a->kinds & FOR_MEDICAL) != 0;
    case SONAE_ORG_PHARMACY:
      return (a->kinds & FOR_PHARMACY) != 0;
    case SONAE_ORG_BUSINESS:
    default:
      return (a->kinds & FOR_BUSINESS) != 0;
    }
}

gboolean
sonae_authorities_applies (const char   *key,
                           SonaeOrgKind  kind)
{
  const Authority *a = lookup (key);

  return a == NULL || applies (a, kind);
}

gboolean
sonae_authorities_apply_kind (SonaeStore    *store,
                              SonaeOrgKind   kind,
                              GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    {
      const Authority *a = &authorities[i];
      gboolean shown = applies (a, kind);
      g_autoptr(sqlite3_stmt) stmt =
        sonae_store_prepare (store,
                             "UPDATE contacts SET deleted = ?2 WHERE builtin_key = ?1 AND deleted = ?3", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, a->key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, shown ? 0 : SONAE_AUTHORITY_NOT_FOR_KIND);
      sqlite3_bind_int (stmt, 3, shown ? SONAE_AUTHORITY_NOT_FOR_KIND : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return sonae_store_set_sql_error (store, error, _("Could not update the bundled authorities"));
    }
  sonae_store_emit_changed (store, SONAE_CHANGED_CONTACTS);
  return TRUE;
}
