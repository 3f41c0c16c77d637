/* sonae-db-file.h: the database as files on a disk: checking one without
 * changing it, temporary files, syncing, and tidying what a kill left */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Temporary files in the data folder start with this; whatever a kill
 * leaves of them is removed at the next start. */
#define SONAE_DB_TEMP_PREFIX ".sonae-tmp-"

/* The files sqlite keeps beside a database. */
extern const char *const sonae_db_side_suffixes[]; /* "-journal", "-wal", "-shm", NULL */

/* A new empty file in @dir, made exclusively under a random name with mode
 * 0600 (whatever the umask) and never through a symbolic link. Returns its
 * path, or NULL with @error set. */
char     *sonae_db_file_create_temp  (const char  *dir,
                                      GError     **error);
/* Remove @path and the files sqlite keeps beside it. */
void      sonae_db_file_remove       (const char  *path);
/* Remove the folder @path of ours and the plain files in it. */
void      sonae_db_file_remove_dir   (const char  *path);
/* fsync() @path, a temporary file that will be named @name (for the
 * message); and a folder, so that a rename in it survives a power cut. */
gboolean  sonae_db_file_sync         (const char  *path,
                                      const char  *name,
                                      GError     **error);
void      sonae_db_file_sync_dir     (const char  *dir);
/* A name in @dir that is free: "sonae-@kind-YYYYMMDD-HHMMSS.db", with
 * "-2", "-3" … when needed. */
char     *sonae_db_file_free_name    (const char  *dir,
                                      const char  *kind);
/* Remove what an interrupted Sonae left in the data folder @dir:
 * temporary files, a restore's copy, a backup's partial file, a kept copy
 * that is only a second name of the database. Never the database. */
void      sonae_db_file_tidy         (const char  *dir);
/* Remove the temporary files and folders in @dir whose process is gone. */
void      sonae_db_file_tidy_temp    (const char  *dir);

/* Look at @path without changing it: an SQLite file, intact, written by
 * Sonae (or holding no tables at all: *@out_version is then 0), of a
 * version this Sonae reads, with exactly the tables Sonae makes for that
 * version. Errors: SONAE_ERROR_IO, _CORRUPT, _NOT_SONAE, _NEWER_SCHEMA. */
gboolean  sonae_db_file_check        (const char  *path,
                                      int         *out_version,
                                      GError     **error);
/* The tables, columns, indexes and triggers of @db are exactly those the
 * migrations make up to @version; else SONAE_ERROR_NOT_SONAE naming the
 * first difference, with @path in the message. */
gboolean  sonae_db_file_check_schema (sqlite3     *db,
                                      int          version,
                                      const char  *path,
                                      GError     **error);
/* Read what @db says of itself: its data version and how many tables it
 * has. A file with tables is refused unless Sonae wrote it
 * (SONAE_ERROR_NOT_SONAE) at a version this Sonae reads
 * (SONAE_ERROR_NEWER_SCHEMA); a file without any is anybody's, and empty. */
gboolean  sonae_db_file_read_stamp   (sqlite3     *db,
                                      const char  *path,
                                      int         *out_version,
                                      int         *out_n_tables,
                                      GError     **error);
/* PRAGMA quick_check's first complaint, or NULL when the file is sound. */
char     *sonae_db_file_quick_check  (sqlite3     *db);
int       sonae_db_query_int         (sqlite3     *db,
                                      const char  *sql,
                                      int          fallback);

G_END_DECLS
