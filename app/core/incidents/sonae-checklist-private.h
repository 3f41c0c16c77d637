/* sonae-checklist-private.h: what the checklist's model and its parser
 * (sonae-checklist-parser.c) share inside core/incidents. */
#pragma once

#include "sonae-checklist.h"

G_BEGIN_DECLS

#define N_WORDINGS 2   /* clinic, business */

/* Reference counted with g_rc_box. */
struct _SonaeChecklist {
  gboolean medical;
  char *title;
  GPtrArray *phases;              /* of SonaeChecklistPhase */
  GHashTable *steps;              /* step id → SonaeChecklistStep (borrowed) */
  GHashTable *phase_of;           /* step id → SonaeChecklistPhase (borrowed) */
  GStrv do_now[SONAE_N_INCIDENT_KINDS][N_WORDINGS];
  GStrv do_now_roles[SONAE_N_INCIDENT_KINDS][N_WORDINGS];  /* role key or "" per step */
  GStrv do_now_ids[SONAE_N_INCIDENT_KINDS][N_WORDINGS];    /* the id of each step */
  SonaeChecklist *bundled;        /* a procedure's: where "do now" comes from */
};

/* A new, empty checklist; @medical for the bundled one. */
SonaeChecklist      *sonae_checklist_new_empty (gboolean             medical);
SonaeChecklistStep  *sonae_checklist_step_new  (const char          *id,
                                                const char          *number,
                                                const char          *role_key);
SonaeChecklistPhase *sonae_checklist_add_phase (SonaeChecklist      *self,
                                                const char          *id);
void                 sonae_checklist_add_step  (SonaeChecklist      *self,
                                                SonaeChecklistPhase *phase,
                                                SonaeChecklistStep  *step);
/* Frees a SonaeChecklistOption (a field's options array's free func). */
void                 sonae_checklist_option_free (gpointer           data);
/* The translation of a text of the XML file, as xgettext's ITS rules
 * extracted it; NULL for a text that is only white space. */
char                *sonae_checklist_translate (const char          *raw);

G_END_DECLS
