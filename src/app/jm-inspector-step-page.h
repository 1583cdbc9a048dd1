/* jm-inspector-step-page.h — the inspector's page for a step (a column):
 * its name and every persona's emotion score there, as is and to be. It is
 * also what a focused cell or emotion point shows, with the focused
 * persona's row marked. */
#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_STEP_PAGE (jm_inspector_step_page_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorStepPage, jm_inspector_step_page, JM, INSPECTOR_STEP_PAGE, JmInspectorPage)

/* The row of a persona's score on a curve, for tests. */
GtkWidget *jm_inspector_step_page_get_emotion_row (JmInspectorStepPage *self,
                                                   const char          *persona_id,
                                                   JmMapState           curve);

G_END_DECLS
