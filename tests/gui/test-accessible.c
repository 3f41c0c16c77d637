/* test-accessible.c: the names sonae-accessible.c gives to what GTK 4.8 and
 * libadwaita 1.2 leave unnamed: rows, the rows added to a list later, the
 * items of a list view, of a drop-down and of a combo row (closed and in
 * their popup), a drop-down's button and a preferences window's search.
 *
 * A name is what the accessible is "labelled by" (GTK reads the labels'
 * text when a screen reader asks): each test finds, among the labels a
 * row shows, the one it is labelled by, and checks its text. test-a11y.c
 * reads the same names through AT-SPI, in the whole window. Run under
 * xvfb-run. */
#include "config.h"

#include <adwaita.h>

#include "sonae-accessible.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

/* --- helpers ----------------------------------------------------------------- */

/* The label under @root that @accessible's relation @relation holds (and
 * only it), or NULL. */
static GtkWidget *
related_label (GtkWidget             *accessible,
               GtkAccessibleRelation  relation,
               GtkWidget             *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sonae_test_collect_widgets (root, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (accessible), relation,
                                                                     g_ptr_array_index (labels, i), NULL);

      if (differs == NULL)
        return g_ptr_array_index (labels, i);
    }
  return NULL;
}

/* What a screen reader calls @accessible, when one label of its own names
 * it: that label's text, or NULL. */
static const char *
name_of (GtkWidget *accessible)
{
  GtkWidget *label = related_label (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, accessible);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static const char *
description_of (GtkWidget *accessible)
{
  GtkWidget *label = related_label (accessible, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, accessible);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static GtkWidget *
titled_expander (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  return row;
}

/* A plain row showing a label with the class "title", as libadwaita's
 * rows do. */
static GtkWidget *
titled_plain_row (const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "title");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* The widget a screen reader lands on for @label: its nearest focusable
 * ancestor (a list item's private widget, a row). */
static GtkWidget *
landing (GtkWidget *label)
{
  GtkWidget *widget = gtk_widget_get_parent (label);

  while (widget != NULL && !gtk_widget_get_focusable (widget))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  return widget;
}

/* How many labels under @root show one of @texts; each must name the list
 * item that holds it. */
static guint
count_items_named (GtkWidget          *root,
                   const char * const *texts)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  sonae_test_collect_widgets (root, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!g_strv_contains (texts, gtk_label_get_text (GTK_LABEL (label))))
        continue;
      g_assert_cmpstr (name_of (landing (label)), ==, gtk_label_get_text (GTK_LABEL (label)));
      n++;
    }
  return n;
}

/* Whether the popup of @choice shows its check mark beside @text. */
static gboolean
checked_in_popup (GtkWidget  *choice,
                  const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sonae_test_collect_widgets (choice, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *check = gtk_widget_get_next_sibling (label);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0 &&
          gtk_widget_get_ancestor (label, GTK_TYPE_POPOVER) != NULL)
        return GTK_IS_IMAGE (check) && gtk_widget_get_visible (check) && gtk_widget_get_opacity (check) > 0;
    }
  g_error ("“%s” is not in the popup", text);
}

/* --- tests -------------------------------------------------------------------- */

/* A row of ours: named by the labels its maker chose, in their order, and
 * described by another. */
static void
test_row (SonaeTestWindow *f,
          gconstpointer    data)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *time = gtk_label_new ("10:42");
  GtkWidget *text = gtk_label_new ("Incident opened");
  GtkWidget *author = gtk_label_new ("Hanako");

  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), author);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  sonae_accessible_name_row (row, time, text, NULL);
  sonae_accessible_describe_row (row, author, NULL);
  sonae_test_window_show (f, list);

  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, time, text, NULL);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, author, NULL);
}

/* The rows of a group, one call for all: an expander row by its title
 * (which libadwaita 1.2 leaves unnamed), its subtitle as its description,
 * the rows it reveals, the rows added after the call; a row its maker
 * named keeps that name; an action row keeps libadwaita's. */
static void
test_rows (SonaeTestWindow *f,
           gconstpointer    data)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *before = titled_expander ("Before", "Its subtitle");
  GtkWidget *revealed = titled_plain_row ("Revealed");
  GtkWidget *action = adw_action_row_new ();
  GtkWidget *mine = gtk_list_box_row_new ();
  GtkWidget *mine_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *mine_title = gtk_label_new ("Not its name");
  GtkWidget *mine_label = gtk_label_new ("Its name");
  GtkWidget *after;
  GtkWidget *revealed_later;

  adw_expander_row_add_row (ADW_EXPANDER_ROW (before), revealed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action), "An action row");
  gtk_widget_add_css_class (mine_title, "title");
  gtk_box_append (GTK_BOX (mine_box), mine_title);
  gtk_box_append (GTK_BOX (mine_box), mine_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (mine), mine_box);
  sonae_accessible_name_row (mine, mine_label, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), before);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), action);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mine);

  sonae_accessible_name_rows (group);
  after = titled_expander ("After", "Added later");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), after);
  revealed_later = titled_plain_row ("Revealed later");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (after), revealed_later);
  sonae_test_window_show (f, group);

  g_assert_cmpstr (name_of (before), ==, "Before");
  g_assert_cmpstr (description_of (before), ==, "Its subtitle");
  g_assert_cmpstr (name_of (revealed), ==, "Revealed");
  g_assert_cmpstr (name_of (action), ==, "An action row");
  g_assert_cmpstr (name_of (mine), ==, "Its name");
  g_assert_cmpstr (name_of (after), ==, "After");
  g_assert_cmpstr (description_of (after), ==, "Added later");
  g_assert_cmpstr (name_of (revealed_later), ==, "Revealed later");

  /* A relation to the label: the name is its text when asked. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (before), "Renamed");
  g_assert_cmpstr (name_of (before), ==, "Renamed");
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  sonae_accessible_name_list_item (item, label, NULL);
}

/* The items of a list view, named in "bind" by the label they show. */
static void
test_list_item (SonaeTestWindow *f,
                gconstpointer    data)
{
  static const char *const names[] = { "Tanaka", "Suzuki", NULL };
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkStringList *model = gtk_string_list_new (names);
  GtkWidget *view;

  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (model))), factory);
  sonae_test_window_show (f, view);

  g_assert_cmpuint (count_items_named (view, names), ==, 2);
}

/* A combo row's and a drop-down's items, closed and in their popup, and
 * the check mark on the chosen one; the drop-down's button. */
static void
test_choices (SonaeTestWindow *f,
              gconstpointer    data)
{
  static const char *const levels[] = { "Level 0", "Level 1", "Level 2", NULL };
  static const char *const years[] = { "Any year", "2026", NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (levels);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *combo = adw_combo_row_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (years);
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), "Damage level");
  sonae_accessible_name_choices (combo);
  /* Once, however often. */
  sonae_accessible_name_choices (combo);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  gtk_list_box_append (GTK_LIST_BOX (list), combo);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, "Year", -1);
  sonae_accessible_name_choices (drop_down);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), drop_down);
  sonae_test_window_show (f, box);

  /* Closed: the chosen item, on the row; on the button, which is named
   * after the drop-down and described by its choice. */
  g_assert_cmpuint (count_items_named (combo, levels), >=, 1);
  button = gtk_widget_get_first_child (drop_down);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL);
  g_assert_cmpstr (description_of (button), ==, "2026");

  /* Open: every item, the check mark on the chosen one, and it follows. */
  gtk_widget_activate (combo);
  sonae_test_spin_for (100);
  g_assert_cmpuint (count_items_named (combo, levels), ==, 1 + 3);
  g_assert_true (checked_in_popup (combo, "Level 1"));
  g_assert_false (checked_in_popup (combo, "Level 0"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 2);
  g_assert_true (checked_in_popup (combo, "Level 2"));
  g_assert_false (checked_in_popup (combo, "Level 1"));
  gtk_popover_popdown (GTK_POPOVER (sonae_test_of_type (combo, GTK_TYPE_POPOVER)));

  g_signal_emit_by_name (drop_down, "activate");
  sonae_test_spin_for (100);
  g_assert_cmpuint (count_items_named (drop_down, years), ==, 1 + 2);
  g_assert_true (checked_in_popup (drop_down, "2026"));
  g_assert_false (checked_in_popup (drop_down, "Any year"));
  gtk_popover_popdown (GTK_POPOVER (sonae_test_of_type (drop_down, GTK_TYPE_POPOVER)));
}

/* The search field of a preferences window. */
static void
test_preferences_search (SonaeTestWindow *f,
                         gconstpointer    data)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *entry = sonae_test_of_type (window, GTK_TYPE_SEARCH_ENTRY);

  sonae_accessible_name_preferences_search (ADW_PREFERENCES_WINDOW (window));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, "Search");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own record of names and relations, with no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/accessible/" path, SonaeTestWindow, NULL, sonae_test_window_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("row", test_row);
  ADD ("rows", test_rows);
  ADD ("list-item", test_list_item);
  ADD ("choices", test_choices);
  ADD ("preferences-search", test_preferences_search);
#undef ADD

  return g_test_run ();
}
