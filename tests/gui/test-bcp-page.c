/* test-bcp-page.c: the BCP section: the worksheet list, the policy and
 * team, the crisis events, the systems and their editor, and Home's BCP
 * reminders, driven through the real widgets with the database checked
 * afterwards. Runs under a headless X server (xvfb-run -a). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-bcp-page.h"
#include "sonae-bcp-system-dialog.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contact-chooser.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-window.h"

/* A clinic's: the MHLW checklist last. */
static const char *const expected_worksheets[] = {
  "policy", "events", "systems", "plans", "drills", "risks", "check", "mhlw",
};

/* --- helpers --------------------------------------------------------------- */

/* On screen: mapped (a stack's hidden pages are not). */
static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The system's editor on screen, or NULL. */
static SonaeBcpSystemDialog *
system_dialog (void)
{
  return SONAE_BCP_SYSTEM_DIALOG (sonae_test_find_dialog_of_type (SONAE_TYPE_BCP_SYSTEM_DIALOG));
}

static void
set_view_text (GtkWidget  *root,
               const char *name,
               const char *text)
{
  GtkWidget *view = sonae_test_named (root, name);

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static GPtrArray *
stored_systems (SonaeTestWindow *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *systems = sonae_bcp_list_systems (f->store, &error);

  g_assert_no_error (error);
  return systems;
}

static gint64
add_system (SonaeTestWindow *f,
            const char      *name,
            const char      *restore_tested_on,
            int              restore_test_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();

  system->name = g_strdup (name);
  system->recovery_order = 1;
  system->rto_hours = 4;
  system->restore_tested_on = g_strdup (restore_tested_on);
  system->restore_test_days = restore_test_days;
  g_assert_true (sonae_bcp_save_system (f->store, system, &error));
  g_assert_no_error (error);
  return system->id;
}

static void
fixture_set_up (SonaeTestWindow *f,
                gconstpointer    data)
{
  sonae_test_window_set_up (f, data);
  sonae_set_author ("テスト 担当");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  sonae_test_window_show (f, sonae_bcp_page_new (f->store));
}

/* --- tests ------------------------------------------------------------------- */

/* The worksheets in IT-BCP order, each with a status; one shown at a time. */
static void
test_worksheets (SonaeTestWindow *f,
                 gconstpointer    data)
{
  GtkWidget *list = sonae_test_named (f->page, "worksheet-list");
  SonaeBcpPage *page = SONAE_BCP_PAGE (f->page);
  GtkWidget *stack;
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *status;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected_worksheets));
      g_assert_cmpstr (gtk_widget_get_name (row), ==, expected_worksheets[n]);
      status = sonae_test_named (row, "worksheet-status");
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), !=, "");
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected_worksheets));

  g_assert_cmpstr (sonae_bcp_page_get_worksheet (page), ==, "policy");
  for (guint i = 0; i < G_N_ELEMENTS (expected_worksheets); i++)
    {
      g_assert_true (sonae_bcp_page_show_worksheet (page, expected_worksheets[i]));
      g_assert_cmpstr (sonae_bcp_page_get_worksheet (page), ==, expected_worksheets[i]);
      stack = GTK_WIDGET (gtk_widget_get_template_child (f->page, SONAE_TYPE_BCP_PAGE, "stack"));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, expected_worksheets[i]);
    }
  g_assert_true (sonae_bcp_page_show_worksheet (page, "systems"));
  g_assert_false (sonae_bcp_page_show_worksheet (page, "nonsense"));
  g_assert_false (sonae_bcp_page_show_worksheet (page, NULL));
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (page), ==, "systems");
  /* The systems worksheet is the one on screen, with its empty state. */
  g_assert_true (shown (sonae_test_named (f->page, "add-first-system-button")));
  g_assert_false (shown (sonae_test_named (f->page, "policy-text")));

  /* Activating a row of the list switches too. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), "events") == 0)
      g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (page), ==, "events");
}

/* The basic policy is saved about a second after typing stops, or at once
 * when flushed. */
static void
test_policy_text (SonaeTestWindow *f,
                  gconstpointer    data)
{
  g_autofree char *stored = NULL;
  g_autofree char *later = NULL;
  g_autofree char *alignment = NULL;

  set_view_text (f->page, "policy-text", "診療はどんなときも続ける。");
  stored = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_POLICY, NULL);
  g_assert_null (stored);
  sonae_test_spin_for (1300);
  later = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_POLICY, NULL);
  g_assert_cmpstr (later, ==, "診療はどんなときも続ける。");

  set_view_text (f->page, "alignment-text", "事業BCPの「停電」の章に従う。");
  sonae_bcp_page_save_now (SONAE_BCP_PAGE (f->page));
  alignment = sonae_bcp_get_text (f->store, SONAE_BCP_TEXT_ALIGNMENT, NULL);
  g_assert_cmpstr (alignment, ==, "事業BCPの「停電」の章に従う。");

  /* The list says the policy is written. */
  {
    GtkWidget *row = sonae_test_named (sonae_test_named (f->page, "worksheet-list"), "policy");

    sonae_test_spin_for (50);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sonae_test_named (row, "worksheet-status"))), ==, "Written");
  }
}

/* Who declares an emergency: a role, saved when chosen, with its holders
 * shown under it. */
static void
test_decider (SonaeTestWindow *f,
              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  AdwComboRow *row = ADW_COMBO_ROW (sonae_test_named (f->page, "declare-decider"));
  guint n_roles = 0;
  const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
  g_autofree char *before = sonae_bcp_get_decider (f->store, SONAE_BCP_DECIDE_DECLARE);
  g_autofree char *after = NULL;
  gint64 lead_id;
  guint lead = G_MAXUINT;

  g_assert_cmpstr (before, ==, SONAE_ROLE_TOP);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, NULL);
  for (guint i = 0; i < n_roles; i++)
    if (g_str_equal (roles[i].key, SONAE_ROLE_LEAD))
      lead = i;
  g_assert_cmpuint (lead, <, n_roles);

  adw_combo_row_set_selected (row, lead);
  after = sonae_bcp_get_decider (f->store, SONAE_BCP_DECIDE_DECLARE);
  g_assert_cmpstr (after, ==, SONAE_ROLE_LEAD);

  /* Its holder's name appears under it when the roster changes. */
  lead_id = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "田中 一郎", "たなか いちろう", "090-0000-0001");
  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_LEAD, lead_id, &error));
  g_assert_no_error (error);
  sonae_test_spin_for (100);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "田中 一郎"));
}

static guint
count_events (SonaeTestWindow *f)
{
  g_autoptr(GPtrArray) events = sonae_bcp_list_events (f->store, NULL);

  return events ? events->len : 0;
}

/* From the empty state, the usual events in one click; then one is edited
 * in place and one deleted. */
static void
test_usual_events (SonaeTestWindow *f,
                   gconstpointer    data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) edited = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row;
  SonaeBcpEvent *first;
  guint n;

  g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (f->page), "events"));
  g_assert_true (shown (sonae_test_named (f->page, "add-usual-events-button")));
  sonae_test_click (f->page, "add-usual-events-button");
  n = count_events (f);
  g_assert_cmpuint (n, >=, 5);
  g_assert_false (shown (sonae_test_named (f->page, "add-usual-events-button")));

  events = sonae_bcp_list_events (f->store, NULL);
  first = g_ptr_array_index (events, 0);
  name = g_strdup_printf ("event-%" G_GINT64_FORMAT, first->id);
  row = sonae_test_named (f->page, name);
  g_assert_true (shown (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, first->title);

  /* Edited in place, saved when flushed. */
  sonae_test_set_text (row, "event-damage", "3日間 紙カルテで診療");
  sonae_bcp_page_save_now (SONAE_BCP_PAGE (f->page));
  edited = sonae_bcp_list_events (f->store, NULL);
  g_assert_cmpstr (((SonaeBcpEvent *) g_ptr_array_index (edited, 0))->damage, ==, "3日間 紙カルテで診療");

  /* Deleted (with an Undo toast). */
  sonae_test_click (row, "delete-event-button");
  g_assert_cmpuint (count_events (f), ==, n - 1);
}

/* The "done when" flow: the reception system with its vendor and its paper
 * fallback, added through the dialog, shows in the list. */
static void
test_add_system (SonaeTestWindow *f,
                 gconstpointer    data)
{
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(SonaeContact) vendor = NULL;
  g_autofree char *row_name = NULL;
  SonaeBcpSystemDialog *dialog;
  GtkWidget *root;
  SonaeBcpSystem *s;
  gint64 vendor_id;

  /* A staff member and the vendor, with its contract number in the roster. */
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "受付 花子", "うけつけ はなこ", "03-0000-0000");
  vendor_id = sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "メディカルシステム株式会社",
                                      "めでぃかるしすてむ", "0120-000-000");
  vendor = sonae_contacts_get (f->store, vendor_id, NULL);
  sonae_contact_set_string (&vendor->contract, "MS-2024-0815");
  g_assert_true (sonae_contacts_save (f->store, vendor, NULL));

  g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (f->page), "systems"));
  sonae_test_click (f->page, "bcp-add-button");
  dialog = system_dialog ();
  g_assert_nonnull (dialog);
  root = GTK_WIDGET (dialog);

  sonae_test_set_text (root, "system-name", "受付・会計システム");
  sonae_test_set_text (root, "system-purpose", "受付、会計、レセプト");
  /* The vendor chooser offers the vendors only. */
  g_assert_cmpuint (g_list_model_get_n_items (sonae_contact_chooser_get_model (
                      SONAE_CONTACT_CHOOSER (sonae_test_named (root, "vendor-chooser")))), ==, 1);
  sonae_contact_chooser_activate (SONAE_CONTACT_CHOOSER (sonae_test_named (root, "vendor-chooser")), 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (root, "system-contract"))), ==,
                   "MS-2024-0815");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sonae_test_named (root, "system-order")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sonae_test_named (root, "system-rto")), 4);
  set_view_text (root, "system-fallback", "紙の受付票と手書きの領収書で受け付ける");
  sonae_test_set_text (root, "forms-location", "受付カウンター下の青い箱");
  sonae_test_click (root, "restore-today");
  {
    g_autofree char *today = sonae_clock_today ();

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (root, "restore-tested-on"))), ==, today);
  }
  sonae_test_click (root, "save-button");
  sonae_test_wait_no_dialog (SONAE_TYPE_BCP_SYSTEM_DIALOG, 2000);

  systems = stored_systems (f);
  g_assert_cmpuint (systems->len, ==, 1);
  s = g_ptr_array_index (systems, 0);
  g_assert_cmpstr (s->name, ==, "受付・会計システム");
  g_assert_cmpstr (s->purpose, ==, "受付、会計、レセプト");
  g_assert_cmpint (s->vendor_id, ==, vendor_id);
  g_assert_cmpstr (s->vendor_name, ==, "メディカルシステム株式会社");
  g_assert_cmpstr (s->contract_no, ==, "MS-2024-0815");
  g_assert_cmpint (s->recovery_order, ==, 2);
  g_assert_cmpint (s->rto_hours, ==, 4);
  /* Left as they were: not set. */
  g_assert_cmpint (s->rpo_hours, ==, -1);
  g_assert_cmpint (s->backup_generations, ==, -1);
  g_assert_cmpstr (s->fallback, ==, "紙の受付票と手書きの領収書で受け付ける");
  g_assert_cmpstr (s->forms_location, ==, "受付カウンター下の青い箱");
  g_assert_nonnull (s->restore_tested_on);

  /* It appears in the list, with its order and target. */
  sonae_test_spin_for (100);
  row_name = g_strdup_printf ("system-%" G_GINT64_FORMAT, s->id);
  {
    GtkWidget *row = sonae_test_named (f->page, row_name);

    g_assert_true (shown (row));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "受付・会計システム");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "メディカルシステム株式会社"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2"));
  }
}

/* A name another system has: the dialog says so, stays open with what was
 * typed, and nothing is saved. */
static void
test_duplicate_name (SonaeTestWindow *f,
                     gconstpointer    data)
{
  g_autoptr(GPtrArray) systems = NULL;
  SonaeBcpSystemDialog *dialog;
  GtkWidget *root;
  GtkWidget *error_label;

  add_system (f, "電子カルテ", NULL, 0);
  sonae_test_spin_for (50);
  g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (f->page), "systems"));
  g_assert_true (gtk_widget_activate_action (f->page, "bcp.add-system", NULL));
  dialog = system_dialog ();
  g_assert_nonnull (dialog);
  root = GTK_WIDGET (dialog);
  error_label = sonae_test_named (root, "error-label");
  g_assert_false (shown (error_label));

  sonae_test_set_text (root, "system-name", " 電子カルテ ");
  set_view_text (root, "system-fallback", "紙カルテ");
  sonae_test_click (root, "save-button");

  g_assert_true (system_dialog () == dialog);
  g_assert_true (shown (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (root, "system-name"))), ==, " 電子カルテ ");
  systems = stored_systems (f);
  g_assert_cmpuint (systems->len, ==, 1);
  g_assert_null (((SonaeBcpSystem *) g_ptr_array_index (systems, 0))->fallback);

  /* A blank name is refused too. */
  sonae_test_set_text (root, "system-name", "");
  g_assert_false (sonae_bcp_system_dialog_save (dialog, TRUE));
  g_assert_true (system_dialog () == dialog);
}

/* show_system opens the editor of that system; delete asks, then deletes. */
static void
test_show_system (SonaeTestWindow *f,
                  gconstpointer    data)
{
  gint64 id = add_system (f, "画像管理システム", NULL, 0);
  g_autoptr(GPtrArray) systems = NULL;
  SonaeBcpSystemDialog *dialog;

  g_assert_false (sonae_bcp_page_show_system (SONAE_BCP_PAGE (f->page), id + 100));
  g_assert_null (system_dialog ());
  g_assert_true (sonae_bcp_page_show_system (SONAE_BCP_PAGE (f->page), id));
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (SONAE_BCP_PAGE (f->page)), ==, "systems");
  dialog = system_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (sonae_bcp_system_dialog_get_system (dialog), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (dialog), "system-name"))), ==,
                   "画像管理システム");
  g_assert_true (shown (sonae_test_named (GTK_WIDGET (dialog), "delete-button")));

  /* An edit saved from the dialog. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sonae_test_named (GTK_WIDGET (dialog), "system-order")), 3);
  g_assert_true (sonae_bcp_system_dialog_save (dialog, FALSE));
  {
    g_autoptr(SonaeBcpSystem) s = sonae_bcp_get_system (f->store, id, NULL);

    g_assert_cmpint (s->recovery_order, ==, 3);
    g_assert_cmpint (s->rto_hours, ==, 4);
  }

  g_assert_true (sonae_bcp_system_dialog_delete (dialog));
  sonae_test_wait_no_dialog (SONAE_TYPE_BCP_SYSTEM_DIALOG, 2000);
  systems = stored_systems (f);
  g_assert_cmpuint (systems->len, ==, 0);
}

/* A restore test older than its plan shows a warning in the list. */
static void
test_restore_overdue (SonaeTestWindow *f,
                      gconstpointer    data)
{
  g_autofree char *today = sonae_clock_today ();
  gint64 old = add_system (f, "電子カルテ", "2020-01-06", 90);
  gint64 fresh = add_system (f, "ネットワーク", today, 90);
  g_autofree char *old_name = g_strdup_printf ("system-%" G_GINT64_FORMAT, old);
  g_autofree char *fresh_name = g_strdup_printf ("system-%" G_GINT64_FORMAT, fresh);

  sonae_test_spin_for (100);
  g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (f->page), "systems"));
  g_assert_true (shown (sonae_test_named (sonae_test_named (f->page, old_name), "restore-overdue")));
  g_assert_null (sonae_test_find_widget (sonae_test_named (f->page, fresh_name), sonae_test_is_named,
                                         "restore-overdue"));
}

/* Home's BCP reminder opens the BCP section at the right worksheet. */
static void
test_home_reminder (SonaeTestWindow *f,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();
  SonaeWindow *window;
  GtkWidget *row;
  GtkWidget *page;
  gint64 deadline;

  system->name = g_strdup ("電子カルテ");
  system->restore_tested_on = g_strdup ("2020-01-06");
  system->restore_test_days = 90;
  g_assert_true (sonae_bcp_save_system (f->store, system, &error));
  g_assert_no_error (error);

  window = sonae_test_window_open_main (f);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "home"));

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((row = sonae_test_find_widget (sonae_window_get_page (window, "home"), sonae_test_is_named,
                                        "restore-test-row")) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  sonae_test_spin_for (50);

  g_assert_cmpstr (sonae_window_get_section (window), ==, "bcp");
  page = sonae_window_get_page (window, "bcp");
  g_assert_true (SONAE_IS_BCP_PAGE (page));
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (SONAE_BCP_PAGE (page)), ==, "systems");
  g_assert_nonnull (system_dialog ());
  g_assert_cmpint (sonae_bcp_system_dialog_get_system (system_dialog ()), ==, system->id);
  gtk_window_destroy (GTK_WINDOW (system_dialog ()));

  /* The drill reminder goes to the drills. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bcp", "s", "drills"));
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (SONAE_BCP_PAGE (page)), ==, "drills");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/bcp-page/" path, SonaeTestWindow, NULL, fixture_set_up, func, sonae_test_window_tear_down)
  ADD ("worksheets", test_worksheets);
  ADD ("policy-text", test_policy_text);
  ADD ("decider", test_decider);
  ADD ("usual-events", test_usual_events);
  ADD ("add-system", test_add_system);
  ADD ("duplicate-name", test_duplicate_name);
  ADD ("show-system", test_show_system);
  ADD ("restore-overdue", test_restore_overdue);
#undef ADD
  g_test_add ("/bcp-page/home-reminder", SonaeTestWindow, NULL, sonae_test_window_set_up, test_home_reminder,
              sonae_test_window_tear_down);

  return g_test_run ();
}
