/* sonae-accessible.h: names a screen reader can speak for the rows of lists
 * and the items of list views and drop-downs, which GTK 4.8 and
 * libadwaita 1.2 leave unnamed */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Name @row (or any widget a screen reader lands on) by the text of @label
 * and of the labels after it, up to NULL, in that order. The name follows
 * their text as it changes. sonae_accessible_name_rows() leaves a row named
 * so as it is. */
void sonae_accessible_name_row                (GtkWidget            *row,
                                               GtkWidget            *label,
                                               ...) G_GNUC_NULL_TERMINATED;
/* Describe @row by the text of these labels: what a screen reader reads
 * after the name. */
void sonae_accessible_describe_row            (GtkWidget            *row,
                                               GtkWidget            *label,
                                               ...) G_GNUC_NULL_TERMINATED;
/* Name a libadwaita row by the label that shows its title, and describe it
 * by the one that shows its subtitle; for an expander row, its nested rows
 * too, as sonae_accessible_name_rows() does. A row without a title label is
 * left as it is. */
void sonae_accessible_name_titled_row         (GtkWidget            *row);
/* Name every row of @list, a GtkListBox or a widget that holds one (an
 * AdwPreferencesGroup), now and as rows are added later, by its title
 * (sonae_accessible_name_titled_row()); the rows its maker named with
 * sonae_accessible_name_row() keep their name. One call a list. */
void sonae_accessible_name_rows               (GtkWidget            *list);

/* In the "bind" of a list item factory: name the list item, the row of the
 * list view that a screen reader lands on, by these labels of its child. */
void sonae_accessible_name_list_item          (GtkListItem          *item,
                                               GtkWidget            *label,
                                               ...) G_GNUC_NULL_TERMINATED;

/* Make the items of @choice, a GtkDropDown or an AdwComboRow that shows its
 * items as text (a GtkStringList, or strings through its expression), with
 * a factory of ours: the same label and check mark as the toolkit's own,
 * and a name. A drop-down's button is named after the drop-down and
 * described by the chosen item. Instead of the toolkit's factory, not of a
 * factory of the caller's; once, however often it is called. */
void sonae_accessible_name_choices            (GtkWidget            *choice);

/* Name the search field of @window, which libadwaita 1.2 leaves unnamed. */
void sonae_accessible_name_preferences_search (AdwPreferencesWindow *window);

G_END_DECLS
