/* jm-metrics-view.h — every metric of the map in a sortable table, the
 * averages per stage, a small chart per metric across the stages, and the
 * table exported as CSV. */
#pragma once

#include <adwaita.h>

#include "jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_METRICS_VIEW (jm_metrics_view_get_type ())
G_DECLARE_FINAL_TYPE (JmMetricsView, jm_metrics_view, JM, METRICS_VIEW, GtkWidget)

GtkWidget *jm_metrics_view_new          (void);
void       jm_metrics_view_set_document (JmMetricsView *self,
                                         JmDocument    *document);
/* The table's rows, as shown (for tests): a GListModel of JmMetricItem. */
GListModel *jm_metrics_view_get_model   (JmMetricsView *self);
/* Writes the table as CSV. */
gboolean   jm_metrics_view_save_csv     (JmMetricsView *self,
                                         const char    *path,
                                         GError       **error);

#define JM_TYPE_METRIC_ITEM (jm_metric_item_get_type ())
G_DECLARE_FINAL_TYPE (JmMetricItem, jm_metric_item, JM, METRIC_ITEM, GObject)

const char *jm_metric_item_get_stage   (JmMetricItem *self);
const char *jm_metric_item_get_name    (JmMetricItem *self);
double      jm_metric_item_get_value   (JmMetricItem *self);
double      jm_metric_item_get_gap     (JmMetricItem *self);

G_END_DECLS
