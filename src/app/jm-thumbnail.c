/* jm-thumbnail.c — previews through the one painter. */
#include "config.h"

#include "jm-painter.h"
#include "jm-thumbnail.h"

GdkTexture *
jm_thumbnail_new (JmDocument            *document,
                  const JmRenderOptions *options,
                  int                    max_size)
{
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  GdkTexture *texture;
  cairo_t *cr;
  double width, height, scale;
  int w, h;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  layout = jm_layout_new (document, options);
  jm_layout_get_size (layout, &width, &height);
  if (width <= 0 || height <= 0)
    return NULL;

  scale = MIN (1.0, MIN (max_size / width, max_size / height));
  w = MAX (1, (int) (width * scale));
  h = MAX (1, (int) (height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  jm_painter_paint (layout, cr, NULL, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is premultiplied, native-endian: GDK's default format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}
