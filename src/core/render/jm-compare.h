/* jm-compare.h — two versions of a map side by side on one picture: the
 * changes (from jm-diff) grouped by object, where each is drawn on the new
 * map's layout, and an overlay painted on top of the one painter's output:
 * added cards outlined, removed ones as ghosts in their old cell, changed
 * ones with a badge (old → new, metrics too), the old emotion curves
 * dashed over the new ones. The canvas and the exports draw the same. */
#pragma once

#include <cairo.h>

#include "jm-diff.h"
#include "jm-layout.h"

G_BEGIN_DECLS

typedef enum {
  JM_COMPARE_ADDED,
  JM_COMPARE_REMOVED,
  JM_COMPARE_CHANGED,
} JmCompareMark;

/* One changed object. */
typedef struct {
  JmCompareMark  mark;
  JmKind         kind;
  char          *id;        /* the object's; an emotion's persona; NULL for the map */
  char          *step;      /* emotions */
  JmMapState     curve;     /* emotions */
  char          *card_id;   /* the card it is drawn on (the card, or a metric's card), or NULL */
  char          *stage_id;  /* a stage's metric: drawn on the stage's header */
  char          *lane_id;   /* a removed card: its old lane and step, where its ghost goes */
  char          *step_id;
  char          *title;     /* for people: "+ Card “Pays”", "~ Metric CSAT of …" */
  char          *details;   /* its changes, one a line ("Text: “A” → “B”"), or "" */
  char          *old_text;  /* a removed card's text, for its ghost */
} JmCompareItem;

typedef struct _JmCompare JmCompare;

/* The changes from old_doc to new_doc (both kept referenced). */
JmCompare  *jm_compare_new        (JmDocument   *old_doc,
                                   JmDocument   *new_doc);
JmCompare  *jm_compare_ref        (JmCompare    *self);
void        jm_compare_unref      (JmCompare    *self);
JmDocument *jm_compare_get_old    (JmCompare    *self);
JmDocument *jm_compare_get_new    (JmCompare    *self);
/* JmCompareItem*, in the map's order. */
GPtrArray  *jm_compare_get_items  (JmCompare    *self);
/* Where an item is drawn on layout (the new map's); FALSE when it has no
 * place on the map (a persona, the map's fields, a removed stage…). */
gboolean    jm_compare_get_item_rect (JmCompare *self,
                                      JmLayout  *layout,
                                      guint      index,
                                      JmRect    *rect);
/* The change list for people, as jm_diff_to_text writes it. */
char       *jm_compare_to_text    (JmCompare    *self);

/* Paints the overlay on top of jm_painter_paint's output with the same
 * transformation. expanded: the item whose badge shows its old → new
 * values (-1: none); with all_details every badge shows them (a page has
 * no pointer to hover with). */
void        jm_compare_paint      (JmCompare    *self,
                                   JmLayout     *layout,
                                   cairo_t      *cr,
                                   const JmRect *visible,
                                   double        scale,
                                   int           expanded,
                                   gboolean      all_details);

/* The colours of the marks in a theme (added, removed, changed). */
JmColor     jm_compare_mark_color (JmCompareMark mark,
                                   JmTheme       theme);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmCompare, jm_compare_unref)

G_END_DECLS
