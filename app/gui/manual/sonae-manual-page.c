/* sonae-manual-page.c: the Manual section of the window.
 *
 * A table of contents (with a search over the manual) beside one section of
 * the manual at a time, laid out as a document: headings, paragraphs,
 * numbered steps with the responsible role's holder and number. The page
 * shows a SonaeManualView and rebuilds it when the store reports a change,
 * except after a text typed in edit mode, which its block shows by itself.
 *
 * This file holds the model and the GObject; the contents and search, the
 * rendering, the editing and the other actions have files of their own
 * (sonae-manual-page-private.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-manual-page-private.h"
#include "sonae-gui-util.h"
#include "sonae-manual-edits.h"

G_DEFINE_FINAL_TYPE (SonaeManualPage, sonae_manual_page, SONAE_TYPE_SECTION)

enum {
  PROP_0,
  PROP_EDITING,
  PROP_LEVEL,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWindow *
sonae_manual_page_parent_window (SonaeManualPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

const char *
sonae_manual_page_get_author (SonaeManualPage *self)
{
  const char *name;

  g_return_val_if_fail (SONAE_IS_MANUAL_PAGE (self), NULL);

  name = gtk_editable_get_text (GTK_EDITABLE (self->author_entry));
  if (name != NULL && *name != '\0')
    return name;
  return g_get_user_name ();
}

/* --- the model ------------------------------------------------------------ */

static gboolean
load_view (SonaeManualPage *self)
{
  g_autoptr(GError) error = NULL;
  SonaeManualView *view;

  if (self->manual == NULL)
    {
      self->manual = sonae_manual_load (&error);
      if (self->manual == NULL)
        {
          sonae_show_error (GTK_WIDGET (self), _("Could not read the manual"), error);
          return FALSE;
        }
    }
  view = sonae_manual_view_new (self->store, self->manual, &error);
  if (view == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the manual"), error);
      return FALSE;
    }
  g_clear_pointer (&self->view, sonae_manual_view_free);
  self->view = view;
  self->view_stale = FALSE;
  return TRUE;
}

/* After the page's own saves the view is out of date, but nothing shown is:
 * build a new one before reading from it. Blocks keep no pointer into it. */
void
sonae_manual_page_ensure_view (SonaeManualPage *self)
{
  sonae_section_ensure_built (SONAE_SECTION (self));
  if (self->store != NULL && (self->view == NULL || self->view_stale))
    load_view (self);
}

void
sonae_manual_page_flush_blocks (SonaeManualPage *self)
{
  g_autoptr(GList) blocks = g_hash_table_get_values (self->blocks);

  for (GList *l = blocks; l != NULL; l = l->next)
    sonae_manual_block_flush (l->data);
}

void
sonae_manual_page_save_now (SonaeManualPage *self)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));
  sonae_manual_page_flush_blocks (self);
}

/* Build a new view and show it again, where the reader was. */
void
sonae_manual_page_reload (SonaeManualPage *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;
  sonae_manual_page_flush_blocks (self);
  if (!load_view (self))
    return;
  if (self->scroll_item == NULL && self->scroll_value < 0)
    self->scroll_value = gtk_adjustment_get_value (adj);
  sonae_manual_page_fill_toc (self);
  sonae_manual_page_render (self);
  sonae_manual_page_schedule_scroll (self);
  /* Search results name the texts: find them again. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->toc_stack), "toc") != 0)
    g_signal_emit_by_name (self->search_entry, "search-changed");
}

gboolean
sonae_manual_page_reload_idle_cb (gpointer data)
{
  SonaeManualPage *self = data;

  self->reload_source = 0;
  sonae_manual_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
sonae_manual_page_store_changed (SonaeSection *section,
                                 const char   *detail)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (section);

  if (g_strcmp0 (detail, SONAE_CHANGED_MANUAL) != 0 && g_strcmp0 (detail, SONAE_CHANGED_ROLES) != 0 &&
      g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) != 0 && g_strcmp0 (detail, SONAE_CHANGED_PROFILE) != 0)
    return;
  /* A block's own save shows already; only the model is out of date. */
  if (self->saving)
    {
      self->view_stale = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, sonae_manual_page_reload_idle_cb, self, NULL);
}

/* --- showing sections and parts ---------------------------------------------------- */

const char *
sonae_manual_page_get_section (SonaeManualPage *self)
{
  g_return_val_if_fail (SONAE_IS_MANUAL_PAGE (self), NULL);
  return self->section_id;
}

void
sonae_manual_page_show_content (SonaeManualPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

void
sonae_manual_page_show_section (SonaeManualPage *self,
                                const char      *section_id)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  sonae_manual_page_flush_blocks (self);
  sonae_manual_page_ensure_view (self);
  if (self->view == NULL || sonae_manual_view_get_section (self->view, section_id) == NULL)
    return;
  if (g_strcmp0 (self->section_id, section_id) != 0)
    {
      g_free (self->section_id);
      self->section_id = g_strdup (section_id);
      self->scroll_value = 0;
    }
  sonae_manual_page_select_toc_row (self);
  sonae_manual_page_render (self);
  sonae_manual_page_schedule_scroll (self);
}

void
sonae_manual_page_show_item (SonaeManualPage *self,
                             const char      *item_id)
{
  const SonaeManualViewItem *item;

  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  sonae_manual_page_flush_blocks (self);
  sonae_manual_page_ensure_view (self);
  item = self->view ? sonae_manual_view_lookup (self->view, item_id) : NULL;
  if (item == NULL)
    return;

  /* The contacts and offices of one level at a time. */
  for (const SonaeManualViewItem *up = item; up != NULL;
       up = up->parent_id ? sonae_manual_view_lookup (self->view, up->parent_id) : NULL)
    if (up->kind == SONAE_MANUAL_ITEM_REPORT)
      {
        self->level = up->level;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
        break;
      }

  g_free (self->scroll_item);
  self->scroll_item = g_strdup (item_id);
  self->scroll_value = 0;
  g_free (self->section_id);
  self->section_id = g_strdup (item->section_id);
  sonae_manual_page_select_toc_row (self);
  sonae_manual_page_render (self);
  sonae_manual_page_schedule_scroll (self);
  sonae_manual_page_show_content (self);
}

static void
set_level (SonaeManualPage *self,
           int              level)
{
  level = CLAMP (level, 0, SONAE_MANUAL_N_LEVELS - 1);
  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
  if (g_strcmp0 (self->section_id, "reporting") == 0)
    {
      sonae_manual_page_flush_blocks (self);
      sonae_manual_page_ensure_view (self);
      self->scroll_value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
      sonae_manual_page_render (self);
      sonae_manual_page_schedule_scroll (self);
    }
}

void
sonae_manual_page_show_level (SonaeManualPage *self,
                              int              level)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  set_level (self, level);
  g_free (self->scroll_item);
  self->scroll_item = g_strdup ("reporting");
  sonae_manual_page_show_section (self, "reporting");
  sonae_manual_page_show_content (self);
}

/* --- edit mode ------------------------------------------------------------------ */

gboolean
sonae_manual_page_get_editing (SonaeManualPage *self)
{
  g_return_val_if_fail (SONAE_IS_MANUAL_PAGE (self), FALSE);
  return self->editing;
}

void
sonae_manual_page_set_editing (SonaeManualPage *self,
                               gboolean         editing)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  editing = !!editing;
  if (self->editing == editing)
    return;
  sonae_manual_page_flush_blocks (self);
  self->editing = editing;
  sonae_manual_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/* --- GObject -------------------------------------------------------------------- */

static void
sonae_manual_page_build (SonaeSection *section)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (section);

  /* The contents first: the section shown comes with the second step. */
  self->store = sonae_section_get_store (section);
  if (load_view (self))
    sonae_manual_page_fill_toc (self);
}

/* Once the contents are painted: the section (unless one was shown
 * meanwhile). */
static void
sonae_manual_page_fill (SonaeSection *section)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (section);

  if (self->rendered || self->view == NULL)
    return;
  sonae_manual_page_render (self);
  sonae_manual_page_schedule_scroll (self);
}

static gboolean
sonae_manual_page_save_now_vfunc (SonaeSection *section)
{
  sonae_manual_page_flush_blocks (SONAE_MANUAL_PAGE (section));
  return TRUE;
}

static gboolean
sonae_manual_page_focus_search_vfunc (SonaeSection *section)
{
  sonae_manual_page_focus_search (SONAE_MANUAL_PAGE (section));
  return TRUE;
}

static void
sonae_manual_page_dispose (GObject *object)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  if (self->blocks != NULL && self->store != NULL)
    sonae_manual_page_flush_blocks (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->blocks != NULL)
    g_hash_table_remove_all (self->blocks);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_MANUAL_PAGE);
  g_clear_pointer (&self->view, sonae_manual_view_free);
  g_clear_pointer (&self->manual, sonae_manual_unref);
  self->store = NULL;

  G_OBJECT_CLASS (sonae_manual_page_parent_class)->dispose (object);
}

static void
sonae_manual_page_finalize (GObject *object)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_free (self->section_id);
  g_free (self->scroll_item);
  g_free (self->focus_item);

  G_OBJECT_CLASS (sonae_manual_page_parent_class)->finalize (object);
}

static void
sonae_manual_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_manual_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      sonae_manual_page_set_editing (self, g_value_get_boolean (value));
      break;
    case PROP_LEVEL:
      set_level (self, g_value_get_int (value));
      break;
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
sonae_manual_page_class_init (SonaeManualPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeSectionClass *section_class = SONAE_SECTION_CLASS (klass);

  object_class->dispose = sonae_manual_page_dispose;
  object_class->finalize = sonae_manual_page_finalize;
  object_class->get_property = sonae_manual_page_get_property;
  object_class->set_property = sonae_manual_page_set_property;
  section_class->build = sonae_manual_page_build;
  section_class->fill = sonae_manual_page_fill;
  section_class->store_changed = sonae_manual_page_store_changed;
  section_class->save_now = sonae_manual_page_save_now_vfunc;
  section_class->focus_search = sonae_manual_page_focus_search_vfunc;

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 0, SONAE_MANUAL_N_LEVELS - 1, 2,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SONAE_TYPE_MANUAL_BLOCK);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-manual-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, toc_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, content_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, toc_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, toc_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, page_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, author_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, page_box);
  gtk_widget_class_install_property_action (widget_class, "manual.level", "level");
  gtk_widget_class_install_property_action (widget_class, "manual.edit", "editing");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "manual.edit", NULL);
  sonae_manual_page_class_init_contents (widget_class);
  sonae_manual_page_class_init_editing (widget_class);
  sonae_manual_page_class_init_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "manualpage");
}

static void
sonae_manual_page_init (SonaeManualPage *self)
{
  const char *real_name = g_get_real_name ();

  sonae_load_style ("sonae-manual.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->blocks = g_hash_table_new (g_str_hash, g_str_equal);
  self->level = 2;
  self->scroll_value = -1;
  self->section_id = g_strdup ("introduction");
  /* GLib says "Unknown" when the account has no real name. */
  gtk_editable_set_text (GTK_EDITABLE (self->author_entry),
                         real_name && *real_name && g_strcmp0 (real_name, "Unknown") != 0
                         ? real_name : g_get_user_name ());
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

GtkWidget *
sonae_manual_page_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  return g_object_new (SONAE_TYPE_MANUAL_PAGE, "store", store, NULL);
}