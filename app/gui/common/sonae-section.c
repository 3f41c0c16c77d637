/* sonae-section.c: the base of the window's sections: the store, its
 * change notices, the content built when first shown, saving on leaving */
#include "config.h"

#include "sonae-section.h"

typedef struct
{
  SonaeStore *store;
  gulong changed_id;
  gboolean built;
  gboolean building;
  gboolean fill_pending;         /* built, the second step still to come */
  GdkFrameClock *fill_clock;     /* waited on for the first frame */
  gulong fill_paint_id;
  guint fill_source;
} SonaeSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SonaeSection, sonae_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SonaeStore *
sonae_section_get_store (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  g_return_val_if_fail (SONAE_IS_SECTION (self), NULL);
  return priv->store;
}

gboolean
sonae_section_is_built (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  g_return_val_if_fail (SONAE_IS_SECTION (self), FALSE);
  return priv->built;
}

static void
cancel_fill (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  /* A clock whose window went away has dropped its handlers already. */
  if (priv->fill_clock != NULL && priv->fill_paint_id != 0 &&
      g_signal_handler_is_connected (priv->fill_clock, priv->fill_paint_id))
    g_signal_handler_disconnect (priv->fill_clock, priv->fill_paint_id);
  priv->fill_paint_id = 0;
  g_clear_object (&priv->fill_clock);
  g_clear_handle_id (&priv->fill_source, g_source_remove);
}

static void
run_fill (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  cancel_fill (self);
  if (!priv->fill_pending)
    return;
  priv->fill_pending = FALSE;
  SONAE_SECTION_GET_CLASS (self)->fill (self);
}

static gboolean
fill_idle_cb (gpointer data)
{
  SonaeSection *self = data;
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  priv->fill_source = 0;
  run_fill (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        SonaeSection  *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  g_signal_handler_disconnect (clock, priv->fill_paint_id);
  priv->fill_paint_id = 0;
  g_clear_object (&priv->fill_clock);
  if (priv->fill_source == 0)
    priv->fill_source = g_idle_add (fill_idle_cb, self);
}

/* The second step waits for the window's next frame to be painted: the
 * one that shows the section. Without a window (or before it is shown),
 * it waits for the main loop to be idle. */
static void
schedule_fill (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  priv->fill_pending = TRUE;
  if (root != NULL && gtk_widget_get_realized (GTK_WIDGET (root)))
    {
      GtkWidget *window = GTK_WIDGET (root);

      priv->fill_clock = g_object_ref (gtk_widget_get_frame_clock (window));
      priv->fill_paint_id = g_signal_connect (priv->fill_clock, "after-paint",
                                              G_CALLBACK (first_frame_painted_cb), self);
      gtk_widget_queue_draw (window);
    }
  else
    priv->fill_source = g_idle_add (fill_idle_cb, self);
}

gboolean
sonae_section_is_filled (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  g_return_val_if_fail (SONAE_IS_SECTION (self), TRUE);
  return !priv->fill_pending;
}

void
sonae_section_ensure_filled (SonaeSection *self)
{
  g_return_if_fail (SONAE_IS_SECTION (self));

  sonae_section_ensure_built (self);
  run_fill (self);
}

void
sonae_section_ensure_built (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  g_return_if_fail (SONAE_IS_SECTION (self));

  if (priv->built || priv->building || priv->store == NULL)
    return;
  priv->building = TRUE;
  if (SONAE_SECTION_GET_CLASS (self)->build != NULL)
    SONAE_SECTION_GET_CLASS (self)->build (self);
  priv->building = FALSE;
  priv->built = TRUE;
  if (SONAE_SECTION_GET_CLASS (self)->fill != NULL)
    schedule_fill (self);
}

gboolean
sonae_section_save_now (SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  g_return_val_if_fail (SONAE_IS_SECTION (self), FALSE);

  /* Nothing can have been typed in a section never built. */
  if (!priv->built || SONAE_SECTION_GET_CLASS (self)->save_now == NULL)
    return TRUE;
  return SONAE_SECTION_GET_CLASS (self)->save_now (self);
}

gboolean
sonae_section_focus_search (SonaeSection *self)
{
  g_return_val_if_fail (SONAE_IS_SECTION (self), FALSE);

  if (SONAE_SECTION_GET_CLASS (self)->focus_search == NULL)
    return FALSE;
  sonae_section_ensure_built (self);
  return SONAE_SECTION_GET_CLASS (self)->focus_search (self);
}

const char *
sonae_section_get_place (SonaeSection *self)
{
  g_return_val_if_fail (SONAE_IS_SECTION (self), NULL);

  if (SONAE_SECTION_GET_CLASS (self)->get_place == NULL)
    return NULL;
  return SONAE_SECTION_GET_CLASS (self)->get_place (self);
}

static void
store_changed_cb (SonaeStore   *store,
                  const char   *detail,
                  SonaeSection *self)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  if (priv->built && SONAE_SECTION_GET_CLASS (self)->store_changed != NULL)
    SONAE_SECTION_GET_CLASS (self)->store_changed (self, detail);
}

static void
sonae_section_map (GtkWidget *widget)
{
  sonae_section_ensure_built (SONAE_SECTION (widget));
  GTK_WIDGET_CLASS (sonae_section_parent_class)->map (widget);
}

static void
sonae_section_unmap (GtkWidget *widget)
{
  sonae_section_save_now (SONAE_SECTION (widget));
  GTK_WIDGET_CLASS (sonae_section_parent_class)->unmap (widget);
}

static void
sonae_section_dispose (GObject *object)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (SONAE_SECTION (object));

  cancel_fill (SONAE_SECTION (object));
  priv->fill_pending = FALSE;
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (sonae_section_parent_class)->dispose (object);
}

static void
sonae_section_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (SONAE_SECTION (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_section_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SonaeSection *self = SONAE_SECTION (object);
  SonaeSectionPrivate *priv = sonae_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (priv->store == NULL);
      priv->store = g_value_dup_object (value);
      if (priv->store != NULL)
        priv->changed_id = g_signal_connect (priv->store, "changed", G_CALLBACK (store_changed_cb), self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_section_class_init (SonaeSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_section_dispose;
  object_class->get_property = sonae_section_get_property;
  object_class->set_property = sonae_section_set_property;
  widget_class->map = sonae_section_map;
  widget_class->unmap = sonae_section_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SONAE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sonae_section_init (SonaeSection *self)
{
}
