/* jm-map-pages.h — a map too large for one page, cut at its true size into
 * pages: between columns and between lanes where it can, every page after
 * the first column repeating the lane titles on its left and every page
 * below the first row repeating the stage and step headers above it, as
 * the canvas's frozen panes do, so each card says where it belongs. The
 * PDF export uses it for maps over PDF's largest page (200 inches): one
 * page is recorded whole before it is written, so pages also bound the
 * memory an export takes. */
#pragma once

#include <cairo.h>

#include "jm-layout.h"

G_BEGIN_DECLS

typedef struct {
  JmRect tile;          /* map units: the part of the map this page shows */
  double titles_w;      /* the lane titles' pane on its left (0: the tile holds them) */
  double headers_h;     /* the stage and step headers' pane above (0: the tile holds them) */
  guint  row;           /* the page's place in the grid, from 0 */
  guint  column;
} JmMapPage;

/* The pages, in reading order (left to right, then down), each at most
 * max_width × max_height map units with its panes. One page when the map
 * fits. */
GArray *jm_map_pages_plan (JmLayout *layout,
                           double    max_width,
                           double    max_height);

/* The page's size in map units. */
void    jm_map_page_get_size (const JmMapPage *page,
                              double          *width,
                              double          *height);

/* Paints the page with its panes at cr's origin, in map units. */
void    jm_map_page_paint (JmLayout        *layout,
                           const JmMapPage *page,
                           cairo_t         *cr);

G_END_DECLS
