/* test-roles-dialog.c: the roles dialog, where Home's "Whom to Call" rows
 * lead: choosing a holder among the staff and vendors, adding a new person
 * right there, and removing a holder with Undo. Run under xvfb-run. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-contact-chooser.h"
#include "sonae-contacts.h"
#include "sonae-role.h"
#include "sonae-roles-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

/* --- helpers ----------------------------------------------------------------- */

static GtkWidget *
open_dialog (SonaeTestWindow *f,
             const char      *role_key)
{
  GtkWidget *dialog;

  sonae_test_window_show (f, gtk_label_new (NULL));
  dialog = sonae_roles_dialog_new (GTK_WINDOW (f->window), f->store);
  sonae_roles_dialog_show_role (SONAE_ROLES_DIALOG (dialog), role_key);
  gtk_window_present (GTK_WINDOW (dialog));
  sonae_test_spin_for (50);
  return dialog;
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

/* The "+" of @role_key's group. */
static GtkMenuButton *
add_button (GtkWidget  *dialog,
            const char *role_key)
{
  GtkWidget *group = sonae_test_find_widget (dialog, is_group_titled, sonae_role_get_name (role_key));

  g_assert_nonnull (group);
  return GTK_MENU_BUTTON (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group)));
}

/* Press the "+" of @role_key and return the chooser it pops up. */
static SonaeContactChooser *
pop_up_chooser (GtkWidget  *dialog,
                const char *role_key)
{
  GtkMenuButton *button = add_button (dialog, role_key);
  GtkWidget *popover;

  gtk_menu_button_popup (button);
  sonae_test_spin_for (50);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  return SONAE_CONTACT_CHOOSER (sonae_test_of_type (popover, SONAE_TYPE_CONTACT_CHOOSER));
}

static const char *
chooser_page (SonaeContactChooser *chooser)
{
  GObject *stack = sonae_test_template_child (GTK_WIDGET (chooser), SONAE_TYPE_CONTACT_CHOOSER, "stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
holders_are (SonaeTestWindow *f,
             const char      *role,
             const gint64    *ids,
             guint            n_ids)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (f->store, role, NULL);

  if (holders == NULL || holders->len != n_ids)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    if (((SonaeContact *) g_ptr_array_index (holders, i))->id != ids[i])
      return FALSE;
  return TRUE;
}

static SonaeContact *
find_by_name (SonaeTestWindow *f,
              const char      *name)
{
  g_autoptr(GPtrArray) all = sonae_contacts_list (f->store, -1, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (all, i);

      if (g_strcmp0 (c->name, name) == 0)
        return g_object_ref (c);
    }
  return NULL;
}

/* The dialog rebuilds when idle, after the popover's animation. */
static gboolean
lists_holder (gpointer dialog)
{
  return sonae_test_find_widget (dialog, sonae_test_is_row_titled, "受付 花子") != NULL;
}

/* The Undo button of the toast that names @name (an older toast may still
 * be on its way out). */
static GtkWidget *
undo_button (GtkWidget  *dialog,
             const char *name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  sonae_test_collect_widgets (dialog, sonae_test_is_button_labelled, "_Undo", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *toast = gtk_widget_get_parent (g_ptr_array_index (buttons, i));
      GtkWidget *label = sonae_test_find_widget (toast, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));

      if (label != NULL && strstr (gtk_label_get_text (GTK_LABEL (label)), name) != NULL)
        return g_ptr_array_index (buttons, i);
    }
  return NULL;
}

/* --- tests ------------------------------------------------------------------- */

/* At the first start the roster holds only the authorities Sonae brought:
 * the chooser of a holder does not offer the police as the first
 * responder, it asks for a new person (name, phone), stores them and gives
 * them the role. */
static void
test_new_person_first_start (SonaeTestWindow *f,
                             gconstpointer    data)
{
  GtkWidget *dialog = open_dialog (f, SONAE_ROLE_FIRST);
  SonaeContactChooser *chooser = pop_up_chooser (dialog, SONAE_ROLE_FIRST);
  g_autoptr(GtkWidget) popover = NULL;
  GtkWidget *add;
  guint before = sonae_contacts_count (f->store);
  g_autoptr(SonaeContact) person = NULL;
  SonaeLabeled *phone;

  g_assert_cmpuint (before, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sonae_contact_chooser_get_model (chooser)), ==, 0);
  g_assert_cmpstr (chooser_page (chooser), ==, "new");

  /* Nothing to add without a name. */
  add = sonae_test_named (GTK_WIDGET (chooser), "add-person-button");
  g_assert_false (gtk_widget_is_sensitive (add));
  sonae_test_set_text (GTK_WIDGET (chooser), "person-phone-row", "090-1234-5678");
  g_assert_false (gtk_widget_is_sensitive (add));
  sonae_test_set_text (GTK_WIDGET (chooser), "person-name-row", "受付 花子");
  g_assert_true (gtk_widget_is_sensitive (add));
  /* The dialog rebuilds its groups, and the chooser with them. */
  popover = g_object_ref (gtk_widget_get_ancestor (GTK_WIDGET (chooser), GTK_TYPE_POPOVER));
  sonae_test_click (GTK_WIDGET (chooser), "add-person-button");

  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before + 1);
  person = find_by_name (f, "受付 花子");
  g_assert_nonnull (person);
  g_assert_cmpint (person->group, ==, SONAE_GROUP_STAFF);
  g_assert_cmpuint (person->phones->len, ==, 1);
  phone = g_ptr_array_index (person->phones, 0);
  g_assert_cmpstr (phone->value, ==, "090-1234-5678");
  g_assert_cmpstr (phone->label, ==, "mobile");
  g_assert_true (holders_are (f, SONAE_ROLE_FIRST, &person->id, 1));
  /* The popover is gone; the dialog lists the new holder. */
  g_assert_false (gtk_widget_get_visible (popover));
  sonae_test_spin_until (lists_holder, dialog, 5000, "the dialog to list the new holder");
}

/* With staff and vendors in the roster, the chooser lists them (and not
 * the authorities); a new person can still be added from there, and Back
 * returns to the list. */
static void
test_lists_staff_and_vendors (SonaeTestWindow *f,
                              gconstpointer    data)
{
  gint64 staff = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "事務 一郎", "じむ いちろう", "03-1111-2222");
  gint64 vendor = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "保守 二郎", "ほしゅ じろう", "0120-000-000");
  GtkWidget *dialog = open_dialog (f, SONAE_ROLE_SYSADMIN);
  SonaeContactChooser *chooser = pop_up_chooser (dialog, SONAE_ROLE_SYSADMIN);
  GListModel *model = sonae_contact_chooser_get_model (chooser);
  gboolean seen_staff = FALSE, seen_vendor = FALSE;
  guint vendor_position = G_MAXUINT;

  g_assert_cmpstr (chooser_page (chooser), ==, "choose");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SonaeContact) c = g_list_model_get_item (model, i);

      g_assert_cmpint (c->group, !=, SONAE_GROUP_AUTHORITY);
      seen_staff |= c->id == staff;
      if (c->id == vendor)
        {
          seen_vendor = TRUE;
          vendor_position = i;
        }
    }
  g_assert_true (seen_staff && seen_vendor);

  /* A search narrows the list as the Contacts section does: katakana
   * finds a reading in hiragana, digits a number written with hyphens. */
  sonae_contact_chooser_set_query (chooser, "ホシュ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(SonaeContact) found = g_list_model_get_item (model, 0);

    g_assert_cmpint (found->id, ==, vendor);
  }
  sonae_contact_chooser_set_query (chooser, "31111 じむ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(SonaeContact) found = g_list_model_get_item (model, 0);

    g_assert_cmpint (found->id, ==, staff);
  }

  /* A search that finds nobody offers to add that person. */
  sonae_contact_chooser_set_query (chooser, "新人");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  sonae_test_click (GTK_WIDGET (chooser), "new-person-button");
  g_assert_cmpstr (chooser_page (chooser), ==, "new");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (chooser), "person-name-row"))),
                   ==, "新人");
  sonae_test_click (GTK_WIDGET (chooser), "person-back-button");
  g_assert_cmpstr (chooser_page (chooser), ==, "choose");
  sonae_contact_chooser_set_query (chooser, NULL);

  /* Picking one from the list gives the role, as before. */
  sonae_contact_chooser_activate (chooser, vendor_position);
  g_assert_true (holders_are (f, SONAE_ROLE_SYSADMIN, &vendor, 1));
}

static gboolean
is_remove_button_for (GtkWidget     *widget,
                      gconstpointer  target)
{
  GVariant *value;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "roles.remove-holder") != 0)
    return FALSE;
  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return value != NULL && g_variant_equal (value, target);
}

/* "−" removes a holder at once, and the toast's Undo puts them back where
 * they were in the call order. */
static void
test_remove_undo (SonaeTestWindow *f,
                  gconstpointer    data)
{
  gint64 a = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "院長 一", "いんちょう はじめ", "090-1000-0001");
  gint64 b = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "事務 二", "じむ に", "090-1000-0002");
  gint64 c = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "保守 三", "ほしゅ さん", "090-1000-0003");
  gint64 order[] = { a, b, c };
  g_autoptr(GVariant) remove = NULL;
  GtkWidget *dialog;
  GtkWidget *button;
  GtkWidget *undo;

  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_LEAD, order, 3, NULL));
  dialog = open_dialog (f, SONAE_ROLE_LEAD);

  /* A deputy in the middle. */
  gtk_widget_activate_action (dialog, "roles.remove-holder", "(sx)", SONAE_ROLE_LEAD, b);
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, (gint64[]) { a, c }, 2));
  sonae_test_spin_for (50);
  undo = undo_button (dialog, "事務 二");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, order, 3));
  sonae_test_spin_for (50);

  /* The primary, through its row's "−": back in first place. */
  remove = g_variant_ref_sink (g_variant_new ("(sx)", SONAE_ROLE_LEAD, a));
  button = sonae_test_find_widget (dialog, is_remove_button_for, remove);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, (gint64[]) { b, c }, 2));
  sonae_test_spin_for (50);
  undo = undo_button (dialog, "院長 一");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, order, 3));
}

static gboolean
is_poster_phone_row (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), "poster-phone-row") == 0;
}

/* The poster-number choice of @role_key's group, or NULL when it has none. */
static AdwComboRow *
poster_phone_row (GtkWidget  *dialog,
                  const char *role_key)
{
  GtkWidget *group = sonae_test_find_widget (dialog, is_group_titled, sonae_role_get_name (role_key));

  g_assert_nonnull (group);
  return (AdwComboRow *) sonae_test_find_widget (group, is_poster_phone_row, NULL);
}

typedef struct {
  GtkWidget *dialog;
  const char *role_key;
  guint selected;
} RowShows;

/* After the dialog rebuilt itself: the new row shows the choice. */
static gboolean
row_shows (gpointer data)
{
  RowShows *w = data;
  AdwComboRow *row = poster_phone_row (w->dialog, w->role_key);

  return row != NULL && adw_combo_row_get_selected (row) == w->selected;
}

/* Each role chooses which of its holders' numbers the poster on the wall
 * shows: the dialog shows the stored choice and stores the one picked; a
 * role nobody holds has nothing to choose yet. */
static void
test_poster_phone_choice (SonaeTestWindow *f,
                          gconstpointer    data)
{
  gint64 a = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "受付 一子", "うけつけ いちこ", "090-2000-0001");
  GtkWidget *dialog;
  AdwComboRow *row;
  GListModel *model;
  RowShows wait;

  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_FIRST, &a, 1, NULL));
  g_assert_true (sonae_contacts_set_poster_phone (f->store, SONAE_ROLE_FIRST, SONAE_POSTER_PHONE_NONE, NULL));
  dialog = open_dialog (f, SONAE_ROLE_FIRST);

  row = poster_phone_row (dialog, SONAE_ROLE_FIRST);
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, SONAE_POSTER_PHONE_NONE);
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, SONAE_N_POSTER_PHONES);
  for (guint i = 0; i < SONAE_N_POSTER_PHONES; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==,
                     sonae_poster_phone_get_title ((SonaePosterPhone) i));
  g_assert_null (poster_phone_row (dialog, SONAE_ROLE_LEAD));

  /* Work numbers only: stored at once, shown again after the rebuild. */
  adw_combo_row_set_selected (row, SONAE_POSTER_PHONE_WORK);
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_FIRST), ==, SONAE_POSTER_PHONE_WORK);
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_LEAD), ==, SONAE_POSTER_PHONE_ANY);
  wait = (RowShows) { dialog, SONAE_ROLE_FIRST, SONAE_POSTER_PHONE_WORK };
  sonae_test_spin_until (row_shows, &wait, 2000, "the row to show the work-only choice");

  /* Back to the usual. */
  row = poster_phone_row (dialog, SONAE_ROLE_FIRST);
  adw_combo_row_set_selected (row, SONAE_POSTER_PHONE_ANY);
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_FIRST), ==, SONAE_POSTER_PHONE_ANY);
}

int
main (int argc, char **argv)
{
  g_setenv ("SONAE_NOW", "2026-04-01T09:00:00", TRUE);
  g_setenv ("SONAE_TESTING", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/roles-dialog/" path, SonaeTestWindow, NULL, sonae_test_window_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("new-person-first-start", test_new_person_first_start);
  ADD ("lists-staff-and-vendors", test_lists_staff_and_vendors);
  ADD ("remove-undo", test_remove_undo);
  ADD ("poster-phone-choice", test_poster_phone_choice);
#undef ADD

  return g_test_run ();
}
