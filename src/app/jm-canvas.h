/* jm-canvas.h — the map view: a viewport-sized widget that implements
 * GtkScrollable and paints only the visible part of the map through the
 * shared painter. */
#pragma once

#include <gtk/gtk.h>

#include "jm-document.h"
#include "jm-layout.h"
#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_CANVAS (jm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (JmCanvas, jm_canvas, JM, CANVAS, GtkWidget)

GtkWidget  *jm_canvas_new            (void);
void        jm_canvas_set_document   (JmCanvas   *self,
                                      JmDocument *document);
/* The same, with the document's layout already made (or NULL). */
void        jm_canvas_set_document_with_layout (JmCanvas   *self,
                                                JmDocument *document,
                                                JmLayout   *layout);
JmDocument *jm_canvas_get_document   (JmCanvas   *self);
/* The focus and selection model the canvas follows and drives. A canvas
 * makes its own; a window gives it the one its inspector follows too. */
JmSelection *jm_canvas_get_selection_model (JmCanvas    *self);
void        jm_canvas_set_selection_model  (JmCanvas    *self,
                                            JmSelection *selection);
JmLayout   *jm_canvas_get_layout     (JmCanvas   *self);

/* Shows the map as one persona lives it: other personas' cards fade and
 * their curves step back. NULL or "" shows everyone. */
void        jm_canvas_set_persona    (JmCanvas   *self,
                                      const char *persona_id);
const char *jm_canvas_get_persona    (JmCanvas   *self);
/* Shows the map through a named view of the document (jm-map-view.h):
 * its lanes, personas and curves. NULL or "" shows the whole map. */
void        jm_canvas_set_view       (JmCanvas   *self,
                                      const char *view_id);
const char *jm_canvas_get_view       (JmCanvas   *self);

double      jm_canvas_get_zoom       (JmCanvas   *self);
/* The desktop's text scaling, which the canvas applies on top of its zoom:
 * at 100 % card text is as large, relative to the desktop's, as anywhere. */
double      jm_canvas_get_text_scale (JmCanvas   *self);
/* Zooms keeping the centre of the view where it is. */
void        jm_canvas_set_zoom       (JmCanvas   *self,
                                      double      zoom);
void        jm_canvas_zoom_by        (JmCanvas   *self,
                                      double      factor);
/* Zooms keeping the map point under widget point (x, y) in place. */
void        jm_canvas_zoom_at        (JmCanvas   *self,
                                      double      zoom,
                                      double      x,
                                      double      y);
void        jm_canvas_zoom_to_fit    (JmCanvas   *self);
/* Scrolls the least needed to show rect (map units) beside the frozen
 * header panes. */
void        jm_canvas_scroll_to      (JmCanvas     *self,
                                      const JmRect *rect);
/* The whole width of the map in view (never above 100 %), at the top. */
void        jm_canvas_zoom_to_fit_width (JmCanvas *self);
/* How a map opens: fitted to the width where card text stays at least
 * 11 px, else 100 % at the top left. Never greeked. */
void        jm_canvas_zoom_readable  (JmCanvas   *self);

/* What is at widget point (x, y): the frozen header panes first, then the
 * map under them. */
gboolean    jm_canvas_hit_at         (JmCanvas   *self,
                                      double      x,
                                      double      y,
                                      JmHit      *hit);

/* Coordinate transforms between widget pixels and map units. */
void        jm_canvas_widget_to_map  (JmCanvas   *self,
                                      double      wx,
                                      double      wy,
                                      double     *mx,
                                      double     *my);
void        jm_canvas_map_to_widget  (JmCanvas   *self,
                                      double      mx,
                                      double      my,
                                      double     *wx,
                                      double     *wy);

/* ---- editing (jm-canvas-tools.c) ---- */

/* The selected card ids, in the order they were selected. */
GPtrArray  *jm_canvas_get_selection  (JmCanvas   *self);
/* Selects the card; with extend, adds it to (or removes it from) the selection. */
void        jm_canvas_select_card    (JmCanvas   *self,
                                      const char *card_id,
                                      gboolean    extend);
void        jm_canvas_clear_selection (JmCanvas  *self);
const char *jm_canvas_get_focus      (JmCanvas   *self);
/* The stage, step or lane header last clicked (JM_HIT_NONE when cards or
 * nothing are selected). */
JmHitKind   jm_canvas_get_header     (JmCanvas   *self,
                                      const char **id);
/* Adds a card of the lane's kind at the end of the cell and edits its text. */
char       *jm_canvas_add_card       (JmCanvas   *self,
                                      const char *lane_id,
                                      const char *step_id);
void        jm_canvas_edit_card      (JmCanvas   *self,
                                      const char *card_id);
/* Renames a stage, step or lane (JM_HIT_STAGE, _STEP, _LANE) in place. */
void        jm_canvas_edit_header    (JmCanvas   *self,
                                      JmHitKind   kind,
                                      const char *id);
/* The text editor while editing in place, or NULL. */
GtkWidget  *jm_canvas_get_editor     (JmCanvas   *self);
void        jm_canvas_commit_edit    (JmCanvas   *self);
void        jm_canvas_cancel_edit    (JmCanvas   *self);
void        jm_canvas_delete_selection    (JmCanvas *self);
void        jm_canvas_duplicate_selection (JmCanvas *self);
/* Moves the selected cards by whole steps (dx) and lanes (dy), as one step. */
void        jm_canvas_move_selection (JmCanvas   *self,
                                      int         dx,
                                      int         dy);
/* Moves the keyboard focus to the neighbouring object in a direction:
 * cells, cards and emotion points, up into step and stage headers and left
 * into lane titles. */
gboolean    jm_canvas_move_focus     (JmCanvas   *self,
                                      int         dx,
                                      int         dy);
/* Makes the selected cards (or the focused one) cover one step more
 * (delta 1) or one fewer (-1), as one step. */
void        jm_canvas_span_selection (JmCanvas   *self,
                                      int         delta);
/* Sets a persona's point on a curve at a step (score NAN clears it). */
void        jm_canvas_set_emotion    (JmCanvas   *self,
                                      const char *persona_id,
                                      const char *step_id,
                                      JmMapState  curve,
                                      double      score);
/* Deletes the current object: the selected cards, a stage, step or lane
 * (with a toast that offers Undo), or an emotion point. FALSE if there is
 * nothing it can delete. */
gboolean    jm_canvas_delete_focus   (JmCanvas   *self);
/* F2: renames the focused header or edits the focused card. */
gboolean    jm_canvas_edit_focus     (JmCanvas   *self);

/* ---- clipboard (jm-canvas-clipboard.c) ---- */

gboolean    jm_canvas_copy           (JmCanvas   *self);
void        jm_canvas_cut            (JmCanvas   *self);
/* Pastes into the focused cell, asynchronously. */
void        jm_canvas_paste          (JmCanvas   *self);
/* Adds copies of the cards (JmCard*) to the focused cell, as one step. */
void        jm_canvas_paste_cards    (JmCanvas   *self,
                                      GPtrArray  *cards);

/* ---- structure (jm-canvas-menu.c) ---- */

/* Shows the context menu for what is at widget point (x, y). */
gboolean    jm_canvas_popup_menu     (JmCanvas   *self,
                                      double      x,
                                      double      y);
void        jm_canvas_add_stage_after (JmCanvas  *self,
                                       const char *stage_id);

#define JM_CANVAS_MIN_ZOOM 0.05
#define JM_CANVAS_MAX_ZOOM 4.0

G_END_DECLS
