/* jm-painter-private.h — the painter's drawing helpers that the other
 * pages drawn from a map share with it (persona sheets, the summary
 * handout), so that a face, a photo or a persona's colour looks the same
 * on the map and on every page. Only render/ uses it. */
#pragma once

#include <cairo.h>

#include "jm-layout.h"

G_BEGIN_DECLS

void             jm_painter_rounded_rect  (cairo_t             *cr,
                                           double               x,
                                           double               y,
                                           double               w,
                                           double               h,
                                           double               r);
/* The persona's own colour, or the palette's for its place in the map. */
JmColor          jm_painter_persona_color (JmTheme              theme,
                                           const JmPersona     *persona,
                                           guint                index);
/* A photo or image decoded once and kept on the layout; NULL for none or
 * broken data. */
cairo_surface_t *jm_painter_get_image     (JmLayout            *layout,
                                           GBytes              *bytes,
                                           const char          *type);
/* The image covering the box, clipped to a circle or a rounded rectangle. */
void             jm_painter_draw_image_in (cairo_t             *cr,
                                           cairo_surface_t     *image,
                                           double               x,
                                           double               y,
                                           double               w,
                                           double               h,
                                           gboolean             circle);
/* An emotion face of radius 12 at (x, y): smiling at +2, frowning at −2;
 * a thin ring for the "to be" curve; without detail, only the ring. */
void             jm_painter_draw_face     (cairo_t             *cr,
                                           const JmThemeColors *colors,
                                           gboolean             detail,
                                           double               x,
                                           double               y,
                                           double               score,
                                           JmColor              color,
                                           gboolean             future);

/* jm-page.c: what the pages drawn from a map (persona sheets, the
 * handout) share. Text in the map's font wrapped to width, at most
 * max_lines (0: all) ending in an ellipsis, inside the PDF structure tag
 * (NULL: none; other surfaces ignore tags); returns its height. */
double           jm_page_draw_text        (JmLayout            *layout,
                                           cairo_t             *cr,
                                           const char          *tag,
                                           const char          *text,
                                           double               size,
                                           gboolean             bold,
                                           gboolean             italic,
                                           double               x,
                                           double               y,
                                           double               width,
                                           int                  max_lines,
                                           JmColor              color);
/* PDF structure tags, unless jm_page_set_untagged() (jm-persona-sheet.h)
 * was called on cr. */
void             jm_page_tag_begin        (cairo_t             *cr,
                                           const char          *tag);
void             jm_page_tag_end          (cairo_t             *cr,
                                           const char          *tag);
/* The height that text would take. */
double           jm_page_measure_text     (JmLayout            *layout,
                                           const char          *text,
                                           double               size,
                                           gboolean             bold,
                                           double               width,
                                           int                  max_lines);
/* The page's ground, and its footer: the map's title on the left, "Journey
 * Maps · date" on the right, in the map's language. */
void             jm_page_draw_frame       (JmLayout            *layout,
                                           cairo_t             *cr,
                                           double               width,
                                           double               height);

/* "and 3 more": the end of a list cut short to fit a page. */
char            *jm_page_and_more         (JmLayout            *layout,
                                           guint                n);

/* The emotion curves across every step of the map,
 * in area (map units): +2 / 0 / −2 on the left, one point per step with
 * the map's faces, as is solid and to be dashed (when the map has any),
 * the steps' stages named under the chart in their colours. persona_id
 * NULL: every persona the layout shows, each in its colour. Returns the
 * height used (area's height). */
void             jm_emotion_chart_draw    (JmLayout            *layout,
                                           cairo_t             *cr,
                                           const JmRect        *area,
                                           const char          *persona_id);

G_END_DECLS
