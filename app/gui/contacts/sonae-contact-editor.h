/* sonae-contact-editor.h: the detail pane of the contacts section, where a
 * contact is read and edited. Every edit is saved as it is made. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_CONTACT_EDITOR (sonae_contact_editor_get_type ())
G_DECLARE_FINAL_TYPE (SonaeContactEditor, sonae_contact_editor, SONAE, CONTACT_EDITOR, GtkWidget)

/* How long after the last keystroke an edit is written. */
#define SONAE_EDITOR_SAVE_DELAY_MS 400

GtkWidget    *sonae_contact_editor_new          (void);
void          sonae_contact_editor_set_store    (SonaeContactEditor *self,
                                                 SonaeStore         *store);
/* Show a copy of @contact (NULL for none), after saving pending edits of the
 * one shown before. A contact with id 0 is new: it is stored once it has a name. */
void          sonae_contact_editor_set_contact  (SonaeContactEditor *self,
                                                 SonaeContact       *contact);
/* The contact as edited (borrowed), or NULL. */
SonaeContact *sonae_contact_editor_get_contact  (SonaeContactEditor *self);
/* The store changed: @fresh is the stored version of the contact shown.
 * Updates what changed elsewhere (roles, verified date) without disturbing
 * what is being typed. */
void          sonae_contact_editor_refresh      (SonaeContactEditor *self,
                                                 SonaeContact       *fresh);
/* Write pending edits now. FALSE when saving failed (the user was told). */
gboolean      sonae_contact_editor_flush        (SonaeContactEditor *self);
/* TRUE while the editor itself is writing to the store. */
gboolean      sonae_contact_editor_is_saving    (SonaeContactEditor *self);
void          sonae_contact_editor_focus_name   (SonaeContactEditor *self);

/* Actions: editor.add-phone and editor.add-email add an empty row and focus it. */

G_END_DECLS
