/* test-selection.c — the editor's focus and selection model follows the
 * document: it never names an object that is gone. */
#include "config.h"

#include <math.h>

#include "jm-map-view.h"
#include "jm-selection.h"
#include "jm-test-utils.h"

static void
count_changes (JmSelection *selection,
               guint       *count)
{
  (*count)++;
}

static void
test_focusing_a_card_selects_it_alone (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);
  guint changes = 0;
  const JmFocus *f;

  g_signal_connect (sel, "changed", G_CALLBACK (count_changes), &changes);
  jm_selection_focus_card (sel, "web", FALSE);
  f = jm_selection_get_focus (sel);
  g_assert_cmpint (f->kind, ==, JM_FOCUS_CARD);
  g_assert_cmpstr (f->lane_id, ==, "touch");
  g_assert_cmpstr (f->step_id, ==, "s2");
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* The same again is no change. */
  jm_selection_focus_card (sel, "web", FALSE);
  g_assert_cmpuint (changes, ==, 1);

  jm_selection_focus_card (sel, "buy", TRUE);
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 2);
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "buy");
  jm_selection_focus_card (sel, "buy", TRUE);
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 1);
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "web");

  /* A header takes the focus and leaves no card selected. */
  jm_selection_focus_object (sel, JM_FOCUS_STAGE, "b");
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_STAGE);
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 0);
}

static void
test_deleted_card_leaves_focus_on_its_cell (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);

  jm_selection_focus_card (sel, "web", FALSE);
  jm_document_remove_card (doc, "web");
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_CELL);
  g_assert_cmpstr (jm_selection_get_focus (sel)->lane_id, ==, "touch");
  g_assert_cmpstr (jm_selection_get_focus (sel)->step_id, ==, "s2");
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 0);

  /* Undo brings it back; the focus stays where the user is. */
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_CELL);
}

static void
test_focus_follows_a_moved_card (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);

  jm_selection_focus_card (sel, "web", FALSE);
  jm_document_move_card (doc, "web", "text", "s1", -1);
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_CARD);
  g_assert_cmpstr (jm_selection_get_focus (sel)->lane_id, ==, "text");
  g_assert_cmpstr (jm_selection_get_focus (sel)->step_id, ==, "s1");
}

static void
test_undone_persona_gives_focus_to_its_neighbour (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);

  jm_document_insert_persona (doc, -1, jm_persona_new ("p3", "Luca"));
  jm_selection_focus_object (sel, JM_FOCUS_PERSONA, "p3");
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_PERSONA);
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "p2");

  /* With no persona left, the map itself. */
  jm_document_remove_persona (doc, "p2");
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "p1");
  jm_document_remove_persona (doc, "p1");
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_NONE);
}

static void
test_deleted_stage_gives_focus_to_the_next_stage (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);

  jm_selection_focus_object (sel, JM_FOCUS_STAGE, "a");
  g_assert_true (jm_document_remove_stage (doc, "a"));
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_STAGE);
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "b");
}

static void
test_deleted_step_gives_focus_to_the_step_now_in_its_place (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);

  jm_selection_focus_object (sel, JM_FOCUS_STEP, "s2");
  g_assert_true (jm_document_remove_step (doc, "s2"));
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_STEP);
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "s3");
}

static void
test_emotion_focus_is_per_persona_and_curve (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);
  const JmFocus *f;

  g_assert_cmpstr (jm_selection_get_persona (sel), ==, "p1");
  jm_selection_set_persona (sel, "p2");
  g_assert_cmpstr (jm_selection_get_persona (sel), ==, "p2");

  jm_selection_focus_emotion (sel, "p2", "s3", JM_MAP_STATE_FUTURE);
  f = jm_selection_get_focus (sel);
  g_assert_cmpint (f->kind, ==, JM_FOCUS_EMOTION);
  g_assert_cmpstr (f->id, ==, "p2");
  g_assert_cmpstr (f->lane_id, ==, "feel");
  g_assert_cmpint (f->curve, ==, JM_MAP_STATE_FUTURE);

  /* Cycling the persona moves the focused point to the next persona. */
  jm_selection_cycle_persona (sel);
  g_assert_cmpstr (jm_selection_get_persona (sel), ==, "p1");
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "p1");
  g_assert_cmpstr (jm_selection_get_focus (sel)->step_id, ==, "s3");

  jm_selection_set_curve (sel, JM_MAP_STATE_CURRENT);
  g_assert_cmpint (jm_selection_get_focus (sel)->curve, ==, JM_MAP_STATE_CURRENT);

  /* The drawn persona removed: the first one is drawn again. */
  jm_selection_set_persona (sel, "p2");
  jm_document_remove_persona (doc, "p2");
  g_assert_cmpstr (jm_selection_get_persona (sel), ==, "p1");
}

static void
test_rubber_band_selects_existing_cards_only (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);
  const char *ids[] = { "buy", "nothing", "web", NULL };

  jm_selection_select_cards (sel, ids, FALSE);
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 2);
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "buy");
  jm_selection_clear (sel);
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_NONE);
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 0);
}

/* The small map seen through a view: actions and emotions, Marco's to-be curve. */
static JmMapView *
marco_to_be (void)
{
  JmMapView *view = jm_map_view_new ("v", "Marco, to be");
  const char *lanes[] = { "text", "feel", NULL };
  const char *personas[] = { "p2", NULL };

  view->lanes = g_strdupv ((char **) lanes);
  view->personas = g_strdupv ((char **) personas);
  view->states = JM_VIEW_STATES_FUTURE;
  return view;
}

static void
test_view_moves_focus_off_what_it_hides (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmSelection) sel = jm_selection_new (doc);
  const JmFocus *f;
  guint changes = 0;

  jm_document_set_view (doc, marco_to_be ());
  g_signal_connect (sel, "changed", G_CALLBACK (count_changes), &changes);

  /* A card of a hidden lane: the focus goes to the nearest shown lane, same step. */
  jm_selection_focus_card (sel, "web", FALSE);
  changes = 0;
  jm_selection_set_view (sel, "v");
  g_assert_cmpstr (jm_selection_get_view (sel), ==, "v");
  f = jm_selection_get_focus (sel);
  g_assert_cmpint (f->kind, ==, JM_FOCUS_CELL);
  g_assert_cmpstr (f->lane_id, ==, "feel");
  g_assert_cmpstr (f->step_id, ==, "s2");
  g_assert_cmpuint (jm_selection_get_cards (sel)->len, ==, 0);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (jm_selection_shows_lane (sel, "touch"));
  g_assert_true (jm_selection_shows_lane (sel, "text"));

  /* Whose curve is drawn: the view's persona, on the view's curve. */
  g_assert_cmpstr (jm_selection_get_persona (sel), ==, "p2");
  g_assert_cmpint (jm_selection_get_curve (sel), ==, JM_MAP_STATE_FUTURE);
  jm_selection_cycle_persona (sel);
  g_assert_cmpstr (jm_selection_get_persona (sel), ==, "p2");
  jm_selection_set_curve (sel, JM_MAP_STATE_CURRENT);
  g_assert_cmpint (jm_selection_get_curve (sel), ==, JM_MAP_STATE_FUTURE);

  /* Giulia's as-is point, focused with everything shown, becomes Marco's to-be one. */
  jm_selection_set_view (sel, NULL);
  jm_selection_focus_emotion (sel, "p1", "s1", JM_MAP_STATE_CURRENT);
  jm_selection_set_view (sel, "v");
  f = jm_selection_get_focus (sel);
  g_assert_cmpint (f->kind, ==, JM_FOCUS_EMOTION);
  g_assert_cmpstr (f->id, ==, "p2");
  g_assert_cmpstr (f->step_id, ==, "s1");
  g_assert_cmpint (f->curve, ==, JM_MAP_STATE_FUTURE);

  /* A hidden lane's title gives way to a shown lane's; a hidden persona to a shown one. */
  jm_selection_set_view (sel, NULL);
  jm_selection_focus_object (sel, JM_FOCUS_LANE, "touch");
  jm_selection_set_view (sel, "v");
  g_assert_cmpint (jm_selection_get_kind (sel), ==, JM_FOCUS_LANE);
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "feel");
  jm_selection_set_view (sel, NULL);
  jm_selection_focus_object (sel, JM_FOCUS_PERSONA, "p1");
  jm_selection_set_view (sel, "v");
  g_assert_cmpstr (jm_selection_get_focus (sel)->id, ==, "p2");

  /* The view itself edited: the focus leaves the lane it now hides. */
  jm_selection_focus_cell (sel, "text", "s3");
  {
    JmMapView *view = marco_to_be ();
    const char *lanes[] = { "feel", NULL };

    g_strfreev (view->lanes);
    view->lanes = g_strdupv ((char **) lanes);
    jm_document_set_view (doc, view);
  }
  f = jm_selection_get_focus (sel);
  g_assert_cmpint (f->kind, ==, JM_FOCUS_CELL);
  g_assert_cmpstr (f->lane_id, ==, "feel");
  g_assert_cmpstr (f->step_id, ==, "s3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/selection/focusing-a-card-selects-it-alone", test_focusing_a_card_selects_it_alone);
  g_test_add_func ("/selection/deleted-card-leaves-focus-on-its-cell", test_deleted_card_leaves_focus_on_its_cell);
  g_test_add_func ("/selection/focus-follows-a-moved-card", test_focus_follows_a_moved_card);
  g_test_add_func ("/selection/undone-persona-gives-focus-to-its-neighbour",
                   test_undone_persona_gives_focus_to_its_neighbour);
  g_test_add_func ("/selection/deleted-stage-gives-focus-to-the-next-stage",
                   test_deleted_stage_gives_focus_to_the_next_stage);
  g_test_add_func ("/selection/deleted-step-gives-focus-to-the-step-now-in-its-place",
                   test_deleted_step_gives_focus_to_the_step_now_in_its_place);
  g_test_add_func ("/selection/emotion-focus-is-per-persona-and-curve", test_emotion_focus_is_per_persona_and_curve);
  g_test_add_func ("/selection/rubber-band-selects-existing-cards-only", test_rubber_band_selects_existing_cards_only);
  g_test_add_func ("/selection/view-moves-focus-off-what-it-hides", test_view_moves_focus_off_what_it_hides);

  return g_test_run ();
}
