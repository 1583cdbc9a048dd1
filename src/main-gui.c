/* main-gui.c — start the Journey Maps editor, `journey-maps-gui`. Users
 * run `journey-maps` (src/main.c), which does the batch work itself and
 * starts this program only to open windows. */
#include "config.h"

#include "jm-application.h"
#include "jm-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JmApplication) app = NULL;

  jm_cli_init_i18n ();
  app = jm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
