/* sonae-roles-dialog.c: one group per role of the manual, with its primary
 * holder and deputies in call order. Holders are added with a searchable
 * contact chooser (the staff and vendors, or a new person typed in there),
 * removed (with Undo), and moved up or down; each change is one call to the
 * store, and the dialog rebuilds itself when the store reports it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-contact-chooser.h"
#include "sonae-contact-util.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-help.h"
#include "sonae-role.h"
#include "sonae-roles-dialog.h"

struct _SonaeRolesDialog
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwPreferencesPage *page;

  /* owned */
  SonaeStore *store;
  GListStore *contacts;     /* of SonaeContact, for the choosers */
  GPtrArray *groups;        /* of AdwPreferencesGroup, borrowed from page */
  char *focus_role;
  guint rebuild_source;
  gulong changed_handler;
};

G_DEFINE_FINAL_TYPE (SonaeRolesDialog, sonae_roles_dialog, ADW_TYPE_PREFERENCES_WINDOW)

#define ROLE_KEY "sonae-role-key"

/* --- changing holders ------------------------------------------------------- */

static GArray *
holder_ids (SonaeRolesDialog *self,
            const char       *role_key,
            GError          **error)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (self->store, role_key, error);
  GArray *ids;

  if (holders == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < holders->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (holders, i);
      g_array_append_val (ids, c->id);
    }
  return ids;
}

/* --- removing, with Undo --------------------------------------------------- */

typedef struct {
  SonaeStore *store;
  char *role_key;
  gint64 contact_id;
  guint position;     /* in the call order, as listed */
} RemovedHolder;

static void
removed_holder_free (gpointer  data,
                     GClosure *closure)
{
  RemovedHolder *removed = data;

  g_object_unref (removed->store);
  g_free (removed->role_key);
  g_free (removed);
}

static void
undo_remove_cb (AdwToast      *toast,
                RemovedHolder *removed)
{
  g_autoptr(GError) error = NULL;

  if (!sonae_contacts_insert_role_holder (removed->store, removed->role_key, removed->contact_id,
                                          removed->position, &error))
    g_message ("Could not put the role holder back: %s", error->message);
}

/* Remove at once, as every change here is, and offer to put the holder back
 * in the same place: a slip of the finger must not cost the call order. */
static gboolean
remove_holder (SonaeRolesDialog *self,
               const char       *role_key,
               gint64            contact_id,
               GError          **error)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (self->store, role_key, error);
  g_autofree char *title = NULL;
  SonaeContact *holder = NULL;
  RemovedHolder *removed;
  AdwToast *toast;
  guint position;

  if (holders == NULL)
    return FALSE;
  for (position = 0; position < holders->len; position++)
    if (((SonaeContact *) g_ptr_array_index (holders, position))->id == contact_id)
      {
        holder = g_ptr_array_index (holders, position);
        break;
      }
  if (holder == NULL)
    return TRUE;
  if (!sonae_contacts_remove_role_holder (self->store, role_key, contact_id, error))
    return FALSE;

  /* Translators: a toast; a person's name, then a role */
  title = g_strdup_printf (_("“%s” removed from “%s”"), sonae_contact_get_display_name (holder),
                           sonae_role_get_name (role_key));
  removed = g_new0 (RemovedHolder, 1);
  removed->store = g_object_ref (self->store);
  removed->role_key = g_strdup (role_key);
  removed->contact_id = contact_id;
  removed->position = position;
  toast = sonae_undo_toast_new (title, G_CALLBACK (undo_remove_cb), removed, removed_holder_free);
  /* In the dialog itself: the window's own overlay is behind it. */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  return TRUE;
}

static void
change_holders (SonaeRolesDialog *self,
                const char       *action_name,
                const char       *role_key,
                gint64            contact_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean ok = FALSE;
  guint i;

  if (sonae_role_lookup (role_key) == NULL)
    return;

  if (g_str_equal (action_name, "roles.add-holder"))
    ok = sonae_contacts_add_role_holder (self->store, role_key, contact_id, &error);
  else if (g_str_equal (action_name, "roles.remove-holder"))
    ok = remove_holder (self, role_key, contact_id, &error);
  else if ((ids = holder_ids (self, role_key, &error)) != NULL)
    {
      for (i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == contact_id)
          break;
      if (i == ids->len)
        return;
      if (g_str_equal (action_name, "roles.move-up") && i > 0)
        {
          g_array_index (ids, gint64, i) = g_array_index (ids, gint64, i - 1);
          g_array_index (ids, gint64, i - 1) = contact_id;
        }
      else if (g_str_equal (action_name, "roles.move-down") && i + 1 < ids->len)
        {
          g_array_index (ids, gint64, i) = g_array_index (ids, gint64, i + 1);
          g_array_index (ids, gint64, i + 1) = contact_id;
        }
      else
        return;
      ok = sonae_contacts_set_role_holders (self->store, role_key,
                                            (const gint64 *) (gpointer) ids->data, ids->len, &error);
    }

  if (!ok)
    sonae_show_error (GTK_WIDGET (self), _("Could not change the role"), error);
}

static void
holder_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *role_key;
  gint64 contact_id;

  g_variant_get (parameter, "(&sx)", &role_key, &contact_id);
  change_holders (SONAE_ROLES_DIALOG (widget), action_name, role_key, contact_id);
}

/* --- building the groups ---------------------------------------------------- */

static void
chooser_activated_cb (SonaeContactChooser *chooser,
                      SonaeContact        *contact,
                      SonaeRolesDialog    *self)
{
  const char *role_key = g_object_get_data (G_OBJECT (chooser), ROLE_KEY);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (chooser), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  change_holders (self, "roles.add-holder", role_key, contact->id);
}

/* A person typed into the chooser: stored and given the role at once. */
static gboolean
chooser_new_contact_cb (SonaeContactChooser *chooser,
                        SonaeContact        *contact,
                        SonaeRolesDialog    *self)
{
  const char *role_key = g_object_get_data (G_OBJECT (chooser), ROLE_KEY);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (chooser), GTK_TYPE_POPOVER);
  g_autoptr(GError) error = NULL;

  if (!sonae_contacts_add_new_role_holder (self->store, role_key, contact, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not add the person"), error);
      return FALSE;
    }
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  return TRUE;
}

static void
create_chooser_popup_cb (GtkMenuButton *button,
                         gpointer       data)
{
  SonaeRolesDialog *self = data;
  const char *role_key = g_object_get_data (G_OBJECT (button), ROLE_KEY);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *chooser = sonae_contact_chooser_new (G_LIST_MODEL (self->contacts));

  g_object_set_data (G_OBJECT (chooser), ROLE_KEY, (gpointer) role_key);
  /* A role is held by someone of the clinic or of a vendor; at the first
   * start there is nobody of them yet, so they can be typed in here. */
  sonae_contact_chooser_set_hide_authorities (SONAE_CONTACT_CHOOSER (chooser), TRUE);
  sonae_contact_chooser_set_can_add_person (SONAE_CONTACT_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "contact-activated", G_CALLBACK (chooser_activated_cb), self, 0);
  g_signal_connect_object (chooser, "new-contact", G_CALLBACK (chooser_new_contact_cb), self, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), chooser);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), NULL);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
holder_button (const char *icon_name,
               const char *tooltip,
               const char *action_name,
               const char *role_key,
               gint64      contact_id,
               gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(sx)", role_key, contact_id));
  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

static GtkWidget *
holder_row (const char   *role_key,
            SonaeContact *holder,
            guint         position,
            guint         n_holders)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *number;
  g_autofree char *position_text = g_strdup_printf ("%u.", position + 1);
  g_autofree char *subtitle = NULL;
  const char *phone = sonae_contact_get_first_phone (holder);
  const char *kind = position == 0 ? _("Primary, call first") : _("Deputy");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_contact_get_display_name (holder));
  if (phone != NULL)
    subtitle = g_strdup_printf ("%s · %s", kind, phone);
  else
    subtitle = g_strdup_printf ("%s · %s", kind, _("no phone number"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  number = gtk_label_new (position_text);
  gtk_widget_add_css_class (number, "holder-number");
  gtk_widget_add_css_class (number, "title-4");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             holder_button ("go-up-symbolic", _("Call Earlier"), "roles.move-up",
                                            role_key, holder->id, position > 0));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             holder_button ("go-down-symbolic", _("Call Later"), "roles.move-down",
                                            role_key, holder->id, position + 1 < n_holders));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             holder_button ("list-remove-symbolic", _("Remove from This Role"),
                                            "roles.remove-holder", role_key, holder->id, TRUE));
  return row;
}

static void
poster_phone_selected_cb (AdwComboRow      *row,
                          GParamSpec       *pspec,
                          SonaeRolesDialog *self)
{
  const char *role_key = g_object_get_data (G_OBJECT (row), ROLE_KEY);
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (selected >= SONAE_N_POSTER_PHONES)
    return;
  if (!sonae_contacts_set_poster_phone (self->store, role_key, (SonaePosterPhone) selected, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not change the role"), error);
}

/* Which of the holders' numbers the poster on the wall shows: a private
 * mobile need not hang in a corridor. */
static GtkWidget *
poster_phone_row (SonaeRolesDialog    *self,
                  const SonaeRoleInfo *role)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  for (guint i = 0; i < SONAE_N_POSTER_PHONES; i++)
    gtk_string_list_append (choices, sonae_poster_phone_get_title ((SonaePosterPhone) i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Number on the Poster"));
  gtk_widget_set_tooltip_text (row, _("The first-response poster hangs on the wall: choose which number it shows."));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  sonae_accessible_name_choices (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), sonae_contacts_get_poster_phone (self->store, role->key));
  gtk_widget_set_name (row, "poster-phone-row");
  g_object_set_data (G_OBJECT (row), ROLE_KEY, (gpointer) role->key);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (poster_phone_selected_cb), self, 0);
  return row;
}

static GtkWidget *
role_group (SonaeRolesDialog    *self,
            const SonaeRoleInfo *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (self->store, role->key, &error);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add;

  g_object_set_data (G_OBJECT (group), ROLE_KEY, (gpointer) role->key);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sonae_role_get_name (role->key));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), sonae_role_get_description (role->key, sonae_store_get_org_kind (self->store)));

  add = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (add), "list-add-symbolic");
  gtk_widget_set_tooltip_text (add, _("Add a Holder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Holder"), -1);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  g_object_set_data (G_OBJECT (add), ROLE_KEY, (gpointer) role->key);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (add), create_chooser_popup_cb, self, NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  if (holders == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return group;
    }

  if (holders->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not assigned"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Nobody holds this role yet. Add who is called first, then a deputy."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return group;
    }

  for (guint i = 0; i < holders->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               holder_row (role->key, g_ptr_array_index (holders, i), i, holders->len));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), poster_phone_row (self, role));
  return group;
}

static void
focus_role_group (SonaeRolesDialog *self)
{
  if (self->focus_role == NULL)
    return;
  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (group), ROLE_KEY), self->focus_role) == 0)
        {
          GtkWidget *add = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group));
          gtk_window_set_focus (GTK_WINDOW (self), add);
          break;
        }
    }
}

static void
rebuild (SonaeRolesDialog *self)
{
  guint n_roles;
  const SonaeRoleInfo *roles = sonae_roles_get_for (sonae_store_is_care (self->store), &n_roles);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  sonae_contacts_load_model (self->contacts, self->store);

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; i < n_roles; i++)
    {
      GtkWidget *group = role_group (self, &roles[i]);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  SonaeRolesDialog *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeStore       *store,
                  const char       *detail,
                  SonaeRolesDialog *self)
{
  /* Before the next frame: at the idles' own priority the rebuild would wait
   * for the toast's or the popover's animation, and a removed holder would
   * linger on screen. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle_cb, self, NULL);
}

void
sonae_roles_dialog_show_role (SonaeRolesDialog *self,
                              const char       *role_key)
{
  g_return_if_fail (SONAE_IS_ROLES_DIALOG (self));

  g_free (self->focus_role);
  self->focus_role = g_strdup (role_key);
  focus_role_group (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
sonae_roles_dialog_dispose (GObject *object)
{
  SonaeRolesDialog *self = SONAE_ROLES_DIALOG (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_ROLES_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (sonae_roles_dialog_parent_class)->dispose (object);
}

static void
sonae_roles_dialog_finalize (GObject *object)
{
  SonaeRolesDialog *self = SONAE_ROLES_DIALOG (object);

  g_ptr_array_unref (self->groups);
  g_free (self->focus_role);

  G_OBJECT_CLASS (sonae_roles_dialog_parent_class)->finalize (object);
}

static void
sonae_roles_dialog_class_init (SonaeRolesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_roles_dialog_dispose;
  object_class->finalize = sonae_roles_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-roles-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeRolesDialog, page);

  gtk_widget_class_install_action (widget_class, "roles.add-holder", "(sx)", holder_action);
  gtk_widget_class_install_action (widget_class, "roles.remove-holder", "(sx)", holder_action);
  gtk_widget_class_install_action (widget_class, "roles.move-up", "(sx)", holder_action);
  gtk_widget_class_install_action (widget_class, "roles.move-down", "(sx)", holder_action);
}

static void
sonae_roles_dialog_init (SonaeRolesDialog *self)
{
  sonae_contacts_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_help_bind_f1 (GTK_WINDOW (self), "roles");
  sonae_accessible_name_preferences_search (ADW_PREFERENCES_WINDOW (self));
  self->groups = g_ptr_array_new ();
  self->contacts = g_list_store_new (SONAE_TYPE_CONTACT);
}

GtkWidget *
sonae_roles_dialog_new (GtkWindow  *parent,
                        SonaeStore *store)
{
  SonaeRolesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_ROLES_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
