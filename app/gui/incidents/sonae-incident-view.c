/* sonae-incident-view.c: one incident.
 *
 * A header (number and title, tabs, printing), a drill banner, the result
 * of the timeline's chain check, the status as a linked group of buttons,
 * who is recording, and six tabs: what to do now (while the incident is
 * open), the checklist run, the timeline, the report (with its actions),
 * the reporting duties to the authorities and the details. The view reads
 * the incident again whenever the store reports a change of incidents. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-incident-view.h"
#include "sonae-accessible.h"
#include "sonae-capa.h"
#include "sonae-checklist-view.h"
#include "sonae-closing.h"
#include "sonae-gui-util.h"
#include "sonae-incident-now.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-report-form-view.h"
#include "sonae-reporting-duties-view.h"
#include "sonae-timeline-view.h"
#include "sonae-timeline.h"

struct _SonaeIncidentView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcher *tab_switcher;  /* the tabs at the bottom, when the header has no room */
  GtkMenuButton *print_button;
  GtkWidget *drill_banner;
  GtkWidget *chain_broken_box;
  GtkLabel *chain_label;
  GtkWidget *chain_ok_box;
  GtkLabel *chain_ok_label;
  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkLabel *level_badge;
  GtkBox *status_box;
  GtkMenuButton *author_button;
  GtkPopover *author_popover;
  GtkLabel *author_label;
  GtkEntry *author_entry;
  AdwViewStack *view_stack;
  AdwViewStackPage *now_page;
  GtkBox *now_box;
  SonaeChecklistView *checklist_view;
  SonaeTimelineView *timeline_view;
  GtkBox *report_box;
  GtkBox *reporting_box;
  AdwEntryRow *reason_row;
  AdwComboRow *level_row;
  AdwComboRow *type_row;
  AdwComboRow *event_row;
  AdwEntryRow *title_row;
  AdwEntryRow *detected_row;
  AdwEntryRow *found_by_row;
  AdwEntryRow *location_row;
  AdwEntryRow *system_row;
  AdwEntryRow *network_row;
  GtkLabel *detail_error;

  /* borrowed */
  GtkToggleButton *status_buttons[SONAE_N_STATUSES];
  GtkWidget *now_widget;        /* SonaeIncidentNow, child of now_box */
  GtkWidget *report_widget;     /* SonaeReportFormView, child of report_box, once shown */
  GtkWidget *reporting_widget;  /* SonaeReportingDutiesView, child of reporting_box, once shown */

  /* owned */
  SonaeStore *store;
  SonaeManual *manual;
  SonaeChecklist *checklist;
  SonaeIncident *incident;
  gulong changed_handler;
  guint reload_source;
  gboolean folded;
  gboolean updating;
  guint stale_tabs;             /* of Tab: tabs still showing an older read */
};

/* The tabs that read their part of the incident when they are shown: an
 * incident opens with what to do now, and the checklist, the timeline, the
 * report and the reporting duties are read (and the last two made) only
 * when someone looks at them. */
typedef enum {
  TAB_CHECKLIST = 1 << 0,
  TAB_TIMELINE = 1 << 1,
  TAB_REPORT = 1 << 2,
  TAB_REPORTING = 1 << 3,
  TAB_ALL = TAB_CHECKLIST | TAB_TIMELINE | TAB_REPORT | TAB_REPORTING
} Tab;

G_DEFINE_FINAL_TYPE (SonaeIncidentView, sonae_incident_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const char *detail;
  gsize offset;                 /* of the AdwEntryRow in the instance */
} DetailRow;

static const DetailRow detail_rows[] = {
  { SONAE_INCIDENT_DETAIL_TITLE, G_STRUCT_OFFSET (SonaeIncidentView, title_row) },
  { SONAE_INCIDENT_DETAIL_DETECTED_AT, G_STRUCT_OFFSET (SonaeIncidentView, detected_row) },
  { SONAE_INCIDENT_DETAIL_FOUND_BY, G_STRUCT_OFFSET (SonaeIncidentView, found_by_row) },
  { SONAE_INCIDENT_DETAIL_LOCATION, G_STRUCT_OFFSET (SonaeIncidentView, location_row) },
  { SONAE_INCIDENT_DETAIL_SYSTEM, G_STRUCT_OFFSET (SonaeIncidentView, system_row) },
  { SONAE_INCIDENT_DETAIL_NETWORK, G_STRUCT_OFFSET (SonaeIncidentView, network_row) },
};

static AdwEntryRow *
detail_row (SonaeIncidentView *self,
            guint              i)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, detail_rows[i].offset);
}

/* --- showing ------------------------------------------------------------ */

/* Write what is being typed in any tab. */
static void
flush_all (SonaeIncidentView *self)
{
  if (self->checklist_view != NULL)
    sonae_checklist_view_flush (self->checklist_view);
  if (self->report_widget != NULL)
    sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (self->report_widget));
  if (self->reporting_widget != NULL)
    sonae_reporting_duties_view_flush (SONAE_REPORTING_DUTIES_VIEW (self->reporting_widget));
}

static void
update_author (SonaeIncidentView *self)
{
  g_autofree char *author = sonae_get_author ();
  /* Translators: %s is the name of the person at this computer */
  g_autofree char *text = g_strdup_printf (_("Recording as: %s"), author);

  gtk_label_set_text (self->author_label, text);
}

static void
update_chain (SonaeIncidentView *self)
{
  g_autoptr(GError) error = NULL;
  guint bad_seq = 0;

  if (sonae_incidents_verify_timeline (self->store, self->incident->id, &bad_seq, &error))
    {
      gtk_widget_set_visible (self->chain_broken_box, FALSE);
      gtk_widget_set_visible (self->chain_ok_box, TRUE);
      gtk_label_set_text (self->chain_ok_label, _("Timeline verified"));
      gtk_widget_set_tooltip_text (self->chain_ok_box,
                                   _("Every entry of the timeline is as it was written: none was changed, removed or added outside Sonae. "
                                     "The check covers the entries only, not the incident’s status, drill mark or details as the database holds them now."));
    }
  else
    {
      gtk_widget_set_visible (self->chain_broken_box, TRUE);
      gtk_widget_set_visible (self->chain_ok_box, FALSE);
      gtk_label_set_text (self->chain_label, error->message);
    }
}

static void
update_print_menu (SonaeIncidentView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) checklist = g_menu_item_new (_("Checklist (Filled In)"), NULL);
  g_autoptr(GMenuItem) timeline = g_menu_item_new (_("Timeline"), NULL);
  g_autoptr(GMenuItem) report = g_menu_item_new (_("Incident Report"), NULL);
  g_autoptr(GMenuItem) ppc_draft = g_menu_item_new (_("PPC Report Draft"), NULL);

  g_menu_item_set_action_and_target_value (checklist, "win.print-incident",
                                           g_variant_new ("(sx)", "checklist", self->incident->id));
  g_menu_item_set_action_and_target_value (timeline, "win.print-incident",
                                           g_variant_new ("(sx)", "timeline", self->incident->id));
  g_menu_item_set_action_and_target_value (report, "win.print-incident",
                                           g_variant_new ("(sx)", "report", self->incident->id));
  g_menu_item_set_action_and_target_value (ppc_draft, "win.print-incident",
                                           g_variant_new ("(sx)", "ppc-draft", self->incident->id));
  g_menu_append_item (menu, checklist);
  g_menu_append_item (menu, timeline);
  g_menu_append_item (menu, report);
  g_menu_append_item (menu, ppc_draft);
  gtk_menu_button_set_menu_model (self->print_button, G_MENU_MODEL (menu));
}

static void
show_detail_rows (SonaeIncidentView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (detail_rows); i++)
    {
      AdwEntryRow *row = detail_row (self, i);
      const char *value = sonae_incident_get_detail (self->incident, detail_rows[i].detail);
      g_autofree char *shown = NULL;

      /* Never replace what someone is typing. */
      if (gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL)
        continue;
      if (g_str_equal (detail_rows[i].detail, SONAE_INCIDENT_DETAIL_DETECTED_AT) && value != NULL)
        shown = sonae_datetime_format (value);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown ? shown : value ? value : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (row), shown ? shown : value ? value : "");
    }
}

/* --- the tabs at the bottom ------------------------------------------------ */

static void
widest_tab_label (GtkWidget *widget,
                  int       *widest,
                  guint     *n_tabs)
{
  GtkWidget *box;

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_TOGGLE_BUTTON (widget))
    (*n_tabs)++;
  /* A tab's label in the narrow form: box.narrow > label. */
  if (GTK_IS_LABEL (widget) && (box = gtk_widget_get_parent (widget)) != NULL &&
      gtk_widget_has_css_class (box, "narrow"))
    {
      int natural = 0;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      *widest = MAX (*widest, natural);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    widest_tab_label (child, widest, n_tabs);
}

/* The tabs at the bottom as narrow as they can be with every label whole,
 * each as wide as the widest label, and scrolling only when even that does
 * not fit: libadwaita asks 100 pixels for each tab at its natural size,
 * which would scroll six of them in a window of 1,100 pixels beside the
 * list, and lets their labels be cut (「チェックリ…」) at its minimum. The
 * viewport around them gives them their minimum: this request. */
static void
fit_tabs (SonaeIncidentView *self)
{
  int widest = 0;
  guint n_tabs = 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->tab_switcher)))
    return;
  widest_tab_label (GTK_WIDGET (self->tab_switcher), &widest, &n_tabs);
  gtk_widget_set_size_request (GTK_WIDGET (self->tab_switcher), (int) n_tabs * widest, -1);
}

static gboolean
fit_tabs_idle_cb (gpointer data)
{
  fit_tabs (data);
  return G_SOURCE_REMOVE;
}

/* Larger text: measured again once the labels have the new font. */
static void
tab_font_changed_cb (SonaeIncidentView *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_tabs_idle_cb, g_object_ref (self), g_object_unref);
}

static void
show_incident (SonaeIncidentView *self)
{
  SonaeIncident *incident = self->incident;
  g_autofree char *level = sonae_incident_level_get_title (incident->level);
  g_autofree char *level_class = g_strdup_printf ("level-%d", incident->level);
  gboolean open = incident->status != SONAE_STATUS_CLOSED;

  self->updating = TRUE;

  adw_view_switcher_title_set_title (self->switcher_title, incident->number);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        incident->drill ? _("Drill") : incident->title);
  gtk_label_set_text (self->number_label, incident->number);
  gtk_label_set_text (self->title_label, incident->title);
  gtk_label_set_text (self->level_badge, level);
  for (int i = 0; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("level-%d", i);
      gtk_widget_remove_css_class (GTK_WIDGET (self->level_badge), name);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->level_badge), level_class);
  gtk_widget_set_visible (self->drill_banner, incident->drill);

  for (guint i = 0; i < SONAE_N_STATUSES; i++)
    gtk_toggle_button_set_active (self->status_buttons[i], incident->status == i);

  adw_combo_row_set_selected (self->level_row, (guint) CLAMP (incident->level, 0, 3));
  adw_combo_row_set_selected (self->type_row, (guint) incident->type);
  adw_combo_row_set_selected (self->event_row, (guint) incident->event);
  show_detail_rows (self);

  /* What to do now matters while the incident is open. */
  adw_view_stack_page_set_visible (self->now_page, open);
  fit_tabs (self);
  if (self->now_widget != NULL)
    sonae_incident_now_set_incident (SONAE_INCIDENT_NOW (self->now_widget), open ? incident->id : 0);

  update_chain (self);
  update_print_menu (self);
  update_author (self);

  self->updating = FALSE;
}

/* The tab shown reads the incident if it has not since the last read. */
static void
update_shown_tab (SonaeIncidentView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  Tab tab = g_strcmp0 (name, "checklist") == 0 ? TAB_CHECKLIST :
            g_strcmp0 (name, "timeline") == 0 ? TAB_TIMELINE :
            g_strcmp0 (name, "report") == 0 ? TAB_REPORT :
            g_strcmp0 (name, "reporting") == 0 ? TAB_REPORTING : 0;

  if (self->store == NULL || (self->stale_tabs & tab) == 0)
    return;
  self->stale_tabs &= ~tab;
  switch (tab)
    {
    case TAB_CHECKLIST:
      sonae_checklist_view_set_incident (self->checklist_view, self->incident, self->checklist);
      break;
    case TAB_TIMELINE:
      sonae_timeline_view_set_incident (self->timeline_view, self->incident ? self->incident->id : 0,
                                        self->checklist);
      break;
    case TAB_REPORT:
      if (self->report_widget == NULL)
        {
          self->report_widget = sonae_report_form_view_new (self->store);
          gtk_widget_set_vexpand (self->report_widget, TRUE);
          gtk_box_append (self->report_box, self->report_widget);
        }
      sonae_report_form_view_set_incident (SONAE_REPORT_FORM_VIEW (self->report_widget),
                                           self->incident ? self->incident->id : 0);
      break;
    case TAB_REPORTING:
      if (self->reporting_widget == NULL)
        {
          self->reporting_widget = sonae_reporting_duties_view_new (self->store);
          gtk_widget_set_vexpand (self->reporting_widget, TRUE);
          gtk_box_append (self->reporting_box, self->reporting_widget);
        }
      sonae_reporting_duties_view_set_incident (SONAE_REPORTING_DUTIES_VIEW (self->reporting_widget),
                                                self->incident ? self->incident->id : 0);
      break;
    default:
      break;
    }
}

static void
visible_tab_changed_cb (SonaeIncidentView *self)
{
  update_shown_tab (self);
}

/* Read the incident @incident_id again, or for the first time; a new one
 * opens on the tab that fits it when @choose_tab. */
static gboolean
load (SonaeIncidentView *self,
      gint64             incident_id,
      gboolean           choose_tab)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  gboolean same = self->incident != NULL && self->incident->id == incident_id;

  incident = sonae_incidents_get (self->store, incident_id, &error);
  if (incident == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not open the incident"), error);
      return FALSE;
    }

  /* Outside medical care the checklist is the manual's procedure for the
   * type and level, so it changes with them. */
  if (!same || self->checklist == NULL ||
      (!sonae_checklist_is_medical (self->checklist) &&
       (incident->type != self->incident->type || incident->level != self->incident->level)))
    {
      g_clear_pointer (&self->checklist, sonae_checklist_unref);
      if (self->manual == NULL)
        self->manual = sonae_manual_load (NULL);
      self->checklist = sonae_incident_get_checklist (incident, self->store, self->manual, &error);
      if (self->checklist == NULL)
        g_message ("No checklist for incident %s: %s", incident->number, error->message);
    }

  g_clear_pointer (&self->incident, sonae_incident_free);
  self->incident = g_steal_pointer (&incident);
  if (!same)
    gtk_widget_set_visible (GTK_WIDGET (self->detail_error), FALSE);

  show_incident (self);
  self->stale_tabs = TAB_ALL;
  if (choose_tab)
    {
      gboolean open = self->incident->status != SONAE_STATUS_CLOSED;

      adw_view_stack_set_visible_child_name (self->view_stack, open ? "now" : "checklist");
    }
  update_shown_tab (self);
  return TRUE;
}

static void
clear (SonaeIncidentView *self)
{
  self->stale_tabs = 0;
  sonae_checklist_view_set_incident (self->checklist_view, NULL, NULL);
  sonae_timeline_view_set_incident (self->timeline_view, 0, NULL);
  if (self->now_widget != NULL)
    sonae_incident_now_set_incident (SONAE_INCIDENT_NOW (self->now_widget), 0);
  if (self->report_widget != NULL)
    sonae_report_form_view_set_incident (SONAE_REPORT_FORM_VIEW (self->report_widget), 0);
  if (self->reporting_widget != NULL)
    sonae_reporting_duties_view_set_incident (SONAE_REPORTING_DUTIES_VIEW (self->reporting_widget), 0);
  g_clear_pointer (&self->incident, sonae_incident_free);
  g_clear_pointer (&self->checklist, sonae_checklist_unref);
}

gboolean
sonae_incident_view_set_incident (SonaeIncidentView *self,
                                  gint64             incident_id)
{
  g_return_val_if_fail (SONAE_IS_INCIDENT_VIEW (self), FALSE);

  sonae_incident_view_flush (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (incident_id == 0)
    {
      clear (self);
      return TRUE;
    }
  if (self->incident == NULL || self->incident->id != incident_id)
    {
      clear (self);
      return load (self, incident_id, TRUE);
    }
  return load (self, incident_id, FALSE);
}

gint64
sonae_incident_view_get_incident (SonaeIncidentView *self)
{
  g_return_val_if_fail (SONAE_IS_INCIDENT_VIEW (self), 0);
  return self->incident ? self->incident->id : 0;
}

void
sonae_incident_view_show_tab (SonaeIncidentView *self,
                              const char        *tab)
{
  g_return_if_fail (SONAE_IS_INCIDENT_VIEW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, tab);
}

const char *
sonae_incident_view_get_tab (SonaeIncidentView *self)
{
  g_return_val_if_fail (SONAE_IS_INCIDENT_VIEW (self), NULL);

  if (self->incident == NULL)
    return NULL;
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

gboolean
sonae_incident_view_focus_call (SonaeIncidentView *self)
{
  g_return_val_if_fail (SONAE_IS_INCIDENT_VIEW (self), FALSE);

  if (self->now_widget == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "now") != 0)
    return FALSE;
  return sonae_incident_now_focus_call (SONAE_INCIDENT_NOW (self->now_widget));
}

void
sonae_incident_view_flush (SonaeIncidentView *self)
{
  g_return_if_fail (SONAE_IS_INCIDENT_VIEW (self));
  flush_all (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeIncidentView *self = data;

  self->reload_source = 0;
  if (self->incident != NULL)
    load (self, self->incident->id, FALSE);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeStore        *store,
                  const char        *detail,
                  SonaeIncidentView *self)
{
  if (g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0 || self->incident == NULL)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* --- changes ------------------------------------------------------------- */

static void
refused_close_response_cb (AdwMessageDialog  *dialog,
                           const char        *response,
                           SonaeIncidentView *self)
{
  if (g_strcmp0 (response, "report") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "report");
}

/* Closing is refused while an action is open: say so, and offer the
 * actions, which are in the Report tab. */
static void
show_close_refused (SonaeIncidentView *self,
                    const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The incident cannot be closed yet"),
                                   error->message);
  gtk_widget_set_name (dialog, "close-refused");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep It Open"),
                                    "report", _("_Show the Actions"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "report",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "report");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (refused_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- closing ------------------------------------------------------------ */

typedef struct {
  SonaeStore *store;
  gint64 incident_id;
  SonaeIncidentStatus before;   /* the status to go back to */
} CloseUndo;

static void
close_undo_free (gpointer  data,
                 GClosure *closure)
{
  CloseUndo *undo = data;

  g_object_unref (undo->store);
  g_free (undo);
}

static void
close_undo_cb (AdwToast  *toast,
               CloseUndo *undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();

  if (!sonae_incidents_set_status (undo->store, undo->incident_id, undo->before, author, NULL, &error))
    g_message ("Could not reopen the incident: %s", error->message);
}

/* Close it, with a toast that can take it back. */
static void
close_incident (SonaeIncidentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();
  g_autofree char *title = NULL;
  SonaeIncidentStatus before = self->incident->status;
  CloseUndo *undo;
  AdwToast *toast;

  if (!sonae_incidents_set_status (self->store, self->incident->id, SONAE_STATUS_CLOSED, author, NULL, &error))
    {
      if (sonae_capa_count_open (self->store, self->incident->id) > 0)
        show_close_refused (self, error);
      else
        sonae_show_error (GTK_WIDGET (self), _("Could not change the status"), error);
      load (self, self->incident->id, FALSE);
      return;
    }
  /* Translators: a toast; %s is the incident's number */
  title = g_strdup_printf (_("Incident %s closed"), self->incident->number);
  undo = g_new0 (CloseUndo, 1);
  undo->store = g_object_ref (self->store);
  undo->incident_id = self->incident->id;
  undo->before = before;
  toast = sonae_undo_toast_new (title, G_CALLBACK (close_undo_cb), undo, close_undo_free);
  sonae_show_toast (GTK_WIDGET (self), toast);
  load (self, self->incident->id, FALSE);
}

static void
confirm_close_response_cb (AdwMessageDialog  *dialog,
                           const char        *response,
                           SonaeIncidentView *self)
{
  if (g_strcmp0 (response, "close") == 0 && self->incident != NULL)
    close_incident (self);
}

/* Closing takes an incident out of the open ones, and its "Now" tab
 * away: it is asked, naming what is still open. */
static void
ask_close (SonaeIncidentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SonaeClosingCheck check;
  GtkWidget *dialog;

  flush_all (self);
  if (!sonae_closing_check (self->store, self->incident, self->checklist, &check, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not change the status"), error);
      return;
    }
  /* Open actions: closing is refused, and the refusal says why. */
  if (check.open_actions > 0)
    {
      close_incident (self);
      return;
    }

  if (check.steps_done < check.steps_total)
    {
      /* Translators: a line of the question before closing an incident */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "• The checklist has %u of %u step done.\n",
                                                 "• The checklist has %u of %u steps done.\n",
                                                 check.steps_total),
                              check.steps_done, check.steps_total);
    }
  if (check.ppc_undecided)
    g_string_append (body, _("• Whether it must be reported to the PPC is not decided yet.\n"));
  if (check.ppc_report_due)
    g_string_append (body, _("• The report to the PPC is not sent yet.\n"));
  if (body->len > 0)
    g_string_append_c (body, '\n');
  g_string_append (body, _("A closed incident leaves the open incidents and loses its “Now” tab. You can undo it at once, or reopen it later."));

  /* Translators: %s is the incident's number */
  heading = g_strdup_printf (_("Close Incident %s?"), self->incident->number);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body->str);
  gtk_widget_set_name (dialog, "confirm-close");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep It Open"),
                                    "close", _("_Close Incident"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
status_toggled_cb (GtkToggleButton   *button,
                   SonaeIncidentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  SonaeIncidentStatus status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sonae-status"));

  if (self->updating || self->incident == NULL || !gtk_toggle_button_get_active (button) ||
      status == self->incident->status)
    return;
  /* Closing asks first; the buttons keep showing the status until then. */
  if (status == SONAE_STATUS_CLOSED)
    {
      load (self, self->incident->id, FALSE);
      ask_close (self);
      return;
    }
  author = sonae_get_author ();
  if (!sonae_incidents_set_status (self->store, self->incident->id, status, author, NULL, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not change the status"), error);
  load (self, self->incident->id, FALSE);
}

/* The reason typed for a change, once: it goes with the next change. */
static char *
take_reason (SonaeIncidentView *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (*reason == '\0')
    return NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  return g_steal_pointer (&reason);
}

static void
level_selected_cb (SonaeIncidentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reason = NULL;
  int level = (int) adw_combo_row_get_selected (self->level_row);

  if (self->updating || self->incident == NULL || level == self->incident->level || level > 3)
    return;
  author = sonae_get_author ();
  reason = take_reason (self);
  if (!sonae_incidents_set_level (self->store, self->incident->id, level, author, reason, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not change the level"), error);
  load (self, self->incident->id, FALSE);
}

static void
type_selected_cb (SonaeIncidentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reason = NULL;
  guint type = adw_combo_row_get_selected (self->type_row);

  if (self->updating || self->incident == NULL || type == (guint) self->incident->type ||
      type >= SONAE_N_INCIDENT_KINDS)
    return;
  author = sonae_get_author ();
  reason = take_reason (self);
  if (!sonae_incidents_set_type (self->store, self->incident->id, (SonaeIncidentType) type,
                                 author, reason, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not change the incident type"), error);
  load (self, self->incident->id, FALSE);
}

static void
event_selected_cb (SonaeIncidentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reason = NULL;
  guint event = adw_combo_row_get_selected (self->event_row);

  if (self->updating || self->incident == NULL || event == (guint) self->incident->event ||
      event >= SONAE_N_EVENT_TYPES)
    return;
  author = sonae_get_author ();
  reason = take_reason (self);
  if (!sonae_incidents_set_event (self->store, self->incident->id, (SonaeEventType) event,
                                  author, reason, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not change the event type"), error);
  load (self, self->incident->id, FALSE);
}

static void
save_detail (SonaeIncidentView *self,
             AdwEntryRow       *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *value = NULL;
  const char *detail = g_object_get_data (G_OBJECT (row), "sonae-detail");
  const char *stored;

  if (self->updating || self->incident == NULL || detail == NULL)
    return;
  value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  stored = sonae_incident_get_detail (self->incident, detail);
  if (g_str_equal (detail, SONAE_INCIDENT_DETAIL_DETECTED_AT))
    {
      g_autofree char *shown = stored ? sonae_datetime_format (stored) : NULL;

      if (g_strcmp0 (shown ? shown : "", value) == 0)
        return;
    }
  else if (g_strcmp0 (stored ? stored : "", value) == 0)
    return;

  if (g_str_equal (detail, SONAE_INCIDENT_DETAIL_TITLE) && *value == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_label_set_text (self->detail_error, _("An incident needs a title."));
      gtk_widget_set_visible (GTK_WIDGET (self->detail_error), TRUE);
      return;
    }

  author = sonae_get_author ();
  if (!sonae_incidents_set_detail (self->store, self->incident->id, detail, value, author, &error))
    {
      /* Shown next to the details; nothing was saved. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_label_set_text (self->detail_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->detail_error), TRUE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_error), FALSE);
  load (self, self->incident->id, FALSE);
}

static void
detail_apply_cb (AdwEntryRow       *row,
                 SonaeIncidentView *self)
{
  save_detail (self, row);
}

static void
detail_leave_cb (GtkEventControllerFocus *controller,
                 SonaeIncidentView       *self)
{
  save_detail (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* --- who is recording -------------------------------------------------------- */

static void
author_popover_show_cb (SonaeIncidentView *self)
{
  g_autofree char *author = sonae_get_author ();

  gtk_editable_set_text (GTK_EDITABLE (self->author_entry), author);
  gtk_widget_grab_focus (GTK_WIDGET (self->author_entry));
}

static void
author_apply_cb (SonaeIncidentView *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_entry))));

  if (*name == '\0')
    return;
  sonae_set_author (name);
  update_author (self);
  gtk_popover_popdown (self->author_popover);
}

/* --- GObject -------------------------------------------------------------- */

static void
sonae_incident_view_unmap (GtkWidget *widget)
{
  sonae_incident_view_flush (SONAE_INCIDENT_VIEW (widget));
  GTK_WIDGET_CLASS (sonae_incident_view_parent_class)->unmap (widget);
}

static void
sonae_incident_view_dispose (GObject *object)
{
  SonaeIncidentView *self = SONAE_INCIDENT_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  flush_all (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_INCIDENT_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->now_widget = NULL;
  self->report_widget = NULL;
  self->reporting_widget = NULL;
  g_clear_pointer (&self->incident, sonae_incident_free);
  g_clear_pointer (&self->checklist, sonae_checklist_unref);
  g_clear_pointer (&self->manual, sonae_manual_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_incident_view_parent_class)->dispose (object);
}

static void
sonae_incident_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SonaeIncidentView *self = SONAE_INCIDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_incident_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SonaeIncidentView *self = SONAE_INCIDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_incident_view_class_init (SonaeIncidentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_incident_view_dispose;
  object_class->get_property = sonae_incident_view_get_property;
  object_class->set_property = sonae_incident_view_set_property;
  widget_class->unmap = sonae_incident_view_unmap;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SONAE_TYPE_CHECKLIST_VIEW);
  g_type_ensure (SONAE_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-incident-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, tab_switcher);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, print_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, drill_banner);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, chain_broken_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, chain_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, chain_ok_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, chain_ok_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, number_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, level_badge);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, status_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, author_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, author_popover);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, author_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, author_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, now_page);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, now_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, checklist_view);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, report_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, reporting_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, level_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, type_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, event_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, title_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, detected_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, found_by_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, location_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, system_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, network_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentView, detail_error);
  gtk_widget_class_bind_template_callback (widget_class, level_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, author_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, author_apply_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "incidentview");
}

static void
sonae_incident_view_init (SonaeIncidentView *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) events = gtk_string_list_new (NULL);
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->tab_switcher, "map", G_CALLBACK (fit_tabs), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (tab_font_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name", G_CALLBACK (tab_font_changed_cb),
                           self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < SONAE_N_STATUSES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (sonae_incident_status_get_title (i));

      gtk_widget_set_name (button, sonae_incident_status_to_string (i));
      g_object_set_data (G_OBJECT (button), "sonae-status", GUINT_TO_POINTER (i));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (status_toggled_cb), self);
      gtk_box_append (self->status_box, button);
      self->status_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  for (int i = 0; i <= 3; i++)
    {
      g_autofree char *title = sonae_incident_level_get_title (i);
      gtk_string_list_append (levels, title);
    }
  for (guint i = 0; i < SONAE_N_INCIDENT_KINDS; i++)
    gtk_string_list_append (types, sonae_incident_kind_get_title ((SonaeIncidentType) i));
  for (guint i = 0; i < SONAE_N_EVENT_TYPES; i++)
    gtk_string_list_append (events, sonae_event_type_get_title ((SonaeEventType) i));
  self->updating = TRUE;
  sonae_accessible_name_choices (GTK_WIDGET (self->level_row));
  sonae_accessible_name_choices (GTK_WIDGET (self->type_row));
  sonae_accessible_name_choices (GTK_WIDGET (self->event_row));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (events));
  self->updating = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (detail_rows); i++)
    {
      AdwEntryRow *row = detail_row (self, i);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_object_set_data (G_OBJECT (row), "sonae-detail", (gpointer) detail_rows[i].detail);
      g_signal_connect (row, "apply", G_CALLBACK (detail_apply_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (detail_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (row), focus);
    }

  update_author (self);
}

GtkWidget *
sonae_incident_view_new (SonaeStore *store)
{
  SonaeIncidentView *self;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_INCIDENT_VIEW, NULL);
  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_object_set (self->checklist_view, "store", store, NULL);
  g_object_set (self->timeline_view, "store", store, NULL);
  self->now_widget = sonae_incident_now_new (store);
  gtk_box_append (self->now_box, self->now_widget);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (visible_tab_changed_cb), self);
  return GTK_WIDGET (self);
}
