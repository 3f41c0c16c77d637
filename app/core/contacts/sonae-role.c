#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-role.h"

/* A clinic's words first; a business's (and a pharmacy's:
 * sonae_org_kind_is_medical()) where they differ. */
static const SonaeRoleInfo builtin_roles[] = {
  { SONAE_ROLE_TOP, N_("Chief Executive"),
    N_("Decides for the whole organisation and speaks for it when patients or partner institutions are affected (damage level 3). Usually the director."),
    N_("Decides for the whole organisation and speaks for it when customers or business partners are affected (damage level 3). Usually the president.") },
  { SONAE_ROLE_LEAD, N_("Incident Response Lead"),
    N_("Leads the response when the business is affected (damage level 2) and directs everyone else."), NULL },
  { SONAE_ROLE_FIRST, N_("First Responder"),
    N_("Acts in the first minutes: the person who found the problem, or the system administrator."), NULL },
  { SONAE_ROLE_SYSADMIN, N_("System Administrator"),
    N_("Looks after the PCs, network and systems; responds at damage levels 0 and 1."), NULL },
  { SONAE_ROLE_PRIVACY, N_("Personal Data Manager"),
    N_("Answers for personal data, patients’ medical information included; decides on reports to the Personal Information Protection Commission."),
    N_("Answers for the personal data of customers and staff; decides on reports to the Personal Information Protection Commission.") },
  { SONAE_ROLE_SECURITY, N_("Information Security Manager"),
    N_("Heads information security; keeps the rules, logs and antivirus up to date."), NULL },
  { SONAE_ROLE_PRESS, N_("General Affairs and Press"),
    N_("Prepares announcements and answers inquiries from the press and the public."), NULL },
  /* The care_only roles last (sonae_roles_get_for). */
  { SONAE_ROLE_MEDINFO, N_("Medical Information Systems Security Manager"),
    N_("Answers for the safe running of the medical information systems (the records, the billing system, the network), as the MHLW guideline asks; the MHLW cyber-security checklist asks who it is."),
    NULL, TRUE },
};

const SonaeRoleInfo *
sonae_roles_get_builtin (guint *n_roles)
{
  if (n_roles)
    *n_roles = G_N_ELEMENTS (builtin_roles);
  return builtin_roles;
}

const SonaeRoleInfo *
sonae_roles_get_for (gboolean  care,
                     guint    *n_roles)
{
  guint n = G_N_ELEMENTS (builtin_roles);

  if (!care)
    while (n > 0 && builtin_roles[n - 1].care_only)
      n--;
  if (n_roles)
    *n_roles = n;
  return builtin_roles;
}

const SonaeRoleInfo *
sonae_role_lookup (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_roles); i++)
    if (g_str_equal (builtin_roles[i].key, key))
      return &builtin_roles[i];
  return NULL;
}

const char *
sonae_role_get_name (const char *key)
{
  const SonaeRoleInfo *info = sonae_role_lookup (key);

  return info ? _(info->name) : key;
}

const char *
sonae_role_get_description (const char   *key,
                            SonaeOrgKind  kind)
{
  const SonaeRoleInfo *info = sonae_role_lookup (key);

  if (info == NULL)
    return "";
  if (!sonae_org_kind_is_medical (kind) && info->business_description != NULL)
    return _(info->business_description);
  return _(info->description);
}

const char *
sonae_role_find_by_name (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_roles); i++)
    {
      if (g_ascii_strcasecmp (builtin_roles[i].key, name) == 0 ||
          g_ascii_strcasecmp (builtin_roles[i].name, name) == 0 ||
          g_strcmp0 (_(builtin_roles[i].name), name) == 0)
        return builtin_roles[i].key;
    }
  return NULL;
}
