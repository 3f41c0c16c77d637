/* sonae-bcp-drills.c: the SQL of the plan's drills (sonae-bcp.h): the day
 * one was held, what it practised, who took part and what it found, and
 * the incident recorded as a drill it may be linked to. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-bcp.h"
#include "sonae-bcp-private.h"
#include "sonae-error.h"
#include "sonae-input.h"

/* --- drills -------------------------------------------------------------- */

#define DRILL_COLUMNS \
  "d.id, d.held_on, d.scenario, d.participants, d.findings, d.incident_id, i.number, " \
  "d.created_at, d.updated_at"

#define DRILL_FROM \
  " FROM bcp_drills d LEFT JOIN incidents i ON i.id = d.incident_id "

static SonaeBcpDrill *
drill_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpDrill *drill = sonae_bcp_drill_new ();

  drill->id = sqlite3_column_int64 (stmt, 0);
  drill->held_on = sonae_column_dup (stmt, 1);
  drill->scenario = sonae_column_dup (stmt, 2);
  drill->participants = sonae_column_dup (stmt, 3);
  drill->findings = sonae_column_dup (stmt, 4);
  drill->incident_id = sqlite3_column_int64 (stmt, 5);
  drill->incident_number = sonae_column_dup (stmt, 6);
  drill->created_at = sonae_column_dup (stmt, 7);
  drill->updated_at = sonae_column_dup (stmt, 8);
  if (drill->scenario == NULL)
    drill->scenario = g_strdup ("");
  return drill;
}

GPtrArray *
sonae_bcp_list_drills (SonaeStore *self,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return sonae_bcp_list_rows (self,
                              "SELECT " DRILL_COLUMNS DRILL_FROM "ORDER BY d.held_on DESC, d.id DESC",
                              (SonaeBcpRowReader) drill_from_row, (GDestroyNotify) sonae_bcp_drill_free,
                              _("Could not read the drills"), error);
}

SonaeBcpDrill *
sonae_bcp_get_drill (SonaeStore *self,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return sonae_bcp_get_row (self, "SELECT " DRILL_COLUMNS DRILL_FROM "WHERE d.id = ?1", id,
                            (SonaeBcpRowReader) drill_from_row, _("Could not read the drill"),
                            _("The drill does not exist."), error);
}

gboolean
sonae_bcp_save_drill (SonaeStore    *self,
                      SonaeBcpDrill *drill,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *held = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (drill != NULL, FALSE);

  if (sonae_input_is_blank (drill->held_on))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Give the day the drill was held."));
      return FALSE;
    }
  if (!sonae_bcp_normalize_date (drill->held_on, TRUE, &held, error) ||
      !sonae_bcp_validate_required (drill->scenario, _("Write what the drill practised."), error) ||
      !sonae_bcp_validate_text (drill->participants, error) ||
      !sonae_bcp_validate_text (drill->findings, error))
    return FALSE;
  if (drill->incident_id != 0)
    {
      g_autoptr(sqlite3_stmt) inc = NULL;
      int rc;

      inc = sonae_store_prepare (self, "SELECT drill FROM incidents WHERE id = ?1", error);
      if (inc == NULL)
        return FALSE;
      sqlite3_bind_int64 (inc, 1, drill->incident_id);
      rc = sqlite3_step (inc);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                               _("The incident does not exist."));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return sonae_store_set_sql_error (self, error, _("Could not read the incident"));
      if (sqlite3_column_int (inc, 0) != 1)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                               _("A drill can only be linked to an incident recorded as a drill, never to a real one."));
          return FALSE;
        }
    }

  now = sonae_input_now_string ();
  id = drill->id;
  stmt = sonae_bcp_prepare_save (self, id,
                                 "INSERT INTO bcp_drills (held_on, scenario, participants, findings, "
                                 "incident_id, created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                 "UPDATE bcp_drills SET held_on = ?2, scenario = ?3, participants = ?4, "
                                 "findings = ?5, incident_id = ?6, updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, held);
  sonae_bind_text (stmt, 3, drill->scenario);
  sonae_bind_text (stmt, 4, drill->participants);
  sonae_bind_text (stmt, 5, drill->findings);
  sonae_bcp_bind_id (stmt, 6, drill->incident_id);
  sonae_bind_text (stmt, 7, now);

  if (!sonae_bcp_run_save (self, stmt, &id, _("Could not save the drill"),
                           _("The drill does not exist."), error))
    return FALSE;

  if (drill->id == 0)
    {
      drill->id = id;
      sonae_bcp_replace_string (&drill->created_at, g_strdup (now));
    }
  sonae_bcp_replace_string (&drill->held_on, g_steal_pointer (&held));
  sonae_bcp_replace_string (&drill->updated_at, g_strdup (now));
  {
    g_autoptr(SonaeBcpDrill) saved = sonae_bcp_get_drill (self, id, NULL);

    if (saved != NULL)
      sonae_bcp_replace_string (&drill->incident_number, g_steal_pointer (&saved->incident_number));
  }
  return TRUE;
}

gboolean
sonae_bcp_delete_drill (SonaeStore *self,
                        gint64      id,
                        GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return sonae_bcp_delete_linked_row (self, "UPDATE bcp_measures SET drill_id = NULL WHERE drill_id = ?1",
                                      "DELETE FROM bcp_drills WHERE id = ?1", id,
                                      _("Could not delete the drill"), _("The drill does not exist."), error);
}

char *
sonae_bcp_get_last_drill_date (SonaeStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT max (held_on) FROM bcp_drills", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return sonae_column_dup (stmt, 0);
}
