/* jm-inspector-persona-page.h — the inspector's page for one persona:
 * who they are, their photo, bio, goals, needs, frustrations, interests
 * and preferred channels. A back button (and Escape) returns to the map's
 * page. */
#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_PERSONA_PAGE (jm_inspector_persona_page_get_type ())
G_DECLARE_FINAL_TYPE (JmInspectorPersonaPage, jm_inspector_persona_page, JM, INSPECTOR_PERSONA_PAGE,
                      JmInspectorPage)

/* Puts the keyboard focus on the back button (the page was just opened). */
gboolean jm_inspector_persona_page_focus_back (JmInspectorPersonaPage *self);
/* Puts it in the name field, its text selected (a persona just added). */
gboolean jm_inspector_persona_page_focus_name (JmInspectorPersonaPage *self);

/* A photo for a persona from an image file: cropped square, at most 256
 * pixels, as PNG. */
GBytes *jm_inspector_load_photo (const char  *path,
                                 GError     **error);

G_END_DECLS
