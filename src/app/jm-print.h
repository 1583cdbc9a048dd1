/* jm-print.h — printing through GtkPrintOperation and the one painter:
 * the map fitted to one page, or a poster tiled across pages with overlap
 * and cut marks; a "Layout" tab in the print dialog chooses between them
 * and previews the tiling. */
#pragma once

#include <gtk/gtk.h>

#include "jm-document.h"
#include "jm-export.h"

G_BEGIN_DECLS

/* Poster scales offered, relative to the PDF export's (1 = 100 %). */
#define JM_PRINT_MIN_POSTER_SCALE 0.5
#define JM_PRINT_MAX_POSTER_SCALE 4.0

/* Opens the print dialog for document, showing persona_id's view (NULL or
 * "": every persona) through the named view view_id (NULL or "": the
 * whole map). settings (may be NULL) remembers the layout chosen.
 * Errors are shown in a dialog over parent. */
void     jm_print_run    (GtkWindow     *parent,
                          JmDocument    *document,
                          const char    *persona_id,
                          const char    *view_id,
                          GSettings     *settings);

/* Runs the same print operation without a dialog, writing a PDF to
 * pdf_path: on one page of setup's printable area, or as a poster at
 * poster_scale. setup NULL: A4 portrait. */
gboolean jm_print_to_pdf (JmDocument    *document,
                          const char    *persona_id,
                          const char    *view_id,
                          gboolean       poster,
                          double         poster_scale,
                          GtkPageSetup  *setup,
                          const char    *pdf_path,
                          GError       **error);

/* Persona sheets (a page each) or the one-page summary handout
 * (JM_EXPORT_PERSONA_SHEETS, JM_EXPORT_HANDOUT), on portrait pages,
 * through the same print operation: with the dialog, or to a PDF. */
void     jm_print_run_sheets    (GtkWindow       *parent,
                                 JmDocument      *document,
                                 JmExportContent  content,
                                 const char      *view_id);
gboolean jm_print_sheets_to_pdf (JmDocument      *document,
                                 JmExportContent  content,
                                 GtkPageSetup    *setup,
                                 const char      *pdf_path,
                                 GError         **error);

G_END_DECLS
