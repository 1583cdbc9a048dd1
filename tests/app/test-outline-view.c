/* test-outline-view.c — the outline shows every object of a map as a row named
 * so that it makes sense alone, edits the document through its commands
 * (undo works the same as from the canvas), and follows the same current
 * object as the canvas, both ways. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "jm-canvas.h"
#include "jm-describe.h"
#include "jm-outline-view.h"
#include "jm-test-utils.h"
#include "journey-maps-resources.h"

typedef struct {
  GtkWindow   *window;
  JmCanvas    *canvas;
  JmOutlineView   *outline;
  JmDocument  *doc;
  JmSelection *selection;
} Fixture;

static void
set_up_with (Fixture    *f,
             JmDocument *doc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  f->doc = doc;
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->outline = JM_OUTLINE_VIEW (jm_outline_view_new ());
  f->canvas = JM_CANVAS (jm_canvas_new ());
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->canvas));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->outline));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_window_set_child (f->window, box);
  jm_canvas_set_document (f->canvas, f->doc);
  /* As the window does: one selection for both views. */
  f->selection = g_object_ref (jm_canvas_get_selection_model (f->canvas));
  jm_outline_view_set_selection (f->outline, f->selection);
  gtk_window_present (f->window);
  jm_test_spin ();
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  set_up_with (f, jm_test_small_map ());
}

static void
set_up_example (Fixture       *f,
                gconstpointer  data)
{
  set_up_with (f, jm_test_load_example ("online-shop.journey"));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->selection);
  g_clear_object (&f->doc);
  jm_test_spin ();
}

static guint
row_of (Fixture    *f,
        const char *key)
{
  GListModel *rows = jm_outline_view_get_rows (f->outline);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (g_strcmp0 (jm_outline_view_row_get_key (f->outline, i), key) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static char *
name_of (Fixture    *f,
         const char *key)
{
  guint position = row_of (f, key);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  return jm_outline_view_row_get_name (f->outline, position);
}

static guint
count_prefix (Fixture    *f,
              const char *prefix)
{
  GListModel *rows = jm_outline_view_get_rows (f->outline);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (g_str_has_prefix (jm_outline_view_row_get_key (f->outline, i), prefix))
      n++;
  return n;
}

static void
select_and_press (Fixture        *f,
                  const char     *key,
                  guint           keyval,
                  GdkModifierType state)
{
  g_assert_true (jm_outline_view_select_key (f->outline, key));
  g_assert_true (jm_outline_view_handle_key (f->outline, keyval, state));
  jm_test_spin ();
}

static void
test_rows_for_every_object (Fixture       *f,
                            gconstpointer  data)
{
  GPtrArray *stages = jm_document_get_stages (f->doc);
  guint n_metrics = 0, n_cells = 0, n_steps = jm_document_get_n_steps (f->doc);
  GListModel *rows;

  for (guint i = 0; i < stages->len; i++)
    n_metrics += ((JmStage *) g_ptr_array_index (stages, i))->metrics->len;
  for (guint i = 0; i < jm_document_get_lanes (f->doc)->len; i++)
    {
      JmLane *lane = g_ptr_array_index (jm_document_get_lanes (f->doc), i);

      if (lane->kind != JM_LANE_EMOTIONS)
        n_cells += n_steps;
      for (guint j = 0; j < lane->cards->len; j++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, j);
          n_metrics += card->metrics ? card->metrics->len : 0;
        }
    }
  g_assert_cmpuint (n_metrics, >, 0);

  jm_outline_view_expand_all (f->outline);
  rows = jm_outline_view_get_rows (f->outline);
  g_assert_cmpuint (count_prefix (f, "map"), ==, 1);
  g_assert_cmpuint (count_prefix (f, "persona:"), ==, jm_document_get_personas (f->doc)->len);
  g_assert_cmpuint (count_prefix (f, "stage:"), ==, stages->len);
  g_assert_cmpuint (count_prefix (f, "step:"), ==, n_steps);
  g_assert_cmpuint (count_prefix (f, "lane:"), ==, jm_document_get_lanes (f->doc)->len);
  g_assert_cmpuint (count_prefix (f, "cell:"), ==, n_cells);
  g_assert_cmpuint (count_prefix (f, "card:"), ==, jm_document_get_n_cards (f->doc));
  g_assert_cmpuint (count_prefix (f, "emotion:"), ==, jm_document_get_personas (f->doc)->len * n_steps * 2);
  g_assert_cmpuint (count_prefix (f, "metric:"), ==, n_metrics);

  /* No row without a name. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autofree char *name = jm_outline_view_row_get_name (f->outline, i);
      g_assert_cmpuint (strlen (name), >, 3);
    }
}

static void
test_names_are_self_sufficient (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *card = NULL;
  g_autofree char *emotion = NULL;
  g_autofree char *step = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *map = NULL;

  jm_outline_view_expand_all (f->outline);
  card = name_of (f, "card:web");
  emotion = name_of (f, "emotion:p1:s1:0");
  step = name_of (f, "step:s3");
  cell = name_of (f, "cell:touch:s2");
  map = name_of (f, "map");
  /* What it is, what it says, and where: without the rows above it. */
  g_assert_cmpstr (card, ==, "Touchpoint: Website, stage Awareness, step Searches, lane Touchpoints");
  g_assert_cmpstr (emotion, ==, "Giulia, as is: −1 (unhappy), stage Awareness, step Sees ad");
  g_assert_cmpstr (step, ==, "Step Buys, stage Purchase");
  g_assert_cmpstr (cell, ==, "Touchpoints: 1 card, stage Awareness, step Searches");
  g_assert_cmpstr (map, ==, "Journey map: Bike repair, as is");
}

static void
test_metric_names (Fixture       *f,
                   gconstpointer  data)
{
  JmCard *card = jm_document_find_card (f->doc, "web", NULL);
  g_autoptr(JmCard) copy = jm_card_copy (card);
  JmMetric *metric = jm_metric_new ("m1", JM_METRIC_CSAT, 22);
  g_autofree char *name = NULL;

  metric->has_target = TRUE;
  metric->target = 80;
  if (copy->metrics == NULL)
    copy->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_metric_free);
  g_ptr_array_add (copy->metrics, metric);
  jm_document_update_card (f->doc, g_steal_pointer (&copy), NULL);
  jm_test_spin ();
  jm_outline_view_expand_all (f->outline);
  name = name_of (f, "metric:m1");
  g_assert_cmpstr (name, ==, "CSAT 22%, target 80%, red — touchpoint Website");

  /* Deleting the row deletes the metric, and undo brings it back. */
  select_and_press (f, "metric:m1", GDK_KEY_Delete, 0);
  g_assert_null (jm_document_find_metric (f->doc, "m1", NULL));
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_nonnull (jm_document_find_metric (f->doc, "m1", NULL));
}

static void
test_edits_land_in_the_document_and_undo (Fixture       *f,
                                          gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  GtkWidget *entry;
  guint n_cards = jm_document_get_n_cards (f->doc);
  const JmEmotion *emotion;

  jm_outline_view_expand_all (f->outline);

  /* An emotion score by its digit: 5 is +2, minus steps down. */
  select_and_press (f, "emotion:p2:s3:1", GDK_KEY_5, 0);
  emotion = jm_document_get_emotion (f->doc, "p2", "s3", JM_MAP_STATE_FUTURE);
  g_assert_nonnull (emotion);
  g_assert_cmpfloat (emotion->score, ==, 2);
  select_and_press (f, "emotion:p2:s3:1", GDK_KEY_minus, 0);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "p2", "s3", JM_MAP_STATE_FUTURE)->score, ==, 1);
  jm_history_undo (history);
  jm_history_undo (history);
  g_assert_null (jm_document_get_emotion (f->doc, "p2", "s3", JM_MAP_STATE_FUTURE));

  /* Renaming a stage with F2 and the field it opens. */
  select_and_press (f, "stage:b", GDK_KEY_F2, 0);
  entry = jm_outline_view_get_rename_entry (f->outline);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Purchase");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Paying");
  g_signal_emit_by_name (entry, "activate");
  jm_test_spin ();
  g_assert_cmpstr (jm_document_find_stage (f->doc, "b")->name, ==, "Paying");
  /* The row follows. */
  {
    g_autofree char *name = name_of (f, "stage:b");
    g_assert_true (g_str_has_prefix (name, "Stage Paying"));
  }
  jm_history_undo (history);
  g_assert_cmpstr (jm_document_find_stage (f->doc, "b")->name, ==, "Purchase");

  /* Insert adds a card to a cell, Delete removes it. */
  select_and_press (f, "cell:touch:s3", GDK_KEY_Insert, 0);
  g_assert_cmpuint (jm_document_get_n_cards (f->doc), ==, n_cards + 1);
  {
    JmLane *touch = jm_document_find_lane (f->doc, "touch");
    g_autofree char *id = g_strdup (((JmCard *) g_ptr_array_index (touch->cards, touch->cards->len - 1))->id);
    g_autofree char *key = g_strconcat ("card:", id, NULL);

    g_assert_cmpstr (jm_document_find_card (f->doc, id, NULL)->step_id, ==, "s3");
    /* It is selected, and being named. */
    g_assert_cmpstr (jm_outline_view_row_get_key (f->outline, jm_outline_view_get_selected (f->outline)), ==, key);
    g_assert_nonnull (jm_outline_view_get_rename_entry (f->outline));
    gtk_editable_set_text (GTK_EDITABLE (jm_outline_view_get_rename_entry (f->outline)), "Receipt by e-mail");
    g_signal_emit_by_name (jm_outline_view_get_rename_entry (f->outline), "activate");
    jm_test_spin ();
    g_assert_cmpstr (jm_document_find_card (f->doc, id, NULL)->text, ==, "Receipt by e-mail");
    /* Its channel by a digit: 5 is the fifth after none. */
    select_and_press (f, key, GDK_KEY_5, 0);
    g_assert_cmpint (jm_document_find_card (f->doc, id, NULL)->channel, ==, JM_CHANNEL_EMAIL);
    select_and_press (f, key, GDK_KEY_Delete, 0);
    g_assert_cmpuint (jm_document_get_n_cards (f->doc), ==, n_cards);
  }

  /* Alt+Down moves a stage, a lane, a persona. */
  select_and_press (f, "stage:a", GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_cmpstr (((JmStage *) g_ptr_array_index (jm_document_get_stages (f->doc), 1))->id, ==, "a");
  select_and_press (f, "persona:p1", GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_cmpstr (((JmPersona *) g_ptr_array_index (jm_document_get_personas (f->doc), 1))->id, ==, "p1");
  jm_history_undo (history);
  jm_history_undo (history);
  g_assert_cmpstr (((JmStage *) g_ptr_array_index (jm_document_get_stages (f->doc), 0))->id, ==, "a");
  g_assert_cmpstr (((JmPersona *) g_ptr_array_index (jm_document_get_personas (f->doc), 0))->id, ==, "p1");

  /* Insert on a step adds a step after it in its stage. */
  select_and_press (f, "step:s1", GDK_KEY_Insert, 0);
  g_assert_cmpuint (jm_document_find_stage (f->doc, "a")->steps->len, ==, 3);
  g_assert_cmpstr (((JmStep *) g_ptr_array_index (jm_document_find_stage (f->doc, "a")->steps, 0))->id, ==, "s1");
  jm_history_undo (history);
  g_assert_cmpuint (jm_document_find_stage (f->doc, "a")->steps->len, ==, 2);
}

static void
test_selection_follows_both_ways (Fixture       *f,
                                  gconstpointer  data)
{
  guint position;

  /* The canvas's current object is the outline's row. */
  jm_selection_focus_card (f->selection, "buy", FALSE);
  jm_test_spin ();
  position = jm_outline_view_get_selected (f->outline);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (jm_outline_view_row_get_key (f->outline, position), ==, "card:buy");

  jm_selection_focus_emotion (f->selection, "p2", "s2", JM_MAP_STATE_CURRENT);
  jm_test_spin ();
  g_assert_cmpstr (jm_outline_view_row_get_key (f->outline, jm_outline_view_get_selected (f->outline)), ==,
                   "emotion:p2:s2:0");

  /* A row chosen in the outline is the canvas's current object. */
  g_assert_true (jm_outline_view_select_key (f->outline, "card:web"));
  g_assert_cmpint (jm_selection_get_kind (f->selection), ==, JM_FOCUS_CARD);
  g_assert_cmpstr (jm_selection_get_focus (f->selection)->id, ==, "web");
  g_assert_true (jm_selection_is_selected (f->selection, "web"));
  g_assert_true (jm_outline_view_select_key (f->outline, "stage:b"));
  g_assert_cmpint (jm_selection_get_kind (f->selection), ==, JM_FOCUS_STAGE);
  g_assert_cmpstr (jm_selection_get_focus (f->selection)->id, ==, "b");

  /* Finding a card by its text. */
  g_assert_true (jm_outline_view_search (f->outline, "till"));
  g_assert_cmpstr (jm_selection_get_focus (f->selection)->id, ==, "buy");
  g_assert_false (jm_outline_view_search (f->outline, "no such words"));

  /* A deleted card's row goes, and the selection moves on. */
  jm_document_remove_card (f->doc, "buy");
  jm_test_spin ();
  g_assert_cmpuint (row_of (f, "card:buy"), ==, GTK_INVALID_LIST_POSITION);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the outline tests\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  jm_resources_register_resource ();

  g_test_add ("/app/outline-view/rows-for-every-object", Fixture, NULL, set_up_example,
              test_rows_for_every_object, tear_down);
  g_test_add ("/app/outline-view/names-are-self-sufficient", Fixture, NULL, set_up,
              test_names_are_self_sufficient, tear_down);
  g_test_add ("/app/outline-view/metric-names-and-delete", Fixture, NULL, set_up, test_metric_names, tear_down);
  g_test_add ("/app/outline-view/edits-land-in-the-document-and-undo", Fixture, NULL, set_up,
              test_edits_land_in_the_document_and_undo, tear_down);
  g_test_add ("/app/outline-view/selection-follows-both-ways", Fixture, NULL, set_up,
              test_selection_follows_both_ways, tear_down);
  return g_test_run ();
}
