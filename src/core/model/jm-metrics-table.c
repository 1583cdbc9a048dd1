/* jm-metrics-table.c — the metrics of a map, tabulated. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-metrics-table.h"

static JmMetricRow *
make_row (JmStage        *stage,
          JmCard         *card,
          const JmMetric *metric,
          double          tolerance)
{
  JmMetricRow *row = g_new0 (JmMetricRow, 1);

  row->stage_id = stage->id;
  row->stage_name = stage->name;
  row->card_id = card ? card->id : NULL;
  row->card_text = card ? card->text : NULL;
  row->metric = metric;
  row->gap = metric->has_target
             ? (metric->higher_is_better ? metric->value - metric->target : metric->target - metric->value)
             : NAN;
  row->status = jm_metric_get_status (metric, tolerance);
  return row;
}

GPtrArray *
jm_metrics_table_rows (JmDocument *document)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *stages, *lanes;
  double tolerance;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), rows);

  tolerance = jm_document_get_metric_tolerance (document);
  stages = jm_document_get_stages (document);
  lanes = jm_document_get_lanes (document);
  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      for (guint m = 0; m < stage->metrics->len; m++)
        g_ptr_array_add (rows, make_row (stage, NULL, g_ptr_array_index (stage->metrics, m), tolerance));

      for (guint st = 0; st < stage->steps->len; st++)
        {
          JmStep *step = g_ptr_array_index (stage->steps, st);

          for (guint l = 0; l < lanes->len; l++)
            {
              JmLane *lane = g_ptr_array_index (lanes, l);

              for (guint c = 0; c < lane->cards->len; c++)
                {
                  JmCard *card = g_ptr_array_index (lane->cards, c);

                  if (g_strcmp0 (card->step_id, step->id) != 0)
                    continue;
                  for (guint m = 0; m < card->metrics->len; m++)
                    g_ptr_array_add (rows, make_row (stage, card, g_ptr_array_index (card->metrics, m), tolerance));
                }
            }
        }
    }
  return rows;
}

GPtrArray *
jm_metrics_table_summaries (JmDocument *document)
{
  g_autoptr(GPtrArray) rows = jm_metrics_table_rows (document);
  GPtrArray *summaries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) weights = g_array_new (FALSE, TRUE, sizeof (double));

  for (guint i = 0; i < rows->len; i++)
    {
      JmMetricRow *row = g_ptr_array_index (rows, i);
      const JmMetric *m = row->metric;
      double weight = m->sample_size > 0 ? m->sample_size : 1;
      JmStageSummary *summary = NULL;
      guint j;

      for (j = 0; j < summaries->len; j++)
        {
          JmStageSummary *s = g_ptr_array_index (summaries, j);

          if (g_strcmp0 (s->stage_id, row->stage_id) == 0 && s->kind == m->kind
              && (m->kind != JM_METRIC_CUSTOM || g_strcmp0 (s->custom_name, m->name) == 0))
            {
              summary = s;
              break;
            }
        }
      if (summary == NULL)
        {
          double zero = 0;

          summary = g_new0 (JmStageSummary, 1);
          summary->stage_id = row->stage_id;
          summary->stage_name = row->stage_name;
          summary->kind = m->kind;
          summary->custom_name = m->kind == JM_METRIC_CUSTOM ? m->name : NULL;
          g_ptr_array_add (summaries, summary);
          g_array_append_val (weights, zero);
          j = summaries->len - 1;
        }

      /* A running weighted mean. */
      g_array_index (weights, double, j) += weight;
      summary->average += (m->value - summary->average) * weight / g_array_index (weights, double, j);
      summary->count++;
      summary->sample_size += m->sample_size;
    }
  return summaries;
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, text);
    }
}

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%g", value));
}

char *
jm_metrics_table_to_csv (JmDocument *document)
{
  g_autoptr(GPtrArray) rows = jm_metrics_table_rows (document);
  GString *out = g_string_new ("stage,touchpoint,metric,value,target,gap,sample size,date\r\n");

  for (guint i = 0; i < rows->len; i++)
    {
      JmMetricRow *row = g_ptr_array_index (rows, i);
      const JmMetric *m = row->metric;

      append_csv_field (out, row->stage_name);
      g_string_append_c (out, ',');
      append_csv_field (out, row->card_text);
      g_string_append_c (out, ',');
      append_csv_field (out, m->kind == JM_METRIC_CUSTOM ? m->name : jm_metric_kind_to_string (m->kind));
      g_string_append_c (out, ',');
      append_number (out, m->value);
      g_string_append_c (out, ',');
      append_number (out, m->has_target ? m->target : NAN);
      g_string_append_c (out, ',');
      append_number (out, row->gap);
      g_string_append_c (out, ',');
      if (m->sample_size > 0)
        g_string_append_printf (out, "%u", m->sample_size);
      g_string_append_c (out, ',');
      append_csv_field (out, m->date);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
