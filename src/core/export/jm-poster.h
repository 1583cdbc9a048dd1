/* jm-poster.h — a map on paper: fitted to one sheet, or tiled as a poster
 * across several sheets that overlap, with cut marks, glue zones on the
 * strips a neighbour covers, each sheet's name ("B3") and its neighbours'
 * in the margins, and a page-map sheet showing how the sheets go together.
 * The PDF export and printing both draw through these, so a printed
 * poster and an exported one are the same. */
#pragma once

#include <cairo.h>

#include "jm-layout.h"

G_BEGIN_DECLS

/* Map units are pixels at 96 dpi; paper is measured in points (72 per inch). */
#define JM_POINTS_PER_UNIT   0.75
#define JM_POINTS_PER_MM     (72.0 / 25.4)
/* Room around the map's piece on a poster sheet, for cut marks and the label. */
#define JM_POSTER_MARGIN     (10 * JM_POINTS_PER_MM)
#define JM_POSTER_OVERLAP    (10 * JM_POINTS_PER_MM)
/* More sheets than this is a mistake, not a poster. */
#define JM_POSTER_MAX_SHEETS 1000

typedef struct {
  double map_width;     /* the map, in map units */
  double map_height;
  double sheet_width;   /* the usable area of a sheet, in points */
  double sheet_height;
  double margin;        /* points between the sheet's edge and the map's piece */
  double scale;         /* points per map unit */
  double overlap;       /* points each piece shares with the next */
  double piece_width;   /* the map's piece on each sheet, in points */
  double piece_height;
  guint  columns;
  guint  rows;
  gboolean glue_zones;  /* shade the strips the next sheets cover (on by default) */
} JmPosterGrid;

/* Above this many sheets, printing asks before it prints. */
#define JM_POSTER_ASK_ABOVE_SHEETS 20

/* Computes how a map_width × map_height map (map units), drawn at scale
 * points per map unit, tiles onto sheets of sheet_width × sheet_height
 * points. FALSE (and a grid of no sheets) when the sheet leaves no room for
 * a piece larger than the overlap, or the poster would need more than
 * JM_POSTER_MAX_SHEETS sheets. */
gboolean jm_poster_grid_init       (JmPosterGrid       *grid,
                                    double              map_width,
                                    double              map_height,
                                    double              sheet_width,
                                    double              sheet_height,
                                    double              margin,
                                    double              scale,
                                    double              overlap);
/* The same for a poster columns sheets across: the scale that makes the
 * map's width fill them, on the sheets upright or turned (sheet_width and
 * sheet_height swap in the grid), whichever leaves the emptiest row or
 * column of sheets fuller. Every row and column is at least half full
 * when there are several. */
gboolean jm_poster_grid_init_across (JmPosterGrid      *grid,
                                     double             map_width,
                                     double             map_height,
                                     double             sheet_width,
                                     double             sheet_height,
                                     double             margin,
                                     guint              columns,
                                     double             overlap);
/* The same, the sheets as given (never turned): printing, where the
 * dialog's page setup fixes the orientation. */
gboolean jm_poster_grid_init_columns (JmPosterGrid     *grid,
                                      double            map_width,
                                      double            map_height,
                                      double            sheet_width,
                                      double            sheet_height,
                                      double            margin,
                                      guint             columns,
                                      double            overlap);
guint    jm_poster_grid_get_n_sheets (const JmPosterGrid *grid);
/* Sheet i's name: its column as letters and its row as a number, as a
 * spreadsheet names cells ("B3": second column, third row). */
char    *jm_poster_grid_get_sheet_name (const JmPosterGrid *grid,
                                        guint               sheet);
/* The glue zones of sheet i, in points from the sheet's top-left corner:
 * the strip along the right edge of its piece that the sheet to its right
 * covers, and the strip along the bottom that the sheet below covers
 * (none in the last column or row, none without overlap). Returns how
 * many (0 to 2), stored in zones. */
guint    jm_poster_grid_get_glue_zones (const JmPosterGrid *grid,
                                        guint               sheet,
                                        JmRect              zones[2]);
/* The part of the map sheet i (row by row) shows, in map units. */
void     jm_poster_grid_get_piece  (const JmPosterGrid *grid,
                                    guint               sheet,
                                    JmRect             *piece);
/* Draws sheet i on cr, whose origin is the sheet's top-left corner, in
 * points: the map's piece, its glue zones (when grid->glue_zones), cut
 * marks at its corners, its number and name in the top margin, its
 * neighbours' names beside arrows in the other margins, and a label
 * "TITLE — row r of R, column c of C — overlap N mm" in the bottom margin;
 * the words in the map's language. */
void     jm_poster_draw_sheet      (const JmPosterGrid *grid,
                                    JmLayout           *layout,
                                    cairo_t            *cr,
                                    guint               sheet,
                                    const char         *title);
/* Draws the page-map sheet, a sheet of the grid's size: "How the sheets
 * go together", the whole map small with the grid of sheets over it, each
 * numbered and named as it is on its sheet, and how to put them together;
 * in the map's language. */
void     jm_poster_draw_page_map   (const JmPosterGrid *grid,
                                    JmLayout           *layout,
                                    cairo_t            *cr,
                                    const char         *title);
/* Draws the whole map as large as fits in a width × height area at cr's
 * origin, centred. */
void     jm_poster_draw_fitted     (JmLayout           *layout,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height);

G_END_DECLS
