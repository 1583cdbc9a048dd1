/* jm-clipboard.c — see jm-clipboard.h. */
#include "config.h"

#include "jm-clipboard.h"

static void
on_spliced (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source)),
                           (GDestroyNotify) g_bytes_unref);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  GError *error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_spliced, task);
}

void
jm_clipboard_read_bytes_async (GdkClipboard        *clipboard,
                               const char          *mime_type,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  const char *mime_types[] = { mime_type, NULL };
  GTask *task = g_task_new (clipboard, NULL, callback, user_data);

  g_task_set_source_tag (task, jm_clipboard_read_bytes_async);
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_read, task);
}

GBytes *
jm_clipboard_read_bytes_finish (GdkClipboard  *clipboard,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, clipboard), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
