/* sonae-manual-edits.c: the organisation's changes to the manual, kept in the
 * database and never in the bundled files */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-manual-edits.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-input.h"
#include "sonae-store-private.h"

#define MAX_TEXT 20000

void
sonae_manual_edit_free (SonaeManualEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->item_id);
  g_free (edit->parent_id);
  g_free (edit->text);
  g_free (edit->role_key);
  g_free (edit->base_text);
  g_free (edit->updated_at);
  g_free (edit);
}

void
sonae_manual_revision_free (SonaeManualRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->item_id);
  g_free (revision->action);
  g_free (revision->old_text);
  g_free (revision->new_text);
  g_free (revision->author);
  g_free (revision->at);
  g_free (revision);
}

static gboolean
check_id (const char  *item_id,
          GError     **error)
{
  if (item_id == NULL || *item_id == '\0' || strlen (item_id) > 200)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The part of the manual to change is unknown."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text != NULL && strlen (text) > MAX_TEXT)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE,
                   _("The text is too long: at most %d characters."), MAX_TEXT);
      return FALSE;
    }
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_revision (SonaeStore  *self,
              const char  *item_id,
              const char  *action,
              const char  *old_text,
              const char  *new_text,
              const char  *author,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sonae_store_prepare (self, "INSERT INTO manual_revisions (item_id, action, old_text, new_text, author, at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autofree char *at = sonae_input_now_string ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  sonae_bind_text (stmt, 3, old_text);
  sonae_bind_text (stmt, 4, new_text);
  sonae_bind_text (stmt, 5, author);
  sqlite3_bind_text (stmt, 6, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save the manual"));
  return TRUE;
}

static SonaeManualEdit *
edit_from_row (sqlite3_stmt *stmt)
{
  SonaeManualEdit *e = g_new0 (SonaeManualEdit, 1);

  e->item_id = sonae_column_dup (stmt, 0);
  e->parent_id = sonae_column_dup (stmt, 1);
  e->text = sonae_column_dup (stmt, 2);
  e->role_key = sonae_column_dup (stmt, 3);
  e->has_position = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  e->position = sqlite3_column_double (stmt, 4);
  e->removed = sqlite3_column_int (stmt, 5) != 0;
  e->base_text = sonae_column_dup (stmt, 6);
  e->updated_at = sonae_column_dup (stmt, 7);
  return e;
}

#define EDIT_COLUMNS "item_id, parent_id, text, role_key, position, removed, base_text, updated_at"

GPtrArray *
sonae_manual_edits_list (SonaeStore *self,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_manual_edit_free);
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT " EDIT_COLUMNS " FROM manual_items ORDER BY item_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (edits, edit_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the manual"));
      return NULL;
    }
  return g_steal_pointer (&edits);
}

SonaeManualEdit *
sonae_manual_edits_get (SonaeStore *self,
                        const char *item_id,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (!check_id (item_id, error))
    return NULL;
  stmt = sonae_store_prepare (self, "SELECT " EDIT_COLUMNS " FROM manual_items WHERE item_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return edit_from_row (stmt);
  if (rc != SQLITE_DONE)
    sonae_store_set_sql_error (self, error, _("Could not read the manual"));
  return NULL;
}

gboolean
sonae_manual_edits_edit_item (SonaeStore *self,
                              const char *item_id,
                              const char *text,
                              const char *role_key,
                              const char *base_text,
                              const char *author,
                              GError    **error)
{
  g_autoptr(SonaeManualEdit) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_id (item_id, error) || !check_text (text, error) || !check_text (base_text, error))
    return FALSE;
  if (text == NULL && role_key == NULL)
    return TRUE;
  if (text != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      if (*trimmed == '\0')
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                               _("The text cannot be empty; to drop a step, remove it."));
          return FALSE;
        }
    }

  if (!sonae_store_begin (self, error))
    return FALSE;

  before = sonae_manual_edits_get (self, item_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }

  stmt = sonae_store_prepare (self,
                              "INSERT INTO manual_items (item_id, text, role_key, base_text, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT (item_id) DO UPDATE SET "
                              "  text = coalesce (excluded.text, text),"
                              "  role_key = coalesce (excluded.role_key, role_key),"
                              "  base_text = coalesce (base_text, excluded.base_text),"
                              "  updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  sonae_bind_text (stmt, 3, role_key);
  sonae_bind_text (stmt, 4, base_text);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the manual"));
      goto fail;
    }

  if (text != NULL &&
      !add_revision (self, item_id, "edit",
                     before && before->text ? before->text : base_text, text, author, error))
    goto fail;
  if (role_key != NULL &&
      !add_revision (self, item_id, "role", before ? before->role_key : NULL, role_key, author, error))
    goto fail;

  sonae_store_emit_changed (self, SONAE_CHANGED_MANUAL);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

gboolean
sonae_manual_edits_add_step (SonaeStore *self,
                             const char *parent_id,
                             const char *text,
                             const char *role_key,
                             double      position,
                             const char *author,
                             char      **out_item_id,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *item_id = NULL;
  gint64 n;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_id (parent_id, error) || !check_text (text, error))
    return FALSE;
  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("A step needs a text."));
      return FALSE;
    }

  if (!sonae_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) count = sonae_store_prepare (self,
                                                         "SELECT coalesce (max (CAST (substr (item_id, 7) AS INTEGER)), 0) + 1 "
                                                         "FROM manual_items WHERE item_id LIKE 'local-%'", error);
    if (count == NULL || sqlite3_step (count) != SQLITE_ROW)
      {
        if (count != NULL)
          sonae_store_set_sql_error (self, error, _("Could not save the manual"));
        goto fail;
      }
    n = sqlite3_column_int64 (count, 0);
  }
  item_id = g_strdup_printf ("local-%" G_GINT64_FORMAT, n);

  stmt = sonae_store_prepare (self,
                              "INSERT INTO manual_items (item_id, parent_id, text, role_key, position, added, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, parent_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sonae_bind_text (stmt, 4, role_key);
  sqlite3_bind_double (stmt, 5, position);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the manual"));
      goto fail;
    }
  if (!add_revision (self, item_id, "add", NULL, text, author, error))
    goto fail;

  sonae_store_emit_changed (self, SONAE_CHANGED_MANUAL);
  if (!sonae_store_commit (self, error))
    return FALSE;
  if (out_item_id)
    *out_item_id = g_steal_pointer (&item_id);
  return TRUE;

fail:
  sonae_store_rollback (self);
  return FALSE;
}

static gboolean
upsert_column (SonaeStore  *self,
               const char  *item_id,
               const char  *sql,
               double       value,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);
  g_autofree char *now = sonae_input_now_string ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 2, value);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save the manual"));
  return TRUE;
}

gboolean
sonae_manual_edits_remove_item (SonaeStore *self,
                                const char *item_id,
                                const char *author,
                                GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_id (item_id, error) || !sonae_store_begin (self, error))
    return FALSE;
  if (!upsert_column (self, item_id,
                      "INSERT INTO manual_items (item_id, removed, updated_at) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (item_id) DO UPDATE SET removed = excluded.removed, updated_at = excluded.updated_at",
                      1, error) ||
      !add_revision (self, item_id, "remove", NULL, NULL, author, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_MANUAL);
  return sonae_store_commit (self, error);
}

gboolean
sonae_manual_edits_move_item (SonaeStore *self,
                              const char *item_id,
                              double      position,
                              const char *author,
                              GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_id (item_id, error) || !sonae_store_begin (self, error))
    return FALSE;
  if (!upsert_column (self, item_id,
                      "INSERT INTO manual_items (item_id, position, updated_at) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (item_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at",
                      position, error) ||
      !add_revision (self, item_id, "move", NULL, NULL, author, error))
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_MANUAL);
  return sonae_store_commit (self, error);
}

gboolean
sonae_manual_edits_reset_item (SonaeStore *self,
                               const char *item_id,
                               const char *author,
                               GError    **error)
{
  g_autoptr(SonaeManualEdit) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_id (item_id, error))
    return FALSE;
  before = sonae_manual_edits_get (self, item_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (before == NULL)
    return TRUE;

  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self, "DELETE FROM manual_items WHERE item_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the manual"));
      goto fail;
    }
  if (!add_revision (self, item_id, "reset", before->text, before->base_text, author, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_MANUAL);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

char *
sonae_manual_edits_get_level_role (SonaeStore *self,
                                   int         level)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT role_key FROM manual_level_roles WHERE level = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, level);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sonae_column_dup (stmt, 0);
  return NULL;
}

gboolean
sonae_manual_edits_set_level_role (SonaeStore *self,
                                   int         level,
                                   const char *role_key,
                                   const char *author,
                                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *item_id = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (level < 0 || level > 3)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("Damage levels go from 0 to 3, not %d."), level);
      return FALSE;
    }
  if (role_key != NULL && (*role_key == '\0' || strlen (role_key) > 64))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("The role is unknown."));
      return FALSE;
    }

  before = sonae_manual_edits_get_level_role (self, level);
  item_id = g_strdup_printf ("level-%d", level);
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (role_key != NULL)
    stmt = sonae_store_prepare (self, "INSERT INTO manual_level_roles (level, role_key) VALUES (?1, ?2) "
                                      "ON CONFLICT (level) DO UPDATE SET role_key = excluded.role_key", error);
  else
    stmt = sonae_store_prepare (self, "DELETE FROM manual_level_roles WHERE level = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, level);
  if (role_key != NULL)
    sqlite3_bind_text (stmt, 2, role_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the manual"));
      goto fail;
    }
  if (!add_revision (self, item_id, "level-role", before, role_key, author, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_MANUAL);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

GPtrArray *
sonae_manual_edits_list_revisions (SonaeStore *self,
                                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_manual_revision_free);
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self,
                              "SELECT id, item_id, action, old_text, new_text, author, at "
                              "FROM manual_revisions ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SonaeManualRevision *r = g_new0 (SonaeManualRevision, 1);
      r->id = sqlite3_column_int64 (stmt, 0);
      r->item_id = sonae_column_dup (stmt, 1);
      r->action = sonae_column_dup (stmt, 2);
      r->old_text = sonae_column_dup (stmt, 3);
      r->new_text = sonae_column_dup (stmt, 4);
      r->author = sonae_column_dup (stmt, 5);
      r->at = sonae_column_dup (stmt, 6);
      g_ptr_array_add (list, r);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the manual"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
sonae_manual_edits_mark_reviewed (SonaeStore *self,
                                  const char *date,
                                  const char *reviewed_by,
                                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (date == NULL)
    date = today = sonae_clock_today ();
  if (!sonae_date_check (date, error))
    return FALSE;
  if (reviewed_by == NULL || *reviewed_by == '\0')
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Say who reviewed the manual."));
      return FALSE;
    }
  if (!check_text (reviewed_by, error))
    return FALSE;

  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self, "INSERT INTO manual_reviews (reviewed_on, reviewed_by) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, reviewed_by, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the manual"));
      goto fail;
    }
  if (!add_revision (self, "manual", "review", NULL, date, reviewed_by, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_MANUAL);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

gboolean
sonae_manual_edits_get_review (SonaeStore *self,
                               char      **out_date,
                               char      **out_reviewed_by)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  stmt = sonae_store_prepare (self,
                              "SELECT reviewed_on, reviewed_by FROM manual_reviews "
                              "ORDER BY reviewed_on DESC, id DESC LIMIT 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (out_date)
    *out_date = sonae_column_dup (stmt, 0);
  if (out_reviewed_by)
    *out_reviewed_by = sonae_column_dup (stmt, 1);
  return TRUE;
}
