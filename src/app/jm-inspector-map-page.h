/* jm-inspector-map-page.h — the inspector's page for the map as a whole:
 * title, state, target tolerance, scenario, notes, and its personas (open
 * one, add, copy, paste, import, remove). */
#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_MAP_PAGE (jm_inspector_map_page_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorMapPage, jm_inspector_map_page, JM, INSPECTOR_MAP_PAGE, JmInspectorPage)

/* Puts the keyboard focus on a persona's row (coming back from its page). */
gboolean jm_inspector_map_page_focus_persona (JmInspectorMapPage *self,
                                              const char         *persona_id);

G_END_DECLS
