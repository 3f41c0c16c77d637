/* sonae-reporting-duties-view.c: an incident's reporting duties.
 *
 * First the answer, plainly (must the leak be reported to the Personal
 * Information Protection Commission, why, and by which dates, with the days
 * left), then the questions that decide it, the dates reports were sent,
 * the draft of the nine report items and the other bodies to report to.
 * Every answer and date is saved as it is given; text typed in the draft is
 * saved about a second after the last key. The core decides everything:
 * this view asks, shows and sends the user's edits back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sonae-reporting-duties-view-private.h"
#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-body-conditions.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-ppc-bodies.h"
#include "sonae-ppc.h"
#include "sonae-report-form.h"

typedef struct {
  const char *name;
  const char *title;
  gsize offset;                 /* of the char * in SonaePpcAssessment */
} SentRowInfo;

static const SentRowInfo sent_rows[N_SENT] = {
  { "preliminary", N_("Preliminary report sent to the PPC on"), G_STRUCT_OFFSET (SonaePpcAssessment, preliminary_sent_on) },
  { "final", N_("Final report sent to the PPC on"), G_STRUCT_OFFSET (SonaePpcAssessment, final_sent_on) },
  { "persons", N_("Persons concerned notified on"), G_STRUCT_OFFSET (SonaePpcAssessment, persons_notified_on) },
  { "principal", N_("Organisation we process the data for told on"), G_STRUCT_OFFSET (SonaePpcAssessment, principal_notified_on) },
};


G_DEFINE_FINAL_TYPE (SonaeReportingDutiesView, sonae_reporting_duties_view, GTK_TYPE_WIDGET)


static void
draft_row_free (DraftRow *row)
{
  g_free (row->report_key);
  g_free (row->text);
  g_free (row->pending);
  g_free (row);
}

static char **
sent_field (SonaePpcAssessment *assessment,
            SentKind            kind)
{
  return &G_STRUCT_MEMBER (char *, assessment, sent_rows[kind].offset);
}

/* "2026-11-23 (Mon)" in the user's language. */
char *
sonae_reporting_duties_format_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int year = 0, month = 0, day = 0;

  if (!sonae_date_is_valid (date) || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (date ? date : "");
  dt = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (date);
  /* Translators: a date as g_date_time_format() writes it; keep it short and unambiguous */
  return g_date_time_format (dt, _("%Y-%m-%d (%a)"));
}

static gboolean
is_editing (GtkWidget *widget)
{
  return gtk_widget_has_focus (widget) || gtk_widget_get_focus_child (widget) != NULL;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (is_editing (GTK_WIDGET (row)) || gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
show_ppc_error (SonaeReportingDutiesView *self,
                GtkWidget                *row,
                const GError             *error)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->ppc_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->ppc_error), TRUE);
}

static void
clear_ppc_error (SonaeReportingDutiesView *self,
                 GtkWidget                *row)
{
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->ppc_error), FALSE);
}

/* --- saving the assessment ---------------------------------------------------- */

/* Save @assessment (a copy of the stored one with one thing changed). On a
 * mistake the core's message is shown by @row, whose text is kept. */
static gboolean
save_ppc (SonaeReportingDutiesView *self,
          SonaePpcAssessment       *assessment,
          GtkWidget                *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();

  if (!sonae_ppc_set (self->store, self->incident_id, assessment, author, &error))
    {
      show_ppc_error (self, row, error);
      return FALSE;
    }
  clear_ppc_error (self, row);
  sonae_reporting_duties_view_reload (self);
  return TRUE;
}

static SonaePpcAssessment *
stored_ppc (SonaeReportingDutiesView *self)
{
  g_autoptr(GError) error = NULL;
  SonaePpcAssessment *assessment;

  if (self->incident_id == 0)
    return NULL;
  assessment = sonae_ppc_get (self->store, self->incident_id, &error);
  if (assessment == NULL)
    sonae_show_error (GTK_WIDGET (self), _("Could not read the reporting record"), error);
  return assessment;
}

static void
answer_toggled_cb (GtkToggleButton          *button,
                   SonaeReportingDutiesView *self)
{
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  guint question = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sonae-question"));
  SonaeTriageAnswer answer = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sonae-answer"));
  SonaeTriageAnswer *slot;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  assessment = stored_ppc (self);
  if (assessment == NULL)
    return;
  slot = question == 0 ? &assessment->personal_data : &assessment->conditions[question - 1];
  if (*slot == answer)
    return;
  *slot = answer;
  if (!save_ppc (self, assessment, NULL))
    sonae_reporting_duties_view_reload (self);
}

/* The acquiring and encrypted switches: which field, by the switch. */
static void
fact_switch_changed_cb (GtkSwitch                *sw,
                        GParamSpec               *pspec,
                        SonaeReportingDutiesView *self)
{
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  gboolean active = gtk_switch_get_active (sw);
  gboolean *field;

  if (self->updating)
    return;
  assessment = stored_ppc (self);
  if (assessment == NULL)
    return;
  field = sw == self->acquiring_switch ? &assessment->acquiring : &assessment->encrypted;
  if (*field == active)
    return;
  *field = active;
  if (!save_ppc (self, assessment, NULL))
    sonae_reporting_duties_view_reload (self);
}

static void
processor_changed_cb (SonaeReportingDutiesView *self)
{
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  gboolean active = gtk_switch_get_active (self->processor_switch);

  if (self->updating)
    return;
  assessment = stored_ppc (self);
  if (assessment == NULL || assessment->processor == active)
    return;
  assessment->processor = active;
  if (!save_ppc (self, assessment, NULL))
    sonae_reporting_duties_view_reload (self);
}

/* A date row: save what it holds ("" clears the date). */
static void
save_date_row (SonaeReportingDutiesView *self,
               AdwEntryRow              *row)
{
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sonae-sent"));
  char **field;

  if (self->updating)
    return;
  assessment = stored_ppc (self);
  if (assessment == NULL)
    return;
  field = kind < 0 ? &assessment->learned_on : sent_field (assessment, (SentKind) kind);
  if (g_strcmp0 (*field ? *field : "", text) == 0)
    {
      clear_ppc_error (self, GTK_WIDGET (row));
      return;
    }
  g_free (*field);
  *field = *text != '\0' ? g_strdup (text) : NULL;
  save_ppc (self, assessment, GTK_WIDGET (row));
}

static void
date_apply_cb (AdwEntryRow              *row,
               SonaeReportingDutiesView *self)
{
  save_date_row (self, row);
}

static void
date_leave_cb (GtkEventControllerFocus  *controller,
               SonaeReportingDutiesView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Leaving a row with a refused date keeps the text to correct. */
  if (!gtk_widget_has_css_class (row, "error"))
    save_date_row (self, ADW_ENTRY_ROW (row));
}

static void
date_today_cb (GtkButton                *button,
               SonaeReportingDutiesView *self)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (button), "sonae-row");
  g_autofree char *today = sonae_clock_today ();

  gtk_editable_set_text (GTK_EDITABLE (row), today);
  save_date_row (self, row);
}

/* --- the draft ------------------------------------------------------------------ */

static gboolean
save_draft_row (DraftRow   *dr,
                const char *value)
{
  SonaeReportingDutiesView *self = dr->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();

  if (self->incident_id == 0 || dr->report_key == NULL)
    return TRUE;
  if (!sonae_report_save_field (self->store, self->incident_id, dr->report_key,
                                value, author, &error))
    {
      /* The text stays as typed, to be corrected. */
      gtk_widget_add_css_class (dr->frame, "error");
      gtk_label_set_text (GTK_LABEL (dr->error_label), error->message);
      gtk_widget_set_visible (dr->error_label, TRUE);
      return FALSE;
    }
  gtk_widget_remove_css_class (dr->frame, "error");
  gtk_widget_set_visible (dr->error_label, FALSE);
  return TRUE;
}

static gboolean
flush_draft_row (DraftRow *dr)
{
  g_autofree char *value = NULL;

  if (!dr->has_pending)
    return TRUE;
  value = g_steal_pointer (&dr->pending);
  dr->has_pending = FALSE;
  return save_draft_row (dr, value);
}

gboolean
sonae_reporting_duties_view_flush (SonaeReportingDutiesView *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (SONAE_IS_REPORTING_DUTIES_VIEW (self), FALSE);

  sonae_autosave_cancel (&self->autosave);
  for (guint i = 0; self->draft_rows && i < self->draft_rows->len; i++)
    ok = flush_draft_row (g_ptr_array_index (self->draft_rows, i)) && ok;
  return ok;
}

static void
autosave_cb (gpointer data)
{
  sonae_reporting_duties_view_flush (data);
}

static void
draft_buffer_changed_cb (GtkTextBuffer *buffer,
                         DraftRow      *dr)
{
  SonaeReportingDutiesView *self = dr->view;
  GtkTextIter start, end;

  if (self->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (dr->pending);
  dr->pending = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  dr->has_pending = TRUE;
  sonae_autosave_schedule (&self->autosave);
}

static char *
draft_row_current_text (DraftRow *dr)
{
  if (dr->text_view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dr->text_view));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (dr->text ? dr->text : "");
}

static void
copy_text (SonaeReportingDutiesView *self,
           const char               *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  sonae_show_message (GTK_WIDGET (self), _("Copied: paste it into the PPC's form"));
}

static void
copy_item_cb (GtkButton *button,
              DraftRow  *dr)
{
  g_autofree char *text = draft_row_current_text (dr);

  copy_text (dr->view, text);
}

static void
copy_all_cb (SonaeReportingDutiesView *self)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; self->draft_rows && i < self->draft_rows->len; i++)
    {
      DraftRow *dr = g_ptr_array_index (self->draft_rows, i);
      g_autofree char *text = draft_row_current_text (dr);
      const char *title = g_object_get_data (G_OBJECT (dr->row), "sonae-title");

      if (all->len > 0)
        g_string_append (all, "\n\n");
      g_string_append_printf (all, "%u. %s\n%s", i + 1, title,
                              *text != '\0' ? text : _("(not known yet)"));
    }
  copy_text (self, all->str);
}

static void
print_draft_cb (SonaeReportingDutiesView *self)
{
  if (self->incident_id == 0)
    return;
  sonae_reporting_duties_view_flush (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.print-incident", "(sx)",
                              "ppc-draft", self->incident_id);
}

/* Where an item that cannot be written here comes from (the draft's items
 * are in a fixed order, sonae-report-form.h). */
static const char *
draft_source (guint index)
{
  switch (index)
    {
    case 0:
      return _("Gathered from the incident: its details, what was seen and what was done. Correct them in the Details and Report tabs.");
    case 3:
      return _("Gathered from the cause written in the Report tab.");
    case 7:
      return _("Gathered from the corrective and preventive actions in the Report tab.");
    default:
      return _("Gathered from the incident record.");
    }
}

static DraftRow *
new_draft_row (SonaeReportingDutiesView *self,
               guint                     index,
               const SonaePpcDraftItem  *item)
{
  DraftRow *dr = g_new0 (DraftRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *numbered = g_strdup_printf ("%u. %s", index + 1, item->title);
  g_autofree char *name = g_strdup_printf ("draft-item-%u", index);
  g_autofree char *copy_name = g_strdup_printf ("draft-copy-%u", index);
  GtkWidget *title = gtk_label_new (numbered);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *caption;

  dr->view = self;
  dr->index = index;
  dr->report_key = g_strdup (item->report_key);
  dr->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (dr->row), FALSE);
  gtk_widget_set_name (dr->row, name);
  g_object_set_data_full (G_OBJECT (dr->row), "sonae-title", g_strdup (item->title), g_free);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);
  gtk_widget_set_name (copy, copy_name);
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy this item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy this item"), -1);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_item_cb), dr);
  gtk_box_append (GTK_BOX (top), copy);
  gtk_box_append (GTK_BOX (box), top);

  if (dr->report_key != NULL)
    {
      GtkTextBuffer *buffer;

      dr->text_view = gtk_text_view_new ();
      gtk_widget_set_name (dr->text_view, "draft-text");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (dr->text_view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (dr->text_view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (dr->text_view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (dr->text_view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (dr->text_view), 6);
      gtk_widget_set_size_request (dr->text_view, -1, 56);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dr->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, item->title, -1);
      dr->frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (dr->frame), dr->text_view);
      gtk_box_append (GTK_BOX (box), dr->frame);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dr->text_view));
      g_signal_connect (buffer, "changed", G_CALLBACK (draft_buffer_changed_cb), dr);
      caption = gtk_label_new (_("Write it here; it is saved as you type."));
    }
  else
    {
      dr->label = gtk_label_new (NULL);
      gtk_widget_set_name (dr->label, "draft-text");
      gtk_label_set_xalign (GTK_LABEL (dr->label), 0);
      gtk_label_set_wrap (GTK_LABEL (dr->label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (dr->label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (dr->label), TRUE);
      gtk_box_append (GTK_BOX (box), dr->label);
      caption = gtk_label_new (draft_source (index));
    }
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  dr->error_label = gtk_label_new (NULL);
  gtk_widget_set_name (dr->error_label, "draft-error");
  gtk_label_set_xalign (GTK_LABEL (dr->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (dr->error_label), TRUE);
  gtk_widget_add_css_class (dr->error_label, "error");
  gtk_widget_set_visible (dr->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), dr->error_label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (dr->row), box);
  /* "2. Personal data items concerned", then the drafted text (a text
   * field has a name of its own) and where it comes from. */
  sonae_accessible_name_row (dr->row, title, NULL);
  if (dr->label != NULL)
    sonae_accessible_describe_row (dr->row, dr->label, caption, NULL);
  else
    sonae_accessible_describe_row (dr->row, caption, NULL);
  return dr;
}

static void
clear_draft (SonaeReportingDutiesView *self)
{
  GtkWidget *child;

  sonae_autosave_cancel (&self->autosave);
  g_ptr_array_set_size (self->draft_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->draft_list))) != NULL)
    gtk_list_box_remove (self->draft_list, child);
}

static void
show_draft (SonaeReportingDutiesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePpcDraft) draft = sonae_ppc_get_draft (self->store, self->incident_id, &error);

  if (draft == NULL)
    {
      g_message ("Could not gather the PPC draft: %s", error->message);
      return;
    }
  if (self->draft_rows->len != SONAE_PPC_N_DRAFT_ITEMS)
    {
      clear_draft (self);
      for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
        {
          DraftRow *dr = new_draft_row (self, i, &draft->items[i]);

          g_ptr_array_add (self->draft_rows, dr);
          gtk_list_box_append (self->draft_list, dr->row);
        }
    }

  for (guint i = 0; i < SONAE_PPC_N_DRAFT_ITEMS; i++)
    {
      DraftRow *dr = g_ptr_array_index (self->draft_rows, i);
      const char *text = draft->items[i].text;

      g_free (dr->text);
      dr->text = g_strdup (text);
      if (dr->text_view != NULL)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dr->text_view));
          g_autofree char *current = draft_row_current_text (dr);

          /* Never replace what someone is typing. */
          if (dr->has_pending || gtk_widget_has_focus (dr->text_view) ||
              gtk_widget_has_css_class (dr->frame, "error"))
            continue;
          if (g_strcmp0 (current, text ? text : "") != 0)
            gtk_text_buffer_set_text (buffer, text ? text : "", -1);
        }
      else if (text != NULL && *text != '\0')
        {
          gtk_label_set_text (GTK_LABEL (dr->label), text);
          gtk_widget_remove_css_class (dr->label, "dim-label");
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (dr->label), _("Not known yet: fill it in when you know."));
          gtk_widget_add_css_class (dr->label, "dim-label");
        }
    }
}

/* --- the answer ----------------------------------------------------------------- */

static void
set_days_left (GtkLabel   *label,
               const char *sent_on,
               int         days_left)
{
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "overdue");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "done");
  if (sent_on != NULL)
    {
      g_autofree char *date = sonae_reporting_duties_format_date (sent_on);

      text = g_strdup_printf (_("Sent on %s"), date);
      gtk_widget_add_css_class (GTK_WIDGET (label), "done");
    }
  else if (days_left > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days_left),
                            days_left);
  else if (days_left == 0)
    {
      text = g_strdup (_("Due today"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "overdue");
    }
  else
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days_left),
                              -days_left);
      gtk_widget_add_css_class (GTK_WIDGET (label), "overdue");
    }
  gtk_label_set_text (label, text);
}

/* Something due promptly: "Now" until it is done (then @done_text, made
 * by the caller), and once @days_left (to where a guide ends) goes below 0,
 * how far past it. */
static void
set_promptly (GtkLabel   *label,
              const char *done_on,
              const char *done_text,
              int         days_left)
{
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "overdue");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "done");
  if (done_on != NULL)
    {
      text = g_strdup (done_text);
      gtk_widget_add_css_class (GTK_WIDGET (label), "done");
    }
  else if (days_left >= 0)
    text = g_strdup (_("Now"));
  else
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day past the guide", "%d days past the guide", -days_left),
                              -days_left);
      gtk_widget_add_css_class (GTK_WIDGET (label), "overdue");
    }
  gtk_label_set_text (label, text);
}

static void
show_verdict (SonaeReportingDutiesView *self,
              const SonaePpcAssessment *assessment,
              const SonaePpcResult     *result)
{
  static const char *const classes[] = { "required", "not-required", "undecided", "principal" };
  const char *title = NULL;
  const char *icon = NULL;
  const char *css = NULL;
  gboolean dates = result->preliminary_guide != NULL && result->final_by != NULL;

  switch (result->verdict)
    {
    case SONAE_PPC_REQUIRED:
      title = _("A report to the PPC is required");
      icon = "dialog-warning-symbolic";
      css = "required";
      break;
    case SONAE_PPC_NOT_REQUIRED:
      title = _("No report to the PPC is required");
      icon = "emblem-ok-symbolic";
      css = "not-required";
      dates = FALSE;
      break;
    case SONAE_PPC_UNDECIDED:
      title = _("Not decided yet: answer the questions below");
      icon = "dialog-question-symbolic";
      css = "undecided";
      break;
    case SONAE_PPC_PRINCIPAL_REPORTS:
    default:
      title = _("The organisation you process the data for reports it");
      icon = "mail-send-symbolic";
      css = "principal";
      dates = FALSE;
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->verdict_box, classes[i]);
  gtk_widget_add_css_class (self->verdict_box, css);
  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_label_set_text (self->verdict_title, title);
  gtk_label_set_text (self->verdict_reason, result->reason);

  gtk_widget_set_visible (self->deadline_grid, dates);
  if (dates)
    {
      g_autofree char *guide = sonae_reporting_duties_format_date (result->preliminary_guide);
      g_autofree char *final = sonae_reporting_duties_format_date (result->final_by);
      g_autofree char *preliminary_text = NULL;
      g_autofree char *final_text = NULL;
      g_autofree char *sent = sonae_reporting_duties_format_date (assessment->preliminary_sent_on);
      g_autofree char *sent_text = NULL;

      gtk_label_set_text (self->deadline_intro,
                          result->verdict == SONAE_PPC_REQUIRED
                          ? _("Send the reports:")
                          : _("If it must be reported:"));
      /* Due promptly: no start date, only where the guide ends. */
      /* Translators: the preliminary report (速報); %s is the date the guide of about 3 to 5 days ends */
      preliminary_text = g_strdup_printf (_("Promptly, as soon as you can (the guide of about 3 to 5 days ends on %s)"), guide);
      final_text = result->unlawful
        /* Translators: %s is a date */
        ? g_strdup_printf (_("by %s (day 60: unlawful purpose)"), final)
        /* Translators: %s is a date */
        : g_strdup_printf (_("by %s (day 30)"), final);
      gtk_label_set_text (self->preliminary_dates, preliminary_text);
      gtk_label_set_text (self->final_dates, final_text);
      sent_text = g_strdup_printf (_("Sent on %s"), sent);
      set_promptly (self->preliminary_left, assessment->preliminary_sent_on, sent_text, result->preliminary_days_left);
      set_days_left (self->final_left, assessment->final_sent_on, result->final_days_left);
      gtk_widget_set_visible (self->final_moves_note, result->final_moves);
    }

  /* The persons are told when the report is required, promptly. */
  gtk_widget_set_visible (self->persons_box, dates && result->verdict == SONAE_PPC_REQUIRED);
  gtk_label_set_text (self->persons_note, sonae_ppc_get_persons_note ());
  {
    g_autofree char *notified = sonae_reporting_duties_format_date (assessment->persons_notified_on);
    /* Translators: %s is a date */
    g_autofree char *notified_text = g_strdup_printf (_("Notified on %s"), notified);

    set_promptly (self->persons_left, assessment->persons_notified_on, notified_text, 0);
  }
}

static void
show_assessment (SonaeReportingDutiesView *self,
                 const SonaePpcAssessment *assessment)
{
  gboolean personal = assessment->personal_data != SONAE_ANSWER_NO;

  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      SonaeTriageAnswer answer = q == 0 ? assessment->personal_data : assessment->conditions[q - 1];

      for (guint a = 0; a < N_ANSWERS; a++)
        gtk_toggle_button_set_active (self->answer_buttons[q][a], answer_order[a] == answer);
      /* With no personal data concerned, the conditions do not matter. */
      if (q > 0)
        gtk_widget_set_visible (self->question_rows[q], personal);
    }
  gtk_switch_set_active (self->processor_switch, assessment->processor);
  gtk_switch_set_active (self->acquiring_switch, assessment->acquiring);
  gtk_switch_set_active (self->encrypted_switch, assessment->encrypted);
  gtk_widget_set_visible (self->encrypted_row, personal);
  set_entry_text (self->learned_row, assessment->learned_on);
  for (guint i = 0; i < N_SENT; i++)
    set_entry_text (self->sent_entry[i], *sent_field ((SonaePpcAssessment *) assessment, (SentKind) i));
  gtk_widget_set_visible (GTK_WIDGET (self->sent_entry[SENT_PRINCIPAL]), assessment->processor);
}

void
sonae_reporting_duties_view_reload (SonaeReportingDutiesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_autoptr(SonaePpcResult) result = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->incident_id == 0 || self->store == NULL)
    return;
  incident = sonae_incidents_get (self->store, self->incident_id, &error);
  if (incident == NULL)
    {
      g_message ("Could not read incident %" G_GINT64_FORMAT ": %s", self->incident_id, error->message);
      return;
    }
  assessment = sonae_ppc_get (self->store, self->incident_id, &error);
  if (assessment == NULL)
    {
      g_message ("Could not read the PPC assessment: %s", error->message);
      return;
    }
  result = sonae_ppc_assess (assessment, NULL);

  self->updating = TRUE;
  show_verdict (self, assessment, result);
  show_assessment (self, assessment);
  show_draft (self);
  sonae_reporting_duties_view_show_bodies (self, incident);
  self->updating = FALSE;
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeReportingDutiesView *self = data;

  self->reload_source = 0;
  sonae_reporting_duties_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeStore               *store,
                  const char               *detail,
                  SonaeReportingDutiesView *self)
{
  if (g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0 && g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) != 0 &&
      g_strcmp0 (detail, SONAE_CHANGED_PROFILE) != 0)
    return;
  if (self->incident_id == 0)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* A row with a switch for one of the assessment's yes-or-no facts. */
static GtkSwitch *
add_fact_row (SonaeReportingDutiesView *self,
              const char               *name,
              const char               *title,
              const char               *subtitle,
              GtkWidget               **out_row)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  g_autofree char *switch_name = g_strdup_printf ("%s-switch", name);

  gtk_widget_set_name (row, name);
  gtk_widget_set_name (sw, switch_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect (sw, "notify::active", G_CALLBACK (fact_switch_changed_cb), self);
  adw_preferences_group_add (self->questions_group, row);
  if (out_row != NULL)
    *out_row = row;
  return GTK_SWITCH (sw);
}

/* A note under the questions, small; @check marks one to check before
 * relying on it. */
static void
add_note (SonaeReportingDutiesView *self,
          const char               *name,
          const char               *text,
          gboolean                  check)
{
  GtkWidget *label = NULL;

  if (check)
    {
      /* Translators: a note to check before relying on it, e.g. “Check: …” */
      g_autofree char *checked = g_strdup_printf (_("Check: %s"), text);

      label = gtk_label_new (checked);
    }
  else
    label = gtk_label_new (text);
  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  adw_preferences_group_add (self->questions_group, label);
}

/* The questions are worded for the organisation's kind (patients or
 * customers): whether personal data leaked, what counts, the 2024 case of
 * information being collected, the encryption exemption, the four
 * conditions; then the rules pointed to apart; and so is the example of a
 * processor. */
static void
build_questions (SonaeReportingDutiesView *self)
{
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (self->store);
  const char *delegation = sonae_ppc_get_delegation_note (profile->kind);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->processor_row), sonae_ppc_get_processor_statement ());
  adw_action_row_set_subtitle (self->processor_row, sonae_ppc_get_processor_hint (profile->kind));

  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *key = q == 0 ? "personal-data" : sonae_ppc_condition_to_string ((SonaePpcCondition) (q - 1));
      g_autofree char *name = g_strdup_printf ("ppc-%s", key);
      GtkToggleButton *group = NULL;

      gtk_widget_set_name (row, name);
      if (q == 0)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_ppc_get_personal_data_question ());
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sonae_ppc_get_definitions ());
        }
      else
        {
          SonaePpcCondition condition = (SonaePpcCondition) (q - 1);
          const char *hint = sonae_ppc_condition_get_hint (condition);
          g_autofree char *subtitle = hint != NULL
            /* Translators: the name of a condition, then a hint about it, on the next line */
            ? g_strdup_printf (_("%s\n%s"), sonae_ppc_condition_get_title (condition), hint)
            : g_strdup (sonae_ppc_condition_get_title (condition));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         sonae_ppc_condition_get_question (condition, profile->kind));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (guint a = 0; a < N_ANSWERS; a++)
        {
          GtkWidget *button = gtk_toggle_button_new_with_label (sonae_triage_answer_get_label (answer_order[a]));
          g_autofree char *button_name = g_strdup_printf ("ppc-%s-%s", key,
                                                          sonae_triage_answer_to_string (answer_order[a]));

          gtk_widget_set_name (button, button_name);
          g_object_set_data (G_OBJECT (button), "sonae-question", GUINT_TO_POINTER (q));
          g_object_set_data (G_OBJECT (button), "sonae-answer", GUINT_TO_POINTER (answer_order[a]));
          if (group != NULL)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
          else
            group = GTK_TOGGLE_BUTTON (button);
          g_signal_connect (button, "toggled", G_CALLBACK (answer_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), button);
          self->answer_buttons[q][a] = GTK_TOGGLE_BUTTON (button);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->questions_group, row);
      self->question_rows[q] = row;

      if (q == 0)
        {
          self->acquiring_switch =
            add_fact_row (self, "ppc-acquiring",
                          sonae_ppc_get_acquiring_question (), sonae_ppc_get_acquiring_hint (),
                          NULL);
          self->encrypted_switch =
            add_fact_row (self, "ppc-encrypted",
                          sonae_ppc_get_encrypted_statement (),
                          _("Then it need not be reported. Turn this on only when you are sure: if in doubt, "
                            "treat it as not protected."),
                          &self->encrypted_row);
        }
    }
  add_note (self, "ppc-my-number", sonae_ppc_get_my_number_note (), TRUE);
  if (delegation != NULL)
    add_note (self, "ppc-delegation", delegation, FALSE);
}

static void
connect_date_row (SonaeReportingDutiesView *self,
                  AdwEntryRow              *row,
                  int                       kind)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (row), "sonae-sent", GINT_TO_POINTER (kind));
  g_signal_connect (row, "apply", G_CALLBACK (date_apply_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (date_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static void
build_sent_rows (SonaeReportingDutiesView *self)
{
  for (guint i = 0; i < N_SENT; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *today = gtk_button_new_with_label (C_("date", "Today"));
      g_autofree char *name = g_strdup_printf ("sent-%s", sent_rows[i].name);
      g_autofree char *today_name = g_strdup_printf ("sent-%s-today", sent_rows[i].name);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(sent_rows[i].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_widget_set_name (today, today_name);
      gtk_widget_set_valign (today, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (today, _("It was done today"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (today), GTK_ACCESSIBLE_PROPERTY_LABEL, _("It was done today"), -1);
      g_object_set_data (G_OBJECT (today), "sonae-row", row);
      g_signal_connect (today, "clicked", G_CALLBACK (date_today_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), today);
      connect_date_row (self, ADW_ENTRY_ROW (row), (int) i);
      adw_preferences_group_add (self->sent_group, row);
      self->sent_entry[i] = ADW_ENTRY_ROW (row);
    }
  connect_date_row (self, self->learned_row, -1);
}

/* --- public ----------------------------------------------------------------- */

void
sonae_reporting_duties_view_set_incident (SonaeReportingDutiesView *self,
                                          gint64                    incident_id)
{
  g_return_if_fail (SONAE_IS_REPORTING_DUTIES_VIEW (self));

  if (incident_id != self->incident_id)
    {
      sonae_reporting_duties_view_flush (self);
      clear_draft (self);
      self->incident_id = incident_id;
      /* A refused date belongs to the incident it was typed for. */
      clear_ppc_error (self, GTK_WIDGET (self->learned_row));
      for (guint i = 0; i < N_SENT; i++)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->sent_entry[i]), "error");
          self->updating = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->sent_entry[i]), "");
          self->updating = FALSE;
        }
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->learned_row), "");
      self->updating = FALSE;
    }
  sonae_reporting_duties_view_reload (self);
}

/* --- GObject ------------------------------------------------------------------- */

static void
sonae_reporting_duties_view_unmap (GtkWidget *widget)
{
  sonae_reporting_duties_view_flush (SONAE_REPORTING_DUTIES_VIEW (widget));
  GTK_WIDGET_CLASS (sonae_reporting_duties_view_parent_class)->unmap (widget);
}

static void
sonae_reporting_duties_view_dispose (GObject *object)
{
  SonaeReportingDutiesView *self = SONAE_REPORTING_DUTIES_VIEW (object);

  if (self->draft_rows != NULL)
    sonae_reporting_duties_view_flush (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  sonae_autosave_cancel (&self->autosave);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_REPORTING_DUTIES_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->draft_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_reporting_duties_view_parent_class)->dispose (object);
}

static void
sonae_reporting_duties_view_class_init (SonaeReportingDutiesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_reporting_duties_view_dispose;
  widget_class->unmap = sonae_reporting_duties_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-reporting-duties-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, verdict_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, verdict_reason);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, deadline_grid);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, deadline_intro);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, preliminary_dates);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, preliminary_left);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, final_dates);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, final_left);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, persons_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, persons_left);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, persons_note);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, preliminary_note);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, final_moves_note);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, deadline_note);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, questions_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, learned_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, processor_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, processor_switch);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, sent_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, ppc_error);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, draft_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, bodies_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportingDutiesView, bodies_list);
  gtk_widget_class_bind_template_callback (widget_class, processor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_draft_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportingview");
}

static void
sonae_reporting_duties_view_init (SonaeReportingDutiesView *self)
{
  sonae_autosave_init (&self->autosave, SONAE_AUTOSAVE_DELAY_MS, autosave_cb, self);
  sonae_load_style ("sonae-reporting.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->draft_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_row_free);
  build_sent_rows (self);
  gtk_label_set_text (self->preliminary_note, sonae_ppc_get_preliminary_note ());
  gtk_label_set_text (self->deadline_note, sonae_ppc_get_deadline_note ());
}

GtkWidget *
sonae_reporting_duties_view_new (SonaeStore *store)
{
  SonaeReportingDutiesView *self;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_REPORTING_DUTIES_VIEW, NULL);
  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  build_questions (self);
  return GTK_WIDGET (self);
}
