#include "config.h"

#include <string.h>

#include "sonae-clock.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-store.h"
#include "sonae-test-util.h"

typedef struct {
  char *dir;
  SonaeStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = sonae_test_open_store (&f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  sonae_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_save_and_read_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) c = sonae_contact_new ();
  g_autoptr(SonaeContact) read = NULL;
  g_autoptr(SonaeStore) reopened = NULL;
  gint64 id;

  c->group = SONAE_GROUP_VENDOR;
  c->name = g_strdup ("株式会社サンプル サポート");
  c->reading = g_strdup ("さんぷる");
  c->organization = g_strdup ("株式会社サンプル");
  c->department = g_strdup ("保守部");
  c->title = g_strdup ("担当");
  c->system = g_strdup ("電子カルテ");
  c->contract = g_strdup ("C-123");
  c->address = g_strdup ("徳島県徳島市1-1");
  c->url = g_strdup ("https://example.jp/");
  c->notes = g_strdup ("平日 9–18 時");
  c->verified_on = g_strdup ("2026-10-01");
  sonae_contact_add_phone (c, "work", "0120-000-000");
  sonae_contact_add_phone (c, "mobile", "090-1234-5678");
  sonae_contact_add_email (c, "work", "support@example.jp");

  g_assert_true (sonae_contacts_save (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
  id = c->id;

  read = sonae_contacts_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (sonae_contact_equal (c, read));
  g_assert_cmpuint (read->phones->len, ==, 2);
  g_assert_cmpstr (((SonaeLabeled *) g_ptr_array_index (read->phones, 1))->label, ==, "mobile");
  g_clear_object (&read);

  /* Update: one phone fewer, a changed name. */
  g_ptr_array_remove_index (c->phones, 1);
  sonae_contact_set_string (&c->name, "サンプル保守窓口");
  g_assert_true (sonae_contacts_save (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, ==, id);

  /* What was committed survives a fresh connection. */
  reopened = sonae_store_open_for_reading (f->dir, &error);
  g_assert_no_error (error);
  read = sonae_contacts_get (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "サンプル保守窓口");
  g_assert_cmpuint (read->phones->len, ==, 1);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) c = sonae_contact_new ();
  guint before = sonae_contacts_count (f->store);

  c->name = g_strdup ("   ");
  g_assert_false (sonae_contacts_save (f->store, c, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  sonae_contact_set_string (&c->name, "日付 不正");
  c->verified_on = g_strdup ("2026-02-30");
  g_assert_false (sonae_contacts_save (f->store, c, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sonae_contacts_mark_verified (f->store, 1, "2026-13-01", &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sonae_contacts_mark_verified (f->store, 999999, NULL, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);

  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before);
}

static void
test_sorted_by_reading (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  const char *expected[] = { "伊藤 花子", "上田 一郎", "ウエノ 次郎", "加藤 三郎", "Smith John" };

  /* Inserted out of order; katakana reading sorts with hiragana. */
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "Smith John", NULL, "1");
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "加藤 三郎", "かとう さぶろう", "2");
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "ウエノ 次郎", "ウエノ ジロウ", "3");
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "伊藤 花子", "いとう はなこ", "4");
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "上田 一郎", "うえだ いちろう", "5");

  list = sonae_contacts_list (f->store, SONAE_GROUP_STAFF, NULL);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      SonaeContact *c = g_ptr_array_index (list, i);
      g_assert_cmpstr (c->name, ==, expected[i]);
      if (i > 0)
        g_assert_cmpint (sonae_contact_compare (g_ptr_array_index (list, i - 1), c), <, 0);
    }
}

/* Whether @c matches @text, asked both ways: the query folded for one
 * contact, and folded once for a list; they must agree. */
static gboolean
matches (SonaeContact *c,
         const char   *text)
{
  g_autoptr(SonaeContactQuery) q = sonae_contact_query_new (text);
  gboolean one = sonae_contact_matches (c, text);

  g_assert_cmpint (sonae_contact_query_matches (q, c), ==, one);
  return one;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "山田 太郎", "やまだ たろう", "090-1234-5678");
  g_autoptr(SonaeContact) c = NULL;
  g_autoptr(GError) error = NULL;

  c = sonae_contacts_get (f->store, id, NULL);
  sonae_contact_add_email (c, "work", "Taro.Yamada@Example.jp");
  c->organization = g_strdup ("みどり台クリニック");
  g_assert_true (sonae_contacts_save (f->store, c, &error));
  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_LEAD, id, &error));
  g_assert_no_error (error);
  g_clear_object (&c);
  c = sonae_contacts_get (f->store, id, NULL);

  g_assert_true (matches (c, ""));
  g_assert_true (matches (c, "   "));
  g_assert_true (matches (c, "山田"));
  g_assert_true (matches (c, "やまだ"));
  g_assert_true (matches (c, "ヤマダ"));         /* katakana finds a hiragana reading */
  g_assert_true (matches (c, "ﾔﾏﾀﾞ"));           /* half-width katakana */
  g_assert_true (matches (c, "09012345678"));    /* digits without hyphens */
  g_assert_true (matches (c, "090 1234-5678"));  /* numbers as two words */
  g_assert_true (matches (c, "５６７８"));         /* full-width digits */
  g_assert_true (matches (c, "taro.yamada"));    /* e-mail, any case */
  g_assert_true (matches (c, "クリニック　山田"));  /* every word, any field; an ideographic space */
  g_assert_true (matches (c, "response lead"));  /* role name */
  g_assert_false (matches (c, "鈴木"));
  g_assert_false (matches (c, "山田 鈴木"));
  g_assert_false (matches (c, "telno5678"));     /* more letters than digits: not read as a number */
  g_assert_true (matches (c, "tel5678"));        /* as many digits as letters: a number */

  /* A query folded once still sees a field changed since. */
  {
    g_autoptr(SonaeContactQuery) q = sonae_contact_query_new ("鈴木");

    g_assert_false (sonae_contact_query_is_empty (q));
    g_assert_false (sonae_contact_query_matches (q, c));
    g_free (c->name);
    c->name = g_strdup ("鈴木 太郎");
    g_assert_true (sonae_contact_query_matches (q, c));
  }
}

static void
test_roles_and_deputies (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  gint64 a = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "院長", "いんちょう", "1");
  gint64 b = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "副院長", "ふくいんちょう", "2");
  gint64 c = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "事務長", "じむちょう", "3");
  gint64 order[] = { b, a, c };
  g_autoptr(SonaeContact) read = NULL;

  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_TOP, a, &error));
  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_TOP, b, &error));
  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_TOP, b, &error)); /* no duplicate */
  g_assert_no_error (error);
  holders = sonae_contacts_get_role_holders (f->store, SONAE_ROLE_TOP, &error);
  g_assert_cmpuint (holders->len, ==, 2);
  g_assert_cmpint (((SonaeContact *) g_ptr_array_index (holders, 0))->id, ==, a);
  g_assert_cmpint (((SonaeContact *) g_ptr_array_index (holders, 1))->id, ==, b);
  g_clear_pointer (&holders, g_ptr_array_unref);

  /* Reorder: the deputy becomes the primary. */
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_TOP, order, 3, &error));
  holders = sonae_contacts_get_role_holders (f->store, SONAE_ROLE_TOP, &error);
  g_assert_cmpuint (holders->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (((SonaeContact *) g_ptr_array_index (holders, i))->id, ==, order[i]);
  g_clear_pointer (&holders, g_ptr_array_unref);

  read = sonae_contacts_get (f->store, a, NULL);
  g_assert_cmpuint (read->roles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (read->roles, 0), ==, SONAE_ROLE_TOP);

  g_assert_true (sonae_contacts_remove_role_holder (f->store, SONAE_ROLE_TOP, b, &error));
  holders = sonae_contacts_get_role_holders (f->store, SONAE_ROLE_TOP, &error);
  g_assert_cmpuint (holders->len, ==, 2);
  g_assert_cmpint (((SonaeContact *) g_ptr_array_index (holders, 0))->id, ==, a);
  g_assert_cmpint (((SonaeContact *) g_ptr_array_index (holders, 1))->id, ==, c);

  /* A role set to a contact that does not exist fails and changes nothing. */
  {
    gint64 bad[] = { a, 424242 };
    g_autoptr(GPtrArray) after = NULL;
    g_assert_false (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_TOP, bad, 2, &error));
    g_assert_nonnull (error);
    after = sonae_contacts_get_role_holders (f->store, SONAE_ROLE_TOP, NULL);
    g_assert_cmpuint (after->len, ==, 2);
  }

  /* Every role in one read gives the same holders in the same order; a
   * deleted holder is left out, a role nobody holds is absent. */
  g_clear_error (&error);
  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_LEAD, c, &error));
  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_LEAD, b, &error));
  g_assert_true (sonae_contacts_delete (f->store, b, &error));
  {
    g_autoptr(GHashTable) all = sonae_contacts_get_all_role_holders (f->store, &error);
    GPtrArray *top, *lead;

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (all), ==, 2);
    top = g_hash_table_lookup (all, SONAE_ROLE_TOP);
    lead = g_hash_table_lookup (all, SONAE_ROLE_LEAD);
    g_assert_cmpuint (top->len, ==, 2);
    g_assert_cmpint (((SonaeContact *) g_ptr_array_index (top, 0))->id, ==, a);
    g_assert_cmpint (((SonaeContact *) g_ptr_array_index (top, 1))->id, ==, c);
    g_assert_cmpuint (lead->len, ==, 1);
    g_assert_cmpint (((SonaeContact *) g_ptr_array_index (lead, 0))->id, ==, c);
    /* With their details, as sonae_contacts_get_role_holders() reads them. */
    g_assert_cmpuint (((SonaeContact *) g_ptr_array_index (lead, 0))->phones->len, ==, 1);
    g_assert_null (g_hash_table_lookup (all, SONAE_ROLE_FIRST));
  }
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "削除 テスト", "さくじょ", "1");
  guint before;
  g_autoptr(GPtrArray) holders = NULL;

  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_FIRST, id, &error));
  before = sonae_contacts_count (f->store);

  g_assert_true (sonae_contacts_delete (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before - 1);
  g_assert_null (sonae_contacts_get (f->store, id, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  holders = sonae_contacts_get_role_holders (f->store, SONAE_ROLE_FIRST, NULL);
  g_assert_cmpuint (holders->len, ==, 0);
  g_clear_pointer (&holders, g_ptr_array_unref);

  /* Undo brings it back with its role. */
  g_assert_true (sonae_contacts_undelete (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before);
  holders = sonae_contacts_get_role_holders (f->store, SONAE_ROLE_FIRST, NULL);
  g_assert_cmpuint (holders->len, ==, 1);

  /* A deletion left at exit is final at the next start. */
  g_assert_true (sonae_contacts_delete (f->store, id, &error));
  {
    g_autoptr(SonaeStore) again = NULL;
    g_clear_object (&f->store);
    again = sonae_store_open (f->dir, &error);
    g_assert_no_error (error);
    g_assert_false (sonae_contacts_undelete (again, id, &error));
    g_assert_error (error, SONAE_ERROR, SONAE_ERROR_NOT_FOUND);
    f->store = g_steal_pointer (&again);
  }
}

static void
test_verified_and_attention (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SonaeContact) c = NULL;
  gint64 fresh, stale;
  gboolean lead_empty = FALSE, stale_listed = FALSE, fresh_listed = FALSE;
  guint authority_to_check = 0;

  g_setenv ("SONAE_NOW", "2026-11-21T10:00:00", TRUE);

  fresh = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "新しい 確認", "あたらしい", "1");
  stale = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "古い 確認", "ふるい", "2");
  g_assert_true (sonae_contacts_mark_verified (f->store, fresh, NULL, &error));
  g_assert_true (sonae_contacts_mark_verified (f->store, stale, "2026-05-24", &error)); /* 181 days */
  g_assert_no_error (error);

  c = sonae_contacts_get (f->store, fresh, NULL);
  g_assert_cmpstr (c->verified_on, ==, "2026-11-21");
  g_assert_cmpint (sonae_clock_days_since ("2026-05-24"), ==, 181);
  g_assert_cmpint (sonae_clock_days_since ("2026-05-25"), ==, 180);

  items = sonae_contacts_get_attention (f->store);
  for (guint i = 0; i < items->len; i++)
    {
      SonaeAttention *a = g_ptr_array_index (items, i);
      if (a->kind == SONAE_ATTENTION_ROLE_EMPTY && g_strcmp0 (a->role_key, SONAE_ROLE_LEAD) == 0)
        lead_empty = TRUE;
      if (a->kind == SONAE_ATTENTION_CONTACT_STALE && a->contact_id == stale)
        stale_listed = TRUE;
      if (a->contact_id == fresh)
        fresh_listed = TRUE;
      if (a->kind == SONAE_ATTENTION_CONTACT_UNCHECKED)
        authority_to_check++;
      g_assert_nonnull (a->title);
    }
  g_assert_true (lead_empty);
  g_assert_true (stale_listed);
  g_assert_false (fresh_listed);
  /* The bundled entries to confirm are one item, not one each. */
  g_assert_cmpuint (authority_to_check, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Holding the role and verifying again clears both. */
  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_LEAD, fresh, &error));
  g_assert_true (sonae_contacts_mark_verified (f->store, stale, NULL, &error));
  items = sonae_contacts_get_attention (f->store);
  for (guint i = 0; i < items->len; i++)
    {
      SonaeAttention *a = g_ptr_array_index (items, i);
      g_assert_false (a->kind == SONAE_ATTENTION_ROLE_EMPTY && g_strcmp0 (a->role_key, SONAE_ROLE_LEAD) == 0);
      g_assert_false (a->contact_id == stale);
    }

  g_unsetenv ("SONAE_NOW");
}

/* One rule for how far a contact can be relied on: 180 days since it was
 * verified is stale, 179 is not; never verified is never; a date in the
 * future (a wrong clock) is recent. The reminders follow the same rule. */
static void
test_freshness_one_rule (Fixture       *f,
                         gconstpointer  data)
{
  struct {
    const char *verified_on;
    SonaeFreshness expected;
    int days;
  } cases[] = {
    { "2026-11-21", SONAE_FRESHNESS_CURRENT, 0 },
    { "2026-05-26", SONAE_FRESHNESS_CURRENT, 179 },
    { "2026-05-25", SONAE_FRESHNESS_STALE, 180 },
    { "2026-05-24", SONAE_FRESHNESS_STALE, 181 },
    { "2027-01-10", SONAE_FRESHNESS_CURRENT, 0 },
    { NULL, SONAE_FRESHNESS_NEVER, 0 },
    { "2026-02-30", SONAE_FRESHNESS_NEVER, 0 },
  };
  g_autoptr(GPtrArray) items = NULL;

  g_setenv ("SONAE_NOW", "2026-11-21T10:00:00", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();
      int days = -1;

      c->name = g_strdup_printf ("確認 %u", i);
      c->verified_on = g_strdup (cases[i].verified_on);
      g_assert_cmpint (sonae_contact_get_freshness (c, &days), ==, cases[i].expected);
      g_assert_cmpint (days, ==, cases[i].days);
      c->needs_check = TRUE;
      g_assert_cmpint (sonae_contact_get_freshness (c, NULL), ==, SONAE_FRESHNESS_NEEDS_CHECK);
      c->needs_check = FALSE;
      sonae_contact_add_phone (c, "work", "03-0000-0000");
      /* The store refuses an impossible date; the rule reads it as never. */
      g_assert_cmpint (sonae_contacts_save (f->store, c, NULL), ==,
                       cases[i].verified_on == NULL || sonae_date_is_valid (cases[i].verified_on));
    }

  /* The reminders list exactly the stale and the never verified. */
  items = sonae_contacts_get_attention (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("確認 %u", i);
      gboolean listed = FALSE;

      if (cases[i].verified_on != NULL && !sonae_date_is_valid (cases[i].verified_on))
        continue;
      for (guint j = 0; j < items->len; j++)
        {
          SonaeAttention *a = g_ptr_array_index (items, j);
          g_autoptr(SonaeContact) c = NULL;

          if (a->kind != SONAE_ATTENTION_CONTACT_STALE)
            continue;
          c = sonae_contacts_get (f->store, a->contact_id, NULL);
          if (g_strcmp0 (c->name, name) == 0)
            listed = TRUE;
        }
      g_assert_cmpint (listed, ==, cases[i].expected != SONAE_FRESHNESS_CURRENT);
    }
  g_unsetenv ("SONAE_NOW");
}

/* What is many is one item: more than SONAE_ATTENTION_MAX_CONTACTS
 * contacts to verify are one task, not a line each. */
static guint
count_kind (GPtrArray          *items,
            SonaeAttentionKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (((SonaeAttention *) g_ptr_array_index (items, i))->kind == kind)
      n++;
  return n;
}

static const SonaeAttention *
find_kind (GPtrArray          *items,
           SonaeAttentionKind  kind)
{
  for (guint i = 0; i < items->len; i++)
    if (((SonaeAttention *) g_ptr_array_index (items, i))->kind == kind)
      return g_ptr_array_index (items, i);
  return NULL;
}

static void
test_attention_many (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 ids[SONAE_ATTENTION_MAX_CONTACTS + 2];
  const SonaeAttention *a;

  g_setenv ("SONAE_NOW", "2026-11-21T10:00:00", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("確認 %u", i);
      ids[i] = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, name, "かくにん", "03-0000-0000");
    }
  /* One verified today: not due. */
  g_assert_true (sonae_contacts_mark_verified (f->store, ids[0], NULL, &error));

  /* As many as may be named: each is named. */
  g_assert_true (sonae_contacts_mark_verified (f->store, ids[1], "2026-05-01", &error));
  g_assert_true (sonae_contacts_delete (f->store, ids[2], &error));
  g_assert_no_error (error);
  items = sonae_contacts_get_attention (f->store);
  g_assert_cmpuint (count_kind (items, SONAE_ATTENTION_CONTACT_STALE), ==, SONAE_ATTENTION_MAX_CONTACTS);
  g_assert_null (find_kind (items, SONAE_ATTENTION_CONTACTS_STALE));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* One more: a single item that says how many, and how many were never
   * verified; it names no one (Home opens them together). */
  g_assert_true (sonae_contacts_undelete (f->store, ids[2], &error));
  g_assert_no_error (error);
  items = sonae_contacts_get_attention (f->store);
  g_assert_cmpuint (count_kind (items, SONAE_ATTENTION_CONTACT_STALE), ==, 0);
  a = find_kind (items, SONAE_ATTENTION_CONTACTS_STALE);
  g_assert_nonnull (a);
  g_assert_cmpuint (a->count, ==, SONAE_ATTENTION_MAX_CONTACTS + 1);
  g_assert_cmpstr (a->title, ==, "Confirm the details of 4 contacts");
  g_assert_cmpstr (a->detail, ==, "3 never verified, the others not for 180 days or more.");
  g_assert_cmpint (a->contact_id, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Verified, they go. */
  for (guint i = 1; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (sonae_contacts_mark_verified (f->store, ids[i], NULL, &error));
  items = sonae_contacts_get_attention (f->store);
  g_assert_null (find_kind (items, SONAE_ATTENTION_CONTACTS_STALE));
  g_assert_cmpuint (count_kind (items, SONAE_ATTENTION_CONTACT_STALE), ==, 0);
  g_unsetenv ("SONAE_NOW");
}

/* The roster in pieces is the roster: same contacts, same order, with
 * their phones and roles. */
static void
test_list_range (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 held;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *name = g_strdup_printf ("順番 %02u", 24 - i);
      g_autofree char *reading = g_strdup_printf ("じゅんばん %02u", 24 - i);
      g_autofree char *phone = g_strdup_printf ("03-0000-%04u", i);
      held = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, name, reading, phone);
    }
  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_LEAD, &held, 1, &error));
  all = sonae_contacts_list (f->store, -1, &error);
  g_assert_no_error (error);
  for (guint offset = 0;; offset += 7)
    {
      g_autoptr(GPtrArray) piece = sonae_contacts_list_range (f->store, offset, 7, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < piece->len; i++)
        g_ptr_array_add (pieces, g_object_ref (g_ptr_array_index (piece, i)));
      if (piece->len < 7)
        break;
    }
  g_assert_cmpuint (pieces->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      SonaeContact *a = g_ptr_array_index (all, i);
      SonaeContact *b = g_ptr_array_index (pieces, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_true (sonae_contact_equal (a, b));
      g_assert_cmpuint (a->phones->len, ==, b->phones->len);
      g_assert_cmpuint (a->roles->len, ==, b->roles->len);
    }
}

static void
on_changed (SonaeStore *store,
            const char *detail,
            GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (detail));
}

static void
test_transaction_all_or_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  guint before = sonae_contacts_count (f->store);
  gulong handler = g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);

  g_assert_true (sonae_store_begin (f->store, &error));
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "一人目", "ひとりめ", "1");
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "二人目", "ふたりめ", "2");
  g_assert_cmpuint (seen->len, ==, 0); /* nothing announced before the commit */
  sonae_store_rollback (f->store);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before);
  g_assert_cmpuint (seen->len, ==, 0);

  g_assert_true (sonae_store_begin (f->store, &error));
  sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "三人目", "さんにんめ", "3");
  g_assert_true (sonae_store_commit (f->store, &error));
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before + 1);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "contacts");

  g_signal_handler_disconnect (f->store, handler);
}

static gint64
holder_at (SonaeStore *store,
           const char *role_key,
           guint       position)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, role_key, NULL);

  g_assert_nonnull (holders);
  g_assert_cmpuint (position, <, holders->len);
  return ((SonaeContact *) g_ptr_array_index (holders, position))->id;
}

static guint
n_holders (SonaeStore *store,
           const char *role_key)
{
  g_autoptr(GPtrArray) holders = sonae_contacts_get_role_holders (store, role_key, NULL);

  g_assert_nonnull (holders);
  return holders->len;
}

/* What the roles dialog's Undo needs: a holder put back where it was. */
static void
test_insert_role_holder (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "院長", "いんちょう", "1");
  gint64 b = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "副院長", "ふくいんちょう", "2");
  gint64 c = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "事務長", "じむちょう", "3");
  gint64 order[] = { a, b, c };

  g_assert_true (sonae_contacts_set_role_holders (f->store, SONAE_ROLE_LEAD, order, 3, &error));
  g_assert_true (sonae_contacts_remove_role_holder (f->store, SONAE_ROLE_LEAD, b, &error));
  g_assert_true (sonae_contacts_insert_role_holder (f->store, SONAE_ROLE_LEAD, b, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_holders (f->store, SONAE_ROLE_LEAD), ==, 3);
  g_assert_cmpint (holder_at (f->store, SONAE_ROLE_LEAD, 0), ==, a);
  g_assert_cmpint (holder_at (f->store, SONAE_ROLE_LEAD, 1), ==, b);
  g_assert_cmpint (holder_at (f->store, SONAE_ROLE_LEAD, 2), ==, c);

  /* The primary back in first place. */
  g_assert_true (sonae_contacts_remove_role_holder (f->store, SONAE_ROLE_LEAD, a, &error));
  g_assert_true (sonae_contacts_insert_role_holder (f->store, SONAE_ROLE_LEAD, a, 0, &error));
  g_assert_cmpint (holder_at (f->store, SONAE_ROLE_LEAD, 0), ==, a);

  /* Already there: nothing moves. Past the end (others were removed
   * meanwhile): last. */
  g_assert_true (sonae_contacts_insert_role_holder (f->store, SONAE_ROLE_LEAD, c, 0, &error));
  g_assert_cmpint (holder_at (f->store, SONAE_ROLE_LEAD, 2), ==, c);
  g_assert_true (sonae_contacts_remove_role_holder (f->store, SONAE_ROLE_LEAD, c, &error));
  g_assert_true (sonae_contacts_remove_role_holder (f->store, SONAE_ROLE_LEAD, b, &error));
  g_assert_true (sonae_contacts_insert_role_holder (f->store, SONAE_ROLE_LEAD, c, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_holders (f->store, SONAE_ROLE_LEAD), ==, 2);
  g_assert_cmpint (holder_at (f->store, SONAE_ROLE_LEAD, 1), ==, c);

  /* A contact deleted meanwhile cannot come back. */
  g_assert_true (sonae_contacts_delete (f->store, b, &error));
  g_assert_false (sonae_contacts_insert_role_holder (f->store, SONAE_ROLE_LEAD, b, 0, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_holders (f->store, SONAE_ROLE_LEAD), ==, 2);
}

/* A person typed in where a role is given: stored and given the role in
 * one transaction, or neither. */
static void
test_add_new_role_holder (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) person = sonae_contact_new ();
  g_autoptr(SonaeContact) unnamed = sonae_contact_new ();
  g_autoptr(SonaeContact) read = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gint64 a = sonae_test_add_contact (f->store, SONAE_GROUP_STAFF, "院長", "いんちょう", "1");
  guint before;
  gulong handler;

  g_assert_true (sonae_contacts_add_role_holder (f->store, SONAE_ROLE_FIRST, a, &error));
  before = sonae_contacts_count (f->store);
  handler = g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);

  person->name = g_strdup ("受付 花子");
  sonae_contact_add_phone (person, "mobile", "090-1234-5678");
  g_assert_true (sonae_contacts_add_new_role_holder (f->store, SONAE_ROLE_FIRST, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->id, !=, 0);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before + 1);
  g_assert_cmpuint (n_holders (f->store, SONAE_ROLE_FIRST), ==, 2);
  g_assert_cmpint (holder_at (f->store, SONAE_ROLE_FIRST, 1), ==, person->id);
  read = sonae_contacts_get (f->store, person->id, &error);
  g_assert_cmpstr (read->name, ==, "受付 花子");
  g_assert_cmpstr (sonae_contact_get_first_phone (read), ==, "090-1234-5678");
  g_assert_cmpint (sonae_test_index_of (seen, "contacts"), >=, 0);
  g_assert_cmpint (sonae_test_index_of (seen, "roles"), >=, 0);

  /* Refused (no name): no contact, no holder. */
  sonae_contact_add_phone (unnamed, "mobile", "090-0000-0000");
  g_assert_false (sonae_contacts_add_new_role_holder (f->store, SONAE_ROLE_FIRST, unnamed, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_assert_cmpint (unnamed->id, ==, 0);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before + 1);
  g_assert_cmpuint (n_holders (f->store, SONAE_ROLE_FIRST), ==, 2);
  g_clear_error (&error);

  /* An unknown role: the contact is not stored either. */
  g_clear_object (&unnamed);
  unnamed = sonae_contact_new ();
  unnamed->name = g_strdup ("迷子");
  g_assert_false (sonae_contacts_add_new_role_holder (f->store, "", unnamed, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (unnamed->id, ==, 0);
  g_assert_cmpuint (sonae_contacts_count (f->store), ==, before + 1);

  g_signal_handler_disconnect (f->store, handler);
}

/* A Japanese mobile number is labelled Mobile, whatever way it is
 * written; another number Work; too little typed yet, nothing. */
static void
test_phone_label_for_number (void)
{
  const char *const mobile[] = {
    "090-1234-5678", "080 1234 5678", "070-1234-5678", "060-1234-5678", "09012345678",
    "０９０－１２３４－５６７８", "(090) 1234-5678", "+81 90-1234-5678", "+8190-1234-5678",
    "+81-80-1234-5678", "+81 (0)90 1234 5678", "0081 90 1234 5678", "090", "080-1",
  };
  const char *const work[] = {
    "03-1234-5678", "06 1234 5678", "0120-123-456", "0800-123-4567", "050-1234-5678",
    "0570-000-000", "+81 3 1234 5678", "+81 120 123 456", "011-123-4567",
  };
  const char *const unknown[] = { NULL, "", "0", "09", "+81", "+81 9", "abc", "110", "#7119" };

  for (guint i = 0; i < G_N_ELEMENTS (mobile); i++)
    g_assert_cmpstr (sonae_phone_label_for_number (mobile[i]), ==, "mobile");
  for (guint i = 0; i < G_N_ELEMENTS (work); i++)
    g_assert_cmpstr (sonae_phone_label_for_number (work[i]), ==, "work");
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_null (sonae_phone_label_for_number (unknown[i]));
}

static void
test_text_fold (void)
{
  g_autofree char *a = sonae_text_fold ("ＡＢＣ　ｶﾀｶﾅ カタカナ");
  g_assert_cmpstr (a, ==, "abc かたかな かたかな");
}

static void
changed_cb (SonaeStore *store,
            const char *detail,
            GPtrArray  *details)
{
  g_ptr_array_add (details, g_strdup (detail));
}

/* Which number the poster shows for a role: chosen per role, kept, told as
 * a change of the roles; an unknown role is refused. */
static void
test_poster_phone_choice (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SonaeStore) reopened = NULL;
  gulong handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), details);

  for (guint i = 0; i < SONAE_N_POSTER_PHONES; i++)
    {
      SonaePosterPhone back;

      g_assert_true (sonae_poster_phone_from_string (sonae_poster_phone_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_cmpstr (sonae_poster_phone_get_title (i), !=, "");
    }
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_LEAD), ==, SONAE_POSTER_PHONE_ANY);
  g_assert_true (sonae_contacts_set_poster_phone (f->store, SONAE_ROLE_LEAD, SONAE_POSTER_PHONE_WORK, &error));
  g_assert_no_error (error);
  g_assert_true (sonae_contacts_set_poster_phone (f->store, SONAE_ROLE_FIRST, SONAE_POSTER_PHONE_NONE, &error));
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_LEAD), ==, SONAE_POSTER_PHONE_WORK);
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_FIRST), ==, SONAE_POSTER_PHONE_NONE);
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_TOP), ==, SONAE_POSTER_PHONE_ANY);
  g_assert_cmpuint (details->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (details, 0), ==, "roles");
  /* The same choice again changes nothing. */
  g_assert_true (sonae_contacts_set_poster_phone (f->store, SONAE_ROLE_LEAD, SONAE_POSTER_PHONE_WORK, &error));
  g_assert_cmpuint (details->len, ==, 2);
  /* Back to the usual. */
  g_assert_true (sonae_contacts_set_poster_phone (f->store, SONAE_ROLE_FIRST, SONAE_POSTER_PHONE_ANY, &error));
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, SONAE_ROLE_FIRST), ==, SONAE_POSTER_PHONE_ANY);

  g_assert_false (sonae_contacts_set_poster_phone (f->store, "janitor", SONAE_POSTER_PHONE_WORK, &error));
  g_assert_error (error, SONAE_ERROR, SONAE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sonae_contacts_get_poster_phone (f->store, "janitor"), ==, SONAE_POSTER_PHONE_ANY);
  g_signal_handler_disconnect (f->store, handler);

  /* Kept in the database. */
  reopened = sonae_store_open_for_reading (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sonae_contacts_get_poster_phone (reopened, SONAE_ROLE_LEAD), ==, SONAE_POSTER_PHONE_WORK);
}

/* The number each choice takes from a person's numbers. */
static void
test_poster_phone_numbers (void)
{
  g_autoptr(SonaeContact) all = sonae_contact_new ();
  g_autoptr(SonaeContact) unlabelled = sonae_contact_new ();
  g_autoptr(SonaeContact) private_only = sonae_contact_new ();
  g_autoptr(SonaeContact) none = sonae_contact_new ();

  sonae_contact_add_phone (all, "home", "088-000-0000");
  sonae_contact_add_phone (all, "work", "088-111-1111");
  sonae_contact_add_phone (all, "mobile", "090-2222-3333");
  g_assert_cmpstr (sonae_contact_get_poster_phone (all, SONAE_POSTER_PHONE_ANY), ==, "090-2222-3333");
  g_assert_cmpstr (sonae_contact_get_poster_phone (all, SONAE_POSTER_PHONE_MOBILE), ==, "090-2222-3333");
  g_assert_cmpstr (sonae_contact_get_poster_phone (all, SONAE_POSTER_PHONE_WORK), ==, "088-111-1111");
  g_assert_null (sonae_contact_get_poster_phone (all, SONAE_POSTER_PHONE_NONE));

  /* Without labels, a number tells by itself whether it is a mobile one. */
  sonae_contact_add_phone (unlabelled, NULL, "080-4444-5555");
  sonae_contact_add_phone (unlabelled, NULL, "03-6666-7777");
  g_assert_cmpstr (sonae_contact_get_poster_phone (unlabelled, SONAE_POSTER_PHONE_WORK), ==, "03-6666-7777");
  g_assert_cmpstr (sonae_contact_get_poster_phone (unlabelled, SONAE_POSTER_PHONE_MOBILE), ==, "080-4444-5555");

  /* A mobile and a home number: nothing for the work choice, never the
   * home one. */
  sonae_contact_add_phone (private_only, "mobile", "070-8888-9999");
  sonae_contact_add_phone (private_only, "home", "088-123-4567");
  sonae_contact_add_phone (private_only, "fax", "088-123-4568");
  g_assert_null (sonae_contact_get_poster_phone (private_only, SONAE_POSTER_PHONE_WORK));
  g_assert_cmpstr (sonae_contact_get_poster_phone (private_only, SONAE_POSTER_PHONE_ANY), ==, "070-8888-9999");

  g_assert_null (sonae_contact_get_poster_phone (none, SONAE_POSTER_PHONE_ANY));
}

/* On paper a vendor's number is its support line; an office's numbers
 * need no word; a person's keep theirs. */
static void
test_phone_label_for_group (void)
{
  g_assert_cmpstr (sonae_phone_label_get_title_for_group ("work", SONAE_GROUP_VENDOR), ==, "Support line");
  g_assert_cmpstr (sonae_phone_label_get_title_for_group (NULL, SONAE_GROUP_VENDOR), ==, "Support line");
  g_assert_cmpstr (sonae_phone_label_get_title_for_group ("main", SONAE_GROUP_VENDOR), ==, "Main");
  g_assert_cmpstr (sonae_phone_label_get_title_for_group ("mobile", SONAE_GROUP_VENDOR), ==, "Mobile");
  g_assert_null (sonae_phone_label_get_title_for_group ("work", SONAE_GROUP_AUTHORITY));
  g_assert_null (sonae_phone_label_get_title_for_group ("main", SONAE_GROUP_AUTHORITY));
  g_assert_cmpstr (sonae_phone_label_get_title_for_group ("fax", SONAE_GROUP_AUTHORITY), ==, "Fax");
  g_assert_cmpstr (sonae_phone_label_get_title_for_group ("work", SONAE_GROUP_STAFF), ==, "Work");
}

static guint
offices_without_phone (SonaeStore *store,
                       gint64     *first)
{
  g_autoptr(GPtrArray) items = sonae_contacts_get_attention (store);
  guint count = 0;

  for (guint i = 0; i < items->len; i++)
    {
      SonaeAttention *a = g_ptr_array_index (items, i);

      if (a->kind == SONAE_ATTENTION_AUTHORITY_NO_PHONE)
        {
          g_assert_cmpuint (count, ==, 0);
          count = a->count;
          *first = a->contact_id;
          g_assert_nonnull (a->title);
          g_assert_nonnull (a->detail);
        }
    }
  return count;
}

static gint64
bundled_id (SonaeStore *store,
            const char *key)
{
  g_autoptr(GPtrArray) all = sonae_contacts_list_bundled (store, NULL);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((SonaeContact *) g_ptr_array_index (all, i))->builtin_key, key) == 0)
      return ((SonaeContact *) g_ptr_array_index (all, i))->id;
  return 0;
}

/* The offices a clinic calls with no number yet are one task on Home: the
 * ones that depend on where the clinic is and the ministry's; not the
 * bodies reached on the web or by e-mail. Entering a number settles it. */
static void
test_attention_authority_phone (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeContact) office = NULL;
  gint64 first = 0;
  gint64 mine;
  guint before;

  /* A clinic: the ministry's two entries, the police cyber desk, the
   * local authority. */
  before = offices_without_phone (f->store, &first);
  g_assert_cmpuint (before, ==, 4);
  g_assert_cmpint (first, >, 0);

  office = sonae_contacts_get (f->store, bundled_id (f->store, "prefecture-medical"), &error);
  g_assert_no_error (error);
  sonae_contact_add_phone (office, "work", "088-621-2220");
  g_assert_true (sonae_contacts_save (f->store, office, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (offices_without_phone (f->store, &first), ==, before - 1);
  g_assert_cmpint (first, !=, office->id);

  /* An office the organisation added itself, with no number: asked too. */
  mine = sonae_test_add_contact (f->store, SONAE_GROUP_AUTHORITY, "保健所", "ほけんじょ", NULL);
  g_assert_cmpint (mine, >, 0);
  g_assert_cmpuint (offices_without_phone (f->store, &first), ==, before);
}

/* A group's name in an imported file: what Sonae writes today, what 0.1
 * wrote (ベンダ, before the long vowel mark), English, any case. */
static void
test_group_names (void)
{
  static const struct { const char *text; SonaeGroup group; } names[] = {
    { "委託先・ベンダー", SONAE_GROUP_VENDOR },
    { "ベンダー", SONAE_GROUP_VENDOR },
    { "委託先・ベンダ", SONAE_GROUP_VENDOR },
    { "ベンダ", SONAE_GROUP_VENDOR },
    { "Vendor", SONAE_GROUP_VENDOR },
    { "院内", SONAE_GROUP_STAFF },
    { "関係機関", SONAE_GROUP_AUTHORITY },
  };
  SonaeGroup group;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      group = SONAE_GROUP_AUTHORITY + 1;
      g_assert_true (sonae_group_from_string (names[i].text, &group));
      g_assert_cmpint (group, ==, names[i].group);
    }
  g_assert_false (sonae_group_from_string ("ベン", &group));
  g_assert_false (sonae_group_from_string ("'; DROP TABLE contacts; --", &group));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/contacts/save-and-read-back", test_save_and_read_back);
  ADD ("/contacts/validation", test_validation);
  ADD ("/contacts/sorted-by-reading", test_sorted_by_reading);
  ADD ("/contacts/search", test_search);
  ADD ("/contacts/roles-and-deputies", test_roles_and_deputies);
  ADD ("/contacts/delete-and-undo", test_delete_and_undo);
  ADD ("/contacts/verified-and-attention", test_verified_and_attention);
  ADD ("/contacts/freshness-one-rule", test_freshness_one_rule);
  ADD ("/contacts/attention-many", test_attention_many);
  ADD ("/contacts/list-range", test_list_range);
  ADD ("/contacts/transaction-all-or-nothing", test_transaction_all_or_nothing);
  ADD ("/contacts/insert-role-holder", test_insert_role_holder);
  ADD ("/contacts/add-new-role-holder", test_add_new_role_holder);
  ADD ("/contacts/poster-phone-choice", test_poster_phone_choice);
  ADD ("/contacts/attention-authority-phone", test_attention_authority_phone);
#undef ADD
  g_test_add_func ("/contacts/text-fold", test_text_fold);
  g_test_add_func ("/contacts/group-names", test_group_names);
  g_test_add_func ("/contacts/poster-phone-numbers", test_poster_phone_numbers);
  g_test_add_func ("/contacts/phone-label-for-group", test_phone_label_for_group);
  g_test_add_func ("/contacts/phone-label-for-number", test_phone_label_for_number);

  return g_test_run ();
}
