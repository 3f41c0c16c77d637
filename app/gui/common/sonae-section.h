/* sonae-section.h: the base of the window's sections (Home, Incidents,
 * Manual, Contacts, BCP).
 *
 * A section holds the store and follows its "changed" signal; it builds its
 * content from the database the first time it is shown (or when something
 * asks for it with sonae_section_ensure_built), so that opening the window
 * reads only what the first section needs. What can wait (an incident to
 * open beside the list, say) is done in a second step, "fill", once the
 * first frame showing the section is painted: a first visit shows at once.
 * Leaving a section (unmap) saves what was typed in it. */
#pragma once

#include <gtk/gtk.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_SECTION (sonae_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (SonaeSection, sonae_section, SONAE, SECTION, GtkWidget)

struct _SonaeSectionClass
{
  GtkWidgetClass parent_class;

  /* Read the store and fill the section: called once. */
  void     (*build)         (SonaeSection *self);
  /* Optional: what waits until the section's first frame is painted;
   * called once, after build. */
  void     (*fill)          (SonaeSection *self);
  /* The store changed (@detail: a SONAE_CHANGED_* detail); only called
   * once the section is built: building reads everything afresh. */
  void     (*store_changed) (SonaeSection *self,
                             const char   *detail);
  /* Save what is typed but not saved yet; FALSE when something could not
   * be saved (the section has said why). */
  gboolean (*save_now)      (SonaeSection *self);
  /* Put the focus in the section's search; FALSE when it has none. */
  gboolean (*focus_search)  (SonaeSection *self);
  /* Optional: where in the section the person is, for the guide's page
   * (sonae-help.h): the name of the tab or worksheet shown, or NULL for
   * the section as a whole. */
  const char *(*get_place)  (SonaeSection *self);
};

SonaeStore *sonae_section_get_store    (SonaeSection *self);
gboolean    sonae_section_is_built     (SonaeSection *self);
/* Build the content now if it is not built yet (before showing a part of
 * it, say). */
void        sonae_section_ensure_built (SonaeSection *self);
/* Build, and do the second step now if it has not been done yet. */
void        sonae_section_ensure_filled (SonaeSection *self);
/* Not built yet (nothing to do), or built with its second step done. */
gboolean    sonae_section_is_filled    (SonaeSection *self);
gboolean    sonae_section_save_now     (SonaeSection *self);
gboolean    sonae_section_focus_search (SonaeSection *self);
/* The tab or worksheet shown (get_place), or NULL. */
const char *sonae_section_get_place    (SonaeSection *self);

G_END_DECLS
