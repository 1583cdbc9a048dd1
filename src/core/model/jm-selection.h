/* jm-selection.h — the editor's one focus and selection model: which object
 * of a map is current (the map's header, a persona, stage, step, lane, an
 * empty cell, a card or one persona's emotion point on one curve), which
 * cards are selected, and whose emotion curve the user is drawing. The
 * canvas, the inspector, menus, actions and the accessible layer all follow
 * it; it follows the document, so it never names an object that is gone.
 * GTK-free: tests drive it without a display. */
#pragma once

#include <glib-object.h>

#include "jm-document.h"

G_BEGIN_DECLS

typedef enum {
  JM_FOCUS_NONE,     /* nothing: the map as a whole */
  JM_FOCUS_MAP,      /* the map's header: title, scenario */
  JM_FOCUS_PERSONA,
  JM_FOCUS_STAGE,
  JM_FOCUS_STEP,
  JM_FOCUS_LANE,
  JM_FOCUS_CELL,     /* a lane at a step, with or without cards */
  JM_FOCUS_CARD,
  JM_FOCUS_EMOTION,  /* one persona's point on one curve at a step, set or not */
} JmFocusKind;

typedef struct {
  JmFocusKind kind;
  char       *id;       /* persona, stage, step, lane or card; for an emotion point, the persona */
  char       *lane_id;  /* cells, cards, emotion points */
  char       *step_id;  /* steps (the same as id), cells, cards (the step of the cell), emotion points */
  JmMapState  curve;    /* emotion points */
} JmFocus;

void      jm_focus_clear  (JmFocus       *focus);
void      jm_focus_copy   (const JmFocus *src,
                           JmFocus       *dest);
gboolean  jm_focus_equal  (const JmFocus *a,
                           const JmFocus *b);

#define JM_TYPE_SELECTION (jm_selection_get_type ())
G_DECLARE_FINAL_TYPE (JmSelection, jm_selection, JM, SELECTION, GObject)

JmSelection   *jm_selection_new             (JmDocument  *document);
JmDocument    *jm_selection_get_document    (JmSelection *self);
/* Clears the focus and the selection and follows another document. */
void           jm_selection_set_document    (JmSelection *self,
                                             JmDocument  *document);

const JmFocus *jm_selection_get_focus       (JmSelection *self);
JmFocusKind    jm_selection_get_kind        (JmSelection *self);
/* Makes focus current. A card becomes the whole selection; anything else
 * leaves no card selected. */
void           jm_selection_set_focus       (JmSelection   *self,
                                             const JmFocus *focus);
/* A persona, stage, step or lane, or the map (id NULL). */
void           jm_selection_focus_object    (JmSelection *self,
                                             JmFocusKind  kind,
                                             const char  *id);
void           jm_selection_focus_cell      (JmSelection *self,
                                             const char  *lane_id,
                                             const char  *step_id);
/* With extend, the card is added to the selection, or taken out of it if it
 * was in (the focus then stays on it or moves to the last one left). */
void           jm_selection_focus_card      (JmSelection *self,
                                             const char  *card_id,
                                             gboolean     extend);
void           jm_selection_focus_emotion   (JmSelection *self,
                                             const char  *persona_id,
                                             const char  *step_id,
                                             JmMapState   curve);
/* Selects these cards (a rubber band); the focus goes to the first. */
void           jm_selection_select_cards    (JmSelection        *self,
                                             const char * const *card_ids,
                                             gboolean            extend);
void           jm_selection_clear           (JmSelection *self);

/* Selected card ids, in the order they were selected. */
GPtrArray     *jm_selection_get_cards       (JmSelection *self);
gboolean       jm_selection_is_selected     (JmSelection *self,
                                             const char  *card_id);

/* Whose emotion curve, and which of its two curves, the user is drawing:
 * the persona chosen to view the map as, or the first persona. */
const char    *jm_selection_get_persona     (JmSelection *self);
void           jm_selection_set_persona     (JmSelection *self,
                                             const char  *persona_id);
/* The next persona after the current one, round the list. */
void           jm_selection_cycle_persona   (JmSelection *self);
JmMapState     jm_selection_get_curve       (JmSelection *self);
void           jm_selection_set_curve       (JmSelection *self,
                                             JmMapState   curve);

/* The view the editor shows the map through (jm-map-view.h), or NULL for
 * everything. The focus never rests on what the view hides: when the view
 * changes, a hidden lane, cell or card gives the focus to the nearest shown
 * lane at the same step, a hidden persona's emotion point to the first
 * persona shown, a hidden curve to the other one; the persona drawn and
 * the curve drawn are always shown ones. */
void           jm_selection_set_view        (JmSelection *self,
                                             const char  *view_id);
const char    *jm_selection_get_view        (JmSelection *self);
gboolean       jm_selection_shows_lane      (JmSelection *self,
                                             const char  *lane_id);
gboolean       jm_selection_shows_persona   (JmSelection *self,
                                             const char  *persona_id);
gboolean       jm_selection_shows_curve     (JmSelection *self,
                                             JmMapState   curve);

/* The emotion lane's id, or NULL if the map has none. */
const char    *jm_selection_get_emotion_lane (JmSelection *self);

G_END_DECLS
