/* jm-theme.c — colours. The palette is the Okabe–Ito set, which readers
 * with any common colour-vision deficiency can tell apart, tuned towards
 * GNOME's hues. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jm-theme.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const JmColor palette[] = {
  RGB (0x0072B2),  /* blue */
  RGB (0xE69F00),  /* orange */
  RGB (0x009E73),  /* bluish green */
  RGB (0xCC79A7),  /* reddish purple */
  RGB (0x56B4E9),  /* sky blue */
  RGB (0xD55E00),  /* vermillion */
  RGB (0x7A6FB0),  /* violet */
  RGB (0xB8A000),  /* dark yellow */
};

static const JmThemeColors themes[JM_N_THEMES] = {
  [JM_THEME_LIGHT] = {
    .background = RGB (0xfafafb), .header = RGB (0xffffff), .surface = RGB (0xffffff),
    .surface_alt = RGB (0xf1f2f4), .text = RGB (0x1f2328), .text_dim = RGB (0x5e6670),
    .grid = RGB (0xd8dbe0), .shadow = { 0, 0, 0, 0.10 },
    .good = RGB (0x1a7f4b), .warn = RGB (0xb86e00), .bad = RGB (0xc01c28),
    .online = RGB (0x0072B2), .offline = RGB (0xD55E00), .star = RGB (0xE69F00),
    .flat = FALSE, .line_width = 1.0,
  },
  [JM_THEME_DARK] = {
    .background = RGB (0x1e1e22), .header = RGB (0x26262b), .surface = RGB (0x303036),
    .surface_alt = RGB (0x242428), .text = RGB (0xf2f2f4), .text_dim = RGB (0xaeb2ba),
    .grid = RGB (0x3d3d45), .shadow = { 0, 0, 0, 0.35 },
    .good = RGB (0x57d38c), .warn = RGB (0xf5b543), .bad = RGB (0xff6b6b),
    .online = RGB (0x56B4E9), .offline = RGB (0xF08A4B), .star = RGB (0xF5C542),
    .flat = FALSE, .line_width = 1.0,
  },
  [JM_THEME_PRINT] = {
    .background = RGB (0xffffff), .header = RGB (0xffffff), .surface = RGB (0xffffff),
    .surface_alt = RGB (0xffffff), .text = RGB (0x000000), .text_dim = RGB (0x444444),
    .grid = RGB (0xbbbbbb), .shadow = { 0, 0, 0, 0 },
    .good = RGB (0x1a7f4b), .warn = RGB (0xa05a00), .bad = RGB (0xb0161f),
    .online = RGB (0x0072B2), .offline = RGB (0xD55E00), .star = RGB (0xB07800),
    .flat = TRUE, .line_width = 1.0,
  },
  [JM_THEME_HIGH_CONTRAST] = {
    .background = RGB (0xffffff), .header = RGB (0xffffff), .surface = RGB (0xffffff),
    .surface_alt = RGB (0xf0f0f0), .text = RGB (0x000000), .text_dim = RGB (0x1a1a1a),
    .grid = RGB (0x000000), .shadow = { 0, 0, 0, 0 },
    .good = RGB (0x005a2b), .warn = RGB (0x7a4100), .bad = RGB (0x9b0000),
    .online = RGB (0x003f7a), .offline = RGB (0x8a3300), .star = RGB (0x7a4100),
    .flat = TRUE, .line_width = 2.0,
  },
};

static const char *names[JM_N_THEMES] = { "light", "dark", "print", "high-contrast" };

const char *
jm_theme_to_string (JmTheme theme)
{
  g_return_val_if_fail (theme < JM_N_THEMES, NULL);
  return names[theme];
}

gboolean
jm_theme_from_string (const char *str,
                      JmTheme    *out)
{
  for (guint i = 0; str != NULL && i < JM_N_THEMES; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *out = (JmTheme) i;
          return TRUE;
        }
    }
  return FALSE;
}

const JmThemeColors *
jm_theme_get_colors (JmTheme theme)
{
  g_return_val_if_fail (theme < JM_N_THEMES, &themes[0]);
  return &themes[theme];
}

JmColor
jm_color_mix (JmColor a,
              JmColor b,
              double  t)
{
  JmColor c = {
    a.r + (b.r - a.r) * t,
    a.g + (b.g - a.g) * t,
    a.b + (b.b - a.b) * t,
    a.a + (b.a - a.a) * t,
  };
  return c;
}

JmColor
jm_theme_palette (JmTheme theme,
                  guint   index)
{
  JmColor c = palette[index % G_N_ELEMENTS (palette)];

  if (theme == JM_THEME_HIGH_CONTRAST)
    c = jm_color_mix (c, (JmColor) { 0, 0, 0, 1 }, 0.35);
  return c;
}

JmColor
jm_theme_kind_color (JmTheme    theme,
                     JmLaneKind kind)
{
  static const guint kind_palette[JM_N_LANE_KINDS] = {
    [JM_LANE_TEXT] = 4,
    [JM_LANE_TOUCHPOINTS] = 0,
    [JM_LANE_EMOTIONS] = 3,
    [JM_LANE_PAIN_POINTS] = 5,
    [JM_LANE_OPPORTUNITIES] = 2,
    [JM_LANE_METRICS] = 6,
    [JM_LANE_BACKSTAGE] = 7,
    [JM_LANE_IMAGES] = 1,
  };

  g_return_val_if_fail (kind < JM_N_LANE_KINDS, palette[0]);
  return jm_theme_palette (theme, kind_palette[kind]);
}

JmColor
jm_theme_severity_color (JmTheme    theme,
                         JmSeverity severity)
{
  const JmThemeColors *c = jm_theme_get_colors (theme);

  switch (severity)
    {
    case JM_SEVERITY_LOW:
      return jm_color_mix (c->warn, c->good, 0.5);
    case JM_SEVERITY_MEDIUM:
      return c->warn;
    case JM_SEVERITY_HIGH:
      return jm_color_mix (c->warn, c->bad, 0.6);
    case JM_SEVERITY_CRITICAL:
      return c->bad;
    case JM_SEVERITY_NONE:
    case JM_N_SEVERITIES:
    default:
      return c->text_dim;
    }
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
jm_color_luminance (JmColor color)
{
  return 0.2126 * linear (color.r) + 0.7152 * linear (color.g) + 0.0722 * linear (color.b);
}

double
jm_color_contrast (JmColor a,
                   JmColor b)
{
  double la = jm_color_luminance (a), lb = jm_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

JmColor
jm_theme_text_on (JmColor fill)
{
  static const JmColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };

  /* Pure black, not a softer near-black: only black and white together
   * reach 4.5:1 on every colour (mid-luminance ones sit at about 4.6:1
   * with either). */
  return jm_color_contrast (fill, white) >= jm_color_contrast (fill, black) ? white : black;
}

void
jm_theme_stage_header (JmTheme  theme,
                       JmColor  stage,
                       JmColor *fill,
                       JmColor *text)
{
  const JmThemeColors *colors = jm_theme_get_colors (theme);

  *fill = colors->flat ? colors->surface : stage;
  *text = colors->flat ? colors->text : jm_theme_text_on (stage);
}

gboolean
jm_color_parse (const char *str,
                JmColor    *out)
{
  guint value = 0;

  if (str == NULL || strlen (str) != 7 || str[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (str[i]))
        return FALSE;
      value = value * 16 + (guint) g_ascii_xdigit_value (str[i]);
    }
  *out = (JmColor) RGB (value);
  return TRUE;
}
