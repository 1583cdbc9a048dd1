/* jm-writer.h — writing a document in the canonical .journey form, and
 * saving it atomically. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

/* The current version of the file format. */
#define JM_FORMAT_VERSION 1
#define JM_NAMESPACE "urn:journey-maps:1"

/* The canonical XML of the document; *len (optional) gets its length. */
char     *jm_writer_to_string (JmDocument  *document,
                               gsize       *len);
/* Cards (JmCard*) as a <journey-cards> fragment, for the clipboard. */
/* Personas (JmPersona*) as a <journey-personas> fragment, for the clipboard. */
char     *jm_writer_personas_to_string (GPtrArray *personas,
                                        gsize     *len);
char     *jm_writer_cards_to_string (GPtrArray *cards,
                                     gsize     *len);
/* Writes to a temporary file beside path, flushes it to disk and renames it
 * over path. On failure path is untouched and nothing is left behind. */
gboolean  jm_writer_save_path (JmDocument  *document,
                               const char  *path,
                               GError     **error);

G_END_DECLS
