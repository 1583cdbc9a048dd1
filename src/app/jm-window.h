/* jm-window.h — a main window: one journey map document (or the empty
 * state), its file, the canvas, and the document actions. */
#pragma once

#include <adwaita.h>

#include "jm-application.h"
#include "jm-csv.h"
#include "jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_WINDOW (jm_window_get_type ())
G_DECLARE_FINAL_TYPE (JmWindow, jm_window, JM, WINDOW, AdwApplicationWindow)

JmWindow   *jm_window_new           (JmApplication *application);
/* The window showing this file, or NULL. */
JmWindow   *jm_window_find_for_file (JmApplication *application,
                                     GFile         *file);
/* A window showing no document yet, or NULL. */
JmWindow   *jm_window_get_empty     (JmApplication *application);
/* Loads the file; a problem is shown in the window, never fatal. */
gboolean    jm_window_open_file     (JmWindow      *self,
                                     GFile         *file);
/* Shows the document (transfer full) with no file: an unsaved new map. */
void        jm_window_set_document  (JmWindow      *self,
                                     JmDocument    *document,
                                     GFile         *file);
JmDocument *jm_window_get_document  (JmWindow      *self);
/* Writes a recovery copy now if there is unsaved work; TRUE if it did. */
gboolean    jm_window_autosave      (JmWindow      *self);
const char *jm_window_get_recovery_id (JmWindow    *self);
/* Shows what importing survey responses would change, and applies it when
 * the user agrees (takes the import). */
void        jm_window_preview_import (JmWindow     *self,
                                      JmCsvImport  *import);
/* Shows a recovery copy as an unsaved version of original (may be NULL). */
gboolean    jm_window_open_recovered (JmWindow     *self,
                                      const char   *path,
                                      GFile        *original);
GFile      *jm_window_get_file      (JmWindow      *self);

G_END_DECLS
