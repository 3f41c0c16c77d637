/* sonae-contacts-page.h: the Contacts section of the window */
#pragma once

#include <adwaita.h>

#include "sonae-codec.h"
#include "sonae-section.h"
#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_CONTACTS_PAGE (sonae_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (SonaeContactsPage, sonae_contacts_page, SONAE, CONTACTS_PAGE, SonaeSection)

/* The page brings its own header bars (list and detail), with the window
 * buttons: the window shows it without a header bar of its own above it,
 * and binds its sidebar leaflet's "folded" to the page's boolean property
 * "sidebar-folded" (the list header then shows a Back button, win.back). */
GtkWidget *sonae_contacts_page_new           (SonaeStore        *store);
/* Select and show one contact (from Home's “needs attention” list). */
void       sonae_contacts_page_show_contact  (SonaeContactsPage *self,
                                              gint64             contact_id);
/* Show who holds a role and let the user assign it. */
/* List only the contacts to verify (never verified, or not for
 * SONAE_STALE_DAYS), in every group, until "Show All" is pressed. */
void       sonae_contacts_page_show_to_verify (SonaeContactsPage *self);
gboolean   sonae_contacts_page_get_to_verify  (SonaeContactsPage *self);
void       sonae_contacts_page_show_role     (SonaeContactsPage *self,
                                              const char        *role_key);
/* Put the keyboard focus in the search entry (Ctrl+F). */
void       sonae_contacts_page_focus_search  (SonaeContactsPage *self);
/* Start a new contact (Ctrl+N). */
void       sonae_contacts_page_new_contact   (SonaeContactsPage *self);

/* Write the edits being typed now (the page also does this by itself when
 * it is hidden or destroyed). FALSE when saving failed (the user was told). */
gboolean   sonae_contacts_page_save_now      (SonaeContactsPage *self);

/* The menu items “Import contacts…” and “Export contacts…”: a file chooser,
 * then (import) a preview of what will be added, merged and skipped before
 * anything is written. Results and errors are shown in @parent (toasts on its
 * AdwToastOverlay, or a message dialog for a refused file). */
void       sonae_contacts_import_run         (GtkWindow  *parent,
                                              SonaeStore *store);
void       sonae_contacts_export_run         (GtkWindow  *parent,
                                              SonaeStore *store);
/* The import preview of @file (a file opened from the file manager, or
 * chosen in the dialog): nothing is written until the user confirms it. A
 * file that cannot be read is explained in a message dialog. */
void       sonae_contacts_import_file        (GtkWindow  *parent,
                                              SonaeStore *store,
                                              GFile      *file);
/* The format an export to @path is written in, @picked being the format
 * of the filter chosen in the dialog: a name ending in .csv or .vcf says
 * CSV or vCard (the filter says which vCard); any other name is written as
 * it is, in @picked. The file is always the one at @path. */
SonaeContactsFormat sonae_contacts_export_format_for (const char          *path,
                                                      SonaeContactsFormat  picked);

G_END_DECLS
