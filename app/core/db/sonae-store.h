/* sonae-store.h: the one sqlite database that holds an organisation's data */
#pragma once

#include <gio/gio.h>

#include "sonae-contact.h"
#include "sonae-data-lock.h"
#include "sonae-role.h"

G_BEGIN_DECLS

#define SONAE_TYPE_STORE (sonae_store_get_type ())
G_DECLARE_FINAL_TYPE (SonaeStore, sonae_store, SONAE, STORE, GObject)

#define SONAE_SCHEMA_VERSION 6
#define SONAE_DB_NAME "sonae.db"

typedef enum {
  SONAE_ORG_CLINIC,
  SONAE_ORG_HOSPITAL,
  SONAE_ORG_PHARMACY,
  SONAE_ORG_BUSINESS,
} SonaeOrgKind;

typedef struct {
  char *name;
  SonaeOrgKind kind;
  char *prefecture;
  char *address;
  char *phone;
} SonaeProfile;

void          sonae_profile_free (SonaeProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeProfile, sonae_profile_free)
const char   *sonae_org_kind_to_string   (SonaeOrgKind kind);   /* "clinic" … */
gboolean      sonae_org_kind_from_string (const char *text, SonaeOrgKind *out_kind);
const char   *sonae_org_kind_get_title   (SonaeOrgKind kind);   /* translated */
/* The 47 prefectures in their usual order, translated; NULL-terminated. */
const char *const *sonae_prefectures     (void);
/* The same, untranslated: how a profile stores a prefecture. */
const char *const *sonae_prefecture_keys (void);

/* The data folder: SONAE_DATA_DIR, else $XDG_DATA_HOME/sonae. Newly allocated. */
char         *sonae_store_default_dir    (void);

/* Open (creating when absent) DIR/sonae.db to read and write it, as the one
 * Sonae that may change the folder (a SonaeDataLock taken as a command;
 * SONAE_ERROR_BUSY when the window holds it). The folder is made mode 0700
 * and the file 0600. What a kill left is tidied, an interrupted write rolled
 * back or recovered, a missing database made whole, an older one migrated
 * in one transaction. A damaged, foreign or newer database is refused with
 * SONAE_ERROR_CORRUPT, SONAE_ERROR_NOT_SONAE or SONAE_ERROR_NEWER_SCHEMA
 * and left untouched; a read-only one with SONAE_ERROR_READ_ONLY. */
SonaeStore   *sonae_store_open           (const char  *data_dir,
                                          GError     **error);
/* The same with a lock whose writer's lock the caller holds (the window
 * keeps its lock across a restore). The store keeps a reference. */
SonaeStore   *sonae_store_open_with_lock (SonaeDataLock *lock,
                                          GError       **error);
/* Open to read only, beside a window or a command that writes: for
 * exports, backups and reminders. Made ready first as sonae_store_open()
 * does when nobody writes; on a full disk or a read-only folder read as it
 * is. Any change through it fails. */
SonaeStore   *sonae_store_open_for_reading (const char  *data_dir,
                                            GError     **error);
/* A sentence to show once after opening (e.g. an empty file was put
 * aside), or NULL. */
const char   *sonae_store_get_notice     (SonaeStore *self);
SonaeDataLock *sonae_store_get_lock      (SonaeStore *self);
const char   *sonae_store_get_path       (SonaeStore *self);
const char   *sonae_store_get_dir        (SonaeStore *self);
/* Closes the database now (the object stays alive but unusable);
 * needed before a restore replaces the file. */
void          sonae_store_close          (SonaeStore *self);

/* TRUE when the database holds nothing a user typed or imported
 * (only the bundled authorities, if those). */
gboolean      sonae_store_is_empty       (SonaeStore *self);

/* Emitted (signal "changed") after any committed change, with a detail:
 * "contacts", "roles", "profile", "incidents" (an incident, its checklist
 * run or its timeline; sonae-incident.h), "bcp" (the business-continuity
 * plan; sonae-bcp.h). */

/* Organisation profile. */
SonaeProfile *sonae_store_get_profile    (SonaeStore   *self);
gboolean      sonae_store_set_profile    (SonaeStore   *self,
                                          const SonaeProfile *profile,
                                          GError      **error);
gboolean      sonae_store_get_setup_done (SonaeStore *self);
gboolean      sonae_store_set_setup_done (SonaeStore *self, GError **error);

/* Contacts. Lists are new GPtrArrays of SonaeContact (with roles filled),
 * sorted with sonae_contact_compare(). @group is -1 for all groups. */
GPtrArray    *sonae_store_list_contacts  (SonaeStore  *self,
                                          int          group,
                                          GError     **error);
SonaeContact *sonae_store_get_contact    (SonaeStore  *self,
                                          gint64       id,
                                          GError     **error);
guint         sonae_store_count_contacts (SonaeStore *self);
/* Insert (id == 0, id is set) or update one contact with its phones and
 * e-mails, in one transaction. Roles are not touched (see set_role_holders). */
gboolean      sonae_store_save_contact   (SonaeStore    *self,
                                          SonaeContact  *contact,
                                          GError       **error);
/* Delete is reversible until the next start: undelete brings it back with
 * its roles. */
gboolean      sonae_store_delete_contact (SonaeStore  *self,
                                          gint64       id,
                                          GError     **error);
gboolean      sonae_store_undelete_contact (SonaeStore *self,
                                          gint64       id,
                                          GError     **error);
/* Sets verified_on to today (or @date when non-NULL). */
gboolean      sonae_store_mark_verified  (SonaeStore  *self,
                                          gint64       id,
                                          const char  *date,
                                          GError     **error);

/* Roles: for each role, an ordered list of holders (position 0 is the
 * primary, then the deputies in the order to call them). */
GPtrArray    *sonae_store_get_role_holders (SonaeStore  *self,
                                            const char  *role_key,
                                            GError     **error);  /* of SonaeContact */
gboolean      sonae_store_set_role_holders (SonaeStore   *self,
                                            const char   *role_key,
                                            const gint64 *contact_ids,
                                            guint         n_ids,
                                            GError      **error);
/* Add @contact_id at the end of @role_key's holders (no-op if present). */
gboolean      sonae_store_add_role_holder  (SonaeStore  *self,
                                            const char  *role_key,
                                            gint64       contact_id,
                                            GError     **error);
gboolean      sonae_store_remove_role_holder (SonaeStore *self,
                                            const char  *role_key,
                                            gint64       contact_id,
                                            GError     **error);

/* Transactions for multi-step actions (an import): everything between
 * begin and commit is one transaction; rollback undoes it. Nested calls are
 * counted, so store functions may be called inside. */
gboolean      sonae_store_begin          (SonaeStore *self, GError **error);
gboolean      sonae_store_commit         (SonaeStore *self, GError **error);
void          sonae_store_rollback       (SonaeStore *self);

/* What needs attention now: contacts not verified for 180 days, roles nobody
 * holds, bundled facts to check. A new GPtrArray of SonaeAttention. */
typedef enum {
  SONAE_ATTENTION_ROLE_EMPTY,
  SONAE_ATTENTION_CONTACT_STALE,
  SONAE_ATTENTION_CONTACT_UNCHECKED,
} SonaeAttentionKind;

typedef struct {
  SonaeAttentionKind kind;
  char *title;        /* translated sentence */
  char *detail;       /* translated, may be NULL */
  char *role_key;     /* ROLE_EMPTY */
  gint64 contact_id;  /* CONTACT_* */
} SonaeAttention;

void          sonae_attention_free       (SonaeAttention *self);
GPtrArray    *sonae_store_get_attention  (SonaeStore *self);

/* For core modules only: the raw connection. */
struct sqlite3 *sonae_store_get_db       (SonaeStore *self);

G_END_DECLS
