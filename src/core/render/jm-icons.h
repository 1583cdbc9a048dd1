/* jm-icons.h — the map's icons as vector paths: a channel's or a lane
 * kind's icon, drawn by the painter with the current source colour. No
 * emoji font and no bitmap: the same shapes on screen, in PNG, PDF, SVG
 * and print, at any zoom. Each is a shape first (a globe, an envelope, a
 * truck…), readable at 12 px and without its colour. */
#pragma once

#include <cairo.h>

#include "jm-enums.h"

G_BEGIN_DECLS

/* Strokes and fills the icon in the square (x, y, size × size). */
void jm_icon_draw_channel   (cairo_t    *cr,
                             JmChannel   channel,
                             double      x,
                             double      y,
                             double      size);
void jm_icon_draw_lane_kind (cairo_t    *cr,
                             JmLaneKind  kind,
                             double      x,
                             double      y,
                             double      size);

G_END_DECLS
