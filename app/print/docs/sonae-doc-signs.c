/* sonae-doc-signs.c: two sheets to put up when the computers are down,
 * each one page in type readable from afar, to fill in by hand:
 *
 * - the “Do not use” sign (使用禁止) to tape on a computer suspected of an
 *   attack: not to be used, switched off, unplugged from the power or put
 *   back on the network — the poster's rules — and whom to call;
 * - a notice for the front desk, for patients (a clinic or a hospital) or
 *   customers (every other organisation): the systems are down, work goes
 *   on on paper, thank you for your patience. It says nothing of the cause:
 *   what is said outside is the response lead's to decide. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-docs.h"

/* Sizes in points. */
#define PT_SIGN_HEADLINE 72.0
#define PT_SIGN_SUBTITLE 26.0
#define PT_SIGN_DETAIL   14.0
#define PT_FORM_LABEL    15.0
#define FORM_ROW_HEIGHT  40.0
#define PT_NOTICE_TITLE  36.0
#define PT_NOTICE_BODY   23.0
#define PT_NOTICE_SIGN   16.0
#define NOTICE_GAP       24.0

/* The mark of a step of the sign: a cross on the red disc. */
#define MARK_DONT "\u2715"

static char *
sized (const char *text,
       double      points,
       gboolean    bold)
{
  return g_markup_printf_escaped ("<span size=\"%d\" weight=\"%s\">%s</span>",
                                  (int) (points * PANGO_SCALE), bold ? "bold" : "normal", text);
}

/* Lines to fill in by hand: a label in large type, room to write beside it. */
static void
add_form_rows (SonaeDocument     *doc,
               const char *const *labels)
{
  static const double widths[] = { 0.34, 0.66 };

  sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, FORM_ROW_HEIGHT);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = sized (labels[i], PT_FORM_LABEL, TRUE);
      const char *cells[] = { label, NULL };

      sonae_document_add_row (doc, cells);
    }
}

static void
add_dont (SonaeDocument *doc,
          const char    *what,
          const char    *why)
{
  g_autofree char *title = g_markup_escape_text (what, -1);
  g_autofree char *detail = g_markup_printf_escaped ("<span size=\"%d\" weight=\"normal\">%s</span>",
                                                     (int) (PT_SIGN_DETAIL * PANGO_SCALE), why);
  g_autofree char *markup = g_strdup_printf ("%s\n%s", title, detail);

  sonae_document_add_step (doc, SONAE_STYLE_POSTER | SONAE_STYLE_BOLD, MARK_DONT, markup);
}

SonaeDocument *
sonae_doc_do_not_use_build (SonaeStore  *store,
                            SonaePaper   paper,
                            GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  doc = sonae_doc_new (store, "do-not-use", paper);
  sonae_document_set_keep_words (doc, TRUE);
  /* One sheet to tape on the computer. */
  sonae_document_set_fit_one_page (doc, TRUE);
  /* Translators: the bookmark of the “Do not use” sign, whose headline is not a title */
  sonae_document_add_bookmark (doc, sonae_document_get_doc_title (doc));

  {
    /* Translators: the headline of the sign taped on a suspect computer: 使用禁止 */
    g_autofree char *headline = sized (C_("sign", "DO NOT USE"), PT_SIGN_HEADLINE, TRUE);

    sonae_document_add_paragraph (doc, SONAE_STYLE_BANNER | SONAE_STYLE_HUGE | SONAE_STYLE_CENTER, headline);
  }
  {
    g_autofree char *subtitle = sized (_("This computer is being checked for a problem."), PT_SIGN_SUBTITLE, TRUE);

    sonae_document_add_spacer (doc, 6.0);
    sonae_document_add_paragraph (doc, SONAE_STYLE_CENTER, subtitle);
  }
  sonae_document_add_spacer (doc, 12.0);

  add_dont (doc, _("Do not use it"),
            _("Do not touch the keyboard or the mouse, and do not log in."));
  add_dont (doc, _("Do not switch it off"),
            _("Leave the power on: the screen, the memory and the logs are evidence."));
  add_dont (doc, _("Do not unplug the power"),
            _("Leave the power cable, and a laptop’s charger, as they are."));
  add_dont (doc, _("Do not connect it to the network again"),
            _("The LAN cable stays out and Wi-Fi stays off until you are told otherwise."));

  sonae_document_add_spacer (doc, 12.0);
  {
    g_autofree char *call = sized (_("If you need this computer or notice anything, call:"), PT_FORM_LABEL, TRUE);
    const char *labels[] = { _("Name"), _("Phone number"), NULL };
    const char *put_up[] = {
      /* Translators: on the “Do not use” sign: when it was put up */
      _("Put up on (date and time)"),
      /* Translators: on the “Do not use” sign: who put it up */
      _("Put up by"),
      NULL,
    };

    sonae_document_begin_group (doc);
    sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, call);
    add_form_rows (doc, labels);
    sonae_document_add_spacer (doc, 14.0);
    add_form_rows (doc, put_up);
    sonae_document_end_group (doc);
  }
  return g_steal_pointer (&doc);
}

/* The words of the notice, for patients or for customers. */
typedef struct {
  const char *to;
  const char *body;
  const char *wait;
} NoticeWording;

static const NoticeWording patient_notice = {
  N_("To our patients"),
  N_("Our computer systems are not working at the moment. We are continuing to see patients, keeping records on paper."),
  N_("Registration, payment and prescriptions may take longer than usual. We apologise for the inconvenience, "
     "and thank you for your patience and understanding."),
};

static const NoticeWording customer_notice = {
  N_("To our customers"),
  N_("Our computer systems are not working at the moment. We are continuing our work on paper."),
  N_("Orders, procedures and payment may take longer than usual. We apologise for the inconvenience, "
     "and thank you for your patience and understanding."),
};

SonaeDocument *
sonae_doc_desk_notice_build (SonaeStore  *store,
                             SonaePaper   paper,
                             GError     **error)
{
  g_autoptr(SonaeDocument) doc = NULL;
  const NoticeWording *wording = &customer_notice;
  const char *organisation;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  if (sonae_org_kind_is_medical (sonae_store_get_org_kind (store)))
    wording = &patient_notice;

  doc = sonae_doc_new (store, "desk-notice", paper);
  sonae_document_set_keep_words (doc, TRUE);
  sonae_document_set_fit_one_page (doc, TRUE);
  /* Translators: the bookmark of the notice for the front desk, whose headline is not a title */
  sonae_document_add_bookmark (doc, sonae_document_get_doc_title (doc));
  organisation = sonae_document_get_organisation (doc);

  sonae_document_add_spacer (doc, 60.0);
  {
    g_autofree char *to = sized (_(wording->to), PT_NOTICE_TITLE, TRUE);

    sonae_document_add_paragraph (doc, SONAE_STYLE_BANNER | SONAE_STYLE_POSTER | SONAE_STYLE_CENTER, to);
  }
  sonae_document_add_spacer (doc, 48.0);
  {
    g_autofree char *body = sized (_(wording->body), PT_NOTICE_BODY, TRUE);
    g_autofree char *wait = sized (_(wording->wait), PT_NOTICE_BODY, FALSE);
    g_autofree char *ask = sized (_("If you have a question, please ask at the front desk."), PT_NOTICE_BODY, FALSE);

    sonae_document_add_paragraph (doc, SONAE_STYLE_POSTER, body);
    sonae_document_add_spacer (doc, NOTICE_GAP);
    sonae_document_add_paragraph (doc, SONAE_STYLE_POSTER, wait);
    sonae_document_add_spacer (doc, NOTICE_GAP);
    sonae_document_add_paragraph (doc, SONAE_STYLE_POSTER, ask);
  }
  sonae_document_add_spacer (doc, 72.0);
  {
    /* The organisation's name on one line, however long. */
    static const double widths[] = { 0.3, 0.7 };
    /* Translators: on the notice for the front desk: the day it was put up, written by hand */
    g_autofree char *date = sized (_("Date"), PT_FORM_LABEL, TRUE);
    g_autofree char *from = NULL;
    const char *cells[] = { date, NULL };

    if (organisation != NULL && *organisation != '\0')
      from = sized (organisation, PT_NOTICE_SIGN, TRUE);
    else
      /* Translators: on the notice for the front desk: where the organisation's name is written by hand */
      from = sized (_("Name of the organisation"), PT_FORM_LABEL, TRUE);
    cells[1] = from;
    sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, NULL, FORM_ROW_HEIGHT);
    sonae_document_add_row (doc, cells);
  }
  return g_steal_pointer (&doc);
}
