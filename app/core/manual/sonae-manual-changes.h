/* sonae-manual-changes.h: what a person does to the organisation's manual,
 * each in one transaction: change a part's text or role (or a level's
 * responder), put a part back to the bundled text, remove it, move it among
 * its siblings, add a step of their own, and settle a part a later Sonae
 * changed under an edit. A reset or a removal hands back a SonaeManualUndo
 * that puts back what it replaced, in one transaction too; when that fails
 * the caller gets the error to show. */
#pragma once

#include "sonae-manual-view.h"
#include "sonae-store.h"

G_BEGIN_DECLS

typedef struct _SonaeManualUndo SonaeManualUndo;

void     sonae_manual_undo_free  (SonaeManualUndo *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeManualUndo, sonae_manual_undo_free)
/* Put back what the change replaced, by the author of the change. */
gboolean sonae_manual_undo_apply (SonaeManualUndo *undo,
                                  SonaeStore      *store,
                                  GError         **error);

/* The text (or, when @title, the title) of @item_id as typed: the edit
 * keeps the English source it was made on, to notice a later update. */
gboolean sonae_manual_changes_set_text      (SonaeStore       *store,
                                             SonaeManualView  *view,
                                             const char       *item_id,
                                             gboolean          title,
                                             const char       *text,
                                             const char       *author,
                                             GError          **error);
/* A step's responsible role, or a level's responder (the bundled one is
 * stored as no choice, so a later Sonae's responder applies). */
gboolean sonae_manual_changes_set_role      (SonaeStore                *store,
                                             const SonaeManualViewItem *item,
                                             const char                *role_key,
                                             const char                *author,
                                             GError                   **error);
/* Back to the bundled text, title and, for a level, responder. */
gboolean sonae_manual_changes_reset         (SonaeStore                *store,
                                             const SonaeManualViewItem *item,
                                             const char                *author,
                                             SonaeManualUndo          **out_undo,
                                             GError                   **error);
gboolean sonae_manual_changes_remove        (SonaeStore                *store,
                                             const SonaeManualViewItem *item,
                                             const char                *author,
                                             SonaeManualUndo          **out_undo,
                                             GError                   **error);
/* One place up (@delta -1) or down (1) among its siblings; nothing at
 * either end. */
gboolean sonae_manual_changes_move          (SonaeStore                *store,
                                             SonaeManualView           *view,
                                             const SonaeManualViewItem *item,
                                             int                        delta,
                                             const char                *author,
                                             GError                   **error);
/* A new step of the organisation's own right after @item, with its role;
 * @out_new_id (may be NULL) is the new step's id. */
gboolean sonae_manual_changes_add_below     (SonaeStore                *store,
                                             SonaeManualView           *view,
                                             const SonaeManualViewItem *item,
                                             const char                *author,
                                             char                     **out_new_id,
                                             GError                   **error);
/* A new step at the end of section, procedure or list @parent_id (a
 * procedure's new step takes the role of its last one). */
gboolean sonae_manual_changes_add_at_end    (SonaeStore       *store,
                                             SonaeManualView  *view,
                                             const char       *parent_id,
                                             const char       *author,
                                             char            **out_new_id,
                                             GError          **error);
/* After an update changed the bundled text under an edit: keep the
 * organisation's text (@keep) or take the new one; the role and place of
 * the edit stay either way. */
gboolean sonae_manual_changes_settle_review (SonaeStore                *store,
                                             const SonaeManualViewItem *item,
                                             gboolean                   keep,
                                             const char                *author,
                                             GError                   **error);

G_END_DECLS
