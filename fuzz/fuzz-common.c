/* fuzz-common.c: read an input as a contact file, plan it against an empty
 * roster, write what was read and read that again: our own output must
 * always be readable. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "sonae-codec-private.h"
#include "sonae-error.h"

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

void
sonae_fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    return;
  /* a warning or a critical is a bug: make it a crash the fuzzer sees */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  store_dir = g_dir_make_tmp ("sonae-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  store = sonae_store_open (store_dir, &error);
  g_assert_no_error (error);
  atexit (remove_store);
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
  g_autoptr(SonaeImport) again = NULL;
  GPtrArray *entries;

  sonae_fuzz_init ();

  import = sonae_import_new_from_data ((const char *) data, size, name_hint, SONAE_GROUP_STAFF, &error);
  if (import == NULL)
    {
      g_assert (error != NULL && error->domain == SONAE_ERROR);
      return;
    }
  g_assert (sonae_import_get_format (import) != NULL);
  g_assert (sonae_import_plan (import, store, NULL));

  entries = sonae_import_get_entries (import);
  g_assert (entries->len > 0);
  contacts = g_ptr_array_new ();
  roles = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      SonaeImportEntry *e = g_ptr_array_index (entries, i);

      g_assert (e->contact->name != NULL && *e->contact->name != '\0');
      g_assert (g_utf8_validate (e->contact->name, -1, NULL));
      g_ptr_array_add (contacts, e->contact);
    }

  /* What we write, we read back with the same number of contacts. */
  vcard = sonae_vcard_write (contacts, roles, SONAE_CONTACTS_VCARD4);
  again = sonae_import_new_from_data (vcard->str, vcard->len, "again.vcf", SONAE_GROUP_STAFF, &error);
  if (again == NULL)
    g_error ("our own vCard is refused: %s\n%s", error->message, vcard->str);
  g_assert (sonae_import_get_entries (again)->len == contacts->len);
  g_clear_pointer (&again, sonae_import_free);

  csv = sonae_csv_write (contacts, roles);
  again = sonae_import_new_from_data (csv->str, csv->len, "again.csv", SONAE_GROUP_STAFF, &error);
  if (again == NULL)
    g_error ("our own CSV is refused: %s\n%s", error->message, csv->str);
  g_assert (sonae_import_get_entries (again)->len == contacts->len);
}
