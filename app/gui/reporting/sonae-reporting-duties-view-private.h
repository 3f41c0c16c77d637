/* sonae-reporting-duties-view-private.h: what the parts of the Authorities tab
 * share (sonae-reporting-duties-view.c, sonae-reporting-duties-bodies.c). */
#pragma once

#include <adwaita.h>

#include "sonae-autosave.h"
#include "sonae-ppc.h"
#include "sonae-reporting-duties-view.h"

G_BEGIN_DECLS

#define N_QUESTIONS (1 + SONAE_PPC_N_CONDITIONS)   /* personal data, then the conditions */
#define N_ANSWERS 3

typedef enum {
  SENT_PRELIMINARY,
  SENT_FINAL,
  SENT_PERSONS,
  SENT_PRINCIPAL,
  N_SENT,
} SentKind;

typedef struct _SonaeReportingDutiesView SonaeReportingDutiesView;

/* One of the nine items of the draft. */
typedef struct {
  SonaeReportingDutiesView *view;     /* borrowed */
  guint index;
  char *report_key;             /* NULL: gathered from elsewhere */
  char *text;                   /* as the core last gave it */
  GtkWidget *row;               /* borrowed: children of draft_list */
  GtkWidget *text_view;         /* editable items */
  GtkWidget *frame;
  GtkWidget *label;             /* the other items */
  GtkWidget *error_label;
  char *pending;
  gboolean has_pending;
} DraftRow;

struct _SonaeReportingDutiesView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *verdict_box;
  GtkImage *verdict_icon;
  GtkLabel *verdict_title;
  GtkLabel *verdict_reason;
  GtkWidget *deadline_grid;
  GtkLabel *deadline_intro;
  GtkLabel *preliminary_dates;
  GtkLabel *preliminary_left;
  GtkLabel *final_dates;
  GtkLabel *final_left;
  GtkWidget *persons_box;
  GtkLabel *persons_left;
  GtkLabel *persons_note;
  GtkLabel *preliminary_note;
  GtkWidget *final_moves_note;
  GtkLabel *deadline_note;
  AdwPreferencesGroup *questions_group;
  AdwEntryRow *learned_row;
  AdwActionRow *processor_row;
  GtkSwitch *processor_switch;
  AdwPreferencesGroup *sent_group;
  GtkLabel *ppc_error;
  GtkListBox *draft_list;
  AdwPreferencesGroup *bodies_group;
  GtkListBox *bodies_list;

  /* borrowed */
  GtkWidget *question_rows[N_QUESTIONS];
  GtkWidget *encrypted_row;
  GtkSwitch *acquiring_switch;
  GtkSwitch *encrypted_switch;
  GtkToggleButton *answer_buttons[N_QUESTIONS][N_ANSWERS];
  AdwEntryRow *sent_entry[N_SENT];

  /* owned */
  SonaeStore *store;
  GPtrArray *draft_rows;        /* of DraftRow */
  gint64 incident_id;
  gulong changed_handler;
  guint reload_source;
  SonaeAutosave autosave;
  gboolean updating;
};

/* The answers in the order their buttons show them. */
static const SonaeTriageAnswer answer_order[N_ANSWERS] = {
  SONAE_ANSWER_YES, SONAE_ANSWER_NO, SONAE_ANSWER_UNKNOWN,
};

/* Read the incident again and show it. */
void  sonae_reporting_duties_view_reload (SonaeReportingDutiesView *self);
/* "2026-11-23 (Mon)" in the user's language. */
char *sonae_reporting_duties_format_date (const char *date);
/* The list of the outside bodies (sonae-reporting-duties-bodies.c). */
void sonae_reporting_duties_view_show_bodies (SonaeReportingDutiesView *self,
                                              const SonaeIncident      *incident);

G_END_DECLS
