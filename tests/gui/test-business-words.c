/* test-business-words.c: a business reads no clinic's words.
 *
 * Everything Sonae shows or prints to an organisation of the kind
 * "business", in English and in Japanese, is searched for the words of a
 * clinic (患者, 診療, 医療機関, カルテ, patient, clinic, MHLW …):
 *
 * - the fictional business of `sonae --demo --kind business` (with an
 *   incident in progress besides its closed drill), and a business that
 *   has only just set Sonae up, so that the empty states are read too;
 * - every document `sonae --export` writes (each incident's too, the blank
 *   forms, the PPC's rules, the sign and the notice for the desk, and the
 *   binder), read back with poppler;
 * - the screen texts of every section, tab and worksheet and of the main
 *   dialogs: the labels, titles, subtitles, placeholders and tooltips a
 *   person sees, with every expander opened;
 * - `sonae --check-reminders` and `sonae --help`.
 *
 * A finding names where it was seen, the word and the words around it; all
 * of them are listed before the test fails. */
#include "config.h"

#include <string.h>

#include "sonae-bcp-page.h"
#include "sonae-bcp-system-dialog.h"
#include "sonae-bcp.h"
#include "sonae-contacts-page.h"
#include "sonae-contacts.h"
#include "sonae-demo.h"
#include "sonae-documents.h"
#include "sonae-incident-view.h"
#include "sonae-incident.h"
#include "sonae-incidents-page.h"
#include "sonae-incidents.h"
#include "sonae-ppc.h"
#include "sonae-preferences-window.h"
#include "sonae-roles-dialog.h"
#include "sonae-test-gui.h"
#include "sonae-test-pdf.h"
#include "sonae-test-util.h"
#include "sonae-triage-dialog.h"
#include "sonae-triage.h"
#include "sonae-window.h"

/* A clinic's words. The English ones are found whatever their case. */
static const char *const clinic_words[] = {
  "患者", "診療", "医療機関", "医院", "カルテ", "厚生労働省", "保健所", "医療安全", "院長",
  "クリニック", "院内", "当院", "職員",
  "patient", "clinic", "medical", "mhlw", "ministry of health",
};

/* Bundled entries left out of the search: none now that each kind of
 * organisation sees only the bodies that are for it (the health ministry,
 * its support desk and the medical-safety office are out of a business's
 * roster: sonae_authorities_apply_kind). Kept for a body that a business
 * must have although its text names care. */
static const char *const clinic_authorities[] = { NULL };

typedef struct {
  GPtrArray *findings;   /* of char *: "where: word: …context…" */
  GPtrArray *allowed;    /* of char *: the texts left out (see above) */
  guint n_texts;         /* how many texts were searched */
} Search;

static void
search_init (Search *s)
{
  s->findings = g_ptr_array_new_with_free_func (g_free);
  s->allowed = g_ptr_array_new_with_free_func (g_free);
  s->n_texts = 0;
}

static void
search_clear (Search *s)
{
  g_ptr_array_unref (s->findings);
  g_ptr_array_unref (s->allowed);
}

static int
longer_first (gconstpointer a,
              gconstpointer b)
{
  return (int) strlen (*(const char *const *) b) - (int) strlen (*(const char *const *) a);
}

/* The texts of the bundled entries left out, in the language of now, as
 * they are and without white space (as a PDF's text is read). */
static void
set_allowed (Search     *s,
             SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundled = sonae_contacts_list_bundled (store, &error);

  g_assert_no_error (error);
  g_ptr_array_set_size (s->allowed, 0);
  for (guint i = 0; i < bundled->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (bundled, i);
      const char *texts[] = { c->name, c->organization, c->notes, c->url };

      if (!g_strv_contains (clinic_authorities, c->builtin_key))
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_auto(GStrv) lines = texts[t] != NULL ? g_strsplit (texts[t], "\n", -1) : NULL;

          for (guint l = 0; lines != NULL && lines[l] != NULL; l++)
            if (*lines[l] != '\0')
              {
                g_ptr_array_add (s->allowed, g_strdup (lines[l]));
                g_ptr_array_add (s->allowed, sonae_test_squeeze (lines[l]));
              }
        }
    }
  /* The longest first, so that no shorter one cuts a longer one. */
  g_ptr_array_sort (s->allowed, longer_first);
}

/* Search @text, seen at @where, for the clinic's words. */
static void
search_text (Search     *s,
             const char *where,
             const char *text)
{
  g_autoptr(GString) left = g_string_new (text);
  g_autofree char *lower = NULL;

  if (text == NULL || *text == '\0')
    return;
  s->n_texts++;
  for (guint i = 0; i < s->allowed->len; i++)
    g_string_replace (left, g_ptr_array_index (s->allowed, i), "", 0);
  lower = g_ascii_strdown (left->str, -1);
  for (guint w = 0; w < G_N_ELEMENTS (clinic_words); w++)
    {
      for (const char *hit = strstr (lower, clinic_words[w]); hit != NULL;
           hit = strstr (hit + strlen (clinic_words[w]), clinic_words[w]))
        {
          const char *from = hit, *to = hit + strlen (clinic_words[w]);
          g_autofree char *context = NULL;

          /* A few characters either side. */
          for (int n = 0; n < 24 && from > lower; n++)
            from = g_utf8_prev_char (from);
          for (int n = 0; n < 24 && *to != '\0'; n++)
            to = g_utf8_next_char (to);
          context = g_strndup (left->str + (from - lower), to - from);
          g_ptr_array_add (s->findings, g_strdup_printf ("%s: “%s” in …%s…", where, clinic_words[w], context));
        }
    }
}

/* ---- the command line ---------------------------------------------------- */

typedef enum { ENGLISH, JAPANESE } Language;

static const char *const language_names[] = { "English", "Japanese" };

/* Run the real binary with no display, in @language; its output. */
static gboolean
run_sonae (Language    language,
           char      **out,
           char      **err,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("SONAE_BIN");
  int status = 0;
  va_list ap;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "SONAE_DATA_DIR");
  env = g_environ_setenv (env, "G_DEBUG", "", TRUE);
  if (language == JAPANESE)
    {
      env = g_environ_setenv (env, "LC_ALL", "ja_JP.UTF-8", TRUE);
      env = g_environ_setenv (env, "LANGUAGE", "ja", TRUE);
    }
  else
    {
      env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
      env = g_environ_unsetenv (env, "LANGUAGE");
    }
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* Every document of `sonae --export` for the store in @dir (each incident's
 * for each incident), read back, and `--check-reminders`, in @language. */
static void
search_exports (Search     *s,
                SonaeStore *store,
                const char *dir,
                const char *what,
                Language    language)
{
  const char *const *names = sonae_documents_get_names ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  const SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *where = NULL;
  guint n_docs = 0;

  incidents = sonae_incidents_list (store, &all, &error);
  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      /* A document about an incident for each incident, and a blank form
       * (the report, the PPC sheet, the checklist) once more without one. */
      gboolean blank = !sonae_documents_needs_incident (names[i]);
      guint runs = sonae_documents_takes_incident (names[i]) ? incidents->len + blank : 1;

      /* The MHLW checklist is refused to a business, in words that name
       * clinics on purpose (tests/print/test-mhlw-doc.c). */
      if (g_str_equal (names[i], "mhlw-checklist"))
        continue;

      for (guint r = 0; r < runs; r++)
        {
          const char *number = sonae_documents_takes_incident (names[i]) && r < incidents->len
                               ? ((SonaeIncident *) g_ptr_array_index (incidents, r))->number : NULL;
          g_autofree char *file = g_strdup_printf ("%s-%s-%u.pdf", names[i], language_names[language], r);
          g_autofree char *path = g_build_filename (dir, file, NULL);
          g_autofree char *o = NULL;
          g_autofree char *e = NULL;
          g_autofree char *place = NULL;
          g_auto(SonaeTestPdf) pdf = { 0 };
          gboolean ok;

          if (number != NULL)
            ok = run_sonae (language, &o, &e, "--data-dir", dir, "--export", names[i], "--incident", number,
                            "-o", path, NULL);
          else
            ok = run_sonae (language, &o, &e, "--data-dir", dir, "--export", names[i], "-o", path, NULL);
          if (!ok)
            g_error ("sonae --export %s failed: %s", names[i], e);
          /* The register is A4 turned sideways. */
          sonae_test_pdf_read_a4 (&pdf, path);
          place = g_strdup_printf ("%s, %s, --export %s%s%s", what, language_names[language], names[i],
                                   number ? " --incident " : "", number ? number : "");
          for (guint p = 0; p < pdf.n_pages; p++)
            {
              g_autofree char *page = g_strdup_printf ("%s, page %u", place, p + 1);
              search_text (s, page, pdf.pages[p]);
            }
          n_docs++;
        }
    }
  g_assert_cmpuint (n_docs, >=, 10);
  /* The paper for when the computers are down is read too. */
  for (const char *const *n = (const char *const[]) { "report", "ppc-draft", "ppc-rules", "do-not-use", "desk-notice", NULL }; *n; n++)
    g_assert_true (g_strv_contains (names, *n));

  where = g_strdup_printf ("%s, %s, --check-reminders", what, language_names[language]);
  g_assert_true (run_sonae (language, &out, &err, "--data-dir", dir, "--check-reminders", NULL));
  search_text (s, where, out);
}

/* ---- the screens ----------------------------------------------------------- */

static void
append_text (GString    *out,
             const char *text)
{
  if (text != NULL && *text != '\0')
    g_string_append_printf (out, "|%s", text);
}

/* What a person sees under @widget: each label, the placeholder and text
 * of each entry, the text of each text view, each tooltip. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    append_text (out, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_TEXT (widget))
    {
      append_text (out, gtk_text_get_placeholder_text (GTK_TEXT (widget)));
      append_text (out, gtk_editable_get_text (GTK_EDITABLE (widget)));
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      append_text (out, text);
    }
  append_text (out, gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

/* Open every expander under @root, let it draw, and search what @root
 * shows. */
static void
search_shown (Search     *s,
              GtkWidget  *root,
              const char *where)
{
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  g_autoptr(GString) texts = g_string_new (NULL);

  sonae_test_spin_for (50);
  sonae_test_collect_widgets (root, sonae_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW), expanders);
  for (guint i = 0; i < expanders->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (expanders, i), TRUE);
  sonae_test_spin_for (expanders->len > 0 ? 100 : 0);
  collect_texts (root, texts);
  g_assert_cmpuint (texts->len, >, 0);
  search_text (s, where, texts->str);
}

static void
search_dialog (Search     *s,
               GtkWidget  *dialog,
               const char *where)
{
  gtk_window_present (GTK_WINDOW (dialog));
  search_shown (s, dialog, where);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sonae_test_spin_for (20);
}

/* Every section of the window on @f's store, each tab of each incident,
 * each contact group, each worksheet, and the main dialogs. */
static void
search_window (Search          *s,
               SonaeTestWindow *f,
               const char      *what,
               Language         language)
{
  static const char *const tabs[] = { "now", "checklist", "timeline", "report", "reporting", "details" };
  static const char *const worksheets[] = { "policy", "events", "systems", "plans", "drills", "risks", "check" };
  const SonaeIncidentFilter all = SONAE_INCIDENT_FILTER_ALL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  const char *const *sections;
  SonaeWindow *window;
  GtkWidget *page;
  const char *lang = language_names[language];

  window = sonae_test_window_open_main (f);
  gtk_window_present (GTK_WINDOW (window));
  sonae_test_spin_for (100);

  sections = sonae_window_get_sections (window);
  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s, %s, section %s", what, lang, sections[i]);

      sonae_window_set_section (window, sections[i]);
      search_shown (s, GTK_WIDGET (window), where);
    }

  sonae_window_set_section (window, "incidents");
  page = sonae_window_get_page (window, "incidents");
  incidents = sonae_incidents_list (f->store, &all, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    {
      SonaeIncident *incident = g_ptr_array_index (incidents, i);

      g_assert_true (sonae_incidents_page_show_incident (SONAE_INCIDENTS_PAGE (page), incident->id));
      for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
        {
          GtkWidget *view = sonae_test_of_type (page, SONAE_TYPE_INCIDENT_VIEW);
          g_autofree char *where = g_strdup_printf ("%s, %s, incident %s, tab %s", what, lang, incident->number, tabs[t]);

          sonae_incident_view_show_tab (SONAE_INCIDENT_VIEW (view), tabs[t]);
          search_shown (s, GTK_WIDGET (window), where);
        }
    }

  /* A person of the staff, a vendor, and an authority. */
  sonae_window_set_section (window, "contacts");
  page = sonae_window_get_page (window, "contacts");
  contacts = sonae_contacts_list (f->store, -1, &error);
  g_assert_no_error (error);
  for (guint g = 0; g < SONAE_N_GROUPS; g++)
    for (guint i = 0; i < contacts->len; i++)
      {
        SonaeContact *c = g_ptr_array_index (contacts, i);
        g_autofree char *where = NULL;

        if (c->group != g)
          continue;
        where = g_strdup_printf ("%s, %s, contact %s", what, lang, c->name);
        sonae_contacts_page_show_contact (SONAE_CONTACTS_PAGE (page), c->id);
        search_shown (s, GTK_WIDGET (window), where);
        break;
      }

  sonae_window_set_section (window, "bcp");
  page = sonae_window_get_page (window, "bcp");
  for (guint i = 0; i < G_N_ELEMENTS (worksheets); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s, %s, BCP worksheet %s", what, lang, worksheets[i]);

      g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (page), worksheets[i]));
      search_shown (s, GTK_WIDGET (window), where);
    }

  {
    g_autofree char *triage = g_strdup_printf ("%s, %s, the triage dialog", what, lang);
    g_autofree char *prefs = g_strdup_printf ("%s, %s, preferences", what, lang);
    g_autofree char *roles = g_strdup_printf ("%s, %s, the roles dialog", what, lang);
    g_autofree char *system = g_strdup_printf ("%s, %s, a new system of the BCP", what, lang);

    search_dialog (s, GTK_WIDGET (sonae_triage_dialog_new (GTK_WINDOW (window), f->store)), triage);
    search_dialog (s, sonae_preferences_window_new (GTK_WINDOW (window), f->store), prefs);
    search_dialog (s, sonae_roles_dialog_new (GTK_WINDOW (window), f->store), roles);
    search_dialog (s, sonae_bcp_system_dialog_new (GTK_WINDOW (window), f->store, 0), system);
  }
  systems = sonae_bcp_list_systems (f->store, &error);
  g_assert_no_error (error);
  if (systems->len > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s, %s, a system of the BCP", what, lang);

      search_dialog (s, sonae_bcp_system_dialog_new (GTK_WINDOW (window), f->store,
                                                      ((SonaeBcpSystem *) g_ptr_array_index (systems, 0))->id),
                     where);
    }
  sonae_test_window_close (f);
}

/* ---- the tests ------------------------------------------------------------- */

/* The store in @f's folder replaced by what `sonae --demo --kind business`
 * makes there, with a leak in progress besides the drill. */
static void
make_demo_business (SonaeTestWindow *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeIncident) leak = sonae_incident_new ();
  g_autoptr(SonaeTriageProposal) proposal = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_clear_object (&f->store);
  if (!run_sonae (ENGLISH, &out, &err, "--data-dir", f->dir, "--demo", "--kind", "business", NULL))
    g_error ("sonae --demo --kind business failed: %s", err);
  f->store = sonae_store_open (f->dir, &error);
  g_assert_no_error (error);

  leak->title = g_strdup ("見積書を別のお客様にメールで送ってしまった");
  leak->answers.seen = SONAE_SEEN_MISSENT_OR_LOST;
  leak->answers.personal_data = SONAE_ANSWER_YES;
  leak->answers.impact = SONAE_IMPACT_OUTSIDE;
  proposal = sonae_triage_propose (&leak->answers, SONAE_ORG_BUSINESS);
  leak->type = proposal->type;
  leak->level = proposal->level;
  leak->event = proposal->event;
  g_assert_true (sonae_incidents_create (f->store, leak, proposal, "前田 彩", &error));
  g_assert_no_error (error);

  /* Sensitive data among it: the report to the PPC is due, so its
   * questions, verdict, deadlines and draft are shown and printed. */
  {
    g_autoptr(SonaePpcAssessment) ppc = sonae_ppc_get (f->store, leak->id, &error);

    g_assert_no_error (error);
    ppc->personal_data = SONAE_ANSWER_YES;
    ppc->conditions[SONAE_PPC_CONDITION_SENSITIVE] = SONAE_ANSWER_YES;
    g_assert_true (sonae_ppc_set (f->store, leak->id, ppc, "前田 彩", &error));
    g_assert_no_error (error);
  }
}

/* A business that has only just told Sonae what it is. */
static void
make_new_business (SonaeTestWindow *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = g_new0 (SonaeProfile, 1);

  profile->name = g_strdup ("株式会社さくら商事");
  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (f->store, profile, &error));
  g_assert_true (sonae_store_set_setup_done (f->store, &error));
  g_assert_no_error (error);
}

static void
report (Search *s)
{
  for (guint i = 0; i < s->findings->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (s->findings, i));
  g_test_message ("%u texts searched", s->n_texts);
  if (s->findings->len > 0)
    g_test_fail_printf ("a business reads a clinic's words %u times (listed above)", s->findings->len);
}

static gboolean
use_language (Language language)
{
  if (language == ENGLISH)
    {
      sonae_test_use_default_language ();
      return TRUE;
    }
  return sonae_test_use_japanese ();
}

/* The fictional business: every screen and dialog, every document, the
 * reminders. */
static void
test_demo_business (SonaeTestWindow *f,
                    gconstpointer    data)
{
  Search s;

  search_init (&s);
  make_demo_business (f);
  for (Language l = ENGLISH; l <= JAPANESE; l++)
    {
      if (!use_language (l))
        {
          g_test_message ("no Japanese locale: the Japanese texts are not searched");
          continue;
        }
      set_allowed (&s, f->store);
      search_window (&s, f, "the demo business", l);
      search_exports (&s, f->store, f->dir, "the demo business", l);
    }
  sonae_test_use_default_language ();
  g_assert_cmpuint (s.n_texts, >, 100);
  report (&s);
  search_clear (&s);
}

/* A new business: the empty states, then the usual crisis events the
 * worksheet offers. */
static void
test_new_business (SonaeTestWindow *f,
                   gconstpointer    data)
{
  Search s;

  search_init (&s);
  make_new_business (f);
  for (Language l = ENGLISH; l <= JAPANESE; l++)
    {
      if (!use_language (l))
        continue;
      set_allowed (&s, f->store);
      search_window (&s, f, "a new business", l);
      search_exports (&s, f->store, f->dir, "a new business", l);
    }
  /* The usual events, as the worksheet's button adds them. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (sonae_bcp_add_usual_events (f->store, &error), >, 0);
    g_assert_no_error (error);
  }
  for (Language l = ENGLISH; l <= JAPANESE; l++)
    {
      SonaeWindow *window;

      if (!use_language (l))
        continue;
      set_allowed (&s, f->store);
      window = sonae_test_window_open_main (f);
      gtk_window_present (GTK_WINDOW (window));
      sonae_window_set_section (window, "bcp");
      g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (sonae_window_get_page (window, "bcp")), "events"));
      search_shown (&s, GTK_WIDGET (window), l == ENGLISH ? "a new business, English, the usual events"
                                                          : "a new business, Japanese, the usual events");
      sonae_test_window_close (f);
    }
  sonae_test_use_default_language ();
  report (&s);
  search_clear (&s);
}

/* The title of the self-check's row @key, as shown under @root. */
static const char *
check_title (GtkWidget  *root,
             const char *key)
{
  g_autofree char *name = g_strdup_printf ("check-%s", key);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sonae_test_named (root, name)));
}

/* An organisation that changes its kind in the preferences reads the
 * worksheets in its new words at once, and the contacts' group too. */
static void
test_follows_kind (SonaeTestWindow *f,
                   gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeProfile) profile = g_new0 (SonaeProfile, 1);
  SonaeWindow *window;
  GtkWidget *bcp;
  GtkWidget *contacts;

  profile->name = g_strdup ("さくら内科クリニック");
  profile->kind = SONAE_ORG_CLINIC;
  g_assert_true (sonae_store_set_profile (f->store, profile, &error));
  g_assert_true (sonae_store_set_setup_done (f->store, &error));
  window = sonae_test_window_open_main (f);
  gtk_window_present (GTK_WINDOW (window));
  sonae_window_set_section (window, "contacts");
  contacts = sonae_window_get_page (window, "contacts");
  sonae_window_set_section (window, "bcp");
  bcp = sonae_window_get_page (window, "bcp");
  g_assert_true (sonae_bcp_page_show_worksheet (SONAE_BCP_PAGE (bcp), "check"));
  sonae_test_spin_for (100);
  g_assert_nonnull (strstr (check_title (bcp, "paper-operation"), "paper charts"));
  g_assert_nonnull (sonae_test_find_widget (contacts, sonae_test_is_button_labelled, "Staff"));

  g_free (profile->name);
  profile->name = g_strdup ("株式会社さくら商事");
  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (f->store, profile, &error));
  g_assert_no_error (error);
  sonae_test_spin_for (200);
  g_assert_null (strstr (check_title (bcp, "paper-operation"), "paper charts"));
  g_assert_nonnull (strstr (check_title (bcp, "paper-operation"), "paper forms"));
  g_assert_null (strstr (check_title (bcp, "contact-chart"), "MHLW"));

  /* In Japanese, the staff group is 社内 now (院内 in a clinic). */
  if (sonae_test_use_japanese ())
    {
      sonae_test_window_close (f);
      window = sonae_test_window_open_main (f);
      gtk_window_present (GTK_WINDOW (window));
      sonae_window_set_section (window, "contacts");
      sonae_test_spin_for (100);
      g_assert_nonnull (sonae_test_find_widget (GTK_WIDGET (window), sonae_test_is_button_labelled, "社内"));
      g_assert_null (sonae_test_find_widget (GTK_WIDGET (window), sonae_test_is_button_labelled, "院内"));
    }
}

/* `sonae --help`, which knows no organisation: it says nothing of a
 * clinic to anyone. */
static void
test_help (void)
{
  Search s;

  search_init (&s);
  for (Language l = ENGLISH; l <= JAPANESE; l++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *where = g_strdup_printf ("%s, --help", language_names[l]);

      g_assert_true (run_sonae (l, &out, &err, "--help", NULL));
      g_assert_nonnull (strstr (out, "--kind"));
      search_text (&s, where, out);
    }
  report (&s);
  search_clear (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/business-words/demo-business", SonaeTestWindow, NULL, sonae_test_window_set_up,
              test_demo_business, sonae_test_window_tear_down);
  g_test_add ("/business-words/new-business", SonaeTestWindow, NULL, sonae_test_window_set_up,
              test_new_business, sonae_test_window_tear_down);
  g_test_add ("/business-words/follows-kind", SonaeTestWindow, NULL, sonae_test_window_set_up,
              test_follows_kind, sonae_test_window_tear_down);
  g_test_add_func ("/business-words/help", test_help);
  return g_test_run ();
}
