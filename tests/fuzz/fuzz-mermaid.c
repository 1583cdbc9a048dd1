/* fuzz-mermaid.c — libFuzzer target for the Mermaid journey importer, as
 * a .mmd and as Markdown, and for the entry point that tells formats
 * apart: any bytes give a map or a reason, and a map's exports read back
 * (fuzz-import-check.h). */
#include "config.h"

#include <stdint.h>

#include "fuzz-import-check.h"
#include "jm-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  for (int markdown = 0; markdown < 2; markdown++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) doc = jm_mermaid_load_bytes ("fuzz.mmd", (const char *) data, size, markdown,
                                                         &problems, &error);

      fuzz_check_result (doc, problems, error);
    }
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JmDocument) doc = jm_import_load_bytes ("fuzz.md", (const char *) data, size, &problems, &error);

    if (doc == NULL)
      g_assert (error != NULL);
  }
  return 0;
}
