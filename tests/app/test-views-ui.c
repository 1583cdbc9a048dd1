/* test-views-ui.c — the views menu: a view made in its dialog is one undo
 * step and shows on the canvas; deleting it shows the whole map again. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "jm-canvas.h"
#include "jm-map-view.h"
#include "jm-test-utils.h"
#include "jm-views-button.h"

static GtkWindow *
find_dialog (GtkWindow *not_this)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != not_this && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Depth first: every descendant of type. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static void
test_a_view_made_in_the_dialog_shows_on_the_canvas (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  JmCanvas *canvas = JM_CANVAS (jm_canvas_new ());
  JmViewsButton *button = jm_views_button_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWindow *dialog;
  GPtrArray *views;
  JmMapView *view;
  JmRect rect;
  guint unchecked = 0;

  gtk_widget_set_size_request (GTK_WIDGET (canvas), 800, 600);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (canvas));
  gtk_window_set_child (GTK_WINDOW (window), box);
  jm_canvas_set_document (canvas, doc);
  jm_views_button_set_canvas (button, canvas);
  gtk_window_present (GTK_WINDOW (window));
  jm_test_spin ();

  /* Editing and deleting need a view shown. */
  {
    GActionGroup *group = G_ACTION_GROUP (g_object_get_data (G_OBJECT (button), "jm-actions"));

    g_assert_nonnull (group);
    g_assert_false (g_action_group_get_action_enabled (group, "edit"));
    g_assert_false (g_action_group_get_action_enabled (group, "delete"));
  }

  jm_views_button_edit (button, NULL);
  jm_test_spin ();
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);

  /* Without a name, nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Add")));
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Front of house");
  }
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Add")));

  /* Leave out the lanes titled Backstage and Customer actions, and Paolo. */
  collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    {
      const char *id = g_object_get_data (g_ptr_array_index (checks, i), "jm-id");

      if (g_strcmp0 (id, "l-backstage") == 0 || g_strcmp0 (id, "l-actions") == 0 || g_strcmp0 (id, "p-paolo") == 0)
        {
          gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
          unchecked++;
        }
    }
  g_assert_cmpuint (unchecked, ==, 3);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Add"), "clicked");
  jm_test_spin ();

  views = jm_document_get_views (doc);
  g_assert_cmpuint (views->len, ==, 1);
  view = g_ptr_array_index (views, 0);
  g_assert_cmpstr (view->name, ==, "Front of house");
  g_assert_false (jm_map_view_shows_lane (view, "l-backstage"));
  g_assert_true (jm_map_view_shows_lane (view, "l-touch"));
  g_assert_cmpstr (view->personas[0], ==, "p-marta");
  g_assert_null (view->personas[1]);
  g_assert_cmpstr (jm_canvas_get_view (canvas), ==, view->id);
  g_assert_false (jm_layout_get_lane_rect (jm_canvas_get_layout (canvas), "l-backstage", &rect));
  g_assert_true (jm_layout_get_lane_rect (jm_canvas_get_layout (canvas), "l-touch", &rect));

  /* Deleting it shows the whole map; undo brings the view back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "views.delete", NULL));
  g_assert_cmpuint (jm_document_get_views (doc)->len, ==, 0);
  g_assert_null (jm_canvas_get_view (canvas));
  g_assert_true (jm_layout_get_lane_rect (jm_canvas_get_layout (canvas), "l-backstage", &rect));
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpuint (jm_document_get_views (doc)->len, ==, 1);

  /* Showing it again through the menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "views.show", "s",
                              ((JmMapView *) g_ptr_array_index (jm_document_get_views (doc), 0))->id));
  g_assert_false (jm_layout_get_lane_rect (jm_canvas_get_layout (canvas), "l-backstage", &rect));
  /* And undoing its making too shows the whole map. */
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpuint (jm_document_get_views (doc)->len, ==, 0);
  g_assert_null (jm_canvas_get_view (canvas));
  g_assert_true (jm_layout_get_lane_rect (jm_canvas_get_layout (canvas), "l-backstage", &rect));

  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the views menu tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/views/made-in-the-dialog-shows-on-the-canvas",
                   test_a_view_made_in_the_dialog_shows_on_the_canvas);
  return g_test_run ();
}
