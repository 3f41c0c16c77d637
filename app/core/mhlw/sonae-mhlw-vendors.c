/* sonae-mhlw-vendors.c: the SQL of the vendors' side of the checklist
 * (sonae-mhlw.h): for each vendor of the roster, its own list (事業者確認用)
 * sent and returned, its answers, and its MDS/SDS received. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-input.h"
#include "sonae-mhlw-private.h"

#define VENDOR_SQL \
  "SELECT contact_id, concerned, list_sent_on, list_returned_on, all_yes, answers_note, " \
  "mds_received_on, updated_at FROM mhlw_vendors"

/* What was recorded for @contact into @v. */
static void
vendor_read_row (SonaeMhlwVendor *v,
                 sqlite3_stmt    *stmt)
{
  v->concerned = sqlite3_column_int (stmt, 1) != 0;
  v->list_sent_on = sonae_column_dup (stmt, 2);
  v->list_returned_on = sonae_column_dup (stmt, 3);
  if (!sonae_bcp_answer_from_string ((const char *) sqlite3_column_text (stmt, 4), &v->all_yes))
    v->all_yes = SONAE_BCP_UNKNOWN;
  v->answers_note = sonae_column_dup (stmt, 5);
  v->mds_received_on = sonae_column_dup (stmt, 6);
  v->updated_at = sonae_column_dup (stmt, 7);
}

static SonaeMhlwVendor *
vendor_for_contact (SonaeContact *c)
{
  SonaeMhlwVendor *v = sonae_mhlw_vendor_new ();

  v->contact_id = c->id;
  v->name = g_strdup (sonae_contact_get_display_name (c));
  v->system = c->system != NULL && *c->system != '\0' ? g_strdup (c->system) : NULL;
  return v;
}

GPtrArray *
sonae_mhlw_list_vendors (SonaeStore  *store,
                         GError     **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  contacts = sonae_contacts_list (store, SONAE_GROUP_VENDOR, error);
  if (contacts == NULL)
    return NULL;
  list = g_ptr_array_new_full (contacts->len, (GDestroyNotify) sonae_mhlw_vendor_free);
  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeMhlwVendor *v = vendor_for_contact (g_ptr_array_index (contacts, i));

      g_ptr_array_add (list, v);
      g_hash_table_insert (by_id, &v->contact_id, v);
    }

  stmt = sonae_store_prepare (store, VENDOR_SQL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SonaeMhlwVendor *v = g_hash_table_lookup (by_id, &id);

      /* A contact deleted, or moved to another group, keeps its row unread. */
      if (v != NULL)
        vendor_read_row (v, stmt);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (store, error, _("Could not read the vendors' checklists"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
sonae_mhlw_count_vendors (SonaeStore  *store,
                          guint       *out_concerned,
                          guint       *out_mds_received,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  /* A vendor with nothing recorded is concerned (the column's default). */
  stmt = sonae_store_prepare (store,
                              "SELECT count(*), count(v.mds_received_on) FROM contacts c "
                              "LEFT JOIN mhlw_vendors v ON v.contact_id = c.id "
                              "WHERE c.grp = ?1 AND c.deleted = 0 AND coalesce(v.concerned, 1) != 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) SONAE_GROUP_VENDOR);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sonae_store_set_sql_error (store, error, _("Could not read the vendors' checklists"));
      return FALSE;
    }
  *out_concerned = (guint) sqlite3_column_int (stmt, 0);
  *out_mds_received = (guint) sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* The roster's vendor @contact_id; SONAE_ERROR_NOT_FOUND when there is no
 * such contact or it is not a vendor. */
static SonaeContact *
get_vendor_contact (SonaeStore  *store,
                    gint64       contact_id,
                    GError     **error)
{
  g_autoptr(SonaeContact) c = sonae_contacts_get (store, contact_id, error);

  if (c == NULL)
    return NULL;
  if (c->group != SONAE_GROUP_VENDOR)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                   _("“%s” is not in the vendors group of the contacts."),
                   sonae_contact_get_display_name (c));
      return NULL;
    }
  return g_steal_pointer (&c);
}

SonaeMhlwVendor *
sonae_mhlw_get_vendor (SonaeStore  *store,
                       gint64       contact_id,
                       GError     **error)
{
  g_autoptr(SonaeContact) c = NULL;
  g_autoptr(SonaeMhlwVendor) v = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  c = get_vendor_contact (store, contact_id, error);
  if (c == NULL)
    return NULL;
  v = vendor_for_contact (c);
  stmt = sonae_store_prepare (store, VENDOR_SQL " WHERE contact_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    vendor_read_row (v, stmt);
  else if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (store, error, _("Could not read the vendors' checklists"));
      return NULL;
    }
  return g_steal_pointer (&v);
}

gboolean
sonae_mhlw_save_vendor (SonaeStore            *store,
                        const SonaeMhlwVendor *vendor,
                        GError               **error)
{
  g_autoptr(SonaeContact) c = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *returned = NULL;
  g_autofree char *mds = NULL;
  g_autofree char *note = NULL;
  g_autofree char *now = NULL;
  GError *local = NULL;
  sqlite3_stmt *stmts[2];

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (vendor != NULL, FALSE);

  c = get_vendor_contact (store, vendor->contact_id, error);
  if (c == NULL)
    return FALSE;
  if (!sonae_mhlw_normalize_date (vendor->list_sent_on, TRUE, &sent, error) ||
      !sonae_mhlw_normalize_date (vendor->list_returned_on, TRUE, &returned, error) ||
      !sonae_mhlw_normalize_date (vendor->mds_received_on, TRUE, &mds, error))
    return FALSE;
  if (returned != NULL && sent == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Give the day the list was sent to the vendor before the day it came back."));
      return FALSE;
    }
  if (returned != NULL && strcmp (returned, sent) < 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("The list came back on %s, before it was sent on %s: check the dates."), returned, sent);
      return FALSE;
    }
  if ((guint) vendor->all_yes > SONAE_BCP_NO)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("Answer yes, no or not known."));
      return FALSE;
    }
  if (!sonae_input_check_text (vendor->answers_note, &local))
    {
      local->code = SONAE_ERROR_INVALID;
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!sonae_input_is_blank (vendor->answers_note))
    note = g_strstrip (g_strdup (vendor->answers_note));

  now = sonae_input_now_string ();
  stmt = sonae_store_prepare (store,
                              "INSERT INTO mhlw_vendors (contact_id, concerned, list_sent_on, list_returned_on, "
                              "all_yes, answers_note, mds_received_on, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                              "ON CONFLICT (contact_id) DO UPDATE SET concerned = ?2, list_sent_on = ?3, "
                              "list_returned_on = ?4, all_yes = ?5, answers_note = ?6, mds_received_on = ?7, "
                              "updated_at = ?8",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vendor->contact_id);
  sqlite3_bind_int (stmt, 2, vendor->concerned ? 1 : 0);
  sonae_bind_text (stmt, 3, sent);
  sonae_bind_text (stmt, 4, returned);
  sonae_bind_text (stmt, 5, sonae_bcp_answer_to_string (vendor->all_yes));
  sonae_bind_text (stmt, 6, note);
  sonae_bind_text (stmt, 7, mds);
  sonae_bind_text (stmt, 8, now);
  stmts[0] = stmt;
  stmts[1] = NULL;
  return sonae_mhlw_run_changes (store, stmts, _("Could not save what the vendor sent"), error);
}
