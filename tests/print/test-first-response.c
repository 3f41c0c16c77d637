/* test-first-response.c: one rule for the first minutes, on every paper
 * that gives it — the poster, the outage card, the manual and the checklist
 * — and in the checklist's "do now" steps on screen: the network (LAN)
 * cable comes out, whatever is suspected, never the power; and nothing is
 * removed or reinstalled before the evidence is kept (the screen
 * photographed, the logs kept). Read back from the PDFs with poppler, in
 * English and in Japanese, for a clinic and for a business
 * (CONTENT.md, "Malware for every kind of organisation" and "Evidence
 * before cleaning"). */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "sonae-checklist.h"
#include "sonae-documents.h"
#include "sonae-store.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"

/* The documents that tell whoever is there what to do first. */
static const char *const documents[] = { "poster", "outage-card", "manual", "checklist" };

/* What the rule is checked by, in one language. The texts are compared
 * after the text is normalised (normalise()): English in lower case with
 * single spaces, Japanese without any white space. */
typedef struct {
  const char *lang;
  const char *const *unplug;         /* the verb of unplugging */
  const char *const *cable;          /* the network cable */
  const char *const *conditional;    /* makes unplugging depend on a suspicion */
  const char *power;                 /* the power cable or plug */
  const char *const *power_kept;     /* ... which is not unplugged */
  const char *const *power_off;      /* telling to switch off or unplug the power */
  const char *const *removal;        /* telling to remove malware or reinstall */
  const char *const *not_removal;    /* ... except in these, which do not tell to */
  const char *const *evidence;       /* the evidence, or the logs */
  const char *const *photograph;     /* photographing the screen */
  const char *const *log;            /* the logs */
  const char *const *keep_on;        /* leaving the computer switched on */
} Rule;

static const Rule english = {
  "en",
  (const char *const[]) { "unplug", NULL },
  (const char *const[]) { "lan cable", "network cable", NULL },
  (const char *const[]) { "only when", "only if", "suspected", "if a virus", "if malware", "may be involved",
                          "otherwise", NULL },
  "power",
  (const char *const[]) { "not the power", "never the power", NULL },
  (const char *const[]) { "switch it off", "shut it down", "shut down the", "turn it off", "pull the plug",
                          "unplug the power", "unplug its power", NULL },
  (const char *const[]) { "remove the malware", "remove it", "reinstall the", "reinstall it", "wipe the", NULL },
  (const char *const[]) { "cannot remove", "can remove", "cannot reinstall", NULL },
  (const char *const[]) { "evidence", "logs", NULL },
  (const char *const[]) { "photograph", NULL },
  (const char *const[]) { "log", NULL },
  (const char *const[]) { "do not switch", "leave the power on", "leave it switched on", NULL },
};

static const Rule japanese = {
  "ja",
  (const char *const[]) { "抜", NULL },
  (const char *const[]) { "LANケーブル", NULL },
  (const char *const[]) { "ときだけ", "ときのみ", "場合のみ", "場合だけ", "疑われる", "可能性があれば", "それ以外", NULL },
  "電源ケーブル",
  (const char *const[]) { "抜きません", "抜かない", "抜かず", NULL },
  (const char *const[]) { "電源を切ってください", "電源を切ります", "コンセントを抜", "シャットダウンしてください", NULL },
  (const char *const[]) { "駆除します", "駆除する", "駆除して", "再インストールします", "再インストールする",
                          "再インストールして", NULL },
  (const char *const[]) { NULL },
  (const char *const[]) { "証拠", "ログ", NULL },
  (const char *const[]) { "撮影", "写真", NULL },
  (const char *const[]) { "ログ", NULL },
  (const char *const[]) { "電源は切らない", "電源は入れたまま", "電源を入れたまま", "電源は切らず", NULL },
};

/* How far (in bytes) from the verb a condition of unplugging is looked
 * for: a clause in English, as much in Japanese (three bytes a character). */
#define NEAR 100

static gboolean
has_any (const char        *text,
         const char *const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether @sentence tells to remove malware or reinstall: one of the
 * rule's words for it, not within words that say it cannot be done. */
static gboolean
tells_to_remove (const char *sentence,
                 const Rule *rule)
{
  g_autoptr(GString) s = g_string_new (sentence);

  for (guint i = 0; rule->not_removal[i] != NULL; i++)
    g_string_replace (s, rule->not_removal[i], "#", 0);
  return has_any (s->str, rule->removal);
}

/* English: lower case, every run of white space one space. Japanese: no
 * white space at all (lines break anywhere in a Japanese sentence). */
static char *
normalise (const char *text,
           const Rule *rule)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && rule == &english && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (rule == &english)
        c = g_unichar_tolower (c);
      /* Pango's typographic apostrophe reads as the plain one. */
      if (c == 0x2019)
        c = '\'';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The sentences of @text (normalised), split after a full stop, a question
 * or an exclamation mark. Headings and labels without one run into the
 * next sentence, which only makes a sentence longer. */
static GPtrArray *
sentences (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gboolean end = c == 0x3002 || c == 0xFF1F || c == 0xFF01 ||                 /* 。？！ */
                     ((c == '.' || c == '?' || c == '!') && (*next == ' ' || *next == '\0'));

      if (end)
        {
          g_ptr_array_add (out, g_strndup (start, next - start));
          start = next;
        }
    }
  if (*start != '\0')
    g_ptr_array_add (out, g_strdup (start));
  return out;
}

/* What a sentence of @text breaks of the rule, as “what: the sentence”
 * (newly allocated), or NULL when it breaks nothing. */
static char *
find_breach (const char *text,
             const Rule *rule)
{
  g_autofree char *norm = normalise (text, rule);
  g_autoptr(GPtrArray) list = sentences (norm);

  for (guint i = 0; i < list->len; i++)
    {
      const char *s = g_ptr_array_index (list, i);

      /* Around each “unplug” (labels without a full stop run into the
       * next sentence: only what stands near the verb is its condition). */
      for (guint u = 0; rule->unplug[u] != NULL; u++)
        for (const char *at = strstr (s, rule->unplug[u]); at != NULL; at = strstr (at + 1, rule->unplug[u]))
          {
            const char *from = MAX (s, at - NEAR);
            gsize len = MIN (strlen (from), (gsize) (at - from) + strlen (rule->unplug[u]) + NEAR);
            g_autofree char *near = g_utf8_make_valid (from, len);

            /* The network cable comes out, whatever is or is not suspected. */
            if (has_any (near, rule->cable) && has_any (near, rule->conditional))
              return g_strdup_printf ("unplugging the network cable made to depend on a suspicion: “%s”", s);
            /* Never the power. */
            if (strstr (near, rule->power) != NULL && !has_any (near, rule->power_kept))
              return g_strdup_printf ("unplugging mentions the power without keeping it on: “%s”", s);
          }
      if (has_any (s, rule->power_off))
        return g_strdup_printf ("the power is to be switched off or unplugged: “%s”", s);
      /* Nothing is removed or reinstalled but once the evidence is kept. */
      if (tells_to_remove (s, rule) && !has_any (s, rule->evidence))
        return g_strdup_printf ("malware removed or a system reinstalled without the evidence kept first: “%s”", s);
    }
  return NULL;
}

/* Whether some sentence of normalised @norm has one of @a and, when @b is
 * not NULL, one of @b too. */
static gboolean
says (const char        *norm,
      const char *const *a,
      const char *const *b)
{
  g_autoptr(GPtrArray) list = sentences (norm);

  for (guint i = 0; i < list->len; i++)
    if (has_any (g_ptr_array_index (list, i), a) && (b == NULL || has_any (g_ptr_array_index (list, i), b)))
      return TRUE;
  return FALSE;
}

/* The rule, for the texts of one document (@where names it); a whole
 * document gives all of it. */
static void
assert_one_rule (const char *where,
                 const char *text,
                 const Rule *rule,
                 gboolean    whole_document)
{
  g_autofree char *breach = find_breach (text, rule);
  g_autofree char *norm = NULL;

  if (breach != NULL)
    g_error ("%s: %s", where, breach);
  if (!whole_document)
    return;
  norm = normalise (text, rule);
  if (!says (norm, rule->unplug, rule->cable))
    g_error ("%s: does not say to unplug the network cable", where);
  if (!says (norm, rule->keep_on, NULL))
    g_error ("%s: does not say to leave the power on", where);
  if (!says (norm, rule->photograph, NULL))
    g_error ("%s: does not say to photograph the screen", where);
  if (!says (norm, rule->log, NULL))
    g_error ("%s: does not say to keep the logs", where);
}

/* The raw text of every page of @pdf, as poppler reads it. */
static char *
raw_text (SonaeTestPdf *pdf)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_object_unref (page);
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  return g_string_free (all, FALSE);
}

static void
check_kind (SonaeOrgKind  kind,
            const Rule   *rule)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);
  g_autoptr(GError) error = NULL;

  profile->kind = kind;
  g_assert_true (sonae_store_set_profile (store, profile, &error));
  g_assert_no_error (error);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(SonaeDocument) doc = sonae_documents_build (store, documents[d], SONAE_PAPER_A4, &error);
      g_autofree char *name = g_strdup_printf ("%s-%s-%s.pdf", documents[d], sonae_org_kind_to_string (kind), rule->lang);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *where = g_strdup_printf ("%s (%s, %s)", documents[d], sonae_org_kind_to_string (kind), rule->lang);
      g_autofree char *text = NULL;
      g_auto(SonaeTestPdf) pdf = { 0 };

      g_assert_no_error (error);
      sonae_test_pdf_write_and_read (doc, path, &pdf);
      text = raw_text (&pdf);
      assert_one_rule (where, text, rule, TRUE);
    }

  /* The "do now" steps of the screen, which the Now tab shows first. */
  {
    g_autoptr(SonaeChecklist) checklist = sonae_checklist_load (&error);

    g_assert_no_error (error);
    for (SonaeIncidentType type = 0; type < SONAE_N_INCIDENT_KINDS; type++)
      {
        const char *const *items = sonae_checklist_get_do_now (checklist, type, kind);
        g_autofree char *joined = g_strjoinv ("\n", (char **) items);
        g_autofree char *where = g_strdup_printf ("do now, %s (%s, %s)", sonae_incident_kind_to_string (type),
                                                  sonae_org_kind_to_string (kind), rule->lang);

        assert_one_rule (where, joined, rule, FALSE);
      }
  }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_english (void)
{
  check_kind (SONAE_ORG_CLINIC, &english);
  check_kind (SONAE_ORG_BUSINESS, &english);
}

static void
test_japanese (void)
{
  if (!sonae_test_use_japanese ())
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }
  check_kind (SONAE_ORG_CLINIC, &japanese);
  check_kind (SONAE_ORG_BUSINESS, &japanese);
  sonae_test_use_default_language ();
}

/* The rule catches what it is for: the texts this test was written
 * against (the outage card's “only when a virus is suspected”, the
 * manual's removal without the evidence) and others like them break it;
 * the texts that replaced them do not. */
static void
test_catches_contradictions (void)
{
  static const struct {
    const Rule *rule;
    const char *text;
  } bad[] = {
    { &english, "Only when a virus or ransomware is suspected: unplug the LAN cable and turn Wi-Fi off, so it cannot spread." },
    { &english, "If a virus may be involved, unplug the LAN cable or turn the Wi-Fi off." },
    { &english, "If the antivirus software can remove the malware and the system administrator agrees, remove it." },
    { &english, "Unplug the power cable and the LAN cable." },
    { &english, "Switch it off at once." },
    { &japanese, "ウイルスやランサムウェアが疑われるときだけ、広がらないよう LAN ケーブルを抜き、Wi-Fi を切ります。" },
    { &japanese, "ウイルスの可能性があれば、LAN ケーブルを抜くか Wi-Fi をオフにしてください。" },
    { &japanese, "ウイルス対策ソフトで駆除でき、システム管理者が了承した場合は、駆除します。" },
    { &japanese, "電源ケーブルと LAN ケーブルを抜いてください。" },
  }, good[] = {
    { &english, "Unplug the LAN cable of the computer concerned (not the power cable), or turn its Wi-Fi off." },
    { &english, "Once the evidence is kept, and if the system administrator agrees, let the antivirus software remove the malware." },
    { &japanese, "その端末の LAN ケーブルを抜くか（電源ケーブルは抜きません）、Wi-Fi をオフにしてください。" },
    { &japanese, "証拠を保全し終え、システム管理者が了承したら、ウイルス対策ソフトで駆除します。" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *breach = find_breach (bad[i].text, bad[i].rule);

      if (breach == NULL)
        g_error ("not caught: %s", bad[i].text);
      g_test_message ("caught: %s", breach);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *breach = find_breach (good[i].text, good[i].rule);

      g_assert_null (breach);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/first-response/english", test_english);
  g_test_add_func ("/first-response/japanese", test_japanese);
  g_test_add_func ("/first-response/catches-contradictions", test_catches_contradictions);

  return g_test_run ();
}
