/* sonae-contact-row.h: one line of the contact list */
#pragma once

#include <adwaita.h>

#include "sonae-contact.h"

G_BEGIN_DECLS

#define SONAE_TYPE_CONTACT_ROW (sonae_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (SonaeContactRow, sonae_contact_row, SONAE, CONTACT_ROW, GtkWidget)

GtkWidget    *sonae_contact_row_new            (void);
/* Show @contact (a reference is kept), or nothing when NULL. */
void          sonae_contact_row_set_contact    (SonaeContactRow *self,
                                                SonaeContact    *contact);
SonaeContact *sonae_contact_row_get_contact    (SonaeContactRow *self);
/* In the "bind" of a list view's factory: name @item, the list item this
 * row is the child of, by the contact's name. */
void          sonae_contact_row_name_list_item (SonaeContactRow *self,
                                                GtkListItem     *item);

G_END_DECLS
