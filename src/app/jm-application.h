/* jm-application.h — the Journey Maps application: command line, windows,
 * application-wide actions (about, preferences, quit). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JM_TYPE_APPLICATION (jm_application_get_type ())
G_DECLARE_FINAL_TYPE (JmApplication, jm_application, JM, APPLICATION, AdwApplication)

JmApplication *jm_application_new          (void);
GSettings     *jm_application_get_settings (JmApplication *self);

G_END_DECLS
