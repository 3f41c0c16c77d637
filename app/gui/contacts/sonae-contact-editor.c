/* sonae-contact-editor.c: the detail pane of the contacts section.
 *
 * The editor works on its own copy of a contact. Each edit marks it dirty and
 * (re)starts a short timer; when the timer fires, or when the page asks for a
 * flush (another contact selected, page left, window closed), the copy is
 * read back from the widgets and written with sonae_contacts_save().
 * Roles are written at once through the store's role functions. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-clock.h"
#include "sonae-contact-editor.h"
#include "sonae-contact-util.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-role.h"

struct _SonaeContactEditor
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwPreferencesPage *page;
  AdwAvatar *avatar;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkWidget *check_banner;
  GtkLabel *name_hint;
  AdwEntryRow *name_row;
  AdwEntryRow *reading_row;
  AdwEntryRow *organization_row;
  AdwEntryRow *department_row;
  AdwEntryRow *title_row;
  AdwComboRow *group_row;
  AdwPreferencesGroup *vendor_group;
  AdwEntryRow *system_row;
  AdwEntryRow *contract_row;
  AdwEntryRow *hours_row;
  AdwPreferencesGroup *phones_group;
  AdwPreferencesGroup *emails_group;
  AdwPreferencesGroup *roles_group;
  AdwEntryRow *address_row;
  AdwEntryRow *url_row;
  GtkTextView *notes_view;
  AdwActionRow *verified_row;

  /* owned */
  SonaeStore *store;
  SonaeContact *contact;
  GPtrArray *phone_rows;   /* of AdwEntryRow, borrowed from phones_group */
  GPtrArray *email_rows;   /* of AdwEntryRow, borrowed from emails_group */
  GPtrArray *role_switches; /* of GtkSwitch, in sonae_roles_get_builtin() order */
  SonaeAutosave autosave;
  gboolean dirty;
  gboolean loading;
  SonaeOrgKind wording_kind;     /* of the group titles and role tooltips shown */
  gboolean saving;
  gboolean labelling;     /* a phone's label is being set to follow its number */
  gboolean name_asked;    /* the name was cleared, or saving failed for want of one */
};

G_DEFINE_FINAL_TYPE (SonaeContactEditor, sonae_contact_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define LABEL_KEYS_KEY "sonae-label-keys"
#define DROPDOWN_KEY "sonae-label-dropdown"
/* On a phone row whose label nobody chose: the label it shows until a
 * number tells more (a static string), or NULL when the label is chosen. */
#define LABEL_DEFAULT_KEY "sonae-label-default"

/* --- reading and writing the widgets ------------------------------------ */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (row_text (row), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
notes_text (SonaeContactEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
labeled_row_label (AdwEntryRow *row)
{
  GStrv keys = g_object_get_data (G_OBJECT (row), LABEL_KEYS_KEY);
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), DROPDOWN_KEY);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (keys))
    return NULL;
  return keys[selected];
}

static void
read_labeled (GPtrArray *rows,
              GPtrArray *values)
{
  g_ptr_array_set_size (values, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (rows, i);
      g_autofree char *value = g_strstrip (g_strdup (row_text (row)));

      if (*value != '\0')
        g_ptr_array_add (values, sonae_labeled_new (labeled_row_label (row), value));
    }
}

static void
read_widgets (SonaeContactEditor *self)
{
  SonaeContact *c = self->contact;
  g_autofree char *notes = notes_text (self);
  guint group = adw_combo_row_get_selected (self->group_row);

  sonae_contact_set_string (&c->name, row_text (self->name_row));
  sonae_contact_set_string (&c->reading, row_text (self->reading_row));
  sonae_contact_set_string (&c->organization, row_text (self->organization_row));
  sonae_contact_set_string (&c->department, row_text (self->department_row));
  sonae_contact_set_string (&c->title, row_text (self->title_row));
  sonae_contact_set_string (&c->system, row_text (self->system_row));
  sonae_contact_set_string (&c->contract, row_text (self->contract_row));
  sonae_contact_set_string (&c->hours, row_text (self->hours_row));
  sonae_contact_set_string (&c->address, row_text (self->address_row));
  sonae_contact_set_string (&c->url, row_text (self->url_row));
  sonae_contact_set_string (&c->notes, notes);
  if (group < SONAE_N_GROUPS)
    c->group = (SonaeGroup) group;
  read_labeled (self->phone_rows, c->phones);
  read_labeled (self->email_rows, c->emails);
}

static gboolean
name_is_empty (SonaeContactEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));

  return *name == '\0';
}

/* A missing name is pointed out once it matters (the name was typed and
 * cleared, or what was typed could not be saved without one), never on a
 * contact just opened. The sentence keeps its place when hidden, so that
 * nothing below it moves while typing. */
static void
update_name_state (SonaeContactEditor *self)
{
  gboolean shown = self->name_asked && name_is_empty (self);

  gtk_widget_set_opacity (GTK_WIDGET (self->name_hint), shown ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_hint),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !shown,
                               -1);
  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
update_header (SonaeContactEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  const char *organization = row_text (self->organization_row);
  const char *shown = *name ? name : (*organization ? organization : _("New Contact"));

  gtk_label_set_label (self->title_label, shown);
  adw_avatar_set_text (self->avatar, *name ? name : organization);
  /* An empty subtitle keeps its line: typing the organisation moves
   * nothing. */
  gtk_label_set_label (self->subtitle_label,
                       g_strcmp0 (organization, name) != 0 ? organization : "");
}

static void
update_verified (SonaeContactEditor *self)
{
  SonaeContact *c = self->contact;
  g_autofree char *attention = NULL;
  g_autofree char *subtitle = NULL;
  int days;

  gtk_widget_set_visible (self->check_banner, c->needs_check);

  days = sonae_clock_days_since (c->verified_on);
  if (days < 0)
    subtitle = g_strdup (_("Never"));
  else if (days == 0)
    subtitle = g_strdup_printf (_("%s (today)"), c->verified_on);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s (%d day ago)",
                                             "%s (%d days ago)", days),
                                c->verified_on, days);
  adw_action_row_set_subtitle (self->verified_row, subtitle);

  attention = sonae_contact_attention_text (c);
  if (attention != NULL && !c->needs_check)
    gtk_widget_add_css_class (GTK_WIDGET (self->verified_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->verified_row), "warning");
}

static void
update_roles (SonaeContactEditor *self)
{
  guint n_roles;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  gboolean was_loading = self->loading;
  guint n_roles_here = n_roles;

  /* A business has no role only healthcare providers have. */
  if (self->store != NULL)
    sonae_roles_get_for (sonae_store_is_care (self->store), &n_roles_here);
  self->loading = TRUE;
  for (guint i = 0; i < n_roles && i < self->role_switches->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->role_switches, i), ADW_TYPE_ACTION_ROW);
      gboolean held = FALSE;

      if (row != NULL)
        gtk_widget_set_visible (row, i < n_roles_here);

      for (guint j = 0; j < self->contact->roles->len; j++)
        if (g_strcmp0 (g_ptr_array_index (self->contact->roles, j), roles[i].key) == 0)
          held = TRUE;
      gtk_switch_set_active (g_ptr_array_index (self->role_switches, i), held);
    }
  self->loading = was_loading;

  /* Said in a tooltip rather than a description that would vanish, and
   * move what is below, the moment the new contact is stored. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->roles_group), self->contact->id != 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->roles_group),
                               self->contact->id != 0 ? NULL :
                               _("Roles can be given once the contact has a name."));
}

/* --- phone and e-mail rows ------------------------------------------------ */

static void schedule_save (SonaeContactEditor *self);

static void
field_changed_cb (SonaeContactEditor *self)
{
  if (self->loading || self->contact == NULL)
    return;
  self->dirty = TRUE;
  update_header (self);
  update_name_state (self);
  schedule_save (self);
}

static void
name_changed_cb (SonaeContactEditor *self)
{
  /* Typed and cleared: now it is worth saying that a name is needed. */
  if (!self->loading && self->contact != NULL && name_is_empty (self))
    self->name_asked = TRUE;
  field_changed_cb (self);
}

/* An office without a number is a blank line on paper: say so where the
 * number goes (not for the bodies reached online). */
static void
update_phones_hint (SonaeContactEditor *self)
{
  gboolean ask = adw_combo_row_get_selected (self->group_row) == SONAE_GROUP_AUTHORITY &&
                 self->phone_rows->len == 0 &&
                 (self->contact == NULL || sonae_contacts_asks_phone (self->contact));

  adw_preferences_group_set_description (self->phones_group,
                                         ask ? _("No number yet: look this office up and enter its number, so that the printed lists carry it when the network is down.")
                                             : NULL);
}

/* A vendor's support line and an office answer at certain hours; a
 * person's numbers need none. */
static void
show_group_fields (SonaeContactEditor *self,
                   guint               group)
{
  gtk_widget_set_visible (GTK_WIDGET (self->vendor_group), group == SONAE_GROUP_VENDOR);
  gtk_widget_set_visible (GTK_WIDGET (self->hours_row),
                          group == SONAE_GROUP_VENDOR || group == SONAE_GROUP_AUTHORITY ||
                          *row_text (self->hours_row) != '\0');
  update_phones_hint (self);
}

static void
group_changed_cb (SonaeContactEditor *self)
{
  show_group_fields (self, adw_combo_row_get_selected (self->group_row));
  field_changed_cb (self);
}

static void
remove_labeled_clicked_cb (GtkButton          *button,
                           SonaeContactEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  GPtrArray *rows;
  AdwPreferencesGroup *group;

  if (row == NULL)
    return;
  if (g_ptr_array_find (self->phone_rows, row, NULL))
    rows = self->phone_rows, group = self->phones_group;
  else
    rows = self->email_rows, group = self->emails_group;

  g_ptr_array_remove (rows, row);
  adw_preferences_group_remove (group, row);
  update_phones_hint (self);
  field_changed_cb (self);
}

static void
select_label (AdwEntryRow *row,
              const char  *key)
{
  GStrv keys = g_object_get_data (G_OBJECT (row), LABEL_KEYS_KEY);
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), DROPDOWN_KEY);

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

/* A number typed into a row whose label nobody chose takes the label it
 * calls for: a mobile number is not the office line. */
static void
phone_changed_cb (AdwEntryRow        *row,
                  SonaeContactEditor *self)
{
  const char *fallback = g_object_get_data (G_OBJECT (row), LABEL_DEFAULT_KEY);

  if (fallback != NULL && !self->loading)
    {
      const char *label = sonae_phone_label_for_number (row_text (row));

      self->labelling = TRUE;
      select_label (row, label != NULL ? label : fallback);
      self->labelling = FALSE;
    }
  field_changed_cb (self);
}

static void
label_selected_cb (GtkDropDown        *dropdown,
                   GParamSpec         *pspec,
                   SonaeContactEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), ADW_TYPE_ENTRY_ROW);

  /* Chosen by hand: it stays, whatever number is typed next. */
  if (!self->labelling && !self->loading && row != NULL)
    g_object_set_data (G_OBJECT (row), LABEL_DEFAULT_KEY, NULL);
  field_changed_cb (self);
}

static AdwEntryRow *
add_labeled_row (SonaeContactEditor *self,
                 gboolean            phone,
                 const char         *label,
                 const char         *value)
{
  const char *const *builtin = phone ? sonae_phone_label_keys () : sonae_email_label_keys ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GStrv keys;
  GtkWidget *row, *dropdown, *remove;
  guint selected = 0;

  g_strv_builder_addv (builder, (const char **) builtin);
  if (label != NULL && *label != '\0' && !g_strv_contains (builtin, label))
    g_strv_builder_add (builder, label);   /* a label typed elsewhere, kept as it is */
  keys = g_strv_builder_end (builder);
  for (guint i = 0; keys[i]; i++)
    {
      gtk_string_list_append (titles, sonae_phone_label_get_title (keys[i]));
      if (g_strcmp0 (keys[i], label) == 0)
        selected = i;
    }

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), phone ? _("Phone") : _("E-mail"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row),
                                   phone ? GTK_INPUT_PURPOSE_PHONE : GTK_INPUT_PURPOSE_EMAIL);
  g_object_set_data_full (G_OBJECT (row), LABEL_KEYS_KEY, keys, (GDestroyNotify) g_strfreev);

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&titles)), NULL);
  sonae_accessible_name_choices (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_widget_set_tooltip_text (dropdown, _("Label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  g_object_set_data (G_OBJECT (row), DROPDOWN_KEY, dropdown);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), dropdown);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, phone ? _("Remove Phone Number") : _("Remove E-mail Address"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, phone ? _("Remove Phone Number") : _("Remove E-mail Address"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");

  if (phone)
    g_signal_connect (row, "changed", G_CALLBACK (phone_changed_cb), self);
  else
    g_signal_connect_swapped (row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (label_selected_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_labeled_clicked_cb), self);

  adw_preferences_group_add (phone ? self->phones_group : self->emails_group, row);
  g_ptr_array_add (phone ? self->phone_rows : self->email_rows, row);
  if (phone)
    update_phones_hint (self);
  return ADW_ENTRY_ROW (row);
}

static void
clear_labeled_rows (GPtrArray           *rows,
                    AdwPreferencesGroup *group)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
load_labeled (SonaeContactEditor *self,
              gboolean            phone)
{
  GPtrArray *values = phone ? self->contact->phones : self->contact->emails;

  clear_labeled_rows (phone ? self->phone_rows : self->email_rows,
                      phone ? self->phones_group : self->emails_group);
  for (guint i = 0; i < values->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (values, i);
      add_labeled_row (self, phone, l->label, l->value);
    }
}

static void
add_phone_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SonaeContactEditor *self = SONAE_CONTACT_EDITOR (widget);
  AdwEntryRow *row;
  const char *fallback;

  if (self->contact == NULL)
    return;
  fallback = self->phone_rows->len == 0 ? "work" : "mobile";
  row = add_labeled_row (self, TRUE, fallback, NULL);
  /* Its label follows the number typed until someone picks one. */
  g_object_set_data (G_OBJECT (row), LABEL_DEFAULT_KEY, (gpointer) fallback);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
add_email_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SonaeContactEditor *self = SONAE_CONTACT_EDITOR (widget);
  AdwEntryRow *row;

  if (self->contact == NULL)
    return;
  row = add_labeled_row (self, FALSE, "work", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* --- roles ------------------------------------------------------------------ */

static void
role_switch_cb (GtkSwitch          *sw,
                GParamSpec         *pspec,
                SonaeContactEditor *self)
{
  const char *key = g_object_get_data (G_OBJECT (sw), "sonae-role-key");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading || self->contact == NULL || self->contact->id == 0 || self->store == NULL)
    return;

  if (gtk_switch_get_active (sw))
    ok = sonae_contacts_add_role_holder (self->store, key, self->contact->id, &error);
  else
    ok = sonae_contacts_remove_role_holder (self->store, key, self->contact->id, &error);

  if (!ok)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not change the role"), error);
      update_roles (self);
    }
}

static void
build_role_rows (SonaeContactEditor *self)
{
  guint n_roles;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);

  for (guint i = 0; i < n_roles; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_role_get_name (roles[i].key));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (sw), "sonae-role-key", (gpointer) roles[i].key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_signal_connect (sw, "notify::active", G_CALLBACK (role_switch_cb), self);
      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_switches, sw);
    }
}

/* The groups and what each role is, in the words of the store's
 * organisation. */
static void
update_wording (SonaeContactEditor *self)
{
  SonaeOrgKind kind = self->store != NULL ? sonae_store_get_org_kind (self->store) : SONAE_ORG_CLINIC;
  guint selected = adw_combo_row_get_selected (self->group_row);
  g_autoptr(GtkStringList) groups = NULL;
  gboolean loading = self->loading;

  if (kind == self->wording_kind)
    return;
  self->wording_kind = kind;
  groups = sonae_group_string_list (kind);
  self->loading = TRUE;
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (groups));
  adw_combo_row_set_selected (self->group_row, selected);
  self->loading = loading;

  for (guint i = 0; i < self->role_switches->len; i++)
    {
      GtkWidget *sw = g_ptr_array_index (self->role_switches, i);
      GtkWidget *row = gtk_widget_get_ancestor (sw, ADW_TYPE_ACTION_ROW);

      gtk_widget_set_tooltip_text (row, sonae_role_get_description (g_object_get_data (G_OBJECT (sw), "sonae-role-key"), kind));
    }
}

/* --- saving ----------------------------------------------------------------- */

static gboolean
save_now (SonaeContactEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  sonae_autosave_cancel (&self->autosave);
  if (!self->dirty || self->contact == NULL || self->store == NULL)
    return TRUE;

  read_widgets (self);
  if (self->contact->name == NULL)
    {
      /* Not saved: the entry says why, and the edits stay in the editor. */
      self->name_asked = TRUE;
      update_name_state (self);
      return TRUE;
    }

  self->saving = TRUE;
  ok = sonae_contacts_save (self->store, self->contact, &error);
  self->saving = FALSE;
  self->dirty = FALSE;

  if (!ok)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save the contact"), error);
      return FALSE;
    }

  update_name_state (self);
  update_roles (self);
  update_verified (self);
  g_signal_emit (self, signals[SAVED], 0, self->contact);
  return TRUE;
}

static void
save_timeout_cb (gpointer data)
{
  save_now (data);
}

static void
schedule_save (SonaeContactEditor *self)
{
  sonae_autosave_schedule (&self->autosave);
}

gboolean
sonae_contact_editor_flush (SonaeContactEditor *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT_EDITOR (self), FALSE);
  return save_now (self);
}

gboolean
sonae_contact_editor_is_saving (SonaeContactEditor *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT_EDITOR (self), FALSE);
  return self->saving;
}

/* --- loading ---------------------------------------------------------------- */

static void
load_widgets (SonaeContactEditor *self)
{
  SonaeContact *c = self->contact;

  self->loading = TRUE;
  set_row_text (self->name_row, c->name);
  set_row_text (self->reading_row, c->reading);
  set_row_text (self->organization_row, c->organization);
  set_row_text (self->department_row, c->department);
  set_row_text (self->title_row, c->title);
  set_row_text (self->system_row, c->system);
  set_row_text (self->contract_row, c->contract);
  set_row_text (self->hours_row, c->hours);
  set_row_text (self->address_row, c->address);
  set_row_text (self->url_row, c->url);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), c->notes ? c->notes : "", -1);
  adw_combo_row_set_selected (self->group_row, c->group);
  show_group_fields (self, c->group);
  load_labeled (self, TRUE);
  load_labeled (self, FALSE);
  update_phones_hint (self);
  self->loading = FALSE;

  self->dirty = FALSE;
  self->name_asked = FALSE;
  update_header (self);
  update_name_state (self);
  update_roles (self);
  update_verified (self);
}

/* AdwPreferencesPage 1.2 has no way to scroll to its top (1.3 does). */
static void
scroll_to_top (SonaeContactEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0.0);
}

void
sonae_contact_editor_set_contact (SonaeContactEditor *self,
                                  SonaeContact       *contact)
{
  gboolean another;

  g_return_if_fail (SONAE_IS_CONTACT_EDITOR (self));
  g_return_if_fail (contact == NULL || SONAE_IS_CONTACT (contact));

  save_now (self);
  /* Another contact is read from its top, not from where the last one
   * was left; the same one shown again stays where it is. */
  another = self->contact == NULL || contact == NULL || contact->id == 0 ||
            contact->id != self->contact->id;
  g_clear_object (&self->contact);
  if (contact == NULL)
    return;
  self->contact = sonae_contact_copy (contact);
  load_widgets (self);
  /* The organisation's kind may have changed since. */
  update_wording (self);
  if (another)
    scroll_to_top (self);
}

SonaeContact *
sonae_contact_editor_get_contact (SonaeContactEditor *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT_EDITOR (self), NULL);
  return self->contact;
}

static void
copy_roles (SonaeContact *dest,
            SonaeContact *src)
{
  g_ptr_array_set_size (dest->roles, 0);
  for (guint i = 0; i < src->roles->len; i++)
    g_ptr_array_add (dest->roles, g_strdup (g_ptr_array_index (src->roles, i)));
}

void
sonae_contact_editor_refresh (SonaeContactEditor *self,
                              SonaeContact       *fresh)
{
  SonaeContact *c;

  g_return_if_fail (SONAE_IS_CONTACT_EDITOR (self));
  g_return_if_fail (SONAE_IS_CONTACT (fresh));

  c = self->contact;
  if (c == NULL || c->id == 0 || c->id != fresh->id)
    return;

  /* What is changed elsewhere than in the editor's entries. */
  copy_roles (c, fresh);
  sonae_contact_set_string (&c->verified_on, fresh->verified_on);
  c->needs_check = fresh->needs_check;
  sonae_contact_set_string (&c->builtin_key, fresh->builtin_key);

  if (!self->dirty && !sonae_contact_equal (c, fresh))
    {
      /* Changed by someone else (an import merged it): show the new version. */
      g_clear_object (&self->contact);
      self->contact = sonae_contact_copy (fresh);
      load_widgets (self);
      return;
    }
  update_roles (self);
  update_verified (self);
}

void
sonae_contact_editor_focus_name (SonaeContactEditor *self)
{
  g_return_if_fail (SONAE_IS_CONTACT_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

void
sonae_contact_editor_set_store (SonaeContactEditor *self,
                                SonaeStore         *store)
{
  g_return_if_fail (SONAE_IS_CONTACT_EDITOR (self));
  g_return_if_fail (store == NULL || SONAE_IS_STORE (store));

  save_now (self);
  g_set_object (&self->store, store);
  update_wording (self);
}

/* --- the rest ----------------------------------------------------------------- */

static void
open_url_clicked_cb (SonaeContactEditor *self)
{
  const char *url = row_text (self->url_row);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (*url == '\0')
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
sonae_contact_editor_unmap (GtkWidget *widget)
{
  /* Leaving the page or closing the window: write what was typed. */
  save_now (SONAE_CONTACT_EDITOR (widget));
  GTK_WIDGET_CLASS (sonae_contact_editor_parent_class)->unmap (widget);
}

static void
sonae_contact_editor_dispose (GObject *object)
{
  SonaeContactEditor *self = SONAE_CONTACT_EDITOR (object);

  if (self->store != NULL)
    save_now (self);
  sonae_autosave_cancel (&self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_CONTACT_EDITOR);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (sonae_contact_editor_parent_class)->dispose (object);
}

static void
sonae_contact_editor_finalize (GObject *object)
{
  SonaeContactEditor *self = SONAE_CONTACT_EDITOR (object);

  g_ptr_array_unref (self->phone_rows);
  g_ptr_array_unref (self->email_rows);
  g_ptr_array_unref (self->role_switches);

  G_OBJECT_CLASS (sonae_contact_editor_parent_class)->finalize (object);
}

static void
sonae_contact_editor_class_init (SonaeContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_contact_editor_dispose;
  object_class->finalize = sonae_contact_editor_finalize;
  widget_class->unmap = sonae_contact_editor_unmap;

  /**
   * SonaeContactEditor::saved:
   * @contact: the contact as written (borrowed)
   *
   * Emitted after the editor wrote its contact to the store.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, SONAE_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, page);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, avatar);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, check_banner);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, name_hint);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, reading_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, organization_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, vendor_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, system_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, contract_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, hours_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, phones_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, emails_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, roles_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactEditor, verified_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_url_clicked_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "editor.add-email", NULL, add_email_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sonae_contact_editor_init (SonaeContactEditor *self)
{
  sonae_autosave_init (&self->autosave, SONAE_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
  self->phone_rows = g_ptr_array_new ();
  self->email_rows = g_ptr_array_new ();
  self->role_switches = g_ptr_array_new ();

  sonae_contacts_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_accessible_name_choices (GTK_WIDGET (self->group_row));

  build_role_rows (self);
  /* The group titles and role tooltips, in a clinic's words until the
   * store is set. */
  self->wording_kind = (SonaeOrgKind) -1;
  update_wording (self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
}

GtkWidget *
sonae_contact_editor_new (void)
{
  return g_object_new (SONAE_TYPE_CONTACT_EDITOR, NULL);
}
