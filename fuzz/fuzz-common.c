/* fuzz-common.c: read an input as a contact file, plan it against an empty
 * roster, write what was read and read that again: our own output must
 * always be readable, and every text read must be valid UTF-8. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "sonae-codec-private.h"
#include "sonae-error.h"
#include "sonae-import.h"
#include "sonae-store.h"

static SonaeStore *store;
static char *store_dir;

static void
remove_store (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&store);
  if (store_dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (store_dir, "/" SONAE_DB_NAME, suffixes[i], NULL);
      g_unlink (path);
    }
  g_rmdir (store_dir);
}

/* GLib stops a program on a fatal message with SIGTRAP, which libFuzzer
 * does not catch: abort instead, so that the input is kept as a crash. */
static void
abort_on_fatal_cb (const char     *domain,
                   GLogLevelFlags  level,
                   const char     *message,
                   gpointer        data)
{
  g_log_default_handler (domain, level, message, data);
  if (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fflush (stderr);
      abort ();
    }
}

void
sonae_fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    return;
  /* a warning or a critical is a bug: make it a crash the fuzzer sees */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_default_handler (abort_on_fatal_cb, NULL);
  store_dir = g_dir_make_tmp ("sonae-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  store = sonae_store_open (store_dir, &error);
  g_assert_no_error (error);
  atexit (remove_store);
}

static void
check_text (const char *text,
            const char *what)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_error ("the %s read is not UTF-8", what);
}

static void
check_labeled (GPtrArray  *labeled,
               const char *what)
{
  for (guint i = 0; i < labeled->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (labeled, i);

      g_assert (l->value != NULL && *l->value != '\0');
      check_text (l->label, what);
      check_text (l->value, what);
    }
}

/* Every text of a contact read from a file is valid UTF-8. */
static void
check_contact (SonaeContact *c)
{
  const struct { const char *text; const char *what; } fields[] = {
    { c->name, "name" }, { c->reading, "reading" }, { c->organization, "organisation" },
    { c->department, "department" }, { c->title, "title" }, { c->system, "system" },
    { c->contract, "contract" }, { c->address, "address" }, { c->url, "URL" }, { c->notes, "notes" },
    { c->verified_on, "verified date" }, { c->builtin_key, "bundled key" },
  };

  g_assert (c->name != NULL && *c->name != '\0');
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    check_text (fields[i].text, fields[i].what);
  check_labeled (c->phones, "phone");
  check_labeled (c->emails, "e-mail address");
  for (guint i = 0; i < c->roles->len; i++)
    check_text (g_ptr_array_index (c->roles, i), "role");
}

/* Read our own output again: as many contacts, with the same names. */
static void
read_back (GString    *text,
           const char *name_hint,
           GPtrArray  *contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeImport) again =
    sonae_import_new_from_data (text->str, text->len, name_hint, SONAE_GROUP_STAFF, &error);
  GPtrArray *entries;

  if (again == NULL)
    g_error ("our own %s is refused: %s\n%s", name_hint, error->message, text->str);
  entries = sonae_import_get_entries (again);
  g_assert (entries->len == contacts->len);
  g_assert (sonae_import_get_left_out (again)->len == 0);
  for (guint i = 0; i < entries->len; i++)
    {
      SonaeContact *c = ((SonaeImportEntry *) g_ptr_array_index (entries, i))->contact;
      SonaeContact *original = g_ptr_array_index (contacts, i);

      check_contact (c);
      if (g_strcmp0 (c->name, original->name) != 0)
        g_error ("our own %s changes the name “%s” into “%s”", name_hint, original->name, c->name);
    }
}

void
sonae_fuzz_input (const uint8_t *data,
                  size_t         size,
                  const char    *name_hint)
{
  g_autoptr(SonaeImport) import = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GString) vcard = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  GPtrArray *left_out;

  sonae_fuzz_init ();

  import = sonae_import_new_from_data ((const char *) data, size, name_hint, SONAE_GROUP_STAFF, &error);
  if (import == NULL)
    {
      g_assert (error != NULL && error->domain == SONAE_ERROR);
      check_text (error->message, "error message");
      return;
    }
  g_assert (sonae_import_get_format (import) != NULL);
  check_text (sonae_import_get_format (import), "format");
  g_assert (sonae_import_plan (import, store, NULL));

  left_out = sonae_import_get_left_out (import);
  for (guint i = 0; i < left_out->len; i++)
    {
      SonaeImportLeftOut *lo = g_ptr_array_index (left_out, i);

      g_assert (lo->line >= 1);
      check_text (lo->reason, "reason");
    }

  entries = sonae_import_get_entries (import);
  g_assert (entries->len > 0);
  contacts = g_ptr_array_new ();
  roles = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      SonaeImportEntry *e = g_ptr_array_index (entries, i);

      g_assert (e->action == SONAE_IMPORT_ADD || e->action == SONAE_IMPORT_MERGE ||
                e->action == SONAE_IMPORT_SKIP);
      check_contact (e->contact);
      g_ptr_array_add (contacts, e->contact);
    }

  /* What we write, we read back with the same number of contacts. */
  vcard = sonae_vcard_write (contacts, roles, SONAE_CONTACTS_VCARD4);
  read_back (vcard, "again.vcf", contacts);
  g_string_free (vcard, TRUE);
  vcard = sonae_vcard_write (contacts, roles, SONAE_CONTACTS_VCARD3);
  read_back (vcard, "again.vcf", contacts);

  csv = sonae_csv_write (contacts, roles);
  read_back (csv, "again.csv", contacts);
}
