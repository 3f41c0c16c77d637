/* sonae-contact-chooser.c: a search entry over a list of contacts; picking
 * one emits "contact-activated". Used to add a role holder, where it can
 * also take a person who is not in the roster yet (a name and a phone
 * number, "new-contact"). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contact-chooser.h"
#include "sonae-contact-row.h"
#include "sonae-contact-util.h"

struct _SonaeContactChooser
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *list_view;
  GtkLabel *empty_label;
  GtkWidget *new_person_button;
  AdwEntryRow *person_name_row;
  AdwEntryRow *person_phone_row;
  GtkWidget *add_person_button;

  /* owned */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  char *query;
  SonaeContactQuery *matcher;    /* the query folded once, for the filter */

  /* state */
  gboolean hide_authorities;
  gboolean can_add_person;
};

G_DEFINE_FINAL_TYPE (SonaeContactChooser, sonae_contact_chooser, GTK_TYPE_WIDGET)

enum {
  CONTACT_ACTIVATED,
  NEW_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  SonaeContactChooser *self = data;
  SonaeContact *contact = item;

  if (self->hide_authorities && contact->group == SONAE_GROUP_AUTHORITY)
    return FALSE;
  return self->matcher == NULL || sonae_contact_query_matches (self->matcher, contact);
}

/* An empty list says why, and what to do instead. */
static void
update_list_stack (SonaeContactChooser *self)
{
  gboolean empty = self->filtered == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (self->query != NULL)
    gtk_label_set_label (self->empty_label, _("Nobody found"));
  else if (self->hide_authorities)
    gtk_label_set_label (self->empty_label, _("There are no staff or vendors in Contacts yet"));
  else
    gtk_label_set_label (self->empty_label, _("No contacts yet"));
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

void
sonae_contact_chooser_set_query (SonaeContactChooser *self,
                                 const char          *query)
{
  g_return_if_fail (SONAE_IS_CONTACT_CHOOSER (self));

  g_free (self->query);
  self->query = (query && *query) ? g_strdup (query) : NULL;
  g_clear_pointer (&self->matcher, sonae_contact_query_free);
  if (self->query != NULL)
    self->matcher = sonae_contact_query_new (self->query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

void
sonae_contact_chooser_set_hide_authorities (SonaeContactChooser *self,
                                            gboolean             hide)
{
  g_return_if_fail (SONAE_IS_CONTACT_CHOOSER (self));

  self->hide_authorities = !!hide;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

void
sonae_contact_chooser_set_can_add_person (SonaeContactChooser *self,
                                          gboolean             can_add)
{
  g_return_if_fail (SONAE_IS_CONTACT_CHOOSER (self));

  self->can_add_person = !!can_add;
  gtk_widget_set_visible (self->new_person_button, self->can_add_person);
}

GListModel *
sonae_contact_chooser_get_model (SonaeContactChooser *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT_CHOOSER (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
sonae_contact_chooser_activate (SonaeContactChooser *self,
                                guint                position)
{
  g_autoptr(SonaeContact) contact = NULL;

  g_return_if_fail (SONAE_IS_CONTACT_CHOOSER (self));

  contact = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (contact != NULL)
    g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, contact);
}

static void
search_changed_cb (SonaeContactChooser *self)
{
  sonae_contact_chooser_set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (SonaeContactChooser *self)
{
  sonae_contact_chooser_activate (self, 0);
}

static void
list_activate_cb (SonaeContactChooser *self,
                  guint                position)
{
  sonae_contact_chooser_activate (self, position);
}

/* --- a new person ------------------------------------------------------------ */

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_new_person (SonaeContactChooser *self)
{
  /* What was searched for and not found is the person to add: a number
   * goes to the phone, anything else to the name. */
  if (self->query != NULL && sonae_phone_label_for_number (self->query) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->person_phone_row), self->query);
  else if (self->query != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->person_name_row), self->query);
  gtk_stack_set_visible_child_name (self->stack, "new");
  gtk_widget_grab_focus (GTK_WIDGET (self->person_name_row));
}

static void
new_person_clicked_cb (SonaeContactChooser *self)
{
  show_new_person (self);
}

static void
person_back_clicked_cb (SonaeContactChooser *self)
{
  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
person_changed_cb (SonaeContactChooser *self)
{
  g_autofree char *name = stripped_text (self->person_name_row);

  gtk_widget_set_sensitive (self->add_person_button, *name != '\0');
}

static void
add_person (SonaeContactChooser *self)
{
  g_autoptr(SonaeContact) contact = sonae_contact_new ();
  g_autofree char *phone = stripped_text (self->person_phone_row);
  gboolean stored = FALSE;

  contact->name = stripped_text (self->person_name_row);
  if (*contact->name == '\0')
    return;
  contact->group = SONAE_GROUP_STAFF;
  if (*phone != '\0')
    {
      const char *label = sonae_phone_label_for_number (phone);

      sonae_contact_add_phone (contact, label != NULL ? label : "work", phone);
    }

  g_signal_emit (self, signals[NEW_CONTACT], 0, contact, &stored);
  if (!stored)
    return;
  /* Ready for the next time the chooser shows. */
  gtk_editable_set_text (GTK_EDITABLE (self->person_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->person_phone_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
add_person_clicked_cb (SonaeContactChooser *self)
{
  add_person (self);
}

static void
person_name_activated_cb (SonaeContactChooser *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->person_phone_row));
}

static void
person_phone_activated_cb (SonaeContactChooser *self)
{
  add_person (self);
}

/* --- the list ----------------------------------------------------------------- */

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

/* The popover focuses its child: type at once to search, or the name. */
static gboolean
sonae_contact_chooser_grab_focus (GtkWidget *widget)
{
  SonaeContactChooser *self = SONAE_CONTACT_CHOOSER (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "new") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->person_name_row));
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
sonae_contact_chooser_map (GtkWidget *widget)
{
  SonaeContactChooser *self = SONAE_CONTACT_CHOOSER (widget);

  /* Nobody to choose from (the first start, when the roster holds only the
   * authorities Sonae brought): go straight to the new person. */
  if (self->can_add_person && self->query == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "new");

  GTK_WIDGET_CLASS (sonae_contact_chooser_parent_class)->map (widget);
}

static void
sonae_contact_chooser_dispose (GObject *object)
{
  SonaeContactChooser *self = SONAE_CONTACT_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_CONTACT_CHOOSER);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (sonae_contact_chooser_parent_class)->dispose (object);
}

static void
sonae_contact_chooser_finalize (GObject *object)
{
  SonaeContactChooser *self = SONAE_CONTACT_CHOOSER (object);

  g_free (self->query);
  g_clear_pointer (&self->matcher, sonae_contact_query_free);
  G_OBJECT_CLASS (sonae_contact_chooser_parent_class)->finalize (object);
}

static void
sonae_contact_chooser_class_init (SonaeContactChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_contact_chooser_dispose;
  object_class->finalize = sonae_contact_chooser_finalize;
  widget_class->grab_focus = sonae_contact_chooser_grab_focus;
  widget_class->map = sonae_contact_chooser_map;

  signals[CONTACT_ACTIVATED] = g_signal_new ("contact-activated",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, SONAE_TYPE_CONTACT);
  /**
   * SonaeContactChooser::new-contact:
   * @contact: a new contact (id 0) with the name and phone number typed
   *
   * A person not in the roster was typed in (only with
   * sonae_contact_chooser_set_can_add_person()). Return TRUE once it is
   * stored; the form is then emptied.
   */
  signals[NEW_CONTACT] = g_signal_new ("new-contact",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, g_signal_accumulator_true_handled, NULL, NULL,
                                       G_TYPE_BOOLEAN, 1, SONAE_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-contact-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, new_person_button);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, person_name_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, person_phone_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, add_person_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_person_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_person_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_phone_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sonae_contact_chooser_init (SonaeContactChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  sonae_contacts_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
}

GtkWidget *
sonae_contact_chooser_new (GListModel *contacts)
{
  SonaeContactChooser *self;
  GtkSelectionModel *selection;

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);

  self = g_object_new (SONAE_TYPE_CONTACT_CHOOSER, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (contacts),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* The roster comes in idle steps: the empty page goes once it arrives. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_list_stack), self,
                           G_CONNECT_SWAPPED);
  update_list_stack (self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
  gtk_list_view_set_model (self->list_view, selection);
  g_object_unref (selection);
  return GTK_WIDGET (self);
}
