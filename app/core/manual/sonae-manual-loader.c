/* sonae-manual-loader.c: load the bundled emergency manual with GMarkup
 * and check it completely: the parser's state, its callbacks, and what a
 * usable manual needs once the file is read. The model it fills is
 * sonae-manual.c. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sonae-manual-private.h"
#include "sonae-content-resources.h"
#include "sonae-error.h"
#include "sonae-manual.h"
#include "sonae-store-private.h"

static const struct {
  const char *id;
  SonaeManualSectionKind kind;
} section_ids[] = {
  { "principles", SONAE_MANUAL_SECTION_PRINCIPLES },
  { "organisation", SONAE_MANUAL_SECTION_ORGANISATION },
  { "levels", SONAE_MANUAL_SECTION_LEVELS },
  { "reporting", SONAE_MANUAL_SECTION_REPORTING },
  { "procedures", SONAE_MANUAL_SECTION_PROCEDURES },
  { "authorities", SONAE_MANUAL_SECTION_AUTHORITIES },
  { "continuity", SONAE_MANUAL_SECTION_CONTINUITY },
};

/* ------------------------------------------------------------------ */
/* The parser */

typedef enum {
  E_ROOT,
  E_MANUAL,
  E_SECTION,
  E_PARA,
  E_PRINCIPLE,
  E_ROLE,
  E_LEVEL,
  E_CHAIN,
  E_LINK,
  E_REPORT,
  E_INFORM,
  E_BODY,
  E_INCIDENT,
  E_PROCEDURE,
  E_STEP,
  E_TITLE,
  E_TEXT,
  N_ELEMENTS,
} ElementKind;

static const char *const element_names[N_ELEMENTS] = {
  "", "manual", "section", "para", "principle", "role", "level", "chain", "link",
  "report", "inform", "body", "incident", "procedure", "step", "title", "text",
};

typedef struct {
  ElementKind kind;
  int line;
  const char *id;                /* borrowed from the object, may be NULL */
  SonaeManualText **title_slot;  /* where a <title> child goes, or NULL */
  SonaeManualText **text_slot;   /* where a <text> child goes, or NULL */
  gpointer object;
  /* <title> and <text> */
  SonaeManualVariant variant;
  GString *buffer;
} Frame;

typedef struct {
  SonaeManual *manual;
  GArray *stack;                 /* of Frame */
  SonaeManualSection *section;   /* the open one */
  SonaeManualIncident *incident;
  SonaeManualProcedure *procedure;
  SonaeManualReport *report;
  int section_lines[G_N_ELEMENTS (section_ids)];
  int chain_line;
  int level_lines[SONAE_MANUAL_N_LEVELS];
  int report_lines[SONAE_MANUAL_N_LEVELS];
  int incident_lines[SONAE_N_INCIDENT_TYPES];
  int procedure_lines[SONAE_N_INCIDENT_TYPES][SONAE_MANUAL_N_LEVELS];
  gboolean seen_root;
} Parser;

/* The line of the tag just read. GMarkup reports the start of an element
 * only once it has seen the character after the '>', which is on the next
 * line when the tag ends a line. */
static int
current_line (GMarkupParseContext *context)
{
  int line = 0, column = 0;

  g_markup_parse_context_get_position (context, &line, &column);
  if (column == 1 && line > 1)
    line--;
  return line;
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError              **error,
      GMarkupParseContext  *context,
      int                   line,
      const char           *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (line == 0 && context != NULL)
    line = current_line (context);
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    /* Translators: an error in the bundled manual; %d is a line of the file, %s says what is wrong */
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The manual has an error on line %d: %s"), line, what);
  else
    g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The manual has an error: %s"), what);
  return FALSE;
}

static Frame *
top_frame (Parser *p)
{
  return &g_array_index (p->stack, Frame, p->stack->len - 1);
}

static gboolean
is_known_authority (const char *key)
{
  return sonae_authorities_is_builtin_key (key);
}

static gboolean
parse_level (const char *text,
             gboolean    allow_any,
             int        *out_level)
{
  if (allow_any && g_strcmp0 (text, "any") == 0)
    {
      *out_level = SONAE_MANUAL_ANY_LEVEL;
      return TRUE;
    }
  if (text != NULL && text[0] >= '0' && text[0] <= '3' && text[1] == '\0')
    {
      *out_level = text[0] - '0';
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_org (GMarkupParseContext  *context,
           const char           *org,
           SonaeManualVariant   *out_variant,
           GError              **error)
{
  if (org == NULL)
    *out_variant = SONAE_MANUAL_VARIANT_ALL;
  else if (g_str_equal (org, "clinic"))
    *out_variant = SONAE_MANUAL_VARIANT_CLINIC;
  else if (g_str_equal (org, "business"))
    *out_variant = SONAE_MANUAL_VARIANT_BUSINESS;
  else
    return fail (error, context, 0, "org=\"%s\" must be \"clinic\" or \"business\".", org);
  return TRUE;
}

static gboolean
check_role (GMarkupParseContext  *context,
            const char           *what,
            const char           *role_key,
            GError              **error)
{
  if (sonae_role_lookup (role_key) == NULL)
    return fail (error, context, 0, "%s names the role “%s”, which does not exist.", what, role_key);
  return TRUE;
}

static gboolean
claim_id (Parser               *p,
          GMarkupParseContext  *context,
          const char           *element,
          const char           *id,
          GError              **error)
{
  int line = current_line (context);
  gpointer first;

  if (id == NULL || *id == '\0')
    return fail (error, context, line, "<%s> has no id.", element);
  if (g_hash_table_lookup_extended (p->manual->ids, id, NULL, &first))
    return fail (error, context, line, "the id “%s” is used twice (first on line %d).", id, GPOINTER_TO_INT (first));
  g_hash_table_insert (p->manual->ids, g_strdup (id), GINT_TO_POINTER (line));
  return TRUE;
}

/* May @child appear inside the frame @parent? */
static gboolean
child_allowed (Parser      *p,
               Frame       *parent,
               ElementKind  child)
{
  switch (parent->kind)
    {
    case E_ROOT:
      return child == E_MANUAL && !p->seen_root;
    case E_MANUAL:
      return child == E_TITLE || child == E_SECTION;
    case E_SECTION:
      if (child == E_TITLE || child == E_PARA)
        return TRUE;
      switch (p->section->kind)
        {
        case SONAE_MANUAL_SECTION_PRINCIPLES: return child == E_PRINCIPLE;
        case SONAE_MANUAL_SECTION_ORGANISATION: return child == E_ROLE;
        case SONAE_MANUAL_SECTION_LEVELS: return child == E_LEVEL;
        case SONAE_MANUAL_SECTION_REPORTING: return child == E_CHAIN || child == E_REPORT;
        case SONAE_MANUAL_SECTION_PROCEDURES: return child == E_INCIDENT;
        case SONAE_MANUAL_SECTION_AUTHORITIES: return child == E_BODY;
        case SONAE_MANUAL_SECTION_CONTINUITY: return child == E_STEP;
        case SONAE_MANUAL_SECTION_GENERIC:
        default: return FALSE;
        }
    case E_CHAIN:
      return child == E_LINK;
    case E_REPORT:
      return child == E_TEXT || child == E_INFORM || child == E_BODY;
    case E_INCIDENT:
      return child == E_TITLE || child == E_TEXT || child == E_PROCEDURE;
    case E_PROCEDURE:
      return child == E_TITLE || child == E_TEXT || child == E_STEP;
    case E_PARA:
    case E_ROLE:
    case E_BODY:
      return child == E_TEXT;
    case E_PRINCIPLE:
    case E_LEVEL:
    case E_STEP:
      return child == E_TITLE || child == E_TEXT;
    case E_LINK:
    case E_INFORM:
    case E_TITLE:
    case E_TEXT:
    case N_ELEMENTS:
    default:
      return FALSE;
    }
}

static gboolean
start_manual (Parser               *p,
              GMarkupParseContext  *context,
              const char          **names,
              const char          **values,
              Frame                *frame,
              GError              **error)
{
  const char *version = NULL;
  guint64 v = 0;

  if (!g_markup_collect_attributes ("manual", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "version", &version,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXINT, &v, NULL))
    return fail (error, context, 0, "version=\"%s\" must be a whole number from 1 up.", version);
  p->seen_root = TRUE;
  p->manual->version = (int) v;
  frame->title_slot = &p->manual->title;
  return TRUE;
}

static gboolean
start_section (Parser               *p,
               GMarkupParseContext  *context,
               const char          **names,
               const char          **values,
               Frame                *frame,
               GError              **error)
{
  const char *id = NULL;
  SonaeManualSection *s;

  if (!g_markup_collect_attributes ("section", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "section", id, error))
    return FALSE;

  s = g_new0 (SonaeManualSection, 1);
  s->id = g_strdup (id);
  s->kind = SONAE_MANUAL_SECTION_GENERIC;
  s->paras = g_ptr_array_new_with_free_func (sonae_manual_para_free);
  for (guint i = 0; i < G_N_ELEMENTS (section_ids); i++)
    if (g_str_equal (section_ids[i].id, id))
      {
        s->kind = section_ids[i].kind;
        p->section_lines[i] = frame->line;
      }
  g_ptr_array_add (p->manual->sections, s);
  p->section = s;
  frame->object = s;
  frame->id = s->id;
  frame->title_slot = &s->title;
  return TRUE;
}

/* The elements that only carry an id and texts: para, principle. */
static gboolean
start_para (Parser               *p,
            GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            Frame                *frame,
            GError              **error)
{
  const char *id = NULL;

  if (!g_markup_collect_attributes (element, names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, element, id, error))
    return FALSE;

  if (frame->kind == E_PARA)
    {
      SonaeManualPara *para = g_new0 (SonaeManualPara, 1);

      para->id = g_strdup (id);
      g_ptr_array_add (p->section->paras, para);
      frame->object = para;
      frame->id = para->id;
      frame->text_slot = &para->text;
    }
  else
    {
      SonaeManualPrinciple *pr = g_new0 (SonaeManualPrinciple, 1);

      pr->id = g_strdup (id);
      g_ptr_array_add (p->manual->principles, pr);
      frame->object = pr;
      frame->id = pr->id;
      frame->title_slot = &pr->title;
      frame->text_slot = &pr->text;
    }
  return TRUE;
}

static gboolean
start_role (Parser               *p,
            GMarkupParseContext  *context,
            const char          **names,
            const char          **values,
            Frame                *frame,
            GError              **error)
{
  const char *id = NULL, *ref = NULL, *kind = NULL;
  SonaeManualRole *r;

  if (!g_markup_collect_attributes ("role", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "ref", &ref,
                                    G_MARKUP_COLLECT_STRING, "kind", &kind,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "role", id, error) ||
      !check_role (context, "<role>", ref, error))
    return FALSE;
  if (!g_str_equal (kind, "response") && !g_str_equal (kind, "other"))
    return fail (error, context, 0, "kind=\"%s\" must be \"response\" or \"other\".", kind);

  r = g_new0 (SonaeManualRole, 1);
  r->id = g_strdup (id);
  r->role_key = g_strdup (ref);
  r->response_role = g_str_equal (kind, "response");
  g_ptr_array_add (p->manual->roles, r);
  frame->object = r;
  frame->id = r->id;
  frame->text_slot = &r->text;
  return TRUE;
}

static gboolean
start_level (Parser               *p,
             GMarkupParseContext  *context,
             const char          **names,
             const char          **values,
             Frame                *frame,
             GError              **error)
{
  const char *id = NULL, *value = NULL, *responder = NULL;
  SonaeManualLevel *l;
  int level;

  if (!g_markup_collect_attributes ("level", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "value", &value,
                                    G_MARKUP_COLLECT_STRING, "responder", &responder,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "level", id, error))
    return FALSE;
  if (!parse_level (value, FALSE, &level))
    return fail (error, context, 0, "value=\"%s\" is not a damage level (0 to 3).", value);
  if (p->manual->levels[level] != NULL)
    return fail (error, context, 0, "damage level %d is described twice (first on line %d).",
                 level, p->level_lines[level]);
  if (!check_role (context, "<level>", responder, error))
    return FALSE;

  l = g_new0 (SonaeManualLevel, 1);
  l->id = g_strdup (id);
  l->level = level;
  l->responder_key = g_strdup (responder);
  p->manual->levels[level] = l;
  p->level_lines[level] = frame->line;
  frame->object = l;
  frame->id = l->id;
  frame->title_slot = &l->title;
  frame->text_slot = &l->text;
  return TRUE;
}

static gboolean
start_chain (Parser               *p,
             GMarkupParseContext  *context,
             const char          **names,
             const char          **values,
             Frame                *frame,
             GError              **error)
{
  const char *id = NULL;

  if (!g_markup_collect_attributes ("chain", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "chain", id, error))
    return FALSE;
  if (p->chain_line != 0)
    return fail (error, context, 0, "there is a second contact chain (the first is on line %d).", p->chain_line);
  p->chain_line = frame->line;
  return TRUE;
}

/* <link role> in the chain, <inform role> in a report. */
static gboolean
start_role_ref (Parser               *p,
                GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                GError              **error)
{
  g_autofree char *what = g_strdup_printf ("<%s>", element);
  const char *role = NULL;
  GPtrArray *list = g_str_equal (element, "link") ? p->manual->chain : p->report->inform_keys;

  if (!g_markup_collect_attributes (element, names, values, error,
                                    G_MARKUP_COLLECT_STRING, "role", &role,
                                    G_MARKUP_COLLECT_INVALID) ||
      !check_role (context, what, role, error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), role))
      return fail (error, context, 0, "the role “%s” is listed twice.", role);
  g_ptr_array_add (list, g_strdup (role));
  return TRUE;
}

static gboolean
start_report (Parser               *p,
              GMarkupParseContext  *context,
              const char          **names,
              const char          **values,
              Frame                *frame,
              GError              **error)
{
  const char *id = NULL, *value = NULL, *severity = NULL;
  SonaeManualReport *r;
  int level;

  if (!g_markup_collect_attributes ("report", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "level", &value,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "severity", &severity,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "report", id, error))
    return FALSE;
  if (!parse_level (value, FALSE, &level))
    return fail (error, context, 0, "level=\"%s\" is not a damage level (0 to 3).", value);
  if (p->manual->reports[level] != NULL)
    return fail (error, context, 0, "the reporting for damage level %d is written twice (first on line %d).",
                 level, p->report_lines[level]);
  if (severity != NULL && !g_str_equal (severity, "major") && !g_str_equal (severity, "medium") &&
      !g_str_equal (severity, "minor"))
    return fail (error, context, 0, "severity=\"%s\" must be \"major\", \"medium\" or \"minor\".", severity);

  r = g_new0 (SonaeManualReport, 1);
  r->id = g_strdup (id);
  r->level = level;
  r->severity = g_strdup (severity);
  r->inform_keys = g_ptr_array_new_with_free_func (g_free);
  r->bodies = g_ptr_array_new_with_free_func (sonae_manual_body_free);
  p->manual->reports[level] = r;
  p->report_lines[level] = frame->line;
  p->report = r;
  frame->object = r;
  frame->id = r->id;
  frame->text_slot = &r->text;
  return TRUE;
}

static gboolean
start_body (Parser               *p,
            GMarkupParseContext  *context,
            const char          **names,
            const char          **values,
            Frame                *frame,
            GError              **error)
{
  const char *id = NULL, *ref = NULL, *org = NULL, *optional = NULL;
  SonaeManualVariant variant;
  SonaeManualBody *b;
  GPtrArray *list;

  if (!g_markup_collect_attributes ("body", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "ref", &ref,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "org", &org,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "optional", &optional,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "body", id, error) ||
      !parse_org (context, org, &variant, error))
    return FALSE;
  if (!is_known_authority (ref))
    return fail (error, context, 0, "“%s” is not one of the bundled authorities.", ref);
  if (optional != NULL && !g_str_equal (optional, "yes") && !g_str_equal (optional, "no"))
    return fail (error, context, 0, "optional=\"%s\" must be \"yes\" or \"no\".", optional);

  list = top_frame (p)->kind == E_REPORT ? p->report->bodies : p->manual->authorities;
  for (guint i = 0; i < list->len; i++)
    {
      SonaeManualBody *other = g_ptr_array_index (list, i);

      if (g_str_equal (other->authority_key, ref) &&
          (other->org == variant || other->org == SONAE_MANUAL_VARIANT_ALL || variant == SONAE_MANUAL_VARIANT_ALL))
        return fail (error, context, 0, "the authority “%s” is listed twice.", ref);
    }

  b = g_new0 (SonaeManualBody, 1);
  b->id = g_strdup (id);
  b->authority_key = g_strdup (ref);
  b->org = variant;
  b->optional = g_strcmp0 (optional, "yes") == 0;
  g_ptr_array_add (list, b);
  frame->object = b;
  frame->id = b->id;
  frame->text_slot = &b->text;
  return TRUE;
}

static gboolean
start_incident (Parser               *p,
                GMarkupParseContext  *context,
                const char          **names,
                const char          **values,
                Frame                *frame,
                GError              **error)
{
  const char *id = NULL, *type = NULL;
  SonaeIncidentType t;
  SonaeManualIncident *i;

  if (!g_markup_collect_attributes ("incident", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "type", &type,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "incident", id, error))
    return FALSE;
  if (!sonae_incident_type_from_string (type, &t))
    return fail (error, context, 0, "type=\"%s\" must be \"leak\", \"tamper\" or \"malware\".", type);
  if (p->incident_lines[t] != 0)
    return fail (error, context, 0, "the incident type “%s” is written twice (first on line %d).",
                 type, p->incident_lines[t]);

  i = g_new0 (SonaeManualIncident, 1);
  i->id = g_strdup (id);
  i->type = t;
  i->procedures = g_ptr_array_new_with_free_func (sonae_manual_procedure_free);
  g_ptr_array_add (p->manual->incidents, i);
  p->incident_lines[t] = frame->line;
  p->incident = i;
  frame->object = i;
  frame->id = i->id;
  frame->title_slot = &i->title;
  frame->text_slot = &i->text;
  return TRUE;
}

static gboolean
start_procedure (Parser               *p,
                 GMarkupParseContext  *context,
                 const char          **names,
                 const char          **values,
                 Frame                *frame,
                 GError              **error)
{
  const char *id = NULL, *value = NULL;
  SonaeManualProcedure *proc;
  int level;

  if (!g_markup_collect_attributes ("procedure", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "level", &value,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "procedure", id, error))
    return FALSE;
  if (!parse_level (value, TRUE, &level))
    return fail (error, context, 0, "level=\"%s\" is not a damage level (0 to 3, or \"any\").", value);
  if (level != SONAE_MANUAL_ANY_LEVEL)
    {
      int *first = &p->procedure_lines[p->incident->type][level];

      if (*first != 0)
        return fail (error, context, 0, "the procedure for damage level %d is written twice (first on line %d).",
                     level, *first);
      *first = frame->line;
    }

  proc = g_new0 (SonaeManualProcedure, 1);
  proc->id = g_strdup (id);
  proc->type = p->incident->type;
  proc->level = level;
  proc->steps = g_ptr_array_new_with_free_func (sonae_manual_step_free);
  g_ptr_array_add (p->incident->procedures, proc);
  p->procedure = proc;
  frame->object = proc;
  frame->id = proc->id;
  frame->title_slot = &proc->title;
  frame->text_slot = &proc->text;
  return TRUE;
}

static gboolean
start_step (Parser               *p,
            GMarkupParseContext  *context,
            const char          **names,
            const char          **values,
            Frame                *frame,
            GError              **error)
{
  const char *id = NULL, *role = NULL;
  gboolean in_procedure = top_frame (p)->kind == E_PROCEDURE;
  SonaeManualStep *s;

  if (!g_markup_collect_attributes ("step", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "role", &role,
                                    G_MARKUP_COLLECT_INVALID) ||
      !claim_id (p, context, "step", id, error))
    return FALSE;
  if (role == NULL && in_procedure)
    return fail (error, context, 0, "the step “%s” does not say which role does it.", id);
  if (role != NULL)
    {
      g_autofree char *what = g_strdup_printf ("The step “%s”", id);

      if (!check_role (context, what, role, error))
        return FALSE;
    }

  s = g_new0 (SonaeManualStep, 1);
  s->id = g_strdup (id);
  s->role_key = g_strdup (role);
  g_ptr_array_add (in_procedure ? p->procedure->steps : p->manual->continuity, s);
  g_hash_table_insert (p->manual->steps, s->id, s);
  frame->object = s;
  frame->id = s->id;
  frame->title_slot = &s->title;
  frame->text_slot = &s->text;
  return TRUE;
}

static gboolean
start_text (Parser               *p,
            GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            Frame                *frame,
            GError              **error)
{
  const char *org = NULL;

  if (!g_markup_collect_attributes (element, names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "org", &org,
                                    G_MARKUP_COLLECT_INVALID) ||
      !parse_org (context, org, &frame->variant, error))
    return FALSE;
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
  Frame *parent = top_frame (p);
  Frame frame = { 0, };
  GError *local_error = NULL;
  gboolean ok = FALSE;
  guint kind;

  for (kind = E_MANUAL; kind < N_ELEMENTS; kind++)
    if (g_str_equal (element_names[kind], element))
      break;
  if (parent->kind == E_ROOT && kind != E_MANUAL)
    {
      fail (error, context, 0, "the file must hold one <manual>, not <%s>.", element);
      return;
    }
  if (kind == N_ELEMENTS)
    {
      fail (error, context, 0, "<%s> is not an element of the manual.", element);
      return;
    }
  if (!child_allowed (p, parent, kind))
    {
      if (parent->kind == E_ROOT)
        fail (error, context, 0, "the file must hold one <manual>, not <%s>.", element);
      else if (parent->kind == E_SECTION)
        fail (error, context, 0, "<%s> does not belong in the section “%s”.", element, p->section->id);
      else
        fail (error, context, 0, "<%s> does not belong inside <%s>.", element, element_names[parent->kind]);
      return;
    }

  frame.kind = kind;
  frame.line = current_line (context);
  switch (frame.kind)
    {
    case E_MANUAL: ok = start_manual (p, context, names, values, &frame, &local_error); break;
    case E_SECTION: ok = start_section (p, context, names, values, &frame, &local_error); break;
    case E_PARA:
    case E_PRINCIPLE: ok = start_para (p, context, element, names, values, &frame, &local_error); break;
    case E_ROLE: ok = start_role (p, context, names, values, &frame, &local_error); break;
    case E_LEVEL: ok = start_level (p, context, names, values, &frame, &local_error); break;
    case E_CHAIN: ok = start_chain (p, context, names, values, &frame, &local_error); break;
    case E_LINK:
    case E_INFORM: ok = start_role_ref (p, context, element, names, values, &local_error); break;
    case E_REPORT: ok = start_report (p, context, names, values, &frame, &local_error); break;
    case E_BODY: ok = start_body (p, context, names, values, &frame, &local_error); break;
    case E_INCIDENT: ok = start_incident (p, context, names, values, &frame, &local_error); break;
    case E_PROCEDURE: ok = start_procedure (p, context, names, values, &frame, &local_error); break;
    case E_STEP: ok = start_step (p, context, names, values, &frame, &local_error); break;
    case E_TITLE:
    case E_TEXT: ok = start_text (p, context, element, names, values, &frame, &local_error); break;
    case E_ROOT:
    case N_ELEMENTS:
    default: g_assert_not_reached ();
    }

  if (!ok)
    {
      /* GMarkup's own attribute errors come without a line. */
      if (local_error->domain != SONAE_ERROR)
        fail (error, context, frame.line, "%s", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      g_clear_error (&local_error);
      if (frame.buffer)
        g_string_free (frame.buffer, TRUE);
      return;
    }
  g_array_append_val (p->stack, frame);
}

static gboolean
store_text (Parser               *p,
            GMarkupParseContext  *context,
            Frame                *frame,
            Frame                *parent,
            GError              **error)
{
  SonaeManualText **slot = frame->kind == E_TITLE ? parent->title_slot : parent->text_slot;
  g_autofree char *source = sonae_manual_normalize_space (frame->buffer->str);
  const char *element = element_names[frame->kind];

  if (*source == '\0')
    return fail (error, context, frame->line, "<%s> is empty.", element);
  if (*slot == NULL)
    *slot = g_new0 (SonaeManualText, 1);
  if ((*slot)->source[frame->variant] != NULL)
    return fail (error, context, frame->line,
                 "a second <%s> for the same organisations; mark the wordings org=\"clinic\" and org=\"business\".",
                 element);
  (*slot)->text[frame->variant] = sonae_manual_translate (source);
  (*slot)->source[frame->variant] = g_steal_pointer (&source);
  return TRUE;
}

/* Both wordings, or one for everyone. */
static gboolean
check_text_complete (GMarkupParseContext  *context,
                     Frame                *frame,
                     SonaeManualText      *text,
                     const char           *what,
                     gboolean              required,
                     GError              **error)
{
  const char *where = frame->id ? frame->id : element_names[frame->kind];

  if (text == NULL)
    {
      if (required)
        return fail (error, context, frame->line, "“%s” has no <%s>.", where, what);
      return TRUE;
    }
  if (text->source[SONAE_MANUAL_VARIANT_ALL] != NULL)
    return TRUE;
  if (text->source[SONAE_MANUAL_VARIANT_CLINIC] == NULL)
    return fail (error, context, frame->line, "the <%s> of “%s” has a wording for businesses but none for clinics.",
                 what, where);
  if (text->source[SONAE_MANUAL_VARIANT_BUSINESS] == NULL)
    return fail (error, context, frame->line, "the <%s> of “%s” has a wording for clinics but none for businesses.",
                 what, where);
  return TRUE;
}

static gboolean
end_frame (Parser               *p,
           GMarkupParseContext  *context,
           Frame                *frame,
           GError              **error)
{
  gboolean title_required = FALSE;
  gboolean text_required = FALSE;

  switch (frame->kind)
    {
    case E_TITLE:
    case E_TEXT:
      return store_text (p, context, frame, &g_array_index (p->stack, Frame, p->stack->len - 2), error);
    case E_MANUAL:
    case E_SECTION:
    case E_INCIDENT:
      title_required = TRUE;
      break;
    case E_LEVEL:
    case E_PRINCIPLE:
      title_required = text_required = TRUE;
      break;
    case E_PARA:
    case E_ROLE:
    case E_STEP:
      text_required = TRUE;
      break;
    case E_PROCEDURE:
      if (((SonaeManualProcedure *) frame->object)->steps->len == 0)
        return fail (error, context, frame->line, "the procedure “%s” has no steps.", frame->id);
      break;
    case E_CHAIN:
      if (p->manual->chain->len == 0)
        return fail (error, context, frame->line, "the contact chain names no roles.");
      break;
    case E_ROOT:
    case E_LINK:
    case E_REPORT:
    case E_INFORM:
    case E_BODY:
    case N_ELEMENTS:
    default:
      break;
    }

  if (frame->title_slot && !check_text_complete (context, frame, *frame->title_slot, "title", title_required, error))
    return FALSE;
  if (frame->text_slot && !check_text_complete (context, frame, *frame->text_slot, "text", text_required, error))
    return FALSE;
  return TRUE;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Parser *p = user_data;
  Frame frame = *top_frame (p);
  gboolean ok;

  ok = end_frame (p, context, &frame, error);
  if (frame.buffer)
    g_string_free (frame.buffer, TRUE);
  g_array_set_size (p->stack, p->stack->len - 1);
  if (!ok)
    return;

  if (frame.kind == E_SECTION)
    p->section = NULL;
  else if (frame.kind == E_INCIDENT)
    p->incident = NULL;
  else if (frame.kind == E_PROCEDURE)
    p->procedure = NULL;
  else if (frame.kind == E_REPORT)
    p->report = NULL;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  Parser *p = user_data;
  Frame *frame = top_frame (p);

  if (frame->buffer != NULL)
    {
      g_string_append_len (frame->buffer, text, len);
      return;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      {
        fail (error, context, 0, "text outside <title> or <text>.");
        return;
      }
}

static const GMarkupParser manual_parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

/* What a usable manual needs, checked once the file is read. */
static gboolean
check_complete (Parser  *p,
                GError **error)
{
  SonaeManual *m = p->manual;
  int levels_line, reporting_line, procedures_line;

  for (guint i = 0; i < G_N_ELEMENTS (section_ids); i++)
    if (p->section_lines[i] == 0)
      return fail (error, NULL, 0, "there is no section “%s”.", section_ids[i].id);

  levels_line = p->section_lines[2];
  reporting_line = p->section_lines[3];
  procedures_line = p->section_lines[4];
  for (int l = 0; l < SONAE_MANUAL_N_LEVELS; l++)
    {
      if (m->levels[l] == NULL)
        return fail (error, NULL, levels_line, "the section “levels” does not describe damage level %d.", l);
      if (m->reports[l] == NULL)
        return fail (error, NULL, reporting_line, "the section “reporting” says nothing about damage level %d.", l);
    }
  if (m->chain->len == 0)
    return fail (error, NULL, reporting_line, "the section “reporting” has no contact chain.");
  for (guint t = 0; t < SONAE_N_INCIDENT_TYPES; t++)
    {
      const SonaeManualIncident *incident = sonae_manual_get_incident (m, t);

      if (incident == NULL)
        return fail (error, NULL, procedures_line, "there is no procedure for “%s” incidents.",
                     sonae_incident_type_to_string (t));
      if (incident->procedures->len == 0)
        return fail (error, NULL, p->incident_lines[t], "the incident “%s” has no procedure.", incident->id);
    }
  return TRUE;
}

SonaeManual *
sonae_manual_load_from_data (const char  *xml,
                             gssize       len,
                             GError     **error)
{
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GError) local_error = NULL;
  Parser p = { 0, };
  Frame root = { E_ROOT, };
  gboolean ok;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  manual = sonae_manual_new ();
  stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_append_val (stack, root);
  p.manual = manual;
  p.stack = stack;

  context = g_markup_parse_context_new (&manual_parser, 0, &p, NULL);
  ok = g_markup_parse_context_parse (context, xml, len, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);

  /* Drop what an error left open. */
  for (guint i = 1; i < stack->len; i++)
    {
      Frame *f = &g_array_index (stack, Frame, i);

      if (f->buffer)
        g_string_free (f->buffer, TRUE);
    }

  if (!ok)
    {
      if (local_error->domain == SONAE_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        /* Translators: %s is the XML parser's own message, with the line */
        g_set_error (error, SONAE_ERROR, SONAE_ERROR_PARSE, _("The manual is not well-formed XML: %s"),
                     local_error->message);
      return NULL;
    }
  if (!p.seen_root)
    {
      fail (error, NULL, 0, "the file holds no <manual>.");
      return NULL;
    }
  if (!check_complete (&p, error))
    return NULL;
  return g_steal_pointer (&manual);
}

SonaeManual *
sonae_manual_load (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  /* Looked up in our own resource, not the global list: this keeps the
   * resource's object file linked in from the static library. */
  bytes = g_resource_lookup_data (sonae_content_get_resource (), SONAE_MANUAL_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("The bundled manual is missing from this build of Sonae: %s"), local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  return sonae_manual_load_from_data (data, size, error);
}

SonaeManual *
sonae_manual_get_bundled (GError **error)
{
  static GMutex lock;
  static SonaeManual *bundled;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (bundled == NULL)
    {
      bundled = sonae_manual_load (error);
      if (bundled == NULL)
        return NULL;
      bundled->shared = TRUE;
    }
  return sonae_manual_ref (bundled);
}
