#include "config.h"

#include "sonae-autosave.h"

void
sonae_autosave_init (SonaeAutosave     *self,
                     guint              delay_ms,
                     SonaeAutosaveFunc  save,
                     gpointer           data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (save != NULL);

  self->source = 0;
  self->delay_ms = delay_ms;
  self->save = save;
  self->data = data;
}

static gboolean
timeout_cb (gpointer user_data)
{
  SonaeAutosave *self = user_data;

  self->source = 0;
  self->save (self->data);
  return G_SOURCE_REMOVE;
}

void
sonae_autosave_schedule (SonaeAutosave *self)
{
  g_return_if_fail (self != NULL && self->save != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add (self->delay_ms, timeout_cb, self);
}

gboolean
sonae_autosave_cancel (SonaeAutosave *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->source == 0)
    return FALSE;
  g_clear_handle_id (&self->source, g_source_remove);
  return TRUE;
}

gboolean
sonae_autosave_is_pending (const SonaeAutosave *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->source != 0;
}
