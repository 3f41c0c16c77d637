/* sonae-bcp-systems.c: the SQL of the plan's systems (sonae-bcp.h): what
 * each is for, who supports and owns it, how it is backed up and brought
 * back, and its restore tests. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-bcp-private.h"
#include "sonae-error.h"
#include "sonae-input.h"

/* --- systems ------------------------------------------------------------- */

#define SYSTEM_NAME_MAX 200
#define NUMBER_MAX 9999
#define GENERATIONS_MAX 999
#define RESTORE_DAYS_MAX 3650

static gboolean
check_number (int          value,
              int          min,
              int          max,
              const char  *what,
              GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
               /* Translators: “The recovery time must be a number from 0 to 9999.” */
               _("%s must be a number from 0 to %d."), what, max);
  return FALSE;
}

#define SYSTEM_COLUMNS \
  "s.id, s.name, s.purpose, s.vendor_id, v.name, s.contract_no, s.owner_id, o.name, " \
  "s.recovery_order, s.rto_hours, s.rpo_hours, s.backup_method, s.backup_frequency, " \
  "s.backup_generations, s.backup_offline, s.backup_location, s.restore_tested_on, " \
  "s.restore_test_days, s.fallback, s.forms_location, s.first_steps, s.created_at, s.updated_at"

#define SYSTEM_FROM \
  " FROM bcp_systems s" \
  " LEFT JOIN contacts v ON v.id = s.vendor_id AND v.deleted = 0" \
  " LEFT JOIN contacts o ON o.id = s.owner_id AND o.deleted = 0 "

static SonaeBcpSystem *
system_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpSystem *system = sonae_bcp_system_new ();

  system->id = sqlite3_column_int64 (stmt, 0);
  system->name = sonae_column_dup (stmt, 1);
  system->purpose = sonae_column_dup (stmt, 2);
  system->vendor_id = sqlite3_column_int64 (stmt, 3);
  system->vendor_name = sonae_column_dup (stmt, 4);
  system->contract_no = sonae_column_dup (stmt, 5);
  system->owner_id = sqlite3_column_int64 (stmt, 6);
  system->owner_name = sonae_column_dup (stmt, 7);
  system->recovery_order = sqlite3_column_int (stmt, 8);
  system->rto_hours = sqlite3_column_int (stmt, 9);
  system->rpo_hours = sqlite3_column_int (stmt, 10);
  system->backup_method = sonae_column_dup (stmt, 11);
  system->backup_frequency = sonae_column_dup (stmt, 12);
  system->backup_generations = sqlite3_column_int (stmt, 13);
  if (!sonae_bcp_answer_from_string ((const char *) sqlite3_column_text (stmt, 14),
                                     &system->backup_offline))
    system->backup_offline = SONAE_BCP_UNKNOWN;
  system->backup_location = sonae_column_dup (stmt, 15);
  system->restore_tested_on = sonae_column_dup (stmt, 16);
  system->restore_test_days = sqlite3_column_int (stmt, 17);
  system->fallback = sonae_column_dup (stmt, 18);
  system->forms_location = sonae_column_dup (stmt, 19);
  system->first_steps = sonae_column_dup (stmt, 20);
  system->created_at = sonae_column_dup (stmt, 21);
  system->updated_at = sonae_column_dup (stmt, 22);
  if (system->name == NULL)
    system->name = g_strdup ("");
  return system;
}

GPtrArray *
sonae_bcp_list_systems (SonaeStore *self,
                        GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return sonae_bcp_list_rows (self,
                              "SELECT " SYSTEM_COLUMNS SYSTEM_FROM
                              "ORDER BY s.recovery_order = 0, s.recovery_order, s.name COLLATE NOCASE, s.id",
                              (SonaeBcpRowReader) system_from_row, (GDestroyNotify) sonae_bcp_system_free,
                              _("Could not read the systems"), error);
}

static SonaeBcpSystem *
get_system (SonaeStore  *self,
            const char  *where,
            gint64       id,
            const char  *name,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " SYSTEM_COLUMNS SYSTEM_FROM, where, NULL);
  int rc;

  stmt = sonae_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    sonae_bind_text (stmt, 1, name);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return system_from_row (stmt);
  if (rc != SQLITE_DONE)
    sonae_store_set_sql_error (self, error, _("Could not read the system"));
  else if (name != NULL)
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                 _("There is no system called “%s”."), name);
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                   _("There is no system number %s."), number);
    }
  return NULL;
}

SonaeBcpSystem *
sonae_bcp_get_system (SonaeStore *self,
                      gint64      id,
                      GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return get_system (self, "WHERE s.id = ?1", id, NULL, error);
}

SonaeBcpSystem *
sonae_bcp_find_system (SonaeStore *self,
                       const char *name_or_id,
                       GError    **error)
{
  g_autofree char *wanted = NULL;
  SonaeBcpSystem *system;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (name_or_id == NULL || !g_utf8_validate (name_or_id, -1, NULL))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("Give the name of a system."));
      return NULL;
    }
  wanted = g_strstrip (g_strdup (name_or_id));
  if (*wanted == '\0')
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("Give the name of a system."));
      return NULL;
    }
  /* A name first: a system may well be called “2”. */
  system = get_system (self, "WHERE s.name = ?1 COLLATE NOCASE", 0, wanted, NULL);
  if (system != NULL)
    return system;
  if (strspn (wanted, "0123456789") == strlen (wanted) && strlen (wanted) <= 18)
    {
      system = get_system (self, "WHERE s.id = ?1", g_ascii_strtoll (wanted, NULL, 10), NULL, NULL);
      if (system != NULL)
        return system;
    }
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
               _("There is no system called “%s”."), wanted);
  return NULL;
}

static gboolean
check_system (SonaeBcpSystem  *system,
              char           **out_name,
              char           **out_tested,
              GError         **error)
{
  g_autofree char *name = NULL;
  const char *texts[] = {
    system->purpose, system->contract_no, system->backup_method, system->backup_frequency,
    system->backup_location, system->fallback, system->forms_location, system->first_steps,
  };

  if (!sonae_bcp_validate_required (system->name, _("The system needs a name."), error))
    return FALSE;
  name = g_strstrip (g_strdup (system->name));
  if (strlen (name) > SYSTEM_NAME_MAX)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("The system's name is too long: at most %d bytes."), SYSTEM_NAME_MAX);
      return FALSE;
    }
  if (strpbrk (name, "\r\n") != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The system's name must fit on one line."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!sonae_bcp_validate_text (texts[i], error))
      return FALSE;
  if (!check_number (system->recovery_order, 0, NUMBER_MAX, _("The recovery order"), error) ||
      !check_number (system->rto_hours, -1, NUMBER_MAX, _("The target time to recover"), error) ||
      !check_number (system->rpo_hours, -1, NUMBER_MAX, _("The data that may be lost"), error) ||
      !check_number (system->backup_generations, -1, GENERATIONS_MAX, _("The number of backup generations"), error) ||
      !check_number (system->restore_test_days, 0, RESTORE_DAYS_MAX, _("The days between restore tests"), error) ||
      !sonae_bcp_validate_person (system->vendor_id, error) ||
      !sonae_bcp_validate_person (system->owner_id, error))
    return FALSE;
  if (!sonae_bcp_validate_answer (system->backup_offline, error) ||
      !sonae_bcp_normalize_date (system->restore_tested_on, TRUE, out_tested, error))
    return FALSE;
  *out_name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
sonae_bcp_save_system (SonaeStore     *self,
                       SonaeBcpSystem *system,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) dup = NULL;
  g_autoptr(SonaeBcpSystem) saved = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tested = NULL;
  g_autofree char *now = NULL;
  gint64 id = system ? system->id : 0;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (system != NULL, FALSE);

  if (!check_system (system, &name, &tested, error))
    return FALSE;

  dup = sonae_store_prepare (self,
                             "SELECT name FROM bcp_systems WHERE name = ?1 COLLATE NOCASE AND id != ?2",
                             error);
  if (dup == NULL)
    return FALSE;
  sonae_bind_text (dup, 1, name);
  sqlite3_bind_int64 (dup, 2, id);
  rc = sqlite3_step (dup);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS,
                   _("Another system is already called “%s”."),
                   (const char *) sqlite3_column_text (dup, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the systems"));

  now = sonae_input_now_string ();
  stmt = sonae_bcp_prepare_save (self, id,
                                 "INSERT INTO bcp_systems (name, purpose, vendor_id, contract_no, owner_id, "
                                 "recovery_order, rto_hours, rpo_hours, backup_method, backup_frequency, "
                                 "backup_generations, backup_offline, backup_location, restore_tested_on, "
                                 "restore_test_days, fallback, forms_location, first_steps, created_at, "
                                 "updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                 "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)",
                                 "UPDATE bcp_systems SET name = ?2, purpose = ?3, vendor_id = ?4, "
                                 "contract_no = ?5, owner_id = ?6, recovery_order = ?7, rto_hours = ?8, "
                                 "rpo_hours = ?9, backup_method = ?10, backup_frequency = ?11, "
                                 "backup_generations = ?12, backup_offline = ?13, backup_location = ?14, "
                                 "restore_tested_on = ?15, restore_test_days = ?16, fallback = ?17, "
                                 "forms_location = ?18, first_steps = ?19, updated_at = ?20 "
                                 "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, name);
  sonae_bind_text (stmt, 3, system->purpose);
  sonae_bcp_bind_id (stmt, 4, system->vendor_id);
  sonae_bind_text (stmt, 5, system->contract_no);
  sonae_bcp_bind_id (stmt, 6, system->owner_id);
  sqlite3_bind_int (stmt, 7, system->recovery_order);
  sqlite3_bind_int (stmt, 8, system->rto_hours);
  sqlite3_bind_int (stmt, 9, system->rpo_hours);
  sonae_bind_text (stmt, 10, system->backup_method);
  sonae_bind_text (stmt, 11, system->backup_frequency);
  sqlite3_bind_int (stmt, 12, system->backup_generations);
  sonae_bind_text (stmt, 13, sonae_bcp_answer_to_string (system->backup_offline));
  sonae_bind_text (stmt, 14, system->backup_location);
  sonae_bind_text (stmt, 15, tested);
  sqlite3_bind_int (stmt, 16, system->restore_test_days);
  sonae_bind_text (stmt, 17, system->fallback);
  sonae_bind_text (stmt, 18, system->forms_location);
  sonae_bind_text (stmt, 19, system->first_steps);
  sonae_bind_text (stmt, 20, now);

  if (!sonae_bcp_run_save (self, stmt, &id, _("Could not save the system"),
                           _("The system does not exist."), error))
    return FALSE;

  system->id = id;
  sonae_bcp_replace_string (&system->name, g_steal_pointer (&name));
  sonae_bcp_replace_string (&system->restore_tested_on, g_steal_pointer (&tested));
  saved = sonae_bcp_get_system (self, id, NULL);
  if (saved != NULL)
    {
      sonae_bcp_replace_string (&system->vendor_name, g_steal_pointer (&saved->vendor_name));
      sonae_bcp_replace_string (&system->owner_name, g_steal_pointer (&saved->owner_name));
      sonae_bcp_replace_string (&system->created_at, g_steal_pointer (&saved->created_at));
      sonae_bcp_replace_string (&system->updated_at, g_steal_pointer (&saved->updated_at));
    }
  return TRUE;
}

gboolean
sonae_bcp_delete_system (SonaeStore *self,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return sonae_bcp_delete_row (self, "DELETE FROM bcp_systems WHERE id = ?1", id,
                               _("Could not delete the system"), _("The system does not exist."), error);
}

gboolean
sonae_bcp_record_restore_test (SonaeStore *self,
                               gint64      system_id,
                               const char *date,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_bcp_past_date_or_today (date, &day, error))
    return FALSE;
  now = sonae_input_now_string ();
  stmt = sonae_store_prepare (self,
                              "UPDATE bcp_systems SET restore_tested_on = ?2, updated_at = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, system_id);
  sonae_bind_text (stmt, 2, day);
  sonae_bind_text (stmt, 3, now);
  return sonae_bcp_run_change (self, stmt, _("Could not record the restore test"),
                               _("The system does not exist."), error);
}
