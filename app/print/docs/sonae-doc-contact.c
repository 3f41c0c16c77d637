/* sonae-doc-contact.c: how a contact reads on paper, shared by the roster
 * and the call tree */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sonae-contacts.h"
#include "sonae-docs.h"

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

GPtrArray *
sonae_doc_phones_mobile_first (SonaeContact *contact)
{
  GPtrArray *phones = g_ptr_array_new ();

  g_return_val_if_fail (SONAE_IS_CONTACT (contact), phones);

  if (contact->phones == NULL)
    return phones;
  /* Mobile first: in an emergency the person is rarely at the desk. */
  for (guint i = 0; i < contact->phones->len; i++)
    {
      SonaeLabeled *p = g_ptr_array_index (contact->phones, i);

      if (g_strcmp0 (p->label, "mobile") == 0)
        g_ptr_array_add (phones, p);
    }
  for (guint i = 0; i < contact->phones->len; i++)
    {
      SonaeLabeled *p = g_ptr_array_index (contact->phones, i);

      if (g_strcmp0 (p->label, "mobile") != 0)
        g_ptr_array_add (phones, p);
    }
  return phones;
}

static void
append_labeled (GString      *out,
                SonaeLabeled *item,
                gboolean      bold,
                gboolean      phone,
                SonaeGroup    group)
{
  g_autofree char *value = NULL;
  const char *label = NULL;

  if (is_empty (item->value))
    return;
  /* A vendor's number is its support line, an office's needs no word: a
   * person's work number is what “Work” (勤務先) means. */
  if (phone)
    label = sonae_phone_label_get_title_for_group (item->label, group);
  else if (!is_empty (item->label) && (group == SONAE_GROUP_STAFF || !g_str_equal (item->label, "work")))
    label = sonae_phone_label_get_title (item->label);

  if (out->len > 0)
    g_string_append_c (out, '\n');
  /* The value first, so the numbers line up; the label after it, quieter. */
  value = g_markup_escape_text (item->value, -1);
  g_string_append_printf (out, bold ? "<b>%s</b>" : "%s", value);
  if (label != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (label, -1);

      g_string_append_printf (out, " <span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                              escaped);
    }
}

char *
sonae_doc_phones_markup (SonaeContact *contact,
                         gboolean      bold)
{
  g_autoptr(GPtrArray) phones = sonae_doc_phones_mobile_first (contact);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < phones->len; i++)
    append_labeled (out, g_ptr_array_index (phones, i), bold, TRUE, contact->group);
  if (out->len > 0 && !is_empty (contact->hours))
    {
      /* Translators: when a number answers, e.g. “Hours: weekdays 9:00–18:00” (受付時間) */
      g_autofree char *text = g_strdup_printf (_("Hours: %s"), contact->hours);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append_printf (out, "\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                              escaped);
    }
  return g_string_free (out, FALSE);
}

char *
sonae_doc_write_in_markup (const char *label,
                           guint       length)
{
  GString *out = g_string_new (NULL);

  if (label != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (label, -1);

      g_string_append (out, escaped);
    }
  g_string_append (out, "<span foreground=\"" SONAE_PRINT_COLOR_MUTED "\">");
  /* Full-width low lines join into one rule. */
  for (guint i = 0; i < length; i++)
    g_string_append (out, "\uff3f");
  g_string_append (out, "</span>");
  return g_string_free (out, FALSE);
}

char *
sonae_doc_phones_or_write_in (SonaeContact *contact,
                              gboolean      bold)
{
  g_autofree char *phones = sonae_doc_phones_markup (contact, bold);
  g_autofree char *line = NULL;
  g_autofree char *hint = NULL;

  if (*phones != '\0')
    return g_steal_pointer (&phones);
  /* Translators: before a line to write a phone number on by hand (電話：＿＿＿) */
  line = sonae_doc_write_in_markup (C_("write-in", "Phone: "), 6);
  /* A body reached on its web page or by e-mail: a place for a number,
   * without alarm. */
  if (!sonae_contacts_asks_phone (contact))
    {
      hint = g_markup_escape_text (_("Reached online; write a number here if you have one."), -1);
      return g_strdup_printf ("%s\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                              line, hint);
    }
  hint = g_markup_escape_text (contact->group == SONAE_GROUP_AUTHORITY
                               ? _("No number entered yet: look it up while the network works and write it here.")
                               : _("No number entered yet: write it here."),
                               -1);
  return g_strdup_printf ("%s\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_WARNING "\">%s</span>",
                          line, hint);
}

char *
sonae_doc_emails_markup (SonaeContact *contact)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SONAE_IS_CONTACT (contact), g_string_free (out, FALSE));

  for (guint i = 0; contact->emails && i < contact->emails->len; i++)
    append_labeled (out, g_ptr_array_index (contact->emails, i), FALSE, FALSE, contact->group);
  return g_string_free (out, FALSE);
}

char *
sonae_doc_name_markup (SonaeContact *contact,
                       const char   *own_organisation,
                       gboolean      reading)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (SONAE_IS_CONTACT (contact), g_string_free (out, FALSE));

  name = g_markup_escape_text (sonae_contact_get_display_name (contact), -1);
  g_string_append_printf (out, "<b>%s</b>", name);
  if (reading && !is_empty (contact->reading))
    {
      g_autofree char *escaped = g_markup_escape_text (contact->reading, -1);

      g_string_append_printf (out, "\n<span size=\"small\" foreground=\"" SONAE_PRINT_COLOR_MUTED "\">%s</span>",
                              escaped);
    }

  if (!is_empty (contact->organization) &&
      g_strcmp0 (contact->organization, contact->name) != 0 &&
      g_strcmp0 (contact->organization, own_organisation) != 0)
    g_ptr_array_add (parts, contact->organization);
  if (!is_empty (contact->department))
    g_ptr_array_add (parts, contact->department);
  if (!is_empty (contact->title))
    g_ptr_array_add (parts, contact->title);
  if (parts->len > 0)
    {
      g_autofree char *joined = NULL;
      g_autofree char *escaped = NULL;

      g_ptr_array_add (parts, NULL);
      /* Translators: separates organisation, department and job title */
      joined = g_strjoinv (_(" · "), (char **) parts->pdata);
      escaped = g_markup_escape_text (joined, -1);
      g_string_append_printf (out, "\n<span size=\"small\">%s</span>", escaped);
    }
  return g_string_free (out, FALSE);
}
