#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-manual.h"
#include "sonae-test-util.h"

/* The bundled manual's text, from the GResource linked into the core. */
static char *
bundled_xml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SONAE_MANUAL_RESOURCE, 0, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static SonaeManual *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  SonaeManual *manual = sonae_manual_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (manual);
  return manual;
}

static void
assert_text (const SonaeManualText *text)
{
  g_assert_nonnull (text);
  g_assert_nonnull (sonae_manual_text_get (text, SONAE_ORG_CLINIC));
  g_assert_nonnull (sonae_manual_text_get (text, SONAE_ORG_BUSINESS));
  g_assert_cmpstr (sonae_manual_text_get (text, SONAE_ORG_CLINIC), !=, "");
  g_assert_cmpstr (sonae_manual_text_get (text, SONAE_ORG_BUSINESS), !=, "");
  g_assert_nonnull (sonae_manual_text_get_source (text, SONAE_ORG_PHARMACY));
}

static void
assert_steps (SonaeManual                *manual,
              const SonaeManualProcedure *proc,
              guint                       min_steps)
{
  g_assert_nonnull (proc);
  g_assert_cmpuint (proc->steps->len, >=, min_steps);
  for (guint i = 0; i < proc->steps->len; i++)
    {
      const SonaeManualStep *step = g_ptr_array_index (proc->steps, i);

      g_assert_nonnull (step->id);
      g_assert_nonnull (sonae_role_lookup (step->role_key));
      assert_text (step->text);
      g_assert_true (sonae_manual_get_step (manual, step->id) == step);
    }
}

static void
test_bundled_sections (void)
{
  g_autoptr(SonaeManual) manual = load_bundled ();
  static const struct {
    const char *id;
    SonaeManualSectionKind kind;
  } expected[] = {
    { "principles", SONAE_MANUAL_SECTION_PRINCIPLES },
    { "organisation", SONAE_MANUAL_SECTION_ORGANISATION },
    { "levels", SONAE_MANUAL_SECTION_LEVELS },
    { "reporting", SONAE_MANUAL_SECTION_REPORTING },
    { "procedures", SONAE_MANUAL_SECTION_PROCEDURES },
    { "authorities", SONAE_MANUAL_SECTION_AUTHORITIES },
    { "continuity", SONAE_MANUAL_SECTION_CONTINUITY },
  };
  GPtrArray *sections = sonae_manual_get_sections (manual);
  GPtrArray *principles = sonae_manual_get_principles (manual);
  GPtrArray *continuity = sonae_manual_get_continuity (manual);

  g_assert_cmpint (sonae_manual_get_version (manual), >=, 1);
  g_assert_cmpstr (sonae_manual_text_get (sonae_manual_get_title (manual), SONAE_ORG_CLINIC), ==,
                   "Emergency Response Manual");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SonaeManualSection *s = sonae_manual_get_section (manual, expected[i].id);

      g_assert_nonnull (s);
      g_assert_cmpint (s->kind, ==, expected[i].kind);
      assert_text (s->title);
      for (guint j = 0; j < s->paras->len; j++)
        assert_text (((SonaeManualPara *) g_ptr_array_index (s->paras, j))->text);
    }
  g_assert_null (sonae_manual_get_section (manual, "nonsense"));
  for (guint i = 0; i < sections->len; i++)
    assert_text (((SonaeManualSection *) g_ptr_array_index (sections, i))->title);

  /* The five principles, in the clinic's and the business's words. */
  g_assert_cmpuint (principles->len, ==, 5);
  for (guint i = 0; i < principles->len; i++)
    {
      SonaeManualPrinciple *p = g_ptr_array_index (principles, i);

      assert_text (p->title);
      assert_text (p->text);
    }
  {
    SonaeManualPrinciple *first = g_ptr_array_index (principles, 0);

    g_assert_cmpstr (first->id, ==, "principle-report-first");
    g_assert_nonnull (strstr (sonae_manual_text_get (first->text, SONAE_ORG_CLINIC), "patients"));
    g_assert_nonnull (strstr (sonae_manual_text_get (first->text, SONAE_ORG_HOSPITAL), "patients"));
    g_assert_nonnull (strstr (sonae_manual_text_get (first->text, SONAE_ORG_BUSINESS), "customers"));
    g_assert_null (strstr (sonae_manual_text_get (first->text, SONAE_ORG_BUSINESS), "patients"));
  }
  g_assert_true (sonae_manual_has_id (manual, "principle-evidence-first"));
  g_assert_true (sonae_manual_has_id (manual, "principle-not-alone"));
  g_assert_true (sonae_manual_has_id (manual, "principle-no-blame"));
  g_assert_true (sonae_manual_has_id (manual, "principle-drill"));

  /* IT-BCP in five steps. */
  g_assert_cmpuint (continuity->len, ==, 5);
  for (guint i = 0; i < continuity->len; i++)
    {
      SonaeManualStep *s = g_ptr_array_index (continuity, i);

      assert_text (s->title);
      assert_text (s->text);
    }
}

static void
test_bundled_roles_and_levels (void)
{
  g_autoptr(SonaeManual) manual = load_bundled ();
  GPtrArray *roles = sonae_manual_get_roles (manual);
  GPtrArray *chain = sonae_manual_get_chain (manual);
  static const char *responders[] = { "sysadmin", "sysadmin", "lead", "top" };
  static const char *severities[] = { NULL, "minor", "medium", "major" };
  static const char *chain_keys[] = { "first", "sysadmin", "lead", "top" };
  guint n_response = 0;
  guint n_builtin;

  /* Every bundled role is described; the three response roles are marked. */
  sonae_roles_get_builtin (&n_builtin);
  g_assert_cmpuint (roles->len, ==, n_builtin);
  for (guint i = 0; i < roles->len; i++)
    {
      SonaeManualRole *r = g_ptr_array_index (roles, i);

      g_assert_nonnull (sonae_role_lookup (r->role_key));
      assert_text (r->text);
      if (r->response_role)
        {
          n_response++;
          g_assert_true (g_str_equal (r->role_key, "top") || g_str_equal (r->role_key, "lead") ||
                         g_str_equal (r->role_key, "first"));
        }
    }
  g_assert_cmpuint (n_response, ==, 3);

  for (int l = 0; l < SONAE_MANUAL_N_LEVELS; l++)
    {
      const SonaeManualLevel *level = sonae_manual_get_level (manual, l);
      const SonaeManualReport *report = sonae_manual_get_report (manual, l);

      g_assert_nonnull (level);
      g_assert_cmpint (level->level, ==, l);
      assert_text (level->title);
      assert_text (level->text);
      g_assert_cmpstr (level->responder_key, ==, responders[l]);
      g_assert_cmpstr (sonae_manual_get_responder (manual, l), ==, responders[l]);
      g_assert_false (sonae_manual_responder_is_overridden (manual, l));

      g_assert_nonnull (report);
      g_assert_cmpint (report->level, ==, l);
      g_assert_cmpstr (report->severity, ==, severities[l]);
      assert_text (report->text);
      for (guint i = 0; i < report->bodies->len; i++)
        {
          SonaeManualBody *b = g_ptr_array_index (report->bodies, i);

          g_assert_nonnull (b->authority_key);
        }
    }
  g_assert_null (sonae_manual_get_level (manual, 4));
  g_assert_null (sonae_manual_get_level (manual, -1));
  g_assert_null (sonae_manual_get_report (manual, 4));

  /* Level 3 reads differently for a clinic and a business. */
  {
    const SonaeManualLevel *three = sonae_manual_get_level (manual, 3);

    g_assert_nonnull (strstr (sonae_manual_text_get (three->text, SONAE_ORG_CLINIC), "Patients"));
    g_assert_nonnull (strstr (sonae_manual_text_get (three->text, SONAE_ORG_BUSINESS), "Customers"));
  }

  g_assert_cmpuint (chain->len, ==, G_N_ELEMENTS (chain_keys));
  for (guint i = 0; i < chain->len; i++)
    g_assert_cmpstr (g_ptr_array_index (chain, i), ==, chain_keys[i]);
}

static void
test_bundled_procedures (void)
{
  g_autoptr(SonaeManual) manual = load_bundled ();
  const SonaeManualProcedure *proc;
  const SonaeManualStep *step;

  for (guint t = 0; t < SONAE_N_INCIDENT_TYPES; t++)
    {
      const SonaeManualIncident *incident = sonae_manual_get_incident (manual, t);

      g_assert_nonnull (incident);
      g_assert_cmpint (incident->type, ==, t);
      assert_text (incident->title);
      assert_text (incident->text);
      g_assert_cmpuint (incident->procedures->len, >, 0);
      for (guint i = 0; i < incident->procedures->len; i++)
        assert_steps (manual, g_ptr_array_index (incident->procedures, i), 1);
    }

  /* Leak: levels 3 and 2, as the guidance gives them. */
  proc = sonae_manual_get_procedure (manual, SONAE_INCIDENT_LEAK, 3);
  assert_steps (manual, proc, 8);
  g_assert_cmpint (proc->level, ==, 3);
  step = g_ptr_array_index (proc->steps, 0);
  g_assert_cmpstr (step->role_key, ==, "first");
  step = g_ptr_array_index (proc->steps, proc->steps->len - 1);
  g_assert_cmpstr (step->role_key, ==, "top");
  assert_steps (manual, sonae_manual_get_procedure (manual, SONAE_INCIDENT_LEAK, 2), 3);
  g_assert_null (sonae_manual_get_procedure (manual, SONAE_INCIDENT_LEAK, 1));
  g_assert_null (sonae_manual_get_procedure (manual, SONAE_INCIDENT_LEAK, 0));

  /* Tampering, loss, destruction, outage: every level. */
  for (int l = 0; l < SONAE_MANUAL_N_LEVELS; l++)
    {
      proc = sonae_manual_get_procedure (manual, SONAE_INCIDENT_TAMPER, l);
      assert_steps (manual, proc, 1);
      g_assert_cmpint (proc->level, ==, l);
    }
  step = sonae_manual_get_step (manual, "tamper-3-paper");
  g_assert_nonnull (step);
  g_assert_cmpstr (step->role_key, ==, "security");
  g_assert_cmpuint (sonae_manual_get_procedure (manual, SONAE_INCIDENT_TAMPER, 3)->steps->len, ==, 8);

  /* Malware: the same first aid at every level, and what to do when staff
   * cannot deal with it. */
  proc = sonae_manual_get_procedure (manual, SONAE_INCIDENT_MALWARE, 2);
  assert_steps (manual, proc, 7);
  g_assert_cmpint (proc->level, ==, SONAE_MANUAL_ANY_LEVEL);
  g_assert_cmpstr (proc->id, ==, "malware-staff");
  g_assert_true (sonae_manual_get_procedure (manual, SONAE_INCIDENT_MALWARE, 0) == proc);
  assert_text (proc->title);
  g_assert_cmpuint (sonae_manual_get_incident (manual, SONAE_INCIDENT_MALWARE)->procedures->len, ==, 2);
  step = sonae_manual_get_step (manual, "malware-admin-take-over");
  g_assert_cmpstr (step->role_key, ==, "sysadmin");

  g_assert_null (sonae_manual_get_step (manual, "no-such-step"));
  g_assert_false (sonae_manual_has_id (manual, "no-such-step"));
  g_assert_true (sonae_manual_has_id (manual, "leak-3"));
}

/* The bundled authorities the manual names are exactly the ones a new
 * database gets, and clinics see the medical ones. */
static void
test_bundled_authorities (void)
{
  g_autoptr(SonaeManual) manual = load_bundled ();
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(GPtrArray) contacts = sonae_contacts_list (store, SONAE_GROUP_AUTHORITY, NULL);
  g_autoptr(GHashTable) installed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *bodies = sonae_manual_get_authorities (manual);
  gboolean clinic_only = FALSE;

  for (guint i = 0; i < contacts->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (contacts, i);

      if (c->builtin_key)
        g_hash_table_add (installed, c->builtin_key);
    }
  /* Besides them JIPDEC, which only the level-3 report names (for Privacy
   * Mark holders), and the medical association's helpline, a number to
   * call for advice that only members may use (the manual does not send
   * everyone there); the pharmaceutical section stands for the office
   * overseeing medical institutions in a pharmacy's: out of a clinic's
   * sight. */
  g_assert_cmpuint (g_hash_table_size (installed), ==, bodies->len + 2);
  g_assert_true (g_hash_table_contains (installed, "jipdec"));
  g_assert_true (g_hash_table_contains (installed, "jma-cyber"));
  g_assert_false (g_hash_table_contains (installed, "prefecture-pharmacy"));
  for (guint i = 0; i < bodies->len; i++)
    {
      SonaeManualBody *b = g_ptr_array_index (bodies, i);

      g_assert_true (g_hash_table_contains (installed, b->authority_key));
      assert_text (b->text);
      if (g_str_equal (b->authority_key, "prefecture-medical"))
        {
          g_assert_cmpint (b->org, ==, SONAE_MANUAL_VARIANT_CLINIC);
          clinic_only = TRUE;
        }
    }
  g_assert_true (clinic_only);

  /* Every body a report names is one of them too. */
  for (int l = 0; l < SONAE_MANUAL_N_LEVELS; l++)
    {
      const SonaeManualReport *report = sonae_manual_get_report (manual, l);

      for (guint i = 0; i < report->bodies->len; i++)
        g_assert_true (g_hash_table_contains (installed,
                                              ((SonaeManualBody *) g_ptr_array_index (report->bodies, i))->authority_key));
    }

  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_responder_override (void)
{
  g_autoptr(SonaeManual) manual = load_bundled ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_manual_set_responder (manual, 2, "top", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sonae_manual_get_responder (manual, 2), ==, "top");
  g_assert_true (sonae_manual_responder_is_overridden (manual, 2));
  g_assert_cmpstr (sonae_manual_get_level (manual, 2)->responder_key, ==, "lead");

  /* Setting the bundled role is no override. */
  g_assert_true (sonae_manual_set_responder (manual, 1, "sysadmin", &error));
  g_assert_false (sonae_manual_responder_is_overridden (manual, 1));

  g_assert_false (sonae_manual_set_responder (manual, 2, "janitor", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (sonae_manual_get_responder (manual, 2), ==, "top");

  g_assert_false (sonae_manual_set_responder (manual, 4, "top", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sonae_manual_set_responder (manual, 2, NULL, &error));
  g_assert_cmpstr (sonae_manual_get_responder (manual, 2), ==, "lead");
  g_assert_false (sonae_manual_responder_is_overridden (manual, 2));
}

/* ------------------------------------------------------------------ */
/* Broken files */

static int
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* Replace the first @from in the bundled file with @to, load it, and expect
 * an error containing @message (and the line of the change when @with_line). */
static void
assert_broken (const char *from,
               const char *to,
               const char *message,
               gboolean    with_line)
{
  g_autofree char *xml = bundled_xml ();
  g_autoptr(GString) broken = g_string_new (xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  const char *at = strstr (xml, from);

  g_assert_nonnull (at);
  g_string_erase (broken, at - xml, strlen (from));
  g_string_insert (broken, at - xml, to);

  manual = sonae_manual_load_from_data (broken->str, broken->len, &error);
  g_assert_null (manual);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
  if (with_line)
    {
      g_autofree char *line = NULL;
      int n = 1;

      /* The line where the change was made. */
      for (const char *p = xml; p < at; p++)
        if (*p == '\n')
          n++;
      line = g_strdup_printf ("line %d:", n);

      if (strstr (error->message, line) == NULL)
        g_error ("expected “%s” in “%s”", line, error->message);
    }
}

static void
test_broken_xml (void)
{
  assert_broken ("<para id=\"levels-intro\">", "<para id=\"levels-intro\"><oops", "not well-formed", FALSE);
  assert_broken ("</manual>", "", "not well-formed", FALSE);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sonae_manual_load_from_data ("", 0, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
    g_clear_error (&error);
    g_assert_null (sonae_manual_load_from_data ("<checklist version=\"1\"/>", -1, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "one <manual>"));
  }
}

static void
test_broken_role (void)
{
  assert_broken ("<step id=\"leak-3-cause\" role=\"lead\">", "<step id=\"leak-3-cause\" role=\"janitor\">",
                 "The step “leak-3-cause” names the role “janitor”, which does not exist.", TRUE);
  assert_broken ("<level id=\"level-2\" value=\"2\" responder=\"lead\">",
                 "<level id=\"level-2\" value=\"2\" responder=\"boss\">", "names the role “boss”", TRUE);
  assert_broken ("<link role=\"lead\"/>", "<link role=\"manager\"/>", "names the role “manager”", TRUE);
  assert_broken ("<step id=\"tamper-2-fix\" role=\"sysadmin\">", "<step id=\"tamper-2-fix\">",
                 "the step “tamper-2-fix” does not say which role does it", TRUE);
}

static void
test_broken_authority (void)
{
  assert_broken ("<body id=\"report-3-jpcert\" ref=\"jpcert\">", "<body id=\"report-3-jpcert\" ref=\"fbi\">",
                 "“fbi” is not one of the bundled authorities", TRUE);
  assert_broken ("<body id=\"report-2-ipa\" ref=\"ipa-report\" optional=\"yes\">",
                 "<body id=\"report-2-ipa\" ref=\"jpcert\" optional=\"yes\">",
                 "the authority “jpcert” is listed twice", TRUE);
}

static void
test_broken_ids (void)
{
  g_autofree char *xml = bundled_xml ();
  g_autofree char *first = g_strdup_printf ("first on line %d", line_of (xml, "id=\"leak-2-report\""));

  assert_broken ("<step id=\"leak-2-trace\"", "<step id=\"leak-2-report\"", "the id “leak-2-report” is used twice", TRUE);
  assert_broken ("<step id=\"leak-2-trace\"", "<step id=\"leak-2-report\"", first, TRUE);
  assert_broken ("<para id=\"levels-intro\">", "<para>", "<para> has no id", TRUE);
}

static void
test_broken_levels (void)
{
  g_autofree char *xml = bundled_xml ();
  const char *start = strstr (xml, "<level id=\"level-1\"");
  const char *end = strstr (start, "</level>") + strlen ("</level>");
  g_autofree char *block = g_strndup (start, end - start);
  g_autofree char *levels_line = g_strdup_printf ("line %d:", line_of (xml, "<section id=\"levels\">"));

  assert_broken (block, "", "does not describe damage level 1", FALSE);
  assert_broken (block, "", levels_line, FALSE);
  assert_broken ("<level id=\"level-0\" value=\"0\"", "<level id=\"level-0\" value=\"5\"",
                 "value=\"5\" is not a damage level", TRUE);
  assert_broken ("<level id=\"level-0\" value=\"0\"", "<level id=\"level-0\" value=\"3\"",
                 "damage level 3 is described twice", TRUE);
  assert_broken ("<report id=\"report-0\" level=\"0\">", "<report id=\"report-0\" level=\"1\">",
                 "the reporting for damage level 1 is written twice", TRUE);
}

static void
test_broken_structure (void)
{
  /* A wording for clinics only. */
  assert_broken ("<text org=\"business\">Customers, business partners, shareholders", "<text org=\"clinic\">Customers",
                 "a second <text> for the same organisations", TRUE);
  {
    g_autofree char *xml = bundled_xml ();
    const char *start = strstr (xml, "<text org=\"business\">Customers, business partners, shareholders");
    const char *end = strstr (start, "</text>") + strlen ("</text>");
    g_autofree char *block = g_strndup (start, end - start);

    assert_broken (block, "", "has a wording for clinics but none for businesses", FALSE);
  }
  assert_broken ("<chain id=\"contact-chain\">", "<chain id=\"contact-chain\"><wobble/>",
                 "<wobble> is not an element of the manual", TRUE);
  assert_broken ("<para id=\"levels-intro\">", "<role id=\"r\" ref=\"top\" kind=\"other\"><text>x</text></role><para id=\"levels-intro\">",
                 "<role> does not belong in the section “levels”", TRUE);
  assert_broken ("<para id=\"levels-intro\">", "stray words<para id=\"levels-intro\">",
                 "text outside <title> or <text>", TRUE);
  assert_broken ("<title>Report first</title>", "<title>   </title>", "<title> is empty", TRUE);
  assert_broken ("<manual version=\"3\">", "<manual>", "version", TRUE);
  assert_broken ("<manual version=\"3\">", "<manual version=\"one\">", "must be a whole number", TRUE);
  assert_broken ("<procedure id=\"tamper-0\" level=\"0\">", "<procedure id=\"tamper-0\" level=\"1\">",
                 "the procedure for damage level 1 is written twice", TRUE);
  assert_broken ("<step id=\"continuity-prepare\">", "<step id=\"continuity-prepare\" colour=\"red\">",
                 "colour", TRUE);
  assert_broken ("<section id=\"continuity\">", "<section id=\"continuity-x\">",
                 "<step> does not belong in the section “continuity-x”", FALSE);
}

/* Any truncation fails cleanly, never half-loads. */
static void
test_truncated (void)
{
  g_autofree char *xml = bundled_xml ();
  gsize len = strlen (xml);

  for (gsize cut = 0; cut < len - 2; cut += 97)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeManual) manual = sonae_manual_load_from_data (xml, cut, &error);

      g_assert_null (manual);
      g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
    }
}

/* ------------------------------------------------------------------ */
/* Translation */

static void
collect_text (GHashTable            *msgids,
              const SonaeManualText *text)
{
  if (text == NULL)
    return;
  for (guint i = 0; i < SONAE_MANUAL_N_VARIANTS; i++)
    if (text->source[i])
      g_hash_table_add (msgids, g_strdup (text->source[i]));
}

static GHashTable *
manual_sources (SonaeManual *manual)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *list;

  collect_text (set, sonae_manual_get_title (manual));
  list = sonae_manual_get_sections (manual);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeManualSection *s = g_ptr_array_index (list, i);

      collect_text (set, s->title);
      for (guint j = 0; j < s->paras->len; j++)
        collect_text (set, ((SonaeManualPara *) g_ptr_array_index (s->paras, j))->text);
    }
  list = sonae_manual_get_principles (manual);
  for (guint i = 0; i < list->len; i++)
    {
      collect_text (set, ((SonaeManualPrinciple *) g_ptr_array_index (list, i))->title);
      collect_text (set, ((SonaeManualPrinciple *) g_ptr_array_index (list, i))->text);
    }
  list = sonae_manual_get_roles (manual);
  for (guint i = 0; i < list->len; i++)
    collect_text (set, ((SonaeManualRole *) g_ptr_array_index (list, i))->text);
  for (int l = 0; l < SONAE_MANUAL_N_LEVELS; l++)
    {
      const SonaeManualReport *r = sonae_manual_get_report (manual, l);

      collect_text (set, sonae_manual_get_level (manual, l)->title);
      collect_text (set, sonae_manual_get_level (manual, l)->text);
      collect_text (set, r->text);
      for (guint j = 0; j < r->bodies->len; j++)
        collect_text (set, ((SonaeManualBody *) g_ptr_array_index (r->bodies, j))->text);
    }
  list = sonae_manual_get_incidents (manual);
  for (guint i = 0; i < list->len; i++)
    {
      SonaeManualIncident *incident = g_ptr_array_index (list, i);

      collect_text (set, incident->title);
      collect_text (set, incident->text);
      for (guint j = 0; j < incident->procedures->len; j++)
        {
          SonaeManualProcedure *proc = g_ptr_array_index (incident->procedures, j);

          collect_text (set, proc->title);
          collect_text (set, proc->text);
          for (guint k = 0; k < proc->steps->len; k++)
            {
              collect_text (set, ((SonaeManualStep *) g_ptr_array_index (proc->steps, k))->title);
              collect_text (set, ((SonaeManualStep *) g_ptr_array_index (proc->steps, k))->text);
            }
        }
    }
  list = sonae_manual_get_authorities (manual);
  for (guint i = 0; i < list->len; i++)
    collect_text (set, ((SonaeManualBody *) g_ptr_array_index (list, i))->text);
  list = sonae_manual_get_continuity (manual);
  for (guint i = 0; i < list->len; i++)
    {
      collect_text (set, ((SonaeManualStep *) g_ptr_array_index (list, i))->title);
      collect_text (set, ((SonaeManualStep *) g_ptr_array_index (list, i))->text);
    }
  return set;
}

/* What xgettext extracts with the ITS rules is exactly what the loader looks
 * up: no text of the manual can miss its translation. */
static void
test_msgids_match_extraction (void)
{
  const char *root = g_getenv ("SONAE_SOURCE_ROOT");
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *datadir = NULL;
  g_autofree char *pot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManual) manual = load_bundled ();
  g_autoptr(GHashTable) sources = manual_sources (manual);
  g_autoptr(GHashTable) extracted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) envp = NULL;
  int status = 0;
  const char *argv[] = { NULL, "--from-code=UTF-8", "--no-wrap", "--output=-",
                         "data/content/manual.xml", NULL };

  if (root == NULL || xgettext == NULL)
    {
      g_test_skip ("needs xgettext and SONAE_SOURCE_ROOT");
      return;
    }
  argv[0] = xgettext;
  datadir = g_build_filename (root, "data", "content", NULL);
  envp = g_environ_setenv (g_get_environ (), "GETTEXTDATADIRS", datadir, TRUE);
  g_spawn_sync (root, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &pot, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (pot, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "msgid \""))
      {
        g_autofree char *quoted = g_strndup (lines[i] + 7, strlen (lines[i]) - 8);

        if (*quoted != '\0')  /* not the header */
          g_hash_table_add (extracted, g_strcompress (quoted));
      }

  g_assert_cmpuint (g_hash_table_size (extracted), >, 100);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, sources);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (extracted, key))
        g_error ("the manual looks up “%s”, which xgettext does not extract", (char *) key);
    g_hash_table_iter_init (&iter, extracted);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (sources, key))
        g_error ("xgettext extracts “%s”, which the manual never looks up", (char *) key);
  }
}

/* With a Japanese catalogue, the texts come out in Japanese at load time,
 * and the source stays English. */
static void
test_translated_at_load (void)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *dir = NULL;
  g_autofree char *po = NULL;
  g_autofree char *modir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *old_locale = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  const SonaeManualPrinciple *p;
  const char *argv[] = { NULL, "--output-file", NULL, NULL, NULL };
  int status = 0;

  if (msgfmt == NULL)
    {
      g_test_skip ("needs msgfmt");
      return;
    }
  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL && setlocale (LC_ALL, "ja_JP.utf8") == NULL)
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }

  dir = sonae_test_make_dir ();
  modir = g_build_filename (dir, "ja", "LC_MESSAGES", NULL);
  g_mkdir_with_parents (modir, 0700);
  po = g_build_filename (dir, "test.po", NULL);
  mo = g_build_filename (modir, GETTEXT_PACKAGE ".mo", NULL);
  g_file_set_contents (po,
                       "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                       "msgid \"Report first\"\nmsgstr \"まず報告\"\n\n"
                       "msgid \"Tom &amp; Jerry\"\nmsgstr \"トム&amp;ジェリー\"\n",
                       -1, &error);
  g_assert_no_error (error);
  argv[0] = msgfmt;
  argv[2] = mo;
  argv[3] = po;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* An ampersand goes through as xgettext writes it. */
  {
    g_autoptr(GString) s = g_string_new (NULL);

    xml = bundled_xml ();
    g_string_assign (s, xml);
    g_string_replace (s, "<title>Never handle it alone</title>", "<title>Tom &amp; Jerry</title>", 1);
    manual = sonae_manual_load_from_data (s->str, s->len, &error);
  }
  g_assert_no_error (error);

  p = g_ptr_array_index (sonae_manual_get_principles (manual), 0);
  g_assert_cmpstr (sonae_manual_text_get (p->title, SONAE_ORG_CLINIC), ==, "まず報告");
  g_assert_cmpstr (sonae_manual_text_get_source (p->title, SONAE_ORG_CLINIC), ==, "Report first");
  p = g_ptr_array_index (sonae_manual_get_principles (manual), 2);
  g_assert_cmpstr (sonae_manual_text_get (p->title, SONAE_ORG_CLINIC), ==, "トム&ジェリー");
  g_assert_cmpstr (sonae_manual_text_get_source (p->title, SONAE_ORG_CLINIC), ==, "Tom & Jerry");
  /* Untranslated texts stay in English. */
  p = g_ptr_array_index (sonae_manual_get_principles (manual), 3);
  g_assert_cmpstr (sonae_manual_text_get (p->title, SONAE_ORG_CLINIC), ==, "Report it, even a mistake of your own");

  setlocale (LC_ALL, old_locale);
  sonae_test_remove_dir (dir);
}

/* Facts of the checks of 2026-12 (CONTENT.md, "Corrections and
 * additions"): evidence before malware is removed; a clinic's records
 * come back whole (医師法24条2項); reports go along the contact chain. */
static void
test_bundled_corrections (void)
{
  g_autoptr(SonaeManual) manual = load_bundled ();
  const SonaeManualStep *step;

  for (guint i = 0; i < 2; i++)
    {
      step = sonae_manual_get_step (manual, i == 0 ? "tamper-3-data" : "tamper-2-data");
      g_assert_nonnull (strstr (sonae_manual_text_get (step->text, SONAE_ORG_CLINIC), "Medical records must come back whole"));
      g_assert_null (strstr (sonae_manual_text_get (step->text, SONAE_ORG_BUSINESS), "Medical"));
    }
  step = sonae_manual_get_step (manual, "malware-staff-evidence");
  g_assert_nonnull (step);
  g_assert_nonnull (strstr (sonae_manual_text_get (step->text, SONAE_ORG_CLINIC), "Before anything is removed"));
  g_assert_nonnull (strstr (sonae_manual_text_get (step->text, SONAE_ORG_CLINIC), "keep the logs"));
  /* Removing comes after the evidence, in the order of the steps too. */
  {
    const SonaeManualProcedure *staff = sonae_manual_get_procedure (manual, SONAE_INCIDENT_MALWARE, SONAE_MANUAL_ANY_LEVEL);
    int evidence = -1, removal = -1;

    g_assert_nonnull (staff);
    for (guint i = 0; i < staff->steps->len; i++)
      {
        const SonaeManualStep *s = g_ptr_array_index (staff->steps, i);

        if (g_str_equal (s->id, "malware-staff-evidence"))
          evidence = (int) i;
        else if (g_str_equal (s->id, "malware-staff-remove"))
          removal = (int) i;
      }
    g_assert_cmpint (evidence, >=, 0);
    g_assert_cmpint (removal, >, evidence);
    step = g_ptr_array_index (staff->steps, removal);
    g_assert_nonnull (strstr (sonae_manual_text_get (step->text, SONAE_ORG_CLINIC), "Once the evidence is kept"));
  }
  step = sonae_manual_get_step (manual, "leak-3-report");
  g_assert_nonnull (strstr (sonae_manual_text_get (step->text, SONAE_ORG_CLINIC), "along the contact chain"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/bundled/sections", test_bundled_sections);
  g_test_add_func ("/content/bundled/roles-and-levels", test_bundled_roles_and_levels);
  g_test_add_func ("/content/bundled/procedures", test_bundled_procedures);
  g_test_add_func ("/content/bundled/authorities", test_bundled_authorities);
  g_test_add_func ("/content/bundled/corrections", test_bundled_corrections);
  g_test_add_func ("/content/responder-override", test_responder_override);
  g_test_add_func ("/content/broken/xml", test_broken_xml);
  g_test_add_func ("/content/broken/role", test_broken_role);
  g_test_add_func ("/content/broken/authority", test_broken_authority);
  g_test_add_func ("/content/broken/ids", test_broken_ids);
  g_test_add_func ("/content/broken/levels", test_broken_levels);
  g_test_add_func ("/content/broken/structure", test_broken_structure);
  g_test_add_func ("/content/broken/truncated", test_truncated);
  g_test_add_func ("/content/msgids-match-extraction", test_msgids_match_extraction);
  g_test_add_func ("/content/translated-at-load", test_translated_at_load);

  return g_test_run ();
}
