/* sonae-report-form-capa-private.h: the actions (CAPA) of the report form
 * view (sonae-report-form-view.c): a group a kind of action, a row an
 * action, and what its buttons do (sonae-report-form-capa.c) */
#pragma once

#include <adwaita.h>

#include "sonae-capa.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* Kept by the view; its groups are children of the form. */
typedef struct {
  GtkWidget *view;                                 /* borrowed: the form view */
  AdwPreferencesGroup *groups[SONAE_N_CAPA_KINDS]; /* borrowed */
  GPtrArray *rows[SONAE_N_CAPA_KINDS];             /* rows shown, borrowed */
  GPtrArray *actions;                              /* of SonaeCapa, the incident's */
} SonaeReportFormCapa;

void sonae_report_form_capa_init      (SonaeReportFormCapa *capa,
                                       GtkWidget           *view);
/* Free the rows' lists and the actions (the view's dispose). */
void sonae_report_form_capa_clear     (SonaeReportFormCapa *capa);
/* Make @group (titled, in the form) the group of @kind's actions: their
 * description and an Add button ("report.add-action"). */
void sonae_report_form_capa_set_group (SonaeReportFormCapa *capa,
                                       SonaeCapaKind        kind,
                                       AdwPreferencesGroup *group);
/* Show @capa->actions, a row each in its kind's group ("None yet" when a
 * kind has none). */
void sonae_report_form_capa_show      (SonaeReportFormCapa *capa);

/* What the view's actions do */

/* "report.add-action": a dialog to add an action of @kind to the incident. */
void sonae_report_form_capa_add       (SonaeReportFormCapa *capa,
                                       SonaeStore          *store,
                                       gint64               incident_id,
                                       int                  kind);
/* "report.edit-action", "report.complete-action", "report.approve-action",
 * "report.drop-action": the dialog @action_name asks for, on action @id. */
void sonae_report_form_capa_open      (SonaeReportFormCapa *capa,
                                       SonaeStore          *store,
                                       const char          *action_name,
                                       gint64               id);
/* "report.reopen-action": reopen action @id (a refusal is shown); the view
 * reloads after. */
void sonae_report_form_capa_reopen    (SonaeReportFormCapa *capa,
                                       SonaeStore          *store,
                                       gint64               id);

G_END_DECLS
