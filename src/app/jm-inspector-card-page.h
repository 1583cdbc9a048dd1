/* jm-inspector-card-page.h — the inspector's page for one card: its text,
 * the fields its lane's kind gives it (channel and moment of truth,
 * severity, priority and owner), evidence, how many steps it spans, whose
 * journey it belongs to, and its metrics. */
#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_CARD_PAGE (jm_inspector_card_page_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorCardPage, jm_inspector_card_page, JM, INSPECTOR_CARD_PAGE, JmInspectorPage)

G_END_DECLS
