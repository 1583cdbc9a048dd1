/* test-merge.c — maps in git: the semantic diff, the three-way merge by
 * id, merge conflicts in the document (reading, writing, resolving) and
 * the outline git diff shows. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "jm-conflict.h"
#include "jm-diff.h"
#include "jm-merge.h"
#include "jm-outline.h"
#include "jm-reader.h"
#include "jm-writer.h"

/* ---- maps to work on ---- */

/* Two stages (a: s1 s2 | b: s3), lanes text, touch and pain, personas p1
 * and p2, a card metric and a stage metric, two emotion scores. */
static JmDocument *
make_map (void)
{
  JmDocument *doc = jm_document_new ();
  JmStage *a = jm_stage_new ("a", "Awareness");
  JmStage *b = jm_stage_new ("b", "Purchase");
  JmLane *text = jm_lane_new ("text", JM_LANE_TEXT, "Actions");
  JmLane *touch = jm_lane_new ("touch", JM_LANE_TOUCHPOINTS, "Touchpoints");
  JmLane *pain = jm_lane_new ("pain", JM_LANE_PAIN_POINTS, "Pain points");
  JmCard *wide = jm_card_new ("wide", "s1", "Sees an ad, then searches");
  JmCard *web = jm_card_new ("web", "s2", "Website");
  JmCard *slow = jm_card_new ("slow", "s2", "Slow checkout");
  JmMetric *csat = jm_metric_new ("m1", JM_METRIC_CSAT, 70);
  JmMetric *nps = jm_metric_new ("m2", JM_METRIC_NPS, 10);
  JmPersona *giulia = jm_persona_new ("p1", "Giulia");

  g_ptr_array_add (a->steps, jm_step_new ("s1", "Sees ad"));
  g_ptr_array_add (a->steps, jm_step_new ("s2", "Searches"));
  g_ptr_array_add (b->steps, jm_step_new ("s3", "Buys"));
  nps->has_target = TRUE;
  nps->target = 20;
  g_ptr_array_add (b->metrics, nps);
  wide->span = 2;
  g_ptr_array_add (text->cards, wide);
  g_ptr_array_add (text->cards, jm_card_new ("buy", "s3", "Pays at the till"));
  web->channel = JM_CHANNEL_WEBSITE;
  csat->has_target = TRUE;
  csat->target = 80;
  g_ptr_array_add (web->metrics, csat);
  g_ptr_array_add (touch->cards, web);
  slow->severity = JM_SEVERITY_HIGH;
  g_ptr_array_add (pain->cards, slow);
  g_strfreev (giulia->goals);
  giulia->goals = g_strsplit ("Ride tomorrow", "|", -1);

  jm_document_build_header (doc, "Bike repair", "A flat tyre", NULL, JM_MAP_STATE_CURRENT);
  jm_document_build_persona (doc, giulia);
  jm_document_build_persona (doc, jm_persona_new ("p2", "Marco"));
  jm_document_build_stage (doc, a);
  jm_document_build_stage (doc, b);
  jm_document_build_lane (doc, text);
  jm_document_build_lane (doc, touch);
  jm_document_build_lane (doc, pain);
  jm_document_build_emotion (doc, jm_emotion_new ("p1", "s1", JM_MAP_STATE_CURRENT, -1));
  jm_document_build_emotion (doc, jm_emotion_new ("p1", "s2", JM_MAP_STATE_CURRENT, 1));
  return doc;
}

static char *
example_path (const char *name)
{
  const char *root = g_getenv ("JM_SOURCE_ROOT");

  return g_build_filename (root ? root : JM_TEST_SRCDIR "/..", "data", "examples", name, NULL);
}

static JmDocument *
load_example (void)
{
  g_autofree char *path = example_path ("restaurant-regular.journey");
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_reader_load_path (path, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
to_xml (JmDocument *doc)
{
  return jm_writer_to_string (doc, NULL);
}

/* The document as a file would give it back: written, then read. */
static JmDocument *
reload (JmDocument *doc)
{
  gsize len;
  g_autofree char *xml = jm_writer_to_string (doc, &len);
  g_autoptr(GError) error = NULL;
  JmDocument *copy = jm_reader_load_bytes ("merged.journey", xml, len, NULL, &error);

  g_assert_no_error (error);
  return copy;
}

static JmDocument *
copy_of (JmDocument *doc)
{
  return reload (doc);
}

static void
set_severity (JmDocument *doc,
              const char *id,
              JmSeverity  severity)
{
  JmCard *card = jm_card_copy (jm_document_find_card (doc, id, NULL));

  card->severity = severity;
  jm_document_update_card (doc, card, NULL);
}

static void
set_owner (JmDocument *doc,
           const char *id,
           const char *owner)
{
  JmCard *card = jm_card_copy (jm_document_find_card (doc, id, NULL));

  jm_set_str (&card->owner, owner);
  jm_document_update_card (doc, card, NULL);
}

static const JmDiffEntry *
find_entry (GPtrArray    *entries,
            JmKind        kind,
            JmDiffChange  change,
            const char   *id,
            const char   *field)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const JmDiffEntry *e = g_ptr_array_index (entries, i);

      if (e->kind == kind && e->change == change && !e->is_conflict && g_strcmp0 (e->id, id) == 0
          && g_strcmp0 (e->field, field) == 0)
        return e;
    }
  return NULL;
}

static char *
diff_text (JmDocument *old_doc,
           JmDocument *new_doc)
{
  g_autoptr(GPtrArray) entries = jm_diff (old_doc, new_doc);

  return jm_diff_to_text (entries, old_doc, new_doc);
}

static const JmConflict *
conflict_at (JmDocument *doc,
             guint       i)
{
  return g_ptr_array_index (jm_document_get_conflicts (doc), i);
}

/* ---- the diff ---- */

static void
test_diff_of_a_map_with_itself_is_empty (void)
{
  g_autoptr(JmDocument) doc = load_example ();
  g_autoptr(JmDocument) same = copy_of (doc);
  g_autoptr(GPtrArray) entries = jm_diff (doc, same);

  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_diff_tells_stages_steps_and_lanes_added_removed_renamed_moved (void)
{
  g_autoptr(JmDocument) old_doc = make_map ();
  g_autoptr(JmDocument) new_doc = copy_of (old_doc);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;
  JmStage *stage = jm_stage_new ("c", "Loyalty");
  JmStage *renamed = jm_stage_copy (jm_document_find_stage (new_doc, "a"));

  g_ptr_array_add (stage->steps, jm_step_new ("s4", "Comes back"));
  jm_document_insert_stage (new_doc, -1, stage);
  jm_set_str (&renamed->name, "Discovery");
  jm_document_update_stage (new_doc, renamed, NULL);
  jm_document_move_step (new_doc, "s2", "b", 0);
  jm_document_rename_step (new_doc, "s3", "Pays");
  jm_document_remove_lane (new_doc, "pain");
  jm_document_insert_lane (new_doc, 0, jm_lane_new ("ideas", JM_LANE_OPPORTUNITIES, "Ideas"));
  jm_document_move_lane (new_doc, "touch", 0);

  entries = jm_diff (old_doc, new_doc);
  g_assert_nonnull (find_entry (entries, JM_KIND_STAGE, JM_DIFF_ADDED, "c", NULL));
  g_assert_nonnull (find_entry (entries, JM_KIND_STEP, JM_DIFF_ADDED, "s4", NULL));
  g_assert_nonnull (find_entry (entries, JM_KIND_STAGE, JM_DIFF_CHANGED, "a", "name"));
  g_assert_nonnull (find_entry (entries, JM_KIND_STEP, JM_DIFF_MOVED, "s2", "stage"));
  g_assert_nonnull (find_entry (entries, JM_KIND_STEP, JM_DIFF_CHANGED, "s3", "name"));
  g_assert_nonnull (find_entry (entries, JM_KIND_LANE, JM_DIFF_REMOVED, "pain", NULL));
  g_assert_nonnull (find_entry (entries, JM_KIND_CARD, JM_DIFF_REMOVED, "slow", NULL));
  g_assert_nonnull (find_entry (entries, JM_KIND_LANE, JM_DIFF_ADDED, "ideas", NULL));
  g_assert_nonnull (find_entry (entries, JM_KIND_LANE, JM_DIFF_MOVED, "touch", "position"));

  text = diff_text (old_doc, new_doc);
  g_assert_nonnull (strstr (text, "+ Stage \u201cLoyalty\u201d (c)\n"));
  g_assert_nonnull (strstr (text, "+ Step \u201cComes back\u201d (s4) in Stage \u201cLoyalty\u201d (c)\n"));
  g_assert_nonnull (strstr (text, "~ Stage \u201cDiscovery\u201d (a)\n    renamed \u201cAwareness\u201d \u2192 \u201cDiscovery\u201d\n"));
  g_assert_nonnull (strstr (text, "~ Step \u201cSearches\u201d (s2)\n    moved from Stage \u201cAwareness\u201d (a) to Stage \u201cPurchase\u201d (b)\n"));
  g_assert_nonnull (strstr (text, "    renamed \u201cBuys\u201d \u2192 \u201cPays\u201d\n"));
  g_assert_nonnull (strstr (text, "- Lane \u201cPain points\u201d (pain)\n"));
  g_assert_nonnull (strstr (text, "~ Lane \u201cTouchpoints\u201d (touch)\n    moved to the first place\n"));
}

static void
test_diff_tells_cards_moved_from_cell_to_cell (void)
{
  g_autoptr(JmDocument) old_doc = make_map ();
  g_autoptr(JmDocument) new_doc = copy_of (old_doc);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;

  jm_document_move_card (new_doc, "buy", "touch", "s2", -1);
  jm_document_insert_card (new_doc, "pain", -1, jm_card_new ("queue", "s3", "Long queue"));
  jm_document_remove_card (new_doc, "web");

  entries = jm_diff (old_doc, new_doc);
  g_assert_nonnull (find_entry (entries, JM_KIND_CARD, JM_DIFF_MOVED, "buy", "lane"));
  g_assert_nonnull (find_entry (entries, JM_KIND_CARD, JM_DIFF_CHANGED, "buy", "step"));
  g_assert_nonnull (find_entry (entries, JM_KIND_METRIC, JM_DIFF_REMOVED, "m1", NULL));

  text = diff_text (old_doc, new_doc);
  g_assert_nonnull (strstr (text, "~ Card \u201cPays at the till\u201d (buy)\n"
                                  "    moved from Actions \u00b7 Purchase \u203a Buys to Touchpoints \u00b7 Awareness \u203a Searches\n"));
  g_assert_nonnull (strstr (text, "+ Card \u201cLong queue\u201d (queue) in Pain points \u00b7 Purchase \u203a Buys\n"));
  g_assert_nonnull (strstr (text, "- Card \u201cWebsite\u201d (web) in Touchpoints \u00b7 Awareness \u203a Searches\n"));
  /* One move, told once, not as a lane line and a step line. */
  g_assert_null (strstr (strstr (text, "moved from Actions") + 1, "moved from"));
}

static void
test_diff_tells_each_field_of_an_edited_card (void)
{
  g_autoptr(JmDocument) old_doc = make_map ();
  g_autoptr(JmDocument) new_doc = copy_of (old_doc);
  JmCard *card = jm_card_copy (jm_document_find_card (old_doc, "web", NULL));
  g_autofree char *text = NULL;

  jm_set_str (&card->text, "Website with a chat");
  card->channel = JM_CHANNEL_CHAT;
  card->moment_of_truth = TRUE;
  card->severity = JM_SEVERITY_LOW;
  card->priority = JM_PRIORITY_HIGH;
  jm_set_str (&card->owner, "Shop manager");
  card->evidence = JM_EVIDENCE_RESEARCH;
  card->personas = g_strsplit ("p1", " ", -1);
  card->span = 2;
  jm_document_update_card (new_doc, card, NULL);

  text = diff_text (old_doc, new_doc);
  g_assert_nonnull (strstr (text, "~ Card \u201cWebsite with a chat\u201d (web)\n"));
  g_assert_nonnull (strstr (text, "    text: \u201cWebsite\u201d \u2192 \u201cWebsite with a chat\u201d\n"));
  g_assert_nonnull (strstr (text, "    channel: Website \u2192 Chat\n"));
  g_assert_nonnull (strstr (text, "    moment of truth: no \u2192 yes\n"));
  g_assert_nonnull (strstr (text, "    severity: none \u2192 Low\n"));
  g_assert_nonnull (strstr (text, "    priority: none \u2192 High\n"));
  g_assert_nonnull (strstr (text, "    owner: none \u2192 \u201cShop manager\u201d\n"));
  g_assert_nonnull (strstr (text, "    evidence: none \u2192 Backed by research\n"));
  g_assert_nonnull (strstr (text, "    personas: none \u2192 p1\n"));
  g_assert_nonnull (strstr (text, "    span: 1 \u2192 2\n"));
}

static void
test_diff_tells_emotion_scores_with_their_signs (void)
{
  g_autoptr(JmDocument) old_doc = make_map ();
  g_autoptr(JmDocument) new_doc = copy_of (old_doc);
  g_autofree char *text = NULL;

  jm_document_set_emotion (new_doc, "p1", "s1", JM_MAP_STATE_CURRENT, 1);
  jm_document_set_emotion (new_doc, "p1", "s2", JM_MAP_STATE_CURRENT, NAN);
  jm_document_set_emotion (new_doc, "p2", "s3", JM_MAP_STATE_FUTURE, 2);

  text = diff_text (old_doc, new_doc);
  g_assert_nonnull (strstr (text, "~ Emotion of Giulia at \u201cSees ad\u201d (As is): \u22121 \u2192 +1\n"));
  g_assert_nonnull (strstr (text, "- Emotion of Giulia at \u201cSearches\u201d (As is): +1\n"));
  g_assert_nonnull (strstr (text, "+ Emotion of Marco at \u201cBuys\u201d (To be): +2\n"));
}

static void
test_diff_tells_metric_values_targets_and_status (void)
{
  g_autoptr(JmDocument) old_doc = make_map ();
  g_autoptr(JmDocument) new_doc = copy_of (old_doc);
  JmCard *card = jm_card_copy (jm_document_find_card (old_doc, "web", NULL));
  JmMetric *metric = g_ptr_array_index (card->metrics, 0);
  g_autofree char *text = NULL;

  /* 70 against 80 is red at 10 %; 85 against 80 is green. */
  metric->value = 85;
  jm_document_update_card (new_doc, card, NULL);
  /* A wider tolerance turns the stage's NPS of 10 against 20 amber. */
  jm_document_set_metric_tolerance (new_doc, 60);

  text = diff_text (old_doc, new_doc);
  g_assert_nonnull (strstr (text, "~ Metric \u201cCSAT\u201d (m1)\n    value: 70 \u2192 85\n"
                                  "    status: target missed (red) \u2192 target met (green)\n"));
  g_assert_nonnull (strstr (text, "~ Metric \u201cNPS\u201d (m2)\n"
                                  "    status: target missed (red) \u2192 close to target (amber)\n"));
  g_assert_nonnull (strstr (text, "    target tolerance: 10 % \u2192 60 %\n"));
}

static void
test_diff_tells_persona_fields_and_list_items (void)
{
  g_autoptr(JmDocument) old_doc = make_map ();
  g_autoptr(JmDocument) new_doc = copy_of (old_doc);
  JmPersona *persona = jm_persona_copy (jm_document_find_persona (old_doc, "p1"));
  g_autofree char *text = NULL;
  JmChannel app = JM_CHANNEL_APP;

  jm_set_str (&persona->name, "Giulia Rossi");
  persona->age = 34;
  g_strfreev (persona->goals);
  persona->goals = g_strsplit ("Ride to work", "|", -1);
  g_array_append_val (persona->channels, app);
  jm_document_update_persona (new_doc, persona, NULL);
  jm_document_set_title (new_doc, "Bike repair, again");

  text = diff_text (old_doc, new_doc);
  g_assert_nonnull (strstr (text, "~ Map\n    title: \u201cBike repair\u201d \u2192 \u201cBike repair, again\u201d\n"));
  g_assert_nonnull (strstr (text, "~ Persona \u201cGiulia Rossi\u201d (p1)\n    renamed \u201cGiulia\u201d \u2192 \u201cGiulia Rossi\u201d\n"
                                  "    age: none \u2192 34\n"
                                  "    goals: added \u201cRide to work\u201d; removed \u201cRide tomorrow\u201d\n"
                                  "    preferred channels: added App\n"));
}

/* ---- the merge ---- */

static void
test_merge_of_edits_to_different_cards_is_clean (void)
{
  g_autoptr(JmDocument) base = load_example ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  guint n = 99;

  jm_document_set_card_text (ours, "c-3", "Walks in on a Wednesday");
  jm_document_set_card_text (theirs, "c-4", "Asks the waitress what she would order");
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (jm_document_get_conflicts (merged)->len, ==, 0);
  g_assert_cmpstr (jm_document_find_card (merged, "c-3", NULL)->text, ==, "Walks in on a Wednesday");
  g_assert_cmpstr (jm_document_find_card (merged, "c-4", NULL)->text, ==, "Asks the waitress what she would order");
}

static void
test_merge_of_different_fields_of_one_card_is_clean (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  JmCard *card;
  guint n = 99;

  jm_document_set_card_text (ours, "slow", "Very slow checkout");
  set_severity (theirs, "slow", JM_SEVERITY_CRITICAL);
  merged = jm_merge (base, ours, theirs, &n);

  card = jm_document_find_card (merged, "slow", NULL);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (card->text, ==, "Very slow checkout");
  g_assert_cmpint (card->severity, ==, JM_SEVERITY_CRITICAL);
}

static void
test_merge_keeps_the_language_one_side_chose (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = NULL;
  g_autoptr(JmDocument) theirs = NULL;
  g_autoptr(JmDocument) merged = NULL;
  guint n = 99;

  jm_document_build_language (base, "en");
  ours = copy_of (base);
  theirs = copy_of (base);
  jm_document_set_title (ours, "Ours");
  jm_document_set_language (theirs, "it");
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (jm_document_get_title (merged), ==, "Ours");
  g_assert_cmpstr (jm_document_get_language (merged), ==, "it");
}

static void
test_merge_keeps_the_move_of_one_side_and_the_edit_of_the_other (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  JmLane *lane = NULL;
  JmCard *card;
  guint n = 99;

  jm_document_move_card (ours, "buy", "pain", "s2", -1);
  jm_document_set_card_text (theirs, "buy", "Pays by card");
  merged = jm_merge (base, ours, theirs, &n);

  card = jm_document_find_card (merged, "buy", &lane);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (lane->id, ==, "pain");
  g_assert_cmpstr (card->step_id, ==, "s2");
  g_assert_cmpstr (card->text, ==, "Pays by card");
}

static void
test_merge_of_one_field_changed_differently_is_a_conflict (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  const JmConflict *conflict;
  guint n = 0;

  jm_document_set_card_text (ours, "slow", "Checkout takes five minutes");
  jm_document_set_card_text (theirs, "slow", "Checkout asks for the address twice");
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 1);
  conflict = conflict_at (merged, 0);
  g_assert_cmpint (conflict->kind, ==, JM_KIND_CARD);
  g_assert_cmpstr (conflict->ref, ==, "slow");
  g_assert_cmpstr (conflict->field, ==, "text");
  g_assert_cmpstr (conflict->base, ==, "Slow checkout");
  g_assert_cmpstr (conflict->ours, ==, "Checkout takes five minutes");
  g_assert_cmpstr (conflict->theirs, ==, "Checkout asks for the address twice");
  /* The map holds ours until someone chooses. */
  g_assert_cmpstr (jm_document_find_card (merged, "slow", NULL)->text, ==, "Checkout takes five minutes");
}

static void
test_merge_of_a_deleted_and_an_edited_card_is_a_conflict (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  const JmConflict *conflict;
  guint n = 0;

  jm_document_remove_card (ours, "slow");
  set_severity (theirs, "slow", JM_SEVERITY_LOW);
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 1);
  conflict = conflict_at (merged, 0);
  g_assert_cmpstr (conflict->ref, ==, "slow");
  g_assert_null (conflict->field);
  g_assert_cmpint (conflict->deleted_by, ==, JM_CONFLICT_SIDE_OURS);
  /* Kept, as the other side edited it. */
  g_assert_cmpint (jm_document_find_card (merged, "slow", NULL)->severity, ==, JM_SEVERITY_LOW);
}

static void
test_merge_of_a_deleted_lane_keeps_it_for_a_card_edited_in_it (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  guint n = 0;

  jm_document_remove_lane (theirs, "text");
  jm_document_set_card_text (ours, "buy", "Pays with the app");
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (jm_document_find_lane (merged, "text"));
  g_assert_nonnull (jm_document_find_card (merged, "buy", NULL));
  /* What the deleting side deleted and nobody edited is gone. */
  g_assert_null (jm_document_find_card (merged, "wide", NULL));
  g_assert_cmpint (conflict_at (merged, 0)->deleted_by, ==, JM_CONFLICT_SIDE_THEIRS);
}

static void
test_merge_deletes_what_one_side_deleted_and_the_other_left_alone (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  guint n = 99;

  jm_document_remove_card (ours, "web");
  jm_document_remove_persona (theirs, "p1");
  jm_document_set_card_text (theirs, "buy", "Pays by card");
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 0);
  g_assert_null (jm_document_find_card (merged, "web", NULL));
  g_assert_null (jm_document_find_metric (merged, "m1", NULL));
  g_assert_null (jm_document_find_persona (merged, "p1"));
  g_assert_null (jm_document_get_emotion (merged, "p1", "s1", JM_MAP_STATE_CURRENT));
}

static void
test_merge_keeps_the_order_each_side_gave (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  GPtrArray *lanes, *steps;
  JmStage *stage = jm_stage_new ("c", "Loyalty");
  guint n = 99;

  /* Ours moves a lane to the top and adds a step at the start of a;
   * theirs adds a stage and a step at the end of a. */
  jm_document_move_lane (ours, "pain", 0);
  jm_document_insert_step (ours, "a", 0, jm_step_new ("s0", "Hears of it"));
  g_ptr_array_add (stage->steps, jm_step_new ("s4", "Comes back"));
  jm_document_insert_stage (theirs, -1, stage);
  jm_document_insert_step (theirs, "a", -1, jm_step_new ("s2b", "Compares"));
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 0);
  lanes = jm_document_get_lanes (merged);
  g_assert_cmpstr (((JmLane *) lanes->pdata[0])->id, ==, "pain");
  g_assert_cmpstr (((JmLane *) lanes->pdata[1])->id, ==, "text");
  g_assert_cmpstr (((JmLane *) lanes->pdata[2])->id, ==, "touch");
  g_assert_cmpuint (jm_document_get_stages (merged)->len, ==, 3);
  steps = jm_document_find_stage (merged, "a")->steps;
  g_assert_cmpuint (steps->len, ==, 4);
  g_assert_cmpstr (((JmStep *) steps->pdata[0])->id, ==, "s0");
  g_assert_cmpstr (((JmStep *) steps->pdata[1])->id, ==, "s1");
  g_assert_cmpstr (((JmStep *) steps->pdata[2])->id, ==, "s2");
  g_assert_cmpstr (((JmStep *) steps->pdata[3])->id, ==, "s2b");
}

static void
test_merge_of_an_object_moved_to_two_places_is_a_position_conflict (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  guint n = 0;

  jm_document_insert_lane (base, -1, jm_lane_new ("back", JM_LANE_BACKSTAGE, "Backstage"));
  g_clear_object (&ours);
  g_clear_object (&theirs);
  ours = copy_of (base);
  theirs = copy_of (base);
  jm_document_move_lane (ours, "back", 0);
  jm_document_move_lane (theirs, "back", 1);
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (conflict_at (merged, 0)->field, ==, "position");
  g_assert_cmpstr (conflict_at (merged, 0)->base, ==, "pain");
  g_assert_cmpstr (conflict_at (merged, 0)->ours, ==, "");
  g_assert_cmpstr (conflict_at (merged, 0)->theirs, ==, "text");
  g_assert_cmpstr (((JmLane *) jm_document_get_lanes (merged)->pdata[0])->id, ==, "back");
}

static void
test_merge_keeps_both_objects_added_under_one_id (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autofree char *ours_id = jm_document_make_id (ours, "card");
  g_autofree char *theirs_id = jm_document_make_id (theirs, "card");
  JmCard *a, *b;
  guint n = 99;

  /* Both editors hand out the same next id. */
  g_assert_cmpstr (ours_id, ==, theirs_id);
  jm_document_insert_card (ours, "text", -1, jm_card_new (ours_id, "s1", "Asks a friend"));
  jm_document_insert_card (theirs, "text", -1, jm_card_new (theirs_id, "s3", "Reads the receipt"));
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 0);
  a = jm_document_find_card (merged, "card-1", NULL);
  b = jm_document_find_card (merged, "card-1-2", NULL);
  g_assert_cmpstr (ours_id, ==, "card-1");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true ((g_str_equal (a->text, "Asks a friend") && g_str_equal (b->text, "Reads the receipt"))
                 || (g_str_equal (b->text, "Asks a friend") && g_str_equal (a->text, "Reads the receipt")));

  /* The same object added on both sides is one. */
  again = jm_merge (base, ours, ours, &n);
  g_assert_cmpuint (jm_document_get_n_cards (again), ==, jm_document_get_n_cards (base) + 1);
}

static void
test_merge_of_emotion_scores_changed_differently_is_a_conflict (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  const JmConflict *conflict;
  guint n = 0;

  jm_document_set_emotion (ours, "p1", "s1", JM_MAP_STATE_CURRENT, -2);
  jm_document_set_emotion (theirs, "p1", "s1", JM_MAP_STATE_CURRENT, NAN);
  jm_document_set_emotion (theirs, "p2", "s3", JM_MAP_STATE_FUTURE, 1.5);
  merged = jm_merge (base, ours, theirs, &n);

  g_assert_cmpuint (n, ==, 1);
  conflict = conflict_at (merged, 0);
  g_assert_cmpint (conflict->kind, ==, JM_KIND_EMOTION);
  g_assert_cmpstr (conflict->ref, ==, "p1");
  g_assert_cmpstr (conflict->step, ==, "s1");
  g_assert_cmpstr (conflict->base, ==, "-1");
  g_assert_cmpstr (conflict->ours, ==, "-2");
  g_assert_null (conflict->theirs);
  g_assert_cmpfloat (jm_document_get_emotion (merged, "p1", "s1", JM_MAP_STATE_CURRENT)->score, ==, -2);
  g_assert_cmpfloat (jm_document_get_emotion (merged, "p2", "s3", JM_MAP_STATE_FUTURE)->score, ==, 1.5);
}

static void
test_merge_of_persona_lists_goes_item_by_item (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  JmPersona *o = jm_persona_copy (jm_document_find_persona (base, "p1"));
  JmPersona *t = jm_persona_copy (jm_document_find_persona (base, "p1"));
  JmPersona *result;
  guint n = 99;

  g_strfreev (o->goals);
  o->goals = g_strsplit ("Ride tomorrow|Spend little", "|", -1);
  jm_document_update_persona (ours, o, NULL);
  g_strfreev (t->goals);
  t->goals = g_strsplit ("Get help fast", "|", -1);
  jm_document_update_persona (theirs, t, NULL);
  merged = jm_merge (base, ours, theirs, &n);

  result = jm_document_find_persona (merged, "p1");
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (g_strv_length (result->goals), ==, 2);
  g_assert_cmpstr (result->goals[0], ==, "Get help fast");
  g_assert_cmpstr (result->goals[1], ==, "Spend little");
}

static void
test_merge_keeps_a_step_when_each_side_deleted_one (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = NULL;
  g_autoptr(JmDocument) theirs = NULL;
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) again = NULL;
  GPtrArray *steps;
  guint n = 0;

  jm_document_insert_step (base, "b", -1, jm_step_new ("s4", "Takes it home"));
  ours = copy_of (base);
  theirs = copy_of (base);
  g_assert_true (jm_document_remove_step (ours, "s3"));
  g_assert_true (jm_document_remove_step (theirs, "s4"));
  merged = jm_merge (base, ours, theirs, &n);

  /* A stage needs a step: one comes back, as deleted on one side. */
  steps = jm_document_find_stage (merged, "b")->steps;
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_cmpstr (((JmStep *) steps->pdata[0])->id, ==, "s3");
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (conflict_at (merged, 0)->key, ==, "step/s3/");
  g_assert_cmpint (conflict_at (merged, 0)->deleted_by, ==, JM_CONFLICT_SIDE_OURS);
  again = reload (merged);
  g_assert_nonnull (again);
}

static void
test_merge_without_a_common_ancestor (void)
{
  g_autoptr(JmDocument) ours = make_map ();
  g_autoptr(JmDocument) theirs = copy_of (ours);
  g_autoptr(JmDocument) merged = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint n = 99;

  jm_document_set_card_text (theirs, "buy", "Pays online");
  merged = jm_merge (NULL, ours, theirs, &n);

  /* What both have is one; what they disagree on is a conflict. */
  g_assert_cmpuint (jm_document_get_n_cards (merged), ==, jm_document_get_n_cards (ours));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (conflict_at (merged, 0)->key, ==, "card/buy/text");
  g_assert_null (conflict_at (merged, 0)->base);
  g_clear_object (&merged);
  merged = jm_merge (NULL, ours, ours, &n);
  a = to_xml (merged);
  b = to_xml (ours);
  g_assert_cmpstr (a, ==, b);
}

/* Every conflict of doc resolved to one side. */
static void
resolve_all (JmDocument       *doc,
             JmConflictChoice  choice)
{
  GPtrArray *conflicts = jm_document_get_conflicts (doc);

  while (conflicts->len > 0)
    {
      g_autofree char *key = g_strdup (conflict_at (doc, 0)->key);
      g_autoptr(GError) error = NULL;

      g_assert_true (jm_document_resolve_conflict (doc, key, choice, NULL, &error));
      g_assert_no_error (error);
    }
}

typedef void (*Edit) (JmDocument *doc);

static void
edit_ours (JmDocument *doc)
{
  jm_document_set_card_text (doc, "slow", "Checkout takes five minutes");
  set_severity (doc, "slow", JM_SEVERITY_CRITICAL);
  jm_document_move_card (doc, "buy", "pain", "s2", -1);
  jm_document_set_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT, 2);
  jm_document_insert_lane (doc, 1, jm_lane_new ("ideas", JM_LANE_OPPORTUNITIES, "Ideas"));
  jm_document_insert_card (doc, "touch", -1, jm_card_new ("app", "s2", "App"));
  jm_document_set_title (doc, "Bike repair at home");
  jm_document_remove_card (doc, "wide");
}

static void
edit_theirs (JmDocument *doc)
{
  jm_document_set_card_text (doc, "slow", "Checkout asks for the address twice");
  set_owner (doc, "slow", "Web team");
  jm_document_set_card_text (doc, "buy", "Pays by card");
  jm_document_set_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT, 0);
  jm_document_insert_lane (doc, 1, jm_lane_new ("back", JM_LANE_BACKSTAGE, "Backstage"));
  jm_document_insert_card (doc, "touch", -1, jm_card_new ("mail", "s3", "Receipt by mail"));
  jm_document_remove_lane (doc, "pain");
  jm_document_set_notes (doc, "Second workshop");
}

static void
check_commutative (Edit a,
                   Edit b)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) ab = NULL;
  g_autoptr(JmDocument) ba = NULL;
  g_autofree char *ab_xml = NULL;
  g_autofree char *ba_xml = NULL;
  GPtrArray *ab_conflicts, *ba_conflicts;

  a (ours);
  b (theirs);
  ab = jm_merge (base, ours, theirs, NULL);
  ba = jm_merge (base, theirs, ours, NULL);

  /* The same conflicts, sides swapped. */
  ab_conflicts = jm_document_get_conflicts (ab);
  ba_conflicts = jm_document_get_conflicts (ba);
  g_assert_cmpuint (ab_conflicts->len, ==, ba_conflicts->len);
  for (guint i = 0; i < ab_conflicts->len; i++)
    {
      const JmConflict *x = g_ptr_array_index (ab_conflicts, i);
      const JmConflict *y = jm_document_find_conflict (ba, x->key);

      g_assert_nonnull (y);
      g_assert_cmpstr (x->base, ==, y->base);
      g_assert_cmpstr (x->ours, ==, y->theirs);
      g_assert_cmpstr (x->theirs, ==, y->ours);
      g_assert_cmpint (x->deleted_by == JM_CONFLICT_SIDE_NONE, ==, y->deleted_by == JM_CONFLICT_SIDE_NONE);
    }

  /* The same map once each conflict goes the same way. */
  resolve_all (ab, JM_CONFLICT_CHOOSE_OURS);
  resolve_all (ba, JM_CONFLICT_CHOOSE_THEIRS);
  ab_xml = to_xml (ab);
  ba_xml = to_xml (ba);
  g_assert_cmpstr (ab_xml, ==, ba_xml);
}

static void
test_merge_is_commutative_up_to_the_sides_of_conflicts (void)
{
  check_commutative (edit_ours, edit_theirs);
  check_commutative (edit_theirs, edit_ours);
}

/* Runs xmllint --relaxng on the document written to a file. */
static void
assert_valid_against_schema (JmDocument *doc)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-merge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.journey", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *root = g_getenv ("JM_SOURCE_ROOT");
  int status;

  schema = g_build_filename (root ? root : JM_TEST_SRCDIR "/..", "data", "journey-map.rng", NULL);
  g_assert_true (jm_writer_save_path (doc, path, &error));
  {
    const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refused the merged map: %s", err);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_merged_map_with_conflicts_validates_against_the_schema (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) example = load_example ();
  g_autoptr(JmDocument) example_ours = copy_of (example);
  g_autoptr(JmDocument) example_theirs = copy_of (example);
  g_autoptr(JmDocument) example_merged = NULL;
  guint n = 0;

  edit_ours (ours);
  edit_theirs (theirs);
  merged = jm_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 3);
  assert_valid_against_schema (merged);

  /* Every kind of value in a conflict: a photo, a map field, a metric. */
  {
    g_autofree char *path = example_path ("online-shop.journey");
    g_autoptr(JmDocument) other = jm_reader_load_path (path, NULL, NULL);
    JmPersona *a = jm_persona_copy (jm_document_find_persona (example, "p-paolo"));
    JmPersona *b = jm_persona_copy (jm_document_find_persona (example, "p-paolo"));
    JmPersona *c = jm_persona_copy (jm_document_find_persona (example, "p-marta"));

    g_clear_pointer (&a->photo, g_bytes_unref);
    jm_document_update_persona (example_ours, a, NULL);
    g_bytes_unref (b->photo);
    b->photo = g_bytes_ref (jm_document_find_persona (other, "p-sara")->photo);
    jm_document_update_persona (example_theirs, b, NULL);
    jm_set_str (&c->occupation, "Office manager");
    jm_document_update_persona (example_theirs, c, NULL);
  }
  jm_document_set_title (example_ours, "A regular at Lucia's");
  jm_document_set_title (example_theirs, "A regular at Trattoria Lucia");
  jm_document_set_state (example_theirs, JM_MAP_STATE_FUTURE);
  jm_document_remove_card (example_theirs, "c-25");
  {
    JmCard *card = jm_card_copy (jm_document_find_card (example, "c-25", NULL));

    ((JmMetric *) g_ptr_array_index (card->metrics, 0))->value = 4;
    jm_document_update_card (example_ours, card, NULL);
  }
  example_merged = jm_merge (example, example_ours, example_theirs, &n);
  /* The photo, the title, card c-25 and its metric. */
  g_assert_cmpuint (n, ==, 4);
  g_assert_nonnull (jm_document_find_conflict (example_merged, "persona/p-paolo/photo"));
  g_assert_null (jm_document_find_conflict (example_merged, "persona/p-paolo/photo")->ours);
  g_assert_nonnull (jm_document_find_conflict (example_merged, "persona/p-paolo/photo")->theirs);
  g_assert_cmpint (jm_document_get_state (example_merged), ==, JM_MAP_STATE_FUTURE);
  g_assert_cmpstr (jm_document_find_persona (example_merged, "p-marta")->occupation, ==, "Office manager");
  g_assert_null (jm_document_find_persona (example_merged, "p-paolo")->photo);
  assert_valid_against_schema (example_merged);
}

/* ---- conflicts in the document ---- */

static JmDocument *
conflicted_map (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = copy_of (base);
  g_autoptr(JmDocument) theirs = copy_of (base);

  jm_document_set_card_text (ours, "slow", "Ours");
  jm_document_set_card_text (theirs, "slow", "Theirs");
  jm_document_set_emotion (ours, "p1", "s1", JM_MAP_STATE_CURRENT, -2);
  jm_document_set_emotion (theirs, "p1", "s1", JM_MAP_STATE_CURRENT, 2);
  jm_document_remove_card (ours, "buy");
  jm_document_set_card_text (theirs, "buy", "Pays by card");
  jm_document_set_title (ours, "");
  jm_document_set_title (theirs, "Bike repair in town");
  return jm_merge (base, ours, theirs, NULL);
}

static void
test_conflicts_read_back_as_written (void)
{
  g_autoptr(JmDocument) merged = conflicted_map ();
  g_autoptr(JmDocument) again = reload (merged);
  g_autofree char *a = to_xml (merged);
  g_autofree char *b = to_xml (again);
  const JmConflict *title;

  g_assert_cmpuint (jm_document_get_conflicts (again)->len, ==, 4);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "    <conflict object=\"card\" ref=\"slow\" field=\"text\">\n"
                               "      <base>Slow checkout</base>\n"
                               "      <ours>Ours</ours>\n"
                               "      <theirs>Theirs</theirs>\n"
                               "    </conflict>\n"));
  g_assert_nonnull (strstr (a, "    <conflict object=\"card\" ref=\"buy\" deleted-by=\"ours\"/>\n"));
  g_assert_nonnull (strstr (a, "    <conflict object=\"emotion\" ref=\"p1\" step=\"s1\" field=\"score\">\n"));
  /* An empty value is not a missing one. */
  title = jm_document_find_conflict (again, "map//title");
  g_assert_nonnull (title);
  g_assert_cmpstr (title->ours, ==, "");
  g_assert_cmpstr (title->theirs, ==, "Bike repair in town");
}

static void
test_conflict_with_a_field_and_a_deletion_is_refused_with_its_line (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
    "  <title>T</title>\n"
    "  <stages>\n"
    "    <stage id=\"a\" name=\"A\">\n"
    "      <step id=\"s1\"/>\n"
    "    </stage>\n"
    "  </stages>\n"
    "  <conflicts>\n"
    "    <conflict object=\"card\" ref=\"c\" field=\"text\" deleted-by=\"ours\"/>\n"
    "  </conflicts>\n"
    "</journey-map>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_reader_load_bytes ("bad.journey", xml, strlen (xml), NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "bad.journey:10: "));
}

static void
test_resolving_a_conflict_is_one_undoable_step (void)
{
  g_autoptr(JmDocument) doc = conflicted_map ();
  JmHistory *history = jm_document_get_history (doc);
  g_autoptr(GError) error = NULL;

  jm_history_clear (history);
  g_assert_cmpstr (jm_document_find_card (doc, "slow", NULL)->text, ==, "Ours");

  g_assert_true (jm_document_resolve_conflict (doc, "card/slow/text", JM_CONFLICT_CHOOSE_THEIRS, NULL, &error));
  g_assert_cmpstr (jm_document_find_card (doc, "slow", NULL)->text, ==, "Theirs");
  g_assert_null (jm_document_find_conflict (doc, "card/slow/text"));
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Resolve Conflict");

  g_assert_true (jm_history_undo (history));
  g_assert_cmpstr (jm_document_find_card (doc, "slow", NULL)->text, ==, "Ours");
  g_assert_nonnull (jm_document_find_conflict (doc, "card/slow/text"));

  g_assert_true (jm_document_resolve_conflict (doc, "card/slow/text", JM_CONFLICT_CHOOSE_VALUE, "Both", &error));
  g_assert_cmpstr (jm_document_find_card (doc, "slow", NULL)->text, ==, "Both");

  g_assert_true (jm_document_resolve_conflict (doc, "emotion/p1/s1/current/score", JM_CONFLICT_CHOOSE_THEIRS,
                                               NULL, &error));
  g_assert_cmpfloat (jm_document_get_emotion (doc, "p1", "s1", JM_MAP_STATE_CURRENT)->score, ==, 2);

  g_assert_true (jm_document_resolve_conflict (doc, "map//title", JM_CONFLICT_CHOOSE_THEIRS, NULL, &error));
  g_assert_cmpstr (jm_document_get_title (doc), ==, "Bike repair in town");

  /* Ours kept the title empty: "ours" is what the map holds, so nothing moves. */
  g_assert_true (jm_history_undo (history));
  g_assert_true (jm_document_resolve_conflict (doc, "map//title", JM_CONFLICT_CHOOSE_OURS, NULL, &error));
  g_assert_cmpstr (jm_document_get_title (doc), ==, "");
}

static void
test_resolving_a_deletion_to_the_deleting_side_deletes (void)
{
  g_autoptr(JmDocument) doc = conflicted_map ();
  JmHistory *history = jm_document_get_history (doc);
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_document_resolve_conflict (doc, "card/buy/", JM_CONFLICT_CHOOSE_VALUE, "x", &error));
  g_assert_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_true (jm_document_resolve_conflict (doc, "card/buy/", JM_CONFLICT_CHOOSE_OURS, NULL, &error));
  g_assert_null (jm_document_find_card (doc, "buy", NULL));
  g_assert_null (jm_document_find_conflict (doc, "card/buy/"));
  g_assert_true (jm_history_undo (history));
  g_assert_nonnull (jm_document_find_card (doc, "buy", NULL));

  /* Theirs edited it: choosing theirs keeps it. */
  g_assert_true (jm_document_resolve_conflict (doc, "card/buy/", JM_CONFLICT_CHOOSE_THEIRS, NULL, &error));
  g_assert_cmpstr (jm_document_find_card (doc, "buy", NULL)->text, ==, "Pays by card");
}

static void
test_resolving_with_a_value_that_does_not_fit_changes_nothing (void)
{
  g_autoptr(JmDocument) doc = conflicted_map ();
  JmHistory *history = jm_document_get_history (doc);
  g_autoptr(GError) error = NULL;
  guint steps = jm_history_get_n_steps (history);

  g_assert_false (jm_document_resolve_conflict (doc, "emotion/p1/s1/current/score", JM_CONFLICT_CHOOSE_VALUE,
                                                "7", &error));
  g_assert_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (jm_document_find_conflict (doc, "emotion/p1/s1/current/score"));
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, steps);
}

/* Moves metric m1 from card web to the card or stage `to`. */
static void
move_metric (JmDocument *doc,
             const char *to)
{
  JmCard *web = jm_card_copy (jm_document_find_card (doc, "web", NULL));
  JmMetric *metric = g_ptr_array_steal_index (web->metrics, 0);

  jm_document_update_card (doc, web, NULL);
  if (jm_document_find_card (doc, to, NULL) != NULL)
    {
      JmCard *card = jm_card_copy (jm_document_find_card (doc, to, NULL));

      g_ptr_array_add (card->metrics, metric);
      jm_document_update_card (doc, card, NULL);
    }
  else
    {
      JmStage *stage = jm_stage_copy (jm_document_find_stage (doc, to));

      g_ptr_array_add (stage->metrics, metric);
      jm_document_update_stage (doc, stage, NULL);
    }
}

static void
test_resolving_where_objects_sit (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = NULL;
  g_autoptr(JmDocument) theirs = NULL;
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  JmHistory *history;
  const char *holder = NULL;
  guint n = 0;

  jm_document_insert_lane (base, -1, jm_lane_new ("back", JM_LANE_BACKSTAGE, "Backstage"));
  ours = copy_of (base);
  theirs = copy_of (base);
  move_metric (ours, "slow");
  move_metric (theirs, "b");
  jm_document_move_lane (ours, "back", 0);
  jm_document_move_lane (theirs, "back", 1);
  jm_document_move_card (ours, "buy", "touch", "s3", -1);
  jm_document_move_card (theirs, "buy", "pain", "s3", -1);
  merged = jm_merge (base, ours, theirs, &n);
  history = jm_document_get_history (merged);

  g_assert_cmpuint (n, ==, 3);
  g_assert_nonnull (jm_document_find_metric (merged, "m1", &holder));
  g_assert_cmpstr (holder, ==, "slow");

  g_assert_true (jm_document_resolve_conflict (merged, "metric/m1/holder", JM_CONFLICT_CHOOSE_THEIRS, NULL, &error));
  g_assert_nonnull (jm_document_find_metric (merged, "m1", &holder));
  g_assert_cmpstr (holder, ==, "b");
  g_assert_cmpuint (jm_document_find_card (merged, "slow", NULL)->metrics->len, ==, 0);
  g_assert_true (jm_history_undo (history));
  g_assert_nonnull (jm_document_find_metric (merged, "m1", &holder));
  g_assert_cmpstr (holder, ==, "slow");

  g_assert_true (jm_document_resolve_conflict (merged, "lane/back/position", JM_CONFLICT_CHOOSE_THEIRS, NULL,
                                               &error));
  g_assert_cmpstr (((JmLane *) jm_document_get_lanes (merged)->pdata[0])->id, ==, "text");
  g_assert_cmpstr (((JmLane *) jm_document_get_lanes (merged)->pdata[1])->id, ==, "back");

  g_assert_true (jm_document_resolve_conflict (merged, "card/buy/lane", JM_CONFLICT_CHOOSE_THEIRS, NULL, &error));
  g_assert_nonnull (jm_document_find_card (merged, "buy", NULL));
  {
    JmLane *lane = NULL;

    jm_document_find_card (merged, "buy", &lane);
    g_assert_cmpstr (lane->id, ==, "pain");
  }
  g_assert_true (jm_document_resolve_conflict (merged, "metric/m1/holder", JM_CONFLICT_CHOOSE_OURS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jm_document_get_conflicts (merged)->len, ==, 0);
  {
    g_autoptr(JmDocument) again = reload (merged);

    g_assert_nonnull (jm_document_find_metric (again, "m1", &holder));
    g_assert_cmpstr (holder, ==, "slow");
  }
}

static void
test_resolving_a_stage_position_keeps_wide_cards_inside_the_map (void)
{
  g_autoptr(JmDocument) base = make_map ();
  g_autoptr(JmDocument) ours = NULL;
  g_autoptr(JmDocument) theirs = NULL;
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  JmStage *loyalty = jm_stage_new ("c", "Loyalty");
  JmStage *advocacy = jm_stage_new ("d", "Advocacy");
  JmCard *wide = jm_card_new ("w", "s3", "Buys, then comes back");
  GPtrArray *stages;

  g_ptr_array_add (loyalty->steps, jm_step_new ("s4", "Comes back"));
  g_ptr_array_add (advocacy->steps, jm_step_new ("s5", "Tells friends"));
  jm_document_insert_stage (base, -1, loyalty);
  jm_document_insert_stage (base, -1, advocacy);
  ours = copy_of (base);
  theirs = copy_of (base);
  /* Ours puts Purchase first and a card across its step and the next;
   * theirs puts Purchase last, where that card would run off the map. */
  jm_document_move_stage (ours, "b", 0);
  wide->span = 2;
  jm_document_insert_card (ours, "text", -1, wide);
  jm_document_move_stage (theirs, "b", 3);
  merged = jm_merge (base, ours, theirs, NULL);
  g_assert_nonnull (jm_document_find_conflict (merged, "stage/b/position"));

  g_assert_true (jm_document_resolve_conflict (merged, "stage/b/position", JM_CONFLICT_CHOOSE_THEIRS, NULL, &error));
  stages = jm_document_get_stages (merged);
  g_assert_cmpstr (((JmStage *) stages->pdata[3])->id, ==, "b");
  g_assert_cmpuint (jm_document_find_card (merged, "w", NULL)->span, ==, 1);
  again = reload (merged);
  g_assert_nonnull (again);
}

static void
test_adding_a_conflict_replaces_one_with_its_key_and_undoes (void)
{
  g_autoptr(JmDocument) doc = make_map ();
  JmHistory *history = jm_document_get_history (doc);
  JmConflict *first = jm_conflict_new (JM_KIND_CARD, "slow", "text");
  JmConflict *second = jm_conflict_new (JM_KIND_CARD, "slow", "text");
  g_autoptr(JmDocument) before = copy_of (doc);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;

  first->ours = g_strdup ("A");
  second->ours = g_strdup ("B");
  jm_document_add_conflict (doc, first);
  jm_document_add_conflict (doc, second);
  g_assert_cmpuint (jm_document_get_conflicts (doc)->len, ==, 1);
  g_assert_cmpstr (conflict_at (doc, 0)->ours, ==, "B");

  /* The diff tells conflicts recorded and resolved. */
  entries = jm_diff (before, doc);
  g_assert_cmpuint (entries->len, ==, 1);
  text = jm_diff_to_text (entries, before, doc);
  g_assert_cmpstr (text, ==, "+ Conflict: Card \u201cSlow checkout\u201d (slow), text: ours \u201cB\u201d, "
                             "theirs none (was none)\n");

  g_clear_pointer (&text, g_free);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = jm_diff (doc, before);
  text = jm_diff_to_text (entries, doc, before);
  g_assert_true (g_str_has_prefix (text, "- Conflict resolved: Card \u201cSlow checkout\u201d (slow), text: "));

  g_assert_true (jm_history_undo (history));
  g_assert_cmpstr (conflict_at (doc, 0)->ours, ==, "A");
  jm_document_remove_conflict (doc, "card/slow/text");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = jm_diff (doc, before);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* ---- the outline ---- */

static void
test_outline_puts_each_card_on_a_line_under_its_step (void)
{
  g_autoptr(JmDocument) doc = load_example ();
  g_autoptr(JmDocument) again = copy_of (doc);
  g_autofree char *outline = jm_outline_to_string (doc);
  g_autofree char *outline_again = jm_outline_to_string (again);
  const char *step = strstr (outline, "\n  Step s-arrive \u201cArrives\u201d\n");
  const char *card = strstr (outline, "\n    Card c-18 in \u201cPain points\u201d: text \u201cTen-minute wait at the door "
                                      "on busy nights\u201d \u00b7 severity Low\n");

  g_assert_cmpstr (outline, ==, outline_again);
  g_assert_true (g_str_has_prefix (outline, "Map \u201cA regular at Trattoria da Lucia\u201d\n"));
  g_assert_nonnull (step);
  g_assert_nonnull (card);
  g_assert_true (card > step);
  g_assert_nonnull (strstr (outline, "\n    Emotion p-paolo (As is): +1\n"));
  g_assert_nonnull (strstr (outline, "\n  Metric m-ret-90: kind Retention \u00b7 value 57 \u00b7 target 60 \u00b7 "
                                     "sample size 210 \u00b7 date 2026-09-30 \u00b7 status close to target (amber)\n"));
  g_assert_nonnull (strstr (outline, "\nPersona p-paolo \u201cPaolo Ferri\u201d: age 46"));
}

static void
test_outline_lists_the_conflicts (void)
{
  g_autoptr(JmDocument) doc = conflicted_map ();
  g_autofree char *outline = jm_outline_to_string (doc);

  g_assert_nonnull (strstr (outline, "\nConflict: Card \u201cOurs\u201d (slow), text: ours \u201cOurs\u201d, "
                                     "theirs \u201cTheirs\u201d (was \u201cSlow checkout\u201d)\n"));
  g_assert_nonnull (strstr (outline, "\nConflict: Card \u201cPays by card\u201d (buy): deleted by ours, changed by theirs; kept\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/map-with-itself-is-empty", test_diff_of_a_map_with_itself_is_empty);
  g_test_add_func ("/merge/keeps-the-language-one-side-chose", test_merge_keeps_the_language_one_side_chose);
  g_test_add_func ("/diff/stages-steps-lanes-added-removed-renamed-moved",
                   test_diff_tells_stages_steps_and_lanes_added_removed_renamed_moved);
  g_test_add_func ("/diff/cards-moved-from-cell-to-cell", test_diff_tells_cards_moved_from_cell_to_cell);
  g_test_add_func ("/diff/each-field-of-an-edited-card", test_diff_tells_each_field_of_an_edited_card);
  g_test_add_func ("/diff/emotion-scores-with-their-signs", test_diff_tells_emotion_scores_with_their_signs);
  g_test_add_func ("/diff/metric-values-targets-and-status", test_diff_tells_metric_values_targets_and_status);
  g_test_add_func ("/diff/persona-fields-and-list-items", test_diff_tells_persona_fields_and_list_items);
  g_test_add_func ("/merge/edits-to-different-cards-are-clean", test_merge_of_edits_to_different_cards_is_clean);
  g_test_add_func ("/merge/different-fields-of-one-card-are-clean",
                   test_merge_of_different_fields_of_one_card_is_clean);
  g_test_add_func ("/merge/move-of-one-side-and-edit-of-the-other",
                   test_merge_keeps_the_move_of_one_side_and_the_edit_of_the_other);
  g_test_add_func ("/merge/one-field-changed-differently-is-a-conflict",
                   test_merge_of_one_field_changed_differently_is_a_conflict);
  g_test_add_func ("/merge/deleted-and-edited-card-is-a-conflict",
                   test_merge_of_a_deleted_and_an_edited_card_is_a_conflict);
  g_test_add_func ("/merge/deleted-lane-kept-for-a-card-edited-in-it",
                   test_merge_of_a_deleted_lane_keeps_it_for_a_card_edited_in_it);
  g_test_add_func ("/merge/deletion-of-what-the-other-side-left-alone",
                   test_merge_deletes_what_one_side_deleted_and_the_other_left_alone);
  g_test_add_func ("/merge/order-each-side-gave", test_merge_keeps_the_order_each_side_gave);
  g_test_add_func ("/merge/moved-to-two-places-is-a-position-conflict",
                   test_merge_of_an_object_moved_to_two_places_is_a_position_conflict);
  g_test_add_func ("/merge/both-objects-added-under-one-id", test_merge_keeps_both_objects_added_under_one_id);
  g_test_add_func ("/merge/emotion-scores-changed-differently-conflict",
                   test_merge_of_emotion_scores_changed_differently_is_a_conflict);
  g_test_add_func ("/merge/persona-lists-item-by-item", test_merge_of_persona_lists_goes_item_by_item);
  g_test_add_func ("/merge/step-kept-when-each-side-deleted-one", test_merge_keeps_a_step_when_each_side_deleted_one);
  g_test_add_func ("/merge/without-a-common-ancestor", test_merge_without_a_common_ancestor);
  g_test_add_func ("/merge/commutative-up-to-the-sides-of-conflicts",
                   test_merge_is_commutative_up_to_the_sides_of_conflicts);
  g_test_add_func ("/merge/conflicted-map-validates-against-the-schema",
                   test_merged_map_with_conflicts_validates_against_the_schema);
  g_test_add_func ("/conflicts/read-back-as-written", test_conflicts_read_back_as_written);
  g_test_add_func ("/conflicts/field-and-deletion-refused-with-its-line",
                   test_conflict_with_a_field_and_a_deletion_is_refused_with_its_line);
  g_test_add_func ("/conflicts/resolving-is-one-undoable-step", test_resolving_a_conflict_is_one_undoable_step);
  g_test_add_func ("/conflicts/resolving-a-deletion-to-the-deleting-side-deletes",
                   test_resolving_a_deletion_to_the_deleting_side_deletes);
  g_test_add_func ("/conflicts/value-that-does-not-fit-changes-nothing",
                   test_resolving_with_a_value_that_does_not_fit_changes_nothing);
  g_test_add_func ("/conflicts/adding-replaces-one-with-its-key-and-undoes",
                   test_adding_a_conflict_replaces_one_with_its_key_and_undoes);
  g_test_add_func ("/conflicts/resolving-where-objects-sit", test_resolving_where_objects_sit);
  g_test_add_func ("/conflicts/resolving-a-stage-position-keeps-wide-cards-inside",
                   test_resolving_a_stage_position_keeps_wide_cards_inside_the_map);
  g_test_add_func ("/outline/each-card-on-a-line-under-its-step", test_outline_puts_each_card_on_a_line_under_its_step);
  g_test_add_func ("/outline/lists-the-conflicts", test_outline_lists_the_conflicts);

  return g_test_run ();
}
