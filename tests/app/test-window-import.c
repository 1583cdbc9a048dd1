/* test-window-import.c — maps from elsewhere in the editor, under a real
 * display (Xvfb): a Mermaid, CJML or grid file opens as a new, unsaved
 * map through the same entry point as the command line, read ahead or
 * not; the Open dialog offers them. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jm-application.h"
#include "jm-file-chooser.h"
#include "jm-preload.h"
#include "jm-window.h"

static JmApplication *app;

static void
spin (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static JmWindow *
new_window (void)
{
  JmWindow *window = jm_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

static void
destroy_window (JmWindow *window)
{
  /* An imported map is unsaved: leave without asking. */
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "tests", "io", "imports", name, NULL);
}

static void
check_opens_as_new_unsaved_map (const char *name,
                                const char *title,
                                gboolean    read_ahead)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmWindow *window = new_window ();
  JmDocument *doc;

  g_test_message ("%s%s", name, read_ahead ? ", read ahead" : "");
  if (read_ahead)
    jm_preload_start (path);
  g_assert_true (jm_window_open_file (window, file));
  spin ();
  doc = jm_window_get_document (window);
  g_assert_nonnull (doc);
  g_assert_cmpstr (jm_document_get_title (doc), ==, title);
  /* New: no file behind it, and unsaved until the user picks one. */
  g_assert_null (jm_window_get_file (window));
  g_assert_true (jm_history_is_modified (jm_document_get_history (doc)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•")
                 || strstr (gtk_window_get_title (GTK_WINDOW (window)), title) != NULL);
  destroy_window (window);
}

static void
test_imports_open_as_new_unsaved_maps (void)
{
  check_opens_as_new_unsaved_map ("bike.md", "Buying a bike", FALSE);
  check_opens_as_new_unsaved_map ("kindergarten.xml", "Applying for a kindergarten place", FALSE);
  check_opens_as_new_unsaved_map ("shop.grid.csv", "shop", FALSE);
  /* journey-maps IN.mmd reads the file ahead, while GTK starts. */
  check_opens_as_new_unsaved_map ("bike.md", "Buying a bike", TRUE);
}

static void
test_a_broken_import_is_refused_with_its_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.mmd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmWindow *window = new_window ();

  g_assert_true (g_file_set_contents (path, "journey\n  section A: b\n", -1, NULL));
  g_assert_false (jm_window_open_file (window, file));
  g_assert_null (jm_window_get_document (window));
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_open_dialog_offers_every_import (void)
{
  g_autoptr(GtkFileChooserNative) chooser = gtk_file_chooser_native_new ("Open", NULL, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                         "_Open", "_Cancel");
  g_autoptr(GListModel) filters = NULL;
  GtkFileFilter *current;
  g_autoptr(GString) names = g_string_new (NULL);

  jm_file_chooser_add_import_filters (GTK_FILE_CHOOSER (chooser));
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_string_append_printf (names, "%s;", gtk_file_filter_get_name (filter));
    }
  g_assert_cmpstr (names->str, ==, "Journey maps and maps to import;Mermaid journeys (.mmd, Markdown);"
                                   "CJML journeys (.xml);Grids of cards (.csv);");
  current = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (current), ==, "Journey maps and maps to import");
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/app/import/imports-open-as-new-unsaved-maps", test_imports_open_as_new_unsaved_maps);
  g_test_add_func ("/app/import/a-broken-import-is-refused", test_a_broken_import_is_refused_with_its_line);
  g_test_add_func ("/app/import/open-dialog-offers-every-import", test_open_dialog_offers_every_import);

  return g_test_run ();
}
