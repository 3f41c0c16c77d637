/* sonae-incidents-private.h: what the incidents share with the rest of
 * core (the reporting, the actions): the timeline and the check that an
 * incident exists, and the reopening of a closed one; and what
 * sonae-incidents.c and sonae-timeline.c share with each other: a timeline
 * entry to append, writing a change with its entry, and small checks. */
#pragma once

#include "sonae-incident.h"
#include "sonae-store-private.h"

G_BEGIN_DECLS

/* Append one timeline entry of @kind with @text to @incident_id's hash
 * chain (sonae-timeline.c). Call it inside an open transaction
 * (sonae_store_begin), together with the change it records; the caller
 * commits or rolls back. @at: when it happened as stored
 * ("YYYY-MM-DDTHH:MM:SS", then marked back-entered), or NULL for now.
 * @author must not be blank. */
gboolean sonae_incidents_append_timeline_entry (SonaeStore    *store,
                                                gint64         incident_id,
                                                SonaeEntryKind kind,
                                                const char    *at,
                                                const char    *author,
                                                const char    *text,
                                                GError       **error);

/* TRUE when incident @id exists; else FALSE with SONAE_ERROR_NOT_FOUND
 * (or the database's error). Cheaper than reading the incident. */
gboolean sonae_incidents_check_exists (SonaeStore *store,
                                       gint64      id,
                                       GError    **error);

/* How many corrective actions (sonae-capa.h) of incident @id are open: an
 * incident may not close while one is. */
guint    sonae_incidents_count_open_actions (SonaeStore *store,
                                             gint64      id);

/* Inside an open transaction: when incident @id is closed, set it back to
 * recovery with a STATUS entry (a new open action means the incident is not
 * complete). TRUE when nothing had to change too. */
gboolean sonae_incidents_reopen_if_closed (SonaeStore *store,
                                           gint64      id,
                                           const char *author,
                                           GError    **error);

/* --- between sonae-incidents.c and sonae-timeline.c --------------------- */

/* A timeline entry to append: the columns it stores. */
typedef struct {
  SonaeEntryKind kind;
  const char *at;
  gboolean back_entered;
  const char *author;
  const char *step_id;
  const char *field;
  const char *old_value;
  const char *new_value;
  gint64 contact_id;
  const char *role_key;
  int outcome;            /* a SonaeCallOutcome, or -1 */
  const char *text;
  gint64 corrects;
} SonaeNewEntry;

#define SONAE_NEW_ENTRY(k, when, back, who) \
  { .kind = (k), .at = (when), .back_entered = (back), .author = (who), .outcome = -1 }

/* Append @e to the timeline of @incident_id: inside a transaction
 * (sonae-timeline.c). */
gboolean sonae_incidents_append_entry  (SonaeStore           *self,
                                        gint64                incident_id,
                                        const SonaeNewEntry  *e,
                                        const char           *recorded_at,
                                        GError              **error);
/* Write @sql (binding ?1 to @id, then @values as text, NULL for empty) and
 * @e in one transaction. @sql may be NULL: then only the entry
 * (sonae-timeline.c). */
gboolean sonae_incidents_commit_change (SonaeStore           *self,
                                        gint64                id,
                                        const char           *sql,
                                        const char          **values,
                                        guint                 n_values,
                                        const SonaeNewEntry  *e,
                                        const char           *now,
                                        GError              **error);
/* The time a change happened: now, or @at as written on paper (then
 * back-entered). A time in the future is refused (sonae-timeline.c). */
gboolean sonae_incidents_resolve_at    (const char  *at,
                                        const char  *now,
                                        char       **out_at,
                                        gboolean    *out_back_entered,
                                        GError     **error);
/* A damage level (0 to 3), and an incident type and event type Sonae
 * knows, else an error saying which (sonae-incidents.c). */
gboolean sonae_incidents_check_level   (int                level,
                                        GError           **error);
gboolean sonae_incidents_check_kinds   (SonaeIncidentType  type,
                                        SonaeEventType     event,
                                        GError           **error);
/* A checklist step's, field's or role's key: not blank, not too long, UTF-8
 * (sonae-incidents.c). */
gboolean sonae_incidents_check_key     (const char  *key,
                                        GError     **error);
/* Step @stmt, which returns no row; @what says what failed
 * (sonae-incidents.c). */
gboolean sonae_incidents_step_sql      (SonaeStore   *self,
                                        sqlite3_stmt *stmt,
                                        const char   *what,
                                        GError      **error);
/* As sonae_incidents_check_exists, and give the number and hash of the
 * incident's last timeline entry (each may be NULL) (sonae-incidents.c). */
gboolean sonae_incidents_read_head     (SonaeStore  *self,
                                        gint64       id,
                                        gint64      *out_head_seq,
                                        char       **out_head_hash,
                                        GError     **error);

G_END_DECLS
