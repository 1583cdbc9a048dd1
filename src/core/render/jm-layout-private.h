/* jm-layout-private.h — the geometry the painter reads. Only render/ uses it. */
#pragma once

#include <pango/pangocairo.h>

#include "jm-layout.h"

G_BEGIN_DECLS

/* Map units. */
#define JM_MARGIN        JM_LAYOUT_MARGIN
#define JM_LANE_TITLE_W  200.0
#define JM_COLUMN_MIN_W  230.0
#define JM_COLUMN_MAX_W  400.0
#define JM_CELL_PAD      10.0
#define JM_CARD_GAP      8.0
#define JM_CARD_PAD      10.0
#define JM_STAGE_H       52.0
#define JM_STAGE_METRICS_H 30.0
#define JM_STEP_H        40.0
#define JM_EMOTION_H     230.0
/* Room above +2 and below −2 in the emotion band, for the faces. */
#define JM_EMOTION_INSET 28.0
#define JM_ROW_MIN_H     72.0
#define JM_CHIP_H        20.0
#define JM_BADGE_H       22.0
/* Text sizes of a card: its text, its chips (severity, priority, channel),
 * its metric badges and its footer (owner). Chips, badges and footer scale
 * with the options' label_scale. */
#define JM_CARD_TEXT_SIZE   14.0
#define JM_CHIP_TEXT_SIZE   11.0
#define JM_BADGE_TEXT_SIZE  11.5
#define JM_FOOTER_TEXT_SIZE 11.5
#define JM_CARD_FOOTER_H    20.0
/* A line of the emotion curves' legend. */
#define JM_LEGEND_LINE_H 19.0
#define JM_FOOTER_H      70.0
#define JM_PERSONA_W     330.0
#define JM_PERSONA_H     150.0
/* Needs, frustrations and interests, a line each, when the map shows them. */
#define JM_PERSONA_DETAILS_H 64.0
#define JM_HEADER_TEXT_MIN_W 380.0

typedef struct {
  JmCard      *card;       /* borrowed from the document */
  int          column;
  guint        span;        /* as last laid out: the card record may be gone */
  JmRect       rect;
  PangoLayout *text;        /* NULL when evicted: see jm_layout_get_card_text */
  GList       *lru_link;    /* in the layout's cache of text layouts */
  GQueue      *lru;
  double       text_height;
  double       chips_height;
  double       badges_height;
  double       footer_height;
  double       image_height;
  gboolean     measured;
  guint64      stamp;       /* new whenever the card may look different: see jm-paint-cache.h */
} JmCardBox;

typedef struct {
  JmLane    *lane;        /* borrowed */
  double     y;
  double     height;
  GPtrArray *boxes;       /* JmCardBox* in lane order */
  GPtrArray *cells;       /* per column: GPtrArray of JmCardBox* starting there */
  guint      max_span;
  PangoLayout *title;
} JmRow;

struct _JmLayout {
  GObject          parent_instance;

  JmDocument      *document;
  JmRenderOptions  options;
  char            *persona_id;
  char            *date;
  char            *language;      /* the options' copy */
  char            *view_id;
  gulong           changed_handler;

  PangoFontMap    *font_map;
  PangoContext    *context;
  struct _JmTextFit *text_fit;  /* NULL: every card's text laid out to measure it */

  GHashTable      *boxes;      /* card id -> JmCardBox* */
  GQueue           text_cache; /* JmCardBox* with a text layout, most recently used first */
  GHashTable      *label_cache; /* "size|bold|width|text" -> PangoLayout, for chips and badges */
  GPtrArray       *rows;       /* JmRow* */
  guint            n_columns;
  double          *column_x;   /* n_columns + 1 left edges; the last is the right edge */
  gboolean         has_stage_metrics;

  double           width;
  double           height;
  double           header_h;
  double           grid_x;     /* left edge of the first column */
  double           stages_y;
  double           steps_y;
  double           lanes_y;
  double           footer_y;
  double           label_scale;   /* of chips, badges and footers (options' label_scale, 1 if unset) */
  double           legend_reserve; /* units kept free at the emotion legend's foot */

  guint            persona_cols;   /* persona cards per row in the header */
  PangoLayout     *title;
  PangoLayout     *scenario;
  guint            n_measured;
  guint            n_fitted;    /* of those, told from their words' widths */
  guint            n_painted;   /* cards drawn by the last paint */
};

/* Column geometry: columns size to their content when the map is laid out. */
double       jm_layout_column_x     (JmLayout   *self,
                                     int         column);
double       jm_layout_column_width (JmLayout   *self,
                                     int         column);

/* A persona card's height in the header: taller when the map shows the
 * personas' details (jm_document_get_persona_details). */
double       jm_layout_persona_height (JmLayout *self);
PangoLayout *jm_layout_make_text (JmLayout   *self,
                                  const char *text,
                                  double      size,
                                  gboolean    bold,
                                  double      width);
JmRow       *jm_layout_find_row  (JmLayout   *self,
                                  const char *lane_id);
/* The card's text laid out, made again if it was evicted from the cache. */
PangoLayout *jm_layout_get_card_text (JmLayout  *self,
                                      JmCardBox *box);

/* As jm_layout_new(), but every card's text is laid out by Pango to be
 * measured, never told from its words' widths (jm-text-fit.h): the layout
 * the other must equal, for tests. */
JmLayout    *jm_layout_new_measuring_all (JmDocument            *document,
                                          const JmRenderOptions *options);

/* Text layouts kept at most: a 10,000-card map must not hold 10,000. */
#define JM_TEXT_CACHE_SIZE 1500

G_END_DECLS
