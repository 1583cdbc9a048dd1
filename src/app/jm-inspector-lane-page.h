/* jm-inspector-lane-page.h — the inspector's page for a lane (a row of the
 * map): its title and kind. */
#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_LANE_PAGE (jm_inspector_lane_page_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorLanePage, jm_inspector_lane_page, JM, INSPECTOR_LANE_PAGE, JmInspectorPage)

G_END_DECLS
