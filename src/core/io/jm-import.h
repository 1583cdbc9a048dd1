/* jm-import.h — the one way in for every kind of file a map can come
 * from: a .journey file, a Mermaid journey (.mmd, or the first mermaid
 * block of a Markdown file), CJML 2.0 XML, a grid CSV, or the whole map
 * as a long-form CSV. The kind is
 * told from the content, the file's name helping only when the content
 * says nothing. The command line and the editor both open files here. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

typedef enum {
  JM_IMPORT_FORMAT_JOURNEY,    /* .journey (and anything not recognised) */
  JM_IMPORT_FORMAT_MERMAID,
  JM_IMPORT_FORMAT_MARKDOWN,   /* Markdown with a ```mermaid block */
  JM_IMPORT_FORMAT_CJML,
  JM_IMPORT_FORMAT_GRID,
  JM_IMPORT_FORMAT_SURVEY,     /* survey responses: no map, a map's metrics */
  JM_IMPORT_FORMAT_MAP_CSV,    /* the whole map as a long-form CSV (jm-map-csv.h) */
} JmImportFormat;

/* What the bytes hold; name (a file name or path) helps when they do
 * not tell. */
JmImportFormat jm_import_detect      (const char      *name,
                                      const char      *data,
                                      gsize            len);
/* Translated: "a Mermaid journey", "CJML"… */
const char    *jm_import_format_get_label (JmImportFormat format);

/* A new map, or NULL. As jm_reader_load_path(): *error says what went
 * wrong first ("FILE:LINE: message") and *problems holds every problem.
 * A map from anything but a .journey file comes back unsaved (its
 * history says it is modified: it is in no file yet), and *problems then
 * holds the warnings of its import, if there were any. */
JmDocument    *jm_import_load_path   (const char      *path,
                                      GPtrArray      **problems,
                                      GError         **error);
/* As jm_import_load_path(), with the very same problems, without keeping
 * the map (a .journey file is checked by jm_reader_check_path()). TRUE
 * when it would load. */
gboolean       jm_import_check_path  (const char      *path,
                                      GPtrArray      **problems,
                                      GError         **error);
JmDocument    *jm_import_load_bytes  (const char      *display_name,
                                      const char      *data,
                                      gsize            len,
                                      GPtrArray      **problems,
                                      GError         **error);

G_END_DECLS
