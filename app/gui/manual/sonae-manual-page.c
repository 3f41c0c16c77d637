/* sonae-manual-page.c: the Manual section of the window.
 *
 * A table of contents (with a search over the manual) beside one section of
 * the manual at a time, laid out as a document: headings, paragraphs,
 * numbered steps with the responsible role's holder and number. The page
 * shows a SonaeManualView and rebuilds it when the store reports a change,
 * except after a text typed in edit mode, which its block shows by itself. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-manual-page.h"
#include "sonae-gui-util.h"
#include "sonae-manual-block.h"
#include "sonae-manual-changes.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-history.h"
#include "sonae-manual-view.h"

/* At most this many search results are listed. */
#define MAX_RESULTS 100

struct _SonaeManualPage
{
  GtkWidget parent_instance;

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
  SonaeStore *store;
  SonaeManual *manual;
  SonaeManualView *view;
  char *section_id;
  char *scroll_item;             /* scroll to this item once laid out */
  char *focus_item;              /* and put the focus in its text */
  GHashTable *blocks;            /* item id → SonaeManualBlock, borrowed from page_box */
  gulong changed_id;
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
};

G_DEFINE_FINAL_TYPE (SonaeManualPage, sonae_manual_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EDITING,
  PROP_LEVEL,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void render (SonaeManualPage *self);

static GtkWindow *
parent_window (SonaeManualPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

const char *
sonae_manual_page_get_author (SonaeManualPage *self)
{
  const char *name;

  g_return_val_if_fail (SONAE_IS_MANUAL_PAGE (self), NULL);

  name = gtk_editable_get_text (GTK_EDITABLE (self->author_entry));
  if (name != NULL && *name != '\0')
    return name;
  return g_get_user_name ();
}

/* --- the model ------------------------------------------------------------ */

static gboolean
load_view (SonaeManualPage *self)
{
  g_autoptr(GError) error = NULL;
  SonaeManualView *view;

  if (self->manual == NULL)
    {
      self->manual = sonae_manual_load (&error);
      if (self->manual == NULL)
        {
          sonae_show_error (GTK_WIDGET (self), _("Could not read the manual"), error);
          return FALSE;
        }
    }
  view = sonae_manual_view_new (self->store, self->manual, &error);
  if (view == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the manual"), error);
      return FALSE;
    }
  g_clear_pointer (&self->view, sonae_manual_view_free);
  self->view = view;
  self->view_stale = FALSE;
  return TRUE;
}

/* After the page's own saves the view is out of date, but nothing shown is:
 * build a new one before reading from it. Blocks keep no pointer into it. */
static void
ensure_view (SonaeManualPage *self)
{
  if (self->view == NULL || self->view_stale)
    load_view (self);
}

static void
flush_blocks (SonaeManualPage *self)
{
  g_autoptr(GList) blocks = g_hash_table_get_values (self->blocks);

  for (GList *l = blocks; l != NULL; l = l->next)
    sonae_manual_block_flush (l->data);
}

void
sonae_manual_page_save_now (SonaeManualPage *self)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));
  flush_blocks (self);
}

/* --- table of contents ------------------------------------------------------ */

static GtkWidget *
toc_row_new (const SonaeManualViewItem *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  g_autofree char *number = g_strdup_printf ("%u", section->number);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *title_label = gtk_label_new (section->title);

  gtk_widget_set_name (row, section->id);
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_add_css_class (number_label, "toc-number");
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_set_valign (number_label, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (title_label, GTK_ALIGN_BASELINE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
select_toc_row (SonaeManualPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->toc_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), self->section_id) == 0)
      {
        gtk_list_box_select_row (self->toc_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
fill_toc (SonaeManualPage *self)
{
  GPtrArray *sections = sonae_manual_view_get_sections (self->view);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->toc_list))) != NULL)
    gtk_list_box_remove (self->toc_list, child);
  for (guint i = 0; i < sections->len; i++)
    gtk_list_box_append (self->toc_list, toc_row_new (g_ptr_array_index (sections, i)));
  select_toc_row (self);
}

/* --- scrolling to a part ---------------------------------------------------- */

/* The block that shows @item_id, or the nearest part around it that is shown
 * (a report's office shows in its report). */
static SonaeManualBlock *
find_block (SonaeManualPage *self,
            const char      *item_id)
{
  const SonaeManualViewItem *item;

  while (item_id != NULL)
    {
      SonaeManualBlock *block = g_hash_table_lookup (self->blocks, item_id);

      if (block != NULL)
        return block;
      item = sonae_manual_view_lookup (self->view, item_id);
      item_id = item ? item->parent_id : NULL;
    }
  return NULL;
}

/* Tries, a frame apart, to find the new page laid out. */
#define SCROLL_TRIES 40

static gboolean
scroll_timeout_cb (gpointer data)
{
  SonaeManualPage *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);
  SonaeManualBlock *block = self->scroll_item ? find_block (self, self->scroll_item) : NULL;
  gboolean last = ++self->scroll_tries >= SCROLL_TRIES;
  graphene_point_t point;

  /* The page is laid out in a frame after it was built. */
  if (!last && gtk_widget_get_height (self->page_box) == 0)
    return G_SOURCE_CONTINUE;
  if (!last && block != NULL && gtk_widget_get_height (GTK_WIDGET (block)) == 0)
    return G_SOURCE_CONTINUE;
  if (!last && self->scroll_value > 0 &&
      gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) < self->scroll_value &&
      self->scroll_tries < 5)
    return G_SOURCE_CONTINUE;

  self->scroll_source = 0;
  if (self->scroll_value >= 0)
    gtk_adjustment_set_value (adj, self->scroll_value);
  self->scroll_value = -1;
  if (block != NULL &&
      gtk_widget_compute_point (GTK_WIDGET (block), self->page_box, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      double y = point.y + gtk_widget_get_margin_top (self->page_box) - 24;

      gtk_adjustment_set_value (adj, MAX (0, y));
    }
  if (self->focus_item != NULL)
    {
      SonaeManualBlock *focus = g_hash_table_lookup (self->blocks, self->focus_item);

      if (focus != NULL)
        sonae_manual_block_focus_text (focus, TRUE);
    }
  g_clear_pointer (&self->scroll_item, g_free);
  g_clear_pointer (&self->focus_item, g_free);
  return G_SOURCE_REMOVE;
}

/* Scroll where the reader was, or to the part asked for, once the page is
 * laid out; a part asked for is highlighted at once. */
static void
schedule_scroll (SonaeManualPage *self)
{
  SonaeManualBlock *block = self->scroll_item ? find_block (self, self->scroll_item) : NULL;

  if (block != NULL && g_strcmp0 (self->scroll_item, self->focus_item) != 0)
    sonae_manual_block_highlight (block);
  self->scroll_tries = 0;
  if (self->scroll_source == 0)
    self->scroll_source = g_timeout_add (16, scroll_timeout_cb, self);
}

/* --- building the page: pieces ---------------------------------------------- */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
deputies_text (GPtrArray *holders)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 1; holders != NULL && i < holders->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (holders, i);
      const char *phone = sonae_contact_get_first_phone (c);

      if (text->len > 0)
        /* Translators: between the names of the deputies */
        g_string_append (text, _(", "));
      g_string_append (text, sonae_contact_get_display_name (c));
      if (phone != NULL)
        g_string_append_printf (text, " %s", phone);
    }
  if (text->len == 0)
    return NULL;
  /* Translators: the deputies to call when the first person does not answer */
  return g_strdup_printf (_("If no answer: %s"), text->str);
}

static GtkWidget *
chip_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A role with the person who holds it and their number; a button to the
 * role's holders in the roster. A role nobody holds says so, in red. */
static GtkWidget *
role_chip_new (SonaeManualPage *self,
               const char      *role_key,
               gboolean         show_role)
{
  GPtrArray *holders = sonae_manual_view_get_holders (self->view, role_key);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_set_name (button, "role-chip");
  g_object_set_data_full (G_OBJECT (button), "sonae-role-key", g_strdup (role_key), g_free);
  gtk_widget_add_css_class (button, "role-chip");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-role");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", role_key);

  if (holders == NULL || holders->len == 0)
    {
      gtk_widget_add_css_class (button, "unassigned");
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      if (show_role)
        gtk_box_append (GTK_BOX (box), chip_label_new (sonae_role_get_name (role_key), "chip-role"));
      gtk_box_append (GTK_BOX (box), chip_label_new (C_("role", "Not assigned"), "chip-name"));
      gtk_widget_set_tooltip_text (button, _("Nobody holds this role yet. Choose who does."));
    }
  else
    {
      SonaeContact *primary = g_ptr_array_index (holders, 0);
      const char *phone = sonae_contact_get_first_phone (primary);
      g_autofree char *deputies = deputies_text (holders);

      if (show_role)
        gtk_box_append (GTK_BOX (box), chip_label_new (sonae_role_get_name (role_key), "chip-role"));
      gtk_box_append (GTK_BOX (box), chip_label_new (sonae_contact_get_display_name (primary), "chip-name"));
      gtk_box_append (GTK_BOX (box), chip_label_new (phone ? phone : _("No phone number"), "chip-phone"));
      gtk_widget_set_tooltip_text (button, deputies ? deputies : _("Who holds this role"));
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  return button;
}

/* A line of small pieces: a caption, then widgets. */
static GtkWidget *
line_new (const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  if (caption != NULL)
    {
      GtkWidget *label = chip_label_new (caption, "dim-label");

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static GtkWidget *
banner_new (const char *icon_name,
            const char *text,
            const char *button_label,
            const char *action_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = label_new (text, NULL);

  gtk_widget_add_css_class (box, "sonae-banner");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static char *
level_name (int level)
{
  return g_strdup_printf (_("Level %d"), level);
}

/* --- building the page: blocks ---------------------------------------------- */

static void block_save_cb     (SonaeManualBlock *block,
                               gboolean          title,
                               const char       *text,
                               SonaeManualPage  *self);
static void block_role_cb     (SonaeManualBlock *block,
                               const char       *role_key,
                               SonaeManualPage  *self);
static void block_command_cb  (SonaeManualBlock *block,
                               const char       *name,
                               SonaeManualPage  *self);

static SonaeManualBlock *
add_block (SonaeManualPage           *self,
           GtkWidget                 *box,
           const SonaeManualViewItem *item,
           SonaeManualBlockFlags      flags)
{
  GtkWidget *block = sonae_manual_block_new (item, flags, self->editing);

  g_signal_connect (block, "save", G_CALLBACK (block_save_cb), self);
  g_signal_connect (block, "role-changed", G_CALLBACK (block_role_cb), self);
  g_signal_connect (block, "command", G_CALLBACK (block_command_cb), self);
  g_hash_table_insert (self->blocks, (gpointer) sonae_manual_block_get_item_id (SONAE_MANUAL_BLOCK (block)), block);
  gtk_box_append (GTK_BOX (box), block);
  return SONAE_MANUAL_BLOCK (block);
}

/* Flags for the @i-th of @n siblings that can be moved and removed. */
static SonaeManualBlockFlags
sibling_flags (guint i,
               guint n)
{
  SonaeManualBlockFlags flags = SONAE_MANUAL_BLOCK_MOVABLE | SONAE_MANUAL_BLOCK_REMOVABLE;

  if (i == 0)
    flags |= SONAE_MANUAL_BLOCK_FIRST;
  if (i + 1 == n)
    flags |= SONAE_MANUAL_BLOCK_LAST;
  return flags;
}

static GtkWidget *
add_button_new (const char *label,
                const char *parent_id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, "add-at-end");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "manual.add-at-end");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", parent_id);
  return button;
}

static void
add_paras (SonaeManualPage           *self,
           GtkWidget                 *box,
           const SonaeManualViewItem *section)
{
  for (guint i = 0; i < section->paras->len; i++)
    add_block (self, box, g_ptr_array_index (section->paras, i),
               sibling_flags (i, section->paras->len) | SONAE_MANUAL_BLOCK_ADD_BELOW);
  /* A part added under the continuity section is one of its steps. */
  if (self->editing && section->section_kind != SONAE_MANUAL_SECTION_CONTINUITY)
    gtk_box_append (GTK_BOX (box), add_button_new (_("Add _Paragraph"), section->id));
}

static GtkWidget *
section_box_new (int spacing)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
}

static void
add_principles (SonaeManualPage           *self,
                const SonaeManualViewItem *section)
{
  GtkWidget *box = section_box_new (18);

  for (guint i = 0; i < section->children->len; i++)
    add_block (self, box, g_ptr_array_index (section->children, i),
               SONAE_MANUAL_BLOCK_NUMBERED | sibling_flags (i, section->children->len));
  gtk_box_append (GTK_BOX (self->page_box), box);
}

static void
add_roles (SonaeManualPage           *self,
           const SonaeManualViewItem *section)
{
  GtkWidget *box = section_box_new (22);

  for (guint i = 0; i < section->children->len; i++)
    {
      const SonaeManualViewItem *role = g_ptr_array_index (section->children, i);
      SonaeManualBlock *block = add_block (self, box, role, SONAE_MANUAL_BLOCK_TITLE_FIXED);
      GPtrArray *holders = sonae_manual_view_get_holders (self->view, role->role_key);
      g_autofree char *deputies = deputies_text (holders);
      GtkWidget *line = line_new (NULL);

      if (role->response_role)
        sonae_manual_block_set_tag (block, _("Response role"));
      gtk_box_append (GTK_BOX (line), role_chip_new (self, role->role_key, FALSE));
      sonae_manual_block_add_extra (block, line);
      if (deputies != NULL)
        sonae_manual_block_add_extra (block, label_new (deputies, "dim-label"));
    }
  gtk_box_append (GTK_BOX (self->page_box), box);
}

static void
add_levels (SonaeManualPage           *self,
            const SonaeManualViewItem *section)
{
  GtkWidget *box = section_box_new (22);

  for (guint i = 0; i < section->children->len; i++)
    {
      const SonaeManualViewItem *level = g_ptr_array_index (section->children, i);
      SonaeManualBlock *block = add_block (self, box, level, SONAE_MANUAL_BLOCK_ROLE);
      GtkWidget *line = line_new (_("Responds:"));
      GtkWidget *link = gtk_button_new_with_label (_("Whom to call at this level"));

      gtk_widget_set_name (line, "responder-line");
      gtk_box_append (GTK_BOX (line), role_chip_new (self, level->role_key, TRUE));
      gtk_widget_add_css_class (link, "flat");
      gtk_widget_add_css_class (link, "link-button");
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "manual.show-level");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (link), "i", level->level);
      gtk_box_append (GTK_BOX (line), link);
      sonae_manual_block_add_extra (block, line);
    }
  gtk_box_append (GTK_BOX (self->page_box), box);
}

static GtkWidget *
call_row_new (SonaeManualPage           *self,
              const SonaeEscalationRole *role,
              guint                      number)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *order = number > 0 ? g_strdup_printf ("%u", number) : NULL;
  GtkWidget *prefix;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, role->role_key);
  if (order != NULL)
    {
      prefix = gtk_label_new (order);
      gtk_widget_add_css_class (prefix, "step-number");
      gtk_widget_add_css_class (prefix, "numeric");
      gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
    }
  else
    prefix = gtk_image_new_from_icon_name ("mail-unread-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);

  if (role->holders->len == 0)
    {
      /* Translators: a role, then that nobody holds it */
      title = g_strdup_printf (_("%s: not assigned"), sonae_role_get_name (role->role_key));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Choose who holds this role, so that everyone knows whom to call."));
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      SonaeContact *primary = g_ptr_array_index (role->holders, 0);
      const char *phone = sonae_contact_get_first_phone (primary);
      g_autofree char *deputies = deputies_text (role->holders);
      GtkWidget *phone_label = gtk_label_new (phone ? phone : _("No phone number"));

      /* Translators: a role, then the name of the person who holds it */
      title = g_strdup_printf (_("%s: %s"), sonae_role_get_name (role->role_key),
                               sonae_contact_get_display_name (primary));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), deputies ? deputies : _("No deputy yet"));
      gtk_label_set_selectable (GTK_LABEL (phone_label), TRUE);
      gtk_widget_add_css_class (phone_label, phone ? "title-4" : "dim-label");
      gtk_widget_add_css_class (phone_label, "numeric");
      gtk_widget_set_valign (phone_label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), phone_label);
    }
  if (role->responder)
    {
      GtkWidget *tag = gtk_label_new (_("Responds at this level"));

      gtk_widget_add_css_class (tag, "manual-tag");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-role");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", role->role_key);
  return row;
}

static GtkWidget *
boxed_list_new (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_name (list, name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
subheading_new (const char *text)
{
  GtkWidget *label = label_new (text, "title-4");

  gtk_widget_set_margin_top (label, 6);
  return label;
}

/* The phone numbers, e-mail and website of an office, for the page. */
static GtkWidget *
numbers_label_new (SonaeContact *contact)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (contact == NULL)
    return label_new (_("Not in the contact list"), "dim-label");
  for (guint i = 0; contact->phones != NULL && i < contact->phones->len; i++)
    {
      SonaeLabeled *phone = g_ptr_array_index (contact->phones, i);

      if (text->len > 0)
        g_string_append (text, "   ");
      g_string_append (text, phone->value);
    }
  if (sonae_contact_get_first_email (contact) != NULL)
    g_string_append_printf (text, "%s%s", text->len ? "   " : "", sonae_contact_get_first_email (contact));
  if (contact->url != NULL && *contact->url != '\0')
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", contact->url);
  if (text->len == 0)
    return label_new (_("No phone number"), "dim-label");
  {
    GtkWidget *label = label_new (text->str, "numeric");

    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    return label;
  }
}

static void
add_body (SonaeManualPage           *self,
          GtkWidget                 *box,
          const SonaeManualViewItem *body,
          SonaeManualBlockFlags      flags,
          gboolean                   optional)
{
  SonaeContact *contact = sonae_manual_view_get_authority (self->view, body->authority_key);
  SonaeManualBlock *block = add_block (self, box, body, flags | SONAE_MANUAL_BLOCK_TITLE_FIXED);

  if (optional)
    sonae_manual_block_set_tag (block, _("Optional"));
  else if (contact != NULL && contact->needs_check)
    sonae_manual_block_set_tag (block, _("Check first"));
  sonae_manual_block_add_extra (block, numbers_label_new (contact));
}

static GtkWidget *
level_switcher_new (SonaeManualPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *first = NULL;

  gtk_widget_set_name (box, "level-switcher");
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  for (int level = 0; level < SONAE_MANUAL_N_LEVELS; level++)
    {
      g_autofree char *label = level_name (level);
      g_autofree char *name = g_strdup_printf ("level-%d", level);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_name (button, name);
      if (first == NULL)
        first = button;
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), level == self->level);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "manual.level");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", level);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static const SonaeManualViewItem *
find_by_level (GPtrArray *items,
               int        level)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (((SonaeManualViewItem *) g_ptr_array_index (items, i))->level == level)
      return g_ptr_array_index (items, i);
  return NULL;
}

static void
add_reporting (SonaeManualPage           *self,
               const SonaeManualViewItem *section)
{
  const SonaeManualViewItem *report = find_by_level (section->children, self->level);
  const SonaeManualViewItem *levels_section = sonae_manual_view_get_section (self->view, "levels");
  const SonaeManualViewItem *level = levels_section ? find_by_level (levels_section->children, self->level) : NULL;
  SonaeEscalation *esc = sonae_manual_view_get_escalation (self->view, self->level);
  GPtrArray *roles = sonae_escalation_get_roles (esc);
  GtkWidget *box = section_box_new (14);
  GtkWidget *chain = boxed_list_new ("call-list");
  GtkWidget *inform = boxed_list_new ("inform-list");
  guint n_chain = 0;
  guint n_inform = 0;

  gtk_widget_add_css_class (box, "whom-to-call");
  gtk_box_append (GTK_BOX (box), subheading_new (_("Whom to call")));
  gtk_box_append (GTK_BOX (box), level_switcher_new (self));
  if (level != NULL)
    {
      GtkWidget *title = label_new (level->title, "heading");
      GtkWidget *text = label_new (level->text, "manual-text");

      gtk_widget_set_name (title, "level-title");
      gtk_box_append (GTK_BOX (box), title);
      gtk_widget_add_css_class (text, "dim-label");
      gtk_box_append (GTK_BOX (box), text);
    }
  if (report != NULL)
    add_block (self, box, report, 0);

  for (guint i = 0; i < roles->len; i++)
    {
      const SonaeEscalationRole *role = g_ptr_array_index (roles, i);

      if (role->inform_only)
        {
          gtk_list_box_append (GTK_LIST_BOX (inform), call_row_new (self, role, 0));
          n_inform++;
        }
      else
        gtk_list_box_append (GTK_LIST_BOX (chain), call_row_new (self, role, ++n_chain));
    }
  if (n_chain > 0)
    {
      gtk_box_append (GTK_BOX (box), label_new (_("Call in this order. If nobody answers, call the deputy, then the next person."), NULL));
      gtk_box_append (GTK_BOX (box), chain);
    }
  else
    {
      g_object_ref_sink (chain);
      g_object_unref (chain);
    }
  if (n_inform > 0)
    {
      gtk_box_append (GTK_BOX (box), subheading_new (_("Also tell")));
      gtk_box_append (GTK_BOX (box), inform);
    }
  else
    {
      g_object_ref_sink (inform);
      g_object_unref (inform);
    }

  if (report != NULL && report->children->len > 0)
    {
      GtkWidget *bodies = section_box_new (16);

      gtk_box_append (GTK_BOX (box), subheading_new (_("Outside bodies to report to")));
      for (guint i = 0; i < report->children->len; i++)
        {
          const SonaeManualViewItem *body = g_ptr_array_index (report->children, i);

          add_body (self, bodies, body, 0, body->optional);
        }
      gtk_box_append (GTK_BOX (box), bodies);
    }
  gtk_box_append (GTK_BOX (self->page_box), box);
}

static void
add_steps (SonaeManualPage *self,
           GtkWidget       *box,
           GPtrArray       *steps,
           gboolean         with_roles)
{
  for (guint i = 0; i < steps->len; i++)
    {
      const SonaeManualViewItem *step = g_ptr_array_index (steps, i);
      SonaeManualBlockFlags flags = SONAE_MANUAL_BLOCK_NUMBERED | SONAE_MANUAL_BLOCK_ADD_BELOW |
                                    sibling_flags (i, steps->len);
      SonaeManualBlock *block;

      if (with_roles)
        flags |= SONAE_MANUAL_BLOCK_ROLE;
      block = add_block (self, box, step, flags);
      if (with_roles && step->role_key != NULL)
        {
          GtkWidget *line = line_new (NULL);

          gtk_box_append (GTK_BOX (line), role_chip_new (self, step->role_key, TRUE));
          sonae_manual_block_add_extra (block, line);
        }
    }
  if (steps->len == 0)
    gtk_box_append (GTK_BOX (box), label_new (_("No steps."), "dim-label"));
}

static void
add_procedures (SonaeManualPage           *self,
                const SonaeManualViewItem *section)
{
  for (guint i = 0; i < section->children->len; i++)
    {
      const SonaeManualViewItem *incident = g_ptr_array_index (section->children, i);
      GtkWidget *box = section_box_new (18);

      gtk_widget_add_css_class (box, "incident");
      add_block (self, box, incident, SONAE_MANUAL_BLOCK_SUBHEADING);
      for (guint j = 0; j < incident->children->len; j++)
        {
          const SonaeManualViewItem *proc = g_ptr_array_index (incident->children, j);
          GtkWidget *steps = section_box_new (16);
          SonaeManualBlock *head = add_block (self, box, proc, 0);

          if (proc->level != SONAE_MANUAL_ANY_LEVEL)
            {
              g_autofree char *title = level_name (proc->level);
              const char *role = sonae_manual_get_responder (sonae_manual_view_get_manual (self->view),
                                                             proc->level);
              GtkWidget *line = line_new (_("Responds:"));

              sonae_manual_block_set_display_title (head, title);
              gtk_box_append (GTK_BOX (line), role_chip_new (self, role, TRUE));
              sonae_manual_block_add_extra (head, line);
            }
          gtk_widget_add_css_class (steps, "steps");
          add_steps (self, steps, proc->children, TRUE);
          if (self->editing)
            gtk_box_append (GTK_BOX (steps), add_button_new (_("Add _Step"), proc->id));
          gtk_box_append (GTK_BOX (box), steps);
        }
      gtk_box_append (GTK_BOX (self->page_box), box);
    }
}

static void
add_authorities (SonaeManualPage           *self,
                 const SonaeManualViewItem *section)
{
  GPtrArray *others = sonae_manual_view_get_other_authorities (self->view);
  GtkWidget *box = section_box_new (20);

  for (guint i = 0; i < section->children->len; i++)
    add_body (self, box, g_ptr_array_index (section->children, i),
              sibling_flags (i, section->children->len), FALSE);
  gtk_box_append (GTK_BOX (self->page_box), box);

  if (others->len == 0)
    return;
  box = section_box_new (16);
  gtk_box_append (GTK_BOX (box), subheading_new (_("Also in the contact list")));
  for (guint i = 0; i < others->len; i++)
    {
      SonaeContact *contact = g_ptr_array_index (others, i);
      GtkWidget *entry = section_box_new (4);

      gtk_box_append (GTK_BOX (entry), label_new (sonae_contact_get_display_name (contact), "heading"));
      gtk_box_append (GTK_BOX (entry), numbers_label_new (contact));
      gtk_box_append (GTK_BOX (box), entry);
    }
  gtk_box_append (GTK_BOX (self->page_box), box);
}

static void
add_continuity (SonaeManualPage           *self,
                const SonaeManualViewItem *section)
{
  GtkWidget *box = section_box_new (16);

  gtk_widget_add_css_class (box, "steps");
  add_steps (self, box, section->children, FALSE);
  if (self->editing)
    gtk_box_append (GTK_BOX (box), add_button_new (_("Add _Step"), section->id));
  gtk_box_append (GTK_BOX (self->page_box), box);
}

/* --- building the page ---------------------------------------------------------- */

static char *
review_line (SonaeManualView *view)
{
  const char *date = NULL;
  const char *by = NULL;

  if (!sonae_manual_view_get_review (view, &date, &by))
    return g_strdup (_("Not reviewed yet"));
  /* Translators: the first %s is a date, the second a person's name */
  return g_strdup_printf (_("Last reviewed %s by %s"), date, by);
}

static void
add_banners (SonaeManualPage *self)
{
  guint n_review = sonae_manual_view_count_needs_review (self->view);

  if (sonae_manual_view_review_due (self->view))
    {
      const char *date = NULL;
      g_autofree char *text = NULL;
      GtkWidget *banner;

      if (sonae_manual_view_get_review (self->view, &date, NULL))
        /* Translators: %s is a date */
        text = g_strdup_printf (_("This manual was last reviewed on %s, more than a year ago. "
                                  "Read it again with the people named in it."), date);
      else
        text = g_strdup (_("This manual has not been reviewed yet. Read it with the people named in it, "
                           "adapt what does not fit, then mark it as reviewed."));
      banner = banner_new ("x-office-calendar-symbolic", text, _("_Mark as Reviewed…"), "manual.mark-reviewed");
      gtk_widget_set_name (banner, "review-banner");
      gtk_box_append (GTK_BOX (self->page_box), banner);
    }
  if (n_review > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Sonae was updated and changed %u text that your organisation had edited. Choose which text to keep.",
                                      "Sonae was updated and changed %u texts that your organisation had edited. Choose which texts to keep.",
                                      n_review),
                         n_review);
      GtkWidget *banner = banner_new ("dialog-information-symbolic", text, _("_Show"), "manual.show-next-review");

      gtk_widget_set_name (banner, "needs-review-banner");
      gtk_box_append (GTK_BOX (self->page_box), banner);
    }
}

static void
clear_page (SonaeManualPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->blocks);
  while ((child = gtk_widget_get_first_child (self->page_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->page_box), child);
}

static void
render (SonaeManualPage *self)
{
  const SonaeManualViewItem *section;
  g_autofree char *subtitle = NULL;

  clear_page (self);
  if (self->view == NULL)
    return;

  section = sonae_manual_view_get_section (self->view, self->section_id);
  if (section == NULL)
    {
      section = g_ptr_array_index (sonae_manual_view_get_sections (self->view), 0);
      g_free (self->section_id);
      self->section_id = g_strdup (section->id);
      select_toc_row (self);
    }

  adw_window_title_set_title (self->page_title, section->title);
  subtitle = review_line (self->view);
  adw_window_title_set_subtitle (self->page_title, subtitle);

  add_banners (self);
  add_block (self, self->page_box, section, SONAE_MANUAL_BLOCK_HEADING);
  /* Whom to call comes first: that is what a person opens this section for. */
  if (section->section_kind == SONAE_MANUAL_SECTION_REPORTING)
    add_reporting (self, section);
  if (section->paras->len > 0 || self->editing)
    {
      GtkWidget *box = section_box_new (14);

      add_paras (self, box, section);
      gtk_box_append (GTK_BOX (self->page_box), box);
    }

  switch (section->section_kind)
    {
    case SONAE_MANUAL_SECTION_PRINCIPLES:
      add_principles (self, section);
      break;
    case SONAE_MANUAL_SECTION_ORGANISATION:
      add_roles (self, section);
      break;
    case SONAE_MANUAL_SECTION_LEVELS:
      add_levels (self, section);
      break;
    case SONAE_MANUAL_SECTION_REPORTING:
      break;
    case SONAE_MANUAL_SECTION_PROCEDURES:
      add_procedures (self, section);
      break;
    case SONAE_MANUAL_SECTION_AUTHORITIES:
      add_authorities (self, section);
      break;
    case SONAE_MANUAL_SECTION_CONTINUITY:
      add_continuity (self, section);
      break;
    case SONAE_MANUAL_SECTION_GENERIC:
    default:
      break;
    }
}

/* Build a new view and show it again, where the reader was. */
static void
reload (SonaeManualPage *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;
  flush_blocks (self);
  if (!load_view (self))
    return;
  if (self->scroll_item == NULL && self->scroll_value < 0)
    self->scroll_value = gtk_adjustment_get_value (adj);
  fill_toc (self);
  render (self);
  schedule_scroll (self);
  /* Search results name the texts: find them again. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->toc_stack), "toc") != 0)
    g_signal_emit_by_name (self->search_entry, "search-changed");
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeManualPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeStore      *store,
                  const char      *detail,
                  SonaeManualPage *self)
{
  if (g_strcmp0 (detail, SONAE_CHANGED_MANUAL) != 0 && g_strcmp0 (detail, SONAE_CHANGED_ROLES) != 0 &&
      g_strcmp0 (detail, SONAE_CHANGED_CONTACTS) != 0 && g_strcmp0 (detail, SONAE_CHANGED_PROFILE) != 0)
    return;
  /* A block's own save shows already; only the model is out of date. */
  if (self->saving)
    {
      self->view_stale = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* --- showing sections and parts ---------------------------------------------------- */

const char *
sonae_manual_page_get_section (SonaeManualPage *self)
{
  g_return_val_if_fail (SONAE_IS_MANUAL_PAGE (self), NULL);
  return self->section_id;
}

static void
show_content (SonaeManualPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

void
sonae_manual_page_show_section (SonaeManualPage *self,
                                const char      *section_id)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  flush_blocks (self);
  ensure_view (self);
  if (self->view == NULL || sonae_manual_view_get_section (self->view, section_id) == NULL)
    return;
  if (g_strcmp0 (self->section_id, section_id) != 0)
    {
      g_free (self->section_id);
      self->section_id = g_strdup (section_id);
      self->scroll_value = 0;
    }
  select_toc_row (self);
  render (self);
  schedule_scroll (self);
}

void
sonae_manual_page_show_item (SonaeManualPage *self,
                             const char      *item_id)
{
  const SonaeManualViewItem *item;

  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  flush_blocks (self);
  ensure_view (self);
  item = self->view ? sonae_manual_view_lookup (self->view, item_id) : NULL;
  if (item == NULL)
    return;

  /* The contacts and offices of one level at a time. */
  for (const SonaeManualViewItem *up = item; up != NULL;
       up = up->parent_id ? sonae_manual_view_lookup (self->view, up->parent_id) : NULL)
    if (up->kind == SONAE_MANUAL_ITEM_REPORT)
      {
        self->level = up->level;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
        break;
      }

  g_free (self->scroll_item);
  self->scroll_item = g_strdup (item_id);
  self->scroll_value = 0;
  g_free (self->section_id);
  self->section_id = g_strdup (item->section_id);
  select_toc_row (self);
  render (self);
  schedule_scroll (self);
  show_content (self);
}

static void
set_level (SonaeManualPage *self,
           int              level)
{
  level = CLAMP (level, 0, SONAE_MANUAL_N_LEVELS - 1);
  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
  if (g_strcmp0 (self->section_id, "reporting") == 0)
    {
      flush_blocks (self);
      ensure_view (self);
      self->scroll_value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
      render (self);
      schedule_scroll (self);
    }
}

void
sonae_manual_page_show_level (SonaeManualPage *self,
                              int              level)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  set_level (self, level);
  g_free (self->scroll_item);
  self->scroll_item = g_strdup ("reporting");
  sonae_manual_page_show_section (self, "reporting");
  show_content (self);
}

static void
toc_row_activated_cb (SonaeManualPage *self,
                      GtkListBoxRow   *row)
{
  sonae_manual_page_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  show_content (self);
}

/* --- search ---------------------------------------------------------------------- */

static char *
snippet (const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text ? text : ""), "\n", ' ');

  if (g_utf8_strlen (flat, -1) <= 80)
    return g_steal_pointer (&flat);
  {
    g_autofree char *cut = g_utf8_substring (flat, 0, 79);
    return g_strconcat (cut, "…", NULL);
  }
}

static GtkWidget *
result_row_new (SonaeManualPage           *self,
                const SonaeManualViewItem *item)
{
  const SonaeManualViewItem *section = sonae_manual_view_get_section (self->view, item->section_id);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *head = NULL;
  g_autofree char *where = NULL;
  GtkWidget *label;

  if (item->kind == SONAE_MANUAL_ITEM_SECTION)
    head = g_strdup (item->title);
  else if (item->title != NULL && item->kind != SONAE_MANUAL_ITEM_ROLE && item->kind != SONAE_MANUAL_ITEM_BODY)
    head = g_strdup (item->title);
  else
    head = snippet (item->text ? item->text : item->title);
  if (section != NULL)
    /* Translators: a section's number and title in the manual */
    where = g_strdup_printf (C_("manual section", "%u. %s"), section->number, section->title);

  label = label_new (head, NULL);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  if (where != NULL)
    {
      label = label_new (where, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_name (row, item->id);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
search_changed_cb (SonaeManualPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (query == NULL || *query == '\0')
    {
      gtk_stack_set_visible_child_name (self->toc_stack, "toc");
      return;
    }
  flush_blocks (self);
  ensure_view (self);
  if (self->view == NULL)
    return;
  found = sonae_manual_view_search (self->view, query);
  for (guint i = 0; i < found->len && i < MAX_RESULTS; i++)
    gtk_list_box_append (self->results_list, result_row_new (self, g_ptr_array_index (found, i)));
  gtk_stack_set_visible_child_name (self->toc_stack, found->len > 0 ? "results" : "no-results");
}

static void
stop_search_cb (SonaeManualPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
result_activated_cb (SonaeManualPage *self,
                     GtkListBoxRow   *row)
{
  g_autofree char *id = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));

  sonae_manual_page_show_item (self, id);
}

static void
search_activate_cb (SonaeManualPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL)
    result_activated_cb (self, first);
}

void
sonae_manual_page_focus_search (SonaeManualPage *self)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->toc_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* --- changing the manual ---------------------------------------------------- */

static void
report_error (SonaeManualPage *self,
              GError          *error)
{
  if (error != NULL)
    sonae_show_error (GTK_WIDGET (self), _("Could not save the manual"), error);
}

typedef struct {
  SonaeManualPage *page;        /* weak */
  SonaeStore *store;
  SonaeManualUndo *undo;
} UndoToast;

static void
undo_toast_free (gpointer  data,
                 GClosure *closure)
{
  UndoToast *toast = data;

  g_clear_weak_pointer (&toast->page);
  g_object_unref (toast->store);
  sonae_manual_undo_free (toast->undo);
  g_free (toast);
}

static void
undo_clicked_cb (AdwToast  *toast,
                 UndoToast *data)
{
  g_autoptr(GError) error = NULL;

  if (!sonae_manual_undo_apply (data->undo, data->store, &error) && data->page != NULL)
    sonae_show_error (GTK_WIDGET (data->page), _("Could not undo the change to the manual"), error);
}

static void
show_undo_toast (SonaeManualPage *self,
                 const char      *title,
                 SonaeManualUndo *undo)
{
  AdwToast *toast = adw_toast_new (title);
  UndoToast *data = g_new0 (UndoToast, 1);

  g_set_weak_pointer (&data->page, self);
  data->store = g_object_ref (self->store);
  data->undo = undo;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), data, undo_toast_free, 0);
  sonae_show_toast (GTK_WIDGET (self), toast);
}

static char *
item_label (const SonaeManualViewItem *item)
{
  return snippet (item->title ? item->title : item->text);
}

/* Show a new step and put the cursor in it. */
static void
focus_new_step (SonaeManualPage *self,
                char            *new_id)
{
  g_free (self->focus_item);
  self->focus_item = new_id;
  g_free (self->scroll_item);
  self->scroll_item = g_strdup (new_id);
  reload (self);
}

static void
block_command_cb (SonaeManualBlock *block,
                  const char       *name,
                  SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sonae_manual_block_get_item_id (block));
  g_autofree char *toast = NULL;
  const char *author = sonae_manual_page_get_author (self);
  SonaeManualUndo *undo = NULL;
  char *new_id = NULL;
  const SonaeManualViewItem *item;
  gboolean ok = TRUE;

  ensure_view (self);
  item = self->view ? sonae_manual_view_lookup (self->view, id) : NULL;
  if (item == NULL)
    return;

  /* The blocks are rebuilt by what follows: keep nothing of @block. */
  if (g_str_equal (name, "reset"))
    {
      ok = sonae_manual_changes_reset (self->store, item, author, &undo, &error);
      toast = g_strdup (_("Back to the bundled text"));
    }
  else if (g_str_equal (name, "remove"))
    {
      g_autofree char *label = item_label (item);

      ok = sonae_manual_changes_remove (self->store, item, author, &undo, &error);
      /* Translators: a toast; %s is the start of the text that was removed */
      toast = g_strdup_printf (_("“%s” removed"), label);
    }
  else if (g_str_equal (name, "move-up") || g_str_equal (name, "move-down"))
    ok = sonae_manual_changes_move (self->store, self->view, item, g_str_equal (name, "move-up") ? -1 : 1,
                                    author, &error);
  else if (g_str_equal (name, "add-below"))
    ok = sonae_manual_changes_add_below (self->store, self->view, item, author, &new_id, &error);
  else if (g_str_equal (name, "keep-mine") || g_str_equal (name, "use-new"))
    ok = sonae_manual_changes_settle_review (self->store, item, g_str_equal (name, "keep-mine"), author, &error);
  else
    g_return_if_reached ();

  if (!ok)
    {
      report_error (self, error);
      return;
    }
  if (new_id != NULL)
    focus_new_step (self, new_id);
  else
    reload (self);
  if (undo != NULL)
    show_undo_toast (self, toast, undo);
}

static void
block_save_cb (SonaeManualBlock *block,
               gboolean          title,
               const char       *text,
               SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->view == NULL)
    return;
  self->saving = TRUE;
  ok = sonae_manual_changes_set_text (self->store, self->view, sonae_manual_block_get_item_id (block), title, text,
                                      sonae_manual_page_get_author (self), &error);
  self->saving = FALSE;
  if (!ok)
    {
      report_error (self, error);
      return;
    }
  sonae_manual_block_set_edited (block, TRUE);
}

static void
block_role_cb (SonaeManualBlock *block,
               const char       *role_key,
               SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sonae_manual_block_get_item_id (block));
  const SonaeManualViewItem *item;

  ensure_view (self);
  item = self->view ? sonae_manual_view_lookup (self->view, id) : NULL;
  if (item == NULL)
    return;
  if (!sonae_manual_changes_set_role (self->store, item, role_key, sonae_manual_page_get_author (self), &error))
    {
      report_error (self, error);
      return;
    }
  /* The chips now name another role: rebuild, after the drop-down closed. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* --- review ----------------------------------------------------------------------- */

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SonaeManualPage  *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "review"))
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (!sonae_manual_edits_mark_reviewed (self->store, NULL, name, &error))
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not save the review"), error);
      return;
    }
  reload (self);
  sonae_show_message (GTK_WIDGET (self), _("Review recorded"));
}

static void
review_name_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "review", *name != '\0');
}

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  flush_blocks (self);
  dialog = adw_message_dialog_new (parent_window (self), _("Mark the Manual as Reviewed?"),
                                   _("Record that the manual was read today and still fits the organisation: "
                                     "its people, numbers and steps."));
  gtk_widget_set_name (dialog, "review-dialog");
  gtk_widget_set_name (entry, "reviewer-entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reviewed by"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), sonae_manual_page_get_author (self));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "review", _("_Mark as Reviewed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "review", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (review_name_changed_cb), dialog);
  review_name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (review_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- actions -------------------------------------------------------------------- */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  GtkWidget *history;

  flush_blocks (self);
  history = sonae_manual_history_new (parent_window (self), self->store);
  gtk_window_present (GTK_WINDOW (history));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);

  flush_blocks (self);
  adw_leaflet_set_visible_child (self->leaflet, self->toc_pane);
}

static void
stop_editing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sonae_manual_page_set_editing (SONAE_MANUAL_PAGE (widget), FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sonae_manual_page_focus_search (SONAE_MANUAL_PAGE (widget));
}

static void
show_level_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sonae_manual_page_show_level (SONAE_MANUAL_PAGE (widget), g_variant_get_int32 (parameter));
}

static const SonaeManualViewItem *
first_needing_review (GPtrArray *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SonaeManualViewItem *item = g_ptr_array_index (items, i);
      const SonaeManualViewItem *found;

      if (item->needs_review)
        return item;
      if ((found = first_needing_review (item->paras)) != NULL ||
          (found = first_needing_review (item->children)) != NULL)
        return found;
    }
  return NULL;
}

static void
show_next_review_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  const SonaeManualViewItem *item;

  ensure_view (self);
  item = self->view ? first_needing_review (sonae_manual_view_get_sections (self->view)) : NULL;
  if (item != NULL)
    {
      g_autofree char *id = g_strdup (item->id);
      sonae_manual_page_show_item (self, id);
    }
}

static void
add_at_end_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  char *new_id = NULL;

  flush_blocks (self);
  ensure_view (self);
  if (self->view == NULL)
    return;
  if (!sonae_manual_changes_add_at_end (self->store, self->view, g_variant_get_string (parameter, NULL),
                                        sonae_manual_page_get_author (self), &new_id, &error))
    {
      report_error (self, error);
      return;
    }
  focus_new_step (self, new_id);
}

/* --- edit mode ------------------------------------------------------------------ */

gboolean
sonae_manual_page_get_editing (SonaeManualPage *self)
{
  g_return_val_if_fail (SONAE_IS_MANUAL_PAGE (self), FALSE);
  return self->editing;
}

void
sonae_manual_page_set_editing (SonaeManualPage *self,
                               gboolean         editing)
{
  g_return_if_fail (SONAE_IS_MANUAL_PAGE (self));

  editing = !!editing;
  if (self->editing == editing)
    return;
  flush_blocks (self);
  self->editing = editing;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/* --- GObject -------------------------------------------------------------------- */

static void
set_store (SonaeManualPage *self,
           SonaeStore      *store)
{
  g_assert (self->store == NULL);
  if (store == NULL)
    return;
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
}

static void
sonae_manual_page_unmap (GtkWidget *widget)
{
  flush_blocks (SONAE_MANUAL_PAGE (widget));
  GTK_WIDGET_CLASS (sonae_manual_page_parent_class)->unmap (widget);
}

static void
sonae_manual_page_dispose (GObject *object)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  if (self->blocks != NULL && self->store != NULL)
    flush_blocks (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->blocks != NULL)
    g_hash_table_remove_all (self->blocks);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_MANUAL_PAGE);
  g_clear_pointer (&self->view, sonae_manual_view_free);
  g_clear_pointer (&self->manual, sonae_manual_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_manual_page_parent_class)->dispose (object);
}

static void
sonae_manual_page_finalize (GObject *object)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_free (self->section_id);
  g_free (self->scroll_item);
  g_free (self->focus_item);

  G_OBJECT_CLASS (sonae_manual_page_parent_class)->finalize (object);
}

static void
sonae_manual_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_manual_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SonaeManualPage *self = SONAE_MANUAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_EDITING:
      sonae_manual_page_set_editing (self, g_value_get_boolean (value));
      break;
    case PROP_LEVEL:
      set_level (self, g_value_get_int (value));
      break;
    case PROP_SIDEBAR_FOLDED:
      if (self->sidebar_folded != g_value_get_boolean (value))
        {
          self->sidebar_folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sonae_manual_page_class_init (SonaeManualPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_manual_page_dispose;
  object_class->finalize = sonae_manual_page_finalize;
  object_class->get_property = sonae_manual_page_get_property;
  object_class->set_property = sonae_manual_page_set_property;
  widget_class->unmap = sonae_manual_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SONAE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 0, SONAE_MANUAL_N_LEVELS - 1, 2,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SONAE_TYPE_MANUAL_BLOCK);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-manual-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, toc_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, content_pane);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, toc_stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, toc_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, page_title);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, author_entry);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualPage, page_box);
  gtk_widget_class_bind_template_callback (widget_class, toc_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_install_action (widget_class, "manual.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "manual.stop-editing", NULL, stop_editing_action);
  gtk_widget_class_install_action (widget_class, "manual.mark-reviewed", NULL, mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "manual.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "manual.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "manual.show-level", "i", show_level_action);
  gtk_widget_class_install_action (widget_class, "manual.show-next-review", NULL, show_next_review_action);
  gtk_widget_class_install_action (widget_class, "manual.add-at-end", "s", add_at_end_action);
  gtk_widget_class_install_property_action (widget_class, "manual.level", "level");
  gtk_widget_class_install_property_action (widget_class, "manual.edit", "editing");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "manual.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "manual.edit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "manualpage");
}

static void
sonae_manual_page_init (SonaeManualPage *self)
{
  const char *real_name = g_get_real_name ();

  sonae_load_style ("sonae-manual.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->blocks = g_hash_table_new (g_str_hash, g_str_equal);
  self->level = 2;
  self->scroll_value = -1;
  self->section_id = g_strdup ("introduction");
  /* GLib says "Unknown" when the account has no real name. */
  gtk_editable_set_text (GTK_EDITABLE (self->author_entry),
                         real_name && *real_name && g_strcmp0 (real_name, "Unknown") != 0
                         ? real_name : g_get_user_name ());
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

GtkWidget *
sonae_manual_page_new (SonaeStore *store)
{
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  return g_object_new (SONAE_TYPE_MANUAL_PAGE, "store", store, NULL);
}
