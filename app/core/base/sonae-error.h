/* sonae-error.h: the error domain of everything a user can cause */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SONAE_ERROR (sonae_error_quark ())

typedef enum {
  SONAE_ERROR_FAILED,        /* anything else; the message says what */
  SONAE_ERROR_IO,            /* a file or folder could not be read or written */
  SONAE_ERROR_CORRUPT,       /* the database or a backup is damaged */
  SONAE_ERROR_NEWER_SCHEMA,  /* the file was written by a newer Sonae */
  SONAE_ERROR_NOT_SONAE,     /* the file is not a Sonae database */
  SONAE_ERROR_READ_ONLY,     /* the database cannot be written */
  SONAE_ERROR_PARSE,         /* an imported file is malformed */
  SONAE_ERROR_ENCODING,      /* an imported file has a broken character encoding */
  SONAE_ERROR_TOO_LARGE,     /* a file, line or field is larger than Sonae accepts */
  SONAE_ERROR_NOT_FOUND,     /* the record asked for does not exist */
  SONAE_ERROR_INVALID,       /* a value a user gave is not acceptable */
  SONAE_ERROR_EXISTS,        /* the thing would overwrite data that is already there */
  SONAE_ERROR_DISK_FULL,     /* the disk (or the user's quota) is full; nothing saved was lost */
  SONAE_ERROR_BUSY,          /* another Sonae holds the data folder for writing */
} SonaeError;

GQuark sonae_error_quark (void);

/* Set @error for a file operation on @path that failed with @saved_errno:
 * "@what: <cause>." A full disk (ENOSPC, EDQUOT) gets SONAE_ERROR_DISK_FULL
 * and the sentence that says so; a read-only one SONAE_ERROR_READ_ONLY;
 * anything else SONAE_ERROR_IO with the system's words. */
void sonae_error_set_from_errno (GError    **error,
                                 int         saved_errno,
                                 const char *what,
                                 const char *path);

/* The sentence for a full disk, translated: what happened, that nothing
 * saved was lost, and what to do. */
const char *sonae_error_disk_full_sentence (void);

G_END_DECLS
