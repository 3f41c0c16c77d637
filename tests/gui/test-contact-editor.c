/* test-contact-editor.c: the contact editor on its own, as the Contacts
 * section shows it: when it says a name is missing, a layout that holds
 * still while typing, the label a new phone number gets, and where a
 * contact opens. Run under xvfb-run. */
#include "config.h"

#include <adwaita.h>

#include "sonae-contact-editor.h"
#include "sonae-contacts.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

/* --- helpers ----------------------------------------------------------------- */

static SonaeContactEditor *
show_editor (SonaeTestWindow *f)
{
  GtkWidget *editor = sonae_contact_editor_new ();

  sonae_contact_editor_set_store (SONAE_CONTACT_EDITOR (editor), f->store);
  sonae_test_window_show (f, editor);
  return SONAE_CONTACT_EDITOR (editor);
}

static GtkWidget *
child (SonaeContactEditor *editor,
       const char         *name)
{
  return GTK_WIDGET (sonae_test_template_child (GTK_WIDGET (editor), SONAE_TYPE_CONTACT_EDITOR, name));
}

static void
type (SonaeContactEditor *editor,
      const char         *row,
      const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (editor, row)), text);
}

/* The editor shows a new, empty contact, as "New Contact" does. */
static void
set_new_contact (SonaeContactEditor *editor)
{
  g_autoptr(SonaeContact) contact = sonae_contact_new ();

  sonae_contact_editor_set_contact (editor, contact);
  sonae_test_spin_for (20);
}

static void
set_stored_contact (SonaeTestWindow    *f,
                    SonaeContactEditor *editor,
                    gint64              id)
{
  g_autoptr(SonaeContact) contact = sonae_contacts_get (f->store, id, NULL);

  g_assert_nonnull (contact);
  sonae_contact_editor_set_contact (editor, contact);
  sonae_test_spin_for (20);
}

/* What a person sees: the sentence that a name is missing, on the screen. */
static gboolean
name_hint_shown (SonaeContactEditor *editor)
{
  GtkWidget *hint = child (editor, "name_hint");

  return gtk_widget_get_mapped (hint) && gtk_widget_get_opacity (hint) > 0.0;
}

static gboolean
name_marked (SonaeContactEditor *editor)
{
  return gtk_widget_has_css_class (child (editor, "name_row"), "error");
}

/* Where the phone numbers start, from the top of the editor's content. */
static double
phones_top (SonaeContactEditor *editor)
{
  GtkWidget *phones = child (editor, "phones_group");
  GtkWidget *viewport = gtk_widget_get_ancestor (phones, GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;

  g_assert_nonnull (viewport);
  sonae_test_spin_for (50);
  g_assert_true (gtk_widget_compute_bounds (phones, gtk_widget_get_first_child (viewport), &bounds));
  return graphene_rect_get_y (&bounds);
}

static GtkAdjustment *
vadjustment (SonaeContactEditor *editor)
{
  GtkWidget *scrolled = sonae_test_of_type (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static GtkWidget *
phone_row (SonaeContactEditor *editor,
           guint               index)
{
  GtkWidget *group = child (editor, "phones_group");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  sonae_test_collect_widgets (group, sonae_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW), rows);
  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static GtkDropDown *
label_dropdown (GtkWidget *row)
{
  return GTK_DROP_DOWN (sonae_test_of_type (row, GTK_TYPE_DROP_DOWN));
}

/* The label shown beside a phone number, as the user reads it. */
static const char *
label_shown (GtkWidget *row)
{
  GObject *item = gtk_drop_down_get_selected_item (label_dropdown (row));

  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static guint
label_position (GtkWidget  *row,
                const char *title)
{
  GListModel *model = gtk_drop_down_get_model (label_dropdown (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), title) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* --- tests ------------------------------------------------------------------- */

/* A new contact does not open on a complaint: the name is asked for once
 * it was typed and cleared, or when what was typed could not be saved for
 * want of one. */
static void
test_name_required_when_due (SonaeTestWindow *f,
                             gconstpointer    data)
{
  SonaeContactEditor *editor = show_editor (f);
  gint64 id = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "既存 一郎", "きそん いちろう", "03-0000-0000");

  set_new_contact (editor);
  g_assert_false (name_hint_shown (editor));
  g_assert_false (name_marked (editor));

  /* Typed, then cleared: now it is asked for. */
  type (editor, "name_row", "山");
  g_assert_false (name_hint_shown (editor));
  type (editor, "name_row", "");
  g_assert_true (name_hint_shown (editor));
  g_assert_true (name_marked (editor));
  type (editor, "name_row", "山田");
  g_assert_false (name_hint_shown (editor));
  g_assert_false (name_marked (editor));

  /* Another new contact starts calm again. */
  set_new_contact (editor);
  g_assert_false (name_hint_shown (editor));
  g_assert_false (name_marked (editor));

  /* Something else typed first: not yet; once saving it fails for want of
   * a name (after the pause, or when the contact is left), yes. */
  type (editor, "organization_row", "みどり台クリニック");
  g_assert_false (name_hint_shown (editor));
  sonae_test_spin_for (SONAE_EDITOR_SAVE_DELAY_MS + 200);
  g_assert_true (name_hint_shown (editor));
  g_assert_true (name_marked (editor));

  set_new_contact (editor);
  type (editor, "reading_row", "やまだ");
  g_assert_true (sonae_contact_editor_flush (editor));
  g_assert_true (name_hint_shown (editor));

  /* A stored contact opens with its name, and nothing to say. */
  set_stored_contact (f, editor, id);
  g_assert_false (name_hint_shown (editor));
  g_assert_false (name_marked (editor));
}

/* Nothing below the name moves while the name and the organisation are
 * typed and cleared. */
static void
test_layout_holds_still (SonaeTestWindow *f,
                         gconstpointer    data)
{
  SonaeContactEditor *editor = show_editor (f);
  double top;

  set_new_contact (editor);
  top = phones_top (editor);

  type (editor, "name_row", "山田 花子");
  g_assert_cmpfloat (phones_top (editor), ==, top);
  type (editor, "organization_row", "みどり台クリニック");
  g_assert_cmpfloat (phones_top (editor), ==, top);
  type (editor, "name_row", "");
  g_assert_true (name_hint_shown (editor));
  g_assert_cmpfloat (phones_top (editor), ==, top);
  type (editor, "organization_row", "");
  g_assert_cmpfloat (phones_top (editor), ==, top);
  type (editor, "name_row", "とても長い名前の医療法人社団みどり台会みどり台クリニック附属検査センター 事務長 山田 花子");
  g_assert_cmpfloat (phones_top (editor), ==, top);
}

/* A mobile number typed into a new phone row is labelled Mobile, unless the
 * user chose the label; the label follows the number as it is typed. */
static void
test_mobile_number_label (SonaeTestWindow *f,
                          gconstpointer    data)
{
  SonaeContactEditor *editor = show_editor (f);
  SonaeContact *contact;
  SonaeLabeled *first, *second;
  GtkWidget *row;

  set_new_contact (editor);
  type (editor, "name_row", "携帯 太郎");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-phone", NULL);
  row = phone_row (editor, 0);
  g_assert_cmpstr (label_shown (row), ==, "Work");
  gtk_editable_set_text (GTK_EDITABLE (row), "090-1234-5678");
  g_assert_cmpstr (label_shown (row), ==, "Mobile");
  gtk_editable_set_text (GTK_EDITABLE (row), "03-1234-5678");
  g_assert_cmpstr (label_shown (row), ==, "Work");
  gtk_editable_set_text (GTK_EDITABLE (row), "+81 80 1234 5678");
  g_assert_cmpstr (label_shown (row), ==, "Mobile");

  /* A label the user picks stays, whatever is typed next. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-phone", NULL);
  row = phone_row (editor, 1);
  gtk_drop_down_set_selected (label_dropdown (row), label_position (row, "Home"));
  gtk_editable_set_text (GTK_EDITABLE (row), "070-1111-2222");
  g_assert_cmpstr (label_shown (row), ==, "Home");

  g_assert_true (sonae_contact_editor_flush (editor));
  contact = sonae_contact_editor_get_contact (editor);
  g_assert_cmpint (contact->id, !=, 0);
  {
    g_autoptr(SonaeContact) stored = sonae_contacts_get (f->store, contact->id, NULL);

    g_assert_cmpuint (stored->phones->len, ==, 2);
    first = g_ptr_array_index (stored->phones, 0);
    second = g_ptr_array_index (stored->phones, 1);
    g_assert_cmpstr (first->value, ==, "+81 80 1234 5678");
    g_assert_cmpstr (first->label, ==, "mobile");
    g_assert_cmpstr (second->label, ==, "home");
  }

  /* A stored number keeps its stored label when it is edited. */
  set_stored_contact (f, editor, contact->id);
  row = phone_row (editor, 1);
  gtk_editable_set_text (GTK_EDITABLE (row), "03-9999-0000");
  g_assert_cmpstr (label_shown (row), ==, "Home");
}

/* A vendor's support line and an office answer at set hours: the editor
 * asks for them there, and keeps them; a person's numbers have none. */
static void
test_phone_hours (SonaeTestWindow *f,
                  gconstpointer    data)
{
  SonaeContactEditor *editor = show_editor (f);
  gint64 vendor = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "保守 窓口", "ほしゅ まどぐち", "0120-000-000");
  gint64 person = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "職員 一", "しょくいん はじめ", "090-0000-0000");

  set_stored_contact (f, editor, person);
  g_assert_false (gtk_widget_get_visible (child (editor, "hours_row")));

  set_stored_contact (f, editor, vendor);
  g_assert_true (gtk_widget_get_visible (child (editor, "hours_row")));
  type (editor, "hours_row", "平日 9:00〜17:30");
  g_assert_true (sonae_contact_editor_flush (editor));
  {
    g_autoptr(SonaeContact) stored = sonae_contacts_get (f->store, vendor, NULL);

    g_assert_cmpstr (stored->hours, ==, "平日 9:00〜17:30");
  }

  /* An office with no number is asked for one where the numbers go; not
   * once it has one. */
  {
    gint64 office = sonae_test_add_contact (f->store, SONAE_GROUP_AUTHORITY, "保健所", "ほけんじょ", NULL);
    AdwPreferencesGroup *phones = ADW_PREFERENCES_GROUP (child (editor, "phones_group"));

    set_stored_contact (f, editor, office);
    g_assert_cmpstr (adw_preferences_group_get_description (phones), !=, NULL);
    g_assert_cmpstr (adw_preferences_group_get_description (phones), !=, "");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-phone", NULL);
    g_assert_false (has_text (adw_preferences_group_get_description (phones)));
    set_stored_contact (f, editor, vendor);
    g_assert_false (has_text (adw_preferences_group_get_description (phones)));
  }

  /* An office the organisation adds: the same. */
  set_new_contact (editor);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "group_row")), SONAE_GROUP_AUTHORITY);
  g_assert_true (gtk_widget_get_visible (child (editor, "hours_row")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "group_row")), SONAE_GROUP_STAFF);
  g_assert_false (gtk_widget_get_visible (child (editor, "hours_row")));
}

/* The next contact opens at its top, not where the last one was left;
 * the same contact refreshed stays where it is. */
static void
test_next_contact_at_top (SonaeTestWindow *f,
                          gconstpointer    data)
{
  SonaeContactEditor *editor = show_editor (f);
  g_autoptr(SonaeContact) tall = sonae_contact_new ();
  g_autoptr(SonaeContact) fresh = NULL;
  gint64 other = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "次 二郎", "つぎ じろう", "03-0000-0001");
  GtkAdjustment *adjustment;
  double bottom;

  tall->name = g_strdup ("番号 多子");
  tall->notes = g_strdup ("一\n二\n三\n四\n五\n六\n七\n八");
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *number = g_strdup_printf ("03-0000-%04u", i);
      g_autofree char *address = g_strdup_printf ("n%u@example.org", i);

      sonae_contact_add_phone (tall, "work", number);
      sonae_contact_add_email (tall, "work", address);
    }
  g_assert_true (sonae_contacts_save (f->store, tall, NULL));

  set_stored_contact (f, editor, tall->id);
  adjustment = vadjustment (editor);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, bottom);
  sonae_test_spin_for (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* Refreshed (the store changed): it stays. */
  fresh = sonae_contacts_get (f->store, tall->id, NULL);
  sonae_contact_editor_refresh (editor, fresh);
  sonae_test_spin_for (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, bottom);

  set_stored_contact (f, editor, other);
  sonae_test_spin_for (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* And back to the tall one: at its top too. */
  set_stored_contact (f, editor, tall->id);
  sonae_test_spin_for (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
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
  g_test_add ("/contact-editor/" path, SonaeTestWindow, NULL, sonae_test_window_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("name-required-when-due", test_name_required_when_due);
  ADD ("layout-holds-still", test_layout_holds_still);
  ADD ("mobile-number-label", test_mobile_number_label);
  ADD ("next-contact-at-top", test_next_contact_at_top);
  ADD ("phone-hours", test_phone_hours);
#undef ADD

  return g_test_run ();
}
