/* sonae-test-gui.h: the window every GUI test runs in, and finding widgets
 * and dialogs in it */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"
#include "sonae-window.h"

G_BEGIN_DECLS

/* A GUI test's fixture: a fresh data folder and store, and a plain window
 * (not yet presented, 1000 × 700) whose child is an AdwToastOverlay
 * registered with sonae_window_set_toast_overlay(), as the real window's
 * is. A test file whose fixture needs more puts this first in its own.
 *
 * Tear-down destroys every other toplevel (the dialogs a test opened), then
 * the window, and checks that the window and the page are finalized; then
 * it closes the store and removes the folder. */
typedef struct {
  char               *dir;
  SonaeStore         *store;
  GtkWidget          *window;    /* owned; NULL once closed */
  GtkWidget          *page;      /* the widget under test, owned; or NULL */
  GPtrArray          *activated; /* of char *: the recorded actions, in order */
  GSimpleActionGroup *actions;   /* the recorded "win" actions, or NULL */
} SonaeTestWindow;

/* What every GUI test does first: the pointer out of the way, GTK 4.8's
 * one harmless warning from a gone popover's tooltip not fatal. */
void         sonae_test_gui_prepare          (void);
/* Whether a wrapped line of @label starts inside @word. */
gboolean     sonae_test_label_breaks_inside  (GtkLabel           *label,
                                              const char         *word);
/* Fails the test when a visible label under @root wraps inside one of
 * @words (NULL-terminated); the number of visible labels that wrap. */
guint        sonae_test_assert_phrases_whole (GtkWidget          *root,
                                              const char *const  *words);
void         sonae_test_window_set_up        (SonaeTestWindow    *f,
                                              gconstpointer       data);
void         sonae_test_window_tear_down     (SonaeTestWindow    *f,
                                              gconstpointer       data);
/* Give the window the action "win.@name" (taking @type, or nothing when
 * NULL), which only records its activations in @f->activated: "name" alone,
 * or "name:parameter" (a string as it is, any other value printed). */
void         sonae_test_window_record_action (SonaeTestWindow    *f,
                                              const char         *name,
                                              const GVariantType *type);
/* Make @page the window's content and the fixture's page, present the
 * window and let it draw; the _scrolled one puts @page in a scrolled window
 * first. */
void         sonae_test_window_show          (SonaeTestWindow    *f,
                                              GtkWidget          *page);
void         sonae_test_window_show_scrolled (SonaeTestWindow    *f,
                                              GtkWidget          *page);
/* Close the window as tear-down does (the other toplevels destroyed, the
 * window and the page checked finalized), for a test that goes on without
 * it. */
void         sonae_test_window_close         (SonaeTestWindow    *f);
/* Sonae's own window on the fixture's store, in place of the plain one
 * (closed as above): not yet presented, and closed in its turn at
 * tear-down. */
SonaeWindow *sonae_test_window_open_main     (SonaeTestWindow    *f);

typedef gboolean (*SonaeTestWidgetPredicate) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root (itself included, depth first) for which
 * @predicate holds, or NULL; all of them, in that order, appended to
 * @out. */
GtkWidget *sonae_test_find_widget         (GtkWidget                *root,
                                           SonaeTestWidgetPredicate  predicate,
                                           gconstpointer             data);
void       sonae_test_collect_widgets     (GtkWidget                *root,
                                           SonaeTestWidgetPredicate  predicate,
                                           gconstpointer             data,
                                           GPtrArray                *out);
/* Predicates: the widget's name is @name (a string); it is of @type
 * (GSIZE_TO_POINTER of a GType); it is a button labelled @label; it is an
 * AdwPreferencesRow titled @title. */
gboolean   sonae_test_is_named            (GtkWidget                *widget,
                                           gconstpointer             name);
gboolean   sonae_test_is_type             (GtkWidget                *widget,
                                           gconstpointer             type);
gboolean   sonae_test_is_button_labelled  (GtkWidget                *widget,
                                           gconstpointer             label);
gboolean   sonae_test_is_row_titled       (GtkWidget                *widget,
                                           gconstpointer             title);
/* The widget named @name, or of @type, under @root; fails the test when
 * there is none. */
GtkWidget *sonae_test_named               (GtkWidget                *root,
                                           const char               *name);
GtkWidget *sonae_test_of_type             (GtkWidget                *root,
                                           GType                     type);
/* The template child @name of @widget (of the template class @type); fails
 * the test when there is none. */
GObject   *sonae_test_template_child      (GtkWidget                *widget,
                                           GType                     type,
                                           const char               *name);
/* The texts of the visible labels under @root, depth first, each after a
 * "|". */
char      *sonae_test_label_texts         (GtkWidget                *root);

/* The texts of the labels under @root that a person sees (mapped: not in
 * a hidden page or a collapsed row), depth first, each after a "|". */
char      *sonae_test_shown_texts         (GtkWidget                *root);

/* Type @text into the editable named @name under @root; click the button
 * named @name under @root, and let the window answer. */
void       sonae_test_set_text            (GtkWidget                *root,
                                           const char               *name,
                                           const char               *text);
void       sonae_test_click               (GtkWidget                *root,
                                           const char               *name);

/* A visible toplevel window: the one named @name_or_heading, or the
 * AdwMessageDialog headed @name_or_heading; the one of @type. NULL when
 * there is none (the last listed when there are several). */
GtkWidget *sonae_test_find_dialog         (const char               *name_or_heading);
GtkWidget *sonae_test_find_dialog_of_type (GType                     type);
/* Spin the main loop until no visible toplevel of @type is left; fail the
 * test after @timeout_ms. */
void       sonae_test_wait_no_dialog      (GType                     type,
                                           guint                     timeout_ms);

G_END_DECLS
