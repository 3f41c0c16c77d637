/* sonae-manual.c: SonaeManual, the bundled emergency manual as a read-only
 * model: its items and their texts, the wording for an organisation, the
 * translation of a bundled text with the same catalogue as the UI, and the
 * getters. Reading it from XML and checking it is sonae-manual-loader.c. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sonae-manual.h"
#include "sonae-error.h"
#include "sonae-manual-private.h"
#include "sonae-store-private.h"

static const char *const incident_type_keys[] = { "leak", "tamper", "malware" };

/* ------------------------------------------------------------------ */
/* Plain helpers */

SonaeManualVariant
sonae_manual_variant_for_org (SonaeOrgKind kind)
{
  return sonae_org_kind_is_medical (kind) ? SONAE_MANUAL_VARIANT_CLINIC : SONAE_MANUAL_VARIANT_BUSINESS;
}

const char *
sonae_incident_type_to_string (SonaeIncidentType type)
{
  g_return_val_if_fail (type < SONAE_N_INCIDENT_TYPES, NULL);
  return incident_type_keys[type];
}

gboolean
sonae_incident_type_from_string (const char        *text,
                                 SonaeIncidentType *out_type)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (incident_type_keys); i++)
    if (g_str_equal (text, incident_type_keys[i]))
      {
        if (out_type)
          *out_type = i;
        return TRUE;
      }
  return FALSE;
}

static const char *
text_pick (const SonaeManualText *text,
           SonaeOrgKind           kind,
           gboolean               source)
{
  SonaeManualVariant v;
  char *const *slots;

  if (text == NULL)
    return NULL;
  slots = source ? text->source : text->text;
  v = sonae_manual_variant_for_org (kind);
  return slots[v] != NULL ? slots[v] : slots[SONAE_MANUAL_VARIANT_ALL];
}

const char *
sonae_manual_text_get (const SonaeManualText *text,
                       SonaeOrgKind           kind)
{
  return text_pick (text, kind, FALSE);
}

const char *
sonae_manual_text_get_source (const SonaeManualText *text,
                              SonaeOrgKind           kind)
{
  return text_pick (text, kind, TRUE);
}

static void
text_free (SonaeManualText *text)
{
  if (text == NULL)
    return;
  for (guint i = 0; i < SONAE_MANUAL_N_VARIANTS; i++)
    {
      g_free (text->text[i]);
      g_free (text->source[i]);
    }
  g_free (text);
}

void
sonae_manual_para_free (gpointer data)
{
  SonaeManualPara *p = data;

  g_free (p->id);
  text_free (p->text);
  g_free (p);
}

static void
section_free (gpointer data)
{
  SonaeManualSection *s = data;

  g_free (s->id);
  text_free (s->title);
  g_ptr_array_unref (s->paras);
  g_free (s);
}

static void
principle_free (gpointer data)
{
  SonaeManualPrinciple *p = data;

  g_free (p->id);
  text_free (p->title);
  text_free (p->text);
  g_free (p);
}

static void
role_free (gpointer data)
{
  SonaeManualRole *r = data;

  g_free (r->id);
  g_free (r->role_key);
  text_free (r->text);
  g_free (r);
}

static void
level_free (SonaeManualLevel *l)
{
  if (l == NULL)
    return;
  g_free (l->id);
  g_free (l->responder_key);
  text_free (l->title);
  text_free (l->text);
  g_free (l);
}

void
sonae_manual_body_free (gpointer data)
{
  SonaeManualBody *b = data;

  g_free (b->id);
  g_free (b->authority_key);
  text_free (b->text);
  g_free (b);
}

static void
report_free (SonaeManualReport *r)
{
  if (r == NULL)
    return;
  g_free (r->id);
  g_free (r->severity);
  text_free (r->text);
  g_ptr_array_unref (r->inform_keys);
  g_ptr_array_unref (r->bodies);
  g_free (r);
}

void
sonae_manual_step_free (gpointer data)
{
  SonaeManualStep *s = data;

  g_free (s->id);
  g_free (s->role_key);
  text_free (s->title);
  text_free (s->text);
  g_free (s);
}

void
sonae_manual_procedure_free (gpointer data)
{
  SonaeManualProcedure *p = data;

  g_free (p->id);
  text_free (p->title);
  text_free (p->text);
  g_ptr_array_unref (p->steps);
  g_free (p);
}

static void
incident_free (gpointer data)
{
  SonaeManualIncident *i = data;

  g_free (i->id);
  text_free (i->title);
  text_free (i->text);
  g_ptr_array_unref (i->procedures);
  g_free (i);
}

SonaeManual *
sonae_manual_new (void)
{
  SonaeManual *self = g_new0 (SonaeManual, 1);

  g_ref_count_init (&self->ref_count);
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->principles = g_ptr_array_new_with_free_func (principle_free);
  self->roles = g_ptr_array_new_with_free_func (role_free);
  self->chain = g_ptr_array_new_with_free_func (g_free);
  self->incidents = g_ptr_array_new_with_free_func (incident_free);
  self->authorities = g_ptr_array_new_with_free_func (sonae_manual_body_free);
  self->continuity = g_ptr_array_new_with_free_func (sonae_manual_step_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->steps = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

SonaeManual *
sonae_manual_ref (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
sonae_manual_unref (SonaeManual *self)
{
  g_return_if_fail (self != NULL);
  if (!g_ref_count_dec (&self->ref_count))
    return;
  text_free (self->title);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->principles);
  g_ptr_array_unref (self->roles);
  g_ptr_array_unref (self->chain);
  g_ptr_array_unref (self->incidents);
  g_ptr_array_unref (self->authorities);
  g_ptr_array_unref (self->continuity);
  for (guint i = 0; i < SONAE_MANUAL_N_LEVELS; i++)
    {
      level_free (self->levels[i]);
      report_free (self->reports[i]);
      g_free (self->responder_override[i]);
    }
  g_hash_table_unref (self->steps);
  g_hash_table_unref (self->ids);
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* Texts: what xgettext extracts is the element's text with runs of white
 * space made one space, trimmed, and &, <, > written as entities. The
 * msgid is rebuilt the same way here. */

char *
sonae_manual_normalize_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
to_msgid (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '&')
        g_string_append (out, "&amp;");
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
from_msgstr (const char *text)
{
  GString *out = g_string_new (NULL);

  static const struct {
    const char *entity;
    char c;
  } entities[] = { { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' } };
  const char *p = text;

  while (*p)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (entities); i++)
        if (g_str_has_prefix (p, entities[i].entity))
          break;
      if (i < G_N_ELEMENTS (entities))
        {
          g_string_append_c (out, entities[i].c);
          p += strlen (entities[i].entity);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

char *
sonae_manual_translate (const char *source)
{
  g_autofree char *msgid = to_msgid (source);
  const char *msgstr = g_dgettext (GETTEXT_PACKAGE, msgid);

  if (msgstr == msgid)
    return g_strdup (source);
  return from_msgstr (msgstr);
}

/* ------------------------------------------------------------------ */
/* Accessors */

int
sonae_manual_get_version (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->version;
}

const SonaeManualText *
sonae_manual_get_title (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

GPtrArray *
sonae_manual_get_sections (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sections;
}

GPtrArray *
sonae_manual_get_principles (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->principles;
}

GPtrArray *
sonae_manual_get_roles (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->roles;
}

GPtrArray *
sonae_manual_get_chain (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->chain;
}

GPtrArray *
sonae_manual_get_incidents (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->incidents;
}

GPtrArray *
sonae_manual_get_authorities (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->authorities;
}

GPtrArray *
sonae_manual_get_continuity (SonaeManual *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->continuity;
}

const SonaeManualSection *
sonae_manual_get_section (SonaeManual *self,
                          const char  *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; id != NULL && i < self->sections->len; i++)
    {
      const SonaeManualSection *s = g_ptr_array_index (self->sections, i);

      if (g_str_equal (s->id, id))
        return s;
    }
  return NULL;
}

const SonaeManualLevel *
sonae_manual_get_level (SonaeManual *self,
                        int          level)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (level < 0 || level >= SONAE_MANUAL_N_LEVELS)
    return NULL;
  return self->levels[level];
}

const SonaeManualReport *
sonae_manual_get_report (SonaeManual *self,
                         int          level)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (level < 0 || level >= SONAE_MANUAL_N_LEVELS)
    return NULL;
  return self->reports[level];
}

const SonaeManualIncident *
sonae_manual_get_incident (SonaeManual       *self,
                           SonaeIncidentType  type)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->incidents->len; i++)
    {
      const SonaeManualIncident *incident = g_ptr_array_index (self->incidents, i);

      if (incident->type == type)
        return incident;
    }
  return NULL;
}

const SonaeManualProcedure *
sonae_manual_get_procedure (SonaeManual       *self,
                            SonaeIncidentType  type,
                            int                level)
{
  const SonaeManualIncident *incident = sonae_manual_get_incident (self, type);
  const SonaeManualProcedure *any = NULL;

  if (incident == NULL)
    return NULL;
  for (guint i = 0; i < incident->procedures->len; i++)
    {
      const SonaeManualProcedure *proc = g_ptr_array_index (incident->procedures, i);

      if (proc->level == level)
        return proc;
      if (proc->level == SONAE_MANUAL_ANY_LEVEL && any == NULL)
        any = proc;
    }
  return any;
}

gboolean
sonae_manual_has_id (SonaeManual *self,
                     const char  *id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return id != NULL && g_hash_table_contains (self->ids, id);
}

const SonaeManualStep *
sonae_manual_get_step (SonaeManual *self,
                       const char  *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id != NULL ? g_hash_table_lookup (self->steps, id) : NULL;
}

const char *
sonae_manual_get_responder (SonaeManual *self,
                            int          level)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (level < 0 || level >= SONAE_MANUAL_N_LEVELS)
    return NULL;
  if (self->responder_override[level] != NULL)
    return self->responder_override[level];
  return self->levels[level]->responder_key;
}

gboolean
sonae_manual_set_responder (SonaeManual  *self,
                            int           level,
                            const char   *role_key,
                            GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->shared, FALSE);

  if (level < 0 || level >= SONAE_MANUAL_N_LEVELS)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("There is no damage level %d; the levels are 0 to 3."), level);
      return FALSE;
    }
  if (role_key != NULL && sonae_role_lookup (role_key) == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("“%s” is not a role of the manual."), role_key);
      return FALSE;
    }
  g_free (self->responder_override[level]);
  self->responder_override[level] = NULL;
  if (role_key != NULL && !g_str_equal (role_key, self->levels[level]->responder_key))
    self->responder_override[level] = g_strdup (role_key);
  return TRUE;
}

gboolean
sonae_manual_responder_is_overridden (SonaeManual *self,
                                      int          level)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (level < 0 || level >= SONAE_MANUAL_N_LEVELS)
    return FALSE;
  return self->responder_override[level] != NULL;
}
