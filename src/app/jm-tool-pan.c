/* jm-tool-pan.c — panning: drag with the middle button, or with the
 * primary button while Space is held. The one place that pans. */
#include "config.h"

#include "jm-canvas-private.h"

typedef struct {
  JmTool parent;
  double start_h;
  double start_v;
} PanTool;

static void
on_begin (GtkGestureDrag *gesture,
          double          x,
          double          y,
          PanTool        *tool)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  JmCanvas *self = tool->parent.canvas;

  if (!(button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && self->space_held)))
    {
      jm_tool_deny (&tool->parent);
      return;
    }
  jm_canvas_get_scroll (self, &tool->start_h, &tool->start_v);
  jm_tool_claim (&tool->parent, "grabbing");
}

static void
on_update (GtkGestureDrag *gesture,
           double          dx,
           double          dy,
           PanTool        *tool)
{
  if (tool->parent.active)
    jm_canvas_pan_to (tool->parent.canvas, tool->start_h - dx, tool->start_v - dy);
}

static void
on_end (GtkGestureDrag *gesture,
        double          dx,
        double          dy,
        PanTool        *tool)
{
  if (!tool->parent.active)
    return;
  jm_tool_finish (&tool->parent);
  if (tool->parent.canvas->space_held)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (tool->parent.canvas), "grab");
}

void
jm_tool_pan_add (JmCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  PanTool *tool;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  tool = (PanTool *) jm_canvas_add_tool (self, sizeof (PanTool), drag, "jm-tool-pan");
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_begin), tool);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_update), tool);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_end), tool);
  g_signal_connect_swapped (drag, "cancel", G_CALLBACK (jm_tool_finish), tool);
}
