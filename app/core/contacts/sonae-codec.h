/* sonae-codec.h: what a contact file holds, as the vCard and CSV readers
 * read it: its entries, and the entries left out */
#pragma once

#include "sonae-contact.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_IMPORT_ADD,    /* a new contact */
  SONAE_IMPORT_MERGE,  /* already in the roster; the file adds phones, e-mails or fields */
  SONAE_IMPORT_SKIP,   /* already in the roster with nothing new */
} SonaeImportAction;

typedef struct {
  SonaeContact *contact;       /* as read from the file (owned by the import) */
  SonaeImportAction action;    /* decided by sonae_import_plan() */
  gint64 existing_id;          /* MERGE / SKIP: the roster's contact, else 0 */
} SonaeImportEntry;

/* An entry of the file that the import leaves out because it holds nothing
 * Sonae keeps (say, only a chat address or a program's private fields). The
 * rest of the file is imported. */
typedef struct {
  guint line;                  /* where the entry starts in the file */
  char *reason;                /* a translated sentence that says why */
} SonaeImportLeftOut;

/* The formats Sonae writes the roster in. */
typedef enum {
  SONAE_CONTACTS_VCARD4,
  SONAE_CONTACTS_VCARD3,
  SONAE_CONTACTS_CSV,
} SonaeContactsFormat;

G_END_DECLS
