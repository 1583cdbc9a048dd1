/* jm-inspector-list-group.h — a persona's list (goals, needs, frustrations,
 * interests) as a group of entry rows: one row a line, a "+" that adds a
 * row and puts the cursor in it, a button on each row that takes it out. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_LIST_GROUP (jm_inspector_list_group_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorListGroup, jm_inspector_list_group, JM, INSPECTOR_LIST_GROUP,
                      AdwPreferencesGroup)

/* Shows these items; rows keep their widgets (and the cursor) when only
 * texts change. */
void        jm_inspector_list_group_set_items (JmInspectorListGroup *self,
                                               const char * const   *items);
/* The items as the rows have them now. */
char      **jm_inspector_list_group_get_items (JmInspectorListGroup *self);
GtkWidget  *jm_inspector_list_group_get_row   (JmInspectorListGroup *self,
                                               guint                 index);
GtkWidget  *jm_inspector_list_group_get_add_button (JmInspectorListGroup *self);

G_END_DECLS
