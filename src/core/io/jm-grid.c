/* jm-grid.c — a map as a grid in CSV: see jm-grid.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "jm-csv-reader.h"
#include "jm-grid.h"
#include "jm-import-private.h"
#include "jm-text-match.h"

typedef enum {
  HEADER_NONE,
  HEADER_ANY,      /* an empty first cell */
  HEADER_STAGES,
  HEADER_STEPS,
} HeaderKind;

/* What the first cell of a header row may say instead of nothing. */
static HeaderKind
header_kind (const char *first_cell)
{
  static const char * const stages[] = { "stage", "stages", "phase", "phases", "fase", "fasi", NULL };
  static const char * const steps[] = {
    "step", "steps", "passo", "passi", "lane", "lanes", "corsia", "corsie", NULL
  };
  g_autofree char *folded = jm_text_fold (first_cell);

  if (*folded == '\0')
    return HEADER_ANY;
  if (g_strv_contains (stages, folded))
    return HEADER_STAGES;
  if (g_strv_contains (steps, folded))
    return HEADER_STEPS;
  return HEADER_NONE;
}

/* "Pain points [pain-points]": the title and the kind, when the brackets
 * hold one. *bracket gets what the brackets held, if anything. */
static char *
split_lane_name (const char  *cell,
                 JmLaneKind  *kind,
                 gboolean    *has_kind,
                 char       **bracket)
{
  g_autofree char *name = g_strstrip (g_strdup (cell));
  gsize n = strlen (name);
  char *open;

  *has_kind = FALSE;
  *bracket = NULL;
  if (n > 0 && name[n - 1] == ']' && (open = strrchr (name, '[')) != NULL)
    {
      g_autofree char *inside = g_strstrip (g_strndup (open + 1, (gsize) (name + n - 1 - (open + 1))));
      g_autofree char *lower = g_ascii_strdown (inside, -1);

      if (jm_lane_kind_from_string (lower, kind))
        {
          *has_kind = TRUE;
          *open = '\0';
          return g_strstrip (g_strdup (name));
        }
      *bracket = g_steal_pointer (&inside);
    }
  return g_steal_pointer (&name);
}

/* A lane named like a kind ("Touchpoints", "Punti di contatto") is of it. */
static JmLaneKind
guess_kind (const char *title)
{
  g_autofree char *folded = jm_text_fold (title);

  for (int k = 0; k < JM_N_LANE_KINDS; k++)
    {
      g_autofree char *name = jm_text_fold (jm_lane_kind_to_string ((JmLaneKind) k));
      g_autofree char *label = jm_text_fold (jm_lane_kind_get_label ((JmLaneKind) k));

      if (k != JM_LANE_TEXT && (strcmp (folded, name) == 0 || strcmp (folded, label) == 0))
        return (JmLaneKind) k;
    }
  return JM_LANE_TEXT;
}

gboolean
jm_grid_looks_like (const char *data,
                    gsize       len)
{
  g_autoptr(JmCsvReader) reader = NULL;
  GPtrArray *fields;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  jm_csv_skip_bom (&data, &len);
  reader = jm_csv_reader_new (data, len, jm_csv_detect_separator (data, len));
  fields = jm_csv_reader_next (reader, NULL);
  if (fields == NULL || fields->len < 2)
    return FALSE;
  if (header_kind (g_ptr_array_index (fields, 0)) != HEADER_NONE)
    return TRUE;
  /* Or a lane with its kind, in the first rows. */
  for (guint r = 0; r < 20 && (fields = jm_csv_reader_next (reader, NULL)) != NULL; r++)
    {
      JmLaneKind kind;
      gboolean has_kind;
      g_autofree char *bracket = NULL;
      g_autofree char *title = split_lane_name (g_ptr_array_index (fields, 0), &kind, &has_kind, &bracket);

      if (has_kind)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  const char *name;
  GPtrArray  *errors;
  GPtrArray  *warnings;
} Ctx;

static void G_GNUC_PRINTF (4, 5)
add_problem (Ctx        *ctx,
             GPtrArray  *list,
             int         line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (list->len >= JM_IMPORT_MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (list, jm_problem_new (ctx->name, line, message));
}

static GStrv
copy_fields (GPtrArray *fields)
{
  GStrv copy = g_new0 (char *, fields->len + 1);

  for (guint i = 0; i < fields->len; i++)
    copy[i] = g_strdup (g_ptr_array_index (fields, i));
  return copy;
}

static JmDocument *
read_grid (Ctx        *ctx,
           const char *data,
           gsize       len)
{
  g_autoptr(JmCsvReader) reader = jm_csv_reader_new (data, len, jm_csv_detect_separator (data, len));
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) header_lines = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_lane_free);
  g_autoptr(GPtrArray) step_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  JmDocument *doc;
  GStrv stage_row = NULL, step_row;
  GPtrArray *fields;
  JmLane *lane = NULL;
  guint n_steps, n_cards = 0;
  int line;
  char *dot;

  /* The header rows: those whose first cell is empty (or says so). */
  while ((fields = jm_csv_reader_next (reader, &line)) != NULL
         && header_kind (g_ptr_array_index (fields, 0)) != HEADER_NONE)
    {
      if (headers->len == 2)
        {
          add_problem (ctx, ctx->errors, line,
                       _("A grid has at most two header rows, stages then steps; a lane’s row names its lane in "
                         "the first cell"));
          return NULL;
        }
      g_ptr_array_add (headers, copy_fields (fields));
      g_array_append_val (header_lines, line);
    }
  if (headers->len == 0)
    {
      add_problem (ctx, ctx->errors, fields != NULL ? line : 1,
                   _("A grid starts with a row of step names whose first cell is empty"));
      return NULL;
    }
  if (headers->len == 2)
    stage_row = g_ptr_array_index (headers, 0);
  else if (header_kind (((GStrv) g_ptr_array_index (headers, 0))[0]) == HEADER_STAGES)
    {
      add_problem (ctx, ctx->errors, g_array_index (header_lines, int, 0),
                   _("The stages’ row must be followed by the steps’ row"));
      return NULL;
    }
  step_row = g_ptr_array_index (headers, headers->len - 1);

  /* Trailing empty columns are no steps; a step without a name is
   * written " " (see jm_grid_to_string()). */
  n_steps = g_strv_length (step_row);
  while (n_steps > 1 && *step_row[n_steps - 1] == '\0'
         && (stage_row == NULL || n_steps > g_strv_length (stage_row) || *stage_row[n_steps - 1] == '\0'))
    n_steps--;
  n_steps--;   /* the first column is the lanes' */
  if (n_steps == 0)
    {
      add_problem (ctx, ctx->errors, g_array_index (header_lines, int, headers->len - 1),
                   _("The steps’ row names no step"));
      return NULL;
    }

  doc = jm_document_new ();
  title = g_path_get_basename (ctx->name);
  dot = strstr (title, ".grid.csv");
  if (dot == NULL)
    dot = strrchr (title, '.');
  if (dot != NULL && dot != title)
    *dot = '\0';
  jm_document_build_header (doc, title, NULL, NULL, JM_MAP_STATE_CURRENT);

  /* Stages: a name over the first step of each. */
  {
    JmStage *stage = NULL;
    guint n_stages = 0;

    for (guint c = 1; c <= n_steps; c++)
      {
        const char *stage_name = stage_row != NULL && c < g_strv_length (stage_row) ? stage_row[c] : "";
        g_autofree char *step_id = g_strdup_printf ("step-%u", c);
        g_autofree char *name = g_strstrip (g_strdup (stage_name));
        g_autofree char *step_name = g_strstrip (g_strdup (c < g_strv_length (step_row) ? step_row[c] : ""));

        /* Any cell, even of spaces, starts a stage: " " is one without a name. */
        if (stage == NULL || *stage_name != '\0')
          {
            g_autofree char *stage_id = g_strdup_printf ("stage-%u", ++n_stages);

            if (stage != NULL)
              jm_document_build_stage (doc, stage);
            stage = jm_stage_new (stage_id, stage_row != NULL ? name : _("Journey"));
          }
        g_ptr_array_add (stage->steps, jm_step_new (step_id, step_name));
        g_ptr_array_add (step_ids, g_strdup (step_id));
      }
    jm_document_build_stage (doc, stage);
    if (stage_row != NULL)
      for (guint c = n_steps + 1; c < g_strv_length (stage_row); c++)
        if (*g_strstrip (stage_row[c]) != '\0')
          add_problem (ctx, ctx->warnings, g_array_index (header_lines, int, 0),
                       _("The stage “%s” has no step under it; it is left out"), stage_row[c]);
  }

  /* The lanes: the record in hand, then the rest. */
  for (; fields != NULL; fields = jm_csv_reader_next (reader, &line))
    {
      const char *first = g_ptr_array_index (fields, 0);
      g_autofree char *first_stripped = g_strstrip (g_strdup (first));

      /* An empty first cell continues the lane above. */
      if (*first_stripped != '\0' || lane == NULL)
        {
          JmLaneKind kind = JM_LANE_TEXT;
          gboolean has_kind;
          g_autofree char *bracket = NULL;
          g_autofree char *name = split_lane_name (first, &kind, &has_kind, &bracket);
          g_autofree char *lane_id = g_strdup_printf ("lane-%u", lanes->len + 1);

          if (bracket != NULL)
            add_problem (ctx, ctx->warnings, line,
                         _("“%s” is not a kind of lane (text, touchpoints, emotions, pain-points, opportunities, "
                           "metrics, backstage or images); the lane is read by its name"), bracket);
          if (!has_kind)
            kind = guess_kind (name);
          lane = jm_lane_new (lane_id, kind, name);
          g_ptr_array_add (lanes, lane);
        }

      for (guint c = 1; c < fields->len; c++)
        {
          const char *text = g_ptr_array_index (fields, c);
          g_autofree char *stripped = g_strstrip (g_strdup (text));
          g_autofree char *card_id = NULL;

          if (*stripped == '\0')
            continue;
          if (c > n_steps)
            {
              add_problem (ctx, ctx->warnings, line,
                           _("The cell in column %u has no step above it; “%s” is left out"), c + 1, stripped);
              continue;
            }
          card_id = g_strdup_printf ("card-%u", ++n_cards);
          /* Cards come in reading order: by step, then by row. */
          g_ptr_array_add (lane->cards, jm_card_new (card_id, g_ptr_array_index (step_ids, c - 1), text));
        }
    }

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *each = g_ptr_array_index (lanes, l);

      /* Rows add cards across the steps: put them in step order, keeping
       * the rows' order within a cell. */
      for (guint i = 1; i < each->cards->len; i++)
        for (guint j = i; j > 0; j--)
          {
            JmCard *a = g_ptr_array_index (each->cards, j - 1);
            JmCard *b = g_ptr_array_index (each->cards, j);
            guint sa = (guint) atoi (a->step_id + strlen ("step-"));
            guint sb = (guint) atoi (b->step_id + strlen ("step-"));

            if (sa <= sb)
              break;
            g_ptr_array_index (each->cards, j - 1) = b;
            g_ptr_array_index (each->cards, j) = a;
          }
      jm_document_build_lane (doc, g_ptr_array_steal_index (lanes, l));
      l--;
    }
  return doc;
}

JmDocument *
jm_grid_load_bytes (const char  *display_name,
                    const char  *data,
                    gsize        len,
                    GPtrArray  **problems,
                    GError     **error)
{
  Ctx ctx = { display_name, NULL, NULL };
  JmDocument *doc = NULL;
  JmIoError code = JM_IO_ERROR_INVALID;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  ctx.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  ctx.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);

  jm_csv_skip_bom (&data, &len);
  if (len > JM_CSV_MAX_BYTES)
    {
      code = JM_IO_ERROR_TOO_LARGE;
      add_problem (&ctx, ctx.errors, 0, _("The file is too large"));
    }
  else if (!g_utf8_validate (data, (gssize) len, NULL) || memchr (data, '\0', len) != NULL)
    {
      code = JM_IO_ERROR_MALFORMED;
      add_problem (&ctx, ctx.errors, 0, _("The file is not UTF-8 text"));
    }
  else if (len == 0)
    {
      code = JM_IO_ERROR_NOT_A_MAP;
      add_problem (&ctx, ctx.errors, 0, _("The file is empty"));
    }
  else
    {
      /* Only what a map can keep (jm_text_clean()). */
      g_autofree char *clean = jm_text_clean_len (data, len);

      doc = read_grid (&ctx, clean, strlen (clean));
    }
  return jm_import_finish (doc, code, ctx.errors, ctx.warnings, problems, error);
}

/* ---- writing ---- */

static void
end_row (GString *out)
{
  g_string_append_c (out, '\n');
}

char *
jm_grid_to_string (JmDocument *document,
                   gsize      *len)
{
  GString *out = g_string_new (NULL);
  GPtrArray *stages, *lanes;
  guint n_steps;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  stages = jm_document_get_stages (document);
  lanes = jm_document_get_lanes (document);
  n_steps = jm_document_get_n_steps (document);

  /* The stages, over the first step of each; then the steps. */
  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      for (guint t = 0; t < stage->steps->len; t++)
        {
          g_string_append_c (out, ',');
          /* " " for a stage without a name: an empty cell continues the one before. */
          if (t == 0)
            jm_csv_append_field (out, *stage->name != '\0' ? stage->name : " ", ',');
        }
    }
  end_row (out);
  for (guint c = 0; c < n_steps; c++)
    {
      const char *name = jm_document_get_step (document, c)->name;

      g_string_append_c (out, ',');
      /* " " for a step without a name, so the last is not taken for no step. */
      jm_csv_append_field (out, *name != '\0' ? name : " ", ',');
    }
  end_row (out);

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);
      g_autofree GPtrArray **cells = g_new0 (GPtrArray *, n_steps);
      guint rows = 1;
      g_autofree char *name = NULL;

      for (guint i = 0; i < lane->cards->len; i++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, i);
          int column = jm_document_get_step_column (document, card->step_id);

          if (column < 0)
            continue;
          if (cells[column] == NULL)
            cells[column] = g_ptr_array_new ();
          g_ptr_array_add (cells[column], card->text);
          rows = MAX (rows, cells[column]->len);
        }

      name = *lane->title != '\0'
             ? g_strdup_printf ("%s [%s]", lane->title, jm_lane_kind_to_string (lane->kind))
             : g_strdup_printf ("[%s]", jm_lane_kind_to_string (lane->kind));
      for (guint r = 0; r < rows; r++)
        {
          if (r == 0)
            jm_csv_append_field (out, name, ',');
          for (guint c = 0; c < n_steps; c++)
            {
              g_string_append_c (out, ',');
              if (cells[c] != NULL && r < cells[c]->len)
                {
                  /* A card without text has no cell of its own: it is lost. */
                  jm_csv_append_field (out, g_ptr_array_index (cells[c], r), ',');
                }
            }
          end_row (out);
        }
      for (guint c = 0; c < n_steps; c++)
        if (cells[c] != NULL)
          g_ptr_array_unref (cells[c]);
    }

  if (len != NULL)
    *len = out->len;
  return g_string_free (out, FALSE);
}

gboolean
jm_grid_save_path (JmDocument  *document,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  gsize len;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = jm_grid_to_string (document, &len);
  return jm_import_save_text (path, text, len, error);
}
