/* sonae-contact-row.c: one line of the contact list: avatar, name, reading,
 * organisation, role pills, first phone number, and a warning icon for an
 * entry to check. Bound and rebound by a GtkListView factory, so it does a
 * constant amount of work per bind. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-contact-row.h"
#include "sonae-contact-util.h"

struct _SonaeContactRow
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwAvatar *avatar;
  GtkLabel *name_label;
  GtkLabel *reading_label;
  GtkLabel *organization_label;
  GtkWidget *roles_box;
  GtkLabel *phone_label;
  GtkImage *warning_icon;

  /* owned */
  SonaeContact *contact;
};

G_DEFINE_FINAL_TYPE (SonaeContactRow, sonae_contact_row, GTK_TYPE_WIDGET)

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
sonae_contact_row_set_contact (SonaeContactRow *self,
                               SonaeContact    *contact)
{
  g_autofree char *organization = NULL;
  g_autofree char *attention = NULL;

  g_return_if_fail (SONAE_IS_CONTACT_ROW (self));
  g_return_if_fail (contact == NULL || SONAE_IS_CONTACT (contact));

  g_set_object (&self->contact, contact);
  if (contact == NULL)
    return;

  gtk_label_set_label (self->name_label, sonae_contact_get_display_name (contact));
  adw_avatar_set_text (self->avatar, sonae_contact_get_display_name (contact));
  set_optional_label (self->reading_label, contact->reading);

  if (contact->organization && *contact->organization &&
      contact->department && *contact->department)
    organization = g_strdup_printf ("%s %s", contact->organization, contact->department);
  else if (contact->organization && *contact->organization)
    organization = g_strdup (contact->organization);
  else
    organization = g_strdup (contact->department);
  /* An authority's name often is its organisation: say it once. */
  if (organization && g_strcmp0 (organization, contact->name) == 0)
    g_clear_pointer (&organization, g_free);
  set_optional_label (self->organization_label, organization);

  sonae_fill_role_pills (self->roles_box, contact);
  set_optional_label (self->phone_label, sonae_contact_get_first_phone (contact));

  /* The warning's text is its accessible description; the tooltip asks
   * for it when shown (setting a tooltip at every bind asks the display
   * server where the pointer is, for every row). */
  attention = sonae_contact_attention_text (contact);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), attention != NULL);
  if (attention != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, attention, -1);
}

static gboolean
warning_query_tooltip_cb (GtkWidget       *icon,
                          int              x,
                          int              y,
                          gboolean         keyboard,
                          GtkTooltip      *tooltip,
                          SonaeContactRow *self)
{
  g_autofree char *attention = self->contact ? sonae_contact_attention_text (self->contact) : NULL;

  if (attention == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, attention);
  return TRUE;
}

SonaeContact *
sonae_contact_row_get_contact (SonaeContactRow *self)
{
  g_return_val_if_fail (SONAE_IS_CONTACT_ROW (self), NULL);
  return self->contact;
}

void
sonae_contact_row_name_list_item (SonaeContactRow *self,
                                  GtkListItem     *item)
{
  g_return_if_fail (SONAE_IS_CONTACT_ROW (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  /* Not by the avatar's initials, the first text in the row. */
  sonae_accessible_name_list_item (item, GTK_WIDGET (self->name_label), NULL);
}

static void
sonae_contact_row_dispose (GObject *object)
{
  SonaeContactRow *self = SONAE_CONTACT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_CONTACT_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (sonae_contact_row_parent_class)->dispose (object);
}

static void
sonae_contact_row_class_init (SonaeContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_contact_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeContactRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactRow, reading_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactRow, organization_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactRow, roles_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactRow, phone_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeContactRow, warning_icon);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sonae_contact_row_init (SonaeContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->warning_icon), TRUE);
  g_signal_connect (self->warning_icon, "query-tooltip", G_CALLBACK (warning_query_tooltip_cb), self);
}

GtkWidget *
sonae_contact_row_new (void)
{
  return g_object_new (SONAE_TYPE_CONTACT_ROW, NULL);
}
