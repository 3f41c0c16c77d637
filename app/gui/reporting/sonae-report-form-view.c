/* sonae-report-form-view.c: an incident's report as a form.
 *
 * The form is built once from the core's field table, grouped by the
 * paper form's parts; the PPC draft's own fields belong to another view.
 * What the incident record proposes is marked until someone changes it, and
 * can be brought back. Choices, checks and durations are saved at once,
 * text about a second after the last key (and when the view is hidden);
 * the store checks every value and a refusal is shown under its field with
 * the typed text kept. The 5W1H hearing is shown as gathered, and the
 * incident's actions are listed by kind with what can be done to them
 * (sonae-report-form-capa.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-report-form-view.h"
#include "sonae-autosave.h"
#include "sonae-capa.h"
#include "sonae-clock.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-report-form-capa-private.h"
#include "sonae-report-form.h"


typedef struct _Field Field;

struct _SonaeReportFormView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkBox *form_box;
  GtkLabel *updated_label;

  /* borrowed: built in init, children of form_box */
  AdwPreferencesGroup *section_groups[SONAE_N_REPORT_SECTIONS];
  AdwPreferencesGroup *signoff_group;
  AdwPreferencesGroup *hearing_group;
  AdwActionRow *hearing_rows[SONAE_REPORT_N_5W1H];

  /* owned */
  SonaeStore *store;
  SonaeReport *report;
  GPtrArray *fields;                            /* of Field */
  SonaeReportFormCapa capa;                     /* the actions */
  gint64 incident_id;
  gulong changed_handler;
  guint reload_source;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (SonaeReportFormView, sonae_report_form_view, GTK_TYPE_WIDGET)

/* One field of the form and its widgets (borrowed, children of a group). */
struct _Field
{
  SonaeReportFormView *view;
  const SonaeReportField *field;
  const char *key;
  SonaeReportFieldKind kind;
  GtkWidget *row;               /* the row in its group */
  GtkTextBuffer *buffer;        /* TEXT */
  GtkWidget *text_view;         /* TEXT */
  GPtrArray *checks;            /* MULTI: GtkCheckButton per option (owned array) */
  GtkSpinButton *hours;         /* DURATION */
  GtkSpinButton *minutes;       /* DURATION */
  GtkWidget *mark;              /* "From the incident record" */
  GtkWidget *revert;            /* back to the proposal */
  GtkWidget *note_row;          /* the refusal, under the field */
  GtkLabel *note_label;
  SonaeAutosave autosave;
  gboolean dirty;               /* changed, not saved yet */
  gboolean failed;              /* refused: the typed text is kept */
};

static void
field_free (gpointer data)
{
  Field *f = data;

  sonae_autosave_cancel (&f->autosave);
  g_clear_pointer (&f->checks, g_ptr_array_unref);
  g_free (f);
}

static gboolean save_field (Field *f);
static void load (SonaeReportFormView *self);

static gboolean
is_signoff (const char *key)
{
  return g_str_equal (key, SONAE_REPORT_FIRST_AID_BY) ||
         g_str_equal (key, SONAE_REPORT_FIRST_AID_BY_ON) ||
         g_str_equal (key, SONAE_REPORT_FIRST_AID_APPROVED_BY) ||
         g_str_equal (key, SONAE_REPORT_FIRST_AID_APPROVED_ON);
}

static Field *
find_field (SonaeReportFormView *self,
            const char          *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);

      if (g_str_equal (f->key, key))
        return f;
    }
  return NULL;
}

/* --- reading the widgets ------------------------------------------------------ */

/* What the field's widgets hold now, in the form the store takes. */
static char *
field_get_text (Field *f)
{
  switch (f->kind)
    {
    case SONAE_REPORT_LINE:
    case SONAE_REPORT_DATE:
    case SONAE_REPORT_DATETIME:
      return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->row))));
    case SONAE_REPORT_TEXT:
      {
        GtkTextIter start, end;
        char *text;

        gtk_text_buffer_get_bounds (f->buffer, &start, &end);
        text = gtk_text_buffer_get_text (f->buffer, &start, &end, FALSE);
        return g_strstrip (text);
      }
    case SONAE_REPORT_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));

        if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
          return g_strdup ("");
        return g_strdup (sonae_report_field_get_option_key (f->field, selected - 1));
      }
    case SONAE_REPORT_MULTI:
      {
        GString *keys = g_string_new (NULL);

        for (guint i = 0; i < f->checks->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (f->checks, i)))
            {
              if (keys->len > 0)
                g_string_append_c (keys, ',');
              g_string_append (keys, sonae_report_field_get_option_key (f->field, i));
            }
        return g_string_free (keys, FALSE);
      }
    case SONAE_REPORT_DURATION:
      return g_strdup_printf ("%d:%02d",
                              gtk_spin_button_get_value_as_int (f->hours),
                              gtk_spin_button_get_value_as_int (f->minutes));
    default:
      g_assert_not_reached ();
    }
}

/* The stored value as the widgets show it. */
static char *
field_shown_value (Field *f)
{
  const char *value = f->view->report ? sonae_report_get (f->view->report, f->key) : NULL;

  if (value == NULL)
    return f->kind == SONAE_REPORT_DURATION ? g_strdup ("0:00") : g_strdup ("");
  if (f->kind == SONAE_REPORT_DATETIME)
    {
      char *shown = sonae_datetime_format (value);

      return shown != NULL ? shown : g_strdup (value);
    }
  return g_strdup (value);
}

static gboolean
field_is_typing (Field *f)
{
  switch (f->kind)
    {
    case SONAE_REPORT_LINE:
    case SONAE_REPORT_DATE:
    case SONAE_REPORT_DATETIME:
      return gtk_widget_get_focus_child (f->row) != NULL;
    case SONAE_REPORT_TEXT:
      return gtk_widget_has_focus (f->text_view);
    default:
      return FALSE;
    }
}

/* --- showing ------------------------------------------------------------------ */

static void
show_note (Field      *f,
           const char *message)
{
  gtk_label_set_text (f->note_label, message ? message : "");
  gtk_widget_set_visible (f->note_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (f->row, "error");
  else
    gtk_widget_remove_css_class (f->row, "error");
}

static void
show_marks (Field *f)
{
  SonaeReport *report = f->view->report;
  gboolean proposed = FALSE;
  gboolean has_proposal = FALSE;

  if (report != NULL)
    {
      proposed = sonae_report_is_proposed (report, f->key) && sonae_report_get (report, f->key) != NULL;
      has_proposal = report->proposed != NULL && g_hash_table_contains (report->proposed, f->key);
    }
  gtk_widget_set_visible (f->mark, proposed && !f->dirty && !f->failed);
  gtk_widget_set_visible (f->revert, has_proposal && (!proposed || f->dirty || f->failed));
}

static void
show_multi_summary (Field *f)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < f->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (f->checks, i)))
      {
        if (titles->len > 0)
          /* Translators: between the chosen options of a list */
          g_string_append (titles, _(", "));
        g_string_append (titles, sonae_report_field_get_option_title (f->field, i));
      }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (f->row),
                                 titles->len > 0 ? titles->str : _("None chosen"));
}

/* Put the stored value into the widgets, unless someone is typing there or
 * a refused value waits to be corrected (@force: even then). */
static void
show_field (Field    *f,
            gboolean  force)
{
  g_autofree char *value = NULL;

  if (!force && (f->dirty || f->failed || field_is_typing (f)))
    {
      show_marks (f);
      return;
    }
  sonae_autosave_cancel (&f->autosave);
  f->dirty = FALSE;
  f->failed = FALSE;
  show_note (f, NULL);
  value = field_shown_value (f);

  switch (f->kind)
    {
    case SONAE_REPORT_LINE:
    case SONAE_REPORT_DATE:
    case SONAE_REPORT_DATETIME:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (f->row)), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (f->row), value);
      break;
    case SONAE_REPORT_TEXT:
      {
        g_autofree char *now = field_get_text (f);

        if (g_strcmp0 (now, value) != 0)
          gtk_text_buffer_set_text (f->buffer, value, -1);
        break;
      }
    case SONAE_REPORT_CHOICE:
      {
        guint selected = 0;

        for (guint i = 0; i < sonae_report_field_get_n_options (f->field); i++)
          if (g_strcmp0 (sonae_report_field_get_option_key (f->field, i), value) == 0)
            selected = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (f->row), selected);
        break;
      }
    case SONAE_REPORT_MULTI:
      {
        g_auto(GStrv) keys = g_strsplit (value, ",", -1);

        for (guint i = 0; i < f->checks->len; i++)
          gtk_check_button_set_active (g_ptr_array_index (f->checks, i),
                                       g_strv_contains ((const char * const *) keys,
                                                        sonae_report_field_get_option_key (f->field, i)));
        show_multi_summary (f);
        break;
      }
    case SONAE_REPORT_DURATION:
      {
        guint64 hours = 0, minutes = 0;
        const char *colon = strchr (value, ':');

        if (colon != NULL)
          {
            g_autofree char *h = g_strndup (value, colon - value);

            g_ascii_string_to_unsigned (h, 10, 0, 9999, &hours, NULL);
            g_ascii_string_to_unsigned (colon + 1, 10, 0, 59, &minutes, NULL);
          }
        gtk_spin_button_set_value (f->hours, (double) hours);
        gtk_spin_button_set_value (f->minutes, (double) minutes);
        break;
      }
    default:
      g_assert_not_reached ();
    }
  show_marks (f);
}

static void
show_hearing (SonaeReportFormView *self)
{
  SonaeReport5w1h hearing[SONAE_REPORT_N_5W1H];

  sonae_report_get_5w1h (self->report, hearing);
  for (guint i = 0; i < SONAE_REPORT_N_5W1H; i++)
    {
      AdwActionRow *row = self->hearing_rows[i];
      gboolean known = hearing[i].value != NULL && *hearing[i].value != '\0';
      g_autofree char *when = NULL;

      /* A stored time reads as the rest of the form shows times. */
      if (known && g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}", hearing[i].value, 0, 0))
        when = sonae_datetime_format (hearing[i].value);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hearing[i].label);
      adw_action_row_set_subtitle (row, when ? when : known ? hearing[i].value : _("Not known yet"));
      if (known)
        gtk_widget_remove_css_class (GTK_WIDGET (row), "report-unknown");
      else
        gtk_widget_add_css_class (GTK_WIDGET (row), "report-unknown");
    }
}

static void
show_updated (SonaeReportFormView *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->report->updated_at == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->updated_label), FALSE);
      return;
    }
  when = sonae_datetime_format (self->report->updated_at);
  /* Translators: the report's last change: a date and time, and a name */
  text = g_strdup_printf (_("Last changed %s by %s"), when ? when : self->report->updated_at,
                          self->report->updated_by ? self->report->updated_by : "—");
  gtk_label_set_text (self->updated_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->updated_label), TRUE);
}

/* --- loading ------------------------------------------------------------------- */

static void
load (SonaeReportFormView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeReport) report = NULL;
  g_autoptr(GPtrArray) actions = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->incident_id == 0)
    return;
  report = sonae_report_load (self->store, self->incident_id, &error);
  if (report == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the incident report"), error);
      return;
    }
  actions = sonae_capa_list (self->store, self->incident_id, &error);
  if (actions == NULL)
    {
      sonae_show_error (GTK_WIDGET (self), _("Could not read the actions"), error);
      return;
    }
  g_clear_pointer (&self->report, sonae_report_free);
  self->report = g_steal_pointer (&report);
  g_clear_pointer (&self->capa.actions, g_ptr_array_unref);
  self->capa.actions = g_steal_pointer (&actions);

  self->updating = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    show_field (g_ptr_array_index (self->fields, i), FALSE);
  show_hearing (self);
  show_updated (self);
  sonae_report_form_capa_show (&self->capa);
  self->updating = FALSE;
}

static gboolean
reload_idle_cb (gpointer data)
{
  SonaeReportFormView *self = data;

  self->reload_source = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SonaeStore          *store,
                  const char          *detail,
                  SonaeReportFormView *self)
{
  if (g_strcmp0 (detail, SONAE_CHANGED_INCIDENTS) != 0 || self->incident_id == 0)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* --- saving ------------------------------------------------------------------ */

/* Save @f if it changed. TRUE when nothing is left unsaved. */
static gboolean
save_field (Field *f)
{
  SonaeReportFormView *self = f->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;

  sonae_autosave_cancel (&f->autosave);
  if (self->store == NULL || self->incident_id == 0 || self->report == NULL)
    return TRUE;
  value = field_get_text (f);
  shown = field_shown_value (f);
  if (g_strcmp0 (value, shown) == 0)
    {
      /* Typed back to what was there: nothing to store. */
      f->dirty = FALSE;
      f->failed = FALSE;
      show_note (f, NULL);
      show_marks (f);
      return TRUE;
    }

  author = sonae_get_author ();
  if (!sonae_report_save_field (self->store, self->incident_id, f->key, value, author, &error))
    {
      f->dirty = FALSE;
      f->failed = TRUE;
      show_note (f, error->message);
      show_marks (f);
      return FALSE;
    }
  f->dirty = FALSE;
  f->failed = FALSE;
  show_note (f, NULL);
  load (self);
  return TRUE;
}

static void
save_timeout_cb (gpointer data)
{
  save_field (data);
}

/* Text: saved a moment after the last key. */
static void
text_changed (Field *f)
{
  if (f->view->updating)
    return;
  f->dirty = TRUE;
  show_marks (f);
  sonae_autosave_schedule (&f->autosave);
}

static void
entry_changed_cb (GtkEditable *editable,
                  Field       *f)
{
  text_changed (f);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Field         *f)
{
  text_changed (f);
}

static void
entry_activated_cb (AdwEntryRow *row,
                    Field       *f)
{
  save_field (f);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Field                   *f)
{
  if (f->dirty)
    save_field (f);
}

/* Choices, checks and durations: saved at once. */
static void
choice_changed_cb (GObject    *object,
                   GParamSpec *pspec,
                   Field      *f)
{
  if (f->view->updating)
    return;
  save_field (f);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Field          *f)
{
  if (f->view->updating)
    return;
  show_multi_summary (f);
  save_field (f);
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 Field         *f)
{
  if (f->view->updating)
    return;
  save_field (f);
}

static void
revert_clicked_cb (GtkButton *button,
                   Field     *f)
{
  SonaeReportFormView *self = f->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = sonae_get_author ();

  sonae_autosave_cancel (&f->autosave);
  if (!sonae_report_save_field (self->store, self->incident_id, f->key, NULL, author, &error))
    {
      show_note (f, error->message);
      return;
    }
  f->dirty = FALSE;
  f->failed = FALSE;
  load (self);
  self->updating = TRUE;
  show_field (f, TRUE);
  self->updating = FALSE;
}

/* 担当 or 承認 signed by the person at this computer, today. */
static void
sign_today_cb (GtkButton           *button,
               SonaeReportFormView *self)
{
  const char *name_key = g_object_get_data (G_OBJECT (button), "sonae-name-key");
  const char *date_key = g_object_get_data (G_OBJECT (button), "sonae-date-key");
  Field *name = find_field (self, name_key);
  Field *date = find_field (self, date_key);
  g_autofree char *author = sonae_get_author ();
  g_autofree char *today = sonae_clock_today ();

  if (name == NULL || date == NULL)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (name->row), author);
  gtk_editable_set_text (GTK_EDITABLE (date->row), today);
  self->updating = FALSE;
  /* Both wait to be saved: showing the first one saved leaves the other. */
  name->dirty = date->dirty = TRUE;
  if (save_field (name))
    save_field (date);
}

/* --- building the form ----------------------------------------------------------- */

static AdwPreferencesGroup *
add_group (SonaeReportFormView *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->form_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
mark_label (const char *key)
{
  GtkWidget *label = gtk_label_new (_("From the incident record"));
  g_autofree char *name = g_strdup_printf ("%s-mark", key);

  gtk_widget_set_name (label, name);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "report-mark");
  gtk_widget_set_tooltip_text (label, _("Proposed from what the incident record knows. Change it if it is not right."));
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
revert_button (Field *f)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  g_autofree char *name = g_strdup_printf ("%s-revert", f->key);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Use the incident record's value"));
  gtk_widget_set_visible (button, FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (revert_clicked_cb), f);
  return button;
}

static void
add_suffixes (Field     *f,
              GtkWidget *row)
{
  f->mark = mark_label (f->key);
  f->revert = revert_button (f);
  if (ADW_IS_ENTRY_ROW (row))
    {
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), f->mark);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), f->revert);
    }
  else if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), f->revert);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), f->mark);
    }
  else
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), f->mark);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), f->revert);
    }
}

static GtkWidget *
build_entry (Field *f)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  const char *hint = sonae_report_field_get_hint (f->field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_report_field_get_title (f->field));
  if (hint != NULL)
    gtk_widget_set_tooltip_text (row, hint);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), f);
  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), f);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), f);
  gtk_widget_add_controller (row, focus);
  add_suffixes (f, row);
  return row;
}

static GtkWidget *
build_text (Field *f)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (sonae_report_field_get_title (f->field));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  const char *hint = sonae_report_field_get_hint (f->field);
  g_autofree char *name = g_strdup_printf ("%s-text", f->key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_report_field_get_title (f->field));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "report-field-title");
  gtk_box_append (GTK_BOX (header), title);
  f->mark = mark_label (f->key);
  f->revert = revert_button (f);
  gtk_box_append (GTK_BOX (header), f->mark);
  gtk_box_append (GTK_BOX (header), f->revert);
  gtk_box_append (GTK_BOX (box), header);

  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_box_append (GTK_BOX (box), hint_label);
    }

  f->text_view = gtk_text_view_new ();
  gtk_widget_set_name (f->text_view, name);
  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->text_view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (f->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (f->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (f->text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (f->text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (f->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (f->text_view), 8);
  gtk_widget_set_size_request (f->text_view, -1, 72);
  gtk_widget_add_css_class (f->text_view, "report-text");
  gtk_frame_set_child (GTK_FRAME (frame), f->text_view);
  gtk_widget_add_css_class (frame, "report-text-frame");
  gtk_box_append (GTK_BOX (box), frame);

  g_signal_connect (f->buffer, "changed", G_CALLBACK (buffer_changed_cb), f);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), f);
  gtk_widget_add_controller (f->text_view, focus);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
build_choice (Field *f)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) options = gtk_string_list_new (NULL);
  const char *hint = sonae_report_field_get_hint (f->field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_report_field_get_title (f->field));
  if (hint != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
  /* Translators: a choice not made yet */
  gtk_string_list_append (options, _("—"));
  for (guint i = 0; i < sonae_report_field_get_n_options (f->field); i++)
    gtk_string_list_append (options, sonae_report_field_get_option_title (f->field, i));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (options));
  g_signal_connect (row, "notify::selected", G_CALLBACK (choice_changed_cb), f);
  add_suffixes (f, row);
  return row;
}

static GtkWidget *
build_multi (Field *f)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_report_field_get_title (f->field));
  f->checks = g_ptr_array_new ();
  for (guint i = 0; i < sonae_report_field_get_n_options (f->field); i++)
    {
      GtkWidget *option = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = g_strdup_printf ("%s:%s", f->key, sonae_report_field_get_option_key (f->field, i));

      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (option), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (option),
                                     sonae_report_field_get_option_title (f->field, i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (option), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (option), check);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), f);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), option);
      g_ptr_array_add (f->checks, check);
    }
  add_suffixes (f, row);
  return row;
}

static GtkSpinButton *
duration_spin (Field      *f,
               double      max,
               const char *part)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);
  g_autofree char *name = g_strdup_printf ("%s-%s", f->key, part);

  gtk_widget_set_name (spin, name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), f);
  return GTK_SPIN_BUTTON (spin);
}

static GtkWidget *
unit_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
build_duration (Field *f)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *hint = sonae_report_field_get_hint (f->field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sonae_report_field_get_title (f->field));
  if (hint != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
  f->hours = duration_spin (f, 9999, "hours");
  f->minutes = duration_spin (f, 59, "minutes");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->hours));
  /* Translators: after a number of hours */
  gtk_box_append (GTK_BOX (box), unit_label (_("h")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->minutes));
  /* Translators: after a number of minutes */
  gtk_box_append (GTK_BOX (box), unit_label (_("min")));
  add_suffixes (f, row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static GtkWidget *
sign_today_button (SonaeReportFormView *self,
                   const char          *name_key,
                   const char          *date_key)
{
  GtkWidget *button = gtk_button_new_with_label (_("Sign Today"));
  g_autofree char *name = g_strdup_printf ("%s-sign", name_key);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Fill in your name and today's date"));
  g_object_set_data (G_OBJECT (button), "sonae-name-key", (gpointer) name_key);
  g_object_set_data (G_OBJECT (button), "sonae-date-key", (gpointer) date_key);
  g_signal_connect (button, "clicked", G_CALLBACK (sign_today_cb), self);
  return button;
}

static void
add_field (SonaeReportFormView    *self,
           AdwPreferencesGroup    *group,
           const SonaeReportField *field)
{
  Field *f = g_new0 (Field, 1);
  GtkWidget *note;

  sonae_autosave_init (&f->autosave, SONAE_AUTOSAVE_DELAY_MS, save_timeout_cb, f);
  f->view = self;
  f->field = field;
  f->key = sonae_report_field_get_key (field);
  f->kind = sonae_report_field_get_kind (field);
  switch (f->kind)
    {
    case SONAE_REPORT_LINE:
    case SONAE_REPORT_DATE:
    case SONAE_REPORT_DATETIME:
      f->row = build_entry (f);
      break;
    case SONAE_REPORT_TEXT:
      f->row = build_text (f);
      break;
    case SONAE_REPORT_CHOICE:
      f->row = build_choice (f);
      break;
    case SONAE_REPORT_MULTI:
      f->row = build_multi (f);
      break;
    case SONAE_REPORT_DURATION:
      f->row = build_duration (f);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_widget_set_name (f->row, f->key);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (f->row), FALSE);
  if (g_str_equal (f->key, SONAE_REPORT_FIRST_AID_BY))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (f->row),
                              sign_today_button (self, SONAE_REPORT_FIRST_AID_BY, SONAE_REPORT_FIRST_AID_BY_ON));
  else if (g_str_equal (f->key, SONAE_REPORT_FIRST_AID_APPROVED_BY))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (f->row),
                              sign_today_button (self, SONAE_REPORT_FIRST_AID_APPROVED_BY,
                                                 SONAE_REPORT_FIRST_AID_APPROVED_ON));
  adw_preferences_group_add (group, f->row);

  /* A refusal shows right under its field. */
  note = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (note), FALSE);
  f->note_label = GTK_LABEL (gtk_label_new (NULL));
  {
    g_autofree char *name = g_strdup_printf ("%s-error", f->key);
    gtk_widget_set_name (GTK_WIDGET (f->note_label), name);
  }
  gtk_label_set_xalign (f->note_label, 0);
  gtk_label_set_wrap (f->note_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (f->note_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (f->note_label), "report-note");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (note), GTK_WIDGET (f->note_label));
  gtk_widget_set_visible (note, FALSE);
  adw_preferences_group_add (group, note);
  f->note_row = note;

  g_ptr_array_add (self->fields, f);
}

static AdwPreferencesGroup *
add_action_group (SonaeReportFormView *self,
                  SonaeCapaKind        kind)
{
  AdwPreferencesGroup *group = add_group (self, sonae_capa_kind_get_title (kind), NULL);

  sonae_report_form_capa_set_group (&self->capa, kind, group);
  return group;
}

static void
build_form (SonaeReportFormView *self)
{
  guint n = sonae_report_n_fields ();

  for (guint section = 0; section < SONAE_REPORT_SECTION_PPC; section++)
    {
      gboolean has_fields = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const SonaeReportField *field = sonae_report_get_field (i);

          if (sonae_report_field_get_section (field) != section)
            continue;
          if (!has_fields)
            {
              has_fields = TRUE;
              if (section == SONAE_REPORT_SECTION_PREVENTION)
                self->section_groups[section] = add_action_group (self, SONAE_CAPA_PREVENTIVE);
              else
                self->section_groups[section] = add_group (self, sonae_report_section_get_title (section), NULL);
            }
          if (is_signoff (sonae_report_field_get_key (field)))
            {
              if (self->signoff_group == NULL)
                self->signoff_group =
                  add_group (self, _("Sign-off of the First Aid"),
                             _("担当: who carried out the first aid. 承認: who approved it. Each with the date."));
              add_field (self, self->signoff_group, field);
            }
          else
            add_field (self, self->section_groups[section], field);
        }

      /* The hearing follows what happened; the actions follow what they
       * answer: the first aid's result, the cause. */
      if (section == SONAE_REPORT_SECTION_DETAIL)
        {
          self->hearing_group =
            add_group (self, _("Hearing (5W1H)"),
                       _("Gathered from the fields above: change those to change these."));
          for (guint i = 0; i < SONAE_REPORT_N_5W1H; i++)
            {
              GtkWidget *row = adw_action_row_new ();
              g_autofree char *name = g_strdup_printf ("5w1h-%u", i);

              gtk_widget_set_name (row, name);
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
              adw_preferences_group_add (self->hearing_group, row);
              self->hearing_rows[i] = ADW_ACTION_ROW (row);
            }
        }
      else if (section == SONAE_REPORT_SECTION_FIRST_AID)
        add_action_group (self, SONAE_CAPA_HANDLING);
      else if (section == SONAE_REPORT_SECTION_CAUSE)
        add_action_group (self, SONAE_CAPA_CORRECTIVE);
    }
  if (self->capa.groups[SONAE_CAPA_HANDLING] == NULL)
    add_action_group (self, SONAE_CAPA_HANDLING);
  if (self->capa.groups[SONAE_CAPA_CORRECTIVE] == NULL)
    add_action_group (self, SONAE_CAPA_CORRECTIVE);
  if (self->capa.groups[SONAE_CAPA_PREVENTIVE] == NULL)
    add_action_group (self, SONAE_CAPA_PREVENTIVE);
}

/* --- actions of the widget ------------------------------------------------------- */

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (widget);

  sonae_report_form_capa_add (&self->capa, self->store, self->incident_id, g_variant_get_int32 (parameter));
}

static void
action_dialog_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (widget);

  sonae_report_form_capa_open (&self->capa, self->store, action_name, g_variant_get_int64 (parameter));
}

static void
reopen_action_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (widget);

  sonae_report_form_capa_reopen (&self->capa, self->store, g_variant_get_int64 (parameter));
  load (self);
}

/* --- public ------------------------------------------------------------------------ */

void
sonae_report_form_view_set_incident (SonaeReportFormView *self,
                                     gint64               incident_id)
{
  g_return_if_fail (SONAE_IS_REPORT_FORM_VIEW (self));

  if (incident_id != self->incident_id)
    {
      sonae_report_form_view_flush (self);
      /* Another incident: nothing typed for the last one stays. */
      for (guint i = 0; i < self->fields->len; i++)
        {
          Field *f = g_ptr_array_index (self->fields, i);

          sonae_autosave_cancel (&f->autosave);
          f->dirty = FALSE;
          f->failed = FALSE;
        }
      self->incident_id = incident_id;
      g_clear_pointer (&self->report, sonae_report_free);
      g_clear_pointer (&self->capa.actions, g_ptr_array_unref);
      if (incident_id == 0)
        {
          g_clear_handle_id (&self->reload_source, g_source_remove);
          gtk_stack_set_visible_child_name (self->stack, "empty");
          return;
        }
      gtk_stack_set_visible_child_name (self->stack, "form");
      load (self);
      self->updating = TRUE;
      for (guint i = 0; i < self->fields->len; i++)
        show_field (g_ptr_array_index (self->fields, i), TRUE);
      self->updating = FALSE;
      return;
    }
  load (self);
}

gboolean
sonae_report_form_view_flush (SonaeReportFormView *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (SONAE_IS_REPORT_FORM_VIEW (self), FALSE);

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);

      if (f->dirty)
        ok = save_field (f) && ok;
      else if (f->failed)
        ok = FALSE;
    }
  return ok;
}

/* --- GObject -------------------------------------------------------------------- */

static void
sonae_report_form_view_unmap (GtkWidget *widget)
{
  sonae_report_form_view_flush (SONAE_REPORT_FORM_VIEW (widget));
  GTK_WIDGET_CLASS (sonae_report_form_view_parent_class)->unmap (widget);
}

static void
sonae_report_form_view_dispose (GObject *object)
{
  SonaeReportFormView *self = SONAE_REPORT_FORM_VIEW (object);

  if (self->fields != NULL && self->store != NULL)
    sonae_report_form_view_flush (self);
  /* Nothing more is saved or shown: the widgets go next. */
  self->incident_id = 0;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_REPORT_FORM_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  /* After the widgets, whose signals point to the fields. */
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  sonae_report_form_capa_clear (&self->capa);
  g_clear_pointer (&self->report, sonae_report_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_report_form_view_parent_class)->dispose (object);
}

static void
sonae_report_form_view_class_init (SonaeReportFormViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_report_form_view_dispose;
  widget_class->unmap = sonae_report_form_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-report-form-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeReportFormView, stack);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportFormView, form_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeReportFormView, updated_label);

  gtk_widget_class_install_action (widget_class, "report.add-action", "i", add_action_activated);
  gtk_widget_class_install_action (widget_class, "report.edit-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.complete-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.approve-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.drop-action", "x", action_dialog_activated);
  gtk_widget_class_install_action (widget_class, "report.reopen-action", "x", reopen_action_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportview");
}

static void
sonae_report_form_view_init (SonaeReportFormView *self)
{
  sonae_load_style ("sonae-report-form.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (field_free);
  sonae_report_form_capa_init (&self->capa, GTK_WIDGET (self));
  self->updating = TRUE;
  build_form (self);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
sonae_report_form_view_new (SonaeStore *store)
{
  SonaeReportFormView *self;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  self = g_object_new (SONAE_TYPE_REPORT_FORM_VIEW, NULL);
  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  return GTK_WIDGET (self);
}
