/* test-survey.c — survey tools' wide exports: each tool's layout told
 * from its header rows and said, each question's scale, the target a
 * question naming a touchpoint proposes, the mapping saved in the map and
 * used again, dates and sample sizes, messy files, and applying as one
 * undo step. The fixtures in tests/io/surveys/ follow each tool's
 * header layout. */
#include "config.h"

#include <libxml/relaxng.h>
#include <math.h>
#include <string.h>

#include "jm-reader.h"
#include "jm-survey.h"
#include "jm-test-utils.h"
#include "jm-writer.h"

/* Three stages; touchpoints named as the fixtures' questions name them
 * (in other cases and spacing); a Thoughts lane for verbatims. */
static JmDocument *
make_document (void)
{
  JmDocument *doc = jm_document_new ();
  JmStage *awareness = jm_stage_new ("awareness", "Awareness");
  JmStage *purchase = jm_stage_new ("purchase", "Purchase");
  JmStage *advocacy = jm_stage_new ("advocacy", "Advocacy");
  JmLane *touch = jm_lane_new ("touch", JM_LANE_TOUCHPOINTS, "Touchpoints");
  JmLane *thoughts = jm_lane_new ("thoughts", JM_LANE_TEXT, "Thoughts");
  JmCard *site = jm_card_new ("site", "s1", "Web  site");
  JmCard *app = jm_card_new ("app", "s2", "Mobile App");
  JmCard *counter = jm_card_new ("counter", "s3", "Shop counter");

  jm_document_build_header (doc, "Buying a bike at Bici Rossi", NULL, NULL, JM_MAP_STATE_CURRENT);
  g_ptr_array_add (awareness->steps, jm_step_new ("s1", "Looks for a bike online"));
  g_ptr_array_add (purchase->steps, jm_step_new ("s2", "Orders on the app"));
  g_ptr_array_add (purchase->steps, jm_step_new ("s3", "Picks it up at the shop"));
  g_ptr_array_add (advocacy->steps, jm_step_new ("s4", "Tells friends about it"));
  jm_document_build_stage (doc, awareness);
  jm_document_build_stage (doc, purchase);
  jm_document_build_stage (doc, advocacy);
  /* "Web  site": the question says "website"; spacing and case differ. */
  g_ptr_array_add (touch->cards, site);
  g_ptr_array_add (touch->cards, app);
  g_ptr_array_add (touch->cards, counter);
  g_ptr_array_add (counter->metrics, jm_metric_new ("m-old", JM_METRIC_CES, 6));
  jm_document_build_lane (doc, touch);
  jm_document_build_lane (doc, thoughts);
  jm_document_build_persona (doc, jm_persona_new ("giulia", "Giulia"));
  return doc;
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("JM_TEST_IO_DIR"), "surveys", name, NULL);
}

static JmSurveyImport *
load_fixture (JmDocument *doc,
              const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  JmSurveyImport *import = jm_survey_import_load_path (doc, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static JmSurveyImport *
load_text (JmDocument *doc,
           const char *csv)
{
  g_autoptr(GError) error = NULL;
  JmSurveyImport *import = jm_survey_import_load_bytes (doc, "answers.csv", csv, strlen (csv), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static JmSurveyQuestion *
question (JmSurveyImport *import,
          const char     *header)
{
  for (guint i = 0; i < import->questions->len; i++)
    {
      JmSurveyQuestion *q = g_ptr_array_index (import->questions, i);

      if (g_str_equal (q->header, header))
        return q;
    }
  g_error ("no question “%s”", header);
}

static const JmSurveyResult *
result_of (GPtrArray  *results,
           const char *header)
{
  for (guint i = 0; i < results->len; i++)
    {
      const JmSurveyResult *r = g_ptr_array_index (results, i);

      if (g_str_equal (r->question->header, header))
        return r;
    }
  return NULL;
}

static JmMetric *
metric_of (GPtrArray   *metrics,
           JmMetricKind kind)
{
  for (guint i = 0; i < metrics->len; i++)
    if (((JmMetric *) g_ptr_array_index (metrics, i))->kind == kind)
      return g_ptr_array_index (metrics, i);
  return NULL;
}

static JmSurveyField *
make_field (JmSurveyTarget target,
            const char    *id,
            JmMetricKind   kind)
{
  JmSurveyField *field = jm_survey_field_new (NULL);

  field->target = target;
  field->target_id = g_strdup (id);
  field->kind = kind;
  return field;
}

static void
assert_target (JmSurveyQuestion *q,
               JmSurveyTarget    target,
               const char       *id,
               JmMetricKind      kind)
{
  g_assert_cmpint (q->field->target, ==, target);
  g_assert_cmpstr (q->field->target_id, ==, id);
  if (target != JM_SURVEY_TARGET_NONE)
    g_assert_cmpint (q->field->kind, ==, kind);
}

#define NPS_Q "How likely are you to recommend Bici Rossi to a friend?"
#define CSAT_Q "How satisfied were you with the website?"
#define CES_Q "How easy was it to pay at the shop counter, from 1 to 7?"

static void
test_google_forms_is_read_and_said (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "google-forms.csv");
  g_autofree char *said = jm_survey_import_describe (import);

  g_assert_cmpint (import->layout, ==, JM_SURVEY_LAYOUT_GOOGLE_FORMS);
  g_assert_cmpuint (import->header_rows, ==, 1);
  g_assert_cmpuint (import->n_responses, ==, 5);
  /* Timestamp and Email Address are the respondent's, not questions. */
  g_assert_cmpuint (import->questions->len, ==, 5);
  g_assert_cmpstr (import->date_header, ==, "Timestamp");
  /* M/D/YYYY: 10/15/2026 is the 15th of October. */
  g_assert_cmpstr (import->first_date, ==, "2026-10-01");
  g_assert_cmpstr (import->last_date, ==, "2026-10-15");
  g_assert_nonnull (strstr (said, "Google Forms"));
  g_assert_nonnull (strstr (said, "5 responses"));
  g_assert_nonnull (strstr (said, "“Timestamp”"));

  g_assert_cmpint (question (import, NPS_Q)->scale, ==, JM_SURVEY_SCALE_NPS);
  g_assert_cmpint (question (import, CSAT_Q)->scale, ==, JM_SURVEY_SCALE_CSAT);
  g_assert_cmpint (question (import, CES_Q)->scale, ==, JM_SURVEY_SCALE_CES);
  /* Checkbox answers, joined by ", ", and free text are words. */
  g_assert_cmpint (question (import, "Which channels did you use?")->scale, ==, JM_SURVEY_SCALE_TEXT);
  g_assert_cmpint (question (import, "Anything else you want to tell us?")->scale, ==, JM_SURVEY_SCALE_TEXT);
  g_assert_cmpuint (question (import, "Anything else you want to tell us?")->n_answers, ==, 3);
  g_assert_cmpuint (import->problems->len, ==, 0);
}

/* Each tool's own header rows, and the questions they give. */
static void
test_each_tool_layout_is_told_from_its_headers (void)
{
  static const struct {
    const char    *file;
    JmSurveyLayout layout;
    guint          header_rows;
    guint          responses;
    guint          questions;
    const char    *date_header;
    const char    *last_date;
  } cases[] = {
    { "microsoft-forms.csv", JM_SURVEY_LAYOUT_MICROSOFT_FORMS, 1, 3, 4, "Completion time", "2026-10-09" },
    /* The preview response is left out. */
    { "qualtrics.csv", JM_SURVEY_LAYOUT_QUALTRICS, 3, 3, 4, "RecordedDate", "2026-10-21" },
    { "qualtrics-legacy.csv", JM_SURVEY_LAYOUT_QUALTRICS_LEGACY, 2, 2, 2, "EndDate", "2026-10-04" },
    { "surveymonkey.csv", JM_SURVEY_LAYOUT_SURVEYMONKEY, 2, 2, 4, "End Date", "2026-10-17" },
    { "typeform.csv", JM_SURVEY_LAYOUT_TYPEFORM, 1, 2, 3, "Submit Date (UTC)", "2026-10-06" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JmDocument) doc = make_document ();
      g_autoptr(JmSurveyImport) import = load_fixture (doc, cases[i].file);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpint (import->layout, ==, cases[i].layout);
      g_assert_cmpuint (import->header_rows, ==, cases[i].header_rows);
      g_assert_cmpuint (import->n_responses, ==, cases[i].responses);
      g_assert_cmpuint (import->questions->len, ==, cases[i].questions);
      g_assert_cmpstr (import->date_header, ==, cases[i].date_header);
      g_assert_cmpstr (import->last_date, ==, cases[i].last_date);
      g_assert_cmpuint (import->problems->len, ==, 0);
    }
}

static void
test_qualtrics_columns_are_keyed_by_their_codes (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "qualtrics.csv");
  JmSurveyQuestion *q1 = question (import, "Q1");

  /* The code is the key; the text of the second row is what people read. */
  g_assert_cmpstr (q1->question, ==, "How likely is it that you would recommend Bici Rossi to a friend or colleague?");
  g_assert_cmpint (q1->scale, ==, JM_SURVEY_SCALE_NPS);
  /* 1–7 with "easy" in the question: CES; and it names the website. */
  g_assert_cmpint (question (import, "Q3_1")->scale, ==, JM_SURVEY_SCALE_CES);
  assert_target (question (import, "Q3_1"), JM_SURVEY_TARGET_CARD, "site", JM_METRIC_CES);
  assert_target (question (import, "Q2"), JM_SURVEY_TARGET_CARD, "counter", JM_METRIC_CSAT);
  g_assert_cmpint (question (import, "Q4")->scale, ==, JM_SURVEY_SCALE_TEXT);
  g_assert_cmpuint (import->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (import->notes, 0), "preview or test"));
}

static void
test_surveymonkey_questions_of_several_columns_are_keyed_by_answer (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "surveymonkey.csv");
  JmSurveyQuestion *site = question (import, "How satisfied were you with each of these? / Website");
  JmSurveyQuestion *counter = question (import, "How satisfied were you with each of these? / Shop counter");

  g_assert_cmpint (site->scale, ==, JM_SURVEY_SCALE_CSAT);
  assert_target (site, JM_SURVEY_TARGET_CARD, "site", JM_METRIC_CSAT);
  assert_target (counter, JM_SURVEY_TARGET_CARD, "counter", JM_METRIC_CSAT);
  /* "Response" and "Open-Ended Response" add nothing to the key. */
  g_assert_cmpint (question (import, "What could we do better?")->scale, ==, JM_SURVEY_SCALE_TEXT);
}

static void
test_qualtrics_legacy_export_with_bom_and_trailing_column (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "qualtrics-legacy.csv");

  /* V1…V10 are the respondent's; the empty last column is nothing. */
  g_assert_cmpstr (question (import, "Q1")->question, ==, "How likely are you to recommend us to a friend?");
  assert_target (question (import, "Q2"), JM_SURVEY_TARGET_CARD, "app", JM_METRIC_CSAT);
}

/* A question naming a touchpoint preselects it, forgiving of case,
 * spacing and accents; one naming none proposes nothing; one naming a
 * stage, the stage. */
static void
test_question_naming_a_touchpoint_preselects_it (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "google-forms.csv");
  g_autoptr(JmSurveyImport) stages = NULL;

  /* "website" names the card "Web  site". */
  assert_target (question (import, CSAT_Q), JM_SURVEY_TARGET_CARD, "site", JM_METRIC_CSAT);
  assert_target (question (import, CES_Q), JM_SURVEY_TARGET_CARD, "counter", JM_METRIC_CES);
  assert_target (question (import, NPS_Q), JM_SURVEY_TARGET_NONE, NULL, JM_METRIC_NPS);
  assert_target (question (import, "Anything else you want to tell us?"), JM_SURVEY_TARGET_NONE, NULL, 0);

  /* So do "WEB SITE" in capitals and "mobile   app", and a stage's name. */
  stages = load_text (doc,
                      "Timestamp,How was the WEB SITE?,Rate the mobile   app,\"After your purchase, how satisfied were you?\"\n"
                      "10/1/2026 9:00:00,4,5,3\n"
                      "10/2/2026 9:00:00,2,3,5\n");
  assert_target (question (stages, "How was the WEB SITE?"), JM_SURVEY_TARGET_CARD, "site", JM_METRIC_CSAT);
  assert_target (question (stages, "Rate the mobile   app"), JM_SURVEY_TARGET_CARD, "app", JM_METRIC_CSAT);
  assert_target (question (stages, "After your purchase, how satisfied were you?"), JM_SURVEY_TARGET_STAGE,
                 "purchase", JM_METRIC_CSAT);
}

/* Real questions name a touchpoint in a few words of their own, not by
 * its card's whole sentence: shared words, then the channel they name,
 * choose the card. Two words at least: one alone proposes nothing. */
static void
test_question_sharing_words_or_a_channel_preselects_a_touchpoint (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmSurveyImport) import = NULL;

  import = load_text (doc,
                      "Timestamp,How satisfied were you with our website?,"
                      "\"How easy was it to book for a group by phone, from 1 to 7?\","
                      "How satisfied were you with the welcome at the door?,"
                      "How easy was it to agree the set menu by email?,"
                      "How likely are you to recommend Trattoria da Lucia to a friend?\n"
                      "11/2/2026 19:15:02,4,2,5,3,10\n"
                      "11/3/2026 20:40:11,2,3,4,4,9\n");
  /* "website": the website's card, by its channel. */
  assert_target (question (import, "How satisfied were you with our website?"), JM_SURVEY_TARGET_CARD, "c-9",
                 JM_METRIC_CSAT);
  /* "book", "group", "phone": "Phone booking with a set menu for groups". */
  assert_target (question (import, "How easy was it to book for a group by phone, from 1 to 7?"),
                 JM_SURVEY_TARGET_CARD, "c-12", JM_METRIC_CES);
  /* "welcome", "door": "Lucia welcomes him at the door and finds a table". */
  assert_target (question (import, "How satisfied were you with the welcome at the door?"),
                 JM_SURVEY_TARGET_CARD, "c-10", JM_METRIC_CSAT);
  /* "menu", "email": "Emails the set menu to the team for a vote". */
  assert_target (question (import, "How easy was it to agree the set menu by email?"),
                 JM_SURVEY_TARGET_CARD, "c-32", JM_METRIC_CES);
  /* "recommend" and "Lucia" each meet a different card once: nothing. */
  assert_target (question (import, "How likely are you to recommend Trattoria da Lucia to a friend?"),
                 JM_SURVEY_TARGET_NONE, NULL, JM_METRIC_NPS);
}

static void
test_accents_do_not_hide_a_touchpoint (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = NULL;
  JmCard *card = jm_document_find_card (doc, "counter", NULL);

  jm_set_str (&card->text, "Càssa del negozio");
  import = load_text (doc,
                      "Informazioni cronologiche;Come valuti la CASSA DEL NEGOZIO?\n"
                      "14/10/2026 10.15.30;4\n");
  assert_target (question (import, "Come valuti la CASSA DEL NEGOZIO?"), JM_SURVEY_TARGET_CARD, "counter",
                 JM_METRIC_CSAT);
}

static void
test_results_carry_the_latest_date_and_the_sample_size (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "google-forms.csv");
  g_autoptr(GPtrArray) results = NULL;
  const JmSurveyResult *ces;

  jm_survey_import_set_field (import, question (import, NPS_Q),
                              make_field (JM_SURVEY_TARGET_STAGE, "advocacy", JM_METRIC_NPS));
  results = jm_survey_import_get_results (import, doc);
  g_assert_cmpuint (results->len, ==, 3);

  /* 10, 9 promoters; 6, 3 detractors; 7 passive: (2 − 2) / 5. */
  g_assert_cmpfloat (result_of (results, NPS_Q)->value, ==, 0);
  g_assert_cmpuint (result_of (results, NPS_Q)->sample_size, ==, 5);
  g_assert_cmpstr (result_of (results, NPS_Q)->date, ==, "2026-10-15");
  /* 2, 3, 6, 7: the blank answer does not count. */
  ces = result_of (results, CES_Q);
  g_assert_cmpfloat (ces->value, ==, 4.5);
  g_assert_cmpuint (ces->sample_size, ==, 4);
  g_assert_cmpstr (ces->date, ==, "2026-10-15");

  /* Only the first half of October: 10/1, 10/3 and 10/12 (day 12). */
  jm_survey_import_set_date_range (import, "2026-10-01", "2026-10-12");
  g_clear_pointer (&results, g_ptr_array_unref);
  results = jm_survey_import_get_results (import, doc);
  ces = result_of (results, CES_Q);
  g_assert_cmpuint (ces->sample_size, ==, 3);
  g_assert_cmpfloat_with_epsilon (ces->value, 11.0 / 3, 0.005);
  g_assert_cmpstr (ces->date, ==, "2026-10-12");
  g_assert_cmpuint (result_of (results, NPS_Q)->sample_size, ==, 3);
}

static void
test_applying_is_one_undo_step_that_saves_the_mapping (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "google-forms.csv");
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  JmHistory *history = jm_document_get_history (doc);
  g_autofree char *before = jm_writer_to_string (doc, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  JmSurvey *survey;
  JmMetric *ces;
  gsize len;

  jm_survey_import_apply (import, doc);
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Import Survey Responses");

  /* The existing CES metric is updated, with sample size and date. */
  ces = jm_document_find_metric (doc, "m-old", NULL);
  g_assert_cmpfloat (ces->value, ==, 4.5);
  g_assert_cmpuint (ces->sample_size, ==, 4);
  g_assert_cmpstr (ces->date, ==, "2026-10-15");

  /* Every column is in the saved mapping, the unmapped ones too. */
  g_assert_cmpuint (jm_document_get_surveys (doc)->len, ==, 1);
  survey = g_ptr_array_index (jm_document_get_surveys (doc), 0);
  g_assert_cmpstr (survey->name, ==, "google-forms");
  g_assert_cmpstr (survey->layout, ==, "google-forms");
  g_assert_cmpuint (survey->fields->len, ==, 5);
  g_assert_cmpint (jm_survey_find_field (survey, CES_Q)->target, ==, JM_SURVEY_TARGET_CARD);
  g_assert_cmpint (jm_survey_find_field (survey, NPS_Q)->target, ==, JM_SURVEY_TARGET_NONE);

  /* It is written, valid, and read back the same. */
  after = jm_writer_to_string (doc, &len);
  g_assert_nonnull (strstr (after, "<surveys>"));
  again = jm_reader_load_bytes ("again.journey", after, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jm_document_get_surveys (again)->len, ==, 1);

  jm_history_undo (history);
  undone = jm_writer_to_string (doc, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (jm_document_get_surveys (doc)->len, ==, 0);
}

/* The next export of the same survey, with a column more: the saved
 * targets come back, chosen by the user, not proposed again. */
static void
test_the_next_export_reuses_the_saved_mapping (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) first = load_fixture (doc, "google-forms.csv");
  g_autoptr(JmSurveyImport) next = NULL;
  g_autoptr(GPtrArray) unmapped = NULL;
  JmSurvey *survey;

  jm_survey_import_set_field (first, question (first, NPS_Q),
                              make_field (JM_SURVEY_TARGET_STAGE, "advocacy", JM_METRIC_NPS));
  jm_survey_import_apply (first, doc);

  next = load_text (doc,
                    "Timestamp,Email Address," NPS_Q "," CSAT_Q ",Which channels did you use?,\"" CES_Q "\","
                    "Anything else you want to tell us?,A new question\n"
                    "11/2/2026 10:00:00,,10,5,Website,1,,4\n"
                    "11/3/2026 10:00:00,,10,4,Website,2,,5\n");
  survey = g_ptr_array_index (jm_document_get_surveys (doc), 0);
  g_assert_cmpstr (next->survey_id, ==, survey->id);
  g_assert_true (question (next, NPS_Q)->saved);
  assert_target (question (next, NPS_Q), JM_SURVEY_TARGET_STAGE, "advocacy", JM_METRIC_NPS);
  g_assert_false (question (next, "A new question")->saved);

  /* Through the saved mapping only, the new column goes nowhere, and is said. */
  jm_survey_import_use_saved_only (next);
  unmapped = jm_survey_import_get_unmapped (next, TRUE);
  g_assert_cmpuint (unmapped->len, ==, 3);
  g_assert_cmpstr (((JmSurveyQuestion *) g_ptr_array_index (unmapped, 0))->header, ==, "Which channels did you use?");
  g_assert_cmpstr (((JmSurveyQuestion *) g_ptr_array_index (unmapped, 2))->header, ==, "A new question");

  jm_survey_import_apply (next, doc);
  g_assert_cmpfloat (metric_of (jm_document_find_stage (doc, "advocacy")->metrics, JM_METRIC_NPS)->value, ==, 100);
  /* Still one survey, now with the new column, left out. */
  g_assert_cmpuint (jm_document_get_surveys (doc)->len, ==, 1);
  survey = g_ptr_array_index (jm_document_get_surveys (doc), 0);
  g_assert_cmpuint (survey->fields->len, ==, 6);
  g_assert_cmpint (jm_survey_find_field (survey, "A new question")->target, ==, JM_SURVEY_TARGET_NONE);
}

static void
test_text_answers_become_cards_on_request (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_fixture (doc, "google-forms.csv");
  JmSurveyQuestion *q = question (import, "Anything else you want to tell us?");
  JmLane *thoughts = jm_document_find_lane (doc, "thoughts");

  jm_survey_import_propose_verbatims (import, doc, q);
  g_assert_cmpint (q->field->target, ==, JM_SURVEY_TARGET_VERBATIMS);
  g_assert_cmpstr (q->field->target_id, ==, "thoughts");
  jm_survey_import_apply (import, doc);

  /* "N/A" and the blank answer are no verbatims; the line break stays. */
  g_assert_cmpuint (thoughts->cards->len, ==, 3);
  g_assert_cmpstr (((JmCard *) g_ptr_array_index (thoughts->cards, 1))->text, ==,
                   "The site was slow.\nCheckout failed twice.");
  g_assert_cmpuint (jm_history_get_n_steps (jm_document_get_history (doc)), ==, 1);
}

/* Semicolons, decimal commas, an Italian header, D/M/YYYY with dots in
 * the time, "n/a". */
static void
test_italian_export_with_semicolons_and_decimal_commas (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = NULL;
  g_autoptr(GPtrArray) results = NULL;
  JmSurveyQuestion *wait;
  JmSurveyField *field = make_field (JM_SURVEY_TARGET_CARD, "counter", JM_METRIC_CUSTOM);

  jm_set_str (&jm_document_find_card (doc, "site", NULL)->text, "Sito web");
  import = load_fixture (doc, "italian.csv");
  g_assert_cmpint (import->layout, ==, JM_SURVEY_LAYOUT_GOOGLE_FORMS);
  g_assert_cmpstr (import->last_date, ==, "2026-10-16");
  g_assert_cmpint (question (import, "Quanto è probabile che consiglieresti il nostro negozio a un amico?")->scale,
                   ==, JM_SURVEY_SCALE_NPS);
  assert_target (question (import, "Quanto sei soddisfatto del SITO WEB?"), JM_SURVEY_TARGET_CARD, "site",
                 JM_METRIC_CSAT);
  wait = question (import, "Tempo di attesa (minuti)");
  g_assert_cmpint (wait->scale, ==, JM_SURVEY_SCALE_NUMBER);
  g_assert_cmpfloat (wait->max, ==, 12.5);

  field->name = g_strdup ("Attesa");
  jm_survey_import_set_field (import, wait, field);
  results = jm_survey_import_get_results (import, doc);
  /* (2.5 + 4 + 12.5) / 3 */
  g_assert_cmpfloat_with_epsilon (result_of (results, "Tempo di attesa (minuti)")->value, 19.0 / 3, 0.005);
}

/* Quoted commas and line breaks, blank and N/A answers, trailing empty
 * columns, short rows: read; words in a column of numbers: one problem
 * for the column, naming its lines. */
static void
test_messy_files_name_the_lines_they_cannot_use (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_text (doc,
    "Timestamp,\"Rate the shop counter, please\",Comments,,\n"
    "10/1/2026 9:00:00,5,\"Nice, quick\",,\n"
    "10/2/2026 9:00:00,very good,\"Line one\n"
    "line two\",,\n"
    "10/3/2026 9:00:00,4\n"
    "10/4/2026 9:00:00,N/A,,,\n"
    "10/5/2026 9:00:00,excellent,,,\n"
    "10/6/2026 9:00:00,3,,,\n"
    "10/7/2026 9:00:00,5,,,\n"
    "10/8/2026 9:00:00,2,,,\n"
    "10/9/2026 9:00:00,4,,,\n"
    "10/10/2026 9:00:00,4,,,\n"
    "10/11/2026 9:00:00,5,,,\n"
    "10/12/2026 9:00:00,1,,,\n");
  JmSurveyQuestion *q = question (import, "Rate the shop counter, please");
  JmProblem *problem;

  g_assert_cmpuint (import->n_responses, ==, 12);
  g_assert_cmpuint (import->questions->len, ==, 2);
  g_assert_cmpint (q->scale, ==, JM_SURVEY_SCALE_CSAT);
  g_assert_cmpuint (q->n_answers, ==, 11);
  g_assert_cmpuint (import->problems->len, ==, 1);
  problem = g_ptr_array_index (import->problems, 0);
  g_assert_cmpint (problem->line, ==, 3);
  g_assert_cmpstr (problem->message, ==,
                   "2 answers to “Rate the shop counter, please” are not numbers and are left out (lines 3, 7)");
}

/* Two columns of one title keep two keys, so the mapping tells them apart. */
static void
test_columns_of_one_title_are_told_apart (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_text (doc,
    "Timestamp,Rate the shop counter,Rate the shop counter,Rate the shop counter (2)\n"
    "10/1/2026 9:00:00,5,1,3\n");

  g_assert_cmpuint (import->questions->len, ==, 3);
  g_assert_cmpstr (((JmSurveyQuestion *) import->questions->pdata[1])->header, ==, "Rate the shop counter (2)");
  g_assert_cmpstr (((JmSurveyQuestion *) import->questions->pdata[2])->header, ==, "Rate the shop counter (2) (2)");
  jm_survey_import_apply (import, doc);
  g_assert_cmpuint (((JmSurvey *) jm_document_get_surveys (doc)->pdata[0])->fields->len, ==, 3);
}

static void
test_fifty_thousand_responses_are_read (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GString) csv = g_string_new ("Timestamp,How likely are you to recommend us?,\"" CES_Q "\",Comments\n");
  g_autoptr(JmSurveyImport) import = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (csv, "%u/%u/2026 10:%02u:00,%u,%u,\"Answer %u, with a comma\"\n",
                            1 + i % 12, 1 + i % 28, i % 60, i % 11, 1 + i % 7, i);
  import = jm_survey_import_load_bytes (doc, "big.csv", csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_responses, ==, 50000);
  g_assert_cmpint (question (import, "How likely are you to recommend us?")->scale, ==, JM_SURVEY_SCALE_NPS);
  results = jm_survey_import_get_results (import, doc);
  g_assert_cmpuint (result_of (results, CES_Q)->sample_size, ==, 50000);
  g_assert_cmpfloat_with_epsilon (result_of (results, CES_Q)->value, 4, 0.01);
}

static void
test_a_language_mismatch_is_pointed_out (void)
{
  g_autoptr(JmDocument) doc = jm_document_new ();
  g_autoptr(JmSurveyImport) import = NULL;
  JmStage *stage = jm_stage_new ("st", "Acquisto del regalo per la mamma");
  JmLane *lane = jm_lane_new ("tp", JM_LANE_TOUCHPOINTS, "Punti di contatto");

  jm_document_build_header (doc, "Il percorso di Giulia per la spesa della settimana", NULL, NULL,
                            JM_MAP_STATE_CURRENT);
  g_ptr_array_add (stage->steps, jm_step_new ("s", "Cerca il negozio con il telefono"));
  jm_document_build_stage (doc, stage);
  g_ptr_array_add (lane->cards, jm_card_new ("c", "s", "Il sito della catena e la sua app"));
  jm_document_build_lane (doc, lane);

  import = load_fixture (doc, "google-forms.csv");
  g_assert_cmpuint (import->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (import->notes, 0), "The survey is in English and the map in Italian"));
}

/* Our own long form still comes through the same door. */
static void
test_the_long_form_is_read_as_before (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmSurveyImport) import = load_text (doc,
    "touchpoint,metric,score,date\n"
    "counter,ces,2,2026-10-01\n"
    "shop counter,ces,4,2026-10-02\n");

  g_assert_cmpint (import->layout, ==, JM_SURVEY_LAYOUT_LONG);
  g_assert_nonnull (import->long_import);
  jm_survey_import_apply (import, doc);
  g_assert_cmpfloat (jm_document_find_metric (doc, "m-old", NULL)->value, ==, 3);
}

static void
test_unreadable_files_are_refused_with_their_name (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GError) error = NULL;
  JmSurveyImport *import;

  import = jm_survey_import_load_bytes (doc, "empty.csv", "", 0, &error);
  g_assert_null (import);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
  g_clear_error (&error);

  import = jm_survey_import_load_bytes (doc, "latin1.csv", "Timestamp,Qualit\xe0\n", 18, &error);
  g_assert_null (import);
  g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_MALFORMED);
  g_clear_error (&error);

  import = jm_survey_import_load_bytes (doc, "nothing.csv", "Timestamp,Email Address\n1/1/2026 1:00:00,a\n", 43,
                                        &error);
  g_assert_null (import);
  g_assert_nonnull (strstr (error->message, "nothing.csv:1:"));
}

/* ---- the mapping in the .journey format ---- */

static JmDocument *
make_mapped_document (void)
{
  JmDocument *doc = make_document ();
  JmSurvey *survey = jm_survey_new ("survey-1", "After the visit");
  JmSurveyField *field;

  survey->layout = g_strdup ("google-forms");
  g_ptr_array_add (survey->fields, make_field (JM_SURVEY_TARGET_STAGE, "advocacy", JM_METRIC_NPS));
  jm_set_str (&((JmSurveyField *) survey->fields->pdata[0])->header, NPS_Q);
  field = make_field (JM_SURVEY_TARGET_CARD, "counter", JM_METRIC_CUSTOM);
  jm_set_str (&field->header, "Minutes \"waited\" & <more>");
  field->name = g_strdup ("Waiting time");
  g_ptr_array_add (survey->fields, field);
  field = make_field (JM_SURVEY_TARGET_VERBATIMS, "thoughts", 0);
  jm_set_str (&field->header, "Anything else?");
  field->step_id = g_strdup ("s2");
  g_ptr_array_add (survey->fields, field);
  g_ptr_array_add (survey->fields, jm_survey_field_new ("Email Address"));
  jm_document_build_survey (doc, survey);
  return doc;
}

static void
assert_validates (const char *xml)
{
  g_autofree char *rng = g_build_filename (JM_TEST_SRCDIR, "..", "data", "journey-map.rng", NULL);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (rng);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (parser);
  xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt (schema);
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), "written.journey", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
}

static void
test_saved_mapping_round_trips_and_validates (void)
{
  g_autoptr(JmDocument) doc = make_mapped_document ();
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  JmSurvey *survey;
  JmSurveyField *field;
  gsize len;

  first = jm_writer_to_string (doc, &len);
  g_assert_nonnull (strstr (first,
    "  <surveys>\n"
    "    <survey id=\"survey-1\" name=\"After the visit\" layout=\"google-forms\">\n"
    "      <field header=\"" NPS_Q "\" stage=\"advocacy\" metric=\"nps\"/>\n"
    "      <field header=\"Minutes &quot;waited&quot; &amp; &lt;more&gt;\" card=\"counter\" metric=\"custom\" name=\"Waiting time\"/>\n"
    "      <field header=\"Anything else?\" lane=\"thoughts\" step=\"s2\"/>\n"
    "      <field header=\"Email Address\"/>\n"
    "    </survey>\n"
    "  </surveys>\n"));
  assert_validates (first);

  again = jm_reader_load_bytes ("again.journey", first, len, NULL, &error);
  g_assert_no_error (error);
  second = jm_writer_to_string (again, NULL);
  g_assert_cmpstr (first, ==, second);
  survey = jm_document_find_survey (again, "survey-1");
  field = jm_survey_find_field (survey, "Minutes \"waited\" & <more>");
  g_assert_cmpint (field->target, ==, JM_SURVEY_TARGET_CARD);
  g_assert_cmpint (field->kind, ==, JM_METRIC_CUSTOM);
  g_assert_cmpstr (field->name, ==, "Waiting time");
  g_assert_cmpint (jm_survey_find_field (survey, "Email Address")->target, ==, JM_SURVEY_TARGET_NONE);
}

/* A field naming nothing is an error with its line; the survey's id is
 * an id like any other. */
static void
test_a_field_naming_nothing_is_an_error_with_its_line (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
    "  <title>T</title>\n"
    "  <stages>\n"
    "    <stage id=\"st\" name=\"S\">\n"
    "      <step id=\"s1\" name=\"One\"/>\n"
    "    </stage>\n"
    "  </stages>\n"
    "  <surveys>\n"
    "    <survey id=\"st\">\n"
    "      <field header=\"Q1\" card=\"gone\" metric=\"nps\"/>\n"
    "      <field header=\"Q2\" stage=\"st\" metric=\"retention\"/>\n"
    "      <field header=\"Q3\" lane=\"nolane\" step=\"s1\"/>\n"
    "    </survey>\n"
    "  </surveys>\n"
    "</journey-map>\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_reader_load_bytes ("m.journey", xml, strlen (xml), &problems, &error);
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_null (doc);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = jm_problem_format (g_ptr_array_index (problems, i));
      g_string_append_printf (all, "%s\n", line);
    }
  g_assert_nonnull (strstr (all->str, "m.journey:10: Two objects share the id “st” (first used on line 5)"));
  g_assert_nonnull (strstr (all->str, "m.journey:11: A survey field refers to card “gone”, which does not exist"));
  g_assert_nonnull (strstr (all->str, "m.journey:12: “retention” is not a metric survey answers give"));
  g_assert_nonnull (strstr (all->str, "m.journey:13: A survey field refers to lane “nolane”, which does not exist"));
}

/* A card deleted since the mapping was saved: the field is written
 * without it, and undoing the deletion brings the target back. */
static void
test_a_deleted_target_is_written_as_left_out (void)
{
  g_autoptr(JmDocument) doc = make_mapped_document ();
  g_autofree char *xml = NULL;
  g_autofree char *restored = NULL;

  jm_document_remove_card (doc, "counter");
  xml = jm_writer_to_string (doc, NULL);
  g_assert_nonnull (strstr (xml, "<field header=\"Minutes &quot;waited&quot; &amp; &lt;more&gt;\"/>"));
  assert_validates (xml);
  jm_history_undo (jm_document_get_history (doc));
  restored = jm_writer_to_string (doc, NULL);
  g_assert_nonnull (strstr (restored, "card=\"counter\" metric=\"custom\" name=\"Waiting time\""));
}

static void
test_saving_and_removing_a_mapping_undo (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  JmHistory *history = jm_document_get_history (doc);
  JmSurvey *survey = jm_survey_new ("survey-1", "S");

  g_ptr_array_add (survey->fields, jm_survey_field_new ("Q1"));
  jm_document_set_survey (doc, survey);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Save Survey Mapping");
  g_assert_nonnull (jm_document_find_survey (doc, "survey-1"));
  jm_document_remove_survey (doc, "survey-1");
  g_assert_null (jm_document_find_survey (doc, "survey-1"));
  jm_history_undo (history);
  g_assert_cmpuint (jm_document_find_survey (doc, "survey-1")->fields->len, ==, 1);
  jm_history_undo (history);
  g_assert_cmpuint (jm_document_get_surveys (doc)->len, ==, 0);
  jm_history_redo (history);
  g_assert_nonnull (jm_document_find_survey (doc, "survey-1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey/layout/google-forms-is-read-and-said", test_google_forms_is_read_and_said);
  g_test_add_func ("/survey/layout/each-tool-is-told-from-its-headers", test_each_tool_layout_is_told_from_its_headers);
  g_test_add_func ("/survey/layout/qualtrics-columns-are-keyed-by-their-codes",
                   test_qualtrics_columns_are_keyed_by_their_codes);
  g_test_add_func ("/survey/layout/surveymonkey-questions-of-several-columns-are-keyed-by-answer",
                   test_surveymonkey_questions_of_several_columns_are_keyed_by_answer);
  g_test_add_func ("/survey/layout/qualtrics-legacy-with-bom-and-trailing-column",
                   test_qualtrics_legacy_export_with_bom_and_trailing_column);
  g_test_add_func ("/survey/mapping/question-naming-a-touchpoint-preselects-it",
                   test_question_naming_a_touchpoint_preselects_it);
  g_test_add_func ("/survey/mapping/accents-do-not-hide-a-touchpoint", test_accents_do_not_hide_a_touchpoint);
  g_test_add_func ("/survey/mapping/question-sharing-words-or-a-channel-preselects-a-touchpoint",
                   test_question_sharing_words_or_a_channel_preselects_a_touchpoint);
  g_test_add_func ("/survey/results/latest-date-and-sample-size-within-a-date-range",
                   test_results_carry_the_latest_date_and_the_sample_size);
  g_test_add_func ("/survey/apply/one-undo-step-that-saves-the-mapping",
                   test_applying_is_one_undo_step_that_saves_the_mapping);
  g_test_add_func ("/survey/mapping/next-export-reuses-the-saved-mapping", test_the_next_export_reuses_the_saved_mapping);
  g_test_add_func ("/survey/apply/text-answers-become-cards-on-request", test_text_answers_become_cards_on_request);
  g_test_add_func ("/survey/messy/italian-export-with-semicolons-and-decimal-commas",
                   test_italian_export_with_semicolons_and_decimal_commas);
  g_test_add_func ("/survey/messy/lines-that-cannot-be-used-are-summed-up",
                   test_messy_files_name_the_lines_they_cannot_use);
  g_test_add_func ("/survey/messy/fifty-thousand-responses", test_fifty_thousand_responses_are_read);
  g_test_add_func ("/survey/messy/columns-of-one-title-are-told-apart", test_columns_of_one_title_are_told_apart);
  g_test_add_func ("/survey/language-mismatch-is-pointed-out", test_a_language_mismatch_is_pointed_out);
  g_test_add_func ("/survey/layout/long-form-as-before", test_the_long_form_is_read_as_before);
  g_test_add_func ("/survey/unreadable-files-are-refused-with-their-name", test_unreadable_files_are_refused_with_their_name);

  g_test_add_func ("/survey/format/saved-mapping-round-trips-and-validates",
                   test_saved_mapping_round_trips_and_validates);
  g_test_add_func ("/survey/format/a-field-naming-nothing-is-an-error-with-its-line",
                   test_a_field_naming_nothing_is_an_error_with_its_line);
  g_test_add_func ("/survey/format/a-deleted-target-is-written-as-left-out", test_a_deleted_target_is_written_as_left_out);
  g_test_add_func ("/survey/format/saving-and-removing-a-mapping-undo", test_saving_and_removing_a_mapping_undo);

  return g_test_run ();
}
