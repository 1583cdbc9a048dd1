/* jm-export-dialog.h — the Export dialog: format, pages, resolution,
 * theme and persona, with a live preview; writes through a file chooser. */
#pragma once

#include <adwaita.h>

#include "jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_EXPORT_DIALOG (jm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JmExportDialog, jm_export_dialog, JM, EXPORT_DIALOG, AdwWindow)

JmExportDialog *jm_export_dialog_new (GtkWindow  *parent,
                                      JmDocument *document,
                                      GFile      *document_file,
                                      GSettings  *settings);

G_END_DECLS
