/* fuzz-csv.c — libFuzzer target for the survey CSV importer: any bytes
 * must give results and problems, or an error, never a crash, hang or
 * leak; the results must apply to a small map as one undo step that undoes
 * back to the same file, and the map must still write and read back. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "jm-csv.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The customer experience template with three touchpoints, one of which
 * already has a CSAT metric: ids and texts the dictionary knows. */
static JmDocument *
make_document (void)
{
  JmDocument *doc = jm_template_create (JM_TEMPLATE_CUSTOMER_EXPERIENCE);
  JmCard *site = jm_card_new ("web", "step-1", "Website");
  JmCard *shop = jm_card_new ("shop", "step-3", "Shop counter");
  JmCard *app = jm_card_new ("app", "step-2", "App “beta”; v2");

  g_ptr_array_add (shop->metrics, jm_metric_new ("m-old", JM_METRIC_CSAT, 12));
  jm_document_insert_card (doc, "lane-2", -1, site);
  jm_document_insert_card (doc, "lane-2", -1, shop);
  jm_document_insert_card (doc, "lane-2", -1, app);
  jm_history_clear (jm_document_get_history (doc));
  return doc;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JmDocument) doc = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JmCsvImport) import = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autofree char *before = jm_writer_to_string (doc, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  JmHistory *history = jm_document_get_history (doc);
  gsize len;

  import = jm_csv_import_load_bytes (doc, "fuzz.csv", (const char *) data, size, &error);
  if (import == NULL)
    {
      /* A refusal always says why, naming the file. */
      g_assert (error != NULL && strstr (error->message, "fuzz.csv") != NULL);
      return 0;
    }
  g_assert (error == NULL);

  for (guint i = 0; i < import->problems->len; i++)
    {
      JmProblem *problem = g_ptr_array_index (import->problems, i);

      g_assert (problem->line >= 1);
      g_assert (g_utf8_validate (problem->message, -1, NULL));
    }
  for (guint i = 0; i < import->results->len; i++)
    {
      JmCsvResult *result = g_ptr_array_index (import->results, i);

      g_assert (jm_document_find_card (doc, result->card_id, NULL) != NULL);
      g_assert (result->sample_size > 0 && isfinite (result->value));
      switch (result->kind)
        {
        case JM_METRIC_NPS:
          g_assert (result->value >= -100 && result->value <= 100);
          break;
        case JM_METRIC_CSAT:
          g_assert (result->value >= 0 && result->value <= 100);
          break;
        case JM_METRIC_CES:
          g_assert (result->value >= 1 && result->value <= 7);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  jm_csv_import_apply (import, doc);
  g_assert (jm_history_get_n_steps (history) <= 1);

  /* The map with the results must write out and read back. */
  after = jm_writer_to_string (doc, &len);
  again = jm_reader_load_bytes ("fuzz-again.journey", after, len, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("the map with the survey results did not read back: %s\n%s\n", error->message, after);
      g_assert_not_reached ();
    }

  /* One undo step takes the map back to what it was. */
  if (jm_history_get_n_steps (history) == 1)
    {
      jm_history_undo (history);
      undone = jm_writer_to_string (doc, NULL);
      g_assert (strcmp (before, undone) == 0);
      jm_history_redo (history);
    }
  return 0;
}
