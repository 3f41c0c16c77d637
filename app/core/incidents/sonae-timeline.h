/* sonae-timeline.h: an incident's append-only, hash-chained timeline:
 * the entries that record nothing but themselves (calls, notes,
 * corrections), reading the timeline and verifying its chain. The entries
 * that record a change of the incident are written with the change
 * (sonae-incidents.h). */
#pragma once

#include "sonae-incident.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* The entries. @author is who made it (may not be empty); @at is when it
 * happened for back-entry from paper, or NULL for now. A back-entered time
 * in the future is refused. Each is one transaction. */

/* A call to @contact_id (as @role_key, may be NULL), with its outcome. */
gboolean sonae_incidents_log_call      (SonaeStore      *self,
                                        gint64           id,
                                        gint64           contact_id,
                                        const char      *role_key,
                                        SonaeCallOutcome outcome,
                                        const char      *author,
                                        const char      *at,
                                        GError         **error);
gboolean sonae_incidents_add_note      (SonaeStore *self,
                                        gint64      id,
                                        const char *text,
                                        const char *author,
                                        const char *at,
                                        GError    **error);
/* A correction of entry @entry_id (of incident @id): a new entry whose text
 * says what is right. The old entry stays, marked corrected. */
gboolean sonae_incidents_correct_entry (SonaeStore *self,
                                        gint64      id,
                                        gint64      entry_id,
                                        const char *text,
                                        const char *author,
                                        GError    **error);

/* The timeline, in the order entered (seq), of SonaeTimelineEntry. */
GPtrArray *sonae_incidents_list_timeline   (SonaeStore *self,
                                            gint64      id,
                                            GError    **error);
/* Check the chain: every entry's hash matches its content, every entry
 * refers to the one before, the numbers run without a gap and the last one
 * is the one the incident recorded. FALSE with SONAE_ERROR_CORRUPT and a
 * plain sentence ("Entry 4 of the timeline was changed after it was
 * written.") when not; @out_bad_seq (may be NULL) is the first entry found
 * wrong. */
gboolean   sonae_incidents_verify_timeline (SonaeStore *self,
                                            gint64      id,
                                            guint      *out_bad_seq,
                                            GError    **error);

G_END_DECLS
