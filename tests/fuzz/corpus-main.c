/* corpus-main.c — runs a libFuzzer target's entry point once on each file
 * of the folders given, so that its corpus and findings are regression
 * tests of the ordinary test suite (no clang, no libFuzzer). */
#include "config.h"

#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      g_assert (dir != NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize len;

          g_assert (g_file_get_contents (path, &contents, &len, NULL));
          g_print ("%s\n", path);
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
          n++;
        }
    }
  g_assert (n > 0);
  return 0;
}
