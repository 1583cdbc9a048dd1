/* jm-export.h — PNG, PDF and SVG exports of a map, all drawn by the one
 * painter, written atomically. */
#pragma once

#include "jm-document.h"
#include "jm-layout.h"

G_BEGIN_DECLS

typedef enum {
  JM_PAGE_FIT,
  JM_PAGE_A4,
  JM_PAGE_A4_LANDSCAPE,
  JM_PAGE_A3,
  JM_PAGE_A3_LANDSCAPE,
  JM_PAGE_LETTER,
  JM_PAGE_LETTER_LANDSCAPE,
  JM_PAGE_POSTER_A4,
  JM_N_PAGE_OPTIONS
} JmPageOption;

/* What an export holds: the map, one sheet per persona, or the one-page
 * summary handout (jm-persona-sheet.h). */
typedef enum {
  JM_EXPORT_MAP,
  JM_EXPORT_PERSONA_SHEETS,
  JM_EXPORT_HANDOUT,
} JmExportContent;

typedef struct {
  JmTheme      theme;
  double       scale;        /* PNG: 1 = 96 dpi */
  gboolean     transparent;  /* PNG: no background */
  JmPageOption page;         /* PDF */
  const char  *persona_id;   /* NULL: all personas */
  const char  *date;         /* footer date; NULL: today */
  gboolean     page_4_3;     /* .pptx, .odp: 4:3 slides rather than 16:9 */
  const char  *language;     /* labels' language (--lang); NULL: the map's xml:lang */
  int          png_band_rows; /* PNG: rows painted at a time; 0: as memory allows (about 16 MB) */
  double       svg_band_height; /* SVG: map units made at a time; 0: the whole picture if it is small */
  const char  *view_id;      /* a named view of the map (jm-map-view.h); NULL: everything */
  gboolean     emotion_values; /* each emotion point's score written beside its face */
  /* PDF posters by sheets: poster_columns across (0: the page option
   * decides), at most poster_rows down (0: as many as the map needs), on
   * sheets of paper (JM_PAGE_A4, JM_PAGE_A3 or JM_PAGE_LETTER, turned as
   * the map's shape asks) that overlap by poster_overlap_mm (0–30). */
  guint        poster_columns;
  guint        poster_rows;
  double       poster_overlap_mm;
  JmPageOption paper;
  /* PDF posters (by sheets or poster-a4): a first sheet showing how the
   * sheets go together (jm_poster_draw_page_map). On by default. */
  gboolean     poster_page_map;
  /* Persona sheets and the handout: .pdf (JM_PAGE_A4 or JM_PAGE_LETTER;
   * any other page is A4) or .png, a file per persona for the sheets
   * (jm_export_sheet_png_path); persona_id chooses one persona's sheet. */
  JmExportContent content;
} JmExportOptions;

#define JM_POSTER_OVERLAP_MAX_MM 30.0

#define JM_EXPORT_ERROR (jm_export_error_quark ())

typedef enum {
  JM_EXPORT_ERROR_FORMAT,    /* unknown output format */
  JM_EXPORT_ERROR_TOO_LARGE, /* the image would be too large */
  JM_EXPORT_ERROR_WRITE,     /* the file could not be written */
} JmExportError;

GQuark      jm_export_error_quark      (void);
void        jm_export_options_init     (JmExportOptions       *options);
const char *jm_page_option_to_string   (JmPageOption           page);
gboolean    jm_page_option_from_string (const char            *str,
                                        JmPageOption          *out);
/* Writes the map to path, in the format its extension names (.png, .pdf,
 * .svg, .html, .pptx, .odp). On failure nothing is left at path (an older file there stays). */
gboolean    jm_export_to_path          (JmDocument            *document,
                                        const char            *path,
                                        const JmExportOptions *options,
                                        GError               **error);
/* The map painted by the painter as a PNG, in memory, at scale (1 = 96
 * dpi): the picture on a deck's overview slide. */
GBytes     *jm_export_png_bytes        (JmDocument            *document,
                                        const JmExportOptions *options,
                                        double                 scale,
                                        GError               **error);
/* The layout an export with these options draws: for exports made of
 * more than the picture (jm-html.c). */
JmLayout   *jm_export_make_layout      (JmDocument            *document,
                                        const JmExportOptions *options);
/* The painter's picture of layout as SVG markup to put in a web page: an
 * <svg> element with role="img", the map's title and its language, and
 * no XML declaration. */
char       *jm_export_svg_markup       (JmLayout              *layout,
                                        gsize                 *len);
/* The pixel size of a PNG export with these options. */
void        jm_export_get_png_size     (JmDocument            *document,
                                        const JmExportOptions *options,
                                        int                   *width,
                                        int                   *height);
/* The number of pages a PDF export with this page option has: the map's
 * (a poster's page map and sheets), then those of the map in reading
 * order (jm-pdf-text.h). */
guint       jm_export_count_pages      (JmDocument            *document,
                                        const JmExportOptions *options);
/* At the map's size (the page option fit, no poster): the pages the map
 * itself takes, more than one when it is larger than PDF's largest page
 * (200 inches), and how many across and down. 0 for other page options. */
guint       jm_export_count_map_pages  (JmDocument            *document,
                                        const JmExportOptions *options,
                                        guint                 *columns,
                                        guint                 *rows);
/* For a poster (poster-a4 or by sheets): its sheets of the map, not
 * counting the page map, and how many across and down. 0 when the
 * options make no poster or it cannot be made. */
guint       jm_export_count_poster_sheets (JmDocument            *document,
                                           const JmExportOptions *options,
                                           guint                 *columns,
                                           guint                 *rows);

/* jm-export-sheets.c: the PNG file of the n-th (from 1) persona sheet
 * of an export to path: "personas.png" gives "personas-1.png"… */
char       *jm_export_sheet_png_path   (const char            *path,
                                        guint                  n);
/* The personas whose sheets an export writes, in the map's order: the one
 * of options->persona_id, or all the map's (view's) personas. JmPersona*,
 * borrowed. */
GPtrArray  *jm_export_sheet_personas   (JmDocument            *document,
                                        const JmExportOptions *options);

G_END_DECLS
