/* jm-paint-cache.h — cards kept as images for painting on screen.
 *
 * Drawing a card's text again on every frame is what a repaint costs the
 * most. The canvas and the presentation keep each visible card as an
 * image at the current zoom and, while nothing about the card changes,
 * paint that image instead: a blit aligned to device pixels. The images
 * are made by the one painter, so they show exactly what it draws.
 * Exports and printing pass no cache and stay vector. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _JmPaintCache JmPaintCache;

/* max_bytes bounds the images kept (least recently painted go first), at
 * a device scale of 1 (times its square at others); 0 chooses a default
 * that holds two or three screens of cards. */
JmPaintCache *jm_paint_cache_new              (gsize         max_bytes);
void          jm_paint_cache_free             (JmPaintCache *cache);
/* Forgets every image, as when the screen's colours change. */
void          jm_paint_cache_clear            (JmPaintCache *cache);
/* Device pixels per logical pixel of the surface painted on (the
 * window's scale factor), so images are made at the real resolution. */
void          jm_paint_cache_set_device_scale (JmPaintCache *cache,
                                               double        device_scale);
double        jm_paint_cache_get_device_scale (JmPaintCache *cache);

/* At most this many images are made in one paint (0: no limit); the
 * default is 16. */
void          jm_paint_cache_set_max_made     (JmPaintCache *cache,
                                               guint         max_made);

/* What the last paint did, for tests: cards painted from images, images
 * made, and cards drawn directly. */
void          jm_paint_cache_get_stats        (JmPaintCache *cache,
                                               guint        *hits,
                                               guint        *made,
                                               guint        *direct);
guint         jm_paint_cache_get_n_images     (JmPaintCache *cache);
gsize         jm_paint_cache_get_n_bytes      (JmPaintCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmPaintCache, jm_paint_cache_free)

G_END_DECLS
