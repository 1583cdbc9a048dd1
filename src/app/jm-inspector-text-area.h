/* jm-inspector-text-area.h — a multi-line text field with its title above
 * it: a map's scenario and notes, a card's text, a stage's presenter notes,
 * a persona's bio. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_TEXT_AREA (jm_inspector_text_area_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorTextArea, jm_inspector_text_area, JM, INSPECTOR_TEXT_AREA, GtkWidget)

/* The text; setting the same text again leaves the cursor where it is. */
char          *jm_inspector_text_area_get_text   (JmInspectorTextArea *self);
void           jm_inspector_text_area_set_text   (JmInspectorTextArea *self,
                                                  const char          *text);
GtkTextBuffer *jm_inspector_text_area_get_buffer (JmInspectorTextArea *self);

G_END_DECLS
