/* jm-grid.h — a map as a grid in a CSV file, as people lay one out in a
 * spreadsheet: the first column names the lanes (with their kind in
 * brackets: "Pain points [pain-points]"), a header row names the steps,
 * an optional row above it names the stages (over the first step of
 * each), and the cells hold the cards' texts; a row whose first cell is
 * empty continues the lane above (a second card in a cell). */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

/* TRUE when the CSV looks like a grid: its first cell is empty (or says
 * "Stage", "Step", "Lane"…), or a lane names its kind in brackets. */
gboolean    jm_grid_looks_like  (const char  *data,
                                 gsize        len);

/* A new map with an empty history, or NULL; see jm_mermaid_load_bytes()
 * for problems and error. */
JmDocument *jm_grid_load_bytes  (const char  *display_name,
                                 const char  *data,
                                 gsize        len,
                                 GPtrArray  **problems,
                                 GError     **error);

/* The map's stages, steps, lanes and cards as a grid (comma-separated). */
char       *jm_grid_to_string   (JmDocument  *document,
                                 gsize       *len);
/* Writes it atomically. */
gboolean    jm_grid_save_path   (JmDocument  *document,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
