/* jm-tool-select.c — the click tool: a press makes the object under the
 * pointer current (Shift or Ctrl add cards to the selection), a double
 * click edits a card's text or renames a header in place and adds a card
 * to an empty cell. */
#include "config.h"

#include "jm-canvas-private.h"

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            JmTool          *tool)
{
  JmCanvas *self = tool->canvas;
  JmSelection *selection = jm_canvas_get_selection_model (self);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  JmHit hit;

  if (jm_canvas_over_child (self, x, y))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->editing_id != NULL)
    jm_canvas_commit_edit (self);
  /* Space pans; a span handle is the span tool's. */
  if (self->space_held || jm_tool_span_edge_at (self, x, y, NULL) != 0)
    return;

  if (!jm_canvas_hit_at (self, x, y, &hit))
    {
      if (!extend)
        jm_selection_clear (selection);
      return;
    }

  switch (hit.kind)
    {
    case JM_HIT_CARD:
      if (n_press >= 2)
        jm_canvas_edit_card (self, hit.id);
      /* A press on one of several selected cards keeps them all, to drag. */
      else if (!(jm_selection_is_selected (selection, hit.id) && !extend
                 && jm_selection_get_cards (selection)->len > 1))
        jm_selection_focus_card (selection, hit.id, extend);
      break;
    case JM_HIT_CELL:
      if (extend)
        break;
      jm_selection_focus_cell (selection, hit.lane_id, hit.step_id);
      if (n_press >= 2)
        g_free (jm_canvas_add_card (self, hit.lane_id, hit.step_id));
      break;
    case JM_HIT_STAGE:
    case JM_HIT_STEP:
    case JM_HIT_LANE:
      jm_selection_focus_object (selection,
                                 hit.kind == JM_HIT_STAGE ? JM_FOCUS_STAGE
                                 : hit.kind == JM_HIT_STEP ? JM_FOCUS_STEP : JM_FOCUS_LANE,
                                 hit.id);
      if (n_press >= 2)
        jm_canvas_edit_header (self, hit.kind, hit.id);
      break;
    case JM_HIT_PERSONA:
      jm_selection_focus_object (selection, JM_FOCUS_PERSONA, hit.id);
      break;
    case JM_HIT_HEADER:
      jm_selection_focus_object (selection, JM_FOCUS_MAP, NULL);
      break;
    case JM_HIT_EMOTION:
    case JM_HIT_EMOTION_BAND:
      /* The emotion tool's. */
      break;
    case JM_HIT_NONE:
    default:
      if (!extend)
        jm_selection_clear (selection);
      break;
    }
}

void
jm_tool_select_add (JmCanvas *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  JmTool *tool;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  tool = jm_canvas_add_tool (self, sizeof (JmTool), click, "jm-tool-select");
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), tool);
}
