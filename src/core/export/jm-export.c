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
#include "jm-html.h"
#include "jm-map-pages.h"
#include "jm-export-private.h"
#include "jm-painter.h"
#include "jm-pdf-text.h"
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
  options->poster_page_map = TRUE;
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

typedef JmExportSink Sink;

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
  render.language = options->language;
  render.date = options->date;
  render.transparent = transparent;
  render.view_id = options->view_id;
  render.emotion_values = options->emotion_values;
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
/* What a PNG file says of itself: pHYs and text chunks. */
typedef struct {
  double      scale;        /* pixels per map unit: 96 dpi at 1 */
  const char *title;
  const char *description;  /* may be NULL */
  const char *language;     /* of title and description, may be NULL */
} PngMeta;

/* RFC 1123, as the PNG specification asks of "Creation Time". */
static char *
png_creation_time (void)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d GMT", days[g_date_time_get_day_of_week (now) - 1],
                          g_date_time_get_day_of_month (now), months[g_date_time_get_month (now) - 1],
                          g_date_time_get_year (now), g_date_time_get_hour (now), g_date_time_get_minute (now),
                          g_date_time_get_second (now));
}

static gboolean
is_ascii (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

/* Text chunks: tEXt for ASCII values, iTXt (UTF-8, with the map's
 * language) for any other, since tEXt is Latin-1 only. */
static void
set_png_meta (png_structp    png,
              png_infop      info,
              const PngMeta *meta)
{
  g_autofree char *software = g_strdup ("Journey Maps " PACKAGE_VERSION);
  g_autofree char *created = png_creation_time ();
  const char *keys[] = { "Title", "Description", "Software", "Creation Time" };
  const char *values[] = { meta->title, meta->description, software, created };
  png_text text[G_N_ELEMENTS (keys)];
  int n = 0;
  /* 96 dpi × scale, in pixels per metre. */
  png_uint_32 ppm = (png_uint_32) lround (96.0 * meta->scale / 0.0254);

  png_set_pHYs (png, info, ppm, ppm, PNG_RESOLUTION_METER);
  memset (text, 0, sizeof text);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (values[i] == NULL || *values[i] == '\0')
        continue;
      text[n].key = (png_charp) keys[i];
      text[n].text = (png_charp) values[i];
      text[n].text_length = strlen (values[i]);
      if (is_ascii (values[i]))
        text[n].compression = PNG_TEXT_COMPRESSION_NONE;
      else
        {
          text[n].compression = PNG_ITXT_COMPRESSION_NONE;
          text[n].itxt_length = text[n].text_length;
          text[n].text_length = 0;
          text[n].lang = (png_charp) (meta->language != NULL ? meta->language : "");
          text[n].lang_key = (png_charp) keys[i];
        }
      n++;
    }
  png_set_text (png, info, text, n);
}

/* Paints rows y0 … y0 + the band's height of the picture into cr, a
 * band-sized image whose origin is the picture's (0, y0). */
typedef void (*PaintBand) (cairo_t  *cr,
                           int       y0,
                           int       rows,
                           gpointer  data);

/* Writes a width × height PNG painted band by band, each band's rows
 * written as soon as they are made: memory is one band, whatever the
 * picture's size. */
static cairo_status_t
write_png_bands (Sink          *sink,
                 const PngMeta *meta,
                 int            width,
                 int            height,
                 gboolean       alpha,
                 int            band_rows,
                 PaintBand      paint,
                 gpointer       data)
{
  cairo_surface_t *band = NULL;
  png_structp png;
  png_infop info;
  guchar *row;

  band_rows = CLAMP (band_rows, 1, MAX (height, 1));
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, png_error_cb, png_warning_cb);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }
  band = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, band_rows);
  if (cairo_surface_status (band) != CAIRO_STATUS_SUCCESS)
    {
      cairo_status_t status = cairo_surface_status (band);

      cairo_surface_destroy (band);
      png_destroy_write_struct (&png, &info);
      return status;
    }
  row = g_malloc ((gsize) width * 4);
  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      cairo_surface_destroy (band);
      g_free (row);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, sink, png_write_cb, png_flush_cb);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 3);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  if (meta != NULL)
    set_png_meta (png, info, meta);
  png_write_info (png, info);

  for (int y0 = 0; y0 < height; y0 += band_rows)
    {
      int rows = MIN (band_rows, height - y0);
      int stride = cairo_image_surface_get_stride (band);
      const guchar *pixels;
      cairo_t *cr;

      /* A clean band: transparent (or black, for RGB24, under the background). */
      cr = cairo_create (band);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      paint (cr, y0, rows, data);
      cairo_destroy (cr);
      cairo_surface_flush (band);
      pixels = cairo_image_surface_get_data (band);

      for (int y = 0; y < rows; y++)
        {
          const guint32 *pixel = (const guint32 *) (gconstpointer) (pixels + (gsize) y * (gsize) stride);
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
    }
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  cairo_surface_destroy (band);
  g_free (row);
  return CAIRO_STATUS_SUCCESS;
}

static void
paint_from_surface (cairo_t  *cr,
                    int       y0,
                    int       rows,
                    gpointer  data)
{
  cairo_set_source_surface (cr, data, 0, -y0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
}

/* A picture already made, written as it is (in one band). */
static cairo_status_t
write_png (cairo_surface_t *surface,
           Sink            *sink,
           const PngMeta   *meta)
{
  int height = cairo_image_surface_get_height (surface);

  return write_png_bands (sink, meta, cairo_image_surface_get_width (surface), height,
                          cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, height,
                          paint_from_surface, surface);
}

/* The map's PNG, band by band. */
typedef struct {
  JmLayout              *layout;
  const JmExportOptions *options;
  double                 scale;
} MapBands;

static void
paint_map_band (cairo_t  *cr,
                int       y0,
                int       rows,
                gpointer  data)
{
  MapBands *m = data;
  JmRect visible;
  double w, h;

  jm_layout_get_size (m->layout, &w, &h);
  if (!m->options->transparent)
    {
      /* The map's size is rarely a whole number of pixels: its background
       * fills the last row and column too, which have no alpha to fade. */
      JmColor background = jm_theme_get_colors (m->options->theme)->background;

      cairo_set_source_rgb (cr, background.r, background.g, background.b);
      cairo_paint (cr);
    }
  cairo_translate (cr, 0, -y0);
  cairo_scale (cr, m->scale, m->scale);
  /* What meets the band, with room to spare for what draws a little
   * past its bounds (strokes, shadows, antialiased edges). */
  visible.x = 0;
  visible.width = w;
  visible.y = y0 / m->scale - 16;
  visible.height = rows / m->scale + 32;
  jm_painter_paint (m->layout, cr, &visible, m->scale);
}

static gboolean
export_png (JmDocument            *document,
            const char            *path,
            const JmExportOptions *options,
            GError               **error)
{
  g_autoptr(JmLayout) layout = make_layout (document, options, options->transparent);
  g_autofree char *tmp = NULL;
  cairo_status_t status;
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

  if (!open_sink (path, &sink, &tmp, error))
    return FALSE;
  {
    PngMeta meta = { scale, jm_document_get_title (document), jm_document_get_scenario (document),
                     jm_layout_get_language (layout) };
    MapBands bands = { layout, options, scale };
    int width = (int) ceil (w * scale);
    /* Bands of about 16 MB of pixels; options->png_band_rows for tests. */
    int rows = options->png_band_rows > 0 ? options->png_band_rows : MAX (1, (16 << 20) / (MAX (width, 1) * 4));

    /* An opaque map is written without an alpha channel: a quarter less to
     * compress, and what viewers expect of a picture with a background. */
    status = write_png_bands (&sink, &meta, width, (int) ceil (h * scale), options->transparent, rows,
                              paint_map_band, &bands);
  }
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

void
jm_export_get_png_size (JmDocument            *document,
                        const JmExportOptions *options,
                        int                   *width,
                        int                   *height)
{
  g_autoptr(JmLayout) layout = NULL;
  double w, h, scale;

  g_return_if_fail (JM_IS_DOCUMENT (document) && options != NULL);

  layout = make_layout (document, options, options->transparent);
  scale = options->scale > 0 ? options->scale : 1;
  jm_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (int) ceil (w * scale);
  if (height != NULL)
    *height = (int) ceil (h * scale);
}

/* The pages of the map in reading order that follow the map (A4). */
static guint
count_pdf_text_pages (JmLayout *layout)
{
  double pw, ph;

  paper_size (JM_PAGE_A4, &pw, &ph);
  return jm_pdf_text_count_pages (layout, pw, ph);
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

/* The map at its size on PDF pages: one, or pages of the largest size. */
static GArray *
plan_map_pages (JmLayout *layout)
{
  return jm_map_pages_plan (layout, PDF_MAX_PAGE / PT_PER_UNIT, PDF_MAX_PAGE / PT_PER_UNIT);
}

guint
jm_export_count_pages (JmDocument            *document,
                       const JmExportOptions *options)
{
  g_autoptr(JmLayout) layout = NULL;
  JmPosterGrid grid;
  double w, h;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), 0);

  layout = make_layout (document, options, FALSE);
  if (options->page == JM_PAGE_FIT && options->poster_columns == 0)
    {
      g_autoptr(GArray) pages = plan_map_pages (layout);

      return pages->len + count_pdf_text_pages (layout);
    }
  if (options->page != JM_PAGE_POSTER_A4 && options->poster_columns == 0)
    return 1 + count_pdf_text_pages (layout);

  jm_layout_get_size (layout, &w, &h);
  if (!poster_grid (options, w, h, &grid))
    return 0;
  return (options->poster_page_map ? 1 : 0) + jm_poster_grid_get_n_sheets (&grid) + count_pdf_text_pages (layout);
}

guint
jm_export_count_map_pages (JmDocument            *document,
                           const JmExportOptions *options,
                           guint                 *columns,
                           guint                 *rows)
{
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GArray) pages = NULL;
  const JmMapPage *last;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (options != NULL, 0);

  if (options->page != JM_PAGE_FIT || options->poster_columns > 0)
    return 0;
  layout = make_layout (document, options, FALSE);
  pages = plan_map_pages (layout);
  last = &g_array_index (pages, JmMapPage, pages->len - 1);
  if (columns)
    *columns = last->column + 1;
  if (rows)
    *rows = last->row + 1;
  return pages->len;
}

guint
jm_export_count_poster_sheets (JmDocument            *document,
                               const JmExportOptions *options,
                               guint                 *columns,
                               guint                 *rows)
{
  g_autoptr(JmLayout) layout = NULL;
  JmPosterGrid grid;
  double w, h;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (options != NULL, 0);

  if (columns != NULL)
    *columns = 0;
  if (rows != NULL)
    *rows = 0;
  if (options->page != JM_PAGE_POSTER_A4 && options->poster_columns == 0)
    return 0;
  layout = make_layout (document, options, FALSE);
  jm_layout_get_size (layout, &w, &h);
  if (!poster_grid (options, w, h, &grid))
    return 0;
  if (columns != NULL)
    *columns = grid.columns;
  if (rows != NULL)
    *rows = grid.rows;
  return jm_poster_grid_get_n_sheets (&grid);
}

/* The tagged text pages after the map (jm-pdf-text.h), on A4. */
static void
draw_pdf_text_pages (cairo_surface_t *surface,
                     cairo_t         *cr,
                     JmLayout        *layout)
{
  double pw, ph;

  paper_size (JM_PAGE_A4, &pw, &ph);
  cairo_pdf_surface_set_size (surface, pw, ph);
  jm_pdf_text_draw (layout, cr, pw, ph);
}

/* The PDF's /Lang, appended to what cairo wrote (jm_pdf_lang_update). */
static void
append_pdf_lang (Sink       *sink,
                 const char *language)
{
  char tail[65536];
  g_autoptr(GBytes) update = NULL;
  off_t total;
  ssize_t n;
  gsize len;
  const char *data;

  if (language == NULL || sink->error != 0 || fflush (sink->file) != 0)
    return;
  /* The stream only writes: read the tail through its descriptor, then
   * put both back at the end. */
  total = lseek (fileno (sink->file), 0, SEEK_END);
  if (total <= 0 || lseek (fileno (sink->file), total - MIN ((off_t) sizeof tail, total), SEEK_SET) < 0)
    return;
  n = read (fileno (sink->file), tail, MIN ((off_t) sizeof tail, total));
  if (lseek (fileno (sink->file), 0, SEEK_END) != total || fseek (sink->file, 0, SEEK_END) != 0 || n <= 0)
    return;
  update = jm_pdf_lang_update (tail, (gsize) n, (guint64) total, language);
  if (update == NULL)
    return;
  data = g_bytes_get_data (update, &len);
  sink_write (sink, (const unsigned char *) data, (unsigned int) len);
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
      /* One page the size of the map; a map larger than PDF's largest page
       * is cut at its true size into pages that repeat its headers. */
      g_autoptr(GArray) pages = plan_map_pages (layout);

      jm_map_page_get_size (&g_array_index (pages, JmMapPage, 0), &pw, &ph);
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, pw * PT_PER_UNIT, ph * PT_PER_UNIT);
      set_pdf_metadata (surface, document);
      cr = cairo_create (surface);
      cairo_tag_begin (cr, "Document", NULL);
      for (guint i = 0; i < pages->len; i++)
        {
          const JmMapPage *page = &g_array_index (pages, JmMapPage, i);

          /* A page's size is set before anything is drawn on it, tags
           * included. */
          if (i > 0)
            {
              jm_map_page_get_size (page, &pw, &ph);
              cairo_pdf_surface_set_size (surface, pw * PT_PER_UNIT, ph * PT_PER_UNIT);
            }
          cairo_tag_begin (cr, "Figure", NULL);
          cairo_save (cr);
          cairo_scale (cr, PT_PER_UNIT, PT_PER_UNIT);
          jm_map_page_paint (layout, page, cr);
          cairo_restore (cr);
          cairo_tag_end (cr, "Figure");
          cairo_show_page (cr);
        }
      draw_pdf_text_pages (surface, cr, layout);
      cairo_tag_end (cr, "Document");
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
      cairo_tag_begin (cr, "Document", NULL);
      if (options->poster_page_map)
        {
          cairo_tag_begin (cr, "Figure", NULL);
          jm_poster_draw_page_map (&grid, layout, cr, jm_document_get_title (document));
          cairo_tag_end (cr, "Figure");
          cairo_show_page (cr);
        }
      cairo_tag_begin (cr, "Figure", NULL);
      for (guint i = 0; i < jm_poster_grid_get_n_sheets (&grid); i++)
        {
          jm_poster_draw_sheet (&grid, layout, cr, i, jm_document_get_title (document));
          cairo_show_page (cr);
        }
      cairo_tag_end (cr, "Figure");
      draw_pdf_text_pages (surface, cr, layout);
      cairo_tag_end (cr, "Document");
    }
  else
    {
      paper_size (options->page, &pw, &ph);
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, pw, ph);
      set_pdf_metadata (surface, document);
      cr = cairo_create (surface);
      cairo_tag_begin (cr, "Document", NULL);
      cairo_tag_begin (cr, "Figure", NULL);
      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      jm_poster_draw_fitted (layout, cr, pw - 2 * PAGE_MARGIN, ph - 2 * PAGE_MARGIN);
      cairo_restore (cr);
      cairo_tag_end (cr, "Figure");
      cairo_show_page (cr);
      draw_pdf_text_pages (surface, cr, layout);
      cairo_tag_end (cr, "Document");
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    append_pdf_lang (&sink, jm_layout_get_language (layout));
  return close_sink (&sink, tmp, path, status, error);
}

/* cairo's SVG surface has no title, description or language: its output
 * passes through here, which adds them to the <svg> element as it goes by. */
typedef struct {
  Sink       *sink;       /* NULL: into memory */
  GString    *memory;
  GString    *head;       /* held until the <svg …> start tag is complete */
  const char *title;
  const char *description;
  const char *language;
} SvgSink;

static void
append_xml_escaped (GString    *out,
                    const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static cairo_status_t
svg_forward (SvgSink             *svg,
             const unsigned char *data,
             unsigned int         length)
{
  if (svg->sink != NULL)
    return sink_write (svg->sink, data, length);
  g_string_append_len (svg->memory, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
svg_sink_write (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  SvgSink *svg = closure;
  const char *start, *end;
  g_autoptr(GString) out = NULL;

  if (svg->head == NULL)
    return svg_forward (svg, data, length);
  g_string_append_len (svg->head, (const char *) data, length);
  if ((start = strstr (svg->head->str, "<svg")) == NULL || (end = strchr (start, '>')) == NULL)
    return CAIRO_STATUS_SUCCESS;

  out = g_string_new_len (svg->head->str, end - svg->head->str);
  if (svg->language != NULL)
    {
      g_string_append (out, " xml:lang=\"");
      append_xml_escaped (out, svg->language);
      g_string_append_c (out, '"');
    }
  g_string_append (out, " role=\"img\" aria-labelledby=\"jm-title\">\n<title id=\"jm-title\">");
  append_xml_escaped (out, svg->title != NULL ? svg->title : "");
  g_string_append (out, "</title>\n");
  if (svg->description != NULL)
    {
      g_string_append (out, "<desc>");
      append_xml_escaped (out, svg->description);
      g_string_append (out, "</desc>\n");
    }
  g_string_append (out, end + 1);
  g_string_free (svg->head, TRUE);
  svg->head = NULL;
  return svg_forward (svg, (const unsigned char *) out->str, (unsigned int) out->len);
}

/* A band's SVG, made by cairo as a document of its own, as an element of
 * the whole picture: a nested <svg> at the band's place (which clips to
 * it), the band's ids prefixed so that bands never share one. */
static cairo_status_t
write_svg_band (Sink          *sink,
                const GString *band,
                guint          index,
                double         y,
                double         width,
                double         height)
{
  static const char *refs[] = { "id=\"", "href=\"#", "url(#" };
  g_autofree char *prefix = g_strdup_printf ("b%u-", index);
  g_autofree char *start_tag = NULL;
  const char *at[G_N_ELEMENTS (refs)];
  const char *p, *start, *end;
  char num[3][G_ASCII_DTOSTR_BUF_SIZE];
  cairo_status_t status;

  start = strstr (band->str, "<svg");
  start = start != NULL ? strchr (start, '>') : NULL;
  end = g_strrstr (band->str, "</svg>");
  if (start == NULL || end == NULL || end < start)
    return CAIRO_STATUS_WRITE_ERROR;
  start_tag = g_strdup_printf ("<svg x=\"0\" y=\"%s\" width=\"%s\" height=\"%s\">",
                               g_ascii_dtostr (num[0], sizeof num[0], y),
                               g_ascii_dtostr (num[1], sizeof num[1], width),
                               g_ascii_dtostr (num[2], sizeof num[2], height));
  status = sink_write (sink, (const unsigned char *) start_tag, (unsigned int) strlen (start_tag));

  /* The band's text as it is, with the prefix after each reference's
   * opening; each kind's next place is looked for again only once passed. */
  p = start + 1;
  for (guint r = 0; r < G_N_ELEMENTS (refs); r++)
    at[r] = g_strstr_len (p, end - p, refs[r]);
  while (status == CAIRO_STATUS_SUCCESS)
    {
      const char *next = end;
      guint which = 0;

      for (guint r = 0; r < G_N_ELEMENTS (refs); r++)
        if (at[r] != NULL && at[r] < next)
          next = at[r], which = r;
      if (next == end)
        break;
      next += strlen (refs[which]);
      status = sink_write (sink, (const unsigned char *) p, (unsigned int) (next - p));
      if (status == CAIRO_STATUS_SUCCESS)
        status = sink_write (sink, (const unsigned char *) prefix, (unsigned int) strlen (prefix));
      p = next;
      at[which] = g_strstr_len (p, end - p, refs[which]);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = sink_write (sink, (const unsigned char *) p, (unsigned int) (end - p));
  if (status == CAIRO_STATUS_SUCCESS)
    status = sink_write (sink, (const unsigned char *) "</svg>\n", 7);
  return status;
}

/* A picture too large to hold whole (cairo keeps a page in memory, its
 * drawing and its markup, until it is finished) is made in bands of the
 * map, top to bottom, each written as it is made. */
#define SVG_BAND_AREA 7.5e7   /* map units² at most in a band */

static cairo_status_t
write_svg_in_bands (JmLayout *layout,
                    SvgSink  *svg,
                    double    width,
                    double    height,
                    double    band_height)
{
  g_autofree char *start_tag = NULL;
  cairo_status_t status;
  char num[2][G_ASCII_DTOSTR_BUF_SIZE];
  guint index = 0;

  /* The picture's start tag, with its title, description and language as
   * for a picture made whole. */
  g_ascii_dtostr (num[0], sizeof num[0], width);
  g_ascii_dtostr (num[1], sizeof num[1], height);
  start_tag = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                               "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%spx\" height=\"%spx\" "
                               "viewBox=\"0 0 %s %s\" version=\"1.1\">\n", num[0], num[1], num[0], num[1]);
  status = svg_sink_write (svg, (const unsigned char *) start_tag, (unsigned int) strlen (start_tag));

  for (double y = 0; y < height && status == CAIRO_STATUS_SUCCESS; y += band_height, index++)
    {
      double h = MIN (band_height, height - y);
      JmRect band = { 0, y, width, h };
      SvgSink part = { NULL };
      cairo_surface_t *surface;
      cairo_t *cr;

      part.memory = g_string_new (NULL);
      surface = cairo_svg_surface_create_for_stream (svg_sink_write, &part, width, h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      cr = cairo_create (surface);
      cairo_translate (cr, 0, -y);
      jm_painter_paint (layout, cr, &band, 1.0);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = write_svg_band (svg->sink, part.memory, index, y, width, h);
      g_string_free (part.memory, TRUE);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = sink_write (svg->sink, (const unsigned char *) "</svg>\n", 7);
  return status;
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
  double w, h, band_height;
  Sink sink;
  SvgSink svg;

  jm_layout_get_size (layout, &w, &h);
  if (!open_sink (path, &sink, &tmp, error))
    return FALSE;

  svg.sink = &sink;
  svg.memory = NULL;
  svg.head = g_string_new (NULL);
  svg.title = jm_document_get_title (document);
  svg.description = jm_document_get_scenario (document);
  svg.language = jm_layout_get_language (layout);
  band_height = options->svg_band_height > 0 ? options->svg_band_height
                                             : MAX (512, floor (SVG_BAND_AREA / MAX (w, 1)));
  if (h > band_height)
    {
      status = write_svg_in_bands (layout, &svg, w, h, band_height);
      return close_sink (&sink, tmp, path, status, error);
    }
  surface = cairo_svg_surface_create_for_stream (svg_sink_write, &svg, w, h);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  jm_painter_paint (layout, cr, NULL, 1.0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (svg.head != NULL)
    {
      /* Never saw its start tag: write what came, as it came. */
      sink_write (&sink, (const unsigned char *) svg.head->str, (unsigned int) svg.head->len);
      g_string_free (svg.head, TRUE);
    }
  return close_sink (&sink, tmp, path, status, error);
}

JmLayout *
jm_export_make_layout (JmDocument            *document,
                       const JmExportOptions *options)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return make_layout (document, options, FALSE);
}

char *
jm_export_svg_markup (JmLayout *layout,
                      gsize    *len)
{
  JmDocument *document;
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *start;
  double w, h;
  SvgSink svg = { NULL };

  g_return_val_if_fail (JM_IS_LAYOUT (layout), NULL);

  document = jm_layout_get_document (layout);
  jm_layout_get_size (layout, &w, &h);
  svg.memory = g_string_new (NULL);
  svg.head = g_string_new (NULL);
  svg.title = jm_document_get_title (document);
  svg.description = jm_document_get_scenario (document);
  svg.language = jm_layout_get_language (layout);
  surface = cairo_svg_surface_create_for_stream (svg_sink_write, &svg, w, h);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  jm_painter_paint (layout, cr, NULL, 1.0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  if (svg.head != NULL)
    {
      g_string_append_len (svg.memory, svg.head->str, svg.head->len);
      g_string_free (svg.head, TRUE);
    }
  /* In a web page the picture is an element: no XML declaration. */
  start = strstr (svg.memory->str, "<svg");
  if (start != NULL)
    g_string_erase (svg.memory, 0, start - svg.memory->str);
  if (len != NULL)
    *len = svg.memory->len;
  return g_string_free (svg.memory, FALSE);
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

  if (options->content != JM_EXPORT_MAP)
    return jm_export_sheets_to_path (document, path, options, error);

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
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    return jm_html_save_path (document, path, options, error);

  g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FORMAT,
               _("Cannot tell the format of “%s”: name it .png, .pdf, .svg, .html, .pptx or .odp"), path);
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
  status = write_png (surface, &sink, NULL);
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

/* ---- for the other exports of the core (jm-export-private.h) ---- */

cairo_status_t
jm_export_sink_write (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  return sink_write (closure, data, length);
}

gboolean
jm_export_sink_open (const char    *path,
                     JmExportSink  *sink,
                     char         **tmp_path,
                     GError       **error)
{
  return open_sink (path, sink, tmp_path, error);
}

gboolean
jm_export_sink_close (JmExportSink    *sink,
                      const char      *tmp_path,
                      const char      *path,
                      cairo_status_t   status,
                      GError         **error)
{
  return close_sink (sink, tmp_path, path, status, error);
}

void
jm_export_paper_size (JmPageOption  page,
                      double       *width,
                      double       *height)
{
  paper_size (page, width, height);
}

void
jm_export_set_pdf_metadata (cairo_surface_t *surface,
                            JmDocument      *document)
{
  set_pdf_metadata (surface, document);
}

void
jm_export_append_pdf_lang (JmExportSink *sink,
                           const char   *language)
{
  append_pdf_lang (sink, language);
}

cairo_status_t
jm_export_write_png_surface (cairo_surface_t *surface,
                             JmExportSink    *sink,
                             double           scale,
                             const char      *title,
                             const char      *description,
                             const char      *language)
{
  PngMeta meta = { scale, title, description, language };

  return write_png (surface, sink, &meta);
}
