/* sonae-docs.h: the builders of the documents Sonae prints.
 *
 * Adding a document is one builder here and one row in the table of
 * sonae-documents.c. */
#pragma once

#include "sonae-document-builder.h"
#include "sonae-incident.h"

G_BEGIN_DECLS

/* A document of the catalogue with no blocks yet: titled from it, with the
 * organisation's name from the store's profile and the date from
 * sonae_clock_now() in every page's header, its dates written as the
 * store's date style says for the language of the messages
 * (sonae-documents.c). */
SonaeDocument *sonae_doc_new (SonaeStore *store,
                              const char *name,
                              SonaePaper  paper);

typedef SonaeDocument *(*SonaeDocBuildFunc) (SonaeStore  *store,
                                             SonaePaper   paper,
                                             GError     **error);

SonaeDocument *sonae_doc_roster_build   (SonaeStore  *store,
                                         SonaePaper   paper,
                                         GError     **error);
SonaeDocument *sonae_doc_calltree_build (SonaeStore  *store,
                                         SonaePaper   paper,
                                         GError     **error);
SonaeDocument *sonae_doc_poster_build   (SonaeStore  *store,
                                         SonaePaper   paper,
                                         GError     **error);
SonaeDocument *sonae_doc_manual_build   (SonaeStore  *store,
                                         SonaePaper   paper,
                                         GError     **error);

/* Documents about one incident (SONAE_DOCUMENT_FOR_INCIDENT in sonae-documents.h). */
typedef SonaeDocument *(*SonaeDocIncidentBuildFunc) (SonaeStore  *store,
                                                     gint64       incident_id,
                                                     SonaePaper   paper,
                                                     GError     **error);

/* The blank checklist for the wall, and the filled one of an incident. */
SonaeDocument *sonae_doc_checklist_build              (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_checklist_build_for_incident (SonaeStore  *store,
                                                       gint64       incident_id,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_timeline_build_for_incident  (SonaeStore  *store,
                                                       gint64       incident_id,
                                                       SonaePaper   paper,
                                                       GError     **error);
/* Blank paper forms for when no computer works. */
SonaeDocument *sonae_doc_logsheet_build               (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
/* Sheets to put up (sonae-doc-signs.c): the “Do not use” sign for a
 * suspect computer, and the notice for patients or customers at the desk. */
SonaeDocument *sonae_doc_do_not_use_build             (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_desk_notice_build            (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);

/* The reporting documents: the incident report (seed 004's form) and the
 * draft of the PPC's nine report items, blank or about one incident; the
 * PPC's reporting rules; the register of a year's incidents
 * (SONAE_DOCUMENT_FOR_YEAR in sonae-documents.h), on A4 turned sideways. */
SonaeDocument *sonae_doc_report_build                 (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_ppc_draft_build              (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_ppc_rules_build              (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_report_build_for_incident    (SonaeStore  *store,
                                                       gint64       incident_id,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_ppc_draft_build_for_incident (SonaeStore  *store,
                                                       gint64       incident_id,
                                                       SonaePaper   paper,
                                                       GError     **error);
typedef SonaeDocument *(*SonaeDocYearBuildFunc) (SonaeStore  *store,
                                                 int          year,
                                                 SonaePaper   paper,
                                                 GError     **error);
/* This year's register (sonae_clock_today()). */
SonaeDocument *sonae_doc_register_build               (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
/* @year 0: this year; otherwise 1970–9999, else SONAE_ERROR_INVALID. */
SonaeDocument *sonae_doc_register_build_for_year      (SonaeStore  *store,
                                                       int          year,
                                                       SonaePaper   paper,
                                                       GError     **error);

/* The business-continuity plan (sonae-bcp.h): the filled worksheets of
 * the five IT-BCP steps, the risk register and the self-check, A4; and
 * the outage card, one A4 page for each system: what it is, the vendor's
 * support line and contract number, who decides what, the first steps,
 * how work goes on on paper, where the paper forms are. Without a system
 * (sonae_documents_build) the outage cards of every system, in recovery
 * order; a blank card to fill in by hand when the plan has none. */
typedef SonaeDocument *(*SonaeDocSystemBuildFunc) (SonaeStore  *store,
                                                   gint64       system_id,
                                                   SonaePaper   paper,
                                                   GError     **error);
SonaeDocument *sonae_doc_bcp_build                    (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_outage_card_build            (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);
SonaeDocument *sonae_doc_outage_card_build_for_system (SonaeStore  *store,
                                                       gint64       system_id,
                                                       SonaePaper   paper,
                                                       GError     **error);

/* The MHLW cyber-security checklist (sonae-mhlw.h), for a clinic or a
 * hospital: the items in the order and numbering of the MHLW's form with
 * its columns (はい / いいえ, the day checked, the target of a いいえ,
 * notes), then each vendor's list and MDS/SDS. */
SonaeDocument *sonae_doc_mhlw_checklist_build         (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);

/* The binder: a cover (organisation, date, “keep this copy on paper, off
 * the network”), a table of contents with page numbers, then the poster,
 * the call tree, the roster, the manual, the blank checklist, the log
 * sheets, the blank incident report, the PPC's reporting rules, the blank
 * PPC sheet, the “Do not use” sign, the notice for the desk, the BCP
 * worksheets, for a clinic or a hospital the MHLW
 * checklist, and every outage card, each part a bookmark
 * with its own headings under it. */
SonaeDocument *sonae_doc_binder_build                 (SonaeStore  *store,
                                                       SonaePaper   paper,
                                                       GError     **error);

/* Shared by the incident documents (sonae-doc-checklist.c). */

/* A document @name about @incident: titled with its number, marked as a
 * drill on every page when it is one. */
SonaeDocument *sonae_doc_new_for_incident_doc (SonaeStore          *store,
                                               const char          *name,
                                               const SonaeIncident *incident,
                                               SonaePaper           paper);
/* The incident's details as key-value lines; @checklist (may be NULL)
 * names the choices of the details its fields stand for. */
void           sonae_doc_add_incident_details (SonaeDocument       *doc,
                                               const SonaeIncident *incident,
                                               SonaeChecklist      *checklist);

/* Shared by the contact documents (sonae-doc-contact.c). */

/* A contact's phones with the mobile ones first; borrowed SonaeLabeled. */
GPtrArray *sonae_doc_phones_mobile_first (SonaeContact *contact);
/* Markup lines "number label" for every phone (mobile first), joined by
 * newlines, the numbers in bold when @bold, the label in the words of the
 * contact's group (a vendor's support line), then the hours the numbers
 * answer when the contact has them; "" when there is no number. */
char      *sonae_doc_phones_markup       (SonaeContact *contact,
                                          gboolean      bold);
/* The same, then for a contact with no number a line to write one on by
 * hand and a sentence saying to fill it in: on paper every contact has a
 * number or a place for one, never a web address alone. */
char      *sonae_doc_phones_or_write_in  (SonaeContact *contact,
                                          gboolean      bold);
/* @label (plain; may be NULL) and a ruled line of @length full-width
 * characters to write on by hand, as markup: “Phone: ＿＿＿＿”. */
char      *sonae_doc_write_in_markup     (const char   *label,
                                          guint         length);
/* Markup lines for every e-mail address; "" when there is none. */
char      *sonae_doc_emails_markup       (SonaeContact *contact);
/* Name in bold, then the reading (with @reading), then organisation,
 * department and title; the organisation is left out when it is
 * @own_organisation (the staff of the clinic printing the list). */
char      *sonae_doc_name_markup         (SonaeContact *contact,
                                          const char   *own_organisation,
                                          gboolean      reading);

G_END_DECLS
