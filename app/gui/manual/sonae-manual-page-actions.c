/* sonae-manual-page-actions.c: the Manual section's actions that only show
 * or leave things: the history, leaving edit mode, a level, the next part
 * to review */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-manual-page-private.h"
#include "sonae-manual-history.h"

/* --- actions -------------------------------------------------------------------- */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  GtkWidget *history;

  sonae_manual_page_flush_blocks (self);
  history = sonae_manual_history_new (sonae_manual_page_parent_window (self), self->store);
  gtk_window_present (GTK_WINDOW (history));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);

  sonae_manual_page_flush_blocks (self);
  adw_leaflet_set_visible_child (self->leaflet, self->toc_pane);
}

static void
stop_editing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (widget), FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sonae_manual_page_focus_search (SONAE_MANUAL_PAGE (widget));
}

static void
show_level_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sonae_manual_page_show_level (SONAE_MANUAL_PAGE (widget), g_variant_get_int32 (parameter));
}

static const SonaeManualViewItem *
first_needing_review (GPtrArray *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SonaeManualViewItem *item = g_ptr_array_index (items, i);
      const SonaeManualViewItem *found;

      if (item->needs_review)
        return item;
      if ((found = first_needing_review (item->paras)) != NULL ||
          (found = first_needing_review (item->children)) != NULL)
        return found;
    }
  return NULL;
}

static void
show_next_review_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  const SonaeManualViewItem *item;

  sonae_manual_page_ensure_view (self);
  item = self->view ? first_needing_review (sonae_manual_view_get_sections (self->view)) : NULL;
  if (item != NULL)
    {
      g_autofree char *id = g_strdup (item->id);
      sonae_manual_page_show_item (self, id);
    }
}

void
sonae_manual_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "manual.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "manual.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "manual.search", NULL);
  gtk_widget_class_install_action (widget_class, "manual.stop-editing", NULL, stop_editing_action);
  gtk_widget_class_install_action (widget_class, "manual.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "manual.show-level", "i", show_level_action);
  gtk_widget_class_install_action (widget_class, "manual.show-next-review", NULL, show_next_review_action);
}
