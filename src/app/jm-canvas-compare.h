/* jm-canvas-compare.h — the canvas showing a comparison: the compare
 * painter's marks over the map (jm-compare.h), with the old → new badge of
 * the card under the pointer, the current card, or the change chosen in
 * the compare panel. */
#pragma once

#include "jm-canvas.h"
#include "jm-compare.h"

G_BEGIN_DECLS

/* compare's new map must be the canvas's document; NULL: no comparison. */
void        jm_canvas_set_compare        (JmCanvas  *self,
                                          JmCompare *compare);
JmCompare  *jm_canvas_get_compare        (JmCanvas  *self);
/* The change whose badge is open (-1: the current or hovered card's). */
void        jm_canvas_set_compare_item   (JmCanvas  *self,
                                          int        index);
/* The change whose badge is open now, or -1. */
int         jm_canvas_get_open_compare_item (JmCanvas *self);

G_END_DECLS
