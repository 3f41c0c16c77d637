/* sonae-fault-helper: one thing Sonae does to its data folder, run in a
 * process of its own so that the fault tests can kill it at an exact moment
 * or fill its disk (sonae-fault-shim.c).
 *
 *   sonae-fault-helper open DIR            open (create, recover, migrate)
 *   sonae-fault-helper restore DIR FILE    restore FILE into DIR
 *   sonae-fault-helper import DIR FILE     import FILE into DIR
 *   sonae-fault-helper edit DIR            open and add one contact
 *   sonae-fault-helper read DIR            open to read; print the count
 *   sonae-fault-helper backup DIR FILE     open to read; back up to FILE
 *
 * Exits 0 on success; else prints the error's domain code and message. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sonae-backup.h"
#include "sonae-contacts.h"
#include "sonae-error.h"
#include "sonae-import.h"
#include "sonae-store.h"

static int
failed (GError *error)
{
  fprintf (stderr, "error %d: %s\n", error ? error->code : -1, error ? error->message : "?");
  return 1;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SonaeStore) store = NULL;
  const char *what = argc > 1 ? argv[1] : "";
  const char *dir = argc > 2 ? argv[2] : NULL;
  const char *file = argc > 3 ? argv[3] : NULL;

  if (dir == NULL)
    return 2;

  if (g_str_equal (what, "open"))
    store = sonae_store_open (dir, &error);
  else if (g_str_equal (what, "restore") && file != NULL)
    {
      if (!sonae_backup_restore (dir, file, NULL, &error))
        return failed (error);
      return 0;
    }
  else if (g_str_equal (what, "import") && file != NULL)
    {
      g_autoptr(SonaeImport) import = sonae_import_new_from_file (file, SONAE_GROUP_STAFF, &error);

      if (import == NULL)
        return failed (error);
      store = sonae_store_open (dir, &error);
      if (store == NULL || !sonae_import_apply (import, store, &error))
        return failed (error);
      return 0;
    }
  else if (g_str_equal (what, "edit"))
    {
      g_autoptr(SonaeContact) c = sonae_contact_new ();

      store = sonae_store_open (dir, &error);
      if (store == NULL)
        return failed (error);
      c->name = g_strdup ("満杯 の時");
      sonae_contact_add_phone (c, "mobile", "090-1234-5678");
      if (!sonae_contacts_save (store, c, &error))
        return failed (error);
      return 0;
    }
  else if (g_str_equal (what, "read") || g_str_equal (what, "backup"))
    {
      store = sonae_store_open_for_reading (dir, &error);
      if (store == NULL)
        return failed (error);
      if (g_str_equal (what, "backup") && !sonae_backup_to_file (store, file, &error))
        return failed (error);
      printf ("%u\n", sonae_contacts_count (store));
      return 0;
    }
  else
    return 2;

  if (store == NULL)
    return failed (error);
  return 0;
}
