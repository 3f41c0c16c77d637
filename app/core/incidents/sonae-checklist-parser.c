/* sonae-checklist-parser.c: data/content/checklist.xml read with GMarkup,
 * checked completely and translated at load time */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sonae-checklist-private.h"
#include "sonae-content-resources.h"
#include "sonae-error.h"
#include "sonae-role.h"
#include "sonae-store-private.h"

/* ------------------------------------------------------------------ */
/* The parser */

typedef enum {
  E_ROOT,
  E_CHECKLIST,
  E_PHASE,
  E_STEP,
  E_FIELD,
  E_DO_NOW,
  E_BODY,
  /* the elements with text */
  E_TITLE,
  E_TEXT,
  E_POINT,
  E_LABEL,
  E_HINT,
  E_OPTION,
  E_ITEM,
  N_ELEMENTS,
} ElementKind;

static const char *const element_names[N_ELEMENTS] = {
  "", "checklist", "phase", "step", "field", "do-now", "body",
  "title", "text", "point", "label", "hint", "option", "item",
};

static const char *const field_kind_names[] = { "line", "text", "choice", "multi", "datetime" };

static const char *const detail_names[] = {
  SONAE_INCIDENT_DETAIL_TITLE, SONAE_INCIDENT_DETAIL_DETECTED_AT, SONAE_INCIDENT_DETAIL_FOUND_BY,
  SONAE_INCIDENT_DETAIL_LOCATION, SONAE_INCIDENT_DETAIL_SYSTEM, SONAE_INCIDENT_DETAIL_NETWORK,
};

typedef struct {
  ElementKind kind;
  int line;
  GString *buffer;               /* the text of a text element */
  gboolean wordings[N_WORDINGS]; /* <item>: for clinics, for businesses */
  const char *role;              /* <item>: the role it tells to call (static key), or NULL */
  const char *id;                /* <item>: its id, which a tick is recorded under (owned by ids) */
  SonaeChecklistOption *option;  /* <option>: the one it fills */
} Frame;

typedef struct {
  SonaeChecklist *checklist;
  GMarkupParseContext *context;
  GArray *stack;                 /* of Frame */
  SonaeChecklistPhase *phase;    /* the open ones */
  SonaeChecklistStep *step;
  SonaeChecklistField *field;
  SonaeIncidentType do_now_type;
  GPtrArray *items[N_WORDINGS];  /* of char *, the open <do-now>'s */
  GPtrArray *item_roles[N_WORDINGS];  /* of char *, their roles ("" for none) */
  GPtrArray *item_ids[N_WORDINGS];    /* of char *, their ids */
  GHashTable *ids;               /* phase, step and item id → line */
  int bind_lines[G_N_ELEMENTS (detail_names)];
  int do_now_lines[SONAE_N_INCIDENT_KINDS];
  gboolean seen_root;
} Parser;

/* GMarkup reports where it is after the tag just read; when the tag ends
 * its line, that is column 1 of the next line. */
static int
tag_line (GMarkupParseContext *context)
{
  int line = 0, column = 0;

  g_markup_parse_context_get_position (context, &line, &column);
  return (column == 1 && line > 1) ? line - 1 : line;
}

/* Sets a SONAE_ERROR_PARSE error saying what is wrong and where (the tag
 * just read when @line is 0; nowhere when also @context is NULL). */
G_GNUC_PRINTF (4, 5)
static gboolean
parse_error (GError              **error,
             GMarkupParseContext  *context,
             int                   line,
             const char           *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (line == 0 && context != NULL)
    line = tag_line (context);
  if (line <= 0)
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The checklist has an error: %s"), what);
  else
    /* Translators: an error in the bundled checklist; %d is a line of the file, %s says what is wrong */
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The checklist has an error on line %d: %s"), line, what);
  return FALSE;
}

static gboolean
element_allowed (Parser      *p,
                 ElementKind  parent,
                 ElementKind  child)
{
  switch (parent)
    {
    case E_ROOT: return child == E_CHECKLIST && !p->seen_root;
    case E_CHECKLIST: return child == E_TITLE || child == E_PHASE || child == E_DO_NOW;
    case E_PHASE: return child == E_TITLE || child == E_STEP;
    case E_STEP: return child == E_TITLE || child == E_TEXT || child == E_POINT || child == E_FIELD || child == E_BODY;
    case E_FIELD: return child == E_LABEL || child == E_HINT || child == E_OPTION;
    case E_DO_NOW: return child == E_ITEM;
    case E_BODY:
    case E_TITLE:
    case E_TEXT:
    case E_POINT:
    case E_LABEL:
    case E_HINT:
    case E_OPTION:
    case E_ITEM:
    case N_ELEMENTS:
    default: return FALSE;
    }
}

/* An id unique in the whole file (phases, steps and “do now” steps). */
static gboolean
claim_id (Parser               *p,
          const char           *element,
          const char           *id,
          int                   line,
          GError              **error)
{
  gpointer first;

  if (id == NULL || *id == '\0')
    return parse_error (error, p->context, line, "<%s> has no id.", element);
  if (g_hash_table_lookup_extended (p->ids, id, NULL, &first))
    return parse_error (error, p->context, line, "the id “%s” is used twice (first on line %d).",
                        id, GPOINTER_TO_INT (first));
  g_hash_table_insert (p->ids, g_strdup (id), GINT_TO_POINTER (line));
  return TRUE;
}

static gboolean
start_checklist (Parser               *p,
                 const char          **names,
                 const char          **values,
                 GError              **error)
{
  const char *version = NULL;
  guint64 v = 0;

  if (!g_markup_collect_attributes ("checklist", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "version", &version,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXINT, &v, NULL))
    return parse_error (error, p->context, 0, "version=\"%s\" must be a whole number from 1 up.", version);
  p->seen_root = TRUE;
  return TRUE;
}

static gboolean
start_phase (Parser               *p,
             const char          **names,
             const char          **values,
             Frame                *frame,
             GError              **error)
{
  const char *id = NULL;

  if (!g_markup_collect_attributes ("phase", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, "phase", id, frame->line, error))
    return FALSE;
  p->phase = sonae_checklist_add_phase (p->checklist, id);
  return TRUE;
}

static gboolean
start_step (Parser               *p,
            const char          **names,
            const char          **values,
            Frame                *frame,
            GError              **error)
{
  const char *id = NULL, *role = NULL;

  if (!g_markup_collect_attributes ("step", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "role", &role,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, "step", id, frame->line, error))
    return FALSE;
  if (role != NULL && sonae_role_lookup (role) == NULL)
    return parse_error (error, p->context, 0, "the step “%s” names the role “%s”, which does not exist.", id, role);

  p->step = sonae_checklist_step_new (id, id, role);
  sonae_checklist_add_step (p->checklist, p->phase, p->step);
  return TRUE;
}

/* Which field kind may stand for an incident detail. */
static gboolean
bind_fits (const char              *detail,
           SonaeChecklistFieldKind  kind)
{
  if (g_str_equal (detail, SONAE_INCIDENT_DETAIL_DETECTED_AT))
    return kind == SONAE_FIELD_DATETIME;
  return kind == SONAE_FIELD_LINE || kind == SONAE_FIELD_TEXT || kind == SONAE_FIELD_CHOICE;
}

static gboolean
start_field (Parser               *p,
             const char          **names,
             const char          **values,
             Frame                *frame,
             GError              **error)
{
  const char *id = NULL, *kind_name = NULL, *bind = NULL;
  SonaeChecklistField *f;
  guint kind, detail;

  if (!g_markup_collect_attributes ("field", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "kind", &kind_name,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "bind", &bind,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (id == NULL || *id == '\0')
    return parse_error (error, p->context, 0, "a field of the step “%s” has no id.", p->step->id);
  for (guint i = 0; i < p->step->fields->len; i++)
    if (g_str_equal (((SonaeChecklistField *) g_ptr_array_index (p->step->fields, i))->id, id))
      return parse_error (error, p->context, 0, "the step “%s” has two fields “%s”.", p->step->id, id);
  for (kind = 0; kind < G_N_ELEMENTS (field_kind_names); kind++)
    if (g_str_equal (field_kind_names[kind], kind_name))
      break;
  if (kind == G_N_ELEMENTS (field_kind_names))
    return parse_error (error, p->context, 0,
                        "kind=\"%s\" must be \"line\", \"text\", \"choice\", \"multi\" or \"datetime\".", kind_name);
  if (bind != NULL)
    {
      for (detail = 0; detail < G_N_ELEMENTS (detail_names); detail++)
        if (g_str_equal (detail_names[detail], bind))
          break;
      if (detail == G_N_ELEMENTS (detail_names))
        return parse_error (error, p->context, 0, "bind=\"%s\" is not a detail of an incident.", bind);
      if (p->bind_lines[detail] != 0)
        return parse_error (error, p->context, 0, "the detail “%s” is already bound to a field on line %d.",
                            bind, p->bind_lines[detail]);
      if (!bind_fits (bind, kind))
        return parse_error (error, p->context, 0, "a %s field cannot stand for the detail “%s”.",
                            kind_name, bind);
      p->bind_lines[detail] = frame->line;
    }

  f = g_new0 (SonaeChecklistField, 1);
  f->id = g_strdup (id);
  f->kind = kind;
  f->bind = g_strdup (bind);
  f->options = g_ptr_array_new_with_free_func (sonae_checklist_option_free);
  g_ptr_array_add (p->step->fields, f);
  p->field = f;
  return TRUE;
}

static gboolean
start_option (Parser               *p,
              const char          **names,
              const char          **values,
              Frame                *frame,
              GError              **error)
{
  const char *id = NULL;

  if (!g_markup_collect_attributes ("option", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (p->field->kind != SONAE_FIELD_CHOICE && p->field->kind != SONAE_FIELD_MULTI)
    return parse_error (error, p->context, 0, "the field “%s” is not a choice, so it has no options.", p->field->id);
  if (id == NULL || *id == '\0' || strchr (id, ',') != NULL)
    return parse_error (error, p->context, 0, "an option of the field “%s” has no id, or one with a comma.",
                        p->field->id);
  for (guint i = 0; i < p->field->options->len; i++)
    if (g_str_equal (((SonaeChecklistOption *) g_ptr_array_index (p->field->options, i))->id, id))
      return parse_error (error, p->context, 0, "the field “%s” has two options “%s”.", p->field->id, id);

  frame->option = g_new0 (SonaeChecklistOption, 1);
  frame->option->id = g_strdup (id);
  g_ptr_array_add (p->field->options, frame->option);
  frame->buffer = g_string_new (NULL);
  return TRUE;
}

/* An outside body the step tells to contact, by its builtin authority key. */
static gboolean
start_body (Parser               *p,
            const char          **names,
            const char          **values,
            GError              **error)
{
  const char *ref = NULL;

  if (!g_markup_collect_attributes ("body", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "ref", &ref,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!sonae_authorities_is_builtin_key (ref))
    return parse_error (error, p->context, 0, "the step “%s” names the body “%s”, which Sonae does not know.",
                        p->step->id, ref);
  for (guint i = 0; i < p->step->bodies->len; i++)
    if (g_str_equal (g_ptr_array_index (p->step->bodies, i), ref))
      return parse_error (error, p->context, 0, "the step “%s” names the body “%s” twice.", p->step->id, ref);
  g_ptr_array_add (p->step->bodies, g_strdup (ref));
  return TRUE;
}

static gboolean
start_do_now (Parser               *p,
              const char          **names,
              const char          **values,
              Frame                *frame,
              GError              **error)
{
  const char *type = NULL;

  if (!g_markup_collect_attributes ("do-now", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "type", &type,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!sonae_incident_kind_from_string (type, &p->do_now_type))
    return parse_error (error, p->context, 0, "type=\"%s\" must be \"leak\", \"tamper\", \"malware\" or \"other\".",
                        type);
  if (p->do_now_lines[p->do_now_type] != 0)
    return parse_error (error, p->context, 0, "the “do now” steps for “%s” are written twice (first on line %d).",
                        type, p->do_now_lines[p->do_now_type]);
  p->do_now_lines[p->do_now_type] = frame->line;
  for (guint w = 0; w < N_WORDINGS; w++)
    {
      p->items[w] = g_ptr_array_new_with_free_func (g_free);
      p->item_roles[w] = g_ptr_array_new_with_free_func (g_free);
      p->item_ids[w] = g_ptr_array_new_with_free_func (g_free);
    }
  return TRUE;
}

/* The elements with text; <item> may be for clinics or businesses only. */
static gboolean
start_text (Parser               *p,
            const char           *element,
            const char          **names,
            const char          **values,
            Frame                *frame,
            GError              **error)
{
  const char *org = NULL;
  const char *role = NULL;
  const char *id = NULL;

  if (frame->kind != E_ITEM)
    {
      if (!g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL))
        return FALSE;
    }
  else
    {
      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "org", &org,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "role", &role,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                        G_MARKUP_COLLECT_INVALID))
        return FALSE;
      /* A “do now” step can be ticked: the tick is kept under its id. */
      if (!claim_id (p, element, id, 0, error))
        return FALSE;
      g_hash_table_lookup_extended (p->ids, id, (gpointer *) &frame->id, NULL);
      if (org != NULL && !g_str_equal (org, "clinic") && !g_str_equal (org, "business"))
        return parse_error (error, p->context, 0, "org=\"%s\" must be \"clinic\" or \"business\".", org);
      if (role != NULL && sonae_role_lookup (role) == NULL)
        return parse_error (error, p->context, 0, "a “do now” step names the role “%s”, which does not exist.", role);
      frame->role = role != NULL ? sonae_role_lookup (role)->key : NULL;
      frame->wordings[0] = org == NULL || g_str_equal (org, "clinic");
      frame->wordings[1] = org == NULL || g_str_equal (org, "business");
    }
  frame->buffer = g_string_new (NULL);
  return TRUE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Parser *p = user_data;
  ElementKind parent = g_array_index (p->stack, Frame, p->stack->len - 1).kind;
  Frame frame = { 0, };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  guint kind;

  for (kind = E_CHECKLIST; kind < N_ELEMENTS; kind++)
    if (g_str_equal (element_names[kind], element))
      break;
  if (parent == E_ROOT && kind != E_CHECKLIST)
    {
      parse_error (error, context, 0, "the file must hold one <checklist>, not <%s>.", element);
      return;
    }
  if (kind == N_ELEMENTS)
    {
      parse_error (error, context, 0, "<%s> is not an element of the checklist.", element);
      return;
    }
  if (!element_allowed (p, parent, kind))
    {
      if (parent == E_ROOT)
        parse_error (error, context, 0, "the file must hold one <checklist>, not a second one.");
      else
        parse_error (error, context, 0, "<%s> does not belong inside <%s>.", element, element_names[parent]);
      return;
    }

  frame.kind = kind;
  frame.line = tag_line (context);
  switch (frame.kind)
    {
    case E_CHECKLIST: ok = start_checklist (p, names, values, &local_error); break;
    case E_PHASE: ok = start_phase (p, names, values, &frame, &local_error); break;
    case E_STEP: ok = start_step (p, names, values, &frame, &local_error); break;
    case E_FIELD: ok = start_field (p, names, values, &frame, &local_error); break;
    case E_OPTION: ok = start_option (p, names, values, &frame, &local_error); break;
    case E_DO_NOW: ok = start_do_now (p, names, values, &frame, &local_error); break;
    case E_BODY: ok = start_body (p, names, values, &local_error); break;
    case E_TITLE:
    case E_TEXT:
    case E_POINT:
    case E_LABEL:
    case E_HINT:
    case E_ITEM: ok = start_text (p, element, names, values, &frame, &local_error); break;
    case E_ROOT:
    case N_ELEMENTS:
    default: g_assert_not_reached ();
    }

  if (!ok)
    {
      /* GMarkup's own attribute errors come without a line. */
      if (local_error->domain != SONAE_ERROR)
        parse_error (error, context, frame.line, "%s", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      if (frame.buffer != NULL)
        g_string_free (frame.buffer, TRUE);
      return;
    }
  g_array_append_val (p->stack, frame);
}

/* Where the text of a <title>, <text>, <label> or <hint> goes. */
static char **
text_slot (Parser      *p,
           ElementKind  parent,
           ElementKind  kind)
{
  switch (kind)
    {
    case E_TITLE:
      if (parent == E_CHECKLIST)
        return &p->checklist->title;
      return parent == E_PHASE ? &p->phase->title : &p->step->title;
    case E_TEXT: return &p->step->text;
    case E_LABEL: return &p->field->label;
    case E_HINT: return &p->field->hint;
    case E_ROOT:
    case E_CHECKLIST:
    case E_PHASE:
    case E_STEP:
    case E_FIELD:
    case E_DO_NOW:
    case E_BODY:
    case E_POINT:
    case E_OPTION:
    case E_ITEM:
    case N_ELEMENTS:
    default: g_assert_not_reached ();
    }
}

static gboolean
end_text (Parser               *p,
          GMarkupParseContext  *context,
          Frame                *frame,
          ElementKind           parent,
          GError              **error)
{
  g_autofree char *text = sonae_checklist_translate (frame->buffer->str);
  char **slot;

  if (text == NULL)
    return parse_error (error, context, frame->line, "<%s> is empty.", element_names[frame->kind]);
  switch (frame->kind)
    {
    case E_POINT:
      g_ptr_array_add (p->step->points, g_steal_pointer (&text));
      return TRUE;
    case E_OPTION:
      frame->option->label = g_steal_pointer (&text);
      return TRUE;
    case E_ITEM:
      for (guint w = 0; w < N_WORDINGS; w++)
        if (frame->wordings[w])
          {
            g_ptr_array_add (p->items[w], g_strdup (text));
            g_ptr_array_add (p->item_roles[w], g_strdup (frame->role != NULL ? frame->role : ""));
            g_ptr_array_add (p->item_ids[w], g_strdup (frame->id));
          }
      return TRUE;
    case E_TITLE:
    case E_TEXT:
    case E_LABEL:
    case E_HINT:
      slot = text_slot (p, parent, frame->kind);
      if (*slot != NULL)
        return parse_error (error, context, frame->line, "a second <%s> inside <%s>.",
                            element_names[frame->kind], element_names[parent]);
      *slot = g_steal_pointer (&text);
      return TRUE;
    case E_ROOT:
    case E_CHECKLIST:
    case E_PHASE:
    case E_STEP:
    case E_FIELD:
    case E_DO_NOW:
    case E_BODY:
    case N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
end_frame (Parser               *p,
           GMarkupParseContext  *context,
           Frame                *frame,
           ElementKind           parent,
           GError              **error)
{
  if (frame->buffer != NULL)
    return end_text (p, context, frame, parent, error);

  switch (frame->kind)
    {
    case E_CHECKLIST:
      if (p->checklist->title == NULL)
        return parse_error (error, context, frame->line, "the checklist has no <title>.");
      break;
    case E_PHASE:
      if (p->phase->title == NULL)
        return parse_error (error, context, frame->line, "the phase “%s” has no <title>.", p->phase->id);
      if (p->phase->steps->len == 0)
        return parse_error (error, context, frame->line, "the phase “%s” has no steps.", p->phase->id);
      p->phase = NULL;
      break;
    case E_STEP:
      if (p->step->title == NULL)
        return parse_error (error, context, frame->line, "the step “%s” has no <title>.", p->step->id);
      p->step = NULL;
      break;
    case E_FIELD:
      if (p->field->label == NULL)
        return parse_error (error, context, frame->line, "the field “%s” has no <label>.", p->field->id);
      if ((p->field->kind == SONAE_FIELD_CHOICE || p->field->kind == SONAE_FIELD_MULTI) &&
          p->field->options->len == 0)
        return parse_error (error, context, frame->line, "the field “%s” is a choice without options.",
                            p->field->id);
      p->field = NULL;
      break;
    case E_DO_NOW:
      for (guint w = 0; w < N_WORDINGS; w++)
        {
          if (p->items[w]->len == 0)
            return parse_error (error, context, frame->line, "the “do now” steps for “%s” have no <item> for %s.",
                                sonae_incident_kind_to_string (p->do_now_type),
                                w == 0 ? "clinics" : "businesses");
          g_ptr_array_add (p->items[w], NULL);
          p->checklist->do_now[p->do_now_type][w] =
            (GStrv) g_ptr_array_free (g_steal_pointer (&p->items[w]), FALSE);
          g_ptr_array_add (p->item_roles[w], NULL);
          p->checklist->do_now_roles[p->do_now_type][w] =
            (GStrv) g_ptr_array_free (g_steal_pointer (&p->item_roles[w]), FALSE);
          g_ptr_array_add (p->item_ids[w], NULL);
          p->checklist->do_now_ids[p->do_now_type][w] =
            (GStrv) g_ptr_array_free (g_steal_pointer (&p->item_ids[w]), FALSE);
        }
      break;
    case E_BODY:
      break;
    case E_ROOT:
    case E_TITLE:
    case E_TEXT:
    case E_POINT:
    case E_LABEL:
    case E_HINT:
    case E_OPTION:
    case E_ITEM:
    case N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Parser *p = user_data;
  Frame frame = g_array_index (p->stack, Frame, p->stack->len - 1);
  ElementKind parent = g_array_index (p->stack, Frame, p->stack->len - 2).kind;

  g_array_set_size (p->stack, p->stack->len - 1);
  end_frame (p, context, &frame, parent, error);
  if (frame.buffer != NULL)
    g_string_free (frame.buffer, TRUE);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  Parser *p = user_data;
  Frame *frame = &g_array_index (p->stack, Frame, p->stack->len - 1);

  if (frame->buffer != NULL)
    {
      g_string_append_len (frame->buffer, text, len);
      return;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      {
        int line = 0;

        /* GMarkup is at the end of the text: count back to where it starts. */
        g_markup_parse_context_get_position (context, &line, NULL);
        for (gsize j = i; j < len; j++)
          line -= text[j] == '\n';
        parse_error (error, context, line, "text directly inside <%s>.", element_names[frame->kind]);
        return;
      }
}

static const GMarkupParser checklist_parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

/* Frees what the parser holds, also after an error in the middle. */
static void
parser_clear (Parser *p)
{
  for (guint i = 0; p->stack != NULL && i < p->stack->len; i++)
    if (g_array_index (p->stack, Frame, i).buffer != NULL)
      g_string_free (g_array_index (p->stack, Frame, i).buffer, TRUE);
  for (guint w = 0; w < N_WORDINGS; w++)
    {
      g_clear_pointer (&p->items[w], g_ptr_array_unref);
      g_clear_pointer (&p->item_roles[w], g_ptr_array_unref);
      g_clear_pointer (&p->item_ids[w], g_ptr_array_unref);
    }
  g_clear_pointer (&p->stack, g_array_unref);
  g_clear_pointer (&p->ids, g_hash_table_unref);
  g_clear_pointer (&p->context, g_markup_parse_context_free);
  g_clear_pointer (&p->checklist, sonae_checklist_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

/* Runs GMarkup over @xml; its own errors (not well-formed) become ours. */
static gboolean
parser_run (Parser      *p,
            const char  *xml,
            gssize       len,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_markup_parse_context_parse (p->context, xml, len, &local_error) &&
      g_markup_parse_context_end_parse (p->context, &local_error))
    return TRUE;
  if (local_error->domain == SONAE_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    /* Translators: %s is the XML parser's own message, with the line */
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The checklist is not well-formed XML: %s"),
                 local_error->message);
  return FALSE;
}

/* What a usable checklist needs, checked once the whole file is read. */
static gboolean
parser_check_complete (Parser  *p,
                       GError **error)
{
  if (!p->seen_root)
    return parse_error (error, NULL, 0, "the file holds no <checklist>.");
  if (p->checklist->phases->len == 0)
    return parse_error (error, NULL, 0, "the checklist has no phases.");
  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    if (p->checklist->do_now[t][0] == NULL)
      return parse_error (error, NULL, 0, "there are no “do now” steps for “%s” incidents.",
                          sonae_incident_kind_to_string (t));
  return TRUE;
}

SonaeChecklist *
sonae_checklist_load_from_data (const char  *xml,
                                gssize       len,
                                GError     **error)
{
  g_auto(Parser) p = { 0, };
  Frame root = { E_ROOT, };

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p.checklist = sonae_checklist_new_empty (TRUE);
  p.stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_append_val (p.stack, root);
  p.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.context = g_markup_parse_context_new (&checklist_parser, 0, &p, NULL);

  if (!parser_run (&p, xml, len, error) || !parser_check_complete (&p, error))
    return NULL;
  return g_steal_pointer (&p.checklist);
}

SonaeChecklist *
sonae_checklist_load (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data;

  /* Our own resource rather than the global list, as the manual does. */
  bytes = g_resource_lookup_data (sonae_content_get_resource (), SONAE_CHECKLIST_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("The bundled checklist is missing from this build of Sonae: %s"), local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  return sonae_checklist_load_from_data (data, size, error);
}

