/* sonae-reporting-duties-bodies.c: the Authorities tab's list of the
 * outside bodies, each with whether its condition applies, the
 * organisation's own answer and the day it was told. */
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

/* --- the other bodies -------------------------------------------------------------- */

static void
body_done_cb (GtkButton                *button,
              SonaeReportingDutiesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();
  g_autofree char *today = NULL;
  const char *key = g_object_get_data (G_OBJECT (button), "sonae-authority");
  gboolean clear = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sonae-clear"));

  if (self->incident_id == 0)
    return;
  if (!clear)
    today = sonae_clock_today ();
  if (!sonae_ppc_set_body_report (self->store, self->incident_id, key, today, author, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not record the report"), error);
      return;
    }
  sonae_reporting_duties_view_reload (self);
}

static void
body_answer_toggled_cb (GtkToggleButton          *button,
                        SonaeReportingDutiesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  const char *key = g_object_get_data (G_OBJECT (button), "sonae-authority");
  SonaeTriageAnswer answer = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sonae-answer"));

  if (self->updating || !gtk_toggle_button_get_active (button) || self->incident_id == 0)
    return;
  author = sonae_get_author ();
  if (!sonae_body_conditions_set_answer (self->store, self->incident_id, key, answer, author, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not record the answer"), error);
      sonae_reporting_duties_view_reload (self);
    }
}

/* Yes / No / Not known for @report's condition, the one in force active. */
static GtkWidget *
new_condition_buttons (SonaeReportingDutiesView *self,
                       const SonaeBodyReport    *report,
                       const char               *question)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint a = 0; a < N_ANSWERS; a++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (sonae_triage_answer_get_label (answer_order[a]));
      g_autofree char *name = g_strdup_printf ("body-%s-%s", report->authority_key,
                                               sonae_triage_answer_to_string (answer_order[a]));
      g_autofree char *label = g_strdup_printf ("%s %s", question, sonae_triage_answer_get_label (answer_order[a]));

      gtk_widget_set_name (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "sonae-authority", g_strdup (report->authority_key), g_free);
      g_object_set_data (G_OBJECT (button), "sonae-answer", GUINT_TO_POINTER (answer_order[a]));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), report->applies == answer_order[a]);
      g_signal_connect (button, "toggled", G_CALLBACK (body_answer_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static GHashTable *
authority_contacts (SonaeReportingDutiesView *self)
{
  GHashTable *by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) contacts = sonae_contacts_list (self->store, SONAE_GROUP_AUTHORITY, NULL);

  for (guint i = 0; contacts && i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);

      if (c->builtin_key != NULL)
        g_hash_table_replace (by_key, c->builtin_key, g_object_ref (c));
    }
  return by_key;
}

static GtkWidget *
new_body_label (const char *name,
                const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One body: whether it applies and why, what was done, its number; the
 * button that records the report; and, for a condition the organisation
 * can answer, the answer in force beneath. Laid out in lines rather than
 * as one row with everything at its end, so that the reason reads whole. */
static GtkWidget *
new_body_row (SonaeReportingDutiesView *self,
              const SonaeBodyReport    *report,
              SonaeContact             *contact)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *button;
  GtkWidget *state;
  g_autofree char *name = g_strdup_printf ("body-%s", report->authority_key);
  g_autofree char *button_name = NULL;
  g_autoptr(GString) status = g_string_new (NULL);
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (self->store);
  const char *phone = contact ? sonae_contact_get_first_phone (contact) : NULL;
  const char *question = sonae_body_condition_get_question (report->authority_key, profile->kind);
  const char *title = contact ? sonae_contact_get_display_name (contact) : report->authority_key;

  gtk_widget_set_name (row, name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  if (report->done_on != NULL)
    {
      state = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (state, "success");
    }
  else if (report->applies == SONAE_ANSWER_NO)
    {
      state = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
      gtk_widget_add_css_class (state, "dim-label");
    }
  else if (report->applies == SONAE_ANSWER_UNKNOWN)
    {
      state = gtk_image_new_from_icon_name ("dialog-question-symbolic");
      gtk_widget_add_css_class (state, "warning");
    }
  else
    state = gtk_image_new_from_icon_name ("mail-send-symbolic");
  gtk_widget_set_name (state, report->done_on != NULL ? "body-done" :
                              report->applies == SONAE_ANSWER_NO ? "body-not-needed" :
                              report->applies == SONAE_ANSWER_UNKNOWN ? "body-undecided" : "body-applies");
  gtk_widget_set_valign (state, GTK_ALIGN_START);
  gtk_widget_set_margin_top (state, 2);
  gtk_box_append (GTK_BOX (top), state);

  /* Its name; its condition: why it applies, why not, or what to decide;
   * then what was done and how to reach it. */
  gtk_box_append (GTK_BOX (text), new_body_label ("body-title", title, "heading"));
  if (report->reason != NULL)
    gtk_box_append (GTK_BOX (text), new_body_label ("body-reason", report->reason, NULL));
  if (report->done_on != NULL)
    {
      g_autofree char *date = sonae_reporting_duties_format_date (report->done_on);

      if (report->done_by != NULL)
        /* Translators: a date, then a person */
        g_string_append_printf (status, _("Done on %s by %s"), date, report->done_by);
      else
        g_string_append_printf (status, _("Done on %s"), date);
    }
  else if (report->applies == SONAE_ANSWER_NO)
    g_string_append (status, _("Not needed for this incident as it stands"));
  else
    g_string_append (status, report->optional ? _("Not done yet (optional at this level)")
                                              : _("Not done yet"));
  if (phone != NULL && *phone != '\0')
    /* Translators: appended to a line, then a phone number */
    g_string_append_printf (status, _(" · Phone %s"), phone);
  else if (contact != NULL && contact->url != NULL && *contact->url != '\0')
    g_string_append_printf (status, " · %s", contact->url);
  {
    GtkWidget *label = new_body_label ("body-status", status->str, "dim-label");

    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "caption");
    gtk_box_append (GTK_BOX (text), label);
  }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (top), text);

  if (report->done_on != NULL)
    {
      button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_tooltip_text (button, _("Not done after all: clear the date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not done after all: clear the date"), -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "sonae-clear", GINT_TO_POINTER (TRUE));
      button_name = g_strdup_printf ("body-%s-clear", report->authority_key);
    }
  else
    {
      button = gtk_button_new_with_label (_("Done Today"));
      button_name = g_strdup_printf ("body-%s-done", report->authority_key);
    }
  gtk_widget_set_name (button, button_name);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "sonae-authority", g_strdup (report->authority_key), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (body_done_cb), self);
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (box), top);

  /* The condition's answer, under the text. */
  if (question != NULL)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *ask = new_body_label ("body-ask", _("Does its condition hold?"), "dim-label");

      gtk_widget_set_margin_start (line, 28);
      gtk_widget_set_hexpand (ask, TRUE);
      gtk_box_append (GTK_BOX (line), ask);
      gtk_box_append (GTK_BOX (line), new_condition_buttons (self, report, question));
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
sonae_reporting_duties_view_show_bodies (SonaeReportingDutiesView *self,
                                         const SonaeIncident      *incident)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = sonae_ppc_list_body_reports (self->store, self->incident_id, &error);
  g_autoptr(GHashTable) contacts = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->bodies_list))) != NULL)
    gtk_list_box_remove (self->bodies_list, child);
  if (reports == NULL)
    {
      g_message ("Could not list the bodies to report to: %s", error->message);
      return;
    }

  /* Translators: %d is the incident's damage level, 0 to 3 */
  description = g_strdup_printf (_("At damage level %d the manual names these. Each one applies only when its own condition "
                                   "holds: Sonae reads it from the incident where it can and asks where it cannot. "
                                   "Your answer always wins. Record each report when it is done."),
                                 incident->level);
  adw_preferences_group_set_description (self->bodies_group, description);

  contacts = authority_contacts (self);
  for (guint i = 0; i < reports->len; i++)
    {
      SonaeBodyReport *report = g_ptr_array_index (reports, i);

      gtk_list_box_append (self->bodies_list,
                           new_body_row (self, report, g_hash_table_lookup (contacts, report->authority_key)));
    }
  if (reports->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No outside body needs a report at this level"));
      gtk_list_box_append (self->bodies_list, row);
    }
}
