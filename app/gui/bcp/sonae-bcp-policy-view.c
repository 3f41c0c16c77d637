/* sonae-bcp-policy-view.c: step 1 of the plan: the basic policy and its
 * place in the clinic's business plan (two texts saved about a second
 * after the last key), and who decides: the roles that declare an
 * emergency and the return to normal, with the people holding them. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-autosave.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-roles-dialog.h"

typedef struct
{
  SonaeBcpPolicyView *view;
  SonaeBcpText text;
  GtkTextBuffer *buffer;     /* borrowed from view */
  GtkWidget *text_view;      /* borrowed, in its group */
  AdwPreferencesGroup *group;  /* borrowed: its description is the hint */
  SonaeAutosave autosave;
  gboolean dirty;
} TextField;

struct _SonaeBcpPolicyView
{
  SonaeBcpWorksheet parent_instance;

  /* template widgets */
  AdwPreferencesGroup *intro_group;
  AdwPreferencesGroup *policy_group;
  AdwPreferencesGroup *alignment_group;
  AdwPreferencesGroup *deciders_group;

  AdwComboRow *decider_rows[SONAE_BCP_N_DECISIONS];
  TextField texts[2];        /* policy, alignment */
  gboolean updating;         /* filling widgets: not a user's edit */
};

G_DEFINE_FINAL_TYPE (SonaeBcpPolicyView, sonae_bcp_policy_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeBcpPolicyView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

/* --- texts, saved as typed --------------------------------------------------- */

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
text_field_save (TextField *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = buffer_text (f->buffer);

  sonae_autosave_cancel (&f->autosave);
  if (!f->dirty)
    return TRUE;
  if (!sonae_bcp_set_text (get_store (f->view), f->text, value, &error))
    {
      sonae_show_error (GTK_WIDGET (f->view), _("Could not save the text"), error);
      return FALSE;
    }
  f->dirty = FALSE;
  return TRUE;
}

static void
text_save_timeout_cb (gpointer data)
{
  text_field_save (data);
}

static void
text_changed_cb (GtkTextBuffer *buffer,
                 TextField     *f)
{
  if (f->view->updating)
    return;
  f->dirty = TRUE;
  sonae_autosave_schedule (&f->autosave);
}

static void
text_focus_leave_cb (GtkEventControllerFocus *controller,
                     TextField               *f)
{
  text_field_save (f);
}

static void
text_field_init (TextField           *f,
                 SonaeBcpPolicyView  *self,
                 AdwPreferencesGroup *group,
                 SonaeBcpText         text,
                 const char          *name)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  sonae_autosave_init (&f->autosave, SONAE_AUTOSAVE_DELAY_MS, text_save_timeout_cb, f);
  f->view = self;
  f->text = text;
  adw_preferences_group_set_title (group, sonae_bcp_text_get_title (text));
  f->group = group;

  f->text_view = gtk_text_view_new ();
  gtk_widget_set_name (f->text_view, name);
  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->text_view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (f->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (f->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (f->text_view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (f->text_view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (f->text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (f->text_view), 12);
  gtk_widget_set_size_request (f->text_view, -1, 96);
  gtk_widget_add_css_class (f->text_view, "bcp-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sonae_bcp_text_get_title (text),
                                  -1);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (card), f->text_view);
  adw_preferences_group_add (group, card);

  g_signal_connect (f->buffer, "changed", G_CALLBACK (text_changed_cb), f);
  g_signal_connect (focus, "leave", G_CALLBACK (text_focus_leave_cb), f);
  gtk_widget_add_controller (f->text_view, focus);
}

static void
text_field_load (TextField *f)
{
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  /* Never replace what someone is typing. */
  if (f->dirty)
    return;
  stored = sonae_bcp_get_text (get_store (f->view), f->text, NULL);
  shown = buffer_text (f->buffer);
  if (g_strcmp0 (stored ? stored : "", shown) == 0)
    return;
  f->view->updating = TRUE;
  gtk_text_buffer_set_text (f->buffer, stored ? stored : "", -1);
  f->view->updating = FALSE;
}

/* --- who decides ------------------------------------------------------------- */

static char *
holders_line (SonaeBcpPolicyView *self,
              const char         *role_key)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (get_store (self), role_key, NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  if (holders == NULL || holders->len == 0)
    return g_strdup (_("Nobody holds this role yet: choose someone with Roles…"));
  for (guint i = 0; i < holders->len; i++)
    {
      if (i > 0)
        g_string_append (line, _(", "));
      g_string_append (line, sonae_contact_get_display_name (g_ptr_array_index (holders, i)));
    }
  if (holders->len == 1)
    return g_string_free (g_steal_pointer (&line), FALSE);
  /* Translators: %s is the people holding a role, the first one first */
  return g_strdup_printf (_("%s (in the order to call)"), line->str);
}

static void
deciders_load (SonaeBcpPolicyView *self)
{
  guint n_roles = 0;
  const SonaeRoleInfo *roles = sonae_roles_get_for (sonae_store_is_care (get_store (self)), &n_roles);

  self->updating = TRUE;
  for (guint d = 0; d < SONAE_BCP_N_DECISIONS; d++)
    {
      g_autofree char *key = sonae_bcp_get_decider (get_store (self), d);
      g_autofree char *line = NULL;

      for (guint i = 0; i < n_roles; i++)
        if (g_strcmp0 (roles[i].key, key) == 0)
          adw_combo_row_set_selected (self->decider_rows[d], i);
      line = holders_line (self, key);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decider_rows[d]), line);
    }
  self->updating = FALSE;
}

static void
decider_changed_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    SonaeBcpPolicyView *self)
{
  g_autoptr(GError) error = NULL;
  guint n_roles = 0;
  const SonaeRoleInfo *roles = sonae_roles_get_for (sonae_store_is_care (get_store (self)), &n_roles);
  guint selected = adw_combo_row_get_selected (row);
  SonaeBcpDecision decision = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sonae-decision"));

  if (self->updating || selected >= n_roles)
    return;
  if (!sonae_bcp_set_decider (get_store (self), decision, roles[selected].key, &error))
    sonae_show_error (GTK_WIDGET (self), _("Could not save who decides"), error);
  deciders_load (self);
}

/* The roles offered are the organisation's (sonae_roles_get_for): made
 * once the store is there. */
static void
build_deciders (SonaeBcpPolicyView *self)
{
  guint n_roles = 0;
  const SonaeRoleInfo *roles = sonae_roles_get_for (sonae_store_is_care (get_store (self)), &n_roles);
  static const char *const names[] = { "declare-decider", "return-decider" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == SONAE_BCP_N_DECISIONS);

  for (guint d = 0; d < SONAE_BCP_N_DECISIONS; d++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();

      for (guint i = 0; i < n_roles; i++)
        gtk_string_list_append (model, sonae_role_get_name (roles[i].key));
      gtk_widget_set_name (row, names[d]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_bcp_decision_get_title (d));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      sonae_accessible_name_choices (row);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (row), "sonae-decision", GUINT_TO_POINTER (d));
      g_signal_connect (row, "notify::selected", G_CALLBACK (decider_changed_cb), self);
      adw_preferences_group_add (self->deciders_group, row);
      self->decider_rows[d] = ADW_COMBO_ROW (row);
    }
}

static void
edit_roles_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeBcpPolicyView *self = SONAE_BCP_POLICY_VIEW (widget);
  g_autofree char *key = sonae_bcp_get_decider (get_store (self), SONAE_BCP_DECIDE_DECLARE);
  GtkWidget *dialog = sonae_roles_dialog_new (sonae_bcp_worksheet_get_window (SONAE_BCP_WORKSHEET (self)),
                                              get_store (self));

  gtk_window_present (GTK_WINDOW (dialog));
  sonae_roles_dialog_show_role (SONAE_ROLES_DIALOG (dialog), key);
}

/* --- GObject ----------------------------------------------------------------- */

static void
sonae_bcp_policy_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpPolicyView *self = SONAE_BCP_POLICY_VIEW (worksheet);
  SonaeOrgKind kind = sonae_store_get_org_kind (get_store (self));

  /* In the organisation's words. */
  adw_preferences_group_set_title (self->intro_group,
                                   sonae_org_kind_is_medical (kind) ? _("Keeping Care Going When IT Fails")
                                                                   : _("Keeping the Work Going When IT Fails"));
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    {
      adw_preferences_group_set_description (self->texts[i].group, sonae_bcp_text_get_hint (self->texts[i].text, kind));
      text_field_load (&self->texts[i]);
    }
  deciders_load (self);
}

static void
sonae_bcp_policy_view_save_now (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpPolicyView *self = SONAE_BCP_POLICY_VIEW (worksheet);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    text_field_save (&self->texts[i]);
}

static void
sonae_bcp_policy_view_dispose (GObject *object)
{
  SonaeBcpPolicyView *self = SONAE_BCP_POLICY_VIEW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    sonae_autosave_cancel (&self->texts[i].autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_BCP_POLICY_VIEW);
  G_OBJECT_CLASS (sonae_bcp_policy_view_parent_class)->dispose (object);
}

static void
sonae_bcp_policy_view_build (SonaeBcpWorksheet *worksheet)
{
  build_deciders (SONAE_BCP_POLICY_VIEW (worksheet));
}

static void
sonae_bcp_policy_view_class_init (SonaeBcpPolicyViewClass *klass)
{
  /* The people holding the roles, and their names. */
  static const char *const follows[] = { SONAE_CHANGED_ROLES, SONAE_CHANGED_CONTACTS, NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->dispose = sonae_bcp_policy_view_dispose;
  worksheet_class->follows = follows;
  worksheet_class->build = sonae_bcp_policy_view_build;
  worksheet_class->reload = sonae_bcp_policy_view_reload;
  worksheet_class->save_now = sonae_bcp_policy_view_save_now;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-bcp-policy-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPolicyView, intro_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPolicyView, policy_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPolicyView, alignment_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeBcpPolicyView, deciders_group);

  gtk_widget_class_install_action (widget_class, "bcp.edit-roles", NULL, edit_roles_action);

  gtk_widget_class_set_css_name (widget_class, "bcp-policy-view");
}

static void
sonae_bcp_policy_view_init (SonaeBcpPolicyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  text_field_init (&self->texts[0], self, self->policy_group, SONAE_BCP_TEXT_POLICY, "policy-text");
  text_field_init (&self->texts[1], self, self->alignment_group, SONAE_BCP_TEXT_ALIGNMENT, "alignment-text");
}

GtkWidget *
sonae_bcp_policy_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_POLICY_VIEW, "store", store, NULL);
}
