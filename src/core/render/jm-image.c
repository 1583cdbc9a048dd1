/* jm-image.c — see jm-image.h. */
#include "config.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

#include "jm-image.h"

#define MAX_SIDE 20000

typedef struct {
  const guchar *data;
  gsize         len;
  gsize         pos;
} ReadState;

static cairo_status_t
read_png_bytes (void          *closure,
                unsigned char *data,
                unsigned int   length)
{
  ReadState *state = closure;

  if (state->len - state->pos < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, state->data + state->pos, length);
  state->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (const guchar *data,
            gsize         len)
{
  ReadState state = { data, len, 0 };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_png_bytes, &state);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) > MAX_SIDE
      || cairo_image_surface_get_height (surface) > MAX_SIDE)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

typedef struct {
  struct jpeg_error_mgr base;
  jmp_buf               escape;
} JpegError;

static void
on_jpeg_error (j_common_ptr info)
{
  longjmp (((JpegError *) info->err)->escape, 1);
}

static void
on_jpeg_message (j_common_ptr info)
{
  /* Warnings about slightly damaged data are not worth a word on stderr. */
}

static cairo_surface_t *
decode_jpeg (const guchar *data,
             gsize         len,
             int           max_px)
{
  struct jpeg_decompress_struct info;
  JpegError error;
  cairo_surface_t *volatile surface = NULL;
  unsigned char *pixels;
  int stride;

  if (len == 0 || len > G_MAXULONG)
    return NULL;

  info.err = jpeg_std_error (&error.base);
  error.base.error_exit = on_jpeg_error;
  error.base.output_message = on_jpeg_message;
  if (setjmp (error.escape))
    {
      jpeg_destroy_decompress (&info);
      if (surface != NULL)
        cairo_surface_destroy (surface);
      return NULL;
    }

  jpeg_create_decompress (&info);
  jpeg_mem_src (&info, data, (unsigned long) len);
  jpeg_read_header (&info, TRUE);
  if (info.image_width == 0 || info.image_height == 0
      || info.image_width > MAX_SIDE || info.image_height > MAX_SIDE)
    {
      jpeg_destroy_decompress (&info);
      return NULL;
    }

  /* Cairo's RGB24 is B, G, R, X in memory on little-endian machines. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  info.out_color_space = JCS_EXT_BGRX;
#else
  info.out_color_space = JCS_EXT_XRGB;
#endif
  info.scale_num = 1;
  info.scale_denom = 1;
  while (info.scale_denom < 8 && MAX (info.image_width, info.image_height) / (info.scale_denom * 2) >= (unsigned) max_px)
    info.scale_denom *= 2;

  jpeg_start_decompress (&info);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) info.output_width, (int) info.output_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    longjmp (error.escape, 1);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  while (info.output_scanline < info.output_height)
    {
      JSAMPROW row = pixels + (gsize) info.output_scanline * stride;

      jpeg_read_scanlines (&info, &row, 1);
    }
  jpeg_finish_decompress (&info);
  jpeg_destroy_decompress (&info);
  cairo_surface_mark_dirty (surface);
  return surface;
}

cairo_surface_t *
jm_image_decode (GBytes     *bytes,
                 const char *type,
                 int         max_px)
{
  gsize len;
  const guchar *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (g_strcmp0 (type, "image/png") == 0)
    return decode_png (data, len);
  if (g_strcmp0 (type, "image/jpeg") == 0)
    return decode_jpeg (data, len, MAX (max_px, 1));
  return NULL;
}
