/* sonae-manual-history.h: the manual's revision history: who changed what,
 * and when, newest first */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_MANUAL_HISTORY (sonae_manual_history_get_type ())
G_DECLARE_FINAL_TYPE (SonaeManualHistory, sonae_manual_history, SONAE, MANUAL_HISTORY, AdwWindow)

/* A window over @parent listing sonae_manual_edits_list_revisions(). */
GtkWidget *sonae_manual_history_new       (GtkWindow  *parent,
                                           SonaeStore *store);
/* How many changes it lists. */
guint      sonae_manual_history_get_count (SonaeManualHistory *self);

G_END_DECLS
