/* test-window.c — the main window under a real display (Xvfb): title,
 * menu actions, the empty state's buttons, and a document shown on the
 * canvas. */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "jm-application.h"
#include "jm-canvas.h"
#include "jm-inspector.h"
#include "jm-inspector-page.h"
#include "jm-metrics-view.h"
#include "jm-preload.h"
#include "jm-recovery.h"
#include "jm-templates.h"
#include "jm-test-utils.h"
#include "jm-welcome-page.h"
#include "jm-window.h"
#include "jm-writer.h"
#include <glib/gstdio.h>

static JmApplication *app;

static JmWindow *
new_window (void)
{
  JmWindow *window = jm_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  jm_test_spin ();
  return window;
}

static void
destroy_window (JmWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin ();
}

static GtkWidget *
child (JmWindow   *window,
       const char *name);

/* A child of the window's welcome page (its empty state). */
static GtkWidget *
welcome_child (JmWindow   *window,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (child (window, "welcome_page"), JM_TYPE_WELCOME_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
child (JmWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), JM_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
test_window_opens_with_title_and_empty_state (void)
{
  JmWindow *window = new_window ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Journey Maps");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "stack"))), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (welcome_child (window, "empty_new_button")));
  g_assert_null (jm_window_get_document (window));
  destroy_window (window);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          gboolean found = menu_has_action (section, action);

          g_object_unref (section);
          if (found)
            return TRUE;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

static void
test_primary_menu_offers_every_action (void)
{
  JmWindow *window = new_window ();
  GtkMenuButton *button = GTK_MENU_BUTTON (child (window, "primary_menu_button"));
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  const char *actions[] = {
    "win.new", "win.open", "win.save", "win.save-as", "win.export", "win.print",
    "win.print-personas", "win.print-handout", "app.preferences", "win.show-help-overlay", "app.about",
  };

  g_assert_nonnull (menu);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_test_message ("menu action %s", actions[i]);
      g_assert_true (menu_has_action (menu, actions[i]));
    }

  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "about"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences"));
  destroy_window (window);
}

/* View ▸ Show Emotion Scores: a setting the canvas follows at once. */
static void
test_emotion_scores_are_shown_on_request (void)
{
  JmWindow *window = new_window ();
  JmCanvas *canvas = JM_CANVAS (child (window, "canvas"));
  gboolean on = TRUE;

  g_assert_true (gtk_widget_activate (welcome_child (window, "empty_new_button")));
  jm_test_spin_for (200);
  g_assert_false (jm_layout_get_options (jm_canvas_get_layout (canvas))->emotion_values);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.emotion-values", NULL));
  jm_test_spin ();
  g_object_get (canvas, "emotion-values", &on, NULL);
  g_assert_true (on);
  g_assert_true (jm_layout_get_options (jm_canvas_get_layout (canvas))->emotion_values);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.emotion-values", NULL));
  jm_test_spin ();
  g_assert_false (jm_layout_get_options (jm_canvas_get_layout (canvas))->emotion_values);

  jm_history_set_clean (jm_document_get_history (jm_window_get_document (window)));
  destroy_window (window);
}

static void
test_empty_state_new_button_creates_a_map (void)
{
  JmWindow *window = new_window ();
  JmDocument *doc;

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (welcome_child (window, "empty_new_button"))),
                   ==, "win.new");
  g_assert_true (gtk_widget_activate (welcome_child (window, "empty_new_button")));
  jm_test_spin_for (400);

  doc = jm_window_get_document (window);
  g_assert_nonnull (doc);
  g_assert_cmpuint (jm_document_get_stages (doc)->len, ==, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "stack"))), ==, "map");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled journey map");
  g_assert_true (jm_canvas_get_layout (JM_CANVAS (child (window, "canvas"))) != NULL);

  /* An edit marks the title as modified; undo clears it. */
  jm_document_set_title (doc, "Flat tyre");
  jm_test_spin ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Flat tyre");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  jm_test_spin ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled journey map");

  jm_history_set_clean (jm_document_get_history (doc));
  destroy_window (window);
}

static gboolean
has_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return TRUE;
    }
  return FALSE;
}

static void
close_toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        gtk_window_destroy (GTK_WINDOW (item));
    }
  jm_test_spin ();
}

static void
test_empty_state_open_button_shows_file_chooser (void)
{
  JmWindow *window = new_window ();

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (welcome_child (window, "empty_open_button"))),
                   ==, "win.open");
  g_assert_false (has_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (gtk_widget_activate (welcome_child (window, "empty_open_button")));
  jm_test_spin_for (400);
  g_assert_true (has_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG));
  close_toplevels_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG);
  destroy_window (window);
}

static void
test_closing_modified_map_asks_to_save (void)
{
  JmWindow *window = new_window ();

  jm_window_set_document (window, jm_document_new (), NULL);
  jm_document_set_title (jm_window_get_document (window), "Unsaved work");
  jm_test_spin ();

  gtk_window_close (GTK_WINDOW (window));
  jm_test_spin ();
  /* Still there, with a question on top. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (has_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  close_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  destroy_window (window);
}

static void
test_about_and_shortcuts_windows_open (void)
{
  JmWindow *window = new_window ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  jm_test_spin ();
  g_assert_true (has_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  close_toplevels_of_type (ADW_TYPE_ABOUT_WINDOW);

  /* The shortcuts window is made when first asked for (Ctrl+?), not with
   * the window; closed, it is shown again. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
    GtkShortcutsWindow *overlay;

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
    g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    jm_test_spin ();
    g_assert_true (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
    g_assert_nonnull (overlay);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
    gtk_window_close (GTK_WINDOW (overlay));
    jm_test_spin ();
    g_assert_false (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    jm_test_spin ();
    g_assert_true (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
    g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  }
  close_toplevels_of_type (GTK_TYPE_SHORTCUTS_WINDOW);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  jm_test_spin ();
  g_assert_true (has_toplevel_of_type (ADW_TYPE_PREFERENCES_WINDOW));
  close_toplevels_of_type (ADW_TYPE_PREFERENCES_WINDOW);
  destroy_window (window);
}

static void
test_window_size_is_remembered (void)
{
  GSettings *settings = jm_application_get_settings (app);
  JmWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 1111);
  g_settings_set_int (settings, "window-height", 777);
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 777);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  jm_test_spin ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

/* A new blank map in the window, and its Export dialog opened. */
static GtkWidget *
open_export_dialog_on_a_new_map (JmWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", "s", "blank"));
  jm_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  jm_test_spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, g_type_from_name ("JmExportDialog")))
        dialog = GTK_WIDGET (item);
    }
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_export_dialog_opens_with_preview (void)
{
  JmWindow *window = new_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", "s", "blank"));
  jm_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  jm_test_spin ();
  g_assert_true (has_toplevel_of_type (ADW_TYPE_WINDOW));
  close_toplevels_of_type (g_type_from_name ("JmExportDialog"));
  jm_history_set_clean (jm_document_get_history (jm_window_get_document (window)));
  destroy_window (window);
}

/* The Export dialog's resolution row: the combo row whose subtitle gives
 * the PNG's size. */
static AdwComboRow *
find_png_size_row (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget) && gtk_widget_get_visible (widget))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

      if (subtitle != NULL && strstr (subtitle, " pixels, about ") != NULL)
        return ADW_COMBO_ROW (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_png_size_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "830 × 528 pixels, …": the two numbers. */
static void
read_size (AdwComboRow *row,
           int         *w,
           int         *h)
{
  const char *text = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  char *end = NULL;

  *w = (int) strtol (text, &end, 10);
  g_assert_true (g_str_has_prefix (end, " × "));
  *h = (int) strtol (end + strlen (" × "), NULL, 10);
}

static void
test_export_dialog_says_the_png_size (void)
{
  JmWindow *window = new_window ();
  GtkWidget *dialog;
  AdwComboRow *row;
  int w1, h1, w2, h2;

  dialog = open_export_dialog_on_a_new_map (window);
  row = find_png_size_row (dialog);
  g_assert_nonnull (row);

  /* At 1× and at 2×: twice the scale, twice each side. */
  adw_combo_row_set_selected (row, 0);
  jm_test_spin ();
  read_size (row, &w1, &h1);
  adw_combo_row_set_selected (row, 1);
  jm_test_spin ();
  read_size (row, &w2, &h2);
  g_assert_cmpint (w1, >, 100);
  g_assert_cmpint (ABS (w2 - 2 * w1), <=, 1);
  g_assert_cmpint (ABS (h2 - 2 * h1), <=, 1);

  close_toplevels_of_type (g_type_from_name ("JmExportDialog"));
  jm_history_set_clean (jm_document_get_history (jm_window_get_document (window)));
  destroy_window (window);
}

/* The dialog's combo row titled title. */
static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_export_dialog_offers_a_web_page (void)
{
  JmWindow *window = new_window ();
  GtkWidget *dialog;
  AdwComboRow *formats;
  GListModel *model;
  guint web = G_MAXUINT;

  dialog = open_export_dialog_on_a_new_map (window);
  formats = find_combo_row (dialog, "_Format");
  g_assert_nonnull (formats);
  model = adw_combo_row_get_model (formats);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Web page (HTML)") == 0)
      web = i;
  g_assert_cmpuint (web, !=, G_MAXUINT);

  /* A web page has no pixel size: the PNG's rows go. */
  g_assert_nonnull (find_png_size_row (dialog));
  adw_combo_row_set_selected (formats, web);
  jm_test_spin ();
  g_assert_null (find_png_size_row (dialog));

  close_toplevels_of_type (g_type_from_name ("JmExportDialog"));
  jm_history_set_clean (jm_document_get_history (jm_window_get_document (window)));
  destroy_window (window);
}

/* Persona sheets and the handout are exported as PDF or PNG pages: an
 * SVG chosen before turns into a PDF, and a PNG is a portrait A4 page. */
static void
test_export_dialog_offers_persona_sheets_and_handout (void)
{
  JmWindow *window = new_window ();
  GtkWidget *dialog;
  AdwComboRow *what, *format, *size;
  int w, h;

  dialog = open_export_dialog_on_a_new_map (window);
  what = find_combo_row (dialog, "_What");
  format = find_combo_row (dialog, "_Format");
  g_assert_nonnull (what);
  g_assert_nonnull (format);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (what)), ==, 3);

  adw_combo_row_set_selected (format, 2);   /* SVG */
  adw_combo_row_set_selected (what, 2);     /* the handout */
  jm_test_spin ();
  g_assert_cmpuint (adw_combo_row_get_selected (format), ==, 1);   /* PDF */

  adw_combo_row_set_selected (format, 0);   /* PNG */
  jm_test_spin ();
  size = find_png_size_row (dialog);
  g_assert_nonnull (size);
  adw_combo_row_set_selected (size, 0);
  jm_test_spin ();
  read_size (size, &w, &h);
  g_assert_cmpint (w, ==, 794);
  g_assert_cmpint (h, ==, 1123);

  close_toplevels_of_type (g_type_from_name ("JmExportDialog"));
  jm_history_set_clean (jm_document_get_history (jm_window_get_document (window)));
  destroy_window (window);
}

static void
test_autosave_keeps_unsaved_work_until_saved (void)
{
  JmWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("jm-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_template_create (JM_TEMPLATE_BLANK);

  g_assert_true (jm_writer_save_path (doc, path, &error));
  jm_window_set_document (window, doc, file);
  g_assert_false (jm_window_autosave (window));           /* nothing unsaved */

  jm_document_set_title (doc, "Workshop, Tuesday");
  g_assert_true (jm_window_autosave (window));
  g_assert_false (jm_window_autosave (window));           /* nothing new since */
  entries = jm_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((JmRecoveryEntry *) entries->pdata[0])->title, ==, "Workshop, Tuesday");
  copy = g_strdup (((JmRecoveryEntry *) entries->pdata[0])->path);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* What a new start would do with the copy: open it, unsaved, for the same file. */
  {
    JmWindow *other = new_window ();

    g_assert_true (jm_window_open_recovered (other, copy, file));
    g_assert_cmpstr (jm_document_get_title (jm_window_get_document (other)), ==, "Workshop, Tuesday");
    g_assert_true (jm_history_is_modified (jm_document_get_history (jm_window_get_document (other))));
    g_assert_true (g_file_equal (jm_window_get_file (other), file));
    jm_history_set_clean (jm_document_get_history (jm_window_get_document (other)));
    destroy_window (other);
  }

  /* Saving removes the copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  jm_test_spin ();
  entries = jm_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* The map's folder is removed while it is open (a USB stick pulled, a
 * folder deleted in the file manager): saving must fail, say which file
 * and why, keep the work marked unsaved and keep its recovery copy. */
static void
test_save_into_vanished_folder_keeps_work_unsaved (void)
{
  JmWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("jm-window-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "project", NULL);
  g_autofree char *path = g_build_filename (folder, "map.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  JmDocument *doc = jm_template_create (JM_TEMPLATE_BLANK);
  AdwMessageDialog *dialog = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (jm_writer_save_path (doc, path, &error));
  jm_window_set_document (window, doc, file);
  jm_document_set_title (doc, "Workshop, Wednesday");
  g_assert_true (jm_window_autosave (window));
  jm_test_spin ();

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  jm_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  jm_test_spin ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not save “map.journey”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_strerror (ENOENT)));
  close_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_true (jm_history_is_modified (jm_document_get_history (doc)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• Workshop, Wednesday"));
  entries = jm_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((JmRecoveryEntry *) entries->pdata[0])->title, ==, "Workshop, Wednesday");

  jm_history_set_clean (jm_document_get_history (doc));
  destroy_window (window);
  jm_recovery_remove (((JmRecoveryEntry *) entries->pdata[0])->id);
  g_rmdir (dir);
}

static void
test_persona_switcher_shows_one_persona (void)
{
  JmWindow *window = new_window ();
  g_autofree char *path = jm_test_example_path ("bike-shop-vs-food-delivery.journey");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmCanvas *canvas = JM_CANVAS (child (window, "canvas"));

  g_assert_false (gtk_widget_get_visible (child (window, "persona_button")));
  g_assert_true (jm_window_open_file (window, file));
  jm_test_spin ();
  g_assert_true (gtk_widget_get_visible (child (window, "persona_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view-persona", "s", "p-giulia"));
  g_assert_cmpstr (jm_canvas_get_persona (canvas), ==, "p-giulia");
  g_assert_cmpstr (jm_layout_get_options (jm_canvas_get_layout (canvas))->persona_id, ==, "p-giulia");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view-persona", "s", ""));
  g_assert_null (jm_canvas_get_persona (canvas));
  destroy_window (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static void
test_survey_import_waits_for_confirmation (void)
{
  JmWindow *window = new_window ();
  g_autofree char *path = jm_test_example_path ("bike-shop-vs-food-delivery.journey");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *csv = "touchpoint,metric,score\nc-12,nps,10\nc-12,nps,3\nnowhere,nps,5\n";
  JmDocument *doc;
  AdwMessageDialog *dialog;

  g_assert_true (jm_window_open_file (window, file));
  doc = jm_window_get_document (window);

  /* Cancel: nothing changes. */
  jm_window_preview_import (window, jm_csv_import_load_bytes (doc, "r.csv", csv, strlen (csv), NULL));
  jm_test_spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jm_test_spin ();
  g_assert_false (jm_history_can_undo (jm_document_get_history (doc)));

  /* Apply: one undoable step. */
  jm_window_preview_import (window, jm_csv_import_load_bytes (doc, "r.csv", csv, strlen (csv), NULL));
  jm_test_spin ();
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jm_test_spin ();
  g_assert_cmpstr (jm_history_get_undo_label (jm_document_get_history (doc)), ==, "Import Survey Responses");
  {
    JmCard *card = jm_document_find_card (doc, "c-12", NULL);
    JmMetric *nps = g_ptr_array_index (card->metrics, card->metrics->len - 1);

    g_assert_cmpint (nps->kind, ==, JM_METRIC_NPS);
    g_assert_cmpfloat (nps->value, ==, 0);
    g_assert_cmpuint (nps->sample_size, ==, 2);
  }
  jm_history_set_clean (jm_document_get_history (doc));
  destroy_window (window);
}

/* Metrics changed while the table is hidden are there when it is shown:
 * the table is made when shown, not on every edit. */
static void
test_metrics_view_shows_edits_made_while_hidden (void)
{
  JmWindow *window = new_window ();
  g_autofree char *path = jm_test_example_path ("online-shop.journey");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmMetricsView *view = JM_METRICS_VIEW (child (window, "metrics_view"));
  JmDocument *doc;
  GPtrArray *lanes;
  guint removed = 0;

  g_assert_true (jm_window_open_file (window, file));
  jm_test_spin ();
  doc = jm_window_get_document (window);
  lanes = jm_document_get_lanes (doc);
  for (guint l = 0; l < lanes->len && removed == 0; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          if (card->metrics != NULL && card->metrics->len > 0)
            {
              removed = card->metrics->len;
              jm_document_remove_card (doc, card->id);
              break;
            }
        }
    }
  g_assert_cmpuint (removed, >, 0);
  jm_test_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-metrics", NULL));
  jm_test_spin ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (jm_metrics_view_get_model (view)), ==, 10 - removed);
  destroy_window (window);
}

/* The empty state's template pictures are drawn when it is shown, and
 * not at all by a window opened on a map. */
static void
test_template_previews_are_drawn_only_when_shown (void)
{
  g_autofree char *path = jm_test_example_path ("online-shop.journey");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmWindow *window = jm_window_new (app);
  GtkWidget *gallery = welcome_child (window, "template_gallery");
  guint n = 0;

  g_assert_true (jm_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  jm_test_spin ();
  for (GtkWidget *button = gtk_widget_get_first_child (gallery); button != NULL;
       button = gtk_widget_get_next_sibling (button), n++)
    g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (gtk_widget_get_first_child (
      gtk_button_get_child (GTK_BUTTON (button))))));
  g_assert_cmpuint (n, ==, JM_N_TEMPLATES);
  destroy_window (window);

  window = new_window ();
  gallery = welcome_child (window, "template_gallery");
  g_assert_true (gtk_widget_get_mapped (gallery));
  for (GtkWidget *button = gtk_widget_get_first_child (gallery); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GdkPaintable *picture = gtk_picture_get_paintable (GTK_PICTURE (gtk_widget_get_first_child (
        gtk_button_get_child (GTK_BUTTON (button)))));

      g_assert_nonnull (picture);
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), ==, 360);
    }
  destroy_window (window);
}

/* A map named on the command line is read and laid out while GTK starts;
 * the window opening it takes what was made, once. */
static void
test_map_named_on_the_command_line_is_read_ahead (void)
{
  g_autofree char *source = jm_test_example_path ("online-shop.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-preload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.journey", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.journey", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  JmDocument *doc = NULL;
  JmLayout *layout = NULL;
  JmWindow *window;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));

  /* Taken once, with a layout of the document. */
  jm_preload_start (path);
  g_assert_true (jm_preload_take (path, &doc, &problems, NULL, &layout));
  g_assert_nonnull (doc);
  g_assert_true (jm_layout_get_document (layout) == doc);
  g_assert_cmpstr (jm_document_get_title (doc), ==, "Buying running shoes online");
  g_assert_false (jm_preload_take (path, &doc, NULL, NULL, &layout));
  g_clear_object (&layout);
  g_clear_object (&doc);

  /* A file changed after it was read is read again. */
  jm_preload_start (path);
  {
    g_autofree char *changed = g_strconcat (contents, "\n", NULL);

    g_usleep (2000);
    g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  }
  g_assert_false (jm_preload_take (path, &doc, NULL, NULL, &layout));

  /* A damaged file: why it could not be read, without reading it again;
   * the window says so. */
  g_assert_true (g_file_set_contents (bad, "<journey-map", -1, NULL));
  jm_preload_start (bad);
  g_clear_pointer (&problems, g_ptr_array_unref);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (jm_preload_take (bad, &doc, &problems, &error, &layout));
    g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_MALFORMED);
  }
  g_assert_null (doc);
  g_assert_null (layout);
  g_assert_cmpuint (problems->len, >, 0);
  jm_preload_start (bad);
  window = jm_window_new (app);
  {
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

    g_assert_false (jm_window_open_file (window, bad_file));
  }
  g_assert_false (jm_preload_take (bad, &doc, NULL, NULL, &layout));
  destroy_window (window);

  /* The window uses it. */
  jm_preload_start (path);
  window = jm_window_new (app);
  g_assert_true (jm_window_open_file (window, file));
  g_assert_false (jm_preload_take (path, &doc, NULL, NULL, &layout));
  gtk_window_present (GTK_WINDOW (window));
  jm_test_spin ();
  g_assert_nonnull (jm_canvas_get_layout (JM_CANVAS (child (window, "canvas"))));
  g_assert_true (jm_layout_get_document (jm_canvas_get_layout (JM_CANVAS (child (window, "canvas"))))
                 == jm_window_get_document (window));
  destroy_window (window);

  g_unlink (path);
  g_unlink (bad);
  g_rmdir (dir);
}

/* The window keeps a focus and selection model for its document: the
 * inspector follows what the canvas selects, starts afresh with another
 * document, and keeps a page through the window's undo. */
static void
test_inspector_follows_the_canvas_and_the_document (void)
{
  JmWindow *window = new_window ();
  g_autofree char *bikes = jm_test_example_path ("bike-shop-vs-food-delivery.journey");
  g_autofree char *shop = jm_test_example_path ("online-shop.journey");
  g_autoptr(GFile) bikes_file = g_file_new_for_path (bikes);
  g_autoptr(GFile) shop_file = g_file_new_for_path (shop);
  JmInspector *inspector = JM_INSPECTOR (child (window, "inspector"));
  JmCanvas *canvas = JM_CANVAS (child (window, "canvas"));
  JmSelection *selection;
  JmDocument *doc;

  g_assert_true (jm_window_open_file (window, bikes_file));
  doc = jm_window_get_document (window);
  selection = jm_inspector_get_selection (inspector);
  g_assert_nonnull (selection);
  g_assert_true (jm_selection_get_document (selection) == doc);
  g_assert_cmpint (jm_inspector_get_target (inspector), ==, JM_INSPECTOR_MAP);

  jm_canvas_select_card (canvas, "c-12", FALSE);
  jm_test_spin ();
  g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_CARD);
  g_assert_cmpint (jm_inspector_get_target (inspector), ==, JM_INSPECTOR_CARD);
  jm_canvas_clear_selection (canvas);
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (inspector), ==, JM_INSPECTOR_MAP);

  /* A persona added from the panel, then the window's undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (inspector), "inspector.add-persona", NULL));
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (inspector), ==, JM_INSPECTOR_PERSONA);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  jm_test_spin ();
  g_assert_true (jm_inspector_get_target (inspector) == JM_INSPECTOR_PERSONA
                 || jm_inspector_get_target (inspector) == JM_INSPECTOR_MAP);
  if (jm_inspector_get_target (inspector) == JM_INSPECTOR_PERSONA)
    g_assert_nonnull (jm_document_find_persona (doc, jm_inspector_page_get_focus (
      JM_INSPECTOR_PAGE (jm_inspector_get_page (inspector)))->id));

  /* Another document: a selection of its own. */
  g_assert_true (jm_window_open_file (window, shop_file));
  g_assert_true (jm_selection_get_document (jm_inspector_get_selection (inspector)) == jm_window_get_document (window));
  g_assert_cmpint (jm_inspector_get_target (inspector), ==, JM_INSPECTOR_MAP);
  destroy_window (window);
}

/* The inspector's pages other than the map's are made the first time they
 * are shown, not before the window's first frame; made, each is as wide
 * as the map's page, so the panel and the canvas beside it never move. */
static void
test_inspector_pages_are_made_when_first_shown (void)
{
  JmWindow *window = new_window ();
  g_autofree char *bikes = jm_test_example_path ("bike-shop-vs-food-delivery.journey");
  g_autoptr(GFile) bikes_file = g_file_new_for_path (bikes);
  JmInspector *inspector = JM_INSPECTOR (child (window, "inspector"));
  JmCanvas *canvas = JM_CANVAS (child (window, "canvas"));
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (inspector), JM_TYPE_INSPECTOR, "stack"));
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  const struct { JmFocusKind kind; const char *id; JmInspectorTarget target; } objects[] = {
    { JM_FOCUS_CARD, "c-12", JM_INSPECTOR_CARD },
    { JM_FOCUS_STAGE, NULL, JM_INSPECTOR_STAGE },
    { JM_FOCUS_STEP, NULL, JM_INSPECTOR_STEP },
    { JM_FOCUS_LANE, NULL, JM_INSPECTOR_LANE },
    { JM_FOCUS_PERSONA, NULL, JM_INSPECTOR_PERSONA },
  };
  JmSelection *selection;
  JmDocument *doc;
  int inspector_w, canvas_w;

  g_assert_true (jm_window_open_file (window, bikes_file));
  jm_test_spin ();
  doc = jm_window_get_document (window);
  selection = jm_inspector_get_selection (inspector);
  /* The map's page and the several cards' status page. */
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 2);
  /* Laid out: on a loaded machine the first frame may take a while. */
  for (guint t = 0; t < 250 && gtk_widget_get_width (GTK_WIDGET (inspector)) == 0; t++)
    jm_test_spin_for (20);
  inspector_w = gtk_widget_get_width (GTK_WIDGET (inspector));
  canvas_w = gtk_widget_get_width (GTK_WIDGET (canvas));
  g_assert_cmpint (inspector_w, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      const char *id = objects[i].id;
      JmStage *stage = g_ptr_array_index (jm_document_get_stages (doc), 0);

      if (objects[i].kind == JM_FOCUS_STAGE)
        id = stage->id;
      else if (objects[i].kind == JM_FOCUS_STEP)
        id = ((JmStep *) g_ptr_array_index (stage->steps, 0))->id;
      else if (objects[i].kind == JM_FOCUS_LANE)
        id = ((JmLane *) g_ptr_array_index (jm_document_get_lanes (doc), 0))->id;
      else if (objects[i].kind == JM_FOCUS_PERSONA)
        id = ((JmPersona *) g_ptr_array_index (jm_document_get_personas (doc), 0))->id;
      if (objects[i].kind == JM_FOCUS_CARD)
        jm_canvas_select_card (canvas, id, FALSE);
      else
        jm_selection_focus_object (selection, objects[i].kind, id);
      jm_test_spin ();
      g_assert_cmpint (jm_inspector_get_target (inspector), ==, objects[i].target);
      g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 3 + i);
      /* The page made follows the selection as the others do. */
      g_assert_cmpstr (jm_inspector_page_get_focus (JM_INSPECTOR_PAGE (jm_inspector_get_page (inspector)))->id,
                       ==, id);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (inspector)), ==, inspector_w);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, canvas_w);
    }

  /* Made once: back to the map and to a card again. */
  jm_selection_focus_object (selection, JM_FOCUS_MAP, NULL);
  jm_test_spin ();
  jm_canvas_select_card (canvas, "c-1", FALSE);
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (inspector), ==, JM_INSPECTOR_CARD);
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 7);
  destroy_window (window);
}

/* Every label's text under root, one a line. */
static void
append_labels (GtkWidget *root,
               GString   *out)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    append_labels (child, out);
}

/* In Italian the metrics table writes "41,0 %" and the survey preview
 * "3,75": the locale's decimal separator and percentage. */
static void
test_italian_numbers_in_metrics_table_and_survey_preview (void)
{
  JmWindow *window = new_window ();
  g_autofree char *shop = jm_test_example_path ("online-shop.journey");
  g_autofree char *bikes = jm_test_example_path ("bike-shop-vs-food-delivery.journey");
  g_autoptr(GFile) shop_file = g_file_new_for_path (shop);
  g_autoptr(GFile) bikes_file = g_file_new_for_path (bikes);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *csv = "touchpoint,metric,score\nc-12,ces,3\nc-12,ces,4.5\n";
  AdwMessageDialog *dialog;

  g_assert_true (jm_window_open_file (window, shop_file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-metrics", NULL));
  jm_test_spin_for (100);
  append_labels (child (window, "metrics_view"), text);
  g_assert_nonnull (strstr (text->str, "41,0\u00a0%\n"));
  g_assert_null (strstr (text->str, "41.0"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-metrics", NULL));

  g_assert_true (jm_window_open_file (window, bikes_file));
  jm_window_preview_import (window, jm_csv_import_load_bytes (jm_window_get_document (window), "r.csv",
                                                              csv, strlen (csv), NULL));
  jm_test_spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_string_truncate (text, 0);
  append_labels (GTK_WIDGET (dialog), text);
  g_assert_nonnull (strstr (text->str, "CES 3,75"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

static void
test_metrics_view_lists_and_sorts_metrics (void)
{
  JmWindow *window = new_window ();
  g_autofree char *path = jm_test_example_path ("online-shop.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-metrics-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "metrics.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JmMetricsView *view = JM_METRICS_VIEW (child (window, "metrics_view"));
  GListModel *model;
  guint n;

  g_assert_true (jm_window_open_file (window, file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-metrics", NULL));
  jm_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "stack"))), ==, "metrics");

  model = jm_metrics_view_get_model (view);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, 10);   /* five on stages, five on cards */
  {
    g_autoptr(JmMetricItem) first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (jm_metric_item_get_stage (first), ==, "Awareness");
  }

  /* Sorting by gap puts the worst first. */
  {
    GtkColumnView *table = NULL;
    GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view));

    while (w != NULL && !GTK_IS_COLUMN_VIEW (w))
      {
        GtkWidget *next = gtk_widget_get_first_child (w);
        while (next == NULL && w != GTK_WIDGET (view))
          {
            next = gtk_widget_get_next_sibling (w);
            if (next == NULL)
              w = gtk_widget_get_parent (w);
          }
        w = next;
      }
    table = GTK_COLUMN_VIEW (w);
    g_assert_nonnull (table);
    gtk_column_view_sort_by_column (table, g_list_model_get_item (gtk_column_view_get_columns (table), 5),
                                    GTK_SORT_ASCENDING);
    jm_test_spin ();
    {
      g_autoptr(JmMetricItem) worst = g_list_model_get_item (model, 0);
      g_autoptr(JmMetricItem) last = g_list_model_get_item (model, n - 1);

      g_assert_true (isnan (jm_metric_item_get_gap (worst)) || jm_metric_item_get_gap (worst) <= jm_metric_item_get_gap (last));
    }
  }

  g_assert_true (jm_metrics_view_save_csv (view, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "stage,touchpoint,metric,value,target,gap,sample size,date"));
  g_assert_nonnull (strstr (csv, "Checkout,,conversion,41,65,-24,5200,2026-09-30"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-metrics", NULL));
  jm_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "stack"))), ==, "map");
  destroy_window (window);
  g_unlink (csv_path);
  g_rmdir (dir);
}

static void
test_empty_state_lists_recent_maps (void)
{
  g_autofree char *path = jm_test_example_path ("restaurant-regular.journey");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  JmWindow *window;
  GtkWidget *list, *row;

  /* The list keeps the five newest maps by modification time, counted in
   * seconds: step past the second in which earlier tests opened theirs. */
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
  /* The recent manager looks the file up in a thread first: on a busy
   * machine that takes a while. */
  for (int i = 0; i < 250 && !gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri); i++)
    jm_test_spin_for (20);
  window = new_window ();
  list = welcome_child (window, "recent_list");
  /* Maps opened by earlier tests are there too: find ours. The recent
   * manager may tell the window of its change a moment later. */
  row = NULL;
  for (int attempt = 0; attempt < 500 && row == NULL; attempt++)
    {
      for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "restaurant-regular.journey") == 0)
          break;
      if (row == NULL)
        jm_test_spin_for (20);
    }
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_nonnull (row);

  g_assert_true (gtk_widget_activate (row));
  jm_test_spin ();
  g_assert_nonnull (jm_window_get_document (window));
  g_assert_cmpstr (jm_document_get_title (jm_window_get_document (window)), ==, "A regular at Trattoria da Lucia");
  destroy_window (window);
}

static void
test_damaged_recovery_copy_is_reported (void)
{
  JmWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("jm-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.journey", NULL);

  g_assert_true (g_file_set_contents (path, "<journey-map", -1, NULL));
  g_assert_false (jm_window_open_recovered (window, path, NULL));
  jm_test_spin ();
  g_assert_null (jm_window_get_document (window));
  g_assert_true (has_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  close_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Every hostile or broken file of the reader's corpus, a folder, a device
 * and a pipe, opened from the window: an error dialog each time, promptly,
 * the map already open stays, and the window still opens a good map. */
static void
test_hostile_files_are_refused_and_window_stays_usable (void)
{
  JmWindow *window = new_window ();
  g_autofree char *bad_dir = g_build_filename (JM_TEST_SRCDIR, "io", "bad", NULL);
  g_autofree char *good = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples", "online-shop.journey", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("jm-hostile-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (tmp, "pipe.journey", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (bad_dir, 0, NULL);
  const char *name;
  JmDocument *before;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (bad_dir, name, NULL));
  g_ptr_array_add (paths, g_strdup (tmp));
  g_ptr_array_add (paths, g_strdup ("/dev/zero"));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_ptr_array_add (paths, g_strdup (fifo));
  g_assert_cmpuint (paths->len, >=, 15);

  g_assert_true (jm_window_open_file (window, good_file));
  before = jm_window_get_document (window);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      gint64 start = g_get_monotonic_time ();

      g_test_message ("opening %s", (const char *) g_ptr_array_index (paths, i));
      g_assert_false (jm_window_open_file (window, file));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      jm_test_spin ();
      g_assert_true (has_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
      close_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_true (jm_window_get_document (window) == before);
    }

  /* Still usable: another good map opens. */
  {
    g_autofree char *other = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples", "restaurant-regular.journey", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    g_assert_true (jm_window_open_file (window, other_file));
    g_assert_cmpstr (jm_document_get_title (jm_window_get_document (window)), ==, "A regular at Trattoria da Lucia");
  }
  destroy_window (window);
  g_unlink (fifo);
  g_rmdir (tmp);
}


static void
test_header_tooltips_keep_quiet_while_a_menu_is_open (void)
{
  JmWindow *window = new_window ();
  GtkMenuButton *menu = GTK_MENU_BUTTON (child (window, "primary_menu_button"));
  GtkWidget *zoom = child (window, "zoom_button");

  jm_test_spin ();
  g_assert_true (gtk_widget_get_has_tooltip (zoom));
  gtk_menu_button_popup (menu);
  jm_test_spin ();
  g_assert_false (gtk_widget_get_has_tooltip (zoom));
  gtk_menu_button_popdown (menu);
  jm_test_spin ();
  g_assert_true (gtk_widget_get_has_tooltip (zoom));
  destroy_window (window);
}


static void
test_a_pasted_mermaid_journey_opens_as_a_new_map (void)
{
  JmWindow *window = new_window ();
  GtkWidget *canvas = child (window, "canvas");
  JmWindow *pasted = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", "s", "blank"));
  jm_test_spin ();
  gdk_clipboard_set_text (gtk_widget_get_clipboard (canvas),
                          "Notes from the README:\n\n```mermaid\njourney\n  title Weekend ride\n"
                          "  section Flat tyre\n    Finds it flat: 1: Giulia\n    Asks the shop: 2: Giulia\n```\n");
  jm_test_spin ();
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.paste", NULL));
  for (int i = 0; i < 100 && pasted == NULL; i++)
    {
      jm_test_spin_for (20);
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
        if (JM_IS_WINDOW (l->data) && jm_window_get_document (l->data) != NULL
            && g_strcmp0 (jm_document_get_title (jm_window_get_document (l->data)), "Weekend ride") == 0)
          pasted = l->data;
    }
  g_assert_nonnull (pasted);
  /* A new map beside the one the text was pasted into, unsaved. */
  g_assert_true (pasted != window);
  g_assert_null (jm_window_get_file (pasted));
  g_assert_cmpuint (jm_document_get_personas (jm_window_get_document (pasted))->len, ==, 1);
  destroy_window (pasted);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Meson reads 77 as "skipped": these tests need a display (Xvfb). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/app/window/opens-with-title-and-empty-state", test_window_opens_with_title_and_empty_state);
  g_test_add_func ("/app/window/a-pasted-mermaid-journey-opens-as-a-new-map",
                   test_a_pasted_mermaid_journey_opens_as_a_new_map);
  g_test_add_func ("/app/window/header-tooltips-keep-quiet-while-a-menu-is-open",
                   test_header_tooltips_keep_quiet_while_a_menu_is_open);
  g_test_add_func ("/app/window/primary-menu-offers-every-action", test_primary_menu_offers_every_action);
  g_test_add_func ("/app/window/empty-state-new-button-creates-a-map", test_empty_state_new_button_creates_a_map);
  g_test_add_func ("/app/window/emotion-scores-are-shown-on-request", test_emotion_scores_are_shown_on_request);
  g_test_add_func ("/app/window/empty-state-open-button-shows-file-chooser", test_empty_state_open_button_shows_file_chooser);
  g_test_add_func ("/app/window/closing-modified-map-asks-to-save", test_closing_modified_map_asks_to_save);
  g_test_add_func ("/app/window/about-shortcuts-and-preferences-open", test_about_and_shortcuts_windows_open);
  g_test_add_func ("/app/window/size-is-remembered", test_window_size_is_remembered);
  g_test_add_func ("/app/window/export-dialog-opens-with-preview", test_export_dialog_opens_with_preview);
  g_test_add_func ("/app/window/export-dialog-says-the-png-size", test_export_dialog_says_the_png_size);
  g_test_add_func ("/app/window/export-dialog-offers-a-web-page", test_export_dialog_offers_a_web_page);
  g_test_add_func ("/app/window/export-dialog-offers-persona-sheets-and-handout",
                   test_export_dialog_offers_persona_sheets_and_handout);
  g_test_add_func ("/app/window/autosave-keeps-unsaved-work-until-saved", test_autosave_keeps_unsaved_work_until_saved);
  g_test_add_func ("/app/window/damaged-recovery-copy-is-reported", test_damaged_recovery_copy_is_reported);
  g_test_add_func ("/app/window/save-into-vanished-folder-keeps-work-unsaved",
                   test_save_into_vanished_folder_keeps_work_unsaved);
  g_test_add_func ("/app/window/persona-switcher-shows-one-persona", test_persona_switcher_shows_one_persona);
  g_test_add_func ("/app/window/survey-import-waits-for-confirmation", test_survey_import_waits_for_confirmation);
  g_test_add_func ("/app/window/metrics-view-lists-and-sorts-metrics", test_metrics_view_lists_and_sorts_metrics);
  g_test_add_func ("/app/window/inspector-pages-are-made-when-first-shown",
                   test_inspector_pages_are_made_when_first_shown);
  g_test_add_func ("/app/window/inspector-follows-the-canvas-and-the-document",
                   test_inspector_follows_the_canvas_and_the_document);
  g_test_add_func ("/app/window/italian/numbers-in-metrics-table-and-survey-preview",
                   test_italian_numbers_in_metrics_table_and_survey_preview);
  g_test_add_func ("/app/window/metrics-view-shows-edits-made-while-hidden", test_metrics_view_shows_edits_made_while_hidden);
  g_test_add_func ("/app/window/template-previews-are-drawn-only-when-shown", test_template_previews_are_drawn_only_when_shown);
  g_test_add_func ("/app/window/map-named-on-the-command-line-is-read-ahead", test_map_named_on_the_command_line_is_read_ahead);
  g_test_add_func ("/app/window/empty-state-lists-recent-maps", test_empty_state_lists_recent_maps);
  g_test_add_func ("/app/window/hostile-files-are-refused-and-window-stays-usable",
                   test_hostile_files_are_refused_and_window_stays_usable);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
