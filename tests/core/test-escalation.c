#include "config.h"

#include <string.h>

#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-escalation.h"
#include "sonae-manual-view.h"
#include "sonae-test-util.h"

/* A small clinic: a finder-side first responder with a deputy, a system
 * administrator, a lead with two deputies, and nobody yet as chief
 * executive. */
typedef struct {
  char *dir;
  SonaeStore *store;
  SonaeManual *manual;
  gint64 first, first_deputy, sysadmin, lead, lead_deputy1, lead_deputy2, privacy;
} Fixture;

static void
set_holders (SonaeStore   *store,
             const char   *role,
             const gint64 *ids,
             guint         n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sonae_contacts_set_role_holders (store, role, ids, n, &error));
  g_assert_no_error (error);
}

static void
set_kind (SonaeStore   *store,
          SonaeOrgKind  kind)
{
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) "さくら内科クリニック", kind, (char *) "東京都", NULL, NULL };

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = sonae_test_open_store (&f->dir);
  f->manual = sonae_manual_load (&error);
  g_assert_no_error (error);

  f->first = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "受付 一郎", "うけつけ いちろう", "090-1111-0001");
  f->first_deputy = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "受付 二郎", "うけつけ じろう", "090-1111-0002");
  f->sysadmin = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "情報 花子", "じょうほう はなこ", "090-2222-0001");
  f->lead = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "事務長 太郎", "じむちょう たろう", "090-3333-0001");
  f->lead_deputy1 = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "看護 師長", "かんご しちょう", "090-3333-0002");
  f->lead_deputy2 = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "副 事務長", "ふく じむちょう", "090-3333-0003");
  f->privacy = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "個人 情子", "こじん じょうこ", "090-4444-0001");

  set_holders (f->store, "first", (gint64[]) { f->first, f->first_deputy }, 2);
  set_holders (f->store, "sysadmin", (gint64[]) { f->sysadmin }, 1);
  /* Deputies in the order to call them, not the order they were added. */
  set_holders (f->store, "lead", (gint64[]) { f->lead, f->lead_deputy2, f->lead_deputy1 }, 3);
  set_holders (f->store, "privacy", (gint64[]) { f->privacy }, 1);
  set_kind (f->store, SONAE_ORG_CLINIC);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sonae_manual_unref (f->manual);
  g_clear_object (&f->store);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SonaeEscalation *
escalate (Fixture *f,
          int      level)
{
  g_autoptr(GError) error = NULL;
  SonaeEscalation *e = sonae_escalation_new (f->store, f->manual, level, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  g_assert_cmpint (sonae_escalation_get_level (e), ==, level);
  return e;
}

/* The role keys, in order, as "a,b,c", with a "+" before the ones only told. */
static char *
role_keys (SonaeEscalation *e)
{
  GPtrArray *roles = sonae_escalation_get_roles (e);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < roles->len; i++)
    {
      SonaeEscalationRole *r = g_ptr_array_index (roles, i);

      if (i > 0)
        g_string_append_c (out, ',');
      if (r->inform_only)
        g_string_append_c (out, '+');
      g_string_append (out, r->role_key);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The bodies as "key,key?,…", "?" after the optional ones, "!" when the
 * roster has no entry. */
static char *
body_keys (SonaeEscalation *e)
{
  GPtrArray *bodies = sonae_escalation_get_bodies (e);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < bodies->len; i++)
    {
      SonaeEscalationBody *b = g_ptr_array_index (bodies, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, b->authority_key);
      if (b->optional)
        g_string_append_c (out, '?');
      if (b->contact == NULL)
        g_string_append_c (out, '!');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  static const char *expected[] = {
    "first,sysadmin",
    "first,sysadmin,+security,+privacy",
    "first,sysadmin,lead,+security,+privacy",
    "first,sysadmin,lead,top,+security,+privacy",
  };
  static const char *responders[] = { "sysadmin", "sysadmin", "lead", "top" };

  for (int l = 0; l < 4; l++)
    {
      g_autoptr(SonaeEscalation) e = escalate (f, l);
      g_autofree char *keys = role_keys (e);
      GPtrArray *roles = sonae_escalation_get_roles (e);

      g_assert_cmpstr (keys, ==, expected[l]);
      g_assert_cmpstr (sonae_escalation_get_responder (e), ==, responders[l]);
      /* Exactly one responder, the last of the chain. */
      for (guint i = 0; i < roles->len; i++)
        {
          SonaeEscalationRole *r = g_ptr_array_index (roles, i);

          g_assert_cmpint (r->responder, ==, g_str_equal (r->role_key, responders[l]) && !r->inform_only);
        }
    }
}

static void
test_holders_in_call_order (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SonaeEscalation) e = escalate (f, 2);
  const SonaeEscalationRole *lead = sonae_escalation_get_role (e, "lead");
  const SonaeEscalationRole *first = sonae_escalation_get_role (e, "first");
  SonaeContact *c;

  g_assert_nonnull (lead);
  g_assert_true (lead->responder);
  g_assert_cmpuint (lead->holders->len, ==, 3);
  c = g_ptr_array_index (lead->holders, 0);
  g_assert_cmpint (c->id, ==, f->lead);
  g_assert_cmpstr (sonae_contact_get_first_phone (c), ==, "090-3333-0001");
  c = g_ptr_array_index (lead->holders, 1);
  g_assert_cmpint (c->id, ==, f->lead_deputy2);
  g_assert_cmpstr (sonae_contact_get_first_phone (c), ==, "090-3333-0003");
  c = g_ptr_array_index (lead->holders, 2);
  g_assert_cmpint (c->id, ==, f->lead_deputy1);

  g_assert_cmpuint (first->holders->len, ==, 2);
  g_assert_cmpint (((SonaeContact *) g_ptr_array_index (first->holders, 0))->id, ==, f->first);
  g_assert_cmpint (((SonaeContact *) g_ptr_array_index (first->holders, 1))->id, ==, f->first_deputy);
  g_assert_null (sonae_escalation_get_role (e, "top"));
}

static void
test_empty_role (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SonaeEscalation) three = escalate (f, 3);
  g_autoptr(SonaeEscalation) two = NULL;
  const SonaeEscalationRole *top = sonae_escalation_get_role (three, "top");
  const SonaeEscalationRole *security = sonae_escalation_get_role (three, "security");

  /* Nobody is chief executive or security manager: reported, not skipped. */
  g_assert_nonnull (top);
  g_assert_true (top->responder);
  g_assert_cmpuint (top->holders->len, ==, 0);
  g_assert_nonnull (security);
  g_assert_true (security->inform_only);
  g_assert_cmpuint (security->holders->len, ==, 0);
  g_assert_cmpuint (sonae_escalation_count_unassigned (three), ==, 2);

  /* Once someone holds it, it is filled in. */
  set_holders (f->store, "top", (gint64[]) { f->lead_deputy1 }, 1);
  two = escalate (f, 3);
  g_assert_cmpuint (sonae_escalation_get_role (two, "top")->holders->len, ==, 1);
  g_assert_cmpuint (sonae_escalation_count_unassigned (two), ==, 1);
}

static void
test_bodies_clinic (Fixture       *f,
                    gconstpointer  data)
{
  static const char *expected[] = {
    "ipa-consult?",
    "ipa-report?,ipa-consult?",
    "police-cyber,ppc,mhlw,prefecture-medical,jpcert?,ipa-report?,mhlw-support?",
    "police-cyber,ppc,mhlw,prefecture-medical,jpcert,ipa-report,mhlw-support?,jipdec?",
  };
  static const char *severity[] = { NULL, "minor", "medium", "major" };

  for (int l = 0; l < 4; l++)
    {
      g_autoptr(SonaeEscalation) e = escalate (f, l);
      g_autofree char *keys = body_keys (e);
      GPtrArray *bodies = sonae_escalation_get_bodies (e);

      g_assert_cmpstr (keys, ==, expected[l]);
      g_assert_cmpstr (sonae_escalation_get_severity (e), ==, severity[l]);
      g_assert_cmpint (sonae_escalation_get_org_kind (e), ==, SONAE_ORG_CLINIC);
      g_assert_nonnull (strstr (sonae_escalation_get_summary (e), l == 0 ? "No report" : ""));
      for (guint i = 0; i < bodies->len; i++)
        {
          SonaeEscalationBody *b = g_ptr_array_index (bodies, i);

          /* The roster's entry, with what the roster knows. */
          g_assert_cmpstr (b->contact->builtin_key, ==, b->authority_key);
          if (g_str_equal (b->authority_key, "ppc"))
            {
              g_assert_cmpstr (sonae_contact_get_first_phone (b->contact), ==, "03-6457-9849");
              g_assert_nonnull (strstr (b->note, "personal data"));
            }
          if (g_str_equal (b->authority_key, "mhlw"))
            g_assert_nonnull (b->contact->url);
        }
    }
  {
    g_autoptr(SonaeEscalation) e = escalate (f, 3);

    g_assert_nonnull (strstr (sonae_escalation_get_summary (e), "patients"));
  }
}

static void
test_bodies_business (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SonaeEscalation) three = NULL;
  g_autoptr(SonaeEscalation) two = NULL;
  g_autoptr(SonaeEscalation) hospital = NULL;
  g_autofree char *three_keys = NULL;
  g_autofree char *two_keys = NULL;
  g_autofree char *hospital_keys = NULL;

  set_kind (f->store, SONAE_ORG_BUSINESS);
  three = escalate (f, 3);
  two = escalate (f, 2);
  three_keys = body_keys (three);
  two_keys = body_keys (two);
  g_assert_cmpstr (three_keys, ==, "police-cyber,ppc,jpcert,ipa-report,jipdec?");
  g_assert_cmpstr (two_keys, ==, "police-cyber,ppc,jpcert?,ipa-report?");
  g_assert_cmpint (sonae_escalation_get_org_kind (three), ==, SONAE_ORG_BUSINESS);
  g_assert_nonnull (strstr (sonae_escalation_get_summary (three), "customers"));
  g_assert_null (strstr (sonae_escalation_get_summary (three), "patients"));

  /* A hospital reads the medical rules, whatever the profile says; the
   * medical bodies are out of a business's roster ("!": no contact). */
  hospital = sonae_escalation_new_for_org (f->store, f->manual, 3, SONAE_ORG_HOSPITAL, NULL);
  hospital_keys = body_keys (hospital);
  g_assert_cmpstr (hospital_keys, ==, "police-cyber,ppc,mhlw!,prefecture-medical!,jpcert,ipa-report,mhlw-support?!,jipdec?");
  g_clear_pointer (&hospital, sonae_escalation_free);
  g_clear_pointer (&hospital_keys, g_free);
  set_kind (f->store, SONAE_ORG_HOSPITAL);
  hospital = sonae_escalation_new_for_org (f->store, f->manual, 3, SONAE_ORG_HOSPITAL, NULL);
  hospital_keys = body_keys (hospital);
  g_assert_cmpstr (hospital_keys, ==, "police-cyber,ppc,mhlw,prefecture-medical,jpcert,ipa-report,mhlw-support?,jipdec?");

  /* A pharmacy reads a business's rules (sonae_org_kind_is_medical): the
   * prefecture's pharmaceutical section is in its roster, not in its
   * manual's reports. */
  g_clear_pointer (&hospital, sonae_escalation_free);
  g_clear_pointer (&hospital_keys, g_free);
  set_kind (f->store, SONAE_ORG_PHARMACY);
  hospital = sonae_escalation_new_for_org (f->store, f->manual, 3, SONAE_ORG_PHARMACY, NULL);
  hospital_keys = body_keys (hospital);
  g_assert_cmpstr (hospital_keys, ==, "police-cyber,ppc,jpcert,ipa-report,jipdec?");
}

static void
test_deleted_authority (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) authorities = sonae_contacts_list (f->store, SONAE_GROUP_AUTHORITY, NULL);
  g_autoptr(SonaeEscalation) e = NULL;
  g_autofree char *keys = NULL;

  for (guint i = 0; i < authorities->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (authorities, i);

      if (g_strcmp0 (c->builtin_key, "jpcert") == 0)
        g_assert_true (sonae_contacts_delete (f->store, c->id, NULL));
    }
  e = escalate (f, 3);
  keys = body_keys (e);
  /* Still listed, so the gap shows. */
  g_assert_cmpstr (keys, ==, "police-cyber,ppc,mhlw,prefecture-medical,jpcert!,ipa-report,mhlw-support?,jipdec?");
}

static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The organisation has its chief executive respond at level 2. */
  g_assert_true (sonae_manual_set_responder (f->manual, 2, "top", &error));
  {
    g_autoptr(SonaeEscalation) e = escalate (f, 2);
    g_autofree char *keys = role_keys (e);

    g_assert_cmpstr (keys, ==, "first,sysadmin,lead,top,+security,+privacy");
    g_assert_cmpstr (sonae_escalation_get_responder (e), ==, "top");
    g_assert_false (sonae_escalation_get_role (e, "lead")->responder);
    g_assert_true (sonae_escalation_get_role (e, "top")->responder);
  }

  /* A responder off the chain: the first responder calls it directly. */
  g_assert_true (sonae_manual_set_responder (f->manual, 1, "security", &error));
  {
    g_autoptr(SonaeEscalation) e = escalate (f, 1);
    g_autofree char *keys = role_keys (e);

    g_assert_cmpstr (keys, ==, "first,security,+privacy");
    g_assert_true (sonae_escalation_get_role (e, "security")->responder);
    g_assert_false (sonae_escalation_get_role (e, "security")->inform_only);
  }

  /* The first responder alone. */
  g_assert_true (sonae_manual_set_responder (f->manual, 0, "first", &error));
  {
    g_autoptr(SonaeEscalation) e = escalate (f, 0);
    g_autofree char *keys = role_keys (e);

    g_assert_cmpstr (keys, ==, "first");
    g_assert_true (sonae_escalation_get_role (e, "first")->responder);
  }

  g_assert_true (sonae_manual_set_responder (f->manual, 2, NULL, &error));
  {
    g_autoptr(SonaeEscalation) e = escalate (f, 2);

    g_assert_cmpstr (sonae_escalation_get_responder (e), ==, "lead");
  }
}

/* Everything @e says: each role with its holders' ids in order, and the
 * bodies as body_keys() writes them. */
static char *
describe (SonaeEscalation *e)
{
  GPtrArray *roles = sonae_escalation_get_roles (e);
  g_autofree char *bodies = body_keys (e);
  GString *out = g_string_new (sonae_escalation_get_responder (e));

  for (guint i = 0; i < roles->len; i++)
    {
      SonaeEscalationRole *r = g_ptr_array_index (roles, i);

      g_string_append_printf (out, " %s%s%s:", r->inform_only ? "+" : "", r->role_key, r->responder ? "*" : "");
      for (guint j = 0; j < r->holders->len; j++)
        g_string_append_printf (out, "%" G_GINT64_FORMAT ",", ((SonaeContact *) g_ptr_array_index (r->holders, j))->id);
    }
  g_string_append_printf (out, " | %s", bodies);
  return g_string_free (out, FALSE);
}

/* The manual's page builds the four levels' escalations from the roster it
 * read once; they say what each read on its own says, deleted holders and
 * authorities left out, for every kind of organisation. */
static void
test_from_roster (Fixture       *f,
                  gconstpointer  data)
{
  static const SonaeOrgKind kinds[] = { SONAE_ORG_CLINIC, SONAE_ORG_HOSPITAL, SONAE_ORG_BUSINESS };
  g_autoptr(GPtrArray) bundled = sonae_contacts_list_bundled (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *deputy = NULL;

  g_assert_true (sonae_contacts_delete (f->store, f->lead_deputy2, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < bundled->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (bundled, i);

      if (g_strcmp0 (c->builtin_key, "police-cyber") == 0)
        g_assert_true (sonae_contacts_delete (f->store, c->id, NULL));
    }
  deputy = g_strdup_printf (",%" G_GINT64_FORMAT ",", f->lead_deputy2);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(SonaeManualView) view = NULL;

      set_kind (f->store, kinds[k]);
      view = sonae_manual_view_new (f->store, f->manual, &error);
      g_assert_no_error (error);
      for (int level = 0; level < 4; level++)
        {
          g_autoptr(SonaeEscalation) alone = sonae_escalation_new_for_org (f->store, f->manual, level, kinds[k], &error);
          SonaeEscalation *in_view = sonae_manual_view_get_escalation (view, level);
          g_autofree char *expected = NULL;
          g_autofree char *got = NULL;

          g_assert_no_error (error);
          expected = describe (alone);
          got = describe (in_view);
          g_test_message ("kind %d, level %d: %s", kinds[k], level, expected);
          g_assert_cmpstr (got, ==, expected);
          /* Not trivially so: the lead responds from level 2 with two of
           * its three holders, and a level with bodies misses the police. */
          if (level == 2)
            g_assert_nonnull (strstr (expected, "lead*:"));
          g_assert_null (strstr (expected, deputy));
          if (level >= 2)
            g_assert_nonnull (strstr (expected, "police-cyber!"));
        }
    }
}

static void
test_bad_level (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sonae_escalation_new (f->store, f->manual, 4, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sonae_escalation_new (f->store, f->manual, -1, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/escalation/order", test_order);
  ADD ("/escalation/holders-in-call-order", test_holders_in_call_order);
  ADD ("/escalation/empty-role", test_empty_role);
  ADD ("/escalation/bodies/clinic", test_bodies_clinic);
  ADD ("/escalation/bodies/business", test_bodies_business);
  ADD ("/escalation/deleted-authority", test_deleted_authority);
  ADD ("/escalation/override", test_override);
  ADD ("/escalation/from-roster", test_from_roster);
  ADD ("/escalation/bad-level", test_bad_level);

  return g_test_run ();
}
