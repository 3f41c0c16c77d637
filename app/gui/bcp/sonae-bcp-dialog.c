/* sonae-bcp-dialog.c: the small pieces the BCP worksheets share.
 *
 * The dialogs are built in code: a header bar with Cancel and the primary
 * button, a clamped column of groups, and a line for the store's refusal,
 * shown under the fields while everything typed stays where it is. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sonae-bcp-dialog.h"
#include "sonae-clock.h"
#include "sonae-contact-chooser.h"
#include "sonae-contact-util.h"
#include "sonae-contact.h"
#include "sonae-contacts.h"

typedef struct
{
  GtkBox *box;
  GtkLabel *error_label;
  SonaeBcpDialogSaveFunc save_func;
  gpointer data;
  GDestroyNotify destroy;
} DialogData;

static void
dialog_data_free (gpointer p)
{
  DialogData *d = p;

  if (d->destroy != NULL)
    d->destroy (d->data);
  g_free (d);
}

gboolean
sonae_bcp_dialog_save (GtkWindow *dialog)
{
  DialogData *d = g_object_get_data (G_OBJECT (dialog), "sonae-bcp-dialog");
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (d != NULL, FALSE);

  if (!d->save_func (dialog, d->data, &error))
    {
      gtk_label_set_text (d->error_label, error != NULL ? error->message : _("Could not save."));
      gtk_widget_set_visible (GTK_WIDGET (d->error_label), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (d->error_label), FALSE);
  gtk_window_close (dialog);
  return TRUE;
}

static void
save_clicked_cb (GtkButton *button,
                 GtkWindow *dialog)
{
  sonae_bcp_dialog_save (dialog);
}

GtkWindow *
sonae_bcp_dialog_new (GtkWidget              *parent,
                      const char             *name,
                      const char             *title,
                      const char             *save_label,
                      SonaeBcpDialogSaveFunc  save_func,
                      gpointer                data,
                      GDestroyNotify          destroy)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (save_label);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  DialogData *d = g_new0 (DialogData, 1);
  GtkEventController *keys;

  gtk_widget_set_name (window, name);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 600);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_set_name (save, "save-button");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (save_clicked_cb), window);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_name (error_label, "error-label");
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), error_label);

  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (window), content);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);

  d->box = GTK_BOX (box);
  d->error_label = GTK_LABEL (error_label);
  d->save_func = save_func;
  d->data = data;
  d->destroy = destroy;
  g_object_set_data_full (G_OBJECT (window), "sonae-bcp-dialog", d, dialog_data_free);
  return GTK_WINDOW (window);
}

GtkBox *
sonae_bcp_dialog_get_box (GtkWindow *dialog)
{
  DialogData *d = g_object_get_data (G_OBJECT (dialog), "sonae-bcp-dialog");

  g_return_val_if_fail (d != NULL, NULL);
  return d->box;
}

/* --- the owner row ----------------------------------------------------------- */

typedef struct
{
  GtkWidget *row;
  GtkWidget *clear_button;
  GtkPopover *popover;
  SonaeStore *store;
  gint64 id;
  char *name;
  GCallback changed;
  gpointer data;
} OwnerRow;

static void
owner_row_free (gpointer p)
{
  OwnerRow *o = p;

  g_clear_object (&o->store);
  g_free (o->name);
  g_free (o);
}

static void
owner_row_show (OwnerRow *o)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (o->row),
                               o->id != 0 && o->name != NULL ? o->name : _("Nobody chosen yet"));
  gtk_widget_set_visible (o->clear_button, o->id != 0);
}

static void
owner_row_notify (OwnerRow *o)
{
  if (o->changed != NULL)
    ((void (*) (gpointer)) o->changed) (o->data);
}

static void
owner_activated_cb (SonaeContactChooser *chooser,
                    SonaeContact        *contact,
                    OwnerRow            *o)
{
  o->id = contact->id;
  g_free (o->name);
  o->name = g_strdup (sonae_contact_get_display_name (contact));
  gtk_popover_popdown (o->popover);
  owner_row_show (o);
  owner_row_notify (o);
}

static void
owner_clear_cb (GtkButton *button,
                OwnerRow  *o)
{
  o->id = 0;
  g_clear_pointer (&o->name, g_free);
  owner_row_show (o);
  owner_row_notify (o);
}

/* The roster is read, and the chooser made, when the list is first opened:
 * a worksheet with thirty owner rows on a roster of thousands opens at
 * once. */
static void
owner_create_popup_cb (GtkMenuButton *button,
                       gpointer       data)
{
  OwnerRow *o = data;
  g_autoptr(GListStore) contacts = NULL;
  GtkWidget *chooser;

  if (gtk_popover_get_child (o->popover) != NULL)
    return;
  contacts = g_list_store_new (SONAE_TYPE_CONTACT);
  sonae_contacts_load_model (contacts, o->store);
  chooser = sonae_contact_chooser_new (G_LIST_MODEL (contacts));
  gtk_widget_set_name (chooser, "owner-chooser");
  gtk_popover_set_child (o->popover, chooser);
  g_signal_connect (chooser, "contact-activated", G_CALLBACK (owner_activated_cb), o);
}

GtkWidget *
sonae_bcp_owner_row_new (SonaeStore *store,
                         const char *title,
                         GCallback   changed,
                         gpointer    data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  /* Beside the dialog's Cancel, and in a row of each item of the
   * self-check: no mnemonic. */
  GtkWidget *label = gtk_label_new (_("Choose…"));
  OwnerRow *o = g_new0 (OwnerRow, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_tooltip_text (clear, _("Nobody"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Nobody"), -1);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_name (clear, "clear-owner-button");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);

  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "owner-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  o->row = row;
  o->clear_button = clear;
  o->popover = GTK_POPOVER (popover);
  o->store = g_object_ref (store);
  o->changed = changed;
  o->data = data;
  g_object_set_data_full (G_OBJECT (row), "sonae-bcp-owner", o, owner_row_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), owner_create_popup_cb, o, NULL);
  g_signal_connect (clear, "clicked", G_CALLBACK (owner_clear_cb), o);
  owner_row_show (o);
  return row;
}

void
sonae_bcp_owner_row_set (GtkWidget  *row,
                         gint64      id,
                         const char *name)
{
  OwnerRow *o = g_object_get_data (G_OBJECT (row), "sonae-bcp-owner");

  g_return_if_fail (o != NULL);
  o->id = id;
  g_free (o->name);
  o->name = g_strdup (name);
  owner_row_show (o);
}

gint64
sonae_bcp_owner_row_get_id (GtkWidget *row)
{
  OwnerRow *o = g_object_get_data (G_OBJECT (row), "sonae-bcp-owner");

  g_return_val_if_fail (o != NULL, 0);
  return o->id;
}

/* --- dates and text ---------------------------------------------------------- */

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

void
sonae_bcp_add_calendar (AdwEntryRow *row)
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

char *
sonae_bcp_editable_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
sonae_bcp_date_is_past (const char *date)
{
  g_autofree char *today = NULL;

  if (date == NULL || !sonae_date_is_valid (date))
    return FALSE;
  today = sonae_clock_today ();
  return strcmp (date, today) < 0;
}

/* --- the pieces of the worksheets -------------------------------------------- */

GtkWidget *
sonae_bcp_clamp_new (GtkWidget *box)
{
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  return clamp;
}

void
sonae_bcp_rows_clear (AdwPreferencesGroup *group,
                      GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

void
sonae_bcp_rows_add (AdwPreferencesGroup *group,
                    GPtrArray           *rows,
                    GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

GtkWidget *
sonae_bcp_empty_row_new (const char *name,
                         const char *title,
                         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

GtkWidget *
sonae_bcp_entry_row_new (const char *title,
                         const char *name,
                         const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

GtkWidget *
sonae_bcp_header_button_new (const char *label,
                             const char *name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

GtkWidget *
sonae_bcp_pill_new (const char *text,
                    const char *kind)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "bcp-pill");
  gtk_widget_add_css_class (label, kind);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

void
sonae_bcp_row_add_date (AdwActionRow *row,
                        const char   *name,
                        const char   *text,
                        gboolean      overdue,
                        const char   *overdue_tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, name);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_name (icon, "overdue-icon");
      gtk_widget_set_tooltip_text (icon, overdue_tooltip);
      gtk_widget_add_css_class (icon, "bcp-overdue");
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, icon);
      gtk_widget_add_css_class (label, "bcp-overdue");
    }
  else
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (row, label);
}

GtkWidget *
sonae_bcp_delete_button_new (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}
