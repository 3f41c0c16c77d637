/* sonae-print-operation.h: a document printed through the system dialog */
#pragma once

#include <gtk/gtk.h>

#include "sonae-document.h"
#include "sonae-documents.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_PRINT_OPERATION (sonae_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (SonaePrintOperation, sonae_print_operation, SONAE, PRINT_OPERATION, GtkPrintOperation)

/* Takes ownership of @doc. Page setup A4 (or A3 when the document asks),
 * unit points, job name the document's title; print settings that name a
 * file printed to after the document (sonae_document_get_file_name). */
SonaePrintOperation *sonae_print_operation_new (SonaeDocument *doc);

/* Build what @request asks for from @store and open the system print
 * dialog (with preview and Print to File) over @parent's window, A4 unless
 * the document asks for A3. Errors are shown in a dialog. */
void                 sonae_print_request       (GtkWidget                  *parent,
                                                SonaeStore                 *store,
                                                const SonaeDocumentRequest *request);
/* The same for document @name ("roster", "calltree", …) of the whole
 * organisation. */
void                 sonae_print_document      (GtkWidget                  *parent,
                                                SonaeStore                 *store,
                                                const char                 *name);

G_END_DECLS
