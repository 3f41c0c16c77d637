/* sonae-profile-group.c: the rows that edit the organisation profile */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-accessible.h"
#include "sonae-profile-group.h"

struct _SonaeProfileGroup
{
  AdwPreferencesGroup parent_instance;

  /* template widgets */
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwComboRow *prefecture_row;
  AdwEntryRow *address_row;
  AdwEntryRow *phone_row;

  /* owned */
  GtkStringList *prefecture_model;

  /* state */
  guint updating;
};

G_DEFINE_FINAL_TYPE (SonaeProfileGroup, sonae_profile_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SonaeOrgKind kinds[] = {
  SONAE_ORG_CLINIC,
  SONAE_ORG_HOSPITAL,
  SONAE_ORG_PHARMACY,
  SONAE_ORG_BUSINESS,
};

static void
row_changed_cb (SonaeProfileGroup *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A pharmacy is told how Sonae speaks to it (sonae_org_kind_is_medical()
 * says why); the other kinds need no note. */
static void
show_kind_note (SonaeProfileGroup *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                               kind < G_N_ELEMENTS (kinds) && kinds[kind] == SONAE_ORG_PHARMACY
                               ? _("Sonae has no texts of its own for a pharmacy yet: it speaks as to a business, of customers and employees.")
                               : "");
}

static void
kind_changed_cb (SonaeProfileGroup *self)
{
  show_kind_note (self);
  row_changed_cb (self);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

SonaeProfile *
sonae_profile_group_get_profile (SonaeProfileGroup *self)
{
  SonaeProfile *profile;
  guint kind;
  guint prefecture;

  g_return_val_if_fail (SONAE_IS_PROFILE_GROUP (self), NULL);

  profile = g_new0 (SonaeProfile, 1);
  profile->name = entry_text (self->name_row);
  profile->address = entry_text (self->address_row);
  profile->phone = entry_text (self->phone_row);

  kind = adw_combo_row_get_selected (self->kind_row);
  profile->kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : SONAE_ORG_CLINIC;

  /* Item 0 is "Not chosen"; then sonae_prefectures() in order; then,
   * perhaps, a value saved in another language that is kept as it is. */
  prefecture = adw_combo_row_get_selected (self->prefecture_row);
  if (prefecture != GTK_INVALID_LIST_POSITION && prefecture > 0 &&
      prefecture <= g_strv_length ((char **) sonae_prefecture_keys ()))
    profile->prefecture = g_strdup (sonae_prefecture_keys ()[prefecture - 1]);
  else if (prefecture != GTK_INVALID_LIST_POSITION && prefecture > 0)
    profile->prefecture = g_strdup (gtk_string_list_get_string (self->prefecture_model, prefecture));

  return profile;
}

void
sonae_profile_group_set_profile (SonaeProfileGroup  *self,
                                 const SonaeProfile *profile)
{
  const char *const *prefectures = sonae_prefectures ();
  guint prefecture = 0;
  guint n_prefectures;

  g_return_if_fail (SONAE_IS_PROFILE_GROUP (self));
  g_return_if_fail (profile != NULL);

  self->updating++;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), profile->name ? profile->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), profile->address ? profile->address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), profile->phone ? profile->phone : "");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == profile->kind)
      adw_combo_row_set_selected (self->kind_row, i);

  n_prefectures = g_strv_length ((char **) sonae_prefecture_keys ());
  g_assert (g_strv_length ((char **) prefectures) == n_prefectures);
  /* Drop the extra item a previous profile may have added. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->prefecture_model)) > n_prefectures + 1)
    gtk_string_list_remove (self->prefecture_model, n_prefectures + 1);
  /* By its English name, or by the name in the language of the moment. */
  for (guint i = 0; profile->prefecture && i < g_strv_length ((char **) sonae_prefecture_keys ()); i++)
    if (g_strcmp0 (sonae_prefecture_keys ()[i], profile->prefecture) == 0 ||
        g_strcmp0 (prefectures[i], profile->prefecture) == 0)
      prefecture = i + 1;
  /* A value written in another language (or by an import) is shown and
   * kept as it is, never silently replaced by "Not chosen". */
  if (prefecture == 0 && profile->prefecture != NULL && *profile->prefecture != '\0')
    {
      gtk_string_list_append (self->prefecture_model, profile->prefecture);
      prefecture = n_prefectures + 1;
    }
  adw_combo_row_set_selected (self->prefecture_row, prefecture);

  self->updating--;
}

static void
sonae_profile_group_finalize (GObject *object)
{
  SonaeProfileGroup *self = SONAE_PROFILE_GROUP (object);

  g_clear_object (&self->prefecture_model);

  G_OBJECT_CLASS (sonae_profile_group_parent_class)->finalize (object);
}

static void
sonae_profile_group_class_init (SonaeProfileGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sonae_profile_group_finalize;

  /**
   * SonaeProfileGroup::changed:
   *
   * The user edited a row.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-profile-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeProfileGroup, name_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeProfileGroup, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeProfileGroup, prefecture_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeProfileGroup, address_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeProfileGroup, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
}

static void
sonae_profile_group_init (SonaeProfileGroup *self)
{
  g_autoptr(GtkStringList) kind_model = gtk_string_list_new (NULL);

  /* The rows are filled before anyone listens, so no "changed" yet. */
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  sonae_accessible_name_choices (GTK_WIDGET (self->kind_row));
  sonae_accessible_name_choices (GTK_WIDGET (self->prefecture_row));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_model, sonae_org_kind_get_title (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_model));

  self->prefecture_model = gtk_string_list_new (NULL);
  gtk_string_list_append (self->prefecture_model, _("Not chosen"));
  gtk_string_list_splice (self->prefecture_model, 1, 0, sonae_prefectures ());
  adw_combo_row_set_model (self->prefecture_row, G_LIST_MODEL (self->prefecture_model));
  self->updating--;
}

GtkWidget *
sonae_profile_group_new (void)
{
  return g_object_new (SONAE_TYPE_PROFILE_GROUP, NULL);
}
