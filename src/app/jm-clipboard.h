/* jm-clipboard.h — reading one type of content from a clipboard as bytes,
 * without blocking: the clipboard may be fed by this very process. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void    jm_clipboard_read_bytes_async  (GdkClipboard        *clipboard,
                                        const char          *mime_type,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* NULL with error set when the clipboard holds no such content. */
GBytes *jm_clipboard_read_bytes_finish (GdkClipboard        *clipboard,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
