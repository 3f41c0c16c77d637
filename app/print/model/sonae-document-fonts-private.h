/* sonae-document-fonts-private.h: the Japanese font of a PDF file made as
 * small as its text needs (sonae-document-fonts.c) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The PDF file @pdf (as cairo writes one) with every embedded CFF font
 * (the Japanese font) holding only the subroutines its glyphs call; NULL
 * when there is nothing to make smaller or the file is not as expected, and
 * then @pdf is right as it is. */
GBytes *sonae_pdf_shrink_fonts (const guint8 *pdf,
                                gsize         length);

/* The same for one CFF font program @cff: NULL when it is left as it is. */
GBytes *sonae_cff_shrink       (const guint8 *cff,
                                gsize         length);

G_END_DECLS
