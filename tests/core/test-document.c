/* test-document.c — the document model, its commands and its history. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jm-document.h"
#include "jm-i18n.h"
#include "jm-reader.h"
#include "jm-writer.h"
#include "jm-metrics-table.h"
#include "jm-palette.h"
#include "jm-templates.h"

/* A small map: two stages (s1, s2 | s3), lanes "text" and "touch", persona p1. */
static JmDocument *
make_document (void)
{
  JmDocument *doc = jm_document_new ();
  JmStage *a = jm_stage_new ("a", "Awareness");
  JmStage *b = jm_stage_new ("b", "Purchase");
  JmLane *text = jm_lane_new ("text", JM_LANE_TEXT, "Actions");
  JmLane *touch = jm_lane_new ("touch", JM_LANE_TOUCHPOINTS, "Touchpoints");
  JmCard *wide = jm_card_new ("wide", "s1", "Sees an ad, then searches");

  g_ptr_array_add (a->steps, jm_step_new ("s1", "Sees ad"));
  g_ptr_array_add (a->steps, jm_step_new ("s2", "Searches"));
  g_ptr_array_add (b->steps, jm_step_new ("s3", "Buys"));
  wide->span = 2;
  g_ptr_array_add (text->cards, wide);
  g_ptr_array_add (text->cards, jm_card_new ("buy", "s3", "Pays at the till"));
  g_ptr_array_add (touch->cards, jm_card_new ("web", "s2", "Website"));

  jm_document_build_header (doc, "Bike repair", NULL, NULL, JM_MAP_STATE_CURRENT);
  jm_document_build_persona (doc, jm_persona_new ("p1", "Giulia"));
  jm_document_build_stage (doc, a);
  jm_document_build_stage (doc, b);
  jm_document_build_lane (doc, text);
  jm_document_build_lane (doc, touch);
  jm_document_build_emotion (doc, jm_emotion_new ("p1", "s1", JM_MAP_STATE_CURRENT, -1));
  jm_document_build_emotion (doc, jm_emotion_new ("p1", "s2", JM_MAP_STATE_CURRENT, 1));
  return doc;
}

static void
test_templates_have_named_stages_and_lanes (void)
{
  for (guint t = 0; t < JM_N_TEMPLATES; t++)
    {
      g_autoptr(JmDocument) doc = jm_template_create (t);

      g_assert_cmpuint (jm_document_get_stages (doc)->len, >=, 1);
      g_assert_cmpuint (jm_document_get_lanes (doc)->len, >=, 1);
      g_assert_cmpuint (jm_document_get_personas (doc)->len, ==, 1);
      g_assert_false (jm_history_is_modified (jm_document_get_history (doc)));
      g_assert_false (jm_history_can_undo (jm_document_get_history (doc)));
      g_assert_nonnull (jm_template_get_name (t));
    }

  {
    g_autoptr(JmDocument) cx = jm_template_create (JM_TEMPLATE_CUSTOMER_EXPERIENCE);
    GPtrArray *stages = jm_document_get_stages (cx);
    gboolean has_emotions = FALSE;

    g_assert_cmpuint (stages->len, ==, 5);
    g_assert_cmpstr (((JmStage *) stages->pdata[0])->name, ==, "Awareness");
    g_assert_cmpstr (((JmStage *) stages->pdata[4])->name, ==, "Advocacy");
    for (guint i = 0; i < jm_document_get_lanes (cx)->len; i++)
      has_emotions |= ((JmLane *) jm_document_get_lanes (cx)->pdata[i])->kind == JM_LANE_EMOTIONS;
    g_assert_true (has_emotions);
  }
}

static void
test_columns_follow_stage_order (void)
{
  g_autoptr(JmDocument) doc = make_document ();

  g_assert_cmpuint (jm_document_get_n_steps (doc), ==, 3);
  g_assert_cmpint (jm_document_get_step_column (doc, "s3"), ==, 2);
  g_assert_cmpstr (jm_document_get_step (doc, 1)->id, ==, "s2");
  g_assert_cmpstr (jm_document_get_step_stage (doc, "s3")->id, ==, "b");
  g_assert_cmpint (jm_document_get_step_column (doc, "nope"), ==, -1);

  jm_document_move_stage (doc, "b", 0);
  g_assert_cmpint (jm_document_get_step_column (doc, "s3"), ==, 0);
  g_assert_cmpint (jm_document_get_step_column (doc, "s1"), ==, 1);
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpint (jm_document_get_step_column (doc, "s3"), ==, 2);
}

static void
test_undo_restores_edited_card_text (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  jm_document_set_card_text (doc, "buy", "Pays by card");
  g_assert_cmpstr (jm_document_find_card (doc, "buy", NULL)->text, ==, "Pays by card");
  g_assert_true (jm_history_is_modified (history));
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Edit Card");

  g_assert_true (jm_history_undo (history));
  g_assert_cmpstr (jm_document_find_card (doc, "buy", NULL)->text, ==, "Pays at the till");
  g_assert_false (jm_history_is_modified (history));

  g_assert_true (jm_history_redo (history));
  g_assert_cmpstr (jm_document_find_card (doc, "buy", NULL)->text, ==, "Pays by card");
}

static void
test_typing_in_one_field_merges_into_one_step (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);
  const char *words[] = { "P", "Pa", "Pay", "Pays", "Pays ", "Pays c", "Pays cash" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    jm_document_set_card_text (doc, "buy", words[i]);
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);

  /* Another field, or another card, is another step. */
  jm_document_set_card_text (doc, "web", "Web shop");
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 2);

  jm_history_undo (history);
  jm_history_undo (history);
  g_assert_cmpstr (jm_document_find_card (doc, "buy", NULL)->text, ==, "Pays at the till");
  g_assert_cmpstr (jm_document_find_card (doc, "web", NULL)->text, ==, "Website");
}

static void
test_sealed_history_does_not_merge (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  jm_document_set_title (doc, "Bike");
  jm_document_set_title (doc, "Bike repair journey");
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);
  jm_history_seal (history);
  jm_document_set_title (doc, "Bike repair journey 2");
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 2);
  jm_history_undo (history);
  g_assert_cmpstr (jm_document_get_title (doc), ==, "Bike repair journey");
  jm_history_undo (history);
  g_assert_cmpstr (jm_document_get_title (doc), ==, "Bike repair");
}

static void
test_modified_is_exact_around_the_clean_point (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  jm_document_set_title (doc, "One");
  jm_history_set_clean (history);    /* saved here */
  g_assert_false (jm_history_is_modified (history));

  jm_document_set_title (doc, "Two");
  g_assert_true (jm_history_is_modified (history));
  jm_history_undo (history);
  g_assert_false (jm_history_is_modified (history));
  jm_history_undo (history);         /* undo after save */
  g_assert_true (jm_history_is_modified (history));
  g_assert_cmpstr (jm_document_get_title (doc), ==, "Bike repair");
  jm_history_redo (history);         /* redo after undo */
  g_assert_false (jm_history_is_modified (history));
  g_assert_cmpstr (jm_document_get_title (doc), ==, "One");

  /* A new edit after undo drops the redo branch; the saved state is gone. */
  jm_history_undo (history);
  jm_document_set_state (doc, JM_MAP_STATE_FUTURE);
  g_assert_false (jm_history_can_redo (history));
  g_assert_true (jm_history_is_modified (history));
  jm_history_undo (history);
  g_assert_true (jm_history_is_modified (history));
}

static void
test_recovered_document_stays_modified (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  g_assert_false (jm_history_is_modified (history));
  jm_history_set_unsaved (history);
  g_assert_true (jm_history_is_modified (history));
  jm_document_set_title (doc, "Edited");
  jm_history_undo (history);
  g_assert_true (jm_history_is_modified (history));
  jm_history_set_clean (history);
  g_assert_false (jm_history_is_modified (history));
}

static void
test_group_is_one_undo_step (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  jm_history_begin_group (history, "Paste");
  jm_document_insert_card (doc, "text", -1, jm_card_new ("n1", "s1", "One"));
  jm_document_insert_card (doc, "text", -1, jm_card_new ("n2", "s2", "Two"));
  jm_history_end_group (history);

  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Paste");
  g_assert_cmpuint (jm_document_get_n_cards (doc), ==, 5);
  jm_history_undo (history);
  g_assert_null (jm_document_find_card (doc, "n1", NULL));
  g_assert_null (jm_document_find_card (doc, "n2", NULL));
  g_assert_cmpuint (jm_document_get_n_cards (doc), ==, 3);
  jm_history_redo (history);
  g_assert_nonnull (jm_document_find_card (doc, "n2", NULL));
}

static void
test_undo_restores_moved_card (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);
  JmLane *lane = NULL;

  jm_document_move_card (doc, "buy", "touch", "s1", 0);
  g_assert_nonnull (jm_document_find_card (doc, "buy", &lane));
  g_assert_cmpstr (lane->id, ==, "touch");
  g_assert_cmpstr (jm_document_find_card (doc, "buy", NULL)->step_id, ==, "s1");
  g_assert_true (lane->cards->pdata[0] == jm_document_find_card (doc, "buy", NULL));

  jm_history_undo (history);
  jm_document_find_card (doc, "buy", &lane);
  g_assert_cmpstr (lane->id, ==, "text");
  g_assert_cmpstr (jm_document_find_card (doc, "buy", NULL)->step_id, ==, "s3");
  g_assert_true (lane->cards->pdata[1] == jm_document_find_card (doc, "buy", NULL));
}

static void
test_reorder_card_within_cell (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmLane *lane = jm_document_find_lane (doc, "text");

  jm_document_move_card (doc, "buy", "text", "s3", 0);
  g_assert_cmpstr (((JmCard *) lane->cards->pdata[0])->id, ==, "buy");
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpstr (((JmCard *) lane->cards->pdata[0])->id, ==, "wide");
}

static void
test_removing_a_card_is_undoable (void)
{
  g_autoptr(JmDocument) doc = make_document ();

  jm_document_remove_card (doc, "web");
  g_assert_null (jm_document_find_card (doc, "web", NULL));
  g_assert_false (jm_document_has_id (doc, "web"));
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpstr (jm_document_find_card (doc, "web", NULL)->text, ==, "Website");
}

static void
test_removing_a_step_shortens_spanning_cards (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  /* "wide" starts at s1 and spans s1..s2: removing s1 moves it to s2. */
  g_assert_true (jm_document_remove_step (doc, "s1"));
  g_assert_null (jm_document_find_step (doc, "s1"));
  g_assert_cmpstr (jm_document_find_card (doc, "wide", NULL)->step_id, ==, "s2");
  g_assert_cmpuint (jm_document_find_card (doc, "wide", NULL)->span, ==, 1);
  g_assert_null (jm_document_get_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT));
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);

  jm_history_undo (history);
  g_assert_nonnull (jm_document_find_step (doc, "s1"));
  g_assert_cmpint (jm_document_get_step_column (doc, "s1"), ==, 0);
  g_assert_cmpstr (jm_document_find_card (doc, "wide", NULL)->step_id, ==, "s1");
  g_assert_cmpuint (jm_document_find_card (doc, "wide", NULL)->span, ==, 2);
  g_assert_cmpfloat (jm_document_get_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT)->score, ==, -1);

  /* The last step of a stage stays. */
  g_assert_false (jm_document_remove_step (doc, "s3"));
}

static void
test_removing_a_stage_removes_its_cards (void)
{
  g_autoptr(JmDocument) doc = make_document ();

  g_assert_true (jm_document_remove_stage (doc, "b"));
  g_assert_null (jm_document_find_card (doc, "buy", NULL));
  g_assert_null (jm_document_find_step (doc, "s3"));
  g_assert_cmpuint (jm_document_get_n_steps (doc), ==, 2);
  g_assert_false (jm_document_remove_stage (doc, "a"));
  jm_history_undo (jm_document_get_history (doc));
  g_assert_nonnull (jm_document_find_card (doc, "buy", NULL));
  g_assert_cmpuint (jm_document_get_n_steps (doc), ==, 3);
}

static void
test_inserting_a_step_grows_cards_across_it (void)
{
  g_autoptr(JmDocument) doc = make_document ();

  jm_document_insert_step (doc, "a", 1, jm_step_new ("mid", "Reads reviews"));
  g_assert_cmpint (jm_document_get_step_column (doc, "mid"), ==, 1);
  g_assert_cmpuint (jm_document_find_card (doc, "wide", NULL)->span, ==, 3);
  jm_history_undo (jm_document_get_history (doc));
  g_assert_null (jm_document_find_step (doc, "mid"));
  g_assert_cmpuint (jm_document_find_card (doc, "wide", NULL)->span, ==, 2);
}

static void
test_moving_and_renaming_steps (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  jm_document_move_step (doc, "s1", "b", 1);
  g_assert_cmpstr (jm_document_get_step_stage (doc, "s1")->id, ==, "b");
  g_assert_cmpint (jm_document_get_step_column (doc, "s1"), ==, 2);
  jm_document_rename_step (doc, "s1", "Sees a poster");
  g_assert_cmpstr (jm_document_find_step (doc, "s1")->name, ==, "Sees a poster");
  jm_history_undo (history);
  jm_history_undo (history);
  g_assert_cmpstr (jm_document_get_step_stage (doc, "s1")->id, ==, "a");
  g_assert_cmpint (jm_document_get_step_column (doc, "s1"), ==, 0);
  g_assert_cmpstr (jm_document_find_step (doc, "s1")->name, ==, "Sees ad");
}

static void
test_lanes_add_rename_reorder_remove (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);
  JmLane *lane = jm_lane_copy (jm_document_find_lane (doc, "touch"));

  g_free (lane->title);
  lane->title = g_strdup ("Channels");
  lane->kind = JM_LANE_BACKSTAGE;
  jm_document_update_lane (doc, lane, NULL);
  g_assert_cmpstr (jm_document_find_lane (doc, "touch")->title, ==, "Channels");
  g_assert_cmpuint (jm_document_find_lane (doc, "touch")->cards->len, ==, 1);

  jm_document_move_lane (doc, "touch", 0);
  g_assert_cmpstr (((JmLane *) jm_document_get_lanes (doc)->pdata[0])->id, ==, "touch");

  jm_document_insert_lane (doc, -1, jm_lane_new ("pain", JM_LANE_PAIN_POINTS, "Pain"));
  jm_document_remove_lane (doc, "text");
  g_assert_null (jm_document_find_card (doc, "wide", NULL));
  g_assert_cmpuint (jm_document_get_n_cards (doc), ==, 1);

  while (jm_history_can_undo (history))
    jm_history_undo (history);
  g_assert_cmpstr (((JmLane *) jm_document_get_lanes (doc)->pdata[0])->id, ==, "text");
  g_assert_cmpstr (jm_document_find_lane (doc, "touch")->title, ==, "Touchpoints");
  g_assert_cmpint (jm_document_find_lane (doc, "touch")->kind, ==, JM_LANE_TOUCHPOINTS);
  g_assert_null (jm_document_find_lane (doc, "pain"));
  g_assert_cmpuint (jm_document_get_n_cards (doc), ==, 3);
}

static void
test_removing_a_persona_clears_its_traces (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmCard *card = jm_card_copy (jm_document_find_card (doc, "web", NULL));

  card->personas = g_strsplit ("p1", " ", -1);
  jm_document_update_card (doc, card, NULL);
  g_assert_false (jm_card_applies_to (jm_document_find_card (doc, "web", NULL), "p2"));

  jm_document_remove_persona (doc, "p1");
  g_assert_null (jm_document_find_persona (doc, "p1"));
  g_assert_null (jm_document_find_card (doc, "web", NULL)->personas);
  g_assert_cmpuint (jm_document_get_emotions (doc)->len, ==, 0);

  jm_history_undo (jm_document_get_history (doc));
  g_assert_nonnull (jm_document_find_persona (doc, "p1"));
  g_assert_cmpstr (jm_document_find_card (doc, "web", NULL)->personas[0], ==, "p1");
  g_assert_cmpuint (jm_document_get_emotions (doc)->len, ==, 2);
}

static void
test_persona_update_and_insert (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmPersona *persona = jm_persona_copy (jm_document_find_persona (doc, "p1"));
  g_autofree char *id = jm_document_make_id (doc, "persona");

  persona->age = 34;
  g_strfreev (persona->goals);
  persona->goals = g_strsplit ("Ride to work|Save time", "|", -1);
  jm_document_update_persona (doc, persona, NULL);
  g_assert_cmpuint (jm_document_find_persona (doc, "p1")->age, ==, 34);
  g_assert_cmpstr (jm_document_find_persona (doc, "p1")->goals[1], ==, "Save time");

  jm_document_insert_persona (doc, -1, jm_persona_new (id, "Marco"));
  g_assert_cmpuint (jm_document_get_personas (doc)->len, ==, 2);
  jm_history_undo (jm_document_get_history (doc));
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpuint (jm_document_find_persona (doc, "p1")->age, ==, 0);
  g_assert_cmpuint (jm_document_get_personas (doc)->len, ==, 1);
}

static void
test_emotion_scores_set_change_and_clear (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);

  jm_document_set_emotion (doc, "p1", "s3", JM_MAP_STATE_FUTURE, 2);
  jm_document_set_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT, NAN);
  g_assert_cmpfloat (jm_document_get_emotion (doc, "p1", "s3", JM_MAP_STATE_FUTURE)->score, ==, 2);
  g_assert_null (jm_document_get_emotion (doc, "p1", "s3", JM_MAP_STATE_CURRENT));
  g_assert_null (jm_document_get_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT));
  jm_history_undo (history);
  jm_history_undo (history);
  g_assert_null (jm_document_get_emotion (doc, "p1", "s3", JM_MAP_STATE_FUTURE));
  g_assert_cmpfloat (jm_document_get_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT)->score, ==, -1);
}

static void
test_stage_update_keeps_steps_and_indexes_metrics (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmStage *stage = jm_stage_copy (jm_document_find_stage (doc, "a"));
  g_autofree char *color = g_strdup (stage->color);
  const char *owner = NULL;

  g_free (stage->color);
  stage->color = g_strdup ("#1c71d8");
  g_ptr_array_add (stage->metrics, jm_metric_new ("m1", JM_METRIC_NPS, 12));
  jm_document_update_stage (doc, stage, NULL);

  g_assert_cmpstr (jm_document_find_stage (doc, "a")->color, ==, "#1c71d8");
  g_assert_cmpuint (jm_document_find_stage (doc, "a")->steps->len, ==, 2);
  g_assert_nonnull (jm_document_find_metric (doc, "m1", &owner));
  g_assert_cmpstr (owner, ==, "a");

  jm_history_undo (jm_document_get_history (doc));
  g_assert_null (jm_document_find_metric (doc, "m1", NULL));
  g_assert_cmpstr (jm_document_find_stage (doc, "a")->color, ==, color);
}

static JmStage *
stage_with_step (const char *id)
{
  JmStage *stage = jm_stage_new (id, id);
  g_autofree char *step = g_strconcat (id, "-step", NULL);

  g_ptr_array_add (stage->steps, jm_step_new (step, NULL));
  return stage;
}

static void
assert_colors (JmDocument *doc,
               const char *expected)   /* "id=#rrggbb id=#rrggbb…" in order */
{
  GPtrArray *stages = jm_document_get_stages (doc);
  g_autoptr(GString) actual = g_string_new (NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (stages, i);
      g_string_append_printf (actual, "%s%s=%s", i ? " " : "", stage->id, stage->color);
    }
  g_assert_cmpstr (actual->str, ==, expected);
}

/* A map built without stage colours (an older file, a template) gets the
 * palette in order, as the painter used to show it, without a command. */
static void
test_stages_built_without_colours_get_the_palette_in_order (void)
{
  g_autoptr(JmDocument) doc = jm_document_new ();

  for (guint i = 0; i < JM_STAGE_PALETTE_SIZE + 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      jm_document_build_stage (doc, stage_with_step (id));
    }
  for (guint i = 0; i < JM_STAGE_PALETTE_SIZE + 2; i++)
    g_assert_cmpstr (((JmStage *) g_ptr_array_index (jm_document_get_stages (doc), i))->color, ==,
                     jm_stage_palette_color (i % JM_STAGE_PALETTE_SIZE));
  g_assert_false (jm_history_can_undo (jm_document_get_history (doc)));
  g_assert_false (jm_history_is_modified (jm_document_get_history (doc)));

  /* A stored colour is kept, and the next stage goes on from it. */
  {
    JmStage *custom = stage_with_step ("custom");
    JmStage *orange = stage_with_step ("orange");

    custom->color = g_strdup ("#123456");
    orange->color = g_strdup ("#E69F00");
    jm_document_build_stage (doc, custom);
    jm_document_build_stage (doc, orange);
    jm_document_build_stage (doc, stage_with_step ("next"));
    g_assert_cmpstr (jm_document_find_stage (doc, "custom")->color, ==, "#123456");
    g_assert_cmpstr (jm_document_find_stage (doc, "next")->color, ==, jm_stage_palette_color (2));
  }
}

/* Inserting, moving or removing a stage recolours no other stage; a new
 * stage takes a colour no stage has, and never its neighbours'. */
static void
test_stage_colours_belong_to_the_stage (void)
{
  g_autoptr(JmDocument) doc = jm_document_new ();
  JmHistory *history = jm_document_get_history (doc);
  g_autofree char *before = NULL;
  const char *blue = jm_stage_palette_color (0), *orange = jm_stage_palette_color (1);
  const char *green = jm_stage_palette_color (2), *purple = jm_stage_palette_color (3);

  jm_document_build_stage (doc, stage_with_step ("a"));
  jm_document_build_stage (doc, stage_with_step ("b"));
  jm_document_build_stage (doc, stage_with_step ("c"));
  before = g_strdup_printf ("a=%s b=%s c=%s", blue, orange, green);
  assert_colors (doc, before);

  /* Between a and b: the next colour after a's that no stage has. */
  {
    g_autofree char *suggested = jm_document_suggest_stage_color (doc, 1);
    g_autofree char *expected = NULL;

    g_assert_cmpstr (suggested, ==, purple);
    jm_document_insert_stage (doc, 1, stage_with_step ("new"));
    expected = g_strdup_printf ("a=%s new=%s b=%s c=%s", blue, purple, orange, green);
    assert_colors (doc, expected);
  }

  /* Moving and removing leave every colour with its stage. */
  jm_document_move_stage (doc, "c", 0);
  {
    g_autofree char *expected = g_strdup_printf ("c=%s a=%s new=%s b=%s", green, blue, purple, orange);
    assert_colors (doc, expected);
  }
  g_assert_true (jm_document_remove_stage (doc, "a"));
  {
    g_autofree char *expected = g_strdup_printf ("c=%s new=%s b=%s", green, purple, orange);
    assert_colors (doc, expected);
  }
  jm_history_undo (history);
  jm_history_undo (history);
  jm_history_undo (history);
  assert_colors (doc, before);
  jm_history_redo (history);
  {
    g_autofree char *expected = g_strdup_printf ("a=%s new=%s b=%s c=%s", blue, purple, orange, green);
    assert_colors (doc, expected);
  }

  /* With every palette colour taken, a new stage still differs from both
   * neighbours. */
  for (guint i = 0; i < JM_STAGE_PALETTE_SIZE; i++)
    {
      g_autofree char *id = g_strdup_printf ("more%u", i);
      jm_document_insert_stage (doc, -1, stage_with_step (id));
    }
  for (int at = 0; at <= (int) jm_document_get_stages (doc)->len; at++)
    {
      GPtrArray *stages = jm_document_get_stages (doc);
      g_autofree char *color = jm_document_suggest_stage_color (doc, at);

      g_assert_cmpint (jm_stage_palette_find (color), >=, 0);
      if (at > 0)
        g_assert_cmpstr (color, !=, ((JmStage *) g_ptr_array_index (stages, at - 1))->color);
      if (at < (int) stages->len)
        g_assert_cmpstr (color, !=, ((JmStage *) g_ptr_array_index (stages, at))->color);
    }
}

static JmMetric *
metric_with_target (JmMetricKind kind,
                    double       value,
                    double       target)
{
  JmMetric *m = jm_metric_new ("m", kind, value);

  m->has_target = TRUE;
  m->target = target;
  return m;
}

static JmMetricStatus
status_of (JmMetricKind kind,
           double       value,
           double       target,
           double       tolerance)
{
  g_autoptr(JmMetric) m = metric_with_target (kind, value, target);

  return jm_metric_get_status (m, tolerance);
}

static void
test_metric_status_at_the_edges_of_the_tolerance (void)
{
  g_autoptr(JmMetric) untargeted = jm_metric_new ("m", JM_METRIC_CSAT, 50);

  g_assert_cmpint (jm_metric_get_status (untargeted, 10), ==, JM_METRIC_STATUS_NONE);

  /* Higher is better: CSAT target 85 %, 10 % of it is 8.5 points. */
  g_assert_cmpint (status_of (JM_METRIC_CSAT, 85, 85, 10), ==, JM_METRIC_STATUS_MET);
  g_assert_cmpint (status_of (JM_METRIC_CSAT, 90, 85, 10), ==, JM_METRIC_STATUS_MET);
  g_assert_cmpint (status_of (JM_METRIC_CSAT, 84.9, 85, 10), ==, JM_METRIC_STATUS_NEAR);
  g_assert_cmpint (status_of (JM_METRIC_CSAT, 76.5, 85, 10), ==, JM_METRIC_STATUS_NEAR);
  g_assert_cmpint (status_of (JM_METRIC_CSAT, 76.4, 85, 10), ==, JM_METRIC_STATUS_MISSED);
  /* A wider band per map turns the same value amber; zero makes every miss red. */
  g_assert_cmpint (status_of (JM_METRIC_CSAT, 70, 85, 20), ==, JM_METRIC_STATUS_NEAR);
  g_assert_cmpint (status_of (JM_METRIC_CSAT, 84.9, 85, 0), ==, JM_METRIC_STATUS_MISSED);

  /* Lower is better: CES target 3, band 0.3. */
  g_assert_cmpint (status_of (JM_METRIC_CES, 2.5, 3, 10), ==, JM_METRIC_STATUS_MET);
  g_assert_cmpint (status_of (JM_METRIC_CES, 3.3, 3, 10), ==, JM_METRIC_STATUS_NEAR);
  g_assert_cmpint (status_of (JM_METRIC_CES, 3.31, 3, 10), ==, JM_METRIC_STATUS_MISSED);

  /* Negative NPS target -20: the band is 2 points, not -2. */
  g_assert_cmpint (status_of (JM_METRIC_NPS, -22, -20, 10), ==, JM_METRIC_STATUS_NEAR);
  g_assert_cmpint (status_of (JM_METRIC_NPS, -23, -20, 10), ==, JM_METRIC_STATUS_MISSED);
  /* A target of 0: the band is 10 % of NPS's 200-point range. */
  g_assert_cmpint (status_of (JM_METRIC_NPS, -20, 0, 10), ==, JM_METRIC_STATUS_NEAR);
  g_assert_cmpint (status_of (JM_METRIC_NPS, -21, 0, 10), ==, JM_METRIC_STATUS_MISSED);
}

static void
test_metric_tolerance_is_an_undoable_map_setting (void)
{
  g_autoptr(JmDocument) doc = jm_document_new ();
  JmHistory *history = jm_document_get_history (doc);

  g_assert_cmpfloat (jm_document_get_metric_tolerance (doc), ==, JM_METRIC_TOLERANCE_DEFAULT);
  jm_document_set_metric_tolerance (doc, 15);
  jm_document_set_metric_tolerance (doc, 20);   /* spinning the value merges */
  g_assert_cmpfloat (jm_document_get_metric_tolerance (doc), ==, 20);
  g_assert_true (jm_history_is_modified (history));
  jm_history_undo (history);
  g_assert_cmpfloat (jm_document_get_metric_tolerance (doc), ==, 10);
  g_assert_false (jm_history_can_undo (history));
  jm_history_redo (history);
  g_assert_cmpfloat (jm_document_get_metric_tolerance (doc), ==, 20);
}

static void
test_language_is_an_undoable_map_setting_kept_in_the_file (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\" xml:lang=\"it\">\n"
    "  <title>T</title>\n"
    "  <stages>\n"
    "    <stage id=\"s\" name=\"S\" color=\"#0072b2\">\n"
    "      <step id=\"p\" name=\"P\"/>\n"
    "    </stage>\n"
    "  </stages>\n"
    "</journey-map>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_reader_load_bytes ("t.journey", xml, strlen (xml), NULL, &error);
  g_autoptr(JmDocument) bad = NULL;
  g_autoptr(JmDocument) none = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *no_lang = NULL;
  JmHistory *history;

  g_assert_no_error (error);
  g_assert_cmpstr (jm_document_get_language (doc), ==, "it");
  /* The same bytes back: the attribute is the model's, not a foreign one kept twice. */
  saved = jm_writer_to_string (doc, NULL);
  g_assert_cmpstr (saved, ==, xml);

  history = jm_document_get_history (doc);
  jm_document_set_language (doc, "en");
  g_assert_cmpstr (jm_document_get_language (doc), ==, "en");
  jm_history_undo (history);
  g_assert_cmpstr (jm_document_get_language (doc), ==, "it");
  jm_history_redo (history);
  g_assert_cmpstr (jm_document_get_language (doc), ==, "en");
  jm_document_set_language (doc, NULL);
  g_assert_null (jm_document_get_language (doc));
  no_lang = jm_writer_to_string (doc, NULL);
  g_assert_null (strstr (no_lang, "xml:lang"));

  /* A map without one keeps none; a malformed tag is an error with its line. */
  none = jm_reader_load_bytes ("n.journey", no_lang, strlen (no_lang), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (jm_document_get_language (none));
  {
    g_autofree char *broken = g_strdup (xml);

    memcpy (strstr (broken, "\"it\"") + 1, "9x", 2);
    bad = jm_reader_load_bytes ("b.journey", broken, strlen (broken), &problems, &error);
    g_assert_null (bad);
    g_assert_nonnull (problems);
    g_clear_error (&error);
  }
}

static void
test_new_maps_get_the_interface_language (void)
{
  g_autoptr(JmDocument) doc = jm_template_create (0);
  g_autofree char *interface = jm_i18n_interface_language ();

  /* The tests run in C.UTF-8: English. */
  g_assert_cmpstr (interface, ==, "en");
  g_assert_cmpstr (jm_document_get_language (doc), ==, interface);
}

static void
test_metric_ranges_are_enforced (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JmMetric) nps = jm_metric_new ("m", JM_METRIC_NPS, 140);
  g_autoptr(JmMetric) ces = jm_metric_new ("c", JM_METRIC_CES, 9);
  g_autoptr(JmMetric) custom = jm_metric_new ("x", JM_METRIC_CUSTOM, 1e6);

  g_assert_false (jm_metric_validate (nps, &error));
  g_assert_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "140"));
  g_assert_nonnull (strstr (error->message, "-100"));
  g_clear_error (&error);

  g_assert_false (jm_metric_validate (ces, &error));
  g_assert_false (ces->higher_is_better);
  g_clear_error (&error);

  nps->value = 40;
  nps->has_target = TRUE;
  nps->target = -101;
  g_assert_false (jm_metric_validate (nps, &error));
  g_clear_error (&error);
  nps->target = 50;
  g_assert_true (jm_metric_validate (nps, NULL));

  g_assert_false (jm_metric_validate (custom, &error));   /* custom needs a name */
  g_clear_error (&error);
  custom->name = g_strdup ("Waiting time");
  g_assert_true (jm_metric_validate (custom, NULL));
  custom->value = NAN;
  g_assert_false (jm_metric_validate (custom, NULL));
}

static void
on_changed (JmDocument *doc,
            JmChange   *change,
            GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%d:%d:%s:%s", change->type, change->kind,
                                         change->id ? change->id : "",
                                         change->parent_id ? change->parent_id : ""));
}

static void
test_changes_name_the_object_touched (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *modified = g_strdup_printf ("%d:%d:buy:text", JM_OBJECT_CARD, JM_CHANGE_MODIFIED);
  g_autofree char *moved = g_strdup_printf ("%d:%d:buy:touch", JM_OBJECT_CARD, JM_CHANGE_MOVED);

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), log);
  jm_document_set_card_text (doc, "buy", "Pays cash");
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (log->pdata[0], ==, modified);
  jm_document_move_card (doc, "buy", "touch", "s3", -1);
  g_assert_cmpstr (log->pdata[1], ==, moved);
  jm_history_undo (jm_document_get_history (doc));
  g_assert_cmpuint (log->len, ==, 3);
}

static void
test_make_id_avoids_ids_in_use (void)
{
  g_autoptr(JmDocument) doc = make_document ();

  jm_document_insert_card (doc, "text", -1, jm_card_new ("card-1", "s1", "x"));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = jm_document_make_id (doc, "card");

      g_assert_false (jm_document_has_id (doc, id));
      jm_document_insert_card (doc, "text", -1, jm_card_new (id, "s1", "y"));
    }
  g_assert_cmpuint (jm_document_get_n_cards (doc), ==, 9);
}

static void
test_enum_names_round_trip (void)
{
  for (guint i = 0; i < JM_N_CHANNELS; i++)
    {
      JmChannel c;
      g_assert_true (jm_channel_from_string (jm_channel_to_string (i), &c));
      g_assert_cmpint (c, ==, i);
      g_assert_nonnull (jm_channel_get_label (i));
    }
  for (guint i = 0; i < JM_N_LANE_KINDS; i++)
    {
      JmLaneKind k;
      g_assert_true (jm_lane_kind_from_string (jm_lane_kind_to_string (i), &k));
      g_assert_cmpint (k, ==, i);
    }
  {
    JmMetricKind k = JM_METRIC_CSAT;
    g_assert_false (jm_metric_kind_from_string ("karma", &k));
    g_assert_cmpint (k, ==, JM_METRIC_CSAT);
  }
  g_assert_true (jm_channel_is_online (JM_CHANNEL_WEBSITE));
  g_assert_false (jm_channel_is_online (JM_CHANNEL_STORE));
}

static void
test_metrics_table_rows_summaries_and_csv (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *csv = NULL;
  JmStage *stage = jm_stage_copy (jm_document_find_stage (doc, "a"));
  JmCard *web = jm_card_copy (jm_document_find_card (doc, "web", NULL));
  JmCard *wide = jm_card_copy (jm_document_find_card (doc, "wide", NULL));
  JmMetric *m;

  m = jm_metric_new ("m1", JM_METRIC_CSAT, 80);
  m->sample_size = 30;
  m->has_target = TRUE;
  m->target = 85;
  g_ptr_array_add (web->metrics, m);
  m = jm_metric_new ("m2", JM_METRIC_CSAT, 60);
  m->sample_size = 10;
  g_ptr_array_add (wide->metrics, m);
  m = jm_metric_new ("m3", JM_METRIC_CES, 5);
  m->has_target = TRUE;
  m->target = 3;
  g_ptr_array_add (stage->metrics, m);
  jm_document_update_card (doc, web, NULL);
  jm_document_update_card (doc, wide, NULL);
  jm_document_update_stage (doc, stage, NULL);
  jm_document_set_card_text (doc, "web", "Website, \"new\"");

  rows = jm_metrics_table_rows (doc);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_null (((JmMetricRow *) rows->pdata[0])->card_id);     /* the stage's own first */
  g_assert_cmpfloat (((JmMetricRow *) rows->pdata[0])->gap, ==, -2);   /* CES: lower is better */
  g_assert_cmpstr (((JmMetricRow *) rows->pdata[1])->card_id, ==, "wide");
  g_assert_cmpfloat (((JmMetricRow *) rows->pdata[2])->gap, ==, -5);
  g_assert_true (isnan (((JmMetricRow *) rows->pdata[1])->gap));
  /* CSAT 80 against 85 is 5.9 % short: amber at the default 10 %, red at 5 %. */
  g_assert_cmpint (((JmMetricRow *) rows->pdata[2])->status, ==, JM_METRIC_STATUS_NEAR);
  g_assert_cmpint (((JmMetricRow *) rows->pdata[0])->status, ==, JM_METRIC_STATUS_MISSED);
  g_assert_cmpint (((JmMetricRow *) rows->pdata[1])->status, ==, JM_METRIC_STATUS_NONE);
  g_clear_pointer (&rows, g_ptr_array_unref);
  jm_document_set_metric_tolerance (doc, 5);
  rows = jm_metrics_table_rows (doc);
  g_assert_cmpint (((JmMetricRow *) rows->pdata[2])->status, ==, JM_METRIC_STATUS_MISSED);

  summaries = jm_metrics_table_summaries (doc);
  g_assert_cmpuint (summaries->len, ==, 2);
  {
    JmStageSummary *csat = summaries->pdata[1];

    g_assert_cmpint (csat->kind, ==, JM_METRIC_CSAT);
    g_assert_cmpfloat_with_epsilon (csat->average, 75, 1e-9);   /* (80×30 + 60×10) / 40 */
    g_assert_cmpuint (csat->count, ==, 2);
    g_assert_cmpuint (csat->sample_size, ==, 40);
  }

  csv = jm_metrics_table_to_csv (doc);
  g_assert_true (g_str_has_prefix (csv, "stage,touchpoint,metric,value,target,gap,sample size,date\r\n"));
  g_assert_nonnull (strstr (csv, "Awareness,,ces,5,3,-2,,\r\n"));
  g_assert_nonnull (strstr (csv, "Awareness,\"Website, \"\"new\"\"\",csat,80,85,-5,30,\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/templates/have-named-stages-and-lanes", test_templates_have_named_stages_and_lanes);
  g_test_add_func ("/model/steps/columns-follow-stage-order", test_columns_follow_stage_order);
  g_test_add_func ("/model/history/undo-restores-edited-card-text", test_undo_restores_edited_card_text);
  g_test_add_func ("/model/history/typing-in-one-field-merges", test_typing_in_one_field_merges_into_one_step);
  g_test_add_func ("/model/history/sealed-history-does-not-merge", test_sealed_history_does_not_merge);
  g_test_add_func ("/model/history/modified-is-exact-around-clean-point", test_modified_is_exact_around_the_clean_point);
  g_test_add_func ("/model/history/group-is-one-undo-step", test_group_is_one_undo_step);
  g_test_add_func ("/model/history/recovered-document-stays-modified", test_recovered_document_stays_modified);
  g_test_add_func ("/model/cards/undo-restores-moved-card", test_undo_restores_moved_card);
  g_test_add_func ("/model/cards/reorder-within-cell", test_reorder_card_within_cell);
  g_test_add_func ("/model/cards/removing-is-undoable", test_removing_a_card_is_undoable);
  g_test_add_func ("/model/steps/removing-shortens-spanning-cards", test_removing_a_step_shortens_spanning_cards);
  g_test_add_func ("/model/stages/removing-removes-its-cards", test_removing_a_stage_removes_its_cards);
  g_test_add_func ("/model/steps/inserting-grows-cards-across-it", test_inserting_a_step_grows_cards_across_it);
  g_test_add_func ("/model/steps/moving-and-renaming", test_moving_and_renaming_steps);
  g_test_add_func ("/model/lanes/add-rename-reorder-remove", test_lanes_add_rename_reorder_remove);
  g_test_add_func ("/model/personas/removing-clears-its-traces", test_removing_a_persona_clears_its_traces);
  g_test_add_func ("/model/personas/update-and-insert", test_persona_update_and_insert);
  g_test_add_func ("/model/emotions/set-change-and-clear", test_emotion_scores_set_change_and_clear);
  g_test_add_func ("/model/stages/update-keeps-steps-and-indexes-metrics", test_stage_update_keeps_steps_and_indexes_metrics);
  g_test_add_func ("/model/stages/built-without-colours-get-the-palette-in-order",
                   test_stages_built_without_colours_get_the_palette_in_order);
  g_test_add_func ("/model/stages/colours-belong-to-the-stage", test_stage_colours_belong_to_the_stage);
  g_test_add_func ("/model/metrics/ranges-are-enforced", test_metric_ranges_are_enforced);
  g_test_add_func ("/model/metrics/status-at-the-edges-of-the-tolerance", test_metric_status_at_the_edges_of_the_tolerance);
  g_test_add_func ("/model/metrics/tolerance-is-an-undoable-map-setting", test_metric_tolerance_is_an_undoable_map_setting);
  g_test_add_func ("/model/language/undoable-map-setting-kept-in-the-file",
                   test_language_is_an_undoable_map_setting_kept_in_the_file);
  g_test_add_func ("/model/language/new-maps-get-the-interface-language", test_new_maps_get_the_interface_language);
  g_test_add_func ("/model/document/changes-name-the-object-touched", test_changes_name_the_object_touched);
  g_test_add_func ("/model/document/make-id-avoids-ids-in-use", test_make_id_avoids_ids_in_use);
  g_test_add_func ("/model/enums/names-round-trip", test_enum_names_round_trip);
  g_test_add_func ("/model/metrics/table-rows-summaries-and-csv", test_metrics_table_rows_summaries_and_csv);

  return g_test_run ();
}
