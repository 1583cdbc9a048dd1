/* test-png-bands.c — PNG exports are painted in horizontal bands, each
 * written as it is made, so memory stays one band whatever the size: the
 * file is the same, byte for byte, as painting the whole picture at once.
 * A large SVG is made in bands too: the same picture, with one title and
 * every id its own. A map larger than PDF's largest page is cut at its
 * true size into pages that repeat its headers. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
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

/* Every id of the tree into ids, every reference ("#id", "url(#id)")
 * into refs. */
static void
collect_ids (xmlNode    *node,
             GHashTable *ids,
             GPtrArray  *refs,
             guint      *n_ids)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);
          const char *url;

          if (value == NULL)
            continue;
          if (g_str_equal ((const char *) attr->name, "id"))
            {
              g_assert_false (g_hash_table_contains (ids, value));
              g_hash_table_add (ids, g_strdup (value));
              (*n_ids)++;
            }
          else if (g_str_equal ((const char *) attr->name, "href") && value[0] == '#')
            g_ptr_array_add (refs, g_strdup (value + 1));
          else if ((url = strstr (value, "url(#")) != NULL)
            g_ptr_array_add (refs, g_strndup (url + 5, strcspn (url + 5, ")")));
        }
      collect_ids (node->children, ids, refs, n_ids);
    }
}

/* Pixels of a and b further apart than a faint edge, in any channel. */
static guint
pixels_apart (const char *a_path,
              const char *b_path)
{
  cairo_surface_t *a = cairo_image_surface_create_from_png (a_path);
  cairo_surface_t *b = cairo_image_surface_create_from_png (b_path);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint apart = 0;

  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    {
      const guint8 *ra = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a);
      const guint8 *rb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b);

      for (int x = 0; x < w * 4; x += 4)
        for (int c = 0; c < 4; c++)
          if (ABS (ra[x + c] - rb[x + c]) > 24)
            {
              apart++;
              break;
            }
    }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return apart;
}

static void
test_banded_svg_is_the_same_picture (void)
{
  const char *examples[] = { "restaurant-regular.it.journey", "bike-shop-vs-food-delivery.journey" };
  g_autofree char *dir = g_dir_make_tmp ("jm-svg-bands-XXXXXX", NULL);
  g_autofree char *whole_path = g_build_filename (dir, "whole.svg", NULL);
  g_autofree char *bands_path = g_build_filename (dir, "bands.svg", NULL);
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(JmDocument) doc = jm_test_load_example (examples[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *text = NULL;
      JmExportOptions options;
      xmlDoc *xml;
      xmlNode *root, *child;
      guint n_ids = 0, n_bands = 0;

      jm_export_options_init (&options);
      options.date = "2026-11-23";
      options.svg_band_height = G_MAXDOUBLE;   /* one piece: the whole picture */
      g_assert_true (jm_export_to_path (doc, whole_path, &options, &error));
      g_assert_no_error (error);
      options.svg_band_height = 157;           /* bands that cut through cards and text */
      g_assert_true (jm_export_to_path (doc, bands_path, &options, &error));
      g_assert_no_error (error);

      /* Well formed, one title, a nested picture per band, ids unique
       * (asserted as they are collected) and every reference resolved. */
      xml = xmlReadFile (bands_path, NULL, XML_PARSE_NONET);
      g_assert_nonnull (xml);
      root = xmlDocGetRootElement (xml);
      g_assert_cmpstr ((const char *) root->name, ==, "svg");
      g_assert_true (xmlHasProp (root, (const xmlChar *) "lang") != NULL);
      g_assert_cmpstr ((const char *) root->children->next->name, ==, "title");
      for (child = root->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "svg"))
          n_bands++;
      g_assert_cmpuint (n_bands, >, 3);
      collect_ids (root, ids, refs, &n_ids);
      g_assert_cmpuint (n_ids, >, 10);
      for (guint r = 0; r < refs->len; r++)
        if (!g_hash_table_contains (ids, g_ptr_array_index (refs, r)))
          g_error ("%s: a reference to #%s, which no element has", examples[i], (char *) g_ptr_array_index (refs, r));
      xmlFreeDoc (xml);
      g_assert_true (g_file_get_contents (bands_path, &text, NULL, NULL));
      g_assert_nonnull (strstr (text, "<title id=\"jm-title\">"));

      /* The same picture, drawn by a real SVG renderer. */
      if (rsvg != NULL)
        {
          g_autofree char *whole_png = g_strconcat (whole_path, ".png", NULL);
          g_autofree char *bands_png = g_strconcat (bands_path, ".png", NULL);
          const char *pairs[2][2] = { { whole_png, whole_path }, { bands_png, bands_path } };
          guint apart;

          for (guint k = 0; k < 2; k++)
            {
              char *argv[] = { rsvg, (char *) "-o", (char *) pairs[k][0], (char *) pairs[k][1], NULL };
              int status = 0;

              g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
              g_assert_true (g_spawn_check_wait_status (status, NULL));
            }
          apart = pixels_apart (whole_png, bands_png);
          g_test_message ("%s: %u pixels apart, %u bands", examples[i], apart, n_bands);
          g_assert_cmpuint (apart, ==, 0);
          g_unlink (whole_png);
          g_unlink (bands_png);
        }
    }
  if (rsvg == NULL)
    g_test_message ("rsvg-convert is missing: the pictures were not drawn");
  g_unlink (whole_path);
  g_unlink (bands_path);
  g_rmdir (dir);
}

/* 45 stages of two steps, S01 … S45, a lane with one cell of 480 cards
 * (taller than a PDF page) and a lane of touchpoints. */
static JmDocument *
wide_and_tall_map (void)
{
  JmDocument *doc = jm_document_new ();
  JmLane *text = jm_lane_new ("text", JM_LANE_TEXT, "Actions");
  JmLane *touch = jm_lane_new ("touch", JM_LANE_TOUCHPOINTS, "Touchpoints");

  jm_document_build_header (doc, "Wide and tall", NULL, NULL, JM_MAP_STATE_CURRENT);
  for (guint i = 1; i <= 45; i++)
    {
      g_autofree char *id = g_strdup_printf ("st%u", i);
      g_autofree char *name = g_strdup_printf ("S%02u", i);
      JmStage *stage = jm_stage_new (id, name);

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *step = g_strdup_printf ("st%u-%u", i, k);
          g_autofree char *card = g_strdup_printf ("c%u-%u", i, k);

          g_ptr_array_add (stage->steps, jm_step_new (step, "Step"));
          g_ptr_array_add (touch->cards, jm_card_new (card, step, "Website"));
        }
      jm_document_build_stage (doc, stage);
    }
  for (guint c = 0; c < 480; c++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", c);
      g_autofree char *words = g_strdup_printf ("Card %u of the tall cell", c);

      g_ptr_array_add (text->cards, jm_card_new (id, "st1-0", words));
    }
  jm_document_build_lane (doc, text);
  jm_document_build_lane (doc, touch);
  return doc;
}

static void
test_map_over_the_largest_pdf_page_is_cut_into_pages (void)
{
  g_autoptr(JmDocument) doc = wide_and_tall_map ();
  g_autofree char *dir = g_dir_make_tmp ("jm-pdf-pages-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) map_pages = g_ptr_array_new ();
  g_autofree char *first = NULL, *right = NULL, *below = NULL;
  JmExportOptions options;
  guint columns = 0;

  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  jm_export_options_init (&options);
  options.date = "2026-11-23";
  g_assert_true (jm_export_to_path (doc, pdf, &options, &error));
  g_assert_no_error (error);

  /* The map's pages come first, then the text pages (A4). */
  info = jm_test_run_tool ("pdfinfo", "-f", "1", "-l", "30", pdf, NULL);
  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));
  {
    g_autofree char *qpdf = g_find_program_in_path ("qpdf");
    g_autofree char *check = qpdf != NULL ? jm_test_run_tool ("qpdf", "--check", pdf, NULL) : NULL;

    /* The pages of several sizes are a well-formed PDF (qpdf fails on a warning too). */
    g_assert_true (check == NULL || strstr (check, "No syntax or stream encoding errors found") != NULL);
  }
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double w, h;

      if (sscanf (lines[i], "Page %*u size: %lf x %lf", &w, &h) != 2 || (w < 596 && h < 843))
        continue;
      g_assert_cmpfloat (w, <=, 14400.01);
      g_assert_cmpfloat (h, <=, 14400.01);
      g_ptr_array_add (map_pages, lines[i]);
    }
  g_test_message ("%u map pages", map_pages->len);
  g_assert_cmpuint (map_pages->len, >=, 4);
  /* As counted beforehand (the command line says it), the whole too. */
  {
    guint across = 0, down = 0, total = 0;
    const char *at = strstr (info, "Pages:");

    g_assert_cmpuint (jm_export_count_map_pages (doc, &options, &across, &down), ==, map_pages->len);
    g_assert_cmpuint (across * down, ==, map_pages->len);
    g_assert_cmpuint (across, ==, 2);
    g_assert_nonnull (at);
    g_assert_cmpint (sscanf (at, "Pages: %u", &total), ==, 1);
    g_assert_cmpuint (jm_export_count_pages (doc, &options), ==, total);
  }

  /* Page 1: the first stages, the title; page 2, to its right: the last
   * stages with the lane titles again; the page below the first: the
   * first stages' headers again over the tall cell's last cards. */
  first = jm_test_pdf_text (pdf, 1, 1);
  g_assert_nonnull (strstr (first, "Wide and tall"));
  g_assert_nonnull (strstr (first, "S01"));
  g_assert_null (strstr (first, "S45"));
  g_assert_nonnull (strstr (first, "Card 0 of the tall cell"));
  g_assert_null (strstr (first, "Card 479 of the tall cell"));
  for (guint i = 2; i <= map_pages->len; i++)
    {
      g_autofree char *text = jm_test_pdf_text (pdf, i, i);

      if (strstr (text, "S45") != NULL && columns == 0)
        {
          columns = i;
          right = g_steal_pointer (&text);
        }
    }
  g_assert_nonnull (right);
  g_assert_null (strstr (right, "S01"));
  g_assert_nonnull (strstr (right, "Actions"));
  below = jm_test_pdf_text (pdf, columns + 1, columns + 1);
  g_assert_nonnull (strstr (below, "S01"));
  g_assert_nonnull (strstr (below, "Card 479 of the tall cell"));
  g_assert_null (strstr (below, "Card 0 of the tall cell"));
  g_assert_nonnull (strstr (below, "Touchpoints"));
  /* The tall lane goes on from the page above: its title again. */
  g_assert_nonnull (strstr (below, "Actions"));
  /* And below the last stages: their headers and the lane titles again. */
  {
    g_autofree char *corner = jm_test_pdf_text (pdf, 2 * columns, 2 * columns);

    g_assert_nonnull (strstr (corner, "S45"));
    g_assert_nonnull (strstr (corner, "Touchpoints"));
    g_assert_null (strstr (corner, "Wide and tall"));
  }

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/png/banded-is-the-same-file", test_banded_png_is_the_same_file);
  g_test_add_func ("/export/pdf/a-map-over-the-largest-page-is-cut-into-pages-with-its-headers",
                   test_map_over_the_largest_pdf_page_is_cut_into_pages);
  g_test_add_func ("/export/svg/banded-is-the-same-picture-with-ids-of-its-own",
                   test_banded_svg_is_the_same_picture);
  return g_test_run ();
}
