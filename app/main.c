/* main.c: start Sonae, either the window or a headless command */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sonae-application.h"
#include "sonae-document.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  sonae_document_keep_heap ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SONAE_LOCALEDIR") ? g_getenv ("SONAE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sonae_application_new ();
  return g_application_run (app, argc, argv);
}
