/* test-contacts-page.c: the Contacts section driven through its widgets and
 * actions, with the database checked afterwards. Run under xvfb-run. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sonae-contact-editor.h"
#include "sonae-contact-util.h"
#include "sonae-contacts-page.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-import-dialog.h"
#include "sonae-import.h"
#include "sonae-roles-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

/* --- helpers ----------------------------------------------------------------- */

static GObject *
page_child (SonaeTestWindow *f,
            const char      *name)
{
  return sonae_test_template_child (f->page, SONAE_TYPE_CONTACTS_PAGE, name);
}

static SonaeContactEditor *
page_editor (SonaeTestWindow *f)
{
  return SONAE_CONTACT_EDITOR (sonae_test_of_type (f->page, SONAE_TYPE_CONTACT_EDITOR));
}

static GtkEditable *
editor_entry (SonaeTestWindow *f,
              const char      *name)
{
  GtkWidget *editor = GTK_WIDGET (page_editor (f));

  return GTK_EDITABLE (sonae_test_template_child (editor, SONAE_TYPE_CONTACT_EDITOR, name));
}

static GListModel *
list_model (SonaeTestWindow *f)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (page_child (f, "list_view"))));
}

static guint
n_listed (SonaeTestWindow *f)
{
  return g_list_model_get_n_items (list_model (f));
}

typedef struct {
  SonaeTestWindow *f;
  guint *n;
} ListedWait;

static gboolean
all_listed (gpointer data)
{
  ListedWait *w = data;

  return n_listed (w->f) == *w->n;
}

/* The first screenful shows at once and the rest of the roster follows
 * when idle: wait for all of it. */
static void
wait_whole_roster (SonaeTestWindow *f)
{
  guint total = sonae_contacts_count (f->store);
  ListedWait wait = { f, &total };

  sonae_test_spin_until (all_listed, &wait, 20000, "the whole roster in the list");
}

static void
search (SonaeTestWindow *f,
        const char      *text)
{
  GtkEditable *entry = GTK_EDITABLE (page_child (f, "search_entry"));

  gtk_editable_set_text (entry, text);
  /* GtkSearchEntry waits a moment before it reports the change: skip that. */
  g_signal_emit_by_name (entry, "search-changed");
}

static gboolean
is_role_switch (GtkWidget     *widget,
                gconstpointer  key)
{
  return GTK_IS_SWITCH (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "sonae-role-key"), key) == 0;
}

static void
show_page (SonaeTestWindow *f)
{
  sonae_test_window_show (f, sonae_contacts_page_new (f->store));
}

static SonaeContact *
stored (SonaeTestWindow *f,
        gint64           id)
{
  g_autoptr(GError) error = NULL;
  SonaeContact *c = sonae_contacts_get (f->store, id, &error);

  g_assert_no_error (error);
  return c;
}

/* --- tests ------------------------------------------------------------------- */

static void
test_lists_authorities (SonaeTestWindow *f,
                        gconstpointer    data)
{
  guint n;
  gboolean found_110 = FALSE;

  show_page (f);
  wait_whole_roster (f);
  n = n_listed (f);
  g_assert_cmpuint (n, ==, sonae_contacts_count (f->store));
  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SonaeContact) c = g_list_model_get_item (list_model (f), i);
      g_assert_nonnull (c->builtin_key);
      if (g_strcmp0 (c->builtin_key, "police-110") == 0)
        found_110 = TRUE;
    }
  g_assert_true (found_110);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "list_stack"))), ==, "list");
}

static void
test_search (SonaeTestWindow *f,
             gconstpointer    data)
{
  guint n_all;
  g_autoptr(SonaeContact) first = NULL;

  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "伊藤 一郎", "いとう いちろう", "090-1234-5678");
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "佐藤 花子", "さとう はなこ", "03-9999-0000");
  sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "株式会社テスト", "てすと", "06-1111-2222");
  show_page (f);
  wait_whole_roster (f);
  n_all = n_listed (f);
  g_assert_cmpuint (n_all, ==, sonae_contacts_count (f->store));

  /* By reading, typed in katakana. */
  search (f, "イトウ");
  g_assert_cmpuint (n_listed (f), ==, 1);
  first = g_list_model_get_item (list_model (f), 0);
  g_assert_cmpstr (first->name, ==, "伊藤 一郎");

  /* One more letter narrows; fewer widens again. */
  search (f, "イトウ イチ");
  g_assert_cmpuint (n_listed (f), ==, 1);
  search (f, "とう");
  g_assert_cmpuint (n_listed (f), ==, 2);

  /* By phone digits, without the hyphens. */
  search (f, "09012345678");
  g_assert_cmpuint (n_listed (f), ==, 1);
  search (f, "1234-5678");
  g_assert_cmpuint (n_listed (f), ==, 1);

  /* Nothing matches: the "No Results" page. */
  search (f, "zzzzqqq");
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "list_stack"))), ==, "no-results");

  search (f, "");
  g_assert_cmpuint (n_listed (f), ==, n_all);

  /* The group switcher. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (f, "staff_toggle")), TRUE);
  g_assert_cmpuint (n_listed (f), ==, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (f, "vendor_toggle")), TRUE);
  g_assert_cmpuint (n_listed (f), ==, 1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (f, "all_toggle")), TRUE);
  g_assert_cmpuint (n_listed (f), ==, n_all);
}

typedef struct {
  SonaeTestWindow *f;
  guint count;
} CountWait;

static gboolean
count_reached (gpointer data)
{
  CountWait *w = data;
  return sonae_contacts_count (w->f->store) == w->count;
}

static gboolean
editor_has_id (gpointer data)
{
  SonaeTestWindow *f = data;
  SonaeContact *c = sonae_contact_editor_get_contact (page_editor (f));
  return c != NULL && c->id != 0;
}

typedef struct {
  SonaeTestWindow *f;
  gint64 id;
  const char *phone;
} PhoneWait;

static gboolean
phone_stored (gpointer data)
{
  PhoneWait *w = data;
  g_autoptr(SonaeContact) c = sonae_contacts_get (w->f->store, w->id, NULL);

  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->phones->len; i++)
    if (g_strcmp0 (((SonaeLabeled *) g_ptr_array_index (c->phones, i))->value, w->phone) == 0)
      return TRUE;
  return FALSE;
}

static void
test_create_and_edit (SonaeTestWindow *f,
                      gconstpointer    data)
{
  guint before;
  CountWait wait;
  PhoneWait phone_wait;
  SonaeContact *edited;
  gint64 id;
  GtkWidget *focus;
  g_autoptr(SonaeContact) c = NULL;
  g_autoptr(SonaeContact) after = NULL;

  show_page (f);
  before = sonae_contacts_count (f->store);

  /* Ctrl+N's action: a new, empty contact; nothing is stored without a name. */
  gtk_widget_activate_action (f->page, "contacts.new", NULL);
  edited = sonae_contact_editor_get_contact (page_editor (f));
  g_assert_nonnull (edited);
  g_assert_cmpint (edited->id, ==, 0);
  gtk_editable_set_text (editor_entry (f, "organization_row"), "みどり台クリニック");
  sonae_test_spin_for (SONAE_EDITOR_SAVE_DELAY_MS + 200);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor_entry (f, "name_row")), "error"));

  /* Typing a name stores it after the pause. */
  gtk_editable_set_text (editor_entry (f, "name_row"), "山田 花子");
  gtk_editable_set_text (editor_entry (f, "reading_row"), "やまだ はなこ");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (editor_entry (f, "name_row")), "error"));
  wait.f = f;
  wait.count = before + 1;
  sonae_test_spin_until (count_reached, &wait, 5000, "the new contact to be stored");
  sonae_test_spin_until (editor_has_id, f, 5000, "the editor to know the new id");
  id = sonae_contact_editor_get_contact (page_editor (f))->id;
  c = stored (f, id);
  g_assert_cmpstr (c->name, ==, "山田 花子");
  g_assert_cmpstr (c->reading, ==, "やまだ はなこ");
  g_assert_cmpstr (c->organization, ==, "みどり台クリニック");
  g_assert_cmpint (c->group, ==, SONAE_GROUP_STAFF);

  /* It is in the list, selected. */
  {
    g_autoptr(SonaeContact) selected = NULL;
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (list_model (f));
    selected = g_object_ref (gtk_single_selection_get_selected_item (selection));
    g_assert_cmpint (selected->id, ==, id);
  }

  /* Add a phone number: the new row gets the focus; type into it. */
  gtk_widget_activate_action (GTK_WIDGET (page_editor (f)), "editor.add-phone", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (focus);
  gtk_editable_set_text (GTK_EDITABLE (focus), "03-1111-2222");
  phone_wait.f = f;
  phone_wait.id = id;
  phone_wait.phone = "03-1111-2222";
  sonae_test_spin_until (phone_stored, &phone_wait, 5000, "the phone number to be stored");

  /* Edit it: the old number goes, the new one is stored. */
  gtk_editable_set_text (GTK_EDITABLE (focus), "03-1111-3333");
  phone_wait.phone = "03-1111-3333";
  sonae_test_spin_until (phone_stored, &phone_wait, 5000, "the edited phone number to be stored");
  after = stored (f, id);
  g_assert_cmpuint (after->phones->len, ==, 1);

  /* Searching by the new number finds it in the list. */
  search (f, "0311113333");
  g_assert_cmpuint (n_listed (f), ==, 1);

  /* Emptying the name does not store an unnamed contact, and says so. */
  gtk_editable_set_text (editor_entry (f, "name_row"), "");
  sonae_test_spin_for (SONAE_EDITOR_SAVE_DELAY_MS + 200);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor_entry (f, "name_row")), "error"));
  g_clear_object (&after);
  after = stored (f, id);
  g_assert_cmpstr (after->name, ==, "山田 花子");

  /* A title typed just before leaving is flushed at once, without waiting. */
  gtk_editable_set_text (editor_entry (f, "name_row"), "山田 花子");
  gtk_editable_set_text (editor_entry (f, "title_row"), "事務長");
  g_assert_true (sonae_contacts_page_save_now (SONAE_CONTACTS_PAGE (f->page)));
  g_clear_object (&after);
  after = stored (f, id);
  g_assert_cmpstr (after->title, ==, "事務長");
}

static gboolean
contact_deleted (gpointer data)
{
  PhoneWait *w = data;
  g_autoptr(SonaeContact) c = sonae_contacts_get (w->f->store, w->id, NULL);
  return c == NULL;
}

static void
test_delete_undo (SonaeTestWindow *f,
                  gconstpointer    data)
{
  gint64 id = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "削除 太郎", "さくじょ たろう", "090-0000-0001");
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) back = NULL;
  g_autoptr(SonaeContact) gone = NULL;
  GtkWidget *undo;
  guint n_before;
  PhoneWait w = { f, id, NULL };

  show_page (f);
  /* The roster is longer than the first screenful (the bundled bodies and
   * one person): count it once all of it is listed. */
  wait_whole_roster (f);
  n_before = n_listed (f);
  sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (f->page), id);
  g_assert_cmpint (sonae_contact_editor_get_contact (page_editor (f))->id, ==, id);

  gtk_widget_activate_action (f->page, "contacts.delete", NULL);
  gone = sonae_contacts_get (f->store, id, &error);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_assert_cmpuint (n_listed (f), ==, n_before - 1);
  g_assert_null (sonae_contact_editor_get_contact (page_editor (f)));

  /* The toast's Undo button brings it back. */
  sonae_test_spin_for (50);
  undo = sonae_test_find_widget (f->window, sonae_test_is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  back = stored (f, id);
  g_assert_cmpstr (back->name, ==, "削除 太郎");
  g_assert_false (contact_deleted (&w));
  wait_whole_roster (f);
  g_assert_cmpuint (n_listed (f), ==, n_before);
}

typedef struct {
  SonaeTestWindow *f;
  gint64 id;
  const char *date;
} DateWait;

static gboolean
verified_row_shows (gpointer data)
{
  DateWait *w = data;
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (page_editor (w->f)),
                                                SONAE_TYPE_CONTACT_EDITOR, "verified_row");
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle != NULL && strstr (subtitle, w->date) != NULL;
}

static void
test_verified_today (SonaeTestWindow *f,
                     gconstpointer    data)
{
  gint64 id = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "保守 次郎", "ほしゅ じろう", "0120-000-000");
  g_autoptr(SonaeContact) c = NULL;
  DateWait w = { f, id, "2026-04-01" };

  show_page (f);
  sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (f->page), id);
  gtk_widget_activate_action (f->page, "contacts.mark-verified", NULL);
  c = stored (f, id);
  g_assert_cmpstr (c->verified_on, ==, "2026-04-01");
  g_assert_false (c->needs_check);
  sonae_test_spin_until (verified_row_shows, &w, 5000, "the editor to show the date");
}

static gboolean
is_mark_verified_header_button (GtkWidget     *widget,
                                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "contacts.mark-verified") == 0 &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL;
}

static const char *
detail_subtitle (SonaeTestWindow *f)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (page_child (f, "detail_title")));
}

static gboolean
is_verified_today (gpointer data)
{
  SonaeTestWindow *f = data;

  return g_strcmp0 (detail_subtitle (f), "Verified today") == 0;
}

/* The header's button says what it does (an action, not a state), with a
 * tooltip; once pressed, the contact reads as verified today and the
 * button has nothing left to do, until another contact is shown. */
static void
test_mark_verified_button (SonaeTestWindow *f,
                           gconstpointer    data)
{
  gint64 id = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "保守 次郎", "ほしゅ じろう", "0120-000-000");
  gint64 other = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "事務 三郎", "じむ さぶろう", "03-0000-0000");
  GtkWidget *button;
  GtkWidget *content;

  show_page (f);
  sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (f->page), id);
  button = sonae_test_find_widget (f->page, is_mark_verified_header_button, NULL);
  g_assert_nonnull (button);
  content = gtk_button_get_child (GTK_BUTTON (button));
  g_assert_true (ADW_IS_BUTTON_CONTENT (content));
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (content)), ==, "_Mark as Verified");
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (detail_subtitle (f) ? detail_subtitle (f) : "", ==, "");

  gtk_widget_activate_action (f->page, "contacts.mark-verified", NULL);
  sonae_test_spin_until (is_verified_today, f, 5000, "the header to say it was verified today");
  g_assert_false (gtk_widget_is_sensitive (button));

  /* Another contact, never verified: the button is for it again. */
  sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (f->page), other);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (detail_subtitle (f) ? detail_subtitle (f) : "", ==, "");
  sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (f->page), id);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (detail_subtitle (f), ==, "Verified today");
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

static gboolean
switch_is_active (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

static void
test_roles (SonaeTestWindow *f,
            gconstpointer    data)
{
  gint64 a = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "院長 一", "いんちょう はじめ", "090-1000-0001");
  gint64 b = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "事務 二", "じむ に", "090-1000-0002");
  gint64 c = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "保守 三", "ほしゅ さん", "090-1000-0003");
  GtkWidget *dialog;
  GtkWidget *sw;

  show_page (f);

  /* Assign a role from the editor's switch. */
  sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (f->page), a);
  sw = sonae_test_find_widget (GTK_WIDGET (page_editor (f)), is_role_switch, SONAE_ROLE_SYSADMIN);
  g_assert_nonnull (sw);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (holders_are (f, SONAE_ROLE_SYSADMIN, (gint64[]) { a }, 1));

  /* The roles dialog: add holders, reorder, remove. */
  sonae_contacts_page_show_role (SONAE_CONTACTS_PAGE (f->page), SONAE_ROLE_LEAD);
  dialog = sonae_test_find_dialog_of_type (SONAE_TYPE_ROLES_DIALOG);
  g_assert_nonnull (dialog);
  /* Nobody holds the lead role yet: the dialog says so. */
  g_assert_nonnull (sonae_test_find_widget (dialog, sonae_test_is_row_titled, "Not assigned"));

  gtk_widget_activate_action (dialog, "roles.add-holder", "(sx)", SONAE_ROLE_LEAD, a);
  gtk_widget_activate_action (dialog, "roles.add-holder", "(sx)", SONAE_ROLE_LEAD, b);
  gtk_widget_activate_action (dialog, "roles.add-holder", "(sx)", SONAE_ROLE_LEAD, c);
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, (gint64[]) { a, b, c }, 3));

  gtk_widget_activate_action (dialog, "roles.move-up", "(sx)", SONAE_ROLE_LEAD, c);
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, (gint64[]) { a, c, b }, 3));
  gtk_widget_activate_action (dialog, "roles.move-down", "(sx)", SONAE_ROLE_LEAD, a);
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, (gint64[]) { c, a, b }, 3));
  /* Already first: moving up changes nothing. */
  gtk_widget_activate_action (dialog, "roles.move-up", "(sx)", SONAE_ROLE_LEAD, c);
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, (gint64[]) { c, a, b }, 3));
  gtk_widget_activate_action (dialog, "roles.remove-holder", "(sx)", SONAE_ROLE_LEAD, b);
  g_assert_true (holders_are (f, SONAE_ROLE_LEAD, (gint64[]) { c, a }, 2));

  /* The page and the editor follow: a now holds the lead role too. */
  sw = sonae_test_find_widget (GTK_WIDGET (page_editor (f)), is_role_switch, SONAE_ROLE_LEAD);
  sonae_test_spin_until (switch_is_active, sw, 5000, "the editor to show the new role");

  /* Searching by role name finds the holders. */
  search (f, "Incident Response Lead");
  g_assert_cmpuint (n_listed (f), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct {
  GtkWidget *dialog;
} DialogWait;

static const char *
dialog_label (GtkWidget  *dialog,
              const char *name)
{
  return gtk_label_get_label (GTK_LABEL (sonae_test_template_child (dialog, SONAE_TYPE_IMPORT_DIALOG, name)));
}

static void
test_import_preview (SonaeTestWindow *f,
                     gconstpointer    data)
{
  g_autofree char *path = sonae_test_corpus_path ("vcard/ez-vcard/John_Doe_IPHONE.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  SonaeImport *import;
  GtkWidget *dialog;
  guint before;
  gboolean found = FALSE;

  if (path == NULL)
    {
      g_test_skip ("the corpus is not there");
      return;
    }

  show_page (f);
  before = sonae_contacts_count (f->store);

  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  dialog = sonae_import_dialog_new (GTK_WINDOW (f->window), f->store, import, "John_Doe_IPHONE.vcf", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  sonae_test_spin_for (50);

  g_assert_cmpstr (dialog_label (dialog, "added_label"), ==, "1");
  g_assert_cmpstr (dialog_label (dialog, "merged_label"), ==, "0");
  g_assert_cmpstr (dialog_label (dialog, "skipped_label"), ==, "0");
  /* Nothing written by the preview. */
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before);

  /* The group for new contacts can be changed before importing. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (dialog, SONAE_TYPE_IMPORT_DIALOG, "group_row")),
                              SONAE_GROUP_VENDOR);
  g_assert_cmpstr (dialog_label (dialog, "added_label"), ==, "1");
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before);

  g_object_ref (dialog);
  gtk_widget_activate_action (dialog, "import.apply", NULL);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before + 1);

  all = sonae_contacts_list (f->store, SONAE_GROUP_VENDOR, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (all, i);
      if (c->name && strstr (c->name, "John") && strstr (c->name, "Doe"))
        found = TRUE;
    }
  g_assert_true (found);

  /* The page lists it once the store has told it (the roster is longer
   * than the first screenful: all of it). */
  wait_whole_roster (f);
  g_assert_cmpuint (n_listed (f), ==, before + 1);

  /* The same file again: nothing new. */
  import = sonae_import_new_from_file (path, SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  dialog = sonae_import_dialog_new (GTK_WINDOW (f->window), f->store, import, "John_Doe_IPHONE.vcf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dialog_label (dialog, "added_label"), ==, "0");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before + 1);
}

static gboolean
is_row_titled_prefix (GtkWidget     *widget,
                      gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

/* A phone's export with an entry that holds only a chat address: the
 * rest is imported, and the preview says which entry was left out, and
 * why. */
static void
test_import_left_out (SonaeTestWindow *f,
                      gconstpointer    data)
{
  const char *vcf =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:残す 人\r\nTEL:03-1111-2222\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nIMPP:xmpp:someone@example.org\r\nEND:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  SonaeImport *import;
  GtkWidget *dialog;
  GtkWidget *expander;
  GtkWidget *row;

  show_page (f);
  import = sonae_import_new_from_data (vcf, strlen (vcf), "phone.vcf", SONAE_GROUP_STAFF, &error);
  g_assert_no_error (error);
  dialog = sonae_import_dialog_new (GTK_WINDOW (f->window), f->store, import, "phone.vcf", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  sonae_test_spin_for (50);

  g_assert_cmpstr (dialog_label (dialog, "added_label"), ==, "1");
  g_assert_cmpstr (dialog_label (dialog, "left_out_label"), ==, "1");
  expander = GTK_WIDGET (gtk_widget_get_template_child (dialog, SONAE_TYPE_IMPORT_DIALOG, "left_out_row"));
  g_assert_true (gtk_widget_get_visible (expander));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  row = sonae_test_find_widget (expander, is_row_titled_prefix, "Line 6");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "left out"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The list says what core's one rule says (sonae_contact_get_freshness):
 * stale at 180 days, and a date in the future is recent, not "never". */
static void
test_attention_follows_core (void)
{
  g_autoptr(SonaeContact) c = sonae_contact_new ();
  g_autofree char *at_180 = NULL;
  g_autofree char *future = NULL;

  g_setenv ("SONAE_NOW", "2026-11-21T10:00:00", TRUE);
  c->id = 7;
  c->name = g_strdup ("確認 する人");
  c->verified_on = g_strdup ("2026-05-25");
  g_assert_true (sonae_contact_needs_attention (c));
  at_180 = sonae_contact_attention_text (c);
  g_assert_cmpstr (at_180, ==, "Not verified for 180 days");

  sonae_contact_set_string (&c->verified_on, "2027-01-10");
  g_assert_false (sonae_contact_needs_attention (c));
  future = sonae_contact_attention_text (c);
  g_assert_null (future);
  g_setenv ("SONAE_NOW", "2026-04-01T09:00:00", TRUE);
}

/* Home's "Confirm the details of N contacts" lists them all here, in
 * every group, until Show All. */
static void
test_to_verify (SonaeTestWindow *f,
                gconstpointer    data)
{
  const char *const given[] = { "太郎", "次郎", "三郎", "四郎", "五郎" };
  g_autoptr(GError) error = NULL;
  guint n_all;
  gint64 fresh;

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_autofree char *name = g_strdup_printf ("未確認 %s", given[i]);
      sonae_test_add_contact (f->store, i % 2 ? SONAE_GROUP_VENDOR : SONAE_GROUP_STAFF, name, "みかくにん",
                              "03-0000-0000");
    }
  fresh = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "確認済み", "かくにんずみ", "03-1111-1111");
  g_assert_true (sonae_contacts_mark_verified (f->store, fresh, NULL, &error));
  g_assert_no_error (error);

  show_page (f);
  wait_whole_roster (f);
  n_all = n_listed (f);
  /* Start from a narrowed list: it opens on all that is due anyway. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (f, "staff_toggle")), TRUE);
  search (f, "太郎");
  sonae_contacts_page_show_to_verify (SONAE_CONTACTS_PAGE (f->page));
  g_assert_true (sonae_contacts_page_get_to_verify (SONAE_CONTACTS_PAGE (f->page)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "verify_revealer"))));
  g_assert_cmpuint (n_listed (f), ==, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (f, "search_entry"))), ==, "");

  /* Search still narrows within them. */
  search (f, "三郎");
  g_assert_cmpuint (n_listed (f), ==, 1);
  search (f, "");

  g_signal_emit_by_name (sonae_test_find_widget (f->page, sonae_test_is_button_labelled, "Show _All"),
                         "clicked");
  g_assert_false (sonae_contacts_page_get_to_verify (SONAE_CONTACTS_PAGE (f->page)));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "verify_revealer"))));
  g_assert_cmpuint (n_listed (f), ==, n_all);
}


static void
test_many_contacts (SonaeTestWindow *f,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  guint n_bundled = sonae_contacts_count (f->store);
  guint total;
  ListedWait total_wait = { f, &total };

  g_assert_true (sonae_store_begin (f->store, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();
      g_autofree char *phone = g_strdup_printf ("03-%04u-%04u", i / 100, i);

      c->name = g_strdup_printf ("テスト 太郎%05u", i);
      c->reading = g_strdup_printf ("てすと たろう%05u", i);
      c->organization = g_strdup ("検証医院");
      sonae_contact_add_phone (c, "work", phone);
      g_assert_true (sonae_contacts_save (f->store, c, &error));
    }
  g_assert_true (sonae_store_commit (f->store, &error));
  g_assert_no_error (error);

  show_page (f);
  /* The first contacts show at once, without the editor (made when a
   * contact is opened); the rest of the roster follows when idle, in the
   * roster's order. How fast is for the benchmark (bench-window). */
  g_assert_cmpuint (n_listed (f), >, 0);
  g_assert_cmpuint (n_listed (f), <, 10000);
  g_assert_null (sonae_test_find_widget (f->page, sonae_test_is_type,
                                         GSIZE_TO_POINTER (SONAE_TYPE_CONTACT_EDITOR)));
  total = 10000 + n_bundled;
  sonae_test_spin_until (all_listed, &total_wait, 20000, "the whole roster in the list");
  g_assert_cmpuint (n_listed (f), ==, 10000 + n_bundled);
  {
    g_autoptr(SonaeContact) first = g_list_model_get_item (list_model (f), 0);
    g_autoptr(SonaeContact) last = g_list_model_get_item (list_model (f), n_listed (f) - 1);

    g_assert_cmpint (sonae_contact_compare (first, last), <, 0);
  }

  search (f, "たろう0424");
  g_assert_cmpuint (n_listed (f), ==, 10);
  search (f, "03-0042-4242");
  g_assert_cmpuint (n_listed (f), ==, 1);
  search (f, "");
  g_assert_cmpuint (n_listed (f), ==, 10000 + n_bundled);

  /* Opening one makes the editor. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (page_child (f, "list_view")))), 3);
  sonae_test_spin_for (20);
  g_assert_nonnull (sonae_contact_editor_get_contact (page_editor (f)));
}

typedef struct {
  GListModel *model;
  guint total;
} ModelWait;

static gboolean
model_has (gpointer data)
{
  ModelWait *w = data;

  return g_list_model_get_n_items (w->model) == w->total;
}

/* What the choosers of a role holder, an owner or an action's person read:
 * the first screenful at once, the rest in steps, in the roster's order,
 * ready to search; read again, it starts over; a model dropped midway
 * stops the steps. */
static void
test_load_model (SonaeTestWindow *f,
                 gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) model = g_list_store_new (SONAE_TYPE_CONTACT);
  g_autoptr(GListStore) dropped = g_list_store_new (SONAE_TYPE_CONTACT);
  guint total;
  ModelWait wait;

  g_assert_true (sonae_store_begin (f->store, &error));
  for (guint i = 0; i < 1200; i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      c->name = g_strdup_printf ("読込 %04u", i);
      c->reading = g_strdup_printf ("よみこみ %04u", i);
      g_assert_true (sonae_contacts_save (f->store, c, &error));
    }
  g_assert_true (sonae_store_commit (f->store, &error));
  total = sonae_contacts_count (f->store);
  wait = (ModelWait) { G_LIST_MODEL (model), total };

  sonae_contacts_load_model (model, f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, total);
  sonae_contacts_load_model (dropped, f->store);
  g_clear_object (&dropped);
  sonae_contacts_load_model (model, f->store);
  sonae_test_spin_until (model_has, &wait, 20000, "the whole roster in the model");
  for (guint i = 1; i < total; i++)
    {
      g_autoptr(SonaeContact) a = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(SonaeContact) b = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (sonae_contact_compare (a, b), <, 0);
    }
  {
    g_autoptr(SonaeContact) c = g_list_model_get_item (G_LIST_MODEL (model), total - 1);

    g_assert_true (sonae_contact_matches (c, sonae_contact_get_display_name (c)));
  }
  sonae_test_spin_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total);
}

/* Export: the file chooser offers a filter a format and a name that already
 * ends as the first one's files do; what is written is exactly the file it
 * returned (in a sandbox the portal grants that name alone), in the format
 * its name says, or the filter's when the name says none. */
static gboolean
filter_named (GtkFileChooser *chooser,
              const char     *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_strcmp0 (gtk_file_filter_get_name (filter), name) == 0)
        {
          gtk_file_chooser_set_filter (chooser, filter);
          return TRUE;
        }
    }
  return FALSE;
}

static void
export_as (SonaeTestWindow *f,
           const char      *folder,
           const char      *name,
           const char      *filter)
{
  g_autofree char *cwd = g_get_current_dir ();
  GtkFileFilter *current;
  g_autofree char *current_name = NULL;
  GtkWidget *chooser;

  /* GTK's dialog opens in the current folder; changing it while the first
   * one loads shows an error of its own. */
  g_assert_cmpint (g_chdir (folder), ==, 0);
  sonae_contacts_export_run (GTK_WINDOW (f->window), f->store);
  /* No portal here: GTK shows its own dialog in its place. */
  chooser = sonae_test_find_dialog_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  current = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (current);
  g_assert_cmpstr (gtk_file_filter_get_name (current), ==, "vCard 4.0");
  current_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (current_name, ==, "sonae-contacts.vcf");

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (filter != NULL)
    g_assert_true (filter_named (GTK_FILE_CHOOSER (chooser), filter));
  /* GTK's dialog does not answer while it still reads the folder: press
   * again, as a person would, until it closes. */
  for (guint i = 0; sonae_test_find_dialog_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL; i++)
    {
      g_assert_cmpuint (i, <, 100);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      sonae_test_spin_for (100);
    }
  sonae_test_wait_no_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG, 5000);
  g_assert_null (sonae_test_find_dialog_of_type (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_null (sonae_test_find_dialog_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

static char *
read_exported (const char *folder,
               const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_export_keeps_name (SonaeTestWindow *f,
                        gconstpointer    data)
{
  g_autofree char *folder = sonae_test_make_dir ();
  g_autofree char *vcard4 = NULL;
  g_autofree char *vcard3 = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *bare = NULL;

  show_page (f);
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "書き出し 太郎", "かきだし たろう", "03-1234-5678");

  /* As offered. */
  export_as (f, folder, "sonae-contacts.vcf", NULL);
  vcard4 = read_exported (folder, "sonae-contacts.vcf");
  g_assert_nonnull (strstr (vcard4, "VERSION:4.0"));

  /* vCard 3.0 for an older phone, to the name given. */
  export_as (f, folder, "Phone.VCF", "vCard 3.0, for older phones");
  vcard3 = read_exported (folder, "Phone.VCF");
  g_assert_nonnull (strstr (vcard3, "VERSION:3.0"));

  /* The name says CSV while the filter was left on vCard: CSV, so the file
   * opens in Excel as its name promises. */
  export_as (f, folder, "roster.csv", NULL);
  csv = read_exported (folder, "roster.csv");
  g_assert_null (strstr (csv, "BEGIN:VCARD"));
  g_assert_nonnull (strstr (csv, "書き出し 太郎"));

  /* A name with no ending is written as it is, in the filter's format. */
  export_as (f, folder, "for the office", "CSV, for Excel");
  bare = read_exported (folder, "for the office");
  g_assert_null (strstr (bare, "BEGIN:VCARD"));
  g_assert_nonnull (strstr (bare, "書き出し 太郎"));

  /* Nothing but the files the dialog returned. */
  g_assert_cmpuint (sonae_test_count_names (folder, ""), ==, 4);
  sonae_test_remove_dir (folder);
}

/* The rule on its own: the name's ending, the filter for which vCard and
 * for a name without one. */
static void
test_export_format_for (void)
{
  g_assert_cmpint (sonae_contacts_export_format_for ("/tmp/a.vcf", SONAE_CONTACTS_VCARD4), ==, SONAE_CONTACTS_VCARD4);
  g_assert_cmpint (sonae_contacts_export_format_for ("/tmp/a.vcf", SONAE_CONTACTS_VCARD3), ==, SONAE_CONTACTS_VCARD3);
  g_assert_cmpint (sonae_contacts_export_format_for ("/tmp/a.vcf", SONAE_CONTACTS_CSV), ==, SONAE_CONTACTS_VCARD4);
  g_assert_cmpint (sonae_contacts_export_format_for ("/tmp/a.CSV", SONAE_CONTACTS_VCARD3), ==, SONAE_CONTACTS_CSV);
  g_assert_cmpint (sonae_contacts_export_format_for ("/tmp/a", SONAE_CONTACTS_CSV), ==, SONAE_CONTACTS_CSV);
  g_assert_cmpint (sonae_contacts_export_format_for ("/tmp/a.txt", SONAE_CONTACTS_VCARD3), ==, SONAE_CONTACTS_VCARD3);
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
  g_test_add ("/contacts-page/" path, SonaeTestWindow, NULL, sonae_test_window_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("lists-authorities", test_lists_authorities);
  ADD ("search", test_search);
  ADD ("create-and-edit", test_create_and_edit);
  ADD ("delete-undo", test_delete_undo);
  ADD ("verified-today", test_verified_today);
  ADD ("mark-verified-button", test_mark_verified_button);
  ADD ("roles", test_roles);
  ADD ("import-preview", test_import_preview);
  ADD ("import-left-out", test_import_left_out);
  ADD ("export-keeps-name", test_export_keeps_name);
  ADD ("to-verify", test_to_verify);
  ADD ("many-contacts", test_many_contacts);
  ADD ("load-model", test_load_model);
#undef ADD
  g_test_add_func ("/contacts-page/attention-follows-core", test_attention_follows_core);
  g_test_add_func ("/contacts-page/export-format-for", test_export_format_for);

  return g_test_run ();
}
