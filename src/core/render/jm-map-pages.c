/* jm-map-pages.c — a map cut at its true size into pages with its headers
 * repeated (see jm-map-pages.h). */
#include "config.h"

#include "jm-map-pages.h"
#include "jm-layout-private.h"
#include "jm-painter.h"

/* Cuts [0, end) into pieces, each at most max long with the pane that
 * pieces after the first carry, ending at the last of bounds (ascending)
 * that fits, or wherever max ends when none does. Returns the starts,
 * with end as the last element. */
static GArray *
cut_spans (const double *bounds,
           guint         n_bounds,
           double        end,
           double        pane,
           double        max)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (double));
  double a = 0;

  /* A pane of more than half the page would leave too little map. */
  if (pane > max / 2)
    pane = 0;
  while (a < end)
    {
      double room = max - (a > 0 ? pane : 0);
      double b = MIN (end, a + room);

      g_array_append_val (starts, a);
      if (b < end)
        {
          double best = 0;

          for (guint i = 0; i < n_bounds; i++)
            if (bounds[i] > a && bounds[i] <= b)
              best = bounds[i];
          if (best > a)
            b = best;
        }
      a = b;
    }
  g_array_append_val (starts, end);
  return starts;
}

GArray *
jm_map_pages_plan (JmLayout *layout,
                   double    max_width,
                   double    max_height)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (JmMapPage));
  g_autoptr(GArray) xs = NULL, ys = NULL;
  g_autoptr(GArray) column_bounds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) row_bounds = g_array_new (FALSE, FALSE, sizeof (double));
  double titles_w = 0, headers_h = 0;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), pages);
  g_return_val_if_fail (max_width > 0 && max_height > 0, pages);

  /* Cuts between columns and between lanes; the last column and lane end
   * with the map's margin and footer, never on a page of their own. */
  if (layout->n_columns > 0)
    {
      titles_w = layout->grid_x;
      headers_h = layout->lanes_y - layout->stages_y;
      for (guint c = 1; c < layout->n_columns; c++)
        {
          double x = layout->column_x[c];

          g_array_append_val (column_bounds, x);
        }
      for (guint r = 0; r + 1 < layout->rows->len; r++)
        {
          JmRow *row = g_ptr_array_index (layout->rows, r);
          double y = row->y + row->height;

          if (y > layout->lanes_y)
            g_array_append_val (row_bounds, y);
        }
    }
  xs = cut_spans ((double *) column_bounds->data, column_bounds->len, layout->width, titles_w, max_width);
  ys = cut_spans ((double *) row_bounds->data, row_bounds->len, layout->height, headers_h, max_height);
  if (titles_w > max_width / 2)
    titles_w = 0;
  if (headers_h > max_height / 2)
    headers_h = 0;

  for (guint r = 0; r + 1 < ys->len; r++)
    for (guint c = 0; c + 1 < xs->len; c++)
      {
        double x0 = g_array_index (xs, double, c), x1 = g_array_index (xs, double, c + 1);
        double y0 = g_array_index (ys, double, r), y1 = g_array_index (ys, double, r + 1);
        JmMapPage page = {
          .tile = { x0, y0, x1 - x0, y1 - y0 },
          .titles_w = x0 > 0 ? titles_w : 0,
          .headers_h = y0 > 0 ? headers_h : 0,
          .row = r,
          .column = c,
        };

        g_array_append_val (pages, page);
      }
  return pages;
}

void
jm_map_page_get_size (const JmMapPage *page,
                      double          *width,
                      double          *height)
{
  g_return_if_fail (page != NULL);

  if (width)
    *width = page->titles_w + page->tile.width;
  if (height)
    *height = page->headers_h + page->tile.height;
}

/* The map's region from, painted at (x, y) of the page, clipped to it. */
static void
paint_part (JmLayout     *layout,
            cairo_t      *cr,
            const JmRect *from,
            double        x,
            double        y)
{
  if (from->width <= 0 || from->height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, from->width, from->height);
  cairo_clip (cr);
  cairo_translate (cr, x - from->x, y - from->y);
  jm_painter_paint (layout, cr, from, 1.0);
  cairo_restore (cr);
}

void
jm_map_page_paint (JmLayout        *layout,
                   const JmMapPage *page,
                   cairo_t         *cr)
{
  const JmRect *t;
  double band_y;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (page != NULL && cr != NULL);

  t = &page->tile;
  band_y = layout->stages_y;
  paint_part (layout, cr, t, page->titles_w, page->headers_h);
  if (page->titles_w > 0)
    paint_part (layout, cr, &(JmRect) { 0, t->y, page->titles_w, t->height }, 0, page->headers_h);
  if (page->headers_h > 0)
    paint_part (layout, cr, &(JmRect) { t->x, band_y, t->width, page->headers_h }, page->titles_w, 0);
  if (page->titles_w > 0 && page->headers_h > 0)
    paint_part (layout, cr, &(JmRect) { 0, band_y, page->titles_w, page->headers_h }, 0, 0);

  /* A lane taller than a page goes on from the page above: its title
   * again at the top of the titles. */
  if ((page->titles_w > 0 || t->x == 0) && layout->n_columns > 0)
    for (guint r = 0; r < layout->rows->len; r++)
      {
        JmRow *row = g_ptr_array_index (layout->rows, r);
        double title_h = MIN (row->height, JM_EMOTION_H);

        if (row->y < t->y && row->y + row->height > t->y + title_h && title_h <= t->height)
          {
            paint_part (layout, cr, &(JmRect) { 0, row->y, layout->grid_x, title_h }, 0, page->headers_h);
            break;
          }
      }
}
