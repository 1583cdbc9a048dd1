/* jm-poster.c — a map fitted to a sheet, or tiled across sheets as a
 * poster with glue zones, sheet names and a page-map sheet; shared by the
 * PDF export and printing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "jm-i18n.h"
#include "jm-painter.h"
#include "jm-poster.h"

/* What a poster writes on paper is in the map's language (jm-i18n.h). */
#define TR(layout, msgid) jm_i18n_gettext (jm_layout_get_language (layout), msgid)

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
  grid->glue_zones = TRUE;

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
jm_poster_grid_init_columns (JmPosterGrid *grid,
                             double        map_width,
                             double        map_height,
                             double        sheet_width,
                             double        sheet_height,
                             double        margin,
                             guint         columns,
                             double        overlap)
{
  double scale, cw;

  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (columns >= 1, FALSE);

  /* The largest scale at which the map's width takes that many sheets.
   * (A hair less, so that rounding never asks for one sheet more.) */
  cw = sheet_width - 2 * margin;
  scale = map_width > 0 ? (columns * (cw - overlap) + overlap) / map_width * (1 - 1e-9) : 0;
  return jm_poster_grid_init (grid, map_width, map_height, sheet_width, sheet_height, margin, scale, overlap);
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
  gboolean upright, across;

  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (columns >= 1, FALSE);

  upright = jm_poster_grid_init_columns (grid, map_width, map_height, sheet_width, sheet_height, margin,
                                         columns, overlap);
  /* The sheets turned, if that leaves no emptier row or column. */
  across = jm_poster_grid_init_columns (&turned, map_width, map_height, sheet_height, sheet_width, margin,
                                        columns, overlap);
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

/* Column c as letters: A … Z, AA, AB … (bijective base 26). */
static void
append_column_letters (GString *out,
                       guint    col)
{
  char letters[8];
  guint n = 0;

  col++;
  while (col > 0 && n < sizeof letters)
    {
      letters[n++] = (char) ('A' + (col - 1) % 26);
      col = (col - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (out, letters[--n]);
}

static char *
sheet_name (guint row,
            guint col)
{
  GString *name = g_string_new (NULL);

  append_column_letters (name, col);
  g_string_append_printf (name, "%u", row + 1);
  return g_string_free (name, FALSE);
}

char *
jm_poster_grid_get_sheet_name (const JmPosterGrid *grid,
                               guint               sheet)
{
  g_return_val_if_fail (grid != NULL && grid->columns > 0, NULL);

  return sheet_name (sheet / grid->columns, sheet % grid->columns);
}

guint
jm_poster_grid_get_glue_zones (const JmPosterGrid *grid,
                               guint               sheet,
                               JmRect              zones[2])
{
  guint row, col, n = 0;
  double ox, oy, m;

  g_return_val_if_fail (grid != NULL && zones != NULL, 0);

  if (sheet >= jm_poster_grid_get_n_sheets (grid) || !(grid->overlap > 0))
    return 0;
  piece_origin (grid, sheet, &row, &col, &ox, &oy);
  m = grid->margin;
  /* The sheet to the right starts overlap before this piece ends, and is
   * laid over it: that strip is hidden once the poster is put together,
   * while the same part of the map shows on the neighbour. */
  if (col + 1 < grid->columns)
    zones[n++] = (JmRect) { m + grid->piece_width - grid->overlap, m, grid->overlap, grid->piece_height };
  if (row + 1 < grid->rows)
    zones[n++] = (JmRect) { m, m + grid->piece_height - grid->overlap, grid->piece_width, grid->overlap };
  return n;
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

static PangoLayout *
make_text (cairo_t    *cr,
           const char *font_name,
           const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* text centred on (cx, cy), turned by angle (radians), on a white ground
 * so that it reads over the map or a hatch. */
static void
show_text_centred (cairo_t    *cr,
                   const char *font_name,
                   const char *text,
                   double      cx,
                   double      cy,
                   double      angle,
                   gboolean    ground)
{
  PangoLayout *layout = make_text (cr, font_name, text);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_rotate (cr, angle);
  if (ground)
    {
      cairo_rectangle (cr, -w / 2.0 / PANGO_SCALE - 2, -h / 2.0 / PANGO_SCALE - 1,
                       (double) w / PANGO_SCALE + 4, (double) h / PANGO_SCALE + 2);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  cairo_move_to (cr, -w / 2.0 / PANGO_SCALE, -h / 2.0 / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);
}

/* A glue zone: a light tint with a diagonal hatch, and a word saying
 * which sheet goes over it. */
static void
draw_glue_zone (cairo_t      *cr,
                const JmRect *zone,
                gboolean      vertical,
                const char   *label)
{
  double step = 3 * JM_POINTS_PER_MM;

  cairo_save (cr);
  cairo_rectangle (cr, zone->x, zone->y, zone->width, zone->height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, 0.45, 0.45, 0.45, 0.12);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0.3, 0.3, 0.3, 0.45);
  cairo_set_line_width (cr, 0.4);
  for (double d = -zone->height; d < zone->width; d += step)
    {
      cairo_move_to (cr, zone->x + d, zone->y + zone->height);
      cairo_line_to (cr, zone->x + d + zone->height, zone->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The word only where the strip has room for it. */
  if ((vertical ? zone->width : zone->height) >= 3 * JM_POINTS_PER_MM)
    show_text_centred (cr, "Cantarell, Sans 6", label, zone->x + zone->width / 2, zone->y + zone->height / 2,
                       vertical ? -G_PI / 2 : 0, TRUE);
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
  JmRect visible, zones[2];
  guint n_zones;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  PangoLayout *text;
  int text_width, text_height;

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
  name = sheet_name (row, col);

  cairo_save (cr);

  cairo_save (cr);
  cairo_rectangle (cr, m, m, cw, ch);
  cairo_clip (cr);
  cairo_translate (cr, m - ox, m - oy);
  cairo_scale (cr, grid->scale, grid->scale);
  jm_painter_paint (layout, cr, &visible, 1.0);
  cairo_restore (cr);

  /* Glue zones only on the strips the next sheets cover: the map there
   * shows on those sheets. */
  n_zones = grid->glue_zones ? jm_poster_grid_get_glue_zones (grid, sheet, zones) : 0;
  for (guint i = 0; i < n_zones; i++)
    {
      gboolean vertical = i == 0 && col + 1 < grid->columns;
      g_autofree char *next = vertical ? sheet_name (row, col + 1) : sheet_name (row + 1, col);
      /* Translators: printed in a poster sheet's glue zone; %s names the
       * sheet laid over it, such as "B3" */
      g_autofree char *glue = g_strdup_printf (TR (layout, N_("glue — %s goes over this strip")), next);

      draw_glue_zone (cr, &zones[i], vertical, glue);
    }

  /* Cut marks at the corners of the printed piece. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cut_mark (cr, m, m, -1, -1);
  cut_mark (cr, m + cw, m, 1, -1);
  cut_mark (cr, m, m + ch, -1, 1);
  cut_mark (cr, m + cw, m + ch, 1, 1);
  cairo_stroke (cr);

  /* The sheet's number and name, top left. */
  /* Translators: printed in the top margin of a poster sheet: its number,
   * then its column letter and row number, such as "Sheet 4 · B2" */
  heading = g_strdup_printf (TR (layout, N_("Sheet %u · %s")), sheet + 1, name);
  text = make_text (cr, "Cantarell, Sans Bold 9", heading);
  pango_layout_get_size (text, NULL, &text_height);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, m + 10 * JM_POINTS_PER_MM, (m - (double) text_height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);

  /* The neighbours, beside arrows in the margins facing them. */
  if (m >= 3 * JM_POINTS_PER_MM)
    {
      if (row > 0)
        {
          g_autofree char *n = sheet_name (row - 1, col), *t = g_strdup_printf ("↑ %s", n);
          show_text_centred (cr, "Cantarell, Sans 8", t, m + cw / 2, m / 2, 0, FALSE);
        }
      if (row + 1 < grid->rows)
        {
          g_autofree char *n = sheet_name (row + 1, col), *t = g_strdup_printf ("↓ %s", n);
          show_text_centred (cr, "Cantarell, Sans 8", t, m + cw / 2, m + ch + m / 2, 0, FALSE);
        }
      if (col > 0)
        {
          g_autofree char *n = sheet_name (row, col - 1), *t = g_strdup_printf ("← %s", n);
          show_text_centred (cr, "Cantarell, Sans 8", t, m / 2, m + ch / 2, -G_PI / 2, FALSE);
        }
      if (col + 1 < grid->columns)
        {
          g_autofree char *n = sheet_name (row, col + 1), *t = g_strdup_printf ("%s →", n);
          show_text_centred (cr, "Cantarell, Sans 8", t, m + cw + m / 2, m + ch / 2, G_PI / 2, FALSE);
        }
    }

  /* Translators: printed in the margin of each poster sheet */
  label = g_strdup_printf (TR (layout, N_("%s — row %u of %u, column %u of %u — overlap %d mm")),
                           title != NULL ? title : "", row + 1, grid->rows, col + 1, grid->columns,
                           (int) lround (grid->overlap / JM_POINTS_PER_MM));
  text = make_text (cr, "Cantarell, Sans 7", label);
  /* Short of the arrow to the sheet below, in the middle. */
  text_width = (int) MAX (20, cw / 2 - 20 * JM_POINTS_PER_MM);
  pango_layout_set_width (text, text_width * PANGO_SCALE);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, m + 10 * JM_POINTS_PER_MM, grid->sheet_height - m + 3);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);

  cairo_restore (cr);
}

void
jm_poster_draw_page_map (const JmPosterGrid *grid,
                         JmLayout           *layout,
                         cairo_t            *cr,
                         const char         *title)
{
  double m, y, step_x, step_y, total_w, total_h, aw, ah, s, x0, y0;
  guint n;
  int tw, th;
  g_autofree char *summary = NULL;
  PangoLayout *text;

  g_return_if_fail (grid != NULL);
  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  n = jm_poster_grid_get_n_sheets (grid);
  if (n == 0)
    return;
  m = grid->margin;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Translators: the heading of a poster's first sheet, which shows how
   * the other sheets are put together */
  text = make_text (cr, "Cantarell, Sans Bold 16", TR (layout, N_("How the sheets go together")));
  pango_layout_get_size (text, NULL, &th);
  cairo_move_to (cr, m, m);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);
  y = m + (double) th / PANGO_SCALE + 4;

  /* Translators: under the heading of a poster's page map: the map's
   * title, how many sheets, how many across and down, and the overlap */
  summary = g_strdup_printf (TR (layout, N_("%s — sheets: %u (%u × %u), overlap %d mm")),
                             title != NULL ? title : "", n, grid->columns, grid->rows,
                             (int) lround (grid->overlap / JM_POINTS_PER_MM));
  text = make_text (cr, "Cantarell, Sans 10", summary);
  pango_layout_set_width (text, (int) ((grid->sheet_width - 2 * m) * PANGO_SCALE));
  pango_layout_get_size (text, NULL, &th);
  cairo_move_to (cr, m, y);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);
  y += (double) th / PANGO_SCALE + 4;

  text = make_text (cr, "Cantarell, Sans 9",
                    /* Translators: how to put a printed poster together */
                    TR (layout, N_("Trim each sheet at its cut marks. Lay each sheet over the shaded glue "
                                   "strip of the sheet to its left and of the sheet above it, so that the "
                                   "picture matches, and glue it there. Each sheet is named by its column "
                                   "letter and row number, as in the plan below.")));
  pango_layout_set_width (text, (int) ((grid->sheet_width - 2 * m) * PANGO_SCALE));
  pango_layout_get_size (text, NULL, &th);
  cairo_move_to (cr, m, y);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);
  y += (double) th / PANGO_SCALE + 6 * JM_POINTS_PER_MM;

  /* The assembled poster, small: every piece overlapping its neighbours
   * by the overlap, over the map. */
  step_x = grid->piece_width - grid->overlap;
  step_y = grid->piece_height - grid->overlap;
  total_w = grid->columns * step_x + grid->overlap;
  total_h = grid->rows * step_y + grid->overlap;
  aw = grid->sheet_width - 2 * m;
  ah = grid->sheet_height - m - y;
  if (aw <= 0 || ah <= 0 || total_w <= 0 || total_h <= 0)
    {
      cairo_restore (cr);
      return;
    }
  s = MIN (aw / total_w, ah / total_h);
  x0 = m + (aw - total_w * s) / 2;
  y0 = y;

  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, total_w * s, total_h * s);
  cairo_clip (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, grid->scale * s, grid->scale * s);
  /* As many device pixels as a 300 dpi printer gives it. */
  jm_painter_paint (layout, cr, NULL, grid->scale * s * 300 / 72);
  cairo_restore (cr);

  /* The overlaps, tinted. */
  cairo_set_source_rgba (cr, 0.45, 0.45, 0.45, 0.25);
  for (guint c = 1; c < grid->columns; c++)
    cairo_rectangle (cr, x0 + c * step_x * s, y0, grid->overlap * s, total_h * s);
  for (guint r = 1; r < grid->rows; r++)
    cairo_rectangle (cr, x0, y0 + r * step_y * s, total_w * s, grid->overlap * s);
  cairo_fill (cr);

  /* Each sheet's outline, number and name. */
  cairo_set_line_width (cr, 0.8);
  for (guint r = 0; r < grid->rows; r++)
    for (guint c = 0; c < grid->columns; c++)
      {
        double x = x0 + c * step_x * s, yy = y0 + r * step_y * s;
        double w = grid->piece_width * s, h = grid->piece_height * s;
        g_autofree char *name = sheet_name (r, c);
        g_autofree char *label = g_strdup_printf ("%u\n%s", r * grid->columns + c + 1, name);
        double size = CLAMP (MIN (w, h) / 5, 5, 18);
        g_autofree char *font = g_strdup_printf ("Cantarell, Sans Bold %.1f", size);

        cairo_set_source_rgb (cr, 0, 0, 0);
        cairo_rectangle (cr, x, yy, w, h);
        cairo_stroke (cr);

        text = make_text (cr, font, label);
        pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
        pango_layout_get_size (text, &tw, &th);
        cairo_move_to (cr, x + (w - (double) tw / PANGO_SCALE) / 2, yy + (h - (double) th / PANGO_SCALE) / 2);
        pango_cairo_layout_path (cr, text);
        cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
        cairo_set_line_width (cr, 3);
        cairo_stroke (cr);
        cairo_move_to (cr, x + (w - (double) tw / PANGO_SCALE) / 2, yy + (h - (double) th / PANGO_SCALE) / 2);
        cairo_set_source_rgb (cr, 0, 0, 0);
        pango_cairo_show_layout (cr, text);
        cairo_set_line_width (cr, 0.8);
        g_object_unref (text);
      }

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
