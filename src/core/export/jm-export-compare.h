/* jm-export-compare.h — a comparison of two versions of a map as a PDF or
 * PNG: the new map drawn by the one painter, the changes marked over it by
 * the compare painter with every badge's old → new shown, and the list of
 * changes below the map. */
#pragma once

#include "jm-compare.h"
#include "jm-export.h"

G_BEGIN_DECLS

/* Writes the comparison to path (.pdf or .png, from its extension),
 * atomically. old_name names the old version in the heading of the list.
 * Uses options' theme, scale (PNG), persona and date. */
gboolean jm_export_compare_to_path (JmCompare             *compare,
                                    const char            *old_name,
                                    const char            *path,
                                    const JmExportOptions *options,
                                    GError               **error);

G_END_DECLS
