/* jm-export.c — PNG, PDF and SVG through the painter. Output goes to a
 * temporary file beside the target, is flushed to disk and renamed over
 * it, so a failed export leaves no half-written file. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jm-deck.h"
#include "jm-export.h"
#include "jm-painter.h"
#include "jm-poster.h"

/* Map units are pixels at 96 dpi; PDF works in points (72 per inch). */
#define PT_PER_UNIT   JM_POINTS_PER_UNIT
#define MM            JM_POINTS_PER_MM
#define PAGE_MARGIN   JM_POSTER_MARGIN
#define POSTER_OVERLAP JM_POSTER_OVERLAP
#define PDF_MAX_PAGE  14400.0
#define PNG_MAX_SIDE  32767.0

G_DEFINE_QUARK (jm-export-error-quark, jm_export_error)

static const char *page_names[JM_N_PAGE_OPTIONS] = {
  "fit", "a4", "a4-landscape", "a3", "a3-landscape", "letter", "letter-landscape", "poster-a4",
};

void
jm_export_options_init (JmExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->theme = JM_THEME_LIGHT;
  options->scale = 1.0;
  options->page = JM_PAGE_FIT;
  options->poster_overlap_mm = 10;
  options->paper = JM_PAGE_A4;
}

const char *
jm_page_option_to_string (JmPageOption page)
{
  g_return_val_if_fail (page < JM_N_PAGE_OPTIONS, NULL);
  return page_names[page];
}

gboolean
jm_page_option_from_string (const char   *str,
                            JmPageOption *out)
{
  for (guint i = 0; str != NULL && i < JM_N_PAGE_OPTIONS; i++)
    {
      if (strcmp (page_names[i], str) == 0)
        {
          *out = (JmPageOption) i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
paper_size (JmPageOption page,
            double      *width,
            double      *height)
{
  double w, h;

  switch (page)
    {
    case JM_PAGE_A3:
    case JM_PAGE_A3_LANDSCAPE:
      w = 297 * MM;
      h = 420 * MM;
      break;
    case JM_PAGE_LETTER:
    case JM_PAGE_LETTER_LANDSCAPE:
      w = 612;
      h = 792;
      break;
    case JM_PAGE_A4:
    case JM_PAGE_A4_LANDSCAPE:
    case JM_PAGE_POSTER_A4:
    case JM_PAGE_FIT:
    case JM_N_PAGE_OPTIONS:
    default:
      w = 210 * MM;
      h = 297 * MM;
    }

  if (page == JM_PAGE_A4_LANDSCAPE || page == JM_PAGE_A3_LANDSCAPE
      || page == JM_PAGE_LETTER_LANDSCAPE || page == JM_PAGE_POSTER_A4)
    {
      double t = w;
      w = h;
      h = t;
    }
  *width = w;
  *height = h;
}

/* ---- writing through a temporary file ---- */

typedef struct {
  FILE *file;
  int   error;   /* errno of the first failed write */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->error = errno ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
open_sink (const char  *path,
           Sink        *sink,
           char       **tmp_path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd;

  fd = g_mkstemp_full (template, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  sink->file = fdopen (fd, "wb");
  sink->error = 0;
  if (sink->file == NULL)
    {
      int saved = errno;

      close (fd);
      g_unlink (template);
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  *tmp_path = g_steal_pointer (&template);
  return TRUE;
}

/* Finishes the file: flush, fsync, rename over path; or removes it. */
static gboolean
close_sink (Sink            *sink,
            const char      *tmp_path,
            const char      *path,
            cairo_status_t   status,
            GError         **error)
{
  int err = sink->error;

  if (err == 0 && fflush (sink->file) != 0)
    err = errno;
  if (err == 0 && fsync (fileno (sink->file)) != 0)
    err = errno;
  if (fclose (sink->file) != 0 && err == 0)
    err = errno;

  if (err == 0 && status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (err == 0 && g_rename (tmp_path, path) != 0)
    err = errno;

  if (err != 0)
    {
      g_unlink (tmp_path);
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, g_strerror (err));
      return FALSE;
    }
  return TRUE;
}

/* ---- the formats ---- */

static JmLayout *
make_layout (JmDocument            *document,
             const JmExportOptions *options,
             gboolean               transparent)
{
  JmRenderOptions render;

  jm_render_options_init (&render);
  render.theme = options->theme;
  render.persona_id = options->persona_id;
  render.date = options->date;
  render.transparent = transparent;
  render.view_id = options->view_id;
  return jm_layout_new (document, &render);
}

static void
png_write_cb (png_structp png,
              png_bytep   data,
              png_size_t  length)
{
  Sink *sink = png_get_io_ptr (png);

  while (length > 0)
    {
      unsigned int chunk = (unsigned int) MIN (length, G_MAXUINT);

      if (sink_write (sink, data, chunk) != CAIRO_STATUS_SUCCESS)
        png_error (png, "write");
      data += chunk;
      length -= chunk;
    }
}

static void
png_flush_cb (png_structp png)
{
}

static void
png_error_cb (png_structp     png,
              png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp     png,
                png_const_charp message)
{
}

/* Writes the surface as a PNG: RGB when it is opaque (RGB24), RGBA
 * otherwise. The map's flat colours compress well with the "up" filter
 * alone at a low zlib level: libpng's default (every filter tried on
 * every row, level 6), which cairo uses, made the large map's file 15 %
 * smaller in four times the time. */
static cairo_status_t
write_png (cairo_surface_t *surface,
           Sink            *sink)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  const guchar *data;
  png_structp png;
  png_infop info;
  guchar *row;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, png_error_cb, png_warning_cb);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }
  row = g_malloc ((gsize) width * 4);
  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, sink, png_write_cb, png_flush_cb);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 3);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *pixel = (const guint32 *) (gconstpointer) (data + (gsize) y * (gsize) stride);
      guchar *out = row;

      for (int x = 0; x < width; x++)
        {
          guint32 p = pixel[x];
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          if (alpha)
            {
              guint a = p >> 24;

              /* cairo keeps colours premultiplied by alpha; PNG does not. */
              if (a == 0)
                r = g = b = 0;
              else if (a < 255)
                {
                  r = (r * 255 + a / 2) / a;
                  g = (g * 255 + a / 2) / a;
                  b = (b * 255 + a / 2) / a;
                }
              *out++ = (guchar) r;
              *out++ = (guchar) g;
              *out++ = (guchar) b;
              *out++ = (guchar) a;
            }
          else
            {
              *out++ = (guchar) r;
              *out++ = (guchar) g;
              *out++ = (guchar) b;
            }
        }
      png_write_row (png, row);
    }
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  g_free (row);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
export_png (JmDocument            *document,
            const char            *path,
            const JmExportOptions *options,
            GError               **error)
{
  g_autoptr(JmLayout) layout = make_layout (document, options, options->transparent);
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h, scale = options->scale > 0 ? options->scale : 1;
  Sink sink;

  jm_layout_get_size (layout, &w, &h);
  if (ceil (w * scale) > PNG_MAX_SIDE || ceil (h * scale) > PNG_MAX_SIDE)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                   _("Could not write “%s”: at scale %g the image would be %.0f × %.0f pixels, more "
                     "than the %.0f a PNG side can have here; choose a smaller scale or export a PDF"),
                   path, scale, ceil (w * scale), ceil (h * scale), PNG_MAX_SIDE);
      return FALSE;
    }

  /* An opaque map is written without an alpha channel: a quarter less to
   * compress, and what viewers expect of a picture with a background. */
  surface = cairo_image_surface_create (options->transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        (int) ceil (w * scale), (int) ceil (h * scale));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  if (!options->transparent)
    {
      /* The map's size is rarely a whole number of pixels: its background
       * fills the last row and column too, which have no alpha to fade. */
      JmColor background = jm_theme_get_colors (options->theme)->background;

      cairo_set_source_rgb (cr, background.r, background.g, background.b);
      cairo_paint (cr);
    }
  cairo_scale (cr, scale, scale);
  jm_painter_paint (layout, cr, NULL, scale);
  cairo_destroy (cr);

  if (!open_sink (path, &sink, &tmp, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = write_png (surface, &sink);
  cairo_surface_destroy (surface);
  return close_sink (&sink, tmp, path, status, error);
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  JmDocument      *document)
{
  const char *title = jm_document_get_title (document);

  if (title != NULL && *title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Journey Maps " PACKAGE_VERSION);
  if (jm_document_get_scenario (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, jm_document_get_scenario (document));
}

/* The poster's grid for the options: by sheets across (and at most some
 * rows down), or the A4 poster at the PDF's own scale. */
static gboolean
poster_grid (const JmExportOptions *options,
             double                 w,
             double                 h,
             JmPosterGrid          *grid)
{
  double pw, ph, overlap;

  if (options->poster_columns == 0)
    {
      paper_size (JM_PAGE_POSTER_A4, &pw, &ph);
      return jm_poster_grid_init (grid, w, h, pw, ph, PAGE_MARGIN, PT_PER_UNIT, POSTER_OVERLAP);
    }

  paper_size (options->paper == JM_PAGE_A3 || options->paper == JM_PAGE_LETTER ? options->paper : JM_PAGE_A4,
              &pw, &ph);
  overlap = CLAMP (options->poster_overlap_mm, 0, JM_POSTER_OVERLAP_MAX_MM) * MM;
  if (!jm_poster_grid_init_across (grid, w, h, pw, ph, PAGE_MARGIN, options->poster_columns, overlap))
    return FALSE;
  if (options->poster_rows > 0 && grid->rows > options->poster_rows)
    {
      /* Smaller, so that the map's height fits the rows asked for. */
      double ch = grid->sheet_height - 2 * PAGE_MARGIN;
      double scale = (options->poster_rows * (ch - overlap) + overlap) / h * (1 - 1e-9);

      return jm_poster_grid_init (grid, w, h, grid->sheet_width, grid->sheet_height, PAGE_MARGIN,
                                  MIN (scale, grid->scale), overlap);
    }
  return TRUE;
}

guint
jm_export_count_pages (JmDocument            *document,
                       const JmExportOptions *options)
{
  g_autoptr(JmLayout) layout = NULL;
  JmPosterGrid grid;
  double w, h;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), 0);

  if (options->page != JM_PAGE_POSTER_A4 && options->poster_columns == 0)
    return 1;

  layout = make_layout (document, options, FALSE);
  jm_layout_get_size (layout, &w, &h);
  if (!poster_grid (options, w, h, &grid))
    return 0;
  return jm_poster_grid_get_n_sheets (&grid);
}

static gboolean
export_pdf (JmDocument            *document,
            const char            *path,
            const JmExportOptions *options,
            GError               **error)
{
  g_autoptr(JmLayout) layout = make_layout (document, options, FALSE);
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h, pw, ph;
  Sink sink;

  jm_layout_get_size (layout, &w, &h);
  if (!open_sink (path, &sink, &tmp, error))
    return FALSE;

  if (options->page == JM_PAGE_FIT && options->poster_columns == 0)
    {
      /* One page the size of the map, shrunk only past PDF's largest page. */
      double s = MIN (1.0, MIN (PDF_MAX_PAGE / (w * PT_PER_UNIT), PDF_MAX_PAGE / (h * PT_PER_UNIT)));

      pw = w * PT_PER_UNIT * s;
      ph = h * PT_PER_UNIT * s;
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, pw, ph);
      set_pdf_metadata (surface, document);
      cr = cairo_create (surface);
      cairo_scale (cr, PT_PER_UNIT * s, PT_PER_UNIT * s);
      jm_painter_paint (layout, cr, NULL, 1.0);
      cairo_show_page (cr);
    }
  else if (options->page == JM_PAGE_POSTER_A4 || options->poster_columns > 0)
    {
      JmPosterGrid grid;
      gboolean ok = poster_grid (options, w, h, &grid);

      /* The sheets as the grid turned them. */
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, ok ? grid.sheet_width : 595,
                                                     ok ? grid.sheet_height : 842);
      set_pdf_metadata (surface, document);
      cr = cairo_create (surface);

      if (!ok)
        {
          cairo_destroy (cr);
          cairo_surface_finish (surface);
          cairo_surface_destroy (surface);
          close_sink (&sink, tmp, path, CAIRO_STATUS_WRITE_ERROR, NULL);
          g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                       _("Could not write “%s”: the poster would need more than %d pages"),
                       path, JM_POSTER_MAX_SHEETS);
          return FALSE;
        }
      for (guint i = 0; i < jm_poster_grid_get_n_sheets (&grid); i++)
        {
          jm_poster_draw_sheet (&grid, layout, cr, i, jm_document_get_title (document));
          cairo_show_page (cr);
        }
    }
  else
    {
      paper_size (options->page, &pw, &ph);
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, pw, ph);
      set_pdf_metadata (surface, document);
      cr = cairo_create (surface);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      jm_poster_draw_fitted (layout, cr, pw - 2 * PAGE_MARGIN, ph - 2 * PAGE_MARGIN);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return close_sink (&sink, tmp, path, status, error);
}

static gboolean
export_svg (JmDocument            *document,
            const char            *path,
            const JmExportOptions *options,
            GError               **error)
{
  g_autoptr(JmLayout) layout = make_layout (document, options, FALSE);
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;
  Sink sink;

  jm_layout_get_size (layout, &w, &h);
  if (!open_sink (path, &sink, &tmp, error))
    return FALSE;

  surface = cairo_svg_surface_create_for_stream (sink_write, &sink, w, h);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  jm_painter_paint (layout, cr, NULL, 1.0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return close_sink (&sink, tmp, path, status, error);
}

gboolean
jm_export_to_path (JmDocument            *document,
                   const char            *path,
                   const JmExportOptions *options,
                   GError               **error)
{
  JmExportOptions defaults;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    {
      jm_export_options_init (&defaults);
      options = &defaults;
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    return export_png (document, path, options, error);
  if (g_str_has_suffix (lower, ".pdf"))
    return export_pdf (document, path, options, error);
  if (g_str_has_suffix (lower, ".svg"))
    return export_svg (document, path, options, error);
  if (g_str_has_suffix (lower, ".pptx"))
    return jm_deck_write (document, path, JM_DECK_PPTX, options, error);
  if (g_str_has_suffix (lower, ".odp"))
    return jm_deck_write (document, path, JM_DECK_ODP, options, error);

  g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FORMAT,
               _("Cannot tell the format of “%s”: name it .png, .pdf, .svg, .pptx or .odp"), path);
  return FALSE;
}

GBytes *
jm_export_png_bytes (JmDocument            *document,
                     const JmExportOptions *options,
                     double                 scale,
                     GError               **error)
{
  g_autoptr(JmLayout) layout = NULL;
  JmColor background;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guchar *data;
  long size;
  double w, h;
  Sink sink = { NULL, 0 };

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL && scale > 0, NULL);

  layout = make_layout (document, options, FALSE);
  jm_layout_get_size (layout, &w, &h);
  if (ceil (w * scale) > PNG_MAX_SIDE || ceil (h * scale) > PNG_MAX_SIDE)
    scale = MIN (PNG_MAX_SIDE / w, PNG_MAX_SIDE / h);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale), (int) ceil (h * scale));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE, "%s",
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  background = jm_theme_get_colors (options->theme)->background;
  cairo_set_source_rgb (cr, background.r, background.g, background.b);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  jm_painter_paint (layout, cr, NULL, scale);
  cairo_destroy (cr);

  /* The same PNG writer as the files, through an anonymous file. */
  sink.file = tmpfile ();
  if (sink.file == NULL)
    {
      int saved = errno;

      cairo_surface_destroy (surface);
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE, "%s", g_strerror (saved));
      return NULL;
    }
  status = write_png (surface, &sink);
  cairo_surface_destroy (surface);
  size = -1;
  if (status == CAIRO_STATUS_SUCCESS && sink.error == 0 && fflush (sink.file) == 0
      && fseek (sink.file, 0, SEEK_END) == 0)
    size = ftell (sink.file);
  data = size > 0 ? g_malloc ((gsize) size) : NULL;
  if (data == NULL || fseek (sink.file, 0, SEEK_SET) != 0 || fread (data, 1, (size_t) size, sink.file) != (size_t) size)
    {
      int saved = sink.error ? sink.error : errno ? errno : EIO;

      fclose (sink.file);
      g_free (data);
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE, "%s",
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved));
      return NULL;
    }
  fclose (sink.file);
  return g_bytes_new_take (data, (gsize) size);
}
