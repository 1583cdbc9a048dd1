/* jm-preferences-window.h — the Preferences window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JM_TYPE_PREFERENCES_WINDOW (jm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (JmPreferencesWindow, jm_preferences_window, JM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

JmPreferencesWindow *jm_preferences_window_new (GSettings *settings);

G_END_DECLS
