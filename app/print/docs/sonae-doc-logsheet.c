/* sonae-doc-logsheet.c: blank paper forms for when no computer works: an
 * activity log (time, who, what) and message forms, in the spirit of the
 * forms of a hospital's incident command. What is written on them is
 * entered into Sonae afterwards, with the times written on paper. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-docs.h"

/* Rows of the activity log: as many as fit one A4 page with its header. */
#define LOG_ROWS       20
#define LOG_ROW_HEIGHT 27.0
/* The message form's boxes, in points: two forms fit one A4 page. */
#define FORM_LINE      28.0
#define FORM_MESSAGE   104.0
#define FORM_REPLY     68.0

/* A form cell's label: small and grey, in the cell's top-left corner. */
static char *
cell_label (const char *text)
{
  return g_markup_printf_escaped ("<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                  (int) (8 * PANGO_SCALE), text);
}

static void
add_form_row (SonaeDocument *doc,
              double         height,
              const char    *first,
              const char    *second)   /* NULL: one cell across */
{
  static const double halves[] = { 0.5, 0.5 };
  g_autofree char *a = cell_label (first);
  g_autofree char *b = second ? cell_label (second) : NULL;
  const char *cells[] = { a, b };

  sonae_document_add_form_table (doc, second ? 2 : 1, second ? halves : NULL, NULL, height);
  sonae_document_add_row (doc, cells);
}

static void
add_enter_later (SonaeDocument *doc)
{
  g_autofree char *markup = g_markup_escape_text (_("When Sonae works again, enter what is written here into the incident, "
                                                    "with the time written here: it is then marked as entered afterwards from paper. "
                                                    "Keep this sheet with the incident's records."), -1);

  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, markup);
}

static void
add_activity_log (SonaeDocument *doc)
{
  static const double widths[] = { 0.15, 0.17, 0.68 };
  g_autofree char *time = g_markup_escape_text (_("Time"), -1);
  g_autofree char *who = g_markup_escape_text (_("Who"), -1);
  g_autofree char *what = g_markup_escape_text (_("What was done or seen"), -1);
  const char *header[] = { time, who, what };

  sonae_document_add_title (doc, _("Activity Log"),
                            _("Write down every action, call and observation as it happens, one a row, with the time."));
  {
    static const double quarters[] = { 0.25, 0.25, 0.25, 0.25 };
    g_autofree char *incident = cell_label (_("Incident number or title"));
    g_autofree char *date = cell_label (_("Date"));
    g_autofree char *writer = cell_label (_("Written by"));
    g_autofree char *sheet = cell_label (_("Sheet no."));
    const char *cells[] = { incident, date, writer, sheet };

    sonae_document_add_form_table (doc, G_N_ELEMENTS (quarters), quarters, NULL, FORM_LINE);
    sonae_document_add_row (doc, cells);
  }
  sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, LOG_ROW_HEIGHT);
  sonae_document_add_empty_rows (doc, LOG_ROWS);
  add_enter_later (doc);
}

static void
add_message_form (SonaeDocument *doc)
{
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("Message Form"));
  g_autofree char *priority = NULL;

  sonae_document_begin_group (doc);
  sonae_document_add_paragraph (doc, SONAE_STYLE_LARGE, title);
  {
    g_autofree char *urgent = g_markup_escape_text (_("Urgent"), -1);
    g_autofree char *normal = g_markup_escape_text (_("Normal"), -1);
    g_autofree char *info = g_markup_escape_text (_("For information"), -1);
    const char *options[] = { urgent, normal, info, NULL };

    priority = g_markup_escape_text (_("Priority"), -1);
    sonae_document_add_options (doc, priority, options);
  }
  add_form_row (doc, FORM_LINE, _("To (name, role)"), _("From (name, role)"));
  add_form_row (doc, FORM_LINE, _("Date and time"), _("Subject"));
  add_form_row (doc, FORM_MESSAGE, _("Message"), NULL);
  add_form_row (doc, FORM_REPLY, _("Reply"), NULL);
  add_form_row (doc, FORM_LINE, _("Reply by (name, role)"), _("Date and time of the reply"));
  sonae_document_end_group (doc);
}

SonaeDocument *
sonae_doc_logsheet_build (SonaeStore  *store,
                          SonaePaper   paper,
                          GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  doc = sonae_doc_new (store, "logsheet", paper);

  add_activity_log (doc);

  /* Two message forms on the second sheet, to be cut apart. */
  sonae_document_add_page_break (doc);
  add_message_form (doc);
  sonae_document_add_cut_line (doc, _("Cut here"));
  add_message_form (doc);
  add_enter_later (doc);

  return g_steal_pointer (&doc);
}
