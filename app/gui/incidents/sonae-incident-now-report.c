/* sonae-incident-now-report.c: the Now tab's last section, whom to report
 * to: each outside body of the level whose condition applies or is still to
 * decide, the persons' notice, and those not needed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-incident-now-private.h"
#include "sonae-accessible.h"
#include "sonae-body-conditions.h"
#include "sonae-checklist.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-escalation.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual.h"
#include "sonae-ppc.h"
#include "sonae-role.h"
#include "sonae-timeline.h"

/* A body to report to; @condition (may be NULL: no condition known) says
 * whether it applies or is still to decide, and why. */
static GtkWidget *
new_body_row (const SonaeEscalationBody *body,
              const SonaeBodyCondition  *condition)
{
  GtkWidget *row = adw_action_row_new ();
  const char *phone = body->contact ? sonae_contact_get_first_phone (body->contact) : NULL;
  const char *note = condition != NULL && condition->reason != NULL ? condition->reason : body->note;

  gtk_widget_set_name (row, "body-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 body->contact ? sonae_contact_get_display_name (body->contact)
                                               : _("Removed from the roster"));
  if (note != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (condition != NULL && condition->applies == SONAE_ANSWER_UNKNOWN)
    {
      GtkWidget *tag = sonae_incident_now_new_tag (_("To Decide"), "to-decide");

      gtk_widget_set_name (tag, "body-to-decide");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  else if (body->optional)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), sonae_incident_now_new_tag (_("Optional"), NULL));
  if (phone != NULL)
    {
      GtkWidget *label = gtk_label_new (phone);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "body-phone");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else if (body->contact != NULL && body->contact->url != NULL && *body->contact->url != '\0')
    {
      /* No number: their web form, one click away. */
      GtkWidget *link = gtk_link_button_new (body->contact->url);

      gtk_button_set_icon_name (GTK_BUTTON (link), "web-browser-symbolic");
      gtk_widget_set_tooltip_text (link, body->contact->url);
      gtk_widget_add_css_class (link, "flat");
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }
  return row;
}

static const SonaeBodyCondition *
find_condition (GPtrArray  *conditions,
                const char *authority_key)
{
  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    {
      const SonaeBodyCondition *c = g_ptr_array_index (conditions, i);

      if (g_strcmp0 (c->authority_key, authority_key) == 0)
        return c;
    }
  return NULL;
}

/* The persons whose data is concerned, to be told promptly. */
static GtkWidget *
new_persons_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, "persons-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The persons whose data is concerned"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sonae_ppc_get_persons_note ());
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static gboolean
escalation_names (GPtrArray  *bodies,
                  const char *authority_key)
{
  for (guint i = 0; i < bodies->len; i++)
    if (g_strcmp0 (((SonaeEscalationBody *) g_ptr_array_index (bodies, i))->authority_key, authority_key) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the persons whose data is concerned are still to be told. */
static gboolean
persons_to_notify (SonaeIncidentNow *self)
{
  g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (self->store, self->incident_id, NULL);
  g_autoptr(SonaePpcResult) result = NULL;

  if (ppc == NULL || ppc->persons_notified_on != NULL)
    return FALSE;
  result = sonae_ppc_assess (ppc, NULL);
  return result->verdict == SONAE_PPC_REQUIRED;
}

/* What the report list says, in a word per body: rebuilt only when it
 * changes (an answer given elsewhere), so that nothing moves otherwise. */
static char *
report_signature (GPtrArray *bodies,
                  GPtrArray *conditions,
                  gboolean   persons)
{
  g_autoptr(GString) text = g_string_new (persons ? "persons" : "");

  for (guint i = 0; i < bodies->len; i++)
    {
      const SonaeEscalationBody *body = g_ptr_array_index (bodies, i);
      const SonaeBodyCondition *c = find_condition (conditions, body->authority_key);

      g_string_append_printf (text, "|%s=%d:%s", body->authority_key, c ? (int) c->applies : -1,
                              c && c->reason ? c->reason : "");
    }
  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    {
      const SonaeBodyCondition *c = g_ptr_array_index (conditions, i);

      if (!escalation_names (bodies, c->authority_key))
        g_string_append_printf (text, "|+%s=%d:%s", c->authority_key, (int) c->applies, c->reason ? c->reason : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The bodies of the level that apply or are still to decide, each with
 * why; the persons' notice after the PPC when it is due; then, in one line,
 * those not needed for this incident as it stands. */
void
sonae_incident_now_build_report (SonaeIncidentNow *self,
                                 SonaeEscalation  *escalation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conditions = sonae_body_conditions_list (self->store, self->incident_id, &error);
  g_autoptr(GString) not_needed = g_string_new (NULL);
  g_autofree char *signature = NULL;
  GPtrArray *bodies = sonae_escalation_get_bodies (escalation);
  const char *summary = sonae_escalation_get_summary (escalation);
  gboolean persons;
  guint shown = 0;

  if (conditions == NULL)
    g_message ("Could not work out which bodies apply: %s", error->message);
  persons = persons_to_notify (self);
  signature = report_signature (bodies, conditions, persons);
  if (g_strcmp0 (signature, self->report_shown) == 0)
    return;
  g_free (self->report_shown);
  self->report_shown = g_steal_pointer (&signature);
  sonae_incident_now_remove_children (GTK_WIDGET (self->report_list));

  gtk_label_set_text (self->report_intro, summary ? summary : "");
  sonae_label_keep_phrases (self->report_intro);
  gtk_widget_set_visible (GTK_WIDGET (self->report_intro), summary != NULL && *summary != '\0');
  for (guint i = 0; i < bodies->len; i++)
    {
      const SonaeEscalationBody *body = g_ptr_array_index (bodies, i);
      const SonaeBodyCondition *condition = find_condition (conditions, body->authority_key);

      if (condition != NULL && condition->applies == SONAE_ANSWER_NO)
        {
          if (not_needed->len > 0)
            /* Translators: between the names of a list */
            g_string_append (not_needed, _(", "));
          g_string_append (not_needed, body->contact ? sonae_contact_get_display_name (body->contact)
                                                     : body->authority_key);
          continue;
        }
      gtk_list_box_append (self->report_list, new_body_row (body, condition));
      shown++;
      if (persons && g_strcmp0 (body->authority_key, SONAE_PPC_AUTHORITY_KEY) == 0)
        gtk_list_box_append (self->report_list, new_persons_row ());
    }
  /* The PPC, when the level does not name it but its rule applies or is
   * still to decide (sonae_body_conditions_list adds it then). */
  {
    const SonaeBodyCondition *ppc = find_condition (conditions, SONAE_PPC_AUTHORITY_KEY);

    if (ppc != NULL && ppc->applies != SONAE_ANSWER_NO && !escalation_names (bodies, SONAE_PPC_AUTHORITY_KEY))
      {
        SonaeEscalationBody body = { .authority_key = (char *) SONAE_PPC_AUTHORITY_KEY };
        g_autoptr(GPtrArray) bundled = sonae_contacts_list_bundled (self->store, NULL);

        for (guint i = 0; bundled != NULL && i < bundled->len; i++)
          if (g_strcmp0 (((SonaeContact *) g_ptr_array_index (bundled, i))->builtin_key, SONAE_PPC_AUTHORITY_KEY) == 0)
            body.contact = g_ptr_array_index (bundled, i);
        gtk_list_box_append (self->report_list, new_body_row (&body, ppc));
        shown++;
        if (persons)
          gtk_list_box_append (self->report_list, new_persons_row ());
      }
  }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     bodies->len == 0 ? _("No outside body needs a report at this level")
                                                      : _("No outside body needs a report for this incident as it stands"));
      gtk_list_box_append (self->report_list, row);
    }
  if (not_needed->len > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      /* Translators: %s lists bodies, e.g. “the police, IPA” */
      g_autofree char *title = g_strdup_printf (_("Not needed for this incident as it stands: %s"), not_needed->str);

      gtk_widget_set_name (row, "not-needed-row");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Sonae reads this from what the incident records. If more comes to light, "
                                     "answer for each body in the Authorities tab."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->report_list, row);
    }
}
