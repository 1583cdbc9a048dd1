/* jm-canvas-menu.c — the canvas's context menus and the actions behind
 * them: cards, cells, stages, steps and lanes can be added, removed and
 * reordered from the map itself, by pointer (right-click, long press) or
 * keyboard (Menu, Shift+F10). Every action is one document command. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-canvas-private.h"

/* ---- what the menu is about ---- */

static int
stage_index (JmCanvas   *self,
             const char *stage_id)
{
  GPtrArray *stages = jm_document_get_stages (self->document);

  for (guint i = 0; i < stages->len; i++)
    if (g_strcmp0 (((JmStage *) g_ptr_array_index (stages, i))->id, stage_id) == 0)
      return (int) i;
  return -1;
}

static int
lane_index (JmCanvas   *self,
            const char *lane_id)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);

  for (guint i = 0; i < lanes->len; i++)
    if (g_strcmp0 (((JmLane *) g_ptr_array_index (lanes, i))->id, lane_id) == 0)
      return (int) i;
  return -1;
}

/* ---- actions ---- */

static void
action_edit_card (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  if (self->menu_id != NULL)
    jm_canvas_edit_card (self, self->menu_id);
}

static void
action_duplicate (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  jm_canvas_duplicate_selection (JM_CANVAS (widget));
}

static void
action_delete (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  jm_canvas_delete_selection (JM_CANVAS (widget));
}

static void
action_add_card (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  if (self->menu_lane != NULL && self->menu_step != NULL)
    g_free (jm_canvas_add_card (self, self->menu_lane, self->menu_step));
}

void
jm_canvas_add_stage_after (JmCanvas   *self,
                           const char *stage_id)
{
  g_autofree char *id = NULL;
  g_autofree char *step_id = NULL;
  JmStage *stage;
  int index;

  g_return_if_fail (JM_IS_CANVAS (self));

  index = stage_index (self, stage_id);
  id = jm_document_make_id (self->document, "stage");
  step_id = jm_document_make_id (self->document, "step");
  stage = jm_stage_new (id, _("New stage"));
  g_ptr_array_add (stage->steps, jm_step_new (step_id, _("New step")));
  jm_document_insert_stage (self->document, index < 0 ? -1 : index + 1, stage);
}

static void
action_add_stage (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_canvas_add_stage_after (self, self->menu_id);
}

static void
action_move_stage (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  int index = stage_index (self, self->menu_id) + g_variant_get_int32 (parameter);

  if (index >= 0)
    jm_document_move_stage (self->document, self->menu_id, (guint) index);
}

static void
action_delete_stage (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_document_remove_stage (self->document, self->menu_id);
}

static void
action_add_step (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  g_autofree char *id = jm_document_make_id (self->document, "step");
  JmStage *stage = NULL;
  int index = -1;

  /* After the step the menu is about, or at the end of the stage. */
  if (jm_document_find_step (self->document, self->menu_id) != NULL)
    {
      guint i;

      stage = jm_document_get_step_stage (self->document, self->menu_id);
      g_ptr_array_find (stage->steps, jm_document_find_step (self->document, self->menu_id), &i);
      index = (int) i + 1;
    }
  else
    {
      stage = jm_document_find_stage (self->document, self->menu_id);
    }
  if (stage != NULL)
    jm_document_insert_step (self->document, stage->id, index, jm_step_new (id, _("New step")));
}

static void
action_move_step (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  int column = jm_document_get_step_column (self->document, self->menu_id) + g_variant_get_int32 (parameter);
  JmStep *target = column >= 0 ? jm_document_get_step (self->document, (guint) column) : NULL;
  JmStage *stage;
  guint index;

  /* Moving past the edge of a stage moves into the next one. */
  if (target == NULL)
    return;
  stage = jm_document_get_step_stage (self->document, target->id);
  g_ptr_array_find (stage->steps, target, &index);
  jm_document_move_step (self->document, self->menu_id, stage->id, index);
}

static void
action_delete_step (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_document_remove_step (self->document, self->menu_id);
}

static void
action_add_lane (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  JmLaneKind kind = JM_LANE_TEXT;
  g_autofree char *id = jm_document_make_id (self->document, "lane");
  int index = lane_index (self, self->menu_id);

  jm_lane_kind_from_string (g_variant_get_string (parameter, NULL), &kind);
  jm_document_insert_lane (self->document, index < 0 ? -1 : index + 1,
                           jm_lane_new (id, kind, jm_lane_kind_get_label (kind)));
}

static void
action_move_lane (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  int index = lane_index (self, self->menu_id) + g_variant_get_int32 (parameter);

  if (index >= 0)
    jm_document_move_lane (self->document, self->menu_id, (guint) index);
}

static void
action_delete_lane (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_document_remove_lane (self->document, self->menu_id);
}

/* ---- the menus ---- */

static GMenuModel *
build_menu (JmCanvas  *self,
            JmHitKind  kind)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  switch (kind)
    {
    case JM_HIT_CARD:
      g_menu_append (section, _("_Edit Text"), "canvas.edit-card");
      g_menu_append (section, _("Cu_t"), "canvas.cut");
      g_menu_append (section, _("_Copy"), "canvas.copy");
      g_menu_append (section, _("D_uplicate"), "canvas.duplicate");
      g_menu_append (section, _("_Delete"), "canvas.delete");
      break;
    case JM_HIT_CELL:
      g_menu_append (section, _("_Add Card Here"), "canvas.add-card");
      g_menu_append (section, _("_Paste"), "canvas.paste");
      break;
    case JM_HIT_STAGE:
      g_menu_append (section, _("Add Stage _After"), "canvas.add-stage");
      g_menu_append (section, _("Add _Step"), "canvas.add-step");
      g_menu_append (section, _("Move _Left"), "canvas.move-stage(-1)");
      g_menu_append (section, _("Move _Right"), "canvas.move-stage(1)");
      g_menu_append (section, _("_Delete Stage"), "canvas.delete-stage");
      break;
    case JM_HIT_STEP:
      g_menu_append (section, _("Add Step _After"), "canvas.add-step");
      g_menu_append (section, _("Move _Left"), "canvas.move-step(-1)");
      g_menu_append (section, _("Move _Right"), "canvas.move-step(1)");
      g_menu_append (section, _("_Delete Step"), "canvas.delete-step");
      break;
    case JM_HIT_LANE:
      {
        GMenu *kinds = g_menu_new ();

        for (guint k = 0; k < JM_N_LANE_KINDS; k++)
          {
            g_autofree char *action = g_strdup_printf ("canvas.add-lane('%s')", jm_lane_kind_to_string (k));
            g_menu_append (kinds, jm_lane_kind_get_label (k), action);
          }
        g_menu_append_submenu (section, _("Add Lane _Below"), G_MENU_MODEL (kinds));
        g_object_unref (kinds);
        g_menu_append (section, _("Move _Up"), "canvas.move-lane(-1)");
        g_menu_append (section, _("Move _Down"), "canvas.move-lane(1)");
        g_menu_append (section, _("_Delete Lane"), "canvas.delete-lane");
        break;
      }
    case JM_HIT_NONE:
    case JM_HIT_HEADER:
    case JM_HIT_EMOTION:
    default:
      g_object_unref (section);
      g_object_unref (menu);
      return NULL;
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

static void
update_action_states (JmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GPtrArray *stages = jm_document_get_stages (self->document);
  JmStage *step_stage = jm_document_get_step_stage (self->document, self->menu_id);

  gtk_widget_action_set_enabled (widget, "canvas.delete-stage", stages->len > 1);
  gtk_widget_action_set_enabled (widget, "canvas.delete-step", step_stage != NULL && step_stage->steps->len > 1);
}

gboolean
jm_canvas_popup_menu (JmCanvas *self,
                      double    x,
                      double    y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle at = { (int) x, (int) y, 1, 1 };
  double mx, my;
  JmHit hit;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  if (!jm_layout_hit_test (self->layout, mx, my, &hit))
    return FALSE;

  jm_set_str (&self->menu_id, hit.id);
  jm_set_str (&self->menu_lane, hit.lane_id);
  jm_set_str (&self->menu_step, hit.step_id);

  if (hit.kind == JM_HIT_CELL)
    {
      jm_set_str (&self->focus_lane, hit.lane_id);
      jm_set_str (&self->focus_step, hit.step_id);
      g_clear_pointer (&self->focus_id, g_free);
    }
  if (hit.kind == JM_HIT_CARD && !g_ptr_array_find_with_equal_func (self->selection, hit.id, g_str_equal, NULL))
    jm_canvas_select_card (self, hit.id, FALSE);

  model = build_menu (self, hit.kind);
  if (model == NULL)
    return FALSE;

  update_action_states (self);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
  return TRUE;
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      JmCanvas        *self)
{
  if (jm_canvas_popup_menu (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               JmCanvas            *self)
{
  jm_canvas_popup_menu (self, x, y);
}

/* Menu key or Shift+F10: the menu of the focused card or cell. */
static void
action_popup (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  JmRect rect;
  double x, y;

  if (self->layout == NULL)
    return;
  if (self->focus_id != NULL && jm_layout_get_card_rect (self->layout, self->focus_id, &rect))
    ;
  else if (self->focus_lane != NULL && self->focus_step != NULL
           && jm_layout_get_cell_rect (self->layout, self->focus_lane, self->focus_step, &rect))
    ;
  else
    return;
  jm_canvas_map_to_widget (self, rect.x + 12, rect.y + 12, &x, &y);
  jm_canvas_popup_menu (self, x, y);
}

void
jm_canvas_menu_init (JmCanvas *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

void
jm_canvas_menu_dispose (JmCanvas *self)
{
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->menu_id, g_free);
  g_clear_pointer (&self->menu_lane, g_free);
  g_clear_pointer (&self->menu_step, g_free);
}

void
jm_canvas_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.edit-card", NULL, action_edit_card);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, action_duplicate);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.add-card", NULL, action_add_card);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage", NULL, action_add_stage);
  gtk_widget_class_install_action (widget_class, "canvas.move-stage", "i", action_move_stage);
  gtk_widget_class_install_action (widget_class, "canvas.delete-stage", NULL, action_delete_stage);
  gtk_widget_class_install_action (widget_class, "canvas.add-step", NULL, action_add_step);
  gtk_widget_class_install_action (widget_class, "canvas.move-step", "i", action_move_step);
  gtk_widget_class_install_action (widget_class, "canvas.delete-step", NULL, action_delete_step);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane", "s", action_add_lane);
  gtk_widget_class_install_action (widget_class, "canvas.move-lane", "i", action_move_lane);
  gtk_widget_class_install_action (widget_class, "canvas.delete-lane", NULL, action_delete_lane);
  gtk_widget_class_install_action (widget_class, "canvas.popup", NULL, action_popup);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.popup", NULL);
}
