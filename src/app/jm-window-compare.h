/* jm-window-compare.h — the window's "Compare With" actions: another map
 * file, the map's last saved version, or its version at a commit of the
 * git repository it lives in; the changes show on the canvas and in the
 * compare panel. */
#pragma once

#include "jm-window.h"

G_BEGIN_DECLS

/* win.compare-file, win.compare-saved, win.compare-git, win.compare-stop. */
void     jm_window_compare_install_actions (GtkWidgetClass *widget_class);
/* Compares the window's map with old_doc, named old_name. */
void     jm_window_compare_with      (JmWindow    *self,
                                      JmDocument  *old_doc,
                                      const char  *old_name);
/* With the map's version at rev ("HEAD" or a commit) in git; FALSE with
 * error when there is none. */
gboolean jm_window_compare_with_git  (JmWindow    *self,
                                      const char  *rev,
                                      GError     **error);

G_END_DECLS
