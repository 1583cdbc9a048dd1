/* jm-inspector-metrics.c — see jm-inspector-metrics.h. Adding and removing
 * a metric rebuild the rows; other edits leave them (and the cursor) be. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-inspector-metric-row.h"
#include "jm-inspector-metrics.h"
#include "jm-inspector-page.h"

struct _JmInspectorMetrics {
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *add_button;

  JmObjectType         owner_type;
  char                *owner_id;
  GPtrArray           *rows;          /* JmInspectorMetricRow* */
  char                *expand_id;     /* a metric just added: open its row */
};

G_DEFINE_FINAL_TYPE (JmInspectorMetrics, jm_inspector_metrics, ADW_TYPE_PREFERENCES_GROUP)

static JmDocument *
get_document (JmInspectorMetrics *self)
{
  JmInspectorPage *page = jm_inspector_page_of (GTK_WIDGET (self));

  return page ? jm_inspector_page_get_document (page) : NULL;
}

/* The owner's metrics, and a copy of the owner to change them in. */
static GPtrArray *
owner_copy (JmInspectorMetrics *self,
            JmCard            **card,
            JmStage           **stage)
{
  JmDocument *doc = get_document (self);
  JmCard *c;
  JmStage *s;

  *card = NULL;
  *stage = NULL;
  if (doc == NULL)
    return NULL;
  if (self->owner_type == JM_OBJECT_STAGE && (s = jm_document_find_stage (doc, self->owner_id)) != NULL)
    return (*stage = jm_stage_copy (s))->metrics;
  if (self->owner_type == JM_OBJECT_CARD && (c = jm_document_find_card (doc, self->owner_id, NULL)) != NULL)
    return (*card = jm_card_copy (c))->metrics;
  return NULL;
}

static GPtrArray *
owner_metrics (JmInspectorMetrics *self)
{
  JmDocument *doc = get_document (self);
  JmCard *card;
  JmStage *stage;

  if (doc == NULL)
    return NULL;
  if (self->owner_type == JM_OBJECT_STAGE && (stage = jm_document_find_stage (doc, self->owner_id)) != NULL)
    return stage->metrics;
  if (self->owner_type == JM_OBJECT_CARD && (card = jm_document_find_card (doc, self->owner_id, NULL)) != NULL)
    return card->metrics;
  return NULL;
}

/* Takes the copies over. */
static void
apply (JmInspectorMetrics *self,
       JmCard             *card,
       JmStage            *stage,
       const char         *merge_key)
{
  JmDocument *doc = get_document (self);

  if (stage != NULL)
    jm_document_update_stage (doc, stage, merge_key);
  else if (card != NULL)
    jm_document_update_card (doc, card, merge_key);
}

static void rebuild (JmInspectorMetrics *self);

static int
metric_index (GPtrArray  *metrics,
              const char *id)
{
  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    if (g_strcmp0 (((JmMetric *) g_ptr_array_index (metrics, i))->id, id) == 0)
      return (int) i;
  return -1;
}

static void
on_row_changed (JmInspectorMetrics   *self,
                const char           *field,
                JmInspectorMetricRow *row)
{
  JmInspectorPage *page = jm_inspector_page_of (GTK_WIDGET (self));
  const JmMetric *edited = jm_inspector_metric_row_get_metric (row);
  g_autofree char *merge_key = field ? g_strdup_printf ("metric-%s-%s", field, edited->id) : NULL;
  JmCard *card;
  JmStage *stage;
  GPtrArray *metrics;
  int index;

  if (page == NULL || !jm_inspector_page_begin_edit (page))
    return;
  metrics = owner_copy (self, &card, &stage);
  if ((index = metric_index (metrics, edited->id)) >= 0)
    {
      jm_metric_free (g_ptr_array_index (metrics, index));
      g_ptr_array_index (metrics, index) = jm_metric_copy (edited);
      apply (self, card, stage, merge_key);
    }
  else
    {
      g_clear_pointer (&card, jm_card_free);
      g_clear_pointer (&stage, jm_stage_free);
    }
  jm_inspector_page_end_edit (page);
}

static void
on_row_remove (JmInspectorMetrics   *self,
               JmInspectorMetricRow *row)
{
  JmInspectorPage *page = jm_inspector_page_of (GTK_WIDGET (self));
  g_autofree char *id = g_strdup (jm_inspector_metric_row_get_metric (row)->id);
  JmCard *card;
  JmStage *stage;
  GPtrArray *metrics;
  int index;

  if (page == NULL || !jm_inspector_page_begin_edit (page))
    return;
  metrics = owner_copy (self, &card, &stage);
  if ((index = metric_index (metrics, id)) >= 0)
    {
      g_ptr_array_remove_index (metrics, (guint) index);
      apply (self, card, stage, NULL);
    }
  else
    {
      g_clear_pointer (&card, jm_card_free);
      g_clear_pointer (&stage, jm_stage_free);
    }
  rebuild (self);
  jm_inspector_page_end_edit (page);
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JmInspectorMetrics *self = JM_INSPECTOR_METRICS (widget);
  JmInspectorPage *page = jm_inspector_page_of (widget);
  JmMetricKind kind = (JmMetricKind) g_variant_get_uint32 (parameter);
  g_autoptr(GDateTime) now = NULL;
  JmCard *card;
  JmStage *stage;
  GPtrArray *metrics;
  JmMetric *metric;
  char *id;

  if (kind >= JM_N_METRIC_KINDS || page == NULL || !jm_inspector_page_begin_edit (page))
    return;
  metrics = owner_copy (self, &card, &stage);
  if (metrics != NULL)
    {
      id = jm_document_make_id (get_document (self), "metric");
      metric = jm_metric_new (id, kind, kind == JM_METRIC_CES ? 1 : 0);
      if (kind == JM_METRIC_CUSTOM)
        metric->name = g_strdup (_("Custom metric"));
      now = g_date_time_new_now_local ();
      metric->date = g_date_time_format (now, "%Y-%m-%d");
      g_ptr_array_add (metrics, metric);
      g_free (self->expand_id);
      self->expand_id = id;
      apply (self, card, stage, NULL);
      rebuild (self);
    }
  jm_inspector_page_end_edit (page);
}

/* New rows when the metrics are not the same ones any more; otherwise the
 * rows show the new values. */
static void
rebuild (JmInspectorMetrics *self)
{
  GPtrArray *metrics = owner_metrics (self);
  guint n = metrics ? metrics->len : 0;
  gboolean same = n == self->rows->len;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (jm_inspector_metric_row_get_metric (g_ptr_array_index (self->rows, i))->id,
                      ((JmMetric *) g_ptr_array_index (metrics, i))->id) == 0;
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n > 0 ? NULL : _("CSAT, NPS, CES, retention, conversion or your own "
                                                          "measure, with a target to compare against"));

  if (same)
    {
      for (guint i = 0; i < n; i++)
        jm_inspector_metric_row_set_metric (g_ptr_array_index (self->rows, i), g_ptr_array_index (metrics, i));
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      JmInspectorPage *page = jm_inspector_page_of (GTK_WIDGET (self));

      if (page != NULL)
        jm_inspector_page_release_focus (page, row);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      const JmMetric *m = g_ptr_array_index (metrics, i);
      GtkWidget *row = jm_inspector_metric_row_new (m);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), n <= 2 || g_strcmp0 (self->expand_id, m->id) == 0);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect_swapped (row, "remove", G_CALLBACK (on_row_remove), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

void
jm_inspector_metrics_show (JmInspectorMetrics *self,
                           JmObjectType        owner_type,
                           const char         *owner_id)
{
  g_return_if_fail (JM_IS_INSPECTOR_METRICS (self));
  g_return_if_fail (owner_type == JM_OBJECT_CARD || owner_type == JM_OBJECT_STAGE);

  if (self->owner_type != owner_type || g_strcmp0 (self->owner_id, owner_id) != 0)
    g_clear_pointer (&self->expand_id, g_free);
  self->owner_type = owner_type;
  jm_set_str (&self->owner_id, owner_id);
  rebuild (self);
}

static void
jm_inspector_metrics_dispose (GObject *object)
{
  JmInspectorMetrics *self = JM_INSPECTOR_METRICS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_METRICS);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_inspector_metrics_parent_class)->dispose (object);
}

static void
jm_inspector_metrics_finalize (GObject *object)
{
  JmInspectorMetrics *self = JM_INSPECTOR_METRICS (object);

  g_free (self->owner_id);
  g_free (self->expand_id);
  G_OBJECT_CLASS (jm_inspector_metrics_parent_class)->finalize (object);
}

static void
jm_inspector_metrics_class_init (JmInspectorMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_metrics_dispose;
  object_class->finalize = jm_inspector_metrics_finalize;

  gtk_widget_class_install_action (widget_class, "metrics.add", "u", action_add);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-metrics.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetrics, add_button);
}

static void
jm_inspector_metrics_init (JmInspectorMetrics *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  self->rows = g_ptr_array_new ();
  self->owner_type = JM_OBJECT_CARD;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One item a kind, named as the vocabulary names it. */
  for (guint k = 0; k < JM_N_METRIC_KINDS; k++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (jm_metric_kind_get_label ((JmMetricKind) k), NULL);

      g_menu_item_set_action_and_target_value (item, "metrics.add", g_variant_new_uint32 (k));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->add_button), G_MENU_MODEL (menu));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Metric"), -1);
}
