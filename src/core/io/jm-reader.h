/* jm-reader.h — reading .journey files: a streaming parser that builds the
 * document as it goes, refuses what is unsafe, and checks the content. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

/* Limits on untrusted files. */
#define JM_MAX_FILE_BYTES (64 * 1024 * 1024)
#define JM_MAX_DEPTH      64
#define JM_MAX_TEXT_BYTES (1024 * 1024)
/* Of elements in other namespaces, kept as they are, in all. */
#define JM_MAX_FOREIGN_BYTES (4 * 1024 * 1024)

/* Returns the document with an empty, clean history, or NULL. Then *error
 * says what went wrong first ("FILE:LINE: message") and *problems (when
 * given) holds every problem found, JmProblem*. */
JmDocument *jm_reader_load_path  (const char  *path,
                                  GPtrArray  **problems,
                                  GError     **error);
JmDocument *jm_reader_load_bytes (const char  *display_name,
                                  const char  *data,
                                  gsize        len,
                                  GPtrArray  **problems,
                                  GError     **error);

/* Checks a map as loading it would, with the very same problems, without
 * keeping it: its cards are let go as soon as they are read (for
 * `--check`, which needs a tenth of the memory and time of a load).
 * TRUE when the map would load. */
gboolean    jm_reader_check_path  (const char  *path,
                                   GPtrArray  **problems,
                                   GError     **error);
gboolean    jm_reader_check_bytes (const char  *display_name,
                                   const char  *data,
                                   gsize        len,
                                   GPtrArray  **problems,
                                   GError     **error);

/* Cards copied to the clipboard: a <journey-cards> fragment in the same
 * namespace, read with the same safety. Returns JmCard* or NULL. */
GPtrArray  *jm_reader_load_cards (const char  *data,
                                  gsize        len,
                                  GError     **error);
/* Personas copied to the clipboard: a <journey-personas> fragment.
 * Returns JmPersona* or NULL. */
GPtrArray  *jm_reader_load_personas (const char  *data,
                                     gsize        len,
                                     GError     **error);

G_END_DECLS
