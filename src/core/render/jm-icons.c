/* jm-icons.c — see jm-icons.h. Each icon is drawn on a 16 × 16 grid,
 * scaled to the size asked for, with strokes of 1.5 grid units: at 12 px a
 * stroke is just over a pixel, which is what keeps the shapes apart. */
#include "config.h"

#include <math.h>

#include "jm-icons.h"

#define LINE 1.5

static void
rounded (cairo_t *cr,
         double   x,
         double   y,
         double   w,
         double   h,
         double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
circle (cairo_t *cr,
        double   cx,
        double   cy,
        double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
}

static void
line (cairo_t *cr,
      double   x1,
      double   y1,
      double   x2,
      double   y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
}

/* Each draws its shape in grid units, stroking and filling itself. */

static void
globe (cairo_t *cr)
{
  circle (cr, 8, 8, 6.5);
  cairo_stroke (cr);
  cairo_save (cr);
  cairo_translate (cr, 8, 8);
  cairo_scale (cr, 0.45, 1);
  circle (cr, 0, 0, 6.5);
  cairo_restore (cr);
  line (cr, 1.5, 8, 14.5, 8);
  line (cr, 8, 1.5, 8, 14.5);
  cairo_stroke (cr);
}

static void
mobile (cairo_t *cr)
{
  rounded (cr, 4.25, 1.25, 7.5, 13.5, 1.5);
  cairo_stroke (cr);
  circle (cr, 8, 12, 0.9);
  line (cr, 6.5, 3.25, 9.5, 3.25);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);
}

static void
storefront (cairo_t *cr)
{
  /* An awning over a shop with a door. */
  cairo_move_to (cr, 1.5, 6);
  cairo_line_to (cr, 3, 2);
  cairo_line_to (cr, 13, 2);
  cairo_line_to (cr, 14.5, 6);
  cairo_close_path (cr);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  cairo_rectangle (cr, 2.75, 6, 10.5, 8.5);
  cairo_stroke (cr);
  cairo_rectangle (cr, 6.5, 9.5, 3, 5);
  cairo_fill (cr);
}

static void
handset (cairo_t *cr)
{
  /* A telephone receiver: two ear pieces on a curved grip. */
  cairo_save (cr);
  cairo_set_line_width (cr, 2.6);
  cairo_arc_negative (cr, 8, 12.5, 7.5, -G_PI * 0.2, -G_PI * 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
  rounded (cr, 0.8, 7, 4.4, 4, 1.2);
  rounded (cr, 10.8, 7, 4.4, 4, 1.2);
  cairo_fill (cr);
}

static void
envelope (cairo_t *cr)
{
  cairo_rectangle (cr, 1.25, 3.25, 13.5, 9.5);
  cairo_move_to (cr, 1.25, 3.25);
  cairo_line_to (cr, 8, 9);
  cairo_line_to (cr, 14.75, 3.25);
  cairo_stroke (cr);
}

static void
bubble (cairo_t *cr)
{
  rounded (cr, 1.25, 1.75, 13.5, 9.5, 2.5);
  cairo_stroke (cr);
  cairo_move_to (cr, 4, 10.5);
  cairo_line_to (cr, 3.5, 15);
  cairo_line_to (cr, 8, 10.5);
  cairo_close_path (cr);
  cairo_fill (cr);
  circle (cr, 5, 6.5, 1);
  circle (cr, 8, 6.5, 1);
  circle (cr, 11, 6.5, 1);
  cairo_fill (cr);
}

static void
people (cairo_t *cr)
{
  circle (cr, 5.5, 4.5, 2.5);
  circle (cr, 11.5, 5.5, 2);
  cairo_fill (cr);
  cairo_arc (cr, 5.5, 14.5, 4.5, G_PI, 2 * G_PI);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_arc (cr, 11.5, 14.5, 3.5, G_PI, 2 * G_PI);
  cairo_stroke (cr);
}

static void
megaphone (cairo_t *cr)
{
  cairo_move_to (cr, 2, 6);
  cairo_line_to (cr, 12, 1.5);
  cairo_line_to (cr, 12, 13);
  cairo_line_to (cr, 2, 9.5);
  cairo_close_path (cr);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  cairo_rectangle (cr, 4, 9.5, 2.5, 5);
  cairo_fill (cr);
  line (cr, 14.5, 5, 14.5, 9.5);
  cairo_stroke (cr);
}

static void
truck (cairo_t *cr)
{
  cairo_rectangle (cr, 0.75, 3.25, 9, 7.5);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  cairo_move_to (cr, 9.75, 6);
  cairo_line_to (cr, 12.75, 6);
  cairo_line_to (cr, 15.25, 8.5);
  cairo_line_to (cr, 15.25, 10.75);
  cairo_line_to (cr, 9.75, 10.75);
  cairo_stroke (cr);
  circle (cr, 4, 12.5, 1.9);
  circle (cr, 12.5, 12.5, 1.9);
  cairo_fill (cr);
}

static void
box (cairo_t *cr)
{
  /* A parcel seen from a corner: its three faces' edges. */
  cairo_move_to (cr, 8, 1.5);
  cairo_line_to (cr, 14.5, 4.5);
  cairo_line_to (cr, 14.5, 11.5);
  cairo_line_to (cr, 8, 14.5);
  cairo_line_to (cr, 1.5, 11.5);
  cairo_line_to (cr, 1.5, 4.5);
  cairo_close_path (cr);
  cairo_move_to (cr, 1.5, 4.5);
  cairo_line_to (cr, 8, 7.5);
  cairo_line_to (cr, 14.5, 4.5);
  cairo_move_to (cr, 8, 7.5);
  cairo_line_to (cr, 8, 14.5);
  cairo_stroke (cr);
}

static void
speaking_head (cairo_t *cr)
{
  /* A head in profile, and the sound it makes. */
  circle (cr, 5.5, 6, 4);
  cairo_fill (cr);
  cairo_move_to (cr, 2.5, 9);
  cairo_line_to (cr, 2.5, 14.5);
  cairo_line_to (cr, 8, 14.5);
  cairo_line_to (cr, 8, 9);
  cairo_fill (cr);
  cairo_arc (cr, 9, 7, 3, -G_PI / 3, G_PI / 3);
  cairo_stroke (cr);
  cairo_arc (cr, 9, 7, 6, -G_PI / 3, G_PI / 3);
  cairo_stroke (cr);
}

static void
asterisk (cairo_t *cr)
{
  for (int i = 0; i < 3; i++)
    {
      double a = G_PI / 2 + i * G_PI / 3;

      line (cr, 8 + 6.5 * cos (a), 8 - 6.5 * sin (a), 8 - 6.5 * cos (a), 8 + 6.5 * sin (a));
    }
  cairo_save (cr);
  cairo_set_line_width (cr, 2.2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Lane kinds. */

static void
lines_of_text (cairo_t *cr)
{
  line (cr, 1.5, 3, 14.5, 3);
  line (cr, 1.5, 8, 14.5, 8);
  line (cr, 1.5, 13, 10, 13);
  cairo_stroke (cr);
}

static void
touch (cairo_t *cr)
{
  /* A point of contact: a dot in a ring. */
  circle (cr, 8, 8, 6.5);
  cairo_stroke (cr);
  circle (cr, 8, 8, 3);
  cairo_fill (cr);
}

static void
wave (cairo_t *cr)
{
  cairo_move_to (cr, 1, 11);
  cairo_curve_to (cr, 4, 1, 7, 1, 8, 8);
  cairo_curve_to (cr, 9, 15, 12, 15, 15, 5);
  cairo_stroke (cr);
}

static void
warning (cairo_t *cr)
{
  cairo_move_to (cr, 8, 1.5);
  cairo_line_to (cr, 15, 14.5);
  cairo_line_to (cr, 1, 14.5);
  cairo_close_path (cr);
  cairo_stroke (cr);
  line (cr, 8, 6, 8, 10);
  cairo_stroke (cr);
  circle (cr, 8, 12.3, 0.9);
  cairo_fill (cr);
}

static void
bulb (cairo_t *cr)
{
  cairo_arc (cr, 8, 6.5, 5, G_PI * 0.8, G_PI * 2.2);
  cairo_line_to (cr, 10, 12);
  cairo_line_to (cr, 6, 12);
  cairo_close_path (cr);
  cairo_stroke (cr);
  line (cr, 6, 14.5, 10, 14.5);
  cairo_stroke (cr);
}

static void
bars (cairo_t *cr)
{
  cairo_rectangle (cr, 1.5, 9, 3.5, 6);
  cairo_rectangle (cr, 6.25, 5, 3.5, 10);
  cairo_rectangle (cr, 11, 1.5, 3.5, 13.5);
  cairo_fill (cr);
}

static void
gear (cairo_t *cr)
{
  for (int i = 0; i < 8; i++)
    {
      double a = i * G_PI / 4;

      line (cr, 8 + 4.5 * cos (a), 8 + 4.5 * sin (a), 8 + 7 * cos (a), 8 + 7 * sin (a));
    }
  cairo_save (cr);
  cairo_set_line_width (cr, 2.4);
  cairo_stroke (cr);
  cairo_restore (cr);
  circle (cr, 8, 8, 4.5);
  cairo_stroke (cr);
}

static void
picture (cairo_t *cr)
{
  cairo_rectangle (cr, 1.25, 2.25, 13.5, 11.5);
  cairo_stroke (cr);
  cairo_move_to (cr, 2, 13);
  cairo_line_to (cr, 6.5, 7.5);
  cairo_line_to (cr, 9.5, 10.5);
  cairo_line_to (cr, 11, 9);
  cairo_line_to (cr, 14, 13);
  cairo_close_path (cr);
  cairo_fill (cr);
  circle (cr, 11, 5.5, 1.4);
  cairo_fill (cr);
}

typedef void (*IconFunc) (cairo_t *cr);

static void
draw (cairo_t  *cr,
      IconFunc  func,
      double    x,
      double    y,
      double    size)
{
  if (func == NULL)
    return;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 16, size / 16);
  cairo_new_path (cr);
  cairo_set_line_width (cr, LINE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  func (cr);
  cairo_restore (cr);
}

void
jm_icon_draw_channel (cairo_t   *cr,
                      JmChannel  channel,
                      double     x,
                      double     y,
                      double     size)
{
  static const IconFunc icons[JM_N_CHANNELS] = {
    [JM_CHANNEL_NONE] = NULL,
    [JM_CHANNEL_WEBSITE] = globe,
    [JM_CHANNEL_APP] = mobile,
    [JM_CHANNEL_STORE] = storefront,
    [JM_CHANNEL_PHONE] = handset,
    [JM_CHANNEL_EMAIL] = envelope,
    [JM_CHANNEL_CHAT] = bubble,
    [JM_CHANNEL_SOCIAL] = people,
    [JM_CHANNEL_ADS] = megaphone,
    [JM_CHANNEL_DELIVERY] = truck,
    [JM_CHANNEL_PACKAGING] = box,
    [JM_CHANNEL_WORD_OF_MOUTH] = speaking_head,
    [JM_CHANNEL_OTHER] = asterisk,
  };

  g_return_if_fail (cr != NULL);
  if ((guint) channel < JM_N_CHANNELS)
    draw (cr, icons[channel], x, y, size);
}

void
jm_icon_draw_lane_kind (cairo_t    *cr,
                        JmLaneKind  kind,
                        double      x,
                        double      y,
                        double      size)
{
  static const IconFunc icons[JM_N_LANE_KINDS] = {
    [JM_LANE_TEXT] = lines_of_text,
    [JM_LANE_TOUCHPOINTS] = touch,
    [JM_LANE_EMOTIONS] = wave,
    [JM_LANE_PAIN_POINTS] = warning,
    [JM_LANE_OPPORTUNITIES] = bulb,
    [JM_LANE_METRICS] = bars,
    [JM_LANE_BACKSTAGE] = gear,
    [JM_LANE_IMAGES] = picture,
  };

  g_return_if_fail (cr != NULL);
  if ((guint) kind < JM_N_LANE_KINDS)
    draw (cr, icons[kind], x, y, size);
}
