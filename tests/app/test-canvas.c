/* test-canvas.c — the canvas editor under Xvfb: coordinate transforms,
 * selection, keyboard focus, adding and editing cards in place, moving,
 * duplicating and deleting them, all undoable back to the template. */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jm-application.h"
#include "jm-canvas.h"
#include "jm-map-view.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-test-utils.h"
#include "jm-writer.h"

static JmApplication *app;

typedef struct {
  GtkWindow  *window;
  JmCanvas   *canvas;
  JmDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->canvas = JM_CANVAS (jm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->canvas));
  gtk_window_set_child (f->window, scroller);
  f->doc = jm_template_create (JM_TEMPLATE_CUSTOMER_EXPERIENCE);
  jm_canvas_set_document (f->canvas, f->doc);
  gtk_window_present (f->window);
  jm_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* An open menu holds the pointer even after its window has gone. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  jm_test_spin ();
  gtk_window_destroy (f->window);
  g_object_unref (f->doc);
  jm_test_spin ();
}

static void
type_into_editor (JmCanvas   *canvas,
                  const char *text)
{
  GtkWidget *editor = jm_canvas_get_editor (canvas);

  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
}

static void
test_widget_and_map_coordinates_are_inverse (Fixture       *f,
                                             gconstpointer  data)
{
  double mx, my, wx, wy;

  for (int i = 0; i < 3; i++)
    {
      jm_canvas_set_zoom (f->canvas, 0.3 + i * 0.6);
      jm_canvas_widget_to_map (f->canvas, 123, 456, &mx, &my);
      jm_canvas_map_to_widget (f->canvas, mx, my, &wx, &wy);
      g_assert_cmpfloat_with_epsilon (wx, 123, 1e-6);
      g_assert_cmpfloat_with_epsilon (wy, 456, 1e-6);
    }

  /* Zooming around a point keeps the map point under it. */
  jm_canvas_set_zoom (f->canvas, 1.0);
  jm_test_spin ();
  jm_canvas_widget_to_map (f->canvas, 300, 200, &mx, &my);
  jm_canvas_zoom_at (f->canvas, 1.5, 300, 200);
  jm_test_spin ();
  jm_canvas_map_to_widget (f->canvas, mx, my, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 300, 1.0);
  g_assert_cmpfloat_with_epsilon (wy, 200, 1.0);
  g_assert_cmpfloat (jm_canvas_get_zoom (f->canvas), ==, 1.5);

  jm_canvas_set_zoom (f->canvas, 100);
  g_assert_cmpfloat (jm_canvas_get_zoom (f->canvas), ==, JM_CANVAS_MAX_ZOOM);
}

static void
test_add_card_and_type_its_text (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *id = NULL;
  JmCard *card;

  id = jm_canvas_add_card (f->canvas, "lane-2", "step-3");
  g_assert_nonnull (id);
  jm_test_spin ();
  type_into_editor (f->canvas, "Compares prices on two websites");
  jm_canvas_commit_edit (f->canvas);

  card = jm_document_find_card (f->doc, id, NULL);
  g_assert_cmpstr (card->text, ==, "Compares prices on two websites");
  g_assert_null (jm_canvas_get_editor (f->canvas));
  g_assert_cmpuint (jm_canvas_get_selection (f->canvas)->len, ==, 1);
  /* Adding and typing are two natural steps. */
  g_assert_cmpuint (jm_history_get_n_steps (jm_document_get_history (f->doc)), ==, 2);
}

static void
test_cancelling_a_new_card_removes_it (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *id = jm_canvas_add_card (f->canvas, "lane-5", "step-1");

  g_assert_nonnull (jm_document_find_card (f->doc, id, NULL));
  jm_canvas_cancel_edit (f->canvas);
  g_assert_null (jm_document_find_card (f->doc, id, NULL));
  g_assert_false (jm_history_can_undo (jm_document_get_history (f->doc)));
  g_assert_cmpuint (jm_canvas_get_selection (f->canvas)->len, ==, 0);
}

static void
test_pain_points_get_a_severity (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *id = jm_canvas_add_card (f->canvas, "lane-5", "step-1");

  g_assert_cmpint (jm_document_find_card (f->doc, id, NULL)->severity, ==, JM_SEVERITY_MEDIUM);
  jm_canvas_commit_edit (f->canvas);
}

static void
test_editing_an_existing_card_and_escape (Fixture       *f,
                                          gconstpointer  data)
{
  g_autofree char *id = jm_canvas_add_card (f->canvas, "lane-1", "step-1");

  type_into_editor (f->canvas, "Sees an ad");
  jm_canvas_commit_edit (f->canvas);

  jm_canvas_edit_card (f->canvas, id);
  type_into_editor (f->canvas, "Something else");
  jm_canvas_cancel_edit (f->canvas);
  g_assert_cmpstr (jm_document_find_card (f->doc, id, NULL)->text, ==, "Sees an ad");
  g_assert_nonnull (jm_document_find_card (f->doc, id, NULL));
}

static void
test_keyboard_focus_moves_between_cells_and_cards (Fixture       *f,
                                                   gconstpointer  data)
{
  g_autofree char *a = jm_canvas_add_card (f->canvas, "lane-1", "step-1");
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  jm_canvas_commit_edit (f->canvas);
  b = jm_canvas_add_card (f->canvas, "lane-1", "step-1");
  jm_canvas_commit_edit (f->canvas);
  c = jm_canvas_add_card (f->canvas, "lane-2", "step-2");
  jm_canvas_commit_edit (f->canvas);

  jm_canvas_select_card (f->canvas, a, FALSE);
  g_assert_true (jm_canvas_move_focus (f->canvas, 0, 1));    /* down the stack */
  g_assert_cmpstr (jm_canvas_get_focus (f->canvas), ==, b);
  g_assert_true (jm_canvas_move_focus (f->canvas, 1, 0));    /* right: an empty cell */
  g_assert_null (jm_canvas_get_focus (f->canvas));
  g_assert_true (jm_canvas_move_focus (f->canvas, 0, 1));    /* down into lane 2, step 2 */
  g_assert_cmpstr (jm_canvas_get_focus (f->canvas), ==, c);
  g_assert_cmpstr (jm_canvas_get_selection (f->canvas)->pdata[0], ==, c);
  g_assert_true (jm_canvas_move_focus (f->canvas, -1, 0));
  g_assert_true (jm_canvas_move_focus (f->canvas, -1, 0));   /* the lane's title */
  g_assert_cmpint (jm_selection_get_kind (jm_canvas_get_selection_model (f->canvas)), ==, JM_FOCUS_LANE);
  g_assert_false (jm_canvas_move_focus (f->canvas, -1, 0));  /* the left edge */
}

static void
test_move_duplicate_and_delete_are_undoable (Fixture       *f,
                                             gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  g_autofree char *before = jm_writer_to_string (f->doc, NULL);
  g_autofree char *id = jm_canvas_add_card (f->canvas, "lane-2", "step-1");
  g_autofree char *after = NULL;
  JmLane *lane = NULL;
  JmCard *card;

  type_into_editor (f->canvas, "Website");
  jm_canvas_commit_edit (f->canvas);

  /* Alt+Right, Alt+Down: one step right, one lane down. */
  jm_canvas_move_selection (f->canvas, 1, 1);
  card = jm_document_find_card (f->doc, id, &lane);
  g_assert_cmpstr (card->step_id, ==, "step-2");
  g_assert_cmpstr (lane->id, ==, "lane-3");

  jm_canvas_duplicate_selection (f->canvas);
  g_assert_cmpuint (lane->cards->len, ==, 2);
  g_assert_cmpstr (((JmCard *) lane->cards->pdata[1])->text, ==, "Website");
  g_assert_cmpstr (jm_canvas_get_selection (f->canvas)->pdata[0], !=, id);

  jm_canvas_select_card (f->canvas, id, TRUE);
  g_assert_cmpuint (jm_canvas_get_selection (f->canvas)->len, ==, 2);
  jm_canvas_delete_selection (f->canvas);
  g_assert_cmpuint (lane->cards->len, ==, 0);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Delete Cards");

  /* Undo everything: the template again, and not modified. */
  while (jm_history_can_undo (history))
    jm_history_undo (history);
  after = jm_writer_to_string (f->doc, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (jm_history_is_modified (history));
  jm_test_spin ();
  g_assert_cmpuint (jm_canvas_get_selection (f->canvas)->len, ==, 0);

  /* And redo brings it all back. */
  while (jm_history_can_redo (history))
    jm_history_redo (history);
  g_assert_cmpuint (jm_document_get_n_cards (f->doc), ==, 0);
  g_assert_true (jm_history_is_modified (history));
}

static void
test_saved_map_reopens_the_same (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-canvas-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autofree char *id = jm_canvas_add_card (f->canvas, "lane-4", "step-2");
  g_autofree char *written = NULL;
  g_autofree char *reread = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  type_into_editor (f->canvas, "Worried about the price");
  jm_canvas_commit_edit (f->canvas);
  g_assert_true (jm_writer_save_path (f->doc, path, &error));
  again = jm_reader_load_path (path, NULL, &error);
  g_assert_no_error (error);
  written = jm_writer_to_string (f->doc, NULL);
  reread = jm_writer_to_string (again, NULL);
  g_assert_cmpstr (written, ==, reread);
  g_assert_cmpstr (jm_document_find_card (again, id, NULL)->text, ==, "Worried about the price");
  g_unlink (path);
  g_rmdir (dir);
}

static void
popup_at_map_point (Fixture *f,
                    double   mx,
                    double   my)
{
  double x, y;

  jm_canvas_map_to_widget (f->canvas, mx, my, &x, &y);
  g_assert_true (jm_canvas_popup_menu (f->canvas, x, y));
  jm_test_spin ();
}

/* Chooses an item of the open context menu: its action, then the menu
 * closes, as a click on the item closes it. */
static void
choose (Fixture    *f,
        const char *action,
        GVariant   *target)
{
  g_autoptr(GVariant) sunk = target != NULL ? g_variant_ref_sink (target) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->canvas), action, sunk));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  jm_test_spin ();
}

static void
test_context_menus_change_the_structure (Fixture       *f,
                                         gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  JmHistory *history = jm_document_get_history (f->doc);
  g_autofree char *before = jm_writer_to_string (f->doc, NULL);
  g_autofree char *after = NULL;
  GPtrArray *stages = jm_document_get_stages (f->doc);
  GPtrArray *lanes = jm_document_get_lanes (f->doc);
  JmRect rect;

  /* A stage: add one after it, move it right, then delete the new one. */
  g_assert_true (jm_layout_get_stage_rect (layout, "stage-2", &rect));
  popup_at_map_point (f, rect.x + 20, rect.y + 10);
  choose (f, "canvas.add-stage", NULL);
  g_assert_cmpuint (stages->len, ==, 6);
  g_assert_cmpstr (((JmStage *) stages->pdata[2])->name, ==, "New stage");
  choose (f, "canvas.move-stage", g_variant_new_int32 (1));
  g_assert_cmpstr (((JmStage *) stages->pdata[2])->id, ==, "stage-2");
  choose (f, "canvas.add-step", NULL);
  g_assert_cmpuint (jm_document_find_stage (f->doc, "stage-2")->steps->len, ==, 3);

  /* A lane: add a pain-points lane below it, move it down, delete it. */
  g_assert_true (jm_layout_get_lane_rect (layout, "lane-1", &rect));
  popup_at_map_point (f, rect.x + 10, rect.y + 10);
  choose (f, "canvas.add-lane", g_variant_new_string ("pain-points"));
  g_assert_cmpuint (lanes->len, ==, 8);
  g_assert_cmpint (((JmLane *) lanes->pdata[1])->kind, ==, JM_LANE_PAIN_POINTS);
  /* The menu is still about lane-1: it moves down below the new lane. */
  choose (f, "canvas.move-lane", g_variant_new_int32 (1));
  g_assert_cmpstr (((JmLane *) lanes->pdata[1])->id, ==, "lane-1");
  g_assert_cmpint (((JmLane *) lanes->pdata[0])->kind, ==, JM_LANE_PAIN_POINTS);
  choose (f, "canvas.delete-lane", NULL);
  g_assert_null (jm_document_find_lane (f->doc, "lane-1"));

  /* A step: delete it. */
  g_assert_true (jm_layout_get_cell_rect (layout, ((JmLane *) lanes->pdata[0])->id, "step-1", &rect));
  {
    double x, y;
    JmHit hit;

    g_assert_true (jm_layout_hit_test (layout, rect.x + 20, rect.y - 20, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_STEP);
    jm_canvas_map_to_widget (f->canvas, rect.x + 20, rect.y - 20, &x, &y);
    g_assert_true (jm_canvas_popup_menu (f->canvas, x, y));
  }
  choose (f, "canvas.delete-step", NULL);
  g_assert_null (jm_document_find_step (f->doc, "step-1"));

  /* An empty cell: add a card there. */
  g_assert_true (jm_layout_get_cell_rect (layout, "lane-3", "step-4", &rect));
  popup_at_map_point (f, rect.x + 5, rect.y + rect.height - 5);
  choose (f, "canvas.add-card", NULL);
  jm_canvas_commit_edit (f->canvas);

  while (jm_history_can_undo (history))
    jm_history_undo (history);
  after = jm_writer_to_string (f->doc, NULL);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
paste_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_a_moment (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, paste_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_copy_and_paste_between_maps (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(JmDocument) other = jm_template_create (JM_TEMPLATE_SERVICE_BLUEPRINT);
  JmCanvas *second = JM_CANVAS (jm_canvas_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autofree char *a = jm_canvas_add_card (f->canvas, "lane-2", "step-1");
  g_autofree char *b = NULL;
  JmLane *lane;

  type_into_editor (f->canvas, "Sees a poster");
  jm_canvas_commit_edit (f->canvas);
  b = jm_canvas_add_card (f->canvas, "lane-2", "step-3");
  type_into_editor (f->canvas, "Asks a friend");
  jm_canvas_commit_edit (f->canvas);
  jm_canvas_select_card (f->canvas, a, FALSE);
  jm_canvas_select_card (f->canvas, b, TRUE);
  g_assert_true (jm_canvas_copy (f->canvas));

  /* Within the map: pasted into lane-3 from step-2, two steps apart as before. */
  jm_canvas_clear_selection (f->canvas);
  jm_canvas_move_focus (f->canvas, 0, 0);
  {
    g_autoptr(GPtrArray) none = NULL;
    JmHit hit;
    double x, y;
    JmRect cell;

    g_assert_true (jm_layout_get_cell_rect (jm_canvas_get_layout (f->canvas), "lane-3", "step-2", &cell));
    jm_canvas_map_to_widget (f->canvas, cell.x + 5, cell.y + cell.height - 5, &x, &y);
    g_assert_true (jm_layout_hit_test (jm_canvas_get_layout (f->canvas), cell.x + 5, cell.y + cell.height - 5, &hit));
    g_assert_true (jm_canvas_popup_menu (f->canvas, x, y));
  }
  jm_canvas_paste (f->canvas);
  wait_a_moment ();
  lane = jm_document_find_lane (f->doc, "lane-3");
  g_assert_cmpuint (lane->cards->len, ==, 2);
  g_assert_cmpstr (((JmCard *) lane->cards->pdata[0])->text, ==, "Sees a poster");
  g_assert_cmpstr (((JmCard *) lane->cards->pdata[0])->step_id, ==, "step-2");
  g_assert_cmpstr (((JmCard *) lane->cards->pdata[1])->step_id, ==, "step-4");
  g_assert_cmpstr (jm_history_get_undo_label (jm_document_get_history (f->doc)), ==, "Paste Cards");

  /* Into another map, in another window. */
  gtk_window_set_child (window, GTK_WIDGET (second));
  jm_canvas_set_document (second, other);
  gtk_window_present (window);
  jm_test_spin ();
  jm_canvas_paste (second);
  wait_a_moment ();
  g_assert_cmpuint (jm_document_get_n_cards (other), ==, 2);
  g_assert_cmpuint (jm_canvas_get_selection (second)->len, ==, 2);

  /* Cut removes what it copies. */
  jm_canvas_select_card (f->canvas, a, FALSE);
  jm_canvas_cut (f->canvas);
  g_assert_null (jm_document_find_card (f->doc, a, NULL));
  gtk_window_destroy (window);
  jm_test_spin ();
}

/* The canvas's primary-button drag gesture, driven as GTK would drive it. */
/* ---- real input: xdotool moves the X pointer and presses buttons and
 * keys; GTK gets them as it gets a user's, through the canvas's gestures. */

static void
xdotool (const char *command)
{
  g_autofree char *line = g_strdup_printf ("xdotool %s", command);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Let the events arrive and be handled. */
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (5000);
      jm_test_spin ();
    }
}

/* The screen position of a point of the canvas. */
static void
screen_point (JmCanvas *canvas,
              double    x,
              double    y,
              int      *sx,
              int      *sy)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (canvas));
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *out = NULL;
  g_autofree char *cmd = NULL;
  double wx, wy, tx, ty;
  int gx = 0, gy = 0;
  char **lines;

  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (canvas), GTK_WIDGET (native), x, y, &wx, &wy));
  gtk_native_get_surface_transform (native, &tx, &ty);
  cmd = g_strdup_printf ("xdotool getwindowgeometry --shell %lu",
                         (unsigned long) gdk_x11_surface_get_xid (surface));
  g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        gx = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        gy = atoi (lines[i] + 2);
    }
  g_strfreev (lines);
  *sx = gx + (int) round (wx + tx);
  *sy = gy + (int) round (wy + ty);
  /* Other tests' windows may lie over this one: it goes on top. */
  g_free (cmd);
  cmd = g_strdup_printf ("xdotool windowraise %lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

/* A real drag with a button from widget point to widget point. */
static void
real_drag_widget (JmCanvas *canvas,
                  guint     button,
                  double    x0,
                  double    y0,
                  double    x1,
                  double    y1)
{
  g_autofree char *cmd = NULL;
  int ax, ay, bx, by;

  screen_point (canvas, x0, y0, &ax, &ay);
  screen_point (canvas, x1, y1, &bx, &by);
  cmd = g_strdup_printf ("mousemove --sync %d %d sleep 0.05 mousedown %u sleep 0.05 "
                         "mousemove --sync %d %d sleep 0.05 mousemove --sync %d %d sleep 0.05 "
                         "mousemove --sync %d %d sleep 0.05 mouseup %u",
                         ax, ay, button, ax + (bx - ax) / 4, ay + (by - ay) / 4,
                         (ax + bx) / 2, (ay + by) / 2, bx, by, button);
  xdotool (cmd);
  jm_test_spin ();
}

/* A real drag with the primary button from map point to map point. */
static void
drag (JmCanvas *canvas,
      double    mx0,
      double    my0,
      double    mx1,
      double    my1)
{
  double x0, y0, x1, y1;

  jm_canvas_map_to_widget (canvas, mx0, my0, &x0, &y0);
  jm_canvas_map_to_widget (canvas, mx1, my1, &x1, &y1);
  /* A real pointer reaches only what is on screen. */
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <, gtk_widget_get_width (GTK_WIDGET (canvas)));
  g_assert_cmpfloat (y1, <, gtk_widget_get_height (GTK_WIDGET (canvas)));
  real_drag_widget (canvas, 1, x0, y0, x1, y1);
}

/* A real click (n_press times) at a map point. */
static void
click (JmCanvas *canvas,
       guint     button,
       double    mx,
       double    my,
       guint     n_press)
{
  g_autofree char *cmd = NULL;
  double x, y;
  int sx, sy;

  jm_canvas_map_to_widget (canvas, mx, my, &x, &y);
  screen_point (canvas, x, y, &sx, &sy);
  cmd = g_strdup_printf ("mousemove --sync %d %d sleep 0.05 click --repeat %u --delay 60 %u", sx, sy, n_press, button);
  xdotool (cmd);
  jm_test_spin ();
}

/* Real keys (xdotool's names, e.g. "shift+F10") to the canvas's window. */
static void
keys (JmCanvas   *canvas,
      const char *names)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (GTK_WIDGET (canvas)));
  g_autofree char *cmd = g_strdup_printf ("key --clearmodifiers --window %lu --delay 30 %s",
                                          (unsigned long) gdk_x11_surface_get_xid (surface), names);

  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  xdotool (cmd);
  jm_test_spin ();
}

static void
test_dragging_cards_edges_curves_and_bands (Fixture       *f,
                                            gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  JmHistory *history = jm_document_get_history (f->doc);
  g_autofree char *id = jm_canvas_add_card (f->canvas, "lane-1", "step-1");
  g_autofree char *other = NULL;
  JmRect card, cell, target;
  double x, y, x2, y2;
  guint steps;

  type_into_editor (f->canvas, "Sees an ad");
  jm_canvas_commit_edit (f->canvas);
  other = jm_canvas_add_card (f->canvas, "lane-1", "step-2");
  jm_canvas_commit_edit (f->canvas);
  jm_canvas_set_zoom (f->canvas, 1.0);
  jm_test_spin ();
  g_assert_true (jm_layout_get_card_rect (layout, id, &card));
  jm_canvas_scroll_to (f->canvas, &(JmRect) { card.x - 200, card.y - 50, 400, 100 });
  jm_test_spin ();

  /* Drag a card into another cell: one step. */
  steps = jm_history_get_n_steps (history);
  g_assert_true (jm_layout_get_card_rect (layout, id, &card));
  g_assert_true (jm_layout_get_cell_rect (layout, "lane-3", "step-3", &target));
  drag (f->canvas, card.x + 20, card.y + 10, target.x + 30, target.y + 20);
  g_assert_cmpstr (jm_document_find_card (f->doc, id, NULL)->step_id, ==, "step-3");
  g_assert_nonnull (jm_document_find_lane (f->doc, "lane-3"));
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, steps + 1);

  /* Drag its right edge over the next column: it spans two steps. */
  g_assert_true (jm_layout_get_card_rect (layout, id, &card));
  g_assert_true (jm_layout_get_cell_rect (layout, "lane-3", "step-4", &cell));
  drag (f->canvas, card.x + card.width - 2, card.y + 10, cell.x + 40, card.y + 10);
  g_assert_cmpuint (jm_document_find_card (f->doc, id, NULL)->span, ==, 2);

  /* Drag an emotion point to the top: +2, in one undo step. */
  jm_document_set_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT, 0);
  g_assert_true (jm_layout_get_emotion_point (layout, "persona-1", "step-2", JM_MAP_STATE_CURRENT, &x, &y));
  steps = jm_history_get_n_steps (history);
  drag (f->canvas, x, y, x, y - 200);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT)->score, ==, 2);
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, steps + 1);
  jm_history_undo (history);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT)->score, ==, 0);

  /* A rubber band over empty space selects the cards it touches. */
  g_assert_true (jm_layout_get_card_rect (layout, other, &card));
  g_assert_true (jm_layout_get_cell_rect (layout, "lane-1", "step-1", &cell));
  x2 = card.x + card.width / 2;
  y2 = card.y + card.height / 2;
  drag (f->canvas, cell.x + 5, cell.y + cell.height - 3, x2, y2);
  g_assert_cmpuint (jm_canvas_get_selection (f->canvas)->len, ==, 1);
  g_assert_cmpstr (jm_canvas_get_selection (f->canvas)->pdata[0], ==, other);
}

/* The emotion lane removed while one of its points is being dragged (an
 * undo or a reload from disk can do that): the rest of the drag must
 * leave the emotions alone, not read a lane that is not there. */
static void
test_emotion_drag_survives_losing_the_emotion_lane (Fixture       *f,
                                                    gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  GPtrArray *lanes = jm_document_get_lanes (f->doc);
  g_autofree char *emotion_lane = NULL;
  g_autofree char *press = NULL;
  g_autofree char *rest = NULL;
  double x, y, wx, wy;
  int sx, sy;

  for (guint i = 0; i < lanes->len && emotion_lane == NULL; i++)
    if (((JmLane *) lanes->pdata[i])->kind == JM_LANE_EMOTIONS)
      emotion_lane = g_strdup (((JmLane *) lanes->pdata[i])->id);
  g_assert_nonnull (emotion_lane);

  jm_document_set_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT, 0);
  jm_canvas_set_zoom (f->canvas, 1.0);
  jm_test_spin ();
  g_assert_true (jm_layout_get_emotion_point (layout, "persona-1", "step-2", JM_MAP_STATE_CURRENT, &x, &y));
  jm_canvas_scroll_to (f->canvas, &(JmRect) { x - 50, y - 150, 100, 300 });
  jm_test_spin ();
  jm_canvas_map_to_widget (f->canvas, x, y, &wx, &wy);
  screen_point (f->canvas, wx, wy, &sx, &sy);

  /* Press on the point and drag it up: it rises. */
  press = g_strdup_printf ("mousemove --sync %d %d sleep 0.05 mousedown 1 sleep 0.05 "
                           "mousemove --sync %d %d sleep 0.05 mousemove --sync %d %d", sx, sy, sx, sy - 50, sx, sy - 100);
  xdotool (press);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT)->score, >, 0);
  jm_document_set_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT, 0);

  /* The lane goes while the button is still down; the rest of the drag
   * leaves the emotions alone. */
  jm_document_remove_lane (f->doc, emotion_lane);
  jm_test_spin ();
  g_assert_false (jm_layout_get_lane_rect (layout, emotion_lane, &(JmRect) { 0 }));
  rest = g_strdup_printf ("mousemove --sync %d %d sleep 0.05 mousemove --sync %d %d sleep 0.05 mouseup 1",
                          sx, sy - 150, sx, sy + 200);
  xdotool (rest);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT)->score, ==, 0);
}

/* A key press as the canvas's key controller receives it. */
static gboolean
press_key (JmCanvas        *canvas,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          break;
        }
    }
  return handled;
}

static void
test_keys_tab_emotions_and_editing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *a = jm_canvas_add_card (f->canvas, "lane-1", "step-1");
  g_autofree char *b = NULL;

  jm_canvas_commit_edit (f->canvas);
  b = jm_canvas_add_card (f->canvas, "lane-2", "step-5");
  jm_canvas_commit_edit (f->canvas);
  jm_canvas_select_card (f->canvas, a, FALSE);

  /* Tab: cards in reading order; past the last the focus may leave. */
  g_assert_true (press_key (f->canvas, GDK_KEY_Tab, 0));
  g_assert_cmpstr (jm_canvas_get_focus (f->canvas), ==, b);
  g_assert_false (press_key (f->canvas, GDK_KEY_Tab, 0));
  g_assert_true (press_key (f->canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpstr (jm_canvas_get_focus (f->canvas), ==, a);

  /* Enter edits, Delete deletes, Ctrl+D duplicates. */
  g_assert_true (press_key (f->canvas, GDK_KEY_Return, 0));
  g_assert_nonnull (jm_canvas_get_editor (f->canvas));
  jm_canvas_cancel_edit (f->canvas);
  g_assert_true (press_key (f->canvas, GDK_KEY_d, GDK_CONTROL_MASK));
  g_assert_cmpuint (jm_document_find_lane (f->doc, "lane-1")->cards->len, ==, 2);
  g_assert_true (press_key (f->canvas, GDK_KEY_Delete, 0));
  g_assert_cmpuint (jm_document_find_lane (f->doc, "lane-1")->cards->len, ==, 1);

  /* + and - on the emotion lane's cell of a step. */
  {
    JmRect cell;
    double x, y;

    g_assert_true (jm_layout_get_cell_rect (jm_canvas_get_layout (f->canvas), "lane-4", "step-1", &cell));
    jm_canvas_map_to_widget (f->canvas, cell.x + 4, cell.y + 4, &x, &y);
    g_assert_true (jm_canvas_popup_menu (f->canvas, x, y));    /* a cell's menu focuses the cell */
  }
  g_assert_true (press_key (f->canvas, GDK_KEY_plus, 0));
  g_assert_nonnull (jm_document_get_emotion (f->doc, "persona-1", "step-1", JM_MAP_STATE_CURRENT));
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-1", JM_MAP_STATE_CURRENT)->score, ==, 0);
  g_assert_true (press_key (f->canvas, GDK_KEY_plus, 0));
  g_assert_true (press_key (f->canvas, GDK_KEY_plus, 0));
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-1", JM_MAP_STATE_CURRENT)->score, ==, 1);
  g_assert_true (press_key (f->canvas, GDK_KEY_minus, 0));
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-1", JM_MAP_STATE_CURRENT)->score, ==, 0.5);
}

static void
test_headers_rename_in_place (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *editor;

  jm_canvas_edit_header (f->canvas, JM_HIT_STAGE, "stage-1");
  editor = jm_canvas_get_editor (f->canvas);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  type_into_editor (f->canvas, "Discovery");
  jm_canvas_commit_edit (f->canvas);
  g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-1")->name, ==, "Discovery");

  jm_canvas_edit_header (f->canvas, JM_HIT_STEP, "step-2");
  type_into_editor (f->canvas, "Reads reviews");
  jm_canvas_commit_edit (f->canvas);
  g_assert_cmpstr (jm_document_find_step (f->doc, "step-2")->name, ==, "Reads reviews");

  jm_canvas_edit_header (f->canvas, JM_HIT_LANE, "lane-3");
  type_into_editor (f->canvas, "Feelings");
  jm_canvas_cancel_edit (f->canvas);
  g_assert_cmpstr (jm_document_find_lane (f->doc, "lane-3")->title, ==, "Thoughts");
  jm_canvas_edit_header (f->canvas, JM_HIT_LANE, "lane-3");
  type_into_editor (f->canvas, "Feelings");
  jm_canvas_commit_edit (f->canvas);
  g_assert_cmpstr (jm_document_find_lane (f->doc, "lane-3")->title, ==, "Feelings");

  g_assert_cmpuint (jm_history_get_n_steps (jm_document_get_history (f->doc)), ==, 3);
}

static void
test_dragging_headers_reorders (Fixture       *f,
                                gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  GPtrArray *stages = jm_document_get_stages (f->doc);
  GPtrArray *lanes = jm_document_get_lanes (f->doc);
  JmRect from, to;

  jm_canvas_set_zoom (f->canvas, 0.5);
  jm_test_spin ();

  /* The first stage, dragged onto the third. */
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_STAGE, "stage-1", &from));
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_STAGE, "stage-3", &to));
  drag (f->canvas, from.x + 20, from.y + 10, to.x + 20, to.y + 10);
  g_assert_cmpstr (((JmStage *) stages->pdata[2])->id, ==, "stage-1");

  /* The last lane, dragged onto the first. */
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_LANE, "lane-7", &from));
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_LANE, "lane-1", &to));
  drag (f->canvas, from.x + 20, from.y + 10, to.x + 20, to.y + 10);
  g_assert_cmpstr (((JmLane *) lanes->pdata[0])->id, ==, "lane-7");

  /* A step, dragged onto its neighbour. */
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_STEP, "step-9", &from));
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_STEP, "step-10", &to));
  drag (f->canvas, from.x + 20, from.y + 10, to.x + 20, to.y + 10);
  g_assert_cmpint (jm_document_get_step_column (f->doc, "step-9"), ==, 9);

  g_assert_cmpuint (jm_history_get_n_steps (jm_document_get_history (f->doc)), ==, 3);
}

static void
test_space_drag_pans (Fixture       *f,
                      gconstpointer  data)
{
  GtkScrollable *scrollable = GTK_SCROLLABLE (f->canvas);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (scrollable);
  double before;

  jm_canvas_set_zoom (f->canvas, 1.5);
  jm_test_spin ();
  gtk_adjustment_set_value (h, 200);
  before = gtk_adjustment_get_value (h);
  g_assert_true (press_key (f->canvas, GDK_KEY_space, 0));
  drag (f->canvas, 300, 300, 250, 300);
  g_assert_cmpfloat (gtk_adjustment_get_value (h), >, before);
}


/* The canvas's context menu, if one is open: its items' labels, joined. */
static char *
open_menu_labels (JmCanvas *canvas)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_visible (child))
      {
        GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (child));
        GString *labels = g_string_new (NULL);

        for (int s = 0; s < g_menu_model_get_n_items (model); s++)
          {
            g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

            for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
              {
                g_autofree char *label = NULL;

                g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
                g_string_append_printf (labels, "%s|", label);
              }
          }
        return g_string_free (labels, FALSE);
      }
  return NULL;
}

static void
close_menus (JmCanvas *canvas)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  jm_test_spin ();
}

static void
test_keyboard_walk_reaches_headers_and_opens_their_menus (Fixture       *f,
                                                          gconstpointer  data)
{
  JmSelection *selection = jm_canvas_get_selection_model (f->canvas);
  g_autofree char *card = jm_canvas_add_card (f->canvas, "lane-1", "step-2");
  g_autofree char *labels = NULL;

  type_into_editor (f->canvas, "Reads a review");
  jm_canvas_commit_edit (f->canvas);
  jm_canvas_select_card (f->canvas, card, FALSE);

  /* Up from a card in the first lane: its step's header. */
  keys (f->canvas, "Up");
  g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_STEP);
  g_assert_cmpstr (jm_selection_get_focus (selection)->id, ==, "step-2");
  keys (f->canvas, "shift+F10");
  labels = open_menu_labels (f->canvas);
  g_assert_nonnull (labels);
  g_assert_nonnull (strstr (labels, "_Delete Step"));
  /* The menu is the step's: the card stays unselected. */
  g_assert_cmpuint (jm_canvas_get_selection (f->canvas)->len, ==, 0);
  g_clear_pointer (&labels, g_free);
  close_menus (f->canvas);

  /* Up again: the stage. */
  keys (f->canvas, "Up");
  g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_STAGE);
  g_assert_cmpstr (jm_selection_get_focus (selection)->id, ==, "stage-1");
  keys (f->canvas, "Menu");
  labels = open_menu_labels (f->canvas);
  g_assert_nonnull (labels);
  g_assert_nonnull (strstr (labels, "_Delete Stage"));
  g_assert_nonnull (strstr (labels, "Add Stage _Before"));
  g_clear_pointer (&labels, g_free);
  close_menus (f->canvas);

  /* Down twice to the card's column in the first lane, Left to the first
   * column, Left again: the lane's title. */
  keys (f->canvas, "Down Down Left Left");
  g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_LANE);
  g_assert_cmpstr (jm_selection_get_focus (selection)->id, ==, "lane-1");
  keys (f->canvas, "shift+F10");
  labels = open_menu_labels (f->canvas);
  g_assert_nonnull (labels);
  g_assert_nonnull (strstr (labels, "_Delete Lane"));
  close_menus (f->canvas);

  /* F2 renames the focused header in place. */
  keys (f->canvas, "F2");
  g_assert_nonnull (jm_canvas_get_editor (f->canvas));
  type_into_editor (f->canvas, "What they do");
  keys (f->canvas, "Return");
  g_assert_cmpstr (jm_document_find_lane (f->doc, "lane-1")->title, ==, "What they do");
}

static void
test_delete_removes_the_focused_header (Fixture       *f,
                                        gconstpointer  data)
{
  JmSelection *selection = jm_canvas_get_selection_model (f->canvas);
  JmHistory *history = jm_document_get_history (f->doc);
  guint stages = jm_document_get_stages (f->doc)->len;

  jm_selection_focus_object (selection, JM_FOCUS_STAGE, "stage-2");
  keys (f->canvas, "Delete");
  g_assert_null (jm_document_find_stage (f->doc, "stage-2"));
  g_assert_cmpuint (jm_document_get_stages (f->doc)->len, ==, stages - 1);
  /* The focus stays in place: on the stage now there. */
  g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_STAGE);
  jm_history_undo (history);
  g_assert_nonnull (jm_document_find_stage (f->doc, "stage-2"));

  /* The stage menu's colours: the stage's own, one command. */
  jm_selection_focus_object (selection, JM_FOCUS_STAGE, "stage-2");
  {
    g_autofree char *before = g_strdup (jm_document_find_stage (f->doc, "stage-2")->color);

    g_assert_cmpstr (before, !=, "#cc79a7");
    keys (f->canvas, "shift+F10");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.stage-color", "s", "#cc79a7"));
    g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-2")->color, ==, "#cc79a7");
    jm_history_undo (history);
    g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-2")->color, ==, before);
    close_menus (f->canvas);
  }

  jm_selection_focus_object (selection, JM_FOCUS_LANE, "lane-3");
  keys (f->canvas, "Delete");
  g_assert_null (jm_document_find_lane (f->doc, "lane-3"));
  jm_selection_focus_object (selection, JM_FOCUS_STEP, "step-1");
  keys (f->canvas, "BackSpace");
  g_assert_null (jm_document_find_step (f->doc, "step-1"));
}

static const char *
emotion_lane_of (JmDocument *doc)
{
  GPtrArray *lanes = jm_document_get_lanes (doc);

  for (guint i = 0; i < lanes->len; i++)
    if (((JmLane *) lanes->pdata[i])->kind == JM_LANE_EMOTIONS)
      return ((JmLane *) lanes->pdata[i])->id;
  g_assert_not_reached ();
}

static void
test_second_persona_curve_by_mouse_and_keys_is_saved (Fixture       *f,
                                                      gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  JmSelection *selection = jm_canvas_get_selection_model (f->canvas);
  g_autofree char *dir = g_dir_make_tmp ("jm-canvas-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two.journey", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) back = NULL;
  JmRect cell;

  jm_document_insert_persona (f->doc, -1, jm_persona_new ("marco", "Marco"));
  /* Viewing the map as Marco is drawing Marco's curve. */
  jm_canvas_set_persona (f->canvas, "marco");
  g_assert_cmpstr (jm_selection_get_persona (selection), ==, "marco");
  jm_canvas_set_zoom (f->canvas, 1.0);
  jm_test_spin ();

  /* A click in the band at +1 creates Marco's point there. */
  g_assert_true (jm_layout_get_cell_rect (layout, emotion_lane_of (f->doc), "step-3", &cell));
  jm_canvas_scroll_to (f->canvas, &cell);
  jm_test_spin ();
  click (f->canvas, 1, cell.x + cell.width / 2, jm_layout_emotion_y (layout, 1), 1);
  g_assert_nonnull (jm_document_get_emotion (f->doc, "marco", "step-3", JM_MAP_STATE_CURRENT));
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "marco", "step-3", JM_MAP_STATE_CURRENT)->score, ==, 1);
  g_assert_null (jm_document_get_emotion (f->doc, "persona-1", "step-3", JM_MAP_STATE_CURRENT));
  g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_EMOTION);

  /* Keys: Right to the next step, 5 sets +2; T for the to-be curve, 2 sets −1. */
  keys (f->canvas, "Right 5");
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "marco", "step-4", JM_MAP_STATE_CURRENT)->score, ==, 2);
  keys (f->canvas, "t 2");
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "marco", "step-4", JM_MAP_STATE_FUTURE)->score, ==, -1);
  keys (f->canvas, "minus");
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "marco", "step-4", JM_MAP_STATE_FUTURE)->score, ==, -1.5);
  /* P cycles to the first persona: the point focused follows. */
  keys (f->canvas, "p 4");
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-4", JM_MAP_STATE_FUTURE)->score, ==, 1);
  /* Delete clears the focused point. */
  keys (f->canvas, "Delete");
  g_assert_null (jm_document_get_emotion (f->doc, "persona-1", "step-4", JM_MAP_STATE_FUTURE));

  g_assert_true (jm_writer_save_path (f->doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<emotion persona=\"marco\" step=\"step-3\" score=\"1\"/>"));
  g_assert_nonnull (strstr (xml, "<emotion persona=\"marco\" step=\"step-4\" curve=\"future\" score=\"-1.5\"/>"));
  back = jm_reader_load_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (jm_document_get_emotion (back, "marco", "step-4", JM_MAP_STATE_CURRENT)->score, ==, 2);
  g_unlink (path);
  g_rmdir (dir);
}

/* The shown child of the canvas whose label says text. */
static GtkWidget *
shown_child_saying (GtkWidget  *parent,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return child;
      {
        GtkWidget *inner = shown_child_saying (child, text);

        if (inner != NULL)
          return parent == NULL ? inner : child;
      }
    }
  return NULL;
}

/* Whose curve is drawn: the chip sits in the emotion lane's column of
 * titles, clear of the room the curves' legend draws its lines in (it
 * once covered the legend's first line). */
static void
test_whose_curve_chip_is_clear_of_the_legend (Fixture       *f,
                                              gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  graphene_rect_t chip_bounds, legend_bounds, cell_bounds;
  JmRect legend, cell, lane;
  GtkWidget *chip;
  double x0, y0, x1, y1;

  jm_document_insert_persona (f->doc, -1, jm_persona_new ("marco", "Marco Neri"));
  jm_document_set_emotion (f->doc, "marco", "step-2", JM_MAP_STATE_CURRENT, 1);
  jm_canvas_set_persona (f->canvas, "marco");
  jm_canvas_set_zoom (f->canvas, 1.0);
  jm_test_spin ();
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_LANE, emotion_lane_of (f->doc), &cell));
  jm_canvas_scroll_to (f->canvas, &(JmRect) { 0, cell.y - 20, cell.width, cell.height + 40 });
  jm_test_spin ();
  /* Where the legend's lines go, with the chip in place. */
  g_assert_true (jm_layout_get_emotion_legend_rect (layout, &legend));

  chip = shown_child_saying (GTK_WIDGET (f->canvas), "Marco Neri");
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_compute_bounds (chip, GTK_WIDGET (f->canvas), &chip_bounds));
  jm_canvas_map_to_widget (f->canvas, legend.x, legend.y, &x0, &y0);
  jm_canvas_map_to_widget (f->canvas, legend.x + legend.width, legend.y + legend.height, &x1, &y1);
  graphene_rect_init (&legend_bounds, x0, y0, x1 - x0, y1 - y0);
  jm_canvas_map_to_widget (f->canvas, cell.x, cell.y, &x0, &y0);
  jm_canvas_map_to_widget (f->canvas, cell.x + cell.width, cell.y + cell.height, &x1, &y1);
  graphene_rect_init (&cell_bounds, x0, y0, x1 - x0, y1 - y0);
  g_test_message ("chip %g,%g %gx%g; legend %g,%g %gx%g; cell %g,%g %gx%g", chip_bounds.origin.x,
                  chip_bounds.origin.y, chip_bounds.size.width, chip_bounds.size.height, legend_bounds.origin.x,
                  legend_bounds.origin.y, legend_bounds.size.width, legend_bounds.size.height, cell_bounds.origin.x,
                  cell_bounds.origin.y, cell_bounds.size.width, cell_bounds.size.height);
  g_assert_cmpfloat (legend_bounds.size.height, >, 10);
  g_assert_false (graphene_rect_intersection (&chip_bounds, &legend_bounds, NULL));
  /* Nor does it reach the axis's labels, right of the legend's room. */
  g_assert_cmpfloat (chip_bounds.origin.x + chip_bounds.size.width, <=,
                     legend_bounds.origin.x + legend_bounds.size.width + 1);
  /* In the lane, in its column of titles. */
  g_assert_true (jm_layout_get_lane_rect (layout, emotion_lane_of (f->doc), &lane));
  jm_canvas_map_to_widget (f->canvas, lane.x, lane.y, &x0, &y0);
  jm_canvas_map_to_widget (f->canvas, lane.x, lane.y + lane.height, &x1, &y1);
  g_assert_cmpfloat (chip_bounds.origin.y, >=, y0);
  g_assert_cmpfloat (chip_bounds.origin.y + chip_bounds.size.height, <=, y1);
  g_assert_cmpfloat (chip_bounds.origin.x, >=, cell_bounds.origin.x);
  g_assert_cmpfloat (chip_bounds.origin.x + chip_bounds.size.width, <=, cell_bounds.origin.x + cell_bounds.size.width);
}

static void
test_emotion_drag_sets_the_score_under_the_pointer (Fixture       *f,
                                                    gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  double x, y;

  jm_document_set_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT, -2);
  jm_canvas_set_zoom (f->canvas, 1.0);
  jm_test_spin ();
  g_assert_true (jm_layout_get_emotion_point (layout, "persona-1", "step-2", JM_MAP_STATE_CURRENT, &x, &y));
  jm_canvas_scroll_to (f->canvas, &(JmRect) { x - 50, jm_layout_emotion_y (layout, 2) - 30, 100, 260 });
  jm_test_spin ();
  drag (f->canvas, x, y, x, jm_layout_emotion_y (layout, 1) + 3);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT)->score, ==, 1);
  g_assert_true (jm_layout_get_emotion_point (layout, "persona-1", "step-2", JM_MAP_STATE_CURRENT, &x, &y));
  drag (f->canvas, x, y, x, jm_layout_emotion_y (layout, -0.5) - 3);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT)->score, ==, -0.5);
}

static void
test_span_by_handle_menu_and_keys (Fixture       *f,
                                   gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  g_autofree char *id = jm_canvas_add_card (f->canvas, "lane-1", "step-3");
  JmRect card, cell;

  type_into_editor (f->canvas, "Asks a friend");
  jm_canvas_commit_edit (f->canvas);
  jm_canvas_set_zoom (f->canvas, 1.0);
  jm_canvas_select_card (f->canvas, id, FALSE);
  jm_test_spin ();

  /* The right handle dragged over the next column. */
  g_assert_true (jm_layout_get_card_rect (layout, id, &card));
  jm_canvas_scroll_to (f->canvas, &(JmRect) { card.x - 300, card.y, card.width + 600, card.height });
  jm_test_spin ();
  g_assert_true (jm_layout_get_cell_rect (layout, "lane-1", "step-4", &cell));
  drag (f->canvas, card.x + card.width + 3 / jm_canvas_get_zoom (f->canvas), card.y + card.height / 2,
        cell.x + cell.width / 2, card.y + card.height / 2);
  g_assert_cmpuint (jm_document_find_card (f->doc, id, NULL)->span, ==, 2);

  /* The left handle dragged over the previous column: it starts there. */
  g_assert_true (jm_layout_get_card_rect (layout, id, &card));
  g_assert_true (jm_layout_get_cell_rect (layout, "lane-1", "step-2", &cell));
  drag (f->canvas, card.x - 3 / jm_canvas_get_zoom (f->canvas), card.y + card.height / 2,
        cell.x + cell.width / 2, card.y + card.height / 2);
  g_assert_cmpstr (jm_document_find_card (f->doc, id, NULL)->step_id, ==, "step-2");
  g_assert_cmpuint (jm_document_find_card (f->doc, id, NULL)->span, ==, 3);

  /* Keys and the menu. */
  keys (f->canvas, "alt+shift+Left");
  g_assert_cmpuint (jm_document_find_card (f->doc, id, NULL)->span, ==, 2);
  keys (f->canvas, "alt+shift+Right alt+shift+Right");
  g_assert_cmpuint (jm_document_find_card (f->doc, id, NULL)->span, ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.span", "i", -1));
  g_assert_cmpuint (jm_document_find_card (f->doc, id, NULL)->span, ==, 3);
}

static void
test_frozen_headers_stay_in_view_and_answer_clicks (Fixture       *f,
                                                    gconstpointer  data)
{
  JmSelection *selection = jm_canvas_get_selection_model (f->canvas);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  JmRect cols, rows;
  JmHit hit;
  double zoom = 2.0;

  jm_canvas_set_zoom (f->canvas, zoom);
  jm_test_spin ();
  gtk_adjustment_set_value (h, 1500);
  gtk_adjustment_set_value (v, 900);
  jm_test_spin ();
  g_assert_true (jm_layout_get_frozen_panes (jm_canvas_get_layout (f->canvas), &cols, &rows));

  /* The map's own headers are far above and left of the view ... */
  {
    double wx, wy;

    jm_canvas_map_to_widget (f->canvas, cols.x, cols.y, &wx, &wy);
    g_assert_cmpfloat (wy, <, 0);
    jm_canvas_map_to_widget (f->canvas, rows.x + 40, rows.y, &wx, &wy);
    g_assert_cmpfloat (wx, <, 0);
  }
  /* ... yet the step and stage headers are at the top of the view and a
   * lane title at its left, and clicks there reach them. */
  {
    JmRect step, stage;
    double top = cols.y - 6, left = JM_LAYOUT_MARGIN - 8;
    g_autofree char *cmd = NULL;
    int sx, sy;

    g_assert_true (jm_layout_get_header_rect (jm_canvas_get_layout (f->canvas), JM_HIT_STEP, "step-5", &step));
    g_assert_true (jm_layout_get_header_rect (jm_canvas_get_layout (f->canvas), JM_HIT_STAGE, "stage-1", &stage));
    g_assert_true (jm_canvas_hit_at (f->canvas, 600, (step.y + 8 - top) * zoom, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_STEP);
    g_assert_true (jm_canvas_hit_at (f->canvas, 600, (stage.y + 8 - top) * zoom, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_STAGE);
    g_assert_true (jm_canvas_hit_at (f->canvas, (JM_LAYOUT_MARGIN + 30 - left) * zoom, 600, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_LANE);

    screen_point (f->canvas, (JM_LAYOUT_MARGIN + 30 - left) * zoom, 600, &sx, &sy);
    cmd = g_strdup_printf ("mousemove --sync %d %d click 1", sx, sy);
    xdotool (cmd);
    g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_LANE);
    g_free (cmd);
    screen_point (f->canvas, 600, (step.y + 8 - top) * zoom, &sx, &sy);
    cmd = g_strdup_printf ("mousemove --sync %d %d click 1", sx, sy);
    xdotool (cmd);
    g_assert_cmpint (jm_selection_get_kind (selection), ==, JM_FOCUS_STEP);
  }
}

static void
test_a_map_opens_readable (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                            "online-shop.journey", NULL);
  g_autoptr(JmDocument) doc = jm_reader_load_path (path, NULL, NULL);

  g_assert_nonnull (doc);
  gtk_window_set_default_size (f->window, 1280, 820);
  jm_canvas_set_document (f->canvas, doc);
  jm_test_spin ();
  /* Card text (14 units) is at least 11 pixels high. */
  g_assert_cmpfloat (jm_canvas_get_zoom (f->canvas) * 14, >=, 11 - 1e-9);
  g_assert_cmpfloat (jm_canvas_get_zoom (f->canvas), <=, 1.0);
  jm_canvas_zoom_to_fit_width (f->canvas);
  g_assert_cmpfloat (jm_canvas_get_zoom (f->canvas), <, 1.0);
  jm_canvas_set_document (f->canvas, f->doc);
}

static void
test_middle_button_pans (Fixture       *f,
                         gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  double before;

  jm_canvas_set_zoom (f->canvas, 1.5);
  jm_test_spin ();
  gtk_adjustment_set_value (h, 200);
  before = gtk_adjustment_get_value (h);
  real_drag_widget (f->canvas, 2, 500, 500, 400, 500);
  g_assert_cmpfloat (gtk_adjustment_get_value (h), >, before + 50);
}


static void
test_system_text_scaling_and_high_contrast_reach_the_map (Fixture       *f,
                                                          gconstpointer  data)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (f->canvas));
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  double x0, y0, x1, y1;
  int dpi = 0;

  /* Large Text: at 100 %, card text (14 map units) is 1.5 × as tall. */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  jm_canvas_set_zoom (f->canvas, 1.0);
  g_object_set (settings, "gtk-xft-dpi", (int) (1.5 * 96 * 1024), NULL);
  jm_test_spin ();
  g_assert_cmpfloat (jm_canvas_get_zoom (f->canvas), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (jm_canvas_get_text_scale (f->canvas), 1.5, 1e-9);
  jm_canvas_map_to_widget (f->canvas, 100, 100, &x0, &y0);
  jm_canvas_map_to_widget (f->canvas, 100, 114, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (y1 - y0, 21, 1e-6);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  jm_test_spin ();

  /* High contrast: the map takes the high-contrast theme, live. */
  g_assert_cmpint (jm_layout_get_options (layout)->theme, !=, JM_THEME_HIGH_CONTRAST);
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  jm_test_spin_for (200);
  g_assert_cmpint (jm_layout_get_options (layout)->theme, ==, JM_THEME_HIGH_CONTRAST);
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  jm_test_spin_for (200);
  g_assert_cmpint (jm_layout_get_options (layout)->theme, !=, JM_THEME_HIGH_CONTRAST);
}


static void
test_home_end_and_page_keys_jump (Fixture       *f,
                                  gconstpointer  data)
{
  JmSelection *selection = jm_canvas_get_selection_model (f->canvas);
  GPtrArray *lanes = jm_document_get_lanes (f->doc);
  guint n_steps = jm_document_get_n_steps (f->doc);
  const JmFocus *focus = jm_selection_get_focus (selection);

  jm_selection_focus_cell (selection, "lane-2", "step-3");
  g_assert_true (press_key (f->canvas, GDK_KEY_Home, 0));
  g_assert_cmpstr (focus->lane_id, ==, "lane-2");
  g_assert_cmpstr (focus->step_id, ==, "step-1");
  g_assert_true (press_key (f->canvas, GDK_KEY_End, 0));
  g_assert_cmpstr (focus->step_id, ==, jm_document_get_step (f->doc, n_steps - 1)->id);
  g_assert_true (press_key (f->canvas, GDK_KEY_Home, GDK_CONTROL_MASK));
  g_assert_cmpstr (focus->lane_id, ==, ((JmLane *) lanes->pdata[0])->id);
  g_assert_cmpstr (focus->step_id, ==, "step-1");
  g_assert_true (press_key (f->canvas, GDK_KEY_End, GDK_CONTROL_MASK));
  g_assert_cmpstr (focus->lane_id, ==, ((JmLane *) lanes->pdata[lanes->len - 1])->id);
  /* Page Up from the last lane: a screen's height up, not one lane. */
  g_assert_true (press_key (f->canvas, GDK_KEY_Page_Up, 0));
  g_assert_cmpstr (focus->lane_id, !=, ((JmLane *) lanes->pdata[lanes->len - 1])->id);
  g_assert_cmpstr (focus->lane_id, !=, ((JmLane *) lanes->pdata[lanes->len - 2])->id);
}

static void
test_emotion_menu_clears_a_point_and_cards_stay_under_the_curve (Fixture       *f,
                                                                 gconstpointer  data)
{
  JmLayout *layout = jm_canvas_get_layout (f->canvas);
  JmSelection *selection = jm_canvas_get_selection_model (f->canvas);
  const char *lane = emotion_lane_of (f->doc);
  g_autofree char *card = NULL;
  double top, bottom;
  JmRect rect;

  /* A card added to the emotion lane sits below the curve's band. */
  card = jm_canvas_add_card (f->canvas, lane, "step-2");
  type_into_editor (f->canvas, "Feels relieved");
  jm_canvas_commit_edit (f->canvas);
  g_assert_true (jm_layout_get_emotion_band (layout, &top, &bottom));
  g_assert_true (jm_layout_get_card_rect (layout, card, &rect));
  g_assert_cmpfloat (rect.y, >, bottom);

  /* The point's menu clears it. */
  jm_document_set_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT, 1);
  jm_selection_focus_emotion (selection, "persona-1", "step-2", JM_MAP_STATE_CURRENT);
  keys (f->canvas, "shift+F10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.clear-emotion", NULL));
  g_assert_null (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT));
  close_menus (f->canvas);
}

/* Through a view, real keys walk only what it shows: arrows and Ctrl+Home/End
 * pass over hidden lanes, the emotion keys draw the view's persona on the
 * view's curve, and the focus leaves a lane the view hides. */
static void
test_keys_walk_what_the_view_shows (Fixture       *f,
                                    gconstpointer  data)
{
  JmSelection *selection = jm_canvas_get_selection_model (f->canvas);
  const JmFocus *focus = jm_selection_get_focus (selection);
  JmMapView *view = jm_map_view_new ("v-lean", "Lean");
  const char *lanes[] = { "lane-1", "lane-4", "lane-7", NULL };
  const char *personas[] = { "persona-2", NULL };
  const JmEmotion *before;

  jm_document_insert_persona (f->doc, -1, jm_persona_new ("persona-2", "Marco"));
  view->lanes = g_strdupv ((char **) lanes);
  view->personas = g_strdupv ((char **) personas);
  view->states = JM_VIEW_STATES_CURRENT;
  jm_document_set_view (f->doc, view);
  before = jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT);

  /* The focused cell's lane goes out of view: the focus goes to a shown one. */
  jm_selection_focus_cell (selection, "lane-2", "step-2");
  jm_canvas_set_view (f->canvas, "v-lean");
  jm_test_spin ();
  g_assert_cmpint (focus->kind, ==, JM_FOCUS_CELL);
  g_assert_cmpstr (focus->lane_id, ==, "lane-1");
  g_assert_cmpstr (focus->step_id, ==, "step-2");

  /* Down passes over the touchpoints and thoughts to the emotion lane,
   * where the point is the view's persona's. */
  keys (f->canvas, "Down");
  g_assert_cmpint (focus->kind, ==, JM_FOCUS_EMOTION);
  g_assert_cmpstr (focus->id, ==, "persona-2");
  g_assert_cmpstr (focus->step_id, ==, "step-2");

  /* P and T keep to the view's persona and curve; 4 scores that point. */
  keys (f->canvas, "p t 4");
  g_assert_cmpstr (focus->id, ==, "persona-2");
  g_assert_cmpint (focus->curve, ==, JM_MAP_STATE_CURRENT);
  g_assert_nonnull (jm_document_get_emotion (f->doc, "persona-2", "step-2", JM_MAP_STATE_CURRENT));
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-2", "step-2", JM_MAP_STATE_CURRENT)->score, ==, 1);
  g_assert_true (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT) == before);
  g_assert_null (jm_document_get_emotion (f->doc, "persona-2", "step-2", JM_MAP_STATE_FUTURE));

  /* On down past pain points and opportunities to the metrics, and back up. */
  keys (f->canvas, "Down");
  g_assert_cmpstr (focus->lane_id, ==, "lane-7");
  keys (f->canvas, "Up Up");
  g_assert_cmpstr (focus->lane_id, ==, "lane-1");

  /* Ctrl+End and Ctrl+Home: the last and first lanes shown. */
  keys (f->canvas, "ctrl+End");
  g_assert_cmpstr (focus->lane_id, ==, "lane-7");
  keys (f->canvas, "ctrl+Home");
  g_assert_cmpstr (focus->lane_id, ==, "lane-1");
  g_assert_cmpstr (focus->step_id, ==, "step-1");

  /* Down the lane titles too. */
  keys (f->canvas, "Left Down");
  g_assert_cmpint (focus->kind, ==, JM_FOCUS_LANE);
  g_assert_cmpstr (focus->id, ==, "lane-4");

  /* Everything again: the keys walk every lane. */
  jm_canvas_set_view (f->canvas, NULL);
  keys (f->canvas, "Up Down");
  g_assert_cmpstr (focus->id, ==, "lane-4");
  keys (f->canvas, "Up");
  g_assert_cmpstr (focus->id, ==, "lane-3");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the canvas tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = jm_application_new ();

#define ADD(path, func) g_test_add ("/app/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("widget-and-map-coordinates-are-inverse", test_widget_and_map_coordinates_are_inverse);
  ADD ("add-card-and-type-its-text", test_add_card_and_type_its_text);
  ADD ("cancelling-a-new-card-removes-it", test_cancelling_a_new_card_removes_it);
  ADD ("pain-points-get-a-severity", test_pain_points_get_a_severity);
  ADD ("editing-an-existing-card-and-escape", test_editing_an_existing_card_and_escape);
  ADD ("keyboard-focus-moves-between-cells-and-cards", test_keyboard_focus_moves_between_cells_and_cards);
  ADD ("move-duplicate-and-delete-are-undoable", test_move_duplicate_and_delete_are_undoable);
  ADD ("saved-map-reopens-the-same", test_saved_map_reopens_the_same);
  ADD ("context-menus-change-the-structure", test_context_menus_change_the_structure);
  ADD ("copy-and-paste-between-maps", test_copy_and_paste_between_maps);
  ADD ("dragging-cards-edges-curves-and-bands", test_dragging_cards_edges_curves_and_bands);
  ADD ("keys-tab-emotions-and-editing", test_keys_tab_emotions_and_editing);
  ADD ("emotion-drag-survives-losing-the-emotion-lane", test_emotion_drag_survives_losing_the_emotion_lane);
  ADD ("space-drag-pans", test_space_drag_pans);
  ADD ("headers-rename-in-place", test_headers_rename_in_place);
  ADD ("dragging-headers-reorders", test_dragging_headers_reorders);
  ADD ("keyboard-walk-reaches-headers-and-opens-their-menus", test_keyboard_walk_reaches_headers_and_opens_their_menus);
  ADD ("delete-removes-the-focused-header", test_delete_removes_the_focused_header);
  ADD ("second-persona-curve-by-mouse-and-keys-is-saved", test_second_persona_curve_by_mouse_and_keys_is_saved);
  ADD ("whose-curve-chip-is-clear-of-the-legend", test_whose_curve_chip_is_clear_of_the_legend);
  ADD ("emotion-drag-sets-the-score-under-the-pointer", test_emotion_drag_sets_the_score_under_the_pointer);
  ADD ("span-by-handle-menu-and-keys", test_span_by_handle_menu_and_keys);
  ADD ("frozen-headers-stay-in-view-and-answer-clicks", test_frozen_headers_stay_in_view_and_answer_clicks);
  ADD ("a-map-opens-readable", test_a_map_opens_readable);
  ADD ("middle-button-pans", test_middle_button_pans);
  ADD ("home-end-and-page-keys-jump", test_home_end_and_page_keys_jump);
  ADD ("emotion-menu-clears-a-point-and-cards-stay-under-the-curve",
       test_emotion_menu_clears_a_point_and_cards_stay_under_the_curve);
  ADD ("system-text-scaling-and-high-contrast-reach-the-map", test_system_text_scaling_and_high_contrast_reach_the_map);
  ADD ("keys-walk-what-the-view-shows", test_keys_walk_what_the_view_shows);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
