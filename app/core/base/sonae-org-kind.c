/* sonae-org-kind.c: which kinds of organisation read the medical wording */
#include "config.h"

#include "sonae-org-kind.h"

/* Pharmacies are treated as a business wherever Sonae has nothing written
 * for a pharmacy, and today that is everywhere: Sonae carries no pharmacy
 * manual, no 薬局確認用 checklist and no prefectural 薬務 office. A
 * business's words (従業員, お客様, 業務, the president) are plain in a
 * pharmacy; a clinic's (診療, 紙カルテ, 院長, 医院) are wrong there. When
 * pharmacy texts come, they get a wording of their own rather than this
 * switch flipping back. */
gboolean
sonae_org_kind_is_medical (SonaeOrgKind kind)
{
  return kind == SONAE_ORG_CLINIC || kind == SONAE_ORG_HOSPITAL;
}
