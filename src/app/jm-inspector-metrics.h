/* jm-inspector-metrics.h — the metrics of a card or a stage: a row for
 * each (JmInspectorMetricRow) and a menu that adds one of each kind. Edits
 * go to the document as an update of the card or stage; typing in one
 * field of one metric merges into one undo step. */
#pragma once

#include <adwaita.h>

#include "jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_METRICS (jm_inspector_metrics_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorMetrics, jm_inspector_metrics, JM, INSPECTOR_METRICS, AdwPreferencesGroup)

/* Whose metrics: a JM_OBJECT_CARD or JM_OBJECT_STAGE, by id. Then shows
 * them as the page's document has them. */
void jm_inspector_metrics_show (JmInspectorMetrics *self,
                                JmObjectType        owner_type,
                                const char         *owner_id);

G_END_DECLS
