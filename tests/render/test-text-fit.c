/* test-text-fit.c — cards' texts told from their words' widths
 * (jm-text-fit.h) lay a map out exactly as Pango measuring every text
 * does: on the examples, on a generated map of every kind of text, and at
 * a line exactly as wide as the width. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "jm-layout-private.h"
#include "jm-reader.h"
#include "jm-test-utils.h"
#include "jm-text-fit.h"

static JmRenderOptions
options_for_test (void)
{
  JmRenderOptions options;

  jm_render_options_init (&options);
  options.date = "2026-11-23";
  return options;
}

/* Every card of doc where Pango measuring every text puts it, and the map
 * as large. Returns how many cards were compared. */
static guint
assert_same_layout (JmDocument *doc,
                    guint      *n_fitted)
{
  JmRenderOptions options = options_for_test ();
  g_autoptr(JmLayout) fitted = jm_layout_new (doc, &options);
  g_autoptr(JmLayout) measured = jm_layout_new_measuring_all (doc, &options);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  double fw, fh, mw, mh;
  guint n = 0;

  g_assert_cmpuint (measured->n_fitted, ==, 0);
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          JmRect a, b;
          gboolean has_a = jm_layout_get_card_rect (fitted, card->id, &a);

          g_assert_cmpint (has_a, ==, jm_layout_get_card_rect (measured, card->id, &b));
          if (!has_a)
            continue;
          if (a.x != b.x || a.y != b.y || a.width != b.width || a.height != b.height)
            g_error ("card %s (\"%s\"): %g,%g %g×%g told, %g,%g %g×%g measured", card->id, card->text,
                     a.x, a.y, a.width, a.height, b.x, b.y, b.width, b.height);
          n++;
        }
    }
  jm_layout_get_size (fitted, &fw, &fh);
  jm_layout_get_size (measured, &mw, &mh);
  g_assert_cmpfloat (fw, ==, mw);
  g_assert_cmpfloat (fh, ==, mh);
  if (n_fitted != NULL)
    *n_fitted = fitted->n_fitted;
  return n;
}

static void
test_examples_lay_out_as_measured (void)
{
  const char *names[] = {
    "bike-shop-vs-food-delivery.journey", "bike-shop-vs-food-delivery.it.journey",
    "online-shop.journey", "online-shop.it.journey",
    "restaurant-regular.journey", "restaurant-regular.it.journey",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(JmDocument) doc = jm_test_load_example (names[i]);

      g_assert_cmpuint (assert_same_layout (doc, NULL), >, 10);
    }
}

/* Words of every kind the measuring tells or leaves to Pango: plain,
 * accented, ended by a mark, kerned letters (and letters that may kern
 * against a space), hyphens and apostrophes (breaks inside), a word wider
 * than any column, a mark alone, text of another script. */
static const char *const vocabulary[] = {
  "shop", "store", "happy", "order", "colour", "discount", "email", "price",
  "delivery", "customer", "recommends", "late", "visit", "finds", "website",
  "staff", "compares", "pays", "a", "I", "W", "AVATAR", "Tyre", "To", "We",
  "yoyo", "fly", "off", "Vespa", "LT", "café", "perché", "più", "Übergröße",
  "naïve", "façade", "Łódź", "late,", "done.", "why?", "now!", "list:",
  "then;", "1,5", "42", "10am", "e-mail", "l'ordine", "(sic)", "\"quoted\"",
  "supercalifragilisticexpialidocious-and-then-some-more-without-any-break",
  "-", "—", "x\u00a0y", "日本語", "🙂",
};

/* The plain words lead the vocabulary: up to "Łódź". */
#define N_PLAIN 37

static char *
generated_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  int shape = g_rand_int_range (rand, 0, 20);
  int n_words = shape == 0 ? g_rand_int_range (rand, 40, 90)   /* past the line limit */
                           : g_rand_int_range (rand, 1, 30);

  for (int w = 0; w < n_words; w++)
    {
      /* Mostly plain words, as most cards are. */
      guint index = g_rand_int_range (rand, 0, 10) < 8 ? g_rand_int_range (rand, 0, N_PLAIN)
                                                       : g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary));

      if (w > 0)
        g_string_append (text, shape == 1 && w == 3 ? "  " : shape == 2 && w == 2 ? "\n" : " ");
      g_string_append (text, vocabulary[index]);
    }
  if (shape == 3)
    g_string_append_c (text, ' ');
  return g_string_free (text, FALSE);
}

static void
test_generated_map_lays_out_as_measured (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
                                         "  <title>Generated</title>\n  <stages>\n");
  const guint n_stages = 4, n_steps = 2, n_lanes = 4, n_cards = 1200;
  const char *kinds[] = { "text", "touchpoints", "pain-points", "opportunities" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = NULL;
  guint n, n_fitted;

  for (guint s = 0; s < n_stages; s++)
    {
      g_string_append_printf (xml, "    <stage id=\"st%u\" name=\"Stage %u\">\n", s, s + 1);
      for (guint t = 0; t < n_steps; t++)
        g_string_append_printf (xml, "      <step id=\"s%u-%u\" name=\"Step %u\"/>\n", s, t, t + 1);
      g_string_append (xml, "    </stage>\n");
    }
  g_string_append (xml, "  </stages>\n  <lanes>\n");
  for (guint l = 0; l < n_lanes; l++)
    {
      g_string_append_printf (xml, "    <lane id=\"l%u\" kind=\"%s\" title=\"Lane %u\">\n", l, kinds[l], l + 1);
      for (guint c = l; c < n_cards; c += n_lanes)
        {
          /* Every 97th card spans two steps (so never from the last). */
          gboolean spans = c % 97 == 0;
          guint step = g_rand_int_range (rand, 0, (gint32) (n_stages * n_steps - spans));
          g_autofree char *text = generated_text (rand);
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          g_string_append_printf (xml, "      <card id=\"c%u\" step=\"s%u-%u\"%s>\n        <text>%s</text>\n      </card>\n",
                                  c, step / n_steps, step % n_steps,
                                  spans ? " span=\"2\"" : "", escaped);
        }
      g_string_append (xml, "    </lane>\n");
    }
  g_string_append (xml, "  </lanes>\n</journey-map>\n");

  doc = jm_reader_load_bytes ("generated.journey", xml->str, xml->len, NULL, &error);
  g_assert_no_error (error);
  n = assert_same_layout (doc, &n_fitted);
  g_assert_cmpuint (n, ==, n_cards);
  /* Both ways were taken, many times each. */
  g_assert_cmpuint (n_fitted, >, n / 3);
  g_assert_cmpuint (n_fitted, <, n - n / 10);
}

/* A line as wide as the width keeps its last word; one unit narrower, the
 * word goes to the next line. Both as Pango lays them out. */
static void
test_line_exactly_as_wide_as_the_width_keeps_its_word (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
  g_autoptr(PangoLayout) template = jm_layout_make_text (layout, "", JM_CARD_TEXT_SIZE, FALSE, 100);
  g_autoptr(PangoLayout) pango = NULL;
  g_autoptr(JmTextFit) fit = NULL;
  const char *text = "shop store";
  PangoRectangle logical;
  int one_line, two_lines, h;

  pango_layout_set_height (template, -14);
  pango_layout_set_ellipsize (template, PANGO_ELLIPSIZE_END);
  fit = jm_text_fit_new (template);
  pango = pango_layout_copy (template);
  pango_layout_set_width (pango, -1);
  pango_layout_set_text (pango, text, -1);
  pango_layout_get_extents (pango, NULL, &logical);

  pango_layout_set_width (pango, logical.width);
  g_assert_cmpint (pango_layout_get_line_count (pango), ==, 1);
  pango_layout_get_pixel_size (pango, NULL, &one_line);
  g_assert_cmpint (jm_text_fit_height (fit, text, logical.width), ==, one_line);

  pango_layout_set_width (pango, logical.width - 1);
  g_assert_cmpint (pango_layout_get_line_count (pango), ==, 2);
  pango_layout_get_pixel_size (pango, NULL, &two_lines);
  g_assert_cmpint (two_lines, >, one_line);
  g_assert_cmpint (jm_text_fit_height (fit, text, logical.width - 1), ==, two_lines);

  /* The space after a line's last word does not count: two full lines,
   * not four lines of a word or two. */
  h = jm_text_fit_height (fit, "shop store shop store", logical.width);
  pango_layout_set_width (pango, logical.width);
  pango_layout_set_text (pango, "shop store shop store", -1);
  g_assert_cmpint (pango_layout_get_line_count (pango), ==, 2);
  g_assert_cmpint (h, ==, two_lines);

  /* What it cannot tell it leaves to Pango. */
  g_assert_cmpint (jm_text_fit_height (fit, "e-mail", logical.width), ==, -1);
  g_assert_cmpint (jm_text_fit_height (fit, "two  spaces", logical.width), ==, -1);
  g_assert_cmpint (jm_text_fit_height (fit, "", logical.width), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/text-fit/examples-lay-out-as-measured", test_examples_lay_out_as_measured);
  g_test_add_func ("/render/text-fit/generated-map-lays-out-as-measured", test_generated_map_lays_out_as_measured);
  g_test_add_func ("/render/text-fit/line-exactly-as-wide-as-the-width-keeps-its-word",
                   test_line_exactly_as_wide_as_the_width_keeps_its_word);
  return g_test_run ();
}
