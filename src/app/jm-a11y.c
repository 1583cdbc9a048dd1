/* jm-a11y.c — see jm-a11y.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-a11y.h"

static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; a single one marks the mnemonic. */
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
jm_a11y_set_name (GtkWidget  *widget,
                  const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GTK 4.8 reads the label property and the labelling widgets one after
   * the other: keep one. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
jm_a11y_name_button (GtkButton *button)
{
  const char *label;
  g_autofree char *plain = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));

  label = gtk_button_get_label (button);
  if (label == NULL || !gtk_button_get_use_underline (button) || strchr (label, '_') == NULL)
    return;
  plain = strip_mnemonic (label);
  jm_a11y_set_name (GTK_WIDGET (button), plain);
}

static void
name_controls (GtkWidget *widget,
               gboolean   window_parts)
{
  if (GTK_IS_BUTTON (widget))
    jm_a11y_name_button (GTK_BUTTON (widget));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (GTK_IS_COLOR_BUTTON (widget))
    {
      g_autofree char *title = NULL;
      GtkWidget *inner = gtk_widget_get_first_child (widget);

      g_object_get (widget, "title", &title, NULL);
      if (GTK_IS_BUTTON (inner) && title != NULL)
        jm_a11y_set_name (inner, title);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (window_parts)
    {
      if (GTK_IS_SEARCH_ENTRY (widget))
        jm_a11y_set_name (widget, _("Search"));
      else if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL
               && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
        /* The search toggle of a shortcuts window's header. */
        jm_a11y_set_name (widget, _("Search"));
      else if (GTK_IS_MENU_BUTTON (widget))
        /* The shortcuts window's list of sections. */
        jm_a11y_set_name (widget, _("Sections"));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_controls (child, window_parts);
}

void
jm_a11y_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  name_controls (root, FALSE);
}

void
jm_a11y_name_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  name_controls (GTK_WIDGET (window), TRUE);
}
