/* sonae-contacts-page.c: the Contacts section of the window.
 *
 * A list pane (search entry, group switcher, GtkListView over a GListStore of
 * SonaeContact filtered with a SonaeContactQuery) and a detail pane with
 * the editor. The list is reloaded from the store when it reports a change,
 * except for the editor's own saves, which replace one item in place. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-clock.h"
#include "sonae-contact-editor.h"
#include "sonae-contact-row.h"
#include "sonae-contact-util.h"
#include "sonae-contacts-page.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-roles-dialog.h"

struct _SonaeContactsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkWidget *detail_pane;
  AdwWindowTitle *list_title;
  AdwWindowTitle *detail_title;
  GtkSearchEntry *search_entry;
  GtkToggleButton *all_toggle;
  GtkToggleButton *staff_toggle;
  GtkToggleButton *vendor_toggle;
  GtkToggleButton *authority_toggle;
  GtkRevealer *verify_revealer;
  GtkLabel *verify_label;
  GtkStack *list_stack;
  GtkListView *list_view;
  GtkStack *detail_stack;

  /* borrowed */
  SonaeContactEditor *editor;    /* in detail_stack, once a contact is opened (get_editor) */

  /* owned */
  SonaeStore *store;  /* the section's, once built */
  GListStore *contacts;          /* of SonaeContact, sorted */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char *query;                   /* as typed, or NULL */
  SonaeContactQuery *matcher;    /* the same folded once, for the filter */
  int group;                     /* -1 for all */
  guint reload_source;
  gboolean reloading;
  gboolean sidebar_folded;
  gboolean to_verify;            /* only the contacts to verify are listed */
  guint prepare_source;          /* folds the search text of the contacts, when idle */
  guint load_source;             /* reads the rest of the roster, when idle */
  guint loaded;                  /* how many contacts of the roster are in the list */
  gboolean loading;              /* the rest of the roster is still to come */
  guint prepared;                /* how many are folded */
};

G_DEFINE_FINAL_TYPE (SonaeContactsPage, sonae_contacts_page, SONAE_TYPE_SECTION)

enum {
  PROP_0,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The first contacts shown at once (more than a 768-pixel screen shows), then
 * how many come in each idle step: small steps while the list still makes
 * a row widget for each new contact (GTK 4.8 keeps up to about 200), then
 * big ones, so that no step holds the window up for long. */
#define FIRST_PIECE 12
#define SMALL_PIECE 12
#define ROW_WIDGETS 200
#define NEXT_PIECE 1000

/* --- filtering ---------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  SonaeContactsPage *self = data;
  SonaeContact *contact = item;

  if (self->group >= 0 && (int) contact->group != self->group)
    return FALSE;
  if (self->to_verify)
    {
      SonaeFreshness freshness = sonae_contact_get_freshness (contact, NULL);

      if (freshness != SONAE_FRESHNESS_NEVER && freshness != SONAE_FRESHNESS_STALE)
        return FALSE;
    }
  return self->matcher == NULL || sonae_contact_query_matches (self->matcher, contact);
}

static void
update_list_stack (SonaeContactsPage *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (n_shown == n_all)
    adw_window_title_set_subtitle (self->list_title, NULL);
  else
    {
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown", "%u of %u shown", n_all),
                         n_shown, n_all);
      adw_window_title_set_subtitle (self->list_title, subtitle);
    }
}

static void
set_query (SonaeContactsPage *self,
           const char        *text)
{
  g_autofree char *old = g_steal_pointer (&self->query);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->query = (text && *text) ? g_strdup (text) : NULL;
  if (g_strcmp0 (old, self->query) == 0)
    return;
  g_clear_pointer (&self->matcher, sonae_contact_query_free);
  if (self->query != NULL)
    self->matcher = sonae_contact_query_new (self->query);

  /* Typing one more letter only narrows: GTK then re-checks only the
   * contacts still shown. */
  if (self->query && (old == NULL || g_str_has_prefix (self->query, old)))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old && (self->query == NULL || g_str_has_prefix (old, self->query)))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_changed_cb (SonaeContactsPage *self)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (SonaeContactsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
set_to_verify (SonaeContactsPage *self,
               gboolean           to_verify)
{
  if (self->to_verify == to_verify)
    return;
  self->to_verify = to_verify;
  gtk_revealer_set_reveal_child (self->verify_revealer, to_verify);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      to_verify ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
show_all_cb (SonaeContactsPage *self)
{
  set_to_verify (self, FALSE);
}

static void
group_toggled_cb (SonaeContactsPage *self,
                  GtkToggleButton   *button)
{
  int group;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->staff_toggle)
    group = SONAE_GROUP_STAFF;
  else if (button == self->vendor_toggle)
    group = SONAE_GROUP_VENDOR;
  else if (button == self->authority_toggle)
    group = SONAE_GROUP_AUTHORITY;
  else
    group = -1;

  if (group == self->group)
    return;
  self->group = group;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* --- selection and the detail pane --------------------------------------- */

static void editor_saved_cb (SonaeContactsPage *self,
                             SonaeContact      *contact);

/* The editor, made the first time a contact is opened: a first visit of
 * the section shows the list without making it. */
static SonaeContactEditor *
get_editor (SonaeContactsPage *self)
{
  if (self->editor == NULL)
    {
      self->editor = SONAE_CONTACT_EDITOR (sonae_contact_editor_new ());
      if (self->store != NULL)
        sonae_contact_editor_set_store (self->editor, self->store);
      g_signal_connect_swapped (self->editor, "saved", G_CALLBACK (editor_saved_cb), self);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->editor), "editor");
    }
  return self->editor;
}

/* The contact in the editor, or NULL. */
static SonaeContact *
shown_contact (SonaeContactsPage *self)
{
  return self->editor != NULL ? sonae_contact_editor_get_contact (self->editor) : NULL;
}

/* Save what is typed in the editor; FALSE when it could not be saved. */
static gboolean
flush_editor (SonaeContactsPage *self)
{
  return self->editor == NULL || sonae_contact_editor_flush (self->editor);
}

/* Nothing left to confirm today: the header says so, and its "Mark as
 * Verified" rests until another contact is shown. */
static gboolean
verified_today (SonaeContact *contact)
{
  return contact != NULL && contact->id != 0 && !contact->needs_check &&
         contact->verified_on != NULL && sonae_clock_days_since (contact->verified_on) == 0;
}

static void
update_detail (SonaeContactsPage *self)
{
  SonaeContact *contact = shown_contact (self);
  gboolean done_today = verified_today (contact);

  gtk_stack_set_visible_child_name (self->detail_stack, contact ? "editor" : "none");
  if (contact == NULL)
    adw_window_title_set_title (self->detail_title, "");
  else if (contact->id == 0 && (contact->name == NULL || *contact->name == '\0'))
    adw_window_title_set_title (self->detail_title, _("New Contact"));
  else
    adw_window_title_set_title (self->detail_title, sonae_contact_get_display_name (contact));
  adw_window_title_set_subtitle (self->detail_title, done_today ? _("Verified today") : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.delete", contact != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.mark-verified",
                                 contact != NULL && contact->id != 0 && !done_today);
}

static guint
find_in_model (GListModel *model,
               gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SonaeContact) c = g_list_model_get_item (model, i);
      if (c->id == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Select the row of @id without touching the editor. */
static void
select_id (SonaeContactsPage *self,
           gint64             id)
{
  guint position = id ? find_in_model (G_LIST_MODEL (self->filtered), id) : GTK_INVALID_LIST_POSITION;
  gboolean was_reloading = self->reloading;

  self->reloading = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = was_reloading;
}

static void
selection_changed_cb (SonaeContactsPage *self)
{
  SonaeContact *selected = gtk_single_selection_get_selected_item (self->selection);
  SonaeContact *shown = shown_contact (self);

  if (self->reloading || selected == NULL)
    return;
  if (shown != NULL && shown->id == selected->id)
    return;

  sonae_contact_editor_set_contact (get_editor (self), selected);
  update_detail (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
list_activate_cb (SonaeContactsPage *self,
                  guint              position)
{
  /* Clicking a row selects it; on a narrow window, also show it. */
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

/* --- loading -------------------------------------------------------------- */

/* A few hundred contacts at a time, so that the window stays responsive. */
static gboolean
prepare_search_cb (gpointer data)
{
  SonaeContactsPage *self = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));

  for (guint end = MIN (self->prepared + 300, n); self->prepared < end; self->prepared++)
    {
      g_autoptr(SonaeContact) contact = g_list_model_get_item (G_LIST_MODEL (self->contacts), self->prepared);

      sonae_contact_prepare_search (contact);
    }
  if (self->prepared < n)
    return G_SOURCE_CONTINUE;
  self->prepare_source = 0;
  return G_SOURCE_REMOVE;
}

/* The whole roster is in the list: fold what the search reads while
 * nobody types yet. */
static void
loaded_all (SonaeContactsPage *self)
{
  self->loading = FALSE;
  self->prepared = 0;
  if (self->prepare_source == 0)
    self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);
}

/* Append the next piece of the roster; FALSE when it was the last. */
static gboolean
load_more (SonaeContactsPage *self)
{
  g_autoptr(GError) error = NULL;
  guint size = self->loaded < ROW_WIDGETS ? SMALL_PIECE : NEXT_PIECE;
  g_autoptr(GPtrArray) piece = sonae_contacts_list_range (self->store, self->loaded, size, &error);

  if (piece == NULL)
    {
      g_message ("Could not read the rest of the contacts: %s", error->message);
      piece = g_ptr_array_new ();
    }
  self->reloading = TRUE;
  g_list_store_splice (self->contacts, g_list_model_get_n_items (G_LIST_MODEL (self->contacts)), 0,
                       piece->pdata, piece->len);
  self->reloading = FALSE;
  self->loaded += piece->len;
  if (piece->len == size)
    return TRUE;
  loaded_all (self);
  return FALSE;
}

static gboolean
load_more_cb (gpointer data)
{
  SonaeContactsPage *self = data;

  if (load_more (self))
    return G_SOURCE_CONTINUE;
  self->load_source = 0;
  return G_SOURCE_REMOVE;
}

/* What looks a contact up by id, or inserts one in its place, needs the
 * whole roster. */
static void
finish_loading (SonaeContactsPage *self)
{
  g_clear_handle_id (&self->load_source, g_source_remove);
  while (self->loading && load_more (self))
    ;
}

static void
reload (SonaeContactsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SonaeContact *shown;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->load_source, g_source_remove);
  if (self->store == NULL)
    return;

  /* A contact shown in the editor is found again in the whole roster;
   * otherwise the first screenful shows at once and the rest follows when
   * idle, so that a roster of thousands opens without a wait. */
  shown = shown_contact (self);
  if (shown != NULL && shown->id != 0)
    list = sonae_contacts_list (self->store, -1, &error);
  else
    list = sonae_contacts_list_range (self->store, 0, FIRST_PIECE, &error);
  if (list == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the contacts"), error);
      return;
    }

  self->reloading = TRUE;
  g_list_store_splice (self->contacts, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->contacts)),
                       list->pdata, list->len);
  self->reloading = FALSE;
  self->loaded = list->len;
  if (shown != NULL && shown->id != 0)
    loaded_all (self);
  else if (list->len == FIRST_PIECE)
    {
      self->loading = TRUE;
      self->load_source = g_idle_add (load_more_cb, self);
    }
  else
    loaded_all (self);

  shown = shown_contact (self);
  if (shown != NULL && shown->id != 0)
    {
      guint position = find_in_model (G_LIST_MODEL (self->contacts), shown->id);

      if (position != GTK_INVALID_LIST_POSITION)
        {
          g_autoptr(SonaeContact) fresh = g_list_model_get_item (G_LIST_MODEL (self->contacts), position);
          sonae_contact_editor_refresh (self->editor, fresh);
        }
      else
        {
          /* Deleted elsewhere (or by the delete button). */
          sonae_contact_editor_set_contact (self->editor, NULL);
        }
    }
  shown = shown_contact (self);
  select_id (self, shown ? shown->id : 0);
  update_detail (self);
  update_list_stack (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeContactsPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* The staff group in the organisation's words (院内, 社内). */
static void
show_group_titles (SonaeContactsPage *self)
{
  gtk_button_set_label (GTK_BUTTON (self->staff_toggle),
                        sonae_group_get_title (SONAE_GROUP_STAFF, sonae_store_get_org_kind (self->store)));
}

static void
sonae_contacts_page_store_changed (SonaeSection *section,
                                   const char   *detail)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (section);

  if (g_strcmp0 (detail, SONAE_CHANGED_PROFILE) == 0)
    show_group_titles (self);
  if (g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) != 0 && g_strcmp0 (detail, SONAE_CHANGED_ROLES) != 0)
    return;
  /* The editor's own saves are applied in editor_saved_cb(). */
  if (g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) == 0 && self->editor != NULL &&
      sonae_contact_editor_is_saving (self->editor))
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  return sonae_contact_compare ((SonaeContact *) a, (SonaeContact *) b);
}

static void
editor_saved_cb (SonaeContactsPage *self,
                 SonaeContact      *contact)
{
  g_autoptr(SonaeContact) copy = sonae_contact_copy (contact);
  guint position;

  finish_loading (self);
  position = find_in_model (G_LIST_MODEL (self->contacts), contact->id);
  self->reloading = TRUE;
  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_remove (self->contacts, position);
  g_list_store_insert_sorted (self->contacts, copy, compare_cb, NULL);
  self->reloading = FALSE;

  select_id (self, contact->id);
  update_detail (self);
  update_list_stack (self);
}

/* --- actions -------------------------------------------------------------- */

static GtkWindow *
parent_window (SonaeContactsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
sonae_contacts_page_new_contact (SonaeContactsPage *self)
{
  g_autoptr(SonaeContact) contact = NULL;

  g_return_if_fail (SONAE_IS_CONTACTS_PAGE (self));

  sonae_section_ensure_built (SONAE_SECTION (self));

  contact = sonae_contact_new ();
  contact->group = self->group >= 0 ? (SonaeGroup) self->group : SONAE_GROUP_STAFF;

  sonae_contact_editor_set_contact (get_editor (self), contact);
  select_id (self, 0);
  update_detail (self);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  sonae_contact_editor_focus_name (get_editor (self));
}

typedef struct {
  SonaeStore *store;
  gint64 id;
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_object_unref (undo->store);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!sonae_contacts_undelete (undo->store, undo->id, &error))
    g_message ("%s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (widget);
  SonaeContact *shown = shown_contact (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  UndoData *undo;
  AdwToast *toast;
  gint64 id;

  if (shown == NULL)
    return;
  if (!flush_editor (self))
    return;
  shown = shown_contact (self);
  id = shown->id;
  name = g_strdup (sonae_contact_get_display_name (shown));

  if (id == 0)
    {
      /* Never stored: nothing to delete. */
      sonae_contact_editor_set_contact (self->editor, NULL);
      update_detail (self);
      return;
    }

  if (!sonae_contacts_delete (self->store, id, &error))
    {
      sonae_show_error (widget, _("Could not delete the contact"), error);
      return;
    }
  sonae_contact_editor_set_contact (self->editor, NULL);
  reload (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  /* Translators: a toast; %s is the name of the contact */
  title = g_strdup_printf (_("“%s” deleted"), name);
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (self->store);
  undo->id = id;
  toast = sonae_undo_toast_new (title, G_CALLBACK (undo_clicked_cb), undo, undo_data_free);
  sonae_show_toast (widget, toast);
}

static void
mark_verified_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (widget);
  SonaeContact *shown = shown_contact (self);
  g_autoptr(GError) error = NULL;

  if (shown == NULL || !flush_editor (self))
    return;
  if (shown->id == 0)
    return;
  if (!sonae_contacts_mark_verified (self->store, shown->id, NULL, &error))
    sonae_show_error (widget, _("Could not save the contact"), error);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sonae_contacts_page_new_contact (SONAE_CONTACTS_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sonae_contacts_page_focus_search (SONAE_CONTACTS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (widget);

  flush_editor (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
show_roles_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sonae_contacts_page_show_role (SONAE_CONTACTS_PAGE (widget), NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (widget);

  flush_editor (self);
  sonae_contacts_import_run (parent_window (self), self->store);
}

static void
search_activate_cb (SonaeContactsPage *self)
{
  /* Enter in the search entry opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

/* --- public API ---------------------------------------------------------- */

void
sonae_contacts_page_show_contact (SonaeContactsPage *self,
                                  gint64             contact_id)
{
  g_autoptr(SonaeContact) contact = NULL;
  guint position;

  g_return_if_fail (SONAE_IS_CONTACTS_PAGE (self));

  sonae_section_ensure_built (SONAE_SECTION (self));

  if (self->reload_source != 0)
    reload (self);
  finish_loading (self);
  position = find_in_model (G_LIST_MODEL (self->contacts), contact_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* Make sure the row can be seen: a search or a group could hide it. */
  if (find_in_model (G_LIST_MODEL (self->filtered), contact_id) == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_query (self, NULL);
      gtk_toggle_button_set_active (self->all_toggle, TRUE);
    }

  contact = g_list_model_get_item (G_LIST_MODEL (self->contacts), position);
  sonae_contact_editor_set_contact (get_editor (self), contact);
  select_id (self, contact_id);
  position = find_in_model (G_LIST_MODEL (self->filtered), contact_id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  update_detail (self);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

void
sonae_contacts_page_show_to_verify (SonaeContactsPage *self)
{
  g_return_if_fail (SONAE_IS_CONTACTS_PAGE (self));

  sonae_section_ensure_built (SONAE_SECTION (self));
  flush_editor (self);
  /* Every group, every name: all that is due. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->all_toggle, TRUE);
  set_to_verify (self, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

gboolean
sonae_contacts_page_get_to_verify (SonaeContactsPage *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACTS_PAGE (self), FALSE);
  return self->to_verify;
}

void
sonae_contacts_page_show_role (SonaeContactsPage *self,
                               const char        *role_key)
{
  GtkWidget *dialog;

  g_return_if_fail (SONAE_IS_CONTACTS_PAGE (self));

  sonae_section_ensure_built (SONAE_SECTION (self));

  flush_editor (self);
  dialog = sonae_roles_dialog_new (parent_window (self), self->store);
  if (role_key != NULL)
    sonae_roles_dialog_show_role (SONAE_ROLES_DIALOG (dialog), role_key);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sonae_contacts_page_focus_search (SonaeContactsPage *self)
{
  g_return_if_fail (SONAE_IS_CONTACTS_PAGE (self));

  sonae_section_ensure_built (SONAE_SECTION (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
sonae_contacts_page_save_now (SonaeContactsPage *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACTS_PAGE (self), FALSE);

  /* Nothing can have been typed in a section never shown. */
  if (!sonae_section_is_built (SONAE_SECTION (self)))
    return TRUE;

  return flush_editor (self);
}

/* --- the list's rows ---------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  gtk_list_item_set_child (item, sonae_contact_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  SonaeContactRow *row = SONAE_CONTACT_ROW (gtk_list_item_get_child (item));

  sonae_contact_row_set_contact (row, gtk_list_item_get_item (item));
  sonae_contact_row_name_list_item (row, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  sonae_contact_row_set_contact (SONAE_CONTACT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* --- GObject -------------------------------------------------------------- */

static gboolean
sonae_contacts_page_save_now_vfunc (SonaeSection *section)
{
  return sonae_contacts_page_save_now (SONAE_CONTACTS_PAGE (section));
}

static gboolean
sonae_contacts_page_focus_search_vfunc (SonaeSection *section)
{
  sonae_contacts_page_focus_search (SONAE_CONTACTS_PAGE (section));
  return TRUE;
}

static void
sonae_contacts_page_build (SonaeSection *section)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (section);
  SonaeStore *store = sonae_section_get_store (section);

  self->store = store;
  if (self->editor != NULL)
    sonae_contact_editor_set_store (self->editor, store);
  show_group_titles (self);
  reload (self);
}

static void
sonae_contacts_page_dispose (GObject *object)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (object);

  g_clear_handle_id (&self->prepare_source, g_source_remove);
  g_clear_handle_id (&self->load_source, g_source_remove);
  if (self->editor != NULL)
    {
      flush_editor (self);
      g_signal_handlers_disconnect_by_data (self->editor, self);
    }
  g_clear_handle_id (&self->reload_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_CONTACTS_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->contacts);
  self->store = NULL;

  G_OBJECT_CLASS (sonae_contacts_page_parent_class)->dispose (object);
}

static void
sonae_contacts_page_finalize (GObject *object)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (object);

  g_free (self->query);
  g_clear_pointer (&self->matcher, sonae_contact_query_free);

  G_OBJECT_CLASS (sonae_contacts_page_parent_class)->finalize (object);
}

static void
sonae_contacts_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_contacts_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SonaeContactsPage *self = SONAE_CONTACTS_PAGE (object);

  switch (prop_id)
    {
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
sonae_contacts_page_class_init (SonaeContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeSectionClass *section_class = SONAE_SECTION_CLASS (klass);

  object_class->dispose = sonae_contacts_page_dispose;
  object_class->finalize = sonae_contacts_page_finalize;
  object_class->get_property = sonae_contacts_page_get_property;
  object_class->set_property = sonae_contacts_page_set_property;
  section_class->build = sonae_contacts_page_build;
  section_class->store_changed = sonae_contacts_page_store_changed;
  section_class->focus_search = sonae_contacts_page_focus_search_vfunc;
  section_class->save_now = sonae_contacts_page_save_now_vfunc;

  /* The window's own sidebar is folded away: the page's list header then
   * shows the window buttons at its start and a Back button (win.back). */
  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, staff_toggle);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, vendor_toggle);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, authority_toggle);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, verify_revealer);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, verify_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactsPage, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "contacts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contacts.mark-verified", NULL, mark_verified_action);
  gtk_widget_class_install_action (widget_class, "contacts.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "contacts.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "contacts.show-roles", NULL, show_roles_action);
  gtk_widget_class_install_action (widget_class, "contacts.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "contacts.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "contacts.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contactspage");
}

static void
sonae_contacts_page_init (SonaeContactsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  sonae_contacts_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group = -1;
  {
    /* Translators: %d is 180 */
    g_autofree char *text = g_strdup_printf (_("Only the contacts to verify: never verified, or not for %d days or more."),
                                             SONAE_STALE_DAYS);
    gtk_label_set_text (self->verify_label, text);
  }
  self->contacts = g_list_store_new (SONAE_TYPE_CONTACT);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->contacts)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (update_list_stack), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  update_detail (self);
  update_list_stack (self);
}

GtkWidget *
sonae_contacts_page_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_CONTACTS_PAGE, "store", store, NULL);
}
