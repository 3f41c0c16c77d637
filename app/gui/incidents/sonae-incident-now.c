/* sonae-incident-now.c: what to do now and whom to call now for one
 * incident, with one-click logging of each call */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-incident-now.h"
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

#include "sonae-incident-now-private.h"


G_DEFINE_FINAL_TYPE (SonaeIncidentNow, sonae_incident_now, GTK_TYPE_BOX)

void
sonae_incident_ensure_style (void)
{
  sonae_load_style ("sonae-incident.css");
}

/* --- helpers ---------------------------------------------------------------- */

void
sonae_incident_now_remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

GtkWidget *
sonae_incident_now_new_label (const char *text,
                              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Japanese wraps between phrases, as on the poster. */
  sonae_label_keep_phrases (GTK_LABEL (label));
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
sonae_incident_now_new_tag (const char *text,
                            const char *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_add_css_class (tag, "now-tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (tag, css_class);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  return tag;
}

GtkWidget *
sonae_incident_now_new_static_row (GtkWidget *child)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  return row;
}

/* "No answer at 10:42", or with the date when it was not today. */
static char *
format_outcome (const SonaeTimelineEntry *entry)
{
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *when = NULL;

  if (entry->at != NULL && g_str_has_prefix (entry->at, today) && strlen (entry->at) >= 16)
    when = g_strndup (entry->at + 11, 5);
  else
    when = sonae_datetime_format (entry->at);
  /* Translators: a call's outcome, then when, e.g. “No answer at 10:42” */
  return g_strdup_printf (_("%s at %s"), sonae_call_outcome_get_title (entry->outcome), when ? when : "");
}

static const char *
outcome_css (SonaeCallOutcome outcome)
{
  switch (outcome)
    {
    case SONAE_CALL_REACHED:
      return "success";
    case SONAE_CALL_NO_ANSWER:
      return "warning";
    case SONAE_CALL_LEFT_MESSAGE:
    case SONAE_N_CALL_OUTCOMES:
    default:
      return "accent";
    }
}

static void
show_outcome (GtkLabel                 *label,
              const SonaeTimelineEntry *entry)
{
  static const char *const classes[] = { "success", "warning", "accent" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if (entry == NULL)
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  {
    g_autofree char *text = format_outcome (entry);

    gtk_label_set_text (label, text);
    sonae_label_keep_phrases (label);
  }
  gtk_widget_add_css_class (GTK_WIDGET (label), outcome_css (entry->outcome));
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static GtkWidget *new_holder_row (SonaeIncidentNow *self,
                                  const char       *role_key,
                                  SonaeContact     *contact,
                                  guint             index,
                                  gboolean          inform_only,
                                  gboolean          remember);

/* Who to call next, in the order of calls: in each role, the first holder
 * not called yet, unless one of them was reached; a role whose holders
 * were all tried, or that nobody holds, gives way to the next. */
static gboolean
find_next_call (SonaeIncidentNow          *self,
                GHashTable                *last,
                const SonaeEscalationRole **out_role,
                guint                     *out_index)
{
  GPtrArray *roles = sonae_escalation_get_roles (self->escalation);

  for (guint i = 0; i < roles->len; i++)
    {
      const SonaeEscalationRole *role = g_ptr_array_index (roles, i);
      gboolean reached = FALSE;
      int untried = -1;

      if (role->inform_only || role->holders == NULL)
        continue;
      for (guint h = 0; h < role->holders->len; h++)
        {
          SonaeContact *contact = g_ptr_array_index (role->holders, h);
          const SonaeTimelineEntry *entry = g_hash_table_lookup (last, &contact->id);

          if (entry != NULL && entry->outcome == SONAE_CALL_REACHED)
            reached = TRUE;
          else if (entry == NULL && untried < 0)
            untried = (int) h;
        }
      if (!reached && untried >= 0)
        {
          *out_role = role;
          *out_index = (guint) untried;
          return TRUE;
        }
    }
  return FALSE;
}

/* The card at the top: the one person to call now. */
static void
update_next (SonaeIncidentNow *self,
             GHashTable       *last)
{
  const SonaeEscalationRole *role = NULL;
  guint index = 0;

  sonae_incident_now_remove_children (GTK_WIDGET (self->next_list));
  gtk_widget_set_visible (self->next_section, self->escalation != NULL);
  if (self->escalation == NULL)
    return;
  if (find_next_call (self, last, &role, &index))
    {
      g_autofree char *intro = NULL;

      /* Translators: %s is a role, e.g. “First responder” */
      intro = g_strdup_printf (_("Next: the %s. If nobody answers, log it and Sonae shows the next person."),
                               sonae_role_get_name (role->role_key));
      gtk_label_set_text (self->next_intro, intro);
      sonae_label_keep_phrases (self->next_intro);
      gtk_list_box_append (self->next_list,
                           new_holder_row (self, role->role_key, g_ptr_array_index (role->holders, index),
                                           index, FALSE, FALSE));
    }
  else
    {
      gtk_label_set_text (self->next_intro, _("Everyone in the order of calls has been reached or tried. The whole order is below."));
      sonae_label_keep_phrases (self->next_intro);
      gtk_widget_set_visible (GTK_WIDGET (self->next_list), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_list), TRUE);
}

/* The last call logged to each person in this incident. */
static void
update_outcomes (SonaeIncidentNow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) last = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (self->incident_id == 0)
    return;
  entries = sonae_incidents_list_timeline (self->store, self->incident_id, &error);
  if (entries == NULL)
    {
      g_message ("Could not read the timeline: %s", error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      SonaeTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == SONAE_ENTRY_CALL && entry->contact_id != 0)
        g_hash_table_insert (last, &entry->contact_id, entry);
    }

  g_hash_table_iter_init (&iter, self->outcome_labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *labels = value;
      const SonaeTimelineEntry *entry = g_hash_table_lookup (last, key);

      for (guint i = 0; i < labels->len; i++)
        show_outcome (g_ptr_array_index (labels, i), entry);
    }
  update_next (self, last);
}

/* --- do now ----------------------------------------------------------------- */

static GtkWidget *new_call_button (SonaeIncidentNow *self,
                                   SonaeContact     *contact,
                                   const char       *role_key,
                                   SonaeCallOutcome  outcome);

/* Under a step that says to call a role: who holds it, the number, and
 * the buttons that log the call. */
static GtkWidget *
new_step_holder (SonaeIncidentNow *self,
                 const char       *role_key)
{
  const SonaeEscalationRole *role = NULL;
  GPtrArray *roles = self->escalation ? sonae_escalation_get_roles (self->escalation) : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  SonaeContact *contact;
  GtkWidget *name;

  for (guint i = 0; roles != NULL && i < roles->len && role == NULL; i++)
    if (g_strcmp0 (((SonaeEscalationRole *) g_ptr_array_index (roles, i))->role_key, role_key) == 0)
      role = g_ptr_array_index (roles, i);
  gtk_widget_set_name (box, "step-holder");
  if (role == NULL || role->holders == NULL || role->holders->len == 0)
    {
      GtkWidget *none = sonae_incident_now_new_label (_("Nobody holds this role yet: call the next person in the order below."), "error");

      gtk_box_append (GTK_BOX (box), none);
      return box;
    }
  contact = g_ptr_array_index (role->holders, 0);
  name = sonae_incident_now_new_label (sonae_contact_get_display_name (contact), "holder-name");
  gtk_widget_set_hexpand (name, FALSE);
  gtk_widget_set_valign (name, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (line), name);
  if (contact->phones != NULL && contact->phones->len > 0)
    {
      GtkWidget *number = gtk_label_new (((SonaeLabeled *) g_ptr_array_index (contact->phones, 0))->value);

      gtk_widget_set_name (number, "step-phone");
      gtk_label_set_selectable (GTK_LABEL (number), TRUE);
      gtk_widget_add_css_class (number, "call-phone");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_set_valign (number, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (line), number);
    }
  gtk_box_append (GTK_BOX (box), line);
  for (int o = 0; o < SONAE_N_CALL_OUTCOMES; o++)
    gtk_box_append (GTK_BOX (buttons), new_call_button (self, contact, role_key, (SonaeCallOutcome) o));
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

/* A "do now" step ticked or unticked: recorded at once, as a checklist
 * step is, with a line in the timeline. */
static void
do_now_toggled_cb (GtkCheckButton   *check,
                   SonaeIncidentNow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  const char *id = g_object_get_data (G_OBJECT (check), "step-id");
  gboolean done = gtk_check_button_get_active (check);

  if (self->updating || self->incident_id == 0)
    return;
  author = sonae_get_author ();
  if (!sonae_incidents_check_step (self->store, self->incident_id, id, done, author, NULL, &error))
    {
      self->updating = TRUE;
      gtk_check_button_set_active (check, !done);
      self->updating = FALSE;
      sonae_show_error (GTK_WIDGET (self), _("Could not record the step"), error);
    }
}

/* Ticks the "do now" steps as the record has them. */
static void
update_do_now (SonaeIncidentNow    *self,
               const SonaeIncident *incident)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->do_now_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SonaeStepState *state = sonae_incident_get_step_state (incident, key);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (value), state != NULL && state->done);
    }
  self->updating = FALSE;
}

/* Clicking a step's row ticks it, as clicking its box does. */
static void
do_now_activated_cb (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     SonaeIncidentNow *self)
{
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

  if (check != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                 !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static GtkWidget *
new_step_row (SonaeIncidentNow *self,
              guint             number,
              const char       *id,
              const char       *text,
              GtkWidget        *holder)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  g_autofree char *digits = g_strdup_printf ("%u", number);
  GtkWidget *badge = gtk_label_new (digits);
  GtkWidget *label = sonae_incident_now_new_label (text, "now-step-text");
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row;

  gtk_widget_add_css_class (badge, "now-step-number");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  /* The box is read as the step: "1. Leave the computer switched on…". */
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_name (check, "do-now-check");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, badge, label, NULL,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "step-id", g_strdup (id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (do_now_toggled_cb), self);
  g_hash_table_replace (self->do_now_checks, g_strdup (id), check);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), badge);
  if (holder != NULL)
    {
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (texts), label);
      gtk_box_append (GTK_BOX (texts), holder);
      gtk_box_append (GTK_BOX (box), texts);
    }
  else
    gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "now-row");
  row = sonae_incident_now_new_static_row (box);
  gtk_widget_set_name (row, "do-now-step");
  sonae_accessible_name_row (row, badge, label, NULL);
  /* A step that names whom to call has its own buttons: only its box
   * ticks it. */
  if (holder == NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "check", check);
    }
  return row;
}

static void
build_do_now (SonaeIncidentNow    *self,
              const SonaeIncident *incident,
              SonaeOrgKind         kind)
{
  const char *const *steps = NULL;

  if (self->checklist != NULL)
    steps = sonae_checklist_get_do_now (self->checklist, incident->type, kind);
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    {
      const char *role = sonae_checklist_get_do_now_role (self->checklist, incident->type, kind, i);
      const char *id = sonae_checklist_get_do_now_id (self->checklist, incident->type, kind, i);

      gtk_list_box_append (self->do_now_list,
                           new_step_row (self, i + 1, id, steps[i],
                                         role != NULL ? new_step_holder (self, role) : NULL));
    }
  gtk_widget_set_visible (self->do_now_section, steps != NULL && steps[0] != NULL);
  update_do_now (self, incident);
}

/* --- call now --------------------------------------------------------------- */

static void
call_clicked_cb (GtkButton        *button,
                 SonaeIncidentNow *self)
{
  gint64 contact_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "sonae-contact-id");
  const char *role_key = g_object_get_data (G_OBJECT (button), "sonae-role-key");
  const char *name = g_object_get_data (G_OBJECT (button), "sonae-name");
  SonaeCallOutcome outcome = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sonae-outcome"));
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();
  g_autofree char *message = NULL;

  if (!sonae_incidents_log_call (self->store, self->incident_id, contact_id, role_key, outcome,
                                 author, NULL, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not log the call"), error);
      return;
    }
  /* Translators: a person's name, then the call's outcome, e.g. “No answer” */
  message = g_strdup_printf (_("Call to %s logged: %s"), name, sonae_call_outcome_get_title (outcome));
  sonae_show_message (GTK_WIDGET (self), message);
}

static GtkWidget *
new_call_button (SonaeIncidentNow *self,
                 SonaeContact     *contact,
                 const char       *role_key,
                 SonaeCallOutcome  outcome)
{
  static const struct {
    const char *name;
    const char *label;
    const char *tooltip;
  } buttons[] = {
    [SONAE_CALL_REACHED] = { "call-reached", N_("Reached"), N_("You spoke to this person") },
    [SONAE_CALL_NO_ANSWER] = { "call-no-answer", N_("No Answer"), N_("Nobody answered: call the next person") },
    [SONAE_CALL_LEFT_MESSAGE] = { "call-left-message", N_("Left a Message"), N_("You left a message or asked someone to pass it on") },
  };
  GtkWidget *button = gtk_button_new_with_label (_(buttons[outcome].label));
  gint64 *id = g_new (gint64, 1);

  *id = contact->id;
  gtk_widget_set_name (button, buttons[outcome].name);
  gtk_widget_set_tooltip_text (button, _(buttons[outcome].tooltip));
  gtk_widget_add_css_class (button, "call-button");
  g_object_set_data_full (G_OBJECT (button), "sonae-contact-id", id, g_free);
  g_object_set_data_full (G_OBJECT (button), "sonae-role-key", g_strdup (role_key), g_free);
  g_object_set_data_full (G_OBJECT (button), "sonae-name",
                          g_strdup (sonae_contact_get_display_name (contact)), g_free);
  g_object_set_data (G_OBJECT (button), "sonae-outcome", GINT_TO_POINTER (outcome));
  g_signal_connect (button, "clicked", G_CALLBACK (call_clicked_cb), self);
  return button;
}

static void
remember_outcome_label (SonaeIncidentNow *self,
                        gint64            contact_id,
                        GtkWidget        *label)
{
  GPtrArray *labels = g_hash_table_lookup (self->outcome_labels, &contact_id);

  if (labels == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = contact_id;
      labels = g_ptr_array_new ();
      g_hash_table_insert (self->outcome_labels, key, labels);
    }
  g_ptr_array_add (labels, label);
}

static GtkWidget *
new_holder_row (SonaeIncidentNow *self,
                const char       *role_key,
                SonaeContact     *contact,
                guint             index,
                gboolean          inform_only,
                gboolean          remember)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *phones = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *rank = NULL;
  GtkWidget *rank_label;
  GtkWidget *name;
  GtkWidget *outcome;
  GtkWidget *first_number = NULL;
  GtkWidget *row;

  if (index == 0)
    rank = g_strdup (C_("call order", "Primary"));
  else
    /* Translators: the deputy's place in the order of calls, e.g. “Deputy 1”:
     * the same word as on paper (代理) */
    rank = g_strdup_printf (_("Deputy %u"), index);
  rank_label = sonae_incident_now_new_tag (rank, index == 0 ? "primary" : NULL);
  gtk_widget_add_css_class (rank_label, "holder-rank");
  gtk_widget_set_valign (rank_label, GTK_ALIGN_BASELINE);

  name = sonae_incident_now_new_label (sonae_contact_get_display_name (contact), "holder-name");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_valign (name, GTK_ALIGN_BASELINE);

  outcome = gtk_label_new (NULL);
  gtk_widget_set_name (outcome, "call-outcome");
  gtk_widget_add_css_class (outcome, "call-outcome");
  gtk_widget_set_valign (outcome, GTK_ALIGN_BASELINE);
  gtk_widget_set_visible (outcome, FALSE);
  if (remember)
    remember_outcome_label (self, contact->id, outcome);

  gtk_box_append (GTK_BOX (top), rank_label);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), outcome);
  gtk_box_append (GTK_BOX (box), top);

  for (guint i = 0; contact->phones != NULL && i < contact->phones->len; i++)
    {
      SonaeLabeled *phone = g_ptr_array_index (contact->phones, i);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *number = gtk_label_new (phone->value);

      gtk_widget_set_name (number, "call-phone");
      gtk_label_set_selectable (GTK_LABEL (number), TRUE);
      /* The first number is the one to dial; the others are smaller. */
      gtk_widget_add_css_class (number, i == 0 ? "call-phone" : "call-phone-other");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_set_valign (number, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (line), number);
      if (i == 0)
        first_number = number;
      if (phone->label != NULL && *phone->label != '\0')
        {
          GtkWidget *kind = gtk_label_new (sonae_phone_label_get_title (phone->label));

          gtk_widget_add_css_class (kind, "dim-label");
          gtk_widget_set_valign (kind, GTK_ALIGN_BASELINE);
          gtk_box_append (GTK_BOX (line), kind);
        }
      gtk_box_append (GTK_BOX (phones), line);
    }
  if (contact->phones == NULL || contact->phones->len == 0)
    {
      first_number = sonae_incident_now_new_label (_("No phone number"), "dim-label");
      gtk_box_append (GTK_BOX (phones), first_number);
    }
  gtk_box_append (GTK_BOX (box), phones);

  for (int o = 0; o < SONAE_N_CALL_OUTCOMES; o++)
    gtk_box_append (GTK_BOX (buttons), new_call_button (self, contact, role_key, (SonaeCallOutcome) o));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_add_css_class (box, "now-row");
  row = sonae_incident_now_new_static_row (box);
  gtk_widget_set_name (row, "holder-row");
  if (inform_only)
    gtk_widget_add_css_class (row, "inform-only");
  /* "Primary Tanaka", then the last call's outcome and the number to
   * dial. */
  sonae_accessible_name_row (row, rank_label, name, NULL);
  sonae_accessible_describe_row (row, outcome, first_number, NULL);
  return row;
}

static GtkWidget *
new_unassigned_row (const char *role_key)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* One per role without a holder: no mnemonic. */
  GtkWidget *button = gtk_button_new_with_label (_("Assign Someone"));
  GtkWidget *title = sonae_incident_now_new_label (_("Not assigned"), "holder-name");
  GtkWidget *explanation = sonae_incident_now_new_label (_("Nobody holds this role: call the next one, and fill in the roster afterwards."), "dim-label");
  GtkWidget *row;

  gtk_widget_add_css_class (icon, "error");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), explanation);
  gtk_widget_add_css_class (title, "error");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  gtk_widget_set_name (button, "assign-role");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-role");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (role_key));
  gtk_box_append (GTK_BOX (box), button);

  gtk_widget_add_css_class (box, "now-row");
  row = sonae_incident_now_new_static_row (box);
  gtk_widget_set_name (row, "unassigned-row");
  sonae_accessible_name_row (row, title, NULL);
  sonae_accessible_describe_row (row, explanation, NULL);
  return row;
}

static GtkWidget *
new_role_block (SonaeIncidentNow          *self,
                const SonaeEscalationRole *role,
                guint                      order)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title;

  gtk_widget_set_name (block, role->role_key);
  gtk_widget_add_css_class (block, "role-block");

  if (!role->inform_only)
    {
      g_autofree char *digits = g_strdup_printf ("%u", order);
      GtkWidget *badge = gtk_label_new (digits);

      gtk_widget_add_css_class (badge, "call-order");
      gtk_widget_add_css_class (badge, "numeric");
      gtk_box_append (GTK_BOX (header), badge);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("mail-send-symbolic");

      gtk_widget_add_css_class (icon, "call-order");
      gtk_widget_add_css_class (icon, "inform");
      gtk_box_append (GTK_BOX (header), icon);
    }
  title = sonae_incident_now_new_label (sonae_role_get_name (role->role_key), "role-title");
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), title);
  if (role->responder)
    gtk_box_append (GTK_BOX (header), sonae_incident_now_new_tag (_("Responds at this level"), "accent"));
  if (role->inform_only)
    gtk_box_append (GTK_BOX (header), sonae_incident_now_new_tag (_("Inform"), NULL));
  gtk_box_append (GTK_BOX (block), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (role->holders == NULL || role->holders->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list), new_unassigned_row (role->role_key));
  for (guint i = 0; role->holders != NULL && i < role->holders->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         new_holder_row (self, role->role_key, g_ptr_array_index (role->holders, i),
                                         i, role->inform_only, TRUE));
  gtk_box_append (GTK_BOX (block), list);
  return block;
}

static void
build_calls (SonaeIncidentNow *self,
             SonaeEscalation  *escalation,
             int               level)
{
  GPtrArray *roles = sonae_escalation_get_roles (escalation);
  g_autofree char *intro = NULL;
  guint order = 0;

  /* Translators: %d is the damage level, 0 to 3 */
  intro = g_strdup_printf (_("At level %d, call in this order. If nobody answers, call the next person. Log each call with one click."),
                           level);
  gtk_label_set_text (self->call_intro, intro);
  sonae_label_keep_phrases (self->call_intro);
  for (guint i = 0; i < roles->len; i++)
    {
      const SonaeEscalationRole *role = g_ptr_array_index (roles, i);

      if (!role->inform_only)
        order++;
      gtk_box_append (GTK_BOX (self->call_box), new_role_block (self, role, order));
    }
  gtk_widget_set_visible (self->call_section, roles->len > 0);
}

/* --- building ----------------------------------------------------------------- */

static void
clear (SonaeIncidentNow *self)
{
  g_hash_table_remove_all (self->outcome_labels);
  g_hash_table_remove_all (self->do_now_checks);
  g_clear_pointer (&self->escalation, sonae_escalation_free);
  g_clear_pointer (&self->report_shown, g_free);
  sonae_incident_now_remove_children (GTK_WIDGET (self->next_list));
  gtk_widget_set_visible (self->next_section, FALSE);
  sonae_incident_now_remove_children (GTK_WIDGET (self->do_now_list));
  sonae_incident_now_remove_children (self->call_box);
  sonae_incident_now_remove_children (GTK_WIDGET (self->report_list));
  gtk_widget_set_visible (self->do_now_section, FALSE);
  gtk_widget_set_visible (self->call_section, FALSE);
  gtk_widget_set_visible (self->report_section, FALSE);
  self->shown = FALSE;
}

static void
rebuild (SonaeIncidentNow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeProfile) profile = NULL;

  clear (self);
  self->need_rebuild = FALSE;
  if (self->incident_id == 0)
    return;

  incident = sonae_incidents_get (self->store, self->incident_id, &error);
  if (incident == NULL)
    {
      g_message ("Could not read incident %" G_GINT64_FORMAT ": %s", self->incident_id, error->message);
      return;
    }
  profile = sonae_store_get_profile (self->store);
  self->escalation = sonae_escalation_new (self->store, self->manual, incident->level, &error);
  if (self->escalation == NULL)
    g_message ("Could not work out whom to call: %s", error->message);
  build_do_now (self, incident, profile->kind);
  if (self->escalation != NULL)
    {
      build_calls (self, self->escalation, incident->level);
      sonae_incident_now_build_report (self, self->escalation);
      gtk_widget_set_visible (self->report_section, TRUE);
    }

  self->shown = TRUE;
  self->shown_level = incident->level;
  self->shown_type = incident->type;
  update_outcomes (self);
}

static gboolean
update_cb (gpointer user_data)
{
  SonaeIncidentNow *self = user_data;
  g_autoptr(SonaeIncident) incident = NULL;

  self->update_source = 0;
  if (!self->need_rebuild && self->shown && self->incident_id != 0)
    {
      /* A call logged or a note added: keep the page where it is and
       * refresh the outcomes; a new level or type changes whom to call. */
      incident = sonae_incidents_get (self->store, self->incident_id, NULL);
      if (incident != NULL && incident->level == self->shown_level && incident->type == self->shown_type)
        {
          update_do_now (self, incident);
          update_outcomes (self);
          /* An answer about a body may change whom to report to. */
          if (self->escalation != NULL)
            sonae_incident_now_build_report (self, self->escalation);
          return G_SOURCE_REMOVE;
        }
    }
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeIncidentNow *self,
                  const char       *detail)
{
  if (g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0 && g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) != 0 &&
      g_strcmp0 (detail, SONAE_CHANGED_ROLES) != 0 && g_strcmp0 (detail, SONAE_CHANGED_PROFILE) != 0)
    return;
  if (g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0)
    self->need_rebuild = TRUE;
  if (self->update_source == 0)
    /* As soon as the change is written, as the view that shows the
     * incident reads it (not after every lower idle). */
    self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT, update_cb, self, NULL);
}

void
sonae_incident_now_set_incident (SonaeIncidentNow *self,
                                 gint64            incident_id)
{
  g_return_if_fail (SONAE_IS_INCIDENT_NOW (self));
  g_return_if_fail (incident_id >= 0);

  /* The same incident again (the view read it after a change): the
   * page's own watch on the store brings it up to date without making it
   * anew, so that focus and scrolling stay where they are. */
  if (incident_id != 0 && incident_id == self->incident_id && self->shown)
    return;
  self->incident_id = incident_id;
  g_clear_handle_id (&self->update_source, g_source_remove);
  rebuild (self);
}

/* The descendant of @widget named @name (gtk_widget_set_name), or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
sonae_incident_now_focus_call (SonaeIncidentNow *self)
{
  GtkWidget *button;

  g_return_val_if_fail (SONAE_IS_INCIDENT_NOW (self), FALSE);

  if (!self->shown || !gtk_widget_get_visible (GTK_WIDGET (self->next_list)))
    return FALSE;
  button = find_named (GTK_WIDGET (self->next_list), "call-reached");
  return button != NULL && gtk_widget_grab_focus (button);
}

/* --- object ------------------------------------------------------------------- */

static void
sonae_incident_now_dispose (GObject *object)
{
  SonaeIncidentNow *self = SONAE_INCIDENT_NOW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->manual, sonae_manual_unref);
  g_clear_pointer (&self->checklist, sonae_checklist_unref);
  g_clear_pointer (&self->escalation, sonae_escalation_free);
  g_clear_pointer (&self->report_shown, g_free);
  if (self->outcome_labels != NULL)
    g_hash_table_remove_all (self->outcome_labels);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_INCIDENT_NOW);

  G_OBJECT_CLASS (sonae_incident_now_parent_class)->dispose (object);
}

static void
sonae_incident_now_finalize (GObject *object)
{
  SonaeIncidentNow *self = SONAE_INCIDENT_NOW (object);

  g_clear_pointer (&self->outcome_labels, g_hash_table_unref);
  g_clear_pointer (&self->do_now_checks, g_hash_table_unref);

  G_OBJECT_CLASS (sonae_incident_now_parent_class)->finalize (object);
}

static void
sonae_incident_now_class_init (SonaeIncidentNowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_incident_now_dispose;
  object_class->finalize = sonae_incident_now_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-incident-now.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, next_section);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, next_intro);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, next_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, do_now_section);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, do_now_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, call_section);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, call_intro);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, call_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, report_section);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, report_intro);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentNow, report_list);
  gtk_widget_class_set_css_name (widget_class, "incidentnow");
}

static void
sonae_incident_now_init (SonaeIncidentNow *self)
{
  sonae_incident_ensure_style ();
  self->outcome_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  self->do_now_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->do_now_list, "row-activated", G_CALLBACK (do_now_activated_cb), self);
  clear (self);
}

GtkWidget *
sonae_incident_now_new (SonaeStore *store)
{
  SonaeIncidentNow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_INCIDENT_NOW, NULL);
  self->store = g_object_ref (store);
  self->manual = sonae_manual_load (&error);
  if (self->manual == NULL)
    {
      g_message ("Could not read the manual: %s", error->message);
      g_clear_error (&error);
    }
  self->checklist = sonae_checklist_load (&error);
  if (self->checklist == NULL)
    g_message ("Could not read the checklist: %s", error->message);
  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
