/* test-manual-changes.c: a person's changes to the manual, each one
 * transaction, and their undo (sonae-manual-changes.h) */
#include "config.h"

#include <string.h>

#include "sonae-error.h"
#include "sonae-manual-changes.h"
#include "sonae-manual-edits.h"
#include "sonae-role.h"
#include "sonae-test-util.h"

#define AUTHOR "佐藤"

/* The ids of procedure @procedure_id's steps, space-separated. */
static char *
step_ids (SonaeStore *store,
          const char *procedure_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualView) view = sonae_manual_view_new (store, NULL, &error);
  const SonaeManualViewItem *proc;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  proc = sonae_manual_view_lookup (view, procedure_id);
  g_assert_nonnull (proc);
  for (guint i = 0; i < proc->children->len; i++)
    {
      const SonaeManualViewItem *step = g_ptr_array_index (proc->children, i);
      g_string_append_printf (out, "%s%s", i ? " " : "", step->id);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static SonaeManualView *
view_new (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  SonaeManualView *view = sonae_manual_view_new (store, NULL, &error);

  g_assert_no_error (error);
  return view;
}

static void
test_reset_and_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(SonaeManualUndo) undo = NULL;
  g_autoptr(SonaeManualEdit) edit = NULL;

  view = view_new (store);
  g_assert_true (sonae_manual_changes_set_text (store, view, "leak-3-cause", FALSE, "原因を事務長と調べる", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_manual_changes_set_role (store, sonae_manual_view_lookup (view, "leak-3-cause"),
                                                SONAE_ROLE_TOP, AUTHOR, &error));
  g_assert_no_error (error);
  /* The edit keeps the English source it was made on. */
  edit = sonae_manual_edits_get (store, "leak-3-cause", &error);
  g_assert_cmpstr (edit->text, ==, "原因を事務長と調べる");
  g_assert_cmpstr (edit->base_text, ==, sonae_manual_view_lookup (view, "leak-3-cause")->source_text);
  g_clear_pointer (&edit, sonae_manual_edit_free);
  g_clear_pointer (&view, sonae_manual_view_free);

  /* Reset: back to the bundled text and role in one go. */
  view = view_new (store);
  g_assert_true (sonae_manual_view_lookup (view, "leak-3-cause")->edited);
  g_assert_true (sonae_manual_changes_reset (store, sonae_manual_view_lookup (view, "leak-3-cause"), AUTHOR,
                                             &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  edit = sonae_manual_edits_get (store, "leak-3-cause", &error);
  g_assert_no_error (error);
  g_assert_null (edit);

  /* Undo puts the text, its source and the role back. */
  g_assert_true (sonae_manual_undo_apply (undo, store, &error));
  g_assert_no_error (error);
  edit = sonae_manual_edits_get (store, "leak-3-cause", &error);
  g_assert_nonnull (edit);
  g_assert_cmpstr (edit->text, ==, "原因を事務長と調べる");
  g_assert_cmpstr (edit->role_key, ==, SONAE_ROLE_TOP);
  g_assert_cmpstr (edit->base_text, ==, sonae_manual_view_lookup (view, "leak-3-cause")->source_text);

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_add_move_remove (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(SonaeManualUndo) undo = NULL;
  g_autofree char *added = NULL;
  g_autofree char *below = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *expected = NULL;
  const SonaeManualViewItem *item;

  /* At the end of a procedure: the new step takes the last step's role. */
  view = view_new (store);
  g_assert_true (sonae_manual_changes_add_at_end (store, view, "leak-3", AUTHOR, &added, &error));
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  item = sonae_manual_view_lookup (view, added);
  g_assert_nonnull (item);
  g_assert_true (item->added);
  g_assert_cmpstr (item->parent_id, ==, "leak-3");
  g_assert_cmpstr (item->role_key, ==, sonae_manual_view_lookup (view, "leak-3-announce")->role_key);
  ids = step_ids (store, "leak-3");
  g_assert_true (g_str_has_suffix (ids, added));
  g_clear_pointer (&ids, g_free);

  /* Below the first step, with its role. */
  g_assert_true (sonae_manual_changes_add_below (store, view, sonae_manual_view_lookup (view, "leak-3-report"),
                                                 AUTHOR, &below, &error));
  g_assert_no_error (error);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  g_assert_cmpstr (sonae_manual_view_lookup (view, below)->role_key, ==,
                   sonae_manual_view_lookup (view, "leak-3-report")->role_key);
  ids = step_ids (store, "leak-3");
  expected = g_strdup_printf ("leak-3-report %s leak-3-cause", below);
  g_assert_true (g_str_has_prefix (ids, expected));
  g_clear_pointer (&ids, g_free);

  /* Moving: the first step cannot go up; down swaps it with the next. */
  g_assert_true (sonae_manual_changes_move (store, view, sonae_manual_view_lookup (view, "leak-3-report"), -1,
                                            AUTHOR, &error));
  g_assert_no_error (error);
  ids = step_ids (store, "leak-3");
  g_assert_true (g_str_has_prefix (ids, "leak-3-report "));
  g_clear_pointer (&ids, g_free);
  g_assert_true (sonae_manual_changes_move (store, view, sonae_manual_view_lookup (view, "leak-3-report"), 1,
                                            AUTHOR, &error));
  g_assert_no_error (error);
  ids = step_ids (store, "leak-3");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s leak-3-report leak-3-cause", below);
  g_assert_true (g_str_has_prefix (ids, expected));
  g_clear_pointer (&ids, g_free);
  g_clear_pointer (&view, sonae_manual_view_free);

  /* Removing the organisation's own step; undo adds it again at its place. */
  view = view_new (store);
  g_assert_true (sonae_manual_changes_remove (store, sonae_manual_view_lookup (view, added), AUTHOR, &undo, &error));
  g_assert_no_error (error);
  ids = step_ids (store, "leak-3");
  g_assert_null (strstr (ids, added));
  g_assert_true (g_str_has_suffix (ids, "leak-3-announce"));
  g_clear_pointer (&ids, g_free);
  g_assert_true (sonae_manual_undo_apply (undo, store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  item = sonae_manual_view_lookup (view, "leak-3");
  item = g_ptr_array_index (item->children, item->children->len - 1);
  g_assert_true (item->added);
  g_assert_cmpstr (item->text, ==, sonae_manual_view_lookup (view, below)->text);

  /* A bundled step removed and brought back. */
  g_clear_pointer (&undo, sonae_manual_undo_free);
  g_assert_true (sonae_manual_changes_remove (store, sonae_manual_view_lookup (view, "leak-3-press"), AUTHOR,
                                              &undo, &error));
  ids = step_ids (store, "leak-3");
  g_assert_null (strstr (ids, "leak-3-press"));
  g_clear_pointer (&ids, g_free);
  g_assert_true (sonae_manual_undo_apply (undo, store, &error));
  g_assert_no_error (error);
  ids = step_ids (store, "leak-3");
  g_assert_nonnull (strstr (ids, "leak-3-inquiries leak-3-press leak-3-police"));

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* An undo that cannot be written says why and changes nothing. */
static void
test_undo_failure_is_reported (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(SonaeManualUndo) undo = NULL;
  g_autoptr(SonaeManualEdit) edit = NULL;

  view = view_new (store);
  g_assert_true (sonae_manual_changes_remove (store, sonae_manual_view_lookup (view, "leak-3-press"), AUTHOR,
                                              &undo, &error));
  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);

  reader = sonae_store_open_for_reading (dir, &error);
  g_assert_no_error (error);
  g_assert_false (sonae_manual_undo_apply (undo, reader, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  edit = sonae_manual_edits_get (reader, "leak-3-press", &error);
  g_assert_no_error (error);
  g_assert_nonnull (edit);
  g_assert_true (edit->removed);

  g_clear_object (&reader);
  sonae_test_remove_dir (dir);
}

/* After an update changed the bundled text under an edit. */
static void
test_settle_review (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(SonaeManualEdit) edit = NULL;

  /* Edits made on an older English text, with a role and a place. */
  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-cause", "うちの手順", SONAE_ROLE_TOP,
                                               "An older English text.", AUTHOR, &error));
  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-press", "うちの広報", NULL,
                                               "An older English text.", AUTHOR, &error));
  g_assert_no_error (error);
  view = view_new (store);
  g_assert_true (sonae_manual_view_lookup (view, "leak-3-cause")->needs_review);
  g_assert_cmpuint (sonae_manual_view_count_needs_review (view), ==, 2);

  /* Keep ours: the text stays, now made on the current source. */
  g_assert_true (sonae_manual_changes_settle_review (store, sonae_manual_view_lookup (view, "leak-3-cause"), TRUE,
                                                     AUTHOR, &error));
  g_assert_no_error (error);
  edit = sonae_manual_edits_get (store, "leak-3-cause", &error);
  g_assert_cmpstr (edit->text, ==, "うちの手順");
  g_assert_cmpstr (edit->role_key, ==, SONAE_ROLE_TOP);
  g_assert_cmpstr (edit->base_text, ==, sonae_manual_view_lookup (view, "leak-3-cause")->source_text);
  g_clear_pointer (&edit, sonae_manual_edit_free);

  /* Take the new text: the edit of the text goes. */
  g_assert_true (sonae_manual_changes_settle_review (store, sonae_manual_view_lookup (view, "leak-3-press"), FALSE,
                                                     AUTHOR, &error));
  g_assert_no_error (error);
  edit = sonae_manual_edits_get (store, "leak-3-press", &error);
  g_assert_no_error (error);
  g_assert_null (edit);

  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  g_assert_cmpuint (sonae_manual_view_count_needs_review (view), ==, 0);

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/manual-changes/reset-and-undo", test_reset_and_undo);
  g_test_add_func ("/manual-changes/add-move-remove", test_add_move_remove);
  g_test_add_func ("/manual-changes/undo-failure-is-reported", test_undo_failure_is_reported);
  g_test_add_func ("/manual-changes/settle-review", test_settle_review);
  return g_test_run ();
}
