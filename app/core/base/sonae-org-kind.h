/* sonae-org-kind.h: the kinds of organisation Sonae is set up for, and which
 * of them read a medical institution's words */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SONAE_ORG_CLINIC,
  SONAE_ORG_HOSPITAL,
  SONAE_ORG_PHARMACY,
  SONAE_ORG_BUSINESS,
} SonaeOrgKind;

/* TRUE for a clinic or a hospital: those read the medical wording (patients,
 * care, paper charts, the director) and follow the medical rules (the MHLW
 * flowchart's checklist, the health ministry and the local authority's
 * medical office). Every other kind, a pharmacy included, reads a
 * business's wording. */
gboolean sonae_org_kind_is_medical (SonaeOrgKind kind);

G_END_DECLS
