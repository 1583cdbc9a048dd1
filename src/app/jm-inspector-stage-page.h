/* jm-inspector-stage-page.h — the inspector's page for a stage: its name,
 * its colour (the stage palette as swatches, or any colour), presenter
 * notes and metrics. */
#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_STAGE_PAGE (jm_inspector_stage_page_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorStagePage, jm_inspector_stage_page, JM, INSPECTOR_STAGE_PAGE, JmInspectorPage)

/* The swatches, for tests: a GtkFlowBox whose children are the palette's
 * colours in order. */
GtkFlowBox *jm_inspector_stage_page_get_swatches (JmInspectorStagePage *self);

G_END_DECLS
