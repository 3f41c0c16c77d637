/* sonae-bcp-dialog.h: the small pieces the BCP worksheets share: a modal
 * Save / Cancel dialog that keeps itself open with the reason when the
 * store refuses, a row to choose a person from the roster, a calendar for
 * a date row, and the rows, buttons and labels the worksheets' groups are
 * made of. What a worksheet is (the store, reloading, saving) is
 * SonaeBcpWorksheet. */
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
/* TRUE when @date (YYYY-MM-DD) is before today. */
gboolean   sonae_bcp_date_is_past      (const char *date);

/* --- the pieces of the worksheets (sonae-bcp-views.h) ------------------- */

/* @box (a column of groups) clamped, with the worksheets' margins: the
 * content of a worksheet (sonae_bcp_worksheet_set_content). */
GtkWidget *sonae_bcp_clamp_new         (GtkWidget *box);

/* The rows a worksheet shows in a group, kept in @rows (borrowed). */
void       sonae_bcp_rows_clear        (AdwPreferencesGroup *group,
                                        GPtrArray           *rows);
void       sonae_bcp_rows_add          (AdwPreferencesGroup *group,
                                        GPtrArray           *rows,
                                        GtkWidget           *row);
/* The dim row a group shows while it has nothing to list. */
GtkWidget *sonae_bcp_empty_row_new     (const char *name,
                                        const char *title,
                                        const char *subtitle);

/* An entry row of a dialog showing @text (NULL for none); Enter saves. */
GtkWidget *sonae_bcp_entry_row_new     (const char *title,
                                        const char *name,
                                        const char *text);
/* A flat “+ label” button for the header of a group. */
GtkWidget *sonae_bcp_header_button_new (const char *label,
                                        const char *name);
/* A small coloured label; @kind is its CSS class (sonae-bcp-views.css). */
GtkWidget *sonae_bcp_pill_new          (const char *text,
                                        const char *kind);
/* A date at the end of @row, dim, or marked with a warning icon (whose
 * tooltip is @overdue_tooltip) when @overdue. */
void       sonae_bcp_row_add_date      (AdwActionRow *row,
                                        const char   *name,
                                        const char   *text,
                                        gboolean      overdue,
                                        const char   *overdue_tooltip);
/* A flat trash button for a row. */
GtkWidget *sonae_bcp_delete_button_new (const char *tooltip);

G_END_DECLS
