/* sonae-demo.h: a fictional organisation, so that a newcomer sees a
 * lived-in kit in its own words */
#pragma once

#include "sonae-store.h"

G_BEGIN_DECLS

/* Whether --demo has an organisation of @kind: a clinic and a business
 * (a hospital and a pharmacy have none of their own). */
gboolean sonae_demo_has_kind  (SonaeOrgKind   kind);
/* Fill an empty store with the fictional organisation of @kind, in one
 * transaction: みどり台ファミリークリニック, or the business
 * 株式会社あおば台工務店. A store that already holds data is refused with
 * SONAE_ERROR_EXISTS and left alone. */
gboolean sonae_demo_fill_kind (SonaeStore    *store,
                               SonaeOrgKind   kind,
                               GError       **error);
/* The clinic. */
gboolean sonae_demo_fill      (SonaeStore    *store,
                               GError       **error);

G_END_DECLS
