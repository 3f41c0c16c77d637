/* sonae-manual-block.c: one part of the manual, read or edited in place.
 *
 * The block shows a copy of the item it was built from; the page rebuilds
 * blocks when the manual changes, except after the block's own saves, which
 * the block shows by itself (so typing is never interrupted). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-manual-block.h"
#include "sonae-role.h"

struct _SonaeManualBlock
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *outer_box;
  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkEntry *title_entry;
  GtkWidget *edited_button;
  GtkWidget *added_label;
  GtkLabel *tag_label;
  GtkLabel *text_label;
  GtkWidget *text_frame;
  GtkTextView *text_view;
  GtkWidget *extra_box;
  GtkWidget *review_box;
  GtkLabel *mine_label;
  GtkLabel *theirs_label;
  GtkWidget *edit_bar;
  GtkDropDown *role_dropdown;
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *add_button;
  GtkWidget *remove_button;

  /* owned */
  char *item_id;
  char *role_key;
  SonaeAutosave autosave;
  guint highlight_source;

  /* state */
  SonaeManualBlockFlags flags;
  gboolean editing;
  gboolean has_title;
  gboolean has_text;
  gboolean title_pending;
  gboolean text_pending;
  gboolean filling;          /* setting the widgets, not the user typing */
};

G_DEFINE_FINAL_TYPE (SonaeManualBlock, sonae_manual_block, GTK_TYPE_WIDGET)

enum {
  SAVE,
  ROLE_CHANGED,
  COMMAND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- saving as typed ---------------------------------------------------- */

static char *
get_text (SonaeManualBlock *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
sonae_manual_block_flush (SonaeManualBlock *self)
{
  gboolean any = FALSE;

  g_return_val_if_fail (SONAE_IS_MANUAL_BLOCK (self), FALSE);

  sonae_autosave_cancel (&self->autosave);
  if (self->title_pending)
    {
      const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

      self->title_pending = FALSE;
      /* An empty text is not saved: the bundled one would be lost for a blank. */
      if (!is_blank (title))
        {
          g_signal_emit (self, signals[SAVE], 0, TRUE, title);
          any = TRUE;
        }
    }
  if (self->text_pending)
    {
      g_autofree char *text = get_text (self);

      self->text_pending = FALSE;
      if (!is_blank (text))
        {
          g_signal_emit (self, signals[SAVE], 0, FALSE, text);
          any = TRUE;
        }
    }
  return any;
}

static void
autosave_cb (gpointer data)
{
  sonae_manual_block_flush (data);
}

static void
schedule_save (SonaeManualBlock *self)
{
  sonae_autosave_schedule (&self->autosave);
}

static void
title_changed_cb (SonaeManualBlock *self)
{
  if (self->filling)
    return;
  self->title_pending = TRUE;
  schedule_save (self);
}

static void
text_changed_cb (SonaeManualBlock *self)
{
  if (self->filling)
    return;
  self->text_pending = TRUE;
  schedule_save (self);
}

/* The roles this organisation has: a business is not offered a
 * healthcare provider's (sonae_roles_get_for). */
static const SonaeRoleInfo *
offered_roles (SonaeManualBlock *self,
               guint            *n_roles)
{
  return sonae_roles_get_for ((self->flags & SONAE_MANUAL_BLOCK_CARE_ROLES) != 0, n_roles);
}

static void
role_selected_cb (SonaeManualBlock *self)
{
  guint n_roles;
  const SonaeRoleInfo *roles = offered_roles (self, &n_roles);
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);

  if (self->filling || selected >= n_roles)
    return;
  if (g_strcmp0 (roles[selected].key, self->role_key) == 0)
    return;
  g_free (self->role_key);
  self->role_key = g_strdup (roles[selected].key);
  g_signal_emit (self, signals[ROLE_CHANGED], 0, roles[selected].key);
}

/* --- commands ----------------------------------------------------------- */

static void
command_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SonaeManualBlock *self = SONAE_MANUAL_BLOCK (widget);
  const char *name = strchr (action_name, '.') + 1;

  /* What was typed is saved before the part moves, goes or is reset. */
  sonae_manual_block_flush (self);
  g_signal_emit (self, signals[COMMAND], 0, name);
}

/* --- filling ------------------------------------------------------------ */

static void
fill_role_dropdown (SonaeManualBlock *self)
{
  guint n_roles;
  const SonaeRoleInfo *roles = offered_roles (self, &n_roles);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n_roles; i++)
    {
      gtk_string_list_append (names, sonae_role_get_name (roles[i].key));
      if (g_strcmp0 (roles[i].key, self->role_key) == 0)
        selected = i;
    }
  /* Here, not at init: most blocks are never edited. */
  sonae_accessible_name_choices (GTK_WIDGET (self->role_dropdown));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->role_dropdown, selected);
}

static char *
review_pair (const char *title,
             const char *text)
{
  if (title != NULL && text != NULL)
    return g_strconcat (title, "\n", text, NULL);
  return g_strdup (title != NULL ? title : text);
}

static void
fill (SonaeManualBlock          *self,
      const SonaeManualViewItem *item)
{
  SonaeManualBlockFlags flags = self->flags;
  gboolean fixed_title = (flags & SONAE_MANUAL_BLOCK_TITLE_FIXED) != 0;

  self->filling = TRUE;

  self->has_title = item->title != NULL;
  self->has_text = item->text != NULL;

  if (flags & SONAE_MANUAL_BLOCK_NUMBERED)
    {
      g_autofree char *number = g_strdup_printf ("%u", item->number);

      gtk_label_set_text (self->number_label, number);
      gtk_widget_set_visible (GTK_WIDGET (self->number_label), TRUE);
    }

  if (flags & SONAE_MANUAL_BLOCK_HEADING)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-1");
  else if (flags & SONAE_MANUAL_BLOCK_SUBHEADING)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");

  if (item->kind == SONAE_MANUAL_ITEM_SECTION)
    {
      /* Translators: a section's number and title in the manual */
      g_autofree char *title = g_strdup_printf (C_("manual section", "%u. %s"), item->number,
                                                item->title ? item->title : "");
      gtk_label_set_text (self->title_label, title);
    }
  else
    gtk_label_set_text (self->title_label, item->title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label),
                          item->title != NULL && (!self->editing || fixed_title));
  if (self->editing && self->has_title && !fixed_title)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), item->title);
      gtk_widget_set_visible (GTK_WIDGET (self->title_entry), TRUE);
    }

  if (self->has_text)
    {
      gtk_label_set_text (self->text_label, item->text);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), item->text, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), self->has_text && !self->editing);
  gtk_widget_set_visible (self->text_frame, self->has_text && self->editing);
  if (flags & SONAE_MANUAL_BLOCK_HEADING)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");

  gtk_widget_set_visible (self->edited_button, (item->edited || item->moved) && !item->added);
  gtk_widget_set_visible (self->added_label, item->added);

  if (item->needs_review)
    {
      g_autofree char *mine = review_pair (item->title_base ? item->title : NULL,
                                           item->text_base ? item->text : NULL);
      g_autofree char *theirs = review_pair (item->title_base ? item->bundled_title : NULL,
                                             item->text_base ? item->bundled_text : NULL);

      gtk_label_set_text (self->mine_label, mine);
      gtk_label_set_text (self->theirs_label, theirs);
      gtk_widget_set_visible (self->review_box, TRUE);
    }

  if (self->editing)
    {
      gboolean any = FALSE;

      if ((flags & SONAE_MANUAL_BLOCK_ROLE) && item->role_key != NULL)
        {
          fill_role_dropdown (self);
          gtk_widget_set_visible (GTK_WIDGET (self->role_dropdown), TRUE);
          any = TRUE;
        }
      gtk_widget_set_visible (self->up_button, flags & SONAE_MANUAL_BLOCK_MOVABLE);
      gtk_widget_set_visible (self->down_button, flags & SONAE_MANUAL_BLOCK_MOVABLE);
      gtk_widget_set_visible (self->add_button, flags & SONAE_MANUAL_BLOCK_ADD_BELOW);
      gtk_widget_set_visible (self->remove_button, flags & SONAE_MANUAL_BLOCK_REMOVABLE);
      any = any || (flags & (SONAE_MANUAL_BLOCK_MOVABLE | SONAE_MANUAL_BLOCK_ADD_BELOW |
                             SONAE_MANUAL_BLOCK_REMOVABLE));
      gtk_widget_set_visible (self->edit_bar, any);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "block.move-up",
                                 self->editing && (flags & SONAE_MANUAL_BLOCK_MOVABLE) &&
                                 !(flags & SONAE_MANUAL_BLOCK_FIRST));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "block.move-down",
                                 self->editing && (flags & SONAE_MANUAL_BLOCK_MOVABLE) &&
                                 !(flags & SONAE_MANUAL_BLOCK_LAST));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "block.add-below",
                                 self->editing && (flags & SONAE_MANUAL_BLOCK_ADD_BELOW));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "block.remove",
                                 self->editing && (flags & SONAE_MANUAL_BLOCK_REMOVABLE));

  if (flags & SONAE_MANUAL_BLOCK_HEADING)
    gtk_widget_add_css_class (GTK_WIDGET (self), "heading-block");
  if (self->editing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "editing");

  self->filling = FALSE;
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
sonae_manual_block_new (const SonaeManualViewItem *item,
                        SonaeManualBlockFlags      flags,
                        gboolean                   editing)
{
  SonaeManualBlock *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (SONAE_TYPE_MANUAL_BLOCK, NULL);
  self->item_id = g_strdup (item->id);
  self->role_key = g_strdup (item->role_key);
  self->flags = flags;
  self->editing = editing;
  fill (self, item);
  return GTK_WIDGET (self);
}

const char *
sonae_manual_block_get_item_id (SonaeManualBlock *self)
{
  g_return_val_if_fail (SONAE_IS_MANUAL_BLOCK (self), NULL);
  return self->item_id;
}

void
sonae_manual_block_set_display_title (SonaeManualBlock *self,
                                      const char       *title)
{
  g_return_if_fail (SONAE_IS_MANUAL_BLOCK (self));

  gtk_label_set_text (self->title_label, title);
  /* Shown in edit mode too, unless the item's own title is being edited. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label),
                          title != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->title_entry)));
}

void
sonae_manual_block_set_tag (SonaeManualBlock *self,
                            const char       *tag)
{
  g_return_if_fail (SONAE_IS_MANUAL_BLOCK (self));

  gtk_label_set_text (self->tag_label, tag);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_label), tag != NULL);
}

void
sonae_manual_block_add_extra (SonaeManualBlock *self,
                              GtkWidget        *child)
{
  g_return_if_fail (SONAE_IS_MANUAL_BLOCK (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_box_append (GTK_BOX (self->extra_box), child);
  gtk_widget_set_visible (self->extra_box, TRUE);
}

void
sonae_manual_block_set_edited (SonaeManualBlock *self,
                               gboolean          edited)
{
  g_return_if_fail (SONAE_IS_MANUAL_BLOCK (self));

  if (!gtk_widget_get_visible (self->added_label))
    gtk_widget_set_visible (self->edited_button, edited);
}

void
sonae_manual_block_focus_text (SonaeManualBlock *self,
                               gboolean          select_all)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (SONAE_IS_MANUAL_BLOCK (self));

  if (!gtk_widget_get_visible (self->text_frame))
    return;
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (select_all)
    gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static gboolean
highlight_done_cb (gpointer data)
{
  SonaeManualBlock *self = data;

  self->highlight_source = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "highlighted");
  return G_SOURCE_REMOVE;
}

void
sonae_manual_block_highlight (SonaeManualBlock *self)
{
  g_return_if_fail (SONAE_IS_MANUAL_BLOCK (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "highlighted");
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  self->highlight_source = g_timeout_add (2500, highlight_done_cb, self);
}

/* --- GObject -------------------------------------------------------------- */

static void
sonae_manual_block_dispose (GObject *object)
{
  SonaeManualBlock *self = SONAE_MANUAL_BLOCK (object);

  /* Nobody listens any more by now: a last save is the page's to ask for. */
  sonae_autosave_cancel (&self->autosave);
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_MANUAL_BLOCK);

  G_OBJECT_CLASS (sonae_manual_block_parent_class)->dispose (object);
}

static void
sonae_manual_block_finalize (GObject *object)
{
  SonaeManualBlock *self = SONAE_MANUAL_BLOCK (object);

  g_free (self->item_id);
  g_free (self->role_key);

  G_OBJECT_CLASS (sonae_manual_block_parent_class)->finalize (object);
}

static void
sonae_manual_block_class_init (SonaeManualBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_manual_block_dispose;
  object_class->finalize = sonae_manual_block_finalize;

  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[ROLE_CHANGED] = g_signal_new ("role-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[COMMAND] = g_signal_new ("command", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-manual-block.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, outer_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, number_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, title_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, title_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, edited_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, added_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, tag_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, text_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, text_frame);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, text_view);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, extra_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, review_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, mine_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, theirs_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, edit_bar);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, up_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, down_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, add_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualBlock, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_install_action (widget_class, "block.reset", NULL, command_action);
  gtk_widget_class_install_action (widget_class, "block.remove", NULL, command_action);
  gtk_widget_class_install_action (widget_class, "block.move-up", NULL, command_action);
  gtk_widget_class_install_action (widget_class, "block.move-down", NULL, command_action);
  gtk_widget_class_install_action (widget_class, "block.add-below", NULL, command_action);
  gtk_widget_class_install_action (widget_class, "block.keep-mine", NULL, command_action);
  gtk_widget_class_install_action (widget_class, "block.use-new", NULL, command_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "manualblock");
}

static void
sonae_manual_block_init (SonaeManualBlock *self)
{
  sonae_autosave_init (&self->autosave, SONAE_MANUAL_SAVE_DELAY, autosave_cb, self);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected",
                            G_CALLBACK (role_selected_cb), self);
}
