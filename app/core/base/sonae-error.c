#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "sonae-error.h"

G_DEFINE_QUARK (sonae-error-quark, sonae_error)

const char *
sonae_error_disk_full_sentence (void)
{
  return _("The disk is full. Nothing that was saved before was lost; free some space on the disk, then try again.");
}

void
sonae_error_set_from_errno (GError    **error,
                            int         saved_errno,
                            const char *what,
                            const char *path)
{
  g_return_if_fail (what != NULL);

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_DISK_FULL,
                   /* Translators: "<what could not be done> (<file>): <the disk is full sentence>" */
                   _("%s (%s): %s"), what, path, sonae_error_disk_full_sentence ());
      break;
    case EROFS:
    case EACCES:
    case EPERM:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY,
                   _("%s (%s): the file or its folder cannot be written (%s)."),
                   what, path, g_strerror (saved_errno));
      break;
    default:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("%s (%s): %s."), what, path, g_strerror (saved_errno));
      break;
    }
}
