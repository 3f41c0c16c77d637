/* test-bcp-worksheet.c: the base of the BCP worksheets (SonaeBcpWorksheet):
 * what it builds and loads when made, the store's change notices it turns
 * into one reload, saving when it is left, and its content and empty page.
 * A small worksheet of the test's own counts what the base asks of it; the
 * real worksheets are driven the same way. A real store, a real window
 * under a headless X server (xvfb-run -a). */
#include "config.h"

#include <adwaita.h>

#include "sonae-bcp-page.h"
#include "sonae-bcp-system-dialog.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp-worksheet.h"
#include "sonae-bcp.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-roles-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"

/* --- a worksheet that counts ------------------------------------------------- */

/* What the base asked of the worksheet, in order: "b" build, "r" reload,
 * "s" save_now, "a" add. Outlives the worksheet. */
typedef struct {
  GString *log;
} Calls;

/* The calls of the next TestSheet made: there from the first one, made
 * while it is constructed. */
static Calls *next_calls;

#define TEST_TYPE_SHEET (test_sheet_get_type ())
G_DECLARE_FINAL_TYPE (TestSheet, test_sheet, TEST, SHEET, SonaeBcpWorksheet)

struct _TestSheet
{
  SonaeBcpWorksheet parent_instance;

  Calls *calls;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (TestSheet, test_sheet, SONAE_TYPE_BCP_WORKSHEET)

static void
test_sheet_build (SonaeBcpWorksheet *worksheet)
{
  g_string_append_c (TEST_SHEET (worksheet)->calls->log, 'b');
}

static void
test_sheet_reload (SonaeBcpWorksheet *worksheet)
{
  TestSheet *self = TEST_SHEET (worksheet);
  g_autofree char *policy = sonae_bcp_get_text (sonae_bcp_worksheet_get_store (worksheet),
                                                SONAE_BCP_TEXT_POLICY, NULL);

  g_string_append_c (self->calls->log, 'r');
  gtk_label_set_text (GTK_LABEL (self->label), policy != NULL ? policy : "");
}

static void
test_sheet_save_now (SonaeBcpWorksheet *worksheet)
{
  g_string_append_c (TEST_SHEET (worksheet)->calls->log, 's');
}

static void
test_sheet_add (SonaeBcpWorksheet *worksheet)
{
  g_string_append_c (TEST_SHEET (worksheet)->calls->log, 'a');
}

static void
test_sheet_class_init (TestSheetClass *klass)
{
  static const char *const follows[] = { SONAE_CHANGED_CONTACTS, NULL };
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  worksheet_class->follows = follows;
  worksheet_class->build = test_sheet_build;
  worksheet_class->reload = test_sheet_reload;
  worksheet_class->save_now = test_sheet_save_now;
  worksheet_class->add = test_sheet_add;
}

static void
test_sheet_init (TestSheet *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->calls = next_calls;
  self->label = gtk_label_new (NULL);
  gtk_widget_set_name (self->label, "policy-label");
  gtk_box_append (GTK_BOX (box), self->label);
  sonae_bcp_worksheet_set_content (SONAE_BCP_WORKSHEET (self), box);
}

static GtkWidget *
test_sheet_new (SonaeStore *store,
                Calls      *calls)
{
  GtkWidget *sheet;

  next_calls = calls;
  sheet = g_object_new (TEST_TYPE_SHEET, "store", store, NULL);
  next_calls = NULL;
  return sheet;
}

/* --- the fixture: the worksheet in a stack, in a window ------------------------ */

typedef struct {
  char *dir;
  SonaeStore *store;
  GtkWindow *window;
  GtkStack *stack;         /* "sheet", and "other" to leave it for */
  GtkWidget *sheet;        /* a TestSheet, referenced */
  Calls calls;
  GPtrArray *details;      /* of char *: the store's notices, as emitted */
} Fixture;

static void
store_changed_cb (SonaeStore *store,
                  const char *detail,
                  Fixture    *f)
{
  g_ptr_array_add (f->details, g_strdup (detail));
}

/* The log since the last call, and the store's notices emptied. */
static char *
take_log (Fixture *f)
{
  char *log = g_strdup (f->calls.log->str);

  g_string_truncate (f->calls.log, 0);
  g_ptr_array_set_size (f->details, 0);
  return log;
}

static gboolean
detail_seen (Fixture    *f,
             const char *detail)
{
  for (guint i = 0; i < f->details->len; i++)
    if (g_str_equal (g_ptr_array_index (f->details, i), detail))
      return TRUE;
  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *other = gtk_label_new ("other");

  f->store = sonae_test_open_store (&f->dir);
  sonae_set_author ("テスト 担当");
  f->details = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (store_changed_cb), f);
  f->calls.log = g_string_new (NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_default_size (f->window, 800, 600);
  f->stack = GTK_STACK (gtk_stack_new ());
  f->sheet = g_object_ref (test_sheet_new (f->store, &f->calls));
  gtk_stack_add_named (f->stack, f->sheet, "sheet");
  gtk_stack_add_named (f->stack, other, "other");
  gtk_stack_set_visible_child_name (f->stack, "sheet");
  gtk_window_set_child (f->window, GTK_WIDGET (f->stack));
  gtk_window_present (f->window);
  sonae_test_spin_for (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (f->window);
  sonae_test_spin_for (20);
  g_assert_finalize_object (f->window);
  if (f->sheet != NULL)
    g_assert_finalize_object (f->sheet);
  g_signal_handlers_disconnect_by_data (f->store, f);
  g_clear_object (&f->store);
  g_ptr_array_unref (f->details);
  g_string_free (f->calls.log, TRUE);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
set_policy (Fixture    *f,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_bcp_set_text (f->store, SONAE_BCP_TEXT_POLICY, text, &error));
  g_assert_no_error (error);
}

/* --- tests ------------------------------------------------------------------- */

/* Made with the store: built once, then loaded, before anyone asks; what it
 * shows is the scrolled content. */
static void
test_construct (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *log = take_log (f);
  g_autoptr(SonaeStore) store = NULL;

  /* Build, then the first reload; nothing else while it was shown. */
  g_assert_cmpstr (log, ==, "br");
  g_assert_true (sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (f->sheet)) == f->store);
  g_object_get (f->sheet, "store", &store, NULL);
  g_assert_true (store == f->store);
  g_assert_true (shown (sonae_test_named (f->sheet, "policy-label")));
  g_assert_true (gtk_widget_is_ancestor (sonae_test_named (f->sheet, "policy-label"),
                                         sonae_test_of_type (f->sheet, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (sonae_bcp_worksheet_get_window (SONAE_BCP_WORKSHEET (f->sheet)) == f->window);
}

/* Changes of the plan that come together reload the worksheet once, from
 * an idle; the next change reloads it again. */
static void
test_reload_once (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = take_log (f);
  g_autofree char *pending = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  GtkLabel *label = GTK_LABEL (sonae_test_named (f->sheet, "policy-label"));

  set_policy (f, "一");
  set_policy (f, "二");
  set_policy (f, "三");
  g_assert_cmpuint (f->details->len, ==, 3);
  /* Not at once: the notices are still coming. */
  pending = g_strdup (f->calls.log->str);
  g_assert_cmpstr (pending, ==, "");
  sonae_test_spin_for (100);
  after = take_log (f);
  g_assert_cmpstr (after, ==, "r");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "三");

  set_policy (f, "四");
  sonae_test_spin_for (100);
  again = take_log (f);
  g_assert_cmpstr (again, ==, "r");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "四");
}

/* A detail the class follows besides "bcp" reloads it; others do not. */
static void
test_followed_details (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = take_log (f);
  g_autofree char *contacts = NULL;
  g_autofree char *others = NULL;
  g_autofree char *profile = NULL;
  g_autoptr(GError) error = NULL;

  /* The roster: followed. */
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 一郎", "たなか いちろう", "090-0000-0001");
  g_assert_true (detail_seen (f, SONAE_CHANGED_CONTACTS));
  sonae_test_spin_for (100);
  contacts = take_log (f);
  g_assert_cmpstr (contacts, ==, "r");

  /* An incident: not followed, though the store said so. */
  sonae_test_add_incident (f->store, "ランサムウェア", NULL, 2, FALSE, "テスト 担当");
  g_assert_true (detail_seen (f, SONAE_CHANGED_INCIDENTS));
  sonae_test_spin_for (100);
  others = take_log (f);
  g_assert_cmpstr (others, ==, "");

  /* The profile: followed by every worksheet, whose words follow the
   * organisation's kind. */
  g_assert_true (sonae_store_set_setup_done (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (detail_seen (f, SONAE_CHANGED_PROFILE));
  sonae_test_spin_for (100);
  profile = take_log (f);
  g_assert_cmpstr (profile, ==, "r");
}

/* sonae_bcp_worksheet_reload reloads now and drops the one waiting. */
static void
test_reload_now (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *before = take_log (f);
  g_autofree char *now = NULL;
  g_autofree char *later = NULL;

  set_policy (f, "今すぐ");
  sonae_bcp_worksheet_reload (SONAE_BCP_WORKSHEET (f->sheet));
  now = g_strdup (f->calls.log->str);
  g_assert_cmpstr (now, ==, "r");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sonae_test_named (f->sheet, "policy-label"))), ==, "今すぐ");
  sonae_test_spin_for (100);
  later = take_log (f);
  g_assert_cmpstr (later, ==, "r");
}

/* Leaving the worksheet (another page of the stack, the window closed)
 * saves what was typed; so does asking. */
static void
test_save_on_unmap (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = take_log (f);
  g_autofree char *asked = NULL;
  g_autofree char *left = NULL;
  g_autofree char *back = NULL;
  g_autofree char *closed = NULL;

  sonae_bcp_worksheet_save_now (SONAE_BCP_WORKSHEET (f->sheet));
  asked = take_log (f);
  g_assert_cmpstr (asked, ==, "s");

  gtk_stack_set_visible_child_name (f->stack, "other");
  sonae_test_spin_for (50);
  g_assert_false (shown (f->sheet));
  left = take_log (f);
  g_assert_cmpstr (left, ==, "s");

  /* Coming back saves nothing. */
  gtk_stack_set_visible_child_name (f->stack, "sheet");
  sonae_test_spin_for (50);
  g_assert_true (shown (f->sheet));
  back = take_log (f);
  g_assert_cmpstr (back, ==, "");

  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  closed = take_log (f);
  g_assert_cmpstr (closed, ==, "s");
}

/* Gone before the idle: the reload waiting for it does not come, and the
 * store's later notices reach nobody. */
static gboolean
only_ours (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

static void
test_dispose (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = take_log (f);
  g_autofree char *left = NULL;
  g_autofree char *after = NULL;

  /* Saved when it left the window. */
  gtk_stack_remove (f->stack, f->sheet);
  sonae_test_spin_until (only_ours, f->sheet, 2000, "the window to let the worksheet go");
  left = take_log (f);
  g_assert_cmpstr (left, ==, "s");

  set_policy (f, "消える前");
  g_assert_finalize_object (g_steal_pointer (&f->sheet));
  set_policy (f, "消えた後");
  sonae_test_spin_for (100);
  after = take_log (f);
  g_assert_cmpstr (after, ==, "");
}

/* The empty page stands in for the content while there is nothing to list;
 * adding is the class's. */
static void
test_empty_and_add (Fixture       *f,
                    gconstpointer  data)
{
  SonaeBcpWorksheet *sheet = SONAE_BCP_WORKSHEET (f->sheet);
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *label = sonae_test_named (f->sheet, "policy-label");
  g_autofree char *before = take_log (f);
  g_autofree char *added = NULL;
  g_autoptr(GtkWidget) risks = NULL;
  g_autoptr(GtkWidget) drills = NULL;
  GtkWidget *got = NULL;

  gtk_widget_set_name (empty, "empty-page");
  g_object_set (sheet, "empty-page", empty, NULL);
  g_object_get (sheet, "empty-page", &got, NULL);
  g_assert_true (got == empty);
  g_object_unref (got);
  /* Set, but not shown until asked. */
  g_assert_false (shown (empty));
  sonae_bcp_worksheet_show_empty (sheet, TRUE);
  g_assert_true (shown (empty));
  g_assert_false (shown (label));
  sonae_bcp_worksheet_show_empty (sheet, FALSE);
  g_assert_false (shown (empty));
  g_assert_true (shown (label));

  g_assert_true (sonae_bcp_worksheet_can_add (sheet));
  sonae_bcp_worksheet_add (sheet);
  added = take_log (f);
  g_assert_cmpstr (added, ==, "a");

  /* The real ones: drills are added from the page, risks from their group. */
  drills = g_object_ref_sink (sonae_bcp_drills_view_new (f->store));
  risks = g_object_ref_sink (sonae_bcp_risks_view_new (f->store));
  g_assert_true (sonae_bcp_worksheet_can_add (SONAE_BCP_WORKSHEET (drills)));
  g_assert_false (sonae_bcp_worksheet_can_add (SONAE_BCP_WORKSHEET (risks)));
}

/* A real worksheet: the training text of the plans is written when the
 * worksheet is left, not a moment later. */
static void
test_plans_save_on_unmap (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *plans = sonae_bcp_plans_view_new (f->store);
  GtkTextView *view;
  g_autofree char *typing = NULL;
  g_autofree char *left = NULL;

  gtk_stack_add_named (f->stack, plans, "plans");
  gtk_stack_set_visible_child_name (f->stack, "plans");
  sonae_test_spin_for (50);
  view = GTK_TEXT_VIEW (sonae_test_named (plans, "training-text"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "年1回、紙カルテで練習する", -1);
  typing = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_TRAINING, NULL);
  g_assert_null (typing);

  gtk_stack_set_visible_child_name (f->stack, "other");
  left = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_TRAINING, NULL);
  g_assert_cmpstr (left, ==, "年1回、紙カルテで練習する");
}

/* Another real one: a crisis event typed in place is written when the
 * events worksheet is left. */
static void
test_events_save_on_unmap (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *events = sonae_bcp_events_view_new (f->store);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *name = NULL;
  SonaeBcpEvent *first;

  gtk_stack_add_named (f->stack, events, "events");
  gtk_stack_set_visible_child_name (f->stack, "events");
  sonae_test_spin_for (50);
  /* Nothing yet: the empty page offers the usual events. */
  g_assert_true (shown (sonae_test_named (events, "add-usual-events-button")));
  g_assert_true (gtk_widget_activate_action (events, "bcp.add-usual-events", NULL));
  g_assert_false (shown (sonae_test_named (events, "add-usual-events-button")));
  g_assert_true (shown (sonae_test_named (events, "events-group")));

  stored = sonae_bcp_list_events (f->store, NULL);
  g_assert_cmpuint (stored->len, >, 0);
  first = g_ptr_array_index (stored, 0);
  name = g_strdup_printf ("event-%" G_GINT64_FORMAT, first->id);
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (sonae_test_named (events, name), "event-damage")),
                         "半日 受付停止");
  gtk_stack_set_visible_child_name (f->stack, "other");
  left = sonae_bcp_list_events (f->store, NULL);
  g_assert_cmpstr (((SonaeBcpEvent *) g_ptr_array_index (left, 0))->damage, ==, "半日 受付停止");
}

/* --- the page's worksheets ----------------------------------------------------- */

static const char *const page_worksheets[] = {
  "policy", "events", "systems", "plans", "drills", "risks", "check",
};

/* The visible window of @type, or NULL. */
static GtkWindow *
find_window (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* All seven are worksheets of the page's store, in its stack in IT-BCP
 * order; the worksheets' actions are reachable from the page too. */
static void
test_page (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GPtrArray) events = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = sonae_bcp_page_new (store);
  GtkStack *stack;
  GtkWidget *child;
  guint n = 0;

  g_object_ref (window);
  g_object_ref (page);
  gtk_window_set_default_size (window, 1000, 760);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (window, overlay);
  sonae_window_set_toast_overlay (window, ADW_TOAST_OVERLAY (overlay));
  gtk_window_present (window);
  sonae_test_spin_for (50);

  /* A first visit makes only the worksheet it shows; the others are made
   * when chosen, each once. */
  stack = GTK_STACK (gtk_widget_get_template_child (page, SONAE_TYPE_BCP_PAGE, "stack"));
  child = gtk_widget_get_first_child (GTK_WIDGET (stack));
  g_assert_nonnull (child);
  g_assert_null (gtk_widget_get_next_sibling (child));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, page_worksheets[0]);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (page_worksheets); i++)
      {
        g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (page), page_worksheets[i]));
        sonae_test_spin_for (10);
        g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, page_worksheets[i]);
      }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (page_worksheets));
      g_assert_true (SONAE_IS_BCP_WORKSHEET (child));
      g_assert_cmpstr (gtk_stack_page_get_name (gtk_stack_get_page (stack, child)), ==, page_worksheets[n]);
      g_assert_true (sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (child)) == store);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (page_worksheets));

  /* The worksheets' actions, from the page. */
  g_assert_true (gtk_widget_activate_action (page, "bcp.add-event", NULL));
  events = sonae_bcp_list_events (store, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (page, "bcp.add-system", NULL));
  g_assert_nonnull (find_window (SONAE_TYPE_BCP_SYSTEM_DIALOG));
  gtk_window_destroy (find_window (SONAE_TYPE_BCP_SYSTEM_DIALOG));
  g_assert_true (gtk_widget_activate_action (page, "bcp.edit-roles", NULL));
  g_assert_nonnull (find_window (SONAE_TYPE_ROLES_DIALOG));
  gtk_window_destroy (find_window (SONAE_TYPE_ROLES_DIALOG));

  gtk_window_destroy (window);
  sonae_test_spin_for (20);
  g_assert_finalize_object (window);
  g_assert_finalize_object (page);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  sonae_test_gui_prepare ();

#define ADD(path, func) \
  g_test_add ("/bcp-worksheet/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("construct", test_construct);
  ADD ("reload-once", test_reload_once);
  ADD ("followed-details", test_followed_details);
  ADD ("reload-now", test_reload_now);
  ADD ("save-on-unmap", test_save_on_unmap);
  ADD ("dispose", test_dispose);
  ADD ("empty-and-add", test_empty_and_add);
  ADD ("plans-save-on-unmap", test_plans_save_on_unmap);
  ADD ("events-save-on-unmap", test_events_save_on_unmap);
#undef ADD
  g_test_add_func ("/bcp-worksheet/page", test_page);

  return g_test_run ();
}
