/* sonae-authorities.c: the public bodies every clinic reports to, added to a
 * new database. Their numbers and addresses are facts from outside Sonae: they
 * stay marked "check before relying on it" until a person confirms them. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contacts.h"
#include "sonae-store-private.h"

/* The day the Sonae authors last compared these entries with the public pages. */
#define AUTHORITIES_CHECKED_ON "2026-11-21"

typedef struct {
  const char *key;
  const char *name;
  const char *reading;
  const char *organization;
  const char *phone_label;
  const char *phone;
  const char *url;
  const char *notes;
} Authority;

static const Authority authorities[] = {
  { "ipa-report", N_("IPA Security Center: virus and unauthorised-access reports"), "あいぴーえー",
    N_("Information-technology Promotion Agency, Japan (IPA)"),
    NULL, NULL,
    "https://www.ipa.go.jp/security/outline/todokede-j.html",
    N_("Report a computer virus or unauthorised access after the first response, so that others are warned.") },
  { "ipa-consult", N_("IPA Information Security Consultation Desk"), "あいぴーえーそうだん",
    N_("Information-technology Promotion Agency, Japan (IPA)"),
    "work", "03-5978-7509",
    "https://www.ipa.go.jp/security/anshin/",
    N_("Advice by phone or e-mail on viruses, unauthorised access and other security troubles.") },
  { "ppc", N_("Personal Information Protection Commission: leak reports"), "こじんじょうほうほごいいんかい",
    N_("Personal Information Protection Commission (PPC)"),
    "work", "03-6457-9849",
    "https://www.ppc.go.jp/personalinfo/legal/leakAction/",
    N_("Report leaks, loss or damage of personal data (including My Number) through the web form. Patient data is sensitive: even one person must be reported.") },
  { "mhlw", N_("Ministry of Health, Labour and Welfare: contact after a cyber attack"), "こうせいろうどうしょう",
    N_("Ministry of Health, Labour and Welfare (MHLW)"),
    NULL, NULL,
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/johoka/cyber-security.html",
    N_("Medical institutions report a cyber attack to the ministry; its page lists the current contact.") },
  { "mhlw-support", N_("MHLW first-response support desk for medical institutions"), "こうせいろうどうしょうしょどう",
    N_("Ministry of Health, Labour and Welfare (MHLW)"),
    NULL, NULL,
    "https://mhlw-training.saj.or.jp/",
    N_("Helps a medical institution with the first response when an incident happens.") },
  { "jpcert", N_("JPCERT/CC incident report"), "じぇいぴーさーと",
    N_("JPCERT Coordination Center"),
    NULL, NULL,
    "https://www.jpcert.or.jp/form/",
    N_("Report a serious incident so that the attack can be coordinated and others warned.") },
  { "police-consult", N_("Police consultation line #9110"), "けいさつそうだん",
    N_("Police"),
    "main", "#9110",
    NULL,
    N_("For advice that is not an emergency. It connects to your prefecture's police consultation desk.") },
  { "police-110", N_("Police emergency 110"), "けいさつ110",
    N_("Police"),
    "main", "110",
    NULL,
    N_("In an emergency only: a crime in progress, a threat, or danger to people.") },
  { "police-cyber", N_("Prefectural police cyber-crime desk"), "けいさつさいばー",
    N_("Prefectural police"),
    NULL, NULL,
    "https://www.npa.go.jp/bureau/cyber/soudan.html",
    N_("Fill in your prefecture's cyber-crime desk. Report unauthorised access or ransomware here to file a damage report.") },
  { "prefecture-medical", N_("Prefectural medical-safety office"), "とどうふけんいりょう",
    N_("Prefectural government"),
    NULL, NULL,
    NULL,
    N_("Fill in the office of your prefecture that oversees medical institutions; report serious incidents to it.") },
};

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

static char *
format_notes (const Authority *a,
              gboolean         translated)
{
  if (!translated)
    return g_strdup_printf ("%s\nChecked against the public page on %s; check before relying on it.",
                            a->notes, AUTHORITIES_CHECKED_ON);
  /* Translators: %s is a note on the authority, then a date */
  return g_strdup_printf (_("%s\nChecked against the public page on %s; check before relying on it."),
                          _(a->notes), AUTHORITIES_CHECKED_ON);
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
  notes = format_notes (a, FALSE);
  if (g_strcmp0 (c->notes, notes) == 0)
    {
      g_free (c->notes);
      c->notes = format_notes (a, TRUE);
    }
}

gboolean
sonae_authorities_install (SonaeStore  *store,
                           GError     **error)
{
  if (!sonae_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    {
      const Authority *a = &authorities[i];
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      c->group = SONAE_GROUP_AUTHORITY;
      c->name = g_strdup (a->name);
      c->reading = g_strdup (a->reading);
      c->organization = g_strdup (a->organization);
      c->url = g_strdup (a->url);
      c->notes = format_notes (a, FALSE);
      c->needs_check = TRUE;
      c->builtin_key = g_strdup (a->key);
      if (a->phone)
        sonae_contact_add_phone (c, a->phone_label, a->phone);

      if (!sonae_contacts_save (store, c, error))
        {
          sonae_store_rollback (store);
          return FALSE;
        }
    }

  return sonae_store_commit (store, error);
}
