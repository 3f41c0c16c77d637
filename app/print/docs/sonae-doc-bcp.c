/* sonae-doc-bcp.c: the IT business-continuity plan on paper, as the
 * worksheets of seed 000's five IT-BCP steps (1 policy and team, 2 crisis
 * events and assumed damage, 3 systems and their recovery priority, 4 the
 * plans, 5 drills and review), then the risk register (seed 003) and the
 * readiness self-check. What is written is printed; what is not is left
 * as ruled space to fill in by hand, so that a blank plan prints as
 * worksheets a clinic can complete with a pen in one afternoon. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-docs.h"
#include "sonae-role.h"

#define SMALL_SIZE ((int) (8.5 * PANGO_SCALE))
#define LABEL_SIZE ((int) (8 * PANGO_SCALE))

/* Form rows, in points. */
#define ROW_LINE   26.0
#define ROW_TEXT   40.0
#define ROW_BOX    54.0

/* Empty rows left under a filled table, to add by hand. */
#define SPARE_ROWS 2
/* Rows of a table that holds nothing yet. */
#define BLANK_ROWS 6

#define MARK_YES "\u25cb"   /* ○ */
#define MARK_NO  "\u00d7"   /* × */

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* A ruled blank to write on, inside a line of text. */
static const char *
blank_line (void)
{
  return "<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">"
         "\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f\uff3f</span>";
}

static char *
escaped_or_blank (const char *text)
{
  if (is_blank (text))
    return g_strdup (blank_line ());
  return g_markup_escape_text (text, -1);
}

static char *
small (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\">%s</span>", SMALL_SIZE, text ? text : "");
}

static char *
muted_small (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                  SMALL_SIZE, text ? text : "");
}

static char *
cell_label (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                  LABEL_SIZE, text);
}

static char *
header_cell (const char *text)
{
  return g_markup_escape_text (text, -1);
}

static gboolean
date_is_past (const char *date)
{
  g_autofree char *today = NULL;

  if (is_blank (date))
    return FALSE;
  today = sonae_clock_today ();
  return g_strcmp0 (date, today) < 0;
}

static char *
add_days (const char *date,
          int         days)
{
  int y, m, d;
  g_autoptr(GDate) g = NULL;
  char buffer[16];

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g = g_date_new_dmy (d, m, y);
  g_date_add_days (g, days);
  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d",
              g_date_get_year (g), g_date_get_month (g), g_date_get_day (g));
  return g_strdup (buffer);
}

/* @markup followed by a caution badge saying it is overdue. */
static char *
with_overdue_sep (const char *markup,
                  const char *separator)
{
  /* Translators: a mark on a date that has passed (a measure, a restore test, a review) */
  g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Overdue"));

  return g_strdup_printf ("%s%s%s", markup, separator, badge);
}

static char *
with_overdue (const char *markup)
{
  return with_overdue_sep (markup, " ");
}

/* In a narrow table cell: the badge on a line of its own. */
static char *
with_overdue_cell (const char *markup)
{
  return with_overdue_sep (markup, "\n");
}

/* A written text of the plan, or the hint and ruled lines to write it. */
/* Whether the store's organisation reads a clinic's words. */
static gboolean
is_medical (SonaeStore *store)
{
  return sonae_org_kind_is_medical (sonae_store_get_org_kind (store));
}

/* Who looks after a system here: 院内の担当者 in a clinic, 社内の担当者 in a
 * business. */
static const char *
looked_after_by (SonaeStore *store)
{
  /* Translators: a business's person who looks after a system (社内の担当者) */
  return is_medical (store) ? _("Looked after by") : C_("business", "Looked after by");
}

static void
add_text (SonaeDocument *doc,
          SonaeStore    *store,
          SonaeBcpText   which,
          gboolean       show_title,
          guint          n_lines)
{
  g_autofree char *value = sonae_bcp_get_text (store, which, NULL);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", sonae_bcp_text_get_title (which));

  if (!is_blank (value))
    {
      g_autofree char *text = g_markup_escape_text (value, -1);

      sonae_document_begin_group (doc);
      if (show_title)
        sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
      sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, text);
      sonae_document_end_group (doc);
      return;
    }
  {
    g_autofree char *hint = g_markup_escape_text (sonae_bcp_text_get_hint (which, sonae_store_get_org_kind (store)), -1);

    sonae_document_begin_group (doc);
    if (show_title)
      sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, hint);
    sonae_document_add_write_in (doc, NULL, n_lines);
    sonae_document_end_group (doc);
  }
}

/* A person of the roster: the name in bold and the phone numbers, mobile
 * first. */
static char *
person_markup (SonaeContact *contact)
{
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", sonae_contact_get_display_name (contact));
  g_autofree char *phones = sonae_doc_phones_markup (contact, TRUE);

  if (*phones == '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s\n<span size=\"%d\">%s</span>", name, SMALL_SIZE, phones);
}

/* 1. Policy and team. */
static void
add_policy (SonaeDocument *doc,
            SonaeStore    *store)
{
  static const double widths[] = { 0.28, 0.24, 0.48 };

  sonae_document_add_heading (doc, "1", _("Policy and team"));
  add_text (doc, store, SONAE_BCP_TEXT_POLICY, TRUE, 3);
  add_text (doc, store, SONAE_BCP_TEXT_ALIGNMENT, TRUE, 2);

  sonae_document_begin_group (doc);
  {
    g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("Who decides"));

    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
  }
  {
    g_autofree char *h1 = header_cell (_("Decision"));
    g_autofree char *h2 = header_cell (_("Role"));
    g_autofree char *h3 = header_cell (_("Who, and how to reach them"));
    const char *header[] = { h1, h2, h3 };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, ROW_TEXT);
  }
  for (int d = 0; d < SONAE_BCP_N_DECISIONS; d++)
    {
      g_autofree char *role_key = sonae_bcp_get_decider (store, (SonaeBcpDecision) d);
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, role_key, NULL);
      g_autofree char *decision = g_markup_printf_escaped ("<b>%s</b>", sonae_bcp_decision_get_title ((SonaeBcpDecision) d));
      g_autofree char *role = g_markup_escape_text (sonae_role_get_name (role_key), -1);
      GString *who = g_string_new (NULL);

      for (guint i = 0; holders != NULL && i < holders->len; i++)
        {
          g_autofree char *person = person_markup (g_ptr_array_index (holders, i));

          if (who->len > 0)
            g_string_append_c (who, '\n');
          g_string_append (who, person);
        }
      if (who->len == 0)
        {
          g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Not assigned — fill in the roster"));
          g_autofree char *name = sonae_doc_write_in_markup (C_("write-in", "Name: "), 10);
          g_autofree char *phone = sonae_doc_write_in_markup (C_("write-in", "Phone: "), 10);

          /* Until then, lines to write them on by hand. */
          g_string_append_printf (who, "%s\n%s\n%s", badge, name, phone);
        }
      {
        g_autofree char *who_markup = g_string_free (who, FALSE);
        const char *cells[] = { decision, role, who_markup };

        sonae_document_add_row (doc, cells);
      }
    }
  sonae_document_end_group (doc);
}

/* 2. Crisis events and the damage they would do. */
static gboolean
add_events (SonaeDocument *doc,
            SonaeStore    *store,
            GError       **error)
{
  static const double widths[] = { 0.32, 0.34, 0.34 };
  g_autoptr(GPtrArray) events = sonae_bcp_list_events (store, error);

  if (events == NULL)
    return FALSE;

  /* The heading stays with its table. */
  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, "2", _("Crisis events and assumed damage"));
  {
    g_autofree char *intro = g_markup_escape_text (is_medical (store)
                                                   ? _("What could happen to the clinic's IT, what each event would stop, and the damage to expect: how long, how many patients.")
                                                   : _("What could happen to the company's IT, what each event would stop, and the damage to expect: how long, how many customers."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, intro);
  }
  {
    g_autofree char *h1 = header_cell (_("Event"));
    g_autofree char *h2 = header_cell (_("What it would stop"));
    g_autofree char *h3 = header_cell (_("Assumed damage"));
    const char *header[] = { h1, h2, h3 };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, ROW_TEXT);
  }
  for (guint i = 0; i < events->len; i++)
    {
      SonaeBcpEvent *e = g_ptr_array_index (events, i);
      g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", e->title ? e->title : "");
      g_autofree char *stops = small (e->stops);
      g_autofree char *damage = small (e->damage);
      const char *cells[] = { title, stops, damage };

      sonae_document_add_row (doc, cells);
    }
  sonae_document_add_empty_rows (doc, events->len > 0 ? SPARE_ROWS : BLANK_ROWS);
  sonae_document_end_group (doc);
  return TRUE;
}

static char *
hours_markup (int hours)
{
  if (hours < 0)
    return NULL;
  /* Translators: a number of hours, e.g. a target time to recover */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), hours);
}

static const char *
offline_mark (SonaeBcpAnswer answer)
{
  switch (answer)
    {
    case SONAE_BCP_YES:
      return MARK_YES;
    case SONAE_BCP_NO:
      return MARK_NO;
    case SONAE_BCP_UNKNOWN:
    default:
      return "";
    }
}

static const char *
answer_title (SonaeBcpAnswer answer)
{
  switch (answer)
    {
    case SONAE_BCP_YES:
      /* Translators: an answer of the BCP (はい) */
      return C_("bcp answer", "Yes");
    case SONAE_BCP_NO:
      /* Translators: an answer of the BCP (いいえ) */
      return C_("bcp answer", "No");
    case SONAE_BCP_UNKNOWN:
    default:
      /* Translators: a question of the BCP not answered yet (未回答) */
      return C_("bcp answer", "Not answered");
    }
}

/* The last restore test, with the next one due and whether it is
 * overdue. */
static char *
restore_markup (const SonaeBcpSystem *system,
                gboolean              with_next)
{
  g_autofree char *next = sonae_bcp_system_next_restore_test (system);
  GString *out = g_string_new (NULL);

  if (!is_blank (system->restore_tested_on))
    g_string_append (out, system->restore_tested_on);
  else if (system->restore_test_days > 0)
    {
      /* Translators: a backup whose restore was never tried */
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Never tested"));

      g_string_append (out, badge);
    }
  else if (with_next)
    g_string_append (out, blank_line ());

  if (with_next && next != NULL)
    {
      /* Translators: the day the next backup restore test is due */
      g_autofree char *text = g_markup_printf_escaped (_("next by %s"), next);

      g_string_append_printf (out, "\u3000%s", text);
    }
  if (next != NULL && date_is_past (next))
    {
      g_autofree char *base = g_string_free (out, FALSE);

      return with_next ? with_overdue (base) : with_overdue_cell (base);
    }
  return g_string_free (out, FALSE);
}

static void
add_systems_summary (SonaeDocument *doc,
                     GPtrArray     *systems)
{
  static const double widths[] = { 0.08, 0.30, 0.14, 0.16, 0.12, 0.20 };
  g_autofree char *h1 = header_cell (_("Order"));
  g_autofree char *h2 = header_cell (_("System"));
  /* Translators: a column: the target time to recover (RTO) */
  g_autofree char *h3 = header_cell (_("Time to recover"));
  /* Translators: a column: the data that may be lost (RPO) */
  g_autofree char *h4 = header_cell (_("Tolerable data loss"));
  /* Translators: a column: is one backup copy kept off the network (○ / ×) */
  g_autofree char *h5 = header_cell (_("Offline copy"));
  g_autofree char *h6 = header_cell (_("Last restore test"));
  const char *header[] = { h1, h2, h3, h4, h5, h6 };

  sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, ROW_LINE);
  for (guint i = 0; i < systems->len; i++)
    {
      SonaeBcpSystem *s = g_ptr_array_index (systems, i);
      g_autofree char *order = s->recovery_order > 0 ? g_strdup_printf ("<b>%d</b>", s->recovery_order) : g_strdup ("");
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", s->name);
      g_autofree char *rto_text = hours_markup (s->rto_hours);
      g_autofree char *rpo_text = hours_markup (s->rpo_hours);
      g_autofree char *rto = g_markup_escape_text (rto_text ? rto_text : "", -1);
      g_autofree char *rpo = g_markup_escape_text (rpo_text ? rpo_text : "", -1);
      g_autofree char *offline = s->backup_offline == SONAE_BCP_NO
                                 ? g_strdup_printf ("<span foreground=\"" SONAE_PRINT_COLOR_WARNING "\"><b>%s</b></span>", MARK_NO)
                                 : g_strdup (offline_mark (s->backup_offline));
      g_autofree char *restore_text = restore_markup (s, FALSE);
      g_autofree char *restore = g_strdup_printf ("<span size=\"%d\">%s</span>", SMALL_SIZE, restore_text);
      const char *cells[] = { order, name, rto, rpo, offline, restore };

      sonae_document_add_row (doc, cells);
    }
  sonae_document_add_empty_rows (doc, systems->len > 0 ? SPARE_ROWS : BLANK_ROWS);
  {
    /* Translators: the legend of the offline-copy column */
    g_autofree char *legend = muted_small (_("○ one backup copy is kept off the network; × none is. Systems in the order they come back."));

    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, legend);
  }
}

static void
add_key (SonaeDocument *doc,
         const char    *key,
         const char    *text)
{
  g_autofree char *value = escaped_or_blank (text);

  sonae_document_add_key_value (doc, key, value);
}

static void
add_key_hours (SonaeDocument *doc,
               const char    *key,
               int            hours)
{
  g_autofree char *text = hours_markup (hours);

  add_key (doc, key, text);
}

/* A blank system's sheet, every field with full-width lines to write on
 * by hand, a handwriting line apart (sonae_document_add_write_in). */
static void
add_blank_system (SonaeDocument *doc,
                  SonaeStore    *store,
                  const char    *number)
{
  sonae_document_begin_group (doc);
  /* Translators: the heading of a blank system sheet to fill in by hand */
  sonae_document_add_heading (doc, number, _("A system, to fill in by hand"));
  sonae_document_add_write_in (doc, _("Name of the system"), 1);
  sonae_document_add_write_in (doc, _("What it is for"), 1);
  sonae_document_add_write_in (doc, _("Vendor and support line"), 1);
  sonae_document_add_write_in (doc, _("Contract number"), 1);
  sonae_document_add_write_in (doc, looked_after_by (store), 1);
  sonae_document_add_write_in (doc, _("Recovery order"), 1);
  sonae_document_add_write_in (doc, _("Target time to recover"), 1);
  sonae_document_add_write_in (doc, _("Tolerable data loss"), 1);
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  {
    g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("Backups"));

    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
  }
  sonae_document_add_write_in (doc, _("Method"), 1);
  sonae_document_add_write_in (doc, _("How often"), 1);
  sonae_document_add_write_in (doc, _("Generations kept"), 1);
  {
    g_autofree char *label = g_markup_escape_text (_("One copy off the network"), -1);
    g_autofree char *yes = g_markup_escape_text (answer_title (SONAE_BCP_YES), -1);
    g_autofree char *no = g_markup_escape_text (answer_title (SONAE_BCP_NO), -1);
    const char *options[] = { yes, no, NULL };

    sonae_document_add_options (doc, label, options);
  }
  sonae_document_add_write_in (doc, _("Where the copies are"), 1);
  sonae_document_add_write_in (doc, _("Last restore test"), 1);
  sonae_document_add_write_in (doc, _("Restore test planned"), 1);
  sonae_document_end_group (doc);

  sonae_document_begin_group (doc);
  sonae_document_add_write_in (doc, _("How work goes on without it"), 3);
  sonae_document_add_write_in (doc, _("Where the paper forms are"), 1);
  sonae_document_add_write_in (doc, _("First steps when it stops"), 3);
  sonae_document_end_group (doc);
}

/* One system's sheet, every field: what is not written yet as a line to
 * fill in (a blank sheet is add_blank_system's). */
static void
add_system (SonaeDocument        *doc,
            SonaeStore           *store,
            const SonaeBcpSystem *system,
            const char           *number)
{
  g_autoptr(SonaeContact) vendor = NULL;
  g_autoptr(SonaeContact) owner = NULL;

  if (system != NULL && system->vendor_id > 0)
    vendor = sonae_contacts_get (store, system->vendor_id, NULL);
  if (system != NULL && system->owner_id > 0)
    owner = sonae_contacts_get (store, system->owner_id, NULL);

  sonae_document_begin_group (doc);
  sonae_document_add_heading (doc, number, system->name);
  add_key (doc, _("What it is for"), system ? system->purpose : NULL);
  {
    GString *v = g_string_new (NULL);

    if (vendor != NULL)
      {
        g_autofree char *person = person_markup (vendor);

        g_string_append (v, person);
      }
    else if (system != NULL && !is_blank (system->vendor_name))
      {
        g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", system->vendor_name);

        g_string_append (v, name);
      }
    else
      g_string_append (v, blank_line ());
    {
      g_autofree char *value = g_string_free (v, FALSE);

      sonae_document_add_key_value (doc, _("Vendor and support line"), value);
    }
  }
  {
    const char *contract = system ? system->contract_no : NULL;

    if (is_blank (contract) && vendor != NULL)
      contract = vendor->contract;
    add_key (doc, _("Contract number"), contract);
  }
  if (owner != NULL)
    {
      g_autofree char *person = person_markup (owner);

      sonae_document_add_key_value (doc, looked_after_by (store), person);
    }
  else
    add_key (doc, looked_after_by (store), system ? system->owner_name : NULL);
  {
    g_autofree char *order = system && system->recovery_order > 0 ? g_strdup_printf ("%d", system->recovery_order) : NULL;

    add_key (doc, _("Recovery order"), order);
  }
  add_key_hours (doc, _("Target time to recover"), system ? system->rto_hours : -1);
  add_key_hours (doc, _("Tolerable data loss"), system ? system->rpo_hours : -1);
  sonae_document_end_group (doc);

  /* The backups. */
  sonae_document_begin_group (doc);
  {
    g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("Backups"));

    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
  }
  add_key (doc, _("Method"), system ? system->backup_method : NULL);
  add_key (doc, _("How often"), system ? system->backup_frequency : NULL);
  {
    g_autofree char *generations = system && system->backup_generations >= 0
                                   ? g_strdup_printf ("%d", system->backup_generations) : NULL;

    add_key (doc, _("Generations kept"), generations);
  }
  {
    g_autofree char *value = NULL;

    if (system != NULL && system->backup_offline == SONAE_BCP_YES)
      value = g_markup_printf_escaped ("%s %s", MARK_YES, answer_title (SONAE_BCP_YES));
    else if (system != NULL && system->backup_offline == SONAE_BCP_NO)
      {
        g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, answer_title (SONAE_BCP_NO));

        value = g_strdup_printf ("%s %s", MARK_NO, badge);
      }
    else
      value = g_markup_printf_escaped ("\u25a1 %s\u3000\u25a1 %s", answer_title (SONAE_BCP_YES), answer_title (SONAE_BCP_NO));
    sonae_document_add_key_value (doc, _("One copy off the network"), value);
  }
  add_key (doc, _("Where the copies are"), system ? system->backup_location : NULL);
  if (system != NULL)
    {
      g_autofree char *restore = restore_markup (system, TRUE);

      sonae_document_add_key_value (doc, _("Last restore test"), restore);
    }
  else
    add_key (doc, _("Last restore test"), NULL);
  {
    /* Translators: how often a backup restore is to be tried, e.g. “every 180 days” */
    g_autofree char *plan = system && system->restore_test_days > 0
                            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %d day", "every %d days",
                                                            system->restore_test_days),
                                               system->restore_test_days)
                            : NULL;

    add_key (doc, _("Restore test planned"), plan);
  }
  sonae_document_end_group (doc);

  /* Without it. */
  sonae_document_begin_group (doc);
  add_key (doc, _("How work goes on without it"), system ? system->fallback : NULL);
  add_key (doc, _("Where the paper forms are"), system ? system->forms_location : NULL);
  add_key (doc, _("First steps when it stops"), system ? system->first_steps : NULL);
  sonae_document_end_group (doc);
}

/* 3. Systems and their recovery priority. */
static gboolean
add_systems (SonaeDocument *doc,
             SonaeStore    *store,
             GError       **error)
{
  g_autoptr(GPtrArray) systems = sonae_bcp_list_systems (store, error);

  if (systems == NULL)
    return FALSE;

  sonae_document_add_page_break (doc);
  sonae_document_add_heading (doc, "3", _("Systems and recovery priority"));
  add_systems_summary (doc, systems);

  for (guint i = 0; i < systems->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("3.%u", i + 1);

      sonae_document_add_spacer (doc, 6.0);
      add_system (doc, store, g_ptr_array_index (systems, i), number);
    }
  if (systems->len == 0)
    {
      sonae_document_add_spacer (doc, 6.0);
      add_blank_system (doc, store, "3.1");
    }
  return TRUE;
}

static const char *
status_title (SonaeCapaStatus status)
{
  return sonae_capa_status_get_title (status);
}

/* 4. The plans: measures, training, upkeep. */
static gboolean
add_plans (SonaeDocument *doc,
           SonaeStore    *store,
           GError       **error)
{
  static const double widths[] = { 0.46, 0.20, 0.16, 0.18 };
  g_autoptr(GPtrArray) measures = sonae_bcp_list_measures (store, error);

  if (measures == NULL)
    return FALSE;

  sonae_document_add_page_break (doc);
  sonae_document_add_heading (doc, "4", _("Plans"));
  sonae_document_add_heading (doc, "4.1", _("Prevention measures"));
  {
    g_autofree char *h1 = header_cell (_("Measure"));
    g_autofree char *h2 = header_cell (_("Owner"));
    g_autofree char *h3 = header_cell (_("Due"));
    g_autofree char *h4 = header_cell (_("Status"));
    const char *header[] = { h1, h2, h3, h4 };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, ROW_LINE);
  }
  for (guint i = 0; i < measures->len; i++)
    {
      SonaeBcpMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *text = NULL;
      g_autofree char *owner = small (m->owner_name);
      g_autofree char *due = NULL;
      g_autofree char *status = NULL;

      if (m->check_key != NULL || m->mhlw_key != NULL)
        {
          /* Translators: a mark on a measure that comes from a self-check question answered No */
          const char *self_check = _("from the self-check");
          /* Translators: a mark on a measure that comes from an item of the MHLW checklist answered No */
          const char *mhlw = _("from the MHLW checklist");
          g_autofree char *from = muted_small (m->check_key != NULL ? self_check : mhlw);

          g_autofree char *escaped = g_markup_escape_text (m->text ? m->text : "", -1);

          text = g_strdup_printf ("%s\n%s", escaped, from);
        }
      else
        text = g_markup_escape_text (m->text ? m->text : "", -1);

      due = small (m->due_on);
      if (m->status == SONAE_CAPA_OPEN && date_is_past (m->due_on))
        {
          g_autofree char *base = g_steal_pointer (&due);

          due = with_overdue_cell (base);
        }
      if (m->status == SONAE_CAPA_OPEN)
        status = g_markup_escape_text (status_title (m->status), -1);
      else
        status = g_markup_printf_escaped ("%s\n<span size=\"%d\">%s</span>", status_title (m->status),
                                          SMALL_SIZE, m->done_on ? m->done_on : "");
      {
        const char *cells[] = { text, owner, due, status };

        sonae_document_add_row (doc, cells);
      }
    }
  sonae_document_add_empty_rows (doc, measures->len > 0 ? SPARE_ROWS : BLANK_ROWS);

  sonae_document_add_heading (doc, "4.2", _("Training plan"));
  add_text (doc, store, SONAE_BCP_TEXT_TRAINING, FALSE, 3);

  sonae_document_add_heading (doc, "4.3", _("Upkeep and review"));
  add_text (doc, store, SONAE_BCP_TEXT_UPKEEP, FALSE, 2);
  {
    g_autofree char *date = NULL;
    g_autofree char *by = NULL;

    sonae_document_begin_group (doc);
    if (sonae_bcp_get_last_review (store, &date, &by))
      {
        g_autofree char *next = add_days (date, SONAE_BCP_REVIEW_DAYS);
        /* Translators: the last review of the BCP: a date and who reviewed it */
        g_autofree char *last = g_markup_printf_escaped (_("%s, reviewed by %s"), date, by ? by : "");
        g_autofree char *next_markup = g_markup_escape_text (next ? next : "", -1);

        sonae_document_add_key_value (doc, _("Last reviewed"), last);
        if (next != NULL && date_is_past (next))
          {
            g_autofree char *overdue = with_overdue (next_markup);

            sonae_document_add_key_value (doc, _("Next review by"), overdue);
          }
        else
          sonae_document_add_key_value (doc, _("Next review by"), next_markup);
      }
    else
      {
        /* Translators: the BCP has never been reviewed */
        g_autofree char *never = sonae_markup_badge (SONAE_BADGE_CAUTION, _("Never reviewed"));
        g_autofree char *value = g_strdup_printf ("%s\u3000%s", never, blank_line ());

        sonae_document_add_key_value (doc, _("Last reviewed"), value);
        add_key (doc, _("Next review by"), NULL);
      }
    sonae_document_end_group (doc);
  }
  return TRUE;
}

/* A drill's measures, one a line. */
static char *
drill_measures_markup (SonaeStore *store,
                       gint64      drill_id)
{
  g_autoptr(GPtrArray) measures = sonae_bcp_list_drill_measures (store, drill_id, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; measures != NULL && i < measures->len; i++)
    {
      SonaeBcpMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *line = g_markup_printf_escaped ("\u30fb%s", m->text ? m->text : "");

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
      if (m->status != SONAE_CAPA_OPEN)
        {
          g_autofree char *st = muted_small (status_title (m->status));

          g_string_append_printf (out, " %s", st);
        }
    }
  if (out->len == 0)
    g_string_append (out, blank_line ());
  return g_string_free (out, FALSE);
}

/* A blank drill record to fill in by hand. */
static void
add_blank_drill (SonaeDocument *doc)
{
  static const double halves[] = { 0.3, 0.7 };
  static const double full[] = { 1.0 };
  g_autofree char *date = cell_label (_("Date"));
  g_autofree char *scenario = cell_label (_("Scenario"));
  g_autofree char *participants = cell_label (_("Participants"));
  g_autofree char *findings = cell_label (_("Findings: what went well, what did not"));
  g_autofree char *measures = cell_label (_("Measures decided"));

  sonae_document_begin_group (doc);
  {
    const char *cells[] = { date, scenario };

    sonae_document_add_form_table (doc, 2, halves, NULL, ROW_TEXT);
    sonae_document_add_row (doc, cells);
  }
  {
    const char *cells[] = { participants };

    sonae_document_add_form_table (doc, 1, full, NULL, ROW_TEXT);
    sonae_document_add_row (doc, cells);
  }
  {
    const char *cells[] = { findings };

    sonae_document_add_form_table (doc, 1, full, NULL, ROW_BOX * 1.5);
    sonae_document_add_row (doc, cells);
  }
  {
    const char *cells[] = { measures };

    sonae_document_add_form_table (doc, 1, full, NULL, ROW_BOX);
    sonae_document_add_row (doc, cells);
  }
  sonae_document_end_group (doc);
}

/* 5. Drills and review. */
static gboolean
add_drills (SonaeDocument *doc,
            SonaeStore    *store,
            GError       **error)
{
  g_autoptr(GPtrArray) drills = sonae_bcp_list_drills (store, error);
  g_autofree char *last = NULL;

  if (drills == NULL)
    return FALSE;

  sonae_document_add_page_break (doc);
  sonae_document_add_heading (doc, "5", _("Drills and review"));
  last = sonae_bcp_get_last_drill_date (store);
  {
    g_autofree char *next = last ? add_days (last, SONAE_BCP_DRILL_DAYS) : NULL;
    g_autofree char *text = NULL;

    if (next != NULL)
      {
        /* Translators: %s is the date by which the next drill is due */
        g_autofree char *line = g_markup_printf_escaped (_("A drill is held at least once a year: the next one by %s."), next);

        text = date_is_past (next) ? with_overdue (line) : g_steal_pointer (&line);
      }
    else
      {
        g_autofree char *line = g_markup_escape_text (_("A drill is held at least once a year. No drill has been recorded yet."), -1);
        g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, _("No drill yet"));

        text = g_strdup_printf ("%s %s", line, badge);
      }
    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, text);
  }

  for (guint i = 0; i < drills->len; i++)
    {
      SonaeBcpDrill *d = g_ptr_array_index (drills, i);
      g_autofree char *number = g_strdup_printf ("5.%u", i + 1);
      /* A short title, and a bookmark, by its date: the scenario, a
       * sentence, follows it. */
      /* Translators: the heading of one drill in the BCP worksheets; %s is its date */
      g_autofree char *heading = g_strdup_printf (_("Drill of %s"), d->held_on ? d->held_on : "");
      g_autofree char *measures = drill_measures_markup (store, d->id);

      sonae_document_begin_group (doc);
      sonae_document_add_heading (doc, number, heading);
      add_key (doc, _("Date"), d->held_on);
      add_key (doc, _("Scenario"), d->scenario);
      add_key (doc, _("Participants"), d->participants);
      /* Translators: what a drill showed (気づいた点) */
      add_key (doc, C_("drill", "Findings"), d->findings);
      sonae_document_add_key_value (doc, _("Measures decided"), measures);
      if (d->incident_number != NULL)
        {
          /* Translators: the drill incident recorded during a drill, by its number */
          g_autofree char *value = g_markup_printf_escaped (_("%s (drill record)"), d->incident_number);

          sonae_document_add_key_value (doc, _("Incident record"), value);
        }
      sonae_document_end_group (doc);
    }

  sonae_document_add_spacer (doc, 8.0);
  {
    g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", drills->len > 0
                                                      ? _("The next drill")
                                                      : _("Drill record"));

    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
  }
  add_blank_drill (doc);
  return TRUE;
}

static char *
level_markup (int likelihood,
              int impact)
{
  SonaeRiskLevel level = sonae_risk_level (likelihood, impact);
  const char *title = sonae_risk_level_get_title (level);

  switch (level)
    {
    case SONAE_RISK_HIGH:
      return sonae_markup_badge (SONAE_BADGE_WARNING, title);
    case SONAE_RISK_MEDIUM:
      return g_markup_printf_escaped ("<span size=\"%d\"><b>%s</b></span>", SMALL_SIZE, title);
    case SONAE_RISK_LOW:
    default:
      return small (title);
    }
}

/* The risk register (seed 003): identify, analyse, evaluate, treat,
 * accept; monitor and review. */
static gboolean
add_risks (SonaeDocument *doc,
           SonaeStore    *store,
           GError       **error)
{
  static const double widths[] = { 0.20, 0.12, 0.10, 0.11, 0.21, 0.12, 0.14 };
  g_autoptr(GPtrArray) risks = sonae_bcp_list_risks (store, error);

  if (risks == NULL)
    return FALSE;

  sonae_document_add_page_break (doc);
  sonae_document_add_heading (doc, NULL, _("Risk register"));
  {
    g_autofree char *intro = g_markup_escape_text (_("Identify what could happen, analyse how likely it is and how much harm it would do, "
                                                     "evaluate its level (likelihood × impact: 6–9 high, 3–4 medium, 1–2 low), "
                                                     "decide the treatment, accept what remains, and review it by the date set."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, intro);
  }
  {
    g_autofree char *h1 = header_cell (_("Risk"));
    g_autofree char *h2 = header_cell (_("Likelihood"));
    g_autofree char *h3 = header_cell (_("Impact"));
    g_autofree char *h4 = header_cell (_("Level"));
    g_autofree char *h5 = header_cell (_("Treatment"));
    g_autofree char *h6 = header_cell (_("Owner"));
    g_autofree char *h7 = header_cell (_("Next review"));
    const char *header[] = { h1, h2, h3, h4, h5, h6, h7 };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, ROW_TEXT);
  }
  for (guint i = 0; i < risks->len; i++)
    {
      SonaeBcpRisk *r = g_ptr_array_index (risks, i);
      g_autofree char *risk = small (r->risk);
      g_autofree char *likelihood = small (sonae_risk_likelihood_get_title (r->likelihood));
      g_autofree char *impact = small (sonae_risk_impact_get_title (r->impact));
      g_autofree char *level = level_markup (r->likelihood, r->impact);
      GString *treatment = g_string_new (NULL);
      g_autofree char *owner = small (r->owner_name);
      g_autofree char *review = small (r->next_review_on);

      {
        g_autofree char *t = g_markup_printf_escaped ("<b>%s</b>", sonae_risk_treatment_get_title (r->treatment));

        g_string_append (treatment, t);
      }
      if (!is_blank (r->treatment_text))
        {
          g_autofree char *t = small (r->treatment_text);

          g_string_append_printf (treatment, "\n%s", t);
        }
      if (!is_blank (r->accepted_by))
        {
          /* Translators: who accepted the remaining risk, and when */
          g_autofree char *text = g_strdup_printf (_("Accepted by %s on %s"), r->accepted_by,
                                                   r->accepted_on ? r->accepted_on : "");
          g_autofree char *t = muted_small (text);

          g_string_append_printf (treatment, "\n%s", t);
        }
      if (date_is_past (r->next_review_on))
        {
          g_autofree char *base = g_steal_pointer (&review);

          review = with_overdue_cell (base);
        }
      {
        g_autofree char *treatment_markup = g_string_free (treatment, FALSE);
        const char *cells[] = { risk, likelihood, impact, level, treatment_markup, owner, review };

        sonae_document_add_row (doc, cells);
      }
    }
  sonae_document_add_empty_rows (doc, risks->len > 0 ? SPARE_ROWS : BLANK_ROWS);
  return TRUE;
}

/* The readiness self-check: every question with its answer, the target
 * date of each No, and boxes to tick for those not answered. */
static gboolean
add_checks (SonaeDocument *doc,
            SonaeStore    *store,
            GError       **error)
{
  static const double widths[] = { 0.08, 0.52, 0.20, 0.20 };
  g_autoptr(GPtrArray) answers = sonae_bcp_list_checks (store, error);

  if (answers == NULL)
    return FALSE;

  sonae_document_add_page_break (doc);
  sonae_document_add_heading (doc, NULL, _("Readiness self-check"));
  {
    g_autofree char *intro = g_markup_escape_text (_("Answer each question Yes or No. Every No is a measure of the plan: give it a date by which it will be put right."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, intro);
  }
  {
    /* Translators: a column of the self-check: the IT-BCP step (1–5) the question belongs to */
    g_autofree char *h1 = header_cell (_("Step"));
    g_autofree char *h2 = header_cell (_("Question"));
    g_autofree char *h3 = header_cell (_("Answer"));
    g_autofree char *h4 = header_cell (_("Put right by"));
    const char *header[] = { h1, h2, h3, h4 };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, ROW_LINE);
  }
  for (guint i = 0; i < answers->len; i++)
    {
      SonaeBcpCheckAnswer *a = g_ptr_array_index (answers, i);
      const SonaeBcpCheckInfo *info = sonae_bcp_check_lookup (a->key);
      g_autofree char *step = g_markup_escape_text (info ? info->step : "", -1);
      g_autofree char *question = small (sonae_bcp_check_get_question (a->key, sonae_store_get_org_kind (store)));
      g_autofree char *answer = NULL;
      g_autofree char *target = NULL;

      switch (a->answer)
        {
        case SONAE_BCP_YES:
          answer = g_markup_printf_escaped ("\u25a0 %s", answer_title (SONAE_BCP_YES));
          target = g_strdup ("");
          break;
        case SONAE_BCP_NO:
          {
            g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_CAUTION, answer_title (SONAE_BCP_NO));

            answer = g_strdup_printf ("\u25a0 %s", badge);
            if (is_blank (a->target_on))
              target = g_strdup ("");
            else if (date_is_past (a->target_on))
              {
                g_autofree char *base = small (a->target_on);

                target = with_overdue_cell (base);
              }
            else
              target = small (a->target_on);
          }
          break;
        case SONAE_BCP_UNKNOWN:
        default:
          {
            g_autofree char *boxes = g_markup_printf_escaped ("\u25a1 %s\u3000\u25a1 %s", answer_title (SONAE_BCP_YES),
                                                              answer_title (SONAE_BCP_NO));
            g_autofree char *note = muted_small (answer_title (SONAE_BCP_UNKNOWN));

            answer = g_strdup_printf ("%s\n%s", boxes, note);
            target = g_strdup ("");
          }
          break;
        }
      {
        const char *cells[] = { step, question, answer, target };

        sonae_document_add_row (doc, cells);
      }
    }
  return TRUE;
}

SonaeDocument *
sonae_doc_bcp_build (SonaeStore  *store,
                     SonaePaper   paper,
                     GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  doc = sonae_doc_new (store, "bcp", paper);
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc),
                            is_medical (store)
                            ? _("IT business-continuity plan (IT-BCP): how care goes on when the computers do not, "
                                "in five steps; then the risk register and the readiness self-check")
                            : _("IT business-continuity plan (IT-BCP): how the work goes on when the computers do not, "
                                "in five steps; then the risk register and the readiness self-check"));
  if (!sonae_bcp_is_started (store))
    {
      g_autofree char *blank = g_markup_escape_text (_("Nothing of the plan has been written in Sonae yet: these are blank worksheets. "
                                                       "Fill them in by hand, then enter them in Sonae's BCP section."), -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_WARNING, blank);
    }

  add_policy (doc, store);
  if (!add_events (doc, store, error) ||
      !add_systems (doc, store, error) ||
      !add_plans (doc, store, error) ||
      !add_drills (doc, store, error) ||
      !add_risks (doc, store, error) ||
      !add_checks (doc, store, error))
    return NULL;

  return g_steal_pointer (&doc);
}
