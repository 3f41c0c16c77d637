/* test-bcp-docs.c: the BCP worksheets and the outage cards exported to PDF
 * and read back with poppler: what a filled plan prints, what a blank one
 * prints, and that every outage card is one page. */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "sonae-bcp.h"
#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-docs.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-role.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

#define ORG_NAME     "さくら内科クリニック"
#define VENDOR_NAME  "メディシス株式会社 サポートセンター"
#define VENDOR_MOBILE "090-1111-2222"
#define VENDOR_WORK  "0120-555-777"
#define CONTRACT     "MS-2026-0042"
#define HEAD_NAME    "桜井 一郎"
#define HEAD_PHONE   "090-3333-4444"
#define OWNER_NAME   "佐藤 由美"
#define EMR          "電子カルテ"
#define RECEPTION    "受付・会計システム"
#define FALLBACK     "紙カルテと紙の処方箋で診療を続ける"
#define FORMS        "受付カウンター下の赤いファイル"

typedef struct {
  char *dir;
  SonaeStore *store;
  gint64 vendor_id;
  gint64 owner_id;
  gint64 emr_id;
  gint64 reception_id;
} Plan;

static void
plan_clear (Plan *p)
{
  g_clear_object (&p->store);
  if (p->dir != NULL)
    sonae_test_remove_dir (p->dir);
  g_clear_pointer (&p->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static void
open_plan (Plan *p)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) ORG_NAME, SONAE_ORG_CLINIC, (char *) "東京都", NULL, (char *) "03-0000-0000" };

  memset (p, 0, sizeof *p);
  p->store = sonae_test_open_store (&p->dir);
  g_assert_true (sonae_store_set_profile (p->store, &profile, &error));
  g_assert_no_error (error);
}

/* A plan written through the BCP's API: every step filled in, with an
 * overdue measure, an overdue restore test, a high risk and a self-check
 * answered No. */
static void
fill_plan (Plan *p)
{
  g_autoptr(GError) error = NULL;
  SonaeStore *store = p->store;
  gint64 head_id;

  {
    g_autoptr(SonaeContact) vendor = sonae_contact_new ();

    vendor->group = SONAE_GROUP_VENDOR;
    vendor->name = g_strdup (VENDOR_NAME);
    vendor->contract = g_strdup ("VENDOR-FIELD-9");
    sonae_contact_add_phone (vendor, "work", VENDOR_WORK);
    sonae_contact_add_phone (vendor, "mobile", VENDOR_MOBILE);
    g_assert_true (sonae_contacts_save (store, vendor, &error));
    g_assert_no_error (error);
    p->vendor_id = vendor->id;
  }
  head_id = sonae_test_add_contact (store, SONAE_GROUP_STAFF, HEAD_NAME, "さくらい いちろう", HEAD_PHONE);
  p->owner_id = sonae_test_add_contact (store, SONAE_GROUP_STAFF, OWNER_NAME, "さとう ゆみ", "090-5555-6666");
  g_assert_true (sonae_contacts_set_role_holders (store, SONAE_ROLE_TOP, &head_id, 1, &error));
  g_assert_no_error (error);

  g_assert_true (sonae_bcp_set_text (store, SONAE_BCP_TEXT_POLICY, "どんなときも診療を止めない。", &error));
  g_assert_true (sonae_bcp_set_text (store, SONAE_BCP_TEXT_TRAINING, "年に一度、全員で紙カルテ訓練を行う。", &error));
  g_assert_no_error (error);

  {
    g_autoptr(SonaeBcpEvent) event = sonae_bcp_event_new ();

    event->title = g_strdup ("ランサムウェアでサーバが暗号化される");
    event->stops = g_strdup ("電子カルテ、会計");
    event->damage = g_strdup ("3日間、紙運用");
    g_assert_true (sonae_bcp_save_event (store, event, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SonaeBcpSystem) s = sonae_bcp_system_new ();

    s->name = g_strdup (EMR);
    s->purpose = g_strdup ("診療記録、処方、検査オーダー");
    s->vendor_id = p->vendor_id;
    s->contract_no = g_strdup (CONTRACT);
    s->owner_id = p->owner_id;
    s->recovery_order = 1;
    s->rto_hours = 24;
    s->rpo_hours = 4;
    s->backup_method = g_strdup ("外付けディスクへの夜間コピー");
    s->backup_frequency = g_strdup ("毎晩22時");
    s->backup_generations = 7;
    s->backup_offline = SONAE_BCP_YES;
    s->backup_location = g_strdup ("院長室の金庫");
    s->restore_tested_on = g_strdup ("2025-06-01");
    s->restore_test_days = 180;
    s->fallback = g_strdup (FALLBACK);
    s->forms_location = g_strdup (FORMS);
    g_assert_true (sonae_bcp_save_system (store, s, &error));
    g_assert_no_error (error);
    p->emr_id = s->id;
  }
  {
    g_autoptr(SonaeBcpSystem) s = sonae_bcp_system_new ();

    s->name = g_strdup (RECEPTION);
    s->recovery_order = 2;
    s->vendor_id = p->vendor_id;   /* no contract of its own: the vendor's */
    s->first_steps = g_strdup ("1. 再起動しない\n2) 受付に紙の受付票を出す\n\n③ 院長に伝える");
    g_assert_true (sonae_bcp_save_system (store, s, &error));
    g_assert_no_error (error);
    p->reception_id = s->id;
  }
  {
    g_autoptr(SonaeBcpMeasure) m = sonae_bcp_measure_new ();

    m->text = g_strdup ("UPSを導入する");
    m->owner_id = p->owner_id;
    m->due_on = g_strdup ("2026-03-31");
    g_assert_true (sonae_bcp_save_measure (store, m, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SonaeBcpDrill) d = sonae_bcp_drill_new ();

    d->held_on = g_strdup ("2026-09-10");
    d->scenario = g_strdup ("電子カルテ停止を想定した紙運用訓練");
    d->participants = g_strdup ("全職員");
    d->findings = g_strdup ("紙の処方箋の置き場所が分からなかった");
    g_assert_true (sonae_bcp_save_drill (store, d, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SonaeBcpRisk) r = sonae_bcp_risk_new ();

    r->risk = g_strdup ("ランサムウェア感染で電子カルテが使えなくなる");
    r->likelihood = 3;
    r->impact = 3;
    r->treatment = SONAE_RISK_REDUCE;
    r->treatment_text = g_strdup ("オフラインバックアップ");
    r->next_review_on = g_strdup ("2027-04-01");
    g_assert_true (sonae_bcp_save_risk (store, r, &error));
    g_assert_no_error (error);
  }
  {
    guint n = 0;
    const SonaeBcpCheckInfo *checks = sonae_bcp_checks_get (&n);

    g_assert_cmpuint (n, >, 1);
    g_assert_true (sonae_bcp_set_check (store, checks[0].key, SONAE_BCP_NO, "2027-01-15", 0, &error));
    g_assert_no_error (error);
  }
}

static void
export_doc (SonaeDocument *doc,
            const char    *dir,
            const char    *file,
            SonaeTestPdf  *pdf)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_nonnull (doc);
  sonae_test_pdf_write_and_read (doc, path, pdf);
}

static void
export_named (SonaeStore   *store,
              const char   *dir,
              const char   *name,
              SonaeTestPdf *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_documents_build (store, name, SONAE_PAPER_A4, &error);

  g_assert_no_error (error);
  export_doc (doc, dir, name, pdf);
}

static void
export_card (SonaeStore   *store,
             const char   *dir,
             gint64        id,
             SonaeTestPdf *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = sonae_test_build_document (store, "outage-card", SONAE_DOCUMENT_FOR_SYSTEM, id, 0,
                                                            &error);

  g_assert_no_error (error);
  export_doc (doc, dir, "card.pdf", pdf);
}

static const char *const headings[] = {
  "Policy and team",
  "Crisis events and assumed damage",
  "Systems and recovery priority",
  "Plans",
  "Drills and review",
  "Risk register",
  "Readiness self-check",
};

static void
assert_fonts_embedded (SonaeTestPdf *pdf)
{
  PopplerFontInfo *info = poppler_font_info_new (pdf->pdf);
  PopplerFontsIter *iter = NULL;
  guint n = 0;

  while (poppler_font_info_scan (info, pdf->n_pages, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          n++;
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n, >, 0);
}

/* Rendering pages, to see what the text does not tell: lines to write on,
 * white and red. */

#define RENDER_SCALE 3.0
/* A handwriting line apart: 8 mm, in points. */
#define HANDWRITING_PITCH (8.0 * 72.0 / 25.4)

/* Page @index of @pdf drawn on white, RENDER_SCALE pixels a point. */
static cairo_surface_t *
render_page (SonaeTestPdf *pdf,
             guint         index)
{
  return sonae_test_pdf_render_page (pdf->pdf, index, RENDER_SCALE);
}

static void
page_size (SonaeTestPdf *pdf,
           guint         index,
           double       *w,
           double       *h)
{
  PopplerPage *page = poppler_document_get_page (pdf->pdf, index);

  poppler_page_get_size (page, w, h);
  g_object_unref (page);
}

/* The colour at (@x, @y) in points from the top-left corner. */
static void
pixel_at (cairo_surface_t *image,
          double           x,
          double           y,
          int             *r,
          int             *g,
          int             *b)
{
  int px = CLAMP ((int) (x * RENDER_SCALE), 0, cairo_image_surface_get_width (image) - 1);
  int py = CLAMP ((int) (y * RENDER_SCALE), 0, cairo_image_surface_get_height (image) - 1);
  const unsigned char *data = cairo_image_surface_get_data (image);
  guint32 p = *(const guint32 *) (data + py * cairo_image_surface_get_stride (image) + px * 4);

  *r = (p >> 16) & 0xff;
  *g = (p >> 8) & 0xff;
  *b = p & 0xff;
}

/* The first page of @pdf that holds @text, and where @text is on it (in
 * points from the top-left corner). */
static guint
find_on_page (SonaeTestPdf     *pdf,
              const char       *text,
              PopplerRectangle *out)
{
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->pdf, i);
      GList *found = poppler_page_find_text_with_options (page, text, POPPLER_FIND_CASE_SENSITIVE);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_object_unref (page);
      if (found == NULL)
        continue;
      *out = *(PopplerRectangle *) found->data;
      /* poppler counts from the bottom of the page */
      out->y1 = h - ((PopplerRectangle *) found->data)->y2;
      out->y2 = h - ((PopplerRectangle *) found->data)->y1;
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
      return i;
    }
  g_error ("“%s” is on no page", text);
}

/* The horizontal rules of @image below @top (points): the y (points) of
 * each row of pixels with a run of dark pixels at least @min_length points
 * long, rows next to each other counted once. */
static GArray *
find_rules (cairo_surface_t *image,
            double           top,
            double           min_length)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (double));
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int last = -10;

  for (int py = (int) (top * RENDER_SCALE); py < height; py++)
    {
      int run = 0, longest = 0;

      for (int px = 0; px < width; px++)
        {
          int r, g, b;

          pixel_at (image, px / RENDER_SCALE, py / RENDER_SCALE, &r, &g, &b);
          run = (r < 215 && g < 215 && b < 215) ? run + 1 : 0;
          longest = MAX (longest, run);
        }
      if (longest >= min_length * RENDER_SCALE)
        {
          if (py > last + 1)
            {
              double y = py / RENDER_SCALE;

              g_array_append_val (rules, y);
            }
          last = py;
        }
    }
  return rules;
}

/* A blank system sheet: every line to write on runs across the page, a
 * handwriting line apart, not a short rule inside a line of type. */
static void
test_bcp_blank_system_lines (void)
{
  g_auto(Plan) p = { 0 };
  g_auto(SonaeTestPdf) pdf = { 0 };
  PopplerRectangle label;
  cairo_surface_t *image;
  g_autoptr(GArray) rules = NULL;
  double w, h;
  guint page;

  open_plan (&p);
  export_named (p.store, p.dir, "bcp", &pdf);
  sonae_test_assert_contains (pdf.all, "A system, to fill in by hand");
  sonae_test_assert_contains (pdf.all, "Name of the system");

  page = find_on_page (&pdf, "What it is for", &label);
  page_size (&pdf, page, &w, &h);
  image = render_page (&pdf, page);
  /* Lines at least three quarters of the page wide, from the first field
   * down. */
  rules = find_rules (image, label.y1, w * 0.75);
  g_assert_cmpuint (rules->len, >=, 6);
  for (guint i = 1; i < rules->len; i++)
    {
      double pitch = g_array_index (rules, double, i) - g_array_index (rules, double, i - 1);

      if (pitch < HANDWRITING_PITCH)
        g_error ("lines %.1f pt apart (less than 8 mm) at %.1f pt", pitch, g_array_index (rules, double, i));
    }
  cairo_surface_destroy (image);
}

static void
test_bcp_filled (void)
{
  g_auto(Plan) p = { 0 };
  g_auto(SonaeTestPdf) pdf = { 0 };
  guint n = 0;
  const SonaeBcpCheckInfo *checks;
  gssize at;

  open_plan (&p);
  fill_plan (&p);
  export_named (p.store, p.dir, "bcp", &pdf);

  g_assert_cmpuint (pdf.n_pages, >=, 4);
  sonae_test_assert_contains (pdf.all, "BCP Worksheets");
  sonae_test_assert_contains (pdf.all, ORG_NAME);
  /* The sections in the order of seed 000. */
  at = 0;
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    at = sonae_test_offset_of (pdf.all, headings[i], at);
  sonae_test_assert_not_contains (pdf.all, "blank worksheets");

  /* 1: the policy, and who declares: the role and its holder. */
  sonae_test_assert_contains (pdf.all, "どんなときも診療を止めない。");
  sonae_test_assert_contains (pdf.all, sonae_role_get_name (SONAE_ROLE_TOP));
  sonae_test_assert_contains (pdf.all, HEAD_NAME);
  sonae_test_assert_contains (pdf.all, HEAD_PHONE);
  /* 2 */
  sonae_test_assert_contains (pdf.all, "ランサムウェアでサーバが暗号化される");
  sonae_test_assert_contains (pdf.all, "3日間、紙運用");
  /* 3: the systems, with their vendor, contract and RTO. */
  sonae_test_assert_contains (pdf.all, EMR);
  sonae_test_assert_contains (pdf.all, RECEPTION);
  sonae_test_assert_contains (pdf.all, "24 hours");
  sonae_test_assert_contains (pdf.all, VENDOR_NAME);
  sonae_test_assert_contains (pdf.all, VENDOR_MOBILE);
  sonae_test_assert_contains (pdf.all, CONTRACT);
  sonae_test_assert_contains (pdf.all, "VENDOR-FIELD-9");
  sonae_test_assert_contains (pdf.all, FALLBACK);
  sonae_test_assert_contains (pdf.all, FORMS);
  sonae_test_assert_contains (pdf.all, "院長室の金庫");
  /* The restore test of 2025-06-01 every 180 days is overdue. */
  sonae_test_assert_contains (pdf.all, "2025-06-01");
  sonae_test_assert_contains (pdf.all, "next by 2025-11-28");
  /* 4: the overdue measure, the one derived from the self-check. */
  checks = sonae_bcp_checks_get (&n);
  sonae_test_assert_contains (pdf.all, "UPSを導入する");
  sonae_test_assert_contains (pdf.all, sonae_bcp_check_get_measure (checks[0].key, sonae_store_get_org_kind (p.store)));
  sonae_test_assert_contains (pdf.all, "from the self-check");
  sonae_test_assert_contains (pdf.all, "Overdue");
  sonae_test_assert_contains (pdf.all, "年に一度、全員で紙カルテ訓練を行う。");
  sonae_test_assert_contains (pdf.all, "Never reviewed");
  /* 5 */
  sonae_test_assert_contains (pdf.all, "電子カルテ停止を想定した紙運用訓練");
  sonae_test_assert_contains (pdf.all, "紙の処方箋の置き場所が分からなかった");
  /* The risk register, the high risk marked. */
  at = sonae_test_offset_of (pdf.all, "ランサムウェア感染で電子カルテが使えなくなる", 0);
  sonae_test_offset_of (pdf.all, sonae_risk_level_get_title (SONAE_RISK_HIGH), at);
  sonae_test_assert_contains (pdf.all, "オフラインバックアップ");
  /* The self-check: every question, the No with its date. */
  for (guint i = 0; i < n; i++)
    sonae_test_assert_contains (pdf.all, sonae_bcp_check_get_question (checks[i].key, sonae_store_get_org_kind (p.store)));
  sonae_test_assert_contains (pdf.all, "2027-01-15");

  assert_fonts_embedded (&pdf);
}

/* Nothing written: usable blank worksheets. */
static void
test_bcp_blank (void)
{
  g_auto(Plan) p = { 0 };
  g_auto(SonaeTestPdf) pdf = { 0 };

  open_plan (&p);
  export_named (p.store, p.dir, "bcp", &pdf);

  g_assert_cmpuint (pdf.n_pages, >=, 4);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    sonae_test_assert_contains (pdf.all, headings[i]);
  sonae_test_assert_contains (pdf.all, "blank worksheets");
  sonae_test_assert_contains (pdf.all, sonae_bcp_text_get_hint (SONAE_BCP_TEXT_POLICY, sonae_store_get_org_kind (p.store)));
  sonae_test_assert_contains (pdf.all, "Not assigned");
  /* Nobody decides yet: each of the two deciders' rows leaves a line for a
   * name and one for a number, under the warning. */
  {
    gssize after = sonae_test_offset_of (pdf.all, "Not assigned", 0);

    g_assert_cmpint (sonae_test_offset_of (pdf.all, "Name:＿＿＿", after), >, after);
    g_assert_cmpint (sonae_test_offset_of (pdf.all, "Phone:＿＿＿", after), >, after);
    g_assert_cmpint (sonae_test_offset_of (pdf.all, "Not assigned", after + 1), >, after);
  }
  sonae_test_assert_contains (pdf.all, "Vendor and support line");
  sonae_test_assert_contains (pdf.all, "No drill yet");
}

static void
test_outage_card_one (void)
{
  g_auto(Plan) p = { 0 };
  g_auto(SonaeTestPdf) pdf = { 0 };

  open_plan (&p);
  fill_plan (&p);
  export_card (p.store, p.dir, p.emr_id, &pdf);

  g_assert_cmpuint (pdf.n_pages, ==, 1);
  sonae_test_assert_contains (pdf.all, "When “" EMR "” is not working");
  sonae_test_assert_contains (pdf.all, VENDOR_NAME);
  /* Every number of the vendor, the mobile one first. */
  g_assert_cmpint (sonae_test_offset_of (pdf.all, VENDOR_MOBILE, 0), <, sonae_test_offset_of (pdf.all, VENDOR_WORK, 0));
  sonae_test_assert_contains (pdf.all, CONTRACT);
  sonae_test_assert_contains (pdf.all, FALLBACK);
  sonae_test_assert_contains (pdf.all, FORMS);
  sonae_test_assert_contains (pdf.all, HEAD_NAME);
  sonae_test_assert_contains (pdf.all, OWNER_NAME);
  sonae_test_assert_contains (pdf.all, "24 hours");
  sonae_test_assert_contains (pdf.all, "2025-06-01");
  /* No written first steps: the one rule of the poster and the manual, the
   * LAN cable out whatever is suspected, never the power. */
  sonae_test_assert_contains (pdf.all, "Do not switch anything off");
  sonae_test_assert_contains (pdf.all, "Unplug the LAN cable, not the power");
  sonae_test_assert_not_contains (pdf.all, "Only when");
  sonae_test_assert_not_contains (pdf.all, RECEPTION);
  assert_fonts_embedded (&pdf);
}

/* The written first steps, without their own numbers; the vendor's
 * contract when the system has none. */
static void
test_outage_card_written_steps (void)
{
  g_auto(Plan) p = { 0 };
  g_auto(SonaeTestPdf) pdf = { 0 };

  open_plan (&p);
  fill_plan (&p);
  export_card (p.store, p.dir, p.reception_id, &pdf);

  g_assert_cmpuint (pdf.n_pages, ==, 1);
  sonae_test_assert_contains (pdf.all, "VENDOR-FIELD-9");
  sonae_test_assert_contains (pdf.all, "1再起動しない2受付に紙の受付票を出す3院長に伝える");
  sonae_test_assert_not_contains (pdf.all, "Do not switch anything off");
  sonae_test_assert_not_contains (pdf.all, "③");
}

/* However much is written, a card is one page. */
static void
test_outage_card_long (void)
{
  g_auto(Plan) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeBcpSystem) s = NULL;
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autoptr(GString) fallback = g_string_new (NULL);

  open_plan (&p);
  fill_plan (&p);
  s = sonae_bcp_get_system (p.store, p.emr_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (steps, "%u. 手順の説明がここに入ります。落ち着いて、順番に進めてください。\n", i + 1);
  for (guint i = 0; i < 10; i++)
    g_string_append (fallback, "紙カルテに記録し、処方は手書きの処方箋で出し、会計は後でまとめて入力する。");
  g_free (s->first_steps);
  s->first_steps = g_strdup (steps->str);
  g_free (s->fallback);
  s->fallback = g_strdup (fallback->str);
  g_assert_true (sonae_bcp_save_system (p.store, s, &error));
  g_assert_no_error (error);

  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_card (p.store, p.dir, p.emr_id, &pdf);
    g_assert_cmpuint (pdf.n_pages, ==, 1);
    sonae_test_assert_contains (pdf.all, "手順の説明がここに入ります");
  }
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_named (p.store, p.dir, "outage-card", &pdf);
    g_assert_cmpuint (pdf.n_pages, ==, 2);
  }
}

/* Without a system: every card, one a page, in recovery order. */
static void
test_outage_card_all (void)
{
  g_auto(Plan) p = { 0 };
  g_auto(SonaeTestPdf) pdf = { 0 };

  open_plan (&p);
  fill_plan (&p);
  export_named (p.store, p.dir, "outage-card", &pdf);

  g_assert_cmpuint (pdf.n_pages, ==, 2);
  sonae_test_assert_contains (pdf.pages[0], "When “" EMR "” is not working");
  sonae_test_assert_not_contains (pdf.pages[0], RECEPTION);
  sonae_test_assert_contains (pdf.pages[1], "When “" RECEPTION "” is not working");
  sonae_test_assert_contains (pdf.pages[1], VENDOR_MOBILE);
}

/* No system yet: one blank card to fill in by hand. */
static void
test_outage_card_blank (void)
{
  g_auto(Plan) p = { 0 };
  g_auto(SonaeTestPdf) pdf = { 0 };

  open_plan (&p);
  export_named (p.store, p.dir, "outage-card", &pdf);

  g_assert_cmpuint (pdf.n_pages, ==, 1);
  sonae_test_assert_contains (pdf.all, "is not working");
  sonae_test_assert_contains (pdf.all, "Contract number");
  sonae_test_assert_contains (pdf.all, "Keep working on paper");
  sonae_test_assert_contains (pdf.all, "Where the paper forms are");
  sonae_test_assert_contains (pdf.all, "Do not switch anything off");

  /* The system's name is written in a white field, not on the red band
   * of the headline, where a pen does not show. */
  sonae_test_assert_contains (pdf.all, "When this system is not working");
  sonae_test_assert_not_contains (pdf.all, "“\u3000");
  {
    PopplerRectangle label;
    cairo_surface_t *image;
    double w, h;
    guint white = 0, samples = 0;
    int r, g, b;

    g_assert_cmpuint (find_on_page (&pdf, "Name of the system", &label), ==, 0);
    page_size (&pdf, 0, &w, &h);
    image = render_page (&pdf, 0);
    /* Around the label: white paper. */
    pixel_at (image, label.x1 - 2, (label.y1 + label.y2) / 2, &r, &g, &b);
    g_assert_cmpint (MIN (r, MIN (g, b)), >, 235);
    /* The field beside it, to the right edge of the text: white, but for
     * its rules. */
    for (double x = label.x2 + 20; x < w * 0.85; x += 2)
      {
        pixel_at (image, x, (label.y1 + label.y2) / 2, &r, &g, &b);
        samples++;
        white += MIN (r, MIN (g, b)) > 235;
      }
    g_assert_cmpuint (samples, >, 100);
    g_assert_cmpuint (white, >=, samples * 95 / 100);
    cairo_surface_destroy (image);
  }
}

static void
test_errors (void)
{
  g_auto(Plan) p = { 0 };

  open_plan (&p);
  fill_plan (&p);
  g_assert_true (sonae_documents_takes_system ("outage-card"));
  g_assert_false (sonae_documents_takes_system ("bcp"));
  g_assert_false (sonae_documents_takes_system ("roster"));
  g_assert_false (sonae_documents_takes_incident ("outage-card"));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeDocument) doc = sonae_test_build_document (p.store, "outage-card", SONAE_DOCUMENT_FOR_SYSTEM,
                                                              p.emr_id + 1000, 0, &error);

    g_assert_null (doc);
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeDocument) doc = sonae_doc_outage_card_build_for_system (p.store, 0, SONAE_PAPER_A4, &error);

    g_assert_null (doc);
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SonaeDocument) doc = sonae_test_build_document (p.store, "bcp", SONAE_DOCUMENT_FOR_SYSTEM, p.emr_id, 0, &error);

    g_assert_null (doc);
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  }
  g_assert_cmpstr (sonae_documents_get_title ("bcp"), ==, "BCP Worksheets");
  g_assert_cmpstr (sonae_documents_get_title ("outage-card"), ==, "Outage Cards");
}

/* The demo's plan: the worksheets and a card for every system. */
static void
test_demo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = NULL;

  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);
  systems = sonae_bcp_list_systems (store, &error);
  g_assert_no_error (error);
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_named (store, dir, "bcp", &pdf);
    for (guint i = 0; i < systems->len; i++)
      sonae_test_assert_contains (pdf.all, ((SonaeBcpSystem *) g_ptr_array_index (systems, i))->name);
  }
  {
    g_auto(SonaeTestPdf) pdf = { 0 };

    export_named (store, dir, "outage-card", &pdf);
    g_assert_cmpuint (pdf.n_pages, ==, MAX (systems->len, 1));
    for (guint i = 0; i < systems->len; i++)
      sonae_test_assert_contains (pdf.pages[i], ((SonaeBcpSystem *) g_ptr_array_index (systems, i))->name);
  }
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SONAE_NOW", "2026-12-01T09:00:00", TRUE);

  g_test_add_func ("/bcp-docs/worksheets", test_bcp_filled);
  g_test_add_func ("/bcp-docs/blank-worksheets", test_bcp_blank);
  g_test_add_func ("/bcp-docs/blank-system-lines", test_bcp_blank_system_lines);
  g_test_add_func ("/bcp-docs/outage-card", test_outage_card_one);
  g_test_add_func ("/bcp-docs/outage-card-written-steps", test_outage_card_written_steps);
  g_test_add_func ("/bcp-docs/outage-card-long", test_outage_card_long);
  g_test_add_func ("/bcp-docs/outage-cards-all", test_outage_card_all);
  g_test_add_func ("/bcp-docs/outage-card-blank", test_outage_card_blank);
  g_test_add_func ("/bcp-docs/errors", test_errors);
  g_test_add_func ("/bcp-docs/demo", test_demo);

  return g_test_run ();
}
