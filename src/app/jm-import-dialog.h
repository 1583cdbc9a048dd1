/* jm-import-dialog.h — the Import Survey Responses dialog: the layout it
 * read, each question column with the scale of its answers and where
 * they go (a touchpoint, a stage, cards of their own, or nowhere) as what
 * metric, a date range, and a preview of what will change; Apply is one
 * undo step that also saves the mapping in the map. */
#pragma once

#include <adwaita.h>

#include "jm-document.h"
#include "jm-survey.h"

G_BEGIN_DECLS

#define JM_TYPE_IMPORT_DIALOG (jm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JmImportDialog, jm_import_dialog, JM, IMPORT_DIALOG, AdwWindow)

/* Takes import (transfer full); applies it to document on Apply. */
JmImportDialog *jm_import_dialog_new (GtkWindow      *parent,
                                      JmDocument     *document,
                                      JmSurveyImport *import);

G_END_DECLS
