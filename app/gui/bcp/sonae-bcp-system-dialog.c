/* sonae-bcp-system-dialog.c: one system of the BCP, added or edited.
 *
 * The rows are filled from a copy of the stored system; Save hands what was
 * typed to the store, which checks it (a name no other system has, real
 * dates, numbers in range). A refusal is shown at the top of the dialog,
 * which stays open with everything typed and nothing saved. Numbers that
 * are not known yet show “Not set”. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-bcp-system-dialog.h"
#include "sonae-accessible.h"
#include "sonae-bcp.h"
#include "sonae-clock.h"
#include "sonae-contact-chooser.h"
#include "sonae-contact-util.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-print-operation.h"

struct _SonaeBcpSystemDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkButton *save_button;
  GtkScrolledWindow *scrolled;
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *purpose_row;
  AdwActionRow *owner_row;
  GtkButton *clear_owner_button;
  GtkMenuButton *owner_button;
  GtkPopover *owner_popover;
  AdwActionRow *vendor_row;
  GtkButton *clear_vendor_button;
  GtkMenuButton *vendor_button;
  GtkPopover *vendor_popover;
  AdwEntryRow *contract_row;
  GtkSpinButton *order_spin;
  GtkSpinButton *rto_spin;
  GtkSpinButton *rpo_spin;
  AdwEntryRow *method_row;
  AdwEntryRow *frequency_row;
  GtkSpinButton *generations_spin;
  AdwComboRow *offline_row;
  AdwEntryRow *location_row;
  AdwEntryRow *restore_row;
  GtkSpinButton *restore_days_spin;
  AdwPreferencesGroup *without_group;
  GtkTextView *fallback_view;
  AdwEntryRow *forms_row;
  GtkTextView *first_steps_view;
  GtkWidget *delete_button;

  /* borrowed: SonaeContactChoosers in the popovers */
  GtkWidget *owner_chooser;
  GtkWidget *vendor_chooser;

  /* owned */
  SonaeStore *store;
  SonaeBcpSystem *system;       /* as stored (or new), with the people picked */
  GListStore *contacts;         /* everyone, for the owner */
  GListStore *vendors;          /* the vendors, for the vendor */
};

G_DEFINE_FINAL_TYPE (SonaeBcpSystemDialog, sonae_bcp_system_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The answers of the offline row, in its order. */
static const SonaeBcpAnswer offline_answers[] = { SONAE_BCP_UNKNOWN, SONAE_BCP_YES, SONAE_BCP_NO };

/* --- numbers that may be “not set” ---------------------------------------------- */

static int
spin_unset (GtkSpinButton *spin)
{
  return (int) gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (spin));
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       data)
{
  if ((int) gtk_spin_button_get_value (spin) != spin_unset (spin))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), data != NULL ? _("Not planned") : _("Not set"));
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  gint64 value;

  value = g_ascii_strtoll (text, &end, 10);
  if (end != text && end != NULL && *end == '\0')
    {
      *new_value = (double) value;
      return TRUE;
    }
  /* Empty, or the “Not set” shown: not set. */
  *new_value = spin_unset (spin);
  return TRUE;
}

static void
setup_spin (GtkSpinButton *spin,
            gboolean       plan)
{
  g_object_set_data (G_OBJECT (spin), "sonae-plan", plan ? GINT_TO_POINTER (1) : NULL);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), plan ? GINT_TO_POINTER (1) : NULL);
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
}

static int
spin_value (GtkSpinButton *spin)
{
  gtk_spin_button_update (spin);
  return gtk_spin_button_get_value_as_int (spin);
}

static void
spin_set (GtkSpinButton *spin,
          int            value)
{
  gtk_spin_button_set_value (spin, value);
  /* The value may not have changed (a new system starts at “not set”):
   * show it anyway. */
  if (!spin_output_cb (spin, g_object_get_data (G_OBJECT (spin), "sonae-plan")))
    {
      g_autofree char *text = g_strdup_printf ("%d", value);

      gtk_editable_set_text (GTK_EDITABLE (spin), text);
    }
}

/* --- people --------------------------------------------------------------------- */

static SonaeContact *
find_contact (GListStore *store,
              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(SonaeContact) c = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (c->id == id)
        return c;
    }
  return NULL;
}

static void
show_people (SonaeBcpSystemDialog *self)
{
  SonaeContact *vendor = self->system->vendor_id != 0 ? find_contact (self->vendors, self->system->vendor_id) : NULL;
  const char *phone = vendor != NULL ? sonae_contact_get_first_phone (vendor) : NULL;
  g_autofree char *vendor_line = NULL;

  adw_action_row_set_subtitle (self->owner_row,
                               self->system->owner_id != 0 && self->system->owner_name != NULL
                               ? self->system->owner_name : _("Nobody chosen yet"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_owner_button), self->system->owner_id != 0);

  if (self->system->vendor_id == 0 || self->system->vendor_name == NULL)
    vendor_line = g_strdup (_("No vendor chosen yet"));
  else if (phone != NULL)
    vendor_line = g_strdup_printf ("%s  %s", self->system->vendor_name, phone);
  else
    vendor_line = g_strdup (self->system->vendor_name);
  adw_action_row_set_subtitle (self->vendor_row, vendor_line);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_vendor_button), self->system->vendor_id != 0);
}

static void
owner_activated_cb (SonaeContactChooser  *chooser,
                    SonaeContact         *contact,
                    SonaeBcpSystemDialog *self)
{
  self->system->owner_id = contact->id;
  g_free (self->system->owner_name);
  self->system->owner_name = g_strdup (sonae_contact_get_display_name (contact));
  gtk_popover_popdown (self->owner_popover);
  show_people (self);
}

static void
vendor_activated_cb (SonaeContactChooser  *chooser,
                     SonaeContact         *contact,
                     SonaeBcpSystemDialog *self)
{
  const char *contract = gtk_editable_get_text (GTK_EDITABLE (self->contract_row));

  self->system->vendor_id = contact->id;
  g_free (self->system->vendor_name);
  self->system->vendor_name = g_strdup (sonae_contact_get_display_name (contact));
  /* The roster may know the contract number already. */
  if ((contract == NULL || *contract == '\0') && contact->contract != NULL && *contact->contract != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->contract_row), contact->contract);
  gtk_popover_popdown (self->vendor_popover);
  show_people (self);
}

static void
clear_owner_cb (SonaeBcpSystemDialog *self)
{
  self->system->owner_id = 0;
  g_clear_pointer (&self->system->owner_name, g_free);
  show_people (self);
}

static void
clear_vendor_cb (SonaeBcpSystemDialog *self)
{
  self->system->vendor_id = 0;
  g_clear_pointer (&self->system->vendor_name, g_free);
  show_people (self);
}

static void
load_contacts (SonaeBcpSystemDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vendors = NULL;

  /* The owner can be anyone: the roster comes in steps. */
  sonae_contacts_load_model (self->contacts, self->store);

  /* A roster without vendors yet: any contact but an authority can be the
   * vendor. */
  vendors = sonae_contacts_list (self->store, SONAE_GROUP_VENDOR, &error);
  if (vendors != NULL && vendors->len == 0)
    {
      g_clear_pointer (&vendors, g_ptr_array_unref);
      vendors = sonae_contacts_list (self->store, SONAE_GROUP_STAFF, &error);
    }
  if (vendors == NULL)
    {
      g_message ("Could not read the roster: %s", error->message);
      return;
    }
  g_list_store_splice (self->vendors, 0, 0, vendors->pdata, vendors->len);
}

/* --- reading and filling the rows -------------------------------------------------- */

static void
set_entry (AdwEntryRow *row,
           const char  *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

static char *
get_entry (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_view (GtkTextView *view,
          const char  *value)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), value != NULL ? value : "", -1);
}

static char *
get_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
fill (SonaeBcpSystemDialog *self)
{
  const SonaeBcpSystem *s = self->system;

  set_entry (self->name_row, s->name);
  set_entry (self->purpose_row, s->purpose);
  set_entry (self->contract_row, s->contract_no);
  spin_set (self->order_spin, s->recovery_order);
  spin_set (self->rto_spin, s->rto_hours);
  spin_set (self->rpo_spin, s->rpo_hours);
  set_entry (self->method_row, s->backup_method);
  set_entry (self->frequency_row, s->backup_frequency);
  spin_set (self->generations_spin, s->backup_generations);
  for (guint i = 0; i < G_N_ELEMENTS (offline_answers); i++)
    if (offline_answers[i] == s->backup_offline)
      adw_combo_row_set_selected (self->offline_row, i);
  set_entry (self->location_row, s->backup_location);
  set_entry (self->restore_row, s->restore_tested_on);
  spin_set (self->restore_days_spin, s->restore_test_days);
  set_view (self->fallback_view, s->fallback);
  set_entry (self->forms_row, s->forms_location);
  set_view (self->first_steps_view, s->first_steps);
  show_people (self);
}

static SonaeBcpSystem *
system_copy (const SonaeBcpSystem *s)
{
  SonaeBcpSystem *copy = sonae_bcp_system_new ();

  copy->id = s->id;
  copy->name = g_strdup (s->name);
  copy->purpose = g_strdup (s->purpose);
  copy->vendor_id = s->vendor_id;
  copy->vendor_name = g_strdup (s->vendor_name);
  copy->contract_no = g_strdup (s->contract_no);
  copy->owner_id = s->owner_id;
  copy->owner_name = g_strdup (s->owner_name);
  copy->recovery_order = s->recovery_order;
  copy->rto_hours = s->rto_hours;
  copy->rpo_hours = s->rpo_hours;
  copy->backup_method = g_strdup (s->backup_method);
  copy->backup_frequency = g_strdup (s->backup_frequency);
  copy->backup_generations = s->backup_generations;
  copy->backup_offline = s->backup_offline;
  copy->backup_location = g_strdup (s->backup_location);
  copy->restore_tested_on = g_strdup (s->restore_tested_on);
  copy->restore_test_days = s->restore_test_days;
  copy->fallback = g_strdup (s->fallback);
  copy->forms_location = g_strdup (s->forms_location);
  copy->first_steps = g_strdup (s->first_steps);
  copy->created_at = g_strdup (s->created_at);
  copy->updated_at = g_strdup (s->updated_at);
  return copy;
}

/* What the rows say now, as a system to save. */
static SonaeBcpSystem *
read_rows (SonaeBcpSystemDialog *self)
{
  SonaeBcpSystem *s = system_copy (self->system);
  guint offline = adw_combo_row_get_selected (self->offline_row);

#define TAKE(field, value) G_STMT_START { g_free (s->field); s->field = (value); } G_STMT_END
  TAKE (name, get_entry (self->name_row));
  TAKE (purpose, get_entry (self->purpose_row));
  TAKE (contract_no, get_entry (self->contract_row));
  TAKE (backup_method, get_entry (self->method_row));
  TAKE (backup_frequency, get_entry (self->frequency_row));
  TAKE (backup_location, get_entry (self->location_row));
  TAKE (restore_tested_on, get_entry (self->restore_row));
  TAKE (fallback, get_view (self->fallback_view));
  TAKE (forms_location, get_entry (self->forms_row));
  TAKE (first_steps, get_view (self->first_steps_view));
#undef TAKE
  s->recovery_order = spin_value (self->order_spin);
  s->rto_hours = spin_value (self->rto_spin);
  s->rpo_hours = spin_value (self->rpo_spin);
  s->backup_generations = spin_value (self->generations_spin);
  s->restore_test_days = spin_value (self->restore_days_spin);
  s->backup_offline = offline < G_N_ELEMENTS (offline_answers) ? offline_answers[offline] : SONAE_BCP_UNKNOWN;
  return s;
}

static void
show_error (SonaeBcpSystemDialog *self,
            const char           *message)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  /* The message is at the top: bring it into view. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* --- public ------------------------------------------------------------------------- */

gboolean
sonae_bcp_system_dialog_save (SonaeBcpSystemDialog *self,
                              gboolean              close)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) system = NULL;
  gboolean added;

  g_return_val_if_fail (SONAE_IS_BCP_SYSTEM_DIALOG (self), FALSE);

  system = read_rows (self);
  added = system->id == 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->restore_row), "error");
  if (system->restore_tested_on != NULL && !sonae_date_check (system->restore_tested_on, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->restore_row), "error");
      show_error (self, error->message);
      return FALSE;
    }
  if (!sonae_bcp_save_system (self->store, system, &error))
    {
      if (system->name == NULL || g_error_matches (error, SONAE_ERROR, SONAE_ERROR_EXISTS))
        gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      show_error (self, error->message);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_clear_pointer (&self->system, sonae_bcp_system_free);
  self->system = g_steal_pointer (&system);
  gtk_window_set_title (GTK_WINDOW (self), self->system->name);
  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_button_set_label (self->save_button, _("_Save"));
  g_signal_emit (self, signals[SAVED], 0, self->system->id, added);
  if (close)
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

gint64
sonae_bcp_system_dialog_get_system (SonaeBcpSystemDialog *self)
{
  g_return_val_if_fail (SONAE_IS_BCP_SYSTEM_DIALOG (self), 0);
  return self->system->id;
}

gboolean
sonae_bcp_system_dialog_delete (SonaeBcpSystemDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent;

  g_return_val_if_fail (SONAE_IS_BCP_SYSTEM_DIALOG (self), FALSE);

  if (self->system->id == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  if (!sonae_bcp_delete_system (self->store, self->system->id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  /* Translators: %s is a system, e.g. "Reception and billing" */
  message = g_strdup_printf (_("“%s” deleted"), self->system->name);
  if (parent != NULL)
    sonae_show_message (GTK_WIDGET (parent), message);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* --- actions ------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sonae_bcp_system_dialog_save (SONAE_BCP_SYSTEM_DIALOG (widget), TRUE);
}

static void
delete_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    SonaeBcpSystemDialog *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    sonae_bcp_system_dialog_delete (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SonaeBcpSystemDialog *self = SONAE_BCP_SYSTEM_DIALOG (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a system, e.g. "Reception and billing" */
  heading = g_strdup_printf (_("Delete “%s”?"), self->system->name ? self->system->name : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its backups, its way of working without it and its outage card go with it. "
                                     "The vendor stays in the contact roster."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SonaeBcpSystemDialog *self = SONAE_BCP_SYSTEM_DIALOG (widget);
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT ("outage-card");

  /* The card shows what is typed now: save it first, keep the dialog. */
  if (!sonae_bcp_system_dialog_save (self, FALSE))
    return;
  request.subject = SONAE_DOCUMENT_FOR_SYSTEM;
  request.id = self->system->id;
  sonae_print_request (widget, self->store, &request);
}

static void
restore_today_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SonaeBcpSystemDialog *self = SONAE_BCP_SYSTEM_DIALOG (widget);
  g_autofree char *today = sonae_clock_today ();

  gtk_editable_set_text (GTK_EDITABLE (self->restore_row), today);
}

/* --- GObject ------------------------------------------------------------------------ */

static void
sonae_bcp_system_dialog_dispose (GObject *object)
{
  SonaeBcpSystemDialog *self = SONAE_BCP_SYSTEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_BCP_SYSTEM_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->contacts);
  g_clear_object (&self->vendors);
  g_clear_pointer (&self->system, sonae_bcp_system_free);

  G_OBJECT_CLASS (sonae_bcp_system_dialog_parent_class)->dispose (object);
}

static void
sonae_bcp_system_dialog_class_init (SonaeBcpSystemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_bcp_system_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-bcp-system-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SonaeBcpSystemDialog, name)
  BIND (save_button);
  BIND (scrolled);
  BIND (error_label);
  BIND (name_row);
  BIND (purpose_row);
  BIND (owner_row);
  BIND (clear_owner_button);
  BIND (owner_button);
  BIND (owner_popover);
  BIND (vendor_row);
  BIND (clear_vendor_button);
  BIND (vendor_button);
  BIND (vendor_popover);
  BIND (contract_row);
  BIND (order_spin);
  BIND (rto_spin);
  BIND (rpo_spin);
  BIND (method_row);
  BIND (frequency_row);
  BIND (generations_spin);
  BIND (offline_row);
  BIND (location_row);
  BIND (restore_row);
  BIND (restore_days_spin);
  BIND (without_group);
  BIND (fallback_view);
  BIND (forms_row);
  BIND (first_steps_view);
  BIND (delete_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, clear_owner_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_vendor_cb);

  gtk_widget_class_install_action (widget_class, "system-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "system-dialog.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "system-dialog.print-outage-card", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "system-dialog.restore-today", NULL, restore_today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "system-dialog.save", NULL);
}

static void
sonae_bcp_system_dialog_init (SonaeBcpSystemDialog *self)
{
  g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->contacts = g_list_store_new (SONAE_TYPE_CONTACT);
  self->vendors = g_list_store_new (SONAE_TYPE_CONTACT);
  self->owner_chooser = sonae_contact_chooser_new (G_LIST_MODEL (self->contacts));
  gtk_widget_set_name (self->owner_chooser, "owner-chooser");
  gtk_popover_set_child (self->owner_popover, self->owner_chooser);
  g_signal_connect_object (self->owner_chooser, "contact-activated", G_CALLBACK (owner_activated_cb), self, 0);
  self->vendor_chooser = sonae_contact_chooser_new (G_LIST_MODEL (self->vendors));
  gtk_widget_set_name (self->vendor_chooser, "vendor-chooser");
  gtk_popover_set_child (self->vendor_popover, self->vendor_chooser);
  g_signal_connect_object (self->vendor_chooser, "contact-activated", G_CALLBACK (vendor_activated_cb), self, 0);

  /* Translators: whether a backup copy is kept off the network */
  gtk_string_list_append (answers, C_("offline backup", "Not known"));
  gtk_string_list_append (answers, _("Yes"));
  gtk_string_list_append (answers, _("No"));
  sonae_accessible_name_choices (GTK_WIDGET (self->offline_row));
  adw_combo_row_set_model (self->offline_row, G_LIST_MODEL (answers));

  setup_spin (self->order_spin, FALSE);
  setup_spin (self->rto_spin, FALSE);
  setup_spin (self->rpo_spin, FALSE);
  setup_spin (self->generations_spin, FALSE);
  setup_spin (self->restore_days_spin, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

GtkWidget *
sonae_bcp_system_dialog_new (GtkWindow  *parent,
                             SonaeStore *store,
                             gint64      system_id)
{
  SonaeBcpSystemDialog *self;
  SonaeBcpSystem *system;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  if (system_id != 0)
    {
      g_autoptr(GError) error = NULL;

      system = sonae_bcp_get_system (store, system_id, &error);
      if (system == NULL)
        return NULL;
    }
  else
    system = sonae_bcp_system_new ();

  self = g_object_new (SONAE_TYPE_BCP_SYSTEM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->system = system;
  load_contacts (self);
  fill (self);
  /* In the organisation's words. */
  if (!sonae_org_kind_is_medical (sonae_store_get_org_kind (store)))
    {
      /* Translators: a business's person who looks after a system (社内の担当者) */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owner_row), C_("business", "Looked after by"));
      adw_preferences_group_set_description (self->without_group,
                                             _("How work goes on while it is down: paper forms, the phone, a read-only copy."));
    }
  else
    adw_preferences_group_set_description (self->without_group,
                                           _("How work goes on while it is down: paper charts, paper slips, a read-only copy."));
  gtk_window_set_title (GTK_WINDOW (self), system_id != 0 ? system->name : _("Add System"));
  gtk_widget_set_visible (self->delete_button, system_id != 0);
  if (system_id == 0)
    gtk_button_set_label (self->save_button, _("_Add"));
  return GTK_WIDGET (self);
}
