/* jm-canvas-compare.c — a comparison over the canvas: the compare painter
 * draws its marks on top of the one painter's output, and opens the badge
 * of the change the panel chose, else the card under the pointer, else the
 * current card. */
#include "config.h"

#include "jm-canvas-compare.h"
#include "jm-canvas-private.h"

static int
item_on_card (JmCanvas   *self,
              const char *card_id)
{
  GPtrArray *items = jm_compare_get_items (self->compare);

  for (guint i = 0; card_id != NULL && i < items->len; i++)
    {
      const JmCompareItem *item = g_ptr_array_index (items, i);

      if (item->mark != JM_COMPARE_REMOVED && g_strcmp0 (item->card_id, card_id) == 0)
        return (int) i;
    }
  return -1;
}

int
jm_canvas_get_open_compare_item (JmCanvas *self)
{
  const JmFocus *focus;
  int index;

  g_return_val_if_fail (JM_IS_CANVAS (self), -1);

  if (self->compare == NULL)
    return -1;
  if (self->compare_item > 0)
    return self->compare_item - 1;
  if ((index = item_on_card (self, self->compare_hover_card)) >= 0)
    return index;
  focus = self->selection ? jm_selection_get_focus (self->selection) : NULL;
  if (focus != NULL && focus->kind == JM_FOCUS_CARD)
    return item_on_card (self, focus->id);
  return -1;
}

void
jm_canvas_compare_paint (JmCanvas     *self,
                         cairo_t      *cr,
                         const JmRect *visible,
                         double        scale)
{
  if (self->compare == NULL || self->layout == NULL)
    return;
  jm_compare_paint (self->compare, self->layout, cr, visible, scale,
                    jm_canvas_get_open_compare_item (self), FALSE);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           JmCanvas                 *self)
{
  JmHit hit;
  double mx, my;
  const char *card = NULL;

  if (self->compare == NULL || self->layout == NULL)
    return;
  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  if (jm_layout_hit_test (self->layout, mx, my, &hit) && hit.kind == JM_HIT_CARD)
    card = hit.id;
  if (g_strcmp0 (card, self->compare_hover_card) != 0)
    {
      g_free (self->compare_hover_card);
      self->compare_hover_card = g_strdup (card);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
jm_canvas_set_compare (JmCanvas  *self,
                       JmCompare *compare)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  if (compare != NULL)
    jm_compare_ref (compare);
  g_clear_pointer (&self->compare, jm_compare_unref);
  self->compare = compare;
  self->compare_item = 0;
  g_clear_pointer (&self->compare_hover_card, g_free);
  if (compare != NULL && self->compare_motion == NULL)
    {
      self->compare_motion = gtk_event_controller_motion_new ();
      g_signal_connect (self->compare_motion, "motion", G_CALLBACK (on_motion), self);
      gtk_widget_add_controller (GTK_WIDGET (self), self->compare_motion);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

JmCompare *
jm_canvas_get_compare (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->compare;
}

void
jm_canvas_set_compare_item (JmCanvas *self,
                            int       index)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  self->compare_item = index < 0 ? 0 : index + 1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jm_canvas_compare_dispose (JmCanvas *self)
{
  g_clear_pointer (&self->compare, jm_compare_unref);
  g_clear_pointer (&self->compare_hover_card, g_free);
}
