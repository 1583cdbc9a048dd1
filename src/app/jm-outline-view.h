/* jm-outline-view.h — the map as a tree of rows beside the canvas: the map, its
 * personas, stages, steps, the cells of each step with their cards, each
 * persona's emotion scores and the metrics. Every row is a real list row a
 * screen reader reaches, named so that it makes sense on its own; the
 * keyboard edits the document through its commands, and the rows follow
 * the same JmSelection as the canvas. */
#pragma once

#include <gtk/gtk.h>

#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_OUTLINE_VIEW (jm_outline_view_get_type ())
G_DECLARE_FINAL_TYPE (JmOutlineView, jm_outline_view, JM, OUTLINE_VIEW, GtkWidget)

GtkWidget   *jm_outline_view_new            (void);
/* The selection (and through it the document) the rows show and drive. */
void         jm_outline_view_set_selection  (JmOutlineView   *self,
                                        JmSelection *selection);
JmSelection *jm_outline_view_get_selection  (JmOutlineView   *self);

/* The rows as shown (a GtkTreeListModel of GtkTreeListRow). */
GListModel  *jm_outline_view_get_rows       (JmOutlineView   *self);
/* A row's accessible name (name and where it is), its key ("card:card-3",
 * "emotion:persona-1:step-2:0", …). */
char        *jm_outline_view_row_get_name   (JmOutlineView   *self,
                                        guint        position);
const char  *jm_outline_view_row_get_key    (JmOutlineView   *self,
                                        guint        position);
/* The position of the selected row, or GTK_INVALID_LIST_POSITION. */
guint        jm_outline_view_get_selected   (JmOutlineView   *self);
/* Selects the row of key, expanding the rows above it; FALSE if none. */
gboolean     jm_outline_view_select_key     (JmOutlineView   *self,
                                        const char  *key);
void         jm_outline_view_expand_all     (JmOutlineView   *self);
/* Selects the next row after the selected one (round the map) whose name
 * holds text, ignoring case; FALSE if none does. */
gboolean     jm_outline_view_search         (JmOutlineView   *self,
                                        const char  *text);
/* Handles a key as if pressed on the selected row (F2, Delete, Insert,
 * Alt+Up/Down, 1–5, plus, minus); TRUE if it did something. */
gboolean     jm_outline_view_handle_key     (JmOutlineView      *self,
                                        guint           keyval,
                                        GdkModifierType state);
/* The rename entry while renaming, or NULL. */
GtkWidget   *jm_outline_view_get_rename_entry (JmOutlineView *self);

G_END_DECLS
