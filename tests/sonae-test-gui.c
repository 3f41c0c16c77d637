/* sonae-test-gui.c: finding widgets in the real window, for the GUI tests */
#include "config.h"

#include "sonae-test-gui.h"

GtkWidget *
sonae_test_find_widget (GtkWidget       *root,
                        SonaeTestWidgetPredicate  predicate,
                        gconstpointer    data)
{
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sonae_test_find_widget (child, predicate, data);
      if (found)
        return found;
    }
  return NULL;
}

gboolean
sonae_test_is_named (GtkWidget     *widget,
                     gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

gboolean
sonae_test_is_type (GtkWidget     *widget,
                    gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
sonae_test_named (GtkWidget  *root,
                  const char *name)
{
  GtkWidget *found = sonae_test_find_widget (root, sonae_test_is_named, name);

  if (found == NULL)
    g_error ("no widget named %s", name);
  return found;
}

GtkWidget *
sonae_test_of_type (GtkWidget *root,
                    GType      type)
{
  GtkWidget *found = sonae_test_find_widget (root, sonae_test_is_type, GSIZE_TO_POINTER (type));

  if (found == NULL)
    g_error ("no widget of type %s", g_type_name (type));
  return found;
}
