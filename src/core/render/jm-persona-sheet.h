/* jm-persona-sheet.h — a persona's sheet and the map's one-page summary
 * handout, drawn from a layout (its theme, language and view) on any cairo
 * context: the exports (PDF, PNG), printing and the window's previews. */
#pragma once

#include <cairo.h>

#include "jm-layout.h"

G_BEGIN_DECLS

/* A4 and Letter portrait in map units (96 per inch). */
#define JM_SHEET_A4_WIDTH      793.7
#define JM_SHEET_A4_HEIGHT     1122.5
#define JM_SHEET_LETTER_WIDTH  816.0
#define JM_SHEET_LETTER_HEIGHT 1056.0

/* The sheets and the handout tag what they draw for a tagged PDF. cairo
 * 1.16 refuses the whole PDF ("invalid tag nesting") when a structure
 * element holds a paint, or a fill it turns into one (a rectangle covering
 * the page): the pages avoid both, and should cairo refuse anyway, an
 * export draws them again untagged, after this, rather than fail. */
void jm_page_set_untagged  (cairo_t    *cr);

/* One page for the persona: photo, name, age, occupation, quote, bio,
 * goals, needs, frustrations, interests and hobbies, preferred channels
 * and the persona's emotion curve across the stages, in a page of
 * width × height map units from the context's origin. Long lists end in
 * "and N more" so that the sheet is always one page. */
void jm_persona_sheet_draw (JmLayout   *layout,
                            cairo_t    *cr,
                            const char *persona_id,
                            double      width,
                            double      height);

/* jm-handout.c: the map on one page: title, scenario, the personas one a
 * line, the emotion curves across the stages, the top pain points by
 * severity, the top opportunities by priority with their owners, and each
 * metric against its target. Whatever the map, it fits: lists end in "and
 * N more". */
void jm_handout_draw       (JmLayout   *layout,
                            cairo_t    *cr,
                            double      width,
                            double      height);

/* The pain points the handout lists, most severe first, ties in the map's
 * order (lane by lane, card by card): JmCard*, borrowed. */
GPtrArray *jm_handout_get_pain_points    (JmLayout *layout);
/* The opportunities, highest priority first, ties in the map's order. */
GPtrArray *jm_handout_get_opportunities  (JmLayout *layout);

G_END_DECLS
