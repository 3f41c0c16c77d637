/* sonae-incident-now-private.h: what the parts of the Now tab share
 * (sonae-incident-now.c, sonae-incident-now-report.c). */
#pragma once

#include <adwaita.h>

#include "sonae-checklist.h"
#include "sonae-escalation.h"
#include "sonae-incident-now.h"
#include "sonae-manual.h"
#include "sonae-store.h"

G_BEGIN_DECLS

struct _SonaeIncidentNow
{
  GtkBox parent_instance;

  /* template widgets */
  GtkWidget *next_section;
  GtkLabel *next_intro;
  GtkListBox *next_list;
  GtkWidget *do_now_section;
  GtkListBox *do_now_list;
  GtkWidget *call_section;
  GtkLabel *call_intro;
  GtkWidget *call_box;
  GtkWidget *report_section;
  GtkLabel *report_intro;
  GtkListBox *report_list;

  /* owned */
  SonaeStore *store;
  SonaeManual *manual;          /* loaded once; NULL if the bundle is broken */
  SonaeChecklist *checklist;    /* the bundled one, for its "do now" steps */
  GHashTable *outcome_labels;   /* contact id (gint64 *) → GPtrArray of GtkLabel (borrowed) */
  GHashTable *do_now_checks;    /* "do now" step id → its GtkCheckButton (borrowed) */
  gboolean updating;            /* setting the check buttons from the record */
  gulong changed_id;
  guint update_source;

  /* state */
  gint64 incident_id;
  gboolean shown;               /* the sections show incident_id */
  int shown_level;
  SonaeIncidentType shown_type;
  gboolean need_rebuild;        /* the roster or profile changed */
  SonaeEscalation *escalation;  /* whom to call at the level shown */
  char *report_shown;           /* what the report list says (build_report), to rebuild it only on a change */
};

/* Helpers of the tab's rows. */
void       sonae_incident_now_remove_children (GtkWidget  *parent);
GtkWidget *sonae_incident_now_new_label       (const char *text,
                                               const char *css_class);
GtkWidget *sonae_incident_now_new_tag         (const char *text,
                                               const char *css_class);
GtkWidget *sonae_incident_now_new_static_row  (GtkWidget  *child);

/* The last section: whom to report to for the escalation shown
 * (sonae-incident-now-report.c); rebuilt only when what it says changed. */
void       sonae_incident_now_build_report    (SonaeIncidentNow *self,
                                               SonaeEscalation  *escalation);

G_END_DECLS
