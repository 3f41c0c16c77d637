/* sonae-demo-private.h: what the fictional organisations of --demo share:
 * the shapes of their data and the calls that put it in the store. Each
 * organisation is a file of its own (sonae-demo-clinic.c,
 * sonae-demo-business.c) holding its names and its story. */
#pragma once

#include "sonae-bcp.h"
#include "sonae-capa.h"
#include "sonae-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *key;           /* to assign roles and owners, or NULL */
  SonaeGroup group;
  const char *name;
  const char *reading;
  const char *organization;
  const char *department;
  const char *title;
  const char *mobile;
  const char *work;
  const char *email;
  const char *system;
  const char *contract;
  int verified_days_ago;     /* < 0: never verified */
} SonaeDemoContact;

typedef struct {
  const char *role;
  const char *holders[4];    /* keys of the contacts, NULL-terminated */
} SonaeDemoRole;

typedef struct {
  const char *title;
  const char *stops;
  const char *damage;
} SonaeDemoEvent;

typedef struct {
  const char *name;
  const char *purpose;
  const char *vendor;        /* a contact's key */
  const char *contract_no;
  const char *owner;         /* a contact's key */
  int recovery_order, rto_hours, rpo_hours;
  const char *backup_method;
  const char *backup_frequency;
  int backup_generations;
  SonaeBcpAnswer backup_offline;
  const char *backup_location;
  int restore_days_ago;      /* < 0: never tried */
  int restore_test_days;
  const char *fallback;
  const char *forms_location;
  const char *first_steps;
} SonaeDemoSystem;

/* The two organisations; each runs inside the transaction that
 * sonae_demo_fill_kind() opened. */
gboolean  sonae_demo_fill_clinic       (SonaeStore             *store,
                                        GError                **error);
gboolean  sonae_demo_fill_business     (SonaeStore             *store,
                                        GError                **error);

/* The day @days before today (after it when negative), YYYY-MM-DD. */
char     *sonae_demo_date_days_ago     (int                     days);
/* Move the clock the demo records with to @time ("YYYY-MM-DD HH:MM");
 * always TRUE, to chain with the calls. */
gboolean  sonae_demo_at                (const char             *time);
/* The id of the contact added under @key (it must exist). */
gint64    sonae_demo_id                (GHashTable             *ids,
                                        const char             *key);

/* The profile, marked set up. */
gboolean  sonae_demo_set_profile       (SonaeStore             *store,
                                        const char             *name,
                                        SonaeOrgKind            kind,
                                        const char             *address,
                                        const char             *phone,
                                        GError                **error);
/* Each contact (vendors get @vendor_hours and @vendor_notes), its id in
 * @ids under its key; then the roles given to their holders. */
gboolean  sonae_demo_add_contacts      (SonaeStore             *store,
                                        const SonaeDemoContact *contacts,
                                        guint                   n_contacts,
                                        const char             *vendor_hours,
                                        const char             *vendor_notes,
                                        GHashTable             *ids,
                                        GError                **error);
gboolean  sonae_demo_set_roles         (SonaeStore             *store,
                                        const SonaeDemoRole    *roles,
                                        guint                   n_roles,
                                        GHashTable             *ids,
                                        GError                **error);

/* The BCP's crisis events and systems, in order. */
gboolean  sonae_demo_add_events        (SonaeStore             *store,
                                        const SonaeDemoEvent   *events,
                                        guint                   n_events,
                                        GError                **error);
gboolean  sonae_demo_add_systems       (SonaeStore             *store,
                                        const SonaeDemoSystem  *systems,
                                        guint                   n_systems,
                                        GHashTable             *ids,
                                        GError                **error);
/* A prevention measure: due @due_days_ago (G_MININT: no due date), done
 * @done_days_ago (< 0: still open), found by a drill or treating a risk
 * (0: neither). */
gboolean  sonae_demo_add_measure       (SonaeStore             *store,
                                        const char             *text,
                                        gint64                  owner_id,
                                        int                     due_days_ago,
                                        int                     done_days_ago,
                                        gint64                  drill_id,
                                        gint64                  risk_id,
                                        GError                **error);
/* A risk of the register; accepted by @accepted_by (or NULL) some days
 * ago, to be reviewed @review_days_ago (negative: ahead). */
gboolean  sonae_demo_add_risk          (SonaeStore             *store,
                                        const char             *text,
                                        int                     likelihood,
                                        int                     impact,
                                        SonaeRiskTreatment      treatment,
                                        const char             *treatment_text,
                                        gint64                  owner_id,
                                        const char             *accepted_by,
                                        int                     accepted_days_ago,
                                        int                     review_days_ago,
                                        gint64                 *out_id,
                                        GError                **error);
/* An action decided after a drill; its id in @out_id. */
gboolean  sonae_demo_add_action        (SonaeStore             *store,
                                        gint64                  incident_id,
                                        SonaeCapaKind           kind,
                                        const char             *text,
                                        gint64                  owner_id,
                                        const char             *due_on,
                                        const char             *author,
                                        gint64                 *out_id,
                                        GError                **error);
/* Every question of the readiness self-check answered Yes but those in
 * @no (NULL-terminated), answered No with a target date @target_days_ago
 * days ago (the same index; negative: ahead) and an owner (a contact's
 * key, the same index). */
gboolean  sonae_demo_answer_checks     (SonaeStore             *store,
                                        const char *const      *no,
                                        const int              *target_days_ago,
                                        const char *const      *owners,
                                        GHashTable             *ids,
                                        GError                **error);

G_END_DECLS
