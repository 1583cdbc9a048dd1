/* jm-presentation.c — see jm-presentation.h. */
#include "config.h"

#include <math.h>

#include "jm-presentation.h"

/* A little room around a slide's frame. */
#define FRAME_MARGIN 0.04
/* Beyond this, a narrow stage would be blown up past any use. */
#define MAX_SCALE 2.5

static double
fit_scale (const JmRect *frame,
           double        out_w,
           double        out_h)
{
  double usable_w = out_w * (1 - 2 * FRAME_MARGIN), usable_h = out_h * (1 - 2 * FRAME_MARGIN);

  return MIN (MAX_SCALE, MIN (usable_w / frame->width, usable_h / frame->height));
}

static gint
compare_lane_tops (gconstpointer a,
                   gconstpointer b)
{
  const JmRect *ra = a, *rb = b;

  return ra->y < rb->y ? -1 : ra->y > rb->y;
}

GArray *
jm_presentation_slides (JmLayout *layout,
                        double    out_w,
                        double    out_h,
                        double    min_text_px)
{
  GArray *slides = g_array_new (FALSE, TRUE, sizeof (JmSlide));
  JmDocument *document;
  GPtrArray *stages, *lanes;
  g_autoptr(GArray) lane_rects = g_array_new (FALSE, FALSE, sizeof (JmRect));
  JmSlide overview = { JM_SLIDE_OVERVIEW };
  double w, h, max_h;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), slides);
  g_return_val_if_fail (out_w > 0 && out_h > 0 && min_text_px > 0, slides);

  document = jm_layout_get_document (layout);
  jm_layout_get_size (layout, &w, &h);
  overview.n_parts = 1;
  overview.frame = overview.focus = (JmRect) { 0, 0, w, h };
  overview.scale = MIN (out_w * (1 - 2 * FRAME_MARGIN) / w, out_h * (1 - 2 * FRAME_MARGIN) / h);
  g_array_append_val (slides, overview);

  /* The tallest frame that still shows text at min_text_px. */
  max_h = out_h * (1 - 2 * FRAME_MARGIN) / (min_text_px / JM_PRESENTATION_TEXT_SIZE);

  lanes = jm_document_get_lanes (document);
  for (guint l = 0; l < lanes->len; l++)
    {
      JmRect r;

      if (jm_layout_get_lane_rect (layout, ((JmLane *) g_ptr_array_index (lanes, l))->id, &r))
        g_array_append_val (lane_rects, r);
    }
  g_array_sort (lane_rects, compare_lane_tops);

  stages = jm_document_get_stages (document);
  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);
      g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (JmRect));
      JmRect focus, part;
      double top;

      double left, right;

      if (!jm_layout_get_stage_rect (layout, stage->id, &focus))
        continue;

      /* Cards that start in the stage and span into the next come whole. */
      left = focus.x;
      right = focus.x + focus.width;
      for (guint l = 0; l < lanes->len; l++)
        {
          JmLane *lane = g_ptr_array_index (lanes, l);

          for (guint c = 0; c < lane->cards->len; c++)
            {
              JmCard *card = g_ptr_array_index (lane->cards, c);
              JmRect r;

              if (card->span > 1 && jm_document_get_step_stage (document, card->step_id) == stage
                  && jm_layout_get_card_rect (layout, card->id, &r))
                right = MAX (right, r.x + r.width + JM_PRESENTATION_TEXT_SIZE);
            }
        }

      /* As few parts as the height allows, of about equal height, cut
       * between lanes; the stage's headers come with the first. */
      {
        double total = focus.height;
        guint n_parts = (guint) MAX (1, ceil (total / max_h));
        double target = total / n_parts;

        top = focus.y;
        part = (JmRect) { left, top, right - left, 0 };
        for (guint l = 0; l < lane_rects->len; l++)
          {
            JmRect *lane = &g_array_index (lane_rects, JmRect, l);
            double bottom = lane->y + lane->height;

            /* Close the part before this lane when the lane would take it
             * past the limit, or further past the even share than stopping
             * short of it would leave. */
            if (part.height > 0
                && (bottom - top > max_h
                    || (parts->len + 2 <= n_parts && bottom - top > target
                        && bottom - top - target > target - part.height)))
              {
                g_array_append_val (parts, part);
                top = lane->y;
                part = (JmRect) { left, top, right - left, 0 };
              }
            part.height = bottom - top;
          }
        if (part.height == 0)
          part.height = focus.height;
        g_array_append_val (parts, part);
      }

      for (guint p = 0; p < parts->len; p++)
        {
          JmSlide slide = { JM_SLIDE_STAGE };

          slide.stage_id = stage->id;
          slide.stage_index = s;
          slide.part = p;
          slide.n_parts = parts->len;
          slide.frame = g_array_index (parts, JmRect, p);
          slide.focus = focus;
          slide.scale = fit_scale (&slide.frame, out_w, out_h);
          g_array_append_val (slides, slide);
        }
    }
  /* One zoom for every stage: moving on pans rather than zooms in and out. */
  {
    double common = G_MAXDOUBLE;

    for (guint i = 1; i < slides->len; i++)
      common = MIN (common, g_array_index (slides, JmSlide, i).scale);
    for (guint i = 1; i < slides->len; i++)
      g_array_index (slides, JmSlide, i).scale = common;
  }
  return slides;
}

void
jm_presentation_view (JmLayout      *layout,
                      const JmSlide *slide,
                      double         out_w,
                      double         out_h,
                      JmView        *view)
{
  double w, h, visible_w;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (slide != NULL && view != NULL);

  jm_layout_get_size (layout, &w, &h);
  view->scale = slide->scale > 0 ? slide->scale : fit_scale (&slide->frame, out_w, out_h);
  visible_w = out_w / view->scale;
  view->x = slide->frame.x + slide->frame.width / 2 - visible_w / 2;
  view->y = slide->frame.y + slide->frame.height / 2 - out_h / view->scale / 2;

  /* Where the map is wider than the view, show map rather than the void
   * beyond its edges: the first stage brings the lane titles along. */
  if (visible_w < w)
    view->x = CLAMP (view->x, 0, w - visible_w);
  if (out_h / view->scale < h)
    view->y = CLAMP (view->y, 0, h - out_h / view->scale);
}

void
jm_view_interpolate (const JmView *a,
                     const JmView *b,
                     double        t,
                     double        out_w,
                     double        out_h,
                     JmView       *out)
{
  double acx = a->x + out_w / a->scale / 2, acy = a->y + out_h / a->scale / 2;
  double bcx = b->x + out_w / b->scale / 2, bcy = b->y + out_h / b->scale / 2;
  double cx, cy;

  t = CLAMP (t, 0, 1);
  /* Zoom evenly: the same factor per unit of time. */
  out->scale = exp (log (a->scale) + (log (b->scale) - log (a->scale)) * t);
  cx = acx + (bcx - acx) * t;
  cy = acy + (bcy - acy) * t;
  out->x = cx - out_w / out->scale / 2;
  out->y = cy - out_h / out->scale / 2;
}

guint
jm_presentation_find_stage (GArray *slides,
                            guint   stage_index)
{
  for (guint i = 0; i < slides->len; i++)
    {
      const JmSlide *slide = &g_array_index (slides, JmSlide, i);

      if (slide->kind == JM_SLIDE_STAGE && slide->stage_index == stage_index)
        return i;
    }
  return 0;
}
