/* sonae-timeline-view.c: an incident's timeline.
 *
 * A GtkListBox of the entries in the order they were entered (an incident
 * has tens of entries, not thousands), rebuilt when the incident changes,
 * and a bar to add a note, now or from paper. Entries are never edited:
 * "Correct…" adds a correction and the old entry is shown struck through. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-timeline-view.h"
#include "sonae-accessible.h"
#include "sonae-back-entry-dialog.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-timeline.h"

struct _SonaeTimelineView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkScrolledWindow *scrolled;
  GtkListBox *list_box;
  GtkEntry *note_entry;

  /* owned */
  SonaeStore *store;
  SonaeChecklist *checklist;     /* may be NULL */
  GPtrArray *entries;            /* of SonaeTimelineEntry */
  gint64 incident_id;
  gboolean scroll_pending;       /* show the newest entry once laid out */
  guint scroll_source;
};

G_DEFINE_FINAL_TYPE (SonaeTimelineView, sonae_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sonae_timeline_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SonaeTimelineView *self = SONAE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_timeline_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SonaeTimelineView *self = SONAE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* Set once, by the incident view that holds this one. */
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static const char *
kind_icon (SonaeEntryKind kind)
{
  switch (kind)
    {
    case SONAE_ENTRY_OPENED:     return "dialog-warning-symbolic";
    case SONAE_ENTRY_NOTE:       return "document-edit-symbolic";
    case SONAE_ENTRY_CHECK:      return "object-select-symbolic";
    case SONAE_ENTRY_UNCHECK:    return "edit-undo-symbolic";
    case SONAE_ENTRY_FIELD:      return "document-edit-symbolic";
    case SONAE_ENTRY_CALL:       return "call-start-symbolic";
    case SONAE_ENTRY_STATUS:     return "emblem-synchronizing-symbolic";
    case SONAE_ENTRY_LEVEL:      return "dialog-warning-symbolic";
    case SONAE_ENTRY_TYPE:       return "tag-symbolic";
    case SONAE_ENTRY_EVENT:      return "tag-symbolic";
    case SONAE_ENTRY_DETAIL:     return "document-properties-symbolic";
    case SONAE_ENTRY_CORRECTION: return "edit-redo-symbolic";
    case SONAE_ENTRY_REPORT:     return "mail-send-symbolic";
    case SONAE_ENTRY_ACTION:     return "emblem-ok-symbolic";
    case SONAE_ENTRY_NOT_APPLICABLE: return "action-unavailable-symbolic";
    case SONAE_ENTRY_APPLICABLE: return "edit-undo-symbolic";
    case SONAE_N_ENTRY_KINDS:
    default:                     return "text-x-generic-symbolic";
    }
}

static const SonaeTimelineEntry *
find_entry (SonaeTimelineView *self,
            gint64             entry_id)
{
  for (guint i = 0; self->entries && i < self->entries->len; i++)
    {
      const SonaeTimelineEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->id == entry_id)
        return entry;
    }
  return NULL;
}

/* The line under an entry: who, and for entries from paper both times. */
static char *
format_meta (const SonaeTimelineEntry *entry)
{
  if (entry->back_entered)
    {
      g_autofree char *at = sonae_datetime_format (entry->at);
      g_autofree char *recorded = sonae_datetime_format (entry->recorded_at);

      /* Translators: %1$s is a person, %2$s the time written on paper,
       * %3$s the time it was typed into Sonae */
      return g_strdup_printf (_("%1$s · entered afterwards from paper: %2$s (entered %3$s)"),
                              entry->author, at, recorded);
    }
  return g_strdup (entry->author);
}

static GtkWidget *
new_entry_row (SonaeTimelineView        *self,
               const SonaeTimelineEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (entry->kind));
  g_autofree char *time = NULL;
  g_autofree char *description = sonae_timeline_entry_describe (entry, self->checklist);
  g_autofree char *escaped = g_markup_escape_text (description, -1);
  g_autofree char *markup = NULL;
  g_autofree char *meta = format_meta (entry);
  g_autofree char *name = g_strdup_printf ("entry-%u", entry->seq);
  GtkWidget *time_label;
  GtkWidget *description_label;
  GtkWidget *extra_label = NULL;      /* a comment, or what a correction corrects */
  GtkWidget *label;

  gtk_widget_set_name (row, name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "timeline-entry");
  if (entry->corrected)
    gtk_widget_add_css_class (row, "corrected");
  if (entry->back_entered)
    gtk_widget_add_css_class (row, "back-entered");
  g_object_set_data (G_OBJECT (row), "sonae-entry-id", GINT_TO_POINTER ((int) entry->id));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  /* The time column: hour and minute; the date is in the tooltip. */
  time = sonae_datetime_format (entry->at);
  time_label = gtk_label_new (time && strlen (time) >= 16 ? time + 11 : time);
  gtk_widget_set_tooltip_text (time_label, time);
  gtk_widget_set_name (time_label, "time");
  gtk_widget_set_valign (time_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "timeline-time");
  gtk_box_append (GTK_BOX (box), time_label);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "timeline-icon");
  gtk_box_append (GTK_BOX (box), icon);

  markup = entry->corrected ? g_strdup_printf ("<s>%s</s>", escaped) : g_strdup (escaped);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_set_name (label, "description");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (entry->corrected)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (text_box), label);
  description_label = label;

  /* What the entry says beyond the description: a note's text is in the
   * description; a comment on a change is not. */
  if (entry->text != NULL && *entry->text != '\0' &&
      entry->kind != SONAE_ENTRY_NOTE && entry->kind != SONAE_ENTRY_CORRECTION &&
      entry->kind != SONAE_ENTRY_CALL && entry->kind != SONAE_ENTRY_OPENED &&
      strstr (description, entry->text) == NULL)
    {
      GtkWidget *comment = gtk_label_new (entry->text);

      gtk_label_set_wrap (GTK_LABEL (comment), TRUE);
      gtk_label_set_xalign (GTK_LABEL (comment), 0);
      gtk_widget_add_css_class (comment, "timeline-comment");
      gtk_box_append (GTK_BOX (text_box), comment);
      extra_label = comment;
    }

  if (entry->kind == SONAE_ENTRY_CORRECTION)
    {
      const SonaeTimelineEntry *old = find_entry (self, entry->corrects);
      g_autofree char *corrects = NULL;

      if (old != NULL)
        {
          g_autofree char *old_text = sonae_timeline_entry_describe (old, self->checklist);
          /* Translators: under a correction, what the corrected entry
           * said before: %u is its number, %s its text */
          corrects = g_strdup_printf (_("Entry %u said before: %s"), old->seq, old_text);
        }
      else
        corrects = g_strdup (_("Corrects an earlier entry"));
      label = gtk_label_new (corrects);
      gtk_widget_set_name (label, "corrects");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "accent");
      gtk_box_append (GTK_BOX (text_box), label);
      extra_label = label;
    }

  label = gtk_label_new (meta);
  gtk_widget_set_name (label, "meta");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, entry->back_entered ? "warning" : "dim-label");
  gtk_box_append (GTK_BOX (text_box), label);

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);

  if (entry->kind != SONAE_ENTRY_CORRECTION && !entry->corrected)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_set_name (button, "correct");
      gtk_widget_set_tooltip_text (button, _("Correct…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Correct…"), -1);
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "timeline-correct");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "timeline.correct");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", entry->id);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* "10:42 Checked: 2-3 …", then the rest: a comment, what was corrected,
   * who wrote it. */
  sonae_accessible_name_row (row, time_label, description_label, NULL);
  if (extra_label != NULL)
    sonae_accessible_describe_row (row, extra_label, label, NULL);
  else
    sonae_accessible_describe_row (row, label, NULL);
  return row;
}

/* Newest at the bottom, and in view: once the rows are laid out (the
 * adjustment changes) and the view is on screen. */
static gboolean
scroll_to_end_cb (gpointer data)
{
  SonaeTimelineView *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  self->scroll_source = 0;
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  return G_SOURCE_REMOVE;
}

static void
adjustment_changed_cb (GtkAdjustment     *adj,
                       SonaeTimelineView *self)
{
  if (!self->scroll_pending || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      gtk_adjustment_get_page_size (adj) <= 0)
    return;
  /* Not while the scrolled window is being laid out. */
  self->scroll_pending = FALSE;
  if (self->scroll_source == 0)
    self->scroll_source = g_timeout_add (30, scroll_to_end_cb, self);
}

static void
sonae_timeline_view_map (GtkWidget *widget)
{
  SonaeTimelineView *self = SONAE_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (sonae_timeline_view_parent_class)->map (widget);
  adjustment_changed_cb (gtk_scrolled_window_get_vadjustment (self->scrolled), self);
}

void
sonae_timeline_view_reload (SonaeTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (SONAE_IS_TIMELINE_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (self->incident_id == 0)
    return;

  self->entries = sonae_incidents_list_timeline (self->store, self->incident_id, &error);
  if (self->entries == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_list_box_append (self->list_box, label);
      /* The row the list wraps around it. */
      sonae_accessible_name_row (gtk_widget_get_parent (label), label, NULL);
      return;
    }
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list_box, new_entry_row (self, g_ptr_array_index (self->entries, i)));

  self->scroll_pending = TRUE;
}

void
sonae_timeline_view_set_incident (SonaeTimelineView *self,
                                  gint64             incident_id,
                                  SonaeChecklist    *checklist)
{
  g_return_if_fail (SONAE_IS_TIMELINE_VIEW (self));

  if (checklist != NULL)
    sonae_checklist_ref (checklist);
  g_clear_pointer (&self->checklist, sonae_checklist_unref);
  self->checklist = checklist;
  if (self->incident_id != incident_id)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  self->incident_id = incident_id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-from-paper", incident_id != 0);
  sonae_timeline_view_reload (self);
}

/* --- adding ------------------------------------------------------------- */

static void
note_changed_cb (SonaeTimelineView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-note",
                                 self->incident_id != 0 && *stripped != '\0');
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SonaeTimelineView *self = SONAE_TIMELINE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  if (self->incident_id == 0 || *text == '\0')
    return;
  if (!sonae_incidents_add_note (self->store, self->incident_id, text, author, NULL, &error))
    {
      sonae_show_error (widget, _("Could not add the note"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  sonae_timeline_view_reload (self);
}

static void
note_activate_cb (SonaeTimelineView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.add-note", NULL);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_from_paper_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SonaeTimelineView *self = SONAE_TIMELINE_VIEW (widget);
  SonaeBackEntryDialog *dialog;

  if (self->incident_id == 0)
    return;
  dialog = sonae_back_entry_dialog_new (parent_window (widget), self->store, self->incident_id, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- corrections ------------------------------------------------------- */

static void
correction_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "correct", *text != '\0');
}

static void
correction_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        SonaeTimelineView *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 entry_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sonae-entry-id"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *author = sonae_get_author ();
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "correct") != 0 || *text == '\0' || self->incident_id == 0)
    return;
  if (!sonae_incidents_correct_entry (self->store, self->incident_id, entry_id, text, author, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not add the correction"), error);
      return;
    }
  sonae_timeline_view_reload (self);
}

GtkWindow *
sonae_timeline_view_correct (SonaeTimelineView *self,
                             gint64             entry_id)
{
  const SonaeTimelineEntry *entry;
  g_autofree char *description = NULL;
  GtkWidget *dialog;
  GtkWidget *text_entry;

  g_return_val_if_fail (SONAE_IS_TIMELINE_VIEW (self), NULL);

  entry = find_entry (self, entry_id);
  if (entry == NULL)
    return NULL;
  description = sonae_timeline_entry_describe (entry, self->checklist);

  dialog = adw_message_dialog_new (parent_window (GTK_WIDGET (self)),
                                   _("Correct This Entry"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is what the entry says */
                                  _("“%s” stays in the timeline, struck through. Write what is right:"),
                                  description);
  text_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (text_entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), text_entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "correct", _("_Add Correction"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "correct",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "correct", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sonae-entry-id", GINT_TO_POINTER ((int) entry_id));
  g_signal_connect (text_entry, "changed", G_CALLBACK (correction_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (correction_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text_entry);
  return GTK_WINDOW (dialog);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sonae_timeline_view_correct (SONAE_TIMELINE_VIEW (widget), g_variant_get_int64 (parameter));
}

/* --- GObject ------------------------------------------------------------ */

static void
sonae_timeline_view_dispose (GObject *object)
{
  SonaeTimelineView *self = SONAE_TIMELINE_VIEW (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_TIMELINE_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->checklist, sonae_checklist_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_timeline_view_parent_class)->dispose (object);
}

static void
sonae_timeline_view_class_init (SonaeTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_timeline_view_dispose;
  widget_class->map = sonae_timeline_view_map;
  object_class->get_property = sonae_timeline_view_get_property;
  object_class->set_property = sonae_timeline_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SONAE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeTimelineView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SonaeTimelineView, list_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeTimelineView, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "timeline.add-from-paper", NULL, add_from_paper_action);
  gtk_widget_class_install_action (widget_class, "timeline.correct", "x", correct_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelineview");
}

static void
sonae_timeline_view_init (SonaeTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-note", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-from-paper", FALSE);
}

GtkWidget *
sonae_timeline_view_new (SonaeStore *store)
{
  SonaeTimelineView *self;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_TIMELINE_VIEW, "store", store, NULL);
  return GTK_WIDGET (self);
}
