/* jm-image.h — embedded PNG and JPEG images (persona photos, the images
 * lane) decoded for drawing. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A cairo image surface of the image, or NULL when the data is broken, of
 * another type, or larger than 20000 pixels a side. JPEGs are scaled down
 * by a power of two while decoding so that neither side is needlessly
 * above max_px. */
cairo_surface_t *jm_image_decode (GBytes     *bytes,
                                  const char *type,
                                  int         max_px);

G_END_DECLS
