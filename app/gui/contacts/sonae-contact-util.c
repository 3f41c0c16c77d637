/* sonae-contact-util.c: small helpers shared by the widgets of the contacts section */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-clock.h"
#include "sonae-contact-util.h"
#include "sonae-contacts.h"
#include "sonae-gui-util.h"
#include "sonae-role.h"
#include "sonae-store.h"

void
sonae_contacts_ensure_style (void)
{
  sonae_load_style ("sonae-contacts.css");
}

gboolean
sonae_contact_needs_attention (SonaeContact *contact)
{
  g_return_val_if_fail (SONAE_IS_CONTACT (contact), FALSE);

  /* Nothing to say yet of a contact being typed in. */
  if (contact->id == 0 && !contact->needs_check)
    return FALSE;
  return sonae_contact_get_freshness (contact, NULL) != SONAE_FRESHNESS_CURRENT;
}

char *
sonae_contact_attention_text (SonaeContact *contact)
{
  int days;

  g_return_val_if_fail (SONAE_IS_CONTACT (contact), NULL);

  if (!sonae_contact_needs_attention (contact))
    return NULL;
  switch (sonae_contact_get_freshness (contact, &days))
    {
    case SONAE_FRESHNESS_NEEDS_CHECK:
      return g_strdup (_("Check before relying on it"));
    case SONAE_FRESHNESS_NEVER:
      return g_strdup (_("Never verified"));
    case SONAE_FRESHNESS_STALE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Not verified for %d day",
                                           "Not verified for %d days", days), days);
    case SONAE_FRESHNESS_CURRENT:
    default:
      return NULL;
    }
}

const char *const *
sonae_phone_label_keys (void)
{
  static const char *const keys[] = { "mobile", "work", "home", "fax", "main", "other", NULL };
  return keys;
}

const char *const *
sonae_email_label_keys (void)
{
  static const char *const keys[] = { "work", "home", "other", NULL };
  return keys;
}

void
sonae_fill_role_pills (GtkWidget    *box,
                       SonaeContact *contact)
{
  GtkWidget *child;
  guint n_roles = contact ? contact->roles->len : 0;
  guint i = 0;

  guint n_pills = MIN (n_roles, 2);

  /* Reuse the labels already there: rows are rebound while scrolling. */
  child = gtk_widget_get_first_child (box);
  for (; i < n_pills + (n_roles > n_pills ? 1 : 0); i++)
    {
      g_autofree char *more = NULL;
      const char *name;

      if (i < n_pills)
        name = sonae_role_get_name (g_ptr_array_index (contact->roles, i));
      else
        name = more = g_strdup_printf ("+%u", n_roles - n_pills);

      if (child == NULL)
        {
          child = gtk_label_new (NULL);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (child), 16);
          gtk_widget_add_css_class (child, "role-pill");
          gtk_box_append (GTK_BOX (box), child);
        }
      gtk_label_set_label (GTK_LABEL (child), name);
      child = gtk_widget_get_next_sibling (child);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gtk_box_remove (GTK_BOX (box), child);
      child = next;
    }
  gtk_widget_set_visible (box, n_roles > 0);
}

GtkStringList *
sonae_group_string_list (SonaeOrgKind kind)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int g = 0; g < SONAE_N_GROUPS; g++)
    gtk_string_list_append (list, sonae_group_get_title ((SonaeGroup) g, kind));
  return list;
}

/* --- loading a roster into a model ------------------------------------------- */

#define LOAD_FIRST 25
#define LOAD_STEP 500

typedef struct {
  GWeakRef model;
  SonaeStore *store;
  guint loaded;
} RosterLoad;

static void
roster_load_free (gpointer data)
{
  RosterLoad *load = data;

  g_weak_ref_clear (&load->model);
  g_object_unref (load->store);
  g_free (load);
}

/* Append the next @size contacts; FALSE when the roster is all there. */
static gboolean
load_piece (RosterLoad *load,
            GListStore *model,
            guint       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) piece = sonae_contacts_list_range (load->store, load->loaded, size, &error);

  if (piece == NULL)
    {
      g_message ("Could not read the contacts: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < piece->len; i++)
    sonae_contact_prepare_search (g_ptr_array_index (piece, i));
  g_list_store_splice (model, g_list_model_get_n_items (G_LIST_MODEL (model)), 0, piece->pdata, piece->len);
  load->loaded += piece->len;
  return piece->len == size;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static gboolean
load_step_cb (gpointer data)
{
  RosterLoad *load = data;
  g_autoptr(GListStore) model = g_weak_ref_get (&load->model);

  if (model == NULL)
    return G_SOURCE_REMOVE;
  if (load_piece (load, model, LOAD_STEP))
    return G_SOURCE_CONTINUE;
  /* Done: nothing to remove when the model goes. */
  g_object_steal_data (G_OBJECT (model), "sonae-roster-load");
  return G_SOURCE_REMOVE;
}

void
sonae_contacts_load_model (GListStore *model,
                           SonaeStore *store)
{
  RosterLoad *load;

  g_return_if_fail (G_IS_LIST_STORE (model));
  g_return_if_fail (SONAE_IS_STORE (store));

  /* A load still running into @model stops: its next step finds the
   * roster read again. */
  g_object_set_data (G_OBJECT (model), "sonae-roster-load", NULL);
  g_list_store_remove_all (model);

  load = g_new0 (RosterLoad, 1);
  g_weak_ref_init (&load->model, model);
  load->store = g_object_ref (store);
  if (load_piece (load, model, LOAD_FIRST))
    {
      guint id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_step_cb, load, roster_load_free);

      /* Removing the source (a new load, or the model finalized) ends it. */
      g_object_set_data_full (G_OBJECT (model), "sonae-roster-load", GUINT_TO_POINTER (id), remove_source);
    }
  else
    roster_load_free (load);
}
