/* sonae-manual-page.h: the Manual section of the window: the organisation's
 * own emergency manual, to read, search, adapt and print */
#pragma once

#include <adwaita.h>

#include "sonae-section.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_MANUAL_PAGE (sonae_manual_page_get_type ())
G_DECLARE_FINAL_TYPE (SonaeManualPage, sonae_manual_page, SONAE, MANUAL_PAGE, SonaeSection)

/* Like the Contacts page, the page brings its own header bars (contents and
 * page) with the window buttons; the window binds its sidebar leaflet's
 * "folded" to the page's "sidebar-folded". Role chips activate
 * win.show-role(s), the print menu win.print-document(s). */
GtkWidget  *sonae_manual_page_new            (SonaeStore      *store);

/* The section shown ("levels", "procedures", …). */
const char *sonae_manual_page_get_section    (SonaeManualPage *self);
void        sonae_manual_page_show_section   (SonaeManualPage *self,
                                              const char      *section_id);
/* Show the section of @item_id, scroll to the item and highlight it. */
void        sonae_manual_page_show_item      (SonaeManualPage *self,
                                              const char      *item_id);
/* The level whose contacts the reporting section shows (0..3). */
void        sonae_manual_page_show_level     (SonaeManualPage *self,
                                              int              level);

/* Edit mode ("editing" property): texts become editable in place. */
gboolean    sonae_manual_page_get_editing    (SonaeManualPage *self);
void        sonae_manual_page_set_editing    (SonaeManualPage *self,
                                              gboolean         editing);

/* Put the keyboard focus in the search entry (Ctrl+F). */
void        sonae_manual_page_focus_search   (SonaeManualPage *self);

/* Write the texts being typed now (the page also does this by itself when
 * it leaves edit mode, changes section, is hidden or destroyed). */
void        sonae_manual_page_save_now       (SonaeManualPage *self);

/* Who is named in the revision history: the "Your name" field of the edit
 * bar, filled in with the system user's real name. */
const char *sonae_manual_page_get_author     (SonaeManualPage *self);

G_END_DECLS
