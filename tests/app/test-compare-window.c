/* test-compare-window.c — comparing in a real window (Xvfb): the compare
 * panel lists the changes, choosing one moves the canvas to it and opens
 * its badge, edits compare again, and the map's version at git's HEAD is
 * read from a temporary repository with real git. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jm-application.h"
#include "jm-canvas.h"
#include "jm-canvas-compare.h"
#include "jm-compare-panel.h"
#include "jm-git-version.h"
#include "jm-reader.h"
#include "jm-selection.h"
#include "jm-test-utils.h"
#include "jm-window.h"
#include "jm-window-compare.h"
#include "jm-writer.h"

static JmApplication *app;

static JmDocument *
reload (JmDocument *doc)
{
  gsize len;
  g_autofree char *xml = jm_writer_to_string (doc, &len);
  g_autoptr(GError) error = NULL;
  JmDocument *copy = jm_reader_load_bytes ("copy.journey", xml, len, NULL, &error);

  g_assert_no_error (error);
  return copy;
}

static GtkWidget *
child (JmWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), JM_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The row whose accessible name is not known here: find it by the item. */
static int
item_index (JmCanvas   *canvas,
            JmKind      kind,
            const char *id)
{
  GPtrArray *items = jm_compare_get_items (jm_canvas_get_compare (canvas));

  for (guint i = 0; i < items->len; i++)
    {
      const JmCompareItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind && g_strcmp0 (item->id, id) == 0)
        return (int) i;
    }
  return -1;
}

static void
test_panel_lists_changes_and_moves_the_canvas (void)
{
  g_autoptr(JmDocument) old_doc = jm_test_load_example ("restaurant-regular.journey");
  JmDocument *doc = reload (old_doc);
  JmWindow *window = jm_window_new (app);
  JmComparePanel *panel;
  JmCanvas *canvas;
  GtkListBox *list;
  int index;
  guint rows;

  jm_document_set_card_text (doc, "c-4", "Orders the daily special");
  jm_document_remove_card (doc, "c-2");
  gtk_window_present (GTK_WINDOW (window));
  jm_window_set_document (window, doc, NULL);
  jm_test_spin ();
  panel = JM_COMPARE_PANEL (child (window, "compare_panel"));
  canvas = JM_CANVAS (child (window, "canvas"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));

  jm_window_compare_with (window, old_doc, "old.journey");
  jm_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpstr (jm_compare_panel_get_heading (panel), ==, "Changes since old.journey");
  g_assert_nonnull (jm_canvas_get_compare (canvas));
  list = jm_compare_panel_get_list (panel);
  rows = n_rows (list);
  g_assert_cmpuint (rows, ==, jm_compare_get_items (jm_canvas_get_compare (canvas))->len);
  g_assert_cmpuint (rows, ==, 2);

  /* Choosing the changed card's row: it becomes current, its badge opens. */
  index = item_index (canvas, JM_KIND_CARD, "c-4");
  g_assert_cmpint (index, >=, 0);
  /* Its name for screen readers is the change, old and new text. */
  gtk_test_accessible_assert_property (gtk_list_box_get_row_at_index (list, index),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "~ Card “Orders the daily special” (c-4). "
                                       "text: “Asks the waiter what he would order” → “Orders the daily special”");
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
  jm_test_spin ();
  {
    const JmFocus *focus = jm_selection_get_focus (jm_canvas_get_selection_model (canvas));

    g_assert_cmpint (focus->kind, ==, JM_FOCUS_CARD);
    g_assert_cmpstr (focus->id, ==, "c-4");
    g_assert_cmpint (jm_canvas_get_open_compare_item (canvas), ==, index);
  }

  /* The removed card's row takes the focus to its old cell. */
  index = item_index (canvas, JM_KIND_CARD, "c-2");
  g_assert_cmpint (index, >=, 0);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
  jm_test_spin ();
  g_assert_cmpint (jm_selection_get_focus (jm_canvas_get_selection_model (canvas))->kind, ==, JM_FOCUS_CELL);

  /* An edit while comparing is compared too. */
  jm_document_set_card_text (doc, "c-3", "Walks in on a Wednesday");
  jm_test_spin ();
  g_assert_cmpuint (n_rows (jm_compare_panel_get_list (panel)), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-stop", NULL));
  jm_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_null (jm_canvas_get_compare (canvas));
  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin ();
}

static void
git (const char *dir,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, (char *) dir);
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.name=Test");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.email=test@example.org");
  va_start (args, dir);
  for (const char *a = va_arg (args, const char *); a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git failed: %s", err);
}

static void
test_git_head_version_is_compared (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-compare-git-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a map's journey.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JmDocument) committed = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(GPtrArray) commits = NULL;
  g_autoptr(GError) error = NULL;
  JmWindow *window;
  JmComparePanel *panel;
  JmCanvas *canvas;

  git (dir, "init", "-q", NULL);
  g_assert_true (jm_writer_save_path (committed, path, NULL));
  git (dir, "add", ".", NULL);
  git (dir, "commit", "-q", "-m", "First map", NULL);
  commits = jm_git_log (path, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commits->len, ==, 1);
  g_assert_cmpstr (((JmGitCommit *) g_ptr_array_index (commits, 0))->subject, ==, "First map");

  /* The working copy changes a card; the window compares with HEAD. */
  jm_document_set_card_text (committed, "c-4", "Orders the daily special");
  g_assert_true (jm_writer_save_path (committed, path, NULL));
  window = jm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jm_window_open_file (window, file));
  jm_test_spin ();
  g_assert_true (jm_window_compare_with_git (window, "HEAD", &error));
  g_assert_no_error (error);
  jm_test_spin ();
  panel = JM_COMPARE_PANEL (child (window, "compare_panel"));
  canvas = JM_CANVAS (child (window, "canvas"));
  g_assert_cmpstr (jm_compare_panel_get_heading (panel), ==, "Changes since the version at HEAD");
  g_assert_cmpint (item_index (canvas, JM_KIND_CARD, "c-4"), ==, 0);
  g_assert_cmpuint (n_rows (jm_compare_panel_get_list (panel)), ==, 1);

  /* A revision is never taken for an option. */
  g_assert_false (jm_window_compare_with_git (window, "--output=/tmp/x", &error));
  g_assert_nonnull (error);

  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin ();
  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Meson reads 77 as "skipped": these tests need a display (Xvfb). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the compare window tests\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/app/compare/panel-lists-changes-and-moves-the-canvas",
                   test_panel_lists_changes_and_moves_the_canvas);
  g_test_add_func ("/app/compare/git-head-version-is-compared", test_git_head_version_is_compared);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
