/* jm-inspector-emotion-row.h — one persona's emotion score at a step, on
 * one curve (as is or to be): −2 … +2 in half steps, or not set, with a
 * button that clears it. */
#pragma once

#include <adwaita.h>

#include "jm-enums.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_EMOTION_ROW (jm_inspector_emotion_row_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorEmotionRow, jm_inspector_emotion_row, JM, INSPECTOR_EMOTION_ROW, AdwActionRow)

GtkWidget  *jm_inspector_emotion_row_new        (const char            *persona_id,
                                                 JmMapState             curve);
const char *jm_inspector_emotion_row_get_persona (JmInspectorEmotionRow *self);
JmMapState  jm_inspector_emotion_row_get_curve  (JmInspectorEmotionRow *self);
/* NAN: not set. Shows it without emitting "score-changed". */
void        jm_inspector_emotion_row_set_score  (JmInspectorEmotionRow *self,
                                                 double                 score);
double      jm_inspector_emotion_row_get_score  (JmInspectorEmotionRow *self);
GtkSpinButton *jm_inspector_emotion_row_get_spin (JmInspectorEmotionRow *self);
GtkWidget  *jm_inspector_emotion_row_get_clear_button (JmInspectorEmotionRow *self);

G_END_DECLS
