/* main.c — start Journey Maps. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "jm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JmApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree's translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JOURNEY_MAPS_LOCALEDIR") ? g_getenv ("JOURNEY_MAPS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
