/* sonae-migrations.c: the database's schema, one numbered step a version */
#include "config.h"

#include "sonae-migrations.h"

/* One migration a step: migrations[i] takes a database from version i to
 * version i + 1. Never edit a released step; add a new one. */
static const char *const migrations[] = {
  /* 0 -> 1: the organisation profile, the contact roster and its roles */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");"
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  grp INTEGER NOT NULL DEFAULT 0 CHECK (grp BETWEEN 0 AND 2),"
  "  name TEXT NOT NULL CHECK (length(name) > 0),"
  "  reading TEXT,"
  "  sort_key TEXT NOT NULL DEFAULT '',"
  "  organization TEXT,"
  "  department TEXT,"
  "  title TEXT,"
  "  system TEXT,"
  "  contract TEXT,"
  "  address TEXT,"
  "  url TEXT,"
  "  notes TEXT,"
  "  verified_on TEXT,"
  "  needs_check INTEGER NOT NULL DEFAULT 0,"
  "  builtin_key TEXT UNIQUE,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),"
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))"
  ");"
  "CREATE INDEX contacts_sort ON contacts (deleted, sort_key);"
  "CREATE TABLE contact_phones ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ");"
  "CREATE TABLE contact_emails ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ");"
  "CREATE TABLE role_holders ("
  "  role_key TEXT NOT NULL,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (role_key, contact_id)"
  ");"
  "CREATE INDEX role_holders_contact ON role_holders (contact_id);",

  /* 1 -> 2: the organisation's own emergency manual */
  "CREATE TABLE manual_items ("
  "  item_id TEXT PRIMARY KEY NOT NULL,"
  "  parent_id TEXT,"
  "  text TEXT,"
  "  role_key TEXT,"
  "  position REAL,"
  "  removed INTEGER NOT NULL DEFAULT 0,"
  "  added INTEGER NOT NULL DEFAULT 0,"
  "  base_text TEXT,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE manual_level_roles ("
  "  level INTEGER PRIMARY KEY CHECK (level BETWEEN 0 AND 3),"
  "  role_key TEXT NOT NULL"
  ");"
  "CREATE TABLE manual_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  old_text TEXT,"
  "  new_text TEXT,"
  "  author TEXT,"
  "  at TEXT NOT NULL"
  ");"
  "CREATE TABLE manual_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  reviewed_on TEXT NOT NULL,"
  "  reviewed_by TEXT NOT NULL"
  ");",

  /* 2 -> 3: incidents, their checklist run and their timeline. The
   * timeline is append-only by rule and hash-chained (each row's hash
   * covers its columns and the hash before it; the incident keeps the last
   * one), so a change behind Sonae's back is found by
   * sonae_incidents_verify_timeline. contact_id has no foreign key: a contact
   * may be removed later, and the entry keeps the name and number called. */
  "CREATE TABLE incidents ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  year INTEGER NOT NULL,"
  "  seq INTEGER NOT NULL CHECK (seq > 0),"
  "  title TEXT NOT NULL CHECK (length(title) > 0),"
  "  status TEXT NOT NULL DEFAULT 'active'"
  "    CHECK (status IN ('active', 'contained', 'recovering', 'closed')),"
  "  drill INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),"
  "  detected_at TEXT,"
  "  found_by TEXT,"
  "  location TEXT,"
  "  system TEXT,"
  "  network TEXT,"
  "  type TEXT NOT NULL CHECK (type IN ('leak', 'tamper', 'malware', 'other')),"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),"
  "  event TEXT NOT NULL,"
  "  seen TEXT NOT NULL,"
  "  personal_data TEXT NOT NULL,"
  "  impact TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  created_by TEXT NOT NULL CHECK (length(created_by) > 0),"
  "  closed_at TEXT,"
  "  head_seq INTEGER NOT NULL DEFAULT 0,"
  "  head_hash TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, seq)"
  ");"
  "CREATE TABLE incident_steps ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  step_id TEXT NOT NULL,"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  done_at TEXT,"
  "  done_by TEXT,"
  "  back_entered INTEGER NOT NULL DEFAULT 0 CHECK (back_entered IN (0, 1)),"
  "  PRIMARY KEY (incident_id, step_id)"
  ");"
  "CREATE TABLE incident_fields ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  step_id TEXT NOT NULL,"
  "  field_id TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (incident_id, step_id, field_id)"
  ");"
  "CREATE TABLE timeline ("
  "  id INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  seq INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  back_entered INTEGER NOT NULL DEFAULT 0,"
  "  author TEXT NOT NULL,"
  "  step_id TEXT,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  contact_id INTEGER,"
  "  role_key TEXT,"
  "  outcome TEXT,"
  "  text TEXT,"
  "  corrects INTEGER REFERENCES timeline (id),"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  UNIQUE (incident_id, seq)"
  ");"
  "CREATE INDEX timeline_corrects ON timeline (corrects);",

  /* 3 -> 4: after the first hour: whether and when the leak was reported
   * to the PPC, the other bodies reported to, and the actions an incident
   * leads to (sonae-ppc.h, sonae-capa.h). Owners are roster contacts
   * without a foreign key: a purged contact leaves the action readable. */
  "CREATE TABLE ppc_assessments ("
  "  incident_id INTEGER PRIMARY KEY NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  personal_data TEXT NOT NULL DEFAULT 'unknown' CHECK (personal_data IN ('unknown', 'yes', 'no')),"
  "  sensitive TEXT NOT NULL DEFAULT 'unknown' CHECK (sensitive IN ('unknown', 'yes', 'no')),"
  "  financial TEXT NOT NULL DEFAULT 'unknown' CHECK (financial IN ('unknown', 'yes', 'no')),"
  "  unlawful TEXT NOT NULL DEFAULT 'unknown' CHECK (unlawful IN ('unknown', 'yes', 'no')),"
  "  over_1000 TEXT NOT NULL DEFAULT 'unknown' CHECK (over_1000 IN ('unknown', 'yes', 'no')),"
  "  processor INTEGER NOT NULL DEFAULT 0 CHECK (processor IN (0, 1)),"
  "  learned_on TEXT,"
  "  principal_notified_on TEXT,"
  "  preliminary_sent_on TEXT,"
  "  final_sent_on TEXT,"
  "  persons_notified_on TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL"
  ");"
  "CREATE TABLE body_reports ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  authority_key TEXT NOT NULL,"
  "  done_on TEXT,"
  "  done_by TEXT,"
  "  PRIMARY KEY (incident_id, authority_key)"
  ");"
  "CREATE TABLE actions ("
  "  id INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('handling', 'corrective', 'preventive')),"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  owner_id INTEGER,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),"
  "  confirmed_on TEXT,"
  "  confirmed_by TEXT,"
  "  approved_by TEXT,"
  "  reason TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX actions_incident ON actions (incident_id);"
  "CREATE INDEX actions_open ON actions (status, due_on);",

  /* 4 → 5: the incident report (sonae-report-form.h): one row a field the
   * user set, the proposals are computed; and the day an action was
   * approved. */
  "CREATE TABLE report_fields ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  PRIMARY KEY (incident_id, key)"
  ");"
  "ALTER TABLE actions ADD COLUMN approved_on TEXT;"
  "UPDATE actions SET approved_on = confirmed_on WHERE approved_by IS NOT NULL;",

  /* 5 → 6: the IT business-continuity plan (sonae-bcp.h): its texts and
   * deciders, reviews, crisis events, systems, prevention measures,
   * drills, the risk register and the readiness self-check. People are
   * roster contacts without a foreign key, as for actions. */
  "CREATE TABLE bcp_texts ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  reviewed_on TEXT NOT NULL,"
  "  reviewed_by TEXT NOT NULL CHECK (length (reviewed_by) > 0),"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_events ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  stops TEXT,"
  "  damage TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE bcp_systems ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (name) > 0),"
  "  purpose TEXT,"
  "  vendor_id INTEGER,"
  "  contract_no TEXT,"
  "  owner_id INTEGER,"
  "  recovery_order INTEGER NOT NULL DEFAULT 0 CHECK (recovery_order BETWEEN 0 AND 9999),"
  "  rto_hours INTEGER NOT NULL DEFAULT -1 CHECK (rto_hours BETWEEN -1 AND 9999),"
  "  rpo_hours INTEGER NOT NULL DEFAULT -1 CHECK (rpo_hours BETWEEN -1 AND 9999),"
  "  backup_method TEXT,"
  "  backup_frequency TEXT,"
  "  backup_generations INTEGER NOT NULL DEFAULT -1 CHECK (backup_generations BETWEEN -1 AND 999),"
  "  backup_offline TEXT NOT NULL DEFAULT 'unknown' CHECK (backup_offline IN ('unknown', 'yes', 'no')),"
  "  backup_location TEXT,"
  "  restore_tested_on TEXT,"
  "  restore_test_days INTEGER NOT NULL DEFAULT 0 CHECK (restore_test_days BETWEEN 0 AND 3650),"
  "  fallback TEXT,"
  "  forms_location TEXT,"
  "  first_steps TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_drills ("
  "  id INTEGER PRIMARY KEY,"
  "  held_on TEXT NOT NULL,"
  "  scenario TEXT NOT NULL CHECK (length (scenario) > 0),"
  "  participants TEXT,"
  "  findings TEXT,"
  "  incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_risks ("
  "  id INTEGER PRIMARY KEY,"
  "  risk TEXT NOT NULL CHECK (length (risk) > 0),"
  "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 3),"
  "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 3),"
  "  treatment TEXT NOT NULL DEFAULT 'reduce' CHECK (treatment IN ('reduce', 'avoid', 'transfer', 'accept')),"
  "  treatment_text TEXT,"
  "  owner_id INTEGER,"
  "  accepted_by TEXT,"
  "  accepted_on TEXT,"
  "  next_review_on TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE bcp_measures ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  owner_id INTEGER,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),"
  "  done_on TEXT,"
  "  drill_id INTEGER REFERENCES bcp_drills (id) ON DELETE SET NULL,"
  "  risk_id INTEGER REFERENCES bcp_risks (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX bcp_measures_drill ON bcp_measures (drill_id);"
  "CREATE INDEX bcp_measures_risk ON bcp_measures (risk_id);"
  "CREATE TABLE bcp_checks ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  answer TEXT NOT NULL CHECK (answer IN ('unknown', 'yes', 'no')),"
  "  target_on TEXT,"
  "  owner_id INTEGER,"
  "  updated_at TEXT NOT NULL"
  ");",

  /* 6 -> 7: what is due is found without reading every contact: the
   * contacts to check or verify (sonae_contacts_get_attention) by an index
   * on what the freshness rule reads. */
  "CREATE INDEX contacts_freshness ON contacts (deleted, needs_check, verified_on);",

  /* 7 -> 8: the authorities (sonae_contacts_list_authorities, read by the
   * manual and Home) are found without reading every contact: by their
   * group here, the bundled ones by the unique index on their key. */
  "CREATE INDEX contacts_group ON contacts (grp);",

  /* 8 -> 9: the law as it reads now. Two answers about a leak to the PPC
   * (sonae-ppc.h): personal information taken on purpose while it was
   * being collected (the 2024 amendment), and data protected by strong
   * encryption whose key did not leak (exempt). Each outside body's own
   * condition, where the organisation answered it (sonae-body-conditions.h):
   * no row is "not answered", and Sonae's reading of the record holds. */
  "ALTER TABLE ppc_assessments ADD COLUMN acquiring INTEGER NOT NULL DEFAULT 0 CHECK (acquiring IN (0, 1));"
  "ALTER TABLE ppc_assessments ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1));"
  "CREATE TABLE body_answers ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  authority_key TEXT NOT NULL,"
  "  answer TEXT NOT NULL CHECK (answer IN ('unknown', 'yes', 'no')),"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  PRIMARY KEY (incident_id, authority_key)"
  ");",

  /* 9 -> 10: the MHLW cyber-security checklist for medical institutions
   * (sonae-mhlw.h): the answer a person gave to each item, with the day it
   * was checked, the target day and owner of a いいえ, and a note; and for
   * each vendor of the roster, its own list (事業者確認用) sent and returned
   * and its MDS/SDS received. Contacts by id without a foreign key, as the
   * plan keeps them. */
  "CREATE TABLE mhlw_answers ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  answer TEXT NOT NULL DEFAULT 'unknown' CHECK (answer IN ('unknown', 'yes', 'no')),"
  "  checked_on TEXT,"
  "  target_on TEXT,"
  "  owner_id INTEGER,"
  "  note TEXT,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE mhlw_vendors ("
  "  contact_id INTEGER PRIMARY KEY NOT NULL,"
  "  concerned INTEGER NOT NULL DEFAULT 1 CHECK (concerned IN (0, 1)),"
  "  list_sent_on TEXT,"
  "  list_returned_on TEXT,"
  "  all_yes TEXT NOT NULL DEFAULT 'unknown' CHECK (all_yes IN ('unknown', 'yes', 'no')),"
  "  answers_note TEXT,"
  "  mds_received_on TEXT,"
  "  updated_at TEXT NOT NULL"
  ");",

  /* 10 -> 11: numbers on paper. When a contact's number answers (a
   * vendor's support line, an office's hours: sonae-contact.h); and for
   * each role, which of its holders' numbers the poster on the wall shows
   * (sonae-contacts.h): no row is the usual choice, mobile first. */
  "ALTER TABLE contacts ADD COLUMN hours TEXT;"
  "CREATE TABLE role_settings ("
  "  role_key TEXT PRIMARY KEY NOT NULL,"
  "  poster_phone TEXT NOT NULL DEFAULT 'any' CHECK (poster_phone IN ('any', 'work', 'mobile', 'none')),"
  "  updated_at TEXT NOT NULL"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SONAE_SCHEMA_VERSION);

const char *
sonae_migration_get (guint from_version)
{
  g_return_val_if_fail (from_version < G_N_ELEMENTS (migrations), NULL);
  return migrations[from_version];
}
