/* sonae-contact-chooser.h: a searchable list to pick one contact */
#pragma once

#include <adwaita.h>

#include "sonae-contact.h"

G_BEGIN_DECLS

#define SONAE_TYPE_CONTACT_CHOOSER (sonae_contact_chooser_get_type ())
G_DECLARE_FINAL_TYPE (SonaeContactChooser, sonae_contact_chooser, SONAE, CONTACT_CHOOSER, GtkWidget)

/* @contacts: a GListModel of SonaeContact. The signal "contact-activated"
 * (SonaeContact *) tells which one was picked. */
GtkWidget  *sonae_contact_chooser_new                  (GListModel          *contacts);
void        sonae_contact_chooser_set_query            (SonaeContactChooser *self,
                                                        const char          *query);
GListModel *sonae_contact_chooser_get_model            (SonaeContactChooser *self);
/* Pick the contact at @position of the filtered list. */
void        sonae_contact_chooser_activate             (SonaeContactChooser *self,
                                                        guint                position);
/* List the staff and vendors only: a role is held by a person of the
 * organisation or of its vendors, never by the police. */
void        sonae_contact_chooser_set_hide_authorities (SonaeContactChooser *self,
                                                        gboolean             hide);
/* Offer "New Person…": a name and a phone number typed in, handed to
 * "new-contact" (SonaeContact *, returns TRUE once stored) as a new staff
 * contact. With nobody to list, the chooser opens on it. */
void        sonae_contact_chooser_set_can_add_person   (SonaeContactChooser *self,
                                                        gboolean             can_add);

G_END_DECLS
