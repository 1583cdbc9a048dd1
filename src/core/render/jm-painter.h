/* jm-painter.h — the one painter: draws a laid-out map on any cairo
 * context — the canvas, PNG, PDF and SVG exports, printing and the
 * presentation. */
#pragma once

#include <cairo.h>

#include "jm-layout.h"
#include "jm-paint-cache.h"

G_BEGIN_DECLS

/* Draws what intersects visible (map units; NULL: everything). scale is
 * how many device pixels one map unit becomes: below about 0.45 text too
 * small to read is drawn as shapes instead. The caller has already set up
 * the transformation from map units to the device. */
void jm_painter_paint (JmLayout     *layout,
                       cairo_t      *cr,
                       const JmRect *visible,
                       double        scale);

/* The same, for the screen: cards are painted from images kept in cache
 * (made by this painter at the context's scale) while they are unchanged.
 * The context's transformation must be a translation and a uniform scale
 * for the cache to be used. cache may be NULL. */
void jm_painter_paint_cached (JmLayout     *layout,
                              cairo_t      *cr,
                              const JmRect *visible,
                              double        scale,
                              JmPaintCache *cache);

/* The frozen panes of the screen (see jm_layout_get_frozen_panes): the
 * stage and step header rows for the columns in visible, and the lane
 * titles with the emotion axis for the rows in visible, each on an opaque
 * ground. The caller places them where the view pins them. */
void jm_painter_paint_column_headers (JmLayout     *layout,
                                      cairo_t      *cr,
                                      const JmRect *visible,
                                      double        scale);
void jm_painter_paint_row_headers    (JmLayout     *layout,
                                      cairo_t      *cr,
                                      const JmRect *visible,
                                      double        scale);

/* The legend of the emotion curves (jm_layout_get_emotion_legend_rect):
 * a swatch and a name per persona the view shows, and the as-is and
 * to-be strokes. The row headers above draw it too; the canvas draws it
 * where the titles are not pinned. */
void jm_painter_paint_emotion_legend (JmLayout     *layout,
                                      cairo_t      *cr,
                                      const JmRect *visible,
                                      double        scale);

/* The scale below which cards are drawn as shapes instead of text. */
#define JM_PAINTER_DETAIL_SCALE 0.45

G_END_DECLS
