/* jm-tool-header.c — reordering by dragging headers: a stage or a step
 * along the columns, a lane up and down. */
#include "config.h"

#include "jm-canvas-private.h"

typedef struct {
  JmTool     parent;
  JmHitKind  kind;
  char      *id;
  double     start_x;
  double     start_y;
  char      *target;   /* the stage, step or lane it would take the place of */
  JmRect     rect;
} HeaderTool;

static void
on_begin (GtkGestureDrag *gesture,
          double          x,
          double          y,
          HeaderTool     *tool)
{
  JmCanvas *self = tool->parent.canvas;
  JmHit hit;

  g_clear_pointer (&tool->id, g_free);
  g_clear_pointer (&tool->target, g_free);
  if (self->space_held || self->editing_id != NULL || !jm_canvas_hit_at (self, x, y, &hit)
      || (hit.kind != JM_HIT_STAGE && hit.kind != JM_HIT_STEP && hit.kind != JM_HIT_LANE))
    {
      jm_tool_deny (&tool->parent);
      return;
    }
  tool->kind = hit.kind;
  tool->id = g_strdup (hit.id);
  tool->start_x = x;
  tool->start_y = y;
}

static void
on_update (GtkGestureDrag *gesture,
           double          dx,
           double          dy,
           HeaderTool     *tool)
{
  JmCanvas *self = tool->parent.canvas;
  JmDocument *doc = self->document;

  if (tool->id == NULL)
    return;
  if (!tool->parent.active)
    {
      if (dx * dx + dy * dy < JM_DRAG_THRESHOLD * JM_DRAG_THRESHOLD)
        return;
      jm_tool_claim (&tool->parent, "grabbing");
    }
  g_clear_pointer (&tool->target, g_free);
  if (tool->kind == JM_HIT_LANE)
    {
      /* Any lane row under the pointer, whichever column. */
      double mx, my;

      jm_canvas_widget_to_map (self, tool->start_x + dx, tool->start_y + dy, &mx, &my);
      for (guint i = 0; i < jm_document_get_lanes (doc)->len; i++)
        {
          JmLane *lane = g_ptr_array_index (jm_document_get_lanes (doc), i);
          JmRect rect;

          if (jm_layout_get_lane_rect (self->layout, lane->id, &rect) && my >= rect.y && my < rect.y + rect.height)
            {
              tool->target = g_strdup (lane->id);
              tool->rect = rect;
            }
        }
    }
  else
    {
      double mx, my;
      int column;

      jm_canvas_widget_to_map (self, tool->start_x + dx, tool->start_y + dy, &mx, &my);
      column = jm_layout_column_at (self->layout, mx);
      if (column >= 0 && column < (int) jm_document_get_n_steps (doc))
        {
          JmStep *step = jm_document_get_step (doc, (guint) column);

          if (tool->kind == JM_HIT_STAGE)
            {
              JmStage *stage = jm_document_get_step_stage (doc, step->id);

              tool->target = g_strdup (stage->id);
              jm_layout_get_stage_rect (self->layout, stage->id, &tool->rect);
            }
          else
            {
              tool->target = g_strdup (step->id);
              jm_layout_get_header_rect (self->layout, JM_HIT_STEP, step->id, &tool->rect);
            }
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_end (GtkGestureDrag *gesture,
        double          dx,
        double          dy,
        HeaderTool     *tool)
{
  JmDocument *doc = tool->parent.canvas->document;
  guint index;

  if (!tool->parent.active)
    return;
  if (tool->target != NULL && doc != NULL && g_strcmp0 (tool->target, tool->id) != 0)
    {
      if (tool->kind == JM_HIT_LANE && jm_document_find_lane (doc, tool->id)
          && g_ptr_array_find (jm_document_get_lanes (doc), jm_document_find_lane (doc, tool->target), &index))
        jm_document_move_lane (doc, tool->id, index);
      else if (tool->kind == JM_HIT_STAGE && jm_document_find_stage (doc, tool->id)
               && g_ptr_array_find (jm_document_get_stages (doc), jm_document_find_stage (doc, tool->target), &index))
        jm_document_move_stage (doc, tool->id, index);
      else if (tool->kind == JM_HIT_STEP && jm_document_find_step (doc, tool->id)
               && jm_document_find_step (doc, tool->target))
        {
          JmStage *stage = jm_document_get_step_stage (doc, tool->target);

          g_ptr_array_find (stage->steps, jm_document_find_step (doc, tool->target), &index);
          jm_document_move_step (doc, tool->id, stage->id, index);
        }
    }
  g_clear_pointer (&tool->target, g_free);
  jm_tool_finish (&tool->parent);
}

static void
on_cancel (GtkGesture       *gesture,
           GdkEventSequence *sequence,
           HeaderTool       *tool)
{
  g_clear_pointer (&tool->target, g_free);
  if (tool->parent.active)
    jm_tool_finish (&tool->parent);
}

static void
snapshot (JmTool      *base,
          GtkSnapshot *snapshot)
{
  HeaderTool *tool = (HeaderTool *) base;

  if (tool->target == NULL)
    return;
  jm_canvas_snapshot_target (base->canvas, snapshot, &tool->rect, TRUE);
}

static void
free_tool (gpointer  data,
           GClosure *closure)
{
  HeaderTool *tool = data;

  g_clear_pointer (&tool->id, g_free);
  g_clear_pointer (&tool->target, g_free);
}

void
jm_tool_header_add (JmCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  HeaderTool *tool;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  tool = (HeaderTool *) jm_canvas_add_tool (self, sizeof (HeaderTool), drag, "jm-tool-header");
  tool->parent.snapshot = snapshot;
  g_signal_connect_data (drag, "drag-begin", G_CALLBACK (on_begin), tool, free_tool, 0);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_update), tool);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_end), tool);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_cancel), tool);
}
