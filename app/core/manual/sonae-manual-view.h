/* sonae-manual-view.h: the organisation's own manual, as it is shown and
 * printed: the bundled manual (sonae-manual.h) merged with the changes kept
 * in the database (sonae-manual-edits.h) and filled in from the roster.
 *
 * A view is a snapshot: build a new one after the store emits "changed".
 *
 * How stored changes apply, by item id:
 * - an edit's text replaces the text of the item (paragraph, principle,
 *   role, level, report, body, incident, procedure or step); the item id
 *   with SONAE_MANUAL_TITLE_SUFFIX ("leak-3-report/title") replaces its
 *   title; an edit's role replaces the responsible role of a step;
 * - an edit made on a bundled (English source) text that a later Sonae has
 *   since changed is flagged needs_review: both texts are kept, neither is
 *   overwritten;
 * - removed paragraphs, principles, steps and bodies of the authorities
 *   section are left out;
 * - siblings are ordered by position: the bundled item at index i (from 0)
 *   has position i unless it was moved; moved and added items sit at their
 *   stored position, before a bundled item of the same position;
 * - a step added under a procedure id is a step of it; added under the
 *   "continuity" section it is an IT-BCP step; added under any other section
 *   it is a paragraph of that section;
 * - the levels' responding roles chosen by the organisation
 *   (sonae_manual_edits_get_level_role) are set on the manual
 *   (sonae_manual_set_responder), so the levels section and the
 *   escalation rule agree. */
#pragma once

#include <glib.h>

#include "sonae-escalation.h"
#include "sonae-manual.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_MANUAL_TITLE_SUFFIX "/title"

/* A manual not reviewed for this many days needs attention. */
#define SONAE_MANUAL_REVIEW_DAYS 365

typedef enum {
  SONAE_MANUAL_ITEM_SECTION,
  SONAE_MANUAL_ITEM_PARA,
  SONAE_MANUAL_ITEM_PRINCIPLE,
  SONAE_MANUAL_ITEM_ROLE,
  SONAE_MANUAL_ITEM_LEVEL,
  SONAE_MANUAL_ITEM_REPORT,
  SONAE_MANUAL_ITEM_BODY,
  SONAE_MANUAL_ITEM_INCIDENT,
  SONAE_MANUAL_ITEM_PROCEDURE,
  SONAE_MANUAL_ITEM_STEP,
} SonaeManualItemKind;

typedef struct _SonaeManualViewItem SonaeManualViewItem;

/* One part of the effective manual. Owned by the view, read-only. */
struct _SonaeManualViewItem {
  SonaeManualItemKind kind;
  char *id;                  /* the bundled id, or "local-N" for an added one */
  char *section_id;          /* the section it is in */
  char *parent_id;           /* the section, incident, procedure or report it belongs to; NULL for sections */
  guint number;              /* 1-based among the siblings shown: section and step numbers */

  char *title;               /* effective title, translated; NULL when it has none */
  char *text;                /* effective text; NULL when it has none */
  char *role_key;            /* steps: effective responsible role; roles: the role; levels: the responder */

  /* The bundled version, for “reset to bundled”: translated text and title
   * and role (all NULL for an added item), and the current English source
   * texts, to pass as base_text when storing an edit. */
  char *bundled_title;
  char *bundled_text;
  char *bundled_role_key;
  char *source_title;
  char *source_text;

  gboolean added;            /* the organisation's own */
  gboolean edited;           /* text, title or role changed here (levels: responder changed) */
  gboolean text_edited;
  gboolean title_edited;
  gboolean role_edited;
  gboolean moved;
  /* A later Sonae changed the bundled text under a local edit: *_base is
   * the source text the edit was made on, source_* the current one. */
  gboolean needs_review;
  char *text_base;
  char *title_base;
  double position;           /* order among siblings (see above) */

  /* By kind */
  int level;                 /* levels, reports, procedures: 0..3, or SONAE_MANUAL_ANY_LEVEL */
  SonaeIncidentType incident_type;  /* incidents, procedures, their steps */
  SonaeManualSectionKind section_kind;  /* sections */
  char *authority_key;       /* bodies */
  gboolean optional;         /* bodies: may be told, need not be */
  gboolean response_role;    /* roles: one of the three response roles */

  GPtrArray *paras;          /* sections: of SonaeManualViewItem (PARA), in order */
  GPtrArray *children;       /* in order: a section's principles, roles, levels, reports, incidents, bodies
                              * or IT-BCP steps; an incident's procedures; a procedure's or a report's
                              * steps or bodies */
};

typedef struct _SonaeManualView SonaeManualView;

/* Sets the responders the organisation chose for the levels
 * (sonae_manual_edits_get_level_role) on @manual; the bundled one where it chose
 * none, or a role this version does not know. */
void             sonae_manual_apply_level_roles (SonaeManual  *manual,
                                                 SonaeStore   *store);

/* The manual of the organisation in @store. @manual is the bundled manual
 * (NULL, or the shared one of sonae_manual_get_bundled, loads a copy); the
 * view keeps a reference and sets the stored responders of the levels on
 * it. Fails only when the database cannot be
 * read. */
SonaeManualView *sonae_manual_view_new          (SonaeStore   *store,
                                                 SonaeManual  *manual,
                                                 GError      **error);
void             sonae_manual_view_free         (SonaeManualView *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeManualView, sonae_manual_view_free)

SonaeManual     *sonae_manual_view_get_manual   (SonaeManualView *self);
SonaeOrgKind     sonae_manual_view_get_org_kind (SonaeManualView *self);
/* The manual's translated title. */
const char      *sonae_manual_view_get_title    (SonaeManualView *self);

/* The sections in order (of SonaeManualViewItem, transfer none). */
GPtrArray       *sonae_manual_view_get_sections (SonaeManualView *self);
const SonaeManualViewItem *sonae_manual_view_get_section (SonaeManualView *self,
                                                          const char      *section_id);
/* Any item by id (a bundled or an added one); NULL when it is not shown
 * (unknown or removed). */
const SonaeManualViewItem *sonae_manual_view_lookup      (SonaeManualView *self,
                                                          const char      *item_id);
/* The steps of the procedure for @type and @level as sonae_manual_get_procedure()
 * picks it; NULL when there is none. */
const SonaeManualViewItem *sonae_manual_view_get_procedure (SonaeManualView   *self,
                                                            SonaeIncidentType  type,
                                                            int                level);
/* The items the organisation removed (of SonaeManualViewItem as they were
 * bundled, transfer none), to offer them back. */
GPtrArray       *sonae_manual_view_get_removed  (SonaeManualView *self);
/* How many edits need review. */
guint            sonae_manual_view_count_needs_review (SonaeManualView *self);

/* The position that puts an item at @index (0-based) among @siblings (an
 * item's paras or children), for sonae_manual_edits_add_step() and
 * sonae_manual_edits_move_item(). When moving, @moving_id is the item that
 * moves and @index counts the others only; NULL when adding. */
double           sonae_manual_view_position_at  (GPtrArray  *siblings,
                                                 guint       index,
                                                 const char *moving_id);

/* Who holds @role_key, primary first (of SonaeContact, transfer none;
 * empty when nobody does: show 未設定). */
GPtrArray       *sonae_manual_view_get_holders  (SonaeManualView *self,
                                                 const char      *role_key);
/* The roster's entry of a bundled authority, or NULL. */
SonaeContact    *sonae_manual_view_get_authority (SonaeManualView *self,
                                                  const char      *authority_key);
/* Authorities of the roster the manual does not name (the organisation's
 * own), of SonaeContact, transfer none. */
GPtrArray       *sonae_manual_view_get_other_authorities (SonaeManualView *self);
/* Whom to contact at @level (0..3), from the escalation rule with the
 * organisation's responders (transfer none). */
SonaeEscalation *sonae_manual_view_get_escalation (SonaeManualView *self,
                                                   int              level);

/* The last review: FALSE when the manual was never reviewed. */
gboolean         sonae_manual_view_get_review   (SonaeManualView *self,
                                                 const char     **out_date,
                                                 const char     **out_reviewed_by);
/* TRUE when the manual was never reviewed, or last more than a year ago. */
gboolean         sonae_manual_view_review_due   (SonaeManualView *self);

/* The items whose effective title, text or role name (or, unchanged, their
 * English source) contain every word of @query, with width, case and
 * katakana/hiragana folded; sections match by their title. In the order of
 * the manual; a new array of borrowed SonaeManualViewItem (each knows its
 * section_id). An empty query finds nothing. */
GPtrArray       *sonae_manual_view_search       (SonaeManualView *self,
                                                 const char      *query);

G_END_DECLS
