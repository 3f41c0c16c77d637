/* sonae-doc-ppc-parts.h: what the PPC's documents print alike — the
 * reporting rules page, the blank sheet and an incident's draft: the
 * questions that decide whether a leak is reported, as tick boxes to answer
 * by hand; how to send the report; the rules pointed to apart. The words
 * are core's (sonae-ppc.h), as the window shows them. */
#pragma once

#include "sonae-document-builder.h"
#include "sonae-ppc.h"

G_BEGIN_DECLS

/* The questions that decide whether a report is owed, numbered, each with
 * its answers to tick (Yes / No / Don't know yet) or a statement to tick
 * when sure, worded for @kind. @assessment NULL: every question (a blank
 * sheet, numbered 1 collected data taken, 2 personal data, 3 encryption,
 * 4–7 the four conditions in their order, 8 processor); otherwise those
 * still open in it (answered "don't know yet", and the facts that cannot
 * say "not known"). */
void  sonae_doc_add_ppc_questions  (SonaeDocument            *doc,
                                    SonaeOrgKind              kind,
                                    const SonaePpcAssessment *assessment);

/* How to send the report: the PPC's web form (the address from the
 * roster's entry for the PPC, which a person may have updated), that its
 * phone is a consultation line, and for a business that its ministry may
 * take the report instead. */
void  sonae_doc_add_ppc_submission (SonaeDocument            *doc,
                                    SonaeStore               *store,
                                    SonaeOrgKind              kind);

/* My Number's own rule, marked "check before relying on it". */
void  sonae_doc_add_ppc_my_number  (SonaeDocument            *doc);

/* Markup: a red “Check” badge, then @text (plain). */
char *sonae_doc_ppc_check_markup   (const char               *text);

G_END_DECLS
