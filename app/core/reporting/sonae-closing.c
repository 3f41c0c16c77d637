/* sonae-closing.c: what is still open in an incident about to be closed */
#include "config.h"

#include "sonae-capa.h"
#include "sonae-closing.h"
#include "sonae-ppc.h"

gboolean
sonae_closing_check (SonaeStore          *store,
                     const SonaeIncident *incident,
                     SonaeChecklist      *checklist,
                     SonaeClosingCheck   *out,
                     GError             **error)
{
  g_autoptr(SonaePpcAssessment) assessment = NULL;
  g_autoptr(SonaePpcResult) result = NULL;

  g_return_val_if_fail (SONAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (incident != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = (SonaeClosingCheck) { 0 };
  if (checklist != NULL)
    {
      GPtrArray *phases = sonae_checklist_get_phases (checklist);

      for (guint i = 0; i < phases->len; i++)
        {
          guint done = 0, total = 0;

          sonae_incident_get_progress (incident, g_ptr_array_index (phases, i), &done, &total);
          out->steps_done += done;
          out->steps_total += total;
        }
    }

  assessment = sonae_ppc_get (store, incident->id, error);
  if (assessment == NULL)
    return FALSE;
  result = sonae_ppc_assess (assessment, NULL);
  out->ppc_undecided = result->verdict == SONAE_PPC_UNDECIDED;
  out->ppc_report_due = result->verdict == SONAE_PPC_REQUIRED && assessment->final_sent_on == NULL;

  out->open_actions = sonae_capa_count_open (store, incident->id);
  return TRUE;
}

gboolean
sonae_closing_check_is_clear (const SonaeClosingCheck *check)
{
  g_return_val_if_fail (check != NULL, TRUE);

  return check->steps_done == check->steps_total && !check->ppc_undecided &&
         !check->ppc_report_due && check->open_actions == 0;
}
