/* test-csv.c — survey responses from CSV: the formats spreadsheets write,
 * NPS, CSAT and CES computed with sample sizes, rows that cannot be used
 * listed with their lines, and the result applied as one undo step. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jm-csv.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-writer.h"

static JmDocument *
make_document (void)
{
  JmDocument *doc = jm_template_create (JM_TEMPLATE_CUSTOMER_EXPERIENCE);
  JmCard *site = jm_card_new ("web", "step-1", "Website");
  JmCard *shop = jm_card_new ("shop", "step-3", "Shop counter");

  g_ptr_array_add (shop->metrics, jm_metric_new ("m-old", JM_METRIC_CSAT, 12));
  jm_document_insert_card (doc, "lane-2", -1, site);
  jm_document_insert_card (doc, "lane-2", -1, shop);
  jm_history_clear (jm_document_get_history (doc));
  return doc;
}

static const JmCsvResult *
result_for (JmCsvImport *import,
            const char  *card,
            JmMetricKind kind)
{
  for (guint i = 0; i < import->results->len; i++)
    {
      const JmCsvResult *r = g_ptr_array_index (import->results, i);
      if (g_str_equal (r->card_id, card) && r->kind == kind)
        return r;
    }
  return NULL;
}

static JmCsvImport *
load (JmDocument *doc,
      const char *csv)
{
  g_autoptr(GError) error = NULL;
  JmCsvImport *import = jm_csv_import_load_bytes (doc, "responses.csv", csv, strlen (csv), &error);

  g_assert_no_error (error);
  return import;
}

static void
test_nps_csat_and_ces_are_computed (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  /* NPS: 10, 9 promoters; 7 passive; 6, 0 detractors → (2 − 2) / 5 = 0. Then one more promoter. */
  g_autoptr(JmCsvImport) import = load (doc,
    "touchpoint,metric,score,date\n"
    "web,nps,10,2026-10-01\n"
    "web,nps,9,2026-10-03\n"
    "web,nps,7,2026-10-02\n"
    "web,nps,6,2026-10-02\n"
    "web,nps,0,2026-10-02\n"
    "web,nps,9,2026-09-30\n"
    "Shop counter,csat,5,\n"
    "Shop counter,csat,4,\n"
    "Shop counter,csat,2,\n"
    "Shop counter,ces,2\n"
    "Shop counter,ces,3\n");
  const JmCsvResult *nps = result_for (import, "web", JM_METRIC_NPS);
  const JmCsvResult *csat = result_for (import, "shop", JM_METRIC_CSAT);
  const JmCsvResult *ces = result_for (import, "shop", JM_METRIC_CES);

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->rows_used, ==, 11);
  g_assert_cmpfloat_with_epsilon (nps->value, 16.7, 0.05);   /* (3 − 2) / 6 */
  g_assert_cmpuint (nps->sample_size, ==, 6);
  g_assert_cmpstr (nps->date, ==, "2026-10-03");
  g_assert_cmpfloat_with_epsilon (csat->value, 66.7, 0.05);
  g_assert_cmpuint (csat->sample_size, ==, 3);
  g_assert_null (csat->date);
  g_assert_cmpfloat (ces->value, ==, 2.5);
}

static void
test_italian_spreadsheets_are_read (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  /* BOM, semicolons, CRLF, decimal comma, quoted field with a semicolon
   * and doubled quotes, Italian headers and dates. */
  g_autoptr(JmCsvImport) import = load (doc,
    "\xef\xbb\xbfpunto di contatto;metrica;punteggio;data\r\n"
    "\"Shop counter\";CES;\"2,5\";15/10/2026\r\n"
    "shop;ces;3,5;16/10/2026\r\n"
    "\"Website \"\"new\"\"; beta\";nps;10;\r\n");
  const JmCsvResult *ces = result_for (import, "shop", JM_METRIC_CES);

  g_assert_cmpfloat (ces->value, ==, 3);
  g_assert_cmpuint (ces->sample_size, ==, 2);
  g_assert_cmpstr (ces->date, ==, "2026-10-16");
  /* The quoted touchpoint was read whole, and is not a card here. */
  g_assert_cmpuint (import->problems->len, ==, 1);
  g_assert_nonnull (strstr (((JmProblem *) import->problems->pdata[0])->message, "Website \"new\"; beta"));
  g_assert_cmpint (((JmProblem *) import->problems->pdata[0])->line, ==, 4);
}

static void
test_unusable_rows_are_listed_with_lines (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmCsvImport) import = load (doc,
    "touchpoint,metric,score\n"
    "web,nps,11\n"
    "nowhere,nps,5\n"
    "web,karma,5\n"
    "web\n"
    "\"multi\nline\",csat,4\n"
    "web,csat,abc\n"
    "web,csat,4\n");
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < import->problems->len; i++)
    {
      JmProblem *p = g_ptr_array_index (import->problems, i);
      g_string_append_printf (all, "%d:%s\n", p->line, p->message);
    }
  g_assert_nonnull (strstr (all->str, "2:The NPS answer “11” is not a number from 0 to 10"));
  g_assert_nonnull (strstr (all->str, "3:No card has the id or the text “nowhere”"));
  g_assert_nonnull (strstr (all->str, "4:“karma” is not a survey metric"));
  g_assert_nonnull (strstr (all->str, "5:The row has too few columns"));
  g_assert_nonnull (strstr (all->str, "6:No card has the id or the text “multi\nline”"));
  g_assert_nonnull (strstr (all->str, "8:The CSAT answer “abc”"));
  g_assert_cmpuint (import->rows_used, ==, 1);
}

static void
test_missing_header_is_an_error (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GError) error = NULL;
  JmCsvImport *import = jm_csv_import_load_bytes (doc, "x.csv", "a,b,c\n1,2,3\n", 12, &error);

  g_assert_null (import);
  g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_NOT_A_MAP);
  g_assert_nonnull (strstr (error->message, "x.csv:1:"));
  g_clear_error (&error);

  import = jm_csv_import_load_bytes (doc, "bin.csv", "\xff\xfe\x00", 3, &error);
  g_assert_null (import);
  g_assert_error (error, JM_IO_ERROR, JM_IO_ERROR_MALFORMED);
}

static void
test_applying_is_one_undo_step (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmCsvImport) import = load (doc,
    "touchpoint,metric,score\n"
    "shop,csat,5\n"
    "shop,csat,5\n"
    "web,nps,10\n");
  JmHistory *history = jm_document_get_history (doc);
  JmMetric *metric;

  jm_csv_import_apply (import, doc);
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Import Survey Responses");
  /* The existing CSAT metric is updated, a new NPS one added. */
  metric = jm_document_find_metric (doc, "m-old", NULL);
  g_assert_cmpfloat (metric->value, ==, 100);
  g_assert_cmpuint (metric->sample_size, ==, 2);
  g_assert_cmpuint (jm_document_find_card (doc, "web", NULL)->metrics->len, ==, 1);
  g_assert_cmpfloat (((JmMetric *) jm_document_find_card (doc, "web", NULL)->metrics->pdata[0])->value, ==, 100);

  jm_history_undo (history);
  g_assert_cmpfloat (jm_document_find_metric (doc, "m-old", NULL)->value, ==, 12);
  g_assert_cmpuint (jm_document_find_card (doc, "web", NULL)->metrics->len, ==, 0);
}

/* The restaurant example carries the metrics its shipped survey gives, in
 * English (comma, touchpoints by id or English text) and in Italian (BOM,
 * semicolons, Italian headers, Italian texts). Expected values by hand
 * from the counts in the CSV. */
static void
test_shipped_survey_gives_the_restaurant_example_metrics (void)
{
  static const char *variants[][2] = {
    { "restaurant-regular.journey", "restaurant-survey.csv" },
    { "restaurant-regular.it.journey", "restaurant-survey.it.csv" },
  };
  static const struct {
    const char  *card;
    JmMetricKind kind;
    double       value;
    guint        n;
  } expected[] = {
    { "c-11", JM_METRIC_NPS, (36 - 2) * 100.0 / 48, 48 },   /* 36 promoters, 2 detractors */
    { "c-13", JM_METRIC_NPS, (22 - 9) * 100.0 / 48, 48 },   /* 22 promoters, 9 detractors */
    { "c-9", JM_METRIC_CSAT, 33 * 100.0 / 56, 56 },         /* 33 answers of 4 or 5 */
    { "c-10", JM_METRIC_CSAT, 57 * 100.0 / 64, 64 },
    { "c-12", JM_METRIC_CES, 78.0 / 37, 37 },               /* scores summing to 78 */
    { "c-32", JM_METRIC_CES, 80.0 / 21, 21 },
  };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree char *map_path = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples", variants[v][0], NULL);
      g_autofree char *csv_path = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples", variants[v][1], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) doc = jm_reader_load_path (map_path, NULL, &error);
      g_autoptr(JmCsvImport) import = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      import = jm_csv_import_load_path (doc, csv_path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (import->problems->len, ==, 0);
      g_assert_cmpuint (import->rows_used, ==, 274);
      g_assert_cmpuint (import->results->len, ==, G_N_ELEMENTS (expected));

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          const JmCsvResult *r = result_for (import, expected[i].card, expected[i].kind);
          JmCard *card = jm_document_find_card (doc, expected[i].card, NULL);
          const JmMetric *shown = NULL;

          g_assert_nonnull (r);
          /* NPS and CSAT to a tenth, CES to a hundredth */
          g_assert_cmpfloat_with_epsilon (r->value, expected[i].value, expected[i].kind == JM_METRIC_CES ? 0.005 : 0.05);
          g_assert_cmpuint (r->sample_size, ==, expected[i].n);
          g_assert_cmpstr (r->date, ==, "2026-10-31");
          /* ...and the example shows that result, rounded as the map writes it. */
          for (guint m = 0; m < card->metrics->len; m++)
            if (((JmMetric *) card->metrics->pdata[m])->kind == expected[i].kind)
              shown = card->metrics->pdata[m];
          g_assert_nonnull (shown);
          g_assert_cmpfloat (shown->value, ==, r->value);
          g_assert_cmpuint (shown->sample_size, ==, expected[i].n);
          g_assert_true (shown->has_target);
        }

      /* Importing again changes nothing: the example is the import's result. */
      before = jm_writer_to_string (doc, NULL);
      jm_csv_import_apply (import, doc);
      after = jm_writer_to_string (doc, NULL);
      g_assert_cmpstr (before, ==, after);
    }
}

/* What the fuzz target (tests/fuzz/fuzz-csv.c) checks of every input:
 * the responses load or are refused with a reason, apply as one undo
 * step, and the map still writes out and reads back. */
static void
check_survives_import (const char *name,
                       const char *data,
                       gsize       len)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JmCsvImport) import = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autofree char *before = jm_writer_to_string (doc, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  JmHistory *history = jm_document_get_history (doc);
  gsize after_len;

  import = jm_csv_import_load_bytes (doc, name, data, len, &error);
  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, name));
      return;
    }
  jm_csv_import_apply (import, doc);
  g_assert_cmpuint (jm_history_get_n_steps (history), <=, 1);
  after = jm_writer_to_string (doc, &after_len);
  again = jm_reader_load_bytes ("again.journey", after, after_len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  if (jm_history_get_n_steps (history) == 1)
    {
      jm_history_undo (history);
      undone = jm_writer_to_string (doc, NULL);
      g_assert_cmpstr (undone, ==, before);
    }
}

/* Every input the fuzzer ever broke the importer with is kept in
 * tests/io/csv-bad/. */
static void
test_fuzzer_findings_import_safely (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("JM_TEST_IO_DIR"), "csv-bad", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_test_message ("fuzzer finding %s", name);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      check_survives_import (name, data, len);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* sscanf ("%4u") read "-126" as 4294967170: the date went into the map,
 * and the saved map could not be opened again. */
static void
test_dates_with_signs_or_spaces_are_not_dates (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(JmCsvImport) import = load (doc,
    "touchpoint,metric,score,date\n"
    "web,nps,9,-126-10-03\n"
    "web,nps,9,+2026-10-03\n"
    "web,nps,9,2026- 9-03\n"
    "web,nps,9,3/-1/2026\n"
    "web,nps,9,0000-10-03\n"
    "web,nps,9,26-10-03\n"
    "web,nps,9,2026-10-03 14:22\n"
    "web,nps,9,1/2/2026\n");
  const JmCsvResult *nps = result_for (import, "web", JM_METRIC_NPS);

  g_assert_cmpuint (import->rows_used, ==, 8);
  g_assert_cmpuint (import->problems->len, ==, 6);
  for (guint i = 0; i < import->problems->len; i++)
    g_assert_nonnull (strstr (((JmProblem *) import->problems->pdata[i])->message, "is not a date"));
  g_assert_cmpstr (nps->date, ==, "2026-10-03");
}

/* One touchpoint no card has, named on many rows, is said once; names
 * that differ from a card's text only in case, accents or spacing find
 * it. */
static void
test_rows_naming_a_missing_touchpoint_are_summed_up (void)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GString) csv = g_string_new ("touchpoint,metric,score\n");
  g_autoptr(JmCsvImport) import = NULL;
  JmProblem *problem;

  for (guint i = 0; i < 132; i++)
    g_string_append (csv, i % 2 ? "Sito web,nps,9\n" : "SHOP   counter,csat,4\n");
  for (guint i = 0; i < 132; i++)
    g_string_append (csv, "Sito web,nps,9\n");
  g_string_append (csv, "Shòp Counter!,csat,5\n");
  import = load (doc, csv->str);

  g_assert_cmpuint (import->problems->len, ==, 1);
  problem = g_ptr_array_index (import->problems, 0);
  g_assert_cmpint (problem->line, ==, 3);
  g_assert_cmpstr (problem->message, ==, "198 rows name “Sito web”, which no touchpoint has (the first is on this line)");
  g_assert_cmpuint (import->rows_used, ==, 67);
  g_assert_cmpuint (result_for (import, "shop", JM_METRIC_CSAT)->sample_size, ==, 67);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/nps-csat-and-ces-are-computed", test_nps_csat_and_ces_are_computed);
  g_test_add_func ("/io/csv/italian-spreadsheets-are-read", test_italian_spreadsheets_are_read);
  g_test_add_func ("/io/csv/unusable-rows-are-listed-with-lines", test_unusable_rows_are_listed_with_lines);
  g_test_add_func ("/io/csv/missing-header-is-an-error", test_missing_header_is_an_error);
  g_test_add_func ("/io/csv/applying-is-one-undo-step", test_applying_is_one_undo_step);
  g_test_add_func ("/io/csv/shipped-survey-gives-the-restaurant-example-metrics",
                   test_shipped_survey_gives_the_restaurant_example_metrics);
  g_test_add_func ("/io/csv/dates-with-signs-or-spaces-are-not-dates", test_dates_with_signs_or_spaces_are_not_dates);
  g_test_add_func ("/io/csv/fuzzer-findings-import-safely", test_fuzzer_findings_import_safely);
  g_test_add_func ("/io/csv/rows-naming-a-missing-touchpoint-are-summed-up",
                   test_rows_naming_a_missing_touchpoint_are_summed_up);

  return g_test_run ();
}
