/* sonae-mhlw-answers.c: the SQL of the checklist's answers (sonae-mhlw.h):
 * what a person answered, what Sonae's own data answers, where the year
 * stands and the measures the いいえ make. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-input.h"
#include "sonae-mhlw-private.h"
#include "sonae-role.h"

/* --- shared with sonae-mhlw-vendors.c ------------------------------------ */

gboolean
sonae_mhlw_normalize_date (const char  *text,
                           gboolean     past_only,
                           char       **out_date,
                           GError     **error)
{
  GError *local = NULL;

  if (!sonae_input_normalize_date (text, out_date, &local))
    {
      local->code = SONAE_ERROR_INVALID;
      g_propagate_error (error, local);
      return FALSE;
    }
  if (past_only && *out_date != NULL && sonae_clock_days_since (*out_date) < 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("%s is in the future: give the day it happened."), *out_date);
      g_clear_pointer (out_date, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_mhlw_run_changes (SonaeStore    *store,
                        sqlite3_stmt **stmts,
                        const char    *what,
                        GError       **error)
{
  if (!sonae_store_begin (store, error))
    return FALSE;
  for (guint i = 0; stmts[i] != NULL; i++)
    if (sqlite3_step (stmts[i]) != SQLITE_DONE)
      {
        sonae_store_set_sql_error (store, error, what);
        sonae_store_rollback (store);
        return FALSE;
      }
  sonae_store_emit_changed (store, SONAE_CHANGED_BCP);
  return sonae_store_commit (store, error);
}

/* --- what Sonae's data answers ------------------------------------------- */

/* What the derivations read, each once however many items read it. */
typedef struct {
  SonaeStore *store;
  GPtrArray *systems;      /* of SonaeBcpSystem, or NULL until read */
} Data;

static void
data_clear (Data *data)
{
  g_clear_pointer (&data->systems, g_ptr_array_unref);
}

static GPtrArray *
data_systems (Data *data)
{
  if (data->systems == NULL)
    {
      g_autoptr(GError) error = NULL;

      data->systems = sonae_bcp_list_systems (data->store, &error);
      if (data->systems == NULL)
        {
          g_message ("Could not read the systems for the MHLW checklist: %s", error->message);
          data->systems = g_ptr_array_new ();
        }
    }
  return data->systems;
}

/* @parts (strings) joined as a list is written in the language. */
static char *
join_list (GPtrArray *parts)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: between the things of a list, e.g. “3 staff, 2 vendors” */
        g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static SonaeBcpAnswer
derive_role (Data  *data,
             char **basis)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (data->store, SONAE_ROLE_MEDINFO, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (holders == NULL || holders->len == 0)
    {
      /* Translators: %s is the role 医療情報システム安全管理責任者 */
      *basis = g_strdup_printf (_("Nobody holds the role “%s” in Sonae yet."),
                                sonae_role_get_name (SONAE_ROLE_MEDINFO));
      return SONAE_BCP_UNKNOWN;
    }
  for (guint i = 0; i < holders->len; i++)
    g_ptr_array_add (names, (gpointer) sonae_contact_get_display_name (g_ptr_array_index (holders, i)));
  joined = join_list (names);
  /* Translators: %s is who holds the role of security manager for the medical information systems */
  *basis = g_strdup_printf (_("From the roles: %s"), joined);
  return SONAE_BCP_YES;
}

static SonaeBcpAnswer
derive_systems (Data  *data,
                char **basis)
{
  guint n = data_systems (data)->len;

  if (n == 0)
    {
      *basis = g_strdup (_("The BCP's list of systems is empty."));
      return SONAE_BCP_UNKNOWN;
    }
  /* Translators: an item of the MHLW checklist answered from the BCP's list of systems */
  *basis = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From the systems list: %u system",
                                         "From the systems list: %u systems", n), n);
  return SONAE_BCP_YES;
}

static SonaeBcpAnswer
derive_vendors (Data  *data,
                char **basis)
{
  guint n = 0, received = 0;

  if (!sonae_mhlw_count_vendors (data->store, &n, &received, NULL))
    n = received = 0;
  if (n == 0)
    {
      *basis = g_strdup (_("No vendor of a medical information system is in the roster yet."));
      return SONAE_BCP_UNKNOWN;
    }
  /* Translators: MDS/SDS received from 2 of the 3 vendors */
  *basis = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From the vendors: MDS/SDS received from %u of %u vendor",
                                         "From the vendors: MDS/SDS received from %u of %u vendors", n),
                            received, n);
  return received == n ? SONAE_BCP_YES : SONAE_BCP_UNKNOWN;
}

static gboolean
name_has (const SonaeContact *c,
          const char *const  *words)
{
  g_autofree char *folded = g_utf8_casefold (c->name ? c->name : "", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static SonaeBcpAnswer
derive_roster (Data  *data,
               char **basis)
{
  static const char *const mhlw_words[] = { "厚生労働省", "mhlw", "ministry of health", NULL };
  static const char *const police_words[] = { "警察", "police", NULL };
  g_autoptr(GPtrArray) authorities = sonae_contacts_list_authorities (data->store, NULL);
  g_autoptr(GPtrArray) there = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *there_text = NULL;
  guint staff = sonae_contacts_count_group (data->store, SONAE_GROUP_STAFF);
  guint vendors = sonae_contacts_count_group (data->store, SONAE_GROUP_VENDOR);
  gboolean mhlw = FALSE, police = FALSE;

  for (guint i = 0; authorities != NULL && i < authorities->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (authorities, i);

      mhlw = mhlw || g_str_has_prefix (c->builtin_key ? c->builtin_key : "", "mhlw") || name_has (c, mhlw_words);
      police = police || g_str_has_prefix (c->builtin_key ? c->builtin_key : "", "police") || name_has (c, police_words);
    }

  /* Translators: in the list of who is in the roster, for the MHLW checklist's contact chart */
  g_ptr_array_add (staff > 0 ? there : missing,
                   staff > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u staff member", "%u staff", staff), staff)
                             : g_strdup (_("the staff")));
  g_ptr_array_add (vendors > 0 ? there : missing,
                   vendors > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vendor", "%u vendors", vendors), vendors)
                               : g_strdup (_("the vendors")));
  g_ptr_array_add (mhlw ? there : missing, g_strdup (_("the MHLW")));
  g_ptr_array_add (police ? there : missing, g_strdup (_("the police")));

  there_text = join_list (there);
  if (missing->len == 0)
    {
      /* Translators: %s lists who is in the roster, e.g. “6 staff, 5 vendors, the MHLW, the police” */
      *basis = g_strdup_printf (_("From the roster: %s"), there_text);
      return SONAE_BCP_YES;
    }
  {
    g_autofree char *missing_text = join_list (missing);

    if (there->len == 0)
      /* Translators: %s lists who is missing from the roster */
      *basis = g_strdup_printf (_("The roster has no entry yet for %s."), missing_text);
    else
      /* Translators: who is in the roster, then who is not */
      *basis = g_strdup_printf (_("From the roster: %s; nothing yet for %s"), there_text, missing_text);
  }
  return SONAE_BCP_UNKNOWN;
}

static gboolean
is_blank (const char *text)
{
  return sonae_input_is_blank (text);
}

static SonaeBcpAnswer
derive_backups (Data  *data,
                char **basis)
{
  GPtrArray *systems = data_systems (data);
  guint n = systems->len, backed = 0, tried = 0;

  if (n == 0)
    {
      *basis = g_strdup (_("The BCP's list of systems is empty."));
      return SONAE_BCP_UNKNOWN;
    }
  for (guint i = 0; i < n; i++)
    {
      SonaeBcpSystem *s = g_ptr_array_index (systems, i);

      backed += !is_blank (s->backup_method) || !is_blank (s->backup_frequency);
      tried += s->restore_tested_on != NULL;
    }
  *basis = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: from the BCP's systems: how many of them are backed up, how many had a restore tried */
                                         "From the systems list: %u of %u system backed up, a restore tried on %u",
                                         "From the systems list: %u of %u systems backed up, a restore tried on %u", n),
                            backed, n, tried);
  return backed == n && tried == n ? SONAE_BCP_YES : SONAE_BCP_UNKNOWN;
}

static SonaeBcpAnswer
derive_bcp (Data  *data,
            char **basis)
{
  g_autofree char *policy = sonae_bcp_get_text (data->store, SONAE_BCP_TEXT_POLICY, NULL);
  g_autoptr(GPtrArray) events = sonae_bcp_list_events (data->store, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint n_events = events ? events->len : 0;
  guint n_systems = data_systems (data)->len;

  g_ptr_array_add (parts, g_strdup (policy != NULL ? _("basic policy written") : _("no basic policy yet")));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u crisis event", "%u crisis events", n_events),
                                           n_events));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system", "%u systems", n_systems),
                                           n_systems));
  joined = join_list (parts);
  /* Translators: %s says what the BCP holds, e.g. “basic policy written, 8 crisis events, 5 systems” */
  *basis = g_strdup_printf (_("From the BCP: %s"), joined);
  return policy != NULL && n_events > 0 && n_systems > 0 ? SONAE_BCP_YES : SONAE_BCP_UNKNOWN;
}

static SonaeBcpAnswer
derive (Data            *data,
        SonaeMhlwSource  source,
        char           **basis)
{
  *basis = NULL;
  switch (source)
    {
    case SONAE_MHLW_FROM_ROLE:
      return derive_role (data, basis);
    case SONAE_MHLW_FROM_SYSTEMS:
      return derive_systems (data, basis);
    case SONAE_MHLW_FROM_VENDORS:
      return derive_vendors (data, basis);
    case SONAE_MHLW_FROM_ROSTER:
      return derive_roster (data, basis);
    case SONAE_MHLW_FROM_BACKUPS:
      return derive_backups (data, basis);
    case SONAE_MHLW_FROM_BCP:
      return derive_bcp (data, basis);
    case SONAE_MHLW_FROM_NOTHING:
    default:
      return SONAE_BCP_UNKNOWN;
    }
}

/* --- answers ------------------------------------------------------------- */

#define ANSWER_SQL \
  "SELECT a.key, a.answer, a.checked_on, a.target_on, a.owner_id, c.name, a.note, a.updated_at " \
  "FROM mhlw_answers a LEFT JOIN contacts c ON c.id = a.owner_id AND c.deleted = 0"

static SonaeMhlwAnswer *
answer_from_row (sqlite3_stmt *stmt)
{
  SonaeMhlwAnswer *a = g_new0 (SonaeMhlwAnswer, 1);

  a->key = sonae_column_dup (stmt, 0);
  if (!sonae_bcp_answer_from_string ((const char *) sqlite3_column_text (stmt, 1), &a->stored))
    a->stored = SONAE_BCP_UNKNOWN;
  a->checked_on = sonae_column_dup (stmt, 2);
  a->target_on = sonae_column_dup (stmt, 3);
  a->owner_id = sqlite3_column_int64 (stmt, 4);
  a->owner_name = sonae_column_dup (stmt, 5);
  a->note = sonae_column_dup (stmt, 6);
  a->updated_at = sonae_column_dup (stmt, 7);
  return a;
}

/* What a person wrote, by key. */
static GHashTable *
read_stored (SonaeStore  *store,
             const char  *key,
             GError     **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) sonae_mhlw_answer_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sonae_store_prepare (store, key != NULL ? ANSWER_SQL " WHERE a.key = ?1" : ANSWER_SQL, error);
  if (stmt == NULL)
    return NULL;
  if (key != NULL)
    sonae_bind_text (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SonaeMhlwAnswer *a = answer_from_row (stmt);

      if (a->key == NULL || sonae_mhlw_item_lookup (a->key) == NULL)
        sonae_mhlw_answer_free (a);   /* an item a later Sonae may know */
      else
        g_hash_table_replace (by_key, a->key, a);
    }
  if (rc != SQLITE_DONE)
    {
      sonae_store_set_sql_error (store, error, _("Could not read the MHLW checklist"));
      return NULL;
    }
  return g_steal_pointer (&by_key);
}

/* The answer to @info: @stored (taken; NULL when nobody wrote anything)
 * with what the data says. */
static SonaeMhlwAnswer *
complete_answer (Data                    *data,
                 const SonaeMhlwItemInfo *info,
                 SonaeMhlwAnswer         *stored,
                 const char              *today)
{
  SonaeMhlwAnswer *a = stored != NULL ? stored : g_new0 (SonaeMhlwAnswer, 1);

  if (a->key == NULL)
    a->key = g_strdup (info->key);
  a->derived = derive (data, info->source, &a->basis);
  if (a->stored != SONAE_BCP_UNKNOWN)
    a->answer = a->stored;
  else
    {
      a->answer = a->derived;
      a->from_data = a->derived != SONAE_BCP_UNKNOWN;
      g_clear_pointer (&a->checked_on, g_free);
      if (a->from_data)
        a->checked_on = g_strdup (today);
    }
  if (a->answer != SONAE_BCP_NO)
    {
      g_clear_pointer (&a->target_on, g_free);
      g_clear_pointer (&a->owner_name, g_free);
      a->owner_id = 0;
    }
  return a;
}

GPtrArray *
sonae_mhlw_list_answers (SonaeStore  *store,
                         GError     **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *today = NULL;
  Data data = { store, NULL };
  const SonaeMhlwItemInfo *infos;
  guint n;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  stored = read_stored (store, NULL, error);
  if (stored == NULL)
    return NULL;
  today = sonae_clock_today ();
  infos = sonae_mhlw_items_get (&n);
  list = g_ptr_array_new_full (n, (GDestroyNotify) sonae_mhlw_answer_free);
  for (guint i = 0; i < n; i++)
    {
      gpointer key = NULL, value = NULL;

      g_hash_table_steal_extended (stored, infos[i].key, &key, &value);
      g_ptr_array_add (list, complete_answer (&data, &infos[i], value, today));
    }
  data_clear (&data);
  return g_steal_pointer (&list);
}

static gboolean
check_key (const char  *key,
           GError     **error)
{
  if (sonae_mhlw_item_lookup (key) != NULL)
    return TRUE;
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
               _("“%s” is not an item of the MHLW checklist."),
               key && g_utf8_validate (key, -1, NULL) ? key : "");
  return FALSE;
}

SonaeMhlwAnswer *
sonae_mhlw_get_answer (SonaeStore  *store,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autofree char *today = NULL;
  Data data = { store, NULL };
  gpointer k = NULL, value = NULL;
  SonaeMhlwAnswer *a;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  if (!check_key (key, error))
    return NULL;
  stored = read_stored (store, key, error);
  if (stored == NULL)
    return NULL;
  today = sonae_clock_today ();
  g_hash_table_steal_extended (stored, key, &k, &value);
  a = complete_answer (&data, sonae_mhlw_item_lookup (key), value, today);
  data_clear (&data);
  return a;
}

gboolean
sonae_mhlw_set_answer (SonaeStore    *store,
                       const char    *key,
                       SonaeBcpAnswer answer,
                       const char    *checked_on,
                       const char    *target_on,
                       gint64         owner_id,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) tidy = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *target = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmts[3];

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  if (!check_key (key, error))
    return FALSE;
  if ((guint) answer > SONAE_BCP_NO)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, _("Answer yes, no or not known."));
      return FALSE;
    }
  if (answer != SONAE_BCP_UNKNOWN)
    {
      if (!sonae_mhlw_normalize_date (checked_on, TRUE, &checked, error))
        return FALSE;
      if (checked == NULL)
        checked = sonae_clock_today ();
    }
  if (answer == SONAE_BCP_NO)
    {
      if (!sonae_mhlw_normalize_date (target_on, FALSE, &target, error))
        return FALSE;
      if (owner_id < 0)
        {
          g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                               _("The person chosen is not in the contact list."));
          return FALSE;
        }
    }

  now = sonae_input_now_string ();
  upsert = sonae_store_prepare (store,
                                "INSERT INTO mhlw_answers (key, answer, checked_on, target_on, owner_id, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (key) DO UPDATE SET "
                                "answer = ?2, checked_on = ?3, target_on = ?4, owner_id = ?5, updated_at = ?6",
                                error);
  if (upsert == NULL)
    return FALSE;
  sonae_bind_text (upsert, 1, key);
  sonae_bind_text (upsert, 2, sonae_bcp_answer_to_string (answer));
  sonae_bind_text (upsert, 3, checked);
  sonae_bind_text (upsert, 4, target);
  if (answer == SONAE_BCP_NO && owner_id > 0)
    sqlite3_bind_int64 (upsert, 5, owner_id);
  else
    sqlite3_bind_null (upsert, 5);
  sonae_bind_text (upsert, 6, now);
  /* An answer taken back with nothing else written leaves no row. */
  tidy = sonae_store_prepare (store,
                              "DELETE FROM mhlw_answers WHERE key = ?1 AND answer = 'unknown' AND note IS NULL",
                              error);
  if (tidy == NULL)
    return FALSE;
  sonae_bind_text (tidy, 1, key);

  stmts[0] = upsert;
  stmts[1] = tidy;
  stmts[2] = NULL;
  return sonae_mhlw_run_changes (store, stmts, _("Could not save the answer"), error);
}

gboolean
sonae_mhlw_set_note (SonaeStore  *store,
                     const char  *key,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) tidy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  GError *local = NULL;
  sqlite3_stmt *stmts[3];

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);

  if (!check_key (key, error))
    return FALSE;
  if (!sonae_input_check_text (note, &local))
    {
      local->code = SONAE_ERROR_INVALID;
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!sonae_input_is_blank (note))
    text = g_strstrip (g_strdup (note));

  now = sonae_input_now_string ();
  upsert = sonae_store_prepare (store,
                                "INSERT INTO mhlw_answers (key, note, updated_at) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT (key) DO UPDATE SET note = ?2, updated_at = ?3",
                                error);
  if (upsert == NULL)
    return FALSE;
  sonae_bind_text (upsert, 1, key);
  sonae_bind_text (upsert, 2, text);
  sonae_bind_text (upsert, 3, now);
  tidy = sonae_store_prepare (store,
                              "DELETE FROM mhlw_answers WHERE key = ?1 AND answer = 'unknown' AND note IS NULL",
                              error);
  if (tidy == NULL)
    return FALSE;
  sonae_bind_text (tidy, 1, key);

  stmts[0] = upsert;
  stmts[1] = tidy;
  stmts[2] = NULL;
  return sonae_mhlw_run_changes (store, stmts, _("Could not save the note"), error);
}

/* --- the year, the measures, the status ---------------------------------- */

gboolean
sonae_mhlw_get_progress (SonaeStore        *store,
                         SonaeMhlwProgress *out,
                         GError           **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *today = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  answers = sonae_mhlw_list_answers (store, error);
  if (answers == NULL)
    return FALSE;
  today = sonae_clock_today ();
  out->fiscal_year = sonae_mhlw_fiscal_year (today);
  start = sonae_mhlw_fiscal_year_start (out->fiscal_year);
  out->n_items = answers->len;
  for (guint i = 0; i < answers->len; i++)
    {
      SonaeMhlwAnswer *a = g_ptr_array_index (answers, i);

      if (a->answer == SONAE_BCP_UNKNOWN)
        continue;
      out->yes += a->answer == SONAE_BCP_YES;
      out->no += a->answer == SONAE_BCP_NO;
      out->from_data += a->from_data;
      out->checked += a->checked_on != NULL && strcmp (a->checked_on, start) >= 0;
    }
  return TRUE;
}

GPtrArray *
sonae_mhlw_list_measures (SonaeStore  *store,
                          GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_bcp_measure_free);
  g_autoptr(GHashTable) stored = NULL;
  const SonaeMhlwItemInfo *infos;
  guint n;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  if (!sonae_mhlw_applies (store))
    return g_steal_pointer (&list);
  /* A いいえ is a person's answer: what the data says is never one. */
  stored = read_stored (store, NULL, error);
  if (stored == NULL)
    return NULL;
  infos = sonae_mhlw_items_get (&n);
  for (guint i = 0; i < n; i++)
    {
      SonaeMhlwAnswer *a = g_hash_table_lookup (stored, infos[i].key);
      SonaeBcpMeasure *m;

      if (a == NULL || a->stored != SONAE_BCP_NO)
        continue;
      m = sonae_bcp_measure_new ();
      m->mhlw_key = g_strdup (a->key);
      m->text = g_strdup (_(infos[i].measure));
      m->due_on = g_strdup (a->target_on);
      m->owner_id = a->owner_id;
      m->owner_name = g_strdup (a->owner_name);
      m->created_at = g_strdup (a->updated_at);
      m->updated_at = g_strdup (a->updated_at);
      g_ptr_array_add (list, m);
    }
  return g_steal_pointer (&list);
}

char *
sonae_mhlw_get_status (SonaeStore *store)
{
  SonaeMhlwProgress progress;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  if (!sonae_mhlw_applies (store))
    /* Shown for a pharmacy only (a business has no such worksheet). */
    return g_strdup (_("Not in Sonae for pharmacies yet"));
  if (!sonae_mhlw_get_progress (store, &progress, NULL))
    return g_strdup ("");
  if (progress.yes + progress.no == 0)
    return g_strdup (_("Not answered yet"));
  /* Translators: short, for the list of worksheets: how many items of the MHLW checklist were checked in this fiscal year */
  text = g_strdup_printf (_("%u of %u checked"), progress.checked, progress.n_items);
  if (progress.no == 0)
    return g_steal_pointer (&text);
  {
    /* Translators: short, for the list of worksheets: how many items were answered いいえ */
    g_autofree char *no = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u No", "%u No", progress.no), progress.no);

    return g_strdup_printf ("%s · %s", text, no);
  }
}
