/* jm-presentation.h — a map as a sequence of slides for presenting it to a
 * room: the whole map first, then each stage framed large enough to read,
 * and the view (scale and origin) that shows a slide on an output of a
 * given size. A stage too tall to read in one view is shown in parts, top
 * to bottom, split between lanes. */
#pragma once

#include <cairo.h>

#include "jm-layout.h"

G_BEGIN_DECLS

typedef enum {
  JM_SLIDE_OVERVIEW,
  JM_SLIDE_STAGE,
} JmSlideKind;

typedef struct {
  JmSlideKind kind;
  const char *stage_id;     /* borrowed from the document; NULL for the overview */
  guint       stage_index;
  guint       part;         /* which part of a tall stage, from 0 */
  guint       n_parts;
  JmRect      frame;        /* map units: what the slide shows in full */
  JmRect      focus;        /* the stage from its header to its last lane (the whole map for the overview) */
  double      scale;        /* output pixels per map unit: the same for every stage */
  /* Stage slides keep their context in view, like the canvas's frozen
   * panes: the stage and step header band (header_h map units high) above
   * the frame and the lane titles with the emotion axis (titles_w wide)
   * on its left, whichever part of the stage the frame shows. */
  double      header_h;
  double      titles_w;
  /* The emotion lane, pinned between the header band and a frame that
   * does not hold it: emotion_h map units high (0: none pinned). */
  double      emotion_y;
  double      emotion_h;
  gboolean    below_min;    /* cards' text is below the minimum asked for */
} JmSlide;

/* Output pixel = (map point − origin) × scale. */
typedef struct {
  double scale;
  double x;
  double y;
} JmView;

/* The size cards' text is laid out at, in map units. */
#define JM_PRESENTATION_TEXT_SIZE 14.0

/* The slides for an output of out_w × out_h pixels on which cards' text
 * must be at least min_text_px high. Returns a GArray of JmSlide. */
GArray *jm_presentation_slides    (JmLayout      *layout,
                                   double         out_w,
                                   double         out_h,
                                   double         min_text_px);
typedef enum {
  /* The parts of a tall stage each show the emotion lane pinned under the
   * header band (emotion_h) rather than in one part only: what the
   * presentation shows. Decks place lanes of their own and keep the lane
   * in its part. */
  JM_SLIDES_PIN_EMOTIONS = 1 << 0,
  /* One slide per stage, however small its text (marked below_min),
   * rather than readable parts. */
  JM_SLIDES_ONE_PER_STAGE = 1 << 1,
} JmSlidesFlags;

/* Chips, badges and footers of cards keep at least this share of the
 * minimum text height on slides. */
#define JM_PRESENTATION_LABEL_SHARE 0.7

/* Makes cards' chips, metric badges and footers (JmRenderOptions'
 * label_scale) large enough that on the slides planned for this output
 * (as jm_presentation_slides_pinned plans them, after the change) their
 * text is at least JM_PRESENTATION_LABEL_SHARE × min_text_px high, and
 * never smaller than in the editor. Cards grow with them, so slides
 * planned afterwards keep every card whole. Returns the label scale set. */
double  jm_presentation_fit_labels (JmLayout  *layout,
                                    double     out_w,
                                    double     out_h,
                                    double     min_text_px,
                                    guint      flags);

/* The same, as the flags ask. */
GArray *jm_presentation_slides_pinned (JmLayout  *layout,
                                       double     out_w,
                                       double     out_h,
                                       double     min_text_px,
                                       guint      flags);
/* The view that shows the slide's frame on the output, centred, at its scale. */
void    jm_presentation_view      (JmLayout      *layout,
                                   const JmSlide *slide,
                                   double         out_w,
                                   double         out_h,
                                   JmView        *view);
/* The view t of the way (0..1) from a to b on an output of out_w × out_h:
 * the centre moves and the scale changes evenly to the eye. */
void    jm_view_interpolate       (const JmView  *a,
                                   const JmView  *b,
                                   double         t,
                                   double         out_w,
                                   double         out_h,
                                   JmView        *out);
/* The slide's context on a cairo context already set to the view (map
 * units): the header band over the frame and the lane titles beside it,
 * each on an opaque ground, over whatever the map painted there, with the
 * legend of the emotion curves in the emotion lane's title cell. For the
 * overview, only that legend. */
void    jm_presentation_paint_context (JmLayout      *layout,
                                       const JmSlide *slide,
                                       cairo_t       *cr,
                                       double         scale);
/* Where the context puts the legend of the emotion curves on the slide
 * (map units of the slide's view): in the emotion lane's title cell, beside
 * the frame or pinned with the lane, never over a card. FALSE when the
 * slide does not show it (a part without the emotion lane, a map without
 * one). */
gboolean jm_presentation_get_legend_rect (JmLayout      *layout,
                                          const JmSlide *slide,
                                          JmRect        *rect);
/* Dims what the slide is not about, on a cairo context set to the view
 * (visible: the map units on the output): everything but the stage's own
 * columns and the cards that start in the stage or reach into it (whole,
 * though they span a stage boundary), and the lane titles. */
void    jm_presentation_paint_dim  (JmLayout      *layout,
                                    const JmSlide *slide,
                                    cairo_t       *cr,
                                    const JmRect  *visible,
                                    double         alpha);
/* The first slide of the stage with this index, or 0 (the overview). */
guint   jm_presentation_find_stage (GArray       *slides,
                                    guint         stage_index);

G_END_DECLS
