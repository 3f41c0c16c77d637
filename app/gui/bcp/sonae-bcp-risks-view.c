/* sonae-bcp-risks-view.c: the risk register, after seed 003's process:
 * identify, analyse (likelihood × impact), evaluate (the level), treat,
 * accept what remains; then monitor and review on a date.
 *
 * Rows in the store's order (highest level first); a small dialog adds or
 * edits one risk and shows its level as the choices change. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-bcp-dialog.h"
#include "sonae-bcp-views.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"

struct _SonaeBcpRisksView
{
  SonaeBcpWorksheet parent_instance;

  AdwPreferencesGroup *risks_group;
  GPtrArray *rows;                 /* borrowed rows in risks_group */
  GPtrArray *risks;                /* of SonaeBcpRisk, as shown */
};

G_DEFINE_FINAL_TYPE (SonaeBcpRisksView, sonae_bcp_risks_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeBcpRisksView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

static const char *
level_class (SonaeRiskLevel level)
{
  switch (level)
    {
    case SONAE_RISK_HIGH: return "high";
    case SONAE_RISK_MEDIUM: return "medium";
    case SONAE_RISK_LOW:
    default: return "low";
    }
}

/* --- the risk dialog --------------------------------------------------------- */

typedef struct
{
  SonaeStore *store;
  SonaeBcpRisk *risk;
  GtkWidget *risk_row;
  GtkWidget *likelihood_row;
  GtkWidget *impact_row;
  GtkWidget *level_label;
  GtkWidget *treatment_row;
  GtkWidget *how_row;
  GtkWidget *owner_row;
  GtkWidget *accepted_by_row;
  GtkWidget *accepted_on_row;
  GtkWidget *review_row;
} RiskDialog;

static void
risk_dialog_free (gpointer p)
{
  RiskDialog *d = p;

  g_clear_object (&d->store);
  g_clear_pointer (&d->risk, sonae_bcp_risk_free);
  g_free (d);
}

static void
show_level (RiskDialog *d)
{
  int likelihood = adw_combo_row_get_selected (ADW_COMBO_ROW (d->likelihood_row)) + 1;
  int impact = adw_combo_row_get_selected (ADW_COMBO_ROW (d->impact_row)) + 1;
  SonaeRiskLevel level = sonae_risk_level (likelihood, impact);
  GtkWidget *label = d->level_label;

  gtk_label_set_text (GTK_LABEL (label), sonae_risk_level_get_title (level));
  gtk_widget_remove_css_class (label, "high");
  gtk_widget_remove_css_class (label, "medium");
  gtk_widget_remove_css_class (label, "low");
  gtk_widget_add_css_class (label, level_class (level));
}

static void
choice_changed_cb (GObject    *row,
                   GParamSpec *pspec,
                   RiskDialog *d)
{
  show_level (d);
}

static gboolean
risk_dialog_save (GtkWindow  *dialog,
                  gpointer    data,
                  GError    **error)
{
  RiskDialog *d = data;
  g_autoptr(SonaeBcpRisk) r = sonae_bcp_risk_new ();

  r->id = d->risk->id;
  r->risk = sonae_bcp_editable_text (GTK_EDITABLE (d->risk_row));
  r->likelihood = adw_combo_row_get_selected (ADW_COMBO_ROW (d->likelihood_row)) + 1;
  r->impact = adw_combo_row_get_selected (ADW_COMBO_ROW (d->impact_row)) + 1;
  r->treatment = adw_combo_row_get_selected (ADW_COMBO_ROW (d->treatment_row));
  r->treatment_text = sonae_bcp_editable_text (GTK_EDITABLE (d->how_row));
  r->owner_id = sonae_bcp_owner_row_get_id (d->owner_row);
  r->accepted_by = sonae_bcp_editable_text (GTK_EDITABLE (d->accepted_by_row));
  r->accepted_on = sonae_bcp_editable_text (GTK_EDITABLE (d->accepted_on_row));
  r->next_review_on = sonae_bcp_editable_text (GTK_EDITABLE (d->review_row));
  if (r->risk == NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           _("Write what could happen and why."));
      return FALSE;
    }
  if (r->accepted_on != NULL && !sonae_date_check (r->accepted_on, error))
    return FALSE;
  if (r->next_review_on != NULL && !sonae_date_check (r->next_review_on, error))
    return FALSE;
  return sonae_bcp_save_risk (d->store, r, error);
}

static GtkWidget *
combo_row (const char  *title,
           const char  *name,
           const char **items,
           guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  sonae_accessible_name_choices (row);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static SonaeBcpRisk *
risk_copy (const SonaeBcpRisk *r)
{
  SonaeBcpRisk *c = sonae_bcp_risk_new ();

  c->id = r->id;
  c->risk = g_strdup (r->risk);
  c->likelihood = r->likelihood;
  c->impact = r->impact;
  c->treatment = r->treatment;
  c->treatment_text = g_strdup (r->treatment_text);
  c->owner_id = r->owner_id;
  c->owner_name = g_strdup (r->owner_name);
  c->accepted_by = g_strdup (r->accepted_by);
  c->accepted_on = g_strdup (r->accepted_on);
  c->next_review_on = g_strdup (r->next_review_on);
  return c;
}

static void
open_risk_dialog (SonaeBcpRisksView  *self,
                  const SonaeBcpRisk *risk)
{
  RiskDialog *d = g_new0 (RiskDialog, 1);
  GtkWidget *identify = adw_preferences_group_new ();
  GtkWidget *analyse = adw_preferences_group_new ();
  GtkWidget *treat = adw_preferences_group_new ();
  GtkWidget *accept = adw_preferences_group_new ();
  const char *likelihoods[4], *impacts[4], *treatments[SONAE_N_RISK_TREATMENTS + 1];
  GtkWidget *level_row = adw_action_row_new ();
  GtkWindow *dialog;
  GtkBox *box;

  for (int i = 0; i < 3; i++)
    {
      likelihoods[i] = sonae_risk_likelihood_get_title (i + 1);
      impacts[i] = sonae_risk_impact_get_title (i + 1);
    }
  likelihoods[3] = impacts[3] = NULL;
  for (int i = 0; i < SONAE_N_RISK_TREATMENTS; i++)
    treatments[i] = sonae_risk_treatment_get_title (i);
  treatments[SONAE_N_RISK_TREATMENTS] = NULL;

  d->store = g_object_ref (get_store (self));
  d->risk = risk != NULL ? risk_copy (risk) : sonae_bcp_risk_new ();
  dialog = sonae_bcp_dialog_new (GTK_WIDGET (self), "bcp-risk-dialog",
                                 d->risk->id == 0 ? _("Add Risk") : _("Edit Risk"),
                                 d->risk->id == 0 ? _("_Add") : _("_Save"),
                                 risk_dialog_save, d, risk_dialog_free);
  box = sonae_bcp_dialog_get_box (dialog);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (identify), _("Identify"));
  d->risk_row = sonae_bcp_entry_row_new (_("What could happen, and why"), "risk-text-row", d->risk->risk);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (identify), d->risk_row);
  gtk_box_append (box, identify);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (analyse), _("Analyse and Evaluate"));
  d->likelihood_row = combo_row (_("Likelihood"), "likelihood-row", likelihoods,
                                 CLAMP (d->risk->likelihood, 1, 3) - 1);
  d->impact_row = combo_row (_("Impact"), "impact-row", impacts, CLAMP (d->risk->impact, 1, 3) - 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (analyse), d->likelihood_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (analyse), d->impact_row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (level_row), _("Level"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (level_row), _("Likelihood × impact"));
  d->level_label = gtk_label_new (NULL);
  gtk_widget_set_name (d->level_label, "level-label");
  gtk_widget_add_css_class (d->level_label, "bcp-pill");
  gtk_widget_set_valign (d->level_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (level_row), d->level_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (analyse), level_row);
  g_signal_connect (d->likelihood_row, "notify::selected", G_CALLBACK (choice_changed_cb), d);
  g_signal_connect (d->impact_row, "notify::selected", G_CALLBACK (choice_changed_cb), d);
  gtk_box_append (box, analyse);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (treat), _("Treat"));
  d->treatment_row = combo_row (_("Treatment"), "treatment-row", treatments,
                                MIN (d->risk->treatment, SONAE_N_RISK_TREATMENTS - 1));
  d->how_row = sonae_bcp_entry_row_new (_("How"), "how-row", d->risk->treatment_text);
  d->owner_row = sonae_bcp_owner_row_new (get_store (self), _("Owner"), NULL, NULL);
  gtk_widget_set_name (d->owner_row, "owner-row");
  sonae_bcp_owner_row_set (d->owner_row, d->risk->owner_id, d->risk->owner_name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (treat), d->treatment_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (treat), d->how_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (treat), d->owner_row);
  gtk_box_append (box, treat);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (accept), _("Accept and Review"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (accept),
                                         _("Who accepted the risk that remains after treatment, and when it is looked at again."));
  d->accepted_by_row = sonae_bcp_entry_row_new (_("Accepted by"), "accepted-by-row", d->risk->accepted_by);
  d->accepted_on_row = sonae_bcp_entry_row_new (_("Accepted on (YYYY-MM-DD)"), "accepted-on-row", d->risk->accepted_on);
  sonae_bcp_add_calendar (ADW_ENTRY_ROW (d->accepted_on_row));
  d->review_row = sonae_bcp_entry_row_new (_("Next review (YYYY-MM-DD)"), "next-review-row", d->risk->next_review_on);
  sonae_bcp_add_calendar (ADW_ENTRY_ROW (d->review_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (accept), d->accepted_by_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (accept), d->accepted_on_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (accept), d->review_row);
  gtk_box_append (box, accept);

  show_level (d);
  gtk_window_set_default_size (dialog, 560, 720);
  gtk_window_present (dialog);
}

/* --- rows -------------------------------------------------------------------- */

static void
delete_clicked_cb (GtkButton         *button,
                   SonaeBcpRisksView *self)
{
  SonaeBcpRisk *r = g_object_get_data (G_OBJECT (button), "sonae-bcp-risk");

  sonae_bcp_worksheet_confirm_delete (SONAE_BCP_WORKSHEET (self), _("Delete Risk?"), r->risk,
                                      sonae_bcp_delete_risk, r->id, _("Could not delete the risk"));
}

static void
row_activated_cb (AdwActionRow      *row,
                  SonaeBcpRisksView *self)
{
  open_risk_dialog (self, g_object_get_data (G_OBJECT (row), "sonae-bcp-risk"));
}

static GtkWidget *
risk_row_new (SonaeBcpRisksView *self,
              SonaeBcpRisk      *r)
{
  GtkWidget *row = adw_action_row_new ();
  SonaeRiskLevel level = sonae_risk_level (r->likelihood, r->impact);
  GtkWidget *pill = sonae_bcp_pill_new (sonae_risk_level_get_title (level), level_class (level));
  GtkWidget *delete = sonae_bcp_delete_button_new (_("Delete Risk"));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("risk-%" G_GINT64_FORMAT, r->id);

  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "sonae-bcp-risk", r);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->risk);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  if (r->treatment_text != NULL && *r->treatment_text != '\0')
    /* Translators: a risk's treatment, then what is done about it */
    g_string_append_printf (subtitle, _("%s: %s"), sonae_risk_treatment_get_title (r->treatment), r->treatment_text);
  else
    g_string_append (subtitle, sonae_risk_treatment_get_title (r->treatment));
  if (r->owner_id != 0 && r->owner_name != NULL)
    g_string_append_printf (subtitle, " · %s", r->owner_name);
  if (r->accepted_by != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: who accepted the remaining risk, and when */
      g_string_append_printf (subtitle, _("accepted by %s on %s"), r->accepted_by,
                              r->accepted_on != NULL ? r->accepted_on : "—");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (r->next_review_on != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Review %s"), r->next_review_on);

      sonae_bcp_row_add_date (ADW_ACTION_ROW (row), "review-label", text,
                              sonae_bcp_date_is_past (r->next_review_on), _("Review overdue"));
    }

  gtk_widget_set_name (pill, "level-pill");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  g_object_set_data (G_OBJECT (delete), "sonae-bcp-risk", r);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static void
sonae_bcp_risks_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeBcpRisksView *self = SONAE_BCP_RISKS_VIEW (worksheet);
  g_autoptr(GError) error = NULL;
  GPtrArray *risks = sonae_bcp_list_risks (get_store (self), &error);

  if (risks == NULL)
    {
      g_message ("Could not read the risks: %s", error->message);
      return;
    }
  sonae_bcp_rows_clear (self->risks_group, self->rows);
  g_clear_pointer (&self->risks, g_ptr_array_unref);
  self->risks = risks;

  if (risks->len == 0)
    sonae_bcp_rows_add (self->risks_group, self->rows,
                        sonae_bcp_empty_row_new ("no-risks-row", _("No risks yet"),
                                                 sonae_org_kind_is_medical (sonae_store_get_org_kind (get_store (self)))
                                                 ? _("Start with what would stop the clinic's work: the crisis events of step 2 are a good list.")
                                                 : _("Start with what would stop the company's work: the crisis events of step 2 are a good list.")));
  for (guint i = 0; i < risks->len; i++)
    sonae_bcp_rows_add (self->risks_group, self->rows, risk_row_new (self, g_ptr_array_index (risks, i)));
}

static void
add_clicked_cb (SonaeBcpRisksView *self)
{
  open_risk_dialog (self, NULL);
}

static void
build (SonaeBcpRisksView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = sonae_bcp_header_button_new (_("_Add Risk"), "add-risk-button");

  gtk_widget_set_name (group, "risks-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Risk Register"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Start from what the organisation does and depends on. Identify what could go wrong, "
                                           "analyse how likely and how harmful it is, evaluate its level, decide how to treat it and "
                                           "who accepts what remains — then review it on the date set. Talk it over with the people "
                                           "concerned at every step, and tell them what was decided."));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->risks_group = ADW_PREFERENCES_GROUP (group);
  gtk_box_append (GTK_BOX (box), group);

  sonae_bcp_worksheet_set_content (SONAE_BCP_WORKSHEET (self), sonae_bcp_clamp_new (box));
}

/* --- GObject ----------------------------------------------------------------- */

/* After the rows (gone with the content), which point to the risks. */
static void
sonae_bcp_risks_view_finalize (GObject *object)
{
  SonaeBcpRisksView *self = SONAE_BCP_RISKS_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->risks, g_ptr_array_unref);
  G_OBJECT_CLASS (sonae_bcp_risks_view_parent_class)->finalize (object);
}

static void
sonae_bcp_risks_view_class_init (SonaeBcpRisksViewClass *klass)
{
  static const char *const follows[] = { SONAE_CHANGED_CONTACTS, NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->finalize = sonae_bcp_risks_view_finalize;
  worksheet_class->follows = follows;
  worksheet_class->reload = sonae_bcp_risks_view_reload;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "bcp-risks-view");
}

static void
sonae_bcp_risks_view_init (SonaeBcpRisksView *self)
{
  self->rows = g_ptr_array_new ();
  build (self);
}

GtkWidget *
sonae_bcp_risks_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_BCP_RISKS_VIEW, "store", store, NULL);
}
