/* sonae-vcard-private.h: what the vCard reader (sonae-vcard-reader.c) and
 * the mapping between a card and a contact (sonae-vcard.c) share: a
 * property, a card, the decoding of values (core only) */
#pragma once

#include "sonae-codec-private.h"

G_BEGIN_DECLS

/* One property of a card, from its logical line. */
typedef struct {
  char *group;       /* "item1" of "item1.TEL", or NULL */
  char *name;        /* upper case */
  GPtrArray *types;  /* lower case */
  char *charset;
  char *encoding;    /* upper case */
  char *sort_as;
  int order;         /* X-SONAE-ORDER */
  char *raw;         /* the value as in the file */
  gsize raw_len;
  guint line;
} Prop;

/* One card, from BEGIN:VCARD to END:VCARD. */
typedef struct {
  GPtrArray *props;        /* of Prop */
  guint line;
  char *version;
  gboolean v21;            /* its lines are read the vCard 2.1 way */
} Card;

/* Properties and values (sonae-vcard-reader.c) */

/* TRUE when @p has the TYPE @type (lower case). */
gboolean    sonae_vcard_prop_has_type    (Prop       *p,
                                          const char *type);
/* The value in UTF-8, still with its vCard escapes. */
char       *sonae_vcard_decode_value     (Prop    *p,
                                          GError **error);
/* Undo the backslash escapes of vCard text: \n, \, \; \: \\ */
char       *sonae_vcard_unescape         (const char *s,
                                          gsize       len);
/* Split at the @separators that are not escaped, and unescape each part. */
GPtrArray  *sonae_vcard_split_at         (const char *s,
                                          const char *separators);
/* Split at the semicolons that are not escaped, and unescape each part. */
GPtrArray  *sonae_vcard_split_components (const char *s);
/* Part @i of a structured value, or "" when it has fewer parts. */
const char *sonae_vcard_component        (GPtrArray *parts,
                                          guint      i);

/* From a card to an entry (sonae-vcard.c) */

/* @out_entry is NULL when the card holds nothing Sonae keeps. */
gboolean    sonae_vcard_card_to_entry    (Card             *card,
                                          SonaeCodecEntry **out_entry,
                                          GError          **error);

G_END_DECLS
