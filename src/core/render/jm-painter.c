/* jm-painter.c — drawing a laid-out journey map with cairo and pango.
 * Each part of the map has its own function; each draws only when its
 * bounds meet the visible rectangle, so the cost of a repaint follows what
 * is on screen, not the size of the map. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-layout-private.h"
#include "jm-i18n.h"
#include "jm-icons.h"
#include "jm-number.h"
#include "jm-image.h"
#include "jm-paint-cache-private.h"
#include "jm-painter.h"
#include "jm-painter-private.h"

typedef struct {
  JmLayout            *layout;
  JmDocument          *doc;
  cairo_t             *cr;
  JmRect               visible;
  double               scale;
  gboolean             detail;
  JmTheme              theme;
  const JmThemeColors *colors;
  JmPaintCache        *cache;         /* NULL: draw every card */
  JmPaintCache        *counting;      /* the cache given, usable or not: its statistics */
  double               device_scale;  /* of the cache: device pixels per unit of the context */
  double               image_scale;   /* device pixels per map unit */
} Paint;

/* ---- helpers ---- */

/* Everything the painter writes is in the map's language (jm-i18n.h),
 * whatever the desktop speaks: TR (p, N_("…")) instead of _(). */
#define TR(p, msgid) jm_i18n_gettext (paint_language (p), msgid)

static const char *
paint_language (const Paint *p)
{
  return jm_layout_get_language (p->layout);
}

static void
set_color (cairo_t *cr,
           JmColor  c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

static void
set_color_alpha (cairo_t *cr,
                 JmColor  c,
                 double   alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a * alpha);
}

void
jm_painter_rounded_rect (cairo_t *cr,
                         double   x,
                         double   y,
                         double   w,
                         double   h,
                         double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             JmColor      color)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A short piece of text (labels, chips, badges), laid out once and kept:
 * making layouts on every repaint is what would cost the most. */
static PangoLayout *
label_layout (Paint      *p,
              const char *text,
              double      size,
              gboolean    bold,
              double      width)
{
  g_autofree char *key = g_strdup_printf ("%g|%d|%g|%s", size, bold, width, text ? text : "");
  PangoLayout *layout = g_hash_table_lookup (p->layout->label_cache, key);

  if (layout == NULL)
    {
      layout = jm_layout_make_text (p->layout, text, size, bold, width);
      if (width > 0)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -1);
        }
      g_hash_table_insert (p->layout->label_cache, g_steal_pointer (&key), layout);
    }
  return layout;
}

static void
draw_text (Paint      *p,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      width,
           JmColor     color,
           double     *out_width)
{
  PangoLayout *layout = label_layout (p, text, size, bold, width);
  int w;

  show_layout (p->cr, layout, x, y, color);
  if (out_width)
    {
      pango_layout_get_pixel_size (layout, &w, NULL);
      *out_width = w;
    }
}

static double
text_width (Paint      *p,
            const char *text,
            double      size,
            gboolean    bold)
{
  int w;

  pango_layout_get_pixel_size (label_layout (p, text, size, bold, -1), &w, NULL);
  return w;
}

static gboolean
visible (Paint  *p,
         double  x,
         double  y,
         double  w,
         double  h)
{
  JmRect r = { x, y, w, h };
  return jm_rect_intersects (&r, &p->visible);
}

static JmColor
stage_color (Paint   *p,
             JmStage *stage,
             guint    index)
{
  JmColor c;

  if (stage->color != NULL && jm_color_parse (stage->color, &c))
    return c;
  return jm_theme_palette (p->theme, index);
}

JmColor
jm_painter_persona_color (JmTheme          theme,
                          const JmPersona *persona,
                          guint            index)
{
  JmColor c;

  if (persona->color != NULL && jm_color_parse (persona->color, &c))
    return c;
  return jm_theme_palette (theme, index + 3);
}

static JmColor
persona_color (Paint     *p,
               JmPersona *persona,
               guint      index)
{
  return jm_painter_persona_color (p->theme, persona, index);
}

static void
star (cairo_t *cr,
      double   cx,
      double   cy,
      double   r)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double rr = (i % 2 == 0) ? r : r * 0.45;

      if (i == 0)
        cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a));
      else
        cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a));
    }
  cairo_close_path (cr);
}

/* ---- images ---- */

/* A decoded image, kept on the layout for the next repaint; NULL for
 * broken data. */
cairo_surface_t *
jm_painter_get_image (JmLayout   *layout,
                      GBytes     *bytes,
                      const char *type)
{
  g_autofree char *key = NULL;
  cairo_surface_t *surface;

  if (bytes == NULL)
    return NULL;

  key = g_strdup_printf ("jm-image-%p", (void *) bytes);
  if (g_object_get_data (G_OBJECT (layout), key) != NULL)
    {
      surface = g_object_get_data (G_OBJECT (layout), key);
      return cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS ? surface : NULL;
    }

  surface = jm_image_decode (bytes, type, 1024);
  if (surface == NULL)
    surface = cairo_image_surface_create (CAIRO_FORMAT_INVALID, 0, 0);   /* remembered as broken */
  g_object_set_data_full (G_OBJECT (layout), key, surface, (GDestroyNotify) cairo_surface_destroy);
  return cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS ? surface : NULL;
}

void
jm_painter_draw_image_in (cairo_t         *cr,
                          cairo_surface_t *image,
                          double           x,
                          double           y,
                          double           w,
                          double           h,
                          gboolean         circle)
{
  double iw = cairo_image_surface_get_width (image);
  double ih = cairo_image_surface_get_height (image);
  double s = MAX (w / iw, h / ih);   /* cover */

  cairo_save (cr);
  if (circle)
    cairo_arc (cr, x + w / 2, y + h / 2, MIN (w, h) / 2, 0, 2 * G_PI);
  else
    jm_painter_rounded_rect (cr, x, y, w, h, 6);
  cairo_clip (cr);
  cairo_translate (cr, x + (w - iw * s) / 2, y + (h - ih * s) / 2);
  cairo_scale (cr, s, s);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* ---- metrics ---- */

static char *
metric_label (const JmMetric *m,
              const char     *lang)
{
  const char *unit = m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
  const char *name = m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label_in (m->kind, lang);
  g_autofree char *value = jm_number_format_unit_in (m->value, -1, unit, lang);

  if (m->has_target)
    {
      g_autofree char *target = jm_number_format_unit_in (m->target, -1, g_strcmp0 (unit, "%") == 0 ? unit : NULL,
                                                                lang);
      /* Translators: a metric badge: "CSAT 82% / 85%" (value / target) */
      return g_strdup_printf (jm_i18n_gettext (lang, N_("%s %s / %s")), name, value, target);
    }
  return g_strdup_printf ("%s %s", name, value);
}

/* Draws badges left to right from (x, y) within width; returns the height used. */
static double
draw_badges (Paint     *p,
             GPtrArray *metrics,
             double     x,
             double     y,
             double     width)
{
  double cx = x, cy = y;
  double k = p->layout->label_scale;   /* larger on slides */
  double size = JM_BADGE_TEXT_SIZE * k, bh = JM_BADGE_H * k;

  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    {
      const JmMetric *m = g_ptr_array_index (metrics, i);
      g_autofree char *label = metric_label (m, paint_language (p));
      double w = MIN (text_width (p, label, size, TRUE) + 18 * k, width);
      JmColor base;

      switch (jm_metric_get_status (m, jm_document_get_metric_tolerance (p->doc)))
        {
        case JM_METRIC_STATUS_MET:
          base = p->colors->good;
          break;
        case JM_METRIC_STATUS_NEAR:
          base = p->colors->warn;
          break;
        case JM_METRIC_STATUS_MISSED:
          base = p->colors->bad;
          break;
        case JM_METRIC_STATUS_NONE:
        default:
          base = p->colors->text_dim;
        }

      if (cx + w > x + width && cx > x)
        {
          cx = x;
          cy += (JM_BADGE_H + 4) * k;
        }

      jm_painter_rounded_rect (p->cr, cx, cy, w, bh, bh / 2);
      if (p->colors->flat)
        {
          set_color (p->cr, p->colors->surface);
          cairo_fill_preserve (p->cr);
          set_color (p->cr, base);
          cairo_set_line_width (p->cr, 1.5 * p->colors->line_width);
          cairo_stroke (p->cr);
          draw_text (p, label, size, TRUE, cx + 9 * k, cy + 3 * k, w - 16 * k, base, NULL);
        }
      else
        {
          set_color (p->cr, base);
          cairo_fill (p->cr);
          draw_text (p, label, size, TRUE, cx + 9 * k, cy + 3 * k, w - 16 * k, (JmColor) { 1, 1, 1, 1 }, NULL);
        }
      cx += w + 6 * k;
    }

  return cy - y + bh;
}

/* ---- header ---- */

static void
draw_persona (Paint     *p,
              JmPersona *persona,
              guint      index,
              double     x,
              double     y)
{
  JmColor color = persona_color (p, persona, index);
  cairo_surface_t *photo = jm_painter_get_image (p->layout, persona->photo, persona->photo_type);
  gboolean chosen = p->layout->options.persona_id != NULL
                    && g_strcmp0 (p->layout->options.persona_id, persona->id) == 0;
  g_autoptr(GString) meta = g_string_new (NULL);
  double tx = x + 92, tw = JM_PERSONA_W - 104;
  double card_h = jm_layout_persona_height (p->layout);

  if (!p->colors->flat)
    {
      jm_painter_rounded_rect (p->cr, x, y + 2, JM_PERSONA_W, card_h, 14);
      set_color (p->cr, p->colors->shadow);
      cairo_fill (p->cr);
    }
  jm_painter_rounded_rect (p->cr, x, y, JM_PERSONA_W, card_h, 14);
  set_color (p->cr, p->colors->surface);
  cairo_fill_preserve (p->cr);
  set_color (p->cr, chosen ? color : p->colors->grid);
  cairo_set_line_width (p->cr, (chosen ? 3 : 1) * p->colors->line_width);
  cairo_stroke (p->cr);

  if (photo != NULL)
    {
      jm_painter_draw_image_in (p->cr, photo, x + 14, y + 16, 64, 64, TRUE);
    }
  else
    {
      g_autofree char *initial = g_utf8_substring (persona->name, 0, 1);

      cairo_arc (p->cr, x + 46, y + 48, 32, 0, 2 * G_PI);
      set_color (p->cr, color);
      cairo_fill (p->cr);
      draw_text (p, initial, 28, TRUE, x + 36, y + 30, -1, (JmColor) { 1, 1, 1, 1 }, NULL);
    }
  cairo_arc (p->cr, x + 46, y + 48, 33, 0, 2 * G_PI);
  set_color (p->cr, color);
  cairo_set_line_width (p->cr, 3);
  cairo_stroke (p->cr);

  draw_text (p, persona->name, 17, TRUE, tx, y + 14, tw, p->colors->text, NULL);
  if (persona->age > 0)
    /* Translators: a persona's age */
    g_string_append_printf (meta, TR (p, N_("%u years")), persona->age);
  if (persona->occupation && *persona->occupation)
    g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", persona->occupation);
  draw_text (p, meta->str, 12.5, FALSE, tx, y + 38, tw, p->colors->text_dim, NULL);

  if (persona->quote && *persona->quote)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", persona->quote);
      g_autoptr(PangoLayout) layout = jm_layout_make_text (p->layout, quoted, 12.5, FALSE, tw);
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_height (layout, -3);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      show_layout (p->cr, layout, tx, y + 60, p->colors->text);
    }

  if (persona->goals && persona->goals[0])
    {
      /* Translators: before a persona's goals, e.g. "Goals: ride to work, save time" */
      g_autofree char *goals = g_strjoinv (", ", persona->goals);
      g_autofree char *line = g_strdup_printf (TR (p, N_("Goals: %s")), goals);

      draw_text (p, line, 12, FALSE, x + 14, y + JM_PERSONA_H - 44, JM_PERSONA_W - 28,
                 p->colors->text_dim, NULL);
    }
  if (persona->channels && persona->channels->len > 0)
    {
      g_autoptr(GString) channels = g_string_new (NULL);

      for (guint i = 0; i < persona->channels->len; i++)
        g_string_append_printf (channels, "%s%s", i ? ", " : "",
                                jm_channel_get_label_in (g_array_index (persona->channels, JmChannel, i), paint_language (p)));
      {
        /* Translators: before a persona's preferred channels */
        g_autofree char *line = g_strdup_printf (TR (p, N_("Prefers: %s")), channels->str);
        draw_text (p, line, 12, FALSE, x + 14, y + JM_PERSONA_H - 24, JM_PERSONA_W - 28,
                   p->colors->text_dim, NULL);
      }
    }

  /* The map's option: needs, frustrations and interests, a line each,
   * in the room the layout gave the card below the rest. */
  if (jm_document_get_persona_details (p->doc))
    {
      char **lists[] = { persona->needs, persona->frustrations, persona->interests };
      double ly = y + JM_PERSONA_H - 4;

      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        {
          g_autofree char *items = NULL;
          g_autofree char *line = NULL;

          if (lists[i] == NULL || lists[i][0] == NULL)
            continue;
          items = g_strjoinv (", ", lists[i]);
          if (i == 0)
            /* Translators: before a persona's needs in the map's persona header */
            line = g_strdup_printf (TR (p, N_("Needs: %s")), items);
          else if (i == 1)
            /* Translators: before a persona's frustrations in the map's persona header */
            line = g_strdup_printf (TR (p, N_("Frustrations: %s")), items);
          else
            /* Translators: before a persona's interests and hobbies in the map's persona header */
            line = g_strdup_printf (TR (p, N_("Interests: %s")), items);
          draw_text (p, line, 12, FALSE, x + 14, ly, JM_PERSONA_W - 28, p->colors->text_dim, NULL);
          ly += 20;
        }
    }
}

static void
draw_header (Paint *p)
{
  JmLayout *l = p->layout;
  GPtrArray *personas = jm_document_get_personas (p->doc);
  const char *state = jm_map_state_get_label_in (jm_document_get_state (p->doc), paint_language (p));
  double x = JM_MARGIN, y = JM_MARGIN;
  double badge_w;
  int th, sh;

  if (!visible (p, 0, 0, l->width, l->stages_y))
    return;

  pango_layout_get_pixel_size (l->title, NULL, &th);
  show_layout (p->cr, l->title, x, y, p->colors->text);
  y += th + 8;

  badge_w = text_width (p, state, 12, TRUE) + 20;
  jm_painter_rounded_rect (p->cr, x, y, badge_w, 24, 12);
  set_color (p->cr, jm_document_get_state (p->doc) == JM_MAP_STATE_CURRENT
                    ? jm_theme_palette (p->theme, 0) : jm_theme_palette (p->theme, 2));
  cairo_fill (p->cr);
  draw_text (p, state, 12, TRUE, x + 10, y + 4, -1, (JmColor) { 1, 1, 1, 1 }, NULL);
  y += 34;

  pango_layout_get_pixel_size (l->scenario, NULL, &sh);
  if (sh > 0)
    show_layout (p->cr, l->scenario, x, y, p->colors->text_dim);

  if (personas->len > 0)
    {
      for (guint i = 0; i < personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (personas, i);
          JmRect rect;

          if (jm_layout_get_persona_rect (l, persona->id, &rect) && visible (p, rect.x, rect.y, rect.width, rect.height))
            draw_persona (p, persona, i, rect.x, rect.y);
        }
    }
}

/* ---- stages and steps ---- */

static void
draw_stages (Paint *p)
{
  JmLayout *l = p->layout;
  GPtrArray *stages = jm_document_get_stages (p->doc);
  double stage_h = JM_STAGE_H + (l->has_stage_metrics ? JM_STAGE_METRICS_H * l->label_scale : 0);
  int first = 0;

  for (guint i = 0; i < stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (stages, i);
      double x = jm_layout_column_x (l, first);
      double w = jm_layout_column_x (l, first + (int) stage->steps->len) - x;
      JmColor color = stage_color (p, stage, i);

      if (visible (p, x, l->stages_y, w, stage_h + JM_STEP_H))
        {
          /* The name stays in view while its band does, like a
           * spreadsheet's frozen header: on a screen scrolled or a slide
           * starting inside the stage, the reader still knows which. */
          double name_x = CLAMP (p->visible.x, x, x + w - 160);
          double name_w = x + w - name_x - 36;

          jm_painter_rounded_rect (p->cr, x + 3, l->stages_y, w - 6, JM_STAGE_H - 6, 10);
          if (p->colors->flat)
            {
              set_color (p->cr, p->colors->surface);
              cairo_fill_preserve (p->cr);
              set_color (p->cr, color);
              cairo_set_line_width (p->cr, 2.5 * p->colors->line_width);
              cairo_stroke (p->cr);
              draw_text (p, stage->name, 18, TRUE, name_x + 18, l->stages_y + 12, name_w, p->colors->text, NULL);
            }
          else
            {
              set_color (p->cr, color);
              cairo_fill (p->cr);
              draw_text (p, stage->name, 18, TRUE, name_x + 18, l->stages_y + 12, name_w,
                         jm_theme_text_on (color), NULL);
            }

          if (stage->metrics->len > 0 && p->detail)
            draw_badges (p, stage->metrics, x + 10, l->stages_y + JM_STAGE_H - 2, w - 20);

          /* Step names, with a hairline between steps. */
          for (guint s = 0; s < stage->steps->len; s++)
            {
              JmStep *step = g_ptr_array_index (stage->steps, s);
              double sx = jm_layout_column_x (l, first + (int) s);

              if (p->detail || p->scale * 13 >= 4)
                draw_text (p, step->name, 13.5, TRUE, sx + 14, l->steps_y + 11,
                           jm_layout_column_width (l, first + (int) s) - 28, p->colors->text_dim, NULL);
            }
          cairo_rectangle (p->cr, x + 6, l->lanes_y - 3, w - 12, 3);
          set_color_alpha (p->cr, color, 0.8);
          cairo_fill (p->cr);
        }
      first += (int) stage->steps->len;
    }
}

/* ---- lanes and cards ---- */

/* Pain points take their severity's colour, other cards their lane's. */
static JmSeverity
card_severity (JmLaneKind    kind,
               const JmCard *card)
{
  return kind == JM_LANE_PAIN_POINTS ? card->severity : JM_SEVERITY_NONE;
}

static JmColor
card_accent (Paint        *p,
             JmLaneKind    kind,
             const JmCard *card)
{
  JmSeverity severity = card_severity (kind, card);

  return severity != JM_SEVERITY_NONE ? jm_theme_severity_color (p->theme, severity)
                                      : jm_theme_kind_color (p->theme, kind);
}

/* Cards of other personas step back when the map shows one persona. */
static gboolean
card_faded (Paint        *p,
            const JmCard *card)
{
  const char *persona = p->layout->options.persona_id;

  return persona != NULL && !jm_card_applies_to (card, persona);
}

/* A rectangle of the map; with snap, in device space (the path is then
 * filled under the identity matrix) with its edges on whole pixels and at
 * least one pixel across. m maps the map to the device. */
static void
block (cairo_t              *cr,
       const cairo_matrix_t *m,
       gboolean              snap,
       double                x,
       double                y,
       double                w,
       double                h)
{
  double x0, y0, x1, y1;

  if (!snap)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  x0 = round (m->xx * x + m->x0);
  x1 = MAX (x0 + 1, round (m->xx * (x + w) + m->x0));
  y0 = round (m->yy * y + m->y0);
  y1 = MAX (y0 + 1, round (m->yy * (y + h) + m->y0));
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
}

/* Zoomed out, text is too small to read: each card is a plain block, its
 * kind's bar and a few lines standing for the text — no rounded corners,
 * clips or groups. Cards of a row never overlap, so every block of one
 * colour is filled at once, layer by layer: a handful of fills per row
 * rather than three per card, which is what lets a whole map zoomed out
 * paint fast. */
static void
draw_cards_as_shapes (Paint     *p,
                      JmRow     *row,
                      GPtrArray *boxes)
{
  JmLaneKind kind = row->lane->kind;
  guint groups = 0;
  cairo_matrix_t m;
  gboolean snap;

  /* Blocks with their edges on device pixels fill as plain runs of
   * pixels instead of going through the rasteriser: several times faster.
   * Zoomed this far out, half a pixel is nothing anyone can see. */
  cairo_get_matrix (p->cr, &m);
  snap = m.xy == 0 && m.yx == 0 && m.xx > 0 && m.yy > 0;

  /* A group is a severity and faded or not: bit (severity << 1 | faded). */
  for (guint i = 0; i < boxes->len; i++)
    {
      const JmCard *card = ((JmCardBox *) g_ptr_array_index (boxes, i))->card;

      groups |= 1u << ((card_severity (kind, card) << 1) | card_faded (p, card));
    }

  for (int layer = 0; layer < 3; layer++)
    for (guint g = 0; g < 32; g++)
      {
        gboolean faded = g & 1;
        double alpha = faded ? 0.25 : 1.0;
        JmColor accent;

        if (!(groups & (1u << g)))
          continue;
        if (snap)
          {
            cairo_save (p->cr);
            cairo_identity_matrix (p->cr);
          }
        for (guint i = 0; i < boxes->len; i++)
          {
            JmCardBox *box = g_ptr_array_index (boxes, i);
            JmRect r = box->rect;
            double x = r.x + JM_CARD_PAD + 4, y = r.y + JM_CARD_PAD;
            double inner = r.width - 2 * JM_CARD_PAD - 4;
            double lines = MIN (4, MAX (1, box->text_height / 18));

            if (((card_severity (kind, box->card) << 1) | card_faded (p, box->card)) != g)
              continue;
            if (layer == 0)
              block (p->cr, &m, snap, r.x, r.y, r.width, r.height);
            else if (layer == 1)
              block (p->cr, &m, snap, r.x, r.y, 5, r.height);
            else
              for (int l = 0; l < (int) lines; l++)
                block (p->cr, &m, snap, x, y + box->chips_height + l * 18 + 4,
                       inner * (l == (int) lines - 1 ? 0.6 : 0.95), 9);
          }
        accent = (g >> 1) != JM_SEVERITY_NONE ? jm_theme_severity_color (p->theme, (JmSeverity) (g >> 1))
                                              : jm_theme_kind_color (p->theme, kind);
        if (layer == 0)
          set_color_alpha (p->cr, p->colors->flat ? p->colors->surface
                                                  : jm_color_mix (p->colors->surface, accent, 0.06), alpha);
        else if (layer == 1)
          set_color_alpha (p->cr, accent, alpha);
        else
          set_color_alpha (p->cr, p->colors->text_dim, 0.45 * alpha);
        cairo_fill (p->cr);
        if (snap)
          cairo_restore (p->cr);
      }
}

static void
draw_card_content (Paint     *p,
                   JmRow     *row,
                   JmCardBox *box)
{
  const JmCard *card = box->card;
  JmLaneKind kind = row->lane->kind;
  JmRect r = box->rect;
  JmColor accent = card_accent (p, kind, card);
  gboolean faded = card_faded (p, card);
  double x = r.x + JM_CARD_PAD + 4, y = r.y + JM_CARD_PAD;
  double inner = r.width - 2 * JM_CARD_PAD - 4;
  double k = p->layout->label_scale;   /* chips and footer: larger on slides */

  if (faded)
    cairo_push_group (p->cr);

  if (!p->colors->flat && p->detail)
    {
      jm_painter_rounded_rect (p->cr, r.x, r.y + 1.5, r.width, r.height, 8);
      set_color (p->cr, p->colors->shadow);
      cairo_fill (p->cr);
    }
  jm_painter_rounded_rect (p->cr, r.x, r.y, r.width, r.height, 8);
  set_color (p->cr, p->colors->flat ? p->colors->surface
                                    : jm_color_mix (p->colors->surface, accent, 0.06));
  cairo_fill_preserve (p->cr);
  set_color (p->cr, p->colors->flat ? accent : p->colors->grid);
  cairo_set_line_width (p->cr, p->colors->line_width);
  cairo_stroke (p->cr);

  /* The accent bar on the left says what kind of card this is (a pill
   * inside the edge: no clip, which would cost on every card). */
  jm_painter_rounded_rect (p->cr, r.x + 2.5, r.y + 6, 4, r.height - 12, 2);
  set_color (p->cr, accent);
  cairo_fill (p->cr);

  if (box->chips_height > 0)
    {
      if (kind == JM_LANE_TOUCHPOINTS)
        {
          double cx = x;

          if (card->channel != JM_CHANNEL_NONE)
            {
              gboolean online = jm_channel_is_online (card->channel);
              JmColor tone = online ? p->colors->online : p->colors->offline;
              g_autofree char *label = g_strdup_printf ("%s · %s", jm_channel_get_label_in (card->channel, paint_language (p)),
                                                        online ? TR (p, N_("online")) : TR (p, N_("offline")));

              /* The channel's icon, on a dot that says online (filled) or offline (ring). */
              cairo_arc (p->cr, cx + 9 * k, y + 9 * k, 9 * k, 0, 2 * G_PI);
              set_color_alpha (p->cr, tone, online ? 0.18 : 0.0);
              cairo_fill_preserve (p->cr);
              set_color (p->cr, tone);
              cairo_set_line_width (p->cr, 1.5);
              cairo_stroke (p->cr);
              set_color (p->cr, p->colors->text);
              jm_icon_draw_channel (p->cr, card->channel, cx + 3 * k, y + 3 * k, 12 * k);
              draw_text (p, label, 11.5 * k, TRUE, cx + 24 * k, y + 1 * k, inner - 48 * k, tone, NULL);
            }
          if (card->moment_of_truth)
            {
              star (p->cr, r.x + r.width - 18 * k, r.y + 18 * k, 9 * k);
              set_color (p->cr, p->colors->star);
              cairo_fill (p->cr);
            }
        }
      else
        {
          const char *label;
          g_autofree char *text = NULL;
          JmColor chip;
          double w;

          if (kind == JM_LANE_PAIN_POINTS)
            {
              label = jm_severity_get_label_in (card->severity, paint_language (p));
              chip = accent;
            }
          else
            {
              label = jm_priority_get_label_in (card->priority, paint_language (p));
              chip = jm_theme_kind_color (p->theme, JM_LANE_OPPORTUNITIES);
            }
          /* Translators: a chip on a card: "Severity: High", "Priority: Low" */
          text = g_strdup_printf (kind == JM_LANE_PAIN_POINTS ? TR (p, N_("Severity: %s")) : TR (p, N_("Priority: %s")), label);
          w = text_width (p, text, JM_CHIP_TEXT_SIZE * k, TRUE) + 16 * k;
          jm_painter_rounded_rect (p->cr, x, y, w, JM_CHIP_H * k, JM_CHIP_H * k / 2);
          set_color (p->cr, chip);
          if (p->colors->flat)
            {
              cairo_set_line_width (p->cr, 1.5 * p->colors->line_width);
              cairo_stroke (p->cr);
              draw_text (p, text, JM_CHIP_TEXT_SIZE * k, TRUE, x + 8 * k, y + 2.5 * k, -1, chip, NULL);
            }
          else
            {
              cairo_fill (p->cr);
              draw_text (p, text, JM_CHIP_TEXT_SIZE * k, TRUE, x + 8 * k, y + 2.5 * k, -1, (JmColor) { 1, 1, 1, 1 }, NULL);
            }
        }
      y += box->chips_height;
    }

  if (box->image_height > 0)
    {
      cairo_surface_t *image = jm_painter_get_image (p->layout, card->image, card->image_type);

      if (image != NULL)
        jm_painter_draw_image_in (p->cr, image, x, y, inner, box->image_height - 6, FALSE);
      else
        {
          jm_painter_rounded_rect (p->cr, x, y, inner, box->image_height - 6, 6);
          set_color (p->cr, p->colors->surface_alt);
          cairo_fill_preserve (p->cr);
          set_color (p->cr, p->colors->grid);
          cairo_stroke (p->cr);
        }
      y += box->image_height;
    }

  show_layout (p->cr, jm_layout_get_card_text (p->layout, box), x, y, p->colors->text);
  y += box->text_height;

  if (box->badges_height > 0)
    {
      draw_badges (p, card->metrics, x, y + 6, inner);
      y += box->badges_height;
    }

  if (box->footer_height > 0)
    {
      double fx = x;

      if (card->evidence != JM_EVIDENCE_NONE)
        {
          for (int i = 0; i < 3; i++)
            {
              cairo_arc (p->cr, fx + (4 + i * 10) * k, y + 11 * k, 3.2 * k, 0, 2 * G_PI);
              set_color (p->cr, p->colors->text_dim);
              if (i < (int) card->evidence)
                cairo_fill (p->cr);
              else
                {
                  cairo_set_line_width (p->cr, 1);
                  cairo_stroke (p->cr);
                }
            }
          fx += 38 * k;
        }
      if (kind == JM_LANE_OPPORTUNITIES && card->owner && *card->owner)
        {
          /* Translators: who owns an opportunity: "→ Store manager" */
          g_autofree char *owner = g_strdup_printf (TR (p, N_("→ %s")), card->owner);
          draw_text (p, owner, JM_FOOTER_TEXT_SIZE * k, FALSE, fx, y + 3 * k, inner - (fx - x), p->colors->text_dim, NULL);
        }
    }

  if (faded)
    {
      cairo_pop_group_to_source (p->cr);
      cairo_paint_with_alpha (p->cr, 0.25);
    }
}

/* The card as an image at the paint's scale, made on first use; painted
 * with its corner on a device pixel, so the blit copies pixels as they
 * are. Returns FALSE when the card is better drawn directly. */
static gboolean
draw_card_cached (Paint     *p,
                  JmRow     *row,
                  JmCardBox *box)
{
  gboolean faded = card_faded (p, box->card);
  double s = p->image_scale;
  double dx = box->rect.x, dy = box->rect.y;
  cairo_surface_t *image;
  int x, y, px, py;

  image = jm_paint_cache_lookup (p->cache, box->stamp, (int) p->theme, faded, &x, &y);
  if (image == NULL)
    {
      /* Room around the card for its shadow and the stroke's outer half. */
      int margin = (int) ceil (3 * s);
      int w = (int) ceil (box->rect.width * s) + 2 * margin;
      int h = (int) ceil (box->rect.height * s) + 2 * margin;
      Paint q = *p;

      if (!jm_paint_cache_may_make (p->cache) || !jm_paint_cache_accepts (p->cache, w, h))
        return FALSE;
      image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (image);
          return FALSE;
        }
      q.cr = cairo_create (image);
      q.visible = box->rect;
      cairo_translate (q.cr, margin, margin);
      cairo_scale (q.cr, s, s);
      cairo_translate (q.cr, -box->rect.x, -box->rect.y);
      draw_card_content (&q, row, box);
      cairo_destroy (q.cr);
      cairo_surface_flush (image);
      jm_paint_cache_insert (p->cache, box->stamp, (int) p->theme, faded, image, margin, margin);
      x = y = margin;
    }

  cairo_user_to_device (p->cr, &dx, &dy);
  px = (int) round (dx * p->device_scale) - x;
  py = (int) round (dy * p->device_scale) - y;
  cairo_save (p->cr);
  cairo_identity_matrix (p->cr);
  if (p->device_scale != 1)
    cairo_scale (p->cr, 1 / p->device_scale, 1 / p->device_scale);
  cairo_set_source_surface (p->cr, image, px, py);
  cairo_rectangle (p->cr, px, py, cairo_image_surface_get_width (image), cairo_image_surface_get_height (image));
  cairo_fill (p->cr);
  cairo_restore (p->cr);
  return TRUE;
}

static void
draw_card (Paint     *p,
           JmRow     *row,
           JmCardBox *box)
{
  if (p->cache != NULL && draw_card_cached (p, row, box))
    return;
  if (p->counting != NULL)
    jm_paint_cache_count_direct (p->counting);
  draw_card_content (p, row, box);
}

/* The score written right of its face, on a pill of the
 * surface's colour with the curve's colour as its edge: the value on
 * request, for whoever cannot read the curve by its height or colour. */
static void
draw_score (Paint   *p,
            double   x,
            double   y,
            double   score,
            JmColor  color)
{
  g_autofree char *number = jm_number_format_unit_in (fabs (score), -1, NULL, paint_language (p));
  /* U+2212 for the minus sign, as the axis writes it. */
  g_autofree char *text = g_strconcat (score > 0 ? "+" : score < 0 ? "\xe2\x88\x92" : "", number, NULL);
  double w = text_width (p, text, 10.5, TRUE);
  double h = 16, px = x + 15, py = y - h / 2;

  cairo_save (p->cr);
  jm_painter_rounded_rect (p->cr, px, py, w + 10, h, h / 2);
  set_color (p->cr, p->colors->surface);
  cairo_fill_preserve (p->cr);
  set_color (p->cr, color);
  cairo_set_line_width (p->cr, 1.25 * p->colors->line_width);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
  draw_text (p, text, 10.5, TRUE, px + 5, py + 1, -1, p->colors->text, NULL);
}

void
jm_painter_draw_face (cairo_t             *cr,
                      const JmThemeColors *colors,
                      gboolean             detail,
                      double               x,
                      double               y,
                      double               score,
                      JmColor              color,
                      gboolean             future)
{
  double r = 12;
  double curve = score / JM_EMOTION_MAX;   /* -1 frown … +1 smile */

  if (!detail)
    {
      /* A ring, without eyes or mouth, which would be a pixel or two: two
       * fills cost less than a stroke. */
      double ring = future ? 1.5 : 2.5;

      cairo_arc (cr, x, y, r + ring / 2, 0, 2 * G_PI);
      set_color (cr, color);
      cairo_fill (cr);
      cairo_arc (cr, x, y, r - ring / 2, 0, 2 * G_PI);
      set_color (cr, colors->surface);
      cairo_fill (cr);
      return;
    }

  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_color (cr, colors->surface);
  cairo_fill_preserve (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, future ? 1.5 : 2.5);
  cairo_stroke (cr);

  cairo_arc (cr, x - 4, y - 3, 1.6, 0, 2 * G_PI);
  cairo_arc (cr, x + 4, y - 3, 1.6, 0, 2 * G_PI);
  set_color (cr, colors->text);
  cairo_fill (cr);

  cairo_move_to (cr, x - 5, y + 4 - curve * 1.5);
  cairo_curve_to (cr, x - 2, y + 4 + curve * 3, x + 2, y + 4 + curve * 3, x + 5, y + 4 - curve * 1.5);
  cairo_set_line_width (cr, 1.6);
  cairo_stroke (cr);
}

/* How many straight pieces draw the curve between steps i and i + 1. */
static int
curve_pieces (Paint        *p,
              const double *xs,
              guint         i)
{
  return CLAMP ((int) ceil ((xs[i + 1] - xs[i]) * p->scale / 6), 2, 16);
}

/* Follows the curve from step from to step to in straight pieces, adding
 * them to the path when trace is TRUE; returns their length. */
static double
follow_curve (Paint        *p,
              const double *xs,
              const double *ys,
              guint         n,
              guint         from,
              guint         to,
              gboolean      trace)
{
  double length = 0;

  for (guint i = from; i < to; i++)
    {
      int pieces = curve_pieces (p, xs, i);
      double px = xs[i], py = ys[i];

      for (int k = 1; k <= pieces; k++)
        {
          double x = xs[i] + (xs[i + 1] - xs[i]) * k / pieces;
          double y = jm_monotone_curve_eval (xs, ys, n, x);

          if (trace)
            cairo_line_to (p->cr, x, y);
          length += hypot (x - px, y - py);
          px = x;
          py = y;
        }
    }
  return length;
}

static void
draw_curve (Paint     *p,
            JmPersona *persona,
            JmColor    color,
            JmMapState curve,
            gboolean   emphasised)
{
  JmLayout *l = p->layout;
  guint n_steps = l->n_columns;
  g_autofree double *xs = g_new (double, MAX (n_steps, 1));
  g_autofree double *ys = g_new (double, MAX (n_steps, 1));
  g_autofree double *scores = g_new (double, MAX (n_steps, 1));
  guint n = 0;

  for (guint c = 0; c < n_steps; c++)
    {
      JmStep *step = jm_document_get_step (p->doc, c);
      const JmEmotion *e = jm_document_get_emotion (p->doc, persona->id, step->id, curve);

      if (e != NULL && jm_layout_get_emotion_point (l, persona->id, step->id, curve, &xs[n], &ys[n]))
        scores[n++] = e->score;
    }
  if (n == 0)
    return;

  cairo_save (p->cr);
  set_color_alpha (p->cr, color, emphasised ? 1.0 : 0.35);
  cairo_set_line_width (p->cr, (emphasised ? 3.5 : 2.0) * p->colors->line_width);
  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_ROUND);
  /* Only the steps in view, each in pieces of about six device pixels
   * (at most sixteen): a long map zoomed in strokes a few steps, not all,
   * and zoomed out strokes no more points than can be seen. */
  {
    guint first = 0, last = n - 1;

    while (first + 1 < n && xs[first + 1] < p->visible.x)
      first++;
    while (last > first && xs[last - 1] > p->visible.x + p->visible.width)
      last--;
    if (curve == JM_MAP_STATE_FUTURE)
      {
        static const double dash[] = { 8, 6 };

        /* The dashes keep their place on the curve whatever is in view. */
        cairo_set_dash (p->cr, dash, 2, follow_curve (p, xs, ys, n, 0, first, FALSE));
      }
    cairo_move_to (p->cr, xs[first], ys[first]);
    follow_curve (p, xs, ys, n, first, last, TRUE);
    cairo_stroke (p->cr);
    cairo_restore (p->cr);
  }

  if (emphasised || p->detail)
    for (guint i = 0; i < n; i++)
      if (visible (p, xs[i] - 14, ys[i] - 14, 28, 28))
        jm_painter_draw_face (p->cr, p->colors, p->detail, xs[i], ys[i], scores[i], color,
                              curve == JM_MAP_STATE_FUTURE);
  if (l->options.emotion_values && p->detail)
    for (guint i = 0; i < n; i++)
      if (visible (p, xs[i] + 14, ys[i] - 10, 60, 20))
        draw_score (p, xs[i], ys[i], scores[i], color);
}

/* +2, 0 and −2 beside the band, at the right edge of the lane titles. */
static void
draw_emotion_axis (Paint *p)
{
  JmLayout *l = p->layout;

  draw_text (p, "+2", 11, TRUE, l->grid_x - 26, jm_layout_emotion_y (l, JM_EMOTION_MAX) - 8, -1,
             p->colors->text_dim, NULL);
  draw_text (p, "0", 11, TRUE, l->grid_x - 18, jm_layout_emotion_y (l, 0) - 8, -1, p->colors->text_dim, NULL);
  draw_text (p, "−2", 11, TRUE, l->grid_x - 26, jm_layout_emotion_y (l, JM_EMOTION_MIN) - 8, -1,
             p->colors->text_dim, NULL);
}

/* A swatch of a curve in the legend: a short stroke, dashed for to-be. */
static void
legend_swatch (Paint   *p,
               double   x,
               double   y,
               JmColor  color,
               double   alpha,
               gboolean future)
{
  static const double dash[] = { 4, 3 };

  cairo_save (p->cr);
  cairo_move_to (p->cr, x, y);
  cairo_line_to (p->cr, x + 22 * p->layout->label_scale, y);
  set_color_alpha (p->cr, color, alpha);
  cairo_set_line_width (p->cr, 3 * p->colors->line_width);
  if (future)
    cairo_set_dash (p->cr, dash, 2, 0);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
}

/* A line of the legend: on at most two lines (a long name, or "Situazione
 * attuale" in a narrow cell), ellipsized past them; kept like the labels. */
static PangoLayout *
legend_text (Paint      *p,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  g_autofree char *key = g_strdup_printf ("legend|%g|%d|%g|%s", size, bold, width, text ? text : "");
  PangoLayout *layout = g_hash_table_lookup (p->layout->label_cache, key);

  if (layout == NULL)
    {
      layout = jm_layout_make_text (p->layout, text, size, bold, width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -2);
      g_hash_table_insert (p->layout->label_cache, g_steal_pointer (&key), layout);
    }
  return layout;
}

/* The height a legend line takes: one line's pitch, or its text's. */
static double
legend_height (PangoLayout *text,
               double       line,
               double       k)
{
  int th;

  pango_layout_get_pixel_size (text, NULL, &th);
  return MAX (line, th + 5 * k);
}

/* Whose curve is which, in the emotion lane's title cell: a line per
 * persona the view shows (its colour, its name), then, when both are
 * drawn, which stroke is as is and which to be. What does not fit ends
 * in "+N". */
static void
draw_emotion_legend (Paint *p)
{
  JmLayout *l = p->layout;
  GPtrArray *personas = jm_document_get_personas (p->doc);
  const char *chosen = l->options.persona_id;
  gboolean current = jm_layout_shows_curve (l, JM_MAP_STATE_CURRENT);
  gboolean future = l->options.show_future && jm_layout_shows_curve (l, JM_MAP_STATE_FUTURE);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  guint n_keys = current && future ? 2 : 0, n_names = 0;
  PangoLayout *keys[2] = { NULL, NULL };
  JmRect box;
  double y, keys_h = 0, names_h = 0;
  double k = p->layout->label_scale;   /* larger on slides, as the cards' labels */
  double line = JM_LEGEND_LINE_H * k, size = 12 * k, text_x, text_w;

  if (!p->detail || (!current && !future) || !jm_layout_get_emotion_legend_rect (l, &box)
      || !visible (p, box.x, box.y, box.width, box.height))
    return;
  for (guint i = 0; i < personas->len; i++)
    if (jm_layout_shows_persona (l, ((JmPersona *) g_ptr_array_index (personas, i))->id))
      g_ptr_array_add (shown, GUINT_TO_POINTER (i));
  if (shown->len == 0)
    return;
  text_x = box.x + 28 * k;
  text_w = box.width - 28 * k;

  /* The as-is and to-be keys come last; they go first when there is no room for them. */
  for (guint n = 0; n < n_keys; n++)
    {
      keys[n] = legend_text (p, jm_map_state_get_label_in (n == 0 ? JM_MAP_STATE_CURRENT : JM_MAP_STATE_FUTURE,
                                                           paint_language (p)),
                             size, FALSE, text_w);
      keys_h += legend_height (keys[n], line, k);
    }
  if (keys_h + line > box.height + 1e-9)
    n_keys = 0, keys_h = 0;

  /* As many names as fit, keeping a line for "+N" when some do not. */
  for (guint n = 0; n < shown->len; n++)
    {
      JmPersona *persona = g_ptr_array_index (personas, GPOINTER_TO_UINT (g_ptr_array_index (shown, n)));
      gboolean emphasised = chosen == NULL || g_strcmp0 (chosen, persona->id) == 0;
      double h = legend_height (legend_text (p, persona->name, size, emphasised, text_w), line, k);
      double reserve = n + 1 < shown->len ? line : 0;

      if (names_h + h + keys_h + reserve > box.height + 1e-9)
        break;
      names_h += h;
      n_names++;
    }

  y = box.y;
  for (guint n = 0; n < n_names; n++)
    {
      guint i = GPOINTER_TO_UINT (g_ptr_array_index (shown, n));
      JmPersona *persona = g_ptr_array_index (personas, i);
      gboolean emphasised = chosen == NULL || g_strcmp0 (chosen, persona->id) == 0;
      PangoLayout *name = legend_text (p, persona->name, size, emphasised, text_w);

      legend_swatch (p, box.x, y + 9.5 * k, persona_color (p, persona, i), emphasised ? 1.0 : 0.35, !current);
      show_layout (p->cr, name, text_x, y + k, p->colors->text);
      y += legend_height (name, line, k);
    }
  if (n_names < shown->len)
    {
      g_autofree char *more = g_strdup_printf ("+%u", shown->len - n_names);

      draw_text (p, more, size, FALSE, text_x, y + k, -1, p->colors->text_dim, NULL);
      y += line;
    }
  for (guint n = 0; n < n_keys; n++)
    {
      legend_swatch (p, box.x, y + 9.5 * k, p->colors->text_dim, 1.0, n == 1);
      show_layout (p->cr, keys[n], text_x, y + k, p->colors->text_dim);
      y += legend_height (keys[n], line, k);
    }
}

static void
draw_emotions (Paint *p,
               JmRow *row)
{
  JmLayout *l = p->layout;
  GPtrArray *personas = jm_document_get_personas (p->doc);
  const char *chosen = l->options.persona_id;
  double zero = jm_layout_emotion_y (l, 0);
  static const double dash[] = { 3, 5 };

  /* Scale marks and the zero line. */
  cairo_save (p->cr);
  cairo_set_dash (p->cr, dash, 2, 0);
  set_color (p->cr, p->colors->grid);
  cairo_set_line_width (p->cr, p->colors->line_width);
  cairo_move_to (p->cr, l->grid_x, zero);
  cairo_line_to (p->cr, jm_layout_column_x (l, (int) l->n_columns), zero);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < personas->len; i++)
      {
        JmPersona *persona = g_ptr_array_index (personas, i);
        gboolean emphasised = chosen == NULL || g_strcmp0 (chosen, persona->id) == 0;
        JmColor color = persona_color (p, persona, i);

        /* The emphasised curves go on top. */
        if (emphasised != (pass == 1) || !jm_layout_shows_persona (l, persona->id))
          continue;
        if (l->options.show_future && jm_layout_shows_curve (l, JM_MAP_STATE_FUTURE))
          draw_curve (p, persona, color, JM_MAP_STATE_FUTURE, emphasised);
        if (jm_layout_shows_curve (l, JM_MAP_STATE_CURRENT))
          draw_curve (p, persona, color, JM_MAP_STATE_CURRENT, emphasised);
      }
}

/* The lane's title, its kind's colour bar and (unless the title says it)
 * its kind. */
static void
draw_lane_title (Paint *p,
                 JmRow *row)
{
  JmColor kind = jm_theme_kind_color (p->theme, row->lane->kind);
  int th;

  cairo_rectangle (p->cr, JM_MARGIN, row->y + 8, 5, MIN (row->height, JM_EMOTION_H) - 16);
  set_color (p->cr, kind);
  cairo_fill (p->cr);
  pango_layout_get_pixel_size (row->title, NULL, &th);
  show_layout (p->cr, row->title, JM_MARGIN + 16, row->y + 14, p->colors->text);
  /* The kind's icon, in its colour: the shape says the kind without it. */
  set_color (p->cr, kind);
  jm_icon_draw_lane_kind (p->cr, row->lane->kind, JM_MARGIN + 16, row->y + 20 + th, 12);
  if (g_utf8_collate (row->lane->title, jm_lane_kind_get_label_in (row->lane->kind, paint_language (p))) != 0)
    draw_text (p, jm_lane_kind_get_label_in (row->lane->kind, paint_language (p)), 11.5, FALSE, JM_MARGIN + 34,
               row->y + 18 + th, JM_LANE_TITLE_W - 58, p->colors->text_dim, NULL);
}

static void
draw_row (Paint *p,
          JmRow *row,
          guint  index,
          int    first_column,
          int    last_column)
{
  JmLayout *l = p->layout;
  double grid_w = jm_layout_column_x (l, (int) l->n_columns) - l->grid_x;
  g_autoptr(GPtrArray) shapes = p->detail ? NULL : g_ptr_array_new ();

  if (index % 2 == 1)
    {
      cairo_rectangle (p->cr, JM_MARGIN, row->y, JM_LANE_TITLE_W + grid_w, row->height);
      set_color (p->cr, p->colors->surface_alt);
      cairo_fill (p->cr);
    }

  /* Row separator. */
  cairo_rectangle (p->cr, JM_MARGIN, row->y + row->height - 1, JM_LANE_TITLE_W + grid_w, 1);
  set_color (p->cr, p->colors->grid);
  cairo_fill (p->cr);

  if (visible (p, JM_MARGIN, row->y, JM_LANE_TITLE_W, row->height))
    draw_lane_title (p, row);

  if (row->lane->kind == JM_LANE_EMOTIONS)
    {
      draw_emotion_axis (p);
      draw_emotions (p, row);
    }

  for (int c = MAX (0, first_column - (int) row->max_span + 1); c <= last_column; c++)
    {
      GPtrArray *cell;

      if (c >= (int) row->cells->len)
        break;
      cell = g_ptr_array_index (row->cells, c);
      for (guint b = 0; b < cell->len; b++)
        {
          JmCardBox *box = g_ptr_array_index (cell, b);

          if (!jm_rect_intersects (&box->rect, &p->visible))
            continue;
          l->n_painted++;
          if (p->detail)
            draw_card (p, row, box);
          else
            g_ptr_array_add (shapes, box);
        }
    }
  if (shapes != NULL && shapes->len > 0)
    draw_cards_as_shapes (p, row, shapes);
}

static void
draw_lanes (Paint *p)
{
  JmLayout *l = p->layout;
  int first = jm_layout_column_at (l, p->visible.x);
  int last = jm_layout_column_at (l, p->visible.x + p->visible.width);
  GPtrArray *stages = jm_document_get_stages (p->doc);
  int column = 0;

  first = CLAMP (first, 0, (int) l->n_columns - 1);
  last = CLAMP (last, 0, (int) l->n_columns - 1);

  for (guint i = 0; i < l->rows->len; i++)
    {
      JmRow *row = g_ptr_array_index (l->rows, i);

      if (row->y > p->visible.y + p->visible.height)
        break;
      if (row->y + row->height < p->visible.y)
        continue;
      draw_row (p, row, i, first, last);
    }

  /* Stage boundaries run down through the lanes. */
  set_color (p->cr, p->colors->grid);
  for (guint i = 0; i < stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (stages, i);

      cairo_rectangle (p->cr, jm_layout_column_x (l, column) - 0.5, l->steps_y, 1, l->footer_y - 24 - l->steps_y);
      column += (int) stage->steps->len;
    }
  cairo_rectangle (p->cr, jm_layout_column_x (l, column) - 0.5, l->steps_y, 1, l->footer_y - 24 - l->steps_y);
  cairo_fill (p->cr);
}

/* ---- footer ---- */

static void
draw_footer (Paint *p)
{
  JmLayout *l = p->layout;
  GPtrArray *personas = jm_document_get_personas (p->doc);
  double x = JM_MARGIN, y = l->footer_y + 14;
  g_autofree char *credit = NULL;
  gboolean seen[JM_N_LANE_KINDS] = { FALSE };
  double w;

  if (!visible (p, 0, l->footer_y, l->width, JM_FOOTER_H))
    return;

  cairo_rectangle (p->cr, JM_MARGIN, l->footer_y, l->width - 2 * JM_MARGIN, 1);
  set_color (p->cr, p->colors->grid);
  cairo_fill (p->cr);

  for (guint i = 0; i < l->rows->len; i++)
    {
      JmLaneKind kind = ((JmRow *) g_ptr_array_index (l->rows, i))->lane->kind;

      if (seen[kind])
        continue;
      seen[kind] = TRUE;
      set_color (p->cr, jm_theme_kind_color (p->theme, kind));
      jm_icon_draw_lane_kind (p->cr, kind, x, y + 3, 12);
      draw_text (p, jm_lane_kind_get_label_in (kind, paint_language (p)), 12, FALSE, x + 18, y, -1, p->colors->text_dim, &w);
      x += w + 34;
    }

  x = JM_MARGIN;
  y += 26;
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      if (!jm_layout_shows_persona (l, persona->id))
        continue;
      cairo_move_to (p->cr, x, y + 9);
      cairo_line_to (p->cr, x + 22, y + 9);
      set_color (p->cr, persona_color (p, persona, i));
      cairo_set_line_width (p->cr, 3);
      cairo_stroke (p->cr);
      draw_text (p, persona->name, 12, FALSE, x + 28, y, -1, p->colors->text_dim, &w);
      x += w + 48;
    }
  if (personas->len > 0 && l->options.show_future && jm_layout_shows_curve (l, JM_MAP_STATE_FUTURE))
    {
      static const double dash[] = { 6, 4 };

      cairo_move_to (p->cr, x, y + 9);
      cairo_line_to (p->cr, x + 22, y + 9);
      set_color (p->cr, p->colors->text_dim);
      cairo_set_line_width (p->cr, 2);
      cairo_stroke (p->cr);
      draw_text (p, jm_map_state_get_label_in (JM_MAP_STATE_CURRENT, paint_language (p)), 12, FALSE, x + 28, y, -1,
                 p->colors->text_dim, &w);
      x += w + 48;
      cairo_save (p->cr);
      cairo_set_dash (p->cr, dash, 2, 0);
      cairo_move_to (p->cr, x, y + 9);
      cairo_line_to (p->cr, x + 22, y + 9);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);
      draw_text (p, jm_map_state_get_label_in (JM_MAP_STATE_FUTURE, paint_language (p)), 12, FALSE, x + 28, y, -1,
                 p->colors->text_dim, &w);
      x += w + 48;
    }

  star (p->cr, x + 8, y + 9, 7);
  set_color (p->cr, p->colors->star);
  cairo_fill (p->cr);
  draw_text (p, TR (p, N_("Moment of truth")), 12, FALSE, x + 20, y, -1, p->colors->text_dim, &w);
  x += w + 44;
  for (int i = 0; i < 3; i++)
    {
      cairo_arc (p->cr, x + 4 + i * 10, y + 9, 3.2, 0, 2 * G_PI);
      set_color (p->cr, p->colors->text_dim);
      if (i < 2)
        cairo_fill (p->cr);
      else
        cairo_stroke (p->cr);
    }
  draw_text (p, TR (p, N_("Evidence: ●●● backed by research, ●○○ assumption")), 12, FALSE, x + 38, y, -1,
             p->colors->text_dim, NULL);

  /* Translators: the footer of a rendered map: "Journey Maps · 2026-11-23" */
  {
    g_autofree char *date = jm_i18n_format_date (paint_language (p), l->date);

    credit = g_strdup_printf (TR (p, N_("Journey Maps · %s")), date);
  }
  w = text_width (p, credit, 12, FALSE);
  draw_text (p, credit, 12, FALSE, l->width - JM_MARGIN - w, l->footer_y + 14, -1, p->colors->text_dim, NULL);
}

void
jm_painter_paint (JmLayout     *layout,
                  cairo_t      *cr,
                  const JmRect *visible_rect,
                  double        scale)
{
  jm_painter_paint_cached (layout, cr, visible_rect, scale, NULL);
}

static void
paint_setup (Paint        *p,
             JmLayout     *layout,
             cairo_t      *cr,
             const JmRect *visible_rect,
             double        scale,
             JmPaintCache *cache)
{
  JmRect all = { 0, 0, layout->width, layout->height };
  cairo_matrix_t m;

  /* Images only where map units meet device pixels squarely. */
  p->cache = NULL;
  p->counting = cache;
  cairo_get_matrix (cr, &m);
  if (cache != NULL && m.xy == 0 && m.yx == 0 && m.xx == m.yy && m.xx > 0)
    {
      p->device_scale = jm_paint_cache_get_device_scale (cache);
      p->image_scale = m.xx * p->device_scale;
      if (jm_paint_cache_begin (cache, p->image_scale))
        p->cache = cache;
    }
  else if (cache != NULL)
    jm_paint_cache_begin (cache, 0);

  p->layout = layout;
  p->doc = layout->document;
  p->cr = cr;
  p->visible = visible_rect ? *visible_rect : all;
  p->scale = scale > 0 ? scale : 1;
  p->detail = p->scale >= JM_PAINTER_DETAIL_SCALE;
  p->theme = layout->options.theme;
  p->colors = jm_theme_get_colors (p->theme);
}

void
jm_painter_paint_cached (JmLayout     *layout,
                         cairo_t      *cr,
                         const JmRect *visible_rect,
                         double        scale,
                         JmPaintCache *cache)
{
  Paint p;
  JmRect all;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  paint_setup (&p, layout, cr, visible_rect, scale, cache);
  all = (JmRect) { 0, 0, layout->width, layout->height };
  layout->n_painted = 0;

  cairo_save (cr);

  /* The page. */
  if (!layout->options.transparent && jm_rect_intersects (&all, &p.visible))
    {
      double x0 = MAX (0, p.visible.x), y0 = MAX (0, p.visible.y);
      double x1 = MIN (layout->width, p.visible.x + p.visible.width);
      double y1 = MIN (layout->height, p.visible.y + p.visible.height);

      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      set_color (cr, p.colors->background);
      cairo_fill (cr);
    }

  draw_header (&p);
  if (layout->n_columns > 0)
    {
      draw_stages (&p);
      draw_lanes (&p);
    }
  draw_footer (&p);

  cairo_restore (cr);
}

/* A pane's opaque ground, and a soft edge where the map slides under it. */
static void
pane_ground (Paint        *p,
             const JmRect *rect,
             gboolean      edge_below)
{
  JmColor shade = p->colors->text;

  cairo_rectangle (p->cr, rect->x, rect->y, rect->width, rect->height);
  set_color (p->cr, p->colors->background);
  cairo_fill (p->cr);
  shade.a = 0.25;
  if (edge_below)
    cairo_rectangle (p->cr, rect->x, rect->y + rect->height - 1 / p->scale, rect->width, 1 / p->scale);
  else
    cairo_rectangle (p->cr, rect->x + rect->width - 1 / p->scale, rect->y, 1 / p->scale, rect->height);
  set_color (p->cr, shade);
  cairo_fill (p->cr);
}

void
jm_painter_paint_column_headers (JmLayout     *layout,
                                 cairo_t      *cr,
                                 const JmRect *visible_rect,
                                 double        scale)
{
  Paint p;
  JmRect pane;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  if (!jm_layout_get_frozen_panes (layout, &pane, NULL))
    return;
  paint_setup (&p, layout, cr, visible_rect, scale, NULL);
  pane.x = p.visible.x;
  pane.width = p.visible.width;
  pane.y -= 6;
  pane.height += 6;
  cairo_save (cr);
  pane_ground (&p, &pane, TRUE);
  p.visible.y = pane.y;
  p.visible.height = pane.height;
  draw_stages (&p);
  cairo_restore (cr);
}

void
jm_painter_paint_row_headers (JmLayout     *layout,
                              cairo_t      *cr,
                              const JmRect *visible_rect,
                              double        scale)
{
  Paint p;
  JmRect pane;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  if (!jm_layout_get_frozen_panes (layout, NULL, &pane))
    return;
  paint_setup (&p, layout, cr, visible_rect, scale, NULL);
  pane.y = p.visible.y;
  pane.height = p.visible.height;
  cairo_save (cr);
  pane_ground (&p, &pane, FALSE);
  for (guint i = 0; i < layout->rows->len; i++)
    {
      JmRow *row = g_ptr_array_index (layout->rows, i);

      if (row->y > p.visible.y + p.visible.height || row->y + row->height < p.visible.y)
        continue;
      if (i % 2 == 1)
        {
          cairo_rectangle (cr, JM_MARGIN, row->y, pane.width - JM_MARGIN, row->height);
          set_color (cr, p.colors->surface_alt);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, JM_MARGIN, row->y + row->height - 1, pane.width - JM_MARGIN, 1);
      set_color (cr, p.colors->grid);
      cairo_fill (cr);
      draw_lane_title (&p, row);
      if (row->lane->kind == JM_LANE_EMOTIONS)
        {
          draw_emotion_axis (&p);
          /* The frozen titles say whose curve is which: on every slide,
           * and in the editor once the titles are pinned. */
          draw_emotion_legend (&p);
        }
    }
  cairo_restore (cr);
}

void
jm_painter_paint_emotion_legend (JmLayout     *layout,
                                 cairo_t      *cr,
                                 const JmRect *visible_rect,
                                 double        scale)
{
  Paint p;

  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  paint_setup (&p, layout, cr, visible_rect, scale, NULL);
  cairo_save (cr);
  draw_emotion_legend (&p);
  cairo_restore (cr);
}
