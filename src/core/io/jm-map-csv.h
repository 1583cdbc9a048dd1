/* jm-map-csv.h — the whole map as data: a long-form CSV with one row per
 * record (the map, each persona, stage, step, lane, card, metric and
 * emotion score), the shape a spreadsheet or a BI tool pivots, and read
 * back into the same map. The header row tells it apart from the other
 * CSV files jm-import.c reads (a grid, survey responses).
 *
 * Columns, in this order (a reader finds them by name):
 *   record, stage, column, step, lane, lane_kind, text, span, channel,
 *   moment_of_truth, severity, priority, owner, evidence, personas, state,
 *   score, metric_kind, metric_name, metric_unit, metric_better,
 *   metric_value, metric_target, metric_sample, metric_date
 *
 * Rows come in this order: the map (text: its title; state), the personas
 * (personas: the name), then per stage a stage row, its own metrics and
 * its steps (column: 1, 2… across the whole map), then per lane a lane row
 * and its cards, each followed by its metrics, then the emotion scores
 * (personas: whose; state: as-is or to-be; column: the step). A card's
 * personas are its personas' names joined by "; " (empty: all). A card's
 * metric belongs to the card row before it; a stage's to its stage. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

/* TRUE when the CSV's header is this long form's. */
gboolean    jm_map_csv_looks_like  (const char  *data,
                                    gsize        len);

/* A new map with an empty history, or NULL; see jm_mermaid_load_bytes()
 * for problems and error. */
JmDocument *jm_map_csv_load_bytes  (const char  *display_name,
                                    const char  *data,
                                    gsize        len,
                                    GPtrArray  **problems,
                                    GError     **error);

/* The whole map in long form (comma-separated, a trailing newline). */
char       *jm_map_csv_to_string   (JmDocument  *document,
                                    gsize       *len);
/* Writes it atomically. */
gboolean    jm_map_csv_save_path   (JmDocument  *document,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
