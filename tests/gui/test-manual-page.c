/* test-manual-page.c: the Manual section driven through its widgets and
 * actions, with the database checked afterwards. Run under xvfb-run. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-home-page.h"
#include "sonae-manual-block.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-history.h"
#include "sonae-manual-page.h"
#include "sonae-manual-view.h"
#include "sonae-migrations.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-window.h"

#define AUTHOR "テスト 担当"

/* --- helpers ----------------------------------------------------------------- */

static gboolean
is_block (GtkWidget     *widget,
          gconstpointer  id)
{
  return SONAE_IS_MANUAL_BLOCK (widget) &&
         (id == NULL || g_strcmp0 (sonae_manual_block_get_item_id (SONAE_MANUAL_BLOCK (widget)), id) == 0);
}

static gboolean
is_chip (GtkWidget     *widget,
         gconstpointer  role_key)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), "role-chip") == 0 &&
         (role_key == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (widget), "sonae-role-key"), role_key) == 0);
}

static GObject *
page_child (SonaeTestWindow *f,
            const char      *name)
{
  return sonae_test_template_child (f->page, SONAE_TYPE_MANUAL_PAGE, name);
}

static SonaeManualBlock *
block (SonaeTestWindow *f,
       const char      *item_id)
{
  GtkWidget *found = sonae_test_find_widget (f->page, is_block, item_id);

  if (found == NULL)
    g_error ("no block for %s", item_id);
  return SONAE_MANUAL_BLOCK (found);
}

static GObject *
block_child (SonaeManualBlock *b,
             const char       *name)
{
  return sonae_test_template_child (GTK_WIDGET (b), SONAE_TYPE_MANUAL_BLOCK, name);
}

/* The ids of the blocks on the page, in order. */
static GPtrArray *
block_ids (SonaeTestWindow *f)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  GPtrArray *ids = g_ptr_array_new ();

  sonae_test_collect_widgets (f->page, is_block, NULL, blocks);
  for (guint i = 0; i < blocks->len; i++)
    g_ptr_array_add (ids, (gpointer) sonae_manual_block_get_item_id (g_ptr_array_index (blocks, i)));
  return ids;
}

static void
type_text (SonaeManualBlock *b,
           const char       *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (block_child (b, "text_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static SonaeManualEdit *
stored_edit (SonaeTestWindow *f,
             const char      *item_id)
{
  g_autoptr(GError) error = NULL;
  SonaeManualEdit *edit = sonae_manual_edits_get (f->store, item_id, &error);

  g_assert_no_error (error);
  return edit;
}

static SonaeManualView *
fresh_view (SonaeTestWindow *f)
{
  g_autoptr(GError) error = NULL;
  SonaeManualView *view = sonae_manual_view_new (f->store, NULL, &error);

  g_assert_no_error (error);
  return view;
}

/* The window's actions the page uses, recorded. */
static void
fixture_set_up (SonaeTestWindow *f,
                gconstpointer    data)
{
  sonae_test_window_set_up (f, data);
  sonae_test_window_record_action (f, "show-role", G_VARIANT_TYPE_STRING);
  sonae_test_window_record_action (f, "print-document", G_VARIANT_TYPE_STRING);
}

static void
show_page (SonaeTestWindow *f)
{
  GtkWidget *page = sonae_manual_page_new (f->store);
  GObject *author = sonae_test_template_child (page, SONAE_TYPE_MANUAL_PAGE, "author_entry");

  gtk_editable_set_text (GTK_EDITABLE (author), AUTHOR);
  sonae_test_window_show (f, page);
}

/* A small roster: the first responder and the incident response lead (with
 * a deputy); nobody holds the chief executive's role. */
static void
add_roster (SonaeTestWindow *f)
{
  gint64 first = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  gint64 lead[2];

  lead[0] = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "佐藤 由美", "さとう ゆみ", "090-0000-1103");
  lead[1] = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "鈴木 恵子", "すずき けいこ", "090-0000-1104");
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_FIRST, &first, 1, NULL));
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_LEAD, lead, 2, NULL));
}

/* --- tests ------------------------------------------------------------------- */

static void
test_toc (SonaeTestWindow *f,
          gconstpointer    data)
{
  g_autoptr(SonaeManualView) view = fresh_view (f);
  GPtrArray *sections = sonae_manual_view_get_sections (view);
  GtkWidget *toc;
  guint n = 0;

  show_page (f);
  toc = GTK_WIDGET (page_child (f, "toc_list"));
  for (GtkWidget *row = gtk_widget_get_first_child (toc); row; row = gtk_widget_get_next_sibling (row), n++)
    {
      const SonaeManualViewItem *section = g_ptr_array_index (sections, n);
      g_autofree char *texts = sonae_test_label_texts (row);
      g_autofree char *number = g_strdup_printf ("|%u|", section->number);

      g_assert_cmpstr (gtk_widget_get_name (row), ==, section->id);
      g_assert_nonnull (strstr (texts, number));
      g_assert_nonnull (strstr (texts, section->title));
    }
  g_assert_cmpuint (n, ==, sections->len);
  g_assert_cmpuint (n, >=, 8);

  /* Activating a row shows that section, with its heading. */
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (GTK_LIST_BOX (toc), 3), "activate");
  g_assert_cmpstr (sonae_manual_page_get_section (SONAE_MANUAL_PAGE (f->page)), ==,
                   ((SonaeManualViewItem *) g_ptr_array_index (sections, 3))->id);
  g_assert_nonnull (sonae_test_find_widget (f->page, is_block,
                                            ((SonaeManualViewItem *) g_ptr_array_index (sections, 3))->id));
  g_assert_nonnull (sonae_test_find_widget (f->page, is_block, "level-2"));

  /* Every section can be shown. */
  for (guint i = 0; i < sections->len; i++)
    {
      const SonaeManualViewItem *section = g_ptr_array_index (sections, i);

      sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), section->id);
      g_assert_nonnull (sonae_test_find_widget (f->page, is_block, section->id));
    }
}

static void
test_role_chips (SonaeTestWindow *f,
                 gconstpointer    data)
{
  GtkWidget *chip;
  g_autofree char *texts = NULL;
  g_autofree char *empty = NULL;

  add_roster (f);
  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "procedures");

  /* A step names its role's holder, with the number to call. */
  chip = sonae_test_find_widget (GTK_WIDGET (block (f, "leak-3-report")), is_chip, SONAE_ROLE_FIRST);
  g_assert_nonnull (chip);
  texts = sonae_test_label_texts (chip);
  g_assert_nonnull (strstr (texts, "山田 太郎"));
  g_assert_nonnull (strstr (texts, "090-1234-5678"));
  g_assert_false (gtk_widget_has_css_class (chip, "unassigned"));

  /* A role nobody holds says so, visibly, and leads to the roster. */
  chip = sonae_test_find_widget (GTK_WIDGET (block (f, "leak-3-announce")), is_chip, SONAE_ROLE_TOP);
  g_assert_nonnull (chip);
  empty = sonae_test_label_texts (chip);
  g_assert_nonnull (strstr (empty, "Not assigned"));
  g_assert_true (gtk_widget_has_css_class (chip, "unassigned"));
  g_signal_emit_by_name (chip, "clicked");
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "show-role:" SONAE_ROLE_TOP);

  /* A change in the roster shows at once. */
  {
    gint64 id = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "高橋 誠", "たかはし まこと", "090-0000-1101");
    g_autofree char *now = NULL;

    g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_TOP, &id, 1, NULL));
    sonae_test_spin_for (100);
    chip = sonae_test_find_widget (GTK_WIDGET (block (f, "leak-3-announce")), is_chip, SONAE_ROLE_TOP);
    now = sonae_test_label_texts (chip);
    g_assert_nonnull (strstr (now, "高橋 誠"));
    g_assert_cmpstr (sonae_manual_page_get_section (SONAE_MANUAL_PAGE (f->page)), ==, "procedures");
  }
}

static void
test_whom_to_call (SonaeTestWindow *f,
                   gconstpointer    data)
{
  GtkWidget *list;
  GtkWidget *row;
  g_autofree char *texts = NULL;

  add_roster (f);
  show_page (f);

  /* From the levels section to whom to call at level 2, in one click. */
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "levels");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block (f, "level-2")), "manual.show-level", "i", 2));
  g_assert_cmpstr (sonae_manual_page_get_section (SONAE_MANUAL_PAGE (f->page)), ==, "reporting");
  list = sonae_test_named (f->page, "call-list");
  g_assert_nonnull (list);
  row = sonae_test_find_widget (list, sonae_test_is_named, SONAE_ROLE_LEAD);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "佐藤 由美"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "鈴木 恵子 090-0000-1104"));
  texts = sonae_test_label_texts (row);
  g_assert_nonnull (strstr (texts, "090-0000-1103"));
  g_assert_nonnull (strstr (texts, "Responds at this level"));
  /* The chain starts with the first responder. */
  g_assert_true (sonae_test_find_widget (list, sonae_test_is_named, SONAE_ROLE_FIRST) != NULL);
  g_assert_null (sonae_test_find_widget (list, sonae_test_is_named, SONAE_ROLE_TOP));

  /* Level 3 goes up to the chief executive, who is not assigned. */
  gtk_widget_activate_action (f->page, "manual.level", "i", 3);
  list = sonae_test_named (f->page, "call-list");
  row = sonae_test_find_widget (list, sonae_test_is_named, SONAE_ROLE_TOP);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
}

static gboolean
edit_stored (gpointer data)
{
  SonaeTestWindow *f = data;
  g_autoptr(SonaeManualEdit) edit = sonae_manual_edits_get (f->store, "leak-3-report", NULL);

  return edit != NULL && g_strcmp0 (edit->text, "まず院長に電話する。") == 0;
}

static void
test_edit_text (SonaeTestWindow *f,
                gconstpointer    data)
{
  g_autoptr(SonaeManualView) view = fresh_view (f);
  const char *source = sonae_manual_view_lookup (view, "leak-3-report")->source_text;
  SonaeManualBlock *b;

  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "procedures");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (block_child (block (f, "leak-3-report"), "text_frame"))));

  /* The Edit button turns the texts into editors. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sonae_test_named (f->page, "edit-button")), TRUE);
  g_assert_true (sonae_manual_page_get_editing (SONAE_MANUAL_PAGE (f->page)));
  b = block (f, "leak-3-report");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (block_child (b, "text_frame"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (block_child (b, "edited_button"))));

  /* Saved when the typing pauses, with the English text it was made on. */
  type_text (b, "まず院長に電話する。");
  g_assert_false (edit_stored (f));
  sonae_test_spin_until (edit_stored, f, SONAE_MANUAL_SAVE_DELAY * 4, "the edit to be saved");
  {
    g_autoptr(SonaeManualEdit) edit = stored_edit (f, "leak-3-report");
    g_autoptr(GPtrArray) revisions = sonae_manual_edits_list_revisions (f->store, NULL);
    SonaeManualRevision *last = g_ptr_array_index (revisions, 0);

    g_assert_cmpstr (edit->base_text, ==, source);
    g_assert_cmpstr (last->author, ==, AUTHOR);
    g_assert_cmpstr (last->new_text, ==, "まず院長に電話する。");
  }
  /* Typing was not interrupted: the same block, now tagged. */
  g_assert_true (block (f, "leak-3-report") == b);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (block_child (b, "edited_button"))));

  /* A title too; and leaving edit mode saves what is still waiting. */
  gtk_editable_set_text (GTK_EDITABLE (block_child (b, "title_entry")), "すぐ知らせる");
  type_text (block (f, "leak-3-cause"), "原因を調べる。");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sonae_test_named (f->page, "edit-button")), FALSE);
  {
    g_autoptr(SonaeManualEdit) title = stored_edit (f, "leak-3-report" SONAE_MANUAL_TITLE_SUFFIX);
    g_autoptr(SonaeManualEdit) cause = stored_edit (f, "leak-3-cause");

    g_assert_cmpstr (title->text, ==, "すぐ知らせる");
    g_assert_cmpstr (cause->text, ==, "原因を調べる。");
  }

  /* Read back from the database: the page shows the organisation's text. */
  b = block (f, "leak-3-report");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (block_child (b, "text_label"))), ==, "まず院長に電話する。");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (block_child (b, "title_label"))), ==, "すぐ知らせる");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (block_child (b, "edited_button"))));

  /* Reset to the bundled text, then Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b), "block.reset", NULL));
  g_assert_null (sonae_manual_edits_get (f->store, "leak-3-report", NULL));
  g_assert_null (sonae_manual_edits_get (f->store, "leak-3-report" SONAE_MANUAL_TITLE_SUFFIX, NULL));
  b = block (f, "leak-3-report");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (block_child (b, "text_label"))), ==,
                   sonae_manual_view_lookup (view, "leak-3-report")->text);
  g_signal_emit_by_name (sonae_test_find_widget (f->window, sonae_test_is_button_labelled, "_Undo"),
                         "clicked");
  {
    g_autoptr(SonaeManualEdit) edit = stored_edit (f, "leak-3-report");
    g_autoptr(SonaeManualEdit) title = stored_edit (f, "leak-3-report" SONAE_MANUAL_TITLE_SUFFIX);

    g_assert_cmpstr (edit->text, ==, "まず院長に電話する。");
    g_assert_cmpstr (edit->base_text, ==, source);
    g_assert_cmpstr (title->text, ==, "すぐ知らせる");
  }

  /* The history lists the changes, newest first, with their author. */
  {
    GtkWidget *row;

    g_assert_true (gtk_widget_activate_action (f->page, "manual.history", NULL));
    {
      SonaeManualHistory *window;

      window = SONAE_MANUAL_HISTORY (sonae_test_find_dialog_of_type (SONAE_TYPE_MANUAL_HISTORY));
      g_assert_nonnull (window);
      g_assert_cmpuint (sonae_manual_history_get_count (window), >=, 5);
      row = gtk_widget_get_first_child (sonae_test_named (GTK_WIDGET (window), "history-list"));
      g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "すぐ知らせる"));
      g_assert_nonnull (strstr (ADW_IS_EXPANDER_ROW (row) ? adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row))
                                                          : adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                AUTHOR));
    }
  }
}

static void
test_add_remove_move (SonaeTestWindow *f,
                      gconstpointer    data)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  char *new_id;
  const SonaeManualViewItem *proc;

  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "procedures");
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (f->page), TRUE);

  /* Add a step below the first one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block (f, "leak-2-report")), "block.add-below", NULL));
  view = fresh_view (f);
  proc = sonae_manual_view_lookup (view, "leak-2");
  g_assert_cmpuint (proc->children->len, ==, 4);
  new_id = ((SonaeManualViewItem *) g_ptr_array_index (proc->children, 1))->id;
  g_assert_true (g_str_has_prefix (new_id, "local-"));
  ids = block_ids (f);
  g_assert_cmpint (sonae_test_index_of (ids, new_id), ==, sonae_test_index_of (ids, "leak-2-report") + 1);
  g_assert_cmpint (sonae_test_index_of (ids, "leak-2-trace"), ==, sonae_test_index_of (ids, new_id) + 1);
  /* It takes the role of the step above, and its text is ready to type over. */
  g_assert_cmpstr (((SonaeManualViewItem *) g_ptr_array_index (proc->children, 1))->role_key, ==, SONAE_ROLE_FIRST);
  type_text (block (f, new_id), "LANケーブルを抜く。");
  sonae_manual_page_save_now (SONAE_MANUAL_PAGE (f->page));
  {
    g_autoptr(SonaeManualEdit) edit = stored_edit (f, new_id);
    g_assert_cmpstr (edit->text, ==, "LANケーブルを抜く。");
  }

  /* Move the last step up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block (f, "leak-2-inform")), "block.move-up", NULL));
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = block_ids (f);
  g_assert_cmpint (sonae_test_index_of (ids, "leak-2-inform"), ==,
                   sonae_test_index_of (ids, "leak-2-trace") - 1);
  /* The first cannot move further up. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (block_child (block (f, "leak-2-report"), "up_button"))));

  /* Remove a step; Undo brings it back where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block (f, "leak-2-trace")), "block.remove", NULL));
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = block_ids (f);
  g_assert_cmpint (sonae_test_index_of (ids, "leak-2-trace"), ==, -1);
  g_assert_true (stored_edit (f, "leak-2-trace")->removed);
  g_signal_emit_by_name (sonae_test_find_widget (f->window, sonae_test_is_button_labelled, "_Undo"),
                         "clicked");
  sonae_test_spin_for (100);
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = block_ids (f);
  g_assert_cmpint (sonae_test_index_of (ids, "leak-2-trace"), ==,
                   sonae_test_index_of (ids, "leak-2-inform") + 1);

  /* A step at the end of a procedure. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    g_autoptr(SonaeManualView) after = NULL;

    GtkWidget *add = NULL;

    sonae_test_collect_widgets (f->page, sonae_test_is_named, "add-at-end", buttons);
    for (guint i = 0; i < buttons->len; i++)
      {
        GVariant *target = gtk_actionable_get_action_target_value (g_ptr_array_index (buttons, i));

        if (g_strcmp0 (g_variant_get_string (target, NULL), "leak-2") == 0)
          add = g_ptr_array_index (buttons, i);
      }
    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
    after = fresh_view (f);
    proc = sonae_manual_view_lookup (after, "leak-2");
    g_assert_cmpuint (proc->children->len, ==, 5);
    g_assert_true (((SonaeManualViewItem *) g_ptr_array_index (proc->children, 4))->added);
  }
}

static void
test_level_role (SonaeTestWindow *f,
                 gconstpointer    data)
{
  guint n_roles;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  guint sysadmin = 0;
  GtkWidget *chip;
  GtkDropDown *dropdown;

  for (guint i = 0; i < n_roles; i++)
    if (g_str_equal (roles[i].key, SONAE_ROLE_SYSADMIN))
      sysadmin = i;

  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "levels");
  chip = sonae_test_find_widget (GTK_WIDGET (block (f, "level-2")), is_chip, NULL);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (chip), "sonae-role-key"), ==, SONAE_ROLE_LEAD);

  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (f->page), TRUE);
  dropdown = GTK_DROP_DOWN (block_child (block (f, "level-2"), "role_dropdown"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  gtk_drop_down_set_selected (dropdown, sysadmin);
  {
    g_autofree char *stored = sonae_manual_edits_get_level_role (f->store, 2);
    g_assert_cmpstr (stored, ==, SONAE_ROLE_SYSADMIN);
  }
  sonae_test_spin_for (100);
  chip = sonae_test_find_widget (GTK_WIDGET (block (f, "level-2")), is_chip, NULL);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (chip), "sonae-role-key"), ==, SONAE_ROLE_SYSADMIN);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (block_child (block (f, "level-2"), "edited_button"))));

  /* Whom to call at level 2 now ends with the system administrator. */
  sonae_manual_page_show_level (SONAE_MANUAL_PAGE (f->page), 2);
  {
    GtkWidget *list = sonae_test_named (f->page, "call-list");
    GtkWidget *row = sonae_test_named (list, SONAE_ROLE_SYSADMIN);
    g_autofree char *texts = sonae_test_label_texts (row);

    g_assert_nonnull (strstr (texts, "Responds at this level"));
    g_assert_null (sonae_test_find_widget (list, sonae_test_is_named, SONAE_ROLE_LEAD));
  }

  /* Reset: back to the manual's choice. */
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "levels");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block (f, "level-2")), "block.reset", NULL));
  g_assert_null (sonae_manual_edits_get_level_role (f->store, 2));
  chip = sonae_test_find_widget (GTK_WIDGET (block (f, "level-2")), is_chip, NULL);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (chip), "sonae-role-key"), ==, SONAE_ROLE_LEAD);
}

/* The role list offers the organisation's roles: a clinic's includes the
 * 医療情報システム安全管理責任者, a business's does not. */
static gboolean
role_list_has (SonaeTestWindow *f,
               const char      *role_key)
{
  GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (block_child (block (f, "level-2"), "role_dropdown")));

  g_assert_nonnull (names);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), sonae_role_get_name (role_key)))
      return TRUE;
  return FALSE;
}

static void
test_roles_offered (SonaeTestWindow *f,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = NULL;

  g_assert_true (sonae_store_is_care (f->store));
  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "levels");
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (f->page), TRUE);
  g_assert_true (role_list_has (f, SONAE_ROLE_SYSADMIN));
  g_assert_true (role_list_has (f, SONAE_ROLE_MEDINFO));

  profile = sonae_store_get_profile (f->store);
  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (f->store, profile, &error));
  g_assert_no_error (error);
  g_clear_object (&f->page);   /* a page anew, as the section makes it */
  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "levels");
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (f->page), TRUE);
  g_assert_true (role_list_has (f, SONAE_ROLE_SYSADMIN));
  g_assert_false (role_list_has (f, SONAE_ROLE_MEDINFO));
}

static void
test_step_role (SonaeTestWindow *f,
                gconstpointer    data)
{
  guint n_roles;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  guint privacy = 0;

  for (guint i = 0; i < n_roles; i++)
    if (g_str_equal (roles[i].key, SONAE_ROLE_PRIVACY))
      privacy = i;

  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "procedures");
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (f->page), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (block_child (block (f, "leak-3-press"), "role_dropdown")), privacy);
  {
    g_autoptr(SonaeManualEdit) edit = stored_edit (f, "leak-3-press");
    g_assert_cmpstr (edit->role_key, ==, SONAE_ROLE_PRIVACY);
  }
  sonae_test_spin_for (100);
  g_assert_nonnull (sonae_test_find_widget (GTK_WIDGET (block (f, "leak-3-press")), is_chip,
                                            SONAE_ROLE_PRIVACY));
}

static void
test_needs_review (SonaeTestWindow *f,
                   gconstpointer    data)
{
  g_autoptr(SonaeManualView) view = NULL;
  const char *mine = "ベンダーと原因を調べる";
  SonaeManualBlock *b;

  g_assert_true (sonae_manual_edits_edit_item (f->store, "tamper-2-first-aid", mine, NULL,
                                               "An older English text.", AUTHOR, NULL));
  g_assert_true (sonae_manual_edits_edit_item (f->store, "tamper-1-first-aid", mine, NULL,
                                               "An older English text.", AUTHOR, NULL));
  show_page (f);
  g_assert_nonnull (sonae_test_find_widget (f->page, sonae_test_is_named, "needs-review-banner"));

  /* "Show" goes to the first one, which shows both texts. */
  g_assert_true (gtk_widget_activate_action (f->page, "manual.show-next-review", NULL));
  g_assert_cmpstr (sonae_manual_page_get_section (SONAE_MANUAL_PAGE (f->page)), ==, "procedures");
  b = block (f, "tamper-2-first-aid");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (block_child (b, "review_box"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (block_child (b, "mine_label"))), ==, mine);
  view = fresh_view (f);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (block_child (b, "theirs_label"))), ==,
                   sonae_manual_view_lookup (view, "tamper-2-first-aid")->bundled_text);

  /* Keep mine: the text stays, now made on the current English text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b), "block.keep-mine", NULL));
  {
    g_autoptr(SonaeManualEdit) edit = stored_edit (f, "tamper-2-first-aid");

    g_assert_cmpstr (edit->text, ==, mine);
    g_assert_cmpstr (edit->base_text, ==, sonae_manual_view_lookup (view, "tamper-2-first-aid")->source_text);
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (block_child (block (f, "tamper-2-first-aid"), "review_box"))));

  /* Use the new text: the edit goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block (f, "tamper-1-first-aid")), "block.use-new", NULL));
  g_assert_null (sonae_manual_edits_get (f->store, "tamper-1-first-aid", NULL));
  {
    g_autoptr(SonaeManualView) after = fresh_view (f);
    g_assert_cmpuint (sonae_manual_view_count_needs_review (after), ==, 0);
  }
  g_assert_null (sonae_test_find_widget (f->page, sonae_test_is_named, "needs-review-banner"));
}

static gboolean
is_search_result (GtkWidget     *widget,
                  gconstpointer  id)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), id) == 0;
}

static gboolean
block_highlighted (gpointer data)
{
  SonaeTestWindow *f = data;
  return gtk_widget_has_css_class (GTK_WIDGET (block (f, "malware-staff-scan")), "highlighted");
}

static void
test_search (SonaeTestWindow *f,
             gconstpointer    data)
{
  GtkEditable *entry;
  GtkWidget *results;
  GtkWidget *row;

  g_assert_true (sonae_manual_edits_edit_item (f->store, "malware-staff-scan", "ＵＳＢメモリも検査する", NULL,
                                               NULL, AUTHOR, NULL));
  show_page (f);
  entry = GTK_EDITABLE (page_child (f, "search_entry"));
  results = GTK_WIDGET (page_child (f, "results_list"));

  /* The organisation's own text is found, width and case folded. */
  gtk_editable_set_text (entry, "usbメモリ");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "toc_stack"))), ==, "results");
  row = sonae_test_find_widget (results, is_search_result, "malware-staff-scan");
  g_assert_nonnull (row);

  /* Choosing it opens its section, scrolled to it and highlighted. */
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (sonae_manual_page_get_section (SONAE_MANUAL_PAGE (f->page)), ==, "procedures");
  sonae_test_spin_until (block_highlighted, f, 3000, "the result to be highlighted");

  /* Text typed in edit mode is found too. */
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (f->page), TRUE);
  type_text (block (f, "malware-staff-call"), "情報システム担当の内線 2001 に電話");
  sonae_test_spin_for (SONAE_MANUAL_SAVE_DELAY + 200);
  gtk_editable_set_text (entry, "内線 2001");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_nonnull (sonae_test_find_widget (results, is_search_result, "malware-staff-call"));

  gtk_editable_set_text (entry, "zzqqxx");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "toc_stack"))), ==, "no-results");
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "toc_stack"))), ==, "toc");
}

static void
test_print_menu (SonaeTestWindow *f,
                 gconstpointer    data)
{
  GMenuModel *menu;
  const char *expected[] = { "manual", "poster", "calltree" };

  show_page (f);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (sonae_test_named (f->page, "print-button")));
  menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, "win.print-document");
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, expected[i]);
      g_assert_true (gtk_widget_activate_action_variant (f->page, action, target));
    }
  g_assert_cmpuint (f->activated->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "print-document:manual");
}

/* Review: on the page, in the database, and on Home. */

static AdwWindowTitle *
page_title (GtkWidget *page)
{
  return ADW_WINDOW_TITLE (sonae_test_template_child (page, SONAE_TYPE_MANUAL_PAGE, "page_title"));
}

typedef struct {
  GtkWidget *root;
  const char *name;
  gboolean present;
} RowWait;

static gboolean
row_is (gpointer data)
{
  RowWait *w = data;
  return (sonae_test_find_widget (w->root, sonae_test_is_named, w->name) != NULL) == w->present;
}

static void
test_review (SonaeTestWindow *f,
             gconstpointer    data)
{
  SonaeWindow *window = sonae_test_window_open_main (f);
  GtkWidget *home;
  GtkWidget *page;
  GtkWidget *dialog;
  RowWait wait;
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;

  gtk_window_present (GTK_WINDOW (window));
  home = sonae_window_get_page (window, "home");
  page = sonae_window_get_page (window, "manual");

  /* Never reviewed: Home says so, and the row opens the Manual. */
  wait = (RowWait) { home, "manual-review-row", TRUE };
  sonae_test_spin_until (row_is, &wait, 5000, "the review row on Home");
  g_signal_emit_by_name (sonae_test_named (home, "manual-review-row"), "activate");
  g_assert_cmpstr (sonae_window_get_section (window), ==, "manual");
  /* The contents show at once, the section once they are painted. */
  sonae_test_spin_for (20);
  g_assert_nonnull (sonae_test_find_widget (page, sonae_test_is_named, "review-banner"));
  g_assert_cmpstr (adw_window_title_get_subtitle (page_title (page)), ==, "Not reviewed yet");

  /* Mark as reviewed, by a name typed in the dialog. */
  g_assert_true (gtk_widget_activate_action (page, "manual.mark-reviewed", NULL));
  dialog = sonae_test_find_dialog ("review-dialog");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (dialog, "reviewer-entry")), "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "review"));
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (dialog, "reviewer-entry")), "佐藤 由美");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "review");

  g_assert_true (sonae_manual_edits_get_review (f->store, &date, &by));
  {
    g_autofree char *today = g_date_time_format (g_date_time_new_now_local (), "%Y-%m-%d");
    g_autofree char *line = g_strdup_printf ("Last reviewed %s by 佐藤 由美", today);

    g_assert_cmpstr (date, ==, today);
    g_assert_cmpstr (adw_window_title_get_subtitle (page_title (page)), ==, line);
  }
  g_assert_cmpstr (by, ==, "佐藤 由美");
  g_assert_null (sonae_test_find_widget (page, sonae_test_is_named, "review-banner"));

  /* And Home no longer asks for it. */
  wait = (RowWait) { home, "manual-review-row", FALSE };
  sonae_test_spin_until (row_is, &wait, 5000, "the review row to go");
}

static void
test_home_needs_review (SonaeTestWindow *f,
                        gconstpointer    data)
{
  SonaeWindow *window;
  GtkWidget *home;
  GtkWidget *row;
  RowWait wait;

  g_assert_true (sonae_manual_edits_mark_reviewed (f->store, "2020-04-01", "山田 太郎", NULL));
  g_assert_true (sonae_manual_edits_edit_item (f->store, "tamper-2-first-aid", "ベンダーと原因を調べる", NULL,
                                               "An older English text.", AUTHOR, NULL));
  window = sonae_test_window_open_main (f);
  gtk_window_present (GTK_WINDOW (window));
  sonae_window_set_section (window, "home");
  sonae_test_spin_for (20);
  home = sonae_window_get_page (window, "home");

  /* A review more than a year old is due again. */
  row = sonae_test_find_widget (home, sonae_test_is_named, "manual-review-row");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2020-04-01"));
  g_assert_true (sonae_manual_edits_mark_reviewed (f->store, NULL, "佐藤 由美", NULL));
  wait = (RowWait) { home, "manual-review-row", FALSE };
  sonae_test_spin_until (row_is, &wait, 5000, "the review row to go");

  g_assert_nonnull (sonae_test_find_widget (home, sonae_test_is_named, "manual-update-row"));
  g_signal_emit_by_name (sonae_test_named (home, "manual-update-row"), "activate");
  g_assert_cmpstr (sonae_window_get_section (window), ==, "manual");

  g_assert_true (sonae_manual_edits_reset_item (f->store, "tamper-2-first-aid", AUTHOR, NULL));
  wait = (RowWait) { home, "manual-update-row", FALSE };
  sonae_test_spin_until (row_is, &wait, 5000, "the update row to go");

  /* The Home print rows offer the manual after the poster. */
  {
    GtkWidget *poster = sonae_test_named (home, "print-poster-row");
    GtkWidget *manual = sonae_test_named (home, "print-manual-row");
    GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (manual));

    g_assert_true (gtk_widget_get_next_sibling (poster) == manual);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "manual");
  }
}

/* An undo that cannot be written (another program holds the database)
 * is shown to the person, not only logged; nothing changes. */
static gboolean
undo_failure_shown (gpointer data)
{
  return sonae_test_find_dialog ("Could not undo the change to the manual") != NULL;
}

static void
test_undo_failure (SonaeTestWindow *f,
                   gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, SONAE_DB_NAME, NULL);
  g_autoptr(SonaeManualEdit) edit = NULL;
  sqlite3 *other = NULL;

  show_page (f);
  sonae_manual_page_show_section (SONAE_MANUAL_PAGE (f->page), "procedures");
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (f->page), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block (f, "leak-2-trace")), "block.remove", NULL));
  g_assert_true (stored_edit (f, "leak-2-trace")->removed);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_signal_emit_by_name (sonae_test_find_widget (f->window, sonae_test_is_button_labelled, "_Undo"),
                         "clicked");
  sonae_test_spin_until (undo_failure_shown, NULL, 20000, "the undo failure shown");
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  edit = stored_edit (f, "leak-2-trace");
  g_assert_nonnull (edit);
  g_assert_true (edit->removed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/manual-page/" name, SonaeTestWindow, NULL, fixture_set_up, func, sonae_test_window_tear_down)
  ADD ("toc", test_toc);
  ADD ("role-chips", test_role_chips);
  ADD ("whom-to-call", test_whom_to_call);
  ADD ("edit-text", test_edit_text);
  ADD ("add-remove-move", test_add_remove_move);
  ADD ("undo-failure", test_undo_failure);
  ADD ("level-role", test_level_role);
  ADD ("step-role", test_step_role);
  ADD ("roles-offered", test_roles_offered);
  ADD ("needs-review", test_needs_review);
  ADD ("search", test_search);
  ADD ("print-menu", test_print_menu);
#undef ADD
  g_test_add ("/manual-page/review", SonaeTestWindow, NULL, sonae_test_window_set_up, test_review,
              sonae_test_window_tear_down);
  g_test_add ("/manual-page/home-needs-review", SonaeTestWindow, NULL, sonae_test_window_set_up,
              test_home_needs_review, sonae_test_window_tear_down);

  return g_test_run ();
}
