/* fuzz-cjml.c — libFuzzer target for the CJML importer: any bytes give a
 * map or a reason, with no file or network read, and a map's exports read
 * back (fuzz-import-check.h). */
#include "config.h"

#include <stdint.h>

#include "fuzz-import-check.h"
#include "jm-cjml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_cjml_load_bytes ("fuzz.xml", (const char *) data, size, &problems, &error);

  fuzz_check_result (doc, problems, error);
  (void) jm_cjml_is_cjml ((const char *) data, size);
  return 0;
}
