/* jm-poster.c — a map fitted to a sheet, or tiled across sheets as a
 * poster; shared by the PDF export and printing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "jm-painter.h"
#include "jm-poster.h"

static guint
count_pieces (double length,
              double piece,
              double overlap)
{
  if (length <= piece)
    return 1;
  return (guint) ceil ((length - overlap) / (piece - overlap));
}

gboolean
jm_poster_grid_init (JmPosterGrid *grid,
                     double        map_width,
                     double        map_height,
                     double        sheet_width,
                     double        sheet_height,
                     double        margin,
                     double        scale,
                     double        overlap)
{
  double cw = sheet_width - 2 * margin, ch = sheet_height - 2 * margin;
  double length_x = map_width * scale, length_y = map_height * scale;
  double nx, ny;

  g_return_val_if_fail (grid != NULL, FALSE);

  memset (grid, 0, sizeof *grid);
  grid->map_width = map_width;
  grid->map_height = map_height;
  grid->sheet_width = sheet_width;
  grid->sheet_height = sheet_height;
  grid->margin = margin;
  grid->scale = scale;
  grid->overlap = overlap;
  grid->piece_width = cw;
  grid->piece_height = ch;

  if (!isfinite (length_x) || !isfinite (length_y) || !isfinite (cw) || !isfinite (ch)
      || !isfinite (overlap) || scale <= 0 || overlap < 0 || margin < 0
      || map_width <= 0 || map_height <= 0 || cw <= overlap || ch <= overlap)
    return FALSE;

  /* Count in doubles first: a tiny sheet must not wrap a guint around. */
  nx = length_x <= cw ? 1 : ceil ((length_x - overlap) / (cw - overlap));
  ny = length_y <= ch ? 1 : ceil ((length_y - overlap) / (ch - overlap));
  if (nx * ny > JM_POSTER_MAX_SHEETS)
    return FALSE;

  grid->columns = count_pieces (length_x, cw, overlap);
  grid->rows = count_pieces (length_y, ch, overlap);
  /* The map shared evenly between the sheets of a row or column rather
   * than a last sheet with a sliver on it: each piece is at least half
   * full. (A hair more than even, so that rounding never leaves an edge
   * of the map off the last sheet.) */
  if (grid->columns > 1)
    grid->piece_width = MIN (cw, (length_x + (grid->columns - 1) * overlap) / grid->columns + 1e-6);
  if (grid->rows > 1)
    grid->piece_height = MIN (ch, (length_y + (grid->rows - 1) * overlap) / grid->rows + 1e-6);
  return TRUE;
}

/* How full the emptiest row or column of sheets is, 0..1. */
static double
least_fill (const JmPosterGrid *grid)
{
  double cw = grid->sheet_width - 2 * grid->margin, ch = grid->sheet_height - 2 * grid->margin;
  double fx = grid->columns > 1 ? grid->piece_width / cw : grid->map_width * grid->scale / cw;
  double fy = grid->rows > 1 ? grid->piece_height / ch : grid->map_height * grid->scale / ch;

  return MIN (fx, fy);
}

gboolean
jm_poster_grid_init_across (JmPosterGrid *grid,
                            double        map_width,
                            double        map_height,
                            double        sheet_width,
                            double        sheet_height,
                            double        margin,
                            guint         columns,
                            double        overlap)
{
  JmPosterGrid turned;
  double scale, cw;
  gboolean upright, across;

  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (columns >= 1, FALSE);

  /* The largest scale at which the map's width takes that many sheets. */
  cw = sheet_width - 2 * margin;
  /* (A hair less, so that rounding never asks for one sheet more.) */
  scale = map_width > 0 ? (columns * (cw - overlap) + overlap) / map_width * (1 - 1e-9) : 0;
  upright = jm_poster_grid_init (grid, map_width, map_height, sheet_width, sheet_height, margin, scale, overlap);

  /* The sheets turned, if that leaves no emptier row or column. */
  cw = sheet_height - 2 * margin;
  scale = map_width > 0 ? (columns * (cw - overlap) + overlap) / map_width * (1 - 1e-9) : 0;
  across = jm_poster_grid_init (&turned, map_width, map_height, sheet_height, sheet_width, margin, scale, overlap);
  if (across && (!upright || least_fill (&turned) > least_fill (grid) + 1e-9))
    *grid = turned;
  return upright || across;
}

guint
jm_poster_grid_get_n_sheets (const JmPosterGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);
  return grid->columns * grid->rows;
}

/* Where sheet i's piece starts on the map, in points. */
static void
piece_origin (const JmPosterGrid *grid,
              guint               sheet,
              guint              *row,
              guint              *col,
              double             *ox,
              double             *oy)
{
  *row = grid->columns > 0 ? sheet / grid->columns : 0;
  *col = grid->columns > 0 ? sheet % grid->columns : 0;
  /* Each sheet shows its piece plus the overlap with the next. */
  *ox = *col * (grid->piece_width - grid->overlap);
  *oy = *row * (grid->piece_height - grid->overlap);
}

void
jm_poster_grid_get_piece (const JmPosterGrid *grid,
                          guint               sheet,
                          JmRect             *piece)
{
  guint row, col;
  double ox, oy;

  g_return_if_fail (grid != NULL && piece != NULL);

  piece_origin (grid, sheet, &row, &col, &ox, &oy);
  piece->x = ox / grid->scale;
  piece->y = oy / grid->scale;
  piece->width = grid->piece_width / grid->scale;
  piece->height = grid->piece_height / grid->scale;
}

static void
cut_mark (cairo_t *cr,
          double   x,
          double   y,
          double   dx,
          double   dy)
{
  cairo_move_to (cr, x + dx * 2, y);
  cairo_line_to (cr, x + dx * 8 * JM_POINTS_PER_MM, y);
  cairo_move_to (cr, x, y + dy * 2);
  cairo_line_to (cr, x, y + dy * 8 * JM_POINTS_PER_MM);
}

void
jm_poster_draw_sheet (const JmPosterGrid *grid,
                      JmLayout           *layout,
                      cairo_t            *cr,
                      guint               sheet,
                      const char         *title)
{
  double m, cw, ch, ox, oy;
  guint row, col;
  JmRect visible;
  g_autofree char *label = NULL;
  PangoLayout *text;
  PangoFontDescription *font;

  g_return_if_fail (grid != NULL);
  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  if (sheet >= jm_poster_grid_get_n_sheets (grid))
    return;

  m = grid->margin;
  cw = grid->piece_width;
  ch = grid->piece_height;
  piece_origin (grid, sheet, &row, &col, &ox, &oy);
  jm_poster_grid_get_piece (grid, sheet, &visible);

  cairo_save (cr);

  cairo_save (cr);
  cairo_rectangle (cr, m, m, cw, ch);
  cairo_clip (cr);
  cairo_translate (cr, m - ox, m - oy);
  cairo_scale (cr, grid->scale, grid->scale);
  jm_painter_paint (layout, cr, &visible, 1.0);
  cairo_restore (cr);

  /* Cut marks at the corners of the printed piece. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cut_mark (cr, m, m, -1, -1);
  cut_mark (cr, m + cw, m, 1, -1);
  cut_mark (cr, m, m + ch, -1, 1);
  cut_mark (cr, m + cw, m + ch, 1, 1);
  cairo_stroke (cr);

  /* Translators: printed in the margin of each poster sheet */
  label = g_strdup_printf (_("%s — row %u of %u, column %u of %u — overlap %d mm"),
                           title != NULL ? title : "", row + 1, grid->rows, col + 1, grid->columns,
                           (int) lround (grid->overlap / JM_POINTS_PER_MM));
  text = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Cantarell, Sans 7");
  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);
  pango_layout_set_text (text, label, -1);
  cairo_move_to (cr, m + 10 * JM_POINTS_PER_MM, grid->sheet_height - m + 3);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);

  cairo_restore (cr);
}

void
jm_poster_draw_fitted (JmLayout *layout,
                       cairo_t  *cr,
                       double    width,
                       double    height)
{
  double w, h, s;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  jm_layout_get_size (layout, &w, &h);
  if (!(w > 0 && h > 0 && width > 0 && height > 0))
    return;

  s = MIN (width / w, height / h);
  cairo_save (cr);
  cairo_translate (cr, (width - w * s) / 2, (height - h * s) / 2);
  cairo_scale (cr, s, s);
  jm_painter_paint (layout, cr, NULL, 1.0);
  cairo_restore (cr);
}
