/* sonae-role.h: the response roles of the emergency manual */
#pragma once

#include <glib.h>

#include "sonae-org-kind.h"

G_BEGIN_DECLS

/* A role of the manual. The keys are stable identifiers stored in the
 * database; names are translated at display time. */
typedef struct {
  const char *key;
  const char *name;         /* untranslated (English source); use sonae_role_get_name() */
  const char *description;  /* untranslated: a clinic's words */
  const char *business_description;  /* a business's words, or NULL for the same */
  gboolean care_only;       /* only a healthcare provider (a clinic, a hospital,
                             * a pharmacy) has it */
} SonaeRoleInfo;

/* The bundled roles, in the order the manual lists them. */
const SonaeRoleInfo *sonae_roles_get_builtin  (guint *n_roles);
/* The bundled roles an organisation has, in the same order: all of them for
 * a healthcare provider (@care), else those that are not care_only. The
 * care_only roles come last, so this is the start of the same array and an
 * index into it is one into sonae_roles_get_builtin(). */
const SonaeRoleInfo *sonae_roles_get_for      (gboolean  care,
                                               guint    *n_roles);
const SonaeRoleInfo *sonae_role_lookup        (const char *key);
/* Translated name of a role key; the key itself when unknown. */
const char          *sonae_role_get_name      (const char *key);
/* Translated, in the words of an organisation of @kind; "" when unknown. */
const char          *sonae_role_get_description (const char   *key,
                                                 SonaeOrgKind  kind);
/* Find a role key by its translated or English name, or by its key. */
const char          *sonae_role_find_by_name  (const char *name);

#define SONAE_ROLE_TOP         "top"          /* 最高責任者 */
#define SONAE_ROLE_LEAD        "lead"         /* 対応責任者 */
#define SONAE_ROLE_FIRST       "first"        /* 一次対応者 */
#define SONAE_ROLE_SYSADMIN    "sysadmin"     /* システム管理者 */
#define SONAE_ROLE_PRIVACY     "privacy"      /* 個人情報管理責任者 */
#define SONAE_ROLE_SECURITY    "security"     /* 情報セキュリティ部門責任者 */
#define SONAE_ROLE_PRESS       "press"        /* 総務・広報 */
#define SONAE_ROLE_MANAGEMENT  "management"   /* 経営層 */
#define SONAE_ROLE_MEDINFO     "medinfo"      /* 医療情報システム安全管理責任者 (care only) */

G_END_DECLS
