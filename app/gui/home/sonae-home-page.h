/* sonae-home-page.h: Home: the organisation, what needs attention, printing */
#pragma once

#include <adwaita.h>

#include "sonae-section.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_HOME_PAGE (sonae_home_page_get_type ())
G_DECLARE_FINAL_TYPE (SonaeHomePage, sonae_home_page, SONAE, HOME_PAGE, SonaeSection)

/* Rows use the window's actions win.show-role(s), win.show-contact(x),
 * win.print-document(s) and win.preferences. */
GtkWidget *sonae_home_page_new          (SonaeStore *store);
/* Put the keyboard focus on the first print shortcut (Ctrl+P on Home). */
void       sonae_home_page_focus_print  (SonaeHomePage *self);

/* At most this many "needs attention" rows are listed; the rest are counted. */
#define SONAE_HOME_MAX_ATTENTION 8

G_END_DECLS
