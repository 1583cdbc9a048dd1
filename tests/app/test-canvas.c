/* test-canvas.c — the canvas editor under Xvfb: coordinate transforms,
 * selection, keyboard focus, adding and editing cards in place, moving,
 * duplicating and deleting them, all undoable back to the template. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jm-application.h"
#include "jm-canvas.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-writer.h"

static JmApplication *app;

static void
spin (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

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
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_object_unref (f->doc);
  spin ();
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
  spin ();
  jm_canvas_widget_to_map (f->canvas, 300, 200, &mx, &my);
  jm_canvas_zoom_at (f->canvas, 1.5, 300, 200);
  spin ();
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
  spin ();
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
  spin ();
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
  spin ();
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
  spin ();
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
  spin ();
  jm_canvas_paste (second);
  wait_a_moment ();
  g_assert_cmpuint (jm_document_get_n_cards (other), ==, 2);
  g_assert_cmpuint (jm_canvas_get_selection (second)->len, ==, 2);

  /* Cut removes what it copies. */
  jm_canvas_select_card (f->canvas, a, FALSE);
  jm_canvas_cut (f->canvas);
  g_assert_null (jm_document_find_card (f->doc, a, NULL));
  gtk_window_destroy (window);
  spin ();
}

/* The canvas's primary-button drag gesture, driven as GTK would drive it. */
static GtkGesture *
drag_gesture (JmCanvas *canvas)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static void
drag (JmCanvas *canvas,
      double    mx0,
      double    my0,
      double    mx1,
      double    my1)
{
  GtkGesture *gesture = drag_gesture (canvas);
  double x0, y0, x1, y1;

  jm_canvas_map_to_widget (canvas, mx0, my0, &x0, &y0);
  jm_canvas_map_to_widget (canvas, mx1, my1, &x1, &y1);
  g_signal_emit_by_name (gesture, "drag-begin", x0, y0);
  g_signal_emit_by_name (gesture, "drag-update", (x1 - x0) / 2, (y1 - y0) / 2);
  g_signal_emit_by_name (gesture, "drag-update", x1 - x0, y1 - y0);
  g_signal_emit_by_name (gesture, "drag-end", x1 - x0, y1 - y0);
  spin ();
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
  spin ();

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
  GtkGesture *gesture = drag_gesture (f->canvas);
  g_autofree char *emotion_lane = NULL;
  double x, y, wx, wy;

  for (guint i = 0; i < lanes->len && emotion_lane == NULL; i++)
    if (((JmLane *) lanes->pdata[i])->kind == JM_LANE_EMOTIONS)
      emotion_lane = g_strdup (((JmLane *) lanes->pdata[i])->id);
  g_assert_nonnull (emotion_lane);

  jm_document_set_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT, 0);
  jm_canvas_set_zoom (f->canvas, 1.0);
  spin ();
  g_assert_true (jm_layout_get_emotion_point (layout, "persona-1", "step-2", JM_MAP_STATE_CURRENT, &x, &y));
  jm_canvas_map_to_widget (f->canvas, x, y, &wx, &wy);

  g_signal_emit_by_name (gesture, "drag-begin", wx, wy);
  g_signal_emit_by_name (gesture, "drag-update", 0.0, -100.0);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT)->score, >, 0);
  jm_document_set_emotion (f->doc, "persona-1", "step-2", JM_MAP_STATE_CURRENT, 0);

  jm_document_remove_lane (f->doc, emotion_lane);
  spin ();
  g_assert_false (jm_layout_get_lane_rect (layout, emotion_lane, &(JmRect) { 0 }));
  g_signal_emit_by_name (gesture, "drag-update", 0.0, -150.0);
  g_signal_emit_by_name (gesture, "drag-update", 0.0, 300.0);
  g_signal_emit_by_name (gesture, "drag-end", 0.0, 300.0);
  spin ();
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
  spin ();

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
  spin ();
  gtk_adjustment_set_value (h, 200);
  before = gtk_adjustment_get_value (h);
  g_assert_true (press_key (f->canvas, GDK_KEY_space, 0));
  drag (f->canvas, 300, 300, 250, 300);
  g_assert_cmpfloat (gtk_adjustment_get_value (h), >, before);
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
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
