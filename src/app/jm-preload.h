/* jm-preload.h — maps named on the command line, read and laid out in a
 * thread of their own while GTK starts and the window is built: on two
 * cores the first frame no longer waits for both in turn. */
#pragma once

#include "jm-document.h"
#include "jm-layout.h"

G_BEGIN_DECLS

/* Starts reading the map at path (as g_file_get_path gives it). */
void     jm_preload_start       (const char  *path);
/* If path was preloaded and is unchanged since, waits for it and hands
 * over what jm_import_load_path gave: the document and its layout (default
 * options), or NULL and why the file could not be read (problems, error).
 * Otherwise returns FALSE, and the caller reads the file itself. */
gboolean jm_preload_take        (const char  *path,
                                 JmDocument **document,
                                 GPtrArray  **problems,
                                 GError     **error,
                                 JmLayout   **layout);
/* Waits for and drops what nobody took. */
void     jm_preload_discard_all (void);

G_END_DECLS
