/* sonae-store.h: the one sqlite database that holds an organisation's data */
#pragma once

#include <gio/gio.h>

#include "sonae-contact.h"
#include "sonae-data-lock.h"
#include "sonae-date-format.h"
#include "sonae-migrations.h"
#include "sonae-org-kind.h"
#include "sonae-role.h"

G_BEGIN_DECLS

#define SONAE_TYPE_STORE (sonae_store_get_type ())
G_DECLARE_FINAL_TYPE (SonaeStore, sonae_store, SONAE, STORE, GObject)


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
/* TRUE for a healthcare provider: a clinic, a hospital or a pharmacy. */
gboolean      sonae_org_kind_is_care     (SonaeOrgKind kind);
/* TRUE when the store's organisation is a healthcare provider. */
gboolean      sonae_store_is_care        (SonaeStore  *self);
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

/* SonaeStore::changed is emitted after a change is committed, once a
 * transaction, with a detail that says what it touched. Views connect to
 * "changed" (or "changed::" DETAIL) and compare the detail with these. */
#define SONAE_CHANGED_CONTACTS  "contacts"   /* a contact, its numbers and addresses (sonae-contacts.h) */
#define SONAE_CHANGED_ROLES     "roles"      /* who holds a role, and in which order */
#define SONAE_CHANGED_PROFILE   "profile"    /* the organisation's profile, the first-start setup */
#define SONAE_CHANGED_MANUAL    "manual"     /* the organisation's manual: edits, reviews, whom to call by level */
#define SONAE_CHANGED_INCIDENTS "incidents"  /* an incident, its checklist run, timeline, reporting, actions, report */
#define SONAE_CHANGED_BCP       "bcp"        /* the business-continuity plan (sonae-bcp.h) */

/* Organisation profile. */
SonaeProfile *sonae_store_get_profile    (SonaeStore   *self);
/* The profile's kind alone (a clinic until it is set), for the wording. */
SonaeOrgKind  sonae_store_get_org_kind   (SonaeStore   *self);
gboolean      sonae_store_set_profile    (SonaeStore   *self,
                                          const SonaeProfile *profile,
                                          GError      **error);
gboolean      sonae_store_get_setup_done (SonaeStore *self);
gboolean      sonae_store_set_setup_done (SonaeStore *self, GError **error);

/* How dates are written in what the organisation prints in Japanese
 * (Preferences; the command line's exports follow it too):
 * SONAE_DATE_STYLE_JAPANESE (2026年12月7日, the default),
 * SONAE_DATE_STYLE_JAPANESE_ERA (令和8年12月7日) or SONAE_DATE_STYLE_ISO.
 * English print always writes 2026-12-07 (sonae_date_style_for_print()). */
SonaeDateStyle sonae_store_get_date_style (SonaeStore     *self);
gboolean      sonae_store_set_date_style (SonaeStore     *self,
                                          SonaeDateStyle  style,
                                          GError        **error);

/* Transactions for multi-step actions (an import): everything between
 * begin and commit is one transaction; rollback undoes it. Nested calls are
 * counted, so store functions may be called inside. */
gboolean      sonae_store_begin          (SonaeStore *self, GError **error);
gboolean      sonae_store_commit         (SonaeStore *self, GError **error);
void          sonae_store_rollback       (SonaeStore *self);

/* For core modules only: the raw connection. */
struct sqlite3 *sonae_store_get_db       (SonaeStore *self);

G_END_DECLS
