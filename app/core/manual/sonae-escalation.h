/* sonae-escalation.h: whom to contact at a damage level, in order, with
 * their numbers; the one rule the manual, the poster and the incident flow
 * share */
#pragma once

#include <glib.h>

#include "sonae-manual.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* A role to contact, with the people who hold it. */
typedef struct {
  char *role_key;
  gboolean responder;      /* the role that responds at this level (the last one called) */
  gboolean inform_only;    /* told of the incident, not on the contact chain */
  GPtrArray *holders;      /* of SonaeContact, in call order: the primary, then the deputies.
                            * Empty when nobody holds the role: show 未設定. */
} SonaeEscalationRole;

/* An outside body to report to at this level. */
typedef struct {
  char *authority_key;     /* builtin key of the bundled authority */
  gboolean optional;       /* 任意 */
  const char *note;        /* when or why, translated, for this organisation; may be NULL */
  SonaeContact *contact;   /* the roster's entry (numbers, URL); NULL when it was deleted */
} SonaeEscalationBody;

typedef struct _SonaeEscalation SonaeEscalation;

/* The contacts for damage @level (0..3) of the organisation in @store,
 * following @manual (and its responder overrides, sonae_manual_set_responder):
 *
 * - the contact chain of the manual (first responder → system administrator
 *   → incident response lead → chief executive) up to and including the role
 *   that responds at @level; when that role is not on the chain (an
 *   organisation's own choice), the first responder and then that role;
 * - then the roles the manual says to inform at that level (information
 *   security manager, personal data manager from level 1 up);
 * - the outside bodies of the level's report, as seed 004 grades them:
 *   level 3 = major (police, PPC, JPCERT/CC, IPA), level 2 = medium (the same,
 *   JPCERT/CC and IPA optional), level 1 = minor (internal; IPA optional),
 *   level 0 = none required; clinics and hospitals add MHLW and
 *   the prefecture's medical-safety office at levels 2 and 3.
 *
 * The organisation kind is the store's profile's. Fails with
 * SONAE_ERROR_INVALID for a level outside 0..3, or with the store's error. */
SonaeEscalation *sonae_escalation_new         (SonaeStore    *store,
                                               SonaeManual   *manual,
                                               int            level,
                                               GError       **error);
/* The same for an explicit organisation kind. */
SonaeEscalation *sonae_escalation_new_for_org (SonaeStore    *store,
                                               SonaeManual   *manual,
                                               int            level,
                                               SonaeOrgKind   kind,
                                               GError       **error);
/* The same from a roster read already: @holders, each role's holders in
 * their order (sonae_contacts_get_all_role_holders()), and @contacts, a
 * list that holds the bundled authorities. Fails only for a level outside
 * 0..3. */
SonaeEscalation *sonae_escalation_new_from_roster (SonaeManual  *manual,
                                                   int           level,
                                                   SonaeOrgKind  kind,
                                                   GHashTable   *holders,
                                                   GPtrArray    *contacts,
                                                   GError      **error);
void             sonae_escalation_free        (SonaeEscalation *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeEscalation, sonae_escalation_free)

int              sonae_escalation_get_level     (SonaeEscalation *self);
SonaeOrgKind     sonae_escalation_get_org_kind  (SonaeEscalation *self);
/* Role key of the responder at this level. */
const char      *sonae_escalation_get_responder (SonaeEscalation *self);
/* "major", "medium", "minor", or NULL (level 0). */
const char      *sonae_escalation_get_severity  (SonaeEscalation *self);
/* The level's reporting summary, translated, for this organisation. */
const char      *sonae_escalation_get_summary   (SonaeEscalation *self);
/* Of SonaeEscalationRole: the chain in call order, then those to inform
 * (transfer none). */
GPtrArray       *sonae_escalation_get_roles     (SonaeEscalation *self);
/* Of SonaeEscalationBody, in the manual's order (transfer none). */
GPtrArray       *sonae_escalation_get_bodies    (SonaeEscalation *self);
/* The bodies to report to at @level for an organisation of @kind, as
 * sonae_escalation_get_bodies() names them but without reading the roster:
 * a new GPtrArray of const SonaeManualBody owned by @manual. */
GPtrArray       *sonae_escalation_list_bodies   (SonaeManual     *manual,
                                                 int              level,
                                                 SonaeOrgKind     kind);
const SonaeEscalationRole *sonae_escalation_get_role (SonaeEscalation *self,
                                                      const char      *role_key);
/* How many of the roles nobody holds. */
guint            sonae_escalation_count_unassigned (SonaeEscalation *self);

G_END_DECLS
