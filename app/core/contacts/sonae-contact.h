/* sonae-contact.h: one entry of the contact roster */
#pragma once

#include <glib-object.h>
#include "sonae-org-kind.h"

G_BEGIN_DECLS

typedef enum {
  SONAE_GROUP_STAFF = 0,     /* 院内 */
  SONAE_GROUP_VENDOR = 1,    /* 委託先・ベンダー */
  SONAE_GROUP_AUTHORITY = 2, /* 関係機関 */
} SonaeGroup;

#define SONAE_N_GROUPS 3

/* A labelled value: a phone number or an e-mail address.
 * label is one of "mobile", "work", "home", "fax", "main", "other",
 * or free text a user typed; it may be NULL. */
typedef struct {
  char *label;
  char *value;
} SonaeLabeled;

SonaeLabeled *sonae_labeled_new  (const char *label, const char *value);
void          sonae_labeled_free (SonaeLabeled *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeLabeled, sonae_labeled_free)

#define SONAE_TYPE_CONTACT (sonae_contact_get_type ())
G_DECLARE_FINAL_TYPE (SonaeContact, sonae_contact, SONAE, CONTACT, GObject)

/* The fields are public: a contact is a plain record that core fills from the
 * database or a codec, and that the GUI edits and hands back to the store.
 * Every string is owned by the contact; NULL and "" both mean empty. */
struct _SonaeContact {
  GObject parent_instance;

  gint64 id;               /* 0 until stored */
  SonaeGroup group;
  char *name;              /* 氏名 or organisation name; required */
  char *reading;           /* よみ, in kana */
  char *organization;
  char *department;
  char *title;
  char *system;            /* vendors: the system they support */
  char *contract;          /* vendors: contract or customer number */
  char *hours;             /* when the numbers answer (受付時間): a vendor's
                            * support line, an office; free text */
  char *address;
  char *url;
  char *notes;
  GPtrArray *phones;       /* of SonaeLabeled */
  GPtrArray *emails;       /* of SonaeLabeled */
  char *verified_on;       /* YYYY-MM-DD, or NULL when never verified */
  gboolean needs_check;    /* bundled fact not yet confirmed by a person (VERIFY) */
  char *builtin_key;       /* set on the bundled authorities, else NULL */
  GPtrArray *roles;        /* role keys this contact holds (filled by the store) */
};

SonaeContact *sonae_contact_new            (void);
SonaeContact *sonae_contact_copy           (SonaeContact *self);
void          sonae_contact_set_string     (char       **field,
                                            const char  *value);
void          sonae_contact_add_phone      (SonaeContact *self,
                                            const char   *label,
                                            const char   *value);
void          sonae_contact_add_email      (SonaeContact *self,
                                            const char   *label,
                                            const char   *value);
const char   *sonae_contact_get_first_phone (SonaeContact *self);

/* Which of a role holder's numbers the poster on the wall shows
 * (sonae_contacts_set_poster_phone()): staff's private mobiles need not
 * hang in a corridor. */
typedef enum {
  SONAE_POSTER_PHONE_ANY,     /* the first number, a mobile one first (the default) */
  SONAE_POSTER_PHONE_WORK,    /* a number at work: never a mobile, home or fax one */
  SONAE_POSTER_PHONE_MOBILE,  /* the mobile number only */
  SONAE_POSTER_PHONE_NONE,    /* none: a line to write a number on by hand */
} SonaePosterPhone;

#define SONAE_N_POSTER_PHONES 4

const char   *sonae_poster_phone_to_string   (SonaePosterPhone  choice);  /* "any", "work", "mobile", "none" */
gboolean      sonae_poster_phone_from_string (const char       *text,
                                              SonaePosterPhone *out_choice);
/* Translated, for a list to choose from: “Mobile First”, “Work Number Only” … */
const char   *sonae_poster_phone_get_title   (SonaePosterPhone  choice);
/* The number of @self that @choice puts on the poster, or NULL when it has
 * none of that kind (or @choice is NONE). A number without a label counts
 * as a mobile one when it looks like one (sonae_phone_label_for_number()). */
const char   *sonae_contact_get_poster_phone (SonaeContact     *self,
                                              SonaePosterPhone  choice);
const char   *sonae_contact_get_first_email (SonaeContact *self);
const char   *sonae_contact_get_display_name (SonaeContact *self);
gboolean      sonae_contact_equal          (SonaeContact *a,
                                            SonaeContact *b);

/* How far a contact can be relied on: the one rule that Home, the contact
 * list, the printed roster and the reminders all show. */
#define SONAE_STALE_DAYS 180

typedef enum {
  SONAE_FRESHNESS_CURRENT,      /* verified in the last SONAE_STALE_DAYS days */
  SONAE_FRESHNESS_NEEDS_CHECK,  /* a bundled fact nobody has confirmed yet */
  SONAE_FRESHNESS_NEVER,        /* never verified */
  SONAE_FRESHNESS_STALE,        /* verified SONAE_STALE_DAYS days ago or more */
} SonaeFreshness;

/* @out_days: days since it was verified (for STALE and CURRENT; 0 for a
 * date in the future, which a wrong clock makes: it counts as recent). */
SonaeFreshness sonae_contact_get_freshness (SonaeContact *self,
                                            int          *out_days);
/* The same rule on the two columns it reads, counted to @today
 * (sonae_clock_get_today(); NULL for the clock), for a long list that does
 * not load whole contacts. */
SonaeFreshness sonae_freshness_of          (gboolean      needs_check,
                                            const char   *verified_on,
                                            const GDate  *today,
                                            int          *out_days);
/* The same rule for a query over the database, which holds only real dates:
 * a contact not to check is due when it was never verified or verified on
 * or before this day (YYYY-MM-DD, SONAE_STALE_DAYS before @today). */
char          *sonae_freshness_stale_since (const GDate  *today);

/* Sort as a Japanese address book does: by reading (kana folded to
 * hiragana, width folded), then by name. */
int           sonae_contact_compare        (SonaeContact *a,
                                            SonaeContact *b);
/* The sort key used by sonae_contact_compare(); newly allocated. */
char         *sonae_contact_sort_key       (SonaeContact *self);

/* Search as you type: TRUE when every word of @query is found in the name,
 * reading, organisation, department, title, system, phone numbers (digits
 * only compared), e-mail addresses or role names. Case, width and
 * katakana/hiragana are folded. */
/* Fold what sonae_contact_matches() reads now, ahead of the first
 * keystroke (a list does it when idle, after it shows). It is done again
 * by itself when a field changes. */
void          sonae_contact_prepare_search (SonaeContact *self);
gboolean      sonae_contact_matches        (SonaeContact *self,
                                            const char   *query);

/* The same for a list: the query folded once, not once a contact at
 * every keystroke. An empty query matches every contact. */
typedef struct _SonaeContactQuery SonaeContactQuery;
SonaeContactQuery *sonae_contact_query_new      (const char              *text);
void               sonae_contact_query_free     (SonaeContactQuery       *self);
gboolean           sonae_contact_query_is_empty (const SonaeContactQuery *self);
gboolean           sonae_contact_query_matches  (const SonaeContactQuery *self,
                                                 SonaeContact            *contact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SonaeContactQuery, sonae_contact_query_free)

/* Fold a text for search and sorting: NFKC, case-folded, katakana to
 * hiragana. Newly allocated. */
char         *sonae_text_fold              (const char *text);

const char   *sonae_group_to_string        (SonaeGroup group);   /* "staff", "vendor", "authority" */
gboolean      sonae_group_from_string      (const char *text,
                                            SonaeGroup *out_group);
/* Translated, in the words of an organisation of @kind: 院内 in a clinic,
 * 社内 in a business … */
const char   *sonae_group_get_title        (SonaeGroup   group,
                                            SonaeOrgKind kind);
const char   *sonae_phone_label_get_title  (const char *label);  /* translated "Mobile" … */
/* How a number labelled @label reads on paper for a contact of @group
 * (translated), or NULL when the contact's name says enough: a vendor's
 * “work” number is its support line, an office's numbers are its own. */
const char   *sonae_phone_label_get_title_for_group (const char *label,
                                                     SonaeGroup  group);
/* The label a phone number calls for when nobody chose one: "mobile" for a
 * Japanese mobile number (060, 070, 080, 090, also written +81 90 …, in
 * full-width digits or with any separators), "work" for another Japanese
 * number, NULL while too little is typed to tell (or for a short number
 * such as 110, or a foreign one). */
const char   *sonae_phone_label_for_number (const char *number);

G_END_DECLS
