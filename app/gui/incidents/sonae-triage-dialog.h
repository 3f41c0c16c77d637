/* sonae-triage-dialog.h: "Something is wrong": three plain questions, the
 * proposed type, level and event type with their reasons (each can be
 * changed), then Start, which records the incident and opens it. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_TRIAGE_DIALOG (sonae_triage_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SonaeTriageDialog, sonae_triage_dialog, SONAE, TRIAGE_DIALOG, AdwWindow)

/* A modal dialog over @parent. When the person starts the incident, it is
 * created in @store (sonae_incidents_create, author sonae_get_author)
 * and the dialog activates "win.show-incident" on @parent with the new id
 * (an int64 parameter), then closes. */
SonaeTriageDialog *sonae_triage_dialog_new (GtkWindow  *parent,
                                            SonaeStore *store);

G_END_DECLS
