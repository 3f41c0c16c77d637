/* sonae-home-page.c: Home: the incident action and incidents in progress, the organisation, what needs attention, printing */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-home-page.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-incident-now.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-manual-view.h"
#include "sonae-reminders.h"

struct _SonaeHomePage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *scrolled;
  GtkLabel *name_label;
  GtkLabel *kind_label;
  GtkLabel *prefecture_label;
  GtkLabel *phone_label;
  AdwPreferencesGroup *attention_group;
  AdwPreferencesGroup *calls_group;
  AdwPreferencesGroup *incidents_group;
  GtkWidget *print_poster_row;

  /* owned */
  SonaeStore *store;            /* the section's, once built */
  SonaeManual *manual;         /* the bundled manual, loaded once */
  GPtrArray *attention_rows;   /* of GtkWidget, borrowed from the group */
  GPtrArray *call_rows;        /* of GtkWidget, borrowed from calls_group */
  GPtrArray *incident_rows;    /* of GtkWidget, borrowed from incidents_group */
  guint update_source;
  gboolean attention_expanded;  /* every reminder listed, not the first few */
};

G_DEFINE_FINAL_TYPE (SonaeHomePage, sonae_home_page, SONAE_TYPE_SECTION)

static void
set_value (GtkLabel   *label,
           const char *value)
{
  gboolean empty = value == NULL || *value == '\0';

  gtk_label_set_text (label, empty ? _("Not set") : value);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
update_profile (SonaeHomePage *self)
{
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (self->store);

  set_value (self->name_label, profile->name);
  set_value (self->kind_label, sonae_org_kind_get_title (profile->kind));
  /* Kept by its English name; shown in the user's language. */
  set_value (self->prefecture_label,
             profile->prefecture && *profile->prefecture ? _(profile->prefecture) : NULL);
  set_value (self->phone_label, profile->phone);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* A contact's name is text a person typed, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      icon = gtk_image_new_from_icon_name (icon_name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  /* Japanese wraps between phrases (「過ぎています」 stays whole). */
  sonae_row_keep_phrases (row);
  return row;
}

static void
make_activatable (GtkWidget  *row,
                  const char *action_name,
                  GVariant   *target)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static void
add_attention_row (SonaeHomePage *self,
                   GtkWidget     *row)
{
  adw_preferences_group_add (self->attention_group, row);
  g_ptr_array_add (self->attention_rows, row);
}

/* The roles a finder calls, in the order of the reporting chain. */
static const char *const call_roles[] = {
  SONAE_ROLE_FIRST, SONAE_ROLE_LEAD, SONAE_ROLE_TOP, SONAE_ROLE_SYSADMIN,
};

static gboolean
is_call_role (const char *role_key)
{
  for (guint i = 0; i < G_N_ELEMENTS (call_roles); i++)
    if (g_strcmp0 (call_roles[i], role_key) == 0)
      return TRUE;
  return FALSE;
}

/* Texts of the manual to look at after an update of Sonae (the yearly
 * review is a reminder, below). */
static void
add_manual_update (SonaeHomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManualView) view = NULL;
  guint n_review;

  if (self->manual == NULL)
    self->manual = sonae_manual_load (&error);
  if (self->manual != NULL)
    view = sonae_manual_view_new (self->store, self->manual, &error);
  if (view == NULL)
    {
      g_message ("Could not read the manual: %s", error ? error->message : "");
      return;
    }

  n_review = sonae_manual_view_count_needs_review (view);
  if (n_review > 0)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u text of the manual needs a look after an update",
                                      "%u texts of the manual need a look after an update", n_review),
                         n_review);
      GtkWidget *row = new_row (title, _("Sonae changed a text your organisation had edited. Choose which one to keep."),
                                "accessories-dictionary-symbolic");

      gtk_widget_set_name (row, "manual-update-row");
      make_activatable (row, "win.section", g_variant_new_string ("manual"));
      add_attention_row (self, row);
    }
}

static gboolean
is_roster_reminder (const SonaeReminder *r)
{
  return r->kind == SONAE_REMINDER_ROLE_EMPTY ||
         r->kind == SONAE_REMINDER_CONTACT_STALE ||
         r->kind == SONAE_REMINDER_CONTACTS_STALE ||
         r->kind == SONAE_REMINDER_CONTACT_UNCHECKED ||
         r->kind == SONAE_REMINDER_AUTHORITY_PHONE;
}

static const char *
reminder_icon (const SonaeReminder *r)
{
  if (r->urgency == SONAE_URGENCY_OVERDUE)
    return "dialog-warning-symbolic";
  switch (r->kind)
    {
    case SONAE_REMINDER_PPC_PRELIMINARY:
    case SONAE_REMINDER_PPC_FINAL:
    case SONAE_REMINDER_PPC_UNDECIDED:
    case SONAE_REMINDER_PPC_PERSONS:
    case SONAE_REMINDER_BODY_REPORT:
    case SONAE_REMINDER_BODY_UNDECIDED:
      return "mail-send-symbolic";
    case SONAE_REMINDER_ACTION_OVERDUE:
    case SONAE_REMINDER_ACTION_DUE:
      return "alarm-symbolic";
    case SONAE_REMINDER_MANUAL_REVIEW:
      return "accessories-dictionary-symbolic";
    case SONAE_REMINDER_ROLE_EMPTY:
      return "system-users-symbolic";
    case SONAE_REMINDER_BCP_MEASURE:
    case SONAE_REMINDER_BCP_REVIEW:
    case SONAE_REMINDER_RISK_REVIEW:
      return "uninterruptible-power-supply-symbolic";
    case SONAE_REMINDER_RESTORE_TEST:
      return "drive-harddisk-symbolic";
    case SONAE_REMINDER_DRILL:
      return "alarm-symbolic";
    case SONAE_REMINDER_MHLW_CHECKLIST:
      return "document-properties-symbolic";
    case SONAE_REMINDER_AUTHORITY_PHONE:
    case SONAE_REMINDER_CONTACT_STALE:
    case SONAE_REMINDER_CONTACTS_STALE:
    case SONAE_REMINDER_CONTACT_UNCHECKED:
    case SONAE_N_REMINDER_KINDS:
    default:
      return "x-office-address-book-symbolic";
    }
}

/* A row that opens what settles @r. */
static GtkWidget *
new_reminder_row (const SonaeReminder *r)
{
  GtkWidget *row = new_row (r->title, r->detail, NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name (reminder_icon (r));

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (r->urgency == SONAE_URGENCY_OVERDUE)
    {
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_name (row, "overdue-row");
    }

  switch (r->kind)
    {
    case SONAE_REMINDER_MANUAL_REVIEW:
      gtk_widget_set_name (row, "manual-review-row");
      make_activatable (row, "win.section", g_variant_new_string ("manual"));
      break;
    case SONAE_REMINDER_ROLE_EMPTY:
      make_activatable (row, "win.show-role", g_variant_new_string (r->role_key));
      break;
    case SONAE_REMINDER_CONTACT_STALE:
    case SONAE_REMINDER_CONTACT_UNCHECKED:
      make_activatable (row, "win.show-contact", g_variant_new_int64 (r->contact_id));
      break;
    case SONAE_REMINDER_AUTHORITY_PHONE:
      gtk_widget_set_name (row, "authority-phone-row");
      make_activatable (row, "win.show-contact", g_variant_new_int64 (r->contact_id));
      break;
    case SONAE_REMINDER_CONTACTS_STALE:
      gtk_widget_set_name (row, "contacts-to-verify-row");
      make_activatable (row, "win.show-contacts-to-verify", NULL);
      break;
    /* The BCP's upkeep opens the worksheet that settles it. */
    case SONAE_REMINDER_BCP_MEASURE:
      gtk_widget_set_name (row, "bcp-measure-row");
      make_activatable (row, "win.show-bcp", g_variant_new_string (r->check_key != NULL ? "check"
                                                                   : r->mhlw_key != NULL ? "mhlw" : "plans"));
      break;
    case SONAE_REMINDER_MHLW_CHECKLIST:
      gtk_widget_set_name (row, "mhlw-checklist-row");
      make_activatable (row, "win.show-bcp", g_variant_new_string ("mhlw"));
      break;
    case SONAE_REMINDER_RESTORE_TEST:
      gtk_widget_set_name (row, "restore-test-row");
      make_activatable (row, "win.show-bcp-system", g_variant_new_int64 (r->bcp_id));
      break;
    case SONAE_REMINDER_DRILL:
      gtk_widget_set_name (row, "drill-row");
      make_activatable (row, "win.show-bcp", g_variant_new_string ("drills"));
      break;
    case SONAE_REMINDER_BCP_REVIEW:
      gtk_widget_set_name (row, "bcp-review-row");
      make_activatable (row, "win.show-bcp", g_variant_new_string ("plans"));
      break;
    case SONAE_REMINDER_RISK_REVIEW:
      gtk_widget_set_name (row, "risk-review-row");
      make_activatable (row, "win.show-bcp", g_variant_new_string ("risks"));
      break;
    case SONAE_REMINDER_PPC_PRELIMINARY:
    case SONAE_REMINDER_PPC_FINAL:
    case SONAE_REMINDER_PPC_UNDECIDED:
    case SONAE_REMINDER_PPC_PERSONS:
    case SONAE_REMINDER_BODY_REPORT:
    case SONAE_REMINDER_BODY_UNDECIDED:
    case SONAE_REMINDER_ACTION_OVERDUE:
    case SONAE_REMINDER_ACTION_DUE:
    case SONAE_N_REMINDER_KINDS:
    default:
      if (r->incident_id != 0)
        make_activatable (row, "win.show-incident", g_variant_new_int64 (r->incident_id));
      break;
    }
  return row;
}

static void
update_attention (SonaeHomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = sonae_reminders_collect (self->store, &error);
  gboolean roster_ok = TRUE;
  gboolean rest_roster = TRUE;
  guint n_items;

  if (items == NULL)
    {
      g_message ("Could not work out what is due: %s", error->message);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) sonae_reminder_free);
    }

  /* An empty calling role already shows in red under Whom to Call. */
  for (guint i = items->len; i > 0; i--)
    {
      SonaeReminder *item = g_ptr_array_index (items, i - 1);
      if (item->kind == SONAE_REMINDER_ROLE_EMPTY && is_call_role (item->role_key))
        g_ptr_array_remove_index (items, i - 1);
    }
  n_items = items->len;

  for (guint i = 0; i < self->attention_rows->len; i++)
    adw_preferences_group_remove (self->attention_group, g_ptr_array_index (self->attention_rows, i));
  g_ptr_array_set_size (self->attention_rows, 0);

  /* Most urgent first, as the service sorts them. */
  for (guint i = 0; i < n_items; i++)
    {
      SonaeReminder *item = g_ptr_array_index (items, i);

      if (is_roster_reminder (item))
        roster_ok = FALSE;
      if (i < SONAE_HOME_MAX_ATTENTION || self->attention_expanded)
        add_attention_row (self, new_reminder_row (item));
      else if (!is_roster_reminder (item))
        rest_roster = FALSE;
    }

  if (n_items > SONAE_HOME_MAX_ATTENTION && !self->attention_expanded)
    {
      guint rest = n_items - SONAE_HOME_MAX_ATTENTION;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u more item needs attention",
                                                             "%u more items need attention", rest),
                                                rest);
      GtkWidget *row = new_row (title, rest_roster ? _("Open Contacts to see them all.") : _("Show them all here."),
                                NULL);

      /* The most urgent are shown; what is left is mostly the roster, or is
       * listed here on request. */
      gtk_widget_set_name (row, "more-attention-row");
      if (rest_roster)
        make_activatable (row, "win.section", g_variant_new_string ("contacts"));
      else
        make_activatable (row, "home.show-all-attention", NULL);
      add_attention_row (self, row);
    }

  add_manual_update (self);
  if (roster_ok)
    add_attention_row (self, new_row (_("All contacts are current"),
                                      _("Every role has someone to call, and every contact was verified in the last six months."),
                                      "emblem-ok-symbolic"));
}

static char *
holder_line (SonaeContact *c)
{
  const char *phone = sonae_contact_get_first_phone (c);

  if (phone == NULL)
    return g_strdup (sonae_contact_get_display_name (c));
  return g_strdup_printf ("%s  %s", sonae_contact_get_display_name (c), phone);
}

static GtkWidget *
new_call_row (const char *role_key,
              GPtrArray  *holders)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *phone_label;
  SonaeContact *primary;
  g_autofree char *title = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (holders == NULL || holders->len == 0)
    {
      /* Translators: a role, then that nobody holds it */
      title = g_strdup_printf (_("%s: not assigned"), sonae_role_get_name (role_key));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Choose who holds this role, so that everyone knows whom to call."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_widget_add_css_class (row, "error");
      make_activatable (row, "win.show-role", g_variant_new_string (role_key));
      sonae_row_keep_phrases (row);
      return row;
    }

  primary = g_ptr_array_index (holders, 0);
  /* Translators: a role, then the name of the person who holds it */
  title = g_strdup_printf (_("%s: %s"), sonae_role_get_name (role_key), sonae_contact_get_display_name (primary));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (holders->len > 1)
    {
      g_autoptr(GString) next = g_string_new (NULL);
      for (guint i = 1; i < holders->len && i < 3; i++)
        {
          g_autofree char *line = holder_line (g_ptr_array_index (holders, i));
          if (next->len > 0)
            /* Translators: between the names of the deputies */
            g_string_append (next, _(", "));
          g_string_append (next, line);
        }
      {
        /* Translators: the deputies to call when the first person does not answer */
        g_autofree char *subtitle = g_strdup_printf (_("If no answer: %s"), next->str);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      }
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No deputy yet"));

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("call-start-symbolic"));
  phone_label = gtk_label_new (sonae_contact_get_first_phone (primary) ? sonae_contact_get_first_phone (primary) : _("No phone number"));
  gtk_label_set_selectable (GTK_LABEL (phone_label), TRUE);
  gtk_widget_add_css_class (phone_label, "title-4");
  gtk_widget_add_css_class (phone_label, "numeric");
  gtk_widget_set_valign (phone_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), phone_label);
  make_activatable (row, "win.show-role", g_variant_new_string (role_key));
  sonae_row_keep_phrases (row);
  return row;
}

static void
update_calls (SonaeHomePage *self)
{
  for (guint i = 0; i < self->call_rows->len; i++)
    adw_preferences_group_remove (self->calls_group, g_ptr_array_index (self->call_rows, i));
  g_ptr_array_set_size (self->call_rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (call_roles); i++)
    {
      g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (self->store, call_roles[i], NULL);
      GtkWidget *row = new_call_row (call_roles[i], holders);

      adw_preferences_group_add (self->calls_group, row);
      g_ptr_array_add (self->call_rows, row);
    }
}

/* Incidents not closed yet: whoever comes back to Home finds them first. */
static void
update_incidents (SonaeHomePage *self)
{
  SonaeIncidentFilter filter = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->incident_rows->len; i++)
    adw_preferences_group_remove (self->incidents_group, g_ptr_array_index (self->incident_rows, i));
  g_ptr_array_set_size (self->incident_rows, 0);

  filter.open_only = TRUE;
  incidents = sonae_incidents_list (self->store, &filter, &error);
  if (incidents == NULL)
    g_message ("Could not list the incidents: %s", error->message);

  for (guint i = 0; incidents != NULL && i < incidents->len; i++)
    {
      SonaeIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *level = sonae_incident_level_get_title (incident->level);
      /* Translators: an incident's number, level and status, e.g. “2026-003 · Level 3 · Active” */
      g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), incident->number, level,
                                                sonae_incident_status_get_title (incident->status));
      GtkWidget *row = new_row (title, incident->title,
                                incident->level >= 2 ? "dialog-warning-symbolic" : "dialog-information-symbolic");

      gtk_widget_set_name (row, "open-incident-row");
      if (incident->drill)
        {
          GtkWidget *tag = gtk_label_new (_("Drill"));

          gtk_widget_add_css_class (tag, "now-tag");
          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      else if (incident->level >= 2)
        gtk_widget_add_css_class (row, "error");
      make_activatable (row, "win.show-incident", g_variant_new_int64 (incident->id));
      adw_preferences_group_add (self->incidents_group, row);
      g_ptr_array_add (self->incident_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->incidents_group), self->incident_rows->len > 0);
}

static gboolean
update_cb (gpointer user_data)
{
  SonaeHomePage *self = user_data;

  self->update_source = 0;
  update_incidents (self);
  update_profile (self);
  update_calls (self);
  update_attention (self);
  return G_SOURCE_REMOVE;
}

static void
sonae_home_page_store_changed (SonaeSection *section,
                               const char   *detail)
{
  SonaeHomePage *self = SONAE_HOME_PAGE (section);

  /* An import or a burst of edits is many changes: look once, when idle. */
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_cb, self);
}

static void
show_all_attention_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SonaeHomePage *self = SONAE_HOME_PAGE (widget);

  self->attention_expanded = TRUE;
  update_attention (self);
}

void
sonae_home_page_focus_print (SonaeHomePage *self)
{
  g_return_if_fail (SONAE_IS_HOME_PAGE (self));

  sonae_section_ensure_built (SONAE_SECTION (self));

  gtk_widget_grab_focus (self->print_poster_row);
}

static void
sonae_home_page_build (SonaeSection *section)
{
  SonaeHomePage *self = SONAE_HOME_PAGE (section);

  self->store = sonae_section_get_store (section);
  update_profile (self);
  update_calls (self);
}

/* The red button and whom to call show first; the incidents in progress
 * and what needs a look (the reminders, the manual's review) come once
 * they are painted. */
static void
sonae_home_page_fill (SonaeSection *section)
{
  SonaeHomePage *self = SONAE_HOME_PAGE (section);

  update_incidents (self);
  update_attention (self);
}

static void
sonae_home_page_dispose (GObject *object)
{
  SonaeHomePage *self = SONAE_HOME_PAGE (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  self->store = NULL;
  g_clear_pointer (&self->manual, sonae_manual_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_HOME_PAGE);

  G_OBJECT_CLASS (sonae_home_page_parent_class)->dispose (object);
}

static void
sonae_home_page_finalize (GObject *object)
{
  SonaeHomePage *self = SONAE_HOME_PAGE (object);

  g_clear_pointer (&self->attention_rows, g_ptr_array_unref);
  g_clear_pointer (&self->call_rows, g_ptr_array_unref);
  g_clear_pointer (&self->incident_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sonae_home_page_parent_class)->finalize (object);
}

static void
sonae_home_page_class_init (SonaeHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SonaeSectionClass *section_class = SONAE_SECTION_CLASS (klass);

  object_class->dispose = sonae_home_page_dispose;
  object_class->finalize = sonae_home_page_finalize;
  section_class->build = sonae_home_page_build;
  section_class->fill = sonae_home_page_fill;
  section_class->store_changed = sonae_home_page_store_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, prefecture_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, calls_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, incidents_group);
  gtk_widget_class_bind_template_child (widget_class, SonaeHomePage, print_poster_row);
  gtk_widget_class_install_action (widget_class, "home.show-all-attention", NULL, show_all_attention_action);
}

static void
sonae_home_page_init (SonaeHomePage *self)
{
  self->attention_rows = g_ptr_array_new ();
  self->call_rows = g_ptr_array_new ();
  self->incident_rows = g_ptr_array_new ();
  /* The big "Something is wrong" button is styled there. */
  sonae_incident_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sonae_home_page_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  return g_object_new (SONAE_TYPE_HOME_PAGE, "store", store, NULL);
}
