/* sonae-doc-register.c: the year's incidents, one line each, for
 * management: number, when detected, title and type, level, status, the
 * PPC's verdict with the dates reports were sent, the actions still open
 * and when it was closed; drills marked; the totals at the end. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-docs.h"
#include "sonae-error.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"

#define SMALL_SIZE ((int) (8.5 * PANGO_SCALE))

static char *
date_part (const char *stored)
{
  if (stored == NULL || strlen (stored) < 10)
    return NULL;
  return g_strndup (stored, 10);
}

static const char *
verdict_short (SonaePpcVerdict verdict)
{
  switch (verdict)
    {
    case SONAE_PPC_REQUIRED:
      /* Translators: in the register: the leak must be reported to the PPC */
      return C_("ppc", "Report required");
    case SONAE_PPC_NOT_REQUIRED:
      /* Translators: in the register: no report to the PPC is needed */
      return C_("ppc", "Not required");
    case SONAE_PPC_PRINCIPAL_REPORTS:
      /* Translators: in the register: the organisation that entrusted the data reports it */
      return C_("ppc", "Principal reports");
    case SONAE_PPC_UNDECIDED:
    default:
      /* Translators: in the register: whether to report to the PPC is not decided */
      return C_("ppc", "Undecided");
    }
}

/* The PPC column: the verdict, and for a required report the dates sent
 * or due; an overdue preliminary report (速報) flagged in red. */
static char *
ppc_markup (SonaeStore    *store,
            SonaeIncident *incident,
            gboolean      *out_required,
            gboolean      *out_overdue)
{
  g_autoptr(SonaePpcAssessment) assessment = sonae_ppc_get (store, incident->id, NULL);
  g_autoptr(SonaePpcResult) result = NULL;
  GString *out = g_string_new (NULL);
  gboolean overdue;

  *out_required = FALSE;
  *out_overdue = FALSE;
  if (assessment == NULL)
    return g_string_free (out, FALSE);
  result = sonae_ppc_assess (assessment, NULL);
  *out_required = result->verdict == SONAE_PPC_REQUIRED;
  *out_overdue = overdue = sonae_ppc_preliminary_is_overdue (assessment, result);
  if (overdue)
    {
      /* Translators: in the register: the preliminary report (速報) is past its guide of about
       * 3 to 5 days and was not sent */
      g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, C_("register", "Preliminary report overdue"));

      g_string_append_printf (out, "%s\n", badge);
    }
  {
    g_autofree char *verdict = result->verdict == SONAE_PPC_REQUIRED
                               ? g_markup_printf_escaped ("<b>%s</b>", verdict_short (result->verdict))
                               : g_markup_escape_text (verdict_short (result->verdict), -1);

    g_string_append (out, verdict);
  }
  if (result->verdict == SONAE_PPC_REQUIRED)
    {
      g_autofree char *preliminary = NULL;
      g_autofree char *final = NULL;
      g_autofree char *lines = NULL;

      if (assessment->preliminary_sent_on != NULL)
        /* Translators: in the register: the date the preliminary report (速報) was sent */
        preliminary = g_strdup_printf (_("Preliminary sent %s"), assessment->preliminary_sent_on);
      else
        /* Translators: in the register: the preliminary report (速報) is due promptly; the guide of about
         * 3 to 5 days ends on this date */
        preliminary = g_strdup_printf (_("Preliminary promptly (guide ends %s)"),
                                       result->preliminary_guide ? result->preliminary_guide : "—");
      if (assessment->final_sent_on != NULL)
        /* Translators: in the register: the date the final report (確報) was sent */
        final = g_strdup_printf (_("Final sent %s"), assessment->final_sent_on);
      else
        /* Translators: in the register: the final report (確報) is due by this date */
        final = g_strdup_printf (_("Final by %s"), result->final_by ? result->final_by : "—");
      {
        g_autofree char *first = overdue
          ? g_markup_printf_escaped ("<span size=\"%d\" weight=\"bold\" foreground=\"" SONAE_PRINT_COLOR_WARNING "\">%s</span>",
                                     SMALL_SIZE, preliminary)
          : g_markup_printf_escaped ("<span size=\"%d\">%s</span>", SMALL_SIZE, preliminary);
        g_autofree char *second = g_markup_printf_escaped ("<span size=\"%d\">%s</span>", SMALL_SIZE, final);

        lines = g_strdup_printf ("\n%s\n%s", first, second);
      }
      g_string_append (out, lines);
    }
  return g_string_free (out, FALSE);
}

static gboolean
check_year (int      year,
            GError **error)
{
  if (year < 1970 || year > 9999)
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   /* Translators: %d is the year given for the incident register */
                   _("“%d” is not a year the register can show: give a year such as 2026."), year);
      return FALSE;
    }
  return TRUE;
}

SonaeDocument *
sonae_doc_register_build_for_year (SonaeStore  *store,
                                   int          year,
                                   SonaePaper   paper,
                                   GError     **error)
{
  static const double widths[] = { 0.09, 0.09, 0.26, 0.12, 0.24, 0.1, 0.1 };
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autofree char *subtitle = NULL;
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  guint n_drills = 0, n_open = 0, n_required = 0, n_overdue = 0, n_open_actions = 0;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  if (year == 0)
    {
      g_autofree char *today = sonae_clock_today ();

      year = (int) g_ascii_strtoll (today, NULL, 10);
    }
  if (!check_year (year, error))
    return NULL;

  filter.year = year;
  incidents = sonae_incidents_list (store, &filter, error);
  if (incidents == NULL)
    return NULL;

  doc = sonae_doc_new (store, "register", paper);
  /* Seven columns, the PPC's dates among them: the sheet turned sideways. */
  sonae_document_set_landscape (doc, TRUE);
  {
    g_autofree char *subject = g_strdup_printf ("%d", year);

    sonae_document_set_subject (doc, subject);
  }
  /* Translators: the subtitle of the incident register, %d is a year */
  subtitle = g_strdup_printf (_("Incidents detected in %d"), year);
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc), subtitle);

  if (incidents->len == 0)
    {
      /* Translators: %d is a year */
      g_autofree char *text = g_strdup_printf (_("No incident was recorded in %d."), year);
      g_autofree char *markup = g_markup_escape_text (text, -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, markup);
      return g_steal_pointer (&doc);
    }

  for (guint i = 0; i < incidents->len; i++)
    if (((SonaeIncident *) g_ptr_array_index (incidents, i))->drill)
      n_drills++;
  if (n_drills > 0)
    {
      g_autofree char *legend = g_markup_escape_text (_("Drills (exercises, not real incidents) are marked DRILL and counted apart in the totals."), -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, legend);
    }
  {
    g_autofree char *h_no = g_markup_escape_text (_("Number"), -1);
    g_autofree char *h_detected = g_markup_escape_text (_("Detected"), -1);
    g_autofree char *h_title = g_markup_escape_text (_("Title and type"), -1);
    /* Translators: a column of the register: the status and the damage level */
    g_autofree char *h_status = g_markup_escape_text (_("Status and level"), -1);
    g_autofree char *h_ppc = g_markup_escape_text (_("Report to the PPC"), -1);
    g_autofree char *h_actions = g_markup_escape_text (_("Open actions"), -1);
    g_autofree char *h_closed = g_markup_escape_text (_("Closed on"), -1);
    const char *header[] = { h_no, h_detected, h_title, h_status, h_ppc, h_actions, h_closed };

    sonae_document_add_table (doc, G_N_ELEMENTS (widths), widths, header);
  }

  /* Oldest first: the order of the numbers. */
  for (guint i = incidents->len; i-- > 0;)
    {
      SonaeIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *detected_date = date_part (incident->detected_at);
      g_autofree char *closed_date = incident->status == SONAE_STATUS_CLOSED ? date_part (incident->closed_at) : NULL;
      g_autofree char *level_title = sonae_incident_level_get_title (incident->level);
      guint open_actions = sonae_capa_count_open (store, incident->id);
      gboolean required = FALSE, overdue = FALSE;
      g_autofree char *number = NULL;
      g_autofree char *detected = g_markup_printf_escaped ("<span size=\"%d\">%s</span>", SMALL_SIZE,
                                                           detected_date ? detected_date : "");
      g_autofree char *title = NULL;
      g_autofree char *status = g_markup_printf_escaped ("%s\n<span size=\"%d\">%s</span>",
                                                         sonae_incident_status_get_title (incident->status),
                                                         SMALL_SIZE, level_title);
      g_autofree char *ppc = ppc_markup (store, incident, &required, &overdue);
      g_autofree char *actions = open_actions > 0 ? g_strdup_printf ("<b>%u</b>", open_actions) : g_strdup ("0");
      g_autofree char *closed = g_markup_printf_escaped ("<span size=\"%d\">%s</span>", SMALL_SIZE,
                                                         closed_date ? closed_date : "");

      if (incident->drill)
        {
          /* Translators: the mark of a drill in the register */
          g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, C_("register", "DRILL"));
          g_autofree char *escaped = g_markup_escape_text (incident->number, -1);

          number = g_strdup_printf ("<b>%s</b>\n%s", escaped, badge);
        }
      else
        number = g_markup_printf_escaped ("<b>%s</b>", incident->number);
      title = g_markup_printf_escaped ("%s\n<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                       incident->title ? incident->title : "", SMALL_SIZE,
                                       sonae_incident_kind_get_title (incident->type));
      if (incident->status != SONAE_STATUS_CLOSED)
        n_open++;
      if (required)
        n_required++;
      if (overdue && !incident->drill)
        n_overdue++;
      n_open_actions += open_actions;
      {
        const char *cells[] = { number, detected, title, status, ppc, actions, closed };

        sonae_document_add_row (doc, cells);
      }
    }

  /* The totals. */
  sonae_document_add_spacer (doc, 8.0);
  {
    g_autofree char *all = g_strdup_printf ("<b>%u</b>", incidents->len);
    g_autofree char *real = g_strdup_printf ("%u", incidents->len - n_drills);
    g_autofree char *drills = g_strdup_printf ("%u", n_drills);
    g_autofree char *open = g_strdup_printf ("<b>%u</b>", n_open);
    g_autofree char *required = g_strdup_printf ("%u", n_required);
    g_autofree char *open_actions = g_strdup_printf ("%u", n_open_actions);
    g_autofree char *overdue = n_overdue > 0
      ? g_strdup_printf ("<b><span foreground=\"" SONAE_PRINT_COLOR_WARNING "\">%u</span></b>", n_overdue)
      : g_strdup ("0");

    sonae_document_begin_group (doc);
    sonae_document_add_heading (doc, NULL, _("Totals"));
    sonae_document_add_key_value (doc, _("Incidents, drills included"), all);
    sonae_document_add_key_value (doc, _("Real incidents"), real);
    sonae_document_add_key_value (doc, _("Drills"), drills);
    sonae_document_add_key_value (doc, _("Still open (not closed)"), open);
    sonae_document_add_key_value (doc, _("To be reported to the PPC"), required);
    /* Translators: in the register's totals: real incidents whose preliminary report (速報) is
     * past the guide and not sent */
    sonae_document_add_key_value (doc, _("Preliminary reports overdue"), overdue);
    sonae_document_add_key_value (doc, _("Actions still open"), open_actions);
    sonae_document_end_group (doc);
  }

  return g_steal_pointer (&doc);
}

SonaeDocument *
sonae_doc_register_build (SonaeStore  *store,
                          SonaePaper   paper,
                          GError     **error)
{
  return sonae_doc_register_build_for_year (store, 0, paper, error);
}
