/* sonae-accessible.c: names for rows and list items.
 *
 * GTK 4.8 names an accessible by its label property, else by the label
 * properties of the accessibles it is "labelled by", read when a screen
 * reader asks; a GtkLabel's label property is its text. So a row labelled
 * by the labels it shows is named by their text, now and after they
 * change, and nothing has to be set again when they do. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"

/* A row named by its maker, which sonae_accessible_name_rows() leaves so. */
#define NAMED_KEY "sonae-accessible-named"
/* The children of a list box whose rows are named as they come. */
#define ROWS_KEY "sonae-accessible-rows"
/* A drop-down or combo row with our factory. */
#define CHOICES_KEY "sonae-accessible-choices"

/* --- relations ----------------------------------------------------------- */

static GList *
collect_labels (GtkWidget *first,
                va_list    args)
{
  GList *labels = NULL;

  for (GtkWidget *label = first; label != NULL; label = va_arg (args, GtkWidget *))
    {
      g_return_val_if_fail (GTK_IS_ACCESSIBLE (label), g_list_reverse (labels));
      labels = g_list_prepend (labels, label);
    }
  return g_list_reverse (labels);
}

/* Relate @widget to @labels (consumed): the list of a reference-list
 * value is taken by GTK, which holds each label by a weak reference, so a
 * label that goes is dropped from the relation, not left dangling. */
static void
relate (GtkWidget             *widget,
        GtkAccessibleRelation  relation,
        GList                 *labels)
{
  GValue value = G_VALUE_INIT;

  if (labels == NULL)
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), relation);
      return;
    }
  gtk_accessible_relation_init_value (relation, &value);
  g_value_set_pointer (&value, labels);
  gtk_accessible_update_relation_value (GTK_ACCESSIBLE (widget), 1, &relation, &value);
  g_value_unset (&value);
}

void
sonae_accessible_name_row (GtkWidget *row,
                           GtkWidget *label,
                           ...)
{
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_WIDGET (label));

  va_start (args, label);
  relate (row, GTK_ACCESSIBLE_RELATION_LABELLED_BY, collect_labels (label, args));
  va_end (args);
  g_object_set_data (G_OBJECT (row), NAMED_KEY, GINT_TO_POINTER (TRUE));
}

void
sonae_accessible_describe_row (GtkWidget *row,
                               GtkWidget *label,
                               ...)
{
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_WIDGET (label));

  va_start (args, label);
  relate (row, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, collect_labels (label, args));
  va_end (args);
}

/* --- rows ------------------------------------------------------------------ */

/* The first label under @widget, in the order of the widget tree, with the
 * CSS class @css_class. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_label (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/* The first list box under @widget (or @widget itself) with the CSS class
 * @css_class, or with any class when it is NULL. */
static GtkWidget *
find_list_box (GtkWidget  *widget,
               const char *css_class)
{
  if (GTK_IS_LIST_BOX (widget) && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
sonae_accessible_name_titled_row (GtkWidget *row)
{
  GtkWidget *title;
  GtkWidget *subtitle;

  g_return_if_fail (GTK_IS_WIDGET (row));

  /* libadwaita 1.2 names its action rows (so its combo rows) and its entry
   * rows itself, by the same labels. */
  if (ADW_IS_ACTION_ROW (row) || ADW_IS_ENTRY_ROW (row))
    return;

  /* An expander row shows its title and subtitle in a header row of its
   * own, first in the widget tree; the rows it reveals come after it and
   * are named as the rows of any list. */
  title = find_label (row, "title");
  if (title == NULL)
    return;
  subtitle = find_label (gtk_widget_get_parent (title), "subtitle");
  relate (row, GTK_ACCESSIBLE_RELATION_LABELLED_BY, g_list_prepend (NULL, title));
  relate (row, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle ? g_list_prepend (NULL, subtitle) : NULL);

  if (ADW_IS_EXPANDER_ROW (row))
    {
      GtkWidget *nested = find_list_box (row, "nested");

      if (nested != NULL)
        sonae_accessible_name_rows (nested);
    }
}

static void
rows_changed_cb (GListModel *children,
                 guint       position,
                 guint       removed,
                 guint       added,
                 gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (child, NAMED_KEY) == NULL)
        sonae_accessible_name_titled_row (GTK_WIDGET (child));
    }
}

void
sonae_accessible_name_rows (GtkWidget *list)
{
  GListModel *children;
  GtkWidget *box;

  g_return_if_fail (GTK_IS_WIDGET (list));

  box = find_list_box (list, NULL);
  g_return_if_fail (box != NULL);
  if (g_object_get_data (G_OBJECT (box), ROWS_KEY) != NULL)
    return;

  /* GtkListBox says nothing when a row is added; the live list of its
   * children does (at the cost of a walk along them each time, nothing
   * for the tens of rows of a list box). */
  children = gtk_widget_observe_children (box);
  g_signal_connect (children, "items-changed", G_CALLBACK (rows_changed_cb), NULL);
  g_object_set_data_full (G_OBJECT (box), ROWS_KEY, children, g_object_unref);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), NAMED_KEY) == NULL)
      sonae_accessible_name_titled_row (child);
}

/* --- list items ------------------------------------------------------------ */

void
sonae_accessible_name_list_item (GtkListItem *item,
                                 GtkWidget   *label,
                                 ...)
{
  GtkWidget *child;
  GtkWidget *widget;
  va_list args;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));
  g_return_if_fail (GTK_IS_WIDGET (label));

  /* GTK 4.8 has no way to name a list item (4.12 has
   * gtk_list_item_set_accessible_label()). What a screen reader lands on
   * is the private widget that holds the item's child: the child's parent
   * once the item is bound (not yet at "setup"), an accessible as any
   * widget. */
  child = gtk_list_item_get_child (item);
  widget = child != NULL ? gtk_widget_get_parent (child) : NULL;
  g_return_if_fail (widget != NULL);

  va_start (args, label);
  relate (widget, GTK_ACCESSIBLE_RELATION_LABELLED_BY, collect_labels (label, args));
  va_end (args);
}

/* --- the items of drop-downs and combo rows -------------------------------- */

/* GtkDropDown (GTK 4.8) and AdwComboRow (libadwaita 1.2) make the items of
 * their popup, and the chosen one shown on the button or the row, with a
 * private factory: a label and, in the popup, a check mark on the chosen
 * item; the items go unnamed. This factory makes the same, named by their
 * label. It holds @choice unowned, as the toolkit's own does: @choice owns
 * the factory. */

static char *
choice_text (GtkWidget *choice,
             gpointer   item)
{
  GtkExpression *expression;
  GValue value = G_VALUE_INIT;
  char *text;

  expression = GTK_IS_DROP_DOWN (choice) ? gtk_drop_down_get_expression (GTK_DROP_DOWN (choice))
                                         : adw_combo_row_get_expression (ADW_COMBO_ROW (choice));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    {
      text = g_value_dup_string (&value);
      g_value_unset (&value);
      return text;
    }
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return NULL;
}

/* The item bound in the popup of @choice, not on its button or row. */
static gboolean
in_popup (GtkWidget *choice,
          GtkWidget *child)
{
  GtkWidget *popover = gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_is_ancestor (popover, choice);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GtkWidget                *choice)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  /* The item's state says which is chosen: the mark is for the eye. */
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "object-select-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ADW_IS_COMBO_ROW (choice))
    {
      /* As libadwaita's: a long item does not widen the row. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
    }
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
choice_selected_cb (GtkWidget   *choice,
                    GParamSpec  *pspec,
                    GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  g_autoptr(GObject) selected = NULL;

  g_object_get (choice, "selected-item", &selected, NULL);
  gtk_widget_set_opacity (check, selected != NULL && selected == gtk_list_item_get_item (item) ? 1 : 0);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GtkWidget                *choice)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *check = gtk_widget_get_last_child (box);
  g_autofree char *text = choice_text (choice, gtk_list_item_get_item (item));
  GtkWidget *button;

  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  sonae_accessible_name_list_item (item, label, NULL);

  if (in_popup (choice, box))
    {
      gtk_widget_set_visible (check, TRUE);
      g_signal_connect_object (choice, "notify::selected-item", G_CALLBACK (choice_selected_cb), item, 0);
      choice_selected_cb (choice, NULL, item);
      return;
    }
  gtk_widget_set_visible (check, FALSE);

  /* What a drop-down shows closed is a toggle button of its own, which GTK
   * 4.8 leaves unnamed; what is named is the drop-down, which is not
   * focused. The button takes the drop-down's label (its label property:
   * a relation is read one step deep) and the chosen item. */
  button = gtk_widget_get_ancestor (box, GTK_TYPE_TOGGLE_BUTTON);
  if (GTK_IS_DROP_DOWN (choice) && button != NULL && gtk_widget_is_ancestor (button, choice))
    {
      relate (button, GTK_ACCESSIBLE_RELATION_LABELLED_BY, g_list_prepend (NULL, choice));
      relate (button, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, g_list_prepend (NULL, label));
    }
}

static void
choice_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GtkWidget                *choice)
{
  g_signal_handlers_disconnect_by_func (choice, choice_selected_cb, item);
}

void
sonae_accessible_name_choices (GtkWidget *choice)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (choice) || ADW_IS_COMBO_ROW (choice));

  if (g_object_get_data (G_OBJECT (choice), CHOICES_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (choice), CHOICES_KEY, GINT_TO_POINTER (TRUE));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), choice);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), choice);
  g_signal_connect (factory, "unbind", G_CALLBACK (choice_unbind_cb), choice);
  /* The factory of the items shown closed, and of the popup's while it
   * has none of its own. */
  if (GTK_IS_DROP_DOWN (choice))
    gtk_drop_down_set_factory (GTK_DROP_DOWN (choice), factory);
  else
    adw_combo_row_set_factory (ADW_COMBO_ROW (choice), factory);
}

/* --- preferences windows --------------------------------------------------- */

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_of_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

void
sonae_accessible_name_preferences_search (AdwPreferencesWindow *window)
{
  GtkWidget *entry;
  const char *name;

  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window));

  /* libadwaita 1.2 gives no access to it: it is the first search entry of
   * the window, in its header bar, before any page. */
  entry = find_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  if (entry == NULL)
    return;
  /* Translators: what a screen reader calls a settings window's search */
  name = C_("accessible", "Search");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
