/* jm-inspector-metric-row.h — one metric of a card or a stage, as an
 * expander: its value, target, sample size and date (and for a custom
 * metric its name, unit and direction). Every field is checked as it is
 * typed; only a valid metric is offered to the document, and the row says
 * what is wrong with the rest. */
#pragma once

#include <adwaita.h>

#include "jm-objects.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_METRIC_ROW (jm_inspector_metric_row_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorMetricRow, jm_inspector_metric_row, JM, INSPECTOR_METRIC_ROW, AdwExpanderRow)

GtkWidget      *jm_inspector_metric_row_new             (const JmMetric       *metric);
/* Shows the metric as the document has it (same id). */
void            jm_inspector_metric_row_set_metric      (JmInspectorMetricRow *self,
                                                         const JmMetric       *metric);
/* The metric with the user's valid edits. */
const JmMetric *jm_inspector_metric_row_get_metric      (JmInspectorMetricRow *self);
GtkWidget      *jm_inspector_metric_row_get_error_label (JmInspectorMetricRow *self);

G_END_DECLS
