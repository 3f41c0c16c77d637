/* sonae-documents.c: the catalogue of the documents Sonae prints: their
 * names, titles and builders */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-clock.h"
#include "sonae-docs.h"
#include "sonae-documents.h"
#include "sonae-error.h"
#include "sonae-mhlw.h"

/* Every document, in menu order: its command-line name, its title, its
 * builder without an incident (NULL when it needs one), for one (NULL
 * when it takes none) and for a year (NULL when it takes none), and for
 * a document that only some organisations keep, why another has none. */
static const struct {
  const char *name;
  const char *title;
  SonaeDocBuildFunc build;
  SonaeDocIncidentBuildFunc build_for_incident;
  SonaeDocYearBuildFunc build_for_year;   /* NULL when it takes no year */
  SonaeDocSystemBuildFunc build_for_system; /* NULL when it takes no system */
  const char *(*unavailable) (SonaeStore *store);  /* NULL: every organisation */
} documents[] = {
  { "roster", N_("Contact Roster"), sonae_doc_roster_build, NULL, NULL, NULL },
  { "calltree", N_("Call Tree"), sonae_doc_calltree_build, NULL, NULL, NULL },
  { "poster", N_("First-Response Poster"), sonae_doc_poster_build, NULL, NULL, NULL },
  { "manual", N_("Emergency Manual"), sonae_doc_manual_build, NULL, NULL, NULL },
  { "checklist", N_("Incident Checklist"), sonae_doc_checklist_build, sonae_doc_checklist_build_for_incident, NULL, NULL },
  { "timeline", N_("Incident Timeline"), NULL, sonae_doc_timeline_build_for_incident, NULL, NULL },
  { "logsheet", N_("Paper Log Sheets"), sonae_doc_logsheet_build, NULL, NULL, NULL },
  { "report", N_("Incident Report"), sonae_doc_report_build, sonae_doc_report_build_for_incident, NULL, NULL },
  { "ppc-draft", N_("PPC Report Draft"), sonae_doc_ppc_draft_build, sonae_doc_ppc_draft_build_for_incident, NULL, NULL },
  { "ppc-rules", N_("PPC Reporting Rules"), sonae_doc_ppc_rules_build, NULL, NULL, NULL },
  { "do-not-use", N_("“Do Not Use” Sign"), sonae_doc_do_not_use_build, NULL, NULL, NULL },
  { "desk-notice", N_("Notice for the Front Desk"), sonae_doc_desk_notice_build, NULL, NULL, NULL },
  { "register", N_("Incident Register"), sonae_doc_register_build, NULL, sonae_doc_register_build_for_year, NULL },
  { "bcp", N_("BCP Worksheets"), sonae_doc_bcp_build, NULL, NULL, NULL },
  { "outage-card", N_("Outage Cards"), sonae_doc_outage_card_build, NULL, NULL, sonae_doc_outage_card_build_for_system },
  { "mhlw-checklist", N_("MHLW Cyber-Security Checklist"), sonae_doc_mhlw_checklist_build, NULL, NULL, NULL,
    sonae_mhlw_get_unavailable_reason },
  { "binder", N_("Emergency Binder"), sonae_doc_binder_build, NULL, NULL, NULL },
};

static int
find_document (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (documents); i++)
    if (g_str_equal (documents[i].name, name))
      return (int) i;
  return -1;
}

const char *const *
sonae_documents_get_names (void)
{
  static const char *names[G_N_ELEMENTS (documents) + 1];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
        names[i] = documents[i].name;
      names[G_N_ELEMENTS (documents)] = NULL;
      g_once_init_leave (&initialised, 1);
    }
  return names;
}

const char *
sonae_documents_get_title (const char *name)
{
  int i = find_document (name);

  return i < 0 ? NULL : _(documents[i].title);
}

static gboolean
set_unknown_document (GError    **error,
                      const char *name)
{
  g_set_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND,
               _("There is no document called “%s”."), name);
  return FALSE;
}

/* What a document is built for: nothing, one incident, one year, one system. */
typedef enum {
  FOR_NOTHING,
  FOR_INCIDENT,
  FOR_YEAR,
  FOR_SYSTEM,
} BuiltFor;

static gboolean
has_builder (int      i,
             BuiltFor what)
{
  switch (what)
    {
    case FOR_NOTHING:
      return documents[i].build != NULL;
    case FOR_INCIDENT:
      return documents[i].build_for_incident != NULL;
    case FOR_YEAR:
      return documents[i].build_for_year != NULL;
    case FOR_SYSTEM:
    default:
      return documents[i].build_for_system != NULL;
    }
}

/* The index of document @name when it can be built for @what; else -1
 * with SONAE_ERROR_NOT_FOUND or a sentence saying how to print it. */
static int
find_document_for (const char  *name,
                   BuiltFor     what,
                   GError     **error)
{
  int i = find_document (name);
  const char *title;

  if (i < 0)
    {
      set_unknown_document (error, name);
      return -1;
    }
  if (has_builder (i, what))
    return i;

  title = _(documents[i].title);
  switch (what)
    {
    case FOR_NOTHING:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   /* Translators: %s is a document title such as “Incident Timeline” */
                   _("The %s is about one incident: choose the incident to print (on the command line, add --incident NUMBER)."),
                   title);
      break;
    case FOR_INCIDENT:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   /* Translators: %s is a document title such as “Contact Roster” */
                   _("The %s is not about one incident: print it without choosing an incident."),
                   title);
      break;
    case FOR_YEAR:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   /* Translators: %s is a document title such as “Contact Roster” */
                   _("The %s is not about one year: print it without choosing a year."),
                   title);
      break;
    case FOR_SYSTEM:
    default:
      g_set_error (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                   /* Translators: %s is a document title such as “Contact Roster” */
                   _("The %s is not about one system: print it without choosing a system."),
                   title);
      break;
    }
  return -1;
}

SonaeDocument *
sonae_documents_build (SonaeStore  *store,
                       const char  *name,
                       SonaePaper   paper,
                       GError     **error)
{
  SonaeDocumentRequest request = SONAE_DOCUMENT_REQUEST_INIT (name);

  request.paper = paper;
  return sonae_documents_build_request (store, &request, error);
}

gboolean
sonae_documents_takes_incident (const char *name)
{
  int i = find_document (name);

  return i >= 0 && has_builder (i, FOR_INCIDENT);
}

gboolean
sonae_documents_needs_incident (const char *name)
{
  int i = find_document (name);

  return i >= 0 && !has_builder (i, FOR_NOTHING);
}

gboolean
sonae_documents_takes_year (const char *name)
{
  int i = find_document (name);

  return i >= 0 && has_builder (i, FOR_YEAR);
}

gboolean
sonae_documents_takes_system (const char *name)
{
  int i = find_document (name);

  return i >= 0 && has_builder (i, FOR_SYSTEM);
}

const char *
sonae_documents_get_unavailable_reason (SonaeStore *store,
                                        const char *name)
{
  int i = find_document (name);

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  if (i < 0 || documents[i].unavailable == NULL)
    return NULL;
  return documents[i].unavailable (store);
}

SonaeDocument *
sonae_documents_build_request (SonaeStore                 *store,
                               const SonaeDocumentRequest *request,
                               GError                    **error)
{
  SonaeDocumentSubject subject;
  int i;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL && request->name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sonae_documents_get_unavailable_reason (store, request->name) != NULL)
    {
      g_set_error_literal (error, SONAE_ERROR, SONAE_ERROR_INVALID,
                           sonae_documents_get_unavailable_reason (store, request->name));
      return NULL;
    }

  /* No incident is the blank checklist; no system, every system. */
  subject = request->subject;
  if ((subject == SONAE_DOCUMENT_FOR_INCIDENT || subject == SONAE_DOCUMENT_FOR_SYSTEM) && request->id <= 0)
    subject = SONAE_DOCUMENT_FOR_ALL;

  switch (subject)
    {
    case SONAE_DOCUMENT_FOR_INCIDENT:
      i = find_document_for (request->name, FOR_INCIDENT, error);
      return i < 0 ? NULL : documents[i].build_for_incident (store, request->id, request->paper, error);
    case SONAE_DOCUMENT_FOR_YEAR:
      i = find_document_for (request->name, FOR_YEAR, error);
      return i < 0 ? NULL : documents[i].build_for_year (store, request->year, request->paper, error);
    case SONAE_DOCUMENT_FOR_SYSTEM:
      i = find_document_for (request->name, FOR_SYSTEM, error);
      return i < 0 ? NULL : documents[i].build_for_system (store, request->id, request->paper, error);
    case SONAE_DOCUMENT_FOR_ALL:
    default:
      i = find_document_for (request->name, FOR_NOTHING, error);
      return i < 0 ? NULL : documents[i].build (store, request->paper, error);
    }
}

SonaeDocument *
sonae_doc_new (SonaeStore *store,
               const char *name,
               SonaePaper  paper)
{
  g_autoptr(SonaeProfile) profile = NULL;
  g_autoptr(GDateTime) now = sonae_clock_now ();
  SonaeDocument *doc;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  profile = sonae_store_get_profile (store);
  doc = sonae_document_new_blank (name, sonae_documents_get_title (name), paper,
                                  profile ? profile->name : NULL, now);
  /* 2026年12月7日 or 令和8年12月7日 in Japanese, as Preferences say. */
  sonae_document_set_date_style (doc, sonae_date_style_for_print (sonae_store_get_date_style (store)));
  return doc;
}
