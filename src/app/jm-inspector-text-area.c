/* jm-inspector-text-area.c — see jm-inspector-text-area.h. */
#include "config.h"

#include "jm-inspector-text-area.h"
#include "jm-a11y.h"

struct _JmInspectorTextArea {
  GtkWidget      parent_instance;

  GtkLabel      *title_label;
  GtkTextView   *view;
  GtkTextBuffer *buffer;
};

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmInspectorTextArea, jm_inspector_text_area, GTK_TYPE_WIDGET)

char *
jm_inspector_text_area_get_text (JmInspectorTextArea *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (JM_IS_INSPECTOR_TEXT_AREA (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

void
jm_inspector_text_area_set_text (JmInspectorTextArea *self,
                                 const char          *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (JM_IS_INSPECTOR_TEXT_AREA (self));

  current = jm_inspector_text_area_get_text (self);
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (self->buffer, text ? text : "", -1);
}

GtkTextBuffer *
jm_inspector_text_area_get_buffer (JmInspectorTextArea *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_TEXT_AREA (self), NULL);
  return self->buffer;
}

static void
on_buffer_changed (JmInspectorTextArea *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
jm_inspector_text_area_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  JmInspectorTextArea *self = JM_INSPECTOR_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_text (self->title_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_inspector_text_area_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  JmInspectorTextArea *self = JM_INSPECTOR_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gtk_label_set_text (self->title_label, g_value_get_string (value));
      jm_a11y_set_name (GTK_WIDGET (self->view), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_inspector_text_area_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), JM_TYPE_INSPECTOR_TEXT_AREA);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jm_inspector_text_area_parent_class)->dispose (object);
}

static void
jm_inspector_text_area_class_init (JmInspectorTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_text_area_dispose;
  object_class->get_property = jm_inspector_text_area_get_property;
  object_class->set_property = jm_inspector_text_area_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JmInspectorTextArea::changed:
   *
   * The text changed, by typing or by set_text().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-text-area.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorTextArea, title_label);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorTextArea, view);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorTextArea, buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
jm_inspector_text_area_init (JmInspectorTextArea *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
}
