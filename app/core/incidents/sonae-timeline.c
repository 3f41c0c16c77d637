/* sonae-timeline.c: an incident's append-only, hash-chained timeline:
 * appending an entry (alone, or with the change it records), listing the
 * timeline and verifying its chain, and the entries that change nothing
 * else: a call, a note, a correction.
 *
 * As for the other changes (sonae-incidents.c), everything is read and
 * checked first, outside the transaction; then the entry is written in one
 * transaction.
 *
 * The chain: each timeline row stores prev_hash, the hash of the row before
 * it ("" for the first), and hash, the SHA-256 of a canonical serialisation
 * of all its stored columns but id and hash (see entry_hash()). The incident
 * keeps the number and hash of its last entry (head_seq, head_hash), so
 * that a removed last entry or an entry added at the end is found as well
 * as an edited one. There are no triggers against UPDATE or DELETE: the
 * chain is what tells, and tests tamper with the file to prove it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-timeline.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-incidents-private.h"
#include "sonae-input.h"
#include "sonae-store-private.h"

/* Columns 1 to 17 (incident_id … prev_hash) are hashed, in this order. */
#define TIMELINE_COLUMNS \
  "t.id, t.incident_id, t.seq, t.kind, t.at, t.recorded_at, t.back_entered, t.author, " \
  "t.step_id, t.field, t.old_value, t.new_value, t.contact_id, t.role_key, t.outcome, " \
  "t.text, t.corrects, t.prev_hash, t.hash, " \
  "EXISTS (SELECT 1 FROM timeline c WHERE c.incident_id = t.incident_id AND c.corrects = t.id)"
#define FIRST_HASHED 1
#define LAST_HASHED 17
#define COL_HASH 18
#define COL_CORRECTED 19

/* --- small helpers ------------------------------------------------------ */

/* The time a change happened: now, or @at as written on paper (then
 * back-entered). A time in the future is refused. */
gboolean
sonae_incidents_resolve_at (const char  *at,
                            const char  *now,
                            char       **out_at,
                            gboolean    *out_back_entered,
                            GError     **error)
{
  g_autofree char *parsed = NULL;

  if (at == NULL)
    {
      *out_at = g_strdup (now);
      *out_back_entered = FALSE;
      return TRUE;
    }
  parsed = sonae_datetime_parse (at, error);
  if (parsed == NULL)
    return FALSE;
  if (strcmp (parsed, now) > 0)
    {
      g_autofree char *shown = sonae_datetime_format (parsed);
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s is in the future. Enter the time it happened, as written on paper."),
                   shown);
      return FALSE;
    }
  *out_at = g_steal_pointer (&parsed);
  *out_back_entered = TRUE;
  return TRUE;
}

static void
bind_text_or_empty (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* --- the chain ----------------------------------------------------------- */

/* SHA-256 over columns FIRST_HASHED … LAST_HASHED of a row of
 * TIMELINE_COLUMNS, exactly as stored: each value is written with its type
 * and, for text, its length, so that no two rows serialise alike. */
static char *
entry_hash (sqlite3_stmt *stmt)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  static const char magic[] = "sonae-timeline-1\n";

  g_checksum_update (sum, (const guchar *) magic, sizeof magic - 1);
  for (int i = FIRST_HASHED; i <= LAST_HASHED; i++)
    {
      char head[64];
      const guchar *bytes = NULL;
      int len = 0;

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          g_snprintf (head, sizeof head, "n;");
          break;
        case SQLITE_INTEGER:
          g_snprintf (head, sizeof head, "i%" G_GINT64_FORMAT ";", (gint64) sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          g_snprintf (head, sizeof head, "r%.17g;", sqlite3_column_double (stmt, i));
          break;
        case SQLITE_BLOB:
          bytes = sqlite3_column_blob (stmt, i);
          len = sqlite3_column_bytes (stmt, i);
          g_snprintf (head, sizeof head, "b%d:", len);
          break;
        case SQLITE_TEXT:
        default:
          bytes = sqlite3_column_text (stmt, i);
          len = sqlite3_column_bytes (stmt, i);
          g_snprintf (head, sizeof head, "t%d:", len);
          break;
        }
      g_checksum_update (sum, (const guchar *) head, -1);
      if (bytes != NULL)
        {
          g_checksum_update (sum, bytes, len);
          g_checksum_update (sum, (const guchar *) ";", 1);
        }
      else if (head[strlen (head) - 1] == ':')
        g_checksum_update (sum, (const guchar *) ";", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Append @e to the timeline of @incident_id: inside a transaction. */
gboolean
sonae_incidents_append_entry (SonaeStore           *self,
                              gint64                incident_id,
                              const SonaeNewEntry  *e,
                              const char           *recorded_at,
                              GError              **error)
{
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(sqlite3_stmt) seal = NULL;
  g_autoptr(sqlite3_stmt) move = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  gint64 seq, entry_id;
  const char *what = _("Could not write the timeline");

  head = sonae_store_prepare (self, "SELECT head_seq, head_hash FROM incidents WHERE id = ?1", error);
  if (head == NULL)
    return FALSE;
  sqlite3_bind_int64 (head, 1, incident_id);
  if (sqlite3_step (head) != SQLITE_ROW)
    return sonae_store_set_sql_error (self, error, what);
  seq = sqlite3_column_int64 (head, 0) + 1;
  prev_hash = g_strdup ((const char *) sqlite3_column_text (head, 1));

  insert = sonae_store_prepare (self,
                                "INSERT INTO timeline (incident_id, seq, kind, at, recorded_at, back_entered, "
                                "author, step_id, field, old_value, new_value, contact_id, role_key, outcome, "
                                "text, corrects, prev_hash, hash) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, '')",
                                error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, incident_id);
  sqlite3_bind_int64 (insert, 2, seq);
  sqlite3_bind_text (insert, 3, sonae_entry_kind_to_string (e->kind), -1, SQLITE_STATIC);
  bind_text_or_empty (insert, 4, e->at);
  bind_text_or_empty (insert, 5, recorded_at);
  sqlite3_bind_int (insert, 6, e->back_entered ? 1 : 0);
  bind_text_or_empty (insert, 7, e->author);
  sonae_bind_text (insert, 8, e->step_id);
  sonae_bind_text (insert, 9, e->field);
  sonae_bind_text (insert, 10, e->old_value);
  sonae_bind_text (insert, 11, e->new_value);
  if (e->contact_id != 0)
    sqlite3_bind_int64 (insert, 12, e->contact_id);
  sonae_bind_text (insert, 13, e->role_key);
  if (e->outcome >= 0)
    sqlite3_bind_text (insert, 14, sonae_call_outcome_to_string (e->outcome), -1, SQLITE_STATIC);
  sonae_bind_text (insert, 15, e->text);
  if (e->corrects != 0)
    sqlite3_bind_int64 (insert, 16, e->corrects);
  bind_text_or_empty (insert, 17, prev_hash);
  if (!sonae_incidents_step_sql (self, insert, what, error))
    return FALSE;
  entry_id = sqlite3_last_insert_rowid (sonae_store_get_db (self));

  /* Hash the row as stored, with the same code that verifies it. */
  row = sonae_store_prepare (self, "SELECT " TIMELINE_COLUMNS " FROM timeline t WHERE t.id = ?1", error);
  if (row == NULL)
    return FALSE;
  sqlite3_bind_int64 (row, 1, entry_id);
  if (sqlite3_step (row) != SQLITE_ROW)
    return sonae_store_set_sql_error (self, error, what);
  hash = entry_hash (row);

  seal = sonae_store_prepare (self, "UPDATE timeline SET hash = ?2 WHERE id = ?1", error);
  if (seal == NULL)
    return FALSE;
  sqlite3_bind_int64 (seal, 1, entry_id);
  sqlite3_bind_text (seal, 2, hash, -1, SQLITE_STATIC);
  if (!sonae_incidents_step_sql (self, seal, what, error))
    return FALSE;

  move = sonae_store_prepare (self, "UPDATE incidents SET head_seq = ?2, head_hash = ?3 WHERE id = ?1", error);
  if (move == NULL)
    return FALSE;
  sqlite3_bind_int64 (move, 1, incident_id);
  sqlite3_bind_int64 (move, 2, seq);
  sqlite3_bind_text (move, 3, hash, -1, SQLITE_STATIC);
  return sonae_incidents_step_sql (self, move, what, error);
}

/* For the other core modules (sonae-incidents-private.h): one entry of @kind
 * with @text, appended to the chain. Inside the caller's transaction. */
gboolean
sonae_incidents_append_timeline_entry (SonaeStore    *store,
                                       gint64         incident_id,
                                       SonaeEntryKind kind,
                                       const char    *at,
                                       const char    *author,
                                       const char    *text,
                                       GError       **error)
{
  g_autofree char *now = sonae_input_now_string ();

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) kind < SONAE_N_ENTRY_KINDS, FALSE);

  if (!sonae_input_check_author (author, error) || !sonae_input_check_text (text, error))
    return FALSE;

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (kind, at != NULL ? at : now, at != NULL, author);

    e.text = text;
    return sonae_incidents_append_entry (store, incident_id, &e, now, error);
  }
}

static SonaeTimelineEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  SonaeTimelineEntry *entry = g_new0 (SonaeTimelineEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->incident_id = sqlite3_column_int64 (stmt, 1);
  entry->seq = (guint) sqlite3_column_int64 (stmt, 2);
  if (!sonae_entry_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &entry->kind))
    entry->kind = SONAE_ENTRY_NOTE;
  entry->at = sonae_column_dup (stmt, 4);
  entry->recorded_at = sonae_column_dup (stmt, 5);
  entry->back_entered = sqlite3_column_int (stmt, 6) != 0;
  entry->author = sonae_column_dup (stmt, 7);
  entry->step_id = sonae_column_dup (stmt, 8);
  entry->field = sonae_column_dup (stmt, 9);
  entry->old_value = sonae_column_dup (stmt, 10);
  entry->new_value = sonae_column_dup (stmt, 11);
  entry->contact_id = sqlite3_column_int64 (stmt, 12);
  entry->role_key = sonae_column_dup (stmt, 13);
  if (!sonae_call_outcome_from_string ((const char *) sqlite3_column_text (stmt, 14), &entry->outcome))
    entry->outcome = SONAE_CALL_REACHED;
  entry->text = sonae_column_dup (stmt, 15);
  entry->corrects = sqlite3_column_int64 (stmt, 16);
  entry->prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 17));
  entry->hash = g_strdup ((const char *) sqlite3_column_text (stmt, COL_HASH));
  entry->corrected = sqlite3_column_int (stmt, COL_CORRECTED) != 0;
  if (entry->prev_hash == NULL)
    entry->prev_hash = g_strdup ("");
  if (entry->hash == NULL)
    entry->hash = g_strdup ("");
  return entry;
}

GPtrArray *
sonae_incidents_list_timeline (SonaeStore *self,
                               gint64      id,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (!sonae_incidents_check_exists (self, id, error))
    return NULL;
  stmt = sonae_store_prepare (self, "SELECT " TIMELINE_COLUMNS " FROM timeline t "
                                    "WHERE t.incident_id = ?1 ORDER BY t.seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_timeline_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (self, error, _("Could not read the timeline"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
chain_broken (guint      *out_bad_seq,
              guint       seq,
              GError    **error,
              const char *format,
              ...) G_GNUC_PRINTF (4, 5);

static gboolean
chain_broken (guint      *out_bad_seq,
              guint       seq,
              GError    **error,
              const char *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (out_bad_seq)
    *out_bad_seq = seq;
  g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_CORRUPT, message);
  return FALSE;
}

gboolean
sonae_incidents_verify_timeline (SonaeStore *self,
                                 gint64      id,
                                 guint      *out_bad_seq,
                                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *head_hash = NULL;
  g_autofree char *prev = g_strdup ("");
  gint64 head_seq = 0;
  gint64 expected = 1;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (out_bad_seq)
    *out_bad_seq = 0;
  if (!sonae_incidents_read_head (self, id, &head_seq, &head_hash, error))
    return FALSE;

  stmt = sonae_store_prepare (self, "SELECT " TIMELINE_COLUMNS " FROM timeline t "
                                    "WHERE t.incident_id = ?1 ORDER BY t.seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 2);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, COL_HASH);
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 17);
      g_autofree char *computed = NULL;

      if (seq < expected || seq > head_seq)
        {
          guint bad = seq > 0 ? (guint) seq : (guint) expected;
          return chain_broken (out_bad_seq, bad, error,
                               _("Entry %u of the timeline was not written by Sonae: it was added to the file afterwards."),
                               bad);
        }
      if (seq > expected)
        return chain_broken (out_bad_seq, (guint) expected, error,
                             _("Entry %u of the timeline is missing."),
                             (guint) expected);
      computed = entry_hash (stmt);
      if (g_strcmp0 (computed, stored_hash) != 0)
        return chain_broken (out_bad_seq, (guint) seq, error,
                             _("Entry %u of the timeline was changed after it was written."),
                             (guint) seq);
      /* The entry is sound in itself but does not follow the one before:
       * that one was changed and its hash made anew. */
      if (g_strcmp0 (prev_hash, prev) != 0)
        {
          guint bad = seq > 1 ? (guint) seq - 1 : 1;
          return chain_broken (out_bad_seq, bad, error,
                               _("Entry %u of the timeline was changed after it was written."),
                               bad);
        }
      g_free (prev);
      prev = g_strdup (stored_hash);
      expected++;
    }
  if (rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the timeline"));

  if (expected - 1 < head_seq)
    return chain_broken (out_bad_seq, (guint) expected, error, "%s",
                         _("The timeline ends before its last recorded entry."));
  if (g_strcmp0 (prev, head_hash != NULL ? head_hash : "") != 0)
    return chain_broken (out_bad_seq, (guint) head_seq, error,
                         _("Entry %u of the timeline was changed after it was written."),
                         (guint) head_seq);
  return TRUE;
}

/* --- a change and its entry --------------------------------------------- */

/* Write @sql (binding ?1 to @id, then @values as text, NULL for empty) and
 * @e in one transaction. @sql may be NULL: then only the entry. */
gboolean
sonae_incidents_commit_change (SonaeStore           *self,
                               gint64                id,
                               const char           *sql,
                               const char          **values,
                               guint                 n_values,
                               const SonaeNewEntry  *e,
                               const char           *now,
                               GError              **error)
{
  if (!sonae_store_begin (self, error))
    return FALSE;
  if (sql != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      for (guint i = 0; i < n_values; i++)
        sonae_bind_text (stmt, (int) i + 2, values[i]);
      if (!sonae_incidents_step_sql (self, stmt, _("Could not save the incident"), error))
        goto fail;
    }
  if (e != NULL && !sonae_incidents_append_entry (self, id, e, now, error))
    goto fail;
  sonae_store_emit_changed (self, SONAE_CHANGED_INCIDENTS);
  return sonae_store_commit (self, error);

fail:
  sonae_store_rollback (self);
  return FALSE;
}

/* --- calls, notes and corrections --------------------------------------- */

gboolean
sonae_incidents_log_call (SonaeStore      *self,
                          gint64           id,
                          gint64           contact_id,
                          const char      *role_key,
                          SonaeCallOutcome outcome,
                          const char      *author,
                          const char      *at,
                          GError         **error)
{
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeContact) contact = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;
  const char *phone;
  gboolean back_entered;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if ((guint) outcome >= SONAE_N_CALL_OUTCOMES)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The outcome of the call is unknown."));
      return FALSE;
    }
  if ((role_key != NULL && *role_key != '\0' && !sonae_incidents_check_key (role_key, error)) ||
      !sonae_input_check_author (author, error) ||
      !sonae_incidents_resolve_at (at, now, &when, &back_entered, error))
    return FALSE;
  incident = sonae_incidents_get (self, id, error);
  if (incident == NULL)
    return FALSE;
  contact = sonae_contacts_get (self, contact_id, error);
  if (contact == NULL)
    return FALSE;

  /* The name and number as they were when called: the contact may change
   * or be removed later. */
  phone = sonae_contact_get_first_phone (contact);
  if (phone != NULL)
    who = g_strdup_printf ("%s (%s)", sonae_contact_get_display_name (contact), phone);
  else
    who = g_strdup (sonae_contact_get_display_name (contact));

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_CALL, when, back_entered, author);

    e.contact_id = contact_id;
    e.role_key = role_key;
    e.outcome = outcome;
    e.text = who;
    return sonae_incidents_commit_change (self, id, NULL, NULL, 0, &e, now, error);
  }
}

static gboolean
check_entry_text (const char  *text,
                  GError     **error)
{
  if (!sonae_input_check_text (text, error))
    return FALSE;
  if (sonae_input_is_blank (text))
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The entry is empty. Write what happened."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_incidents_add_note (SonaeStore *self,
                          gint64      id,
                          const char *text,
                          const char *author,
                          const char *at,
                          GError    **error)
{
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *when = NULL;
  gboolean back_entered;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_entry_text (text, error) ||
      !sonae_input_check_author (author, error) ||
      !sonae_incidents_resolve_at (at, now, &when, &back_entered, error) ||
      !sonae_incidents_check_exists (self, id, error))
    return FALSE;

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_NOTE, when, back_entered, author);

    e.text = text;
    return sonae_incidents_commit_change (self, id, NULL, NULL, 0, &e, now, error);
  }
}

gboolean
sonae_incidents_correct_entry (SonaeStore *self,
                               gint64      id,
                               gint64      entry_id,
                               const char *text,
                               const char *author,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sonae_input_now_string ();
  g_autofree char *seq = NULL;
  int rc;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if (!check_entry_text (text, error) ||
      !sonae_input_check_author (author, error) ||
      !sonae_incidents_check_exists (self, id, error))
    return FALSE;

  stmt = sonae_store_prepare (self, "SELECT seq FROM timeline WHERE id = ?1 AND incident_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                           _("The entry to correct is not in this incident's timeline."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sonae_store_set_sql_error (self, error, _("Could not read the timeline"));
  seq = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));

  {
    SonaeNewEntry e = SONAE_NEW_ENTRY (SONAE_ENTRY_CORRECTION, now, FALSE, author);

    /* old_value: the number of the entry corrected, for the reader. */
    e.old_value = seq;
    e.corrects = entry_id;
    e.text = text;
    return sonae_incidents_commit_change (self, id, NULL, NULL, 0, &e, now, error);
  }
}
