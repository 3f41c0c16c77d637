/* sonae-triage-dialog.c: "Something is wrong": three plain questions, one
 * at a time, each answered with one click; then the proposed level, type
 * and event type with their reasons, and Start. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-triage-dialog.h"
#include "sonae-accessible.h"
#include "sonae-gui-util.h"
#include "sonae-help.h"
#include "sonae-incident-now.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual.h"
#include "sonae-triage.h"

typedef enum {
  PAGE_SEEN,
  PAGE_DATA,
  PAGE_IMPACT,
  PAGE_PROPOSAL,
} Page;

static const char *const page_names[] = { "seen", "data", "impact", "proposal" };

struct _SonaeTriageDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkStack *stack;
  GtkListBox *seen_list;
  GtkLabel *data_question;
  GtkLabel *data_hint;
  GtkListBox *data_list;
  GtkListBox *impact_list;
  GtkLabel *level_badge;
  GtkLabel *level_title;
  GtkLabel *kind_title;
  AdwComboRow *level_row;
  AdwComboRow *type_row;
  AdwComboRow *event_row;
  AdwEntryRow *title_row;
  AdwEntryRow *author_row;
  GtkSwitch *drill_switch;
  GtkWidget *start_button;

  /* owned */
  SonaeStore *store;
  SonaeManual *manual;            /* for the levels' titles; may be NULL */
  SonaeTriageProposal *proposal;  /* NULL until the questions are answered */
  char *prefilled_title;          /* what the title row was given, to tell an edit */

  /* state */
  SonaeOrgKind kind;
  SonaeTriageAnswers answers;
  Page page;
};

G_DEFINE_FINAL_TYPE (SonaeTriageDialog, sonae_triage_dialog, ADW_TYPE_WINDOW)

/* --- the choices ---------------------------------------------------------- */

static const struct {
  SonaeTriageSeen seen;
  const char *icon_name;
  const char *title;        /* the incident's title until someone types one */
} seen_choices[] = {
  { SONAE_SEEN_RANSOM, "security-low-symbolic", N_("Files locked and a ransom demanded") },
  { SONAE_SEEN_LOGIN, "dialog-password-symbolic", N_("Cannot log in") },
  { SONAE_SEEN_SUSPICIOUS_MAIL, "mail-unread-symbolic", N_("Suspicious e-mail or attachment opened") },
  { SONAE_SEEN_MISSENT_OR_LOST, "mail-send-symbolic", N_("Data sent to the wrong person, or lost") },
  { SONAE_SEEN_SYSTEM_DOWN, "computer-fail-symbolic", N_("System down or very slow") },
  { SONAE_SEEN_DATA_CHANGED, "document-edit-symbolic", N_("Website or data changed") },
  { SONAE_SEEN_OTHER, "dialog-question-symbolic", N_("Something is wrong") },
};

static const SonaeTriageAnswer data_choices[] = {
  SONAE_ANSWER_YES, SONAE_ANSWER_NO, SONAE_ANSWER_UNKNOWN,
};

/* From the smallest circle to the widest; "not known yet" last. */
static const SonaeTriageImpact impact_choices[] = {
  SONAE_IMPACT_NONE, SONAE_IMPACT_STAFF, SONAE_IMPACT_BUSINESS, SONAE_IMPACT_OUTSIDE,
  SONAE_IMPACT_UNKNOWN,
};

static gboolean
is_medical (SonaeOrgKind kind)
{
  return sonae_org_kind_is_medical (kind);
}

static const char *
default_title (SonaeTriageSeen seen)
{
  for (guint i = 0; i < G_N_ELEMENTS (seen_choices); i++)
    if (seen_choices[i].seen == seen)
      return _(seen_choices[i].title);
  return _("Something is wrong");
}

static GtkWidget *
new_choice_row (const char *name,
                const char *title,
                const char *icon_name,
                int         value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mark = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_add_css_class (icon, "triage-choice-icon");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  g_object_set_data (G_OBJECT (row), "sonae-mark", mark);
  g_object_set_data (G_OBJECT (row), "sonae-value", GINT_TO_POINTER (value));
  return row;
}

/* Show which row of @list was chosen, for when the person comes back. */
static void
mark_chosen (GtkListBox    *list,
             GtkListBoxRow *chosen)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkImage *mark = g_object_get_data (G_OBJECT (row), "sonae-mark");

      if (mark == NULL)
        continue;
      if (row == GTK_WIDGET (chosen))
        {
          gtk_image_set_from_icon_name (mark, "object-select-symbolic");
          gtk_widget_add_css_class (row, "chosen");
        }
      else
        {
          gtk_image_set_from_icon_name (mark, "go-next-symbolic");
          gtk_widget_remove_css_class (row, "chosen");
        }
    }
}

static void
build_choices (SonaeTriageDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (seen_choices); i++)
    {
      g_autofree char *name = g_strconcat ("seen-", sonae_triage_seen_to_string (seen_choices[i].seen), NULL);

      gtk_list_box_append (self->seen_list,
                           new_choice_row (name, sonae_triage_seen_get_label (seen_choices[i].seen, self->kind),
                                           seen_choices[i].icon_name, seen_choices[i].seen));
    }

  if (is_medical (self->kind))
    {
      gtk_label_set_text (self->data_question, _("Is patient or other personal data involved?"));
      gtk_label_set_text (self->data_hint, _("Medical records, names and addresses, insurance details, test results or images, on a computer or on paper."));
    }
  else
    {
      gtk_label_set_text (self->data_question, _("Is personal data involved?"));
      gtk_label_set_text (self->data_hint, _("Names and addresses of customers or staff, customer lists, contracts, on a computer or on paper."));
    }
  for (guint i = 0; i < G_N_ELEMENTS (data_choices); i++)
    {
      g_autofree char *name = g_strconcat ("data-", sonae_triage_answer_to_string (data_choices[i]), NULL);

      gtk_list_box_append (self->data_list,
                           new_choice_row (name, sonae_triage_answer_get_label (data_choices[i]),
                                           NULL, data_choices[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (impact_choices); i++)
    {
      g_autofree char *name = g_strconcat ("impact-", sonae_triage_impact_to_string (impact_choices[i]), NULL);

      gtk_list_box_append (self->impact_list,
                           new_choice_row (name, sonae_triage_impact_get_label (impact_choices[i], self->kind),
                                           NULL, impact_choices[i]));
    }
}

/* --- the proposal's choices ----------------------------------------------- */

static char *
level_long_title (SonaeTriageDialog *self,
                  int                level)
{
  const SonaeManualLevel *info = self->manual ? sonae_manual_get_level (self->manual, level) : NULL;

  if (info != NULL && info->title != NULL)
    return g_strdup (sonae_manual_text_get (info->title, self->kind));
  return sonae_incident_level_get_title (level);
}

/* Pixels: the widest a chosen value may be beside its row's title. */
#define CHOSEN_VALUE_MAX_WIDTH 170

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (in_list)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check);
      gtk_list_item_set_child (item, box);
      return;
    }

  /* The chosen value, beside the row's title. */
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "triage-chosen-value");
  gtk_list_item_set_child (item, label);
}

static void
item_selected_cb (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (gtk_widget_get_last_child (box), gtk_list_item_get_selected (item) ? 1 : 0);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  in_list)
{
  GtkStringObject *object = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (object);
  const char *short_text = g_object_get_data (G_OBJECT (object), "sonae-short");
  GtkWidget *child = gtk_list_item_get_child (item);

  if (in_list)
    {
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)), text);
      sonae_label_keep_phrases (GTK_LABEL (gtk_widget_get_first_child (child)));
      sonae_accessible_name_list_item (item, gtk_widget_get_first_child (child), NULL);
      /* In the list, a check marks the one chosen. */
      g_signal_connect (item, "notify::selected", G_CALLBACK (item_selected_cb), NULL);
      item_selected_cb (item);
    }
  else
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoFontDescription *bold = pango_font_description_new ();
      int width;

      text = short_text != NULL ? short_text : text;
      gtk_label_set_text (GTK_LABEL (child), text);
      sonae_label_keep_phrases (GTK_LABEL (child));
      sonae_accessible_name_list_item (item, child, NULL);
      /* As wide as the text up to a limit, so that a wrapped value is
       * measured at the width it is given and never cut off. */
      layout = gtk_widget_create_pango_layout (child, text);
      pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, bold);
      pango_font_description_free (bold);
      pango_layout_get_pixel_size (layout, &width, NULL);
      gtk_widget_set_size_request (child, MIN (width + 4, CHOSEN_VALUE_MAX_WIDTH), -1);
    }
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  in_list)
{
  if (in_list)
    g_signal_handlers_disconnect_by_func (item, item_selected_cb, NULL);
}

static void
set_factories (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_label_cb), GINT_TO_POINTER (TRUE));
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_list_factory (row, list_factory);
}

/* “Availability: systems or services cannot be used” → “Systems or services cannot be used”: the
 * part after the category, for beside the row's title; the whole title is
 * in the list and in the summary above. */
static char *
short_title (const char *title)
{
  const char *rest = strstr (title, ": ");

  if (rest != NULL)
    rest += 2;
  else if ((rest = strstr (title, "：")) != NULL)
    rest += strlen ("：");
  if (rest == NULL || *rest == '\0')
    return g_strdup (title);

  {
    gunichar c = g_unichar_totitle (g_utf8_get_char (rest));
    char buf[8] = { 0 };

    g_unichar_to_utf8 (c, buf);
    return g_strconcat (buf, g_utf8_next_char (rest), NULL);
  }
}

static void
build_proposal_rows (SonaeTriageDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) events = gtk_string_list_new (NULL);

  for (int level = 0; level < SONAE_MANUAL_N_LEVELS; level++)
    {
      g_autofree char *title = level_long_title (self, level);
      GObject *item;

      gtk_string_list_append (levels, title);
      item = g_list_model_get_item (G_LIST_MODEL (levels), level);
      g_object_set_data_full (item, "sonae-short", sonae_incident_level_get_title (level), g_free);
      g_object_unref (item);
    }
  for (int type = 0; type < SONAE_N_INCIDENT_KINDS; type++)
    gtk_string_list_append (kinds, sonae_incident_kind_get_title ((SonaeIncidentType) type));
  for (int event = 0; event < SONAE_N_EVENT_TYPES; event++)
    {
      GObject *item;

      gtk_string_list_append (events, sonae_event_type_get_title ((SonaeEventType) event));
      item = g_list_model_get_item (G_LIST_MODEL (events), event);
      g_object_set_data_full (item, "sonae-short",
                              short_title (sonae_event_type_get_title ((SonaeEventType) event)), g_free);
      g_object_unref (item);
    }

  set_factories (self->level_row);
  set_factories (self->type_row);
  set_factories (self->event_row);
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (events));
}

/* The reason under a choice: why Sonae proposes it, or that the person
 * chose otherwise. */
static void
set_reason (AdwComboRow *row,
            guint        proposed,
            const char  *reason)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == proposed || proposed == GTK_INVALID_LIST_POSITION)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason ? reason : "");
      sonae_row_keep_phrases (GTK_WIDGET (row));
      gtk_widget_remove_css_class (GTK_WIDGET (row), "changed");
    }
  else
    {
      GListModel *model = adw_combo_row_get_model (row);
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, proposed);
      g_autofree char *text =
        /* Translators: %s is what Sonae proposed, e.g. “Level 3: people outside are affected” */
        g_strdup_printf (_("Changed by you. Sonae proposed: %s"),
                         item ? gtk_string_object_get_string (item) : "");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      sonae_row_keep_phrases (GTK_WIDGET (row));
      gtk_widget_add_css_class (GTK_WIDGET (row), "changed");
    }
}

static void
update_summary (SonaeTriageDialog *self)
{
  guint level = adw_combo_row_get_selected (self->level_row);
  guint type = adw_combo_row_get_selected (self->type_row);
  guint event = adw_combo_row_get_selected (self->event_row);
  g_autofree char *badge = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kind = NULL;

  if (level >= SONAE_MANUAL_N_LEVELS || type >= SONAE_N_INCIDENT_KINDS || event >= SONAE_N_EVENT_TYPES)
    return;

  badge = g_strdup_printf ("%u", level);
  gtk_label_set_text (self->level_badge, badge);
  for (guint i = 0; i < SONAE_MANUAL_N_LEVELS; i++)
    {
      g_autofree char *css = g_strdup_printf ("level-%u", i);

      if (i == level)
        gtk_widget_add_css_class (GTK_WIDGET (self->level_badge), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->level_badge), css);
    }
  title = level_long_title (self, (int) level);
  gtk_label_set_text (self->level_title, title);
  sonae_label_keep_phrases (self->level_title);
  /* Translators: the incident type, then the event type */
  kind = g_strdup_printf (_("%s · %s"),
                          sonae_incident_kind_get_title ((SonaeIncidentType) type),
                          sonae_event_type_get_title ((SonaeEventType) event));
  gtk_label_set_text (self->kind_title, kind);
  sonae_label_keep_phrases (self->kind_title);

  if (self->proposal != NULL)
    {
      set_reason (self->level_row, self->proposal->level, self->proposal->level_reason);
      set_reason (self->type_row, self->proposal->type, self->proposal->type_reason);
      set_reason (self->event_row, self->proposal->event, self->proposal->event_reason);
    }
}

static void
choice_changed_cb (SonaeTriageDialog *self)
{
  update_summary (self);
}

static void
propose (SonaeTriageDialog *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  g_clear_pointer (&self->proposal, sonae_triage_proposal_free);
  self->proposal = sonae_triage_propose (&self->answers, self->kind);

  adw_combo_row_set_selected (self->level_row, self->proposal->level);
  adw_combo_row_set_selected (self->type_row, self->proposal->type);
  adw_combo_row_set_selected (self->event_row, self->proposal->event);
  update_summary (self);

  /* Suggest a title from the answer, unless the person typed one. */
  if (*title == '\0' || g_strcmp0 (title, self->prefilled_title) == 0)
    {
      g_free (self->prefilled_title);
      self->prefilled_title = g_strdup (default_title (self->answers.seen));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->prefilled_title);
    }
}

/* --- pages ------------------------------------------------------------------ */

static void
show_page (SonaeTriageDialog *self,
           Page               page)
{
  g_autofree char *subtitle = NULL;

  self->page = page;
  if (page == PAGE_PROPOSAL)
    propose (self);
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  gtk_widget_set_visible (self->back_button, page != PAGE_SEEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.back", page != PAGE_SEEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.start", page == PAGE_PROPOSAL);

  if (page == PAGE_PROPOSAL)
    subtitle = g_strdup (_("Check and start"));
  else
    /* Translators: the number of the question shown, of three */
    subtitle = g_strdup_printf (_("Question %d of %d"), (int) page + 1, 3);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (page == PAGE_PROPOSAL)
    gtk_widget_grab_focus (self->start_button);
}

static void
seen_activated_cb (SonaeTriageDialog *self,
                   GtkListBoxRow     *row)
{
  self->answers.seen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sonae-value"));
  mark_chosen (self->seen_list, row);
  show_page (self, PAGE_DATA);
}

static void
data_activated_cb (SonaeTriageDialog *self,
                   GtkListBoxRow     *row)
{
  self->answers.personal_data = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sonae-value"));
  mark_chosen (self->data_list, row);
  show_page (self, PAGE_IMPACT);
}

static void
impact_activated_cb (SonaeTriageDialog *self,
                     GtkListBoxRow     *row)
{
  self->answers.impact = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sonae-value"));
  mark_chosen (self->impact_list, row);
  show_page (self, PAGE_PROPOSAL);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  SonaeTriageDialog *self = SONAE_TRIAGE_DIALOG (widget);

  if (self->page > PAGE_SEEN)
    show_page (self, self->page - 1);
}

static void
start_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  SonaeTriageDialog *self = SONAE_TRIAGE_DIALOG (widget);
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *title = NULL;
  GtkWindow *parent;

  if (self->page != PAGE_PROPOSAL || self->proposal == NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  incident = sonae_incident_new ();
  incident->title = *title != '\0' ? g_steal_pointer (&title) : g_strdup (default_title (self->answers.seen));
  incident->drill = gtk_switch_get_active (self->drill_switch);
  incident->level = (int) adw_combo_row_get_selected (self->level_row);
  incident->type = (SonaeIncidentType) adw_combo_row_get_selected (self->type_row);
  incident->event = (SonaeEventType) adw_combo_row_get_selected (self->event_row);
  incident->answers = self->answers;

  /* One incident, however often the button is pressed. */
  gtk_widget_action_set_enabled (widget, "triage.start", FALSE);
  author = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_row))));
  if (*author == '\0')
    g_clear_pointer (&author, g_free);
  if (author == NULL)
    author = sonae_get_author ();
  else
    sonae_set_author (author);
  if (!sonae_incidents_create (self->store, incident, self->proposal, author, &error))
    {
      sonae_show_error (widget, _("Could not start the incident"), error);
      gtk_widget_action_set_enabled (widget, "triage.start", TRUE);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-incident", "x", incident->id);
  gtk_window_close (GTK_WINDOW (self));
}

/* --- object ----------------------------------------------------------------- */

static void
sonae_triage_dialog_dispose (GObject *object)
{
  SonaeTriageDialog *self = SONAE_TRIAGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_TRIAGE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->manual, sonae_manual_unref);

  G_OBJECT_CLASS (sonae_triage_dialog_parent_class)->dispose (object);
}

static void
sonae_triage_dialog_finalize (GObject *object)
{
  SonaeTriageDialog *self = SONAE_TRIAGE_DIALOG (object);

  g_clear_pointer (&self->proposal, sonae_triage_proposal_free);
  g_free (self->prefilled_title);

  G_OBJECT_CLASS (sonae_triage_dialog_parent_class)->finalize (object);
}

static void
sonae_triage_dialog_class_init (SonaeTriageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_triage_dialog_dispose;
  object_class->finalize = sonae_triage_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-triage-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, seen_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, data_question);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, data_hint);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, data_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, impact_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, level_badge);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, level_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, kind_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, drill_switch);
  gtk_widget_class_bind_template_child (widget_class, SonaeTriageDialog, start_button);
  gtk_widget_class_bind_template_callback (widget_class, seen_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, data_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, impact_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);

  gtk_widget_class_install_action (widget_class, "triage.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "triage.start", NULL, start_cb);

  /* Escape leaves without recording anything. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "triage.back", NULL);
}

static void
sonae_triage_dialog_init (SonaeTriageDialog *self)
{
  sonae_incident_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_help_bind_f1 (GTK_WINDOW (self), "triage");
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *author = g_settings_get_string (settings, "responder-name");

    /* On a shared reception PC the account's name says little ("root",
     * "reception"): only a name someone typed here before is offered; the
     * person says who they are once, and every entry carries it. */
    gtk_editable_set_text (GTK_EDITABLE (self->author_row), author);
  }
  self->answers.seen = SONAE_SEEN_OTHER;
  self->answers.personal_data = SONAE_ANSWER_UNKNOWN;
  self->answers.impact = SONAE_IMPACT_UNKNOWN;
}

SonaeTriageDialog *
sonae_triage_dialog_new (GtkWindow  *parent,
                         SonaeStore *store)
{
  SonaeTriageDialog *self;
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_TRIAGE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  profile = sonae_store_get_profile (store);
  self->kind = profile != NULL ? profile->kind : SONAE_ORG_CLINIC;
  self->manual = sonae_manual_load (&error);
  if (self->manual == NULL)
    g_message ("Could not read the manual: %s", error->message);

  build_choices (self);
  build_proposal_rows (self);
  /* The first screen in a crisis: its Japanese wraps between phrases
   * (「または｜とても遅い」, not 「ま｜たは」). */
  sonae_row_keep_phrases (GTK_WIDGET (self));
  show_page (self, PAGE_SEEN);
  return self;
}
