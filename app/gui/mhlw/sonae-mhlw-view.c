/* sonae-mhlw-view.c: the MHLW checklist worksheet (sonae-mhlw-view.h).
 *
 * A group a part of the form, a row an item: its number, its text, a
 * linked はい / いいえ pair, and under it the day it was checked, for a いいえ
 * the target day and who sees to it, a note, and a button that takes a
 * person's answer back. Sonae's own answers show as the pair set and a
 * subtitle saying what was read; choosing the other answer overrules it.
 * Then a row a vendor of the roster, with its list and MDS/SDS. Answers
 * and switches are stored at once, dates and notes a moment after the last
 * key (and when the worksheet is left). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-autosave.h"
#include "sonae-bcp-dialog.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-mhlw-view.h"
#include "sonae-mhlw.h"
#include "sonae-print-operation.h"
#include "sonae-role.h"
#include "sonae-roles-dialog.h"

typedef struct _SonaeMhlwView SonaeMhlwView;

typedef struct
{
  SonaeMhlwView *view;
  char *key;
  AdwExpanderRow *row;
  GtkToggleButton *yes;
  GtkToggleButton *no;
  AdwEntryRow *checked_row;
  AdwEntryRow *target_row;
  GtkWidget *owner_row;
  AdwEntryRow *note_row;
  GtkWidget *take_back_row;
  GtkWidget *take_back;
  SonaeAutosave autosave;        /* the dates */
  SonaeAutosave note_autosave;
  gboolean dirty;
  gboolean note_dirty;
} Item;

typedef struct
{
  SonaeMhlwView *view;
  gint64 contact_id;
  char *name;
  AdwExpanderRow *row;
  GtkSwitch *concerned;
  AdwEntryRow *sent_row;
  AdwEntryRow *returned_row;
  AdwComboRow *all_yes_row;
  AdwEntryRow *answers_row;
  AdwEntryRow *mds_row;
  SonaeAutosave autosave;
  gboolean dirty;
} Vendor;

struct _SonaeMhlwView
{
  SonaeBcpWorksheet parent_instance;

  /* borrowed */
  GtkLabel *year_label;
  GtkLabel *progress_label;
  GtkLevelBar *progress_bar;
  AdwPreferencesGroup *vendors_group;
  GtkWidget *empty_page;

  GPtrArray *vendor_rows;        /* borrowed: the vendors group's rows */
  GPtrArray *items;              /* of Item */
  GPtrArray *vendors;            /* of Vendor, the rows shown */
  gboolean vendors_shown;        /* the vendors group was filled once */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (SonaeMhlwView, sonae_mhlw_view, SONAE_TYPE_BCP_WORKSHEET)

static SonaeStore *
get_store (SonaeMhlwView *self)
{
  return sonae_bcp_worksheet_get_store (SONAE_BCP_WORKSHEET (self));
}

static void
item_free (gpointer p)
{
  Item *it = p;

  sonae_autosave_cancel (&it->autosave);
  sonae_autosave_cancel (&it->note_autosave);
  g_free (it->key);
  g_free (it);
}

static void
vendor_free (gpointer p)
{
  Vendor *v = p;

  sonae_autosave_cancel (&v->autosave);
  g_free (v->name);
  g_free (v);
}

static char *
widget_name (const char *prefix,
             const char *key)
{
  return g_strdup_printf ("%s-%s", prefix, key);
}

/* A typed date: TRUE with the date (NULL when blank) in *@out, or FALSE
 * with the entry marked when it is not one. */
static gboolean
read_date (AdwEntryRow  *row,
           char        **out)
{
  g_autofree char *text = sonae_bcp_editable_text (GTK_EDITABLE (row));

  *out = NULL;
  if (text != NULL && !sonae_date_is_valid (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Write the date as YYYY-MM-DD, e.g. 2026-09-30."));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
  *out = g_steal_pointer (&text);
  return TRUE;
}

/* @row shows @text unless a person is typing in it, or it holds a date to
 * correct. */
static void
set_entry (AdwEntryRow *row,
           const char  *text,
           gboolean     dirty)
{
  if (dirty || gtk_widget_has_focus (GTK_WIDGET (row)) || gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* --- items ----------------------------------------------------------------- */

static SonaeBcpAnswer
item_answer (Item *it)
{
  if (gtk_toggle_button_get_active (it->yes))
    return SONAE_BCP_YES;
  if (gtk_toggle_button_get_active (it->no))
    return SONAE_BCP_NO;
  return SONAE_BCP_UNKNOWN;
}

/* Store the answer @it shows, with its dates (only real ones). */
static gboolean
item_save (Item *it)
{
  SonaeMhlwView *self = it->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *target = NULL;
  SonaeBcpAnswer answer = item_answer (it);

  sonae_autosave_cancel (&it->autosave);
  it->dirty = FALSE;
  if (answer == SONAE_BCP_UNKNOWN)
    return TRUE;
  if (!read_date (it->checked_row, &checked) || !read_date (it->target_row, &target))
    return FALSE;
  if (!sonae_mhlw_set_answer (get_store (self), it->key, answer, checked, target,
                              sonae_bcp_owner_row_get_id (it->owner_row), &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save the answer"), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
item_save_note (Item *it)
{
  SonaeMhlwView *self = it->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = sonae_bcp_editable_text (GTK_EDITABLE (it->note_row));

  sonae_autosave_cancel (&it->note_autosave);
  it->note_dirty = FALSE;
  if (!sonae_mhlw_set_note (get_store (self), it->key, note, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save the note"), error);
      return FALSE;
    }
  return TRUE;
}

static void
item_toggled_cb (GtkToggleButton *button,
                 Item            *it)
{
  if (it->view->updating || !gtk_toggle_button_get_active (button))
    return;
  /* A new answer is checked today, unless a day was typed for it. */
  if (!it->dirty)
    {
      g_autofree char *today = sonae_clock_today ();

      it->view->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (it->checked_row), today);
      it->view->updating = FALSE;
    }
  adw_expander_row_set_expanded (it->row, item_answer (it) == SONAE_BCP_NO);
  item_save (it);
}

static void
item_save_timeout_cb (gpointer data)
{
  item_save (data);
}

static void
item_note_timeout_cb (gpointer data)
{
  item_save_note (data);
}

static void
item_date_changed_cb (GtkEditable *editable,
                      Item        *it)
{
  if (it->view->updating)
    return;
  it->dirty = TRUE;
  sonae_autosave_schedule (&it->autosave);
}

static void
item_date_apply_cb (AdwEntryRow *row,
                    Item        *it)
{
  item_save (it);
}

static void
item_note_changed_cb (GtkEditable *editable,
                      Item        *it)
{
  if (it->view->updating)
    return;
  it->note_dirty = TRUE;
  sonae_autosave_schedule (&it->note_autosave);
}

static void
item_note_apply_cb (AdwEntryRow *row,
                    Item        *it)
{
  item_save_note (it);
}

static void
item_owner_changed_cb (gpointer data)
{
  Item *it = data;

  if (!it->view->updating)
    item_save (it);
}

/* A person's answer taken back: Sonae's own shows again, if it has one. */
static void
item_take_back_cb (GtkButton *button,
                   Item      *it)
{
  g_autoptr(GError) error = NULL;

  sonae_autosave_cancel (&it->autosave);
  it->dirty = FALSE;
  if (!sonae_mhlw_set_answer (get_store (it->view), it->key, SONAE_BCP_UNKNOWN, NULL, NULL, 0, &error))
    sonae_show_error (GTK_WIDGET (it->view), _("Could not save the answer"), error);
}

static char *
item_subtitle (const SonaeMhlwAnswer *a)
{
  switch (a->answer)
    {
    case SONAE_BCP_YES:
      if (a->from_data)
        /* Translators: an item of the MHLW checklist Sonae answered itself; %s says what it read */
        return g_strdup_printf (_("Answered by Sonae. %s"), a->basis ? a->basis : "");
      /* Translators: %s is a date */
      return g_strdup_printf (_("Checked on %s"), a->checked_on ? a->checked_on : "");
    case SONAE_BCP_NO:
      if (a->target_on != NULL)
        /* Translators: what is to be done for an item answered No, then by when */
        return g_strdup_printf (_("%s By %s."), sonae_mhlw_item_get_measure (a->key), a->target_on);
      return g_strdup (sonae_mhlw_item_get_measure (a->key));
    case SONAE_BCP_UNKNOWN:
    default:
      return g_strdup (a->basis ? a->basis : "");
    }
}

static void
item_show (Item                  *it,
           const SonaeMhlwAnswer *a)
{
  g_autofree char *subtitle = item_subtitle (a);
  gboolean no = a->answer == SONAE_BCP_NO;

  gtk_toggle_button_set_active (it->yes, a->answer == SONAE_BCP_YES);
  gtk_toggle_button_set_active (it->no, no);
  if (a->answer == SONAE_BCP_UNKNOWN)
    {
      /* Neither: a group always keeps one active once one was. */
      gtk_toggle_button_set_active (it->yes, FALSE);
      gtk_toggle_button_set_active (it->no, FALSE);
    }
  adw_expander_row_set_subtitle (it->row, subtitle);
  if (a->from_data)
    gtk_widget_add_css_class (GTK_WIDGET (it->row), "mhlw-from-data");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (it->row), "mhlw-from-data");

  set_entry (it->checked_row, a->from_data ? NULL : a->checked_on, it->dirty);
  set_entry (it->target_row, a->target_on, it->dirty);
  set_entry (it->note_row, a->note, it->note_dirty);
  sonae_bcp_owner_row_set (it->owner_row, a->owner_id, a->owner_name);
  gtk_widget_set_visible (GTK_WIDGET (it->checked_row), a->answer != SONAE_BCP_UNKNOWN && !a->from_data);
  gtk_widget_set_visible (GTK_WIDGET (it->target_row), no);
  gtk_widget_set_visible (it->owner_row, no);

  gtk_widget_set_visible (it->take_back_row, a->stored != SONAE_BCP_UNKNOWN);
  if (a->stored != SONAE_BCP_UNKNOWN)
    {
      gboolean sonae_knows = a->derived != SONAE_BCP_UNKNOWN;

      gtk_button_set_label (GTK_BUTTON (it->take_back), sonae_knows ? _("Use Sonae's Answer") : _("Clear Answer"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (it->take_back_row),
                                     sonae_knows ? _("Sonae can answer this from its own data")
                                                 : _("Not sure after all?"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (it->take_back_row), sonae_knows && a->basis ? a->basis : "");
    }
}

static GtkWidget *
new_date_row (const char *title,
              const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  sonae_bcp_add_calendar (ADW_ENTRY_ROW (row));
  return row;
}

static Item *
item_new (SonaeMhlwView           *self,
          const SonaeMhlwItemInfo *info)
{
  Item *it = g_new0 (Item, 1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *yes = gtk_toggle_button_new_with_label (C_("mhlw answer", "Yes"));
  GtkWidget *no = gtk_toggle_button_new_with_label (C_("mhlw answer", "No"));
  GtkWidget *number = gtk_label_new (info->number);
  GtkWidget *note = adw_entry_row_new ();
  GtkWidget *take_back = gtk_button_new ();
  g_autofree char *name = NULL;

  it->view = self;
  it->key = g_strdup (info->key);
  it->row = ADW_EXPANDER_ROW (row);
  it->yes = GTK_TOGGLE_BUTTON (yes);
  it->no = GTK_TOGGLE_BUTTON (no);
  sonae_autosave_init (&it->autosave, SONAE_AUTOSAVE_DELAY_MS, item_save_timeout_cb, it);
  sonae_autosave_init (&it->note_autosave, SONAE_AUTOSAVE_DELAY_MS, item_note_timeout_cb, it);

  name = widget_name ("item", info->key);
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_mhlw_item_get_text (info->key));
  gtk_widget_add_css_class (number, "mhlw-number");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  adw_expander_row_add_prefix (it->row, number);

  g_clear_pointer (&name, g_free);
  name = widget_name ("yes", info->key);
  gtk_widget_set_name (yes, name);
  g_clear_pointer (&name, g_free);
  name = widget_name ("no", info->key);
  gtk_widget_set_name (no, name);
  gtk_toggle_button_set_group (it->no, it->yes);
  gtk_widget_add_css_class (pair, "linked");
  gtk_widget_set_valign (pair, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (pair), yes);
  gtk_box_append (GTK_BOX (pair), no);
  adw_expander_row_add_action (it->row, pair);
  g_signal_connect (yes, "toggled", G_CALLBACK (item_toggled_cb), it);
  g_signal_connect (no, "toggled", G_CALLBACK (item_toggled_cb), it);

  g_clear_pointer (&name, g_free);
  name = widget_name ("checked", info->key);
  it->checked_row = ADW_ENTRY_ROW (new_date_row (_("Checked on (YYYY-MM-DD)"), name));
  g_signal_connect (it->checked_row, "changed", G_CALLBACK (item_date_changed_cb), it);
  g_signal_connect (it->checked_row, "entry-activated", G_CALLBACK (item_date_apply_cb), it);
  adw_expander_row_add_row (it->row, GTK_WIDGET (it->checked_row));

  g_clear_pointer (&name, g_free);
  name = widget_name ("target", info->key);
  /* Translators: the target day of an item answered No, as the MHLW's form calls it (目標日) */
  it->target_row = ADW_ENTRY_ROW (new_date_row (_("Target day (YYYY-MM-DD)"), name));
  g_signal_connect (it->target_row, "changed", G_CALLBACK (item_date_changed_cb), it);
  g_signal_connect (it->target_row, "entry-activated", G_CALLBACK (item_date_apply_cb), it);
  adw_expander_row_add_row (it->row, GTK_WIDGET (it->target_row));

  it->owner_row = sonae_bcp_owner_row_new (get_store (self), _("Who sees to it"),
                                           G_CALLBACK (item_owner_changed_cb), it);
  g_clear_pointer (&name, g_free);
  name = widget_name ("owner", info->key);
  gtk_widget_set_name (it->owner_row, name);
  adw_expander_row_add_row (it->row, it->owner_row);

  g_clear_pointer (&name, g_free);
  name = widget_name ("note", info->key);
  gtk_widget_set_name (note, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Notes"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note), FALSE);
  it->note_row = ADW_ENTRY_ROW (note);
  g_signal_connect (note, "changed", G_CALLBACK (item_note_changed_cb), it);
  g_signal_connect (note, "entry-activated", G_CALLBACK (item_note_apply_cb), it);
  adw_expander_row_add_row (it->row, note);

  /* The security manager is a role of the manual. */
  if (info->source == SONAE_MHLW_FROM_ROLE)
    {
      GtkWidget *role_row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Edit Roles…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), sonae_role_get_name (SONAE_ROLE_MEDINFO));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (role_row), _("A role of the manual, held by a person of the contacts."));
      gtk_widget_set_name (button, "edit-roles-button");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "mhlw.edit-roles");
      adw_action_row_add_suffix (ADW_ACTION_ROW (role_row), button);
      adw_expander_row_add_row (it->row, role_row);
    }

  it->take_back_row = adw_action_row_new ();
  it->take_back = take_back;
  g_clear_pointer (&name, g_free);
  name = widget_name ("take-back", info->key);
  gtk_widget_set_name (take_back, name);
  gtk_widget_set_valign (take_back, GTK_ALIGN_CENTER);
  g_signal_connect (take_back, "clicked", G_CALLBACK (item_take_back_cb), it);
  adw_action_row_add_suffix (ADW_ACTION_ROW (it->take_back_row), take_back);
  adw_expander_row_add_row (it->row, it->take_back_row);
  return it;
}

/* --- vendors ------------------------------------------------------------------ */

/* The order of the choices of a vendor's answers. */
static const SonaeBcpAnswer all_yes_choices[] = { SONAE_BCP_UNKNOWN, SONAE_BCP_YES, SONAE_BCP_NO };

static gboolean
vendor_save (Vendor *v)
{
  SonaeMhlwView *self = v->view;
  g_autoptr(SonaeMhlwVendor) record = sonae_mhlw_vendor_new ();
  g_autoptr(GError) error = NULL;
  guint choice = adw_combo_row_get_selected (v->all_yes_row);

  sonae_autosave_cancel (&v->autosave);
  v->dirty = FALSE;
  record->contact_id = v->contact_id;
  record->concerned = gtk_switch_get_active (v->concerned);
  record->all_yes = choice < G_N_ELEMENTS (all_yes_choices) ? all_yes_choices[choice] : SONAE_BCP_UNKNOWN;
  record->answers_note = sonae_bcp_editable_text (GTK_EDITABLE (v->answers_row));
  if (!read_date (v->sent_row, &record->list_sent_on) ||
      !read_date (v->returned_row, &record->list_returned_on) ||
      !read_date (v->mds_row, &record->mds_received_on))
    return FALSE;
  if (!sonae_mhlw_save_vendor (get_store (self), record, &error))
    {
      /* Dates in the wrong order: said on the row, not in a dialog over
       * what is being typed. */
      if (g_error_matches (error, SONAE_ERROR, SONAE_ERROR_INVALID))
        {
          gtk_widget_add_css_class (GTK_WIDGET (v->returned_row), "error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (v->returned_row), error->message);
        }
      else
        sonae_show_error (GTK_WIDGET (self), _("Could not save what the vendor sent"), error);
      return FALSE;
    }
  return TRUE;
}

static void
vendor_timeout_cb (gpointer data)
{
  vendor_save (data);
}

static void
vendor_changed_cb (GtkEditable *editable,
                   Vendor      *v)
{
  if (v->view->updating)
    return;
  v->dirty = TRUE;
  sonae_autosave_schedule (&v->autosave);
}

static void
vendor_apply_cb (AdwEntryRow *row,
                 Vendor      *v)
{
  vendor_save (v);
}

static void
vendor_now_cb (GObject    *object,
               GParamSpec *pspec,
               Vendor     *v)
{
  if (!v->view->updating)
    vendor_save (v);
}

static char *
vendor_subtitle (const SonaeMhlwVendor *v)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  if (!v->concerned)
    return g_strdup (_("No checklist goes to it"));
  if (v->list_returned_on != NULL)
    /* Translators: the day the vendors' checklist came back */
    g_ptr_array_add (parts, g_strdup_printf (_("List back on %s"), v->list_returned_on));
  else if (v->list_sent_on != NULL)
    /* Translators: the day the vendors' checklist was sent */
    g_ptr_array_add (parts, g_strdup_printf (_("List sent on %s, not back yet"), v->list_sent_on));
  else
    g_ptr_array_add (parts, g_strdup (_("List not sent yet")));
  if (v->mds_received_on != NULL)
    g_ptr_array_add (parts, g_strdup (_("MDS/SDS received")));
  else
    g_ptr_array_add (parts, g_strdup (_("No MDS/SDS yet")));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, " · ");
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
vendor_show (Vendor                *v,
             const SonaeMhlwVendor *record)
{
  g_autofree char *subtitle = vendor_subtitle (record);

  adw_expander_row_set_subtitle (v->row, subtitle);
  gtk_switch_set_active (v->concerned, record->concerned);
  for (guint i = 0; i < G_N_ELEMENTS (all_yes_choices); i++)
    if (all_yes_choices[i] == record->all_yes)
      adw_combo_row_set_selected (v->all_yes_row, i);
  set_entry (v->sent_row, record->list_sent_on, v->dirty);
  set_entry (v->returned_row, record->list_returned_on, v->dirty);
  set_entry (v->answers_row, record->answers_note, v->dirty);
  set_entry (v->mds_row, record->mds_received_on, v->dirty);
}

static Vendor *
vendor_new (SonaeMhlwView         *self,
            const SonaeMhlwVendor *record)
{
  Vendor *v = g_new0 (Vendor, 1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *concerned_row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *combo = adw_combo_row_new ();
  GtkWidget *answers = adw_entry_row_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record->contact_id);
  g_autofree char *name = NULL;

  v->view = self;
  v->contact_id = record->contact_id;
  v->name = g_strdup (record->name);
  v->row = ADW_EXPANDER_ROW (row);
  sonae_autosave_init (&v->autosave, SONAE_AUTOSAVE_DELAY_MS, vendor_timeout_cb, v);

  name = widget_name ("vendor", id);
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (concerned_row), _("Send It the Vendors' Checklist"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (concerned_row),
                               _("Off for a second contact of the same company, or one that looks after no medical information system."));
  gtk_widget_set_name (sw, "concerned-switch");
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (concerned_row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (concerned_row), sw);
  v->concerned = GTK_SWITCH (sw);
  adw_expander_row_add_row (v->row, concerned_row);

  v->sent_row = ADW_ENTRY_ROW (new_date_row (_("List sent on (YYYY-MM-DD)"), "sent-row"));
  v->returned_row = ADW_ENTRY_ROW (new_date_row (_("List back on (YYYY-MM-DD)"), "returned-row"));
  adw_expander_row_add_row (v->row, GTK_WIDGET (v->sent_row));
  adw_expander_row_add_row (v->row, GTK_WIDGET (v->returned_row));

  gtk_string_list_append (choices, _("Not known yet"));
  gtk_string_list_append (choices, _("All Yes"));
  gtk_string_list_append (choices, _("Some No"));
  gtk_widget_set_name (combo, "all-yes-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Its answers"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (choices));
  v->all_yes_row = ADW_COMBO_ROW (combo);
  adw_expander_row_add_row (v->row, combo);

  gtk_widget_set_name (answers, "answers-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answers), _("What it answered (notes)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (answers), FALSE);
  v->answers_row = ADW_ENTRY_ROW (answers);
  adw_expander_row_add_row (v->row, answers);

  v->mds_row = ADW_ENTRY_ROW (new_date_row (_("MDS/SDS received on (YYYY-MM-DD)"), "mds-row"));
  adw_expander_row_add_row (v->row, GTK_WIDGET (v->mds_row));

  vendor_show (v, record);
  g_signal_connect (sw, "notify::active", G_CALLBACK (vendor_now_cb), v);
  g_signal_connect (combo, "notify::selected", G_CALLBACK (vendor_now_cb), v);
  {
    AdwEntryRow *entries[] = { v->sent_row, v->returned_row, v->answers_row, v->mds_row };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_signal_connect (entries[i], "changed", G_CALLBACK (vendor_changed_cb), v);
        g_signal_connect (entries[i], "entry-activated", G_CALLBACK (vendor_apply_cb), v);
      }
  }
  return v;
}

/* The vendors' rows, made again when the roster's vendors changed, else
 * shown as they are now. */
static void
load_vendors (SonaeMhlwView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = sonae_mhlw_list_vendors (get_store (self), &error);
  gboolean same;

  if (records == NULL)
    {
      g_message ("Could not read the vendors' checklists: %s", error->message);
      return;
    }
  same = self->vendors_shown && records->len == self->vendors->len;
  for (guint i = 0; same && i < records->len; i++)
    {
      SonaeMhlwVendor *r = g_ptr_array_index (records, i);
      Vendor *v = g_ptr_array_index (self->vendors, i);

      same = r->contact_id == v->contact_id && g_strcmp0 (r->name, v->name) == 0;
    }
  if (same)
    {
      for (guint i = 0; i < records->len; i++)
        vendor_show (g_ptr_array_index (self->vendors, i), g_ptr_array_index (records, i));
      return;
    }

  /* What is being typed in a row about to go is written first. */
  for (guint i = 0; i < self->vendors->len; i++)
    {
      Vendor *v = g_ptr_array_index (self->vendors, i);

      if (v->dirty)
        vendor_save (v);
    }
  sonae_bcp_rows_clear (self->vendors_group, self->vendor_rows);
  g_ptr_array_set_size (self->vendors, 0);
  self->vendors_shown = TRUE;
  for (guint i = 0; i < records->len; i++)
    {
      Vendor *v = vendor_new (self, g_ptr_array_index (records, i));

      g_ptr_array_add (self->vendors, v);
      sonae_bcp_rows_add (self->vendors_group, self->vendor_rows, GTK_WIDGET (v->row));
    }
  if (records->len == 0)
    sonae_bcp_rows_add (self->vendors_group, self->vendor_rows,
                        sonae_bcp_empty_row_new ("no-vendors", _("No vendor in the contacts yet"),
                                                 _("Add the companies that look after the systems to the group “Vendors and Service Providers”.")));
}

/* --- loading ------------------------------------------------------------------- */

static void
show_progress (SonaeMhlwView *self)
{
  SonaeMhlwProgress progress;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  g_autofree char *text = NULL;

  if (!sonae_mhlw_get_progress (get_store (self), &progress, &error))
    {
      g_message ("Could not read the MHLW checklist: %s", error->message);
      return;
    }
  year = sonae_mhlw_fiscal_year_get_title (progress.fiscal_year);
  gtk_label_set_text (self->year_label, year);
  /* Translators: items of the MHLW checklist checked in this fiscal year */
  text = g_strdup_printf (_("%u of %u items checked this fiscal year"), progress.checked, progress.n_items);
  if (progress.no > 0)
    {
      g_autofree char *no = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answered No", "%u answered No",
                                                          progress.no), progress.no);
      g_autofree char *all = g_strdup_printf ("%s · %s", text, no);

      g_free (text);
      text = g_steal_pointer (&all);
    }
  gtk_label_set_text (self->progress_label, text);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (progress.n_items, 1));
  gtk_level_bar_set_value (self->progress_bar, progress.checked);
}

static void
sonae_mhlw_view_reload (SonaeBcpWorksheet *worksheet)
{
  SonaeMhlwView *self = SONAE_MHLW_VIEW (worksheet);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  const char *reason = sonae_mhlw_get_unavailable_reason (get_store (self));
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (get_store (self));

  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page),
                             profile->kind == SONAE_ORG_PHARMACY ? _("The Pharmacy Checklist Is Not in Sonae Yet")
                                                                 : _("For Clinics and Hospitals"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), reason);
  sonae_bcp_worksheet_show_empty (worksheet, reason != NULL);
  if (reason != NULL)
    return;

  answers = sonae_mhlw_list_answers (get_store (self), &error);
  if (answers == NULL)
    {
      g_message ("Could not read the MHLW checklist: %s", error->message);
      return;
    }
  self->updating = TRUE;
  for (guint i = 0; i < answers->len && i < self->items->len; i++)
    item_show (g_ptr_array_index (self->items, i), g_ptr_array_index (answers, i));
  load_vendors (self);
  self->updating = FALSE;
  show_progress (self);
}

static GtkWidget *
new_intro (SonaeMhlwView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *year = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *print = gtk_button_new_from_icon_name ("document-print-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("MHLW Cyber-Security Checklist"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The health centre looks at this checklist in its on-site inspection. "
                                           "Answer each item for the clinic as it is today, in the order of the MHLW's form. "
                                           "Sonae answers some items from what it already knows; choose the other answer to overrule it. "
                                           "Every “No” becomes a measure of the plan: say by when it will be put right and who sees to it."));
  gtk_widget_set_name (print, "print-button");
  gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (print, _("Print the Checklist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print the Checklist"), -1);
  gtk_widget_add_css_class (print, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "mhlw.print");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), print);

  gtk_widget_set_name (year, "year-label");
  gtk_label_set_xalign (GTK_LABEL (year), 0);
  gtk_widget_add_css_class (year, "heading");
  gtk_widget_set_name (label, "progress-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "bcp-progress-label");
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_box_append (GTK_BOX (box), year);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  self->year_label = GTK_LABEL (year);
  self->progress_label = GTK_LABEL (label);
  self->progress_bar = GTK_LEVEL_BAR (bar);
  return group;
}

/* A group for each part of the form: the section's title on its first
 * part, section 2's parts under their own. */
static AdwPreferencesGroup *
new_part_group (SonaeMhlwPart part)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *part_title = sonae_mhlw_part_get_title (part);
  g_autofree char *name = g_strdup_printf ("part-%d", (int) part);

  gtk_widget_set_name (GTK_WIDGET (group), name);
  if (sonae_mhlw_part_starts_section (part))
    {
      adw_preferences_group_set_title (group, sonae_mhlw_part_get_section_title (part));
      if (part_title != NULL)
        adw_preferences_group_set_description (group, part_title);
    }
  else
    adw_preferences_group_set_title (group, part_title);
  if (part == SONAE_MHLW_PART_ADDED_2025)
    adw_preferences_group_set_description (group,
                                           _("Check before relying on these: they are what the FY2025 edition (令和7年度版) adds as Sonae knows it; "
                                             "their final wording and place in the form are to be checked against the MHLW's own form."));
  return group;
}

static void
sonae_mhlw_view_build (SonaeBcpWorksheet *worksheet)
{
  SonaeMhlwView *self = SONAE_MHLW_VIEW (worksheet);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  AdwPreferencesGroup *group = NULL;
  const SonaeMhlwItemInfo *items;
  int part = -1;
  guint n;

  gtk_box_append (GTK_BOX (box), new_intro (self));
  items = sonae_mhlw_items_get (&n);
  for (guint i = 0; i < n; i++)
    {
      Item *it;

      if ((int) items[i].part != part)
        {
          part = items[i].part;
          group = new_part_group (items[i].part);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
        }
      it = item_new (self, &items[i]);
      g_ptr_array_add (self->items, it);
      adw_preferences_group_add (group, GTK_WIDGET (it->row));
    }

  self->vendors_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (self->vendors_group), "vendors-group");
  adw_preferences_group_set_title (self->vendors_group, _("Vendors: Their Checklist and MDS/SDS"));
  adw_preferences_group_set_description (self->vendors_group,
                                         _("Send each vendor of a medical information system the MHLW's checklist for vendors (事業者確認用), "
                                           "note its answers when it comes back, and keep its security disclosure (MDS/SDS)."));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->vendors_group));

  sonae_bcp_worksheet_set_content (worksheet, sonae_bcp_clamp_new (box));
}

/* --- actions --------------------------------------------------------------------- */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SonaeMhlwView *self = SONAE_MHLW_VIEW (widget);

  sonae_bcp_worksheet_save_now (SONAE_BCP_WORKSHEET (self));
  sonae_print_document (widget, get_store (self), "mhlw-checklist");
}

static void
edit_roles_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeMhlwView *self = SONAE_MHLW_VIEW (widget);
  GtkWidget *dialog = sonae_roles_dialog_new (sonae_bcp_worksheet_get_window (SONAE_BCP_WORKSHEET (self)),
                                              get_store (self));

  gtk_window_present (GTK_WINDOW (dialog));
  sonae_roles_dialog_show_role (SONAE_ROLES_DIALOG (dialog), SONAE_ROLE_MEDINFO);
}

/* --- GObject ----------------------------------------------------------------------- */

static void
sonae_mhlw_view_save_now (SonaeBcpWorksheet *worksheet)
{
  SonaeMhlwView *self = SONAE_MHLW_VIEW (worksheet);

  /* Nothing typed is lost. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *it = g_ptr_array_index (self->items, i);

      if (it->dirty)
        item_save (it);
      if (it->note_dirty)
        item_save_note (it);
    }
  for (guint i = 0; i < self->vendors->len; i++)
    {
      Vendor *v = g_ptr_array_index (self->vendors, i);

      if (v->dirty)
        vendor_save (v);
    }
}

static void
sonae_mhlw_view_dispose (GObject *object)
{
  SonaeMhlwView *self = SONAE_MHLW_VIEW (object);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *it = g_ptr_array_index (self->items, i);

      sonae_autosave_cancel (&it->autosave);
      sonae_autosave_cancel (&it->note_autosave);
    }
  for (guint i = 0; i < self->vendors->len; i++)
    sonae_autosave_cancel (&((Vendor *) g_ptr_array_index (self->vendors, i))->autosave);
  G_OBJECT_CLASS (sonae_mhlw_view_parent_class)->dispose (object);
}

/* After the rows (gone with the content), whose signals point to these. */
static void
sonae_mhlw_view_finalize (GObject *object)
{
  SonaeMhlwView *self = SONAE_MHLW_VIEW (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->vendors);
  g_ptr_array_unref (self->vendor_rows);
  G_OBJECT_CLASS (sonae_mhlw_view_parent_class)->finalize (object);
}

static void
sonae_mhlw_view_class_init (SonaeMhlwViewClass *klass)
{
  static const char *const follows[] = { SONAE_CHANGED_CONTACTS, SONAE_CHANGED_ROLES, SONAE_CHANGED_PROFILE, NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeBcpWorksheetClass *worksheet_class = SONAE_BCP_WORKSHEET_CLASS (klass);

  object_class->dispose = sonae_mhlw_view_dispose;
  object_class->finalize = sonae_mhlw_view_finalize;
  worksheet_class->follows = follows;
  worksheet_class->build = sonae_mhlw_view_build;
  worksheet_class->reload = sonae_mhlw_view_reload;
  worksheet_class->save_now = sonae_mhlw_view_save_now;

  gtk_widget_class_install_action (widget_class, "mhlw.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "mhlw.edit-roles", NULL, edit_roles_action);
  gtk_widget_class_set_css_name (widget_class, "mhlw-view");
}

static void
sonae_mhlw_view_init (SonaeMhlwView *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->vendors = g_ptr_array_new_with_free_func (vendor_free);
  self->vendor_rows = g_ptr_array_new ();

  self->empty_page = adw_status_page_new ();
  gtk_widget_set_name (self->empty_page, "mhlw-unavailable");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "document-properties-symbolic");
  sonae_bcp_worksheet_set_empty_page (SONAE_BCP_WORKSHEET (self), self->empty_page);
}

GtkWidget *
sonae_mhlw_view_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_MHLW_VIEW, "store", store, NULL);
}
