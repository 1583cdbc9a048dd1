/* test-sheets.c — persona sheets and the one-page summary handout, read
 * back from their PDFs with poppler's pdftotext and pdfinfo: every
 * non-empty persona field on its persona's page, one page per persona; the
 * handout on one page with the title, the scenario, the top pain points in
 * severity order, the opportunities with their owners and the metrics
 * with their targets. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jm-export.h"
#include "jm-layout.h"
#include "jm-reader.h"
#include "jm-writer.h"
#include "jm-number.h"
#include "jm-persona-sheet.h"
#include "jm-test-utils.h"

static const char *const examples[] = {
  "online-shop.journey", "online-shop.it.journey", "restaurant-regular.journey", "restaurant-regular.it.journey",
  "bike-shop-vs-food-delivery.journey", "bike-shop-vs-food-delivery.it.journey", NULL,
};

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  return text != NULL && info != NULL;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Runs of white space as one space: pdftotext breaks lines where the
 * page wraps them. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      /* No-break spaces (a percentage in Italian) too. */
      if (g_str_has_prefix (p, "\u00a0") || g_str_has_prefix (p, "\u202f"))
        {
          space = TRUE;
          p += strlen (g_str_has_prefix (p, "\u00a0") ? "\u00a0" : "\u202f") - 1;
        }
      else if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

static char *
pdf_text (const char *pdf,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, pdf, "-", NULL };
  const char *all[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = run (page > 0 ? argv : all);

  return squeeze (out);
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run (argv);
  const char *pages = strstr (out, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + 6 + strspn (pages + 6, " "), NULL, 10);
}

static gboolean
pdf_is_tagged (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run (argv);

  return strstr (out, "Tagged:          yes") != NULL;
}

static void
assert_contains (const char *text,
                 const char *what,
                 const char *where)
{
  g_autofree char *wanted = squeeze (what);

  if (strstr (text, wanted) == NULL)
    g_error ("“%s” is missing from %s:\n%s", wanted, where, text);
}

static char *
export (JmDocument      *doc,
        JmExportContent  content,
        JmPageOption     page,
        const char      *name)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-sheets-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  JmExportOptions options;

  jm_export_options_init (&options);
  options.content = content;
  options.page = page;
  jm_export_to_path (doc, path, &options, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_list (const char  *text,
             char       **items,
             const char  *where)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    assert_contains (text, items[i], where);
}

static void
test_persona_sheets_hold_every_field (void)
{
  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  for (guint e = 0; examples[e] != NULL; e++)
    {
      g_autoptr(JmDocument) doc = jm_test_load_example (examples[e]);
      g_autofree char *pdf = export (doc, JM_EXPORT_PERSONA_SHEETS, JM_PAGE_A4, "personas.pdf");
      GPtrArray *personas = jm_document_get_personas (doc);
      const char *lang = jm_document_get_language (doc);

      g_assert_cmpuint (pdf_pages (pdf), ==, personas->len);
      g_assert_true (pdf_is_tagged (pdf));
      for (guint i = 0; i < personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (personas, i);
          g_autofree char *text = pdf_text (pdf, i + 1);
          g_autofree char *where = g_strdup_printf ("%s, page %u", examples[e], i + 1);

          assert_contains (text, persona->name, where);
          if (persona->age > 0)
            {
              g_autofree char *age = g_strdup_printf ("%u", persona->age);

              assert_contains (text, age, where);
            }
          if (persona->occupation != NULL)
            assert_contains (text, persona->occupation, where);
          if (persona->quote != NULL)
            assert_contains (text, persona->quote, where);
          if (persona->bio != NULL)
            assert_contains (text, persona->bio, where);
          assert_list (text, persona->goals, where);
          assert_list (text, persona->needs, where);
          assert_list (text, persona->frustrations, where);
          assert_list (text, persona->interests, where);
          for (guint c = 0; persona->channels != NULL && c < persona->channels->len; c++)
            assert_contains (text, jm_channel_get_label_in (g_array_index (persona->channels, JmChannel, c), lang),
                             where);
          /* The curve names the stages under it. */
          assert_contains (text, ((JmStage *) g_ptr_array_index (jm_document_get_stages (doc), 0))->name, where);
        }
      g_unlink (pdf);
    }
}

/* A persona with more goals than a page holds: the sheet stays one page,
 * the first goals are there and the rest are counted. */
static void
test_persona_sheet_counts_what_does_not_fit (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmPersona) persona = jm_persona_copy (jm_document_find_persona (doc, "p1"));
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  for (guint i = 0; i < 80; i++)
    g_ptr_array_add (goals, g_strdup_printf ("Goal number %u, which is long enough to take a whole line or more", i));
  g_ptr_array_add (goals, NULL);
  g_strfreev (persona->goals);
  persona->goals = g_strdupv ((char **) goals->pdata);
  jm_document_update_persona (doc, g_steal_pointer (&persona), NULL);

  pdf = export (doc, JM_EXPORT_PERSONA_SHEETS, JM_PAGE_A4, "personas.pdf");
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  text = pdf_text (pdf, 1);
  assert_contains (text, "Goal number 0,", "the sheet");
  g_assert_null (strstr (text, "Goal number 79,"));
  g_assert_nonnull (strstr (text, " more"));
}

/* The pain points of the map in severity order, ties in map order, as
 * the test reckons them itself. */
static GPtrArray *
expected_pain_points (JmDocument *doc)
{
  GPtrArray *lanes = jm_document_get_lanes (doc);
  GPtrArray *out = g_ptr_array_new ();

  for (int severity = JM_SEVERITY_CRITICAL; severity >= JM_SEVERITY_NONE; severity--)
    for (guint i = 0; i < lanes->len; i++)
      {
        JmLane *lane = g_ptr_array_index (lanes, i);

        for (guint c = 0; lane->kind == JM_LANE_PAIN_POINTS && c < lane->cards->len; c++)
          if ((int) ((JmCard *) g_ptr_array_index (lane->cards, c))->severity == severity)
            g_ptr_array_add (out, g_ptr_array_index (lane->cards, c));
      }
  return out;
}

/* The start of a card's text: enough to find it, short enough not to be
 * cut by the two lines an item has. */
static char *
start_of (const char *text)
{
  return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 24));
}

static void
test_handout_is_one_page_with_the_top_pain_points_in_order (void)
{
  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  for (guint e = 0; examples[e] != NULL; e++)
    for (int letter = 0; letter < 2; letter++)
      {
        g_autoptr(JmDocument) doc = jm_test_load_example (examples[e]);
        g_autofree char *pdf = export (doc, JM_EXPORT_HANDOUT, letter ? JM_PAGE_LETTER : JM_PAGE_A4, "summary.pdf");
        g_autofree char *text = pdf_text (pdf, 0);
        g_autoptr(GPtrArray) pains = expected_pain_points (doc);
        GPtrArray *lanes = jm_document_get_lanes (doc);
        const char *where = examples[e];
        const char *last = text;

        g_assert_cmpuint (pdf_pages (pdf), ==, 1);
        g_assert_true (pdf_is_tagged (pdf));
        assert_contains (text, jm_document_get_title (doc), where);
        assert_contains (text, jm_document_get_scenario (doc), where);
        for (guint i = 0; i < jm_document_get_personas (doc)->len; i++)
          assert_contains (text, ((JmPersona *) g_ptr_array_index (jm_document_get_personas (doc), i))->name, where);

        /* At least three of them, each after the one before. */
        g_assert_cmpuint (pains->len, >=, 3);
        for (guint i = 0; i < MIN (pains->len, 3); i++)
          {
            g_autofree char *start = start_of (((JmCard *) g_ptr_array_index (pains, i))->text);
            g_autofree char *wanted = squeeze (start);
            const char *at = strstr (last, wanted);

            if (at == NULL)
              g_error ("pain point %u “%s” is missing or out of order in the handout of %s:\n%s", i + 1, wanted,
                       where, text);
            last = at + 1;
          }

        /* The opportunities shown have their owners beside them. */
        for (guint i = 0; i < lanes->len; i++)
          {
            JmLane *lane = g_ptr_array_index (lanes, i);

            for (guint c = 0; lane->kind == JM_LANE_OPPORTUNITIES && c < lane->cards->len; c++)
              {
                JmCard *card = g_ptr_array_index (lane->cards, c);
                g_autofree char *start = start_of (card->text);
                g_autofree char *wanted = squeeze (start);

                if (card->priority == JM_PRIORITY_HIGH && strstr (text, wanted) == NULL)
                  g_error ("the high-priority opportunity “%s” is missing from %s", wanted, where);
                if (card->priority == JM_PRIORITY_HIGH && card->owner != NULL)
                  assert_contains (text, card->owner, where);
              }
          }

        /* Each stage metric with its target. */
        for (guint i = 0; i < jm_document_get_stages (doc)->len; i++)
          {
            JmStage *stage = g_ptr_array_index (jm_document_get_stages (doc), i);

            for (guint m = 0; m < stage->metrics->len; m++)
              {
                JmMetric *metric = g_ptr_array_index (stage->metrics, m);
                const char *unit = metric->kind == JM_METRIC_CUSTOM ? metric->unit
                                                                    : jm_metric_kind_get_unit (metric->kind);
                g_autofree char *target = jm_number_format_unit_in (metric->target, -1, unit,
                                                                    jm_document_get_language (doc));

                if (metric->has_target)
                  assert_contains (text, target, where);
              }
          }
        g_unlink (pdf);
      }
}

/* Whatever the map holds, the handout is one page: a hundred pain points
 * become five and "and 95 more". */
static void
test_handout_fits_one_page_whatever_the_map (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmLane) lane = jm_lane_new ("pains", JM_LANE_PAIN_POINTS, "Pain points");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  jm_document_insert_lane (doc, -1, g_steal_pointer (&lane));
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("pain%u", i);
      g_autofree char *words = g_strdup_printf ("Pain %u: %s", i, i == 42 ? "the worst" : "a nuisance");
      g_autoptr(JmCard) card = jm_card_new (id, "s1", words);

      card->severity = i == 42 ? JM_SEVERITY_CRITICAL : JM_SEVERITY_LOW;
      jm_document_insert_card (doc, "pains", -1, g_steal_pointer (&card));
    }
  pdf = export (doc, JM_EXPORT_HANDOUT, JM_PAGE_LETTER, "summary.pdf");
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  text = pdf_text (pdf, 0);
  /* The critical one first, then the low ones in map order. */
  g_assert_nonnull (strstr (text, "Pain 42: the worst"));
  g_assert_true (strstr (text, "Pain 42: the worst") < strstr (text, "Pain 0: a nuisance"));
  g_assert_null (strstr (text, "Pain 50: a nuisance"));
  assert_contains (text, "and 95 more", "the handout");
}

static void
test_sheet_pngs_are_one_file_per_persona (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autofree char *png = export (doc, JM_EXPORT_PERSONA_SHEETS, JM_PAGE_A4, "personas.png");
  g_autofree char *first = jm_export_sheet_png_path (png, 1);
  g_autofree char *second = jm_export_sheet_png_path (png, 2);
  g_autofree char *third = jm_export_sheet_png_path (png, 3);
  cairo_surface_t *image;

  g_assert_true (g_str_has_suffix (first, "/personas-1.png"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));
  image = cairo_image_surface_create_from_png (first);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* A4 portrait at 96 dpi. */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 794);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1123);
  cairo_surface_destroy (image);
  g_unlink (first);
  g_unlink (second);
}

/* ---- the persona header's details (the map's persona-details option) ---- */

static void
test_persona_header_grows_with_details_and_undo_shrinks_it (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  g_autoptr(JmLayout) layout = NULL;
  JmRenderOptions options;
  JmRect before, after;
  double h_before, h_after, h_undone;

  jm_render_options_init (&options);
  layout = jm_layout_new (doc, &options);
  g_assert_false (jm_document_get_persona_details (doc));
  g_assert_true (jm_layout_get_persona_rect (layout, "p-sara", &before));
  jm_layout_get_size (layout, NULL, &h_before);

  jm_document_set_persona_details (doc, TRUE);
  g_assert_true (jm_document_get_persona_details (doc));
  g_assert_true (jm_layout_get_persona_rect (layout, "p-sara", &after));
  jm_layout_get_size (layout, NULL, &h_after);
  /* Three more lines: needs, frustrations, interests. */
  g_assert_cmpfloat (after.height, >=, before.height + 3 * 18);
  g_assert_cmpfloat (h_after, >, h_before);
  g_assert_cmpstr (jm_history_get_undo_label (jm_document_get_history (doc)), ==, "Show Persona Details");

  g_assert_true (jm_history_undo (jm_document_get_history (doc)));
  g_assert_false (jm_document_get_persona_details (doc));
  jm_layout_get_size (layout, NULL, &h_undone);
  g_assert_cmpfloat (h_undone, ==, h_before);
  g_assert_true (jm_history_redo (jm_document_get_history (doc)));
  g_assert_true (jm_document_get_persona_details (doc));
}

static void
test_persona_details_round_trip_in_the_file (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  g_autoptr(JmDocument) back = NULL;
  g_autoptr(JmDocument) off = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *plain = NULL;
  gsize len;

  plain = jm_writer_to_string (doc, &len);
  g_assert_null (strstr (plain, "persona-details"));
  jm_document_set_persona_details (doc, TRUE);
  xml = jm_writer_to_string (doc, &len);
  g_assert_nonnull (strstr (xml, " persona-details=\"true\""));
  back = jm_reader_load_bytes ("back.journey", xml, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jm_document_get_persona_details (back));
  off = jm_reader_load_bytes ("off.journey", plain, strlen (plain), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (jm_document_get_persona_details (off));
}

static void
test_persona_details_are_drawn_in_pdf_and_png (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-details-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  JmExportOptions options;
  int w0, h0, w1, h1;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  jm_export_options_init (&options);
  jm_export_get_png_size (doc, &options, &w0, &h0);
  g_assert_true (jm_export_to_path (doc, pdf, &options, &error));
  without = pdf_text (pdf, 1);
  g_assert_null (strstr (without, "Needs: Honest size advice"));

  jm_document_set_persona_details (doc, TRUE);
  jm_export_get_png_size (doc, &options, &w1, &h1);
  g_assert_cmpint (h1, >, h0);
  g_assert_true (jm_export_to_path (doc, pdf, &options, &error));
  with = pdf_text (pdf, 1);
  assert_contains (with, "Needs: Honest size advice, Guest checkout", "the map's first page");
  assert_contains (with, "Frustrations: Hidden shipping costs", "the map's first page");
  assert_contains (with, "Interests: Trail running, Podcasts", "the map's first page");
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jm_test_bind_translations ();

  g_test_add_func ("/sheets/personas/hold-every-field-one-page-each", test_persona_sheets_hold_every_field);
  g_test_add_func ("/sheets/personas/count-what-does-not-fit", test_persona_sheet_counts_what_does_not_fit);
  g_test_add_func ("/sheets/personas/png-one-file-per-persona", test_sheet_pngs_are_one_file_per_persona);
  g_test_add_func ("/sheets/handout/one-page-top-pain-points-in-order",
                   test_handout_is_one_page_with_the_top_pain_points_in_order);
  g_test_add_func ("/sheets/handout/fits-one-page-whatever-the-map", test_handout_fits_one_page_whatever_the_map);
  g_test_add_func ("/persona-header/grows-with-details-and-undo-shrinks-it",
                   test_persona_header_grows_with_details_and_undo_shrinks_it);
  g_test_add_func ("/persona-header/details-round-trip-in-the-file", test_persona_details_round_trip_in_the_file);
  g_test_add_func ("/persona-header/details-drawn-in-pdf-and-png", test_persona_details_are_drawn_in_pdf_and_png);
  return g_test_run ();
}
