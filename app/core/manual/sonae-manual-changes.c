/* sonae-manual-changes.c: a person's changes to the manual as whole
 * transactions, and their undo */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-manual-changes.h"
#include "sonae-error.h"
#include "sonae-manual-edits.h"
#include "sonae-role.h"

/* What to put back when a change is undone. */
struct _SonaeManualUndo {
  char *author;
  char *item_id;
  SonaeManualEdit *edit;        /* the item's edit before, or NULL */
  SonaeManualEdit *title_edit;  /* its title's */
  int level;                    /* a level whose responder was reset, or -1 */
  char *level_role;
  gboolean re_add;              /* an added step was removed: add it again */
};

void
sonae_manual_undo_free (SonaeManualUndo *undo)
{
  if (undo == NULL)
    return;
  g_free (undo->author);
  g_free (undo->item_id);
  g_clear_pointer (&undo->edit, sonae_manual_edit_free);
  g_clear_pointer (&undo->title_edit, sonae_manual_edit_free);
  g_free (undo->level_role);
  g_free (undo);
}

static char *
title_key (const char *item_id)
{
  return g_strconcat (item_id, SONAE_MANUAL_TITLE_SUFFIX, NULL);
}

/* Read what @item_id holds now, before a change. */
static SonaeManualUndo *
undo_new (SonaeStore  *store,
          const char  *item_id,
          const char  *author,
          GError     **error)
{
  g_autoptr(SonaeManualUndo) undo = g_new0 (SonaeManualUndo, 1);
  g_autofree char *title_id = title_key (item_id);
  GError *local_error = NULL;

  undo->author = g_strdup (author);
  undo->item_id = g_strdup (item_id);
  undo->level = -1;
  undo->edit = sonae_manual_edits_get (store, item_id, &local_error);
  if (local_error == NULL)
    undo->title_edit = sonae_manual_edits_get (store, title_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&undo);
}

/* Put @edit (as read before a change) back on @item_id. */
static gboolean
restore_edit (SonaeStore       *store,
              const char       *item_id,
              SonaeManualEdit  *edit,
              const char       *author,
              GError          **error)
{
  if (!sonae_manual_edits_reset_item (store, item_id, author, error))
    return FALSE;
  if (edit == NULL)
    return TRUE;
  if ((edit->text != NULL || edit->role_key != NULL) &&
      !sonae_manual_edits_edit_item (store, item_id, edit->text, edit->role_key, edit->base_text, author, error))
    return FALSE;
  if (edit->has_position && !sonae_manual_edits_move_item (store, item_id, edit->position, author, error))
    return FALSE;
  return TRUE;
}

static gboolean
finish (SonaeStore *store,
        gboolean    ok,
        GError    **error)
{
  if (ok && sonae_store_commit (store, error))
    return TRUE;
  sonae_store_rollback (store);
  return FALSE;
}

gboolean
sonae_manual_undo_apply (SonaeManualUndo *undo,
                         SonaeStore      *store,
                         GError         **error)
{
  g_autofree char *title_id = NULL;
  gboolean ok;

  g_return_val_if_fail (undo != NULL, FALSE);
  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  title_id = title_key (undo->item_id);
  if (!sonae_store_begin (store, error))
    return FALSE;
  if (undo->re_add)
    ok = undo->edit == NULL ||
         sonae_manual_edits_add_step (store, undo->edit->parent_id, undo->edit->text, undo->edit->role_key,
                                      undo->edit->position, undo->author, NULL, error);
  else
    ok = restore_edit (store, undo->item_id, undo->edit, undo->author, error) &&
         (undo->title_edit == NULL || restore_edit (store, title_id, undo->title_edit, undo->author, error)) &&
         (undo->level < 0 ||
          sonae_manual_edits_set_level_role (store, undo->level, undo->level_role, undo->author, error));
  return finish (store, ok, error);
}

gboolean
sonae_manual_changes_set_text (SonaeStore       *store,
                               SonaeManualView  *view,
                               const char       *item_id,
                               gboolean          title,
                               const char       *text,
                               const char       *author,
                               GError          **error)
{
  g_autofree char *key = title ? title_key (item_id) : g_strdup (item_id);
  const SonaeManualViewItem *item;
  const char *base = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (view != NULL && item_id != NULL, FALSE);

  /* The English source the edit was made on. */
  item = sonae_manual_view_lookup (view, item_id);
  if (item != NULL)
    base = title ? item->source_title : item->source_text;
  return sonae_manual_edits_edit_item (store, key, text, NULL, base, author, error);
}

gboolean
sonae_manual_changes_set_role (SonaeStore                *store,
                               const SonaeManualViewItem *item,
                               const char                *role_key,
                               const char                *author,
                               GError                   **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (item->kind == SONAE_MANUAL_ITEM_LEVEL)
    return sonae_manual_edits_set_level_role (store, item->level,
                                              g_strcmp0 (role_key, item->bundled_role_key) == 0 ? NULL : role_key,
                                              author, error);
  return sonae_manual_edits_edit_item (store, item->id, NULL, role_key, NULL, author, error);
}

gboolean
sonae_manual_changes_reset (SonaeStore                *store,
                            const SonaeManualViewItem *item,
                            const char                *author,
                            SonaeManualUndo          **out_undo,
                            GError                   **error)
{
  g_autoptr(SonaeManualUndo) undo = NULL;
  g_autofree char *title_id = NULL;
  gboolean ok;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  title_id = title_key (item->id);
  if (!sonae_store_begin (store, error))
    return FALSE;
  undo = undo_new (store, item->id, author, error);
  ok = undo != NULL;
  if (ok && item->kind == SONAE_MANUAL_ITEM_LEVEL && item->role_edited)
    {
      undo->level = item->level;
      undo->level_role = sonae_manual_edits_get_level_role (store, item->level);
    }
  ok = ok &&
       sonae_manual_edits_reset_item (store, item->id, author, error) &&
       sonae_manual_edits_reset_item (store, title_id, author, error) &&
       (undo->level < 0 || sonae_manual_edits_set_level_role (store, item->level, NULL, author, error));
  if (!finish (store, ok, error))
    return FALSE;
  if (out_undo != NULL)
    *out_undo = g_steal_pointer (&undo);
  return TRUE;
}

gboolean
sonae_manual_changes_remove (SonaeStore                *store,
                             const SonaeManualViewItem *item,
                             const char                *author,
                             SonaeManualUndo          **out_undo,
                             GError                   **error)
{
  g_autoptr(SonaeManualUndo) undo = NULL;
  gboolean ok;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!sonae_store_begin (store, error))
    return FALSE;
  undo = undo_new (store, item->id, author, error);
  ok = undo != NULL && sonae_manual_edits_remove_item (store, item->id, author, error);
  if (!finish (store, ok, error))
    return FALSE;
  undo->re_add = item->added;
  if (out_undo != NULL)
    *out_undo = g_steal_pointer (&undo);
  return TRUE;
}

/* The list @item is shown in, and its index there; NULL for a section. */
static GPtrArray *
siblings_of (SonaeManualView           *view,
             const SonaeManualViewItem *item,
             guint                     *out_index)
{
  const SonaeManualViewItem *parent = item->parent_id ? sonae_manual_view_lookup (view, item->parent_id) : NULL;
  GPtrArray *siblings;

  if (parent == NULL)
    return NULL;
  siblings = item->kind == SONAE_MANUAL_ITEM_PARA ? parent->paras : parent->children;
  if (siblings == NULL || !g_ptr_array_find (siblings, item, out_index))
    return NULL;
  return siblings;
}

gboolean
sonae_manual_changes_move (SonaeStore                *store,
                           SonaeManualView           *view,
                           const SonaeManualViewItem *item,
                           int                        delta,
                           const char                *author,
                           GError                   **error)
{
  guint index;
  GPtrArray *siblings;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (view != NULL && item != NULL, FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  siblings = siblings_of (view, item, &index);
  if (siblings == NULL || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= siblings->len))
    return TRUE;
  /* The index counts the other siblings only. */
  return sonae_manual_edits_move_item (store, item->id,
                                       sonae_manual_view_position_at (siblings, index + delta, item->id),
                                       author, error);
}

static gboolean
add_step (SonaeStore  *store,
          const char  *parent_id,
          GPtrArray   *siblings,
          guint        index,
          const char  *role_key,
          const char  *author,
          char       **out_new_id,
          GError     **error)
{
  return sonae_manual_edits_add_step (store, parent_id, _("New step: write here what to do."), role_key,
                                      sonae_manual_view_position_at (siblings, index, NULL),
                                      author, out_new_id, error);
}

gboolean
sonae_manual_changes_add_below (SonaeStore                *store,
                                SonaeManualView           *view,
                                const SonaeManualViewItem *item,
                                const char                *author,
                                char                     **out_new_id,
                                GError                   **error)
{
  guint index;
  GPtrArray *siblings;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (view != NULL && item != NULL, FALSE);

  siblings = siblings_of (view, item, &index);
  if (siblings == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("A step cannot be added here."));
      return FALSE;
    }
  return add_step (store, item->kind == SONAE_MANUAL_ITEM_PARA ? item->section_id : item->parent_id,
                   siblings, index + 1, item->role_key, author, out_new_id, error);
}

gboolean
sonae_manual_changes_add_at_end (SonaeStore       *store,
                                 SonaeManualView  *view,
                                 const char       *parent_id,
                                 const char       *author,
                                 char            **out_new_id,
                                 GError          **error)
{
  const SonaeManualViewItem *parent;
  GPtrArray *siblings;
  const char *role_key = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (view != NULL && parent_id != NULL, FALSE);

  parent = sonae_manual_view_lookup (view, parent_id);
  if (parent == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND, _("This part of the manual is no longer there."));
      return FALSE;
    }
  if (parent->kind == SONAE_MANUAL_ITEM_SECTION && parent->section_kind != SONAE_MANUAL_SECTION_CONTINUITY)
    siblings = parent->paras;
  else
    siblings = parent->children;
  if (siblings == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("A step cannot be added here."));
      return FALSE;
    }
  if (parent->kind == SONAE_MANUAL_ITEM_PROCEDURE)
    role_key = siblings->len > 0
               ? ((SonaeManualViewItem *) g_ptr_array_index (siblings, siblings->len - 1))->role_key
               : SONAE_ROLE_FIRST;
  return add_step (store, parent_id, siblings, siblings->len, role_key, author, out_new_id, error);
}

/* Keep the organisation's text after an update, or take the new bundled
 * one: either way the other parts of the edit (role, place) stay. */
static gboolean
settle (SonaeStore  *store,
        const char  *key,
        const char  *current_source,
        gboolean     keep,
        const char  *author,
        GError     **error)
{
  GError *local_error = NULL;
  g_autoptr(SonaeManualEdit) edit = sonae_manual_edits_get (store, key, &local_error);

  if (edit == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!sonae_manual_edits_reset_item (store, key, author, error))
    return FALSE;
  if (keep && edit->text != NULL)
    {
      if (!sonae_manual_edits_edit_item (store, key, edit->text, edit->role_key, current_source, author, error))
        return FALSE;
    }
  else if (edit->role_key != NULL &&
           !sonae_manual_edits_edit_item (store, key, NULL, edit->role_key, NULL, author, error))
    return FALSE;
  if (edit->has_position && !sonae_manual_edits_move_item (store, key, edit->position, author, error))
    return FALSE;
  return TRUE;
}

gboolean
sonae_manual_changes_settle_review (SonaeStore                *store,
                                    const SonaeManualViewItem *item,
                                    gboolean                   keep,
                                    const char                *author,
                                    GError                   **error)
{
  g_autofree char *title_id = NULL;
  gboolean ok;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  title_id = title_key (item->id);
  if (!sonae_store_begin (store, error))
    return FALSE;
  ok = (item->text_base == NULL || settle (store, item->id, item->source_text, keep, author, error)) &&
       (item->title_base == NULL || settle (store, title_id, item->source_title, keep, author, error));
  return finish (store, ok, error);
}
