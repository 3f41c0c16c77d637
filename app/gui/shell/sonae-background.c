/* sonae-background.c: reminders at login through the Background portal */
#include "config.h"

#include <glib/gi18n-lib.h>

#ifdef HAVE_LIBPORTAL
#include <libportal-gtk4/portal-gtk4.h>
#include <libportal/portal.h>
#endif

#include "sonae-autostart.h"
#include "sonae-background.h"
#include "sonae-error.h"

gboolean
sonae_background_available (void)
{
#ifdef HAVE_LIBPORTAL
  return TRUE;
#else
  return FALSE;
#endif
}

#ifdef HAVE_LIBPORTAL
static void
request_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean autostart = GPOINTER_TO_INT (g_task_get_task_data (task));

  /* The portal answers FALSE when the user said no: with the flag off
   * that is what was asked. */
  if (xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error) || (!autostart && error == NULL))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_new_error (task, SONAE_ERROR, SONAE_ERROR_FAILED,
                             _("The desktop did not answer the request to start Sonae at login (%s)."),
                             error->message);
  else
    g_task_return_new_error (task, SONAE_ERROR, SONAE_ERROR_FAILED,
                             _("Sonae is not allowed to start at login. You can allow it in the system "
                               "settings, under Apps."));
}
#endif

void
sonae_background_request_autostart (GtkWindow           *parent,
                                    gboolean             autostart,
                                    const char          *data_dir,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sonae_background_request_autostart);
  g_task_set_task_data (task, GINT_TO_POINTER (autostart), NULL);

#ifdef HAVE_LIBPORTAL
  {
    g_autoptr(XdpPortal) portal = xdp_portal_new ();
    XdpParent *xdp_parent = parent != NULL ? xdp_parent_new_gtk (parent) : NULL;
    g_auto(GStrv) argv = sonae_autostart_argv ("sonae", data_dir);
    GPtrArray *commandline = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *reason = g_strdup (_("Sonae shows what is due, such as reports to the authorities, when you log in."));

    for (guint i = 0; argv[i] != NULL; i++)
      g_ptr_array_add (commandline, g_strdup (argv[i]));
    xdp_portal_request_background (portal, xdp_parent, reason, commandline,
                                   autostart ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                   cancellable, request_done_cb, g_steal_pointer (&task));
#ifndef SONAE_LIBPORTAL_TAKES_COMMANDLINE
    /* Before libportal 0.10 the call kept its own reference. */
    g_ptr_array_unref (commandline);
#endif
    g_clear_pointer (&xdp_parent, xdp_parent_free);
  }
#else
  g_task_return_new_error (task, SONAE_ERROR, SONAE_ERROR_FAILED,
                           _("This build of Sonae cannot ask the desktop to start it at login: it was built "
                             "without libportal."));
#endif
}

gboolean
sonae_background_request_autostart_finish (GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
