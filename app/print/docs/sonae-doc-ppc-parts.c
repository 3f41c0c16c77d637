/* sonae-doc-ppc-parts.c: what the PPC's documents print alike: the
 * deciding questions as tick boxes, how to send the report, My Number's
 * own rule */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contacts.h"
#include "sonae-doc-ppc-parts.h"

char *
sonae_doc_ppc_check_markup (const char *text)
{
  /* Translators: a red mark before a fact to check before relying on it */
  g_autofree char *badge = sonae_markup_badge (SONAE_BADGE_WARNING, _("Check"));
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return g_strdup_printf ("%s %s", badge, escaped);
}

/* Question @number on its disc, a hint under it (may be NULL), then the
 * NULL-terminated @answers to tick; kept together on one page. */
static void
add_question (SonaeDocument     *doc,
              guint              number,
              const char        *question,
              const char        *hint,
              const char *const *answers)
{
  g_autofree char *n = g_strdup_printf ("%u", number);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);

  if (hint != NULL)
    text = g_markup_printf_escaped ("%s\n<span size=\"%d\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                                    question, (int) (8.5 * PANGO_SCALE), hint);
  else
    text = g_markup_escape_text (question, -1);
  for (guint i = 0; answers[i] != NULL; i++)
    g_ptr_array_add (options, g_markup_escape_text (answers[i], -1));
  g_ptr_array_add (options, NULL);

  sonae_document_begin_group (doc);
  sonae_document_add_step (doc, SONAE_STYLE_NORMAL, n, text);
  /* Under the question's text, past its disc. */
  sonae_document_set_indent (doc, 20.0);
  sonae_document_add_options (doc, NULL, (const char *const *) options->pdata);
  sonae_document_set_indent (doc, 0);
  sonae_document_add_spacer (doc, 6.0);
  sonae_document_end_group (doc);
}

static gboolean
is_open (SonaeTriageAnswer answer)
{
  return answer != SONAE_ANSWER_YES && answer != SONAE_ANSWER_NO;
}

void
sonae_doc_add_ppc_questions (SonaeDocument            *doc,
                             SonaeOrgKind              kind,
                             const SonaePpcAssessment *assessment)
{
  const char *three[] = {
    sonae_triage_answer_get_label (SONAE_ANSWER_YES),
    sonae_triage_answer_get_label (SONAE_ANSWER_NO),
    sonae_triage_answer_get_label (SONAE_ANSWER_UNKNOWN),
    NULL,
  };
  const char *sure[] = {
    /* Translators: an answer to tick on paper: the data was strongly encrypted, for sure */
    _("Yes, and we are sure"),
    /* Translators: an answer to tick on paper */
    _("No, or not sure"),
    NULL,
  };
  const char *two[] = {
    sonae_triage_answer_get_label (SONAE_ANSWER_YES),
    sonae_triage_answer_get_label (SONAE_ANSWER_NO),
    NULL,
  };
  gboolean all = assessment == NULL;
  guint number = 1;

  g_return_if_fail (doc != NULL);

  /* Collected data taken on purpose decides it alone (2024 amendment). */
  if (all || !assessment->acquiring)
    add_question (doc, number++, sonae_ppc_get_acquiring_question (), sonae_ppc_get_acquiring_hint (), three);
  if (all || is_open (assessment->personal_data))
    add_question (doc, number++, sonae_ppc_get_personal_data_question (), sonae_ppc_get_definitions (), three);
  if (all || (assessment->personal_data != SONAE_ANSWER_NO && !assessment->encrypted))
    add_question (doc, number++, sonae_ppc_get_encrypted_question (),
                  _("Only when you are sure. If in doubt, treat the data as not protected."), sure);
  for (guint c = 0; c < SONAE_PPC_N_CONDITIONS; c++)
    {
      g_autofree char *hint = NULL;

      if (!all && (assessment->personal_data == SONAE_ANSWER_NO || !is_open (assessment->conditions[c])))
        continue;
      /* Translators: the name of a condition, then a hint about it */
      hint = g_strdup_printf (_("%s: %s"), sonae_ppc_condition_get_title (c), sonae_ppc_condition_get_hint (c));
      add_question (doc, number++, sonae_ppc_condition_get_question (c, kind), hint, three);
    }
  if (all || !assessment->processor)
    add_question (doc, number++, sonae_ppc_get_processor_question (), sonae_ppc_get_processor_hint (kind), two);
}

/* The roster's entry for the PPC, or NULL when it was deleted. */
static SonaeContact *
find_ppc (SonaeStore *store)
{
  g_autoptr(GPtrArray) bundled = sonae_contacts_list_bundled (store, NULL);

  for (guint i = 0; bundled != NULL && i < bundled->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (bundled, i);

      if (g_strcmp0 (c->builtin_key, SONAE_PPC_AUTHORITY_KEY) == 0)
        return g_object_ref (c);
    }
  return NULL;
}

void
sonae_doc_add_ppc_submission (SonaeDocument *doc,
                              SonaeStore    *store,
                              SonaeOrgKind   kind)
{
  g_autoptr(SonaeContact) ppc = NULL;
  g_autofree char *note = g_markup_escape_text (sonae_ppc_get_submission_note (), -1);
  const char *delegation = sonae_ppc_get_delegation_note (kind);

  g_return_if_fail (doc != NULL);
  g_return_if_fail (SONAE_IS_STORE (store));

  sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, note);
  ppc = find_ppc (store);
  if (ppc != NULL && ppc->url != NULL && *ppc->url != '\0')
    {
      g_autofree char *url = g_markup_printf_escaped ("<b>%s</b>", ppc->url);

      /* Translators: on paper: where the PPC's report form is */
      sonae_document_add_key_value (doc, _("Report form (web)"), url);
    }
  if (ppc != NULL && sonae_contact_get_first_phone (ppc) != NULL)
    {
      g_autofree char *phone = g_markup_escape_text (sonae_contact_get_first_phone (ppc), -1);

      /* Translators: on paper: the PPC's phone, which gives advice but takes no reports */
      sonae_document_add_key_value (doc, _("Phone (advice only)"), phone);
    }
  if (delegation != NULL)
    {
      g_autofree char *text = g_markup_escape_text (delegation, -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, text);
      sonae_document_add_write_in (doc, _("Where our report goes, if not to the PPC"), 1);
    }
}

void
sonae_doc_add_ppc_my_number (SonaeDocument *doc)
{
  g_autofree char *line = sonae_doc_ppc_check_markup (sonae_ppc_get_my_number_note ());

  g_return_if_fail (doc != NULL);

  sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL, line);
}
