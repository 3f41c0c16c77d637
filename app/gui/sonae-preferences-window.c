/* sonae-preferences-window.c: the organisation profile, saved as typed */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-preferences-window.h"
#include "sonae-profile-group.h"

struct _SonaePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  SonaeProfileGroup *profile_group;

  /* owned */
  SonaeStore *store;

  /* state */
  guint save_source;
};

G_DEFINE_FINAL_TYPE (SonaePreferencesWindow, sonae_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
save (SonaePreferencesWindow *self)
{
  g_autoptr(SonaeProfile) profile = sonae_profile_group_get_profile (self->profile_group);
  g_autoptr(GError) error = NULL;

  if (!sonae_store_set_profile (self->store, profile, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
}

static gboolean
save_cb (gpointer user_data)
{
  SonaePreferencesWindow *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
profile_changed_cb (SonaePreferencesWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SONAE_PREFERENCES_SAVE_DELAY, save_cb, self);
}

void
sonae_preferences_window_flush (SonaePreferencesWindow *self)
{
  g_return_if_fail (SONAE_IS_PREFERENCES_WINDOW (self));

  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      save (self);
    }
}

static gboolean
sonae_preferences_window_close_request (GtkWindow *window)
{
  sonae_preferences_window_flush (SONAE_PREFERENCES_WINDOW (window));
  return GTK_WINDOW_CLASS (sonae_preferences_window_parent_class)->close_request (window);
}

static void
sonae_preferences_window_dispose (GObject *object)
{
  SonaePreferencesWindow *self = SONAE_PREFERENCES_WINDOW (object);

  /* An edit typed just before the window went away is still saved. */
  if (self->store != NULL)
    sonae_preferences_window_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_preferences_window_parent_class)->dispose (object);
}

static void
sonae_preferences_window_class_init (SonaePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sonae_preferences_window_dispose;
  window_class->close_request = sonae_preferences_window_close_request;

  g_type_ensure (SONAE_TYPE_PROFILE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaePreferencesWindow, profile_group);
  gtk_widget_class_bind_template_callback (widget_class, profile_changed_cb);
}

static void
sonae_preferences_window_init (SonaePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sonae_preferences_window_new (GtkWindow  *parent,
                              SonaeStore *store)
{
  SonaePreferencesWindow *self;
  g_autoptr(SonaeProfile) profile = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  profile = sonae_store_get_profile (store);
  sonae_profile_group_set_profile (self->profile_group, profile);
  return GTK_WIDGET (self);
}
