/* sonae-autosave.h: an edit written a moment after the last keystroke,
 * never lost: a view flushes it when it is left, closed or redrawn */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pause after the last keystroke before a text is written. */
#define SONAE_AUTOSAVE_DELAY_MS 1000

typedef void (*SonaeAutosaveFunc) (gpointer data);

/* Embedded in the view that owns it; no memory of its own. */
typedef struct {
  guint source;              /* the pending timeout, or 0 */
  guint delay_ms;
  SonaeAutosaveFunc save;    /* writes what is pending */
  gpointer data;
} SonaeAutosave;

void     sonae_autosave_init       (SonaeAutosave      *self,
                                    guint               delay_ms,
                                    SonaeAutosaveFunc   save,
                                    gpointer            data);
/* (Re)start the pause: @save runs @delay_ms after the last call. */
void     sonae_autosave_schedule   (SonaeAutosave      *self);
/* Forget a pending save (the caller writes now, or goes away): TRUE when
 * one was pending. */
gboolean sonae_autosave_cancel     (SonaeAutosave      *self);
gboolean sonae_autosave_is_pending (const SonaeAutosave *self);

G_END_DECLS
