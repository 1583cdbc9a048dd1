/* jm-tool-span.c — changing how many steps a card covers by dragging one
 * of the handles on the selected card's left and right edges. The right
 * handle moves the card's end, the left one its start; the other edge
 * stays where it is. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas-private.h"

typedef struct {
  JmTool  parent;
  char   *card_id;
  int     edge;      /* -1 left, 1 right */
  double  start_x;
  int     first;     /* columns covered, as dragged */
  int     last;
  JmRect  rect;
} SpanTool;

int
jm_tool_span_edge_at (JmCanvas    *self,
                      double       x,
                      double       y,
                      const char **card_id)
{
  GPtrArray *cards = jm_selection_get_cards (jm_canvas_get_selection_model (self));
  graphene_rect_t bounds;
  JmRect rect;
  const char *id;

  if (cards->len != 1 || self->layout == NULL)
    return 0;
  id = g_ptr_array_index (cards, 0);
  if (!jm_layout_get_card_rect (self->layout, id, &rect))
    return 0;
  jm_canvas_widget_rect (self, JM_HIT_CARD, &rect, &bounds);
  if (y < bounds.origin.y || y > bounds.origin.y + bounds.size.height)
    return 0;
  if (card_id)
    *card_id = id;
  if (fabs (x - (bounds.origin.x - 3)) <= JM_EDGE_GRAB)
    return -1;
  if (fabs (x - (bounds.origin.x + bounds.size.width + 3)) <= JM_EDGE_GRAB)
    return 1;
  return 0;
}

static void
on_begin (GtkGestureDrag *gesture,
          double          x,
          double          y,
          SpanTool       *tool)
{
  JmCanvas *self = tool->parent.canvas;
  const char *id = NULL;
  JmCard *card;

  g_clear_pointer (&tool->card_id, g_free);
  if (self->space_held || self->editing_id != NULL
      || (tool->edge = jm_tool_span_edge_at (self, x, y, &id)) == 0
      || (card = jm_document_find_card (self->document, id, NULL)) == NULL)
    {
      jm_tool_deny (&tool->parent);
      return;
    }
  tool->card_id = g_strdup (id);
  tool->start_x = x;
  tool->rect.width = 0;
  tool->first = jm_document_get_step_column (self->document, card->step_id);
  tool->last = tool->first + (int) card->span - 1;
  /* The handle is the pointer's at once: nothing else starts here. */
  jm_tool_claim (&tool->parent, "col-resize");
}

static void
on_update (GtkGestureDrag *gesture,
           double          dx,
           double          dy,
           SpanTool       *tool)
{
  JmCanvas *self = tool->parent.canvas;
  JmCard *card;
  JmLane *lane = NULL;
  double mx, my;
  int start, end, column;
  JmRect a, b;

  if (!tool->parent.active || (card = jm_document_find_card (self->document, tool->card_id, &lane)) == NULL)
    return;
  start = jm_document_get_step_column (self->document, card->step_id);
  end = start + (int) card->span - 1;
  jm_canvas_widget_to_map (self, tool->start_x + dx, 0, &mx, &my);
  column = jm_layout_column_at (self->layout, mx);
  if (tool->edge > 0)
    {
      tool->first = start;
      tool->last = CLAMP (column, start, (int) jm_document_get_n_steps (self->document) - 1);
    }
  else
    {
      tool->first = CLAMP (column, 0, end);
      tool->last = end;
    }
  jm_layout_get_cell_rect (self->layout, lane->id, jm_document_get_step (self->document, (guint) tool->first)->id, &a);
  jm_layout_get_cell_rect (self->layout, lane->id, jm_document_get_step (self->document, (guint) tool->last)->id, &b);
  tool->rect = a;
  tool->rect.width = b.x + b.width - a.x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_end (GtkGestureDrag *gesture,
        double          dx,
        double          dy,
        SpanTool       *tool)
{
  JmCanvas *self = tool->parent.canvas;
  JmCard *card;

  if (!tool->parent.active)
    return;
  card = self->document ? jm_document_find_card (self->document, tool->card_id, NULL) : NULL;
  if (card != NULL)
    {
      JmStep *first = jm_document_get_step (self->document, (guint) tool->first);
      guint span = (guint) (tool->last - tool->first + 1);

      if (span != card->span || g_strcmp0 (first->id, card->step_id) != 0)
        {
          JmCard *copy = jm_card_copy (card);

          jm_set_str (&copy->step_id, first->id);
          copy->span = span;
          jm_document_update_card (self->document, copy, NULL);
        }
    }
  jm_tool_finish (&tool->parent);
}

static void
snapshot (JmTool      *base,
          GtkSnapshot *snapshot)
{
  SpanTool *tool = (SpanTool *) base;

  if (tool->rect.width <= 0)
    return;
  jm_canvas_snapshot_target (base->canvas, snapshot, &tool->rect, TRUE);
}

static void
free_tool (gpointer  data,
           GClosure *closure)
{
  g_clear_pointer (&((SpanTool *) data)->card_id, g_free);
}

void
jm_tool_span_add (JmCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  SpanTool *tool;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  tool = (SpanTool *) jm_canvas_add_tool (self, sizeof (SpanTool), drag, "jm-tool-span");
  tool->parent.snapshot = snapshot;
  g_signal_connect_data (drag, "drag-begin", G_CALLBACK (on_begin), tool, free_tool, 0);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_update), tool);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_end), tool);
  g_signal_connect_swapped (drag, "cancel", G_CALLBACK (jm_tool_finish), tool);
}
