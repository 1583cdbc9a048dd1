/* jm-tool-emotion.c — drawing emotion curves with the pointer. A press in
 * the emotion lane's band sets the point of the persona being drawn (on
 * the curve being drawn) at the pressed height, snapped to half points,
 * creating it if it was not there; a press on an existing point takes that
 * point; dragging moves it. One press, one undo step. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-canvas-private.h"

typedef struct {
  JmTool      parent;
  char       *persona_id;
  char       *step_id;
  JmMapState  curve;
  double      start_x;
  double      start_y;
} EmotionTool;

static void
set_at (EmotionTool *tool,
        double       x,
        double       y)
{
  JmCanvas *self = tool->parent.canvas;
  double mx, my;

  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  jm_canvas_set_emotion (self, tool->persona_id, tool->step_id, tool->curve,
                         jm_layout_emotion_score_at (jm_canvas_get_layout (self), my));
}

static void
on_begin (GtkGestureDrag *gesture,
          double          x,
          double          y,
          EmotionTool    *tool)
{
  JmCanvas *self = tool->parent.canvas;
  JmSelection *selection = jm_canvas_get_selection_model (self);
  JmHit hit;

  if (self->space_held || self->document == NULL || !jm_canvas_hit_at (self, x, y, &hit)
      || (hit.kind != JM_HIT_EMOTION && hit.kind != JM_HIT_EMOTION_BAND))
    {
      jm_tool_deny (&tool->parent);
      return;
    }
  if (hit.kind == JM_HIT_EMOTION)
    {
      jm_set_str (&tool->persona_id, hit.id);
      tool->curve = hit.curve;
    }
  else
    {
      if (jm_selection_get_persona (selection) == NULL)
        {
          jm_tool_deny (&tool->parent);
          return;
        }
      jm_set_str (&tool->persona_id, jm_selection_get_persona (selection));
      tool->curve = jm_selection_get_curve (selection);
    }
  jm_set_str (&tool->step_id, hit.step_id);
  tool->start_x = x;
  tool->start_y = y;

  jm_tool_claim (&tool->parent, "row-resize");
  jm_history_begin_group (jm_document_get_history (self->document), _("Set Emotion"));
  /* A press on a point takes it where it is; a press beside sets it. */
  if (hit.kind == JM_HIT_EMOTION_BAND)
    set_at (tool, x, y);
  jm_selection_focus_emotion (selection, tool->persona_id, tool->step_id, tool->curve);
}

static void
on_update (GtkGestureDrag *gesture,
           double          dx,
           double          dy,
           EmotionTool    *tool)
{
  if (!tool->parent.active || jm_canvas_get_document (tool->parent.canvas) == NULL)
    return;
  if (jm_layout_get_emotion_band (jm_canvas_get_layout (tool->parent.canvas), NULL, NULL))
    set_at (tool, tool->start_x + dx, tool->start_y + dy);
}

static void
finish (EmotionTool *tool)
{
  JmDocument *document = jm_canvas_get_document (tool->parent.canvas);

  if (!tool->parent.active)
    return;
  if (document != NULL)
    jm_history_end_group (jm_document_get_history (document));
  jm_tool_finish (&tool->parent);
}

static void
on_end (GtkGestureDrag *gesture,
        double          dx,
        double          dy,
        EmotionTool    *tool)
{
  finish (tool);
}

static void
on_cancel (GtkGesture       *gesture,
           GdkEventSequence *sequence,
           EmotionTool      *tool)
{
  finish (tool);
}

static void
free_tool (gpointer data,
           GClosure *closure)
{
  EmotionTool *tool = data;

  g_clear_pointer (&tool->persona_id, g_free);
  g_clear_pointer (&tool->step_id, g_free);
}

void
jm_tool_emotion_add (JmCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  EmotionTool *tool;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  tool = (EmotionTool *) jm_canvas_add_tool (self, sizeof (EmotionTool), drag, "jm-tool-emotion");
  g_signal_connect_data (drag, "drag-begin", G_CALLBACK (on_begin), tool, free_tool, 0);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_update), tool);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_end), tool);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_cancel), tool);
}
