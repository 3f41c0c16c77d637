/* sonae-input.h: the checks every record shares for what a person typed,
 * so that the incidents, the reporting and the BCP refuse the same input
 * with the same words */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most a text field of a record holds, in bytes. */
#define SONAE_INPUT_MAX_TEXT 20000

/* Now as every record stores it: "YYYY-MM-DDTHH:MM:SS", local time. */
char     *sonae_input_now_string     (void);
/* TRUE for NULL, "" or only white space. */
gboolean  sonae_input_is_blank       (const char  *text);
/* Not longer than SONAE_INPUT_MAX_TEXT, valid UTF-8; NULL passes. */
gboolean  sonae_input_check_text     (const char  *text,
                                      GError     **error);
/* Not blank (who made a timeline entry), then as sonae_input_check_text(). */
gboolean  sonae_input_check_author   (const char  *author,
                                      GError     **error);
/* As sonae_input_check_text(), then not blank: @message (translated) says
 * what is missing. */
gboolean  sonae_input_check_required (const char  *text,
                                      const char  *message,
                                      GError     **error);
/* A date a person typed, stripped of white space, in *@out_date: NULL for
 * none (NULL or blank). Refused as sonae_input_check_text() and
 * sonae_date_check() refuse. */
gboolean  sonae_input_normalize_date (const char  *text,
                                      char       **out_date,
                                      GError     **error);

G_END_DECLS
