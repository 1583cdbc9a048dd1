/* jm-layout.h — a document turned into geometry: where the header, the
 * stages, steps, lanes, cards and emotion points of a map go, in map units
 * (1 unit = 1 pixel at 100 %). It follows the document's changes and
 * re-measures only what a change moves. */
#pragma once

#include <glib-object.h>

#include "jm-document.h"
#include "jm-theme.h"

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
  double width;
  double height;
} JmRect;

typedef struct {
  JmTheme     theme;
  const char *persona_id;   /* NULL: all personas */
  gboolean    show_future;  /* draw the "to be" curves beside the "as is" ones */
  const char *date;         /* shown in the footer; NULL: today */
  gboolean    transparent;  /* no page background (PNG exports) */
  const char *language;     /* what the map's labels are written in; NULL: the map's own (--lang) */
  const char *view_id;      /* a named view of the document (jm-map-view.h); NULL: everything */
  gboolean    emotion_values; /* write each emotion point's score beside its face */
  /* The size of cards' chips, badges and footers against the editor's:
   * slides make them larger (jm_presentation_fit_labels). 0 is 1. */
  double      label_scale;
} JmRenderOptions;

typedef enum {
  JM_HIT_NONE,
  JM_HIT_HEADER,
  JM_HIT_STAGE,
  JM_HIT_STEP,
  JM_HIT_LANE,
  JM_HIT_CELL,
  JM_HIT_CARD,
  JM_HIT_EMOTION,       /* a persona's point on one curve */
  JM_HIT_EMOTION_BAND,  /* the emotion lane's curve band at a step, away from any point */
  JM_HIT_PERSONA,
} JmHitKind;

/* The map's margin (map units): the lane titles start there. */
#define JM_LAYOUT_MARGIN 40.0

/* How near (map units) a point must be to be hit. */
#define JM_EMOTION_HIT_RADIUS 14.0

typedef struct {
  JmHitKind   kind;
  const char *id;        /* card, stage, step, lane or persona (emotion) id */
  const char *lane_id;   /* cells, cards, emotions */
  const char *step_id;   /* steps, cells, cards (first step), emotions */
  JmMapState  curve;     /* emotions */
  JmRect      rect;
} JmHit;

#define JM_TYPE_LAYOUT (jm_layout_get_type ())
G_DECLARE_FINAL_TYPE (JmLayout, jm_layout, JM, LAYOUT, GObject)

void        jm_render_options_init  (JmRenderOptions       *options);
/* The language the painter writes the map's labels in: the options' if
 * set, else the map's xml:lang, else NULL (the interface's). */
const char *jm_layout_get_language  (JmLayout              *self);

JmLayout   *jm_layout_new           (JmDocument            *document,
                                     const JmRenderOptions *options);
JmDocument *jm_layout_get_document  (JmLayout              *self);
const JmRenderOptions *
            jm_layout_get_options   (JmLayout              *self);
void        jm_layout_set_options   (JmLayout              *self,
                                     const JmRenderOptions *options);
void        jm_layout_get_size      (JmLayout              *self,
                                     double                *width,
                                     double                *height);
gboolean    jm_layout_hit_test      (JmLayout              *self,
                                     double                 x,
                                     double                 y,
                                     JmHit                 *hit);
gboolean    jm_layout_get_card_rect (JmLayout              *self,
                                     const char            *card_id,
                                     JmRect                *rect);
gboolean    jm_layout_get_cell_rect (JmLayout              *self,
                                     const char            *lane_id,
                                     const char            *step_id,
                                     JmRect                *rect);
/* The header of the stage and all its columns down to the last lane. */
gboolean    jm_layout_get_stage_rect (JmLayout             *self,
                                      const char           *stage_id,
                                      JmRect               *rect);
/* The header of a stage or step, or the title of a lane (JM_HIT_STAGE,
 * JM_HIT_STEP, JM_HIT_LANE). */
gboolean    jm_layout_get_header_rect (JmLayout            *self,
                                       JmHitKind            kind,
                                       const char          *id,
                                       JmRect              *rect);
/* The parts of the map a screen keeps in view while scrolling, like a
 * spreadsheet's frozen panes: the stage and step header rows across the
 * columns, and the column of lane titles (with the emotion axis) down the
 * lanes. FALSE for a map without steps. */
gboolean    jm_layout_get_frozen_panes (JmLayout           *self,
                                        JmRect             *column_headers,
                                        JmRect             *row_headers);
gboolean    jm_layout_get_lane_rect (JmLayout              *self,
                                     const char            *lane_id,
                                     JmRect                *rect);
/* The persona's card in the header. */
gboolean    jm_layout_get_persona_rect (JmLayout           *self,
                                        const char         *persona_id,
                                        JmRect             *rect);
/* The emotion lane's band for the curve: +2 at top, −2 at bottom. FALSE
 * when the map has no emotion lane. The one owner of this geometry: the
 * painter and the canvas's tools go through these. */
gboolean    jm_layout_get_emotion_band (JmLayout          *self,
                                        double            *top,
                                        double            *bottom);
/* Where the legend of the emotion curves goes (whose curve is which, as
 * is and to be): in the emotion lane's title cell, under its title. FALSE
 * without an emotion lane or room for one line. */
gboolean    jm_layout_get_emotion_legend_rect (JmLayout    *self,
                                               JmRect      *rect);
/* Map units kept free at the foot of the legend's room for what the window
 * puts there (the editor's whose-curve chip): the legend's lines stay
 * above them. 0 by default; no relayout. */
void        jm_layout_set_emotion_legend_reserve (JmLayout *self,
                                                  double    units);
double      jm_layout_emotion_y     (JmLayout              *self,
                                     double                 score);
/* The score at map y, snapped to half points and clamped to −2…+2. */
double      jm_layout_emotion_score_at (JmLayout           *self,
                                        double              y);
/* The x of a step's middle, where its emotion points sit. */
double      jm_layout_get_step_center (JmLayout            *self,
                                       const char          *step_id);
/* Where a persona's emotion score for a step is drawn. */
gboolean    jm_layout_get_emotion_point (JmLayout          *self,
                                         const char        *persona_id,
                                         const char        *step_id,
                                         JmMapState         curve,
                                         double            *x,
                                         double            *y);
/* The step column at map x, or -1 left of the first; the number of steps
 * past the last. */
int         jm_layout_column_at     (JmLayout              *self,
                                     double                 x);
/* Where the parts of a card go inside its rectangle, as the painter draws
 * them: the chips row, the image, the text, the metric badges and the
 * footer (evidence, owner). A part the card lacks has no height. */
typedef struct {
  JmRect chips;
  JmRect image;
  JmRect text;
  JmRect badges;
  JmRect footer;
  /* The height of the text (map units) in the chips, in the metric
   * badges and in the footer, and of the card's own text. */
  double chip_text_size;
  double badge_text_size;
  double footer_text_size;
  double text_size;
} JmCardParts;

gboolean    jm_layout_get_card_parts (JmLayout             *self,
                                      const char           *card_id,
                                      JmCardParts          *parts);
/* The y of an emotion score on the emotion lane; FALSE without one. */
gboolean    jm_layout_get_emotion_y (JmLayout              *self,
                                     double                 score,
                                     double                *y);
/* How many cards were measured (text laid out) since the layout was made:
 * lets tests see that an edit re-measures one card, not all. */
guint       jm_layout_get_n_measured (JmLayout             *self);

/* What the layout's view (JmRenderOptions.view_id) shows; everything
 * without one. Lanes left out get no row; personas left out no card in
 * the header, no curve and no entry in the legend. */
gboolean    jm_layout_shows_lane    (JmLayout              *self,
                                     const char            *lane_id);
gboolean    jm_layout_shows_persona (JmLayout              *self,
                                     const char            *persona_id);
gboolean    jm_layout_shows_curve   (JmLayout              *self,
                                     JmMapState             curve);

gboolean    jm_rect_intersects      (const JmRect          *a,
                                     const JmRect          *b);
gboolean    jm_rect_contains        (const JmRect          *rect,
                                     double                 x,
                                     double                 y);

/* The y at x of the monotone cubic through n points with increasing xs:
 * it never overshoots the data. */
double      jm_monotone_curve_eval  (const double          *xs,
                                     const double          *ys,
                                     guint                  n,
                                     double                 x);

G_END_DECLS
