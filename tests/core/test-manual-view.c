/* test-manual-view.c: the bundled manual merged with the organisation's
 * changes, its roster and its reviews */
#include "config.h"

#include <string.h>

#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-manual-edits.h"
#include "sonae-manual-view.h"
#include "sonae-test-util.h"

#define AUTHOR "佐藤 由美"

static SonaeManualView *
view_new (SonaeStore *store)
{
  g_autoptr(GError) error = NULL;
  SonaeManualView *view = sonae_manual_view_new (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (view);
  return view;
}

/* The ids of @list, joined by spaces. */
static char *
ids_of (GPtrArray *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      SonaeManualViewItem *item = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, item->added ? "+" : "");
      g_string_append (out, item->added ? item->text : item->id);
      g_assert_cmpuint (item->number, ==, i + 1);
    }
  return g_string_free (out, FALSE);
}

static char *
step_ids (SonaeManualView *view,
          const char      *procedure_id)
{
  const SonaeManualViewItem *proc = sonae_manual_view_lookup (view, procedure_id);

  g_assert_nonnull (proc);
  g_assert_cmpint (proc->kind, ==, SONAE_MANUAL_ITEM_PROCEDURE);
  return ids_of (proc->children);
}

static gboolean
found (GPtrArray  *results,
       const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (((SonaeManualViewItem *) g_ptr_array_index (results, i))->id, id))
      return TRUE;
  return FALSE;
}

static gint64
add_staff (SonaeStore *store,
           const char *name,
           const char *phone)
{
  return sonae_test_add_contact (store, SONAE_GROUP_STAFF, name, NULL, phone);
}

/* Nothing changed: the bundled manual, every section numbered, nothing
 * flagged. */
static void
test_view_bundled (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = view_new (store);
  SonaeManual *manual = sonae_manual_view_get_manual (view);
  GPtrArray *sections = sonae_manual_view_get_sections (view);
  g_autofree char *leak3 = NULL;
  const SonaeManualViewItem *item;

  g_assert_cmpuint (sections->len, ==, sonae_manual_get_sections (manual)->len);
  for (guint i = 0; i < sections->len; i++)
    {
      SonaeManualViewItem *s = g_ptr_array_index (sections, i);

      g_assert_cmpint (s->kind, ==, SONAE_MANUAL_ITEM_SECTION);
      g_assert_cmpuint (s->number, ==, i + 1);
      g_assert_nonnull (s->title);
      g_assert_nonnull (s->paras);
      g_assert_nonnull (s->children);
    }

  leak3 = step_ids (view, "leak-3");
  g_assert_cmpstr (leak3, ==,
                   "leak-3-report leak-3-cause leak-3-affected leak-3-inquiries leak-3-press "
                   "leak-3-police leak-3-authorities leak-3-announce");
  item = sonae_manual_view_lookup (view, "leak-3-cause");
  g_assert_cmpstr (item->section_id, ==, "procedures");
  g_assert_cmpstr (item->parent_id, ==, "leak-3");
  g_assert_cmpstr (item->role_key, ==, SONAE_ROLE_LEAD);
  g_assert_cmpstr (item->text, ==, item->bundled_text);
  g_assert_cmpstr (item->title, ==, "Find the cause and prevent further damage");
  g_assert_false (item->edited || item->added || item->moved || item->needs_review);

  /* The levels, highest first, each with its responder. */
  item = sonae_manual_view_get_section (view, "levels");
  g_assert_cmpuint (item->children->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      SonaeManualViewItem *level = g_ptr_array_index (item->children, i);

      g_assert_cmpint (level->level, ==, 3 - (int) i);
      g_assert_cmpstr (level->role_key, ==, sonae_manual_get_responder (manual, level->level));
      g_assert_false (level->role_edited);
    }

  /* The clinic wording (the default profile is a clinic), and its bodies. */
  g_assert_cmpint (sonae_manual_view_get_org_kind (view), ==, SONAE_ORG_CLINIC);
  item = sonae_manual_view_lookup (view, "principle-report-first");
  g_assert_nonnull (strstr (item->text, "patients"));
  g_assert_nonnull (sonae_manual_view_lookup (view, "authority-mhlw"));
  g_assert_nonnull (sonae_manual_view_lookup (view, "report-3-mhlw"));
  item = sonae_manual_view_lookup (view, "authority-ppc");
  g_assert_cmpstr (item->authority_key, ==, "ppc");
  g_assert_nonnull (sonae_manual_view_get_authority (view, "ppc"));

  /* The procedure for a level, as the manual picks it. */
  g_assert_cmpstr (sonae_manual_view_get_procedure (view, SONAE_INCIDENT_TAMPER, 1)->id, ==, "tamper-1");
  g_assert_cmpstr (sonae_manual_view_get_procedure (view, SONAE_INCIDENT_MALWARE, 2)->id, ==, "malware-staff");
  g_assert_null (sonae_manual_view_get_procedure (view, SONAE_INCIDENT_LEAK, 1));

  g_assert_cmpuint (sonae_manual_view_get_removed (view)->len, ==, 0);
  g_assert_cmpuint (sonae_manual_view_count_needs_review (view), ==, 0);
  g_assert_cmpstr (sonae_manual_view_get_title (view), ==, "Emergency Response Manual");

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_view_business (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(GError) error = NULL;
  SonaeProfile profile = { (char *) "株式会社さくら商事", SONAE_ORG_BUSINESS, (char *) "東京都", NULL, NULL };
  const SonaeManualViewItem *item;

  g_assert_true (sonae_store_set_profile (store, &profile, &error));
  view = view_new (store);
  item = sonae_manual_view_lookup (view, "principle-report-first");
  g_assert_nonnull (strstr (item->text, "customers"));
  g_assert_null (strstr (item->text, "patients"));
  g_assert_null (sonae_manual_view_lookup (view, "authority-mhlw"));
  g_assert_null (sonae_manual_view_lookup (view, "report-3-mhlw"));

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A local edit of a text, a title and a role shows instead of the bundled
 * one, which is kept for "reset"; reset brings the bundled one back. */
static void
test_view_edit_and_reset (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = view_new (store);
  g_autoptr(GError) error = NULL;
  const SonaeManualViewItem *item = sonae_manual_view_lookup (view, "leak-3-cause");
  g_autofree char *bundled = g_strdup (item->text);
  g_autofree char *source = g_strdup (item->source_text);
  g_autofree char *title_source = g_strdup (item->source_title);
  g_autofree char *title_id = g_strconcat ("leak-3-cause", SONAE_MANUAL_TITLE_SUFFIX, NULL);

  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-cause", "事務長が電子カルテのベンダーに原因を確認する", NULL,
                                               source, AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_manual_edits_edit_item (store, title_id, "原因の確認", NULL, title_source, AUTHOR, &error));
  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-inquiries", NULL, SONAE_ROLE_PRESS,
                                               NULL, AUTHOR, &error));
  g_assert_true (sonae_manual_edits_edit_item (store, "introduction-review", "毎年4月に見直す。", NULL,
                                               sonae_manual_view_lookup (view, "introduction-review")->source_text,
                                               AUTHOR, &error));
  g_assert_no_error (error);

  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  item = sonae_manual_view_lookup (view, "leak-3-cause");
  g_assert_cmpstr (item->text, ==, "事務長が電子カルテのベンダーに原因を確認する");
  g_assert_cmpstr (item->bundled_text, ==, bundled);
  g_assert_cmpstr (item->title, ==, "原因の確認");
  g_assert_cmpstr (item->bundled_title, ==, "Find the cause and prevent further damage");
  g_assert_true (item->edited && item->text_edited && item->title_edited);
  g_assert_false (item->role_edited);
  g_assert_false (item->needs_review);
  g_assert_cmpstr (item->role_key, ==, SONAE_ROLE_LEAD);
  /* Still the second step. */
  g_assert_cmpuint (item->number, ==, 2);

  item = sonae_manual_view_lookup (view, "leak-3-inquiries");
  g_assert_cmpstr (item->role_key, ==, SONAE_ROLE_PRESS);
  g_assert_cmpstr (item->bundled_role_key, ==, SONAE_ROLE_LEAD);
  g_assert_true (item->role_edited && item->edited);
  g_assert_false (item->text_edited);

  item = sonae_manual_view_lookup (view, "introduction-review");
  g_assert_cmpint (item->kind, ==, SONAE_MANUAL_ITEM_PARA);
  g_assert_cmpstr (item->text, ==, "毎年4月に見直す。");
  g_assert_true (item->text_edited);

  /* Back to the bundled text. */
  g_assert_true (sonae_manual_edits_reset_item (store, "leak-3-cause", AUTHOR, &error));
  g_assert_true (sonae_manual_edits_reset_item (store, "leak-3-inquiries", AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  item = sonae_manual_view_lookup (view, "leak-3-cause");
  g_assert_cmpstr (item->text, ==, bundled);
  g_assert_false (item->text_edited);
  g_assert_true (item->title_edited);   /* the title has its own reset */
  item = sonae_manual_view_lookup (view, "leak-3-inquiries");
  g_assert_cmpstr (item->role_key, ==, SONAE_ROLE_LEAD);
  g_assert_false (item->edited);

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* Added, removed and moved steps appear where they belong. */
static void
test_view_add_remove_move (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = view_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *last = NULL;
  g_autofree char *para = NULL;
  g_autofree char *bcp = NULL;
  g_autofree char *ids = NULL;
  const SonaeManualViewItem *proc;
  const SonaeManualViewItem *item;
  double position;

  ids = step_ids (view, "leak-2");
  g_assert_cmpstr (ids, ==, "leak-2-report leak-2-trace leak-2-inform");
  g_clear_pointer (&ids, g_free);

  /* A step of our own between the second and the third. */
  proc = sonae_manual_view_lookup (view, "leak-2");
  position = sonae_manual_view_position_at (proc->children, 2, NULL);
  g_assert_true (sonae_manual_edits_add_step (store, "leak-2", "院長に報告する", SONAE_ROLE_TOP, position,
                                              AUTHOR, &added, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_manual_edits_remove_item (store, "leak-2-inform", AUTHOR, &error));
  g_assert_no_error (error);

  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  ids = step_ids (view, "leak-2");
  g_assert_cmpstr (ids, ==, "leak-2-report leak-2-trace +院長に報告する");
  g_clear_pointer (&ids, g_free);
  item = sonae_manual_view_lookup (view, added);
  g_assert_true (item->added);
  g_assert_cmpstr (item->role_key, ==, SONAE_ROLE_TOP);
  g_assert_cmpstr (item->parent_id, ==, "leak-2");
  g_assert_null (item->bundled_text);
  g_assert_null (sonae_manual_view_lookup (view, "leak-2-inform"));
  g_assert_cmpuint (sonae_manual_view_get_removed (view)->len, ==, 1);
  g_assert_cmpstr (((SonaeManualViewItem *) g_ptr_array_index (sonae_manual_view_get_removed (view), 0))->id,
                   ==, "leak-2-inform");

  /* Move the trace first, and add one at the end. */
  proc = sonae_manual_view_lookup (view, "leak-2");
  position = sonae_manual_view_position_at (proc->children, 0, "leak-2-trace");
  g_assert_true (sonae_manual_edits_move_item (store, "leak-2-trace", position, AUTHOR, &error));
  position = sonae_manual_view_position_at (proc->children, proc->children->len, NULL);
  g_assert_true (sonae_manual_edits_add_step (store, "leak-2", "記録を残す", SONAE_ROLE_FIRST, position,
                                              AUTHOR, &last, &error));
  /* A paragraph of our own at the top of the introduction, and an IT-BCP step. */
  position = sonae_manual_view_position_at (sonae_manual_view_get_section (view, "introduction")->paras, 0, NULL);
  g_assert_true (sonae_manual_edits_add_step (store, "introduction", "当院の版です。", NULL, position,
                                              AUTHOR, &para, &error));
  position = sonae_manual_view_position_at (sonae_manual_view_get_section (view, "continuity")->children, 1, NULL);
  g_assert_true (sonae_manual_edits_add_step (store, "continuity", "紙カルテを用意する", NULL, position,
                                              AUTHOR, &bcp, &error));
  g_assert_no_error (error);

  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  ids = step_ids (view, "leak-2");
  g_assert_cmpstr (ids, ==, "leak-2-trace leak-2-report +院長に報告する +記録を残す");
  g_clear_pointer (&ids, g_free);
  g_assert_true (sonae_manual_view_lookup (view, "leak-2-trace")->moved);

  item = sonae_manual_view_get_section (view, "introduction");
  ids = ids_of (item->paras);
  g_assert_cmpstr (ids, ==, "+当院の版です。 introduction-purpose introduction-review");
  g_clear_pointer (&ids, g_free);
  g_assert_cmpint (sonae_manual_view_lookup (view, para)->kind, ==, SONAE_MANUAL_ITEM_PARA);

  item = sonae_manual_view_get_section (view, "continuity");
  ids = ids_of (item->children);
  g_assert_true (g_str_has_prefix (ids, "continuity-prepare +紙カルテを用意する continuity-premises"));
  g_clear_pointer (&ids, g_free);
  g_assert_cmpint (sonae_manual_view_lookup (view, bcp)->kind, ==, SONAE_MANUAL_ITEM_STEP);

  /* Other procedures are untouched. */
  ids = step_ids (view, "tamper-0");
  g_assert_cmpstr (ids, ==, "tamper-0-report");
  g_clear_pointer (&ids, g_free);

  /* Resetting: the removed step comes back, the moved one goes home, the
   * added one is gone. */
  g_assert_true (sonae_manual_edits_reset_item (store, "leak-2-inform", AUTHOR, &error));
  g_assert_true (sonae_manual_edits_reset_item (store, "leak-2-trace", AUTHOR, &error));
  g_assert_true (sonae_manual_edits_reset_item (store, added, AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  ids = step_ids (view, "leak-2");
  g_assert_cmpstr (ids, ==, "leak-2-report leak-2-trace leak-2-inform +記録を残す");
  g_clear_pointer (&ids, g_free);
  g_assert_null (sonae_manual_view_lookup (view, added));
  g_assert_cmpuint (sonae_manual_view_get_removed (view)->len, ==, 0);

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The organisation's choice of responder changes the levels section and
 * the escalation rule alike. */
static void
test_view_level_role (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(GError) error = NULL;
  const SonaeManualViewItem *level;
  SonaeEscalation *esc;
  gint64 director = add_staff (store, "院長 山本", "090-1000-2000");

  g_assert_true (sonae_contacts_set_role_holders (store, SONAE_ROLE_TOP, &director, 1, &error));
  view = view_new (store);
  esc = sonae_manual_view_get_escalation (view, 2);
  g_assert_cmpstr (sonae_escalation_get_responder (esc), ==, SONAE_ROLE_LEAD);
  g_assert_null (sonae_escalation_get_role (esc, SONAE_ROLE_TOP));

  g_assert_true (sonae_manual_edits_set_level_role (store, 2, SONAE_ROLE_TOP, AUTHOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);

  level = sonae_manual_view_lookup (view, "level-2");
  g_assert_cmpstr (level->role_key, ==, SONAE_ROLE_TOP);
  g_assert_cmpstr (level->bundled_role_key, ==, SONAE_ROLE_LEAD);
  g_assert_true (level->role_edited && level->edited);
  g_assert_cmpstr (sonae_manual_get_responder (sonae_manual_view_get_manual (view), 2), ==, SONAE_ROLE_TOP);
  esc = sonae_manual_view_get_escalation (view, 2);
  g_assert_cmpstr (sonae_escalation_get_responder (esc), ==, SONAE_ROLE_TOP);
  {
    const SonaeEscalationRole *top = sonae_escalation_get_role (esc, SONAE_ROLE_TOP);

    g_assert_nonnull (top);
    g_assert_true (top->responder);
    g_assert_cmpuint (top->holders->len, ==, 1);
    g_assert_cmpstr (((SonaeContact *) g_ptr_array_index (top->holders, 0))->name, ==, "院長 山本");
  }
  /* Other levels keep theirs. */
  g_assert_cmpstr (sonae_manual_view_lookup (view, "level-1")->role_key, ==, SONAE_ROLE_SYSADMIN);
  g_assert_false (sonae_manual_view_lookup (view, "level-1")->role_edited);

  /* Back to the manual's. */
  g_assert_true (sonae_manual_edits_set_level_role (store, 2, NULL, AUTHOR, &error));
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  g_assert_cmpstr (sonae_manual_view_lookup (view, "level-2")->role_key, ==, SONAE_ROLE_LEAD);
  g_assert_cmpstr (sonae_escalation_get_responder (sonae_manual_view_get_escalation (view, 2)), ==, SONAE_ROLE_LEAD);

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* A later Sonae changed the bundled text under a local edit: flagged, both
 * texts kept. */
static void
test_view_needs_review (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(GError) error = NULL;
  const SonaeManualViewItem *item;
  const char *old_source = "The system administrator finds the cause.";

  g_assert_true (sonae_manual_edits_edit_item (store, "tamper-2-first-aid", "ベンダーと原因を調べる", NULL,
                                               old_source, AUTHOR, &error));
  g_assert_no_error (error);
  view = view_new (store);
  item = sonae_manual_view_lookup (view, "tamper-2-first-aid");
  g_assert_true (item->needs_review);
  g_assert_cmpstr (item->text, ==, "ベンダーと原因を調べる");
  g_assert_cmpstr (item->text_base, ==, old_source);
  g_assert_cmpstr (item->source_text, ==, "The system administrator keeps the logs and photographs of the screens first, "
                                           "then finds the cause and takes emergency measures.");
  g_assert_cmpstr (item->bundled_text, ==, item->source_text);
  g_assert_cmpuint (sonae_manual_view_count_needs_review (view), ==, 1);
  /* An edit made on the current text is not flagged. */
  g_assert_false (sonae_manual_view_lookup (view, "tamper-3-first-aid")->needs_review);

  /* The texts this version changed, evidence first, flag an edit made on
   * the version before (manual version 2): the organisation's text stays,
   * beside the new one. */
  {
    static const struct {
      const char *id;
      const char *v2;
    } changed[] = {
      { "malware-staff-remove", "If the antivirus software can remove the malware and the system administrator agrees, remove it." },
      { "malware-staff-evidence", "Before anything is removed, photograph the screen, including any message on it, and write down what you saw and when." },
      { "role-first", "Acts in the first minutes: the person who found the problem, or the system administrator. "
                      "Takes the device off the network, reports along the contact chain and waits for instructions." },
    };
    g_autoptr(SonaeManualView) later = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
      {
        g_assert_true (sonae_manual_edits_edit_item (store, changed[i].id, "院内の手順どおりに行う", NULL,
                                                     changed[i].v2, AUTHOR, &error));
        g_assert_no_error (error);
      }
    later = view_new (store);
    for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
      {
        const SonaeManualViewItem *edited = sonae_manual_view_lookup (later, changed[i].id);

        g_assert_true (edited->needs_review);
        g_assert_cmpstr (edited->text, ==, "院内の手順どおりに行う");
        g_assert_cmpstr (edited->text_base, ==, changed[i].v2);
        g_assert_cmpstr (edited->source_text, !=, changed[i].v2);
      }
    g_assert_cmpuint (sonae_manual_view_count_needs_review (later), ==, 1 + G_N_ELEMENTS (changed));
    for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
      {
        g_assert_true (sonae_manual_edits_reset_item (store, changed[i].id, AUTHOR, &error));
        g_assert_no_error (error);
      }
  }

  /* Reviewing it: the organisation saves its text again on the current one. */
  g_assert_true (sonae_manual_edits_reset_item (store, "tamper-2-first-aid", AUTHOR, &error));
  g_assert_true (sonae_manual_edits_edit_item (store, "tamper-2-first-aid", "ベンダーと原因を調べる", NULL,
                                               item->source_text, AUTHOR, &error));
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  item = sonae_manual_view_lookup (view, "tamper-2-first-aid");
  g_assert_false (item->needs_review);
  g_assert_true (item->text_edited);
  g_assert_cmpuint (sonae_manual_view_count_needs_review (view), ==, 0);

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

/* The roles with their holders, and the review record. */
static void
test_view_roles_and_review (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lead[2];
  const char *date = NULL, *by = NULL;
  GPtrArray *holders;

  lead[0] = add_staff (store, "佐藤 由美", "090-1234-5678");
  lead[1] = add_staff (store, "高橋 誠", "080-2222-3333");
  g_assert_true (sonae_contacts_set_role_holders (store, SONAE_ROLE_LEAD, lead, 2, &error));

  view = view_new (store);
  holders = sonae_manual_view_get_holders (view, SONAE_ROLE_LEAD);
  g_assert_cmpuint (holders->len, ==, 2);
  g_assert_cmpstr (((SonaeContact *) g_ptr_array_index (holders, 0))->name, ==, "佐藤 由美");
  g_assert_cmpuint (sonae_manual_view_get_holders (view, SONAE_ROLE_TOP)->len, ==, 0);
  g_assert_cmpuint (sonae_manual_view_get_holders (view, "nonsense")->len, ==, 0);
  {
    const SonaeManualViewItem *role = sonae_manual_view_lookup (view, "role-lead");

    g_assert_cmpstr (role->role_key, ==, SONAE_ROLE_LEAD);
    g_assert_true (role->response_role);
    g_assert_cmpstr (role->title, ==, "Incident Response Lead");
  }

  /* Never reviewed: due. */
  g_assert_false (sonae_manual_view_get_review (view, &date, &by));
  g_assert_true (sonae_manual_view_review_due (view));

  g_setenv ("SONAE_NOW", "2026-11-21T10:00:00", TRUE);
  g_assert_true (sonae_manual_edits_mark_reviewed (store, "2026-04-01", "院長 山本", &error));
  g_assert_no_error (error);
  g_clear_pointer (&view, sonae_manual_view_free);
  view = view_new (store);
  g_assert_true (sonae_manual_view_get_review (view, &date, &by));
  g_assert_cmpstr (date, ==, "2026-04-01");
  g_assert_cmpstr (by, ==, "院長 山本");
  g_assert_false (sonae_manual_view_review_due (view));

  /* A year and a day later it is due again. */
  g_setenv ("SONAE_NOW", "2027-04-02T10:00:00", TRUE);
  g_assert_true (sonae_manual_view_review_due (view));
  g_setenv ("SONAE_NOW", "2027-03-31T10:00:00", TRUE);
  g_assert_false (sonae_manual_view_review_due (view));
  g_unsetenv ("SONAE_NOW");

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

static void
test_view_search (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SonaeStore) store = sonae_test_open_store (&dir);
  g_autoptr(SonaeManualView) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) r = NULL;

  g_assert_true (sonae_manual_edits_edit_item (store, "leak-3-cause", "事務長が電子カルテのベンダーに原因を確認する", NULL,
                                               NULL, AUTHOR, &error));
  g_assert_true (sonae_manual_edits_remove_item (store, "malware-staff-rescan", AUTHOR, &error));
  g_assert_no_error (error);
  view = view_new (store);

  /* The edited text, with katakana typed as hiragana and half-width. */
  r = sonae_manual_view_search (view, "べんだー");
  g_assert_true (found (r, "leak-3-cause"));
  g_assert_cmpstr (((SonaeManualViewItem *) g_ptr_array_index (r, 0))->section_id, ==, "procedures");
  g_clear_pointer (&r, g_ptr_array_unref);
  r = sonae_manual_view_search (view, "ﾍﾞﾝﾀﾞｰ　電子カルテ");
  g_assert_true (found (r, "leak-3-cause"));
  g_clear_pointer (&r, g_ptr_array_unref);

  /* The bundled text, with case and width folded; every word must match. */
  r = sonae_manual_view_search (view, "ＬＡＮ cable");
  g_assert_true (found (r, "malware-staff-disconnect"));
  g_assert_false (found (r, "leak-3-cause"));
  g_clear_pointer (&r, g_ptr_array_unref);
  r = sonae_manual_view_search (view, "lan wi-fi");
  g_assert_true (found (r, "malware-staff-disconnect"));
  g_clear_pointer (&r, g_ptr_array_unref);
  r = sonae_manual_view_search (view, "lan nonsense");
  g_assert_cmpuint (r->len, ==, 0);
  g_clear_pointer (&r, g_ptr_array_unref);

  /* The text it replaced is not found any more, a removed step neither. */
  r = sonae_manual_view_search (view, "where further damage is likely");
  g_assert_false (found (r, "leak-3-cause"));
  g_clear_pointer (&r, g_ptr_array_unref);
  r = sonae_manual_view_search (view, "confirm that the malware is gone");
  g_assert_cmpuint (r->len, ==, 0);
  g_clear_pointer (&r, g_ptr_array_unref);

  /* Section titles and role names. */
  r = sonae_manual_view_search (view, "damage levels");
  g_assert_true (found (r, "levels"));
  g_clear_pointer (&r, g_ptr_array_unref);
  r = sonae_manual_view_search (view, "Incident Response Lead");
  g_assert_true (found (r, "role-lead"));
  g_assert_true (found (r, "leak-3-inquiries"));
  g_clear_pointer (&r, g_ptr_array_unref);

  /* Nothing for nothing. */
  r = sonae_manual_view_search (view, "  ");
  g_assert_cmpuint (r->len, ==, 0);
  g_clear_pointer (&r, g_ptr_array_unref);

  g_clear_pointer (&view, sonae_manual_view_free);
  g_clear_object (&store);
  sonae_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/manual-view/bundled", test_view_bundled);
  g_test_add_func ("/manual-view/business", test_view_business);
  g_test_add_func ("/manual-view/edit-and-reset", test_view_edit_and_reset);
  g_test_add_func ("/manual-view/add-remove-move", test_view_add_remove_move);
  g_test_add_func ("/manual-view/level-role", test_view_level_role);
  g_test_add_func ("/manual-view/needs-review", test_view_needs_review);
  g_test_add_func ("/manual-view/roles-and-review", test_view_roles_and_review);
  g_test_add_func ("/manual-view/search", test_view_search);

  return g_test_run ();
}
