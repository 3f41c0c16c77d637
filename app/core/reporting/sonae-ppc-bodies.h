/* sonae-ppc-bodies.h: the other bodies to report an incident to — those
 * of its level in the manual's escalation rule (police, MHLW, IPA, the
 * local authority, JPCERT/CC …) — each with its own condition for this
 * incident (sonae-body-conditions.h) and the date it was told. The PPC is
 * sonae-ppc.h's. */
#pragma once

#include <glib.h>

#include "sonae-store.h"
#include "sonae-triage.h"

G_BEGIN_DECLS

/* One body of the incident's level, with its condition and the date it
 * was told. */
typedef struct {
  char *authority_key;
  gboolean optional;
  char *done_on;                 /* YYYY-MM-DD or NULL */
  char *done_by;
  /* The body's own condition for this incident (sonae-body-conditions.h):
   * a report is due only when it applies, or while it is undecided. */
  SonaeTriageAnswer applies;     /* YES, NO, or UNKNOWN: still to decide */
  gboolean answered;             /* the organisation answered it, rather than Sonae's reading */
  char *reason;                  /* translated: why, or what to decide */
} SonaeBodyReport;

void       sonae_body_report_free     (SonaeBodyReport *report);
/* Of SonaeBodyReport, in the escalation rule's order for the incident's
 * current level and the organisation's kind, each with its condition. The
 * PPC is not among them: its reports are the assessment's dates
 * (sonae_ppc_set). */
GPtrArray *sonae_ppc_list_body_reports (SonaeStore *self,
                                        gint64      incident_id,
                                        GError    **error);
/* For many incidents at once (the reminders): the body reports of every
 * incident not closed, by incident id (a gint64 *), each a GPtrArray as
 * sonae_ppc_list_body_reports() gives it. One query reads the incidents'
 * levels, what their conditions are read from and the reports done; the
 * PPC assessments, the answers, the manual and the profile are read once. */
GHashTable *sonae_ppc_list_open_body_reports (SonaeStore  *self,
                                              GError     **error);
/* @done_on NULL clears it. Recorded in the timeline (REPORT). */
gboolean   sonae_ppc_set_body_report   (SonaeStore *self,
                                        gint64      incident_id,
                                        const char *authority_key,
                                        const char *done_on,
                                        const char *author,
                                        GError    **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeBodyReport, sonae_body_report_free)

G_END_DECLS
