/* test-window.c: the main window, Home, setup, preferences, backup, printing
 * and the damaged-database screen, driven as a person would drive them.
 * Runs under a headless X server (xvfb-run -a). */
#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <glib/gstdio.h>
#include <string.h>

#include "sonae-about.h"
#include "sonae-application.h"
#include "sonae-backup.h"
#include "sonae-bcp-page.h"
#include "sonae-contacts-page.h"
#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-documents.h"
#include "sonae-role.h"
#include "sonae-reminders.h"
#include "sonae-error.h"
#include "sonae-home-page.h"
#include "sonae-incident-view.h"
#include "sonae-incidents-page.h"
#include "sonae-incidents.h"
#include "sonae-manual-page.h"
#include "sonae-autostart.h"
#include "sonae-preferences-window.h"
#include "sonae-print-operation.h"
#include "sonae-problem-window.h"
#include "sonae-section.h"
#include "sonae-timeline.h"
#include "sonae-triage-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-window.h"

/* --- helpers ------------------------------------------------------------- */

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  return sonae_test_find_widget (root, sonae_test_is_row_titled, title);
}

/* Home refreshes when idle; give it up to five seconds. */
static gboolean
wait_for_row (GtkWidget  *root,
              const char *title,
              gboolean    present)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if ((find_row_titled (root, title) != NULL) == present)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
    }
  return FALSE;
}

static void
destroy_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The real window on the fixture's store, presented. */
static SonaeWindow *
new_window (SonaeTestWindow *f)
{
  SonaeWindow *window = sonae_test_window_open_main (f);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* --- tests --------------------------------------------------------------- */

static void
test_sections (SonaeTestWindow *f,
               gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SonaeWindow *window;
  GtkWidget *sidebar;
  GtkWidget *stack;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  window = new_window (f);

  /* The sidebar lists Home, Incidents, the Manual, Contacts and
   * Continuity (BCP), and nothing that does not work. */
  sidebar = sonae_test_named (GTK_WIDGET (window), "sidebar");
  g_assert_true (GTK_IS_LIST_BOX (sidebar));
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      g_ptr_array_add (names, (gpointer) gtk_widget_get_name (row));
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "home");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "incidents");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "manual");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "contacts");
  g_assert_cmpstr (g_ptr_array_index (names, 4), ==, "bcp");
  g_assert_cmpstrv (sonae_window_get_sections (window), ((const char *[]) { "home", "incidents", "manual", "contacts", "bcp", NULL }));
  g_assert_cmpstr (sonae_window_get_section (window), ==, "home");
  g_assert_true (SONAE_IS_HOME_PAGE (sonae_window_get_page (window, "home")));
  g_assert_true (SONAE_IS_MANUAL_PAGE (sonae_window_get_page (window, "manual")));
  g_assert_true (SONAE_IS_CONTACTS_PAGE (sonae_window_get_page (window, "contacts")));

  /* The Manual brings its own header bars, as Contacts does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "manual"));
  g_assert_cmpstr (sonae_window_get_section (window), ==, "manual");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SONAE_TYPE_WINDOW,
                                                                         "content_header"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "home"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SONAE_TYPE_WINDOW,
                                                                        "content_header"))));

  /* Switching through the action shows the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "contacts"));
  g_assert_cmpstr (sonae_window_get_section (window), ==, "contacts");
  stack = gtk_widget_get_parent (sonae_window_get_page (window, "contacts"));
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == sonae_window_get_page (window, "contacts"));
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)) != NULL);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)))), ==, "contacts");

  /* Activating a sidebar row switches too. */
  g_signal_emit_by_name (gtk_widget_get_first_child (sidebar), "activate");
  g_assert_cmpstr (sonae_window_get_section (window), ==, "home");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "contacts"));

  /* The window size is saved on close. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_finalize_object (g_steal_pointer (&f->window));

  /* A new window opens on Home, not where the last one was left: with no
   * incident in progress, that is where help starts. */
  window = new_window (f);
  g_assert_cmpstr (sonae_window_get_section (window), ==, "home");
}

/* With a real incident in progress, Sonae opens on it, on its "Now" tab;
 * a drill in progress alone does not take the start; on a narrow window
 * the page shows, not the bare list of sections. */
static void
test_start_section (SonaeTestWindow *f,
                    gconstpointer    data)
{
  SonaeWindow *window;
  gint64 drill;
  gint64 real;
  GtkWidget *incidents;
  GtkWidget *view;

  drill = sonae_test_add_incident (f->store, "ランサムウェア訓練", NULL, 2, TRUE, "受付 花子");
  window = new_window (f);
  g_assert_cmpstr (sonae_window_get_section (window), ==, "home");
  sonae_test_window_close (f);

  real = sonae_test_add_incident (f->store, "電子カルテが開かない", "2026-03-01 09:00", 2, FALSE, "受付 花子");
  window = new_window (f);
  sonae_test_spin_for (50);
  g_assert_cmpstr (sonae_window_get_section (window), ==, "incidents");
  incidents = sonae_window_get_page (window, "incidents");
  g_assert_cmpint (sonae_incidents_page_get_incident (SONAE_INCIDENTS_PAGE (incidents)), ==, real);
  view = sonae_test_of_type (incidents, SONAE_TYPE_INCIDENT_VIEW);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (sonae_test_template_child (view, SONAE_TYPE_INCIDENT_VIEW, "view_stack"))),
                   ==, "now");
  g_assert_true (drill != real);
  sonae_test_window_close (f);

  /* Narrow: the content, not the sidebar. */
  window = new_window (f);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 700);
  sonae_test_spin_for (100);
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (sonae_test_template_child (GTK_WIDGET (window), SONAE_TYPE_WINDOW, "leaflet"));

    g_assert_true (adw_leaflet_get_folded (leaflet));
    g_assert_true (adw_leaflet_get_visible_child (leaflet) ==
                   GTK_WIDGET (sonae_test_template_child (GTK_WIDGET (window), SONAE_TYPE_WINDOW, "content_box")));
  }
}

/* The shortcut bound to @accelerator on @widget's class: its action and
 * argument. */
static gboolean
find_binding (GtkWidget   *widget,
              const char  *accelerator,
              char       **out_action,
              GVariant   **out_argument)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (trigger, accelerator) != 0 || !GTK_IS_NAMED_ACTION (action))
            continue;
          *out_action = g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          *out_argument = gtk_shortcut_get_arguments (shortcut) ? g_variant_ref (gtk_shortcut_get_arguments (shortcut)) : NULL;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
class_has_action (GType       type,
                  const char *name)
{
  GtkWidgetClass *klass = g_type_class_peek (type);
  GType owner;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name); i++)
    if (g_strcmp0 (action_name, name) == 0)
      return TRUE;
  return FALSE;
}

/* The red button (and Ctrl+Shift+N): with nothing open, the questions
 * at once; with a real incident in progress, continuing it comes first,
 * a new one is a choice. */
static void
test_start_incident (SonaeTestWindow *f,
                     gconstpointer    data)
{
  g_autofree char *action = NULL;
  g_autoptr(GVariant) argument = NULL;
  SonaeWindow *window = new_window (f);
  GtkWidget *dialog;
  gint64 id;

  g_assert_true (find_binding (GTK_WIDGET (window), "<Shift><Control>n", &action, &argument));
  g_assert_cmpstr (action, ==, "win.start-incident");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-incident", NULL));
  sonae_test_spin_for (50);
  dialog = sonae_test_find_dialog_of_type (SONAE_TYPE_TRIAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sonae_test_spin_for (20);

  id = sonae_test_add_incident (f->store, "ファイルが開けず、金銭を要求された", NULL, 3, FALSE, "受付 花子");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-incident", NULL));
  sonae_test_spin_for (50);
  g_assert_null (sonae_test_find_dialog_of_type (SONAE_TYPE_TRIAGE_DIALOG));
  dialog = sonae_test_find_dialog ("incident-open");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "continue");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "ファイルが開けず"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  sonae_test_spin_for (50);
  g_assert_cmpstr (sonae_window_get_section (window), ==, "incidents");
  g_assert_cmpint (sonae_incidents_page_get_incident (SONAE_INCIDENTS_PAGE (sonae_window_get_page (window, "incidents"))),
                   ==, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-incident", NULL));
  sonae_test_spin_for (50);
  dialog = sonae_test_find_dialog ("incident-open");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "new");
  sonae_test_spin_for (50);
  dialog = sonae_test_find_dialog_of_type (SONAE_TYPE_TRIAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sonae_test_spin_for (20);
}

#ifdef GDK_WINDOWING_X11
/* Presses @key (xdotool's name for it) on the X display, as a keyboard
 * would, to the window that has the input focus, and lets Sonae handle it. */
static void
press (const char *key)
{
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", key, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_test_message ("key: %s", key);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  sonae_test_spin_for (400);
}
#endif

/* From a cold start on the demo clinic to the first call logged, by
 * keyboard alone, in at most ten real key presses: Ctrl+Shift+N; the ransom
 * note; patient data not known yet; care stopped; start; and Enter logs
 * that the first responder was reached. */
static void
test_keyboard_first_call (SonaeTestWindow *f,
                          gconstpointer    data)
{
#ifdef GDK_WINDOWING_X11
  static const char *const keys[] = {
    "ctrl+shift+n",            /* the questions */
    "Return",                  /* files locked and money demanded */
    "Down", "Down", "Return",  /* patient data: not known yet */
    "Down", "Down", "Return",  /* care stopped or delayed */
    "Return",                  /* start */
    "Return",                  /* the first responder reached */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  g_autofree char *xid = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  const SonaeIncident *incident = NULL;
  const SonaeTimelineEntry *call = NULL;
  SonaeWindow *window;
  const char *focus_argv[] = { "xdotool", "windowfocus", "--sync", NULL, NULL };
  /* The person's pointer rests on the window (the tests park it in a corner). */
  const char *pointer_argv[] = { "xdotool", "mousemove", "--sync", "--window", NULL, "300", "200", NULL };

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool == NULL)
    {
      g_test_skip ("Real key presses need an X display and xdotool");
      return;
    }
  g_assert_true (sonae_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (G_N_ELEMENTS (keys), <=, 10);

  window = new_window (f);
  sonae_test_spin_for (300);
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (
                           gtk_native_get_surface (GTK_NATIVE (window))));
  focus_argv[3] = xid;
  pointer_argv[4] = xid;
  g_assert_true (g_spawn_sync (NULL, (char **) pointer_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) focus_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               NULL, &error));
  g_assert_no_error (error);
  sonae_test_spin_for (200);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    press (keys[i]);

  /* One real incident in progress: ransomware at level 3. */
  {
    SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;

    incidents = sonae_incidents_list (f->store, &all, &error);
  }
  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    {
      const SonaeIncident *candidate = g_ptr_array_index (incidents, i);

      if (candidate->status != SONAE_STATUS_CLOSED && !candidate->drill)
        {
          g_assert_null (incident);
          incident = candidate;
        }
    }
  g_assert_nonnull (incident);
  g_assert_cmpint (incident->type, ==, SONAE_INCIDENT_MALWARE);
  g_assert_cmpint (incident->level, ==, 3);

  /* Its first call: the first responder, reached. */
  holders = sonae_contacts_get_role_holders (f->store, SONAE_ROLE_FIRST, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holders->len, >, 0);
  entries = sonae_incidents_list_timeline (f->store, incident->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len && call == NULL; i++)
    if (((SonaeTimelineEntry *) g_ptr_array_index (entries, i))->kind == SONAE_ENTRY_CALL)
      call = g_ptr_array_index (entries, i);
  g_assert_nonnull (call);
  g_assert_cmpint (call->outcome, ==, SONAE_CALL_REACHED);
  g_assert_cmpint (call->contact_id, ==, ((SonaeContact *) g_ptr_array_index (holders, 0))->id);
  g_assert_cmpstr (call->role_key, ==, SONAE_ROLE_FIRST);
#else
  g_test_skip ("Real key presses need an X display");
#endif
}

/* The BCP section: its page, Alt+5, the binder in the main menu, and the
 * action that opens a worksheet. */
static void
test_bcp_section (SonaeTestWindow *f,
                  gconstpointer    data)
{
  g_autofree char *action = NULL;
  g_autoptr(GVariant) argument = NULL;
  GMenuModel *menu;
  gboolean in_menu = FALSE;
  SonaeWindow *window = new_window (f);
  GtkWidget *page = sonae_window_get_page (window, "bcp");

  g_assert_true (SONAE_IS_BCP_PAGE (page));
  g_assert_true (find_binding (GTK_WIDGET (window), "<Alt>5", &action, &argument));
  g_assert_cmpstr (action, ==, "win.section");
  g_assert_cmpstr (g_variant_get_string (argument, NULL), ==, "bcp");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "bcp"));
  g_assert_cmpstr (sonae_window_get_section (window), ==, "bcp");
  /* The page brings its own header bars, as Incidents does. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SONAE_TYPE_WINDOW,
                                                                         "content_header"))));

  /* Home's reminders open a worksheet through win.show-bcp. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "home"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bcp", "s", "risks"));
  g_assert_cmpstr (sonae_window_get_section (window), ==, "bcp");
  g_assert_cmpstr (sonae_bcp_page_get_worksheet (SONAE_BCP_PAGE (page)), ==, "risks");

  /* The binder is printed from the main menu. */
  g_assert_true (class_has_action (SONAE_TYPE_WINDOW, "win.print-binder"));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), SONAE_TYPE_WINDOW,
                                                                                         "menu_button")));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *item_action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
              g_str_equal (item_action, "win.print-binder"))
            in_menu = TRUE;
        }
    }
  g_assert_true (in_menu);
}

static void
test_home_attention (SonaeTestWindow *f,
                     gconstpointer    data)
{
  g_autofree char *title = g_strdup_printf ("Nobody holds the role “%s”", sonae_role_get_name (SONAE_ROLE_PRIVACY));
  g_autofree char *calling = g_strdup_printf ("Nobody holds the role “%s”", sonae_role_get_name (SONAE_ROLE_LEAD));
  SonaeWindow *window = new_window (f);
  GtkWidget *home = sonae_window_get_page (window, "home");
  GtkWidget *group = sonae_test_find_widget (home, sonae_test_is_named, "attention-group");
  GtkWidget *row;
  gint64 id;

  /* Home builds its content when it is shown; what needs a look comes
   * once the red button and the calls are painted. */
  sonae_window_set_section (window, "home");
  g_assert_null (find_row_titled (group, title));
  sonae_test_spin_for (20);

  g_assert_nonnull (group);
  row = find_row_titled (group, title);
  g_assert_nonnull (row);
  /* A calling role shows under Whom to Call, not twice. */
  g_assert_null (find_row_titled (group, calling));

  /* Activating it opens Contacts on that role. */
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (sonae_window_get_section (window), ==, "contacts");

  id = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_PRIVACY, &id, 1, NULL));
  g_assert_true (wait_for_row (group, title, FALSE));
  g_assert_null (find_row_titled (group, title));
  /* Other roles are still empty. */
  {
    g_autofree char *other = g_strdup_printf ("Nobody holds the role “%s”", sonae_role_get_name (SONAE_ROLE_SECURITY));
    g_assert_nonnull (find_row_titled (group, other));
  }

  /* With every role held and every contact verified, and a number for
   * every office to call, a calm all-clear. */
  {
    guint n_roles;
    const SonaeRoleInfo *roles = sonae_roles_get_builtin (&n_roles);
    g_autoptr(GPtrArray) contacts = sonae_contacts_list (f->store, -1, NULL);

    for (guint i = 0; i < n_roles; i++)
      g_assert_true (sonae_contacts_set_role_holders (f->store, roles[i].key, &id, 1, NULL));
    for (guint i = 0; i < contacts->len; i++)
      {
        SonaeContact *c = g_ptr_array_index (contacts, i);
        if (c->needs_check || c->phones->len == 0)
          {
            c->needs_check = FALSE;
            if (c->phones->len == 0)
              sonae_contact_add_phone (c, "work", "088-000-0000");
            g_assert_true (sonae_contacts_save (f->store, c, NULL));
          }
        g_assert_true (sonae_contacts_mark_verified (f->store, c->id, NULL, NULL));
      }
  }
  g_assert_true (wait_for_row (group, "All contacts are current", TRUE));
}

static void
test_home_whom_to_call (SonaeTestWindow *f,
                        gconstpointer    data)
{
  SonaeWindow *window = new_window (f);
  GtkWidget *home = sonae_window_get_page (window, "home");
  GtkWidget *group = sonae_test_find_widget (home, sonae_test_is_named, "calls-group");
  g_autofree char *empty = g_strdup_printf ("%s: not assigned", sonae_role_get_name (SONAE_ROLE_LEAD));
  g_autofree char *held = NULL;
  gint64 ids[2];
  GtkWidget *row;

  /* Home builds its content when it is shown; what needs a look comes
   * once the red button and the calls are painted. */
  sonae_window_set_section (window, "home");
  sonae_test_spin_for (20);

  g_assert_nonnull (group);
  g_assert_true (wait_for_row (group, empty, TRUE));

  ids[0] = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "佐藤 由美", "さとう ゆみ", "090-0000-1103");
  ids[1] = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "鈴木 恵子", "すずき けいこ", "090-0000-1104");
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_LEAD, ids, 2, NULL));

  /* The primary by name, with the number to dial; the deputy next. */
  held = g_strdup_printf ("%s: 佐藤 由美", sonae_role_get_name (SONAE_ROLE_LEAD));
  g_assert_true (wait_for_row (group, held, TRUE));
  row = find_row_titled (group, held);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "鈴木 恵子  090-0000-1104"));
  g_assert_null (find_row_titled (group, empty));

  /* It leads to the role, where the order can be changed. */
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (sonae_window_get_section (window), ==, "contacts");
}

static void
test_home_profile (SonaeTestWindow *f,
                   gconstpointer    data)
{
  SonaeWindow *window = new_window (f);
  GtkWidget *home = sonae_window_get_page (window, "home");
  SonaeProfile profile = { .name = (char *) "さくら内科クリニック", .kind = SONAE_ORG_CLINIC,
                           .prefecture = (char *) "Tokyo", .phone = (char *) "03-1234-5678" };
  GtkWidget *label;

  /* Home builds its content when it is shown. */
  sonae_window_set_section (window, "home");
  sonae_test_spin_for (20);

  g_assert_true (sonae_store_set_profile (f->store, &profile, NULL));
  label = sonae_test_named (home, "org-name");
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       g_get_monotonic_time () < deadline && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "さくら内科クリニック") != 0;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "さくら内科クリニック");
}

static void
test_setup_done (SonaeTestWindow *f,
                 gconstpointer    data)
{
  g_autoptr(SonaeProfile) profile = NULL;
  SonaeWindow *window = new_window (f);
  GtkWindow *dialog;

  g_assert_false (sonae_store_get_setup_done (f->store));
  dialog = g_object_ref (sonae_window_show_setup_if_needed (window));
  g_assert_nonnull (dialog);

  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (dialog), "name-row")), "さくら内科クリニック");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sonae_test_named (GTK_WIDGET (dialog), "kind-row")), 2);
  /* A pharmacy is told that Sonae speaks to it as to a business. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sonae_test_named (GTK_WIDGET (dialog), "kind-row"))),
                            "as to a business"));
  /* 0 is "Not chosen", then the prefectures in order: 13 is Tokyo. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (sonae_test_named (GTK_WIDGET (dialog), "prefecture-row")), 13);
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (dialog), "address-row")), "東京都千代田区1-1");
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (dialog), "phone-row")), "03-1234-5678");
  g_signal_emit_by_name (sonae_test_named (GTK_WIDGET (dialog), "done-button"), "clicked");

  profile = sonae_store_get_profile (f->store);
  g_assert_cmpstr (profile->name, ==, "さくら内科クリニック");
  g_assert_cmpint (profile->kind, ==, SONAE_ORG_PHARMACY);
  g_assert_cmpstr (profile->prefecture, ==, "Tokyo");
  g_assert_cmpstr (profile->address, ==, "東京都千代田区1-1");
  g_assert_cmpstr (profile->phone, ==, "03-1234-5678");
  g_assert_true (sonae_store_get_setup_done (f->store));
  g_assert_null (sonae_window_show_setup_if_needed (window));
  g_assert_finalize_object (dialog);
}

static void
test_setup_skip (SonaeTestWindow *f,
                 gconstpointer    data)
{
  g_autoptr(SonaeProfile) profile = NULL;
  SonaeWindow *window = new_window (f);
  GtkWindow *dialog = g_object_ref (sonae_window_show_setup_if_needed (window));

  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (dialog), "name-row")),
                         "typed, then skipped");
  g_signal_emit_by_name (sonae_test_named (GTK_WIDGET (dialog), "skip-button"), "clicked");
  g_assert_finalize_object (dialog);

  g_assert_true (sonae_store_get_setup_done (f->store));
  profile = sonae_store_get_profile (f->store);
  g_assert_null (profile->name);
}

static void
test_preferences_saved_as_typed (SonaeTestWindow *f,
                                 gconstpointer    data)
{
  SonaeWindow *window = new_window (f);
  SonaeProfile saved = { .prefecture = (char *) "徳島県" };
  GtkWindow *prefs;

  /* A prefecture Sonae does not know (typed in another language, or from a
   * later version) must survive an edit of another field. */
  g_assert_true (sonae_store_set_profile (f->store, &saved, NULL));

  prefs = g_object_ref (sonae_window_show_preferences (window));
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (prefs), "name-row")), "さくら薬局");

  {
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (f->store);
    g_assert_null (profile->name);  /* not yet: the save waits for a pause in typing */
  }
  sonae_test_spin_for (SONAE_PREFERENCES_SAVE_DELAY + 200);
  {
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (f->store);
    g_assert_cmpstr (profile->name, ==, "さくら薬局");
  }

  /* An edit is not lost when the window closes before the pause. */
  gtk_editable_set_text (GTK_EDITABLE (sonae_test_named (GTK_WIDGET (prefs), "phone-row")), "06-9876-5432");
  gtk_window_close (prefs);
  {
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (f->store);
    g_assert_cmpstr (profile->phone, ==, "06-9876-5432");
    g_assert_cmpstr (profile->name, ==, "さくら薬局");
    g_assert_cmpstr (profile->prefecture, ==, "徳島県");
  }
  g_assert_finalize_object (prefs);
}

/* How Japanese documents write dates: chosen in Preferences, kept in the
 * data folder (where `sonae --export` reads it), shown again as chosen. */
static void
test_preferences_date_style (SonaeTestWindow *f,
                             gconstpointer    data)
{
  SonaeWindow *window = new_window (f);
  GtkWindow *prefs;
  AdwComboRow *row;
  GListModel *model;

  g_assert_cmpint (sonae_store_get_date_style (f->store), ==, SONAE_DATE_STYLE_JAPANESE);
  prefs = g_object_ref (sonae_window_show_preferences (window));
  row = ADW_COMBO_ROW (sonae_test_named (GTK_WIDGET (prefs), "date-style-row"));
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  /* Each choice is today's date written that way: 2026年…, 令和…, 2026-… */
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "年"));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), "令和"));
  g_assert_nonnull (strchr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), '-'));

  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (sonae_store_get_date_style (f->store), ==, SONAE_DATE_STYLE_JAPANESE_ERA);
  gtk_window_close (prefs);
  g_assert_finalize_object (prefs);

  prefs = g_object_ref (sonae_window_show_preferences (window));
  row = ADW_COMBO_ROW (sonae_test_named (GTK_WIDGET (prefs), "date-style-row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpint (sonae_store_get_date_style (f->store), ==, SONAE_DATE_STYLE_ISO);
  gtk_window_close (prefs);
  g_assert_finalize_object (prefs);
}

static void
test_backup (SonaeTestWindow *f,
             gconstpointer    data)
{
  g_autofree char *dest = NULL;
  g_autofree char *usb = NULL;
  SonaeWindow *window = new_window (f);

  sonae_test_add_contact (f->store, SONAE_GROUP_VENDOR, "電子カルテ保守窓口", "でんしかるてほしゅまどぐち", "0120-000-000");
  usb = g_build_filename (f->dir, "usb", NULL);
  dest = g_build_filename (usb, "sonae-backup.db", NULL);
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  g_assert_true (sonae_window_back_up_to (window, dest));
  g_assert_true (sonae_backup_check_file (dest, NULL));
}

static void
test_print_export (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePrintOperation) operation = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  SonaeDocument *doc;
  GtkPrintOperationResult result;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  doc = sonae_documents_build (store, "roster", SONAE_PAPER_A4, &error);
  g_assert_no_error (error);
  operation = sonae_print_operation_new (doc);
  pdf = g_build_filename (dir, "roster.pdf", NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Home's Print group offers the poster first, and the poster prints on
 * the paper it was made for. */
static void
test_home_print_poster (SonaeTestWindow *f,
                        gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(SonaePrintOperation) operation = NULL;
  g_autofree char *pdf = NULL;
  SonaeWindow *window;
  SonaeDocument *doc;
  GtkWidget *row;
  GtkWidget *group;
  GVariant *target;
  GtkPageSetup *setup;
  GtkPrintOperationResult result;

  window = new_window (f);
  /* Home builds its content when it is shown. */
  sonae_window_set_section (window, "home");
  sonae_test_spin_for (20);
  row = sonae_test_find_widget (GTK_WIDGET (window), sonae_test_is_named, "print-poster-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.print-document");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "poster");
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  sonae_test_collect_widgets (group, sonae_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_ROW), rows);
  g_assert_true (g_ptr_array_index (rows, 0) == row);
  g_assert_true (sonae_test_find_widget (group, sonae_test_is_named, "print-roster-row") != NULL);
  /* The paper forms for when the computers are down are one click away,
   * and each builds as a document the print dialog can take. */
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "checklist", "logsheet", "report" };
      g_autofree char *row_name = g_strdup_printf ("print-%s-row", names[i]);
      GtkWidget *paper = sonae_test_find_widget (group, sonae_test_is_named, row_name);
      g_autoptr(SonaeDocument) built = NULL;

      g_assert_nonnull (paper);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (paper)), ==, "win.print-document");
      g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (paper)), NULL), ==, names[i]);
      built = sonae_documents_build (f->store, names[i], SONAE_PAPER_A4, &error);
      g_assert_no_error (error);
      g_assert_nonnull (built);
    }
  sonae_test_window_close (f);

  doc = sonae_documents_build (f->store, "poster", SONAE_PAPER_A3, &error);
  g_assert_no_error (error);
  operation = sonae_print_operation_new (doc);
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A3);
  pdf = g_build_filename (f->dir, "poster.pdf", NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static void
test_damaged_database (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autofree char *db = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  GtkWidget *status;
  gsize length;
  GDir *d;
  const char *name;

  sonae_test_add_contact (store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  backup = sonae_backup_auto (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  db = g_strdup (sonae_store_get_path (store));
  sonae_store_close (store);
  g_clear_object (&store);

  /* Damage the schema page; keep the header so it still looks like SQLite. */
  g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xA5, 3000);
  g_assert_true (g_file_set_contents (db, contents, length, NULL));
  damaged = read_bytes (db);

  app = sonae_application_new ();
  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
  sonae_application_set_data_dir (SONAE_APPLICATION (app), dir);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  window = sonae_application_open_window (SONAE_APPLICATION (app));
  g_assert_true (SONAE_IS_PROBLEM_WINDOW (window));
  status = sonae_test_named (GTK_WIDGET (window), "status-page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "The database is damaged");
  g_assert_cmpstr (sonae_problem_window_get_backup (SONAE_PROBLEM_WINDOW (window)), ==, backup);
  g_assert_true (gtk_widget_get_visible (sonae_test_named (GTK_WIDGET (window), "restore-button")));
  g_assert_null (sonae_application_get_store (SONAE_APPLICATION (app)));

  /* Showing the problem changed nothing. */
  {
    g_autoptr(GBytes) now = read_bytes (db);
    g_assert_true (g_bytes_equal (now, damaged));
  }

  /* Restoring the offered backup opens the real window on it, and keeps the
   * damaged file, byte for byte, beside it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "problem.restore-auto", NULL));
  window = sonae_application_open_window (SONAE_APPLICATION (app));
  g_assert_true (SONAE_IS_WINDOW (window));
  g_assert_nonnull (sonae_application_get_store (SONAE_APPLICATION (app)));
  g_assert_cmpuint (sonae_contacts_count (sonae_application_get_store (SONAE_APPLICATION (app))), >=, 1);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "sonae-replaced-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (kept, g_build_filename (dir, name, NULL));
  g_dir_close (d);
  g_assert_cmpuint (kept->len, ==, 1);
  {
    g_autoptr(GBytes) saved = read_bytes (g_ptr_array_index (kept, 0));
    g_assert_true (g_bytes_equal (saved, damaged));
  }

  /* Restore from backup… in the running application (one GApplication a
   * process, so it is tested here): back up, change, restore, and the
   * window is rebuilt on the restored data. */
  {
    g_autofree char *copy = g_build_filename (dir, "usb-copy.db", NULL);
    SonaeStore *now = sonae_application_get_store (SONAE_APPLICATION (app));
    GtkWindow *old_window = g_object_ref (window);
    guint before;

    g_assert_true (sonae_window_back_up_to (SONAE_WINDOW (window), copy));
    before = sonae_contacts_count (now);
    sonae_test_add_contact (now, SONAE_GROUP_STAFF, "佐藤 花子", "さとう はなこ", "090-0000-0000");
    g_assert_cmpuint (sonae_contacts_count (now), ==, before + 1);

    sonae_application_restore (SONAE_APPLICATION (app), copy);
    g_assert_finalize_object (old_window);

    window = sonae_application_open_window (SONAE_APPLICATION (app));
    g_assert_true (SONAE_IS_WINDOW (window));
    now = sonae_application_get_store (SONAE_APPLICATION (app));
    g_assert_true (sonae_window_get_store (SONAE_WINDOW (window)) == now);
    g_assert_cmpuint (sonae_contacts_count (now), ==, before);

    g_ptr_array_set_size (kept, 0);
    d = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (d)) != NULL)
      if (g_str_has_prefix (name, "sonae-replaced-") && g_str_has_suffix (name, ".db"))
        g_ptr_array_add (kept, g_build_filename (dir, name, NULL));
    g_dir_close (d);
    /* Both replaced databases are there: the damaged one and this one. */
    g_assert_cmpuint (kept->len, ==, 2);
  }

  {
    GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
    for (GList *l = windows; l; l = l->next)
      gtk_window_destroy (l->data);
    g_list_free (windows);
  }
  g_clear_object (&app);
  sonae_test_remove_dir (dir);
}

static void
test_read_only_database (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *status;

  g_clear_object (&store);

  /* Each kind of problem gets its own plain words. */
  g_set_error (&error, SONAE_ERROR, SONAE_ERROR_READ_ONLY, "The database cannot be written.");
  window = g_object_ref (sonae_problem_window_new (NULL, dir, error));
  status = sonae_test_named (window, "status-page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "The database cannot be written");
  g_assert_false (gtk_widget_get_visible (sonae_test_named (window, "restore-button")));
  destroy_window (window);

  g_clear_error (&error);
  g_set_error (&error, SONAE_ERROR, SONAE_ERROR_NEWER_SCHEMA, "Newer.");
  window = g_object_ref (sonae_problem_window_new (NULL, dir, error));
  status = sonae_test_named (window, "status-page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "This data needs a newer version of Sonae");
  destroy_window (window);

  sonae_test_remove_dir (dir);
}

/* The Reminders page's switch writes and removes the autostart entry that
 * runs the installed Sonae by its name ("sonae", as the search path finds
 * it) with --check-reminders --notify for this data folder: nothing of a
 * build folder and no forced language in it. A program that runs from its
 * build folder (as this test does) says why it cannot, and writes nothing. */
static void
test_preferences_autostart (SonaeTestWindow *f,
                            gconstpointer    data)
{
  SonaeWindow *window = new_window (f);
  g_autofree char *path = sonae_autostart_get_path ();
  g_autofree char *exec = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *root = sonae_test_make_dir ();
  g_autofree char *bin = g_build_filename (root, "usr", "bin", NULL);
  g_autofree char *installed = g_build_filename (bin, "sonae", NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_auto(GStrv) argv = NULL;
  GtkWindow *prefs;
  GtkSwitch *autostart;

  /* From the build folder: refused, and said so in the page. */
  g_assert_false (sonae_autostart_is_installed ());
  prefs = g_object_ref (sonae_window_show_preferences (window));
  autostart = GTK_SWITCH (sonae_test_named (GTK_WIDGET (prefs), "autostart-switch"));
  g_assert_false (gtk_switch_get_active (autostart));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (autostart)));
  g_assert_true (gtk_widget_get_visible (sonae_test_named (GTK_WIDGET (prefs), "autostart-build-folder")));
  gtk_switch_set_active (autostart, TRUE);
  g_assert_false (sonae_autostart_is_installed ());
  g_assert_false (gtk_switch_get_active (autostart));
  gtk_window_close (prefs);
  g_assert_finalize_object (prefs);

  /* The installed program, found on the search path. */
  g_assert_cmpint (g_mkdir_with_parents (bin, 0700), ==, 0);
  g_assert_true (g_file_set_contents (installed, "#!/bin/sh\n", -1, NULL));
  g_assert_cmpint (g_chmod (installed, 0755), ==, 0);
  g_setenv ("SONAE_TEST_PROGRAM", installed, TRUE);
  g_setenv ("PATH", bin, TRUE);

  prefs = g_object_ref (sonae_window_show_preferences (window));
  autostart = GTK_SWITCH (sonae_test_named (GTK_WIDGET (prefs), "autostart-switch"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (autostart)));
  g_assert_false (gtk_widget_get_visible (sonae_test_named (GTK_WIDGET (prefs), "autostart-build-folder")));
  gtk_switch_set_active (autostart, TRUE);
  g_assert_true (sonae_autostart_is_installed ());
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL));
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", NULL);
  g_assert_true (g_shell_parse_argv (exec, NULL, &argv, NULL));
  g_assert_cmpuint (g_strv_length (argv), ==, 5);
  g_assert_cmpstr (argv[0], ==, "sonae");
  g_assert_cmpstr (argv[1], ==, "--data-dir");
  g_assert_cmpstr (argv[2], ==, f->dir);
  g_assert_cmpstr (argv[3], ==, "--check-reminders");
  g_assert_cmpstr (argv[4], ==, "--notify");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, g_getenv ("SONAE_BUILD_ROOT")));
  g_assert_null (strstr (contents, "LANG"));
  g_assert_null (strstr (contents, "LC_"));
  /* What the page shows an administrator is what was written. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sonae_test_named (GTK_WIDGET (prefs), "autostart-command"))), ==, exec);
  gtk_window_close (prefs);
  g_assert_finalize_object (prefs);

  /* Shown as installed next time; switched off, it is gone. */
  prefs = g_object_ref (sonae_window_show_preferences (window));
  autostart = GTK_SWITCH (sonae_test_named (GTK_WIDGET (prefs), "autostart-switch"));
  g_assert_true (gtk_switch_get_active (autostart));
  gtk_switch_set_active (autostart, FALSE);
  g_assert_false (sonae_autostart_is_installed ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_close (prefs);
  g_assert_finalize_object (prefs);

  g_setenv ("PATH", old_path, TRUE);
  g_unsetenv ("SONAE_TEST_PROGRAM");
  sonae_test_remove_dir (root);
}

/* About in Japanese keeps nothing in English but the name, Sonae, which
 * its comments explain as 「備え」. */
static void
test_about_japanese (void)
{
  static const char *strings[] = { "developer-name", "comments", "copyright", "translator-credits" };
  GtkWidget *en = sonae_about_window_new (NULL);
  GtkWidget *ja;
  g_auto(GStrv) en_developers = NULL;
  g_auto(GStrv) ja_developers = NULL;
  g_autofree char *name = NULL;

  g_object_ref (en);
  if (!sonae_test_use_japanese ())
    {
      destroy_window (en);
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }
  ja = g_object_ref (sonae_about_window_new (NULL));
  sonae_test_use_default_language ();

  g_object_get (ja, "application-name", &name, "developers", &ja_developers, NULL);
  g_object_get (en, "developers", &en_developers, NULL);
  g_assert_cmpstr (name, ==, "Sonae");
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *in_english = NULL;
      g_autofree char *in_japanese = NULL;

      g_object_get (en, strings[i], &in_english, NULL);
      g_object_get (ja, strings[i], &in_japanese, NULL);
      g_test_message ("%s: %s / %s", strings[i], in_english, in_japanese);
      g_assert_nonnull (in_japanese);
      g_assert_cmpstr (in_japanese, !=, in_english);
      g_assert_null (strstr (in_japanese, "developers"));
    }
  g_assert_cmpuint (g_strv_length (ja_developers), ==, g_strv_length (en_developers));
  for (guint i = 0; ja_developers[i] != NULL; i++)
    g_assert_cmpstr (ja_developers[i], !=, en_developers[i]);
  {
    g_autofree char *comments = NULL;

    g_object_get (ja, "comments", &comments, NULL);
    g_assert_nonnull (strstr (comments, "「備え」"));
  }
  /* What libadwaita's window says itself is in Japanese too, on every
   * page: the rows, the pages' titles, the credits, the licence. */
  {
    static const char *english[] = { "_Details", "Details", "_Credits", "Credits", "_Legal", "Legal",
                                     "Code by", "Translated by", "About" };
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    sonae_test_collect_widgets (ja, sonae_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
    g_assert_cmpuint (labels->len, >, 10);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

        g_assert_false (g_strv_contains (english, text));
        g_assert_null (strstr (text, "warranty"));
      }
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (ja)), ==, "Sonae について");
  }

  destroy_window (en);
  destroy_window (ja);
}

static gboolean
command_shown (gpointer data)
{
  g_autofree char *shown = sonae_test_shown_texts (data);

  return strstr (shown, "--check-reminders --notify") != NULL;
}

/* The Reminders page says in plain words what the switch does; the command
 * it runs is there for an administrator, in a row that is closed at first.
 * In Japanese too, and the application is called Sonae there. */
static void
check_reminders_page (SonaeWindow *window,
                      gboolean     japanese)
{
  GtkWidget *prefs = g_object_ref (GTK_WIDGET (sonae_window_show_preferences (window)));
  GtkWidget *admin;
  g_autofree char *shown = NULL;
  g_autofree char *expanded = NULL;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "reminders");
  sonae_test_spin_for (50);
  shown = sonae_test_shown_texts (prefs);
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, "Sonae"));
  g_assert_null (strstr (shown, "--"));
  g_assert_null (strstr (shown, "sonae "));
  if (japanese)
    g_assert_null (strstr (shown, "備え"));

  admin = sonae_test_named (prefs, "autostart-details");
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (admin)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (admin), TRUE);
  /* Once the row has opened: on a busy machine its animation takes longer. */
  sonae_test_spin_until (command_shown, prefs, 5000, "the command in the opened row");
  expanded = sonae_test_shown_texts (prefs);
  g_assert_nonnull (strstr (expanded, "--check-reminders --notify"));

  gtk_window_close (GTK_WINDOW (prefs));
  g_assert_finalize_object (prefs);
}

static void
test_preferences_plain_words (SonaeTestWindow *f,
                              gconstpointer    data)
{
  check_reminders_page (new_window (f), FALSE);
  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }
  check_reminders_page (new_window (f), TRUE);
}

/* A section reads the database the first time it is shown, not when the
 * window opens (the start-up reads only what the first section needs). */
/* Many contacts to verify are one row on Home, which opens Contacts on
 * them. */
static void
test_home_contacts_to_verify (SonaeTestWindow *f,
                              gconstpointer    data)
{
  SonaeWindow *window;
  GtkWidget *home;
  GtkWidget *page;
  GtkWidget *row;

  for (guint i = 0; i < SONAE_ATTENTION_MAX_CONTACTS + 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("職員 %u", i);
      sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, name, "しょくいん", "03-0000-0000");
    }
  window = new_window (f);
  sonae_window_set_section (window, "home");
  sonae_test_spin_for (20);
  home = sonae_window_get_page (window, "home");
  row = sonae_test_find_widget (home, sonae_test_is_named, "contacts-to-verify-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Confirm the details of 5 contacts");
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (sonae_window_get_section (window), ==, "contacts");
  page = sonae_window_get_page (window, "contacts");
  g_assert_true (sonae_contacts_page_get_to_verify (SONAE_CONTACTS_PAGE (page)));
}

/* More reminders than Home lists at first: the last row shows the rest,
 * it is never a row that does nothing. */
static guint
count_reminder_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  sonae_test_collect_widgets (group, sonae_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_ACTION_ROW), rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_list_box_row_get_activatable (g_ptr_array_index (rows, i)) &&
        g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (rows, i)), "more-attention-row") != 0)
      n++;
  return n;
}

static void
test_home_more_attention (SonaeTestWindow *f,
                          gconstpointer    data)
{
  g_autoptr(GPtrArray) reminders = NULL;
  SonaeWindow *window;
  GtkWidget *home;
  GtkWidget *group;
  GtkWidget *more;
  guint n_due = 0;

  sonae_test_add_incident (f->store, "電子カルテが暗号化された", NULL, 3, FALSE, "テスト");
  reminders = sonae_reminders_collect (f->store, NULL);
  g_assert_nonnull (reminders);
  g_assert_cmpuint (reminders->len, >, SONAE_HOME_MAX_ATTENTION + 1);
  for (guint i = 0; i < reminders->len; i++)
    {
      SonaeReminder *r = g_ptr_array_index (reminders, i);

      /* Home shows an empty calling role under Whom to Call instead. */
      if (!(r->kind == SONAE_REMINDER_ROLE_EMPTY &&
            (g_str_equal (r->role_key, SONAE_ROLE_FIRST) || g_str_equal (r->role_key, SONAE_ROLE_LEAD) ||
             g_str_equal (r->role_key, SONAE_ROLE_TOP) || g_str_equal (r->role_key, SONAE_ROLE_SYSADMIN))))
        n_due++;
    }

  window = new_window (f);
  sonae_window_set_section (window, "home");
  sonae_test_spin_for (20);
  home = sonae_window_get_page (window, "home");
  group = sonae_test_named (home, "attention-group");
  more = sonae_test_find_widget (group, sonae_test_is_named, "more-attention-row");
  g_assert_nonnull (more);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (more)));
  g_assert_nonnull (gtk_actionable_get_action_name (GTK_ACTIONABLE (more)));
  g_assert_cmpuint (count_reminder_rows (group), <=, SONAE_HOME_MAX_ATTENTION);

  g_assert_true (gtk_widget_activate_action (home, "home.show-all-attention", NULL));
  g_assert_null (sonae_test_find_widget (group, sonae_test_is_named, "more-attention-row"));
  g_assert_cmpuint (count_reminder_rows (group), ==, n_due);
}

static void
test_sections_built_when_shown (SonaeTestWindow *f,
                                gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sonae.Sonae");
  const char *const others[] = { "incidents", "manual", "contacts", "bcp" };
  SonaeWindow *window;

  window = new_window (f);
  sonae_test_spin_for (50);
  g_assert_true (sonae_section_is_built (SONAE_SECTION (sonae_window_get_page (window, "home"))));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (sonae_section_is_built (SONAE_SECTION (sonae_window_get_page (window, others[i]))));

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      sonae_window_set_section (window, others[i]);
      g_assert_true (sonae_section_is_built (SONAE_SECTION (sonae_window_get_page (window, others[i]))));
    }
}

/* Home, in Japanese, wraps between phrases: whom to call and what needs a
 * look (GTK alone broke 「過ぎてい／ます」). */
static void
test_home_phrases_whole (SonaeTestWindow *f,
                         gconstpointer    data)
{
  static const char *const words[] = { "過ぎています", "ください", "出ないときは", "確かめて", NULL };
  g_autoptr(GError) error = NULL;
  SonaeWindow *window;
  GtkWidget *home;

  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }
  g_assert_true (sonae_demo_fill (f->store, &error));
  g_assert_no_error (error);
  window = sonae_test_window_open_main (f);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "home"));
  sonae_test_spin_for (300);
  home = sonae_window_get_page (window, "home");
  g_assert_cmpuint (sonae_test_assert_phrases_whole (home, words), >=, 2);
  sonae_test_use_default_language ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("sonae-config-XXXXXX", NULL);
  int status;

  /* The autostart entry goes into a folder of the test's own. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/window/" name, SonaeTestWindow, NULL, sonae_test_window_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("sections", test_sections);
  ADD ("start-section", test_start_section);
  ADD ("start-incident", test_start_incident);
  ADD ("keyboard-first-call", test_keyboard_first_call);
  ADD ("sections-built-when-shown", test_sections_built_when_shown);
  ADD ("bcp-section", test_bcp_section);
  ADD ("home-attention", test_home_attention);
  ADD ("home-whom-to-call", test_home_whom_to_call);
  ADD ("home-profile", test_home_profile);
  ADD ("home-contacts-to-verify", test_home_contacts_to_verify);
  ADD ("home-more-attention", test_home_more_attention);
  ADD ("setup-done", test_setup_done);
  ADD ("setup-skip", test_setup_skip);
  ADD ("preferences-saved-as-typed", test_preferences_saved_as_typed);
  ADD ("backup", test_backup);
  g_test_add_func ("/window/print-export", test_print_export);
  ADD ("home-print-poster", test_home_print_poster);
  ADD ("home-phrases-whole", test_home_phrases_whole);
  g_test_add_func ("/window/damaged-database", test_damaged_database);
  g_test_add_func ("/window/problem-words", test_read_only_database);
  ADD ("preferences-autostart", test_preferences_autostart);
  ADD ("preferences-date-style", test_preferences_date_style);
  ADD ("preferences-plain-words", test_preferences_plain_words);
  g_test_add_func ("/window/about-japanese", test_about_japanese);
#undef ADD

  status = g_test_run ();
  sonae_test_remove_dir (config);
  return status;
}
