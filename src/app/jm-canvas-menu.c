/* jm-canvas-menu.c — the canvas's context menus and the actions behind
 * them: cards, cells, stages, steps and lanes can be added, removed and
 * reordered from the map itself, by pointer (right-click, long press) or
 * keyboard (Menu, Shift+F10). Every action is one document command. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas-private.h"
#include "jm-palette.h"

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

  if (self->menu_focus.id != NULL)
    jm_canvas_edit_card (self, self->menu_focus.id);
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

  if (self->menu_focus.lane_id != NULL && self->menu_focus.step_id != NULL)
    g_free (jm_canvas_add_card (self, self->menu_focus.lane_id, self->menu_focus.step_id));
}

/* A new stage with one step at index, made current and named in place. */
static void
insert_stage_at (JmCanvas *self,
                 int       index)
{
  g_autofree char *id = jm_document_make_id (self->document, "stage");
  g_autofree char *step_id = jm_document_make_id (self->document, "step");
  JmStage *stage = jm_stage_new (id, _("New stage"));

  g_ptr_array_add (stage->steps, jm_step_new (step_id, _("New step")));
  jm_document_insert_stage (self->document, index, stage);
  jm_selection_focus_object (self->selection, JM_FOCUS_STAGE, id);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jm_canvas_edit_header (self, JM_HIT_STAGE, id);
}

void
jm_canvas_add_stage_after (JmCanvas   *self,
                           const char *stage_id)
{
  int index;

  g_return_if_fail (JM_IS_CANVAS (self));

  index = stage_index (self, stage_id);
  insert_stage_at (self, index < 0 ? -1 : index + 1);
}

static void
action_add_stage (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_canvas_add_stage_after (self, self->menu_focus.id);
}

static void
action_move_stage (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  int index = stage_index (self, self->menu_focus.id) + g_variant_get_int32 (parameter);

  if (index >= 0)
    jm_document_move_stage (self->document, self->menu_focus.id, (guint) index);
}

static void
action_delete_stage (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_document_remove_stage (self->document, self->menu_focus.id);
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
  if (jm_document_find_step (self->document, self->menu_focus.id) != NULL)
    {
      guint i;

      stage = jm_document_get_step_stage (self->document, self->menu_focus.id);
      g_ptr_array_find (stage->steps, jm_document_find_step (self->document, self->menu_focus.id), &i);
      index = (int) i + 1;
    }
  else
    {
      stage = jm_document_find_stage (self->document, self->menu_focus.id);
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
  int column = jm_document_get_step_column (self->document, self->menu_focus.id) + g_variant_get_int32 (parameter);
  JmStep *target = column >= 0 ? jm_document_get_step (self->document, (guint) column) : NULL;
  JmStage *stage;
  guint index;

  /* Moving past the edge of a stage moves into the next one. */
  if (target == NULL)
    return;
  stage = jm_document_get_step_stage (self->document, target->id);
  g_ptr_array_find (stage->steps, target, &index);
  jm_document_move_step (self->document, self->menu_focus.id, stage->id, index);
}

static void
action_delete_step (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_document_remove_step (self->document, self->menu_focus.id);
}

/* A new lane of the kind named by parameter, next to the menu's lane
 * (after it, or before it), made current. */
static void
insert_lane (JmCanvas *self,
             GVariant *parameter,
             gboolean  after)
{
  JmLaneKind kind = JM_LANE_TEXT;
  g_autofree char *id = jm_document_make_id (self->document, "lane");
  int index = lane_index (self, self->menu_focus.id);

  jm_lane_kind_from_string (g_variant_get_string (parameter, NULL), &kind);
  if (index < 0)
    index = after ? -1 : 0;
  else if (after)
    index++;
  jm_document_insert_lane (self->document, index, jm_lane_new (id, kind, jm_lane_kind_get_label (kind)));
  jm_selection_focus_object (self->selection, JM_FOCUS_LANE, id);
}

static void
action_add_lane (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  insert_lane (JM_CANVAS (widget), parameter, TRUE);
}

static void
action_move_lane (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  int index = lane_index (self, self->menu_focus.id) + g_variant_get_int32 (parameter);

  if (index >= 0)
    jm_document_move_lane (self->document, self->menu_focus.id, (guint) index);
}

static void
action_delete_lane (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  jm_document_remove_lane (self->document, self->menu_focus.id);
}

static void
action_rename (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  JmFocusKind kind = self->menu_focus.kind;

  jm_canvas_edit_header (self, kind == JM_FOCUS_STAGE ? JM_HIT_STAGE : kind == JM_FOCUS_STEP ? JM_HIT_STEP
                                                                                              : JM_HIT_LANE,
                         self->menu_focus.id);
}

static void
action_stage_color (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  JmStage *stage = jm_document_find_stage (self->document, self->menu_focus.id);
  const char *color = g_variant_get_string (parameter, NULL);
  JmStage *copy;

  if (stage == NULL || g_ascii_strcasecmp (stage->color ? stage->color : "", color) == 0)
    return;
  copy = jm_stage_copy (stage);
  jm_set_str (&copy->color, color);
  jm_document_update_stage (self->document, copy, NULL);
}

static void
action_add_stage_before (GtkWidget  *widget,
                         const char *name,
                         GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);

  insert_stage_at (self, MAX (stage_index (self, self->menu_focus.id), 0));
}

static void
action_add_step_before (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  g_autofree char *id = jm_document_make_id (self->document, "step");
  JmStage *stage = jm_document_get_step_stage (self->document, self->menu_focus.id);
  guint index;

  if (stage != NULL && g_ptr_array_find (stage->steps, jm_document_find_step (self->document, self->menu_focus.id),
                                         &index))
    jm_document_insert_step (self->document, stage->id, (int) index, jm_step_new (id, _("New step")));
}

static void
action_add_lane_above (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  insert_lane (JM_CANVAS (widget), parameter, FALSE);
}

static void
action_lane_kind (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  JmLane *lane = jm_document_find_lane (self->document, self->menu_focus.id);
  JmLaneKind kind;
  JmLane *copy;

  if (lane == NULL || !jm_lane_kind_from_string (g_variant_get_string (parameter, NULL), &kind) || kind == lane->kind)
    return;
  copy = jm_lane_new (lane->id, kind, lane->title);
  copy->foreign = jm_foreign_copy (lane->foreign);
  jm_document_update_lane (self->document, copy, NULL);
}

static void
action_span (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  jm_canvas_span_selection (JM_CANVAS (widget), g_variant_get_int32 (parameter));
}

static void
action_set_emotion (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  const JmFocus *f = &self->menu_focus;
  const char *persona = f->kind == JM_FOCUS_EMOTION ? f->id : jm_selection_get_persona (self->selection);
  JmMapState curve = f->kind == JM_FOCUS_EMOTION ? f->curve : jm_selection_get_curve (self->selection);
  g_autofree char *p = g_strdup (persona);
  g_autofree char *step = g_strdup (f->step_id);

  jm_canvas_set_emotion (self, p, step, curve, g_variant_get_double (parameter));
  jm_history_seal (jm_document_get_history (self->document));
  jm_selection_focus_emotion (self->selection, p, step, curve);
}

static void
action_clear_emotion (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  JmCanvas *self = JM_CANVAS (widget);
  const JmFocus *f = &self->menu_focus;

  if (f->kind == JM_FOCUS_EMOTION)
    jm_canvas_set_emotion (self, f->id, f->step_id, f->curve, NAN);
}

static void
action_delete_focus (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  jm_canvas_delete_focus (JM_CANVAS (widget));
}

/* ---- the menus ---- */

static GMenu *
lane_kinds_menu (const char *action)
{
  GMenu *kinds = g_menu_new ();

  for (guint k = 0; k < JM_N_LANE_KINDS; k++)
    {
      g_autofree char *detailed = g_strdup_printf ("%s('%s')", action, jm_lane_kind_to_string (k));
      g_menu_append (kinds, jm_lane_kind_get_label (k), detailed);
    }
  return kinds;
}

static void
append_submenu (GMenu      *section,
                const char *label,
                GMenu      *submenu)
{
  g_menu_append_submenu (section, label, G_MENU_MODEL (submenu));
  g_object_unref (submenu);
}

static void
append_section (GMenu *menu,
                GMenu *section)
{
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
}

static GMenu *
emotion_scores_section (void)
{
  static const struct { double score; const char *label; } scores[] = {
    { 2, N_("+2 Delighted") }, { 1, N_("+1 Happy") }, { 0, N_("0 Neutral") },
    { -1, N_("−1 Unhappy") }, { -2, N_("−2 Very unhappy") },
  };
  GMenu *section = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(scores[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "canvas.set-emotion", g_variant_new_double (scores[i].score));
      g_menu_append_item (section, item);
    }
  return section;
}

static GMenuModel *
build_menu (JmCanvas *self)
{
  const JmFocus *f = &self->menu_focus;
  JmLane *lane = f->lane_id ? jm_document_find_lane (self->document, f->lane_id) : NULL;
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  switch (f->kind)
    {
    case JM_FOCUS_CARD:
      g_menu_append (section, _("_Edit Text"), "canvas.edit-card");
      g_menu_append (section, _("Cu_t"), "canvas.cut");
      g_menu_append (section, _("_Copy"), "canvas.copy");
      g_menu_append (section, _("D_uplicate"), "canvas.duplicate");
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("Span One _More Step"), "canvas.span(1)");
      g_menu_append (section, _("Span One _Fewer Step"), "canvas.span(-1)");
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("_Delete"), "canvas.delete");
      break;
    case JM_FOCUS_CELL:
      if (lane != NULL && lane->kind == JM_LANE_EMOTIONS && jm_selection_get_persona (self->selection) != NULL)
        {
          append_section (menu, emotion_scores_section ());
          section = g_menu_new ();
        }
      g_menu_append (section, _("_Add Card Here"), "canvas.add-card");
      g_menu_append (section, _("_Paste"), "canvas.paste");
      break;
    case JM_FOCUS_EMOTION:
      append_section (menu, emotion_scores_section ());
      section = g_menu_new ();
      g_menu_append (section, _("_Clear Point"), "canvas.clear-emotion");
      g_menu_append (section, _("_Add Card Here"), "canvas.add-card");
      break;
    case JM_FOCUS_STAGE:
      g_menu_append (section, _("Add Stage _Before"), "canvas.add-stage-before");
      g_menu_append (section, _("Add Stage _After"), "canvas.add-stage");
      g_menu_append (section, _("Add _Step"), "canvas.add-step");
      g_menu_append (section, _("_Rename"), "canvas.rename");
      {
        GMenu *colors = g_menu_new ();

        for (guint c = 0; c < JM_STAGE_PALETTE_SIZE; c++)
          {
            g_autoptr(GMenuItem) item = g_menu_item_new (jm_stage_palette_name (c), NULL);

            g_menu_item_set_action_and_target_value (item, "canvas.stage-color",
                                                     g_variant_new_string (jm_stage_palette_color (c)));
            g_menu_append_item (colors, item);
          }
        append_submenu (section, _("_Colour"), colors);
      }
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("Move _Left"), "canvas.move-stage(-1)");
      g_menu_append (section, _("Move _Right"), "canvas.move-stage(1)");
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("_Delete Stage"), "canvas.delete-stage");
      break;
    case JM_FOCUS_STEP:
      g_menu_append (section, _("Add Step _Before"), "canvas.add-step-before");
      g_menu_append (section, _("Add Step _After"), "canvas.add-step");
      g_menu_append (section, _("_Rename"), "canvas.rename");
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("Move _Left"), "canvas.move-step(-1)");
      g_menu_append (section, _("Move _Right"), "canvas.move-step(1)");
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("_Delete Step"), "canvas.delete-step");
      break;
    case JM_FOCUS_LANE:
      append_submenu (section, _("Add Lane _Above"), lane_kinds_menu ("canvas.add-lane-above"));
      append_submenu (section, _("Add Lane _Below"), lane_kinds_menu ("canvas.add-lane"));
      g_menu_append (section, _("_Rename"), "canvas.rename");
      append_submenu (section, _("_Kind"), lane_kinds_menu ("canvas.lane-kind"));
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("Move _Up"), "canvas.move-lane(-1)");
      g_menu_append (section, _("Move _Down"), "canvas.move-lane(1)");
      append_section (menu, section);
      section = g_menu_new ();
      g_menu_append (section, _("_Delete Lane"), "canvas.delete-lane");
      break;
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_PERSONA:
    default:
      g_object_unref (section);
      g_object_unref (menu);
      return NULL;
    }
  append_section (menu, section);
  return G_MENU_MODEL (menu);
}

static void
update_action_states (JmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GPtrArray *stages = jm_document_get_stages (self->document);
  JmStage *step_stage = jm_document_get_step_stage (self->document, self->menu_focus.id);
  const JmFocus *f = &self->menu_focus;
  int stage = stage_index (self, f->id);
  int lane = lane_index (self, f->id);
  int column = jm_document_get_step_column (self->document, f->id);
  int n_steps = (int) jm_document_get_n_steps (self->document);
  JmCard *card = f->kind == JM_FOCUS_CARD ? jm_document_find_card (self->document, f->id, NULL) : NULL;
  int start = card ? jm_document_get_step_column (self->document, card->step_id) : 0;

  gtk_widget_action_set_enabled (widget, "canvas.delete-stage", stages->len > 1);
  gtk_widget_action_set_enabled (widget, "canvas.delete-step", step_stage != NULL && step_stage->steps->len > 1);
  gtk_widget_action_set_enabled (widget, "canvas.span", card != NULL);
  if (card != NULL)
    {
      /* Actions with a parameter are enabled as a whole: say what each
       * direction can do in the labels' stead by refusing in the action. */
      gtk_widget_action_set_enabled (widget, "canvas.span", card->span > 1 || start + (int) card->span < n_steps);
    }
  gtk_widget_action_set_enabled (widget, "canvas.move-stage", stages->len > 1 && stage >= 0);
  gtk_widget_action_set_enabled (widget, "canvas.move-step", n_steps > 1 && column >= 0);
  gtk_widget_action_set_enabled (widget, "canvas.move-lane",
                                 lane >= 0 && jm_document_get_lanes (self->document)->len > 1);
  gtk_widget_action_set_enabled (widget, "canvas.clear-emotion",
                                 f->kind == JM_FOCUS_EMOTION
                                 && jm_document_get_emotion (self->document, f->id, f->step_id, f->curve) != NULL);
}

/* Pops the menu of the object the menu focus names up at widget point. */
static gboolean
popup_at (JmCanvas *self,
          double    x,
          double    y)
{
  g_autoptr(GMenuModel) model = build_menu (self);
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (model == NULL)
    return FALSE;
  update_action_states (self);
  if (self->menu == NULL)
    {
      /* Submenus slide in as pages of their own: every lane kind fits. */
      self->menu = gtk_popover_menu_new_from_model_full (NULL, GTK_POPOVER_MENU_NESTED);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
  return TRUE;
}

gboolean
jm_canvas_popup_focus_menu (JmCanvas *self)
{
  JmHitKind kind;
  JmRect rect;
  graphene_rect_t bounds;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  if (self->layout == NULL || !jm_canvas_get_focus_rect (self, &kind, &rect))
    return FALSE;
  jm_focus_copy (jm_selection_get_focus (self->selection), &self->menu_focus);
  if (kind == JM_HIT_CARD || kind == JM_HIT_CELL || kind == JM_HIT_EMOTION)
    jm_canvas_scroll_to (self, &rect);
  jm_canvas_widget_rect (self, kind, &rect, &bounds);
  return popup_at (self, bounds.origin.x + MIN (12, bounds.size.width / 2),
                   bounds.origin.y + MIN (12, bounds.size.height / 2));
}

gboolean
jm_canvas_popup_menu (JmCanvas *self,
                      double    x,
                      double    y)
{
  JmHit hit;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  if (self->layout == NULL || !jm_canvas_hit_at (self, x, y, &hit))
    return FALSE;

  /* What is under the pointer becomes current, then its menu opens. */
  switch (hit.kind)
    {
    case JM_HIT_CARD:
      if (!jm_selection_is_selected (self->selection, hit.id))
        jm_selection_focus_card (self->selection, hit.id, FALSE);
      break;
    case JM_HIT_CELL:
      jm_selection_focus_cell (self->selection, hit.lane_id, hit.step_id);
      break;
    case JM_HIT_EMOTION:
      jm_selection_focus_emotion (self->selection, hit.id, hit.step_id, hit.curve);
      break;
    case JM_HIT_EMOTION_BAND:
      if (jm_selection_get_persona (self->selection) != NULL)
        jm_selection_focus_emotion (self->selection, jm_selection_get_persona (self->selection), hit.step_id,
                                    jm_selection_get_curve (self->selection));
      else
        jm_selection_focus_cell (self->selection, hit.lane_id, hit.step_id);
      break;
    case JM_HIT_STAGE:
      jm_selection_focus_object (self->selection, JM_FOCUS_STAGE, hit.id);
      break;
    case JM_HIT_STEP:
      jm_selection_focus_object (self->selection, JM_FOCUS_STEP, hit.id);
      break;
    case JM_HIT_LANE:
      jm_selection_focus_object (self->selection, JM_FOCUS_LANE, hit.id);
      break;
    case JM_HIT_PERSONA:
      jm_selection_focus_object (self->selection, JM_FOCUS_PERSONA, hit.id);
      return FALSE;
    case JM_HIT_NONE:
    case JM_HIT_HEADER:
    default:
      return FALSE;
    }
  jm_focus_copy (jm_selection_get_focus (self->selection), &self->menu_focus);
  return popup_at (self, x, y);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      JmCanvas        *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
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

static void
action_popup (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  jm_canvas_popup_focus_menu (JM_CANVAS (widget));
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
  jm_focus_clear (&self->menu_focus);
}

void
jm_canvas_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.edit-card", NULL, action_edit_card);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, action_duplicate);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.delete-focus", NULL, action_delete_focus);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, action_rename);
  gtk_widget_class_install_action (widget_class, "canvas.stage-color", "s", action_stage_color);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-before", NULL, action_add_stage_before);
  gtk_widget_class_install_action (widget_class, "canvas.add-step-before", NULL, action_add_step_before);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-above", "s", action_add_lane_above);
  gtk_widget_class_install_action (widget_class, "canvas.lane-kind", "s", action_lane_kind);
  gtk_widget_class_install_action (widget_class, "canvas.span", "i", action_span);
  gtk_widget_class_install_action (widget_class, "canvas.set-emotion", "d", action_set_emotion);
  gtk_widget_class_install_action (widget_class, "canvas.clear-emotion", NULL, action_clear_emotion);
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
