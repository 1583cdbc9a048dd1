/* jm-import.c — see jm-import.h and jm-import-private.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jm-cjml.h"
#include "jm-grid.h"
#include "jm-import.h"
#include "jm-import-private.h"
#include "jm-map-csv.h"
#include "jm-mermaid.h"
#include "jm-reader.h"
#include "jm-survey.h"

JmDocument *
jm_import_finish (JmDocument  *doc,
                  JmIoError    code,
                  GPtrArray   *errors,
                  GPtrArray   *warnings,
                  GPtrArray  **problems,
                  GError     **error)
{
  if (problems != NULL)
    *problems = NULL;

  if (errors->len > 0 || doc == NULL)
    {
      g_clear_object (&doc);
      if (errors->len == 0)
        g_ptr_array_add (errors, jm_problem_new ("", 0, _("The file could not be read")));
      {
        g_autofree char *first = jm_problem_format (g_ptr_array_index (errors, 0));

        g_set_error_literal (error, JM_IO_ERROR, code, first);
      }
      if (problems != NULL)
        *problems = g_ptr_array_ref (errors);
    }
  else
    {
      jm_history_clear (jm_document_get_history (doc));
      if (problems != NULL && warnings->len > 0)
        *problems = g_ptr_array_ref (warnings);
    }
  g_ptr_array_unref (errors);
  g_ptr_array_unref (warnings);
  return doc;
}

gboolean
jm_import_save_text (const char  *path,
                     const char  *text,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Temporary file beside it, flushed, renamed: never half a file. */
  if (!g_file_set_contents_full (path, text, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_WRITE, "%s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, suffix);
}

/* Whether the bytes start, after a byte-order mark and spaces, with "<". */
static gboolean
looks_like_xml (const char *data,
                gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<';
}

static gboolean
is_survey (const char *data,
           gsize       len)
{
  g_autoptr(JmDocument) scratch = jm_document_new ();
  g_autoptr(JmSurveyImport) import = NULL;
  gsize head = len;

  /* The header rows say it: a few kilobytes are enough. */
  for (gsize i = 0, lines = 0; i < len; i++)
    if (data[i] == '\n' && ++lines == 4)
      {
        head = i + 1;
        break;
      }
  import = jm_survey_import_load_bytes (scratch, "", data, head, NULL);
  return import != NULL && import->layout != JM_SURVEY_LAYOUT_TABLE;
}

/* What the sniffers below look at: the start says what a file is, and a
 * huge file of junk is not scanned whole. */
#define SNIFF_BYTES (1024 * 1024)

JmImportFormat
jm_import_detect (const char *name,
                  const char *data,
                  gsize       len)
{
  g_return_val_if_fail (data != NULL || len == 0, JM_IMPORT_FORMAT_JOURNEY);

  len = MIN (len, SNIFF_BYTES);

  /* UTF-16 and other encodings: only XML declares them. */
  if (len >= 2 && (data[0] == '\0' || data[1] == '\0' || (guchar) data[0] >= 0xfe))
    return JM_IMPORT_FORMAT_JOURNEY;
  if (looks_like_xml (data, len))
    return jm_cjml_is_cjml (data, len) ? JM_IMPORT_FORMAT_CJML : JM_IMPORT_FORMAT_JOURNEY;
  if (len > 0 && jm_mermaid_is_journey (data, len))
    return JM_IMPORT_FORMAT_MERMAID;
  if (len > 0 && !has_suffix (name, ".csv") && jm_mermaid_has_markdown_block (data, len))
    return JM_IMPORT_FORMAT_MARKDOWN;
  /* Its header names its columns: before the grid, which reads any first row. */
  if (len > 0 && jm_map_csv_looks_like (data, len))
    return JM_IMPORT_FORMAT_MAP_CSV;
  if (len > 0 && jm_grid_looks_like (data, len))
    return JM_IMPORT_FORMAT_GRID;
  if (len > 0 && is_survey (data, len))
    return JM_IMPORT_FORMAT_SURVEY;

  /* The content says nothing we know: the name may. */
  if (has_suffix (name, ".mmd") || has_suffix (name, ".mermaid"))
    return JM_IMPORT_FORMAT_MERMAID;
  if (has_suffix (name, ".md") || has_suffix (name, ".markdown"))
    return JM_IMPORT_FORMAT_MARKDOWN;
  if (has_suffix (name, ".csv") || has_suffix (name, ".tsv"))
    return JM_IMPORT_FORMAT_GRID;
  return JM_IMPORT_FORMAT_JOURNEY;
}

const char *
jm_import_format_get_label (JmImportFormat format)
{
  switch (format)
    {
    case JM_IMPORT_FORMAT_MERMAID:
      return _("a Mermaid journey");
    case JM_IMPORT_FORMAT_MARKDOWN:
      return _("a Mermaid journey in Markdown");
    case JM_IMPORT_FORMAT_CJML:
      return _("a CJML journey");
    case JM_IMPORT_FORMAT_GRID:
      return _("a grid of cards (CSV)");
    case JM_IMPORT_FORMAT_SURVEY:
      return _("survey responses");
    case JM_IMPORT_FORMAT_MAP_CSV:
      return _("a whole map (CSV)");
    case JM_IMPORT_FORMAT_JOURNEY:
    default:
      return _("a journey map");
    }
}

static JmDocument *
refuse_survey (const char  *display_name,
               GPtrArray  **problems,
               GError     **error)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);

  g_ptr_array_add (errors, jm_problem_new (display_name, 0,
                                           _("This file holds survey responses, not a map: apply them to a map "
                                             "with --import-metrics, or in the editor with Import Survey "
                                             "Responses")));
  return jm_import_finish (NULL, JM_IO_ERROR_NOT_A_MAP, errors, warnings, problems, error);
}

JmDocument *
jm_import_load_bytes (const char  *display_name,
                      const char  *data,
                      gsize        len,
                      GPtrArray  **problems,
                      GError     **error)
{
  JmImportFormat format;
  JmDocument *doc = NULL;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  format = jm_import_detect (display_name, data, len);
  switch (format)
    {
    case JM_IMPORT_FORMAT_JOURNEY:
      return jm_reader_load_bytes (display_name, data, len, problems, error);
    case JM_IMPORT_FORMAT_MERMAID:
    case JM_IMPORT_FORMAT_MARKDOWN:
      doc = jm_mermaid_load_bytes (display_name, data, len, format == JM_IMPORT_FORMAT_MARKDOWN, problems, error);
      break;
    case JM_IMPORT_FORMAT_CJML:
      doc = jm_cjml_load_bytes (display_name, data, len, problems, error);
      break;
    case JM_IMPORT_FORMAT_GRID:
      doc = jm_grid_load_bytes (display_name, data, len, problems, error);
      break;
    case JM_IMPORT_FORMAT_MAP_CSV:
      doc = jm_map_csv_load_bytes (display_name, data, len, problems, error);
      break;
    case JM_IMPORT_FORMAT_SURVEY:
    default:
      return refuse_survey (display_name, problems, error);
    }

  /* In no file yet: saving it is the user's choice of where. */
  if (doc != NULL)
    jm_history_set_unsaved (jm_document_get_history (doc));
  return doc;
}

/* The file mapped, or NULL when the reader is to read it: a .journey
 * file, or one it refuses itself (folders, devices, pipes, missing and
 * huge files: the reader says why). */
static GMappedFile *
map_import (const char *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;
  const char *data;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > 64 * 1024 * 1024)
    return NULL;
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  /* A .journey file is read as it always was, by the reader. */
  if (jm_import_detect (path, data != NULL ? data : "", g_mapped_file_get_length (mapped))
      == JM_IMPORT_FORMAT_JOURNEY)
    return NULL;
  return g_steal_pointer (&mapped);
}

static JmDocument *
load_mapped (const char   *path,
             GMappedFile  *mapped,
             GPtrArray   **problems,
             GError      **error)
{
  const char *data = g_mapped_file_get_contents (mapped);

  return jm_import_load_bytes (path, data != NULL ? data : "", g_mapped_file_get_length (mapped),
                               problems, error);
}

JmDocument *
jm_import_load_path (const char  *path,
                     GPtrArray  **problems,
                     GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = map_import (path);
  if (mapped == NULL)
    return jm_reader_load_path (path, problems, error);
  return load_mapped (path, mapped, problems, error);
}

gboolean
jm_import_check_path (const char  *path,
                      GPtrArray  **problems,
                      GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(JmDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  mapped = map_import (path);
  if (mapped == NULL)
    return jm_reader_check_path (path, problems, error);
  doc = load_mapped (path, mapped, problems, error);
  return doc != NULL;
}
