/* The debounced save every editing view shares: a burst of keystrokes is
 * written once, a moment after the last; a view that writes now or goes
 * away cancels the wait. */
#include "config.h"

#include <glib.h>

#include "sonae-autosave.h"
#include "sonae-test-util.h"

static void
count_cb (gpointer data)
{
  (*(guint *) data)++;
}

static gboolean
saved_once (gpointer data)
{
  return *(guint *) data == 1;
}

static void
test_burst_saved_once (void)
{
  SonaeAutosave autosave;
  guint saves = 0;

  sonae_autosave_init (&autosave, 50, count_cb, &saves);
  g_assert_false (sonae_autosave_is_pending (&autosave));
  for (guint i = 0; i < 5; i++)
    {
      sonae_autosave_schedule (&autosave);
      sonae_test_spin_for (10);
    }
  g_assert_cmpuint (saves, ==, 0);
  g_assert_true (sonae_autosave_is_pending (&autosave));
  sonae_test_spin_until (saved_once, &saves, 2000, "the save after the last keystroke");
  g_assert_false (sonae_autosave_is_pending (&autosave));
  sonae_test_spin_for (100);
  g_assert_cmpuint (saves, ==, 1);
}

static void
test_cancel (void)
{
  SonaeAutosave autosave;
  guint saves = 0;

  sonae_autosave_init (&autosave, 30, count_cb, &saves);
  g_assert_false (sonae_autosave_cancel (&autosave));
  sonae_autosave_schedule (&autosave);
  g_assert_true (sonae_autosave_cancel (&autosave));
  g_assert_false (sonae_autosave_is_pending (&autosave));
  sonae_test_spin_for (100);
  g_assert_cmpuint (saves, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autosave/burst-saved-once", test_burst_saved_once);
  g_test_add_func ("/autosave/cancel", test_cancel);

  return g_test_run ();
}
