/* test-render.c — layout geometry, the incremental relayout, hit-testing,
 * the emotion curve, golden images, and the PNG, PDF and SVG exports. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "jm-export.h"
#include "jm-image.h"
#include "jm-layout-private.h"
#include "jm-test-utils.h"
#include "jm-painter.h"
#include "jm-palette.h"
#include "jm-theme.h"
#include "jm-presentation.h"
#include "jm-poster.h"
#include "jm-reader.h"
#include "jm-test-utils.h"
#include "jm-writer.h"

static const char *srcdir;

static JmLayout *
layout_for (JmDocument *doc)
{
  JmRenderOptions options;

  jm_render_options_init (&options);
  options.date = "2026-11-23";
  return jm_layout_new (doc, &options);
}

static void
test_cards_do_not_overlap_and_stay_in_their_cells (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  g_autoptr(GPtrArray) rects = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);
      JmRect lane_rect;

      g_assert_true (jm_layout_get_lane_rect (layout, lane->id, &lane_rect));
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          JmRect *r = g_new (JmRect, 1);
          JmRect first_cell, last_cell;
          JmStep *last_step;
          JmCardBox *box = g_hash_table_lookup (layout->boxes, card->id);
          int text_w, text_h;

          g_assert_true (jm_layout_get_card_rect (layout, card->id, r));
          g_assert_true (jm_layout_get_cell_rect (layout, lane->id, card->step_id, &first_cell));
          last_step = jm_document_get_step (doc, jm_document_get_step_column (doc, card->step_id) + card->span - 1);
          g_assert_true (jm_layout_get_cell_rect (layout, lane->id, last_step->id, &last_cell));

          /* Inside the cells it spans, and inside its lane. */
          g_assert_cmpfloat (r->x, >=, first_cell.x);
          g_assert_cmpfloat (r->x + r->width, <=, last_cell.x + last_cell.width);
          g_assert_cmpfloat (r->y, >=, lane_rect.y);
          g_assert_cmpfloat (r->y + r->height, <=, lane_rect.y + lane_rect.height);
          /* A span of two is wider than one column. */
          if (card->span > 1)
            g_assert_cmpfloat (r->width, >, first_cell.width);

          /* The text fits in the card. */
          pango_layout_get_pixel_size (jm_layout_get_card_text (layout, box), &text_w, &text_h);
          g_assert_cmpint (text_w, <=, r->width - 2 * JM_CARD_PAD);
          g_assert_cmpint (text_h, <=, r->height);
          g_ptr_array_add (rects, r);
        }
    }

  g_assert_cmpuint (rects->len, >, 20);
  for (guint i = 0; i < rects->len; i++)
    for (guint j = i + 1; j < rects->len; j++)
      g_assert_false (jm_rect_intersects (g_ptr_array_index (rects, i), g_ptr_array_index (rects, j)));
}

static void
test_editing_one_card_measures_only_that_card (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  JmRect before_other, after_other, before_below, after_below, card_before, card_after;
  guint measured = jm_layout_get_n_measured (layout);
  double height_before, height_after;

  /* c-12 sits in the touchpoints lane; c-1 above it, c-20 (pain points) below. */
  g_assert_true (jm_layout_get_card_rect (layout, "c-1", &before_other));
  g_assert_true (jm_layout_get_card_rect (layout, "c-20", &before_below));
  g_assert_true (jm_layout_get_card_rect (layout, "c-12", &card_before));
  jm_layout_get_size (layout, NULL, &height_before);

  jm_document_set_card_text (doc, "c-12", "Short");
  g_assert_cmpuint (jm_layout_get_n_measured (layout), ==, measured + 1);
  g_assert_true (jm_layout_get_card_rect (layout, "c-12", &card_after));
  g_assert_cmpfloat (card_after.height, <, card_before.height);

  /* A much longer text grows the card and pushes the lanes below down. */
  jm_document_set_card_text (doc, "c-12", "Counter staff refuse to lend the pump, then explain at length why "
                                          "lending tools is against the rules, while the queue grows and the "
                                          "customer is late for work; she leaves without a word, angry and "
                                          "embarrassed, and with a pump she never wanted in her bag.");
  g_assert_cmpuint (jm_layout_get_n_measured (layout), ==, measured + 2);
  g_assert_true (jm_layout_get_card_rect (layout, "c-1", &after_other));
  g_assert_true (jm_layout_get_card_rect (layout, "c-20", &after_below));
  jm_layout_get_size (layout, NULL, &height_after);
  g_assert_cmpfloat (after_other.y, ==, before_other.y);
  g_assert_cmpfloat (after_below.y, >, before_below.y);
  g_assert_cmpfloat (height_after, >, height_before);

  /* Undo brings the geometry back exactly. */
  jm_history_undo (jm_document_get_history (doc));
  g_assert_true (jm_layout_get_card_rect (layout, "c-20", &after_below));
  g_assert_cmpfloat (after_below.y, ==, before_below.y);
}

static void
test_structural_changes_relayout (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  double width_before, width_after;
  JmRect rect;

  jm_layout_get_size (layout, &width_before, NULL);
  jm_document_insert_step (doc, "st-need", -1, jm_step_new ("s-new", "New step"));
  jm_layout_get_size (layout, &width_after, NULL);
  g_assert_cmpfloat (width_after, >=, width_before + JM_COLUMN_MIN_W);

  jm_document_move_card (doc, "c-1", "l-pain", "s-new", -1);
  g_assert_true (jm_layout_get_card_rect (layout, "c-1", &rect));
  {
    JmRect cell;
    g_assert_true (jm_layout_get_cell_rect (layout, "l-pain", "s-new", &cell));
    g_assert_true (jm_rect_contains (&cell, rect.x + 1, rect.y + 1));
  }
  jm_document_remove_card (doc, "c-1");
  g_assert_false (jm_layout_get_card_rect (layout, "c-1", &rect));
}

static void
test_hit_test_finds_cards_cells_and_headers (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  JmRect card, cell, stage;
  JmHit hit;

  g_assert_true (jm_layout_get_card_rect (layout, "c-14", &card));
  g_assert_true (jm_layout_hit_test (layout, card.x + card.width / 2, card.y + card.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_CARD);
  g_assert_cmpstr (hit.id, ==, "c-14");
  g_assert_cmpstr (hit.lane_id, ==, "l-touch");

  /* A spanning card is found in its second column too. */
  g_assert_true (jm_layout_get_card_rect (layout, "c-5", &card));
  g_assert_true (jm_layout_hit_test (layout, card.x + card.width - 20, card.y + 10, &hit));
  g_assert_cmpstr (hit.id, ==, "c-5");

  g_assert_true (jm_layout_get_cell_rect (layout, "l-pain", "s-flat", &cell));
  g_assert_true (jm_layout_hit_test (layout, cell.x + cell.width / 2, cell.y + cell.height - 3, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_CELL);
  g_assert_cmpstr (hit.lane_id, ==, "l-pain");
  g_assert_cmpstr (hit.step_id, ==, "s-flat");

  g_assert_true (jm_layout_get_stage_rect (layout, "st-buy", &stage));
  g_assert_true (jm_layout_hit_test (layout, stage.x + 30, stage.y + 10, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_STAGE);
  g_assert_cmpstr (hit.id, ==, "st-buy");

  g_assert_true (jm_layout_hit_test (layout, 60, cell.y + 10, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_LANE);
  g_assert_cmpstr (hit.id, ==, "l-pain");

  {
    double x, y;
    g_assert_true (jm_layout_get_emotion_point (layout, "p-giulia", "s-answer", JM_MAP_STATE_CURRENT, &x, &y));
    g_assert_true (jm_layout_hit_test (layout, x + 2, y - 2, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_EMOTION);
    g_assert_cmpstr (hit.id, ==, "p-giulia");
    g_assert_cmpstr (hit.step_id, ==, "s-answer");
  }

  g_assert_false (jm_layout_hit_test (layout, -5, -5, &hit));
}

static void
test_emotion_curve_never_overshoots (void)
{
  const double xs[] = { 0, 1, 2, 3, 4, 5, 6 };
  const double ys[] = { -2, 2, 2, -2, -1, -1, 2 };

  for (double x = 0; x <= 6; x += 0.01)
    {
      double y = jm_monotone_curve_eval (xs, ys, G_N_ELEMENTS (xs), x);
      int k = (int) floor (x);

      g_assert_cmpfloat (y, >=, -2.0 - 1e-9);
      g_assert_cmpfloat (y, <=, 2.0 + 1e-9);
      /* Between two data points the curve stays between their values. */
      if (k < 6)
        {
          g_assert_cmpfloat (y, >=, MIN (ys[k], ys[k + 1]) - 1e-9);
          g_assert_cmpfloat (y, <=, MAX (ys[k], ys[k + 1]) + 1e-9);
        }
    }
  g_assert_cmpfloat (jm_monotone_curve_eval (xs, ys, G_N_ELEMENTS (xs), 3), ==, -2);
}

static cairo_surface_t *
render (JmDocument *doc,
        JmTheme     theme,
        double      scale)
{
  JmRenderOptions options;
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  jm_render_options_init (&options);
  options.theme = theme;
  options.date = "2026-11-23";
  layout = jm_layout_new (doc, &options);
  jm_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale), (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  jm_painter_paint (layout, cr, NULL, scale);
  cairo_destroy (cr);
  return surface;
}

/* Share of pixels differing by more than `threshold` in any channel. */
static double
difference (cairo_surface_t *a,
            cairo_surface_t *b,
            int              threshold,
            cairo_surface_t *diff)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  int sd = cairo_image_surface_get_stride (diff);
  guchar *pa, *pb, *pd;
  guint64 differing = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  pd = cairo_image_surface_get_data (diff);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guchar *ca = pa + y * sa + x * 4, *cb = pb + y * sb + x * 4, *cd = pd + y * sd + x * 4;
        gboolean differs = FALSE;

        for (int c = 0; c < 4; c++)
          if (abs (ca[c] - cb[c]) > threshold)
            differs = TRUE;
        cd[0] = cd[1] = differs ? 0 : ca[0] / 4 + 191;
        cd[2] = differs ? 255 : ca[2] / 4 + 191;
        cd[3] = 255;
        differing += differs;
      }
  cairo_surface_mark_dirty (diff);
  return (double) differing / ((double) w * h);
}

static void
check_golden (const char *example,
              JmTheme     theme)
{
  g_autoptr(JmDocument) doc = jm_test_load_example (example);
  g_autofree char *name = g_strdup_printf ("%s-%s.png", example, jm_theme_to_string (theme));
  g_autofree char *golden = g_build_filename (srcdir, "golden", name, NULL);
  cairo_surface_t *actual = render (doc, theme, 0.5);
  cairo_surface_t *expected, *diff;
  double share;

  if (g_strcmp0 (g_getenv ("JM_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (actual);
      return;
    }

  expected = cairo_image_surface_create_from_png (golden);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, cairo_image_surface_get_width (actual));
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, cairo_image_surface_get_height (actual));

  diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (actual),
                                     cairo_image_surface_get_height (actual));
  share = difference (actual, expected, 48, diff);
  if (share > 0.002)
    {
      g_autofree char *diff_path = g_build_filename (g_get_tmp_dir (), name, NULL);
      g_autofree char *actual_path = g_strconcat (diff_path, ".actual.png", NULL);

      cairo_surface_write_to_png (diff, diff_path);
      cairo_surface_write_to_png (actual, actual_path);
      g_printerr ("%s differs from its reference in %.2f %% of pixels: see %s and %s\n",
                  name, share * 100, diff_path, actual_path);
    }
  g_assert_cmpfloat (share, <=, 0.002);

  cairo_surface_destroy (diff);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

static void
test_golden_images_match (void)
{
  check_golden ("bike-shop-vs-food-delivery.journey", JM_THEME_LIGHT);
  check_golden ("bike-shop-vs-food-delivery.it.journey", JM_THEME_DARK);
  check_golden ("bike-shop-vs-food-delivery.journey", JM_THEME_PRINT);
  check_golden ("bike-shop-vs-food-delivery.journey", JM_THEME_HIGH_CONTRAST);
}

static void
test_tricky_text_renders_inside_cards (void)
{
  g_autoptr(JmDocument) doc = jm_document_new ();
  JmStage *stage = jm_stage_new ("a", "Ünïcödé stage");
  JmLane *lane = jm_lane_new ("l", JM_LANE_TEXT, "Text");
  const char *texts[] = {
    "Supercalifragilisticexpialidociousandthensomemorelettersthatneverbreak",
    "Emoji 🚲🍕😀 and accents àèìòù ÄÖÜ ñ",
    "عميل يزور المتجر ويطلب المساعدة",
    "לקוח מבקר בחנות",
    "",
  };
  g_autoptr(JmLayout) layout = NULL;

  g_ptr_array_add (stage->steps, jm_step_new ("s", "Step"));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_ptr_array_add (lane->cards, jm_card_new (id, "s", texts[i]));
    }
  jm_document_build_header (doc, "Tricky", NULL, NULL, JM_MAP_STATE_CURRENT);
  jm_document_build_stage (doc, stage);
  jm_document_build_lane (doc, lane);
  jm_document_build_lane (doc, jm_lane_new ("empty", JM_LANE_PAIN_POINTS, "Empty lane"));
  layout = layout_for (doc);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      JmCardBox *box = g_hash_table_lookup (layout->boxes, id);
      PangoRectangle ink;

      pango_layout_get_pixel_extents (jm_layout_get_card_text (layout, box), &ink, NULL);
      g_assert_cmpint (ink.x + ink.width, <=, box->rect.width - 2 * JM_CARD_PAD + 1);
    }

  {
    cairo_surface_t *surface = render (doc, JM_THEME_LIGHT, 1.0);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
}

static void
test_paint_draws_only_visible_cards (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  JmRect corner, card;

  jm_painter_paint (layout, cr, NULL, 1.0);
  g_assert_cmpuint (layout->n_painted, ==, jm_document_get_n_cards (doc));

  /* Only the one card under a small window is drawn. */
  g_assert_true (jm_layout_get_card_rect (layout, "c-14", &card));
  corner = (JmRect) { card.x + 10, card.y + 10, 20, 20 };
  jm_painter_paint (layout, cr, &corner, 1.0);
  g_assert_cmpuint (layout->n_painted, ==, 1);

  /* Zoomed far out, every card is still drawn (as shapes). */
  jm_painter_paint (layout, cr, NULL, 0.1);
  g_assert_cmpuint (layout->n_painted, ==, jm_document_get_n_cards (doc));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A layout takes its own options back (as a caller that changes one field
 * of jm_layout_get_options does) without losing their strings. */
static void
test_layout_takes_its_own_options_back (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmLayout) layout = NULL;
  JmRenderOptions options;

  jm_render_options_init (&options);
  options.date = "2026-11-23";
  options.persona_id = "p-paolo";
  layout = jm_layout_new (doc, &options);
  jm_layout_set_options (layout, jm_layout_get_options (layout));
  g_assert_cmpstr (jm_layout_get_options (layout)->date, ==, "2026-11-23");
  g_assert_cmpstr (jm_layout_get_options (layout)->persona_id, ==, "p-paolo");
}

/* ---- card images for the screen ---- */

typedef struct {
  guint hits, made, direct;
} Stats;

/* Paints the part of the map at (x, y) of width × height device pixels at
 * scale, as the canvas does, and returns what the cache did. */
static Stats
paint_region (JmLayout        *layout,
              cairo_surface_t *surface,
              double           x,
              double           y,
              double           scale,
              JmPaintCache    *cache)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  double dx, dy;
  JmRect visible;
  cairo_t *cr = cairo_create (surface);
  Stats stats = { 0, 0, 0 };

  cairo_surface_get_device_scale (surface, &dx, &dy);
  visible = (JmRect) { x, y, w / dx / scale, h / dy / scale };

  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x, -y);
  jm_painter_paint_cached (layout, cr, &visible, scale * dx, cache);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cache != NULL)
    jm_paint_cache_get_stats (cache, &stats.hits, &stats.made, &stats.direct);
  return stats;
}

/* An image surface the size of the whole map at scale 1. */
static cairo_surface_t *
whole_map_surface (JmLayout *layout)
{
  double w, h;

  jm_layout_get_size (layout, &w, &h);
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w), (int) ceil (h));
}

static void
test_cards_painted_from_images_look_as_drawn (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  g_autoptr(JmPaintCache) cache = jm_paint_cache_new (0);
  cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1400, 900);
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1400, 900);
  cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1400, 900);
  Stats first, second, third;
  guint n;

  paint_region (layout, direct, 150, 300, 1.0, NULL);
  n = layout->n_painted;
  g_assert_cmpuint (n, >, 10);

  /* A new zoom is drawn directly, the second paint at it makes the
   * images, the third uses them. */
  first = paint_region (layout, cached, 150, 300, 1.0, cache);
  g_assert_cmpuint (first.made, ==, 0);
  g_assert_cmpuint (first.direct, ==, n);
  second = paint_region (layout, cached, 150, 300, 1.0, cache);
  g_assert_cmpuint (second.made, ==, n);
  g_assert_cmpuint (jm_paint_cache_get_n_images (cache), ==, n);
  third = paint_region (layout, cached, 150, 300, 1.0, cache);
  g_assert_cmpuint (third.hits, ==, n);
  g_assert_cmpuint (third.made + third.direct, ==, 0);

  /* Pixel for pixel what the painter draws, but for rounding in blending. */
  g_assert_cmpfloat (difference (direct, cached, 8, diff), ==, 0);
  cairo_surface_destroy (diff);
  cairo_surface_destroy (cached);
  cairo_surface_destroy (direct);

  /* On a screen of two device pixels per pixel the images have twice the
   * pixels each way, and the cache four times the budget. */
  direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2800, 1800);
  cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2800, 1800);
  diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2800, 1800);
  cairo_surface_set_device_scale (direct, 2, 2);
  cairo_surface_set_device_scale (cached, 2, 2);
  jm_paint_cache_set_device_scale (cache, 2);
  g_assert_cmpuint (jm_paint_cache_get_n_images (cache), ==, 0);
  paint_region (layout, direct, 150, 300, 1.0, NULL);
  paint_region (layout, cached, 150, 300, 1.0, cache);
  second = paint_region (layout, cached, 150, 300, 1.0, cache);
  g_assert_cmpuint (second.made, ==, n);
  g_assert_cmpuint (jm_paint_cache_get_n_bytes (cache), >, 3 * n * 200 * 60 * 4);
  third = paint_region (layout, cached, 150, 300, 1.0, cache);
  g_assert_cmpuint (third.hits, ==, n);
  /* Drawn directly, cairo flattens arcs for one pixel per unit and the
   * device doubles them; in the images they are flattened for two: the
   * small evidence dots' edges differ by a few pixels, no more. */
  g_assert_cmpfloat (difference (direct, cached, 8, diff), <=, 0.0001);
  cairo_surface_destroy (diff);
  cairo_surface_destroy (cached);
  cairo_surface_destroy (direct);
}

static void
test_changing_a_card_makes_only_its_image_again (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  g_autoptr(JmPaintCache) cache = jm_paint_cache_new (0);
  JmRenderOptions options = *jm_layout_get_options (layout);
  cairo_surface_t *surface = whole_map_surface (layout);
  Stats stats;
  guint n, faded = 0;

  /* The whole map, as on a screen big enough, every image made at once. */
  jm_paint_cache_set_max_made (cache, 0);
  paint_region (layout, surface, 0, 0, 1.0, cache);
  paint_region (layout, surface, 0, 0, 1.0, cache);
  n = layout->n_painted;
  g_assert_cmpuint (n, ==, jm_document_get_n_cards (doc));

  /* One card's text: that card only. */
  jm_document_set_card_text (doc, "c-11", "Finds the table booked under the wrong name");
  stats = paint_region (layout, surface, 0, 0, 1.0, cache);
  g_assert_cmpuint (stats.made, ==, 1);
  g_assert_cmpuint (stats.hits, ==, n - 1);

  /* The map's tolerance colours every badge: all again. */
  jm_document_set_metric_tolerance (doc, 25);
  stats = paint_region (layout, surface, 0, 0, 1.0, cache);
  g_assert_cmpuint (stats.made, ==, layout->n_painted);

  /* Another theme: all again. */
  options.date = "2026-11-23";   /* the layout's own copy goes with the first change */
  options.theme = JM_THEME_DARK;
  jm_layout_set_options (layout, &options);
  stats = paint_region (layout, surface, 0, 0, 1.0, cache);
  g_assert_cmpuint (stats.made, ==, layout->n_painted);

  /* One persona's view: the cards that fade, and only those. */
  options.persona_id = "p-paolo";
  jm_layout_set_options (layout, &options);
  for (guint l = 0; l < layout->rows->len; l++)
    {
      JmRow *row = g_ptr_array_index (layout->rows, l);

      for (guint b = 0; b < row->boxes->len; b++)
        {
          JmCardBox *box = g_ptr_array_index (row->boxes, b);

          faded += !jm_card_applies_to (box->card, "p-paolo");
        }
    }
  g_assert_cmpuint (faded, >, 0);
  stats = paint_region (layout, surface, 0, 0, 1.0, cache);
  g_assert_cmpuint (stats.made, ==, faded);
  g_assert_cmpuint (stats.hits, ==, layout->n_painted - faded);

  cairo_surface_destroy (surface);
}

static void
test_images_wait_for_the_zoom_to_settle_and_keep_to_their_budget (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  g_autoptr(JmPaintCache) cache = jm_paint_cache_new (1024 * 1024);
  cairo_surface_t *surface = whole_map_surface (layout);
  Stats stats;

  jm_paint_cache_set_max_made (cache, 0);

  /* While the zoom moves, every frame is drawn directly. */
  for (double scale = 0.5; scale < 0.95; scale += 0.1)
    {
      stats = paint_region (layout, surface, 0, 0, scale, cache);
      g_assert_cmpuint (stats.made + stats.hits, ==, 0);
      g_assert_cmpuint (stats.direct, ==, layout->n_painted);
    }
  stats = paint_region (layout, surface, 0, 0, 1.0, cache);
  g_assert_cmpuint (stats.made, ==, 0);
  stats = paint_region (layout, surface, 0, 0, 1.0, cache);
  /* Cards taking more than an eighth of the budget are drawn directly. */
  g_assert_cmpuint (stats.made, >, jm_document_get_n_cards (doc) / 2);
  g_assert_cmpuint (stats.made + stats.direct, ==, jm_document_get_n_cards (doc));
  /* 1 MB holds some of the cards only: the first were pushed out as
   * others came in, and the budget holds. */
  g_assert_cmpuint (jm_paint_cache_get_n_images (cache), <, stats.made);
  g_assert_cmpuint (jm_paint_cache_get_n_bytes (cache), <=, 1024 * 1024);

  /* Zoomed out below the detail scale, cards are shapes, never images. */
  stats = paint_region (layout, surface, 0, 0, 0.3, cache);
  stats = paint_region (layout, surface, 0, 0, 0.3, cache);
  g_assert_cmpuint (stats.made + stats.hits + stats.direct, ==, 0);
  g_assert_cmpuint (layout->n_painted, ==, jm_document_get_n_cards (doc));

  cairo_surface_destroy (surface);
}

/* A paint that brings many new cards into view makes a few images and
 * draws the rest directly; the next paints make the others. */
static void
test_a_paint_makes_a_few_images_at_most (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmLayout) layout = layout_for (doc);
  g_autoptr(JmPaintCache) cache = jm_paint_cache_new (0);
  guint n = jm_document_get_n_cards (doc), made = 0;
  cairo_surface_t *surface = whole_map_surface (layout);
  Stats stats;

  jm_paint_cache_set_max_made (cache, 10);
  g_assert_cmpuint (n, >, 20);
  paint_region (layout, surface, 0, 0, 1.0, cache);
  for (int i = 0; i < 5 && made < n; i++)
    {
      stats = paint_region (layout, surface, 0, 0, 1.0, cache);
      g_assert_cmpuint (stats.made, <=, 10);
      g_assert_cmpuint (stats.hits, ==, made);
      g_assert_cmpuint (stats.hits + stats.made + stats.direct, ==, n);
      made += stats.made;
    }
  g_assert_cmpuint (made, ==, n);
  stats = paint_region (layout, surface, 0, 0, 1.0, cache);
  g_assert_cmpuint (stats.hits, ==, n);
  cairo_surface_destroy (surface);
}

/* The emotion curves are stroked for the steps in view only; the part of
 * the map painted on its own looks as it does in the whole map, dashes of
 * the "to be" curve included. */
static void
test_curves_painted_in_part_match_the_whole (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  JmRenderOptions options;
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *whole, *part, *diff;
  JmRect lane;
  GPtrArray *lanes = jm_document_get_lanes (doc);
  const char *emotions = NULL;
  double w, h, x0;

  jm_render_options_init (&options);
  options.date = "2026-11-23";
  options.show_future = TRUE;
  layout = jm_layout_new (doc, &options);
  for (guint i = 0; i < lanes->len; i++)
    if (((JmLane *) g_ptr_array_index (lanes, i))->kind == JM_LANE_EMOTIONS)
      emotions = ((JmLane *) g_ptr_array_index (lanes, i))->id;
  g_assert_nonnull (emotions);
  g_assert_true (jm_layout_get_lane_rect (layout, emotions, &lane));
  jm_layout_get_size (layout, &w, &h);

  /* The right part of the lane, from the middle of the third column. */
  x0 = floor (jm_layout_column_x (layout, 2) + jm_layout_column_width (layout, 2) / 2);
  whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w - x0), (int) lane.height);
  part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w - x0), (int) lane.height);
  diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w - x0), (int) lane.height);
  {
    cairo_t *cr = cairo_create (whole);

    cairo_translate (cr, -x0, -lane.y);
    jm_painter_paint (layout, cr, NULL, 1.0);
    cairo_destroy (cr);
    cr = cairo_create (part);
    cairo_translate (cr, -x0, -lane.y);
    jm_painter_paint (layout, cr, &(JmRect) { x0, lane.y, w - x0, lane.height }, 1.0);
    cairo_destroy (cr);
  }
  g_assert_cmpfloat (difference (whole, part, 24, diff), <=, 0.0005);

  cairo_surface_destroy (diff);
  cairo_surface_destroy (part);
  cairo_surface_destroy (whole);
}

static char *
run (const char *command)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* The value of "Field:     value" in pdfinfo's output. */
static char *
info_field (const char *info,
            const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

/* The PNG export holds exactly what the painter draws: opaque maps as RGB,
 * transparent ones as RGBA with the colours unpremultiplied. */
static void
test_png_export_holds_the_painted_pixels (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-png-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  JmExportOptions options;

  for (int transparent = 0; transparent < 2; transparent++)
    {
      JmRenderOptions render;
      g_autoptr(JmLayout) layout = NULL;
      cairo_surface_t *painted, *exported, *diff;
      cairo_t *cr;
      double w, h;

      jm_export_options_init (&options);
      options.date = "2026-11-23";
      options.scale = 0.75;
      options.transparent = transparent;
      g_assert_true (jm_export_to_path (doc, png, &options, &error));
      g_assert_no_error (error);

      jm_render_options_init (&render);
      render.date = "2026-11-23";
      render.transparent = transparent;
      layout = jm_layout_new (doc, &render);
      jm_layout_get_size (layout, &w, &h);
      painted = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * 0.75), (int) ceil (h * 0.75));
      cr = cairo_create (painted);
      if (!transparent)
        {
          /* The background fills the last, partly covered, pixels too. */
          JmColor background = jm_theme_get_colors (JM_THEME_LIGHT)->background;

          cairo_set_source_rgb (cr, background.r, background.g, background.b);
          cairo_paint (cr);
        }
      cairo_scale (cr, 0.75, 0.75);
      jm_painter_paint (layout, cr, NULL, 0.75);
      cairo_destroy (cr);

      exported = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_format (exported), ==,
                       transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24);
      g_assert_cmpint (cairo_image_surface_get_width (exported), ==, cairo_image_surface_get_width (painted));
      g_assert_cmpint (cairo_image_surface_get_height (exported), ==, cairo_image_surface_get_height (painted));
      diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (painted),
                                         cairo_image_surface_get_height (painted));
      /* Premultiplying again after unpremultiplying rounds by a step. */
      g_assert_cmpfloat (difference (painted, exported, transparent ? 2 : 0, diff), ==, 0);
      cairo_surface_destroy (diff);
      cairo_surface_destroy (exported);
      cairo_surface_destroy (painted);
    }
  g_unlink (png);
  g_rmdir (dir);
}

static void
test_exports_are_valid_files (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-export-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *png2 = g_build_filename (dir, "map2.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  JmExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmLayout) layout = layout_for (doc);
  cairo_surface_t *surface;
  double w, h;

  jm_layout_get_size (layout, &w, &h);
  jm_export_options_init (&options);
  options.date = "2026-11-23";

  g_assert_true (jm_export_to_path (doc, png, &options, &error));
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (w));
  cairo_surface_destroy (surface);

  options.scale = 2;
  options.transparent = TRUE;
  g_assert_true (jm_export_to_path (doc, png2, &options, &error));
  surface = cairo_image_surface_create_from_png (png2);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (w * 2));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (h * 2));
  /* Transparent: the corner pixel has no colour. */
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_image_surface_get_data (surface)[3], ==, 0);
  cairo_surface_destroy (surface);

  options.scale = 1;
  options.transparent = FALSE;
  g_assert_true (jm_export_to_path (doc, svg, &options, &error));
  g_assert_no_error (error);
  if (have_program ("rsvg-convert"))
    {
      g_autofree char *cmd = g_strdup_printf ("rsvg-convert -o %s.png %s", svg, svg);
      g_free (run (cmd));
    }

  if (!have_program ("pdfinfo") || !have_program ("pdftotext"))
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed for the PDF checks");
      return;
    }

  for (JmPageOption page = 0; page < JM_N_PAGE_OPTIONS; page++)
    {
      g_autofree char *info_cmd = g_strdup_printf ("pdfinfo %s", pdf);
      g_autofree char *text_cmd = g_strdup_printf ("pdftotext -layout %s -", pdf);
      g_autofree char *info = NULL;
      g_autofree char *text = NULL;
      g_autofree char *pages = NULL;
      char *field;

      options.page = page;
      g_test_message ("PDF page option %s", jm_page_option_to_string (page));
      g_assert_true (jm_export_to_path (doc, pdf, &options, &error));
      g_assert_no_error (error);
      info = run (info_cmd);
      text = run (text_cmd);

      pages = g_strdup_printf ("%u", jm_export_count_pages (doc, &options));
      field = info_field (info, "Title");
      g_assert_cmpstr (field, ==, "Flat tyre vs. dinner delivery");
      g_free (field);
      field = info_field (info, "Pages");
      g_assert_cmpstr (field, ==, pages);
      g_free (field);
      field = info_field (info, "Page size");
      if (page == JM_PAGE_POSTER_A4)
        {
          g_assert_cmpuint (jm_export_count_pages (doc, &options), >, 1);
          g_assert_cmpstr (field, ==, "841.89 x 595.276 pts (A4)");
        }
      else
        {
          /* The map on one page, then the map in reading order (tagged text). */
          g_assert_cmpuint (jm_export_count_pages (doc, &options), >=, 2);
        }
      if (page == JM_PAGE_A4)
        g_assert_cmpstr (field, ==, "595.276 x 841.89 pts (A4)");
      if (page == JM_PAGE_A3_LANDSCAPE)
        g_assert_cmpstr (field, ==, "1190.55 x 841.89 pts (A3)");
      if (page == JM_PAGE_LETTER)
        g_assert_cmpstr (field, ==, "612 x 792 pts (letter)");
      g_free (field);

      /* Real text: the title, every stage and a card. */
      g_assert_nonnull (strstr (text, "Flat tyre vs. dinner delivery"));
      g_assert_nonnull (strstr (text, "First contact"));
      g_assert_nonnull (strstr (text, "Afterwards"));
      g_assert_nonnull (strstr (text, "Welded blister pack"));
    }

  if (have_program ("qpdf"))
    {
      /* No warning either: the duplicated keys cairo 1.16 wrote in the
       * dictionaries of colour (emoji) glyphs went with the emoji icons;
       * the icons are paths now. */
      g_autofree char *cmd = g_strdup_printf ("qpdf --check %s", pdf);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &status, NULL));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_nonnull (strstr (out, "No syntax or stream encoding errors found"));
    }

  g_unlink (png);
  g_unlink (png2);
  g_unlink (pdf);
  g_unlink (svg);
  {
    g_autofree char *svg_png = g_strconcat (svg, ".png", NULL);
    g_unlink (svg_png);
  }
  g_rmdir (dir);
}

static void
test_export_to_unwritable_place_fails_cleanly (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(GError) error = NULL;
  JmExportOptions options;

  jm_export_options_init (&options);
  g_assert_false (jm_export_to_path (doc, "/nonexistent-folder/map.png", &options, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/map.png"));
  g_assert_false (g_file_test ("/nonexistent-folder/map.png", G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (jm_export_to_path (doc, "/tmp/map.docx", &options, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  options.scale = 16;
  g_assert_false (jm_export_to_path (doc, "/tmp/jm-too-large.png", &options, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE);
  g_assert_false (g_file_test ("/tmp/jm-too-large.png", G_FILE_TEST_EXISTS));
}

static cairo_surface_t *
render_for_persona (JmDocument *doc,
                    const char *persona_id,
                    JmLayout  **layout_out)
{
  JmRenderOptions options;
  JmLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  jm_render_options_init (&options);
  options.date = "2026-11-23";
  options.persona_id = persona_id;
  layout = jm_layout_new (doc, &options);
  jm_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w), (int) ceil (h));
  cr = cairo_create (surface);
  jm_painter_paint (layout, cr, NULL, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  *layout_out = layout;
  return surface;
}

/* How far a rectangle's pixels are from its lane's plain background, summed:
 * text and borders give "ink", a faded card much less of it. */
static double
ink (cairo_surface_t *surface,
     const JmRect    *r)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 ref = *(const guint32 *) (data + (int) r->y * stride + ((int) r->x - 3) * 4);
  double sum = 0;

  for (int y = (int) r->y; y < (int) (r->y + r->height); y++)
    for (int x = (int) r->x; x < (int) (r->x + r->width); x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);

        for (int shift = 0; shift < 24; shift += 8)
          sum += abs ((int) ((px >> shift) & 0xff) - (int) ((ref >> shift) & 0xff));
      }
  return sum;
}

/* The restaurant example filtered to each of its personas: cards scoped to
 * the other persona fade, cards for everyone and for this persona are drawn
 * exactly as in the whole map, and this persona's header card is marked. */
static void
test_each_persona_of_the_restaurant_map_renders_its_view (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmLayout) all_layout = NULL;
  cairo_surface_t *all = render_for_persona (doc, NULL, &all_layout);
  static const struct { const char *persona, *own_card, *other_card; } views[] = {
    { "p-paolo", "c-11", "c-32" },
    { "p-marta", "c-32", "c-11" },
  };
  const char *shared_card = "c-12";   /* scoped to nobody: everyone's */

  g_assert_cmpuint (jm_document_get_personas (doc)->len, ==, G_N_ELEMENTS (views));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(JmLayout) layout = NULL;
      cairo_surface_t *view = render_for_persona (doc, views[i].persona, &layout);
      JmRect own, other, shared, header;

      g_test_message ("persona %s", views[i].persona);
      g_assert_true (jm_layout_get_card_rect (layout, views[i].own_card, &own));
      g_assert_true (jm_layout_get_card_rect (layout, views[i].other_card, &other));
      g_assert_true (jm_layout_get_card_rect (layout, shared_card, &shared));
      g_assert_true (jm_layout_get_persona_rect (layout, views[i].persona, &header));

      g_assert_cmpfloat (ink (view, &own), ==, ink (all, &own));
      g_assert_cmpfloat (ink (view, &shared), ==, ink (all, &shared));
      g_assert_cmpfloat (ink (view, &other), <, 0.5 * ink (all, &other));
      g_assert_cmpfloat (ink (view, &header), !=, ink (all, &header));
      cairo_surface_destroy (view);
    }
  cairo_surface_destroy (all);
}

static gboolean
rect_inside (const JmRect *inner,
             const JmRect *outer)
{
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5
         && inner->x + inner->width <= outer->x + outer->width + 0.5
         && inner->y + inner->height <= outer->y + outer->height + 0.5;
}

/* Every example, on a 1080p and a 720p projector: the overview first, then
 * each stage in order; every card of a stage is on screen in one of the
 * stage's slides, with cards' text at least the minimum size. */
static void
test_presentation_frames_every_stage_readably (void)
{
  static const char *examples[] = {
    "bike-shop-vs-food-delivery.journey", "restaurant-regular.journey", "online-shop.it.journey",
  };
  static const double outputs[][2] = { { 1920, 1080 }, { 1280, 720 } };
  const double min_text = 14;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
      {
        g_autoptr(JmDocument) doc = jm_test_load_example (examples[e]);
        g_autoptr(JmLayout) layout = layout_for (doc);
        g_autoptr(GArray) slides = jm_presentation_slides (layout, outputs[o][0], outputs[o][1], min_text);
        GPtrArray *stages = jm_document_get_stages (doc);
        GPtrArray *lanes = jm_document_get_lanes (doc);
        double w, h;
        guint expected_stage = 0;
        JmView view;

        g_test_message ("%s at %gx%g", examples[e], outputs[o][0], outputs[o][1]);
        jm_layout_get_size (layout, &w, &h);
        g_assert_cmpint (g_array_index (slides, JmSlide, 0).kind, ==, JM_SLIDE_OVERVIEW);
        jm_presentation_view (layout, &g_array_index (slides, JmSlide, 0), outputs[o][0], outputs[o][1], &view);
        g_assert_cmpfloat (w * view.scale, <=, outputs[o][0]);
        g_assert_cmpfloat (h * view.scale, <=, outputs[o][1]);

        /* Stages in order, each one or more parts. */
        for (guint i = 1; i < slides->len; i++)
          {
            const JmSlide *slide = &g_array_index (slides, JmSlide, i);

            g_assert_cmpint (slide->kind, ==, JM_SLIDE_STAGE);
            if (slide->part == 0)
              g_assert_cmpuint (slide->stage_index, ==, expected_stage++);
            jm_presentation_view (layout, slide, outputs[o][0], outputs[o][1], &view);
            g_assert_cmpfloat (JM_PRESENTATION_TEXT_SIZE * view.scale, >=, min_text);
          }
        g_assert_cmpuint (expected_stage, ==, stages->len);
        g_assert_cmpuint (jm_presentation_find_stage (slides, 1), ==, 1 + g_array_index (slides, JmSlide, 1).n_parts);

        for (guint l = 0; l < lanes->len; l++)
          {
            JmLane *lane = g_ptr_array_index (lanes, l);

            for (guint c = 0; c < lane->cards->len; c++)
              {
                JmCard *card = g_ptr_array_index (lane->cards, c);
                JmStage *stage = jm_document_get_step_stage (doc, card->step_id);
                gboolean shown = FALSE;
                JmRect r;

                g_assert_true (jm_layout_get_card_rect (layout, card->id, &r));
                for (guint i = 1; i < slides->len && !shown; i++)
                  {
                    const JmSlide *slide = &g_array_index (slides, JmSlide, i);
                    JmRect visible;

                    if (g_strcmp0 (slide->stage_id, stage->id) != 0)
                      continue;
                    jm_presentation_view (layout, slide, outputs[o][0], outputs[o][1], &view);
                    visible = (JmRect) { view.x, view.y, outputs[o][0] / view.scale, outputs[o][1] / view.scale };
                    shown = rect_inside (&r, &visible) && rect_inside (&r, &slide->frame);
                  }
                if (!shown)
                  g_error ("card %s of stage %s is on none of its slides", card->id, stage->id);
              }
          }
      }
}

static void
test_view_interpolation_starts_and_ends_on_its_views (void)
{
  JmView a = { 0.5, 0, 0 }, b = { 2, 1000, 400 }, mid, out;

  jm_view_interpolate (&a, &b, 0, 1920, 1080, &out);
  g_assert_cmpfloat_with_epsilon (out.scale, a.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (out.x, a.x, 1e-6);
  jm_view_interpolate (&a, &b, 1, 1920, 1080, &out);
  g_assert_cmpfloat_with_epsilon (out.scale, b.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (out.y, b.y, 1e-6);
  /* Half way, the zoom is half way to the eye: the geometric mean. */
  jm_view_interpolate (&a, &b, 0.5, 1920, 1080, &mid);
  g_assert_cmpfloat_with_epsilon (mid.scale, 1, 1e-9);
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (srcdir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_bytes_new_take (data, len);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
}

/* A stage's name meets WCAG AA (4.5:1) on its header in every theme: on
 * each palette colour, and on any colour a user may pick. */
static void
test_stage_headers_meet_wcag_aa (void)
{
  static const JmColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };

  /* The formula itself, on values WCAG's own examples give. */
  g_assert_cmpfloat_with_epsilon (jm_color_contrast (white, black), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (jm_color_contrast ((JmColor) { 0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0, 1 }, white),
                                  4.48, 0.01);
  g_assert_cmpfloat_with_epsilon (jm_color_luminance ((JmColor) { 0.5, 0.5, 0.5, 1 }), 0.2140, 0.0001);

  for (guint t = 0; t < JM_N_THEMES; t++)
    {
      for (guint i = 0; i < JM_STAGE_PALETTE_SIZE; i++)
        {
          JmColor stage, fill, text;

          g_assert_true (jm_color_parse (jm_stage_palette_color (i), &stage));
          jm_theme_stage_header ((JmTheme) t, stage, &fill, &text);
          if (jm_color_contrast (fill, text) < 4.5)
            g_error ("%s on %s in the %s theme: %.2f:1", jm_stage_palette_name (i), jm_stage_palette_color (i),
                     jm_theme_to_string ((JmTheme) t), jm_color_contrast (fill, text));
        }
      for (guint r = 0; r < 256; r += 15)
        for (guint g = 0; g < 256; g += 15)
          for (guint b = 0; b < 256; b += 15)
            {
              JmColor fill, text;

              jm_theme_stage_header ((JmTheme) t, (JmColor) { r / 255.0, g / 255.0, b / 255.0, 1 }, &fill, &text);
              g_assert_cmpfloat (jm_color_contrast (fill, text), >=, 4.5);
            }
    }
  /* Orange, whose white names measured 2.3:1, now has black ones, on the
   * map as the painter draws it. */
  {
    g_autoptr(JmDocument) doc = jm_document_new ();
    JmStage *stage = jm_stage_new ("orange", "WWWWWWWW");
    JmRenderOptions options;
    g_autoptr(JmLayout) layout = NULL;
    cairo_surface_t *surface;
    cairo_t *cr;
    JmRect rect;
    double w, h;
    guint dark = 0, light = 0;

    stage->color = g_strdup (jm_stage_palette_color (1));
    g_ptr_array_add (stage->steps, jm_step_new ("s", ""));
    jm_document_build_header (doc, "Orange", NULL, NULL, JM_MAP_STATE_CURRENT);
    jm_document_build_stage (doc, stage);
    jm_document_build_lane (doc, jm_lane_new ("l", JM_LANE_TEXT, "Actions"));
    jm_render_options_init (&options);
    layout = jm_layout_new (doc, &options);
    jm_layout_get_size (layout, &w, &h);
    g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_STAGE, "orange", &rect));
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w), (int) ceil (h));
    cr = cairo_create (surface);
    jm_painter_paint (layout, cr, NULL, 1);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    for (int y = (int) rect.y + 12; y < (int) rect.y + 34; y++)
      for (int x = (int) rect.x + 18; x < (int) rect.x + 120; x++)
        {
          guint32 p = pixel_at (surface, x, y);
          guint sum = ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff);

          dark += sum < 3 * 60;
          light += sum > 3 * 235;
        }
    cairo_surface_destroy (surface);
    g_assert_cmpuint (dark, >, 20);
    g_assert_cmpuint (light, ==, 0);
  }
}

static guint32
stage_band_pixel (JmDocument *doc,
                  const char *stage_id)
{
  JmRenderOptions options;
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  JmRect rect;
  double w, h;
  guint32 pixel;

  jm_render_options_init (&options);
  layout = jm_layout_new (doc, &options);
  jm_layout_get_size (layout, &w, &h);
  g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_STAGE, stage_id, &rect));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w), (int) ceil (h));
  cr = cairo_create (surface);
  jm_painter_paint (layout, cr, NULL, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* Above the name, in the middle of the band. */
  pixel = pixel_at (surface, (int) (rect.x + rect.width / 2), (int) rect.y + 3);
  cairo_surface_destroy (surface);
  return pixel;
}

/* A stage keeps its colour when the stage before it goes: colours are
 * the stages' own, not their positions'. */
static void
test_stage_keeps_its_colour_when_a_neighbour_goes (void)
{
  g_autoptr(JmDocument) doc = jm_document_new ();
  const char *ids[] = { "a", "b", "c" };
  guint32 before, after;

  jm_document_build_header (doc, "Colours", NULL, NULL, JM_MAP_STATE_CURRENT);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JmStage *stage = jm_stage_new (ids[i], "");
      g_autofree char *step = g_strconcat (ids[i], "1", NULL);

      g_ptr_array_add (stage->steps, jm_step_new (step, ""));
      jm_document_build_stage (doc, stage);
    }
  jm_document_build_lane (doc, jm_lane_new ("l", JM_LANE_TEXT, "Actions"));

  before = stage_band_pixel (doc, "c");
  g_assert_true (jm_document_remove_stage (doc, "a"));
  after = stage_band_pixel (doc, "c");
  g_assert_cmphex (after, ==, before);
  {
    JmStage *fresh = jm_stage_new ("fresh", "");

    g_ptr_array_add (fresh->steps, jm_step_new ("fresh1", ""));
    jm_document_insert_stage (doc, 0, fresh);
  }
  after = stage_band_pixel (doc, "c");
  g_assert_cmphex (after, ==, before);
}

/* Persona photos and images may be JPEG: decoded (top red, bottom blue in
 * the fixture), scaled down while decoding when large, and refused without
 * a crash when broken. */
static void
test_jpeg_images_are_decoded (void)
{
  g_autoptr(GBytes) photo = read_fixture ("photo.jpg");
  g_autoptr(GBytes) wide = read_fixture ("wide.jpg");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (photo, 0, g_bytes_get_size (photo) / 3);
  g_autoptr(GBytes) junk = g_bytes_new_static ("\xff\xd8\xff not really", 14);
  cairo_surface_t *surface;
  guint32 top, bottom;

  surface = jm_image_decode (photo, "image/jpeg", 1024);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 48);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 64);
  top = pixel_at (surface, 24, 1);
  bottom = pixel_at (surface, 24, 62);
  g_assert_cmpuint ((top >> 16) & 0xff, >, 200);     /* red */
  g_assert_cmpuint (top & 0xff, <, 60);
  g_assert_cmpuint (bottom & 0xff, >, 200);          /* blue */
  g_assert_cmpuint ((bottom >> 16) & 0xff, <, 60);
  cairo_surface_destroy (surface);

  surface = jm_image_decode (wide, "image/jpeg", 300);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 500);   /* 2000 / 4 */
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 250);
  cairo_surface_destroy (surface);

  /* Truncated JPEGs decode what is there (libjpeg fills the rest); junk does not. */
  surface = jm_image_decode (truncated, "image/jpeg", 1024);
  if (surface != NULL)
    cairo_surface_destroy (surface);
  g_assert_null (jm_image_decode (junk, "image/jpeg", 1024));
  g_assert_null (jm_image_decode (photo, "image/png", 1024));
  g_assert_null (jm_image_decode (photo, "image/gif", 1024));
}

static void
test_poster_grid_covers_the_map_with_overlapping_pieces (void)
{
  JmPosterGrid grid;
  JmRect first, next, below, last;
  double overlap_units;

  /* 2000 × 1000 map units at 0.75 pt per unit on A4 landscape. */
  g_assert_true (jm_poster_grid_init (&grid, 2000, 1000, 841.89, 595.276, JM_POSTER_MARGIN,
                                      JM_POINTS_PER_UNIT, JM_POSTER_OVERLAP));
  g_assert_cmpuint (grid.columns, ==, (guint) ceil ((1500 - JM_POSTER_OVERLAP)
                                                    / (841.89 - 2 * JM_POSTER_MARGIN - JM_POSTER_OVERLAP)));
  g_assert_cmpuint (grid.rows, ==, 2);
  g_assert_cmpuint (jm_poster_grid_get_n_sheets (&grid), ==, grid.columns * grid.rows);

  overlap_units = JM_POSTER_OVERLAP / JM_POINTS_PER_UNIT;
  jm_poster_grid_get_piece (&grid, 0, &first);
  jm_poster_grid_get_piece (&grid, 1, &next);
  jm_poster_grid_get_piece (&grid, grid.columns, &below);
  jm_poster_grid_get_piece (&grid, jm_poster_grid_get_n_sheets (&grid) - 1, &last);
  g_assert_cmpfloat (first.x, ==, 0);
  g_assert_cmpfloat (first.y, ==, 0);
  g_assert_cmpfloat_with_epsilon (first.x + first.width - next.x, overlap_units, 1e-9);
  g_assert_cmpfloat_with_epsilon (first.y + first.height - below.y, overlap_units, 1e-9);
  g_assert_cmpfloat (last.x + last.width, >=, 2000);
  g_assert_cmpfloat (last.y + last.height, >=, 1000);

  /* A map smaller than one piece is one sheet. */
  g_assert_true (jm_poster_grid_init (&grid, 100, 100, 841.89, 595.276, JM_POSTER_MARGIN,
                                      JM_POINTS_PER_UNIT, JM_POSTER_OVERLAP));
  g_assert_cmpuint (jm_poster_grid_get_n_sheets (&grid), ==, 1);

  /* Nonsense is refused, not divided by zero or looped over forever. */
  g_assert_false (jm_poster_grid_init (&grid, 2000, 1000, 40, 40, JM_POSTER_MARGIN,
                                       JM_POINTS_PER_UNIT, JM_POSTER_OVERLAP));
  g_assert_cmpuint (jm_poster_grid_get_n_sheets (&grid), ==, 0);
  g_assert_false (jm_poster_grid_init (&grid, 2000, 1000, 841.89, 595.276, JM_POSTER_MARGIN,
                                       0, JM_POSTER_OVERLAP));
  g_assert_false (jm_poster_grid_init (&grid, 2000, 1000, 841.89, 595.276, JM_POSTER_MARGIN,
                                       NAN, JM_POSTER_OVERLAP));
  g_assert_false (jm_poster_grid_init (&grid, 1e9, 1e9, 841.89, 595.276, JM_POSTER_MARGIN,
                                       JM_POINTS_PER_UNIT, JM_POSTER_OVERLAP));
}

/* Metric badges write numbers as the reader's language does: in Italian
 * "CES 3,8" and "78,4 %" (the PDF's text, read back with pdftotext); the
 * file keeps "3.8". */
static void
test_badges_write_italian_numbers (void)
{
  g_autoptr(JmDocument) doc = jm_document_new ();
  JmStage *stage = jm_stage_new ("a", "Scoperta");
  JmLane *lane = jm_lane_new ("l", JM_LANE_METRICS, "Metriche");
  JmCard *card = jm_card_new ("c", "s", "Sito");
  JmMetric *csat = jm_metric_new ("m2", JM_METRIC_CSAT, 78.4);
  g_autofree char *dir = g_dir_make_tmp ("jm-badges-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  JmExportOptions options;
  int status = 0;

  csat->has_target = TRUE;
  csat->target = 80;
  g_ptr_array_add (stage->steps, jm_step_new ("s", "Cerca"));
  g_ptr_array_add (card->metrics, jm_metric_new ("m1", JM_METRIC_CES, 3.8));
  g_ptr_array_add (stage->metrics, csat);
  g_ptr_array_add (lane->cards, card);
  jm_document_build_header (doc, "Numeri", NULL, NULL, JM_MAP_STATE_CURRENT);
  jm_document_build_stage (doc, stage);
  jm_document_build_lane (doc, lane);

  jm_export_options_init (&options);
  options.date = "2026-11-23";
  g_assert_true (jm_export_to_path (doc, pdf, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "CES 3,8"));
  /* pdftotext gives the no-break spaces back as spaces. */
  g_assert_nonnull (strstr (text, "CSAT 78,4 % / 80 %"));
  g_assert_null (strstr (text, "3.8"));

  xml = jm_writer_to_string (doc, NULL);
  g_assert_nonnull (strstr (xml, "value=\"3.8\""));
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  g_test_init (&argc, &argv, NULL);
  srcdir = g_getenv ("JM_TEST_RENDER_DIR");
  g_assert_nonnull (srcdir);

  g_test_add_func ("/render/layout/cards-do-not-overlap-and-stay-in-cells", test_cards_do_not_overlap_and_stay_in_their_cells);
  g_test_add_func ("/render/layout/editing-one-card-measures-only-that-card", test_editing_one_card_measures_only_that_card);
  g_test_add_func ("/render/layout/structural-changes-relayout", test_structural_changes_relayout);
  g_test_add_func ("/render/layout/hit-test-finds-cards-cells-and-headers", test_hit_test_finds_cards_cells_and_headers);
  g_test_add_func ("/render/layout/tricky-text-renders-inside-cards", test_tricky_text_renders_inside_cards);
  g_test_add_func ("/render/curve/never-overshoots", test_emotion_curve_never_overshoots);
  g_test_add_func ("/render/painter/draws-only-the-visible-part", test_paint_draws_only_visible_cards);
  g_test_add_func ("/render/painter/golden-images-match", test_golden_images_match);
  g_test_add_func ("/render/layout/takes-its-own-options-back", test_layout_takes_its_own_options_back);
  g_test_add_func ("/render/painter/curves-painted-in-part-match-the-whole", test_curves_painted_in_part_match_the_whole);
  g_test_add_func ("/render/cache/cards-painted-from-images-look-as-drawn", test_cards_painted_from_images_look_as_drawn);
  g_test_add_func ("/render/cache/changing-a-card-makes-only-its-image-again",
                   test_changing_a_card_makes_only_its_image_again);
  g_test_add_func ("/render/cache/images-wait-for-the-zoom-to-settle-and-keep-to-their-budget",
                   test_images_wait_for_the_zoom_to_settle_and_keep_to_their_budget);
  g_test_add_func ("/render/cache/a-paint-makes-a-few-images-at-most", test_a_paint_makes_a_few_images_at_most);
  g_test_add_func ("/render/export/files-are-valid", test_exports_are_valid_files);
  g_test_add_func ("/render/export/png-holds-the-painted-pixels", test_png_export_holds_the_painted_pixels);
  g_test_add_func ("/render/presentation/frames-every-stage-readably", test_presentation_frames_every_stage_readably);
  g_test_add_func ("/render/presentation/view-interpolation-ends", test_view_interpolation_starts_and_ends_on_its_views);
  g_test_add_func ("/render/images/jpeg-images-are-decoded", test_jpeg_images_are_decoded);
  g_test_add_func ("/render/theme/stage-headers-meet-wcag-aa", test_stage_headers_meet_wcag_aa);
  g_test_add_func ("/render/italian/badges-write-italian-numbers", test_badges_write_italian_numbers);
  g_test_add_func ("/render/painter/stage-keeps-its-colour-when-a-neighbour-goes",
                   test_stage_keeps_its_colour_when_a_neighbour_goes);
  g_test_add_func ("/render/export/poster-grid-covers-the-map-with-overlapping-pieces",
                   test_poster_grid_covers_the_map_with_overlapping_pieces);
  g_test_add_func ("/render/persona/each-persona-renders-its-view", test_each_persona_of_the_restaurant_map_renders_its_view);
  g_test_add_func ("/render/export/unwritable-place-fails-cleanly", test_export_to_unwritable_place_fails_cleanly);

  return g_test_run ();
}
