/* sonae-report-form-field.c: one field of the report form and its widgets.
 *
 * The row of each kind of field (a line, a text, a choice, options to
 * tick, a duration), with the mark of what the incident record proposed
 * and the button that brings it back; what the widgets hold, the stored
 * value put into them unless someone is typing there, and the refusal
 * under the field; and when a change is saved: choices, checks and
 * durations at once, text a moment after the last key or when the focus
 * leaves. The saving itself is the view's (sonae-report-form-view.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sonae-report-form-view-private.h"
#include "sonae-accessible.h"
#include "sonae-incident.h"

void
sonae_report_form_field_free (gpointer data)
{
  Field *f = data;

  sonae_autosave_cancel (&f->autosave);
  g_clear_pointer (&f->checks, g_ptr_array_unref);
  g_free (f);
}

/* --- reading the widgets ---------------------------------------------------- */

char *
sonae_report_form_field_get_text (Field *f)
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

char *
sonae_report_form_field_get_shown_value (Field *f)
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

/* --- showing ---------------------------------------------------------------- */

void
sonae_report_form_field_show_note (Field      *f,
                                   const char *message)
{
  gtk_label_set_text (f->note_label, message ? message : "");
  gtk_widget_set_visible (f->note_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (f->row, "error");
  else
    gtk_widget_remove_css_class (f->row, "error");
}

void
sonae_report_form_field_show_marks (Field *f)
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

void
sonae_report_form_field_show (Field    *f,
                              gboolean  force)
{
  g_autofree char *value = NULL;

  if (!force && (f->dirty || f->failed || field_is_typing (f)))
    {
      sonae_report_form_field_show_marks (f);
      return;
    }
  sonae_autosave_cancel (&f->autosave);
  f->dirty = FALSE;
  f->failed = FALSE;
  sonae_report_form_field_show_note (f, NULL);
  value = sonae_report_form_field_get_shown_value (f);

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
        g_autofree char *now = sonae_report_form_field_get_text (f);

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
  sonae_report_form_field_show_marks (f);
}

/* --- when a change is saved ------------------------------------------------- */

/* Text: saved a moment after the last key. */
static void
text_changed (Field *f)
{
  if (f->view->updating)
    return;
  f->dirty = TRUE;
  sonae_report_form_field_show_marks (f);
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
  sonae_report_form_view_save_field (f);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Field                   *f)
{
  if (f->dirty)
    sonae_report_form_view_save_field (f);
}

/* Choices, checks and durations: saved at once. */
static void
choice_changed_cb (GObject    *object,
                   GParamSpec *pspec,
                   Field      *f)
{
  if (f->view->updating)
    return;
  sonae_report_form_view_save_field (f);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Field          *f)
{
  if (f->view->updating)
    return;
  show_multi_summary (f);
  sonae_report_form_view_save_field (f);
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 Field         *f)
{
  if (f->view->updating)
    return;
  sonae_report_form_view_save_field (f);
}

/* --- building the row ------------------------------------------------------- */

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use the incident record's value"), -1);
  gtk_widget_set_visible (button, FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (sonae_report_form_view_revert_clicked), f);
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
  sonae_accessible_name_row (row, title, NULL);
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
      sonae_accessible_describe_row (row, hint_label, NULL);
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, sonae_report_field_get_title (f->field), -1);
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
  sonae_accessible_name_choices (row);
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
  sonae_accessible_name_titled_row (row);
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, sonae_report_field_get_title (f->field), -1);
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

void
sonae_report_form_field_build (Field *f)
{
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
}
