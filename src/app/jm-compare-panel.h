/* jm-compare-panel.h — the side panel of a comparison: what changed since
 * an older version of the map, one row per object; moving through the list
 * moves the canvas to each change and opens its old → new badge. */
#pragma once

#include <adwaita.h>

#include "jm-canvas.h"

G_BEGIN_DECLS

#define JM_TYPE_COMPARE_PANEL (jm_compare_panel_get_type ())
G_DECLARE_FINAL_TYPE (JmComparePanel, jm_compare_panel, JM, COMPARE_PANEL, GtkWidget)

GtkWidget  *jm_compare_panel_new        (void);
void        jm_compare_panel_set_canvas (JmComparePanel *self,
                                         JmCanvas       *canvas);
/* Compares the canvas's map with old_doc (named old_name in the heading),
 * marks the changes on the canvas and shows the panel. */
void        jm_compare_panel_compare    (JmComparePanel *self,
                                         JmDocument     *old_doc,
                                         const char     *old_name);
/* Takes the marks off and hides the panel. */
void        jm_compare_panel_stop       (JmComparePanel *self);
gboolean    jm_compare_panel_is_comparing (JmComparePanel *self);
GtkListBox *jm_compare_panel_get_list   (JmComparePanel *self);
const char *jm_compare_panel_get_heading (JmComparePanel *self);

G_END_DECLS
