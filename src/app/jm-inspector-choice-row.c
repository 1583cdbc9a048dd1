/* jm-inspector-choice-row.c — see jm-inspector-choice-row.h. */
#include "config.h"


#include "jm-inspector-choice-row.h"

struct _JmInspectorChoiceRow {
  AdwActionRow  parent_instance;

  GtkLabel     *value_label;
  GtkPopover   *popover;
  GtkListBox   *list;

  GPtrArray    *checks;     /* GtkImage*: the tick of each choice's row */
  GPtrArray    *labels;     /* char* */
  guint         selected;
};

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (JmInspectorChoiceRow, jm_inspector_choice_row, ADW_TYPE_ACTION_ROW)

static void
show_selected (JmInspectorChoiceRow *self)
{
  const char *label = self->selected < self->labels->len ? g_ptr_array_index (self->labels, self->selected) : "";

  gtk_label_set_text (self->value_label, label);
  /* A long value may be cut short: all of it on hover. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_label), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, GTK_TYPE_LIST_BOX_ROW);

      gtk_widget_set_opacity (check, i == self->selected ? 1 : 0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, i == self->selected, -1);
    }
}

void
jm_inspector_choice_row_set_choices (JmInspectorChoiceRow *self,
                                     const char * const   *labels)
{
  GtkWidget *child;

  g_return_if_fail (JM_IS_INSPECTOR_CHOICE_ROW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->labels, 0);

  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (labels[i]);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i], -1);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->checks, check);
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
    }
  show_selected (self);
}

guint
jm_inspector_choice_row_get_selected (JmInspectorChoiceRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_CHOICE_ROW (self), 0);
  return self->selected;
}

void
jm_inspector_choice_row_set_selected (JmInspectorChoiceRow *self,
                                      guint                 selected)
{
  g_return_if_fail (JM_IS_INSPECTOR_CHOICE_ROW (self));

  if (self->selected == selected)
    return;
  self->selected = selected;
  show_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GtkListBox *
jm_inspector_choice_row_get_list (JmInspectorChoiceRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_CHOICE_ROW (self), NULL);
  return self->list;
}

GtkPopover *
jm_inspector_choice_row_get_popover (JmInspectorChoiceRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_CHOICE_ROW (self), NULL);
  return self->popover;
}

static void
on_row_activated (JmInspectorChoiceRow *self)
{
  if (self->labels->len > 0)
    gtk_popover_popup (self->popover);
}

/* The keyboard starts on the ticked value, not the first: Down then Enter
 * picks the value after it. */
static void
on_popover_map (JmInspectorChoiceRow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) self->selected);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_choice_activated (JmInspectorChoiceRow *self,
                     GtkListBoxRow        *row)
{
  gtk_popover_popdown (self->popover);
  jm_inspector_choice_row_set_selected (self, (guint) gtk_list_box_row_get_index (row));
}

static void
jm_inspector_choice_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  JmInspectorChoiceRow *self = JM_INSPECTOR_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_inspector_choice_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  JmInspectorChoiceRow *self = JM_INSPECTOR_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      jm_inspector_choice_row_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_inspector_choice_row_dispose (GObject *object)
{
  JmInspectorChoiceRow *self = JM_INSPECTOR_CHOICE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_CHOICE_ROW);
  G_OBJECT_CLASS (jm_inspector_choice_row_parent_class)->dispose (object);
}

static void
jm_inspector_choice_row_finalize (GObject *object)
{
  JmInspectorChoiceRow *self = JM_INSPECTOR_CHOICE_ROW (object);

  g_ptr_array_unref (self->checks);
  g_ptr_array_unref (self->labels);
  G_OBJECT_CLASS (jm_inspector_choice_row_parent_class)->finalize (object);
}

static void
jm_inspector_choice_row_class_init (JmInspectorChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_choice_row_dispose;
  object_class->finalize = jm_inspector_choice_row_finalize;
  object_class->get_property = jm_inspector_choice_row_get_property;
  object_class->set_property = jm_inspector_choice_row_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-choice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorChoiceRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorChoiceRow, popover);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorChoiceRow, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_map);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_activated);
}

static void
jm_inspector_choice_row_init (JmInspectorChoiceRow *self)
{
  self->checks = g_ptr_array_new ();
  self->labels = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
