/* jm-map-csv.c — the whole map as a long-form CSV: see jm-map-csv.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "jm-csv-reader.h"
#include "jm-import-private.h"
#include "jm-map-csv.h"
#include "jm-number.h"
#include "jm-text-match.h"

typedef enum {
  COL_RECORD,
  COL_STAGE,
  COL_COLUMN,
  COL_STEP,
  COL_LANE,
  COL_LANE_KIND,
  COL_TEXT,
  COL_SPAN,
  COL_CHANNEL,
  COL_MOMENT_OF_TRUTH,
  COL_SEVERITY,
  COL_PRIORITY,
  COL_OWNER,
  COL_EVIDENCE,
  COL_PERSONAS,
  COL_STATE,
  COL_SCORE,
  COL_METRIC_KIND,
  COL_METRIC_NAME,
  COL_METRIC_UNIT,
  COL_METRIC_BETTER,
  COL_METRIC_VALUE,
  COL_METRIC_TARGET,
  COL_METRIC_SAMPLE,
  COL_METRIC_DATE,
  N_COLS
} Col;

/* Not translated: a data format's names, as a BI tool's pivots see them. */
static const char * const col_names[N_COLS] = {
  "record", "stage", "column", "step", "lane", "lane_kind", "text", "span", "channel",
  "moment_of_truth", "severity", "priority", "owner", "evidence", "personas", "state",
  "score", "metric_kind", "metric_name", "metric_unit", "metric_better",
  "metric_value", "metric_target", "metric_sample", "metric_date",
};

/* A card's personas are joined with this; a name holding ";" is split. */
#define PERSONA_SEPARATOR "; "

static const char *
state_to_string (JmMapState state)
{
  return state == JM_MAP_STATE_FUTURE ? "to-be" : "as-is";
}

static gboolean
state_from_string (const char *str,
                   JmMapState *out)
{
  if (g_ascii_strcasecmp (str, "as-is") == 0 || g_ascii_strcasecmp (str, "current") == 0)
    *out = JM_MAP_STATE_CURRENT;
  else if (g_ascii_strcasecmp (str, "to-be") == 0 || g_ascii_strcasecmp (str, "future") == 0)
    *out = JM_MAP_STATE_FUTURE;
  else
    return FALSE;
  return TRUE;
}

/* ---- writing ---- */

/* The shortest decimal form that reads back as the same double (as the
 * .journey writer does), so that export → import → export is stable. */
static char *
format_number (double value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    value = 0;   /* no "-0" */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

typedef struct {
  char *cells[N_COLS];
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_COLS; i++)
    g_clear_pointer (&row->cells[i], g_free);
}

static void
row_set (Row        *row,
         Col         col,
         const char *value)
{
  g_free (row->cells[col]);
  row->cells[col] = g_strdup (value);
}

static void
row_take (Row  *row,
          Col   col,
          char *value)
{
  g_free (row->cells[col]);
  row->cells[col] = value;
}

static void
row_write (GString *out,
           Row     *row)
{
  for (guint i = 0; i < N_COLS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (row->cells[i] != NULL)
        jm_csv_append_field (out, row->cells[i], ',');
    }
  g_string_append_c (out, '\n');
  row_clear (row);
}

/* Stage, column and step of a step id. */
static void
row_set_step (Row        *row,
              JmDocument *document,
              const char *step_id)
{
  int column = jm_document_get_step_column (document, step_id);
  JmStage *stage = jm_document_get_step_stage (document, step_id);

  if (column < 0 || stage == NULL)
    return;
  row_set (row, COL_STAGE, stage->name);
  row_take (row, COL_COLUMN, g_strdup_printf ("%d", column + 1));
  row_set (row, COL_STEP, jm_document_get_step (document, (guint) column)->name);
}

static void
row_set_metric (Row            *row,
                const JmMetric *metric)
{
  row_set (row, COL_RECORD, "metric");
  row_set (row, COL_METRIC_KIND, jm_metric_kind_to_string (metric->kind));
  row_set (row, COL_METRIC_NAME, metric->name);
  row_set (row, COL_METRIC_UNIT, metric->unit);
  if (metric->kind == JM_METRIC_CUSTOM)
    row_set (row, COL_METRIC_BETTER, metric->higher_is_better ? "higher" : "lower");
  row_take (row, COL_METRIC_VALUE, format_number (metric->value));
  if (metric->has_target)
    row_take (row, COL_METRIC_TARGET, format_number (metric->target));
  if (metric->sample_size > 0)
    row_take (row, COL_METRIC_SAMPLE, g_strdup_printf ("%u", metric->sample_size));
  row_set (row, COL_METRIC_DATE, metric->date);
}

static void
row_set_card (Row        *row,
              JmDocument *document,
              JmLane     *lane,
              JmCard     *card)
{
  row_set_step (row, document, card->step_id);
  row_set (row, COL_LANE, lane->title);
  row_set (row, COL_LANE_KIND, jm_lane_kind_to_string (lane->kind));
  row_set (row, COL_TEXT, card->text);
}

char *
jm_map_csv_to_string (JmDocument *document,
                      gsize      *len)
{
  GString *out = g_string_new (NULL);
  GPtrArray *personas, *stages, *lanes, *emotions;
  Row row = { { NULL } };

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  personas = jm_document_get_personas (document);
  stages = jm_document_get_stages (document);
  lanes = jm_document_get_lanes (document);
  emotions = jm_document_get_emotions (document);

  for (guint i = 0; i < N_COLS; i++)
    row_set (&row, (Col) i, col_names[i]);
  row_write (out, &row);

  row_set (&row, COL_RECORD, "map");
  row_set (&row, COL_TEXT, jm_document_get_title (document));
  row_set (&row, COL_STATE, state_to_string (jm_document_get_state (document)));
  row_write (out, &row);

  for (guint p = 0; p < personas->len; p++)
    {
      JmPersona *persona = g_ptr_array_index (personas, p);

      row_set (&row, COL_RECORD, "persona");
      row_set (&row, COL_PERSONAS, persona->name);
      row_write (out, &row);
    }

  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      row_set (&row, COL_RECORD, "stage");
      row_set (&row, COL_STAGE, stage->name);
      row_write (out, &row);
      for (guint m = 0; m < stage->metrics->len; m++)
        {
          row_set_metric (&row, g_ptr_array_index (stage->metrics, m));
          row_set (&row, COL_STAGE, stage->name);
          row_write (out, &row);
        }
      for (guint t = 0; t < stage->steps->len; t++)
        {
          JmStep *step = g_ptr_array_index (stage->steps, t);

          row_set (&row, COL_RECORD, "step");
          row_set_step (&row, document, step->id);
          row_write (out, &row);
        }
    }

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      row_set (&row, COL_RECORD, "lane");
      row_set (&row, COL_LANE, lane->title);
      row_set (&row, COL_LANE_KIND, jm_lane_kind_to_string (lane->kind));
      row_write (out, &row);
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          row_set (&row, COL_RECORD, "card");
          row_set_card (&row, document, lane, card);
          row_take (&row, COL_SPAN, g_strdup_printf ("%u", card->span));
          if (card->channel != JM_CHANNEL_NONE)
            row_set (&row, COL_CHANNEL, jm_channel_to_string (card->channel));
          if (card->moment_of_truth)
            row_set (&row, COL_MOMENT_OF_TRUTH, "yes");
          if (card->severity != JM_SEVERITY_NONE)
            row_set (&row, COL_SEVERITY, jm_severity_to_string (card->severity));
          if (card->priority != JM_PRIORITY_NONE)
            row_set (&row, COL_PRIORITY, jm_priority_to_string (card->priority));
          row_set (&row, COL_OWNER, card->owner);
          if (card->evidence != JM_EVIDENCE_NONE)
            row_set (&row, COL_EVIDENCE, jm_evidence_to_string (card->evidence));
          if (card->personas != NULL && card->personas[0] != NULL)
            {
              GString *names = g_string_new (NULL);

              for (guint p = 0; card->personas[p] != NULL; p++)
                {
                  JmPersona *persona = jm_document_find_persona (document, card->personas[p]);

                  if (persona == NULL)
                    continue;
                  if (names->len > 0)
                    g_string_append (names, PERSONA_SEPARATOR);
                  g_string_append (names, persona->name);
                }
              row_take (&row, COL_PERSONAS, g_string_free (names, FALSE));
            }
          row_write (out, &row);

          for (guint m = 0; m < card->metrics->len; m++)
            {
              row_set_metric (&row, g_ptr_array_index (card->metrics, m));
              row_set_card (&row, document, lane, card);
              row_write (out, &row);
            }
        }
    }

  for (guint e = 0; e < emotions->len; e++)
    {
      JmEmotion *emotion = g_ptr_array_index (emotions, e);
      JmPersona *persona = jm_document_find_persona (document, emotion->persona_id);

      if (persona == NULL || jm_document_get_step_column (document, emotion->step_id) < 0)
        continue;
      row_set (&row, COL_RECORD, "emotion");
      row_set_step (&row, document, emotion->step_id);
      row_set (&row, COL_PERSONAS, persona->name);
      row_set (&row, COL_STATE, state_to_string (emotion->curve));
      row_take (&row, COL_SCORE, format_number (emotion->score));
      row_write (out, &row);
    }

  if (len != NULL)
    *len = out->len;
  return g_string_free (out, FALSE);
}

gboolean
jm_map_csv_save_path (JmDocument  *document,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  gsize len;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = jm_map_csv_to_string (document, &len);
  return jm_import_save_text (path, text, len, error);
}

/* ---- reading ---- */

/* Where each column is in the file: -1 when it has none. */
typedef struct {
  int at[N_COLS];
} Header;

static gboolean
read_header (GPtrArray *fields,
             Header    *header)
{
  for (guint c = 0; c < N_COLS; c++)
    header->at[c] = -1;
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_ptr_array_index (fields, i), -1);

      g_strstrip (name);

      for (guint c = 0; c < N_COLS; c++)
        if (strcmp (name, col_names[c]) == 0 && header->at[c] < 0)
          header->at[c] = (int) i;
    }
  /* The record column first, and the two that no other CSV has. */
  return header->at[COL_RECORD] == 0 && header->at[COL_LANE_KIND] >= 0 && header->at[COL_METRIC_KIND] >= 0;
}

gboolean
jm_map_csv_looks_like (const char *data,
                       gsize       len)
{
  g_autoptr(JmCsvReader) reader = NULL;
  GPtrArray *fields;
  Header header;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  jm_csv_skip_bom (&data, &len);
  reader = jm_csv_reader_new (data, len, jm_csv_detect_separator (data, len));
  fields = jm_csv_reader_next (reader, NULL);
  return fields != NULL && read_header (fields, &header);
}

typedef struct {
  const char *name;
  GPtrArray  *errors;
  GPtrArray  *warnings;
  Header      header;
  GPtrArray  *fields;   /* the record in hand */
  int         line;

  /* What the rows build, handed to the document at the end. */
  char       *title;
  JmMapState  state;
  GPtrArray  *personas;   /* JmPersona* */
  GPtrArray  *stages;     /* JmStage* */
  GPtrArray  *steps;      /* JmStep*, borrowed from stages: the columns */
  GPtrArray  *lanes;      /* JmLane* */
  GPtrArray  *emotions;   /* JmEmotion* */
  /* Look-ups by name, so that a long file reads in linear time. */
  GHashTable *persona_by_name;  /* name → JmPersona*, the first of that name */
  GHashTable *lane_by_name;     /* title → JmLane*, the first of that title */
  GHashTable *stage_by_name;    /* name → JmStage*, the last so far */
  GHashTable *scored;           /* "persona-id step-id curve" of each emotion read */
  JmCard     *last_card;  /* borrowed: a metric row's card */
  JmLane     *last_lane;  /* borrowed */
  guint       n_cards;
  guint       n_metrics;
} Ctx;

static void G_GNUC_PRINTF (3, 4)
warn (Ctx        *ctx,
      GPtrArray  *list,
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
  g_ptr_array_add (list, jm_problem_new (ctx->name, ctx->line, message));
}

/* The cell of a column in the record in hand, "" when it has none. */
static const char *
cell (Ctx *ctx,
      Col  col)
{
  int at = ctx->header.at[col];

  if (at < 0 || (guint) at >= ctx->fields->len)
    return "";
  return g_ptr_array_index (ctx->fields, at);
}

/* The cell without surrounding blanks, or NULL when empty. */
static char *
cell_stripped (Ctx *ctx,
               Col  col)
{
  char *value = g_strstrip (g_strdup (cell (ctx, col)));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static JmPersona *
find_persona (Ctx        *ctx,
              const char *name)
{
  return g_hash_table_lookup (ctx->persona_by_name, name);
}

/* The step of the row's column, or NULL having said why. */
static JmStep *
row_step (Ctx *ctx)
{
  g_autofree char *text = cell_stripped (ctx, COL_COLUMN);
  guint64 column = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &column, NULL)
      || column > ctx->steps->len)
    {
      warn (ctx, ctx->warnings, _("The column “%s” is not one of the steps (1 to %u); the row is left out"),
            text != NULL ? text : "", ctx->steps->len);
      return NULL;
    }
  return g_ptr_array_index (ctx->steps, column - 1);
}

/* An enum cell: its file-format name, or empty for none. */
#define READ_ENUM(ctx, col, type, from_string, out, what)                                              \
  G_STMT_START {                                                                                      \
    g_autofree char *value_ = cell_stripped (ctx, col);                                               \
    type parsed_;                                                                                     \
    if (value_ != NULL && g_ascii_strcasecmp (value_, "none") != 0)                                   \
      {                                                                                               \
        g_autofree char *lower_ = g_ascii_strdown (value_, -1);                                       \
        if (from_string (lower_, &parsed_))                                                           \
          *(out) = parsed_;                                                                           \
        else                                                                                          \
          warn (ctx, ctx->warnings, _("“%s” is no %s; it is left out"), value_, what);               \
      }                                                                                               \
  } G_STMT_END

static void
read_map (Ctx *ctx)
{
  g_autofree char *state = cell_stripped (ctx, COL_STATE);

  jm_set_str (&ctx->title, cell (ctx, COL_TEXT));
  if (state != NULL && !state_from_string (state, &ctx->state))
    warn (ctx, ctx->warnings, _("“%s” is no state (as-is or to-be); it is left out"), state);
}

static void
read_persona (Ctx *ctx)
{
  const char *name = cell (ctx, COL_PERSONAS);
  g_autofree char *id = g_strdup_printf ("persona-%u", ctx->personas->len + 1);

  JmPersona *persona = jm_persona_new (id, name);

  g_ptr_array_add (ctx->personas, persona);
  if (!g_hash_table_contains (ctx->persona_by_name, persona->name))
    g_hash_table_insert (ctx->persona_by_name, persona->name, persona);
}

static void
read_stage (Ctx *ctx)
{
  g_autofree char *id = g_strdup_printf ("stage-%u", ctx->stages->len + 1);

  JmStage *stage = jm_stage_new (id, cell (ctx, COL_STAGE));

  g_ptr_array_add (ctx->stages, stage);
  g_hash_table_replace (ctx->stage_by_name, stage->name, stage);
}

static void
read_step (Ctx *ctx)
{
  g_autofree char *id = g_strdup_printf ("step-%u", ctx->steps->len + 1);
  JmStage *stage;
  JmStep *step;

  /* A step before any stage opens one of the same name. */
  if (ctx->stages->len == 0)
    read_stage (ctx);
  stage = g_ptr_array_index (ctx->stages, ctx->stages->len - 1);
  step = jm_step_new (id, cell (ctx, COL_STEP));
  g_ptr_array_add (stage->steps, step);
  g_ptr_array_add (ctx->steps, step);
}

static void
read_lane (Ctx *ctx)
{
  g_autofree char *id = g_strdup_printf ("lane-%u", ctx->lanes->len + 1);
  JmLaneKind kind = JM_LANE_TEXT;

  READ_ENUM (ctx, COL_LANE_KIND, JmLaneKind, jm_lane_kind_from_string, &kind, _("kind of lane"));
  ctx->last_lane = jm_lane_new (id, kind, cell (ctx, COL_LANE));
  g_ptr_array_add (ctx->lanes, ctx->last_lane);
  if (!g_hash_table_contains (ctx->lane_by_name, ctx->last_lane->title))
    g_hash_table_insert (ctx->lane_by_name, ctx->last_lane->title, ctx->last_lane);
  ctx->last_card = NULL;
}

/* A card row's lane: the lane row before it if it has the same name (two
 * lanes may), else the first of that name. */
static JmLane *
row_lane (Ctx *ctx)
{
  const char *name = cell (ctx, COL_LANE);
  JmLane *lane;

  if (ctx->last_lane != NULL && strcmp (ctx->last_lane->title, name) == 0)
    return ctx->last_lane;
  if ((lane = g_hash_table_lookup (ctx->lane_by_name, name)) != NULL)
    return lane;
  warn (ctx, ctx->warnings, _("There is no lane “%s” before this card; the row is left out"), name);
  return NULL;
}

static void
read_card (Ctx *ctx)
{
  g_autofree char *id = NULL;
  g_autofree char *span = cell_stripped (ctx, COL_SPAN);
  g_autofree char *mot = cell_stripped (ctx, COL_MOMENT_OF_TRUTH);
  g_autofree char *owner = cell_stripped (ctx, COL_OWNER);
  g_autofree char *personas = cell_stripped (ctx, COL_PERSONAS);
  JmStep *step;
  JmLane *lane;
  JmCard *card;
  guint64 n = 1;

  ctx->last_card = NULL;
  if ((step = row_step (ctx)) == NULL || (lane = row_lane (ctx)) == NULL)
    return;
  id = g_strdup_printf ("card-%u", ++ctx->n_cards);
  card = jm_card_new (id, step->id, cell (ctx, COL_TEXT));
  if (span != NULL && !g_ascii_string_to_unsigned (span, 10, 1, 1000, &n, NULL))
    warn (ctx, ctx->warnings, _("“%s” is no number of steps; the card covers one"), span);
  card->span = (guint) n;
  READ_ENUM (ctx, COL_CHANNEL, JmChannel, jm_channel_from_string, &card->channel, _("channel"));
  card->moment_of_truth = mot != NULL && (g_ascii_strcasecmp (mot, "yes") == 0 || g_ascii_strcasecmp (mot, "true") == 0
                                          || strcmp (mot, "1") == 0);
  READ_ENUM (ctx, COL_SEVERITY, JmSeverity, jm_severity_from_string, &card->severity, _("severity"));
  READ_ENUM (ctx, COL_PRIORITY, JmPriority, jm_priority_from_string, &card->priority, _("priority"));
  READ_ENUM (ctx, COL_EVIDENCE, JmEvidence, jm_evidence_from_string, &card->evidence, _("evidence level"));
  if (owner != NULL)
    jm_set_str (&card->owner, cell (ctx, COL_OWNER));
  if (personas != NULL)
    {
      g_auto(GStrv) names = g_strsplit (personas, ";", -1);
      GPtrArray *ids = g_ptr_array_new ();

      for (guint i = 0; names[i] != NULL; i++)
        {
          JmPersona *persona = find_persona (ctx, g_strstrip (names[i]));

          if (persona != NULL)
            g_ptr_array_add (ids, g_strdup (persona->id));
          else if (*names[i] != '\0')
            warn (ctx, ctx->warnings, _("There is no persona “%s”; the card is not scoped to it"), names[i]);
        }
      g_ptr_array_add (ids, NULL);
      card->personas = (char **) g_ptr_array_free (ids, FALSE);
      if (card->personas[0] == NULL)
        g_clear_pointer (&card->personas, g_strfreev);
    }
  g_ptr_array_add (lane->cards, card);
  ctx->last_card = card;
}

static void
read_metric (Ctx *ctx)
{
  g_autofree char *kind_text = cell_stripped (ctx, COL_METRIC_KIND);
  g_autofree char *value = cell_stripped (ctx, COL_METRIC_VALUE);
  g_autofree char *target = cell_stripped (ctx, COL_METRIC_TARGET);
  g_autofree char *sample = cell_stripped (ctx, COL_METRIC_SAMPLE);
  g_autofree char *date = cell_stripped (ctx, COL_METRIC_DATE);
  g_autofree char *better = cell_stripped (ctx, COL_METRIC_BETTER);
  g_autofree char *lower = kind_text != NULL ? g_ascii_strdown (kind_text, -1) : NULL;
  g_autofree char *lane = cell_stripped (ctx, COL_LANE);
  g_autoptr(JmMetric) metric = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  JmMetricKind kind;
  GPtrArray *owner = NULL;
  double number;
  guint64 n;

  if (lower == NULL || !jm_metric_kind_from_string (lower, &kind))
    {
      warn (ctx, ctx->warnings, _("“%s” is no kind of metric (csat, nps, ces, retention, conversion or custom); "
                                  "the row is left out"), kind_text != NULL ? kind_text : "");
      return;
    }
  if (value == NULL || !jm_number_parse (value, &number))
    {
      warn (ctx, ctx->warnings, _("The metric’s value “%s” is no number; the row is left out"), value ? value : "");
      return;
    }

  /* A card's metric follows its card; a stage's has no lane. */
  if (lane != NULL)
    {
      if (ctx->last_card == NULL)
        {
          warn (ctx, ctx->warnings, _("This metric follows no card; the row is left out"));
          return;
        }
      owner = ctx->last_card->metrics;
    }
  else
    {
      const char *stage_name = cell (ctx, COL_STAGE);
      JmStage *stage = g_hash_table_lookup (ctx->stage_by_name, stage_name);

      if (stage != NULL)
        owner = stage->metrics;
      else
        {
          warn (ctx, ctx->warnings, _("There is no stage “%s” before this metric; the row is left out"), stage_name);
          return;
        }
    }

  id = g_strdup_printf ("metric-%u", ++ctx->n_metrics);
  metric = jm_metric_new (id, kind, number);
  jm_set_str (&metric->name, cell (ctx, COL_METRIC_NAME));
  if (metric->name != NULL && *metric->name == '\0')
    g_clear_pointer (&metric->name, g_free);
  jm_set_str (&metric->unit, cell (ctx, COL_METRIC_UNIT));
  if (metric->unit != NULL && *metric->unit == '\0')
    g_clear_pointer (&metric->unit, g_free);
  if (kind == JM_METRIC_CUSTOM && better != NULL)
    metric->higher_is_better = g_ascii_strcasecmp (better, "lower") != 0;
  if (target != NULL)
    {
      if (jm_number_parse (target, &metric->target))
        metric->has_target = TRUE;
      else
        warn (ctx, ctx->warnings, _("The target “%s” is no number; it is left out"), target);
    }
  if (sample != NULL)
    {
      if (g_ascii_string_to_unsigned (sample, 10, 0, G_MAXUINT, &n, NULL))
        metric->sample_size = (guint) n;
      else
        warn (ctx, ctx->warnings, _("The sample size “%s” is no whole number; it is left out"), sample);
    }
  if (date != NULL)
    {
      if (jm_date_is_valid (date))
        metric->date = g_strdup (date);
      else
        warn (ctx, ctx->warnings, _("The date “%s” is not written YYYY-MM-DD; it is left out"), date);
    }
  if (!jm_metric_validate (metric, &local_error))
    {
      warn (ctx, ctx->warnings, _("%s; the row is left out"), local_error->message);
      return;
    }
  g_ptr_array_add (owner, g_steal_pointer (&metric));
}

static void
read_emotion (Ctx *ctx)
{
  g_autofree char *name = g_strstrip (g_strdup (cell (ctx, COL_PERSONAS)));
  g_autofree char *state = cell_stripped (ctx, COL_STATE);
  g_autofree char *score = cell_stripped (ctx, COL_SCORE);
  g_autofree char *key = NULL;
  JmMapState curve = JM_MAP_STATE_CURRENT;
  JmPersona *persona;
  JmStep *step;
  double value;

  if ((step = row_step (ctx)) == NULL)
    return;
  if ((persona = find_persona (ctx, name)) == NULL)
    {
      warn (ctx, ctx->warnings, _("There is no persona “%s”; the emotion is left out"), name);
      return;
    }
  if (state != NULL && !state_from_string (state, &curve))
    {
      warn (ctx, ctx->warnings, _("“%s” is no state (as-is or to-be); the emotion is left out"), state);
      return;
    }
  if (score == NULL || !jm_number_parse (score, &value) || value < JM_EMOTION_MIN || value > JM_EMOTION_MAX)
    {
      warn (ctx, ctx->warnings, _("The score “%s” is not a number from −2 to 2; the emotion is left out"),
            score != NULL ? score : "");
      return;
    }
  key = g_strdup_printf ("%s %s %d", persona->id, step->id, (int) curve);
  if (!g_hash_table_add (ctx->scored, g_steal_pointer (&key)))
    {
      warn (ctx, ctx->warnings, _("%s already has a score at this step; this one is left out"), name);
      return;
    }
  g_ptr_array_add (ctx->emotions, jm_emotion_new (persona->id, step->id, curve, value));
}

static JmDocument *
read_rows (Ctx        *ctx,
           const char *data,
           gsize       len)
{
  g_autoptr(JmCsvReader) reader = jm_csv_reader_new (data, len, jm_csv_detect_separator (data, len));
  static const struct {
    const char *name;
    void (*read) (Ctx *ctx);
  } records[] = {
    { "map", read_map }, { "persona", read_persona }, { "stage", read_stage }, { "step", read_step },
    { "lane", read_lane }, { "card", read_card }, { "metric", read_metric }, { "emotion", read_emotion },
  };
  JmDocument *doc;

  ctx->fields = jm_csv_reader_next (reader, &ctx->line);
  if (ctx->fields == NULL || !read_header (ctx->fields, &ctx->header))
    {
      warn (ctx, ctx->errors, _("The first row must name the columns, starting with “record”"));
      return NULL;
    }
  while ((ctx->fields = jm_csv_reader_next (reader, &ctx->line)) != NULL)
    {
      g_autofree char *record = g_ascii_strdown (cell (ctx, COL_RECORD), -1);
      guint r;

      g_strstrip (record);
      for (r = 0; r < G_N_ELEMENTS (records); r++)
        if (strcmp (record, records[r].name) == 0)
          break;
      if (r == G_N_ELEMENTS (records))
        {
          warn (ctx, ctx->warnings, _("“%s” is no kind of record (map, persona, stage, step, lane, card, metric or "
                                      "emotion); the row is left out"), record);
          continue;
        }
      records[r].read (ctx);
    }

  if (ctx->steps->len == 0)
    {
      /* The whole file says it, no line. */
      ctx->line = 0;
      warn (ctx, ctx->errors, _("The file has no step rows: a map needs at least one step"));
      return NULL;
    }

  doc = jm_document_new ();
  if (ctx->title == NULL)
    {
      g_autofree char *base = g_path_get_basename (ctx->name);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      ctx->title = g_steal_pointer (&base);
    }
  jm_document_build_header (doc, ctx->title, NULL, NULL, ctx->state);
  for (guint i = 0; i < ctx->personas->len; i++)
    jm_document_build_persona (doc, g_ptr_array_steal_index (ctx->personas, i--));
  /* A stage without steps (its steps' rows lost) is no stage. */
  for (guint i = 0; i < ctx->stages->len; i++)
    {
      JmStage *stage = g_ptr_array_steal_index (ctx->stages, i--);

      if (stage->steps->len > 0)
        jm_document_build_stage (doc, stage);
      else
        jm_stage_free (stage);
    }
  /* A card ends at the last step at the latest: the steps are all known now. */
  {
    g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < ctx->steps->len; i++)
      g_hash_table_insert (columns, ((JmStep *) g_ptr_array_index (ctx->steps, i))->id, GUINT_TO_POINTER (i));
    for (guint l = 0; l < ctx->lanes->len; l++)
      {
        JmLane *lane = g_ptr_array_index (ctx->lanes, l);

        for (guint c = 0; c < lane->cards->len; c++)
          {
            JmCard *card = g_ptr_array_index (lane->cards, c);
            guint column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, card->step_id));

            if (card->span > ctx->steps->len - column)
              card->span = ctx->steps->len - column;
          }
      }
  }
  for (guint i = 0; i < ctx->lanes->len; i++)
    jm_document_build_lane (doc, g_ptr_array_steal_index (ctx->lanes, i--));
  for (guint i = 0; i < ctx->emotions->len; i++)
    jm_document_build_emotion (doc, g_ptr_array_steal_index (ctx->emotions, i--));
  return doc;
}

JmDocument *
jm_map_csv_load_bytes (const char  *display_name,
                       const char  *data,
                       gsize        len,
                       GPtrArray  **problems,
                       GError     **error)
{
  Ctx ctx = { 0 };
  JmDocument *doc = NULL;
  JmIoError code = JM_IO_ERROR_INVALID;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  ctx.name = display_name;
  ctx.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  ctx.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  ctx.personas = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_persona_free);
  ctx.stages = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_stage_free);
  ctx.steps = g_ptr_array_new ();
  ctx.lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_lane_free);
  ctx.emotions = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_emotion_free);
  ctx.persona_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.lane_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.stage_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.scored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.state = JM_MAP_STATE_CURRENT;

  jm_csv_skip_bom (&data, &len);
  if (len > JM_CSV_MAX_BYTES)
    {
      code = JM_IO_ERROR_TOO_LARGE;
      warn (&ctx, ctx.errors, _("The file is too large"));
    }
  else if (!g_utf8_validate (data, (gssize) len, NULL) || memchr (data, '\0', len) != NULL)
    {
      code = JM_IO_ERROR_MALFORMED;
      warn (&ctx, ctx.errors, _("The file is not UTF-8 text"));
    }
  else
    {
      /* Only what a map can keep (jm_text_clean()). */
      g_autofree char *clean = jm_text_clean_len (data, len);

      doc = read_rows (&ctx, clean, strlen (clean));
    }

  g_free (ctx.title);
  /* The tables borrow the names of the objects below: free them first. */
  g_hash_table_unref (ctx.persona_by_name);
  g_hash_table_unref (ctx.lane_by_name);
  g_hash_table_unref (ctx.stage_by_name);
  g_hash_table_unref (ctx.scored);
  g_ptr_array_unref (ctx.personas);
  g_ptr_array_unref (ctx.stages);
  g_ptr_array_unref (ctx.steps);
  g_ptr_array_unref (ctx.lanes);
  g_ptr_array_unref (ctx.emotions);
  return jm_import_finish (doc, code, ctx.errors, ctx.warnings, problems, error);
}
