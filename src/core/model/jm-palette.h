/* jm-palette.h — the colours offered for stages: the eight hues of the
 * Okabe–Ito set, which readers with any common colour-vision deficiency
 * can tell apart, each with a name for screen readers. A stage stores its
 * colour as "#rrggbb"; new stages and stages read without one get one of
 * these (jm_document_suggest_stage_color). The painter writes a stage's
 * name in white or black, whichever reads better on its colour
 * (jm_theme_text_on), so these and any custom colour meet WCAG AA. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JM_STAGE_PALETTE_SIZE 8

/* "#0072b2"…, lower case as the writer keeps it. */
const char *jm_stage_palette_color (guint       index);
/* "Blue"…, translated. */
const char *jm_stage_palette_name  (guint       index);
/* The palette index of a "#rrggbb" colour (any case), or -1. */
int         jm_stage_palette_find  (const char *color);

G_END_DECLS
