/* sonae-bcp-page.c: the BCP section of the window.
 *
 * A narrow list of the seven worksheets in IT-BCP order, each with a short
 * status, and the chosen worksheet beside it (they fold into one column on
 * a narrow window, as Incidents does). This file draws the first three:
 * 1 policy and team (two texts saved about a second after the last key,
 * and who decides), 2 crisis events (edited in place, deleted with Undo),
 * 3 systems (in recovery order; each opens SonaeBcpSystemDialog). The
 * other four are the widgets of sonae-bcp-views.h. Everything follows the
 * store's "changed::bcp" signal, without disturbing what is being typed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-bcp-page.h"
#include "sonae-autosave.h"
#include "sonae-bcp-system-dialog.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-print-operation.h"
#include "sonae-roles-dialog.h"

typedef struct {
  const char *name;
  const char *step;        /* "1"–"5", or NULL */
  const char *title;       /* untranslated */
  const char *icon_name;   /* for those without a step */
} Worksheet;

static const Worksheet worksheets[] = {
  { "policy", "1", N_("Policy and Team"), NULL },
  { "events", "2", N_("Crisis Events"), NULL },
  { "systems", "3", N_("Systems and Priorities"), NULL },
  { "plans", "4", N_("Plans"), NULL },
  { "drills", "5", N_("Drills and Review"), NULL },
  { "risks", NULL, N_("Risk Register"), "security-medium-symbolic" },
  { "check", NULL, N_("Readiness Self-Check"), "emblem-ok-symbolic" },
};

#define N_WORKSHEETS G_N_ELEMENTS (worksheets)

typedef struct _TextField TextField;
typedef struct _EventRow EventRow;

struct _SonaeBcpPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkWidget *content_pane;
  GtkListBox *worksheet_list;
  AdwWindowTitle *content_title;
  GtkWidget *add_button;
  GtkStack *stack;
  AdwPreferencesGroup *policy_group;
  AdwPreferencesGroup *alignment_group;
  AdwPreferencesGroup *deciders_group;
  GtkStack *events_stack;
  AdwPreferencesGroup *events_group;
  GtkStack *systems_stack;
  AdwPreferencesGroup *systems_group;

  /* borrowed */
  GtkLabel *status_labels[N_WORKSHEETS];
  AdwComboRow *decider_rows[SONAE_BCP_N_DECISIONS];
  GtkWidget *plans_view;
  GtkWidget *drills_view;
  GtkWidget *risks_view;
  GtkWidget *check_view;
  GPtrArray *system_rows;        /* of GtkWidget, children of systems_group */

  /* owned */
  SonaeStore *store;  /* the section's, once built */
  TextField *texts[2];           /* policy, alignment */
  GPtrArray *events;             /* of EventRow, as shown */
  guint reload_source;
  const char *worksheet;         /* one of worksheets[].name */
  gboolean sidebar_folded;
  gboolean updating;             /* filling widgets: not a user's edit */
  gboolean saving;               /* our own save: the signal is ours */
};

G_DEFINE_FINAL_TYPE (SonaeBcpPage, sonae_bcp_page, SONAE_TYPE_SECTION)

enum {
  PROP_0,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Worksheet *
find_worksheet (const char *name,
                guint      *out_index)
{
  for (guint i = 0; i < N_WORKSHEETS; i++)
    if (g_strcmp0 (worksheets[i].name, name) == 0)
      {
        if (out_index != NULL)
          *out_index = i;
        return &worksheets[i];
      }
  return NULL;
}

static GtkWindow *
parent_window (SonaeBcpPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* --- 1. texts, saved as typed ---------------------------------------------- */

struct _TextField
{
  SonaeBcpPage *page;
  SonaeBcpText text;
  GtkTextBuffer *buffer;     /* borrowed from view */
  GtkWidget *view;           /* borrowed, in its group */
  SonaeAutosave autosave;
  gboolean dirty;
};

static void
text_field_free (TextField *f)
{
  if (f == NULL)
    return;
  sonae_autosave_cancel (&f->autosave);
  g_free (f);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
text_field_save (TextField *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = buffer_text (f->buffer);
  gboolean ok;

  sonae_autosave_cancel (&f->autosave);
  if (!f->dirty)
    return TRUE;
  f->page->saving = TRUE;
  ok = sonae_bcp_set_text (f->page->store, f->text, value, &error);
  f->page->saving = FALSE;
  if (!ok)
    {
      sonae_show_error (GTK_WIDGET (f->page), _("Could not save the text"), error);
      return FALSE;
    }
  f->dirty = FALSE;
  return TRUE;
}

static void
text_save_timeout_cb (gpointer data)
{
  text_field_save (data);
}

static void
text_changed_cb (GtkTextBuffer *buffer,
                 TextField     *f)
{
  if (f->page->updating)
    return;
  f->dirty = TRUE;
  sonae_autosave_schedule (&f->autosave);
}

static void
text_focus_leave_cb (GtkEventControllerFocus *controller,
                     TextField               *f)
{
  text_field_save (f);
}

static TextField *
text_field_new (SonaeBcpPage        *self,
                AdwPreferencesGroup *group,
                SonaeBcpText         text,
                const char          *name)
{
  TextField *f = g_new0 (TextField, 1);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  sonae_autosave_init (&f->autosave, SONAE_AUTOSAVE_DELAY_MS, text_save_timeout_cb, f);
  f->page = self;
  f->text = text;
  adw_preferences_group_set_title (group, sonae_bcp_text_get_title (text));
  adw_preferences_group_set_description (group, sonae_bcp_text_get_hint (text));

  f->view = gtk_text_view_new ();
  gtk_widget_set_name (f->view, name);
  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (f->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (f->view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (f->view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (f->view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (f->view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (f->view), 12);
  gtk_widget_set_size_request (f->view, -1, 96);
  gtk_widget_add_css_class (f->view, "bcp-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sonae_bcp_text_get_title (text),
                                  -1);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (card), f->view);
  adw_preferences_group_add (group, card);

  g_signal_connect (f->buffer, "changed", G_CALLBACK (text_changed_cb), f);
  g_signal_connect (focus, "leave", G_CALLBACK (text_focus_leave_cb), f);
  gtk_widget_add_controller (f->view, focus);
  return f;
}

static void
text_field_load (TextField *f)
{
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  /* Never replace what someone is typing. */
  if (f->dirty)
    return;
  stored = sonae_bcp_get_text (f->page->store, f->text, NULL);
  shown = buffer_text (f->buffer);
  if (g_strcmp0 (stored ? stored : "", shown) == 0)
    return;
  f->page->updating = TRUE;
  gtk_text_buffer_set_text (f->buffer, stored ? stored : "", -1);
  f->page->updating = FALSE;
}

/* --- 1. who decides ---------------------------------------------------------- */

static char *
holders_line (SonaeBcpPage *self,
              const char   *role_key)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (self->store, role_key, NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  if (holders == NULL || holders->len == 0)
    return g_strdup (_("Nobody holds this role yet: choose someone with Roles…"));
  for (guint i = 0; i < holders->len; i++)
    {
      if (i > 0)
        g_string_append (line, _(", "));
      g_string_append (line, sonae_contact_get_display_name (g_ptr_array_index (holders, i)));
    }
  if (holders->len == 1)
    return g_string_free (g_steal_pointer (&line), FALSE);
  /* Translators: %s is the people holding a role, the first one first */
  return g_strdup_printf (_("%s (in the order to call)"), line->str);
}

static void
deciders_load (SonaeBcpPage *self)
{
  guint n_roles = 0;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);

  self->updating = TRUE;
  for (guint d = 0; d < SONAE_BCP_N_DECISIONS; d++)
    {
      g_autofree char *key = sonae_bcp_get_decider (self->store, d);
      g_autofree char *line = NULL;

      for (guint i = 0; i < n_roles; i++)
        if (g_strcmp0 (roles[i].key, key) == 0)
          adw_combo_row_set_selected (self->decider_rows[d], i);
      line = holders_line (self, key);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decider_rows[d]), line);
    }
  self->updating = FALSE;
}

static void
decider_changed_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    SonaeBcpPage *self)
{
  g_autoptr(GError) error = NULL;
  guint n_roles = 0;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  guint selected = adw_combo_row_get_selected (row);
  SonaeBcpDecision decision = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sonae-decision"));
  gboolean ok;

  if (self->updating || selected >= n_roles)
    return;
  self->saving = TRUE;
  ok = sonae_bcp_set_decider (self->store, decision, roles[selected].key, &error);
  self->saving = FALSE;
  if (!ok)
    sonae_show_error (GTK_WIDGET (self), _("Could not save who decides"), error);
  deciders_load (self);
}

static void
build_deciders (SonaeBcpPage *self)
{
  guint n_roles = 0;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  static const char *const names[] = { "declare-decider", "return-decider" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == SONAE_BCP_N_DECISIONS);

  for (guint d = 0; d < SONAE_BCP_N_DECISIONS; d++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();

      for (guint i = 0; i < n_roles; i++)
        gtk_string_list_append (model, sonae_role_get_name (roles[i].key));
      gtk_widget_set_name (row, names[d]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_bcp_decision_get_title (d));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (row), "sonae-decision", GUINT_TO_POINTER (d));
      g_signal_connect (row, "notify::selected", G_CALLBACK (decider_changed_cb), self);
      adw_preferences_group_add (self->deciders_group, row);
      self->decider_rows[d] = ADW_COMBO_ROW (row);
    }
}

/* --- 2. crisis events ----------------------------------------------------------- */

struct _EventRow
{
  SonaeBcpPage *page;
  SonaeBcpEvent *event;        /* owned: as stored */
  GtkWidget *row;              /* AdwExpanderRow, in events_group */
  AdwEntryRow *title_row;
  AdwEntryRow *stops_row;
  AdwEntryRow *damage_row;
  SonaeAutosave autosave;
  gboolean dirty;
};

static void
event_row_free (gpointer data)
{
  EventRow *e = data;

  sonae_autosave_cancel (&e->autosave);
  g_clear_pointer (&e->event, sonae_bcp_event_free);
  g_free (e);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
or_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
event_row_show_heading (EventRow *e)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->row), e->event->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (e->row),
                                 e->event->stops ? e->event->stops : "");
}

static gboolean
event_row_save (EventRow *e)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpEvent) copy = sonae_bcp_event_new ();
  g_autofree char *title = entry_text (e->title_row);
  g_autofree char *stops = entry_text (e->stops_row);
  g_autofree char *damage = entry_text (e->damage_row);
  gboolean ok;

  sonae_autosave_cancel (&e->autosave);
  if (!e->dirty)
    return TRUE;

  copy->id = e->event->id;
  copy->position = e->event->position;
  copy->title = g_strdup (title);
  copy->stops = g_strdup (or_null (stops));
  copy->damage = g_strdup (or_null (damage));
  e->page->saving = TRUE;
  ok = sonae_bcp_save_event (e->page->store, copy, &error);
  e->page->saving = FALSE;
  if (!ok)
    {
      /* A blank title: keep what was typed, say what is missing. */
      gtk_widget_add_css_class (GTK_WIDGET (e->title_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (e->title_row), error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (e->title_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (e->title_row), NULL);
  sonae_bcp_event_free (e->event);
  e->event = g_steal_pointer (&copy);
  e->dirty = FALSE;
  event_row_show_heading (e);
  return TRUE;
}

static void
event_save_timeout_cb (gpointer data)
{
  event_row_save (data);
}

static void
event_changed_cb (GtkEditable *editable,
                  EventRow    *e)
{
  if (e->page->updating)
    return;
  e->dirty = TRUE;
  sonae_autosave_schedule (&e->autosave);
}

static void
events_flush (SonaeBcpPage *self)
{
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    event_row_save (g_ptr_array_index (self->events, i));
}

static AdwEntryRow *
event_entry (EventRow   *e,
             const char *title,
             const char *name,
             const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_signal_connect (row, "changed", G_CALLBACK (event_changed_cb), e);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (e->row), row);
  return ADW_ENTRY_ROW (row);
}

static EventRow *
event_row_new (SonaeBcpPage        *self,
               const SonaeBcpEvent *event)
{
  EventRow *e = g_new0 (EventRow, 1);
  g_autofree char *name = g_strdup_printf ("event-%" G_GINT64_FORMAT, event->id);
  GtkWidget *delete_row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_with_mnemonic (_("_Delete Event"));

  sonae_autosave_init (&e->autosave, SONAE_AUTOSAVE_DELAY_MS, event_save_timeout_cb, e);
  e->page = self;
  e->event = sonae_bcp_event_new ();
  e->event->id = event->id;
  e->event->position = event->position;
  e->event->title = g_strdup (event->title);
  e->event->stops = g_strdup (event->stops);
  e->event->damage = g_strdup (event->damage);

  e->row = adw_expander_row_new ();
  gtk_widget_set_name (e->row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (e->row), FALSE);
  event_row_show_heading (e);

  self->updating = TRUE;
  e->title_row = event_entry (e, _("Event"), "event-title", event->title);
  e->stops_row = event_entry (e, _("What it would stop"), "event-stops", event->stops);
  e->damage_row = event_entry (e, _("Assumed damage (how long, how many patients)"), "event-damage", event->damage);
  self->updating = FALSE;

  gtk_widget_set_name (delete_button, "delete-event-button");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "bcp.delete-event");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x", event->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (e->row), delete_row);
  return e;
}

static gboolean
events_same (GPtrArray *shown,
             GPtrArray *stored)
{
  if (shown == NULL || shown->len != stored->len)
    return FALSE;
  for (guint i = 0; i < stored->len; i++)
    {
      EventRow *e = g_ptr_array_index (shown, i);
      SonaeBcpEvent *s = g_ptr_array_index (stored, i);

      if (e->event->id != s->id || g_strcmp0 (e->event->title, s->title) != 0 ||
          g_strcmp0 (e->event->stops, s->stops) != 0 || g_strcmp0 (e->event->damage, s->damage) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
events_load (SonaeBcpPage *self,
             gint64        expand_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = sonae_bcp_list_events (self->store, &error);

  if (stored == NULL)
    {
      g_message ("Could not read the crisis events: %s", error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->events_stack, stored->len == 0 ? "empty" : "list");
  if (events_same (self->events, stored) && expand_id == 0)
    return;

  /* What is being typed is saved before the list is drawn again. */
  events_flush (self);
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    adw_preferences_group_remove (self->events_group, ((EventRow *) g_ptr_array_index (self->events, i))->row);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = g_ptr_array_new_with_free_func (event_row_free);
  for (guint i = 0; i < stored->len; i++)
    {
      SonaeBcpEvent *event = g_ptr_array_index (stored, i);
      EventRow *e = event_row_new (self, event);

      g_ptr_array_add (self->events, e);
      adw_preferences_group_add (self->events_group, e->row);
      if (event->id == expand_id)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (e->row), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (e->title_row));
        }
    }
}

typedef struct {
  SonaeBcpPage *page;
  SonaeBcpEvent *event;
} UndoEvent;

static void
undo_event_free (gpointer data)
{
  UndoEvent *undo = data;

  g_object_unref (undo->page);
  sonae_bcp_event_free (undo->event);
  g_free (undo);
}

static void
undo_event_closure_free (gpointer  data,
                         GClosure *closure)
{
  undo_event_free (data);
}

static void
undo_delete_event_cb (AdwToast  *toast,
                      UndoEvent *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->page->store == NULL)
    return;
  undo->event->id = 0;
  if (!sonae_bcp_save_event (undo->page->store, undo->event, &error))
    sonae_show_error (GTK_WIDGET (undo->page), _("Could not bring the event back"), error);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  UndoEvent *undo;
  g_autofree char *title = NULL;
  AdwToast *toast;

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      EventRow *e = g_ptr_array_index (self->events, i);

      if (e->event->id != id)
        continue;
      sonae_autosave_cancel (&e->autosave);
      undo = g_new0 (UndoEvent, 1);
      undo->page = g_object_ref (self);
      undo->event = sonae_bcp_event_new ();
      undo->event->title = entry_text (e->title_row);
      if (*undo->event->title == '\0')
        {
          g_free (undo->event->title);
          undo->event->title = g_strdup (e->event->title);
        }
      undo->event->stops = g_strdup (or_null (gtk_editable_get_text (GTK_EDITABLE (e->stops_row))));
      undo->event->damage = g_strdup (or_null (gtk_editable_get_text (GTK_EDITABLE (e->damage_row))));
      e->dirty = FALSE;

      if (!sonae_bcp_delete_event (self->store, id, &error))
        {
          undo_event_free (undo);
          sonae_show_error (GTK_WIDGET (self), _("Could not delete the event"), error);
          return;
        }
      /* Translators: %s is a crisis event, e.g. "Power cut" */
      title = g_strdup_printf (_("“%s” deleted"), undo->event->title);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_event_cb),
                             undo, undo_event_closure_free, 0);
      sonae_show_toast (GTK_WIDGET (self), toast);
      events_load (self, 0);
      return;
    }
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpEvent) event = sonae_bcp_event_new ();
  gboolean ok;

  events_flush (self);
  event->title = g_strdup (_("New event"));
  self->saving = TRUE;
  ok = sonae_bcp_save_event (self->store, event, &error);
  self->saving = FALSE;
  if (!ok)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not add the event"), error);
      return;
    }
  events_load (self, event->id);
  /* The placeholder title is there to be typed over. */
  for (guint i = 0; i < self->events->len; i++)
    {
      EventRow *e = g_ptr_array_index (self->events, i);

      if (e->event->id == event->id)
        gtk_editable_select_region (GTK_EDITABLE (e->title_row), 0, -1);
    }
}

static void
add_usual_events_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int n;

  events_flush (self);
  n = sonae_bcp_add_usual_events (self->store, &error);
  if (n < 0)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not add the usual events"), error);
      return;
    }
  events_load (self, 0);
  if (n == 0)
    message = g_strdup (_("The usual events are all in the list already"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d event added: change it to fit the clinic",
                                            "%d events added: change them to fit the clinic", n), n);
  sonae_show_message (GTK_WIDGET (self), message);
}

/* --- 3. systems -------------------------------------------------------------------- */

static char *
system_summary (const SonaeBcpSystem *system)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (system->recovery_order > 0)
    /* Translators: where a system comes in the order of recovery */
    g_string_append_printf (line, _("Recovery order %d"), system->recovery_order);
  else
    g_string_append (line, _("Recovery order not set"));
  if (system->rto_hours >= 0)
    {
      g_string_append (line, " · ");
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "Target %d hour", "Target %d hours",
                                                 system->rto_hours),
                              system->rto_hours);
    }
  if (system->vendor_name != NULL)
    {
      g_string_append (line, " · ");
      g_string_append (line, system->vendor_name);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static GtkWidget *
new_system_row (const SonaeBcpSystem *system)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *order = gtk_label_new (NULL);
  g_autofree char *name = g_strdup_printf ("system-%" G_GINT64_FORMAT, system->id);
  g_autofree char *summary = system_summary (system);
  g_autofree char *subtitle = NULL;
  g_autofree char *order_text = NULL;
  g_autofree char *due = NULL;

  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "sonae-system-id", GINT_TO_POINTER ((int) system->id));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), system->name);
  if (system->purpose != NULL && *system->purpose != '\0')
    subtitle = g_strdup_printf ("%s\n%s", system->purpose, summary);
  else
    subtitle = g_strdup (summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  order_text = system->recovery_order > 0 ? g_strdup_printf ("%d", system->recovery_order) : g_strdup ("–");
  gtk_label_set_text (GTK_LABEL (order), order_text);
  gtk_widget_set_valign (order, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (order, "bcp-order");
  gtk_widget_add_css_class (order, "numeric");
  if (system->recovery_order <= 0)
    gtk_widget_add_css_class (order, "unset");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), order);

  if (sonae_bcp_system_restore_test_overdue (system, &due))
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *tip = NULL;

      if (due != NULL)
        /* Translators: %s is a date (YYYY-MM-DD) */
        tip = g_strdup_printf (_("The restore test is overdue: it was due on %s"), due);
      else
        tip = g_strdup (_("No restore test recorded yet"));
      gtk_widget_set_name (warning, "restore-overdue");
      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_tooltip_text (warning, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "bcp.open-system");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", system->id);
  return row;
}

static void
systems_load (SonaeBcpPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = sonae_bcp_list_systems (self->store, &error);

  if (systems == NULL)
    {
      g_message ("Could not read the systems: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->system_rows->len; i++)
    adw_preferences_group_remove (self->systems_group, g_ptr_array_index (self->system_rows, i));
  g_ptr_array_set_size (self->system_rows, 0);
  for (guint i = 0; i < systems->len; i++)
    {
      GtkWidget *row = new_system_row (g_ptr_array_index (systems, i));

      adw_preferences_group_add (self->systems_group, row);
      g_ptr_array_add (self->system_rows, row);
    }
  gtk_stack_set_visible_child_name (self->systems_stack, systems->len == 0 ? "empty" : "list");
}

static void
print_outage_card_cb (AdwToast     *toast,
                      SonaeBcpPage *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "sonae-system-id"));

  if (self->store != NULL)
    sonae_print_system_document (GTK_WIDGET (self), self->store, "outage-card", id);
}

static void
system_saved_cb (SonaeBcpSystemDialog *dialog,
                 gint64                system_id,
                 gboolean              added,
                 SonaeBcpPage         *self)
{
  g_autoptr(SonaeBcpSystem) system = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  systems_load (self);
  if (!added)
    return;
  system = sonae_bcp_get_system (self->store, system_id, NULL);
  if (system == NULL)
    return;
  /* Translators: %s is a system, e.g. "Reception and billing" */
  title = g_strdup_printf (_("“%s” added"), system->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Print _Outage Card"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data (G_OBJECT (toast), "sonae-system-id", GINT_TO_POINTER ((int) system_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (print_outage_card_cb), self, 0);
  sonae_show_toast (GTK_WIDGET (self), toast);
}

static GtkWidget *
open_system_dialog (SonaeBcpPage *self,
                    gint64        system_id)
{
  GtkWidget *dialog = sonae_bcp_system_dialog_new (parent_window (self), self->store, system_id);

  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "saved", G_CALLBACK (system_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
open_system_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_system_dialog (SONAE_BCP_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
add_system_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_system_dialog (SONAE_BCP_PAGE (widget), 0);
}

/* --- the worksheet list ---------------------------------------------------------- */

static void
update_statuses (SonaeBcpPage *self)
{
  for (guint i = 0; i < N_WORKSHEETS; i++)
    {
      g_autofree char *status = sonae_bcp_get_worksheet_status (self->store, worksheets[i].name);

      gtk_label_set_text (self->status_labels[i], status ? status : "");
    }
}

static GtkWidget *
new_worksheet_row (SonaeBcpPage *self,
                   guint         index)
{
  const Worksheet *w = &worksheets[index];
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_(w->title));
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *prefix;

  gtk_widget_set_name (row, w->name);
  if (w->step != NULL)
    {
      prefix = gtk_label_new (w->step);
      gtk_widget_add_css_class (prefix, "bcp-step");
      gtk_widget_add_css_class (prefix, "numeric");
    }
  else
    {
      prefix = gtk_image_new_from_icon_name (w->icon_name);
      gtk_widget_add_css_class (prefix, "bcp-step-icon");
    }
  gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), prefix);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_widget_set_name (status, "worksheet-status");
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (texts), status);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  self->status_labels[index] = GTK_LABEL (status);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
select_worksheet_row (SonaeBcpPage *self,
                      const char   *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->worksheet_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      {
        gtk_list_box_select_row (self->worksheet_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
show (SonaeBcpPage    *self,
      const Worksheet *w)
{
  g_autofree char *title = NULL;
  const char *add_tip = NULL;

  self->worksheet = w->name;
  gtk_stack_set_visible_child_name (self->stack, w->name);
  if (w->step != NULL)
    /* Translators: a worksheet's step number, then its title: "3 Systems and Priorities" */
    title = g_strdup_printf (_("%s %s"), w->step, _(w->title));
  else
    title = g_strdup (_(w->title));
  adw_window_title_set_title (self->content_title, title);
  select_worksheet_row (self, w->name);

  if (g_str_equal (w->name, "events"))
    add_tip = _("Add Event");
  else if (g_str_equal (w->name, "systems"))
    add_tip = _("Add System");
  else if (g_str_equal (w->name, "drills"))
    add_tip = _("Record a Drill");
  gtk_widget_set_visible (self->add_button, add_tip != NULL);
  gtk_widget_set_tooltip_text (self->add_button, add_tip);
}

static void
worksheet_activated_cb (SonaeBcpPage  *self,
                        GtkListBoxRow *row)
{
  sonae_bcp_page_show_worksheet (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* --- reloading --------------------------------------------------------------------- */

static void
reload (SonaeBcpPage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;
  text_field_load (self->texts[0]);
  text_field_load (self->texts[1]);
  deciders_load (self);
  events_load (self, 0);
  systems_load (self);
  update_statuses (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeBcpPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
sonae_bcp_page_store_changed (SonaeSection *section,
                              const char   *detail)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (section);

  /* Names of vendors and role holders come from the roster. */
  if (g_strcmp0 (detail, SONAE_CHANGED_BCP) != 0 && g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) != 0 &&
      g_strcmp0 (detail, SONAE_CHANGED_ROLES) != 0 && g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* --- actions ------------------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  sonae_bcp_page_save_now (self);
  update_statuses (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  if (g_strcmp0 (self->worksheet, "events") == 0)
    add_event_action (widget, NULL, NULL);
  else if (g_strcmp0 (self->worksheet, "systems") == 0)
    add_system_action (widget, NULL, NULL);
  else if (g_strcmp0 (self->worksheet, "drills") == 0)
    sonae_bcp_drills_view_add_drill (SONAE_BCP_DRILLS_VIEW (self->drills_view));
}

static void
edit_roles_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);
  g_autofree char *key = sonae_bcp_get_decider (self->store, SONAE_BCP_DECIDE_DECLARE);
  GtkWidget *dialog = sonae_roles_dialog_new (parent_window (self), self->store);

  gtk_window_present (GTK_WINDOW (dialog));
  sonae_roles_dialog_show_role (SONAE_ROLES_DIALOG (dialog), key);
}

static void
print_worksheets_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  sonae_bcp_page_save_now (self);
  sonae_print_document (widget, self->store, "bcp");
}

static void
print_outage_cards_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  sonae_bcp_page_save_now (self);
  sonae_print_system_document (widget, self->store, "outage-card", 0);
}

/* --- public -------------------------------------------------------------------------- */

gboolean
sonae_bcp_page_show_worksheet (SonaeBcpPage *self,
                               const char   *name)
{
  const Worksheet *w;

  g_return_val_if_fail (SONAE_IS_BCP_PAGE (self), FALSE);

  sonae_section_ensure_built (SONAE_SECTION (self));

  w = find_worksheet (name, NULL);
  if (w == NULL)
    return FALSE;
  if (g_strcmp0 (self->worksheet, w->name) != 0)
    sonae_bcp_page_save_now (self);
  show (self, w);
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  return TRUE;
}

const char *
sonae_bcp_page_get_worksheet (SonaeBcpPage *self)
{
  g_return_val_if_fail (SONAE_IS_BCP_PAGE (self), NULL);

  sonae_section_ensure_built (SONAE_SECTION (self));
  return self->worksheet;
}

gboolean
sonae_bcp_page_show_system (SonaeBcpPage *self,
                            gint64        system_id)
{
  g_autoptr(SonaeBcpSystem) system = NULL;

  g_return_val_if_fail (SONAE_IS_BCP_PAGE (self), FALSE);

  sonae_section_ensure_built (SONAE_SECTION (self));

  if (system_id <= 0)
    return FALSE;
  system = sonae_bcp_get_system (self->store, system_id, NULL);
  if (system == NULL)
    return FALSE;
  sonae_bcp_page_show_worksheet (self, "systems");
  return open_system_dialog (self, system_id) != NULL;
}

void
sonae_bcp_page_save_now (SonaeBcpPage *self)
{
  g_return_if_fail (SONAE_IS_BCP_PAGE (self));

  /* Nothing can have been typed in a section never shown. */
  if (!sonae_section_is_built (SONAE_SECTION (self)))
    return;

  if (self->store == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    if (self->texts[i] != NULL)
      text_field_save (self->texts[i]);
  events_flush (self);
  if (self->plans_view != NULL)
    sonae_bcp_plans_view_save_now (SONAE_BCP_PLANS_VIEW (self->plans_view));
}

/* --- GObject ------------------------------------------------------------------------- */

static gboolean
sonae_bcp_page_save_now_vfunc (SonaeSection *section)
{
  sonae_bcp_page_save_now (SONAE_BCP_PAGE (section));
  return TRUE;
}

static void
sonae_bcp_page_build (SonaeSection *section)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (section);
  SonaeStore *store = sonae_section_get_store (section);

  self->store = store;

  self->plans_view = sonae_bcp_plans_view_new (store);
  gtk_stack_add_named (self->stack, self->plans_view, "plans");
  self->drills_view = sonae_bcp_drills_view_new (store);
  gtk_stack_add_named (self->stack, self->drills_view, "drills");
  self->risks_view = sonae_bcp_risks_view_new (store);
  gtk_stack_add_named (self->stack, self->risks_view, "risks");
  self->check_view = sonae_bcp_check_view_new (store);
  gtk_stack_add_named (self->stack, self->check_view, "check");

  reload (self);
  show (self, &worksheets[0]);
}

static void
sonae_bcp_page_dispose (GObject *object)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (object);

  if (self->store != NULL)
    sonae_bcp_page_save_now (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_BCP_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->plans_view = NULL;
  self->drills_view = NULL;
  self->risks_view = NULL;
  self->check_view = NULL;
  /* After the widgets, whose signals point to these. */
  g_clear_pointer (&self->texts[0], text_field_free);
  g_clear_pointer (&self->texts[1], text_field_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->system_rows, g_ptr_array_unref);
  self->store = NULL;

  G_OBJECT_CLASS (sonae_bcp_page_parent_class)->dispose (object);
}

static void
sonae_bcp_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_bcp_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      if (self->sidebar_folded != g_value_get_boolean (value))
        {
          self->sidebar_folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_bcp_page_class_init (SonaeBcpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeSectionClass *section_class = SONAE_SECTION_CLASS (klass);

  object_class->dispose = sonae_bcp_page_dispose;
  object_class->get_property = sonae_bcp_page_get_property;
  object_class->set_property = sonae_bcp_page_set_property;
  section_class->build = sonae_bcp_page_build;
  section_class->store_changed = sonae_bcp_page_store_changed;
  section_class->save_now = sonae_bcp_page_save_now_vfunc;

  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-bcp-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, content_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, worksheet_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, policy_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, alignment_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, deciders_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, events_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, events_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, systems_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPage, systems_group);
  gtk_widget_class_bind_template_callback (widget_class, worksheet_activated_cb);

  gtk_widget_class_install_action (widget_class, "bcp.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "bcp.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "bcp.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "bcp.add-usual-events", NULL, add_usual_events_action);
  gtk_widget_class_install_action (widget_class, "bcp.delete-event", "x", delete_event_action);
  gtk_widget_class_install_action (widget_class, "bcp.add-system", NULL, add_system_action);
  gtk_widget_class_install_action (widget_class, "bcp.open-system", "x", open_system_action);
  gtk_widget_class_install_action (widget_class, "bcp.edit-roles", NULL, edit_roles_action);
  gtk_widget_class_install_action (widget_class, "bcp.print-worksheets", NULL, print_worksheets_action);
  gtk_widget_class_install_action (widget_class, "bcp.print-outage-cards", NULL, print_outage_cards_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcppage");
}

static void
sonae_bcp_page_init (SonaeBcpPage *self)
{
  sonae_load_style ("sonae-bcp.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->system_rows = g_ptr_array_new ();
  self->texts[0] = text_field_new (self, self->policy_group, SONAE_BCP_TEXT_POLICY, "policy-text");
  self->texts[1] = text_field_new (self, self->alignment_group, SONAE_BCP_TEXT_ALIGNMENT, "alignment-text");
  build_deciders (self);
  for (guint i = 0; i < N_WORKSHEETS; i++)
    gtk_list_box_append (self->worksheet_list, new_worksheet_row (self, i));
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

GtkWidget *
sonae_bcp_page_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_PAGE, "store", store, NULL);
}
