/* test-slides.c — slides that a room can read: every part of a stage keeps
 * the stage's header band, the emotion lane and the titles of its lanes in
 * view, no card is
 * cut at a slide's edge, and a slide whose text is below the minimum says
 * so. Set JM_SLIDES_PNG_DIR to also write each slide as a PNG to look at. */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "jm-map-view.h"
#include "jm-painter.h"
#include "jm-presentation.h"
#include "jm-test-utils.h"

static gboolean
inside (const JmRect *inner,
        const JmRect *outer)
{
  const double e = 0.5;

  return inner->x >= outer->x - e && inner->y >= outer->y - e
         && inner->x + inner->width <= outer->x + outer->width + e
         && inner->y + inner->height <= outer->y + outer->height + e;
}

static void
write_png (JmLayout      *layout,
           const JmSlide *slide,
           double         out_w,
           double         out_h,
           const char    *name)
{
  const char *dir = g_getenv ("JM_SLIDES_PNG_DIR");
  cairo_surface_t *surface;
  cairo_t *cr;
  JmView view;
  JmRect visible;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  jm_presentation_view (layout, slide, out_w, out_h, &view);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) out_w, (int) out_h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, view.scale, view.scale);
  cairo_translate (cr, -view.x, -view.y);
  visible = (JmRect) { view.x, view.y, out_w / view.scale, out_h / view.scale };
  jm_painter_paint (layout, cr, &visible, view.scale);
  jm_presentation_paint_context (layout, slide, cr, view.scale);
  cairo_destroy (cr);
  path = g_build_filename (dir, name, NULL);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
}

static gboolean
emotion_lane (JmLayout   *layout,
              JmDocument *doc,
              JmRect     *rect)
{
  GPtrArray *lanes = jm_document_get_lanes (doc);

  for (guint l = 0; l < lanes->len; l++)
    if (((JmLane *) g_ptr_array_index (lanes, l))->kind == JM_LANE_EMOTIONS)
      return jm_layout_get_lane_rect (layout, ((JmLane *) g_ptr_array_index (lanes, l))->id, rect);
  return FALSE;
}

static void
test_every_part_keeps_its_context_and_cuts_no_card (void)
{
  static const char *examples[] = {
    "bike-shop-vs-food-delivery.journey", "restaurant-regular.journey", "online-shop.journey",
  };
  static const double outputs[][2] = { { 1920, 1080 }, { 1280, 720 } };
  const double min_text = 1080 * 0.028 * 0.5;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
      {
        g_autoptr(JmDocument) doc = jm_test_load_example (examples[e]);
        g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
        g_autoptr(GArray) slides = jm_presentation_slides_pinned (layout, outputs[o][0], outputs[o][1], min_text,
                                                                  JM_SLIDES_PIN_EMOTIONS);
        GPtrArray *lanes = jm_document_get_lanes (doc);
        JmRect column_headers, row_headers;

        g_assert_true (jm_layout_get_frozen_panes (layout, &column_headers, &row_headers));
        for (guint i = 1; i < slides->len; i++)
          {
            const JmSlide *slide = &g_array_index (slides, JmSlide, i);
            g_autofree char *png = g_strdup_printf ("%s-%g-%02u.png", examples[e], outputs[o][0], i);
            JmRect stage_head, band, shown;
            JmView view;

            g_test_message ("%s at %g×%g, slide %u", examples[e], outputs[o][0], outputs[o][1], i);
            write_png (layout, slide, outputs[o][0], outputs[o][1], png);

            /* The header band above the frame holds the stage's header and its steps. */
            g_assert_cmpfloat (slide->header_h, ==, column_headers.height);
            g_assert_true (jm_layout_get_header_rect (layout, JM_HIT_STAGE, slide->stage_id, &stage_head));
            band = (JmRect) { slide->frame.x, column_headers.y, slide->frame.width, column_headers.height };
            g_assert_true (inside (&stage_head, &band));

            /* Titles: pinned beside the frame, or the frame starts at them. */
            g_assert_true (slide->titles_w > 0 || slide->frame.x <= row_headers.width);

            /* Frame and context are on the output. */
            jm_presentation_view (layout, slide, outputs[o][0], outputs[o][1], &view);
            shown = (JmRect) { view.x, view.y, outputs[o][0] / view.scale, outputs[o][1] / view.scale };
            band = (JmRect) { slide->frame.x - slide->titles_w, slide->frame.y - slide->header_h - slide->emotion_h,
                              slide->frame.width + slide->titles_w,
                              slide->frame.height + slide->header_h + slide->emotion_h };
            g_assert_true (inside (&band, &shown));

            /* The emotion lane (its curve and axis) is in the frame or pinned above it. */
            {
              JmRect feel;

              g_assert_true (emotion_lane (layout, doc, &feel));
              if (slide->emotion_h == 0)
                g_assert_true (feel.y >= slide->frame.y - 0.5
                               && feel.y + feel.height <= slide->frame.y + slide->frame.height + 0.5);
              else
                g_assert_cmpfloat (slide->emotion_h, ==, feel.height);
            }

            /* Readable, or marked. */
            g_assert_true (JM_PRESENTATION_TEXT_SIZE * view.scale >= min_text - 1e-9 || slide->below_min);

            /* Lanes and cards come whole or not at all. */
            for (guint l = 0; l < lanes->len; l++)
              {
                JmLane *lane = g_ptr_array_index (lanes, l);
                JmRect r;

                g_assert_true (jm_layout_get_lane_rect (layout, lane->id, &r));
                if (r.y < slide->frame.y + slide->frame.height - 0.5 && r.y + r.height > slide->frame.y + 0.5)
                  g_assert_true (r.y >= slide->frame.y - 0.5 && r.y + r.height <= slide->frame.y + slide->frame.height + 0.5);
                for (guint c = 0; c < lane->cards->len; c++)
                  {
                    JmCard *card = g_ptr_array_index (lane->cards, c);

                    g_assert_true (jm_layout_get_card_rect (layout, card->id, &r));
                    if (jm_rect_intersects (&r, &slide->frame) && !inside (&r, &slide->frame))
                      g_error ("card %s crosses the edge of slide %u", card->id, i);
                  }
              }
          }
      }
}

static double
alpha_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  return data[(int) y * stride + (int) x * 4 + 3] / 255.0;   /* ARGB32, little-endian: alpha last */
}

/* A card from stage a reaching into stage b stays whole and bright on both
 * stages' slides; the rest of the other stage steps back. */
static void
test_dimming_follows_the_stage_and_its_spanning_cards (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GArray) slides = NULL;
  JmRect wide, a, b, touch_s3;
  double w, h;

  jm_document_move_card (doc, "wide", "text", "s2", -1);   /* now over s2–s3: stages a and b */
  layout = jm_layout_new (doc, NULL);
  slides = jm_presentation_slides_pinned (layout, 1920, 1080, 14, JM_SLIDES_PIN_EMOTIONS);
  g_assert_true (jm_layout_get_card_rect (layout, "wide", &wide));
  g_assert_true (jm_layout_get_stage_rect (layout, "a", &a));
  g_assert_true (jm_layout_get_stage_rect (layout, "b", &b));
  g_assert_true (jm_layout_get_cell_rect (layout, "touch", "s3", &touch_s3));
  g_assert_cmpfloat (wide.x, <, a.x + a.width);
  g_assert_cmpfloat (wide.x + wide.width, >, b.x);
  jm_layout_get_size (layout, &w, &h);

  for (guint i = 1; i < slides->len; i++)
    {
      const JmSlide *slide = &g_array_index (slides, JmSlide, i);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w + 1, (int) h + 1);
      cairo_t *cr = cairo_create (surface);
      JmRect visible = { 0, 0, w, h };
      gboolean on_a = g_strcmp0 (slide->stage_id, "a") == 0;

      jm_presentation_paint_dim (layout, slide, cr, &visible, 0.7);
      cairo_destroy (cr);

      /* The spanning card: bright over both its columns, on both stages' slides. */
      g_assert_cmpfloat (alpha_at (surface, wide.x + 4, wide.y + wide.height / 2), ==, 0);
      g_assert_cmpfloat (alpha_at (surface, wide.x + wide.width - 4, wide.y + wide.height / 2), ==, 0);
      /* The other stage's cells, away from the card, step back; the stage's own do not. */
      if (on_a)
        g_assert_cmpfloat (alpha_at (surface, touch_s3.x + touch_s3.width / 2, touch_s3.y + touch_s3.height / 2), >, 0.5);
      else
        g_assert_cmpfloat (alpha_at (surface, touch_s3.x + touch_s3.width / 2, touch_s3.y + touch_s3.height / 2), ==, 0);
      if (on_a)
        g_assert_cmpfloat (alpha_at (surface, a.x + 3, touch_s3.y + touch_s3.height / 2), ==, 0);
      else
        g_assert_cmpfloat (alpha_at (surface, a.x + 3, touch_s3.y + touch_s3.height / 2), >, 0.5);
      cairo_surface_destroy (surface);
    }
}

/* One slide per stage beside readable parts: as many slides as stages,
 * each the whole stage, marked when its text is below the minimum. */
static void
test_one_slide_per_stage_marks_small_text (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
  g_autoptr(GArray) slides = jm_presentation_slides_pinned (layout, 1280, 720, 30,
                                                            JM_SLIDES_PIN_EMOTIONS | JM_SLIDES_ONE_PER_STAGE);
  guint marked = 0;

  g_assert_cmpuint (slides->len, ==, 1 + jm_document_get_stages (doc)->len);
  for (guint i = 1; i < slides->len; i++)
    {
      const JmSlide *slide = &g_array_index (slides, JmSlide, i);

      g_assert_cmpuint (slide->n_parts, ==, 1);
      g_assert_cmpuint (slide->stage_index, ==, i - 1);
      g_assert_true (slide->below_min == (JM_PRESENTATION_TEXT_SIZE * slide->scale < 30));
      marked += slide->below_min;
    }
  /* 30 px on a 720 px screen: a whole stage of this map cannot. */
  g_assert_cmpuint (marked, ==, slides->len - 1);
}

/* Pixels of the image near a colour (each channel within 40 of 255). */
static guint
count_near (cairo_surface_t *surface,
            JmColor          color)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *px = data + y * stride + x * 4;   /* B, G, R, A */

        if (ABS (px[2] - color.r * 255) < 40 && ABS (px[1] - color.g * 255) < 40 && ABS (px[0] - color.b * 255) < 40)
          n++;
      }
  return n;
}

static JmColor
colour_of (JmDocument *doc,
           const char *persona_id)
{
  JmColor c = { 0, 0, 0, 1 };

  g_assert_true (jm_color_parse (jm_document_find_persona (doc, persona_id)->color, &c));
  return c;
}

/* The bike shop seen by Marco: four lanes, his curves only, as is and to be. */
static JmMapView *
marco_view (void)
{
  JmMapView *view = jm_map_view_new ("v-marco", "Marco");
  const char *lanes[] = { "l-touch", "l-emotions", "l-pain", "l-ideas", NULL };
  const char *personas[] = { "p-marco", NULL };

  view->lanes = g_strdupv ((char **) lanes);
  view->personas = g_strdupv ((char **) personas);
  view->states = JM_VIEW_STATES_BOTH;
  return view;
}

/* Every slide says whose curve is whose: a legend in the emotion lane's
 * title cell, beside the frame or pinned with the lane, covering no card,
 * drawn in the colours of the personas the view shows and of no other. */
static void
test_every_slide_shows_whose_curve_is_whose (void)
{
  static const struct {
    const char *example;
    gboolean    marco;       /* through Marco's view */
    const char *shown[3];
    const char *hidden[3];
  } cases[] = {
    { "bike-shop-vs-food-delivery.journey", FALSE, { "p-giulia", "p-marco" }, { NULL } },
    { "bike-shop-vs-food-delivery.journey", TRUE, { "p-marco" }, { "p-giulia" } },
    { "online-shop.journey", FALSE, { "p-sara" }, { NULL } },
  };
  static const double outputs[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
      {
        g_autoptr(JmDocument) doc = jm_test_load_example (cases[k].example);
        g_autoptr(JmLayout) layout = NULL;
        g_autoptr(GArray) slides = NULL;
        JmRenderOptions options;
        GPtrArray *lanes = jm_document_get_lanes (doc);

        jm_render_options_init (&options);
        if (cases[k].marco)
          {
            jm_document_set_view (doc, marco_view ());
            options.view_id = "v-marco";
          }
        layout = jm_layout_new (doc, &options);
        slides = jm_presentation_slides_pinned (layout, outputs[o][0], outputs[o][1], outputs[o][1] * 0.028,
                                                JM_SLIDES_PIN_EMOTIONS);

        /* The overview shows it where the map has it: in the emotion lane's title cell. */
        {
          JmRect legend, on_slide, lane, titles;
          cairo_surface_t *surface;
          cairo_t *cr;

          g_assert_true (jm_layout_get_emotion_legend_rect (layout, &legend));
          g_assert_true (jm_layout_get_lane_rect (layout, "l-emotions", &lane));
          g_assert_true (jm_layout_get_frozen_panes (layout, NULL, &titles));
          g_assert_true (inside (&legend, &lane));
          g_assert_cmpfloat (legend.x + legend.width, <=, titles.x + titles.width);
          g_assert_true (jm_presentation_get_legend_rect (layout, &g_array_index (slides, JmSlide, 0), &on_slide));
          g_assert_true (memcmp (&legend, &on_slide, sizeof legend) == 0);
          surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) legend.width, (int) legend.height);
          cr = cairo_create (surface);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_translate (cr, -legend.x, -legend.y);
          jm_painter_paint_emotion_legend (layout, cr, NULL, 1);
          cairo_destroy (cr);
          for (guint n = 0; n < G_N_ELEMENTS (cases[k].shown) && cases[k].shown[n]; n++)
            g_assert_cmpuint (count_near (surface, colour_of (doc, cases[k].shown[n])), >, 20);
          cairo_surface_destroy (surface);
        }

        for (guint i = 1; i < slides->len; i++)
          {
            const JmSlide *slide = &g_array_index (slides, JmSlide, i);
            g_autofree char *png = g_strdup_printf ("legend-%s-%u-%g-%02u.png", cases[k].example, k, outputs[o][0], i);
            cairo_surface_t *surface;
            cairo_t *cr;
            JmRect legend;
            JmView view;
            int w, h;

            g_test_message ("%s (%u) at %g×%g, slide %u", cases[k].example, k, outputs[o][0], outputs[o][1], i);
            write_png (layout, slide, outputs[o][0], outputs[o][1], png);
            g_assert_true (jm_presentation_get_legend_rect (layout, slide, &legend));

            /* In the titles' column, left of the frame, on the output. */
            g_assert_cmpfloat (legend.x, >=, slide->frame.x - slide->titles_w - 0.5);
            g_assert_cmpfloat (legend.x + legend.width, <=, slide->frame.x + 0.5);
            g_assert_cmpfloat (legend.y, >=, slide->frame.y - slide->emotion_h - 0.5);
            g_assert_cmpfloat (legend.y + legend.height, <=, slide->frame.y + slide->frame.height + 0.5);

            /* Over no card the slide shows (those of other stages go
             * under the pinned titles anyway). */
            for (guint l = 0; l < lanes->len; l++)
              {
                JmLane *lane = g_ptr_array_index (lanes, l);

                for (guint c = 0; c < lane->cards->len; c++)
                  {
                    JmRect r;

                    if (jm_layout_get_card_rect (layout, ((JmCard *) g_ptr_array_index (lane->cards, c))->id, &r)
                        && jm_rect_intersects (&r, &slide->frame))
                      g_assert_false (jm_rect_intersects (&r, &legend));
                  }
              }

            /* Drawn, in the colours of the view's personas only. */
            jm_presentation_view (layout, slide, outputs[o][0], outputs[o][1], &view);
            w = (int) ceil (legend.width * view.scale);
            h = (int) ceil (legend.height * view.scale);
            surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
            cr = cairo_create (surface);
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_paint (cr);
            cairo_scale (cr, view.scale, view.scale);
            cairo_translate (cr, -legend.x, -legend.y);
            jm_presentation_paint_context (layout, slide, cr, view.scale);
            cairo_destroy (cr);
            for (guint n = 0; n < G_N_ELEMENTS (cases[k].shown) && cases[k].shown[n]; n++)
              g_assert_cmpuint (count_near (surface, colour_of (doc, cases[k].shown[n])), >, 40);
            for (guint n = 0; n < G_N_ELEMENTS (cases[k].hidden) && cases[k].hidden[n]; n++)
              g_assert_cmpuint (count_near (surface, colour_of (doc, cases[k].hidden[n])), ==, 0);
            cairo_surface_destroy (surface);
          }
      }
}

/* The parts of a card come one under the other, inside it. */
static void
assert_parts_in_order (const JmRect      *card,
                       const JmCardParts *parts)
{
  const JmRect *order[] = { &parts->chips, &parts->image, &parts->text, &parts->badges, &parts->footer };
  double bottom = card->y;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i]->height <= 0)
        continue;
      g_assert_cmpfloat (order[i]->y, >=, bottom - 1e-6);
      g_assert_true (inside (order[i], card));
      bottom = order[i]->y + order[i]->height;
    }
}

/* On the slides of the examples at 1080p and 720p with the default minimum
 * (2.8 % of the height), chips, metric badges and footers are at least
 * 70 % of the minimum high, and the cards that grew with them are still
 * whole on every slide, their parts one under the other. */
static void
test_chips_and_badges_keep_to_the_minimum (void)
{
  static const char *examples[] = {
    "online-shop.journey", "bike-shop-vs-food-delivery.journey", "restaurant-regular.journey",
  };
  static const double outputs[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
      {
        g_autoptr(JmDocument) doc = jm_test_load_example (examples[e]);
        g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
        g_autoptr(GArray) slides = NULL;
        double min_text = outputs[o][1] * 0.028;
        GPtrArray *lanes = jm_document_get_lanes (doc);
        guint chips = 0, badges = 0;
        double label;

        label = jm_presentation_fit_labels (layout, outputs[o][0], outputs[o][1], min_text, JM_SLIDES_PIN_EMOTIONS);
        /* Asked again for the same output, nothing is measured again. */
        {
          guint measured = jm_layout_get_n_measured (layout);

          g_assert_cmpfloat (jm_presentation_fit_labels (layout, outputs[o][0], outputs[o][1], min_text,
                                                         JM_SLIDES_PIN_EMOTIONS), ==, label);
          g_assert_cmpuint (jm_layout_get_n_measured (layout), ==, measured);
        }
        slides = jm_presentation_slides_pinned (layout, outputs[o][0], outputs[o][1], min_text, JM_SLIDES_PIN_EMOTIONS);
        g_test_message ("%s at %g×%g: labels × %.3f, slides at %.3f", examples[e], outputs[o][0], outputs[o][1],
                        label, g_array_index (slides, JmSlide, 1).scale);
        g_assert_cmpfloat (label, >=, 1);
        for (guint i = 1; i < slides->len; i++)
          {
            const JmSlide *slide = &g_array_index (slides, JmSlide, i);
            g_autofree char *png = g_strdup_printf ("labels-%s-%g-%02u.png", examples[e], outputs[o][0], i);

            write_png (layout, slide, outputs[o][0], outputs[o][1], png);
            for (guint l = 0; l < lanes->len; l++)
              {
                JmLane *lane = g_ptr_array_index (lanes, l);

                for (guint c = 0; c < lane->cards->len; c++)
                  {
                    JmCard *card = g_ptr_array_index (lane->cards, c);
                    JmCardParts parts;
                    JmRect r;

                    if (!jm_layout_get_card_rect (layout, card->id, &r) || !jm_rect_intersects (&r, &slide->frame))
                      continue;
                    g_assert_true (inside (&r, &slide->frame));
                    g_assert_true (jm_layout_get_card_parts (layout, card->id, &parts));
                    assert_parts_in_order (&r, &parts);
                    if (parts.chips.height > 0)
                      {
                        g_assert_cmpfloat (parts.chip_text_size * slide->scale, >=, JM_PRESENTATION_LABEL_SHARE * min_text);
                        chips++;
                      }
                    if (parts.badges.height > 0)
                      {
                        g_assert_cmpfloat (parts.badge_text_size * slide->scale, >=, JM_PRESENTATION_LABEL_SHARE * min_text);
                        badges++;
                      }
                    if (parts.footer.height > 0)
                      g_assert_cmpfloat (parts.footer_text_size * slide->scale, >=, JM_PRESENTATION_LABEL_SHARE * min_text);
                  }
              }
          }
        /* The examples have both. */
        g_assert_cmpuint (chips, >, 0);
        g_assert_cmpuint (badges, >, 0);
      }
}

/* The editor's cards keep the editor's labels: a label scale of 1. */
static void
test_labels_scale_only_when_asked (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
  JmRenderOptions options;
  JmCardParts before, after;
  JmRect r1, r2, band1, band2;
  const char *id = NULL;
  GPtrArray *lanes = jm_document_get_lanes (doc);

  for (guint l = 0; l < lanes->len && id == NULL; l++)
    for (guint c = 0; c < ((JmLane *) lanes->pdata[l])->cards->len && id == NULL; c++)
      {
        JmCard *card = ((JmLane *) lanes->pdata[l])->cards->pdata[c];

        if (jm_layout_get_card_parts (layout, card->id, &before) && before.chips.height > 0)
          id = card->id;
      }
  g_assert_nonnull (id);
  g_assert_cmpfloat (before.chip_text_size, ==, 11);
  g_assert_true (jm_layout_get_card_rect (layout, id, &r1));
  g_assert_true (jm_layout_get_frozen_panes (layout, &band1, NULL));

  options = *jm_layout_get_options (layout);
  options.label_scale = 1.5;
  jm_layout_set_options (layout, &options);
  g_assert_true (jm_layout_get_card_parts (layout, id, &after));
  g_assert_true (jm_layout_get_card_rect (layout, id, &r2));
  g_assert_cmpfloat (after.chip_text_size, ==, 16.5);
  g_assert_cmpfloat (after.chips.height, ==, 1.5 * before.chips.height);
  g_assert_cmpfloat (r2.height, >, r1.height);
  /* The stages' metric badges have room to grow too (30 map units at 1). */
  g_assert_true (jm_layout_get_frozen_panes (layout, &band2, NULL));
  g_assert_cmpfloat (fabs (band2.height - band1.height - 0.5 * 30), <, 1e-9);

  /* Fitted to a small minimum, labels go back to the editor's size. */
  g_assert_cmpfloat (jm_presentation_fit_labels (layout, 1920, 1080, 10, JM_SLIDES_PIN_EMOTIONS), ==, 1);
  g_assert_true (jm_layout_get_card_parts (layout, id, &after));
  g_assert_cmpfloat (after.chip_text_size, ==, 11);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slides/every-part-keeps-its-context-and-cuts-no-card",
                   test_every_part_keeps_its_context_and_cuts_no_card);
  g_test_add_func ("/slides/dimming-follows-the-stage-and-its-spanning-cards",
                   test_dimming_follows_the_stage_and_its_spanning_cards);
  g_test_add_func ("/slides/one-slide-per-stage-marks-small-text", test_one_slide_per_stage_marks_small_text);
  g_test_add_func ("/slides/every-slide-shows-whose-curve-is-whose", test_every_slide_shows_whose_curve_is_whose);
  g_test_add_func ("/slides/chips-and-badges-keep-to-the-minimum", test_chips_and_badges_keep_to_the_minimum);
  g_test_add_func ("/slides/labels-scale-only-when-asked", test_labels_scale_only_when_asked);
  return g_test_run ();
}
