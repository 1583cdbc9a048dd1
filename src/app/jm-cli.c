/* jm-cli.c — the options of `journey-maps`, `--check` and `--version`.
 * Messages go to stderr as "FILE:LINE: message". Nothing here touches GTK,
 * cairo or pango: it needs the document part of the core only, and hands
 * --export to a function it is given (jm-cli-export.c, or the launcher's
 * exec of the program that links it). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "jm-cli.h"
#include "jm-import.h"
#include "jm-reader.h"

void
jm_cli_print_problems (GPtrArray    *problems,
                       const GError *error)
{
  if (problems != NULL && problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          const JmProblem *p = g_ptr_array_index (problems, i);

          if (p->line > 0)
            g_printerr ("%s:%d: %s\n", p->file, p->line, p->message);
          else
            g_printerr ("%s: %s\n", p->file, p->message);
        }
    }
  else if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
    }
}

int
jm_cli_check (const char * const *files)
{
  int status = JM_EXIT_OK;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("--check needs at least one FILE"));
      return JM_EXIT_USAGE;
    }

  /* Checked, not loaded: the same problems, without keeping the map. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      if (!jm_import_check_path (files[i], &problems, &error))
        {
          jm_cli_print_problems (problems, error);
          status = JM_EXIT_FAILURE;
        }
    }

  return status;
}

static const GOptionEntry option_entries[] = {
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write FILE to OUT (.png, .pdf, .svg, .html, .pptx, .odp, .csv, .grid.csv, .mmd or .journey) and exit"), N_("OUT") },
  { "check", 'c', 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the files and report every problem, then exit"), NULL },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Scale of a PNG export (1 = 96 dpi, 2 = 192 dpi)"), N_("S") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("PDF pages: fit, a4, a3, letter (-landscape) or poster-a4; slides: 16:9 or 4:3"), N_("PAGE") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Colours of an export: light, dark, print or high-contrast"), N_("THEME") },
  { "persona", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the map as this persona lives it: the persona's id or name (.png, .pdf, .svg, decks)"), N_("ID|NAME") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the map through the view with this name (its lanes, personas and curves)"), N_("NAME") },
  { "poster", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("A PDF poster of COLS sheets across and at most ROWS down"), N_("COLSxROWS") },
  { "poster-sheets-across", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("A PDF poster N sheets across, as many down as the map needs"), N_("N") },
  { "overlap", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("How much a poster's sheets overlap, 0 to 30 mm (10 by default)"), N_("MM") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("A poster's sheets: a4, a3 or letter"), N_("PAPER") },
  { "no-page-map", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("A PDF poster without its first sheet showing how the sheets go together"), NULL },
  { "import-metrics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Apply survey responses from a CSV file to the map before writing it"), N_("CSV") },
  { "compare", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export to .pdf or .png: mark what changed since the map OLD, and list it"), N_("OLD") },
  /* Exports for reports. */
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the map's labels, numbers and dates in this language (en, it) rather than the map's own"),
    N_("LL") },
  { "emotion-values", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write each emotion point's score beside its face (.png, .pdf, .svg, decks)"), NULL },
  /* Persona sheets and the summary handout (jm-persona-sheet.h). */
  { "personas", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export to .pdf or .png: a sheet per persona (PNG: OUT-1.png, OUT-2.png…, "
       "or OUT itself with --persona)"), NULL },
  { "summary", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export to .pdf or .png: the map's one-page summary handout (--page=a4 or letter)"), NULL },
  /* Maps in git (jm-cli-git.c). */
  { "diff", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show what changed from OLD to NEW, object by object, and exit (1 if they differ); "
       "also git's external diff"), NULL },
  { "textconv", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print FILE as an outline, one object per line, for git diff, and exit"), NULL },
  { "merge", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Merge BASE OURS THEIRS by id, write the result over OURS (or -o) and exit "
       "(1 if there are conflicts, kept in the map)"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Where --merge writes the merged map"), N_("OUT") },
  { "git-setup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Set up this git repository to diff and merge journey maps with journey-maps, and exit"), NULL },
  { "global", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --git-setup: for every repository of the user"), NULL },
  { "remove", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --git-setup: take the set-up out again"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

void
jm_cli_init_i18n (void)
{
  const char *localedir = g_getenv ("JOURNEY_MAPS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree's translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const GOptionEntry *
jm_cli_option_entries (void)
{
  return option_entries;
}

int
jm_cli_handle_local_options (GVariantDict    *options,
                             JmCliExportFunc  export_func)
{
  g_autofree char *export_path = NULL;
  g_autofree char *page = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *persona = NULL;
  g_autofree char *view = NULL;
  g_autofree char *poster = NULL;
  g_autofree char *across = NULL;
  g_autofree char *overlap = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *import = NULL;
  g_autofree char *compare = NULL;
  g_autofree char *lang = NULL;
  g_autofree char **files = NULL;
  gboolean check = FALSE;
  gboolean emotion_values = FALSE;
  gboolean no_page_map = FALSE;
  gboolean personas = FALSE, summary = FALSE;
  g_autofree char *scale_arg = NULL;
  double scale = NAN;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "journey-maps", PACKAGE_VERSION);
      return JM_EXIT_OK;
    }

  g_variant_dict_lookup (options, "export", "^ay", &export_path);
  g_variant_dict_lookup (options, "check", "b", &check);
  /* A string, so that --scale=0 is seen (and refused) rather than dropped. */
  if (g_variant_dict_lookup (options, "scale", "s", &scale_arg))
    {
      char *end = NULL;

      scale = g_ascii_strtod (scale_arg, &end);
      if (end == scale_arg || *end != '\0' || isnan (scale))
        {
          g_printerr (_("--scale needs a number, not “%s”\n"), scale_arg);
          return JM_EXIT_USAGE;
        }
    }
  g_variant_dict_lookup (options, "page", "s", &page);
  g_variant_dict_lookup (options, "theme", "s", &theme);
  g_variant_dict_lookup (options, "persona", "s", &persona);
  g_variant_dict_lookup (options, "view", "s", &view);
  g_variant_dict_lookup (options, "poster", "s", &poster);
  g_variant_dict_lookup (options, "poster-sheets-across", "s", &across);
  g_variant_dict_lookup (options, "overlap", "s", &overlap);
  g_variant_dict_lookup (options, "paper", "s", &paper);
  g_variant_dict_lookup (options, "no-page-map", "b", &no_page_map);
  g_variant_dict_lookup (options, "import-metrics", "^ay", &import);
  g_variant_dict_lookup (options, "compare", "^ay", &compare);
  g_variant_dict_lookup (options, "lang", "s", &lang);
  g_variant_dict_lookup (options, "emotion-values", "b", &emotion_values);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "personas", "b", &personas);
  g_variant_dict_lookup (options, "summary", "b", &summary);

  {
    gboolean others = check || export_path != NULL || !isnan (scale) || page != NULL || theme != NULL
                      || persona != NULL || import != NULL || compare != NULL || lang != NULL || emotion_values
                      || view != NULL || poster != NULL || across != NULL || overlap != NULL || paper != NULL
                      || no_page_map || personas || summary;
    int status = jm_cli_handle_git_options (options, others, (const char * const *) files);

    if (status >= 0)
      return status;
  }

  if (check && export_path != NULL)
    {
      g_printerr ("%s\n", _("--check and --export cannot be used together"));
      return JM_EXIT_USAGE;
    }

  if (check)
    return jm_cli_check ((const char * const *) files);

  if (export_path != NULL)
    {
      JmCliExport cli = { export_path, scale, page, theme, persona, import, compare, lang, view,
                          poster, across, overlap, paper, emotion_values, no_page_map, personas, summary };
      return export_func (&cli, (const char * const *) files);
    }

  if (lang != NULL || emotion_values)
    {
      g_printerr ("%s\n", _("--lang and --emotion-values go with --export"));
      return JM_EXIT_USAGE;
    }
  if (!isnan (scale) || page != NULL || theme != NULL || persona != NULL || import != NULL)
    {
      g_printerr ("%s\n", _("--scale, --page, --theme, --persona and --import-metrics go with --export"));
      return JM_EXIT_USAGE;
    }
  if (personas || summary)
    {
      g_printerr ("%s\n", _("--personas and --summary go with --export"));
      return JM_EXIT_USAGE;
    }
  if (compare != NULL)
    {
      g_printerr ("%s\n", _("--compare goes with --export"));
      return JM_EXIT_USAGE;
    }
  if (view != NULL || poster != NULL || across != NULL || overlap != NULL || paper != NULL)
    {
      g_printerr ("%s\n", _("--view, --poster, --poster-sheets-across, --overlap and --paper go with --export"));
      return JM_EXIT_USAGE;
    }
  if (no_page_map)
    {
      g_printerr ("%s\n", _("--no-page-map goes with --export to a PDF poster"));
      return JM_EXIT_USAGE;
    }

  return -1;
}
