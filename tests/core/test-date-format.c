/* test-date-format.c: dates as Japanese documents write them (2026年12月7日,
 * 令和8年12月7日), ISO for English; the era's boundaries; the choice kept in
 * the data folder; the language that decides */
#include "config.h"

#include <locale.h>

#include "sonae-date-format.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

static void
count_cb (SonaeStore *store,
          const char *detail,
          gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_styles (void)
{
  static const struct {
    int y, m, d;
    SonaeDateStyle style;
    const char *expected;
  } cases[] = {
    { 2026, 12, 7, SONAE_DATE_STYLE_ISO, "2026-12-07" },
    { 2026, 12, 7, SONAE_DATE_STYLE_JAPANESE, "2026年12月7日" },
    { 2026, 12, 7, SONAE_DATE_STYLE_JAPANESE_ERA, "令和8年12月7日" },
    { 2026, 1, 31, SONAE_DATE_STYLE_JAPANESE, "2026年1月31日" },
    /* The era's boundary: 平成 ends on 30 April 2019, 令和 starts the next day. */
    { 2019, 4, 30, SONAE_DATE_STYLE_JAPANESE_ERA, "平成31年4月30日" },
    { 2019, 5, 1, SONAE_DATE_STYLE_JAPANESE_ERA, "令和元年5月1日" },
    { 2019, 12, 31, SONAE_DATE_STYLE_JAPANESE_ERA, "令和元年12月31日" },
    { 2020, 1, 1, SONAE_DATE_STYLE_JAPANESE_ERA, "令和2年1月1日" },
    /* The years are counted, not written down: 令和 goes on. */
    { 2031, 4, 1, SONAE_DATE_STYLE_JAPANESE_ERA, "令和13年4月1日" },
    { 2100, 2, 28, SONAE_DATE_STYLE_JAPANESE_ERA, "令和82年2月28日" },
    /* The eras before. */
    { 1989, 1, 7, SONAE_DATE_STYLE_JAPANESE_ERA, "昭和64年1月7日" },
    { 1989, 1, 8, SONAE_DATE_STYLE_JAPANESE_ERA, "平成元年1月8日" },
    { 1970, 1, 1, SONAE_DATE_STYLE_JAPANESE_ERA, "昭和45年1月1日" },
    { 1926, 12, 24, SONAE_DATE_STYLE_JAPANESE_ERA, "大正15年12月24日" },
    { 1926, 12, 25, SONAE_DATE_STYLE_JAPANESE_ERA, "昭和元年12月25日" },
    { 1873, 1, 1, SONAE_DATE_STYLE_JAPANESE_ERA, "明治6年1月1日" },
    /* Before the Gregorian calendar came to Japan: no era year. */
    { 1872, 12, 31, SONAE_DATE_STYLE_JAPANESE_ERA, "1872年12月31日" },
    { 2024, 2, 29, SONAE_DATE_STYLE_JAPANESE_ERA, "令和6年2月29日" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sonae_date_format_dmy (cases[i].y, cases[i].m, cases[i].d, cases[i].style);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  /* No such day. */
  g_assert_null (sonae_date_format_dmy (2026, 2, 29, SONAE_DATE_STYLE_JAPANESE));
  g_assert_null (sonae_date_format_dmy (2026, 13, 1, SONAE_DATE_STYLE_JAPANESE_ERA));
}

static void
test_stored (void)
{
  static const struct {
    const char *stored;
    SonaeDateStyle style;
    const char *expected;
  } cases[] = {
    { "2026-12-07", SONAE_DATE_STYLE_JAPANESE, "2026年12月7日" },
    { "2026-12-07T10:05:00", SONAE_DATE_STYLE_JAPANESE, "2026年12月7日 10:05" },
    { "2026-12-07T10:05", SONAE_DATE_STYLE_JAPANESE_ERA, "令和8年12月7日 10:05" },
    { "2026-12-07 10:05", SONAE_DATE_STYLE_JAPANESE, "2026年12月7日 10:05" },
    { "2019-04-30T23:59:59", SONAE_DATE_STYLE_JAPANESE_ERA, "平成31年4月30日 23:59" },
    { "2026-12-07", SONAE_DATE_STYLE_ISO, "2026-12-07" },
    { "2026-12-07T10:05:00", SONAE_DATE_STYLE_ISO, "2026-12-07 10:05" },
    /* What is not a date stays as it is. */
    { "2026-02-30", SONAE_DATE_STYLE_JAPANESE, "2026-02-30" },
    { "2026-001", SONAE_DATE_STYLE_JAPANESE, "2026-001" },
    { "not a date", SONAE_DATE_STYLE_JAPANESE, "not a date" },
    { "2026-12-07 at noon", SONAE_DATE_STYLE_JAPANESE, "2026-12-07 at noon" },
    { "", SONAE_DATE_STYLE_JAPANESE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sonae_date_format (cases[i].stored, cases[i].style);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_null (sonae_date_format (NULL, SONAE_DATE_STYLE_JAPANESE));
}

/* Every date that stands alone in a text, and nothing else. */
static void
test_text (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "確認日 2026-05-01", "確認日 2026年5月1日" },
    { "印刷日時 2026-12-07 10:33", "印刷日時 2026年12月7日 10:33" },
    { "2026-09-26\u3000受付PCのランサムウェア", "2026年9月26日\u3000受付PCのランサムウェア" },
    { "<span size=\"small\">2026-10-06</span>", "<span size=\"small\">2026年10月6日</span>" },
    { "記録 2026-10-01T09:30:00 に", "記録 2026年10月1日 09:30 に" },
    { "2026-10-06 から 2026-10-24 まで", "2026年10月6日 から 2026年10月24日 まで" },
    { "（2026-11-22）", "（2026年11月22日）" },
    { "期限 2026-11-22。", "期限 2026年11月22日。" },
    /* Not dates, or not alone: an incident number, a phone number, a
     * contract number, a code, a path, a file name, an impossible day. */
    { "2026-001", "2026-001" },
    { "0120-000-201", "0120-000-201" },
    { "MMS-2021-04-57", "MMS-2021-04-57" },
    { "ID12026-12-07", "ID12026-12-07" },
    { "2026-12-071", "2026-12-071" },
    { "/backups/2026-12-07/", "/backups/2026-12-07/" },
    { "sonae-2026-12-07.db", "sonae-2026-12-07.db" },
    { "2026-12-07.pdf", "2026-12-07.pdf" },
    { "2026-13-01", "2026-13-01" },
    { "no dates here", "no dates here" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sonae_date_format_text (cases[i].text, SONAE_DATE_STYLE_JAPANESE);
      g_autofree char *iso = sonae_date_format_text (cases[i].text, SONAE_DATE_STYLE_ISO);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_cmpstr (iso, ==, cases[i].text);
    }
  {
    g_autofree char *era = sonae_date_format_text ("2019-04-30 と 2019-05-01", SONAE_DATE_STYLE_JAPANESE_ERA);

    g_assert_cmpstr (era, ==, "平成31年4月30日 と 令和元年5月1日");
  }
}

static void
test_names (void)
{
  for (guint i = 0; i < SONAE_N_DATE_STYLES; i++)
    {
      SonaeDateStyle style;

      g_assert_true (sonae_date_style_from_string (sonae_date_style_to_string (i), &style));
      g_assert_cmpint (style, ==, i);
    }
  g_assert_false (sonae_date_style_from_string ("gregorian", NULL));
  g_assert_false (sonae_date_style_from_string (NULL, NULL));
}

/* The choice is kept in the data folder, where the command line's exports
 * read it too; Japanese dates until one is made. */
static void
test_store (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  {
    g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);

    g_assert_cmpint (sonae_store_get_date_style (store), ==, SONAE_DATE_STYLE_JAPANESE);
    g_signal_connect (store, "changed::" SONAE_CHANGED_PROFILE, G_CALLBACK (count_cb), &changed);
    g_assert_true (sonae_store_set_date_style (store, SONAE_DATE_STYLE_JAPANESE_ERA, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changed, ==, 1);
    /* The same again changes nothing. */
    g_assert_true (sonae_store_set_date_style (store, SONAE_DATE_STYLE_JAPANESE_ERA, &error));
    g_assert_cmpuint (changed, ==, 1);
    /* Not a profile field: the folder is still empty of what a user typed. */
    g_assert_true (sonae_store_is_empty (store));
  }
  {
    g_autoptr(SonaeStore) store = sonae_store_open_for_reading (dir, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sonae_store_get_date_style (store), ==, SONAE_DATE_STYLE_JAPANESE_ERA);
  }
  sonae_test_remove_dir (dir);
}

/* English print keeps ISO whatever the choice; Japanese print follows it. */
static void
test_for_print (void)
{
  sonae_test_use_default_language ();
  g_assert_cmpint (sonae_date_style_for_print (SONAE_DATE_STYLE_JAPANESE_ERA), ==, SONAE_DATE_STYLE_ISO);
  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("no Japanese locale");
      return;
    }
  g_assert_cmpint (sonae_date_style_for_print (SONAE_DATE_STYLE_JAPANESE_ERA), ==, SONAE_DATE_STYLE_JAPANESE_ERA);
  g_assert_cmpint (sonae_date_style_for_print (SONAE_DATE_STYLE_JAPANESE), ==, SONAE_DATE_STYLE_JAPANESE);
  sonae_test_use_default_language ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-format/styles", test_styles);
  g_test_add_func ("/date-format/stored", test_stored);
  g_test_add_func ("/date-format/text", test_text);
  g_test_add_func ("/date-format/names", test_names);
  g_test_add_func ("/date-format/store", test_store);
  g_test_add_func ("/date-format/for-print", test_for_print);

  return g_test_run ();
}
