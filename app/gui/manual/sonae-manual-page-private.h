/* sonae-manual-page-private.h: what the parts of the Manual section share:
 * the instance (its template widgets, the view it shows, its state) and the
 * calls between them. sonae-manual-page.c holds the model and the GObject;
 * -contents.c the table of contents, the search and the scrolling;
 * -render.c the section laid out as a document; -editing.c a person's
 * changes (through sonae-manual-changes.h) and the review; -actions.c the
 * page's other actions. */
#pragma once

#include <adwaita.h>

#include "sonae-manual-block.h"
#include "sonae-manual-page.h"
#include "sonae-manual-view.h"

G_BEGIN_DECLS

struct _SonaeManualPage
{
  SonaeSection parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *toc_pane;
  GtkWidget *content_pane;
  GtkSearchEntry *search_entry;
  GtkStack *toc_stack;
  GtkListBox *toc_list;
  GtkListBox *results_list;
  AdwWindowTitle *page_title;
  GtkEntry *author_entry;
  GtkScrolledWindow *scrolled;
  GtkWidget *page_box;

  /* owned */
  SonaeStore *store;             /* the section's, once built */
  SonaeManual *manual;
  SonaeManualView *view;
  char *section_id;
  char *scroll_item;             /* scroll to this item once laid out */
  char *focus_item;              /* and put the focus in its text */
  GHashTable *blocks;            /* item id → SonaeManualBlock, borrowed from page_box */
  guint reload_source;
  guint scroll_source;
  guint scroll_tries;

  /* state */
  double scroll_value;           /* to restore after a rebuild, or -1 */
  int level;                     /* the level the reporting section shows */
  gboolean editing;
  gboolean sidebar_folded;
  gboolean saving;               /* a block's own save: no rebuild */
  gboolean view_stale;
  gboolean rendered;             /* a section is on the page (from the first frame on) */
};

/* sonae-manual-page.c */
GtkWindow *sonae_manual_page_parent_window  (SonaeManualPage *self);
/* Read the view again if it is out of date (after a block's own save). */
void       sonae_manual_page_ensure_view    (SonaeManualPage *self);
/* Save what the blocks hold typed but not saved yet. */
void       sonae_manual_page_flush_blocks   (SonaeManualPage *self);
/* Build a new view and show it again, where the reader was. */
void       sonae_manual_page_reload         (SonaeManualPage *self);
gboolean   sonae_manual_page_reload_idle_cb (gpointer         data);
/* On a narrow window: show the page rather than the contents. */
void       sonae_manual_page_show_content   (SonaeManualPage *self);

/* sonae-manual-page-contents.c */
void       sonae_manual_page_class_init_contents (GtkWidgetClass  *widget_class);
void       sonae_manual_page_fill_toc            (SonaeManualPage *self);
void       sonae_manual_page_select_toc_row      (SonaeManualPage *self);
/* Scroll to self->scroll_item (and focus self->focus_item) once laid out,
 * or back to self->scroll_value. */
void       sonae_manual_page_schedule_scroll     (SonaeManualPage *self);
/* The start of @text, on one line, for a search result or a toast. */
char      *sonae_manual_page_snippet             (const char      *text);

/* sonae-manual-page-render.c */
/* Lay out the current section of the view in self->page_box. */
void       sonae_manual_page_render    (SonaeManualPage *self);
GtkWidget *sonae_manual_page_label_new (const char      *text,
                                        const char      *css_class);

/* sonae-manual-page-editing.c */
void       sonae_manual_page_class_init_editing (GtkWidgetClass   *widget_class);
/* Connect a block's save, role and command signals to the page. */
void       sonae_manual_page_connect_block      (SonaeManualPage  *self,
                                                 SonaeManualBlock *block);

/* sonae-manual-page-actions.c */
void       sonae_manual_page_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
