/* jm-pdf-text.h — the tagged, readable part of a PDF export. A PDF's map
 * page is a picture whose text reads in the order it is painted; after it
 * come pages that say the map in reading order, tagged (cairo 1.16's
 * structure tags) so that a screen reader and text extraction find: the
 * title (H1), each stage (H2) with its steps (H3), each step's cards lane
 * by lane (one P each, the card's sentence whole), the emotion curves as
 * text (each persona's score at each step) and the metrics with their
 * targets. */
#pragma once

#include <cairo.h>

#include "jm-layout.h"

G_BEGIN_DECLS

/* Draws the text pages on cr, a PDF surface's context, each ended with
 * cairo_show_page(); page_width × page_height in points. Tags are opened
 * and closed here; the caller wraps the whole in "Document". */
void      jm_pdf_text_draw     (JmLayout   *layout,
                                cairo_t    *cr,
                                double      page_width,
                                double      page_height);

/* How many pages jm_pdf_text_draw() makes. */
guint     jm_pdf_text_count_pages (JmLayout *layout,
                                   double    page_width,
                                   double    page_height);

/* /Lang for the PDF's catalog: cairo 1.16 has no way to set it, so it is
 * appended as an incremental update (PDF 1.7, 7.5.6) of the catalog, read
 * from the end of what cairo wrote. tail: the last bytes written, total:
 * how many in all. A newly allocated update to append, or NULL when the
 * tail does not hold what is needed (then the PDF stays without /Lang). */
GBytes   *jm_pdf_lang_update   (const char *tail,
                                gsize       tail_len,
                                guint64     total,
                                const char *language);

G_END_DECLS
