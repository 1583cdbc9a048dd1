/* jm-text-fit.h — how tall a card's text is, told without laying the text
 * out when that can be told for certain.
 *
 * Pango wraps a paragraph by shaping it again for every line and for every
 * break it weighs near a line's end: a card of five lines costs ~480,000
 * instructions, and a map of 100,000 cards seconds. Most cards' texts are
 * plain words between single spaces; where nothing kerns across a space
 * (checked for each pair of letters met there), a line is exactly as wide
 * as the sum of its words, each shaped once for the whole map, and the
 * line breaks follow from those sums. For any other text this says it
 * cannot tell, and the caller lays the text out with Pango: the height is
 * Pango's either way (tests/render/test-text-fit.c compares the two). */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _JmTextFit JmTextFit;

/* For texts laid out as template is (its context, font, wrap, ellipsis and
 * line limit are copied; its text and width are not used). A template with
 * a negative height (at most that many lines) is the only kind supported. */
JmTextFit *jm_text_fit_new    (PangoLayout *template);
void       jm_text_fit_free   (JmTextFit   *fit);

/* The height in pixels pango_layout_get_pixel_size gives for text laid out
 * as the template at width (Pango units), or -1 when it cannot be told for
 * certain without Pango. */
int        jm_text_fit_height (JmTextFit   *fit,
                               const char  *text,
                               int          width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmTextFit, jm_text_fit_free)

G_END_DECLS
