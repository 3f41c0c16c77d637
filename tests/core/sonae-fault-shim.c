/* sonae-fault-shim.c: LD_PRELOAD'ed into a real Sonae process by the fault
 * tests, to meet it with what a machine does to it — without root and
 * without touching anything outside one folder.
 *
 *   SONAE_FAULT_DIR=DIR         only files under DIR are concerned
 *   SONAE_FAULT_KILL_AT=N       SIGKILL the process at the Nth moment that
 *                               makes data durable or visible (fsync,
 *                               fdatasync, rename, link, unlink) under DIR,
 *                               just before it happens
 *   SONAE_FAULT_KILL_AFTER=N    the same, just after it happened
 *   SONAE_FAULT_COUNT_FILE=F    write the number of such moments to F at exit
 *   SONAE_FAULT_FULL_AFTER=B    the disk under DIR is full after B more
 *                               bytes: writes fail with ENOSPC, as they do
 *                               on a full disk (a file can still be made,
 *                               and shrunk, and read)
 *   SONAE_FAULT_NO_MKDIR=1      no folder can be made under DIR (EPERM),
 *                               files can: as in the folder the document
 *                               portal shows a Flatpak for a file chosen
 */
#define _GNU_SOURCE
/* Both the 32- and 64-bit offset calls are defined here, under their own
 * names: the build's large-file option would make one the other. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static char fault_dir[PATH_MAX];
static size_t fault_dir_len;
static long kill_at = -1;
static long kill_after = -1;
static long full_after = -1;
static int no_mkdir;
static const char *count_file;
static long moments;
static long long written;

static void __attribute__ ((constructor))
shim_init (void)
{
  const char *dir = getenv ("SONAE_FAULT_DIR");
  const char *v;

  if (dir == NULL || realpath (dir, fault_dir) == NULL)
    fault_dir[0] = '\0';
  fault_dir_len = strlen (fault_dir);
  if ((v = getenv ("SONAE_FAULT_KILL_AT")) != NULL)
    kill_at = atol (v);
  if ((v = getenv ("SONAE_FAULT_KILL_AFTER")) != NULL)
    kill_after = atol (v);
  if ((v = getenv ("SONAE_FAULT_FULL_AFTER")) != NULL)
    full_after = atol (v);
  count_file = getenv ("SONAE_FAULT_COUNT_FILE");
  no_mkdir = getenv ("SONAE_FAULT_NO_MKDIR") != NULL;
}

static void __attribute__ ((destructor))
shim_fini (void)
{
  if (count_file != NULL)
    {
      FILE *f = fopen (count_file, "w");
      if (f != NULL)
        {
          fprintf (f, "%ld\n", moments);
          fclose (f);
        }
    }
}

static int
path_concerned (const char *path)
{
  char resolved[PATH_MAX + 2];
  char parent[PATH_MAX];
  const char *slash;

  if (fault_dir_len == 0 || path == NULL)
    return 0;
  if (realpath (path, resolved) == NULL)
    {
      /* A file about to be made or already gone: look at its folder. */
      slash = strrchr (path, '/');
      if (slash == NULL)
        {
          if (getcwd (parent, sizeof parent) == NULL)
            return 0;
        }
      else
        {
          size_t n = (size_t) (slash - path);
          char dir[PATH_MAX];

          if (n == 0 || n >= sizeof dir)
            return 0;
          memcpy (dir, path, n);
          dir[n] = '\0';
          if (realpath (dir, parent) == NULL)
            return 0;
        }
      snprintf (resolved, sizeof resolved, "%s/", parent);
    }
  return strncmp (resolved, fault_dir, fault_dir_len) == 0 &&
         (resolved[fault_dir_len] == '/' || resolved[fault_dir_len] == '\0');
}

static int
fd_concerned (int fd)
{
  char link[64];
  char target[PATH_MAX];
  ssize_t n;

  if (fault_dir_len == 0)
    return 0;
  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, target, sizeof target - 1);
  if (n <= 0)
    return 0;
  target[n] = '\0';
  return strncmp (target, fault_dir, fault_dir_len) == 0 &&
         (target[fault_dir_len] == '/' || target[fault_dir_len] == '\0');
}

static void
moment_before (int concerned)
{
  if (!concerned)
    return;
  moments++;
  if (moments == kill_at)
    raise (SIGKILL);
}

static void
moment_after (int concerned)
{
  if (concerned && moments == kill_after)
    raise (SIGKILL);
}

/* How much of @count fits on the "disk"; -1 with ENOSPC when nothing. */
static ssize_t
room_for (int fd, size_t count)
{
  if (full_after < 0 || !fd_concerned (fd))
    return (ssize_t) count;
  if (written >= full_after)
    {
      errno = ENOSPC;
      return -1;
    }
  if ((long long) count > full_after - written)
    count = (size_t) (full_after - written);
  return (ssize_t) count;
}

#define REAL(name) \
  static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

ssize_t
write (int fd, const void *buf, size_t count)
{
  ssize_t room;
  ssize_t n;
  REAL (write);

  if (count > 0 && (room = room_for (fd, count)) < 0)
    return -1;
  if (count > 0)
    count = (size_t) room;
  n = real_write (fd, buf, count);
  if (n > 0 && full_after >= 0 && fd_concerned (fd))
    written += n;
  return n;
}

ssize_t
pwrite64 (int fd, const void *buf, size_t count, off64_t offset)
{
  ssize_t room;
  ssize_t n;
  REAL (pwrite64);

  if (count > 0 && (room = room_for (fd, count)) < 0)
    return -1;
  if (count > 0)
    count = (size_t) room;
  n = real_pwrite64 (fd, buf, count, offset);
  if (n > 0 && full_after >= 0 && fd_concerned (fd))
    written += n;
  return n;
}

ssize_t
pwrite (int fd, const void *buf, size_t count, off_t offset)
{
  return pwrite64 (fd, buf, count, offset);
}

ssize_t
writev (int fd, const struct iovec *iov, int iovcnt)
{
  size_t total = 0;
  ssize_t n;
  REAL (writev);

  for (int i = 0; i < iovcnt; i++)
    total += iov[i].iov_len;
  if (total > 0 && full_after >= 0 && fd_concerned (fd) && room_for (fd, total) != (ssize_t) total)
    {
      errno = ENOSPC;
      return -1;
    }
  n = real_writev (fd, iov, iovcnt);
  if (n > 0 && full_after >= 0 && fd_concerned (fd))
    written += n;
  return n;
}

int
fallocate64 (int fd, int mode, off64_t offset, off64_t len)
{
  REAL (fallocate64);

  if (full_after >= 0 && fd_concerned (fd) && written + len > full_after)
    {
      errno = ENOSPC;
      return -1;
    }
  return real_fallocate64 (fd, mode, offset, len);
}

int
posix_fallocate64 (int fd, off64_t offset, off64_t len)
{
  REAL (posix_fallocate64);

  if (full_after >= 0 && fd_concerned (fd) && written + len > full_after)
    return ENOSPC;
  return real_posix_fallocate64 (fd, offset, len);
}

int
fsync (int fd)
{
  int concerned = fd_concerned (fd);
  int rc;
  REAL (fsync);

  moment_before (concerned);
  rc = real_fsync (fd);
  moment_after (concerned);
  return rc;
}

int
fdatasync (int fd)
{
  int concerned = fd_concerned (fd);
  int rc;
  REAL (fdatasync);

  moment_before (concerned);
  rc = real_fdatasync (fd);
  moment_after (concerned);
  return rc;
}

int
rename (const char *from, const char *to)
{
  int concerned = path_concerned (from) || path_concerned (to);
  int rc;
  REAL (rename);

  moment_before (concerned);
  rc = real_rename (from, to);
  moment_after (concerned);
  return rc;
}

int
link (const char *from, const char *to)
{
  int concerned = path_concerned (from) || path_concerned (to);
  int rc;
  REAL (link);

  moment_before (concerned);
  rc = real_link (from, to);
  moment_after (concerned);
  return rc;
}

int
unlink (const char *path)
{
  int concerned = path_concerned (path);
  int rc;
  REAL (unlink);

  moment_before (concerned);
  rc = real_unlink (path);
  moment_after (concerned);
  return rc;
}

int
mkdir (const char *path,
       mode_t      mode)
{
  REAL (mkdir);

  if (no_mkdir && path_concerned (path))
    {
      errno = EPERM;
      return -1;
    }
  return real_mkdir (path, mode);
}
