/* sonae-incidents-page.c: the Incidents section of the window.
 *
 * A list pane (search, open/closed/all, real or drill, year; the paper
 * forms to print) and the page of one incident (SonaeIncidentView). An
 * organisation has tens of incidents, not thousands: the list is a
 * GtkListBox read again from the store with the filter whenever the filter
 * or the incidents change. A first visit shows the list; the incident in
 * progress opens beside it once that is painted (the section's "fill"). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-incidents-page.h"
#include "sonae-accessible.h"
#include "sonae-gui-util.h"
#include "sonae-incident-view.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-print-operation.h"

struct _SonaeIncidentsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  AdwWindowTitle *list_title;
  GtkMenuButton *paper_button;
  GtkSearchEntry *search_entry;
  GtkToggleButton *open_toggle;
  GtkToggleButton *closed_toggle;
  GtkToggleButton *all_toggle;
  GtkDropDown *kind_dropdown;
  GtkDropDown *year_dropdown;
  GtkStack *list_stack;
  GtkListBox *list_box;
  GtkStack *detail_stack;

  /* borrowed */
  SonaeIncidentView *view;       /* a child of detail_stack, once needed (get_view) */

  /* owned */
  SonaeStore *store;  /* the section's, once built */
  GArray *years;                 /* of int, the years in year_dropdown after "any" */
  guint reload_source;
  gboolean reloading;
  gboolean sidebar_folded;
};

G_DEFINE_FINAL_TYPE (SonaeIncidentsPage, sonae_incidents_page, SONAE_TYPE_SECTION)

enum {
  PROP_0,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- rows ---------------------------------------------------------------- */

static GtkWidget *
badge (const char *text,
       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "incident-badge");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
new_row (const SonaeIncident *incident)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (incident->number);
  GtkWidget *title = gtk_label_new (incident->title);
  g_autofree char *level = sonae_incident_level_get_title (incident->level);
  g_autofree char *level_class = g_strdup_printf ("level-%d", incident->level);
  g_autofree char *status_class = g_strdup_printf ("status-%s", sonae_incident_status_to_string (incident->status));
  g_autofree char *detected = incident->detected_at ? sonae_datetime_format (incident->detected_at) : NULL;
  GtkWidget *drill = NULL;
  GtkWidget *status;
  GtkWidget *level_badge;
  GtkWidget *when;

  gtk_widget_set_name (row, incident->number);
  g_object_set_data (G_OBJECT (row), "sonae-incident-id", GINT_TO_POINTER ((int) incident->id));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "caption");
  gtk_widget_set_hexpand (number, TRUE);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_box_append (GTK_BOX (top), number);
  if (incident->drill)
    {
      drill = badge (C_("incident", "Drill"), "drill");
      gtk_box_append (GTK_BOX (top), drill);
    }
  status = badge (sonae_incident_status_get_title (incident->status), status_class);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);

  gtk_widget_set_name (title, "title");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  level_badge = badge (level, level_class);
  gtk_box_append (GTK_BOX (bottom), level_badge);
  when = gtk_label_new (detected);
  gtk_label_set_xalign (GTK_LABEL (when), 1);
  gtk_widget_set_hexpand (when, TRUE);
  gtk_widget_add_css_class (when, "caption");
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "numeric");
  gtk_box_append (GTK_BOX (bottom), when);
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* "2026-002 The records system does not open", then what the badges
   * and the date say. */
  sonae_accessible_name_row (row, number, title, NULL);
  if (drill != NULL)
    sonae_accessible_describe_row (row, drill, status, level_badge, when, NULL);
  else
    sonae_accessible_describe_row (row, status, level_badge, when, NULL);
  return row;
}

/* --- the list ------------------------------------------------------------ */

static int
selected_year (SonaeIncidentsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->year_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->years->len)
    return 0;
  return g_array_index (self->years, int, position - 1);
}

/* The years to choose from: every year with an incident. */
static void
update_years (SonaeIncidentsPage *self)
{
  g_autoptr(GArray) years = sonae_incidents_list_years (self->store);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int selected = selected_year (self);
  guint position = 0;
  gboolean same;

  same = years->len == self->years->len &&
         memcmp (years->data, self->years->data, years->len * sizeof (int)) == 0;
  if (same)
    return;

  gtk_string_list_append (labels, _("Any year"));
  for (guint i = 0; i < years->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (years, int, i));

      gtk_string_list_append (labels, text);
      if (g_array_index (years, int, i) == selected)
        position = i + 1;
    }
  g_array_set_size (self->years, 0);
  g_array_append_vals (self->years, years->data, years->len);
  self->reloading = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, position);
  self->reloading = FALSE;
}

static void
select_row_of (SonaeIncidentsPage *self,
               gint64              id)
{
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sonae-incident-id")) == id)
      break;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
  else
    gtk_list_box_unselect_all (self->list_box);
}

/* The page of one incident, made the first time one is opened. */
static SonaeIncidentView *
get_view (SonaeIncidentsPage *self)
{
  if (self->view == NULL && self->store != NULL)
    {
      self->view = SONAE_INCIDENT_VIEW (sonae_incident_view_new (self->store));
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->view), "incident");
      g_object_bind_property (self->leaflet, "folded", self->view, "folded", G_BINDING_SYNC_CREATE);
    }
  return self->view;
}

/* The incident shown, or 0. */
static gint64
shown_incident (SonaeIncidentsPage *self)
{
  return self->view != NULL ? sonae_incident_view_get_incident (self->view) : 0;
}

/* Write what is being typed in the incident shown. */
static void
flush_view (SonaeIncidentsPage *self)
{
  if (self->view != NULL)
    sonae_incident_view_flush (self->view);
}

static void
reload (SonaeIncidentsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  GtkWidget *child;
  guint n_all;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;

  update_years (self);
  filter.search = search && *search ? search : NULL;
  filter.year = selected_year (self);
  filter.drill = kind == 1 ? 0 : kind == 2 ? 1 : -1;
  if (gtk_toggle_button_get_active (self->open_toggle))
    filter.open_only = TRUE;
  else if (gtk_toggle_button_get_active (self->closed_toggle))
    filter.status = SONAE_STATUS_CLOSED;

  incidents = sonae_incidents_list (self->store, &filter, &error);
  if (incidents == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the incidents"), error);
      return;
    }
  n_all = sonae_incidents_count (self->store);

  self->reloading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < incidents->len; i++)
    gtk_list_box_append (self->list_box, new_row (g_ptr_array_index (incidents, i)));
  select_row_of (self, shown_incident (self));
  self->reloading = FALSE;

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (incidents->len == 0 && filter.open_only && filter.search == NULL && filter.year == 0 && filter.drill < 0)
    /* Not "no results": nothing is open, and help starts here. */
    gtk_stack_set_visible_child_name (self->list_stack, "none-open");
  else if (incidents->len == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (incidents->len == n_all)
    adw_window_title_set_subtitle (self->list_title, NULL);
  else
    {
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown", "%u of %u shown", n_all),
                         incidents->len, n_all);
      adw_window_title_set_subtitle (self->list_title, subtitle);
    }
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeIncidentsPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
sonae_incidents_page_store_changed (SonaeSection *section,
                                    const char   *detail)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (section);

  if (g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static void
filter_changed_cb (SonaeIncidentsPage *self)
{
  if (self->reloading)
    return;
  /* A toggle button going inactive is followed by the one going active. */
  if (!gtk_toggle_button_get_active (self->open_toggle) &&
      !gtk_toggle_button_get_active (self->closed_toggle) &&
      !gtk_toggle_button_get_active (self->all_toggle))
    return;
  reload (self);
}

static void
stop_search_cb (SonaeIncidentsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* --- showing one ---------------------------------------------------------- */

static void
show_view (SonaeIncidentsPage *self)
{
  gtk_stack_set_visible_child (self->detail_stack, GTK_WIDGET (get_view (self)));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}

static void
row_activated_cb (SonaeIncidentsPage *self,
                  GtkListBoxRow      *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sonae-incident-id"));

  if (self->reloading)
    return;
  if (sonae_incident_view_set_incident (get_view (self), id))
    show_view (self);
}

static void
search_activate_cb (SonaeIncidentsPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

  /* Enter in the search entry opens the first match. */
  if (first != NULL)
    {
      gtk_list_box_select_row (self->list_box, first);
      row_activated_cb (self, first);
    }
}

gboolean
sonae_incidents_page_show_incident (SonaeIncidentsPage *self,
                                    gint64              incident_id)
{
  g_return_val_if_fail (SONAE_IS_INCIDENTS_PAGE (self), FALSE);

  sonae_section_ensure_built (SONAE_SECTION (self));

  if (!sonae_incident_view_set_incident (get_view (self), incident_id))
    return FALSE;
  reload (self);
  /* Make sure its row can be seen: a search or a filter could hide it. */
  if (gtk_list_box_get_selected_row (self->list_box) == NULL)
    {
      self->reloading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->all_toggle, TRUE);
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      gtk_drop_down_set_selected (self->year_dropdown, 0);
      self->reloading = FALSE;
      reload (self);
    }
  show_view (self);
  /* Shown on purpose (a new incident, "continue", Home): the keyboard
   * goes where the next call is logged. */
  sonae_incident_view_focus_call (get_view (self));
  return TRUE;
}

gint64
sonae_incidents_page_get_incident (SonaeIncidentsPage *self)
{
  g_return_val_if_fail (SONAE_IS_INCIDENTS_PAGE (self), 0);

  /* The incident in progress opens in the second step. */
  sonae_section_ensure_filled (SONAE_SECTION (self));

  return shown_incident (self);
}

void
sonae_incidents_page_focus_search (SonaeIncidentsPage *self)
{
  g_return_if_fail (SONAE_IS_INCIDENTS_PAGE (self));

  sonae_section_ensure_built (SONAE_SECTION (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sonae_incidents_page_save_now (SonaeIncidentsPage *self)
{
  g_return_if_fail (SONAE_IS_INCIDENTS_PAGE (self));

  /* Nothing can have been typed in a section never shown. */
  if (!sonae_section_is_built (SONAE_SECTION (self)))
    return;

  flush_view (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (widget);

  flush_view (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* A document about a year ("register"); 0 is this year. */
static void
print_year_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (widget);
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT (NULL);

  g_variant_get (parameter, "(&si)", &request.name, &request.year);
  request.subject = SONAE_DOCUMENT_FOR_YEAR;
  flush_view (self);
  sonae_print_request (widget, self->store, &request);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sonae_incidents_page_focus_search (SONAE_INCIDENTS_PAGE (widget));
}

/* Someone coming back to the section in the middle of an incident finds it
 * open: the newest real incident still in progress is shown at once (a
 * drill only when no real one is open). */
static void
open_newest_open_incident (SonaeIncidentsPage *self)
{
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) open = NULL;
  SonaeIncident *newest;

  filter.open_only = TRUE;
  filter.drill = 0;
  open = sonae_incidents_list (self->store, &filter, NULL);
  if (open != NULL && open->len == 0)
    {
      filter.drill = -1;
      g_clear_pointer (&open, g_ptr_array_unref);
      open = sonae_incidents_list (self->store, &filter, NULL);
    }
  if (open == NULL || open->len == 0)
    return;
  newest = g_ptr_array_index (open, 0);
  if (sonae_incident_view_set_incident (get_view (self), newest->id))
    {
      self->reloading = TRUE;
      select_row_of (self, newest->id);
      self->reloading = FALSE;
      gtk_stack_set_visible_child (self->detail_stack, GTK_WIDGET (self->view));
    }
}

/* --- GObject -------------------------------------------------------------- */

static gboolean
sonae_incidents_page_save_now_vfunc (SonaeSection *section)
{
  sonae_incidents_page_save_now (SONAE_INCIDENTS_PAGE (section));
  return TRUE;
}

static gboolean
sonae_incidents_page_focus_search_vfunc (SonaeSection *section)
{
  sonae_incidents_page_focus_search (SONAE_INCIDENTS_PAGE (section));
  return TRUE;
}

static void
sonae_incidents_page_build (SonaeSection *section)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (section);

  self->store = sonae_section_get_store (section);
  reload (self);
}

/* Once the list shows: the incident in progress, unless one was asked for
 * meanwhile. */
static void
sonae_incidents_page_fill (SonaeSection *section)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (section);

  if (shown_incident (self) == 0)
    open_newest_open_incident (self);
}

static void
sonae_incidents_page_dispose (GObject *object)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_INCIDENTS_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->view = NULL;
  g_clear_pointer (&self->years, g_array_unref);
  self->store = NULL;

  G_OBJECT_CLASS (sonae_incidents_page_parent_class)->dispose (object);
}

static void
sonae_incidents_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (object);

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
sonae_incidents_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (object);

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

/* For the guide: the tab of the incident shown beside the list. */
static const char *
sonae_incidents_page_get_place (SonaeSection *section)
{
  SonaeIncidentsPage *self = SONAE_INCIDENTS_PAGE (section);

  if (self->view == NULL ||
      gtk_stack_get_visible_child (self->detail_stack) != GTK_WIDGET (self->view))
    return NULL;
  return sonae_incident_view_get_tab (self->view);
}

static void
sonae_incidents_page_class_init (SonaeIncidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeSectionClass *section_class = SONAE_SECTION_CLASS (klass);

  object_class->dispose = sonae_incidents_page_dispose;
  object_class->get_property = sonae_incidents_page_get_property;
  object_class->set_property = sonae_incidents_page_set_property;
  section_class->build = sonae_incidents_page_build;
  section_class->fill = sonae_incidents_page_fill;
  section_class->store_changed = sonae_incidents_page_store_changed;
  section_class->focus_search = sonae_incidents_page_focus_search_vfunc;
  section_class->save_now = sonae_incidents_page_save_now_vfunc;
  section_class->get_place = sonae_incidents_page_get_place;

  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-incidents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, paper_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, open_toggle);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, closed_toggle);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeIncidentsPage, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "incidents.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "incidents.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "incidents.print-year", "(si)", print_year_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "incidents.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "incidentspage");
}

static void
sonae_incidents_page_init (SonaeIncidentsPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  sonae_load_style ("sonae-incidents.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_accessible_name_choices (GTK_WIDGET (self->kind_dropdown));
  sonae_accessible_name_choices (GTK_WIDGET (self->year_dropdown));

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->reloading = TRUE;
  gtk_string_list_append (kinds, _("Real and drills"));
  gtk_string_list_append (kinds, _("Real incidents"));
  gtk_string_list_append (kinds, _("Drills"));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_string_list_append (years, _("Any year"));
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  self->reloading = FALSE;

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

GtkWidget *
sonae_incidents_page_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_INCIDENTS_PAGE, "store", store, NULL);
}
