/* sonae-manual-page-contents.c: the Manual section's table of contents, its
 * search over the manual and the scrolling to a part */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-manual-page-private.h"
#include "sonae-accessible.h"

/* At most this many search results are listed. */
#define MAX_RESULTS 100

/* --- table of contents ------------------------------------------------------ */

static GtkWidget *
toc_row_new (const SonaeManualViewItem *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  g_autofree char *number = g_strdup_printf ("%u", section->number);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *title_label = gtk_label_new (section->title);

  gtk_widget_set_name (row, section->id);
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_add_css_class (number_label, "toc-number");
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_set_valign (number_label, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (title_label, GTK_ALIGN_BASELINE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  sonae_accessible_name_row (row, number_label, title_label, NULL);
  return row;
}

void
sonae_manual_page_select_toc_row (SonaeManualPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->toc_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), self->section_id) == 0)
      {
        gtk_list_box_select_row (self->toc_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

void
sonae_manual_page_fill_toc (SonaeManualPage *self)
{
  GPtrArray *sections = sonae_manual_view_get_sections (self->view);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->toc_list))) != NULL)
    gtk_list_box_remove (self->toc_list, child);
  for (guint i = 0; i < sections->len; i++)
    gtk_list_box_append (self->toc_list, toc_row_new (g_ptr_array_index (sections, i)));
  sonae_manual_page_select_toc_row (self);
}

/* --- scrolling to a part ---------------------------------------------------- */

/* The block that shows @item_id, or the nearest part around it that is shown
 * (a report's office shows in its report). */
static SonaeManualBlock *
find_block (SonaeManualPage *self,
            const char      *item_id)
{
  const SonaeManualViewItem *item;

  while (item_id != NULL)
    {
      SonaeManualBlock *block = g_hash_table_lookup (self->blocks, item_id);

      if (block != NULL)
        return block;
      item = sonae_manual_view_lookup (self->view, item_id);
      item_id = item ? item->parent_id : NULL;
    }
  return NULL;
}

/* Tries, a frame apart, to find the new page laid out. */
#define SCROLL_TRIES 40

static gboolean
scroll_timeout_cb (gpointer data)
{
  SonaeManualPage *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);
  SonaeManualBlock *block = self->scroll_item ? find_block (self, self->scroll_item) : NULL;
  gboolean last = ++self->scroll_tries >= SCROLL_TRIES;
  graphene_point_t point;

  /* The page is laid out in a frame after it was built. */
  if (!last && gtk_widget_get_height (self->page_box) == 0)
    return G_SOURCE_CONTINUE;
  if (!last && block != NULL && gtk_widget_get_height (GTK_WIDGET (block)) == 0)
    return G_SOURCE_CONTINUE;
  if (!last && self->scroll_value > 0 &&
      gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) < self->scroll_value &&
      self->scroll_tries < 5)
    return G_SOURCE_CONTINUE;

  self->scroll_source = 0;
  if (self->scroll_value >= 0)
    gtk_adjustment_set_value (adj, self->scroll_value);
  self->scroll_value = -1;
  if (block != NULL &&
      gtk_widget_compute_point (GTK_WIDGET (block), self->page_box, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      double y = point.y + gtk_widget_get_margin_top (self->page_box) - 24;

      gtk_adjustment_set_value (adj, MAX (0, y));
    }
  if (self->focus_item != NULL)
    {
      SonaeManualBlock *focus = g_hash_table_lookup (self->blocks, self->focus_item);

      if (focus != NULL)
        sonae_manual_block_focus_text (focus, TRUE);
    }
  g_clear_pointer (&self->scroll_item, g_free);
  g_clear_pointer (&self->focus_item, g_free);
  return G_SOURCE_REMOVE;
}

/* Scroll where the reader was, or to the part asked for, once the page is
 * laid out; a part asked for is highlighted at once. */
void
sonae_manual_page_schedule_scroll (SonaeManualPage *self)
{
  SonaeManualBlock *block = self->scroll_item ? find_block (self, self->scroll_item) : NULL;

  if (block != NULL && g_strcmp0 (self->scroll_item, self->focus_item) != 0)
    sonae_manual_block_highlight (block);
  self->scroll_tries = 0;
  if (self->scroll_source == 0)
    self->scroll_source = g_timeout_add (16, scroll_timeout_cb, self);
}

static void
toc_row_activated_cb (SonaeManualPage *self,
                      GtkListBoxRow   *row)
{
  sonae_manual_page_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  sonae_manual_page_show_content (self);
}

/* --- search ---------------------------------------------------------------------- */

char *
sonae_manual_page_snippet (const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text ? text : ""), "\n", ' ');

  if (g_utf8_strlen (flat, -1) <= 80)
    return g_steal_pointer (&flat);
  {
    g_autofree char *cut = g_utf8_substring (flat, 0, 79);
    return g_strconcat (cut, "…", NULL);
  }
}

static GtkWidget *
result_row_new (SonaeManualPage           *self,
                const SonaeManualViewItem *item)
{
  const SonaeManualViewItem *section = sonae_manual_view_get_section (self->view, item->section_id);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *head = NULL;
  g_autofree char *where = NULL;
  GtkWidget *label;
  GtkWidget *where_label;

  if (item->kind == SONAE_MANUAL_ITEM_SECTION)
    head = g_strdup (item->title);
  else if (item->title != NULL && item->kind != SONAE_MANUAL_ITEM_ROLE && item->kind != SONAE_MANUAL_ITEM_BODY)
    head = g_strdup (item->title);
  else
    head = sonae_manual_page_snippet (item->text ? item->text : item->title);
  if (section != NULL)
    /* Translators: a section's number and title in the manual */
    where = g_strdup_printf (C_("manual section", "%u. %s"), section->number, section->title);

  label = sonae_manual_page_label_new (head, NULL);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  /* What was found, then in which section. */
  sonae_accessible_name_row (row, label, NULL);
  if (where != NULL)
    {
      where_label = sonae_manual_page_label_new (where, "dim-label");
      gtk_widget_add_css_class (where_label, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (where_label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), where_label);
      sonae_accessible_describe_row (row, where_label, NULL);
    }
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_name (row, item->id);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
search_changed_cb (SonaeManualPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (query == NULL || *query == '\0')
    {
      gtk_stack_set_visible_child_name (self->toc_stack, "toc");
      return;
    }
  sonae_manual_page_flush_blocks (self);
  sonae_manual_page_ensure_view (self);
  if (self->view == NULL)
    return;
  found = sonae_manual_view_search (self->view, query);
  for (guint i = 0; i < found->len && i < MAX_RESULTS; i++)
    gtk_list_box_append (self->results_list, result_row_new (self, g_ptr_array_index (found, i)));
  gtk_stack_set_visible_child_name (self->toc_stack, found->len > 0 ? "results" : "no-results");
}

static void
stop_search_cb (SonaeManualPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
result_activated_cb (SonaeManualPage *self,
                     GtkListBoxRow   *row)
{
  g_autofree char *id = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));

  sonae_manual_page_show_item (self, id);
}

static void
search_activate_cb (SonaeManualPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL)
    result_activated_cb (self, first);
}

void
sonae_manual_page_focus_search (SonaeManualPage *self)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->toc_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sonae_manual_page_class_init_contents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, toc_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
}
