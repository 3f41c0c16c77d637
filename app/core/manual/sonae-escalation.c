/* sonae-escalation.c: the contact chain of a damage level, filled in from
 * the roster */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-escalation.h"

struct _SonaeEscalation {
  SonaeManual *manual;       /* owned: the notes are borrowed from it */
  int level;
  SonaeOrgKind kind;
  char *responder;
  GPtrArray *roles;          /* of SonaeEscalationRole */
  GPtrArray *bodies;         /* of SonaeEscalationBody */
};

static void
role_free (gpointer data)
{
  SonaeEscalationRole *r = data;

  g_free (r->role_key);
  g_ptr_array_unref (r->holders);
  g_free (r);
}

static void
body_free (gpointer data)
{
  SonaeEscalationBody *b = data;

  g_free (b->authority_key);
  g_clear_object (&b->contact);
  g_free (b);
}

void
sonae_escalation_free (SonaeEscalation *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->roles);
  g_ptr_array_unref (self->bodies);
  g_free (self->responder);
  sonae_manual_unref (self->manual);
  g_free (self);
}

static gboolean
has_role (GPtrArray  *roles,
          const char *key)
{
  for (guint i = 0; i < roles->len; i++)
    if (g_str_equal (((SonaeEscalationRole *) g_ptr_array_index (roles, i))->role_key, key))
      return TRUE;
  return FALSE;
}

static void
add_role (SonaeEscalation *self,
          GHashTable      *holders,
          const char      *key,
          gboolean         inform_only)
{
  GPtrArray *held = g_hash_table_lookup (holders, key);
  SonaeEscalationRole *r;

  if (has_role (self->roles, key))
    return;
  r = g_new0 (SonaeEscalationRole, 1);
  r->role_key = g_strdup (key);
  r->responder = !inform_only && g_str_equal (key, self->responder);
  r->inform_only = inform_only;
  r->holders = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; held != NULL && i < held->len; i++)
    g_ptr_array_add (r->holders, g_object_ref (g_ptr_array_index (held, i)));
  g_ptr_array_add (self->roles, r);
}

/* The chain up to the responder; see the header. */
static void
add_chain (SonaeEscalation *self,
           GHashTable      *holders)
{
  GPtrArray *chain = sonae_manual_get_chain (self->manual);
  gboolean on_chain = FALSE;

  for (guint i = 0; i < chain->len; i++)
    if (g_str_equal (g_ptr_array_index (chain, i), self->responder))
      on_chain = TRUE;

  for (guint i = 0; i < chain->len; i++)
    {
      const char *key = g_ptr_array_index (chain, i);

      if (!on_chain && i > 0)
        break;
      add_role (self, holders, key, FALSE);
      if (g_str_equal (key, self->responder))
        return;
    }
  add_role (self, holders, self->responder, FALSE);
}

GPtrArray *
sonae_escalation_list_bodies (SonaeManual  *manual,
                              int           level,
                              SonaeOrgKind  kind)
{
  const SonaeManualReport *report;
  SonaeManualVariant variant = sonae_manual_variant_for_org (kind);
  GPtrArray *bodies = g_ptr_array_new ();

  g_return_val_if_fail (manual != NULL, bodies);

  report = sonae_manual_get_report (manual, level);
  for (guint i = 0; report != NULL && i < report->bodies->len; i++)
    {
      const SonaeManualBody *mb = g_ptr_array_index (report->bodies, i);

      if (mb->org == SONAE_MANUAL_VARIANT_ALL || mb->org == variant)
        g_ptr_array_add (bodies, (gpointer) mb);
    }
  return bodies;
}

static void
add_bodies (SonaeEscalation *self,
            GPtrArray       *contacts)
{
  g_autoptr(GPtrArray) bodies = sonae_escalation_list_bodies (self->manual, self->level, self->kind);

  for (guint i = 0; i < bodies->len; i++)
    {
      const SonaeManualBody *mb = g_ptr_array_index (bodies, i);
      SonaeEscalationBody *b = g_new0 (SonaeEscalationBody, 1);

      b->authority_key = g_strdup (sonae_contacts_authority_for_kind (mb->authority_key, self->kind));
      b->optional = mb->optional;
      b->note = sonae_manual_text_get (mb->text, self->kind);
      for (guint j = 0; j < contacts->len; j++)
        {
          SonaeContact *c = g_ptr_array_index (contacts, j);

          if (g_strcmp0 (c->builtin_key, b->authority_key) == 0)
            {
              b->contact = g_object_ref (c);
              break;
            }
        }
      g_ptr_array_add (self->bodies, b);
    }
}

SonaeEscalation *
sonae_escalation_new_from_roster (SonaeManual   *manual,
                                  int            level,
                                  SonaeOrgKind   kind,
                                  GHashTable    *holders,
                                  GPtrArray     *contacts,
                                  GError       **error)
{
  SonaeEscalation *self;
  const SonaeManualReport *report;

  g_return_val_if_fail (manual != NULL, NULL);
  g_return_val_if_fail (holders != NULL, NULL);
  g_return_val_if_fail (contacts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (level < 0 || level >= SONAE_MANUAL_N_LEVELS)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("There is no damage level %d; the levels are 0 to 3."), level);
      return NULL;
    }

  self = g_new0 (SonaeEscalation, 1);
  self->manual = sonae_manual_ref (manual);
  self->level = level;
  self->kind = kind;
  self->responder = g_strdup (sonae_manual_get_responder (manual, level));
  self->roles = g_ptr_array_new_with_free_func (role_free);
  self->bodies = g_ptr_array_new_with_free_func (body_free);

  report = sonae_manual_get_report (manual, level);
  add_chain (self, holders);
  for (guint i = 0; i < report->inform_keys->len; i++)
    add_role (self, holders, g_ptr_array_index (report->inform_keys, i), TRUE);
  add_bodies (self, contacts);
  return self;
}

SonaeEscalation *
sonae_escalation_new_for_org (SonaeStore    *store,
                              SonaeManual   *manual,
                              int            level,
                              SonaeOrgKind   kind,
                              GError       **error)
{
  g_autoptr(GHashTable) holders = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (manual != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Every role's holders in one read; the bodies are contacts Sonae
   * brought: not the whole roster. */
  holders = sonae_contacts_get_all_role_holders (store, error);
  if (holders == NULL)
    return NULL;
  contacts = sonae_contacts_list_bundled (store, error);
  if (contacts == NULL)
    return NULL;
  return sonae_escalation_new_from_roster (manual, level, kind, holders, contacts, error);
}

SonaeEscalation *
sonae_escalation_new (SonaeStore   *store,
                      SonaeManual  *manual,
                      int           level,
                      GError      **error)
{
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  profile = sonae_store_get_profile (store);
  return sonae_escalation_new_for_org (store, manual, level, profile->kind, error);
}

int
sonae_escalation_get_level (SonaeEscalation *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->level;
}

SonaeOrgKind
sonae_escalation_get_org_kind (SonaeEscalation *self)
{
  g_return_val_if_fail (self != NULL, SONAE_ORG_CLINIC);
  return self->kind;
}

const char *
sonae_escalation_get_responder (SonaeEscalation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->responder;
}

const char *
sonae_escalation_get_severity (SonaeEscalation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return sonae_manual_get_report (self->manual, self->level)->severity;
}

const char *
sonae_escalation_get_summary (SonaeEscalation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return sonae_manual_text_get (sonae_manual_get_report (self->manual, self->level)->text, self->kind);
}

GPtrArray *
sonae_escalation_get_roles (SonaeEscalation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->roles;
}

GPtrArray *
sonae_escalation_get_bodies (SonaeEscalation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bodies;
}

const SonaeEscalationRole *
sonae_escalation_get_role (SonaeEscalation *self,
                           const char      *role_key)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; role_key != NULL && i < self->roles->len; i++)
    {
      const SonaeEscalationRole *r = g_ptr_array_index (self->roles, i);

      if (g_str_equal (r->role_key, role_key))
        return r;
    }
  return NULL;
}

guint
sonae_escalation_count_unassigned (SonaeEscalation *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->roles->len; i++)
    if (((SonaeEscalationRole *) g_ptr_array_index (self->roles, i))->holders->len == 0)
      n++;
  return n;
}
