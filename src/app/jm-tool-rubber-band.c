/* jm-tool-rubber-band.c — selecting the cards a rectangle touches, by
 * dragging over empty space or an empty part of a cell. Shift or Ctrl add
 * them to the selection. */
#include "config.h"

#include <math.h>

#include "jm-canvas-private.h"

typedef struct {
  JmTool   parent;
  double   start_x;
  double   start_y;
  gboolean extend;
  JmRect   rect;
} RubberBandTool;

static void
on_begin (GtkGestureDrag *gesture,
          double          x,
          double          y,
          RubberBandTool *tool)
{
  JmCanvas *self = tool->parent.canvas;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  JmHit hit;

  if (self->space_held || self->editing_id != NULL || self->layout == NULL || jm_canvas_over_child (self, x, y)
      || (jm_canvas_hit_at (self, x, y, &hit) && hit.kind != JM_HIT_CELL && hit.kind != JM_HIT_HEADER))
    {
      jm_tool_deny (&tool->parent);
      return;
    }
  tool->start_x = x;
  tool->start_y = y;
  tool->extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  tool->rect.width = tool->rect.height = 0;
}

static void
on_update (GtkGestureDrag *gesture,
           double          dx,
           double          dy,
           RubberBandTool *tool)
{
  JmCanvas *self = tool->parent.canvas;
  double x0, y0, x1, y1;

  if (!tool->parent.active)
    {
      if (dx * dx + dy * dy < JM_DRAG_THRESHOLD * JM_DRAG_THRESHOLD)
        return;
      jm_tool_claim (&tool->parent, "crosshair");
    }
  jm_canvas_widget_to_map (self, tool->start_x, tool->start_y, &x0, &y0);
  jm_canvas_widget_to_map (self, tool->start_x + dx, tool->start_y + dy, &x1, &y1);
  tool->rect = (JmRect) { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_end (GtkGestureDrag *gesture,
        double          dx,
        double          dy,
        RubberBandTool *tool)
{
  JmCanvas *self = tool->parent.canvas;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GPtrArray *lanes;

  if (!tool->parent.active)
    return;
  lanes = jm_document_get_lanes (self->document);
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          JmRect rect;

          if (jm_layout_get_card_rect (self->layout, card->id, &rect) && jm_rect_intersects (&rect, &tool->rect))
            g_ptr_array_add (ids, card->id);
        }
    }
  g_ptr_array_add (ids, NULL);
  jm_selection_select_cards (jm_canvas_get_selection_model (self), (const char * const *) ids->pdata, tool->extend);
  jm_tool_finish (&tool->parent);
}

static void
snapshot (JmTool      *base,
          GtkSnapshot *snapshot)
{
  RubberBandTool *tool = (RubberBandTool *) base;

  jm_canvas_snapshot_target (base->canvas, snapshot, &tool->rect, TRUE);
}

void
jm_tool_rubber_band_add (JmCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  RubberBandTool *tool;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  tool = (RubberBandTool *) jm_canvas_add_tool (self, sizeof (RubberBandTool), drag, "jm-tool-rubber-band");
  tool->parent.snapshot = snapshot;
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_begin), tool);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_update), tool);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_end), tool);
  g_signal_connect_swapped (drag, "cancel", G_CALLBACK (jm_tool_finish), tool);
}
