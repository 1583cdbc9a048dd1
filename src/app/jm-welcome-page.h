/* jm-welcome-page.h — what a window without a map shows: a new map, opening
 * one, the maps opened last and the templates, each with its picture. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JM_TYPE_WELCOME_PAGE (jm_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (JmWelcomePage, jm_welcome_page, JM, WELCOME_PAGE, AdwBin)

/* Lists the maps opened last again (GtkRecentManager's, newest first). */
void jm_welcome_page_update_recent (JmWelcomePage *self);

G_END_DECLS
