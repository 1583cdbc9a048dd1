/* jm-selection.c — the editor's focus and selection model. See
 * jm-selection.h. After every change of the document it checks that what
 * it names still exists; when the current object went away (deleted, or an
 * undo took it back) the focus moves to its neighbour at the same place,
 * then to its parent, so the views never show a deleted object. */
#include "config.h"

#include "jm-map-view.h"
#include "jm-selection.h"

struct _JmSelection {
  GObject     parent_instance;

  JmDocument *document;
  gulong      changed_handler;

  JmFocus     focus;
  GPtrArray  *cards;      /* char*: selected card ids */

  /* Where the focus was, to find a neighbour when its object goes. */
  int         index;      /* position among personas, stages or lanes */
  int         column;     /* step column */
  int         row;        /* lane index */

  char       *persona_id; /* whose curve is drawn; NULL: the first persona */
  JmMapState  curve;

  char       *view_id;    /* the view the editor shows (jm-map-view.h); NULL: everything */
};

enum {
  PROP_0,
  PROP_PERSONA_ID,
  PROP_CURVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmSelection, jm_selection, G_TYPE_OBJECT)

/* ---- JmFocus ---- */

void
jm_focus_clear (JmFocus *focus)
{
  g_clear_pointer (&focus->id, g_free);
  g_clear_pointer (&focus->lane_id, g_free);
  g_clear_pointer (&focus->step_id, g_free);
  focus->kind = JM_FOCUS_NONE;
  focus->curve = JM_MAP_STATE_CURRENT;
}

void
jm_focus_copy (const JmFocus *src,
               JmFocus       *dest)
{
  JmFocus copy = {
    src->kind, g_strdup (src->id), g_strdup (src->lane_id), g_strdup (src->step_id), src->curve
  };

  jm_focus_clear (dest);
  *dest = copy;
}

gboolean
jm_focus_equal (const JmFocus *a,
                const JmFocus *b)
{
  return a->kind == b->kind
         && g_strcmp0 (a->id, b->id) == 0
         && g_strcmp0 (a->lane_id, b->lane_id) == 0
         && g_strcmp0 (a->step_id, b->step_id) == 0
         && (a->kind != JM_FOCUS_EMOTION || a->curve == b->curve);
}

/* ---- looking things up ---- */

static int
index_of (GPtrArray  *objects,
          const char *id)
{
  /* Every object record starts with its id. */
  for (guint i = 0; id != NULL && i < objects->len; i++)
    if (g_strcmp0 (*(char **) g_ptr_array_index (objects, i), id) == 0)
      return (int) i;
  return -1;
}

static GPtrArray *
list_of (JmSelection *self,
         JmFocusKind  kind)
{
  switch (kind)
    {
    case JM_FOCUS_PERSONA:
      return jm_document_get_personas (self->document);
    case JM_FOCUS_STAGE:
      return jm_document_get_stages (self->document);
    case JM_FOCUS_LANE:
      return jm_document_get_lanes (self->document);
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_STEP:
    case JM_FOCUS_CELL:
    case JM_FOCUS_CARD:
    case JM_FOCUS_EMOTION:
    default:
      return NULL;
    }
}

const char *
jm_selection_get_emotion_lane (JmSelection *self)
{
  GPtrArray *lanes;

  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);

  if (self->document == NULL)
    return NULL;
  lanes = jm_document_get_lanes (self->document);
  for (guint i = 0; i < lanes->len; i++)
    {
      JmLane *lane = g_ptr_array_index (lanes, i);

      if (lane->kind == JM_LANE_EMOTIONS)
        return lane->id;
    }
  return NULL;
}

/* Remembers where the focus is, for when its object goes away. */
static void
remember_place (JmSelection *self)
{
  GPtrArray *list = list_of (self, self->focus.kind);
  int column = self->focus.step_id ? jm_document_get_step_column (self->document, self->focus.step_id) : -1;
  int row = index_of (jm_document_get_lanes (self->document), self->focus.lane_id);

  if (list != NULL)
    self->index = index_of (list, self->focus.id);
  if (column >= 0)
    self->column = column;
  if (row >= 0)
    self->row = row;
}

static void
emit_changed (JmSelection *self)
{
  if (self->document != NULL)
    remember_place (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- following the document ---- */

static const char *
step_near (JmSelection *self,
           int          column)
{
  guint n = jm_document_get_n_steps (self->document);

  if (n == 0)
    return NULL;
  return jm_document_get_step (self->document, (guint) CLAMP (column, 0, (int) n - 1))->id;
}

static const char *
lane_near (JmSelection *self,
           int          row)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);

  if (lanes->len == 0)
    return NULL;
  return ((JmLane *) g_ptr_array_index (lanes, CLAMP (row, 0, (int) lanes->len - 1)))->id;
}

static void
set_focus_fields (JmSelection *self,
                  JmFocusKind  kind,
                  const char  *id,
                  const char  *lane_id,
                  const char  *step_id,
                  JmMapState   curve)
{
  JmFocus focus = { kind, (char *) id, (char *) lane_id, (char *) step_id, curve };

  jm_focus_copy (&focus, &self->focus);
}

/* The cell at the remembered place, or nothing when the map has no cells. */
static void
fall_back_to_cell (JmSelection *self)
{
  const char *lane_id = self->focus.lane_id && jm_document_find_lane (self->document, self->focus.lane_id)
                        ? self->focus.lane_id : lane_near (self, self->row);
  const char *step_id = self->focus.step_id && jm_document_find_step (self->document, self->focus.step_id)
                        ? self->focus.step_id : step_near (self, self->column);
  g_autofree char *lane = g_strdup (lane_id);
  g_autofree char *step = g_strdup (step_id);

  if (lane != NULL && step != NULL)
    set_focus_fields (self, JM_FOCUS_CELL, NULL, lane, step, JM_MAP_STATE_CURRENT);
  else
    jm_focus_clear (&self->focus);
}

/* ---- the view ---- */

static JmMapView *
current_view (JmSelection *self)
{
  return self->view_id != NULL && self->document != NULL ? jm_document_find_view (self->document, self->view_id)
                                                         : NULL;
}

gboolean
jm_selection_shows_lane (JmSelection *self,
                         const char  *lane_id)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), TRUE);
  return jm_map_view_shows_lane (current_view (self), lane_id);
}

gboolean
jm_selection_shows_persona (JmSelection *self,
                            const char  *persona_id)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), TRUE);
  return jm_map_view_shows_persona (current_view (self), persona_id);
}

gboolean
jm_selection_shows_curve (JmSelection *self,
                          JmMapState   curve)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), TRUE);
  return jm_map_view_shows_curve (current_view (self), curve);
}

/* The shown lane nearest to row (itself if shown), looking down first. */
static const char *
shown_lane_near (JmSelection *self,
                 int          row)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);

  for (int d = 0; d < (int) lanes->len; d++)
    for (int sign = 1; sign >= -1; sign -= 2)
      {
        int i = row + sign * d;

        if (i >= 0 && i < (int) lanes->len
            && jm_selection_shows_lane (self, ((JmLane *) g_ptr_array_index (lanes, i))->id))
          return ((JmLane *) g_ptr_array_index (lanes, i))->id;
        if (d == 0)
          break;
      }
  return NULL;
}

static const char *
first_shown_persona (JmSelection *self)
{
  GPtrArray *personas = jm_document_get_personas (self->document);

  for (guint i = 0; i < personas->len; i++)
    if (jm_selection_shows_persona (self, ((JmPersona *) g_ptr_array_index (personas, i))->id))
      return ((JmPersona *) g_ptr_array_index (personas, i))->id;
  return NULL;
}

static JmMapState
shown_curve (JmSelection *self,
             JmMapState   curve)
{
  JmMapState other = curve == JM_MAP_STATE_CURRENT ? JM_MAP_STATE_FUTURE : JM_MAP_STATE_CURRENT;

  return !jm_selection_shows_curve (self, curve) && jm_selection_shows_curve (self, other) ? other : curve;
}

/* Moves the focus off what the view hides, to a shown neighbour: a lane
 * or a cell to the nearest shown lane at the same step, an emotion point
 * to a shown persona and curve; selected cards the view hides are let go.
 * TRUE if anything changed. */
static gboolean
follow_view (JmSelection *self)
{
  JmFocus *f = &self->focus;
  gboolean changed = FALSE;

  if (self->document == NULL || current_view (self) == NULL)
    return FALSE;

  for (guint i = self->cards->len; i > 0; i--)
    {
      JmLane *lane = NULL;

      if (jm_document_find_card (self->document, g_ptr_array_index (self->cards, i - 1), &lane) != NULL
          && !jm_selection_shows_lane (self, lane->id))
        {
          g_ptr_array_remove_index (self->cards, i - 1);
          changed = TRUE;
        }
    }

  switch (f->kind)
    {
    case JM_FOCUS_PERSONA:
      if (!jm_selection_shows_persona (self, f->id))
        {
          g_autofree char *id = g_strdup (first_shown_persona (self));

          if (id != NULL)
            set_focus_fields (self, JM_FOCUS_PERSONA, id, NULL, NULL, JM_MAP_STATE_CURRENT);
          else
            set_focus_fields (self, JM_FOCUS_MAP, NULL, NULL, NULL, JM_MAP_STATE_CURRENT);
          changed = TRUE;
        }
      break;

    case JM_FOCUS_LANE:
    case JM_FOCUS_CELL:
    case JM_FOCUS_CARD:
      if (f->lane_id != NULL && !jm_selection_shows_lane (self, f->lane_id))
        {
          g_autofree char *lane = g_strdup (shown_lane_near (self, index_of (jm_document_get_lanes (self->document),
                                                                             f->lane_id)));
          g_autofree char *step = g_strdup (f->step_id);

          if (lane == NULL)
            set_focus_fields (self, JM_FOCUS_MAP, NULL, NULL, NULL, JM_MAP_STATE_CURRENT);
          else if (f->kind == JM_FOCUS_LANE || step == NULL)
            set_focus_fields (self, JM_FOCUS_LANE, lane, lane, NULL, JM_MAP_STATE_CURRENT);
          else
            set_focus_fields (self, JM_FOCUS_CELL, NULL, lane, step, JM_MAP_STATE_CURRENT);
          changed = TRUE;
        }
      break;

    case JM_FOCUS_EMOTION:
      if (!jm_selection_shows_lane (self, f->lane_id))
        {
          g_autofree char *lane = g_strdup (shown_lane_near (self, index_of (jm_document_get_lanes (self->document),
                                                                             f->lane_id)));
          g_autofree char *step = g_strdup (f->step_id);

          if (lane != NULL)
            set_focus_fields (self, JM_FOCUS_CELL, NULL, lane, step, JM_MAP_STATE_CURRENT);
          else
            set_focus_fields (self, JM_FOCUS_MAP, NULL, NULL, NULL, JM_MAP_STATE_CURRENT);
          changed = TRUE;
        }
      else if (!jm_selection_shows_persona (self, f->id) || shown_curve (self, f->curve) != f->curve)
        {
          const char *shown = jm_selection_shows_persona (self, f->id) ? f->id : first_shown_persona (self);
          g_autofree char *persona = g_strdup (shown);
          g_autofree char *lane = g_strdup (f->lane_id);
          g_autofree char *step = g_strdup (f->step_id);

          /* No persona in view: the cell, where no curve is drawn. */
          if (persona != NULL)
            set_focus_fields (self, JM_FOCUS_EMOTION, persona, lane, step, shown_curve (self, f->curve));
          else
            set_focus_fields (self, JM_FOCUS_CELL, NULL, lane, step, JM_MAP_STATE_CURRENT);
          changed = TRUE;
        }
      break;

    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_STAGE:
    case JM_FOCUS_STEP:
    default:
      break;
    }

  if (shown_curve (self, self->curve) != self->curve)
    {
      self->curve = shown_curve (self, self->curve);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
    }
  return changed;
}

/* TRUE if the focus had to move. */
static gboolean
validate_focus (JmSelection *self)
{
  JmFocus *f = &self->focus;

  switch (f->kind)
    {
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
      return FALSE;

    case JM_FOCUS_PERSONA:
    case JM_FOCUS_STAGE:
    case JM_FOCUS_LANE:
      {
        GPtrArray *list = list_of (self, f->kind);
        JmFocusKind kind = f->kind;

        if (index_of (list, f->id) >= 0)
          return FALSE;
        if (list->len == 0)
          jm_focus_clear (f);
        else
          {
            g_autofree char *id = g_strdup (*(char **) g_ptr_array_index (list, CLAMP (self->index, 0,
                                                                                        (int) list->len - 1)));
            set_focus_fields (self, kind, id, kind == JM_FOCUS_LANE ? id : NULL, NULL, JM_MAP_STATE_CURRENT);
          }
        return TRUE;
      }

    case JM_FOCUS_STEP:
      {
        g_autofree char *id = NULL;

        if (jm_document_find_step (self->document, f->id) != NULL)
          return FALSE;
        id = g_strdup (step_near (self, self->column));
        if (id != NULL)
          set_focus_fields (self, JM_FOCUS_STEP, id, NULL, id, JM_MAP_STATE_CURRENT);
        else
          jm_focus_clear (f);
        return TRUE;
      }

    case JM_FOCUS_CELL:
      if (jm_document_find_lane (self->document, f->lane_id) != NULL
          && jm_document_find_step (self->document, f->step_id) != NULL)
        return FALSE;
      fall_back_to_cell (self);
      return TRUE;

    case JM_FOCUS_CARD:
      {
        JmLane *lane = NULL;
        JmCard *card = jm_document_find_card (self->document, f->id, &lane);
        int start, column;

        if (card == NULL)
          {
            fall_back_to_cell (self);
            return TRUE;
          }
        /* The card may have moved: the focus goes with it, keeping its
         * column inside the card when the card still covers it. */
        start = jm_document_get_step_column (self->document, card->step_id);
        column = f->step_id ? jm_document_get_step_column (self->document, f->step_id) : -1;
        if (g_strcmp0 (f->lane_id, lane->id) != 0 || column < start || column >= start + (int) card->span)
          {
            g_autofree char *id = g_strdup (card->id);
            set_focus_fields (self, JM_FOCUS_CARD, id, lane->id, card->step_id, JM_MAP_STATE_CURRENT);
            return TRUE;
          }
        return FALSE;
      }

    case JM_FOCUS_EMOTION:
      {
        const char *lane_id = jm_selection_get_emotion_lane (self);
        gboolean persona_ok = jm_document_find_persona (self->document, f->id) != NULL;
        gboolean step_ok = jm_document_find_step (self->document, f->step_id) != NULL;

        if (lane_id != NULL && persona_ok && step_ok && g_strcmp0 (lane_id, f->lane_id) == 0)
          return FALSE;
        if (lane_id == NULL || jm_document_get_personas (self->document)->len == 0)
          {
            fall_back_to_cell (self);
            return TRUE;
          }
        {
          g_autofree char *persona = g_strdup (persona_ok ? f->id : jm_selection_get_persona (self));
          g_autofree char *step = g_strdup (step_ok ? f->step_id : step_near (self, self->column));
          g_autofree char *lane = g_strdup (lane_id);

          set_focus_fields (self, JM_FOCUS_EMOTION, persona, lane, step, f->curve);
        }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
prune_cards (JmSelection *self)
{
  gboolean changed = FALSE;

  for (guint i = self->cards->len; i > 0; i--)
    if (jm_document_find_card (self->document, g_ptr_array_index (self->cards, i - 1), NULL) == NULL)
      {
        g_ptr_array_remove_index (self->cards, i - 1);
        changed = TRUE;
      }
  return changed;
}

static void
on_document_changed (JmDocument *document,
                     JmChange   *change,
                     JmSelection *self)
{
  gboolean changed = prune_cards (self);

  if (validate_focus (self))
    changed = TRUE;
  /* The view itself may have changed, or gone. */
  if (follow_view (self))
    changed = TRUE;
  if (self->persona_id != NULL && jm_document_find_persona (document, self->persona_id) == NULL)
    {
      g_clear_pointer (&self->persona_id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
    }
  if (changed)
    emit_changed (self);
  else
    remember_place (self);
}

/* ---- public API ---- */

JmSelection *
jm_selection_new (JmDocument *document)
{
  JmSelection *self = g_object_new (JM_TYPE_SELECTION, NULL);

  jm_selection_set_document (self, document);
  return self;
}

JmDocument *
jm_selection_get_document (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);
  return self->document;
}

void
jm_selection_set_document (JmSelection *self,
                           JmDocument  *document)
{
  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (document == NULL || JM_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_handler = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);

  jm_focus_clear (&self->focus);
  g_ptr_array_set_size (self->cards, 0);
  self->index = self->column = self->row = 0;
  g_clear_pointer (&self->persona_id, g_free);
  g_clear_pointer (&self->view_id, g_free);
  self->curve = JM_MAP_STATE_CURRENT;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
  emit_changed (self);
}

const JmFocus *
jm_selection_get_focus (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);
  return &self->focus;
}

JmFocusKind
jm_selection_get_kind (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), JM_FOCUS_NONE);
  return self->focus.kind;
}

static gboolean
cards_are (JmSelection *self,
           const char  *only)
{
  if (only == NULL)
    return self->cards->len == 0;
  return self->cards->len == 1 && g_strcmp0 (g_ptr_array_index (self->cards, 0), only) == 0;
}

void
jm_selection_set_focus (JmSelection   *self,
                        const JmFocus *focus)
{
  const char *card;

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (focus != NULL);

  card = focus->kind == JM_FOCUS_CARD ? focus->id : NULL;
  if (jm_focus_equal (focus, &self->focus) && cards_are (self, card))
    return;

  jm_focus_copy (focus, &self->focus);
  g_ptr_array_set_size (self->cards, 0);
  if (card != NULL)
    g_ptr_array_add (self->cards, g_strdup (card));
  /* On an emotion point, the curve drawn is the point's. */
  if (focus->kind == JM_FOCUS_EMOTION && focus->curve != self->curve)
    {
      self->curve = focus->curve;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
    }
  emit_changed (self);
}

void
jm_selection_focus_object (JmSelection *self,
                           JmFocusKind  kind,
                           const char  *id)
{
  JmFocus focus = { kind, (char *) id, NULL, NULL, JM_MAP_STATE_CURRENT };

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (kind == JM_FOCUS_NONE || kind == JM_FOCUS_MAP || kind == JM_FOCUS_PERSONA
                    || kind == JM_FOCUS_STAGE || kind == JM_FOCUS_STEP || kind == JM_FOCUS_LANE);

  if (kind == JM_FOCUS_NONE || kind == JM_FOCUS_MAP)
    focus.id = NULL;
  if (kind == JM_FOCUS_STEP)
    focus.step_id = (char *) id;
  if (kind == JM_FOCUS_LANE)
    focus.lane_id = (char *) id;
  jm_selection_set_focus (self, &focus);
}

void
jm_selection_focus_cell (JmSelection *self,
                         const char  *lane_id,
                         const char  *step_id)
{
  JmFocus focus = { JM_FOCUS_CELL, NULL, (char *) lane_id, (char *) step_id, JM_MAP_STATE_CURRENT };

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (lane_id != NULL && step_id != NULL);
  jm_selection_set_focus (self, &focus);
}

void
jm_selection_focus_card (JmSelection *self,
                         const char  *card_id,
                         gboolean     extend)
{
  JmLane *lane = NULL;
  JmCard *card;
  guint i;

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (card_id != NULL);

  if (self->document == NULL || (card = jm_document_find_card (self->document, card_id, &lane)) == NULL)
    return;

  if (!extend)
    {
      JmFocus focus = { JM_FOCUS_CARD, card->id, lane->id, card->step_id, JM_MAP_STATE_CURRENT };

      /* Keep the column the focus is in when it stays on the same card. */
      if (self->focus.kind == JM_FOCUS_CARD && g_strcmp0 (self->focus.id, card_id) == 0)
        focus.step_id = self->focus.step_id;
      jm_selection_set_focus (self, &focus);
      return;
    }

  for (i = 0; i < self->cards->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->cards, i), card_id) == 0)
      break;
  if (i < self->cards->len)
    {
      g_ptr_array_remove_index (self->cards, i);
      if (self->cards->len > 0)
        {
          const char *last = g_ptr_array_index (self->cards, self->cards->len - 1);

          card = jm_document_find_card (self->document, last, &lane);
        }
    }
  else
    g_ptr_array_add (self->cards, g_strdup (card_id));

  {
    g_autofree char *id = g_strdup (card->id);
    set_focus_fields (self, JM_FOCUS_CARD, id, lane->id, card->step_id, JM_MAP_STATE_CURRENT);
  }
  emit_changed (self);
}

void
jm_selection_focus_emotion (JmSelection *self,
                            const char  *persona_id,
                            const char  *step_id,
                            JmMapState   curve)
{
  JmFocus focus = { JM_FOCUS_EMOTION, (char *) persona_id, NULL, (char *) step_id, curve };

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (persona_id != NULL && step_id != NULL);

  focus.lane_id = (char *) jm_selection_get_emotion_lane (self);
  if (focus.lane_id == NULL)
    return;
  jm_selection_set_focus (self, &focus);
}

void
jm_selection_select_cards (JmSelection        *self,
                           const char * const *card_ids,
                           gboolean            extend)
{
  JmLane *lane = NULL;
  JmCard *first = NULL;

  g_return_if_fail (JM_IS_SELECTION (self));

  if (!extend)
    g_ptr_array_set_size (self->cards, 0);
  for (guint i = 0; card_ids != NULL && card_ids[i] != NULL; i++)
    if (jm_document_find_card (self->document, card_ids[i], NULL) != NULL
        && !jm_selection_is_selected (self, card_ids[i]))
      g_ptr_array_add (self->cards, g_strdup (card_ids[i]));

  if (self->cards->len > 0)
    first = jm_document_find_card (self->document, g_ptr_array_index (self->cards, 0), &lane);
  if (first != NULL)
    {
      g_autofree char *id = g_strdup (first->id);
      set_focus_fields (self, JM_FOCUS_CARD, id, lane->id, first->step_id, JM_MAP_STATE_CURRENT);
    }
  else if (self->focus.kind == JM_FOCUS_CARD)
    fall_back_to_cell (self);
  emit_changed (self);
}

void
jm_selection_clear (JmSelection *self)
{
  g_return_if_fail (JM_IS_SELECTION (self));

  if (self->focus.kind == JM_FOCUS_NONE && self->cards->len == 0)
    return;
  jm_focus_clear (&self->focus);
  g_ptr_array_set_size (self->cards, 0);
  emit_changed (self);
}

GPtrArray *
jm_selection_get_cards (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);
  return self->cards;
}

gboolean
jm_selection_is_selected (JmSelection *self,
                          const char  *card_id)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), FALSE);

  for (guint i = 0; i < self->cards->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->cards, i), card_id) == 0)
      return TRUE;
  return FALSE;
}

const char *
jm_selection_get_persona (JmSelection *self)
{
  GPtrArray *personas;

  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);

  if (self->document == NULL)
    return self->persona_id;
  /* The one chosen while the view shows it, else the first it shows. */
  if (self->persona_id != NULL && jm_selection_shows_persona (self, self->persona_id))
    return self->persona_id;
  if (current_view (self) != NULL)
    return first_shown_persona (self);
  personas = jm_document_get_personas (self->document);
  return personas->len > 0 ? ((JmPersona *) g_ptr_array_index (personas, 0))->id : NULL;
}

void
jm_selection_set_persona (JmSelection *self,
                          const char  *persona_id)
{
  g_return_if_fail (JM_IS_SELECTION (self));

  if (persona_id != NULL && (*persona_id == '\0' || self->document == NULL
                             || jm_document_find_persona (self->document, persona_id) == NULL))
    persona_id = NULL;
  if (g_strcmp0 (self->persona_id, persona_id) == 0)
    return;
  jm_set_str (&self->persona_id, persona_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);

  /* A focused emotion point follows to the persona now drawn. */
  if (self->focus.kind == JM_FOCUS_EMOTION && persona_id != NULL)
    {
      g_autofree char *step = g_strdup (self->focus.step_id);
      jm_selection_focus_emotion (self, persona_id, step, self->focus.curve);
    }
}

void
jm_selection_cycle_persona (JmSelection *self)
{
  GPtrArray *personas;
  int index;

  g_return_if_fail (JM_IS_SELECTION (self));

  if (self->document == NULL || (personas = jm_document_get_personas (self->document))->len == 0)
    return;
  index = index_of (personas, jm_selection_get_persona (self));
  /* Round the personas the view shows. */
  for (guint n = 0; n < personas->len; n++)
    {
      JmPersona *next;

      index = (index + 1) % (int) personas->len;
      next = g_ptr_array_index (personas, index);
      if (jm_selection_shows_persona (self, next->id))
        {
          jm_selection_set_persona (self, next->id);
          return;
        }
    }
}

JmMapState
jm_selection_get_curve (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), JM_MAP_STATE_CURRENT);
  return self->curve;
}

void
jm_selection_set_curve (JmSelection *self,
                        JmMapState   curve)
{
  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (curve < JM_N_MAP_STATES);

  /* A curve the view hides is not drawn, so not drawn on either. */
  curve = shown_curve (self, curve);
  if (self->curve == curve)
    return;
  self->curve = curve;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
  if (self->focus.kind == JM_FOCUS_EMOTION)
    {
      g_autofree char *persona = g_strdup (self->focus.id);
      g_autofree char *step = g_strdup (self->focus.step_id);
      jm_selection_focus_emotion (self, persona, step, curve);
    }
}

void
jm_selection_set_view (JmSelection *self,
                       const char  *view_id)
{
  g_return_if_fail (JM_IS_SELECTION (self));

  if (view_id != NULL && *view_id == '\0')
    view_id = NULL;
  if (g_strcmp0 (self->view_id, view_id) == 0)
    return;
  g_free (self->view_id);
  self->view_id = g_strdup (view_id);
  if (follow_view (self))
    emit_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

const char *
jm_selection_get_view (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);
  return self->view_id;
}

/* ---- GObject ---- */

static void
jm_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JmSelection *self = JM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      g_value_set_string (value, jm_selection_get_persona (self));
      break;
    case PROP_CURVE:
      g_value_set_int (value, self->curve);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JmSelection *self = JM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      jm_selection_set_persona (self, g_value_get_string (value));
      break;
    case PROP_CURVE:
      jm_selection_set_curve (self, (JmMapState) g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_selection_dispose (GObject *object)
{
  JmSelection *self = JM_SELECTION (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jm_selection_parent_class)->dispose (object);
}

static void
jm_selection_finalize (GObject *object)
{
  JmSelection *self = JM_SELECTION (object);

  jm_focus_clear (&self->focus);
  g_ptr_array_unref (self->cards);
  g_free (self->persona_id);
  g_free (self->view_id);

  G_OBJECT_CLASS (jm_selection_parent_class)->finalize (object);
}

static void
jm_selection_class_init (JmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jm_selection_dispose;
  object_class->finalize = jm_selection_finalize;
  object_class->get_property = jm_selection_get_property;
  object_class->set_property = jm_selection_set_property;

  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURVE] =
    g_param_spec_int ("curve", NULL, NULL, 0, JM_N_MAP_STATES - 1, JM_MAP_STATE_CURRENT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JmSelection::changed:
   *
   * The current object or the selected cards changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jm_selection_init (JmSelection *self)
{
  self->cards = g_ptr_array_new_with_free_func (g_free);
}
