/* test-map-csv.c — the whole map as a long-form CSV: the rows it writes,
 * the round trip of every shipped example (export, import through the one
 * entry point, the same map field by field, the same bytes again), and
 * what bad rows become. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jm-import.h"
#include "jm-map-csv.h"
#include "jm-test-utils.h"

/* ---- comparing two maps in every field the CSV carries ---- */

static const char *
persona_name (JmDocument *doc,
              const char *id)
{
  JmPersona *persona = jm_document_find_persona (doc, id);

  g_assert_nonnull (persona);
  return persona->name;
}

static void
assert_same_metrics (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      JmMetric *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpint (x->higher_is_better, ==, y->higher_is_better);
      g_assert_cmpfloat (x->value, ==, y->value);
      g_assert_cmpint (x->has_target, ==, y->has_target);
      if (x->has_target)
        g_assert_cmpfloat (x->target, ==, y->target);
      g_assert_cmpuint (x->sample_size, ==, y->sample_size);
      g_assert_cmpstr (x->date, ==, y->date);
    }
}

static void
assert_same_map (JmDocument *a,
                 JmDocument *b)
{
  GPtrArray *pa = jm_document_get_personas (a), *pb = jm_document_get_personas (b);
  GPtrArray *sa = jm_document_get_stages (a), *sb = jm_document_get_stages (b);
  GPtrArray *la = jm_document_get_lanes (a), *lb = jm_document_get_lanes (b);
  GPtrArray *ea = jm_document_get_emotions (a), *eb = jm_document_get_emotions (b);

  g_assert_cmpstr (jm_document_get_title (a), ==, jm_document_get_title (b));
  g_assert_cmpint (jm_document_get_state (a), ==, jm_document_get_state (b));

  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    g_assert_cmpstr (((JmPersona *) g_ptr_array_index (pa, i))->name, ==,
                     ((JmPersona *) g_ptr_array_index (pb, i))->name);

  g_assert_cmpuint (sa->len, ==, sb->len);
  for (guint s = 0; s < sa->len; s++)
    {
      JmStage *x = g_ptr_array_index (sa, s), *y = g_ptr_array_index (sb, s);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpuint (x->steps->len, ==, y->steps->len);
      for (guint t = 0; t < x->steps->len; t++)
        g_assert_cmpstr (((JmStep *) g_ptr_array_index (x->steps, t))->name, ==,
                         ((JmStep *) g_ptr_array_index (y->steps, t))->name);
      assert_same_metrics (x->metrics, y->metrics);
    }

  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint l = 0; l < la->len; l++)
    {
      JmLane *x = g_ptr_array_index (la, l), *y = g_ptr_array_index (lb, l);

      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpuint (x->cards->len, ==, y->cards->len);
      for (guint c = 0; c < x->cards->len; c++)
        {
          JmCard *p = g_ptr_array_index (x->cards, c), *q = g_ptr_array_index (y->cards, c);
          guint np = p->personas ? g_strv_length (p->personas) : 0;
          guint nq = q->personas ? g_strv_length (q->personas) : 0;

          g_assert_cmpstr (p->text, ==, q->text);
          g_assert_cmpint (jm_document_get_step_column (a, p->step_id), ==,
                           jm_document_get_step_column (b, q->step_id));
          g_assert_cmpuint (p->span, ==, q->span);
          g_assert_cmpint (p->channel, ==, q->channel);
          g_assert_cmpint (p->moment_of_truth, ==, q->moment_of_truth);
          g_assert_cmpint (p->severity, ==, q->severity);
          g_assert_cmpint (p->priority, ==, q->priority);
          g_assert_cmpstr (p->owner, ==, q->owner);
          g_assert_cmpint (p->evidence, ==, q->evidence);
          g_assert_cmpuint (np, ==, nq);
          for (guint i = 0; i < np; i++)
            g_assert_cmpstr (persona_name (a, p->personas[i]), ==, persona_name (b, q->personas[i]));
          assert_same_metrics (p->metrics, q->metrics);
        }
    }

  g_assert_cmpuint (ea->len, ==, eb->len);
  for (guint e = 0; e < ea->len; e++)
    {
      JmEmotion *x = g_ptr_array_index (ea, e), *y = g_ptr_array_index (eb, e);

      g_assert_cmpstr (persona_name (a, x->persona_id), ==, persona_name (b, y->persona_id));
      g_assert_cmpint (jm_document_get_step_column (a, x->step_id), ==, jm_document_get_step_column (b, y->step_id));
      g_assert_cmpint (x->curve, ==, y->curve);
      g_assert_cmpfloat (x->score, ==, y->score);
    }
}

static JmDocument *
import_text (const char  *name,
             const char  *text,
             GPtrArray  **problems)
{
  g_autoptr(GError) error = NULL;
  JmDocument *doc;

  g_assert_cmpint (jm_import_detect (name, text, strlen (text)), ==, JM_IMPORT_FORMAT_MAP_CSV);
  doc = jm_import_load_bytes (name, text, strlen (text), problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* ---- tests ---- */

/* A small map with a field of every kind set. */
static JmDocument *
rich_map (void)
{
  JmDocument *doc = jm_test_small_map ();
  JmLane *touch = jm_document_find_lane (doc, "touch");
  JmCard *web = g_ptr_array_index (touch->cards, 0);
  JmStage *b = jm_document_find_stage (doc, "b");
  JmMetric *nps = jm_metric_new ("m1", JM_METRIC_NPS, 42);
  JmMetric *wait = jm_metric_new ("m2", JM_METRIC_CUSTOM, 12.5);

  /* Building, before anyone sees the map: as a reader would. */
  web->channel = JM_CHANNEL_WEBSITE;
  web->moment_of_truth = TRUE;
  web->evidence = JM_EVIDENCE_RESEARCH;
  web->personas = g_strsplit ("p1,p2", ",", -1);
  nps->has_target = TRUE;
  nps->target = 50;
  nps->sample_size = 120;
  nps->date = g_strdup ("2026-11-30");
  g_ptr_array_add (web->metrics, nps);
  wait->name = g_strdup ("Wait, at the till");
  wait->unit = g_strdup ("min");
  wait->higher_is_better = FALSE;
  g_ptr_array_add (b->metrics, wait);
  return doc;
}

static void
test_writes_one_row_per_record (void)
{
  g_autoptr(JmDocument) doc = rich_map ();
  g_autofree char *csv = jm_map_csv_to_string (doc, NULL);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  g_assert_true (g_str_has_suffix (csv, "\n"));
  g_assert_cmpstr (lines[0], ==,
                   "record,stage,column,step,lane,lane_kind,text,span,channel,moment_of_truth,severity,priority,"
                   "owner,evidence,personas,state,score,metric_kind,metric_name,metric_unit,metric_better,"
                   "metric_value,metric_target,metric_sample,metric_date");
  g_assert_cmpstr (lines[1], ==, "map,,,,,,Bike repair,,,,,,,,,as-is,,,,,,,,,");
  g_assert_cmpstr (lines[2], ==, "persona,,,,,,,,,,,,,,Giulia,,,,,,,,,,");
  g_assert_cmpstr (lines[4], ==, "stage,Awareness,,,,,,,,,,,,,,,,,,,,,,,");
  g_assert_cmpstr (lines[5], ==, "step,Awareness,1,Sees ad,,,,,,,,,,,,,,,,,,,,,");
  g_assert_cmpstr (lines[7], ==, "stage,Purchase,,,,,,,,,,,,,,,,,,,,,,,");
  /* A stage's own metric: no lane, a name with a comma quoted. */
  g_assert_cmpstr (lines[8], ==, "metric,Purchase,,,,,,,,,,,,,,,,custom,\"Wait, at the till\",min,lower,12.5,,,");
  g_assert_cmpstr (lines[9], ==, "step,Purchase,3,Buys,,,,,,,,,,,,,,,,,,,,,");
  g_assert_cmpstr (lines[10], ==, "lane,,,,Actions,text,,,,,,,,,,,,,,,,,,,");
  g_assert_cmpstr (lines[11], ==,
                   "card,Awareness,1,Sees ad,Actions,text,\"Sees an ad, then searches\",2,,,,,,,,,,,,,,,,,");
  /* A touchpoint with its fields, then its metric. */
  g_assert_cmpstr (lines[14], ==,
                   "card,Awareness,2,Searches,Touchpoints,touchpoints,Website,1,website,yes,,,,research,"
                   "\"Giulia; Marco\",,,,,,,,,,");
  g_assert_cmpstr (lines[15], ==,
                   "metric,Awareness,2,Searches,Touchpoints,touchpoints,Website,,,,,,,,,,,nps,,,,42,50,120,2026-11-30");
  g_assert_cmpstr (lines[17], ==, "emotion,Awareness,1,Sees ad,,,,,,,,,,,Giulia,as-is,-1,,,,,,,,");
  g_assert_cmpstr (lines[18], ==, "emotion,Awareness,2,Searches,,,,,,,,,,,Giulia,as-is,1,,,,,,,,");
  g_assert_cmpstr (lines[19], ==, "");
  g_assert_null (lines[20]);
}

static void
test_rich_map_round_trips (void)
{
  g_autoptr(JmDocument) doc = rich_map ();
  g_autofree char *csv = jm_map_csv_to_string (doc, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JmDocument) back = import_text ("rich.csv", csv, &problems);
  g_autofree char *again = jm_map_csv_to_string (back, NULL);

  g_assert_null (problems);
  assert_same_map (doc, back);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_every_example_round_trips (void)
{
  g_autofree char *dir_path = jm_test_example_path ("");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(JmDocument) doc = NULL;
      g_autoptr(JmDocument) back = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *csv = NULL, *again = NULL;

      if (!g_str_has_suffix (name, ".journey"))
        continue;
      g_test_message ("%s", name);
      doc = jm_test_load_example (name);
      csv = jm_map_csv_to_string (doc, NULL);
      back = import_text (name, csv, &problems);
      g_assert_null (problems);
      assert_same_map (doc, back);
      again = jm_map_csv_to_string (back, NULL);
      g_assert_cmpstr (again, ==, csv);
      /* The examples have every kind of row. */
      g_assert_nonnull (strstr (csv, "\ncard,"));
      g_assert_nonnull (strstr (csv, "\nmetric,"));
      g_assert_nonnull (strstr (csv, "\nemotion,"));
      n++;
    }
  g_assert_cmpuint (n, >=, 6);
}

static void
test_a_spreadsheets_semicolons_and_decimal_commas_read (void)
{
  const char *text =
    "\xef\xbb\xbfrecord;stage;column;step;lane;lane_kind;text;metric_kind;metric_value;state;score;personas\r\n"
    "persona;;;;;;;;;;;Anna\r\n"
    "stage;Scelta;;;;;;;;;;\r\n"
    "step;Scelta;1;Cerca;;;;;;;;\r\n"
    "lane;;;;Contatti;touchpoints;;;;;;\r\n"
    "card;Scelta;1;Cerca;Contatti;touchpoints;Sito;;;;;\r\n"
    "metric;Scelta;1;Cerca;Contatti;touchpoints;Sito;csat;78,5;;;\r\n"
    "emotion;Scelta;1;Cerca;;;;;;to-be;0,5;Anna\r\n";
  g_autoptr(JmDocument) doc = import_text ("sheet.csv", text, NULL);
  JmLane *lane = g_ptr_array_index (jm_document_get_lanes (doc), 0);
  JmCard *card = g_ptr_array_index (lane->cards, 0);
  JmEmotion *emotion = g_ptr_array_index (jm_document_get_emotions (doc), 0);

  /* No map row: the title is the file's name. */
  g_assert_cmpstr (jm_document_get_title (doc), ==, "sheet");
  g_assert_cmpint (lane->kind, ==, JM_LANE_TOUCHPOINTS);
  g_assert_cmpstr (card->text, ==, "Sito");
  g_assert_cmpfloat (((JmMetric *) g_ptr_array_index (card->metrics, 0))->value, ==, 78.5);
  g_assert_cmpint (emotion->curve, ==, JM_MAP_STATE_FUTURE);
  g_assert_cmpfloat (emotion->score, ==, 0.5);
}

static void
test_bad_rows_are_left_out_with_their_lines (void)
{
  const char *text =
    "record,stage,column,step,lane,lane_kind,text,metric_kind,metric_value,personas,score\n"
    "stage,A,,,,,,,,,\n"
    "step,A,1,S,,,,,,,\n"
    "lane,,,,L,text,,,,,\n"
    "card,A,7,S,L,text,far,,,,\n"
    "card,A,1,S,Nowhere,text,lost,,,,\n"
    "metric,A,1,S,L,text,x,nps,150,,\n"
    "emotion,A,1,S,,,,,,Nobody,1\n"
    "thing,,,,,,,,,,\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JmDocument) doc = import_text ("bad.csv", text, &problems);
  static const char *expected[] = {
    "bad.csv:5: The column “7” is not one of the steps (1 to 1); the row is left out",
    "bad.csv:6: There is no lane “Nowhere” before this card; the row is left out",
    "bad.csv:7: This metric follows no card; the row is left out",
    "bad.csv:8: There is no persona “Nobody”; the emotion is left out",
    "bad.csv:9: “thing” is no kind of record (map, persona, stage, step, lane, card, metric or emotion); "
    "the row is left out",
  };

  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *said = jm_problem_format (g_ptr_array_index (problems, i));

      g_assert_cmpstr (said, ==, expected[i]);
    }
  g_assert_cmpuint (jm_document_get_n_cards (doc), ==, 0);
}

static void
test_a_span_past_the_last_step_ends_there (void)
{
  const char *text =
    "record,stage,column,step,lane,lane_kind,text,span,metric_kind\n"
    "stage,A,,,,,,,\n"
    "step,A,1,S,,,,,\n"
    "step,A,2,T,,,,,\n"
    "lane,,,,L,text,,,\n"
    "card,A,2,T,L,text,wide,5,\n"
    "card,A,1,S,L,text,fits,2,\n";
  g_autoptr(JmDocument) doc = import_text ("span.csv", text, NULL);
  JmLane *lane = g_ptr_array_index (jm_document_get_lanes (doc), 0);

  /* Found by fuzz-map-csv: a map whose .journey would not read back. */
  g_assert_cmpuint (((JmCard *) g_ptr_array_index (lane->cards, 0))->span, ==, 1);
  g_assert_cmpuint (((JmCard *) g_ptr_array_index (lane->cards, 1))->span, ==, 2);
}

static void
test_a_map_without_steps_is_refused (void)
{
  const char *text = "record,stage,lane,lane_kind,metric_kind\nstage,A,,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_import_load_bytes ("empty.csv", text, strlen (text), NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "empty.csv: The file has no step rows: a map needs at least one step");
}

static void
test_other_csv_files_are_not_taken_for_it (void)
{
  static const char *grid = ",A,B\nLane [text],c,d\n";
  static const char *survey = "touchpoint,metric,score\nweb,nps,9\n";
  /* "record" first, but none of the long form's own columns. */
  static const char *other = "record,value\n1,2\n";

  g_assert_cmpint (jm_import_detect ("x.csv", grid, strlen (grid)), ==, JM_IMPORT_FORMAT_GRID);
  g_assert_cmpint (jm_import_detect ("x.csv", survey, strlen (survey)), ==, JM_IMPORT_FORMAT_SURVEY);
  g_assert_cmpint (jm_import_detect ("x.csv", other, strlen (other)), !=, JM_IMPORT_FORMAT_MAP_CSV);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-csv/export/writes-one-row-per-record", test_writes_one_row_per_record);
  g_test_add_func ("/map-csv/round-trip/every-field-of-a-rich-map", test_rich_map_round_trips);
  g_test_add_func ("/map-csv/round-trip/every-example", test_every_example_round_trips);
  g_test_add_func ("/map-csv/import/semicolons-and-decimal-commas", test_a_spreadsheets_semicolons_and_decimal_commas_read);
  g_test_add_func ("/map-csv/import/bad-rows-are-left-out-with-their-lines", test_bad_rows_are_left_out_with_their_lines);
  g_test_add_func ("/map-csv/import/a-span-past-the-last-step-ends-there", test_a_span_past_the_last_step_ends_there);
  g_test_add_func ("/map-csv/import/a-map-without-steps-is-refused", test_a_map_without_steps_is_refused);
  g_test_add_func ("/map-csv/detect/other-csv-files-are-not-taken-for-it", test_other_csv_files_are_not_taken_for_it);
  return g_test_run ();
}
