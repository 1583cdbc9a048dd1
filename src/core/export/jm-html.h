/* jm-html.h — the map as one self-contained, accessible web page: the
 * painter's picture as inline SVG (in a scrolling region of its own), then
 * the map as semantic HTML in the map's language — the title (h1), the
 * scenario, the personas with every field, each stage (h2) with its steps
 * (h3) and, per lane (h4), a list of its cards; a table of emotion scores
 * per persona per step and the metrics table with targets and their status
 * in words. CSS inline, readable on a phone, printable. No GTK. */
#pragma once

#include "jm-export.h"

G_BEGIN_DECLS

/* The page as UTF-8 text. options: as for jm_export_to_path() (theme,
 * persona, view, language); NULL for the defaults. */
char     *jm_html_to_string   (JmDocument            *document,
                               const JmExportOptions *options,
                               gsize                 *len);
/* Writes it atomically: nothing is left at path on failure. */
gboolean  jm_html_save_path   (JmDocument            *document,
                               const char            *path,
                               const JmExportOptions *options,
                               GError               **error);

G_END_DECLS
