/* sonae-report-form-capa.c: the actions of the report form (CAPA).
 *
 * A group a kind of action (handling of the result, corrective,
 * preventive) with an Add button, and in it a row an action of the
 * incident: its owner, due date and status, and what can be done to it
 * next. The buttons and menus name the form view's "report.*" actions,
 * which come here to open a SonaeCapaDialog or reopen the action. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-report-form-capa-private.h"
#include "sonae-capa-dialog.h"
#include "sonae-clock.h"
#include "sonae-gui-util.h"

void
sonae_report_form_capa_init (SonaeReportFormCapa *capa,
                             GtkWidget           *view)
{
  capa->view = view;
  for (guint i = 0; i < SONAE_N_CAPA_KINDS; i++)
    capa->rows[i] = g_ptr_array_new ();
}

void
sonae_report_form_capa_clear (SonaeReportFormCapa *capa)
{
  for (guint i = 0; i < SONAE_N_CAPA_KINDS; i++)
    g_clear_pointer (&capa->rows[i], g_ptr_array_unref);
  g_clear_pointer (&capa->actions, g_ptr_array_unref);
}

/* --- the rows --------------------------------------------------------------- */

static GtkWidget *
status_pill (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "report-status");
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static gboolean
action_is_overdue (const SonaeCapa *action)
{
  return action->status == SONAE_CAPA_OPEN && action->due_on != NULL &&
         sonae_date_is_valid (action->due_on) && sonae_clock_days_since (action->due_on) > 0;
}

static char *
action_subtitle (const SonaeCapa *action)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, action->owner_name != NULL
                   /* Translators: who sees to an action */
                   ? g_strdup_printf (_("Owner: %s"), action->owner_name)
                   : g_strdup (_("No owner yet")));
  if (action->due_on != NULL)
    /* Translators: %s is a date */
    g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), action->due_on));
  else
    g_ptr_array_add (parts, g_strdup (_("No due date")));

  if (action->status == SONAE_CAPA_DONE)
    {
      /* Translators: a date, and who confirmed it (担当) */
      g_ptr_array_add (parts, g_strdup_printf (_("Done on %s, confirmed by %s"),
                                               action->confirmed_on ? action->confirmed_on : "—",
                                               action->confirmed_by ? action->confirmed_by : "—"));
      if (action->approved_by != NULL)
        /* Translators: who approved it (承認), and a date */
        g_ptr_array_add (parts, g_strdup_printf (_("approved by %s on %s"), action->approved_by,
                                                 action->approved_on ? action->approved_on : "—"));
      else
        g_ptr_array_add (parts, g_strdup (_("awaiting approval")));
    }
  else if (action->status == SONAE_CAPA_DROPPED)
    /* Translators: %s is why an action was closed without being done */
    g_ptr_array_add (parts, g_strdup_printf (_("Closed without doing: %s"),
                                             action->reason ? action->reason : "—"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
menu_add (GMenu      *menu,
          const char *label,
          const char *action_name,
          gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action_name, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

static GtkWidget *
action_button (const char *label,
               const char *action_name,
               gint64      id)
{
  /* One per row: no mnemonic. */
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

static GtkWidget *
action_row (const SonaeCapa *action)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = action_subtitle (action);
  g_autofree char *name = g_strdup_printf ("action-%" G_GINT64_FORMAT, action->id);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *more = gtk_menu_button_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (action_is_overdue (action))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_pill (_("Overdue"), "overdue"));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               status_pill (sonae_capa_status_get_title (action->status),
                                            sonae_capa_status_to_string (action->status)));

  menu_add (menu, _("_Edit…"), "report.edit-action", action->id);
  switch (action->status)
    {
    case SONAE_CAPA_OPEN:
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button (_("Mark Done…"), "report.complete-action", action->id));
      menu_add (menu, _("_Close Without Doing…"), "report.drop-action", action->id);
      break;
    case SONAE_CAPA_DONE:
      if (action->approved_by == NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   action_button (_("Approve…"), "report.approve-action", action->id));
      else
        menu_add (menu, _("Change _Approval…"), "report.approve-action", action->id);
      menu_add (menu, _("_Reopen"), "report.reopen-action", action->id);
      break;
    case SONAE_CAPA_DROPPED:
      menu_add (menu, _("_Reopen"), "report.reopen-action", action->id);
      break;
    default:
      break;
    }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"), -1);
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
  return row;
}

void
sonae_report_form_capa_show (SonaeReportFormCapa *capa)
{
  for (guint kind = 0; kind < SONAE_N_CAPA_KINDS; kind++)
    {
      GPtrArray *rows = capa->rows[kind];
      guint shown = 0;

      for (guint i = 0; i < rows->len; i++)
        adw_preferences_group_remove (capa->groups[kind], g_ptr_array_index (rows, i));
      g_ptr_array_set_size (rows, 0);

      for (guint i = 0; capa->actions != NULL && i < capa->actions->len; i++)
        {
          SonaeCapa *action = g_ptr_array_index (capa->actions, i);
          GtkWidget *row;

          if (action->kind != kind)
            continue;
          row = action_row (action);
          adw_preferences_group_add (capa->groups[kind], row);
          g_ptr_array_add (rows, row);
          shown++;
        }
      if (shown == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None yet"));
          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (capa->groups[kind], row);
          g_ptr_array_add (rows, row);
        }
    }
}

/* --- the groups ------------------------------------------------------------- */

static GtkWidget *
add_button (SonaeCapaKind kind)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *name = g_strdup_printf ("add-%s", sonae_capa_kind_to_string (kind));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  /* Three of them on one page: no mnemonic. */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add"));
  gtk_widget_set_tooltip_text (button, _("Add an Action"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "report.add-action");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (kind));
  return button;
}

void
sonae_report_form_capa_set_group (SonaeReportFormCapa *capa,
                                  SonaeCapaKind        kind,
                                  AdwPreferencesGroup *group)
{
  static const char *descriptions[SONAE_N_CAPA_KINDS] = {
    N_("What was done about the result of the incident, and who confirmed it."),
    N_("What is changed so that it does not happen again: an owner, a due date, and who confirmed and approved it."),
    N_("What is done so that similar incidents do not happen elsewhere."),
  };

  adw_preferences_group_set_description (group, _(descriptions[kind]));
  adw_preferences_group_set_header_suffix (group, add_button (kind));
  capa->groups[kind] = group;
}

/* --- what the buttons do ---------------------------------------------------- */

static GtkWindow *
parent_window (SonaeReportFormCapa *capa)
{
  GtkRoot *root = gtk_widget_get_root (capa->view);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const SonaeCapa *
find_action (SonaeReportFormCapa *capa,
             gint64               id)
{
  for (guint i = 0; capa->actions != NULL && i < capa->actions->len; i++)
    {
      const SonaeCapa *action = g_ptr_array_index (capa->actions, i);

      if (action->id == id)
        return action;
    }
  return NULL;
}

void
sonae_report_form_capa_add (SonaeReportFormCapa *capa,
                            SonaeStore          *store,
                            gint64               incident_id,
                            int                  kind)
{
  GtkWidget *dialog;

  if (incident_id == 0 || kind < 0 || kind >= SONAE_N_CAPA_KINDS)
    return;
  dialog = sonae_capa_dialog_new_add (parent_window (capa), store, incident_id,
                                      (SonaeCapaKind) kind);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sonae_report_form_capa_open (SonaeReportFormCapa *capa,
                             SonaeStore          *store,
                             const char          *action_name,
                             gint64               id)
{
  const SonaeCapa *action = find_action (capa, id);
  SonaeCapaDialogMode mode;
  GtkWidget *dialog;

  if (action == NULL)
    return;
  if (g_str_equal (action_name, "report.complete-action"))
    mode = SONAE_CAPA_DIALOG_COMPLETE;
  else if (g_str_equal (action_name, "report.approve-action"))
    mode = SONAE_CAPA_DIALOG_APPROVE;
  else if (g_str_equal (action_name, "report.drop-action"))
    mode = SONAE_CAPA_DIALOG_DROP;
  else
    mode = SONAE_CAPA_DIALOG_EDIT;
  dialog = sonae_capa_dialog_new (parent_window (capa), store, mode, action);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sonae_report_form_capa_reopen (SonaeReportFormCapa *capa,
                               SonaeStore          *store,
                               gint64               id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();

  if (!sonae_capa_reopen (store, id, author, &error))
    sonae_show_error (capa->view, _("Could not reopen the action"), error);
}
