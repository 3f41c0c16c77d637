/* sonae-manual-block.h: one part of the manual on the Manual page: a
 * heading, a paragraph, a principle, a role, a level or a numbered step,
 * read as text or, in edit mode, edited in place */
#pragma once

#include <adwaita.h>

#include "sonae-manual-view.h"

G_BEGIN_DECLS

#define SONAE_TYPE_MANUAL_BLOCK (sonae_manual_block_get_type ())
G_DECLARE_FINAL_TYPE (SonaeManualBlock, sonae_manual_block, SONAE, MANUAL_BLOCK, GtkWidget)

/* What a block offers besides its text. */
typedef enum {
  SONAE_MANUAL_BLOCK_NUMBERED    = 1 << 0,  /* a step's number before it */
  SONAE_MANUAL_BLOCK_HEADING     = 1 << 1,  /* the section's title */
  SONAE_MANUAL_BLOCK_SUBHEADING  = 1 << 2,  /* an incident's or a procedure's title */
  SONAE_MANUAL_BLOCK_TITLE_FIXED = 1 << 3,  /* the title is a role's or an office's name: not editable */
  SONAE_MANUAL_BLOCK_MOVABLE     = 1 << 4,  /* Move up / Move down */
  SONAE_MANUAL_BLOCK_REMOVABLE   = 1 << 5,
  SONAE_MANUAL_BLOCK_ADD_BELOW   = 1 << 6,  /* Add a step (or paragraph) below */
  SONAE_MANUAL_BLOCK_ROLE        = 1 << 7,  /* the responsible role can be changed */
  SONAE_MANUAL_BLOCK_FIRST       = 1 << 8,  /* cannot move up */
  SONAE_MANUAL_BLOCK_LAST        = 1 << 9,  /* cannot move down */
  SONAE_MANUAL_BLOCK_CARE_ROLES  = 1 << 10, /* the role list offers a healthcare
                                               provider's own roles too */
} SonaeManualBlockFlags;

/* Texts are saved this long after the last key press. */
#define SONAE_MANUAL_SAVE_DELAY 500

/* The block copies what it needs from @item: it does not keep it.
 * Signals:
 * - "save" (gboolean title, const char *text): a text or a title typed in
 *   edit mode, after a pause in typing (or at a flush); never empty.
 * - "role-changed" (const char *role_key): chosen in the role list.
 * - "command" (const char *name): "reset", "remove", "move-up",
 *   "move-down", "add-below", "keep-mine", "use-new". */
GtkWidget  *sonae_manual_block_new          (const SonaeManualViewItem *item,
                                             SonaeManualBlockFlags      flags,
                                             gboolean                   editing);
const char *sonae_manual_block_get_item_id  (SonaeManualBlock *self);
/* Shown instead of the item's own title (a level procedure's "Level 3"). */
void        sonae_manual_block_set_display_title (SonaeManualBlock *self,
                                                  const char       *title);
/* A quiet tag beside the title ("Response role", "Optional"). */
void        sonae_manual_block_set_tag      (SonaeManualBlock *self,
                                             const char       *tag);
/* Put @child (role chips, numbers) under the text. */
void        sonae_manual_block_add_extra    (SonaeManualBlock *self,
                                             GtkWidget        *child);
/* Emit "save" now for what is still waiting; FALSE when nothing was. */
gboolean    sonae_manual_block_flush        (SonaeManualBlock *self);
/* After a successful save: show the Edited tag. */
void        sonae_manual_block_set_edited   (SonaeManualBlock *self,
                                             gboolean          edited);
/* Edit mode: focus the text, selecting all of it (a new step). */
void        sonae_manual_block_focus_text   (SonaeManualBlock *self,
                                             gboolean          select_all);
/* Draw the eye to the block for a moment (a search result). */
void        sonae_manual_block_highlight    (SonaeManualBlock *self);

G_END_DECLS
