/* sonae-manual-history.c: the manual's revision history, newest first */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sonae-manual-history.h"
#include "sonae-accessible.h"
#include "sonae-gui-util.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-view.h"

/* Names of parts are cut to this many characters in a row's title. */
#define NAME_CHARS 48

struct _SonaeManualHistory
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkListBox *list;

  /* state */
  guint count;
};

G_DEFINE_FINAL_TYPE (SonaeManualHistory, sonae_manual_history, ADW_TYPE_WINDOW)

static char *
shorten (const char *text)
{
  g_autofree char *flat = NULL;

  if (text == NULL)
    return NULL;
  flat = g_strdelimit (g_strdup (text), "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= NAME_CHARS)
    return g_steal_pointer (&flat);
  {
    g_autofree char *cut = g_utf8_substring (flat, 0, NAME_CHARS - 1);
    return g_strconcat (cut, "…", NULL);
  }
}

/* What a person calls the part @item_id: its title, else the start of its
 * text; NULL when the manual no longer has it. */
static char *
item_name (SonaeManualView *view,
           const char      *item_id)
{
  g_autofree char *id = g_strdup (item_id);
  const SonaeManualViewItem *item;

  if (g_str_has_suffix (id, SONAE_MANUAL_TITLE_SUFFIX))
    id[strlen (id) - strlen (SONAE_MANUAL_TITLE_SUFFIX)] = '\0';
  item = view ? sonae_manual_view_lookup (view, id) : NULL;
  if (item == NULL && view != NULL)
    {
      GPtrArray *removed = sonae_manual_view_get_removed (view);

      for (guint i = 0; i < removed->len && item == NULL; i++)
        if (g_strcmp0 (((SonaeManualViewItem *) g_ptr_array_index (removed, i))->id, id) == 0)
          item = g_ptr_array_index (removed, i);
    }
  if (item == NULL)
    return NULL;
  return shorten (item->title ? item->title : item->text);
}

static char *
role_name (const char *key)
{
  return g_strdup (key ? sonae_role_get_name (key) : _("the role the manual names"));
}

static char *
describe (SonaeManualView           *view,
          const SonaeManualRevision *r)
{
  g_autofree char *name = item_name (view, r->item_id);
  const char *action = r->action ? r->action : "";
  gboolean title = r->item_id && g_str_has_suffix (r->item_id, SONAE_MANUAL_TITLE_SUFFIX);

  if (g_str_equal (action, "level-role"))
    {
      int level = r->item_id && g_str_has_prefix (r->item_id, "level-") ? atoi (r->item_id + 6) : 0;
      g_autofree char *role = role_name (r->new_text);

      /* Translators: a change in the manual's history; %d is a damage level, %s a role */
      return g_strdup_printf (_("Level %d is now handled by %s"), level, role);
    }
  if (g_str_equal (action, "review"))
    /* Translators: %s is a date */
    return g_strdup_printf (_("Manual reviewed on %s"), r->new_text ? r->new_text : "");
  if (g_str_equal (action, "add"))
    {
      g_autofree char *text = shorten (r->new_text);
      /* Translators: %s is the start of a step the organisation added */
      return g_strdup_printf (_("Added “%s”"), text ? text : "");
    }

  if (name == NULL)
    name = g_strdup (r->item_id ? r->item_id : "");
  if (g_str_equal (action, "edit"))
    return title ? g_strdup_printf (_("Changed the title “%s”"), name)
                 : g_strdup_printf (_("Changed “%s”"), name);
  if (g_str_equal (action, "role"))
    {
      g_autofree char *role = role_name (r->new_text);
      /* Translators: the first %s is a step, the second a role */
      return g_strdup_printf (_("“%s” is now the task of %s"), name, role);
    }
  if (g_str_equal (action, "remove"))
    return g_strdup_printf (_("Removed “%s”"), name);
  if (g_str_equal (action, "move"))
    return g_strdup_printf (_("Moved “%s”"), name);
  if (g_str_equal (action, "reset"))
    return g_strdup_printf (_("Reset “%s” to the bundled text"), name);
  return g_strdup_printf (_("%s: %s"), action, name);
}

static char *
when_and_who (const SonaeManualRevision *r)
{
  g_autofree char *at = g_strndup (r->at ? r->at : "", 16);
  const char *author = r->author && *r->author ? r->author : _("Unknown");

  g_strdelimit (at, "T", ' ');
  /* Translators: in the manual's history: when, then who */
  return g_strdup_printf (_("%s · %s"), at, author);
}

/* A text before or after the change, under @row. */
static void
add_text (AdwExpanderRow *row,
          const char     *heading,
          const char     *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *head = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_widget_add_css_class (head, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), body);
  adw_expander_row_add_row (row, box);
  /* The row the expander wraps around the box: "Before", then the text. */
  sonae_accessible_name_row (gtk_widget_get_parent (box), head, NULL);
  sonae_accessible_describe_row (gtk_widget_get_parent (box), body, NULL);
}

static gboolean
shows_texts (const SonaeManualRevision *r)
{
  return g_strcmp0 (r->action, "edit") == 0 || g_strcmp0 (r->action, "reset") == 0 ||
         g_strcmp0 (r->action, "add") == 0;
}

static GtkWidget *
revision_row_new (SonaeManualView           *view,
                  const SonaeManualRevision *r)
{
  g_autofree char *title = describe (view, r);
  g_autofree char *subtitle = when_and_who (r);
  GtkWidget *row;

  if (shows_texts (r) && (r->old_text != NULL || r->new_text != NULL))
    {
      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      if (r->old_text != NULL)
        add_text (ADW_EXPANDER_ROW (row), _("Before"), r->old_text);
      /* A reset's "new" text is the bundled (English source) text it went back to. */
      if (r->new_text != NULL && g_strcmp0 (r->action, "reset") != 0)
        add_text (ADW_EXPANDER_ROW (row), _("After"), r->new_text);
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
fill (SonaeManualHistory *self,
      SonaeStore         *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = sonae_manual_edits_list_revisions (store, &error);
  g_autoptr(SonaeManualView) view = sonae_manual_view_new (store, NULL, NULL);

  if (revisions == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the manual"), error);
      revisions = g_ptr_array_new ();
    }
  for (guint i = 0; i < revisions->len; i++)
    gtk_list_box_append (self->list, revision_row_new (view, g_ptr_array_index (revisions, i)));
  self->count = revisions->len;
  gtk_stack_set_visible_child_name (self->stack, self->count > 0 ? "list" : "empty");
}

guint
sonae_manual_history_get_count (SonaeManualHistory *self)
{
  g_return_val_if_fail (SONAE_IS_MANUAL_HISTORY (self), 0);
  return self->count;
}

static void
sonae_manual_history_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SONAE_TYPE_MANUAL_HISTORY);
  G_OBJECT_CLASS (sonae_manual_history_parent_class)->dispose (object);
}

static void
sonae_manual_history_class_init (SonaeManualHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_manual_history_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-manual-history.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeManualHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeManualHistory, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sonae_manual_history_init (SonaeManualHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_accessible_name_rows (GTK_WIDGET (self->list));
}

GtkWidget *
sonae_manual_history_new (GtkWindow  *parent,
                          SonaeStore *store)
{
  SonaeManualHistory *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_MANUAL_HISTORY, "transient-for", parent, NULL);
  fill (self, store);
  return GTK_WIDGET (self);
}
