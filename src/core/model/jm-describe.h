/* jm-describe.h — an object of a map in words, for whoever cannot see the
 * map: a screen reader hearing the canvas's focus move, the outline's rows.
 * The name says what the object is and holds; the context says where it
 * is (stage, step, lane). Both in the interface's language. GTK-free. */
#pragma once

#include "jm-selection.h"

G_BEGIN_DECLS

/* The object's name, e.g. "Pain point, severity high: Packaging cannot be
 * opened without scissors" or "Giulia Bianchi, as is: −2 (very unhappy)". */
char *jm_describe_name    (JmDocument    *document,
                           const JmFocus *focus);
/* Where it is, e.g. "stage Unboxing and use, step Opens the package, lane
 * Pain points". Empty for the map itself. */
char *jm_describe_context (JmDocument    *document,
                           const JmFocus *focus);
/* A metric with its target and how it fares, and whose it is: "CSAT 22 %,
 * target 80 %, red — touchpoint Pays at the till". Empty for an unknown id. */
char *jm_describe_metric  (JmDocument    *document,
                           const char    *metric_id);
/* An emotion score in words: "−2 (very unhappy)", "+0.5 (neutral)". */
char *jm_describe_score   (double         score);

G_END_DECLS
