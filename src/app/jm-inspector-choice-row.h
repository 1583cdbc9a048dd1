/* jm-inspector-choice-row.h — a row that picks one of a few named values
 * (severity, priority, channel, evidence, lane kind, map state) from a
 * popover list. Unlike libadwaita 1.2's combo row, the list opens with the
 * keyboard on the ticked value, so Down then Enter picks the one after it:
 * what is highlighted is what is chosen. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_CHOICE_ROW (jm_inspector_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorChoiceRow, jm_inspector_choice_row, JM, INSPECTOR_CHOICE_ROW, AdwActionRow)

/* The values' labels, in order: the value is the index. */
void        jm_inspector_choice_row_set_choices  (JmInspectorChoiceRow *self,
                                                  const char * const   *labels);
guint       jm_inspector_choice_row_get_selected (JmInspectorChoiceRow *self);
/* Notifies "selected" when it changes. */
void        jm_inspector_choice_row_set_selected (JmInspectorChoiceRow *self,
                                                  guint                 selected);
/* The list, for tests: its rows are the choices. */
GtkListBox *jm_inspector_choice_row_get_list     (JmInspectorChoiceRow *self);
GtkPopover *jm_inspector_choice_row_get_popover  (JmInspectorChoiceRow *self);

G_END_DECLS
