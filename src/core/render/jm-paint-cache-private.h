/* jm-paint-cache-private.h — what the painter asks of the cache. */
#pragma once

#include "jm-paint-cache.h"

G_BEGIN_DECLS

/* Starts a paint at scale device pixels per map unit. Images are made at
 * one scale only, and only once the same scale is painted twice in a row:
 * while the zoom moves every frame has a new scale, and making images no
 * frame will use again would cost more than drawing. Returns whether the
 * cache may be used for this paint. */
gboolean         jm_paint_cache_begin  (JmPaintCache    *cache,
                                        double           scale);
/* An image holds the card whose layout stamp is stamp, drawn with theme
 * and faded or not; its card's top-left corner is at pixel (x, y) of it. */
cairo_surface_t *jm_paint_cache_lookup (JmPaintCache    *cache,
                                        guint64          stamp,
                                        int              theme,
                                        gboolean         faded,
                                        int             *x,
                                        int             *y);
/* Whether another image may be made in this paint: a frame that brings
 * a whole screen of new cards into view makes a few of them and draws the
 * rest directly, so that no single frame pays for them all. */
gboolean         jm_paint_cache_may_make (JmPaintCache  *cache);
/* Whether an image of this many pixels is worth keeping. */
gboolean         jm_paint_cache_accepts (JmPaintCache   *cache,
                                         int             width,
                                         int             height);
/* Takes the surface. */
void             jm_paint_cache_insert (JmPaintCache    *cache,
                                        guint64          stamp,
                                        int              theme,
                                        gboolean         faded,
                                        cairo_surface_t *surface,
                                        int              x,
                                        int              y);
void             jm_paint_cache_count_direct (JmPaintCache *cache);

G_END_DECLS
