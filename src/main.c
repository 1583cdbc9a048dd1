/* main.c — `journey-maps`, the command users run, and its helper
 * `journey-maps-export` (the same file built with JM_WITH_EXPORT).
 *
 * `journey-maps` links the document part of the core only (GLib, GIO,
 * libxml2): --check, --version, --help and wrong usage are answered here,
 * as fast as xmllint starts. --export replaces this process with
 * `journey-maps-export`, which adds cairo and pango; anything else (the
 * editor, with or without files) with the editor, `journey-maps-gui`. Both
 * get the very same arguments, parse them the same way and exit with the
 * same statuses. Neither of these two programs loads GTK. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "jm-cli.h"

static char **arguments;

/* A helper program beside this one in the build tree, otherwise the
 * installed one. An installed program never looks beside itself. */
static char *
find_helper (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;

  if (dir != NULL && g_strcmp0 (dir, BINDIR) != 0 && g_strcmp0 (dir, LIBEXECDIR) != 0)
    {
      g_autofree char *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (LIBEXECDIR, name, NULL);
}

/* Replaces this process with the helper; returns only if that failed. */
static int
exec_helper (const char *name)
{
  g_autofree char *path = find_helper (name);
  int saved_errno;

  execv (path, arguments);
  saved_errno = errno;
  /* Translators: the first %s is a program's path, the second the reason it could not start. */
  g_printerr (_("Cannot start %s: %s\n"), path, g_strerror (saved_errno));
  return JM_EXIT_FAILURE;
}

#ifndef JM_WITH_EXPORT
static int
export_elsewhere (const JmCliExport  *options,
                  const char * const *files)
{
  return exec_helper ("journey-maps-export");
}
#endif

static int
handle_local_options (GApplication *application,
                      GVariantDict *options,
                      gpointer      user_data)
{
#ifdef JM_WITH_EXPORT
  int status = jm_cli_handle_local_options (options, jm_cli_export);
#else
  int status = jm_cli_handle_local_options (options, export_elsewhere);
#endif

  if (status >= 0)
    return status;
  return exec_helper ("journey-maps-gui");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  jm_cli_init_i18n ();
  arguments = argv;
  /* The editor's id, flags and options, so that --help is the same. */
  app = g_application_new (APPLICATION_ID, G_APPLICATION_HANDLES_OPEN);
  jm_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), NULL);
  return g_application_run (app, argc, argv);
}
