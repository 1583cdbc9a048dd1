/* jm-inspector-metric-row.c — see jm-inspector-metric-row.h. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-inspector-choice-row.h"
#include "jm-inspector-metric-row.h"
#include "jm-number.h"

struct _JmInspectorMetricRow {
  AdwExpanderRow        parent_instance;

  GtkWidget            *remove_button;
  GtkWidget            *name_row;
  GtkWidget            *unit_row;
  JmInspectorChoiceRow *direction_row;
  GtkWidget            *value_row;
  GtkWidget            *target_row;
  GtkWidget            *sample_row;
  GtkWidget            *date_row;
  GtkWidget            *error_label;

  JmMetric             *metric;
  gboolean              updating;   /* set_metric is filling the fields */
};

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmInspectorMetricRow, jm_inspector_metric_row, ADW_TYPE_EXPANDER_ROW)

static const char *
metric_unit (const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
}

static const char *
metric_name (const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label (m->kind);
}

static char *
metric_summary (const JmMetric *m)
{
  g_autofree char *value = jm_number_format_unit (m->value, -2, metric_unit (m));
  g_autofree char *target = NULL;

  if (!m->has_target)
    return g_steal_pointer (&value);
  target = jm_number_format_unit (m->target, -2, metric_unit (m));
  /* Translators: a metric's value and target, e.g. "82% · target 85%" */
  return g_strdup_printf (_("%s · target %s"), value, target);
}

static void
show_titles (JmInspectorMetricRow *self)
{
  const char *name = metric_name (self->metric);
  /* Translators: a metric's value field, e.g. "NPS value" */
  g_autofree char *value_title = g_strdup_printf (_("%s value"), name);
  /* Translators: a metric's target field, e.g. "NPS target" */
  g_autofree char *target_title = g_strdup_printf (_("%s target"), name);
  g_autofree char *summary = metric_summary (self->metric);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), target_title);
}

static void
show_error (JmInspectorMetricRow *self,
            GtkWidget            *field,
            const char           *message)
{
  GtkWidget *holder = gtk_widget_get_parent (self->error_label);

  if (message != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  /* The list row around the label goes too, or it would leave a gap. */
  if (GTK_IS_LIST_BOX_ROW (holder))
    gtk_widget_set_visible (holder, message != NULL);
}

static void
set_field (GtkWidget  *field,
           const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (field), text ? text : "");
}

/* A number field keeps what the user typed while it means the number. */
static void
set_number_field (GtkWidget *field,
                  gboolean   has_value,
                  double     value)
{
  double shown;
  gboolean parses = jm_number_parse (gtk_editable_get_text (GTK_EDITABLE (field)), &shown);
  g_autofree char *text = has_value ? jm_number_format (value, -6) : NULL;

  if (has_value ? !(parses && shown == value) : *gtk_editable_get_text (GTK_EDITABLE (field)) != '\0')
    set_field (field, text);
}

void
jm_inspector_metric_row_set_metric (JmInspectorMetricRow *self,
                                    const JmMetric       *metric)
{
  g_autofree char *sample = NULL;
  double sample_shown = 0;

  g_return_if_fail (JM_IS_INSPECTOR_METRIC_ROW (self));
  g_return_if_fail (metric != NULL);

  g_clear_pointer (&self->metric, jm_metric_free);
  self->metric = jm_metric_copy (metric);

  self->updating = TRUE;
  gtk_widget_set_visible (self->name_row, metric->kind == JM_METRIC_CUSTOM);
  gtk_widget_set_visible (self->unit_row, metric->kind == JM_METRIC_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), metric->kind == JM_METRIC_CUSTOM);
  if (metric->kind == JM_METRIC_CUSTOM)
    {
      set_field (self->name_row, metric->name);
      set_field (self->unit_row, metric->unit);
      jm_inspector_choice_row_set_selected (self->direction_row, metric->higher_is_better ? 0 : 1);
    }
  set_number_field (self->value_row, TRUE, metric->value);
  set_number_field (self->target_row, metric->has_target, metric->target);
  if (!jm_number_parse (gtk_editable_get_text (GTK_EDITABLE (self->sample_row)), &sample_shown)
      || sample_shown != metric->sample_size)
    {
      sample = metric->sample_size ? g_strdup_printf ("%u", metric->sample_size) : NULL;
      set_field (self->sample_row, sample);
    }
  set_field (self->date_row, metric->date);
  self->updating = FALSE;

  /* What the document has is valid: no field is wrong any more. */
  {
    GtkWidget *fields[] = { self->name_row, self->unit_row, self->value_row,
                            self->target_row, self->sample_row, self->date_row };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      show_error (self, fields[i], NULL);
  }
  show_titles (self);
}

GtkWidget *
jm_inspector_metric_row_new (const JmMetric *metric)
{
  JmInspectorMetricRow *self = g_object_new (JM_TYPE_INSPECTOR_METRIC_ROW, NULL);

  jm_inspector_metric_row_set_metric (self, metric);
  return GTK_WIDGET (self);
}

const JmMetric *
jm_inspector_metric_row_get_metric (JmInspectorMetricRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_METRIC_ROW (self), NULL);
  return self->metric;
}

GtkWidget *
jm_inspector_metric_row_get_error_label (JmInspectorMetricRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_METRIC_ROW (self), NULL);
  return self->error_label;
}

/* Reads the field into a copy of the metric; the copy reaches the
 * document only if it is valid. */
static void
on_field_changed (JmInspectorMetricRow *self,
                  GtkEditable          *field)
{
  const char *text = gtk_editable_get_text (field);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(JmMetric) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  double number = 0;

  if (self->updating || self->metric == NULL)
    return;
  edited = jm_metric_copy (self->metric);

  if (GTK_WIDGET (field) == self->value_row)
    {
      name = "value";
      if (jm_number_parse (text, &number))
        edited->value = number;
      else
        g_set_error (&error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE, _("“%s” is not a number"), text);
    }
  else if (GTK_WIDGET (field) == self->target_row)
    {
      name = "target";
      edited->has_target = *stripped != '\0';
      if (edited->has_target && jm_number_parse (text, &number))
        edited->target = number;
      else if (edited->has_target)
        g_set_error (&error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE, _("“%s” is not a number"), text);
    }
  else if (GTK_WIDGET (field) == self->sample_row)
    {
      guint64 n = 0;

      name = "sample-size";
      if (*stripped == '\0')
        edited->sample_size = 0;
      else if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT32, &n, NULL))
        edited->sample_size = (guint) n;
      else
        g_set_error (&error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE,
                     _("The sample size must be a whole number of answers, not “%s”"), text);
    }
  else if (GTK_WIDGET (field) == self->date_row)
    {
      name = "date";
      jm_set_str (&edited->date, *stripped ? stripped : NULL);
    }
  else if (GTK_WIDGET (field) == self->name_row)
    {
      name = "name";
      jm_set_str (&edited->name, stripped);
    }
  else
    {
      name = "unit";
      jm_set_str (&edited->unit, *stripped ? stripped : NULL);
    }

  if (error == NULL)
    jm_metric_validate (edited, &error);
  if (error != NULL)
    {
      show_error (self, GTK_WIDGET (field), error->message);
      return;
    }

  show_error (self, GTK_WIDGET (field), NULL);
  jm_metric_free (self->metric);
  self->metric = g_steal_pointer (&edited);
  show_titles (self);
  g_signal_emit (self, signals[CHANGED], 0, name);
}

static void
on_direction_changed (JmInspectorMetricRow *self)
{
  if (self->updating || self->metric == NULL)
    return;
  self->metric->higher_is_better = jm_inspector_choice_row_get_selected (self->direction_row) == 0;
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

static void
on_remove_clicked (JmInspectorMetricRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
jm_inspector_metric_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JM_TYPE_INSPECTOR_METRIC_ROW);
  G_OBJECT_CLASS (jm_inspector_metric_row_parent_class)->dispose (object);
}

static void
jm_inspector_metric_row_finalize (GObject *object)
{
  JmInspectorMetricRow *self = JM_INSPECTOR_METRIC_ROW (object);

  g_clear_pointer (&self->metric, jm_metric_free);
  G_OBJECT_CLASS (jm_inspector_metric_row_parent_class)->finalize (object);
}

static void
jm_inspector_metric_row_class_init (JmInspectorMetricRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_metric_row_dispose;
  object_class->finalize = jm_inspector_metric_row_finalize;

  /**
   * JmInspectorMetricRow::changed:
   * @field: "value", "target", "sample-size", "date", "name", "unit", or
   *   NULL for the direction: typing in one field merges into one undo step
   *
   * The user made a valid edit; get_metric() has it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * JmInspectorMetricRow::remove:
   *
   * The user asked to remove the metric.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (JM_TYPE_INSPECTOR_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-metric-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, direction_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, value_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, target_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, sample_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, date_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMetricRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_direction_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
jm_inspector_metric_row_init (JmInspectorMetricRow *self)
{
  const char *directions[] = { _("Higher is better"), _("Lower is better"), NULL };
  GtkWidget *holder;

  gtk_widget_init_template (GTK_WIDGET (self));
  jm_inspector_choice_row_set_choices (self->direction_row, directions);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the Metric"), -1);
  holder = gtk_widget_get_parent (self->error_label);
  if (GTK_IS_LIST_BOX_ROW (holder))
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
      gtk_widget_set_focusable (holder, FALSE);
      gtk_widget_set_visible (holder, FALSE);
    }
}
