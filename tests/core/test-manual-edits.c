#include "config.h"

#include <string.h>

#include "sonae-error.h"
#include "sonae-manual-edits.h"
#include "sonae-test-util.h"

static void
test_edit_and_reset (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualEdit) edit = NULL;
  g_autoptr(GPtrArray) revisions = NULL;

  /* Nothing changed yet. */
  edit = sonae_manual_edits_get (store, "leak-3-1", &error);
  g_assert_no_error (error);
  g_assert_null (edit);

  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-1", "院長に直ちに電話する", NULL,
                                               "Report at once to the lead and the top.", "佐藤", &error));
  g_assert_no_error (error);
  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-1", NULL, SONAE_ROLE_TOP,
                                               "Report at once to the lead and the top.", "佐藤", &error));
  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-1", "院長と事務長に直ちに電話する", NULL,
                                               "Report at once to the lead and the top.", "鈴木", &error));

  edit = sonae_manual_edits_get (store, "leak-3-1", &error);
  g_assert_nonnull (edit);
  g_assert_cmpstr (edit->text, ==, "院長と事務長に直ちに電話する");
  g_assert_cmpstr (edit->role_key, ==, SONAE_ROLE_TOP);      /* the role stays */
  g_assert_cmpstr (edit->base_text, ==, "Report at once to the lead and the top.");
  g_assert_false (edit->removed);

  /* Who changed what and when, newest first. */
  revisions = sonae_manual_edits_list_revisions (store, &error);
  g_assert_cmpuint (revisions->len, ==, 3);
  {
    SonaeManualRevision *r = g_ptr_array_index (revisions, 0);
    g_assert_cmpstr (r->action, ==, "edit");
    g_assert_cmpstr (r->author, ==, "鈴木");
    g_assert_cmpstr (r->old_text, ==, "院長に直ちに電話する");
    g_assert_cmpstr (r->new_text, ==, "院長と事務長に直ちに電話する");
    g_assert_nonnull (r->at);
  }
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Back to the bundled text. */
  g_assert_true (sonae_manual_edits_reset_item (store, "leak-3-1", "佐藤", &error));
  g_clear_pointer (&edit, sonae_manual_edit_free);
  edit = sonae_manual_edits_get (store, "leak-3-1", &error);
  g_assert_null (edit);
  revisions = sonae_manual_edits_list_revisions (store, &error);
  g_assert_cmpstr (((SonaeManualRevision *) g_ptr_array_index (revisions, 0))->action, ==, "reset");

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_add_remove_move (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(SonaeManualEdit) moved = NULL;

  g_assert_true (sonae_manual_edits_add_step (store, "malware", "電子カルテのベンダに電話する", SONAE_ROLE_SYSADMIN,
                                              2.5, "田中", &first, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_manual_edits_add_step (store, "malware", "受付に紙の受付票を配る", SONAE_ROLE_FIRST,
                                              9, "田中", &second, &error));
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_prefix (first, "local-"));

  g_assert_true (sonae_manual_edits_remove_item (store, "malware-1-3", "田中", &error));
  g_assert_true (sonae_manual_edits_move_item (store, "malware-1-5", 0.5, "田中", &error));

  edits = sonae_manual_edits_list (store, &error);
  g_assert_cmpuint (edits->len, ==, 4);
  moved = sonae_manual_edits_get (store, "malware-1-5", &error);
  g_assert_true (moved->has_position);
  g_assert_cmpfloat (moved->position, ==, 0.5);
  g_assert_null (moved->text);
  {
    g_autoptr(SonaeManualEdit) removed = sonae_manual_edits_get (store, "malware-1-3", &error);
    g_assert_true (removed->removed);
  }
  {
    g_autoptr(SonaeManualEdit) added = sonae_manual_edits_get (store, first, &error);
    g_assert_cmpstr (added->parent_id, ==, "malware");
    g_assert_cmpstr (added->role_key, ==, SONAE_ROLE_SYSADMIN);
  }

  /* Resetting an added step deletes it. */
  g_assert_true (sonae_manual_edits_reset_item (store, first, "田中", &error));
  {
    g_autoptr(SonaeManualEdit) gone = sonae_manual_edits_get (store, first, &error);
    g_assert_null (gone);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_bad_input_changes_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autofree char *huge = g_strnfill (30000, 'x');
  const char *evil = "'); DROP TABLE manual_items; --";

  g_assert_false (sonae_manual_edits_edit_item (store, "s", huge, NULL, NULL, "x", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (sonae_manual_edits_edit_item (store, "s", "   ", NULL, NULL, "x", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_manual_edits_edit_item (store, "", "text", NULL, NULL, "x", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_manual_edits_add_step (store, "malware", "", NULL, 1, "x", NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_manual_edits_set_level_role (store, 4, SONAE_ROLE_TOP, "x", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sonae_manual_edits_mark_reviewed (store, "2026-02-31", "x", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  edits = sonae_manual_edits_list (store, &error);
  g_assert_cmpuint (edits->len, ==, 0);

  /* Text that looks like SQL is text. */
  g_assert_true (sonae_manual_edits_edit_item (store, evil, evil, NULL, evil, evil, &error));
  g_clear_pointer (&edits, g_ptr_array_unref);
  edits = sonae_manual_edits_list (store, &error);
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpstr (((SonaeManualEdit *) g_ptr_array_index (edits, 0))->text, ==, evil);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_level_roles_and_review (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;

  g_assert_null (sonae_manual_edits_get_level_role (store, 2));
  g_assert_true (sonae_manual_edits_set_level_role (store, 2, SONAE_ROLE_TOP, "院長", &error));
  g_assert_no_error (error);
  role = sonae_manual_edits_get_level_role (store, 2);
  g_assert_cmpstr (role, ==, SONAE_ROLE_TOP);
  g_assert_true (sonae_manual_edits_set_level_role (store, 2, NULL, "院長", &error));
  g_clear_pointer (&role, g_free);
  role = sonae_manual_edits_get_level_role (store, 2);
  g_assert_null (role);

  g_assert_false (sonae_manual_edits_get_review (store, &date, &by));
  g_setenv ("SONAE_NOW", "2026-11-21T10:00:00", TRUE);
  g_assert_true (sonae_manual_edits_mark_reviewed (store, "2025-04-01", "高橋 誠", &error));
  g_assert_true (sonae_manual_edits_mark_reviewed (store, NULL, "佐藤 由美", &error));
  g_unsetenv ("SONAE_NOW");
  g_assert_no_error (error);
  g_assert_true (sonae_manual_edits_get_review (store, &date, &by));
  g_assert_cmpstr (date, ==, "2026-11-21");
  g_assert_cmpstr (by, ==, "佐藤 由美");

  /* Everything survives a restart. */
  g_clear_object (&store);
  store = sonae_store_open (dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) revisions = sonae_manual_edits_list_revisions (store, &error);
    g_assert_cmpuint (revisions->len, ==, 4);
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/manual-store/edit-and-reset", test_edit_and_reset);
  g_test_add_func ("/manual-store/add-remove-move", test_add_remove_move);
  g_test_add_func ("/manual-store/bad-input-changes-nothing", test_bad_input_changes_nothing);
  g_test_add_func ("/manual-store/level-roles-and-review", test_level_roles_and_review);

  return g_test_run ();
}
