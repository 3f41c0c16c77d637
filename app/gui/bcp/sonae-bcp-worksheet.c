/* sonae-bcp-worksheet.c: the base of the BCP worksheets: the store, its
 * change notices turned into one reload, the scrolled page and the status
 * page shown instead while there is nothing to list, saving on leaving. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-bcp-worksheet.h"
#include "sonae-gui-util.h"

typedef struct
{
  GtkWidget *stack;          /* the only child: "list", and "empty" if set */
  GtkScrolledWindow *scrolled;
  GtkWidget *empty_page;     /* borrowed: in the stack */

  SonaeStore *store;
  gulong changed_handler;
  guint reload_source;
} SonaeBcpWorksheetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SonaeBcpWorksheet, sonae_bcp_worksheet, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTENT,
  PROP_EMPTY_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- public ------------------------------------------------------------------ */

SonaeStore *
sonae_bcp_worksheet_get_store (SonaeBcpWorksheet *self)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  g_return_val_if_fail (SONAE_IS_BCP_WORKSHEET (self), NULL);
  return priv->store;
}

void
sonae_bcp_worksheet_set_content (SonaeBcpWorksheet *self,
                                 GtkWidget         *content)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  g_return_if_fail (SONAE_IS_BCP_WORKSHEET (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  gtk_scrolled_window_set_child (priv->scrolled, content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

static GtkWidget *
get_content (SonaeBcpWorksheet *self)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);
  GtkWidget *child = gtk_scrolled_window_get_child (priv->scrolled);

  /* A widget that cannot scroll itself is put in a viewport. */
  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  return child;
}

void
sonae_bcp_worksheet_set_empty_page (SonaeBcpWorksheet *self,
                                    GtkWidget         *empty_page)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);
  gboolean shown;

  g_return_if_fail (SONAE_IS_BCP_WORKSHEET (self));
  g_return_if_fail (empty_page == NULL || GTK_IS_WIDGET (empty_page));

  if (priv->empty_page == empty_page)
    return;
  shown = priv->empty_page != NULL && gtk_stack_get_visible_child (GTK_STACK (priv->stack)) == priv->empty_page;
  if (priv->empty_page != NULL)
    gtk_stack_remove (GTK_STACK (priv->stack), priv->empty_page);
  priv->empty_page = empty_page;
  if (empty_page != NULL)
    {
      gtk_stack_add_named (GTK_STACK (priv->stack), empty_page, "empty");
      if (shown)
        gtk_stack_set_visible_child (GTK_STACK (priv->stack), empty_page);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_PAGE]);
}

void
sonae_bcp_worksheet_show_empty (SonaeBcpWorksheet *self,
                                gboolean           empty)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  g_return_if_fail (SONAE_IS_BCP_WORKSHEET (self));

  if (empty && priv->empty_page != NULL)
    gtk_stack_set_visible_child (GTK_STACK (priv->stack), priv->empty_page);
  else
    gtk_stack_set_visible_child (GTK_STACK (priv->stack), GTK_WIDGET (priv->scrolled));
}

void
sonae_bcp_worksheet_reload (SonaeBcpWorksheet *self)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  g_return_if_fail (SONAE_IS_BCP_WORKSHEET (self));

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  if (priv->store != NULL && SONAE_BCP_WORKSHEET_GET_CLASS (self)->reload != NULL)
    SONAE_BCP_WORKSHEET_GET_CLASS (self)->reload (self);
}

void
sonae_bcp_worksheet_save_now (SonaeBcpWorksheet *self)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  g_return_if_fail (SONAE_IS_BCP_WORKSHEET (self));

  if (priv->store != NULL && SONAE_BCP_WORKSHEET_GET_CLASS (self)->save_now != NULL)
    SONAE_BCP_WORKSHEET_GET_CLASS (self)->save_now (self);
}

gboolean
sonae_bcp_worksheet_can_add (SonaeBcpWorksheet *self)
{
  g_return_val_if_fail (SONAE_IS_BCP_WORKSHEET (self), FALSE);

  return SONAE_BCP_WORKSHEET_GET_CLASS (self)->add != NULL;
}

void
sonae_bcp_worksheet_add (SonaeBcpWorksheet *self)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  g_return_if_fail (SONAE_IS_BCP_WORKSHEET (self));

  if (priv->store != NULL && SONAE_BCP_WORKSHEET_GET_CLASS (self)->add != NULL)
    SONAE_BCP_WORKSHEET_GET_CLASS (self)->add (self);
}

GtkWindow *
sonae_bcp_worksheet_get_window (SonaeBcpWorksheet *self)
{
  GtkRoot *root;

  g_return_val_if_fail (SONAE_IS_BCP_WORKSHEET (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* --- deleting after a question ----------------------------------------------- */

typedef struct
{
  SonaeStore *store;
  SonaeBcpDeleteFunc delete_func;
  gint64 id;
  char *error_heading;
} DeleteData;

static void
delete_data_free (gpointer p)
{
  DeleteData *d = p;

  g_clear_object (&d->store);
  g_free (d->error_heading);
  g_free (d);
}

static void
delete_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    SonaeBcpWorksheet *self)
{
  DeleteData *d = g_object_get_data (G_OBJECT (dialog), "sonae-bcp-delete");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!d->delete_func (d->store, d->id, &error))
    sonae_show_error (GTK_WIDGET (self), d->error_heading, error);
}

void
sonae_bcp_worksheet_confirm_delete (SonaeBcpWorksheet  *self,
                                    const char         *heading,
                                    const char         *body,
                                    SonaeBcpDeleteFunc  delete_func,
                                    gint64              id,
                                    const char         *error_heading)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);
  GtkWidget *dialog;
  DeleteData *d;

  g_return_if_fail (SONAE_IS_BCP_WORKSHEET (self));
  g_return_if_fail (priv->store != NULL);

  dialog = adw_message_dialog_new (sonae_bcp_worksheet_get_window (self), heading, body);
  d = g_new0 (DeleteData, 1);
  d->store = g_object_ref (priv->store);
  d->delete_func = delete_func;
  d->id = id;
  d->error_heading = g_strdup (error_heading);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sonae-bcp-delete", d, delete_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- following the store ----------------------------------------------------- */

static gboolean
follows (SonaeBcpWorksheet *self,
         const char        *detail)
{
  const char *const *also = SONAE_BCP_WORKSHEET_GET_CLASS (self)->follows;

  /* The profile too: the organisation's kind decides the wording. */
  if (g_strcmp0 (detail, SONAE_CHANGED_BCP) == 0 || g_strcmp0 (detail, SONAE_CHANGED_PROFILE) == 0)
    return TRUE;
  return also != NULL && detail != NULL && g_strv_contains (also, detail);
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeBcpWorksheet *self = data;
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  priv->reload_source = 0;
  sonae_bcp_worksheet_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeStore        *store,
                  const char        *detail,
                  SonaeBcpWorksheet *self)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  if (!follows (self, detail))
    return;
  /* Once for all the changes that come together. */
  if (priv->reload_source == 0)
    priv->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* --- GObject ----------------------------------------------------------------- */

static void
sonae_bcp_worksheet_unmap (GtkWidget *widget)
{
  /* Left: what was typed is written now. */
  sonae_bcp_worksheet_save_now (SONAE_BCP_WORKSHEET (widget));
  GTK_WIDGET_CLASS (sonae_bcp_worksheet_parent_class)->unmap (widget);
}

static void
sonae_bcp_worksheet_constructed (GObject *object)
{
  SonaeBcpWorksheet *self = SONAE_BCP_WORKSHEET (object);
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  G_OBJECT_CLASS (sonae_bcp_worksheet_parent_class)->constructed (object);

  g_return_if_fail (SONAE_IS_STORE (priv->store));

  if (SONAE_BCP_WORKSHEET_GET_CLASS (self)->build != NULL)
    SONAE_BCP_WORKSHEET_GET_CLASS (self)->build (self);
  sonae_bcp_worksheet_reload (self);
  priv->changed_handler = g_signal_connect (priv->store, "changed", G_CALLBACK (store_changed_cb), self);
}

static void
sonae_bcp_worksheet_dispose (GObject *object)
{
  SonaeBcpWorksheet *self = SONAE_BCP_WORKSHEET (object);
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_handler, priv->store);
  priv->empty_page = NULL;
  priv->scrolled = NULL;
  g_clear_pointer (&priv->stack, gtk_widget_unparent);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (sonae_bcp_worksheet_parent_class)->dispose (object);
}

static void
sonae_bcp_worksheet_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SonaeBcpWorksheet *self = SONAE_BCP_WORKSHEET (object);
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, priv->scrolled != NULL ? get_content (self) : NULL);
      break;
    case PROP_EMPTY_PAGE:
      g_value_set_object (value, priv->empty_page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_bcp_worksheet_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SonaeBcpWorksheet *self = SONAE_BCP_WORKSHEET (object);
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (priv->store == NULL);
      priv->store = g_value_dup_object (value);
      break;
    case PROP_CONTENT:
      sonae_bcp_worksheet_set_content (self, g_value_get_object (value));
      break;
    case PROP_EMPTY_PAGE:
      sonae_bcp_worksheet_set_empty_page (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_bcp_worksheet_class_init (SonaeBcpWorksheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sonae_bcp_worksheet_constructed;
  object_class->dispose = sonae_bcp_worksheet_dispose;
  object_class->get_property = sonae_bcp_worksheet_get_property;
  object_class->set_property = sonae_bcp_worksheet_set_property;
  widget_class->unmap = sonae_bcp_worksheet_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SONAE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_PAGE] =
    g_param_spec_object ("empty-page", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcp-worksheet");
}

static void
sonae_bcp_worksheet_init (SonaeBcpWorksheet *self)
{
  SonaeBcpWorksheetPrivate *priv = sonae_bcp_worksheet_get_instance_private (self);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  sonae_load_style ("sonae-bcp-views.css");

  priv->stack = gtk_stack_new ();
  gtk_widget_set_parent (priv->stack, GTK_WIDGET (self));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (priv->stack), scrolled, "list");
  priv->scrolled = GTK_SCROLLED_WINDOW (scrolled);
}
