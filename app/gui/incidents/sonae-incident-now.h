/* sonae-incident-now.h: what to do now and whom to call now for one
 * incident: the "do now" steps of its type, and the escalation rule for its
 * level (people in call order, primary then deputies, with large numbers),
 * each person with one-click buttons to log the call: reached, no answer,
 * left a message. Shown on the incident page. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_INCIDENT_NOW (sonae_incident_now_get_type ())
G_DECLARE_FINAL_TYPE (SonaeIncidentNow, sonae_incident_now, SONAE, INCIDENT_NOW, GtkBox)

GtkWidget *sonae_incident_now_new          (SonaeStore *store);
/* Show incident @incident_id (0: nothing). Rebuilds itself when the store's
 * "changed::incidents", "::contacts" or "::roles" is emitted (level, type,
 * holders and calls logged). */
void       sonae_incident_now_set_incident (SonaeIncidentNow *self,
                                            gint64            incident_id);
/* Put the keyboard focus on the first button of the person to call next
 * ("Reached"), so that a call is logged with one key; FALSE when nobody is
 * to be called. */
gboolean   sonae_incident_now_focus_call   (SonaeIncidentNow *self);

/* Load ui/sonae-incident.css, the style of the incident widgets (the Home
 * action, triage, do now, call now, the incident page), once per display.
 * Every widget that uses its classes calls it. */
void       sonae_incident_ensure_style     (void);

G_END_DECLS
