/* sonae-import.h: bringing contacts in from vCard and CSV files, and writing
 * the roster out again */
#pragma once

#include "sonae-codec.h"
#include "sonae-store.h"

G_BEGIN_DECLS

typedef struct _SonaeImport SonaeImport;

/* Read and check a whole file (vCard 2.1/3.0/4.0 or CSV; the format is found
 * from the content, the name only hints). Nothing touches the database.
 * A malformed file gives SONAE_ERROR_PARSE, _ENCODING or _TOO_LARGE with a
 * message that says what is wrong and where (line number), and nothing of
 * it is imported. An entry that holds nothing Sonae keeps is left out (see
 * sonae_import_get_left_out()); a file whose entries are all left out is
 * refused. Every text read is valid UTF-8. New contacts go to @group unless
 * the file names a group itself. */
SonaeImport  *sonae_import_new_from_file (const char  *path,
                                          SonaeGroup   group,
                                          GError     **error);
SonaeImport  *sonae_import_new_from_data (const char  *data,
                                          gsize        length,
                                          const char  *name_hint,
                                          SonaeGroup   group,
                                          GError     **error);
void          sonae_import_free          (SonaeImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeImport, sonae_import_free)

/* A short translated description of what was read, e.g. “vCard 3.0” or
 * “CSV (Shift_JIS, Google layout)”. */
const char   *sonae_import_get_format    (SonaeImport *self);
/* Change the group of the contacts the file does not assign one. */
void          sonae_import_set_group     (SonaeImport *self,
                                          SonaeGroup   group);

/* Compare with the roster and decide each entry's action. */
gboolean      sonae_import_plan          (SonaeImport  *self,
                                          SonaeStore   *store,
                                          GError      **error);
/* The entries (SonaeImportEntry *, borrowed), in file order. */
GPtrArray    *sonae_import_get_entries   (SonaeImport  *self);
/* The entries left out (SonaeImportLeftOut *, borrowed), in file order;
 * empty when every entry was read. Show them with the plan: “Line 12: …”. */
GPtrArray    *sonae_import_get_left_out  (SonaeImport  *self);
guint         sonae_import_count         (SonaeImport  *self,
                                          SonaeImportAction action);
/* Plan again and write everything in ONE transaction: all or nothing. */
gboolean      sonae_import_apply         (SonaeImport  *self,
                                          SonaeStore   *store,
                                          GError      **error);

/* .vcf → vCard 4.0, .csv → CSV. FALSE for anything else. */
gboolean      sonae_contacts_format_from_path (const char          *path,
                                               SonaeContactsFormat *out_format);
/* Write the whole roster (all groups, with roles and verified dates) to
 * @path: vCard in UTF-8, CSV in UTF-8 with a BOM so that Excel opens it in
 * Japan. Written to a temporary file and renamed. Importing the file into a
 * new database gives back the same roster. */
gboolean      sonae_export_contacts      (SonaeStore          *store,
                                          const char          *path,
                                          SonaeContactsFormat  format,
                                          GError             **error);

G_END_DECLS
