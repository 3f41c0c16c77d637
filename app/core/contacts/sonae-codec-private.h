/* sonae-codec-private.h: what the vCard and CSV readers and writers share
 * with the import (core only) */
#pragma once

#include "sonae-codec.h"

G_BEGIN_DECLS

/* What Sonae accepts. A larger file is refused with SONAE_ERROR_TOO_LARGE. */
#define SONAE_IMPORT_MAX_FILE      (32 * 1024 * 1024)
#define SONAE_IMPORT_MAX_LINE      (1024 * 1024)
#define SONAE_IMPORT_MAX_PROPERTY  (8 * 1024 * 1024)
#define SONAE_IMPORT_MAX_FIELD     (64 * 1024)
#define SONAE_IMPORT_MAX_CONTACTS  100000

/* A role a contact of the file holds: @order is 1 for the primary holder,
 * 2 for the first deputy… (0 when the file gives no order). */
typedef struct {
  char *key;
  int order;
} SonaeCodecRole;

/* One entry of an import. The public part comes first so that a
 * SonaeCodecEntry * is a SonaeImportEntry *. */
typedef struct {
  SonaeImportEntry pub;
  guint line;               /* where the entry starts in the file */
  gboolean group_from_file; /* the file names the group */
  GArray *roles;            /* of SonaeCodecRole */
  SonaeContact *target;     /* planned: the contact it goes into (borrowed) */
} SonaeCodecEntry;

SonaeCodecEntry *sonae_codec_entry_new      (guint            line);
void             sonae_codec_entry_free     (SonaeCodecEntry *entry);
void             sonae_codec_entry_add_role (SonaeCodecEntry *entry,
                                             const char      *key_or_name,
                                             int              order);
/* Fills in the name when the file gave none (from the organisation, the
 * nickname, the first e-mail address or phone number); FALSE with an error
 * naming the line when there is nothing to call the contact by. Also trims
 * every field, checks the verified date, and refuses text that is not valid
 * UTF-8 (SONAE_ERROR_ENCODING). */
gboolean         sonae_codec_entry_finish   (SonaeCodecEntry *entry,
                                             const char      *nickname,
                                             GError         **error);
/* TRUE when the entry holds nothing Sonae keeps: no name, nickname,
 * organisation, phone, e-mail, address, note, role or other field. Such an
 * entry is left out rather than refusing the file. */
gboolean         sonae_codec_entry_is_empty (SonaeCodecEntry *entry,
                                             const char      *nickname);
/* Record in @left_out (of SonaeImportLeftOut) that the entry at @line holds
 * nothing Sonae keeps. FALSE with SONAE_ERROR_TOO_LARGE when the file has
 * more entries than Sonae accepts (@n_entries: those read so far). */
gboolean         sonae_codec_leave_out_empty (GPtrArray *left_out,
                                              guint      n_entries,
                                              guint      line,
                                              GError   **error);
void             sonae_import_left_out_free (SonaeImportLeftOut *left_out);

/* A label of a phone or e-mail from the words a file uses ("CELL",
 * "Work Fax", "_$!<Mobile>!$_", "携帯"…): one of Sonae's labels, the text
 * itself when it is a free label, or NULL. */
char            *sonae_codec_label_from_text (const char *text);
/* Sonae's label (or a free one) → the TYPE of a vCard property, or NULL
 * when the label is free text (written with X-ABLabel). */
const char      *sonae_codec_label_to_vcard_type (const char *label);

/* TRUE when @text holds kana or CJK ideographs (a Japanese name). */
gboolean         sonae_codec_is_japanese    (const char *text);
/* Remove control characters except newline and tab, turn CR LF into LF. */
char            *sonae_codec_clean_text     (const char *text);
/* The 1-based line of byte @offset of @data. */
guint            sonae_codec_line_at        (const char *data,
                                             gsize       offset);
/* Convert bytes in @charset (NULL: UTF-8, else CP932) to UTF-8. */
char            *sonae_codec_to_utf8        (const char *bytes,
                                             gsize       length,
                                             const char *charset,
                                             guint       line,
                                             GError    **error);

/* Readers: append SonaeCodecEntry * to @entries, in file order, and a
 * SonaeImportLeftOut * to @left_out for each entry that holds nothing Sonae
 * keeps. */
gboolean         sonae_vcard_parse          (const char  *data,
                                             gsize        length,
                                             GPtrArray   *entries,
                                             GPtrArray   *left_out,
                                             char       **out_format,
                                             GError     **error);
gboolean         sonae_csv_parse            (const char  *data,
                                             gsize        length,
                                             GPtrArray   *entries,
                                             GPtrArray   *left_out,
                                             char       **out_format,
                                             GError     **error);

/* Writers. @contacts are SonaeContact *; @roles maps a contact id
 * (gint64 *) to a GArray of SonaeCodecRole. */
GString         *sonae_vcard_write          (GPtrArray           *contacts,
                                             GHashTable          *roles,
                                             SonaeContactsFormat  format);
GString         *sonae_csv_write            (GPtrArray           *contacts,
                                             GHashTable          *roles);

G_END_DECLS
