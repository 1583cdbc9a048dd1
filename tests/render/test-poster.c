/* test-poster.c — posters by sheets across: the map fills that many sheets
 * across, no row or column of sheets is mostly empty, and every part of
 * the map is on a sheet, whatever the paper and the overlap. */
#include "config.h"

#include <math.h>

#include "jm-poster.h"
#include "jm-test-utils.h"

static void
test_sheets_across_leave_no_near_empty_row_or_column (void)
{
  static const char *examples[] = {
    "bike-shop-vs-food-delivery.journey", "restaurant-regular.journey", "online-shop.journey",
  };
  /* A4, A3 and Letter, upright, in points. */
  static const double papers[][2] = { { 595.276, 841.89 }, { 841.89, 1190.55 }, { 612, 792 } };
  static const double overlaps_mm[] = { 0, 10, 30 };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(JmDocument) doc = jm_test_load_example (examples[e]);
      g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
      double w, h;

      jm_layout_get_size (layout, &w, &h);
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        for (guint o = 0; o < G_N_ELEMENTS (overlaps_mm); o++)
          for (guint across = 1; across <= 6; across++)
            {
              double overlap = overlaps_mm[o] * JM_POINTS_PER_MM;
              JmPosterGrid grid;
              double cw, ch;
              JmRect first, last;
              guint n;

              g_test_message ("%s paper %u overlap %g mm, %u across", examples[e], p, overlaps_mm[o], across);
              g_assert_true (jm_poster_grid_init_across (&grid, w, h, papers[p][0], papers[p][1],
                                                         JM_POSTER_MARGIN, across, overlap));
              g_assert_cmpuint (grid.columns, ==, across);
              cw = grid.sheet_width - 2 * grid.margin;
              ch = grid.sheet_height - 2 * grid.margin;

              /* No row or column of sheets more than 80 % empty. */
              g_assert_cmpfloat ((grid.columns > 1 ? grid.piece_width : w * grid.scale) / cw, >=, 0.2);
              g_assert_cmpfloat ((grid.rows > 1 ? grid.piece_height : h * grid.scale) / ch, >=, 0.2);
              g_assert_cmpfloat (grid.piece_width, <=, cw + 1e-6);
              g_assert_cmpfloat (grid.piece_height, <=, ch + 1e-6);

              /* Every part of the map on a sheet: pieces start at 0, meet or
               * overlap, and reach the far edges. */
              n = jm_poster_grid_get_n_sheets (&grid);
              jm_poster_grid_get_piece (&grid, 0, &first);
              jm_poster_grid_get_piece (&grid, n - 1, &last);
              g_assert_cmpfloat (first.x, ==, 0);
              g_assert_cmpfloat (first.y, ==, 0);
              g_assert_cmpfloat (last.x + last.width, >=, w);
              g_assert_cmpfloat (last.y + last.height, >=, h);
              for (guint i = 0; i + 1 < n; i++)
                {
                  JmRect a, b;

                  jm_poster_grid_get_piece (&grid, i, &a);
                  jm_poster_grid_get_piece (&grid, i + 1, &b);
                  if ((i + 1) % grid.columns != 0)
                    g_assert_cmpfloat (b.x, <=, a.x + a.width + 1e-9);
                }
              for (guint i = 0; i + grid.columns < n; i++)
                {
                  JmRect a, b;

                  jm_poster_grid_get_piece (&grid, i, &a);
                  jm_poster_grid_get_piece (&grid, i + grid.columns, &b);
                  g_assert_cmpfloat (b.y, <=, a.y + a.height + 1e-9);
                }
            }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/poster/sheets-across-leave-no-near-empty-row-or-column",
                   test_sheets_across_leave_no_near_empty_row_or_column);
  return g_test_run ();
}
