/* test-png-bands.c — PNG exports are painted in horizontal bands, each
 * written as it is made, so memory stays one band whatever the size: the
 * file is the same, byte for byte, as painting the whole picture at once. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jm-export.h"
#include "jm-test-utils.h"

/* The file's chunks without "Creation Time", which says when it was made. */
/* A big-endian word at any address (chunks are not aligned). */
static guint32
be32 (const guchar *p)
{
  guint32 w;

  memcpy (&w, p, sizeof w);
  return GUINT32_FROM_BE (w);
}

static GByteArray *
chunks_but_time (const char *path)
{
  g_autofree guchar *data = NULL;
  GByteArray *out = g_byte_array_new ();
  gsize len, at = 8;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  while (at + 12 <= len)
    {
      guint32 n = be32 (data + at);

      if (!(memcmp (data + at + 4, "tEXt", 4) == 0 && memcmp (data + at + 8, "Creation Time", 14) == 0))
        g_byte_array_append (out, data + at, 12 + n);
      at += 12 + n;
    }
  g_assert_cmpuint (at, ==, len);
  return out;
}

static void
test_banded_png_is_the_same_file (void)
{
  const char *examples[] = {
    "bike-shop-vs-food-delivery.journey", "bike-shop-vs-food-delivery.it.journey", "online-shop.journey",
    "online-shop.it.journey", "restaurant-regular.journey", "restaurant-regular.it.journey",
  };
  g_autofree char *dir = g_dir_make_tmp ("jm-bands-XXXXXX", NULL);
  g_autofree char *whole_path = g_build_filename (dir, "whole.png", NULL);
  g_autofree char *bands_path = g_build_filename (dir, "bands.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    for (int transparent = 0; transparent < 2; transparent++)
      {
        g_autoptr(JmDocument) doc = jm_test_load_example (examples[i]);
        g_autoptr(GByteArray) whole = NULL;
        g_autoptr(GByteArray) bands = NULL;
        g_autoptr(GError) error = NULL;
        JmExportOptions options;

        jm_export_options_init (&options);
        options.scale = 0.75;
        options.transparent = transparent;
        options.date = "2026-11-23";
        options.png_band_rows = G_MAXINT;   /* one band: the whole picture */
        g_assert_true (jm_export_to_path (doc, whole_path, &options, &error));
        g_assert_no_error (error);
        options.png_band_rows = 37;         /* bands that cut through cards and text */
        g_assert_true (jm_export_to_path (doc, bands_path, &options, &error));
        g_assert_no_error (error);

        whole = chunks_but_time (whole_path);
        bands = chunks_but_time (bands_path);
        g_test_message ("%s%s: %u bytes", examples[i], transparent ? " (transparent)" : "", whole->len);
        g_assert_cmpmem (bands->data, bands->len, whole->data, whole->len);
      }
  g_unlink (whole_path);
  g_unlink (bands_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/png/banded-is-the-same-file", test_banded_png_is_the_same_file);
  return g_test_run ();
}
