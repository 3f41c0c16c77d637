/* sonae-capa.h: what an incident leads to: the handling of the result
 * (結果の処置), corrective actions (再発防止策) and preventive actions
 * (予防処置), each with an owner from the roster, a due date, a status and
 * its confirmation (date, 担当, 承認) — seed 004.
 *
 * An incident cannot be closed while one of its actions is open, unless
 * someone closes that action with a reason; an action added to a closed
 * incident, or reopened there, puts the incident back to recovery (復旧). Every change is recorded in the
 * incident's timeline (an ACTION entry). */
#pragma once

#include <glib.h>

#include "sonae-store.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_CAPA_HANDLING,     /* 結果の処置 */
  SONAE_CAPA_CORRECTIVE,   /* 是正処置・再発防止策 */
  SONAE_CAPA_PREVENTIVE,   /* 予防処置 */
  SONAE_N_CAPA_KINDS,
} SonaeCapaKind;

typedef enum {
  SONAE_CAPA_OPEN,         /* 未完了 */
  SONAE_CAPA_DONE,         /* 完了 (confirmed) */
  SONAE_CAPA_DROPPED,      /* 見送り: closed with a reason */
  SONAE_N_CAPA_STATUSES,
} SonaeCapaStatus;

const char *sonae_capa_kind_to_string     (SonaeCapaKind   kind);    /* "handling", "corrective", "preventive" */
gboolean    sonae_capa_kind_from_string   (const char    *text,
                                           SonaeCapaKind *out_kind);
const char *sonae_capa_kind_get_title     (SonaeCapaKind   kind);    /* translated */
const char *sonae_capa_status_to_string   (SonaeCapaStatus status);  /* "open", "done", "dropped" */
gboolean    sonae_capa_status_from_string (const char      *text,
                                           SonaeCapaStatus *out_status);
const char *sonae_capa_status_get_title   (SonaeCapaStatus status);  /* translated */

typedef struct {
  gint64 id;
  gint64 incident_id;
  SonaeCapaKind kind;
  char *text;                /* what is to be done */
  gint64 owner_id;           /* a roster contact, 0 for none */
  char *owner_name;          /* the contact's name when read (NULL if none or deleted) */
  char *due_on;              /* YYYY-MM-DD or NULL */
  SonaeCapaStatus status;
  char *confirmed_on;        /* DONE: YYYY-MM-DD */
  char *confirmed_by;        /* DONE: 担当, who confirmed it was done */
  char *approved_by;         /* DONE: 承認, who approved it (NULL until approved) */
  char *approved_on;         /* DONE: the day it was approved, YYYY-MM-DD */
  char *reason;              /* DROPPED: why */
  char *created_at;
  char *updated_at;
} SonaeCapa;

SonaeCapa *sonae_capa_new  (void);
void       sonae_capa_free (SonaeCapa *action);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeCapa, sonae_capa_free)

/* Of SonaeCapa, by kind then due date (none last) then id. */
GPtrArray *sonae_capa_list       (SonaeStore *self,
                                  gint64      incident_id,
                                  GError    **error);
/* Every open action of every incident (drills included; reminders filter
 * them out), by due date. */
GPtrArray *sonae_capa_list_open  (SonaeStore *self,
                                  GError    **error);
SonaeCapa *sonae_capa_get        (SonaeStore *self,
                                  gint64      action_id,
                                  GError    **error);
/* Insert (id == 0; id and created_at are set) or update kind, text, owner
 * and due date. The text may not be empty; the due date must be a real
 * date (it may be in the past: an action is often recorded late). */
gboolean   sonae_capa_save       (SonaeStore *self,
                                  SonaeCapa  *action,
                                  const char *author,
                                  GError    **error);
/* Mark done with its confirmation (date not in the future; 担当 required,
 * 承認 may be NULL until approved; when given, it is approved on
 * @confirmed_on). */
gboolean   sonae_capa_complete   (SonaeStore *self,
                                  gint64      action_id,
                                  const char *confirmed_on,
                                  const char *confirmed_by,
                                  const char *approved_by,
                                  const char *author,
                                  GError    **error);
/* Approve (承認) a done action, or change who approved it and when
 * (@approved_on not in the future, not before it was confirmed; NULL for
 * today). @approved_by NULL or blank withdraws the approval. Only a DONE
 * action can be approved (SONAE_ERROR_INVALID otherwise). */
gboolean   sonae_capa_approve    (SonaeStore *self,
                                  gint64      action_id,
                                  const char *approved_on,
                                  const char *approved_by,
                                  const char *author,
                                  GError    **error);
/* Close without doing it; @reason required. */
gboolean   sonae_capa_drop       (SonaeStore *self,
                                  gint64      action_id,
                                  const char *reason,
                                  const char *author,
                                  GError    **error);
/* Back to open (a mistake, or it turned out not to work). */
gboolean   sonae_capa_reopen     (SonaeStore *self,
                                  gint64      action_id,
                                  const char *author,
                                  GError    **error);
guint      sonae_capa_count_open (SonaeStore *self,
                                  gint64      incident_id);

G_END_DECLS
