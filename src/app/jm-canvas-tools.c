/* jm-canvas-tools.c — what the canvas does with input: select (click,
 * Shift/Ctrl-click), move the keyboard focus between cells and cards, edit
 * text in place, add, delete, duplicate and move cards, and drag them to
 * another cell. One small handler per gesture; every change to the map is
 * a document command, so one gesture is one undo step. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas-private.h"

/* A press that moves further than this (pixels) is a drag. */
#define DRAG_THRESHOLD 6.0
/* How close to a card's right edge (pixels) a drag changes its span. */
#define EDGE_GRAB 8.0

enum {
  DRAG_PAN,
  DRAG_HEADER,
  DRAG_MOVE,
  DRAG_SPAN,
  DRAG_EMOTION,
  DRAG_RUBBER_BAND,
};

static guint selection_changed_signal;

/* ---- selection ---- */

static gboolean
is_selected (JmCanvas   *self,
             const char *id)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->selection, i), id) == 0)
      return TRUE;
  return FALSE;
}

static void
clear_header (JmCanvas *self)
{
  self->header_kind = JM_HIT_NONE;
  g_clear_pointer (&self->header_id, g_free);
}

static void
selection_changed (JmCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, selection_changed_signal, 0);
}

static void
set_focus_card (JmCanvas   *self,
                const char *card_id)
{
  JmCard *card;
  JmLane *lane = NULL;

  jm_set_str (&self->focus_id, card_id);
  if (card_id != NULL && self->document != NULL
      && (card = jm_document_find_card (self->document, card_id, &lane)) != NULL)
    {
      jm_set_str (&self->focus_lane, lane->id);
      jm_set_str (&self->focus_step, card->step_id);
    }
}

GPtrArray *
jm_canvas_get_selection (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->selection;
}

JmHitKind
jm_canvas_get_header (JmCanvas    *self,
                      const char **id)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), JM_HIT_NONE);

  if (id)
    *id = self->header_id;
  return self->header_kind;
}

const char *
jm_canvas_get_focus (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->focus_id;
}

void
jm_canvas_clear_selection (JmCanvas *self)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->selection->len == 0 && self->header_kind == JM_HIT_NONE)
    return;
  g_ptr_array_set_size (self->selection, 0);
  clear_header (self);
  selection_changed (self);
}

void
jm_canvas_select_card (JmCanvas   *self,
                       const char *card_id,
                       gboolean    extend)
{
  g_return_if_fail (JM_IS_CANVAS (self));
  g_return_if_fail (card_id != NULL);

  clear_header (self);
  if (extend)
    {
      guint i;

      for (i = 0; i < self->selection->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->selection, i), card_id) == 0)
          break;
      if (i < self->selection->len)
        g_ptr_array_remove_index (self->selection, i);
      else
        g_ptr_array_add (self->selection, g_strdup (card_id));
    }
  else
    {
      g_ptr_array_set_size (self->selection, 0);
      g_ptr_array_add (self->selection, g_strdup (card_id));
    }

  set_focus_card (self, card_id);
  selection_changed (self);
}

/* Forget selected cards the document no longer has (after undo, say). */
void
jm_canvas_tools_document_changed (JmCanvas *self)
{
  gboolean changed = FALSE;

  if (self->document == NULL)
    return;

  for (guint i = self->selection->len; i > 0; i--)
    if (jm_document_find_card (self->document, g_ptr_array_index (self->selection, i - 1), NULL) == NULL)
      {
        g_ptr_array_remove_index (self->selection, i - 1);
        changed = TRUE;
      }
  if (self->header_id != NULL && !jm_document_has_id (self->document, self->header_id))
    {
      clear_header (self);
      changed = TRUE;
    }
  if (self->focus_id != NULL && jm_document_find_card (self->document, self->focus_id, NULL) == NULL)
    g_clear_pointer (&self->focus_id, g_free);
  if (self->editing_id != NULL && !jm_document_has_id (self->document, self->editing_id))
    jm_canvas_cancel_edit (self);
  if (changed)
    selection_changed (self);
}

/* ---- editing in place ---- */

GtkWidget *
jm_canvas_get_editor (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->editing_id ? self->editor : NULL;
}

static void
stop_editing (JmCanvas *self)
{
  g_clear_pointer (&self->editing_id, g_free);
  self->editing_new = FALSE;
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jm_canvas_commit_edit (JmCanvas *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  JmHitKind kind;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->editing_id == NULL)
    return;

  id = g_strdup (self->editing_id);
  kind = self->editing_kind;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  stop_editing (self);

  if (self->document == NULL)
    return;

  if (kind == JM_HIT_STAGE && jm_document_find_stage (self->document, id) != NULL)
    {
      JmStage *copy = jm_stage_copy (jm_document_find_stage (self->document, id));

      g_free (copy->name);
      copy->name = g_steal_pointer (&text);
      jm_document_update_stage (self->document, copy, NULL);
    }
  else if (kind == JM_HIT_STEP && jm_document_find_step (self->document, id) != NULL)
    {
      jm_document_rename_step (self->document, id, text);
    }
  else if (kind == JM_HIT_LANE && jm_document_find_lane (self->document, id) != NULL)
    {
      JmLane *lane = jm_document_find_lane (self->document, id);
      JmLane *copy = jm_lane_new (lane->id, lane->kind, text);

      jm_document_update_lane (self->document, copy, NULL);
    }
  else if (kind == JM_HIT_CARD && jm_document_find_card (self->document, id, NULL) != NULL)
    {
      jm_document_set_card_text (self->document, id, text);
    }
  jm_history_seal (jm_document_get_history (self->document));
}

void
jm_canvas_cancel_edit (JmCanvas *self)
{
  gboolean was_new;
  g_autofree char *id = NULL;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->editing_id == NULL)
    return;

  was_new = self->editing_new;
  id = g_strdup (self->editing_id);
  stop_editing (self);

  /* A card just added and left empty goes away again, leaving no trace. */
  if (was_new && self->document != NULL)
    {
      JmCard *card = jm_document_find_card (self->document, id, NULL);
      JmHistory *history = jm_document_get_history (self->document);

      if (card != NULL && (card->text == NULL || *card->text == '\0')
          && g_strcmp0 (jm_history_get_undo_label (history), _("Add Card")) == 0)
        jm_history_undo (history);
    }
}

static void
update_editor_font (JmCanvas *self)
{
  g_autofree char *css = NULL;

  /* The same size as the card's text at this zoom, so nothing jumps. */
  css = g_strdup_printf ("textview.jm-card-editor, textview.jm-card-editor text {"
                         " font-family: Cantarell, sans-serif; font-size: %.2fpx; }",
                         MAX (14.0 * self->zoom, 9.0));
  gtk_css_provider_load_from_data (self->editor_css, css, -1);
}

static void start_editing (JmCanvas   *self,
                           JmHitKind   kind,
                           const char *id,
                           const char *text);

void
jm_canvas_edit_card (JmCanvas   *self,
                     const char *card_id)
{
  JmCard *card;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL || (card = jm_document_find_card (self->document, card_id, NULL)) == NULL)
    return;

  if (self->editing_id != NULL)
    jm_canvas_commit_edit (self);

  start_editing (self, JM_HIT_CARD, card_id, card->text);
}

void
jm_canvas_edit_header (JmCanvas   *self,
                       JmHitKind   kind,
                       const char *id)
{
  const char *name = NULL;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  if (kind == JM_HIT_STAGE && jm_document_find_stage (self->document, id))
    name = jm_document_find_stage (self->document, id)->name;
  else if (kind == JM_HIT_STEP && jm_document_find_step (self->document, id))
    name = jm_document_find_step (self->document, id)->name;
  else if (kind == JM_HIT_LANE && jm_document_find_lane (self->document, id))
    name = jm_document_find_lane (self->document, id)->title;
  if (name == NULL)
    return;

  if (self->editing_id != NULL)
    jm_canvas_commit_edit (self);
  start_editing (self, kind, id, name);
}

static void
start_editing (JmCanvas   *self,
               JmHitKind   kind,
               const char *id,
               const char *text)
{
  self->editing_id = g_strdup (id);
  self->editing_kind = kind;
  self->editing_new = FALSE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)), text ? text : "", -1);
  update_editor_font (self);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_select_range (buffer, &end, &start);
  }
}

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

  jm_canvas_select_card (self, id, FALSE);
  jm_canvas_edit_card (self, id);
  self->editing_new = TRUE;
  return id;
}

static gboolean
on_editor_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               JmCanvas              *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      jm_canvas_cancel_edit (self);
      return TRUE;
    }
  /* Names are one line: Enter finishes them; card texts take Ctrl+Enter. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
      && ((state & GDK_CONTROL_MASK) || self->editing_kind != JM_HIT_CARD))
    {
      jm_canvas_commit_edit (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_editor_leave (GtkEventControllerFocus *controller,
                 JmCanvas                *self)
{
  /* Clicking elsewhere keeps what was typed. */
  if (self->editing_id != NULL)
    jm_canvas_commit_edit (self);
}

void
jm_canvas_tools_allocate (JmCanvas *self)
{
  JmRect rect;
  double x, y;
  GtkAllocation alloc;
  int min, nat;

  if (self->editing_id == NULL || self->layout == NULL)
    return;
  if (self->editing_kind == JM_HIT_CARD ? !jm_layout_get_card_rect (self->layout, self->editing_id, &rect)
                                        : !jm_layout_get_header_rect (self->layout, self->editing_kind,
                                                                      self->editing_id, &rect))
    return;

  jm_canvas_map_to_widget (self, rect.x, rect.y, &x, &y);
  alloc.x = (int) floor (x);
  alloc.y = (int) floor (y);
  alloc.width = (int) ceil (MAX (rect.width * self->zoom, 120));
  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  alloc.width = MAX (alloc.width, min);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, alloc.width, &min, &nat, NULL, NULL);
  alloc.height = MAX ((int) ceil (rect.height * self->zoom), nat);
  gtk_widget_size_allocate (self->editor, &alloc, -1);
}

/* ---- adding, deleting, duplicating, moving ---- */

void
jm_canvas_delete_selection (JmCanvas *self)
{
  JmHistory *history;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL || self->selection->len == 0)
    return;

  ids = g_ptr_array_copy (self->selection, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (ids, g_free);
  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Delete Card", "Delete Cards", ids->len));
  for (guint i = 0; i < ids->len; i++)
    if (jm_document_find_card (self->document, g_ptr_array_index (ids, i), NULL) != NULL)
      jm_document_remove_card (self->document, g_ptr_array_index (ids, i));
  jm_history_end_group (history);
  jm_canvas_clear_selection (self);
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

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL || self->selection->len == 0)
    return;

  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Duplicate Card", "Duplicate Cards",
                                                self->selection->len));
  for (guint i = 0; i < self->selection->len; i++)
    {
      JmLane *lane = NULL;
      JmCard *card = jm_document_find_card (self->document, g_ptr_array_index (self->selection, i), &lane);
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

  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; i < copies->len; i++)
    g_ptr_array_add (self->selection, g_strdup (g_ptr_array_index (copies, i)));
  if (copies->len > 0)
    set_focus_card (self, g_ptr_array_index (copies, 0));
  selection_changed (self);
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
  GPtrArray *lanes;
  int n_steps;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL || self->selection->len == 0)
    return;

  lanes = jm_document_get_lanes (self->document);
  n_steps = (int) jm_document_get_n_steps (self->document);
  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Move Card", "Move Cards",
                                                self->selection->len));
  for (guint i = 0; i < self->selection->len; i++)
    {
      const char *id = g_ptr_array_index (self->selection, i);
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
  if (self->focus_id != NULL)
    set_focus_card (self, self->focus_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- keyboard focus ---- */

/* Cards covering a cell, top to bottom. */
static GPtrArray *
cards_in_cell (JmCanvas   *self,
               const char *lane_id,
               int         column)
{
  JmLane *lane = jm_document_find_lane (self->document, lane_id);
  GPtrArray *cards = g_ptr_array_new ();

  if (lane == NULL)
    return cards;
  for (guint i = 0; i < lane->cards->len; i++)
    {
      JmCard *card = g_ptr_array_index (lane->cards, i);
      int start = jm_document_get_step_column (self->document, card->step_id);

      if (start <= column && column < start + (int) card->span)
        g_ptr_array_add (cards, card);
    }
  return cards;
}

static void
focus_cell (JmCanvas   *self,
            const char *lane_id,
            int         column,
            gboolean    from_above)
{
  g_autoptr(GPtrArray) cards = cards_in_cell (self, lane_id, column);
  JmStep *step = jm_document_get_step (self->document, (guint) column);

  jm_set_str (&self->focus_lane, lane_id);
  jm_set_str (&self->focus_step, step ? step->id : NULL);
  if (cards->len > 0)
    {
      JmCard *card = g_ptr_array_index (cards, from_above ? 0 : cards->len - 1);
      jm_canvas_select_card (self, card->id, FALSE);
      jm_set_str (&self->focus_step, step ? step->id : NULL);
    }
  else
    {
      g_clear_pointer (&self->focus_id, g_free);
      jm_canvas_clear_selection (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
jm_canvas_move_focus (JmCanvas *self,
                      int       dx,
                      int       dy)
{
  GPtrArray *lanes;
  int column, row, n_steps;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  lanes = jm_document_get_lanes (self->document);
  n_steps = (int) jm_document_get_n_steps (self->document);
  if (lanes->len == 0 || n_steps == 0)
    return FALSE;

  if (self->focus_lane == NULL || jm_document_find_lane (self->document, self->focus_lane) == NULL
      || jm_document_get_step_column (self->document, self->focus_step) < 0)
    {
      focus_cell (self, ((JmLane *) g_ptr_array_index (lanes, 0))->id, 0, TRUE);
      return TRUE;
    }

  column = jm_document_get_step_column (self->document, self->focus_step);
  row = lane_index (self, self->focus_lane);

  if (dy != 0 && self->focus_id != NULL)
    {
      /* Within a stack of cards first, then to the next lane. */
      g_autoptr(GPtrArray) cards = cards_in_cell (self, self->focus_lane, column);

      for (guint i = 0; i < cards->len; i++)
        {
          JmCard *card = g_ptr_array_index (cards, i);
          int next = (int) i + dy;

          if (g_strcmp0 (card->id, self->focus_id) == 0 && next >= 0 && next < (int) cards->len)
            {
              jm_canvas_select_card (self, ((JmCard *) g_ptr_array_index (cards, next))->id, FALSE);
              jm_set_str (&self->focus_step, jm_document_get_step (self->document, (guint) column)->id);
              return TRUE;
            }
        }
    }

  if (dx != 0 && self->focus_id != NULL)
    {
      /* Step over the columns a spanning card covers. */
      JmCard *card = jm_document_find_card (self->document, self->focus_id, NULL);
      int start = jm_document_get_step_column (self->document, card->step_id);

      column = dx > 0 ? start + (int) card->span : start - 1;
    }
  else
    {
      column += dx;
    }
  row += dy;

  if (column < 0 || column >= n_steps || row < 0 || row >= (int) lanes->len)
    return FALSE;

  focus_cell (self, ((JmLane *) g_ptr_array_index (lanes, row))->id, column, dy >= 0);
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
  int current = -1, next;

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          if (g_strcmp0 (card->id, self->focus_id) == 0)
            current = (int) order->len;
          g_ptr_array_add (order, card);
        }
    }
  if (order->len == 0)
    return FALSE;

  next = current < 0 ? (direction > 0 ? 0 : (int) order->len - 1) : current + direction;
  if (next < 0 || next >= (int) order->len)
    return FALSE;
  jm_canvas_select_card (self, ((JmCard *) g_ptr_array_index (order, next))->id, FALSE);
  return TRUE;
}

/* + and - on a cell of the emotion lane move the first persona's score
 * there by half a point. */
static gboolean
nudge_emotion (JmCanvas *self,
               double    delta)
{
  JmLane *lane = self->focus_lane ? jm_document_find_lane (self->document, self->focus_lane) : NULL;
  GPtrArray *personas = jm_document_get_personas (self->document);
  const JmEmotion *emotion;
  JmPersona *persona;
  double score;

  if (lane == NULL || lane->kind != JM_LANE_EMOTIONS || personas->len == 0 || self->focus_step == NULL)
    return FALSE;

  persona = g_ptr_array_index (personas, 0);
  emotion = jm_document_get_emotion (self->document, persona->id, self->focus_step, JM_MAP_STATE_CURRENT);
  score = CLAMP ((emotion ? emotion->score : 0) + (emotion ? delta : 0), JM_EMOTION_MIN, JM_EMOTION_MAX);
  jm_document_set_emotion (self->document, persona->id, self->focus_step, JM_MAP_STATE_CURRENT, score);
  jm_history_seal (jm_document_get_history (self->document));
  return TRUE;
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
  int dx = 0, dy = 0;

  if (self->document == NULL || self->editing_id != NULL)
    return FALSE;

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
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_F2:
      if (self->header_id != NULL && self->selection->len == 0)
        jm_canvas_edit_header (self, self->header_kind, self->header_id);
      else if (self->focus_id != NULL)
        jm_canvas_edit_card (self, self->focus_id);
      else if (self->focus_lane != NULL && self->focus_step != NULL)
        g_free (jm_canvas_add_card (self, self->focus_lane, self->focus_step));
      else
        return FALSE;
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (self->selection->len == 0)
        return FALSE;
      jm_canvas_delete_selection (self);
      return TRUE;
    case GDK_KEY_d:
    case GDK_KEY_D:
      if (!ctrl || self->selection->len == 0)
        return FALSE;
      jm_canvas_duplicate_selection (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selection->len == 0)
        return FALSE;
      jm_canvas_clear_selection (self);
      return TRUE;
    case GDK_KEY_space:
      /* Held down, space turns a drag into panning. */
      self->space_held = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      return focus_next_card (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) ? -1 : 1);
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      return nudge_emotion (self, 0.5);
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      return nudge_emotion (self, -0.5);
    default:
      return FALSE;
    }

  if (alt)
    jm_canvas_move_selection (self, dx, dy);
  else
    jm_canvas_move_focus (self, dx, dy);
  return TRUE;
}

/* ---- pointer: click, double-click, drag ---- */

static gboolean
hit_at (JmCanvas *self,
        double    x,
        double    y,
        JmHit    *hit)
{
  double mx, my;

  if (self->layout == NULL)
    return FALSE;
  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  return jm_layout_hit_test (self->layout, mx, my, hit);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            JmCanvas        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  JmHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->editing_id != NULL)
    jm_canvas_commit_edit (self);

  if (!hit_at (self, x, y, &hit))
    {
      jm_canvas_clear_selection (self);
      return;
    }

  if (hit.kind == JM_HIT_CARD)
    {
      if (n_press >= 2)
        jm_canvas_edit_card (self, hit.id);
      else if (!(is_selected (self, hit.id) && !extend && self->selection->len > 1))
        jm_canvas_select_card (self, hit.id, extend);
    }
  else if (hit.kind == JM_HIT_CELL)
    {
      jm_set_str (&self->focus_lane, hit.lane_id);
      jm_set_str (&self->focus_step, hit.step_id);
      g_clear_pointer (&self->focus_id, g_free);
      if (n_press >= 2)
        g_free (jm_canvas_add_card (self, hit.lane_id, hit.step_id));
      else if (!extend)
        jm_canvas_clear_selection (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (hit.kind == JM_HIT_STAGE || hit.kind == JM_HIT_STEP || hit.kind == JM_HIT_LANE
           || hit.kind == JM_HIT_PERSONA)
    {
      g_ptr_array_set_size (self->selection, 0);
      self->header_kind = hit.kind;
      jm_set_str (&self->header_id, hit.id);
      selection_changed (self);
      /* A double-click renames it, in place. */
      if (n_press >= 2 && hit.kind != JM_HIT_PERSONA)
        jm_canvas_edit_header (self, hit.kind, hit.id);
    }
  else if (!extend)
    {
      jm_canvas_clear_selection (self);
    }
}

/* Where a dragged card would land: the cell under the pointer and the
 * position among the cards of that cell. */
static void
update_drop_target (JmCanvas *self,
                    double    x,
                    double    y)
{
  JmHit hit;
  JmLane *lane;
  int index = -1, position = 0;
  double line_y = -1;
  JmRect cell;

  g_clear_pointer (&self->drop_lane, g_free);
  g_clear_pointer (&self->drop_step, g_free);

  if (!hit_at (self, x, y, &hit) || (hit.kind != JM_HIT_CELL && hit.kind != JM_HIT_CARD))
    return;

  lane = jm_document_find_lane (self->document, hit.lane_id);
  if (hit.kind == JM_HIT_CARD)
    {
      /* Over a card: its cell is the one under the pointer. */
      double mx, my;
      int column;

      jm_canvas_widget_to_map (self, x, y, &mx, &my);
      for (column = 0; column < (int) jm_document_get_n_steps (self->document); column++)
        {
          JmStep *step = jm_document_get_step (self->document, (guint) column);

          if (jm_layout_get_cell_rect (self->layout, lane->id, step->id, &cell) && jm_rect_contains (&cell, mx, my))
            {
              hit.step_id = step->id;
              break;
            }
        }
    }
  if (!jm_layout_get_cell_rect (self->layout, lane->id, hit.step_id, &cell))
    return;

  {
    double mx, my;

    jm_canvas_widget_to_map (self, x, y, &mx, &my);
    line_y = cell.y + 4;
    for (guint i = 0; i < lane->cards->len; i++)
      {
        JmCard *card = g_ptr_array_index (lane->cards, i);
        JmRect rect;

        if (g_strcmp0 (card->id, self->drag_id) == 0)
          continue;
        if (g_strcmp0 (card->step_id, hit.step_id) == 0 && jm_layout_get_card_rect (self->layout, card->id, &rect))
          {
            if (index < 0 && my < rect.y + rect.height / 2)
              {
                index = position;
                line_y = rect.y - 4;
              }
            else if (index < 0)
              {
                line_y = rect.y + rect.height + 4;
              }
          }
        position++;
      }
  }

  self->drop_lane = g_strdup (lane->id);
  self->drop_step = g_strdup (hit.step_id);
  self->drop_index = index;
  self->drop_rect = cell;
  self->drop_line_y = line_y;
}

static void
drag_reset (JmCanvas *self)
{
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->drag_persona, g_free);
  g_clear_pointer (&self->drag_step, g_free);
  g_clear_pointer (&self->drop_lane, g_free);
  g_clear_pointer (&self->drop_step, g_free);
  self->drag_active = FALSE;
}

/* Which of a persona's two curves (as is, to be) has its point nearest y. */
static int
nearest_curve (JmCanvas   *self,
               const char *persona_id,
               const char *step_id,
               double      my)
{
  double x, y, best = G_MAXDOUBLE;
  int curve = JM_MAP_STATE_CURRENT;

  for (int c = 0; c < JM_N_MAP_STATES; c++)
    if (jm_layout_get_emotion_point (self->layout, persona_id, step_id, c, &x, &y) && fabs (y - my) < best)
      {
        best = fabs (y - my);
        curve = c;
      }
  return curve;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               JmCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double mx, my;
  JmHit hit;

  drag_reset (self);
  if (self->editing_id != NULL || self->layout == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;

  if (self->space_held)
    {
      self->drag_mode = DRAG_PAN;
      self->pan_h = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
      self->pan_v = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
      return;
    }

  if (!jm_layout_hit_test (self->layout, mx, my, &hit) || hit.kind == JM_HIT_CELL)
    {
      self->drag_mode = DRAG_RUBBER_BAND;
      return;
    }

  switch (hit.kind)
    {
    case JM_HIT_CARD:
      self->drag_id = g_strdup (hit.id);
      self->drag_mode = (hit.rect.x + hit.rect.width - mx) * self->zoom <= EDGE_GRAB ? DRAG_SPAN : DRAG_MOVE;
      self->drag_span = jm_document_find_card (self->document, hit.id, NULL)->span;
      break;
    case JM_HIT_EMOTION:
      self->drag_mode = DRAG_EMOTION;
      self->drag_persona = g_strdup (hit.id);
      self->drag_step = g_strdup (hit.step_id);
      self->drag_curve = nearest_curve (self, hit.id, hit.step_id, my);
      /* One drag, one undo step, however many halves it passes. */
      jm_history_begin_group (jm_document_get_history (self->document), _("Set Emotion"));
      self->drag_group = TRUE;
      break;
    case JM_HIT_STAGE:
    case JM_HIT_STEP:
    case JM_HIT_LANE:
      /* Headers reorder: a stage or step along the columns, a lane up and down. */
      self->drag_mode = DRAG_HEADER;
      self->drag_curve = hit.kind;
      self->drag_id = g_strdup (hit.id);
      break;
    case JM_HIT_NONE:
    case JM_HIT_HEADER:
    case JM_HIT_CELL:
    default:
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
    }
}

/* The emotion score for map y in the emotion lane, snapped to halves;
 * FALSE if the map has no emotion lane (any more: an undo or a reload
 * during the drag may have removed it). */
static gboolean
score_at (JmCanvas *self,
          double    my,
          double   *score)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);

  for (guint i = 0; i < lanes->len; i++)
    {
      JmLane *lane = g_ptr_array_index (lanes, i);
      JmRect rect;
      double top, bottom;

      if (lane->kind != JM_LANE_EMOTIONS || !jm_layout_get_lane_rect (self->layout, lane->id, &rect))
        continue;
      top = rect.y + 28;
      bottom = rect.y + rect.height - 28;
      *score = JM_EMOTION_MAX - (my - top) / (bottom - top) * (JM_EMOTION_MAX - JM_EMOTION_MIN);
      *score = CLAMP (round (*score * 2) / 2, JM_EMOTION_MIN, JM_EMOTION_MAX);
      return TRUE;
    }
  return FALSE;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                JmCanvas       *self)
{
  double mx, my;

  if (!self->drag_active && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  if (!self->drag_active)
    {
      self->drag_active = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_PAN)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      else if (self->drag_mode == DRAG_SPAN)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "col-resize");
      else if (self->drag_mode == DRAG_EMOTION)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "row-resize");
    }

  jm_canvas_widget_to_map (self, self->drag_x + dx, self->drag_y + dy, &mx, &my);

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, self->pan_h - dx);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->pan_v - dy);
      break;

    case DRAG_MOVE:
      update_drop_target (self, self->drag_x + dx, self->drag_y + dy);
      break;

    case DRAG_HEADER:
      {
        JmHit hit;

        g_clear_pointer (&self->drop_step, g_free);
        g_clear_pointer (&self->drop_lane, g_free);
        if (!jm_layout_hit_test (self->layout, mx, my, &hit))
          break;
        if (self->drag_curve == JM_HIT_LANE && hit.lane_id != NULL)
          {
            self->drop_lane = g_strdup (hit.lane_id);
            jm_layout_get_lane_rect (self->layout, hit.lane_id, &self->drop_rect);
          }
        else if (self->drag_curve != JM_HIT_LANE)
          {
            /* The step under the pointer, whatever row it is in. */
            int column = -1;

            for (guint c = 0; c < jm_document_get_n_steps (self->document); c++)
              {
                JmRect step_rect;

                if (jm_layout_get_header_rect (self->layout, JM_HIT_STEP,
                                               jm_document_get_step (self->document, c)->id, &step_rect)
                    && mx >= step_rect.x && mx < step_rect.x + step_rect.width)
                  column = (int) c;
              }
            if (column >= 0)
              {
                JmStep *step = jm_document_get_step (self->document, (guint) column);

                self->drop_step = g_strdup (step->id);
                if (self->drag_curve == JM_HIT_STAGE)
                  jm_layout_get_stage_rect (self->layout, jm_document_get_step_stage (self->document, step->id)->id,
                                            &self->drop_rect);
                else
                  jm_layout_get_header_rect (self->layout, JM_HIT_STEP, step->id, &self->drop_rect);
              }
          }
        break;
      }

    case DRAG_SPAN:
      {
        JmLane *lane = NULL;
        JmCard *card = jm_document_find_card (self->document, self->drag_id, &lane);
        int start = jm_document_get_step_column (self->document, card->step_id);
        int n_steps = (int) jm_document_get_n_steps (self->document);
        int column = start;
        JmRect cell, last;

        for (int c = start; c < n_steps; c++)
          if (jm_layout_get_cell_rect (self->layout, lane->id, jm_document_get_step (self->document, (guint) c)->id, &cell)
              && mx >= cell.x)
            column = c;
        self->drag_span = (guint) (column - start + 1);
        jm_layout_get_cell_rect (self->layout, lane->id, card->step_id, &cell);
        jm_layout_get_cell_rect (self->layout, lane->id, jm_document_get_step (self->document, (guint) column)->id, &last);
        self->drop_rect = cell;
        self->drop_rect.width = last.x + last.width - cell.x;
        self->drop_line_y = -1;
        g_free (self->drop_lane);
        self->drop_lane = g_strdup (lane->id);
        break;
      }

    case DRAG_EMOTION:
      {
        const JmEmotion *e = jm_document_get_emotion (self->document, self->drag_persona, self->drag_step,
                                                      self->drag_curve);
        double score;

        if (!score_at (self, my, &score))
          break;
        if (e == NULL || e->score != score)
          jm_document_set_emotion (self->document, self->drag_persona, self->drag_step, self->drag_curve, score);
        break;
      }

    case DRAG_RUBBER_BAND:
    default:
      {
        double x0, y0;

        jm_canvas_widget_to_map (self, self->drag_x, self->drag_y, &x0, &y0);
        self->drop_rect = (JmRect) { MIN (x0, mx), MIN (y0, my), fabs (mx - x0), fabs (my - y0) };
        break;
      }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                JmCanvas         *self)
{
  if (self->drag_group)
    {
      jm_history_end_group (jm_document_get_history (self->document));
      self->drag_group = FALSE;
    }
  drag_reset (self);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             JmCanvas       *self)
{
  if (self->drag_group)
    {
      jm_history_end_group (jm_document_get_history (self->document));
      self->drag_group = FALSE;
    }

  if (self->drag_active && self->drag_mode == DRAG_MOVE && self->drop_lane != NULL && self->drop_step != NULL
      && jm_document_find_card (self->document, self->drag_id, NULL) != NULL)
    {
      JmCard *card = jm_document_find_card (self->document, self->drag_id, NULL);
      int column = jm_document_get_step_column (self->document, self->drop_step);
      int n_steps = (int) jm_document_get_n_steps (self->document);

      /* A wide card keeps its span and stays inside the map. */
      column = MIN (column, n_steps - (int) card->span);
      jm_document_move_card (self->document, self->drag_id, self->drop_lane,
                             jm_document_get_step (self->document, (guint) MAX (column, 0))->id,
                             self->drop_index);
      jm_canvas_select_card (self, self->drag_id, FALSE);
    }
  else if (self->drag_active && self->drag_mode == DRAG_HEADER)
    {
      if (self->drag_curve == JM_HIT_LANE && self->drop_lane != NULL)
        {
          GPtrArray *lanes = jm_document_get_lanes (self->document);
          guint index;

          if (g_ptr_array_find (lanes, jm_document_find_lane (self->document, self->drop_lane), &index))
            jm_document_move_lane (self->document, self->drag_id, index);
        }
      else if (self->drag_curve == JM_HIT_STAGE && self->drop_step != NULL)
        {
          GPtrArray *stages = jm_document_get_stages (self->document);
          guint index;

          if (g_ptr_array_find (stages, jm_document_get_step_stage (self->document, self->drop_step), &index))
            jm_document_move_stage (self->document, self->drag_id, index);
        }
      else if (self->drag_curve == JM_HIT_STEP && self->drop_step != NULL
               && g_strcmp0 (self->drop_step, self->drag_id) != 0)
        {
          JmStage *stage = jm_document_get_step_stage (self->document, self->drop_step);
          guint index;

          g_ptr_array_find (stage->steps, jm_document_find_step (self->document, self->drop_step), &index);
          jm_document_move_step (self->document, self->drag_id, stage->id, index);
        }
    }
  else if (self->drag_active && self->drag_mode == DRAG_SPAN
           && jm_document_find_card (self->document, self->drag_id, NULL) != NULL)
    {
      JmCard *copy = jm_card_copy (jm_document_find_card (self->document, self->drag_id, NULL));

      if (copy->span != self->drag_span)
        {
          copy->span = self->drag_span;
          jm_document_update_card (self->document, copy, NULL);
        }
      else
        jm_card_free (copy);
      jm_canvas_select_card (self, self->drag_id, FALSE);
    }
  else if (self->drag_active && self->drag_mode == DRAG_RUBBER_BAND)
    {
      GPtrArray *lanes = jm_document_get_lanes (self->document);

      if (!self->drag_extend)
        g_ptr_array_set_size (self->selection, 0);
      for (guint l = 0; l < lanes->len; l++)
        {
          JmLane *lane = g_ptr_array_index (lanes, l);

          for (guint c = 0; c < lane->cards->len; c++)
            {
              JmCard *card = g_ptr_array_index (lane->cards, c);
              JmRect rect;

              if (jm_layout_get_card_rect (self->layout, card->id, &rect)
                  && jm_rect_intersects (&rect, &self->drop_rect) && !is_selected (self, card->id))
                g_ptr_array_add (self->selection, g_strdup (card->id));
            }
        }
      clear_header (self);
      selection_changed (self);
    }

  drag_reset (self);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- feedback on top of the map ---- */

static void
widget_rect (JmCanvas     *self,
             const JmRect *rect,
             graphene_rect_t *out)
{
  double x, y;

  jm_canvas_map_to_widget (self, rect->x, rect->y, &x, &y);
  graphene_rect_init (out, (float) x, (float) y,
                      (float) (rect->width * self->zoom), (float) (rect->height * self->zoom));
}

static void
outline (GtkSnapshot          *snapshot,
         const graphene_rect_t *bounds,
         float                 radius,
         float                 width,
         const GdkRGBA        *color)
{
  GskRoundedRect rounded;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, bounds, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

void
jm_canvas_tools_snapshot (JmCanvas    *self,
                          GtkSnapshot *snapshot)
{
  GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 1.0f };
  JmRect rect;
  graphene_rect_t bounds;

  if (self->layout == NULL)
    return;

  for (guint i = 0; i < self->selection->len; i++)
    {
      if (!jm_layout_get_card_rect (self->layout, g_ptr_array_index (self->selection, i), &rect))
        continue;
      widget_rect (self, &rect, &bounds);
      graphene_rect_inset (&bounds, -3, -3);
      outline (snapshot, &bounds, 10, 2.5f, &accent);
    }

  if (self->header_id != NULL)
    {
      gboolean found = FALSE;

      if (self->header_kind == JM_HIT_STAGE)
        found = jm_layout_get_stage_rect (self->layout, self->header_id, &rect);
      else if (self->header_kind == JM_HIT_PERSONA)
        found = jm_layout_get_persona_rect (self->layout, self->header_id, &rect);
      else if (self->header_kind == JM_HIT_LANE)
        found = jm_layout_get_lane_rect (self->layout, self->header_id, &rect);
      else if (self->header_kind == JM_HIT_STEP)
        {
          GPtrArray *lanes = jm_document_get_lanes (self->document);
          JmRect last;

          found = lanes->len > 0
                  && jm_layout_get_cell_rect (self->layout, ((JmLane *) lanes->pdata[0])->id, self->header_id, &rect)
                  && jm_layout_get_cell_rect (self->layout, ((JmLane *) lanes->pdata[lanes->len - 1])->id,
                                              self->header_id, &last);
          if (found)
            rect.height = last.y + last.height - rect.y;
        }
      if (found)
        {
          widget_rect (self, &rect, &bounds);
          outline (snapshot, &bounds, 10, 2.5f, &accent);
        }
    }

  /* The keyboard focus on an empty cell. */
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus_id == NULL
      && self->focus_lane != NULL && self->focus_step != NULL
      && jm_layout_get_cell_rect (self->layout, self->focus_lane, self->focus_step, &rect))
    {
      GdkRGBA faint = accent;

      widget_rect (self, &rect, &bounds);
      graphene_rect_inset (&bounds, 4, 4);
      faint.alpha = 0.6f;
      outline (snapshot, &bounds, 8, 2, &faint);
    }

  if (self->drag_active && (self->drag_mode == DRAG_RUBBER_BAND || self->drag_mode == DRAG_SPAN
                            || (self->drag_mode == DRAG_HEADER && (self->drop_lane || self->drop_step))))
    {
      GdkRGBA fill = accent;

      fill.alpha = 0.12f;
      widget_rect (self, &self->drop_rect, &bounds);
      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      outline (snapshot, &bounds, 4, 1.5f, &accent);
    }
  else if (self->drag_active && self->drop_lane != NULL)
    {
      GdkRGBA fill = accent;
      JmRect line = { self->drop_rect.x + 8, self->drop_line_y - 1.5, self->drop_rect.width - 16, 3 };

      fill.alpha = 0.12f;
      widget_rect (self, &self->drop_rect, &bounds);
      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      widget_rect (self, &line, &bounds);
      bounds.size.height = MAX (bounds.size.height, 3);
      gtk_snapshot_append_color (snapshot, &accent, &bounds);
    }

  if (self->editing_id != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->editor, snapshot);
}

/* ---- set-up ---- */

void
jm_canvas_tools_init (JmCanvas *self)
{
  GtkEventController *key, *editor_key, *editor_focus;
  GtkGesture *click, *drag;

  self->selection = g_ptr_array_new_with_free_func (g_free);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (key, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  self->editor = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_widget_add_css_class (self->editor, "jm-card-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Card text"), -1);
  self->editor_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->editor),
                                  GTK_STYLE_PROVIDER (self->editor_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  editor_key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (editor_key, GTK_PHASE_CAPTURE);
  g_signal_connect (editor_key, "key-pressed", G_CALLBACK (on_editor_key), self);
  gtk_widget_add_controller (self->editor, editor_key);
  editor_focus = gtk_event_controller_focus_new ();
  g_signal_connect (editor_focus, "leave", G_CALLBACK (on_editor_leave), self);
  gtk_widget_add_controller (self->editor, editor_focus);
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
}

void
jm_canvas_tools_dispose (JmCanvas *self)
{
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_object (&self->editor_css);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_pointer (&self->focus_id, g_free);
  g_clear_pointer (&self->focus_lane, g_free);
  g_clear_pointer (&self->focus_step, g_free);
  g_clear_pointer (&self->header_id, g_free);
  g_clear_pointer (&self->editing_id, g_free);
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->drag_persona, g_free);
  g_clear_pointer (&self->drag_step, g_free);
  g_clear_pointer (&self->drop_lane, g_free);
  g_clear_pointer (&self->drop_step, g_free);
}

void
jm_canvas_tools_class_init (GtkWidgetClass *widget_class)
{
  /**
   * JmCanvas::selection-changed:
   *
   * The selected cards changed.
   */
  selection_changed_signal =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}
