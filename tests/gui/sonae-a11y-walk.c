/* sonae-a11y-walk.c: read, through AT-SPI as a screen reader does, the
 * accessibility tree of the process @pid, and print each control a screen
 * reader could not name.
 *
 *   sonae-a11y-walk PID [SKIP]
 *
 * leaving out the windows titled SKIP (the main window, when a dialog is
 * what is read).
 * One line a control: its role, what it is called (nothing, or only a
 * class name such as "GtkButton") and where it is (the names of the
 * enclosing accessibles that have one). Exit status 0 when the tree was
 * read (whatever it held), 2 when the application was not found. */
#include <atspi/atspi.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)

/* A control: something a person operates, and so must hear named. */
static gboolean
is_control (AtspiAccessible *accessible,
            AtspiRole        role,
            AtspiStateSet   *states)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_CHECK_MENU_ITEM:
    case ATSPI_ROLE_RADIO_MENU_ITEM:
      return TRUE;
    case ATSPI_ROLE_TEXT:
      /* A text box, not a label. */
      return atspi_state_set_contains (states, ATSPI_STATE_EDITABLE);
    case ATSPI_ROLE_LIST_ITEM:
      /* A row one can go to and activate. */
      return atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE);
    default:
      return FALSE;
    }
}

/* No name a person could understand: nothing, or the toolkit's class name
 * ("GtkCheckButton", "AdwActionRow", "SonaeContactRow"). */
static gboolean
is_unnamed (const char *name)
{
  static const char *const prefixes[] = { "Gtk", "Adw", "Sonae" };

  if (name == NULL || *g_strstrip ((char *) name) == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      {
        const char *rest = name + strlen (prefixes[i]);

        if (*rest == '\0' || !g_ascii_isupper (*rest))
          continue;
        for (; *rest != '\0'; rest++)
          if (!g_ascii_isalnum (*rest))
            break;
        if (*rest == '\0')
          return TRUE;
      }
  return FALSE;
}

/* The text of the first label under @accessible, or NULL: what a person
 * sees on the control, to find it by. */
static char *
shown_text (AtspiAccessible *accessible,
            guint            depth)
{
  int n_children = atspi_accessible_get_child_count (accessible, NULL);

  if (depth > 6)
    return NULL;
  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);
      g_autofree char *text = NULL;

      if (child == NULL)
        continue;
      if (atspi_accessible_get_role (child, NULL) == ATSPI_ROLE_LABEL)
        {
          text = atspi_accessible_get_name (child, NULL);
          if (text != NULL && *text != '\0')
            return g_steal_pointer (&text);
        }
      text = shown_text (child, depth + 1);
      if (text != NULL)
        return g_steal_pointer (&text);
    }
  return NULL;
}

/* The names of the enclosing accessibles, outermost first, as
 * "window > page > group". */
static char *
where (GPtrArray *path)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < path->len; i++)
    {
      const char *name = g_ptr_array_index (path, i);

      if (name == NULL || *name == '\0' || is_unnamed ((char *) name))
        continue;
      if (out->len > 0)
        g_string_append (out, " > ");
      g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

/* The name of the windows not to read, or NULL. */
static const char *skip;

static void
walk (AtspiAccessible *accessible,
      GPtrArray       *path,
      guint            depth,
      guint           *n_unnamed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(AtspiStateSet) states = NULL;
  AtspiRole role;
  int n_children;

  if (depth > 200)
    return;
  name = atspi_accessible_get_name (accessible, &error);
  if (error != NULL)
    return;
  role = atspi_accessible_get_role (accessible, NULL);
  states = atspi_accessible_get_state_set (accessible);

  /* A hidden widget is not heard. (GTK 4.8 says SHOWING of windows
   * only, so the pages of a stack not in view are read too.) */
  if (depth > 0 && !atspi_state_set_contains (states, ATSPI_STATE_VISIBLE))
    return;
  /* The windows left out. */
  if (depth == 1 && skip != NULL && g_strcmp0 (name, skip) == 0)
    return;

  /* Nothing is let off, the toolkit's own controls included: the rows and
   * list items that GTK 4.8 and libadwaita 1.2 leave unnamed, the button
   * inside a drop-down and the search field of a preferences window are
   * named by the application (app/gui/common/sonae-accessible.c). */
  if (is_control (accessible, role, states) && is_unnamed (name))
    {
      g_autofree char *role_name = atspi_accessible_get_role_name (accessible, NULL);
      g_autofree char *in = where (path);
      g_autofree char *description = atspi_accessible_get_description (accessible, NULL);
      g_autofree char *shown = shown_text (accessible, 0);

      /* One line a control. */
      if (shown != NULL)
        g_strdelimit (shown, "\r\n", ' ');
      g_strdelimit (in, "\r\n", ' ');
      g_print ("%s \"%s\"%s%s%s%s in: %s\n", role_name, name ? name : "",
               description && *description ? " described as " : "",
               description && *description ? description : "",
               shown ? " showing " : "", shown ? shown : "", in);
      (*n_unnamed)++;
    }

  n_children = atspi_accessible_get_child_count (accessible, NULL);
  g_ptr_array_add (path, name);
  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        walk (child, path, depth + 1, n_unnamed);
    }
  g_ptr_array_remove_index (path, path->len - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtspiAccessible) desktop = NULL;
  guint n_unnamed = 0;
  gboolean found = FALSE;
  int pid;

  if (argc != 2 && argc != 3)
    {
      g_printerr ("usage: %s PID [SKIP]\n", argv[0]);
      return 2;
    }
  setlocale (LC_ALL, "");
  pid = atoi (argv[1]);
  skip = argc == 3 ? argv[2] : NULL;
  if (atspi_init () < 0)
    {
      g_printerr ("AT-SPI could not be initialised\n");
      return 2;
    }

  desktop = atspi_get_desktop (0);
  for (int i = 0; i < atspi_accessible_get_child_count (desktop, NULL); i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);
      g_autoptr(GPtrArray) path = g_ptr_array_new ();

      if (app == NULL || (int) atspi_accessible_get_process_id (app, NULL) != pid)
        continue;
      found = TRUE;
      walk (app, path, 0, &n_unnamed);
    }
  if (!found)
    {
      g_printerr ("no application of process %d on the accessibility bus\n", pid);
      return 2;
    }
  g_printerr ("%u unnamed controls\n", n_unnamed);
  return 0;
}
