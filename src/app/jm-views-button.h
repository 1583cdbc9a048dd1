/* jm-views-button.h — the header bar's views menu: show the whole map or
 * one of its named views on the canvas, and make, edit (rename) and delete
 * views. Every change is a document command, undone like any other. */
#pragma once

#include <gtk/gtk.h>

#include "jm-canvas.h"

G_BEGIN_DECLS

#define JM_TYPE_VIEWS_BUTTON (jm_views_button_get_type ())
G_DECLARE_FINAL_TYPE (JmViewsButton, jm_views_button, JM, VIEWS_BUTTON, GtkWidget)

JmViewsButton *jm_views_button_new        (void);
/* The canvas whose view the menu chooses, and its document (NULL: none). */
void           jm_views_button_set_canvas (JmViewsButton *self,
                                           JmCanvas      *canvas);
/* Opens the dialog that makes a new view (view_id NULL) or edits one. */
void           jm_views_button_edit       (JmViewsButton *self,
                                           const char    *view_id);

G_END_DECLS
