/* sonae-capa.c: corrective and preventive actions of an incident.
 *
 * Like the incident store, every change checks everything first, outside
 * the transaction, so that a mistake changes nothing; then the row and the
 * ACTION entry of the incident's timeline are written in one transaction.
 * The entry goes through the incident store's chain code
 * (sonae_incidents_append_timeline_entry), so the hash chain stays sound. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents-private.h"
#include "sonae-input.h"
#include "sonae-store-private.h"

#define ACTION_COLUMNS \
  "a.id, a.incident_id, a.kind, a.text, a.owner_id, c.name, a.due_on, a.status, " \
  "a.confirmed_on, a.confirmed_by, a.approved_by, a.reason, a.created_at, a.updated_at, a.approved_on"

/* A soft-deleted or purged owner reads as none. */
#define ACTION_FROM \
  " FROM actions a LEFT JOIN contacts c ON c.id = a.owner_id AND c.deleted = 0 "

/* How much of each text is quoted in a timeline sentence, in bytes, so that
 * the sentence stays within what one entry may hold. */
#define QUOTE_TEXT 4000
#define QUOTE_REASON 8000
#define QUOTE_NAME 500

/* --- kinds and statuses -------------------------------------------------- */

static const char *const kind_keys[SONAE_N_CAPA_KINDS] = {
  "handling", "corrective", "preventive",
};

static const char *const status_keys[SONAE_N_CAPA_STATUSES] = {
  "open", "done", "dropped",
};

const char *
sonae_capa_kind_to_string (SonaeCapaKind kind)
{
  g_return_val_if_fail ((guint) kind < SONAE_N_CAPA_KINDS, NULL);
  return kind_keys[kind];
}

gboolean
sonae_capa_kind_from_string (const char    *text,
                             SonaeCapaKind *out_kind)
{
  for (guint i = 0; i < SONAE_N_CAPA_KINDS; i++)
    if (g_strcmp0 (text, kind_keys[i]) == 0)
      {
        if (out_kind)
          *out_kind = (SonaeCapaKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_capa_kind_get_title (SonaeCapaKind kind)
{
  switch (kind)
    {
    case SONAE_CAPA_HANDLING:
      /* Translators: 結果の処置, what was done about the result of the incident */
      return _("Handling of the result");
    case SONAE_CAPA_CORRECTIVE:
      /* Translators: 是正処置・再発防止策 */
      return _("Corrective action");
    case SONAE_CAPA_PREVENTIVE:
      /* Translators: 予防処置 */
      return _("Preventive action");
    case SONAE_N_CAPA_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sonae_capa_status_to_string (SonaeCapaStatus status)
{
  g_return_val_if_fail ((guint) status < SONAE_N_CAPA_STATUSES, NULL);
  return status_keys[status];
}

gboolean
sonae_capa_status_from_string (const char      *text,
                               SonaeCapaStatus *out_status)
{
  for (guint i = 0; i < SONAE_N_CAPA_STATUSES; i++)
    if (g_strcmp0 (text, status_keys[i]) == 0)
      {
        if (out_status)
          *out_status = (SonaeCapaStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_capa_status_get_title (SonaeCapaStatus status)
{
  switch (status)
    {
    case SONAE_CAPA_OPEN:
      /* Translators: the status of an action: not finished yet */
      return C_("action status", "Open");
    case SONAE_CAPA_DONE:
      /* Translators: the status of an action: done and confirmed */
      return C_("action status", "Done");
    case SONAE_CAPA_DROPPED:
      /* Translators: the status of an action: closed with a reason, without doing it */
      return C_("action status", "Dropped");
    case SONAE_N_CAPA_STATUSES:
    default:
      g_return_val_if_reached ("");
    }
}

/* --- the record ---------------------------------------------------------- */

SonaeCapa *
sonae_capa_new (void)
{
  SonaeCapa *action = g_new0 (SonaeCapa, 1);

  action->kind = SONAE_CAPA_CORRECTIVE;
  action->status = SONAE_CAPA_OPEN;
  return action;
}

void
sonae_capa_free (SonaeCapa *action)
{
  if (action == NULL)
    return;
  g_free (action->text);
  g_free (action->owner_name);
  g_free (action->due_on);
  g_free (action->confirmed_on);
  g_free (action->confirmed_by);
  g_free (action->approved_by);
  g_free (action->approved_on);
  g_free (action->reason);
  g_free (action->created_at);
  g_free (action->updated_at);
  g_free (action);
}

/* --- small helpers ------------------------------------------------------- */

/* At most @max_bytes of @text, cut at a character, with "…" when cut. */
static char *
quote (const char *text,
       gsize       max_bytes)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (strlen (text) <= max_bytes)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + max_bytes + 1);
  if (end == NULL)
    end = text;
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

static gboolean
step_done (SonaeStore   *self,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, what);
  return TRUE;
}

static SonaeCapa *
action_from_row (sqlite3_stmt *stmt)
{
  SonaeCapa *action = sonae_capa_new ();

  action->id = sqlite3_column_int64 (stmt, 0);
  action->incident_id = sqlite3_column_int64 (stmt, 1);
  if (!sonae_capa_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &action->kind))
    action->kind = SONAE_CAPA_CORRECTIVE;
  action->text = sonae_column_dup (stmt, 3);
  action->owner_id = sqlite3_column_int64 (stmt, 4);
  action->owner_name = sonae_column_dup (stmt, 5);
  action->due_on = sonae_column_dup (stmt, 6);
  if (!sonae_capa_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &action->status))
    action->status = SONAE_CAPA_OPEN;
  action->confirmed_on = sonae_column_dup (stmt, 8);
  action->confirmed_by = sonae_column_dup (stmt, 9);
  action->approved_by = sonae_column_dup (stmt, 10);
  action->reason = sonae_column_dup (stmt, 11);
  action->created_at = sonae_column_dup (stmt, 12);
  action->updated_at = sonae_column_dup (stmt, 13);
  action->approved_on = sonae_column_dup (stmt, 14);
  if (action->text == NULL)
    action->text = g_strdup ("");
  return action;
}

static GPtrArray *
list_actions (SonaeStore  *self,
              const char  *sql,
              gint64       incident_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  stmt = sonae_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (incident_id != 0)
    sqlite3_bind_int64 (stmt, 1, incident_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_capa_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, action_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the actions"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* --- reading ------------------------------------------------------------- */

GPtrArray *
sonae_capa_list (SonaeStore *self,
                 gint64      incident_id,
                 GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (!sonae_incidents_check_exists (self, incident_id, error))
    return NULL;
  return list_actions (self,
                       "SELECT " ACTION_COLUMNS ACTION_FROM
                       "WHERE a.incident_id = ?1 "
                       "ORDER BY CASE a.kind WHEN 'handling' THEN 0 WHEN 'corrective' THEN 1 ELSE 2 END, "
                       "a.due_on IS NULL, a.due_on, a.id",
                       incident_id, error);
}

GPtrArray *
sonae_capa_list_open (SonaeStore *self,
                      GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return list_actions (self,
                       "SELECT " ACTION_COLUMNS ACTION_FROM
                       "WHERE a.status = 'open' "
                       "ORDER BY a.due_on IS NULL, a.due_on, a.id",
                       0, error);
}

SonaeCapa *
sonae_capa_get (SonaeStore *self,
                gint64      action_id,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  stmt = sonae_store_prepare (self, "SELECT " ACTION_COLUMNS ACTION_FROM "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return action_from_row (stmt);
  if (rc != SQLITE_DONE)
    sonae_store_set_sql_error (self, error, _("Could not read the action"));
  else
    g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                         _("The action does not exist."));
  return NULL;
}

guint
sonae_capa_count_open (SonaeStore *self,
                       gint64      incident_id)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), 0);

  /* The incidents own the count: it decides whether one may close. */
  return sonae_incidents_count_open_actions (self, incident_id);
}

/* --- the timeline sentences ---------------------------------------------- */

/* “ (owner 田中 健一, due 2026-12-01)”, or less, or "". */
static char *
owner_and_due (const char *owner_name,
               const char *due_on)
{
  g_autofree char *owner = owner_name != NULL ? quote (owner_name, QUOTE_NAME) : NULL;

  if (owner != NULL && due_on != NULL)
    /* Translators: after an action's text in the timeline: who does it, by when */
    return g_strdup_printf (_(" (owner %s, due %s)"), owner, due_on);
  if (owner != NULL)
    /* Translators: after an action's text in the timeline: who does it */
    return g_strdup_printf (_(" (owner %s)"), owner);
  if (due_on != NULL)
    /* Translators: after an action's text in the timeline: by when */
    return g_strdup_printf (_(" (due %s)"), due_on);
  return g_strdup ("");
}

static char *
saved_sentence (gboolean      added,
                SonaeCapaKind kind,
                const char   *text,
                const char   *owner_name,
                const char   *due_on)
{
  g_autofree char *quoted = quote (text, QUOTE_TEXT);
  g_autofree char *tail = owner_and_due (owner_name, due_on);

  if (added)
    /* Translators: “Corrective action added: <what> (owner …, due …)” */
    return g_strdup_printf (_("%s added: %s%s"), sonae_capa_kind_get_title (kind), quoted, tail);
  /* Translators: “Corrective action changed: <what> (owner …, due …)” */
  return g_strdup_printf (_("%s changed: %s%s"), sonae_capa_kind_get_title (kind), quoted, tail);
}

/* --- writing ------------------------------------------------------------- */

/* Run @stmt and append the ACTION entry @text, in one transaction. */
static gboolean
commit_with_entry (SonaeStore    *self,
                   gint64         incident_id,
                   sqlite3_stmt  *stmt,
                   const char    *what,
                   const char    *now,
                   const char    *author,
                   const char    *text,
                   gint64        *out_new_id,
                   gboolean       opens,
                   GError       **error)
{
  if (!step_done (self, stmt, what, error))
    goto fail;
  if (out_new_id != NULL)
    *out_new_id = sqlite3_last_insert_rowid (sonae_store_get_db (self));
  if (!sonae_incidents_append_timeline_entry (self, incident_id, SONAE_ENTRY_ACTION, NULL, author, text, error))
    goto fail;
  /* An open action means the incident is not complete: a closed one goes
   * back to recovery, in the same transaction. */
  if (opens && !sonae_incidents_reopen_if_closed (self, incident_id, author, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

gboolean
sonae_capa_save (SonaeStore *self,
                 SonaeCapa  *action,
                 const char *author,
                 GError    **error)
{
  g_autoptr(SonaeCapa) old = NULL;
  g_autoptr(SonaeContact) owner = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *due_on = NULL;
  g_autofree char *sentence = NULL;
  const char *owner_name = NULL;
  gint64 incident_id;
  gint64 new_id = 0;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  /* Check everything first. */
  if ((guint) action->kind >= SONAE_N_CAPA_KINDS)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The kind of action is unknown."));
      return FALSE;
    }
  if (!sonae_input_check_required (action->text, _("Write what is to be done."), error) ||
      !sonae_input_check_author (author, error) ||
      !sonae_input_normalize_date (action->due_on, &due_on, error))
    return FALSE;

  incident_id = action->incident_id;
  if (action->id != 0)
    {
      old = sonae_capa_get (self, action->id, error);
      if (old == NULL)
        return FALSE;
      if (incident_id == 0)
        incident_id = old->incident_id;
      else if (incident_id != old->incident_id)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                               _("An action cannot be moved to another incident."));
          return FALSE;
        }
    }
  if (!sonae_incidents_check_exists (self, incident_id, error))
    return FALSE;

  if (action->owner_id < 0)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("The owner of the action is not in the contacts."));
      return FALSE;
    }
  if (action->owner_id != 0)
    {
      owner = sonae_contacts_get (self, action->owner_id, NULL);
      /* An owner deleted since may stay on an action that is edited for
       * something else; a new owner must be in the contacts. */
      if (owner == NULL && (old == NULL || old->owner_id != action->owner_id))
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                               _("The owner of the action is not in the contacts."));
          return FALSE;
        }
      if (owner != NULL)
        owner_name = sonae_contact_get_display_name (owner);
    }

  /* A change to what is already there records nothing. */
  if (old != NULL &&
      old->kind == action->kind &&
      g_strcmp0 (old->text, action->text) == 0 &&
      old->owner_id == action->owner_id &&
      g_strcmp0 (old->due_on, due_on) == 0)
    return TRUE;

  sentence = saved_sentence (old == NULL, action->kind, action->text, owner_name, due_on);

  if (!sonae_store_begin (self, error))
    return FALSE;
  if (old == NULL)
    stmt = sonae_store_prepare (self,
                                "INSERT INTO actions (incident_id, kind, text, owner_id, due_on, status, "
                                "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?6)",
                                error);
  else
    stmt = sonae_store_prepare (self,
                                "UPDATE actions SET kind = ?2, text = ?3, owner_id = ?4, due_on = ?5, "
                                "updated_at = ?6 WHERE id = ?7",
                                error);
  if (stmt == NULL)
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_text (stmt, 2, sonae_capa_kind_to_string (action->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action->text, -1, SQLITE_STATIC);
  if (action->owner_id != 0)
    sqlite3_bind_int64 (stmt, 4, action->owner_id);
  sonae_bind_text (stmt, 5, due_on);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (old != NULL)
    sqlite3_bind_int64 (stmt, 7, old->id);
  if (!commit_with_entry (self, incident_id, stmt, _("Could not save the action"), now, author,
                          sentence, old == NULL ? &new_id : NULL, old == NULL, error))
    return FALSE;

  /* Give the caller the record as stored. */
  action->incident_id = incident_id;
  g_free (action->due_on);
  action->due_on = g_steal_pointer (&due_on);
  g_free (action->owner_name);
  action->owner_name = g_strdup (owner_name);
  g_free (action->updated_at);
  action->updated_at = g_strdup (now);
  if (old == NULL)
    {
      action->id = new_id;
      action->status = SONAE_CAPA_OPEN;
      g_free (action->created_at);
      action->created_at = g_strdup (now);
    }
  return TRUE;
}

gboolean
sonae_capa_complete (SonaeStore *self,
                     gint64      action_id,
                     const char *confirmed_on,
                     const char *confirmed_by,
                     const char *approved_by,
                     const char *author,
                     GError    **error)
{
  g_autoptr(SonaeCapa) action = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_input_normalize_date (confirmed_on, &date, error) ||
      !sonae_input_check_required (confirmed_by, _("Enter who confirmed that the action was done (担当)."), error) ||
      !sonae_input_check_text (approved_by, error) ||
      !sonae_input_check_author (author, error))
    return FALSE;
  if (date == NULL)
    date = g_strdup (today);
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s is in the future. Enter the day the action was confirmed as done."), date);
      return FALSE;
    }
  by = g_strstrip (g_strdup (confirmed_by));
  if (!sonae_input_is_blank (approved_by))
    approver = g_strstrip (g_strdup (approved_by));

  action = sonae_capa_get (self, action_id, error);
  if (action == NULL)
    return FALSE;
  if (action->status != SONAE_CAPA_OPEN)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           action->status == SONAE_CAPA_DONE
                           ? _("This action is already done.")
                           : _("This action was closed without doing it. Reopen it first."));
      return FALSE;
    }

  quoted = quote (action->text, QUOTE_TEXT);
  {
    g_autofree char *who = quote (by, QUOTE_NAME);
    g_autofree char *approved = approver != NULL ? quote (approver, QUOTE_NAME) : NULL;

    if (approved != NULL)
      /* Translators: “Corrective action “…” done, confirmed on 2026-12-01 by 田中 健一, approved by 高橋 誠” */
      sentence = g_strdup_printf (_("%s “%s” done, confirmed on %s by %s, approved by %s"),
                                  sonae_capa_kind_get_title (action->kind), quoted, date, who, approved);
    else
      /* Translators: “Corrective action “…” done, confirmed on 2026-12-01 by 田中 健一” */
      sentence = g_strdup_printf (_("%s “%s” done, confirmed on %s by %s"),
                                  sonae_capa_kind_get_title (action->kind), quoted, date, who);
  }

  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self,
                              "UPDATE actions SET status = 'done', confirmed_on = ?2, confirmed_by = ?3, "
                              "approved_by = ?4, approved_on = CASE WHEN ?4 IS NULL THEN NULL ELSE ?2 END, "
                              "reason = NULL, updated_at = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, by, -1, SQLITE_STATIC);
  sonae_bind_text (stmt, 4, approver);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  return commit_with_entry (self, action->incident_id, stmt, _("Could not save the action"),
                            now, author, sentence, NULL, FALSE, error);
}

gboolean
sonae_capa_approve (SonaeStore *self,
                    gint64      action_id,
                    const char *approved_on,
                    const char *approved_by,
                    const char *author,
                    GError    **error)
{
  g_autoptr(SonaeCapa) action = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *date = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_input_normalize_date (approved_on, &date, error) ||
      !sonae_input_check_text (approved_by, error) ||
      !sonae_input_check_author (author, error))
    return FALSE;
  if (!sonae_input_is_blank (approved_by))
    approver = g_strstrip (g_strdup (approved_by));
  if (approver == NULL)
    g_clear_pointer (&date, g_free);
  else if (date == NULL)
    date = g_strdup (today);
  if (date != NULL && strcmp (date, today) > 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s is in the future. Enter the day the action was approved."), date);
      return FALSE;
    }

  action = sonae_capa_get (self, action_id, error);
  if (action == NULL)
    return FALSE;
  if (action->status != SONAE_CAPA_DONE)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Only an action that is done can be approved. Mark it as done first."));
      return FALSE;
    }
  if (date != NULL && action->confirmed_on != NULL && strcmp (date, action->confirmed_on) < 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s is before the action was confirmed as done (%s)."), date, action->confirmed_on);
      return FALSE;
    }
  if (g_strcmp0 (approver, action->approved_by) == 0 && g_strcmp0 (date, action->approved_on) == 0)
    return TRUE;

  quoted = quote (action->text, QUOTE_TEXT);
  if (approver != NULL)
    {
      g_autofree char *who = quote (approver, QUOTE_NAME);

      /* Translators: “Corrective action “…” approved on 2026-12-01 by 高橋 誠” */
      sentence = g_strdup_printf (_("%s “%s” approved on %s by %s"),
                                  sonae_capa_kind_get_title (action->kind), quoted, date, who);
    }
  else
    /* Translators: “Corrective action “…”: approval withdrawn” */
    sentence = g_strdup_printf (_("%s “%s”: approval withdrawn"),
                                sonae_capa_kind_get_title (action->kind), quoted);

  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self,
                              "UPDATE actions SET approved_by = ?2, approved_on = ?3, updated_at = ?4 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, action_id);
  sonae_bind_text (stmt, 2, approver);
  sonae_bind_text (stmt, 3, date);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return commit_with_entry (self, action->incident_id, stmt, _("Could not save the action"),
                            now, author, sentence, NULL, FALSE, error);
}

gboolean
sonae_capa_drop (SonaeStore *self,
                 gint64      action_id,
                 const char *reason,
                 const char *author,
                 GError    **error)
{
  g_autoptr(SonaeCapa) action = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *quoted = NULL;
  g_autofree char *why = NULL;
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_input_check_required (reason, _("Write why the action is closed without doing it."), error) ||
      !sonae_input_check_author (author, error))
    return FALSE;
  action = sonae_capa_get (self, action_id, error);
  if (action == NULL)
    return FALSE;
  if (action->status != SONAE_CAPA_OPEN)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           action->status == SONAE_CAPA_DONE
                           ? _("This action is already done.")
                           : _("This action is already closed."));
      return FALSE;
    }

  quoted = quote (action->text, QUOTE_TEXT);
  why = quote (reason, QUOTE_REASON);
  /* Translators: “Corrective action “…” closed without doing it: <reason>” */
  sentence = g_strdup_printf (_("%s “%s” closed without doing it: %s"),
                              sonae_capa_kind_get_title (action->kind), quoted, why);

  if (!sonae_store_begin (self, error))
    return FALSE;
  stmt = sonae_store_prepare (self,
                              "UPDATE actions SET status = 'dropped', reason = ?2, confirmed_on = NULL, "
                              "confirmed_by = NULL, approved_by = NULL, approved_on = NULL, updated_at = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return commit_with_entry (self, action->incident_id, stmt, _("Could not save the action"),
                            now, author, sentence, NULL, FALSE, error);
}

gboolean
sonae_capa_reopen (SonaeStore *self,
                   gint64      action_id,
                   const char *author,
                   GError    **error)
{
  g_autoptr(SonaeCapa) action = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *quoted = NULL;
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!sonae_input_check_author (author, error))
    return FALSE;
  action = sonae_capa_get (self, action_id, error);
  if (action == NULL)
    return FALSE;
  /* Already open: nothing to record. */
  if (action->status == SONAE_CAPA_OPEN)
    return TRUE;

  quoted = quote (action->text, QUOTE_TEXT);
  /* Translators: “Corrective action “…” reopened” */
  sentence = g_strdup_printf (_("%s “%s” reopened"), sonae_capa_kind_get_title (action->kind), quoted);

  if (!sonae_store_begin (self, error))
    return FALSE;
  /* The confirmation or the reason stays in the timeline. */
  stmt = sonae_store_prepare (self,
                              "UPDATE actions SET status = 'open', confirmed_on = NULL, confirmed_by = NULL, "
                              "approved_by = NULL, approved_on = NULL, reason = NULL, updated_at = ?2 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    {
      sonae_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  return commit_with_entry (self, action->incident_id, stmt, _("Could not save the action"),
                            now, author, sentence, NULL, TRUE, error);
}
