/* sonae-manual-edits.h: the organisation's own changes to the bundled
 * emergency manual, its revision history and its reviews.
 *
 * The bundled manual (data/content) is never changed. What an organisation
 * changes is kept here, by the stable id of the section or step it changes,
 * together with the bundled text the change was made on: when a later Sonae
 * ships a different bundled text under a local edit, the edit is flagged for
 * review instead of either text being overwritten. */
#pragma once

#include "sonae-store.h"

G_BEGIN_DECLS

typedef struct {
  char *item_id;      /* a bundled id, or "local-N" for a step the organisation added */
  char *parent_id;    /* added steps: the procedure or section they belong to */
  char *text;         /* NULL: the bundled text */
  char *role_key;     /* NULL: the bundled role */
  double position;    /* the order among siblings, when has_position */
  gboolean has_position;
  gboolean removed;
  char *base_text;    /* the bundled (source) text the edit was made on */
  char *updated_at;   /* ISO 8601, local time */
} SonaeManualEdit;

void sonae_manual_edit_free (SonaeManualEdit *edit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeManualEdit, sonae_manual_edit_free)

typedef struct {
  gint64 id;
  char *item_id;
  char *action;       /* "edit", "add", "remove", "move", "reset", "level-role", "review" */
  char *old_text;
  char *new_text;
  char *author;
  char *at;           /* ISO 8601, local time */
} SonaeManualRevision;

void sonae_manual_revision_free (SonaeManualRevision *revision);

/* All edits, in no particular order (a new GPtrArray of SonaeManualEdit). */
GPtrArray       *sonae_manual_edits_list (SonaeStore *self,
                                          GError    **error);
/* One item's edit, or NULL (no error) when it has none. */
SonaeManualEdit *sonae_manual_edits_get  (SonaeStore *self,
                                          const char *item_id,
                                          GError    **error);

/* Change the text and/or the role of an item (NULL leaves that part as it
 * is). @base_text is the bundled source text the person saw. Every change is
 * one transaction with its revision. */
gboolean sonae_manual_edits_edit_item   (SonaeStore *self,
                                         const char *item_id,
                                         const char *text,
                                         const char *role_key,
                                         const char *base_text,
                                         const char *author,
                                         GError    **error);
/* Add a step of the organisation's own under @parent_id at @position; its new
 * id is returned in @out_item_id. */
gboolean sonae_manual_edits_add_step    (SonaeStore *self,
                                         const char *parent_id,
                                         const char *text,
                                         const char *role_key,
                                         double      position,
                                         const char *author,
                                         char      **out_item_id,
                                         GError    **error);
gboolean sonae_manual_edits_remove_item (SonaeStore *self,
                                         const char *item_id,
                                         const char *author,
                                         GError    **error);
gboolean sonae_manual_edits_move_item   (SonaeStore *self,
                                         const char *item_id,
                                         double      position,
                                         const char *author,
                                         GError    **error);
/* Back to the bundled text, role, place; an added step is deleted. */
gboolean sonae_manual_edits_reset_item  (SonaeStore *self,
                                         const char *item_id,
                                         const char *author,
                                         GError    **error);

/* Which role responds at a damage level (0–3): the organisation's choice, or
 * NULL for the manual's. Setting NULL goes back to the manual's. */
char     *sonae_manual_edits_get_level_role (SonaeStore *self,
                                             int         level);
gboolean  sonae_manual_edits_set_level_role (SonaeStore *self,
                                             int         level,
                                             const char *role_key,
                                             const char *author,
                                             GError    **error);

/* Newest first (SonaeManualRevision). */
GPtrArray *sonae_manual_edits_list_revisions (SonaeStore *self,
                                              GError    **error);

/* "Reviewed on / reviewed by". @date NULL means today. */
gboolean sonae_manual_edits_mark_reviewed (SonaeStore *self,
                                           const char *date,
                                           const char *reviewed_by,
                                           GError    **error);
/* The last review; FALSE when the manual was never reviewed. */
gboolean sonae_manual_edits_get_review    (SonaeStore *self,
                                           char      **out_date,
                                           char      **out_reviewed_by);

G_END_DECLS
