/* sonae-doc-timeline.c: the timeline of one incident on paper, for the file
 * and as evidence: every entry with its time and author, entries entered
 * afterwards from paper with both times, corrected entries struck through,
 * and first of all whether the chain of fingerprints is unbroken. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-docs.h"
#include "sonae-error.h"
#include "sonae-incident.h"
#include "sonae-incidents.h"
#include "sonae-timeline.h"

static const char *
muted_open (void)
{
  return "<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">";
}

/* The first correction of entry @id, or NULL. */
static SonaeTimelineEntry *
correction_of (GPtrArray *timeline,
               gint64     id)
{
  for (guint i = 0; i < timeline->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (timeline, i);

      if (e->kind == SONAE_ENTRY_CORRECTION && e->corrects == id)
        return e;
    }
  return NULL;
}

static char *
time_markup (const SonaeTimelineEntry *e)
{
  g_autofree char *at = sonae_datetime_format (e->at);

  if (e->back_entered && e->recorded_at != NULL)
    {
      g_autofree char *recorded = sonae_datetime_format (e->recorded_at);
      /* Translators: under the time written on paper, when it was typed in */
      g_autofree char *note = g_strdup_printf (_("from paper; entered %s"), recorded);

      return g_markup_printf_escaped ("%s\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_CAUTION "\">%s</span>",
                                      at, note);
    }
  return g_markup_escape_text (at, -1);
}

static char *
what_markup (GPtrArray                *timeline,
             const SonaeTimelineEntry *e,
             SonaeChecklist           *checklist)
{
  g_autofree char *describe = sonae_timeline_entry_describe (e, checklist);
  GString *out = g_string_new (NULL);

  if (e->corrected)
    {
      SonaeTimelineEntry *by = correction_of (timeline, e->id);
      g_autofree char *struck = g_markup_printf_escaped ("<s>%s</s>", describe ? describe : "");

      g_string_append (out, struck);
      if (by != NULL)
        {
          /* Translators: under a struck-through entry of the timeline */
          g_autofree char *note = g_strdup_printf (_("Corrected by entry %u"), by->seq);
          g_autofree char *markup = g_markup_escape_text (note, -1);

          g_string_append_printf (out, "\n%s%s</span>", muted_open (), markup);
        }
    }
  else
    {
      g_autofree char *text = g_markup_escape_text (describe ? describe : "", -1);

      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

/* TRUE when the chain is unbroken. */
static gboolean
add_verification (SonaeDocument *doc,
                  SonaeStore    *store,
                  gint64         incident_id,
                  guint          n_entries)
{
  g_autoptr(GError) error = NULL;
  guint bad_seq = 0;

  if (sonae_incidents_verify_timeline (store, incident_id, &bad_seq, &error))
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Timeline verified: %u entry, unbroken chain. The entry below was not changed or removed outside Sonae, and none was added.",
                                                            "Timeline verified: %u entries, unbroken chain. None of the entries below was changed, removed or added outside Sonae.",
                                                            n_entries),
                                               n_entries);
      /* What the chain vouches for, and what it does not: the incident's
       * own record (its status, whether it is a drill, its details) is
       * read as the database holds it now, and a change made to it behind
       * Sonae's back leaves the chain intact. */
      const char *scope = _("The check covers the timeline’s entries only. The details above, such as the status "
                            "and whether this is a drill, are printed as the database holds them now: "
                            "a change made to them outside Sonae would not be detected.");
      g_autofree char *markup = g_markup_printf_escaped ("<b>\u2713 %s</b>\n<span size=\"small\">%s</span>", text, scope);

      sonae_document_add_paragraph (doc, SONAE_STYLE_NORMAL, markup);
      return TRUE;
    }

  {
    g_autofree char *advice = NULL;
    g_autofree char *markup = NULL;

    if (bad_seq > 0)
      /* Translators: %u is the number of the first entry found wrong */
      advice = g_strdup_printf (_("From entry %u on, the entries below cannot be relied on as evidence. Keep the database file as it is and tell the response lead."),
                                bad_seq);
    else
      advice = g_strdup (_("The entries below cannot be relied on as evidence. Keep the database file as it is and tell the response lead."));
    markup = g_markup_printf_escaped ("<span foreground=\"" SONAE_PRINT_COLOR_WARNING "\"><b>%s</b></span>\n%s\n%s",
                                      _("Warning: this timeline was altered outside Sonae."),
                                      error ? error->message : "", advice);
    sonae_document_add_paragraph (doc, SONAE_STYLE_WARNING, markup);
  }
  return FALSE;
}

SonaeDocument *
sonae_doc_timeline_build_for_incident (SonaeStore  *store,
                                       gint64       incident_id,
                                       SonaePaper   paper,
                                       GError     **error)
{
  static const double widths[] = { 0.06, 0.2, 0.16, 0.58 };
  g_autoptr(SonaeDocument) doc = NULL;
  g_autoptr(SonaeIncident) incident = NULL;
  g_autoptr(SonaeManual) manual = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *h_no = g_markup_escape_text (_("No."), -1);
  g_autofree char *h_time = g_markup_escape_text (_("Time"), -1);
  g_autofree char *h_who = g_markup_escape_text (_("Who"), -1);
  g_autofree char *h_what = g_markup_escape_text (_("What"), -1);
  const char *header[] = { h_no, h_time, h_who, h_what };
  gboolean verified;

  g_return_val_if_fail (SONAE_IS_STORE (store), NULL);

  incident = sonae_incidents_get (store, incident_id, error);
  if (incident == NULL)
    return NULL;
  /* The checklist names the steps; without it the entries still read. */
  manual = sonae_manual_load (NULL);
  if (manual != NULL)
    checklist = sonae_incident_get_checklist (incident, store, manual, NULL);
  timeline = sonae_incidents_list_timeline (store, incident->id, error);
  if (timeline == NULL)
    return NULL;

  doc = sonae_doc_new_for_incident_doc (store, "timeline", incident, paper);
  subtitle = g_strdup_printf ("%s\u2003%s", incident->number, incident->title ? incident->title : "");
  sonae_document_add_title (doc, sonae_document_get_doc_title (doc), subtitle);
  sonae_doc_add_incident_details (doc, incident, checklist);

  sonae_document_add_spacer (doc, 6.0);
  verified = add_verification (doc, store, incident->id, timeline->len);

  sonae_document_add_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < timeline->len; i++)
    {
      SonaeTimelineEntry *e = g_ptr_array_index (timeline, i);
      g_autofree char *no = g_strdup_printf ("%u", e->seq);
      g_autofree char *time = time_markup (e);
      g_autofree char *who = g_markup_escape_text (e->author ? e->author : "", -1);
      g_autofree char *what = what_markup (timeline, e, checklist);
      const char *cells[] = { no, time, who, what };

      sonae_document_add_row (doc, cells);
    }

  if (timeline->len > 0)
    {
      SonaeTimelineEntry *last = g_ptr_array_index (timeline, timeline->len - 1);
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      if (verified)
        /* Translators: %s is a SHA-256 fingerprint in hexadecimal */
        text = g_strdup_printf (_("Fingerprint (SHA-256) of the last entry: %s. "
                                  "Each entry’s fingerprint covers the one before it, so this line vouches for the whole timeline."),
                                last->hash ? last->hash : "");
      else
        /* Translators: %s is a SHA-256 fingerprint in hexadecimal */
        text = g_strdup_printf (_("Fingerprint (SHA-256) recorded for the last entry: %s."), last->hash ? last->hash : "");
      markup = g_markup_escape_text (text, -1);

      sonae_document_add_paragraph (doc, SONAE_STYLE_SMALL | SONAE_STYLE_MUTED, markup);
    }

  return g_steal_pointer (&doc);
}
