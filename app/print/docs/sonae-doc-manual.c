/* sonae-doc-manual.c: the organisation's own emergency manual, for the
 * shelf: a cover with the review record, a table of contents with page
 * numbers, and every section with the people and numbers of the roster */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sonae-clock.h"
#include "sonae-docs.h"
#include "sonae-document-private.h"
#include "sonae-manual-view.h"

/* Lines left empty in the review record, to fill in by hand. */
#define REVIEW_ROWS 6
/* Passes to settle the page numbers of the table of contents. */
#define MAX_PASSES 4

typedef struct {
  SonaeManualView *view;
  SonaeDocument *doc;
  const guint *pages;        /* page of each numbered section and the review record, or NULL */
  guint n_pages;
  gboolean group_open;       /* the section's title waits in a group for its first part */
} Builder;

/* Starts a part to keep on one page: with the section's title, when that
 * is still waiting for its first part. */
static void
begin_part (Builder *b)
{
  if (b->group_open)
    b->group_open = FALSE;
  else
    sonae_document_begin_group (b->doc);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char *
muted_small (const char *text)
{
  g_autofree char *escaped = escape (text);

  return g_strdup_printf ("<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", escaped);
}

static char *
not_assigned_badge (void)
{
  /* Translators: shown where nobody holds a role of the manual (未設定) */
  return sonae_markup_badge (SONAE_BADGE_WARNING, C_("role", "Not assigned"));
}

/* The markers after an item the organisation changed. */
static char *
local_marker (const SonaeManualViewItem *item)
{
  GString *out = g_string_new (NULL);

  if (item->added || item->text_edited || item->title_edited)
    {
      /* Translators: after a text of the manual the organisation wrote or changed itself */
      g_autofree char *local = muted_small (_("(local)"));

      g_string_append_printf (out, " %s", local);
    }
  if (item->needs_review)
    {
      /* Translators: a local edit whose bundled text Sonae has since changed */
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Review"));

      g_string_append_printf (out, " <span size=\"small\">%s</span>", badge);
    }
  return g_string_free (out, FALSE);
}

/* Lines to write a name and a number on by hand, for a role nobody holds
 * yet. */
static char *
write_in_person (void)
{
  /* Translators: before a line to write a person's name on by hand (氏名：＿＿＿) */
  g_autofree char *name = sonae_doc_write_in_markup (C_("write-in", "Name: "), 10);
  g_autofree char *phone = sonae_doc_write_in_markup (C_("write-in", "Phone: "), 10);

  return g_strdup_printf ("%s\n%s", name, phone);
}

/* The first number to dial: a mobile one when there is one. */
static const char *
first_phone (SonaeContact *contact)
{
  g_autoptr(GPtrArray) phones = sonae_doc_phones_mobile_first (contact);

  for (guint i = 0; i < phones->len; i++)
    {
      SonaeLabeled *p = g_ptr_array_index (phones, i);

      if (p->value != NULL && *p->value != '\0')
        return p->value;
    }
  return NULL;
}

/* “Role — Name 090-…”, or “Role — 未設定”: who answers for a step. */
static char *
role_holder_markup (Builder    *b,
                    const char *role_key,
                    gboolean    write_in)
{
  GPtrArray *holders = sonae_manual_view_get_holders (b->view, role_key);
  g_autofree char *role = escape (sonae_role_get_name (role_key));

  if (holders->len == 0)
    {
      g_autofree char *badge = not_assigned_badge ();
      g_autofree char *lines = NULL;

      /* Once, in the table of who responds at each level: not under every
       * step that role takes. */
      if (!write_in)
        return g_strdup_printf ("<b>%s</b> — %s", role, badge);
      lines = write_in_person ();
      /* The badge on a line of its own: a narrow column does not split it. */
      return g_strdup_printf ("<b>%s</b>\n%s\n%s", role, badge, lines);
    }
  {
    SonaeContact *c = g_ptr_array_index (holders, 0);
    g_autofree char *name = escape (sonae_contact_get_display_name (c));
    const char *phone = first_phone (c);

    if (phone != NULL)
      {
        g_autofree char *number = escape (phone);

        return g_strdup_printf ("<b>%s</b> — %s\u2002<b>%s</b>", role, name, number);
      }
    {
      g_autofree char *line = sonae_doc_write_in_markup (C_("write-in", "Phone: "), 8);

      return g_strdup_printf ("<b>%s</b> — %s%s%s", role, name, write_in ? "\n" : "\u2002", line);
    }
  }
}

/* The numbers of @contact on one line, mobile first: “090-… Mobile  03-… Work”. */
static char *
phones_line (SonaeContact *contact)
{
  g_autoptr(GPtrArray) phones = sonae_doc_phones_mobile_first (contact);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < phones->len; i++)
    {
      SonaeLabeled *p = g_ptr_array_index (phones, i);
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      if (p->value == NULL || *p->value == '\0')
        continue;
      value = escape (p->value);
      label = muted_small (sonae_phone_label_get_title (p->label));
      g_string_append_printf (out, "%s<b>%s</b>\u00a0%s", out->len ? "\u2003" : "", value, label);
    }
  return g_string_free (out, FALSE);
}

/* Everyone who holds a role, in call order, a line each with every number,
 * and their e-mail addresses under it; or 未設定. */
static char *
people_markup (GPtrArray *holders)
{
  GString *out = g_string_new (NULL);

  if (holders->len == 0)
    {
      g_autofree char *badge = not_assigned_badge ();
      g_autofree char *hint = muted_small (_("Until a person is chosen in Sonae’s contacts, write a name and a number here."));
      g_autofree char *lines = write_in_person ();

      g_string_append_printf (out, "%s\n%s\n%s", badge, hint, lines);
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < holders->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (holders, i);
      g_autofree char *name = escape (sonae_contact_get_display_name (c));
      g_autofree char *phones = phones_line (c);

      if (i > 0)
        {
          /* Translators: the position of a deputy in the order of calls, e.g. “Deputy 1” */
          g_autofree char *order = g_strdup_printf (_("Deputy %u"), i);
          g_autofree char *label = muted_small (order);

          g_string_append_printf (out, "\n%s\u2002", label);
        }
      g_string_append_printf (out, "<b>%s</b>\u2003", name);
      if (*phones != '\0')
        g_string_append (out, phones);
      else
        {
          g_autofree char *line = sonae_doc_write_in_markup (C_("write-in", "Phone: "), 8);

          g_string_append (out, line);
        }
      for (guint j = 0; c->emails != NULL && j < c->emails->len; j++)
        {
          SonaeLabeled *e = g_ptr_array_index (c->emails, j);
          g_autofree char *address = escape (e->value);

          if (e->value != NULL && *e->value != '\0')
            g_string_append_printf (out, "%s<span size=\"small\">%s</span>", j == 0 ? "\n" : "\u2003", address);
        }
    }
  return g_string_free (out, FALSE);
}

static void
add_item_paragraph (Builder                   *b,
                    const SonaeManualViewItem *item)
{
  g_autofree char *text = escape (item->text);
  g_autofree char *marker = local_marker (item);
  g_autofree char *markup = g_strconcat (text, marker, NULL);

  sonae_document_add_paragraph (b->doc, SONAE_STYLE_NORMAL, markup);
}

static void
add_paras (Builder                   *b,
           const SonaeManualViewItem *section)
{
  for (guint i = 0; i < section->paras->len; i++)
    add_item_paragraph (b, g_ptr_array_index (section->paras, i));
}

/* A sub-heading inside a section: “5.1 Level 3: …”. */
static void
add_subheading (Builder                   *b,
                const SonaeManualViewItem *section,
                guint                      number,
                const char                *text)
{
  g_autofree char *n = g_strdup_printf ("%u.%u", section->number, number);

  sonae_document_add_heading (b->doc, n, text);
}

static const SonaeManualViewItem *
level_item (Builder *b,
            int      level)
{
  const SonaeManualViewItem *levels = sonae_manual_view_get_section (b->view, "levels");

  for (guint i = 0; levels != NULL && i < levels->children->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (levels->children, i);

      if (item->level == level)
        return item;
    }
  return NULL;
}

/* “Level 3: people outside are affected”, as the levels section says it. */
static char *
level_title (Builder *b,
             int      level)
{
  const SonaeManualViewItem *item = level_item (b, level);

  if (item != NULL && item->title != NULL)
    return g_strdup (item->title);
  /* Translators: a damage level, 0 to 3 */
  return g_strdup_printf (_("Level %d"), level);
}

/* Principles */

static void
add_principles (Builder                   *b,
                const SonaeManualViewItem *section)
{
  for (guint i = 0; i < section->children->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (section->children, i);
      g_autofree char *number = g_strdup_printf ("%u", item->number);
      g_autofree char *title = escape (item->title);
      g_autofree char *text = escape (item->text);
      g_autofree char *marker = local_marker (item);
      g_autofree char *markup = NULL;

      if (item->title != NULL)
        markup = g_strdup_printf ("<b>%s</b>%s\n%s", title, marker, text);
      else
        markup = g_strdup_printf ("%s%s", text, marker);
      sonae_document_add_step (b->doc, SONAE_STYLE_NORMAL, number, markup);
    }
}

/* Response organisation: the roles and who holds them now */

static void
add_roles (Builder                   *b,
           const SonaeManualViewItem *section)
{
  static const double widths[] = { 0.24, 0.38, 0.38 };
  g_autofree char *h0 = escape (_("Role"));
  g_autofree char *h1 = escape (_("Who holds it, in call order"));
  g_autofree char *h2 = escape (_("What the role does"));
  const char *header[] = { h0, h1, h2 };

  sonae_document_add_table (b->doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < section->children->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (section->children, i);
      g_autofree char *name = escape (item->title);
      g_autofree char *role = NULL;
      g_autofree char *people = people_markup (sonae_manual_view_get_holders (b->view, item->role_key));
      g_autofree char *text = escape (item->text);
      g_autofree char *marker = local_marker (item);
      g_autofree char *duties = g_strconcat (text, marker, NULL);
      const char *cells[3];

      if (item->response_role)
        {
          /* Translators: one of the three roles that respond to an incident */
          g_autofree char *kind = muted_small (_("Response role"));

          role = g_strdup_printf ("<b>%s</b>\n%s", name, kind);
        }
      else
        role = g_strdup_printf ("<b>%s</b>", name);
      cells[0] = role;
      cells[1] = people;
      cells[2] = duties;
      sonae_document_add_row (b->doc, cells);
    }
}

/* Damage levels and who responds */

static void
add_levels (Builder                   *b,
            const SonaeManualViewItem *section)
{
  static const double widths[] = { 0.10, 0.52, 0.38 };
  g_autofree char *h0 = escape (_("Level"));
  g_autofree char *h1 = escape (_("What it means"));
  g_autofree char *h2 = escape (_("Who responds"));
  const char *header[] = { h0, h1, h2 };

  sonae_document_add_table (b->doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < section->children->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (section->children, i);
      g_autofree char *number = g_strdup_printf ("<span size=\"xx-large\" weight=\"bold\">%d</span>", item->level);
      g_autofree char *title = escape (item->title);
      g_autofree char *text = escape (item->text);
      g_autofree char *marker = local_marker (item);
      g_autofree char *meaning = g_strdup_printf ("<b>%s</b>\n%s%s", title, text, marker);
      g_autofree char *responder = role_holder_markup (b, item->role_key, TRUE);
      g_autofree char *who = NULL;
      const char *cells[3];

      if (item->role_edited)
        {
          /* Translators: the organisation chose this responder instead of the manual's */
          g_autofree char *changed = muted_small (_("(chosen here)"));

          who = g_strdup_printf ("%s %s", responder, changed);
        }
      else
        who = g_steal_pointer (&responder);
      cells[0] = number;
      cells[1] = meaning;
      cells[2] = who;
      sonae_document_add_row (b->doc, cells);
    }
}

/* Contact and reporting, for each level */

static void
add_chain (Builder         *b,
           SonaeEscalation *esc)
{
  static const double widths[] = { 0.08, 0.30, 0.62 };
  g_autofree char *h0 = escape (_("Order"));
  g_autofree char *h1 = escape (_("Role"));
  g_autofree char *h2 = escape (_("Whom to call"));
  const char *header[] = { h0, h1, h2 };
  GPtrArray *roles = sonae_escalation_get_roles (esc);
  guint order = 0;

  sonae_document_add_table (b->doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < roles->len; i++)
    {
      SonaeEscalationRole *r = g_ptr_array_index (roles, i);
      g_autofree char *number = NULL;
      g_autofree char *name = escape (sonae_role_get_name (r->role_key));
      g_autofree char *role = NULL;
      g_autofree char *people = people_markup (r->holders);
      const char *cells[3];

      if (r->inform_only)
        {
          /* Translators: told of the incident, not on the contact chain */
          g_autofree char *inform = escape (_("Inform"));

          number = g_strdup_printf ("<span size=\"small\">%s</span>", inform);
        }
      else
        number = g_strdup_printf ("<span size=\"x-large\" weight=\"bold\">%u</span>", ++order);
      if (r->responder)
        {
          g_autofree char *responds = escape (_("Responds at this level"));

          role = g_strdup_printf ("<b>%s</b>\n<span size=\"small\" weight=\"bold\" foreground=\""
                                  SONAE_PRINT_COLOR_WARNING "\">%s</span>", name, responds);
        }
      else
        role = g_strdup_printf ("<b>%s</b>", name);
      cells[0] = number;
      cells[1] = role;
      cells[2] = people;
      sonae_document_add_row (b->doc, cells);
    }
}

/* The note of a body of @report, as the organisation has it. */
static const SonaeManualViewItem *
report_body (const SonaeManualViewItem *report,
             const char                *authority_key)
{
  for (guint i = 0; report != NULL && i < report->children->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (report->children, i);

      if (g_strcmp0 (item->authority_key, authority_key) == 0)
        return item;
    }
  return NULL;
}

static char *
office_markup (SonaeContact *contact,
               const char   *fallback,
               gboolean      optional)
{
  g_autofree char *name = contact ? sonae_doc_name_markup (contact, NULL, FALSE) : escape (fallback);
  GString *out = g_string_new (name);

  if (contact == NULL)
    {
      g_autofree char *missing = escape (_("Not in the contact list"));

      g_string_append_printf (out, "\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_WARNING "\">%s</span>",
                              missing);
    }
  else if (contact->needs_check)
    {
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check first"));

      g_string_append_printf (out, "\n<span size=\"small\">%s</span>", badge);
    }
  if (optional)
    {
      /* Translators: a body that may be told, but need not be (任意) */
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_INFO, _("Optional"));

      g_string_append_printf (out, "\n<span size=\"small\">%s</span>", badge);
    }
  return g_string_free (out, FALSE);
}

static char *
numbers_markup (SonaeContact *contact)
{
  g_autofree char *phones = NULL;
  g_autofree char *emails = NULL;
  g_autofree char *url = NULL;
  GString *out;

  if (contact == NULL)
    return sonae_doc_write_in_markup (C_("write-in", "Phone: "), 8);
  phones = sonae_doc_phones_or_write_in (contact, TRUE);
  emails = sonae_doc_emails_markup (contact);
  url = escape (contact->url);
  out = g_string_new (phones);
  if (*url != '\0')
    g_string_append_printf (out, "%s<span size=\"small\">%s</span>", out->len ? "\n" : "", url);
  if (*emails != '\0')
    g_string_append_printf (out, "%s%s", out->len ? "\n" : "", emails);
  return g_string_free (out, FALSE);
}

static void
add_bodies_header (Builder    *b,
                   const char *first)
{
  static const double widths[] = { 0.32, 0.34, 0.34 };
  g_autofree char *h0 = escape (first);
  g_autofree char *h1 = escape (_("Phone, website and e-mail"));
  g_autofree char *h2 = escape (_("When"));
  const char *header[] = { h0, h1, h2 };

  sonae_document_add_table (b->doc, G_N_ELEMENTS (widths), widths, header);
}

static void
add_body_row (SonaeContact              *contact,
              Builder                   *b,
              const char                *fallback,
              gboolean                   optional,
              const SonaeManualViewItem *item)
{
  g_autofree char *office = office_markup (contact, fallback, optional);
  g_autofree char *numbers = numbers_markup (contact);
  g_autofree char *text = escape (item ? item->text : NULL);
  g_autofree char *marker = item ? local_marker (item) : g_strdup ("");
  g_autofree char *when = g_strconcat (text, marker, NULL);
  const char *cells[] = { office, numbers, when };

  sonae_document_add_row (b->doc, cells);
}

static void
add_reporting (Builder                   *b,
               const SonaeManualViewItem *section)
{
  guint sub = 0;

  for (guint i = 0; i < section->children->len; i++)
    {
      SonaeManualViewItem *report = g_ptr_array_index (section->children, i);
      SonaeEscalation *esc = sonae_manual_view_get_escalation (b->view, report->level);
      GPtrArray *bodies = sonae_escalation_get_bodies (esc);
      g_autofree char *title = level_title (b, report->level);
      g_autofree char *summary = escape (report->text);
      g_autofree char *marker = local_marker (report);
      g_autofree char *summary_markup = g_strconcat (summary, marker, NULL);

      /* The level's chain on one page when it fits. */
      begin_part (b);
      add_subheading (b, section, ++sub, title);
      sonae_document_add_paragraph (b->doc, SONAE_STYLE_NORMAL, summary_markup);
      add_chain (b, esc);
      if (sonae_escalation_count_unassigned (esc) > 0)
        {
          g_autofree char *badge = not_assigned_badge ();
          g_autofree char *text = escape (_("Nobody holds one of these roles yet. Choose the people in Sonae’s contacts and print the manual again."));
          g_autofree char *markup = g_strdup_printf ("%s\u2003%s", badge, text);

          sonae_document_add_paragraph (b->doc, SONAE_STYLE_WARNING | SONAE_STYLE_SMALL, markup);
        }
      sonae_document_end_group (b->doc);
      if (bodies->len == 0)
        continue;
      add_bodies_header (b, _("Outside bodies to report to"));
      for (guint j = 0; j < bodies->len; j++)
        {
          SonaeEscalationBody *body = g_ptr_array_index (bodies, j);

          add_body_row (body->contact, b, body->authority_key, body->optional,
                        report_body (report, body->authority_key));
        }
    }
}

/* Response procedures */

/* Steps @from to @to (excluded) of @steps. */
static void
add_steps_range (Builder   *b,
                 GPtrArray *steps,
                 guint      from,
                 guint      to,
                 gboolean   with_roles)
{
  for (guint i = from; i < to && i < steps->len; i++)
    {
      SonaeManualViewItem *step = g_ptr_array_index (steps, i);
      g_autofree char *number = g_strdup_printf ("%u", step->number);
      g_autofree char *marker = local_marker (step);
      g_autofree char *text = escape (step->text);
      GString *markup = g_string_new (NULL);

      if (step->title != NULL)
        {
          g_autofree char *title = escape (step->title);

          g_string_append_printf (markup, "<b>%s</b>%s\n%s", title, marker, text);
        }
      else
        g_string_append_printf (markup, "%s%s", text, marker);
      if (with_roles && step->role_key != NULL)
        {
          g_autofree char *who = role_holder_markup (b, step->role_key, FALSE);

          g_string_append_printf (markup, "\n<span size=\"small\">%s</span>", who);
        }
      sonae_document_add_step (b->doc, SONAE_STYLE_NORMAL, number, markup->str);
      g_string_free (markup, TRUE);
    }
}

static void
add_no_steps (Builder *b)
{
  g_autofree char *none = escape (_("No steps."));

  sonae_document_add_paragraph (b->doc, SONAE_STYLE_MUTED, none);
}

static void
add_steps (Builder   *b,
           GPtrArray *steps,
           gboolean   with_roles)
{
  if (steps->len == 0)
    add_no_steps (b);
  add_steps_range (b, steps, 0, steps->len, with_roles);
}

/* A procedure's title: its level and who responds at it, or its own title. */
static void
add_procedure_title (Builder                   *b,
                     const SonaeManualViewItem *proc)
{
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;

  if (proc->level != SONAE_MANUAL_ANY_LEVEL)
    {
      g_autofree char *level = level_title (b, proc->level);
      const char *role = sonae_manual_get_responder (sonae_manual_view_get_manual (b->view), proc->level);
      g_autofree char *responder = role_holder_markup (b, role, FALSE);
      /* Translators: under a procedure's level, the role that responds at it */
      g_autofree char *label = muted_small (_("Responds:"));

      title = escape (level);
      markup = g_strdup_printf ("<span size=\"large\" weight=\"bold\">%s</span>\n"
                                "<span size=\"small\">%s %s</span>", title, label, responder);
    }
  else
    {
      title = escape (proc->title);
      markup = g_strdup_printf ("<span size=\"large\" weight=\"bold\">%s</span>", title);
    }
  sonae_document_add_spacer (b->doc, 4.0);
  sonae_document_add_paragraph (b->doc, SONAE_STYLE_NORMAL, markup);
  if (proc->text != NULL)
    add_item_paragraph (b, proc);
}

/* Steps kept with the title of their procedure, so a title never ends a page. */
#define STEPS_WITH_TITLE 2

static void
add_procedures (Builder                   *b,
                const SonaeManualViewItem *section)
{
  for (guint i = 0; i < section->children->len; i++)
    {
      SonaeManualViewItem *incident = g_ptr_array_index (section->children, i);
      g_autofree char *text = escape (incident->text);
      g_autofree char *marker = local_marker (incident);
      g_autofree char *markup = g_strconcat (text, marker, NULL);

      begin_part (b);
      add_subheading (b, section, incident->number, incident->title);
      sonae_document_add_paragraph (b->doc, SONAE_STYLE_MUTED, markup);

      for (guint j = 0; j < incident->children->len; j++)
        {
          SonaeManualViewItem *proc = g_ptr_array_index (incident->children, j);

          if (j > 0)
            sonae_document_begin_group (b->doc);
          add_procedure_title (b, proc);
          if (proc->children->len == 0)
            add_no_steps (b);
          add_steps_range (b, proc->children, 0, STEPS_WITH_TITLE, TRUE);
          sonae_document_end_group (b->doc);
          add_steps_range (b, proc->children, STEPS_WITH_TITLE, proc->children->len, TRUE);
        }
      if (incident->children->len == 0)
        sonae_document_end_group (b->doc);
    }
}

/* Where to report and ask for advice */

static void
add_authorities (Builder                   *b,
                 const SonaeManualViewItem *section)
{
  GPtrArray *others = sonae_manual_view_get_other_authorities (b->view);

  if (section->children->len > 0)
    {
      add_bodies_header (b, _("Office"));
      for (guint i = 0; i < section->children->len; i++)
        {
          SonaeManualViewItem *item = g_ptr_array_index (section->children, i);

          add_body_row (sonae_manual_view_get_authority (b->view, item->authority_key), b,
                        item->title, FALSE, item);
        }
    }
  if (others->len == 0)
    return;
  {
    g_autofree char *label = escape (_("Also in the contact list"));
    g_autofree char *markup = g_strdup_printf ("<b>%s</b>", label);

    sonae_document_add_paragraph (b->doc, SONAE_STYLE_NORMAL, markup);
  }
  add_bodies_header (b, _("Office"));
  for (guint i = 0; i < others->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (others, i);
      g_autofree char *office = office_markup (c, NULL, FALSE);
      g_autofree char *numbers = numbers_markup (c);
      g_autofree char *notes = escape (c->notes);
      const char *cells[] = { office, numbers, notes };

      sonae_document_add_row (b->doc, cells);
    }
}

/* The cover, the contents, the review record */

static char *
review_markup (Builder *b)
{
  const char *date = NULL, *by = NULL;

  if (!sonae_manual_view_get_review (b->view, &date, &by))
    return sonae_markup_badge (SONAE_BADGE_WARNING, _("Not reviewed yet"));
  {
    /* Translators: the last review of the manual: a date such as 2026-04-01, then a name */
    g_autofree char *text = g_strdup_printf (_("%s by %s"), date, by);

    return escape (text);
  }
}

static void
add_cover (Builder *b)
{
  const char *organisation = sonae_document_get_organisation (b->doc);
  SonaeOrgKind kind = sonae_manual_view_get_org_kind (b->view);
  g_autofree char *title = escape (sonae_document_get_doc_title (b->doc));
  g_autofree char *org = escape (organisation);
  g_autofree char *kind_text = escape (sonae_org_kind_get_title (kind));
  g_autofree char *revision = NULL;
  g_autofree char *review = review_markup (b);
  g_autofree char *markup = NULL;

  sonae_document_add_spacer (b->doc, 70.0);
  if (organisation != NULL && *organisation != '\0')
    markup = g_strdup_printf ("<span size=\"18pt\" weight=\"bold\">%s</span>\n"
                              "<span size=\"11pt\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                              org, kind_text);
  else
    markup = g_strdup_printf ("<span size=\"11pt\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", kind_text);
  sonae_document_add_paragraph (b->doc, SONAE_STYLE_CENTER, markup);
  g_clear_pointer (&markup, g_free);

  sonae_document_add_spacer (b->doc, 22.0);
  markup = g_strdup_printf ("<span size=\"32pt\" weight=\"bold\">%s</span>", title);
  sonae_document_add_paragraph (b->doc, SONAE_STYLE_CENTER, markup);
  g_clear_pointer (&markup, g_free);
  {
    g_autofree char *sub = escape (_("What to do and whom to call when the computers, the network or the data are attacked, break down or are lost"));

    markup = g_strdup_printf ("<span size=\"11pt\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>", sub);
    sonae_document_add_paragraph (b->doc, SONAE_STYLE_CENTER, markup);
  }
  sonae_document_add_spacer (b->doc, 40.0);

  if (organisation != NULL && *organisation != '\0')
    sonae_document_add_key_value (b->doc, _("Organisation"), org);
  sonae_document_add_key_value (b->doc, _("Type"), kind_text);
  /* Translators: %d is the revision number of the manual that comes with Sonae */
  revision = g_strdup_printf (_("The manual bundled with Sonae, revision %d"),
                              sonae_manual_get_version (sonae_manual_view_get_manual (b->view)));
  {
    g_autofree char *escaped = escape (revision);

    /* Translators: what this organisation's manual was adapted from */
    sonae_document_add_key_value (b->doc, _("Based on"), escaped);
  }
  sonae_document_add_key_value (b->doc, _("Last reviewed"), review);

  if (sonae_manual_view_review_due (b->view))
    {
      const char *date = NULL;
      g_autofree char *text = NULL;

      if (sonae_manual_view_get_review (b->view, &date, NULL))
        text = escape (_("This manual was last reviewed more than a year ago. Review it with the people named in it, then record the review in Sonae."));
      else
        text = escape (_("This manual has not been reviewed yet. Review it with the people named in it, then record the review in Sonae."));
      sonae_document_add_paragraph (b->doc, SONAE_STYLE_WARNING | SONAE_STYLE_SMALL, text);
    }
}

static void
add_contents (Builder *b)
{
  static const double widths[] = { 0.08, 0.80, 0.12 };
  GPtrArray *sections = sonae_manual_view_get_sections (b->view);
  guint n = 0;

  sonae_document_add_spacer (b->doc, 24.0);
  sonae_document_add_heading (b->doc, NULL, _("Contents"));
  sonae_document_add_table (b->doc, G_N_ELEMENTS (widths), widths, NULL);
  /* Inside the binder, the pages of the binder, as its footers number them. */
  sonae_document_set_page_column (b->doc, 2);
  for (guint i = 0; i <= sections->len; i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *title = NULL;
      g_autofree char *page = NULL;
      const char *cells[3];

      if (i < sections->len)
        {
          SonaeManualViewItem *s = g_ptr_array_index (sections, i);

          number = g_strdup_printf ("<b>%u</b>", s->number);
          title = escape (s->title);
        }
      else
        {
          number = g_strdup ("");
          title = escape (_("Review record"));
        }
      if (b->pages != NULL && n < b->n_pages)
        page = g_strdup_printf ("%u", b->pages[n]);
      else
        page = g_strdup ("");
      n++;
      cells[0] = number;
      cells[1] = title;
      cells[2] = page;
      sonae_document_add_row (b->doc, cells);
    }
}

static void
add_review_record (Builder *b)
{
  static const double widths[] = { 0.22, 0.30, 0.48 };
  g_autofree char *h0 = escape (_("Reviewed on"));
  g_autofree char *h1 = escape (_("Reviewed by"));
  g_autofree char *h2 = escape (_("What changed"));
  const char *header[] = { h0, h1, h2 };
  const char *date = NULL, *by = NULL;
  g_autofree char *intro = escape (_("Review this manual at least once a year, and whenever people or systems change. Record each review in Sonae, or here by hand."));

  sonae_document_add_spacer (b->doc, 18.0);
  /* One sheet to fill in by hand. */
  sonae_document_begin_group (b->doc);
  sonae_document_add_title (b->doc, _("Review record"), NULL);
  sonae_document_add_paragraph (b->doc, SONAE_STYLE_NORMAL, intro);
  sonae_document_add_table (b->doc, G_N_ELEMENTS (widths), widths, header);
  if (sonae_manual_view_get_review (b->view, &date, &by))
    {
      g_autofree char *d = escape (date);
      g_autofree char *w = escape (by);
      const char *cells[] = { d, w, NULL };

      sonae_document_add_row (b->doc, cells);
    }
  for (guint i = 0; i < REVIEW_ROWS; i++)
    {
      const char *cells[] = { "\u00a0\n\u00a0", NULL, NULL };

      sonae_document_add_row (b->doc, cells);
    }
  sonae_document_end_group (b->doc);
}

static void
add_section (Builder                   *b,
             const SonaeManualViewItem *section)
{
  g_autofree char *heading = g_strdup_printf ("%u\u2003%s", section->number, section->title);

  sonae_document_add_spacer (b->doc, 18.0);
  /* A section made of parts starts on the page of its first part. */
  if (section->section_kind == SONAE_MANUAL_SECTION_REPORTING ||
      section->section_kind == SONAE_MANUAL_SECTION_PROCEDURES)
    {
      sonae_document_begin_group (b->doc);
      b->group_open = TRUE;
    }
  sonae_document_add_title (b->doc, heading, NULL);
  add_paras (b, section);

  switch (section->section_kind)
    {
    case SONAE_MANUAL_SECTION_PRINCIPLES:
      add_principles (b, section);
      break;
    case SONAE_MANUAL_SECTION_ORGANISATION:
      add_roles (b, section);
      break;
    case SONAE_MANUAL_SECTION_LEVELS:
      add_levels (b, section);
      break;
    case SONAE_MANUAL_SECTION_REPORTING:
      add_reporting (b, section);
      break;
    case SONAE_MANUAL_SECTION_PROCEDURES:
      add_procedures (b, section);
      break;
    case SONAE_MANUAL_SECTION_AUTHORITIES:
      add_authorities (b, section);
      break;
    case SONAE_MANUAL_SECTION_CONTINUITY:
      add_steps (b, section->children, FALSE);
      break;
    case SONAE_MANUAL_SECTION_GENERIC:
    default:
      break;
    }
  if (b->group_open)
    {
      sonae_document_end_group (b->doc);
      b->group_open = FALSE;
    }
}

static SonaeDocument *
build (SonaeStore      *store,
       SonaeManualView *view,
       SonaePaper       paper,
       const guint     *pages,
       guint            n_pages)
{
  Builder b = { view, NULL, pages, n_pages, FALSE };
  GPtrArray *sections = sonae_manual_view_get_sections (view);

  b.doc = sonae_doc_new (store, "manual", paper);
  add_cover (&b);
  add_contents (&b);
  sonae_document_add_page_break (b.doc);
  for (guint i = 0; i < sections->len; i++)
    add_section (&b, g_ptr_array_index (sections, i));
  add_review_record (&b);
  return b.doc;
}

/* The page (1-based) of every section title, as the pipeline lays them out.
 * Titles are the outline's top level, one per section and the review record. */
static GArray *
title_pages (SonaeDocument *doc)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (guint));
  double width, height;

  sonae_paper_get_size (sonae_document_get_paper (doc), &width, &height);
  sonae_document_paginate (doc, context, width, height);
  for (guint i = 0; i < doc->outline->len; i++)
    {
      OutlineEntry *e = &g_array_index (doc->outline, OutlineEntry, i);
      guint page = e->page + 1;

      if (e->level == 0)
        g_array_append_val (pages, page);
    }
  sonae_document_clear_layout (doc);
  g_object_unref (context);
  return pages;
}

static gboolean
same_pages (GArray *a,
            GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

SonaeDocument *
sonae_doc_manual_build (SonaeStore  *store,
                        SonaePaper   paper,
                        GError     **error)
{
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(GArray) pages = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  view = sonae_manual_view_new (store, NULL, error);
  if (view == NULL)
    return NULL;

  /* The contents list the page of each section, which is known only once
   * the pages are laid out: lay out, fill the numbers in, and lay out again
   * until they no longer move. */
  doc = build (store, view, paper, NULL, 0);
  pages = title_pages (doc);
  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      g_autoptr(GArray) again = NULL;

      g_clear_pointer (&doc, sonae_document_free);
      doc = build (store, view, paper, (const guint *) pages->data, pages->len);
      again = title_pages (doc);
      if (same_pages (pages, again))
        break;
      g_array_unref (pages);
      pages = g_steal_pointer (&again);
    }
  return g_steal_pointer (&doc);
}
