#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sonae-checklist.h"
#include "sonae-manual-edits.h"
#include "sonae-role.h"
#include "sonae-error.h"
#include "sonae-test-util.h"

static char *
bundled_xml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SONAE_CHECKLIST_RESOURCE, 0, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static SonaeChecklist *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  SonaeChecklist *checklist = sonae_checklist_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (checklist);
  return checklist;
}

static SonaeManual *
load_manual (void)
{
  g_autoptr(GError) error = NULL;
  SonaeManual *manual = sonae_manual_load (&error);

  g_assert_no_error (error);
  return manual;
}

/* ------------------------------------------------------------------ */
/* The bundled checklist */

static void
test_bundled_phases (void)
{
  static const struct {
    const char *id;
    const char *steps;
  } expected[] = {
    { "detect", "1-1 1-4" },
    { "respond", "2-1 2-2 2-3 2-4 2-6 2-7 2-10 2-13 2-14 2-18" },
    { "recover", "3-3 3-4" },
    { "after", "4-5 4-6" },
  };
  g_autoptr(SonaeChecklist) checklist = load_bundled ();
  GPtrArray *phases = sonae_checklist_get_phases (checklist);
  guint total = 0;

  g_assert_true (sonae_checklist_is_medical (checklist));
  g_assert_cmpstr (sonae_checklist_get_title (checklist), ==, "Medical Incident Checklist");
  g_assert_cmpuint (phases->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < phases->len; i++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, i);
      g_auto(GStrv) numbers = g_strsplit (expected[i].steps, " ", -1);

      g_assert_cmpstr (phase->id, ==, expected[i].id);
      g_assert_nonnull (phase->title);
      g_assert_cmpuint (phase->steps->len, ==, g_strv_length (numbers));
      for (guint j = 0; j < phase->steps->len; j++)
        {
          const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, j);

          g_assert_cmpstr (step->id, ==, numbers[j]);
          g_assert_cmpstr (step->number, ==, numbers[j]);
          g_assert_true (sonae_checklist_get_step (checklist, step->id) == step);
          g_assert_true (sonae_checklist_get_phase_of (checklist, step->id) == phase);
          total++;
        }
    }
  g_assert_cmpstr (((SonaeChecklistPhase *) g_ptr_array_index (phases, 0))->title, ==, "Detection");
  g_assert_cmpstr (((SonaeChecklistPhase *) g_ptr_array_index (phases, 1))->title, ==, "Initial response");
  g_assert_cmpstr (((SonaeChecklistPhase *) g_ptr_array_index (phases, 2))->title, ==, "Recovery");
  g_assert_cmpstr (((SonaeChecklistPhase *) g_ptr_array_index (phases, 3))->title, ==, "Follow-up and prevention");
  g_assert_cmpuint (sonae_checklist_count_steps (checklist), ==, 16);
  g_assert_cmpuint (total, ==, 16);

  /* The numbers the seed skips are not there. */
  g_assert_null (sonae_checklist_get_step (checklist, "1-2"));
  g_assert_null (sonae_checklist_get_step (checklist, "2-5"));
  g_assert_null (sonae_checklist_get_phase_of (checklist, "4-1"));
  g_assert_null (sonae_checklist_get_step (checklist, NULL));
}

static void
test_bundled_steps (void)
{
  g_autoptr(SonaeChecklist) checklist = load_bundled ();
  GPtrArray *phases = sonae_checklist_get_phases (checklist);

  for (guint i = 0; i < phases->len; i++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, j);

          g_assert_nonnull (step->title);
          g_assert_cmpstr (step->title, !=, "");
          g_assert_nonnull (step->text);
          g_assert_nonnull (sonae_role_lookup (step->role_key));
          g_assert_cmpuint (step->points->len, >=, 1);
          g_assert_cmpuint (step->fields->len, >=, 1);
          for (guint k = 0; k < step->fields->len; k++)
            {
              const SonaeChecklistField *field = g_ptr_array_index (step->fields, k);

              g_assert_nonnull (field->label);
              g_assert_true (sonae_checklist_get_field (checklist, step->id, field->id) == field);
              if (field->kind == SONAE_FIELD_CHOICE || field->kind == SONAE_FIELD_MULTI)
                g_assert_cmpuint (field->options->len, >=, 2);
              else
                g_assert_cmpuint (field->options->len, ==, 0);
            }
        }
    }
  g_assert_cmpstr (sonae_checklist_get_step (checklist, "1-1")->role_key, ==, SONAE_ROLE_FIRST);
  g_assert_cmpstr (sonae_checklist_get_step (checklist, "4-6")->role_key, ==, SONAE_ROLE_TOP);
  g_assert_null (sonae_checklist_get_field (checklist, "1-1", "nonexistent"));
  g_assert_null (sonae_checklist_get_field (checklist, "9-9", "network"));
}

/* Every field the checklist asks for, with its kind, bound detail and
 * option ids (in order). */
static void
test_bundled_fields (void)
{
  static const struct {
    const char *step;
    const char *field;
    SonaeChecklistFieldKind kind;
    const char *bind;
    const char *options;
  } expected[] = {
    { "1-1", "event-case", SONAE_FIELD_CHOICE, NULL,
      "ransomware account-locked suspicious-mail missent-or-lost system-down data-changed other" },
    { "1-1", "event-description", SONAE_FIELD_TEXT, NULL, NULL },
    { "1-1", "network", SONAE_FIELD_CHOICE, SONAE_INCIDENT_DETAIL_NETWORK,
      "medical office information standalone unknown" },
    { "1-4", "isolated", SONAE_FIELD_CHOICE, NULL, "confirmed not-needed" },
    { "1-4", "others-asked", SONAE_FIELD_TEXT, NULL, NULL },
    { "1-4", "evidence", SONAE_FIELD_MULTI, NULL, "power-on sign photo" },
    { "1-4", "when", SONAE_FIELD_DATETIME, SONAE_INCIDENT_DETAIL_DETECTED_AT, NULL },
    { "1-4", "where", SONAE_FIELD_LINE, SONAE_INCIDENT_DETAIL_LOCATION, NULL },
    { "1-4", "what-operation", SONAE_FIELD_TEXT, NULL, NULL },
    /* Several ways in may be ticked. */
    { "2-1", "entry-route", SONAE_FIELD_MULTI, NULL, "email vpn server media maintenance other unknown" },
    { "2-1", "entry-notes", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-2", "vendors-asked", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-3", "findings", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-4", "findings", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-6", "measures", SONAE_FIELD_MULTI, NULL,
      "staff-told systems-stopped backups-checked backups-offline traffic-cut stop-announced" },
    { "2-7", "reported-to", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-10", "leak-possible", SONAE_FIELD_CHOICE, NULL, "yes no unknown" },
    { "2-10", "fault-where", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-10", "care-impact", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-10", "could-spread", SONAE_FIELD_CHOICE, NULL, "yes no unknown" },
    /* Whether the PPC, whether the local authority must be told: the
     * answers of the reporting questions (yes, no, not known yet). */
    { "2-10", "ppc-report", SONAE_FIELD_CHOICE, NULL, "yes no unknown" },
    { "2-10", "authority-report", SONAE_FIELD_CHOICE, NULL, "yes no unknown" },
    { "2-13", "bodies", SONAE_FIELD_MULTI, NULL, "mhlw ppc police prefecture" },
    { "2-14", "logs-kept", SONAE_FIELD_MULTI, NULL, "vpn firewall pc security-software other" },
    { "2-14", "log-notes", SONAE_FIELD_TEXT, NULL, NULL },
    { "2-18", "police-report", SONAE_FIELD_TEXT, NULL, NULL },
    { "3-3", "recovery-actions", SONAE_FIELD_TEXT, NULL, NULL },
    { "3-4", "confirmed", SONAE_FIELD_TEXT, NULL, NULL },
    { "4-5", "measures", SONAE_FIELD_TEXT, NULL, NULL },
    { "4-6", "announced", SONAE_FIELD_TEXT, NULL, NULL },
  };
  g_autoptr(SonaeChecklist) checklist = load_bundled ();
  guint n_fields = 0;
  GPtrArray *phases = sonae_checklist_get_phases (checklist);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SonaeChecklistField *field = sonae_checklist_get_field (checklist, expected[i].step, expected[i].field);
      g_auto(GStrv) options = expected[i].options ? g_strsplit (expected[i].options, " ", -1) : g_new0 (char *, 1);

      if (field == NULL)
        g_error ("no field %s at step %s", expected[i].field, expected[i].step);
      g_assert_cmpint (field->kind, ==, expected[i].kind);
      g_assert_cmpstr (field->bind, ==, expected[i].bind);
      g_assert_cmpuint (field->options->len, ==, g_strv_length (options));
      for (guint j = 0; options[j]; j++)
        {
          const SonaeChecklistOption *option = g_ptr_array_index (field->options, j);

          g_assert_cmpstr (option->id, ==, options[j]);
          g_assert_nonnull (option->label);
          g_assert_cmpstr (option->label, !=, "");
        }
    }

  /* Nothing more than the list. */
  for (guint i = 0; i < phases->len; i++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        n_fields += ((SonaeChecklistStep *) g_ptr_array_index (phase->steps, j))->fields->len;
    }
  g_assert_cmpuint (n_fields, ==, G_N_ELEMENTS (expected));

  /* The hearing asks for a good example, not a vague one. */
  g_assert_nonnull (strstr (sonae_checklist_get_field (checklist, "1-4", "what-operation")->hint, "enabled macros"));
  g_assert_nonnull (strstr (sonae_checklist_get_field (checklist, "1-4", "where")->hint, "device no."));
  g_assert_nonnull (strstr (sonae_checklist_get_field (checklist, "4-5", "measures")->hint, "the contract now says"));
  g_assert_nonnull (strstr (sonae_checklist_get_field (checklist, "3-3", "recovery-actions")->hint, "vendor"));
  g_assert_cmpstr (((SonaeChecklistOption *) g_ptr_array_index (
                      sonae_checklist_get_field (checklist, "1-1", "network")->options, 0))->label,
                   ==, "Medical-care network (electronic medical records, ordering)");
  /* The PPC's four conditions, medical data from one patient; the local
   * authority is not “the prefecture” alone. */
  {
    const char *ppc = sonae_checklist_get_field (checklist, "2-10", "ppc-report")->hint;
    const char *authority = sonae_checklist_get_field (checklist, "2-10", "authority-report")->hint;

    g_assert_nonnull (strstr (ppc, "medical data"));
    g_assert_nonnull (strstr (ppc, "from one patient"));
    g_assert_nonnull (strstr (ppc, "more than 1,000 persons"));
    g_assert_nonnull (strstr (authority, "the city or ward that runs its own health centre"));
    g_assert_nonnull (strstr (authority, "always when the ministry is told"));
  }
  g_assert_nonnull (strstr (sonae_checklist_get_step (checklist, "2-1")->text, "more than one way"));
}

static void
test_bundled_do_now (void)
{
  static const SonaeOrgKind kinds[] = { SONAE_ORG_CLINIC, SONAE_ORG_HOSPITAL, SONAE_ORG_PHARMACY, SONAE_ORG_BUSINESS };
  g_autoptr(SonaeChecklist) checklist = load_bundled ();
  const char *const *steps;

  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        steps = sonae_checklist_get_do_now (checklist, t, kinds[k]);
        g_assert_nonnull (steps);
        g_assert_cmpuint (g_strv_length ((GStrv) steps), >=, 4);
        g_assert_cmpuint (g_strv_length ((GStrv) steps), <=, 6);
        for (guint i = 0; steps[i]; i++)
          {
            g_assert_cmpstr (steps[i], !=, "");
            if (!sonae_org_kind_is_medical (kinds[k]))
              g_assert_null (strstr (steps[i], "patient"));
            else
              g_assert_null (strstr (steps[i], "customer"));
          }
        /* Hospitals read the clinic wording, pharmacies the business's. */
        g_assert_true (sonae_checklist_get_do_now (checklist, t, kinds[k]) ==
                       sonae_checklist_get_do_now (checklist, t, sonae_org_kind_is_medical (kinds[k]) ? SONAE_ORG_CLINIC
                                                                                                     : SONAE_ORG_BUSINESS));
      }

  /* Malware: keep the power on, off the network, the first responder. */
  steps = sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_MALWARE, SONAE_ORG_CLINIC);
  g_assert_nonnull (strstr (steps[0], "switched on"));
  g_assert_nonnull (strstr (steps[1], "LAN cable"));
  g_assert_true (g_strv_contains (steps, "Tell the first responder now."));
  g_assert_true (g_strv_contains (steps, "Do not pay, and do not reply to the attackers."));

  /* The clinic and business wordings differ where patients come in. */
  steps = sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_TAMPER, SONAE_ORG_CLINIC);
  g_assert_true (g_strv_contains (steps, "Switch to paper: paper charts and paper slips, so that patients can still be seen."));
  steps = sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_TAMPER, SONAE_ORG_BUSINESS);
  g_assert_true (g_strv_contains (steps, "Switch to paper forms so that the work can go on."));
  g_assert_false (g_strv_contains (steps, "Switch to paper: paper charts and paper slips, so that patients can still be seen."));
  steps = sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_LEAK, SONAE_ORG_BUSINESS);
  g_assert_true (g_strv_contains (steps, "Tell the first responder now, even if only one customer is concerned."));

  /* A mis-sent e-mail or fax: the recipient deletes it unread and says so,
   * and that is written down; the sender keeps its own copies. For every
   * kind of organisation, under an id of its own. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean found = FALSE;

      steps = sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_LEAK, kinds[k]);
      for (guint i = 0; steps[i] != NULL; i++)
        if (g_strcmp0 (sonae_checklist_get_do_now_id (checklist, SONAE_INCIDENT_LEAK, kinds[k], i),
                       "now-leak-recipient") == 0)
          {
            found = TRUE;
            g_assert_nonnull (strstr (steps[i], "e-mail or fax"));
            g_assert_nonnull (strstr (steps[i], "delete it unread"));
            g_assert_nonnull (strstr (steps[i], "confirm"));
            g_assert_nonnull (strstr (steps[i], "note who confirmed it and when"));
            /* Right after stopping the sending. */
            g_assert_cmpuint (i, ==, 1);
          }
      g_assert_true (found);
      g_assert_true (g_strv_contains (steps, "Delete nothing on your side: keep the e-mail, the sent items and the logs as they are."));
    }
  steps = sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_OTHER, SONAE_ORG_HOSPITAL);
  g_assert_true (g_strv_contains (steps, "Tell the first responder now, even if patient care seems unaffected."));
  steps = sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_OTHER, SONAE_ORG_PHARMACY);
  g_assert_false (g_strv_contains (steps, "Tell the first responder now, even if patient care seems unaffected."));

  /* Each list has one step that says whom to call, and it names the role:
   * the screen shows the person and the number beside it. */
  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        guint n_roles = 0;

        steps = sonae_checklist_get_do_now (checklist, t, kinds[k]);
        for (guint i = 0; steps[i]; i++)
          {
            const char *role = sonae_checklist_get_do_now_role (checklist, t, kinds[k], i);

            g_assert_true ((role != NULL) == (strstr (steps[i], "first responder") != NULL));
            if (role != NULL)
              {
                g_assert_cmpstr (role, ==, SONAE_ROLE_FIRST);
                n_roles++;
              }
          }
        g_assert_cmpuint (n_roles, ==, 1);
        g_assert_null (sonae_checklist_get_do_now_role (checklist, t, kinds[k], 99));
      }

  /* Every step has an id, which its tick is kept under, and the id finds
   * its text again (for the timeline); no id is a checklist step's. */
  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        steps = sonae_checklist_get_do_now (checklist, t, kinds[k]);
        for (guint i = 0; steps[i]; i++)
          {
            const char *id = sonae_checklist_get_do_now_id (checklist, t, kinds[k], i);

            g_assert_nonnull (id);
            g_assert_true (g_str_has_prefix (id, "now-"));
            g_assert_null (sonae_checklist_get_step (checklist, id));
            g_assert_cmpstr (sonae_checklist_get_do_now_text (checklist, id), ==, steps[i]);
          }
        g_assert_null (sonae_checklist_get_do_now_id (checklist, t, kinds[k], 99));
      }
  g_assert_cmpstr (sonae_checklist_get_do_now_id (checklist, SONAE_INCIDENT_MALWARE, SONAE_ORG_CLINIC, 0), ==,
                   "now-malware-power");
  g_assert_null (sonae_checklist_get_do_now_text (checklist, "1-1"));
  g_assert_null (sonae_checklist_get_do_now_text (checklist, "now-flood"));
}

static void
test_incident_kinds (void)
{
  static const char *const keys[] = { "leak", "tamper", "malware", "other" };

  g_assert_cmpint (SONAE_N_INCIDENT_KINDS, ==, G_N_ELEMENTS (keys));
  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    {
      SonaeIncidentType back = 99;

      g_assert_cmpstr (sonae_incident_kind_to_string (t), ==, keys[t]);
      g_assert_true (sonae_incident_kind_from_string (keys[t], &back));
      g_assert_cmpint (back, ==, t);
      g_assert_nonnull (sonae_incident_kind_get_title (t));
    }
  g_assert_cmpint (SONAE_INCIDENT_OTHER, ==, 3);
  g_assert_cmpstr (sonae_incident_kind_get_title (SONAE_INCIDENT_LEAK), ==, "Leak or loss");
  g_assert_cmpstr (sonae_incident_kind_get_title (SONAE_INCIDENT_TAMPER), ==, "Tampering, loss, destruction or outage");
  g_assert_cmpstr (sonae_incident_kind_get_title (SONAE_INCIDENT_MALWARE), ==, "Virus infection");
  g_assert_cmpstr (sonae_incident_kind_get_title (SONAE_INCIDENT_OTHER), ==, "Other");
  g_assert_false (sonae_incident_kind_from_string ("fire", NULL));
  g_assert_false (sonae_incident_kind_from_string (NULL, NULL));
  g_assert_false (sonae_incident_kind_from_string ("Leak", NULL));
}

/* ------------------------------------------------------------------ */
/* Formatting values */

static void
test_field_format (void)
{
  g_autoptr(SonaeChecklist) checklist = load_bundled ();
  const SonaeChecklistField *network = sonae_checklist_get_field (checklist, "1-1", "network");
  const SonaeChecklistField *evidence = sonae_checklist_get_field (checklist, "1-4", "evidence");
  const SonaeChecklistField *where = sonae_checklist_get_field (checklist, "1-4", "where");
  const SonaeChecklistField *when = sonae_checklist_get_field (checklist, "1-4", "when");
  const SonaeChecklistField *routes = sonae_checklist_get_field (checklist, "2-1", "entry-route");
  char *s;

  s = sonae_checklist_field_format (network, "office");
  g_assert_cmpstr (s, ==, "Administrative network (accounting, claims)");
  g_free (s);
  s = sonae_checklist_field_format (network, "no-such-network");   /* kept, not lost */
  g_assert_cmpstr (s, ==, "no-such-network");
  g_free (s);
  s = sonae_checklist_field_format (network, "");
  g_assert_cmpstr (s, ==, "");
  g_free (s);

  s = sonae_checklist_field_format (evidence, "power-on,photo");
  g_assert_cmpstr (s, ==, "Power left on, Screen photographed");
  g_free (s);
  s = sonae_checklist_field_format (evidence, "sign");
  g_assert_cmpstr (s, ==, "“Do not use” sign put up");
  g_free (s);
  s = sonae_checklist_field_format (evidence, "");
  g_assert_cmpstr (s, ==, "");
  g_free (s);

  /* A way in chosen when 2-1 took one (version 2) reads as it did, now
   * that several may be ticked; so do several. */
  s = sonae_checklist_field_format (routes, "vpn");
  g_assert_cmpstr (s, ==, "VPN or remote-access device");
  g_free (s);
  s = sonae_checklist_field_format (routes, "email,unknown");
  g_assert_cmpstr (s, ==, "E-mail, Not known");
  g_free (s);

  s = sonae_checklist_field_format (where, "Reception, PC no. 3");
  g_assert_cmpstr (s, ==, "Reception, PC no. 3");
  g_free (s);
  s = sonae_checklist_field_format (when, "2024-01-10T14:00");
  g_assert_cmpstr (s, ==, "2024-01-10T14:00");
  g_free (s);

  g_assert_null (sonae_checklist_field_format (network, NULL));
  g_assert_null (sonae_checklist_field_format (evidence, NULL));
}

/* ------------------------------------------------------------------ */
/* A business works through the manual's procedure */

/* A business works through its own manual's procedures. */
static SonaeManualView *
business_view (SonaeStore  *store,
               SonaeManual *manual)
{
  g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);
  g_autoptr(GError) error = NULL;
  SonaeManualView *view;

  profile->kind = SONAE_ORG_BUSINESS;
  g_assert_true (sonae_store_set_profile (store, profile, NULL));
  view = sonae_manual_view_new (store, manual, &error);
  g_assert_no_error (error);
  return view;
}

static const SonaeManualProcedure *
find_procedure (SonaeManual *manual,
                const char  *id)
{
  for (guint t = 0; t < SONAE_N_INCIDENT_TYPES; t++)
    {
      const SonaeManualIncident *incident = sonae_manual_get_incident (manual, t);

      for (guint i = 0; incident != NULL && i < incident->procedures->len; i++)
        if (g_str_equal (((SonaeManualProcedure *) g_ptr_array_index (incident->procedures, i))->id, id))
          return g_ptr_array_index (incident->procedures, i);
    }
  g_error ("no procedure %s", id);
}

static void
test_business_procedures (void)
{
  /* type × level → the manual's procedures, with the fallbacks; malware's
   * are written for any level, and a business gets both paths: the one
   * staff can take and the one for files encrypted, changed or deleted. */
  static const char *const expected[SONAE_N_INCIDENT_KINDS][SONAE_MANUAL_N_LEVELS][3] = {
    { { "leak-2" }, { "leak-2" }, { "leak-2" }, { "leak-3" } },  /* no leak procedure below level 2 */
    { { "tamper-0" }, { "tamper-1" }, { "tamper-2" }, { "tamper-3" } },
    { { "malware-staff", "malware-admin" }, { "malware-staff", "malware-admin" },
      { "malware-staff", "malware-admin" }, { "malware-staff", "malware-admin" } },
    { { "tamper-0" }, { "tamper-1" }, { "tamper-2" }, { "tamper-3" } },  /* "other": tampering/outage */
  };
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManual) manual = load_manual ();
  g_autoptr(SonaeManualView) view = business_view (store, manual);

  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    for (int level = 0; level < SONAE_MANUAL_N_LEVELS; level++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SonaeChecklist) checklist = sonae_checklist_for_incident (view, SONAE_ORG_BUSINESS, t, level, &error);
        const SonaeManualIncident *incident;
        GPtrArray *phases;
        guint n_phases = expected[t][level][1] != NULL ? 2 : 1;
        guint number = 0;

        g_assert_no_error (error);
        g_assert_nonnull (checklist);
        g_assert_false (sonae_checklist_is_medical (checklist));
        incident = sonae_manual_get_incident (manual, t == SONAE_INCIDENT_OTHER ? SONAE_INCIDENT_TAMPER : t);
        g_assert_nonnull (strstr (sonae_checklist_get_title (checklist),
                                  sonae_manual_text_get (incident->title, SONAE_ORG_BUSINESS)));

        phases = sonae_checklist_get_phases (checklist);
        g_assert_cmpuint (phases->len, ==, n_phases);
        for (guint p = 0; p < n_phases; p++)
          {
            const SonaeManualProcedure *proc = find_procedure (manual, expected[t][level][p]);
            const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);

            if (n_phases == 1)
              {
                g_assert_cmpstr (phase->id, ==, "procedure");
                g_assert_cmpstr (phase->title, ==, sonae_checklist_get_title (checklist));
              }
            else
              {
                /* Each path under its own title, with when it applies. */
                g_assert_cmpstr (phase->id, ==, proc->id);
                g_assert_cmpstr (phase->title, ==, sonae_manual_text_get (proc->title, SONAE_ORG_BUSINESS));
                g_assert_cmpstr (phase->text, ==, sonae_manual_text_get (proc->text, SONAE_ORG_BUSINESS));
              }
            g_assert_cmpuint (phase->steps->len, ==, proc->steps->len);
            for (guint i = 0; i < phase->steps->len; i++)
              {
                const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, i);
                const SonaeManualStep *ms = g_ptr_array_index (proc->steps, i);
                g_autofree char *digits = g_strdup_printf ("%u", ++number);

                /* Numbered on through the paths. */
                g_assert_cmpstr (step->id, ==, ms->id);
                g_assert_cmpstr (step->number, ==, digits);
                g_assert_cmpstr (step->role_key, ==, ms->role_key);
                g_assert_cmpstr (step->title, ==, sonae_manual_text_get (ms->title, SONAE_ORG_BUSINESS));
                g_assert_cmpstr (step->text, ==, sonae_manual_text_get (ms->text, SONAE_ORG_BUSINESS));
                g_assert_cmpuint (step->fields->len, ==, 0);
                g_assert_true (sonae_checklist_get_step (checklist, ms->id) == step);
                g_assert_true (sonae_checklist_get_phase_of (checklist, ms->id) == phase);
              }
          }
        g_assert_cmpuint (sonae_checklist_count_steps (checklist), ==, number);
        /* "Do now" comes from the bundled checklist. */
        g_assert_true (g_strv_contains (sonae_checklist_get_do_now (checklist, SONAE_INCIDENT_TAMPER, SONAE_ORG_BUSINESS),
                                        "Switch to paper forms so that the work can go on."));
        for (guint k = 0; k < SONAE_N_INCIDENT_KINDS; k++)
          g_assert_nonnull (sonae_checklist_get_do_now (checklist, k, SONAE_ORG_BUSINESS)[0]);
      }

  /* The business wording of a step that has two. */
  {
    g_autoptr(SonaeChecklist) checklist = sonae_checklist_for_incident (view, SONAE_ORG_BUSINESS,
                                                                        SONAE_INCIDENT_LEAK, 3, NULL);

    g_assert_nonnull (strstr (sonae_checklist_get_step (checklist, "leak-3-affected")->text, "customers"));
    g_assert_cmpstr (sonae_checklist_get_title (checklist), ==, "Leak or loss of information, damage level 3");
  }
  /* Malware: the ransomware path is there, stop and hand it over. */
  {
    g_autoptr(SonaeChecklist) checklist = sonae_checklist_for_incident (view, SONAE_ORG_BUSINESS,
                                                                        SONAE_INCIDENT_MALWARE, 2, NULL);

    g_assert_cmpstr (sonae_checklist_get_title (checklist), ==, "Virus or other malware infection");
    g_assert_nonnull (sonae_checklist_get_step (checklist, "malware-admin-stop"));
    g_assert_nonnull (strstr (sonae_checklist_get_phase_of (checklist, "malware-admin-stop")->text, "encrypted"));
    /* A business's words for the paths. */
    g_assert_cmpstr (sonae_checklist_get_phase_of (checklist, "malware-staff-disconnect")->title, ==,
                     "When employees can deal with it");
  }
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The organisation's own steps, and its edits, are in its checklist. */
static void
test_business_own_steps (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManual) manual = load_manual ();
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  const SonaeChecklistStep *step;

  view = business_view (store, manual);
  g_assert_true (sonae_manual_edits_add_step (store, "tamper-3", "基幹システムの保守会社に電話する", SONAE_ROLE_SYSADMIN,
                                              1.5, "山田", &added, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_manual_edits_edit_item (store, "tamper-3-report", "総務課長にすぐ報告する", NULL,
                                               sonae_manual_view_lookup (view, "tamper-3-report")->source_text,
                                               "山田", &error));
  g_assert_no_error (error);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = sonae_manual_view_new (store, manual, &error);
  g_assert_no_error (error);

  checklist = sonae_checklist_for_incident (view, SONAE_ORG_BUSINESS, SONAE_INCIDENT_TAMPER, 3, &error);
  g_assert_no_error (error);
  step = sonae_checklist_get_step (checklist, added);
  g_assert_nonnull (step);
  g_assert_cmpstr (step->title, ==, "基幹システムの保守会社に電話する");
  g_assert_cmpstr (step->role_key, ==, SONAE_ROLE_SYSADMIN);
  g_assert_cmpstr (sonae_checklist_get_step (checklist, "tamper-3-report")->text, ==, "総務課長にすぐ報告する");
  g_assert_cmpuint (sonae_checklist_count_steps (checklist), ==,
                    find_procedure (manual, "tamper-3")->steps->len + 1);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_medical_for_incident (void)
{
  static const SonaeOrgKind kinds[] = { SONAE_ORG_CLINIC, SONAE_ORG_HOSPITAL };
  g_autoptr(SonaeManual) manual = load_manual ();

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SonaeChecklist) checklist = sonae_checklist_for_incident (NULL, kinds[k], t, (int) t % 4, &error);

        g_assert_no_error (error);
        g_assert_true (sonae_checklist_is_medical (checklist));
        g_assert_cmpuint (sonae_checklist_count_steps (checklist), ==, 16);
      }

  /* A pharmacy works through the manual's procedure, as a business does
   * (sonae_org_kind_is_medical()). */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = NULL;
    g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
    g_autoptr(SonaeProfile) profile = sonae_store_get_profile (store);
    g_autoptr(SonaeManualView) view = NULL;
    g_autoptr(SonaeChecklist) checklist = NULL;

    profile->kind = SONAE_ORG_PHARMACY;
    g_assert_true (sonae_store_set_profile (store, profile, NULL));
    view = sonae_manual_view_new (store, manual, &error);
    g_assert_no_error (error);
    checklist = sonae_checklist_for_incident (view, SONAE_ORG_PHARMACY, SONAE_INCIDENT_TAMPER, 2, &error);

    g_assert_no_error (error);
    g_assert_false (sonae_checklist_is_medical (checklist));
    g_assert_nonnull (sonae_checklist_get_step (checklist, "tamper-2-report"));
    g_clear_object (&store);
    sonae_test_remove_dir (dir);
  }

  /* No manual is needed for the medical checklist. */
  {
    g_autoptr(SonaeChecklist) checklist = sonae_checklist_for_incident (NULL, SONAE_ORG_CLINIC,
                                                                        SONAE_INCIDENT_MALWARE, 3, NULL);

    g_assert_nonnull (sonae_checklist_get_step (checklist, "2-14"));
  }

  /* A level outside 0..3 is refused. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sonae_checklist_for_incident (NULL, SONAE_ORG_CLINIC, SONAE_INCIDENT_LEAK, 4, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (sonae_checklist_for_incident (NULL, SONAE_ORG_CLINIC, SONAE_INCIDENT_LEAK, -1, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  }
}

static void
test_ref_counting (void)
{
  SonaeChecklist *checklist = load_bundled ();
  SonaeChecklist *again = sonae_checklist_ref (checklist);

  g_assert_true (again == checklist);
  sonae_checklist_unref (again);
  g_assert_cmpuint (sonae_checklist_count_steps (checklist), ==, 16);
  sonae_checklist_unref (checklist);
}

/* ------------------------------------------------------------------ */
/* Broken files are refused with the line */

static int
line_at (const char *text,
         const char *at)
{
  int line = 1;

  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* Replace the first @from of the bundled file with @to, and expect a parse
 * error holding @message and, when @with_line, the line of the change. */
static void
assert_broken (const char *from,
               const char *to,
               const char *message,
               gboolean    with_line)
{
  g_autofree char *xml = bundled_xml ();
  g_autoptr(GString) broken = g_string_new (xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  const char *at = strstr (xml, from);

  if (at == NULL)
    g_error ("“%s” is not in the bundled checklist", from);
  g_string_erase (broken, at - xml, strlen (from));
  g_string_insert (broken, at - xml, to);

  checklist = sonae_checklist_load_from_data (broken->str, broken->len, &error);
  g_assert_null (checklist);
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
  if (with_line)
    {
      g_autofree char *line = g_strdup_printf ("line %d:", line_at (xml, at));

      if (strstr (error->message, line) == NULL)
        g_error ("expected “%s” in “%s”", line, error->message);
    }
}

/* The steps that send the reader to an outside body name it, so that the
 * paper checklist can print its number: 2-7 the MHLW's first-response
 * desk (a yearly contract: re-checked each April), 2-13 the ministry, the
 * PPC and the local authority (by telephone or on the paper form, not on a
 * website), 2-18 the police. */
static void
test_bundled_bodies (void)
{
  static const struct {
    const char *step;
    const char *bodies;
  } expected[] = {
    { "2-7", "mhlw-support" },
    { "2-13", "mhlw ppc prefecture-medical" },
    { "2-18", "police-cyber" },
  };
  g_autoptr(SonaeChecklist) checklist = load_bundled ();
  GPtrArray *phases = sonae_checklist_get_phases (checklist);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SonaeChecklistStep *step = sonae_checklist_get_step (checklist, expected[i].step);
      g_auto(GStrv) keys = g_strsplit (expected[i].bodies, " ", -1);

      g_assert_cmpuint (step->bodies->len, ==, g_strv_length (keys));
      for (guint k = 0; keys[k] != NULL; k++)
        g_assert_cmpstr (g_ptr_array_index (step->bodies, k), ==, keys[k]);
    }
  for (guint p = 0; p < phases->len; p++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, p);

      for (guint s = 0; s < phase->steps->len; s++)
        n += ((SonaeChecklistStep *) g_ptr_array_index (phase->steps, s))->bodies->len;
    }
  g_assert_cmpuint (n, ==, 5);

  /* 2-7: the desk, and that it changes with the yearly contract. */
  {
    const SonaeChecklistStep *step = sonae_checklist_get_step (checklist, "2-7");
    g_autofree char *points = NULL;

    g_ptr_array_add (step->points, NULL);
    points = g_strjoinv ("\n", (char **) step->points->pdata);
    g_ptr_array_remove_index (step->points, step->points->len - 1);
    g_assert_nonnull (strstr (points, "first-response support desk"));
    g_assert_nonnull (strstr (points, "SAJ"));
    g_assert_nonnull (strstr (points, "each April"));
  }
  /* 2-13: what to do on paper, not a website to look up. */
  {
    const SonaeChecklistStep *step = sonae_checklist_get_step (checklist, "2-13");
    g_autofree char *points = NULL;

    g_ptr_array_add (step->points, NULL);
    points = g_strjoinv ("\n", (char **) step->points->pdata);
    g_ptr_array_remove_index (step->points, step->points->len - 1);
    g_assert_null (strstr (points, "website where"));
    g_assert_null (strstr (points, "homepage"));
    g_assert_nonnull (strstr (points, "telephone"));
    g_assert_nonnull (strstr (points, "blank report sheet kept in the binder"));
    g_assert_null (strstr (points, "prefecture’s office"));
  }

  /* A manual procedure's steps name no body. */
  {
    g_autofree char *dir = NULL;
    g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
    g_autoptr(SonaeManual) manual = sonae_manual_load (NULL);
    g_autoptr(SonaeManualView) view = business_view (store, manual);
    g_autoptr(SonaeChecklist) procedure = sonae_checklist_for_incident (view, SONAE_ORG_BUSINESS, SONAE_INCIDENT_LEAK, 3, NULL);
    const SonaeChecklistPhase *phase = g_ptr_array_index (sonae_checklist_get_phases (procedure), 0);

    g_assert_nonnull (phase);
    for (guint s = 0; s < phase->steps->len; s++)
      g_assert_cmpuint (((SonaeChecklistStep *) g_ptr_array_index (phase->steps, s))->bodies->len, ==, 0);
    g_clear_pointer (&view, sonae_manual_view_free);
    g_clear_object (&store);
    sonae_test_remove_dir (dir);
  }
}

static void
test_broken_xml (void)
{
  g_autoptr(GError) error = NULL;

  assert_broken ("<point>Note whom you asked", "<point>Note <oops whom you asked", "not well-formed", FALSE);
  assert_broken ("</checklist>", "", "not well-formed", FALSE);
  assert_broken ("<phase id=\"recover\">", "<phase id=\"recover\"><phase id=\"inner\">",
                 "<phase> does not belong inside <phase>", TRUE);
  assert_broken ("<title>Recovery</title>", "Recovery", "text directly inside <phase>", TRUE);

  g_assert_null (sonae_checklist_load_from_data ("", 0, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (sonae_checklist_load_from_data ("<manual version=\"1\"/>", -1, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "one <checklist>"));
}

static void
test_broken_elements (void)
{
  assert_broken ("<point>Note whom you asked", "<note>Note whom you asked", "<note> is not an element of the checklist", TRUE);
  assert_broken ("<field id=\"findings\" kind=\"text\">", "<field id=\"findings\" kind=\"text\" colour=\"red\">",
                 "colour", TRUE);
  assert_broken ("<field id=\"findings\" kind=\"text\">", "<field id=\"findings\" kind=\"essay\">",
                 "kind=\"essay\" must be", TRUE);
  assert_broken ("<title>Confirming the recovery</title>", "", "the step “3-4” has no <title>", FALSE);
  assert_broken ("<label>Findings</label>", "<label>  </label>", "<label> is empty", TRUE);
  assert_broken ("<label>Findings</label>", "<label>Findings</label><label>Again</label>",
                 "a second <label> inside <field>", TRUE);
  assert_broken ("<checklist version=\"3\">", "<checklist version=\"one\">", "version=\"one\"", TRUE);
}

static void
test_broken_ids (void)
{
  g_autofree char *xml = bundled_xml ();
  g_autofree char *first = g_strdup_printf ("first on line %d", line_at (xml, strstr (xml, "<step id=\"2-3\"")));

  assert_broken ("<step id=\"2-4\"", "<step id=\"2-3\"", "the id “2-3” is used twice", TRUE);
  assert_broken ("<step id=\"2-4\"", "<step id=\"2-3\"", first, TRUE);
  assert_broken ("<phase id=\"after\">", "<phase id=\"detect\">", "the id “detect” is used twice", TRUE);
  assert_broken ("<step id=\"2-4\"", "<step", "<step> has no id", TRUE);
  assert_broken ("<field id=\"event-description\"", "<field id=\"event-case\"",
                 "the step “1-1” has two fields “event-case”", TRUE);
  assert_broken ("<option id=\"office\">", "<option id=\"medical\">", "two options “medical”", TRUE);
  assert_broken ("<option id=\"office\">", "<option id=\"office,admin\">", "with a comma", TRUE);
}

static void
test_broken_role (void)
{
  assert_broken ("<step id=\"2-7\" role=\"lead\">", "<step id=\"2-7\" role=\"janitor\">",
                 "the step “2-7” names the role “janitor”, which does not exist", TRUE);
}

static void
test_broken_fields (void)
{
  g_autofree char *xml = bundled_xml ();
  const char *start = strstr (xml, "<option id=\"confirmed\">");
  const char *end = strstr (start, "</field>");
  g_autofree char *options = g_strndup (start, end - start);
  g_autofree char *field_line = g_strdup_printf ("line %d:", line_at (xml, strstr (xml, "<field id=\"isolated\"")));

  /* A choice without options: the error names the field's line. */
  assert_broken (options, "", "the field “isolated” is a choice without options", FALSE);
  assert_broken (options, "", field_line, FALSE);
  assert_broken ("<field id=\"findings\" kind=\"text\">\n        <label>Findings</label>",
                 "<field id=\"findings\" kind=\"text\">\n        <label>Findings</label><option id=\"x\">X</option>",
                 "the field “findings” is not a choice", FALSE);
  assert_broken ("<field id=\"confirmed\" kind=\"text\">", "<field id=\"confirmed\" kind=\"text\" bind=\"weather\">",
                 "bind=\"weather\" is not a detail of an incident", TRUE);
  assert_broken ("<field id=\"confirmed\" kind=\"text\">", "<field id=\"confirmed\" kind=\"text\" bind=\"network\">",
                 "the detail “network” is already bound to a field on line", TRUE);
  assert_broken ("<field id=\"when\" kind=\"datetime\"", "<field id=\"when\" kind=\"line\"",
                 "a line field cannot stand for the detail “detected_at”", TRUE);
  assert_broken ("<field id=\"confirmed\" kind=\"text\">", "<field kind=\"text\">",
                 "a field of the step “3-4” has no id", TRUE);
}

static void
test_broken_bodies (void)
{
  assert_broken ("<body ref=\"police-cyber\"/>", "<body ref=\"fbi\"/>",
                 "the step “2-18” names the body “fbi”, which Sonae does not know", TRUE);
  assert_broken ("<body ref=\"police-cyber\"/>", "<body/>", "ref", TRUE);
  assert_broken ("<body ref=\"ppc\"/>", "<body ref=\"ppc\"/><body ref=\"ppc\"/>",
                 "the step “2-13” names the body “ppc” twice", TRUE);
  assert_broken ("<body ref=\"police-cyber\"/>", "<body ref=\"police-cyber\">call</body>",
                 "text directly inside <body>", TRUE);
  assert_broken ("<body ref=\"police-cyber\"/>", "<body ref=\"police-cyber\"><point>x</point></body>",
                 "<point> does not belong inside <body>", TRUE);
  assert_broken ("<title>Recovery</title>", "<title>Recovery</title><body ref=\"ppc\"/>",
                 "<body> does not belong inside <phase>", TRUE);
}

static void
test_broken_do_now (void)
{
  g_autofree char *xml = bundled_xml ();
  const char *start = strstr (xml, "<do-now type=\"other\">");
  const char *end = strstr (start, "</do-now>") + strlen ("</do-now>");
  g_autofree char *block = g_strndup (start, end - start);

  assert_broken (block, "", "no “do now” steps for “other” incidents", FALSE);
  assert_broken ("<do-now type=\"leak\">", "<do-now type=\"flood\">", "type=\"flood\" must be", TRUE);
  assert_broken ("<do-now type=\"leak\">", "<do-now type=\"malware\">", "written twice", TRUE);
  assert_broken ("org=\"business\">Switch to paper forms", "org=\"office\">Switch to paper forms",
                 "org=\"office\" must be", TRUE);
  /* A step without an id could not be ticked; two with one id would be
   * ticked together. */
  assert_broken ("<item id=\"now-leak-stop\">", "<item>", "<item> has no id", TRUE);
  assert_broken ("<item id=\"now-leak-keep\">", "<item id=\"now-leak-stop\">",
                 "the id “now-leak-stop” is used twice", TRUE);
  assert_broken ("<item id=\"now-leak-keep\">", "<item id=\"1-1\">", "the id “1-1” is used twice", TRUE);
  assert_broken (block, "<do-now type=\"other\">\n<item id=\"now-x\" org=\"clinic\">Call the first responder.</item>\n</do-now>",
                 "the “do now” steps for “other” have no <item> for businesses", TRUE);
}

/* Any truncation fails cleanly. */
static void
test_truncated (void)
{
  g_autofree char *xml = bundled_xml ();
  gsize len = strlen (xml);

  for (gsize cut = 0; cut < len - 2; cut += 89)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SonaeChecklist) checklist = sonae_checklist_load_from_data (xml, cut, &error);

      g_assert_null (checklist);
      g_assert_error (error, SONAE_ERROR, SONAE_ERROR_PARSE);
    }
}

/* ------------------------------------------------------------------ */
/* Translation */

static void
add_texts (GHashTable *set,
           GPtrArray  *texts)
{
  for (guint i = 0; i < texts->len; i++)
    g_hash_table_add (set, g_strdup (g_ptr_array_index (texts, i)));
}

/* Every text of the loaded checklist: in the C locale, its English source. */
static GHashTable *
checklist_texts (SonaeChecklist *checklist)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *phases = sonae_checklist_get_phases (checklist);

  g_hash_table_add (set, g_strdup (sonae_checklist_get_title (checklist)));
  for (guint i = 0; i < phases->len; i++)
    {
      const SonaeChecklistPhase *phase = g_ptr_array_index (phases, i);

      g_hash_table_add (set, g_strdup (phase->title));
      for (guint j = 0; j < phase->steps->len; j++)
        {
          const SonaeChecklistStep *step = g_ptr_array_index (phase->steps, j);

          g_hash_table_add (set, g_strdup (step->title));
          g_hash_table_add (set, g_strdup (step->text));
          add_texts (set, step->points);
          for (guint k = 0; k < step->fields->len; k++)
            {
              const SonaeChecklistField *field = g_ptr_array_index (step->fields, k);

              g_hash_table_add (set, g_strdup (field->label));
              if (field->hint)
                g_hash_table_add (set, g_strdup (field->hint));
              for (guint o = 0; o < field->options->len; o++)
                g_hash_table_add (set, g_strdup (((SonaeChecklistOption *) g_ptr_array_index (field->options, o))->label));
            }
        }
    }
  for (guint t = 0; t < SONAE_N_INCIDENT_KINDS; t++)
    {
      const SonaeOrgKind kinds[] = { SONAE_ORG_CLINIC, SONAE_ORG_BUSINESS };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          const char *const *items = sonae_checklist_get_do_now (checklist, t, kinds[k]);

          for (guint i = 0; items[i]; i++)
            g_hash_table_add (set, g_strdup (items[i]));
        }
    }
  return set;
}

/* The msgids xgettext extracts from checklist.xml with the ITS rules of
 * data/content/its, or NULL (and the test skipped) without xgettext. */
static GHashTable *
extract_msgids (void)
{
  const char *root = g_getenv ("SONAE_SOURCE_ROOT");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) xgettext = NULL;
  g_autoptr(GRegex) msgid_line = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pot = NULL;
  g_autofree char *datadir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *program = g_find_program_in_path ("xgettext");
  GHashTable *msgids;

  if (root == NULL || program == NULL)
    {
      g_test_skip ("needs xgettext and SONAE_SOURCE_ROOT");
      return NULL;
    }
  datadir = g_build_filename (root, "data", "content", NULL);
  file = g_build_filename (datadir, "checklist.xml", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "GETTEXTDATADIRS", datadir, TRUE);
  xgettext = g_subprocess_launcher_spawn (launcher, &error, program, "--from-code=UTF-8", "--no-wrap",
                                          "--output=-", file, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (xgettext, NULL, NULL, &pot, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (xgettext));

  msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  msgid_line = g_regex_new ("^msgid \"(.+)\"$", G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  for (g_regex_match (msgid_line, pot, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *quoted = g_match_info_fetch (match, 1);

      g_hash_table_add (msgids, g_strcompress (quoted));
    }
  return msgids;
}

/* What xgettext extracts is exactly what the loader looks up: no text of
 * the checklist can miss its translation. */
static void
test_msgids_match_extraction (void)
{
  g_autoptr(SonaeChecklist) checklist = load_bundled ();
  g_autoptr(GHashTable) texts = checklist_texts (checklist);
  g_autoptr(GHashTable) extracted = extract_msgids ();
  GHashTableIter iter;
  gpointer key;

  if (extracted == NULL)
    return;
  g_assert_cmpuint (g_hash_table_size (extracted), >, 100);
  g_assert_cmpuint (g_hash_table_size (extracted), ==, g_hash_table_size (texts));
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (extracted, key))
      g_error ("the checklist looks up “%s”, which xgettext does not extract", (char *) key);
}

/* With a Japanese catalogue the texts are Japanese at load time, and the
 * values' labels with them. */
static void
test_translated_at_load (void)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *dir = NULL;
  g_autofree char *po = NULL;
  g_autofree char *modir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *old_locale = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeChecklist) checklist = NULL;
  g_autoptr(GString) xml = NULL;
  const char *argv[] = { NULL, "--output-file", NULL, NULL, NULL };
  int status = 0;

  if (msgfmt == NULL)
    {
      g_test_skip ("needs msgfmt");
      return;
    }
  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL && setlocale (LC_ALL, "ja_JP.utf8") == NULL)
    {
      g_test_skip ("needs the ja_JP.UTF-8 locale");
      return;
    }

  dir = sonae_test_make_dir ();
  modir = g_build_filename (dir, "ja", "LC_MESSAGES", NULL);
  g_mkdir_with_parents (modir, 0700);
  po = g_build_filename (dir, "test.po", NULL);
  mo = g_build_filename (modir, GETTEXT_PACKAGE ".mo", NULL);
  g_file_set_contents (po,
                       "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                       "msgid \"Detection\"\nmsgstr \"検知\"\n\n"
                       "msgid \"Power left on\"\nmsgstr \"電源を入れたまま\"\n\n"
                       "msgid \"Screen photographed\"\nmsgstr \"画面を撮影\"\n\n"
                       "msgctxt \"list separator\"\nmsgid \", \"\nmsgstr \"、\"\n\n"
                       "msgid \"Tom &amp; Jerry &lt;PC&gt;\"\nmsgstr \"トム&amp;ジェリー&lt;PC&gt;\"\n",
                       -1, &error);
  g_assert_no_error (error);
  argv[0] = msgfmt;
  argv[2] = mo;
  argv[3] = po;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  {
    g_autofree char *bundled = bundled_xml ();

    xml = g_string_new (bundled);
    /* Entities and white space go through as xgettext writes them. */
    g_string_replace (xml, "<label>Findings</label>", "<label>Tom\n  &amp; Jerry &lt;PC&gt;</label>", 1);
  }
  checklist = sonae_checklist_load_from_data (xml->str, xml->len, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (((SonaeChecklistPhase *) g_ptr_array_index (sonae_checklist_get_phases (checklist), 0))->title,
                   ==, "検知");
  g_assert_cmpstr (sonae_checklist_get_field (checklist, "2-3", "findings")->label, ==, "トム&ジェリー<PC>");
  formatted = sonae_checklist_field_format (sonae_checklist_get_field (checklist, "1-4", "evidence"), "power-on,photo");
  g_assert_cmpstr (formatted, ==, "電源を入れたまま、画面を撮影");
  /* Untranslated texts stay English. */
  g_assert_cmpstr (((SonaeChecklistPhase *) g_ptr_array_index (sonae_checklist_get_phases (checklist), 1))->title,
                   ==, "Initial response");

  setlocale (LC_ALL, old_locale);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist/bundled/phases", test_bundled_phases);
  g_test_add_func ("/checklist/bundled/steps", test_bundled_steps);
  g_test_add_func ("/checklist/bundled/fields", test_bundled_fields);
  g_test_add_func ("/checklist/bundled/do-now", test_bundled_do_now);
  g_test_add_func ("/checklist/bundled/bodies", test_bundled_bodies);
  g_test_add_func ("/checklist/incident-kinds", test_incident_kinds);
  g_test_add_func ("/checklist/field-format", test_field_format);
  g_test_add_func ("/checklist/business-procedures", test_business_procedures);
  g_test_add_func ("/checklist/business-own-steps", test_business_own_steps);
  g_test_add_func ("/checklist/medical-for-incident", test_medical_for_incident);
  g_test_add_func ("/checklist/ref-counting", test_ref_counting);
  g_test_add_func ("/checklist/broken/xml", test_broken_xml);
  g_test_add_func ("/checklist/broken/elements", test_broken_elements);
  g_test_add_func ("/checklist/broken/ids", test_broken_ids);
  g_test_add_func ("/checklist/broken/role", test_broken_role);
  g_test_add_func ("/checklist/broken/fields", test_broken_fields);
  g_test_add_func ("/checklist/broken/bodies", test_broken_bodies);
  g_test_add_func ("/checklist/broken/do-now", test_broken_do_now);
  g_test_add_func ("/checklist/broken/truncated", test_truncated);
  g_test_add_func ("/checklist/msgids-match-extraction", test_msgids_match_extraction);
  g_test_add_func ("/checklist/translated-at-load", test_translated_at_load);

  return g_test_run ();
}
