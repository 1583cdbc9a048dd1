/* jm-inspector-stage-page.c — see jm-inspector-stage-page.h. The swatches
 * are a flow box of the palette's colours: arrow keys move between them,
 * Enter or a click gives the stage that colour, and each is named for
 * screen readers. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-inspector-metrics.h"
#include "jm-inspector-stage-page.h"
#include "jm-inspector-text-area.h"
#include "jm-palette.h"
#include "jm-theme.h"

struct _JmInspectorStagePage {
  JmInspectorPage      parent_instance;

  GtkEditable         *name_row;
  GtkFlowBox          *swatches;
  GtkColorChooser     *color_button;
  JmInspectorTextArea *notes_area;
  JmInspectorMetrics  *metrics;

  GPtrArray           *swatch_areas;   /* GtkDrawingArea*, one a palette colour */
  char                *color;          /* the stage's, as shown */
};

G_DEFINE_FINAL_TYPE (JmInspectorStagePage, jm_inspector_stage_page, JM_TYPE_INSPECTOR_PAGE)

#define PAGE(self) JM_INSPECTOR_PAGE (self)

static JmStage *
current_stage (JmInspectorStagePage *self)
{
  JmDocument *doc = jm_inspector_page_get_document (PAGE (self));

  return doc ? jm_document_find_stage (doc, jm_inspector_page_get_focus (PAGE (self))->id) : NULL;
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  JmInspectorStagePage *self = data;
  guint index;
  JmColor color, tick;
  double r = MIN (width, height) / 2.0 - 1;

  if (!g_ptr_array_find (self->swatch_areas, area, &index)
      || !jm_color_parse (jm_stage_palette_color (index), &color))
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, color.r, color.g, color.b);
  cairo_fill (cr);

  if (jm_stage_palette_find (self->color) == (int) index)
    {
      /* A tick in whichever of white and black reads on the colour. */
      tick = jm_theme_text_on (color);
      cairo_set_source_rgb (cr, tick.r, tick.g, tick.b);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, width / 2.0 - r * 0.45, height / 2.0);
      cairo_line_to (cr, width / 2.0 - r * 0.1, height / 2.0 + r * 0.35);
      cairo_line_to (cr, width / 2.0 + r * 0.45, height / 2.0 - r * 0.3);
      cairo_stroke (cr);
    }
}

static void
show_color (JmInspectorStagePage *self,
            const char           *color)
{
  int chosen = jm_stage_palette_find (color);
  GdkRGBA rgba;

  jm_set_str (&self->color, color);
  for (guint i = 0; i < self->swatch_areas->len; i++)
    {
      GtkWidget *area = g_ptr_array_index (self->swatch_areas, i);
      GtkWidget *child = gtk_widget_get_parent (area);

      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_SELECTED, (int) i == chosen, -1);
      gtk_widget_queue_draw (area);
    }
  if (color != NULL && gdk_rgba_parse (&rgba, color))
    gtk_color_chooser_set_rgba (self->color_button, &rgba);
}

static gboolean
jm_inspector_stage_page_refresh (JmInspectorPage *page)
{
  JmInspectorStagePage *self = JM_INSPECTOR_STAGE_PAGE (page);
  JmStage *stage = current_stage (self);

  if (stage == NULL)
    return FALSE;
  if (g_strcmp0 (gtk_editable_get_text (self->name_row), stage->name) != 0)
    gtk_editable_set_text (self->name_row, stage->name);
  show_color (self, stage->color);
  jm_inspector_text_area_set_text (self->notes_area, stage->notes);
  jm_inspector_metrics_show (self->metrics, JM_OBJECT_STAGE, stage->id);
  return TRUE;
}

/* Starts an edit: a copy of the stage to change, or NULL. */
static JmStage *
begin_edit (JmInspectorStagePage *self)
{
  JmStage *stage;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return NULL;
  if ((stage = current_stage (self)) == NULL)
    {
      jm_inspector_page_end_edit (PAGE (self));
      return NULL;
    }
  return jm_stage_copy (stage);
}

static void
end_edit (JmInspectorStagePage *self,
          JmStage              *copy,
          const char           *merge_key)
{
  jm_document_update_stage (jm_inspector_page_get_document (PAGE (self)), copy, merge_key);
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_name_changed (JmInspectorStagePage *self)
{
  JmStage *copy = begin_edit (self);

  if (copy == NULL)
    return;
  jm_set_str (&copy->name, gtk_editable_get_text (self->name_row));
  end_edit (self, copy, "name");
}

static void
on_notes_changed (JmInspectorStagePage *self)
{
  JmStage *copy = begin_edit (self);

  if (copy == NULL)
    return;
  g_free (copy->notes);
  copy->notes = jm_inspector_text_area_get_text (self->notes_area);
  end_edit (self, copy, "notes");
}

static void
set_color (JmInspectorStagePage *self,
           const char           *color)
{
  JmStage *copy = begin_edit (self);

  if (copy == NULL)
    return;
  if (g_ascii_strcasecmp (copy->color ? copy->color : "", color) == 0)
    {
      jm_stage_free (copy);
      jm_inspector_page_end_edit (PAGE (self));
      return;
    }
  jm_set_str (&copy->color, color);
  end_edit (self, copy, NULL);
  show_color (self, color);
}

static void
on_swatch_activated (JmInspectorStagePage *self,
                     GtkFlowBoxChild      *child)
{
  int index = gtk_flow_box_child_get_index (child);

  if (index >= 0 && index < JM_STAGE_PALETTE_SIZE)
    set_color (self, jm_stage_palette_color ((guint) index));
}

static void
on_custom_color (JmInspectorStagePage *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  gtk_color_chooser_get_rgba (self->color_button, &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) round (rgba.red * 255), (int) round (rgba.green * 255),
                           (int) round (rgba.blue * 255));
  set_color (self, color);
}

GtkFlowBox *
jm_inspector_stage_page_get_swatches (JmInspectorStagePage *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_STAGE_PAGE (self), NULL);
  return self->swatches;
}

static void
jm_inspector_stage_page_dispose (GObject *object)
{
  JmInspectorStagePage *self = JM_INSPECTOR_STAGE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_STAGE_PAGE);
  g_clear_pointer (&self->swatch_areas, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_inspector_stage_page_parent_class)->dispose (object);
}

static void
jm_inspector_stage_page_finalize (GObject *object)
{
  JmInspectorStagePage *self = JM_INSPECTOR_STAGE_PAGE (object);

  g_free (self->color);
  G_OBJECT_CLASS (jm_inspector_stage_page_parent_class)->finalize (object);
}

static void
jm_inspector_stage_page_class_init (JmInspectorStagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JmInspectorPageClass *page_class = JM_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = jm_inspector_stage_page_dispose;
  object_class->finalize = jm_inspector_stage_page_finalize;
  page_class->refresh = jm_inspector_stage_page_refresh;

  g_type_ensure (JM_TYPE_INSPECTOR_METRICS);
  g_type_ensure (JM_TYPE_INSPECTOR_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-stage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStagePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStagePage, swatches);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStagePage, color_button);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStagePage, notes_area);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStagePage, metrics);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_swatch_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_color);
}

static void
jm_inspector_stage_page_init (JmInspectorStagePage *self)
{
  self->swatch_areas = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < JM_STAGE_PALETTE_SIZE; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      GtkWidget *child;

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 32);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 32);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, self, NULL);
      gtk_flow_box_append (self->swatches, area);
      child = gtk_widget_get_parent (area);
      /* Round, focus ring included, rather than as wide as its column. */
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (child, jm_stage_palette_name (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      jm_stage_palette_name (i), -1);
      gtk_widget_add_css_class (child, "jm-swatch");
      g_ptr_array_add (self->swatch_areas, area);
    }
}
