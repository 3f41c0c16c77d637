/* libbench-first-frame.so: preloaded into a GTK 4 program (Sonae or
 * bench-bare-window, unchanged), it ends the program at its first frame
 * and says when that was and how much memory it took to get there.
 *
 *   BENCH_FIRST_FRAME_OUT=FILE LD_PRELOAD=.../libbench-first-frame.so PROGRAM …
 *
 * It wraps gtk_window_present (and gtk_window_present_with_time): the first
 * window presented is followed to its "map", then to the "after-paint" of
 * its frame clock; at the first after-paint with the surface mapped it
 * writes FILE and _exit(0)s, so that nothing after the first frame
 * (shutdown, idle work) is counted. FILE has one "key value" a line:
 *
 *   first_frame_monotonic_ns  CLOCK_MONOTONIC at the first frame: compare
 *                             it with the time the process was spawned,
 *                             taken on the same clock by whoever spawned it
 *   since_load_ms             from this library's constructor (before main)
 *   since_process_start_ms    from the kernel's start time of the process
 *                             (/proc/self/stat; clock-tick resolution, 10 ms)
 *   vm_hwm_kib, vm_rss_kib    peak and current resident memory (/proc/self/status)
 *   frames                    after-paints seen (1 unless the surface was
 *                             not yet mapped at the first)
 *   window                    the type of the window
 *
 * Without BENCH_FIRST_FRAME_OUT it writes to stderr and still exits. At the
 * first window it unsets LD_PRELOAD, so that what the program starts from
 * then on runs without it. BENCH_FIRST_FRAME_DEBUG=1 says what it sees. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static gint64 load_ns;
static gboolean debug;
static gboolean following;   /* a window is followed already */
static guint frames;

static gint64
monotonic_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

__attribute__ ((constructor)) static void
first_frame_init (void)
{
  load_ns = monotonic_ns ();
  debug = getenv ("BENCH_FIRST_FRAME_DEBUG") != NULL;
}

/* Milliseconds from the kernel's start time of this process to now: field
 * 22 of /proc/self/stat, in clock ticks since boot (CLOCK_BOOTTIME). */
static double
since_process_start_ms (void)
{
  char buf[1024];
  ssize_t len;
  int fd = open ("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  const char *p;
  unsigned long long start_ticks;
  struct timespec now;
  int field;

  if (fd < 0)
    return -1;
  len = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (len <= 0)
    return -1;
  buf[len] = '\0';
  /* The command name, field 2, may hold spaces: count from after it. */
  p = strrchr (buf, ')');
  if (p == NULL)
    return -1;
  p++;
  for (field = 2; field < 22 && *p != '\0'; p++)
    if (*p == ' ')
      field++;
  if (sscanf (p, " %llu", &start_ticks) != 1)
    return -1;
  clock_gettime (CLOCK_BOOTTIME, &now);
  return (now.tv_sec + now.tv_nsec / 1e9 - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

/* A "Name:   1234 kB" line of /proc/self/status, in KiB; -1 if absent. */
static long
status_kib (const char *status,
            const char *name)
{
  const char *p = strstr (status, name);

  if (p == NULL)
    return -1;
  return strtol (p + strlen (name), NULL, 10);
}

static void
report (GtkWidget *window,
        gint64     now_ns)
{
  char status[8192];
  char out[1024];
  const char *path = g_getenv ("BENCH_FIRST_FRAME_OUT");
  int fd = open ("/proc/self/status", O_RDONLY | O_CLOEXEC);
  ssize_t len = fd >= 0 ? read (fd, status, sizeof status - 1) : -1;
  int n;

  if (fd >= 0)
    close (fd);
  status[len > 0 ? len : 0] = '\0';

  n = snprintf (out, sizeof out,
                "first_frame_monotonic_ns %" G_GINT64_FORMAT "\n"
                "since_load_ms %.3f\n"
                "since_process_start_ms %.0f\n"
                "vm_hwm_kib %ld\n"
                "vm_rss_kib %ld\n"
                "frames %u\n"
                "window %s\n",
                now_ns,
                (now_ns - load_ns) / 1e6,
                since_process_start_ms (),
                status_kib (status, "VmHWM:"),
                status_kib (status, "VmRSS:"),
                frames,
                G_OBJECT_TYPE_NAME (window));
  if (path != NULL && *path != '\0')
    {
      /* Whole or not at all: written beside, then renamed. */
      g_autofree char *tmp = g_strdup_printf ("%s.tmp", path);
      int out_fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

      if (out_fd < 0 || write (out_fd, out, (size_t) n) != n || close (out_fd) != 0 ||
          rename (tmp, path) != 0)
        {
          fprintf (stderr, "first-frame: could not write %s: %s\n", path, strerror (errno));
          _exit (3);
        }
    }
  else
    fputs (out, stderr);
  _exit (0);
}

static void
after_paint (GdkFrameClock *frame_clock,
             GtkWidget     *window)
{
  gint64 now_ns = monotonic_ns ();
  GtkNative *native = GTK_NATIVE (window);
  GdkSurface *surface = gtk_native_get_surface (native);

  frames++;
  if (debug)
    fprintf (stderr, "first-frame: after-paint %u, surface %p mapped %d\n", frames, (void *) surface,
             surface ? gdk_surface_get_mapped (surface) : 0);
  if (surface == NULL || !gdk_surface_get_mapped (surface))
    return;
  report (window, now_ns);
}

static void
window_mapped (GtkWidget *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  if (debug)
    fprintf (stderr, "first-frame: mapped %s, frame clock %p\n", G_OBJECT_TYPE_NAME (window), (void *) frame_clock);
  if (frame_clock == NULL)
    {
      fprintf (stderr, "first-frame: the window has no frame clock\n");
      _exit (4);
    }
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint), window);
}

static void
follow (GtkWindow *window)
{
  if (following || !GTK_IS_WINDOW (window))
    return;
  following = TRUE;
  /* This is the program measured: what it starts from now on runs without
   * the library (a wrapper such as timeout(1) before it kept it). */
  unsetenv ("LD_PRELOAD");
  if (debug)
    fprintf (stderr, "first-frame: present %s\n", G_OBJECT_TYPE_NAME (window));
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    window_mapped (GTK_WIDGET (window));
  else
    g_signal_connect (window, "map", G_CALLBACK (window_mapped), NULL);
}

static gpointer
real (const char *name)
{
  gpointer fn = dlsym (RTLD_NEXT, name);

  if (fn == NULL)
    {
      fprintf (stderr, "first-frame: %s not found: %s\n", name, dlerror ());
      _exit (5);
    }
  return fn;
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*present) (GtkWindow *) = NULL;

  if (present == NULL)
    present = (void (*) (GtkWindow *)) real ("gtk_window_present");
  follow (window);
  present (window);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  static void (*present) (GtkWindow *, guint32) = NULL;

  if (present == NULL)
    present = (void (*) (GtkWindow *, guint32)) real ("gtk_window_present_with_time");
  follow (window);
  present (window, timestamp);
}
