/* sonae-back-entry-dialog.c: entering afterwards what was written on paper */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-back-entry-dialog.h"
#include "sonae-clock.h"
#include "sonae-error.h"
#include "sonae-gui-util.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-timeline.h"

struct _SonaeBackEntryDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkLabel *intro_label;
  AdwEntryRow *time_row;
  AdwEntryRow *who_row;
  GtkLabel *error_label;
  GtkWidget *text_box;
  GtkTextView *text_view;

  /* owned */
  SonaeStore *store;
  gint64 incident_id;
  char *step_id;           /* NULL: a note */
};

G_DEFINE_FINAL_TYPE (SonaeBackEntryDialog, sonae_back_entry_dialog, ADW_TYPE_WINDOW)

static void
show_error (SonaeBackEntryDialog *self,
            GtkWidget            *row,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

gboolean
sonae_back_entry_dialog_save (SonaeBackEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL;
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (SONAE_IS_BACK_ENTRY_DIALOG (self), FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->who_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  at = sonae_datetime_parse (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &error);
  if (at == NULL)
    {
      show_error (self, GTK_WIDGET (self->time_row), error->message);
      return FALSE;
    }
  who = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->who_row))));
  if (*who == '\0')
    {
      show_error (self, GTK_WIDGET (self->who_row), _("Write who did it, as on the paper."));
      return FALSE;
    }

  if (self->step_id != NULL)
    ok = sonae_incidents_check_step (self->store, self->incident_id, self->step_id, TRUE,
                                     who, at, &error);
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      if (*text == '\0')
        {
          show_error (self, GTK_WIDGET (self->text_view), _("Write what the paper says."));
          return FALSE;
        }
      ok = sonae_incidents_add_note (self->store, self->incident_id, text, who, at, &error);
    }

  if (!ok)
    {
      show_error (self, g_error_matches (error, SONAE_ERROR, SONAE_ERROR_INVALID)
                        ? GTK_WIDGET (self->time_row) : NULL,
                  error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sonae_back_entry_dialog_save (SONAE_BACK_ENTRY_DIALOG (widget));
}

static void
sonae_back_entry_dialog_dispose (GObject *object)
{
  SonaeBackEntryDialog *self = SONAE_BACK_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SONAE_TYPE_BACK_ENTRY_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sonae_back_entry_dialog_parent_class)->dispose (object);
}

static void
sonae_back_entry_dialog_finalize (GObject *object)
{
  SonaeBackEntryDialog *self = SONAE_BACK_ENTRY_DIALOG (object);

  g_free (self->step_id);

  G_OBJECT_CLASS (sonae_back_entry_dialog_parent_class)->finalize (object);
}

static void
sonae_back_entry_dialog_class_init (SonaeBackEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sonae_back_entry_dialog_dispose;
  object_class->finalize = sonae_back_entry_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sonae/Sonae/sonae-back-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SonaeBackEntryDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeBackEntryDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeBackEntryDialog, who_row);
  gtk_widget_class_bind_template_child (widget_class, SonaeBackEntryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SonaeBackEntryDialog, text_box);
  gtk_widget_class_bind_template_child (widget_class, SonaeBackEntryDialog, text_view);

  gtk_widget_class_install_action (widget_class, "back-entry.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sonae_back_entry_dialog_init (SonaeBackEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SonaeBackEntryDialog *
sonae_back_entry_dialog_new (GtkWindow                *parent,
                             SonaeStore               *store,
                             gint64                    incident_id,
                             const SonaeChecklistStep *step)
{
  SonaeBackEntryDialog *self;
  g_autofree char *today = sonae_clock_today ();
  g_autofree char *prefill = g_strdup_printf ("%s ", today);
  g_autofree char *author = sonae_get_author ();

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);
  g_return_val_if_fail (incident_id > 0, NULL);

  self = g_object_new (SONAE_TYPE_BACK_ENTRY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->incident_id = incident_id;

  if (step != NULL)
    {
      g_autofree char *intro = NULL;
      g_autofree char *name = g_strdup_printf ("%s %s", step->number, step->title);

      self->step_id = g_strdup (step->id);
      /* Translators: %s is a checklist step, e.g. “1-1 Detecting something wrong” */
      intro = g_strdup_printf (_("Mark “%s” as done at the time written on the paper checklist. "
                                 "It is recorded as entered afterwards, with both times."),
                               name);
      gtk_label_set_text (self->intro_label, intro);
      gtk_window_set_title (GTK_WINDOW (self), _("Done on Paper Earlier"));
      gtk_widget_set_visible (self->text_box, FALSE);
    }
  else
    {
      gtk_label_set_text (self->intro_label,
                          _("Copy an entry of the paper activity log. It is recorded as entered "
                            "afterwards, with the time written on paper and the time it is entered now."));
      gtk_window_set_title (GTK_WINDOW (self), _("Add from Paper"));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->time_row), prefill);
  gtk_editable_set_text (GTK_EDITABLE (self->who_row), author);
  return self;
}
