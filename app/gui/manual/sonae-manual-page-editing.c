/* sonae-manual-page-editing.c: a person's changes to the manual from the
 * Manual section: the blocks' saves, roles and commands through
 * sonae-manual-changes.h, the undo toasts, and marking the manual as
 * reviewed */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-manual-page-private.h"
#include "sonae-gui-util.h"
#include "sonae-manual-changes.h"
#include "sonae-manual-edits.h"

/* --- changing the manual ---------------------------------------------------- */

static void
report_error (SonaeManualPage *self,
              GError          *error)
{
  if (error != NULL)
    sonae_show_error (GTK_WIDGET (self), _("Could not save the manual"), error);
}

typedef struct {
  SonaeManualPage *page;        /* weak */
  SonaeStore *store;
  SonaeManualUndo *undo;
} UndoToast;

static void
undo_toast_free (gpointer  data,
                 GClosure *closure)
{
  UndoToast *toast = data;

  g_clear_weak_pointer (&toast->page);
  g_object_unref (toast->store);
  sonae_manual_undo_free (toast->undo);
  g_free (toast);
}

static void
undo_clicked_cb (AdwToast  *toast,
                 UndoToast *data)
{
  g_autoptr(GError) error = NULL;

  if (!sonae_manual_undo_apply (data->undo, data->store, &error) && data->page != NULL)
    sonae_show_error (GTK_WIDGET (data->page), _("Could not undo the change to the manual"), error);
}

static void
show_undo_toast (SonaeManualPage *self,
                 const char      *title,
                 SonaeManualUndo *undo)
{
  AdwToast *toast = adw_toast_new (title);
  UndoToast *data = g_new0 (UndoToast, 1);

  g_set_weak_pointer (&data->page, self);
  data->store = g_object_ref (self->store);
  data->undo = undo;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), data, undo_toast_free, 0);
  sonae_show_toast (GTK_WIDGET (self), toast);
}

static char *
item_label (const SonaeManualViewItem *item)
{
  return sonae_manual_page_snippet (item->title ? item->title : item->text);
}

/* Show a new step and put the cursor in it. */
static void
focus_new_step (SonaeManualPage *self,
                char            *new_id)
{
  g_free (self->focus_item);
  self->focus_item = new_id;
  g_free (self->scroll_item);
  self->scroll_item = g_strdup (new_id);
  sonae_manual_page_reload (self);
}

static void
block_command_cb (SonaeManualBlock *block,
                  const char       *name,
                  SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sonae_manual_block_get_item_id (block));
  g_autofree char *toast = NULL;
  const char *author = sonae_manual_page_get_author (self);
  SonaeManualUndo *undo = NULL;
  char *new_id = NULL;
  const SonaeManualViewItem *item;
  gboolean ok = TRUE;

  sonae_manual_page_ensure_view (self);
  item = self->view ? sonae_manual_view_lookup (self->view, id) : NULL;
  if (item == NULL)
    return;

  /* The blocks are rebuilt by what follows: keep nothing of @block. */
  if (g_str_equal (name, "reset"))
    {
      ok = sonae_manual_changes_reset (self->store, item, author, &undo, &error);
      toast = g_strdup (_("Back to the bundled text"));
    }
  else if (g_str_equal (name, "remove"))
    {
      g_autofree char *label = item_label (item);

      ok = sonae_manual_changes_remove (self->store, item, author, &undo, &error);
      /* Translators: a toast; %s is the start of the text that was removed */
      toast = g_strdup_printf (_("“%s” removed"), label);
    }
  else if (g_str_equal (name, "move-up") || g_str_equal (name, "move-down"))
    ok = sonae_manual_changes_move (self->store, self->view, item, g_str_equal (name, "move-up") ? -1 : 1,
                                    author, &error);
  else if (g_str_equal (name, "add-below"))
    ok = sonae_manual_changes_add_below (self->store, self->view, item, author, &new_id, &error);
  else if (g_str_equal (name, "keep-mine") || g_str_equal (name, "use-new"))
    ok = sonae_manual_changes_settle_review (self->store, item, g_str_equal (name, "keep-mine"), author, &error);
  else
    g_return_if_reached ();

  if (!ok)
    {
      report_error (self, error);
      return;
    }
  if (new_id != NULL)
    focus_new_step (self, new_id);
  else
    sonae_manual_page_reload (self);
  if (undo != NULL)
    show_undo_toast (self, toast, undo);
}

static void
block_save_cb (SonaeManualBlock *block,
               gboolean          title,
               const char       *text,
               SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->view == NULL)
    return;
  self->saving = TRUE;
  ok = sonae_manual_changes_set_text (self->store, self->view, sonae_manual_block_get_item_id (block), title, text,
                                      sonae_manual_page_get_author (self), &error);
  self->saving = FALSE;
  if (!ok)
    {
      report_error (self, error);
      return;
    }
  sonae_manual_block_set_edited (block, TRUE);
}

static void
block_role_cb (SonaeManualBlock *block,
               const char       *role_key,
               SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sonae_manual_block_get_item_id (block));
  const SonaeManualViewItem *item;

  sonae_manual_page_ensure_view (self);
  item = self->view ? sonae_manual_view_lookup (self->view, id) : NULL;
  if (item == NULL)
    return;
  if (!sonae_manual_changes_set_role (self->store, item, role_key, sonae_manual_page_get_author (self), &error))
    {
      report_error (self, error);
      return;
    }
  /* The chips now name another role: rebuild, after the drop-down closed. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, sonae_manual_page_reload_idle_cb, self, NULL);
}

/* --- review ----------------------------------------------------------------------- */

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "review"))
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (!sonae_manual_edits_mark_reviewed (self->store, NULL, name, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save the review"), error);
      return;
    }
  sonae_manual_page_reload (self);
  sonae_show_message (GTK_WIDGET (self), _("Review recorded"));
}

static void
review_name_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "review", *name != '\0');
}

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  sonae_manual_page_flush_blocks (self);
  dialog = adw_message_dialog_new (sonae_manual_page_parent_window (self), _("Mark the Manual as Reviewed?"),
                                   _("Record that the manual was read today and still fits the organisation: "
                                     "its people, numbers and steps."));
  gtk_widget_set_name (dialog, "review-dialog");
  gtk_widget_set_name (entry, "reviewer-entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reviewed by"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), sonae_manual_page_get_author (self));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "review", _("_Mark as Reviewed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "review", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (review_name_changed_cb), dialog);
  review_name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (review_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_at_end_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  char *new_id = NULL;

  sonae_manual_page_flush_blocks (self);
  sonae_manual_page_ensure_view (self);
  if (self->view == NULL)
    return;
  if (!sonae_manual_changes_add_at_end (self->store, self->view, g_variant_get_string (parameter, NULL),
                                        sonae_manual_page_get_author (self), &new_id, &error))
    {
      report_error (self, error);
      return;
    }
  focus_new_step (self, new_id);
}

void
sonae_manual_page_connect_block (SonaeManualPage  *self,
                                 SonaeManualBlock *block)
{
  g_signal_connect (block, "save", G_CALLBACK (block_save_cb), self);
  g_signal_connect (block, "role-changed", G_CALLBACK (block_role_cb), self);
  g_signal_connect (block, "command", G_CALLBACK (block_command_cb), self);
}

void
sonae_manual_page_class_init_editing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "manual.mark-reviewed", NULL, mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "manual.add-at-end", "s", add_at_end_action);
}
