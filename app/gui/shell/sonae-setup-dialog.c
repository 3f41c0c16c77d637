/* sonae-setup-dialog.c: the short, skippable setup of the first start */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-gui-util.h"
#include "sonae-help.h"
#include "sonae-profile-group.h"
#include "sonae-setup-dialog.h"

struct _SonaeSetupDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  SonaeProfileGroup *profile_group;

  /* owned */
  SonaeStore *store;

  /* state */
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (SonaeSetupDialog, sonae_setup_dialog, ADW_TYPE_WINDOW)

static gboolean
finish (SonaeSetupDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!sonae_store_set_setup_done (self->store, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save the setup"), error);
      return FALSE;
    }
  self->finished = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
skip_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  finish (SONAE_SETUP_DIALOG (widget));
}

static void
done_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  SonaeSetupDialog *self = SONAE_SETUP_DIALOG (widget);
  g_autoptr(SonaeProfile) profile = sonae_profile_group_get_profile (self->profile_group);
  g_autoptr(GError) error = NULL;

  if (!sonae_store_set_profile (self->store, profile, &error))
    {
      sonae_show_error (widget, _("Could not save the organisation profile"), error);
      return;
    }
  finish (self);
}

static gboolean
sonae_setup_dialog_close_request (GtkWindow *window)
{
  SonaeSetupDialog *self = SONAE_SETUP_DIALOG (window);

  /* Closing the window counts as skipping: the setup never comes back to
   * stand between a person and the contact roster. */
  if (!self->finished)
    {
      g_autoptr(GError) error = NULL;

      self->finished = TRUE;
      if (!sonae_store_set_setup_done (self->store, &error))
        g_debug ("Could not mark the setup as done: %s", error->message);
    }
  return GTK_WINDOW_CLASS (sonae_setup_dialog_parent_class)->close_request (window);
}

static void
sonae_setup_dialog_dispose (GObject *object)
{
  SonaeSetupDialog *self = SONAE_SETUP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_SETUP_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_setup_dialog_parent_class)->dispose (object);
}

static void
sonae_setup_dialog_class_init (SonaeSetupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sonae_setup_dialog_dispose;
  window_class->close_request = sonae_setup_dialog_close_request;

  g_type_ensure (SONAE_TYPE_PROFILE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-setup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeSetupDialog, profile_group);

  gtk_widget_class_install_action (widget_class, "setup.skip", NULL, skip_cb);
  gtk_widget_class_install_action (widget_class, "setup.done", NULL, done_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "setup.skip", NULL);
}

static void
sonae_setup_dialog_init (SonaeSetupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_help_bind_f1 (GTK_WINDOW (self), "setup");
}

GtkWidget *
sonae_setup_dialog_new (GtkWindow  *parent,
                        SonaeStore *store)
{
  SonaeSetupDialog *self;
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_SETUP_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  profile = sonae_store_get_profile (store);
  sonae_profile_group_set_profile (self->profile_group, profile);
  return GTK_WIDGET (self);
}
