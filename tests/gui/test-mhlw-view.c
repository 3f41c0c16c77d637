/* test-mhlw-view.c: the MHLW checklist worksheet beside the plan's
 * measures, driven through its widgets with the database checked
 * afterwards: an answer and its measure, dates and notes stored a moment
 * after typing, Sonae's own answers overruled and taken back, the vendors'
 * rows, the roles dialog; and where it shows in the BCP section for a
 * clinic, a pharmacy and a business, and Home's yearly reminder. Runs
 * under a headless X server. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-bcp-page.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-mhlw-view.h"
#include "sonae-mhlw.h"
#include "sonae-roles-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-window.h"

typedef struct {
  SonaeTestWindow w;
  GtkWidget *view;
  GtkWidget *plans;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  g_setenv ("SONAE_NOW", "2026-06-15T09:00:00", TRUE);
  sonae_test_window_set_up (&f->w, data);
  sonae_set_author ("テスト 担当");
  gtk_window_set_default_size (GTK_WINDOW (f->w.window), 1200, 800);
  f->view = sonae_mhlw_view_new (f->w.store);
  f->plans = sonae_bcp_plans_view_new (f->w.store);
  gtk_widget_set_hexpand (f->view, TRUE);
  gtk_box_append (GTK_BOX (box), f->view);
  gtk_box_append (GTK_BOX (box), f->plans);
  sonae_test_window_show (&f->w, box);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sonae_test_window_tear_down (&f->w, data);
  g_unsetenv ("SONAE_NOW");
}

static SonaeMhlwAnswer *
stored (Fixture    *f,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  SonaeMhlwAnswer *a = sonae_mhlw_get_answer (f->w.store, key, &error);

  g_assert_no_error (error);
  return a;
}

static GtkToggleButton *
toggle (Fixture    *f,
        const char *which,
        const char *key)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", which, key);

  return GTK_TOGGLE_BUTTON (sonae_test_named (f->view, name));
}

static const char *
subtitle (Fixture    *f,
          const char *key)
{
  g_autofree char *name = g_strdup_printf ("item-%s", key);

  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (sonae_test_named (f->view, name)));
}

/* Every item of the form is a row, in its order, under its part. */
static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  guint n;
  const SonaeMhlwItemInfo *items = sonae_mhlw_items_get (&n);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *texts = NULL;

  sonae_test_collect_widgets (f->view, sonae_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW), rows);
  /* The items, then no vendor yet (an empty row, not an expander). */
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("item-%s", items[i].key);

      g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (rows, i)), ==, name);
      g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==,
                       sonae_mhlw_item_get_text (items[i].key));
    }
  texts = sonae_test_label_texts (f->view);
  g_assert_nonnull (strstr (texts, "|2(4)\u2461|"));
  g_assert_nonnull (strstr (texts, "|R7-3|"));
  g_assert_nonnull (strstr (texts, "FY2026 (Reiwa 8)"));
  g_assert_nonnull (sonae_test_named (f->view, "no-vendors"));
  /* The 令和7年度版's part says its text is to be checked. */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                      sonae_test_named (f->view, "part-6"))), "Check before relying on these"));
}

/* いいえ: stored at once with today's date, a measure of the plan with its
 * target and note typed after; はい: the measure goes. */
static void
test_answer_and_measure (Fixture       *f,
                         gconstpointer  data)
{
  gtk_toggle_button_set_active (toggle (f, "no", "2-2-3"), TRUE);
  sonae_test_spin_for (50);
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-2-3");

    g_assert_cmpint (a->stored, ==, SONAE_BCP_NO);
    g_assert_cmpstr (a->checked_on, ==, "2026-06-15");
  }
  g_assert_nonnull (sonae_test_find_widget (f->plans, sonae_test_is_named, "measure-mhlw-2-2-3"));
  g_assert_true (gtk_widget_get_visible (sonae_test_named (f->view, "target-2-2-3")));

  sonae_test_set_text (f->view, "target-2-2-3", "2026-10-31");
  sonae_test_set_text (f->view, "note-2-2-3", "保守点検で設定する");
  sonae_test_spin_for (1300);
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-2-3");

    g_assert_cmpint (a->stored, ==, SONAE_BCP_NO);
    g_assert_cmpstr (a->target_on, ==, "2026-10-31");
    g_assert_cmpstr (a->note, ==, "保守点検で設定する");
  }
  g_assert_nonnull (strstr (subtitle (f, "2-2-3"), "2026-10-31"));
  {
    GtkWidget *row = sonae_test_named (f->plans, "measure-mhlw-2-2-3");

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     sonae_mhlw_item_get_measure ("2-2-3"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "From the MHLW checklist"));
  }

  /* A bad date is marked and kept to be corrected, not stored. */
  sonae_test_set_text (f->view, "checked-2-2-3", "2026-02-30");
  sonae_test_spin_for (1300);
  g_assert_true (gtk_widget_has_css_class (sonae_test_named (f->view, "checked-2-2-3"), "error"));
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-2-3");

    g_assert_cmpstr (a->checked_on, ==, "2026-06-15");
  }
  sonae_test_set_text (f->view, "checked-2-2-3", "2026-06-14");
  sonae_test_spin_for (1300);
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-2-3");

    g_assert_cmpstr (a->checked_on, ==, "2026-06-14");
  }

  gtk_toggle_button_set_active (toggle (f, "yes", "2-2-3"), TRUE);
  sonae_test_spin_for (50);
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-2-3");

    g_assert_cmpint (a->stored, ==, SONAE_BCP_YES);
    g_assert_cmpstr (a->note, ==, "保守点検で設定する");
  }
  g_assert_null (sonae_test_find_widget (f->plans, sonae_test_is_named, "measure-mhlw-2-2-3"));
  g_assert_false (gtk_widget_get_visible (sonae_test_named (f->view, "target-2-2-3")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (sonae_test_named (f->view, "progress-label"))),
                            "1 of 22"));

  /* Taken back: not answered, the note kept. */
  sonae_test_click (f->view, "take-back-2-2-3");
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-2-3");

    g_assert_cmpint (a->stored, ==, SONAE_BCP_UNKNOWN);
    g_assert_cmpstr (a->note, ==, "保守点検で設定する");
  }
  g_assert_false (gtk_toggle_button_get_active (toggle (f, "yes", "2-2-3")));
  g_assert_false (gtk_toggle_button_get_active (toggle (f, "no", "2-2-3")));
}

/* What Sonae knows answers an item, said as such; a person overrules it
 * and gives it back. */
static void
test_from_data (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = sonae_bcp_system_new ();

  g_assert_false (gtk_toggle_button_get_active (toggle (f, "yes", "2-1-1")));
  g_assert_cmpstr (subtitle (f, "2-1-1"), ==, "The BCP's list of systems is empty.");

  system->name = g_strdup ("電子カルテ");
  g_assert_true (sonae_bcp_save_system (f->w.store, system, &error));
  g_assert_no_error (error);
  sonae_test_spin_for (100);
  g_assert_true (gtk_toggle_button_get_active (toggle (f, "yes", "2-1-1")));
  g_assert_cmpstr (subtitle (f, "2-1-1"), ==, "Answered by Sonae. From the systems list: 1 system");
  /* Nothing of a person's to take back. */
  g_assert_false (gtk_widget_get_mapped (sonae_test_named (f->view, "take-back-2-1-1")));

  gtk_toggle_button_set_active (toggle (f, "no", "2-1-1"), TRUE);
  sonae_test_spin_for (50);
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-1-1");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_NO);
    g_assert_false (a->from_data);
  }
  g_assert_nonnull (sonae_test_find_widget (f->plans, sonae_test_is_named, "measure-mhlw-2-1-1"));
  {
    GtkWidget *button = sonae_test_named (f->view, "take-back-2-1-1");

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Use Sonae's Answer");
  }
  sonae_test_click (f->view, "take-back-2-1-1");
  sonae_test_spin_for (100);
  {
    g_autoptr(SonaeMhlwAnswer) a = stored (f, "2-1-1");

    g_assert_cmpint (a->answer, ==, SONAE_BCP_YES);
    g_assert_true (a->from_data);
  }
  g_assert_true (gtk_toggle_button_get_active (toggle (f, "yes", "2-1-1")));
  g_assert_null (sonae_test_find_widget (f->plans, sonae_test_is_named, "measure-mhlw-2-1-1"));
}

/* The roster's vendors are rows; what is typed is stored, dates in the
 * wrong order are marked and not. */
static void
test_vendors (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = sonae_test_add_contact (f->w.store, SONAE_GROUP_VENDOR, "みどりメディカル", "みどり", "0120-000-201");
  g_autofree char *name = g_strdup_printf ("vendor-%" G_GINT64_FORMAT, id);
  GtkWidget *row;

  sonae_test_spin_for (100);
  row = sonae_test_named (f->view, name);
  g_assert_null (sonae_test_find_widget (f->view, sonae_test_is_named, "no-vendors"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "List not sent yet · No MDS/SDS yet");

  sonae_test_set_text (row, "sent-row", "2026-05-10");
  sonae_test_set_text (row, "mds-row", "2026-05-30");
  sonae_test_spin_for (1300);
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->w.store, id, NULL);

    g_assert_cmpstr (v->list_sent_on, ==, "2026-05-10");
    g_assert_cmpstr (v->mds_received_on, ==, "2026-05-30");
  }
  /* The only vendor sent its MDS/SDS: item 2(1)③ is answered. */
  g_assert_true (gtk_toggle_button_get_active (toggle (f, "yes", "2-1-3")));

  sonae_test_set_text (row, "returned-row", "2026-05-01");
  sonae_test_spin_for (1300);
  g_assert_true (gtk_widget_has_css_class (sonae_test_named (row, "returned-row"), "error"));
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->w.store, id, NULL);

    g_assert_null (v->list_returned_on);
  }
  sonae_test_set_text (row, "returned-row", "2026-05-31");
  sonae_test_spin_for (1300);
  g_assert_false (gtk_widget_has_css_class (sonae_test_named (row, "returned-row"), "error"));
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->w.store, id, NULL);

    g_assert_cmpstr (v->list_returned_on, ==, "2026-05-31");
  }
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "List back on 2026-05-31 · MDS/SDS received");

  gtk_switch_set_active (GTK_SWITCH (sonae_test_named (row, "concerned-switch")), FALSE);
  sonae_test_spin_for (100);
  {
    g_autoptr(SonaeMhlwVendor) v = sonae_mhlw_get_vendor (f->w.store, id, NULL);

    g_assert_false (v->concerned);
  }
}

/* Item 1(1) opens the roles dialog at the security manager's role. */
static void
test_edit_roles (Fixture       *f,
                 gconstpointer  data)
{
  sonae_test_click (f->view, "edit-roles-button");
  sonae_test_spin_for (100);
  g_assert_nonnull (sonae_test_find_dialog_of_type (SONAE_TYPE_ROLES_DIALOG));
}

/* --- in the BCP section ------------------------------------------------------- */

static void
set_kind (SonaeStore   *store,
          SonaeOrgKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);

  profile->kind = kind;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
}

static GtkWidget *
worksheet_row (GtkWidget  *page,
               const char *name)
{
  return sonae_test_named (sonae_test_named (page, "worksheet-list"), name);
}

/* A clinic has it; a business does not; a pharmacy is told its own list
 * is not in Sonae yet. */
static void
test_page_kinds (SonaeTestWindow *f,
                 gconstpointer    data)
{
  SonaeBcpPage *page;
  GtkWidget *row;

  g_setenv ("SONAE_NOW", "2026-06-15T09:00:00", TRUE);
  sonae_test_window_show (f, sonae_bcp_page_new (f->store));
  page = SONAE_BCP_PAGE (f->page);
  row = worksheet_row (f->page, "mhlw");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sonae_test_named (row, "worksheet-status"))), ==,
                   "Not answered yet");
  g_assert_true (sonae_bcp_page_show_worksheet (page, "mhlw"));
  g_assert_true (gtk_widget_get_mapped (sonae_test_named (f->page, "item-1-1")));

  /* A business: gone from the list, the first worksheet shown instead. */
  set_kind (f->store, SONAE_ORG_BUSINESS);
  sonae_test_spin_for (100);
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (page), ==, "policy");
  g_assert_false (sonae_bcp_page_show_worksheet (page, "mhlw"));

  /* A pharmacy: there, saying so. */
  set_kind (f->store, SONAE_ORG_PHARMACY);
  sonae_test_spin_for (100);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sonae_test_named (row, "worksheet-status"))), ==,
                   "Not in Sonae for pharmacies yet");
  g_assert_true (sonae_bcp_page_show_worksheet (page, "mhlw"));
  sonae_test_spin_for (100);
  {
    GtkWidget *status = sonae_test_named (f->page, "mhlw-unavailable");

    g_assert_true (gtk_widget_get_mapped (status));
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "薬局確認用"));
    g_assert_false (gtk_widget_get_mapped (sonae_test_named (f->page, "item-1-1")));
  }
  g_unsetenv ("SONAE_NOW");
}

/* From May 1, Home reminds a clinic of the year's checklist, and the
 * reminder opens it. */
static void
test_home_reminder (SonaeTestWindow *f,
                    gconstpointer    data)
{
  SonaeWindow *window;
  GtkWidget *row = NULL;
  gint64 deadline;

  g_setenv ("SONAE_NOW", "2026-05-07T09:00:00", TRUE);
  window = sonae_test_window_open_main (f);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "home"));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((row = sonae_test_find_widget (sonae_window_get_page (window, "home"), sonae_test_is_named,
                                        "mhlw-checklist-row")) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "FY2026 (Reiwa 8)"));
  g_signal_emit_by_name (row, "activate");
  sonae_test_spin_for (50);
  g_assert_cmpstr (sonae_window_get_section (window), ==, "bcp");
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (SONAE_BCP_PAGE (sonae_window_get_page (window, "bcp"))), ==, "mhlw");
  g_unsetenv ("SONAE_NOW");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/mhlw-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("items", test_items);
  ADD ("answer-and-measure", test_answer_and_measure);
  ADD ("from-data", test_from_data);
  ADD ("vendors", test_vendors);
  ADD ("edit-roles", test_edit_roles);
#undef ADD
  g_test_add ("/mhlw-view/page-kinds", SonaeTestWindow, NULL, sonae_test_window_set_up, test_page_kinds,
              sonae_test_window_tear_down);
  g_test_add ("/mhlw-view/home-reminder", SonaeTestWindow, NULL, sonae_test_window_set_up, test_home_reminder,
              sonae_test_window_tear_down);

  return g_test_run ();
}
