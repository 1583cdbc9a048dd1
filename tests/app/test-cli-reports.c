/* test-cli-reports.c — exports for reports, run as a user would with no
 * display: the map's language decides what the labels say, whatever the
 * desktop's; --lang overrides it for one export. PDFs are read back with
 * poppler's pdftotext. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "jm-test-tools.h"

static const char *binary;
static const char *examples;

/* Runs the program in the given LANGUAGE / LC_ALL with the build tree's
 * translations; returns its exit status, stderr in *err if asked. */
static int
run_in (const char  *language,
        const char  *lc_all,
        char       **err,
        const char  *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *localedir = g_build_filename (g_getenv ("JM_BUILD_ROOT"), "po", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err_text = NULL;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LC_ALL", lc_all, TRUE);
  env = g_environ_setenv (env, "JOURNEY_MAPS_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err_text, &wait_status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  if (err != NULL)
    *err = g_steal_pointer (&err_text);
  return WEXITSTATUS (wait_status);
}

/* Labels the painter writes, English and Italian, that the examples show. */
static const char *const english_labels[] = {
  "Severity:", "Priority:", "Moment of truth", "Touchpoints", "Pain points", "Opportunities",
  "Evidence:", "Journey Maps ·", NULL,
};
static const char *const italian_labels[] = {
  "Gravità:", "Priorità:", "Momento della verità", "Evidenza:", "Mappe del percorso cliente ·", NULL,
};

/* The painter's own words only: lane titles are the map's text, in the
 * map's language whatever --lang says. */
static const char *const english_words[] = {
  "Severity:", "Priority:", "Moment of truth", "Evidence:", "Journey Maps ·", NULL,
};

static void
assert_has_all (const char         *text,
                const char * const *labels)
{
  for (guint i = 0; labels[i] != NULL; i++)
    if (strstr (text, labels[i]) == NULL)
      g_error ("“%s” is missing from the export", labels[i]);
}

static void
assert_has_none (const char         *text,
                 const char * const *labels)
{
  for (guint i = 0; labels[i] != NULL; i++)
    if (strstr (text, labels[i]) != NULL)
      g_error ("“%s” is in the export, in the wrong language", labels[i]);
}

static char *
export_pdf (const char *example_name,
            const char *language,
            const char *lc_all,
            const char *lang_option)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *input = g_build_filename (examples, example_name, NULL);
  g_autofree char *err = NULL;
  char *text;
  int status;

  status = lang_option != NULL ? run_in (language, lc_all, &err, output, lang_option, input, NULL)
                               : run_in (language, lc_all, &err, output, input, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  text = jm_test_pdf_text (pdf, 0, 0);
  g_unlink (pdf);
  g_rmdir (dir);
  return text;
}

static void
test_italian_map_speaks_italian_on_an_english_desktop (void)
{
  g_autofree char *text = export_pdf ("bike-shop-vs-food-delivery.it.journey", "C", "C.UTF-8", NULL);

  assert_has_all (text, italian_labels);
  assert_has_none (text, english_labels);
  /* The footer's date in Italian: a month's name, not 2026-12-03. */
  g_assert_true (g_regex_match_simple ("· [0-9]{1,2} (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|"
                                       "settembre|ottobre|novembre|dicembre) [0-9]{4}", text, 0, 0));
}

static void
test_english_map_speaks_english_on_an_italian_desktop (void)
{
  g_autofree char *text = export_pdf ("bike-shop-vs-food-delivery.journey", "it", "it_IT.UTF-8", NULL);

  assert_has_all (text, english_labels);
  assert_has_none (text, italian_labels);
}

static void
test_lang_option_overrides_the_maps_language (void)
{
  g_autofree char *italian = export_pdf ("bike-shop-vs-food-delivery.journey", "C", "C.UTF-8", "--lang=it");
  g_autofree char *english = export_pdf ("bike-shop-vs-food-delivery.it.journey", "it", "it_IT.UTF-8", "--lang=en");

  assert_has_all (italian, italian_labels);
  assert_has_none (italian, english_words);
  assert_has_all (english, english_words);
  assert_has_none (english, italian_labels);
}

static void
test_numbers_follow_the_maps_language (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "m.journey", NULL);
  g_autofree char *pdf = g_build_filename (dir, "m.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *text = NULL;
  const char *map =
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\" xml:lang=\"it\">\n"
    "  <title>Numeri</title>\n"
    "  <stages>\n"
    "    <stage id=\"s\" name=\"Fase\">\n"
    "      <step id=\"p\" name=\"Passo\"/>\n"
    "      <metric id=\"m\" kind=\"ces\" value=\"3.5\"/>\n"
    "    </stage>\n"
    "  </stages>\n"
    "</journey-map>\n";

  g_assert_true (g_file_set_contents (path, map, -1, NULL));
  g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, path, NULL), ==, 0);
  text = jm_test_pdf_text (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "3,5"));
  g_assert_null (strstr (text, "3.5"));
  g_unlink (pdf);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_lang_option_usage (void)
{
  g_autofree char *input = g_build_filename (examples, "online-shop.journey", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;

  g_assert_cmpint (run_in ("C", "C.UTF-8", &err, "--export=/nonexistent/x.pdf", "--lang=not a tag", input, NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--lang"));
  g_assert_cmpint (run_in ("C", "C.UTF-8", &err2, "--export=/nonexistent/x.journey", "--lang=it", input, NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err2, "does not apply"));
  g_assert_cmpint (run_in ("C", "C.UTF-8", &err3, "--lang=it", input, NULL), ==, 2);
  g_assert_nonnull (strstr (err3, "--export"));
}

/* ---- tagged, readable PDF ---- */

/* Every run of blanks, line breaks included, as one space. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) blanks = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace (blanks, text, -1, 0, " ", 0, NULL);
}

static void
test_pdf_is_tagged_and_reads_stage_by_stage (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *input = g_build_filename (examples, "bike-shop-vs-food-delivery.journey", NULL);
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  gsize len;
  /* Stages and, in each, a card's sentence, in reading order. */
  const char *order[] = {
    "Need", "Finds the problem", "Customer actions: Giulia finds the back tyre flat at 7:40",
    "Looks for help", "Touchpoints: Shop window: “Repairs while you wait” (Store)",
    "First contact", "Asks to borrow the pump for a minute; told “we don’t do that, buy one”",
    "Pain points: A free, one-minute favour refused (Severity: Critical",
    "Purchase", "Customer actions: Pays €24 for a pump she did not want",
    "Unboxing and use", "Tries to open the blister pack on the pavement with her keys",
    "Afterwards", "Posts a photo of the note in the building chat",
    "Emotions", "Giulia Bianchi (As is): Finds the problem −1",
  };
  const char *at;

  g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, input, NULL), ==, 0);
  info = jm_test_run_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "Tagged:          yes"));

  /* The text pages, as a reader extracts them: every sentence whole. */
  raw = jm_test_run_tool ("pdftotext", pdf, "-", NULL);
  text = squeeze (strstr (raw, "\f") + 1);
  at = text;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (at, order[i]);

      if (found == NULL)
        g_error ("“%s” is not where it should be in: %s", order[i], at);
      at = found + strlen (order[i]);
    }

  /* The catalog says the map's language (an incremental update). */
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_nonnull (g_strstr_len (bytes + len - MIN (len, 1000), MIN (len, 1000), "/Lang (en)"));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* ---- vector icons ---- */

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *at = text; (at = strstr (at, needle)) != NULL; at += strlen (needle))
    n++;
  return n;
}

/* Icons are paths: the only pictures in a PDF are the map's own photos
 * (the emoji font's icons came out as bitmaps). */
static void
test_pdf_has_no_picture_but_the_maps_photos (void)
{
  g_autoptr(GDir) examples_dir = g_dir_open (examples, 0, NULL);
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  const char *name;
  guint checked = 0;

  while ((name = g_dir_read_name (examples_dir)) != NULL)
    {
      g_autofree char *input = g_build_filename (examples, name, NULL);
      g_autofree char *map = NULL;
      g_autofree char *list = NULL;
      g_auto(GStrv) lines = NULL;
      guint images = 0, photos;

      if (!g_str_has_suffix (name, ".journey"))
        continue;
      g_assert_true (g_file_get_contents (input, &map, NULL, NULL));
      photos = count_lines_with (map, "<photo") + count_lines_with (map, "<image");
      g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, input, NULL), ==, 0);
      list = jm_test_run_tool ("pdfimages", "-list", pdf, NULL);
      lines = g_strsplit (list, "\n", -1);
      /* Two header lines, then one line per image (and per soft mask). */
      for (guint i = 2; lines[i] != NULL; i++)
        if (*lines[i] != '\0' && strstr (lines[i], " smask ") == NULL)
          images++;
      g_test_message ("%s: %u images, %u photos", name, images, photos);
      g_assert_cmpuint (images, ==, photos);
      checked++;
      g_unlink (pdf);
    }
  g_assert_cmpuint (checked, >=, 6);
  g_rmdir (dir);
}

/* ---- metadata of PNG and SVG ---- */

/* The text chunks (tEXt and iTXt) of a PNG, key → value, and its pHYs. */
/* A big-endian word at any address (chunks are not aligned). */
static guint32
be32 (const guchar *p)
{
  guint32 w;

  memcpy (&w, p, sizeof w);
  return GUINT32_FROM_BE (w);
}

static GHashTable *
png_chunks (const guchar *data,
            gsize         len,
            guint32      *ppm_x,
            guint32      *ppm_y)
{
  GHashTable *text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize at = 8;

  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  while (at + 12 <= len)
    {
      guint32 n = be32 (data + at);
      const char *type = (const char *) data + at + 4;
      const char *body = (const char *) data + at + 8;

      g_assert_cmpuint (at + 12 + n, <=, len);
      if (memcmp (type, "tEXt", 4) == 0)
        {
          gsize key_len = strlen (body);

          g_hash_table_insert (text, g_strdup (body), g_strndup (body + key_len + 1, n - key_len - 1));
        }
      else if (memcmp (type, "iTXt", 4) == 0)
        {
          /* key NUL, compression flag, method, language NUL, translated key NUL, text */
          const char *p = body + strlen (body) + 3;

          g_assert_cmpint (body[strlen (body) + 1], ==, 0);   /* not compressed */
          p += strlen (p) + 1;
          p += strlen (p) + 1;
          g_hash_table_insert (text, g_strdup (body), g_strndup (p, n - (p - body)));
        }
      else if (memcmp (type, "pHYs", 4) == 0)
        {
          *ppm_x = be32 ((const guchar *) body);
          *ppm_y = be32 ((const guchar *) body + 4);
          g_assert_cmpint (body[8], ==, 1);   /* metres */
        }
      at += 12 + n;
    }
  return text;
}

static void
test_png_says_its_title_description_software_time_and_resolution (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *output = g_strconcat ("--export=", png, NULL);
  g_autofree char *input = g_build_filename (examples, "bike-shop-vs-food-delivery.it.journey", NULL);
  g_autofree guchar *data = NULL;
  g_autoptr(GHashTable) text = NULL;
  guint32 ppm_x = 0, ppm_y = 0;
  gsize len;

  g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, "--scale=2", input, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, (char **) &data, &len, NULL));
  text = png_chunks (data, len, &ppm_x, &ppm_y);
  g_assert_cmpstr (g_hash_table_lookup (text, "Title"), ==, "Gomma a terra contro cena a domicilio");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (text, "Description"), "Giulia trova la gomma"));
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (text, "Software"), "Journey Maps "));
  g_assert_true (g_regex_match_simple ("^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT$",
                                       g_hash_table_lookup (text, "Creation Time"), 0, 0));
  /* 192 dpi at scale 2: 7559 pixels a metre. */
  g_assert_cmpuint (ppm_x, ==, 7559);
  g_assert_cmpuint (ppm_y, ==, 7559);
  g_unlink (png);
  g_rmdir (dir);
}

static void
test_svg_says_its_title_description_and_language (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *output = g_strconcat ("--export=", svg, NULL);
  g_autofree char *input = g_build_filename (examples, "online-shop.it.journey", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *lint = NULL;
  const char *svg_tag, *title, *desc, *defs;

  g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, input, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  svg_tag = strstr (contents, "<svg ");
  title = strstr (contents, "<title id=\"jm-title\">");
  desc = strstr (contents, "<desc>");
  defs = strstr (contents, "<defs>");
  g_assert_nonnull (svg_tag);
  g_assert_nonnull (title);
  g_assert_nonnull (desc);
  /* The <svg> element says its language, and its first children are the
   * title and the description. */
  g_assert_true (strstr (svg_tag, "xml:lang=\"it\"") < title);
  g_assert_true (title < desc && (defs == NULL || desc < defs));
  g_assert_nonnull (strstr (contents, "<title id=\"jm-title\">Comprare scarpe da corsa online</title>"));
  /* Still well-formed XML. */
  lint = jm_test_run_tool ("xmllint", "--noout", svg, NULL);
  g_unlink (svg);
  g_rmdir (dir);
}

/* ---- the emotion curve's values, on request ---- */

/* The first page's text: the map as drawn, before the pages that read it
 * in order (which list every score anyway). */
static char *
first_page_text (const char *example_name,
                 const char *extra)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *input = g_build_filename (examples, example_name, NULL);
  char *text;

  if (extra != NULL)
    g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, extra, input, NULL), ==, 0);
  else
    g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, input, NULL), ==, 0);
  {
    const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", pdf, "-", NULL };
    g_autoptr(GError) error = NULL;
    int status;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &text, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_unlink (pdf);
  g_rmdir (dir);
  return text;
}

static void
test_emotion_values_are_written_on_request (void)
{
  /* The restaurant's scores include −1.5, −0.5 and +1.5, each once; the
   * axis writes only +2, 0 and −2. */
  static const char *const scores[] = { "−1,5", "−0,5", "+1,5", "+0,5", NULL };
  g_autofree char *plain = first_page_text ("restaurant-regular.it.journey", NULL);
  g_autofree char *with_values = first_page_text ("restaurant-regular.it.journey", "--emotion-values");

  for (guint i = 0; scores[i] != NULL; i++)
    {
      if (strstr (plain, scores[i]) != NULL)
        g_error ("“%s” is on the map without --emotion-values", scores[i]);
      if (strstr (with_values, scores[i]) == NULL)
        g_error ("“%s” is missing from the map with --emotion-values", scores[i]);
    }
}

/* ---- the web page and the whole map as data ---- */

static void
test_html_speaks_the_maps_language (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *page = g_build_filename (dir, "map.html", NULL);
  g_autofree char *output = g_strconcat ("--export=", page, NULL);
  g_autofree char *input = g_build_filename (examples, "online-shop.journey", NULL);
  g_autofree char *english = NULL;
  g_autofree char *italian = NULL;

  /* An English map on an Italian desktop: an English page. */
  g_assert_cmpint (run_in ("it", "it_IT.UTF-8", NULL, output, input, NULL), ==, 0);
  g_assert_true (g_file_get_contents (page, &english, NULL, NULL));
  g_assert_nonnull (strstr (english, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (english, "<h2>Personas</h2>"));
  g_assert_nonnull (strstr (english, "<dt>Goals</dt>"));
  /* --lang overrides it, and the page says so. */
  g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, output, "--lang=it", input, NULL), ==, 0);
  g_assert_true (g_file_get_contents (page, &italian, NULL, NULL));
  g_assert_nonnull (strstr (italian, "<html lang=\"it\">"));
  g_assert_nonnull (strstr (italian, "<dt>Obiettivi</dt>"));
  g_assert_null (strstr (italian, "<dt>Goals</dt>"));
  g_unlink (page);
  g_rmdir (dir);
}

static void
test_csv_round_trips_through_the_command_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (dir, "second.csv", NULL);
  g_autofree char *first_out = g_strconcat ("--export=", first, NULL);
  g_autofree char *second_out = g_strconcat ("--export=", second, NULL);
  g_autofree char *input = g_build_filename (examples, "bike-shop-vs-food-delivery.it.journey", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, first_out, input, NULL), ==, 0);
  /* The CSV is read back as a map by the same command. */
  g_assert_cmpint (run_in ("C", "C.UTF-8", NULL, second_out, first, NULL), ==, 0);
  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_true (g_str_has_prefix (a, "record,stage,column,step,lane,lane_kind,text,"));
  g_assert_cmpstr (a, ==, b);
  /* It is text: picture options are wrong usage. */
  g_assert_cmpint (run_in ("C", "C.UTF-8", &err, second_out, "--theme=dark", input, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "do not apply"));
  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

/* ---- large pictures ---- */

static void
test_large_png_is_announced_with_its_size (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-reports-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "big.png", NULL);
  g_autofree char *output = g_strconcat ("--export=", png, NULL);
  g_autofree char *input = g_build_filename (examples, "online-shop.journey", NULL);
  g_autofree char *err = NULL;
  g_autofree char *small_err = NULL;

  /* Over 100 megapixels: said before it is written (and written in bands). */
  g_assert_cmpint (run_in ("C", "C.UTF-8", &err, output, "--scale=5", input, NULL), ==, 0);
  g_assert_true (g_regex_match_simple ("big\\.png: writing a PNG of [0-9]+ × [0-9]+ pixels \\(1[0-9][0-9] megapixels\\)",
                                       err, 0, 0));
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  /* An ordinary one says nothing. */
  g_assert_cmpint (run_in ("C", "C.UTF-8", &small_err, output, input, NULL), ==, 0);
  g_assert_cmpstr (small_err, ==, "");
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  binary = g_getenv ("JM_BINARY");
  examples = g_getenv ("JM_EXAMPLES");
  g_assert_nonnull (binary);
  g_assert_nonnull (examples);

  g_test_add_func ("/reports/language/italian-map-speaks-italian-on-an-english-desktop",
                   test_italian_map_speaks_italian_on_an_english_desktop);
  g_test_add_func ("/reports/language/english-map-speaks-english-on-an-italian-desktop",
                   test_english_map_speaks_english_on_an_italian_desktop);
  g_test_add_func ("/reports/language/lang-option-overrides-the-maps-language",
                   test_lang_option_overrides_the_maps_language);
  g_test_add_func ("/reports/language/numbers-follow-the-maps-language", test_numbers_follow_the_maps_language);
  g_test_add_func ("/reports/language/lang-option-usage", test_lang_option_usage);

  g_test_add_func ("/reports/pdf/is-tagged-and-reads-stage-by-stage", test_pdf_is_tagged_and_reads_stage_by_stage);

  g_test_add_func ("/reports/icons/pdf-has-no-picture-but-the-maps-photos", test_pdf_has_no_picture_but_the_maps_photos);

  g_test_add_func ("/reports/png/says-its-title-description-software-time-and-resolution",
                   test_png_says_its_title_description_software_time_and_resolution);
  g_test_add_func ("/reports/svg/says-its-title-description-and-language",
                   test_svg_says_its_title_description_and_language);

  g_test_add_func ("/reports/png/large-is-announced-with-its-size", test_large_png_is_announced_with_its_size);
  g_test_add_func ("/reports/emotion-values/written-on-request-in-the-maps-language",
                   test_emotion_values_are_written_on_request);

  g_test_add_func ("/reports/html/speaks-the-maps-language", test_html_speaks_the_maps_language);
  g_test_add_func ("/reports/csv/round-trips-through-the-command-line", test_csv_round_trips_through_the_command_line);

  return g_test_run ();
}
