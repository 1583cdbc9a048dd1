/* jm-canvas-keys.c — the canvas by keyboard alone. The map is a grid: the
 * stage header row, the step header row, then one row per lane; the lane
 * titles are a column left of the steps. Arrow keys move the current object
 * to its neighbour (cells, cards in a cell top to bottom, emotion points,
 * headers); Home/End, Ctrl+Home/End and Page Up/Down jump. The focused
 * object's own keys: Enter and F2 edit, Delete deletes, Alt+arrows move,
 * Alt+Shift+←/→ change a card's span, and on the emotion lane 1–5 set the
 * drawn persona's score (−2…+2), + and − nudge it by half a point, P picks
 * the next persona and T switches between the as-is and to-be curves. */
#include "config.h"

#include <math.h>

#include "jm-canvas-private.h"

/* Grid rows above the lanes. */
#define ROW_STAGES (-2)
#define ROW_STEPS  (-1)
/* The lane-title column. */
#define COLUMN_TITLES (-1)

typedef struct {
  int row;     /* ROW_STAGES, ROW_STEPS or a lane index */
  int column;  /* COLUMN_TITLES or a step column */
} Place;

static int
lane_index (JmCanvas   *self,
            const char *lane_id)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);

  for (guint i = 0; lane_id != NULL && i < lanes->len; i++)
    if (g_strcmp0 (((JmLane *) g_ptr_array_index (lanes, i))->id, lane_id) == 0)
      return (int) i;
  return -1;
}

/* The view's lanes only: the first lane shown from row on, going by
 * step (±1); -1 past either end. */
static int
shown_row (JmCanvas *self,
           int       row,
           int       step)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);

  for (; row >= 0 && row < (int) lanes->len; row += step)
    if (jm_selection_shows_lane (self->selection, ((JmLane *) g_ptr_array_index (lanes, row))->id))
      return row;
  return -1;
}

static int
stage_first_column (JmCanvas   *self,
                    const char *stage_id)
{
  JmStage *stage = jm_document_find_stage (self->document, stage_id);

  return stage ? jm_document_get_step_column (self->document, ((JmStep *) stage->steps->pdata[0])->id) : -1;
}

/* The remembered column if it lies in the stage, else the stage's first. */
static int
column_in_stage (JmCanvas   *self,
                 const char *stage_id)
{
  JmStep *step = self->nav_column >= 0 ? jm_document_get_step (self->document, (guint) self->nav_column) : NULL;

  if (step != NULL && jm_document_get_step_stage (self->document, step->id) == jm_document_find_stage (self->document,
                                                                                                      stage_id))
    return self->nav_column;
  return stage_first_column (self, stage_id);
}

/* Cards covering a cell, top to bottom. */
static GPtrArray *
cards_in_cell (JmCanvas   *self,
               const char *lane_id,
               int         column)
{
  JmLane *lane = jm_document_find_lane (self->document, lane_id);
  GPtrArray *cards = g_ptr_array_new ();

  for (guint i = 0; lane != NULL && i < lane->cards->len; i++)
    {
      JmCard *card = g_ptr_array_index (lane->cards, i);
      int start = jm_document_get_step_column (self->document, card->step_id);

      if (start <= column && column < start + (int) card->span)
        g_ptr_array_add (cards, card);
    }
  return cards;
}

/* Where the current object sits in the grid; FALSE for the map itself. */
static gboolean
current_place (JmCanvas *self,
               Place    *place)
{
  const JmFocus *f = jm_selection_get_focus (self->selection);

  switch (f->kind)
    {
    case JM_FOCUS_STAGE:
      place->row = ROW_STAGES;
      place->column = column_in_stage (self, f->id);
      return place->column >= 0;
    case JM_FOCUS_STEP:
      place->row = ROW_STEPS;
      place->column = jm_document_get_step_column (self->document, f->id);
      return place->column >= 0;
    case JM_FOCUS_LANE:
      place->row = lane_index (self, f->id);
      place->column = COLUMN_TITLES;
      return place->row >= 0;
    case JM_FOCUS_CELL:
    case JM_FOCUS_CARD:
    case JM_FOCUS_EMOTION:
      place->row = lane_index (self, f->lane_id);
      place->column = jm_document_get_step_column (self->document, f->step_id);
      return place->row >= 0 && place->column >= 0;
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_PERSONA:
    default:
      return FALSE;
    }
}

/* Makes the object at a place current. In a lane: the first (from_top) or
 * last card of the cell, the drawn persona's point on the emotion lane, or
 * the empty cell. */
static void
focus_place (JmCanvas *self,
             Place     place,
             gboolean  from_top)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);
  JmStep *step = place.column >= 0 ? jm_document_get_step (self->document, (guint) place.column) : NULL;

  if (place.column >= 0)
    self->nav_column = place.column;

  if (place.row == ROW_STAGES && step != NULL)
    jm_selection_focus_object (self->selection, JM_FOCUS_STAGE,
                               jm_document_get_step_stage (self->document, step->id)->id);
  else if (place.row == ROW_STEPS && step != NULL)
    jm_selection_focus_object (self->selection, JM_FOCUS_STEP, step->id);
  else if (place.row >= 0 && place.row < (int) lanes->len)
    {
      JmLane *lane = g_ptr_array_index (lanes, place.row);
      g_autoptr(GPtrArray) cards = NULL;

      if (place.column == COLUMN_TITLES || step == NULL)
        {
          jm_selection_focus_object (self->selection, JM_FOCUS_LANE, lane->id);
          return;
        }
      cards = cards_in_cell (self, lane->id, place.column);
      if (lane->kind == JM_LANE_EMOTIONS && jm_selection_get_persona (self->selection) != NULL
          && (from_top || cards->len == 0))
        jm_selection_focus_emotion (self->selection, jm_selection_get_persona (self->selection), step->id,
                                    jm_selection_get_curve (self->selection));
      else if (cards->len > 0)
        {
          JmFocus focus = { JM_FOCUS_CARD, NULL, lane->id, step->id, JM_MAP_STATE_CURRENT };

          focus.id = ((JmCard *) g_ptr_array_index (cards, from_top ? 0 : cards->len - 1))->id;
          jm_selection_set_focus (self->selection, &focus);
        }
      else
        jm_selection_focus_cell (self->selection, lane->id, step->id);
    }
}

gboolean
jm_canvas_move_focus (JmCanvas *self,
                      int       dx,
                      int       dy)
{
  const JmFocus *f;
  GPtrArray *lanes;
  int n_steps;
  Place place;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  lanes = jm_document_get_lanes (self->document);
  n_steps = (int) jm_document_get_n_steps (self->document);
  if (n_steps == 0)
    return FALSE;
  f = jm_selection_get_focus (self->selection);

  if (!current_place (self, &place))
    {
      /* From the map as a whole, the first cell (or the first stage). */
      int first = shown_row (self, 0, 1);

      focus_place (self, (Place) { first >= 0 ? first : ROW_STAGES, 0 }, TRUE);
      return TRUE;
    }

  /* Within a stack of cards (and from the emotion point to the cards
   * under the band) before leaving the cell. */
  if (dy != 0 && place.row >= 0 && place.column >= 0
      && (f->kind == JM_FOCUS_CARD || f->kind == JM_FOCUS_EMOTION))
    {
      g_autoptr(GPtrArray) cards = cards_in_cell (self, f->lane_id, place.column);
      int at = f->kind == JM_FOCUS_EMOTION ? -1 : (int) cards->len;
      int next;

      for (guint i = 0; f->kind == JM_FOCUS_CARD && i < cards->len; i++)
        if (g_strcmp0 (((JmCard *) g_ptr_array_index (cards, i))->id, f->id) == 0)
          at = (int) i;
      next = at + dy;
      if (next >= 0 && next < (int) cards->len && at < (int) cards->len)
        {
          JmFocus focus = { JM_FOCUS_CARD, ((JmCard *) g_ptr_array_index (cards, next))->id,
                            f->lane_id, f->step_id, JM_MAP_STATE_CURRENT };
          jm_selection_set_focus (self->selection, &focus);
          return TRUE;
        }
      if (next == -1 && at == 0 && jm_document_find_lane (self->document, f->lane_id)->kind == JM_LANE_EMOTIONS
          && jm_selection_get_persona (self->selection) != NULL)
        {
          jm_selection_focus_emotion (self->selection, jm_selection_get_persona (self->selection), f->step_id,
                                      jm_selection_get_curve (self->selection));
          return TRUE;
        }
    }

  if (dx != 0)
    {
      if (f->kind == JM_FOCUS_LANE && dx < 0)
        return FALSE;
      if (place.row == ROW_STAGES)
        {
          /* From stage to stage. */
          JmStage *stage = jm_document_get_step_stage (self->document,
                                                       jm_document_get_step (self->document,
                                                                             (guint) place.column)->id);
          int first = stage_first_column (self, stage->id);

          place.column = dx > 0 ? first + (int) stage->steps->len : first - 1;
          if (place.column >= n_steps || place.column < 0)
            return FALSE;
          if (dx < 0)
            place.column = stage_first_column (self, jm_document_get_step_stage (
                                                 self->document,
                                                 jm_document_get_step (self->document, (guint) place.column)->id)->id);
        }
      else if (f->kind == JM_FOCUS_CARD && dx > 0)
        {
          /* Step over the columns a spanning card covers. */
          JmCard *card = jm_document_find_card (self->document, f->id, NULL);

          place.column = jm_document_get_step_column (self->document, card->step_id) + (int) card->span;
        }
      else if (f->kind == JM_FOCUS_CARD && dx < 0)
        place.column = jm_document_get_step_column (self->document,
                                                    jm_document_find_card (self->document, f->id, NULL)->step_id) - 1;
      else
        place.column += dx;

      /* Left of the first step: the lane's title (lanes only). */
      if (place.column == COLUMN_TITLES && place.row >= 0 && f->kind != JM_FOCUS_LANE)
        place.column = COLUMN_TITLES;
      if (place.column < COLUMN_TITLES || (place.column == COLUMN_TITLES && place.row < 0)
          || place.column >= n_steps)
        return FALSE;
      focus_place (self, place, TRUE);
      return TRUE;
    }

  if (dy != 0)
    {
      int row = place.row + dy;

      /* Over the lanes the view hides: from the steps down to the first
       * shown, and from the first shown up to the steps. */
      if (row >= 0)
        {
          int shown = shown_row (self, row, dy);

          row = shown >= 0 ? shown : dy > 0 ? (int) lanes->len : ROW_STEPS;
        }

      if (place.column == COLUMN_TITLES)
        {
          /* Lane titles: up and down the title column. */
          if (row < 0 || row >= (int) lanes->len)
            return FALSE;
          focus_place (self, (Place) { row, COLUMN_TITLES }, TRUE);
          return TRUE;
        }
      if (place.row == ROW_STAGES && dy < 0)
        {
          jm_selection_focus_object (self->selection, JM_FOCUS_MAP, NULL);
          return TRUE;
        }
      if (row < ROW_STAGES || row >= (int) lanes->len)
        return FALSE;
      focus_place (self, (Place) { row, place.column }, dy > 0);
      return TRUE;
    }
  return FALSE;
}

/* Home/End along the row; with Ctrl, the first or last cell of the map. */
static gboolean
jump (JmCanvas *self,
      gboolean  to_end,
      gboolean  whole_map)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);
  int n_steps = (int) jm_document_get_n_steps (self->document);
  Place place;

  if (n_steps == 0)
    return FALSE;
  if (whole_map || !current_place (self, &place))
    {
      /* The first or last lane the view shows. */
      place.row = to_end ? shown_row (self, (int) lanes->len - 1, -1) : shown_row (self, 0, 1);
      if (place.row < 0)
        place.row = ROW_STAGES;
    }
  place.column = to_end ? n_steps - 1 : 0;
  focus_place (self, place, TRUE);
  return TRUE;
}

/* Page Up/Down: the lane a screen's height away. */
static gboolean
page (JmCanvas *self,
      int       direction)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);
  double height = gtk_widget_get_height (GTK_WIDGET (self)) / (self->zoom * self->text_scale);
  JmRect here, rect;
  Place place;
  int row;

  if (!current_place (self, &place) || place.row < 0 || lanes->len == 0)
    return jump (self, direction > 0, TRUE);
  jm_layout_get_lane_rect (self->layout, ((JmLane *) g_ptr_array_index (lanes, place.row))->id, &here);
  row = place.row;
  /* Lanes the view hides have no place on screen: they are passed over. */
  while (shown_row (self, row + direction, direction) >= 0)
    {
      row = shown_row (self, row + direction, direction);
      jm_layout_get_lane_rect (self->layout, ((JmLane *) g_ptr_array_index (lanes, row))->id, &rect);
      if (fabs (rect.y - here.y) >= height * 0.8)
        break;
    }
  if (row == place.row)
    return FALSE;
  place.row = row;
  focus_place (self, place, TRUE);
  return TRUE;
}

/* Tab and Shift+Tab: the next or previous card in reading order, lane by
 * lane; past the last one the focus leaves the canvas. */
static gboolean
focus_next_card (JmCanvas *self,
                 int       direction)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  const char *current_id = jm_canvas_get_focus (self);
  int current = -1, next;

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      if (!jm_selection_shows_lane (self->selection, lane->id))
        continue;
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          if (g_strcmp0 (card->id, current_id) == 0)
            current = (int) order->len;
          g_ptr_array_add (order, card);
        }
    }
  if (order->len == 0)
    return FALSE;

  next = current < 0 ? (direction > 0 ? 0 : (int) order->len - 1) : current + direction;
  if (next < 0 || next >= (int) order->len)
    return FALSE;
  jm_selection_focus_card (self->selection, ((JmCard *) g_ptr_array_index (order, next))->id, FALSE);
  return TRUE;
}

/* The emotion point the keys act on: the focused one, or the drawn
 * persona's on the focused emotion cell. */
static gboolean
emotion_target (JmCanvas    *self,
                const char **persona,
                const char **step,
                JmMapState  *curve)
{
  const JmFocus *f = jm_selection_get_focus (self->selection);
  JmLane *lane;

  if (f->kind == JM_FOCUS_EMOTION)
    {
      *persona = f->id;
      *step = f->step_id;
      *curve = f->curve;
      return TRUE;
    }
  if (f->kind == JM_FOCUS_CELL && (lane = jm_document_find_lane (self->document, f->lane_id)) != NULL
      && lane->kind == JM_LANE_EMOTIONS && jm_selection_get_persona (self->selection) != NULL)
    {
      *persona = jm_selection_get_persona (self->selection);
      *step = f->step_id;
      *curve = jm_selection_get_curve (self->selection);
      return TRUE;
    }
  return FALSE;
}

static gboolean
emotion_key (JmCanvas *self,
             guint     keyval)
{
  const char *persona, *step;
  JmMapState curve;
  const JmEmotion *emotion;
  double score;

  if (keyval == GDK_KEY_p || keyval == GDK_KEY_P)
    {
      if (jm_document_get_personas (self->document)->len == 0)
        return FALSE;
      jm_selection_cycle_persona (self->selection);
      return TRUE;
    }
  if (keyval == GDK_KEY_t || keyval == GDK_KEY_T)
    {
      /* The selection keeps to the curves the view shows. */
      jm_selection_set_curve (self->selection, jm_selection_get_curve (self->selection) == JM_MAP_STATE_CURRENT
                                               ? JM_MAP_STATE_FUTURE : JM_MAP_STATE_CURRENT);
      return TRUE;
    }
  if (!emotion_target (self, &persona, &step, &curve))
    return FALSE;

  emotion = jm_document_get_emotion (self->document, persona, step, curve);
  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1: score = -2; break;
    case GDK_KEY_2: case GDK_KEY_KP_2: score = -1; break;
    case GDK_KEY_3: case GDK_KEY_KP_3: score = 0; break;
    case GDK_KEY_4: case GDK_KEY_KP_4: score = 1; break;
    case GDK_KEY_5: case GDK_KEY_KP_5: score = 2; break;
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      score = emotion ? emotion->score + 0.5 : 0;
      break;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      score = emotion ? emotion->score - 0.5 : 0;
      break;
    default:
      return FALSE;
    }
  {
    g_autofree char *p = g_strdup (persona);
    g_autofree char *s = g_strdup (step);

    jm_canvas_set_emotion (self, p, s, curve, score);
    jm_history_seal (jm_document_get_history (self->document));
    /* The point, now set, is what has the focus, and its new score is said. */
    jm_selection_focus_emotion (self->selection, p, s, curve);
    jm_canvas_proxy_update (self, TRUE);
  }
  return TRUE;
}

/* Alt+arrows: cards move between cells; a stage or step along the columns;
 * a lane up and down. */
static gboolean
move_object (JmCanvas *self,
             int       dx,
             int       dy)
{
  const JmFocus *f = jm_selection_get_focus (self->selection);

  if (jm_selection_get_cards (self->selection)->len > 0)
    {
      jm_canvas_move_selection (self, dx, dy);
      return TRUE;
    }
  if (f->kind == JM_FOCUS_STAGE && dx != 0)
    {
      GPtrArray *stages = jm_document_get_stages (self->document);
      guint index;

      if (g_ptr_array_find (stages, jm_document_find_stage (self->document, f->id), &index)
          && (int) index + dx >= 0 && (int) index + dx < (int) stages->len)
        jm_document_move_stage (self->document, f->id, (guint) ((int) index + dx));
      return TRUE;
    }
  if (f->kind == JM_FOCUS_STEP && dx != 0)
    {
      int column = jm_document_get_step_column (self->document, f->id) + dx;
      JmStep *target = column >= 0 ? jm_document_get_step (self->document, (guint) column) : NULL;
      JmStage *stage;
      guint index;

      if (target == NULL)
        return TRUE;
      stage = jm_document_get_step_stage (self->document, target->id);
      g_ptr_array_find (stage->steps, target, &index);
      jm_document_move_step (self->document, f->id, stage->id, index);
      return TRUE;
    }
  if (f->kind == JM_FOCUS_LANE && dy != 0)
    {
      int index = lane_index (self, f->id) + dy;

      if (index >= 0 && index < (int) jm_document_get_lanes (self->document)->len)
        jm_document_move_lane (self->document, f->id, (guint) index);
      return TRUE;
    }
  return FALSE;
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 JmCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_held = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JmCanvas              *self)
{
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  const JmFocus *f;
  int dx = 0, dy = 0;

  if (self->document == NULL || self->editing_id != NULL)
    return FALSE;
  f = jm_selection_get_focus (self->selection);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return jump (self, FALSE, ctrl);
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return jump (self, TRUE, ctrl);
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return page (self, -1);
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return page (self, 1);
    case GDK_KEY_F2:
      return jm_canvas_edit_focus (self);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (jm_canvas_edit_focus (self))
        return TRUE;
      if (f->kind == JM_FOCUS_CELL)
        {
          g_free (jm_canvas_add_card (self, f->lane_id, f->step_id));
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      return jm_canvas_delete_focus (self);
    case GDK_KEY_d:
    case GDK_KEY_D:
      if (!ctrl || jm_selection_get_cards (self->selection)->len == 0)
        return FALSE;
      jm_canvas_duplicate_selection (self);
      return TRUE;
    case GDK_KEY_Escape:
      /* Out of a card (or several) to the cell the focus is in. */
      if (f->kind == JM_FOCUS_CARD)
        {
          g_autofree char *lane = g_strdup (f->lane_id);
          g_autofree char *step = g_strdup (f->step_id);

          jm_selection_focus_cell (self->selection, lane, step);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_space:
      /* Held down, space turns a drag into panning. */
      self->space_held = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      return focus_next_card (self, keyval == GDK_KEY_ISO_Left_Tab || shift ? -1 : 1);
    default:
      if (ctrl || alt)
        return FALSE;
      return emotion_key (self, keyval);
    }

  if (alt && shift && dx != 0)
    {
      jm_canvas_span_selection (self, dx);
      return TRUE;
    }
  if (alt)
    return move_object (self, dx, dy);
  if (ctrl)
    return FALSE;
  jm_canvas_move_focus (self, dx, dy);
  return TRUE;
}

void
jm_canvas_keys_init (JmCanvas *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (key, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}
