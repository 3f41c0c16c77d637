/* sonae-manual-view.c: the bundled manual merged with the organisation's
 * changes and its roster, as shown and printed */
#include "config.h"

#include <string.h>

#include "sonae-manual-view.h"
#include "sonae-clock.h"
#include "sonae-contact.h"
#include "sonae-contacts.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-private.h"
#include "sonae-role.h"

struct _SonaeManualView {
  SonaeManual *manual;          /* owned */
  SonaeOrgKind kind;
  GPtrArray *sections;          /* owned, of SonaeManualViewItem */
  GPtrArray *removed;           /* owned, of SonaeManualViewItem */
  GHashTable *items;            /* id → borrowed SonaeManualViewItem shown */
  GHashTable *procedures;       /* "type/level" → borrowed procedure item (bundled level) */
  GHashTable *holders;          /* role key → owned GPtrArray of SonaeContact */
  GPtrArray *no_holders;        /* owned, empty */
  GPtrArray *contacts;          /* owned, of SonaeContact: the authorities */
  GPtrArray *other_authorities; /* owned, borrowed SonaeContact */
  SonaeEscalation *escalations[SONAE_MANUAL_N_LEVELS];
  char *reviewed_on;
  char *reviewed_by;

  /* Only while building */
  GHashTable *edits;            /* item id → borrowed SonaeManualEdit */
  GHashTable *added;            /* parent id → GPtrArray of borrowed SonaeManualEdit */
};

static void
item_free (gpointer data)
{
  SonaeManualViewItem *item = data;

  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->section_id);
  g_free (item->parent_id);
  g_free (item->title);
  g_free (item->text);
  g_free (item->role_key);
  g_free (item->bundled_title);
  g_free (item->bundled_text);
  g_free (item->bundled_role_key);
  g_free (item->source_title);
  g_free (item->source_text);
  g_free (item->text_base);
  g_free (item->title_base);
  g_free (item->authority_key);
  g_clear_pointer (&item->paras, g_ptr_array_unref);
  g_clear_pointer (&item->children, g_ptr_array_unref);
  g_free (item);
}

void
sonae_manual_view_free (SonaeManualView *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->procedures, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->holders, g_hash_table_unref);
  g_clear_pointer (&self->no_holders, g_ptr_array_unref);
  g_clear_pointer (&self->other_authorities, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  for (guint i = 0; i < SONAE_MANUAL_N_LEVELS; i++)
    g_clear_pointer (&self->escalations[i], sonae_escalation_free);
  g_clear_pointer (&self->manual, sonae_manual_unref);
  g_free (self->reviewed_on);
  g_free (self->reviewed_by);
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* Building the items */

static gboolean
is_known_role (const char *key)
{
  return key != NULL && sonae_role_lookup (key) != NULL;
}

/* The edit of @id's text, or of its title with @title. */
static SonaeManualEdit *
find_edit (SonaeManualView *self,
           const char      *id,
           gboolean         title)
{
  g_autofree char *key = NULL;

  if (!title)
    return g_hash_table_lookup (self->edits, id);
  key = g_strconcat (id, SONAE_MANUAL_TITLE_SUFFIX, NULL);
  return g_hash_table_lookup (self->edits, key);
}

/* Sets one text slot (title or text) of @item from the bundled text and the
 * organisation's edit of it. Returns TRUE when it was edited. */
static gboolean
apply_text (SonaeManualView        *self,
            SonaeManualViewItem    *item,
            const SonaeManualText  *bundled,
            gboolean                title,
            char                  **effective,
            char                  **bundled_out,
            char                  **source_out,
            char                  **base_out)
{
  SonaeManualEdit *edit = find_edit (self, item->id, title);
  const char *source = sonae_manual_text_get_source (bundled, self->kind);

  *bundled_out = g_strdup (sonae_manual_text_get (bundled, self->kind));
  *source_out = g_strdup (source);
  if (edit == NULL || edit->text == NULL)
    {
      *effective = g_strdup (*bundled_out);
      return FALSE;
    }
  *effective = g_strdup (edit->text);
  if (edit->base_text != NULL && g_strcmp0 (edit->base_text, source) != 0)
    {
      item->needs_review = TRUE;
      *base_out = g_strdup (edit->base_text);
    }
  return TRUE;
}

static SonaeManualViewItem *
item_new (SonaeManualView       *self,
          SonaeManualItemKind    kind,
          const char            *id,
          const char            *parent_id,
          const char            *section_id,
          const SonaeManualText *title,
          const SonaeManualText *text,
          const char            *role_key,
          guint                  index)
{
  SonaeManualViewItem *item = g_new0 (SonaeManualViewItem, 1);
  SonaeManualEdit *edit;

  item->kind = kind;
  item->id = g_strdup (id);
  item->parent_id = g_strdup (parent_id);
  item->section_id = g_strdup (section_id);
  item->position = index;
  item->level = SONAE_MANUAL_ANY_LEVEL;

  item->title_edited = apply_text (self, item, title, TRUE, &item->title, &item->bundled_title,
                                   &item->source_title, &item->title_base);
  item->text_edited = apply_text (self, item, text, FALSE, &item->text, &item->bundled_text,
                                  &item->source_text, &item->text_base);

  item->bundled_role_key = g_strdup (role_key);
  item->role_key = g_strdup (role_key);
  edit = find_edit (self, id, FALSE);
  /* Only a step's role is the organisation's to change here; a level's
   * responder is kept apart (sonae_manual_edits_set_level_role). */
  if (edit != NULL && kind == SONAE_MANUAL_ITEM_STEP && role_key != NULL &&
      is_known_role (edit->role_key) && !g_str_equal (edit->role_key, role_key))
    {
      g_free (item->role_key);
      item->role_key = g_strdup (edit->role_key);
      item->role_edited = TRUE;
    }
  if (edit != NULL && edit->has_position)
    {
      item->position = edit->position;
      item->moved = TRUE;
    }
  item->edited = item->title_edited || item->text_edited || item->role_edited;
  return item;
}

/* An item the organisation added under @parent_id. */
static SonaeManualViewItem *
added_item_new (SonaeManualItemKind  kind,
                SonaeManualEdit     *edit,
                const char          *section_id)
{
  SonaeManualViewItem *item = g_new0 (SonaeManualViewItem, 1);

  item->kind = kind;
  item->id = g_strdup (edit->item_id);
  item->parent_id = g_strdup (edit->parent_id);
  item->section_id = g_strdup (section_id);
  item->text = g_strdup (edit->text);
  if (kind == SONAE_MANUAL_ITEM_STEP && is_known_role (edit->role_key))
    item->role_key = g_strdup (edit->role_key);
  item->added = TRUE;
  item->position = edit->position;
  item->level = SONAE_MANUAL_ANY_LEVEL;
  return item;
}

static gboolean
is_removed (SonaeManualView *self,
            const char      *id)
{
  SonaeManualEdit *edit = g_hash_table_lookup (self->edits, id);

  return edit != NULL && edit->removed;
}

/* Adds @item to @list, or to the removed ones when the organisation removed
 * it and @removable. */
static void
add_item (SonaeManualView     *self,
          GPtrArray           *list,
          SonaeManualViewItem *item,
          gboolean             removable)
{
  if (removable && is_removed (self, item->id))
    {
      g_ptr_array_add (self->removed, item);
      return;
    }
  g_ptr_array_add (list, item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SonaeManualViewItem *x = *(SonaeManualViewItem *const *) a;
  const SonaeManualViewItem *y = *(SonaeManualViewItem *const *) b;
  gboolean x_placed = x->added || x->moved;
  gboolean y_placed = y->added || y->moved;

  if (x->position < y->position)
    return -1;
  if (x->position > y->position)
    return 1;
  /* An item put at a place goes before the bundled one that was there. */
  if (x_placed != y_placed)
    return x_placed ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/* Adds the items added under @parent, sorts @list and numbers it. */
static void
finish_list (SonaeManualView     *self,
             GPtrArray           *list,
             const char          *parent_id,
             SonaeManualItemKind  added_kind,
             const char          *section_id)
{
  GPtrArray *added = parent_id ? g_hash_table_lookup (self->added, parent_id) : NULL;

  for (guint i = 0; added != NULL && i < added->len; i++)
    {
      SonaeManualEdit *edit = g_ptr_array_index (added, i);
      SonaeManualViewItem *item = added_item_new (added_kind, edit, section_id);

      add_item (self, list, item, TRUE);
    }
  g_ptr_array_sort (list, compare_items);
  for (guint i = 0; i < list->len; i++)
    ((SonaeManualViewItem *) g_ptr_array_index (list, i))->number = i + 1;
}

static GPtrArray *
item_list_new (void)
{
  return g_ptr_array_new_with_free_func (item_free);
}

static void
build_principles (SonaeManualView     *self,
                  SonaeManualViewItem *section)
{
  GPtrArray *principles = sonae_manual_get_principles (self->manual);

  for (guint i = 0; i < principles->len; i++)
    {
      const SonaeManualPrinciple *p = g_ptr_array_index (principles, i);

      add_item (self, section->children,
                item_new (self, SONAE_MANUAL_ITEM_PRINCIPLE, p->id, section->id, section->id,
                          p->title, p->text, NULL, i),
                TRUE);
    }
  finish_list (self, section->children, NULL, SONAE_MANUAL_ITEM_PRINCIPLE, section->id);
}

static void
build_roles (SonaeManualView     *self,
             SonaeManualViewItem *section)
{
  GPtrArray *roles = sonae_manual_get_roles (self->manual);

  for (guint i = 0; i < roles->len; i++)
    {
      const SonaeManualRole *r = g_ptr_array_index (roles, i);
      const SonaeRoleInfo *info = sonae_role_lookup (r->role_key);
      SonaeManualViewItem *item;

      /* A business has no role only healthcare providers have. */
      if (info != NULL && info->care_only && !sonae_org_kind_is_care (self->kind))
        continue;
      item = item_new (self, SONAE_MANUAL_ITEM_ROLE, r->id, section->id, section->id,
                       NULL, r->text, r->role_key, i);

      item->response_role = r->response_role;
      g_free (item->title);
      item->title = g_strdup (sonae_role_get_name (r->role_key));
      add_item (self, section->children, item, FALSE);
    }
  finish_list (self, section->children, NULL, SONAE_MANUAL_ITEM_ROLE, section->id);
}

static void
build_levels (SonaeManualView     *self,
              SonaeManualViewItem *section)
{
  /* Highest first, as the manual lists them. */
  for (int level = SONAE_MANUAL_N_LEVELS - 1, i = 0; level >= 0; level--, i++)
    {
      const SonaeManualLevel *l = sonae_manual_get_level (self->manual, level);
      SonaeManualViewItem *item = item_new (self, SONAE_MANUAL_ITEM_LEVEL, l->id, section->id, section->id,
                                            l->title, l->text, l->responder_key, i);

      item->level = level;
      g_free (item->role_key);
      item->role_key = g_strdup (sonae_manual_get_responder (self->manual, level));
      item->role_edited = sonae_manual_responder_is_overridden (self->manual, level);
      item->edited = item->edited || item->role_edited;
      add_item (self, section->children, item, FALSE);
    }
  finish_list (self, section->children, NULL, SONAE_MANUAL_ITEM_LEVEL, section->id);
}

static gboolean
body_applies (SonaeManualView       *self,
              const SonaeManualBody *body)
{
  return body->org == SONAE_MANUAL_VARIANT_ALL || body->org == sonae_manual_variant_for_org (self->kind);
}

static SonaeManualViewItem *
body_item_new (SonaeManualView       *self,
               const SonaeManualBody *body,
               const char            *parent_id,
               const char            *section_id,
               guint                  index)
{
  SonaeManualViewItem *item = item_new (self, SONAE_MANUAL_ITEM_BODY, body->id, parent_id, section_id,
                                        NULL, body->text, NULL, index);
  SonaeContact *contact = sonae_manual_view_get_authority (self, body->authority_key);

  item->authority_key = g_strdup (body->authority_key);
  item->optional = body->optional;
  g_free (item->title);
  item->title = g_strdup (contact ? sonae_contact_get_display_name (contact) : body->authority_key);
  return item;
}

static void
build_reports (SonaeManualView     *self,
               SonaeManualViewItem *section)
{
  for (int level = SONAE_MANUAL_N_LEVELS - 1, i = 0; level >= 0; level--, i++)
    {
      const SonaeManualReport *r = sonae_manual_get_report (self->manual, level);
      SonaeManualViewItem *item = item_new (self, SONAE_MANUAL_ITEM_REPORT, r->id, section->id, section->id,
                                            NULL, r->text, NULL, i);

      item->level = level;
      item->children = item_list_new ();
      for (guint j = 0, n = 0; j < r->bodies->len; j++)
        {
          const SonaeManualBody *b = g_ptr_array_index (r->bodies, j);

          if (body_applies (self, b))
            add_item (self, item->children, body_item_new (self, b, r->id, section->id, n++), FALSE);
        }
      finish_list (self, item->children, NULL, SONAE_MANUAL_ITEM_BODY, section->id);
      add_item (self, section->children, item, FALSE);
    }
  finish_list (self, section->children, NULL, SONAE_MANUAL_ITEM_REPORT, section->id);
}

static GPtrArray *
build_steps (SonaeManualView   *self,
             GPtrArray         *steps,
             const char        *parent_id,
             const char        *section_id,
             SonaeIncidentType  type)
{
  GPtrArray *list = item_list_new ();

  for (guint i = 0; i < steps->len; i++)
    {
      const SonaeManualStep *s = g_ptr_array_index (steps, i);
      SonaeManualViewItem *item = item_new (self, SONAE_MANUAL_ITEM_STEP, s->id, parent_id, section_id,
                                            s->title, s->text, s->role_key, i);

      item->incident_type = type;
      add_item (self, list, item, TRUE);
    }
  finish_list (self, list, parent_id, SONAE_MANUAL_ITEM_STEP, section_id);
  for (guint i = 0; i < list->len; i++)
    ((SonaeManualViewItem *) g_ptr_array_index (list, i))->incident_type = type;
  return list;
}

static char *
procedure_key (SonaeIncidentType type,
               int               level)
{
  return g_strdup_printf ("%d/%d", (int) type, level);
}

static void
build_incidents (SonaeManualView     *self,
                 SonaeManualViewItem *section)
{
  GPtrArray *incidents = sonae_manual_get_incidents (self->manual);

  for (guint i = 0; i < incidents->len; i++)
    {
      const SonaeManualIncident *inc = g_ptr_array_index (incidents, i);
      SonaeManualViewItem *item = item_new (self, SONAE_MANUAL_ITEM_INCIDENT, inc->id, section->id, section->id,
                                            inc->title, inc->text, NULL, i);

      item->incident_type = inc->type;
      item->children = item_list_new ();
      for (guint j = 0; j < inc->procedures->len; j++)
        {
          const SonaeManualProcedure *p = g_ptr_array_index (inc->procedures, j);
          SonaeManualViewItem *proc = item_new (self, SONAE_MANUAL_ITEM_PROCEDURE, p->id, inc->id, section->id,
                                                p->title, p->text, NULL, j);

          proc->incident_type = p->type;
          proc->level = p->level;
          proc->children = build_steps (self, p->steps, p->id, section->id, p->type);
          add_item (self, item->children, proc, FALSE);
        }
      finish_list (self, item->children, NULL, SONAE_MANUAL_ITEM_PROCEDURE, section->id);
      add_item (self, section->children, item, FALSE);
    }
  finish_list (self, section->children, NULL, SONAE_MANUAL_ITEM_INCIDENT, section->id);
}

static void
build_authorities (SonaeManualView     *self,
                   SonaeManualViewItem *section)
{
  GPtrArray *bodies = sonae_manual_get_authorities (self->manual);

  for (guint i = 0, n = 0; i < bodies->len; i++)
    {
      const SonaeManualBody *b = g_ptr_array_index (bodies, i);

      if (body_applies (self, b))
        add_item (self, section->children, body_item_new (self, b, section->id, section->id, n++), TRUE);
    }
  finish_list (self, section->children, NULL, SONAE_MANUAL_ITEM_BODY, section->id);
}

static SonaeManualViewItem *
build_section (SonaeManualView          *self,
               const SonaeManualSection *s,
               guint                     index)
{
  SonaeManualViewItem *section = item_new (self, SONAE_MANUAL_ITEM_SECTION, s->id, NULL, s->id,
                                           s->title, NULL, NULL, index);
  gboolean continuity = s->kind == SONAE_MANUAL_SECTION_CONTINUITY;

  /* Sections keep their place: the manual's structure is not the
   * organisation's to reorder. */
  section->position = index;
  section->moved = FALSE;
  section->section_kind = s->kind;
  section->paras = item_list_new ();
  for (guint i = 0; i < s->paras->len; i++)
    {
      const SonaeManualPara *p = g_ptr_array_index (s->paras, i);

      add_item (self, section->paras,
                item_new (self, SONAE_MANUAL_ITEM_PARA, p->id, s->id, s->id, NULL, p->text, NULL, i),
                TRUE);
    }
  finish_list (self, section->paras, continuity ? NULL : s->id, SONAE_MANUAL_ITEM_PARA, s->id);

  switch (s->kind)
    {
    case SONAE_MANUAL_SECTION_PRINCIPLES:
      section->children = item_list_new ();
      build_principles (self, section);
      break;
    case SONAE_MANUAL_SECTION_ORGANISATION:
      section->children = item_list_new ();
      build_roles (self, section);
      break;
    case SONAE_MANUAL_SECTION_LEVELS:
      section->children = item_list_new ();
      build_levels (self, section);
      break;
    case SONAE_MANUAL_SECTION_REPORTING:
      section->children = item_list_new ();
      build_reports (self, section);
      break;
    case SONAE_MANUAL_SECTION_PROCEDURES:
      section->children = item_list_new ();
      build_incidents (self, section);
      break;
    case SONAE_MANUAL_SECTION_AUTHORITIES:
      section->children = item_list_new ();
      build_authorities (self, section);
      break;
    case SONAE_MANUAL_SECTION_CONTINUITY:
      section->children = build_steps (self, sonae_manual_get_continuity (self->manual), s->id, s->id,
                                       SONAE_INCIDENT_LEAK);
      break;
    case SONAE_MANUAL_SECTION_GENERIC:
    default:
      section->children = item_list_new ();
      break;
    }
  return section;
}

static void
index_items (SonaeManualView *self,
             GPtrArray       *list)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (list, i);

      g_hash_table_insert (self->items, item->id, item);
      if (item->kind == SONAE_MANUAL_ITEM_PROCEDURE)
        {
          /* The procedure of each bundled level; "any" stands for every level. */
          g_hash_table_insert (self->procedures, procedure_key (item->incident_type, item->level), item);
        }
      index_items (self, item->paras);
      index_items (self, item->children);
    }
}

/* ------------------------------------------------------------------ */
/* The roster */

static gboolean
load_roster (SonaeManualView  *self,
             SonaeStore       *store,
             GError          **error)
{
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every role's holders in one read. */
  self->holders = sonae_contacts_get_all_role_holders (store, error);
  if (self->holders == NULL)
    return FALSE;

  /* The view names authorities only: not the whole roster. */
  self->contacts = sonae_contacts_list_authorities (store, error);
  if (self->contacts == NULL)
    return FALSE;

  /* Every authority the manual names, anywhere. */
  {
    GPtrArray *bodies = sonae_manual_get_authorities (self->manual);

    for (guint i = 0; i < bodies->len; i++)
      g_hash_table_add (named, (gpointer) sonae_contacts_authority_for_kind (
                          ((SonaeManualBody *) g_ptr_array_index (bodies, i))->authority_key, self->kind));
    for (int level = 0; level < SONAE_MANUAL_N_LEVELS; level++)
      {
        const SonaeManualReport *r = sonae_manual_get_report (self->manual, level);

        for (guint i = 0; i < r->bodies->len; i++)
          g_hash_table_add (named, (gpointer) sonae_contacts_authority_for_kind (
                              ((SonaeManualBody *) g_ptr_array_index (r->bodies, i))->authority_key, self->kind));
      }
  }
  self->other_authorities = g_ptr_array_new ();
  for (guint i = 0; i < self->contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (self->contacts, i);

      if (c->group == SONAE_GROUP_AUTHORITY &&
          (c->builtin_key == NULL || !g_hash_table_contains (named, c->builtin_key)))
        g_ptr_array_add (self->other_authorities, c);
    }
  return TRUE;
}

void
sonae_manual_apply_level_roles (SonaeManual *manual,
                                SonaeStore  *store)
{
  g_return_if_fail (manual != NULL);
  g_return_if_fail (SONAE_IS_STORE (store));

  for (int level = 0; level < SONAE_MANUAL_N_LEVELS; level++)
    {
      g_autofree char *role = sonae_manual_edits_get_level_role (store, level);
      g_autoptr(GError) error = NULL;

      /* A role this version does not know (written by a newer one) leaves
       * the bundled responder. */
      if (!sonae_manual_set_responder (manual, level, role, &error))
        {
          g_debug ("Level %d keeps the bundled responder: %s", level, error->message);
          sonae_manual_set_responder (manual, level, NULL, NULL);
        }
    }
}

SonaeManualView *
sonae_manual_view_new (SonaeStore   *store,
                       SonaeManual  *manual,
                       GError      **error)
{
  g_autoptr(SonaeManualView) self = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  GPtrArray *sections;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SonaeManualView, 1);
  /* The view sets the organisation's responders on its manual: never on
   * the one shared by the whole process (sonae_manual_get_bundled). */
  if (manual != NULL && !manual->shared)
    self->manual = sonae_manual_ref (manual);
  else
    {
      self->manual = sonae_manual_load (error);
      if (self->manual == NULL)
        return NULL;
    }
  profile = sonae_store_get_profile (store);
  self->kind = profile != NULL ? profile->kind : SONAE_ORG_CLINIC;
  self->sections = item_list_new ();
  self->removed = item_list_new ();
  self->items = g_hash_table_new (g_str_hash, g_str_equal);
  self->procedures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->no_holders = g_ptr_array_new ();

  sonae_manual_apply_level_roles (self->manual, store);
  if (!load_roster (self, store, error))
    return NULL;

  edits = sonae_manual_edits_list (store, error);
  if (edits == NULL)
    return NULL;
  self->edits = g_hash_table_new (g_str_hash, g_str_equal);
  self->added = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < edits->len; i++)
    {
      SonaeManualEdit *edit = g_ptr_array_index (edits, i);

      g_hash_table_insert (self->edits, edit->item_id, edit);
      if (edit->parent_id != NULL && edit->text != NULL && !sonae_manual_has_id (self->manual, edit->item_id))
        {
          GPtrArray *list = g_hash_table_lookup (self->added, edit->parent_id);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->added, edit->parent_id, list);
            }
          g_ptr_array_add (list, edit);
        }
    }

  sections = sonae_manual_get_sections (self->manual);
  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (self->sections, build_section (self, g_ptr_array_index (sections, i), i));
  for (guint i = 0; i < self->sections->len; i++)
    ((SonaeManualViewItem *) g_ptr_array_index (self->sections, i))->number = i + 1;
  index_items (self, self->sections);

  g_clear_pointer (&self->edits, g_hash_table_unref);
  g_clear_pointer (&self->added, g_hash_table_unref);

  for (int level = 0; level < SONAE_MANUAL_N_LEVELS; level++)
    {
      /* From the roster read above: the bundled authorities are among
       * self->contacts. */
      self->escalations[level] = sonae_escalation_new_from_roster (self->manual, level, self->kind,
                                                                   self->holders, self->contacts, error);
      if (self->escalations[level] == NULL)
        return NULL;
    }

  sonae_manual_edits_get_review (store, &self->reviewed_on, &self->reviewed_by);
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Accessors */

SonaeManual *
sonae_manual_view_get_manual (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->manual;
}

SonaeOrgKind
sonae_manual_view_get_org_kind (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, SONAE_ORG_CLINIC);
  return self->kind;
}

const char *
sonae_manual_view_get_title (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return sonae_manual_text_get (sonae_manual_get_title (self->manual), self->kind);
}

GPtrArray *
sonae_manual_view_get_sections (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sections;
}

const SonaeManualViewItem *
sonae_manual_view_get_section (SonaeManualView *self,
                               const char      *section_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; section_id != NULL && i < self->sections->len; i++)
    {
      SonaeManualViewItem *s = g_ptr_array_index (self->sections, i);

      if (g_str_equal (s->id, section_id))
        return s;
    }
  return NULL;
}

const SonaeManualViewItem *
sonae_manual_view_lookup (SonaeManualView *self,
                          const char      *item_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return item_id != NULL ? g_hash_table_lookup (self->items, item_id) : NULL;
}

const SonaeManualViewItem *
sonae_manual_view_get_procedure (SonaeManualView   *self,
                                 SonaeIncidentType  type,
                                 int                level)
{
  g_autofree char *exact = NULL;
  const SonaeManualProcedure *procedure;
  SonaeManualViewItem *item;

  g_return_val_if_fail (self != NULL, NULL);

  exact = procedure_key (type, level);
  item = g_hash_table_lookup (self->procedures, exact);
  if (item != NULL)
    return item;
  /* The first one written for any level, as sonae_manual_get_procedure(). */
  procedure = sonae_manual_get_procedure (self->manual, type, level);
  return procedure != NULL ? g_hash_table_lookup (self->items, procedure->id) : NULL;
}

GPtrArray *
sonae_manual_view_get_removed (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->removed;
}

static guint
count_review (GPtrArray *list)
{
  guint n = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (list, i);

      n += item->needs_review ? 1 : 0;
      n += count_review (item->paras) + count_review (item->children);
    }
  return n;
}

guint
sonae_manual_view_count_needs_review (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return count_review (self->sections);
}

double
sonae_manual_view_position_at (GPtrArray  *siblings,
                               guint       index,
                               const char *moving_id)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  double before, after;

  g_return_val_if_fail (siblings != NULL, 0);

  for (guint i = 0; i < siblings->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (siblings, i);

      if (moving_id == NULL || g_strcmp0 (item->id, moving_id) != 0)
        g_ptr_array_add (others, item);
    }
  if (others->len == 0)
    return 0;
  if (index == 0)
    return ((SonaeManualViewItem *) g_ptr_array_index (others, 0))->position - 1;
  if (index >= others->len)
    return ((SonaeManualViewItem *) g_ptr_array_index (others, others->len - 1))->position + 1;
  before = ((SonaeManualViewItem *) g_ptr_array_index (others, index - 1))->position;
  after = ((SonaeManualViewItem *) g_ptr_array_index (others, index))->position;
  return (before + after) / 2;
}

GPtrArray *
sonae_manual_view_get_holders (SonaeManualView *self,
                               const char      *role_key)
{
  GPtrArray *holders;

  g_return_val_if_fail (self != NULL, NULL);
  holders = role_key != NULL ? g_hash_table_lookup (self->holders, role_key) : NULL;
  return holders != NULL ? holders : self->no_holders;
}

SonaeContact *
sonae_manual_view_get_authority (SonaeManualView *self,
                                 const char      *authority_key)
{
  g_return_val_if_fail (self != NULL, NULL);
  authority_key = sonae_contacts_authority_for_kind (authority_key, self->kind);
  for (guint i = 0; authority_key != NULL && i < self->contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (self->contacts, i);

      if (g_strcmp0 (c->builtin_key, authority_key) == 0)
        return c;
    }
  return NULL;
}

GPtrArray *
sonae_manual_view_get_other_authorities (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->other_authorities;
}

SonaeEscalation *
sonae_manual_view_get_escalation (SonaeManualView *self,
                                  int              level)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (level >= 0 && level < SONAE_MANUAL_N_LEVELS, NULL);
  return self->escalations[level];
}

gboolean
sonae_manual_view_get_review (SonaeManualView  *self,
                              const char      **out_date,
                              const char      **out_reviewed_by)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (out_date)
    *out_date = self->reviewed_on;
  if (out_reviewed_by)
    *out_reviewed_by = self->reviewed_by;
  return self->reviewed_on != NULL;
}

gboolean
sonae_manual_view_review_due (SonaeManualView *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  if (self->reviewed_on == NULL || !sonae_date_is_valid (self->reviewed_on))
    return TRUE;
  return sonae_clock_days_since (self->reviewed_on) > SONAE_MANUAL_REVIEW_DAYS;
}

/* ------------------------------------------------------------------ */
/* Search */

static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return;
  folded = sonae_text_fold (text);
  g_string_append (out, folded);
  g_string_append_c (out, '\n');
}

static gboolean
item_matches (const SonaeManualViewItem *item,
              char                     **words)
{
  g_autoptr(GString) haystack = g_string_new (NULL);

  append_folded (haystack, item->title);
  append_folded (haystack, item->text);
  /* An unchanged bundled text is found in English as well. */
  if (!item->title_edited)
    append_folded (haystack, item->source_title);
  if (!item->text_edited)
    append_folded (haystack, item->source_text);
  if (item->role_key != NULL && item->kind != SONAE_MANUAL_ITEM_SECTION)
    {
      const SonaeRoleInfo *info = sonae_role_lookup (item->role_key);

      append_folded (haystack, sonae_role_get_name (item->role_key));
      if (info != NULL)
        append_folded (haystack, info->name);
    }

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack->str, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
search_list (GPtrArray  *list,
             char      **words,
             GPtrArray  *found)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (list, i);

      if (item_matches (item, words))
        g_ptr_array_add (found, item);
      search_list (item->paras, words, found);
      search_list (item->children, words, found);
    }
}

GPtrArray *
sonae_manual_view_search (SonaeManualView *self,
                          const char      *query)
{
  GPtrArray *found;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, NULL);

  found = g_ptr_array_new ();
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return found;
  folded = sonae_text_fold (query);
  words = g_strsplit_set (folded, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    any = any || *words[i] != '\0';
  if (!any)
    return found;
  search_list (self->sections, words, found);
  return found;
}
