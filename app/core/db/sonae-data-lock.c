#define _GNU_SOURCE /* F_OFD_SETLK */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sonae-data-lock.h"
#include "sonae-error.h"

/* Byte 0 of the lock file is the writer's; byte 1 says who has the
 * database open (shared) or is replacing it (alone). */
#define WRITER_BYTE 0
#define DATABASE_BYTE 1

/* How long a writer waits for a command to finish, and anyone for the
 * database: long enough for a backup or an import of a big roster. */
#define COMMAND_WAIT_MS 20000
#define DATABASE_WAIT_MS 20000
#define POLL_MS 25

struct _SonaeDataLock
{
  GObject parent_instance;

  /* owned */
  char *dir;
  char *path;
  int fd;              /* -1 when the lock file could not be made (a full disk) */

  gboolean writer;
  short database;      /* F_UNLCK, F_RDLCK or F_WRLCK */
};

G_DEFINE_TYPE (SonaeDataLock, sonae_data_lock, G_TYPE_OBJECT)

static void
sonae_data_lock_finalize (GObject *object)
{
  SonaeDataLock *self = SONAE_DATA_LOCK (object);

  /* Closing the file description drops every lock it holds. */
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->dir);
  g_free (self->path);

  G_OBJECT_CLASS (sonae_data_lock_parent_class)->finalize (object);
}

static void
sonae_data_lock_class_init (SonaeDataLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sonae_data_lock_finalize;
}

static void
sonae_data_lock_init (SonaeDataLock *self)
{
  self->fd = -1;
  self->database = F_UNLCK;
}

/* Make the folder when it is missing; refuse one that cannot be written
 * (a folder someone made read-only is not ours to change back); take away
 * what others may do in it, since it holds personal data. */
static gboolean
prepare_dir (const char  *dir,
             gboolean     for_writing,
             GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      sonae_error_set_from_errno (error, errno, _("Could not create the data folder"), dir);
      return FALSE;
    }
  if (g_stat (dir, &st) != 0)
    {
      sonae_error_set_from_errno (error, errno, _("Could not read the data folder"), dir);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   _("The data folder %s is not a folder but a file. Choose another data folder."), dir);
      return FALSE;
    }
  /* The owner's bits count even for root, who could write anyway. */
  if ((st.st_mode & S_IWUSR) == 0 || (st.st_mode & S_IXUSR) == 0 || g_access (dir, W_OK | X_OK) != 0)
    {
      if (for_writing || (st.st_mode & S_IXUSR) == 0 || g_access (dir, X_OK) != 0)
        {
          g_set_error (error, SONAE_ERROR, SONAE_ERROR_READ_ONLY,
                       _("The data folder %s cannot be written: it is read-only. Sonae will not open it, so that nothing you type is lost. Make the folder writable again, or choose another data folder."),
                       dir);
          return FALSE;
        }
    }
  else if ((st.st_mode & 077) != 0 && st.st_uid == geteuid ())
    g_chmod (dir, st.st_mode & 0700);
  return TRUE;
}

SonaeDataLock *
sonae_data_lock_new (const char  *dir,
                     gboolean     for_writing,
                     GError     **error)
{
  g_autoptr(SonaeDataLock) self = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if (!prepare_dir (dir, for_writing, error))
    return NULL;

  self = g_object_new (SONAE_TYPE_DATA_LOCK, NULL);
  self->dir = g_strdup (dir);
  self->path = g_build_filename (dir, SONAE_LOCK_NAME, NULL);
  self->fd = g_open (self->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int saved = errno;

      /* Reading must still work on a full disk or a read-only folder:
       * without the file there is nobody to wait for but ourselves. */
      if (!for_writing || saved == ENOSPC || saved == EDQUOT)
        {
          g_debug ("no lock file in %s: %s", dir, g_strerror (saved));
          return g_steal_pointer (&self);
        }
      sonae_error_set_from_errno (error, saved, _("Could not open the data folder"), self->path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
sonae_data_lock_get_dir (SonaeDataLock *self)
{
  g_return_val_if_fail (SONAE_IS_DATA_LOCK (self), NULL);
  return self->dir;
}

static gboolean
set_lock (SonaeDataLock *self,
          off_t          byte,
          short          type)
{
  struct flock fl = { 0 };

  if (self->fd < 0)
    return TRUE;
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = byte;
  fl.l_len = 1;
  return fcntl (self->fd, F_OFD_SETLK, &fl) == 0;
}

/* Who holds the writer's lock, as its holder wrote it: "PID KIND". */
static gboolean
read_holder (SonaeDataLock       *self,
             SonaeDataLockHolder *out_holder,
             long                *out_pid)
{
  char buf[64] = { 0 };
  ssize_t n = pread (self->fd, buf, sizeof buf - 1, 16);
  char kind[16] = { 0 };

  if (n <= 0 || sscanf (buf, "%ld %15s", out_pid, kind) != 2)
    return FALSE;
  *out_holder = g_str_equal (kind, "window") ? SONAE_DATA_LOCK_WINDOW : SONAE_DATA_LOCK_COMMAND;
  return TRUE;
}

static void
write_holder (SonaeDataLock       *self,
              SonaeDataLockHolder  holder)
{
  g_autofree char *text = g_strdup_printf ("%ld %s\n", (long) getpid (),
                                           holder == SONAE_DATA_LOCK_WINDOW ? "window" : "command");

  if (self->fd < 0)
    return;
  /* Past the two lock bytes; a stale line is harmless: it is read only
   * while somebody holds the lock, and that somebody wrote it. */
  if (ftruncate (self->fd, 16) != 0 ||
      pwrite (self->fd, text, strlen (text), 16) < 0)
    g_debug ("could not note the lock's holder: %s", g_strerror (errno));
}

gboolean
sonae_data_lock_try_writer (SonaeDataLock       *self,
                            SonaeDataLockHolder  holder)
{
  g_return_val_if_fail (SONAE_IS_DATA_LOCK (self), FALSE);

  if (self->writer)
    return TRUE;
  if (!set_lock (self, WRITER_BYTE, F_WRLCK))
    return FALSE;
  self->writer = TRUE;
  write_holder (self, holder);
  return TRUE;
}

gboolean
sonae_data_lock_take_writer (SonaeDataLock        *self,
                             SonaeDataLockHolder   holder,
                             GError              **error)
{
  gint64 deadline = g_get_monotonic_time () + COMMAND_WAIT_MS * G_TIME_SPAN_MILLISECOND;
  SonaeDataLockHolder other = SONAE_DATA_LOCK_COMMAND;
  long pid = 0;

  g_return_val_if_fail (SONAE_IS_DATA_LOCK (self), FALSE);

  while (!sonae_data_lock_try_writer (self, holder))
    {
      gboolean known = read_holder (self, &other, &pid);

      /* A window stays open for hours: say so now rather than wait. */
      if ((known && other == SONAE_DATA_LOCK_WINDOW) || g_get_monotonic_time () > deadline)
        {
          if (known && other == SONAE_DATA_LOCK_WINDOW)
            g_set_error (error, SONAE_ERROR, SONAE_ERROR_BUSY,
                         _("The Sonae window is open with the data folder %s (process %ld), and only one Sonae may change it at a time. Do it in that window, or close the window and try again."),
                         self->dir, pid);
          else if (known)
            g_set_error (error, SONAE_ERROR, SONAE_ERROR_BUSY,
                         _("Another Sonae command (process %ld) is still changing the data folder %s. Try again when it has finished."),
                         pid, self->dir);
          else
            g_set_error (error, SONAE_ERROR, SONAE_ERROR_BUSY,
                         _("Another Sonae is changing the data folder %s. Try again when it has finished."),
                         self->dir);
          return FALSE;
        }
      g_usleep (POLL_MS * 1000);
    }
  return TRUE;
}

void
sonae_data_lock_drop_writer (SonaeDataLock *self)
{
  g_return_if_fail (SONAE_IS_DATA_LOCK (self));

  if (!self->writer)
    return;
  set_lock (self, WRITER_BYTE, F_UNLCK);
  self->writer = FALSE;
}

gboolean
sonae_data_lock_is_writer (SonaeDataLock *self)
{
  g_return_val_if_fail (SONAE_IS_DATA_LOCK (self), FALSE);
  return self->writer;
}

static gboolean
wait_for_database (SonaeDataLock *self,
                   short          type)
{
  gint64 deadline = g_get_monotonic_time () + DATABASE_WAIT_MS * G_TIME_SPAN_MILLISECOND;

  while (!set_lock (self, DATABASE_BYTE, type))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (POLL_MS * 1000);
    }
  self->database = type;
  return TRUE;
}

gboolean
sonae_data_lock_share_database (SonaeDataLock  *self,
                                GError        **error)
{
  g_return_val_if_fail (SONAE_IS_DATA_LOCK (self), FALSE);

  if (self->database == F_RDLCK)
    return TRUE;
  if (!wait_for_database (self, F_RDLCK))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_BUSY,
                   _("The database in %s is being replaced by a restore. Try again in a moment."),
                   self->dir);
      return FALSE;
    }
  return TRUE;
}

gboolean
sonae_data_lock_take_database (SonaeDataLock  *self,
                               GError        **error)
{
  g_return_val_if_fail (SONAE_IS_DATA_LOCK (self), FALSE);
  g_return_val_if_fail (self->writer, FALSE);

  if (self->database == F_WRLCK)
    return TRUE;
  if (!wait_for_database (self, F_WRLCK))
    {
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_BUSY,
                   _("Another Sonae program is reading the database in %s (a backup, an export or the reminders). Nothing was changed; try again when it has finished."),
                   self->dir);
      return FALSE;
    }
  return TRUE;
}

void
sonae_data_lock_release_database (SonaeDataLock *self)
{
  g_return_if_fail (SONAE_IS_DATA_LOCK (self));

  if (self->database == F_UNLCK)
    return;
  set_lock (self, DATABASE_BYTE, F_UNLCK);
  self->database = F_UNLCK;
}
