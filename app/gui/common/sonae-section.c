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
