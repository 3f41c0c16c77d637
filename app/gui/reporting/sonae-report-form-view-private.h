/* sonae-report-form-view-private.h: what the report form view
 * (sonae-report-form-view.c) and its fields (sonae-report-form-field.c)
 * share: the view, a field and its widgets */
#pragma once

#include "sonae-autosave.h"
#include "sonae-report-form-capa-private.h"
#include "sonae-report-form-view.h"
#include "sonae-report-form.h"

G_BEGIN_DECLS

typedef struct _Field Field;

struct _SonaeReportFormView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkBox *form_box;
  GtkLabel *updated_label;

  /* borrowed: built in init, children of form_box */
  AdwPreferencesGroup *section_groups[SONAE_N_REPORT_SECTIONS];
  AdwPreferencesGroup *signoff_group;
  AdwPreferencesGroup *hearing_group;
  AdwActionRow *hearing_rows[SONAE_REPORT_N_5W1H];

  /* owned */
  SonaeStore *store;
  SonaeReport *report;
  GPtrArray *fields;                            /* of Field */
  SonaeReportFormCapa capa;                     /* the actions */
  gint64 incident_id;
  gulong changed_handler;
  guint reload_source;
  gboolean updating;
};

/* One field of the form and its widgets (borrowed, children of a group). */
struct _Field
{
  SonaeReportFormView *view;
  const SonaeReportField *field;
  const char *key;
  SonaeReportFieldKind kind;
  GtkWidget *row;               /* the row in its group */
  GtkTextBuffer *buffer;        /* TEXT */
  GtkWidget *text_view;         /* TEXT */
  GPtrArray *checks;            /* MULTI: GtkCheckButton per option (owned array) */
  GtkSpinButton *hours;         /* DURATION */
  GtkSpinButton *minutes;       /* DURATION */
  GtkWidget *mark;              /* "From the incident record" */
  GtkWidget *revert;            /* back to the proposal */
  GtkWidget *note_row;          /* the refusal, under the field */
  GtkLabel *note_label;
  SonaeAutosave autosave;
  gboolean dirty;               /* changed, not saved yet */
  gboolean failed;              /* refused: the typed text is kept */
};

/* A field (sonae-report-form-field.c) */

/* The free function of the view's fields. */
void      sonae_report_form_field_free            (gpointer data);
/* Build @f's row (f->row) and its widgets for @f's kind of field. */
void      sonae_report_form_field_build           (Field *f);
/* What the field's widgets hold now, in the form the store takes. */
char     *sonae_report_form_field_get_text        (Field *f);
/* The stored value as the widgets show it. */
char     *sonae_report_form_field_get_shown_value (Field *f);
/* Show @message under the field and its row in error (NULL: neither). */
void      sonae_report_form_field_show_note       (Field      *f,
                                                   const char *message);
/* Show the mark of the proposal, or the button that brings it back. */
void      sonae_report_form_field_show_marks      (Field *f);
/* Put the stored value into the widgets, unless someone is typing there or
 * a refused value waits to be corrected (@force: even then). */
void      sonae_report_form_field_show            (Field    *f,
                                                   gboolean  force);

/* The view (sonae-report-form-view.c) */

/* Save @f if it changed. TRUE when nothing is left unsaved. */
gboolean  sonae_report_form_view_save_field       (Field *f);
/* The revert button's "clicked": the field back to the proposal. */
void      sonae_report_form_view_revert_clicked   (GtkButton *button,
                                                   Field     *f);

G_END_DECLS
