/* jm-window-dnd.c — a file dropped on the window opens: in this window
 * when it has no map yet, in a window of its own otherwise. */
#include "config.h"

#include "jm-window-private.h"

/* ---- drag a file onto the window ---- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JmWindow      *self)
{
  GFile *file;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  file = g_value_get_object (value);
  if (self->document == NULL)
    return jm_window_open_file (self, file);

  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
  return TRUE;
}

void
jm_window_dnd_init (JmWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
