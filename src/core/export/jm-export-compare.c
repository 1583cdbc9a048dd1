/* jm-export-compare.c — a comparison as one page: the new map by the one
 * painter, the compare painter's marks over it with every old → new
 * shown (paper has no pointer to hover with), and the change list under
 * the map, where a reader (and pdftotext) finds every change in words. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "jm-export-compare.h"
#include "jm-painter.h"
#include "jm-poster.h"

#define LIST_MARGIN   40.0
#define PNG_MAX_SIDE  20000.0
#define PDF_MAX_PAGE  14400.0   /* points: the largest page PDF viewers take */

static PangoLayout *
list_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

typedef struct {
  char   *heading;
  char   *body;
  double  width;       /* map units */
  double  height;      /* the list's, with its margins */
} List;

static void
measure_list (List       *list,
              JmCompare  *compare,
              const char *old_name,
              double      width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *heading, *body;
  int hh, bh;

  list->width = MAX (width - 2 * LIST_MARGIN, 200);
  /* Translators: the heading of the change list under a compared map; %s names the old version */
  list->heading = g_strdup_printf (_("Changes since %s"), old_name);
  list->body = jm_compare_to_text (compare);
  if (*list->body == '\0')
    {
      g_free (list->body);
      list->body = g_strdup (_("No changes."));
    }
  heading = list_layout (cr, list->heading, 20, TRUE, list->width);
  body = list_layout (cr, list->body, 13, FALSE, list->width);
  pango_layout_get_pixel_size (heading, NULL, &hh);
  pango_layout_get_pixel_size (body, NULL, &bh);
  list->height = LIST_MARGIN + hh + 12 + bh + LIST_MARGIN;
  g_object_unref (heading);
  g_object_unref (body);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
paint_page (JmCompare           *compare,
            JmLayout            *layout,
            const List          *list,
            cairo_t             *cr,
            double               scale,
            double               map_height,
            const JmThemeColors *colors)
{
  PangoLayout *heading, *body;
  int hh;

  jm_painter_paint (layout, cr, NULL, scale);
  jm_compare_paint (compare, layout, cr, NULL, scale, -1, TRUE);

  cairo_move_to (cr, LIST_MARGIN, map_height + 0.5);
  cairo_rel_line_to (cr, list->width, 0);
  cairo_set_source_rgba (cr, colors->grid.r, colors->grid.g, colors->grid.b, colors->grid.a);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  heading = list_layout (cr, list->heading, 20, TRUE, list->width);
  body = list_layout (cr, list->body, 13, FALSE, list->width);
  pango_layout_get_pixel_size (heading, NULL, &hh);
  cairo_set_source_rgba (cr, colors->text.r, colors->text.g, colors->text.b, colors->text.a);
  cairo_move_to (cr, LIST_MARGIN, map_height + LIST_MARGIN);
  pango_cairo_show_layout (cr, heading);
  cairo_move_to (cr, LIST_MARGIN, map_height + LIST_MARGIN + hh + 12);
  pango_cairo_show_layout (cr, body);
  g_object_unref (heading);
  g_object_unref (body);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
has_suffix_ci (const char *path,
               const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

gboolean
jm_export_compare_to_path (JmCompare             *compare,
                           const char            *old_name,
                           const char            *path,
                           const JmExportOptions *options,
                           GError               **error)
{
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  const JmThemeColors *colors;
  JmRenderOptions render;
  gboolean pdf;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h, total, scale;
  List list = { 0 };

  g_return_val_if_fail (compare != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  pdf = has_suffix_ci (path, ".pdf");
  if (!pdf && !has_suffix_ci (path, ".png"))
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FORMAT,
                   _("A comparison is written as .pdf or .png, not as “%s”"), path);
      return FALSE;
    }

  jm_render_options_init (&render);
  render.theme = options->theme;
  render.persona_id = options->persona_id;
  render.date = options->date;
  layout = jm_layout_new (jm_compare_get_new (compare), &render);
  colors = jm_theme_get_colors (options->theme);
  jm_layout_get_size (layout, &w, &h);
  measure_list (&list, compare, old_name ? old_name : "", w);
  total = h + list.height;

  if (pdf)
    {
      double s = MIN (1.0, MIN (PDF_MAX_PAGE / (w * JM_POINTS_PER_UNIT),
                                PDF_MAX_PAGE / (total * JM_POINTS_PER_UNIT)));

      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                     w * JM_POINTS_PER_UNIT * s,
                                                     total * JM_POINTS_PER_UNIT * s);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      jm_document_get_title (jm_compare_get_new (compare)));
      scale = s;
      cr = cairo_create (surface);
      cairo_scale (cr, JM_POINTS_PER_UNIT * s, JM_POINTS_PER_UNIT * s);
    }
  else
    {
      scale = options->scale > 0 ? options->scale : 1;
      if (ceil (w * scale) > PNG_MAX_SIDE || ceil (total * scale) > PNG_MAX_SIDE)
        {
          g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                       _("Could not write “%s”: at scale %g the image would be %.0f × %.0f pixels; "
                         "choose a smaller scale or export a PDF"),
                       path, scale, ceil (w * scale), ceil (total * scale));
          g_free (list.heading);
          g_free (list.body);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale),
                                            (int) ceil (total * scale));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
    }

  cairo_set_source_rgb (cr, colors->background.r, colors->background.g, colors->background.b);
  cairo_paint (cr);
  paint_page (compare, layout, &list, cr, scale, h, colors);
  cairo_destroy (cr);

  status = CAIRO_STATUS_SUCCESS;
  if (pdf)
    cairo_surface_finish (surface);
  else
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (list.heading);
  g_free (list.body);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  {
    g_autoptr(GError) local = NULL;

    if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
      {
        g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: %s"), path, local->message);
        return FALSE;
      }
  }
  return TRUE;
}
