/* sonae-contact-util.h: small helpers shared by the widgets of the contacts section */
#pragma once

#include <adwaita.h>

#include "sonae-contact.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* Load the contacts section's style sheet on the default display (once). */
void        sonae_contacts_ensure_style    (void);
/* TRUE when the contact needs a look, as sonae_contact_get_freshness()
 * decides: a bundled fact not yet confirmed, or not verified for
 * SONAE_STALE_DAYS days (or never). */
gboolean    sonae_contact_needs_attention  (SonaeContact *contact);
/* A translated sentence telling why, or NULL when nothing is wrong. */
char       *sonae_contact_attention_text   (SonaeContact *contact);
/* The labels offered for phone numbers and e-mail addresses, NULL-terminated. */
const char *const *sonae_phone_label_keys  (void);
const char *const *sonae_email_label_keys  (void);
/* Replace the children of @box with one pill label per role of @contact. */
void        sonae_fill_role_pills          (GtkWidget    *box,
                                            SonaeContact *contact);
/* Put the roster of @store (every contact not deleted, in its order) in
 * @model, which is emptied first: the first screenful now, the rest in
 * idle steps, each step's search keys folded as it comes, so that a list
 * or a chooser over thousands of contacts opens at once and searches as
 * fast as the Contacts section. Stops if @model goes away. */
void        sonae_contacts_load_model      (GListStore   *model,
                                            SonaeStore   *store);
/* The group titles, in the words of an organisation of @kind, as a
 * GtkStringList (in SonaeGroup order). */
GtkStringList *sonae_group_string_list     (SonaeOrgKind  kind);

G_END_DECLS
