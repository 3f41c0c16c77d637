/* sonae-bcp-events-view.c: step 2 of the plan: the crisis events that
 * could stop the organisation's computers, what each would stop and the damage
 * it could do. Edited in place (saved about a second after the last key),
 * deleted with Undo; an empty list offers the usual events to start from.
 * What is being typed is never replaced by a reload. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-gui-util.h"

struct _SonaeBcpEventsView
{
  SonaeBcpWorksheet parent_instance;

  /* template widgets */
  AdwPreferencesGroup *events_group;

  GPtrArray *events;           /* of EventRow, as shown */
  gboolean updating;           /* filling widgets: not a user's edit */
};

G_DEFINE_FINAL_TYPE (SonaeBcpEventsView, sonae_bcp_events_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeBcpEventsView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

/* How bad an event could get, in the organisation's words: how many
 * patients for a clinic, how many customers for a business. */
static const char *
damage_title (SonaeBcpEventsView *self)
{
  return sonae_org_kind_is_medical (sonae_store_get_org_kind (get_store (self)))
         ? _("Assumed damage (how long, how many patients)")
         : _("Assumed damage (how long, how many customers)");
}

/* --- rows edited in place ---------------------------------------------------- */

typedef struct
{
  SonaeBcpEventsView *view;
  SonaeBcpEvent *event;        /* owned: as stored */
  GtkWidget *row;              /* AdwExpanderRow, in events_group */
  AdwEntryRow *title_row;
  AdwEntryRow *stops_row;
  AdwEntryRow *damage_row;
  SonaeAutosave autosave;
  gboolean dirty;
} EventRow;

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

  sonae_autosave_cancel (&e->autosave);
  if (!e->dirty)
    return TRUE;

  copy->id = e->event->id;
  copy->position = e->event->position;
  copy->title = g_strdup (title);
  copy->stops = g_strdup (or_null (stops));
  copy->damage = g_strdup (or_null (damage));
  if (!sonae_bcp_save_event (get_store (e->view), copy, &error))
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
  if (e->view->updating)
    return;
  e->dirty = TRUE;
  sonae_autosave_schedule (&e->autosave);
}

static void
events_flush (SonaeBcpEventsView *self)
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
event_row_new (SonaeBcpEventsView  *self,
               const SonaeBcpEvent *event)
{
  EventRow *e = g_new0 (EventRow, 1);
  g_autofree char *name = g_strdup_printf ("event-%" G_GINT64_FORMAT, event->id);
  GtkWidget *delete_row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_with_mnemonic (_("_Delete Event"));

  sonae_autosave_init (&e->autosave, SONAE_AUTOSAVE_DELAY_MS, event_save_timeout_cb, e);
  e->view = self;
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
  e->damage_row = event_entry (e, damage_title (self), "event-damage", event->damage);
  self->updating = FALSE;

  gtk_widget_set_name (delete_button, "delete-event-button");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "bcp.delete-event");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x", event->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete_button);
  /* A row with a button and no title: it says what the button says. */
  sonae_accessible_name_row (delete_row, gtk_button_get_child (GTK_BUTTON (delete_button)), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (e->row), delete_row);
  sonae_accessible_name_titled_row (e->row);
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
events_load (SonaeBcpEventsView *self,
             gint64              expand_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = sonae_bcp_list_events (get_store (self), &error);

  if (stored == NULL)
    {
      g_message ("Could not read the crisis events: %s", error->message);
      return;
    }
  sonae_bcp_worksheet_show_empty (SONAE_BCP_WORKSHEET (self), stored->len == 0);
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

/* --- adding and deleting, with Undo ------------------------------------------ */

typedef struct {
  SonaeBcpEventsView *view;
  SonaeBcpEvent *event;
} UndoEvent;

static void
undo_event_free (gpointer data)
{
  UndoEvent *undo = data;

  g_object_unref (undo->view);
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
  SonaeStore *store = get_store (undo->view);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  undo->event->id = 0;
  if (!sonae_bcp_save_event (store, undo->event, &error))
    sonae_show_error (GTK_WIDGET (undo->view), _("Could not bring the event back"), error);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SonaeBcpEventsView *self = SONAE_BCP_EVENTS_VIEW (widget);
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
      undo->view = g_object_ref (self);
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

      if (!sonae_bcp_delete_event (get_store (self), id, &error))
        {
          undo_event_free (undo);
          sonae_show_error (GTK_WIDGET (self), _("Could not delete the event"), error);
          return;
        }
      /* Translators: %s is a crisis event, e.g. "Power cut" */
      title = g_strdup_printf (_("“%s” deleted"), undo->event->title);
      toast = sonae_undo_toast_new (title, G_CALLBACK (undo_delete_event_cb), undo,
                                    undo_event_closure_free);
      sonae_show_toast (GTK_WIDGET (self), toast);
      events_load (self, 0);
      return;
    }
}

static void
add_event (SonaeBcpEventsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpEvent) event = sonae_bcp_event_new ();

  events_flush (self);
  event->title = g_strdup (_("New event"));
  if (!sonae_bcp_save_event (get_store (self), event, &error))
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
  SonaeBcpEventsView *self = SONAE_BCP_EVENTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int n;

  events_flush (self);
  n = sonae_bcp_add_usual_events (get_store (self), &error);
  if (n < 0)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not add the usual events"), error);
      return;
    }
  events_load (self, 0);
  if (n == 0)
    message = g_strdup (_("The usual events are all in the list already"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d event added: change it to fit your organisation",
                                            "%d events added: change them to fit your organisation", n), n);
  sonae_show_message (GTK_WIDGET (self), message);
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_event (SONAE_BCP_EVENTS_VIEW (widget));
}

/* --- GObject ----------------------------------------------------------------- */

static void
sonae_bcp_events_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpEventsView *self = SONAE_BCP_EVENTS_VIEW (worksheet);
  gboolean medical = sonae_org_kind_is_medical (sonae_store_get_org_kind (get_store (self)));

  /* In the organisation's words. */
  adw_preferences_group_set_description (self->events_group,
                                         medical
                                         ? _("For each event, what it would stop and how bad it could get: how long, how many patients.")
                                         : _("For each event, what it would stop and how bad it could get: how long, how many customers."));
  events_load (self, 0);
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (((EventRow *) g_ptr_array_index (self->events, i))->damage_row),
                                   damage_title (self));
}

static void
sonae_bcp_events_view_save_now (SonaeBcpWorksheet *worksheet)
{
  events_flush (SONAE_BCP_EVENTS_VIEW (worksheet));
}

static void
sonae_bcp_events_view_add (SonaeBcpWorksheet *worksheet)
{
  add_event (SONAE_BCP_EVENTS_VIEW (worksheet));
}

static void
sonae_bcp_events_view_dispose (GObject *object)
{
  SonaeBcpEventsView *self = SONAE_BCP_EVENTS_VIEW (object);

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    sonae_autosave_cancel (&((EventRow *) g_ptr_array_index (self->events, i))->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_BCP_EVENTS_VIEW);
  G_OBJECT_CLASS (sonae_bcp_events_view_parent_class)->dispose (object);
}

/* After the rows (gone with the content), whose signals point to these. */
static void
sonae_bcp_events_view_finalize (GObject *object)
{
  SonaeBcpEventsView *self = SONAE_BCP_EVENTS_VIEW (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  G_OBJECT_CLASS (sonae_bcp_events_view_parent_class)->finalize (object);
}

static void
sonae_bcp_events_view_class_init (SonaeBcpEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->dispose = sonae_bcp_events_view_dispose;
  object_class->finalize = sonae_bcp_events_view_finalize;
  worksheet_class->reload = sonae_bcp_events_view_reload;
  worksheet_class->save_now = sonae_bcp_events_view_save_now;
  worksheet_class->add = sonae_bcp_events_view_add;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-bcp-events-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpEventsView, events_group);

  gtk_widget_class_install_action (widget_class, "bcp.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "bcp.add-usual-events", NULL, add_usual_events_action);
  gtk_widget_class_install_action (widget_class, "bcp.delete-event", "x", delete_event_action);

  gtk_widget_class_set_css_name (widget_class, "bcp-events-view");
}

static void
sonae_bcp_events_view_init (SonaeBcpEventsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sonae_bcp_events_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_EVENTS_VIEW, "store", store, NULL);
}
