/* jm-conflict-bar.h — the window's bar for a map that holds merge
 * conflicts: how many there are, and a list of them where each row shows
 * the object, the field and both sides' values, takes the canvas to the
 * object, and resolves it (keep ours, take theirs, or a value typed in),
 * each as one undoable command of the document. */
#pragma once

#include <adwaita.h>

#include "jm-canvas.h"

G_BEGIN_DECLS

#define JM_TYPE_CONFLICT_BAR (jm_conflict_bar_get_type ())
G_DECLARE_FINAL_TYPE (JmConflictBar, jm_conflict_bar, JM, CONFLICT_BAR, GtkWidget)

GtkWidget  *jm_conflict_bar_new          (void);
/* Follows the canvas's document and selection; call again after the
 * canvas shows another document. */
void        jm_conflict_bar_set_canvas   (JmConflictBar *self,
                                          JmCanvas      *canvas);
/* What the banner says, e.g. "3 conflicts from a merge" ("" when none). */
const char *jm_conflict_bar_get_message  (JmConflictBar *self);
/* Shows or hides the list of conflicts. */
void        jm_conflict_bar_set_list_visible (JmConflictBar *self,
                                              gboolean       visible);
/* The list's rows, one per conflict, in the document's order. */
GtkListBox *jm_conflict_bar_get_list     (JmConflictBar *self);

/* Names of a row's widgets, for tests: gtk_widget_get_name () of the row's
 * buttons is "keep-ours", "take-theirs" or "edit". */

G_END_DECLS
