/* sonae-contact-chooser.h: a searchable list to pick one contact */
#pragma once

#include <adwaita.h>

#include "sonae-contact.h"

G_BEGIN_DECLS

#define SONAE_TYPE_CONTACT_CHOOSER (sonae_contact_chooser_get_type ())
G_DECLARE_FINAL_TYPE (SonaeContactChooser, sonae_contact_chooser, SONAE, CONTACT_CHOOSER, GtkWidget)

/* @contacts: a GListModel of SonaeContact. The signal "contact-activated"
 * (SonaeContact *) tells which one was picked. */
GtkWidget *sonae_contact_chooser_new       (GListModel          *contacts);
void       sonae_contact_chooser_set_query (SonaeContactChooser *self,
                                            const char          *query);
GListModel *sonae_contact_chooser_get_model (SonaeContactChooser *self);
/* Pick the contact at @position of the filtered list. */
void       sonae_contact_chooser_activate  (SonaeContactChooser *self,
                                            guint                position);

G_END_DECLS
