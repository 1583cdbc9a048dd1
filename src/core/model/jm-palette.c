/* jm-palette.c — see jm-palette.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jm-palette.h"

static const struct {
  const char *color;
  const char *name;
} palette[JM_STAGE_PALETTE_SIZE] = {
  { "#0072b2", N_("Blue") },
  { "#e69f00", N_("Orange") },
  { "#009e73", N_("Bluish green") },
  { "#cc79a7", N_("Reddish purple") },
  { "#56b4e9", N_("Sky blue") },
  { "#d55e00", N_("Vermilion") },
  { "#7a6fb0", N_("Violet") },
  { "#b8a000", N_("Dark yellow") },
};

const char *
jm_stage_palette_color (guint index)
{
  g_return_val_if_fail (index < JM_STAGE_PALETTE_SIZE, NULL);
  return palette[index].color;
}

const char *
jm_stage_palette_name (guint index)
{
  g_return_val_if_fail (index < JM_STAGE_PALETTE_SIZE, NULL);
  return _(palette[index].name);
}

int
jm_stage_palette_find (const char *color)
{
  for (guint i = 0; color != NULL && i < JM_STAGE_PALETTE_SIZE; i++)
    if (g_ascii_strcasecmp (palette[i].color, color) == 0)
      return (int) i;
  return -1;
}
