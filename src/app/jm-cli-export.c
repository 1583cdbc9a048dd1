/* jm-cli-export.c — `journey-maps --export`: read a map and write it as
 * PNG, PDF, SVG, a web page, a PowerPoint or OpenDocument deck, CSV, a
 * Mermaid journey, or a canonical .journey. Needs the whole core (cairo and
 * pango), never GTK. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-cli.h"
#include "jm-csv.h"
#include "jm-export.h"
#include "jm-export-compare.h"
#include "jm-grid.h"
#include "jm-i18n.h"
#include "jm-import.h"
#include "jm-map-csv.h"
#include "jm-map-view.h"
#include "jm-mermaid.h"
#include "jm-reader.h"
#include "jm-survey.h"
#include "jm-writer.h"

static gboolean
has_suffix_ci (const char *path,
               const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/* --import-metrics: our long form as it is; a survey tool's export
 * through the mapping the map saved for it, saying which layout was read
 * and which columns go nowhere. FALSE when nothing could be applied. */
static gboolean
import_metrics (JmDocument *doc,
                const char *map_path,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JmSurveyImport) import = jm_survey_import_load_path (doc, path, &error);
  g_autoptr(GPtrArray) unmapped = NULL;
  g_autofree char *said = NULL;

  if (import == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (import->layout == JM_SURVEY_LAYOUT_LONG)
    {
      /* Rows that cannot be used are said, and the rest applied. */
      jm_cli_print_problems (import->long_import->problems, NULL);
      jm_survey_import_apply (import, doc);
      return TRUE;
    }

  said = jm_survey_import_describe (import);
  g_printerr ("%s: %s\n", path, said);
  for (guint i = 0; i < import->notes->len; i++)
    g_printerr ("%s: %s\n", path, (const char *) g_ptr_array_index (import->notes, i));
  if (import->survey_id == NULL)
    {
      g_printerr (_("%s: %s has no saved mapping for this survey: import it once in the editor, which saves "
                    "one\n"), path, map_path);
      return FALSE;
    }
  jm_survey_import_use_saved_only (import);
  jm_cli_print_problems (import->problems, NULL);
  unmapped = jm_survey_import_get_unmapped (import, TRUE);
  if (unmapped->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < unmapped->len; i++)
        g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                                ((JmSurveyQuestion *) g_ptr_array_index (unmapped, i))->header);
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u column was not mapped: %s\n",
                               "%s: %u columns were not mapped: %s\n", unmapped->len),
                  path, unmapped->len, list->str);
    }
  jm_survey_import_apply (import, doc);
  return TRUE;
}

/* --export=OUT.pdf|png --compare=OLD: the map with what changed since OLD. */
static int
export_comparison (const JmCliExport     *options,
                   JmDocument            *doc,
                   const JmExportOptions *export_options)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) old_doc = jm_import_load_path (options->compare, &problems, &error);
  g_autoptr(JmCompare) compare = NULL;
  g_autofree char *old_name = NULL;

  if (old_doc == NULL)
    {
      jm_cli_print_problems (problems, error);
      return JM_EXIT_FAILURE;
    }
  compare = jm_compare_new (old_doc, doc);
  old_name = g_path_get_basename (options->compare);
  if (!jm_export_compare_to_path (compare, old_name, options->output, export_options, &error))
    {
      g_printerr ("%s\n", error->message);
      return JM_EXIT_FAILURE;
    }
  return JM_EXIT_OK;
}

/* Which outputs each option of --export is for: given to another, it is an
 * error (exit 2) that says so, rather than silently ignored. */
typedef struct {
  const char *option;
  const char *formats;   /* suffixes, space-separated, as the message lists them */
} OptionFormats;

static const OptionFormats option_formats[] = {
  { "--scale", ".png" },
  { "--page", ".pdf .pptx .odp" },
  { "--theme", ".png .pdf .svg .html .pptx .odp" },
  { "--persona", ".png .pdf .svg .html .pptx .odp" },
  { "--lang", ".png .pdf .svg .html .pptx .odp" },
  { "--emotion-values", ".png .pdf .svg .html .pptx .odp" },
};

static gboolean
option_applies (const char *formats,
                const char *output)
{
  g_auto(GStrv) suffixes = g_strsplit (formats, " ", -1);

  if (has_suffix_ci (output, ".csv"))
    return FALSE;
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (has_suffix_ci (output, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* FALSE, having said which, when an option given is not for the output. */
static gboolean
options_apply (const JmCliExport *options)
{
  /* Persona sheets and the handout take --page as PNG too (parse_sheets). */
  const gboolean sheets = options->personas || options->summary;
  const gboolean given[] = {
    !isnan (options->scale), options->page != NULL && !sheets, options->theme != NULL, options->persona != NULL,
    options->lang != NULL, options->emotion_values,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (given) == G_N_ELEMENTS (option_formats));
  for (guint i = 0; i < G_N_ELEMENTS (option_formats); i++)
    if (given[i] && !option_applies (option_formats[i].formats, options->output))
      {
        /* Translators: "--scale does not apply to “map.pdf”: it goes with .png" */
        g_printerr (_("%s does not apply to “%s”: it goes with %s\n"), option_formats[i].option,
                    options->output, option_formats[i].formats);
        return FALSE;
      }
  return TRUE;
}

/* --persona: an id, or a persona's exact name whatever its case. NULL,
 * having listed the map's personas, for anything else. */
static const char *
find_persona (JmDocument *doc,
              const char *input,
              const char *wanted)
{
  GPtrArray *personas = jm_document_get_personas (doc);
  g_autofree char *folded = g_utf8_casefold (wanted, -1);
  g_autoptr(GString) list = g_string_new (NULL);
  const char *found = NULL;

  if (jm_document_find_persona (doc, wanted) != NULL)
    return wanted;
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      g_autofree char *name = g_utf8_casefold (persona->name ? persona->name : "", -1);

      if (g_strcmp0 (name, folded) == 0)
        {
          if (found != NULL)
            {
              g_printerr (_("%s: more than one persona is called “%s”: give its id\n"), input, wanted);
              found = NULL;
              break;
            }
          found = persona->id;
        }
    }
  if (found != NULL)
    return found;

  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      g_string_append_printf (list, "  %s  %s\n", persona->id, persona->name ? persona->name : "");
    }
  g_printerr (_("%s: there is no persona with the id or name “%s”; the map's personas are (id, name):\n%s"),
              input, wanted, list->str);
  return NULL;
}

/* --poster, --poster-sheets-across, --overlap, --paper: a PDF poster by
 * sheets. FALSE (wrong usage, said) when they do not fit. */
static gboolean
parse_poster (const JmCliExport *options,
              JmExportOptions   *export_options)
{
  gboolean any = options->poster || options->across || options->overlap || options->paper;
  char *end = NULL;

  if (!any)
    return TRUE;
  if (!has_suffix_ci (options->output, ".pdf"))
    {
      g_printerr (_("--poster, --poster-sheets-across, --overlap and --paper make a PDF poster: "
                    "they do not apply to “%s”\n"), options->output);
      return FALSE;
    }
  if (options->poster != NULL && options->across != NULL)
    {
      g_printerr ("%s\n", _("Give either --poster or --poster-sheets-across, not both"));
      return FALSE;
    }
  if (options->poster != NULL)
    {
      guint64 cols = g_ascii_strtoull (options->poster, &end, 10), rows = 0;

      if (end != options->poster && (*end == 'x' || *end == 'X'))
        {
          const char *r = end + 1;

          rows = g_ascii_strtoull (r, &end, 10);
          if (end == r)
            rows = 0;
        }
      if (cols < 1 || cols > 50 || rows < 1 || rows > 50 || *end != '\0')
        {
          g_printerr (_("--poster needs COLSxROWS, such as 3x2 (1 to 50 each), not “%s”\n"), options->poster);
          return FALSE;
        }
      export_options->poster_columns = (guint) cols;
      export_options->poster_rows = (guint) rows;
    }
  if (options->across != NULL)
    {
      guint64 cols = g_ascii_strtoull (options->across, &end, 10);

      if (end == options->across || *end != '\0' || cols < 1 || cols > 50)
        {
          g_printerr (_("--poster-sheets-across needs a number from 1 to 50, not “%s”\n"), options->across);
          return FALSE;
        }
      export_options->poster_columns = (guint) cols;
    }
  if (export_options->poster_columns == 0)
    {
      g_printerr ("%s\n", _("--overlap and --paper go with --poster or --poster-sheets-across"));
      return FALSE;
    }
  if (options->overlap != NULL)
    {
      double mm = g_ascii_strtod (options->overlap, &end);

      if (end == options->overlap || *end != '\0' || !(mm >= 0 && mm <= JM_POSTER_OVERLAP_MAX_MM))
        {
          g_printerr (_("--overlap needs millimetres from 0 to 30, not “%s”\n"), options->overlap);
          return FALSE;
        }
      export_options->poster_overlap_mm = mm;
    }
  if (options->paper != NULL)
    {
      if (g_ascii_strcasecmp (options->paper, "a4") == 0)
        export_options->paper = JM_PAGE_A4;
      else if (g_ascii_strcasecmp (options->paper, "a3") == 0)
        export_options->paper = JM_PAGE_A3;
      else if (g_ascii_strcasecmp (options->paper, "letter") == 0)
        export_options->paper = JM_PAGE_LETTER;
      else
        {
          /* Translators: the paper names are typed on the command line: keep them. */
          g_printerr (_("Unknown paper “%s”: use a4, a3 or letter\n"), options->paper);
          return FALSE;
        }
    }
  if (options->page != NULL)
    {
      g_printerr ("%s\n", _("--page and a poster by sheets cannot be used together"));
      return FALSE;
    }
  return TRUE;
}

/* --personas, --summary: persona sheets or the one-page handout, as .pdf
 * or .png, on A4 or Letter. FALSE (wrong usage, said) for options that do
 * not go with them. */
static gboolean
parse_sheets (const JmCliExport *options,
              JmExportOptions   *export_options)
{
  const char *which = options->personas ? "--personas" : "--summary";

  if (!options->personas && !options->summary)
    return TRUE;
  if (options->personas && options->summary)
    {
      g_printerr ("%s\n", _("Give either --personas or --summary, not both"));
      return FALSE;
    }
  if (!has_suffix_ci (options->output, ".pdf") && !has_suffix_ci (options->output, ".png"))
    {
      g_printerr (_("%s does not apply to “%s”: it goes with %s\n"), which, options->output, ".pdf .png");
      return FALSE;
    }
  if (options->summary && options->persona != NULL)
    {
      g_printerr ("%s\n", _("--persona does not apply to the summary handout, which shows every persona"));
      return FALSE;
    }
  if (options->compare != NULL || options->poster != NULL || options->across != NULL || options->overlap != NULL
      || options->paper != NULL)
    {
      /* Translators: %s is --personas or --summary */
      g_printerr (_("--compare, --poster, --poster-sheets-across, --overlap and --paper do not apply to %s\n"),
                  which);
      return FALSE;
    }
  if (options->page != NULL)
    {
      if (g_strcmp0 (options->page, "a4") == 0)
        export_options->page = JM_PAGE_A4;
      else if (g_strcmp0 (options->page, "letter") == 0)
        export_options->page = JM_PAGE_LETTER;
      else
        {
          /* Translators: the page options are not translated: they are typed on the command line. */
          g_printerr (_("Unknown page option “%s” for %s: use a4 or letter\n"), options->page, which);
          return FALSE;
        }
    }
  else
    export_options->page = JM_PAGE_A4;
  export_options->content = options->personas ? JM_EXPORT_PERSONA_SHEETS : JM_EXPORT_HANDOUT;
  return TRUE;
}

/* --view=NAME: the map's view of that name (or id) for the export. */
static gboolean
apply_view (JmDocument      *doc,
            const char      *input,
            const char      *name,
            JmExportOptions *export_options)
{
  JmMapView *view = jm_document_lookup_view (doc, name);

  if (view == NULL)
    {
      GPtrArray *views = jm_document_get_views (doc);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < views->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", ((JmMapView *) g_ptr_array_index (views, i))->name);
      if (views->len == 0)
        g_printerr (_("%s: there is no view called “%s”: the map has no views\n"), input, name);
      else
        g_printerr (_("%s: there is no view called “%s”: the map has %s\n"), input, name, names->str);
      return FALSE;
    }
  export_options->view_id = view->id;
  return TRUE;
}

int
jm_cli_export (const JmCliExport  *options,
               const char * const *files)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = NULL;
  JmExportOptions export_options;
  const char *input;
  gboolean text_export;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("--export needs exactly one FILE to read"));
      return JM_EXIT_USAGE;
    }
  input = files[0];

  jm_export_options_init (&export_options);

  if (!isnan (options->scale))
    {
      if (!(options->scale >= 0.1 && options->scale <= 16))
        {
          g_printerr ("%s\n", _("--scale must lie between 0.1 and 16"));
          return JM_EXIT_USAGE;
        }
      export_options.scale = options->scale;
    }

  if (!parse_sheets (options, &export_options))
    return JM_EXIT_USAGE;

  /* A deck's page is its slides' shape. */
  if (export_options.content != JM_EXPORT_MAP)
    ;   /* parse_sheets took --page */
  else if (options->page != NULL && (has_suffix_ci (options->output, ".pptx") || has_suffix_ci (options->output, ".odp")))
    {
      if (g_strcmp0 (options->page, "4:3") != 0 && g_strcmp0 (options->page, "16:9") != 0)
        {
          /* Translators: the page options are not translated: they are typed on the command line. */
          g_printerr (_("Unknown page option “%s” for a deck: use 16:9 or 4:3\n"), options->page);
          return JM_EXIT_USAGE;
        }
      export_options.page_4_3 = g_strcmp0 (options->page, "4:3") == 0;
    }
  else if (options->page != NULL && !jm_page_option_from_string (options->page, &export_options.page))
    {
      /* Translators: the page options are not translated: they are typed on the command line. */
      g_printerr (_("Unknown page option “%s”: use fit, a4, a4-landscape, a3, a3-landscape, "
                    "letter, letter-landscape or poster-a4\n"), options->page);
      return JM_EXIT_USAGE;
    }

  if (options->theme != NULL && !jm_theme_from_string (options->theme, &export_options.theme))
    {
      g_printerr (_("Unknown theme “%s”: use light, dark, print or high-contrast\n"), options->theme);
      return JM_EXIT_USAGE;
    }

  /* A grid (map.grid.csv), the whole map as data (.csv) or a Mermaid
   * journey: text, no picture. */
  text_export = has_suffix_ci (options->output, ".mmd") || has_suffix_ci (options->output, ".csv");
  if (!parse_poster (options, &export_options))
    return JM_EXIT_USAGE;
  if (options->no_page_map)
    {
      if (!has_suffix_ci (options->output, ".pdf")
          || (export_options.page != JM_PAGE_POSTER_A4 && export_options.poster_columns == 0))
        {
          g_printerr (_("--no-page-map goes with a PDF poster (--poster, --poster-sheets-across or "
                        "--page=poster-a4): it does not apply to “%s”\n"), options->output);
          return JM_EXIT_USAGE;
        }
      export_options.poster_page_map = FALSE;
    }

  if (options->view != NULL && (text_export || has_suffix_ci (options->output, ".journey")))
    {
      g_printerr (_("--view does not apply to “%s”: it holds the whole map\n"), options->output);
      return JM_EXIT_USAGE;
    }
  if (text_export && (!isnan (options->scale) || options->page != NULL || options->theme != NULL))
    {
      g_printerr (_("--scale, --page and --theme do not apply to “%s”, which is text\n"), options->output);
      return JM_EXIT_USAGE;
    }

  if (!text_export
      && !has_suffix_ci (options->output, ".journey")
      && !has_suffix_ci (options->output, ".png")
      && !has_suffix_ci (options->output, ".pdf")
      && !has_suffix_ci (options->output, ".svg")
      && !has_suffix_ci (options->output, ".html")
      && !has_suffix_ci (options->output, ".pptx")
      && !has_suffix_ci (options->output, ".odp"))
    {
      g_printerr (_("Cannot tell the format of “%s”: name it .png, .pdf, .svg, .html, .pptx, .odp, .csv, .grid.csv, "
                    ".mmd or .journey\n"),
                  options->output);
      return JM_EXIT_USAGE;
    }

  if (options->compare != NULL && !has_suffix_ci (options->output, ".pdf")
      && !has_suffix_ci (options->output, ".png"))
    {
      g_printerr (_("--compare does not apply to “%s”: a comparison is written as .pdf or .png\n"),
                  options->output);
      return JM_EXIT_USAGE;
    }
  if (options->compare != NULL && options->page != NULL)
    {
      g_printerr ("%s\n", _("--page does not apply to a comparison, which is one page"));
      return JM_EXIT_USAGE;
    }
  if (options->lang != NULL && !jm_i18n_language_is_valid (options->lang))
    {
      g_printerr (_("--lang needs a language tag such as en or it, not “%s”\n"), options->lang);
      return JM_EXIT_USAGE;
    }
  if (!options_apply (options))
    return JM_EXIT_USAGE;
  export_options.language = options->lang;
  export_options.emotion_values = options->emotion_values;

  /* A .journey, or a map from Mermaid, CJML or a grid. */
  doc = jm_import_load_path (input, &problems, &error);
  if (doc == NULL)
    {
      jm_cli_print_problems (problems, error);
      return JM_EXIT_FAILURE;
    }
  /* What an import changed or left out. */
  jm_cli_print_problems (problems, NULL);

  if (options->persona != NULL)
    {
      export_options.persona_id = find_persona (doc, input, options->persona);
      if (export_options.persona_id == NULL)
        return JM_EXIT_USAGE;
    }

  if (options->view != NULL && !apply_view (doc, input, options->view, &export_options))
    return JM_EXIT_USAGE;

  if (options->import != NULL && !import_metrics (doc, input, options->import))
    return JM_EXIT_FAILURE;

  if (text_export)
    {
      gboolean saved;

      if (has_suffix_ci (options->output, ".mmd"))
        saved = jm_mermaid_save_path (doc, options->output, &error);
      else if (has_suffix_ci (options->output, ".grid.csv"))
        saved = jm_grid_save_path (doc, options->output, &error);
      else
        saved = jm_map_csv_save_path (doc, options->output, &error);
      if (!saved)
        {
          g_printerr ("%s\n", error->message);
          return JM_EXIT_FAILURE;
        }
      return JM_EXIT_OK;
    }

  if (has_suffix_ci (options->output, ".journey"))
    {
      if (!jm_writer_save_path (doc, options->output, &error))
        {
          g_printerr ("%s\n", error->message);
          return JM_EXIT_FAILURE;
        }
      return JM_EXIT_OK;
    }

  if (options->compare != NULL)
    return export_comparison (options, doc, &export_options);
  if (has_suffix_ci (options->output, ".png") && export_options.content == JM_EXPORT_MAP)
    {
      int width, height;

      /* A picture this large takes a while and a lot of disk: say so first. */
      jm_export_get_png_size (doc, &export_options, &width, &height);
      if ((double) width * height > 100e6)
        g_printerr (_("%s: writing a PNG of %d × %d pixels (%.0f megapixels)\n"), options->output, width, height,
                    (double) width * height / 1e6);
    }
  if (!jm_export_to_path (doc, options->output, &export_options, &error))
    {
      g_printerr ("%s\n", error->message);
      return JM_EXIT_FAILURE;
    }

  /* A poster says how many sheets it takes, before the printer learns it:
   * on standard output, as the result of a successful export (problems go
   * to standard error). */
  if (has_suffix_ci (options->output, ".pdf"))
    {
      guint columns, rows;
      guint sheets = jm_export_count_poster_sheets (doc, &export_options, &columns, &rows);

      guint pages = jm_export_count_map_pages (doc, &export_options, &columns, &rows);

      if (pages > 1)
        /* Translators: the output file, then the pages the map is cut into,
         * as "14 pages (2 × 7)" */
        g_print (_("%s: the map is larger than a PDF page can be (200 inches): it is on %u pages (%u × %u) "
                   "at its true size, each with the stage and lane titles\n"),
                 options->output, pages, columns, rows);
      if (sheets > 0)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sheet (%u × %u)",
                                                                 "%u sheets (%u × %u)", sheets),
                                                    sheets, columns, rows);

          if (export_options.poster_page_map)
            /* Translators: a poster's output file, then its sheets counted,
             * such as "6 sheets (3 × 2)" */
            g_print (_("%s: %s, and a page map sheet\n"), options->output, count);
          else
            g_print ("%s: %s\n", options->output, count);
        }
    }

  return JM_EXIT_OK;
}
