/* sonae-backup.h: copies of the database, and putting one back */
#pragma once

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_AUTO_BACKUPS_KEPT 14

/* Write a consistent copy of the open database to @dest with sqlite's online
 * backup API: a single file in rollback-journal mode, mode 0600. It is made
 * in a private temporary folder beside @dest (never through a link someone
 * planted there) and renamed into place whole. */
gboolean  sonae_backup_to_file        (SonaeStore  *store,
                                       const char  *dest,
                                       GError     **error);
/* At most once a day: DIR/backups/sonae-YYYY-MM-DD.db, keeping the newest
 * SONAE_AUTO_BACKUPS_KEPT. Returns the path written, or NULL when today's copy
 * already exists (not an error) or on error. */
char     *sonae_backup_auto           (SonaeStore  *store,
                                       GError     **error);
/* The automatic backups of @data_dir, newest first (paths). */
GPtrArray *sonae_backup_list_auto     (const char *data_dir);
/* The newest automatic backup that passes an integrity check, or NULL. */
char     *sonae_backup_newest_good    (const char *data_dir);

/* Check that @file is an intact Sonae database no newer than ours. */
gboolean  sonae_backup_check_file     (const char  *file,
                                       GError     **error);
/* Replace the database of @data_dir with @file, as a command that changes
 * the folder (refused with SONAE_ERROR_BUSY while the window is open).
 * @file is checked whole first (intact, Sonae's tables and nothing else, no
 * newer than ours). The replaced database is kept as
 * sonae-replaced-YYYYMMDD-HHMMSS.db beside it (path returned in @out_kept),
 * with its -wal; no journal or WAL of the old database stays beside the new
 * one. Either the restore happens whole or the old database stays. */
gboolean  sonae_backup_restore        (const char  *data_dir,
                                       const char  *file,
                                       char       **out_kept,
                                       GError     **error);
/* The same with the writer's lock of the data folder held by the caller
 * (the window), whose store on the folder must be closed. */
gboolean  sonae_backup_restore_locked (SonaeDataLock *lock,
                                       const char    *file,
                                       char         **out_kept,
                                       GError       **error);

G_END_DECLS
