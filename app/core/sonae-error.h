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
} SonaeError;

GQuark sonae_error_quark (void);

G_END_DECLS
