/* sonae-incidents-private.h: what the incidents share with the rest of
 * core (the reporting, the actions): the timeline and the check that an
 * incident exists, and the reopening of a closed one */
#pragma once

#include "sonae-incident.h"
#include "sonae-store-private.h"

G_BEGIN_DECLS

/* Append one timeline entry of @kind with @text to @incident_id's hash
 * chain (sonae-incidents.c). Call it inside an open transaction
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

G_END_DECLS
