/* sonae-checklist.c: the medical-incident checklist (data/content/checklist.xml),
 * read with GMarkup, checked completely and translated at load time; and the
 * checklist a business works through, made from the manual's procedure */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sonae-checklist-private.h"
#include "sonae-content-resources.h"
#include "sonae-error.h"
#include "sonae-manual-view.h"
#include "sonae-role.h"



/* ------------------------------------------------------------------ */
/* Incident kinds */

static const struct {
  const char *key;
  const char *title;
} incident_kinds[SONAE_N_INCIDENT_KINDS] = {
  { "leak", N_("Leak or loss") },
  { "tamper", N_("Tampering, loss, destruction or outage") },
  { "malware", N_("Virus infection") },
  { "other", N_("Other") },
};

const char *
sonae_incident_kind_to_string (SonaeIncidentType type)
{
  g_return_val_if_fail (type < SONAE_N_INCIDENT_KINDS, NULL);
  return incident_kinds[type].key;
}

gboolean
sonae_incident_kind_from_string (const char        *text,
                                 SonaeIncidentType *out_type)
{
  for (guint i = 0; text != NULL && i < SONAE_N_INCIDENT_KINDS; i++)
    if (g_str_equal (text, incident_kinds[i].key))
      {
        if (out_type)
          *out_type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sonae_incident_kind_get_title (SonaeIncidentType type)
{
  g_return_val_if_fail (type < SONAE_N_INCIDENT_KINDS, NULL);
  return _(incident_kinds[type].title);
}

/* ------------------------------------------------------------------ */
/* The model */

void
sonae_checklist_option_free (gpointer data)
{
  SonaeChecklistOption *o = data;

  g_free (o->id);
  g_free (o->label);
  g_free (o);
}

static void
field_free (gpointer data)
{
  SonaeChecklistField *f = data;

  g_free (f->id);
  g_free (f->label);
  g_free (f->hint);
  g_free (f->bind);
  g_ptr_array_unref (f->options);
  g_free (f);
}

SonaeChecklistStep *
sonae_checklist_step_new (const char *id,
                          const char *number,
                          const char *role_key)
{
  SonaeChecklistStep *s = g_new0 (SonaeChecklistStep, 1);

  s->id = g_strdup (id);
  s->number = g_strdup (number);
  s->role_key = g_strdup (role_key);
  s->points = g_ptr_array_new_with_free_func (g_free);
  s->fields = g_ptr_array_new_with_free_func (field_free);
  s->bodies = g_ptr_array_new_with_free_func (g_free);
  return s;
}

static void
step_free (gpointer data)
{
  SonaeChecklistStep *s = data;

  g_free (s->id);
  g_free (s->number);
  g_free (s->title);
  g_free (s->text);
  g_free (s->role_key);
  g_ptr_array_unref (s->points);
  g_ptr_array_unref (s->fields);
  g_ptr_array_unref (s->bodies);
  g_free (s);
}

static void
phase_free (gpointer data)
{
  SonaeChecklistPhase *p = data;

  g_free (p->id);
  g_free (p->title);
  g_free (p->text);
  g_ptr_array_unref (p->steps);
  g_free (p);
}

SonaeChecklistPhase *
sonae_checklist_add_phase (SonaeChecklist *self,
                           const char     *id)
{
  SonaeChecklistPhase *p = g_new0 (SonaeChecklistPhase, 1);

  p->id = g_strdup (id);
  p->steps = g_ptr_array_new_with_free_func (step_free);
  g_ptr_array_add (self->phases, p);
  return p;
}

void
sonae_checklist_add_step (SonaeChecklist      *self,
                          SonaeChecklistPhase *phase,
                          SonaeChecklistStep  *step)
{
  g_ptr_array_add (phase->steps, step);
  g_hash_table_insert (self->steps, step->id, step);
  g_hash_table_insert (self->phase_of, step->id, phase);
}

SonaeChecklist *
sonae_checklist_new_empty (gboolean medical)
{
  SonaeChecklist *self = g_rc_box_new0 (SonaeChecklist);

  self->medical = medical;
  self->phases = g_ptr_array_new_with_free_func (phase_free);
  self->steps = g_hash_table_new (g_str_hash, g_str_equal);
  self->phase_of = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

static void
checklist_clear (gpointer data)
{
  SonaeChecklist *self = data;

  g_hash_table_unref (self->phase_of);
  g_hash_table_unref (self->steps);
  g_ptr_array_unref (self->phases);
  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    for (guint w = 0; w < N_WORDINGS; w++)
      {
        g_strfreev (self->do_now[t][w]);
        g_strfreev (self->do_now_roles[t][w]);
        g_strfreev (self->do_now_ids[t][w]);
      }
  g_clear_pointer (&self->bundled, sonae_checklist_unref);
  g_free (self->title);
}

SonaeChecklist *
sonae_checklist_ref (SonaeChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_rc_box_acquire (self);
}

void
sonae_checklist_unref (SonaeChecklist *self)
{
  g_return_if_fail (self != NULL);
  g_rc_box_release_full (self, checklist_clear);
}

/* ------------------------------------------------------------------ */
/* Translation. xgettext's ITS extraction makes every run of white space
 * one space, trims the text and writes &, < and > as entities: the msgid
 * is rebuilt that way, and the translation's entities are undone. */

char *
sonae_checklist_translate (const char *raw)
{
  g_auto(GStrv) words = g_strsplit_set (raw, " \t\r\n", -1);
  g_autoptr(GString) msgid = g_string_new (NULL);
  g_autoptr(GString) result = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (msgid->len > 0)
          g_string_append_c (msgid, ' ');
        g_string_append (msgid, words[i]);
      }
  if (msgid->len == 0)
    return NULL;
  g_string_replace (msgid, "&", "&amp;", 0);
  g_string_replace (msgid, "<", "&lt;", 0);
  g_string_replace (msgid, ">", "&gt;", 0);

  result = g_string_new (g_dgettext (GETTEXT_PACKAGE, msgid->str));
  g_string_replace (result, "&lt;", "<", 0);
  g_string_replace (result, "&gt;", ">", 0);
  g_string_replace (result, "&amp;", "&", 0);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* ------------------------------------------------------------------ */
/* A business's checklist: the manual's procedure */

/* The procedure the manual of the organisation has for exactly @level (or
 * for any level), else the nearest level's, a higher one first when two
 * are as near. */
static const SonaeManualViewItem *
nearest_procedure (SonaeManualView   *view,
                   SonaeIncidentType  type,
                   int                level)
{
  for (int distance = 0; distance < SONAE_MANUAL_N_LEVELS; distance++)
    {
      const int candidates[] = { level + distance, level - distance };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          const SonaeManualViewItem *proc;

          if (candidates[i] < 0 || candidates[i] >= SONAE_MANUAL_N_LEVELS)
            continue;
          proc = sonae_manual_view_get_procedure (view, type, candidates[i]);
          if (proc != NULL)
            return proc;
        }
    }
  return NULL;
}

/* What a business works through: the procedure of the nearest level; or,
 * where the manual writes its procedures for any level (malware), every
 * one of them, in order: both the path staff can take and the one for
 * files encrypted, changed or deleted, which only the administrator may
 * take — the reader cannot know in advance which applies. */
static GPtrArray *
procedures_for (SonaeManualView   *view,
                SonaeIncidentType  type,
                int                level)
{
  GPtrArray *procs = g_ptr_array_new ();
  const SonaeManualViewItem *proc = nearest_procedure (view, type, level);
  const SonaeManualViewItem *incident;

  if (proc == NULL)
    return procs;
  incident = proc->level == SONAE_MANUAL_ANY_LEVEL ? sonae_manual_view_lookup (view, proc->parent_id) : NULL;
  if (incident == NULL || incident->children == NULL)
    {
      g_ptr_array_add (procs, (gpointer) proc);
      return procs;
    }
  for (guint i = 0; i < incident->children->len; i++)
    {
      const SonaeManualViewItem *child = g_ptr_array_index (incident->children, i);

      if (child->kind == SONAE_MANUAL_ITEM_PROCEDURE && child->level == SONAE_MANUAL_ANY_LEVEL)
        g_ptr_array_add (procs, (gpointer) child);
    }
  return procs;
}

static char *
procedure_title (SonaeManualView           *view,
                 const SonaeManualViewItem *proc,
                 gboolean                  one_of_several)
{
  const SonaeManualViewItem *incident = sonae_manual_view_lookup (view, proc->parent_id);
  const char *incident_title = incident != NULL ? incident->title : NULL;

  if (incident_title == NULL)
    incident_title = sonae_incident_kind_get_title (proc->incident_type);
  if (one_of_several)
    return g_strdup (incident_title);
  if (proc->title != NULL)
    /* Translators: a procedure of the manual used as a checklist: the incident type, then the procedure's own title */
    return g_strdup_printf (C_("procedure title", "%s: %s"), incident_title, proc->title);
  if (proc->level != SONAE_MANUAL_ANY_LEVEL)
    /* Translators: a procedure of the manual used as a checklist: the incident type, then its damage level */
    return g_strdup_printf (_("%s, damage level %d"), incident_title, proc->level);
  return g_strdup (incident_title);
}

/* The organisation's procedures as a checklist, its own steps included,
 * as its manual shows them: one phase a procedure, numbered on through. */
static SonaeChecklist *
checklist_from_procedures (SonaeManualView *view,
                           GPtrArray       *procs,
                           SonaeChecklist  *bundled)
{
  SonaeChecklist *self = sonae_checklist_new_empty (FALSE);
  guint number = 0;

  self->bundled = sonae_checklist_ref (bundled);
  self->title = procedure_title (view, g_ptr_array_index (procs, 0), procs->len > 1);
  for (guint p = 0; p < procs->len; p++)
    {
      const SonaeManualViewItem *proc = g_ptr_array_index (procs, p);
      SonaeChecklistPhase *phase = sonae_checklist_add_phase (self, procs->len > 1 ? proc->id : "procedure");

      if (procs->len > 1)
        {
          phase->title = g_strdup (proc->title != NULL ? proc->title : self->title);
          phase->text = g_strdup (proc->text);
        }
      else
        phase->title = g_strdup (self->title);
      for (guint i = 0; proc->children != NULL && i < proc->children->len; i++)
        {
          const SonaeManualViewItem *ms = g_ptr_array_index (proc->children, i);
          g_autofree char *digits = NULL;
          SonaeChecklistStep *step;

          if (ms->kind != SONAE_MANUAL_ITEM_STEP)
            continue;
          digits = g_strdup_printf ("%u", ++number);
          step = sonae_checklist_step_new (ms->id, digits, ms->role_key);
          /* A step without a title is named by its text. */
          step->title = g_strdup (ms->title != NULL ? ms->title : ms->text);
          step->text = ms->title != NULL ? g_strdup (ms->text) : NULL;
          sonae_checklist_add_step (self, phase, step);
        }
    }
  return self;
}

SonaeChecklist *
sonae_checklist_for_incident (SonaeManualView   *view,
                              SonaeOrgKind       kind,
                              SonaeIncidentType  type,
                              int                level,
                              GError           **error)
{
  g_autoptr(SonaeChecklist) bundled = NULL;
  g_autoptr(GPtrArray) procs = NULL;

  g_return_val_if_fail (kind == SONAE_ORG_BUSINESS || kind <= SONAE_ORG_PHARMACY, NULL);
  g_return_val_if_fail (type < SONAE_N_INCIDENT_KINDS, NULL);
  g_return_val_if_fail (view != NULL || sonae_org_kind_is_medical (kind), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (level < 0 || level >= SONAE_MANUAL_N_LEVELS)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   _("There is no damage level %d; the levels are 0 to 3."), level);
      return NULL;
    }
  bundled = sonae_checklist_load (error);
  if (bundled == NULL || sonae_org_kind_is_medical (kind))
    return g_steal_pointer (&bundled);

  if (type < SONAE_N_INCIDENT_TYPES)
    procs = procedures_for (view, type, level);
  if (procs == NULL || procs->len == 0)
    {
      g_clear_pointer (&procs, g_ptr_array_unref);
      procs = procedures_for (view, SONAE_INCIDENT_TAMPER, level);
    }
  if (procs->len == 0)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
                   _("The manual has no procedure for this kind of incident."));
      return NULL;
    }
  return checklist_from_procedures (view, procs, bundled);
}

/* ------------------------------------------------------------------ */
/* Accessors */

const char *
sonae_checklist_get_title (SonaeChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

gboolean
sonae_checklist_is_medical (SonaeChecklist *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->medical;
}

GPtrArray *
sonae_checklist_get_phases (SonaeChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->phases;
}

const SonaeChecklistStep *
sonae_checklist_get_step (SonaeChecklist *self,
                          const char     *step_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return step_id != NULL ? g_hash_table_lookup (self->steps, step_id) : NULL;
}

const SonaeChecklistPhase *
sonae_checklist_get_phase_of (SonaeChecklist *self,
                              const char     *step_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return step_id != NULL ? g_hash_table_lookup (self->phase_of, step_id) : NULL;
}

const SonaeChecklistField *
sonae_checklist_get_field (SonaeChecklist *self,
                           const char     *step_id,
                           const char     *field_id)
{
  const SonaeChecklistStep *step = sonae_checklist_get_step (self, step_id);

  for (guint i = 0; step != NULL && field_id != NULL && i < step->fields->len; i++)
    {
      const SonaeChecklistField *field = g_ptr_array_index (step->fields, i);

      if (g_str_equal (field->id, field_id))
        return field;
    }
  return NULL;
}

guint
sonae_checklist_count_steps (SonaeChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->steps);
}

const char *const *
sonae_checklist_get_do_now (SonaeChecklist    *self,
                            SonaeIncidentType  type,
                            SonaeOrgKind       kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type < SONAE_N_INCIDENT_KINDS, NULL);

  if (self->bundled != NULL)
    return sonae_checklist_get_do_now (self->bundled, type, kind);
  return (const char *const *)
    self->do_now[type][sonae_manual_variant_for_org (kind) == SONAE_MANUAL_VARIANT_BUSINESS ? 1 : 0];
}

const char *
sonae_checklist_get_do_now_role (SonaeChecklist    *self,
                                 SonaeIncidentType  type,
                                 SonaeOrgKind       kind,
                                 guint              index)
{
  GStrv roles;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type < SONAE_N_INCIDENT_KINDS, NULL);

  if (self->bundled != NULL)
    return sonae_checklist_get_do_now_role (self->bundled, type, kind, index);
  roles = self->do_now_roles[type][sonae_manual_variant_for_org (kind) == SONAE_MANUAL_VARIANT_BUSINESS ? 1 : 0];
  if (roles == NULL || index >= g_strv_length (roles) || *roles[index] == '\0')
    return NULL;
  return roles[index];
}

const char *
sonae_checklist_get_do_now_id (SonaeChecklist    *self,
                               SonaeIncidentType  type,
                               SonaeOrgKind       kind,
                               guint              index)
{
  GStrv ids;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type < SONAE_N_INCIDENT_KINDS, NULL);

  if (self->bundled != NULL)
    return sonae_checklist_get_do_now_id (self->bundled, type, kind, index);
  ids = self->do_now_ids[type][sonae_manual_variant_for_org (kind) == SONAE_MANUAL_VARIANT_BUSINESS ? 1 : 0];
  if (ids == NULL || index >= g_strv_length (ids))
    return NULL;
  return ids[index];
}

const char *
sonae_checklist_get_do_now_text (SonaeChecklist *self,
                                 const char     *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->bundled != NULL)
    return sonae_checklist_get_do_now_text (self->bundled, id);
  for (guint t = 0; id != NULL && t < SONAE_N_INCIDENT_KINDS; t++)
    for (guint w = 0; w < N_WORDINGS; w++)
      for (guint i = 0; self->do_now_ids[t][w] != NULL && self->do_now_ids[t][w][i] != NULL; i++)
        if (g_str_equal (self->do_now_ids[t][w][i], id))
          return self->do_now[t][w][i];
  return NULL;
}

static const char *
option_label (const SonaeChecklistField *field,
              const char                *id)
{
  for (guint i = 0; i < field->options->len; i++)
    {
      const SonaeChecklistOption *option = g_ptr_array_index (field->options, i);

      if (g_str_equal (option->id, id))
        return option->label;
    }
  return id;   /* an option an older or newer checklist had */
}

char *
sonae_checklist_field_format (const SonaeChecklistField *field,
                              const char                *value)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return NULL;
  if (field->kind == SONAE_FIELD_CHOICE)
    return g_strdup (*value != '\0' ? option_label (field, value) : "");
  if (field->kind != SONAE_FIELD_MULTI)
    return g_strdup (value);

  ids = g_strsplit (value, ",", -1);
  out = g_string_new (NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (ids[i][0] == '\0')
        continue;
      if (out->len > 0)
        /* Translators: between the chosen answers of a checklist field; Japanese uses “、” */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, option_label (field, ids[i]));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
