/* jm-a11y.h — names for controls that GTK 4.8 names badly for a screen
 * reader: a button with a mnemonic label is read "_Cancel Cancel", a colour
 * button's inner button "GtkButton", the search fields and buttons of
 * GTK's and libadwaita's own windows after their types. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* name as the widget's only accessible name: GTK 4.8 reads the label
 * property and then the labelling widgets (a mnemonic label, an
 * AdwActionRow's title) one after the other, "Bio Bio". */
void jm_a11y_set_name      (GtkWidget  *widget,
                            const char *name);
/* The button's label without its mnemonic underscore as its only name.
 * Call again after each gtk_button_set_label. */
void jm_a11y_name_button   (GtkButton *button);
/* jm_a11y_name_button for every mnemonic button under root, and the inner
 * button of every colour button (named after its title). */
void jm_a11y_name_controls (GtkWidget *root);
/* The same, and names for the search field and the buttons of a
 * preferences or shortcuts window that GTK leaves unnamed. */
void jm_a11y_name_window   (GtkWindow *window);

G_END_DECLS
