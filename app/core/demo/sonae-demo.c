/* sonae-demo.c: --demo, a fictional organisation in an empty folder so that
 * a newcomer sees a lived-in kit in its own words; and the calls that put
 * each organisation's data in the store. The organisations themselves are
 * sonae-demo-clinic.c and sonae-demo-business.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-demo.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-demo-private.h"
#include "sonae-error.h"
#include "sonae-store-private.h"

/* ---- the helpers of both organisations ---------------------------------- */

char *
sonae_demo_date_days_ago (int days)
{
  g_autoptr(GDateTime) now = sonae_clock_now ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

gboolean
sonae_demo_at (const char *time)
{
  sonae_clock_set_override (time);
  return TRUE;
}

gint64
sonae_demo_id (GHashTable *ids,
               const char *key)
{
  gint64 *id = g_hash_table_lookup (ids, key);

  g_assert (id != NULL);
  return *id;
}

gboolean
sonae_demo_set_profile (SonaeStore    *store,
                        const char    *name,
                        SonaeOrgKind   kind,
                        const char    *address,
                        const char    *phone,
                        GError       **error)
{
  g_autoptr(SonaeProfile) profile = g_new0 (SonaeProfile, 1);

  profile->name = g_strdup (name);
  profile->kind = kind;
  profile->prefecture = g_strdup ("Tokushima");
  profile->address = g_strdup (address);
  profile->phone = g_strdup (phone);
  return sonae_store_set_profile (store, profile, error) &&
         sonae_store_set_setup_done (store, error);
}

gboolean
sonae_demo_add_contacts (SonaeStore             *store,
                         const SonaeDemoContact *contacts,
                         guint                   n_contacts,
                         const char             *vendor_hours,
                         const char             *vendor_notes,
                         GHashTable             *ids,
                         GError                **error)
{
  for (guint i = 0; i < n_contacts; i++)
    {
      const SonaeDemoContact *d = &contacts[i];
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      c->group = d->group;
      c->name = g_strdup (d->name);
      c->reading = g_strdup (d->reading);
      c->organization = g_strdup (d->organization);
      c->department = g_strdup (d->department);
      c->title = g_strdup (d->title);
      c->system = g_strdup (d->system);
      c->contract = g_strdup (d->contract);
      if (d->verified_days_ago >= 0)
        c->verified_on = sonae_demo_date_days_ago (d->verified_days_ago);
      sonae_contact_add_phone (c, "mobile", d->mobile);
      sonae_contact_add_phone (c, "work", d->work);
      sonae_contact_add_email (c, "work", d->email);
      if (d->group == SONAE_GROUP_VENDOR)
        {
          c->hours = g_strdup (vendor_hours);
          c->notes = g_strdup (vendor_notes);
        }

      if (!sonae_contacts_save (store, c, error))
        return FALSE;
      if (d->key != NULL)
        g_hash_table_insert (ids, (gpointer) d->key, g_memdup2 (&c->id, sizeof c->id));
    }
  return TRUE;
}

gboolean
sonae_demo_set_roles (SonaeStore          *store,
                      const SonaeDemoRole *roles,
                      guint                n_roles,
                      GHashTable          *ids,
                      GError             **error)
{
  for (guint i = 0; i < n_roles; i++)
    {
      gint64 holders[G_N_ELEMENTS (roles[i].holders)];
      guint n = 0;

      for (guint j = 0; j < G_N_ELEMENTS (roles[i].holders) && roles[i].holders[j] != NULL; j++)
        holders[n++] = sonae_demo_id (ids, roles[i].holders[j]);
      if (!sonae_contacts_set_role_holders (store, roles[i].role, holders, n, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sonae_demo_add_events (SonaeStore           *store,
                       const SonaeDemoEvent *events,
                       guint                 n_events,
                       GError              **error)
{
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(SonaeBcpEvent) event = sonae_bcp_event_new ();

      event->title = g_strdup (events[i].title);
      event->stops = g_strdup (events[i].stops);
      event->damage = g_strdup (events[i].damage);
      if (!sonae_bcp_save_event (store, event, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sonae_demo_add_systems (SonaeStore            *store,
                        const SonaeDemoSystem *systems,
                        guint                  n_systems,
                        GHashTable            *ids,
                        GError               **error)
{
  for (guint i = 0; i < n_systems; i++)
    {
      const SonaeDemoSystem *d = &systems[i];
      g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();

      system->name = g_strdup (d->name);
      system->purpose = g_strdup (d->purpose);
      system->vendor_id = sonae_demo_id (ids, d->vendor);
      system->contract_no = g_strdup (d->contract_no);
      system->owner_id = sonae_demo_id (ids, d->owner);
      system->recovery_order = d->recovery_order;
      system->rto_hours = d->rto_hours;
      system->rpo_hours = d->rpo_hours;
      system->backup_method = g_strdup (d->backup_method);
      system->backup_frequency = g_strdup (d->backup_frequency);
      system->backup_generations = d->backup_generations;
      system->backup_offline = d->backup_offline;
      system->backup_location = g_strdup (d->backup_location);
      if (d->restore_days_ago >= 0)
        system->restore_tested_on = sonae_demo_date_days_ago (d->restore_days_ago);
      system->restore_test_days = d->restore_test_days;
      system->fallback = g_strdup (d->fallback);
      system->forms_location = g_strdup (d->forms_location);
      system->first_steps = g_strdup (d->first_steps);
      if (!sonae_bcp_save_system (store, system, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sonae_demo_add_measure (SonaeStore  *store,
                        const char  *text,
                        gint64       owner_id,
                        int          due_days_ago,
                        int          done_days_ago,
                        gint64       drill_id,
                        gint64       risk_id,
                        GError     **error)
{
  g_autoptr(SonaeBcpMeasure) measure = sonae_bcp_measure_new ();
  g_autofree char *done = done_days_ago >= 0 ? sonae_demo_date_days_ago (done_days_ago) : NULL;

  measure->text = g_strdup (text);
  measure->owner_id = owner_id;
  if (due_days_ago != G_MININT)
    measure->due_on = sonae_demo_date_days_ago (due_days_ago);
  measure->drill_id = drill_id;
  measure->risk_id = risk_id;
  if (!sonae_bcp_save_measure (store, measure, error))
    return FALSE;
  return done == NULL ||
         sonae_bcp_set_measure_status (store, measure->id, SONAE_CAPA_DONE, done, error);
}

gboolean
sonae_demo_add_risk (SonaeStore          *store,
                     const char          *text,
                     int                  likelihood,
                     int                  impact,
                     SonaeRiskTreatment   treatment,
                     const char          *treatment_text,
                     gint64               owner_id,
                     const char          *accepted_by,
                     int                  accepted_days_ago,
                     int                  review_days_ago,
                     gint64              *out_id,
                     GError             **error)
{
  g_autoptr(SonaeBcpRisk) risk = sonae_bcp_risk_new ();

  risk->risk = g_strdup (text);
  risk->likelihood = likelihood;
  risk->impact = impact;
  risk->treatment = treatment;
  risk->treatment_text = g_strdup (treatment_text);
  risk->owner_id = owner_id;
  if (accepted_by != NULL)
    {
      risk->accepted_by = g_strdup (accepted_by);
      risk->accepted_on = sonae_demo_date_days_ago (accepted_days_ago);
    }
  risk->next_review_on = sonae_demo_date_days_ago (review_days_ago);
  if (!sonae_bcp_save_risk (store, risk, error))
    return FALSE;
  if (out_id)
    *out_id = risk->id;
  return TRUE;
}

gboolean
sonae_demo_add_action (SonaeStore    *store,
                       gint64         incident_id,
                       SonaeCapaKind  kind,
                       const char    *text,
                       gint64         owner_id,
                       const char    *due_on,
                       const char    *author,
                       gint64        *out_id,
                       GError       **error)
{
  g_autoptr(SonaeCapa) action = sonae_capa_new ();

  action->incident_id = incident_id;
  action->kind = kind;
  action->text = g_strdup (text);
  action->owner_id = owner_id;
  action->due_on = g_strdup (due_on);
  if (!sonae_capa_save (store, action, author, error))
    return FALSE;
  *out_id = action->id;
  return TRUE;
}

gboolean
sonae_demo_answer_checks (SonaeStore        *store,
                          const char *const *no,
                          const int         *target_days_ago,
                          const char *const *owners,
                          GHashTable        *ids,
                          GError           **error)
{
  const SonaeBcpCheckInfo *checks;
  guint n_checks;

  checks = sonae_bcp_checks_get (&n_checks);
  for (guint i = 0; i < n_checks; i++)
    {
      gboolean answered = FALSE;

      for (guint j = 0; no[j] != NULL; j++)
        if (g_str_equal (no[j], checks[i].key))
          {
            g_autofree char *target = sonae_demo_date_days_ago (target_days_ago[j]);

            g_assert (sonae_bcp_check_lookup (no[j]) != NULL);
            if (!sonae_bcp_set_check (store, no[j], SONAE_BCP_NO, target,
                                      sonae_demo_id (ids, owners[j]), error))
              return FALSE;
            answered = TRUE;
          }
      if (!answered && !sonae_bcp_set_check (store, checks[i].key, SONAE_BCP_YES, NULL, 0, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- --demo ------------------------------------------------------------- */

gboolean
sonae_demo_has_kind (SonaeOrgKind kind)
{
  return kind == SONAE_ORG_CLINIC || kind == SONAE_ORG_BUSINESS;
}

gboolean
sonae_demo_fill_kind (SonaeStore    *store,
                      SonaeOrgKind   kind,
                      GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (sonae_demo_has_kind (kind), FALSE);

  if (!sonae_store_is_empty (store))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_EXISTS,
                   _("The data folder %s already holds data. The demo is only made in an empty folder, so that nothing of yours is overwritten."),
                   sonae_store_get_dir (store));
      return FALSE;
    }

  if (!sonae_store_begin (store, error))
    return FALSE;
  ok = kind == SONAE_ORG_BUSINESS ? sonae_demo_fill_business (store, error)
                                  : sonae_demo_fill_clinic (store, error);
  /* The drills are recorded at the times of their day: back to now. */
  sonae_clock_set_override (NULL);
  if (!ok)
    {
      sonae_store_rollback (store);
      return FALSE;
    }
  return sonae_store_commit (store, error);
}

gboolean
sonae_demo_fill (SonaeStore  *store,
                 GError     **error)
{
  return sonae_demo_fill_kind (store, SONAE_ORG_CLINIC, error);
}
