/* jm-metrics-table.h — every metric of a map as table rows (stage,
 * touchpoint, metric, value, target, gap, sample size, date), their
 * per-stage weighted averages, and the table as CSV. */
#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

typedef struct {
  const char     *stage_id;     /* borrowed from the document */
  const char     *stage_name;
  const char     *card_id;      /* NULL for a stage's own metric */
  const char     *card_text;
  const JmMetric *metric;
  double          gap;          /* value − target, signed so that > 0 is better; NAN without a target */
  JmMetricStatus  status;       /* against the target, with the map's tolerance */
} JmMetricRow;

typedef struct {
  const char  *stage_id;
  const char  *stage_name;
  JmMetricKind kind;
  const char  *custom_name;     /* for custom metrics */
  double       average;         /* weighted by sample size (1 when unknown) */
  guint        count;           /* metrics averaged */
  guint        sample_size;     /* their answers in all */
} JmStageSummary;

/* Rows in map order: stages left to right, their own metrics first. */
GPtrArray *jm_metrics_table_rows      (JmDocument *document);   /* JmMetricRow* */
GPtrArray *jm_metrics_table_summaries (JmDocument *document);   /* JmStageSummary* */
/* The rows as CSV (comma-separated, quoted where needed, with a header). */
char      *jm_metrics_table_to_csv    (JmDocument *document);

G_END_DECLS
