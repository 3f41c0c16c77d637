/* sonae-bcp-page.c: the BCP section of the window.
 *
 * A narrow list of the worksheets in IT-BCP order, each with a short
 * status, and the chosen worksheet beside it; last, for a healthcare
 * provider, the MHLW checklist (gui/mhlw/: a clinic or hospital fills it
 * in, a pharmacy is told its own list is not in Sonae yet) (they fold into one column on
 * a narrow window, as Incidents does). The worksheets are the
 * SonaeBcpWorksheet classes of sonae-bcp-views.h, in a stack: each follows
 * the store itself, without disturbing what is being typed; the page
 * follows it for the statuses of the list. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-bcp-page.h"
#include "sonae-accessible.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-gui-util.h"
#include "sonae-mhlw-view.h"
#include "sonae-mhlw.h"
#include "sonae-print-operation.h"

typedef struct {
  const char *name;
  const char *step;        /* "1"–"5", or NULL */
  const char *title;       /* untranslated */
  const char *icon_name;   /* for those without a step */
  const char *add_tip;     /* the + button's tooltip, untranslated; NULL: none */
  GType (*get_type) (void);
  char *(*get_status) (SonaeStore *store);  /* NULL: the plan's (sonae_bcp_get_worksheet_status) */
  gboolean (*shown) (SonaeStore *store);    /* NULL: for every organisation */
} Worksheet;

static const Worksheet worksheets[] = {
  { "policy", "1", N_("Policy and Team"), NULL, NULL, sonae_bcp_policy_view_get_type },
  { "events", "2", N_("Crisis Events"), NULL, N_("Add Event"), sonae_bcp_events_view_get_type },
  { "systems", "3", N_("Systems and Priorities"), NULL, N_("Add System"), sonae_bcp_systems_view_get_type },
  { "plans", "4", N_("Plans"), NULL, NULL, sonae_bcp_plans_view_get_type },
  { "drills", "5", N_("Drills and Review"), NULL, N_("Record a Drill"), sonae_bcp_drills_view_get_type },
  { "risks", NULL, N_("Risk Register"), "security-medium-symbolic", NULL, sonae_bcp_risks_view_get_type },
  { "check", NULL, N_("Readiness Self-Check"), "emblem-ok-symbolic", NULL, sonae_bcp_check_view_get_type },
  { "mhlw", NULL, N_("MHLW Checklist"), "document-properties-symbolic", NULL, sonae_mhlw_view_get_type,
    sonae_mhlw_get_status, sonae_store_is_care },
};

#define N_WORKSHEETS G_N_ELEMENTS (worksheets)

/* The worksheets' own actions (sonae-bcp-views.h), passed on from the
 * page so that they can be activated from anywhere in it. */
static const struct {
  const char *action;
  const char *parameter_type;
  const char *worksheet;
} worksheet_actions[] = {
  { "bcp.edit-roles", NULL, "policy" },
  { "bcp.add-event", NULL, "events" },
  { "bcp.add-usual-events", NULL, "events" },
  { "bcp.delete-event", "x", "events" },
  { "bcp.add-system", NULL, "systems" },
  { "bcp.open-system", "x", "systems" },
};

struct _SonaeBcpPage
{
  SonaeSection parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkWidget *content_pane;
  GtkListBox *worksheet_list;
  AdwWindowTitle *content_title;
  GtkWidget *add_button;
  GtkStack *stack;

  /* borrowed */
  GtkWidget *rows[N_WORKSHEETS];
  GtkLabel *status_labels[N_WORKSHEETS];
  SonaeBcpWorksheet *sheets[N_WORKSHEETS];  /* in the stack, once built */

  guint statuses_source;
  const char *worksheet;         /* one of worksheets[].name */
  gboolean sidebar_folded;
  gboolean passing_on;           /* a worksheet's action, on its way */
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

/* The worksheet @name, made the first time it is needed: a worksheet
 * reads its part of the plan when made, and the self-check alone has a
 * row per question, so a first visit of the section makes only the one it
 * shows. */
static SonaeBcpWorksheet *
get_sheet (SonaeBcpPage *self,
           const char   *name)
{
  guint index;

  sonae_section_ensure_built (SONAE_SECTION (self));
  if (find_worksheet (name, &index) == NULL)
    return NULL;
  if (self->sheets[index] == NULL)
    {
      GtkWidget *sheet = g_object_new (worksheets[index].get_type (),
                                       "store", sonae_section_get_store (SONAE_SECTION (self)),
                                       NULL);

      gtk_stack_add_named (self->stack, sheet, worksheets[index].name);
      self->sheets[index] = SONAE_BCP_WORKSHEET (sheet);
    }
  return self->sheets[index];
}

/* --- the worksheet list ------------------------------------------------------ */

static void show (SonaeBcpPage    *self,
                  const Worksheet *w);

/* Each worksheet's line under its title. The plan's are quick; those with
 * their own reader (the MHLW checklist's reads the roster and the roles)
 * wait for the section's second step when @quick_only: a first visit
 * shows the section before reading them. */
static void
update_some_statuses (SonaeBcpPage *self,
                      gboolean      quick_only)
{
  SonaeStore *store = sonae_section_get_store (SONAE_SECTION (self));

  g_clear_handle_id (&self->statuses_source, g_source_remove);
  for (guint i = 0; i < N_WORKSHEETS; i++)
    {
      gboolean shown = worksheets[i].shown == NULL || worksheets[i].shown (store);
      g_autofree char *status = NULL;

      gtk_widget_set_visible (self->rows[i], shown);
      if (!shown || (quick_only && worksheets[i].get_status != NULL))
        continue;
      status = worksheets[i].get_status != NULL ? worksheets[i].get_status (store)
                                                : sonae_bcp_get_worksheet_status (store, worksheets[i].name);
      gtk_label_set_text (self->status_labels[i], status ? status : "");
    }
  /* A business has no MHLW checklist to print. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bcp.print-mhlw-checklist",
                                 sonae_documents_get_unavailable_reason (store, "mhlw-checklist") == NULL);
  /* A worksheet the organisation no longer has is left for the first. */
  if (self->worksheet != NULL)
    {
      guint index;

      if (find_worksheet (self->worksheet, &index) != NULL && !gtk_widget_get_visible (self->rows[index]))
        show (self, &worksheets[0]);
    }
}

static void
update_statuses (SonaeBcpPage *self)
{
  update_some_statuses (self, FALSE);
}

static gboolean
update_statuses_idle_cb (gpointer data)
{
  SonaeBcpPage *self = data;

  self->statuses_source = 0;
  update_statuses (self);
  return G_SOURCE_REMOVE;
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

  self->rows[index] = row;
  self->status_labels[index] = GTK_LABEL (status);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* "1 Policy and Team", then how far it is filled in. */
  if (w->step != NULL)
    sonae_accessible_name_row (row, prefix, title, NULL);
  else
    sonae_accessible_name_row (row, title, NULL);
  sonae_accessible_describe_row (row, status, NULL);
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

  self->worksheet = w->name;
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (get_sheet (self, w->name)));
  if (w->step != NULL)
    /* Translators: a worksheet's step number, then its title: "3 Systems and Priorities" */
    title = g_strdup_printf (_("%s %s"), w->step, _(w->title));
  else
    title = g_strdup (_(w->title));
  adw_window_title_set_title (self->content_title, title);
  select_worksheet_row (self, w->name);

  gtk_widget_set_visible (self->add_button, w->add_tip != NULL);
  gtk_widget_set_tooltip_text (self->add_button, w->add_tip != NULL ? _(w->add_tip) : NULL);
  if (w->add_tip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(w->add_tip), -1);
}

static void
worksheet_activated_cb (SonaeBcpPage  *self,
                        GtkListBoxRow *row)
{
  sonae_bcp_page_show_worksheet (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* --- actions ----------------------------------------------------------------- */

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
  SonaeBcpWorksheet *sheet = get_sheet (self, self->worksheet);

  if (sheet != NULL)
    sonae_bcp_worksheet_add (sheet);
}

static void
pass_on_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  /* The worksheet has the action: it never comes back here. */
  if (self->passing_on)
    g_return_if_reached ();
  for (guint i = 0; i < G_N_ELEMENTS (worksheet_actions); i++)
    if (g_str_equal (worksheet_actions[i].action, action_name))
      {
        SonaeBcpWorksheet *sheet = get_sheet (self, worksheet_actions[i].worksheet);

        self->passing_on = TRUE;
        gtk_widget_activate_action_variant (GTK_WIDGET (sheet), action_name, parameter);
        self->passing_on = FALSE;
        return;
      }
}

static void
print_worksheets_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  sonae_bcp_page_save_now (self);
  sonae_print_document (widget, sonae_section_get_store (SONAE_SECTION (self)), "bcp");
}

static void
print_mhlw_checklist_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  sonae_bcp_page_save_now (self);
  sonae_print_document (widget, sonae_section_get_store (SONAE_SECTION (self)), "mhlw-checklist");
}

static void
print_outage_cards_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (widget);

  sonae_bcp_page_save_now (self);
  /* Every system's card, one after the other. */
  sonae_print_document (widget, sonae_section_get_store (SONAE_SECTION (self)), "outage-card");
}

/* --- public ------------------------------------------------------------------ */

gboolean
sonae_bcp_page_show_worksheet (SonaeBcpPage *self,
                               const char   *name)
{
  const Worksheet *w;

  g_return_val_if_fail (SONAE_IS_BCP_PAGE (self), FALSE);

  sonae_section_ensure_built (SONAE_SECTION (self));

  w = find_worksheet (name, NULL);
  if (w == NULL || (w->shown != NULL && !w->shown (sonae_section_get_store (SONAE_SECTION (self)))))
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
  SonaeBcpWorksheet *sheet;

  g_return_val_if_fail (SONAE_IS_BCP_PAGE (self), FALSE);

  sheet = get_sheet (self, "systems");
  if (system_id <= 0)
    return FALSE;
  system = sonae_bcp_get_system (sonae_section_get_store (SONAE_SECTION (self)), system_id, NULL);
  if (system == NULL)
    return FALSE;
  sonae_bcp_page_show_worksheet (self, "systems");
  return sonae_bcp_systems_view_open_system (SONAE_BCP_SYSTEMS_VIEW (sheet), system_id);
}

void
sonae_bcp_page_save_now (SonaeBcpPage *self)
{
  g_return_if_fail (SONAE_IS_BCP_PAGE (self));

  /* Nothing can have been typed in a section never shown. */
  for (guint i = 0; i < N_WORKSHEETS; i++)
    if (self->sheets[i] != NULL)
      sonae_bcp_worksheet_save_now (self->sheets[i]);
}

/* --- GObject ----------------------------------------------------------------- */

static gboolean
sonae_bcp_page_save_now_vfunc (SonaeSection *section)
{
  sonae_bcp_page_save_now (SONAE_BCP_PAGE (section));
  return TRUE;
}

static void
sonae_bcp_page_store_changed (SonaeSection *section,
                              const char   *detail)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (section);

  /* The worksheets follow the store themselves; the statuses are the
   * plan's, and which worksheets there are the profile's. The MHLW
   * checklist's status reads the roster and the roles too. */
  if (g_strcmp0 (detail, SONAE_CHANGED_BCP) != 0 && g_strcmp0 (detail, SONAE_CHANGED_PROFILE) != 0 &&
      g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) != 0 && g_strcmp0 (detail, SONAE_CHANGED_ROLES) != 0)
    return;
  if (self->statuses_source == 0)
    self->statuses_source = g_idle_add_full (G_PRIORITY_DEFAULT, update_statuses_idle_cb, self, NULL);
}

static void
sonae_bcp_page_build (SonaeSection *section)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (section);

  update_some_statuses (self, TRUE);
  show (self, &worksheets[0]);
}

static void
sonae_bcp_page_fill (SonaeSection *section)
{
  update_statuses (SONAE_BCP_PAGE (section));
}

static void
sonae_bcp_page_dispose (GObject *object)
{
  SonaeBcpPage *self = SONAE_BCP_PAGE (object);

  sonae_bcp_page_save_now (self);
  g_clear_handle_id (&self->statuses_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_BCP_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  memset (self->sheets, 0, sizeof self->sheets);

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

/* For the guide: the worksheet shown. */
static const char *
sonae_bcp_page_get_place (SonaeSection *section)
{
  return SONAE_BCP_PAGE (section)->worksheet;
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
  section_class->fill = sonae_bcp_page_fill;
  section_class->store_changed = sonae_bcp_page_store_changed;
  section_class->save_now = sonae_bcp_page_save_now_vfunc;
  section_class->get_place = sonae_bcp_page_get_place;

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
  gtk_widget_class_bind_template_callback (widget_class, worksheet_activated_cb);

  gtk_widget_class_install_action (widget_class, "bcp.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "bcp.add", NULL, add_action);
  for (guint i = 0; i < G_N_ELEMENTS (worksheet_actions); i++)
    gtk_widget_class_install_action (widget_class, worksheet_actions[i].action,
                                     worksheet_actions[i].parameter_type, pass_on_action);
  gtk_widget_class_install_action (widget_class, "bcp.print-worksheets", NULL, print_worksheets_action);
  gtk_widget_class_install_action (widget_class, "bcp.print-outage-cards", NULL, print_outage_cards_action);
  gtk_widget_class_install_action (widget_class, "bcp.print-mhlw-checklist", NULL, print_mhlw_checklist_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcppage");
}

static void
sonae_bcp_page_init (SonaeBcpPage *self)
{
  sonae_load_style ("sonae-bcp.css");
  gtk_widget_init_template (GTK_WIDGET (self));

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
