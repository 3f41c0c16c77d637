/* sonae-import-dialog.c: what an import will do — the format that was read,
 * how many contacts will be added, merged and skipped, each entry with its
 * action, the group for new contacts — and nothing is written until
 * "Import" is pressed; then everything is written in one transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-contact-util.h"
#include "sonae-gui-util.h"
#include "sonae-help.h"
#include "sonae-import-dialog.h"

/* One entry of the preview list. */
#define SONAE_TYPE_IMPORT_ITEM (sonae_import_item_get_type ())
G_DECLARE_FINAL_TYPE (SonaeImportItem, sonae_import_item, SONAE, IMPORT_ITEM, GObject)

struct _SonaeImportItem
{
  GObject parent_instance;
  SonaeContact *contact;
  SonaeImportAction action;
};

G_DEFINE_FINAL_TYPE (SonaeImportItem, sonae_import_item, G_TYPE_OBJECT)

static void
sonae_import_item_finalize (GObject *object)
{
  g_clear_object (&SONAE_IMPORT_ITEM (object)->contact);
  G_OBJECT_CLASS (sonae_import_item_parent_class)->finalize (object);
}

static void
sonae_import_item_class_init (SonaeImportItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sonae_import_item_finalize;
}

static void
sonae_import_item_init (SonaeImportItem *self)
{
}

struct _SonaeImportDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  AdwActionRow *format_row;
  GtkLabel *added_label;
  GtkLabel *merged_label;
  GtkLabel *skipped_label;
  AdwExpanderRow *left_out_row;
  GtkLabel *left_out_label;
  AdwComboRow *group_row;
  GtkListView *list_view;

  /* owned */
  SonaeStore *store;
  SonaeImport *import;
  GListStore *items;       /* of SonaeImportItem */
  GtkWindow *parent;       /* weak */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (SonaeImportDialog, sonae_import_dialog, ADW_TYPE_WINDOW)

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  gtk_label_set_label (label, text);
}

static void
show_plan (SonaeImportDialog *self)
{
  GPtrArray *entries = sonae_import_get_entries (self->import);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_added = sonae_import_count (self->import, SONAE_IMPORT_ADD);
  guint n_merged = sonae_import_count (self->import, SONAE_IMPORT_MERGE);

  set_count (self->added_label, n_added);
  set_count (self->merged_label, n_merged);
  set_count (self->skipped_label, sonae_import_count (self->import, SONAE_IMPORT_SKIP));
  adw_action_row_set_subtitle (self->format_row, sonae_import_get_format (self->import));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n_added + n_merged > 0);

  for (guint i = 0; entries && i < entries->len; i++)
    {
      SonaeImportEntry *entry = g_ptr_array_index (entries, i);
      SonaeImportItem *item = g_object_new (SONAE_TYPE_IMPORT_ITEM, NULL);

      item->contact = g_object_ref (entry->contact);
      item->action = entry->action;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
}

/* More rows than this would only be scrolled past: the rest are counted. */
#define MAX_LEFT_OUT_ROWS 50

/* The entries the file holds that are not imported, each with its line
 * and the reason, so that nobody wonders where a contact went. */
static void
show_left_out (SonaeImportDialog *self)
{
  GPtrArray *left_out = sonae_import_get_left_out (self->import);
  guint n = left_out ? left_out->len : 0;

  set_count (self->left_out_label, n);
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_row), n > 0);
  for (guint i = 0; i < n && i < MAX_LEFT_OUT_ROWS; i++)
    {
      SonaeImportLeftOut *entry = g_ptr_array_index (left_out, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Line %u"), entry->line);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->reason);
      adw_expander_row_add_row (self->left_out_row, row);
    }
  if (n > MAX_LEFT_OUT_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more entry",
                                                             "And %u more entries", n - MAX_LEFT_OUT_ROWS),
                                                n - MAX_LEFT_OUT_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_add_row (self->left_out_row, row);
    }
}

static void
group_changed_cb (SonaeImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint group = adw_combo_row_get_selected (self->group_row);

  if (self->loading || self->import == NULL || group >= SONAE_N_GROUPS)
    return;
  sonae_import_set_group (self->import, (SonaeGroup) group);
  if (!sonae_import_plan (self->import, self->store, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not compare the file with the contacts"), error);
      return;
    }
  show_plan (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SonaeImportDialog *self = SONAE_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *toast_target;

  if (!sonae_import_apply (self->import, self->store, &error))
    {
      sonae_show_error (widget, _("The contacts were not imported"), error);
      return;
    }

  /* Translators: a toast after an import; the numbers of contacts */
  message = g_strdup_printf (_("%u added, %u merged, %u skipped"),
                             sonae_import_count (self->import, SONAE_IMPORT_ADD),
                             sonae_import_count (self->import, SONAE_IMPORT_MERGE),
                             sonae_import_count (self->import, SONAE_IMPORT_SKIP));
  toast_target = self->parent ? GTK_WIDGET (self->parent) : widget;
  sonae_show_message (toast_target, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* --- rows ----------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *action = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), detail);

  gtk_widget_set_valign (action, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (action, "action-pill");

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), action);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  SonaeImportItem *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkWidget *action = gtk_widget_get_next_sibling (text);
  SonaeContact *c = entry->contact;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *phone = sonae_contact_get_first_phone (c);
  const char *email = sonae_contact_get_first_email (c);

  if (c->reading && *c->reading)
    g_string_append (details, c->reading);
  if (c->organization && *c->organization)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", c->organization);
  if (phone)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", phone);
  if (email)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", email);

  gtk_label_set_label (GTK_LABEL (name), sonae_contact_get_display_name (c));
  gtk_label_set_label (GTK_LABEL (detail), details->str);
  gtk_widget_set_visible (detail, details->len > 0);
  /* Who, and what the import does with them. */
  sonae_accessible_name_list_item (item, name, action, NULL);

  gtk_widget_remove_css_class (action, "add");
  gtk_widget_remove_css_class (action, "merge");
  switch (entry->action)
    {
    case SONAE_IMPORT_ADD:
      gtk_label_set_label (GTK_LABEL (action), C_("import action", "New"));
      gtk_widget_add_css_class (action, "add");
      break;
    case SONAE_IMPORT_MERGE:
      gtk_label_set_label (GTK_LABEL (action), C_("import action", "Merge"));
      gtk_widget_add_css_class (action, "merge");
      break;
    case SONAE_IMPORT_SKIP:
    default:
      gtk_label_set_label (GTK_LABEL (action), C_("import action", "Skip"));
      break;
    }
}

/* --- GObject -------------------------------------------------------------- */

static void
sonae_import_dialog_dispose (GObject *object)
{
  SonaeImportDialog *self = SONAE_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->import, sonae_import_free);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (sonae_import_dialog_parent_class)->dispose (object);
}

static void
sonae_import_dialog_class_init (SonaeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, added_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, merged_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, left_out_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, left_out_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeImportDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
sonae_import_dialog_init (SonaeImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection;

  sonae_contacts_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_help_bind_f1 (GTK_WINDOW (self), "import");
  sonae_accessible_name_rows (gtk_widget_get_parent (GTK_WIDGET (self->format_row)));
  sonae_accessible_name_choices (GTK_WIDGET (self->group_row));

  self->items = g_list_store_new (SONAE_TYPE_IMPORT_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items))));
  gtk_list_view_set_model (self->list_view, selection);
  g_object_unref (selection);

}

GtkWidget *
sonae_import_dialog_new (GtkWindow    *parent,
                         SonaeStore   *store,
                         SonaeImport  *import,
                         const char   *file_name,
                         GError      **error)
{
  g_autoptr(SonaeImport) owned = import;
  SonaeImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  if (!sonae_import_plan (import, store, error))
    return NULL;

  self = g_object_new (SONAE_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->import = g_steal_pointer (&owned);
  {
    g_autoptr(GtkStringList) groups = sonae_group_string_list (sonae_store_get_org_kind (store));

    self->loading = TRUE;
    adw_combo_row_set_model (self->group_row, G_LIST_MODEL (groups));
    self->loading = FALSE;
  }
  g_set_weak_pointer (&self->parent, parent);
  adw_window_title_set_subtitle (self->window_title, file_name);

  show_plan (self);
  show_left_out (self);
  return GTK_WIDGET (self);
}
