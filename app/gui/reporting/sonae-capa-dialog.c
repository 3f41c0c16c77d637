/* sonae-capa-dialog.c: one action of an incident, added, edited, marked
 * done, approved or closed with a reason.
 *
 * One small dialog with a page per task; the primary button hands what was
 * typed to the store. The store checks it (dates real, not in the future
 * where that matters, 担当 given); a refusal is shown under the fields and
 * the dialog stays open with everything typed. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-capa-dialog.h"
#include "sonae-clock.h"
#include "sonae-contact-chooser.h"
#include "sonae-contact-util.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"

struct _SonaeCapaDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkButton *save_button;
  GtkLabel *intro_label;
  GtkStack *stack;
  AdwEntryRow *text_row;
  AdwActionRow *owner_row;
  GtkButton *clear_owner_button;
  GtkMenuButton *owner_button;
  GtkPopover *owner_popover;
  AdwEntryRow *due_row;
  AdwEntryRow *done_on_row;
  AdwEntryRow *done_by_row;
  AdwEntryRow *done_approved_row;
  AdwEntryRow *approved_by_row;
  AdwEntryRow *approved_on_row;
  AdwEntryRow *reason_row;
  GtkLabel *error_label;

  /* borrowed */
  GtkWidget *chooser;           /* SonaeContactChooser in owner_popover */

  /* owned */
  SonaeStore *store;
  SonaeCapa *action;
  GListStore *contacts;
  SonaeCapaDialogMode mode;
};

G_DEFINE_FINAL_TYPE (SonaeCapaDialog, sonae_capa_dialog, ADW_TYPE_WINDOW)

static void
show_owner (SonaeCapaDialog *self)
{
  const char *name = self->action->owner_id != 0 ? self->action->owner_name : NULL;

  adw_action_row_set_subtitle (self->owner_row, name != NULL ? name : _("Nobody chosen yet"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_owner_button), self->action->owner_id != 0);
}

static void
owner_activated_cb (SonaeContactChooser *chooser,
                    SonaeContact        *contact,
                    SonaeCapaDialog     *self)
{
  self->action->owner_id = contact->id;
  g_free (self->action->owner_name);
  self->action->owner_name = g_strdup (sonae_contact_get_display_name (contact));
  gtk_popover_popdown (self->owner_popover);
  show_owner (self);
}

static void
clear_owner_cb (SonaeCapaDialog *self)
{
  self->action->owner_id = 0;
  g_clear_pointer (&self->action->owner_name, g_free);
  show_owner (self);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A calendar to pick the date of @row from, for those who prefer it. */
static void
add_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), row, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_entry_row_add_suffix (row, button);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
or_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

gboolean
sonae_capa_dialog_save (SonaeCapaDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SONAE_IS_CAPA_DIALOG (self), FALSE);

  author = sonae_get_author ();
  switch (self->mode)
    {
    case SONAE_CAPA_DIALOG_EDIT:
      {
        g_autofree char *text = row_text (self->text_row);
        g_autofree char *due = row_text (self->due_row);
        g_autofree char *old_text = g_steal_pointer (&self->action->text);
        g_autofree char *old_due = g_steal_pointer (&self->action->due_on);

        self->action->text = g_strdup (text);
        self->action->due_on = *due != '\0' ? g_strdup (due) : NULL;
        if (self->action->due_on != NULL && !sonae_date_check (self->action->due_on, &error))
          ok = FALSE;
        else
          ok = sonae_capa_save (self->store, self->action, author, &error);
        if (!ok)
          {
            /* Keep the action as it was, and the typed text in the rows. */
            g_free (self->action->text);
            g_free (self->action->due_on);
            self->action->text = g_steal_pointer (&old_text);
            self->action->due_on = g_steal_pointer (&old_due);
          }
        break;
      }
    case SONAE_CAPA_DIALOG_COMPLETE:
      {
        g_autofree char *on = row_text (self->done_on_row);
        g_autofree char *by = row_text (self->done_by_row);
        g_autofree char *approved = row_text (self->done_approved_row);

        ok = sonae_capa_complete (self->store, self->action->id, on, by,
                                  or_null (approved), author, &error);
        break;
      }
    case SONAE_CAPA_DIALOG_APPROVE:
      {
        g_autofree char *by = row_text (self->approved_by_row);
        g_autofree char *on = row_text (self->approved_on_row);

        ok = sonae_capa_approve (self->store, self->action->id, or_null (on),
                                 by, author, &error);
        break;
      }
    case SONAE_CAPA_DIALOG_DROP:
      {
        g_autofree char *reason = row_text (self->reason_row);

        ok = sonae_capa_drop (self->store, self->action->id, reason, author, &error);
        break;
      }
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sonae_capa_dialog_save (SONAE_CAPA_DIALOG (widget));
}

SonaeCapaDialogMode
sonae_capa_dialog_get_mode (SonaeCapaDialog *self)
{
  g_return_val_if_fail (SONAE_IS_CAPA_DIALOG (self), SONAE_CAPA_DIALOG_EDIT);
  return self->mode;
}

/* --- GObject ------------------------------------------------------------------- */

static void
sonae_capa_dialog_dispose (GObject *object)
{
  SonaeCapaDialog *self = SONAE_CAPA_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->contacts);
  g_clear_pointer (&self->action, sonae_capa_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_CAPA_DIALOG);

  G_OBJECT_CLASS (sonae_capa_dialog_parent_class)->dispose (object);
}

static void
sonae_capa_dialog_class_init (SonaeCapaDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_capa_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-capa-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, clear_owner_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, owner_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, owner_popover);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, done_on_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, done_by_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, done_approved_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, approved_by_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, approved_on_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeCapaDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, clear_owner_cb);
  gtk_widget_class_install_action (widget_class, "action-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sonae_capa_dialog_init (SonaeCapaDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->contacts = g_list_store_new (SONAE_TYPE_CONTACT);
  self->chooser = sonae_contact_chooser_new (G_LIST_MODEL (self->contacts));
  gtk_widget_set_name (self->chooser, "owner-chooser");
  gtk_popover_set_child (self->owner_popover, self->chooser);
  g_signal_connect_object (self->chooser, "contact-activated", G_CALLBACK (owner_activated_cb), self, 0);
  add_calendar (self->due_row);
  add_calendar (self->done_on_row);
  add_calendar (self->approved_on_row);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

static SonaeCapaDialog *
dialog_new (GtkWindow          *parent,
            SonaeStore         *store,
            SonaeCapaDialogMode mode,
            SonaeCapa          *action)
{
  SonaeCapaDialog *self = g_object_new (SONAE_TYPE_CAPA_DIALOG,
                                        "transient-for", parent,
                                        NULL);
  const char *kind_title = sonae_capa_kind_get_title (action->kind);
  g_autofree char *author = sonae_get_author ();
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *intro = NULL;

  self->store = g_object_ref (store);
  self->action = action;
  self->mode = mode;

  switch (mode)
    {
    case SONAE_CAPA_DIALOG_EDIT:
      {
        sonae_contacts_load_model (self->contacts, store);
        gtk_stack_set_visible_child_name (self->stack, "edit");
        gtk_window_set_title (GTK_WINDOW (self), action->id == 0 ? _("Add Action") : _("Edit Action"));
        gtk_button_set_label (self->save_button, action->id == 0 ? _("_Add") : _("_Save"));
        gtk_editable_set_text (GTK_EDITABLE (self->text_row), action->text ? action->text : "");
        gtk_editable_set_text (GTK_EDITABLE (self->due_row), action->due_on ? action->due_on : "");
        /* Translators: %s is the kind of action, e.g. "Corrective action" */
        intro = g_strdup_printf (_("%s: what is to be done, who sees to it, and by when."), kind_title);
        show_owner (self);
        break;
      }
    case SONAE_CAPA_DIALOG_COMPLETE:
      gtk_stack_set_visible_child_name (self->stack, "complete");
      gtk_window_set_title (GTK_WINDOW (self), _("Mark Action Done"));
      gtk_button_set_label (self->save_button, _("_Mark Done"));
      gtk_editable_set_text (GTK_EDITABLE (self->done_on_row), today);
      gtk_editable_set_text (GTK_EDITABLE (self->done_by_row), author);
      /* Translators: %s is what was to be done */
      intro = g_strdup_printf (_("“%s”: when it was done and who confirmed it. The approval can also be given later."),
                               action->text);
      break;
    case SONAE_CAPA_DIALOG_APPROVE:
      gtk_stack_set_visible_child_name (self->stack, "approve");
      gtk_window_set_title (GTK_WINDOW (self), _("Approve Action"));
      gtk_button_set_label (self->save_button, _("_Approve"));
      gtk_editable_set_text (GTK_EDITABLE (self->approved_by_row), action->approved_by ? action->approved_by : "");
      gtk_editable_set_text (GTK_EDITABLE (self->approved_on_row), action->approved_on ? action->approved_on : today);
      /* Translators: %s is what was done */
      intro = g_strdup_printf (_("“%s”: who approved it (承認), and on which day. Leave the name empty to withdraw the approval."),
                               action->text);
      break;
    case SONAE_CAPA_DIALOG_DROP:
      gtk_stack_set_visible_child_name (self->stack, "drop");
      gtk_window_set_title (GTK_WINDOW (self), _("Close Without Doing"));
      gtk_button_set_label (self->save_button, _("C_lose Action"));
      /* Translators: %s is what was to be done */
      intro = g_strdup_printf (_("“%s” will be closed without being done. Write why, for the report."),
                               action->text);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (self->intro_label, intro);
  return self;
}

GtkWidget *
sonae_capa_dialog_new_add (GtkWindow    *parent,
                           SonaeStore   *store,
                           gint64        incident_id,
                           SonaeCapaKind kind)
{
  SonaeCapa *action;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < SONAE_N_CAPA_KINDS, NULL);

  action = sonae_capa_new ();
  action->incident_id = incident_id;
  action->kind = kind;
  return GTK_WIDGET (dialog_new (parent, store, SONAE_CAPA_DIALOG_EDIT, action));
}

static SonaeCapa *
action_copy (const SonaeCapa *action)
{
  SonaeCapa *copy = sonae_capa_new ();

  copy->id = action->id;
  copy->incident_id = action->incident_id;
  copy->kind = action->kind;
  copy->text = g_strdup (action->text);
  copy->owner_id = action->owner_id;
  copy->owner_name = g_strdup (action->owner_name);
  copy->due_on = g_strdup (action->due_on);
  copy->status = action->status;
  copy->confirmed_on = g_strdup (action->confirmed_on);
  copy->confirmed_by = g_strdup (action->confirmed_by);
  copy->approved_by = g_strdup (action->approved_by);
  copy->approved_on = g_strdup (action->approved_on);
  copy->reason = g_strdup (action->reason);
  copy->created_at = g_strdup (action->created_at);
  copy->updated_at = g_strdup (action->updated_at);
  return copy;
}

GtkWidget *
sonae_capa_dialog_new (GtkWindow          *parent,
                       SonaeStore         *store,
                       SonaeCapaDialogMode mode,
                       const SonaeCapa    *action)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  return GTK_WIDGET (dialog_new (parent, store, mode, action_copy (action)));
}
