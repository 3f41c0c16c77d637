/* test-typeset.c: Japanese that reads right in every printed document,
 * read back with poppler: words and check-box labels never cut across two
 * lines (in narrow table columns too), dates as Japanese documents write
 * them, the drill marked 訓練, bookmarks that are short titles */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "sonae-demo.h"
#include "sonae-document-builder.h"
#include "sonae-documents.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

/* Words and labels that must never be cut across two lines, each found in
 * some document of the demo clinic or of an empty data folder: those the
 * issue found cut, and others that narrow columns cut before. */
static const char *const whole_words[] = {
  "軽微・無",                 /* the report's check box: cut, it read as two options */
  "停止し保留",
  "印刷結果",
  "情報の不正取得",
  "システム管理者",
  "起こりやすさ",             /* the risk register's narrow column */
  "起こりやすい",
  "が使えないとき",           /* an outage card's title ended in a lone き */
  "サポートセンター",
  "コーディネーションセンター",
  "確認されていません",       /* the roster's narrow column */
  "紙伝票マニュアル",
  "最高責任者",
  "対応責任者",
  "一次対応者",
  "個人情報管理責任者",
  "安全管理責任者",
  "ランサムウェア",
  "バックアップ",
  "ネットワーク",
  "電子カルテ",
  "厚生労働省",
  "都道府県警察",
  "要確認",
  "お知らせする",             /* お belongs to the word after it */
};

typedef struct {
  char *dir;
  GPtrArray *files;     /* of char *: the PDFs of every document */
} Fixture;

/* The lines of every page of @path, white space removed. */
static GPtrArray *
pdf_lines (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto(GStrv) split = g_strsplit (text, "\n", -1);

      for (guint i = 0; split[i] != NULL; i++)
        g_ptr_array_add (lines, sonae_test_squeeze (split[i]));
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return lines;
}

static gboolean
on_one_line (GPtrArray  *lines,
             const char *word)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), word) != NULL)
      return TRUE;
  return FALSE;
}

static void
write_document (Fixture    *f,
                SonaeStore *store,
                const char *prefix,
                const char *name,
                gint64      incident)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeDocument) doc = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s-%s%s.pdf", f->dir, prefix, name, incident > 0 ? "-incident" : "");

  doc = sonae_test_build_document (store, name,
                                   incident > 0 ? SONAE_DOCUMENT_FOR_INCIDENT : SONAE_DOCUMENT_FOR_ALL,
                                   incident, 0, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_ptr_array_add (f->files, g_steal_pointer (&path));
}

/* Every document an organisation can print: for all, and for its first
 * incident those about one. */
static void
write_every_document (Fixture    *f,
                      SonaeStore *store,
                      const char *prefix)
{
  SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) incidents = sonae_incidents_list (store, &all, NULL);
  gint64 incident = incidents != NULL && incidents->len > 0
                    ? ((SonaeIncident *) g_ptr_array_index (incidents, 0))->id : 0;
  const char *const *names = sonae_documents_get_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (sonae_documents_get_unavailable_reason (store, names[i]) != NULL)
        continue;
      if (!sonae_documents_needs_incident (names[i]))
        write_document (f, store, prefix, names[i], 0);
      if (incident > 0 && sonae_documents_takes_incident (names[i]))
        write_document (f, store, prefix, names[i], incident);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->files = g_ptr_array_new_with_free_func (g_free);
  f->dir = sonae_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->files);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
  sonae_test_use_default_language ();
}

/* Where the phrases a line may end between begin. */
static void
test_phrases (void)
{
  static const struct {
    const char *text;
    guint max_chars;
    const char *phrases;   /* joined by | */
  } cases[] = {
    /* A check box stays with its whole label, up to the next option. */
    { "■\u00a0重大\u3000 □\u00a0軽微・無\u3000 □\u00a0停止し保留", 30,
      "■\u00a0重大\u3000 |□\u00a0軽微・無\u3000 |□\u00a0停止し保留" },
    { "□ 情報の不正取得 □ 印刷結果", 30, "□ 情報の不正取得 |□ 印刷結果" },
    /* A label of several words is one, up to what parts it from the next. */
    { "□\u00a0Minor or none\u3000 □\u00a0Input data  □ Other", 30,
      "□\u00a0Minor or none\u3000 |□\u00a0Input data  |□ Other" },
    /* A label longer than a line: the box stays with its first phrase. */
    { "□\u00a0情報の不正取得をした", 5, "□\u00a0情報の|不正取得をした" },
    /* お and ご begin the word after them. */
    { "掲示でお知らせする。", 30, "掲示で|お知らせする。" },
    { "書類をご確認ください", 30, "書類を|ご確認ください" },
    /* A date may go on after its year; longer than a line, it is cut
     * after a counter, not before it. */
    { "2026年12月7日までに", 30, "2026年|12月7日までに" },
    { "令和8年12月7日までに", 3, "令和|8年|12月|7日までに" },
    /* A short number stays with the word before it, a counter with its number. */
    { "情報セキュリティ部門責任者（代理 1）", 30, "情報セキュリティ部門責任者|（代理 1）" },
    { "32 件", 30, "32 件" },
    { "事務用PC 2番", 30, "事務用PC 2番" },
    /* A time stays whole, apart from the date before it. */
    { "2026年9月26日 10:05", 30, "2026年|9月26日 |10:05" },
    /* A paragraph's end ends a phrase. */
    { "センター\n\u00a0要確認\u00a0", 30, "センター\n|\u00a0要確認\u00a0" },
    /* What the MHLW checklist kept before. */
    { "医療情報システム安全管理責任者を決めている。", 8, "医療情報|システム|安全管理責任者を|決めている。" },
    { "Plain English words stay as they are.", 30, "Plain |English |words |stay |as |they |are." },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) starts = sonae_document_phrase_starts (cases[c].text, cases[c].max_chars);
      g_autoptr(GString) joined = g_string_new (NULL);
      int from = 0;

      for (guint i = 0; i <= starts->len; i++)
        {
          int to = i < starts->len ? g_array_index (starts, int, i) : (int) strlen (cases[c].text);

          if (i > 0)
            g_string_append_c (joined, '|');
          g_string_append_len (joined, cases[c].text + from, to - from);
          from = to;
        }
      g_assert_cmpstr (joined->str, ==, cases[c].phrases);
    }
}

/* Every document in Japanese, of the demo clinic and of an empty folder:
 * each word of the list is read whole on one line wherever it is printed,
 * and no line ends with a check box parted from its label. */
static void
test_never_split (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *demo_dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gboolean *found = g_new0 (gboolean, G_N_ELEMENTS (whole_words));

  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("no Japanese locale");
      return;
    }
  {
    g_autoptr(SonaeStore) demo = sonae_test_open_store (&demo_dir);
    g_autoptr(SonaeStore) empty = sonae_test_open_store (&empty_dir);

    g_assert_true (sonae_demo_fill (demo, &error));
    g_assert_no_error (error);
    write_every_document (f, demo, "demo");
    write_every_document (f, empty, "empty");
  }
  sonae_test_remove_dir (demo_dir);
  sonae_test_remove_dir (empty_dir);

  for (guint i = 0; i < f->files->len; i++)
    {
      const char *path = g_ptr_array_index (f->files, i);
      g_autoptr(GPtrArray) lines = pdf_lines (path);
      g_auto(SonaeTestPdf) pdf = { 0 };

      sonae_test_pdf_read_a4 (&pdf, path);   /* the register is landscape */
      for (guint w = 0; w < G_N_ELEMENTS (whole_words); w++)
        {
          if (strstr (pdf.all, whole_words[w]) == NULL)
            continue;
          found[w] = TRUE;
          if (!on_one_line (lines, whole_words[w]))
            g_error ("%s: “%s” is cut across two lines", path, whole_words[w]);
        }
      for (guint l = 0; l < lines->len; l++)
        {
          const char *line = g_ptr_array_index (lines, l);

          if (g_str_has_suffix (line, "□") || g_str_has_suffix (line, "■"))
            g_error ("%s: a check box parted from its label: “%s”", path, line);
        }
    }
  /* Not a list of words that are printed nowhere. */
  for (guint w = 0; w < G_N_ELEMENTS (whole_words); w++)
    if (!found[w])
      g_error ("“%s” is in no document", whole_words[w]);
}

/* Narrow columns: each word whole in every width a column of a table may
 * have, down to the narrowest that holds it in type made smaller; and
 * options after check boxes each whole with its box. */
static void
test_narrow_columns (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const words[] = {
    "起こりやすさ", "システム管理者", "コーディネーションセンター", "確認されていません", "停止し保留",
  };
  static const char *const options = "■\u00a0重大\u3000 □\u00a0大\u3000 □\u00a0中\u3000 □\u00a0軽微・無";
  static const char *const english = "■\u00a0Severe\u3000 □\u00a0Major\u3000 □\u00a0Minor or none\u3000 □\u00a0Input data";
  g_autoptr(SonaeDocument) doc = sonae_document_new_blank ("narrow", "Narrow", SONAE_PAPER_A4, NULL, NULL);
  g_autofree char *path = g_build_filename (f->dir, "narrow.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      /* From the narrowest column that holds the word and the particle
       * after it in type made smaller (the word alone in its own size),
       * to more than twice that. */
      guint n = g_utf8_strlen (words[w], -1);

      for (guint k = 0; k < 7; k++)
        {
          /* In points of the text's width (about 493), with the cell's
           * padding. */
          double column = n * 10.0 * (1.0 + 0.2 * k) + 10.0;
          double widths[] = { column, 493.0 - column };
          g_autofree char *text = g_strdup_printf ("%s\n%sを確認する", words[w], words[w]);
          const char *cells[] = { text, "" };

          sonae_document_add_table (doc, 2, widths, NULL);
          sonae_document_add_row (doc, cells);
        }
    }
  for (double column = 60.0; column <= 200.0; column += 20.0)
    {
      double widths[] = { column, 493.0 - column };
      const char *cells[] = { options, "" };
      const char *english_cells[] = { english, "" };

      sonae_document_add_form_table (doc, 2, widths, NULL, 20.0);
      sonae_document_add_row (doc, cells);
      /* (the English labels are wider than the narrowest columns) */
      if (column >= 100.0)
        sonae_document_add_row (doc, english_cells);
    }
  g_assert_true (sonae_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  lines = pdf_lines (path);
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autofree char *with = g_strdup_printf ("%sを確認する", words[w]);
      guint alone = 0;

      for (guint l = 0; l < lines->len; l++)
        if (g_str_equal (g_ptr_array_index (lines, l), words[w]) ||
            g_str_has_prefix (g_ptr_array_index (lines, l), words[w]))
          alone++;
      /* Each of the seven widths shows the word whole, twice. */
      if (alone < 2 * 7)
        {
          for (guint l = 0; l < lines->len; l++)
            g_test_message ("%s", (char *) g_ptr_array_index (lines, l));
          g_error ("“%s” is cut in a narrow column", words[w]);
        }
    }
  for (guint l = 0; l < lines->len; l++)
    {
      const char *line = g_ptr_array_index (lines, l);

      g_assert_false (g_str_has_suffix (line, "□") || g_str_has_suffix (line, "■"));
      if (strstr (line, "軽微") != NULL)
        g_assert_nonnull (strstr (line, "□軽微・無"));
      if (strstr (line, "Minor") != NULL || strstr (line, "none") != NULL)
        g_assert_nonnull (strstr (line, "□Minorornone"));
      if (strstr (line, "Input") != NULL || strstr (line, "data") != NULL)
        g_assert_nonnull (strstr (line, "□Inputdata"));
    }
}

/* The same text in a column too narrow for its words, with words kept
 * whole and without: kept, no word is cut; without, some are. */
static void
test_keep_words_compared (Fixture       *f,
                          gconstpointer  data)
{
  static const char *const text = "インシデントが発生したときはシステム管理者に報告し、ランサムウェアの疑いがあればネットワークから切り離します。";
  static const char *const words[] = { "インシデントが", "システム管理者に", "ランサムウェアの", "ネットワークから", "切り離します。" };
  static const double widths[] = { 0.16, 0.84 };

  for (int keep = 0; keep < 2; keep++)
    {
      g_autoptr(SonaeDocument) doc = sonae_document_new_blank ("keep", "Keep", SONAE_PAPER_A4, NULL, NULL);
      g_autofree char *path = g_strdup_printf ("%s/keep-%d.pdf", f->dir, keep);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      const char *cells[] = { text, "" };
      guint cut = 0;

      sonae_document_set_keep_words (doc, keep);
      sonae_document_add_table (doc, 2, widths, NULL);
      sonae_document_add_row (doc, cells);
      g_assert_true (sonae_document_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      lines = pdf_lines (path);
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        cut += !on_one_line (lines, words[w]);
      if (keep)
        g_assert_cmpuint (cut, ==, 0);
      else
        g_assert_cmpuint (cut, >, 0);
    }
}

/* Japanese print writes dates 2026年12月7日, or 令和8年12月7日 when chosen,
 * in the page header, the text and the bookmarks; English keeps
 * 2026-12-07. */
static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *western = sonae_date_format_dmy (g_date_time_get_year (now), g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), SONAE_DATE_STYLE_JAPANESE);
  g_autofree char *era = sonae_date_format_dmy (g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), SONAE_DATE_STYLE_JAPANESE_ERA);

  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);

  /* English: ISO, whatever the choice. */
  g_assert_true (sonae_store_set_date_style (store, SONAE_DATE_STYLE_JAPANESE_ERA, &error));
  {
    g_auto(SonaeTestPdf) pdf = { 0 };
    g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "roster", SONAE_PAPER_A4, &error);
    g_autofree char *path = g_build_filename (f->dir, "en.pdf", NULL);

    g_assert_no_error (error);
    sonae_test_pdf_write_and_read (doc, path, &pdf);
    sonae_test_assert_contains (pdf.pages[0], iso);
    sonae_test_assert_not_contains (pdf.all, "令和");
  }
  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("no Japanese locale");
      sonae_test_remove_dir (dir);
      return;
    }
  for (int style = SONAE_DATE_STYLE_JAPANESE; style <= SONAE_DATE_STYLE_JAPANESE_ERA; style++)
    {
      g_auto(SonaeTestPdf) pdf = { 0 };
      g_autoptr(SonaeDocument) doc = NULL;
      g_autofree char *path = g_strdup_printf ("%s/ja-%d.pdf", f->dir, style);
      const char *today = style == SONAE_DATE_STYLE_JAPANESE ? western : era;
      g_autoptr(GRegex) iso_date = g_regex_new ("(?<![0-9A-Za-z/_-])[12][0-9]{3}-[01][0-9]-[0-3][0-9](?![0-9])", 0, 0, NULL);

      g_assert_true (sonae_store_set_date_style (store, style, &error));
      doc = sonae_documents_build (store, "bcp", SONAE_PAPER_A4, &error);
      g_assert_no_error (error);
      sonae_test_pdf_write_and_read (doc, path, &pdf);
      /* The header of every page: when it was printed. */
      for (guint i = 0; i < pdf.n_pages; i++)
        {
          g_autofree char *printed = g_strdup_printf ("印刷日時%s", today);

          sonae_test_assert_contains (pdf.pages[i], printed);
        }
      /* Not one date left as 2026-12-07. */
      if (g_regex_match (iso_date, pdf.all, 0, NULL))
        g_error ("an ISO date in Japanese print: %s", pdf.all);
      /* The drill of the demo, by its date. */
      {
        g_autoptr(GRegex) drill = g_regex_new (style == SONAE_DATE_STYLE_JAPANESE ? "5\\.1[0-9]{4}年[0-9]+月[0-9]+日の訓練"
                                                                                : "5\\.1令和[0-9元]+年[0-9]+月[0-9]+日の訓練",
                                               0, 0, NULL);

        g_assert_true (g_regex_match (drill, pdf.all, 0, NULL));
      }
    }
  sonae_test_remove_dir (dir);
}

static void
collect_bookmarks (PopplerIndexIter *iter,
                   GPtrArray        *titles)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_ptr_array_add (titles, g_strdup (action->any.title));
      poppler_action_free (action);
      if (child != NULL)
        {
          collect_bookmarks (child, titles);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

/* A drill's documents are marked 【訓練】, not with the English word; the
 * binder's bookmarks are short titles, never a sentence. */
static void
test_drill_and_bookmarks (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  SonaeIncidentFilter drills = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GPtrArray) incidents = NULL;

  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("no Japanese locale");
      sonae_test_remove_dir (dir);
      return;
    }
  g_assert_true (sonae_demo_fill (store, &error));
  g_assert_no_error (error);
  drills.drill = 1;
  incidents = sonae_incidents_list (store, &drills, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, >, 0);
  {
    g_auto(SonaeTestPdf) pdf = { 0 };
    g_autofree char *path = g_build_filename (f->dir, "drill.pdf", NULL);
    g_autoptr(SonaeDocument) doc = sonae_test_build_document (store, "report", SONAE_DOCUMENT_FOR_INCIDENT,
                                                              ((SonaeIncident *) g_ptr_array_index (incidents, 0))->id,
                                                              0, &error);

    g_assert_no_error (error);
    sonae_test_pdf_write_and_read (doc, path, &pdf);
    for (guint i = 0; i < pdf.n_pages; i++)
      sonae_test_assert_contains (pdf.pages[i], "【訓練】実際のインシデントではありません");
    sonae_test_assert_not_contains (pdf.all, "DRILL");
  }
  {
    g_auto(SonaeTestPdf) pdf = { 0 };
    g_autofree char *path = g_build_filename (f->dir, "binder.pdf", NULL);
    g_autoptr(SonaeDocument) doc = sonae_documents_build (store, "binder", SONAE_PAPER_A4, &error);
    g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
    PopplerIndexIter *iter;
    gboolean drill_found = FALSE;

    g_assert_no_error (error);
    sonae_test_pdf_write_and_read (doc, path, &pdf);
    iter = poppler_index_iter_new (pdf.pdf);
    g_assert_nonnull (iter);
    collect_bookmarks (iter, titles);
    poppler_index_iter_free (iter);
    g_assert_cmpuint (titles->len, >, 20);
    for (guint i = 0; i < titles->len; i++)
      {
        const char *title = g_ptr_array_index (titles, i);

        g_test_message ("bookmark: %s", title);
        g_assert_cmpuint (g_utf8_strlen (title, -1), <=, 40);
        g_assert_false (g_str_has_suffix (title, "。"));
        g_assert_null (strchr (title, ':'));
        drill_found = drill_found || (g_str_has_prefix (title, "5.1 ") && g_str_has_suffix (title, "の訓練"));
      }
    g_assert_true (drill_found);
  }
  sonae_test_remove_dir (dir);
}

/* The fonts embedded in @pdf, by name, one line each. */
static char *
font_names (PopplerDocument *pdf,
            guint            n_pages)
{
  PopplerFontInfo *info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  GString *names = g_string_new (NULL);

  while (poppler_font_info_scan (info, (int) n_pages, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);
          const char *plus = name != NULL ? strchr (name, '+') : NULL;

          /* The tag before + names the subset, which differs from file to file. */
          g_string_append_printf (names, "%s\n", plus != NULL ? plus + 1 : name);
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  return g_string_free (names, FALSE);
}

/* A long document is laid out by several threads: the same pages, line
 * for line, as one thread makes, and still one embedded font a weight
 * (cairo makes one font of the file from the same font file whichever
 * thread's fonts asked). */
static void
test_threads_same_pages (void)
{
  static const double widths[] = { 0.30, 0.23, 0.31, 0.16 };
  static const char *const header[] = { "氏名", "電話", "メール", "確認" };
  static const char *const names[] = {
    "<b>山田 太郎</b>\n<span size=\"small\">やまだ たろう</span>",
    "<b>Dr. Kobayashi Hanako</b>",
    "<b>医療情報システム安全管理責任者代理</b>",
    "<b>鈴木</b>",
  };
  g_autofree char *dir = sonae_test_make_dir ();
  g_autofree char *texts[2] = { NULL, NULL };
  g_autofree char *fonts[2] = { NULL, NULL };
  guint n_pages[2] = { 0, 0 };

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(SonaeDocument) doc = sonae_document_new_blank ("threads", "Threads", SONAE_PAPER_A4, NULL, NULL);
      g_autofree char *path = g_strdup_printf ("%s/threads-%u.pdf", dir, run);
      g_autoptr(GError) error = NULL;
      g_auto(SonaeTestPdf) pdf = { 0 };
      GString *all = g_string_new (NULL);

      sonae_document_set_layout_threads (doc, run == 0 ? 1 : 4);
      sonae_document_add_title (doc, "連絡先一覧", NULL);
      sonae_document_add_form_table (doc, G_N_ELEMENTS (widths), widths, header, 30.0);
      /* Rows of one line and of several, cells that wrap and cells set
       * smaller to fit, repeated cells (which each thread lays out once)
       * and a paragraph and a heading among the rows. */
      for (guint i = 0; i < 3000; i++)
        {
          g_autofree char *phone = g_strdup_printf ("03-%04u-%04u", i, 9999 - i);
          g_autofree char *mail = g_strdup_printf (i % 7 == 0 ? "contact-%u@example.com\nhttps://example.com/a/very/long/path/%u"
                                                              : "contact-%u@example.com", i, i);
          const char *verified = i % 3 == 0 ? "2026-05-01" : "確認されていません";
          const char *cells[] = { names[i % G_N_ELEMENTS (names)], phone, mail, verified };

          sonae_document_add_row (doc, cells);
          if (i == 1500)
            {
              sonae_document_add_heading (doc, NULL, "ベンダー");
              sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, "インシデントが発生したときはシステム管理者に報告します。");
              sonae_document_add_table (doc, G_N_ELEMENTS (widths), widths, NULL);
            }
        }
      g_assert_true (sonae_document_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      sonae_test_pdf_read (&pdf, path);
      n_pages[run] = pdf.n_pages;
      for (guint p = 0; p < pdf.n_pages; p++)
        {
          PopplerPage *page = poppler_document_get_page (pdf.pdf, (int) p);
          g_autofree char *text = poppler_page_get_text (page);

          g_string_append_printf (all, "-- page %u\n%s\n", p + 1, text);
          g_object_unref (page);
        }
      texts[run] = g_string_free (all, FALSE);
      fonts[run] = font_names (pdf.pdf, pdf.n_pages);
    }

  g_assert_cmpuint (n_pages[0], >, 100);
  g_assert_cmpuint (n_pages[1], ==, n_pages[0]);
  g_assert_cmpstr (texts[1], ==, texts[0]);
  g_assert_cmpstr (fonts[1], ==, fonts[0]);
  g_assert_cmpstr (fonts[0], ==, "NotoSansCJKjp-Bold\nNotoSansCJKjp-Regular\n");
  sonae_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/typeset/phrases", test_phrases);
  g_test_add_func ("/typeset/threads-same-pages", test_threads_same_pages);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/typeset/never-split", test_never_split);
  ADD ("/typeset/narrow-columns", test_narrow_columns);
  ADD ("/typeset/keep-words-compared", test_keep_words_compared);
  ADD ("/typeset/dates", test_dates);
  ADD ("/typeset/drill-and-bookmarks", test_drill_and_bookmarks);
#undef ADD

  return g_test_run ();
}
