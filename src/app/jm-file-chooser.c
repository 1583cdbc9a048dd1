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

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            const char * const *suffixes,
            gboolean            current)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  if (current)
    gtk_file_chooser_set_filter (chooser, filter);
  g_object_unref (filter);
}

void
jm_file_chooser_add_import_filters (GtkFileChooser *chooser)
{
  static const char * const no_types[] = { NULL };
  static const char * const all_types[] = {
    "application/x-journey-map+xml", "text/markdown", "text/csv", NULL
  };
  static const char * const all_suffixes[] = {
    "journey", "mmd", "mermaid", "md", "markdown", "xml", "csv", NULL
  };
  static const char * const mermaid_types[] = { "text/markdown", NULL };
  static const char * const mermaid_suffixes[] = { "mmd", "mermaid", "md", "markdown", NULL };
  static const char * const cjml_suffixes[] = { "xml", NULL };
  static const char * const grid_types[] = { "text/csv", NULL };
  static const char * const grid_suffixes[] = { "csv", NULL };

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  add_filter (chooser, _("Journey maps and maps to import"), all_types, all_suffixes, TRUE);
  add_filter (chooser, _("Mermaid journeys (.mmd, Markdown)"), mermaid_types, mermaid_suffixes, FALSE);
  add_filter (chooser, _("CJML journeys (.xml)"), no_types, cjml_suffixes, FALSE);
  add_filter (chooser, _("Grids of cards (.csv)"), grid_types, grid_suffixes, FALSE);
}
