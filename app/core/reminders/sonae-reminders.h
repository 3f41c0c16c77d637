/* sonae-reminders.h: what is due, derived from the data each time it is
 * asked for and never stored twice: regulator deadlines, overdue actions,
 * the manual's yearly review, contacts not verified for 180 days, roles
 * nobody holds, and the BCP's upkeep: measures past due, restore tests,
 * the yearly drill and review, risks to look at again (sonae-bcp.h); for a
 * clinic or a hospital, the MHLW checklist each fiscal year from May 1 until
 * every item is checked (sonae-mhlw.h). Home lists them, most urgent first; `sonae
 * --check-reminders [--notify]` prints them (and shows each as a desktop
 * notification) at login.
 *
 * A drill (訓練) is kept apart from the real thing: its reminders say
 * “Drill:” first, are marked drill, and come after every real reminder of
 * the same urgency — so a drill can be practised to the end (deadlines,
 * actions) without ever being mistaken for a real incident. */
#pragma once

#include <glib.h>

#include "sonae-store.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_REMINDER_PPC_PRELIMINARY,  /* 速報: not sent; due promptly (due_on: where the 3–5-day guide ends) */
  SONAE_REMINDER_PPC_FINAL,        /* 確報: not sent, deadline near or past */
  SONAE_REMINDER_PPC_UNDECIDED,    /* personal data involved, reporting not decided */
  SONAE_REMINDER_PPC_PERSONS,      /* a report is required and the persons are not notified yet */
  SONAE_REMINDER_BODY_REPORT,      /* a body whose condition applies, not yet reported to (open incident) */
  SONAE_REMINDER_BODY_UNDECIDED,   /* a body whose condition is still to be decided (open incident) */
  SONAE_REMINDER_ACTION_OVERDUE,   /* an open action past its due date */
  SONAE_REMINDER_ACTION_DUE,       /* an open action due within 7 days */
  SONAE_REMINDER_MANUAL_REVIEW,    /* manual not reviewed for a year */
  SONAE_REMINDER_ROLE_EMPTY,       /* a role nobody holds */
  SONAE_REMINDER_CONTACT_STALE,    /* a contact not verified for 180 days */
  SONAE_REMINDER_CONTACTS_STALE,   /* more than three of them: one reminder for all */
  SONAE_REMINDER_CONTACT_UNCHECKED,/* bundled contacts still to check (one reminder for all) */
  SONAE_REMINDER_BCP_MEASURE,      /* a prevention measure (or a self-check target) past its date */
  SONAE_REMINDER_RESTORE_TEST,     /* a system's restore test older than its plan, or never done */
  SONAE_REMINDER_DRILL,            /* no drill for a year (or none recorded yet) */
  SONAE_REMINDER_BCP_REVIEW,       /* the BCP not reviewed for a year (once it is started) */
  SONAE_REMINDER_RISK_REVIEW,      /* a risk past its next review */
  SONAE_REMINDER_MHLW_CHECKLIST,   /* the MHLW checklist not yet checked this fiscal year
                                    * (from SONAE_MHLW_REMINDER_MONTH/DAY) */
  SONAE_REMINDER_AUTHORITY_PHONE,  /* offices to call with no phone number (one reminder for all;
                                    * contact_id the first) */
  SONAE_N_REMINDER_KINDS,
} SonaeReminderKind;

typedef enum {
  SONAE_URGENCY_OVERDUE,    /* past its date */
  SONAE_URGENCY_SOON,       /* due within a week */
  SONAE_URGENCY_UPCOMING,   /* has a date further away */
  SONAE_URGENCY_UPKEEP,     /* no date: keep the kit in order */
} SonaeUrgency;

typedef struct {
  SonaeReminderKind kind;
  SonaeUrgency urgency;
  char *due_on;             /* YYYY-MM-DD or NULL */
  int days_left;            /* to due_on from today; negative when overdue; 0 without a date */
  char *title;              /* translated sentence, e.g. “Final report to the PPC for 2026-003 is due in 4 days (2026-12-20)” */
  char *detail;             /* translated, may be NULL */
  char *key;                /* stable identity, e.g. "ppc-final:12", "action:7", "role:lead" —
                             * for notifications not to repeat */
  gboolean drill;           /* from an incident that is a drill */
  gint64 incident_id;       /* 0 when none */
  gint64 action_id;
  gint64 contact_id;
  char *role_key;
  gint64 bcp_id;            /* BCP_MEASURE: the measure (0 for a self-check one);
                             * RESTORE_TEST: the system; RISK_REVIEW: the risk */
  char *check_key;          /* BCP_MEASURE from a self-check answer */
  char *mhlw_key;           /* BCP_MEASURE from an answer of the MHLW checklist */
} SonaeReminder;

void       sonae_reminder_free    (SonaeReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeReminder, sonae_reminder_free)

/* Everything due for the organisation in @store as of sonae_clock_now(),
 * most urgent first: by urgency, then by date (earliest first), then by
 * kind in the order above. A new GPtrArray of SonaeReminder. */
GPtrArray *sonae_reminders_collect (SonaeStore  *store,
                                    GError     **error);

G_END_DECLS
