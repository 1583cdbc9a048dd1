/* jm-csv-reader.h — reading CSV one record at a time, as spreadsheets and
 * survey tools write it (RFC 4180 quoting, line breaks inside quotes,
 * comma, semicolon or tab, CRLF), and writing fields back the same way.
 * Shared by the importers of src/core/io; private to it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JmCsvReader JmCsvReader;

/* Text of any bigger size is refused by the importers. */
#define JM_CSV_MAX_BYTES (64 * 1024 * 1024)

/* Skips a UTF-8 byte-order mark; TRUE if there was one. */
gboolean     jm_csv_skip_bom          (const char  **data,
                                       gsize        *len);
/* The one of ',', ';' and '\t' the first line has most of, outside
 * quotes (',' when none). */
char         jm_csv_detect_separator  (const char   *data,
                                       gsize         len);

/* data must outlive the reader. */
JmCsvReader *jm_csv_reader_new        (const char   *data,
                                       gsize         len,
                                       char          separator);
void         jm_csv_reader_free       (JmCsvReader  *reader);
/* The next record that is not a blank line: its fields (char*, owned by
 * the reader, valid until the next call) and the line it starts on.
 * NULL at the end. */
GPtrArray   *jm_csv_reader_next       (JmCsvReader  *reader,
                                       int          *line);
/* Lines read so far (the last record's end). */
int          jm_csv_reader_get_line   (JmCsvReader  *reader);

/* Appends one field, quoted when it holds a separator (any of ",", ";"
 * and tab, so that a reader guessing the separator guesses right), a
 * quote, a line break or leading or trailing spaces. */
void         jm_csv_append_field      (GString      *out,
                                       const char   *field,
                                       char          separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmCsvReader, jm_csv_reader_free)

G_END_DECLS
