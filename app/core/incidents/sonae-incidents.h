/* sonae-incidents.h: the incidents in the database: starting one, reading
 * and listing them, changing what they record (status, level, type, event,
 * details, checklist steps). Each change is one transaction with its
 * timeline entry; the timeline itself, with its calls, notes and
 * corrections, is in sonae-timeline.h. */
#pragma once

#include "sonae-incident.h"
#include "sonae-store.h"

G_BEGIN_DECLS

/* Start an incident: gives @incident its id, number, created_at and
 * created_by, and records an OPENED entry with triage's answers and, when
 * @proposal is not NULL, what it proposed with the reasons; for each of
 * type, level and event that the person changed from the proposal, a TYPE,
 * LEVEL or EVENT entry says so. @incident's detected_at defaults to now. */
gboolean       sonae_incidents_create (SonaeStore                *self,
                                       SonaeIncident             *incident,
                                       const SonaeTriageProposal *proposal,
                                       const char                *author,
                                       GError                   **error);
SonaeIncident *sonae_incidents_get    (SonaeStore *self,
                                       gint64      id,
                                       GError    **error);
/* By number ("2026-001") or by id ("12"); SONAE_ERROR_NOT_FOUND otherwise. */
SonaeIncident *sonae_incidents_find   (SonaeStore *self,
                                       const char *number_or_id,
                                       GError    **error);

typedef struct {
  int status;                /* a SonaeIncidentStatus, or -1 for any */
  int drill;                 /* 1 drills only, 0 real incidents only, -1 both */
  int year;                  /* 0 for any */
  const char *search;        /* matched (folded like contacts) against number, title,
                              * details and the type, level and status titles; may be NULL */
  gboolean open_only;        /* not closed */
} SonaeIncidentFilter;

#define SONAE_INCIDENT_FILTER_ALL { -1, -1, 0, NULL, FALSE }

/* Newest first (by detected_at, then number). Of SonaeIncident, without
 * steps and fields filled (empty tables). */
GPtrArray *sonae_incidents_list (SonaeStore                *self,
                                 const SonaeIncidentFilter *filter,
                                 GError                   **error);
/* How many incidents there are (drills included), without reading them. */
guint      sonae_incidents_count (SonaeStore                *self);
/* The years that have incidents (the year of their number, which the
 * filter's year matches), newest first: a GArray of int, empty on an
 * error. */
GArray    *sonae_incidents_list_years (SonaeStore         *self);

/* The changes. @author is who made it (may not be empty); @at is when it
 * happened for back-entry from paper, or NULL for now. A back-entered time
 * in the future is refused. Each is one transaction with its entry; a
 * change to the value already there records nothing and succeeds. */
gboolean sonae_incidents_set_status     (SonaeStore         *self,
                                         gint64              id,
                                         SonaeIncidentStatus status,
                                         const char         *author,
                                         const char         *at,
                                         GError            **error);
gboolean sonae_incidents_set_level      (SonaeStore *self,
                                         gint64      id,
                                         int         level,
                                         const char *author,
                                         const char *comment,   /* why; may be NULL */
                                         GError    **error);
gboolean sonae_incidents_set_type       (SonaeStore       *self,
                                         gint64            id,
                                         SonaeIncidentType type,
                                         const char       *author,
                                         const char       *comment,
                                         GError          **error);
gboolean sonae_incidents_set_event      (SonaeStore    *self,
                                         gint64         id,
                                         SonaeEventType event,
                                         const char    *author,
                                         const char    *comment,
                                         GError       **error);
/* @detail is a SONAE_INCIDENT_DETAIL_*; @value NULL or "" clears it (not the
 * title). detected_at is checked with sonae_datetime_parse. */
gboolean sonae_incidents_set_detail     (SonaeStore *self,
                                         gint64      id,
                                         const char *detail,
                                         const char *value,
                                         const char *author,
                                         GError    **error);
/* Mark a step done (or not). */
gboolean sonae_incidents_check_step     (SonaeStore *self,
                                         gint64      id,
                                         const char *step_id,
                                         gboolean    done,
                                         const char *author,
                                         const char *at,
                                         GError    **error);
/* Mark a step as not applicable (or open again): a step that does not
 * concern this incident, such as checking the network cables after a fax
 * went to the wrong number. A step done cannot be marked (untick it
 * first); ticking a step marked not applicable makes it done. Recorded in
 * the timeline (NOT_APPLICABLE, APPLICABLE); marking a step as it is
 * already records nothing. */
gboolean sonae_incidents_set_step_not_applicable (SonaeStore *self,
                                                  gint64      id,
                                                  const char *step_id,
                                                  gboolean    not_applicable,
                                                  const char *author,
                                                  const char *at,
                                                  GError    **error);
/* Set a field's value (NULL or "" clears it). A bound field sets the
 * incident's detail instead. Recorded in the timeline (FIELD) only when the
 * step is already done: until then the fields are working notes, and
 * checking the step records them. */
gboolean sonae_incidents_set_step_field (SonaeStore                *self,
                                         gint64                     id,
                                         const SonaeChecklistStep  *step,
                                         const SonaeChecklistField *field,
                                         const char                *value,
                                         const char                *author,
                                         GError                   **error);

G_END_DECLS
