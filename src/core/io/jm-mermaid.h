/* jm-mermaid.h — Mermaid's user journey diagrams, in and out. A `journey`
 * (from a .mmd file, or the first ```mermaid block of a Markdown file)
 * becomes a new map: its title, sections as stages, tasks as steps with a
 * card in an actions lane, actors as personas, each task's score (1–5) as
 * its actors' emotion (−2…+2). A map becomes a `journey` the same way
 * back, with what Mermaid cannot hold listed in a comment at the top. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

/* TRUE when the text is a Mermaid journey: after front matter, comments
 * and directives, its first word is "journey". */
gboolean    jm_mermaid_is_journey      (const char  *data,
                                        gsize        len);
/* TRUE when the text holds a ```mermaid (or ~~~mermaid) block. */
gboolean    jm_mermaid_has_markdown_block (const char *data,
                                           gsize       len);

/* A new map with an empty history, or NULL; then *error says what went
 * wrong first ("FILE:LINE: message", lines of the file read, Markdown or
 * not) and *problems holds every problem. On success *problems (when
 * given) gets the warnings, or NULL when there are none. With markdown,
 * the first mermaid block of data is read. */
JmDocument *jm_mermaid_load_bytes      (const char  *display_name,
                                        const char  *data,
                                        gsize        len,
                                        gboolean     markdown,
                                        GPtrArray  **problems,
                                        GError     **error);

/* The map as a Mermaid journey, of its current curve (as-is, or to-be for
 * a to-be map). */
char       *jm_mermaid_to_string       (JmDocument  *document,
                                        gsize       *len);
/* Writes it atomically. */
gboolean    jm_mermaid_save_path       (JmDocument  *document,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
