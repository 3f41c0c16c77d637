/* sonae-manual-page-render.c: one section of the manual laid out as a
 * document: headings, paragraphs, numbered steps with the responsible
 * role's holder and number, the whom-to-call rows, the level switcher and
 * the banners */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-manual-page-private.h"
#include "sonae-gui-util.h"

/* --- building the page: pieces ---------------------------------------------- */

GtkWidget *
sonae_manual_page_label_new (const char *text,
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
  GtkWidget *label = sonae_manual_page_label_new (text, NULL);

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

static SonaeManualBlock *
add_block (SonaeManualPage           *self,
           GtkWidget                 *box,
           const SonaeManualViewItem *item,
           SonaeManualBlockFlags      flags)
{
  GtkWidget *block;

  if ((flags & SONAE_MANUAL_BLOCK_ROLE) && self->store != NULL && sonae_store_is_care (self->store))
    flags |= SONAE_MANUAL_BLOCK_CARE_ROLES;
  block = sonae_manual_block_new (item, flags, self->editing);

  sonae_manual_page_connect_block (self, SONAE_MANUAL_BLOCK (block));
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
        sonae_manual_block_add_extra (block, sonae_manual_page_label_new (deputies, "dim-label"));
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
  GtkWidget *label = sonae_manual_page_label_new (text, "title-4");

  gtk_widget_set_margin_top (label, 6);
  return label;
}

/* The phone numbers, e-mail and website of an office, for the page. */
static GtkWidget *
numbers_label_new (SonaeContact *contact)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (contact == NULL)
    return sonae_manual_page_label_new (_("Not in the contact list"), "dim-label");
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
    return sonae_manual_page_label_new (_("No phone number"), "dim-label");
  {
    GtkWidget *label = sonae_manual_page_label_new (text->str, "numeric");

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
      GtkWidget *title = sonae_manual_page_label_new (level->title, "heading");
      GtkWidget *text = sonae_manual_page_label_new (level->text, "manual-text");

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
      gtk_box_append (GTK_BOX (box), sonae_manual_page_label_new (_("Call in this order. If nobody answers, call the deputy, then the next person."), NULL));
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
    gtk_box_append (GTK_BOX (box), sonae_manual_page_label_new (_("No steps."), "dim-label"));
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
            /* One under each procedure: no mnemonic. */
            gtk_box_append (GTK_BOX (steps), add_button_new (_("Add Step"), proc->id));
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

      gtk_box_append (GTK_BOX (entry), sonae_manual_page_label_new (sonae_contact_get_display_name (contact), "heading"));
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
    gtk_box_append (GTK_BOX (box), add_button_new (_("Add Step"), section->id));
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

void
sonae_manual_page_render (SonaeManualPage *self)
{
  const SonaeManualViewItem *section;
  g_autofree char *subtitle = NULL;

  clear_page (self);
  if (self->view == NULL)
    return;

  self->rendered = TRUE;
  section = sonae_manual_view_get_section (self->view, self->section_id);
  if (section == NULL)
    {
      section = g_ptr_array_index (sonae_manual_view_get_sections (self->view), 0);
      g_free (self->section_id);
      self->section_id = g_strdup (section->id);
      sonae_manual_page_select_toc_row (self);
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