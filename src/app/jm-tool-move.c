/* jm-tool-move.c — dragging a card to another cell (or another place in
 * its cell). The drop target is shown as the cell, shaded, with a line
 * where the card will go. */
#include "config.h"

#include "jm-canvas-private.h"

typedef struct {
  JmTool  parent;
  char   *card_id;
  double  start_x;
  double  start_y;
  /* where it would land */
  char   *lane_id;
  char   *step_id;
  int     index;
  JmRect  cell;
  double  line_y;
} MoveTool;

static void
clear_target (MoveTool *tool)
{
  g_clear_pointer (&tool->lane_id, g_free);
  g_clear_pointer (&tool->step_id, g_free);
}

/* The cell under the pointer and the position among its cards. */
static void
update_target (MoveTool *tool,
               double    x,
               double    y)
{
  JmCanvas *self = tool->parent.canvas;
  JmLayout *layout = jm_canvas_get_layout (self);
  JmDocument *doc = jm_canvas_get_document (self);
  const char *step_id = NULL;
  JmLane *lane;
  JmHit hit;
  double mx, my;
  int index = -1, position = 0;
  double line_y;

  clear_target (tool);
  if (!jm_canvas_hit_at (self, x, y, &hit)
      || (hit.kind != JM_HIT_CELL && hit.kind != JM_HIT_CARD && hit.kind != JM_HIT_EMOTION_BAND))
    return;
  lane = jm_document_find_lane (doc, hit.lane_id);
  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  /* Over a (wide) card: the column under the pointer. */
  for (guint c = 0; c < jm_document_get_n_steps (doc); c++)
    {
      JmStep *step = jm_document_get_step (doc, c);
      JmRect cell;

      if (jm_layout_get_cell_rect (layout, lane->id, step->id, &cell) && mx >= cell.x && mx < cell.x + cell.width)
        step_id = step->id;
    }
  if (step_id == NULL || !jm_layout_get_cell_rect (layout, lane->id, step_id, &tool->cell))
    return;

  line_y = tool->cell.y + 4;
  for (guint i = 0; i < lane->cards->len; i++)
    {
      JmCard *card = g_ptr_array_index (lane->cards, i);
      JmRect rect;

      if (g_strcmp0 (card->id, tool->card_id) == 0)
        continue;
      if (g_strcmp0 (card->step_id, step_id) == 0 && jm_layout_get_card_rect (layout, card->id, &rect))
        {
          if (index < 0 && my < rect.y + rect.height / 2)
            {
              index = position;
              line_y = rect.y - 4;
            }
          else if (index < 0)
            line_y = rect.y + rect.height + 4;
        }
      position++;
    }
  tool->lane_id = g_strdup (lane->id);
  tool->step_id = g_strdup (step_id);
  tool->index = index;
  tool->line_y = line_y;
}

static void
on_begin (GtkGestureDrag *gesture,
          double          x,
          double          y,
          MoveTool       *tool)
{
  JmCanvas *self = tool->parent.canvas;
  JmHit hit;

  clear_target (tool);
  g_clear_pointer (&tool->card_id, g_free);
  if (self->space_held || self->editing_id != NULL || !jm_canvas_hit_at (self, x, y, &hit)
      || hit.kind != JM_HIT_CARD || jm_tool_span_edge_at (self, x, y, NULL) != 0)
    {
      jm_tool_deny (&tool->parent);
      return;
    }
  tool->card_id = g_strdup (hit.id);
  tool->start_x = x;
  tool->start_y = y;
}

static void
on_update (GtkGestureDrag *gesture,
           double          dx,
           double          dy,
           MoveTool       *tool)
{
  if (tool->card_id == NULL)
    return;
  if (!tool->parent.active)
    {
      if (dx * dx + dy * dy < JM_DRAG_THRESHOLD * JM_DRAG_THRESHOLD)
        return;
      jm_tool_claim (&tool->parent, "grabbing");
    }
  update_target (tool, tool->start_x + dx, tool->start_y + dy);
  gtk_widget_queue_draw (GTK_WIDGET (tool->parent.canvas));
}

static void
on_end (GtkGestureDrag *gesture,
        double          dx,
        double          dy,
        MoveTool       *tool)
{
  JmCanvas *self = tool->parent.canvas;
  JmDocument *doc = jm_canvas_get_document (self);
  JmCard *card;

  if (tool->parent.active && tool->lane_id != NULL && doc != NULL
      && (card = jm_document_find_card (doc, tool->card_id, NULL)) != NULL)
    {
      int column = jm_document_get_step_column (doc, tool->step_id);
      int n_steps = (int) jm_document_get_n_steps (doc);

      /* A wide card keeps its span and stays inside the map. */
      column = MAX (0, MIN (column, n_steps - (int) card->span));
      jm_document_move_card (doc, tool->card_id, tool->lane_id,
                             jm_document_get_step (doc, (guint) column)->id, tool->index);
      jm_selection_focus_card (jm_canvas_get_selection_model (self), tool->card_id, FALSE);
    }
  clear_target (tool);
  if (tool->parent.active)
    jm_tool_finish (&tool->parent);
}

static void
on_cancel (GtkGesture       *gesture,
           GdkEventSequence *sequence,
           MoveTool         *tool)
{
  clear_target (tool);
  if (tool->parent.active)
    jm_tool_finish (&tool->parent);
}

static void
snapshot (JmTool      *base,
          GtkSnapshot *snapshot)
{
  MoveTool *tool = (MoveTool *) base;
  graphene_rect_t bounds;
  JmRect line;

  if (tool->lane_id == NULL)
    return;
  jm_canvas_snapshot_target (base->canvas, snapshot, &tool->cell, FALSE);
  line = (JmRect) { tool->cell.x + 8, tool->line_y - 1.5, tool->cell.width - 16, 3 };
  jm_canvas_widget_rect (base->canvas, JM_HIT_CELL, &line, &bounds);
  bounds.size.height = MAX (bounds.size.height, 3);
  gtk_snapshot_append_color (snapshot, &jm_canvas_accent, &bounds);
}

static void
free_tool (gpointer  data,
           GClosure *closure)
{
  MoveTool *tool = data;

  clear_target (tool);
  g_clear_pointer (&tool->card_id, g_free);
}

void
jm_tool_move_add (JmCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  MoveTool *tool;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  tool = (MoveTool *) jm_canvas_add_tool (self, sizeof (MoveTool), drag, "jm-tool-move");
  tool->parent.snapshot = snapshot;
  g_signal_connect_data (drag, "drag-begin", G_CALLBACK (on_begin), tool, free_tool, 0);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_update), tool);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_end), tool);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_cancel), tool);
}
