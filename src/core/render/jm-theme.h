/* jm-theme.h — the colours of a rendered map: light, dark, print and high
 * contrast, from one palette chosen so colour-blind readers can tell the
 * stages, kinds and personas apart. */
#pragma once

#include <glib.h>

#include "jm-enums.h"

G_BEGIN_DECLS

typedef enum {
  JM_THEME_LIGHT,
  JM_THEME_DARK,
  JM_THEME_PRINT,
  JM_THEME_HIGH_CONTRAST,
  JM_N_THEMES
} JmTheme;

typedef struct {
  double r, g, b, a;
} JmColor;

typedef struct {
  JmColor background;
  JmColor header;        /* band behind title and personas */
  JmColor surface;       /* cards */
  JmColor surface_alt;   /* alternate lane rows */
  JmColor text;
  JmColor text_dim;
  JmColor grid;
  JmColor shadow;
  JmColor good;
  JmColor warn;
  JmColor bad;
  JmColor online;
  JmColor offline;
  JmColor star;
  gboolean flat;         /* no shadows, no tinted fills (print) */
  double   line_width;   /* thicker for high contrast */
} JmThemeColors;

const char          *jm_theme_to_string   (JmTheme      theme);
gboolean             jm_theme_from_string (const char  *str,
                                           JmTheme     *out);
const JmThemeColors *jm_theme_get_colors  (JmTheme      theme);

/* Stage, persona and lane-kind colours, from the shared palette. */
JmColor              jm_theme_palette     (JmTheme      theme,
                                           guint        index);
JmColor              jm_theme_kind_color  (JmTheme      theme,
                                           JmLaneKind   kind);
JmColor              jm_theme_severity_color (JmTheme   theme,
                                              JmSeverity severity);
/* WCAG 2's relative luminance (0 black … 1 white) and contrast ratio
 * (1 … 21; AA asks 4.5 for body text). */
double               jm_color_luminance   (JmColor      color);
double               jm_color_contrast    (JmColor      a,
                                           JmColor      b);
/* White or black, whichever reads better on fill: at least 4.58:1 on any
 * colour, so a stage's name meets WCAG AA whatever colour the user chose. */
JmColor              jm_theme_text_on     (JmColor      fill);
/* A stage header's band and the colour of the stage's name on it, as the
 * painter draws them: the stage's colour with jm_theme_text_on(), or in
 * the flat themes (print, high contrast) the surface with the theme's
 * text and the stage's colour as an outline. */
void                 jm_theme_stage_header (JmTheme     theme,
                                            JmColor     stage,
                                            JmColor    *fill,
                                            JmColor    *text);
/* "#rrggbb" → colour; FALSE when it is not one. */
gboolean             jm_color_parse       (const char  *str,
                                           JmColor     *out);
/* A mix of a and b: t = 0 gives a. */
JmColor              jm_color_mix         (JmColor      a,
                                           JmColor      b,
                                           double       t);

G_END_DECLS
