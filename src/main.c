/* main.c — `journey-maps`, the command users run, and its helper
 * `journey-maps-export` (the same file built with JM_WITH_EXPORT).
 *
 * `journey-maps` links GLib, libxml2 and the document part of the core:
 * no GIO. It parses its options with GOptionContext and answers --check
 * and --version itself, as fast as xmllint starts. --export replaces this
 * process with `journey-maps-export`, which adds cairo and pango; opening
 * the editor (with or without files), with `journey-maps-gui`. Anything it
 * cannot parse, --help included, goes to `journey-maps-export`, whose
 * GApplication parses the very same options as the editor's: the help and
 * the complaints about wrong usage are the editor's, word for word. Each
 * program gets the very same arguments and exits with the same statuses.
 * Neither of the first two loads GTK. */
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

#ifdef JM_WITH_EXPORT
static int
handle_local_options (GApplication *application,
                      GVariantDict *options,
                      gpointer      user_data)
{
  int status = jm_cli_handle_local_options (options, jm_cli_export);

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

#else

static int
export_elsewhere (const JmCliExport  *options,
                  const char * const *files)
{
  return exec_helper ("journey-maps-export");
}

/* The options given, as GApplication hands them to handle-local-options;
 * NULL if GOptionContext refused them (or was asked for help). */
static GVariantDict *
parse_options (int    argc,
               char **argv)
{
  const GOptionEntry *entries = jm_cli_option_entries ();
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  GOptionEntry mine[64];
  gboolean flags[64] = { FALSE };
  char *values[64] = { NULL };
  char **files = NULL;
  guint n = 0;
  gboolean ok;

  for (n = 0; entries[n].long_name != NULL; n++)
    {
      g_assert (n + 1 < G_N_ELEMENTS (mine));
      mine[n] = entries[n];
      if (entries[n].arg == G_OPTION_ARG_NONE)
        mine[n].arg_data = &flags[n];
      else if (entries[n].arg == G_OPTION_ARG_FILENAME_ARRAY)
        mine[n].arg_data = &files;
      else
        mine[n].arg_data = &values[n];
    }
  mine[n] = entries[n];

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, mine, NULL);
  ok = g_option_context_parse_strv (context, &args, NULL);

  for (guint i = 0; ok && i < n; i++)
    {
      const char *name = entries[i].long_name;

      if (entries[i].arg == G_OPTION_ARG_NONE && flags[i])
        g_variant_dict_insert (options, name, "b", TRUE);
      else if (entries[i].arg == G_OPTION_ARG_STRING && values[i] != NULL)
        g_variant_dict_insert (options, name, "s", values[i]);
      else if (entries[i].arg == G_OPTION_ARG_FILENAME && values[i] != NULL)
        g_variant_dict_insert_value (options, name, g_variant_new_bytestring (values[i]));
      else if (entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY && files != NULL)
        g_variant_dict_insert_value (options, name,
                                     g_variant_new_bytestring_array ((const char * const *) files, -1));
    }
  for (guint i = 0; i < n; i++)
    g_free (values[i]);
  g_strfreev (files);
  return ok ? g_steal_pointer (&options) : NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GVariantDict) options = NULL;
  int status;

  jm_cli_init_i18n ();
  arguments = argv;
  options = parse_options (argc, argv);
  if (options == NULL)
    return exec_helper ("journey-maps-export");
  status = jm_cli_handle_local_options (options, export_elsewhere);
  if (status >= 0)
    return status;
  return exec_helper ("journey-maps-gui");
}
#endif
