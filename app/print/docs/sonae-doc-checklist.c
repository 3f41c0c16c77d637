/* sonae-doc-checklist.c: the incident checklist on paper.
 *
 * Blank, it hangs on the wall and stands in the binder, for the day the
 * computers are down: each step with a box to tick, the time and who did
 * it, and the boxes and lines to write what the step asks for. A clinic or
 * a hospital gets the four-phase medical checklist. A business (a pharmacy
 * too: sonae_org_kind_is_medical())
 * has no single checklist (its checklist is the manual's procedure for the
 * incident's type and level), so its blank checklist holds the manual's
 * level-3 procedure of each incident type, the fullest one: at a lower
 * level the steps that do not apply are simply left unticked.
 *
 * Filled, it is the record of one incident's checklist run: every step
 * ticked, marked not applicable or still open, when and by whom, and what
 * was entered in its fields; a step still open keeps the blank's box, lines
 * and empty fields, so that the work can go on by hand when the computers
 * stop.
 *
 * A step that names outside bodies (2-7, 2-13, 2-18) lists them with their
 * telephone numbers from the contact list, or a line to write one on: with
 * the network down, a website is of no use. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-checklist.h"
#include "sonae-contacts.h"
#include "sonae-docs.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-role.h"
#include "sonae-timeline.h"

/* Where a step's fields start: under the step's text, past its box. */
#define FIELD_INDENT 20.0
/* A one-line field's box and a text field's box, in points. */
#define FIELD_LINE   30.0
#define FIELD_TEXT   52.0
/* A phase with more steps than this is not kept on one sheet. */
#define LONG_PHASE   4
/* The level whose procedures a business's blank checklist shows. */
#define BUSINESS_LEVEL 3
/* An empty box in a line of text, to tick by hand, as large as the
 * check boxes of the options. */
#define BOX "<span size=\"large\">\u25a1</span>"
/* A body's row: room to write a number under the note that none is known. */
#define BODY_ROW     40.0

static const char *
text_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
cell_label (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                  (int) (8 * PANGO_SCALE), text);
}

/* “1-1  Detecting something wrong   Role” in bold, the role in grey. */
static void
append_step_title (GString                  *out,
                   const SonaeChecklistStep *step)
{
  const char *title = step->title != NULL && *step->title != '\0' ? step->title : step->text;
  g_autofree char *line = g_markup_printf_escaped ("<span size=\"large\"><b>%s\u2002%s</b></span>", step->number, text_or_empty (title));

  g_string_append (out, line);
  if (step->role_key != NULL && sonae_role_get_name (step->role_key) != NULL)
    {
      g_autofree char *role = g_markup_printf_escaped ("\u2003<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                                       sonae_role_get_name (step->role_key));

      g_string_append (out, role);
    }
}

/* The step's title, its text and its ✓ points, small. */
static char *
step_markup (const SonaeChecklistStep *step)
{
  GString *out = g_string_new (NULL);
  gboolean has_title = step->title != NULL && *step->title != '\0';

  append_step_title (out, step);
  if (has_title && step->text != NULL && *step->text != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped ("\n<span size=\"small\">%s</span>", step->text);

      g_string_append (out, text);
    }
  for (guint i = 0; step->points != NULL && i < step->points->len; i++)
    {
      g_autofree char *point = g_markup_printf_escaped ("\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">\u2713 %s</span>",
                                                        (const char *) g_ptr_array_index (step->points, i));

      g_string_append (out, point);
    }
  return g_string_free (out, FALSE);
}

static gboolean
field_has_option (const SonaeChecklistField *field,
                  const char                *id)
{
  for (guint i = 0; field->options != NULL && i < field->options->len; i++)
    {
      SonaeChecklistOption *o = g_ptr_array_index (field->options, i);

      if (g_strcmp0 (o->id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_short_field (const SonaeChecklistField *field)
{
  return field->kind == SONAE_FIELD_LINE || field->kind == SONAE_FIELD_DATETIME;
}

/* The blank fields of a step: choices as boxes to tick, the rest as boxes
 * to write in, two short ones side by side. With @incident, only those
 * still empty in it. */
static void
add_blank_fields (SonaeDocument            *doc,
                  const SonaeChecklistStep *step,
                  const SonaeIncident      *incident)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  for (guint i = 0; step->fields != NULL && i < step->fields->len; i++)
    {
      const SonaeChecklistField *field = g_ptr_array_index (step->fields, i);
      const char *value = incident != NULL ? sonae_incident_get_field_value (incident, step, field) : NULL;

      if (value == NULL || *value == '\0')
        g_ptr_array_add (fields, (gpointer) field);
    }
  if (fields->len == 0)
    return;

  sonae_document_set_indent (doc, FIELD_INDENT);
  for (guint i = 0; i < fields->len; i++)
    {
      const SonaeChecklistField *field = g_ptr_array_index (fields, i);
      const SonaeChecklistField *next = i + 1 < fields->len ? g_ptr_array_index (fields, i + 1) : NULL;

      switch (field->kind)
        {
        case SONAE_FIELD_CHOICE:
        case SONAE_FIELD_MULTI:
          {
            g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
            g_autofree char *label = NULL;

            for (guint k = 0; k < field->options->len; k++)
              {
                SonaeChecklistOption *o = g_ptr_array_index (field->options, k);

                g_ptr_array_add (options, g_markup_escape_text (o->label, -1));
              }
            g_ptr_array_add (options, NULL);
            label = g_markup_printf_escaped ("%s\u2002<span size=\"small\">%s</span>", field->label,
                                             field->kind == SONAE_FIELD_CHOICE ? _("(tick one)") : _("(tick all that apply)"));
            sonae_document_add_options (doc, label, (const char *const *) options->pdata);
            /* What decides the answer, where the field says (2-10's
             * reports): on paper there is nobody to ask. */
            if (field->hint != NULL)
              {
                g_autofree char *hint = cell_label (field->hint);

                sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, hint);
              }
            /* Room to say what “other” was, unless a text field follows for it. */
            if (field_has_option (field, "other") && (next == NULL || next->kind != SONAE_FIELD_TEXT))
              {
                g_autofree char *other = cell_label (_("Other:"));
                const char *cells[] = { other };

                sonae_document_add_form_table (doc, 1, NULL, NULL, FIELD_LINE);
                sonae_document_add_row (doc, cells);
              }
          }
          break;

        case SONAE_FIELD_LINE:
        case SONAE_FIELD_DATETIME:
          {
            static const double halves[] = { 0.5, 0.5 };
            g_autofree char *first = cell_label (field->label);
            g_autofree char *second = NULL;

            if (next != NULL && is_short_field (next))
              {
                second = cell_label (next->label);
                i++;
              }
            {
              const char *cells[] = { first, second };

              sonae_document_add_form_table (doc, 2, halves, NULL, FIELD_LINE);
              sonae_document_add_row (doc, cells);
            }
          }
          break;

        case SONAE_FIELD_TEXT:
        default:
          {
            g_autofree char *label = cell_label (field->label);
            const char *cells[] = { label };

            sonae_document_add_form_table (doc, 1, NULL, NULL, FIELD_TEXT);
            sonae_document_add_row (doc, cells);
          }
          break;
        }
    }
  sonae_document_set_indent (doc, 0);
}

/* The contact of @authority_key in @authorities (of SonaeContact), as an
 * organisation of @kind has it; NULL when it is not in the contact list. */
static SonaeContact *
find_authority (GPtrArray    *authorities,
                const char   *authority_key,
                SonaeOrgKind  kind)
{
  const char *key = sonae_contacts_authority_for_kind (authority_key, kind);

  for (guint i = 0; authorities != NULL && i < authorities->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (authorities, i);

      if (g_strcmp0 (c->builtin_key, key) == 0)
        return c;
    }
  return NULL;
}

/* The outside bodies a step tells to contact, each with its telephone
 * numbers, or a line to write one on by hand. */
static void
add_bodies (SonaeDocument            *doc,
            const SonaeChecklistStep *step,
            GPtrArray                *authorities,
            SonaeOrgKind              kind)
{
  static const double widths[] = { 0.5, 0.5 };

  if (step->bodies == NULL || step->bodies->len == 0)
    return;

  sonae_document_set_indent (doc, FIELD_INDENT);
  {
    g_autofree char *label = cell_label (_("Whom to call (numbers from the contact list):"));

    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, label);
  }
  sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, BODY_ROW);
  for (guint i = 0; i < step->bodies->len; i++)
    {
      const char *key = g_ptr_array_index (step->bodies, i);
      SonaeContact *contact = find_authority (authorities, key, kind);
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", contact ? sonae_contact_get_display_name (contact) : key);
      g_autofree char *phones = contact ? sonae_doc_phones_markup (contact, TRUE) : g_strdup ("");
      g_autofree char *number = NULL;

      if (*phones != '\0')
        number = g_steal_pointer (&phones);
      else
        number = cell_label (_("No telephone number in the contact list: write it here"));
      {
        const char *cells[] = { name, number };

        sonae_document_add_row (doc, cells);
      }
    }
  sonae_document_set_indent (doc, 0);
}

/* The right column of a step still open: a box for “not applicable”, above
 * the lines for the time and who (sonae_document_add_check_box); on a
 * filled checklist (@not_done) under “Not done”. */
static char *
open_side_markup (gboolean not_done)
{
  g_autofree char *label = g_markup_escape_text (_("Not applicable"), -1);
  g_autofree char *na = g_strdup_printf ("%s %s", BOX, label);
  g_autofree char *not_done_text = NULL;

  if (!not_done)
    return g_steal_pointer (&na);
  not_done_text = g_markup_escape_text (_("Not done"), -1);
  return g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>\n%s", not_done_text, na);
}

static void
add_blank_step (SonaeDocument            *doc,
                const SonaeChecklistStep *step,
                const char               *heading_number,   /* NULL: no heading */
                const char               *heading,
                GPtrArray                *authorities,
                SonaeOrgKind              kind)
{
  const char *write_ins[] = { _("Time"), _("Who"), NULL };
  g_autofree char *markup = step_markup (step);
  g_autofree char *side = open_side_markup (FALSE);

  /* The step stays on one sheet with its fields, and a phase's heading
   * with its first step. */
  sonae_document_begin_group (doc);
  if (heading != NULL)
    sonae_document_add_heading (doc, heading_number, heading);
  sonae_document_add_check_box (doc, FALSE, markup, side, write_ins);
  add_blank_fields (doc, step, NULL);
  add_bodies (doc, step, authorities, kind);
  sonae_document_end_group (doc);
}

/* A phase's own title and, when it has one, when it applies. */
static void
add_phase_intro (SonaeDocument             *doc,
                 const SonaeChecklistPhase *phase)
{
  g_autofree char *title = g_markup_escape_text (phase->title, -1);

  sonae_document_add_paragraph (doc, SONAE_STYLE_BOLD, title);
  if (phase->text != NULL)
    {
      g_autofree char *text = g_markup_escape_text (phase->text, -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, text);
    }
}

static void
add_blank_phases (SonaeDocument  *doc,
                  SonaeChecklist *checklist,
                  gboolean        numbered,
                  GPtrArray      *authorities,
                  SonaeOrgKind    kind)
{
  GPtrArray *phases = sonae_checklist_get_phases (checklist);

  for (guint p = 0; p < phases->len; p++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);
      g_autofree char *number = numbered ? g_strdup_printf ("%u", p + 1) : NULL;

      /* A short phase stays on one sheet; a long one follows on from the
       * step before, each step kept whole. */
      if (p > 0 && phase->steps->len <= LONG_PHASE)
        sonae_document_begin_group (doc);
      for (guint s = 0; s < phase->steps->len; s++)
        add_blank_step (doc, g_ptr_array_index (phase->steps, s), number,
                        s == 0 ? phase->title : NULL, authorities, kind);
      if (p > 0 && phase->steps->len <= LONG_PHASE)
        sonae_document_end_group (doc);
    }
}

static void
add_instructions (SonaeDocument *doc)
{
  g_autofree char *markup = g_markup_escape_text (_("Tick each step when it is done and write the time and your name beside it; "
                                                    "tick “Not applicable” for a step that does not concern this incident. "
                                                    "Fill in what the step asks for in the boxes under it. "
                                                    "When Sonae works again, enter the ticks with the times written here."), -1);

  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, markup);
}

SonaeDocument *
sonae_doc_checklist_build (SonaeStore  *store,
                           SonaePaper   paper,
                           GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(GPtrArray) authorities = NULL;
  SonaeOrgKind kind = SONAE_ORG_CLINIC;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  profile = sonae_store_get_profile (store);
  if (profile != NULL)
    kind = profile->kind;
  authorities = sonae_contacts_list_authorities (store, error);
  if (authorities == NULL)
    return NULL;
  doc = sonae_doc_new (store, "checklist", paper);

  if (sonae_org_kind_is_medical (kind))
    {
      g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (error);

      if (checklist == NULL)
        return NULL;
      sonae_document_add_title (doc, sonae_document_get_doc_title (doc), sonae_checklist_get_title (checklist));
      add_instructions (doc);
      add_blank_phases (doc, checklist, TRUE, authorities, kind);
    }
  else
    {
      g_autoptr(SonaeManualView) view = sonae_manual_view_new (store, NULL, error);

      if (view == NULL)
        return NULL;
      sonae_document_add_title (doc, sonae_document_get_doc_title (doc),
                                _("The emergency manual’s procedures, as checklists"));
      add_instructions (doc);
      {
        g_autofree char *note = g_markup_escape_text (_("Each incident type has its own checklist: the manual’s procedure at damage level 3. "
                                                        "At a lower level, leave the steps that do not apply unticked."), -1);

        sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, note);
      }
      for (SonaeIncidentType type = 0; type < SONAE_N_INCIDENT_TYPES; type++)
        {
          g_autoptr(SonaeChecklist) checklist = sonae_checklist_for_incident (view, kind, type, BUSINESS_LEVEL, error);
          GPtrArray *phases;

          if (checklist == NULL)
            return NULL;
          if (type > 0)
            sonae_document_add_page_break (doc);
          phases = sonae_checklist_get_phases (checklist);
          for (guint p = 0; p < phases->len; p++)
            {
              const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);
              /* The procedure's title names the incident type and level. */
              const char *heading = sonae_checklist_get_title (checklist);

              if (heading == NULL || *heading == '\0')
                heading = sonae_incident_kind_get_title (type);
              /* The headings stay with the first step under them. */
              sonae_document_begin_group (doc);
              if (p == 0)
                sonae_document_add_heading (doc, NULL, heading);
              /* Several paths (malware): each under its own title, with
               * when it applies. */
              if (phases->len > 1)
                add_phase_intro (doc, phase);
              for (guint s = 0; s < phase->steps->len; s++)
                {
                  add_blank_step (doc, g_ptr_array_index (phase->steps, s), NULL, NULL, authorities, kind);
                  if (s == 0)
                    sonae_document_end_group (doc);
                }
              if (phase->steps->len == 0)
                sonae_document_end_group (doc);
            }
        }
    }

  return g_steal_pointer (&doc);
}

/* ---- the filled checklist of one incident ------------------------------ */

SonaeDocument *
sonae_doc_new_for_incident_doc (SonaeStore          *store,
                                const char          *name,
                                const SonaeIncident *incident,
                                SonaePaper           paper)
{
  SonaeDocument *doc = sonae_doc_new (store, name, paper);

  sonae_document_set_drill (doc, incident->drill);
  sonae_document_set_subject (doc, incident->number);
  return doc;
}

/* A detail as it is shown: a choice's label when a checklist field stands
 * for it (the network), a time without seconds. */
static char *
format_detail (const SonaeIncident *incident,
               SonaeChecklist      *checklist,
               const char          *detail)
{
  const char *value = sonae_incident_get_detail (incident, detail);

  if (value == NULL || *value == '\0')
    return NULL;
  if (g_str_equal (detail, SONAE_INCIDENT_DETAIL_DETECTED_AT))
    return sonae_datetime_format (value);
  for (guint p = 0; checklist != NULL && p < sonae_checklist_get_phases (checklist)->len; p++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (sonae_checklist_get_phases (checklist), p);

      for (guint s = 0; s < phase->steps->len; s++)
        {
          const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, s);

          for (guint f = 0; step->fields != NULL && f < step->fields->len; f++)
            {
              const SonaeChecklistField *field = g_ptr_array_index (step->fields, f);

              if (g_strcmp0 (field->bind, detail) == 0)
                return sonae_checklist_field_format (field, value);
            }
        }
    }
  return g_strdup (value);
}

static void
add_plain_key_value (SonaeDocument *doc,
                     const char    *key,
                     const char    *value)
{
  g_autofree char *markup = NULL;

  if (value == NULL || *value == '\0')
    markup = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", "—");
  else
    markup = g_markup_escape_text (value, -1);
  sonae_document_add_key_value (doc, key, markup);
}

void
sonae_doc_add_incident_details (SonaeDocument       *doc,
                                const SonaeIncident *incident,
                                SonaeChecklist      *checklist)
{
  g_autofree char *level = sonae_incident_level_get_title (incident->level);
  g_autofree char *detected = format_detail (incident, checklist, SONAE_INCIDENT_DETAIL_DETECTED_AT);
  g_autofree char *found_by = format_detail (incident, checklist, SONAE_INCIDENT_DETAIL_FOUND_BY);
  g_autofree char *location = format_detail (incident, checklist, SONAE_INCIDENT_DETAIL_LOCATION);
  g_autofree char *system = format_detail (incident, checklist, SONAE_INCIDENT_DETAIL_SYSTEM);
  g_autofree char *network = format_detail (incident, checklist, SONAE_INCIDENT_DETAIL_NETWORK);

  add_plain_key_value (doc, _("Number"), incident->number);
  add_plain_key_value (doc, _("Title"), incident->title);
  add_plain_key_value (doc, _("Status"), sonae_incident_status_get_title (incident->status));
  add_plain_key_value (doc, _("Incident type"), sonae_incident_kind_get_title (incident->type));
  add_plain_key_value (doc, _("Damage level"), level);
  add_plain_key_value (doc, _("Event category"), sonae_event_type_get_title (incident->event));
  add_plain_key_value (doc, _("Detected at"), detected);
  add_plain_key_value (doc, _("Found by"), found_by);
  add_plain_key_value (doc, _("Where"), location);
  add_plain_key_value (doc, _("System"), system);
  add_plain_key_value (doc, _("Network"), network);
  if (incident->drill)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_WARNING "\"><b>%s</b></span>",
                                                         _("an exercise, not a real incident"));

      sonae_document_add_key_value (doc, _("Drill"), markup);
    }
}

/* The last CHECK entry of each step, for when a back-entered tick was typed in. */
static GHashTable *
last_checks (GPtrArray *timeline)
{
  GHashTable *checks = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; timeline != NULL && i < timeline->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (timeline, i);

      if (e->kind == SONAE_ENTRY_CHECK && e->step_id != NULL)
        g_hash_table_insert (checks, e->step_id, e);
    }
  return checks;
}

/* The right column of a step done or marked not applicable: when and by
 * whom. */
static char *
done_markup (const SonaeStepState     *state,
             const SonaeTimelineEntry *check)
{
  GString *out = g_string_new (NULL);
  g_autofree char *at = NULL;

  g_assert (state != NULL && (state->done || state->not_applicable));

  at = state->done_at ? sonae_datetime_format (state->done_at) : NULL;
  if (state->not_applicable)
    {
      /* Translators: when and by whom a checklist step was marked as not
       * applicable, e.g. “Marked 2026-11-21 14:05 by Yamada Taro” */
      g_autofree char *marked = g_strdup_printf (_("Marked %1$s by %2$s"), at ? at : "—", state->done_by ? state->done_by : "—");
      g_autofree char *text = g_markup_printf_escaped ("<b>%s %s</b>\n%s", "\u2612", _("Not applicable"), marked);

      g_string_append (out, text);
      if (state->back_entered)
        {
          g_autofree char *note = g_markup_printf_escaped ("\n<span foreground=\"" SONAE_PRINT_COLOR_CAUTION "\">%s</span>",
                                                           _("Entered afterwards from paper"));

          g_string_append (out, note);
        }
      return g_string_free (out, FALSE);
    }
  {
    /* Translators: when a checklist step was done, e.g. “Done 2026-11-21 14:05” */
    g_autofree char *done = g_strdup_printf (_("Done %s"), at ? at : "—");
    /* Translators: who did a checklist step, e.g. “by Yamada Taro” */
    g_autofree char *by = g_strdup_printf (_("by %s"), state->done_by ? state->done_by : "—");
    g_autofree char *text = g_markup_printf_escaped ("<b>%s</b>\n%s", done, by);

    g_string_append (out, text);
  }
  if (state->back_entered)
    {
      g_autofree char *entered = NULL;
      g_autofree char *note = NULL;

      if (check != NULL && check->back_entered && check->recorded_at != NULL)
        {
          g_autofree char *when = sonae_datetime_format (check->recorded_at);

          /* Translators: %s is when a tick written on paper was typed in */
          entered = g_strdup_printf (_("Entered afterwards from paper (entered on %s)"), when);
        }
      else
        entered = g_strdup (_("Entered afterwards from paper"));
      note = g_markup_printf_escaped ("\n<span foreground=\"" SONAE_PRINT_COLOR_CAUTION "\">%s</span>", entered);
      g_string_append (out, note);
    }
  return g_string_free (out, FALSE);
}

/* What was entered in the step's fields, as key-value lines; the fields
 * left empty are left out. */
static void
add_field_values (SonaeDocument            *doc,
                  const SonaeIncident      *incident,
                  const SonaeChecklistStep *step)
{
  gboolean any = FALSE;

  for (guint i = 0; step->fields != NULL && i < step->fields->len; i++)
    {
      const SonaeChecklistField *field = g_ptr_array_index (step->fields, i);
      const char *value = sonae_incident_get_field_value (incident, step, field);
      g_autofree char *shown = NULL;
      g_autofree char *markup = NULL;

      if (value == NULL || *value == '\0')
        continue;
      if (field->kind == SONAE_FIELD_DATETIME)
        shown = sonae_datetime_format (value);
      else
        shown = sonae_checklist_field_format (field, value);
      if (!any)
        sonae_document_set_indent (doc, FIELD_INDENT);
      any = TRUE;
      markup = g_markup_escape_text (text_or_empty (shown), -1);
      sonae_document_add_key_value (doc, field->label, markup);
    }
  if (any)
    sonae_document_set_indent (doc, 0);
}

/* How to go on by hand, when some steps are still open. */
static void
add_continue_note (SonaeDocument *doc)
{
  g_autofree char *markup = g_markup_escape_text (_("Steps still open have a box to tick, lines for the time and who, "
                                                    "a box for “not applicable” and room for what they ask: "
                                                    "go on by hand if the computers stop, and enter it in Sonae afterwards."), -1);

  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, markup);
}

SonaeDocument *
sonae_doc_checklist_build_for_incident (SonaeStore  *store,
                                        gint64       incident_id,
                                        SonaePaper   paper,
                                        GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(GPtrArray) authorities = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GHashTable) checks = NULL;
  g_autofree char *subtitle = NULL;
  GPtrArray *phases;
  guint done_all = 0, total_all = 0, not_applicable_all = 0;
  gboolean going_on;
  SonaeOrgKind kind = sonae_store_get_org_kind (store);

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  incident = sonae_incidents_get (store, incident_id, error);
  if (incident == NULL)
    return NULL;
  manual = sonae_manual_load (error);
  if (manual == NULL)
    return NULL;
  checklist = sonae_incident_get_checklist (incident, store, manual, error);
  if (checklist == NULL)
    return NULL;
  timeline = sonae_incidents_list_timeline (store, incident->id, error);
  if (timeline == NULL)
    return NULL;
  checks = last_checks (timeline);
  authorities = sonae_contacts_list_authorities (store, error);
  if (authorities == NULL)
    return NULL;

  doc = sonae_doc_new_for_incident_doc (store, "checklist", incident, paper);
  subtitle = g_strdup_printf ("%s\u2003%s", incident->number, text_or_empty (incident->title));
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc), subtitle);
  sonae_doc_add_incident_details (doc, incident, checklist);
  add_plain_key_value (doc, _("Checklist"), sonae_checklist_get_title (checklist));

  phases = sonae_checklist_get_phases (checklist);
  for (guint p = 0; p < phases->len; p++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);
      guint done, total;

      sonae_incident_get_progress (incident, phase, &done, &total);
      done_all += done;
      total_all += total;
      not_applicable_all += sonae_incident_count_not_applicable (incident, phase);
    }
  {
    /* Translators: the progress of the whole checklist, e.g. “5 of 16 steps done” */
    g_autofree char *progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u step done", "%u of %u steps done", total_all),
                                                 done_all, total_all);

    if (not_applicable_all > 0)
      {
        /* Translators: after the progress, e.g. “5 of 14 steps done (2 not applicable)” */
        g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u not applicable)", "%s (%u not applicable)",
                                                              not_applicable_all),
                                                 progress, not_applicable_all);

        add_plain_key_value (doc, _("Progress"), more);
      }
    else
      add_plain_key_value (doc, _("Progress"), progress);
  }
  /* An incident not closed yet may go on on paper. */
  going_on = incident->status != SONAE_STATUS_CLOSED;
  if (going_on && done_all < total_all)
    add_continue_note (doc);

  for (guint p = 0; p < phases->len; p++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);
      g_autofree char *number = sonae_checklist_is_medical (checklist) ? g_strdup_printf ("%u", p + 1) : NULL;
      g_autofree char *heading = NULL;
      guint done, total;

      sonae_incident_get_progress (incident, phase, &done, &total);
      /* Translators: a phase of the checklist and its progress, e.g. “Detection — 1 of 2 done” */
      heading = g_strdup_printf (_("%s — %u of %u done"), phase->title, done, total);

      for (guint s = 0; s < phase->steps->len; s++)
        {
          const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, s);
          const SonaeStepState *state = sonae_incident_get_step_state (incident, step->id);
          gboolean settled = state != NULL && (state->done || state->not_applicable);
          /* A step still open of an incident going on is printed as on the
           * blank checklist, with what was entered so far: the work can go
           * on on paper. Once the incident is closed it is only not done. */
          gboolean open = !settled && going_on;
          const char *write_ins[] = { _("Time"), _("Who"), NULL };
          g_autofree char *side = NULL;
          g_autofree char *text = NULL;

          if (settled)
            side = done_markup (state, g_hash_table_lookup (checks, step->id));
          else if (open)
            side = open_side_markup (TRUE);
          else
            side = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", _("Not done"));
          if (open)
            text = step_markup (step);
          else
            {
              GString *markup = g_string_new (NULL);

              append_step_title (markup, step);
              text = g_string_free (markup, FALSE);
            }

          sonae_document_begin_group (doc);
          if (s == 0)
            sonae_document_add_heading (doc, number, heading);
          sonae_document_add_check_box (doc, state != NULL && state->done, text, side, open ? write_ins : NULL);
          add_field_values (doc, incident, step);
          if (open)
            {
              add_blank_fields (doc, step, incident);
              add_bodies (doc, step, authorities, kind);
            }
          sonae_document_end_group (doc);
        }
    }

  return g_steal_pointer (&doc);
}
