/* fuzz-survey.c — libFuzzer target for survey tools' wide exports: any
 * bytes give questions and problems, or a reason naming the file; every
 * question proposed as verbatims too, the results apply to a small map as
 * one undo step that undoes back to the same file, and the map, with the
 * mapping it saved, writes and reads back. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "jm-reader.h"
#include "jm-survey.h"
#include "jm-templates.h"
#include "jm-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The customer experience template with touchpoints the dictionary names. */
static JmDocument *
make_document (void)
{
  JmDocument *doc = jm_template_create (JM_TEMPLATE_CUSTOMER_EXPERIENCE);

  jm_document_insert_card (doc, "lane-2", -1, jm_card_new ("web", "step-1", "Website"));
  jm_document_insert_card (doc, "lane-2", -1, jm_card_new ("shop", "step-3", "Shop counter"));
  jm_document_insert_card (doc, "lane-2", -1, jm_card_new ("app", "step-2", "Mobile app"));
  jm_history_clear (jm_document_get_history (doc));
  return doc;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JmSurveyImport) import = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autofree char *before = jm_writer_to_string (doc, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *said = NULL;
  JmHistory *history = jm_document_get_history (doc);
  gsize len;

  import = jm_survey_import_load_bytes (doc, "fuzz.csv", (const char *) data, size, &error);
  if (import == NULL)
    {
      g_assert (error != NULL && strstr (error->message, "fuzz.csv") != NULL);
      return 0;
    }
  said = jm_survey_import_describe (import);
  g_assert (g_utf8_validate (said, -1, NULL));

  /* Odd questions' answers as verbatims, with a date range sometimes. */
  for (guint i = 0; i < import->questions->len; i += 2)
    if (((JmSurveyQuestion *) g_ptr_array_index (import->questions, i))->scale == JM_SURVEY_SCALE_TEXT)
      jm_survey_import_propose_verbatims (import, doc, g_ptr_array_index (import->questions, i));
  if (size % 3 == 0)
    jm_survey_import_set_date_range (import, "2026-01-01", "2026-12-31");

  results = jm_survey_import_get_results (import, doc);
  for (guint i = 0; i < results->len; i++)
    {
      JmSurveyResult *r = g_ptr_array_index (results, i);
      double min, max;

      if (r->sample_size == 0 || r->question->field->target == JM_SURVEY_TARGET_VERBATIMS)
        continue;
      g_assert (isfinite (r->value));
      if (jm_metric_kind_get_range (r->question->field->kind, &min, &max))
        g_assert (r->value >= min && r->value <= max);
    }

  jm_survey_import_apply (import, doc);
  g_assert (jm_history_get_n_steps (history) <= 1);

  after = jm_writer_to_string (doc, &len);
  again = jm_reader_load_bytes ("fuzz-again.journey", after, len, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("the map with the survey did not read back: %s\n%s\n", error->message, after);
      g_assert_not_reached ();
    }

  if (jm_history_get_n_steps (history) == 1)
    {
      jm_history_undo (history);
      undone = jm_writer_to_string (doc, NULL);
      g_assert (strcmp (before, undone) == 0);
    }
  return 0;
}
