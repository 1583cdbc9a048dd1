/* jm-import-private.h — what the importers of src/core/io share: ending
 * a read with its problems, and saving a text export atomically. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

/* Many problems in one file say the same again and again. */
#define JM_IMPORT_MAX_PROBLEMS 200

/* Hands over the result of an import: with errors (JmProblem*), NULL and
 * *error set from the first (code, "FILE:LINE: message"), every error in
 * *problems; without, the document with an empty history and the
 * warnings, if any, in *problems. Takes doc, errors and warnings. */
JmDocument *jm_import_finish     (JmDocument  *doc,
                                  JmIoError    code,
                                  GPtrArray   *errors,
                                  GPtrArray   *warnings,
                                  GPtrArray  **problems,
                                  GError     **error);

/* Writes text to path through a temporary file, flushed and renamed. */
gboolean    jm_import_save_text  (const char  *path,
                                  const char  *text,
                                  gsize        len,
                                  GError     **error);

G_END_DECLS
