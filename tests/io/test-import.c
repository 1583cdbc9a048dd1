/* test-import.c — maps from elsewhere: Mermaid journeys (plain and in
 * Markdown), CJML 2.0, grid CSV; what each becomes, the problems they say
 * with their lines, the round trips of the exports, and the one entry
 * point that tells them apart by their content. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "jm-cjml.h"
#include "jm-grid.h"
#include "jm-import.h"
#include "jm-mermaid.h"
#include "jm-reader.h"
#include "jm-writer.h"

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("JM_TEST_IO_DIR"), "imports", name, NULL);
}

static JmDocument *
import_fixture (const char  *name,
                GPtrArray  **warnings)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_import_load_path (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static JmDocument *
mermaid (const char  *text,
         GPtrArray  **problems,
         GError     **error)
{
  return jm_mermaid_load_bytes ("day.mmd", text, strlen (text), FALSE, problems, error);
}

static char *
all_problems (GPtrArray *problems)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = jm_problem_format (g_ptr_array_index (problems, i));
      g_string_append_printf (all, "%s\n", line);
    }
  return g_string_free (all, FALSE);
}

static double
score_of (JmDocument *doc,
          const char *persona_name,
          const char *step_name,
          JmMapState  curve)
{
  GPtrArray *personas = jm_document_get_personas (doc);
  const char *persona_id = NULL;

  for (guint i = 0; i < personas->len; i++)
    if (g_str_equal (((JmPersona *) g_ptr_array_index (personas, i))->name, persona_name))
      persona_id = ((JmPersona *) g_ptr_array_index (personas, i))->id;
  g_assert_nonnull (persona_id);
  for (guint c = 0; c < jm_document_get_n_steps (doc); c++)
    {
      JmStep *step = jm_document_get_step (doc, c);

      if (g_str_equal (step->name, step_name))
        {
          const JmEmotion *emotion = jm_document_get_emotion (doc, persona_id, step->id, curve);
          return emotion != NULL ? emotion->score : NAN;
        }
    }
  g_error ("no step “%s”", step_name);
}

/* "Stage: step, step | Stage: step" */
static char *
outline (JmDocument *doc)
{
  GPtrArray *stages = jm_document_get_stages (doc);
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      g_string_append_printf (out, "%s%s:", s > 0 ? " | " : "", stage->name);
      for (guint t = 0; t < stage->steps->len; t++)
        g_string_append_printf (out, "%s %s", t > 0 ? "," : "", ((JmStep *) g_ptr_array_index (stage->steps, t))->name);
    }
  return g_string_free (out, FALSE);
}

/* A map read from elsewhere is a valid map: it writes and reads back. */
static void
assert_writes_and_reads_back (JmDocument *doc)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  g_autofree char *xml = jm_writer_to_string (doc, &len);
  g_autoptr(JmDocument) again = jm_reader_load_bytes ("again.journey", xml, len, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* ---- Mermaid ---- */

static void
test_mermaid_journey_becomes_a_map (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = mermaid (
    "---\n"
    "title: Not this one\n"
    "config:\n"
    "  theme: forest\n"
    "---\n"
    "%% A comment\n"
    "%%{init: {\"journey\": {\n"
    "  \"useMaxWidth\": true}}}%%\n"
    "JOURNEY\n"
    "  Title My working day\n"
    "  accTitle: A day at work\n"
    "  accDescr {\n"
    "    How a day at the office feels,\n"
    "    from tea to sofa.\n"
    "  }\n"
    "  section Go to work\n"
    "    Make tea: 5: Me\n"
    "    Go upstairs: 3: Me\n"
    "    Do work: 1: Me, Cat  # the cat helps\n"
    "  section Go home\n"
    "    Go downstairs: 5: Me,\n"
    "    Sit down: 4: , Cat\n",
    &problems, &error);
  g_autofree char *shape = NULL;
  JmLane *actions;

  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_cmpstr (jm_document_get_title (doc), ==, "My working day");
  g_assert_cmpstr (jm_document_get_notes (doc), ==, "A day at work\n\nHow a day at the office feels,\n    from tea to sofa.");
  shape = outline (doc);
  g_assert_cmpstr (shape, ==, "Go to work: Make tea, Go upstairs, Do work | Go home: Go downstairs, Sit down");

  /* Actors are personas, created by name; empty names are none. */
  g_assert_cmpuint (jm_document_get_personas (doc)->len, ==, 2);
  g_assert_cmpstr (((JmPersona *) jm_document_get_personas (doc)->pdata[1])->name, ==, "Cat");
  /* Scores 1–5 are emotions −2…+2, for each actor of the task. */
  g_assert_cmpfloat (score_of (doc, "Me", "Make tea", JM_MAP_STATE_CURRENT), ==, 2);
  g_assert_cmpfloat (score_of (doc, "Me", "Go upstairs", JM_MAP_STATE_CURRENT), ==, 0);
  g_assert_cmpfloat (score_of (doc, "Cat", "Do work", JM_MAP_STATE_CURRENT), ==, -2);
  g_assert_cmpfloat (score_of (doc, "Cat", "Sit down", JM_MAP_STATE_CURRENT), ==, 1);
  g_assert_true (isnan (score_of (doc, "Me", "Sit down", JM_MAP_STATE_CURRENT)));

  /* Each task a card in an actions lane. */
  actions = g_ptr_array_index (jm_document_get_lanes (doc), 0);
  g_assert_cmpint (actions->kind, ==, JM_LANE_TEXT);
  g_assert_cmpuint (actions->cards->len, ==, 5);
  g_assert_cmpstr (((JmCard *) actions->cards->pdata[2])->text, ==, "Do work");
  assert_writes_and_reads_back (doc);
}

static void
test_mermaid_scores_outside_one_to_five_are_clamped_with_one_warning (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = mermaid (
    "journey\n"
    "  section S\n"
    "    Too good: 9: Me\n"
    "    Fine: 3: Me\n"
    "    Too bad: -4: Me\n"
    "    Blank: : Me\n",
    &problems, &error);
  g_autofree char *said = all_problems (problems);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (said, ==, "day.mmd:3: Scores outside 1–5 were brought within it, on lines 3, 5, 6\n");
  g_assert_cmpfloat (score_of (doc, "Me", "Too good", JM_MAP_STATE_CURRENT), ==, 2);
  g_assert_cmpfloat (score_of (doc, "Me", "Too bad", JM_MAP_STATE_CURRENT), ==, -2);
  /* Mermaid reads a blank score as 0. */
  g_assert_cmpfloat (score_of (doc, "Me", "Blank", JM_MAP_STATE_CURRENT), ==, -2);
}

/* Lines Mermaid's own parser refuses are errors on their line. */
static void
test_mermaid_refuses_what_mermaid_refuses (void)
{
  static const struct {
    const char *text;
    const char *said;
  } cases[] = {
    { "journey\n  section Go: home\n    Task: 3: Me\n",
      "day.mmd:2: Mermaid refuses “section Go: home”: a section’s name cannot contain “:”" },
    { "journey\n  section S\n    Make tea\n",
      "day.mmd:3: Mermaid refuses “Make tea”: a task is written “Task: score: actors”" },
    { "journey\n  section S\n    Tea: great: Me\n",
      "day.mmd:3: “great” is not a score: a task’s score is a number from 1 to 5" },
    { "journey\n  section S\n    Tea: 3: Me; Coffee: 2: Me\n",
      "day.mmd:3: Mermaid refuses “;” in a journey" },
    { "\n\nflowchart LR\n  A --> B\n",
      "day.mmd:3: This is no Mermaid journey: the diagram starts with “flowchart”, not “journey”" },
    { "journey\n  section S\n    : 3: Me\n",
      "day.mmd:3: Mermaid refuses this line: a task needs a name before “:”" },
    { "---\ntitle: x\njourney\n", "day.mmd:1: The front matter that starts here has no closing “---”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) doc = mermaid (cases[i].text, &problems, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (doc);
      g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].said);
      g_assert_cmpuint (problems->len, >=, 1);
    }
}

/* The first ```mermaid block of a Markdown file, with the file's lines. */
static void
test_markdown_first_mermaid_block_is_read (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JmDocument) doc = import_fixture ("bike.md", &warnings);
  g_autofree char *shape = outline (doc);
  g_autofree char *path = fixture_path ("flowchart-first.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) refused = NULL;

  g_assert_cmpstr (jm_document_get_title (doc), ==, "Buying a bike");
  g_assert_cmpstr (shape, ==, "Looking: Browses the shop online, Asks a friend | Buying: Pays at the counter");
  g_assert_cmpfloat (score_of (doc, "Marco", "Browses the shop online", JM_MAP_STATE_CURRENT), ==, 1);
  /* Imported maps are in no file yet. */
  g_assert_true (jm_history_is_modified (jm_document_get_history (doc)));

  /* A file whose first mermaid block is another diagram: said, with its line. */
  refused = jm_import_load_path (path, NULL, &error);
  g_assert_null (refused);
  g_assert_nonnull (strstr (error->message, "flowchart-first.md:4: This is no Mermaid journey"));
}

static JmDocument *
make_round_trip_map (void)
{
  JmDocument *doc = jm_document_new ();
  JmStage *before = jm_stage_new ("before", "Before the trip");
  JmStage *during = jm_stage_new ("during", "On the train");
  JmLane *lane = jm_lane_new ("pain", JM_LANE_PAIN_POINTS, "Pain points");

  jm_document_build_header (doc, "Taking the train", "Anna travels to Milan", "Notes", JM_MAP_STATE_CURRENT);
  jm_document_build_persona (doc, jm_persona_new ("anna", "Anna"));
  jm_document_build_persona (doc, jm_persona_new ("bo", "Bo"));
  g_ptr_array_add (before->steps, jm_step_new ("buy", "Buys a ticket"));
  g_ptr_array_add (before->steps, jm_step_new ("wait", "Waits on the platform"));
  g_ptr_array_add (during->steps, jm_step_new ("ride", "Rides"));
  g_ptr_array_add (during->steps, jm_step_new ("title", "Title page of the ticket"));
  jm_document_build_stage (doc, before);
  jm_document_build_stage (doc, during);
  g_ptr_array_add (lane->cards, jm_card_new ("late", "wait", "The train is late"));
  jm_document_build_lane (doc, lane);
  jm_document_build_emotion (doc, jm_emotion_new ("anna", "buy", JM_MAP_STATE_CURRENT, 1));
  jm_document_build_emotion (doc, jm_emotion_new ("bo", "buy", JM_MAP_STATE_CURRENT, 1));
  jm_document_build_emotion (doc, jm_emotion_new ("anna", "wait", JM_MAP_STATE_CURRENT, -1.5));
  jm_document_build_emotion (doc, jm_emotion_new ("anna", "ride", JM_MAP_STATE_CURRENT, 2));
  jm_document_build_emotion (doc, jm_emotion_new ("bo", "ride", JM_MAP_STATE_CURRENT, 2));
  jm_document_build_emotion (doc, jm_emotion_new ("bo", "title", JM_MAP_STATE_CURRENT, 0));
  jm_document_build_emotion (doc, jm_emotion_new ("anna", "ride", JM_MAP_STATE_FUTURE, 2));
  return doc;
}

/* Export, then import: the same stages, steps, personas and scores. */
static void
test_mermaid_export_round_trips (void)
{
  g_autoptr(JmDocument) doc = make_round_trip_map ();
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before_shape = outline (doc);
  g_autofree char *after_shape = NULL;
  gsize len;
  const char *steps[] = { "Buys a ticket", "Waits on the platform", "Rides", "Title page of the ticket" };
  const char *names[] = { "Anna", "Bo" };

  text = jm_mermaid_to_string (doc, &len);
  /* What Mermaid cannot hold is said at the top, in a comment. */
  g_assert_true (g_str_has_prefix (text, "%% Written by Journey Maps. Mermaid’s journey cannot hold:\n"));
  g_assert_nonnull (strstr (text, "%%   1 card\n"));
  g_assert_nonnull (strstr (text, "%%   the to-be emotion curve\n"));
  g_assert_nonnull (strstr (text, "%%   the scenario\n"));
  g_assert_nonnull (strstr (text, "    Buys a ticket: 4: Anna, Bo\n"));
  g_assert_nonnull (strstr (text, "    Waits on the platform: 1.5: Anna\n"));

  again = jm_mermaid_load_bytes ("again.mmd", text, len, FALSE, &problems, &error);
  g_assert_no_error (error);
  g_assert_null (problems);
  after_shape = outline (again);
  g_assert_cmpstr (after_shape, ==, before_shape);
  g_assert_cmpstr (jm_document_get_title (again), ==, "Taking the train");
  g_assert_cmpuint (jm_document_get_personas (again)->len, ==, 2);
  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      g_assert_cmpstr (((JmPersona *) jm_document_get_personas (again)->pdata[p])->name, ==, names[p]);
      for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
        {
          double want = score_of (doc, names[p], steps[s], JM_MAP_STATE_CURRENT);
          double got = score_of (again, names[p], steps[s], JM_MAP_STATE_CURRENT);

          g_assert_true ((isnan (want) && isnan (got)) || want == got);
        }
    }
}

/* A task holds one score for all its actors: the others are said. */
static void
test_mermaid_export_says_what_it_cannot_hold (void)
{
  g_autoptr(JmDocument) doc = make_round_trip_map ();
  g_autofree char *text = NULL;
  JmStep *step = jm_document_find_step (doc, "buy");

  jm_document_set_emotion (doc, "bo", "buy", JM_MAP_STATE_CURRENT, -2);
  jm_document_rename_step (doc, "buy", "Buys: a ticket; #1");
  text = jm_mermaid_to_string (doc, NULL);
  g_assert_nonnull (strstr (text, "%%   Bo’s score at “Buys: a ticket; #1” (1)\n"));
  g_assert_nonnull (strstr (text, "    Buys∶ a ticket⸴ ﹟1: 4: Anna\n"));
  g_assert_nonnull (strstr (text, "written as look-alikes"));
  (void) step;
}

/* ---- CJML ---- */

static void
test_cjml_planned_and_actual_journeys_become_both_curves (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JmDocument) doc = import_fixture ("kindergarten.xml", &warnings);
  g_autofree char *shape = outline (doc);
  g_autofree char *said = all_problems (warnings);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  JmLane *planned, *actual;

  g_assert_cmpstr (jm_document_get_title (doc), ==, "Applying for a kindergarten place");
  g_assert_cmpstr (jm_document_get_scenario (doc), ==, "Kari applies online and gets a place.");
  g_assert_cmpstr (jm_document_get_notes (doc), ==, "Service provider: Oslo municipality");
  g_assert_cmpint (jm_document_get_state (doc), ==, JM_MAP_STATE_CURRENT);
  /* Phases are stages, even with stray spaces in their ids; the deviation
   * D1 comes after the step before it. */
  g_assert_cmpstr (shape, ==, "Application: Fills in the form, Submits the application, Calls to ask where the "
                              "application is | Decision: Sends the offer");

  /* The end user is the persona; the company name refers to the provider. */
  g_assert_cmpuint (jm_document_get_personas (doc)->len, ==, 1);
  g_assert_cmpfloat (score_of (doc, "Kari", "Fills in the form", JM_MAP_STATE_CURRENT), ==, 1);
  g_assert_cmpfloat (score_of (doc, "Kari", "Submits the application", JM_MAP_STATE_CURRENT), ==, -1);
  g_assert_cmpfloat (score_of (doc, "Kari", "Calls to ask where the application is", JM_MAP_STATE_CURRENT), ==, -2);
  g_assert_cmpfloat (score_of (doc, "Kari", "Sends the offer", JM_MAP_STATE_CURRENT), ==, 2);
  g_assert_true (g_str_has_suffix (said, "kindergarten.xml:148: An experience rating outside 1–5 was brought within it, "
                                         "on line 148\n"));

  planned = g_ptr_array_index (lanes, 0);
  actual = g_ptr_array_index (lanes, 1);
  g_assert_cmpstr (planned->title, ==, "Planned touchpoints");
  g_assert_cmpint (planned->kind, ==, JM_LANE_TOUCHPOINTS);
  g_assert_cmpuint (planned->cards->len, ==, 3);
  g_assert_cmpuint (actual->cards->len, ==, 4);
  g_assert_cmpstr (((JmCard *) planned->cards->pdata[1])->text, ==,
                   "Submits the application → Receives the application");
  g_assert_cmpstr (((JmCard *) planned->cards->pdata[0])->text, ==, "Fills in the form");
  g_assert_cmpint (((JmCard *) planned->cards->pdata[1])->channel, ==, JM_CHANNEL_WEBSITE);
  g_assert_cmpint (((JmCard *) planned->cards->pdata[2])->channel, ==, JM_CHANNEL_EMAIL);
  g_assert_cmpint (((JmCard *) actual->cards->pdata[2])->channel, ==, JM_CHANNEL_PHONE);
  g_assert_cmpint (((JmCard *) actual->cards->pdata[3])->channel, ==, JM_CHANNEL_DELIVERY);
  g_assert_cmpint (((JmCard *) actual->cards->pdata[0])->channel, ==, JM_CHANNEL_NONE);
  assert_writes_and_reads_back (doc);
}

static void
test_cjml_planned_journey_alone_is_a_to_be_map_of_one_stage (void)
{
  static const char xml[] =
    "<CJML version=\"2.0\">\n"
    "  <plannedJourney>\n"
    "    <actors>\n"
    "      <endUser actorID=\"u\"><actorName>Ola</actorName></endUser>\n"
    "    </actors>\n"
    "    <touchpoints>\n"
    "      <plannedCommunicationPoint>\n"
    "        <touchpointID>1</touchpointID>\n"
    "        <initiator><refersTo actorIDref=\"nobody\"/><initiatorLabel>Sends SMS</initiatorLabel></initiator>\n"
    "        <receiver><refersTo actorIDref=\"u\"/></receiver>\n"
    "        <channel><channelName>sms</channelName></channel>\n"
    "        <touchpointExperience><experienceRating>5</experienceRating></touchpointExperience>\n"
    "      </plannedCommunicationPoint>\n"
    "    </touchpoints>\n"
    "  </plannedJourney>\n"
    "</CJML>\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_cjml_load_bytes ("sms.xml", xml, strlen (xml), &warnings, &error);
  g_autofree char *said = all_problems (warnings);
  g_autofree char *shape = NULL;

  g_assert_no_error (error);
  shape = outline (doc);
  g_assert_cmpstr (shape, ==, "Journey: Sends SMS");
  g_assert_cmpint (jm_document_get_state (doc), ==, JM_MAP_STATE_FUTURE);
  g_assert_cmpfloat (score_of (doc, "Ola", "Sends SMS", JM_MAP_STATE_FUTURE), ==, 2);
  g_assert_cmpstr (said, ==, "sms.xml:7: Touchpoint “1” refers to the actor “nobody”, whom the journey does not name\n");
  g_assert_cmpstr (((JmCard *) ((JmLane *) jm_document_get_lanes (doc)->pdata[0])->cards->pdata[0])->text, ==,
                   "Sends SMS → Ola");
}

/* The same safety as the .journey reader, and FILE:LINE: problems. */
static void
test_cjml_hostile_and_wrong_files_are_refused_with_lines (void)
{
  static const struct {
    const char *xml;
    const char *said;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE CJML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<CJML>&x;</CJML>\n",
      "evil.xml:2: The file contains a document type declaration (<!DOCTYPE>); it was not read, for safety" },
    { "<CJML version=\"2.0\">\n  <actualJourney>\n</CJML>\n", "evil.xml:3: This is not well-formed XML" },
    { "<CJML version=\"2.0\">\n  <notAJourney/>\n</CJML>\n",
      "evil.xml:1: The file holds no <plannedJourney> and no <actualJourney>" },
    { "<CJML version=\"2.0\">\n  <actualJourney>\n    <touchpoints/>\n  </actualJourney>\n</CJML>\n",
      "evil.xml:1: The journeys have no touchpoints" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(JmDocument) doc = jm_cjml_load_bytes ("evil.xml", cases[i].xml, strlen (cases[i].xml), &problems,
                                                      &error);

      g_test_message ("%s", cases[i].xml);
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, cases[i].said));
    }

  /* Deep nesting stops at the bound, quickly. */
  {
    g_autoptr(GString) deep = g_string_new ("<CJML>");
    g_autoptr(GError) error = NULL;
    g_autoptr(JmDocument) doc = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (deep, "<a>");
    doc = jm_cjml_load_bytes ("deep.xml", deep->str, deep->len, NULL, &error);
    g_assert_null (doc);
    g_assert_nonnull (strstr (error->message, "deep.xml:1:"));
  }
}

/* ---- grid CSV ---- */

static void
test_grid_becomes_a_map (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JmDocument) doc = import_fixture ("shop.grid.csv", &warnings);
  g_autofree char *shape = outline (doc);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  JmLane *actions, *pains;

  g_assert_null (warnings);
  g_assert_cmpstr (jm_document_get_title (doc), ==, "shop");
  g_assert_cmpstr (shape, ==, "Awareness: Sees an ad, Visits the site | Purchase, at last: Pays");
  g_assert_cmpuint (lanes->len, ==, 4);
  actions = g_ptr_array_index (lanes, 0);
  pains = g_ptr_array_index (lanes, 2);
  g_assert_cmpstr (actions->title, ==, "Actions");
  g_assert_cmpint (((JmLane *) lanes->pdata[1])->kind, ==, JM_LANE_TOUCHPOINTS);
  g_assert_cmpint (pains->kind, ==, JM_LANE_PAIN_POINTS);
  g_assert_cmpstr (pains->title, ==, "Pain points");
  /* A lane without a kind named like none is text. */
  g_assert_cmpint (((JmLane *) lanes->pdata[3])->kind, ==, JM_LANE_TEXT);
  /* The row below continues the lane: two cards in "Visits the site". */
  g_assert_cmpuint (actions->cards->len, ==, 4);
  g_assert_cmpstr (((JmCard *) actions->cards->pdata[1])->text, ==, "Reads reviews, many");
  g_assert_cmpstr (((JmCard *) actions->cards->pdata[2])->text, ==, "Compares prices");
  g_assert_cmpstr (((JmCard *) actions->cards->pdata[3])->text, ==, "Pays with \"one click\"");
  g_assert_cmpstr (((JmCard *) pains->cards->pdata[0])->text, ==, "Slow pages\non mobile");
  assert_writes_and_reads_back (doc);
}

static void
test_grid_problems_name_their_lines (void)
{
  static const char csv[] =
    ",Only step\n"
    "Lane [nonsense],a,b\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_grid_load_bytes ("g.csv", csv, strlen (csv), &warnings, &error);
  g_autofree char *said = all_problems (warnings);
  g_autoptr(JmDocument) refused = NULL;
  static const char no_header[] = "Actions [text],a,b\n";

  g_assert_no_error (error);
  g_assert_nonnull (strstr (said, "g.csv:2: “nonsense” is not a kind of lane"));
  g_assert_nonnull (strstr (said, "g.csv:2: The cell in column 3 has no step above it; “b” is left out"));
  g_assert_cmpstr (((JmLane *) jm_document_get_lanes (doc)->pdata[0])->title, ==, "Lane [nonsense]");

  refused = jm_grid_load_bytes ("g.csv", no_header, strlen (no_header), NULL, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "g.csv:1: A grid starts with a row of step names whose first cell is empty");
}

static char *
describe_lanes (JmDocument *doc)
{
  GString *out = g_string_new (NULL);
  GPtrArray *lanes = jm_document_get_lanes (doc);

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      g_string_append_printf (out, "[%s %s]", lane->title, jm_lane_kind_to_string (lane->kind));
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          g_string_append_printf (out, " %d:%s", jm_document_get_step_column (doc, card->step_id), card->text);
        }
    }
  return g_string_free (out, FALSE);
}

/* Export, then import: the same stages, steps, lanes and cards. */
static void
test_grid_export_round_trips (void)
{
  g_autoptr(JmDocument) doc = make_round_trip_map ();
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before_shape = NULL;
  g_autofree char *after_shape = NULL;
  g_autofree char *before_lanes = NULL;
  g_autofree char *after_lanes = NULL;
  JmLane *notes = jm_lane_new ("notes", JM_LANE_TEXT, "Notes [draft]");
  gsize len;

  g_ptr_array_add (notes->cards, jm_card_new ("n1", "buy", "Two, with \"quotes\"\nand a line break"));
  g_ptr_array_add (notes->cards, jm_card_new ("n2", "buy", "  A second card in the cell  "));
  g_ptr_array_add (notes->cards, jm_card_new ("n3", "title", "Last"));
  jm_document_build_lane (doc, notes);
  jm_document_build_lane (doc, jm_lane_new ("empty", JM_LANE_OPPORTUNITIES, ""));
  before_shape = outline (doc);
  before_lanes = describe_lanes (doc);

  text = jm_grid_to_string (doc, &len);
  g_assert_true (g_str_has_prefix (text, ",Before the trip,,On the train,\n"
                                         ",Buys a ticket,Waits on the platform,Rides,Title page of the ticket\n"
                                         "Pain points [pain-points],,The train is late,,\n"));
  again = jm_grid_load_bytes ("again.grid.csv", text, len, NULL, &error);
  g_assert_no_error (error);
  after_shape = outline (again);
  after_lanes = describe_lanes (again);
  g_assert_cmpstr (after_shape, ==, before_shape);
  g_assert_cmpstr (after_lanes, ==, before_lanes);
}

/* ---- one door for all ---- */

static void
test_the_format_is_told_from_the_content (void)
{
  static const struct {
    const char    *name;
    const char    *text;
    JmImportFormat format;
  } cases[] = {
    { "x.txt", "%% hi\njourney\n  section A\n    T: 3: Me\n", JM_IMPORT_FORMAT_MERMAID },
    { "x.journey", "\n\njourney\n", JM_IMPORT_FORMAT_MERMAID },
    { "x.txt", "# Title\n\n```mermaid\njourney\n```\n", JM_IMPORT_FORMAT_MARKDOWN },
    { "x.journey", "<?xml version=\"1.0\"?>\n<!-- c -->\n<cj:CJML xmlns:cj=\"urn:x\"/>", JM_IMPORT_FORMAT_CJML },
    { "x.xml", "<journey-map xmlns=\"urn:journey-maps:1\"/>", JM_IMPORT_FORMAT_JOURNEY },
    { "x.txt", ",A,B\nLane,c,d\n", JM_IMPORT_FORMAT_GRID },
    { "x.txt", "Lane name,A,B\nActions [text],c,d\n", JM_IMPORT_FORMAT_GRID },
    { "x.csv", "Timestamp,How was it?\n1/1/2026 1:00:00,5\n", JM_IMPORT_FORMAT_SURVEY },
    { "x.csv", "touchpoint,metric,score\nweb,nps,9\n", JM_IMPORT_FORMAT_SURVEY },
    { "x.mmd", "graph TD\n", JM_IMPORT_FORMAT_MERMAID },
    { "x.md", "no diagram here\n", JM_IMPORT_FORMAT_MARKDOWN },
    { "x.journey", "garbage", JM_IMPORT_FORMAT_JOURNEY },
    { "x.journey", "", JM_IMPORT_FORMAT_JOURNEY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s: %s", cases[i].name, cases[i].text);
      g_assert_cmpint (jm_import_detect (cases[i].name, cases[i].text, strlen (cases[i].text)), ==, cases[i].format);
    }
}

static void
test_survey_responses_are_no_map (void)
{
  static const char csv[] = "Timestamp,How was it?\n1/1/2026 1:00:00,5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JmDocument) doc = jm_import_load_bytes ("answers.csv", csv, strlen (csv), &problems, &error);

  g_assert_null (doc);
  g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_NOT_A_MAP);
  g_assert_nonnull (strstr (error->message, "answers.csv: This file holds survey responses, not a map"));
  g_assert_cmpuint (problems->len, ==, 1);
}

/* A .journey read through the door is the reader's, clean and saved. */
static void
test_a_journey_file_reads_as_before (void)
{
  g_autofree char *path = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples", "online-shop.journey", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JmDocument) doc = jm_import_load_path (path, &problems, &error);

  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_false (jm_history_is_modified (jm_document_get_history (doc)));
}

/* ---- what the fuzzers found ---- */

static void
assert_exports_read_back (JmDocument *doc)
{
  g_autofree char *mermaid = NULL;
  g_autofree char *grid = NULL;
  g_autoptr(JmDocument) from_mermaid = NULL;
  g_autoptr(JmDocument) from_grid = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  assert_writes_and_reads_back (doc);
  mermaid = jm_mermaid_to_string (doc, &len);
  from_mermaid = jm_mermaid_load_bytes ("again.mmd", mermaid, len, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jm_document_get_n_steps (from_mermaid), ==, jm_document_get_n_steps (doc));
  g_assert_cmpuint (jm_document_get_stages (from_mermaid)->len, ==, jm_document_get_stages (doc)->len);
  grid = jm_grid_to_string (doc, &len);
  from_grid = jm_grid_load_bytes ("again.grid.csv", grid, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jm_document_get_n_steps (from_grid), ==, jm_document_get_n_steps (doc));
  g_assert_cmpuint (jm_document_get_stages (from_grid)->len, ==, jm_document_get_stages (doc)->len);
}

/* Every input a fuzz target (tests/fuzz/fuzz-mermaid.c, -cjml, -grid)
 * broke an importer with, kept in tests/io/import-findings/ by kind:
 * each gives a map or a reason, and a map's exports read back. */
static void
test_fuzzer_findings_import_safely (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("JM_TEST_IO_DIR"), "import-findings", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) doc = NULL;
      gsize len;

      g_test_message ("fuzzer finding %s", name);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      if (g_str_has_suffix (name, ".mmd"))
        doc = jm_mermaid_load_bytes (name, data, len, FALSE, &problems, &error);
      else if (g_str_has_suffix (name, ".xml"))
        doc = jm_cjml_load_bytes (name, data, len, &problems, &error);
      else if (g_str_has_suffix (name, ".grid.csv"))
        doc = jm_grid_load_bytes (name, data, len, &problems, &error);
      else
        continue;
      n++;
      if (doc == NULL)
        {
          g_assert_nonnull (error);
          g_assert_nonnull (problems);
          continue;
        }
      assert_exports_read_back (doc);
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/mermaid/journey-becomes-a-map", test_mermaid_journey_becomes_a_map);
  g_test_add_func ("/import/mermaid/clamps-scores-outside-one-to-five",
                   test_mermaid_scores_outside_one_to_five_are_clamped_with_one_warning);
  g_test_add_func ("/import/mermaid/refuses-what-mermaid-refuses", test_mermaid_refuses_what_mermaid_refuses);
  g_test_add_func ("/import/mermaid/markdown-first-mermaid-block", test_markdown_first_mermaid_block_is_read);
  g_test_add_func ("/import/mermaid/export-round-trips", test_mermaid_export_round_trips);
  g_test_add_func ("/import/mermaid/export-says-what-it-cannot-hold", test_mermaid_export_says_what_it_cannot_hold);
  g_test_add_func ("/import/cjml/planned-and-actual-become-both-curves",
                   test_cjml_planned_and_actual_journeys_become_both_curves);
  g_test_add_func ("/import/cjml/planned-alone-is-a-to-be-map-of-one-stage",
                   test_cjml_planned_journey_alone_is_a_to_be_map_of_one_stage);
  g_test_add_func ("/import/cjml/hostile-and-wrong-files-are-refused-with-lines",
                   test_cjml_hostile_and_wrong_files_are_refused_with_lines);
  g_test_add_func ("/import/grid/becomes-a-map", test_grid_becomes_a_map);
  g_test_add_func ("/import/grid/problems-name-their-lines", test_grid_problems_name_their_lines);
  g_test_add_func ("/import/grid/export-round-trips", test_grid_export_round_trips);
  g_test_add_func ("/import/detect/format-is-told-from-the-content", test_the_format_is_told_from_the_content);
  g_test_add_func ("/import/detect/survey-responses-are-no-map", test_survey_responses_are_no_map);
  g_test_add_func ("/import/detect/a-journey-file-reads-as-before", test_a_journey_file_reads_as_before);

  g_test_add_func ("/import/fuzzer-findings-import-safely", test_fuzzer_findings_import_safely);

  return g_test_run ();
}
