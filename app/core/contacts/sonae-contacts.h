/* sonae-contacts.h: the contact roster in the store: contacts, the roles
 * they hold, and what needs a look. Changes are announced as
 * SonaeStore::changed with the details "contacts" and "roles". */
#pragma once

#include "sonae-contact.h"
#include "sonae-role.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* Lists are new GPtrArrays of SonaeContact (with roles filled), sorted with
 * sonae_contact_compare(). @group is -1 for all groups. */
GPtrArray    *sonae_contacts_list               (SonaeStore    *store,
                                                 int            group,
                                                 GError       **error);
/* @limit contacts of the whole roster from @offset, in the roster's order
 * (sonae_contacts_list() in pieces, so that a long list shows at once). */
GPtrArray    *sonae_contacts_list_range         (SonaeStore    *store,
                                                 guint          offset,
                                                 guint          limit,
                                                 GError       **error);
/* The authorities: the contacts of SONAE_GROUP_AUTHORITY and those Sonae
 * brought. */
GPtrArray    *sonae_contacts_list_authorities   (SonaeStore    *store,
                                                 GError       **error);
/* The bundled body that stands for @authority_key in an organisation of
 * @kind: the prefecture's pharmaceutical section for a pharmacy where the
 * manual names the office overseeing medical institutions; else
 * @authority_key itself. */
const char   *sonae_contacts_authority_for_kind (const char    *authority_key,
                                                 SonaeOrgKind   kind);
/* The contacts Sonae brought (the authorities, each with its builtin_key),
 * without reading the whole roster. */
GPtrArray    *sonae_contacts_list_bundled       (SonaeStore    *store,
                                                 GError       **error);
SonaeContact *sonae_contacts_get                (SonaeStore    *store,
                                                 gint64         id,
                                                 GError       **error);
guint         sonae_contacts_count              (SonaeStore    *store);
/* How many contacts of @group the roster holds. */
guint         sonae_contacts_count_group        (SonaeStore    *store,
                                                 SonaeGroup     group);
/* Insert (id == 0, id is set) or update one contact with its phones and
 * e-mails, in one transaction. Roles are not touched (see
 * sonae_contacts_set_role_holders()). */
gboolean      sonae_contacts_save               (SonaeStore    *store,
                                                 SonaeContact  *contact,
                                                 GError       **error);
/* Delete is reversible until the next start: undelete brings it back with
 * its roles. */
gboolean      sonae_contacts_delete             (SonaeStore    *store,
                                                 gint64         id,
                                                 GError       **error);
gboolean      sonae_contacts_undelete           (SonaeStore    *store,
                                                 gint64         id,
                                                 GError       **error);
/* Sets verified_on to today (or @date when non-NULL). */
gboolean      sonae_contacts_mark_verified      (SonaeStore    *store,
                                                 gint64         id,
                                                 const char    *date,
                                                 GError       **error);

/* Roles: for each role, an ordered list of holders (position 0 is the
 * primary, then the deputies in the order to call them). A new GPtrArray of
 * SonaeContact. */
GPtrArray    *sonae_contacts_get_role_holders   (SonaeStore    *store,
                                                 const char    *role_key,
                                                 GError       **error);
/* Every role's holders in one read: role key (a string) → a GPtrArray of
 * SonaeContact as sonae_contacts_get_role_holders() gives it; a role
 * nobody holds is not in the table. */
GHashTable   *sonae_contacts_get_all_role_holders (SonaeStore  *store,
                                                   GError     **error);
gboolean      sonae_contacts_set_role_holders   (SonaeStore    *store,
                                                 const char    *role_key,
                                                 const gint64  *contact_ids,
                                                 guint          n_ids,
                                                 GError       **error);
/* Add @contact_id at the end of @role_key's holders (no-op if present). */
gboolean      sonae_contacts_add_role_holder    (SonaeStore    *store,
                                                 const char    *role_key,
                                                 gint64         contact_id,
                                                 GError       **error);
gboolean      sonae_contacts_remove_role_holder (SonaeStore    *store,
                                                 const char    *role_key,
                                                 gint64         contact_id,
                                                 GError       **error);
/* Put @contact_id back among @role_key's holders at @position as the
 * holders are listed (before the one there now; last when @position is past
 * the end), as an Undo of sonae_contacts_remove_role_holder(). A no-op if
 * it holds the role already; fails if the contact was deleted. */
gboolean      sonae_contacts_insert_role_holder (SonaeStore    *store,
                                                 const char    *role_key,
                                                 gint64         contact_id,
                                                 guint          position,
                                                 GError       **error);
/* Store the new @contact (id 0; its id is set) and add it at the end of
 * @role_key's holders, in one transaction: both are done, or neither. */
gboolean      sonae_contacts_add_new_role_holder (SonaeStore   *store,
                                                  const char   *role_key,
                                                  SonaeContact *contact,
                                                  GError      **error);

/* Which number of @role_key's holders the poster shows: ANY unless the
 * organisation chose another. */
SonaePosterPhone sonae_contacts_get_poster_phone (SonaeStore       *store,
                                                  const char       *role_key);
/* Refused with SONAE_ERROR_INVALID for a role Sonae does not know.
 * Announced as "roles". */
gboolean      sonae_contacts_set_poster_phone   (SonaeStore       *store,
                                                 const char       *role_key,
                                                 SonaePosterPhone  choice,
                                                 GError          **error);

/* TRUE when @contact's lack of a phone number is a gap to fill: for anyone
 * but the bundled bodies reached on their web page or by e-mail (the
 * reports to IPA or JPCERT/CC). Home asks for the numbers of the offices
 * for which this is TRUE. */
gboolean      sonae_contacts_asks_phone         (SonaeContact     *contact);

/* What needs attention now: contacts not verified for SONAE_STALE_DAYS
 * (sonae_contact_get_freshness()), roles nobody holds, bundled facts to
 * check. What is many is one item: up to SONAE_ATTENTION_MAX_CONTACTS
 * contacts to verify are named one by one, more are CONTACTS_STALE. */
typedef enum {
  SONAE_ATTENTION_ROLE_EMPTY,
  SONAE_ATTENTION_CONTACT_STALE,
  SONAE_ATTENTION_CONTACT_UNCHECKED,
  SONAE_ATTENTION_CONTACTS_STALE,
  SONAE_ATTENTION_AUTHORITY_NO_PHONE,  /* offices to call with no number: contact_id the
                                        * first of them, count how many */
} SonaeAttentionKind;

#define SONAE_ATTENTION_MAX_CONTACTS 3

typedef struct {
  SonaeAttentionKind kind;
  char *title;        /* translated sentence */
  char *detail;       /* translated, may be NULL */
  char *role_key;     /* ROLE_EMPTY */
  gint64 contact_id;  /* CONTACT_*: the contact, or the first of them;
                       * CONTACTS_STALE: 0 (they are opened together) */
  guint count;        /* CONTACT_UNCHECKED, CONTACTS_STALE: how many */
} SonaeAttention;

void          sonae_attention_free              (SonaeAttention *self);
/* A new GPtrArray of SonaeAttention. */
GPtrArray    *sonae_contacts_get_attention      (SonaeStore    *store);

G_END_DECLS
