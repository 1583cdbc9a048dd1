/* jm-file-chooser.h — the modal "open one file" chooser the editor shows
 * wherever it asks for a file of one kind (a photo, a survey, a map). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows the chooser over parent with one filter: filter_name, the MIME
 * types (NULL-terminated) and a file name suffix (may be NULL). The
 * "response" handler gets the chooser, which it must unref, and
 * user_data. */
void jm_file_chooser_open (GtkWindow          *parent,
                           const char         *title,
                           const char         *accept_label,
                           const char         *filter_name,
                           const char * const *mime_types,
                           const char         *suffix,
                           GCallback           on_response,
                           gpointer            user_data);

/* Adds to an Open dialog the maps it can import (Mermaid journeys, also
 * in Markdown, CJML, grid CSV), each kind and all of them with .journey
 * files, which becomes the filter shown. */
void jm_file_chooser_add_import_filters (GtkFileChooser *chooser);

G_END_DECLS
