/* test-poster.c — posters by sheets across: the map fills that many sheets
 * across, no row or column of sheets is mostly empty, and every part of
 * the map is on a sheet, whatever the paper and the overlap; glue zones on
 * the strips the next sheets cover; sheets named "B3"; a PDF poster's page
 * map, read back with pdftotext, in the map's language. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "jm-export.h"
#include "jm-poster.h"
#include "jm-reader.h"
#include "jm-test-utils.h"

/* A4, A3 and Letter, upright, in points. */
static const double papers[][2] = { { 595.276, 841.89 }, { 841.89, 1190.55 }, { 612, 792 } };
static const double overlaps_mm[] = { 0, 10, 30 };

/* The planner's promises for one map size, paper, overlap and sheets
 * across: that many sheets across, no row or column of sheets more than
 * 80 % empty, and every part of the map on a sheet. */
static void
check_grid (double w,
            double h,
            guint  p,
            guint  o,
            guint  across)
{
  double overlap = overlaps_mm[o] * JM_POINTS_PER_MM;
  JmPosterGrid grid;
  double cw, ch;
  JmRect first, last;
  guint n;

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

/* Every example map, in every language it ships in. */
static GPtrArray *
example_names (void)
{
  g_autofree char *any = jm_test_example_path ("online-shop.journey");
  g_autofree char *dir_path = g_path_get_dirname (any);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >=, 3);
  return names;
}

static void
test_sheets_across_leave_no_near_empty_row_or_column (void)
{
  g_autoptr(GPtrArray) examples = example_names ();

  for (guint e = 0; e < examples->len; e++)
    {
      const char *example = examples->pdata[e];
      g_autoptr(JmDocument) doc = jm_test_load_example (example);
      g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
      double w, h;

      jm_layout_get_size (layout, &w, &h);
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        for (guint o = 0; o < G_N_ELEMENTS (overlaps_mm); o++)
          for (guint across = 1; across <= 6; across++)
            {
              g_test_message ("%s paper %u overlap %g mm, %u across", example, p, overlaps_mm[o], across);
              check_grid (w, h, p, o, across);
            }
    }
}

/* The large benchmark map, as jm-bench --write-maps writes it (about a
 * second), when the benchmark is built: its size in map units. */
static gboolean
large_benchmark_map_size (double *w,
                          double *h)
{
  g_autofree char *bench = g_build_filename (g_getenv ("JM_BUILD_ROOT"), "bench", "jm-bench", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = NULL;
  g_autoptr(JmLayout) layout = NULL;
  const char *argv[] = { bench, "--write-maps", NULL, NULL };
  int status = 0;

  if (!g_file_test (bench, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  dir = g_dir_make_tmp ("jm-poster-bench-XXXXXX", NULL);
  argv[2] = dir;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  path = g_build_filename (dir, "large.journey", NULL);
  doc = jm_reader_load_path (path, NULL, &error);
  g_assert_no_error (error);
  layout = jm_layout_new (doc, NULL);
  jm_layout_get_size (layout, w, h);
  for (const char *const *name = (const char *const[]) { "small.journey", "large.journey", "huge.journey", NULL };
       *name != NULL; name++)
    {
      g_autofree char *file = g_build_filename (dir, *name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  return TRUE;
}

/* Maps of other shapes than the examples': the large benchmark map, the
 * huge one's shape (17,680 × 25,873), a very wide one (a long journey of
 * few lanes), a square one and a tall one. A single row of sheets under a
 * very wide map is mostly empty whatever one does, so each shape is held
 * to the promise from the number of sheets across that can fill a row a
 * fifth (on sheets turned to the long side) up to six. */
static void
test_sheets_across_suit_wide_and_tall_maps (void)
{
  double sizes[][2] = { { 7240, 7863 }, { 17680, 25873 }, { 21000, 1900 }, { 9000, 2500 },
                        { 3000, 3000 }, { 1400, 6000 } };

  if (large_benchmark_map_size (&sizes[0][0], &sizes[0][1]))
    g_test_message ("the large benchmark map: %g × %g", sizes[0][0], sizes[0][1]);
  else
    g_test_message ("jm-bench is not built: the large benchmark map's size as last measured");

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
      for (guint o = 0; o < G_N_ELEMENTS (overlaps_mm); o++)
        {
          double w = sizes[z][0], h = sizes[z][1];
          double longest = MAX (papers[p][0], papers[p][1]) - 2 * JM_POSTER_MARGIN;
          double shortest = MIN (papers[p][0], papers[p][1]) - 2 * JM_POSTER_MARGIN;
          guint from = 1;

          while (from * longest / w * h < 0.2 * shortest)
            from++;
          for (guint across = from; across <= 6; across++)
            {
              g_test_message ("%g × %g paper %u overlap %g mm, %u across", w, h, p, overlaps_mm[o], across);
              check_grid (w, h, p, o, across);
            }
        }
}

/* Each sheet shades the strip its right neighbour covers and the strip
 * its lower neighbour covers, and nothing else: the same part of the map
 * starts the neighbour's piece, where it shows uncovered. */
static void
test_glue_zones_are_on_the_strips_the_next_sheets_cover (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
  double w, h, overlap = 12 * JM_POINTS_PER_MM;
  JmPosterGrid grid;
  guint n;

  jm_layout_get_size (layout, &w, &h);
  g_assert_true (jm_poster_grid_init_across (&grid, w, h, papers[0][0], papers[0][1], JM_POSTER_MARGIN, 3, overlap));
  g_assert_true (grid.glue_zones);
  g_assert_cmpuint (grid.rows, >, 1);
  n = jm_poster_grid_get_n_sheets (&grid);

  for (guint i = 0; i < n; i++)
    {
      guint row = i / grid.columns, col = i % grid.columns, k = 0;
      JmRect zones[2], piece;
      guint count = jm_poster_grid_get_glue_zones (&grid, i, zones);

      jm_poster_grid_get_piece (&grid, i, &piece);
      g_assert_cmpuint (count, ==, (col + 1 < grid.columns) + (row + 1 < grid.rows));
      if (col + 1 < grid.columns)
        {
          JmRect next;

          jm_poster_grid_get_piece (&grid, i + 1, &next);
          /* Along the right edge of the piece, as wide as the overlap. */
          g_assert_cmpfloat (fabs (zones[k].x + zones[k].width - (grid.margin + grid.piece_width)), <, 1e-6);
          g_assert_cmpfloat (fabs (zones[k].width - overlap), <, 1e-6);
          g_assert_cmpfloat (zones[k].y, ==, grid.margin);
          g_assert_cmpfloat (fabs (zones[k].height - grid.piece_height), <, 1e-6);
          /* Its part of the map is where the next sheet's piece starts. */
          g_assert_cmpfloat (fabs (piece.x + (zones[k].x - grid.margin) / grid.scale - next.x), <, 1e-6);
          k++;
        }
      if (row + 1 < grid.rows)
        {
          JmRect below;

          jm_poster_grid_get_piece (&grid, i + grid.columns, &below);
          g_assert_cmpfloat (fabs (zones[k].y + zones[k].height - (grid.margin + grid.piece_height)), <, 1e-6);
          g_assert_cmpfloat (fabs (zones[k].height - overlap), <, 1e-6);
          g_assert_cmpfloat (zones[k].x, ==, grid.margin);
          g_assert_cmpfloat (fabs (piece.y + (zones[k].y - grid.margin) / grid.scale - below.y), <, 1e-6);
          k++;
        }
      /* Never on the left or top strip, which shows what the previous
       * sheet's glue zone hides. */
      for (guint z = 0; z < count; z++)
        {
          g_assert_true (zones[z].x > grid.margin + 1e-6 || zones[z].y > grid.margin + 1e-6);
          g_assert_cmpfloat (zones[z].x + zones[z].width, <=, grid.margin + grid.piece_width + 1e-6);
          g_assert_cmpfloat (zones[z].y + zones[z].height, <=, grid.margin + grid.piece_height + 1e-6);
        }
    }

  /* No overlap, nothing to glue. */
  g_assert_true (jm_poster_grid_init_across (&grid, w, h, papers[0][0], papers[0][1], JM_POSTER_MARGIN, 3, 0));
  for (guint i = 0; i < jm_poster_grid_get_n_sheets (&grid); i++)
    {
      JmRect zones[2];

      g_assert_cmpuint (jm_poster_grid_get_glue_zones (&grid, i, zones), ==, 0);
    }
}

static void
test_sheets_are_named_by_column_letter_and_row_number (void)
{
  JmPosterGrid grid = { 0 };
  static const struct { guint sheet; const char *name; } names[] = {
    { 0, "A1" }, { 1, "B1" }, { 25, "Z1" }, { 26, "AA1" }, { 27, "A2" }, { 28, "B2" }, { 54, "A3" },
  };

  grid.columns = 27;
  grid.rows = 3;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = jm_poster_grid_get_sheet_name (&grid, names[i].sheet);

      g_assert_cmpstr (name, ==, names[i].name);
    }
}

static char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  GString *joined = g_string_new (NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (text);
  /* Words joined by single spaces, so that lines broken anywhere match. */
  words = g_strsplit_set (text, " \n\t\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (joined, "%s ", words[i]);
  return g_string_free (joined, FALSE);
}

/* A PDF poster starts with its page map: the heading, and every sheet's
 * number and name; each sheet then names itself and its glue zones name
 * the sheet laid over them. In the map's language. */
static void
test_pdf_poster_starts_with_a_page_map_in_the_maps_language (void)
{
  static const struct {
    const char *lang, *heading, *sheet, *glue, *glue_tail;
  } langs[] = {
    { "en", "How the sheets go together", "Sheet 1 · A1", "glue — A2 goes over this strip", "goes over this strip" },
    { "it", "Come si uniscono i fogli", "Foglio 1 · A1", "colla — A2 va sopra questa striscia",
      "va sopra questa striscia" },
  };
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-poster-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "poster.pdf", NULL);
  g_autofree char *prog = g_find_program_in_path ("pdftotext");

  if (prog == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is needed");
      g_rmdir (dir);
      return;
    }

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      JmExportOptions options;
      g_autoptr(GError) error = NULL;
      g_autofree char *map = NULL, *first = NULL, *last = NULL;
      guint sheets, columns, rows;

      jm_export_options_init (&options);
      options.poster_columns = 3;
      options.language = langs[l].lang;
      sheets = jm_export_count_poster_sheets (doc, &options, &columns, &rows);
      g_assert_cmpuint (columns, ==, 3);
      g_assert_cmpuint (rows, >, 1);
      g_assert_cmpuint (sheets, ==, columns * rows);
      g_assert_true (jm_export_to_path (doc, pdf, &options, &error));
      g_assert_no_error (error);

      map = pdf_page_text (pdf, 1);
      g_test_message ("%s", map);
      g_assert_nonnull (strstr (map, langs[l].heading));
      for (guint i = 0; i < sheets; i++)
        {
          g_autofree char *name = g_strdup_printf ("%u %c%u ", i + 1, 'A' + i % columns, i / columns + 1);

          g_assert_nonnull (strstr (map, name));
        }

      first = pdf_page_text (pdf, 2);
      g_assert_nonnull (strstr (first, langs[l].sheet));
      g_assert_nonnull (strstr (first, langs[l].glue));
      /* The last sheet is covered by no other. */
      last = pdf_page_text (pdf, 1 + sheets);
      g_assert_null (strstr (last, langs[l].glue_tail));

      /* Left out when asked. */
      options.poster_page_map = FALSE;
      g_assert_true (jm_export_to_path (doc, pdf, &options, &error));
      g_clear_pointer (&map, g_free);
      map = pdf_page_text (pdf, 1);
      g_assert_null (strstr (map, langs[l].heading));
      g_assert_nonnull (strstr (map, langs[l].sheet));
    }
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  jm_test_bind_translations ();

  g_test_add_func ("/poster/sheets-across-leave-no-near-empty-row-or-column",
                   test_sheets_across_leave_no_near_empty_row_or_column);
  g_test_add_func ("/poster/sheets-across-suit-wide-and-tall-maps", test_sheets_across_suit_wide_and_tall_maps);
  g_test_add_func ("/poster/glue-zones-are-on-the-strips-the-next-sheets-cover",
                   test_glue_zones_are_on_the_strips_the_next_sheets_cover);
  g_test_add_func ("/poster/sheets-are-named-by-column-letter-and-row-number",
                   test_sheets_are_named_by_column_letter_and_row_number);
  g_test_add_func ("/poster/pdf-starts-with-a-page-map-in-the-maps-language",
                   test_pdf_poster_starts_with_a_page_map_in_the_maps_language);
  return g_test_run ();
}
