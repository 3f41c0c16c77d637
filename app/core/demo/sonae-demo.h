/* sonae-demo.h: a fictional clinic, so that a newcomer sees a lived-in kit */
#pragma once

#include "sonae-store.h"

G_BEGIN_DECLS

/* Fill an empty store with the fictional clinic, in one transaction. A store
 * that already holds data is refused with SONAE_ERROR_EXISTS and left alone. */
gboolean sonae_demo_fill (SonaeStore  *store,
                          GError     **error);

G_END_DECLS
