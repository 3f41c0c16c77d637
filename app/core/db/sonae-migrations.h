/* sonae-migrations.h: the steps that take a database from one data version
 * (PRAGMA user_version) to the next */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SQL that takes a database at @from_version to @from_version + 1
 * (from_version < SONAE_SCHEMA_VERSION). Run it inside a transaction. */
const char *sonae_migration_get (guint from_version);

G_END_DECLS
