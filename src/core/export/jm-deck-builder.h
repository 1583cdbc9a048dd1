/* jm-deck-builder.h — what the files that make a deck's slides share:
 * the builder, the shapes' constructors and the map's colours. Private
 * to src/core/export. */
#pragma once

#include <pango/pangocairo.h>

#include "jm-deck.h"
#include "jm-i18n.h"

G_BEGIN_DECLS

/* Office suites set text a little wider than pango does: sizes chosen by
 * measuring are taken down by this much, and heights measured up. */
#define FONT_FIT     0.94
#define HEIGHT_SLACK 1.08

/* Map units that the layout keeps to itself (jm-layout-private.h): the
 * stage header's height and the lane titles' column. */
#define MAP_MARGIN    40.0
#define MAP_TITLE_W   200.0
#define MAP_STAGE_H   52.0
#define MAP_CARD_PAD  10.0
#define MAP_CHIP_H    20.0
#define MAP_BADGE_H   22.0
#define MAP_CELL_PAD  10.0
#define MAP_ROW_MIN_H 72.0

#define FONT_FAMILY "Cantarell"

#define JM_DECK_WHITE ((JmColor) { 1, 1, 1, 1 })

typedef struct {
  JmDocument            *doc;
  const JmExportOptions *options;
  JmLayout              *layout;
  JmTheme                theme;
  const JmThemeColors   *colors;
  JmDeck                *deck;
  PangoFontMap          *font_map;
  PangoContext          *context;
  GHashTable            *names;     /* slide names taken */
  char                  *date;      /* YYYY-MM-DD */
  const char            *lang;      /* the map's language: every label the deck writes */
} JmDeckBuilder;

/* A label in the map's language (jm-i18n.h), whatever the desktop speaks:
 * TR (b, N_("…")) instead of _(). */
#define TR(b, msgid) jm_i18n_gettext ((b)->lang, msgid)

JmDeckSlide *jm_deck_slide_new     (JmDeckBuilder   *b,
                                    JmDeckSlideKind  kind,
                                    const char      *name);

/* Shapes, added to a slide's or a group's list. */
JmDeckShape *jm_deck_shape_add     (GPtrArray       *container,
                                    JmDeckShapeKind  kind,
                                    const char      *name,
                                    double           x,
                                    double           y,
                                    double           width,
                                    double           height);
void         jm_deck_shape_fill    (JmDeckShape     *shape,
                                    JmColor          color);
void         jm_deck_shape_stroke  (JmDeckShape     *shape,
                                    JmColor          color,
                                    double           width);
void         jm_deck_shape_insets  (JmDeckShape     *shape,
                                    double           left,
                                    double           top,
                                    double           right,
                                    double           bottom);
JmDeckPara  *jm_deck_shape_para    (JmDeckShape     *shape,
                                    JmDeckAlign      align);
/* Text in a paragraph; its newlines become line breaks. */
void         jm_deck_para_text     (JmDeckPara      *para,
                                    const char      *text,
                                    double           size,
                                    gboolean         bold,
                                    gboolean         italic,
                                    JmColor          color);
/* A text box with one paragraph. */
JmDeckShape *jm_deck_add_text      (GPtrArray       *container,
                                    const char      *name,
                                    double           x,
                                    double           y,
                                    double           width,
                                    double           height,
                                    const char      *text,
                                    double           size,
                                    gboolean         bold,
                                    JmColor          color,
                                    JmDeckAlign      align);
JmDeckShape *jm_deck_add_rect      (GPtrArray       *container,
                                    const char      *name,
                                    double           x,
                                    double           y,
                                    double           width,
                                    double           height,
                                    double           radius,
                                    JmColor          fill);
/* A rounded label: a chip on a card, a metric badge, a channel. */
JmDeckShape *jm_deck_add_pill      (JmDeckBuilder   *b,
                                    GPtrArray       *container,
                                    const char      *name,
                                    const char      *text,
                                    double           x,
                                    double           y,
                                    double           width,
                                    double           height,
                                    double           size,
                                    JmColor          tone,
                                    gboolean         solid);
/* Metric badges from (x, y), wrapping within width; the height used.
 * unit is points per map unit. */
double       jm_deck_add_badges    (JmDeckBuilder   *b,
                                    GPtrArray       *container,
                                    GPtrArray       *metrics,
                                    double           x,
                                    double           y,
                                    double           width,
                                    double           unit);
/* The width of text on one line in the map's font, with the office
 * suite's slack. */
double       jm_deck_text_width    (JmDeckBuilder   *b,
                                    const char      *text,
                                    double           size,
                                    gboolean         bold);
/* The height of text wrapped at width in the map's font, with slack. */
double       jm_deck_text_height   (JmDeckBuilder   *b,
                                    const char      *text,
                                    double           size,
                                    gboolean         bold,
                                    gboolean         italic,
                                    double           width);
/* The largest size from size down to min_size at which text fits the
 * box (to be taken down by FONT_FIT when set). */
double       jm_deck_fit_size      (JmDeckBuilder   *b,
                                    const char      *text,
                                    gboolean         bold,
                                    gboolean         italic,
                                    double           width,
                                    double           height,
                                    double           size,
                                    double           min_size);
/* "Checkout (2 of 3)", in the map's language. */
char        *jm_deck_part_name     (JmDeckBuilder   *b,
                                    const char      *name,
                                    guint            part,
                                    guint            n_parts);
/* "What: the start of its text", for the selection pane. */
char        *jm_deck_shape_name    (const char      *what,
                                    const char      *text);

JmColor      jm_deck_stage_color   (JmDeckBuilder   *b,
                                    JmStage         *stage,
                                    guint            index);
JmColor      jm_deck_persona_color (JmDeckBuilder   *b,
                                    JmPersona       *persona,
                                    guint            index);
/* Pain points take their severity's colour, other cards their lane's. */
JmColor      jm_deck_card_accent   (JmDeckBuilder   *b,
                                    JmLaneKind       kind,
                                    const JmCard    *card);

/* jm-deck-stage.c: the slides of every stage, part by part. */
void         jm_deck_build_stage_slides (JmDeckBuilder *b);

G_END_DECLS
