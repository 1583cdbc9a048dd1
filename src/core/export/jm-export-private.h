/* jm-export-private.h — what jm-export.c lends the core's other exports
 * (persona sheets, the handout): its atomic file sink, paper sizes, PDF
 * metadata and language, and its PNG writer. */
#pragma once

#include <cairo.h>
#include <stdio.h>

#include "jm-export.h"

G_BEGIN_DECLS

typedef struct {
  FILE *file;
  int   error;   /* errno of the first failed write */
} JmExportSink;

/* A temporary file beside path; close renames it over path when status
 * is success and every write went through, and removes it otherwise. */
gboolean       jm_export_sink_open         (const char       *path,
                                            JmExportSink     *sink,
                                            char            **tmp_path,
                                            GError          **error);
gboolean       jm_export_sink_close        (JmExportSink     *sink,
                                            const char       *tmp_path,
                                            const char       *path,
                                            cairo_status_t    status,
                                            GError          **error);
/* A cairo write function for the sink. */
cairo_status_t jm_export_sink_write        (void             *closure,
                                            const unsigned char *data,
                                            unsigned int      length);
/* Points, portrait (or turned, for the landscape options). */
void           jm_export_paper_size        (JmPageOption      page,
                                            double           *width,
                                            double           *height);
void           jm_export_set_pdf_metadata  (cairo_surface_t  *surface,
                                            JmDocument       *document);
/* After cairo has finished the PDF: its /Lang. */
void           jm_export_append_pdf_lang   (JmExportSink     *sink,
                                            const char       *language);
/* An image surface as a PNG, with the export's metadata. */
cairo_status_t jm_export_write_png_surface (cairo_surface_t  *surface,
                                            JmExportSink     *sink,
                                            double            scale,
                                            const char       *title,
                                            const char       *description,
                                            const char       *language);
/* jm-export-sheets.c: persona sheets or the handout (options->content). */
gboolean       jm_export_sheets_to_path    (JmDocument            *document,
                                            const char            *path,
                                            const JmExportOptions *options,
                                            GError               **error);

G_END_DECLS
