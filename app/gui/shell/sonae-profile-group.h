/* sonae-profile-group.h: the rows that edit the organisation profile,
 * shared by the first-start setup and Preferences */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_PROFILE_GROUP (sonae_profile_group_get_type ())
G_DECLARE_FINAL_TYPE (SonaeProfileGroup, sonae_profile_group, SONAE, PROFILE_GROUP, AdwPreferencesGroup)

GtkWidget    *sonae_profile_group_new         (void);
/* Fill the rows from @profile without emitting "changed". */
void          sonae_profile_group_set_profile (SonaeProfileGroup  *self,
                                               const SonaeProfile *profile);
/* What the rows hold now; newly allocated. */
SonaeProfile *sonae_profile_group_get_profile (SonaeProfileGroup *self);

/* Signal "changed": emitted when the user edits any row. */

G_END_DECLS
