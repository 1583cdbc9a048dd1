/* jm-file-chooser.c — see jm-file-chooser.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-file-chooser.h"

void
jm_file_chooser_open (GtkWindow          *parent,
                      const char         *title,
                      const char         *accept_label,
                      const char         *filter_name,
                      const char * const *mime_types,
                      const char         *suffix,
                      GCallback           on_response,
                      gpointer            user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  if (suffix != NULL)
    gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", on_response, user_data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
