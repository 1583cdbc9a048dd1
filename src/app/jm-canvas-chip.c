/* jm-canvas-chip.c — the emotion lane's "who am I drawing" chip: a button
 * under the lane's title that says whose curve a click or a key sets, and
 * which of the two curves (as is, to be), and opens a menu to choose. It
 * follows the canvas's JmSelection and stays with the lane title, in the
 * frozen pane too. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-canvas-private.h"

static void
update_menu (JmCanvas *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) people = g_menu_new ();
  g_autoptr(GMenu) curves = g_menu_new ();
  GPtrArray *personas = self->document ? jm_document_get_personas (self->document) : NULL;

  for (guint i = 0; personas != NULL && i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (persona->name, NULL);

      g_menu_item_set_action_and_target_value (item, "canvas.drawing-persona", g_variant_new_string (persona->id));
      g_menu_append_item (people, item);
    }
  g_menu_append (curves, _("Draw the _To-Be Curve"), "canvas.drawing-future");
  g_menu_append_section (menu, _("Whose Curve"), G_MENU_MODEL (people));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (curves));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->chip), G_MENU_MODEL (menu));
}

void
jm_canvas_chip_update (JmCanvas *self)
{
  const char *persona_id = self->selection ? jm_selection_get_persona (self->selection) : NULL;
  JmPersona *persona = persona_id && self->document ? jm_document_find_persona (self->document, persona_id) : NULL;
  g_autofree char *label = NULL;

  if (self->chip == NULL)
    return;
  if (persona == NULL)
    {
      gtk_widget_set_visible (self->chip, FALSE);
      return;
    }
  /* Translators: the emotion lane's chip: whose curve clicks and keys set,
   * and which one; e.g. "✎ Giulia · as is". */
  label = g_strdup_printf (_("✎ %s · %s"), persona->name,
                           jm_selection_get_curve (self->selection) == JM_MAP_STATE_FUTURE ? _("to be") : _("as is"));
  gtk_label_set_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (self->chip))), label);
  gtk_widget_set_tooltip_text (self->chip, label);
  gtk_widget_set_visible (self->chip, TRUE);
  update_menu (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
jm_canvas_chip_allocate (JmCanvas *self)
{
  const char *lane_id;
  GtkAllocation alloc;
  graphene_rect_t bounds;
  JmRect rect, legend;
  int min, nat, min_h, nat_h;
  gboolean at_foot = FALSE;

  if (self->chip == NULL)
    return;
  if (self->layout != NULL)
    jm_layout_set_emotion_legend_reserve (self->layout, 0);
  lane_id = self->selection ? jm_selection_get_emotion_lane (self->selection) : NULL;
  if (lane_id == NULL || self->layout == NULL || self->zoom < 0.5
      || !jm_layout_get_header_rect (self->layout, JM_HIT_LANE, lane_id, &rect)
      || jm_selection_get_persona (self->selection) == NULL)
    {
      gtk_widget_set_child_visible (self->chip, FALSE);
      return;
    }
  gtk_widget_measure (self->chip, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (self->chip, GTK_ORIENTATION_VERTICAL, -1, &min_h, &nat_h, NULL, NULL);

  /* Inside the lane's title column: at the foot of the room the curves'
   * legend fills from the top, which keeps the chip's height (and a gap)
   * free of its lines, and as wide as that room, which ends before the
   * axis's labels; else under the title. */
  if (jm_layout_get_emotion_legend_rect (self->layout, &legend))
    {
      double px_per_unit;

      rect.height = legend.y + legend.height - rect.y;
      jm_canvas_widget_rect (self, JM_HIT_LANE, &rect, &bounds);
      px_per_unit = rect.height > 0 ? bounds.size.height / rect.height : 1;
      jm_layout_set_emotion_legend_reserve (self->layout, (nat_h + 6) / MAX (px_per_unit, 1e-6));
      rect.x = legend.x - 4;
      rect.width = legend.width + 4;
      at_foot = TRUE;
    }
  else
    {
      rect.y += 50;
      rect.x += 12;
      rect.width -= 24;
    }
  jm_canvas_widget_rect (self, JM_HIT_LANE, &rect, &bounds);
  alloc.x = (int) bounds.origin.x;
  alloc.y = at_foot ? (int) (bounds.origin.y + bounds.size.height) - nat_h : (int) bounds.origin.y;
  alloc.width = MAX (min, MIN (nat, (int) bounds.size.width));
  if (alloc.width > bounds.size.width + 1)
    {
      /* Too narrow a column at this zoom: no chip rather than one over the map. */
      jm_layout_set_emotion_legend_reserve (self->layout, 0);
      gtk_widget_set_child_visible (self->chip, FALSE);
      return;
    }
  alloc.height = nat_h;
  gtk_widget_set_child_visible (self->chip, alloc.y > 0 && alloc.y + alloc.height < gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_widget_size_allocate (self->chip, &alloc, -1);
}

void
jm_canvas_chip_snapshot (JmCanvas    *self,
                         GtkSnapshot *snapshot)
{
  if (self->chip != NULL && gtk_widget_get_visible (self->chip) && gtk_widget_get_child_visible (self->chip))
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->chip, snapshot);
}

void
jm_canvas_chip_init (JmCanvas *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->chip = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->chip), label);
  gtk_widget_add_css_class (self->chip, "jm-persona-chip");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Emotion curve being drawn"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chip), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Clicks and the keys 1 to 5 set this persona's points; P picks the next persona, "
                                    "T the other curve"), -1);
  gtk_widget_set_parent (self->chip, GTK_WIDGET (self));
  gtk_widget_set_visible (self->chip, FALSE);
}

void
jm_canvas_chip_dispose (JmCanvas *self)
{
  g_clear_pointer (&self->chip, gtk_widget_unparent);
}
