/* sonae-manual-private.h: what sonae-manual.c (the model) and
 * sonae-manual-loader.c (reading it from XML) share: the manual's fields,
 * an empty manual to fill, the free functions of the lists the loader
 * makes, and the translation of a bundled text. */
#pragma once

#include "sonae-manual.h"

G_BEGIN_DECLS

struct _SonaeManual {
  grefcount ref_count;
  int version;
  SonaeManualText *title;
  GPtrArray *sections;       /* of SonaeManualSection */
  GPtrArray *principles;     /* of SonaeManualPrinciple */
  GPtrArray *roles;          /* of SonaeManualRole */
  SonaeManualLevel *levels[SONAE_MANUAL_N_LEVELS];
  GPtrArray *chain;          /* of char * */
  SonaeManualReport *reports[SONAE_MANUAL_N_LEVELS];
  GPtrArray *incidents;      /* of SonaeManualIncident */
  GPtrArray *authorities;    /* of SonaeManualBody */
  GPtrArray *continuity;     /* of SonaeManualStep */
  char *responder_override[SONAE_MANUAL_N_LEVELS];
  gboolean shared;           /* sonae_manual_get_bundled's: never changed */
  GHashTable *ids;           /* id → first line (GINT_TO_POINTER) */
  GHashTable *steps;         /* id → SonaeManualStep (borrowed) */
};

/* An empty manual with its lists made, for the loader to fill. */
SonaeManual *sonae_manual_new                (void);

/* GDestroyNotify of a SonaeManualPara, SonaeManualBody, SonaeManualStep,
 * SonaeManualProcedure. */
void         sonae_manual_para_free          (gpointer data);
void         sonae_manual_body_free          (gpointer data);
void         sonae_manual_step_free          (gpointer data);
void         sonae_manual_procedure_free     (gpointer data);

/* An element's text as xgettext extracts it: runs of white space made one
 * space, trimmed. */
char        *sonae_manual_normalize_space    (const char *text);
/* @source (normalised) in the language of the locale now in effect, or a
 * copy of @source when the catalogue has no translation. */
char        *sonae_manual_translate          (const char *source);

G_END_DECLS
