/* sonae-test-gui.h: finding widgets in the real window, for the GUI tests */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*SonaeTestWidgetPredicate) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root (itself included, depth first) for which
 * @predicate holds, or NULL. */
GtkWidget *sonae_test_find_widget (GtkWidget       *root,
                                   SonaeTestWidgetPredicate  predicate,
                                   gconstpointer    data);
/* Predicates: the widget's name is @name (a string); it is of @type
 * (GSIZE_TO_POINTER of a GType). */
gboolean   sonae_test_is_named    (GtkWidget       *widget,
                                   gconstpointer    name);
gboolean   sonae_test_is_type     (GtkWidget       *widget,
                                   gconstpointer    type);
/* The widget named @name, or of @type, under @root; fails the test when
 * there is none. */
GtkWidget *sonae_test_named       (GtkWidget       *root,
                                   const char      *name);
GtkWidget *sonae_test_of_type     (GtkWidget       *root,
                                   GType            type);

G_END_DECLS
