/* jm-outline.h — a journey map as a readable outline, one object per line,
 * always the same for the same map: what `git diff` shows of a map through
 * `journey-maps --textconv`. */
#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

/* The map's fields, then each persona and lane, then each stage with its
 * metrics and steps, under each step the cards that start there lane by
 * lane (with their metrics) and the emotion scores, then the conflicts.
 * Labels in the current language. */
char *jm_outline_to_string (JmDocument *document);

G_END_DECLS
