/* sonae-about.h: the About window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* About Sonae, transient for @parent (may be NULL): every string in the
 * user's language but the name, Sonae. Not yet presented. */
GtkWidget *sonae_about_window_new (GtkWindow *parent);

G_END_DECLS
