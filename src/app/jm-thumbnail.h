/* jm-thumbnail.h — a map drawn small, as a texture for previews. */
#pragma once

#include <gtk/gtk.h>

#include "jm-layout.h"

G_BEGIN_DECLS

/* The whole map, scaled to fit max_size pixels on its longer side. */
GdkTexture *jm_thumbnail_new (JmDocument            *document,
                              const JmRenderOptions *options,
                              int                    max_size);

G_END_DECLS
