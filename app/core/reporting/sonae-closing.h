/* sonae-closing.h: what is still open in an incident someone is about to
 * close: the steps of its checklist, the questions that decide a report to
 * the PPC, a PPC report still to send, its open corrective actions. The
 * window asks before closing and names these. */
#pragma once

#include "sonae-checklist.h"
#include "sonae-incident.h"
#include "sonae-store.h"

G_BEGIN_DECLS

typedef struct {
  guint steps_done;             /* of the incident's checklist */
  guint steps_total;
  gboolean ppc_undecided;       /* an answer that decides a PPC report is still "not known" */
  gboolean ppc_report_due;      /* a PPC report is required and its final report is not sent */
  guint open_actions;           /* corrective and preventive actions not done */
} SonaeClosingCheck;

/* Fill @out for @incident worked through @checklist (NULL: no steps). */
gboolean sonae_closing_check          (SonaeStore          *store,
                                       const SonaeIncident *incident,
                                       SonaeChecklist      *checklist,
                                       SonaeClosingCheck   *out,
                                       GError             **error);
/* Whether anything in @check is still open. */
gboolean sonae_closing_check_is_clear (const SonaeClosingCheck *check);

G_END_DECLS
