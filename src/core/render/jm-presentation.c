/* jm-presentation.c — see jm-presentation.h. */
#include "config.h"

#include <math.h>

#include "jm-layout-private.h"
#include "jm-painter.h"
#include "jm-presentation.h"

/* A little room around a slide's frame. */
#define FRAME_MARGIN 0.04
/* Beyond this, a narrow stage would be blown up past any use. */
#define MAX_SCALE 2.5
/* Chips past twice their size would crowd out the cards' text. */
#define MAX_LABEL_SCALE 2.0

/* The frame with its context: the header band above it, the titles left. */
static JmRect
with_context (const JmSlide *slide)
{
  double above = slide->header_h + slide->emotion_h;

  return (JmRect) { slide->frame.x - slide->titles_w, slide->frame.y - above,
                    slide->frame.width + slide->titles_w, slide->frame.height + above };
}

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
  return jm_presentation_slides_pinned (layout, out_w, out_h, min_text_px, 0);
}

GArray *
jm_presentation_slides_pinned (JmLayout *layout,
                               double    out_w,
                               double    out_h,
                               double    min_text_px,
                               guint     flags)
{
  gboolean pin = (flags & JM_SLIDES_PIN_EMOTIONS) != 0;
  GArray *slides = g_array_new (FALSE, TRUE, sizeof (JmSlide));
  JmDocument *document;
  GPtrArray *stages, *lanes;
  g_autoptr(GArray) lane_rects = g_array_new (FALSE, FALSE, sizeof (JmRect));
  JmSlide overview = { JM_SLIDE_OVERVIEW };
  JmRect column_headers, row_headers;
  JmRect emotions = { 0, 0, 0, 0 };   /* the emotion lane, kept on every part */
  double w, h, max_h;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), slides);
  g_return_val_if_fail (out_w > 0 && out_h > 0 && min_text_px > 0, slides);

  document = jm_layout_get_document (layout);
  jm_layout_get_size (layout, &w, &h);
  overview.n_parts = 1;
  overview.frame = overview.focus = (JmRect) { 0, 0, w, h };
  overview.scale = MIN (out_w * (1 - 2 * FRAME_MARGIN) / w, out_h * (1 - 2 * FRAME_MARGIN) / h);
  g_array_append_val (slides, overview);

  /* Every stage slide keeps the header band and the lane titles. */
  if (!jm_layout_get_frozen_panes (layout, &column_headers, &row_headers))
    column_headers = row_headers = (JmRect) { 0, 0, 0, 0 };

  /* The tallest frame that still shows text at min_text_px, under the band. */
  max_h = out_h * (1 - 2 * FRAME_MARGIN) / (min_text_px / JM_PRESENTATION_TEXT_SIZE) - column_headers.height;
  max_h = MAX (max_h, 1);

  lanes = jm_document_get_lanes (document);
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);
      JmRect r;

      if (!jm_layout_get_lane_rect (layout, lane->id, &r))
        continue;
      g_array_append_val (lane_rects, r);
      if (lane->kind == JM_LANE_EMOTIONS && emotions.height == 0)
        emotions = r;
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

              if (card->span <= 1 || !jm_layout_get_card_rect (layout, card->id, &r))
                continue;
              if (jm_document_get_step_stage (document, card->step_id) == stage)
                right = MAX (right, r.x + r.width + JM_PRESENTATION_TEXT_SIZE);
              /* A card that spans in from an earlier stage is not cut at the slide's edge. */
              else if (r.x < left && r.x + r.width > left)
                left = MIN (left, r.x - JM_PRESENTATION_TEXT_SIZE);
            }
        }

      /* As few parts as the height allows, of about equal height, cut
       * between lanes; the stage's headers come with the first. */
      {
        double part_h = max_h;
        double lanes_top = column_headers.y + column_headers.height;
        double total = focus.y + focus.height - lanes_top;
        guint n_parts;
        double target;
        gboolean pin_emotions = FALSE;

        /* One slide for the whole stage: no limit to its height. */
        if (flags & JM_SLIDES_ONE_PER_STAGE)
          part_h = G_MAXDOUBLE;
        n_parts = (guint) MAX (1, ceil (total / part_h));

        /* In parts, the emotion lane is pinned on every one of them, and
         * a part of its own is never needed: the others make room for it. */
        if (pin && n_parts > 1 && emotions.height > 0)
          {
            pin_emotions = TRUE;
            /* Where the height allows, the parts keep room for it; on a
             * short screen they cannot, and the one zoom of all the
             * slides makes it (marked below the minimum if it must). */
            if (part_h > 2 * emotions.height)
              part_h -= emotions.height;
            total -= emotions.height;
            n_parts = (guint) MAX (1, ceil (total / part_h));
          }
        target = total / n_parts;

        top = lanes_top;
        part = (JmRect) { left, top, right - left, 0 };
        for (guint l = 0; l < lane_rects->len; l++)
          {
            JmRect *lane = &g_array_index (lane_rects, JmRect, l);
            double bottom = lane->y + lane->height;

            if (pin_emotions && lane->y == emotions.y)
              {
                /* The parts end above it and start again below. */
                if (part.height > 0)
                  g_array_append_val (parts, part);
                top = bottom;
                part = (JmRect) { left, top, right - left, 0 };
                continue;
              }
            /* Close the part before this lane when the lane would take it
             * past the limit, or further past the even share than stopping
             * short of it would leave. */
            if (part.height > 0
                && (bottom - top > part_h
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
          part.height = MAX (total, 1);
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
          slide.header_h = column_headers.height;
          if (pin && emotions.height > 0
              && (emotions.y < slide.frame.y - 0.5 || emotions.y + emotions.height > slide.frame.y + slide.frame.height + 0.5))
            {
              slide.emotion_y = emotions.y;
              slide.emotion_h = emotions.height;
            }
          /* Titles already beside the frame (the first stage) need no copy. */
          slide.titles_w = MAX (0, MIN (row_headers.width, slide.frame.x));
          {
            JmRect all = with_context (&slide);

            slide.scale = fit_scale (&all, out_w, out_h);
          }
          g_array_append_val (slides, slide);
        }
    }
  /* One zoom for every stage: moving on pans rather than zooms in and out. */
  {
    double common = G_MAXDOUBLE;

    for (guint i = 1; i < slides->len; i++)
      common = MIN (common, g_array_index (slides, JmSlide, i).scale);
    for (guint i = 1; i < slides->len; i++)
      {
        g_array_index (slides, JmSlide, i).scale = common;
        g_array_index (slides, JmSlide, i).below_min = JM_PRESENTATION_TEXT_SIZE * common < min_text_px - 1e-9;
      }
  }
  return slides;
}

double
jm_presentation_fit_labels (JmLayout *layout,
                            double    out_w,
                            double    out_h,
                            double    min_text_px,
                            guint     flags)
{
  JmRenderOptions options;
  double label;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), 1);
  g_return_val_if_fail (out_w > 0 && out_h > 0 && min_text_px > 0, 1);

  /* From the labels the layout has: when they already fit (the same
   * output again, a document edit), nothing is measured again. Larger
   * labels make taller cards, which may change the slides' common scale
   * (a part more, a stage that no longer fits): measure again until the
   * labels hold, a few rounds at most. */
  label = CLAMP (jm_layout_get_options (layout)->label_scale, 1, MAX_LABEL_SCALE);
  for (int round = 0; round < 6; round++)
    {
      g_autoptr(GArray) slides = NULL;
      double scale, need;

      if (jm_layout_get_options (layout)->label_scale != label)
        {
          /* A fresh copy each time: the layout's strings change hands on every set. */
          options = *jm_layout_get_options (layout);
          options.label_scale = label;
          jm_layout_set_options (layout, &options);
        }
      slides = jm_presentation_slides_pinned (layout, out_w, out_h, min_text_px, flags);
      if (slides->len < 2)
        break;
      scale = g_array_index (slides, JmSlide, 1).scale;
      need = JM_PRESENTATION_LABEL_SHARE * min_text_px / (JM_CHIP_TEXT_SIZE * scale);
      /* Large enough, and not much larger than needed. */
      if ((label >= need - 1e-9 || label >= MAX_LABEL_SCALE) && (label <= 1 || label <= need * 1.03))
        break;
      /* A little over, so that a slightly smaller scale still holds. */
      label = CLAMP (need * 1.01, 1, MAX_LABEL_SCALE);
    }
  if (jm_layout_get_options (layout)->label_scale != label)
    {
      options = *jm_layout_get_options (layout);
      options.label_scale = label;
      jm_layout_set_options (layout, &options);
    }
  return label;
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
  if (slide->kind == JM_SLIDE_STAGE)
    {
      /* The frame with its context, centred. */
      JmRect all = with_context (slide);

      view->scale = slide->scale > 0 ? slide->scale : fit_scale (&all, out_w, out_h);
      view->x = all.x + all.width / 2 - out_w / view->scale / 2;
      view->y = all.y + all.height / 2 - out_h / view->scale / 2;
      return;
    }

  view->scale = slide->scale > 0 ? slide->scale : fit_scale (&slide->frame, out_w, out_h);
  visible_w = out_w / view->scale;
  view->x = slide->frame.x + slide->frame.width / 2 - visible_w / 2;
  view->y = slide->frame.y + slide->frame.height / 2 - out_h / view->scale / 2;

  /* Where the map is wider than the view, show map rather than the void
   * beyond its edges. */
  if (visible_w < w)
    view->x = CLAMP (view->x, 0, w - visible_w);
  if (out_h / view->scale < h)
    view->y = CLAMP (view->y, 0, h - out_h / view->scale);
}

void
jm_presentation_paint_context (JmLayout      *layout,
                               const JmSlide *slide,
                               cairo_t       *cr,
                               double         scale)
{
  JmRect column_headers, row_headers, strip;
  JmColor ground;
  double above;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (slide != NULL && cr != NULL);

  /* The overview shows the map as it is, titles and all: whose curve is
   * which goes in the emotion lane's title cell, as on every stage. */
  if (slide->kind == JM_SLIDE_OVERVIEW)
    {
      jm_painter_paint_emotion_legend (layout, cr, NULL, scale);
      return;
    }
  if (slide->kind != JM_SLIDE_STAGE || !jm_layout_get_frozen_panes (layout, &column_headers, &row_headers))
    return;

  ground = jm_theme_get_colors (jm_layout_get_options (layout)->theme)->background;
  above = slide->header_h + slide->emotion_h;

  /* Only the slide's own rows: the band of its context above the frame,
   * then the frame, with the neighbouring stages dimmed beside the frame
   * alone. Lanes of other parts above or below, and the map's own headers
   * at their places, would stand out of line with the pinned context. */
  {
    double x1, y1, x2, y2;
    double band_top = slide->frame.y - above, bottom = slide->frame.y + slide->frame.height;
    double left = slide->frame.x - slide->titles_w, right = slide->frame.x + slide->frame.width;

    cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
    cairo_save (cr);
    cairo_set_source_rgb (cr, ground.r, ground.g, ground.b);
    if (band_top > y1)
      cairo_rectangle (cr, x1, y1, x2 - x1, band_top - y1);
    if (y2 > bottom)
      cairo_rectangle (cr, x1, bottom, x2 - x1, y2 - bottom);
    if (left > x1)
      cairo_rectangle (cr, x1, band_top, left - x1, above);
    if (x2 > right)
      cairo_rectangle (cr, right, band_top, x2 - right, above);
    cairo_fill (cr);
    cairo_restore (cr);
  }

  /* The emotion lane over the frame's columns, just above it. */
  if (slide->emotion_h > 0)
    {
      double top = slide->frame.y - slide->emotion_h;

      strip = (JmRect) { slide->frame.x, slide->emotion_y, slide->frame.width, slide->emotion_h };
      cairo_save (cr);
      cairo_rectangle (cr, slide->frame.x, top, slide->frame.width, slide->emotion_h);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, ground.r, ground.g, ground.b);
      cairo_paint (cr);
      cairo_translate (cr, 0, top - slide->emotion_y);
      jm_painter_paint (layout, cr, &strip, scale);
      cairo_restore (cr);
      if (slide->titles_w > 0)
        {
          strip = (JmRect) { row_headers.x, slide->emotion_y, row_headers.width, slide->emotion_h };
          cairo_save (cr);
          cairo_rectangle (cr, slide->frame.x - slide->titles_w, top, slide->titles_w, slide->emotion_h);
          cairo_clip (cr);
          cairo_translate (cr, slide->frame.x - (row_headers.x + row_headers.width), top - slide->emotion_y);
          jm_painter_paint_row_headers (layout, cr, &strip, scale);
          cairo_restore (cr);
        }
    }

  /* The stage and step headers of the frame's columns, above them. */
  strip = (JmRect) { slide->frame.x, column_headers.y, slide->frame.width, column_headers.height };
  cairo_save (cr);
  cairo_rectangle (cr, slide->frame.x, slide->frame.y - above, slide->frame.width, slide->header_h);
  cairo_clip (cr);
  cairo_translate (cr, 0, slide->frame.y - above - column_headers.y);
  jm_painter_paint_column_headers (layout, cr, &strip, scale);
  cairo_restore (cr);

  /* The titles of the frame's lanes, with the emotion axis, just left of it. */
  if (slide->titles_w > 0)
    {
      strip = (JmRect) { row_headers.x, slide->frame.y, row_headers.width, slide->frame.height };
      cairo_save (cr);
      /* The corner above the titles: plain ground. */
      cairo_rectangle (cr, slide->frame.x - slide->titles_w, slide->frame.y - above,
                       slide->titles_w, slide->header_h);
      cairo_set_source_rgb (cr, ground.r, ground.g, ground.b);
      cairo_fill (cr);
      cairo_rectangle (cr, slide->frame.x - slide->titles_w, slide->frame.y, slide->titles_w, slide->frame.height);
      cairo_clip (cr);
      cairo_translate (cr, slide->frame.x - (row_headers.x + row_headers.width), 0);
      jm_painter_paint_row_headers (layout, cr, &strip, scale);
      cairo_restore (cr);
    }
}

gboolean
jm_presentation_get_legend_rect (JmLayout      *layout,
                                 const JmSlide *slide,
                                 JmRect        *rect)
{
  JmRect legend, row_headers;
  double dx = 0, dy = 0;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (slide != NULL && rect != NULL, FALSE);

  if (!jm_layout_get_emotion_legend_rect (layout, &legend) || !jm_layout_get_frozen_panes (layout, NULL, &row_headers))
    return FALSE;
  if (slide->kind == JM_SLIDE_OVERVIEW)
    {
      *rect = legend;
      return TRUE;
    }
  if (slide->kind != JM_SLIDE_STAGE || slide->titles_w <= 0)
    return FALSE;

  /* Where jm_presentation_paint_context copies the titles: beside the
   * frame, and the emotion lane's pinned under the header band when the
   * frame does not hold it. */
  dx = slide->frame.x - (row_headers.x + row_headers.width);
  if (slide->emotion_h > 0)
    dy = slide->frame.y - slide->emotion_h - slide->emotion_y;
  else if (legend.y < slide->frame.y - 0.5 || legend.y + legend.height > slide->frame.y + slide->frame.height + 0.5)
    return FALSE;
  *rect = (JmRect) { legend.x + dx, legend.y + dy, legend.width, legend.height };
  /* Titles narrower than the column (a frame near the map's left edge)
   * show only their right part. */
  if (rect->x < slide->frame.x - slide->titles_w - 0.5)
    return FALSE;
  return TRUE;
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

void
jm_presentation_paint_dim (JmLayout      *layout,
                           const JmSlide *slide,
                           cairo_t       *cr,
                           const JmRect  *visible,
                           double         alpha)
{
  JmDocument *document;
  JmStage *stage;
  GPtrArray *lanes;
  JmRect row_headers, stage_rect;
  JmColor ground;
  double top, height;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (slide != NULL && cr != NULL && visible != NULL);

  document = jm_layout_get_document (layout);
  stage = slide->stage_id ? jm_document_find_stage (document, slide->stage_id) : NULL;
  if (slide->kind != JM_SLIDE_STAGE || stage == NULL || !jm_layout_get_stage_rect (layout, stage->id, &stage_rect))
    return;

  ground = jm_theme_get_colors (jm_layout_get_options (layout)->theme)->background;
  top = slide->frame.y - slide->header_h - slide->emotion_h;
  height = slide->frame.height + slide->header_h + slide->emotion_h;

  /* A veil over everything, with holes cut where the stage is. */
  cairo_save (cr);
  cairo_push_group (cr);
  cairo_set_source_rgba (cr, ground.r, ground.g, ground.b, alpha);
  cairo_rectangle (cr, visible->x - 1, visible->y - 1, visible->width + 2, visible->height + 2);
  cairo_fill (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  /* The stage's own columns, from its header down the part shown. */
  cairo_rectangle (cr, stage_rect.x, MIN (top, stage_rect.y), stage_rect.width,
                   top + height - MIN (top, stage_rect.y));
  /* The lane titles say what each row is. */
  if (jm_layout_get_frozen_panes (layout, NULL, &row_headers))
    cairo_rectangle (cr, row_headers.x, top, row_headers.width, height);
  /* Cards of the stage that span out of it, and cards of earlier stages
   * that span into it, whole. */
  lanes = jm_document_get_lanes (document);
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          JmRect r;

          if (card->span > 1 && jm_layout_get_card_rect (layout, card->id, &r)
              && r.x < stage_rect.x + stage_rect.width && r.x + r.width > stage_rect.x)
            cairo_rectangle (cr, r.x - 2, r.y - 2, r.width + 4, r.height + 4);
        }
    }
  cairo_fill (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  cairo_restore (cr);
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
