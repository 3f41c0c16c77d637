/* sonae-migrations.h: the steps that take a database from one data version
 * (PRAGMA user_version) to the next */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The data version this Sonae writes (PRAGMA user_version), the name of
 * the database in its folder, and the stamp of a Sonae database (PRAGMA
 * application_id). */
#define SONAE_SCHEMA_VERSION 11
#define SONAE_DB_NAME "sonae.db"
#define SONAE_APPLICATION_ID 0x534f4e41 /* "SONA" */

/* The SQL that takes a database at @from_version to @from_version + 1
 * (from_version < SONAE_SCHEMA_VERSION). Run it inside a transaction. */
const char *sonae_migration_get (guint from_version);

G_END_DECLS
