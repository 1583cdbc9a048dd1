/* jm-cli-app.c — the command line's options on a GApplication: the
 * editor's, and `journey-maps-export`'s, which answers --help and wrong
 * usage for `journey-maps` too. Apart from jm-cli.c, which `journey-maps`
 * links without GIO. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-cli.h"

void
jm_cli_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, jm_cli_option_entries ());
  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
                                            _("Draw, check and export customer journey maps."));
}
