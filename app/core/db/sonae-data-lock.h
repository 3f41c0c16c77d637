/* sonae-data-lock.h: who holds a data folder
 *
 * Only one Sonae writes to a data folder at a time: the window, or a
 * command that changes data (--demo, --import-contacts, --restore). Any
 * number of readers (--export, --backup, --check-reminders …) may read
 * beside it. And nobody has the database open while it is replaced (a new
 * database, a restore): a reader waits a moment for that, and a restore
 * waits for the readers.
 *
 * The locks are open-file-description locks on DIR/sonae.lock, so the
 * kernel drops them when a process dies, however it dies; the file itself
 * only says who holds the writer's lock, for the message a second writer
 * gets. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SONAE_LOCK_NAME "sonae.lock"

typedef enum {
  SONAE_DATA_LOCK_WINDOW,   /* the Sonae window */
  SONAE_DATA_LOCK_COMMAND,  /* a command that changes data */
} SonaeDataLockHolder;

#define SONAE_TYPE_DATA_LOCK (sonae_data_lock_get_type ())
G_DECLARE_FINAL_TYPE (SonaeDataLock, sonae_data_lock, SONAE, DATA_LOCK, GObject)

/* Open (creating when absent) the lock of the data folder @dir, which is
 * made first when it does not exist (mode 0700). A folder that exists but
 * cannot be written is refused with SONAE_ERROR_READ_ONLY when @for_writing;
 * a folder others can read loses those permission bits. Holds no lock yet. */
SonaeDataLock *sonae_data_lock_new            (const char           *dir,
                                               gboolean              for_writing,
                                               GError              **error);
const char    *sonae_data_lock_get_dir        (SonaeDataLock        *self);

/* The writer's lock, for as long as @self lives or until dropped. When a
 * command holds it, wait up to a few seconds for it to finish; when the
 * window holds it, refuse at once with SONAE_ERROR_BUSY and a sentence
 * that names the window. */
gboolean       sonae_data_lock_take_writer    (SonaeDataLock        *self,
                                               SonaeDataLockHolder   holder,
                                               GError              **error);
/* The same without waiting and without an error. */
gboolean       sonae_data_lock_try_writer     (SonaeDataLock        *self,
                                               SonaeDataLockHolder   holder);
void           sonae_data_lock_drop_writer    (SonaeDataLock        *self);
gboolean       sonae_data_lock_is_writer      (SonaeDataLock        *self);

/* Say that the database is open: a shared hold that a replacement waits
 * for. Waits a few seconds while a replacement is under way. */
gboolean       sonae_data_lock_share_database (SonaeDataLock        *self,
                                               GError              **error);
/* Hold the database alone, to replace the file: waits a few seconds for
 * readers to finish, then refuses with SONAE_ERROR_BUSY. Needs the
 * writer's lock. */
gboolean       sonae_data_lock_take_database  (SonaeDataLock        *self,
                                               GError              **error);
/* Let go of the database, shared or alone. */
void           sonae_data_lock_release_database (SonaeDataLock      *self);

G_END_DECLS
