/* jm-deck.h — a map as a deck of slides whose every element is a native,
 * editable shape: the plan that the PowerPoint (jm-pptx.c) and
 * OpenDocument (jm-odp.c) writers both serialise, so the two decks show
 * the same thing. The plan is made once from the document, its layout and
 * the presentation mode's slide planner; coordinates are points from the
 * slide's top left corner. */
#pragma once

#include "jm-export.h"

G_BEGIN_DECLS

typedef enum {
  JM_DECK_PPTX,
  JM_DECK_ODP,
} JmDeckFormat;

typedef enum {
  JM_DECK_SHAPE_RECT,     /* a rectangle, rounded by radius; may hold text */
  JM_DECK_SHAPE_TEXT,     /* a text box: no fill, no line */
  JM_DECK_SHAPE_ELLIPSE,
  JM_DECK_SHAPE_STAR,
  JM_DECK_SHAPE_PATH,     /* an open line: a start point, then cubic Bézier pieces */
  JM_DECK_SHAPE_PICTURE,
  JM_DECK_SHAPE_TABLE,    /* children are its cells, row by row */
  JM_DECK_SHAPE_GROUP,    /* children move together */
} JmDeckShapeKind;

/* What the office suite should take the shape for: a slide's title is
 * its name in the outline and to screen readers. */
typedef enum {
  JM_DECK_ROLE_NONE,
  JM_DECK_ROLE_TITLE,
  JM_DECK_ROLE_SUBTITLE,
} JmDeckRole;

typedef enum {
  JM_DECK_ALIGN_START,
  JM_DECK_ALIGN_CENTER,
  JM_DECK_ALIGN_END,
} JmDeckAlign;

typedef enum {
  JM_DECK_ANCHOR_TOP,
  JM_DECK_ANCHOR_MIDDLE,
  JM_DECK_ANCHOR_BOTTOM,
} JmDeckAnchor;

typedef struct {
  char    *text;          /* no newlines: see line_break */
  double   size;          /* points */
  gboolean bold;
  gboolean italic;
  JmColor  color;
  gboolean line_break;    /* a line break comes before this run */
} JmDeckRun;

typedef struct {
  GPtrArray  *runs;       /* JmDeckRun* */
  JmDeckAlign align;
  double      space_before;  /* points */
} JmDeckPara;

typedef struct {
  double x;
  double y;
} JmDeckPoint;

typedef struct _JmDeckShape JmDeckShape;

struct _JmDeckShape {
  JmDeckShapeKind kind;
  JmDeckRole      role;
  char           *name;         /* shown in the office suite's selection pane */
  char           *description;  /* alternative text */
  double          x, y, width, height;
  double          radius;       /* rounded corners, points */
  gboolean        filled;
  JmColor         fill;
  gboolean        stroked;
  JmColor         stroke;
  double          stroke_width; /* points */
  gboolean        dashed;
  GPtrArray      *paragraphs;   /* JmDeckPara*, may be empty */
  double          inset[4];     /* text: left, top, right, bottom, points */
  JmDeckAnchor    anchor;
  gboolean        no_wrap;      /* one line, however long: labels */
  GArray         *path;         /* JmDeckPoint, slide coordinates: 1 + 3 n points */
  GBytes         *image;        /* PNG or JPEG */
  char           *image_type;   /* "image/png" or "image/jpeg" */
  guint           n_rows;       /* tables */
  guint           n_columns;
  GArray         *column_widths;  /* double, points */
  GArray         *row_heights;    /* double, points */
  GPtrArray      *children;     /* JmDeckShape*: a group's shapes, a table's cells */
};

typedef enum {
  JM_DECK_SLIDE_TITLE,
  JM_DECK_SLIDE_PERSONA,
  JM_DECK_SLIDE_OVERVIEW,
  JM_DECK_SLIDE_STAGE,
  JM_DECK_SLIDE_METRICS,
} JmDeckSlideKind;

typedef struct {
  JmDeckSlideKind kind;
  char           *name;       /* unique in the deck: "Checkout (2/3)" */
  guint           index;      /* the persona's or stage's index in the document */
  guint           part;       /* which part of a stage, from 0 */
  guint           n_parts;
  GPtrArray      *shapes;     /* JmDeckShape*, back to front */
  char           *notes;      /* the speaker's notes, may be NULL */
} JmDeckSlide;

typedef struct {
  double     width;           /* points */
  double     height;
  JmColor    background;
  JmColor    text;
  char      *font;            /* the map's font family */
  char      *language;        /* the map's language tag ("it", "en-GB"), NULL: unknown */
  char      *title;
  char      *subject;
  GPtrArray *slides;          /* JmDeckSlide* */
} JmDeck;

/* The deck of the map as the options show it (theme, persona, 4:3). */
JmDeck  *jm_deck_new         (JmDocument            *document,
                              const JmExportOptions *options,
                              GError               **error);
void     jm_deck_free        (JmDeck                *deck);

/* Writes the deck as a .pptx or .odp package, atomically: on failure
 * nothing is left at path (an older file there stays). */
gboolean jm_deck_write       (JmDocument            *document,
                              const char            *path,
                              JmDeckFormat           format,
                              const JmExportOptions *options,
                              GError               **error);

/* jm-pptx.c and jm-odp.c: the package's bytes. The same deck gives the
 * same bytes. */
GBytes  *jm_pptx_build       (const JmDeck          *deck,
                              GError               **error);
GBytes  *jm_odp_build        (const JmDeck          *deck,
                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmDeck, jm_deck_free)

G_END_DECLS
