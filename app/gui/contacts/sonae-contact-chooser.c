/* sonae-contact-chooser.c: a search entry over a list of contacts; picking
 * one emits "contact-activated". Used to add a role holder. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contact-chooser.h"
#include "sonae-contact-row.h"
#include "sonae-contact-util.h"

struct _SonaeContactChooser
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkListView *list_view;

  /* owned */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  char *query;
};

G_DEFINE_FINAL_TYPE (SonaeContactChooser, sonae_contact_chooser, GTK_TYPE_WIDGET)

enum {
  CONTACT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  SonaeContactChooser *self = data;

  return sonae_contact_matches (item, self->query);
}

void
sonae_contact_chooser_set_query (SonaeContactChooser *self,
                                 const char          *query)
{
  g_return_if_fail (SONAE_IS_CONTACT_CHOOSER (self));

  g_free (self->query);
  self->query = (query && *query) ? g_strdup (query) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
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
  sonae_contact_row_set_contact (SONAE_CONTACT_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  sonae_contact_row_set_contact (SONAE_CONTACT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The popover focuses its child: type at once to search. */
static gboolean
sonae_contact_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SONAE_CONTACT_CHOOSER (widget)->search_entry));
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
  g_free (SONAE_CONTACT_CHOOSER (object)->query);
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

  signals[CONTACT_ACTIVATED] = g_signal_new ("contact-activated",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, SONAE_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-contact-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
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
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
  gtk_list_view_set_model (self->list_view, selection);
  g_object_unref (selection);
  return GTK_WIDGET (self);
}
