/* sonae-test-util.h: what every test needs */
#pragma once

#include <glib.h>

#include "sonae-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed with everything in it by
 * sonae_test_remove_dir(). */
char        *sonae_test_make_dir     (void);
void         sonae_test_remove_dir   (const char *dir);
/* A fresh store in a fresh folder; the folder is returned in @out_dir. */
SonaeStore  *sonae_test_open_store   (char **out_dir);
/* A file of ../shared/corpus (path relative to it), or NULL when the corpus
 * is not there. */
char        *sonae_test_corpus_path  (const char *relative);
/* Add a contact with a name, reading and phone; returns its id. */
gint64       sonae_test_add_contact  (SonaeStore *store,
                                      SonaeGroup  group,
                                      const char *name,
                                      const char *reading,
                                      const char *phone);
/* Start a virus-infection incident (type and event malware, triage told
 * "files encrypted, ransom demanded") titled @title, at damage @level;
 * @detected_at may be NULL (now). Returns its id. */
gint64       sonae_test_add_incident (SonaeStore *store,
                                      const char *title,
                                      const char *detected_at,
                                      int         level,
                                      gboolean    drill,
                                      const char *author);

/* A database file read and written behind Sonae's back, with sqlite alone:
 * the first column of the first row of @sql as an int (-1 when none) or a
 * new string (NULL when none); @sql run on the file (made when missing);
 * PRAGMA integrity_check says "ok". */
int          sonae_test_db_int       (const char *path,
                                      const char *sql);
char        *sonae_test_db_text      (const char *path,
                                      const char *sql);
void         sonae_test_db_exec      (const char *path,
                                      const char *sql);
void         sonae_test_db_assert_intact (const char *path);
/* How many names in @dir start with @prefix. */
guint        sonae_test_count_names  (const char *dir,
                                      const char *prefix);
/* Where @string is in @strings (of char *), or -1. */
int          sonae_test_index_of     (GPtrArray  *strings,
                                      const char *string);

/* Spin the default main loop until @cond (@data) holds; abort the test
 * with "timed out waiting for @what" after @timeout_ms. */
typedef gboolean (*SonaeTestCondition) (gpointer data);
void         sonae_test_spin_until   (SonaeTestCondition  cond,
                                      gpointer            data,
                                      guint               timeout_ms,
                                      const char         *what);
/* Spin the default main loop for @ms milliseconds. */
void         sonae_test_spin_for     (guint ms);
/* Something still to finish before spinning may stop (the widget tests
 * set one: a section whose second step waits for a painted frame); the
 * spin goes on while it returns TRUE, for at most ten seconds more. */
typedef gboolean (*SonaeTestBusy) (void);
void         sonae_test_set_busy     (SonaeTestBusy busy);

/* Read Sonae's messages in Japanese, from the translations the build made
 * (SONAE_BUILD_ROOT/po), as a person whose session is Japanese does; FALSE,
 * with nothing changed, when the system has no Japanese locale (skip the
 * test then). sonae_test_use_default_language() goes back to the
 * environment's language (C.UTF-8 under meson test). */
gboolean     sonae_test_use_japanese  (void);
void         sonae_test_use_default_language (void);

G_END_DECLS
