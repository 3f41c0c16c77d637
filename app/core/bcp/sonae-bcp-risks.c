/* sonae-bcp-risks.c: the SQL of what can go wrong and what is done about
 * it (sonae-bcp.h): the crisis events, the measures (those written down
 * and those the self-check's "no" answers call for) and the risks. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-bcp.h"
#include "sonae-bcp-private.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-input.h"
#include "sonae-mhlw.h"

/* --- events -------------------------------------------------------------- */

static SonaeBcpEvent *
event_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpEvent *event = sonae_bcp_event_new ();

  event->id = sqlite3_column_int64 (stmt, 0);
  event->title = sonae_column_dup (stmt, 1);
  event->stops = sonae_column_dup (stmt, 2);
  event->damage = sonae_column_dup (stmt, 3);
  event->position = sqlite3_column_int (stmt, 4);
  if (event->title == NULL)
    event->title = g_strdup ("");
  return event;
}

GPtrArray *
sonae_bcp_list_events (SonaeStore *self,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return sonae_bcp_list_rows (self,
                              "SELECT id, title, stops, damage, position FROM bcp_events "
                              "ORDER BY position, id",
                              (SonaeBcpRowReader) event_from_row, (GDestroyNotify) sonae_bcp_event_free,
                              _("Could not read the crisis events"), error);
}

gboolean
sonae_bcp_save_event (SonaeStore    *self,
                      SonaeBcpEvent *event,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!sonae_bcp_validate_required (event->title, _("The event needs a title."), error) ||
      !sonae_bcp_validate_text (event->stops, error) ||
      !sonae_bcp_validate_text (event->damage, error))
    return FALSE;
  title = g_strstrip (g_strdup (event->title));

  if (event->id == 0)
    {
      gint64 id;
      int position;

      if (!sonae_store_begin (self, error))
        return FALSE;
      position = sonae_bcp_count_rows (self, "SELECT coalesce (max (position) + 1, 0) FROM bcp_events");
      stmt = sonae_store_prepare (self,
                                  "INSERT INTO bcp_events (title, stops, damage, position) "
                                  "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        {
          sonae_store_rollback (self);
          return FALSE;
        }
      sonae_bind_text (stmt, 1, title);
      sonae_bind_text (stmt, 2, event->stops);
      sonae_bind_text (stmt, 3, event->damage);
      sqlite3_bind_int (stmt, 4, position);
      if (!sonae_bcp_step_done (self, stmt, _("Could not save the event"), error))
        {
          sonae_store_rollback (self);
          return FALSE;
        }
      id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
      sonae_store_emit_changed (self, SONAE_CHANGED_BCP);
      if (!sonae_store_commit (self, error))
        return FALSE;
      event->id = id;
      event->position = position;
    }
  else
    {
      stmt = sonae_store_prepare (self,
                                  "UPDATE bcp_events SET title = ?2, stops = ?3, damage = ?4, position = ?5 "
                                  "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event->id);
      sonae_bind_text (stmt, 2, title);
      sonae_bind_text (stmt, 3, event->stops);
      sonae_bind_text (stmt, 4, event->damage);
      sqlite3_bind_int (stmt, 5, MAX (event->position, 0));
      if (!sonae_bcp_run_change (self, stmt, _("Could not save the event"),
                                 _("The event does not exist."), error))
        return FALSE;
    }
  g_free (event->title);
  event->title = g_steal_pointer (&title);
  return TRUE;
}

gboolean
sonae_bcp_delete_event (SonaeStore *self,
                        gint64      id,
                        GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return sonae_bcp_delete_row (self, "DELETE FROM bcp_events WHERE id = ?1", id,
                               _("Could not delete the event"), _("The event does not exist."), error);
}

typedef struct {
  const char *title;
  const char *stops;
} UsualEvent;

/* A clinic's or a hospital's (the MHLW BCP checklist's template). */
static const UsualEvent usual_events[] = {
  { N_("Ransomware encrypts the server and the PCs"),
    N_("The medical records and the billing system cannot be used, and past records cannot be looked at.") },
  { N_("The medical-record system stops"),
    N_("Records cannot be written or read; orders, prescriptions and billing wait.") },
  { N_("The network is down"),
    N_("The PCs cannot reach the server, the internet, online eligibility checks or e-mail.") },
  { N_("A power cut"),
    N_("Every PC, the server and the network stop; the fridge and the devices lose power.") },
  { N_("An earthquake, a fire or a flood"),
    N_("The building, the server and the paper records may be damaged; staff may not be able to come.") },
  { N_("The vendor cannot be reached"),
    N_("Nobody can repair or restore the system; the outage lasts longer.") },
  { N_("Staff cannot reach each other"),
    N_("Nobody is told what happened or what to do; decisions wait.") },
  { N_("A device misbehaves"),
    N_("A scanner, printer, imaging device or reception machine gives wrong results or stops.") },
};

/* A business's, and a pharmacy's (sonae_org_kind_is_medical()). */
static const UsualEvent usual_business_events[] = {
  { N_("Ransomware encrypts the server and the PCs"),
    N_("The business systems and the shared files cannot be used, and past records cannot be looked at.") },
  { N_("The main business system stops"),
    N_("Orders, sales, stock or billing can be neither entered nor looked up.") },
  { N_("The office network is down"),
    N_("The PCs cannot reach the server, the internet, the cloud services or e-mail.") },
  { N_("A power cut"),
    N_("Every PC, the server and the network stop, and so do the till, the phones and the machines.") },
  { N_("An earthquake, a fire or a flood"),
    N_("The office, the server and the paper records may be damaged; employees may not be able to come.") },
  { N_("The vendor cannot be reached"),
    N_("Nobody can repair or restore the system; the outage lasts longer.") },
  { N_("Employees cannot reach each other"),
    N_("Nobody is told what happened or what to do; decisions wait.") },
  { N_("The web site is changed or the online shop stops"),
    N_("Customers can neither order nor get in touch, and may be shown a false page.") },
};

int
sonae_bcp_add_usual_events (SonaeStore *self,
                            GError    **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  const UsualEvent *events = usual_events;
  guint n_events = G_N_ELEMENTS (usual_events);
  int added = 0;

  g_return_val_if_fail (SONAE_IS_STORE (self), -1);

  if (!sonae_org_kind_is_medical (sonae_store_get_org_kind (self)))
    {
      events = usual_business_events;
      n_events = G_N_ELEMENTS (usual_business_events);
    }
  existing = sonae_bcp_list_events (self, error);
  if (existing == NULL)
    return -1;
  if (!sonae_store_begin (self, error))
    return -1;
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(SonaeBcpEvent) event = sonae_bcp_event_new ();
      const char *title = _(events[i].title);
      gboolean present = FALSE;

      for (guint j = 0; j < existing->len && !present; j++)
        {
          SonaeBcpEvent *other = g_ptr_array_index (existing, j);
          g_autofree char *a = g_utf8_casefold (other->title, -1);
          g_autofree char *b = g_utf8_casefold (title, -1);

          present = g_strcmp0 (a, b) == 0;
        }
      if (present)
        continue;
      event->title = g_strdup (title);
      event->stops = g_strdup (_(events[i].stops));
      if (!sonae_bcp_save_event (self, event, error))
        {
          sonae_store_rollback (self);
          return -1;
        }
      added++;
    }
  if (!sonae_store_commit (self, error))
    return -1;
  return added;
}

/* --- measures ------------------------------------------------------------ */

#define MEASURE_COLUMNS \
  "m.id, m.text, m.owner_id, c.name, m.due_on, m.status, m.done_on, m.drill_id, m.risk_id, " \
  "m.created_at, m.updated_at"

#define MEASURE_FROM \
  " FROM bcp_measures m LEFT JOIN contacts c ON c.id = m.owner_id AND c.deleted = 0 "

static SonaeBcpMeasure *
measure_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpMeasure *measure = sonae_bcp_measure_new ();

  measure->id = sqlite3_column_int64 (stmt, 0);
  measure->text = sonae_column_dup (stmt, 1);
  measure->owner_id = sqlite3_column_int64 (stmt, 2);
  measure->owner_name = sonae_column_dup (stmt, 3);
  measure->due_on = sonae_column_dup (stmt, 4);
  if (!sonae_capa_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &measure->status))
    measure->status = SONAE_CAPA_OPEN;
  measure->done_on = sonae_column_dup (stmt, 6);
  measure->drill_id = sqlite3_column_int64 (stmt, 7);
  measure->risk_id = sqlite3_column_int64 (stmt, 8);
  measure->created_at = sonae_column_dup (stmt, 9);
  measure->updated_at = sonae_column_dup (stmt, 10);
  if (measure->text == NULL)
    measure->text = g_strdup ("");
  return measure;
}

static GPtrArray *
list_measures (SonaeStore  *self,
               const char  *sql,
               gint64       id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return sonae_bcp_read_rows (self, stmt, (SonaeBcpRowReader) measure_from_row,
                              (GDestroyNotify) sonae_bcp_measure_free,
                              _("Could not read the measures"), error);
}

/* Where a derived measure's question is: the self-check's first, then the
 * MHLW checklist's, each in its own order. */
static guint
derived_index (const SonaeBcpMeasure *m)
{
  const SonaeBcpCheckInfo *checks;
  const SonaeMhlwItemInfo *items;
  guint n_checks, n_items;

  checks = sonae_bcp_checks_get (&n_checks);
  items = sonae_mhlw_items_get (&n_items);
  for (guint i = 0; m->check_key != NULL && i < n_checks; i++)
    if (g_strcmp0 (checks[i].key, m->check_key) == 0)
      return i;
  for (guint i = 0; m->mhlw_key != NULL && i < n_items; i++)
    if (g_strcmp0 (items[i].key, m->mhlw_key) == 0)
      return n_checks + i;
  return n_checks + n_items;
}

static gboolean
is_derived (const SonaeBcpMeasure *m)
{
  return m->check_key != NULL || m->mhlw_key != NULL;
}

static int
compare_measures (gconstpointer pa,
                  gconstpointer pb)
{
  const SonaeBcpMeasure *a = *(SonaeBcpMeasure *const *) pa;
  const SonaeBcpMeasure *b = *(SonaeBcpMeasure *const *) pb;
  gboolean a_open = a->status == SONAE_CAPA_OPEN;
  gboolean b_open = b->status == SONAE_CAPA_OPEN;
  int cmp;

  if (a_open != b_open)
    return a_open ? -1 : 1;
  if (a_open)
    {
      if ((a->due_on == NULL) != (b->due_on == NULL))
        return a->due_on == NULL ? 1 : -1;
      if ((cmp = g_strcmp0 (a->due_on, b->due_on)) != 0)
        return cmp;
    }
  else
    {
      /* Newest first. */
      if ((cmp = g_strcmp0 (b->done_on, a->done_on)) != 0)
        return cmp;
      if ((cmp = g_strcmp0 (b->updated_at, a->updated_at)) != 0)
        return cmp;
      return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
    }
  /* Stored ones before derived ones, then in the order they were made. */
  if (is_derived (a) != is_derived (b))
    return is_derived (a) ? 1 : -1;
  if (is_derived (a))
    {
      guint ia = derived_index (a), ib = derived_index (b);

      return ia < ib ? -1 : ia > ib ? 1 : 0;
    }
  return a->id < b->id ? -1 : a->id > b->id ? 1 : 0;
}

GPtrArray *
sonae_bcp_list_measures (SonaeStore *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) mhlw = NULL;
  SonaeOrgKind kind;

  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  kind = sonae_store_get_org_kind (self);
  list = list_measures (self, "SELECT " MEASURE_COLUMNS MEASURE_FROM "ORDER BY m.id", 0, error);
  if (list == NULL)
    return NULL;
  checks = sonae_bcp_read_checks (self, error);
  if (checks == NULL)
    return NULL;
  for (guint i = 0; i < checks->len; i++)
    {
      SonaeBcpCheckAnswer *answer = g_ptr_array_index (checks, i);
      SonaeBcpMeasure *measure;

      if (answer->answer != SONAE_BCP_NO)
        continue;
      measure = sonae_bcp_measure_new ();
      measure->check_key = g_strdup (answer->key);
      measure->text = g_strdup (sonae_bcp_check_get_measure (answer->key, kind));
      measure->due_on = g_strdup (answer->target_on);
      measure->owner_id = answer->owner_id;
      measure->owner_name = g_strdup (answer->owner_name);
      measure->created_at = g_strdup (answer->updated_at);
      measure->updated_at = g_strdup (answer->updated_at);
      g_ptr_array_add (list, measure);
    }
  /* The MHLW checklist's いいえ, made the same way. */
  mhlw = sonae_mhlw_list_measures (self, error);
  if (mhlw == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (list, g_steal_pointer (&mhlw));
  g_ptr_array_sort (list, compare_measures);
  return g_steal_pointer (&list);
}

GPtrArray *
sonae_bcp_list_drill_measures (SonaeStore *self,
                               gint64      drill_id,
                               GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  if (drill_id <= 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_bcp_measure_free);
  return list_measures (self,
                        "SELECT " MEASURE_COLUMNS MEASURE_FROM "WHERE m.drill_id = ?1 ORDER BY m.id",
                        drill_id, error);
}

/* TRUE when @sql (one ?1 bound to @id) finds a row. */
static gboolean
row_exists (SonaeStore  *self,
            const char  *sql,
            gint64       id,
            gboolean    *out_exists,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sonae_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sonae_store_set_sql_error (self, error, _("Could not read the plan"));
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
check_link (SonaeStore  *self,
            const char  *sql,
            gint64       id,
            const char  *message,
            GError     **error)
{
  gboolean exists = FALSE;

  if (id == 0)
    return TRUE;
  if (!row_exists (self, sql, id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_bcp_save_measure (SonaeStore      *self,
                        SonaeBcpMeasure *measure,
                        GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  if (measure->check_key != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("This measure comes from an answer of the self-check: change the answer instead."));
      return FALSE;
    }
  if (measure->mhlw_key != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("This measure comes from an answer of the MHLW checklist: change the answer instead."));
      return FALSE;
    }
  if (!sonae_bcp_validate_required (measure->text, _("Write what is to be done."), error) ||
      !sonae_bcp_normalize_date (measure->due_on, FALSE, &due, error) ||
      !sonae_bcp_validate_person (measure->owner_id, error) ||
      !check_link (self, "SELECT 1 FROM bcp_drills WHERE id = ?1", measure->drill_id,
                   _("The drill this measure belongs to does not exist."), error) ||
      !check_link (self, "SELECT 1 FROM bcp_risks WHERE id = ?1", measure->risk_id,
                   _("The risk this measure treats does not exist."), error))
    return FALSE;
  text = g_strstrip (g_strdup (measure->text));
  now = sonae_input_now_string ();
  id = measure->id;

  stmt = sonae_bcp_prepare_save (self, id,
                                 "INSERT INTO bcp_measures (text, owner_id, due_on, drill_id, risk_id, "
                                 "created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                 "UPDATE bcp_measures SET text = ?2, owner_id = ?3, due_on = ?4, "
                                 "drill_id = ?5, risk_id = ?6, updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, text);
  sonae_bcp_bind_id (stmt, 3, measure->owner_id);
  sonae_bind_text (stmt, 4, due);
  sonae_bcp_bind_id (stmt, 5, measure->drill_id);
  sonae_bcp_bind_id (stmt, 6, measure->risk_id);
  sonae_bind_text (stmt, 7, now);

  if (!sonae_bcp_run_save (self, stmt, &id, _("Could not save the measure"),
                           _("The measure does not exist."), error))
    return FALSE;

  if (measure->id == 0)
    {
      measure->id = id;
      measure->status = SONAE_CAPA_OPEN;
      sonae_bcp_replace_string (&measure->done_on, NULL);
      sonae_bcp_replace_string (&measure->created_at, g_strdup (now));
    }
  sonae_bcp_replace_string (&measure->text, g_steal_pointer (&text));
  sonae_bcp_replace_string (&measure->due_on, g_steal_pointer (&due));
  sonae_bcp_replace_string (&measure->updated_at, g_strdup (now));
  {
    g_autoptr(GPtrArray) one = list_measures (self, "SELECT " MEASURE_COLUMNS MEASURE_FROM "WHERE m.id = ?1",
                                              id, NULL);

    if (one != NULL && one->len == 1)
      {
        SonaeBcpMeasure *saved = g_ptr_array_index (one, 0);

        sonae_bcp_replace_string (&measure->owner_name, g_steal_pointer (&saved->owner_name));
      }
  }
  return TRUE;
}

gboolean
sonae_bcp_set_measure_status (SonaeStore     *self,
                              gint64          id,
                              SonaeCapaStatus status,
                              const char     *date,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  if ((guint) status >= SONAE_N_CAPA_STATUSES)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("A measure is open, done or dropped."));
      return FALSE;
    }
  if (status != SONAE_CAPA_OPEN && !sonae_bcp_past_date_or_today (date, &day, error))
    return FALSE;
  now = sonae_input_now_string ();
  stmt = sonae_store_prepare (self,
                              "UPDATE bcp_measures SET status = ?2, done_on = ?3, updated_at = ?4 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sonae_bind_text (stmt, 2, sonae_capa_status_to_string (status));
  sonae_bind_text (stmt, 3, day);
  sonae_bind_text (stmt, 4, now);
  return sonae_bcp_run_change (self, stmt, _("Could not save the measure"),
                               _("The measure does not exist."), error);
}

gboolean
sonae_bcp_delete_measure (SonaeStore *self,
                          gint64      id,
                          GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return sonae_bcp_delete_row (self, "DELETE FROM bcp_measures WHERE id = ?1", id,
                               _("Could not delete the measure"), _("The measure does not exist."), error);
}

/* --- risks --------------------------------------------------------------- */

#define RISK_COLUMNS \
  "r.id, r.risk, r.likelihood, r.impact, r.treatment, r.treatment_text, r.owner_id, c.name, " \
  "r.accepted_by, r.accepted_on, r.next_review_on, r.created_at, r.updated_at"

#define RISK_FROM \
  " FROM bcp_risks r LEFT JOIN contacts c ON c.id = r.owner_id AND c.deleted = 0 "

static SonaeBcpRisk *
risk_from_row (sqlite3_stmt *stmt)
{
  SonaeBcpRisk *risk = sonae_bcp_risk_new ();

  risk->id = sqlite3_column_int64 (stmt, 0);
  risk->risk = sonae_column_dup (stmt, 1);
  risk->likelihood = sqlite3_column_int (stmt, 2);
  risk->impact = sqlite3_column_int (stmt, 3);
  if (!sonae_risk_treatment_from_string ((const char *) sqlite3_column_text (stmt, 4), &risk->treatment))
    risk->treatment = SONAE_RISK_REDUCE;
  risk->treatment_text = sonae_column_dup (stmt, 5);
  risk->owner_id = sqlite3_column_int64 (stmt, 6);
  risk->owner_name = sonae_column_dup (stmt, 7);
  risk->accepted_by = sonae_column_dup (stmt, 8);
  risk->accepted_on = sonae_column_dup (stmt, 9);
  risk->next_review_on = sonae_column_dup (stmt, 10);
  risk->created_at = sonae_column_dup (stmt, 11);
  risk->updated_at = sonae_column_dup (stmt, 12);
  if (risk->risk == NULL)
    risk->risk = g_strdup ("");
  return risk;
}

GPtrArray *
sonae_bcp_list_risks (SonaeStore *self,
                      GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  /* Level groups: high 6–9, medium 3–4, low 1–2. */
  return sonae_bcp_list_rows (self,
                              "SELECT " RISK_COLUMNS RISK_FROM
                              "ORDER BY CASE WHEN r.likelihood * r.impact >= 6 THEN 0 "
                              "WHEN r.likelihood * r.impact >= 3 THEN 1 ELSE 2 END, "
                              "r.next_review_on IS NULL, r.next_review_on, r.id",
                              (SonaeBcpRowReader) risk_from_row, (GDestroyNotify) sonae_bcp_risk_free,
                              _("Could not read the risks"), error);
}

SonaeBcpRisk *
sonae_bcp_get_risk (SonaeStore *self,
                    gint64      id,
                    GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), NULL);

  return sonae_bcp_get_row (self, "SELECT " RISK_COLUMNS RISK_FROM "WHERE r.id = ?1", id,
                            (SonaeBcpRowReader) risk_from_row, _("Could not read the risk"),
                            _("The risk does not exist."), error);
}

gboolean
sonae_bcp_save_risk (SonaeStore   *self,
                     SonaeBcpRisk *risk,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accepted_by = NULL;
  g_autofree char *accepted_on = NULL;
  g_autofree char *review = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);

  if (!sonae_bcp_validate_required (risk->risk, _("Write what could happen and why."), error) ||
      !sonae_bcp_validate_text (risk->treatment_text, error) ||
      !sonae_bcp_validate_text (risk->accepted_by, error))
    return FALSE;
  if (risk->likelihood < 1 || risk->likelihood > 3)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The likelihood must be 1, 2 or 3."));
      return FALSE;
    }
  if (risk->impact < 1 || risk->impact > 3)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("The impact must be 1, 2 or 3."));
      return FALSE;
    }
  if ((guint) risk->treatment >= SONAE_N_RISK_TREATMENTS)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Choose how the risk is treated: reduce, avoid, transfer or accept."));
      return FALSE;
    }
  if (!sonae_bcp_validate_person (risk->owner_id, error) ||
      !sonae_bcp_normalize_date (risk->accepted_on, TRUE, &accepted_on, error) ||
      !sonae_bcp_normalize_date (risk->next_review_on, FALSE, &review, error))
    return FALSE;
  if (!sonae_input_is_blank (risk->accepted_by))
    {
      accepted_by = g_strstrip (g_strdup (risk->accepted_by));
      if (accepted_on == NULL)
        accepted_on = sonae_clock_today ();
    }
  else if (accepted_on != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Say who accepted the risk."));
      return FALSE;
    }
  text = g_strstrip (g_strdup (risk->risk));
  now = sonae_input_now_string ();
  id = risk->id;

  stmt = sonae_bcp_prepare_save (self, id,
                                 "INSERT INTO bcp_risks (risk, likelihood, impact, treatment, "
                                 "treatment_text, owner_id, accepted_by, accepted_on, next_review_on, "
                                 "created_at, updated_at) "
                                 "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                                 "UPDATE bcp_risks SET risk = ?2, likelihood = ?3, impact = ?4, "
                                 "treatment = ?5, treatment_text = ?6, owner_id = ?7, accepted_by = ?8, "
                                 "accepted_on = ?9, next_review_on = ?10, updated_at = ?11 "
                                 "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sonae_bind_text (stmt, 2, text);
  sqlite3_bind_int (stmt, 3, risk->likelihood);
  sqlite3_bind_int (stmt, 4, risk->impact);
  sonae_bind_text (stmt, 5, sonae_risk_treatment_to_string (risk->treatment));
  sonae_bind_text (stmt, 6, risk->treatment_text);
  sonae_bcp_bind_id (stmt, 7, risk->owner_id);
  sonae_bind_text (stmt, 8, accepted_by);
  sonae_bind_text (stmt, 9, accepted_on);
  sonae_bind_text (stmt, 10, review);
  sonae_bind_text (stmt, 11, now);

  if (!sonae_bcp_run_save (self, stmt, &id, _("Could not save the risk"),
                           _("The risk does not exist."), error))
    return FALSE;

  if (risk->id == 0)
    {
      risk->id = id;
      sonae_bcp_replace_string (&risk->created_at, g_strdup (now));
    }
  sonae_bcp_replace_string (&risk->risk, g_steal_pointer (&text));
  sonae_bcp_replace_string (&risk->accepted_by, g_steal_pointer (&accepted_by));
  sonae_bcp_replace_string (&risk->accepted_on, g_steal_pointer (&accepted_on));
  sonae_bcp_replace_string (&risk->next_review_on, g_steal_pointer (&review));
  sonae_bcp_replace_string (&risk->updated_at, g_strdup (now));
  {
    g_autoptr(SonaeBcpRisk) saved = sonae_bcp_get_risk (self, id, NULL);

    if (saved != NULL)
      sonae_bcp_replace_string (&risk->owner_name, g_steal_pointer (&saved->owner_name));
  }
  return TRUE;
}

gboolean
sonae_bcp_delete_risk (SonaeStore *self,
                       gint64      id,
                       GError    **error)
{
  g_return_val_if_fail (SONAE_IS_STORE (self), FALSE);

  return sonae_bcp_delete_linked_row (self, "UPDATE bcp_measures SET risk_id = NULL WHERE risk_id = ?1",
                                      "DELETE FROM bcp_risks WHERE id = ?1", id,
                                      _("Could not delete the risk"), _("The risk does not exist."), error);
}
