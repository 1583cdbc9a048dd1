/* fuzz-map-csv.c — libFuzzer target for the whole map as a long-form CSV:
 * any bytes give a map or a reason; a map writes and reads back as a
 * .journey, as Mermaid and as a grid (fuzz-import-check.h), and its own
 * long form reads back with as many stages, steps, lanes and cards. */
#include "config.h"

#include <stdint.h>

#include "fuzz-import-check.h"
#include "jm-map-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_map_csv_load_bytes ("fuzz.csv", (const char *) data, size, &problems, &error);

  fuzz_check_result (doc, problems, error);
  (void) jm_map_csv_looks_like ((const char *) data, size);
  if (doc != NULL)
    {
      gsize len;
      g_autofree char *csv = jm_map_csv_to_string (doc, &len);
      g_autoptr(JmDocument) again = jm_map_csv_load_bytes ("fuzz-again.csv", csv, len, NULL, NULL);

      fuzz_assert_same_shape (doc, again, "long CSV", csv);
      if (jm_document_get_lanes (again)->len != jm_document_get_lanes (doc)->len
          || jm_document_get_n_cards (again) != jm_document_get_n_cards (doc))
        {
          g_printerr ("the long CSV export did not read back with the same lanes and cards:\n%s\n", csv);
          g_assert_not_reached ();
        }
    }
  return 0;
}
