/* test-mnemonics.c: an Alt key reaches one thing at a time. Every menu
 * gives each of its items a mnemonic of its own, and a window never shows
 * two controls with the same one (the role cards of the Now tab, the
 * “Choose…” buttons of a dialog, the texts of the manual to review); in
 * English and in Japanese, whose labels carry it as “(_B)”.
 * Runs under a headless X server (xvfb-run -a). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sonae-bcp-page.h"
#include "sonae-bcp-system-dialog.h"
#include "sonae-capa-dialog.h"
#include "sonae-demo.h"
#include "sonae-incident-view.h"
#include "sonae-incidents-page.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-page.h"
#include "sonae-report-form-view.h"
#include "sonae-test-gui.h"
#include "sonae-test-util.h"
#include "sonae-window.h"

#define AUTHOR "テスト 担当"

/* --- what an Alt key reaches ---------------------------------------------- */

/* The mnemonic of a label written with underlines ("Print the _Binder…",
 * "バックアップを保存(_B)…"), lower case; 0 when it has none. */
static gunichar
mnemonic_of (const char *label)
{
  for (const char *p = label; p != NULL && *p != '\0'; p++)
    if (*p == '_')
      {
        if (p[1] == '_')
          p++;
        else if (p[1] != '\0')
          return g_unichar_tolower (g_utf8_get_char (p + 1));
      }
  return 0;
}

/* Note that @label reaches @key in @where, or say which other label does
 * already, in @clashes. */
static void
note_key (GHashTable *seen,
          gunichar    key,
          const char *label,
          const char *where,
          GString    *clashes)
{
  const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));
  char letter[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_toupper (key), letter);
  if (other != NULL)
    g_string_append_printf (clashes, "%s: “%s” and “%s” share Alt+%s\n", where, other, label, letter);
  else
    g_hash_table_insert (seen, GUINT_TO_POINTER (key), g_strdup (label));
}

/* The items of @menu and of its sections (one popover shows them
 * together); each submenu is a menu of its own. */
static void
check_menu (GMenuModel *menu,
            const char *where,
            GString    *clashes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (levels, g_object_ref (menu));
  for (guint l = 0; l < levels->len; l++)
    {
      GMenuModel *level = g_ptr_array_index (levels, l);

      for (int i = 0; i < g_menu_model_get_n_items (level); i++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (level, i, G_MENU_LINK_SECTION);
          g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (level, i, G_MENU_LINK_SUBMENU);
          g_autofree char *label = NULL;

          if (section != NULL)
            g_ptr_array_add (levels, g_steal_pointer (&section));
          else if (g_menu_model_get_item_attribute (level, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
                   mnemonic_of (label) != 0)
            note_key (seen, mnemonic_of (label), label, where, clashes);
          if (submenu != NULL)
            check_menu (submenu, where, clashes);
        }
    }
}

static gboolean
has_menu (GtkWidget     *widget,
          gconstpointer  data)
{
  return (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL) ||
         (GTK_IS_POPOVER_MENU (widget) && gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)) != NULL);
}

static void
check_menus_under (GtkWidget  *root,
                   const char *where,
                   GString    *clashes,
                   guint      *n_menus)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GHashTable) checked = g_hash_table_new (NULL, NULL);

  sonae_test_collect_widgets (root, has_menu, NULL, owners);
  for (guint i = 0; i < owners->len; i++)
    {
      GtkWidget *owner = g_ptr_array_index (owners, i);
      GMenuModel *menu = GTK_IS_MENU_BUTTON (owner)
                         ? gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (owner))
                         : gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (owner));

      /* A menu button's popover holds the same menu. */
      if (g_hash_table_add (checked, menu))
        check_menu (menu, where, clashes);
    }
  *n_menus += g_hash_table_size (checked);
}

static gboolean
is_shown_mnemonic (GtkWidget     *widget,
                   gconstpointer  data)
{
  guint keyval;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget) ||
      !gtk_label_get_use_underline (GTK_LABEL (widget)))
    return FALSE;
  /* A label that may have a mnemonic but has none says 0. */
  keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));
  return keyval != GDK_KEY_VoidSymbol && keyval != 0;
}

/* The controls @window shows now, as the window's mnemonics see them. */
static void
check_shown (GtkWidget  *window,
             const char *where,
             GString    *clashes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sonae_test_collect_widgets (window, is_shown_mnemonic, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      note_key (seen, gdk_keyval_to_unicode (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (label))),
                gtk_label_get_label (label), where, clashes);
    }
}

/* --- the fixture ---------------------------------------------------------- */

/* Run @check in English, then in Japanese (skipped, with a message, when the
 * system has no Japanese locale). */
typedef void (*LanguageCheck) (SonaeTestWindow *f,
                               const char      *language,
                               GString         *clashes);

static void
in_both_languages (SonaeTestWindow *f,
                   LanguageCheck    check)
{
  g_autoptr(GString) clashes = g_string_new (NULL);

  check (f, "en", clashes);
  if (sonae_test_use_japanese ())
    check (f, "ja", clashes);
  else
    g_test_message ("no ja_JP.UTF-8 locale: English only");
  sonae_test_use_default_language ();
  if (clashes->len > 0)
    g_error ("the same mnemonic twice:\n%s", clashes->str);
}

static SonaeWindow *
open_window (SonaeTestWindow *f)
{
  SonaeWindow *window = sonae_test_window_open_main (f);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (50);
  return window;
}

static gboolean
is_changing_page (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget));
}

static gboolean
settled (gpointer window)
{
  return sonae_test_find_widget (GTK_WIDGET (window), is_changing_page, NULL) == NULL;
}

/* Let @window show what it was asked to: while a page fades into another,
 * both are on screen. */
static void
settle (SonaeWindow *window)
{
  sonae_test_spin_for (50);
  sonae_test_spin_until (settled, window, 5000, "the pages to stop changing");
}

static GtkWidget *
incident_view (SonaeWindow *window)
{
  return sonae_test_of_type (sonae_window_get_page (window, "incidents"), SONAE_TYPE_INCIDENT_VIEW);
}

/* --- tests ---------------------------------------------------------------- */

/* Every section of a lived-in kit, every tab of an incident in progress,
 * every BCP worksheet, the manual read and edited with texts to review:
 * the menus there and what is shown. */
static void
check_window (SonaeTestWindow *f,
              const char      *language,
              GString         *clashes)
{
  static const char *tabs[] = { "now", "checklist", "timeline", "report", "reporting", "details" };
  static const char *worksheets[] = { "policy", "events", "systems", "plans", "drills", "risks", "check" };
  static const char *manual_sections[] = { "procedures", "levels", "continuity" };
  SonaeWindow *window = open_window (f);
  const char *const *sections = sonae_window_get_sections (window);
  guint n_menus = 0;

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s, %s", language, sections[i]);

      sonae_window_set_section (window, sections[i]);
      settle (window);
      check_menus_under (GTK_WIDGET (window), where, clashes, &n_menus);
      check_shown (GTK_WIDGET (window), where, clashes);
    }

  /* The incident in progress opens with the section. */
  sonae_window_set_section (window, "incidents");
  settle (window);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s, incident tab %s", language, tabs[i]);

      sonae_incident_view_show_tab (SONAE_INCIDENT_VIEW (incident_view (window)), tabs[i]);
      settle (window);
      check_menus_under (GTK_WIDGET (window), where, clashes, &n_menus);
      check_shown (GTK_WIDGET (window), where, clashes);
    }

  sonae_window_set_section (window, "bcp");
  settle (window);
  for (guint i = 0; i < G_N_ELEMENTS (worksheets); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s, BCP worksheet %s", language, worksheets[i]);

      g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (sonae_window_get_page (window, "bcp")),
                                                    worksheets[i]));
      settle (window);
      check_menus_under (GTK_WIDGET (window), where, clashes, &n_menus);
      check_shown (GTK_WIDGET (window), where, clashes);
    }

  sonae_window_set_section (window, "manual");
  settle (window);
  for (int editing = 0; editing <= 1; editing++)
    for (guint i = 0; i < G_N_ELEMENTS (manual_sections); i++)
      {
        SonaeManualPage *manual = SONAE_MANUAL_PAGE (sonae_window_get_page (window, "manual"));
        g_autofree char *where = g_strdup_printf ("%s, manual %s%s", language, manual_sections[i],
                                                  editing ? " (editing)" : "");

        sonae_manual_page_set_editing (manual, editing);
        sonae_manual_page_show_section (manual, manual_sections[i]);
        settle (window);
        check_menus_under (GTK_WIDGET (window), where, clashes, &n_menus);
        check_shown (GTK_WIDGET (window), where, clashes);
      }

  /* The menus were there to be checked. */
  g_assert_cmpuint (n_menus, >, 10);
}

static void
test_window (SonaeTestWindow *f,
             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_demo_fill (f->store, &error));
  g_assert_no_error (error);
  /* An incident in progress (the demo's is closed), and two texts of the
   * manual that an update changed under the clinic's edit. */
  sonae_test_add_incident (f->store, "受付の PC が動かない", NULL, 2, FALSE, AUTHOR);
  g_assert_true (sonae_manual_edits_edit_item (f->store, "tamper-2-first-aid", "ベンダーと原因を調べる", NULL,
                                               "An older English text.", AUTHOR, &error));
  g_assert_true (sonae_manual_edits_edit_item (f->store, "tamper-1-first-aid", "ベンダーと原因を調べる", NULL,
                                               "An older English text.", AUTHOR, &error));
  g_assert_no_error (error);
  in_both_languages (f, check_window);
}

/* An incident in an organisation that has named nobody yet: the Now tab
 * shows a card for every role without a holder, each with its button. */
static void
check_unassigned_roles (SonaeTestWindow *f,
                        const char      *language,
                        GString         *clashes)
{
  SonaeWindow *window = open_window (f);
  g_autofree char *where = g_strdup_printf ("%s, Now tab with no role holder", language);
  GtkWidget *view;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  sonae_window_set_section (window, "incidents");
  settle (window);
  view = incident_view (window);
  sonae_incident_view_show_tab (SONAE_INCIDENT_VIEW (view), "now");
  settle (window);
  sonae_test_collect_widgets (view, sonae_test_is_named, "assign-role", cards);
  g_assert_cmpuint (cards->len, >=, 2);
  check_shown (GTK_WIDGET (window), where, clashes);
}

static void
test_unassigned_roles (SonaeTestWindow *f,
                       gconstpointer    data)
{
  sonae_test_add_incident (f->store, "受付の PC が動かない", NULL, 2, FALSE, AUTHOR);
  in_both_languages (f, check_unassigned_roles);
}

/* The dialogs with a “Choose…” button (a person, a vendor) beside their
 * Cancel: a BCP system, a prevention measure, a corrective action. */
static void
check_dialog (GtkWidget  *dialog,
              const char *where,
              GString    *clashes)
{
  g_assert_nonnull (dialog);
  sonae_test_spin_for (50);
  check_shown (dialog, where, clashes);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sonae_test_spin_for (20);
}

static void
check_dialogs (SonaeTestWindow *f,
               const char      *language,
               GString         *clashes)
{
  SonaeWindow *window = open_window (f);
  GtkWidget *bcp;
  g_autofree char *system = g_strdup_printf ("%s, BCP system dialog", language);
  g_autofree char *measure = g_strdup_printf ("%s, prevention measure dialog", language);
  g_autofree char *action = g_strdup_printf ("%s, corrective action dialog", language);

  sonae_window_set_section (window, "bcp");
  settle (window);
  bcp = sonae_window_get_page (window, "bcp");
  g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (bcp), "systems"));
  g_assert_true (gtk_widget_activate_action (bcp, "bcp.add-system", NULL));
  check_dialog (sonae_test_find_dialog_of_type (SONAE_TYPE_BCP_SYSTEM_DIALOG), system, clashes);

  g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (bcp), "plans"));
  settle (window);
  sonae_test_click (bcp, "add-measure-button");
  check_dialog (sonae_test_find_dialog ("bcp-measure-dialog"), measure, clashes);

  sonae_window_set_section (window, "incidents");
  settle (window);
  sonae_incident_view_show_tab (SONAE_INCIDENT_VIEW (incident_view (window)), "report");
  settle (window);
  g_assert_true (gtk_widget_activate_action (sonae_test_of_type (GTK_WIDGET (window), SONAE_TYPE_REPORT_FORM_VIEW),
                                             "report.add-action", "i", SONAE_CAPA_CORRECTIVE));
  check_dialog (sonae_test_find_dialog_of_type (SONAE_TYPE_CAPA_DIALOG), action, clashes);
}

static void
test_dialogs (SonaeTestWindow *f,
              gconstpointer    data)
{
  sonae_test_add_incident (f->store, "受付の PC が動かない", NULL, 2, FALSE, AUTHOR);
  in_both_languages (f, check_dialogs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/mnemonics/" name, SonaeTestWindow, NULL, sonae_test_window_set_up, func, \
              sonae_test_window_tear_down)
  ADD ("window", test_window);
  ADD ("unassigned-roles", test_unassigned_roles);
  ADD ("dialogs", test_dialogs);
#undef ADD

  return g_test_run ();
}
