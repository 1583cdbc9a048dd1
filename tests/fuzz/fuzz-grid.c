/* fuzz-grid.c — libFuzzer target for the grid CSV importer: any bytes
 * give a map or a reason, and a map's exports read back
 * (fuzz-import-check.h). */
#include "config.h"

#include <stdint.h>

#include "fuzz-import-check.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_grid_load_bytes ("fuzz.grid.csv", (const char *) data, size, &problems, &error);

  fuzz_check_result (doc, problems, error);
  (void) jm_grid_looks_like ((const char *) data, size);
  return 0;
}
