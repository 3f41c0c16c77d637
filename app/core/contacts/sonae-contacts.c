/* sonae-store-contacts.c: the contact roster and who holds which role */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-store-private.h"

#define CONTACT_COLUMNS \
  "id, grp, name, reading, organization, department, title, system, contract, " \
  "address, url, notes, verified_on, needs_check, builtin_key, hours"

/* A text column as valid UTF-8, NULL when empty. An earlier Sonae could
 * store a broken byte read from a contact file; such a character is shown
 * as “�” so that the roster can still be seen, edited and exported. */
static char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  g_autofree char *text = sonae_column_dup (stmt, index);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  return g_steal_pointer (&text);
}

static SonaeContact *
contact_from_row (sqlite3_stmt *stmt)
{
  SonaeContact *c = sonae_contact_new ();
  int grp = sqlite3_column_int (stmt, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->group = (grp >= 0 && grp < SONAE_N_GROUPS) ? (SonaeGroup) grp : SONAE_GROUP_STAFF;
  c->name = column_text (stmt, 2);
  c->reading = column_text (stmt, 3);
  c->organization = column_text (stmt, 4);
  c->department = column_text (stmt, 5);
  c->title = column_text (stmt, 6);
  c->system = column_text (stmt, 7);
  c->contract = column_text (stmt, 8);
  c->address = column_text (stmt, 9);
  c->url = column_text (stmt, 10);
  c->notes = column_text (stmt, 11);
  c->verified_on = column_text (stmt, 12);
  c->needs_check = sqlite3_column_int (stmt, 13) != 0;
  c->builtin_key = column_text (stmt, 14);
  c->hours = column_text (stmt, 15);
  if (c->builtin_key != NULL)
    sonae_authorities_localize (c);
  return c;
}

/* Fill phones, e-mails and roles of the contacts in @by_id with three
 * queries, whatever the number of contacts. @where restricts to one id
 * (?1) or is NULL for all. */
static gboolean
fill_details (SonaeStore  *self,
              GHashTable  *by_id,
              const char  *where,
              int          group,
              int          limit,
              int          offset,
              const char  *text,
              gint64       only_id,
              GError     **error)
{
  /* Only the details of the contacts read: @where, with ?1 the group,
   * ?2, ?3 the limit and offset and ?5 the text, or the one contact ?4. */
  static const char *queries[][2] = {
    { "SELECT contact_id, label, value FROM contact_phones", " ORDER BY contact_id, position" },
    { "SELECT contact_id, label, value FROM contact_emails", " ORDER BY contact_id, position" },
    { "SELECT contact_id, role_key, NULL FROM role_holders", " ORDER BY role_key" },
  };
  const char *condition = only_id != 0 ? "id = ?4" : where;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *sql = g_strconcat (queries[q][0], " WHERE contact_id IN (SELECT id FROM contacts WHERE ",
                                          condition, ")", queries[q][1], NULL);
      g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, group);
      sqlite3_bind_int (stmt, 2, limit);
      sqlite3_bind_int (stmt, 3, offset);
      sqlite3_bind_int64 (stmt, 4, only_id);
      sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          SonaeContact *c = g_hash_table_lookup (by_id, &id);
          g_autofree char *label = NULL;
          g_autofree char *value = NULL;

          if (c == NULL)
            continue;
          label = column_text (stmt, 1);
          value = column_text (stmt, 2);
          if (q == 0)
            g_ptr_array_add (c->phones, sonae_labeled_new (label, value));
          else if (q == 1)
            g_ptr_array_add (c->emails, sonae_labeled_new (label, value));
          else if (label != NULL)
            g_ptr_array_add (c->roles, g_steal_pointer (&label));
        }
      if (rc != SQLITE_DONE)
        return sonae_store_set_sql_error (self, error, _("Could not read the contacts"));
    }
  return TRUE;
}

/* The contacts that @where (a constant SQL condition on contacts, which
 * leaves out the deleted ones and may use ?1 for @group, ?2 and ?3 for
 * @limit and @offset, ?5 for @text) selects, in the roster's order, with
 * their details. */
static GPtrArray *
list_where (SonaeStore  *self,
            const char  *where,
            int          group,
            int          limit,
            int          offset,
            const char  *text,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " CONTACT_COLUMNS " FROM contacts WHERE ", where,
                                      " ORDER BY sort_key, name, id", NULL);
  int rc;

  stmt = sonae_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, group);
  sqlite3_bind_int (stmt, 2, limit);
  sqlite3_bind_int (stmt, 3, offset);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);

  list = g_ptr_array_new_with_free_func (g_object_unref);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SonaeContact *c = contact_from_row (stmt);
      g_ptr_array_add (list, c);
      g_hash_table_insert (by_id, &c->id, c);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the contacts"));
      return NULL;
    }
  if (!fill_details (self, by_id, where, group, limit, offset, text, 0, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
sonae_contacts_list (SonaeStore  *self,
                     int          group,
                     GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return list_where (self, "deleted = 0 AND (?1 < 0 OR grp = ?1)", group, 0, 0, NULL, error);
}

G_STATIC_ASSERT (SONAE_GROUP_AUTHORITY == 2);

GPtrArray *
sonae_contacts_list_range (SonaeStore  *self,
                           guint        offset,
                           guint        limit,
                           GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  g_return_val_if_fail (limit > 0 && limit <= G_MAXINT && offset <= G_MAXINT, NULL);

  return list_where (self,
                     "id IN (SELECT id FROM contacts WHERE deleted = 0 ORDER BY sort_key, name, id"
                     " LIMIT ?2 OFFSET ?3)",
                     -1, (int) limit, (int) offset, NULL, error);
}

GPtrArray *
sonae_contacts_list_authorities (SonaeStore  *self,
                                 GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  /* "+deleted": found by the indexes on the group and the key, not by
   * reading every contact that is not deleted. */
  return list_where (self, "+deleted = 0 AND (grp = 2 OR builtin_key > '')", -1, 0, 0, NULL, error);
}

GPtrArray *
sonae_contacts_list_bundled (SonaeStore  *self,
                             GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  /* A range over the unique index on builtin_key: the bundled contacts are
   * a few dozen among thousands (the unary + keeps SQLite off the index on
   * deleted, which matches nearly every row). */
  return list_where (self, "+deleted = 0 AND builtin_key > ''", -1, 0, 0, NULL, error);
}

SonaeContact *
sonae_contacts_get (SonaeStore  *self,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SonaeContact) c = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT " CONTACT_COLUMNS " FROM contacts WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                   _("The contact no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the contact"));
      return NULL;
    }
  c = contact_from_row (stmt);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_insert (by_id, &c->id, c);
  if (!fill_details (self, by_id, NULL, -1, 0, 0, NULL, id, error))
    return NULL;
  return g_steal_pointer (&c);
}

guint
sonae_contacts_count (SonaeStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), 0);

  stmt = sonae_store_prepare (self, "SELECT count(*) FROM contacts WHERE deleted = 0", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

guint
sonae_contacts_count_group (SonaeStore *self,
                            SonaeGroup  group)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), 0);

  /* A range of the index contacts_group. */
  stmt = sonae_store_prepare (self, "SELECT count(*) FROM contacts WHERE grp = ?1 AND deleted = 0", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, (int) group);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
save_labeled (SonaeStore  *self,
              const char  *table,
              gint64       id,
              GPtrArray   *values,
              GError     **error)
{
  g_autofree char *del_sql = g_strdup_printf ("DELETE FROM %s WHERE contact_id = ?1", table);
  g_autofree char *ins_sql = g_strdup_printf ("INSERT INTO %s (contact_id, position, label, value) VALUES (?1, ?2, ?3, ?4)", table);
  g_autoptr(sqlite3_stmt) del = sonae_store_prepare (self, del_sql, error);
  g_autoptr(sqlite3_stmt) ins = NULL;
  int position = 0;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (sqlite3_step (del) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save the contact"));

  ins = sonae_store_prepare (self, ins_sql, error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (values, i);

      if (l->value == NULL || *l->value == '\0')
        continue;
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, id);
      sqlite3_bind_int (ins, 2, position++);
      sonae_bind_text (ins, 3, l->label);
      sqlite3_bind_text (ins, 4, l->value, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (ins) != SQLITE_DONE)
        return sonae_store_set_sql_error (self, error, _("Could not save the contact"));
    }
  return TRUE;
}

static gboolean
labeled_are_text (GPtrArray *labeled)
{
  for (guint i = 0; i < labeled->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (labeled, i);

      if ((l->label != NULL && !g_utf8_validate (l->label, -1, NULL)) ||
          (l->value != NULL && !g_utf8_validate (l->value, -1, NULL)))
        return FALSE;
    }
  return TRUE;
}

/* Nothing but valid UTF-8 is written: a broken byte would make the roster
 * unreadable to the export, the search and the screen. */
static gboolean
contact_is_text (SonaeContact *c)
{
  const char *fields[] = {
    c->name, c->reading, c->organization, c->department, c->title, c->system,
    c->contract, c->address, c->url, c->notes, c->verified_on, c->builtin_key, c->hours,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && !g_utf8_validate (fields[i], -1, NULL))
      return FALSE;
  return labeled_are_text (c->phones) && labeled_are_text (c->emails);
}

static gboolean
validate_contact (SonaeContact  *c,
                  GError       **error)
{
  if (!contact_is_text (c))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_ENCODING,
                           _("Some of the contact's text is damaged (it has characters that are not valid UTF-8), so the contact was not saved."));
      return FALSE;
    }
  if (c->name == NULL || *g_strstrip (c->name) == '\0')
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("A contact needs a name."));
      return FALSE;
    }
  if (c->verified_on != NULL && !sonae_date_check (c->verified_on, error))
    return FALSE;
  if (c->group >= SONAE_N_GROUPS)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The contact's group is unknown."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_contacts_save (SonaeStore    *self,
                     SonaeContact  *c,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sort_key = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (SONAE_IS_CONTACT (c), FALSE);

  if (!validate_contact (c, error))
    return FALSE;

  if (!sonae_store_begin (self, error))
    return FALSE;

  if (c->id == 0)
    stmt = sonae_store_prepare (self,
                                "INSERT INTO contacts (grp, name, reading, organization, department, title, "
                                "system, contract, address, url, notes, verified_on, needs_check, builtin_key, sort_key, hours) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?17)", error);
  else
    stmt = sonae_store_prepare (self,
                                "UPDATE contacts SET grp = ?1, name = ?2, reading = ?3, organization = ?4, "
                                "department = ?5, title = ?6, system = ?7, contract = ?8, address = ?9, url = ?10, "
                                "notes = ?11, verified_on = ?12, needs_check = ?13, builtin_key = ?14, sort_key = ?15, hours = ?17, "
                                "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') "
                                "WHERE id = ?16 AND deleted = 0", error);
  if (stmt == NULL)
    goto fail;

  sort_key = sonae_contact_sort_key (c);
  sqlite3_bind_int (stmt, 1, c->group);
  sonae_bind_text (stmt, 2, c->name);
  sonae_bind_text (stmt, 3, c->reading);
  sonae_bind_text (stmt, 4, c->organization);
  sonae_bind_text (stmt, 5, c->department);
  sonae_bind_text (stmt, 6, c->title);
  sonae_bind_text (stmt, 7, c->system);
  sonae_bind_text (stmt, 8, c->contract);
  sonae_bind_text (stmt, 9, c->address);
  sonae_bind_text (stmt, 10, c->url);
  sonae_bind_text (stmt, 11, c->notes);
  sonae_bind_text (stmt, 12, c->verified_on);
  sqlite3_bind_int (stmt, 13, c->needs_check ? 1 : 0);
  sonae_bind_text (stmt, 14, c->builtin_key);
  sqlite3_bind_text (stmt, 15, sort_key, -1, SQLITE_STATIC);
  sonae_bind_text (stmt, 17, c->hours);
  if (c->id != 0)
    sqlite3_bind_int64 (stmt, 16, c->id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the contact"));
      goto fail;
    }
  if (c->id != 0 && sqlite3_changes (sonae_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("The contact no longer exists."));
      goto fail;
    }
  if (c->id == 0)
    c->id = sqlite3_last_insert_rowid (sonae_store_get_db (self));

  if (!save_labeled (self, "contact_phones", c->id, c->phones, error) ||
      !save_labeled (self, "contact_emails", c->id, c->emails, error))
    goto fail;

  sonae_store_emit_changed (self, SONAE_CHANGED_CONTACTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

static gboolean
set_deleted (SonaeStore  *self,
             gint64       id,
             gboolean     deleted,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sonae_store_prepare (self, "UPDATE contacts SET deleted = ?2 WHERE id = ?1 AND deleted != ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, deleted ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not delete the contact"));
  if (sqlite3_changes (sonae_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("The contact no longer exists."));
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_CONTACTS);
  sonae_store_emit_changed (self, SONAE_CHANGED_ROLES);
  return TRUE;
}

gboolean
sonae_contacts_delete (SonaeStore  *self,
                       gint64       id,
                       GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
sonae_contacts_undelete (SonaeStore  *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

gboolean
sonae_contacts_mark_verified (SonaeStore  *self,
                              gint64       id,
                              const char  *date,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (date == NULL)
    date = today = sonae_clock_today ();
  if (!sonae_date_check (date, error))
    return FALSE;

  /* Confirming an entry by hand also confirms a bundled fact. */
  stmt = sonae_store_prepare (self,
                              "UPDATE contacts SET verified_on = ?2, needs_check = 0, "
                              "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') "
                              "WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save the contact"));
  if (sqlite3_changes (sonae_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("The contact no longer exists."));
      return FALSE;
    }
  sonae_store_emit_changed (self, SONAE_CHANGED_CONTACTS);
  return TRUE;
}

/* --- roles ----------------------------------------------------------------- */

GPtrArray *
sonae_contacts_get_role_holders (SonaeStore  *self,
                                 const char  *role_key,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) holders = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  g_return_val_if_fail (role_key != NULL, NULL);

  /* The holders with their details in one read, then in their order. */
  contacts = list_where (self, "+deleted = 0 AND id IN (SELECT contact_id FROM role_holders WHERE role_key = ?5)",
                         -1, 0, 0, role_key, error);
  if (contacts == NULL)
    return NULL;
  stmt = sonae_store_prepare (self, "SELECT contact_id FROM role_holders WHERE role_key = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, role_key, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (guint i = 0; i < contacts->len; i++)
        if (((SonaeContact *) g_ptr_array_index (contacts, i))->id == id)
          {
            g_ptr_array_add (holders, g_object_ref (g_ptr_array_index (contacts, i)));
            break;
          }
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the roles"));
      return NULL;
    }
  return g_steal_pointer (&holders);
}

GHashTable *
sonae_contacts_get_all_role_holders (SonaeStore  *self,
                                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  contacts = list_where (self, "+deleted = 0 AND id IN (SELECT contact_id FROM role_holders)",
                         -1, 0, 0, NULL, error);
  if (contacts == NULL)
    return NULL;
  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);

      g_hash_table_insert (by_id, &c->id, c);
    }
  stmt = sonae_store_prepare (self, "SELECT role_key, contact_id FROM role_holders ORDER BY role_key, position", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      SonaeContact *c = g_hash_table_lookup (by_id, &id);
      GPtrArray *holders;

      if (c == NULL || key == NULL)
        continue;  /* deleted */
      holders = g_hash_table_lookup (roles, key);
      if (holders == NULL)
        {
          holders = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (roles, g_strdup (key), holders);
        }
      g_ptr_array_add (holders, g_object_ref (c));
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the roles"));
      return NULL;
    }
  return g_steal_pointer (&roles);
}

gboolean
sonae_contacts_set_role_holders (SonaeStore    *self,
                                 const char    *role_key,
                                 const gint64  *contact_ids,
                                 guint          n_ids,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (role_key != NULL, FALSE);
  g_return_val_if_fail (n_ids == 0 || contact_ids != NULL, FALSE);

  if (*role_key == '\0' || strlen (role_key) > 64)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("The role is unknown."));
      return FALSE;
    }

  if (!sonae_store_begin (self, error))
    return FALSE;

  del = sonae_store_prepare (self, "DELETE FROM role_holders WHERE role_key = ?1", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_text (del, 1, role_key, -1, SQLITE_STATIC);
  if (sqlite3_step (del) != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not save the role"));
      goto fail;
    }

  ins = sonae_store_prepare (self, "INSERT OR IGNORE INTO role_holders (role_key, contact_id, position) VALUES (?1, ?2, ?3)", error);
  if (ins == NULL)
    goto fail;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_reset (ins);
      sqlite3_bind_text (ins, 1, role_key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ins, 2, contact_ids[i]);
      sqlite3_bind_int (ins, 3, i);
      if (sqlite3_step (ins) != SQLITE_DONE)
        {
          sonae_store_set_sql_error (self, error, _("Could not save the role"));
          goto fail;
        }
    }

  sonae_store_emit_changed (self, SONAE_CHANGED_ROLES);
  sonae_store_emit_changed (self, SONAE_CHANGED_CONTACTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

static GArray *
holder_ids (SonaeStore  *self,
            const char  *role_key,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sonae_store_prepare (self, "SELECT contact_id FROM role_holders WHERE role_key = ?1 ORDER BY position", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, role_key, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the roles"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
sonae_contacts_add_role_holder (SonaeStore  *self,
                                const char  *role_key,
                                gint64       contact_id,
                                GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  ids = holder_ids (self, role_key, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == contact_id)
      return TRUE;
  g_array_append_val (ids, contact_id);
  return sonae_contacts_set_role_holders (self, role_key, (gint64 *) ids->data, ids->len, error);
}

gboolean
sonae_contacts_remove_role_holder (SonaeStore  *self,
                                   const char  *role_key,
                                   gint64       contact_id,
                                   GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  ids = holder_ids (self, role_key, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == contact_id)
      {
        g_array_remove_index (ids, i);
        return sonae_contacts_set_role_holders (self, role_key, (gint64 *) ids->data, ids->len, error);
      }
  return TRUE;
}

gboolean
sonae_contacts_insert_role_holder (SonaeStore  *self,
                                   const char  *role_key,
                                   gint64       contact_id,
                                   guint        position,
                                   GError     **error)
{
  g_autoptr(SonaeContact) contact = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GArray) ids = NULL;
  guint at;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (role_key != NULL, FALSE);

  contact = sonae_contacts_get (self, contact_id, error);
  if (contact == NULL)
    return FALSE;
  ids = holder_ids (self, role_key, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == contact_id)
      return TRUE;

  /* @position counts the holders as they are listed, without those whose
   * contact is deleted; those keep their place, for an undelete. */
  shown = sonae_contacts_get_role_holders (self, role_key, error);
  if (shown == NULL)
    return FALSE;
  at = ids->len;
  if (position < shown->len)
    {
      gint64 next = ((SonaeContact *) g_ptr_array_index (shown, position))->id;

      for (at = 0; at < ids->len; at++)
        if (g_array_index (ids, gint64, at) == next)
          break;
    }
  g_array_insert_val (ids, at, contact_id);
  return sonae_contacts_set_role_holders (self, role_key, (gint64 *) ids->data, ids->len, error);
}

gboolean
sonae_contacts_add_new_role_holder (SonaeStore    *self,
                                    const char    *role_key,
                                    SonaeContact  *contact,
                                    GError       **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (role_key != NULL, FALSE);
  g_return_val_if_fail (SONAE_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (contact->id == 0, FALSE);

  if (!sonae_store_begin (self, error))
    return FALSE;
  if (!sonae_contacts_save (self, contact, error) ||
      !sonae_contacts_add_role_holder (self, role_key, contact->id, error))
    {
      sonae_store_rollback (self);
      /* Rolled back: the id the insert gave is nobody's. */
      contact->id = 0;
      return FALSE;
    }
  return sonae_store_commit (self, error);
}

/* --- what needs attention --------------------------------------------------- */

void
sonae_attention_free (SonaeAttention *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->detail);
  g_free (self->role_key);
  g_free (self);
}

gboolean
sonae_contacts_asks_phone (SonaeContact *contact)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (contact), TRUE);

  return contact->builtin_key == NULL || sonae_authorities_asks_number (contact->builtin_key);
}

SonaePosterPhone
sonae_contacts_get_poster_phone (SonaeStore *self,
                                 const char *role_key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SonaePosterPhone choice = SONAE_POSTER_PHONE_ANY;

  g_return_val_if_fail (SONAE_IS_STORE (self), SONAE_POSTER_PHONE_ANY);
  g_return_val_if_fail (role_key != NULL, SONAE_POSTER_PHONE_ANY);

  stmt = sonae_store_prepare (self, "SELECT poster_phone FROM role_settings WHERE role_key = ?1", NULL);
  if (stmt == NULL)
    return SONAE_POSTER_PHONE_ANY;
  sqlite3_bind_text (stmt, 1, role_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      !sonae_poster_phone_from_string ((const char *) sqlite3_column_text (stmt, 0), &choice))
    choice = SONAE_POSTER_PHONE_ANY;
  return choice;
}

gboolean
sonae_contacts_set_poster_phone (SonaeStore        *self,
                                 const char        *role_key,
                                 SonaePosterPhone   choice,
                                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (role_key == NULL || sonae_role_lookup (role_key) == NULL || (guint) choice >= SONAE_N_POSTER_PHONES)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("Sonae has no role “%s”."), role_key ? role_key : "");
      return FALSE;
    }
  if (sonae_contacts_get_poster_phone (self, role_key) == choice)
    return TRUE;
  stmt = sonae_store_prepare (self,
                              "INSERT INTO role_settings (role_key, poster_phone, updated_at)"
                              " VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%S', 'now'))"
                              " ON CONFLICT (role_key) DO UPDATE SET poster_phone = excluded.poster_phone,"
                              " updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, role_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sonae_poster_phone_to_string (choice), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not save which number the poster shows"));
  sonae_store_emit_changed (self, SONAE_CHANGED_ROLES);
  return TRUE;
}

/* The offices the organisation is to call without a phone number: a line
 * on paper is all they have. The bundled ones that are reached on their
 * web page or by e-mail are not asked for (sonae_authorities_asks_number).
 * Their count, and the first of them in @out_id and @out_name (new). */
static guint
authorities_without_phone (SonaeStore *self,
                           gint64     *out_id,
                           char      **out_name)
{
  g_autoptr(sqlite3_stmt) stmt =
    sonae_store_prepare (self,
                         "SELECT id, name, builtin_key FROM contacts WHERE deleted = 0 AND grp = ?1"
                         " AND NOT EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = contacts.id)"
                         " ORDER BY sort_key, id",
                         NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, SONAE_GROUP_AUTHORITY);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 2);

      if (key != NULL && !sonae_authorities_asks_number (key))
        continue;
      if (count++ == 0)
        {
          g_autoptr(SonaeContact) c = sonae_contact_new ();

          *out_id = sqlite3_column_int64 (stmt, 0);
          /* Shown as the roster shows it: in the user's language while
           * nobody has edited it. */
          c->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          c->builtin_key = g_strdup (key);
          if (key != NULL)
            sonae_authorities_localize (c);
          *out_name = g_strdup (c->name);
        }
    }
  return count;
}

/* The id of the first contact not deleted that @where (a constant SQL
 * condition with its ORDER BY) selects, or 0. */
static gint64
first_id (SonaeStore *self,
          const char *where,
          GError    **error)
{
  g_autofree char *sql = g_strconcat ("SELECT id FROM contacts WHERE deleted = 0 AND ", where, " LIMIT 1", NULL);
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

GPtrArray *
sonae_contacts_get_attention (SonaeStore *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_attention_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) held = NULL;
  g_autofree char *stale_since = NULL;
  guint n_unchecked = 0;
  guint n_due = 0;
  guint n_never = 0;
  GDate today;
  const SonaeRoleInfo *roles;
  guint n_roles;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  sonae_clock_get_today (&today);
  /* Which roles someone holds, in one query that reads the few holders
   * (a join would let sqlite walk the whole roster). */
  held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = sonae_store_prepare (self,
                              "SELECT DISTINCT r.role_key FROM role_holders r"
                              " WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.id = r.contact_id AND c.deleted = 0)",
                              NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (held, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_finalize);

  roles = sonae_roles_get_for (sonae_store_is_care (self), &n_roles);
  for (guint i = 0; i < n_roles; i++)
    {
      if (g_hash_table_contains (held, roles[i].key))
        continue;

      SonaeAttention *a = g_new0 (SonaeAttention, 1);
      a->kind = SONAE_ATTENTION_ROLE_EMPTY;
      a->role_key = g_strdup (roles[i].key);
      /* Translators: %s is a role such as “Incident Response Lead” */
      a->title = g_strdup_printf (_("Nobody holds the role “%s”"), _(roles[i].name));
      a->detail = g_strdup (_("Assign a person so that everyone knows whom to call."));
      g_ptr_array_add (items, a);
    }

  /* Counted by the database with the freshness rule's own day (see
   * sonae_freshness_stale_since): a roster of thousands stays quick. Each
   * count is a range of the index contacts_freshness (deleted, needs_check,
   * verified_on), so sqlite counts entries without looking at the rest. */
  stale_since = sonae_freshness_stale_since (&today);
  stmt = sonae_store_prepare (self,
                              "SELECT (SELECT count(*) FROM contacts WHERE deleted = 0 AND needs_check = 1),"
                              " (SELECT count(*) FROM contacts WHERE deleted = 0 AND needs_check = 0"
                              "  AND verified_on <= ?1),"
                              " (SELECT count(*) FROM contacts WHERE deleted = 0 AND needs_check = 0"
                              "  AND verified_on IS NULL)",
                              NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, stale_since, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          n_unchecked = (guint) sqlite3_column_int64 (stmt, 0);
          n_never = (guint) sqlite3_column_int64 (stmt, 2);
          n_due = (guint) sqlite3_column_int64 (stmt, 1) + n_never;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  /* The bundled entries still to confirm are one task, not ten. */
  if (n_unchecked > 0)
    {
      SonaeAttention *a = g_new0 (SonaeAttention, 1);
      a->kind = SONAE_ATTENTION_CONTACT_UNCHECKED;
      a->contact_id = first_id (self, "needs_check = 1 ORDER BY sort_key, id", NULL);
      a->count = n_unchecked;
      a->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Check %u bundled contact before relying on it",
                                               "Check %u bundled contacts before relying on them",
                                               n_unchecked), n_unchecked);
      a->detail = g_strdup (_("They came with Sonae. Confirm each number and address, then mark it verified."));
      g_ptr_array_add (items, a);
    }

  /* The offices with no number to call: one task. */
  {
    gint64 first = 0;
    g_autofree char *name = NULL;
    guint n = authorities_without_phone (self, &first, &name);

    if (n > 0)
      {
        SonaeAttention *a = g_new0 (SonaeAttention, 1);

        a->kind = SONAE_ATTENTION_AUTHORITY_NO_PHONE;
        a->contact_id = first;
        a->count = n;
        if (n == 1)
          /* Translators: %s is an office such as “Prefectural police cyber-crime desk” */
          a->title = g_strdup_printf (_("Enter the phone number of “%s”"), name);
        else
          a->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Enter the phone number of %u office",
                                                   "Enter the phone numbers of %u offices", n), n);
        a->detail = g_strdup (_("With the network down, a web page is no help: the printed lists leave a blank line until the number is entered here."));
        g_ptr_array_add (items, a);
      }
  }

  /* The contacts to verify: named one by one when they are few, else one
   * item for them all. */
  if (n_due > SONAE_ATTENTION_MAX_CONTACTS)
    {
      SonaeAttention *a = g_new0 (SonaeAttention, 1);

      a->kind = SONAE_ATTENTION_CONTACTS_STALE;
      a->count = n_due;
      a->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Confirm the details of %u contact",
                                               "Confirm the details of %u contacts",
                                               n_due), n_due);
      if (n_never == n_due)
        a->detail = g_strdup (_("None of them was ever verified."));
      else if (n_never > 0)
        /* Translators: the first %u is how many were never verified, %d is 180 */
        a->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u never verified, the others not for %d days or more.",
                                                  "%u never verified, the others not for %d days or more.",
                                                  n_never), n_never, SONAE_STALE_DAYS);
      else
        /* Translators: %d is 180 */
        a->detail = g_strdup_printf (_("Not verified for %d days or more."), SONAE_STALE_DAYS);
      g_ptr_array_add (items, a);
      return g_steal_pointer (&items);
    }

  stmt = sonae_store_prepare (self,
                              "SELECT id, name, verified_on FROM contacts WHERE deleted = 0 AND needs_check = 0"
                              " AND (verified_on IS NULL OR verified_on <= ?1) ORDER BY sort_key, id",
                              NULL);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, stale_since, -1, SQLITE_TRANSIENT);
  while (n_due > 0 && stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      SonaeAttention *a = g_new0 (SonaeAttention, 1);
      int days;
      SonaeFreshness freshness = sonae_freshness_of (FALSE, (const char *) sqlite3_column_text (stmt, 2), &today,
                                                     &days);

      a->kind = SONAE_ATTENTION_CONTACT_STALE;
      a->contact_id = sqlite3_column_int64 (stmt, 0);
      a->count = 1;
      a->title = g_strdup_printf (_("Confirm the details of “%s”"), (const char *) sqlite3_column_text (stmt, 1));
      if (freshness == SONAE_FRESHNESS_NEVER)
        a->detail = g_strdup (_("Never verified."));
      else
        a->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last verified %d day ago.",
                                                  "Last verified %d days ago.", days), days);
      g_ptr_array_add (items, a);
    }

  return g_steal_pointer (&items);
}

const char *
sonae_contacts_authority_for_kind (const char   *authority_key,
                                   SonaeOrgKind  kind)
{
  /* Pharmacies answer to the prefecture's pharmaceutical section (薬務),
   * not to the office overseeing medical institutions (医療安全). */
  if (kind == SONAE_ORG_PHARMACY && g_strcmp0 (authority_key, "prefecture-medical") == 0)
    return "prefecture-pharmacy";
  return authority_key;
}
