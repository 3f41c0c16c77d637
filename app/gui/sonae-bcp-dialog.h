/* sonae-bcp-dialog.h: the small pieces the BCP worksheets share: a modal
 * Save / Cancel dialog that keeps itself open with the reason when the
 * store refuses, a row to choose a person from the roster, a calendar for
 * a date row, and the worksheets' style sheet. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

/* Store what the dialog holds; FALSE with @error set when refused. */
typedef gboolean (*SonaeBcpDialogSaveFunc) (GtkWindow  *dialog,
                                            gpointer    data,
                                            GError    **error);

/* A modal dialog transient for @parent's window, with a title, Cancel and a
 * primary button labelled @save_label; its content is a vertical box
 * (sonae_bcp_dialog_get_box). */
GtkWindow *sonae_bcp_dialog_new        (GtkWidget              *parent,
                                        const char             *name,
                                        const char             *title,
                                        const char             *save_label,
                                        SonaeBcpDialogSaveFunc  save_func,
                                        gpointer                data,
                                        GDestroyNotify          destroy);
GtkBox    *sonae_bcp_dialog_get_box    (GtkWindow *dialog);
/* What the primary button does: save and close, or show why not and stay. */
gboolean   sonae_bcp_dialog_save       (GtkWindow *dialog);

/* A row showing a person of the roster with Choose… and clear buttons.
 * @changed (may be NULL) is called with @data after the user changes it. */
GtkWidget *sonae_bcp_owner_row_new     (SonaeStore *store,
                                        const char *title,
                                        GCallback   changed,
                                        gpointer    data);
void       sonae_bcp_owner_row_set     (GtkWidget  *row,
                                        gint64      id,
                                        const char *name);
gint64     sonae_bcp_owner_row_get_id  (GtkWidget  *row);

/* A calendar button at the end of @row that writes YYYY-MM-DD into it. */
void       sonae_bcp_add_calendar      (AdwEntryRow *row);
/* The trimmed text of an editable, newly allocated; NULL when blank. */
char      *sonae_bcp_editable_text     (GtkEditable *editable);
/* Load ui/sonae-bcp-views.css once. */
void       sonae_bcp_ensure_style      (void);
/* TRUE when @date (YYYY-MM-DD) is before today. */
gboolean   sonae_bcp_date_is_past      (const char *date);

G_END_DECLS
