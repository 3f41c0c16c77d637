/* sonae-print-operation.c: a document printed through the system dialog */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-print-operation.h"

struct _SonaePrintOperation
{
  GtkPrintOperation parent_instance;

  /* owned */
  SonaeDocument *doc;
  PangoContext *pango_context;
  GError *output_error;    /* the file written could not be made private */
};

G_DEFINE_FINAL_TYPE (SonaePrintOperation, sonae_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
sonae_print_operation_begin_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  SonaePrintOperation *self = SONAE_PRINT_OPERATION (operation);
  guint n_pages;

  /* The layouts the document builds keep using this context until the last
   * page is drawn, so it lives as long as the operation. */
  g_clear_object (&self->pango_context);
  self->pango_context = gtk_print_context_create_pango_context (context);
  n_pages = sonae_document_paginate (self->doc, self->pango_context,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
sonae_print_operation_draw_page (GtkPrintOperation *operation,
                                 GtkPrintContext   *context,
                                 int                page_nr)
{
  SonaePrintOperation *self = SONAE_PRINT_OPERATION (operation);

  sonae_document_draw_page (self->doc, gtk_print_context_get_cairo_context (context), page_nr);
}

/* The local file the operation wrote its pages to, or NULL: its export
 * file name, else the file "Print to File" wrote (the output URI of the
 * print settings, which only that printer sets). */
static char *
get_output_path (GtkPrintOperation *operation)
{
  g_autofree char *export_filename = NULL;
  GtkPrintSettings *settings;
  const char *uri;

  g_object_get (operation, "export-filename", &export_filename, NULL);
  if (export_filename != NULL && *export_filename != '\0')
    return g_steal_pointer (&export_filename);

  settings = gtk_print_operation_get_print_settings (operation);
  uri = settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;
  if (uri == NULL)
    return NULL;
  /* NULL for a file that is not local. */
  return g_filename_from_uri (uri, NULL, NULL);
}

/* GTK writes the file with the permissions of any new file, often readable
 * by everyone on the computer; the pages hold names, phone numbers and
 * incidents, so the file is made its owner's alone, as Sonae's own PDFs
 * are. */
static gboolean
make_output_private (SonaePrintOperation  *self,
                     GError              **error)
{
  g_autofree char *path = get_output_path (GTK_PRINT_OPERATION (self));
  GStatBuf st;

  if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;
  if ((st.st_mode & 07777) != 0600 && g_chmod (path, 0600) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SONAE_ERROR, SONAE_ERROR_IO,
                   /* Translators: %s is a file name, then the system's reason */
                   _("“%s” was saved, but it could not be made readable by you alone (%s). Other people who use this computer or this disk may be able to open it."),
                   display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
sonae_print_operation_done (GtkPrintOperation       *operation,
                            GtkPrintOperationResult  result)
{
  SonaePrintOperation *self = SONAE_PRINT_OPERATION (operation);

  /* A synchronous run ends after the printer (or the file) has all the
   * data, then says it is done. */
  g_clear_error (&self->output_error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    make_output_private (self, &self->output_error);

  if (GTK_PRINT_OPERATION_CLASS (sonae_print_operation_parent_class)->done)
    GTK_PRINT_OPERATION_CLASS (sonae_print_operation_parent_class)->done (operation, result);
}

static void
sonae_print_operation_finalize (GObject *object)
{
  SonaePrintOperation *self = SONAE_PRINT_OPERATION (object);

  g_clear_pointer (&self->doc, sonae_document_free);
  g_clear_object (&self->pango_context);
  g_clear_error (&self->output_error);

  G_OBJECT_CLASS (sonae_print_operation_parent_class)->finalize (object);
}

static void
sonae_print_operation_class_init (SonaePrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = sonae_print_operation_finalize;
  operation_class->begin_print = sonae_print_operation_begin_print;
  operation_class->draw_page = sonae_print_operation_draw_page;
  operation_class->done = sonae_print_operation_done;
}

static void
sonae_print_operation_init (SonaePrintOperation *self)
{
}

SonaePrintOperation *
sonae_print_operation_new (SonaeDocument *doc)
{
  SonaePrintOperation *self;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  self = g_object_new (SONAE_TYPE_PRINT_OPERATION, NULL);
  self->doc = doc;

  paper = gtk_paper_size_new (sonae_document_get_paper (doc) == SONAE_PAPER_A3
                              ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, sonae_document_get_landscape (doc)
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);

  /* The document draws its own margins, header and footer: its origin is
   * the corner of the sheet. */
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), sonae_document_get_doc_title (doc));

  /* “Print to File” offers a file named after the document (in the
   * Documents folder), not GTK's “output.pdf”. */
  file_name = sonae_document_get_file_name (doc);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, file_name);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);

  return self;
}

static void
run_print (GtkWidget     *parent,
           SonaeDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaePrintOperation) operation = sonae_print_operation_new (doc);
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkPrintOperationResult result;

  /* Synchronous: the dialog runs its own loop, so the operation and its
   * document stay alive exactly as long as they are needed. */
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    sonae_show_error (parent, _("Could not print"), error);
  else if (operation->output_error != NULL)
    sonae_show_error (parent, _("The printed file may not be private"), operation->output_error);
}

void
sonae_print_request (GtkWidget                  *parent,
                     SonaeStore                 *store,
                     const SonaeDocumentRequest *request)
{
  g_autoptr(GError) error = NULL;
  SonaeDocument *doc;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (SONAE_IS_STORE (store));
  g_return_if_fail (request != NULL && request->name != NULL);

  doc = sonae_documents_build_request (store, request, &error);
  if (doc == NULL)
    {
      sonae_show_error (parent, _("Could not prepare the document for printing"), error);
      return;
    }
  run_print (parent, doc);
}

void
sonae_print_document (GtkWidget  *parent,
                      SonaeStore *store,
                      const char *name)
{
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT (name);

  sonae_print_request (parent, store, &request);
}
