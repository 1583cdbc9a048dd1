/* jm-window-compare.c — "Compare With…" in the window: where the old
 * version comes from (a file, the saved file, git) and handing it to the
 * compare panel, which marks the changes on the canvas. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-compare-panel.h"
#include "jm-file-chooser.h"
#include "jm-git-version.h"
#include "jm-import.h"
#include "jm-reader.h"
#include "jm-window-compare.h"

static JmComparePanel *
panel_of (JmWindow *self)
{
  return JM_COMPARE_PANEL (gtk_widget_get_template_child (GTK_WIDGET (self), JM_TYPE_WINDOW,
                                                          "compare_panel"));
}

static void
show_error (JmWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jm_window_compare_with (JmWindow   *self,
                        JmDocument *old_doc,
                        const char *old_name)
{
  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (JM_IS_DOCUMENT (old_doc));

  if (jm_window_get_document (self) == NULL)
    return;
  jm_compare_panel_compare (panel_of (self), old_doc, old_name);
}

static gboolean
compare_with_path (JmWindow    *self,
                   const char  *path,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JmDocument) old_doc = jm_import_load_path (path, &problems, error);

  if (old_doc == NULL)
    return FALSE;
  jm_window_compare_with (self, old_doc, name);
  return TRUE;
}

gboolean
jm_window_compare_with_git (JmWindow    *self,
                            const char  *rev,
                            GError     **error)
{
  GFile *file;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) old_doc = NULL;
  g_autofree char *name = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (JM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (rev != NULL, FALSE);

  file = jm_window_get_file (self);
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The map is not saved in a folder yet"));
      return FALSE;
    }
  bytes = jm_git_show (path, rev, error);
  if (bytes == NULL)
    return FALSE;
  /* Translators: how the compare panel names a version in git, e.g. "HEAD" or "3f2a9c1" */
  name = g_strdup_printf (_("the version at %.*s"), g_str_equal (rev, "HEAD") ? 4 : 7, rev);
  data = g_bytes_get_data (bytes, &len);
  old_doc = jm_reader_load_bytes (name, data, len, NULL, error);
  if (old_doc == NULL)
    return FALSE;
  jm_window_compare_with (self, old_doc, name);
  return TRUE;
}

/* ---- actions ---- */

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                JmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !compare_with_path (self, path, name, &error))
        show_error (self, _("Could Not Compare"), error ? error->message : _("Only files on this computer can be compared."));
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
action_compare_file (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  static const char * const types[] = { "application/x-journey-map+xml", NULL };

  jm_file_chooser_open (GTK_WINDOW (widget), _("Compare With a Map"), _("_Compare"),
                        _("Journey maps"), types, "journey",
                        G_CALLBACK (on_file_chosen), g_object_ref (widget));
}

static void
action_compare_saved (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GFile *file = jm_window_get_file (self);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    show_error (self, _("Could Not Compare"), _("The map has not been saved yet."));
  else if (!compare_with_path (self, path, _("the saved version"), &error))
    show_error (self, _("Could Not Compare"), error->message);
}

static void
on_commit_response (AdwMessageDialog *dialog,
                    const char       *response,
                    JmWindow         *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "jm-list");
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "compare") && row != NULL
      && !jm_window_compare_with_git (self, g_object_get_data (G_OBJECT (row), "jm-rev"), &error))
    show_error (self, _("Could Not Compare"), error->message);
  g_object_unref (self);
}

static void
action_compare_git (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GFile *file = jm_window_get_file (self);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GPtrArray) commits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *list, *scroller;

  if (path == NULL)
    {
      show_error (self, _("Could Not Compare"), _("The map has not been saved yet."));
      return;
    }
  commits = jm_git_log (path, 50, &error);
  if (commits == NULL || commits->len == 0)
    {
      show_error (self, _("Could Not Compare"),
                  error ? error->message : _("git has no commit of this map yet."));
      return;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Commits"), -1);
  for (guint i = 0; i < commits->len; i++)
    {
      const JmGitCommit *commit = g_ptr_array_index (commits, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf ("%.7s · %s", commit->rev, commit->date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), commit->subject);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "jm-rev", g_strdup (commit->rev), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare With a Version in Git"),
                                   _("The changes since the chosen commit are marked on the map."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "compare", _("_Compare"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "jm-list", list);
  g_signal_connect (dialog, "response", G_CALLBACK (on_commit_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_compare_stop (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  jm_compare_panel_stop (panel_of (JM_WINDOW (widget)));
}

void
jm_window_compare_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-file", NULL, action_compare_file);
  gtk_widget_class_install_action (widget_class, "win.compare-saved", NULL, action_compare_saved);
  gtk_widget_class_install_action (widget_class, "win.compare-git", NULL, action_compare_git);
  gtk_widget_class_install_action (widget_class, "win.compare-stop", NULL, action_compare_stop);
}
