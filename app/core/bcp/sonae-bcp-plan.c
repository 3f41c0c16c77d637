/* sonae-bcp-plan.c: the SQL of the plan as a whole (sonae-bcp.h): its
 * texts, who decides what, the reviews and whether it is started; the
 * readiness self-check; the status of each worksheet. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-bcp.h"
#include "sonae-bcp-private.h"
#include "sonae-error.h"
#include "sonae-input.h"
#include "sonae-role.h"

/* --- texts, deciders, reviews -------------------------------------------- */

static char *
get_text_row (SonaeStore  *self,
              const char  *key,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sonae_store_prepare (self, "SELECT value FROM bcp_texts WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sonae_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sonae_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    sonae_store_set_sql_error (self, error, _("Could not read the plan"));
  return NULL;
}

static gboolean
set_text_row (SonaeStore  *self,
              const char  *key,
              const char  *value,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sonae_input_is_blank (value))
    {
      stmt = sonae_store_prepare (self, "DELETE FROM bcp_texts WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
    }
  else
    {
      g_autofree char *now = sonae_input_now_string ();

      stmt = sonae_store_prepare (self,
                                  "INSERT INTO bcp_texts (key, value, updated_at) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
      sonae_bind_text (stmt, 2, value);
      sonae_bind_text (stmt, 3, now);
    }
  return sonae_bcp_run_change (self, stmt, _("Could not save the plan"), NULL, error);
}

char *
sonae_bcp_get_text (SonaeStore  *self,
                    SonaeBcpText text,
                    GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) text < SONAE_BCP_N_TEXTS, NULL);

  return get_text_row (self, sonae_bcp_text_to_string (text), error);
}

gboolean
sonae_bcp_set_text (SonaeStore  *self,
                    SonaeBcpText text,
                    const char  *value,
                    GError     **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) text < SONAE_BCP_N_TEXTS, FALSE);

  if (!sonae_bcp_validate_text (value, error))
    return FALSE;
  return set_text_row (self, sonae_bcp_text_to_string (text), value, error);
}

char *
sonae_bcp_get_decider (SonaeStore      *self,
                       SonaeBcpDecision decision)
{
  g_autofree char *key = NULL;
  g_autofree char *role = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) decision < SONAE_BCP_N_DECISIONS, NULL);

  key = g_strconcat ("decider:", sonae_bcp_decision_to_string (decision), NULL);
  role = get_text_row (self, key, NULL);
  if (role == NULL || sonae_role_lookup (role) == NULL)
    return g_strdup (SONAE_ROLE_TOP);
  return g_steal_pointer (&role);
}

gboolean
sonae_bcp_set_decider (SonaeStore      *self,
                       SonaeBcpDecision decision,
                       const char      *role_key,
                       GError         **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) decision < SONAE_BCP_N_DECISIONS, FALSE);

  if (role_key == NULL || sonae_role_lookup (role_key) == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Choose one of the roles of the manual."));
      return FALSE;
    }
  key = g_strconcat ("decider:", sonae_bcp_decision_to_string (decision), NULL);
  return set_text_row (self, key, role_key, error);
}

gboolean
sonae_bcp_mark_reviewed (SonaeStore *self,
                         const char *date,
                         const char *by,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *who = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_bcp_validate_required (by, _("Say who reviewed the plan."), error))
    return FALSE;
  if (!sonae_bcp_past_date_or_today (date, &day, error))
    return FALSE;
  who = g_strstrip (g_strdup (by));
  now = sonae_input_now_string ();
  stmt = sonae_store_prepare (self,
                              "INSERT INTO bcp_reviews (reviewed_on, reviewed_by, created_at) "
                              "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 1, day);
  sonae_bind_text (stmt, 2, who);
  sonae_bind_text (stmt, 3, now);
  return sonae_bcp_run_change (self, stmt, _("Could not record the review"), NULL, error);
}

gboolean
sonae_bcp_get_last_review (SonaeStore *self,
                           char      **out_date,
                           char      **out_by)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (out_date)
    *out_date = NULL;
  if (out_by)
    *out_by = NULL;
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  stmt = sonae_store_prepare (self,
                              "SELECT reviewed_on, reviewed_by FROM bcp_reviews "
                              "ORDER BY reviewed_on DESC, id DESC LIMIT 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (out_date)
    *out_date = sonae_column_dup (stmt, 0);
  if (out_by)
    *out_by = sonae_column_dup (stmt, 1);
  return TRUE;
}

gboolean
sonae_bcp_is_started (SonaeStore *self)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return sonae_bcp_count_rows (self,
                               "SELECT (SELECT count(*) FROM bcp_texts WHERE key NOT LIKE 'decider:%')"
                               " + (SELECT count(*) FROM bcp_events)"
                               " + (SELECT count(*) FROM bcp_systems)"
                               " + (SELECT count(*) FROM bcp_measures)"
                               " + (SELECT count(*) FROM bcp_drills)"
                               " + (SELECT count(*) FROM bcp_risks)"
                               " + (SELECT count(*) FROM bcp_reviews)"
                               " + (SELECT count(*) FROM bcp_checks WHERE answer != 'unknown')") > 0;
}

/* --- the self-check ------------------------------------------------------ */

GPtrArray *
sonae_bcp_read_checks (SonaeStore  *self,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SonaeBcpCheckInfo *infos;
  guint n;

  stmt = sonae_store_prepare (self,
                              "SELECT k.answer, k.target_on, k.owner_id, c.name, k.updated_at "
                              "FROM bcp_checks k LEFT JOIN contacts c ON c.id = k.owner_id AND c.deleted = 0 "
                              "WHERE k.key = ?1", error);
  if (stmt == NULL)
    return NULL;
  infos = sonae_bcp_checks_get (&n);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_bcp_check_answer_free);
  for (guint i = 0; i < n; i++)
    {
      SonaeBcpCheckAnswer *answer = g_new0 (SonaeBcpCheckAnswer, 1);
      int rc;

      answer->key = g_strdup (infos[i].key);
      answer->answer = SONAE_BCP_UNKNOWN;
      g_ptr_array_add (list, answer);
      sqlite3_reset (stmt);
      sonae_bind_text (stmt, 1, infos[i].key);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (!sonae_bcp_answer_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                             &answer->answer))
            answer->answer = SONAE_BCP_UNKNOWN;
          answer->target_on = sonae_column_dup (stmt, 1);
          answer->owner_id = sqlite3_column_int64 (stmt, 2);
          answer->owner_name = sonae_column_dup (stmt, 3);
          answer->updated_at = sonae_column_dup (stmt, 4);
        }
      else if (rc != SQLITE_DONE)
        {
          sonae_store_set_sql_error (self, error, _("Could not read the self-check"));
          return NULL;
        }
    }
  return g_steal_pointer (&list);
}

GPtrArray *
sonae_bcp_list_checks (SonaeStore *self,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return sonae_bcp_read_checks (self, error);
}

gboolean
sonae_bcp_set_check (SonaeStore    *self,
                     const char    *key,
                     SonaeBcpAnswer answer,
                     const char    *target_on,
                     gint64         owner_id,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *target = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (sonae_bcp_check_lookup (key) == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("“%s” is not a question of the self-check."),
                   key && g_utf8_validate (key, -1, NULL) ? key : "");
      return FALSE;
    }
  if (!sonae_bcp_validate_answer (answer, error))
    return FALSE;
  if (answer == SONAE_BCP_NO)
    {
      if (!sonae_bcp_normalize_date (target_on, FALSE, &target, error) ||
          !sonae_bcp_validate_person (owner_id, error))
        return FALSE;
    }

  if (answer == SONAE_BCP_UNKNOWN)
    {
      stmt = sonae_store_prepare (self, "DELETE FROM bcp_checks WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
    }
  else
    {
      now = sonae_input_now_string ();
      stmt = sonae_store_prepare (self,
                                  "INSERT INTO bcp_checks (key, answer, target_on, owner_id, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET "
                                  "answer = ?2, target_on = ?3, owner_id = ?4, updated_at = ?5",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sonae_bind_text (stmt, 1, key);
      sonae_bind_text (stmt, 2, sonae_bcp_answer_to_string (answer));
      sonae_bind_text (stmt, 3, target);
      sonae_bcp_bind_id (stmt, 4, answer == SONAE_BCP_NO ? owner_id : 0);
      sonae_bind_text (stmt, 5, now);
    }
  return sonae_bcp_run_change (self, stmt, _("Could not save the answer"), NULL, error);
}

/* --- the worksheets -------------------------------------------------------- */

const char *const *
sonae_bcp_get_worksheets (void)
{
  static const char *const names[] = { "policy", "events", "systems", "plans", "drills", "risks", "check", NULL };

  return names;
}

char *
sonae_bcp_get_worksheet_status (SonaeStore *store,
                                const char *name)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "policy"))
    {
      g_autofree char *policy = sonae_bcp_get_text (store, SONAE_BCP_TEXT_POLICY, NULL);

      return g_strdup (policy != NULL ? _("Written") : _("Not written yet"));
    }
  if (g_str_equal (name, "events"))
    {
      g_autoptr(GPtrArray) events = sonae_bcp_list_events (store, NULL);
      guint n = events ? events->len : 0;

      if (n == 0)
        return g_strdup (_("Not written yet"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
    }
  if (g_str_equal (name, "systems"))
    {
      g_autoptr(GPtrArray) systems = sonae_bcp_list_systems (store, NULL);
      g_autofree char *count = NULL;
      guint n = systems ? systems->len : 0;
      guint due = 0;

      if (n == 0)
        return g_strdup (_("Not written yet"));
      for (guint i = 0; i < n; i++)
        if (sonae_bcp_system_restore_test_overdue (g_ptr_array_index (systems, i), NULL))
          due++;
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system", "%u systems", n), n);
      if (due == 0)
        return g_steal_pointer (&count);
      return g_strdup_printf ("%s · %s", count,
                              g_dngettext (GETTEXT_PACKAGE, "restore test due", "restore tests due", due));
    }
  if (g_str_equal (name, "plans"))
    {
      g_autoptr(GPtrArray) measures = sonae_bcp_list_measures (store, NULL);
      guint open = 0;

      if (measures == NULL || measures->len == 0)
        return g_strdup (_("Not written yet"));
      for (guint i = 0; i < measures->len; i++)
        if (((SonaeBcpMeasure *) g_ptr_array_index (measures, i))->status == SONAE_CAPA_OPEN)
          open++;
      if (open == 0)
        return g_strdup (_("All measures done"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open measure", "%u open measures", open), open);
    }
  if (g_str_equal (name, "drills"))
    {
      g_autofree char *last = sonae_bcp_get_last_drill_date (store);

      if (last == NULL)
        return g_strdup (_("No drill yet"));
      /* Translators: %s is a date (YYYY-MM-DD) */
      return g_strdup_printf (_("Last drill %s"), last);
    }
  if (g_str_equal (name, "risks"))
    {
      g_autoptr(GPtrArray) risks = sonae_bcp_list_risks (store, NULL);
      guint n = risks ? risks->len : 0;

      if (n == 0)
        return g_strdup (_("Not written yet"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", n), n);
    }
  if (g_str_equal (name, "check"))
    {
      g_autoptr(GPtrArray) checks = sonae_bcp_list_checks (store, NULL);
      guint answered = 0;
      guint n = checks ? checks->len : 0;

      for (guint i = 0; i < n; i++)
        if (((SonaeBcpCheckAnswer *) g_ptr_array_index (checks, i))->answer != SONAE_BCP_UNKNOWN)
          answered++;
      if (answered == 0)
        return g_strdup (_("Not answered yet"));
      /* Translators: how many questions of the self-check are answered */
      return g_strdup_printf (_("%u of %u answered"), answered, n);
    }
  return NULL;
}
