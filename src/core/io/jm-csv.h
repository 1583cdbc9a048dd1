/* jm-csv.h — survey responses from CSV turned into metrics: NPS, CSAT and
 * CES per touchpoint, with sample sizes, applied as one undoable step. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

typedef struct {
  char        *card_id;
  JmMetricKind kind;
  double       value;        /* NPS in points, CSAT in %, CES the mean */
  guint        sample_size;
  char        *date;         /* the latest response's, or NULL */
} JmCsvResult;

typedef struct {
  GPtrArray *results;        /* JmCsvResult*, in the order first seen */
  GPtrArray *problems;       /* JmProblem*: rows that could not be used */
  guint      rows_used;
} JmCsvImport;

/* Reads responses: one per row, with columns for the touchpoint (card id
 * or its exact text), the metric (nps, csat or ces), the score and an
 * optional date. UTF-8 with or without BOM, comma or semicolon, decimal
 * comma or point, RFC 4180 quoting. NULL only when the file cannot be
 * read or has no usable header; unusable rows are listed as problems. */
JmCsvImport *jm_csv_import_load_bytes (JmDocument  *document,
                                       const char  *display_name,
                                       const char  *data,
                                       gsize        len,
                                       GError     **error);
JmCsvImport *jm_csv_import_load_path  (JmDocument  *document,
                                       const char  *path,
                                       GError     **error);
/* Sets the metrics on their cards, as one undoable step. */
void         jm_csv_import_apply      (JmCsvImport *import,
                                       JmDocument  *document);
void         jm_csv_import_free       (JmCsvImport *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmCsvImport, jm_csv_import_free)

G_END_DECLS
