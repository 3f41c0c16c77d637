/* sonae-doc-poster.c: the first-response poster for the wall next to the
 * computers: what whoever finds a problem does in the first minutes, and
 * whom to call, in type readable from two metres, on one page */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-docs.h"
#include "sonae-escalation.h"
#include "sonae-manual-view.h"

/* Whom the poster says to call: the contact chain of the level at which the
 * organisation's work is affected, as the escalation rule gives it. */
#define POSTER_LEVEL 2

/* Deputies shown for each role; the call tree has the rest. */
#define MAX_DEPUTIES 2
/* Longer names are cut: the poster must stay one readable page. */
#define MAX_NAME_CHARS 32

/* Sizes in points (the body of a step is SONAE_STYLE_POSTER, 24 pt). */
#define PT_ORGANISATION 17.0
#define PT_HEADLINE     36.0
#define PT_INTRO        14.0
#define PT_DETAIL       13.0
#define PT_ROLE         15.0
#define PT_ORDER        12.0
#define PT_NAME         18.0
#define PT_NAME_DEPUTY  16.0
#define PT_PHONE        26.0
#define PT_PHONE_DEPUTY 21.0
#define PT_GAP          4.0   /* between two people */

/* The wording that differs between care providers and other businesses. */
typedef struct {
  const char *intro;
  const char *spread;
  const char *carry_on;
} Wording;

static const Wording clinic_wording = {
  N_("A strange screen, the electronic medical record not working, a suspicious e-mail opened? Stay calm and do this, in order:"),
  N_("The network cable only, never the power cable: so it cannot spread to the electronic medical record."),
  N_("Patient care goes on, on paper, until you are told the electronic medical record is safe. Report at once, even a mistake of your own: nobody handles this alone."),
};

static const Wording business_wording = {
  N_("A strange screen, a business system not working, a suspicious e-mail opened? Stay calm and do this, in order:"),
  N_("The network cable only, never the power cable: so it cannot spread to the business systems."),
  N_("Tell customers nothing and post nothing about it until the response lead decides. Report at once, even a mistake of your own: nobody handles this alone."),
};

/* Markup of @text (plain) in @points, bold when @bold, in @color when not NULL. */
static char *
sized (const char *text,
       double      points,
       gboolean    bold,
       const char *color)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  return g_strdup_printf ("<span size=\"%d\" weight=\"%s\"%s%s%s>%s</span>",
                          (int) (points * PANGO_SCALE), bold ? "bold" : "normal",
                          color ? " foreground=\"" : "", color ? color : "", color ? "\"" : "",
                          escaped);
}

static char *
short_name (SonaeContact *contact)
{
  const char *name = sonae_contact_get_display_name (contact);

  if (g_utf8_strlen (name, -1) <= MAX_NAME_CHARS)
    return g_strdup (name);
  {
    g_autofree char *cut = g_utf8_substring (name, 0, MAX_NAME_CHARS - 1);

    return g_strconcat (cut, "…", NULL);
  }
}

static void
add_step (SonaeDocument *doc,
          guint          number,
          const char    *title,
          const char    *detail)
{
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *detail_markup = sized (detail, PT_DETAIL, FALSE, NULL);
  g_autofree char *markup = g_strdup_printf ("%s\n%s", title_markup, detail_markup);

  sonae_document_add_step (doc, SONAE_STYLE_POSTER | SONAE_STYLE_BOLD, number_text, markup);
}

/* A blank line of @length full-width low lines (they join into one rule)
 * in @points, to write on by hand. */
static char *
write_in_line (double points,
               guint  length)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append (line, "\uff3f");
  return sized (line->str, points, FALSE, SONAE_PRINT_COLOR_MUTED);
}

/* A label (“Name”) and a shorter line after it, on one line. */
static char *
labelled_write_in_line (const char *label)
{
  g_autofree char *text = sized (label, PT_ORDER, FALSE, SONAE_PRINT_COLOR_MUTED);
  g_autofree char *rule = write_in_line (PT_NAME, 11);

  return g_strdup_printf ("%s\u2002%s", text, rule);
}

/* Under a person's name where the poster shows no number: a line to write
 * one on, after a warning unless the organisation chose to leave it to
 * the pen. */
static char *
phone_write_in (SonaePosterPhone choice,
                gboolean         primary)
{
  g_autofree char *line = write_in_line (primary ? PT_NAME : PT_NAME_DEPUTY, 13);
  const char *missing;

  switch (choice)
    {
    case SONAE_POSTER_PHONE_NONE:
      return g_steal_pointer (&line);
    case SONAE_POSTER_PHONE_WORK:
      missing = _("No work number in the roster: write one here");
      break;
    case SONAE_POSTER_PHONE_MOBILE:
      missing = _("No mobile number in the roster: write one here");
      break;
    case SONAE_POSTER_PHONE_ANY:
    default:
      missing = _("No phone number in the roster: write one here");
      break;
    }
  {
    g_autofree char *warning = sized (missing, PT_ORDER, TRUE, SONAE_PRINT_COLOR_WARNING);

    return g_strdup_printf ("%s\n%s", warning, line);
  }
}

/* The markup of one role's cell: its name, then the people to call in
 * order with the number to dial (the kind of number @choice says); or,
 * when nobody holds the role, a warning and lines to write a name and a
 * number on by hand. */
static char *
role_markup (const char       *role_key,
             GPtrArray        *holders,
             SonaePosterPhone  choice)
{
  GString *out = g_string_new (NULL);
  g_autofree char *role = sized (sonae_role_get_name (role_key), PT_ROLE, TRUE, NULL);
  g_autofree char *gap = sized (" ", PT_GAP, FALSE, NULL);
  guint shown = MIN (holders->len, 1 + MAX_DEPUTIES);

  g_string_append (out, role);
  if (holders->len == 0)
    {
      /* Quiet words, not a red warning: the poster hangs on the wall, and
       * the lines below are how it is filled in until Sonae knows. */
      g_autofree char *hint = sized (_("Nobody is chosen in Sonae yet: write a name and a phone number here by hand."),
                                     PT_ORDER, FALSE, SONAE_PRINT_COLOR_MUTED);
      /* Translators: before a line to write a name on, on the poster */
      g_autofree char *name = labelled_write_in_line (C_("poster", "Name"));
      /* Translators: before a line to write a phone number on, on the poster */
      g_autofree char *phone = labelled_write_in_line (C_("poster", "Phone"));

      g_string_append_printf (out, "\n%s\n%s\n%s\n%s", gap, hint, name, phone);
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < shown; i++)
    {
      SonaeContact *c = g_ptr_array_index (holders, i);
      gboolean primary = i == 0;
      g_autofree char *name_text = short_name (c);
      const char *phone_text = sonae_contact_get_poster_phone (c, choice);
      g_autofree char *name = sized (name_text, primary ? PT_NAME : PT_NAME_DEPUTY, TRUE, NULL);
      g_autofree char *phone = NULL;

      if (phone_text != NULL)
        phone = sized (phone_text, primary ? PT_PHONE : PT_PHONE_DEPUTY, TRUE, NULL);
      else
        phone = phone_write_in (choice, primary);

      g_string_append_printf (out, "\n%s\n", gap);
      if (!primary)
        {
          /* Translators: the position of a deputy in the order of calls, e.g. “Deputy 1” */
          g_autofree char *order_text = g_strdup_printf (_("Deputy %u"), i);
          g_autofree char *order = sized (order_text, PT_ORDER, FALSE, SONAE_PRINT_COLOR_MUTED);

          g_string_append_printf (out, "%s\u2002", order);
        }
      g_string_append_printf (out, "%s\n%s", name, phone);
    }

  if (holders->len > shown)
    {
      guint more = holders->len - shown;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more: see the call tree",
                                                            "and %u more: see the call tree", more),
                                               more);
      g_autofree char *note = sized (text, PT_ORDER, FALSE, SONAE_PRINT_COLOR_MUTED);

      g_string_append_printf (out, "\n%s", note);
    }
  return g_string_free (out, FALSE);
}

/* Whom to call: the first responder and the response lead side by side. */
static void
add_calls (SonaeDocument       *doc,
           SonaeStore          *store,
           SonaeEscalationRole *first,
           SonaeEscalationRole *lead)
{
  static const double widths[] = { 0.5, 0.5 };
  g_autofree char *first_cell = role_markup (first->role_key, first->holders,
                                             sonae_contacts_get_poster_phone (store, first->role_key));
  g_autofree char *lead_cell = role_markup (lead->role_key, lead->holders,
                                            sonae_contacts_get_poster_phone (store, lead->role_key));
  const char *cells[] = { first_cell, lead_cell };

  sonae_document_add_table (doc, G_N_ELEMENTS (widths), widths, NULL);
  sonae_document_add_row (doc, cells);
}

SonaeDocument *
sonae_doc_poster_build (SonaeStore  *store,
                        SonaePaper   paper,
                        GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(SonaeEscalation) escalation = NULL;
  SonaeEscalationRole *first;
  SonaeEscalationRole *lead;
  SonaeEscalationRole lead_fallback = { 0 };
  g_autoptr(GPtrArray) lead_holders = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  const Wording *wording = &business_wording;
  const char *organisation;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  /* The first column is the start of the chain (the first responder), the
   * second the role that leads the response at that level (the incident
   * response lead, unless the organisation chose another). */
  manual = sonae_manual_load (error);
  if (manual == NULL)
    return NULL;
  sonae_manual_apply_level_roles (manual, store);
  escalation = sonae_escalation_new (store, manual, POSTER_LEVEL, error);
  if (escalation == NULL)
    return NULL;
  first = g_ptr_array_index (sonae_escalation_get_roles (escalation), 0);
  lead = (SonaeEscalationRole *) sonae_escalation_get_role (escalation,
                                                            sonae_escalation_get_responder (escalation));
  if (lead == NULL || lead == first)
    {
      /* The first responder also responds at that level: the lead is the
       * one to tell. */
      lead_holders = sonae_contacts_get_role_holders (store, SONAE_ROLE_LEAD, error);
      if (lead_holders == NULL)
        return NULL;
      lead_fallback.role_key = (char *) SONAE_ROLE_LEAD;
      lead_fallback.holders = lead_holders;
      lead = &lead_fallback;
    }

  profile = sonae_store_get_profile (store);
  if (profile != NULL && sonae_org_kind_is_medical (profile->kind))
    wording = &clinic_wording;

  doc = sonae_doc_new (store, "poster", paper);
  /* One sheet for the wall, whatever the roster holds. */
  sonae_document_set_fit_one_page (doc, TRUE);
  organisation = sonae_document_get_organisation (doc);

  /* The headline, under the organisation's name, on a red band. */
  {
    g_autofree char *headline = sized (_("Computer trouble?"), PT_HEADLINE, TRUE, NULL);
    g_autofree char *markup = NULL;

    if (organisation != NULL && *organisation != '\0')
      {
        g_autofree char *org = sized (organisation, PT_ORGANISATION, TRUE, NULL);

        markup = g_strdup_printf ("%s\n%s", org, headline);
      }
    else
      markup = g_steal_pointer (&headline);
    sonae_document_add_paragraph (doc, SONAE_STYLE_BANNER | SONAE_STYLE_POSTER | SONAE_STYLE_CENTER, markup);
  }
  {
    g_autofree char *intro = sized (_(wording->intro), PT_INTRO, TRUE, NULL);

    sonae_document_add_paragraph (doc, SONAE_STYLE_CENTER, intro);
  }

  add_step (doc, 1, _("Do NOT switch the computer off"),
            _("Leave the power on: the screen, the memory and the logs are evidence."));
  add_step (doc, 2, _("Unplug the LAN cable, turn Wi-Fi off"), _(wording->spread));
  add_step (doc, 3, _("Stop, and put up a “Do not use” sign"),
            _("Tell those around you. Do not try to fix it; delete nothing until the evidence is kept."));

  sonae_document_begin_group (doc);
  add_step (doc, 4, _("Call now"),
            _("Call the first responder; no answer, call the next one. Tell the lead too."));
  add_calls (doc, store, first, lead);
  sonae_document_end_group (doc);

  add_step (doc, 5, _("Write down what happened"),
            _("When, where (which computer), what you did just before, what the screen showed. Photograph the screen."));

  {
    g_autofree char *carry_on = sized (_(wording->carry_on), PT_DETAIL, TRUE, NULL);

    sonae_document_add_spacer (doc, 4.0);
    sonae_document_add_paragraph (doc, SONAE_STYLE_WARNING, carry_on);
  }

  now = sonae_clock_now ();
  date = g_date_time_format (now, "%Y-%m-%d");
  {
    /* Translators: %s is a date such as 2026-04-01 */
    g_autofree char *text = g_strdup_printf (_("Contacts as of %s. Print this poster again when the people or their numbers change."),
                                             date);
    g_autofree char *markup = g_markup_escape_text (text, -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED | SONAE_STYLE_CENTER, markup);
  }
  /* A4 serves, but the type is meant to be read across a room. */
  if (paper == SONAE_PAPER_A4)
    {
      g_autofree char *markup = g_markup_escape_text (_("For the wall, A3 is recommended: the same page, larger."), -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED | SONAE_STYLE_CENTER, markup);
    }

  return g_steal_pointer (&doc);
}
