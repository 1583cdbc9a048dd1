/* test-describe.c — every object of a map in words a listener can follow:
 * what it is and holds, and where it is. */
#include "config.h"

#include <math.h>

#include "jm-describe.h"
#include "jm-test-utils.h"

static void
check (JmDocument  *doc,
       JmFocusKind  kind,
       const char  *id,
       const char  *lane_id,
       const char  *step_id,
       JmMapState   curve,
       const char  *name,
       const char  *context)
{
  JmFocus focus = { kind, (char *) id, (char *) lane_id, (char *) step_id, curve };
  g_autofree char *got_name = jm_describe_name (doc, &focus);
  g_autofree char *got_context = jm_describe_context (doc, &focus);

  g_assert_cmpstr (got_name, ==, name);
  g_assert_cmpstr (got_context, ==, context);
}

static void
test_each_object_says_what_and_where_it_is (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  JmCard *pain = jm_card_new ("pain", "s3", "The shop refuses");
  JmLane *lane = jm_lane_new ("pains", JM_LANE_PAIN_POINTS, "Pain points");

  pain->severity = JM_SEVERITY_HIGH;
  jm_document_insert_lane (doc, -1, lane);
  jm_document_insert_card (doc, "pains", -1, pain);

  check (doc, JM_FOCUS_MAP, NULL, NULL, NULL, 0, "Journey map: Bike repair", "");
  check (doc, JM_FOCUS_PERSONA, "p2", NULL, NULL, 0, "Persona Marco", "");
  check (doc, JM_FOCUS_STAGE, "a", NULL, NULL, 0, "Stage Awareness", "stage 1 of 2, 2 steps");
  check (doc, JM_FOCUS_STEP, "s3", NULL, "s3", 0, "Step Buys", "stage Purchase");
  check (doc, JM_FOCUS_LANE, "touch", "touch", NULL, 0, "Lane Touchpoints, Touchpoints", "1 card");
  check (doc, JM_FOCUS_CELL, NULL, "touch", "s1", 0, "Empty cell", "stage Awareness, step Sees ad, lane Touchpoints");
  /* A text card is named after its lane; a wide one says where it ends. */
  check (doc, JM_FOCUS_CARD, "wide", "text", "s1", 0, "Actions: Sees an ad, then searches",
         "stage Awareness, step Sees ad to Searches, lane Actions");
  check (doc, JM_FOCUS_CARD, "web", "touch", "s2", 0, "Touchpoint: Website",
         "stage Awareness, step Searches, lane Touchpoints");
  {
    JmCard *web = jm_card_copy (jm_document_find_card (doc, "web", NULL));

    web->channel = JM_CHANNEL_STORE;
    jm_document_update_card (doc, web, NULL);
  }
  check (doc, JM_FOCUS_CARD, "web", "touch", "s2", 0, "Touchpoint, Store: Website",
         "stage Awareness, step Searches, lane Touchpoints");
  check (doc, JM_FOCUS_CARD, "pain", "pains", "s3", 0, "Pain point, severity High: The shop refuses",
         "stage Purchase, step Buys, lane Pain points");
  check (doc, JM_FOCUS_EMOTION, "p1", "feel", "s1", JM_MAP_STATE_CURRENT, "Giulia, as is: −1 (unhappy)",
         "stage Awareness, step Sees ad, lane Emotions");
  check (doc, JM_FOCUS_EMOTION, "p2", "feel", "s1", JM_MAP_STATE_FUTURE, "Marco, to be: not set",
         "stage Awareness, step Sees ad, lane Emotions");
}

/* A metric says its value and target in the locale's way, how it fares and
 * whose it is; a NPS has no unit, a custom metric its own. */
static void
test_metrics_in_words (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  JmStage *stage = jm_stage_copy (jm_document_find_stage (doc, "a"));
  JmMetric *nps = jm_metric_new ("m-nps", JM_METRIC_NPS, 31);
  JmMetric *wait = jm_metric_new ("m-wait", JM_METRIC_CUSTOM, 12.5);
  g_autofree char *nps_words = NULL;
  g_autofree char *wait_words = NULL;
  g_autofree char *gone = NULL;

  nps->has_target = TRUE;
  nps->target = 30;
  wait->name = g_strdup ("Wait");
  wait->unit = g_strdup ("min");
  wait->higher_is_better = FALSE;
  wait->has_target = TRUE;
  wait->target = 12;
  g_ptr_array_add (stage->metrics, nps);
  g_ptr_array_add (stage->metrics, wait);
  jm_document_update_stage (doc, stage, NULL);

  nps_words = jm_describe_metric (doc, "m-nps");
  wait_words = jm_describe_metric (doc, "m-wait");
  gone = jm_describe_metric (doc, "no-such-metric");
  g_assert_cmpstr (nps_words, ==, "NPS 31, target 30, green — stage Awareness");
  g_assert_cmpstr (wait_words, ==, "Wait 12.5 min, target 12 min, amber — stage Awareness");
  g_assert_cmpstr (gone, ==, "");
}

static void
test_scores_in_words (void)
{
  const struct { double score; const char *words; } cases[] = {
    { -2, "−2 (very unhappy)" }, { -1.5, "−1.5 (very unhappy)" }, { -0.5, "−0.5 (unhappy)" },
    { 0, "0 (neutral)" }, { 0.5, "+0.5 (happy)" }, { 1, "+1 (happy)" }, { 2, "+2 (delighted)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = jm_describe_score (cases[i].score);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/describe/each-object-says-what-and-where-it-is", test_each_object_says_what_and_where_it_is);
  g_test_add_func ("/describe/scores-in-words", test_scores_in_words);
  g_test_add_func ("/describe/metrics-in-words", test_metrics_in_words);

  return g_test_run ();
}
