/* sonae-bcp-worksheet.h: the base of the BCP worksheets (sonae-bcp-views.h).
 *
 * A worksheet holds the store (the construct-only "store" property) and
 * shows a scrolled page of AdwPreferencesGroups (its "content"), or a
 * status page ("empty-page") while it has nothing to list. It reloads from
 * the store, once for all the changes that come together, when the plan
 * changes ("changed::bcp"), the profile does (the organisation's kind
 * decides the wording: read it in reload) or another detail its class
 * follows; it writes
 * what is typed when it is left (unmap) or asked to. */
#pragma once

#include <adwaita.h>

#include "sonae-store.h"

G_BEGIN_DECLS

#define SONAE_TYPE_BCP_WORKSHEET (sonae_bcp_worksheet_get_type ())
G_DECLARE_DERIVABLE_TYPE (SonaeBcpWorksheet, sonae_bcp_worksheet, SONAE, BCP_WORKSHEET, GtkWidget)

struct _SonaeBcpWorksheetClass
{
  GtkWidgetClass parent_class;

  /* The store's details (SONAE_CHANGED_*) besides "bcp" that the worksheet
   * shows something of, NULL-terminated; NULL for none. */
  const char *const *follows;

  /* Make what needs the store to be made (the rest is made in init):
   * called once, when constructed, before the first reload. */
  void (*build)    (SonaeBcpWorksheet *self);
  /* Show what the store holds now, leaving alone what is being typed:
   * called when constructed, then from an idle after the changes it
   * follows. */
  void (*reload)   (SonaeBcpWorksheet *self);
  /* Write what is typed but not written yet. */
  void (*save_now) (SonaeBcpWorksheet *self);
  /* Add a new thing (the page's + button); NULL when there is nothing to
   * add. */
  void (*add)      (SonaeBcpWorksheet *self);

  gpointer padding[4];
};

SonaeStore *sonae_bcp_worksheet_get_store      (SonaeBcpWorksheet *self);
/* What the scrolled page shows: usually a clamp (sonae_bcp_clamp_new) of a
 * box of groups. */
void        sonae_bcp_worksheet_set_content    (SonaeBcpWorksheet *self,
                                                GtkWidget         *content);
/* What is shown instead of the content by sonae_bcp_worksheet_show_empty
 * (an AdwStatusPage). */
void        sonae_bcp_worksheet_set_empty_page (SonaeBcpWorksheet *self,
                                                GtkWidget         *empty_page);
void        sonae_bcp_worksheet_show_empty     (SonaeBcpWorksheet *self,
                                                gboolean           empty);

/* Reload now (a reload waiting for the idle is dropped). */
void        sonae_bcp_worksheet_reload         (SonaeBcpWorksheet *self);
void        sonae_bcp_worksheet_save_now       (SonaeBcpWorksheet *self);
/* Whether the worksheet adds things, and add one. */
gboolean    sonae_bcp_worksheet_can_add        (SonaeBcpWorksheet *self);
void        sonae_bcp_worksheet_add            (SonaeBcpWorksheet *self);

/* The window the worksheet is in, for dialogs; NULL when none. */
GtkWindow  *sonae_bcp_worksheet_get_window     (SonaeBcpWorksheet *self);

/* Deletes one thing of the store. */
typedef gboolean (*SonaeBcpDeleteFunc) (SonaeStore  *store,
                                        gint64       id,
                                        GError     **error);

/* Ask over the worksheet's window (@heading, @body) before @delete_func
 * deletes @id; when the store refuses, @error_heading and the reason are
 * shown. */
void        sonae_bcp_worksheet_confirm_delete (SonaeBcpWorksheet  *self,
                                                const char         *heading,
                                                const char         *body,
                                                SonaeBcpDeleteFunc  delete_func,
                                                gint64              id,
                                                const char         *error_heading);

G_END_DECLS
