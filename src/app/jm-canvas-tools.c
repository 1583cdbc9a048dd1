/* jm-canvas-tools.c — the canvas's editing operations and what ties its
 * input tools together: the focus and selection model it follows, the
 * commands behind cards, spans, emotion points and deletions (each one
 * undo step), the feedback drawn over the map (selection, focus ring, span
 * handles) and the set of tools, one per gesture (jm-tool-*.c). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas-private.h"

static guint selection_changed_signal;

/* ---- tools ---- */

JmTool *
jm_canvas_add_tool (JmCanvas   *self,
                    gsize       size,
                    GtkGesture *gesture,
                    const char *name)
{
  JmTool *tool;

  g_return_val_if_fail (size >= sizeof (JmTool), NULL);

  tool = g_malloc0 (size);
  tool->canvas = self;
  tool->gesture = gesture;
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), name);
  g_ptr_array_add (self->tools, tool);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  return tool;
}

void
jm_tool_claim (JmTool     *tool,
               const char *cursor)
{
  tool->active = TRUE;
  gtk_gesture_set_state (tool->gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  if (cursor != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (tool->canvas), cursor);
}

void
jm_tool_deny (JmTool *tool)
{
  tool->active = FALSE;
  gtk_gesture_set_state (tool->gesture, GTK_EVENT_SEQUENCE_DENIED);
}

void
jm_tool_finish (JmTool *tool)
{
  tool->active = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (tool->canvas), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (tool->canvas));
}

/* ---- the focus and selection model ---- */

static void
on_selection_changed (JmSelection *selection,
                      JmCanvas    *self)
{
  JmHitKind kind;
  JmRect rect;

  /* The keyboard walks the map: what it reaches comes into view, and is
   * said to assistive technologies. */
  if (jm_canvas_has_keyboard_focus (self) && jm_canvas_get_focus_rect (self, &kind, &rect))
    jm_canvas_scroll_to (self, &rect);
  jm_canvas_proxy_update (self, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, selection_changed_signal, 0);
}

static void
on_drawing_changed (JmSelection *selection,
                    GParamSpec  *pspec,
                    JmCanvas    *self)
{
  jm_canvas_chip_update (self);
  g_object_notify (G_OBJECT (self), "drawing-persona");
  g_object_notify (G_OBJECT (self), "drawing-future");
}

JmSelection *
jm_canvas_get_selection_model (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->selection;
}

void
jm_canvas_set_selection_model (JmCanvas    *self,
                               JmSelection *selection)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  if (selection != NULL && selection == self->selection)
    return;
  if (self->selection != NULL)
    {
      g_clear_signal_handler (&self->selection_handler, self->selection);
      g_signal_handlers_disconnect_by_func (self->selection, on_drawing_changed, self);
    }
  g_clear_object (&self->selection);
  self->selection = selection != NULL ? g_object_ref (selection) : jm_selection_new (self->document);
  if (jm_selection_get_document (self->selection) != self->document)
    jm_selection_set_document (self->selection, self->document);
  jm_selection_set_view (self->selection, self->view_id);
  self->selection_handler = g_signal_connect (self->selection, "changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->selection, "notify::persona-id", G_CALLBACK (on_drawing_changed), self);
  g_signal_connect (self->selection, "notify::curve", G_CALLBACK (on_drawing_changed), self);
  jm_canvas_chip_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
jm_canvas_get_selection (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return jm_selection_get_cards (self->selection);
}

JmHitKind
jm_canvas_get_header (JmCanvas    *self,
                      const char **id)
{
  const JmFocus *focus;

  g_return_val_if_fail (JM_IS_CANVAS (self), JM_HIT_NONE);

  focus = jm_selection_get_focus (self->selection);
  if (id)
    *id = focus->id;
  switch (focus->kind)
    {
    case JM_FOCUS_STAGE:
      return JM_HIT_STAGE;
    case JM_FOCUS_STEP:
      return JM_HIT_STEP;
    case JM_FOCUS_LANE:
      return JM_HIT_LANE;
    case JM_FOCUS_PERSONA:
      return JM_HIT_PERSONA;
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_CELL:
    case JM_FOCUS_CARD:
    case JM_FOCUS_EMOTION:
    default:
      if (id)
        *id = NULL;
      return JM_HIT_NONE;
    }
}

const char *
jm_canvas_get_focus (JmCanvas *self)
{
  const JmFocus *focus;

  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  focus = jm_selection_get_focus (self->selection);
  return focus->kind == JM_FOCUS_CARD ? focus->id : NULL;
}

void
jm_canvas_clear_selection (JmCanvas *self)
{
  g_return_if_fail (JM_IS_CANVAS (self));
  jm_selection_clear (self->selection);
}

void
jm_canvas_select_card (JmCanvas   *self,
                       const char *card_id,
                       gboolean    extend)
{
  g_return_if_fail (JM_IS_CANVAS (self));
  g_return_if_fail (card_id != NULL);
  jm_selection_focus_card (self->selection, card_id, extend);
}

gboolean
jm_canvas_get_focus_rect (JmCanvas  *self,
                          JmHitKind *kind,
                          JmRect    *rect)
{
  const JmFocus *f;
  double x, y;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  f = jm_selection_get_focus (self->selection);
  switch (f->kind)
    {
    case JM_FOCUS_STAGE:
      *kind = JM_HIT_STAGE;
      return jm_layout_get_header_rect (self->layout, JM_HIT_STAGE, f->id, rect);
    case JM_FOCUS_STEP:
      *kind = JM_HIT_STEP;
      return jm_layout_get_header_rect (self->layout, JM_HIT_STEP, f->id, rect);
    case JM_FOCUS_LANE:
      *kind = JM_HIT_LANE;
      return jm_layout_get_header_rect (self->layout, JM_HIT_LANE, f->id, rect);
    case JM_FOCUS_PERSONA:
      *kind = JM_HIT_PERSONA;
      return jm_layout_get_persona_rect (self->layout, f->id, rect);
    case JM_FOCUS_CELL:
      *kind = JM_HIT_CELL;
      return jm_layout_get_cell_rect (self->layout, f->lane_id, f->step_id, rect);
    case JM_FOCUS_CARD:
      *kind = JM_HIT_CARD;
      return jm_layout_get_card_rect (self->layout, f->id, rect);
    case JM_FOCUS_EMOTION:
      *kind = JM_HIT_EMOTION;
      if (!jm_layout_get_emotion_point (self->layout, f->id, f->step_id, f->curve, &x, &y))
        {
          /* Not set yet: the middle of the band, where 0 is. */
          x = jm_layout_get_step_center (self->layout, f->step_id);
          y = jm_layout_emotion_y (self->layout, 0);
        }
      *rect = (JmRect) { x - JM_EMOTION_HIT_RADIUS, y - JM_EMOTION_HIT_RADIUS,
                         2 * JM_EMOTION_HIT_RADIUS, 2 * JM_EMOTION_HIT_RADIUS };
      return TRUE;
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    default:
      return FALSE;
    }
}

/* ---- editing operations ---- */

char *
jm_canvas_add_card (JmCanvas   *self,
                    const char *lane_id,
                    const char *step_id)
{
  JmLane *lane;
  JmCard *card;
  char *id;

  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);

  if (self->document == NULL || (lane = jm_document_find_lane (self->document, lane_id)) == NULL
      || jm_document_find_step (self->document, step_id) == NULL)
    return NULL;

  id = jm_document_make_id (self->document, "card");
  card = jm_card_new (id, step_id, "");
  if (lane->kind == JM_LANE_PAIN_POINTS)
    card->severity = JM_SEVERITY_MEDIUM;
  else if (lane->kind == JM_LANE_OPPORTUNITIES)
    card->priority = JM_PRIORITY_MEDIUM;
  jm_document_insert_card (self->document, lane_id, -1, card);

  jm_selection_focus_card (self->selection, id, FALSE);
  jm_canvas_edit_card (self, id);
  self->editing_new = TRUE;
  return id;
}

void
jm_canvas_delete_selection (JmCanvas *self)
{
  JmHistory *history;
  g_autoptr(GPtrArray) ids = NULL;
  GPtrArray *cards;

  g_return_if_fail (JM_IS_CANVAS (self));

  cards = jm_selection_get_cards (self->selection);
  if (self->document == NULL || cards->len == 0)
    return;

  ids = g_ptr_array_copy (cards, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (ids, g_free);
  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Delete Card", "Delete Cards", ids->len));
  for (guint i = 0; i < ids->len; i++)
    if (jm_document_find_card (self->document, g_ptr_array_index (ids, i), NULL) != NULL)
      jm_document_remove_card (self->document, g_ptr_array_index (ids, i));
  jm_history_end_group (history);
}

static JmCard *
copy_with_new_ids (JmCanvas     *self,
                   const JmCard *card)
{
  JmCard *copy = jm_card_copy (card);

  g_free (copy->id);
  copy->id = jm_document_make_id (self->document, "card");
  for (guint i = 0; i < copy->metrics->len; i++)
    {
      JmMetric *metric = g_ptr_array_index (copy->metrics, i);

      g_free (metric->id);
      metric->id = jm_document_make_id (self->document, "metric");
    }
  return copy;
}

void
jm_canvas_duplicate_selection (JmCanvas *self)
{
  JmHistory *history;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = NULL;
  GPtrArray *cards;

  g_return_if_fail (JM_IS_CANVAS (self));

  cards = jm_selection_get_cards (self->selection);
  if (self->document == NULL || cards->len == 0)
    return;

  ids = g_ptr_array_copy (cards, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (ids, g_free);
  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Duplicate Card", "Duplicate Cards", ids->len));
  for (guint i = 0; i < ids->len; i++)
    {
      JmLane *lane = NULL;
      JmCard *card = jm_document_find_card (self->document, g_ptr_array_index (ids, i), &lane);
      JmCard *copy;
      guint index;

      if (card == NULL)
        continue;
      copy = copy_with_new_ids (self, card);
      g_ptr_array_find (lane->cards, card, &index);
      g_ptr_array_add (copies, g_strdup (copy->id));
      jm_document_insert_card (self->document, lane->id, (int) index + 1, copy);
    }
  jm_history_end_group (history);

  g_ptr_array_add (copies, NULL);
  jm_selection_select_cards (self->selection, (const char * const *) copies->pdata, FALSE);
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

void
jm_canvas_move_selection (JmCanvas *self,
                          int       dx,
                          int       dy)
{
  JmHistory *history;
  GPtrArray *lanes, *cards;
  g_autoptr(GPtrArray) ids = NULL;
  int n_steps;

  g_return_if_fail (JM_IS_CANVAS (self));

  cards = jm_selection_get_cards (self->selection);
  if (self->document == NULL || cards->len == 0)
    return;

  ids = g_ptr_array_copy (cards, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (ids, g_free);
  lanes = jm_document_get_lanes (self->document);
  n_steps = (int) jm_document_get_n_steps (self->document);
  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Move Card", "Move Cards", ids->len));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      JmLane *lane = NULL;
      JmCard *card = jm_document_find_card (self->document, id, &lane);
      int column, row;
      JmLane *target;

      if (card == NULL)
        continue;
      column = CLAMP (jm_document_get_step_column (self->document, card->step_id) + dx,
                      0, n_steps - (int) card->span);
      row = CLAMP (lane_index (self, lane->id) + dy, 0, (int) lanes->len - 1);
      target = g_ptr_array_index (lanes, row);
      jm_document_move_card (self->document, id, target->id,
                             jm_document_get_step (self->document, (guint) column)->id, -1);
    }
  jm_history_end_group (history);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jm_canvas_span_selection (JmCanvas *self,
                          int       delta)
{
  JmHistory *history;
  GPtrArray *cards;
  g_autoptr(GPtrArray) ids = NULL;
  int n_steps;

  g_return_if_fail (JM_IS_CANVAS (self));

  cards = jm_selection_get_cards (self->selection);
  if (self->document == NULL || cards->len == 0)
    return;

  ids = g_ptr_array_copy (cards, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (ids, g_free);
  n_steps = (int) jm_document_get_n_steps (self->document);
  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, _("Change Span"));
  for (guint i = 0; i < ids->len; i++)
    {
      JmCard *card = jm_document_find_card (self->document, g_ptr_array_index (ids, i), NULL);
      int start, span;
      JmCard *copy;

      if (card == NULL)
        continue;
      start = jm_document_get_step_column (self->document, card->step_id);
      span = CLAMP ((int) card->span + delta, 1, n_steps - start);
      if (span == (int) card->span)
        continue;
      copy = jm_card_copy (card);
      copy->span = (guint) span;
      jm_document_update_card (self->document, copy, NULL);
    }
  jm_history_end_group (history);
}

void
jm_canvas_set_emotion (JmCanvas   *self,
                       const char *persona_id,
                       const char *step_id,
                       JmMapState  curve,
                       double      score)
{
  const JmEmotion *emotion;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL || persona_id == NULL || step_id == NULL)
    return;
  emotion = jm_document_get_emotion (self->document, persona_id, step_id, curve);
  if (isnan (score) ? emotion == NULL : (emotion != NULL && emotion->score == score))
    return;
  if (!isnan (score))
    score = CLAMP (score, JM_EMOTION_MIN, JM_EMOTION_MAX);
  jm_document_set_emotion (self->document, persona_id, step_id, curve, score);
}

static void
toast_deleted (JmCanvas   *self,
               const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

gboolean
jm_canvas_delete_focus (JmCanvas *self)
{
  const JmFocus *f;
  g_autofree char *message = NULL;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  f = jm_selection_get_focus (self->selection);
  if (jm_selection_get_cards (self->selection)->len > 0)
    {
      guint n = jm_selection_get_cards (self->selection)->len;

      jm_canvas_delete_selection (self);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card deleted", "%u cards deleted", n), n);
    }
  else if (f->kind == JM_FOCUS_STAGE)
    {
      JmStage *stage = jm_document_find_stage (self->document, f->id);
      g_autofree char *name = g_strdup (stage ? stage->name : "");

      if (stage == NULL || !jm_document_remove_stage (self->document, f->id))
        return FALSE;
      /* Translators: a toast after deleting a stage; %s is its name. */
      message = g_strdup_printf (_("Stage “%s” deleted"), name);
    }
  else if (f->kind == JM_FOCUS_STEP)
    {
      JmStep *step = jm_document_find_step (self->document, f->id);
      g_autofree char *name = g_strdup (step ? step->name : "");

      if (step == NULL || !jm_document_remove_step (self->document, f->id))
        return FALSE;
      /* Translators: a toast after deleting a step; %s is its name. */
      message = g_strdup_printf (_("Step “%s” deleted"), name);
    }
  else if (f->kind == JM_FOCUS_LANE)
    {
      JmLane *lane = jm_document_find_lane (self->document, f->id);
      g_autofree char *name = g_strdup (lane ? lane->title : "");

      if (lane == NULL)
        return FALSE;
      jm_document_remove_lane (self->document, f->id);
      /* Translators: a toast after deleting a lane; %s is its title. */
      message = g_strdup_printf (_("Lane “%s” deleted"), name);
    }
  else if (f->kind == JM_FOCUS_EMOTION)
    {
      if (jm_document_get_emotion (self->document, f->id, f->step_id, f->curve) == NULL)
        return FALSE;
      jm_canvas_set_emotion (self, f->id, f->step_id, f->curve, NAN);
      return TRUE;
    }
  else
    return FALSE;

  toast_deleted (self, message);
  return TRUE;
}

gboolean
jm_canvas_edit_focus (JmCanvas *self)
{
  const JmFocus *f;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  f = jm_selection_get_focus (self->selection);
  switch (f->kind)
    {
    case JM_FOCUS_STAGE:
      jm_canvas_edit_header (self, JM_HIT_STAGE, f->id);
      return TRUE;
    case JM_FOCUS_STEP:
      jm_canvas_edit_header (self, JM_HIT_STEP, f->id);
      return TRUE;
    case JM_FOCUS_LANE:
      jm_canvas_edit_header (self, JM_HIT_LANE, f->id);
      return TRUE;
    case JM_FOCUS_CARD:
      jm_canvas_edit_card (self, f->id);
      return TRUE;
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_PERSONA:
    case JM_FOCUS_CELL:
    case JM_FOCUS_EMOTION:
    default:
      return FALSE;
    }
}

/* ---- feedback on top of the map ---- */

void
jm_canvas_snapshot_target (JmCanvas     *self,
                           GtkSnapshot  *snapshot,
                           const JmRect *rect,
                           gboolean      outlined)
{
  GdkRGBA fill = jm_canvas_accent;
  graphene_rect_t bounds;

  fill.alpha = 0.12f;
  jm_canvas_widget_rect (self, JM_HIT_CELL, rect, &bounds);
  gtk_snapshot_append_color (snapshot, &fill, &bounds);
  if (outlined)
    jm_canvas_outline (snapshot, &bounds, 4, 1.5f, &jm_canvas_accent);
}

static void
snapshot_span_handles (JmCanvas    *self,
                       GtkSnapshot *snapshot,
                       const JmRect *rect)
{
  graphene_rect_t bounds;
  GdkRGBA white = { 1, 1, 1, 1 };

  jm_canvas_widget_rect (self, JM_HIT_CARD, rect, &bounds);
  for (int side = 0; side < 2; side++)
    {
      float x = side == 0 ? bounds.origin.x - 3 : bounds.origin.x + bounds.size.width + 3;
      float cy = bounds.origin.y + bounds.size.height / 2;
      graphene_rect_t handle = GRAPHENE_RECT_INIT (x - 4, cy - 12, 8, 24);
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &handle, 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &jm_canvas_accent, &handle);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x - 1, cy - 6, 2, 12));
    }
}

void
jm_canvas_tools_snapshot (JmCanvas    *self,
                          GtkSnapshot *snapshot)
{
  GPtrArray *cards = jm_selection_get_cards (self->selection);
  const JmFocus *f = jm_selection_get_focus (self->selection);
  gboolean has_focus = jm_canvas_has_keyboard_focus (self);
  graphene_rect_t bounds;
  JmHitKind kind;
  JmRect rect;

  if (self->layout == NULL)
    return;

  for (guint i = 0; i < cards->len; i++)
    {
      if (!jm_layout_get_card_rect (self->layout, g_ptr_array_index (cards, i), &rect))
        continue;
      jm_canvas_widget_rect (self, JM_HIT_CARD, &rect, &bounds);
      graphene_rect_inset (&bounds, -3, -3);
      jm_canvas_outline (snapshot, &bounds, 10, 2.5f, &jm_canvas_accent);
      if (cards->len == 1)
        snapshot_span_handles (self, snapshot, &rect);
    }

  /* The current object, when it is not a selected card. */
  if (f->kind != JM_FOCUS_CARD && jm_canvas_get_focus_rect (self, &kind, &rect))
    {
      GdkRGBA ring = jm_canvas_accent;

      if (kind == JM_HIT_STAGE)
        jm_layout_get_stage_rect (self->layout, f->id, &rect);
      else if (kind == JM_HIT_LANE)
        jm_layout_get_lane_rect (self->layout, f->id, &rect);
      else if (kind == JM_HIT_STEP)
        {
          JmRect stage;

          if (jm_layout_get_stage_rect (self->layout, jm_document_get_step_stage (self->document, f->id)->id, &stage))
            rect.height = stage.y + stage.height - rect.y;
        }
      jm_canvas_widget_rect (self, JM_HIT_CARD, &rect, &bounds);
      if (kind == JM_HIT_CELL)
        {
          graphene_rect_inset (&bounds, 4, 4);
          ring.alpha = has_focus ? 0.75f : 0.4f;
        }
      else if (kind == JM_HIT_EMOTION)
        graphene_rect_inset (&bounds, -3, -3);
      jm_canvas_outline (snapshot, &bounds, kind == JM_HIT_EMOTION ? bounds.size.width / 2 : 8,
                         kind == JM_HIT_EMOTION ? 3.0f : 2.5f, &ring);
    }

  for (guint i = 0; i < self->tools->len; i++)
    {
      JmTool *tool = g_ptr_array_index (self->tools, i);

      if (tool->active && tool->snapshot != NULL)
        tool->snapshot (tool, snapshot);
    }
}

/* ---- the pointer over span handles ---- */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JmCanvas                 *self)
{
  gboolean busy = FALSE;

  for (guint i = 0; i < self->tools->len; i++)
    busy |= ((JmTool *) g_ptr_array_index (self->tools, i))->active;
  if (busy || self->space_held)
    return;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   jm_tool_span_edge_at (self, x, y, NULL) != 0 ? "col-resize" : NULL);
}

/* ---- set-up ---- */

void
jm_canvas_tools_init (JmCanvas *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->tools = g_ptr_array_new_with_free_func (g_free);

  /* The order matters only for who looks first; each tool claims or
   * refuses on its own. */
  jm_tool_select_add (self);
  jm_tool_span_add (self);
  jm_tool_emotion_add (self);
  jm_tool_move_add (self);
  jm_tool_header_add (self);
  jm_tool_rubber_band_add (self);
  jm_tool_pan_add (self);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

void
jm_canvas_tools_dispose (JmCanvas *self)
{
  /* The gestures go first: their handlers point at the tools. */
  for (guint i = 0; self->tools != NULL && i < self->tools->len; i++)
    {
      JmTool *tool = g_ptr_array_index (self->tools, i);

      gtk_widget_remove_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (tool->gesture));
    }
  g_clear_pointer (&self->tools, g_ptr_array_unref);
}

void
jm_canvas_tools_class_init (GtkWidgetClass *widget_class)
{
  /**
   * JmCanvas::selection-changed:
   *
   * The current object or the selected cards changed.
   */
  selection_changed_signal =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}
