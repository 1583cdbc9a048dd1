/* jm-print.h — printing through GtkPrintOperation and the one painter:
 * the map fitted to one page, or a poster tiled across pages with overlap
 * and cut marks, glue zones and a page-map sheet; a "Layout" tab in the
 * print dialog chooses between them and previews the tiling; above 20
 * sheets, printing asks first. */
#pragma once

#include <gtk/gtk.h>

#include "jm-document.h"
#include "jm-export.h"

G_BEGIN_DECLS

/* Poster scales offered, relative to the PDF export's (1 = 100 %). */
#define JM_PRINT_MIN_POSTER_SCALE 0.5
#define JM_PRINT_MAX_POSTER_SCALE 4.0

/* How a map goes on paper: fitted to one page, or as a poster sheets
 * across (or at a scale), with overlap, glue zones and a page-map sheet
 * first. The paper and its orientation are the page setup's. */
typedef struct {
  gboolean poster;         /* FALSE: fitted to one page */
  gboolean by_scale;       /* poster at scale rather than sheets_across */
  double   scale;          /* 1: the PDF export's scale */
  guint    sheets_across;  /* 0: as many as the map's size at scale 1 takes */
  double   overlap_mm;     /* 0 to JM_POSTER_OVERLAP_MAX_MM */
  gboolean glue_zones;
  gboolean page_map;
} JmPrintLayout;

/* Fitted; for posters: sheets across from the map, 10 mm overlap, glue
 * zones and a page map. */
void     jm_print_layout_init (JmPrintLayout *layout);

/* The sheets of the map (not counting the page map) a poster in layout
 * takes on setup's printable area, and how many across and down; 0 when
 * layout is not a poster or the poster cannot be made. */
guint    jm_print_count_sheets (JmDocument          *document,
                                const char          *persona_id,
                                const char          *view_id,
                                const JmPrintLayout *layout,
                                GtkPageSetup        *setup,
                                guint               *columns,
                                guint               *rows);
/* Whether printing that many sheets asks first (above
 * JM_POSTER_ASK_ABOVE_SHEETS). */
gboolean jm_print_asks_before_printing (guint sheets);

/* The print operation jm_print_run shows, with its Layout tab, the
 * layout read from settings (may be NULL), the paper turned as the map is
 * shaped; not yet run. */
GtkPrintOperation *jm_print_operation_new (GtkWindow  *parent,
                                           JmDocument *document,
                                           const char *persona_id,
                                           const char *view_id,
                                           GSettings  *settings);

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
 * poster_scale (glue zones, no page map). setup NULL: A4 portrait. */
gboolean jm_print_to_pdf (JmDocument    *document,
                          const char    *persona_id,
                          const char    *view_id,
                          gboolean       poster,
                          double         poster_scale,
                          GtkPageSetup  *setup,
                          const char    *pdf_path,
                          GError       **error);
/* The same with any layout. */
gboolean jm_print_to_pdf_with_layout (JmDocument          *document,
                                      const char          *persona_id,
                                      const char          *view_id,
                                      const JmPrintLayout *layout,
                                      GtkPageSetup        *setup,
                                      const char          *pdf_path,
                                      GError             **error);

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
