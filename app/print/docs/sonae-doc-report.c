/* sonae-doc-report.c: the incident report that management signs
 * (セキュリティ事故報告書, seed 004), laid out as the paper form: boxes
 * with their labels in the corner, the options with the ones that apply
 * marked ■, the actions with their confirmations, the 5W1H hearing and the
 * sign-off boxes of the reporting route. What is not known yet is left
 * blank, so that the sheet can be completed by hand.
 *
 * Without an incident it is the blank form, for whoever finds a problem
 * when no computer works: every box empty and taller, each with what to
 * write in it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-capa.h"
#include "sonae-docs.h"
#include "sonae-incidents.h"
#include "sonae-report-form.h"

/* Minimum heights of the form's boxes, in points. */
#define LINE_HEIGHT   34.0   /* a label and one line */
#define TEXT_HEIGHT   66.0   /* a label and a few lines */
#define LONG_HEIGHT   96.0   /* the detailed report */
#define ACTION_HEIGHT 30.0
#define SIGN_HEIGHT   64.0
#define EMPTY_ACTIONS 2      /* rows to write in when there is no action */

/* The blank form: room to write by hand. */
#define BLANK_TEXT_HEIGHT   92.0
#define BLANK_LONG_HEIGHT   150.0
#define BLANK_ACTION_HEIGHT 36.0
#define BLANK_ACTIONS       3

#define MARK_ON  "\u25a0"    /* ■: applies */
#define MARK_OFF "\u25a1"    /* □ */

static const double full[] = { 1.0 };

/* A box's label: small and grey, in its top-left corner. */
static char *
label_markup (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                  (int) (8 * PANGO_SCALE), text ? text : "");
}

static char *
small_markup (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\">%s</span>", (int) (8.5 * PANGO_SCALE), text ? text : "");
}

static const char *
field_title (const char *key)
{
  const SonaeReportField *field = sonae_report_find_field (key);

  return field != NULL ? sonae_report_field_get_title (field) : key;
}

/* A box: its label, then @value_markup (may be NULL: left blank). */
static char *
box_markup (const char *label,
            const char *value_markup)
{
  g_autofree char *l = label_markup (label);

  if (value_markup == NULL || *value_markup == '\0')
    return g_steal_pointer (&l);
  return g_strdup_printf ("%s\n%s", l, value_markup);
}

/* A field's label, and after it what to write there (its hint) when
 * @with_hint. */
static char *
field_label (const char *key,
             gboolean    with_hint)
{
  const SonaeReportField *field = sonae_report_find_field (key);
  const char *hint = field != NULL && with_hint ? sonae_report_field_get_hint (field) : NULL;

  if (hint == NULL)
    return g_strdup (field_title (key));
  /* Translators: a box's label on the paper report, then what to write in it,
   * e.g. “Place (department and device number …)” */
  return g_strdup_printf (_("%s (%s)"), field_title (key), hint);
}

/* The box of a text field; an empty one says what to write in it. */
static char *
field_box (const SonaeReport *report,
           const char        *key)
{
  const char *value = sonae_report_get (report, key);
  g_autofree char *escaped = value ? g_markup_escape_text (value, -1) : NULL;
  g_autofree char *label = field_label (key, value == NULL);

  return box_markup (label, escaped);
}

/* The box of a date field: the date, or a date to write in. */
static char *
date_box (const SonaeReport *report,
          const char        *key)
{
  const char *value = sonae_report_get (report, key);
  g_autofree char *escaped = NULL;

  if (value != NULL)
    escaped = g_markup_escape_text (value, -1);
  else
    /* Translators: a date to write in by hand on a blank form (年　月　日) */
    escaped = g_markup_escape_text (C_("blank form", "______ / ____ / ____"), -1);
  return box_markup (field_title (key), escaped);
}

/* The box of a date and time field, without the seconds, or a date and a
 * time to write in. */
static char *
datetime_box (const SonaeReport *report,
              const char        *key)
{
  const char *value = sonae_report_get (report, key);
  g_autofree char *shown = value ? sonae_datetime_format (value) : NULL;
  g_autofree char *escaped = NULL;

  if (shown != NULL)
    escaped = g_markup_escape_text (shown, -1);
  else
    /* Translators: a date, then on the next line a time, to write in by hand on a
     * blank form (年　月　日 / 時　分) */
    escaped = g_markup_printf_escaped ("%s\n%s", C_("blank form", "______ / ____ / ____"),
                                       C_("blank form", "____ : ____"));
  return box_markup (field_title (key), escaped);
}

/* One row of boxes: a form table of its own, which joins the ones around it. */
static void
add_boxes (SonaeDocument     *doc,
           guint              n,
           const double      *widths,
           const char *const *cells,
           double             height)
{
  sonae_document_add_form_table (doc, n, widths, NULL, height);
  sonae_document_add_row (doc, cells);
}

static void
add_box (SonaeDocument *doc,
         const char    *markup,
         double         height)
{
  const char *cells[] = { markup };

  add_boxes (doc, 1, full, cells, height);
}

static gboolean
key_in_list (const char *list,
             const char *key)
{
  g_auto(GStrv) keys = NULL;

  if (list == NULL || *list == '\0')
    return FALSE;
  keys = g_strsplit (list, ",", -1);
  return g_strv_contains ((const char *const *) keys, key);
}

/* The options of a CHOICE or MULTI field, each after ■ when it is chosen
 * and □ when not; @other_text (may be NULL) is written after the option
 * "other". */
static char *
options_markup (const SonaeReport *report,
                const char        *key,
                const char        *other_text)
{
  const SonaeReportField *field = sonae_report_find_field (key);
  const char *value = sonae_report_get (report, key);
  GString *out = g_string_new (NULL);

  for (guint i = 0; field != NULL && i < sonae_report_field_get_n_options (field); i++)
    {
      const char *option = sonae_report_field_get_option_key (field, i);
      gboolean on = key_in_list (value, option);
      g_autofree char *item = NULL;

      /* A no-break space keeps the mark with its option. */
      if (on)
        item = g_markup_printf_escaped ("<b>" MARK_ON "\u00a0%s</b>", sonae_report_field_get_option_title (field, i));
      else
        item = g_markup_printf_escaped (MARK_OFF "\u00a0%s", sonae_report_field_get_option_title (field, i));
      if (out->len > 0)
        g_string_append (out, "\u3000 ");
      g_string_append (out, item);
      if (g_str_equal (option, "other") && other_text != NULL && *other_text != '\0')
        {
          g_autofree char *text = g_markup_printf_escaped (" (%s)", other_text);

          g_string_append (out, text);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
options_box (const SonaeReport *report,
             const char        *key,
             const char        *other_key)
{
  g_autofree char *options = options_markup (report, key,
                                             other_key ? sonae_report_get (report, other_key) : NULL);

  return box_markup (field_title (key), options);
}

/* The business stop time: none, or stopped for h and min, blank to fill in
 * by hand when it is not known. */
static char *
stop_time_box (const SonaeReport *report)
{
  const char *value = sonae_report_get (report, SONAE_REPORT_STOP_TIME);
  g_autofree char *hours = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *stopped_for = NULL;
  g_autofree char *markup = NULL;
  const char *none, *some;
  gboolean known = FALSE, stopped = FALSE;

  if (value != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (value, ":", 2);

      if (g_strv_length (parts) == 2)
        {
          guint64 h = g_ascii_strtoull (parts[0], NULL, 10);
          guint64 m = g_ascii_strtoull (parts[1], NULL, 10);

          known = TRUE;
          stopped = h > 0 || m > 0;
          if (stopped)
            {
              hours = g_strdup_printf ("%" G_GUINT64_FORMAT, h);
              minutes = g_strdup_printf ("%" G_GUINT64_FORMAT, m);
            }
        }
    }
  /* Translators: a business stop time on the paper report, e.g. “2 h 30 min”;
   * the blanks are filled in by hand when it is not known */
  {
    g_autofree char *text = g_strdup_printf (_("%s h %s min"),
                                             hours ? hours : "\u3000\u3000", minutes ? minutes : "\u3000\u3000");
    g_auto(GStrv) words = g_strsplit (text, " ", -1);

    /* Kept on one line: no-break spaces. */
    duration = g_strjoinv ("\u00a0", words);
  }
  /* Translators: the business was not stopped (無), on the paper report */
  none = C_("business stop", "None");
  /* Translators: the business was stopped (有), on the paper report */
  some = C_("business stop", "Stopped");
  {
    /* Translators: a word and its detail in brackets, e.g. “Stopped (2 h 30 min)” */
    g_autofree char *with = g_strdup_printf (_("%s (%s)"), some, duration);
    g_auto(GStrv) words = g_strsplit (with, " ", -1);

    /* Kept on one line: no-break spaces. */
    stopped_for = g_strjoinv ("\u00a0", words);
  }
  /* One line each, so that the time to write in stays whole. */
  if (known && !stopped)
    markup = g_markup_printf_escaped ("<b>" MARK_ON "\u00a0%s</b>\n" MARK_OFF "\u00a0%s",
                                      none, stopped_for);
  else if (stopped)
    markup = g_markup_printf_escaped (MARK_OFF "\u00a0%s\n<b>" MARK_ON "\u00a0%s</b>",
                                      none, stopped_for);
  else
    markup = g_markup_printf_escaped (MARK_OFF "\u00a0%s\n" MARK_OFF "\u00a0%s",
                                      none, stopped_for);
  return box_markup (field_title (SONAE_REPORT_STOP_TIME), markup);
}

/* The cause type: every option of seed 003, one group a line, the chosen
 * one marked. */
static char *
cause_box (const SonaeReport *report)
{
  const SonaeReportField *field = sonae_report_find_field (SONAE_REPORT_CAUSE_TYPE);
  const char *value = sonae_report_get (report, SONAE_REPORT_CAUSE_TYPE);
  const char *group = NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; field != NULL && i < sonae_report_field_get_n_options (field); i++)
    {
      const char *option = sonae_report_field_get_option_key (field, i);
      const char *title = sonae_report_field_get_option_title (field, i);
      const char *option_group = sonae_report_cause_get_group_title (option);
      g_autofree char *item = NULL;

      if (g_strcmp0 (option_group, group) != 0 || out->len == 0)
        {
          g_autofree char *heading = g_markup_printf_escaped ("%s<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>\u3000",
                                                              out->len > 0 ? "\n" : "",
                                                              option_group ? option_group : "");
          g_string_append (out, heading);
          group = option_group;
        }
      else
        g_string_append (out, "\u3000 ");
      if (g_strcmp0 (value, option) == 0)
        item = g_markup_printf_escaped ("<b>" MARK_ON "\u00a0%s</b>", title);
      else
        item = g_markup_printf_escaped (MARK_OFF "\u00a0%s", title);
      g_string_append (out, item);
    }
  {
    g_autofree char *options = g_string_free (out, FALSE);

    return box_markup (field_title (SONAE_REPORT_CAUSE_TYPE), options);
  }
}

/* A sign-off box: 担当 or 承認, the name and the date. */
static char *
sign_markup (const char *label,
             const char *name,
             const char *date)
{
  GString *out = g_string_new (NULL);
  g_autofree char *l = label_markup (label);

  g_string_append (out, l);
  if (name != NULL && *name != '\0')
    {
      g_autofree char *n = g_markup_printf_escaped ("\n%s", name);

      g_string_append (out, n);
    }
  if (date != NULL && *date != '\0')
    {
      g_autofree char *d = g_markup_printf_escaped ("\n<span size=\"%d\">%s</span>", (int) (8.5 * PANGO_SCALE), date);

      g_string_append (out, d);
    }
  return g_string_free (out, FALSE);
}

static void
add_first_aid (SonaeDocument     *doc,
               const SonaeReport *report,
               gboolean           blank)
{
  static const double widths[] = { 0.64, 0.18, 0.18 };
  g_autofree char *aid = field_box (report, SONAE_REPORT_FIRST_AID);
  g_autofree char *result = field_box (report, SONAE_REPORT_FIRST_AID_RESULT);
  g_autofree char *text = NULL;
  g_autofree char *by = sign_markup (field_title (SONAE_REPORT_FIRST_AID_BY),
                                     sonae_report_get (report, SONAE_REPORT_FIRST_AID_BY),
                                     sonae_report_get (report, SONAE_REPORT_FIRST_AID_BY_ON));
  g_autofree char *approved = sign_markup (field_title (SONAE_REPORT_FIRST_AID_APPROVED_BY),
                                           sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_BY),
                                           sonae_report_get (report, SONAE_REPORT_FIRST_AID_APPROVED_ON));

  /* On the blank form the result starts halfway down, below room to
   * write the first aid. */
  if (blank)
    text = g_strdup_printf ("%s\n\n\n\n\n%s", aid, result);
  else
    text = g_strdup_printf ("%s\n\n%s", aid, result);
  {
    const char *cells[] = { text, by, approved };

    add_boxes (doc, G_N_ELEMENTS (widths), widths, cells, blank ? BLANK_LONG_HEIGHT : TEXT_HEIGHT * 1.5);
  }
}

/* The heading of the actions of one kind, with the words of seed 004's
 * form: the corrective action is named 是正処置 as well. */
static const char *
actions_heading (SonaeCapaKind kind)
{
  switch (kind)
    {
    case SONAE_CAPA_HANDLING:
      /* Translators: a heading of the paper report (seed 004): 事故の結果に対する処置 */
      return C_("report form", "Handling of what the incident caused");
    case SONAE_CAPA_CORRECTIVE:
      /* Translators: a heading of the paper report (seed 004): 事故原因の再発防止策（是正処置） */
      return C_("report form", "Measures against the cause, so that it does not happen again (corrective action)");
    case SONAE_CAPA_PREVENTIVE:
    case SONAE_N_CAPA_KINDS:
    default:
      return sonae_capa_kind_get_title (kind);
    }
}

/* What the columns of the action tables mean, said once above them: the
 * one who carries an action out and the one who confirms it is done are
 * not the same column. */
static void
add_actions_legend (SonaeDocument *doc)
{
  g_autofree char *markup = g_markup_escape_text (_("Person responsible: who carries the action out. "
                                                    "Checked by (担当): who confirmed that it was done, and on which day. "
                                                    "Approved by (承認): who approved the result."), -1);

  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, markup);
}

/* Small markup of a column's @label, what is in brackets on a line of its
 * own: a narrow column breaks it there, not inside a word (確認者（担当）). */
static char *
bracket_on_own_line (const char *label)
{
  const char *bracket = strstr (label, "\uff08");   /* （ */
  g_autofree char *name = NULL;

  if (bracket == NULL)
    bracket = strstr (label, " (");
  if (bracket == NULL || bracket == label)
    return small_markup (label);
  name = g_strndup (label, bracket - label);
  if (*bracket == ' ')
    bracket++;
  return g_markup_printf_escaped ("<span size=\"%d\">%s\n%s</span>", (int) (8.5 * PANGO_SCALE), name, bracket);
}

/* The actions of one kind: what, due, who carries it out, status, and the
 * confirmation (date, 担当, 承認). Rows to write in when there is none. */
static void
add_actions (SonaeDocument *doc,
             GPtrArray     *actions,
             SonaeCapaKind  kind,
             gboolean       blank)
{
  static const double widths[] = { 0.31, 0.115, 0.12, 0.09, 0.115, 0.125, 0.125 };
  g_autofree char *h_what = g_markup_escape_text (actions_heading (kind), -1);
  /* Translators: a column of the actions on the paper report: 完了予定日 */
  g_autofree char *h_due = small_markup (C_("report form", "Due date"));
  /* Translators: a column of the actions on the paper report: 実施責任者, who carries it out */
  g_autofree char *h_owner = small_markup (C_("report form", "Person responsible"));
  g_autofree char *h_status = small_markup (_("Status"));
  g_autofree char *h_confirmed = small_markup (_("Confirmed on"));
  /* Translators: 確認者（担当）, who confirmed an action was done, on the paper report */
  g_autofree char *h_by = bracket_on_own_line (C_("sign-off", "Checked by (担当)"));
  /* Translators: 承認者（承認）, who approved it, on the paper report */
  g_autofree char *h_approved = bracket_on_own_line (C_("sign-off", "Approved by (承認)"));
  const char *header[] = { h_what, h_due, h_owner, h_status, h_confirmed, h_by, h_approved };
  guint n = 0;

  sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header,
                                 blank ? BLANK_ACTION_HEIGHT : ACTION_HEIGHT);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      SonaeCapa *a = g_ptr_array_index (actions, i);
      g_autofree char *what = NULL;
      g_autofree char *due = small_markup (a->due_on);
      g_autofree char *owner = small_markup (a->owner_name);
      g_autofree char *status = small_markup (sonae_capa_status_get_title (a->status));
      g_autofree char *confirmed = NULL;
      g_autofree char *by = NULL;
      g_autofree char *approved = NULL;

      if (a->kind != kind)
        continue;
      n++;
      if (a->status == SONAE_CAPA_DROPPED && a->reason != NULL)
        /* Translators: under an action closed without doing it, on the paper report */
        what = g_markup_printf_escaped ("%s\n<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s %s</span>",
                                        a->text, (int) (8.5 * PANGO_SCALE), _("Closed because:"), a->reason);
      else
        what = g_markup_escape_text (a->text ? a->text : "", -1);
      if (a->status == SONAE_CAPA_DONE)
        {
          confirmed = small_markup (a->confirmed_on);
          by = small_markup (a->confirmed_by);
          if (a->approved_by != NULL)
            approved = g_markup_printf_escaped ("<span size=\"%d\">%s\n%s</span>", (int) (8.5 * PANGO_SCALE),
                                                a->approved_by, a->approved_on ? a->approved_on : "");
        }
      {
        const char *cells[] = { what, due, owner, status, confirmed, by, approved };

        sonae_document_add_row (doc, cells);
      }
    }
  if (n == 0)
    sonae_document_add_empty_rows (doc, blank ? BLANK_ACTIONS : EMPTY_ACTIONS);
}

static void
add_hearing (SonaeDocument     *doc,
             const SonaeReport *report)
{
  static const double widths[] = { 0.2, 0.8 };
  SonaeReport5w1h hearing[SONAE_REPORT_N_5W1H];
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("Hearing (5W1H)"));

  sonae_report_get_5w1h (report, hearing);
  sonae_document_begin_group (doc);
  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, title);
  for (guint i = 0; i < SONAE_REPORT_N_5W1H; i++)
    {
      g_autofree char *label = g_markup_escape_text (hearing[i].label ? hearing[i].label : "", -1);
      g_autofree char *shown = NULL;
      g_autofree char *value = NULL;

      /* A time as stored (2026-11-30T08:40:00) is shown without its T and seconds. */
      if (hearing[i].value != NULL && g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$",
                                                            hearing[i].value, 0, 0))
        shown = sonae_datetime_format (hearing[i].value);
      else
        shown = g_strdup (hearing[i].value);
      value = shown ? g_markup_escape_text (shown, -1) : NULL;
      {
        const char *cells[] = { label, value };

        add_boxes (doc, G_N_ELEMENTS (widths), widths, cells, ACTION_HEIGHT);
      }
    }
  sonae_document_end_group (doc);
}

/* The reporting route of seed 004, one box each to sign and date. */
static void
add_route (SonaeDocument *doc)
{
  static const double thirds[] = { 1.0, 1.0, 1.0 };
  /* Translators: the reporting route of the paper report (seed 004): 部門責任者 */
  g_autofree char *head = g_markup_printf_escaped ("%s\u2002\u2192", _("Department head"));
  /* Translators: 情報システム部門 */
  g_autofree char *it = g_markup_printf_escaped ("%s\u2002\u2192", _("Information systems department"));
  /* Translators: 個人情報管理委員会 */
  g_autofree char *committee = g_markup_escape_text (_("Personal information committee"), -1);
  const char *header[] = { head, it, committee };
  g_autofree char *date = label_markup (_("Date"));
  const char *cells[] = { date, date, date };
  g_autofree char *route = g_markup_printf_escaped ("<b>%s</b>", _("Reporting route"));

  sonae_document_begin_group (doc);
  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, route);
  sonae_document_add_form_table (doc, G_N_ELEMENTS (thirds), thirds, header, SIGN_HEIGHT);
  sonae_document_add_row (doc, cells);
  sonae_document_end_group (doc);
}

/* The event category (seed 003): the incident's, or every one to tick. */
static char *
event_box (const SonaeIncident *incident)
{
  GString *out = g_string_new (NULL);
  g_autofree char *options = NULL;

  for (guint i = 0; i < SONAE_N_EVENT_TYPES; i++)
    {
      const char *phrase = sonae_report_event_get_phrase ((SonaeEventType) i);
      g_autofree char *item = NULL;

      if (incident != NULL && incident->event != (SonaeEventType) i)
        continue;
      if (incident != NULL)
        item = g_markup_printf_escaped ("<b>" MARK_ON "\u00a0%s</b>", phrase);
      else
        item = g_markup_printf_escaped (MARK_OFF "\u00a0%s", phrase);
      /* One a line: each is a sentence, and two on a line read as one. */
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, item);
    }
  options = g_string_free (out, FALSE);
  return box_markup (_("Event category"), options);
}

/* The form, for @incident with its @report and @actions, or blank when
 * @incident is NULL. */
static void
add_form (SonaeDocument       *doc,
          const SonaeIncident *incident,
          const SonaeReport   *report,
          GPtrArray           *actions)
{
  gboolean blank = incident == NULL;

  {
    g_autofree char *legend = g_markup_escape_text (blank
                                                    ? _("Whoever found the problem, and those involved, fill this in by hand: "
                                                        "write in the boxes and tick what applies. Then pass it along the "
                                                        "reporting route at the end, where each signs and dates it.")
                                                    : _("■ marks what applies. Fill in by hand what is left blank, and sign in the boxes at the end."), -1);

    sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, legend);
  }

  /* The top of the form: number and date, then where and when. */
  {
    static const double widths[] = { 0.5, 0.5 };
    g_autofree char *number = field_box (report, SONAE_REPORT_NUMBER);
    g_autofree char *written = date_box (report, SONAE_REPORT_WRITTEN_ON);
    const char *cells[] = { number, written };

    add_boxes (doc, G_N_ELEMENTS (widths), widths, cells, LINE_HEIGHT);
  }
  {
    static const double widths[] = { 0.21, 0.18, 0.25, 0.18, 0.18 };
    g_autofree char *place = field_box (report, SONAE_REPORT_PLACE);
    g_autofree char *system = field_box (report, SONAE_REPORT_SYSTEM);
    g_autofree char *when = datetime_box (report, SONAE_REPORT_OCCURRED_AT);
    g_autofree char *department = field_box (report, SONAE_REPORT_DEPARTMENT);
    g_autofree char *name = field_box (report, SONAE_REPORT_NAME);
    const char *cells[] = { place, system, when, department, name };

    add_boxes (doc, G_N_ELEMENTS (widths), widths, cells, blank ? LINE_HEIGHT * 2 : LINE_HEIGHT + 8.0);
  }
  {
    g_autofree char *phenomenon = field_box (report, SONAE_REPORT_PHENOMENON);

    add_box (doc, phenomenon, blank ? BLANK_TEXT_HEIGHT : TEXT_HEIGHT);
  }

  /* Impact, stop time, handling; the category. */
  {
    static const double widths[] = { 0.33, 0.29, 0.38 };
    g_autofree char *impact = options_box (report, SONAE_REPORT_IMPACT, NULL);
    g_autofree char *stop = stop_time_box (report);
    g_autofree char *handling = options_box (report, SONAE_REPORT_HANDLING, NULL);
    const char *cells[] = { impact, stop, handling };

    add_boxes (doc, G_N_ELEMENTS (widths), widths, cells, LINE_HEIGHT + 8.0);
  }
  {
    g_autofree char *category = options_box (report, SONAE_REPORT_CATEGORY, SONAE_REPORT_CATEGORY_OTHER);

    add_box (doc, category, LINE_HEIGHT);
  }
  {
    g_autofree char *event = event_box (incident);

    add_box (doc, event, LINE_HEIGHT);
  }

  /* What happened, and what led to it. */
  {
    g_autofree char *detail = field_box (report, SONAE_REPORT_DETAIL);

    add_box (doc, detail, blank ? BLANK_LONG_HEIGHT : LONG_HEIGHT);
  }
  {
    /* The prompt of seed 004's form stays with its label, filled in or not. */
    const char *value = sonae_report_get (report, SONAE_REPORT_BEFORE);
    g_autofree char *label = field_label (SONAE_REPORT_BEFORE, TRUE);
    g_autofree char *escaped = value ? g_markup_escape_text (value, -1) : NULL;
    g_autofree char *before = box_markup (label, escaped);

    add_box (doc, before, blank ? BLANK_TEXT_HEIGHT : TEXT_HEIGHT);
  }
  {
    g_autofree char *evidence = options_box (report, SONAE_REPORT_EVIDENCE, SONAE_REPORT_EVIDENCE_OTHER);

    add_box (doc, evidence, blank ? LINE_HEIGHT * 2 : LINE_HEIGHT);
  }
  add_first_aid (doc, report, blank);

  /* Why. */
  {
    g_autofree char *cause = field_box (report, SONAE_REPORT_CAUSE);

    add_box (doc, cause, blank ? BLANK_TEXT_HEIGHT : TEXT_HEIGHT);
  }
  {
    g_autofree char *cause_type = cause_box (report);

    add_box (doc, cause_type, LINE_HEIGHT);
  }

  /* What it leads to. */
  sonae_document_add_spacer (doc, 10.0);
  sonae_document_begin_group (doc);
  add_actions_legend (doc);
  add_actions (doc, actions, SONAE_CAPA_HANDLING, blank);
  sonae_document_end_group (doc);
  sonae_document_add_spacer (doc, 10.0);
  sonae_document_begin_group (doc);
  add_actions (doc, actions, SONAE_CAPA_CORRECTIVE, blank);
  sonae_document_end_group (doc);
  sonae_document_add_spacer (doc, 10.0);
  sonae_document_begin_group (doc);
  {
    g_autofree char *needed = options_box (report, SONAE_REPORT_PREVENTIVE_NEEDED, NULL);

    add_box (doc, needed, LINE_HEIGHT);
  }
  add_actions (doc, actions, SONAE_CAPA_PREVENTIVE, blank);
  sonae_document_end_group (doc);

  /* The hearing gathers what the boxes above hold: on the blank form it
   * would ask it twice. */
  if (!blank)
    {
      sonae_document_add_spacer (doc, 10.0);
      add_hearing (doc, report);
    }

  sonae_document_add_spacer (doc, 10.0);
  add_route (doc);
}

SonaeDocument *
sonae_doc_report_build (SonaeStore  *store,
                        SonaePaper   paper,
                        GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeReport) report = sonae_report_new_blank ();

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  doc = sonae_doc_new (store, "report", paper);
  sonae_document_set_keep_words (doc, TRUE);
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc), NULL);
  add_form (doc, NULL, report, NULL);
  return g_steal_pointer (&doc);
}

SonaeDocument *
sonae_doc_report_build_for_incident (SonaeStore  *store,
                                     gint64       incident_id,
                                     SonaePaper   paper,
                                     GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  incident = sonae_incidents_get (store, incident_id, error);
  if (incident == NULL)
    return NULL;
  report = sonae_report_load (store, incident->id, error);
  if (report == NULL)
    return NULL;
  actions = sonae_capa_list (store, incident->id, error);
  if (actions == NULL)
    return NULL;

  doc = sonae_doc_new_for_incident_doc (store, "report", incident, paper);
  subtitle = g_strdup_printf ("%s\u2003%s", incident->number, incident->title ? incident->title : "");
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc), subtitle);
  add_form (doc, incident, report, actions);

  if (report->updated_at != NULL)
    {
      g_autofree char *at = sonae_datetime_format (report->updated_at);
      /* Translators: at the end of the paper report: when and by whom it was last changed in Sonae */
      g_autofree char *text = g_strdup_printf (_("Last changed in Sonae on %s by %s."), at,
                                               report->updated_by ? report->updated_by : "—");
      g_autofree char *markup = g_markup_escape_text (text, -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, markup);
    }

  return g_steal_pointer (&doc);
}
